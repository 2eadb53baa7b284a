"""Alias table: surface forms -> ACLED actor names for a country and a day."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.actors.dictionary import ActorDictionary

D2017 = dt.date(2017, 6, 1)
D2020 = dt.date(2020, 5, 4)
D2023 = dt.date(2023, 9, 1)
D2025 = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def names(
    dictionary: ActorDictionary, text: str, country: str | None, on: dt.date | None
) -> list[str]:
    return [
        dictionary.resolve(m, country=country, on=on).name
        for m in dictionary.find(text, country=country)
    ]


@pytest.mark.parametrize(
    ("text", "country", "on", "expected"),
    [
        # Islamic State: every spelling, named by ACLED after the country's branch
        (
            "IS fighters attacked a checkpoint near the river.",
            "Syria",
            D2020,
            "Islamic State (Syria)",
        ),
        ("ISIS claimed the bombing on its channels.", "Syria", D2020, "Islamic State (Syria)"),
        ("ISIL cells were hiding in the desert.", "Syria", D2020, "Islamic State (Syria)"),
        ("Daesh remnants ambushed a convoy.", "Syria", D2020, "Islamic State (Syria)"),
        ("The Islamic State group said it was behind it.", "Syria", D2020, "Islamic State (Syria)"),
        ("IS militants raided the village at dawn.", "Syria", D2020, "Islamic State (Syria)"),
        ("Islamic State (IS) gunmen shot two shepherds.", "Syria", D2020, "Islamic State (Syria)"),
        ("Islamic State militants attacked a post.", "Iraq", D2020, "Islamic State (Iraq)"),
        ("An ISWAP convoy was hit near the lake.", "Nigeria", D2020, "Islamic State (West Africa)"),
        (
            "ISIS-K claimed the attack in the city.",
            "Afghanistan",
            D2020,
            "Islamic State (Afghanistan)",
        ),
        ("IS fighters crossed from the north.", "Mozambique", D2023, "Islamic State (Mozambique)"),
        ("ISGS fighters raided a market.", "Mali", D2020, "Islamic State (Greater Sahara)"),
        ("ISGS fighters raided a market.", "Mali", D2023, "Islamic State (Sahel)"),
        # regime-dated state forces
        (
            "The Syrian army shelled the town.",
            "Syria",
            D2017,
            "Military Forces of Syria (2000-2024)",
        ),
        ("Syrian troops entered the town.", "Syria", D2025, "Military Forces of Syria (2024-)"),
        (
            "Regime forces shelled the villages.",
            "Syria",
            D2017,
            "Military Forces of Syria (2000-2024)",
        ),
        (
            "Houthi rebels fired a missile.",
            "Yemen",
            D2020,
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
        (
            "Ansar Allah fighters advanced.",
            "Yemen",
            D2020,
            "Military Forces of Yemen (2016-) Supreme Political Council",
        ),
        (
            "Pro-Hadi forces repelled the attack.",
            "Yemen",
            D2020,
            "Military Forces of Yemen (2012-)",
        ),
        ("The Saudi-led coalition struck a bridge.", "Yemen", D2020, "Operation Restoring Hope"),
        (
            "Ukrainian forces repelled an assault.",
            "Ukraine",
            D2020,
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "Ukrainian forces repelled an assault.",
            "Ukraine",
            D2017,
            "Military Forces of Ukraine (2014-2019)",
        ),
        (
            "Russian troops shelled the village.",
            "Ukraine",
            D2023,
            "Military Forces of Russia (2000-)",
        ),
        ("Iraqi troops cleared the area.", "Iraq", D2020, "Military Forces of Iraq (2018-2022)"),
        (
            "Sudanese army jets bombed the market.",
            "Sudan",
            D2023,
            "Military Forces of Sudan (2019-)",
        ),
        (
            "Malian soldiers patrolled the road.",
            "Mali",
            D2020,
            "Military Forces of Mali (2013-2020)",
        ),
        ("Malian soldiers patrolled the road.", "Mali", D2023, "Military Forces of Mali (2021-)"),
        ("Mali's army said it killed ten.", "Mali", D2023, "Military Forces of Mali (2021-)"),
        (
            "The Afghan army retook the district.",
            "Afghanistan",
            D2020,
            "Military Forces of Afghanistan (2014-2021)",
        ),
        ("Taliban fighters overran a base.", "Afghanistan", D2020, "Taliban"),
        (
            "Taliban fighters searched houses.",
            "Afghanistan",
            D2023,
            "Military Forces of Afghanistan (2021-)",
        ),
        (
            "The RSF attacked the camp.",
            "Sudan",
            D2020,
            "Military Forces of Sudan (2019-) Rapid Support Forces",
        ),
        ("The RSF attacked the camp.", "Sudan", D2023, "RSF: Rapid Support Forces"),
        (
            "The LNA launched strikes on the capital.",
            "Libya",
            D2020,
            "Military Forces of Libya (2014-) Haftar Faction",
        ),
        (
            "GNA forces retook the airport.",
            "Libya",
            D2020,
            "Military Forces of Libya (2016-) Government of National Accord",
        ),
        (
            "The Tatmadaw shelled the village.",
            "Myanmar",
            D2023,
            "Military Forces of Myanmar (2021-)",
        ),
        (
            "The IDF said it struck a launcher.",
            "Palestine",
            D2020,
            "Military Forces of Israel (2009-2021)",
        ),
        (
            "The army of Burkina Faso announced losses.",
            "Burkina Faso",
            D2023,
            "Military Forces of Burkina Faso (2022-)",
        ),
        # named armed groups
        ("HTS positions were shelled.", "Syria", D2020, "HTS: Hayat Tahrir al Sham"),
        ("The SDF arrested three suspects.", "Syria", D2020, "QSD: Syrian Democratic Forces"),
        ("Al-Shabaab militants stormed the hotel.", "Somalia", D2020, "Al Shabaab"),
        (
            "Al-Shabaab insurgents burned houses.",
            "Mozambique",
            D2020,
            "Islamist Militia (Mozambique)",
        ),
        (
            "JNIM fighters ambushed a patrol.",
            "Burkina Faso",
            D2020,
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "Boko Haram fighters raided the town.",
            "Nigeria",
            D2020,
            "Islamic State (West Africa) and/or Boko Haram - "
            "Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
        ),
        (
            "M23 rebels captured the hill.",
            "Democratic Republic of Congo",
            D2023,
            "M23: March 23 Movement",
        ),
        (
            "ADF rebels killed villagers.",
            "Democratic Republic of Congo",
            D2020,
            "ADF: Allied Democratic Forces",
        ),
        (
            "The Arakan Army seized a post.",
            "Myanmar",
            D2023,
            "ULA/AA: United League of Arakan/Arakan Army",
        ),
        ("PDF fighters attacked a convoy.", "Myanmar", D2023, "PDF: People's Defense Force"),
        ("Wagner mercenaries escorted the column.", "Mali", D2023, "Wagner Group"),
        ("Maoists blew up a road.", "India", D2020, "Naxal-Maoist Rebels (India)"),
        ("The Pakistani Taliban claimed it.", "Pakistan", D2020, "TTP: Tehreek-i-Taliban Pakistan"),
        ("CJNG gunmen opened fire.", "Mexico", D2020, "CJNG: Jalisco New Generation Cartel"),
        ("ELN guerrillas bombed a pipeline.", "Colombia", D2020, "ELN: National Liberation Army"),
        ("FARC dissidents killed a leader.", "Colombia", D2020, "FARC Dissidents"),
        ("Hamas fighters fired rockets.", "Palestine", D2020, "Hamas Movement"),
        ("Hezbollah fighters fired rockets.", "Lebanon", D2020, "Hezbollah"),
        (
            "The PMF deployed to the border.",
            "Iraq",
            D2020,
            "Military Forces of Iraq (2018-2022) Popular Mobilization Forces",
        ),
        # generic actors
        ("Protesters blocked the highway.", "India", D2020, "Protesters (India)"),
        ("Hundreds of demonstrators marched.", "Chile", D2020, "Protesters (Chile)"),
        ("Rioters torched a bus.", "Kenya", D2020, "Rioters (Kenya)"),
        ("A mob attacked the station.", "India", D2020, "Rioters (India)"),
        ("Gunmen kidnapped a priest.", "Nigeria", D2020, "Unidentified Armed Group (Nigeria)"),
        ("Unidentified armed men opened fire.", "Iraq", D2020, "Unidentified Armed Group (Iraq)"),
        ("Assailants stabbed a guard.", "Kenya", D2020, "Unidentified Armed Group (Kenya)"),
        ("Policemen dispersed the crowd.", "Kenya", D2020, "Police Forces of Kenya (2013-2022)"),
        ("Villagers fled the fighting.", "Sudan", D2023, "Civilians (Sudan)"),
        ("Afghan civilians were wounded.", "Pakistan", D2020, "Civilians (Afghanistan)"),
        ("Pro-government militias took over.", "Syria", D2020, "Militia (Pro-Government)"),
        # backer phrases
        ("Iran-backed militias shelled the base.", "Syria", D2020, "Militia (Pro-Iran)"),
        ("Turkish-backed factions advanced.", "Syria", D2020, "JWS: Syrian National Army"),
        (
            "Russian-backed separatists shelled the village.",
            "Ukraine",
            D2017,
            "NAF: United Armed Forces of Novorossiya",
        ),
        (
            "UAE-backed separatists seized the port.",
            "Yemen",
            D2020,
            "STC: Southern Transitional Council",
        ),
    ],
)
def test_actors_aliases_table(
    dictionary: ActorDictionary, text: str, country: str, on: dt.date, expected: str
) -> None:
    assert expected in names(dictionary, text, country, on)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("This is what it is.", "Islamic State"),  # "is" is not "IS"
        ("The goddess Isis was worshipped.", "Islamic State"),
        ("A thesis on armies.", "Islamic State"),
        ("The ambassador said nothing.", "Military Forces"),
        ("She gave a speech about forces of nature.", "Military Forces"),
        ("The Houthification of the region.", "Supreme Political Council"),
    ],
)
def test_actors_aliases_no_false_match(dictionary: ActorDictionary, text: str, absent: str) -> None:
    assert not any(absent in name for name in names(dictionary, text, "Syria", D2020))


def test_actors_aliases_longest_match_wins(dictionary: ActorDictionary) -> None:
    mentions = dictionary.find("Fighters of the Free Syrian Army clashed with the Syrian army.")
    texts = [m.text for m in mentions]
    assert "Free Syrian Army" in texts and "Syrian army" in texts
    assert "army" not in texts  # never a shorter match inside a longer one


def test_actors_aliases_offsets_point_into_text(dictionary: ActorDictionary) -> None:
    text = "On Monday, Iran-backed militias and Russian\u2011backed forces moved."
    for mention in dictionary.find(text):
        assert text[mention.start : mention.end] == mention.text


def test_actors_aliases_backer_phrase_records_backer(dictionary: ActorDictionary) -> None:
    (mention,) = dictionary.find("Iranian-backed militias fired rockets.")
    assert mention.is_backer_phrase and mention.backers == ("Iran",)
    actor = dictionary.resolve(mention, country="Iraq", on=D2020)
    assert actor.name == "Militia (Pro-Iran)" and actor.backers == ("Iran",)


def test_actors_aliases_backer_prefix_on_named_actor(dictionary: ActorDictionary) -> None:
    (mention,) = dictionary.find("US-backed SDF fighters repelled the attack.")
    assert not mention.is_backer_phrase
    actor = dictionary.resolve(mention, country="Syria", on=D2020)
    assert actor.name == "QSD: Syrian Democratic Forces" and "United States" in actor.backers


def test_actors_aliases_backer_without_default_is_named_after_backer(
    dictionary: ActorDictionary,
) -> None:
    (mention,) = dictionary.find("Russian-backed fighters guarded the oil field.")
    assert dictionary.resolve(mention, country="Libya", on=D2020).name == "Militia (Pro-Russia)"


def test_actors_aliases_support_phrase(dictionary: ActorDictionary) -> None:
    text = "Government troops, supported by Russian air power, retook the town."
    (support,) = dictionary.find_support(text)
    assert support.supporting and text[support.start : support.end] == support.text
    actor = dictionary.resolve(support, country="Syria", on=D2020)
    assert actor.name == "Military Forces of Russia (2000-)" and actor.inter == 8
    assert dictionary.find_support("Talks with Russia resumed.") == []


def test_actors_aliases_coordinated_adjectives(dictionary: ActorDictionary) -> None:
    found = names(dictionary, "Turkish and Russian forces held a joint patrol.", "Syria", D2020)
    assert "Military Forces of Turkey (2016-)" in found
    assert "Military Forces of Russia (2000-)" in found


def test_actors_aliases_common_noun_alias_stays_home(dictionary: ActorDictionary) -> None:
    # "local police" is Afghan Local Police only in Afghanistan
    assert names(dictionary, "Local police arrested him.", "Afghanistan", D2020) == [
        "Police Forces of Afghanistan (2014-2021) Afghan Local Police"
    ]
    assert names(dictionary, "Local police arrested him.", "India", D2020) == [
        "Police Forces of India (2014-)"
    ]
