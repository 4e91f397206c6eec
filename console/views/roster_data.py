"""Qt-free: what the roster view reads from and writes to, run on worker threads.

The roster in use is the one in the store — the same store and the same functions as
``python -m console roster import --apply`` (``db``, else ``$CONSOLE_DB_URL``, else the
SQLite file in the user data folder) — or, until a roster was saved there, the demo
roster. An import is previewed against the roster in the store at that moment and
applied with ``console.store.save_roster``, which records it in the import history.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from console.roster.demo import DEMO_ROTA_TITLE, DEMO_TITLE, load_demo_roster
from console.roster.model import Person, Roster
from console.roster.roster_import import (
    RosterDiff,
    RosterImport,
    ShiftDiff,
    diff_people,
    diff_shifts,
    import_roster,
    import_rota,
)
from console.roster.table_columns import Lang
from console.roster.table_rows import Problem
from console.roster.table_write import write_people, write_shifts
from console.store import ImportRecord, import_history, load_roster, open_store, save_roster

__all__ = ["DEMO_ROTA_PROBLEM", "History", "ImportKind", "ImportPreview", "RosterChanged",
           "RosterInUse", "apply_import", "export_people", "export_rota", "load_history",
           "load_in_use", "preview_import"]

ImportKind = Literal["roster", "rota"]


@dataclass(frozen=True)
class RosterInUse:
    """The roster shown, the database it is kept in, the import that saved it (None for
    the demo roster, which is never saved)."""

    roster: Roster
    database: str
    last: ImportRecord | None = None

    @property
    def demo(self) -> bool:
        return self.roster.demo


@dataclass(frozen=True)
class ImportPreview:
    """A file read over the roster in use: the new roster (or the problems) and what
    would change. ``kind`` "roster": people (with ``rota`` if given); "rota": a duty rota
    (值班表) for the people in use."""

    kind: ImportKind
    path: str
    rota: str | None
    base: RosterInUse
    result: RosterImport
    people: RosterDiff | None
    shifts: ShiftDiff | None

    @property
    def can_apply(self) -> bool:
        return self.result.roster is not None

    @property
    def files(self) -> list[str]:
        return [self.path] + ([self.rota] if self.rota else [])


class RosterChanged(Exception):
    """The store's roster is no longer the one an import was previewed against (another
    import, perhaps from the command line, came in between)."""


@dataclass(frozen=True)
class History:
    """Every roster import in the store, oldest first, and where the store is."""

    database: str
    records: tuple[ImportRecord, ...]


def load_in_use(db: str | None = None) -> RosterInUse:
    """The store's roster with its last import, else the demo roster. Raises StoreError."""
    with open_store(db) as store:
        stored = load_roster(store)
        location = store.location
        if stored is None:
            return RosterInUse(load_demo_roster(), location)
        history = import_history(store)
    return RosterInUse(stored, location, history[-1] if history else None)


#: The problem of a rota imported while the demo roster is in use (its people are
#: fictitious; a rota belongs to the township's own roster).
DEMO_ROTA_PROBLEM = ("the roster in use is the demo roster: import the township's roster "
                     "first, then its duty rota")


def preview_import(kind: ImportKind, path: str, db: str | None = None, *,
                   rota: str | None = None) -> ImportPreview:
    """Read ``path`` (people, or a duty rota) over the roster in use and compare."""
    base = load_in_use(db)
    if kind == "rota":
        if base.demo:
            result = RosterImport((Problem(path, None, None, DEMO_ROTA_PROBLEM),))
        else:
            result = import_rota(path, base.roster)
    else:
        result = import_roster(path, base.roster, rota=rota)
    new = result.roster
    people = diff_people(base.roster.people, new.people) if new is not None else None
    shifts = diff_shifts(base.roster.shifts, new.shifts) if new is not None else None
    return ImportPreview(kind, path, rota, base, result, people, shifts)


def apply_import(preview: ImportPreview, db: str | None = None,
                 imported_by: str | None = None) -> ImportRecord:
    """Save the previewed roster as the roster in use and record the import (one
    transaction), as ``roster import --apply`` does. Raises ValueError for a file with
    errors: nothing is ever half-imported. Raises RosterChanged when the store's roster
    is no longer the one the preview compared with."""
    roster = preview.result.roster
    if roster is None:
        raise ValueError(f"{preview.path} has errors; nothing imported")
    with open_store(db) as store:
        if (load_roster(store) or load_demo_roster()) != preview.base.roster:
            raise RosterChanged(f"the roster in use changed since {preview.path} was "
                                "previewed; nothing imported: preview it again")
        return save_roster(store, roster, source=Path(preview.path), imported_by=imported_by)


def load_history(db: str | None = None) -> History:
    with open_store(db) as store:
        return History(store.location, tuple(import_history(store)))


def export_people(path: str | os.PathLike[str], roster: Roster,
                  people: Sequence[Person] | None = None, *, lang: Lang = "zh") -> str:
    """Write ``people`` (default: everyone) of ``roster`` with headers in ``lang``; the
    demo roster gets its 演示数据 title row. Atomic; the format import reads back."""
    chosen = roster if people is None else dataclasses.replace(roster, people=tuple(people))
    write_people(path, chosen, lang=lang, title=DEMO_TITLE if roster.demo else None)
    return os.fspath(path)


def export_rota(path: str | os.PathLike[str], roster: Roster, *, lang: Lang = "zh") -> str:
    """Write the roster's duty rota (值班表) with headers in ``lang``."""
    write_shifts(path, roster, lang=lang, title=DEMO_ROTA_TITLE if roster.demo else None)
    return os.fspath(path)
