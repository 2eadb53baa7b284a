"""Fatality counts from news sentences and ACLED notes, coded the way ACLED
codes them: the lowest figure a report supports.

Rules (the lexicon lives in ``data/fatalities.yaml``):

* Ranges and hedges give their lower bound: "between 5 and 7 killed" is 5
  (low 5, high 7), "at least 12" is 12, "more than 40" is 40, "up to 20" is
  1 (high 20): a ceiling says nothing about the floor except that someone died.
* Vague quantities take the count listed in the lexicon ("dozens" 12,
  "hundreds" 100, "several" 3).
* Singular determiners count one only before a noun for a person: "a soldier
  was killed" is 1, "a checkpoint, 3 soldiers were killed" is 3.
* Deaths named in one report are summed ("3 soldiers and 2 civilians were
  killed" is 5; "4 killed ... also 2 militants killed" is 6). Anaphoric
  mentions ("the victim died", "both were killed", "he died") count only when
  nothing else does, since they usually repeat an earlier mention.
* A stated total ("10 fatalities", "the death toll rose to 7") wins over the
  parts it sums; several totals that disagree give the lowest.
* Injuries are never fatalities. "killed or injured", "casualties" and
  "killing and injuring" do not say how many died, so they do not count.
* ACLED coding statements win over everything: "fatalities coded as 10",
  "split between 3 events (4)", "rounded down to 3". A total split between K
  events without the share written out gives the share of the first event,
  ceil(total / K), as ACLED gives the remainder to the first rows.
* Deaths that a protest is about ("protested after two men were killed") are
  background, not the event's own fatalities.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.numbers import CARDINAL_PATTERN, is_year, parse_cardinal
from frontwatch.models import Fatalities

LEXICON_FILE = "fatalities.yaml"
UNKNOWN_WHO = "people"


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    vague_quantities: Mapping[str, int]
    death_passive: tuple[str, ...]
    death_active: tuple[str, ...]
    death_nouns: tuple[str, ...]
    body_nouns: tuple[str, ...]
    injury_words: tuple[str, ...]
    no_death_phrases: tuple[str, ...]
    who_of_noun: Mapping[str, str]  # singular and plural person nouns -> who
    singular_nouns: frozenset[str]
    not_people: frozenset[str]


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
    background: bool = False  # deaths a protest is about, not the event's own


@dataclass(frozen=True, slots=True)
class _Quantity:
    count: int
    low: int
    high: int
    reason: str
    singular: bool  # "a", "the", "his": needs a person noun to count
    anaphoric: bool


def _phrase_pattern(phrases: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def _plural(noun: str, irregular: Mapping[str, str]) -> str:
    if noun in irregular:
        return irregular[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _string_list(raw: dict[str, object], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{LEXICON_FILE}: '{key}' must be a list of strings")
    return tuple(str(v).lower() for v in value)


def parse_lexicon(raw: object) -> FatalityLexicon:
    """Validate the YAML structure of the lexicon file."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{LEXICON_FILE}: top level must be a mapping")
    vague = raw.get("vague_quantities")
    if not isinstance(vague, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in vague.items()
    ):
        raise ConfigError(f"{LEXICON_FILE}: 'vague_quantities' must map phrases to counts")
    people = raw.get("person_nouns")
    irregular = raw.get("irregular_plurals")
    if not isinstance(people, dict) or not isinstance(irregular, dict):
        raise ConfigError(f"{LEXICON_FILE}: 'person_nouns' and 'irregular_plurals' are mappings")
    who_of_noun: dict[str, str] = {}
    singular: set[str] = set()
    for who, nouns in people.items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
            raise ConfigError(f"{LEXICON_FILE}: person_nouns.{who} must be a list of strings")
        for noun in nouns:
            head = noun.split()[-1]
            singular.add(head)
            who_of_noun.setdefault(head, str(who))
            who_of_noun.setdefault(_plural(head, irregular), str(who))
    return FatalityLexicon(
        vague_quantities={str(k).lower(): int(v) for k, v in vague.items()},
        death_passive=_string_list(raw, "death_passive"),
        death_active=_string_list(raw, "death_active"),
        death_nouns=_string_list(raw, "death_nouns"),
        body_nouns=_string_list(raw, "body_nouns"),
        injury_words=_string_list(raw, "injury_words"),
        no_death_phrases=_string_list(raw, "no_death_phrases"),
        who_of_noun=who_of_noun,
        singular_nouns=frozenset(singular - {"people", "personnel"}),
        not_people=frozenset(_string_list(raw, "not_people")),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> FatalityLexicon:
    """The packaged lexicon, read once."""
    source = resources.files("frontwatch.data").joinpath(LEXICON_FILE)
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read {LEXICON_FILE}: {exc}") from exc
    return parse_lexicon(raw)


# --- Grammar -------------------------------------------------------------------

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Hedges before a number. Floors ("at least") keep the number; ceilings
# ("up to") say only that someone died.
_FLOOR_MODIFIERS = (
    "at least", "more than", "over", "upwards of", "a minimum of", "no fewer than",
    "no less than", "in excess of",
)  # fmt: skip
_CEILING_MODIFIERS = ("up to", "as many as", "at most", "less than", "fewer than", "under")
_ABOUT_MODIFIERS = (
    "about", "around", "approximately", "approx.", "nearly", "almost", "roughly",
    "some", "an estimated", "estimated", "a reported", "reportedly", "possibly",
    "perhaps", "a total of", "a further", "another", "an additional", "additional",
    "only", "just", "all", "all of the", "the", "the remaining", "his", "her", "their",
    "its",
)  # fmt: skip
_SINGULAR_DETERMINERS = ("a", "an", "another", "the", "his", "her", "their", "its")
_ANAPHORIC_STARTS = ("the", "both", "his", "her", "their", "its", "he", "she", "him")
_AUXILIARIES = (
    "was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "got", "get",
    "gets", "reportedly", "allegedly", "reported", "confirmed", "later", "also", "all",
    "both", "subsequently", "eventually", "found", "left", "lying", "apparently",
    "believed", "said", "thought", "feared", "presumed", "known", "to", "then",
    "initially", "immediately", "instantly", "each", "already", "ultimately", "reportedly",
    "likely", "probably", "allegedly", "were", "soon", "shortly", "afterwards",
    "themselves",
)  # fmt: skip
_CLAUSE_WORDS = (
    "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "when", "while",
    "after", "before", "as", "with", "by", "in", "into", "at", "on", "to", "during",
    "following", "than", "since", "because", "near", "inside", "outside", "across",
    "within", "between", "against", "for", "amid", "amidst", "under", "over", "through",
    "via", "including", "not", "no", "never", "where", "if", "although", "though",
    "despite", "until", "upon", "toward", "towards", "along", "around", "beside", "behind",
)  # fmt: skip
# Subordinators that make a protest's cause out of a death: "rallied AFTER two
# men were killed", "protest OVER the killing".
_BACKGROUND_CUES = re.compile(
    r"\b(?:after|following|over|against|since|because\s+of|demanding|condemning|"
    r"denouncing|protesting|mourning|justice\s+for|memory\s+of|remembrance\s+of|"
    r"honou?r(?:ing)?|death\s+of|killing\s+of|murder\s+of)\b",
    re.IGNORECASE,
)
_PROTEST_CONTEXT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march(?:ed|es)?|vigil|sit-in|"
    r"gather(?:ed|ing)|mourn\w*|funeral|commemorat\w*|strike)\b|\[size=",
    re.IGNORECASE,
)
_FOUND_CONTEXT = re.compile(
    r"\b(?:found|discovered|recovered|dumped|located|retrieved|lying|abandoned|"
    r"unearthed|exhumed|washed\s+up|identified)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\[(\"'])|;\s+")


def _words_alternation(words: tuple[str, ...] | list[str]) -> str:
    return _phrase_pattern(list(dict.fromkeys(words)))


@dataclass(frozen=True, slots=True)
class _Grammar:
    quantity: re.Pattern[str]  # a quantity phrase, anchored where it is used
    quantity_np: re.Pattern[str]  # quantity followed by a noun phrase
    passive: re.Pattern[str]  # "<chain of quantity+NP> [aux] killed"
    active_verb: re.Pattern[str]
    coordination: re.Pattern[str]
    pronoun_object: re.Pattern[str]
    pronoun_subject: re.Pattern[str]
    suicide: re.Pattern[str]
    death_noun: re.Pattern[str]
    death_toll: re.Pattern[str]
    toll_range: re.Pattern[str]
    death_of: re.Pattern[str]
    body_of: re.Pattern[str]
    counted_bodies: re.Pattern[str]
    ambiguous_after: re.Pattern[str]
    injury: re.Pattern[str]
    no_death: re.Pattern[str]
    unpassive_verbs: frozenset[str]  # need an auxiliary to be read as passive
    aux_gap: re.Pattern[str]  # what may stand between the dead and the verb


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lex = load_lexicon()
    card = CARDINAL_PATTERN
    vague = _words_alternation(list(lex.vague_quantities))
    modifiers = _words_alternation(
        list(_FLOOR_MODIFIERS) + list(_CEILING_MODIFIERS) + list(_ABOUT_MODIFIERS)
    )
    numeric = rf"(?:between\s+{card}\s+(?:and|to|-)\s+{card}|{card}(?:\s*(?:-|–|to|or)\s*{card})?)"
    core = rf"(?:{numeric}|{vague}|both|{_words_alternation(_SINGULAR_DETERMINERS)})"
    quantity = (
        rf"(?<![\w.,:/'’-])(?<!\bno\s)(?<!\bnot\s)(?<!\bnone\s)(?!(?:19|20)\d\d\b)"
        rf"(?:(?:{modifiers})\s+)*{core}(?![\w'’])"
    )
    first_words = {p.split()[0] for p in lex.death_passive + lex.death_active + lex.injury_words}
    stop_words = list(_CLAUSE_WORDS) + list(_AUXILIARIES) + sorted(first_words)
    stop_words += _MONTHS.split("|")
    # Stop words stop a noun phrase in lower case or capitalised, not in
    # capitals: "IS fighters" is a noun phrase, "is" is not.
    stop = _words_alternation(stop_words + [w.capitalize() for w in stop_words])
    word_chars = r"[\w'’\-/]"
    np_word = (
        rf"(?!(?-i:{stop})(?!{word_chars}))(?!{card}\b)"
        rf"(?:[A-Za-z]{word_chars}*|\d+[-A-Za-z]{word_chars}*)"
    )
    plain_word = rf"(?!(?-i:{stop})(?!{word_chars})){word_chars}+"
    np_item = (
        rf"(?:\s+{np_word}|\s*\([^()]{{0,80}}\)|\s*,\s*including\s[^,.;()]{{0,80}},"
        rf"|\s+including\s+{plain_word}(?:\s+{plain_word}){{0,3}})"
    )
    noun_phrase = rf"(?:{np_item}){{0,12}}"
    coord = r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+)"
    quantity_np = rf"{quantity}{noun_phrase}"
    aux = _words_alternation(list(_AUXILIARIES))
    injury = _words_alternation(list(lex.injury_words))
    passive_verbs = _words_alternation(list(lex.death_passive))
    # "were SHOT AND killed", "was ATTACKED AND killed"
    prior_act = (
        rf"(?!(?:{injury})\b)(?:[A-Za-z]+ed|shot|beaten|hit|struck|caught|burnt|taken|stabbed)"
    )
    passive = (
        rf"(?:{quantity_np}{coord})*{quantity_np}\s+(?:(?:{aux})\s+)*"
        rf"(?:{prior_act}\s+and\s+)?(?P<verb>{passive_verbs})(?![\w'’])"
    )
    short_np = rf"(?:\s+{np_word}){{0,3}}"
    death_nouns = _words_alternation(list(lex.death_nouns))
    bodies = _words_alternation(list(lex.body_nouns))
    flags = re.IGNORECASE
    return _Grammar(
        quantity=re.compile(quantity, flags),
        quantity_np=re.compile(quantity_np, flags),
        passive=re.compile(passive, flags),
        active_verb=re.compile(rf"\b(?:{_words_alternation(list(lex.death_active))})\b", flags),
        coordination=re.compile(coord, flags),
        pronoun_object=re.compile(r"\s+(?:him|her|himself|herself)\b", flags),
        pronoun_subject=re.compile(
            rf"\b(?:he|she)\s+(?:(?:{aux})\s+)*(?P<verb>{passive_verbs})(?![\w'’])", flags
        ),
        suicide=re.compile(r"\b(?:blew|blowing|blown|blows)\s+(?:himself|herself)\s+up\b", flags),
        death_noun=re.compile(rf"{quantity}{short_np}\s+(?:{death_nouns})\b", flags),
        death_toll=re.compile(
            rf"\bdeath\s+toll\b[^.;]{{0,40}}?\b(?:to|at|of|is|was|reached|hit)\s+(?={quantity})",
            flags,
        ),
        toll_range=re.compile(
            rf"\b(?:fatalities|deaths|death\s+toll)\s+(?:\w+\s+)?(?:range[sd]?|ranging|vary|"
            rf"varied|varying)\s+(?:from|between)\s+(?P<low>{card})\s+(?:to|and|-)\s+"
            rf"(?P<high>{card})",
            flags,
        ),
        death_of=re.compile(
            r"\b(?:lead(?:ing)?\s+to|led\s+to|result(?:ed|ing)?\s+in|caus(?:ed|ing|e)|"
            rf"left)\s+(?:the\s+)?(?:{death_nouns}|killings?|murders?)\s+of\s+(?={quantity})",
            flags,
        ),
        body_of=re.compile(
            rf"\b(?:dead\s+|lifeless\s+|charred\s+)?(?:{bodies})\s+of\s+(?={quantity})", flags
        ),
        counted_bodies=re.compile(
            rf"{quantity}(?:\s+{np_word}){{0,3}}?(?:'s|’s)?\s+(?:{bodies})\b", flags
        ),
        ambiguous_after=re.compile(rf"^\s*(?:,\s*)?(?:and|or|/|and/or)\s+(?:{injury})\b", flags),
        injury=re.compile(rf"\b(?:{injury})\b", flags),
        no_death=re.compile(
            rf"\b(?:{_words_alternation(list(lex.no_death_phrases))})\b|"
            r"\bneither\s+(?:injuries|fatalities|casualties|deaths)\s+nor\b",
            flags,
        ),
        aux_gap=re.compile(
            rf"\s+(?:(?:{aux})\s+)*(?:{prior_act}\s+and\s+)?", flags
        ),
        unpassive_verbs=frozenset(
            v for v in lex.death_passive if v in {a for a in lex.death_active}
        ),
    )


# --- Quantities ------------------------------------------------------------------

_RANGE_RE = re.compile(
    rf"^(?:between\s+)?(?P<a>{CARDINAL_PATTERN})\s*(?:-|–|to|or|and)\s*(?P<b>{CARDINAL_PATTERN})$",
    re.IGNORECASE,
)


def _strip_modifiers(text: str) -> tuple[str, list[str]]:
    modifiers = sorted(_FLOOR_MODIFIERS + _CEILING_MODIFIERS + _ABOUT_MODIFIERS, key=len)
    seen: list[str] = []
    changed = True
    while changed:
        changed = False
        for modifier in reversed(modifiers):
            if text.startswith(modifier + " ") and text != modifier:
                rest = text[len(modifier) + 1 :].strip()
                if not rest:
                    continue
                seen.append(modifier)
                text = rest
                changed = True
                break
    return text, seen


def _read_quantity(raw: str) -> _Quantity | None:
    """The count a quantity phrase supports, or None when it is not one."""
    text = re.sub(r"\s+", " ", raw.strip().lower())
    vague = load_lexicon().vague_quantities
    if text in vague:  # "some", "all" are also modifiers: whole phrase first
        return _Quantity(vague[text], vague[text], vague[text], f'"{text}" = {vague[text]}',
                         singular=False, anaphoric=False)  # fmt: skip
    core, modifiers = _strip_modifiers(text)
    anaphoric = bool(modifiers and modifiers[0] in _ANAPHORIC_STARTS) or core in _ANAPHORIC_STARTS
    value = parse_cardinal(core)
    if value is not None:
        if is_year(value, core):
            return None
        low = high = value
        reason = f"{core} = {value}"
    elif (pair := _RANGE_RE.match(core)) is not None:
        first, second = parse_cardinal(pair["a"]), parse_cardinal(pair["b"])
        if first is None or second is None or is_year(first, pair["a"]):
            return None
        low, high = min(first, second), max(first, second)
        reason = f"lowest of {low}-{high}"
    elif core in vague:
        low = high = vague[core]
        reason = f'"{core}" = {low}'
    elif core == "both":
        return _Quantity(2, 2, 2, "both = 2", singular=False, anaphoric=True)
    elif core in _SINGULAR_DETERMINERS:
        return _Quantity(1, 1, 1, f'"{core}" = 1', singular=True, anaphoric=anaphoric)
    else:
        return None
    if any(m in _CEILING_MODIFIERS for m in modifiers):
        # "up to 20": only the floor of one death is certain.
        return _Quantity(1, 1, high, f"ceiling {high}: lowest certain is 1", False, anaphoric)
    if any(m in _FLOOR_MODIFIERS for m in modifiers):
        reason = f"at least {low}"
        high = max(high, low)
    return _Quantity(low, low, high, reason, singular=False, anaphoric=anaphoric)


def _head_words(noun_phrase: str) -> list[str]:
    """Words of a noun phrase before "of" and parentheses, lower case, no 's."""
    cleaned = re.sub(r"\([^()]*\)|,\s*including[^,]*,", " ", noun_phrase.lower())
    cleaned = re.split(r"\bof\b", cleaned)[0]
    return [re.sub(r"(?:'s|’s|'|’)$", "", w) for w in re.findall(r"[\w'’\-]+", cleaned)]


def _who(noun_phrase: str) -> str:
    lex = load_lexicon()
    for word in reversed(re.findall(r"[\w\-]+", noun_phrase.lower())):
        if word in lex.who_of_noun:
            return lex.who_of_noun[word]
        last = word.split("-")[-1]
        if last in lex.who_of_noun:
            return lex.who_of_noun[last]
    return UNKNOWN_WHO


def _is_people(quantity: _Quantity, noun_phrase: str) -> bool:
    """Whether "<quantity> <noun phrase>" names people, not cattle or kilometres.

    A number needs no noun ("killing 4"); a singular determiner does ("a" alone
    is not a person), and "of ..." after it is a partitive, not a noun.
    """
    lex = load_lexicon()
    heads = _head_words(noun_phrase)
    if not heads:
        return not quantity.singular
    if quantity.singular and noun_phrase.strip().lower().startswith("of "):
        return False
    head = heads[-1]
    return head not in lex.not_people and head.split("-")[-1] not in lex.not_people


def _is_date_number(text: str, start: int, end: int) -> bool:
    """A number that is part of a date ("9 May", "May 9") or a clock time."""
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 12].lower()
    return bool(
        re.search(rf"\b(?:{_MONTHS})\.?\s*$", before)
        or re.match(rf"^\s*(?:{_MONTHS})\b", after)
        or re.match(r"^\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours|gmt|utc)\b", after)
    )


# --- Mentions --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    """One "<quantity> <noun phrase>" that names dead people."""

    start: int
    end: int
    quantity: _Quantity
    who: str
    quantity_text: str = ""
    noun_phrase: str = ""

    @property
    def is_partitive(self) -> bool:
        """ "one", "one of them", "another": a part of a group named before."""
        word = self.quantity_text.lower()
        bare = not self.noun_phrase.strip() or self.noun_phrase.strip().lower().startswith("of ")
        return bare and word in ("one", "another", "the other")


def _group_at(text: str, pos: int) -> _Group | None:
    """The "<quantity> <noun phrase>" starting exactly at ``pos``, if it names people."""
    grammar = _grammar()
    match = grammar.quantity_np.match(text, pos)
    if match is None:
        return None
    q_match = grammar.quantity.match(text, pos)
    if q_match is None:
        return None
    quantity = _read_quantity(q_match.group(0))
    if quantity is None or _is_date_number(text, q_match.start(), q_match.end()):
        return None
    noun_phrase = text[q_match.end() : match.end()]
    if not _is_people(quantity, noun_phrase):
        return None
    return _Group(
        match.start(), match.end(), quantity, _who(noun_phrase), q_match.group(0), noun_phrase
    )


def _chain_groups(text: str, start: int, end: int) -> list[_Group]:
    """The coordinated groups in text[start:end]: "3 soldiers and 2 civilians".

    Groups joined by a bare comma with no "and" after them are not one list
    ("a checkpoint, 3 soldiers were killed"), so they are dropped.
    """
    grammar = _grammar()
    groups: list[_Group] = []
    separators: list[str] = []
    group = _group_at(text, start)
    while group is not None and group.end <= end:
        groups.append(group)
        separator = grammar.coordination.match(text, group.end)
        if separator is None or separator.end() >= end:
            break
        group = _group_at(text, separator.end())
        if group is not None:
            separators.append(separator.group(0))
    # Keep the tail that ends the list: drop everything before a bare comma
    # that is not followed by a later "and".
    keep_from = 0
    for index, separator in enumerate(separators):
        bare_comma = "," in separator and "and" not in separator and "as well" not in separator
        later_and = any("and" in s or "as well" in s for s in separators[index + 1 :])
        if bare_comma and not later_and:
            keep_from = index + 1
    return groups[keep_from:]


def _mention(
    text: str, start: int, end: int, groups: list[_Group], reason: str, kind: str = "victims"
) -> FatalityMention:
    count = sum(g.quantity.count for g in groups)
    low = sum(g.quantity.low for g in groups)
    high = sum(g.quantity.high for g in groups)
    whos = {g.who for g in groups}
    who = whos.pop() if len(whos) == 1 else UNKNOWN_WHO
    rules = "; ".join(g.quantity.reason for g in groups)
    return FatalityMention(
        start=start,
        end=end,
        count=count,
        low=low,
        high=high,
        who=who,
        text=text[start:end],
        reason=f"{reason}: {rules}" if rules else reason,
        kind=kind,
        anaphoric=all(g.quantity.anaphoric for g in groups),
    )


def _single(text: str, start: int, end: int, reason: str, who: str, anaphoric: bool) -> FatalityMention:
    return FatalityMention(start, end, 1, 1, 1, who, text[start:end], reason, "victims", anaphoric)


def _is_ambiguous(text: str, verb_end: int) -> bool:
    """ "killed or injured", "killed and wounded": no count of the dead."""
    return _grammar().ambiguous_after.match(text[verb_end : verb_end + 40]) is not None


def _active_mentions(text: str) -> tuple[list[FatalityMention], list[tuple[int, int]]]:
    """ "killing 3 civilians and a soldier"; also returns the verbs used."""
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    verbs: list[tuple[int, int]] = []
    for verb in grammar.active_verb.finditer(text):
        pronoun = grammar.pronoun_object.match(text, verb.end())
        if pronoun is not None:
            verbs.append(verb.span())
            reflexive = "self" in pronoun.group(0).lower()
            mentions.append(
                _single(text, verb.start(), pronoun.end(), "object pronoun = 1", UNKNOWN_WHO,
                        anaphoric=not reflexive)  # fmt: skip
            )
            continue
        gap = re.match(r"\s+", text[verb.end() :])
        if gap is None:
            continue
        groups = _chain_groups(text, verb.end() + gap.end(), len(text))
        if not groups or (
            not groups[0].noun_phrase.strip()
            and grammar.injury.match(text, groups[0].end + 1) is not None
        ):
            continue  # "1 killed 3 injured": the 3 are the injured, not the killed
        verbs.append(verb.span())
        mentions.append(_mention(text, verb.start(), groups[-1].end, groups, "killed N"))
    return mentions, verbs


def _passive_mentions(text: str, active_verbs: list[tuple[int, int]]) -> list[FatalityMention]:
    """ "3 soldiers and 2 civilians were killed", "two men died", "1 killed"."""
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    pos = 0
    while (match := grammar.passive.search(text, pos)) is not None:
        pos = match.start() + 1  # retry inside a rejected match ("2020, 4 policemen")
        verb_start, verb_end = match.span("verb")
        if (verb_start, verb_end) in active_verbs or _is_ambiguous(text, verb_end):
            continue
        groups = _chain_groups(text, match.start(), verb_start)
        if not groups or grammar.aux_gap.fullmatch(text, groups[-1].end, verb_start) is None:
            continue
        verb = match.group("verb").lower()
        if (
            not text[groups[-1].end : verb_start].strip()
            and verb in grammar.unpassive_verbs
            and not _reads_passive(text, groups, verb_end)
        ):
            continue  # "2 gunmen killed a man": the gunmen did not die
        if len(groups) == 1 and groups[0].is_partitive:
            # "One was burnt alive": one of the dead already counted.
            quantity = replace(groups[0].quantity, anaphoric=True)
            groups = [replace(groups[0], quantity=quantity)]
        mentions.append(_mention(text, groups[0].start, verb_end, groups, "N killed"))
        pos = verb_end
    return mentions


def _reads_passive(text: str, groups: list[_Group], verb_end: int) -> bool:
    """Whether "<N> killed" without an auxiliary is a headline passive ("1 killed,
    3 injured") rather than an active verb with its object after it."""
    following = text[verb_end : verb_end + 30]
    if re.match(r"^\s*(?:[,.;:)\]]|$)", following):
        return True
    if re.match(
        r"^\s+(?:in|at|on|and|by|when|while|after|during|near|as|following|with|or|since|"
        r"from|across|inside|outside|amid|over|overnight|yesterday|today|last|this|"
        r"earlier|later|\d)\b",
        following,
        re.IGNORECASE,
    ):
        has_noun = any(text[g.start : g.end].strip().count(" ") > 0 for g in groups)
        return not (has_noun and re.match(r"^\s+\d", following))
    return False


def _noun_mentions(text: str) -> list[FatalityMention]:
    """Tolls and bodies: "10 fatalities", "death toll rose to 7", "the body of a man"."""
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    for match in grammar.death_noun.finditer(text):
        group = _group_at(text, match.start())
        q_match = grammar.quantity.match(text, match.start())
        if q_match is None:
            continue
        quantity = _read_quantity(q_match.group(0))
        if quantity is None or quantity.singular and group is None:
            continue
        if _is_date_number(text, q_match.start(), q_match.end()):
            continue
        who = group.who if group else UNKNOWN_WHO
        groups = [_Group(match.start(), match.end(), quantity, who)]
        mentions.append(_mention(text, match.start(), match.end(), groups, "N deaths", "total"))
    for match in grammar.toll_range.finditer(text):
        low, high = parse_cardinal(match["low"]), parse_cardinal(match["high"])
        if low is None or high is None:
            continue
        quantity = _Quantity(min(low, high), min(low, high), max(low, high),
                             f"lowest of {low}-{high}", singular=False, anaphoric=False)  # fmt: skip
        groups = [_Group(match.start(), match.end(), quantity, UNKNOWN_WHO)]
        mentions.append(_mention(text, match.start(), match.end(), groups, "reports range", "total"))
    for pattern, reason, kind in (
        (grammar.death_toll, "death toll", "total"),
        (grammar.death_of, "caused the death of", "victims"),
        (grammar.body_of, "body of", "victims"),
    ):
        for match in pattern.finditer(text):
            if reason == "body of" and not _found_in_sentence(text, match.start()):
                continue
            groups = _chain_groups(text, match.end(), len(text))
            if groups:
                mentions.append(_mention(text, match.start(), groups[-1].end, groups, reason, kind))
    for match in grammar.counted_bodies.finditer(text):
        group = _group_at(text, match.start())
        if group is None or not _found_in_sentence(text, match.start()):
            continue
        mentions.append(_mention(text, match.start(), match.end(), [group], "N bodies"))
    return mentions


def _pronoun_mentions(text: str) -> list[FatalityMention]:
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    for match in grammar.pronoun_subject.finditer(text):
        verb_end = match.end("verb")
        aux_free = text[match.start() : match.start("verb")].strip().lower() in ("he", "she")
        if _is_ambiguous(text, verb_end) or (
            aux_free and match.group("verb").lower() in grammar.unpassive_verbs
        ):
            continue
        mentions.append(_single(text, match.start(), verb_end, "he/she died = 1", UNKNOWN_WHO, True))
    for match in grammar.suicide.finditer(text):
        mentions.append(_single(text, match.start(), match.end(), "bomber = 1", "militants", False))
    return mentions


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() > pos:
            return start, boundary.start()
        start = boundary.end()
    return start, len(text)


def _found_in_sentence(text: str, pos: int) -> bool:
    start, end = _sentence_bounds(text, pos)
    return _FOUND_CONTEXT.search(text, start, end) is not None


def _is_background(text: str, mention: FatalityMention) -> bool:
    """Deaths a protest is about: a protest sentence whose clause before the
    mention opens with "after", "over", "following"..."""
    start, end = _sentence_bounds(text, mention.start)
    if _PROTEST_CONTEXT.search(text, start, end) is None:
        return False
    lead = text[max(start, mention.start - 80) : mention.start]
    clause = re.split(r"[,;:]|\b(?:and|but|while|whilst|during)\b", lead)[-1]
    return _BACKGROUND_CUES.search(clause) is not None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def find_fatality_mentions(text: str) -> list[FatalityMention]:
    """Every phrase in ``text`` that reports deaths, in text order.

    Overlapping readings are resolved in favour of the active verb ("killing 3"),
    then the passive ("3 were killed"), then nouns ("3 deaths"). Mentions of
    the deaths a protest is about are returned with ``background=True``.
    """
    active, active_verbs = _active_mentions(text)
    chosen: list[FatalityMention] = []
    taken: list[tuple[int, int]] = []
    for candidates in (
        active,
        _passive_mentions(text, active_verbs),
        _noun_mentions(text),
        _pronoun_mentions(text),
    ):
        for mention in sorted(candidates, key=lambda m: (m.start, -m.end)):
            span = (mention.start, mention.end)
            if _overlaps(span, taken):
                continue
            taken.append(span)
            if _is_background(text, mention):
                mention = replace(mention, background=True)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


# --- ACLED coding statements and the final count -----------------------------------

_CARD = CARDINAL_PATTERN
_CODED_RE = re.compile(
    rf"\bfatalit(?:y|ies)\b(?:\s+and\s+injuries)?\s+(?:(?:were|are|is|have\s+been)\s+)?"
    rf"(?:coded|recorded|counted)\s+(?:as|at|to)\s+(?P<n>{_CARD})\b"
    rf"(?:,?\s+in\s+addition\s+to\s+(?P<extra>{_CARD})\s+(?:known\s+|reported\s+)?fatalit)?",
    re.IGNORECASE,
)
_ROUNDED_RE = re.compile(rf"\brounded\s+(?:down|up)\s+to\s+(?P<n>{_CARD})\b", re.IGNORECASE)
_SPLIT_RE = re.compile(
    r"\b(?:split|spread|distributed|divided)(?:\s+(?:up|equally|evenly))?\s+"
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
    r"\b(?:kill\w*|dead|died|deaths?|fatalit\w*|executed|murdered|bod(?:y|ies))\b", re.IGNORECASE
)


def split_fatalities(total: int, parts: int) -> list[int]:
    """How ACLED spreads a toll over ``parts`` events: equal shares, the
    remainder one each to the first events (10 over 3 is [4, 3, 3])."""
    if parts <= 0:
        return [total]
    share, remainder = divmod(total, parts)
    return [share + 1 if index < remainder else share for index in range(parts)]


def _share(total: int, parts: int) -> int:
    """The share most of the ``parts`` events get (a note does not say which
    of the split events it is)."""
    shares = split_fatalities(total, parts)
    return max(set(shares), key=lambda value: (shares.count(value), value))


def _coded_statement(text: str) -> Fatalities | None:
    """The count an ACLED note states outright ("fatalities coded as 10")."""
    split = _SPLIT_RE.search(text)
    split_parts = parse_cardinal(split["k"]) if split else None
    if split is not None:
        written = split["share"] or split["each"]
        share = parse_cardinal(written) if written else None
        if share is not None:
            return Fatalities(share, share, share, split.group(0), "share written in the note")
    rounded = _ROUNDED_RE.search(text)
    if rounded is not None and (value := parse_cardinal(rounded["n"])) is not None:
        return Fatalities(value, value, value, rounded.group(0), "rounded value in the note")
    coded = _CODED_RE.search(text)
    total_match = coded or _SPLIT_TOTAL_RE.search(text)
    if total_match is None:
        return None
    total = parse_cardinal(total_match["n"])
    if total is None:
        return None
    if coded is not None and coded["extra"]:
        total += parse_cardinal(coded["extra"]) or 0
    if split_parts:
        share = _share(total, split_parts)
        return Fatalities(share, share, share, total_match.group(0),
                          f"{total} split between {split_parts} events")  # fmt: skip
    return Fatalities(total, total, total, total_match.group(0), "coded in the note")


def _combine(text: str, mentions: list[FatalityMention]) -> Fatalities:
    totals = [m for m in mentions if m.kind == "total"]
    if totals:
        best = min(totals, key=lambda m: m.count)
        chosen = [best]
        reason = f"stated toll ({best.reason})"
        if len({m.count for m in totals}) > 1:
            reason = f"lowest of {len(totals)} stated tolls ({best.reason})"
    else:
        direct = [m for m in mentions if not m.anaphoric]
        chosen = direct or [max(mentions, key=lambda m: m.count)]
        reason = "; ".join(m.reason for m in chosen)
        if len(chosen) > 1:
            reason = f"sum of {len(chosen)} mentions: {reason}"
    count = sum(m.count for m in chosen)
    low = sum(m.low for m in chosen)
    high = sum(m.high for m in chosen)
    text_of = " … ".join(m.text for m in chosen)
    if _SUICIDE_ATTACK_RE.search(text) and count > 0:
        bomber_counted = any("bomber" in m.text.lower() for m in chosen)
        if not bomber_counted or _DETONATION_RE.search(text):
            count, low, high = count + 1, low + 1, high + 1
            reason += "; +1 suicide bomber"
    return Fatalities(count, low, high, text_of, reason)


def find_fatalities(text: str) -> Fatalities | None:
    """What ACLED would code as fatalities for the event ``text`` reports.

    None when the text reports no death and says nothing about casualties;
    count 0 with reason "injuries only" when only injuries are reported, and
    with reason "no deaths reported" when the text says nobody died.
    """
    coded = _coded_statement(text)
    if coded is not None:
        return coded
    mentions = [m for m in find_fatality_mentions(text) if not m.background]
    split = _SPLIT_RE.search(text)
    if mentions:
        result = _combine(text, mentions)
        parts = parse_cardinal(split["k"]) if split else None
        if parts:
            share = _share(result.count, parts)
            return Fatalities(share, _share(result.low, parts), _share(result.high, parts),
                              result.text, f"{result.reason}; split between {parts} events")  # fmt: skip
        return result
    grammar = _grammar()
    no_death = grammar.no_death.search(text)
    if no_death is not None:
        return Fatalities(0, 0, 0, no_death.group(0), "no deaths reported")
    injury = grammar.injury.search(text)
    if injury is not None and _DEATH_WORD_RE.search(text) is None:
        return Fatalities(0, 0, 0, injury.group(0), "injuries only")
    death_word = _DEATH_WORD_RE.search(text)
    if death_word is not None:
        return Fatalities(0, 0, 0, death_word.group(0), "deaths reported without a number")
    return None
