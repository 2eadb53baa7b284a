"""Sentences -> events: the extraction stage that ties triggers, roles,
places, dates, fatalities and attribution together for one article."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from frontwatch.actors.conventions import (
    COUNTER_PROTEST,
    POLICE_AGAINST_CROWD,
    apply_conventions,
)
from frontwatch.actors.coref import ActorContext
from frontwatch.actors.dictionary import ActorDictionary
from frontwatch.dates.resolve import event_date_span, historical_cue, undated_sentence_span
from frontwatch.extract.alliances import (
    alliances,
    claimer_as_doer,
    requalified,
    with_unnamed_allies,
)
from frontwatch.extract.attribution import ClaimSource, find_claim_source, statement_flags
from frontwatch.extract.classify import (
    ABDUCTION,
    Clause,
    gang_victims,
    reading,
    sub_event_type,
    without_protest_topics,
)
from frontwatch.extract.crowd import crowd_size
from frontwatch.extract.fatalities import find_fatalities
from frontwatch.extract.follow_ups import ANAPHORA, AREA, SQ_MILE_KM2, deadly, toll_only
from frontwatch.extract.roles import ActorSpan, Roles, assign_roles
from frontwatch.extract.selection import (
    HEADING_RANK,
    deaths,
    habitual,
    heading_end,
    modifier,
    passive_trigger,
    rank,
    set_aside,
)
from frontwatch.extract.taxonomy import CONTROL_CHANGES, event_type_of
from frontwatch.extract.triggers import TriggerLexicon, TriggerMatch
from frontwatch.geo.event_places import (
    ArticlePlaces,
    place_told_before,
    region_companions,
    sentence_places,
)
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.outlets import outlet_countries
from frontwatch.models import (
    Actor,
    Article,
    DateSpan,
    Event,
    Fatalities,
    Place,
    Provenance,
    StatementFlags,
)

# A sentence that denies what was just reported ("The army denied the claim",
# "Rebels dismissed the reports as false").
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\b"
    r"[^.;]{0,40}?\b(?:claims?|reports?|allegations?|statements?|announcement|it)\b|"
    r"\b(?:claims?|reports?)\s+(?:was|were|is|are)\s+(?:false|untrue|baseless|fabricated)\b",
    re.IGNORECASE,
)
HISTORICAL_DAYS = 60  # an event dated this long before publication is background


@dataclass
class _Draft:
    """An event being built; frozen into models.Event at the end."""

    sentence: Span
    trigger: TriggerMatch
    sub_event_type: str
    roles: Roles
    date: DateSpan
    flags: StatementFlags
    claim_source: str | None
    place: Place | None
    other_places: tuple[Place, ...]
    fatalities: Fatalities | None
    territorial: str | None
    crowd_size: str | None = None
    area_km2: float | None = None
    area_text: str = ""
    # Later sentences that added a figure ("nine soldiers were killed in the
    # fighting"): cited too, so that every printed number has its source.
    follow_ups: list[Span] = field(default_factory=list)


class EventExtractor:
    def __init__(
        self,
        *,
        gazetteer: Gazetteer,
        actors: ActorDictionary | None = None,
        lexicon: TriggerLexicon | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.places = ArticlePlaces(gazetteer)
        self.actors = actors or ActorDictionary.load()
        self.lexicon = lexicon or TriggerLexicon.packaged()

    # ------------------------------------------------------------------ public
    def extract(self, article: Article, doc: Doc) -> list[Event]:
        """All event statements of one article, flagged ones included (their
        ``flags`` say why they are not events)."""
        # The named actors' countries are weak evidence for where the places
        # are ("Hezbollah": Lebanon or Syria), as they are for the focus.
        actor_countries, actor_regions = self.actors.homes(article.text)
        # So is the outlet's home ("Daily Star (Lebanon)", "Radio Okapi"):
        # "Tripoli" in a Lebanese paper with no other clue is Lebanon's.
        homes = outlet_countries(article.outlet)
        located = self.places.locate(
            article.text,
            doc,
            actor_countries=actor_countries,
            actor_regions=actor_regions,
            home_countries=homes,
        )
        country_code, country = self.places.focus_country(
            article.text, located, actor_countries=[*actor_countries, *homes]
        )
        context = ActorContext(self.actors, country=country, on=article.published)
        sentences = list(doc.sents)
        # Actors first, over the whole article: coreference runs in reading
        # order, and alliances stated late ("Hezbollah, which fights alongside
        # government forces") are known when "allied forces" appears early.
        # Span.text is rebuilt from the tokens on each access; the Doc's text
        # is the article's.
        texts = [article.text[s.start_char : s.end_char] for s in sentences]
        actors_by_sentence = [
            self._actors(s, said, context) for s, said in zip(sentences, texts, strict=True)
        ]
        allies = alliances(article.text, actors_by_sentence)
        # Where a statement that names no place is put (see _freeze).
        region = self.places.region_place(located, country_code)
        drafts: list[_Draft] = []
        # The last dated sentence of the current paragraph: an undated
        # sentence after it ("Three soldiers were killed.") tells the same
        # story, on the same date.
        dated: tuple[Span, DateSpan] | None = None
        for index, (sentence, actor_spans) in enumerate(
            zip(sentences, actors_by_sentence, strict=True)
        ):
            following = " ".join(texts[index + 1 : index + 3])
            own_date = event_date_span(texts[index], article.published)
            if own_date.expression and own_date.precision is not None:
                dated = (sentence, own_date)
            elif (
                dated is not None
                and "\n\n" in article.text[dated[0].end_char : sentence.start_char]
            ):
                dated = None  # a new paragraph: the narrative date does not carry over
            self._sentence(
                article,
                sentence,
                actor_spans,
                actors_by_sentence[index - 1] if index else [],
                context,
                allies,
                located,
                country,
                drafts,
                following=following,
                date=own_date
                if own_date.expression
                else undated_sentence_span(article.published, dated[1] if dated else None),
                placeless_country=region.country if region is not None else country,
            )
        return [self._freeze(article, d, region, located) for d in drafts]

    # ----------------------------------------------------------------- actors
    def _actors(self, sentence: Span, said: str, context: ActorContext) -> list[ActorSpan]:
        offset = sentence.start_char
        return [
            ActorSpan(
                actor=found.actor,
                start=offset + found.mention.start,
                end=offset + found.mention.end,
                supporting=found.mention.supporting,
                implicit=found.mention.implicit,
            )
            for found in context.observe_sentence(said)
        ]

    # --------------------------------------------------------------- sentence
    def _sentence(
        self,
        article: Article,
        sentence: Span,
        actor_spans: list[ActorSpan],
        earlier_spans: list[ActorSpan],
        context: ActorContext,
        allies: dict[str, tuple[Actor, ...]],
        located: Sequence[Place],
        country: str | None,
        drafts: list[_Draft],
        *,
        following: str,
        date: DateSpan,
        placeless_country: str | None = None,
    ) -> None:
        """``country`` is the one the article is about (generic actors were
        named for it); ``placeless_country`` the one a statement naming no
        place is put in."""
        text = article.text
        # The Doc's text is the article's; Span.text would be rebuilt from
        # the tokens on every access.
        said = text[sentence.start_char : sentence.end_char]
        # An untagged sentence is one the trigger prefilter passed over: it
        # holds no trigger (the prefilter never misses one).
        found = self.lexicon.find(sentence) if sentence[0].tag != 0 else []
        triggers = without_protest_topics(found, sentence.start_char, said)
        if not triggers and not drafts:
            return  # no event here and none before it to add a figure to
        fatalities = find_fatalities(said)
        area = AREA.search(said)
        claim = find_claim_source(sentence)
        excluded = [(claim.start, claim.end)] if claim else []
        # "killed in the fighting": a trigger inside a phrase that refers back
        # to an event already reported is not a new event.
        back_refs = [
            (sentence.start_char + m.start(), sentence.start_char + m.end())
            for m in ANAPHORA.finditer(said)
        ]
        triggers = [
            t
            for t in triggers
            if not habitual(sentence.doc[t.head])
            and not modifier(sentence.doc[t.head])
            and not set_aside(
                t,
                said[: t.start - sentence.start_char],
                said[t.start - sentence.start_char :],
            )
            and not (drafts and _inside(t, back_refs))
        ]
        strong = [t for t in triggers if not t.entry.weak and not _inside(t, excluded)]
        weak = [t for t in triggers if t.entry.weak]
        # A weak word ("killed") competes with the strong ones when someone
        # died: "destroyed hideouts and killed 7 militants" is violence, not
        # property destruction; alone it needs a death or a named actor.
        if deaths(fatalities):
            candidates = strong + weak
        else:
            candidates = strong or [t for t in weak if actor_spans]
        if not candidates or (
            drafts
            and not strong
            and (
                ANAPHORA.search(said) is not None
                or (
                    claim is None
                    and drafts[-1].fatalities is None
                    and deadly(drafts[-1].sub_event_type)
                    and toll_only(fatalities, actor_spans, located, sentence)
                )
            )
        ):
            self._follow_up(sentence, drafts, fatalities, area)
            self._denial(sentence, said, drafts, actor_spans, claim)
            return
        cue = historical_cue(said, article.published)
        places = tuple(
            (p.start - sentence.start_char, p.end - sentence.start_char)
            for p in located
            if p.start is not None
            and p.end is not None
            and sentence.start_char <= p.start < sentence.end_char
        )

        def clause_of(trigger: TriggerMatch) -> Clause:
            return Clause(
                text=said,
                trigger_start=trigger.start - sentence.start_char,
                trigger_end=trigger.end - sentence.start_char,
                passive=passive_trigger(sentence.doc[trigger.head], trigger),
                following=following,
                places=places,
            )

        heading = heading_end(said) + sentence.start_char

        def key(trigger: TriggerMatch) -> tuple[int, int]:
            before = said[: trigger.start - sentence.start_char]
            if trigger.start < heading:
                return -HEADING_RANK, trigger.start
            return -rank(trigger, reading(trigger, clause_of(trigger)), before), trigger.start

        ranked = sorted(candidates, key=key)
        chosen = ranked[0]
        flags = statement_flags(sentence, chosen, historical_cue=cue)
        for other in ranked[1:]:
            if flags.is_event:
                break
            other_flags = statement_flags(sentence, other, historical_cue=cue)
            if other_flags.is_event:
                chosen, flags = other, other_flags
        # A heading says what happened; the sentence after it says who did it.
        anchor = chosen
        role_start, role_end = chosen.start, chosen.end
        if chosen.start < heading:
            anchor = next((t for t in ranked if t.start >= heading), chosen)
            role_start, role_end = anchor.start, anchor.end
            if anchor is chosen:
                # no other trigger: the first actor named is the one that acted
                subject = next((a.end for a in actor_spans if a.start >= heading), None)
                if subject is not None:
                    role_start = role_end = subject
        clause = clause_of(anchor)
        passive = clause.passive
        roles = assign_roles(
            text,
            actor_spans,
            trigger_start=role_start,
            trigger_end=role_end,
            passive=passive,
            excluded=excluded,
            earlier=earlier_spans,
        )
        if (roles.actor1 is None or roles.implied) and claim is not None:
            # Who says it did it outranks a doer only implied by the act
            # ("IS claimed responsibility for a roadside bomb").
            roles = claimer_as_doer(text, claim, role_start, actor_spans, roles)
        if anchor.entry.reverse:
            roles = Roles(actor1=roles.actor2, actor2=roles.actor1)
        roles = with_unnamed_allies(said, roles, allies)
        if (
            date.end is not None
            and article.published is not None
            and ((article.published - date.end).days > HISTORICAL_DAYS)
        ):
            flags = replace(flags, historical=True)
        sub = sub_event_type(chosen, roles, clause, fatalities)
        if (
            roles.actor1 is not None
            and roles.actor2 is not None
            and roles.actor1.name == roles.actor2.name
            and sub in _CHANGES_OF_HANDS
        ):
            # "Mosul had fallen to ISIL ..., as the militants pushed south":
            # one named actor read into both roles; nobody takes a town from
            # itself.
            roles = replace(roles, actor2=None)
        held = chosen.entry.sub != "@territory" or reading(chosen, clause) == "@territory"
        place, others = sentence_places(
            located, start=sentence.start_char, end=sentence.end_char, excluded=excluded
        )
        # Civilians, protesters and unnamed groups are of the country the
        # event took place in, which may not be the one the article is most
        # about ("Civilians (Afghanistan)" in a story full of US officials).
        here = place.country if place is not None else placeless_country or country
        if here is not None and here != country:
            roles = requalified(roles, here, article.published, self.actors)
        roles = self._default_actors(
            sub, roles, said, here, article, gang_victims=gang_victims(clause)
        )
        if (
            roles.actor2 is None
            and event_type_of(sub) == "Protests"
            and COUNTER_PROTEST.search(f"{said} {following}")
        ):
            roles = replace(roles, actor2=roles.actor1)  # met by a counter-protest
        if (
            roles.actor2 is None
            and here is not None
            and event_type_of(sub) == "Riots"
            and POLICE_AGAINST_CROWD.search(f"{said} {following}")
        ):
            roles = replace(roles, actor2=self.actors.generic("police", here, article.published))
        claim_text = None
        if claim is not None:
            # "the monitoring group" -> the monitor named before; a phrase
            # naming several parties ("a monitor and a media unit") stays as
            # written so that no party is lost.
            several = re.search(r"\b(?:and|&)\b", claim.text) is not None
            claim_text = (None if several else context.claim_source_reference(claim.text)) or (
                claim.text
            )
        draft = _Draft(
            sentence=sentence,
            trigger=chosen,
            sub_event_type=sub,
            roles=roles,
            date=date,
            flags=flags,
            claim_source=claim_text,
            place=place,
            other_places=others,
            fatalities=fatalities,
            # a "seized" that took weapons, goods or people holds no ground
            territorial=chosen.entry.territorial if held else None,
            crowd_size=(
                crowd_size(f"{said} {following}")
                if event_type_of(sub) in ("Protests", "Riots")
                else None
            ),
        )
        if area is not None:
            self._attach_area(draft if draft.territorial else None, drafts, area)
        drafts.append(draft)

    def _denial(
        self,
        sentence: Span,
        said: str,
        drafts: list[_Draft],
        actor_spans: list[ActorSpan],
        claim: ClaimSource | None,
    ) -> None:
        """A sentence that denies the change of control just reported ("The
        army denied the claim") is a negated statement of that change, on
        the denier's word: the place becomes contested, not lost."""
        if not drafts or DENIAL.search(said) is None:
            return
        last = drafts[-1]
        if last.territorial not in CONTROL_CHANGES or not last.flags.is_event:
            return
        denier = actor_spans[0].actor.name if actor_spans else claim.text if claim else None
        drafts.append(
            replace(
                last,
                sentence=sentence,
                flags=replace(last.flags, negated=True),
                claim_source=denier or last.claim_source,
                fatalities=None,
                follow_ups=[],
            )
        )

    def _follow_up(
        self,
        sentence: Span,
        drafts: list[_Draft],
        fatalities: Fatalities | None,
        area: re.Match[str] | None,
    ) -> None:
        """A sentence without an event of its own may add a figure to the
        event before it: "The pocket totals about 2,000 square km"."""
        if not drafts:
            return
        last = drafts[-1]
        if fatalities is not None and last.fatalities is None and last.flags.is_event:
            last.fatalities = fatalities
            last.follow_ups.append(sentence)
            if last.sub_event_type == ABDUCTION and fatalities.count > 0:
                last.sub_event_type = "Attack"  # the abducted were killed
        if area is not None:
            target = self._attach_area(None, drafts, area)
            if target is not None and sentence not in target.follow_ups:
                target.follow_ups.append(sentence)

    def _attach_area(
        self, current: _Draft | None, drafts: list[_Draft], area: re.Match[str]
    ) -> _Draft | None:
        """Give the area to the territorial event it describes; return that event."""
        target = current or next((d for d in reversed(drafts) if d.territorial), None)
        if target is None or target.area_km2 is not None:
            return None
        value = float(area.group("value").replace(",", ""))
        if "mi" in area.group("unit").lower():
            value *= SQ_MILE_KM2
        target.area_km2 = round(value, 1)
        target.area_text = area.group("text").strip()
        return target

    def _default_actors(
        self,
        sub: str,
        roles: Roles,
        text: str,
        country: str | None,
        article: Article,
        *,
        gang_victims: bool = False,
    ) -> Roles:
        """ACLED's actor conventions for the event type (generic actors where
        the sentence names none; see frontwatch.actors.conventions)."""
        return apply_conventions(
            roles,
            sub_event_type=sub,
            text=text,
            country=country,
            on=article.published,
            dictionary=self.actors,
            gang_victims=gang_victims,
        )

    # ----------------------------------------------------------------- freeze
    def _freeze(
        self, article: Article, draft: _Draft, region: Place | None, located: Sequence[Place]
    ) -> Event:
        sentence = draft.sentence
        place = draft.place
        others = draft.other_places
        if place is None:
            place, others = place_told_before(located, sentence, article.text, region)
        if place is None and region is not None:
            place, others = region, region_companions(located, region)
        provenance = tuple(
            Provenance(
                article_id=article.article_id,
                sentence=cited.text,
                start=cited.start_char,
                end=cited.end_char,
                url=article.url,
                outlet=article.outlet,
                original_source=article.original_source,
                claim_source=draft.claim_source,
                published=article.published,
            )
            for cited in [sentence, *draft.follow_ups]
        )
        sub = draft.sub_event_type
        roles = draft.roles
        return Event(
            event_id=_event_id(article.article_id, sentence.start_char, draft.trigger.start),
            event_type=event_type_of(sub),
            sub_event_type=sub,
            date=draft.date,
            provenance=provenance,
            actor1=roles.actor1,
            actor2=roles.actor2,
            assoc_actors1=roles.assoc1,
            assoc_actors2=roles.assoc2,
            place=place,
            other_places=others,
            fatalities=draft.fatalities,
            territorial=draft.territorial,
            area_km2=draft.area_km2,
            area_text=draft.area_text,
            crowd_size=draft.crowd_size,
            trigger=draft.trigger.text,
            flags=draft.flags,
            claim_source=draft.claim_source,
            confidence=_confidence(draft),
        )


# Sub-event types of a place changing hands: never one actor on both sides.
_CHANGES_OF_HANDS = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)


def _inside(trigger: TriggerMatch, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= trigger.start < e for s, e in spans)


def _event_id(article_id: str, sentence_start: int, trigger_start: int) -> str:
    digest = hashlib.sha1(f"{article_id}:{sentence_start}:{trigger_start}".encode()).hexdigest()
    return f"FW{digest[:12].upper()}"


def _confidence(draft: _Draft) -> float:
    score = 0.4
    if draft.roles.actor1 is not None:
        score += 0.2
    if draft.place is not None:
        score += 0.2
    if draft.date.precision == 1:
        score += 0.1
    if draft.claim_source:
        score += 0.1
    return round(min(score, 1.0), 2)
