"""English cue phrases that tell who did what to whom around an event word.

``frontwatch.extract.roles`` reads roles from word order; these patterns are
the words it looks for: agents ("by X"), targets ("on X"), allies ("backed
by X"), defences ("repelled"), clause boundaries. Patterns ending in ``$``
are matched against the text just before an actor.
"""

from __future__ import annotations

import re

# Cues that make the actor after them an ally of the actor before them.
ALLY_CUES = re.compile(
    r"(?:\bsupported by|\bbacked by|\bwith the (?:help|support|backing) of|\balongside|"
    r"\balong with|\btogether with|\bin coordination with|\baided by|\bassisted by|"
    r"\band (?:its|their) allies|\band allied|\band\b|&|\bwith\b)\s*$",
    re.IGNORECASE,
)
# "clashes between X and Y", "fighting between X and Y": both sides after the trigger.
BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
# The words that open an agent phrase, up to three words before the actor:
# "by X", "by a X", "by two armed men", "by alleged X", "by members of X".
AGENT_LEAD = re.compile(r"\bby\s+(?:[^\s,;:()]+\s+){0,3}$", re.IGNORECASE)
# Fire coming from someone: "came under fire from X", "an attack from X".
SOURCE_LEAD = re.compile(
    r"\b(?:fire|attacks?|shelling|shells|rockets?|mortars?|assault)\s+from\s+"
    r"(?:[^\s,;:()]+\s+){0,2}$",
    re.IGNORECASE,
)
# Participles that make the "by" phrase describe something else than the event:
# "a post manned by the police", "a faction backed by Turkey".
FOREIGN_PARTICIPLE = re.compile(
    r"\b(?!(?:fired|launched|carried|conducted|perpetrated|claimed|staged|mounted|committed|"
    r"planted|placed|detonated|triggered|thrown|hurled|dropped|lobbed|executed|"
    r"reported|killed|wounded|injured|targeted|attacked|children|women|between|seven|eleven|"
    r"often|been|hundred|kitchen|garden|sweden)\b)"
    r"\w{3,}(?:ed|en)\b|\b(?:held|led|run|manned|owned|controlled|built|made)\b",
    re.IGNORECASE,
)
# Words that open another clause: a "by" phrase or an actor beyond them
# belongs to another verb ("recaptured the town after it was taken by X").
SUBORDINATE = re.compile(
    r"\b(?:after|before|when|while|because|since|where|until|once|who|which|whom|whose|that)\b",
    re.IGNORECASE,
)
# What follows a verb used in the passive without an auxiliary ("soldiers
# killed in an ambush"); an object would follow an active verb instead.
PASSIVE_FOLLOWER = re.compile(
    r"\s*(?:[,.;:()]|$|(?:in|by|during|near|at|on|after|while|when|following|as|from|inside|"
    r"outside|across|over|overnight|yesterday|today|early|late|last|this|since|amid|under|"
    r"along|around|close)\b)",
    re.IGNORECASE,
)
# The target of an attack: "attack on X", "fired at the positions of X".
TARGET_LEAD = re.compile(
    r"\b(?:on|against|at|targeting|targetting|upon|toward|towards|into)\b[^,;:]{0,40}$",
    re.IGNORECASE,
)
# Defending against an attack: the attacker is actor1 ("X repelled an attack").
DEFENCE = re.compile(
    r"\b(?:repuls\w*|repel\w*|foil\w*|thwart\w*|fought off|fend\w* off|fended off|"
    r"beat back|beaten back|pushed back|push\w* back|warded off|responded to|"
    r"retaliated (?:against|to)|foiled|averted|prevented)\b",
    re.IGNORECASE,
)
OWN_ACTION = re.compile(r"\b(?:their|its)\s+(?:\w+\s+)?$", re.IGNORECASE)
POSSESSIVE = re.compile(r"\b(?:their|its|his|her)\b", re.IGNORECASE)
# Fights: two sides named together are opponents ("X and Y clashed").
SYMMETRIC = re.compile(
    r"^(?:clash\w*|fight\w*|fought|battl\w*|gun ?fights?|fire ?fights?|skirmish\w*|"
    r"exchange\w*(?:\s+of)?(?:\s+(?:gun)?fire|\s+shots)?|shoot ?outs?|confront\w*|engag\w*|"
    r"hostilities)$",
    re.IGNORECASE,
)
# An action one side does to the other, between them: "X targeted Y".
ACTION = re.compile(
    r"\b(?:attack\w*|target\w*|shell\w*|bomb\w*|strik\w*|struck|hit|kill\w*|fired (?:at|on|upon)|"
    r"open\w* fire|ambush\w*|raid\w*|assault\w*|shot|shoot\w*|engag\w*|pound\w*|storm\w*|"
    r"besieg\w*|surround\w*|injur\w*|wound\w*|abduct\w*|kidnap\w*|arrest\w*|detain\w*|"
    r"beat|beaten|tortur\w*|execut\w*|behead\w*|stab\w*|lynch\w*|rap(?:e|ed)|loot\w*|"
    r"burn\w*|torch\w*|destroy\w*|captur\w*|seiz\w*|overr\w*|bombard\w*|hack\w*|"
    r"neutrali[sz]\w*|eliminat\w*|downed|shot down)\b",
    re.IGNORECASE,
)
# Words that close a clause: an actor beyond them belongs to another clause.
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and|but|while|as(?! well as)|after|before|when|who|which)\b|\bsaid\b|"
    r"\b(?:in|during|of|after|following) which\b"
)
# A passive verb between the subject and a trigger that is not the verb
# itself: "two soldiers were killed by a roadside bomb".
# "Were reported to have beaten" reports an active verb: not a passive.
PASSIVE_GAP = re.compile(
    r"\b(?:was|were|been|being|got|gets)\s+(?:\w+ly\s+)?(?:\w{3,}(?:ed|en)|shot|hit|struck|"
    r"burnt|blown up|beaten|caught|held|slain|cut|torn|thrown)\b(?!\s+to\b)",
    re.IGNORECASE,
)
