"""Saving and loading the roster, and the history of roster imports."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, delete, select

from console.roster.model import Roster
from console.store.roster_rows import ROSTER_ID, RosterRows, roster_from_rows, roster_to_rows
from console.store.store import Store
from console.store.tables import (
    GridRow,
    ImportRow,
    PersonGridRow,
    PersonRow,
    PersonTagRow,
    RosterInfoRow,
    ShiftRow,
    VillageRow,
)

__all__ = ["ImportRecord", "ImportSource", "import_history", "load_roster", "save_roster"]

# Children before parents, so deleting never trips a foreign key.
_ROSTER_TABLES = (PersonTagRow, PersonGridRow, ShiftRow, PersonRow, GridRow, VillageRow,
                  RosterInfoRow)


@dataclass(frozen=True, slots=True)
class ImportSource:
    """The file a roster came from: its name and the SHA-256 of its bytes."""

    file_name: str
    sha256: str

    @classmethod
    def from_bytes(cls, file_name: str, data: bytes) -> ImportSource:
        return cls(file_name, hashlib.sha256(data).hexdigest())

    @classmethod
    def from_file(cls, path: Path) -> ImportSource:
        return cls.from_bytes(path.name, path.read_bytes())


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One roster import. ``added``/``changed``/``removed`` count people (by id) compared
    with the roster saved before; ``people`` is how many the new roster holds."""

    id: int
    file_name: str
    sha256: str
    imported_by: str
    imported_at: dt.datetime  # aware, UTC
    people: int
    added: int
    changed: int
    removed: int


def save_roster(
    store: Store, roster: Roster, *, source: ImportSource | Path, imported_by: str | None = None,
) -> ImportRecord:
    """Replace the saved roster with ``roster`` and record the import, in one transaction:
    afterwards either both happened or neither did. ``imported_by`` defaults to the
    operating-system user."""
    origin = source if isinstance(source, ImportSource) else ImportSource.from_file(source)
    now = dt.datetime.now(dt.UTC)
    rows = roster_to_rows(roster, saved_at=now)  # refuses a bad roster before any write
    with store.write() as session:
        before = _load(session)
        old = dict(before.by_id) if before is not None else {}
        new = roster.by_id
        for table in _ROSTER_TABLES:
            session.exec(delete(table))
        session.add(rows.info)
        session.add_all([*rows.villages, *rows.grids, *rows.people])
        session.flush()  # people exist before the rows that refer to them
        session.add_all([*rows.tags, *rows.person_grids, *rows.shifts])
        entry = ImportRow(
            file_name=origin.file_name, sha256=origin.sha256,
            imported_by=imported_by or current_user(), imported_at=now, people=len(new),
            added=sum(1 for pid in new if pid not in old),
            changed=sum(1 for pid, person in new.items() if pid in old and old[pid] != person),
            removed=sum(1 for pid in old if pid not in new),
        )
        session.add(entry)
        session.flush()
        return _record(entry)


def load_roster(store: Store) -> Roster | None:
    """The saved roster, exactly as it was saved; None if no roster was ever saved."""
    with store.read() as session:
        return _load(session)


def import_history(store: Store) -> list[ImportRecord]:
    """Every roster import, oldest first."""
    with store.read() as session:
        rows = session.exec(select(ImportRow).order_by(col(ImportRow.id))).all()
        return [_record(row) for row in rows]


def current_user() -> str:
    """The operating-system user name, or "unknown" where it cannot be told."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def _load(session: Session) -> Roster | None:
    info = session.get(RosterInfoRow, ROSTER_ID)
    if info is None:
        return None
    return roster_from_rows(RosterRows(
        info=info,
        villages=session.exec(select(VillageRow)).all(),
        grids=session.exec(select(GridRow)).all(),
        people=session.exec(select(PersonRow)).all(),
        tags=session.exec(select(PersonTagRow)).all(),
        person_grids=session.exec(select(PersonGridRow)).all(),
        shifts=session.exec(select(ShiftRow)).all(),
    ))


def _record(row: ImportRow) -> ImportRecord:
    assert row.id is not None
    return ImportRecord(
        id=row.id, file_name=row.file_name, sha256=row.sha256, imported_by=row.imported_by,
        imported_at=row.imported_at, people=row.people, added=row.added, changed=row.changed,
        removed=row.removed,
    )
