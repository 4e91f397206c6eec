"""Crash recovery: rebuild a drill's run from its record and replay it to the recorded
clock, checking every replayed event against the one recorded.

The engine is deterministic: the same activation, seed, injects and the same operator
injects at the same virtual moments give the same events, however the clock was sliced.
So after a crash (kill -9, power cut) the run is rebuilt from the drill's copies
(``world.py``), the operator's injects recorded in the timeline are applied again at
their moments, and the run is advanced to the clock of the last committed batch. Any
difference between a replayed and a recorded event is a ``ReplayMismatch``, never
silently accepted: the recorded timeline stays as it is and the drill is not continued.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from .model import Drill, DrillError, Entry, Source
from .recorder import draft_of
from .snapshot import inject_from_json
from .world import DrillRun, World, build_run, world_of

__all__ = ["INJECT_KIND", "REQUEST_KIND", "ReplayMismatch", "check_plan_copy", "replay"]

#: The timeline kind of an operator's inject command (applied at the entry's ``t``).
INJECT_KIND = "inject"
#: An inject asked for from another seat; the running session turns it into an
#: ``inject`` entry (with ``request``: this entry's seq) when it applies it.
REQUEST_KIND = "inject_request"


class ReplayMismatch(DrillError):
    """The rebuilt run does not give the recorded events."""


def check_plan_copy(drill: Drill) -> None:
    """The stored plan copy must still hash to the recorded plan hash."""
    if hashlib.sha256(drill.plan_source).hexdigest() != drill.plan_sha256:
        raise DrillError(f"drill {drill.id}: the stored copy of plan {drill.plan_id} does not "
                         f"match its recorded hash {drill.plan_sha256[:12]}… (altered)")


def operator_injects(recorded: Sequence[Entry]) -> list[tuple[float, dict[str, Any]]]:
    """The operator's inject commands, in the order they were recorded."""
    return [(e.t, e.data["inject"]) for e in recorded
            if e.kind == INJECT_KIND and e.source != Source.ENGINE.value and "inject" in e.data]


def replay(drill: Drill, recorded: Sequence[Entry], world: World | None = None) -> DrillRun:
    """A run of ``drill`` advanced to its recorded clock, its events checked against the
    engine entries of ``recorded`` (the whole timeline, in seq order)."""
    check_plan_copy(drill)
    run = build_run(drill, world or world_of(drill))
    produced = []
    for t, inject in operator_injects(recorded):
        produced += run.run_until(t)
        run.apply(inject_from_json(inject))
    produced += run.run_until(drill.clock)
    wanted = [e for e in recorded if e.source == Source.ENGINE.value]
    for index, (event, entry) in enumerate(zip(produced, wanted, strict=False)):
        draft = draft_of(event)
        if (draft.t, draft.kind, draft.subject, draft.data_text) != (
                entry.t, entry.kind, entry.subject, entry.data_text):
            raise ReplayMismatch(
                f"drill {drill.id}: replay differs from the recorded timeline at entry "
                f"{entry.seq} (engine event {index}): recorded {entry.kind} {entry.subject} "
                f"t={entry.t:g} {entry.data_text[:120]}, replayed {draft.kind} {draft.subject} "
                f"t={draft.t:g} {draft.data_text[:120]}. The recorded timeline is intact; the "
                "drill cannot be continued with this version of the program")
    if len(produced) != len(wanted):
        raise ReplayMismatch(
            f"drill {drill.id}: replay gave {len(produced)} engine events up to "
            f"t={drill.clock:g}, the timeline recorded {len(wanted)}. The recorded timeline "
            "is intact; the drill cannot be continued with this version of the program")
    return run
