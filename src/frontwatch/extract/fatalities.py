"""Fatality counts from news sentences and ACLED notes, coded the way ACLED
codes them: the lowest figure a report supports.

Rules (the words live in ``data/fatalities.yaml``):

* Ranges and hedges give their lower bound: "between 5 and 7 killed" is 5
  (low 5, high 7), "at least 12" is 12, "more than 40" is 40. "Up to 20" is 1
  (high 20): a ceiling only says that someone died.
* Vague quantities take the count in the lexicon ("dozens" 12, "hundreds"
  100, "several" 3, as ACLED notes code them).
* A singular determiner counts one before a singular noun for a person or an
  unknown noun ("a soldier", "a trafficker"), never before a thing ("attacked
  a checkpoint, 3 soldiers were killed" is 3).
* Deaths named in one report are summed ("3 soldiers and 2 civilians were
  killed" is 5; "... also 2 militants were killed" adds 2). Anaphoric mentions
  ("the victim died", "both were killed", "one was burnt alive") count only
  when nothing else does: they repeat people named before.
* A stated toll ("10 fatalities", "the death toll rose to 7") wins over the
  parts it sums; tolls that disagree give the lowest. Figures from other
  sources ("other sources reported 37 killed") give the lowest as well.
* Injuries are never fatalities; "killed or injured", "killing and injuring"
  and "casualties" do not say how many died, so they do not count.
* ACLED coding statements win over everything: "fatalities coded as 10",
  "split across 3 events (4)", "rounded down to 3". A toll split over K events
  without the share written out gives the share most of the events get
  (ACLED gives the remainder to the first events: see ``numbers.split_count``).
* Deaths that a protest or a later act is about ("protested after two men
  were killed", "who killed a resident earlier that day") are background, not
  the event's own fatalities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from frontwatch.extract.fatality_lexicon import (
    context_cue,
    fatality_grammar,
    load_lexicon,
    report_cue,
)
from frontwatch.extract.numbers import (
    CARDINAL_PATTERN,
    MONTHS_PATTERN,
    CountedPhrase,
    majority_share,
    parse_cardinal,
)
from frontwatch.models import Fatalities

UNKNOWN_WHO = "people"


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """One phrase reporting deaths, with character offsets into the text."""

    start: int
    end: int
    count: int
    low: int
    high: int
    who: str  # "civilians", "security forces", "militants" or "people"
    text: str
    reason: str
    kind: str = "victims"  # "victims" (a group of dead) or "total" (a stated toll)
    anaphoric: bool = False  # "the victim", "both", "he": likely a repeat
    background: bool = False  # deaths a protest or a reprisal is about
    alternative: bool = False  # a figure from another source ("other sources said")
    head: str = ""  # the noun for the dead when one group is named ("soldiers")


_PAST_DATE = re.compile(rf"\bin\s+(?:(?:{MONTHS_PATTERN})\b|(?:19|20)\d\d\b)", re.IGNORECASE)
_NOT_ACTED = re.compile(
    r"\b(?:to|would|will|could|might|may|should|must|not|never|failed|n't)\s+$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\[(\"'])|;\s+")
_PRONOUN_OBJECT = re.compile(r"\s+(?:him|her|himself|herself)\b", re.IGNORECASE)
_SUICIDE = re.compile(r"\b(?:blew|blowing|blown|blows)\s+(?:himself|herself)\s+up\b", re.IGNORECASE)
_HIS_DEATH = re.compile(
    r"\b(?:result(?:ed|ing)?\s+in|lead(?:ing)?\s+to|led\s+to|caus(?:ed|ing))\s+(?:his|her)\s+"
    r"death\b",
    re.IGNORECASE,
)
_TOLL_RANGE = re.compile(
    r"\b(?:fatalities|deaths|death\s+toll)\s+(?:\w+\s+)?(?:range[sd]?|ranging|vary|varied|"
    rf"varying)\s+(?:from|between)\s+(?P<low>{CARDINAL_PATTERN})\s+(?:to|and|-)\s+"
    rf"(?P<high>{CARDINAL_PATTERN})",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_FLAGS = re.IGNORECASE


# --- Groups of dead people ---------------------------------------------------------------


def _who(noun_phrase: str) -> str:
    who_of_noun = load_lexicon().who_of_noun
    for word in reversed(re.findall(r"[\w\-]+", noun_phrase.lower())):
        for form in (word, word.split("-")[-1]):
            if form in who_of_noun:
                return who_of_noun[form]
    return UNKNOWN_WHO


def _is_people(phrase: CountedPhrase, strict: bool) -> bool:
    """Whether "<quantity> <noun phrase>" names people, not cattle or kilometres.

    A number needs no noun ("killing 4"). A singular determiner needs a
    singular noun ("a" alone, "the families" and "a checkpoint" are not one
    person); ``strict`` asks for a listed noun for a person.
    """
    lex = load_lexicon()
    head = phrase.head
    last = head.split("-")[-1]
    quantity, noun_phrase = phrase.quantity, phrase.noun_phrase
    if not head:
        return not quantity.singular
    if head in lex["not_people"] or last in lex["not_people"]:
        return False
    if head == "other":  # "the other died": one of a pair named before
        return quantity.singular
    if not quantity.singular:
        return True
    if noun_phrase.strip().lower().startswith("of ") or last in lex.plural_nouns:
        return False
    if last.endswith("s") and not last.endswith("ss") and last not in lex.singular_nouns:
        return False
    return last in lex.singular_nouns or not strict


def _chain(text: str, start: int, end: int, strict_before_last: bool) -> list[CountedPhrase]:
    """The coordinated groups of people from ``start``: "3 soldiers and a civilian".
    With ``strict_before_last``, singular groups before the last one need a
    listed noun for a person ("a shoot-out broke out and a man was killed")."""
    return fatality_grammar().groups.chain(
        text, start, end, lambda phrase, before_last: _is_people(
            phrase, strict=before_last and strict_before_last)
    )  # fmt: skip


def _mention(
    text: str, start: int, end: int, groups: list[CountedPhrase], reason: str, kind: str = "victims"
) -> FatalityMention:
    whos = {_who(g.noun_phrase) for g in groups}
    return FatalityMention(
        start=start,
        end=end,
        count=sum(g.quantity.count for g in groups),
        low=sum(g.quantity.low for g in groups),
        high=sum(g.quantity.high for g in groups),
        who=whos.pop() if len(whos) == 1 else UNKNOWN_WHO,
        text=text[start:end],
        reason=f"{reason}: " + "; ".join(g.quantity.reason for g in groups),
        kind=kind,
        anaphoric=all(g.quantity.anaphoric for g in groups),
        head=groups[0].head if len(groups) == 1 else "",
    )


def _single(text: str, start: int, end: int, reason: str, anaphoric: bool) -> FatalityMention:
    return FatalityMention(start, end, 1, 1, 1, UNKNOWN_WHO, text[start:end], reason,
                           anaphoric=anaphoric)  # fmt: skip


# --- Mentions ----------------------------------------------------------------------------


def _active_mentions(text: str) -> tuple[list[FatalityMention], set[int]]:
    """ "killing 3 civilians and a soldier", "beat a man to death"; also returns
    where the verbs used start, so that no passive reading reuses them."""
    grammar = fatality_grammar()
    mentions: list[FatalityMention] = []
    used: set[int] = set()
    for verb in grammar.active_verb.finditer(text):
        if _NOT_ACTED.search(text, max(0, verb.start() - 12), verb.start()):
            continue  # "attempted to kill", "would kill"
        if grammar.ambiguous_after.match(text, verb.end()):
            continue  # "killed and wounded several": how many died is not said
        extra = re.match(r"\s+and\s+[a-z]+ed(?:\s+the\s+bod(?:y|ies)\s+of)?", text[verb.end() :])
        pos = verb.end() + (extra.end() if extra else 0)
        pronoun = _PRONOUN_OBJECT.match(text, pos)
        if pronoun is not None:
            used.add(verb.start())
            reflexive = "self" in pronoun.group(0).lower()  # "killed himself" is not a repeat
            mentions.append(_single(text, verb.start(), pronoun.end(), "him = 1", not reflexive))
            continue
        gap = re.match(r"\s+", text[pos:])
        groups = _chain(text, pos + gap.end(), len(text), False) if gap else []
        if not groups or (
            not groups[0].noun_phrase.strip() and grammar.injury.match(text, groups[0].end + 1)
        ):
            continue  # "1 killed 3 injured": the 3 are the injured
        used.add(verb.start())
        mentions.append(_mention(text, verb.start(), groups[-1].end, groups, "killed N"))
    for verb in grammar.to_death_verb.finditer(text):
        groups = _chain(text, verb.end() + 1, len(text), False)
        if groups and re.match(r"\s+to\s+death\b", text[groups[-1].end :], re.IGNORECASE):
            used.add(verb.start())
            mentions.append(_mention(text, verb.start(), groups[-1].end, groups, "N to death"))
    return mentions, used


def _reads_passive(text: str, groups: list[CountedPhrase], verb_end: int) -> bool:
    """Whether "<N> killed" without an auxiliary is a headline passive ("1
    killed, 3 injured") rather than a verb with its object after it."""
    following = text[verb_end : verb_end + 30]
    if re.match(r"\s*(?:[,.;:)\]]|$)", following):
        return True
    if not re.match(
        r"\s+(?:in|at|on|and|by|when|while|after|during|near|as|following|with|or|since|from"
        r"|across|inside|outside|amid|over|overnight|yesterday|today|last|this|earlier|later"
        r"|\d)\b",
        following,
        re.IGNORECASE,
    ):
        return False
    return not (any(g.noun_phrase.strip() for g in groups) and re.match(r"\s+\d", following))


def _chain_before(text: str, end: int, gap: re.Pattern[str]) -> list[CountedPhrase]:
    """The longest chain of groups that ends, after ``gap``, exactly at ``end``."""
    window = max(_sentence_bounds(text, end)[0], end - 300)
    for word in re.finditer(r"(?<![\w'’.,:/-])[\w(]", text[window:end]):
        pos = window + word.start()
        groups = _chain(text, pos, end, strict_before_last=True)
        if groups and groups[0].start == pos and gap.fullmatch(text, groups[-1].end, end):
            return groups
    return []


def _passive_mentions(text: str, used: set[int]) -> list[FatalityMention]:
    """ "3 soldiers and 2 civilians were killed", "two men died", "1 killed", and
    counted nouns: "10 fatalities", "2 rebel and 1 military fatality", "3 bodies"."""
    grammar = fatality_grammar()
    mentions: list[FatalityMention] = []
    for verb in grammar.passive_verb.finditer(text):
        if verb.start() in used or grammar.ambiguous_after.match(text, verb.end()):
            continue
        groups = _chain_before(text, verb.start(), grammar.chain_gap)
        between = text[groups[-1].end : verb.start()] if groups else ""
        singular = len(groups) == 1 and groups[0].quantity.singular
        if not groups or (singular and re.search(r"\b(?:were|are|have)\b", between, _FLAGS)):
            # No countable subject, but "<anyone> was killed" is one death.
            was = grammar.singular_passive.search(text, max(0, verb.start() - 120), verb.start())
            if was is not None:
                mentions.append(_single(text, was.start(), verb.end(), "was killed = 1", True))
            continue
        bare = not between.strip()
        unpassive = verb.group(0).lower() in grammar.unpassive_verbs
        if bare and unpassive and not _reads_passive(text, groups, verb.end()):
            continue  # "2 gunmen killed a man": the gunmen did not die
        if len(groups) == 1 and groups[0].is_partitive:  # "One was burnt alive"
            groups = [replace(groups[0], quantity=replace(groups[0].quantity, anaphoric=True))]
        # "1 killed, 7 injured." opening a sentence sums up the report.
        headline = bare and not any(g.noun_phrase.strip() for g in groups)
        opens = _sentence_bounds(text, verb.start())[0] == groups[0].start
        kind = "total" if headline and opens else "victims"
        mentions.append(_mention(text, groups[0].start, verb.end(), groups, "N killed", kind))
    bodies = load_lexicon()["body_nouns"]
    for noun in grammar.death_noun.finditer(text):
        is_body = noun.group(0).lower() in bodies
        if is_body and not _cue_in_sentence(text, noun.start(), "found"):
            continue
        groups = _chain_before(text, noun.start(), _SPACE)
        if not groups or (groups[-1].quantity.singular and not is_body):
            continue  # "the deaths", "a death squad"
        kind, reason = ("victims", "N bodies") if is_body else ("total", "N deaths")
        mentions.append(_mention(text, groups[0].start, noun.end(), groups, reason, kind))
    return mentions


def _phrase_mentions(text: str) -> list[FatalityMention]:
    """Tolls, causes, bodies and pronouns: "the death toll rose to 7", "resulted
    in the death of two men", "the bodies of 3 men were found", "he died"."""
    grammar = fatality_grammar()
    mentions: list[FatalityMention] = []
    for match in _TOLL_RANGE.finditer(text):
        first, second = parse_cardinal(match["low"]) or 0, parse_cardinal(match["high"]) or 0
        low, high = min(first, second), max(first, second)
        reason = f"reports range: lowest of {low}-{high}"
        mentions.append(FatalityMention(match.start(), match.end(), low, low, high, UNKNOWN_WHO,
                                        match.group(0), reason, "total"))  # fmt: skip
    for pattern, reason, kind in grammar.phrases:
        for match in pattern.finditer(text):
            if reason == "body of" and not _cue_in_sentence(text, match.start(), "found"):
                continue
            groups = _chain(text, match.end(), len(text), False)
            if groups:
                mentions.append(_mention(text, match.start(), groups[-1].end, groups, reason, kind))
    for match in grammar.pronoun_subject.finditer(text):
        aux_free = not text[match.start() + 3 : match.start("verb")].strip()
        if grammar.ambiguous_after.match(text, match.end()) or (
            aux_free and match.group("verb").lower() in grammar.unpassive_verbs
        ):
            continue
        mentions.append(_single(text, match.start(), match.end(), "he died = 1", True))
    for match in _HIS_DEATH.finditer(text):
        mentions.append(_single(text, match.start(), match.end(), "his death = 1", True))
    for match in _SUICIDE.finditer(text):
        mentions.append(_single(text, match.start(), match.end(), "bomber = 1", False))
    return mentions


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() > pos:
            return start, boundary.start()
        start = boundary.end()
    return start, len(text)


def _cue_in_sentence(text: str, pos: int, name: str) -> bool:
    start, end = _sentence_bounds(text, pos)
    return context_cue(name).search(text, start, end) is not None


def _context_flags(text: str, mention: FatalityMention) -> FatalityMention:
    """Mark deaths a protest or a later act is about, and other sources' figures."""
    start, end = _sentence_bounds(text, mention.start)
    lead = text[max(start, mention.start - 80) : mention.start]
    clause = re.split(r"[,;:]|\b(?:and|but|while|whilst|during)\b", lead)[-1]
    opener = context_cue("background").search(clause)
    past = context_cue("past_time").search(text, mention.start, end) or _PAST_DATE.search(
        text, mention.start, end
    )
    protest = context_cue("protest").search(text, start, end) or "[size=" in text[start:end]
    relative = opener is not None and opener.group(0).lower() in ("who", "which", "that")
    background = opener is not None and bool(past or (protest and not relative))
    alternative = context_cue("other_sources").search(text, start, mention.start) is not None
    if background or alternative:
        return replace(mention, background=background, alternative=alternative)
    return mention


def find_fatality_mentions(text: str) -> list[FatalityMention]:
    """Every phrase in ``text`` that reports deaths, in text order.

    Overlapping readings are resolved in favour of the active verb ("killing
    3"), then the passive ("3 were killed") and counted nouns ("3 deaths"),
    then tolls, causes and pronouns. Nothing inside a report that nobody died
    ("no one was killed") is a mention.
    """
    active, used = _active_mentions(text)
    taken = [m.span() for m in fatality_grammar().no_death.finditer(text)]
    chosen: list[FatalityMention] = []
    for candidates in (active, _passive_mentions(text, used), _phrase_mentions(text)):
        for mention in sorted(candidates, key=lambda m: (m.start, -m.end)):
            if not any(mention.start < end and start < mention.end for start, end in taken):
                taken.append((mention.start, mention.end))
                chosen.append(_context_flags(text, mention))
    return sorted(chosen, key=lambda m: m.start)


# --- ACLED coding statements and the final count ----------------------------------------

_CARD = CARDINAL_PATTERN
_CODED_RE = re.compile(
    r"\bfatali?t\w*(?:\s+and\s+injuries)?\s+(?:(?:were|are|is|have\s+been)\s+)?"
    rf"(?:coded|recorded|counted)\s+(?:as|at|to)\s+(?P<n>{_CARD})\b"
    rf"(?:,?\s+in\s+addition\s+to\s+(?P<extra>{_CARD})\s+(?:known\s+|reported\s+)?fatalit)?",
    re.IGNORECASE,
)
_ROUNDED_RE = re.compile(rf"\brounded\s+(?:down|up)\s+to\s+(?P<n>{_CARD})\b", re.IGNORECASE)
_SPLIT_RE = re.compile(
    r"\b(?:split|spread|distributed|divided|coded)(?:\s+(?:up|equally|evenly))?\s+"
    rf"(?:across|between|among|amongst|over|into)\s+(?:the\s+)?(?P<k>{_CARD})\s+"
    r"(?:\w+\s+)?(?:events?|locations?|days?|incidents?|places|districts|areas|villages|"
    r"provinces|fronts|rows|attacks|sites)\b"
    rf"(?:\s*\((?P<share>{_CARD})\)|[^.;\]]{{0,40}}?\bwith\s+(?P<each>{_CARD})\s+"
    r"(?:coded\s+)?(?:to|for|in|at)\s+each)?",
    re.IGNORECASE,
)
_SPLIT_TOTAL_RE = re.compile(
    rf"(?P<n>{_CARD})\s+(?:\w+\s+)?fatalit(?:y|ies)\s+(?:(?:are|were|is)\s+)?"
    r"(?:split|spread|distributed|divided)\b",
    re.IGNORECASE,
)
_SUICIDE_ATTACK_RE = re.compile(
    r"\bsuicide\s+(?:bomb\w*|attack\w*|car|vest|belt|truck|vbied)", re.IGNORECASE
)
_DETONATION_RE = re.compile(r"\b(?:detonat\w*|blew\s+(?:himself|herself)\s+up)", re.IGNORECASE)
_DEATH_WORD_RE = re.compile(
    r"\b(?:kill\w*|dead|died|deaths?|fatalit\w*|executed|murdered|bod(?:y|ies)|casualt\w*)\b",
    re.IGNORECASE,
)


def _coded_statement(text: str) -> Fatalities | None:
    """The count an ACLED note states outright ("fatalities coded as 10")."""
    split = _SPLIT_RE.search(text)
    parts = parse_cardinal(split["k"]) if split else None
    written = (split["share"] or split["each"]) if split else None
    if split is not None and written and (share := parse_cardinal(written)) is not None:
        return Fatalities(share, share, share, split.group(0), "share written in the note")
    rounded = _ROUNDED_RE.search(text)
    if rounded is not None and (value := parse_cardinal(rounded["n"])) is not None:
        return Fatalities(value, value, value, rounded.group(0), "rounded value in the note")
    coded = _CODED_RE.search(text)
    stated = coded or _SPLIT_TOTAL_RE.search(text)
    total = parse_cardinal(stated["n"]) if stated else None
    if stated is None or total is None:
        return None
    if coded is not None and coded["extra"]:
        total += parse_cardinal(coded["extra"]) or 0
    if parts:
        share = majority_share(total, parts)
        return Fatalities(share, share, share, stated.group(0),
                          f"{total} split between {parts} events")  # fmt: skip
    return Fatalities(total, total, total, stated.group(0), "coded in the note")


def _lowest_reading(
    text: str, mentions: list[FatalityMention]
) -> tuple[list[FatalityMention], str]:
    """The mentions to add up: a stated toll if there is one, else the direct
    mentions, each group once; other sources' figures replace them when lower."""
    totals = [m for m in mentions if m.kind == "total"]
    direct = [m for m in mentions if not m.anaphoric and m.kind != "total"]
    if totals:
        best = min(totals, key=lambda m: m.count)
        primary_sum = sum(m.count for m in direct if not m.alternative)
        if all(m.alternative for m in totals) and 0 < primary_sum < best.count:
            chosen = [m for m in direct if not m.alternative]
            return chosen, "lowest of the sources: " + "; ".join(m.reason for m in chosen)
        plural = len({m.count for m in totals}) > 1
        return [best], ("lowest stated toll: " if plural else "stated toll: ") + best.reason
    if not direct:
        best = max(mentions, key=lambda m: m.count)
        return [best], f"only anaphoric mentions: {best.reason}"
    primary = _distinct(text, [m for m in direct if not m.alternative])
    others = _distinct(text, [m for m in direct if m.alternative])
    chosen = primary
    if not primary or (others and sum(m.count for m in others) < sum(m.count for m in primary)):
        chosen = others
    reason = "; ".join(m.reason for m in chosen)
    if others and primary:
        reason = f"lowest of the sources: {reason}"
    return chosen, f"sum of {len(chosen)} mentions: {reason}" if len(chosen) > 1 else reason


def _distinct(text: str, mentions: list[FatalityMention]) -> list[FatalityMention]:
    """Drop a restatement: the same number of the same people again, in a
    sentence that reports what someone said ("five soldiers were killed ...
    the army said five soldiers died"), with nothing marking them as others."""
    kept: list[FatalityMention] = []
    for mention in mentions:
        start, end = _sentence_bounds(text, mention.start)
        repeat = (
            mention.count > 1
            and mention.head
            and any((m.count, m.head) == (mention.count, mention.head) for m in kept)
        )
        near = max(start, mention.start - 20)
        if (
            repeat
            and context_cue("restatement").search(text, start, end)
            and not context_cue("new_people").search(text, near, mention.end)
        ):
            continue
        kept.append(mention)
    return kept


def _combine(text: str, mentions: list[FatalityMention]) -> Fatalities:
    chosen, reason = _lowest_reading(text, mentions)
    count = sum(m.count for m in chosen)
    low = sum(m.low for m in chosen)
    high = sum(m.high for m in chosen)
    bomber_counted = any(m.reason.startswith("bomber") for m in chosen)
    if _SUICIDE_ATTACK_RE.search(text) and count > 0 and not bomber_counted:
        # ACLED counts the bomber, unless the count already names him and
        # nothing says he blew himself up.
        bomber_named = any("bomber" in m.text.lower() for m in chosen)
        if not bomber_named or _DETONATION_RE.search(text):
            count, low, high = count + 1, low + 1, high + 1
            reason += "; +1 suicide bomber"
    return Fatalities(count, low, high, " … ".join(m.text for m in chosen), reason)


def find_fatalities(text: str) -> Fatalities | None:
    """What ACLED would code as fatalities for the event ``text`` reports.

    None when the text says nothing about deaths or injuries; count 0 with
    reason "injuries only" when only injuries are reported, "no deaths
    reported" when it says nobody died, and "deaths without a number" when it
    reports deaths it does not count ("killed and injured several").
    """
    if report_cue().search(text) is None:
        return None
    coded = _coded_statement(text)
    if coded is not None:
        return coded
    found = find_fatality_mentions(text)
    mentions = [m for m in found if not m.background]
    if mentions:
        result = _combine(text, mentions)
        split = _SPLIT_RE.search(text)
        parts = parse_cardinal(split["k"]) if split else None
        if not parts:
            return result
        low, high = majority_share(result.low or 0, parts), majority_share(result.high or 0, parts)
        reason = f"{result.reason}; split between {parts} events"
        return Fatalities(majority_share(result.count, parts), low, high, result.text, reason)
    if (no_death := fatality_grammar().no_death.search(text)) is not None:
        return Fatalities(0, 0, 0, no_death.group(0), "no deaths reported")
    if found:
        return Fatalities(0, 0, 0, found[0].text, "only deaths the event reacts to")
    death = next(
        (m for m in _DEATH_WORD_RE.finditer(text) if not _NOT_ACTED.search(text, 0, m.start())),
        None,
    )
    if death is not None:
        return Fatalities(0, 0, 0, death.group(0), "deaths reported without a number")
    if (injury := fatality_grammar().injury.search(text)) is not None:
        return Fatalities(0, 0, 0, injury.group(0), "injuries only")
    return None
