"""The roster view and the store: an import lands where ``roster import --apply`` puts
it (with its import-history record) and is there after a restart; duty rotas; the import
history; exporting everything, the rows shown, and the rota, in the UI language. Each
test has its own scratch SQLite store, passed to the view as its ``db``. The tests run
in English (the source texts); test_roster_view.py checks the Chinese UI."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.commands.roster import current_roster
from console.plans.vocabulary import Unit
from console.roster.demo import load_demo_roster
from console.roster.model import Availability, DutyShift, Person, Roster, ShiftKind
from console.roster.roster_import import import_roster
from console.roster.table_read import read_shifts
from console.roster.table_write import write_people, write_shifts
from console.store import import_history, load_roster, open_store
from console.views.i18n import Translations
from console.views.roster_data import apply_import, load_in_use, preview_import
from console.views.roster_history import ImportHistoryDialog
from console.views.roster_view import RosterView

SHIFT_START = dt.datetime(2026, 8, 1, 8, 0)
WAIT = 20_000


@pytest.fixture(autouse=True)
def _english(translations: Translations) -> None:
    translations.apply("en")


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A scratch store, given to the view by URL; $CONSOLE_DB_URL points elsewhere to
    show that the view uses the one it is given."""
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    return f"sqlite:///{tmp_path / 'console.db'}"


#: Views made by a test, kept until the test is torn down: a view whose only Python
#: reference is a finished task's slot would be deleted from inside that task's
#: destructor (the task is the view's child).
_KEPT: list[RosterView] = []


@pytest.fixture(autouse=True)
def _keep_views() -> Iterator[None]:
    yield
    _KEPT.clear()


def _view(qtbot: QtBot, db: str | None) -> RosterView:
    widget = RosterView(db=db)
    qtbot.addWidget(widget)
    _KEPT.append(widget)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT):
        widget.show()
    return widget


@pytest.fixture
def view(qtbot: QtBot, db: str) -> RosterView:
    return _view(qtbot, db)


def _people_file(tmp_path: Path, name: str = "heixi-roster.csv") -> Path:
    """The demo people as the township's own file: one added, two removed."""
    demo = load_demo_roster()
    people = [dataclasses.replace(p, demo=False) for p in demo.people if p.id not in
              ("T006", "T007")]
    people.append(Person("X001", "新同志", "13800000001", Unit.COMMAND_CENTRE, "值班员",
                         tags=frozenset({"duty_officer"})))
    path = tmp_path / name
    write_people(path, dataclasses.replace(demo, people=tuple(people), demo=False))
    return path


def _rota_file(tmp_path: Path, roster: Roster, name: str = "rota.xlsx") -> Path:
    """Two duty shifts and a leave for people of ``roster``."""
    ids = [p.id for p in roster.people[:3]]
    shifts = (DutyShift(ids[0], SHIFT_START, SHIFT_START + dt.timedelta(hours=24)),
              DutyShift(ids[1], SHIFT_START, SHIFT_START + dt.timedelta(hours=24),
                        note="带班"),
              DutyShift(ids[2], SHIFT_START, SHIFT_START + dt.timedelta(days=3),
                        ShiftKind.LEAVE))
    path = tmp_path / name
    write_shifts(path, dataclasses.replace(roster, shifts=shifts))
    return path


def _apply(view: RosterView, qtbot: QtBot) -> None:
    dialog = view.import_dialog
    assert dialog is not None and dialog.can_apply
    with qtbot.waitSignal(view.applied, timeout=WAIT), \
            qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.apply_button.click()


def _import(view: RosterView, qtbot: QtBot, path: Path, rota: Path | None = None) -> None:
    with qtbot.waitSignal(view.previewShown, timeout=WAIT):
        view.import_file(str(path), str(rota) if rota else None)


def _import_rota(view: RosterView, qtbot: QtBot, path: Path) -> None:
    with qtbot.waitSignal(view.previewShown, timeout=WAIT):
        view.import_rota_file(str(path))


def test_empty_store_shows_the_demo_roster_labelled(view: RosterView, db: str) -> None:
    assert view.model.roster.demo and view.banner.isVisible()
    assert "演示数据 DEMO DATA" in view.banner.text()
    assert view.source.isVisible() and "demo roster" in view.source.text()
    assert db.removeprefix("sqlite:///") in view.source.text()
    with open_store(db) as store:
        assert load_roster(store) is None  # showing the demo saves nothing


def test_import_lands_in_the_store_and_survives_a_restart(view: RosterView, qtbot: QtBot,
                                                          db: str, tmp_path: Path) -> None:
    """Apply saves through console.store.save_roster with a history record, exactly as
    ``roster import --apply``; a new view (a restart) shows the imported roster."""
    path = _people_file(tmp_path)
    _import(view, qtbot, path)
    _apply(view, qtbot)
    with open_store(db) as store:
        saved = load_roster(store)
        history = import_history(store)
    assert saved is not None and not saved.demo and len(saved) == 128
    assert [(r.file_name, r.people) for r in history] == [("heixi-roster.csv", 128)]
    assert history[0].imported_by and len(history[0].sha256) == 64
    assert view.last_import == history[0]
    assert "heixi-roster.csv" in view.info.text() and "#1" in view.info.text()
    assert not view.banner.isVisible() and "heixi-roster.csv" in view.source.text()
    # What the CLI reads is what the view saved.
    assert current_roster(db).people == saved.people
    view.close()
    again = _view(qtbot, db)
    assert again.model.rowCount() == 128 and not again.model.roster.demo
    assert not again.banner.isVisible() and "X001" in again.model.roster.by_id
    assert "import #1" in again.source.text()


def test_default_store_is_the_cli_default(qtbot: QtBot, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``db`` the view uses $CONSOLE_DB_URL, like the CLI."""
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("CONSOLE_DB_URL", url)
    view = _view(qtbot, None)
    _import(view, qtbot, _people_file(tmp_path))
    _apply(view, qtbot)
    with open_store(url) as store:
        assert len(import_history(store)) == 1


def test_rota_import_previews_applies_and_sets_availability(
        view: RosterView, qtbot: QtBot, db: str, tmp_path: Path) -> None:
    _import(view, qtbot, _people_file(tmp_path))
    _apply(view, qtbot)
    roster = view.model.roster
    assert roster.shifts == ()  # the demo rota is not carried over
    rota = _rota_file(tmp_path, roster)
    _import_rota(view, qtbot, rota)
    dialog = view.import_dialog
    assert dialog is not None and dialog.can_apply
    assert dialog.windowTitle() == "Import duty rota: rota.xlsx"
    assert dialog.shifts_added.count() == 3 and dialog.shifts_removed.count() == 0
    assert "added 3" in dialog.summary.text() and "people stay" in dialog.summary.text()
    assert dialog.shifts_added.item(1).text().startswith(f"{roster.people[1].id} ")
    assert " · duty · " in dialog.shifts_added.item(1).text()
    assert dialog.added.count() == 0 and not dialog.rota_button.isVisible()
    _apply(view, qtbot)
    with open_store(db) as store:
        saved = load_roster(store)
        history = import_history(store)
    assert saved is not None and len(saved.shifts) == 3 and len(saved) == 128
    assert [r.file_name for r in history] == ["heixi-roster.csv", "rota.xlsx"]
    assert "3 duty/leave entries" in view.source.text()
    view.set_moment(SHIFT_START + dt.timedelta(hours=20))  # a Saturday, 04:00
    view.set_filter(availability=Availability.ON_DUTY)
    assert {p.id for p in view.shown_people()} == {p.id for p in roster.people[:2]}
    view.set_filter(availability=Availability.ON_LEAVE)
    assert roster.people[2].id in {p.id for p in view.shown_people()}


def test_bad_rota_names_file_row_and_column(view: RosterView, qtbot: QtBot, db: str,
                                            tmp_path: Path) -> None:
    _import(view, qtbot, _people_file(tmp_path))
    _apply(view, qtbot)
    rota = tmp_path / "bad-rota.csv"
    rota.write_text("编号,姓名,类型,开始,结束\n"
                    "T001,朱倩倩,值班,2026-08-01 08:00,2026-08-02 08:00\n"
                    "NOBODY,,值班,2026-08-01 08:00,2026-08-02 08:00\n"
                    "T002,,值班,2026-08-03 08:00,2026-08-02 08:00\n", encoding="utf-8")
    _import_rota(view, qtbot, rota)
    dialog = view.import_dialog
    assert dialog is not None and not dialog.can_apply
    problems = [dialog.problems.item(r).text() for r in range(dialog.problems.count())]
    assert any(p.startswith(f"{rota}:3:编号: ") for p in problems), problems
    assert any(p.startswith(f"{rota}:4:结束: ") for p in problems), problems
    assert "cannot be imported" in dialog.summary.text()
    dialog.accept()  # forced: still nothing
    with open_store(db) as store:
        assert len(import_history(store)) == 1


def test_rota_over_the_demo_roster_is_refused(view: RosterView, qtbot: QtBot, db: str,
                                              tmp_path: Path) -> None:
    rota = _rota_file(tmp_path, load_demo_roster())
    _import_rota(view, qtbot, rota)
    dialog = view.import_dialog
    assert dialog is not None and not dialog.can_apply
    assert "demo roster" in dialog.summary.text()
    with open_store(db) as store:
        assert load_roster(store) is None


def test_roster_with_its_rota_in_one_import(view: RosterView, qtbot: QtBot, db: str,
                                            tmp_path: Path) -> None:
    """Like ``roster import FILE --rota ROTA --apply``."""
    people = _people_file(tmp_path)
    rota = _rota_file(tmp_path, load_demo_roster(), "rota.csv")
    _import(view, qtbot, people)
    dialog = view.import_dialog
    assert dialog is not None and dialog.rota_button.isVisible()
    assert "demo rota is not carried over" in dialog.summary.text()
    _import(view, qtbot, people, rota)
    dialog = view.import_dialog
    assert dialog is not None and dialog.can_apply and not dialog.rota_button.isVisible()
    assert "heixi-roster.csv + rota.csv" in dialog.windowTitle()
    assert "Duty rota: 613 → 3 entries." in dialog.summary.text()
    assert dialog.shifts_added.count() == 3
    _apply(view, qtbot)
    with open_store(db) as store:
        saved = load_roster(store)
    assert saved is not None and len(saved.shifts) == 3


def test_preview_is_against_the_store_at_that_moment(db: str, tmp_path: Path) -> None:
    """Qt-free: the preview compares with the store, not with what a view last showed."""
    path = _people_file(tmp_path)
    first = preview_import("roster", str(path), db)
    assert first.base.demo and first.people is not None and len(first.people.added) == 1
    record = apply_import(first, db, imported_by="tester")
    assert record.imported_by == "tester" and record.people == 128
    again = preview_import("roster", str(path), db)
    assert not again.base.demo and again.people is not None and again.people.empty
    assert load_in_use(db).last == record


def test_history_dialog_lists_the_imports(view: RosterView, qtbot: QtBot, db: str,
                                          tmp_path: Path) -> None:
    with qtbot.waitSignal(view.historyShown, timeout=WAIT):
        dialog = view.show_history()
    assert dialog.table.rowCount() == 0 and "No imports yet" in dialog.note.text()
    assert db.removeprefix("sqlite:///") in dialog.where.text()
    _import(view, qtbot, _people_file(tmp_path))
    _apply(view, qtbot)
    _import_rota(view, qtbot, _rota_file(tmp_path, view.model.roster))
    _apply(view, qtbot)
    with qtbot.waitSignal(view.historyShown, timeout=WAIT):
        view.show_history()
    assert dialog.isVisible() and dialog.windowTitle() == "Roster import history"
    table = dialog.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["No.", "Imported at", "Imported by", "File", "People", "Result", "SHA-256",
                       "Status"]
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert [r[0] for r in rows] == ["#2", "#1"]  # newest first
    assert rows[0][3] == "rota.xlsx" and rows[0][5] == "people unchanged" and rows[0][7] == "in use"
    assert rows[1][3] == "heixi-roster.csv" and rows[1][4] == "128"
    assert rows[1][5] == "added 128 · changed 0 · removed 0"  # the store held no roster before
    assert "2 import(s)" in dialog.note.text()


def test_history_of_a_store_that_cannot_be_opened(qtbot: QtBot) -> None:
    dialog = ImportHistoryDialog("mysql://nobody@nowhere/db")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT):
        dialog.reload()
    assert "mysql" in dialog.where.text() and dialog.table.rowCount() == 0


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_of_the_rows_shown(view: RosterView, qtbot: QtBot, tmp_path: Path,
                                  suffix: str) -> None:
    """What the operator sees — filtered and sorted — and nothing else."""
    view.set_filter(village="胜地社区")
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    shown = view.shown_people()
    assert len(shown) == 8
    path = tmp_path / f"shown{suffix}"
    with qtbot.waitSignal(view.exported, timeout=WAIT):
        view.export_to(str(path), shown=True)
    again = import_roster(path, view.model.roster)
    assert again.ok and again.roster is not None
    assert [p.id for p in again.roster.people] == [p.id for p in shown]
    assert "8 people" in view.info.text() and str(path) in view.info.text()


def test_export_headers_follow_the_ui_language(view: RosterView, qtbot: QtBot,
                                               tmp_path: Path,
                                               translations: Translations) -> None:
    translations.apply("zh_CN")
    chinese = tmp_path / "zh.csv"
    with qtbot.waitSignal(view.exported, timeout=WAIT):
        view.export_to(str(chinese))
    assert _csv_rows(chinese)[1][:3] == ["编号", "姓名", "手机"]  # below the demo title
    translations.apply("en")
    english = tmp_path / "en.csv"
    with qtbot.waitSignal(view.exported, timeout=WAIT):
        view.export_to(str(english))
    rows = _csv_rows(english)
    assert rows[1][:3] == ["id", "name", "phone"] and len(rows) == 2 + 129
    assert view.info.text().startswith("Exported 129 people to ")
    again = import_roster(english, view.model.roster)  # English headers read back too
    assert again.ok and again.roster is not None and len(again.roster) == 129


def test_export_of_the_duty_rota(view: RosterView, qtbot: QtBot, tmp_path: Path) -> None:
    roster = view.model.roster
    path = tmp_path / "rota.xlsx"
    with qtbot.waitSignal(view.exported, timeout=WAIT):
        view.export_rota_to(str(path))
    read = read_shifts(path, people=roster.by_id)
    assert read.ok and read.shifts == roster.shifts and len(roster.shifts) == 613
    assert "613 duty/leave entries" in view.info.text()


def test_now_button_sets_the_moment(view: RosterView) -> None:
    view.set_moment(dt.datetime(2026, 7, 12, 2, 0))
    assert view.model.moment == dt.datetime(2026, 7, 12, 2, 0)
    view.now_button.click()
    assert abs(view.model.moment - dt.datetime.now()) < dt.timedelta(minutes=2)


def test_apply_refuses_when_the_store_changed_since_the_preview(
        view: RosterView, qtbot: QtBot, db: str, tmp_path: Path) -> None:
    """Another import (here the CLI's functions) between preview and Apply: nothing is
    saved over it; the view says so and shows the roster now in use."""
    path = _people_file(tmp_path)
    _import(view, qtbot, path)
    dialog = view.import_dialog
    assert dialog is not None
    apply_import(preview_import("roster", str(_people_file(tmp_path, "other.csv")), db), db)
    with qtbot.waitSignal(view.failed, timeout=WAIT), \
            qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.apply_button.click()
    assert view.message.isVisible() and "changed since the preview" in view.message.text()
    with open_store(db) as store:
        assert [r.file_name for r in import_history(store)] == ["other.csv"]
    assert not view.model.roster.demo


def test_rota_import_and_diff_in_the_core(tmp_path: Path) -> None:
    """Qt-free: ``import_rota`` keeps the people and replaces the rota; ``diff_shifts``
    counts entries added, removed and kept."""
    from console.roster.roster_import import diff_shifts, import_rota

    base = dataclasses.replace(load_demo_roster(), demo=False)
    path = _rota_file(tmp_path, base, "rota.csv")
    result = import_rota(path, base)
    assert result.ok and result.roster is not None
    assert result.roster.people == base.people and len(result.roster.shifts) == 3
    diff = diff_shifts(base.shifts, result.roster.shifts)
    assert (len(diff.added), len(diff.removed), diff.unchanged) == (3, len(base.shifts), 0)
    same = diff_shifts(result.roster.shifts, result.roster.shifts)
    assert (same.added, same.removed, same.unchanged) == ((), (), 3)
    missing = import_rota(tmp_path / "nowhere.csv", base)
    assert missing.roster is None and missing.errors
