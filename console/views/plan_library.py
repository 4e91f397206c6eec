"""The plan library: every plan of the shipped, user and added folders in one table.

Plans are checked on a worker thread (see plan_catalogue.py); a plan that does not
load is listed with its file name and its diagnostics, never hidden.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.paths import shipped_plans_dir

from .i18n import arg, current_language, plan_text
from .plan_catalogue import LibraryFolder, PlanSummary, scan_library
from .plan_files import duplicate_plan, new_plan_from_template
from .settings import Settings, cache_dir, user_plans_dir
from .signals import emit
from .vocabulary import label
from .workers import run_in_background

__all__ = ["PlanLibrary", "PlanLibraryModel"]

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR = QColor("#b71c1c")
_WARNING = QColor("#9a6700")


class PlanLibraryModel(QAbstractTableModel):
    """One row per plan file: hazard, title, id, version, status, steps, problems."""

    COLUMNS = ("hazard", "title", "id", "version", "status", "steps", "problems")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[PlanSummary] = []

    def set_plans(self, plans: list[PlanSummary]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._plans = list(plans)
        self.endResetModel()

    def plans(self) -> list[PlanSummary]:
        return list(self._plans)

    def summary(self, row: int) -> PlanSummary:
        return self._plans[row]

    def row_of(self, path: str) -> int | None:
        """The row of the plan file at ``path``, if listed."""
        wanted = Path(path).resolve()
        for row, plan in enumerate(self._plans):
            if Path(plan.path).resolve() == wanted:
                return row
        return None

    def retranslate(self) -> None:
        """Tell views that headers and translated cells changed."""
        if self._plans:
            emit(self.dataChanged, self.index(0, 0),
                 self.index(len(self._plans) - 1, len(self.COLUMNS) - 1))
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Hazard"), self.tr("Title"), self.tr("Id"), self.tr("Version"),
                self.tr("Status"), self.tr("Steps"), self.tr("Problems"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        plan = self._plans[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(plan, column)
        if role == SORT_ROLE:
            if column == "steps":
                return plan.steps
            if column == "problems":
                return (plan.errors, plan.warnings)
            return self._text(plan, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "problems" and plan.problems:
                language = current_language()
                return "\n".join(p.text_in(language) for p in plan.problems[:10])
            return plan.path
        if role == Qt.ItemDataRole.ForegroundRole and (plan.errors or plan.warnings) \
                and column in ("title", "problems"):
            return QBrush(_ERROR if plan.errors else _WARNING)
        if role == Qt.ItemDataRole.DecorationRole and column == "title" and plan.problems:
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if plan.errors \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            return _style_icon(icon)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "steps":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, plan: PlanSummary, column: str) -> str:
        if column == "hazard":
            return label("Hazard", plan.hazard) or "—"
        if column == "title":
            return plan_text(plan.title, plan.title_en) if plan.title else plan.file_name
        if column == "id":
            return plan.plan_id or "—"
        if column == "version":
            return plan.version or "—"
        if column == "status":
            return label("Status", plan.status) or "—"
        if column == "steps":
            return str(plan.steps) if plan.plan_id else "—"
        parts = []
        if plan.errors:
            parts.append(arg(self.tr("errors: %1"), plan.errors))
        if plan.warnings:
            parts.append(arg(self.tr("warnings: %1"), plan.warnings))
        return ", ".join(parts) or self.tr("none")


def _style_icon(pixmap: QStyle.StandardPixmap) -> Any:
    return QApplication.style().standardIcon(pixmap)


class PlanLibrary(QWidget):
    """The library table with its actions and the problems of the selected plan.

    ``openRequested(path)`` asks to open a plan without errors, ``editRequested(path)``
    to edit any plan file; ``reloading`` starts and
    ``loaded`` ends every scan (once the table shows its result).
    """

    openRequested = Signal(str)
    editRequested = Signal(str)
    reloading = Signal()
    loaded = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._generation = 0
        self._select_after_load: str | None = settings.last_plan or None
        self.loading = False

        self.model = PlanLibraryModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName="plan-table")
        self.table.setModel(self._proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # file order until a header is clicked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _: self._open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self._problems_caption = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.problems = QListWidget(objectName="plan-problems")
        self.problems.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self._problems_caption)
        lower_layout.addWidget(self.problems)

        style = self.style()
        self.open_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton),
                                   "", self, triggered=self._open_selected)
        self.edit_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView), "", self,
            triggered=self._edit_selected, shortcut=QKeySequence("Ctrl+E"))
        self.new_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), "",
                                  self, triggered=self.new_from_template,
                                  shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.duplicate_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder), "", self,
            triggered=self.duplicate_selected)
        self.reveal_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DirIcon), "",
                                     self, triggered=self.reveal_selected)
        self.add_folder_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), "", self,
            triggered=self._ask_folder)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.open_action, self.edit_action, self.new_action, self.duplicate_action,
                       self.reveal_action, self.add_folder_action):
            toolbar.addAction(action)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(toolbar)
        layout.addWidget(split, 1)
        self._retranslate()
        self._selection_changed()

    # -- folders and loading -------------------------------------------------------------

    def folders(self) -> list[LibraryFolder]:
        """The folders listed: shipped plans, the user's plans, then added folders."""
        folders = [LibraryFolder(shipped_plans_dir(), "shipped"),
                   LibraryFolder(user_plans_dir(), "user")]
        folders += [LibraryFolder(Path(p), "added") for p in self._settings.plan_folders]
        return folders

    def reload(self) -> None:
        """Check every plan again, off the GUI thread; ``loaded`` follows."""
        self._generation += 1
        self.loading = True
        work = partial(scan_library, self.folders(), cache_dir() / "plan-library.json")
        run_in_background(work, partial(self._scanned, self._generation),
                          self._scan_failed, self)
        emit(self.reloading)

    def add_folder(self, folder: str) -> None:
        """List the plans of ``folder`` too (remembered in the settings)."""
        if folder not in self._settings.plan_folders:
            self._settings.plan_folders.append(folder)
        self.reload()

    def _scanned(self, generation: int, plans: list[PlanSummary]) -> None:
        if generation != self._generation:
            return  # a newer scan is on its way
        keep = self.selected()
        self.model.set_plans(plans)
        self.loading = False
        wanted = self._select_after_load or (keep.path if keep else None)
        self._select_after_load = None
        if wanted:
            self.select_path(wanted)
        self._selection_changed()
        emit(self.loaded)

    def _scan_failed(self, error: str) -> None:
        self.loading = False
        QMessageBox.critical(self, self.tr("Plan library"),
                             arg(self.tr("The plans could not be listed:\n%1"), error))

    # -- selection and actions -----------------------------------------------------------

    def selected(self) -> PlanSummary | None:
        """The selected plan, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(self._proxy.mapToSource(rows[0]).row())

    def select_path(self, path: str) -> bool:
        """Select the plan file at ``path``; False when it is not listed."""
        row = self.model.row_of(path)
        if row is None:
            return False
        self.table.selectRow(self._proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def new_from_template(self) -> Path | None:
        """Write a new plan from the template into the user's plans folder and select it."""
        return self._create(lambda taken: new_plan_from_template(user_plans_dir(), taken))

    def duplicate_selected(self) -> Path | None:
        """Copy the selected plan into the user's plans folder under a new id."""
        plan = self.selected()
        if plan is None or plan.plan_id is None:
            return None
        source, plan_id = Path(plan.path), plan.plan_id
        return self._create(lambda taken: duplicate_plan(source, user_plans_dir(), taken, plan_id))

    def reveal_selected(self) -> bool:
        """Open the folder of the selected plan in the system's file manager."""
        plan = self.selected()
        if plan is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(plan.path).parent)))

    def _create(self, write: Any) -> Path | None:
        taken = {p.plan_id for p in self.model.plans() if p.plan_id}
        try:
            path: Path = write(taken)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Plan library"),
                                arg(self.tr("The plan could not be written:\n%1"), exc))
            return None
        self._select_after_load = str(path)
        self.reload()
        return path

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a plan folder"))
        if folder:
            self.add_folder(folder)

    def _open_selected(self) -> None:
        plan = self.selected()
        if plan is not None and plan.ok:
            emit(self.openRequested, plan.path)

    def _edit_selected(self) -> None:
        plan = self.selected()
        if plan is not None:
            emit(self.editRequested, plan.path)

    def _selection_changed(self) -> None:
        plan = self.selected()
        self.open_action.setEnabled(plan is not None and plan.ok)
        self.edit_action.setEnabled(plan is not None)
        self.duplicate_action.setEnabled(plan is not None and plan.plan_id is not None)
        self.reveal_action.setEnabled(plan is not None)
        self._show_problems(plan)

    def _show_problems(self, plan: PlanSummary | None) -> None:
        self.problems.clear()
        if plan is None:
            self._problems_caption.setText(self.tr("Select a plan to see its problems."))
            return
        self._problems_caption.setText(arg(self.tr("Problems in %1"), plan.file_name))
        if not plan.problems:
            self.problems.addItem(self.tr("No problems found."))
            return
        style = self.style()
        language = current_language()
        for problem in plan.problems:
            icon = QStyle.StandardPixmap.SP_MessageBoxCritical if problem.severity == "error" \
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            where = arg(self.tr("line %1, column %2"), problem.line, problem.column) \
                if problem.line else ""
            message = problem.message_in(language)
            text = " · ".join(part for part in (where, problem.code, message) if part)
            item = QListWidgetItem(style.standardIcon(icon), text)
            item.setToolTip(problem.text_in(language))
            item.setData(Qt.ItemDataRole.UserRole, problem.line)
            self.problems.addItem(item)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
            self._show_problems(self.selected())
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.open_action.setText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Show the selected plan's graph"))
        self.edit_action.setText(self.tr("Edit"))
        self.edit_action.setToolTip(self.tr("Edit the selected plan's text"))
        self.new_action.setText(self.tr("New from template"))
        self.new_action.setToolTip(self.tr("Start a new plan in your plans folder"))
        self.duplicate_action.setText(self.tr("Duplicate"))
        self.duplicate_action.setToolTip(
            self.tr("Copy the selected plan into your plans folder under a new id"))
        self.reveal_action.setText(self.tr("Show in folder"))
        self.reveal_action.setToolTip(self.tr("Open the folder that holds the selected plan"))
        self.add_folder_action.setText(self.tr("Add folder…"))
        self.add_folder_action.setToolTip(self.tr("List the plans of another folder too"))
