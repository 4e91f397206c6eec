"""Finding a font that can show Chinese, offline, on Windows and on Linux.

Order of search (first found wins; every hit is listed, best first):

1. Windows: the fonts Chinese Windows ships in ``%WINDIR%\\Fonts`` — Microsoft YaHei
   (msyh.ttc), SimHei (simhei.ttf), SimSun (simsun.ttc), DengXian (Deng.ttf).
2. Fonts matplotlib's font manager knows (it scans the system font folders and
   fontconfig on Linux) whose family is a known CJK family: Noto Sans CJK SC, Source Han
   Sans, WenQuanYi, Droid Sans Fallback, AR PL, … .
3. Linux: fontconfig's ``fc-list :lang=zh`` — any font that covers Chinese.

Nothing is downloaded. No font found: the charts fall back to English labels and
numbers (with a warning) and the PDF to reportlab's built-in CID font ``STSong-Light``.
"""

from __future__ import annotations

import functools
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FontFile", "find_cjk_fonts", "outline_kind", "regular_and_bold"]


@dataclass(frozen=True)
class FontFile:
    family: str  # as matplotlib and fontconfig name it, e.g. "Noto Sans CJK SC"
    path: Path
    index: int  # the face in a .ttc collection
    bold: bool
    truetype: bool  # glyf outlines: reportlab embeds these; False: CFF (PostScript) outlines


# Best first. Simplified Chinese faces before the other CJK variants of the same design.
FAMILIES = (
    "Microsoft YaHei", "微软雅黑", "SimHei", "黑体", "DengXian", "等线", "SimSun", "宋体",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans SC",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
    "AR PL UKai CN", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK TC",
    "Noto Sans CJK HK", "Noto Sans CJK JP", "Noto Sans CJK KR", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "STHeiti", "Arial Unicode MS",
)

WINDOWS_FILES = (
    ("msyh.ttc", 0, "Microsoft YaHei", False),
    ("msyhbd.ttc", 0, "Microsoft YaHei", True),
    ("simhei.ttf", 0, "SimHei", False),
    ("simsun.ttc", 0, "SimSun", False),
    ("Deng.ttf", 0, "DengXian", False),
    ("Dengb.ttf", 0, "DengXian", True),
)


def outline_kind(path: Path, index: int = 0) -> str:
    """"glyf" (TrueType outlines), "CFF " (PostScript outlines) or "" (unreadable)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            offset = 0
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if not 0 <= index < count:
                    return ""
                fh.seek(12 + 4 * index)
                offset = struct.unpack(">I", fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(12)
            tables = struct.unpack(">H", head[4:6])[0]
            fh.seek(offset + 12)
            tags = {fh.read(16)[:4] for _ in range(min(tables, 200))}
    except (OSError, struct.error):
        return ""
    if b"glyf" in tags:
        return "glyf"
    return "CFF " if b"CFF " in tags or b"CFF2" in tags else ""


def _font_file(family: str, path: Path, index: int, bold: bool) -> FontFile | None:
    kind = outline_kind(path, index)
    if not kind:
        return None
    return FontFile(family, path, index, bold, kind == "glyf")


def _windows_fonts() -> list[FontFile]:
    if sys.platform != "win32":
        return []
    folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    found = []
    for name, index, family, bold in WINDOWS_FILES:
        if (folder / name).is_file():
            font = _font_file(family, folder / name, index, bold)
            if font is not None:
                found.append(font)
    return found


def _is_bold(weight: object) -> bool:
    if isinstance(weight, int | float):
        return weight >= 600
    return str(weight).lower() in {"bold", "heavy", "black", "extra bold", "semibold", "demibold"}


def _matplotlib_fonts() -> list[FontFile]:
    try:
        from matplotlib import font_manager
    except ImportError:  # pragma: no cover - matplotlib is a dependency
        return []
    rank = {name.lower(): i for i, name in enumerate(FAMILIES)}
    hits: list[tuple[int, FontFile]] = []
    for entry in font_manager.fontManager.ttflist:
        order = rank.get(entry.name.lower())
        if order is None:
            continue
        font = _font_file(entry.name, Path(entry.fname), int(getattr(entry, "index", 0) or 0),
                          _is_bold(entry.weight))
        if font is not None:
            hits.append((order, font))
    hits.sort(key=lambda hit: (hit[0], hit[1].bold, str(hit[1].path)))
    return [font for _, font in hits]


def _fontconfig_fonts() -> list[FontFile]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, ":lang=zh", "-f", "%{file}|%{index}|%{family[0]}|%{weight}\n"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(out.splitlines()):
        parts = line.split("|")
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        weight = int(parts[3]) if parts[3].isdigit() else 80
        font = _font_file(parts[2], Path(parts[0]), int(parts[1]), weight >= 200)
        if font is not None:
            found.append(font)
    return found


@functools.cache
def find_cjk_fonts() -> tuple[FontFile, ...]:
    """Every CJK-capable font found on this machine, best first (cached per process)."""
    seen: set[tuple[Path, int]] = set()
    found: list[FontFile] = []
    for font in (*_windows_fonts(), *_matplotlib_fonts(), *_fontconfig_fonts()):
        key = (font.path, font.index)
        if key not in seen:
            seen.add(key)
            found.append(font)
    return tuple(found)


def regular_and_bold(fonts: tuple[FontFile, ...]) -> tuple[FontFile | None, FontFile | None]:
    """The best regular face and a bold face of the same family (or None)."""
    regular = next((f for f in fonts if not f.bold), None)
    if regular is None:
        return None, None
    bold = next((f for f in fonts if f.bold and f.family == regular.family), None)
    return regular, bold
