"""Generate large, valid plans for benchmarks and scale tests."""

from __future__ import annotations

import random

__all__ = ["generated_plan_text"]

_LANES = ("city", "town", "village", "grid")
_STAGES = ("report", "accept", "assign", "handle", "feedback")


def generated_plan_text(steps: int, *, seed: int = 1) -> str:
    """YAML text of a lint-clean plan with ``steps`` steps, a few branches and joins."""
    rng = random.Random(seed)
    roles = max(4, steps // 20)
    out = [
        "format: 1",
        f"id: generated-{steps}",
        f"title: 生成的{steps}步预案",
        "hazard: other",
        'version: "1"',
        "status: draft",
        "owner: 基准测试",
        "levels:",
        "  IV: {name: 一般, color: blue, trigger: 基准}",
        "  III: {name: 较大, color: yellow, trigger: 基准}",
        "  II: {name: 重大, color: orange, trigger: 基准}",
        "  I: {name: 特别重大, color: red, trigger: 基准}",
        "targets:",
        f"  close_loop: {steps * 10}m",
        "  respond: 1h",
        "roles:",
        "  commander: {title: 指挥长, from: {unit: leadership}, count: 1, command: true}",
    ]
    for r in range(roles):
        out.append(f"  role_{r}: {{title: 岗位{r}, from: {{unit: village, village: incident}}, "
                   f"count: {{IV: 2, III: 4, II: 6, I: 8}}, backups: [commander]}}")
    out.append("steps:")
    out.append("  s0: {title: 接警, lane: town, role: commander, stage: report, duration: 30s, "
               "target: respond}")
    branch_targets: set[int] = set()
    for i in range(1, steps):
        lane = _LANES[i % 4]
        stage = _STAGES[min(4, i * 5 // steps)]
        role = f"role_{i % roles}"
        fields = [f"title: 步骤{i}", f"lane: {lane}", f"role: {role}", f"stage: {stage}",
                  "duration: {min: 1m, likely: 2m, max: 5m}"]
        if i not in branch_targets:
            pool = [p for p in range(max(0, i - 8), i) if p % 40 != 39]
            preds = sorted(rng.sample(pool, k=min(len(pool), rng.randint(1, 2))))
            if rng.random() < 0.15 and len(preds) == 2:
                fields.append(f"after: {{any: [{', '.join(f's{p}' for p in preds)}]}}")
            else:
                fields.append(f"after: [{', '.join(f's{p}' for p in preds)}]")
        if i % 50 == 25 and i + 2 < steps:
            branch_targets.update({i + 1, i + 2})
            fields.append(f"branches: {{a: {{p: 0.7, next: [s{i + 1}]}}, "
                          f"b: {{p: 0.3, next: [s{i + 2}]}}}}")
        if i % 40 == 39 and i < steps - 1:
            fields.append("levels: III+")
        out.append(f"  s{i}: {{{', '.join(fields)}}}")
    out.append(f"  s{steps}: {{title: 反馈, lane: grid, role: commander, stage: feedback, "
               f"after: [s{steps - 2}], duration: 1m, target: close_loop}}")
    return "\n".join(out) + "\n"
