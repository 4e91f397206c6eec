"""Response levels Ⅳ (lowest, 一般) to Ⅰ (highest, 特别重大)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["LEVELS_LOW_TO_HIGH", "Level", "parse_level"]


class Level(StrEnum):
    IV = "IV"
    III = "III"
    II = "II"
    I = "I"  # noqa: E741 - the level's own name

    @property
    def rank(self) -> int:
        """1 for Ⅳ (lowest) … 4 for Ⅰ (highest)."""
        return _RANK[self]

    @property
    def numeral(self) -> str:
        """The Chinese-style Roman numeral: Ⅳ, Ⅲ, Ⅱ, Ⅰ."""
        return _NUMERAL[self]

    @property
    def default_name(self) -> str:
        return _NAME[self]

    @property
    def default_color(self) -> str:
        return _COLOR[self]


LEVELS_LOW_TO_HIGH: tuple[Level, ...] = (Level.IV, Level.III, Level.II, Level.I)
_RANK = {level: i + 1 for i, level in enumerate(LEVELS_LOW_TO_HIGH)}
_NUMERAL = {Level.IV: "Ⅳ", Level.III: "Ⅲ", Level.II: "Ⅱ", Level.I: "Ⅰ"}
_NAME = {Level.IV: "一般", Level.III: "较大", Level.II: "重大", Level.I: "特别重大"}
_COLOR = {Level.IV: "blue", Level.III: "yellow", Level.II: "orange", Level.I: "red"}
_ALIASES = {
    **{level.value: level for level in Level},
    **{numeral: level for level, numeral in _NUMERAL.items()},
    "Ⅰ": Level.I, "Ⅱ": Level.II, "Ⅲ": Level.III, "Ⅳ": Level.IV,
    "4": Level.IV, "3": Level.III, "2": Level.II, "1": Level.I,
}


def parse_level(value: object) -> Level:
    """Accept ``III``, ``Ⅲ``, ``iii`` or ``3`` (level three); raise ValueError otherwise."""
    text = str(value).strip()
    for candidate in (text, text.upper(), text.removesuffix("级")):
        if candidate in _ALIASES:
            return _ALIASES[candidate]
    raise ValueError(f"'{text}' is not a response level: use IV, III, II or I (or Ⅳ Ⅲ Ⅱ Ⅰ)")
