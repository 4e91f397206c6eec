"""A non-modal message bar above a view: a text, a few buttons, a close button.

It never blocks the window: the user goes on working and answers (or closes the bar)
when it suits. The texts shown are given already translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

__all__ = ["InfoBar"]

_STYLES = {
    "info": ("#ddf4ff", "#54aeff"),
    "warning": ("#fff8c5", "#d4a72c"),
    "error": ("#ffebe9", "#ff8182"),
}


class InfoBar(QFrame):
    """``show_message(kind, text, buttons)``: kind is ``info``, ``warning`` or ``error``;
    each button is ``(caption, object name, callback)``. A button's callback runs after
    the bar has been hidden, unless the callback shows a new message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("info-bar")
        self.kind = ""
        self.label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                            objectName="info-bar-text")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self.close_button = QToolButton(objectName="info-bar-close", autoRaise=True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.clicked.connect(self.hide)
        self._layout.addWidget(self.close_button)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def button(self, name: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.objectName() == name), None)

    def show_message(self, kind: str, text: str,
                     buttons: Sequence[tuple[str, str, Callable[[], object]]] = ()) -> None:
        background, border = _STYLES.get(kind, _STYLES["info"])
        self.kind = kind
        self.setStyleSheet(f"#info-bar {{ background: {background}; border: 1px solid "
                           f"{border}; border-radius: 4px; }}")
        self.label.setText(text)
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for number, (caption, name, callback) in enumerate(buttons):
            button = QPushButton(caption, objectName=name)
            button.clicked.connect(lambda _=False, c=callback: self._clicked(c))
            self._layout.insertWidget(1 + number, button)
            self._buttons.append(button)
        self.show()

    def set_captions(self, captions: dict[str, str]) -> None:
        """New captions for the buttons by object name (after a language change)."""
        for button in self._buttons:
            if button.objectName() in captions:
                button.setText(captions[button.objectName()])

    def _clicked(self, callback: Callable[[], object]) -> None:
        self.hide()
        callback()
