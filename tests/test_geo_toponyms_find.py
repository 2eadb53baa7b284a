"""Finding toponyms with their cues, and country hints from names and demonyms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.toponyms import ToponymMention, country_hints, find_toponyms


@pytest.fixture(scope="module")
def gazetteer() -> Iterator[Gazetteer]:
    with Gazetteer.open() as opened:
        yield opened


def entity_spans(text: str, *names: str, label: str = "GPE") -> list[tuple[int, int, str]]:
    """Spans as spaCy would give them for the first occurrence of each name."""
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name), label))
    return spans


def by_text(mentions: list[ToponymMention]) -> dict[str, ToponymMention]:
    return {mention.text: mention for mention in mentions}


@pytest.mark.parametrize(
    ("text", "entities", "name", "cue", "kind"),
    [
        (
            "Troops advanced near al-Sukhna town.",
            ("al-Sukhna",),
            "al-Sukhna",
            "near",
            "populated place",
        ),
        ("Shelling hit Homs province overnight.", ("Homs",), "Homs", "province", "admin1"),
        ("Shelling hit Homs province overnight.", ("Homs province",), "Homs", "province", "admin1"),
        (
            "Clashes in the Idlib countryside killed two.",
            ("Idlib",),
            "Idlib",
            "countryside",
            "admin1",
        ),
        ("Clashes in rural Hama killed two.", ("Hama",), "Hama", "rural", "admin1"),
        ("Clashes in rural Hama killed two.", ("rural Hama",), "Hama", "rural", "admin1"),
        ("A village 20 km west of Kharkiv was hit.", ("Kharkiv",), "Kharkiv", "west of", None),
        ("Fighting on the outskirts of Marib went on.", ("Marib",), "Marib", "outskirts of", None),
        (
            "Gunmen attacked Maiduguri in Borno State.",
            ("Borno State",),
            "Borno",
            "province",
            "admin1",
        ),
        ("Protesters gathered in Mosul.", ("Mosul",), "Mosul", "in", None),
        ("Protesters gathered in Mosul.", (), "Mosul", "in", None),
        # a place taken is where the event is
        ("The army said it recaptured Gao.", ("Gao",), "Gao", "into", None),
        ("Troops entered the town of Gao.", ("Gao",), "Gao", "into", "populated place"),
        (
            "Rebels entered the Syrian capital from Lebanon.",
            ("Lebanon",),
            "Lebanon",
            "from",
            "country",
        ),
    ],
)
def test_geo_toponyms_find_cues(
    gazetteer: Gazetteer,
    text: str,
    entities: tuple[str, ...],
    name: str,
    cue: str | None,
    kind: str | None,
) -> None:
    mention = by_text(find_toponyms(text, entity_spans(text, *entities), gazetteer))[name]
    assert text[mention.start : mention.end] == name
    assert (mention.cue, mention.kind_hint) == (cue, kind)


def test_geo_toponyms_find_border_gives_two_admin1(gazetteer: Gazetteer) -> None:
    text = "Rebels shelled villages along the Homs-Hama border on Monday."
    mentions = find_toponyms(text, [], gazetteer)
    assert [(m.text, m.cue, m.kind_hint) for m in mentions] == [
        ("Homs", "border", "admin1"),
        ("Hama", "border", "admin1"),
    ]


def test_geo_toponyms_find_plural_designator_applies_to_the_list(gazetteer: Gazetteer) -> None:
    text = "Airstrikes hit Idlib, Hama and Latakia provinces."
    mentions = by_text(find_toponyms(text, entity_spans(text, "Idlib", "Hama"), gazetteer))
    assert {name: m.kind_hint for name, m in mentions.items()} == {
        "Idlib": "admin1",
        "Hama": "admin1",
        "Latakia": "admin1",
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A man was shot in Leon de los Aldama, Guanajuato, on Monday.", "Leon de los Aldama"),
        ("Looting was reported in Ciudad del Carmen, Campeche.", "Ciudad del Carmen"),
        ("Police clashed with miners in Vitoria da Conquista, Bahia.", "Vitoria da Conquista"),
    ],
)
def test_geo_toponyms_find_romance_names_keep_their_connectors(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    """Names the entity recogniser missed (cue-confirmed by the gazetteer)
    keep their lower-case "de los", "del", "da", and the region after them
    is found as their apposition."""
    mentions = by_text(find_toponyms(text, [], gazetteer))
    assert name in mentions
    assert len(mentions) == 2


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("Two men were shot dead in Catole do Rocha, Paraiba.", "Rocha", "Catole do Rocha"),
        ("Floods cut the road to Santa Cruz de la Sierra.", "Cruz de la Sierra",
         "Santa Cruz de la Sierra"),
    ],
)  # fmt: skip
def test_geo_toponyms_find_name_cut_at_its_head(
    gazetteer: Gazetteer, text: str, tagged: str, name: str
) -> None:
    """The tagger kept only the tail of a name: the words before it belong
    to it when the gazetteer knows the whole."""
    assert name in by_text(find_toponyms(text, entity_spans(text, tagged), gazetteer))


def test_geo_toponyms_find_persian_ezafe_joins_a_name(gazetteer: Gazetteer) -> None:
    """The ezafe written apart ("Kut e Abdollah") is inside the name, like a
    Romance "de" or an Arabic "al"."""
    text = "Municipal workers in Kut e Abdollah stopped work over unpaid wages."
    assert "Kut e Abdollah" in by_text(find_toponyms(text, entity_spans(text, "Kut"), gazetteer))


def test_geo_toponyms_find_head_words_only_when_the_whole_is_known(
    gazetteer: Gazetteer,
) -> None:
    text = "Governor Maria Rocha visited the flooded towns."
    assert "Rocha" in by_text(find_toponyms(text, entity_spans(text, "Rocha"), gazetteer))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Miners blocked a highway in the Municipality of Gomez Palacio, Durango.",
         "Gomez Palacio", "admin2"),
        ("Farmers marched in the county of Kilkenny on Friday.", "Kilkenny", "admin2"),
    ],
)  # fmt: skip
def test_geo_toponyms_find_unit_of_a_name(
    gazetteer: Gazetteer, text: str, name: str, kind: str
) -> None:
    """ "The municipality of X", like "the district of X": X, a district."""
    mention = by_text(find_toponyms(text, [], gazetteer))[name]
    assert (mention.cue, mention.kind_hint) == ("district", kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On 28 April 2020, Carora, Lara state, bus drivers stopped work.", "Carora"),
        ("Last week, Bida, Niger, saw a march of traders.", "Bida"),
    ],
)
def test_geo_toponyms_find_place_set_off_by_its_region(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    """No cue and no entity: a known place followed by the region that
    holds it is still a place."""
    assert name in by_text(find_toponyms(text, [], gazetteer))


def test_geo_toponyms_find_region_after_a_name_it_does_not_hold(gazetteer: Gazetteer) -> None:
    text = "On Monday, Governor Carora, Texas, spoke."
    assert "Carora" not in by_text(find_toponyms(text, [], gazetteer))


@pytest.mark.parametrize(
    "text",
    [
        "Nine people held a picket in Navapolatsk of the Vitebsk region on Sunday.",
        "Farmers gathered in Lashkar Gah of Helmand province to demand seed.",
    ],
)
def test_geo_toponyms_find_place_of_a_region_is_not_one_longer_name(
    gazetteer: Gazetteer, text: str
) -> None:
    """ "X of the Y region" names X and the region it lies in; "X of the Y"
    alone may still be one name ("the Union of Civil Servants")."""
    mentions = by_text(find_toponyms(text, [], gazetteer))
    town = text.split(" in ", 1)[1].split(" of ", 1)[0]
    assert town in mentions


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Protesters marched in Cape Town on Monday.", "Cape Town"),
        ("She moved back to Cape Town after a month.", "Cape Town"),
        ("Riot police broke up a sit-in in Quezon City.", "Quezon City"),
    ],
)
def test_geo_toponyms_find_designator_that_is_part_of_the_name(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    """ "Town" or "City" ends some names: kept when the whole is a town and
    no place called by the rest of the name lies at it (the places called
    Quezon are provinces and towns far from Quezon City)."""
    assert name in by_text(find_toponyms(text, entity_spans(text, name), gazetteer))


@pytest.mark.parametrize(
    ("text", "entity", "name"),
    [
        ("Protesters marched in Kuwait City on Monday.", "Kuwait City", "Kuwait"),
        ("A stash of weapons burned in Ponce city on Tuesday.", "Ponce city", "Ponce"),
    ],
)
def test_geo_toponyms_find_city_word_that_is_no_part_of_the_name(
    gazetteer: Gazetteer, text: str, entity: str, name: str
) -> None:
    """ "Kuwait City" is where "Kuwait" read as a town is; "Ponce city" is
    no town called so (Ponca City is in Oklahoma)."""
    mentions = by_text(find_toponyms(text, entity_spans(text, entity), gazetteer))
    assert mentions[name].kind_hint == "populated place"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels said they had taken full control of Saraqib after a long battle.",
        "Saraqib, a market town on the highway, was shelled again.",
    ],
)
def test_geo_toponyms_find_names_the_tagger_missed_by_their_words(
    gazetteer: Gazetteer, text: str
) -> None:
    """No entity, no locative preposition: "control of X" and "X, a ...
    town" still say X is a place."""
    assert "Saraqib" in by_text(find_toponyms(text, [], gazetteer))


def test_geo_toponyms_find_apposition_is_the_region(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a market in Maiduguri, Borno, on Friday."
    mentions = by_text(find_toponyms(text, entity_spans(text, "Maiduguri"), gazetteer))
    assert mentions["Borno"].kind_hint == "admin1"
    assert mentions["Maiduguri"].kind_hint is None


@pytest.mark.parametrize(
    "text",
    [
        "In March the Syrian army shelled the town.",
        "Later, the Iraqi government said it would act.",
        "Syrian and Iraqi officials met on Monday.",
    ],
)
def test_geo_toponyms_find_ignores_months_and_demonyms(gazetteer: Gazetteer, text: str) -> None:
    norp = entity_spans(text, "Syrian" if "Syrian" in text else "Iraqi", label="NORP")
    assert find_toponyms(text, norp, gazetteer) == []


def test_geo_toponyms_find_returns_text_order_without_duplicates(gazetteer: Gazetteer) -> None:
    text = "Fighting near Homs spread to Hama, then back to Homs."
    spans = [(14, 18, "GPE"), (29, 33, "GPE"), (48, 52, "GPE"), (14, 18, "GPE")]
    mentions = find_toponyms(text, spans, gazetteer)
    assert [(m.text, m.start) for m in mentions] == [("Homs", 14), ("Hama", 29), ("Homs", 48)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian troops and Iraqi police", {"SY": 1, "IQ": 1}),
        ("Ukrainian drones hit Russian positions", {"UA": 1, "RU": 1}),
        ("the Sudanese army and Yemeni forces", {"SD": 1, "YE": 1}),
        ("Malian and Burkinabe soldiers", {"ML": 1, "BF": 1}),
        ("Nigerian, Somali and Afghan officials", {"NG": 1, "SO": 1, "AF": 1}),
        ("South Sudan and Sudan", {"SS": 1, "SD": 1}),
        ("Guinea-Bissau, not Guinea", {"GW": 1, "GN": 1}),
        ("fighting in the DRC and in Syria", {"CD": 1, "SY": 1}),
        ("Nigeria and Niger", {"NG": 1, "NE": 1}),
        ("nothing here", {}),
    ],
)
def test_geo_toponyms_country_hints(text: str, expected: dict[str, int]) -> None:
    assert dict(country_hints(text)) == expected


def test_geo_toponyms_find_repeats_a_recognised_name(gazetteer: Gazetteer) -> None:
    text = "Troops massed near al-Sukhna town on Monday. Rebels later left al-Sukhna quietly."
    first = text.index("al-Sukhna")
    second = text.index("al-Sukhna", first + 1)
    found = find_toponyms(text, [(first, first + 9, "GPE")], gazetteer)
    assert [(m.start, m.text) for m in found] == [(first, "al-Sukhna"), (second, "al-Sukhna")]


def test_geo_toponyms_find_bracketed_acronym_is_an_agency(gazetteer: Gazetteer) -> None:
    # "(AP)" credits the Associated Press (AP is also Andhra Pradesh's code);
    # a country keeps its brackets.
    text = "BEIRUT (AP) - Talks resumed in Abu Dhabi (UAE) on Monday."
    entities = [*entity_spans(text, "BEIRUT", "Abu Dhabi"), *entity_spans(text, "AP", label="ORG")]
    found = by_text(find_toponyms(text, entities, gazetteer))
    assert "AP" not in found and "BEIRUT" in found
    assert "UAE" in found


def test_geo_toponyms_find_region_of_a_country_is_not_the_country(gazetteer: Gazetteer) -> None:
    # "England" is another name of the United Kingdom in the gazetteer but
    # the name of its region first; "UK" names only the country.
    text = "Storms hit England and the UK on Monday."
    found = by_text(find_toponyms(text, entity_spans(text, "England", "UK"), gazetteer))
    assert found["England"].kind_hint != "country"
    assert found["UK"].kind_hint == "country"


def test_geo_toponyms_find_country_modifiers_only_when_asked(gazetteer: Gazetteer) -> None:
    text = "The US President met Syrian envoys."
    entities = entity_spans(text, "US")
    assert not find_toponyms(text, entities, gazetteer)
    (found,) = find_toponyms(text, entities, gazetteer, modifiers=True)
    assert (found.text, found.kind_hint) == ("US", "country")


@pytest.mark.parametrize("label", ["GPE", "NORP", "LOC"])
def test_geo_toponyms_find_a_lone_arabic_article_is_no_place(
    gazetteer: Gazetteer, label: str
) -> None:
    """The tagger sometimes cuts "Al" from "Al shabab" as an entity of its
    own; it is no place (GeoNames has an Ål in Norway)."""
    text = "Heavy gunfire followed and Al shabab fighters withdrew from Afgooye."
    found = find_toponyms(text, entity_spans(text, "Al", "Afgooye", label=label), gazetteer)
    assert "Al" not in by_text(found)


def test_geo_toponyms_find_quarter_word_is_no_town(gazetteer: Gazetteer) -> None:
    """ "Colonia Zarcoverde" is a quarter: "Colonia" is no town of that name
    (GeoNames has Colonia del Sacramento, and Mexican villages called so)."""
    text = "In Culiacan, Sinaloa, a driver was shot dead in Colonia Zarcoverde."
    found = find_toponyms(text, entity_spans(text, "Culiacan", "Colonia"), gazetteer)
    assert "Colonia" not in by_text(found)
    assert "Culiacan" in by_text(found)
    alone = "Ranchers from Colonia met the mayor."
    assert "Colonia" in by_text(find_toponyms(alone, entity_spans(alone, "Colonia"), gazetteer))


def test_geo_toponyms_find_peoples_are_no_places(gazetteer: Gazetteer) -> None:
    """A people named after a cue is no place (there is an Arab in Alabama)."""
    text = "Shop owners protested in the Arab towns, closing their shops early."
    assert find_toponyms(text, [], gazetteer) == []
