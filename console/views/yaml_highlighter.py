"""Syntax colours for plan YAML: keys, strings, comments, numbers and durations, and the
response levels Ⅳ–Ⅰ."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

__all__ = ["YamlHighlighter"]


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


#: Later rules paint over earlier ones; comments come last.
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("number", re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:\s*(?:h|min|m|s|d))?(?![\w.])"), 0),
    ("level", re.compile(r"(?<![\w])(?:IV|III|II|I)(?![\w])"), 0),
    ("key", re.compile(r"^\s*(?:-\s+)?([\w\-]+|\"[^\"]*\")\s*:(?=\s|$)"), 1),
    ("key", re.compile(r"[{,]\s*([\w\-]+)\s*:(?=\s)"), 1),
    ("string", re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"), 0),
    ("comment", re.compile(r"(?:^|(?<=\s))#.*$"), 0),
)


class YamlHighlighter(QSyntaxHighlighter):
    """Colours one document as YAML; ``formats`` by kind (key, string, comment, number,
    level) may be restyled."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "key": _format("#1a4f8b", bold=True),
            "string": _format("#2e7d32"),
            "comment": _format("#757575", italic=True),
            "number": _format("#8e24aa"),
            "level": _format("#c62828", bold=True),
        }

    def highlightBlock(self, text: str) -> None:
        for kind, pattern, group in _RULES:
            for match in pattern.finditer(text):
                start, end = match.span(group)
                self.setFormat(start, end - start, self.formats[kind])
