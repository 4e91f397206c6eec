"""The after-action report (演练评估报告): ``ReportData`` → .docx, PDF or HTML.

    from console.drills.report import render
    render(data, "docx", Path("report.docx"))

The three formats carry the same content (``content.build_document``); the charts are
drawn once with matplotlib's Agg canvas. Every page is marked with ``data.marker``
(演练 DRILL). Fonts: see ``fonts`` and docs/report.md.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from console.drills.report_model import ReportData

from .blocks import Document
from .charts import draw_all
from .content import build_document
from .texts import texts_for

__all__ = ["FORMATS", "ReportFontWarning", "build", "render"]

FORMATS = ("docx", "pdf", "html")
log = logging.getLogger(__name__)


class ReportFontWarning(UserWarning):
    """No CJK font was found: charts fall back to English labels, the PDF to STSong-Light."""


def build(data: ReportData) -> Document:
    """The report as format-neutral blocks, its charts drawn."""
    document = build_document(data, draw_all(data, texts_for(data.language)))
    for message in document.warnings:
        log.warning("%s", message)
        warnings.warn(message, ReportFontWarning, stacklevel=3)
    return document


def render(data: ReportData, fmt: str, path: Path) -> Path:
    """Write the report for ``data`` as ``fmt`` ("docx", "pdf" or "html") to ``path``.

    The parent folder is created; the file is written whole (a temporary file renamed
    into place), so a failed render never leaves half a report. Returns ``path``.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: expected one of {', '.join(FORMATS)}")
    document = build(data)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        if fmt == "docx":
            from .docx_report import write_docx

            write_docx(document, partial)
        elif fmt == "pdf":
            from .pdf_report import write_pdf

            write_pdf(document, partial)
        else:
            from .html_report import write_html

            write_html(document, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
