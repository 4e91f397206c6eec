"""The report as format-neutral blocks: built once from ``ReportData`` by ``content``,
written by the .docx, PDF and HTML writers, so the three formats say the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Align",
    "Block",
    "Bullets",
    "Cell",
    "Document",
    "Figure",
    "Heading",
    "Paragraph",
    "Table",
    "Tone",
]

# How a cell or paragraph stands out: good (met), bad (missed), human (an operator's
# entry), total (the overall row), muted (skipped, not reached), warn (a note to heed).
Tone = Literal["", "good", "bad", "human", "total", "muted", "warn"]
Align = Literal["l", "c", "r"]


@dataclass(frozen=True)
class Cell:
    text: str
    tone: Tone = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1: 一、…, 2: （一）…


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "note", "warn", "caption"] = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]  # relative; the writers scale them to the page width
    small: bool = False  # a dense table in a smaller type
    header: bool = True  # False: a two-column facts table without a header row
    align: tuple[Align, ...] = ()  # per column; default left


@dataclass(frozen=True)
class Figure:
    png: bytes
    width_in: float
    height_in: float
    caption: str
    alt: str


Block = Heading | Paragraph | Bullets | Table | Figure


@dataclass(frozen=True)
class Document:
    language: str  # "zh" or "en": the html lang attribute, line breaking
    title: str
    subtitle: tuple[str, ...]  # drill id, generated time
    marker: str  # 演练 DRILL, on every page
    demo: str  # the DEMO DATA note, or ""
    demo_mark: str  # its short form for page headers and banners ("" when not demo data)
    header: str  # the running page header (marker and title)
    footer_page: str  # "第 {page} 页 / 共 {pages} 页"
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())

    def text(self) -> str:
        """All the words in the document (for choosing the glyphs a PDF font must carry)."""
        parts = [self.title, *self.subtitle, self.marker, self.demo, self.header,
                 self.footer_page]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, Bullets):
                parts.extend(block.items)
            elif isinstance(block, Table):
                parts.extend(block.columns)
                parts.extend(cell.text for row in block.rows for cell in row)
            else:
                parts.append(block.caption)
        return "\n".join(parts)

    def bold_text(self) -> str:
        """The words set in bold (title, headings, table headers, key and total cells)."""
        parts = [self.title, self.marker, self.demo, self.demo_mark]
        for block in self.blocks:
            if isinstance(block, Heading) or (isinstance(block, Paragraph)
                                              and block.style == "warn"):
                parts.append(block.text)
            elif isinstance(block, Table):
                parts.extend(block.columns)
                parts.extend(cell.text for row in block.rows for i, cell in enumerate(row)
                             if cell.tone == "total" or (not block.header and i == 0))
        return "\n".join(parts)
