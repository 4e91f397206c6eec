"""The JSON Schema of the plan format, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from .model import Plan

__all__ = ["SCHEMA_ID", "plan_schema", "plan_schema_text"]

SCHEMA_ID = "https://contingency-console.invalid/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for plan files, for editors and tools."""
    schema = Plan.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Contingency plan (数字预案)"
    schema["description"] = (
        "A contingency plan for Contingency Console (应急预案演练控制台). "
        "See docs/plan-format.md."
    )
    return schema


def plan_schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
