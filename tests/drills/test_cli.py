"""``python -m console drill …``: every command, marked 演练 DRILL, errors in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from console.cli import main
from console.drills.records import ENTRY, list_drills
from console.store import open_store
from tests.drills.helpers import SCENARIO

RUN = ["drill", "run", "forest-fire", "--at", "胜地社区", "--time", "2026-03-18 14:00",
       "--seed", "5", "--scenario", SCENARIO]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'console.db'}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drill_id(capsys: pytest.CaptureFixture[str], url: str) -> str:
    code, out, _ = run(capsys, *RUN, "--db", url, "--quiet")
    assert code == 0
    return out.split()[2]


def test_run_prints_the_id_first_then_progress_and_targets(
        capsys: pytest.CaptureFixture[str], url: str) -> None:
    """The first line names the new drill; progress lines follow; the end lists targets."""
    code, out, err = run(capsys, *RUN, "--db", url)
    lines = out.splitlines()
    assert code == 0, err
    assert lines[0].startswith("【演练 DRILL】演练 ") and "已创建" in lines[0]
    drill_id = lines[0].split()[2]
    with open_store(url) as store:
        assert [d.id for d in list_drills(store)] == [drill_id]
    assert any(line.startswith(f"[演练] {drill_id}") for line in lines)
    assert "结束（全部步骤完成）" in out and "✓ 1分钟响应" in out


def test_list_show_verify(capsys: pytest.CaptureFixture[str], url: str, drill_id: str) -> None:
    """list and show print marked Chinese text; verify passes, then fails after tampering."""
    code, out, _ = run(capsys, "drill", "list", "--db", url)
    assert code == 0 and out.startswith("【演练 DRILL】共 1 次") and drill_id in out
    code, out, _ = run(capsys, "drill", "show", drill_id[:5], "--db", url)
    assert code == 0 and out.startswith("【演练 DRILL】") and "确认响应" in out
    assert "达成目标" in out and "情景注入" in out
    code, out, _ = run(capsys, "drill", "show", drill_id, "--after", "100000", "--db", url)
    assert len(out.splitlines()) < 12  # the header only: nothing after that seq
    code, out, _ = run(capsys, "drill", "verify", drill_id, "--db", url)
    assert code == 0 and "校验通过" in out
    with open_store(url) as store, store.write() as session:
        session.connection().execute(update(ENTRY).where(ENTRY.c.seq == 3).values(t=1.0))
    code, out, _ = run(capsys, "drill", "verify", drill_id, "--db", url, "--lang", "en")
    assert code == 1 and "FAILED" in out and "entry 3" in out


def test_human_entries_and_actions(capsys: pytest.CaptureFixture[str], url: str,
                                   drill_id: str) -> None:
    """log, observe, action and actions record and list what people say."""
    code, out, err = run(capsys, "drill", "log", drill_id, "网格长已确认", "--kind",
                         "acknowledged", "--subject", "唐艳", "--at", "14:02", "--db", url,
                         "--by", "值班员")
    assert code == 0, err
    assert "已记录" in out and "✎ 确认响应" in out and "唐艳" in out and "值班员" in out
    code, out, _ = run(capsys, "drill", "observe", drill_id, "研判准确", "--step", "judge",
                       "--rating", "4", "--db", url)
    assert code == 0 and "观察记录已保存" in out
    code, out, _ = run(capsys, "drill", "action", drill_id, "--problem", "小分队到场超时",
                       "--action", "驻点备勤", "--owner", "胜地社区", "--due", "2026-12-31",
                       "--step", "squad_move", "--db", url)
    assert code == 0 and "整改措施 1 已登记" in out
    code, out, _ = run(capsys, "drill", "actions", "--update", "1", "--status", "in_progress",
                       "--db", url)
    assert code == 0 and "进行中" in out and "2026-12-31" in out and "[squad_move]" in out


def test_compare_and_report(capsys: pytest.CaptureFixture[str], url: str, drill_id: str,
                            tmp_path: Path) -> None:
    """compare prints a table; report writes the file (or says rendering is missing)."""
    code, out, _ = run(capsys, *RUN[:-3], "7", "--db", url, "--quiet")
    other = out.split()[2]
    code, out, _ = run(capsys, "drill", "compare", drill_id, other, "--db", url)
    assert code == 0 and out.startswith("【演练 DRILL】演练对比") and "趋势" in out
    target = tmp_path / "report.html"
    code, out, err = run(capsys, "drill", "report", drill_id, "-o", str(target), "--db", url)
    try:
        import console.drills.report  # noqa: F401
    except ImportError:
        assert code == 1 and "not available" in err
    else:
        assert code == 0, err
        assert target.stat().st_size > 1000 and "已生成" in out


def test_errors_are_one_line_with_the_right_code(capsys: pytest.CaptureFixture[str],
                                                 url: str) -> None:
    """Bad arguments exit 2, a problem exits 1; never a traceback."""
    cases = [
        ((*RUN[:4], "无此地", "--db", url), 2, "无此地"),
        ((*RUN, "--level", "V", "--db", url), 2, "not a response level"),
        (("drill", "run", "no-such-plan", "--at", "胜地社区", "--db", url), 2, "no plan file"),
        (("drill", "show", "ffffffff", "--db", url), 1, "no drill"),
        (("drill", "resume", "ffffffff", "--db", url), 1, "no drill"),
        (("drill", "report", "ffffffff", "-o", "x.txt", "--db", url), 2, "--format"),
        (("drill", "list", "--db", "mysql://x/y"), 1, "unsupported database"),
        (("drill", "observe", "x", "t", "--rating", "9", "--db", url), 2, "invalid choice"),
    ]
    for args, expected, words in cases:
        code, out, err = run(capsys, *args)
        assert code == expected, (args, err)
        assert words in err and "Traceback" not in err + out, (args, err)
        assert len([line for line in err.splitlines() if "error" in line]) == 1


def test_end_closes_a_tabletop_drill(capsys: pytest.CaptureFixture[str], url: str) -> None:
    """A tabletop drill stays open after its injects until ``drill end``."""
    code, out, err = run(capsys, *RUN, "--type", "tabletop", "--speed", "max", "--db", url,
                         "--quiet")
    assert code == 0, err
    assert "情景注入已全部下达" in out
    drill_id = out.split()[2]
    code, out, _ = run(capsys, "drill", "end", drill_id, "--db", url)
    assert code == 0 and "已结束" in out
    code, _, err = run(capsys, "drill", "resume", drill_id, "--db", url)
    assert code == 1 and "nothing to resume" in err


def test_ctrl_c_pauses_cleanly_and_resume_finishes(url: str) -> None:
    """SIGINT during ``drill run`` pauses the drill (exit 0, status paused, a pause entry);
    ``drill resume`` takes it on to the end."""
    import signal
    import subprocess
    import sys

    from console.drills.records import entries, load_drill
    from tests.drills.test_crash import ROOT, _env, _read_until

    process = subprocess.Popen(
        [sys.executable, "-m", "console", "drill", *RUN[1:], "--speed", "60", "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), cwd=ROOT)
    lines = _read_until(process, lambda ls: any(x.startswith("[演练]") for x in ls), 60)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "已暂停" in out.decode()
    drill_id = lines[0].split()[2]
    with open_store(url) as store:
        drill = load_drill(store, drill_id)
        assert drill.status.value == "paused" and drill.status_reason == "operator"
    done = subprocess.run([sys.executable, "-m", "console", "drill", "resume", drill_id,
                           "--speed", "max", "--quiet", "--db", url], capture_output=True,
                          text=True, env=_env(), cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    with open_store(url) as store:
        statuses = [e.data["status"] for e in entries(store, drill_id) if e.kind == "status"]
    assert statuses == ["running", "paused", "running", "finished"]


def test_inject_on_demand_from_another_command(capsys: pytest.CaptureFixture[str],
                                               url: str) -> None:
    """``drill inject`` records a request; the next session of the drill applies it."""
    from console.drills.records import entries

    code, out, _ = run(capsys, *RUN, "--type", "live", "--speed", "max", "--db", url,
                       "--quiet")
    drill_id = out.split()[2]
    code, out, err = run(capsys, "drill", "inject", drill_id, "close_road", "segment=r07",
                         "--message", "桥梁受损", "--db", url)
    assert code == 0, err
    assert "已提交" in out
    code, _, err = run(capsys, "drill", "inject", drill_id, "close_road", "--db", url)
    assert code == 2 and "segment=" in err
    code, out, err = run(capsys, "drill", "resume", drill_id, "--db", url, "--quiet")
    assert code == 0, err
    with open_store(url) as store:
        kinds = [(e.kind, e.subject) for e in entries(store, drill_id)]
    assert kinds[-2:] == [("inject", "close_road"), ("inject_applied", "close_road")]


def test_objectives_and_participants_are_recorded(capsys: pytest.CaptureFixture[str],
                                                 url: str) -> None:
    """--objective ties a text to steps and targets (by id or title); --participant adds
    people who were not called; an unknown reference is a usage error."""
    from console.drills.records import load_drill

    code, out, err = run(capsys, *RUN, "--quiet", "--objective",
                         "检验小分队到场=5分钟到场,squad_move", "--participant",
                         "李观察,区应急局,观察员", "--db", url)
    assert code == 0, err
    with open_store(url) as store:
        drill = load_drill(store, out.split()[2])
    assert [(o.text, o.steps, o.targets) for o in drill.objectives] == [
        ("检验小分队到场", ("squad_move",), ("arrive",))]
    assert drill.participants == ({"name": "李观察", "unit": "区应急局", "role": "观察员"},)
    code, _, err = run(capsys, *RUN, "--objective", "x=nowhere", "--db", url)
    assert code == 2 and "no step or target 'nowhere'" in err


def test_actions_a_plan_revision_may_close(capsys: pytest.CaptureFixture[str], url: str,
                                          drill_id: str, tmp_path: Path) -> None:
    """``drill actions ID --revision PLAN`` lists the actions whose step the new version
    of the plan changed."""
    from console.paths import shipped_plans_dir

    for step, problem in (("squad_move", "到场超时"), ("judge", "研判慢")):
        run(capsys, "drill", "action", drill_id, "--problem", problem, "--action", "整改",
            "--owner", "胜地社区", "--step", step, "--db", url)
    revised = tmp_path / "forest-fire.yaml"
    text = (shipped_plans_dir() / "forest-fire.yaml").read_text(encoding="utf-8")
    revised.write_text(text.replace('version: "2026.1"', 'version: "2026.2"').replace(
        "  squad_move:\n    title: 小分队携扑火机具赶赴现场",
        "  squad_move:\n    title: 小分队（驻点备勤）携扑火机具赶赴现场"), encoding="utf-8")
    code, out, err = run(capsys, "drill", "actions", drill_id, "--revision", str(revised),
                         "--db", url)
    assert code == 0, err
    assert "2026.1 → 2026.2" in out and "到场超时" in out and "研判慢" not in out
