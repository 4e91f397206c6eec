"""New plans for the user's plans folder: from the template, or as a copy of another plan.

Qt-free. Files are written atomically and never over an existing file; the new plan
gets a fresh id (the ``id:`` line is rewritten, everything else stays as written).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from console.paths import resources_dir

__all__ = ["duplicate_plan", "new_plan_from_template", "template_text", "unique_plan_id",
           "with_plan_id"]

#: The annotated example plan: in a checkout it is the best template there is.
ANNOTATED_EXAMPLE = (Path(__file__).resolve().parents[2] / "docs" / "examples"
                     / "annotated-plan.yaml")
_ID_LINE = re.compile(r"^id:[ \t]*[^\s#]*", re.MULTILINE)
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+", re.MULTILINE)
_ID_MAX = 64

#: For installations without docs/: the smallest plan that passes the checks.
MINIMAL_TEMPLATE = """\
format: 1
id: new-plan
title: 新预案
title_en: New plan
hazard: other
version: "0.1"
status: draft
owner: 编制单位
levels:
  IV: {name: 一般, color: blue, trigger: 启动条件}
  III: {name: 较大, color: yellow, trigger: 启动条件}
  II: {name: 重大, color: orange, trigger: 启动条件}
  I: {name: 特别重大, color: red, trigger: 启动条件}
targets:
  close_loop: {within: 15m, title: 15分钟闭环反馈}
roles:
  commander: {title: 指挥长, from: {unit: leadership}, count: 1, command: true}
  duty_officer: {title: 值班员, from: {unit: command_centre}, count: 1}
steps:
  alert: {title: 接收预警, lane: town, stage: report, role: duty_officer, duration: 1m}
  decide: {title: 研判处置, lane: town, stage: handle, role: commander, after: alert,
           duration: 5m}
  feedback: {title: 反馈闭环, lane: town, stage: feedback, role: duty_officer, after: decide,
             duration: 2m, target: close_loop}
"""


def template_text() -> str:
    """The text new plans start from: the annotated example where it exists.

    Its schema comment is pointed at this installation's schema file, so editors keep
    completing keys wherever the new plan is saved.
    """
    try:
        text = ANNOTATED_EXAMPLE.read_text(encoding="utf-8")
    except OSError:
        return MINIMAL_TEMPLATE
    schema = (resources_dir() / "plan.schema.json").as_uri()
    return _SCHEMA_LINE.sub(f"# yaml-language-server: $schema={schema}", text, count=1)


def with_plan_id(text: str, plan_id: str) -> str:
    """``text`` with its top-level ``id:`` value replaced (a comment after it is kept).

    Raises ValueError when the text has no top-level ``id:`` line.
    """
    new, count = _ID_LINE.subn(f"id: {plan_id}", text, count=1)
    if not count:
        raise ValueError("the plan has no top-level 'id:' line")
    return new


def unique_plan_id(wanted: str, taken: Collection[str], folder: Path) -> str:
    """``wanted``, else ``wanted-2``, ``wanted-3`` … : the first valid plan id that is not
    in ``taken`` and has no file of that name in ``folder``."""
    stem = re.sub(r"[^a-z0-9_-]+", "-", wanted.lower()).strip("-_") or "plan"
    if not stem[0].isalpha():
        stem = "plan-" + stem
    stem = stem[: _ID_MAX - len("-999")]
    for n in range(1, 1000):
        candidate = stem if n == 1 else f"{stem}-{n}"
        if candidate not in taken and not any(
                (folder / f"{candidate}{suffix}").exists() for suffix in (".yaml", ".yml")):
            return candidate
    raise ValueError(f"no free plan id like {wanted}")


def new_plan_from_template(folder: Path, taken: Collection[str]) -> Path:
    """Write a new plan from the template into ``folder``; returns its path."""
    return _write_new(folder, template_text(), "new-plan", taken)


def duplicate_plan(source: Path, folder: Path, taken: Collection[str], plan_id: str) -> Path:
    """Copy the plan file ``source`` (whose id is ``plan_id``) into ``folder`` under a new
    id; returns the new file's path."""
    return _write_new(folder, source.read_text(encoding="utf-8"), f"{plan_id}-copy", taken)


def _write_new(folder: Path, text: str, wanted_id: str, taken: Collection[str]) -> Path:
    from console.plans.files import write_text_atomic

    folder.mkdir(parents=True, exist_ok=True)
    plan_id = unique_plan_id(wanted_id, taken, folder)
    path = folder / f"{plan_id}.yaml"
    write_text_atomic(path, with_plan_id(text, plan_id))
    return path
