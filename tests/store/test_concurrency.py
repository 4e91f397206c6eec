"""One writer at a time, readers alongside, several stores (desktops) on one database."""

from __future__ import annotations

import threading
from dataclasses import replace

from sqlmodel import delete

from console.roster.model import Roster
from console.store import (
    ImportSource,
    import_history,
    load_roster,
    migrate,
    open_store,
    save_roster,
)
from console.store.tables import PersonRow, PersonTagRow
from tests.store.samples import changed_roster

SOURCE = ImportSource.from_bytes("r.xlsx", b"r")


def test_two_stores_see_each_others_commits(db_url: str, roster: Roster) -> None:
    """Two desktops on one database: what one commits, the other reads at once."""
    with open_store(db_url) as left, open_store(db_url) as right:
        assert load_roster(right) is None
        save_roster(left, roster, source=SOURCE, imported_by="左")
        assert load_roster(right) == roster
        save_roster(right, changed_roster(), source=SOURCE, imported_by="右")
        assert load_roster(left) == changed_roster()
        assert [r.imported_by for r in import_history(left)] == ["左", "右"]


def test_readers_do_not_wait_for_a_writer(db_url: str, roster: Roster) -> None:
    """While a write is open, another store reads the last committed roster."""
    with open_store(db_url) as writer, open_store(db_url) as reader:
        save_roster(writer, roster, source=SOURCE, imported_by="a")
        with writer.write() as session:
            session.exec(delete(PersonTagRow))
            session.exec(delete(PersonRow))
            session.flush()
            assert load_roster(reader) == roster  # uncommitted deletes are not seen
        assert load_roster(reader) == replace(roster, people=())


def test_concurrent_writers_queue_and_all_succeed(db_url: str, roster: Roster) -> None:
    """Saves from several threads and two stores all land, one after the other."""
    rosters = [roster, changed_roster()]
    errors: list[BaseException] = []
    with open_store(db_url) as one, open_store(db_url) as two:

        def work(store_index: int) -> None:
            store = (one, two)[store_index % 2]
            try:
                for round_ in range(3):
                    save_roster(store, rosters[(store_index + round_) % 2], source=SOURCE,
                                imported_by=f"t{store_index}")
            except BaseException as exc:  # reported below, in the test's thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        history = import_history(one)
        assert len(history) == 12
        assert sorted(r.imported_by for r in history) == [
            f"t{i}" for i in range(4) for _ in range(3)]
        assert load_roster(two) in rosters
        # Each import's counts were computed against the roster it really replaced.
        assert sum(r.added for r in history) - sum(r.removed for r in history) == \
            len(load_roster(one) or ())


def test_desktops_opening_a_new_database_at_once(db_url: str) -> None:
    """Several stores creating the schema at the same moment: one does it, all open."""
    opened: list[str] = []
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            with open_store(db_url) as store:
                opened.append(store.revision)
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert opened == [migrate.head_revision()] * 4
