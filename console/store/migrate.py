"""Schema versions: the alembic migrations in ``migrations/``, run from code.

No ``alembic.ini`` is needed: the configuration is built here, and the migrations are
found next to this module, in a checkout and in an installed wheel alike. A new
migration is written with ``python -m console.store revision -m "what changes"``
(see docs/store.md).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.autogenerate.api import AutogenContext
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.types import TypeDecorator

from console.store.engine import WRITE_OPTION, describe, make_engine
from console.store.errors import ForeignDatabaseError, NewerSchemaError, StoreError
from console.store.tables import metadata

__all__ = [
    "MIGRATIONS_DIR",
    "VERSION_TABLE",
    "SchemaState",
    "alembic_config",
    "check_schema",
    "context_options",
    "downgrade",
    "head_revision",
    "new_revision",
    "read_schema_state",
    "schema_differences",
    "upgrade",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code; ``connection`` is what ``env.py`` migrates."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema this version of the program knows."""
    head = _scripts().get_current_head()
    assert head is not None, "no migrations found in " + str(MIGRATIONS_DIR)
    return head


def _known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds, as far as versioning is concerned."""

    tables: frozenset[str]  # every table except alembic's version table
    revisions: tuple[str, ...]  # from the version table; empty if it is missing or empty

    @property
    def empty(self) -> bool:
        return not self.tables and not self.revisions


def read_schema_state(conn: Connection) -> SchemaState:
    """Look at a database without changing it."""
    names = set(inspect(conn).get_table_names())
    revisions: tuple[str, ...] = ()
    if VERSION_TABLE in names:
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        revisions = tuple(sorted(str(row[0]) for row in rows))
    return SchemaState(frozenset(names - {VERSION_TABLE}), revisions)


def check_schema(state: SchemaState, location: str) -> None:
    """Refuse a database this version must not touch: one written by a newer version, or
    one with tables but no schema version (someone else's database)."""
    unknown = [rev for rev in state.revisions if rev not in _known_revisions()]
    if unknown:
        raise NewerSchemaError(", ".join(unknown), head_revision(), location)
    if state.tables and not state.revisions:
        shown = ", ".join(sorted(state.tables)[:5]) + (", …" if len(state.tables) > 5 else "")
        raise ForeignDatabaseError(
            f"{location} is not a Contingency Console database: it holds tables ({shown}) "
            "but no schema version; it was left untouched"
        )


def upgrade(engine: Engine, revision: str = "head", *, location: str | None = None) -> str:
    """Bring the database to ``revision`` in one write transaction (all or nothing, writers
    queued) after checking it may be touched; returns the revision it is at now."""
    where = location or describe(engine.url)
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        state = read_schema_state(conn)
        check_schema(state, where)
        target = _scripts().get_revision(revision)
        assert target is not None
        if state.revisions != (target.revision,):
            command.upgrade(alembic_config(conn), revision)
        return _current(conn)


def downgrade(engine: Engine, revision: str) -> str:
    """Take the schema back to ``revision`` ("base" drops everything); for tests and repair."""
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        check_schema(read_schema_state(conn), describe(engine.url))
        command.downgrade(alembic_config(conn), revision)
        return _current(conn)


def _current(conn: Connection) -> str:
    current = MigrationContext.configure(conn).get_current_revision()
    return current or "base"


def context_options(config: Config) -> dict[str, Any]:
    """What ``env.py`` passes to ``context.configure``."""
    connection = config.attributes.get("connection")
    if connection is None:
        raise StoreError(
            "the store's migrations run from code (console.store.migrate): use "
            "console.store.open_store() or python -m console.store, not the alembic command line"
        )
    return {
        "connection": connection,
        "target_metadata": metadata,
        "version_table": VERSION_TABLE,
        # SQLite alters a table by copying it; alembic's batch mode does that.
        "render_as_batch": connection.dialect.name == "sqlite",
        "compare_type": True,
        "render_item": _render_item,
    }


def _render_item(type_: str, obj: Any, _context: AutogenContext) -> str | Literal[False]:
    # Migrations are frozen in time: they spell plain SQLAlchemy types, never this
    # package's column classes (or sqlmodel's AutoString), which may change later.
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def schema_differences(engine: Engine) -> list[Any]:
    """How the migrated database differs from the tables in ``tables.py`` (empty when a
    migration for every change exists)."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, metadata)
    return list(diffs)


def new_revision(message: str, *, autogenerate: bool = True) -> list[Path]:
    """Write the next migration file (``NNNN_message.py``), autogenerated by comparing the
    tables with a scratch SQLite database at head; review it before committing."""
    rev_id = f"{int(head_revision()) + 1:04d}"
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(URL.create("sqlite+pysqlite", database=f"{scratch}/head.db"))
        try:
            upgrade(engine)
            with engine.begin() as conn:
                written = command.revision(
                    alembic_config(conn), message=message, autogenerate=autogenerate,
                    rev_id=rev_id)
        finally:
            engine.dispose()
    _scripts.cache_clear()
    scripts = written if isinstance(written, list) else [written]
    return [Path(script.path) for script in scripts if script is not None]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m console.store", description="The store's schema migrations.")
    sub = parser.add_subparsers(dest="command", required=True)
    rev = sub.add_parser("revision", help="write the next migration file")
    rev.add_argument("-m", "--message", required=True, help="what the migration changes")
    rev.add_argument("--empty", action="store_true", help="do not autogenerate operations")
    sub.add_parser("heads", help="print the newest schema revision")
    sub.add_parser("check", help="fail if tables.py has changes no migration covers")
    args = parser.parse_args(argv)
    if args.command == "heads":
        print(head_revision())
        return 0
    if args.command == "check":
        with tempfile.TemporaryDirectory() as scratch:
            engine = make_engine(URL.create("sqlite+pysqlite", database=f"{scratch}/c.db"))
            try:
                upgrade(engine)
                diffs = schema_differences(engine)
            finally:
                engine.dispose()
        for diff in diffs:
            print(diff)
        return 1 if diffs else 0
    for path in new_revision(args.message, autogenerate=not args.empty):
        print(f"wrote {path}")
    return 0

