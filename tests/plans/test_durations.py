"""Durations as authors write them."""

from __future__ import annotations

import math

import pytest

from console.plans.durations import (
    MAX_SECONDS,
    DurationError,
    format_duration,
    parse_duration,
    parse_review_cycle,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("5m", 300), ("1h30m", 5400), ("2d", 172800), ("1.5h", 5400), ("90s", 90),
     ("1h 30m", 5400), ("PT5M", 300), ("pt1h30m", 5400), ("P1DT2H", 93600), ("0", 0), (0, 0),
     (" 5m ", 300), ("1d1h1m1s", 90061), ("36500d", MAX_SECONDS)],
)
def test_parse(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("value", "fragment"),
    [(5, "bare number"), ("5", "write 5m or 5s"), (1.5, "bare number"), ("", "not a duration"),
     ("5 minutes", "not a duration"), ("m", "not a duration"), ("P", "not a duration"),
     ("5mo", "not a duration"), ("-5m", "not a duration"), (None, "expected a duration"),
     (True, "expected a duration"), ("1e3s", "not a duration"), ("36501d", "100 years"),
     ("9" * 400 + "s", "100 years"), ("9" * 400 + "." + "9" * 400 + "d", "100 years")],
)
def test_refused(value: object, fragment: str) -> None:
    with pytest.raises(DurationError, match=fragment):
        parse_duration(value)


def test_long_digit_strings_are_quick() -> None:
    for text in ("1" * 100_000 + "x", "1." * 50_000, "P" + "1" * 100_000):
        with pytest.raises(DurationError):
            parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (45, "45s"), (300, "5m"), (270, "4m30s"), (5400, "1h30m"), (90061, "1d1h1m1s"),
     (-60, "-1m"), (29.6, "30s"), (math.inf, "∞"), (-math.inf, "-∞"), (math.nan, "?")],
)
def test_format(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@pytest.mark.parametrize("text", ["30s", "5m", "1h30m", "1d1h1m1s", "4m30s"])
def test_round_trip(text: str) -> None:
    assert format_duration(parse_duration(text)) == text


@pytest.mark.parametrize(("text", "months"), [("3y", 36), ("18mo", 18), ("1y6mo", 18),
                                              (" 2y ", 24)])
def test_review_cycle(text: str, months: int) -> None:
    assert parse_review_cycle(text) == months


@pytest.mark.parametrize("text", ["", "3", "0y", "3m", "y", "3y3", "mo", "1y-1mo", "²", "²y",
                                  "1234567y", "9" * 5000 + "y"])
def test_review_cycle_refused(text: str) -> None:
    with pytest.raises(DurationError, match="review cycle"):
        parse_review_cycle(text)
