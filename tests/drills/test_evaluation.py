"""Evaluation: a drill's record becomes the report's data — targets and lifecycle stages
planned vs actual, rates, no-answers, critical path, findings, Gantt, curve, trend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from console.drills.compare import compare, render_comparison, revision_closes
from console.drills.entries import actions, add_action, log_entry, observe
from console.drills.evaluation import evaluate
from console.drills.model import DrillError
from console.drills.records import entries, load_drill
from console.drills.world import plan_of
from console.plans.loader import load_plan_text
from console.simulation.events import EventKind
from console.store import Store
from tests.drills.helpers import new_session, run_through, scratch_plan

KINDS_ZH = {k.zh for k in EventKind} | {"状态变更", "观察记录", "备注", "决策", "注入指令"}


@pytest.fixture
def finished(store: Store) -> str:
    """A simulated forest-fire drill run to its end, with an observation."""
    session = new_session(store)
    run_through(session)
    observe(store, session.id, "网格长接警迅速，处置有序", step="notify_grid", rating=5,
            observer="观察员甲")
    return session.id


def test_targets_and_stages_planned_against_actual(store: Store, finished: str) -> None:
    """Each target row matches the engine's own check; stages follow the lifecycle."""
    data = evaluate(store, finished)
    checked = {e.get("step"): e for e in entries(store, finished)
               if e.kind in ("target_met", "target_missed")}
    assert data.targets and len(data.targets) == len(checked)
    for row in data.targets:
        assert row.planned is not None and row.within > 0
    met = [row.met for row in data.targets]
    assert met == [e.kind == "target_met" for e in checked.values()]
    assert [s.stage for s in data.stages] == [
        s for s in ("上报", "受理", "转办", "处置", "反馈") if s in {x.stage for x in data.stages}]
    assert all(s.planned is not None for s in data.stages)


def test_people_rates_and_names_are_for_people(store: Store, finished: str) -> None:
    """Rates overall then per board or village; participants by name; no raw ids shown."""
    data = evaluate(store, finished)
    overall, *groups = data.rates
    assert overall.group == "全部" and overall.called == sum(g.called for g in groups)
    assert overall.acknowledged <= overall.called
    assert {g.group for g in groups} & {"胜地社区", "基层治理指挥中心", "经济发展"}
    assert len(data.participants) == overall.called
    assert all(p.outcome in {"到场", "确认未到场", "无法响应", "未应答", "无法到达"}
               for p in data.participants)
    assert not any(re.fullmatch(r"[TVW]\d{3}", p.name) for p in data.participants)
    assert {row.kind for row in data.timeline} <= KINDS_ZH
    assert not any(re.fullmatch(r"[TVW]\d{3}", row.subject) for row in data.timeline)
    assert len(data.timeline) == load_drill(store, finished).entries
    assert any(row.human for row in data.timeline)


def test_report_sections_are_filled(store: Store, finished: str) -> None:
    """Purpose, objectives, critical path, Gantt, curve, findings, marker, plan hash."""
    data = evaluate(store, finished)
    drill = load_drill(store, finished)
    assert data.marker == "演练 DRILL" and data.drill_id == finished
    assert data.drill_type.startswith("模拟演练（单项）") and "HSEEP" in data.drill_type
    assert data.plan_sha256 == drill.plan_sha256 and not data.plan_changed
    assert data.objectives and data.level == "Ⅳ级（一般）" and data.place == "胜地社区"
    assert data.critical_path[0] == "接收烟火预警并推送农业服务中心"
    assert len(data.gantt) >= len(data.critical_path)
    assert data.curve[-1].acknowledged == data.rates[0].acknowledged
    assert [i.kind for i in data.injects] == ["情况通报", "道路中断", "指定研判结果"]
    assert data.strengths and data.problems
    assert any("观察员评价" in s for s in data.strengths)
    assert all(re.search(r"[\u4e00-\u9fff]", s) for s in (*data.strengths, *data.problems))
    english = evaluate(store, finished, lang="en")
    assert english.level == "level IV (general)" and english.rates[0].group == "overall"
    assert not any(re.search(r"[\u4e00-\u9fff]", row.kind) for row in english.timeline)


def test_a_changed_plan_file_is_reported_and_the_copy_used(store: Store,
                                                         tmp_path: Path) -> None:
    """After the plan file changes, the report says so and keeps the drilled targets."""
    plan_file = scratch_plan(tmp_path)
    session = new_session(store, plan=str(plan_file))
    run_through(session)
    before = evaluate(store, session.id)
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("within: 5m", "within: 9m"), encoding="utf-8")
    after = evaluate(store, session.id)
    assert not before.plan_changed and after.plan_changed
    assert [t.within for t in after.targets] == [t.within for t in before.targets]
    assert 300.0 in [t.within for t in after.targets]


def test_trend_and_comparison_over_drills_of_one_plan(store: Store) -> None:
    """Three drills of the plan: the third's report trends all three; compare prints
    each target per drill with its trend; other plans and real responses are refused."""
    ids = []
    for seed in (1, 2, 3):
        session = new_session(store, seed=seed)
        run_through(session)
        ids.append(session.id)
    data = evaluate(store, ids[-1])
    assert len(data.trend) == 3
    assert set(data.trend[0].values) == {t.target for t in data.targets}
    table = render_comparison(compare(store, ids))
    assert table.startswith("【演练 DRILL】") and "1分钟响应" in table
    assert all(i in table for i in ids)
    real = new_session(store, drill=False)
    with pytest.raises(DrillError, match="real responses"):
        compare(store, [ids[0], real.id])
    other = new_session(store, plan="flood-drought", place="光明村", scenario=None)
    with pytest.raises(DrillError, match="different plans"):
        compare(store, [ids[0], other.id])


def test_corrective_actions_and_what_a_revision_closes(store: Store, finished: str) -> None:
    """Actions show in the report by step title; a plan revision that changes a step
    lists the actions linked to it."""
    add_action(store, finished, problem="小分队到场超时", action="小分队驻点备勤",
               owner="胜地社区", due="2026-12-31", step="squad_move")
    add_action(store, finished, problem="首报格式不统一", action="统一模板", owner="党政办")
    data = evaluate(store, finished)
    assert [(a.step, a.status) for a in data.actions] == [
        ("小分队携扑火机具赶赴现场", "未开始"), ("", "未开始")]
    drill = load_drill(store, finished)
    old = plan_of(drill)
    revised = drill.plan_source.decode("utf-8").replace(
        "  squad_move:\n    title: 小分队携扑火机具赶赴现场",
        "  squad_move:\n    title: 小分队（驻点备勤）携扑火机具赶赴现场")
    new = load_plan_text(revised).plan
    assert new is not None
    closed = revision_closes(actions(store, finished), old, new)
    assert [a.problem for a in closed] == ["小分队到场超时"]


def test_a_tabletop_drill_is_evaluated_from_what_people_logged(store: Store) -> None:
    """No simulated people: the scenario clock delivers injects; the operator's typed
    entries give the step times, targets and who answered."""
    session = new_session(store, form="tabletop")
    status = session.run(None, step=30.0, until=600.0)
    assert status.value == "running"
    recorded = entries(store, session.id)
    assert [e.subject for e in recorded if e.kind == "inject_applied"] == [
        "note", "close_road", "force_branch"]
    assert not any(e.kind == "notified" for e in recorded)
    for kind, subject, at in (
            ("step_started", "alert", "14:00"), ("step_finished", "alert", "14:00"),
            ("step_started", "accept", "14:00"), ("step_finished", "accept", "14:00"),
            ("step_started", "notify_grid", "14:00"), ("step_finished", "notify_grid", "14:01"),
            ("acknowledged", "唐艳", "14:01"), ("arrived", "唐艳", "14:01"),
            ("step_started", "squad_callout", "14:01"),
            ("step_finished", "squad_callout", "14:02")):
        log_entry(store, session.id, kind=kind, subject=subject, at=at)
    data = evaluate(store, session.id)
    assert data.drill_type.startswith("桌面推演")
    rows = {t.target: t for t in data.targets}
    assert rows["3分钟调度"].actual == 120.0 and rows["3分钟调度"].met
    assert [p.name for p in data.participants] == ["唐艳"]
    assert data.participants[0].outcome == "到场"
