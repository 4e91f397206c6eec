"""Diagnostics in Chinese and English: every message has both, with the same placeholders,
and every rule's failing case reads as Chinese when asked."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from console.plans import RULES, Diagnostic, load_plan, load_plan_text
from console.plans.diagnostics import rule_summary
from console.plans.messages import (
    LITERAL,
    RULE_SUMMARIES_ZH,
    TEMPLATES,
    YAML_PROBLEMS,
    Message,
    lang_of,
    msg,
    placeholders,
)

from .conftest import bad_fixtures, expectation

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "annotated-plan.yaml"
CJK = re.compile(r"[\u4e00-\u9fff]")


def keys_of(message: Message | None) -> Iterator[str]:
    """The keys of a message and of the messages among its parameters."""
    if message is None:
        return
    yield message.key
    for _, value in message.params:
        if isinstance(value, Message):
            yield from keys_of(value)


def all_keys(diagnostic: Diagnostic) -> set[str]:
    return {*keys_of(diagnostic.msg), *keys_of(diagnostic.hint_msg)}


# -- the catalogue ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    templates = TEMPLATES[key]
    assert set(templates) == {"zh", "en"}, key
    assert templates["en"].strip() and templates["zh"].strip(), key
    assert placeholders(templates["zh"]) == placeholders(templates["en"]), key


def test_chinese_templates_are_chinese() -> None:
    """Each Chinese template holds Chinese, except the few that are only a parameter or
    punctuation around one."""
    only_params = {k for k, t in TEMPLATES.items()
                   if not re.sub(r"\{[^}]*\}|[\s'’()（）:：,，—]", "", t["zh"])}
    for key, templates in TEMPLATES.items():
        if key in only_params or key.startswith("yaml.expected_b"):
            continue
        assert CJK.search(templates["zh"]), key
    assert only_params <= {"os.other", "P006.context", "value.at", "P103.invalid"}


def test_keys_used_in_the_code_exist() -> None:
    """Every ``msg("key", …)`` in the plan loader, linter and commands names a template."""
    used: set[str] = set()
    for path in [*(ROOT / "console" / "plans").glob("*.py"),
                 ROOT / "console" / "commands" / "plans.py"]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bmsg\(\s*\"([^\"]+)\"", text))
        used |= set(re.findall(r"\"(P2\d\d\.[a-z_.]+)\"", text))
    assert used, "no message keys found"
    assert used <= set(TEMPLATES), sorted(used - set(TEMPLATES))
    for _, (key, _zh) in YAML_PROBLEMS.items():
        assert key in TEMPLATES


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(KeyError):
        msg("P999.nope")


def test_every_rule_has_a_chinese_summary() -> None:
    assert set(RULE_SUMMARIES_ZH) == set(RULES)
    for code in RULES:
        assert CJK.search(rule_summary(code, "zh")), code
        assert rule_summary(code, "en") == RULES[code].summary
        assert rule_summary(code, "zh_CN") == RULE_SUMMARIES_ZH[code]


def test_language_names() -> None:
    assert [lang_of(x) for x in ("zh", "zh_CN", "zh-Hans", "en", "en_US", "", None)] == [
        "zh", "zh", "zh", "en", "en", "en", "en"]


def test_a_diagnostic_renders_in_either_language() -> None:
    d = Diagnostic("P213", msg("P213.unused", target="arrive"), "p.yaml", 16, 3,
                   hint=msg("P213.hint", target="arrive"))
    assert d.message == "target 'arrive' is not attached to any step"
    assert d.hint == "add 'target: arrive' to the step that must meet it"
    assert d.format() == ("p.yaml:16:3: warning P213: target 'arrive' is not attached to any "
                          "step (add 'target: arrive' to the step that must meet it)")
    assert d.format(lang="zh") == ("p.yaml:16:3: warning P213: 目标 'arrive' 没有关联到任何步骤"
                                   "（请在需要达成它的步骤中加上 'target: arrive'）")
    assert d.format(lang="zh_CN", strict=True).startswith("p.yaml:16:3: error P213: 目标")
    assert d.text("zh") == d.format(lang="zh").split(": ", 2)[2]


def test_plain_text_diagnostics_still_work() -> None:
    """Callers outside the plan loader may still pass their own (untranslated) text."""
    d = Diagnostic("P103", "something odd", "s.yaml", 2, 1, "a hint")
    assert (d.message, d.hint) == ("something odd", "a hint")
    assert d.format(lang="zh") == "s.yaml:2:1: error P103: something odd（a hint）"
    assert Diagnostic("P103", "", "s.yaml", 2, 1).hint == ""
    assert d == Diagnostic("P103", "something odd", "s.yaml", 2, 1, "a hint")


# -- every rule, in Chinese ------------------------------------------------------------------


@pytest.mark.parametrize("path", bad_fixtures(), ids=lambda p: p.stem)
def test_every_fixture_reads_in_chinese(path: Path) -> None:
    """The fixture's diagnostics: translated keys only, Chinese text, the same prefix."""
    expect = expectation(path)
    loaded = load_plan(path)
    assert any(d.code == expect.code for d in loaded.diagnostics)
    for d in loaded.diagnostics:
        keys = all_keys(d)
        assert LITERAL not in keys and "value.invalid" not in keys, (d.code, d.msg)
        chinese, english = d.format(lang="zh"), d.format(lang="en")
        prefix = english[: english.index(f" {d.code}: ") + len(d.code) + 3]
        assert chinese.startswith(prefix)
        assert CJK.search(d.message_in("zh")), chinese
        assert chinese != english
        if d.hint:
            assert d.hint_in("zh") and d.hint_in("zh") != d.hint


def test_unreadable_and_oversized_files_in_chinese(tmp_path: Path) -> None:
    (missing,) = load_plan(tmp_path / "nope.yaml").diagnostics
    assert missing.message == "cannot read the file: No such file or directory"
    assert missing.message_in("zh") == "无法读取文件：文件不存在"
    (folder,) = load_plan(tmp_path).diagnostics
    assert folder.message_in("zh") == "无法读取文件：这是文件夹，不是文件"
    (huge,) = load_plan_text("x" * (4 * 1024 * 1024 + 1)).diagnostics
    assert huge.code == "P002" and "4,194,304" in huge.message_in("zh")
    assert CJK.search(huge.message_in("zh"))


# -- the model's checks, in Chinese ------------------------------------------------------------

#: One change to the example plan per kind of value error the model can report.
MUTATIONS: list[tuple[tuple[Any, ...], object, str]] = [
    (("id",), ["a"], "value.text"),
    (("id",), "a" * 80, "value.too_long"),
    (("title",), "", "value.empty"),
    (("approved",), "x", "value.mapping"),
    (("approved", "on"), "x", "value.date"),
    (("approved", "on"), "2026-13-45", "value.date"),
    (("approved", "on"), [], "value.date"),
    (("review_every",), "x", "value.review_cycle"),
    (("basis",), 5, "value.list"),
    (("levels",), "x", "value.mapping"),
    (("levels", "IV", "when", 0, "is"), "x", "value.bool"),
    (("levels", "IV", "when", 0, "is"), None, "value.at_least_or_is"),
    (("levels", "III", "when", 0, "at_least"), "x", "value.number"),
    (("levels", "III", "when", 0, "at_least"), [], "value.number"),
    (("targets", "respond", "within"), "x", "duration.not_duration"),
    (("targets", "respond", "within"), 5, "duration.bare_number"),
    (("targets", "respond", "within"), None, "duration.expected"),
    (("targets", "respond", "within"), "9" * 30 + "s", "duration.too_long"),
    (("steps", "receive", "duration"), {"min": "5m", "likely": "1m", "max": "2m"},
     "duration.order"),
    (("roles", "duty_officer", "from"), [], "value.too_few"),
    (("roles", "duty_officer", "from"), {}, "value.selector_empty"),
    (("roles", "duty_officer", "count"), "x", "value.integer"),
    (("roles", "duty_officer", "count"), 1.5, "value.integer"),
    (("roles", "duty_officer", "count"), -1, "value.ge"),
    (("roles", "duty_officer", "count"), 10**9, "value.le"),
    (("roles", "village_cadre", "count"), {"IV": 1, "Ⅳ": 2}, "level.twice"),
    (("roles", "village_cadre", "count"), {"V": 1}, "level.unknown"),
    (("resources", "squad_team", "quantity"), -1, "value.gt"),
    (("steps", "receive", "levels"), [], "level.step_none"),
]


def _example() -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _mutated(base: dict[str, Any], where: tuple[Any, ...], value: object) -> str:
    data = copy.deepcopy(base)
    node: Any = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize(("where", "value", "key"), MUTATIONS,
                         ids=[f"{'.'.join(map(str, w))}={v!r}"[:60] for w, v, _ in MUTATIONS])
def test_value_errors_have_their_own_translated_messages(where: tuple[Any, ...], value: object,
                                                         key: str) -> None:
    base = _example()
    loaded = load_plan_text(_mutated(base, where, value))
    structural = [d for d in loaded.diagnostics if d.code in ("P103", "P104", "P106")]
    assert structural, [d.format() for d in loaded.diagnostics]
    found = set().union(*(all_keys(d) for d in structural))
    assert key in found, [d.format() for d in structural]
    assert LITERAL not in found and "value.invalid" not in found
    for d in structural:
        assert CJK.search(d.message_in("zh")), d.format(lang="zh")
        assert "Input should" not in d.message_in("zh")
