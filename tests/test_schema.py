"""The JSON Schema accepts what the loader accepts, as an editor's YAML 1.2 parser sees it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from console.paths import resources_dir, shipped_plans_dir
from console.plans import iter_plan_files, load_plan_text
from console.plans.schema import plan_schema

ROOT = Path(__file__).resolve().parents[1]
PLANS = [*iter_plan_files([shipped_plans_dir()]),
         ROOT / "docs" / "examples" / "annotated-plan.yaml"]


class Yaml12Loader(yaml.SafeLoader):
    """Close to the YAML language server: only true/false are booleans, no timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers
          if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def editor_view(text: str) -> Any:
    return yaml.load(text, Loader=Yaml12Loader)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_shipped_plans_pass_the_schema(path: Path, validator: Any) -> None:
    """No false errors in the editor for any shipped plan or the documented example."""
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(
        editor_view(path.read_text(encoding="utf-8")))]
    assert errors == []


SHORTHANDS = """\
format: 1
id: short
title: 简写
hazard: other
version: 2026.1
status: draft
owner: 测试
levels:
  Ⅳ: {name: 一般, color: blue, trigger: a}
  III: {name: 较大, color: yellow, trigger: b}
  II: {name: 重大, color: orange, trigger: c}
  I: {name: 特别重大, color: red, trigger: d}
targets: {loop: 15m, fast: {within: PT1M, measure: start}}
roles:
  boss: {title: 指挥长, from: {unit: leadership}, command: true, backups: deputy, channels: phone}
  deputy: {title: 副指挥长, from: [{unit: leadership}, {tags: commander}],
           count: {IV: 1, III: 1, II: 1, I: 2}}
steps:
  a: {title: 接警, lane: town, role: boss, stage: report, duration: 30s, target: fast}
  b: {title: 决策, lane: town, role: boss, after: a, duration: {min: 1m, likely: 2m, max: 1h 30m},
      branches: {x: {p: 0.5, next: c}, y: {p: 0.5, next: [d]}}}
  c: {title: 甲, lane: village, role: deputy, levels: II+}
  d: {title: 乙, lane: grid, role: deputy, after: {all: b}}
  e: {title: 反馈, lane: grid, role: boss, after: {any: [c, d]}, stage: feedback, target: [loop]}
"""


def test_shorthands_pass_both_loader_and_schema(validator: Any) -> None:
    """Single items for lists, bare durations for targets, numbers for versions, Ⅳ keys."""
    loaded = load_plan_text(SHORTHANDS)
    assert [d.format() for d in loaded.errors] == []
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(
        editor_view(SHORTHANDS))] == []


@pytest.mark.parametrize("bad", ["5", "30s5m", "fast", "", "5 minutes"])
def test_schema_refuses_what_the_loader_refuses(bad: str, validator: Any) -> None:
    """Durations the loader refuses are flagged in the editor too."""
    text = SHORTHANDS.replace("loop: 15m", f"loop: '{bad}'")
    assert not load_plan_text(text).ok
    assert list(validator.iter_errors(editor_view(text)))


def test_committed_schema_is_current() -> None:
    """resources/plan.schema.json is what `python -m console schema` writes today."""
    committed = json.loads((resources_dir() / "plan.schema.json").read_text(encoding="utf-8"))
    assert committed == plan_schema(), (
        "regenerate: uv run python -m console schema -o resources/plan.schema.json")
