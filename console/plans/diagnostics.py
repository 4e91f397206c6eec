"""Diagnostics: every problem a plan can have, with a rule code and a source position."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .messages import RULE_SUMMARIES_ZH, Message, lang_of, msg, with_hint

__all__ = [
    "RULES",
    "Diagnostic",
    "PlanLoadError",
    "Rule",
    "Severity",
    "did_you_mean",
    "rule_summary",
    "suggestion",
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


@dataclass(frozen=True, slots=True, init=False)
class Diagnostic:
    """One problem, at a position in a file. Lines and columns count from 1.

    The message and the hint are language-neutral ``Message`` data, rendered on demand:
    ``text("zh")``, ``format(lang="zh")``. ``message`` and ``hint`` are the English texts.
    A plain string given for either is kept as it is, in every language.
    """

    code: str
    msg: Message
    path: str
    line: int
    column: int
    hint_msg: Message | None

    def __init__(self, code: str, message: Message | str, path: str = "<plan>",
                 line: int = 0, column: int = 0, hint: Message | str | None = None) -> None:
        set_ = object.__setattr__
        set_(self, "code", code)
        set_(self, "msg", message if isinstance(message, Message) else Message.literal(message))
        set_(self, "path", path)
        set_(self, "line", line)
        set_(self, "column", column)
        set_(self, "hint_msg", Message.literal(hint) if isinstance(hint, str) and hint
             else hint or None)

    @property
    def severity(self) -> Severity:
        return RULES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def message(self) -> str:
        """The message in English."""
        return self.msg.render("en")

    @property
    def hint(self) -> str:
        """The hint in English, or an empty string."""
        return self.hint_msg.render("en") if self.hint_msg is not None else ""

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``zh``, ``zh_CN``, ``en`` …)."""
        return self.msg.render(lang)

    def hint_in(self, lang: str) -> str:
        return self.hint_msg.render(lang) if self.hint_msg is not None else ""

    def text(self, lang: str = "en") -> str:
        """Message and hint as a person reads them: ``message (hint)`` / ``message（hint）``."""
        return with_hint(self.message_in(lang), self.hint_in(lang), lang)

    def rule_summary(self, lang: str = "en") -> str:
        return rule_summary(self.code, lang)

    def format(self, *, strict: bool = False, lang: str = "en") -> str:
        """Compiler style: ``path:line:col: error P012: message (hint)``. The position,
        the severity word and the code are the same in every language, so tools parse it."""
        severity = Severity.ERROR if strict else self.severity
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {severity} {self.code}: {self.text(lang)}"

    def as_dict(self, lang: str | None = None) -> dict[str, object]:
        """JSON: English ``rule``, ``message`` and ``hint`` always (stable for tools); the
        message ``key`` and ``params``; with ``lang``, also ``localized`` texts."""
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": str(self.severity),
            "code": self.code,
            "rule": RULES[self.code].summary,
            "message": self.message,
            "hint": self.hint,
            "key": self.msg.key,
            "params": self.msg.as_data()["params"],
        }
        if lang is not None:
            data["localized"] = {
                "lang": lang_of(lang),
                "rule": self.rule_summary(lang),
                "message": self.message_in(lang),
                "hint": self.hint_in(lang),
            }
        return data


def rule_summary(code: str, lang: str = "en") -> str:
    """What rule ``code`` checks, in ``lang``."""
    if lang_of(lang) == "zh":
        return RULE_SUMMARIES_ZH[code]
    return RULES[code].summary


class PlanLoadError(Exception):
    """The loader's only error type: the plan could not be read at all."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("; ".join(d.format() for d in self.diagnostics))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` when a close match exists, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def suggestion(word: str, choices: Iterable[str], *, prefix: bool = True) -> Message | str:
    """The did-you-mean for ``word`` as a message (`` — did you mean 'x'?``, or with
    ``prefix=False`` ``did you mean 'x'?``), or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    return msg("dym" if prefix else "hint.dym", name=close[0])
