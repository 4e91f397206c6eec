"""Where the database is, and how every connection to it is set up.

SQLite (the default, one file per desktop) runs with a WAL journal, ``synchronous=FULL``
(a power cut loses no committed write) and foreign keys on. A write transaction starts
with ``BEGIN IMMEDIATE`` on SQLite and takes a transaction-scoped advisory lock on
PostgreSQL, so writers queue one behind the other instead of failing half-way; readers
never wait for them.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from console.paths import APP_NAME, user_data_dir
from console.store.errors import StoreError

__all__ = [
    "APP_NAME",
    "ENV_VAR",
    "LOCK_TIMEOUT_S",
    "WRITE_OPTION",
    "database_url",
    "default_database_path",
    "describe",
    "make_engine",
    "sqlite_path",
]

ENV_VAR = "CONSOLE_DB_URL"
#: Execution option marking a connection that will write (see ``Store.write``).
WRITE_OPTION = "console_write"
#: How long a writer waits for another writer before giving up.
LOCK_TIMEOUT_S = 30.0
#: Any constant: every writer of one PostgreSQL database takes this advisory lock.
_PG_WRITE_LOCK = 0x636F6E736F6C65  # "console"


def default_database_path() -> Path:
    """``console.db`` in the user's data folder: ``$CONSOLE_DATA_DIR``, else e.g.
    ``~/.local/share/contingency-console`` on Linux, ``%LOCALAPPDATA%\\contingency-console``
    on Windows."""
    return user_data_dir() / "console.db"


def database_url(url: str | None = None) -> URL:
    """The database to open: ``url``, else ``$CONSOLE_DB_URL``, else the default SQLite file
    (whose folder is created)."""
    text = url if url else os.environ.get(ENV_VAR, "").strip()
    if not text:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        parsed = make_url(text)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {text!r} ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver we ship
    elif backend != "sqlite":
        raise StoreError(
            f"unsupported database {backend!r} in {describe(parsed)}: "
            "use sqlite:///path/to/console.db or postgresql+psycopg://user:password@host/db"
        )
    return parsed


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL and for an in-memory database."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """The database as shown to a person: the file path, or the URL without its password."""
    path = sqlite_path(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def make_engine(url: URL, *, wal: bool = True) -> Engine:
    """An engine whose connections are set up as the module docstring says.

    ``wal=False`` leaves the journal mode alone: used to look at a database before it is
    accepted, because switching a file to WAL writes to it.
    """
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, wal=wal)
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10, "application_name": APP_NAME},
    )
    event.listen(engine, "begin", _pg_begin)
    return engine


def _sqlite_engine(url: URL, *, wal: bool) -> Engine:
    kwargs: dict[str, Any] = {}
    if sqlite_path(url) is None:  # in memory: one shared connection, or every one is empty
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    engine = create_engine(url, **kwargs)

    def on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # The driver's own transaction handling is off: ``_sqlite_begin`` says BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA busy_timeout = {int(LOCK_TIMEOUT_S * 1000)}")
            if wal:
                _switch_to_wal(cursor)
        finally:
            cursor.close()

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _switch_to_wal(cursor: Any) -> None:
    """``PRAGMA journal_mode = WAL``, waiting for other connections: the switch needs the
    file to itself, and SQLite can answer "database is locked" at once, without its busy
    handler, when several desktops open a new database at the same moment."""
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front: a writer that read first and then tried to
    # upgrade its lock could otherwise fail with "database is locked" without waiting.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _pg_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE_OPTION, False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})")
