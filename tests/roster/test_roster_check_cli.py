"""``python -m console roster check PLAN --at PLACE``: who would be called at each level
for an incident, and what is missing — in Chinese for the commander, or as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from console.cli import main
from console.roster.demo import load_demo_roster
from console.roster.model import Roster

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
FOREST = str(ROOT / "plans" / "forest-fire.yaml")
DAY, NIGHT = "2026-07-15 14:00", "2026-07-15 02:00"  # a Wednesday
HEADER = "编号,姓名,手机,单位,职务,技能/标签,所在村/社区,网格,家庭住址,值班地点,联系方式,状态"


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own (empty) database, so the demo roster is in use."""
    path = tmp_path / "console.db"
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{path}")
    return path


@pytest.fixture(scope="module")
def demo() -> Roster:
    return load_demo_roster()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["roster", *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], plan: str, *args: str) -> dict[str, Any]:
    code, out, err = run(capsys, "check", plan, "--at", "胜地社区", "--json", *args)
    assert code in (0, 1), err
    report: dict[str, Any] = json.loads(out)
    assert report["ok"] is (code == 0)
    return report


# ── every shipped plan, day and night ────────────────────────────────────────────


@pytest.mark.parametrize("when", [DAY, NIGHT], ids=["14h", "02h"])
@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_every_shipped_plan_names_real_people(capsys: pytest.CaptureFixture[str], demo: Roster,
                                              plan: Path, when: str) -> None:
    """Exit 0 or 1, never a traceback; a Chinese report that names people of the roster,
    with their posts and masked phones, level by level."""
    code, out, err = run(capsys, "check", str(plan), "--at", "胜地社区", "--time", when)
    assert code in (0, 1), err
    assert "Traceback" not in out + err
    lines = out.splitlines()
    assert "演示数据 DEMO DATA" in lines[1]
    assert lines[2].startswith("事发地：胜地社区（胜地社区第") and when in lines[2]
    assert "Ⅳ级" in out and "召集" in out
    named = [p for p in demo.people if f"· {p.name} " in out]
    assert len(named) >= 10
    for person in named[:5]:
        assert person.post in out and person.phone in out
    assert ("✗ 错误 R001" in out) is (code == 1)
    assert lines[-1].startswith("小结：")


@pytest.mark.parametrize("plan", PLANS, ids=[p.stem for p in PLANS])
def test_every_shipped_plan_as_json(capsys: pytest.CaptureFixture[str], demo: Roster,
                                    plan: Path) -> None:
    """--json: levels → roles → needed, chosen, shortfall, backups; findings per level."""
    report = check_json(capsys, str(plan), "--time", NIGHT)
    assert report["roster"]["demo"] is True and report["incident"]["place_name"] == "胜地社区"
    assert set(report["levels"]) <= {"IV", "III", "II", "I"} and "IV" in report["levels"]
    for level in report["levels"].values():
        for role in level["roles"].values():
            assert role["shortfall"] == max(0, role["needed"] - len(role["chosen"]))
            for person in role["chosen"]:
                assert person["name"] == demo.by_id[person["id"]].name
                assert person["availability"] in ("on_duty", "off_duty")
                assert person["travel_s"] is None or person["travel_s"] >= 0
            for backup in role["backups"]:
                assert set(backup) == {"role", "people"}
        for finding in level["findings"]:
            assert finding["code"] in ("R001", "R002", "R003", "R004")
    assert report["errors"] == sum(f["severity"] == "error" for level in report["levels"].values()
                                   for f in level["findings"])


# ── the forest-fire plan at level Ⅳ: the Shengdi case ─────────────────────────────


def _roles(report: dict[str, Any]) -> dict[str, Any]:
    roles: dict[str, Any] = report["levels"]["IV"]["roles"]
    return roles


def test_forest_fire_grid_leader_serves_the_incident_grid(capsys: pytest.CaptureFixture[str],
                                                          demo: Roster) -> None:
    """网格长（事发网格优先）: the leader of the incident's grid, though another of the
    community's grid leaders lives nearer."""
    report = check_json(capsys, FOREST, "--level", "IV", "--time", NIGHT)
    grid = report["incident"]["grid"]
    assert report["incident"]["village"] == "shengdi" and grid.startswith("shengdi-")
    (leader,) = _roles(report)["grid_leader"]["chosen"]
    assert grid in demo.by_id[leader["id"]].grids
    (worker,) = _roles(report)["grid_worker"]["chosen"]
    assert grid in demo.by_id[worker["id"]].grids


@pytest.mark.parametrize("when", [DAY, NIGHT], ids=["14h", "02h"])
def test_forest_fire_squad_comes_from_shengdi_first_nearest_first(
        capsys: pytest.CaptureFixture[str], demo: Roster, when: str) -> None:
    """The community's own squad first (事发村小分队优先), each group nearest first;
    people already holding another role are not called twice."""
    report = check_json(capsys, FOREST, "--level", "IV", "--time", when)
    roles = _roles(report)
    squad = roles["fire_squad"]
    assert squad["needed"] == 6 and len(squad["chosen"]) == 6
    local = [demo.by_id[p["id"]].village == "shengdi" for p in squad["chosen"]]
    assert local[0] and local == sorted(local, reverse=True)  # Shengdi's first, then others
    free_locals = [p for p in demo.people if p.village == "shengdi"
                   and "forest_fire_squad" in p.tags
                   and not any(p.id == c["id"] for r in roles.values() for c in r["chosen"]
                               if r is not squad)]
    assert sum(local) == min(6, len(free_locals))
    for group in (True, False):
        times = [p["travel_s"] for p, here in zip(squad["chosen"], local, strict=True)
                 if here is group]
        assert times == sorted(times)
    called = [p["id"] for r in roles.values() for p in r["chosen"]]
    assert len(called) == len(set(called))


def test_forest_fire_day_and_night_differ(capsys: pytest.CaptureFixture[str]) -> None:
    """At 14:00 on a Wednesday the township is at work; at 02:00 only the rota is on duty
    and the others are called from home."""
    day, night = (_roles(check_json(capsys, FOREST, "--level", "IV", "--time", t))
                  for t in (DAY, NIGHT))
    state = {when: {p["id"]: p["availability"] for r in roles.values() for p in r["chosen"]}
             for when, roles in (("day", day), ("night", night))}
    assert all(a == "on_duty" for a in state["day"].values())
    assert "off_duty" in state["night"].values() and "on_duty" in state["night"].values()
    both = set(state["day"]) & set(state["night"])
    assert any(state["day"][pid] != state["night"][pid] for pid in both)
    (commander_day,), (commander_night,) = day["commander"]["chosen"], night["commander"]["chosen"]
    assert commander_day["id"] == commander_night["id"]
    assert commander_day["availability"] == "on_duty"
    assert commander_night["availability"] == "off_duty"


def test_forest_fire_report_reads_for_a_commander(capsys: pytest.CaptureFixture[str],
                                                  demo: Roster) -> None:
    """The text names each role, the people with post, phone, 在岗/不在岗 and minutes
    away, the backups, and ends with a summary; exit 0 (nothing is an error)."""
    code, out, _ = run(capsys, "check", FOREST, "--at", "胜地社区", "--time", NIGHT,
                       "--level", "Ⅳ")
    assert code == 0
    assert out.startswith("人员核查：黑溪镇森林火灾应急预案（forest-fire v2026.1）\n")
    assert "Ⅳ级（一般）响应 — 胜地社区，2026-07-15 02:00（星期三）" in out
    assert "Ⅲ级" not in out
    commander = demo.by_id["T001"]
    line = next(line for line in out.splitlines() if f"· {commander.name} " in line)
    assert commander.post in line and commander.phone in line and "不在岗，约" in line
    assert "指挥长：需1人，召集1人 → 基层治理指挥中心" in out
    assert "村（社区）森防应急小分队：需6人，召集6人" in out
    assert "备岗 副指挥长" in out and "! 警告 R002：未设置备岗：" in out
    assert "在岗，已在集结地" in out  # the rota's duty officer is at the centre
    assert out.rstrip().splitlines()[-1] == "小结：Ⅳ级 22/22人；错误 0 项，警告 6 项"


def test_all_levels_and_shortfalls(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --level every level of the plan is checked; the higher levels run short
    and say by how many and why."""
    code, out, _ = run(capsys, "check", FOREST, "--at", "胜地社区", "--time", NIGHT)
    assert code == 0
    for numeral in "ⅣⅢⅡⅠ":
        assert f"{numeral}级（" in out
    assert "! 警告 R004：Ⅲ级响应需要" in out and "02:00时可用" in out
    assert "! 警告 R003：" in out and "已在其他岗位" in out
    assert "上文所列" in out  # R002 roles are not listed again level after level


def test_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", FOREST, "--at", "shengdi", "--time", DAY,
                       "--level", "IV", "--lang", "en")
    assert code == 0
    assert out.startswith("Roster check: Heixi Town Forest Fire Contingency Plan")
    assert "DEMO DATA" in out and "Level Ⅳ (一般) — Shengdi" in out
    assert "Commander: needs 1, calls 1" in out and "on duty" in out


def test_an_error_finding_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """Shengdi has no flood patrol: R001 says what the role asks for; exit 1."""
    code, out, _ = run(capsys, "check", str(ROOT / "plans" / "flood-drought.yaml"),
                       "--at", "胜地社区", "--time", DAY, "--level", "IV")
    assert code == 1
    assert ("✗ 错误 R001：岗位“村防汛巡查抢险队”(flood_patrol)在花名册中无人符合条件"
            "（要求：事发村(社区)胜地社区、技能 防汛巡查）") in out
    assert "错误 1 项" in out


def test_road_conditions_change_travel_times(capsys: pytest.CaptureFixture[str]) -> None:
    """--closed (id or road name) and --rain reroute or slow people down."""
    def times(*args: str) -> dict[str, float]:
        report = check_json(capsys, FOREST, "--level", "IV", "--time", NIGHT, *args)
        return {p["id"]: p["travel_s"] for r in _roles(report).values() for p in r["chosen"]}

    dry = times()
    worker = next(p for p in dry if p.startswith("W"))
    closed = times("--closed", "胜地社区第2网格村道")
    assert closed[worker] > dry[worker]
    assert times("--closed", "r22") == closed
    heavy = times("--rain", "heavy")
    assert sum(heavy.values()) > sum(dry.values())


def test_a_place_missing_from_the_map_is_reported_not_hidden(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A reception room that is not on the map: its people are still called (travel time
    unknown), and a note says what to fix."""
    text = (ROOT / "plans" / "petition.yaml").read_text(encoding="utf-8")
    assert "镇信访接待室" in text
    plan = tmp_path / "petition.yaml"
    plan.write_text(text.replace("镇信访接待室", "镇信访接待室旧址"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(plan), "--at", "胜地社区", "--time", DAY,
                       "--level", "IV")
    assert code in (0, 1)
    assert "地图上无此地点" in out
    assert "在岗，路程未知" in out
    assert "注意：预案中的集结地点“" in out and "不在地图上" in out


def test_a_user_roster_in_the_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """After an import the check uses the stored roster and says so; a home address the
    map does not know leaves the person callable, ranked last, with a note."""
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "\n"
                    "U1,甲,13800000011,平安法治,应急办干事,镇应急分队,,,张家湾,town_centre,,\n"
                    "U2,乙,13800000012,平安法治,应急办干事,镇应急分队,,,heixi-1,town_centre,,\n",
                    encoding="utf-8")
    assert run(capsys, "import", str(path), "--apply")[0] == 0
    code, out, _ = run(capsys, "check", FOREST, "--at", "胜地社区", "--time", NIGHT,
                       "--level", "IV")
    assert code == 1  # nobody for most roles: R001
    assert "花名册：用户花名册，2 人；来源：mine.csv" in out and "演示数据" not in out
    assert "138****0011" in out and "138****0012" in out  # real numbers are masked
    assert "13800000011" not in out
    squad = out[out.index("镇森林消防半专业扑火队："):]
    assert squad.index("· 乙") < squad.index("· 甲") and "路程未知" in squad
    assert "注意：1 个人员位置不在地图上（张家湾）" in out
    code, out, _ = run(capsys, "check", FOREST, "--at", "胜地社区", "--demo", "--level", "IV",
                       "--time", NIGHT)
    assert code == 0 and "演示数据" in out


# ── usage errors: exit 2 ─────────────────────────────────────────────────────────


@pytest.mark.parametrize(("args", "message"), [
    (("--at", "胜地社"), "did you mean '胜地社区'"),
    (("--at", "胜地社区", "--time", "明天"), "--time"),
    (("--at", "胜地社区", "--time", "2026-02-30 08:00"), "--time"),
    (("--at", "胜地社区", "--level", "V"), "--level"),
    (("--at", "胜地社区", "--closed", "r999"), "unknown road segment 'r999'"),
    (("--at", "胜地社区", "--rain", "hail"), "invalid choice"),
    ((), "--at"),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                             message: str) -> None:
    code, out, err = run(capsys, "check", FOREST, *args)
    assert code == 2 and message in err and out == ""


def test_a_missing_plan_file_exits_2_with_the_plan_diagnostic(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path / "none.yaml"), "--at", "胜地社区")
    assert code == 2 and "P001" in err and "none.yaml" in err


def test_a_plan_with_errors_exits_1_with_its_diagnostics(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / "plans" / "forest-fire.yaml").read_text(encoding="utf-8")
                   .replace("backups: [deputy_commander]", "backups: [nobody_at_all]"),
                   encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad), "--at", "胜地社区")
    assert code == 1 and out == ""
    assert "bad.yaml:" in err and "error" in err and "nobody_at_all" in err


def test_module_entry_point(tmp_path: Path) -> None:
    """``python -m console roster check`` as a process: the report, and the exit code."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8",
           "CONSOLE_DB_URL": f"sqlite:///{tmp_path / 'console.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "console", "roster", "check", "plans/forest-fire.yaml",
         "--at", "胜地社区", "--time", NIGHT, "--level", "IV"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert "演示数据" in done.stdout and "Ⅳ级（一般）响应" in done.stdout
