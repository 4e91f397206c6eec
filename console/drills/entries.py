"""Human entries: what the operator logs, what observers observe, and corrective actions.

In a tabletop or live drill (and in a real response) people, not the engine, acknowledge,
arrive and act; the operator records it ("grid leader of 胜地社区 acknowledged 14:02"):
``log_entry(store, "3fa9", "胜地社区网格长确认", kind="acknowledged", subject="唐艳",
at="14:02")``. Typed entries count in the evaluation like engine events. Observations are
chained into the timeline too; corrective actions are a register whose status moves on
after the drill (open → in progress → done).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, select

from console.roster.incident import parse_when
from console.simulation.injects import Inject
from console.store import Store
from console.store.drill_tables import DrillActionRow, DrillObservationRow

from .model import Drill, DrillError, DrillStatus, Entry, Source
from .recorder import Draft, Recorder
from .records import find_drill, utc_now
from .snapshot import roster_from_json
from .world import plan_of

__all__ = [
    "ActionRecord",
    "ActionStatus",
    "HumanKind",
    "ObservationRecord",
    "actions",
    "add_action",
    "log_entry",
    "moment",
    "observations",
    "observe",
    "request_inject",
    "resolve_step",
    "resolve_subject",
    "update_action",
]

ACTION = DrillActionRow.__table__  # type: ignore[attr-defined]
OBSERVATION = DrillObservationRow.__table__  # type: ignore[attr-defined]


class HumanKind(StrEnum):
    """Kinds of entry an operator logs; the engine's kinds keep their meaning."""

    NOTE = "note"
    DECISION = "decision"
    NOTIFIED = "notified"
    ACKNOWLEDGED = "acknowledged"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    UNREACHABLE = "unreachable"
    STEP_STARTED = "step_started"
    STEP_FINISHED = "step_finished"

    @property
    def zh(self) -> str:
        """The Chinese display name."""
        return {"note": "备注", "decision": "决策", "notified": "发出通知",
                "acknowledged": "确认响应", "declined": "无法响应", "no_answer": "未接通",
                "departed": "出发", "arrived": "到达", "unreachable": "无法到达",
                "step_started": "步骤开始", "step_finished": "步骤完成"}[self.value]

    @property
    def about_step(self) -> bool:
        """The subject is a plan step."""
        return self in (HumanKind.STEP_STARTED, HumanKind.STEP_FINISHED)

    @property
    def about_person(self) -> bool:
        """The subject is a person."""
        return self in (HumanKind.NOTIFIED, HumanKind.ACKNOWLEDGED, HumanKind.DECLINED,
                        HumanKind.NO_ANSWER, HumanKind.DEPARTED, HumanKind.ARRIVED,
                        HumanKind.UNREACHABLE)


class ActionStatus(StrEnum):
    """Where a corrective action is: open → in progress → done."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    def text(self, lang: str = "zh") -> str:
        """The status as shown in a report."""
        if lang != "zh":
            return {"open": "not started", "in_progress": "in progress",
                    "done": "done"}[self.value]
        return {"open": "未开始", "in_progress": "进行中", "done": "已完成"}[self.value]


@dataclass(frozen=True)
class ObservationRecord:
    """An observation as stored (``drill_observation``)."""

    id: int
    drill_id: str
    entry_seq: int
    t: float | None
    wall: dt.datetime
    observer: str
    step: str
    rating: int | None
    text: str


@dataclass(frozen=True)
class ActionRecord:
    """A corrective action as stored (``drill_action``)."""

    id: int
    drill_id: str
    problem: str
    action: str
    owner: str
    due: dt.date | None
    status: ActionStatus
    step: str
    plan_id: str
    created_by: str
    created: dt.datetime
    updated: dt.datetime


# -- references ----------------------------------------------------------------------------


def resolve_step(drill: Drill, ref: str) -> str:
    """A plan step by id or title ("" stays ""); ``DrillError`` for an unknown one."""
    if not ref:
        return ""
    plan = plan_of(drill)
    if ref in plan.steps:
        return ref
    for sid, step in plan.steps.items():
        if ref in (step.title, step.title_en):
            return sid
    from console.plans.diagnostics import did_you_mean

    raise DrillError(f"plan {plan.id} has no step '{ref}'{did_you_mean(ref, plan.steps)}")


def resolve_subject(drill: Drill, ref: str, kind: HumanKind) -> str:
    """A person (roster id or name), step (id or title), role or target; free text stays."""
    if not ref:
        return ""
    if kind.about_step:
        return resolve_step(drill, ref)
    roster = roster_from_json(drill.roster_snapshot)
    if ref in roster.by_id:
        return ref
    named = [p.id for p in roster.people if p.name == ref]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise DrillError(f"several people are called {ref} ({', '.join(named)}): give the id")
    plan = plan_of(drill)
    if ref in plan.steps or ref in plan.roles or ref in plan.targets:
        return ref
    for sid, step in plan.steps.items():
        if ref == step.title:
            return sid
    if kind.about_person:
        raise DrillError(f"no one called '{ref}' in the drill's roster")
    return ref


def moment(drill: Drill, at: str | dt.datetime | float | None) -> float:
    """Virtual seconds for an entry: ``at`` as 14:02 / 2026-03-18 14:02 (the incident's
    day), a datetime, or seconds; None: the drill clock now."""
    if at is None:
        return _clock_now(drill)
    if isinstance(at, int | float):
        return float(at)
    if isinstance(at, str):
        try:
            at = parse_when(at, today=drill.incident_time.date())
        except ValueError as exc:
            raise DrillError(str(exc)) from None
    seconds = (at.replace(tzinfo=None) - drill.incident_time.replace(tzinfo=None)).total_seconds()
    if seconds < 0:
        raise DrillError(f"{at:%Y-%m-%d %H:%M} is before the incident "
                         f"({drill.incident_time:%Y-%m-%d %H:%M})")
    return seconds


def _clock_now(drill: Drill) -> float:
    """The drill clock now: the recorded clock, moved on by the time since the running
    session last wrote (at its speed)."""
    if drill.status is not DrillStatus.RUNNING or drill.heartbeat is None:
        return drill.clock
    from .session import parse_speed

    speed = parse_speed(drill.speed)
    if speed is None:
        return drill.clock
    return drill.clock + max(0.0, (utc_now() - drill.heartbeat).total_seconds()) * speed


# -- entries -------------------------------------------------------------------------------


def log_entry(store: Store, ref: str, text: str = "", *, kind: str = HumanKind.NOTE.value,
              subject: str = "", at: str | dt.datetime | float | None = None, author: str = "",
              data: dict[str, Any] | None = None) -> Entry:
    """Append an operator's entry (a note, a decision, a report of who did what when)."""
    try:
        human = HumanKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in HumanKind)
        raise DrillError(f"unknown entry kind '{kind}'; kinds: {kinds}") from None
    drill = find_drill(store, ref)
    if human is HumanKind.NOTE and not text.strip():
        raise DrillError("a note needs its text")
    if (human.about_person or human.about_step) and not subject:
        raise DrillError(f"a {human.value} entry needs --subject (who or which step)")
    resolved = resolve_subject(drill, subject, human)
    payload = {"text": text, **(data or {})}
    draft = Draft(moment(drill, at), human.value, resolved, payload, Source.OPERATOR.value,
                  author)
    return Recorder(store, drill.id).append([draft])[0]


def request_inject(store: Store, ref: str, inject: Inject, *, author: str = "") -> Entry:
    """Ask the session running drill ``ref`` (maybe in another process or on another
    desktop) to apply ``inject`` now. The request is checked against the drill's plan,
    roster and map, and recorded; the session applies it at its next look (within about
    half a second), or when the drill is resumed."""
    from console.simulation.scenario import Scenario, check_scenario

    from .resume import REQUEST_KIND
    from .snapshot import inject_to_json
    from .world import world_of

    drill = find_drill(store, ref)
    if drill.status.closed:
        raise DrillError(f"drill {drill.id} is {drill.status.value}: no more injects")
    world = world_of(drill)
    problems = check_scenario(Scenario("", (inject,)), world.plan, world.roster, world.town)
    if problems:
        raise DrillError("; ".join(p.split(": ", 1)[-1] for p in problems))
    draft = Draft(moment(drill, None), REQUEST_KIND, inject.kind.value,
                  {"inject": inject_to_json(inject), "message": inject.message},
                  Source.OPERATOR.value, author)
    return Recorder(store, drill.id).append([draft])[0]


def observe(store: Store, ref: str, text: str, *, step: str = "", rating: int | None = None,
            observer: str = "", at: str | dt.datetime | float | None = None) -> Entry:
    """Record an observer's observation (chained in the timeline, and in its table)."""
    drill = find_drill(store, ref)
    if rating is not None and not 1 <= rating <= 5:
        raise DrillError("a rating is 1 (poor) to 5 (excellent)")
    if not text.strip():
        raise DrillError("an observation needs its text")
    sid = resolve_step(drill, step)
    t = moment(drill, at)
    draft = Draft(t, "observation", sid, {"text": text, "rating": rating, "observer": observer},
                  Source.OBSERVER.value, observer)

    def keep(conn: Connection, recorded: list[Entry]) -> None:
        entry = recorded[0]
        conn.execute(OBSERVATION.insert().values(
            drill_id=drill.id, entry_seq=entry.seq, t=t, wall=entry.wall, observer=observer,
            step=sid, rating=rating, text=text))

    return Recorder(store, drill.id).append([draft], then=keep)[0]


def observations(store: Store, ref: str) -> list[ObservationRecord]:
    """A drill's observations, in the order they were made."""
    drill = find_drill(store, ref)
    with store.read() as session:
        rows = session.connection().execute(
            select(OBSERVATION).where(OBSERVATION.c.drill_id == drill.id)
            .order_by(OBSERVATION.c.entry_seq)).all()
    return [ObservationRecord(**r._mapping) for r in rows]


# -- corrective actions ---------------------------------------------------------------------


def _due(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise DrillError(f"due date '{value}' is not a date like 2026-12-31") from None


def _status(value: str) -> ActionStatus:
    try:
        return ActionStatus(value)
    except ValueError:
        raise DrillError(f"status '{value}' is not open, in_progress or done") from None


def add_action(store: Store, ref: str, *, problem: str, action: str, owner: str,
               due: str | dt.date | None = None, step: str = "", status: str = "open",
               author: str = "") -> ActionRecord:
    """Add a corrective action (整改措施) to a drill, linked to a plan step."""
    drill = find_drill(store, ref)
    if not problem.strip() or not action.strip() or not owner.strip():
        raise DrillError("a corrective action needs --problem, --action and --owner")
    now = utc_now()
    values = {"drill_id": drill.id, "problem": problem, "action": action, "owner": owner,
              "due": _due(due), "status": _status(status).value,
              "step": resolve_step(drill, step), "plan_id": drill.plan_id,
              "created_by": author, "created": now, "updated": now}
    with store.write() as session:
        key = session.connection().execute(ACTION.insert().values(**values)).inserted_primary_key
    assert key is not None
    return _action_by_id(store, int(key[0]))


def update_action(store: Store, action_id: int, *, status: str | None = None,
                  owner: str | None = None, due: str | dt.date | None = None) -> ActionRecord:
    """Move a corrective action on (its status, owner or due date)."""
    changes: dict[str, Any] = {"updated": utc_now()}
    if status is not None:
        changes["status"] = _status(status).value
    if owner is not None:
        changes["owner"] = owner
    if due is not None:
        changes["due"] = _due(due)
    with store.write() as session:
        done = session.connection().execute(
            ACTION.update().where(ACTION.c.id == action_id).values(**changes))
    if not done.rowcount:
        raise DrillError(f"no corrective action {action_id}")
    return _action_by_id(store, action_id)


def _record(row: Any) -> ActionRecord:
    m = dict(row._mapping)
    m["status"] = ActionStatus(m["status"])
    return ActionRecord(**m)


def _action_by_id(store: Store, action_id: int) -> ActionRecord:
    with store.read() as session:
        row = session.connection().execute(
            select(ACTION).where(ACTION.c.id == action_id)).one_or_none()
    if row is None:
        raise DrillError(f"no corrective action {action_id}")
    return _record(row)


def actions(store: Store, ref: str | None = None, *, plan_id: str | None = None,
            open_only: bool = False) -> list[ActionRecord]:
    """Corrective actions of one drill, of a plan's drills, or all; oldest first."""
    query = select(ACTION).order_by(ACTION.c.id)
    if ref is not None:
        query = query.where(ACTION.c.drill_id == find_drill(store, ref).id)
    if plan_id is not None:
        query = query.where(ACTION.c.plan_id == plan_id)
    if open_only:
        query = query.where(ACTION.c.status != ActionStatus.DONE.value)
    with store.read() as session:
        return [_record(r) for r in session.connection().execute(query)]
