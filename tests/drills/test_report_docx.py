"""The .docx after-action report: reopens with python-docx, carries every section, the
tables' rows, the charts, the DRILL marker on every page and East Asian fonts on every
Chinese run."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from console.drills.report import render
from console.drills.report.texts import EN, ZH
from console.drills.report_model import ReportData
from tests.drills.report_samples import sample_report

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")


@pytest.fixture(scope="module")
def zh_data() -> ReportData:
    return sample_report("zh")


@pytest.fixture(scope="module")
def zh_docx(tmp_path_factory: pytest.TempPathFactory, zh_data: ReportData) -> Path:
    return render(zh_data, "docx", tmp_path_factory.mktemp("docx") / "report.docx")


@pytest.fixture(scope="module")
def en_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render(sample_report("en"), "docx", tmp_path_factory.mktemp("docx") / "report.docx")


def _headings(path: Path, level: int) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.name == f"Heading {level}"]


def test_sections_are_headings_in_order(zh_docx: Path) -> None:
    """一、… 七、 are Heading 1 paragraphs, in the order of AQ/T 9009."""
    assert _headings(zh_docx, 1) == [ZH.s_overview, ZH.s_people, ZH.s_timeline, ZH.s_targets,
                                     ZH.s_evaluation, ZH.s_actions, ZH.s_trend]
    assert ZH.ss_gantt in _headings(zh_docx, 2)
    title = docx.Document(str(zh_docx)).paragraphs[1]
    assert title.style is not None and title.style.name == "Title"
    assert title.text == "胜地社区森林火情模拟演练评估报告"


def test_english_report_has_english_sections(en_docx: Path) -> None:
    assert _headings(en_docx, 1) == [EN.s_overview, EN.s_people, EN.s_timeline, EN.s_targets,
                                     EN.s_evaluation, EN.s_actions, EN.s_trend]
    text = "\n".join(p.text for p in docx.Document(str(en_docx)).paragraphs)
    assert not CJK.search(text.replace("演练", "")), "an English label left in Chinese"


def test_tables_hold_every_row(zh_docx: Path, zh_data: ReportData) -> None:
    document = docx.Document(str(zh_docx))
    by_header = {tuple(c.text for c in t.rows[0].cells): t for t in document.tables}
    timeline = by_header[(ZH.c_time, ZH.c_clock, ZH.c_kind, ZH.c_subject, ZH.c_detail,
                          ZH.c_source)]
    assert len(timeline.rows) == len(zh_data.timeline) + 1
    targets = by_header[(ZH.c_target, ZH.c_step, ZH.c_within, ZH.c_planned, ZH.c_actual,
                         ZH.c_result, ZH.c_margin)]
    assert [r.cells[5].text for r in targets.rows[1:]] == [
        ZH.met if t.met else ZH.missed for t in zh_data.targets]
    assert [c.text for c in targets.rows[3].cells[2:]] == [  # 5分钟到场
        "05:00", "04:10", "05:44", ZH.missed, "超时 00:44"]
    stages = by_header[(ZH.c_stage, ZH.c_planned, ZH.c_actual, ZH.c_margin, ZH.c_result)]
    assert [r.cells[0].text for r in stages.rows[1:]] == ["上报", "受理", "转办", "处置", "反馈"]
    people = by_header[(ZH.c_name, ZH.c_unit, ZH.c_post, ZH.c_role, ZH.c_notified, ZH.c_acked,
                        ZH.c_arrived, ZH.c_outcome)]
    assert len(people.rows) == len(zh_data.participants) + 1
    rates = by_header[(ZH.c_group, ZH.c_called, ZH.c_acked, ZH.c_ack_rate, ZH.c_arrived,
                       ZH.c_arrive_rate)]
    assert rates.rows[1].cells[0].text == zh_data.rates[0].group
    actions = by_header[(ZH.c_no, ZH.c_problem, ZH.c_action, ZH.c_owner, ZH.c_due, ZH.c_status,
                         ZH.c_plan_step)]
    assert len(actions.rows) == len(zh_data.actions) + 1
    assert actions.rows[1].cells[4].text == "2026-04-30"


def test_header_rows_repeat_and_tables_fit_the_page(zh_docx: Path) -> None:
    document = docx.Document(str(zh_docx))
    section = document.sections[0]
    assert section.page_width and section.left_margin and section.right_margin
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables[1:]:  # the facts table has no header row
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    for table in document.tables:
        grid = table._tbl.tblGrid
        width_twips = sum(int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol")))
        assert width_twips * 635 <= text_width  # 1 twip = 635 EMU


def test_a4_portrait(zh_docx: Path) -> None:
    section = docx.Document(str(zh_docx)).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width - Cm(21.0)) < Cm(0.05)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.05)


def test_charts_are_pictures(zh_docx: Path) -> None:
    document = docx.Document(str(zh_docx))
    assert len(document.inline_shapes) >= 3  # Gantt, curve, trend
    with zipfile.ZipFile(zh_docx) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) >= 3
    assert all(archive_name.endswith(".png") for archive_name in media)


def test_every_chinese_run_has_an_east_asian_font(zh_docx: Path) -> None:
    """``w:eastAsia`` on every run with Chinese text: body, tables, header and footer."""
    with zipfile.ZipFile(zh_docx) as archive:
        parts = [n for n in archive.namelist() if re.fullmatch(
            r"word/(document|header\d*|footer\d*)\.xml", n)]
        assert any("header" in n for n in parts) and any("footer" in n for n in parts)
        from lxml import etree  # type: ignore[import-untyped]

        checked = 0
        for name in parts:
            root = etree.fromstring(archive.read(name))
            for run in root.iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t")))
                if not CJK.search(text):
                    continue
                fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
                assert fonts is not None and fonts.get(qn("w:eastAsia")), (name, text)
                assert fonts.get(qn("w:ascii")), (name, text)
                checked += 1
    assert checked > 500


def test_drill_marker_in_page_header_and_footer(zh_docx: Path, zh_data: ReportData) -> None:
    section = docx.Document(str(zh_docx)).sections[0]
    header = "".join(p.text for p in section.header.paragraphs)
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert zh_data.marker in header and zh_data.marker in footer
    assert "DEMO DATA" in header
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


def test_plan_changed_note(zh_docx: Path, tmp_path: Path, zh_data: ReportData) -> None:
    def text(path: Path) -> str:
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)

    assert "本报告依据演练时保存的预案副本" in text(zh_docx)
    assert "预案文件已修改" in text(zh_docx)
    import dataclasses

    same = render(dataclasses.replace(zh_data, plan_changed=False), "docx", tmp_path / "s.docx")
    assert "预案文件已修改" not in text(same)


def test_timeline_human_entries_are_marked(zh_docx: Path, zh_data: ReportData) -> None:
    document = docx.Document(str(zh_docx))
    timeline = next(t for t in document.tables if t.rows[0].cells[0].text == ZH.c_time
                    and len(t.rows) > 100)
    marked = [r for r in timeline.rows[1:] if r.cells[5].text == ZH.human]
    assert len(marked) == sum(r.human for r in zh_data.timeline)
    props = marked[0].cells[0]._tc.tcPr
    assert props is not None
    shading = props.find(qn("w:shd"))
    assert shading is not None and shading.get(qn("w:fill")) == "FFF4D6"
