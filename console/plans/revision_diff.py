"""Readable differences between two texts of a plan: a unified diff, the size of a
change, and a line-by-line diff with changed words marked (as rows or as rich text).

Qt-free; used by the revision history (``revisions.py``) and its dialog.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DIFF_COLOURS",
    "HTML_ROW_LIMIT",
    "DiffLine",
    "change_size",
    "diff_html",
    "diff_lines",
    "unified_diff",
]

def unified_diff(old: str, new: str, old_name: str = "a", new_name: str = "b",
                 context: int = 3) -> str:
    """A unified diff (empty when the texts are the same)."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 old_name, new_name, n=context)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def change_size(old: str, new: str) -> tuple[int, int]:
    """Lines added and removed from ``old`` to ``new``."""
    added = removed = 0
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(),
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed


@dataclass(frozen=True)
class DiffLine:
    """One line of a readable diff.

    ``kind``: ``"same"``, ``"removed"``, ``"added"`` or ``"gap"`` (unchanged lines left
    out). ``parts`` are ``(text, changed)`` pieces: for a changed line paired with its
    counterpart, the characters that differ are ``changed``.
    """

    kind: Literal["same", "removed", "added", "gap"]
    old_number: int | None
    new_number: int | None
    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)


_INTRALINE_LIMIT = 2000  # characters; longer pairs are marked whole
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


def _intraline(old: str, new: str) -> tuple[tuple[tuple[str, bool], ...],
                                             tuple[tuple[str, bool], ...]]:
    if len(old) + len(new) > _INTRALINE_LIMIT:
        return ((old, True),), ((new, True),)
    # Words (a run of CJK characters counts as one), spaces and punctuation compared as
    # wholes: "draft" → "reviewed" is marked as a word, not as "raft" → "reviewe".
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    old_parts: list[tuple[str, bool]] = []
    new_parts: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            old_parts.append(("".join(a[i1:i2]), tag != "equal"))
        if j2 > j1:
            new_parts.append(("".join(b[j1:j2]), tag != "equal"))
    return tuple(old_parts), tuple(new_parts)


def diff_lines(old: str, new: str, context: int = 3) -> list[DiffLine]:
    """The differences from ``old`` to ``new`` line by line, unchanged stretches longer
    than ``2 × context`` lines shortened to a gap; a replaced line that resembles its
    replacement gets its changed characters marked."""
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    rows: list[DiffLine] = []
    for group in matcher.get_grouped_opcodes(context):
        if rows or group[0][1] > 0 or group[0][3] > 0:
            rows.append(DiffLine("gap", None, None, ()))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows += [DiffLine("same", i + 1, j + 1, ((a[i], False),))
                         for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
                continue
            removed = [DiffLine("removed", i + 1, None, ((a[i], False),))
                       for i in range(i1, i2)]
            added = [DiffLine("added", None, j + 1, ((b[j], False),)) for j in range(j1, j2)]
            if tag == "replace":
                for k in range(min(len(removed), len(added))):
                    left, right = a[i1 + k], b[j1 + k]
                    if difflib.SequenceMatcher(None, left, right).quick_ratio() >= 0.5:
                        old_parts, new_parts = _intraline(left, right)
                        removed[k] = DiffLine("removed", i1 + k + 1, None, old_parts)
                        added[k] = DiffLine("added", None, j1 + k + 1, new_parts)
            rows += removed + added
    last_old = max((r.old_number or 0 for r in rows), default=0)
    last_new = max((r.new_number or 0 for r in rows), default=0)
    if rows and (last_old < len(a) or last_new < len(b)):
        rows.append(DiffLine("gap", None, None, ()))
    return rows


#: Colours of the readable diff (GitHub's light theme).
DIFF_COLOURS = {
    "removed": "#ffebe9", "added": "#e6ffec", "removed_mark": "#ff8182",
    "added_mark": "#abf2bc", "gap": "#ddf4ff", "number": "#6e7781",
}


#: Rows shown as rich text at most: laying out a table takes ≈0.1 s per 1,000 rows on
#: the GUI thread. The unified diff always holds everything.
HTML_ROW_LIMIT = 4000


def diff_html(rows: Sequence[DiffLine], gap_text: str = "⋯",
              more_text: str = "{count} more lines not shown",
              limit: int = HTML_ROW_LIMIT) -> str:
    """The diff as rich text (Qt's HTML subset): one table row per line with the old and
    new line numbers, removed lines red, added lines green, changed words darker. Every
    text from the plan is escaped. Past ``limit`` rows, ``more_text`` (``{count}`` is
    replaced) ends the table."""
    colours = DIFF_COLOURS
    out = ['<table width="100%" cellspacing="0" cellpadding="1" '
           'style="font-family: monospace; white-space: pre;">']
    if len(rows) > limit:
        more = more_text.replace("{count}", str(len(rows) - limit))
        rows = [*rows[:limit], DiffLine("gap", None, None, ((more, False),))]
    for row in rows:
        if row.kind == "gap":
            out.append(f'<tr style="background-color: {colours["gap"]};">'
                       f'<td colspan="4" style="color: {colours["number"]};">'
                       f'{html.escape(row.text or gap_text)}</td></tr>')
            continue
        background = colours.get(row.kind, "")
        style = f' style="background-color: {background};"' if background else ""
        sign = {"removed": "−", "added": "+"}.get(row.kind, " ")
        mark = colours["removed_mark" if row.kind == "removed" else "added_mark"]
        text = "".join(
            f'<span style="background-color: {mark};">{html.escape(part)}</span>'
            if changed else html.escape(part) for part, changed in row.parts) or " "
        old = "" if row.old_number is None else str(row.old_number)
        new = "" if row.new_number is None else str(row.new_number)
        number = f'align="right" style="color: {colours["number"]}; padding: 0 6px 0 6px;"'
        out.append(f'<tr{style}><td {number}>{old}</td><td {number}>{new}</td>'
                   f'<td>{sign}</td><td width="100%">{text}</td></tr>')
    out.append("</table>")
    return "\n".join(out)
