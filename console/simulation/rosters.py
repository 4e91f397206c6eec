"""The roster a simulation uses: the one in the store, else the demo; and variants of it."""

from __future__ import annotations

from dataclasses import replace

from console.plans.vocabulary import Unit
from console.roster.model import Availability, Roster

__all__ = ["roster_in_use", "without_units"]


def roster_in_use(db: str | None = None) -> Roster:
    """The roster stored in the database (``db`` or $CONSOLE_DB_URL), else the demo roster.
    A database that cannot be read is an error, not a silent fallback."""
    from console.roster.demo import load_demo_roster
    from console.store import load_roster, open_store

    with open_store(db) as store:
        stored = load_roster(store)
    return stored if stored is not None else load_demo_roster()


def without_units(roster: Roster, units: tuple[str, ...]) -> Roster:
    """The roster with everyone of the named units on leave (a short-staffed board)."""
    if not units:
        return roster
    away = {Unit(u) for u in units}
    people = tuple(replace(p, status=Availability.ON_LEAVE) if p.unit in away else p
                   for p in roster.people)
    return replace(roster, people=people)
