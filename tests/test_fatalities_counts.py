"""The count ``find_fatalities`` codes for a sentence or a short report, under
ACLED's conservative rules. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from frontwatch.extract.fatalities import find_fatalities

COUNTS = [
    # numbers in digits and words, active and passive
    ("Three soldiers and two civilians were killed when a mine hit their truck.", 5),
    ("Raiders stormed the hamlet, killing 4 herders and injuring 10 others.", 4),
    ("Twenty-one passengers were killed when the bus was shelled.", 21),
    ("The patrol was ambushed near the ford, killing three.", 3),
    ("Rebels killed 15 militiamen in a dawn raid on the camp.", 15),
    ("2 guards killed, 6 wounded in grenade attack on depot.", 2),
    ("Eight villagers have died and 40 were hospitalised after the assault.", 8),
    ("On 9 May 2021, 4 border guards were killed by a sniper.", 4),
    ("Two fishermen died after their boat was struck by a shell.", 2),
    # singular determiners
    ("A gendarme was killed and two others were wounded at the post.", 1),
    ("An elder was shot dead outside the mosque.", 1),
    ("A 32-year-old teacher was killed by unknown attackers.", 1),
    ("Unknown assailants killed the district administrator.", 1),
    ("Gunmen killed a farmer and his son on the road to the market.", 2),
    ("The air raid killed a family of six.", 6),
    # hedges, ranges and vague quantities
    ("Between 5 and 7 miners were killed in the clashes, officials said.", 5),
    ("At least 12 people died in the bombardment of the town.", 12),
    ("Fighting killed more than 40 combatants on both sides.", 40),
    ("Up to 20 fighters were killed, according to the group.", 1),
    ("Dozens of displaced people were killed in the attack on the camp.", 12),
    ("Hundreds died during the siege of the old city.", 100),
    ("Several traders were killed by stray bullets.", 3),
    # tolls, bodies and other shapes
    ("The death toll from the market bombing rose to 27 on Tuesday.", 27),
    ("The number of people killed when the shell hit the bus has risen to 14, medics said.", 14),
    # who reports the figure is no victim
    ("Shelling killed 12 people, the governor said.", 12),
    ("A car bomb killed at least 9 soldiers, the army told reporters.", 9),
    ("Clashes between the two clans left 7 dead and 15 injured.", 7),
    ("Police found the bodies of 3 men in a ditch near the border.", 3),
    ("The body of a young woman was discovered on the riverbank.", 1),
    ("Seven workers, including two teenagers, were killed in the strike.", 7),
    ("The mob beat a suspected cattle thief to death.", 1),
    ("Two militiamen were shot and killed at a roadblock.", 2),
    ("The blast killed at least 31 shoppers and wounded dozens.", 31),
    # the suicide bomber is counted once
    ("A suicide bomber blew himself up at the gate, killing 6 guards.", 7),
    ("A suicide bomber killed 3 worshippers near the shrine.", 4),
    # anaphora and restatements are not added again
    ("A driver was killed on the highway; the victim was a local trader.", 1),
    ("One was shot dead and the other was stabbed to death.", 1),
    ("Five rangers were killed in the ambush. The army said five rangers died.", 5),
    ("2 soldiers were killed at the post. 2 other soldiers were killed later that night.", 4),
    # other sources: the lowest figure
    ("The governor said the raid killed 2 officers. Other sources said 5 officers died.", 2),
    ("The ministry said 25 people were killed, but other sources reported at least 37.", 25),
]


@pytest.mark.parametrize(("sentence", "count"), COUNTS)
def test_fatalities_counts_table(sentence: str, count: int) -> None:
    result = find_fatalities(sentence)
    assert result is not None, sentence
    assert result.count == count, result.reason


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Between 5 and 7 miners were killed in the clashes.", 5, 7),
        ("Eight to ten villagers were killed overnight.", 8, 10),
        ("Up to 20 fighters were killed.", 1, 20),
        ("At least 12 people died.", 12, 12),
    ],
)
def test_fatalities_counts_keep_the_range(sentence: str, low: int, high: int) -> None:
    result = find_fatalities(sentence)
    assert result is not None
    assert (result.count, result.low, result.high) == (low, low, high)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("No one was killed in the explosion at the depot.", "no deaths reported"),
        ("The shelling caused no casualties.", "no deaths reported"),
        ("Neither injuries nor fatalities were reported.", "no deaths reported"),
        ("Four people were wounded in the shooting.", "injuries only"),
        ("Three people were killed or injured in the blast.", "without a number"),
        ("Soldiers killed and wounded several attackers.", "without a number"),
        ("Troops killed 20 cattle belonging to the herders.", "without a number"),
        ("Residents marched after two youths were killed by police last week.", "reacts to"),
        ("Hundreds protested over the killing of a journalist.", "without a number"),
    ],
)
def test_fatalities_counts_zero_with_reason(sentence: str, reason: str) -> None:
    result = find_fatalities(sentence)
    assert result is not None
    assert result.count == 0
    assert reason in result.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The militia destroyed 20 vehicles and burned 2,000 square km of farmland.",
        "Around 300 people marched through the capital on 1 May 2021.",
        "Gunmen attempted to kill a local leader but fled when guards fired back.",
        "The army took control of 12 villages after a week of fighting.",
    ],
)
def test_fatalities_counts_none_without_deaths(sentence: str) -> None:
    assert find_fatalities(sentence) is None
