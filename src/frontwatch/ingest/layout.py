"""The structure of a plain-text article: masthead, headline, standfirst,
byline, body, captions and boilerplate, each line given a role.

Only the body reaches ``Article.text``: the headline and standfirst restate
it (an event would be counted twice), captions describe photos that may be
old, and boilerplate is not news. Every line that is not body is kept
somewhere (title, captions, removed lines), so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from frontwatch.ingest.boilerplate import CleaningRules
from frontwatch.ingest.byline import parse_byline, split_dateline, split_source_suffix

# Lines before the byline that can be headline + standfirst (+ a kicker).
MAX_HEAD_LINES = 3
MAX_HEAD_LINE_WORDS = 60
# A line this short, without a closing full stop, reads as a headline.
MAX_HEADLINE_WORDS = 25
# A masthead in capitals ("THE DAILY EXAMPLE") is this short.
MAX_MASTHEAD_WORDS = 6
# Publisher blurbs sit at the foot of the page; looking only there keeps a
# body sentence such as "X is a state news agency" in the text.
BLURB_TAIL_LINES = 8
# Hard-wrapped text: no line is longer than this, most lines followed by
# another are close to the longest one, and many of them stop mid-sentence
# (one short paragraph a line would end each line with a full stop).
MAX_WRAP_WIDTH = 132
_NEAR_WIDTH = 0.75
_MIN_NEAR_WIDTH_LINES = 3
_MIN_NEAR_WIDTH_SHARE = 0.4
_MIN_MID_SENTENCE_SHARE = 0.3
# A line ending in one of these words was cut mid-sentence: not a headline.
_DANGLING_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "but", "of", "to", "for", "with", "after"),
        *("before", "at", "from", "by", "that", "which", "who", "as", "than", "his"),
        *("her", "its", "their", "our", "is", "was", "were", "are", "has", "have", "had"),
        *("will", "would", "on", "in", "into", "near", "over", "under", "between"),
        *("against", "during", "since", "while", "when", "where", "amid", "including"),
        *("about", "toward", "towards", "through", "across", "outside", "inside", "some"),
    }
)

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BLOCK_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"^(\d{1,2}[.)]|[-•*·–])\s+\S")

CONTENT = "content"
CAPTION = "caption"
BYLINE = "byline"
PUBLISHER = "publisher"
MASTHEAD = "masthead"
DATELINE = "dateline"
HEADLINE = "headline"
STANDFIRST = "standfirst"
SOURCE = "source"
RELATED = "related"


@dataclass(frozen=True, slots=True)
class RemovedLine:
    kind: str  # a boilerplate kind, or "byline", "headline", "standfirst", ...
    line: str


@dataclass(frozen=True, slots=True)
class TextLayout:
    body: tuple[str, ...]  # the paragraphs kept, in order
    title: str | None
    captions: tuple[str, ...]
    removed: tuple[RemovedLine, ...]
    author: str | None
    original_source: str | None  # "Reuters"; several agencies joined by "; "
    outlet: str | None  # named by a publisher blurb or a copyright line

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)


@dataclass(slots=True)
class _Line:
    text: str
    role: str = CONTENT
    cuts: list[RemovedLine] = field(default_factory=list)  # parts split off the text


def lay_out(
    text: str,
    rules: CleaningRules,
    *,
    known_title: str | None = None,
    known_outlets: Sequence[str] = (),
    known_standfirsts: Sequence[str] = (),
) -> TextLayout:
    """Give each paragraph of ``text`` a role. ``known_title`` (metadata) is
    the title; lines restating it, a ``known_standfirsts`` entry or the
    outlet's name at the top are dropped from the body."""
    lines = [
        _Line(paragraph)
        for paragraph in split_paragraphs(text, lambda line: _is_structural(line, rules))
    ]
    outlet = _find_outlet(lines, rules)
    outlets = [name for name in (*known_outlets, outlet) if name]
    author, sources = _classify(lines, rules, outlets)
    _mark_related_lists(lines)
    head_end = _head_end(lines, rules, sources)
    title = _take_title(lines, head_end, known_title, known_standfirsts)

    content = [line for line in lines if line.role == CONTENT]
    if content:
        kept, suffix_sources = split_source_suffix(content[-1].text, rules)
        if suffix_sources and kept:
            content[-1].cuts.append(RemovedLine(SOURCE, content[-1].text[len(kept) :].strip()))
            content[-1].text = kept
            sources.extend(s for s in suffix_sources if s not in sources)

    removed: list[RemovedLine] = []
    for line in lines:
        if line.role not in (CONTENT, CAPTION):
            removed.append(RemovedLine(line.role, line.text))
        removed.extend(line.cuts)
    return TextLayout(
        body=tuple(line.text for line in lines if line.role == CONTENT),
        title=known_title or title,
        captions=tuple(line.text for line in lines if line.role == CAPTION),
        removed=tuple(removed),
        author=author,
        original_source="; ".join(sources) or None,
        outlet=outlet,
    )


def split_paragraphs(text: str, is_structural: Callable[[str], bool]) -> list[str]:
    """Paragraphs of ``text``, one per line or blank-line separated block.

    Hard-wrapped text (every line cut at ~70-80 columns) is joined back into
    paragraphs; ``is_structural`` marks lines (bylines, boilerplate) that are
    never joined to their neighbours."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [
        [cleaned for raw in block.split("\n") if (cleaned := _normalise_line(raw))]
        for block in _BLOCK_BREAK.split(normalised)
    ]
    width = _wrap_width(blocks)
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        current, previous = block[0], block[0]
        for line in block[1:]:
            # A line starting in lower case, or after "... of the", continues
            # the one before it; in wrapped text so does one that did not fit.
            continues = (
                line[:1].islower()
                or _ends_dangling(previous)
                or (width is not None and _was_wrapped(previous, line, width))
            )
            if continues and not (is_structural(previous) or is_structural(line)):
                # "pro-\ngovernment" was a hyphenated word cut at its hyphen.
                joiner = "" if re.search(r"\w-$", previous) else " "
                current = current + joiner + line
            else:
                paragraphs.append(current)
                current = line
            previous = line
        paragraphs.append(current)
    return paragraphs


def _normalise_line(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _wrap_width(blocks: list[list[str]]) -> int | None:
    """The column the text was wrapped at, or None if it was not wrapped."""
    lines = [line for block in blocks for line in block]
    if not lines:
        return None
    width = max(len(line) for line in lines)
    if width > MAX_WRAP_WIDTH:
        return None
    followed = [line for block in blocks for line in block[:-1]]
    near = sum(1 for line in followed if len(line) >= _NEAR_WIDTH * width)
    mid_sentence = sum(1 for line in followed if not _SENTENCE_END.search(line))
    if near < max(
        _MIN_NEAR_WIDTH_LINES, _MIN_NEAR_WIDTH_SHARE * len(followed)
    ) or mid_sentence < _MIN_MID_SENTENCE_SHARE * len(followed):
        return None
    return width


def _ends_dangling(line: str) -> bool:
    words = line.split()
    return bool(words) and words[-1].lower() in _DANGLING_WORDS


def _was_wrapped(previous: str, line: str, width: int) -> bool:
    """A greedy wrapper broke ``previous`` only because the next word did not fit."""
    next_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(next_word) > width


def _is_structural(line: str, rules: CleaningRules) -> bool:
    return rules.boilerplate_kind(line) is not None or parse_byline(line, rules) is not None


def _find_outlet(lines: list[_Line], rules: CleaningRules) -> str | None:
    """The outlet named by a publisher blurb at the foot, else by a copyright line."""
    for line in lines[-BLURB_TAIL_LINES:]:
        publisher = rules.publisher(line.text)
        if publisher:
            line.role = PUBLISHER
            return publisher
    for line in lines:
        if rules.boilerplate_kind(line.text) == "copyright":
            holder = rules.copyright_holder(line.text)
            if holder:
                return holder
    return None


def _classify(
    lines: list[_Line], rules: CleaningRules, outlets: list[str]
) -> tuple[str | None, list[str]]:
    """Set each line's role; return the byline author and the agencies."""
    author: str | None = None
    sources: list[str] = []
    in_head = True  # no body line seen yet: a masthead may still come
    for line in lines:
        if line.role != CONTENT:
            continue
        kind = rules.boilerplate_kind(line.text)
        if kind:
            line.role = kind
            continue
        if in_head and _is_masthead(line.text, outlets):
            line.role = MASTHEAD
            continue
        byline = parse_byline(line.text, rules)
        if byline:
            line.role = BYLINE
            author = author or byline.author
            sources.extend(s for s in byline.sources if s not in sources)
        elif rules.is_caption(line.text):
            line.role = CAPTION
        else:
            in_head = False
    return author, sources


def _is_masthead(line: str, outlets: list[str]) -> bool:
    if any(_same_name(line, outlet) for outlet in outlets):
        return True
    # The word count first: a paragraph is no masthead, whatever its letters.
    if len(line.split()) > MAX_MASTHEAD_WORDS:
        return False
    letters = [char for char in line if char.isalpha()]
    return (
        len(letters) >= 2
        and all(char.isupper() for char in letters)
        and not _SENTENCE_END.search(line)
    )


def _mark_related_lists(lines: list[_Line]) -> None:
    """Link lists under a "Most read" or "Related" heading are not body."""
    in_list = False
    for line in lines:
        if line.role == RELATED:
            in_list = True
        elif (
            in_list
            and line.role == CONTENT
            and (_LIST_ITEM.match(line.text) or _looks_like_headline(line.text))
        ):
            line.role = RELATED
        elif line.role == CONTENT:
            in_list = False


def _head_end(lines: list[_Line], rules: CleaningRules, sources: list[str]) -> int | None:
    """Index of the line where the story starts after a headline block: the
    byline, or the paragraph opening with a wire dateline (which is split off)."""
    content_seen = 0
    for index, line in enumerate(lines):
        if content_seen > MAX_HEAD_LINES:
            return None
        if line.role == BYLINE:
            return index
        if line.role != CONTENT:
            continue
        dateline = split_dateline(line.text, rules)
        if dateline is not None:
            line.cuts.append(RemovedLine(DATELINE, dateline.prefix.strip()))
            sources.extend(s for s in dateline.sources if s not in sources)
            line.text = dateline.rest
            return index
        content_seen += 1
    return None


def _take_title(
    lines: list[_Line],
    head_end: int | None,
    known_title: str | None,
    known_standfirsts: Sequence[str],
) -> str | None:
    """Mark the headline and standfirst lines; return the headline."""
    content = [line for line in lines if line.role == CONTENT]
    if not content:
        return None
    title: str | None = None
    head: list[_Line] = []
    if head_end is not None:
        head = [line for line in lines[:head_end] if line.role == CONTENT]
        if len(head) > MAX_HEAD_LINES or any(
            len(line.text.split()) > MAX_HEAD_LINE_WORDS for line in head
        ):
            head = []
    if head:
        head[0].role = HEADLINE
        title = head[0].text
        for line in head[1:]:
            line.role = STANDFIRST
    else:
        first = content[0]
        if known_title is not None:
            restates_title = _same_text(first.text, known_title)
        else:
            restates_title = (
                len(content) >= 2
                and _looks_like_headline(first.text)
                and not content[1].text[:1].islower()
            )
        if restates_title:
            first.role, title = HEADLINE, first.text
    # A standfirst the page marks as such, among the first lines left.
    remaining = [line for line in lines if line.role == CONTENT][:MAX_HEAD_LINES]
    for line in remaining[:-1] if len(remaining) > 1 else []:
        if any(_same_text(line.text, standfirst) for standfirst in known_standfirsts):
            line.role = STANDFIRST
    return title


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and words[-1].strip(",;:\"'”’").lower() not in _DANGLING_WORDS
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"'“‘")
    )


def _text_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _same_text(a: str, b: str) -> bool:
    return _text_key(a) == _text_key(b)


def _same_name(a: str, b: str) -> bool:
    """Outlet names compared without case, punctuation or a leading "The"."""

    def key(name: str) -> str:
        return re.sub(r"^the ", "", _text_key(name))

    return key(a) == key(b) and bool(key(a))
