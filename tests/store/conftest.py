"""Every store test that takes ``db_url`` runs twice: on a SQLite file and on PostgreSQL.

PostgreSQL comes from $CONSOLE_TEST_PG_URL or from a throwaway server started for the
session (tests/store/pgserver.py); each test gets its own schema. Without either, the
PostgreSQL half is skipped with the reason, except in CI (CI=true), where it fails.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from sqlalchemy.engine import URL

from console.roster.model import Roster
from console.store import Store, open_store
from tests.store import pgserver
from tests.store.samples import sample_roster


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No store test reads $CONSOLE_DB_URL or touches the real user's database."""
    monkeypatch.delenv("CONSOLE_DB_URL", raising=False)
    monkeypatch.delenv("CONSOLE_DATA_DIR", raising=False)
    data = tmp_path / "user-data"

    def user_data_path(*_args: Any, **_kwargs: Any) -> Path:
        return data

    monkeypatch.setattr(platformdirs, "user_data_path", user_data_path)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


@pytest.fixture(scope="session")
def pg_database() -> Iterator[URL]:
    """A database of its own on a PostgreSQL server, for this test session."""
    stack = contextlib.ExitStack()
    try:
        admin = stack.enter_context(pgserver.server())
        database = stack.enter_context(pgserver.scratch_database(admin))
    except pgserver.Unavailable as exc:
        stack.close()
        if _in_ci():
            pytest.fail(f"PostgreSQL is required in CI (CI=true): {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL half skipped: {exc}")
    with stack:
        yield database


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'console.db'}"
        return
    database: URL = request.getfixturevalue("pg_database")
    with pgserver.scratch_schema(database) as url:
        yield url.render_as_string(hide_password=False)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


@pytest.fixture
def roster() -> Roster:
    return sample_roster()
