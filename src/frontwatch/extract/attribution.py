"""Who claims it, and whether the statement reports an event at all.

The claim source ("a war monitor", "the Syrian Observatory for Human Rights")
is kept apart from the outlet that published the article. Statements that are
negated, hypothetical, planned or background are flagged: they are not events.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from frontwatch.extract.triggers import TriggerMatch
from frontwatch.models import StatementFlags

REPORTING_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "confirm",
        "state",
        "add",
        "allege",
        "acknowledge",
        "admit",
        "insist",
        "write",
        "post",
        "declare",
    }
)
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
MODALS = frozenset({"could", "might", "may", "would", "should"})
PLAN_LEMMAS = frozenset(
    {"plan", "vow", "intend", "threaten", "prepare", "pledge", "aim", "expect", "promise", "seek"}
)
PLAN_PHRASES = ("set to", "about to", "is poised to", "are poised to", "getting ready to")
HYPOTHETICAL_MARKERS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Subject words that only refer back ("it said"): not a claim source by themselves.
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "this", "that"})


@dataclass(frozen=True, slots=True)
class ClaimSource:
    text: str
    start: int  # character offsets in the Doc text
    end: int


def find_claim_source(sentence: Span) -> ClaimSource | None:
    """The party a sentence attributes its content to, if it names one."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end:
            nxt = sentence.doc[token.i + 1]
            if nxt.lower_ == "to":
                objects = [child for child in nxt.children if child.dep_ == "pobj"]
                if objects:
                    return _phrase(objects[0])
                # The parse sometimes leaves the object unattached; take the
                # following noun phrase up to punctuation.
                return _linear_phrase(sentence, nxt.i + 1)
    for token in sentence:
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ in ("VERB", "AUX"):
            # Only an active subject claims ("the monitor said"); the subject
            # of a passive ("air raids were reported") is what was reported,
            # and its claimant is the agent ("reported by residents").
            agents = [
                grand
                for child in token.children
                if child.dep_ == "agent"
                for grand in child.children
                if grand.dep_ == "pobj"
            ]
            if agents:
                return _phrase(agents[0])
            subjects = [
                child
                for child in token.children
                if child.dep_ == "nsubj"
                and child.lower_ not in PRONOUNS
                and not _holds_clause(child)
            ]
            if subjects:
                return _phrase(subjects[0])
    return None


def _holds_clause(token: Token) -> bool:
    """A subject whose phrase holds a finite verb is the reported content
    misparsed as a subject ("The pocket totals 2,000 km, said the unit")."""
    return any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBZ", "VBP", "VBD") and t.dep_ != "acl"
        for t in token.subtree
    )


def statement_flags(
    sentence: Span, trigger: TriggerMatch, *, historical_cue: str | None = None
) -> StatementFlags:
    """Why this trigger does not report an event (all False: it does)."""
    doc = sentence.doc
    head = doc[trigger.head]
    governors = _governors(head, sentence)
    negated = _negated(head) or _denied(head, governors)
    hypothetical = any(
        child.lower_ in MODALS and child.dep_ == "aux" for child in head.children
    ) or any(
        tok.lower_ in HYPOTHETICAL_MARKERS and tok.dep_ == "mark"
        for g in [head, *governors]
        for tok in g.children
    )
    planned = _planned(head, governors, sentence)
    return StatementFlags(
        negated=negated,
        hypothetical=hypothetical,
        planned=planned,
        historical=historical_cue is not None,
    )


def _denied(head: Token, governors: list[Token]) -> bool:
    """Whether a verb of denial governs the trigger: "the army denied that
    the town had fallen". Not when the trigger is (in) the denier, its
    subject: "protesters rejected the governor's plan" is a protest."""
    below = head
    for token in [head, *governors]:
        if token.lemma_.lower() in DENIAL_VERBS and not (
            token is not head and below.dep_ in ("nsubj", "nsubjpass")
        ):
            return True
        below = token
    return False


def _negated(token: Token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    # "No one was killed", "no casualties": a determiner "no" on the subject.
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            grand.lower_ == "no" and grand.dep_ == "det" for grand in child.children
        ):
            return True
    return False


def _governors(token: Token, sentence: Span) -> list[Token]:
    """The chain of heads above a token, within its sentence."""
    chain: list[Token] = []
    current = token
    while current.head.i != current.i and sentence.start <= current.head.i < sentence.end:
        current = current.head
        chain.append(current)
        if len(chain) > 6:
            break
    return chain


def _planned(head: Token, governors: list[Token], sentence: Span) -> bool:
    if any(child.lower_ in ("will", "shall") and child.dep_ == "aux" for child in head.children):
        return True
    # "vowed to retake", "plans to attack": the trigger is the complement of a
    # verb of intention.
    if (
        head.dep_ in ("xcomp", "ccomp")
        and governors
        and (governors[0].lemma_.lower() in PLAN_LEMMAS)
    ):
        return True
    # Span.text, not Doc.text: spaCy rebuilds a Doc's text from every token
    # on each access.
    window = sentence.text[: head.idx - sentence.start_char].lower()[-40:]
    return any(phrase in window for phrase in PLAN_PHRASES)


def _phrase(token: Token) -> ClaimSource:
    """The noun phrase headed by ``token``, cut before an appositive clause."""
    tokens = [t for t in token.subtree]
    start = tokens[0].i
    end = tokens[-1].i + 1
    doc = token.doc
    # Cut at the first comma after the head: "The Observatory, a Britain-based
    # monitor," -> "The Observatory".
    for t in tokens:
        if t.i > token.i and t.text in (",", "(", "-", "--", "—"):
            end = t.i
            break
    while end > start and doc[end - 1].is_punct:
        end -= 1
    span = doc[start:end]
    return ClaimSource(text=span.text, start=span.start_char, end=span.end_char)


def _linear_phrase(sentence: Span, index: int) -> ClaimSource | None:
    doc = sentence.doc
    end = index
    while end < sentence.end and not doc[end].is_punct:
        end += 1
    if end == index:
        return None
    span = doc[index:end]
    return ClaimSource(text=span.text, start=span.start_char, end=span.end_char)
