"""Drill tests reuse the store's fixtures: ``db_url`` runs a test on a SQLite file and on
PostgreSQL (tests/store/conftest.py: $CONSOLE_TEST_PG_URL or a throwaway server; skipped
locally without one, required in CI), and no test touches the user's real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from console.store import Store, open_store
from tests.store import pgserver
from tests.store.conftest import _isolated, db_url, pg_database

__all__ = ["_isolated", "db_url", "pg_database"]


@pytest.fixture
def pg_url(pg_database: URL) -> Iterator[str]:
    """A fresh PostgreSQL schema only (for tests whose SQLite half is covered elsewhere)."""
    with pgserver.scratch_schema(pg_database) as url:
        yield url.render_as_string(hide_password=False)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened
