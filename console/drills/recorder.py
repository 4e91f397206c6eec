"""Appending to a drill's timeline: one short transaction per batch, hash-chained.

``Recorder.append`` reads the chain's length and head from the drill row inside the write
transaction (writers queue: ``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
PostgreSQL), numbers and hashes the new entries after it, inserts them and moves the
drill row's count, head, clock and status on — all or nothing. Several seats can append
to one drill; none can number an entry twice (``(drill_id, seq)`` is the primary key).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from console.simulation.events import TimelineEvent
from console.store import Store

from .chain import GENESIS, canonical, canonical_data, link
from .model import TRANSITIONS, DrillError, DrillStatus, Entry, Source
from .records import DRILL, ENTRY, utc_now

__all__ = ["Draft", "Recorder", "draft_of", "holder_id"]

#: Called inside the append transaction with the connection and the new entries.
Then = Callable[[Connection, list[Entry]], None]


@dataclass(frozen=True)
class Draft:
    """An entry not yet recorded: it gets its seq, hash (and wall time, if none) on append."""

    t: float
    kind: str
    subject: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)
    source: str = Source.ENGINE.value
    author: str = ""
    wall: dt.datetime | None = None
    data_text: str = ""  # canonical JSON of ``data``; computed when empty

    def text(self) -> str:
        """The canonical JSON of the data."""
        return self.data_text or canonical_data(dict(self.data))


def draft_of(event: TimelineEvent, wall: dt.datetime | None = None) -> Draft:
    """An engine event as a draft entry."""
    data = dict(event.data)
    return Draft(event.t, event.kind.value, event.subject, data, Source.ENGINE.value, "",
                 wall, canonical_data(data))


def holder_id() -> str:
    """This process, as recorded in ``drill.holder``: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


class Recorder:
    """Appends entries to one drill's timeline."""

    def __init__(self, store: Store, drill_id: str, *, holder: str = "") -> None:
        self.store = store
        self.drill_id = drill_id
        self.holder = holder

    def append(
        self,
        drafts: Sequence[Draft],
        *,
        clock: float | None = None,
        status: DrillStatus | None = None,
        reason: str = "",
        status_source: str = Source.SYSTEM.value,
        author: str = "",
        then: Then | None = None,
    ) -> list[Entry]:
        """Record ``drafts`` (and a status change, as a ``status`` entry after them) in one
        transaction; returns the recorded entries. ``clock`` moves the drill's recorded
        virtual time on (an engine batch); ``then`` runs in the same transaction."""
        now = utc_now()
        with self.store.write() as session:
            conn = session.connection()
            row = conn.execute(
                select(DRILL.c.entries, DRILL.c.head_hash, DRILL.c.status, DRILL.c.clock,
                       DRILL.c.holder)
                .where(DRILL.c.id == self.drill_id)).one_or_none()
            if row is None:
                raise DrillError(f"no drill '{self.drill_id}' in {self.store.location}")
            if clock is not None and DrillStatus(row.status).closed and any(
                    d.source == Source.ENGINE.value for d in drafts):
                raise DrillError(f"drill {self.drill_id} was closed ({row.status}); this "
                                 "process stops recording it")
            if clock is not None and self.holder and row.holder not in ("", self.holder):
                raise DrillError(f"drill {self.drill_id} was taken over by {row.holder}; this "
                                 "process stops recording it")
            seq, previous = int(row.entries), row.head_hash or GENESIS
            current = DrillStatus(row.status)
            items = list(drafts)
            if clock is not None and float(row.clock) >= clock:
                items = self._not_yet_recorded(conn, items)
            changes: dict[str, Any] = {"updated": now}
            if status is not None and status is not current:
                if status not in TRANSITIONS[current]:
                    raise DrillError(f"drill {self.drill_id} is {current.value}: it cannot "
                                     f"become {status.value}")
                at = clock if clock is not None else float(row.clock)
                items.append(Draft(at, "status", status.value,
                                   {"status": status.value, "from": current.value,
                                    "reason": reason}, status_source, author))
                changes.update(status=status.value, status_reason=reason)
                if status is DrillStatus.RUNNING and current is DrillStatus.PLANNED:
                    changes["started"] = now
                if status.closed:
                    changes["finished"] = now
            rows: list[dict[str, Any]] = []
            recorded: list[Entry] = []
            for draft in items:
                wall = draft.wall or now
                text = draft.text()
                t = float(draft.t)
                digest = link(previous, canonical(self.drill_id, seq, t, wall, draft.kind,
                                                  draft.subject, draft.source, draft.author,
                                                  text))
                rows.append({"drill_id": self.drill_id, "seq": seq, "t": t, "wall": wall,
                             "kind": draft.kind, "subject": draft.subject, "data": text,
                             "source": draft.source, "author": draft.author, "hash": digest})
                recorded.append(Entry(seq, t, wall, draft.kind, draft.subject, dict(draft.data),
                                      text, draft.source, draft.author, digest))
                previous = digest
                seq += 1
            if rows:
                conn.execute(ENTRY.insert(), rows)
                changes.update(entries=seq, head_hash=previous)
            if clock is not None:
                changes["clock"] = max(clock, float(row.clock))  # never backwards
            if self.holder:
                changes.update(holder=self.holder, heartbeat=now)
            conn.execute(DRILL.update().where(DRILL.c.id == self.drill_id).values(**changes))
            if then is not None:
                then(conn, recorded)
        return recorded

    def release(self) -> None:
        """Say that this process no longer runs the drill (it stays open for entries)."""
        if self.holder:
            with self.store.write() as session:
                session.connection().execute(
                    DRILL.update().where(DRILL.c.id == self.drill_id,
                                         DRILL.c.holder == self.holder).values(holder=""))

    def _not_yet_recorded(self, conn: Connection, items: list[Draft]) -> list[Draft]:
        """An engine batch whose clock was already reached was committed although its
        commit reported an error (a connection lost while committing): its engine
        entries are there already and must not be appended twice."""
        engine = [d for d in items if d.source == Source.ENGINE.value]
        if not engine:
            return items
        last = conn.execute(
            select(ENTRY.c.t, ENTRY.c.kind, ENTRY.c.subject, ENTRY.c.data)
            .where(ENTRY.c.drill_id == self.drill_id, ENTRY.c.source == Source.ENGINE.value)
            .order_by(ENTRY.c.seq.desc()).limit(len(engine))).all()
        there = [(float(r._mapping["t"]), r._mapping["kind"], r._mapping["subject"],
                  r._mapping["data"]) for r in reversed(last)]
        if there != [(float(d.t), d.kind, d.subject, d.text()) for d in engine]:
            raise DrillError(f"drill {self.drill_id}: the store's timeline moved past this "
                             "batch but does not hold it; another process is running the drill")
        return [d for d in items if d.source != Source.ENGINE.value]
