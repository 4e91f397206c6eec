"""Plan commands: ``validate``, ``schema``, ``plan show``, ``plan level`` and the overview."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from console.paths import shipped_plans_dir
from console.plans import Diagnostic, LoadedPlan, Plan, iter_plan_files, load_plan, parse_level
from console.plans.levels import LEVELS_LOW_TO_HIGH
from console.plans.messages import Lang, msg

from . import Parser

__all__ = ["overview", "register", "usable_plan"]


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    validate = commands.add_parser("validate", help="check plan files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--lang", choices=("zh", "en"), default="zh",
                          help="language of the messages (default zh); positions, "
                               "error/warning and codes are the same in both")
    validate.set_defaults(handler=lambda a: _validate(a.paths, strict=a.strict,
                                                      as_json=a.format == "json",
                                                      lang=a.lang))

    schema = commands.add_parser("schema", help="write the plan JSON Schema")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    schema.set_defaults(handler=lambda a: _schema(a.output))

    plan = commands.add_parser("plan", help="work with one plan")
    plan_commands = plan.add_subparsers(dest="plan_command", required=True, parser_class=Parser)
    show = plan_commands.add_parser("show", help="print a plan's outline at a level")
    show.add_argument("file", metavar="FILE")
    show.add_argument("--level", default="IV", help="IV, III, II or I (Ⅳ Ⅲ Ⅱ Ⅰ); default IV")
    show.add_argument("--lang", choices=("zh", "en"), help="default: the plan's language")
    show.set_defaults(handler=lambda a: _plan_show(a.file, a.level, a.lang))
    suggest = plan_commands.add_parser(
        "level", help="suggest a response level from readings (metric=value)")
    suggest.add_argument("file", metavar="FILE")
    suggest.add_argument("readings", nargs="*", metavar="METRIC=VALUE",
                         help="e.g. rainfall_24h_mm=120 threatens_village=true")
    suggest.add_argument("--lang", choices=("zh", "en"), default="zh")
    suggest.set_defaults(handler=lambda a: _plan_level(a.file, a.readings, a.lang))


def _load_all(paths: Sequence[str], lang: Lang = "en") -> list[LoadedPlan] | None:
    files = list(iter_plan_files(paths))
    missing = [p for p in paths if not Path(p).exists()]
    for path in missing:
        print(Diagnostic("P001", msg("P001.no_such_path"), path).format(lang=lang),
              file=sys.stderr)
    if missing:
        return None
    return [load_plan(f) for f in files]


def _validate(paths: Sequence[str], *, strict: bool, as_json: bool, lang: Lang = "zh") -> int:
    results = _load_all(paths, lang)
    if results is None:
        return 2
    bad = any(not r.clean(strict=strict) for r in results)
    if as_json:
        report = {
            "ok": not bad,
            "strict": strict,
            "files": [
                {
                    "path": r.path,
                    "plan": r.plan.id if r.plan else None,
                    "sha256": r.sha256,
                    "errors": len(r.errors) + (len(r.warnings) if strict else 0),
                    "warnings": 0 if strict else len(r.warnings),
                    "diagnostics": [d.as_dict(lang) for d in r.diagnostics],
                }
                for r in results
            ],
        }
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if bad else 0
    errors = warnings = 0
    for result in results:
        for diagnostic in result.diagnostics:
            print(diagnostic.format(strict=strict, lang=lang))
            if diagnostic.is_error or strict:
                errors += 1
            else:
                warnings += 1
    print(msg("cli.checked", files=len(results), errors=errors, warnings=warnings).render(lang),
          file=sys.stderr)
    return 1 if bad else 0


def _schema(output: str | None) -> int:
    from console.plans.schema import plan_schema_text

    text = plan_schema_text()
    if output is None:
        sys.stdout.write(text)
        return 0
    from console.plans.files import write_text_atomic

    write_text_atomic(Path(output), text)
    print(f"wrote {output}", file=sys.stderr)
    return 0


def _plan_show(file: str, level_text: str, lang: str | None) -> int:
    from console.plans.outline import render_outline

    try:
        level = parse_level(level_text)
    except ValueError as exc:
        print(f"python -m console plan show: error: {exc}", file=sys.stderr)
        return 2
    plan = usable_plan(file, lang or "zh")
    if plan is None:
        return 1
    print(render_outline(plan, level, lang))
    return 0


def usable_plan(file: str, lang: str = "en") -> Plan | None:
    """The plan in ``file``, its diagnostics printed to stderr (in ``lang``); None when it
    has errors."""
    result = load_plan(file)
    for diagnostic in result.diagnostics:
        print(diagnostic.format(lang=lang), file=sys.stderr)
    if result.plan is None or result.errors:
        return None
    return result.plan


_LEVEL_TEXTS = {
    "en": {"unknown": "unknown metric(s) for {plan}: {names}", "metrics": "metrics of {plan}:",
           "bool": "true/false", "number": "number", "none": "no level: no measurable trigger "
           "is reached", "is": "is {value}", "true": "true", "false": "false"},
    "zh": {"unknown": "预案 {plan} 没有这些指标：{names}", "metrics": "预案 {plan} 的指标：",
           "bool": "是/否（true/false）", "number": "数值", "none": "不启动响应：没有达到任何"
           "可测量的触发条件", "is": "为{value}", "true": "是", "false": "否"},
}


def _plan_level(file: str, texts: Sequence[str], lang: str = "zh") -> int:
    from console.plans.triggers import parse_reading, plan_metrics, suggest_level

    words = _LEVEL_TEXTS[lang]
    try:
        readings = dict(parse_reading(t) for t in texts)
    except ValueError as exc:
        print(f"python -m console plan level: error: {exc}", file=sys.stderr)
        return 2
    plan = usable_plan(file, lang)
    if plan is None:
        return 1
    metrics = plan_metrics(plan)
    unknown = sorted(set(readings) - set(metrics))
    if not readings or unknown:
        if unknown:
            print(words["unknown"].format(plan=plan.id, names=", ".join(unknown)),
                  file=sys.stderr)
        print(words["metrics"].format(plan=plan.id))
        for name, trigger in metrics.items():
            unit = f" ({trigger.unit})" if trigger.unit else ""
            kind = words["bool"] if trigger.is_ is not None else words["number"]
            print(f"  {name}: {trigger.title or ''}{unit} — {kind}")
        return 2
    suggestion = suggest_level(plan, readings)
    if suggestion is None:
        print(words["none"])
        return 0
    spec = plan.levels[suggestion.level]
    print(f"{suggestion.level.numeral} {spec.name} ({suggestion.level.value}, {spec.color}): "
          f"{spec.trigger}")
    for trigger in suggestion.matched:
        condition = (words["is"].format(value=words[str(trigger.is_).lower()])
                     if trigger.is_ is not None else f"≥ {trigger.at_least:g}{trigger.unit or ''}")
        value = readings[trigger.metric]
        shown = words[str(value).lower()] if isinstance(value, bool) else f"{value:g}"
        print(f"  {trigger.title or trigger.metric} {condition}: {shown}")
    return 0


def overview() -> int:
    """Without a display: check the shipped plans and list them, in Chinese."""
    folder = shipped_plans_dir()
    results = [load_plan(f) for f in iter_plan_files([folder])]
    print(f"应急预案演练控制台（Contingency Console）— 内置预案：{folder}")
    print()
    for result in results:
        plan = result.plan
        problems = f"错误 {len(result.errors)} 项，警告 {len(result.warnings)} 项"
        if plan is None:
            print(f"  ✗ {Path(result.path).name}：{problems}")
            for diagnostic in result.diagnostics:
                print(f"      {diagnostic.format(lang='zh')}")
            continue
        mark = "✓" if result.ok and not result.warnings else ("!" if result.ok else "✗")
        levels = " ".join(lv.numeral for lv in LEVELS_LOW_TO_HIGH if lv in plan.levels)
        print(f"  {mark} {plan.title} [{plan.id}] {plan.hazard.zh} v{plan.version} "
              f"{plan.status.zh} — {len(plan.steps)} 个步骤，{len(plan.roles)} 个角色，"
              f"响应级别 {levels}；{problems}")
        for diagnostic in result.diagnostics:
            print(f"      {diagnostic.format(lang='zh')}")
    print()
    print("下一步：python -m console plan show plans/forest-fire.yaml --level IV")
    return 0 if all(r.ok for r in results) else 1
