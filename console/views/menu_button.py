"""``MenuToolButton``: a tool button that opens its menu, with room for the menu's arrow.

Qt's styles draw the arrow of an instant-popup tool button over the button's bottom-right
corner without making the button wider, so the arrow touches the text and the next button
in a toolbar. This button is wider by the arrow and draws it beside the text, centred.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)

__all__ = ["MenuToolButton"]

_Feature = QStyleOptionToolButton.ToolButtonFeature


class MenuToolButton(QToolButton):
    """A ``QToolButton`` in ``InstantPopup`` mode whose arrow has a place of its own."""

    def __init__(self, parent: QWidget | None = None, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def _arrow_width(self) -> int:
        """The room added for the arrow: the style's indicator and a margin after it."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None,
                                        self) + 6

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._arrow_width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        arrow = self._arrow_width()
        # The panel over the whole button, without the corner arrow…
        panel = QStyleOptionToolButton(option)
        panel.features = option.features & ~_Feature.HasMenu
        panel.text = ""
        panel.icon = type(option.icon)()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, panel)
        # …the icon and text left of the arrow…
        label = QStyleOptionToolButton(panel)
        label.text = option.text
        label.icon = option.icon
        label.rect = option.rect.adjusted(2, 0, -arrow + 4, 0)
        painter.drawControl(QStyle.ControlElement.CE_ToolButtonLabel, label)
        # …and the arrow, centred in its own place.
        size = max((arrow - 6) // 2, 5)
        place = arrow - 6  # between the text and the margin
        mark = QStyleOptionToolButton(option)
        mark.rect = QRect(option.rect.right() - arrow + 2 + (place - size) // 2,
                          option.rect.center().y() - size // 2 + 1, size, size)
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorArrowDown, mark)
