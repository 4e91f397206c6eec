"""DrillSession: recording batches, statuses, injects on cue and on demand, replay."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from console.drills.model import DrillError, DrillStatus, Source
from console.drills.recorder import Draft, Recorder
from console.drills.records import DRILL, entries, load_drill
from console.drills.resume import ReplayMismatch
from console.drills.session import DrillSession
from console.simulation.events import EventKind
from console.simulation.injects import Inject, InjectKind
from console.store import Store
from tests.drills.helpers import engine_keys, new_session, reference, run_through


def test_recorded_events_are_the_engine_run_bit_for_bit(store: Store) -> None:
    """A drill run to its end records exactly the events of an uninterrupted engine run."""
    session = new_session(store)
    run_through(session)
    drill = load_drill(store, session.id)
    recorded = entries(store, drill.id)
    assert drill.status is DrillStatus.FINISHED
    assert engine_keys(recorded) == reference(drill)
    assert [e.seq for e in recorded] == list(range(drill.entries))
    kinds = [e.kind for e in recorded]
    assert kinds[0] == "status" and kinds[-1] == "status"
    assert recorded[-1].data["status"] == "finished"
    # the scenario's injects arrived on cue
    applied = [e for e in recorded if e.kind == EventKind.INJECT_APPLIED.value]
    assert [(e.t, e.subject) for e in applied] == [
        (30.0, "note"), (120.0, "close_road"), (480.0, "force_branch")]


def test_batch_size_does_not_change_the_timeline(store: Store) -> None:
    """Advancing 1 s or 10 min at a time records the same engine events."""
    fine, coarse = new_session(store), new_session(store)
    run_through(fine, step=1.0)
    run_through(coarse, step=600.0)
    assert engine_keys(entries(store, fine.id)) == engine_keys(entries(store, coarse.id))


def test_each_batch_is_one_transaction_with_the_clock(store: Store) -> None:
    """After every advance the drill row's clock, count and head match what was recorded."""
    session = new_session(store)
    session.start()
    for until in (30.0, 95.0, 400.0):
        session.advance(until)
        drill = load_drill(store, session.id)
        recorded = entries(store, session.id)
        assert drill.clock == until
        assert drill.entries == len(recorded)
        assert drill.head_hash == recorded[-1].hash


def test_pause_and_resume_change_status_and_stop_the_clock(store: Store) -> None:
    """Paused, the engine does not advance; status entries record each change."""
    session = new_session(store)
    session.start()
    session.advance(120.0)
    session.pause("茶歇")
    with pytest.raises(DrillError, match="paused"):
        session.advance(600.0)
    assert session.now == 120.0
    assert load_drill(store, session.id).status is DrillStatus.PAUSED
    session.start()
    session.advance(180.0)
    statuses = [(e.data["status"], e.data["reason"]) for e in entries(store, session.id)
                if e.kind == "status"]
    assert statuses == [("running", "start"), ("paused", "茶歇"), ("running", "resume")]


def test_closed_drills_cannot_change_status(store: Store) -> None:
    """finished and aborted are final; planned cannot jump to paused."""
    session = new_session(store)
    with pytest.raises(DrillError, match="cannot become paused"):
        Recorder(store, session.id).append([], status=DrillStatus.PAUSED)
    session.abort("天气")
    with pytest.raises(DrillError, match="cannot become running"):
        Recorder(store, session.id).append([], status=DrillStatus.RUNNING)
    with pytest.raises(DrillError, match="aborted"):
        DrillSession.open(store, session.id)


def test_operator_inject_is_recorded_first_and_replayed(store: Store) -> None:
    """An inject on demand is in the timeline before its effect; after a crash the
    rebuilt run applies it again at the same moment, and the whole drill equals a run
    with that inject."""
    session = new_session(store)
    session.start()
    session.advance(150.0)
    inject = Inject(0.0, InjectKind.PERSON_UNAVAILABLE, (("person", "W007"),),
                    "网格员途中摔伤", "operator")
    command = session.inject(inject)
    assert command.kind == "inject" and command.source == Source.OPERATOR.value
    assert command.t == 150.0
    session.advance(300.0)
    drill_id = session.id
    del session  # the process "dies" here: nothing else is written
    again = DrillSession.open(store, drill_id)
    run_through(again)
    drill = load_drill(store, drill_id)
    keys = engine_keys(entries(store, drill_id))
    assert keys == reference(drill, [(150.0, inject)])
    assert keys != reference(drill)  # the inject made a difference


def test_resume_after_a_lost_process_continues_where_recorded(store: Store) -> None:
    """A session dropped mid-drill is reopened, replayed to its clock, and finishes the same."""
    first = new_session(store)
    first.start()
    first.advance(700.0)
    drill_id = first.id
    del first
    again = DrillSession.open(store, drill_id)
    assert again.now == 700.0 and again.status is DrillStatus.RUNNING
    run_through(again)
    drill = load_drill(store, drill_id)
    recorded = entries(store, drill_id)
    assert engine_keys(recorded) == reference(drill)
    assert [e.kind for e in recorded].count("recovered") == 1


def test_replay_mismatch_is_an_error_and_writes_nothing(store: Store) -> None:
    """If the record no longer gives the recorded events (here: its seed changed), the
    drill is not continued and nothing is written."""
    session = new_session(store)
    session.start()
    session.advance(900.0)
    with store.write() as s:
        s.connection().execute(update(DRILL).where(DRILL.c.id == session.id).values(seed=8))
    before = load_drill(store, session.id)
    with pytest.raises(ReplayMismatch, match="replay differs"):
        DrillSession.open(store, session.id)
    assert load_drill(store, session.id).entries == before.entries


def test_an_ambiguous_commit_is_not_recorded_twice(store: Store) -> None:
    """A batch whose commit succeeded although the caller saw an error is not appended
    again on retry."""
    session = new_session(store)
    session.start()
    recorder = Recorder(store, session.id)
    batch = [Draft(5.0, "acknowledged", "P001", {"channel": "phone"})]
    recorder.append(batch, clock=10.0)
    count = load_drill(store, session.id).entries
    assert recorder.append(batch, clock=10.0) == []
    assert load_drill(store, session.id).entries == count


def test_a_drill_held_by_a_live_process_is_not_opened_twice(store: Store) -> None:
    """Resuming a drill that another living process on this machine runs is refused."""
    session = new_session(store)
    session.start()
    session.advance(60.0)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with store.write() as s:
            s.connection().execute(update(DRILL).where(DRILL.c.id == session.id).values(
                holder=f"{socket.gethostname()}:{sleeper.pid}"))
        with pytest.raises(DrillError, match=f"process {sleeper.pid}"):
            DrillSession.open(store, session.id)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert DrillSession.open(store, session.id).now == 60.0


def test_engine_batches_stop_when_another_process_took_over(store: Store) -> None:
    """A session whose drill was taken over (resumed elsewhere) stops recording."""
    session = new_session(store)
    session.start()
    session.advance(60.0)
    with store.write() as s:
        s.connection().execute(update(DRILL).where(DRILL.c.id == session.id)
                               .values(holder="elsewhere:1"))
    with pytest.raises(DrillError, match="taken over"):
        session.advance(600.0)


def test_an_inject_asked_for_by_another_seat_is_applied_once(store: Store) -> None:
    """``drill inject`` from another seat is picked up by the running session, recorded
    as its command, applied once (also after a resume), and replays exactly."""
    from console.drills.entries import request_inject

    session = new_session(store)
    session.start()
    session.advance(140.0)
    asked = Inject(0.0, InjectKind.CLOSE_ROAD, (("segment", "r04"),), "塌方", "operator")
    request = request_inject(store, session.id, asked, author="指挥长")
    with pytest.raises(DrillError, match="unknown road segment 'r99'"):
        request_inject(store, session.id, Inject(0.0, InjectKind.CLOSE_ROAD,
                                                 (("segment", "r99"),)))
    [command] = session.apply_requests()
    assert command.data["request"] == request.seq and command.t == 140.0
    assert session.apply_requests() == []
    session.advance(400.0)
    drill_id = session.id
    del session
    again = DrillSession.open(store, drill_id)
    assert again.apply_requests() == []  # already applied before the "crash"
    run_through(again)
    drill = load_drill(store, drill_id)
    recorded = entries(store, drill_id)
    assert [e.kind for e in recorded].count("inject") == 1
    assert engine_keys(recorded) == reference(drill, [(140.0, asked)])


def test_a_simulated_drill_sends_nothing_anywhere(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """No connection of any kind is opened while a simulated drill runs on SQLite: the
    engine's notifications are timeline events only."""
    from console.store import open_store

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a drill tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        session = new_session(store)
        run_through(session)
        assert any(e.kind == "notified" for e in entries(store, session.id))
