"""The command line: ``python -m console validate | schema | plan show``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from console.cli import main

from .conftest import BAD, MINIMAL

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning) "
                  r"(?P<code>P\d{3}): (?P<message>.+)$")


def run(argv: list[str]) -> int:
    """Exit code of the CLI, whether main returns it or argparse raises SystemExit."""
    try:
        return main(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


# -- validate ------------------------------------------------------------------------------


def test_validate_clean_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--lang", "en", str(MINIMAL)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 file(s) checked: 0 error(s), 0 warning(s)" in err


def test_validate_errors_compiler_style(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "P201-after-typo.yaml"
    assert run(["validate", "--lang", "en", str(path)]) == 1
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    match = LINE.match(line)
    assert match, line
    assert match.groupdict() == {
        "path": str(path), "line": "21", "col": "75", "severity": "error", "code": "P201",
        "message": "step 'report' comes after unknown step 'verfy' — did you mean 'verify'?",
    }
    assert "1 error(s), 0 warning(s)" in err


def test_validate_error_without_a_position(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "P003-comments-only.yaml"
    assert run(["validate", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: error P003: file is empty")


def test_validate_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(BAD / "P214-unused-role.yaml")
    assert run(["validate", "--lang=en", path]) == 0
    out, err = capsys.readouterr()
    assert LINE.match(out.strip())["severity"] == "warning"  # type: ignore[index]
    assert "0 error(s), 1 warning(s)" in err
    assert run(["validate", "--lang=en", "--strict", path]) == 1
    out, err = capsys.readouterr()
    match = LINE.match(out.strip())
    assert match and (match["severity"], match["code"]) == ("error", "P214")
    assert "1 error(s), 0 warning(s)" in err


def test_validate_gb18030_warning_and_strict(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ansi.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("gb18030"))
    assert run(["validate", str(path)]) == 0
    assert f"{path}:1:1: warning P005: " in capsys.readouterr().out
    assert run(["validate", "--strict", str(path)]) == 1
    assert f"{path}:1:1: error P005: " in capsys.readouterr().out


def test_validate_json(capsys: pytest.CaptureFixture[str]) -> None:
    bad = BAD / "P203-target-typo.yaml"
    assert run(["validate", "--format", "json", str(MINIMAL), str(bad)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["strict"] is False
    clean, broken = report["files"]
    assert (clean["path"], clean["plan"], clean["errors"], clean["warnings"]) == (
        str(MINIMAL), "forest-fire", 0, 0)
    assert clean["diagnostics"] == []
    assert len(clean["sha256"]) == 64
    assert (broken["errors"], broken["warnings"]) == (1, 1)
    codes = {d["code"]: d for d in broken["diagnostics"]}
    assert set(codes) == {"P203", "P213"}
    p203 = codes["P203"]
    assert (p203["line"], p203["column"], p203["severity"], p203["rule"]) == (
        19, 89, "error", "unknown target")
    assert p203["message"].endswith("did you mean 'respond'?")
    assert p203["path"] == str(bad)


def test_validate_json_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--format", "json", "--strict",
                str(BAD / "P218-level-colour.yaml")]) == 1
    report = json.loads(capsys.readouterr().out)
    (entry,) = report["files"]
    assert report["strict"] is True and (entry["errors"], entry["warnings"]) == (1, 0)


def test_validate_json_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--format=json", str(MINIMAL)]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_validate_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(MINIMAL, tmp_path / "a.yaml")
    assert run(["validate", str(tmp_path)]) == 0
    shutil.copy(BAD / "P205-cycle.yaml", tmp_path / "b.yml")
    assert run(["validate", "--lang", "en", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'b.yml'}:19:12: error P205: " in out
    assert "2 file(s) checked: 1 error(s)" in err


def test_validate_hostile_files_never_crash(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", str(BAD)]) == 1
    out = capsys.readouterr().out
    for path in BAD.iterdir():
        assert str(path) in out


def test_validate_speaks_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """Chinese messages; the position, severity word and code stay as tools parse them."""
    path = BAD / "P201-after-typo.yaml"
    assert run(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    (line,) = out.splitlines()
    match = LINE.match(line)
    assert match, line
    assert (match["path"], match["line"], match["col"], match["severity"], match["code"]) == (
        str(path), "21", "75", "error", "P201")
    assert match["message"] == "步骤 'report' 排在未知步骤 'verfy' 之后（是否应为 'verify'？）"
    assert "已检查 1 个文件：错误 1 项，警告 0 项" in err


def test_validate_chinese_and_english_lines_share_their_prefix(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Every line of every bad fixture: the same ``path:line:col: severity CODE:`` prefix."""
    def lines(lang: str) -> list[str]:
        run(["validate", "--strict", "--lang", lang, str(BAD)])
        return capsys.readouterr().out.splitlines()

    zh, en = lines("zh"), lines("en")
    assert len(zh) == len(en) > 80
    for chinese, english in zip(zh, en, strict=True):
        prefix = english[: english.index(": ", english.index(" P")) + 2]
        assert chinese.startswith(prefix), (chinese, english)
        assert chinese != english or "P00" in english


def test_validate_missing_file_in_chinese(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.yaml"
    assert run(["validate", str(missing)]) == 2
    assert f"{missing}: error P001: 文件或文件夹不存在" in capsys.readouterr().err


def test_validate_json_keeps_english_and_adds_the_language(
        capsys: pytest.CaptureFixture[str]) -> None:
    bad = BAD / "P201-after-typo.yaml"
    assert run(["validate", "--format", "json", str(bad)]) == 1
    (diagnostic,) = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert diagnostic["rule"] == "unknown step"
    assert diagnostic["message"] == ("step 'report' comes after unknown step 'verfy' — did you "
                                     "mean 'verify'?")
    assert diagnostic["key"] == "P201.after"
    assert diagnostic["params"] == {"step": "report", "ref": "verfy",
                                    "dym": {"key": "dym", "params": {"name": "verify"}}}
    assert diagnostic["localized"] == {
        "lang": "zh", "rule": "未知步骤",
        "message": "步骤 'report' 排在未知步骤 'verfy' 之后（是否应为 'verify'？）", "hint": ""}
    assert run(["validate", "--format", "json", "--lang", "en", str(bad)]) == 1
    (english,) = json.loads(capsys.readouterr().out)["files"][0]["diagnostics"]
    assert english["localized"]["message"] == english["message"]
    assert english["localized"]["lang"] == "en"


# -- usage errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--bogus", str(MINIMAL)],
        ["validate"],
        ["validate", "--format", "xml", str(MINIMAL)],
        ["validate", "--lang", "fr", str(MINIMAL)],
        ["frobnicate"],
        ["plan"],
        ["plan", "show"],
        ["plan", "show", str(MINIMAL), "--level"],
        ["schema", "--unknown"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "error:" in err


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.yaml"
    assert run(["validate", "--lang", "en", str(MINIMAL), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert f"{missing}: error P001: no such file or folder" in err
    assert out == ""


def test_unknown_level_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["plan", "show", str(MINIMAL), "--level", "V"]) == 2
    assert "'V' is not a response level" in capsys.readouterr().err


# -- schema --------------------------------------------------------------------------------


def test_schema_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "plan.schema.json"
    assert run(["schema", "-o", str(out_file)]) == 0
    assert f"wrote {out_file}" in capsys.readouterr().err
    schema = json.loads(out_file.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["type"] == "object"
    for field in ("format", "id", "title", "hazard", "version", "status", "owner", "levels",
                  "targets", "roles", "steps", "assembly_points", "resources", "annexes"):
        assert field in schema["properties"], field
    assert {"format", "id", "title", "levels", "roles", "steps"} <= set(schema["required"])
    assert schema.get("additionalProperties") is False


def test_schema_to_stdout_matches_the_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["schema"]) == 0
    printed = capsys.readouterr().out
    assert run(["schema", "--output", str(tmp_path / "s.json")]) == 0
    assert json.loads(printed) == json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))


# -- plan show -----------------------------------------------------------------------------


def _show(level: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert run(["plan", "show", str(MINIMAL), "--level", level, *extra]) == 0
    return capsys.readouterr().out


def test_plan_show_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _show("IV", capsys)
    for label in ("预案: 黑溪镇森林火灾应急预案", "类别: 森林防火", "响应级别: Ⅳ 一般", "处置步骤",
                  "岗位与人员", "时间目标", "关键路径", "接收烟火预警 (receive)"):
        assert label in out, label
    assert "escalate" not in out  # a step for level Ⅱ and up


@pytest.mark.parametrize("spelling", ["III", "Ⅲ", "iii", "3", "Ⅲ级"])
def test_plan_show_level_spellings(spelling: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = _show(spelling, capsys)
    assert out == _show("III", capsys)
    assert "响应级别: Ⅲ 较大" in out


def test_plan_show_higher_level_adds_steps(capsys: pytest.CaptureFixture[str]) -> None:
    out = _show("Ⅱ", capsys)
    assert "报告区森防指 (escalate)" in out
    assert "响应级别: Ⅱ 重大" in out


def test_plan_show_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _show("IV", capsys, "--lang", "en")
    assert "Plan: Heixi Town Forest Fire Contingency Plan" in out
    assert "Critical path" in out


def test_plan_show_bad_plan(capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / "P205-cycle.yaml"
    assert run(["plan", "show", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{path}:19:12: error P205" in err


def test_plan_show_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["plan", "show", str(tmp_path / "nope.yaml")]) in (1, 2)
    assert "P001" in capsys.readouterr().err
