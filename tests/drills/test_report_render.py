"""The report's content and the render entry point: formats, the title, times, the
English labels, empty data, the font fallback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from console.drills.report import FORMATS, ReportFontWarning, build, fonts, render
from console.drills.report.blocks import Figure, Heading, Table
from console.drills.report.content import report_title
from console.drills.report.texts import EN, ZH, clock, hhmm, margin_text, pct
from tests.drills.report_samples import sample_report

CJK = re.compile(r"[\u3400-\u9fff]")


def test_clock_formats() -> None:
    assert clock(0) == "00:00"
    assert clock(344) == "05:44"
    assert clock(3599.6) == "1:00:00"
    assert clock(3725) == "1:02:05"
    assert clock(-30) == "-00:30"
    assert clock(None) == "—" and clock(float("nan")) == "—"
    assert hhmm(dt.datetime(2026, 3, 18, 14, 5, 59)) == "14:05"
    assert margin_text(-44, ZH) == "超时 00:44" and margin_text(18, ZH) == "提前 00:18"
    assert margin_text(-44, EN) == "00:44 late"
    assert pct(27, 30) == "90.0%" and pct(0, 0) == "—"


def test_title() -> None:
    data = sample_report("zh", events=10)
    assert report_title(data, ZH) == "胜地社区森林火情模拟演练评估报告"
    other = dataclasses.replace(data, drill_name="光明村地质灾害避险")
    assert report_title(other, ZH) == "光明村地质灾害避险演练评估报告"
    assert report_title(sample_report("en", events=10), EN).startswith("After-action report: ")


def test_english_labels_have_no_chinese() -> None:
    for field in dataclasses.fields(EN):
        assert not CJK.search(getattr(EN, field.name)), field.name
    assert {f.name for f in dataclasses.fields(ZH)} == {f.name for f in dataclasses.fields(EN)}


def test_blocks_of_the_sample() -> None:
    document = build(sample_report("zh"))
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[0] == ZH.s_overview and headings[-1] == ZH.s_trend
    figures = [b for b in document.blocks if isinstance(b, Figure)]
    assert len(figures) == 3
    assert all(f.png.startswith(b"\x89PNG") for f in figures)
    assert all(len(f.png) < 400_000 for f in figures)
    path = next(b for b in document.blocks if isinstance(b, Heading) and b.text == ZH.ss_path)
    assert path is not None
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert all(len(row) == len(t.columns) == len(t.widths) for t in tables for row in t.rows)


def test_targets_without_planned_times_have_no_planned_column() -> None:
    data = sample_report("zh", events=10)
    targets = tuple(dataclasses.replace(t, planned=None) for t in data.targets)
    document = build(dataclasses.replace(data, targets=targets))
    table = next(b for b in document.blocks if isinstance(b, Table)
                 and b.columns[0] == ZH.c_target)
    assert ZH.c_planned not in table.columns and len(table.columns) == 6


def test_no_trend_no_section_seven() -> None:
    document = build(dataclasses.replace(sample_report("zh", events=20), trend=()))
    assert ZH.s_trend not in [b.text for b in document.blocks if isinstance(b, Heading)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_nearly_empty_drill_renders(fmt: str, tmp_path: Path) -> None:
    """A drill aborted at once: no people, no timeline, no charts — still a report."""
    data = dataclasses.replace(
        sample_report("zh", events=0), participants=(), rates=(), never_answered=(),
        timeline=(), targets=(), stages=(), critical_path=(), gantt=(), curve=(),
        strengths=(), problems=(), actions=(), observations=(), trend=(), injects=(),
        objectives=(), started=None, plan_sha256="", duration=0.0)
    path = render(data, fmt, tmp_path / f"empty.{fmt}")
    assert path.stat().st_size > 1000


def test_unknown_format_and_no_partial_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(sample_report("zh", events=5), "odt", tmp_path / "x.odt")
    assert list(tmp_path.iterdir()) == []


def test_render_creates_the_folder_and_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "r.html"
    render(sample_report("zh", events=5), ".HTML", target)
    render(sample_report("en", events=5), "html", target)
    assert 'lang="en"' in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["r.html"]


def test_font_finder_finds_cjk_fonts_here() -> None:
    """On the project's machines fonts-noto-cjk is installed (CI installs it)."""
    found = fonts.find_cjk_fonts()
    if not found:
        pytest.skip("no CJK font on this machine")
    assert all(f.path.is_file() for f in found)
    regular, _ = fonts.regular_and_bold(found)
    assert regular is not None and not regular.bold


def test_outline_kind_of_junk(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font at all")
    assert fonts.outline_kind(junk) == ""
    assert fonts.outline_kind(tmp_path / "missing.ttc", 3) == ""


@pytest.fixture
def no_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "find_cjk_fonts", lambda: ())


@pytest.mark.usefixtures("no_fonts")
def test_without_any_cjk_font_every_format_still_renders(tmp_path: Path) -> None:
    """No CJK font at all: a warning, chart labels as numbers with a key, the PDF in the
    built-in STSong-Light, the .docx and HTML as always."""
    data = sample_report("zh", events=50)
    with pytest.warns(ReportFontWarning):
        document = build(data)
    figures = [b for b in document.blocks if isinstance(b, Figure)]
    assert len(figures) == 3
    text = document.text()
    assert "图中编号：1 = " in text and ZH.font_missing in text
    for fmt in FORMATS:
        with pytest.warns(ReportFontWarning):
            path = render(data, fmt, tmp_path / f"r.{fmt}")
        assert path.stat().st_size > 1000
    pdf = (tmp_path / "r.pdf").read_bytes()
    assert b"STSong-Light" in pdf and b"/FontFile2" not in pdf
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "r.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        assert ZH.s_overview in out
    assert len(docx.Document(str(tmp_path / "r.docx")).inline_shapes) == 3


def test_broken_font_file_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A font that looks usable but is not: the PDF moves on to the CID font."""
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\x00\x01\x00\x00\x00\x01" + b"\x00" * 6 + b"glyf" + b"\x00" * 12)
    fake = fonts.FontFile("Fake Hei", bad, 0, False, True)
    monkeypatch.setattr(fonts, "find_cjk_fonts", lambda: (fake,))
    with pytest.warns(ReportFontWarning):
        path = render(sample_report("zh", events=20), "pdf", tmp_path / "r.pdf")
    assert b"STSong-Light" in path.read_bytes()


def test_characters_no_font_has_are_reported_not_hidden() -> None:
    """A character no font can draw (private use area) would be a box: the report says so."""
    if not fonts.find_cjk_fonts():
        pytest.skip("no CJK font on this machine")
    data = sample_report("zh", events=10)
    gantt = (dataclasses.replace(data.gantt[0], step="\ue000接收预警"), *data.gantt[1:])
    with pytest.warns(ReportFontWarning, match="无法用现有字体显示"):
        document = build(dataclasses.replace(data, gantt=gantt))
    assert ZH.glyphs_missing in document.text()
