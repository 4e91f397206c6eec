"""Loading good plans: encodings, line ends, positions, the LoadedPlan and read_plan."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest
import yaml

from console.plans import Level, PlanLoadError, load_plan, load_plan_text, read_plan, yamlsource
from console.plans.loader import iter_plan_files

from .conftest import BAD, GOOD, MINIMAL, bad_fixtures, expectation


def _codes(loaded) -> list[str]:
    return [d.code for d in loaded.diagnostics]


def _same(plan, other) -> bool:
    """Equal content (plans also carry where they were read from, which differs)."""
    return plan is not None and plan.model_dump() == other.model_dump()


@pytest.fixture(scope="module")
def reference():
    loaded = load_plan(MINIMAL)
    assert loaded.ok and loaded.plan is not None
    return loaded.plan


def test_minimal_plan_is_clean(reference) -> None:
    loaded = load_plan(MINIMAL)
    assert loaded.diagnostics == ()
    assert loaded.clean(strict=True)
    assert loaded.path == str(MINIMAL)
    assert loaded.sha256 == hashlib.sha256(MINIMAL.read_bytes()).hexdigest()
    assert loaded.text == MINIMAL.read_text(encoding="utf-8")
    plan = reference
    assert plan.id == "forest-fire"
    assert plan.version == "2026.10"  # stays text: the trailing zero matters
    assert list(plan.steps) == ["receive", "verify", "decide", "advise", "mobilise", "attack",
                                "escalate", "feedback"]
    assert plan.roles["fire_squad"].count_at(Level.III) == 12
    assert plan.steps["verify"].duration.likely == 120
    assert plan.steps["escalate"].levels == (Level.II, Level.I)
    assert plan.steps["feedback"].after.any == ("advise", "attack")
    assert plan.targets["arrive"].measure == "start"
    assert plan.approved is not None and str(plan.approved.on) == "2026-03-01"
    assert plan.review_every == 36


def test_read_plan_returns_the_plan(reference) -> None:
    assert _same(read_plan(MINIMAL), reference)
    assert _same(read_plan(str(MINIMAL), strict=True), reference)


def test_positions_of_the_loaded_plan(reference) -> None:
    text = MINIMAL.read_text(encoding="utf-8").splitlines()
    line = reference.line_of("steps", "verify")
    assert text[line - 1].lstrip().startswith("verify:")
    assert reference.source.position(("steps", "verify"), key=True) == (line, 3)
    assert line == 34
    assert reference.line_of("roles", "commander", "command") == 31
    assert reference.source.position(("steps", "decide", "branches")) == (36, 25)
    assert reference.source.position(("roles", "fire_squad", "count", "III")) == (28, 39)
    assert reference.source.position(("roles", "fire_squad", "count", "III"), key=True) == (28, 34)
    assert reference.line_of("does", "not", "exist") == 2  # the plan mapping itself


# -- encodings and line ends ---------------------------------------------------------------


def _variants(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "utf8": text.encode("utf-8"),
        "utf8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf8-bom-crlf": codecs.BOM_UTF8 + crlf.encode("utf-8"),
        "crlf": crlf.encode("utf-8"),
        "utf16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf16-le-bom-crlf": codecs.BOM_UTF16_LE + crlf.encode("utf-16-le"),
    }


@pytest.mark.parametrize("variant", list(_variants("")))
def test_encodings_and_line_ends_load_the_same_plan(variant: str, reference) -> None:
    raw = _variants(MINIMAL.read_text(encoding="utf-8"))[variant]
    loaded = load_plan_text(raw, f"{variant}.yaml")
    assert loaded.diagnostics == ()
    assert _same(loaded.plan, reference)
    assert loaded.plan is not None
    assert loaded.plan.line_of("steps", "verify") == reference.line_of("steps", "verify")


@pytest.mark.parametrize("variant", list(_variants("")))
@pytest.mark.parametrize("fixture", ["P008-duplicate-key.yaml", "P201-after-typo.yaml",
                                     "P007-tab-indent.yaml", "P222-thresholds-fall.yaml",
                                     "P006-unclosed-bracket.yaml", "P006-unclosed-quote.yaml",
                                     "P004-control-character.yaml", "P014-custom-tag.yaml",
                                     "P010-deep-block-mapping.yaml",
                                     "P101-unknown-step-field.yaml"])
def test_encodings_and_line_ends_keep_positions(variant: str, fixture: str) -> None:
    expect = expectation(BAD / fixture)
    raw = _variants((BAD / fixture).read_text(encoding="utf-8"))[variant]
    found = [d for d in load_plan_text(raw).diagnostics if d.code == expect.code]
    assert [(d.line, d.column) for d in found][:1] == [(expect.line, expect.column)]


def test_text_with_a_bom_character(reference) -> None:
    text = "\ufeff" + MINIMAL.read_text(encoding="utf-8")
    loaded = load_plan_text(text)
    assert loaded.ok and _same(loaded.plan, reference)


def test_gb18030_plan_loads_with_a_warning(reference) -> None:
    raw = MINIMAL.read_text(encoding="utf-8").encode("gb18030")
    loaded = load_plan_text(raw, "ansi.yaml")
    assert _codes(loaded) == ["P005"]
    (warning,) = loaded.warnings
    assert (warning.line, warning.column, warning.path) == (1, 1, "ansi.yaml")
    assert "UTF-8" in warning.hint
    assert loaded.ok and not loaded.clean(strict=True)
    assert _same(loaded.plan, reference)
    assert loaded.plan is not None and loaded.plan.title == "黑溪镇森林火灾应急预案"


def test_gb18030_with_crlf_keeps_positions() -> None:
    fixture = BAD / "P201-after-typo.yaml"
    raw = fixture.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030")
    loaded = load_plan_text(raw)
    assert [(d.code, d.line) for d in loaded.diagnostics] == [("P005", 1), ("P201", 21)]


def test_latin1_text_is_not_mistaken_for_gb18030() -> None:
    raw = "format: 1\ntitle: Café Müller\n".encode("latin-1")
    (diagnostic,) = load_plan_text(raw).diagnostics
    assert (diagnostic.code, diagnostic.line) == ("P004", 3 - 1)


def test_gb18030_file_on_disk(tmp_path: Path, reference) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("gb18030"))
    assert _codes(load_plan(path)) == ["P005"]
    assert _same(read_plan(path), reference)
    with pytest.raises(PlanLoadError, match="P005"):
        read_plan(path, strict=True)


# -- plain data: what YAML 1.1 would have turned into something else -----------------------


def test_values_stay_text(minimal_text: str) -> None:
    text = minimal_text.replace("owner: 镇农业服务中心", "owner: 'no'")
    loaded = load_plan_text(text)
    assert loaded.plan is not None and loaded.plan.owner == "no"


def test_null_words_are_missing_values(minimal_text: str) -> None:
    text = minimal_text.replace("owner: 镇农业服务中心", "owner: ~")
    assert _codes(load_plan_text(text)) == ["P103"]


def test_merge_keys_work(minimal_text: str) -> None:
    text = minimal_text.replace(
        "  duty_officer:  {title: 指挥中心值班员, from: {unit: command_centre}, count: 1}",
        "  duty_officer: &officer {title: 指挥中心值班员, from: {unit: command_centre}, count: 1}\n"
        "  spare_officer: {<<: *officer, title: 备用值班员}",
    ).replace("backups: [village_cadre]", "backups: [village_cadre, spare_officer]")
    loaded = load_plan_text(text)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert loaded.plan is not None
    spare = loaded.plan.roles["spare_officer"]
    assert spare.title == "备用值班员" and spare.from_ == loaded.plan.roles["duty_officer"].from_


# -- the pure-Python YAML parser gives the same answers as libyaml -------------------------


@pytest.mark.parametrize("path", bad_fixtures(), ids=lambda p: p.stem)
def test_pure_python_parser_agrees(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(yamlsource, "_Loader"):  # pragma: no cover - internals changed
        pytest.skip("no _Loader to swap")
    fast = [(d.code, d.line, d.column) for d in load_plan(path).diagnostics]
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    slow = [(d.code, d.line, d.column) for d in load_plan(path).diagnostics]
    assert [c for c, _, _ in slow] == [c for c, _, _ in fast]
    for (_, line, column), (_, fast_line, fast_column) in zip(slow, fast, strict=True):
        assert (line, column) in ((fast_line, fast_column), (0, 0))


# -- files and folders ---------------------------------------------------------------------


def test_iter_plan_files(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("x")
    (tmp_path / "a.yml").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text("x")
    found = list(iter_plan_files([tmp_path, tmp_path / "named.txt"]))
    assert found == [tmp_path / "a.yml", tmp_path / "b.yaml", tmp_path / "sub" / "c.yaml",
                     tmp_path / "named.txt"]


def test_good_fixtures_are_clean() -> None:
    for path in iter_plan_files([GOOD]):
        loaded = load_plan(path)
        assert loaded.clean(strict=True), [d.format() for d in loaded.diagnostics]


def test_load_plan_text_names_the_path() -> None:
    loaded = load_plan_text("format: 1\n", "plans/x.yaml")
    assert loaded.path == "plans/x.yaml"
    assert all(d.path == "plans/x.yaml" for d in loaded.diagnostics)
    assert load_plan_text("- x\n").diagnostics[0].path == "<plan>"


def test_diagnostic_format_and_dict() -> None:
    (diagnostic,) = [d for d in load_plan(BAD / "P201-after-typo.yaml").diagnostics]
    text = diagnostic.format()
    assert text.startswith(f"{BAD / 'P201-after-typo.yaml'}:21:75: error P201: ")
    assert diagnostic.format(strict=True) == text
    data = diagnostic.as_dict()
    assert data["code"] == "P201" and data["severity"] == "error" and data["line"] == 21
    assert data["rule"] == "unknown step"
    (warning,) = load_plan(BAD / "P214-unused-role.yaml").diagnostics
    assert " warning P214: " in warning.format()
    assert " error P214: " in warning.format(strict=True)
