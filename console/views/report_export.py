"""Exporting the after-action report from the reports section: the save dialog, the
export on a worker thread, the message that follows (open it, show it in its folder) and
the folder remembered for the next time.

``ReportExport`` is a mixin of ``ReportPage``. Its strings are translated in the
``ReportPage`` context, as ``self.tr`` there does.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from .i18n import arg, current_language
from .report_records import Failure, default_file_name, export_report
from .settings import Settings
from .signals import emit
from .workers import run_in_background

__all__ = ["ReportExport", "export_folder", "remember_export_folder", "report_language"]

log = logging.getLogger("console.views.report_page")  # the page's log, as before


def export_folder(settings: Settings) -> Path:
    """Where the last report was exported (remembered in the settings), else the user's
    documents."""
    folder = settings.report_folder
    if folder and Path(folder).is_dir():
        return Path(folder)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_export_folder(settings: Settings, folder: Path) -> None:
    """Remember ``folder`` for the next export (best effort: never an error)."""
    settings.report_folder = str(folder)
    try:
        settings.save()
    except OSError:
        log.warning("the report export folder could not be remembered", exc_info=True)


def report_language() -> str:
    """The language of the reports: the interface's."""
    return "en" if current_language() == "en" else "zh"



class ReportExport:
    """The export actions' work (with the page's ``selected()``, busy bar and actions)."""

    database: str | None
    settings: Settings
    exporting: bool
    export_message: QMessageBox | None
    export_actions: dict[str, QAction]
    _export_format: str

    def _format_name(self, fmt: str) -> str:
        translate = QCoreApplication.translate
        return {"docx": translate("ReportPage", "Word document (*.docx)"),
                "pdf": translate("ReportPage", "PDF (*.pdf)"),
                "html": translate("ReportPage", "Web page (*.html)")}[fmt]

    def default_path(self, fmt: str) -> Path:
        """Where the dialog proposes to save the selected drill's report."""
        translate = QCoreApplication.translate
        drill = self.selected()
        name = default_file_name(drill, fmt, translate("ReportPage", "%1 after-action report")) \
            if drill is not None else f"report.{fmt}"
        return export_folder(self.settings) / name

    def _ask_export(self, fmt: str) -> None:
        translate = QCoreApplication.translate
        if self.selected() is None or self.exporting:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, translate("ReportPage", "Export the after-action report"),
            str(self.default_path(fmt)), self._format_name(fmt))
        if not path:
            return
        if Path(path).suffix.lower() != f".{fmt}":
            path += f".{fmt}"
        self.export_to(fmt, path)

    def export_to(self, fmt: str, path: str | Path) -> None:
        """Write the selected drill's report to ``path`` as ``fmt``, off the GUI thread."""
        translate = QCoreApplication.translate
        drill = self.selected()
        if drill is None or self.exporting:
            return
        self.exporting = True
        self._export_format = fmt
        self._set_busy(arg(translate("ReportPage", "Writing the report (%1)…"), fmt.upper()))
        self._update_actions()
        database, lang, target = self.database, report_language(), str(path)
        run_in_background(lambda: export_report(database, drill.id, fmt, target, lang),
                          self._export_done, self._export_crashed, self)

    def _export_done(self, result: Path | Failure) -> None:
        self.exporting = False
        self._set_busy("")
        self._update_actions()
        if isinstance(result, Failure):
            self._export_failed(result.message)
            return
        remember_export_folder(self.settings, result.parent)
        self._show_export_message(result)
        emit(self.exported, str(result))

    def _export_crashed(self, error: str) -> None:
        log.error("reports page, export: %s", error)
        self.exporting = False
        self._set_busy("")
        self._update_actions()
        last = error.strip().splitlines()[-1] if error.strip() else error
        self._export_failed(last)

    def _export_failed(self, message: str) -> None:
        translate = QCoreApplication.translate
        box = self._new_message_box()
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("ReportPage", "Export failed"))
        box.setText(arg(translate("ReportPage", "The report could not be written:\n%1"),
                        message))
        box.setInformativeText(translate("ReportPage", "Check that the folder exists, that "
                                         "you may write there and that the disk is not "
                                         "full, then try again."))
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()
        emit(self.exportFailed, message)

    def _show_export_message(self, path: Path) -> None:
        translate = QCoreApplication.translate
        box = self._new_message_box()
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(translate("ReportPage", "Report exported"))
        box.setText(arg(translate("ReportPage", "The after-action report was written to\n%1"),
                        path))
        open_button = box.addButton(translate("ReportPage", "Open"),
                                    QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(translate("ReportPage", "Show in folder"),
                                      QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_button.setObjectName("report-open")
        folder_button.setObjectName("report-show-folder")
        box.buttonClicked.connect(partial(self._export_message_clicked, path))
        box.open()

    def _new_message_box(self) -> QMessageBox:
        if self.export_message is not None:
            self.export_message.close()
            self.export_message.deleteLater()
        box = QMessageBox(self)
        box.setObjectName("report-export-message")
        self.export_message = box
        return box

    def _export_message_clicked(self, path: Path, button: QAbstractButton) -> None:
        if button.objectName() == "report-open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button.objectName() == "report-show-folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
