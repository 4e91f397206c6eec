"""Diagnostics: every problem a plan can have, with a rule code and a source position."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "RULES",
    "Diagnostic",
    "PlanLoadError",
    "Rule",
    "Severity",
    "did_you_mean",
]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    summary: str


def _rules(*rows: tuple[str, Severity, str]) -> dict[str, Rule]:
    return {code: Rule(code, severity, summary) for code, severity, summary in rows}


E, W = Severity.ERROR, Severity.WARNING

#: Every rule the loader and the linter apply. docs/plan-format.md lists the same table.
RULES: dict[str, Rule] = _rules(
    # reading the file
    ("P001", E, "file cannot be read"),
    ("P002", E, "file too large"),
    ("P003", E, "file is empty"),
    ("P004", E, "file is not text"),
    ("P005", W, "file is not UTF-8 (read as GB18030)"),
    ("P006", E, "YAML syntax error"),
    ("P007", E, "tab used for indentation"),
    ("P008", E, "duplicate key"),
    ("P009", E, "too many aliases (alias expansion limit)"),
    ("P010", E, "nesting too deep"),
    ("P011", E, "a plan must be a mapping"),
    ("P012", E, "unsupported format version"),
    ("P013", E, "mapping key must be plain text"),
    ("P014", E, "YAML tags are not allowed"),
    # structure
    ("P101", E, "unknown field"),
    ("P102", E, "missing field"),
    ("P103", E, "invalid value"),
    ("P104", E, "invalid duration"),
    ("P105", E, "invalid id"),
    ("P106", E, "invalid response level"),
    # references and graph
    ("P201", E, "unknown step"),
    ("P202", E, "unknown role"),
    ("P203", E, "unknown target"),
    ("P204", E, "unknown assembly point"),
    ("P205", E, "steps form a cycle"),
    ("P206", E, "step unreachable at a level"),
    ("P207", E, "level without steps"),
    ("P208", W, "headcount shrinks as the level rises"),
    ("P209", E, "branch probabilities do not sum to 1"),
    ("P210", W, "target cannot be met even on the shortest path"),
    ("P211", W, "no command role"),
    ("P212", W, "no feedback step"),
    ("P213", W, "target not attached to any step"),
    ("P214", W, "role never used"),
    ("P215", E, "step reached by more than one branch outcome"),
    ("P216", E, "backup chain loops"),
    ("P217", E, "response levels incomplete"),
    ("P218", W, "level colour differs from the national convention"),
    ("P219", W, "step needs people mobilised later"),
    ("P220", E, "role has nobody at a level where a step needs it"),
    ("P221", E, "step headcount exceeds its role"),
    ("P222", W, "measurable trigger thresholds do not rise with the level"),
    ("P223", E, "step needs more people present than it has"),
    ("P224", W, "call-out in waves without a wave size"),
    ("P225", E, "travel step without people or place"),
)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, at a position in a file. Lines and columns count from 1."""

    code: str
    message: str
    path: str = "<plan>"
    line: int = 0
    column: int = 0
    hint: str = ""

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, *, strict: bool = False) -> str:
        """Compiler style: ``path:line:col: error P012: message (hint)``."""
        severity = Severity.ERROR if strict else self.severity
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        text = f"{where}: {severity} {self.code}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "rule": RULES[self.code].summary,
            "message": self.message,
            "hint": self.hint,
        }


class PlanLoadError(Exception):
    """The loader's only error type: the plan could not be read at all."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("; ".join(d.format() for d in self.diagnostics))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""
