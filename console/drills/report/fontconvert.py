"""A CFF-outline CJK font (Noto Sans CJK, Source Han Sans: the usual Linux fonts) made
embeddable for reportlab, which reads TrueType (glyf) outlines only.

The face is cut down to the characters the report uses (fontTools' subsetter), and its
cubic outlines become quadratic TrueType ones (cu2qu). A few hundred glyphs take a few
tenths of a second; the whole 65,000-glyph font would take far too long.
fontTools comes with matplotlib.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

__all__ = ["truetype_subset"]

MAXP_V1_ZERO = (
    "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
    "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
    "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth",
)


def _to_glyf(font: Any) -> None:
    from fontTools.pens.cu2quPen import Cu2QuPen  # type: ignore[import-untyped]
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped]
    from fontTools.ttLib import newTable  # type: ignore[import-untyped]

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in MAXP_V1_ZERO:
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def truetype_subset(path: Path, index: int, text: str) -> bytes:
    """TrueType bytes of face ``index`` of ``path`` holding the glyphs of ``text``."""
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), fontNumber=index, lazy=True)
    options = subset.Options()
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["VORG", "vhea", "vmtx", "DSIG", "BASE", "GSUB", "GPOS", "GDEF"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    if "glyf" not in font:
        _to_glyf(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
