"""A level written twice under two spellings is an error, not a silent overwrite."""

from __future__ import annotations

from console.plans import load_plan_text

PLAN = """\
format: 1
id: t
title: 测试
hazard: other
version: "1"
status: draft
owner: 测试
levels:
  IV: {name: 一般, color: blue, trigger: a}
  Ⅳ: {name: 一般, color: blue, trigger: a}
  III: {name: 较大, color: yellow, trigger: b}
  II: {name: 重大, color: orange, trigger: c}
  I: {name: 特别重大, color: red, trigger: d}
roles:
  boss: {title: 指挥长, from: {unit: leadership}, command: true, count: {III: 1, Ⅲ: 2}}
steps:
  a: {title: 接警, lane: town, role: boss, stage: feedback, levels: []}
"""


def test_duplicate_spellings_and_empty_levels() -> None:
    """IV and Ⅳ, III and Ⅲ, and an empty level list each give P106 at their field."""
    found = [(d.code, d.line, d.message) for d in load_plan_text(PLAN).diagnostics]
    assert found == [
        ("P106", 9, "levels: level IV is written twice ('IV' and 'Ⅳ')"),
        ("P106", 15, "roles.boss.count: level III is written twice ('III' and 'Ⅲ')"),
        ("P106", 17, "steps.a.levels: a step must apply at one level at least"),
    ]
