"""Checking the editor's text: Qt-free, run on a worker thread for each text revision."""

from __future__ import annotations

from dataclasses import dataclass

from console.plans import Diagnostic, load_plan_text

from .plan_document import PlanDocument, plan_document

__all__ = ["Validation", "validate_text"]


@dataclass(frozen=True)
class Validation:
    """The outcome of checking one revision of the text."""

    revision: int
    document: PlanDocument

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.document.loaded.diagnostics

    @property
    def ok(self) -> bool:
        return self.document.ok


def validate_text(text: str, revision: int, path: str) -> Validation:
    """Load, check and (when it has no errors) lay out the plan ``text``."""
    return Validation(revision, plan_document(load_plan_text(text, path)))
