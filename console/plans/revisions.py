"""The revision history of a plan file: every version saved from the editor, with who,
when, the plan's status and its status change, and the unified diff between any two
(the readable differences themselves are in ``revision_diff.py``).

Qt-free. The history of one plan lives in its own folder under a root the caller gives
(the console uses ``<user data>/revisions``), never next to the plan, so shipped or
read-only plan folders stay untouched. The folder is named after the plan file's
resolved path (a hash, with the file's stem to help a reader) and the index records that
path. Each revision is written as two files and then listed in the index:

``000007.yaml``  the text, exactly as saved (UTF-8)
``000007.json``  who, when, status, status change, SHA-256 of the text, note, change size
``index.json``   every revision's metadata, oldest first

Every file is written atomically (``write_text_atomic``) and in that order, so a crash
leaves at worst a revision that the index does not list yet; the next read finds it and
adds it. A damaged index is rebuilt from the revisions' own files. Revisions are never
rewritten, and a save identical to the latest revision adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .files import write_text_atomic
from .revision_diff import change_size, unified_diff

__all__ = [
    "Revision",
    "RevisionError",
    "RevisionHistory",
    "Snapshot",
    "baseline",
    "history_folder",
    "plan_status",
]

INDEX_FORMAT = 1
INDEX_NAME = "index.json"
#: Where a revision came from: an editor save, the ``file~`` backup found when the
#: history began, or the file as it was on disk before the first recorded save.
Source = Literal["save", "backup", "disk"]
_SOURCES: tuple[str, ...] = ("save", "backup", "disk")
_STATUS = re.compile(r"^status:[^\n]*$", re.MULTILINE)
_NUMBERED = re.compile(r"^(\d{6})\.json$")
_lock = threading.Lock()


class RevisionError(Exception):
    """A revision or the history cannot be read or written; the message says why."""


def plan_status(text: str) -> str | None:
    """The top-level ``status:`` value of a plan's text, if written plainly."""
    match = _STATUS.search(text)
    if match is None:
        return None
    value = match.group(0).split(":", 1)[1].split("#", 1)[0].strip().strip("\"'")
    return value or None


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class Snapshot:
    """A text to record, with who and when (default: now, in the local time zone)."""

    text: str
    author: str = ""
    note: str = ""
    time: dt.datetime = field(default_factory=_now)
    source: Source = "save"


@dataclass(frozen=True)
class Revision:
    """One recorded version of the plan (its text is read with ``RevisionHistory.read``)."""

    number: int
    #: ISO 8601 with the local time zone's offset, to the second.
    time: str
    author: str
    #: The plan's ``status:`` in this version.
    status: str | None
    #: ``(from, to)`` when the status differs from the previous revision's.
    status_change: tuple[str | None, str | None] | None
    sha256: str
    note: str
    source: str
    #: Lines added and removed since the previous revision.
    added: int
    removed: int

    @property
    def moment(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.time)

    def to_json(self) -> dict[str, Any]:
        change = None if self.status_change is None else \
            {"from": self.status_change[0], "to": self.status_change[1]}
        return {"number": self.number, "time": self.time, "author": self.author,
                "status": self.status, "status_change": change, "sha256": self.sha256,
                "note": self.note, "source": self.source, "added": self.added,
                "removed": self.removed}

    @classmethod
    def from_json(cls, data: object) -> Revision:
        """Raises ValueError when ``data`` is not a revision's metadata."""
        if not isinstance(data, dict):
            raise ValueError("not an object")
        number, time, sha = data.get("number"), data.get("time"), data.get("sha256")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ValueError("bad revision number")
        if not isinstance(time, str):
            raise ValueError("bad time")
        dt.datetime.fromisoformat(time)  # raises ValueError
        if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise ValueError("bad sha256")
        change = data.get("status_change")
        status_change: tuple[str | None, str | None] | None = None
        if isinstance(change, dict):
            status_change = (_opt_str(change.get("from")), _opt_str(change.get("to")))
        elif change is not None:
            raise ValueError("bad status change")
        source = data.get("source")
        return cls(number=number, time=time, author=_str(data.get("author")),
                   status=_opt_str(data.get("status")), status_change=status_change,
                   sha256=sha, note=_str(data.get("note")),
                   source=source if isinstance(source, str) and source in _SOURCES
                   else "save",
                   added=_count(data.get("added")), removed=_count(data.get("removed")))


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else 0


def history_folder(plan_path: Path, root: Path) -> Path:
    """The folder under ``root`` that holds the history of the plan file ``plan_path``."""
    resolved = str(Path(plan_path).resolve())
    key = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(plan_path).stem).strip("-")[:40] or "plan"
    return Path(root) / f"{stem}-{key}"


class RevisionHistory:
    """The revisions of the plan file at ``plan_path``, kept under ``root``.

    ``problems`` lists what was repaired or skipped when the history was last read
    (a rebuilt index, an unreadable revision file); reading never raises for a damaged
    index. Writing raises ``RevisionError`` (with the reason) when the folder cannot be
    written.
    """

    def __init__(self, plan_path: Path, root: Path) -> None:
        self.plan_path = Path(plan_path).resolve()
        self.folder = history_folder(self.plan_path, root)
        self.problems: list[str] = []

    # -- reading -------------------------------------------------------------------------

    def exists(self) -> bool:
        """Whether anything has been recorded yet."""
        return (self.folder / INDEX_NAME).exists() or any(self._numbered_files())

    def revisions(self) -> list[Revision]:
        """Every revision, oldest first."""
        with _lock:
            return self._load()

    def revisions_and_problems(self) -> tuple[list[Revision], list[str]]:
        """``revisions()`` and the ``problems`` of that very read (another thread may be
        recording meanwhile)."""
        with _lock:
            return self._load(), list(self.problems)

    def latest(self) -> Revision | None:
        revisions = self.revisions()
        return revisions[-1] if revisions else None

    def read(self, number: int) -> str:
        """The text of revision ``number``; RevisionError when it is missing or damaged."""
        revision = next((r for r in self.revisions() if r.number == number), None)
        if revision is None:
            raise RevisionError(f"there is no revision {number}")
        return self._read_text(revision)

    def _read_text(self, revision: Revision) -> str:
        path = self._text_path(revision.number)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RevisionError(f"revision {revision.number} cannot be read: {exc}") from exc
        if _sha(text) != revision.sha256:
            raise RevisionError(f"revision {revision.number} is damaged: its text does not "
                                f"match its SHA-256 ({path})")
        return text

    def _text_path(self, number: int) -> Path:
        return self.folder / f"{number:06d}.yaml"

    def _meta_path(self, number: int) -> Path:
        return self.folder / f"{number:06d}.json"

    def _numbered_files(self) -> Iterable[tuple[int, Path]]:
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return []
        found = []
        for entry in entries:
            match = _NUMBERED.match(entry.name)
            if match:
                found.append((int(match.group(1)), entry))
        return sorted(found)

    def _load(self) -> list[Revision]:
        """The index, completed from revision files it does not list (a crash between
        writing a revision and the index), or rebuilt from them when it is damaged."""
        self.problems = []
        index = self.folder / INDEX_NAME
        listed: list[Revision] = []
        rebuild = False
        try:
            raw = index.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            raw = None
        except OSError as exc:
            raise RevisionError(f"the revision index {index} cannot be read: {exc}") from exc
        if raw is not None:
            try:
                listed = self._parse_index(raw)
            except ValueError as exc:
                self.problems.append(f"the revision index {index} was damaged ({exc}) and "
                                     "has been rebuilt from the revision files")
                listed, rebuild = [], True
        known = {r.number for r in listed}
        extra: list[Revision] = []
        for number, path in self._numbered_files():
            if number in known:
                continue
            try:
                revision = Revision.from_json(json.loads(path.read_bytes().decode("utf-8")))
                if revision.number != number:
                    raise ValueError("its number does not match its file name")
                if not self._text_path(number).exists():
                    raise ValueError("its text file is missing")
            except (OSError, ValueError) as exc:
                self.problems.append(f"revision file {path.name} was skipped: {exc}")
                continue
            extra.append(revision)
        if extra or rebuild:
            listed = sorted([*listed, *extra], key=lambda r: r.number)
            try:
                self._write_index(listed)
            except RevisionError as exc:
                self.problems.append(str(exc))
        return listed

    def _parse_index(self, raw: bytes) -> list[Revision]:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
            raise ValueError("unknown format")
        if data.get("path") != str(self.plan_path):
            raise ValueError(f"it belongs to another file: {data.get('path')!r}")
        items = data.get("revisions")
        if not isinstance(items, list):
            raise ValueError("no list of revisions")
        revisions = [Revision.from_json(item) for item in items]
        numbers = [r.number for r in revisions]
        if numbers != sorted(set(numbers)):
            raise ValueError("revision numbers out of order")
        return revisions

    def _write_index(self, revisions: Sequence[Revision]) -> None:
        data = {"format": INDEX_FORMAT, "path": str(self.plan_path),
                "revisions": [r.to_json() for r in revisions]}
        self._write(self.folder / INDEX_NAME,
                    json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    @staticmethod
    def _write(path: Path, text: str) -> None:
        try:
            write_text_atomic(path, text)
        except OSError as exc:
            raise RevisionError(f"{path} cannot be written: {exc}") from exc

    # -- recording -----------------------------------------------------------------------

    def record(self, snapshot: Snapshot) -> Revision | None:
        """Add ``snapshot`` as the newest revision; None when its text is the latest
        revision's (nothing is added). The status change is taken from the previous
        revision's status."""
        with _lock:
            revisions = self._load()
            sha = _sha(snapshot.text)
            previous = revisions[-1] if revisions else None
            if previous is not None and previous.sha256 == sha:
                return None
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RevisionError(f"{self.folder} cannot be created: {exc}") from exc
            numbers = [r.number for r in revisions] + [n for n, _ in self._numbered_files()]
            number = max(numbers, default=0) + 1
            while self._text_path(number).exists() or self._meta_path(number).exists():
                number += 1  # a leftover text of a crashed write is never overwritten
            status = plan_status(snapshot.text)
            added = removed = 0
            change: tuple[str | None, str | None] | None = None
            if previous is not None:
                try:
                    added, removed = change_size(self._read_text(previous), snapshot.text)
                except RevisionError:
                    added, removed = snapshot.text.count("\n"), 0
                if previous.status != status:
                    change = (previous.status, status)
            else:
                added = len(snapshot.text.splitlines())
            revision = Revision(
                number=number, time=snapshot.time.isoformat(timespec="seconds"),
                author=snapshot.author, status=status, status_change=change, sha256=sha,
                note=snapshot.note.strip(), source=snapshot.source, added=added,
                removed=removed)
            self._write(self._text_path(number), snapshot.text)
            self._write(self._meta_path(number),
                        json.dumps(revision.to_json(), ensure_ascii=False, indent=1) + "\n")
            self._write_index([*revisions, revision])
            return revision

    def record_all(self, snapshots: Iterable[Snapshot]) -> list[Revision]:
        """Record each snapshot in turn; returns the revisions added."""
        added = []
        for snapshot in snapshots:
            revision = self.record(snapshot)
            if revision is not None:
                added.append(revision)
        return added

    # -- comparing -----------------------------------------------------------------------

    def diff(self, old: int, new: int, context: int = 3) -> str:
        """The unified diff from revision ``old`` to revision ``new``."""
        name = self.plan_path.name
        return unified_diff(self.read(old), self.read(new), f"{name} @{old}", f"{name} @{new}",
                            context)


def baseline(plan_path: Path) -> list[Snapshot]:
    """What the history starts from when it is empty: the ``file~`` backup and the file
    as it is on disk now (those that exist and are UTF-8), oldest first, dated by their
    modification times."""
    plan_path = Path(plan_path)
    found = []
    for path, source in ((plan_path.with_name(plan_path.name + "~"), "backup"),
                         (plan_path, "disk")):
        try:
            text = path.read_bytes().decode("utf-8")
            moment = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        except (OSError, UnicodeDecodeError):
            continue
        found.append(Snapshot(text=text, time=moment,
                              source="backup" if source == "backup" else "disk"))
    return found
