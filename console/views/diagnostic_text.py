"""Plan diagnostics as the views show them: in the UI language.

A diagnostic keeps its message as data (``console.plans.messages``); these render it for
the language the user chose, so a Chinese UI shows Chinese problems and switching the
language re-renders them. Without ``language``, the UI's current language is used.
"""

from __future__ import annotations

from console.plans.diagnostics import Diagnostic

__all__ = ["diagnostic_line", "diagnostic_text"]


def _language(language: str | None) -> str:
    if language is not None:
        return language
    from .i18n import current_language

    return current_language()


def diagnostic_text(diagnostic: Diagnostic, language: str | None = None) -> str:
    """Message and hint: ``步骤 'a' 排在未知步骤 'b' 之后（是否应为 'c'？）``."""
    return diagnostic.text(_language(language))


def diagnostic_line(diagnostic: Diagnostic, language: str | None = None,
                    *, strict: bool = False) -> str:
    """The compiler-style line ``path:line:col: error P201: …`` with the message in the UI
    language (the position, severity word and code never change)."""
    return diagnostic.format(strict=strict, lang=_language(language))
