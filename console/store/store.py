"""Opening the database: ``open_store`` checks it, migrates it, and hands out sessions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlmodel import Session

from console.store import migrate
from console.store.engine import (
    LOCK_TIMEOUT_S,
    WRITE_OPTION,
    database_url,
    describe,
    make_engine,
    sqlite_path,
)
from console.store.errors import NotADatabaseError, StoreError

__all__ = ["Store", "open_store"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


class Store:
    """An open database. Readers take ``read()`` sessions freely; a write goes through
    ``write()``, one short transaction at a time. Thread-safe; close it when done."""

    def __init__(self, engine: Engine, location: str, revision: str) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._write_lock = threading.Lock()
        self.location = location
        self.revision = revision

    @property
    def url(self) -> URL:
        return self._engine.url

    @property
    def engine(self) -> Engine:
        return self._engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; whatever it sees was committed."""
        with self._errors(), Session(self._engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed if the block ends normally, rolled back
        if it raises. Writers of this store, other processes and other desktops wait their
        turn."""
        # Waiting forever would hide a write nested in another one on the same thread.
        if not self._write_lock.acquire(timeout=LOCK_TIMEOUT_S):
            raise StoreError(f"{self.location}: another write of this store did not finish "
                             f"within {LOCK_TIMEOUT_S:.0f} s")
        try:
            with self._errors(), Session(
                    self._write_engine, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            self._write_lock.release()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            raise StoreError(f"{self.location}: {exc.orig}") from exc

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.location!r}, schema {self.revision})"


def open_store(url: str | None = None) -> Store:
    """Open the database at ``url``, else ``$CONSOLE_DB_URL``, else the default SQLite
    file in the user data folder. An empty database is created at the newest schema and
    an older one upgraded; a newer, foreign or damaged one raises ``StoreError`` and is
    left as it was."""
    parsed = database_url(url)
    location = describe(parsed)
    path = sqlite_path(parsed)
    if path is not None:
        _check_sqlite_file(path)
    # First look without WAL (switching the journal writes to the file), then open.
    probe = make_engine(parsed, wal=False)
    try:
        with _connect_errors(location, path), probe.connect() as conn:
            migrate.check_schema(migrate.read_schema_state(conn), location)
    finally:
        probe.dispose()
    engine = make_engine(parsed)
    try:
        with _connect_errors(location, path):
            revision = migrate.upgrade(engine, location=location)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, location, revision)


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as file:
            head = file.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
    if head and head != _SQLITE_MAGIC:
        raise NotADatabaseError(
            f"{path} is not a database (not an SQLite file); it was left untouched — "
            "move it away or open another database")


@contextmanager
def _connect_errors(location: str, path: Path | None) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc)
        if path is not None and any(
                word in reason for word in ("not a database", "malformed", "corrupt")):
            raise NotADatabaseError(
                f"{path} is damaged or not a database ({reason}); it was left untouched"
            ) from exc
        raise StoreError(f"cannot open {location}: {reason}") from exc
