"""The roster view: the table model, filters, import preview and apply, export, and
the lazy page in the main window. The store is a scratch SQLite file per test."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.plans.vocabulary import Unit
from console.roster.demo import load_demo_roster
from console.roster.model import Availability, DutyShift, Person, Roster
from console.roster.roster_import import import_roster
from console.roster.table_columns import TAG_NAMES
from console.roster.table_write import write_people, write_shifts
from console.store import load_roster, open_store
from console.views.i18n import LANGUAGES, Translations
from console.views.main_window import MainWindow
from console.views.roster_model import COLUMNS, TAG_LABELS, RosterFilter, RosterTableModel, tag_name
from console.views.roster_view import RosterView
from console.views.settings import Settings

from .test_i18n import _ui_texts

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
NIGHT = dt.datetime(2026, 7, 12, 2, 0)


@pytest.fixture(autouse=True)
def _scratch_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    database = tmp_path / "console.db"
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{database}")
    return database


@pytest.fixture
def view(qtbot: QtBot) -> RosterView:
    """A roster view showing the roster in use (the demo roster: the store is empty)."""
    widget = RosterView()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.show()
    return widget


def _big_roster(count: int) -> Roster:
    demo = load_demo_roster()
    template = demo.people
    people = tuple(dataclasses.replace(template[i % len(template)], id=f"P{i:05d}")
                   for i in range(count))
    return Roster(people, demo.villages, demo.grids, (), demo.hours)


def _column(view: RosterView, header: str) -> int:
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    return headers.index(header)


def _shown(view: RosterView, header: str) -> list[str]:
    column = _column(view, header)
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_demo_roster_rows_and_columns(view: RosterView) -> None:
    """129 demo people, the documented columns in Chinese, the DEMO DATA banner."""
    model = view.model
    assert model.rowCount() == 129 and view.proxy.rowCount() == 129
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["编号", "姓名", "手机", "单位", "职务", "技能", "所在村/社区", "网格",
                       "当前可用性"]
    assert view.banner.isVisible() and "演示数据 DEMO DATA" in view.banner.text()
    first = view.proxy.index(0, 0)
    row = [view.proxy.index(0, c).data() for c in range(model.columnCount())]
    assert first.data() == "T001" and row[1] == "朱倩倩"
    assert re.fullmatch(r"1\d\d\*{4}\d{4}", row[2])  # masked, as in the data
    assert row[3] == "镇领导班子" or _CJK.search(row[3])
    assert row[5] == "指挥长"
    assert row[8] in {"在岗", "不在岗(可召回)", "请假/外出"}
    assert view.count.text() == "显示 129 人，共 129 人"


def test_ten_thousand_rows_are_lazy(qtbot: QtBot) -> None:
    """10,000 people: rows come from a list, any screenful of cells is answered, sorting
    and filtering work on the proxy, and there is no widget per row (the speed itself is
    benchmarks' business, not a test's)."""
    model = RosterTableModel()
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    model.set_roster(_big_roster(10_000))
    assert model.rowCount() == 10_000 and proxy.rowCount() == 10_000
    for row in range(5_000, 5_040):  # one screenful in the middle
        for column in range(model.columnCount()):
            assert model.index(row, column).data() is not None
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    proxy.set_filters(unit=Unit.VILLAGE.value)
    assert 0 < proxy.rowCount() < 10_000

    view = RosterView()
    qtbot.addWidget(view)
    view.set_roster(_big_roster(10_000))
    view.resize(1200, 700)
    view.show()
    view.table.scrollToBottom()
    assert view.table.indexWidget(view.proxy.index(0, 0)) is None
    assert len(view.findChildren(QLabel)) < 20  # no per-row widgets


def test_filters_narrow_the_rows(view: RosterView) -> None:
    """Village 胜地社区, tag forest_fire_squad, availability at 2026-07-12 02:00, unit."""
    roster = view.model.roster
    view.set_filter(village="胜地社区")
    assert view.proxy.rowCount() == 8
    assert set(_shown(view, "所在村/社区")) == {"胜地社区"}
    view.clear_filters()
    view.set_filter(tag="forest_fire_squad")
    expected = {p.id for p in roster if "forest_fire_squad" in p.tags}
    assert set(_shown(view, "编号")) == expected and len(expected) == 46
    view.clear_filters()
    view.set_moment(NIGHT)
    view.set_filter(availability=Availability.ON_DUTY)
    on_duty = {p.id for p in roster if roster.availability(p, NIGHT) is Availability.ON_DUTY}
    assert set(_shown(view, "编号")) == on_duty and len(on_duty) == 3
    assert set(_shown(view, "当前可用性")) == {"在岗"}
    view.set_filter(availability=Availability.ON_LEAVE)
    assert view.proxy.rowCount() == 4
    view.clear_filters()
    view.set_filter(unit=Unit.VILLAGE.value, tag="forest_fire_squad")
    assert set(_shown(view, "编号")) == {
        p.id for p in roster if p.unit is Unit.VILLAGE and "forest_fire_squad" in p.tags}
    assert view.count.text() == f"显示 {view.proxy.rowCount()} 人，共 129 人"


def test_sorting_by_column(view: RosterView) -> None:
    column = _column(view, "编号")
    view.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    ids = _shown(view, "编号")
    assert ids == sorted(ids, reverse=True)
    view.table.sortByColumn(_column(view, "当前可用性"), Qt.SortOrder.AscendingOrder)
    assert len(_shown(view, "当前可用性")) == 129


def _changed_file(tmp_path: Path) -> Path:
    """The demo roster with one person added, one changed and two removed."""
    demo = load_demo_roster()
    people = list(demo.people)
    people[0] = dataclasses.replace(people[0], post="党委书记")
    del people[5:7]
    people.append(Person("X001", "新同志", "13800000001", Unit.COMMAND_CENTRE, "值班员",
                         tags=frozenset({"duty_officer"})))
    path = tmp_path / "new-roster.csv"
    write_people(path, dataclasses.replace(demo, people=tuple(people)))
    return path


def test_import_preview_of_a_good_file_then_apply(view: RosterView, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    """The preview counts added/changed/removed; Apply saves in the store and reloads."""
    path = _changed_file(tmp_path)
    with qtbot.waitSignal(view.previewShown, timeout=20_000):
        view.import_file(str(path))
    dialog = view.import_dialog
    assert dialog is not None and dialog.isVisible() and dialog.can_apply
    assert (dialog.added.count(), dialog.changed.count(), dialog.removed.count()) == (1, 1, 2)
    assert "新增 1" in dialog.summary.text() and "变更 1" in dialog.summary.text()
    assert "删除 2" in dialog.summary.text()
    assert dialog.added.item(0).text().startswith("X001 新同志")
    assert "职务" in dialog.changed.item(0).text()
    with qtbot.waitSignal(view.applied, timeout=20_000), \
            qtbot.waitSignal(view.loaded, timeout=20_000):
        dialog.apply_button.click()
    with open_store() as store:
        saved = load_roster(store)
    assert saved is not None and len(saved) == 128 and "X001" in saved.by_id
    assert view.model.rowCount() == 128 and not view.model.roster.demo
    assert not view.banner.isVisible()


def test_import_preview_of_a_bad_file(view: RosterView, qtbot: QtBot, tmp_path: Path) -> None:
    """Row-precise problems listed, Apply disabled, nothing stored."""
    path = tmp_path / "bad.csv"
    path.write_text("编号,姓名,手机,单位\nA1,张三,12345,民生服务\nA2,李四,13800000002,不存在\n",
                    encoding="utf-8")
    with qtbot.waitSignal(view.previewShown, timeout=20_000):
        view.import_file(str(path))
    dialog = view.import_dialog
    assert dialog is not None and not dialog.can_apply
    problems = [dialog.problems.item(r).text() for r in range(dialog.problems.count())]
    assert any(p.startswith(f"{path}:2:手机: ") for p in problems), problems
    assert any(p.startswith(f"{path}:3:单位: ") for p in problems), problems
    assert "不能导入" in dialog.summary.text()
    dialog.accept()  # even forced, a bad file is never imported
    dialog.reject()
    with open_store() as store:
        assert load_roster(store) is None
    assert view.model.roster.demo


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reimports_identically(view: RosterView, qtbot: QtBot, tmp_path: Path,
                                      suffix: str) -> None:
    path = tmp_path / f"roster{suffix}"
    with qtbot.waitSignal(view.exported, timeout=20_000) as blocker:
        view.export_to(str(path))
    assert blocker.args == [str(path)] and path.is_file()
    roster = view.model.roster
    again = import_roster(path, roster)
    assert again.ok and again.roster is not None
    assert [dataclasses.replace(p, demo=False) for p in again.roster.people] == \
        [dataclasses.replace(p, demo=False) for p in roster.people]


def test_strings_are_translated(view: RosterView, translations: Translations,
                                qtbot: QtBot) -> None:
    """Chinese throughout in Chinese; English after a switch."""
    texts = _ui_texts(view)
    assert {"导入", "导出", "花名册…", "值班表…", "导入记录…", "全部人员…", "筛选出的人员…",
            "清除筛选", "全部", "现在"} <= set(texts)
    english = [t for t in texts if _LATIN.search(t) and not _CJK.search(t)
               and t not in LANGUAGES.values() and t != "yyyy-MM-dd HH:mm"]
    assert english == []
    translations.apply("en")
    qtbot.waitUntil(lambda: view.import_action.text() == "Roster…")
    assert view.import_button.text() == "Import" and view.export_shown_action.text() == \
        "Rows shown…"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Id"
    assert view.unit_box.itemText(0) == "All"


def test_main_window_builds_the_roster_page_when_shown(qtbot: QtBot,
                                                       translations: Translations) -> None:
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    assert window.section_available("roster") and window.roster_page.view is None
    window.show()
    window.show_section("roster")
    qtbot.waitUntil(lambda: window.roster_page.view is not None)
    view = window.roster_page.view
    assert view is not None
    qtbot.waitUntil(lambda: view.model.rowCount() == 129, timeout=20_000)
    assert view.proxy.rowCount() == view.model.rowCount(QModelIndex())


def test_a_store_that_cannot_be_opened_is_reported(qtbot: QtBot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No modal box, no crash: the problem is shown above the table."""
    monkeypatch.setenv("CONSOLE_DB_URL", "mysql://nobody@nowhere/db")
    widget = RosterView()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.failed, timeout=20_000) as blocker:
        widget.show()
    assert "mysql" in blocker.args[0]
    assert widget.message.isVisible() and widget.message.text().startswith("出现问题：")
    assert widget.model.rowCount() == 0 and not widget.loading


def test_language_switch_keeps_the_filters(view: RosterView, translations: Translations,
                                           qtbot: QtBot) -> None:
    view.set_filter(tag="forest_fire_squad", village="胜地社区")
    rows = view.proxy.rowCount()
    assert view.tag_box.currentText() == "森防应急小分队"
    translations.apply("en")
    qtbot.waitUntil(lambda: view.tag_box.currentText() == "Forest fire squad")
    assert view.tag_box.currentData() == "forest_fire_squad"
    assert view.village_box.currentText() == "胜地社区" and view.proxy.rowCount() == rows
    assert view.count.text() == f"Showing {rows} of 129 people"


def test_none_survives_many_empty_cells() -> None:
    """PySide6 6.12.0 loses a reference to None on each ``index.data()`` that answers
    None (see docs/desktop.md): the model keeps None alive."""
    model = RosterTableModel()
    model.set_roster(load_demo_roster())
    foreground = Qt.ItemDataRole.ForegroundRole
    for _ in range(200):
        for row in range(100):
            assert model.index(row, 0).data(foreground) is None


def test_sorting_is_the_models_and_survives_reloads(qtbot: QtBot) -> None:
    """Names in Chinese (pinyin) order, ids with their numbers compared as numbers,
    availability 在岗 → 不在岗 → 请假; the order holds across a new roster and a new
    moment, and a selected row stays with its person."""
    model = RosterTableModel()
    proxy = RosterFilter()
    proxy.setSourceModel(model)
    demo = load_demo_roster()
    people = (dataclasses.replace(demo.people[0], id="T10", name="张三"),
              dataclasses.replace(demo.people[1], id="T2", name="李四"),
              dataclasses.replace(demo.people[2], id="T1", name="阿明"))
    model.set_roster(Roster(people, demo.villages, demo.grids, (), demo.hours))

    def column(key: str) -> list[str]:
        index = [k for k, _ in COLUMNS].index(key)
        return [proxy.index(r, index).data() for r in range(proxy.rowCount())]

    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert column("name") == ["阿明", "李四", "张三"]
    selected = QPersistentModelIndex(proxy.index(2, 0))  # 张三
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert column("id") == ["T1", "T2", "T10"]
    assert selected.row() == 2 and selected.data() == "T10"
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert column("id") == ["T10", "T2", "T1"] and selected.row() == 0

    big = _big_roster(3_000)
    model.set_roster(big)
    ids = column("id")
    assert ids == sorted(ids, key=lambda i: int(i[1:]), reverse=True)
    availability = [k for k, _ in COLUMNS].index("availability")
    model.set_moment(NIGHT)
    proxy.sort(availability, Qt.SortOrder.AscendingOrder)
    rank = {state: i for i, state in enumerate(Availability)}
    states = [rank[model.availability(proxy.mapToSource(proxy.index(r, 0)).row())]
              for r in range(proxy.rowCount())]
    assert states == sorted(states)
    model.set_moment(dt.datetime(2026, 7, 13, 10, 0))  # a Monday morning: office hours
    states = [rank[model.availability(proxy.mapToSource(proxy.index(r, 0)).row())]
              for r in range(proxy.rowCount())]
    assert states == sorted(states) and states[0] == 0


def test_history_and_rota_preview_in_chinese(view: RosterView, qtbot: QtBot, tmp_path: Path,
                                             translations: Translations) -> None:
    """The import history, the source line, the confirmation and a rota preview in the
    Chinese UI; the dialogs follow a language switch."""
    assert view.source.text().startswith("来源：演示花名册")
    with qtbot.waitSignal(view.historyShown, timeout=20_000):
        history = view.show_history()
    assert history.windowTitle() == "花名册导入记录" and "尚无导入记录" in history.note.text()
    table = history.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "序号", "导入时间", "导入人", "文件", "人数", "结果", "SHA-256 校验值", "状态"]
    with qtbot.waitSignal(view.previewShown, timeout=20_000):
        view.import_file(str(_changed_file(tmp_path)))
    dialog = view.import_dialog
    assert dialog is not None and "演示值班表不带入" in dialog.summary.text()
    assert dialog.rota_button.text() == "附带值班表…"
    with qtbot.waitSignal(view.applied, timeout=20_000), \
            qtbot.waitSignal(view.loaded, timeout=20_000), \
            qtbot.waitSignal(view.historyShown, timeout=20_000):
        dialog.apply_button.click()
    assert view.info.text().startswith("已导入 new-roster.csv：128 人已存入数据库（导入记录 #1）")
    assert view.source.text().startswith("来源：new-roster.csv，")
    assert table.rowCount() == 1 and table.item(0, 5).text() == "新增 128 · 变更 0 · 删除 0"
    assert table.item(0, 7).text() == "在用" and "共 1 次导入" in history.note.text()
    roster = view.model.roster
    rota = tmp_path / "rota.csv"
    start = dt.datetime(2026, 8, 1, 8, 0)
    write_shifts(rota, dataclasses.replace(roster, shifts=(
        DutyShift(roster.people[0].id, start, start + dt.timedelta(hours=24)),)))
    with qtbot.waitSignal(view.previewShown, timeout=20_000):
        view.import_rota_file(str(rota))
    preview = view.import_dialog
    assert preview is not None and preview.windowTitle() == "导入值班表：rota.csv"
    assert "人员不变" in preview.summary.text()
    tabs = [preview.tabs.tabText(i) for i in range(preview.tabs.count())]
    assert tabs == ["新增值班（1）", "删除值班（0）"]
    assert " · 值班 · " in preview.shifts_added.item(0).text()
    texts = _ui_texts(history) + _ui_texts(preview)
    assert [t for t in texts if _LATIN.search(t) and not _CJK.search(t)] == []
    translations.apply("en")
    qtbot.waitUntil(lambda: history.windowTitle() == "Roster import history")
    assert preview.windowTitle() == "Import duty rota: rota.csv"
    assert table.item(0, 7).text() == "in use"
    preview.reject()


def test_skills_are_named_in_both_languages(translations: Translations) -> None:
    """Every shared skill/tag has an English name; in Chinese it is the roster format's
    own Chinese name. A tag outside the vocabulary shows its id (readable in English)."""
    assert list(TAG_LABELS) == list(TAG_NAMES)
    assert [tag_name(t) for t in TAG_NAMES] == list(TAG_NAMES.values())
    assert tag_name("boat_crew") == "boat_crew"
    translations.apply("en")
    assert tag_name("deputy_commander") == "Deputy commander"
    assert tag_name("petition_officer") == "Petition officer"
    assert tag_name("forest_fire_squad") == "Forest fire squad"
    assert tag_name("boat_crew") == "Boat crew"
    names = [tag_name(t) for t in TAG_NAMES]
    assert len(set(names)) == len(names)
    assert not any("_" in n or _CJK.search(n) for n in names)


def test_english_skills_are_labels_filters_and_export_use_ids(
        view: RosterView, translations: Translations, qtbot: QtBot, tmp_path: Path) -> None:
    """In English the skills column and the skill filter show names, not ids; the filter
    still chooses by id and the export still writes ids (the file format's)."""
    translations.apply("en")
    qtbot.waitUntil(lambda: view.tag_box.itemText(0) == "All")
    skills = _shown(view, "Skills")
    assert skills[0] == "Commander"
    assert not any("_" in cell or _CJK.search(cell) for cell in skills)
    assert any("Deputy commander" in cell for cell in skills)
    offered = {view.tag_box.itemData(i): view.tag_box.itemText(i)
               for i in range(1, view.tag_box.count())}
    assert offered["forest_fire_squad"] == "Forest fire squad"
    assert offered["petition_officer"] == "Petition officer"
    view.set_filter(tag="forest_fire_squad")
    assert view.tag_box.currentText() == "Forest fire squad"
    expected = {p.id for p in view.model.roster.people if "forest_fire_squad" in p.tags}
    assert set(_shown(view, "Id")) == expected and expected
    assert all("Forest fire squad" in cell for cell in _shown(view, "Skills"))
    path = tmp_path / "shown.csv"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export_to(str(path), shown=True)
    text = path.read_text(encoding="utf-8-sig")
    assert "forest_fire_squad" in text and "Forest fire squad" not in text
    again = import_roster(path, view.model.roster)
    assert again.ok and again.roster is not None
    assert {p.id for p in again.roster.people} == expected
