"""The reports page (报告): recorded drills listed from a scratch SQLite store (two real
drills recorded through the core, as ``drill run`` does), the summary of one, export of
the after-action report in each format, the empty and the broken store, language."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from console.store import open_store
from console.views import report_export
from console.views.i18n import Translations
from console.views.main_window import SECTIONS, MainWindow
from console.views.report_export import export_folder
from console.views.report_list_model import clock_text
from console.views.report_page import RECORD_COMMAND, ReportPage
from console.views.report_records import ComparedDrill, DrillListing, default_file_name
from console.views.report_summary import comparison_heads
from console.views.settings import Settings
from tests.drills.helpers import new_session, run_through

WAIT = 60_000


@pytest.fixture(autouse=True)
def _scratch_default_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A page without a database of its own never reaches the user's real one."""
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{tmp_path / 'default.db'}")


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with two finished drills of forest-fire (seeds 3 and 7, the later one
    compared with the earlier)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reports') / 'console.db'}"
    with open_store(url) as store:
        for seed in (3, 7):
            run_through(new_session(store, seed=seed))
    return url


def _page(qtbot: QtBot, database: str, *, measured: bool = True) -> ReportPage:
    page = ReportPage(database)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.show()
    if measured and page.model.rowCount():
        qtbot.waitUntil(lambda: not page.model.measuring, timeout=WAIT)
    return page


@pytest.fixture
def page(qtbot: QtBot, recorded: str) -> ReportPage:
    widget = _page(qtbot, recorded)
    qtbot.waitUntil(lambda: widget.summary.summary is not None, timeout=WAIT)
    return widget


def _cells(page: ReportPage, row: int) -> list[str]:
    model = page.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_lists_the_recorded_drills(page: ReportPage) -> None:
    """Both drills, newest first, with level, place, status and the measured columns."""
    assert page.stack.currentWidget() is page.splitter
    assert page.model.rowCount() == 2
    for row in range(2):
        name, plan, level, place, started, status, duration, loop, targets = _cells(page, row)
        assert "森林火灾" in name and plan == "黑溪镇森林火灾应急预案"
        assert level == "Ⅳ" and place == "胜地社区"
        assert started.startswith("20") and status == "已结束"
        assert duration != "—" and loop != "—"
        metrics = page.model.metrics(page.model.drill(row).id)
        assert metrics is not None and not metrics.problem
        assert metrics.met + metrics.missed == 5
        assert targets == f"达成 {metrics.met} · 未达成 {metrics.missed}"
    first, second = page.model.drill(0), page.model.drill(1)
    assert (first.started, first.id) >= (second.started, second.id)
    assert page.selected_id() == first.id  # the newest is selected
    assert page.location and "console.db" in page.location


def test_summary_of_the_selected_drill(page: ReportPage, qtbot: QtBot) -> None:
    """Targets with their margins, close-loop time, the comparison with the earlier
    drill, and the verified timeline."""
    summary = page.summary.summary
    assert summary is not None and summary.listing.id == page.selected_id()
    assert summary.verified and summary.problems == ()
    assert summary.verify_entries == summary.listing.entries > 0
    assert len(summary.targets) == 5
    assert summary.metrics.close_loop is not None
    panel = page.summary
    assert panel.targets.rowCount() == 5 and panel.targets.isVisible()
    for row, target in enumerate(summary.targets):
        assert panel.targets.item(row, 3).text() == clock_text(target.actual)
        assert clock_text(abs(target.margin or 0)) in panel.targets.item(row, 5).text()
    assert panel.findChild(type(panel.title), "report-fact-close_loop").text() == \
        clock_text(summary.metrics.close_loop)
    # the newest drill is compared with the earlier one
    compared = summary.comparison
    assert compared is not None and len(compared.drills) == 2
    assert compared.drills[-1][0] == summary.listing.id
    assert panel.comparison.isVisible()
    assert panel.comparison.columnCount() == 4  # target, two drills, trend
    # drills run the same day, with the same scenario: told apart by their ids
    heads = [panel.comparison.horizontalHeaderItem(c).text() for c in (1, 2)]
    assert len(set(heads)) == 2 and heads[1].endswith(" （本次）")
    for head, drill in zip(heads, compared.drills, strict=True):
        assert head.startswith(f"{drill.incident_time:%m-%d %H:%M} Ⅳ\n")
        assert drill.id[:4] in head and f"{drill.date:%Y-%m-%d}" not in head
        tip = panel.comparison.horizontalHeaderItem(heads.index(head) + 1).toolTip()
        assert tip.startswith(drill.name) and drill.id in tip and "Ⅳ" in tip
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == \
        f"{summary.listing.name} [{summary.listing.id}]"
    # the older drill has nothing earlier to compare with
    older = page.model.drill(1).id
    with qtbot.waitSignal(page.summaryShown, timeout=WAIT,
                          check_params_cb=lambda shown: shown == older):
        page.select_row(1)
    assert page.summary.summary is not None and page.summary.summary.comparison is None
    assert not panel.comparison.isVisible() and panel.comparison_heading.isVisible()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_export_each_format(page: ReportPage, qtbot: QtBot, tmp_path: Path, fmt: str) -> None:
    """Export runs in the background (busy, buttons off), writes the file, offers to open
    it or its folder, and remembers the folder."""
    target = tmp_path / "out" / f"报告.{fmt}"
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        page.export_to(fmt, target)
        assert page.exporting and page.busy.isVisibleTo(page)
        assert not any(a.isEnabled() for a in page.export_actions.values())
    assert done.args == [str(target)]
    assert target.stat().st_size > 1000
    head = target.read_bytes()[:8]
    assert head.startswith({"docx": b"PK", "pdf": b"%PDF", "html": b"<!"}[fmt])
    assert not page.exporting and not page.busy.isVisibleTo(page)
    assert all(a.isEnabled() for a in page.export_actions.values())
    box = page.export_message
    assert box is not None and box.isVisible()
    names = {b.objectName() for b in box.findChildren(QPushButton)}
    assert {"report-open", "report-show-folder"} <= names
    assert str(target) in box.text()
    box.close()
    assert export_folder(page.settings) == target.parent


def test_export_failure_is_a_message(page: ReportPage, qtbot: QtBot, tmp_path: Path) -> None:
    """A report that cannot be written (its folder is a file) says so; nothing crashes."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with qtbot.waitSignal(page.exportFailed, timeout=WAIT) as failed:
        page.export_to("html", blocker / "report.html")
    assert str(blocker) in failed.args[0]
    box = page.export_message
    assert box is not None and box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert "Traceback" not in box.text()
    box.close()
    assert not page.exporting and all(a.isEnabled() for a in page.export_actions.values())


def test_ask_export_proposes_a_name_in_the_remembered_folder(
        page: ReportPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The save dialog starts in the last export folder with a name from the drill; the
    chosen file gets the format's suffix."""
    report_export.remember_export_folder(page.settings, tmp_path)
    asked: list[str] = []

    def save_name(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(tmp_path / "chosen"), ""

    monkeypatch.setattr(report_export.QFileDialog, "getSaveFileName", save_name)
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        page.export_actions["html"].trigger()
    proposed = Path(asked[0])
    assert proposed.parent == tmp_path and proposed.suffix == ".html"
    assert page.model.drill(0).name.split()[0].removesuffix("演练") in proposed.name
    assert done.args == [str(tmp_path / "chosen.html")]
    assert page.export_message is not None
    page.export_message.close()


def test_default_file_name() -> None:
    drill = DrillListing("ab12cd34", "森林火灾演练 3/18", "forest-fire", "", "IV", "", None,
                         dt.datetime(2026, 3, 18, 14), "finished", False, 0.0, 0)
    assert default_file_name(drill, "pdf", "%1演练评估报告") == "森林火灾演练 3_18演练评估报告.pdf"
    assert default_file_name(drill, "docx", "%1 after-action report") == \
        "森林火灾演练 3_18 after-action report.docx"
    nameless = DrillListing(**{**drill.__dict__, "name": "演练"})
    assert default_file_name(nameless, "html", "%1演练评估报告") == "演练评估报告.html"


@pytest.fixture
def empty_store(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'empty.db'}"


def test_empty_store_says_how_drills_get_recorded(qtbot: QtBot, empty_store: str) -> None:
    """No drills: the empty state with the command that records one; nothing to export.
    Refresh (Ctrl+Shift+R) picks up a drill recorded meanwhile."""
    page = _page(qtbot, empty_store)
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is page.empty and page.empty.isVisible()
    assert RECORD_COMMAND in page.empty.text() and "empty.db" in page.empty.text()
    assert not any(a.isEnabled() for a in page.export_actions.values())
    assert page.refresh_action.shortcut() == QKeySequence("Ctrl+Shift+R")
    with open_store(empty_store) as store:
        run_through(new_session(store))
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.keyClick(page.table, Qt.Key.Key_R,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.model.rowCount() == 1 and page.stack.currentWidget() is page.splitter
    qtbot.waitUntil(lambda: page.summary.summary is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.model.measuring, timeout=WAIT)


def test_an_open_drill_has_pending_targets(qtbot: QtBot, empty_store: str) -> None:
    """A paused drill: targets not reached yet are pending, not missed."""
    with open_store(empty_store) as store:
        session = new_session(store)
        session.start()
        session.advance(300)
        session.pause()
    page = _page(qtbot, empty_store)
    qtbot.waitUntil(lambda: page.summary.summary is not None, timeout=WAIT)
    assert _cells(page, 0)[5] == page.model.tr("paused")
    metrics = page.model.metrics(page.model.drill(0).id)
    assert metrics is not None and metrics.pending > 0
    assert metrics.met + metrics.missed + metrics.pending == 5
    results = [page.summary.targets.item(r, 4).text() for r in range(5)]
    assert results.count(page.summary.tr("pending")) == metrics.pending


def test_a_damaged_record_spoils_no_other_row(qtbot: QtBot, empty_store: str,
                                              tmp_path: Path) -> None:
    """A drill whose stored plan copy no longer loads: its row says it cannot be
    measured, its summary says why; the other drill is measured as usual."""
    with open_store(empty_store) as store:
        run_through(new_session(store, seed=1))
        damaged = new_session(store, seed=2).id
    with sqlite3.connect(tmp_path / "empty.db") as conn:
        conn.execute("UPDATE drill SET plan_source = ? WHERE id = ?", (b"steps: [", damaged))
    page = _page(qtbot, empty_store)
    assert page.model.rowCount() == 2
    row = page.model.row_of(damaged)
    metrics = page.model.metrics(damaged)
    assert metrics is not None and "does not load" in metrics.problem
    assert _cells(page, row)[8] == page.model.tr("cannot be measured")
    other = page.model.metrics(page.model.drill(1 - row).id)
    assert other is not None and not other.problem and other.met + other.missed == 5
    page.select_drill(damaged)
    qtbot.waitUntil(lambda: "does not load" in page.summary.placeholder.text(), timeout=WAIT)
    assert page.summary.summary is None


@pytest.fixture
def broken_store(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database at all\n" * 100)
    yield f"sqlite:///{path}", path


def test_broken_store_is_a_message_in_the_page(qtbot: QtBot,
                                               broken_store: tuple[str, Path]) -> None:
    """A file that is not a database: a readable message, the file left untouched."""
    url, path = broken_store
    before = path.read_bytes()
    page = ReportPage(url)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=WAIT) as failed:
        page.show()
    assert "not a database" in failed.args[0]
    assert page.stack.currentWidget() is page.problem and page.problem.isVisible()
    assert "not a database" in page.problem.text() and "Traceback" not in page.problem.text()
    assert page.model.rowCount() == 0
    assert not any(a.isEnabled() for a in page.export_actions.values())
    assert path.read_bytes() == before


def test_newer_schema_is_a_message_in_the_page(qtbot: QtBot, empty_store: str,
                                               tmp_path: Path) -> None:
    open_store(empty_store).close()  # the schema, at today's revision
    with sqlite3.connect(tmp_path / "empty.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    page = _page(qtbot, empty_store)
    assert page.stack.currentWidget() is page.problem
    assert "newer version" in page.problem.text()


def test_database_down_is_a_message_in_the_page(qtbot: QtBot) -> None:
    """A PostgreSQL server that refuses connections: its reason, password hidden."""
    page = _page(qtbot, "postgresql://console:secret@127.0.0.1:1/console")
    assert page.stack.currentWidget() is page.problem
    text = page.problem.text()
    assert "127.0.0.1" in text and "secret" not in text and "***" in text
    assert "Traceback" not in text


def test_language_switch(page: ReportPage, qtbot: QtBot, translations: Translations) -> None:
    """English headers, statuses and summary at once; the summary is read again in
    English (the plan's English titles)."""
    translations.apply("en")
    try:
        qtbot.waitUntil(lambda: page.refresh_action.text() == "Refresh")  # an event
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Drill"
        assert page.export_actions["docx"].text() == "Export Word…"
        assert _cells(page, 0)[5] == "ended" and _cells(page, 0)[3] == "Shengdi Community"
        assert _cells(page, 0)[1] == "Heixi Town Forest Fire Contingency Plan"
        qtbot.waitUntil(lambda: page.summary.summary is not None
                        and page.summary.summary.lang == "en", timeout=WAIT)
        assert page.summary.targets.item(0, 0).text() == "Respond within 1 minute"
    finally:
        translations.apply("zh_CN")
    qtbot.waitUntil(lambda: page.summary.summary is not None
                    and page.summary.summary.lang == "zh", timeout=WAIT)
    assert page.summary.targets.item(0, 0).text() == "1分钟响应"
    assert page.refresh_action.text() == "刷新"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "演练"
    assert _cells(page, 0)[5] == "已结束"
    assert page.export_actions["pdf"].text() == "导出 PDF…"


def test_main_window_has_the_reports_page(qtbot: QtBot, translations: Translations) -> None:
    """Reports is available (Ctrl+4); drills stays disabled with its note."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    assert window.section_available("reports") and not window.section_available("drills")
    assert isinstance(window.report_page, ReportPage)
    assert [s.key for s in SECTIONS if window.section_available(s.key)] == \
        ["plans", "roster", "reports"]
    assert not window.report_page._requested  # the store is read when first shown


def _compared(drill_id: str, scenario: str, level: str = "IV",
              run: str = "2026-11-27") -> ComparedDrill:
    return ComparedDrill(drill_id, f"演练 {drill_id}", dt.date.fromisoformat(run),
                         dt.datetime.fromisoformat(scenario), level)


def test_comparison_heads_tell_drills_of_one_day_apart() -> None:
    """Scenario moment and level; the year only when the scenarios span years; as much
    of the id as needed only when those are equal."""
    assert comparison_heads([_compared("aaaa1111", "2026-07-10 14:00"),
                             _compared("bbbb2222", "2026-07-10 15:30"),
                             _compared("cccc3333", "2026-07-10 15:30", "III")]) == \
        ["07-10 14:00 Ⅳ", "07-10 15:30 Ⅳ", "07-10 15:30 Ⅲ"]
    assert comparison_heads([_compared("aaaa1111", "2025-07-10 14:00"),
                             _compared("bbbb2222", "2026-07-10 14:00")]) == \
        ["2025-07-10 14:00 Ⅳ", "2026-07-10 14:00 Ⅳ"]
    assert comparison_heads([_compared("ec179f9d", "2026-07-10 14:00"),
                             _compared("ec17aa00", "2026-07-10 14:00"),
                             _compared("0b1c2d3e", "2026-07-10 14:00"),
                             _compared("99999999", "2026-07-10 16:00")]) == \
        ["07-10 14:00 Ⅳ\nec179", "07-10 14:00 Ⅳ\nec17a", "07-10 14:00 Ⅳ\n0b1c",
         "07-10 16:00 Ⅳ"]
