"""Crash safety with real process kills: SIGKILL at random moments — during start-up,
replay, recording, inside a write transaction — then ``drill resume``; the timeline
stays intact, nothing committed is lost or duplicated, and the finished drill is
exactly the uninterrupted run."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from console.drills.model import DrillStatus
from console.drills.records import entries, list_drills, load_drill
from console.drills.verify import verify_drill
from console.store import open_store
from tests.drills.crash_helper import _drill_id
from tests.drills.helpers import engine_keys, reference

HELPER = Path(__file__).with_name("crash_helper.py")
ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CONSOLE_DB_URL", None)
    return env


def _check_all(url: str, drills: list[str]) -> None:
    with open_store(url) as store:
        for drill_id in drills:
            drill = load_drill(store, drill_id)
            assert drill.status is DrillStatus.FINISHED, drill_id
            result = verify_drill(store, drill_id)
            assert result.ok, result.problems
            recorded = entries(store, drill_id)
            assert [e.seq for e in recorded] == list(range(drill.entries))
            assert engine_keys(recorded) == reference(drill), drill_id
        for other in list_drills(store):  # drills killed before their id was printed
            assert verify_drill(store, other.id).ok


def _kill_rounds(url: str, kills: int, seed: int) -> dict[str, object]:
    done = subprocess.run([sys.executable, str(HELPER), url, str(kills), str(seed)],
                          capture_output=True, text=True, env=_env(), timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    failed = [r for r in report["rounds"]  # type: ignore[attr-defined]
              if r["ended"] not in ("killed", "exit 0", "already finished")]
    assert not failed, json.dumps(failed, ensure_ascii=False)
    return report


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill helper forks (POSIX)")
def test_sigkill_at_24_random_points_then_resume_sqlite(tmp_path: Path) -> None:
    """24 SIGKILLs (random delay, after N batches, inside a transaction) over drills on
    SQLite: every drill resumes to exactly the uninterrupted run, its chain intact."""
    url = f"sqlite:///{tmp_path / 'crash.db'}"
    report = _kill_rounds(url, 24, 20261118)
    kills = report["kills"]
    assert sum(kills.values()) >= 24 and all(kills.values())  # type: ignore[attr-defined]
    _check_all(url, report["drills"])  # type: ignore[arg-type]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill helper forks (POSIX)")
def test_sigkill_then_resume_postgresql(pg_url: str) -> None:
    """The same on PostgreSQL: killed nine times, nothing lost or recorded twice."""
    report = _kill_rounds(pg_url, 9, 7)
    _check_all(pg_url, report["drills"])  # type: ignore[arg-type]


def _read_until(process: subprocess.Popen[bytes], predicate: object, timeout: float
                ) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    fd = process.stdout.fileno()
    buffer = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            lines += [d.decode() for d in done]
            if predicate(lines):  # type: ignore[operator]
                break
    return lines


def test_the_command_line_killed_and_resumed(tmp_path: Path) -> None:
    """``python -m console drill run`` killed after a few batches, ``drill resume`` killed
    at once, then resumed to the end: the same drill as an uninterrupted run."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    base = [sys.executable, "-m", "console", "drill"]
    run = subprocess.Popen(
        [*base, "run", "forest-fire", "--level", "III", "--at", "胜地社区", "--time",
         "2026-03-18 14:00", "--seed", "3", "--step", "0.1", "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(), cwd=ROOT)
    lines = _read_until(run, lambda ls: sum(1 for x in ls if x.startswith("[演练]")) >= 25, 60)
    run.send_signal(signal.SIGKILL)
    run.wait()
    drill_id = _drill_id(lines)
    assert drill_id, lines
    resume = subprocess.Popen([*base, "resume", drill_id, "--step", "0.1", "--db", url],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env(),
                              cwd=ROOT)
    _read_until(resume, lambda ls: any("已恢复" in x for x in ls), 60)
    resume.send_signal(signal.SIGKILL)
    resume.wait()
    final = subprocess.run([*base, "resume", drill_id, "--quiet", "--db", url],
                           capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120,
                           check=False)
    assert final.returncode == 0, final.stderr
    assert "已恢复" in final.stdout and "结束" in final.stdout
    _check_all(url, [drill_id])
    with open_store(url) as store:
        kinds = [e.kind for e in entries(store, drill_id)]
    assert kinds.count("recovered") == 2
