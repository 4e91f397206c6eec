"""Opening a database: where it is, how it is set up, and what is refused untouched."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.roster.model import Roster
from console.store import (
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    Store,
    StoreError,
    load_roster,
    open_store,
    save_roster,
)
from console.store.migrate import head_revision
from console.store.roster_repo import ImportSource
from console.store.tables import PersonTagRow

SOURCE = ImportSource.from_bytes("r.xlsx", b"r")


def _execute(url: str, *statements: str) -> list[tuple[object, ...]]:
    """Run raw SQL outside the store; the rows of the last statement."""
    engine = create_engine(make_url(url).set(
        drivername="postgresql+psycopg" if url.startswith("postgresql") else "sqlite"))
    try:
        with engine.begin() as conn:
            result = None
            for statement in statements:
                result = conn.execute(text(statement))
            return [tuple(row) for row in result] if result is not None and result.returns_rows \
                else []
    finally:
        engine.dispose()


def _snapshot(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.parent.iterdir()) if p.is_file()}


def test_default_database_is_created_in_the_user_data_folder(tmp_path: Path) -> None:
    """No URL, no $CONSOLE_DB_URL: console.db in the user data folder, in WAL mode."""
    with open_store() as store:
        assert store.revision == head_revision()
    path = tmp_path / "user-data" / "console.db"  # see conftest: the data folder is faked
    assert store.location == str(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_data_folder_variable_moves_the_default_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """$CONSOLE_DATA_DIR, which moves all of the user's data, moves the database too."""
    monkeypatch.setenv("CONSOLE_DATA_DIR", str(tmp_path / "elsewhere"))
    with open_store() as store:
        assert store.location == str(tmp_path / "elsewhere" / "console.db")


def test_environment_variable_names_the_database(
        db_url: str, roster: Roster, monkeypatch: pytest.MonkeyPatch) -> None:
    """$CONSOLE_DB_URL is used when no URL is given; a given URL wins over it."""
    monkeypatch.setenv("CONSOLE_DB_URL", db_url)
    with open_store() as store:
        save_roster(store, roster, source=SOURCE, imported_by="a")
    monkeypatch.setenv("CONSOLE_DB_URL", "sqlite:////nonexistent-folder/x.db")
    with open_store(db_url) as store:
        assert load_roster(store) == roster


def test_sqlite_connections_are_durable_and_check_foreign_keys(tmp_path: Path) -> None:
    """Every pooled connection has WAL, synchronous=FULL and foreign keys on."""
    with (open_store(f"sqlite:///{tmp_path / 'c.db'}") as store,
          store.engine.connect() as one, store.engine.connect() as two):
        for conn in (one, two):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(store: Store) -> None:
    """A tag for nobody is refused by the database itself."""
    with pytest.raises(StoreError), store.write() as session:
        session.add(PersonTagRow(person_id="nobody", tag="x"))


def test_newer_database_is_refused_and_left_alone(db_url: str, roster: Roster) -> None:
    """Schema 9999 is unknown: a clear error naming both schemas, and no change at all."""
    with open_store(db_url) as store:
        save_roster(store, roster, source=SOURCE, imported_by="a")
    _execute(db_url, "UPDATE alembic_version SET version_num = '9999'",
             "CREATE TABLE from_the_future (x INTEGER)")
    path = Path(make_url(db_url).database or "")
    before = _snapshot(path) if db_url.startswith("sqlite") else {}
    with pytest.raises(NewerSchemaError) as refused:
        open_store(db_url)
    assert str(refused.value).startswith(
        "this database was written by a newer version of Contingency Console (schema 9999); "
        f"this version knows up to {head_revision()}")
    if db_url.startswith("sqlite"):
        assert _snapshot(path) == before
        assert str(path) in str(refused.value)
    assert _execute(db_url, "SELECT version_num FROM alembic_version") == [("9999",)]
    assert _execute(db_url, "SELECT count(*) FROM roster_person") == [(5,)]


def test_database_with_unknown_tables_is_refused(db_url: str) -> None:
    """Someone else's database (tables, no schema version) is not adopted or changed."""
    _execute(db_url, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
             "INSERT INTO customers VALUES (1, '客户')")
    with pytest.raises(ForeignDatabaseError, match="customers"):
        open_store(db_url)
    assert _execute(db_url, "SELECT name FROM customers") == [("客户",)]
    with pytest.raises(Exception, match="alembic_version"):
        _execute(db_url, "SELECT * FROM alembic_version")


@pytest.mark.parametrize("content", [
    "剩余物资清单\n帐篷 20 顶\n".encode(),
    random.Random(7).randbytes(8192),
    b"SQLite format 3\x00" + random.Random(8).randbytes(4080),
], ids=["text", "random-bytes", "sqlite-header-then-garbage"])
def test_a_file_that_is_not_a_database_is_reported_not_overwritten(
        tmp_path: Path, content: bytes) -> None:
    """The error names the file; the file and its folder stay exactly as they were."""
    path = tmp_path / "console.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match=r"console\.db") as refused:
        open_store(f"sqlite:///{path}")
    assert str(path) in str(refused.value)
    assert _snapshot(path) == {"console.db": content}


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="folder"):
        open_store(f"sqlite:///{tmp_path}")


def test_unreachable_server_is_reported_without_the_password() -> None:
    """A PostgreSQL URL nobody answers: a StoreError naming the server, not the password."""
    with pytest.raises(StoreError, match="cannot open") as refused:
        open_store("postgresql://console:s3cret@127.0.0.1:9/console?connect_timeout=2")
    assert "s3cret" not in str(refused.value)
    assert "127.0.0.1:9" in str(refused.value)


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url"])
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(StoreError):
        open_store(url)
