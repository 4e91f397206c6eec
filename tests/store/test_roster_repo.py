"""Saving, loading and the import history, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from console.roster.model import Roster
from console.store import (
    ImportSource,
    Store,
    StoreError,
    import_history,
    load_roster,
    open_store,
    roster_repo,
    save_roster,
)
from tests.store.samples import changed_roster

SOURCE = ImportSource.from_bytes("花名册.xlsx", b"roster bytes")


def test_no_roster_before_the_first_save(store: Store) -> None:
    """A new database has no roster (None, not an empty one) and no history."""
    assert load_roster(store) is None
    assert import_history(store) == []


def test_roster_round_trips_exactly(store: Store, roster: Roster) -> None:
    """Chinese text, tags, grid order, shifts (naive and aware), leave, hours come back."""
    save_roster(store, roster, source=SOURCE, imported_by="值班员甲")
    loaded = load_roster(store)
    assert loaded == roster
    assert loaded is not None
    assert [p.grids for p in loaded] == [p.grids for p in roster]
    assert [s.start.tzinfo is None for s in loaded.shifts] == [True, False, True]
    assert loaded.shifts[1].start.utcoffset() == dt.timedelta(hours=8)


def test_roster_reads_back_in_a_new_store(db_url: str, roster: Roster) -> None:
    """What one store committed, a store opened later on the same URL reads."""
    with open_store(db_url) as first:
        save_roster(first, roster, source=SOURCE, imported_by="a")
    with open_store(db_url) as second:
        assert load_roster(second) == roster


def test_empty_roster_is_not_none(store: Store) -> None:
    """Saving a roster with nobody in it is remembered as such."""
    empty = Roster(people=())
    save_roster(store, empty, source=SOURCE, imported_by="a")
    assert load_roster(store) == empty


def test_save_replaces_and_history_counts_changes(store: Store, roster: Roster) -> None:
    """A second import replaces the roster; the history says who, what and how much."""
    before = dt.datetime.now(dt.UTC)
    first = save_roster(store, roster, source=SOURCE, imported_by="张三")
    later = changed_roster()
    second = save_roster(store, later, source=ImportSource("7月.xlsx", "ab" * 32),
                         imported_by="李四")
    assert load_roster(store) == later
    history = import_history(store)
    assert history == [first, second]
    assert (first.people, first.added, first.changed, first.removed) == (5, 5, 0, 0)
    assert (second.people, second.added, second.changed, second.removed) == (5, 1, 1, 1)
    assert (first.file_name, first.sha256, first.imported_by) == (
        "花名册.xlsx", hashlib.sha256(b"roster bytes").hexdigest(), "张三")
    assert second.id > first.id
    for record in history:
        assert record.imported_at.tzinfo is dt.UTC
        assert before <= record.imported_at <= dt.datetime.now(dt.UTC)


def test_source_file_and_default_user(
        store: Store, roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path is hashed from its bytes; the importer defaults to the OS user name."""
    monkeypatch.setattr(getpass, "getuser", lambda: "operator7")
    path = tmp_path / "光明村花名册.xlsx"
    path.write_bytes(b"\x50\x4b\x03\x04 not really a workbook")
    record = save_roster(store, roster, source=path)
    assert record.file_name == "光明村花名册.xlsx"
    assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record.imported_by == "operator7"


def test_failed_save_changes_nothing(
        store: Store, roster: Roster, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save that fails half-way leaves the previous roster and history as they were."""
    save_roster(store, roster, source=SOURCE, imported_by="a")

    def broken() -> str:
        raise RuntimeError("power cut")

    monkeypatch.setattr(roster_repo, "current_user", broken)
    with pytest.raises(RuntimeError, match="power cut"):
        save_roster(store, changed_roster(), source=SOURCE)  # fails after the deletes
    assert load_roster(store) == roster
    assert len(import_history(store)) == 1


def test_duplicate_ids_are_refused(store: Store, roster: Roster) -> None:
    """A roster naming one person twice is refused before anything is written."""
    doubled = replace(roster, people=(*roster.people, roster.people[0]))
    with pytest.raises(StoreError, match="person id T001 more than once"):
        save_roster(store, doubled, source=SOURCE, imported_by="a")
    assert load_roster(store) is None
    assert import_history(store) == []
