"""Bad conditions: the disk fills up or the database goes away mid-drill. The session
pauses with the reason, keeps what it could not record, and goes on when the store is
back; nothing recorded is corrupted and the drill ends as if nothing had happened."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, make_url

from console.drills.model import DrillStatus
from console.drills.records import entries, load_drill
from console.drills.session import StoreUnavailable
from console.drills.verify import verify_drill
from console.store import Store, open_store
from console.store.engine import APP_NAME
from tests.drills.helpers import engine_keys, new_session, reference, run_through


def _statuses(store: Store, drill_id: str) -> list[tuple[str, str]]:
    return [(e.data["status"], e.data["reason"]) for e in entries(store, drill_id)
            if e.kind == "status"]


@contextlib.contextmanager
def _page_limit(store: Store) -> Iterator[None]:
    """Every new connection of the store may not grow the database file: SQLite answers
    writes that need a page more with SQLITE_FULL, "database or disk is full"."""

    def limit(dbapi: Any, _record: Any) -> None:
        cursor = dbapi.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    event.listen(store.engine, "connect", limit)
    store.engine.dispose()
    try:
        yield
    finally:
        event.remove(store.engine, "connect", limit)
        store.engine.dispose()


def test_database_full_pauses_and_the_drill_goes_on(tmp_path: Path) -> None:
    """SQLITE_FULL mid-drill: paused with the reason, nothing lost; room again: the batch
    is recorded, the pause is in the timeline, and the drill ends as the engine's run."""
    with open_store(f"sqlite:///{tmp_path / 'console.db'}") as store:
        session = new_session(store)
        session.start()
        session.advance(100.0)
        before = load_drill(store, session.id)
        with _page_limit(store):
            with pytest.raises(StoreUnavailable, match="full"):
                session.advance(3000.0)  # a big batch: it needs new pages
            assert session.status is DrillStatus.PAUSED
            assert "full" in session.problem
            assert not session.retry()  # still full
            after = load_drill(store, session.id)
            assert (after.entries, after.head_hash) == (before.entries, before.head_hash)
            assert verify_drill(store, session.id).ok
        assert session.retry()
        assert session.status.value == "running"
        run_through(session)
        drill = load_drill(store, session.id)
        assert verify_drill(store, session.id).ok
        assert engine_keys(entries(store, session.id)) == reference(drill)
        statuses = _statuses(store, session.id)
        assert statuses[1][0] == "paused" and "full" in statuses[1][1]
        assert statuses[2:] == [("running", "store available again"), ("finished", "complete")]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MiB tmpfs (Linux, root): a real disk that fills up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> Path:
    ballast = disk / "ballast"
    with ballast.open("wb") as file, contextlib.suppress(OSError):
        while True:
            file.write(b"\0" * 65536)
            file.flush()
            os.fsync(file.fileno())
    return ballast


def test_a_real_full_disk_pauses_and_the_drill_goes_on(tiny_disk: Path) -> None:
    """On a tmpfs filled to the last byte, recording fails with the disk's error; after
    space is freed the drill goes on and its timeline verifies."""
    path = tiny_disk / "console.db"
    with open_store(f"sqlite:///{path}") as store:
        session = new_session(store)
        session.start()
        session.advance(100.0)
        with store.engine.connect() as conn:  # empty the WAL: the next write needs new space
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ballast = _fill(tiny_disk)
        with pytest.raises(StoreUnavailable, match=r"full|disk I/O"):
            session.advance(3000.0)
        assert session.status is DrillStatus.PAUSED
        ballast.unlink()
        assert session.retry()
        run_through(session)
        drill = load_drill(store, session.id)
        assert verify_drill(store, session.id).ok
        assert engine_keys(entries(store, session.id)) == reference(drill)


def _admin(url: str) -> tuple[URL, str]:
    parsed = make_url(url)
    return parsed.set(database="postgres", query={}), str(parsed.database)


@contextlib.contextmanager
def _database_gone(url: str) -> Iterator[None]:
    """Nobody may connect to the database, and every console connection to it is cut
    (the test harness's own connections are left alone)."""
    admin, name = _admin(url)
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :name AND application_name = :app"),
                         {"name": name, "app": APP_NAME})
        yield
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        engine.dispose()


def test_postgresql_gone_mid_run_pauses_and_resumes(pg_url: str) -> None:
    """The server drops every connection and refuses new ones while ``run`` drives the
    drill: the session reports the pause, retries, and finishes once the server is back."""
    with open_store(pg_url) as store:
        session = new_session(store)
        messages: list[str] = []
        outcome: dict[str, object] = {}

        def drive() -> None:
            outcome["status"] = session.run(None, step=2.0, retry_every=0.2,
                                            on_problem=messages.append)

        session.start()
        session.advance(200.0)
        with _database_gone(pg_url):
            thread = threading.Thread(target=drive)
            thread.start()
            deadline = time.monotonic() + 30
            while not messages and time.monotonic() < deadline:
                time.sleep(0.05)
            assert messages and messages[0], "the session never noticed"
            assert session.status is DrillStatus.PAUSED
            time.sleep(0.5)
        thread.join(timeout=60)
        assert outcome["status"] is DrillStatus.FINISHED
        assert messages[-1] == ""  # told when the store was back
        drill = load_drill(store, session.id)
        assert verify_drill(store, session.id).ok
        assert engine_keys(entries(store, session.id)) == reference(drill)
        assert [s for s, _ in _statuses(store, session.id)] == [
            "running", "paused", "running", "finished"]
