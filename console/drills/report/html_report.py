"""The report as one self-contained HTML file: inline CSS, charts as ``data:`` URIs, no
scripts and no external requests (a Content-Security-Policy says so to the browser),
every data text escaped, print-friendly (A4, header rows repeated, DRILL banner on every
printed page)."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from string import Template

from .blocks import Bullets, Document, Figure, Heading, Paragraph, Table

__all__ = ["write_html"]

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
FONTS = ('"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", '
         '"WenQuanYi Micro Hei", "SimHei", "SimSun", sans-serif')
CSS = Template("""
*{box-sizing:border-box}
html{font-family:$fonts;font-size:15px;line-height:1.6;color:#111;background:#fff}
body{margin:0 auto;max-width:60rem;padding:3.2rem 1.5rem 3rem}
.banner{position:fixed;top:0;left:0;right:0;z-index:1;background:#b91c1c;color:#fff;
 font-weight:700;text-align:center;padding:.35rem 1rem;letter-spacing:.05em}
.banner span{font-weight:400;margin-left:1.5em}
.cover{text-align:center;margin:1rem 0 1.5rem}
.cover .marker{color:#b91c1c;font-weight:700;font-size:1.2rem}
h1{font-size:1.75rem;margin:.4rem 0 .6rem}
.cover p{margin:.1rem 0;color:#404040;font-size:.9rem}
.cover p.demo{color:#b91c1c;font-weight:700;margin-top:.5rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid #d9e2f3;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
h2,h3{break-after:avoid;page-break-after:avoid}
p{margin:.3rem 0 .5rem}
p.note{color:#595959;font-size:.85rem}
p.warn{color:#b91c1c;font-weight:700;background:#fdecec;padding:.45rem .7rem;
 border-left:4px solid #b91c1c}
p.caption,figcaption{text-align:center;font-size:.85rem;color:#333}
ul{margin:.3rem 0 .6rem;padding-left:1.6rem}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.4rem 0 1rem;
 font-size:.85rem;line-height:1.4}
table.small{font-size:.78rem}
th,td{border:1px solid #8c8c8c;padding:.18rem .35rem;vertical-align:middle;
 overflow-wrap:anywhere}
th{background:#d9e2f3;text-align:center}
table.facts td:first-child{background:#f2f2f2;font-weight:700}
td.c{text-align:center}td.r{text-align:right;font-variant-numeric:tabular-nums}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
tr.human td{background:#fff4d6}
.good{color:#15803d}.bad{color:#b91c1c}.muted{color:#6b7280}.total{font-weight:700}
.warn{color:#b91c1c;font-weight:700}
figure{margin:.8rem 0 1.2rem;text-align:center;break-inside:avoid;page-break-inside:avoid}
figure img{max-width:100%;height:auto}
.end{margin-top:2rem;text-align:center;color:#b91c1c;font-weight:700}
@media print{
 html{font-size:10.5pt}
 body{max-width:none;padding:0}
 .banner{display:none}
}
""").substitute(fonts=FONTS)

# Printed pages carry the marker and page numbers in the page margins (CSS paged media
# margin boxes): a fixed banner would sit on top of the table headers repeated per page.
PAGE_CSS = Template("""
@page{size:A4;margin:18mm 14mm 16mm;
 @top-left{content:$marker;color:#b91c1c;font-weight:700;font-size:9pt;font-family:$fonts}
 @top-right{content:$header;color:#404040;font-size:8.5pt;font-family:$fonts}
 @bottom-left{content:$marker;color:#b91c1c;font-weight:700;font-size:9pt;font-family:$fonts}
 @bottom-center{content:$pages;font-size:8.5pt;font-family:$fonts}
}
""")


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters and digits escaped."""
    return '"' + "".join(c if c.isalnum() and c.isascii() else f"\\{ord(c):06x}"
                         for c in text) + '"'


def _page_css(doc: Document) -> str:
    before, _, rest = doc.footer_page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    pages = (f"{_css_string(before)} counter(page) {_css_string(middle)} counter(pages) "
             f"{_css_string(after)}")
    header = doc.header.removeprefix(doc.marker).strip("　 ")
    return PAGE_CSS.substitute(marker=_css_string(doc.marker), header=_css_string(header),
                               pages=pages, fonts=FONTS)


def _text(text: str) -> str:
    return escape(text, quote=True).replace("\n", "<br>")


def _table(block: Table) -> str:
    total = sum(block.widths)
    align = block.align or tuple("l" for _ in block.columns)
    classes = " ".join(c for c in ("small" if block.small else "",
                                   "" if block.header else "facts") if c)
    out = [f'<table class="{classes}">' if classes else "<table>", "<colgroup>"]
    out += [f'<col style="width:{100 * w / total:.2f}%">' for w in block.widths]
    out.append("</colgroup>")
    if block.header:
        out.append("<thead><tr>" + "".join(f'<th scope="col">{_text(c)}</th>'
                                           for c in block.columns) + "</tr></thead>")
    out.append("<tbody>")
    for row in block.rows:
        human = any(cell.tone == "human" for cell in row)
        cells = []
        for i, cell in enumerate(row):
            cls = " ".join(c for c in ("" if align[i] == "l" else align[i],
                                       "" if cell.tone in ("", "human") else cell.tone) if c)
            attr = f' class="{cls}"' if cls else ""
            cells.append(f"<td{attr}>{_text(cell.text)}</td>")
        out.append(('<tr class="human">' if human else "<tr>") + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _figure(block: Figure) -> str:
    data = base64.b64encode(block.png).decode("ascii")
    width = round(block.width_in * 96)
    return (f'<figure><img src="data:image/png;base64,{data}" width="{width}" '
            f'alt="{_text(block.alt)}"><figcaption>{_text(block.caption)}</figcaption></figure>')


def render_html(doc: Document) -> str:
    """The whole report as an HTML page (text)."""
    lang = "zh-CN" if doc.language == "zh" else "en"
    demo = f"<span>{_text(doc.demo_mark)}</span>" if doc.demo_mark else ""
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>{_text(doc.marker)} {_text(doc.title)}</title>",
        f"<style>{CSS}{_page_css(doc)}</style>",
        "</head>",
        "<body>",
        f'<div class="banner" role="note">{_text(doc.marker)}{demo}</div>',
        '<header class="cover">',
        f'<div class="marker">{_text(doc.marker)}</div>',
        f"<h1>{_text(doc.title)}</h1>",
        *(f"<p>{_text(line)}</p>" for line in doc.subtitle),
        f'<p class="demo">{_text(doc.demo)}</p>' if doc.demo else "",
        "</header>",
        "<main>",
    ]
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level == 1 else "h3"
            parts.append(f"<{tag}>{_text(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            cls = "" if block.style == "body" else f' class="{block.style}"'
            parts.append(f"<p{cls}>{_text(block.text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{_text(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Figure):
            parts.append(_figure(block))
        else:
            parts.append(_table(block))
    parts += ["</main>", f'<footer class="end">{_text(doc.marker)}</footer>', "</body>",
              "</html>", ""]
    return "\n".join(p for p in parts if p is not None)


def write_html(doc: Document, path: Path) -> Path:
    """Write ``doc`` as one self-contained HTML file at ``path`` (UTF-8)."""
    path.write_text(render_html(doc), encoding="utf-8", newline="\n")
    return path
