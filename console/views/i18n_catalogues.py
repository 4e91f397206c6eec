"""The translation catalogues in ``resources/i18n``: extract, fill, compile, check.

Run after adding or changing a user-visible string::

    uv run python -m console.views.i18n_catalogues

It runs ``pyside6-lupdate`` over ``console/app.py`` and ``console/views`` into
``console_zh_CN.ts`` and ``console_en.ts`` (dropping strings no longer used), makes
every English translation its source text, compiles both with ``pyside6-lrelease``,
and lists the Chinese strings still to translate (exit code 1 while any are left).
Translate them with ``uv run pyside6-linguist resources/i18n/console_zh_CN.ts`` or in
the XML, then run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .i18n import LANGUAGES, catalogue_dir

__all__ = ["Message", "compile_catalogue", "extract", "read_messages", "source_files",
           "ts_path", "update"]

_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Message:
    """One string of a catalogue: its translation and whether it is finished."""

    context: str
    source: str
    translation: str
    finished: bool


def ts_path(language: str, folder: Path | None = None) -> Path:
    return (folder or catalogue_dir()) / f"console_{language}.ts"


def source_files() -> list[Path]:
    """The files whose strings the catalogues hold."""
    views = sorted((_ROOT / "console" / "views").rglob("*.py"))
    return [_ROOT / "console" / "app.py", *views]


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise FileNotFoundError(f"{name} (it comes with PySide6)")
    return found


def extract(ts_files: list[Path]) -> None:
    """Bring ``ts_files`` up to date with the source (translations already made stay)."""
    subprocess.run([_tool("pyside6-lupdate"), *map(str, source_files()), "-ts",
                    *map(str, ts_files), "-no-obsolete", "-locations", "none", "-silent"],
                   check=True, cwd=_ROOT)


def compile_catalogue(ts_file: Path, qm_file: Path) -> None:
    """Compile a ``.ts`` catalogue to the ``.qm`` file the application loads."""
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file), "-silent"],
                   check=True)


def read_messages(ts_file: Path) -> dict[tuple[str, str], Message]:
    """Every string of a catalogue by (context, source)."""
    messages = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            finished = translation is not None and translation.get("type") is None
            messages[(name, source)] = Message(name, source, text, finished and bool(text))
    return messages


def _fill_english(ts_file: Path) -> None:
    """English is the source language: each translation is its source, finished."""
    tree = ET.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.text = message.findtext("source", "")
        translation.attrib.pop("type", None)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def update() -> list[Message]:
    """Extract, fill English, compile; returns the Chinese strings left to translate."""
    files = [ts_path(language) for language in LANGUAGES]
    extract(files)
    _fill_english(ts_path("en"))
    extract([ts_path("en")])  # lupdate writes the file back in its own layout
    for ts_file in files:
        compile_catalogue(ts_file, ts_file.with_suffix(".qm"))
    return [m for m in read_messages(ts_path("zh_CN")).values() if not m.finished]


def main() -> int:
    left = update()
    for message in left:
        print(f"to translate [{message.context}] {message.source}")
    print(f"{len(left)} Chinese string(s) to translate" if left else "catalogues complete")
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
