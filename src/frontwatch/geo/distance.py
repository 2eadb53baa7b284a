"""Distance between two points of the gazetteer (entries, places, anchors:
anything with a latitude and a longitude in degrees)."""

from __future__ import annotations

import math
from typing import Protocol

EARTH_RADIUS_KM = 6371.0


class Located(Protocol):
    @property
    def latitude(self) -> float: ...

    @property
    def longitude(self) -> float: ...


def distance_km(first: Located, second: Located) -> float:
    """Equirectangular distance: exact enough to tell places apart."""
    mean_latitude = math.radians((first.latitude + second.latitude) / 2)
    dx = math.radians(second.longitude - first.longitude) * math.cos(mean_latitude)
    dy = math.radians(second.latitude - first.latitude)
    return EARTH_RADIUS_KM * math.hypot(dx, dy)
