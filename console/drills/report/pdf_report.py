"""The report as PDF (reportlab platypus): A4 portrait, the CJK font embedded (see
``pdf_fonts``), long tables split across pages with their header row repeated, the
charts as images, the 演练 DRILL marker and "page n of N" on every page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Frame,
    Image,
    KeepTogether,
    LongTable,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as RLParagraph

from .blocks import Bullets, Document, Figure, Heading, Paragraph, Table
from .pdf_fonts import PdfFonts, pdf_fonts

__all__ = ["write_pdf"]

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2.0 * cm, 2.3 * cm, 2.2 * cm
TEXT_W = PAGE_W - 2 * MARGIN_X
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
RED = colors.HexColor("#B91C1C")
TONE_COLOUR = {"good": colors.HexColor("#15803D"), "bad": RED,
               "muted": colors.HexColor("#6B7280"), "warn": RED}
HUMAN_FILL = colors.HexColor("#FFF4D6")
HEADER_FILL = colors.HexColor("#D9E2F3")
KEY_FILL = colors.HexColor("#F2F2F2")
GRID = colors.HexColor("#8C8C8C")


class _Styles:
    def __init__(self, f: PdfFonts, zh: bool) -> None:
        wrap = "CJK" if zh else None

        def style(name: str, size: float, *, bold: bool = False, **kw: Any) -> Any:
            return ParagraphStyle(name, fontName=f.bold if bold else f.regular, fontSize=size,
                                  leading=kw.pop("leading", size * 1.45), wordWrap=wrap, **kw)

        self.marker = style("marker", 13, bold=True, alignment=TA_CENTER, textColor=RED)
        self.title = style("title", 19, bold=True, alignment=TA_CENTER, spaceBefore=6,
                           spaceAfter=10, leading=26)
        self.subtitle = style("subtitle", 9.5, alignment=TA_CENTER,
                              textColor=colors.HexColor("#404040"))
        self.demo = style("demo", 9.5, bold=True, alignment=TA_CENTER, textColor=RED,
                          spaceBefore=4)
        self.h1 = style("h1", 14, bold=True, spaceBefore=14, spaceAfter=6, keepWithNext=1)
        self.h2 = style("h2", 11.5, bold=True, spaceBefore=8, spaceAfter=4, keepWithNext=1)
        self.body = style("body", 10, spaceAfter=4, leading=15)
        self.note = style("note", 8.5, textColor=colors.HexColor("#595959"), spaceAfter=4)
        self.warn = style("warn", 10, bold=True, textColor=RED, backColor=colors.HexColor(
            "#FDECEC"), borderPadding=4, spaceBefore=4, spaceAfter=8, leading=15)
        self.caption = style("caption", 8.5, alignment=TA_CENTER, spaceAfter=8)
        self.bullet = style("bullet", 10, leftIndent=14, bulletIndent=3, spaceAfter=2,
                            leading=15)
        self.cells: dict[tuple[bool, bool, str], Any] = {}
        self._style = style

    def cell(self, small: bool, bold: bool, align: str) -> Any:
        key = (small, bold, align)
        if key not in self.cells:
            size = cell_size(small)
            self.cells[key] = self._style(
                f"cell{key}", size, bold=bold, leading=size * LEADING,
                alignment={"c": TA_CENTER, "r": TA_RIGHT}.get(align, TA_LEFT))
        return self.cells[key]


LEADING = 1.3
KEEP_TOGETHER_ROWS = 20  # a table this short moves to the next page whole
PADDING = 3


def cell_size(small: bool) -> float:
    return 7.6 if small else 8.6


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.src = doc
        self.fonts = pdf_fonts(doc.text(), doc.bold_text())
        self.st = _Styles(self.fonts, doc.language == "zh")

    def story(self) -> list[Any]:
        st = self.st
        out: list[Any] = [RLParagraph(_markup(self.src.marker), st.marker),
                          RLParagraph(_markup(self.src.title), st.title)]
        out += [RLParagraph(_markup(line), st.subtitle) for line in self.src.subtitle]
        if self.src.demo:
            out.append(RLParagraph(_markup(self.src.demo), st.demo))
        out.append(Spacer(1, 8))
        for block in self.src.blocks:
            if isinstance(block, Heading):
                out.append(RLParagraph(_markup(block.text), st.h1 if block.level == 1
                                       else st.h2))
            elif isinstance(block, Paragraph):
                style = {"body": st.body, "note": st.note, "warn": st.warn,
                         "caption": st.caption}[block.style]
                out.append(RLParagraph(_markup(block.text), style))
            elif isinstance(block, Bullets):
                out += [RLParagraph(_markup(item), st.bullet, bulletText="•")
                        for item in block.items]
            elif isinstance(block, Figure):
                out += self.figure(block)
            elif len(block.rows) <= KEEP_TOGETHER_ROWS:
                out += [KeepTogether([self.table(block)]), Spacer(1, 6)]
            else:
                out += [self.table(block), Spacer(1, 6)]
        return out

    def figure(self, block: Figure) -> list[Any]:
        width = min(TEXT_W, block.width_in * 72)
        height = block.height_in * 72 * width / (block.width_in * 72)
        if height > TEXT_H - 60:
            width, height = width * (TEXT_H - 60) / height, TEXT_H - 60
        image = Image(io.BytesIO(block.png), width=width, height=height)
        image.hAlign = "CENTER"
        return [image, RLParagraph(_markup(block.caption), self.st.caption)]

    def table(self, block: Table) -> Any:
        scale = TEXT_W / sum(block.widths)
        widths = [w * scale for w in block.widths]
        align = block.align or tuple("l" for _ in block.columns)
        rows: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if block.header:
            head = self.st.cell(block.small, True, "c")
            rows.append([RLParagraph(_markup(c), head) for c in block.columns])
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        else:
            commands.append(("BACKGROUND", (0, 0), (0, -1), KEY_FILL))
        first = len(rows)
        size = cell_size(block.small)
        regular = self.fonts.regular
        commands.append(("FONT", (0, first), (-1, -1), regular, size, size * LEADING))
        for i, a in enumerate(align):
            commands.append(("ALIGN", (i, first), (i, -1),
                             {"c": "CENTER", "r": "RIGHT"}.get(a, "LEFT")))
        for r, row in enumerate(block.rows, first):
            cells: list[Any] = []
            for i, cell in enumerate(row):
                key = not block.header and i == 0
                if (cell.tone in ("", "human") and not key and "\n" not in cell.text
                        and stringWidth(cell.text, regular, size) <= widths[i] - 2 * PADDING):
                    cells.append(cell.text)  # fits on one line: no Paragraph needed (fast)
                    continue
                style = self.st.cell(block.small, key or cell.tone == "total", align[i])
                text = _markup(cell.text)
                colour = TONE_COLOUR.get(cell.tone)
                if colour is not None:
                    text = f'<font color="{colour.hexval().replace("0x", "#")}">{text}</font>'
                cells.append(RLParagraph(text, style))
            if any(cell.tone == "human" for cell in row):
                commands.append(("BACKGROUND", (0, r), (-1, r), HUMAN_FILL))
            rows.append(cells)
        table = LongTable(rows, colWidths=widths, repeatRows=1 if block.header else 0,
                          hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        return table

    def write(self, path: Path) -> None:
        src, fonts = self.src, self.fonts

        def decorate(canvas: Any, page: int, pages: int) -> None:
            canvas.saveState()
            canvas.setFont(fonts.bold, 9)
            canvas.setFillColor(RED)
            top = PAGE_H - 1.35 * cm
            canvas.drawString(MARGIN_X, top, src.marker)
            canvas.setFont(fonts.regular, 8.5)
            canvas.setFillColor(colors.HexColor("#404040"))
            canvas.drawRightString(PAGE_W - MARGIN_X, top, src.header.removeprefix(
                src.marker).strip("　 "))
            canvas.setStrokeColor(colors.HexColor("#BFBFBF"))
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN_X, top - 4, PAGE_W - MARGIN_X, top - 4)
            bottom = 1.25 * cm
            canvas.setFont(fonts.bold, 9)
            canvas.setFillColor(RED)
            canvas.drawString(MARGIN_X, bottom, src.marker)
            canvas.setFont(fonts.regular, 8.5)
            canvas.setFillColor(colors.black)
            canvas.drawCentredString(PAGE_W / 2, bottom,
                                     src.footer_page.format(page=page, pages=pages))
            canvas.restoreState()

        frame = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_W, TEXT_H, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        template = BaseDocTemplate(
            str(path), pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=src.title,
            subject=src.marker, keywords=[src.marker], creator="Contingency Console",
            lang="zh-CN" if src.language == "zh" else "en-GB",
            pageTemplates=[PageTemplate(id="page", frames=[frame])])
        template.build(self.story(), canvasmaker=_numbered_canvas(decorate))


def _numbered_canvas(decorate: Any) -> type:
    """A canvas that holds its pages back until the end, so each can say "of N"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def write_pdf(doc: Document, path: Path) -> Path:
    """Write ``doc`` as a PDF file at ``path``."""
    _Writer(doc).write(path)
    return path
