"""Scenario files and the ``simulate`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.cli import main
from console.plans import read_plan
from console.roster.demo import load_demo_roster
from console.roster.townmap import load_town_map
from console.simulation.injects import InjectKind
from console.simulation.scenario import ScenarioError, check_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
FOREST = str(ROOT / "plans" / "forest-fire.yaml")
SCENARIO = ROOT / "resources" / "scenarios" / "shengdi-smoke-road-closed.yaml"


@pytest.fixture(autouse=True)
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{tmp_path / 'console.db'}")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["simulate", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_scenario_reads_and_fits_the_plan() -> None:
    """The demo scenario's injects are sorted, typed and refer to real roads and steps."""
    scenario = parse_scenario(SCENARIO.read_bytes(), str(SCENARIO))
    assert [(i.at, i.kind) for i in scenario.injects] == [
        (30, InjectKind.NOTE), (120, InjectKind.CLOSE_ROAD), (480, InjectKind.FORCE_BRANCH)]
    assert scenario.injects[1].source.endswith(":6")
    problems = check_scenario(scenario, read_plan(FOREST), load_demo_roster(), load_town_map())
    assert problems == []


@pytest.mark.parametrize(("text", "message"), [
    ("injects: [{at: 5x, kind: note}]", "s.yaml:1:16: '5x' is not a duration"),
    ("injects: [{at: 5m, kind: close_rod}]", "did you mean 'close_road'"),
    ("injects: [{at: 5m, kind: close_road}]", "close_road needs 'segment'"),
    ("injects:\n  - {at: 5m, kind: note, mesage: x}", "s.yaml:2:26: unknown field 'mesage'"),
    ("- a", "a scenario is a mapping"),
    ("injects: [{at: 1m, kind: note}", "s.yaml:2:1: error P006: .* not closed"),
])
def test_bad_scenarios_name_file_line_and_field(text: str, message: str) -> None:
    """Every mistake is one line with the file and position, never a traceback."""
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(text, "s.yaml")


def test_scenario_references_are_checked() -> None:
    """Unknown roads, steps, outcomes and people are reported before a run starts."""
    scenario = parse_scenario(
        "injects:\n"
        "  - {at: 1m, kind: close_road, segment: r999}\n"
        "  - {at: 2m, kind: force_branch, step: judge, outcome: flood}\n"
        "  - {at: 3m, kind: person_unavailable, person: X1}\n", "s.yaml")
    problems = check_scenario(scenario, read_plan(FOREST), load_demo_roster(), load_town_map())
    assert [p.split(": ", 1)[0] for p in problems] == ["s.yaml:2", "s.yaml:3", "s.yaml:4"]
    assert "unknown road segment 'r999'" in problems[0]
    assert "has no outcome 'flood'" in problems[1]


def test_single_run_prints_a_chinese_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """One run: the timeline, marked as a drill and as demo data, then the targets."""
    code, out, _ = run(capsys, FOREST, "--at", "胜地社区", "--time", "2026-03-18 14:00")
    assert code == 0
    assert out.startswith("【模拟演练 DRILL】黑溪镇森林火灾应急预案")
    assert "演示数据 DEMO DATA" in out and "启动响应" in out and "时间目标" in out


def test_scenario_run_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """With the road-closure scenario the events show the injects, in order."""
    code, out, _ = run(capsys, FOREST, "--at", "胜地社区", "--time", "2026-03-18 14:00",
                       "--scenario", str(SCENARIO), "--json")
    assert code == 0
    data = json.loads(out)
    injects = [e for e in data["events"] if e["kind"] == "inject_applied"]
    assert [(e["t"], e["subject"]) for e in injects] == [
        (30.0, "note"), (120.0, "close_road"), (480.0, "force_branch")]
    assert data["summary"]["end_reason"] in ("complete", "stalled")


def test_batch_with_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    """A small batch compared with night: odds per target and a comparison table."""
    code, out, err = run(capsys, FOREST, "--at", "胜地社区", "--time", "2026-03-18 14:00",
                         "--runs", "20", "--workers", "1", "--compare", "night")
    assert code == 0, err
    assert "蒙特卡洛" in out and "条件对比" in out and "night 02:00" in out


@pytest.mark.parametrize(("args", "needle"), [
    (["--at", "胜地小区"], "unknown place"),
    (["--at", "胜地社区", "--time", "25:00"], "not a time"),
    (["--at", "胜地社区", "--level", "V"], "not a response level"),
    (["--at", "胜地社区", "--closed", "r999"], "unknown road segment"),
    (["--at", "胜地社区", "--compare", "snow"], "unknown condition"),
    (["--at", "胜地社区", "--runs", "0"], "at least 1"),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str],
                             needle: str) -> None:
    code, _, err = run(capsys, FOREST, *args)
    assert code == 2 and needle in err and "Traceback" not in err
