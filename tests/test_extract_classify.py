"""Sub-event types that depend on the parties: table tests with sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.models import Article
from frontwatch.pipeline import Pipeline


def _primary(pipeline: Pipeline, text: str) -> tuple[str, str | None]:
    article = Article(
        article_id="t", raw=text, raw_format="text", text=text, published=dt.date(2021, 6, 14)
    )
    events = [e for e in pipeline.process(article) if e.flags.is_event]
    assert events, f"no event in {text!r}"
    first = min(events, key=lambda e: e.provenance[0].start)
    return first.sub_event_type, first.territorial


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # victims decide between an attack and a clash
        ("On 12 June 2021, gunmen shot dead two farmers near Kaduna.", "Attack"),
        ("On 12 June 2021, gunmen shot dead two soldiers at a checkpoint near Kaduna.",
         "Armed clash"),
        ("On 12 June 2021, a trader was killed by unknown gunmen in Mogadishu.", "Attack"),
        ("On 12 June 2021, rebels attacked an army post near Beni, killing four soldiers.",
         "Armed clash"),
        # crowds
        ("On 12 June 2021, a mob lynched a man accused of theft in Kano.", "Mob violence"),
        ("On 12 June 2021, villagers vandalised the local council office in Kano.",
         "Violent demonstration"),
        # protests and what police do to them
        ("On 12 June 2021, hundreds of teachers protested in Accra over unpaid wages.",
         "Peaceful protest"),
        ("On 12 June 2021, students protested in Accra. Police fired tear gas to disperse them.",
         "Protest with intervention"),
        ("On 12 June 2021, traders marched in Accra over new taxes. Twelve of them were "
         "detained by the riot police.", "Protest with intervention"),
        ("On 12 June 2021, nurses rallied outside the ministry in Accra. Two nurses were "
         "arrested.", "Protest with intervention"),
        ("On 12 June 2021, miners held a sit-in in Obuasi. Several arrests were made.",
         "Protest with intervention"),
        ("On 12 June 2021, traders protested in Tyre over new taxes. Soldiers stopped the "
         "marchers at the port gate.", "Protest with intervention"),
        ("On 12 June 2021, students protested in Accra against the arrest of a lecturer who "
         "was arrested by the police last week.", "Peaceful protest"),
        ("On 12 June 2021, protesters burned tyres and blocked roads in Lagos.",
         "Violent demonstration"),
        ("On 12 June 2021, security forces opened fire on protesters in Khartoum, killing three.",
         "Excessive force against protesters"),
        ("On 12 June 2021, nurses held a protest in Nairobi against the attack on a colleague.",
         "Peaceful protest"),
        ("On 12 June 2021, traders blocked the main road in Goma to demand compensation.",
         "Peaceful protest"),
        # seizures that are not territory
        ("On 12 June 2021, police seized 200 kilos of cocaine in Guayaquil.",
         "Looting/property destruction"),
        ("On 12 June 2021, troops seized a cache of weapons near Gao.", "Disrupted weapons use"),
        # weapons: shells vs direct fire
        ("On 12 June 2021, the army fired mortars at rebel positions near Idlib.",
         "Shelling/artillery/missile attack"),
        ("On 12 June 2021, the two sides exchanged small arms fire near Avdiivka.",
         "Armed clash"),
        ("On 12 June 2021, a body was found dumped beside a road in Culiacan.", "Attack"),
        ("On 12 June 2021, gunmen opened fire on a wedding party in Culiacan.", "Attack"),
        # an abduction that ends in a killing is an attack (ACLED)
        ("On 12 June 2021, gunmen kidnapped a trader in Culiacan.",
         "Abduction/forced disappearance"),
        ("On 12 June 2021, gunmen kidnapped a trader in Culiacan and killed him.", "Attack"),
        ("On 12 June 2021, armed men kidnapped a farmer near Culiacan. He died of his wounds "
         "two days later.", "Attack"),
    ],
)  # fmt: skip
def test_extract_classify_sub_event_type(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _primary(pipeline, text)[0] == sub


def test_extract_classify_seized_weapons_is_not_territory(pipeline: Pipeline) -> None:
    text = "On 12 June 2021, troops seized a cache of weapons near Gao."
    assert _primary(pipeline, text)[1] is None
    town = "On 12 June 2021, rebels seized the town of Gao after heavy fighting."
    assert _primary(pipeline, town)[1] == "captured"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # who could fight back: off duty, in a gang, abducted on duty
        ("On 12 June 2021, gunmen shot dead an off-duty police officer outside his home in Leon.",
         "Attack"),
        ("On 12 June 2021, a man was shot dead by two armed men in Recife. The victim had a record "
         "for drug trafficking.", "Armed clash"),
        ("On 12 June 2021, militants abducted three soldiers at a checkpoint near Gao.",
         "Armed clash"),
        ("On 12 June 2021, insurgents attacked and killed a local policeman in Kunduz.",
         "Armed clash"),
        ("On 12 June 2021, a sniper shot and killed a farmer near Idlib.", "Attack"),
        ("On 12 June 2021, soldiers beat a trader in the market of Goma.", "Attack"),
        # heavy weapons fired one way are shelling; fired back, a clash
        ("On 12 June 2021, rebels fired 14.5mm machine guns at residential areas of Hays.",
         "Shelling/artillery/missile attack"),
        ("On 12 June 2021, rebels fired mortars at army positions near Hays. The army responded "
         "with gunfire.", "Armed clash"),
        ("On 12 June 2021, militants threw a grenade at a police post in Mogadishu. Police "
         "returned fire.", "Armed clash"),
        # weapons taken or lost are disrupted weapons use
        ("On 12 June 2021, police recovered and defused two IEDs near Gaya.",
         "Disrupted weapons use"),
        ("On 12 June 2021, the army shot down a drone over the airbase near Sirte.",
         "Disrupted weapons use"),
        ("On 12 June 2021, two militants were killed when a bomb they were planting exploded "
         "prematurely near Kandahar.", "Disrupted weapons use"),
        # what a "seized" or "stormed" took
        ("On 12 June 2021, gunmen seized a truck and two motorbikes near Dori.",
         "Looting/property destruction"),
        ("On 12 June 2021, troops captured three rebels near Beni.", "Armed clash"),
        ("On 12 June 2021, soldiers stormed a house in Taizz and beat the owner.", "Attack"),
        ("On 12 June 2021, rebels raided several houses in Kerawa, taking away food and "
         "motorcycles.", "Looting/property destruction"),
        ("On 12 June 2021, an armed group carried out an arson attack targeting a warehouse in "
         "Izmir.", "Looting/property destruction"),
        # crowds fight as rioters, armed men as armed groups
        ("On 12 June 2021, villagers clashed with police over a land dispute near Patna.",
         "Mob violence"),
        ("On 12 June 2021, two farmers were injured in a clash between two farmer groups in "
         "Shamli.", "Mob violence"),
        ("On 12 June 2021, workers demanding unpaid wages clashed with police in Dhaka.",
         "Violent demonstration"),
        ("On 12 June 2021, a police patrol was attacked by a mob in Kano.", "Mob violence"),
        ("On 12 June 2021, armed men exchanged fire with police in Manaus.", "Armed clash"),
        ("On 12 June 2021, protesters blocked the highway and threw stones at police in Lima. "
         "Police opened fire on the protesters, killing one.", "Violent demonstration"),
        # strategic developments that name no violence
        ("On 12 June 2021, the army deployed troops to the border town of Rafah.",
         "Change to group/activity"),
        ("On 12 June 2021, Turkish forces sent reinforcements to Idlib in connection with the "
         "ongoing clashes there.", "Change to group/activity"),
        ("On 12 June 2021, the governor extended the ban on all marches and protests in Van.",
         "Change to group/activity"),
        ("On 12 June 2021, a fight broke out between two families over grazing land in "
         "Kassala.", "Mob violence"),
        ("On 12 June 2021, unknown men smashed the windows of a party office in Lyon.",
         "Looting/property destruction"),
        ("On 12 June 2021, soldiers found a cache of weapons and ammunition near Gao.",
         "Disrupted weapons use"),
        ("On 12 June 2021, cartel gunmen manned a check point outside Tepalcatepec.",
         "Change to group/activity"),
        ("On 12 June 2021, a militia staged military drills near Caracas.",
         "Change to group/activity"),
        ("On 12 June 2021, armed men of the Gulf Cartel distributed aid parcels in Matamoros.",
         "Change to group/activity"),
        ("On 12 June 2021, gunmen of a local cartel handed out groceries to residents of "
         "Uruapan.", "Change to group/activity"),
        ("Looting: On 12 June 2021, rebels looted wheat crops in Tal Tamer.",
         "Looting/property destruction"),
        ("On 12 June 2021, hundreds gathered in Kerbala, waving placards and condemning the new "
         "budget.", "Peaceful protest"),
        ("On 12 June 2021, traders held a second day of protests in Kandi over new taxes.",
         "Peaceful protest"),
        ("On 12 June 2021, teachers protested in Lima against the measures taken to fight the "
         "coronavirus.", "Peaceful protest"),
        ("On 12 June 2021, the rebels surrendered to the army in Kunar.", "Agreement"),
    ],
)  # fmt: skip
def test_extract_classify_acled_conventions(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _primary(pipeline, text)[0] == sub


def test_extract_classify_heading_names_the_event_and_sentence_the_actors(
    pipeline: Pipeline,
) -> None:
    text = "Movement of forces: On 12 June 2021, Turkish forces entered Idlib with 30 vehicles."
    article = Article(
        article_id="t", raw=text, raw_format="text", text=text, published=dt.date(2021, 6, 14)
    )
    events = [e for e in pipeline.process(article) if e.flags.is_event]
    assert [e.sub_event_type for e in events] == ["Change to group/activity"]
    assert events[0].actor1 is not None and "Turkey" in events[0].actor1.name


def test_extract_classify_captured_people_hold_no_ground(pipeline: Pipeline) -> None:
    assert _primary(pipeline, "On 12 June 2021, troops captured three rebels near Beni.")[1] is None


@pytest.mark.parametrize(
    "text",
    [
        # aid handed out by no armed group
        "On 12 June 2021, the ministry distributed food parcels to families in Herat.",
        # a vehicle smashing into something is an accident, not destruction
        "On 12 June 2021, a truck smashed into a wall in Kirkuk.",
        # days of fighting before are background
        "On 12 June 2021, after days of clashes, calm returned to Kidal.",
    ],
)
def test_extract_classify_no_event(pipeline: Pipeline, text: str) -> None:
    article = Article(
        article_id="t", raw=text, raw_format="text", text=text, published=dt.date(2021, 6, 14)
    )
    assert not [e for e in pipeline.process(article) if e.flags.is_event]
