"""Plain-text tables and bilingual text for the roster commands."""

from __future__ import annotations

import unicodedata

from console.roster.table_columns import Lang

_WEEKDAYS = "一二三四五六日"


def _t(lang: Lang, zh: str, en: str) -> str:
    return zh if lang == "zh" else en



def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(cell + " " * (width - _width(cell))
                      for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in [header, ["─" * w for w in widths], *rows]]

