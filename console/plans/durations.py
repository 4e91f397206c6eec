"""Durations written for humans: ``90s``, ``5m``, ``1h30m``, ``PT5M``; review cycles ``3y``."""

from __future__ import annotations

import math
import re

__all__ = [
    "MAX_SECONDS", "DurationError", "format_duration", "parse_duration", "parse_review_cycle",
]

_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
#: Longer than any plan step or target; keeps sums of durations finite.
MAX_SECONDS = 100 * 365 * 86400
_HUMAN = re.compile(
    r"(?:(\d+(?:\.\d+)?)d)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!o))?(?:(\d+(?:\.\d+)?)s)?"
)
_ISO = re.compile(
    r"P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?"
)
_CYCLE = re.compile(r"(\d{1,6})(y|mo)")  # six digits: int() of a huge one would raise


class DurationError(ValueError):
    """A text that is not a duration; the message says what is accepted."""


def parse_duration(value: object) -> float:
    """Return the duration in seconds.

    Accepts ``90s``, ``5m``, ``1h30m``, ``2d``, ``1.5h``, ISO-8601 ``PT5M`` and ``0``.
    A bare number other than 0 is refused: ``5`` could be seconds or minutes.
    """
    if isinstance(value, bool) or value is None:
        raise DurationError(f"expected a duration such as 30s, 5m or 1h30m, got {value!r}")
    if isinstance(value, int | float):
        if value == 0:
            return 0.0
        raise DurationError(f"a bare number is ambiguous: write {value}m or {value}s")
    text = str(value).strip()
    if text == "0":
        return 0.0
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        raise DurationError(f"a bare number is ambiguous: write {text}m or {text}s")
    compact = text.replace(" ", "")
    match = _ISO.fullmatch(compact.upper()) if compact[:1] in "Pp" else _HUMAN.fullmatch(compact)
    if match is None or not any(match.groups()):
        raise DurationError(
            f"'{text}' is not a duration: write e.g. 30s, 5m, 1h30m or PT5M"
        )
    days, hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = days * 86400 + hours * 3600 + minutes * 60 + seconds
    if not total <= MAX_SECONDS:  # also refuses the infinity that '1' * 400 + 's' becomes
        raise DurationError(f"'{text}' is longer than {MAX_SECONDS // 86400 // 365} years")
    return total


def format_duration(seconds: float) -> str:
    """Format seconds the way authors write them: ``45s``, ``5m``, ``1h30m``, ``4m30s``."""
    if not math.isfinite(seconds):
        return "∞" if seconds > 0 else ("-∞" if seconds < 0 else "?")
    if seconds < 0:
        return "-" + format_duration(-seconds)
    total = round(seconds)
    if total == 0:
        return "0s"
    parts = []
    for unit in ("d", "h", "m", "s"):
        size = _UNIT_SECONDS[unit]
        amount, total = divmod(total, size)
        if amount:
            parts.append(f"{amount}{unit}")
    return "".join(parts)


def parse_review_cycle(value: object) -> int:
    """Return a review cycle in months from ``3y``, ``18mo`` or ``1y6mo``."""
    text = str(value).strip().replace(" ", "")
    if not text or text.isdigit():
        raise DurationError(f"'{text}' is not a review cycle: write e.g. 3y or 6mo")
    pos = 0
    months = 0
    for match in _CYCLE.finditer(text):
        if match.start() != pos:
            break
        amount = int(match.group(1))
        months += amount * 12 if match.group(2) == "y" else amount
        pos = match.end()
    if pos != len(text) or months <= 0:
        raise DurationError(f"'{text}' is not a review cycle: write e.g. 3y or 6mo")
    return months
