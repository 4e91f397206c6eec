"""The revisions of a plan file and the differences between them.

``RevisionDialog`` lists every recorded revision (time, who, status and status change,
change size, note) above a readable diff: pick one revision to compare it with the
editor's text, or two to compare them; a revision can be restored into the editor.
``DiffDialog`` shows the diff of two given texts (the file on disk and the editor's
text). Diffs are computed on a worker thread (``console.plans.revisions``); the plan's
text is escaped before it becomes rich text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.plans.revision_diff import change_size, diff_html, diff_lines, unified_diff
from console.plans.revisions import Revision, RevisionError, RevisionHistory

from .i18n import arg
from .signals import emit
from .vocabulary import label
from .workers import run_in_background

__all__ = ["DiffDialog", "DiffPane", "RevisionDialog", "revision_time"]

#: The editor's text, in place of a revision number.
EDITOR = 0
STATUS_CHANGE_COLOUR = QColor("#fff1c2")
# A selected row with a status change: amber instead of the selection's blue.
SELECTED_STATUS_CHANGE_COLOUR = QColor("#e8b100")


class _StatusChangeDelegate(QStyledItemDelegate):
    """Keeps a row with a status change (it has a background) recognisable when it is
    selected: its selection is drawn amber, with dark text."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if (option.state & QStyle.StateFlag.State_Selected
                and index.data(Qt.ItemDataRole.BackgroundRole) is not None):
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                option.palette.setColor(group, QPalette.ColorRole.Highlight,
                                        SELECTED_STATUS_CHANGE_COLOUR)
                option.palette.setColor(group, QPalette.ColorRole.HighlightedText,
                                        QColor("#000000"))


def _long_lived() -> QObject:
    app = QCoreApplication.instance()
    assert app is not None
    return app


def revision_time(revision: Revision) -> str:
    """``2026-11-27 21:03``, in the time zone it was recorded in."""
    try:
        return revision.moment.strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return revision.time


@dataclass(frozen=True)
class Comparison:
    """A diff computed on a worker thread."""

    serial: int
    unified: str
    html: str
    added: int
    removed: int
    error: str = ""


def _compare(serial: int, old: Callable[[], str], new: Callable[[], str], old_name: str,
             new_name: str, gap: str, more: str) -> Comparison:
    try:
        old_text, new_text = old(), new()
    except RevisionError as exc:
        return Comparison(serial, "", "", 0, 0, str(exc))
    added, removed = change_size(old_text, new_text)
    return Comparison(serial, unified_diff(old_text, new_text, old_name, new_name),
                      diff_html(diff_lines(old_text, new_text), gap, more), added, removed)


class DiffPane(QWidget):
    """A caption and the readable diff of two texts; ``compared`` once it is shown."""

    compared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._serial = 0
        self._caption = ""
        self.comparison: Comparison | None = None
        self.caption = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                              objectName="diff-caption")
        self.view = QTextBrowser(objectName="revision-diff", openLinks=False,
                                 openExternalLinks=False)
        # Laid out at the widget's width (re-laid out when it changes), so that the diff's
        # table fills the pane; its lines never wrap (white-space: pre) and scroll instead.
        self.view.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

    @property
    def busy(self) -> bool:
        return self.comparison is None or self.comparison.serial != self._serial

    def compare(self, old: Callable[[], str], new: Callable[[], str], old_name: str,
                new_name: str, caption: str) -> None:
        """Show the diff from ``old()`` to ``new()`` (read on a worker thread)."""
        self._serial += 1
        self._caption = caption
        self.caption.setText(caption)
        more = arg(self.tr("⋯ %1 more lines: copy the unified diff to see them all ⋯"),
                   "{count}")
        work = partial(_compare, self._serial, old, new, old_name, new_name,
                       self.tr("⋯ unchanged lines ⋯"), more)
        # The task belongs to the application, not to this pane: a dialog closed while
        # its diff is computed is deleted, and a worker must never signal a deleted task.
        run_in_background(work, self._show, self._failed, _long_lived())

    def clear(self, message: str) -> None:
        self._serial += 1
        self.comparison = None
        self.caption.setText(message)
        self.view.clear()

    def _show(self, result: Comparison) -> None:
        if result.serial != self._serial:
            return  # another pair was chosen meanwhile
        self.comparison = result
        if result.error:
            self.caption.setText(arg(self.tr("The revision cannot be shown: %1"),
                                     result.error))
            self.view.clear()
        else:
            size = arg(self.tr("%1 lines added, %2 removed"), result.added, result.removed) \
                if result.unified else self.tr("No differences.")
            self.caption.setText(f"{self._caption} · {size}")
            self.view.setHtml(result.html)
        emit(self.compared)

    def _failed(self, error: str) -> None:
        self.caption.setText(arg(self.tr("The differences could not be computed:\n%1"),
                                 error.strip()[-400:]))


class DiffDialog(QDialog):
    """The diff from one text to another, e.g. the file on disk to the editor's text."""

    def __init__(self, old: str, new: str, old_name: str, new_name: str, title: str,
                 caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=title)
        self.setObjectName("diff-dialog")
        self.pane = DiffPane()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self.pane.compare(lambda: old, lambda: new, old_name, new_name, caption)


class RevisionDialog(QDialog):
    """The revision list of ``history`` and the diff of the chosen pair.

    ``current_text()`` gives the editor's text (the first row of the list);
    ``restoreRequested(text)`` asks the editor to put a revision's text in its buffer.
    """

    restoreRequested = Signal(str)

    def __init__(self, history: RevisionHistory, current_text: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revision-dialog")
        self.history = history
        self._current_text = current_text
        self._revisions: dict[int, Revision] = {}
        self._order: list[int] = []  # the selected rows, in the order they were chosen

        self.hint = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                           objectName="revisions-hint")
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                               objectName="revisions-problems")
        self.problems.setStyleSheet("color: #9a6700;")
        self.problems.hide()
        self.list = QTreeWidget(objectName="revisions")
        self.list.setColumnCount(6)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setItemDelegate(_StatusChangeDelegate(self.list))
        header = self.list.header()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.pane = DiffPane()

        self.restore_button = QPushButton(objectName="restore-revision", enabled=False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.copy_button = QPushButton(objectName="copy-diff", enabled=False)
        self.copy_button.clicked.connect(self._copy)
        self.pane.compared.connect(
            lambda: self.copy_button.setEnabled(bool(self.unified_diff())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.problems)
        top_layout.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.pane)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1000, 720)
        self._retranslate()
        self.refresh()

    # -- the list ------------------------------------------------------------------------

    @property
    def revisions(self) -> list[Revision]:
        return [self._revisions[n] for n in sorted(self._revisions)]

    def refresh(self) -> None:
        """Read the list again (after a save), keeping the chosen rows."""
        chosen = list(self._order)
        try:
            revisions, problems = self.history.revisions_and_problems()
        except (OSError, RevisionError) as exc:
            revisions, problems = [], [str(exc)]
        self._revisions = {r.number: r for r in revisions}
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.list.blockSignals(True)
        self.list.clear()
        editor_row = QTreeWidgetItem(["", self.tr("now"), "", "", "",
                                      self.tr("The text in the editor (not saved)")])
        editor_row.setData(0, Qt.ItemDataRole.UserRole, EDITOR)
        font = QFont(editor_row.font(0))
        font.setItalic(True)
        for column in range(6):
            editor_row.setFont(column, font)
        self.list.addTopLevelItem(editor_row)
        for revision in reversed(revisions):  # newest first
            self.list.addTopLevelItem(self._item(revision))
        self.list.blockSignals(False)
        self._order = [n for n in chosen if n == EDITOR or n in self._revisions]
        if self._order:
            self.select(*self._order)
        elif revisions:
            self.select(revisions[-1].number)
        else:
            self._selection_changed()

    def _item(self, revision: Revision) -> QTreeWidgetItem:
        who = revision.author or self.tr("unknown")
        status = label("Status", revision.status) or "—"
        note = revision.note
        if revision.source == "backup":
            note = note or self.tr("The backup (file~) found when the history began")
        elif revision.source == "disk":
            note = note or self.tr("The file before its first recorded save")
        item = QTreeWidgetItem([str(revision.number), revision_time(revision), who, status,
                                f"+{revision.added} −{revision.removed}", note])
        item.setData(0, Qt.ItemDataRole.UserRole, revision.number)
        item.setToolTip(5, note)
        if revision.status_change is not None:
            old, new = revision.status_change
            change = arg(self.tr("%1 → %2, %3, %4"), label("Status", old) or "—",
                         label("Status", new) or "—", who, revision_time(revision))
            item.setText(3, arg(self.tr("%1 → %2"), label("Status", old) or "—",
                                label("Status", new) or "—"))
            for column in range(6):
                item.setBackground(column, QBrush(STATUS_CHANGE_COLOUR))
                item.setToolTip(column, change)
            font = QFont(item.font(3))
            font.setBold(True)
            item.setFont(3, font)
        return item

    def _row(self, number: int) -> QTreeWidgetItem | None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == number:
                return item
        return None

    def select(self, *numbers: int) -> None:
        """Choose one or two rows: revision numbers, or ``EDITOR`` for the editor's text."""
        self.list.blockSignals(True)
        self.list.clearSelection()
        for number in numbers:
            item = self._row(number)
            if item is not None:
                item.setSelected(True)
        self.list.blockSignals(False)
        self._order = [n for n in numbers if self._row(n) is not None]
        self._selection_changed()

    def chosen(self) -> list[int]:
        """The chosen rows (at most two), in the order they were chosen."""
        return list(self._order)

    def _selection_changed(self) -> None:
        selected = [item.data(0, Qt.ItemDataRole.UserRole)
                    for item in self.list.selectedItems()]
        order = [n for n in self._order if n in selected]
        order += [n for n in selected if n not in order]
        if len(order) > 2:  # a third row replaces the first chosen
            drop = order[:-2]
            order = order[-2:]
            self.list.blockSignals(True)
            for number in drop:
                item = self._row(number)
                if item is not None:
                    item.setSelected(False)
            self.list.blockSignals(False)
        self._order = order
        self.restore_button.setEnabled(len(order) == 1 and order[0] != EDITOR)
        self._compare()

    # -- comparing and restoring ---------------------------------------------------------

    def _text(self, number: int) -> Callable[[], str]:
        if number == EDITOR:
            text = self._current_text()
            return lambda: text
        return partial(self.history.read, number)

    def _name(self, number: int) -> str:
        if number == EDITOR:
            return arg(self.tr("%1 (editor)"), self.history.plan_path.name)
        return f"{self.history.plan_path.name} @{number}"

    def _describe(self, number: int) -> str:
        if number == EDITOR:
            return self.tr("the editor's text")
        revision = self._revisions[number]
        return arg(self.tr("revision %1 (%2, %3)"), number, revision_time(revision),
                   revision.author or self.tr("unknown"))

    def _compare(self) -> None:
        self.copy_button.setEnabled(False)
        order = self._order
        if len(order) == 1:
            order = [order[0], EDITOR] if order[0] != EDITOR else \
                ([max(self._revisions), EDITOR] if self._revisions else [])
        if len(order) != 2:
            self.pane.clear(self.tr("No revisions yet: saving the plan records one."))
            return
        old, new = sorted(order, key=lambda n: n if n != EDITOR else 1 << 62)
        caption = arg(self.tr("From %1 to %2"), self._describe(old), self._describe(new))
        self.pane.compare(self._text(old), self._text(new), self._name(old),
                          self._name(new), caption)

    def editor_text_changed(self) -> None:
        """The editor's text changed: a diff that shows it is computed again."""
        if EDITOR in self._order or len(self._order) == 1:
            self._compare()

    def unified_diff(self) -> str:
        """The unified diff of the pair shown (empty while it is computed)."""
        comparison = self.pane.comparison
        return "" if comparison is None or self.pane.busy else comparison.unified

    def restore_selected(self) -> None:
        """Put the chosen revision's text in the editor (undoable; not saved)."""
        if len(self._order) != 1 or self._order[0] == EDITOR:
            return
        number = self._order[0]
        try:
            text = self.history.read(number)
        except RevisionError as exc:
            self.pane.clear(arg(self.tr("The revision cannot be shown: %1"), exc))
            return
        emit(self.restoreRequested, text)
        self._compare()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.unified_diff())

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(arg(self.tr("Revisions of %1"), self.history.plan_path.name))
        self.hint.setText(self.tr(
            "Choose one revision to compare it with the editor's text, or two (Ctrl+click) "
            "to compare them. Status changes are highlighted."))
        self.list.setHeaderLabels([self.tr("No."), self.tr("Time"), self.tr("By"),
                                   self.tr("Status"), self.tr("Lines"), self.tr("Note")])
        self.restore_button.setText(self.tr("Restore into the editor"))
        self.restore_button.setToolTip(self.tr(
            "Replace the editor's text with this revision (can be undone; saved only when "
            "you save)"))
        self.copy_button.setText(self.tr("Copy as unified diff"))
