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
  (see ``split_fatalities``).
* Deaths that a protest or a later act is about ("protested after two men
  were killed", "who killed a resident earlier that day") are background, not
  the event's own fatalities.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from frontwatch.errors import ConfigError
from frontwatch.extract.numbers import (
    CARDINAL_PATTERN,
    MONTHS_PATTERN,
    Quantity,
    is_date_number,
    parse_cardinal,
    phrase_alternation,
    quantity_pattern,
    read_quantity,
)
from frontwatch.models import Fatalities

LEXICON_FILE = "fatalities.yaml"
UNKNOWN_WHO = "people"
_LIST_SECTIONS = (
    "death_passive", "death_active", "death_to_death_verbs", "death_nouns", "body_nouns",
    "injury_words", "no_death_phrases", "participles", "not_people",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class FatalityLexicon:
    vague_quantities: Mapping[str, int]
    words: Mapping[str, tuple[str, ...]]  # one entry per list section of the file
    who_of_noun: Mapping[str, str]  # singular and plural person nouns -> who
    singular_nouns: frozenset[str]
    plural_nouns: frozenset[str]

    def __getitem__(self, section: str) -> tuple[str, ...]:
        return self.words[section]


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


# --- Lexicon -------------------------------------------------------------------------


def _plural(noun: str, irregular: Mapping[str, str]) -> str:
    if noun in irregular:
        return irregular[noun]
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def parse_lexicon(raw: object) -> FatalityLexicon:
    """Validate the structure of the lexicon file."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{LEXICON_FILE}: top level must be a mapping")
    vague = raw.get("vague_quantities")
    if not isinstance(vague, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in vague.items()
    ):
        raise ConfigError(f"{LEXICON_FILE}: 'vague_quantities' must map phrases to counts > 0")
    words: dict[str, tuple[str, ...]] = {}
    for section in _LIST_SECTIONS:
        value = raw.get(section)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{LEXICON_FILE}: '{section}' must be a non-empty list of strings")
        words[section] = tuple(v.lower().strip() for v in value)
    people, irregular = raw.get("person_nouns"), raw.get("irregular_plurals")
    if not isinstance(people, dict) or not isinstance(irregular, dict):
        raise ConfigError(f"{LEXICON_FILE}: 'person_nouns' and 'irregular_plurals' are mappings")
    who_of_noun: dict[str, str] = {}
    singular: set[str] = set()
    plural: set[str] = set()
    for who, nouns in people.items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
            raise ConfigError(f"{LEXICON_FILE}: person_nouns.{who} must be a list of strings")
        for noun in nouns:
            head = noun.lower().split()[-1]
            plural_head = _plural(head, irregular)
            singular.add(head)
            plural.add(plural_head)
            who_of_noun.setdefault(head, str(who))
            who_of_noun.setdefault(plural_head, str(who))
    return FatalityLexicon(
        vague_quantities={k.lower(): v for k, v in vague.items()},
        words=words,
        who_of_noun=who_of_noun,
        singular_nouns=frozenset(singular),
        plural_nouns=frozenset(plural - singular),
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


# --- Grammar -------------------------------------------------------------------------

_AUXILIARIES = (
    "was", "were", "is", "are", "been", "be", "being", "has", "have", "had", "got", "get",
    "gets", "reportedly", "allegedly", "reported", "confirmed", "later", "also", "all",
    "both", "subsequently", "eventually", "found", "left", "lying", "apparently",
    "believed", "said", "thought", "feared", "presumed", "known", "to", "then",
    "initially", "immediately", "instantly", "each", "already", "ultimately", "likely",
    "probably", "soon", "shortly", "afterwards", "themselves", "either",
)  # fmt: skip
_CLAUSE_WORDS = (
    "and", "or", "but", "nor", "who", "whom", "whose", "which", "that", "when", "while",
    "after", "before", "as", "with", "by", "in", "into", "at", "on", "to", "during",
    "following", "than", "since", "because", "near", "inside", "outside", "across",
    "within", "between", "against", "for", "amid", "amidst", "under", "over", "through",
    "via", "including", "not", "no", "never", "where", "if", "although", "though",
    "despite", "until", "upon", "toward", "towards", "along", "around", "beside", "behind",
    "this", "these", "those", "there", "it", "they", "he", "she", "we", "i", "you",
    # past tenses without -ed: they end a noun phrase ("a shoot-out BROKE out")
    "broke", "took", "began", "came", "went", "fled", "fought", "held", "made", "met",
    "ran", "saw", "set", "threw", "tore", "gave", "kept", "sent", "stood", "told",
    "became", "brought", "fell", "hid", "put", "rode", "rose", "sought", "spoke", "stole",
    "drove", "blew", "flew", "overran", "withdrew", "opened", "clashed", "attacked",
)  # fmt: skip
# A mention in a clause opened by one of these, in a sentence about a protest
# or with a past-time phrase, is what the event reacts to, not the event.
_BACKGROUND_CUE = re.compile(
    r"\b(?:after|following|over|against|since|because\s+of|demanding|condemning|"
    r"denouncing|protesting|mourning|justice\s+for|memory\s+of|remembrance\s+of|"
    r"honou?r(?:ing)?|death\s+of|killing\s+of|murder\s+of|who|which|that)\b",
    re.IGNORECASE,
)
_PROTEST_CONTEXT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|march(?:ed|es)?|vigil|sit-in|"
    r"mourn\w*|funeral|commemorat\w*|strike)\b|\[size=",
    re.IGNORECASE,
)
_PAST_CONTEXT = re.compile(
    r"\b(?:earlier\s+(?:that|the\s+same|in\s+the)\s+(?:day|week|month)|the\s+(?:previous|"
    r"day|night)\s+before|(?:the\s+)?previous\s+(?:day|night|week)|last\s+(?:week|month|"
    r"year)|(?:days|weeks|months|years)\s+(?:ago|earlier|before)|in\s+mid-\w+|in\s+"
    rf"(?:{MONTHS_PATTERN})\b|in\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
_ALTERNATIVE_CUE = re.compile(
    r"\b(?:other|another|some|separate|different|conflicting|alternative|unconfirmed)\s+"
    r"(?:sources?|reports?|accounts?|media|outlets?)\b|\bcontest(?:s|ed)?\b|\bdisput\w+",
    re.IGNORECASE,
)
_FOUND_CONTEXT = re.compile(
    r"\b(?:found|discovered|recovered|dumped|located|retrieved|lying|abandoned|"
    r"unearthed|exhumed|washed\s+up|identified|mutilated)\b",
    re.IGNORECASE,
)
_NOT_ACTED = re.compile(
    r"\b(?:to|would|will|could|might|may|should|must|not|never|failed|n't)\s+$", re.IGNORECASE
)
_FAMILY_OF = re.compile(rf"\s+family\s+of\s+(?P<n>{CARDINAL_PATTERN})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\[(\"'])|;\s+")


@dataclass(frozen=True, slots=True)
class _Grammar:
    quantity: re.Pattern[str]
    quantity_np: re.Pattern[str]  # a quantity and the noun phrase after it
    chain_gap: re.Pattern[str]  # "<groups> [auxiliaries]" right before a passive verb
    passive_verb: re.Pattern[str]
    death_noun: re.Pattern[str]
    active_verb: re.Pattern[str]
    to_death_verb: re.Pattern[str]
    coordination: re.Pattern[str]
    pronoun_object: re.Pattern[str]
    pronoun_subject: re.Pattern[str]
    suicide: re.Pattern[str]
    death_toll: re.Pattern[str]
    toll_range: re.Pattern[str]
    death_of: re.Pattern[str]
    body_of: re.Pattern[str]
    ambiguous_after: re.Pattern[str]
    injury: re.Pattern[str]
    no_death: re.Pattern[str]
    unpassive_verbs: frozenset[str]  # read as passive only with an auxiliary
    singular_passive: re.Pattern[str]  # "... was (shot and) killed", not "who was"
    his_death: re.Pattern[str]


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    lex = load_lexicon()
    card = CARDINAL_PATTERN
    quantity = quantity_pattern(lex.vague_quantities)
    first_words = {
        p.split()[0]
        for p in lex["death_passive"] + lex["death_active"] + lex["injury_words"]
        + lex["death_nouns"] + lex["body_nouns"] + lex["death_to_death_verbs"]
    }  # fmt: skip
    stop_words = [*_CLAUSE_WORDS, *_AUXILIARIES, *sorted(first_words), *MONTHS_PATTERN.split("|")]
    # Stop words end a noun phrase in lower case or capitalised, not in
    # capitals: "IS fighters" is a noun phrase.
    stop = phrase_alternation(stop_words + [w.capitalize() for w in stop_words])
    chars = r"[\w'’\-/]"
    participles = phrase_alternation(lex["participles"])
    # Lower-case words in -ed/-ing are verbs unless listed as participles.
    not_verb = rf"(?!(?!(?:{participles})\b)(?-i:[a-z]+(?:ed|ing))(?!{chars}))"
    np_word = (
        rf"(?!(?-i:{stop})(?!{chars})){not_verb}(?!{card}(?![\w-]))"
        rf"(?:[A-Za-z]{chars}*|\d+-?[A-Za-z]{chars}*)"
    )
    listed = rf"(?!(?-i:{'|'.join(w for w in stop_words if w != 'and')})(?!{chars})){chars}+"
    determiners = r"(?:a|an|the|his|her|their|its|another|both|several|some|many|dozens)"
    np_item = (
        rf"(?:\s+{np_word}|\s+and\s+(?!{determiners}\b){np_word}|\s*\([^()]{{0,80}}\)"
        rf"|\s+of\s+{card}(?=\s*[,.;:)]|\s+(?:including|people|members)\b)"
        rf"|\s*,\s*(?:a|an|the|both|all|mostly|aged|working|including|who|whose)\b"
        rf"[^,.;()]{{1,80}},|\s+including\s+{listed}(?:\s+{listed}){{0,7}})"
    )
    quantity_np = rf"{quantity}(?:{np_item}){{0,12}}"
    coord = (
        r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+|\s+plus\s+|"
        r"\s+in\s+addition\s+to\s+|\s+along\s+with\s+|\s+together\s+with\s+)"
    )
    aux = phrase_alternation(_AUXILIARIES)
    injury = phrase_alternation(lex["injury_words"])
    # "were SHOT AND killed", "was SHOT IN THE HEAD AND died"
    prior_act = (
        rf"(?!(?:{injury})\b)(?:[A-Za-z]+ed|shot|beaten|hit|struck|caught|burnt|taken)"
        r"(?:\s+[\w'’-]+){0,4}?\s+and\s+"
    )
    death_nouns = phrase_alternation(lex["death_nouns"])
    bodies = phrase_alternation(lex["body_nouns"])
    # "two men IN THE MARKET AREA OF Kabul (Kabul) were killed": names,
    # brackets and place nouns only, so no clause hides in it.
    place = (
        r"(?:\s+(?:in|at|near|from|of|the|and|(?-i:[A-Z])[\w'’\-]*|\([^()]{0,80}\)|area|"
        r"district|village|town|city|province|region|neighbou?rhood|countryside|outskirts|"
        r"camp|market|prison|state|county|suburb))*"
    )
    flags = re.IGNORECASE
    return _Grammar(
        quantity=re.compile(quantity, flags),
        quantity_np=re.compile(quantity_np, flags),
        chain_gap=re.compile(
            rf"(?:\s+(?:in|at|near|from)\b{place})?"
            rf"\s+(?:(?:{aux})\s+)*(?:{prior_act}(?:(?:{aux})\s+)*)?",
            flags,
        ),
        passive_verb=re.compile(
            rf"(?<![\w-])(?:{phrase_alternation(lex['death_passive'])})(?![\w'’])", flags
        ),
        death_noun=re.compile(rf"(?<![\w-])(?:{death_nouns}|{bodies})\b", flags),
        active_verb=re.compile(rf"\b(?:{phrase_alternation(lex['death_active'])})\b", flags),
        to_death_verb=re.compile(
            rf"\b(?:{phrase_alternation(lex['death_to_death_verbs'])})\b", flags
        ),
        coordination=re.compile(coord, flags),
        pronoun_object=re.compile(r"\s+(?:him|her|himself|herself)\b", flags),
        pronoun_subject=re.compile(
            rf"\b(?:he|she)\s+(?:(?:{aux})\s+)*(?:{prior_act})?"
            rf"(?P<verb>{phrase_alternation(lex['death_passive'])})(?![\w'’])",
            flags,
        ),
        suicide=re.compile(r"\b(?:blew|blowing|blown|blows)\s+(?:himself|herself)\s+up\b", flags),
        death_toll=re.compile(
            rf"\bdeath\s+toll\b[^.;]{{0,40}}?\b(?:to|at|of|is|was|reached|hit)\s+(?={quantity})",
            flags,
        ),
        toll_range=re.compile(
            r"\b(?:fatalities|deaths|death\s+toll)\s+(?:\w+\s+)?(?:range[sd]?|ranging|vary|"
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
        ambiguous_after=re.compile(
            rf"\s*(?:(?:,\s*)?(?:and|or|/|and/or)\s+(?:(?:were|was)\s+)?|,\s*)(?:{injury})\b"
            r"|\s+(?:from|of|due\s+to)\s+(?:the\s+)?(?:coronavirus|covid|virus|illness|disease|"
            r"natural\s+causes|cancer|heart)",
            flags,
        ),
        injury=re.compile(rf"\b(?:{injury})\b", flags),
        no_death=re.compile(
            rf"\b(?:{phrase_alternation(lex['no_death_phrases'])})\b|"
            r"\bneither\s+(?:injuries|fatalities|casualties|deaths)\s+nor\b",
            flags,
        ),
        unpassive_verbs=frozenset(lex["death_passive"]) & frozenset(lex["death_active"]),
        singular_passive=re.compile(
            rf"(?<!\bwho\s)(?<!\bthat\s)\bwas\s+(?:(?:{aux})\s+)*(?:{prior_act}(?:(?:{aux})\s+)*)?$",
            flags,
        ),
        his_death=re.compile(
            r"\b(?:result(?:ed|ing)?\s+in|lead(?:ing)?\s+to|led\s+to|caus(?:ed|ing))\s+"
            r"(?:his|her)\s+death\b",
            flags,
        ),
    )


# --- Groups of dead people -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    """One "<quantity> <noun phrase>" naming people: "3 local policemen"."""

    start: int
    end: int
    quantity: Quantity
    who: str
    quantity_text: str
    noun_phrase: str

    @property
    def is_partitive(self) -> bool:
        """ "one", "one of them", "another": part of a group named before."""
        phrase = self.noun_phrase.strip().lower()
        bare = not phrase or phrase.startswith("of ")
        if self.quantity_text.lower() == "the" and phrase == "other":
            return True
        return bare and self.quantity_text.lower() in ("one", "another")


def _head(noun_phrase: str) -> str:
    """The head noun: the last word before "of", "from", a comma or a bracket."""
    cleaned = re.split(r"\(|,|\bof\b|\bfrom\b|\bincluding\b", noun_phrase.lower())[0]
    words = re.findall(r"[\w'’\-/]+", cleaned)
    return re.sub(r"(?:'s|’s|'|’)$", "", words[-1]) if words else ""


def _who(noun_phrase: str) -> str:
    who_of_noun = load_lexicon().who_of_noun
    for word in reversed(re.findall(r"[\w\-]+", noun_phrase.lower())):
        for form in (word, word.split("-")[-1]):
            if form in who_of_noun:
                return who_of_noun[form]
    return UNKNOWN_WHO


def _is_people(quantity: Quantity, noun_phrase: str, strict: bool) -> bool:
    """Whether "<quantity> <noun phrase>" names people, not cattle or kilometres.

    A number needs no noun ("killing 4"). A singular determiner needs a
    singular noun ("a" alone, "the families" and "a checkpoint" are not one
    person); ``strict`` asks for a listed noun for a person.
    """
    lex = load_lexicon()
    head = _head(noun_phrase)
    last = head.split("-")[-1]
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


def _group_at(text: str, pos: int, strict: bool = False) -> _Group | None:
    """The group starting exactly at ``pos``, if it names people."""
    grammar = _grammar()
    q_match = grammar.quantity.match(text, pos)
    if q_match is None:
        return None
    quantity = read_quantity(q_match.group(0), load_lexicon().vague_quantities)
    if quantity is None or is_date_number(text, q_match.start(), q_match.end()):
        return None
    match = grammar.quantity_np.match(text, pos)
    end = match.end() if match else q_match.end()
    noun_phrase = text[q_match.end() : end]
    if not _is_people(quantity, noun_phrase, strict):
        return None
    family = _FAMILY_OF.match(noun_phrase)
    if quantity.singular and family and (size := parse_cardinal(family["n"])):
        quantity = Quantity(size, size, size, f"a family of {size}")
    return _Group(pos, end, quantity, _who(noun_phrase), q_match.group(0), noun_phrase)


def _chain_groups(text: str, start: int, end: int, strict_before_last: bool) -> list[_Group]:
    """The coordinated groups from ``start``: "3 soldiers and 2 civilians".

    Groups before a bare comma with no "and" later are not part of the list
    ("attacked a post, 3 soldiers were killed"); with ``strict_before_last``,
    singular groups before the last one need a listed noun for a person.
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
    keep_from = 0
    for index, separator in enumerate(separators):
        bare_comma = separator.strip() == ","
        if bare_comma and not any(s.strip() != "," for s in separators[index + 1 :]):
            keep_from = index + 1
    if strict_before_last:
        for index, group in enumerate(groups[:-1]):
            if not _is_people(group.quantity, group.noun_phrase, strict=True):
                keep_from = max(keep_from, index + 1)
    return groups[keep_from:]


def _mention(
    text: str, start: int, end: int, groups: list[_Group], reason: str, kind: str = "victims"
) -> FatalityMention:
    whos = {g.who for g in groups}
    rules = "; ".join(g.quantity.reason for g in groups)
    return FatalityMention(
        start=start,
        end=end,
        count=sum(g.quantity.count for g in groups),
        low=sum(g.quantity.low for g in groups),
        high=sum(g.quantity.high for g in groups),
        who=whos.pop() if len(whos) == 1 else UNKNOWN_WHO,
        text=text[start:end],
        reason=f"{reason}: {rules}",
        kind=kind,
        anaphoric=all(g.quantity.anaphoric for g in groups),
        head=_head(groups[0].noun_phrase) if len(groups) == 1 else "",
    )


def _single(text: str, start: int, end: int, reason: str, anaphoric: bool) -> FatalityMention:
    return FatalityMention(start, end, 1, 1, 1, UNKNOWN_WHO, text[start:end], reason,
                           anaphoric=anaphoric)  # fmt: skip


# --- Mentions ----------------------------------------------------------------------------


def _active_mentions(text: str) -> tuple[list[FatalityMention], set[int]]:
    """ "killing 3 civilians and a soldier", "beat a man to death"; also
    returns where the verbs used start, so that no passive reading reuses them."""
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    used: set[int] = set()
    for verb in grammar.active_verb.finditer(text):
        if _NOT_ACTED.search(text, max(0, verb.start() - 12), verb.start()):
            continue  # "attempted to kill", "would kill"
        pos = verb.end()
        extra = re.match(r"\s+and\s+[a-z]+ed(?:\s+the\s+bod(?:y|ies)\s+of)?", text[pos:])
        pos += extra.end() if extra else 0
        pronoun = grammar.pronoun_object.match(text, pos)
        if pronoun is not None:
            used.add(verb.start())
            reflexive = "self" in pronoun.group(0).lower()
            mentions.append(_single(text, verb.start(), pronoun.end(), "him/her = 1",
                                    anaphoric=not reflexive))  # fmt: skip
            continue
        gap = re.match(r"\s+", text[pos:])
        groups = _chain_groups(text, pos + gap.end(), len(text), False) if gap else []
        if not groups or (
            not groups[0].noun_phrase.strip() and grammar.injury.match(text, groups[0].end + 1)
        ):
            continue  # "1 killed 3 injured": the 3 are the injured
        used.add(verb.start())
        mentions.append(_mention(text, verb.start(), groups[-1].end, groups, "killed N"))
    for verb in grammar.to_death_verb.finditer(text):
        groups = _chain_groups(text, verb.end() + 1, len(text), False)
        if groups and re.match(r"\s+to\s+death\b", text[groups[-1].end :], re.IGNORECASE):
            used.add(verb.start())
            mentions.append(_mention(text, verb.start(), groups[-1].end, groups, "N to death"))
    return mentions, used


def _reads_passive(text: str, groups: list[_Group], verb_end: int) -> bool:
    """Whether "<N> killed" without an auxiliary is a headline passive ("1
    killed, 3 injured") rather than a verb with its object after it."""
    following = text[verb_end : verb_end + 30]
    if re.match(r"\s*(?:[,.;:)\]]|$)", following):
        return True
    if not re.match(
        r"\s+(?:in|at|on|and|by|when|while|after|during|near|as|following|with|or|since|"
        r"from|across|inside|outside|amid|over|overnight|yesterday|today|last|this|"
        r"earlier|later|\d)\b",
        following,
        re.IGNORECASE,
    ):
        return False
    has_noun = any(g.noun_phrase.strip() for g in groups)
    return not (has_noun and re.match(r"\s+\d", following))


def _chain_before(text: str, end: int, gap: re.Pattern[str], strict: bool) -> list[_Group]:
    """The longest chain of groups that ends, after ``gap``, exactly at ``end``."""
    sentence_start, _ = _sentence_bounds(text, end)
    window = max(sentence_start, end - 300)
    for word in re.finditer(r"(?<![\w'’.,:/-])[\w(]", text[window:end]):
        pos = window + word.start()
        groups = _chain_groups(text, pos, end, strict_before_last=strict)
        if groups and groups[0].start == pos and gap.fullmatch(text, groups[-1].end, end):
            return groups
    return []


def _passive_mentions(text: str, used: set[int]) -> list[FatalityMention]:
    """ "3 soldiers and 2 civilians were killed", "two men died", "1 killed",
    and counted nouns: "10 fatalities", "2 rebel and 1 military fatality"."""
    grammar = _grammar()
    bodies = load_lexicon()["body_nouns"]
    mentions: list[FatalityMention] = []
    for verb in grammar.passive_verb.finditer(text):
        if verb.start() in used or grammar.ambiguous_after.match(text, verb.end()):
            continue
        groups = _chain_before(text, verb.start(), grammar.chain_gap, strict=True)
        between = text[groups[-1].end : verb.start()] if groups else ""
        if not groups or (
            len(groups) == 1
            and groups[0].quantity.singular
            and re.search(r"\b(?:were|are|have)\b", between, re.IGNORECASE)
        ):
            # No countable subject. "X was killed" still says one person died.
            singular = grammar.singular_passive.search(
                text, max(0, verb.start() - 120), verb.start()
            )
            if singular is not None:
                mentions.append(_single(text, singular.start(), verb.end(), "was killed = 1", True))
            continue
        if (
            not between.strip()
            and verb.group(0).lower() in grammar.unpassive_verbs
            and not _reads_passive(text, groups, verb.end())
        ):
            continue  # "2 gunmen killed a man": the gunmen did not die
        if len(groups) == 1 and groups[0].is_partitive:
            # "One was burnt alive": one of the dead named before.
            groups = [replace(groups[0], quantity=replace(groups[0].quantity, anaphoric=True))]
        headline = not between.strip() and not any(g.noun_phrase.strip() for g in groups)
        kind = (
            "total"
            if headline and _sentence_bounds(text, verb.start())[0] == groups[0].start
            else "victims"
        )
        mentions.append(_mention(text, groups[0].start, verb.end(), groups, "N killed", kind))
    space = re.compile(r"\s+")
    for noun in grammar.death_noun.finditer(text):
        is_body = noun.group(0).lower() in bodies
        if is_body and not _found_in_sentence(text, noun.start()):
            continue
        groups = _chain_before(text, noun.start(), space, strict=True)
        if not groups or (groups[-1].quantity.singular and not is_body):
            continue  # "the deaths", "a death squad"
        kind, reason = ("victims", "N bodies") if is_body else ("total", "N deaths")
        mentions.append(_mention(text, groups[0].start, noun.end(), groups, reason, kind))
    return mentions


def _phrase_mentions(text: str) -> list[FatalityMention]:
    """Tolls, causes, bodies and pronouns: "the death toll rose to 7", "resulted
    in the death of two men", "the bodies of 3 men were found", "he died"."""
    grammar = _grammar()
    mentions: list[FatalityMention] = []
    for match in grammar.toll_range.finditer(text):
        low, high = parse_cardinal(match["low"]) or 0, parse_cardinal(match["high"]) or 0
        low, high = min(low, high), max(low, high)
        mentions.append(FatalityMention(match.start(), match.end(), low, low, high, UNKNOWN_WHO,
                                        match.group(0), f"lowest of {low}-{high}", "total"))  # fmt: skip
    for pattern, reason, kind in (
        (grammar.death_toll, "death toll", "total"),
        (grammar.death_of, "caused the death of", "victims"),
        (grammar.body_of, "body of", "victims"),
    ):
        for match in pattern.finditer(text):
            if pattern is grammar.body_of and not _found_in_sentence(text, match.start()):
                continue
            groups = _chain_groups(text, match.end(), len(text), False)
            if groups:
                mentions.append(_mention(text, match.start(), groups[-1].end, groups, reason, kind))
    for match in grammar.pronoun_subject.finditer(text):
        aux_free = not text[match.start() + 3 : match.start("verb")].strip()
        if grammar.ambiguous_after.match(text, match.end()) or (
            aux_free and match.group("verb").lower() in grammar.unpassive_verbs
        ):
            continue
        mentions.append(_single(text, match.start(), match.end(), "he/she died = 1", True))
    for match in grammar.his_death.finditer(text):
        mentions.append(_single(text, match.start(), match.end(), "his death = 1", True))
    for match in grammar.suicide.finditer(text):
        mentions.append(_single(text, match.start(), match.end(), "bomber = 1", False))
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


def _context_flags(text: str, mention: FatalityMention) -> FatalityMention:
    """Mark deaths a protest or a later act is about, and other sources' figures."""
    start, end = _sentence_bounds(text, mention.start)
    lead = text[max(start, mention.start - 80) : mention.start]
    clause = re.split(r"[,;:]|\b(?:and|but|while|whilst|during)\b", lead)[-1]
    cue = _BACKGROUND_CUE.search(clause)
    background = cue is not None and (
        _PAST_CONTEXT.search(text, mention.start, end) is not None
        or (cue.group(0).lower() not in ("who", "which", "that")
            and _PROTEST_CONTEXT.search(text, start, end) is not None)
    )  # fmt: skip
    alternative = _ALTERNATIVE_CUE.search(text, start, mention.start) is not None
    if background or alternative:
        return replace(mention, background=background, alternative=alternative)
    return mention


def find_fatality_mentions(text: str) -> list[FatalityMention]:
    """Every phrase in ``text`` that reports deaths, in text order.

    Overlapping readings are resolved in favour of the active verb ("killing
    3"), then the passive ("3 were killed") and counted nouns ("3 deaths"),
    then tolls, causes and pronouns.
    """
    active, used = _active_mentions(text)
    chosen: list[FatalityMention] = []
    for candidates in (active, _passive_mentions(text, used), _phrase_mentions(text)):
        for mention in sorted(candidates, key=lambda m: (m.start, -m.end)):
            if any(mention.start < m.end and m.start < mention.end for m in chosen):
                continue
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
_RESTATEMENT = re.compile(
    r"\b(?:said|says|according\s+to|reported|confirmed|told|stated|announced)\b", re.IGNORECASE
)
_OTHERS = re.compile(
    r"\b(?:other|another|also|more|further|additional|second|third|separate)\b", re.IGNORECASE
)
_DEATH_WORD_RE = re.compile(
    r"\b(?:kill\w*|dead|died|deaths?|fatalit\w*|executed|murdered|bod(?:y|ies)|casualt\w*)\b",
    re.IGNORECASE,
)


def split_fatalities(total: int, parts: int) -> list[int]:
    """How ACLED spreads a toll over ``parts`` events: equal shares, the
    remainder one each to the first events (10 over 3 is [4, 3, 3])."""
    if parts <= 0:
        return [total]
    share, remainder = divmod(total, parts)
    return [share + 1 if index < remainder else share for index in range(parts)]


def _share(total: int, parts: int) -> int:
    """The share most of the ``parts`` events get (a note does not say which of
    the events it is); on a tie, the lower one."""
    shares = split_fatalities(total, parts)
    return max(sorted(set(shares)), key=shares.count)


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
        share = _share(total, parts)
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
        if (
            repeat
            and _RESTATEMENT.search(text, start, end)
            and not _OTHERS.search(text, max(start, mention.start - 20), mention.end)
        ):
            continue
        kept.append(mention)
    return kept


def _combine(text: str, mentions: list[FatalityMention]) -> Fatalities:
    chosen, reason = _lowest_reading(text, mentions)
    count = sum(m.count for m in chosen)
    low = sum(m.low for m in chosen)
    high = sum(m.high for m in chosen)
    if _SUICIDE_ATTACK_RE.search(text) and count > 0:
        # ACLED counts the bomber, unless the count already names him and
        # nothing says he blew himself up.
        bomber_named = any("bomber" in m.text.lower() or "bomber" in m.reason for m in chosen)
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
    coded = _coded_statement(text)
    if coded is not None:
        return coded
    mentions = [m for m in find_fatality_mentions(text) if not m.background]
    if mentions:
        result = _combine(text, mentions)
        split = _SPLIT_RE.search(text)
        parts = parse_cardinal(split["k"]) if split else None
        if not parts:
            return result
        return Fatalities(_share(result.count, parts), _share(result.low, parts),
                          _share(result.high, parts), result.text,
                          f"{result.reason}; split between {parts} events")  # fmt: skip
    grammar = _grammar()
    if (no_death := grammar.no_death.search(text)) is not None:
        return Fatalities(0, 0, 0, no_death.group(0), "no deaths reported")
    death_word = _DEATH_WORD_RE.search(text)
    if (injury := grammar.injury.search(text)) is not None and death_word is None:
        return Fatalities(0, 0, 0, injury.group(0), "injuries only")
    if death_word is not None:
        return Fatalities(0, 0, 0, death_word.group(0), "deaths without a number")
    return None
