"""The geoparser: every toponym with offsets into the text as given, the
place it resolves to, unresolvable ones kept, demonyms and continents, and
given spans resolved without finding."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.eval.geo_score import great_circle_km
from frontwatch.geo.geoparse import Geoparser, GeoText, ParsedToponym, mention_for_span
from frontwatch.models import GEO_NEAR
from frontwatch.settings import load_settings

CRLF_TEXT = (
    "Shelling hit Homs province on Monday.\r\n"
    "Rebels near Aleppo withdrew towards the border with Turkey, officials in Damascus said.\r\n"
    "\r\n"
    "Shops stayed shut in Qwzxabad on Tuesday, and Syrian envoys flew to Europe."
)
ACCENTED = "Réfugiés: «Nous avons fui» — 12 families left Mosul on Friday for camps near Qwzxabad."


@pytest.fixture(scope="module")
def geoparser() -> Iterator[Geoparser]:
    parser = Geoparser.open(load_settings())
    yield parser
    parser.close()


def by_text(toponyms: list[ParsedToponym]) -> dict[str, ParsedToponym]:
    return {t.text: t for t in toponyms}


@pytest.mark.parametrize("text", [CRLF_TEXT, ACCENTED, CRLF_TEXT.replace("\r\n", "\r")])
def test_geo_geoparse_offsets_index_the_text_as_given(geoparser: Geoparser, text: str) -> None:
    toponyms = geoparser.parse(text, "a")
    assert toponyms
    for toponym in toponyms:
        assert text[toponym.start : toponym.end] == toponym.text
        assert toponym.record()["text"] == text[toponym.start : toponym.end]
    assert [t.start for t in toponyms] == sorted(t.start for t in toponyms)


def test_geo_geoparse_resolves_places_and_keeps_the_unresolvable(geoparser: Geoparser) -> None:
    found = by_text(geoparser.parse(CRLF_TEXT, "crlf"))
    assert found["Damascus"].place is not None
    assert found["Damascus"].place.country_code == "SY"
    assert found["Aleppo"].place is not None
    assert found["Aleppo"].place.feature == "populated place"
    assert not found["Damascus"].inferred
    # A name no gazetteer place fits is still reported, placed near the
    # town written closest to it, and marked as inferred.
    unknown = found["Qwzxabad"]
    assert unknown.inferred and unknown.place is not None
    assert unknown.place.name == "Damascus" and unknown.place.geo_precision == GEO_NEAR
    assert unknown.place.score < found["Damascus"].place.score
    record = unknown.record()
    assert record["inferred"] is True and record["country"] == "SY"
    assert record["article"] == "crlf"


def test_geo_geoparse_unknown_name_without_any_place_has_none(geoparser: Geoparser) -> None:
    found = by_text(geoparser.parse("Shops stayed shut in Qwzxabad on Tuesday.", "a"))
    unknown = found["Qwzxabad"]
    assert unknown.place is None and not unknown.inferred
    assert unknown.record()["latitude"] is None


def test_geo_geoparse_unknown_name_kept_without_place_when_asked(geoparser: Geoparser) -> None:
    strict = Geoparser(geoparser.gazetteer, geoparser.nlp, infer_unknown=False)
    found = by_text(strict.parse(CRLF_TEXT, "crlf"))
    assert found["Qwzxabad"].place is None and not found["Qwzxabad"].inferred
    assert found["Damascus"].place is not None


def test_geo_geoparse_bare_unknown_names_and_people_are_not_places(geoparser: Geoparser) -> None:
    text = (
        "Analysts at Qwzxbank said markets fell. Police chief John Kelly said Kelly would "
        "visit Mosul, and Kelly later stayed in Kelly, Iraq."
    )
    found = geoparser.parse(text)
    # An unknown name with nothing placing it is more often a company.
    assert "Qwzxbank" not in {t.text for t in found}
    # A word of a person's full name is that person, unless a cue places it.
    kellys = [t for t in found if t.text == "Kelly"]
    assert [text[t.start - 3 : t.start] for t in kellys] == ["in "]
    assert "Mosul" in {t.text for t in found}


def test_geo_geoparse_province_is_the_region_at_its_middle(geoparser: Geoparser) -> None:
    text = "Storms hit Texas province-wide, and Homs province too."
    found = by_text(geoparser.parse(text))
    homs = found["Homs"]
    assert homs.place is not None and homs.place.feature == "admin1"
    texas = found["Texas"]
    assert texas.place is not None and texas.place.feature == "admin1"
    # The region's own point, not its biggest town's (Houston).
    houston = (29.7633, -95.3633)
    assert great_circle_km(texas.place.latitude, texas.place.longitude, *houston) > 300


def test_geo_geoparse_country_point_is_not_its_capital(geoparser: Geoparser) -> None:
    turkey = by_text(geoparser.parse(CRLF_TEXT))["Turkey"]
    assert turkey.place is not None
    assert turkey.place.feature == "country"
    ankara = (39.9199, 32.8543)
    assert great_circle_km(turkey.place.latitude, turkey.place.longitude, *ankara) > 150


def test_geo_geoparse_demonyms_and_continents(geoparser: Geoparser) -> None:
    found = by_text(geoparser.parse(CRLF_TEXT))
    syrian = found["Syrian"]
    assert syrian.demonym and syrian.place is not None
    assert syrian.place.country_code == "SY"
    europe = found["Europe"]
    assert europe.place is not None and europe.place.feature == "other"
    assert not europe.demonym
    without = Geoparser(geoparser.gazetteer, geoparser.nlp, demonyms=False)
    assert "Syrian" not in by_text(without.parse(CRLF_TEXT))


def test_geo_geoparse_given_spans_resolved_in_order(geoparser: Geoparser) -> None:
    text = "Clashes in Homs province and near Palmyra; Turkish troops watched from Kilis."
    spans = [
        (text.index("Kilis"), text.index("Kilis") + 5),
        (text.index("Homs province"), text.index("Homs province") + 13),
        (text.index("Palmyra"), text.index("Palmyra") + 7),
        (text.index("Turkish"), text.index("Turkish") + 7),
    ]
    resolved = geoparser.resolve_spans(GeoText("x", text), spans)
    assert [(t.start, t.end) for t in resolved] == spans
    kilis, homs, palmyra, turkish = (t.place for t in resolved)
    assert kilis is not None and kilis.country_code == "TR"
    assert homs is not None and homs.feature == "admin1" and homs.country_code == "SY"
    assert palmyra is not None and palmyra.country_code == "SY" and palmyra.geo_precision == 2
    assert turkish is not None and turkish.country_code == "TR" and resolved[3].demonym


def test_geo_geoparse_given_span_outside_the_text_is_refused(geoparser: Geoparser) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        geoparser.resolve_spans(GeoText("x", "In Homs."), [(3, 40)])


@pytest.mark.parametrize(
    ("text", "span", "name", "kind", "cue"),
    [
        (
            "Fighting in the Idlib countryside.",
            "Idlib countryside",
            "Idlib",
            "admin1",
            "countryside",
        ),
        ("Shells hit Hama province.", "Hama province", "Hama", "admin1", "province"),
        ("A raid near Bakhmut.", "Bakhmut", "Bakhmut", None, "near"),
        ("Syrian forces advanced.", "Syrian", "Syrian", "country", None),
        ("The Syria talks.", "The Syria", "Syria", "country", None),
    ],
)
def test_geo_geoparse_span_read_with_its_designators(
    geoparser: Geoparser, text: str, span: str, name: str, kind: str | None, cue: str | None
) -> None:
    start = text.index(span)
    mention = mention_for_span(text, start, start + len(span), geoparser.gazetteer)
    assert (mention.text, mention.kind_hint, mention.cue) == (name, kind, cue)
    assert text[mention.start : mention.end] == name


def test_geo_geoparse_given_spans_union_region_and_modifier(geoparser: Geoparser) -> None:
    text = "The EU warned England, the US President said."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("EU", "England", "US")]
    eu, england, us = geoparser.resolve_spans(GeoText("a", text), spans)
    # The EU stands at Europe's GeoNames point.
    assert eu.place is not None and eu.place.name == "Europe" and not eu.inferred
    assert great_circle_km(eu.place.latitude, eu.place.longitude, 48.69, 9.14) < 1
    # England is the region of the United Kingdom, not the country.
    assert england.place is not None
    assert (england.place.feature, england.place.admin1) == ("admin1", "England")
    assert us.place is not None and us.place.feature == "country"


def test_geo_geoparse_reports_country_modifiers(geoparser: Geoparser) -> None:
    found = by_text(geoparser.parse("The US President spoke in Mosul."))
    assert found["US"].place is not None and found["US"].place.country_code == "US"
