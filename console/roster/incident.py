"""Where an incident is: a map place, with the village and grid it falls in."""

from __future__ import annotations

import datetime as dt

from .resolve import Incident
from .townmap import Place, TownMap, haversine_m

__all__ = ["incident_at", "parse_when"]


def incident_at(town: TownMap, ref: str, when: dt.datetime, kind: str = "") -> Incident:
    """An incident at a place (id or name). A grid gives its village; a village gives
    its grid nearest the village committee; any other place, the nearest grid of its
    village (or of the whole town when it names no village)."""
    place = town.place(ref)
    if place.kind == "grid":
        return Incident(place.id, when, place.village, place.id, kind)
    village = place.id if place.kind == "village" else place.village
    grids = [g for g in town.grids if village is None or g.village == village]
    grid = _nearest(place, grids)
    if village is None and grid is not None:
        village = grid.village
    return Incident(place.id, when, village, grid.id if grid else None, kind)


def _nearest(place: Place, candidates: list[Place]) -> Place | None:
    if not candidates:
        return None
    return min(candidates, key=lambda g: (haversine_m(place.coords, g.coords), g.id))


def parse_when(text: str | None, *, today: dt.date | None = None) -> dt.datetime:
    """``14:00`` (today), ``2026-07-12 02:00`` or ``2026-07-12T02:00``; ValueError otherwise."""
    base = today or dt.date.today()
    if text is None:
        now = dt.datetime.now()
        return now.replace(second=0, microsecond=0)
    cleaned = text.strip().replace("T", " ")
    for pattern in ("%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            parsed = dt.datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        if pattern == "%H:%M":
            return dt.datetime.combine(base, parsed.time())
        return parsed
    raise ValueError(f"'{text}' is not a time: write 14:00 or 2026-07-12 02:00")
