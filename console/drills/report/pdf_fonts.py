"""Fonts for the PDF: a CJK font from ``fonts`` embedded in the file, or reportlab's
built-in CID font STSong-Light (not embedded; readers substitute a Song face) when no
usable font file is found."""

from __future__ import annotations

import hashlib
import io
import logging
import string
from dataclasses import dataclass

from . import fonts
from .fontconvert import truetype_subset

__all__ = ["CID_FONT", "PdfFonts", "pdf_fonts"]

CID_FONT = "STSong-Light"
log = logging.getLogger(__name__)
_registered: set[str] = set()


@dataclass(frozen=True)
class PdfFonts:
    regular: str  # reportlab font names, registered
    bold: str
    embedded: bool
    source: str  # the font file used, or the CID font's name


def _register(font: fonts.FontFile, text: str) -> str:
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

    if font.truetype:  # reportlab embeds a subset of it by itself
        name = "CJK-" + hashlib.sha1(f"{font.path}#{font.index}".encode()).hexdigest()[:10]
        if name not in _registered:
            pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.index))
            _registered.add(name)
        return name
    data = truetype_subset(font.path, font.index, text)
    name = "CJKs-" + hashlib.sha1(data).hexdigest()[:12]
    if name not in _registered:
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
        _registered.add(name)
    return name


def _try(font: fonts.FontFile | None, text: str) -> str | None:
    if font is None:
        return None
    try:
        return _register(font, text)
    except Exception as exc:  # a damaged or unusual font file: try the next one
        log.warning("cannot use font %s (%s#%d) in the PDF: %s", font.family, font.path,
                    font.index, exc)
        return None


def _glyphs(text: str) -> str:
    return "".join(sorted(set(text + string.printable + "·—…“”‘’→←≤≥×✓　")))


def pdf_fonts(text: str, bold_text: str | None = None) -> PdfFonts:
    """Register the PDF's fonts, able to show every character of ``text`` (and of
    ``bold_text`` in bold; all of ``text`` when not given)."""
    glyphs = _glyphs(text)
    bold_glyphs = glyphs if bold_text is None else _glyphs(bold_text)
    found = fonts.find_cjk_fonts()
    for candidate in (f for f in found if not f.bold):
        regular = _try(candidate, glyphs)
        if regular is None:
            continue
        bold_face = next((f for f in found if f.bold and f.family == candidate.family), None)
        bold = _try(bold_face, bold_glyphs) or regular
        return PdfFonts(regular, bold, True, f"{candidate.path}#{candidate.index}")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]

    if CID_FONT not in _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
        _registered.add(CID_FONT)
    return PdfFonts(CID_FONT, CID_FONT, False, CID_FONT)
