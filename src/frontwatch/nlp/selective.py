"""Parse only where an event can be reported.

Every article is tokenized whole (cheap) and split into sentences by
``sentences.split_sentences``; the trigger scan (``prefilter``) marks the
sentences that may hold a trigger. Each run of consecutive marked sentences
gets the full pipeline (tagger, parser, lemmatizer, entities), in one batched
``nlp.pipe`` over the runs of many articles. The article's first sentence,
and the sentences next to a run that names no place itself, get named
entities only: the toponyms around an event help place it, and the lead says
where the story is. The rest is only
tokenized. The annotations are copied back into the article's Doc, so the
extractor gets one Doc whose text is exactly the article text, with the
parser's sentence boundaries where it ran and the splitter's elsewhere.

A sentence without a trigger never becomes an event: the extractor reads it
for its text (dates, actors, figures, place names after a cue). An article
with no candidate sentence needs no Doc annotation at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from frontwatch.nlp.prefilter import TriggerScan
from frontwatch.nlp.sentences import TokenSpan, split_sentences

# What a parsed stretch hands back to the article's Doc.
ANNOTATIONS = (TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID)
NER = "ner"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # entity labels of places


@dataclass(frozen=True, slots=True)
class SelectedDoc:
    """An article's Doc and how much of it was parsed."""

    doc: Doc
    sentences: int  # sentences found before parsing
    candidates: int  # of which may hold a trigger (parsed)
    # Character ranges whose named entities were looked for (the parsed
    # sentences and their context), in text order.
    entity_ranges: tuple[tuple[int, int], ...] = ()

    @property
    def has_candidates(self) -> bool:
        return self.candidates > 0


@dataclass(frozen=True, slots=True)
class _Plan:
    doc: Doc
    sentences: tuple[TokenSpan, ...]
    parsed: tuple[TokenSpan, ...]  # runs of candidate sentences: the full pipeline
    context: tuple[TokenSpan, ...]  # runs of sentences around them: entities only
    candidates: int
    # The Doc's attribute array, made once: Span.as_doc otherwise exports
    # the whole article's array for every run it copies.
    attrs: tuple[int, ...] = ()
    array: numpy.ndarray | None = None

    def piece(self, span: TokenSpan) -> Doc:
        """A new Doc of the span's tokens (Span.as_doc)."""
        piece = self.doc[span.start : span.end]
        if self.array is None:
            return piece.as_doc()
        # The stub lacks ``array``, which spaCy documents for this purpose.
        return piece.as_doc(array_head=self.attrs, array=self.array)  # type: ignore[call-arg]


class SelectiveParser:
    """Builds Docs for the extractor, parsing only the candidate sentences.

    ``context`` is how many sentences on either side of a candidate get their
    named entities found when the candidates next to them name no place
    themselves (None: every sentence of an article that has a candidate,
    whatever they name; 0: none), ``lead`` how many sentences at the start of such an
    article do. The defaults keep the events of the demo corpus and the ACLED
    dev slice identical to a full parse (see PERFORMANCE.md).
    """

    def __init__(
        self,
        nlp: Language,
        scan: TriggerScan,
        *,
        batch_size: int = 256,
        context: int | None = 1,
        lead: int = 1,
    ) -> None:
        self.nlp = nlp
        self.scan = scan
        self.batch_size = batch_size
        self.context = context if NER in nlp.pipe_names else 0
        self.lead = lead if NER in nlp.pipe_names else 0

    def __call__(self, text: str) -> SelectedDoc:
        return self.pipe([text])[0]

    def pipe(self, texts: Sequence[str]) -> list[SelectedDoc]:
        """One SelectedDoc per text, in order; the runs of all the texts go
        through the pipeline together."""
        plans = [self._plan(text) for text in texts]
        pieces: dict[int, list[tuple[TokenSpan, Doc]]] = {id(plan): [] for plan in plans}
        runs = [(plan, span) for plan in plans for span in plan.parsed]
        parsed = self.nlp.pipe(
            (plan.piece(span) for plan, span in runs), batch_size=self.batch_size
        )
        # Token index -> whether the parsed run that starts or ends there
        # names a place, per plan.
        placed: dict[tuple[int, int], bool] = {}
        for (plan, span), sub in zip(runs, parsed, strict=True):
            pieces[id(plan)].append((span, sub))
            names_place = any(e.label_ in PLACE_LABELS for e in sub.ents)
            placed[id(plan), span.start] = placed[id(plan), span.end] = names_place
        around = [
            (plan, span)
            for plan in plans
            for span in plan.context
            if self.context is None or _context_needed(plan, span, placed)
        ]
        recognised: dict[int, list[TokenSpan]] = {id(plan): list(plan.parsed) for plan in plans}
        for plan, span in around:
            recognised[id(plan)].append(span)
        if around:
            ner = self.nlp.get_pipe(NER)
            found = ner.pipe(  # type: ignore[attr-defined]
                (plan.piece(span) for plan, span in around), batch_size=self.batch_size
            )
            for (plan, span), sub in zip(around, found, strict=True):
                pieces[id(plan)].append((span, sub))
        results = []
        for plan in plans:
            _annotate(plan, pieces[id(plan)])
            ranges = sorted(
                (plan.doc[span.start].idx, plan.doc[span.end - 1].idx + len(plan.doc[span.end - 1]))
                for span in recognised[id(plan)]
            )
            results.append(
                SelectedDoc(
                    doc=plan.doc,
                    sentences=len(plan.sentences),
                    candidates=plan.candidates,
                    entity_ranges=tuple(ranges),
                )
            )
        return results

    def _plan(self, text: str) -> _Plan:
        doc = self.nlp.make_doc(text)
        sentences = split_sentences(doc)
        # The sentence's text sliced from the article's (Span.text joins
        # its tokens' texts one by one).
        spans = [doc[s.start : s.end] for s in sentences]
        flags = [self.scan.may_trigger(text[span.start_char : span.end_char]) for span in spans]
        near = _near(flags, self.context)
        if any(flags):
            near[: self.lead] = [True] * min(self.lead, len(near))
        levels = [
            _PARSE
            if flag
            else _ENTITIES
            if close and _may_name(span, self.nlp)
            else _TOKENS
            for span, flag, close in zip(spans, flags, near, strict=True)
        ]
        parsed = tuple(_runs(doc, sentences, levels, _PARSE))
        attrs = tuple(doc._get_array_attrs()) if parsed else ()
        return _Plan(
            doc=doc,
            sentences=tuple(sentences),
            parsed=parsed,
            context=tuple(_runs(doc, sentences, levels, _ENTITIES)),
            candidates=sum(flags),
            attrs=attrs,
            array=doc.to_array(list(attrs)) if parsed else None,
        )


def _context_needed(plan: _Plan, span: TokenSpan, placed: dict[tuple[int, int], bool]) -> bool:
    """Whether a run of context sentences needs its entities: the lead
    always does (it says where the story is); the others only when a parsed
    run next to them names no place of its own, since the context is there
    to place that run's events. (On the demo corpus and the ACLED slice this
    keeps every event as it was and skips two context runs in five.)"""
    if plan.sentences and span.start == plan.sentences[0].start:
        return True
    before = placed.get((id(plan), span.start), True)  # the parsed run ending here
    after = placed.get((id(plan), span.end), True)  # the parsed run starting here
    return not (before and after)


def _may_name(sentence: Span, nlp: Language) -> bool:
    """Whether a sentence can hold a name the entity recogniser would find:
    a capitalised word after the first, or a first word that is not a
    common function word ("The", "He", "In"). English names are written
    capitalised; a sentence without any gains nothing from the recogniser
    (a seventh of the context sentences in the news benchmark)."""
    words = [t for t in sentence if t.is_alpha]
    if not words:
        return False
    first, rest = words[0], words[1:]
    if any(t.text[0].isupper() for t in rest):
        return True
    return first.text[0].isupper() and not nlp.vocab[first.lower].is_stop


# How much of the pipeline a sentence gets.
_PARSE, _ENTITIES, _TOKENS = 2, 1, 0


def _near(flags: Sequence[bool], window: int | None) -> list[bool]:
    """Which sentences lie within ``window`` sentences of a flagged one (all
    of them when ``window`` is None and one is flagged)."""
    if window is None:
        return [any(flags)] * len(flags)
    marked = [i for i, flag in enumerate(flags) if flag]
    close = [False] * len(flags)
    for i in marked:
        for j in range(max(0, i - window), min(len(flags), i + window + 1)):
            close[j] = True
    return close


def _runs(
    doc: Doc, sentences: Sequence[TokenSpan], levels: Sequence[int], wanted: int
) -> list[TokenSpan]:
    """The runs of consecutive sentences at level ``wanted``. A line break
    ends a run: a headline without a full stop ("Palmyra retaken") would
    otherwise be parsed as one sentence with the lead below it."""
    runs: list[TokenSpan] = []
    for sentence, level in zip(sentences, levels, strict=True):
        if level != wanted:
            continue
        if runs and runs[-1].end == sentence.start and "\n" not in doc[runs[-1].end - 1].text:
            runs[-1] = TokenSpan(runs[-1].start, sentence.end)
        else:
            runs.append(sentence)
    return runs


def _annotate(plan: _Plan, pieces: Iterable[tuple[TokenSpan, Doc]]) -> None:
    """Copy the pieces' annotations into the article's Doc and set its
    sentence boundaries: the parser's inside parsed runs, the splitter's
    elsewhere."""
    doc = plan.doc
    if len(doc) == 0:
        return
    values = numpy.zeros((len(doc), len(ANNOTATIONS)), dtype=numpy.uint64)
    for span, sub in pieces:
        values[span.start : span.end] = sub.to_array(list(ANNOTATIONS))
    doc.from_array(list(ANNOTATIONS), cast(Ints2d, values))
    # from_array derives boundaries from the parse trees and marks every
    # other token "not a start"; put the splitter's boundaries back there.
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    parsed = numpy.zeros(len(doc), dtype=bool)
    for span in plan.parsed:
        parsed[span.start : span.end] = True
        starts[span.start] = 1
    for sentence in plan.sentences:
        if not parsed[sentence.start]:
            starts[sentence.start : sentence.end] = -1
            starts[sentence.start] = 1
    doc.from_array([SENT_START], cast(Ints2d, starts.astype(numpy.uint64).reshape(-1, 1)))
