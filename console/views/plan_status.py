"""Qt-free edits of a plan's text for the editor: its status (with the approval), and
the differences from the previous version (``file~``; the full revision history is
``console.plans.revisions``).

Edits change only the lines concerned, so comments and layout elsewhere stay.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from console.plans.revisions import plan_status

__all__ = ["STATUSES", "backup_path", "current_status", "diff_texts", "with_status"]

STATUSES = ("draft", "reviewed", "approved")

_STATUS = re.compile(r"^status:[^\n]*$", re.MULTILINE)
_APPROVED = re.compile(r"^approved:[^\n]*(?:\n[ \t]+[^\n]*)*", re.MULTILINE)


def current_status(text: str) -> str | None:
    """The top-level ``status:`` value, if written plainly."""
    return plan_status(text)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def with_status(text: str, status: str, by: str, on: dt.date) -> str:
    """``text`` with ``status:`` set; approving also records ``approved: {by, on}``."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    line = f"status: {status}"
    if _STATUS.search(text):
        text = _STATUS.sub(line, text, count=1)
    else:
        text = text.rstrip("\n") + f"\n{line}\n"
    if status == "approved":
        approval = f"approved: {{by: {_quoted(by)}, on: {on.isoformat()}}}"
        if _APPROVED.search(text):
            text = _APPROVED.sub(lambda _: approval, text, count=1)
        else:
            match = _STATUS.search(text)
            assert match is not None
            text = text[:match.end()] + "\n" + approval + text[match.end():]
    return text


def backup_path(path: Path) -> Path:
    """Where saving keeps the previous version of ``path``."""
    return path.with_name(path.name + "~")


def diff_texts(old: str, new: str, old_name: str, new_name: str) -> str:
    """A unified diff (empty when the texts are the same)."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        new.splitlines(keepends=True), old_name, new_name))
