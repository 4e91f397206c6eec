"""The roster section's page, cheap to build: the roster view (whose imports include
the plan vocabulary, networkx and pydantic) is built the first time the page is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .roster_view import RosterView

__all__ = ["RosterPage"]


class RosterPage(QWidget):
    """Holds the ``RosterView``, built on first show (or by ``ensure_view``). ``db``: the
    store's URL (default: ``$CONSOLE_DB_URL``, else the SQLite file in the user data
    folder — the store the ``roster`` commands use)."""

    def __init__(self, parent: QWidget | None = None, *, db: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: RosterView | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_view(self) -> RosterView:
        if self.view is None:
            from .roster_view import RosterView

            self.view = RosterView(db=self.db)
            self._layout.addWidget(self.view)
        return self.view

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_view()
        super().showEvent(event)
