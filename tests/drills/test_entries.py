"""Human entries: typed operator reports, observations and corrective actions."""

from __future__ import annotations

import datetime as dt

import pytest

from console.drills.entries import (
    actions,
    add_action,
    log_entry,
    observations,
    observe,
    update_action,
)
from console.drills.model import DrillError, Source
from console.drills.records import entries
from console.store import Store
from tests.drills.helpers import new_session


@pytest.fixture
def drill_id(store: Store) -> str:
    session = new_session(store)
    session.start()
    session.advance(300.0)
    return session.id


def test_typed_entries_name_people_and_steps(store: Store, drill_id: str) -> None:
    """A person by name and a step by title become their ids; --at is the incident's day."""
    ack = log_entry(store, drill_id, "胜地社区网格长确认", kind="acknowledged", subject="唐艳",
                    at="14:02", author="值班员")
    assert (ack.subject, ack.t, ack.source, ack.author) == ("V005", 120.0, "operator", "值班员")
    step = log_entry(store, drill_id[:4], kind="step_started", subject="网格员就近查看并管控火源",
                     at=dt.datetime(2026, 3, 18, 14, 5))
    assert (step.subject, step.t) == ("grid_check", 300.0)
    note = log_entry(store, drill_id, "指挥长决定启动Ⅳ级响应", kind="decision")
    assert note.t == 300.0  # the drill clock when no --at is given
    assert [e.kind for e in entries(store, drill_id)][-3:] == [
        "acknowledged", "step_started", "decision"]


def test_entries_that_make_no_sense_are_refused(store: Store, drill_id: str) -> None:
    """Unknown kinds, people and steps, an empty note, a time before the incident."""
    with pytest.raises(DrillError, match="unknown entry kind"):
        log_entry(store, drill_id, "x", kind="teleported")
    with pytest.raises(DrillError, match="needs its text"):
        log_entry(store, drill_id, "  ")
    with pytest.raises(DrillError, match="needs --subject"):
        log_entry(store, drill_id, kind="arrived")
    with pytest.raises(DrillError, match="no one called"):
        log_entry(store, drill_id, kind="arrived", subject="无名氏")
    with pytest.raises(DrillError, match=r"no step 'scene_chek'.*scene_check"):
        log_entry(store, drill_id, kind="step_finished", subject="scene_chek")
    with pytest.raises(DrillError, match="before the incident"):
        log_entry(store, drill_id, "早到", at="13:00")
    with pytest.raises(DrillError, match="no drill"):
        log_entry(store, "ffffffff", "x")


def test_observations_are_chained_and_listed(store: Store, drill_id: str) -> None:
    """An observation is a timeline entry (source observer) and a row pointing at it."""
    entry = observe(store, drill_id, "小分队集结慢", step="squad_move", rating=2,
                    observer="区应急局 张")
    assert entry.kind == "observation" and entry.source == Source.OBSERVER.value
    rows = observations(store, drill_id)
    assert [(o.entry_seq, o.step, o.rating, o.text) for o in rows] == [
        (entry.seq, "squad_move", 2, "小分队集结慢")]
    with pytest.raises(DrillError, match="1 \\(poor\\) to 5"):
        observe(store, drill_id, "x", rating=6)


def test_corrective_actions_are_linked_to_steps_and_move_on(store: Store,
                                                           drill_id: str) -> None:
    """Added with owner and due date, linked to a step; listed; status updated."""
    added = add_action(store, drill_id, problem="小分队到场超时", action="汛期小分队驻点备勤",
                       owner="胜地社区", due="2026-12-31", step="小分队携扑火机具赶赴现场")
    assert (added.step, added.due, added.status.value) == (
        "squad_move", dt.date(2026, 12, 31), "open")
    update_action(store, added.id, status="done")
    assert [a.status.value for a in actions(store, drill_id)] == ["done"]
    assert actions(store, open_only=True) == []
    with pytest.raises(DrillError, match="not a date"):
        add_action(store, drill_id, problem="p", action="a", owner="o", due="明年")
    with pytest.raises(DrillError, match="no corrective action"):
        update_action(store, 999, status="done")
