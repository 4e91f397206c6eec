"""Writing the roster's people and duty rota as .csv (UTF-8 with BOM) or .xlsx, atomically.

What is written reads back to the same roster (see ``field_text``).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from console.roster.model import DutyShift, Roster
from console.roster.table_columns import (
    PEOPLE_COLUMNS,
    SHIFT_COLUMNS,
    SHIFT_NAMES,
    SUFFIXES,
    Lang,
    column_letter,
    field_text,
)

__all__ = ["write_people", "write_shifts"]


@contextmanager
def _atomic(path: Path, mode: int) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed over it once written completely."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        os.chmod(tmp, mode)
        yield Path(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _write_table(path: str | os.PathLike[str], header: list[str], rows: Iterable[list[str]],
                 *, title: str | None, sheet: str, mode: int) -> None:
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx")
    with _atomic(target, mode) as tmp:
        if suffix == ".csv":
            # UTF-8 with BOM: Excel on a Chinese Windows then opens it without garbling.
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                if title:
                    writer.writerow([title])
                writer.writerow(header)
                writer.writerows(rows)
            return
        import openpyxl  # type: ignore[import-untyped]
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

        book = openpyxl.Workbook(write_only=True)
        worksheet = book.create_sheet(sheet)
        for index, name in enumerate(header):
            worksheet.column_dimensions[column_letter(index)].width = max(10, 2 * len(name) + 4)

        def cells(texts: list[str]) -> list[Any]:
            out = []
            for text in texts:
                cell = WriteOnlyCell(worksheet, value=text or None)
                cell.data_type = "s"  # text, never a formula, even if it starts with '='
                out.append(cell)
            return out

        if title:
            worksheet.append(cells([title]))
        worksheet.append(cells(header))
        for row in rows:
            worksheet.append(cells(row))
        book.save(tmp)


def write_people(path: str | os.PathLike[str], roster: Roster, *, lang: Lang = "zh",
                 title: str | None = None, mode: int = 0o644) -> None:
    """Write the roster's people as .csv (UTF-8 with BOM) or .xlsx, atomically, with an
    optional title row above the header."""
    _write_table(path, [c.label(lang) for c in PEOPLE_COLUMNS],
                 ([field_text(p, c.key, roster, lang) for c in PEOPLE_COLUMNS]
                  for p in roster.people),
                 title=title, sheet="花名册" if lang == "zh" else "roster", mode=mode)


def write_shifts(path: str | os.PathLike[str], roster: Roster, *, lang: Lang = "zh",
                 title: str | None = None, mode: int = 0o644) -> None:
    """Write the roster's duty rota (值班表) as .csv or .xlsx, atomically."""
    def row(shift: DutyShift) -> list[str]:
        person = roster.by_id.get(shift.person)
        kind = SHIFT_NAMES[shift.kind] if lang == "zh" else shift.kind.value
        return [shift.person, person.name if person else "", kind,
                shift.start.strftime("%Y-%m-%d %H:%M"), shift.end.strftime("%Y-%m-%d %H:%M"),
                shift.note]

    _write_table(path, [c.label(lang) for c in SHIFT_COLUMNS], map(row, roster.shifts),
                 title=title, sheet="值班表" if lang == "zh" else "rota", mode=mode)
