"""The main window: sections (plans, drills, roster, reports), menus, status bar.

A section without a page yet is shown disabled with a note; a later increment gives it
a page with ``set_section_page``. The plan view, with its web page and the plan
loader's heavy imports, is built after the window is visible and the library filled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import console

from .i18n import LANGUAGES, Translations, arg, current_language
from .plan_library import PlanLibrary
from .report_page import ReportPage
from .roster_page import RosterPage
from .settings import Settings
from .signals import emit
from .workers import run_in_background

__all__ = ["SECTIONS", "MainWindow", "Section"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Section:
    """A section of the window: its key, its (untranslated) title and its shortcut."""

    key: str
    title: str
    shortcut: str


SECTIONS = (
    Section("plans", QT_TRANSLATE_NOOP("MainWindow", "Plans"), "Ctrl+1"),
    Section("drills", QT_TRANSLATE_NOOP("MainWindow", "Drills"), "Ctrl+2"),
    Section("roster", QT_TRANSLATE_NOOP("MainWindow", "Roster"), "Ctrl+3"),
    Section("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"), "Ctrl+4"),
)


def _load_document(path: str) -> object:
    """On a worker thread: the plan view's document (imports the plan loader)."""
    from .plan_document import open_plan_document

    return open_plan_document(path)


def _preload() -> None:
    """On a worker thread: import what opening a plan needs, before it is asked for."""
    from . import graph_payload, plan_document  # noqa: F401


class MainWindow(QMainWindow):
    """The console's window. ``planShown`` follows each plan shown in the plan view."""

    planShown = Signal(str)

    def __init__(self, settings: Settings, translations: Translations) -> None:
        super().__init__()
        self.settings = settings
        self._translations = translations
        self.plan_view = None  # built by warm_up() or the first opened plan
        self.plan_editor = None  # the editor of one plan file, while open
        self._warmed = False
        self._opening = 0  # the latest open_plan() wins

        self._nav = QListWidget(objectName="sections")
        self._nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._section_actions: dict[str, QAction] = {}
        for _ in SECTIONS:
            self._nav.addItem(QListWidgetItem())
        self._nav.currentRowChanged.connect(self._nav_changed)

        self.library = PlanLibrary(settings)
        self.library.openRequested.connect(self.open_plan)
        self.library.editRequested.connect(self.open_editor)
        self.library.loaded.connect(self._library_loaded)
        self.library.reloading.connect(self._update_counts)
        self._plans_stack = QStackedWidget()
        self._plans_stack.addWidget(self.library)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._counts = QLabel()
        self.statusBar().addPermanentWidget(self._counts)

        self._build_menus()
        self.set_section_page("plans", self._plans_stack)
        self.roster_page = RosterPage()  # the roster view is built when first shown
        self.set_section_page("roster", self.roster_page)
        self.report_page = ReportPage(settings=settings)  # reads the store when first shown
        self.set_section_page("reports", self.report_page)
        self._retranslate()
        self._restore_geometry()

    # -- sections ------------------------------------------------------------------------

    def set_section_page(self, key: str, page: QWidget) -> None:
        """Give a section its page; the section becomes available."""
        self._pages[key] = page
        self._stack.addWidget(page)
        self._update_sections()

    def section_available(self, key: str) -> bool:
        return key in self._pages

    def show_section(self, key: str) -> None:
        """Switch to a section that has a page."""
        if key in self._pages:
            self._nav.setCurrentRow([s.key for s in SECTIONS].index(key))

    def current_section(self) -> str:
        return SECTIONS[self._nav.currentRow()].key

    def _nav_changed(self, row: int) -> None:
        key = SECTIONS[row].key
        if key in self._pages:
            self._stack.setCurrentWidget(self._pages[key])

    def _update_sections(self) -> None:
        for row, section in enumerate(SECTIONS):
            item = self._nav.item(row)
            available = section.key in self._pages
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if available else Qt.ItemFlag.NoItemFlags)
            self._section_actions[section.key].setEnabled(available)
        if self._nav.currentRow() < 0:
            self.show_section("plans")

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self._file_menu = bar.addMenu("")
        self.open_file_action = QAction(self, triggered=self._ask_plan_file,
                                        shortcut=QKeySequence("Ctrl+O"))
        self.reload_action = QAction(self, triggered=self.library.reload)
        self.reload_action.setShortcuts([QKeySequence("Ctrl+R"), QKeySequence("F5")])
        self.quit_action = QAction(self, triggered=self.close, shortcut=QKeySequence("Ctrl+Q"))
        library = self.library
        for action in (self.open_file_action, library.edit_action, library.new_action,
                       library.duplicate_action, library.reveal_action,
                       library.add_folder_action):
            self._file_menu.addAction(action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.reload_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.quit_action)

        self._view_menu = bar.addMenu("")
        for section in SECTIONS:
            action = QAction(self, shortcut=QKeySequence(section.shortcut),
                             triggered=lambda _=False, key=section.key: self.show_section(key))
            self._section_actions[section.key] = action
            self._view_menu.addAction(action)
        self._view_menu.addSeparator()
        self._language_menu = self._view_menu.addMenu("")
        self._languages = QActionGroup(self, exclusive=True)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True,
                             triggered=lambda _=False, lang=code: self.set_language(lang))
            action.setData(code)
            action.setChecked(code == current_language())
            self._languages.addAction(action)
            self._language_menu.addAction(action)
        self.user_name_action = QAction(self, triggered=self.ask_user_name)
        self._view_menu.addAction(self.user_name_action)

        self._help_menu = bar.addMenu("")
        self.about_action = QAction(self, triggered=self._about)
        self.about_qt_action = QAction(self, triggered=QApplication.aboutQt)
        self._help_menu.addAction(self.about_action)
        self._help_menu.addAction(self.about_qt_action)

    def set_language(self, language: str) -> None:
        """Switch the UI language now and remember it."""
        self.settings.language = self._translations.apply(language)
        for action in self._languages.actions():
            action.setChecked(action.data() == self.settings.language)

    def set_user_name(self, name: str) -> None:
        """The name recorded with saved revisions, status changes and approvals ("" = the
        login name); saved at once, since the editor reads it when it saves."""
        self.settings.user_name = name.strip()
        try:
            self.settings.save()
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Contingency Console"),
                                arg(self.tr("The settings could not be saved: %1"), exc))

    def ask_user_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Your name"),
            self.tr("Name recorded with saved plan revisions and approvals\n"
                    "(leave empty to use the login name):"),
            text=self.settings.user_name)
        if ok:
            self.set_user_name(name)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Contingency Console"))
        self._file_menu.setTitle(self.tr("&File"))
        self._view_menu.setTitle(self.tr("&View"))
        self._help_menu.setTitle(self.tr("&Help"))
        self._language_menu.setTitle(self.tr("Language"))
        self.open_file_action.setText(self.tr("Open plan file…"))
        self.reload_action.setText(self.tr("Reload plans"))
        self.quit_action.setText(self.tr("Quit"))
        self.about_action.setText(self.tr("About Contingency Console"))
        self.about_qt_action.setText(self.tr("About Qt"))
        self.user_name_action.setText(self.tr("Your name…"))
        later = self.tr("Available in a later version")
        for row, section in enumerate(SECTIONS):
            title = self.tr(section.title)
            item = self._nav.item(row)
            item.setText(title)
            action = self._section_actions[section.key]
            action.setText(title)
            note = "" if section.key in self._pages else later
            item.setToolTip(note)
            action.setToolTip(note or title)
            action.setStatusTip(note)
        metrics = self._nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(self._nav.item(r).text())
                     for r in range(self._nav.count()))
        self._nav.setFixedWidth(widest + 6 * metrics.averageCharWidth())
        self._update_counts()

    # -- plans ---------------------------------------------------------------------------

    def open_plan(self, path: str) -> None:
        """Load a plan file off the GUI thread and show it in the plan view."""
        self.statusBar().showMessage(arg(self.tr("Opening %1…"), Path(path).name))
        self._opening += 1
        run_in_background(lambda: _load_document(path),
                          partial(self._document_loaded, self._opening), self._open_failed, self)

    def ensure_plan_view(self) -> QWidget:
        """The plan view, built on first use (this imports QtWebEngineWidgets)."""
        if self.plan_view is None:
            from .plan_view import PlanView

            self.plan_view = PlanView()
            self.plan_view.backRequested.connect(
                lambda: self._plans_stack.setCurrentWidget(self.library))
            self.plan_view.editRequested.connect(self.open_editor)
            self._plans_stack.addWidget(self.plan_view)
        return self.plan_view

    def open_editor(self, path: str) -> bool:
        """Edit a plan file (after asking about unsaved changes in the one being edited)."""
        from .plan_editor import PlanEditor

        if self.plan_editor is not None:
            if Path(self.plan_editor.path).resolve() == Path(path).resolve():
                self._plans_stack.setCurrentWidget(self.plan_editor)
                return True
            if not self.close_editor():
                return False
        self.plan_editor = PlanEditor(path)
        self.plan_editor.closeRequested.connect(self.close_editor)
        self.plan_editor.saved.connect(lambda _: self.library.reload())
        self._plans_stack.addWidget(self.plan_editor)
        self.show_section("plans")
        self._plans_stack.setCurrentWidget(self.plan_editor)
        return True

    def close_editor(self) -> bool:
        """Leave the editor for the library; False when the user keeps editing."""
        editor = self.plan_editor
        if editor is None:
            return True
        if not editor.maybe_close():
            return False
        self.plan_editor = None
        self._plans_stack.setCurrentWidget(self.library)
        self._plans_stack.removeWidget(editor)
        editor.deleteLater()
        return True

    def warm_up(self) -> None:
        """Prepare opening a plan: import the loader off the GUI thread, then build the
        plan view (its page loads while the user reads the library)."""
        if not self._warmed:
            self._warmed = True
            run_in_background(_preload, lambda _: self.ensure_plan_view(), self._open_failed,
                              self)

    def _document_loaded(self, opening: int, document: object) -> None:
        from .plan_document import PlanDocument

        assert isinstance(document, PlanDocument)
        if opening != self._opening:
            return  # another plan was asked for since
        self.statusBar().clearMessage()
        if not document.ok:
            self.library.select_path(document.path)
            problems = "\n".join(d.format() for d in document.loaded.diagnostics[:12])
            QMessageBox.warning(self, self.tr("Plan has errors"),
                                arg(self.tr("%1 cannot be shown until its errors are fixed:"
                                            "\n\n%2"), Path(document.path).name, problems))
            return
        view = self.ensure_plan_view()
        view.show_document(document)  # type: ignore[attr-defined]
        self.show_section("plans")
        self._plans_stack.setCurrentWidget(view)
        self.settings.last_plan = document.path
        emit(self.planShown, document.path)

    def _open_failed(self, error: str) -> None:
        log.error("opening a plan failed:\n%s", error)
        self.statusBar().clearMessage()
        QMessageBox.critical(self, self.tr("Contingency Console"),
                             arg(self.tr("Something went wrong:\n%1"), error.strip()[-800:]))

    def _ask_plan_file(self) -> None:
        start = str(Path(self.settings.last_plan).parent) if self.settings.last_plan else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open plan file"), start,
                                              self.tr("Plans (*.yaml *.yml)"))
        if path:
            self.open_plan(path)

    def _library_loaded(self) -> None:
        self._update_counts()
        QTimer.singleShot(0, self.warm_up)

    def _update_counts(self) -> None:
        if self.library.loading:
            self._counts.setText(self.tr("Loading plans…"))
            return
        plans = self.library.model.plans()
        errors = sum(1 for p in plans if p.errors)
        warnings = sum(1 for p in plans if p.warnings and not p.errors)
        self._counts.setText(arg(self.tr("Plans: %1 · with errors: %2 · with warnings: %3"),
                                 len(plans), errors, warnings))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Contingency Console"), arg(self.tr(
            "Contingency Console %1\n\nDigital contingency plans, drills and one-click "
            "mobilisation for the Heixi town governance command centre."), console.__version__))

    # -- geometry ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QByteArray.fromBase64(self.settings.geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(screen.width() * 4 // 5, screen.height() * 4 // 5)
            self.move(screen.center() - self.rect().center())
        state = QByteArray.fromBase64(self.settings.window_state.encode("ascii"))
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.plan_editor is not None and not self.plan_editor.maybe_close():
            event.ignore()
            return
        self.settings.geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.window_state = bytes(self.saveState().toBase64().data()).decode("ascii")
        try:
            self.settings.save()
        except OSError:
            log.exception("the settings could not be saved")
        super().closeEvent(event)
