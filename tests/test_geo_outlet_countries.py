"""An outlet's home country, named in its name ("Daily Star (Lebanon)") or
listed in data/geo/outlets.tsv ("El Nashra"), is weak evidence of where the
article's places are: it settles a name several countries share when the
text gives no other clue, and gives way to any."""

from __future__ import annotations

import pytest

from frontwatch.geo.countries import load_countries
from frontwatch.geo.country_words import country_mentions
from frontwatch.geo.gazetteer import GazetteerEntry
from frontwatch.geo.outlets import load_outlets, outlet_countries, outlet_key
from frontwatch.geo.resolve_context import Focus
from frontwatch.geo.resolve_rank import _at_home
from frontwatch.pipeline import Pipeline
from samples_events import make_article


@pytest.mark.parametrize(
    ("outlet", "codes"),
    [
        ("Daily Star (Lebanon)", ["LB"]),
        ("Sudan Tribune", ["SD"]),
        ("Libyan Express", ["LY"]),
        ("Al Ghad (Jordan); Sudan Tribune", ["JO", "SD"]),
        ("Radio Okapi", ["CD"]),
        ("radio-okapi", ["CD"]),
        ("Al Sumaria TV", ["IQ"]),  # the line says "Al Sumaria"
        ("Sumaria", []),
        ("Radio Okapi; Actualite.cd", ["CD", "CD"]),
        ("Middle East Eye", []),
        ("Voice of America", []),
        ("Duvar English", ["TR"]),  # a language, and the outlet's line
        ("Example News English", []),
        ("Iran and Iraq Weekly", []),  # two countries: no evidence
        (None, []),
        ("", []),
    ],
)
def test_geo_outlet_countries_named_in_outlet(outlet: str | None, codes: list[str]) -> None:
    assert outlet_countries(outlet) == codes


def test_geo_outlet_countries_file_integrity() -> None:
    outlets = load_outlets()
    assert len(outlets) > 200
    codes = {country.code for country in load_countries()}
    keys: set[str] = set()
    for outlet in outlets:
        assert outlet.country_code in codes, outlet
        # A name that says its country is read for it and needs no line.
        names, demonyms = country_mentions(outlet.outlet.replace("English", ""))
        assert not names and not demonyms, outlet
        own = {outlet_key(name) for name in (outlet.outlet, *outlet.aliases)}
        assert "" not in own and not own & keys, outlet
        keys |= own


@pytest.mark.parametrize(
    ("outlet", "text", "country"),
    [
        ("Example Daily", "Protesters blocked a road in Tripoli on Monday.", "Libya"),
        ("Daily Star (Lebanon)", "Protesters blocked a road in Tripoli on Monday.", "Lebanon"),
        # The text outweighs the outlet.
        (
            "Daily Star (Lebanon)",
            "Libyan protesters blocked a road in Tripoli, the Libyan capital, on Monday.",
            "Libya",
        ),
        # A Lebanese paper's "el Mina" is a Lebanese town the gazetteer
        # lacks, not Nigeria's Minna, spelled otherwise: coded in Lebanon.
        ("An-Nahar", "A crowd burned tyres in el Mina on Tuesday evening.", "Lebanon"),
        ("Example Daily", "A crowd burned tyres in el Mina on Tuesday evening.", "Nigeria"),
        # "Kut e Abdollah" is a town of Khuzestan (the ezafe joins the name),
        # whoever reports it; it had been read as "Kut", Iraq's Al-Kut.
        ("IRNA", "Retired teachers rallied in Kut e Abdollah to demand pensions.", "Iran"),
        ("Example Daily", "Retired teachers rallied in Kut e Abdollah to demand pensions.", "Iran"),
        # A Lebanese paper's "Marj" is a Lebanese village the gazetteer
        # lacks, not the Libyan district of that name.
        ("An-Nahar", "Farmers blocked the main road in Marj on Monday.", "Lebanon"),
        ("Example Daily", "Farmers blocked the main road in Marj on Monday.", "Libya"),
        # An Afghan agency's "Rum" village is no town abroad that bears the
        # name (Rome's alternate names include it; so do Austrian villages).
        (
            "Pajhwok",
            "On 30 April 2021, airstrikes killed militants near Rum village in the north.",
            "Afghanistan",
        ),
    ],
)
def test_geo_outlet_countries_decide_the_place(
    pipeline: Pipeline, outlet: str, text: str, country: str
) -> None:
    """The outlet's home settles a name several countries share when the
    text gives no other clue, and rules out a namesake abroad."""
    events = pipeline.process(make_article(text, outlet=outlet))
    assert events and events[0].place is not None
    assert events[0].place.country == country


TRIPOLI_LY = GazetteerEntry(
    None, "Tripoli", 32.6, 13.5, "admin1", "LY", "Libya", "Tripoli", 1_200_000
)
TRIPOLI_LB = GazetteerEntry(
    None, "Tripoli", 34.43, 35.84, "populated place", "LB", "Lebanon", "North", 230_000
)


@pytest.mark.parametrize(
    ("home", "shares", "expected"),
    [
        # most clues on a Lebanese outlet's home: Libya's province is set aside
        (frozenset({"LB"}), {"LB": 1.0}, [TRIPOLI_LB]),
        # the text points to Libya too: both stay, the ranking decides
        (frozenset({"LB"}), {"LB": 0.6, "LY": 0.4}, [TRIPOLI_LY, TRIPOLI_LB]),
        # the home is not where most clues point
        (frozenset({"LB"}), {"LB": 0.3, "SY": 0.7}, [TRIPOLI_LY, TRIPOLI_LB]),
        # no outlet
        (frozenset(), {"LB": 1.0}, [TRIPOLI_LY, TRIPOLI_LB]),
    ],
)
def test_geo_outlet_countries_name_at_home_sets_namesakes_aside(
    home: frozenset[str], shares: dict[str, float], expected: list[GazetteerEntry]
) -> None:
    focus = Focus(shares=shares, strong_countries=frozenset(), strong_total=0.0, home=home)
    assert list(_at_home([TRIPOLI_LY, TRIPOLI_LB], focus)) == expected
