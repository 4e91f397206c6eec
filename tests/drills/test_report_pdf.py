"""The PDF after-action report: a real PDF with the Chinese section titles as text, the
marker and page numbers on every page, the CJK font embedded."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest

from console.drills.report import render
from console.drills.report.texts import EN, ZH
from tests.drills.report_samples import sample_report

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(scope="module")
def zh_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(sample_report("zh"), "pdf", tmp_path_factory.mktemp("pdf") / "report.pdf")


def _pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return [page for page in out.split("\f") if page.strip()]


def test_is_a_pdf(zh_pdf: Path) -> None:
    data = zh_pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert zh_pdf.stat().st_size < 1_000_000
    assert b"/FontFile2" in data or b"STSong-Light" in data  # embedded, or the CID font


@needs_pdftotext
def test_chinese_section_titles_are_text(zh_pdf: Path) -> None:
    text = "".join(_pages(zh_pdf))
    for title in (ZH.s_overview, ZH.s_people, ZH.s_timeline, ZH.s_targets, ZH.s_evaluation,
                  ZH.s_actions, ZH.s_trend, "胜地社区森林火情模拟演练评估报告"):
        assert title in text
    assert "预案文件已修改" in text  # plan_changed
    assert "超时 00:44" in text


@needs_pdftotext
def test_every_page_is_marked_and_numbered(zh_pdf: Path) -> None:
    pages = _pages(zh_pdf)
    assert len(pages) >= 5
    for number, page in enumerate(pages, 1):
        assert "演练 DRILL" in page
        assert f"第 {number} 页 / 共 {len(pages)} 页" in page


@needs_pdftotext
def test_english_pdf(tmp_path: Path) -> None:
    data = dataclasses.replace(sample_report("en", events=60), plan_changed=False)
    pages = _pages(render(data, "pdf", tmp_path / "en.pdf"))
    text = "".join(pages)
    for title in (EN.s_overview, EN.s_targets, EN.s_actions):
        assert title in text
    assert "has changed since the drill" not in text
    assert f"Page 1 of {len(pages)}" in pages[0]


@needs_pdftotext
def test_long_timeline_splits_with_repeated_header(tmp_path: Path) -> None:
    """A 600-entry timeline runs over many pages; each of them starts with the header row."""
    pages = _pages(render(sample_report("zh", events=600), "pdf", tmp_path / "long.pdf"))
    timeline_pages = [p for p in pages if "位置更新" in p]
    assert len(timeline_pages) >= 8
    assert all(ZH.c_subject in p and ZH.c_detail in p for p in timeline_pages)
