"""The report as .docx (python-docx): A4 portrait, heading styles, tables with repeating
header rows, the charts as pictures, the 演练 DRILL marker and page numbers in the page
header and footer.

Every run carries its East Asian font (``w:rFonts/@w:eastAsia``): ``run.font.name`` alone
sets only the Latin font and Word would show Chinese in whatever it likes. Body text is
宋体 (SimSun), headings 黑体 (SimHei), Latin text Times New Roman / Arial. Tables are
written as WordprocessingML directly: python-docx's ``add_row`` is far too slow for a
2,000-row timeline.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from .blocks import Bullets, Cell, Document, Figure, Heading, Paragraph, Table

__all__ = ["write_docx"]

BODY_EA, HEAD_EA = "宋体", "黑体"
BODY_LATIN, HEAD_LATIN = "Times New Roman", "Arial"
PAGE_W, PAGE_H = 21.0, 29.7
MARGIN_X, MARGIN_Y = 2.2, 2.4
TEXT_W_CM = PAGE_W - 2 * MARGIN_X
TEXT_H_CM = PAGE_H - 2 * MARGIN_Y
TWIPS_PER_CM = 567
RED = "B91C1C"
TONE_COLOUR = {"good": "15803D", "bad": RED, "muted": "6B7280", "warn": RED}
HUMAN_FILL, HEADER_FILL, KEY_FILL = "FFF4D6", "D9E2F3", "F2F2F2"
# what may follow w:shd in a w:pPr (the schema fixes the order; Word insists on it)
SHD_SUCCESSORS = (
    "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)


def _set_fonts(rpr: Any, latin: str, east: str, hint: bool) -> None:
    """Latin and East Asian fonts on a run or style (``rPr``), theme fonts removed."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.src = doc
        self.zh = doc.language == "zh"
        self.out = new_document()
        self._setup_page()
        self._setup_styles()

    # --- page and styles -------------------------------------------------------------
    def _setup_page(self) -> None:
        section = self.out.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(PAGE_W), Cm(PAGE_H)
        section.left_margin = section.right_margin = Cm(MARGIN_X)
        section.top_margin = section.bottom_margin = Cm(MARGIN_Y)
        section.header_distance = section.footer_distance = Cm(1.2)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(header, self.src.header, size=9, bold=False, colour=RED)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(footer, self.src.marker + "　", size=9, bold=True, colour=RED)
        before, _, rest = self.src.footer_page.partition("{page}")
        middle, _, after = rest.partition("{pages}")
        self._run(footer, before, size=9)
        self._field(footer, "PAGE")
        self._run(footer, middle, size=9)
        self._field(footer, "NUMPAGES")
        self._run(footer, after, size=9)

    def _setup_styles(self) -> None:
        styles = self.out.styles
        sizes = {"Normal": 11, "Title": 20, "Heading 1": 15, "Heading 2": 12.5,
                 "List Bullet": 11, "Caption": 9}
        for name, size in sizes.items():
            style: Any = styles[name]
            heading = name.startswith(("Heading", "Title"))
            style.font.size = Pt(size)
            style.font.color.rgb = RGBColor(0, 0, 0)
            style.font.italic = False
            style.font.bold = heading
            _set_fonts(style.element.get_or_add_rPr(), HEAD_LATIN if heading else BODY_LATIN,
                       HEAD_EA if heading else BODY_EA, self.zh)
            pf = style.paragraph_format
            pf.space_after = Pt(4 if not heading else 6)
            pf.space_before = Pt(12 if name == "Heading 1" else 8 if heading else 0)
        normal_rpr = styles["Normal"].element.get_or_add_rPr()
        normal_rpr.append(parse_xml(
            f'<w:lang {nsdecls("w")} w:val="{"zh-CN" if self.zh else "en-GB"}" '
            'w:eastAsia="zh-CN"/>'))
        styles["Normal"].paragraph_format.line_spacing = 1.25
        title_ppr = styles["Title"].element.pPr
        if title_ppr is not None:
            border = title_ppr.find(qn("w:pBdr"))
            if border is not None:
                title_ppr.remove(border)

    # --- runs ---------------------------------------------------------------------
    def _run(self, paragraph: Any, text: str, *, size: float | None = None, bold: bool | None
             = None, colour: str = "", head: bool = False) -> Any:
        run = paragraph.add_run(text)
        _set_fonts(run._r.get_or_add_rPr(), HEAD_LATIN if head else BODY_LATIN,
                   HEAD_EA if head else BODY_EA, self.zh)
        if size is not None:
            run.font.size = Pt(size)
        if bold is not None:
            run.font.bold = bold
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        return run

    def _field(self, paragraph: Any, code: str) -> None:
        for kind, text in (("begin", ""), ("instr", code), ("separate", ""), ("text", "1"),
                           ("end", "")):
            run = self._run(paragraph, "", size=9)
            if kind == "instr":
                run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">'
                                        f" {text} </w:instrText>"))
            elif kind == "text":
                run.text = text
            else:
                run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))

    # --- blocks -------------------------------------------------------------------
    def title(self) -> None:
        marker = self.out.add_paragraph()
        marker.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(marker, self.src.marker, size=14, bold=True, colour=RED, head=True)
        title = self.out.add_paragraph(style="Title")
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._run(title, self.src.title, head=True)
        for line in self.src.subtitle:
            p = self.out.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._run(p, line, size=10, colour="404040")
        if self.src.demo:
            p = self.out.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._run(p, self.src.demo, size=10, bold=True, colour=RED)

    def heading(self, block: Heading) -> None:
        p = self.out.add_paragraph(style=f"Heading {min(block.level, 2)}")
        self._run(p, block.text, head=True)

    def paragraph(self, block: Paragraph) -> None:
        style = "Caption" if block.style == "caption" else None
        p = self.out.add_paragraph(style=style)
        if block.style == "caption":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines = block.text.split("\n")
        for i, line in enumerate(lines):
            if block.style == "warn":
                run = self._run(p, line, bold=True, colour=RED)
            elif block.style == "note":
                run = self._run(p, line, size=9.5, colour="595959")
            else:
                run = self._run(p, line)
            if i < len(lines) - 1:
                run.add_break()
        if block.style == "warn":
            p.paragraph_format.left_indent = Cm(0.2)
            p._p.get_or_add_pPr().insert_element_before(parse_xml(
                f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="FDECEC"/>'),
                *SHD_SUCCESSORS)

    def bullets(self, block: Bullets) -> None:
        for item in block.items:
            self._run(self.out.add_paragraph(style="List Bullet"), item)

    def figure(self, block: Figure) -> None:
        width = min(TEXT_W_CM, block.width_in * 2.54)
        height = block.height_in * 2.54 * width / (block.width_in * 2.54)
        if height > TEXT_H_CM - 3:
            width *= (TEXT_H_CM - 3) / height
        self.out.add_picture(io.BytesIO(block.png), width=Cm(width))
        picture = self.out.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        doc_pr = picture._p.find(".//" + qn("wp:docPr"))
        if doc_pr is not None:
            doc_pr.set("descr", block.alt)
        self.paragraph(Paragraph(block.caption, "caption"))

    def table(self, block: Table) -> None:
        body = self.out.element.body
        element = parse_xml(_table_xml(block, self.zh))
        sect = body.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)
        self.out.add_paragraph().paragraph_format.space_after = Pt(2)

    def write(self, path: Path) -> None:
        self.title()
        for block in self.src.blocks:
            if isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Bullets):
                self.bullets(block)
            elif isinstance(block, Figure):
                self.figure(block)
            else:
                self.table(block)
        props = self.out.core_properties
        props.title = self.src.title
        props.subject = self.src.marker
        props.keywords = self.src.marker
        props.language = "zh-CN" if self.zh else "en-GB"
        self.out.save(str(path))


def _rpr(size_half_points: int, zh: bool, bold: bool = False, colour: str = "") -> str:
    hint = ' w:hint="eastAsia"' if zh else ""
    return (f'<w:rPr><w:rFonts w:ascii="{BODY_LATIN}" w:hAnsi="{BODY_LATIN}" '
            f'w:eastAsia="{BODY_EA}" w:cs="{BODY_LATIN}"{hint}/>'
            + ("<w:b/><w:bCs/>" if bold else "")
            + (f'<w:color w:val="{colour}"/>' if colour else "")
            + f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/></w:rPr>')


KEEP_TOGETHER_ROWS = 20  # a table this short is kept on one page


def _cell_xml(cell: Cell, width: int, align: str, rpr: str, fill: str,
              keep: bool = False) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    jc = {"c": "center", "r": "right"}.get(align, "left")
    lines = escape(cell.text).split("\n")
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}'
            '<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr>{"<w:keepNext/>" if keep else ""}<w:spacing w:before="0" '
            f'w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr>'
            f"<w:r>{rpr}{runs}</w:r></w:p></w:tc>")


def _table_xml(block: Table, zh: bool) -> str:
    """One ``w:tbl``: fixed layout at the text width, header row repeated on every page."""
    total = TEXT_W_CM * TWIPS_PER_CM
    scale = total / sum(block.widths)
    widths = [int(w * scale) for w in block.widths]
    align = block.align or tuple("l" for _ in block.columns)
    size = 18 if block.small else 20
    plain = {tone: _rpr(size, zh, tone == "total", TONE_COLOUR.get(tone, ""))
             for tone in ("", "good", "bad", "muted", "warn", "total", "human")}
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
             '<w:tblBorders>'
             + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
                       for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
             '<w:top w:w="28" w:type="dxa"/><w:left w:w="70" w:type="dxa"/>'
             '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="70" w:type="dxa"/>'
             '</w:tblCellMar></w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
    short = len(block.rows) <= KEEP_TOGETHER_ROWS  # keep with next: all but the last row
    if block.header:
        head = _rpr(size, zh, bold=True)
        parts.append('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
                     + "".join(_cell_xml(Cell(c), w, "c", head, HEADER_FILL, keep=True)
                               for c, w in zip(block.columns, widths, strict=True))
                     + "</w:tr>")
    last = len(block.rows) - 1
    for r, row in enumerate(block.rows):
        cells = []
        for i, (cell, w) in enumerate(zip(row, widths, strict=True)):
            key = not block.header and i == 0
            fill = KEY_FILL if key else HUMAN_FILL if cell.tone == "human" else ""
            cells.append(_cell_xml(cell, w, align[i], plain[cell.tone], fill,
                                   keep=short and r < last))
        parts.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>' + "".join(cells) + "</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def write_docx(doc: Document, path: Path) -> Path:
    """Write ``doc`` as a .docx file at ``path``."""
    _Writer(doc).write(path)
    return path
