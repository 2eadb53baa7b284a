"""Scoring extracted events against ACLED's human-coded notes.

How a run is scored:

- **Linking.** An extracted event belongs to a note when one of its sources has
  the note's URL (``acled:<note_id>``). Events flagged as negated,
  hypothetical, planned or historical are not events and are left out of
  every number except the ``flagged`` count.
- **Primary event.** A note is scored through one event, its primary event:
  the linked event whose earliest source sentence in that note starts first
  (lowest ``start`` offset), since a coder's note opens with the event it
  codes. Ties (one sentence, several events) go to the higher ACLED tactic
  rank (``frontwatch.extract.taxonomy.TACTIC_RANK``), then to the lower event
  id.
- **Fields.** A field of the primary event is right when it matches that field
  in ANY of the note's gold rows (ACLED splits a multi-location event into
  rows sharing one note); the match rules are in ``frontwatch.eval.match``.
  Each field is scored over the notes whose gold codes it (a non-empty value
  in at least one row; an ``inter2`` of 0, no second actor, is a value). A
  note without a primary event counts as wrong on every field it codes.
- **Coverage** is the share of notes with at least one linked event;
  **over-generation** the mean number of linked events per note (ACLED codes
  most notes as one event; a note split over several places may rightly give
  a few more).
- **Confusion matrices** (event type, sub-event type) cross the gold value with
  the primary event's, "(none)" when either is missing; when the note's rows
  disagree, the gold value is the row the event matched, else the first row.
- **Per country**: the field scores again, for the notes of each gold country
  (the first row's).
- **Worst misses**: the notes with the most wrong fields, ties by note id, with
  the note text and each field's gold (first row) and extracted values.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontwatch.eval.extracted import ExtractedEvent
from frontwatch.eval.gold import GoldNote, GoldRow
from frontwatch.eval.match import SCORED_FIELDS, has_value, matches, shown
from frontwatch.extract.taxonomy import TACTIC_RANK

NONE_LABEL = "(none)"
WORST_MISSES = 50
CONFUSION_FIELDS = ("event_type", "sub_event_type")


@dataclass(frozen=True, slots=True)
class FieldScore:
    field: str
    n: int  # notes whose gold codes the field
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass(frozen=True, slots=True)
class ConfusionCell:
    gold: str
    extracted: str
    count: int


@dataclass(frozen=True, slots=True)
class ConfusionMatrix:
    """Gold x extracted counts of one field; labels sorted, "(none)" last."""

    field: str
    gold_labels: tuple[str, ...]
    extracted_labels: tuple[str, ...]
    cells: tuple[ConfusionCell, ...]  # non-zero cells, in label order

    def count(self, gold: str, extracted: str) -> int:
        for cell in self.cells:
            if cell.gold == gold and cell.extracted == extracted:
                return cell.count
        return 0


@dataclass(frozen=True, slots=True)
class FieldComparison:
    field: str
    gold: str  # the first gold row's value, as printed
    extracted: str  # the primary event's value ("" without one)
    correct: bool | None  # None: the gold does not code this field


@dataclass(frozen=True, slots=True)
class NoteOutcome:
    """How one note scored."""

    note_id: str
    country: str  # the first gold row's
    text: str
    gold_rows: int  # the note's ACLED rows; a field is right if any row matches
    primary_event: str | None  # event id, None when no event was linked
    events: int  # linked unflagged events
    comparisons: tuple[FieldComparison, ...]

    @property
    def wrong(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.comparisons if c.correct is False)


@dataclass(frozen=True, slots=True)
class CountryScore:
    country: str
    notes: int
    fields: tuple[FieldScore, ...]


@dataclass(frozen=True, slots=True)
class EvalResult:
    notes: int
    events: int  # unflagged events linked to a note (counted once per note)
    flagged: int  # flagged events linked to a note, left out of scoring
    unlinked: int  # events none of whose sources is a gold note
    coverage: float | None  # share of notes with at least one event
    over_generation: float | None  # events per note, mean
    fields: tuple[FieldScore, ...]
    confusion: tuple[ConfusionMatrix, ...]
    countries: tuple[CountryScore, ...]
    worst: tuple[NoteOutcome, ...]
    outcomes: tuple[NoteOutcome, ...]  # every note, in the gold order

    def field(self, name: str) -> FieldScore:
        for score in self.fields:
            if score.field == name:
                return score
        raise KeyError(name)


def score(
    notes: Sequence[GoldNote], extracted: Iterable[ExtractedEvent], *, worst: int = WORST_MISSES
) -> EvalResult:
    """Score the extracted events against the notes (see the module docstring)."""
    by_url = {note.url: note for note in notes}
    linked: dict[str, list[ExtractedEvent]] = {note.note_id: [] for note in notes}
    flagged = unlinked = 0
    for event in extracted:
        note_ids = [by_url[url].note_id for url in event.urls if url in by_url]
        if not note_ids:
            unlinked += 1
            continue
        for note_id in note_ids:
            if event.flagged:
                flagged += 1
            else:
                linked[note_id].append(event)
    outcomes: list[NoteOutcome] = []
    primaries: list[ExtractedEvent | None] = []
    for note in notes:
        events = linked[note.note_id]
        primary = primary_event(note, events)
        primaries.append(primary)
        outcomes.append(_outcome(note, primary, len(events)))
    total_events = sum(len(events) for events in linked.values())
    covered = sum(1 for events in linked.values() if events)
    return EvalResult(
        notes=len(notes),
        events=total_events,
        flagged=flagged,
        unlinked=unlinked,
        coverage=covered / len(notes) if notes else None,
        over_generation=total_events / len(notes) if notes else None,
        fields=_field_scores(outcomes),
        confusion=tuple(_confusion(field, notes, primaries) for field in CONFUSION_FIELDS),
        countries=_country_scores(outcomes),
        worst=_worst(outcomes, worst),
        outcomes=tuple(outcomes),
    )


def primary_event(note: GoldNote, events: Sequence[ExtractedEvent]) -> ExtractedEvent | None:
    """The event a note is scored through: earliest source sentence in the
    note, then the higher tactic rank, then the lower event id."""
    if not events:
        return None
    return min(events, key=lambda event: _primary_key(note, event))


def _primary_key(note: GoldNote, event: ExtractedEvent) -> tuple[int, int, str]:
    starts = [
        source.start if source.start is not None else sys.maxsize
        for source in event.sources
        if source.url == note.url
    ]
    return (
        min(starts, default=sys.maxsize),
        -TACTIC_RANK.get(event.sub_event_type, 0),
        event.event_id,
    )


def _outcome(note: GoldNote, primary: ExtractedEvent | None, events: int) -> NoteOutcome:
    comparisons = tuple(
        FieldComparison(
            field=field,
            gold=shown(field, note.first),
            extracted=shown(field, primary),
            correct=_correct(field, note.rows, primary),
        )
        for field in SCORED_FIELDS
    )
    return NoteOutcome(
        note_id=note.note_id,
        country=note.first.country,
        text=note.text,
        gold_rows=len(note.rows),
        primary_event=primary.event_id if primary else None,
        events=events,
        comparisons=comparisons,
    )


def _correct(field: str, rows: Sequence[GoldRow], event: ExtractedEvent | None) -> bool | None:
    if not any(has_value(field, row) for row in rows):
        return None
    if event is None:
        return False
    return any(matches(field, event, row) for row in rows)


def _field_scores(outcomes: Sequence[NoteOutcome]) -> tuple[FieldScore, ...]:
    n: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for outcome in outcomes:
        for comparison in outcome.comparisons:
            if comparison.correct is None:
                continue
            n[comparison.field] += 1
            correct[comparison.field] += comparison.correct
    return tuple(FieldScore(field, n[field], correct[field]) for field in SCORED_FIELDS)


def _country_scores(outcomes: Sequence[NoteOutcome]) -> tuple[CountryScore, ...]:
    by_country: dict[str, list[NoteOutcome]] = {}
    for outcome in outcomes:
        by_country.setdefault(outcome.country or NONE_LABEL, []).append(outcome)
    return tuple(
        CountryScore(country=country, notes=len(group), fields=_field_scores(group))
        for country, group in sorted(by_country.items())
    )


def _worst(outcomes: Sequence[NoteOutcome], limit: int) -> tuple[NoteOutcome, ...]:
    missed = [outcome for outcome in outcomes if outcome.wrong]
    missed.sort(key=lambda outcome: (-len(outcome.wrong), outcome.note_id))
    return tuple(missed[: max(limit, 0)])


def _confusion(
    field: str, notes: Sequence[GoldNote], primaries: Sequence[ExtractedEvent | None]
) -> ConfusionMatrix:
    counts: Counter[tuple[str, str]] = Counter()
    for note, event in zip(notes, primaries, strict=True):
        extracted = (getattr(event, field) if event else "") or NONE_LABEL
        matched = [row for row in note.rows if event and matches(field, event, row)]
        gold = getattr((matched or list(note.rows))[0], field) or NONE_LABEL
        counts[(gold, extracted)] += 1
    gold_labels = _labels(gold for gold, _ in counts)
    extracted_labels = _labels(extracted for _, extracted in counts)
    order = {label: n for n, label in enumerate(gold_labels)}
    column = {label: n for n, label in enumerate(extracted_labels)}
    cells = sorted(counts.items(), key=lambda item: (order[item[0][0]], column[item[0][1]]))
    return ConfusionMatrix(
        field=field,
        gold_labels=gold_labels,
        extracted_labels=extracted_labels,
        cells=tuple(ConfusionCell(gold, extracted, count) for (gold, extracted), count in cells),
    )


def _labels(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(values), key=lambda label: (label == NONE_LABEL, label)))
