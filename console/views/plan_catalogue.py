"""What the plan library lists: every plan file in its folders, checked and summarised.

Qt-free; runs on a worker thread. A summary is what the library table shows. Summaries
are cached per file (path, size, modification time) together with a fingerprint of the
plan-checking code, so a warm start fills the table without importing the plan loader;
a changed file, or any change to ``console/plans``, means a fresh check.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import console

if TYPE_CHECKING:
    from console.plans import LoadedPlan

__all__ = [
    "CACHE_VERSION",
    "LibraryFolder",
    "PlanSummary",
    "Problem",
    "loader_fingerprint",
    "plan_files",
    "scan_library",
    "summarise",
]

CACHE_VERSION = 3  # 3: problems carry their Chinese texts too
PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class LibraryFolder:
    """A folder the library reads; ``origin`` is ``shipped``, ``user`` or ``added``."""

    path: Path
    origin: str


@dataclass(frozen=True)
class Problem:
    """One diagnostic, as the library shows it, in English and in Chinese (rendered once
    when the file is checked, so the cached library switches language without the loader)."""

    severity: str  # "error" or "warning"
    code: str
    line: int
    column: int
    message: str  # message (hint), in English
    text: str  # the compiler-style line: path:line:col: severity CODE: message (hint)
    message_zh: str = ""
    text_zh: str = ""

    def message_in(self, language: str) -> str:
        """The message and hint in the UI language (``zh_CN``, ``en`` …)."""
        return (self.message_zh or self.message) if _chinese(language) else self.message

    def text_in(self, language: str) -> str:
        """The compiler-style line in the UI language."""
        return (self.text_zh or self.text) if _chinese(language) else self.text


def _chinese(language: str) -> bool:
    return language.lower().startswith("zh")


@dataclass(frozen=True)
class PlanSummary:
    """One plan file in the library. ``plan_id`` is None when no plan could be built."""

    path: str
    origin: str
    plan_id: str | None = None
    title: str | None = None
    title_en: str | None = None
    hazard: str | None = None
    version: str | None = None
    status: str | None = None
    steps: int = 0
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity != "error")

    @property
    def ok(self) -> bool:
        """A plan was built and has no errors: it can be opened."""
        return self.plan_id is not None and self.errors == 0

    @property
    def file_name(self) -> str:
        return Path(self.path).name

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanSummary:
        problems = tuple(Problem(**p) for p in data.get("problems", ()))
        return cls(**{**data, "problems": problems})


def summarise(loaded: LoadedPlan, origin: str) -> PlanSummary:
    """The summary of a loaded (or failed) plan file."""
    problems = tuple(
        Problem("error" if d.is_error else "warning", d.code, d.line, d.column,
                d.text("en"), d.format(lang="en"), d.text("zh"), d.format(lang="zh"))
        for d in loaded.diagnostics
    )
    plan = loaded.plan
    if plan is None:
        return PlanSummary(loaded.path, origin, problems=problems)
    return PlanSummary(
        loaded.path, origin, plan.id, plan.title, plan.title_en, plan.hazard.value,
        plan.version, plan.status.value, len(plan.steps), problems,
    )


def plan_files(folder: Path) -> list[Path]:
    """The plan files in ``folder`` and below, sorted (as ``iter_plan_files`` lists them)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in PLAN_SUFFIXES and p.is_file())


def loader_fingerprint() -> str:
    """Changes whenever the console's version or any module of ``console/plans`` does."""
    package = Path(console.__file__).resolve().parent / "plans"
    parts = [getattr(console, "__version__", "")]
    for entry in sorted(os.scandir(package), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            stat = entry.stat()
            parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def scan_library(folders: Sequence[LibraryFolder], cache_file: Path | None = None
                 ) -> list[PlanSummary]:
    """Check every plan file in ``folders`` (a file found twice is listed once).

    With ``cache_file``, unchanged files are taken from the cache, and the cache is
    rewritten when anything differs. Never raises for a bad plan or a bad cache.
    """
    fingerprint = loader_fingerprint()
    cached = _read_cache(cache_file, fingerprint) if cache_file else {}
    fresh: dict[str, dict[str, Any]] = {}
    summaries: list[PlanSummary] = []
    seen: set[Path] = set()
    for folder, path in _unique_files(folders, seen):
        key = str(path)
        try:
            stat = path.stat()
            stamp = [stat.st_size, stat.st_mtime_ns]
        except OSError:
            stamp = [-1, -1]
        entry = cached.get(key)
        summary = _cached_summary(entry, stamp, folder.origin)
        if summary is None:
            from console.plans import load_plan  # the heavy import, only on a cache miss

            summary = summarise(load_plan(path), folder.origin)
            entry = {"stamp": stamp, "origin": folder.origin, "summary": summary.as_dict()}
        summaries.append(summary)
        fresh[key] = entry
    if cache_file is not None and fresh != cached:
        _write_cache(cache_file, fingerprint, fresh)
    return summaries


def _unique_files(folders: Iterable[LibraryFolder], seen: set[Path]
                  ) -> Iterable[tuple[LibraryFolder, Path]]:
    for folder in folders:
        for path in plan_files(folder.path):
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                yield folder, path


def _read_cache(cache_file: Path, fingerprint: str) -> dict[str, dict[str, Any]]:
    """The cached summaries, or none when the cache is missing, unreadable, damaged or
    written by another loader version (the library is then rebuilt from the files)."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        current = data["version"] == CACHE_VERSION and data["loader"] == fingerprint
        files = data["files"] if current else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return files if isinstance(files, dict) else {}


def _cached_summary(entry: Any, stamp: list[int], origin: str) -> PlanSummary | None:
    """The cached summary when the file is unchanged, else None."""
    if not isinstance(entry, dict) or entry.get("stamp") != stamp or entry.get("origin") != origin:
        return None
    try:
        return PlanSummary.from_dict(entry["summary"])
    except (KeyError, TypeError, ValueError):
        return None


def _write_cache(cache_file: Path, fingerprint: str, files: dict[str, Any]) -> None:
    text = json.dumps({"version": CACHE_VERSION, "loader": fingerprint, "files": files},
                      ensure_ascii=False)
    partial = cache_file.with_name(cache_file.name + ".partial")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, cache_file)  # readers see the old cache or the new one
    except OSError:
        pass  # a cache that cannot be written only costs the next start some time
