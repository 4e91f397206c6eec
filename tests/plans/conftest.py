"""Shared helpers for the plan loader, validator and graph tests."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BAD = FIXTURES / "bad"
GOOD = FIXTURES / "plans"
MINIMAL = GOOD / "minimal.yaml"

_EXPECT = re.compile(
    r"^# expect: (?P<code>P\d{3}) line (?P<line>\d+)"
    r"(?: col (?P<column>\d+))?"
    r"(?: also (?P<also>P\d{3}(?:,P\d{3})*))?"
    r"(?: message \"(?P<message>.*)\")?\s*$"
)


@dataclass(frozen=True)
class Expectation:
    """What a fixture in tests/fixtures/bad promises, from its first line:

    ``# expect: P201 line 21 col 75 also P213 message "did you mean 'verify'?"``

    ``col``, ``also`` (other codes that may appear) and ``message`` (a text that the
    formatted diagnostic contains) are optional.
    """

    code: str
    line: int
    column: int | None
    also: frozenset[str]
    message: str | None


def expectation(path: Path) -> Expectation:
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    match = _EXPECT.match(first)
    if match is None:
        raise AssertionError(f"{path.name}: first line is not '# expect: Pnnn line N …'")
    also = match["also"]
    return Expectation(
        code=match["code"],
        line=int(match["line"]),
        column=int(match["column"]) if match["column"] else None,
        also=frozenset(also.split(",")) if also else frozenset(),
        message=match["message"],
    )


def bad_fixtures() -> list[Path]:
    return sorted(p for p in BAD.iterdir() if p.suffix == ".yaml")


def plan_text(steps: str, *, roles: str | None = None, targets: str = "",
              extra: str = "") -> str:
    """A complete plan around a ``steps:`` block (indented by two spaces)."""
    roles = roles or (
        "  officer: {title: 值班员, from: {unit: command_centre}, command: true}\n"
        "  squad: {title: 小分队, from: {village: incident}, count: 4}\n"
    )
    return (
        "format: 1\nid: graph-test\ntitle: 图测试预案\nhazard: other\nversion: '1'\n"
        "status: draft\nowner: 镇应急办\n"
        "levels:\n"
        "  IV:  {name: 一般, color: blue, trigger: 小}\n"
        "  III: {name: 较大, color: yellow, trigger: 中}\n"
        "  II:  {name: 重大, color: orange, trigger: 大}\n"
        "  I:   {name: 特别重大, color: red, trigger: 特大}\n"
        + (f"targets:\n{targets}" if targets else "")
        + f"roles:\n{roles}"
        + f"steps:\n{steps}"
        + extra
    )


@pytest.fixture(scope="session")
def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")
