"""The plan editor's text widget: a line-number gutter with problem marks, wavy
underlines under problems, YAML colours and schema key completion."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QStringListModel, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QTextEdit, QWidget

from .refcounts import keep_singletons_alive
from .schema_completer import keys_at
from .yaml_highlighter import YamlHighlighter

__all__ = ["CodeEditor"]

ERROR_COLOUR = QColor("#d32f2f")
WARNING_COLOUR = QColor("#f9a825")


class _Gutter(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor.paint_gutter(event)


class CodeEditor(QPlainTextEdit):
    """Plain text with line numbers; ``set_problems`` marks lines (1-based) in the gutter
    and underlines them; typing a key offers the schema's field names for that place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        keep_singletons_alive()  # painting the gutter calls many PySide6 setters
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.highlighter = YamlHighlighter(self.document())
        self._problems: dict[int, bool] = {}  # line → is an error
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _: self._update_margins())
        self.updateRequest.connect(self._scroll_gutter)
        self._update_margins()

        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self.insert_completion)

    # -- gutter and problems -------------------------------------------------------------

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(),
                                       area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self.palette().window())
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                line = block.blockNumber() + 1
                if line in self._problems:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(ERROR_COLOUR if self._problems[line] else WARNING_COLOUR)
                    painter.drawEllipse(2, top + height // 2 - 3, 7, 7)
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(0, top, width - 4, height, Qt.AlignmentFlag.AlignRight,
                                 str(line))
            block = block.next()
            top = bottom

    def problem_lines(self) -> dict[int, bool]:
        """The marked lines, each with whether it holds an error."""
        return dict(self._problems)

    def set_problems(self, problems: list[tuple[int, int, bool]]) -> None:
        """Mark (line, column, is error) problems; lines and columns count from 1."""
        self._problems = {}
        selections = []
        for line, column, is_error in problems:
            if line < 1:
                continue
            self._problems[line] = self._problems.get(line, False) or is_error
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setUnderlineStyle(
                selection.format.UnderlineStyle.WaveUnderline)
            selection.format.setUnderlineColor(ERROR_COLOUR if is_error else WARNING_COLOUR)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.Right,
                                n=min(max(column - 1, 0), max(block.length() - 1, 0)))
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            if not cursor.hasSelection():  # a problem at the end of a line: its last char
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                                    QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        self._gutter.update()

    def go_to(self, line: int, column: int) -> None:
        """Put the cursor at ``line``:``column`` (1-based) and show it."""
        block = self.document().findBlockByNumber(max(line, 1) - 1)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.Right,
                            n=min(max(column - 1, 0), max(block.length() - 1, 0)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    # -- completion ----------------------------------------------------------------------

    def _word_before_cursor(self) -> str:
        cursor = self.textCursor()
        line = cursor.block().text()[:cursor.positionInBlock()]
        stripped = line.lstrip()
        if stripped.startswith("- "):
            stripped = stripped[2:].lstrip()
        return stripped if stripped.replace("_", "a").isalnum() or not stripped else ""

    def complete(self, *, forced: bool = False) -> bool:
        """Offer the schema's field names for the key being typed; True when shown."""
        cursor = self.textCursor()
        before = self.document().toPlainText()[:cursor.position()]
        prefix = self._word_before_cursor()
        line = cursor.block().text()[:cursor.positionInBlock()]
        if not prefix and not (forced and not line.strip(" -")):
            self.completer.popup().hide()
            return False
        keys = keys_at(before[:len(before) - len(prefix)])
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(keys)
        self.completer.setCompletionPrefix(prefix)
        if not keys or self.completer.completionCount() == 0 or \
                (self.completer.completionCount() == 1 and
                 self.completer.currentCompletion() == prefix):
            self.completer.popup().hide()
            return False
        self.completer.popup().setCurrentIndex(self.completer.completionModel().index(0, 0))
        rect = self.cursorRect()
        rect.setWidth(self.completer.popup().sizeHintForColumn(0) +
                      self.completer.popup().verticalScrollBar().sizeHint().width())
        self.completer.complete(rect)
        return True

    def insert_completion(self, key: str) -> None:
        """Replace the key being typed by ``key`` and a colon."""
        cursor = self.textCursor()
        prefix = self.completer.completionPrefix()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(prefix))
        cursor.insertText(f"{key}: ")
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and event.key() in (
                Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
                Qt.Key.Key_Backtab):
            event.ignore()  # the completer takes it
            return
        forced = (event.key() == Qt.Key.Key_Space
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Tab and not forced:
            self.insertPlainText("  ")  # YAML indents with spaces only
            return
        if not forced:
            super().keyPressEvent(event)
        text = event.text()
        if forced or (text and (text.isalnum() or text == "_")):
            self.complete(forced=bool(forced))
        elif popup.isVisible():
            popup.hide()
