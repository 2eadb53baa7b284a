"""Region abbreviations as news writes them ("Bowling Green, Ky.", "Surrey,
B.C."): the Associated Press forms of US states and Canadian provinces.

Only the written form with its periods is read as the region: "Ky." is
Kentucky, "Ky" or "Miss" without a period are not (one exception: "BC",
British Columbia, as often written without); the gazetteer's name keys
fold punctuation away, so these forms are matched here, not there.
"""

from __future__ import annotations

import re

_US = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Kans.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
_CA = {
    "Alta.": "Alberta",
    "B.C.": "British Columbia",
    # Written without periods as often as with them ("Nelson, BC"), and
    # no other place's abbreviation.
    "BC": "British Columbia",
    "Man.": "Manitoba",
    "N.B.": "New Brunswick",
    "N.L.": "Newfoundland and Labrador",
    "Nfld.": "Newfoundland and Labrador",
    "N.S.": "Nova Scotia",
    "Ont.": "Ontario",
    "P.E.I.": "Prince Edward Island",
    "Que.": "Quebec",
    "Sask.": "Saskatchewan",
    "N.W.T.": "Northwest Territories",
}
REGION_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    **{short: ("US", name) for short, name in _US.items()},
    **{short: ("CA", name) for short, name in _CA.items()},
}
# A word ending in a period that is part of the name: an abbreviation above,
# or initials ("U.S.", "U.K.").
_KEEPS_PERIOD = re.compile(
    r"(?:^|(?<=\s))(?:"
    + "|".join(
        re.escape(short[:-1])
        for short in sorted(REGION_ABBREVIATIONS, key=len, reverse=True)
        if short.endswith(".")
    )
    + r"|(?:[A-Z]\.)+[A-Z])$"
)


def region_abbreviation(name: str) -> tuple[str, str] | None:
    """(country code, admin1 name) of an abbreviation written with its
    periods ("Ky.", "B.C."); None for anything else."""
    return REGION_ABBREVIATIONS.get(" ".join(name.split()))


def keeps_final_period(name: str) -> bool:
    """Whether the period after ``name`` belongs to it ("Ky" of "Ky.", "U.S"
    of "U.S.")."""
    return _KEEPS_PERIOD.search(name) is not None
