"""Drill records in the store: create, find, list, and read timelines back.

Writes that append to a timeline go through ``console.drills.recorder``; this module
creates the drill row and reads. Every function takes an open ``Store``.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, select

from console.store import Store
from console.store.drill_tables import DrillEntryRow, DrillRow

from .model import (
    Drill,
    DrillContent,
    DrillError,
    DrillForm,
    DrillStatus,
    Entry,
    Objective,
)

__all__ = ["Follower", "drill_rows", "entries", "find_drill", "insert_drill", "iter_entries",
           "list_drills", "load_drill", "new_drill_id", "utc_now"]

DRILL: Table = DrillRow.__table__  # type: ignore[attr-defined]
ENTRY: Table = DrillEntryRow.__table__  # type: ignore[attr-defined]


def utc_now() -> dt.datetime:
    """Now, as an aware UTC datetime (what every wall-clock column holds)."""
    return dt.datetime.now(dt.UTC)


def new_drill_id() -> str:
    """A short random id (8 hex digits), typed in CLI commands; a unique prefix will do."""
    return secrets.token_hex(4)


def insert_drill(store: Store, values: dict[str, Any]) -> Drill:
    """Create the drill row (status ``planned``, empty timeline) in one transaction."""
    now = utc_now()
    row = {"status": DrillStatus.PLANNED.value, "status_reason": "", "clock": 0.0,
           "entries": 0, "head_hash": "", "holder": "", "heartbeat": None,
           "created": now, "updated": now, "started": None, "finished": None, **values}
    with store.write() as session:
        session.connection().execute(DRILL.insert().values(**row))
    return load_drill(store, row["id"])


def _drill(row: Any) -> Drill:
    return Drill(
        id=row.id, name=row.name, drill=bool(row.drill), form=DrillForm(row.form),
        content=DrillContent(row.content), purpose=row.purpose,
        objectives=tuple(Objective.from_json(o) for o in row.objectives or ()),
        participants=tuple(row.participants or ()), plan_id=row.plan_id,
        plan_version=row.plan_version, plan_title=row.plan_title, plan_sha256=row.plan_sha256,
        plan_path=row.plan_path, plan_source=bytes(row.plan_source), level=row.level,
        place=row.place, village=row.village, grid=row.grid,
        incident_time=dt.datetime.fromisoformat(row.incident_time), weather=row.weather,
        closed=tuple(row.closed or ()), forced=dict(row.forced or {}),
        roster_snapshot=row.roster_snapshot, roster_demo=bool(row.roster_demo),
        map_name=row.map_name, map_source=row.map_source, scenario_title=row.scenario_title,
        scenario_path=row.scenario_path, scenario_source=row.scenario_source,
        injects=tuple(row.injects or ()), seed=int(row.seed), speed=row.speed,
        status=DrillStatus(row.status), status_reason=row.status_reason,
        clock=float(row.clock), entries=int(row.entries), head_hash=row.head_hash,
        holder=row.holder, heartbeat=row.heartbeat, created_by=row.created_by,
        created=row.created, updated=row.updated, started=row.started, finished=row.finished,
    )


def load_drill(store: Store, drill_id: str) -> Drill:
    """The drill with this exact id; ``DrillError`` if there is none."""
    with store.read() as session:
        row = session.connection().execute(
            select(DRILL).where(DRILL.c.id == drill_id)).one_or_none()
    if row is None:
        raise DrillError(f"no drill '{drill_id}' in {store.location}")
    return _drill(row)


def find_drill(store: Store, ref: str) -> Drill:
    """A drill by its id or a unique prefix of it (at least 3 characters)."""
    ref = ref.strip()
    if not ref:
        raise DrillError("no drill id given")
    with store.read() as session:
        conn = session.connection()
        exact = conn.execute(select(DRILL.c.id).where(DRILL.c.id == ref)).first()
        if exact is not None:
            ids = [exact[0]]
        elif len(ref) >= 3:
            pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            ids = [r[0] for r in conn.execute(
                select(DRILL.c.id).where(DRILL.c.id.like(pattern, escape="\\")).limit(5))]
        else:
            ids = []
    if not ids:
        raise DrillError(f"no drill '{ref}' in {store.location} (python -m console drill list)")
    if len(ids) > 1:
        raise DrillError(f"'{ref}' matches several drills ({', '.join(sorted(ids))}); "
                         "give more of the id")
    return load_drill(store, ids[0])


#: The drill row's big copies, left out of a light listing.
_COPIES = ("plan_source", "roster_snapshot", "map_source", "scenario_source")


def list_drills(store: Store, *, plan_id: str | None = None, drills_only: bool = False,
                real_only: bool = False, light: bool = False) -> list[Drill]:
    """Drill records, oldest first; ``drills_only``/``real_only`` keep exercises and real
    responses apart. ``light`` leaves the copies (plan, roster, map, scenario) empty:
    enough to list drills, not to replay or evaluate them."""
    columns = [c for c in DRILL.c if not (light and c.name in _COPIES)]
    query = select(*columns).order_by(DRILL.c.created, DRILL.c.id)
    if plan_id is not None:
        query = query.where(DRILL.c.plan_id == plan_id)
    if drills_only:
        query = query.where(DRILL.c.drill.is_(True))
    if real_only:
        query = query.where(DRILL.c.drill.is_(False))
    empty = {"plan_source": b"", "roster_snapshot": "", "map_source": "", "scenario_source": ""}
    with store.read() as session:
        rows = session.connection().execute(query).all()
    if not light:
        return [_drill(row) for row in rows]
    return [_drill(SimpleNamespace(**{**empty, **row._mapping})) for row in rows]


def drill_rows(store: Store, drill_id: str) -> Iterator[SimpleNamespace]:
    """The raw entry rows of a timeline, in seq order (for verification)."""
    with store.read() as session:
        for row in session.connection().execute(
                select(ENTRY).where(ENTRY.c.drill_id == drill_id).order_by(ENTRY.c.seq)):
            yield SimpleNamespace(**row._mapping)


def _entry(row: Any) -> Entry:
    m = row._mapping  # (``Row.t`` is SQLAlchemy's own attribute, not the column)
    try:
        data = json.loads(m["data"])
    except ValueError:
        data = {"unreadable": m["data"]}
    return Entry(m["seq"], float(m["t"]), m["wall"], m["kind"], m["subject"],
                 data if isinstance(data, dict) else {"value": data}, m["data"], m["source"],
                 m["author"], m["hash"])


def iter_entries(store: Store, drill_id: str, *, after: int = -1,
                 kind: str | None = None) -> Iterator[Entry]:
    """Timeline entries with seq greater than ``after`` (of one ``kind``), in seq order."""
    query = select(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq > after)
    if kind is not None:
        query = query.where(ENTRY.c.kind == kind)
    with store.read() as session:
        for row in session.connection().execute(query.order_by(ENTRY.c.seq)):
            yield _entry(row)


def entries(store: Store, drill_id: str, *, after: int = -1,
            kind: str | None = None) -> list[Entry]:
    """Timeline entries with seq greater than ``after`` (a seat catching up), in order."""
    return list(iter_entries(store, drill_id, after=after, kind=kind))


class Follower:
    """A seat following a drill's timeline: each ``poll`` returns the entries recorded
    since the last one it saw, so a seat that lost its connection (or restarted with
    ``after=`` its last seq) catches up without missing or repeating an entry."""

    def __init__(self, store: Store, drill_id: str, *, after: int = -1) -> None:
        self.store = store
        self.drill_id = drill_id
        self.last = after

    def poll(self) -> list[Entry]:
        """New entries, in order (``StoreError`` if the store cannot be read now)."""
        new = entries(self.store, self.drill_id, after=self.last)
        if new:
            self.last = new[-1].seq
        return new
