"""Translations: complete catalogues, compiled catalogues in step, a live switch, and no
untranslated English in the Chinese UI."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.plans import vocabulary
from console.views.i18n import LANGUAGES, Translations, arg, current_language
from console.views.i18n_catalogues import (
    compile_catalogue,
    extract,
    read_messages,
    source_files,
    ts_path,
)
from console.views.main_window import MainWindow
from console.views.settings import Settings
from console.views.vocabulary import KINDS, label

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The committed catalogues, brought up to date with the source in a scratch folder."""
    folder = tmp_path_factory.mktemp("i18n")
    copies = {}
    for language in LANGUAGES:
        copies[language] = shutil.copy(ts_path(language), folder / ts_path(language).name)
    extract(list(copies.values()))
    return copies


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_catalogue_holds_every_string(language: str, regenerated: dict[str, Path]) -> None:
    """Every tr() string of console/app.py and console/views is in the catalogue, none
    is stale, and every translation is finished."""
    committed = read_messages(ts_path(language))
    fresh = read_messages(regenerated[language])
    assert sorted(set(fresh) - set(committed)) == [], "run python -m console.views.i18n_catalogues"
    assert sorted(set(committed) - set(fresh)) == [], "stale strings: regenerate the catalogues"
    unfinished = [key for key, message in committed.items() if not message.finished]
    assert unfinished == []


def test_english_is_the_source() -> None:
    """The English catalogue translates each string to itself; Chinese is Chinese."""
    for message in read_messages(ts_path("en")).values():
        assert message.translation == message.source
    for message in read_messages(ts_path("zh_CN")).values():
        assert _CJK.search(message.translation) or not _LATIN.search(message.source), message


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_compiled_catalogue_matches(language: str, tmp_path: Path) -> None:
    """The committed .qm is exactly what its .ts compiles to."""
    fresh = tmp_path / "fresh.qm"
    compile_catalogue(ts_path(language), fresh)
    assert fresh.read_bytes() == ts_path(language).with_suffix(".qm").read_bytes()


def _called_name(call: ast.Call) -> str:
    """``tr`` for ``self.tr(…)`` and for a bare ``translate(…)`` alike."""
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


def test_tr_arguments_are_not_built_at_run_time() -> None:
    """No tr()/translate() gets an f-string, a concatenation or a %-formatted text: those
    would never be found in a catalogue."""
    offenders = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _called_name(node) in ("tr", "translate"):
                for argument in node.args:
                    if isinstance(argument, ast.JoinedStr | ast.BinOp):
                        offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_vocabulary_names_match_the_plan_format(translations: Translations) -> None:
    """In Chinese, every vocabulary label is the plan format's own Chinese name."""
    for kind, entries in KINDS.items():
        enum = getattr(vocabulary, kind)
        assert set(entries) == {member.value for member in enum}
        for member in enum:
            assert label(kind, member.value) == member.zh
    translations.apply("en")
    assert label("Hazard", "forest_fire") == "Forest fire"
    assert label("Hazard", "unknown_kind") == "unknown_kind"


def test_arg_fills_in_one_pass() -> None:
    """A value holding %2 is not filled again."""
    assert arg("%1 and %2", "a%2", "b") == "a%2 and b"
    assert arg("%1 of %3", "x") == "x of %3"


def _ui_texts(root: QWidget) -> list[str]:
    """The UI's own texts under ``root``: menus, actions, buttons, labels that are not
    plan data, tabs, list items and table headers."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    texts += [menu.title() for menu in root.findChildren(QMenu)]
    texts += [button.text() for button in root.findChildren(QAbstractButton)]
    texts += [label_.text() for label_ in root.findChildren(QLabel)
              if not label_.objectName().startswith(("plan-", "level-", "step-"))]
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for items in root.findChildren(QListWidget):
        texts += [items.item(i).text() for i in range(items.count())
                  if items.objectName() != "plan-problems"]
        texts += [items.item(i).toolTip() for i in range(items.count())]
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is not None:
            texts += [model.headerData(c, Qt.Orientation.Horizontal)
                      for c in range(model.columnCount(QModelIndex()))]
    return [t for t in texts if isinstance(t, str) and t]


def test_chinese_ui_has_no_untranslated_english(qtbot: QtBot, translations: Translations) -> None:
    """In Chinese, every UI text of the window is Chinese (language names aside)."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    window.ensure_plan_view()
    texts = _ui_texts(window)
    assert {"预案库", "岗位与人员", "在后续版本中提供", "打开预案文件…"} <= set(texts)
    english = [t for t in texts
               if _LATIN.search(t) and not _CJK.search(t) and t not in LANGUAGES.values()
               and not re.fullmatch(r"[ⅠⅡⅢⅣ]", t)]
    assert english == []


def test_live_language_switch(qtbot: QtBot, translations: Translations) -> None:
    """Switching language re-translates menus, sections and table headers at once."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window)
    menus = window.menuBar().actions()
    header = window.library.model.headerData(1, Qt.Orientation.Horizontal)
    assert (menus[0].text(), header) == ("文件(&F)", "预案名称")
    window.set_language("en")
    assert current_language() == "en" and window.settings.language == "en"
    qtbot.waitUntil(lambda: menus[0].text() == "&File")  # LanguageChange is an event
    assert [a.text() for a in menus] == ["&File", "&View", "&Help"]
    assert window.library.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
    assert window.windowTitle() == "Contingency Console"
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.windowTitle() == "应急预案演练控制台")
