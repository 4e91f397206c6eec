"""The plan library: the table model, invalid plans, actions, off-thread loading, cache."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from console.plans import load_plan, load_plan_text
from console.views import plan_catalogue, plan_library
from console.views.plan_catalogue import LibraryFolder, scan_library
from console.views.plan_files import unique_plan_id, with_plan_id
from console.views.plan_library import PlanLibrary
from console.views.settings import Settings, user_plans_dir

from .conftest import FOREST_FIRE

BROKEN = "format: 1\nid: broken\ntitle: [unclosed\n"


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    """An added folder with one broken plan."""
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def library(qtbot: QtBot, extra: Path) -> PlanLibrary:
    library = PlanLibrary(Settings(plan_folders=[str(extra)]))
    qtbot.addWidget(library)
    library.show()
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        library.reload()
    return library


def _row(library: PlanLibrary, name: str) -> int:
    rows = [r for r, p in enumerate(library.model.plans()) if Path(p.path).name == name]
    assert rows, name
    return rows[0]


def _cells(library: PlanLibrary, row: int) -> list[str]:
    model = library.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_columns_and_rows(library: PlanLibrary) -> None:
    """Hazard, title, id, version, status, steps, problems; shipped plans and the broken one."""
    model = library.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["类别", "预案名称", "编号", "版本", "状态", "步骤数", "问题"]
    assert model.rowCount() == 6
    assert _cells(library, _row(library, "forest-fire.yaml")) == \
        ["森林防火", "黑溪镇森林火灾应急预案", "forest-fire", "2026.1", "已批准", "40", "无"]


def test_invalid_plan_is_listed_with_its_errors(library: PlanLibrary) -> None:
    """A plan that does not load shows its file name and diagnostics; it cannot be opened."""
    row = _row(library, "broken.yaml")
    cells = _cells(library, row)
    assert cells[:3] == ["—", "broken.yaml", "—"]
    assert cells[6] == "错误 1 个"
    library.select_path(library.model.summary(row).path)
    assert library.problems.count() == 1
    assert "P006" in library.problems.item(0).text()
    line = library.problems.item(0).data(Qt.ItemDataRole.UserRole)
    assert line == library.model.summary(row).problems[0].line > 0
    assert not library.open_action.isEnabled()
    assert library.reveal_action.isEnabled()


def test_open_emits_the_path(library: PlanLibrary, qtbot: QtBot) -> None:
    """Opening a clean plan asks for it by path."""
    library.select_path(str(FOREST_FIRE))
    assert library.problems.item(0).text() == "未发现问题。"
    with qtbot.waitSignal(library.openRequested) as opened:
        library.open_action.trigger()
    assert opened.args == [str(FOREST_FIRE)]


def test_loading_runs_off_the_gui_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plans are checked on a worker thread and delivered to the GUI thread."""
    threads: list[threading.Thread] = []
    real = plan_library.scan_library

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_library, "scan_library", spy)
    library = PlanLibrary(Settings())
    qtbot.addWidget(library)
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        library.reload()
    assert threads and threads[0] is not threading.main_thread()
    assert library.model.rowCount() == 5


def test_new_from_template(library: PlanLibrary, qtbot: QtBot) -> None:
    """A new plan is written into the user's folder under a new id, listed and selected."""
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        path = library.new_from_template()
    assert path == user_plans_dir() / "new-plan.yaml"
    assert "\nid: new-plan " in path.read_text(encoding="utf-8")
    selected = library.selected()
    assert selected is not None and selected.plan_id == "new-plan" and selected.ok
    assert selected.origin == "user"


def test_duplicate(library: PlanLibrary, qtbot: QtBot) -> None:
    """A copy differs from its source in the id line only; a second copy gets -2."""
    library.select_path(str(FOREST_FIRE))
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        copy = library.duplicate_selected()
    assert copy == user_plans_dir() / "forest-fire-copy.yaml"
    source = FOREST_FIRE.read_text(encoding="utf-8")
    assert copy.read_text(encoding="utf-8") == source.replace("\nid: forest-fire\n",
                                                              "\nid: forest-fire-copy\n")
    assert load_plan(copy).ok
    library.select_path(str(FOREST_FIRE))
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        second = library.duplicate_selected()
    assert second is not None and second.name == "forest-fire-copy-2.yaml"


def test_reveal_opens_the_folder(library: PlanLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    """Show in folder opens the plan's folder in the file manager."""
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    library.select_path(str(FOREST_FIRE))
    assert library.reveal_selected()
    assert opened == [QUrl.fromLocalFile(str(FOREST_FIRE.parent))]


def test_added_folder_is_remembered(library: PlanLibrary, qtbot: QtBot, tmp_path: Path) -> None:
    """Adding a folder lists its plans and keeps it in the settings."""
    more = tmp_path / "more"
    more.mkdir()
    (more / "copy.yaml").write_bytes(FOREST_FIRE.read_bytes())
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        library.add_folder(str(more))
    assert str(more) in library._settings.plan_folders
    assert library.model.rowCount() == 7
    assert library.folders()[-1] == LibraryFolder(more, "added")


# -- the catalogue, without Qt ------------------------------------------------------------


def test_cache_skips_unchanged_files(tmp_path: Path, extra: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A second scan reads unchanged files from the cache; a changed file is checked."""
    cache = tmp_path / "cache.json"
    folders = [LibraryFolder(extra, "added")]
    (extra / "good.yaml").write_bytes(FOREST_FIRE.read_bytes())
    first = scan_library(folders, cache)
    assert [p.plan_id for p in first] == [None, "forest-fire"]

    import console.plans

    def refuse(path: object) -> object:
        raise AssertionError(f"{path} was loaded again")

    monkeypatch.setattr(console.plans, "load_plan", refuse)
    assert scan_library(folders, cache) == first
    monkeypatch.undo()
    good = extra / "good.yaml"
    good.write_text(good.read_text(encoding="utf-8").replace("version: \"2026.1\"",
                                                             "version: \"2026.2\""),
                    encoding="utf-8")
    os.utime(good, ns=(1, 1))
    assert [p.version for p in scan_library(folders, cache)] == [None, "2026.2"]


def test_cache_is_tied_to_the_loader(tmp_path: Path, extra: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A different plan loader (another fingerprint) ignores the old cache; a broken cache
    is ignored too."""
    cache = tmp_path / "cache.json"
    scan_library([LibraryFolder(extra, "added")], cache)
    monkeypatch.setattr(plan_catalogue, "loader_fingerprint", lambda: "another loader")
    calls: list[object] = []
    import console.plans

    real = console.plans.load_plan
    monkeypatch.setattr(console.plans, "load_plan", lambda p: calls.append(p) or real(p))
    scan_library([LibraryFolder(extra, "added")], cache)
    assert len(calls) == 1
    cache.write_text("{not json", encoding="utf-8")
    assert len(scan_library([LibraryFolder(extra, "added")], cache)) == 1


def test_with_plan_id_keeps_the_rest() -> None:
    """Only the top-level id value changes; a trailing comment stays."""
    text = "format: 1\nid: old   # the id\nsteps:\n  x: {id: old}\n"
    assert with_plan_id(text, "new") == "format: 1\nid: new   # the id\nsteps:\n  x: {id: old}\n"
    with pytest.raises(ValueError):
        with_plan_id("format: 1\n", "new")


def test_unique_plan_id(tmp_path: Path) -> None:
    """Ids are valid plan ids, free in the library and in the folder."""
    (tmp_path / "fire-copy.yaml").write_text("", encoding="utf-8")
    assert unique_plan_id("fire-copy", set(), tmp_path) == "fire-copy-2"
    assert unique_plan_id("fire-copy", {"fire-copy-2"}, tmp_path) == "fire-copy-3"
    assert unique_plan_id("9 火灾 Plan", set(), tmp_path) == "plan-9-plan"


def test_last_plan_is_selected_at_start(qtbot: QtBot) -> None:
    """The plan opened last time is selected when the library first fills."""
    library = PlanLibrary(Settings(last_plan=str(FOREST_FIRE)))
    qtbot.addWidget(library)
    with qtbot.waitSignal(library.loaded, timeout=20_000):
        library.reload()
    selected = library.selected()
    assert selected is not None and selected.plan_id == "forest-fire"


def test_templates_are_clean_plans(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Both templates load without a problem; the annotated one points at this schema."""
    from console.views import plan_files

    text = plan_files.template_text()
    assert text.startswith("# yaml-language-server: $schema=file://")
    monkeypatch.setattr(plan_files, "ANNOTATED_EXAMPLE", tmp_path / "missing.yaml")
    assert plan_files.template_text() == plan_files.MINIMAL_TEMPLATE
    for template in (text, plan_files.MINIMAL_TEMPLATE):
        loaded = load_plan_text(template)
        assert loaded.ok and not loaded.diagnostics
