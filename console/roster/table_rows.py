"""Reading a roster spreadsheet's rows: CSV or Excel (.xlsx), mapped by its header.

Rows are streamed (``csv`` reader, openpyxl read-only), so a 10,000-row file costs little
more memory than the people it holds. A title row above the header (黑溪镇应急人员花名册…)
is skipped. CSV files may be UTF-8 with or without BOM, or GB18030/GBK as Excel on a
Chinese Windows saves them (read with a warning). Every problem is a ``Problem`` at
``file:row:column`` — the row as the spreadsheet shows it, the column by its header.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.roster.table_columns import Column, Lang, column_letter, norm

__all__ = ["MAX_ROWS", "Outcome", "Problem", "Table", "read_table"]

MAX_ROWS = 100_000
_HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of a file; ``row`` and ``column`` as the spreadsheet shows them."""

    file: str
    row: int | None
    column: str | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file + (f":{self.row}" if self.row is not None else "") + (
            f":{self.column}" if self.column is not None and self.row is not None else "")
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


@dataclass(frozen=True)
class Outcome:
    """What reading produced: its problems, of which ``errors`` make it fail."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.warning)

    @property
    def ok(self) -> bool:
        return not self.errors



class _Unreadable(Exception):
    """The file as a whole cannot be read (wrong encoding, not a workbook, no header)."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row, self.column = row, column


def _csv_encoding(path: Path) -> tuple[str, str | None]:
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(b"PK\x03\x04"):
            raise _Unreadable("this is an Excel workbook, not CSV text: name it .xlsx")
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig", None
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16", None
        for codec in ("utf-8", "gb18030"):
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(codec)()
            try:
                while chunk := handle.read(1 << 16):
                    if b"\x00" in chunk:
                        raise _Unreadable("the file contains NUL bytes: it is not CSV text")
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if codec == "utf-8":
                return codec, None
            return codec, ("file is encoded as GB18030/GBK (Excel on a Chinese Windows), "
                           "not UTF-8; it was read as GB18030 — save as 'CSV UTF-8' to avoid this")
    raise _Unreadable("the file is neither UTF-8 nor GB18030 text: save it as 'CSV UTF-8'")


@contextmanager
def _csv_rows(path: Path, warn: list[Problem]) -> Iterator[Iterator[list[str]]]:
    codec, warning = _csv_encoding(path)
    if warning:
        warn.append(Problem(str(path), None, None, warning, warning=True))
    with path.open(encoding=codec, newline="") as handle:
        try:
            sample = handle.read(1 << 16)
        except UnicodeDecodeError:
            raise _Unreadable(f"the file starts with a {codec} mark but is not {codec} text"
                              ) from None
        # Excel's "Unicode text" is tab-separated UTF-16; its CSV is comma-separated.
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)

        def rows() -> Iterator[list[str]]:
            try:
                for cells in reader:
                    yield [c.strip() for c in cells]
            except csv.Error as exc:
                raise _Unreadable(f"not readable as CSV: {exc}", reader.line_num) from None
            except UnicodeDecodeError:
                raise _Unreadable(f"the file starts with a {codec} mark but is not {codec} "
                                  "text", reader.line_num + 1) from None

        yield rows()


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


@contextmanager
def _xlsx_rows(path: Path) -> Iterator[Iterator[list[str]]]:
    import openpyxl  # type: ignore[import-untyped]

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise _Unreadable(f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None

    def rows() -> Iterator[list[str]]:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # other tools write wrong sheet sizes; read what is there
        try:
            for row in sheet.iter_rows(values_only=True):
                yield [_xlsx_text(v) for v in row]
        except Exception as exc:  # a damaged sheet part surfaces only while reading
            raise _Unreadable(f"damaged .xlsx workbook ({type(exc).__name__}: {exc})") from None

    try:
        yield rows()
    finally:
        book.close()


@contextmanager
def _open_rows(path: Path, warn: list[Problem]) -> Iterator[Iterator[list[str]]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with _csv_rows(path, warn) as rows:
            yield rows
    elif suffix == ".xlsx":
        with _xlsx_rows(path) as rows:
            yield rows
    else:
        raise _Unreadable(f"unsupported file type {suffix or '(none)'}: use .csv or .xlsx"
                          + (" (save the old .xls as .xlsx)" if suffix == ".xls" else ""))


@dataclass
class Table:
    """A header-mapped view of a file's rows: yields (row number, {key: text})."""

    file: str
    columns: Sequence[Column]
    problems: list[Problem]
    labels: dict[str, str] = field(default_factory=dict)
    ignored: set[int] = field(default_factory=set)  # columns with a header we do not use

    def label(self, key: str) -> str:
        return self.labels.get(key) or next(c.zh for c in self.columns if c.key == key)

    def error(self, row: int | None, key: str | None, message: str) -> None:
        column = None if key is None else self.label(key)
        self.problems.append(Problem(self.file, row, column, message))

    def _header(self, cells: list[str]) -> dict[int, str] | None:
        lookup = {norm(name): c.key for c in self.columns
                  for name in (c.zh, c.en, c.key, *c.aliases)}
        matched = {i: lookup[norm(t)] for i, t in enumerate(cells) if norm(t) in lookup}
        required = {c.key for c in self.columns if c.required}
        return matched if len(set(matched.values()) & required) >= 2 else None

    def rows(self, raw: Iterator[list[str]]) -> Iterator[tuple[int, dict[str, str]]]:
        header: dict[int, str] | None = None
        number = 0
        for number, cells in enumerate(raw, start=1):
            if not any(cells):
                continue
            if header is None:
                header = self._header(cells)
                if header is None:
                    if number >= _HEADER_SEARCH_ROWS:
                        break
                    continue  # a title row
                self._check_header(number, cells, header)
                if any(p.row == number and not p.warning for p in self.problems):
                    return
                continue
            if number > MAX_ROWS + _HEADER_SEARCH_ROWS:
                raise _Unreadable(f"more than {MAX_ROWS:,} rows: split the file", number)
            values: dict[str, str] = {}
            for index, text in enumerate(cells):
                key = header.get(index)
                if key is not None:
                    values[key] = text
                elif text and index not in self.ignored:
                    self.problems.append(Problem(self.file, number, column_letter(index),
                                                 "value in a column without a header"))
            yield number, values
        if header is None:
            names = ", ".join(c.zh for c in self.columns)
            raise _Unreadable(f"no header row found (expected columns such as {names})",
                              min(number, _HEADER_SEARCH_ROWS) or None)

    def _check_header(self, number: int, cells: list[str], header: dict[int, str]) -> None:
        english = sum(norm(cells[i]) == norm(self._column(k).en) for i, k in header.items())
        lang: Lang = "en" if english * 2 > len(header) else "zh"
        seen: dict[str, int] = {}
        for index, key in header.items():
            if key in seen:
                self.problems.append(Problem(self.file, number, cells[index],
                                             f"column appears twice (also column "
                                             f"{column_letter(seen[key])})"))
            seen.setdefault(key, index)
            self.labels.setdefault(key, cells[index])
        for column in self.columns:
            self.labels.setdefault(column.key, column.label(lang))
            if column.required and column.key not in seen:
                self.error(number, column.key, "required column is missing")
        for index, text in enumerate(cells):
            if text and index not in header:
                self.ignored.add(index)
                self.problems.append(Problem(self.file, number, text,
                                             "column is not part of the roster; ignored",
                                             warning=True))

    def _column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def read_table(path: str | os.PathLike[str], columns: Sequence[Column],
               parse_row: Callable[[Table, int, dict[str, str]], None]) -> list[Problem]:
    """Drive ``parse_row(table, number, values)`` over the rows; return the problems."""
    file = os.fspath(path)
    problems: list[Problem] = []
    table = Table(file, columns, problems)
    try:
        if not Path(file).is_file():
            raise _Unreadable("no such file")
        with _open_rows(Path(file), problems) as raw:
            for number, values in table.rows(raw):
                parse_row(table, number, values)
    except _Unreadable as exc:
        problems.append(Problem(file, exc.row, exc.column, str(exc)))
    except OSError as exc:
        problems.append(Problem(file, None, None, f"cannot read: {exc.strerror or exc}"))
    problems.sort(key=lambda p: (p.row or 0, p.warning))
    return problems
