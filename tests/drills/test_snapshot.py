"""The copies a drill keeps (roster, injects) read back exactly."""

from __future__ import annotations

from console.drills.snapshot import (
    inject_from_json,
    inject_to_json,
    roster_from_json,
    roster_to_json,
)
from console.roster.demo import load_demo_roster
from console.simulation.scenario import load_scenario
from tests.drills.helpers import SCENARIO
from tests.store.samples import sample_roster


def test_roster_round_trips_exactly() -> None:
    """Every field, aware and naive shift times, working hours, the demo flag survive."""
    for roster in (sample_roster(), load_demo_roster()):
        assert roster_from_json(roster_to_json(roster)) == roster


def test_injects_round_trip_exactly() -> None:
    """Scenario injects (with from/to/channel/expected/note) survive JSON."""
    for inject in load_scenario(SCENARIO).injects:
        assert inject_from_json(inject_to_json(inject)) == inject
