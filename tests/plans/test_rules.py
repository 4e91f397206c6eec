"""A failing input for every rule in RULES, with the line (and column) it is reported at.

Most cases are files in tests/fixtures/bad whose first line says what to expect; the
few that cannot carry such a line (no file, a huge file, an empty file) are built here.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest

from console.plans import RULES, PlanLoadError, Severity, load_plan, load_plan_text, read_plan
from console.plans.yamlsource import MAX_BYTES

from .conftest import BAD, MINIMAL, bad_fixtures, expectation

#: Rules exercised by the generated cases below rather than by fixture files.
GENERATED = {"P001", "P002"}


def _codes(loaded) -> list[str]:
    return [d.code for d in loaded.diagnostics]


# -- the fixtures --------------------------------------------------------------------------


@pytest.mark.parametrize("path", bad_fixtures(), ids=lambda p: p.stem)
def test_fixture_reports_its_rule_at_its_line(path: Path) -> None:
    expect = expectation(path)
    assert path.name.startswith(expect.code + "-"), "name a fixture after the rule it breaks"
    loaded = load_plan(path)
    found = [d for d in loaded.diagnostics if d.code == expect.code]
    shown = "\n".join(d.format() for d in loaded.diagnostics)
    assert found, f"expected {expect.code}, got:\n{shown}"
    first = found[0]
    assert (first.line, first.path) == (expect.line, str(path)), shown
    if expect.column is not None:
        assert first.column == expect.column, shown
    if expect.message is not None:
        assert expect.message in first.format(), shown
    assert set(_codes(loaded)) <= {expect.code, *expect.also}, shown
    if first.line == 0:
        assert first.column == 0


@pytest.mark.parametrize("path", bad_fixtures(), ids=lambda p: p.stem)
def test_fixture_outcome_matches_the_severity(path: Path) -> None:
    """Errors make the plan unusable; warnings leave it usable unless strict."""
    code = expectation(path).code
    loaded = load_plan(path)
    if RULES[code].severity is Severity.ERROR:
        assert not loaded.ok
        with pytest.raises(PlanLoadError) as caught:
            read_plan(path)
        assert code in {d.code for d in caught.value.diagnostics}
        assert code in str(caught.value)
    else:
        assert loaded.ok and loaded.plan is not None
        assert not loaded.clean(strict=True)
        assert read_plan(path).id == loaded.plan.id
        with pytest.raises(PlanLoadError) as caught:
            read_plan(path, strict=True)
        assert code in {d.code for d in caught.value.diagnostics}


def test_every_rule_has_a_failing_case() -> None:
    covered = {expectation(p).code for p in bad_fixtures()} | GENERATED
    assert covered == set(RULES), f"missing: {sorted(set(RULES) - covered)}"


def test_every_fixture_is_valid_except_for_its_rule() -> None:
    """A fixture name carries a rule code that exists, and fixtures stay small."""
    for path in bad_fixtures():
        assert expectation(path).code in RULES
        assert path.stat().st_size < 20_000, path.name


def test_rules_table_is_consistent() -> None:
    assert all(re.fullmatch(r"P\d{3}", code) for code in RULES)
    assert all(rule.code == code and rule.summary for code, rule in RULES.items())
    assert RULES["P005"].severity is Severity.WARNING
    assert RULES["P201"].severity is Severity.ERROR


# -- did you mean --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "wrong", "right"),
    [
        ("P201-after-typo.yaml", "verfy", "verify"),
        ("P201-branch-next.yaml", "reprot", "report"),
        ("P201-target-from.yaml", "recieve", "receive"),
        ("P202-role-typo.yaml", "oficer", "officer"),
        ("P202-mobilises-typo.yaml", "oficer", "officer"),
        ("P202-backup-typo.yaml", "oficer", "officer"),
        ("P203-target-typo.yaml", "respnd", "respond"),
        ("P204-unknown-place.yaml", "village_comittee", "village_committee"),
        ("P101-unknown-step-field.yaml", "titel", "title"),
        ("P101-unknown-top-field.yaml", "onwer", "owner"),
    ],
)
def test_reference_messages_suggest_the_close_name(fixture: str, wrong: str, right: str) -> None:
    code = fixture[:4]
    (diagnostic,) = [d for d in load_plan(BAD / fixture).diagnostics if d.code == code]
    assert f"'{wrong}'" in diagnostic.message
    assert diagnostic.message.endswith(f" — did you mean '{right}'?")


@pytest.mark.parametrize(
    ("fixture", "right"),
    [("P103-unknown-lane.yaml", "town"), ("P103-bad-hazard.yaml", "forest_fire")],
)
def test_invalid_value_suggests_the_close_value(fixture: str, right: str) -> None:
    (diagnostic,) = [d for d in load_plan(BAD / fixture).diagnostics if d.code == "P103"]
    assert f"did you mean '{right}'?" in diagnostic.format()
    assert "expected one of" in diagnostic.message


def test_no_suggestion_when_nothing_is_close(minimal_text: str) -> None:
    text = minimal_text.replace("after: [receive]", "after: [zzzzzz]")
    (diagnostic,) = [d for d in load_plan_text(text).diagnostics if d.code == "P201"]
    assert "'zzzzzz'" in diagnostic.message
    assert "did you mean" not in diagnostic.message


# -- P001 the file cannot be read ----------------------------------------------------------


def test_p001_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    loaded = load_plan(path)
    assert _codes(loaded) == ["P001"]
    assert loaded.diagnostics[0].path == str(path)
    assert loaded.diagnostics[0].line == 0
    with pytest.raises(PlanLoadError, match="P001"):
        read_plan(path)


def test_p001_folder_instead_of_a_file(tmp_path: Path) -> None:
    assert _codes(load_plan(tmp_path)) == ["P001"]


def test_p001_nul_in_the_path() -> None:
    assert _codes(load_plan("plans/a\x00b.yaml")) == ["P001"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their permissions")
def test_p001_unreadable_file(tmp_path: Path) -> None:  # pragma: no cover - not as root
    path = tmp_path / "secret.yaml"
    path.write_bytes(MINIMAL.read_bytes())
    path.chmod(0)
    assert _codes(load_plan(path)) == ["P001"]


# -- P002 size limit -----------------------------------------------------------------------


def _huge(size: int) -> bytes:
    head = b"format: 1\nid: huge\n"
    return head + b"#" * (size - len(head))


def test_p002_bytes_over_the_limit() -> None:
    loaded = load_plan_text(_huge(MAX_BYTES + 1))
    assert _codes(loaded) == ["P002"]
    assert f"{MAX_BYTES + 1:,}" in loaded.diagnostics[0].message


def test_p002_text_over_the_limit() -> None:
    assert _codes(load_plan_text(_huge(MAX_BYTES + 1).decode())) == ["P002"]


def test_p002_counts_bytes_not_characters() -> None:
    """A Chinese character is three bytes of UTF-8: the limit is in bytes."""
    text = "format: 1\n# " + "预" * (MAX_BYTES // 3 + 10)
    assert len(text) < MAX_BYTES
    assert _codes(load_plan_text(text)) == ["P002"]


def test_p002_file_over_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 64 MB that cost nothing on disk
        handle.write(b"format: 1\n")
        handle.truncate(64 * 1024 * 1024)
    loaded = load_plan(path)
    assert _codes(loaded) == ["P002"]
    assert "67,108,864 bytes" in loaded.diagnostics[0].message


def test_exactly_the_limit_is_allowed() -> None:
    assert "P002" not in _codes(load_plan_text(_huge(MAX_BYTES)))


# -- P003 empty ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [b"", "", "\n\n\n", "   \n\t\n", "# only a comment", b"\xef\xbb\xbf", "---\n",
     "--- # nothing\n...\n", codecs.BOM_UTF16_LE + "\n# 空\n".encode("utf-16-le")],
    ids=["no-bytes", "no-text", "newlines", "blanks-and-tab", "comment", "bom-only",
         "bare-document-marker", "empty-document", "utf16-comment"],
)
def test_p003_empty(raw: bytes | str) -> None:
    loaded = load_plan_text(raw, "empty.yaml")
    assert _codes(loaded) == ["P003"]
    assert loaded.plan is None


# -- generated hostile inputs that are not worth a file ------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "format: 1\nid: x\n".encode("utf-16-le"),  # UTF-16 without its mark
        codecs.BOM_UTF16_LE + b"f\x00o\x00\x00",  # a mark, then an odd number of bytes
        bytes(range(256)),
        b"\x7fELF\x02\x01\x01\x00",
    ],
    ids=["utf16-no-bom", "utf16-truncated", "all-bytes", "elf"],
)
def test_p004_binary(raw: bytes) -> None:
    assert _codes(load_plan_text(raw)) == ["P004"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("42\n", "a single value"), ("'a plan'\n", "a single value"), ("~\n", "a single value"),
     ("[format, id]\n", "a list"), ("- 1\n- 2\n", "a list")],
)
def test_p011_not_a_mapping(text: str, kind: str) -> None:
    (diagnostic,) = load_plan_text(text).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("P011", 1, 1)
    assert kind in diagnostic.message


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.call",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
        "tag:yaml.org,2002:python/object/apply:os.system",
    ],
)
def test_p014_python_tags_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    if tag.startswith("tag:"):
        tag = f"!<{tag}>"
    text = f"format: 1\nid: x\ntitle: {tag} [\"touch {marker}\"]\n"
    loaded = load_plan_text(text)
    assert _codes(loaded) == ["P014"]
    assert loaded.diagnostics[0].line == 3
    assert not marker.exists()


def test_p014_tag_on_a_key() -> None:
    (diagnostic,) = load_plan_text("format: 1\n!!python/str id: x\n").diagnostics
    assert (diagnostic.code, diagnostic.line) == ("P014", 2)


@pytest.mark.parametrize("depth", [65, 200, 5000])
def test_p010_deep_flow_nesting(depth: int) -> None:
    text = "format: 1\nbasis: " + "[" * depth + "]" * depth + "\n"
    (diagnostic,) = load_plan_text(text).diagnostics
    assert (diagnostic.code, diagnostic.line) == ("P010", 2)


def test_p010_deep_flow_nesting_over_many_lines() -> None:
    text = "format: 1\nbasis: " + "[\n" * 3000 + "]" * 3000 + "\n"
    (diagnostic,) = load_plan_text(text).diagnostics
    assert diagnostic.code == "P010"
    assert 2 <= diagnostic.line <= 3002


@pytest.mark.parametrize("depth", [65, 999, 1500])
def test_p010_deep_block_nesting(depth: int) -> None:
    text = "format: 1\n" + "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v\n"
    if len(text.encode()) > MAX_BYTES:  # pragma: no cover - keep the case about nesting
        pytest.skip("too large")
    (diagnostic,) = load_plan_text(text).diagnostics
    assert diagnostic.code == "P010"
    assert 2 <= diagnostic.line <= depth + 2


@pytest.mark.parametrize("depth", [65, 1000, 20000])
def test_p010_deep_block_sequences(depth: int) -> None:
    (diagnostic,) = load_plan_text("format: 1\nbasis:\n" + "- " * depth + "x\n").diagnostics
    assert (diagnostic.code, diagnostic.line) == ("P010", 3)


def test_p009_quadratic_aliases_within_the_limit_load() -> None:
    """Aliases as such are fine; only the expansion is limited."""
    text = "format: 1\nbasis: &a [森林法, 条例]\nscope: [*a, *a, *a]\n"
    assert "P009" not in _codes(load_plan_text(text))


def test_p009_too_many_values_without_aliases() -> None:
    text = "format: 1\nbasis: [" + ",".join(["a"] * 200_001) + "]\n"
    (diagnostic,) = load_plan_text(text).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("P009", 2, 8)
    assert "200,000 values" in diagnostic.message


def test_p008_duplicate_key_in_a_flow_mapping() -> None:
    text = "format: 1\napproved: {by: 镇政府, on: 2026-03-01, by: 区政府}\n"
    (diagnostic,) = load_plan_text(text).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("P008", 2, 37)


def test_p008_duplicate_key_spelled_differently() -> None:
    """'title' and "title" are the same key."""
    (diagnostic,) = load_plan_text("format: 1\ntitle: a\n'title': b\n").diagnostics
    assert (diagnostic.code, diagnostic.line) == ("P008", 3)


def test_p007_tab_hint() -> None:
    (diagnostic,) = load_plan_text("format: 1\nsteps:\n\treceive: {}\n").diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("P007", 3, 1)
    assert "spaces" in diagnostic.hint
    assert "(YAML indents with spaces only" in diagnostic.format()


def test_tab_inside_a_value_is_fine(minimal_text: str) -> None:
    text = minimal_text.replace("title: 黑溪镇森林火灾应急预案",
                                "title: '黑溪镇\t森林火灾应急预案'")
    loaded = load_plan_text(text)
    assert loaded.ok, [d.format() for d in loaded.diagnostics]
    assert loaded.plan is not None and "\t" in loaded.plan.title


def test_p006_unclosed_bracket_hint() -> None:
    (diagnostic,) = load_plan_text("format: 1\nbasis: [a, b\nid: x\n").diagnostics
    assert diagnostic.code == "P006"
    assert "not closed" in diagnostic.hint
    assert "line 2" in diagnostic.message


def test_p012_future_format_is_reported_before_anything_else(minimal_text: str) -> None:
    text = minimal_text.replace("format: 1", "format: 7").replace("title:", "titel:", 1)
    assert _codes(load_plan_text(text)) == ["P012"]
