"""Two seats on one drill at once, in two processes: the operator's records the drill,
the observer's follows the timeline, adds observations and reconnects half-way. Nothing
is lost or recorded twice (PostgreSQL in CI; SQLite too)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from console.drills.entries import observations
from console.drills.model import DrillStatus, Source
from console.drills.records import entries, load_drill
from console.drills.verify import verify_drill
from console.store import open_store
from tests.drills.crash_helper import _drill_id
from tests.drills.helpers import engine_keys, reference
from tests.drills.test_crash import ROOT, _env

SEAT = Path(__file__).with_name("seat_helper.py")


def test_operator_and_observer_seats_on_one_drill(db_url: str) -> None:
    """The observer sees every entry exactly once, in order, across a reconnect; its
    observations are in the timeline once each; the engine's events are undisturbed."""
    with open_store(db_url):
        pass  # the schema exists before both seats start
    observer = subprocess.Popen([sys.executable, str(SEAT), db_url], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    operator = subprocess.run(
        [sys.executable, "-m", "console", "drill", "run", "forest-fire", "--at", "胜地社区",
         "--time", "2026-03-18 14:00", "--seed", "11", "--step", "0.05", "--db", db_url],
        capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=180, check=False)
    assert operator.returncode == 0, operator.stderr
    out, err = observer.communicate(timeout=180)
    assert observer.returncode == 0, err
    seat = json.loads(out.strip().splitlines()[-1])
    drill_id = _drill_id(operator.stdout.splitlines())
    assert seat["drill"] == drill_id and seat["reconnects"] == 1
    with open_store(db_url) as store:
        drill = load_drill(store, drill_id)
        recorded = entries(store, drill_id)
        assert drill.status is DrillStatus.FINISHED
        assert verify_drill(store, drill_id).ok
        assert seat["seen"] == [e.seq for e in recorded] == list(range(drill.entries))
        notes = [e for e in recorded if e.kind == "observation"]
        assert [e.seq for e in notes] == seat["added"] and len(notes) >= 2
        assert all(e.source == Source.OBSERVER.value for e in notes)
        assert [o.entry_seq for o in observations(store, drill_id)] == seat["added"]
        assert engine_keys(recorded) == reference(drill)
