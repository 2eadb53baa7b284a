"""A cheap sentence splitter over tokenized text, for the stretches of an
article that are not parsed.

The dependency parser sets sentence boundaries where it runs; elsewhere these
rules stand in for it. They split after terminal punctuation (with the
closing quotes and brackets that follow it) when the next word does not
start in lower case, and at line breaks. spaCy's tokenizer already keeps
abbreviations ("Gen.", "U.S.", "p.m.") whole, so a "." token ends a
sentence. Where in doubt they do not split: a stretch that holds a trigger
word is parsed whole, and the parser then splits it its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

TERMINAL = frozenset({".", "!", "?", "...", "…", "!?", "?!", "!!", "??"})
# Closing marks that stay with the sentence they end.
CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»", "''"})


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """Tokens ``start`` (inclusive) to ``end`` (exclusive) of a Doc."""

    start: int
    end: int


def split_sentences(doc: Doc) -> list[TokenSpan]:
    """The sentences of ``doc`` as token spans covering every token, in
    order. Whitespace tokens join the sentence before them."""
    tokens = doc
    length = len(tokens)
    sentences: list[TokenSpan] = []
    start = 0
    i = 0
    while i < length:
        token = tokens[i]
        end: int | None = None
        if token.is_space and "\n" in token.text:
            # A paragraph break always ends a sentence; a single line break
            # before a word in lower case is a wrapped line.
            paragraph = token.text.count("\n") > 1
            end = i + 1 if paragraph or _starts_sentence(tokens, i + 1, length) else None
        elif token.text in TERMINAL and (token.whitespace_ or not _glued_word(tokens, i + 1)):
            end = i + 1
            # A closing mark is written right after what it closes; one
            # after a space opens the next sentence ('said. "It was').
            while end < length and tokens[end].text in CLOSING and not tokens[end - 1].whitespace_:
                end += 1
            if not _starts_sentence(tokens, end, length):
                end = None
        if end is None:
            i += 1
            continue
        while end < length and tokens[end].is_space:
            end += 1  # trailing whitespace stays with this sentence
        if end > start:
            sentences.append(TokenSpan(start, end))
        start = end
        i = end
    if start < length:
        sentences.append(TokenSpan(start, length))
    return sentences


def _glued_word(tokens: Doc, index: int) -> bool:
    """A word written right after the mark ("end.Next"): a typo or a name,
    not a boundary the parser would see."""
    return index < len(tokens) and tokens[index].is_alpha


def _starts_sentence(tokens: Doc, index: int, length: int) -> bool:
    """Whether the first word at or after ``index`` can open a sentence: it is
    not written in lower case ("he said" after a quoted question is not a new
    sentence)."""
    while index < length and tokens[index].is_space:
        if "\n" in tokens[index].text:
            return True
        index += 1
    if index >= length:
        return True
    first = tokens[index].text
    return not first[:1].islower()
