"""The engine, on a small plan whose every event time can be checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from console.plans import Level, load_plan_text
from console.plans.model import Plan
from console.plans.vocabulary import Channel, Unit
from console.roster.model import Availability, Person, Roster, Village
from console.roster.resolve import Incident
from console.roster.roads import Conditions
from console.simulation.activation import Activation
from console.simulation.behaviour import Behaviour, ChannelModel, Tri
from console.simulation.engine import Run
from console.simulation.events import EventKind
from console.simulation.injects import Inject, InjectKind

PLAN = """\
format: 1
id: drill
title: 演练
hazard: forest_fire
version: "1"
status: draft
owner: 测试
levels:
  IV: {name: 一般, color: blue, trigger: a}
  III: {name: 较大, color: yellow, trigger: b}
  II: {name: 重大, color: orange, trigger: c}
  I: {name: 特别重大, color: red, trigger: d}
targets:
  arrive: {within: 5m, from: call}
  close_loop: 10m
roles:
  boss: {title: 指挥长, from: {unit: leadership}, command: true}
  crew: {title: 小分队, from: {village: incident, tags: [squad]},
         count: {IV: 2, III: 3, II: 3, I: 3}, ack_within: 1m, assemble_at: incident}
steps:
  a: {title: 接警, lane: town, role: boss, stage: report, duration: 30s, at: command_centre}
  call: {title: 调度, lane: town, role: boss, stage: assign, after: a, mobilises: crew}
  go: {title: 赶赴, lane: village, role: crew, after: call, travel: true, at: incident,
       duration: 5m, target: arrive}
  work: {title: 处置, lane: village, role: crew, stage: handle, after: go, duration: 2m,
         at: incident}
  decide: {title: 研判, lane: town, role: boss, after: work,
           branches: {x: {p: 0.5, next: fin_x}, y: {p: 0.5, next: fin_y}}}
  fin_x: {title: 甲, lane: grid, role: boss, stage: feedback, duration: 1m}
  fin_y: {title: 乙, lane: grid, role: boss, stage: feedback, duration: 1m, target: close_loop}
"""

WEDNESDAY_10 = dt.datetime(2026, 3, 18, 10, 0)
PHONE_ONLY = Behaviour(
    channels={Channel.PHONE: ChannelModel(30, (1.0, 0.0), (1.0, 0.0), Tri(10, 10, 10),
                                          Tri(10, 10, 10), 30)},
    p_decline=0.0, p_answer_at_post=1.0, answer_at_post=Tri(5, 5, 5),
    prepare_on_duty=Tri(60, 60, 60), prepare_off_duty_day=Tri(60, 60, 60),
    prepare_night=Tri(60, 60, 60),
)


class Table:
    """Travel from a fixed table; a pair that is not listed is unreachable."""

    def __init__(self, seconds: dict[tuple[str, str], float]) -> None:
        self.table = seconds
        self.closed: frozenset[str] = frozenset()

    def under(self, conditions: Conditions) -> Table:
        self.closed = conditions.closed
        return self

    def seconds(self, origin: str, destination: str) -> float | None:
        if origin == destination:
            return 0.0
        if origin in self.closed:
            return None
        return self.table.get((origin, destination))


def _person(pid: str, unit: Unit, tags: str, where: str, **kw: object) -> Person:
    return Person(pid, pid, "138****0000", unit, "岗位", kw.pop("village", None),  # type: ignore[arg-type]
                  frozenset(tags.split()), (), home=where, duty_location=where,
                  channels=(Channel.PHONE,), **kw)  # type: ignore[arg-type]


@pytest.fixture
def plan() -> Plan:
    loaded = load_plan_text(PLAN)
    assert loaded.plan is not None and not loaded.errors, loaded.diagnostics
    return loaded.plan


@pytest.fixture
def roster() -> Roster:
    return Roster((
        _person("B1", Unit.LEADERSHIP, "", "command_centre"),
        _person("C1", Unit.VILLAGE, "squad", "h1", village="v1"),
        _person("C2", Unit.VILLAGE, "squad", "h2", village="v1"),
        _person("C3", Unit.VILLAGE, "squad", "h3", village="v1", status=Availability.OFF_DUTY),
        _person("C4", Unit.VILLAGE, "squad", "h4", village="v1"),
    ), (Village("v1", "一村"),))


TRAVEL = {("h1", "inc"): 100, ("h2", "inc"): 200, ("h3", "inc"): 50, ("h4", "inc"): 400}


def _run(plan: Plan, roster: Roster, *, level: Level = Level.IV, injects: tuple[Inject, ...] = (),
         travel: dict[tuple[str, str], float] | None = None) -> Run:
    activation = Activation(plan, level, Incident("inc", WEDNESDAY_10, "v1"), roster, seed=1,
                            forced={"decide": "y"})
    return Run(activation, Table(travel or TRAVEL), behaviour=PHONE_ONLY, injects=injects)


def _brief(run: Run, *kinds: EventKind) -> list[tuple[float, str, str]]:
    return [(round(e.t, 6), e.kind.value, e.subject) for e in run.events
            if not kinds or e.kind in kinds]


def test_hand_checked_timeline(plan: Plan, roster: Roster) -> None:
    """Every time below follows from the fixed delays: see the comments."""
    run = _run(plan, roster)
    run.run_to_end()
    assert _brief(run) == [
        (0, "activated", "drill"),
        (0, "notified", "B1"),
        (5, "acknowledged", "B1"),          # on duty at the command centre: 5 s
        (5, "arrived", "B1"),               # already there
        (5, "step_started", "a"),
        (35, "step_finished", "a"),         # 30 s
        (35, "step_started", "call"),       # by phone: acknowledged is enough
        (35, "step_finished", "call"),      # … and it calls the crew out
        (35, "notified", "C3"),             # nearest (50 s) but off duty
        (35, "notified", "C1"),
        (35, "step_started", "go"),
        (45, "acknowledged", "C1"),         # phone answered after 10 s
        (65, "no_answer", "C3"),            # 30 s of ringing
        (95, "escalated", "crew"),          # ack_within 1m after the call: one short
        (95, "notified", "C2"),
        (105, "departed", "C1"),            # 60 s to get ready
        (105, "acknowledged", "C2"),
        (165, "departed", "C2"),
        (205, "arrived", "C1"),             # 100 s on the road
        (365, "arrived", "C2"),             # 200 s on the road
        (365, "step_finished", "go"),       # travel step: done when both are there
        (365, "target_missed", "arrive"),   # 330 s after the call > 300 s
        (365, "step_started", "work"),
        (485, "step_finished", "work"),
        (485, "step_started", "decide"),
        (485, "step_finished", "decide"),
        (485, "branch_taken", "decide"),    # forced: y
        (485, "step_skipped", "fin_x"),
        (485, "step_started", "fin_y"),
        (545, "step_finished", "fin_y"),
        (545, "target_met", "close_loop"),
        (545, "ended", "drill"),
    ]
    missed = run.events[21]
    assert missed.get("actual") == 330 and missed.get("margin") == -30
    assert run.end_reason == "complete"


def test_same_seed_same_stream_whatever_the_stepping(plan: Plan, roster: Roster) -> None:
    """Running to the end, or in 7-second slices as a GUI timer would, gives one stream."""
    whole = _run(plan, roster)
    whole.run_to_end()
    sliced = _run(plan, roster)
    t = 0.0
    while not sliced.ended:
        t += 7
        sliced.run_until(t)
    assert [e.as_dict() for e in sliced.events] == [e.as_dict() for e in whole.events]


def test_unreachable_person_escalates(plan: Plan, roster: Roster) -> None:
    """A road closure cuts C1 off: reported unreachable, and the role calls the next one."""
    run = _run(plan, roster, injects=(Inject(40, InjectKind.CLOSE_ROAD, (("segment", "h1"),)),))
    run.run_to_end()
    brief = _brief(run, EventKind.UNREACHABLE, EventKind.ESCALATED, EventKind.INJECT_APPLIED)
    # C1 acknowledges at 45 s and is found cut off at once; at the 95 s deadline
    # nobody is on the way, so both missing places are called again (C2, C4).
    assert brief == [(40, "inject_applied", "close_road"), (45, "unreachable", "C1"),
                     (95, "escalated", "crew")]
    escalated = next(e for e in run.events if e.kind is EventKind.ESCALATED)
    assert escalated.get("short") == 2 and escalated.get("called") == 2
    arrived = [e.subject for e in run.events if e.kind is EventKind.ARRIVED]
    assert arrived == ["B1", "C2", "C4"]


def test_raising_the_level_calls_more_people(plan: Plan, roster: Roster) -> None:
    """At 100 s the level goes to Ⅲ: the crew needs 3, so one more is called at once."""
    run = _run(plan, roster, injects=(Inject(100, InjectKind.SET_LEVEL, (("level", "III"),)),))
    run.run_to_end()
    changed = [e for e in run.events if e.kind is EventKind.LEVEL_CHANGED]
    assert [(e.t, e.get("old"), e.get("new")) for e in changed] == [(100, "IV", "III")]
    notified_at_100 = [e.subject for e in run.events
                       if e.kind is EventKind.NOTIFIED and e.t == 100]
    assert notified_at_100 == ["C4"]
    go = next(e for e in run.events if e.kind is EventKind.STEP_FINISHED and e.subject == "go")
    assert go.get("people") == 3


def test_stand_down_ends_the_run(plan: Plan, roster: Roster) -> None:
    """A false alarm declared at 60 s ends everything there and then."""
    run = _run(plan, roster, injects=(Inject(60, InjectKind.STAND_DOWN, message="误报"),))
    run.run_to_end()
    assert _brief(run)[-1] == (60, "ended", "drill")
    assert run.end_reason == "stand_down"


def test_person_withdrawn_while_travelling(plan: Plan, roster: Roster) -> None:
    """C1 becomes unavailable on the way: declined, and the crew escalates to C4."""
    run = _run(plan, roster, injects=(Inject(150, InjectKind.PERSON_UNAVAILABLE,
                                             (("person", "C1"),)),))
    run.run_to_end()
    declined = [(e.t, e.subject, e.get("reason")) for e in run.events
                if e.kind is EventKind.DECLINED]
    assert declined == [(150, "C1", "unavailable")]
    arrived = [e.subject for e in run.events if e.kind is EventKind.ARRIVED]
    assert "C4" in arrived and "C1" not in arrived


def test_live_inject_forces_a_branch(plan: Plan, roster: Roster) -> None:
    """An operator forces outcome x while the run is live; the other branch is skipped."""
    run = _run(plan, roster)
    run.run_until(400)
    run.apply(Inject(run.now, InjectKind.FORCE_BRANCH, (("step", "decide"), ("outcome", "x"))))
    run.run_to_end()
    taken = next(e for e in run.events if e.kind is EventKind.BRANCH_TAKEN)
    assert taken.get("outcome") == "x" and taken.get("forced") is True
    skipped = [e.subject for e in run.events if e.kind is EventKind.STEP_SKIPPED]
    assert skipped == ["fin_y"]


def test_state_shows_who_is_where(plan: Plan, roster: Roster) -> None:
    """At 150 s: C1 is on the road, C2 getting ready, C3 failed; 'go' is running."""
    run = _run(plan, roster)
    run.run_until(150)
    state = run.state()
    assert state.t == 150 and not state.ended and state.level == "IV"
    people = {p.person: p.state for p in state.people}
    assert people == {"B1": "arrived", "C1": "travelling", "C2": "travelling",
                      "C3": "failed"}
    crew = next(r for r in state.roles if r.role == "crew")
    assert (crew.needed, crew.called, crew.acknowledged, crew.arrived) == (2, 3, 2, 0)
    assert state.running == ("go",)
    assert state.targets == ()


def test_waves_call_people_in_groups(plan: Plan, roster: Roster) -> None:
    """A role called in waves of 1 every 20 s: the second call goes out 20 s after the first."""
    waves = plan.model_copy(update={"roles": {
        **plan.roles,
        "crew": plan.roles["crew"].model_copy(update={"callout": plan.roles["crew"].callout
                                                      .model_copy(update={
                                                          "mode": "waves", "wave_size": 1,
                                                          "wave_every": 20.0})}),
    }})
    run = _run(waves, roster)
    run.run_to_end()
    crew_calls = [(e.t, e.subject) for e in run.events
                  if e.kind is EventKind.NOTIFIED and e.get("role") == "crew"]
    assert crew_calls[:2] == [(35, "C3"), (55, "C1")]


def test_weather_and_reopened_roads_change_later_trips(plan: Plan, roster: Roster) -> None:
    """Injects of every other kind are applied at their time and recorded."""
    injects = (Inject(10, InjectKind.WEATHER, (("rain", "heavy"),), message="暴雨"),
               Inject(20, InjectKind.CLOSE_ROAD, (("segment", "h2"),)),
               Inject(30, InjectKind.OPEN_ROAD, (("segment", "h2"),)),
               Inject(40, InjectKind.NOTE, message="现场通报"))
    run = _run(plan, roster, injects=injects)
    run.run_to_end()
    applied = [(e.t, e.subject, e.get("message")) for e in run.events
               if e.kind is EventKind.INJECT_APPLIED]
    assert applied == [(10, "weather", "暴雨"), (20, "close_road", ""), (30, "open_road", ""),
                       (40, "note", "现场通报")]
    assert run.conditions.rain == "heavy" and run.conditions.closed == frozenset()
    assert run.end_reason == "complete"


def test_summary_sets_planned_beside_actual(plan: Plan, roster: Roster) -> None:
    """Planned times come from the plan's schedule (no travel, no calls); actual from events."""
    from console.simulation.summary import summarise

    run = _run(plan, roster)
    run.run_to_end()
    summary = summarise(plan, run.events, roster)
    work = summary.steps["work"]
    assert (work.planned_start, work.planned_finish) == (330.0, 450.0)  # 30 s + 5 m est.
    assert (work.start, work.finish) == (365.0, 485.0)
    assert summary.steps["fin_x"].planned_start is None  # the branch not taken
    assert summary.critical_path == ("a", "call", "go", "work", "decide", "fin_y")
