"""Schema migrations: created at head, upgraded without loss, all or nothing, complete."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from console.plans.vocabulary import Channel, Unit
from console.roster.model import Availability, DutyShift, Grid, Person, Roster, Village
from console.store import (
    Store,
    StoreError,
    import_history,
    load_roster,
    migrate,
    open_store,
    save_roster,
)
from console.store.engine import database_url, make_engine
from console.store.roster_repo import ImportSource


def _table(name: str, *columns: tuple[str, sa.types.TypeEngine[Any]]) -> sa.TableClause:
    return sa.table(name, *(sa.column(col, kind) for col, kind in columns))


S, N, B, J = sa.String(), sa.Integer(), sa.Boolean(), sa.JSON()

# The roster tables as revision 0001 made them: this test must not follow later changes.
ROWS_AT_0001: dict[sa.TableClause, list[dict[str, Any]]] = {
    _table("roster_info", ("id", N), ("source", S), ("demo", B), ("working_days", J),
           ("working_spans", J), ("saved_at", sa.DateTime(timezone=True))): [
        {"id": 1, "source": "旧花名册.xlsx", "demo": False, "working_days": [0, 1, 2, 3, 4],
         "working_spans": [["08:30:00", "12:00:00"], ["14:00:00", "18:00:00"]],
         "saved_at": dt.datetime(2026, 5, 1, tzinfo=dt.UTC)}],
    _table("roster_village", ("id", S), ("position", N), ("name", S), ("community", B)): [
        {"id": "V-GM", "position": 0, "name": "光明村", "community": False}],
    _table("roster_grid", ("id", S), ("position", N), ("name", S), ("village", S)): [
        {"id": "G1", "position": 0, "name": "第一网格", "village": "V-GM"}],
    _table("roster_person", ("id", S), ("position", N), ("name", S), ("phone", S),
           ("unit", S), ("post", S), ("village", S), ("home", S), ("duty_location", S),
           ("channels", J), ("status", S), ("demo", B)): [
        {"id": "P2", "position": 1, "name": "赵小燕", "phone": "2", "unit": "village",
         "post": "网格员", "village": "V-GM", "home": "", "duty_location": "",
         "channels": ["sms"], "status": "on_leave", "demo": False},
        {"id": "P1", "position": 0, "name": "张德明", "phone": "1", "unit": "village",
         "post": "村支书", "village": "V-GM", "home": "三组", "duty_location": "村委会",
         "channels": ["phone", "wechat"], "status": "on_duty", "demo": False}],
    _table("roster_person_tag", ("person_id", S), ("tag", S)): [
        {"person_id": "P1", "tag": "防汛"}, {"person_id": "P1", "tag": "村支书"}],
    _table("roster_person_grid", ("person_id", S), ("position", N), ("grid_id", S)): [
        {"person_id": "P2", "position": 0, "grid_id": "G1"}],
    _table("roster_shift", ("position", N), ("person_id", S), ("starts_at", S),
           ("ends_at", S), ("kind", S), ("note", S)): [
        {"position": 0, "person_id": "P1", "starts_at": "2026-06-01T08:30:00",
         "ends_at": "2026-06-02T08:30:00", "kind": "duty", "note": "汛期值班"}],
}

EXPECTED = Roster(
    people=(
        Person(id="P1", name="张德明", phone="1", unit=Unit.VILLAGE, post="村支书",
               village="V-GM", tags=frozenset({"防汛", "村支书"}), home="三组",
               duty_location="村委会", channels=(Channel.PHONE, Channel.WECHAT)),
        Person(id="P2", name="赵小燕", phone="2", unit=Unit.VILLAGE, post="网格员",
               village="V-GM", grids=("G1",), channels=(Channel.SMS,),
               status=Availability.ON_LEAVE),
    ),
    villages=(Village(id="V-GM", name="光明村"),),
    grids=(Grid(id="G1", name="第一网格", village="V-GM"),),
    shifts=(DutyShift(person="P1", start=dt.datetime(2026, 6, 1, 8, 30),
                      end=dt.datetime(2026, 6, 2, 8, 30), note="汛期值班"),),
    source="旧花名册.xlsx",
)


# The newest revision, and the number a new migration would take.
HEAD = migrate.head_revision()
NEXT = f"{int(HEAD) + 1:04d}"


def test_empty_database_is_created_at_head(store: Store) -> None:
    assert store.revision == migrate.head_revision() == "0003"


def test_older_database_is_upgraded_without_loss(db_url: str) -> None:
    """A database left at 0001 with a roster in it opens at head with the roster intact."""
    engine = make_engine(database_url(db_url))
    try:
        assert migrate.upgrade(engine, "0001") == "0001"
        with engine.begin() as conn:
            for table, rows in ROWS_AT_0001.items():
                conn.execute(sa.insert(table), rows)
    finally:
        engine.dispose()
    with open_store(db_url) as store:
        assert store.revision == HEAD
        assert load_roster(store) == EXPECTED
        assert import_history(store) == []
        save_roster(store, EXPECTED, source=ImportSource("x", "0" * 64), imported_by="a")
        assert [r.changed for r in import_history(store)] == [0]


def test_migrations_build_exactly_the_tables(store: Store) -> None:
    """No change to tables.py is missing a migration (alembic finds no difference)."""
    assert migrate.schema_differences(store.engine) == []


def test_downgrade_to_base_and_back(store: Store, roster: Roster) -> None:
    """Every migration has a working downgrade."""
    store.close()
    assert migrate.downgrade(store.engine, "base") == "base"
    assert migrate.upgrade(store.engine) == HEAD
    with open_store(str(store.url.render_as_string(hide_password=False))) as again:
        save_roster(again, roster, source=ImportSource("x", "0" * 64), imported_by="a")
        assert load_roster(again) == roster


def test_revisions_form_one_numbered_line() -> None:
    """0001, 0002, …: each revises the one before, in a file named after it."""
    scripts = list(reversed(list(migrate._scripts().walk_revisions())))
    assert [s.revision for s in scripts] == [f"{n:04d}" for n in range(1, len(scripts) + 1)]
    assert [s.down_revision for s in scripts] == [None, *(s.revision for s in scripts[:-1])]
    for script in scripts:
        assert Path(script.path).name.startswith(script.revision + "_")


@pytest.fixture
def scratch_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the migrations folder that a test may add files to."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    migrate._scripts.cache_clear()
    yield copy
    migrate._scripts.cache_clear()


def test_a_failing_migration_changes_nothing(db_url: str, scratch_migrations: Path) -> None:
    """A migration that fails half-way leaves the database at the revision before it."""
    with open_store(db_url):
        pass
    (scratch_migrations / "versions" / f"{NEXT}_broken.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n'
        f'revision = "{NEXT}"\ndown_revision = "{HEAD}"\nbranch_labels = depends_on = None\n'
        'def upgrade():\n'
        '    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))\n'
        '    raise RuntimeError("migration failed")\n', encoding="utf-8")
    migrate._scripts.cache_clear()
    with pytest.raises(RuntimeError, match="migration failed"):
        open_store(db_url)
    engine = make_engine(database_url(db_url))
    try:
        with engine.connect() as conn:
            state = migrate.read_schema_state(conn)
    finally:
        engine.dispose()
    assert state.revisions == (HEAD,)
    assert "half_done" not in state.tables


def test_revision_helper_writes_the_next_numbered_file(scratch_migrations: Path) -> None:
    """``python -m console.store revision -m …`` writes the next numbered file after head."""
    assert migrate.main(["check"]) == 0
    assert migrate.main(["revision", "-m", "add more tables"]) == 0
    written = scratch_migrations / "versions" / f"{NEXT}_add_more_tables.py"
    source = written.read_text(encoding="utf-8")
    assert f"revision: str = '{NEXT}'" in source
    assert f"down_revision: str | None = '{HEAD}'" in source
    assert migrate.head_revision() == NEXT


def test_alembic_command_line_is_pointed_to_the_helper() -> None:
    """env.py without the store's connection explains itself instead of guessing a URL."""
    with pytest.raises(StoreError, match=r"console\.store\.migrate"):
        migrate.context_options(migrate.alembic_config())
