"""Front lines: where a front-bound actor's fighting lies inside its regions.

Villages of one name repeat across a region ("Vesele", "Serhiivka" and
"Oleksandrivka" each stand in several places of Donetsk oblast), and the
short reports of a front (ceasefire monitors' logs, a militia's claims)
seldom say which. The fighting they report lies along the line of contact,
so of the namesakes inside the front's regions the ones beside the line are
meant. ``data/geo/front_lines.tsv`` lists each line as the towns it runs
through, in order; a line applies when the article names an actor bound to
one of its regions (see ``regions`` in the actor dictionary).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from frontwatch.errors import ConfigError
from frontwatch.geo.countries import read_data_text
from frontwatch.geo.cues import POPULATED_PLACE
from frontwatch.geo.distance import EARTH_RADIUS_KM
from frontwatch.geo.gazetteer import GazetteerEntry
from frontwatch.geo.resolve_context import SMALL_TOWN
from frontwatch.geo.resolve_rank import Evidence, best_place, in_unit, matching_name, within
from frontwatch.geo.toponyms import ToponymMention
from frontwatch.models import GEO_NEAR, Place

FRONT_LINES_FILE = "front_lines.tsv"
# A namesake this close to the line is on the front (the contact zone and
# the line's own error, a few kilometres between its towns)...
NEAR_LINE_KM = 20.0
# ... and of several such, those within this much of the nearest one.
LINE_SLACK_KM = 10.0
_KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180.0


@dataclass(frozen=True, slots=True)
class FrontLine:
    name: str
    country_code: str
    regions: frozenset[str]  # admin1 names, as the gazetteer writes them
    points: tuple[tuple[str, float, float], ...]  # (town, latitude, longitude), in line order

    def distance_km(self, latitude: float, longitude: float) -> float:
        """Distance from a point to the line (flat within a few hundred km)."""
        scale = math.cos(math.radians(latitude)) * _KM_PER_DEGREE

        def projected(lat: float, lon: float) -> tuple[float, float]:
            return lon * scale, lat * _KM_PER_DEGREE

        x, y = projected(latitude, longitude)
        corners = [projected(lat, lon) for _town, lat, lon in self.points]
        if len(corners) == 1:
            return math.hypot(x - corners[0][0], y - corners[0][1])
        best = math.inf
        for (ax, ay), (bx, by) in pairwise(corners):
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            share = 0.0 if length == 0 else ((x - ax) * dx + (y - ay) * dy) / length
            share = min(1.0, max(0.0, share))
            best = min(best, math.hypot(x - ax - share * dx, y - ay - share * dy))
        return best


def parse_front_lines(text: str) -> tuple[FrontLine, ...]:
    """The lines of ``front_lines.tsv``, in file order."""
    rows: dict[str, list[tuple[str, frozenset[str], tuple[str, float, float]]]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or not all(fields[:4]) or len(fields[1]) != 2:
            raise ConfigError(f"{FRONT_LINES_FILE}:{number}: expected line, country code,"
                              " regions, town, latitude, longitude")  # fmt: skip
        name, code, regions, town, latitude, longitude = fields
        try:
            point = (town, float(latitude), float(longitude))
        except ValueError as error:
            raise ConfigError(f"{FRONT_LINES_FILE}:{number}: {error}") from error
        if not (-90 <= point[1] <= 90 and -180 <= point[2] <= 180):
            raise ConfigError(f"{FRONT_LINES_FILE}:{number}: coordinates out of range")
        held = frozenset(r for r in regions.split("|") if r)
        previous = rows.setdefault(name, [])
        if previous and (previous[0][0], previous[0][1]) != (code, held):
            raise ConfigError(f"{FRONT_LINES_FILE}:{number}: {name!r} changes country or regions")
        previous.append((code, held, point))
    lines = []
    for name, points in rows.items():
        if len(points) < 2:
            raise ConfigError(f"{FRONT_LINES_FILE}: {name!r} needs at least two towns")
        code, held, _point = points[0]
        lines.append(FrontLine(name, code, held, tuple(p for _c, _r, p in points)))
    return tuple(lines)


@lru_cache(maxsize=1)
def front_lines() -> tuple[FrontLine, ...]:
    return parse_front_lines(read_data_text(FRONT_LINES_FILE))


def lines_of(fronts: Sequence[Place]) -> tuple[FrontLine, ...]:
    """The lines that run through the regions of the front-bound actors an
    article names."""
    keys = {(front.country_code, front.admin1 or front.name) for front in fronts}
    return tuple(
        line
        for line in front_lines()
        if any((line.country_code, region) in keys for region in line.regions)
    )


def beside_the_line(
    entries: Sequence[GazetteerEntry], fronts: Sequence[Place], lines: Sequence[FrontLine]
) -> tuple[GazetteerEntry, ...]:
    """``entries`` without the namesakes inside the fronts' regions that lie
    off the line, when another one inside lies beside it. Places outside
    the regions are left to the usual ranking."""
    inside = [entry for entry in entries if any(within(entry, front) for front in fronts)]
    if len(inside) < 2 or not lines:
        return tuple(entries)
    distance = {
        id(entry): min(line.distance_km(entry.latitude, entry.longitude) for line in lines)
        for entry in inside
    }
    nearest = min(distance.values())
    if nearest > NEAR_LINE_KM:
        return tuple(entries)
    limit = min(NEAR_LINE_KM, nearest + LINE_SLACK_KM)
    off_line = {key for key, km in distance.items() if km > limit}
    return tuple(entry for entry in entries if id(entry) not in off_line)


def front_village(
    mention: ToponymMention,
    entries: Sequence[GazetteerEntry],
    fronts: Sequence[Place],
    evidence: Evidence,
    *,
    part: bool,
) -> Place | None:
    """Where a village named by front-bound actors (the OSCE monitors, the
    Donbas militias) is: its namesake inside their regions, else, when
    every place of the name is a small town (villages missing from the
    gazetteer share names with hamlets all over the country), the front's
    main region (listed first), with precision 2. A town-sized place
    elsewhere ("Odesa") keeps its own reading, and so does a name asked
    for as a region."""
    if mention.kind_hint not in (None, POPULATED_PLACE):
        return None
    named = matching_name(mention, entries) or entries
    if any(e.feature != POPULATED_PLACE or e.population >= SMALL_TOWN for e in named):
        return None
    inside = [e for e in entries if any(within(e, front) for front in fronts)]
    if inside:
        return best_place(mention, inside, replace(evidence, top=None), part=part, pinned=True)
    if not entries and not _placed(mention):
        return None
    # A named place, not the whole region: coded near it, as ACLED codes a
    # village it cannot place more exactly.
    return replace(in_unit(mention, fronts[0]), geo_precision=GEO_NEAR)


def _placed(mention: ToponymMention) -> bool:
    """Whether the text puts an unknown name somewhere ("near X", "in X")."""
    return mention.cue is not None and mention.cue not in ("from", "to", "between", "and")
