"""The roster view's imports, import history and exports: the file dialogs, the
preview and apply of an import, and the export of everyone, the rows shown or the duty
rota, each run on a worker thread (the work itself is in roster_data.py).

``RosterExchange`` is a mixin of ``RosterView``. Its strings are translated in the
``RosterView`` context, as ``self.tr`` there does.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from console.roster.table_columns import Lang
from console.store import ImportRecord

from .i18n import current_language
from .roster_data import (
    ImportKind,
    ImportPreview,
    apply_import,
    export_people,
    export_rota,
    preview_import,
)
from .roster_history import ImportHistoryDialog
from .roster_import_dialog import RosterImportDialog
from .roster_model import RosterTableModel
from .signals import emit
from .workers import run_in_background

__all__ = ["RosterExchange"]


class RosterExchange:
    """Import, import history and export (with the view's model, messages and ``_say``)."""

    db: str | None
    model: RosterTableModel
    import_dialog: RosterImportDialog | None
    history_dialog: ImportHistoryDialog | None
    last_import: ImportRecord | None

    # -- import --------------------------------------------------------------------------

    def _ask_import(self) -> None:
        translate = QCoreApplication.translate
        path, _ = QFileDialog.getOpenFileName(self, translate("RosterView", "Import roster"), "",
                                              translate("RosterView", "Rosters (*.xlsx *.csv)"))
        if path:
            self.import_file(path)

    def _ask_import_rota(self) -> None:
        translate = QCoreApplication.translate
        path, _ = QFileDialog.getOpenFileName(self, translate("RosterView", "Import duty rota"), "",
                                              translate("RosterView", "Duty rotas (*.xlsx *.csv)"))
        if path:
            self.import_rota_file(path)

    def import_file(self, path: str, rota: str | None = None) -> None:
        """Read and check the roster ``path`` (with the duty rota ``rota``) off the GUI
        thread, then show the preview."""
        self._preview("roster", path, rota)

    def import_rota_file(self, path: str) -> None:
        """Read and check the duty rota ``path`` for the people in use, then preview."""
        self._preview("rota", path, None)

    def _preview(self, kind: ImportKind, path: str, rota: str | None) -> None:
        self.message.hide()
        self.info.hide()
        db = self.db
        run_in_background(lambda: preview_import(kind, path, db, rota=rota),
                          self._show_preview, self._failed, self)

    def _show_preview(self, preview: ImportPreview) -> None:
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        dialog = RosterImportDialog(preview, self)
        dialog.accepted.connect(partial(self._apply_import, preview))
        dialog.rotaRequested.connect(partial(self._ask_rota_for, preview.path))
        self.import_dialog = dialog
        dialog.open()
        emit(self.previewShown)

    def _ask_rota_for(self, path: str) -> None:
        translate = QCoreApplication.translate
        rota, _ = QFileDialog.getOpenFileName(
            self, translate("RosterView", "Duty rota for this roster"), str(Path(path).parent),
            translate("RosterView", "Duty rotas (*.xlsx *.csv)"))
        if rota:
            if self.import_dialog is not None:
                self.import_dialog.reject()
            self.import_file(path, rota)

    def _apply_import(self, preview: ImportPreview) -> None:
        if not preview.can_apply:  # Apply is disabled for a bad file; never half-import
            return
        db = self.db
        run_in_background(lambda: apply_import(preview, db), self._imported, self._failed,
                          self)

    def _imported(self, record: ImportRecord) -> None:
        self.last_import = record
        self._say("imported", record.file_name, record.people, record.id)
        emit(self.applied)
        self.reload()
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.reload()

    # -- history -------------------------------------------------------------------------

    def show_history(self) -> ImportHistoryDialog:
        """The import history, read from the store off the GUI thread."""
        if self.history_dialog is None:
            self.history_dialog = ImportHistoryDialog(self.db, self)
            self.history_dialog.loaded.connect(partial(emit, self.historyShown))
        self.history_dialog.reload()
        self.history_dialog.show()
        self.history_dialog.raise_()
        return self.history_dialog

    # -- export --------------------------------------------------------------------------

    @staticmethod
    def _lang() -> Lang:
        return "en" if current_language() == "en" else "zh"

    def _ask_path(self, title: str, name: str) -> str:
        translate = QCoreApplication.translate
        path, chosen = QFileDialog.getSaveFileName(
            self, title, name,
            ";;".join((translate("RosterView", "Excel workbook (*.xlsx)"),
                       translate("RosterView", "CSV, UTF-8 (*.csv)"))))
        if path and Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        return path

    def _ask_export(self) -> None:
        translate = QCoreApplication.translate
        if path := self._ask_path(translate("RosterView", "Export roster"),
                                  translate("RosterView", "roster.xlsx")):
            self.export_to(path)

    def _ask_export_shown(self) -> None:
        translate = QCoreApplication.translate
        if path := self._ask_path(translate("RosterView", "Export the rows shown"),
                                  translate("RosterView", "roster-selection.xlsx")):
            self.export_to(path, shown=True)

    def _ask_export_rota(self) -> None:
        translate = QCoreApplication.translate
        if path := self._ask_path(translate("RosterView", "Export duty rota"),
                                  translate("RosterView", "duty-rota.xlsx")):
            self.export_rota_to(path)

    def export_to(self, path: str, *, shown: bool = False) -> None:
        """Write everyone (``shown``: the rows shown, in their order) to ``path`` (.xlsx or
        .csv) off the GUI thread, headers in the UI language."""
        roster, lang = self.model.roster, self._lang()
        people = self.shown_people() if shown else None
        count = len(people) if people is not None else len(roster)
        run_in_background(lambda: export_people(path, roster, people, lang=lang),
                          partial(self._exported, "people", count), self._failed, self)

    def export_rota_to(self, path: str) -> None:
        """Write the duty rota in use to ``path`` off the GUI thread."""
        roster, lang = self.model.roster, self._lang()
        run_in_background(lambda: export_rota(path, roster, lang=lang),
                          partial(self._exported, "rota", len(roster.shifts)), self._failed,
                          self)

    def _exported(self, kind: str, count: int, path: str) -> None:
        self._say(kind, count, path)
        emit(self.exported, path)
