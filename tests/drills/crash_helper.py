"""Kill a drill's process again and again: ``python tests/drills/crash_helper.py DB KILLS SEED``.

The helper imports the console once, then for each round forks a child that runs the real
command line (``drill run`` the first time, ``drill resume ID`` after) and SIGKILLs it:

- ``delay``: after a random delay (during start-up, replay or recording);
- ``lines``: after the child printed N progress lines (right after a batch committed,
  while it records the next);
- ``in_tx``: the child kills itself inside its k-th write transaction, after the rows
  were inserted and before the commit.

A last round resumes the drill unkilled to its end. Prints one JSON line: the drill id,
the kills by mode, the rounds in which the child finished by itself.
No database connection is open in this process when it forks.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from typing import Any

#: Virtual seconds per batch: small, so the drill spends long enough recording to be hit.
STEP = "0.05"
ARGS = ["--level", "I", "--at", "胜地社区", "--time", "2026-03-18 14:00", "--seed", "7",
        "--speed", "max", "--step", STEP, "--name", "crash-test"]


def _child(argv: list[str], write_fd: int, in_tx: int | None) -> None:
    os.dup2(write_fd, 1)
    os.dup2(write_fd, 2)
    sys.stdout = open(1, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
    if in_tx is not None:
        from console.drills import recorder

        original = recorder.Recorder.append
        calls = {"n": 0}

        def append(self: Any, drafts: Any, **kwargs: Any) -> Any:
            calls["n"] += 1
            if calls["n"] >= in_tx and drafts:
                def die(_conn: Any, _recorded: Any) -> None:
                    os.kill(os.getpid(), signal.SIGKILL)

                kwargs["then"] = die
            return original(self, drafts, **kwargs)

        recorder.Recorder.append = append  # type: ignore[method-assign]
    from console.cli import main

    code = main(argv)
    sys.stdout.flush()
    os._exit(code)


def _round(argv: list[str], mode: str, rng: random.Random) -> tuple[str, list[str], bool]:
    """Run one child; return (how it ended, its output lines, killed?)."""
    read_fd, write_fd = os.pipe()
    in_tx = rng.randint(1, 12) if mode == "in_tx" else None
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            _child(argv, write_fd, in_tx)
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(70)
    os.close(write_fd)
    lines: list[str] = []
    buffer = b""
    deadline = time.monotonic() + (rng.uniform(0.0, 0.4) if mode == "delay" else 30.0)
    wanted = rng.randint(1, 40) if mode == "lines" else None
    killed = False
    while True:
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        ready, _, _ = select.select([read_fd], [], [], timeout)
        if not ready:
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break  # the child ended (by itself, or killed itself in a transaction)
        buffer += chunk
        *done, buffer = buffer.split(b"\n")
        lines += [line.decode("utf-8", "replace") for line in done]
        if wanted is not None and sum(1 for line in lines if line.startswith("[")) >= wanted:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
    _, status = os.waitpid(pid, 0)
    os.close(read_fd)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        killed = True
    return ("killed" if killed else f"exit {os.waitstatus_to_exitcode(status)}"), lines, killed


def main() -> int:
    db, kills, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    import console.cli
    import console.drills.session  # noqa: F401

    drills: list[str] = []
    drill_id = ""
    counts = {"delay": 0, "lines": 0, "in_tx": 0}
    rounds: list[dict[str, Any]] = []
    modes = ("delay", "lines", "in_tx")
    while sum(counts.values()) < kills and len(rounds) < 4 * kills:
        mode = modes[len(rounds) % 3]
        if drill_id:
            argv = ["drill", "resume", drill_id, "--step", STEP, "--db", db,
                    *(["--quiet"] if mode == "delay" else [])]
        else:
            argv = ["drill", "run", "forest-fire", *ARGS, "--db", db]
        ended, lines, killed = _round(argv, mode, rng)
        if not killed and any("nothing to resume" in line for line in lines):
            # The child before was killed after it closed the drill, before saying so.
            ended, drill_id = "already finished", ""
        if not drill_id and argv[1] == "run":
            drill_id = _drill_id(lines)
            if drill_id:
                drills.append(drill_id)
        rounds.append({"drill": drill_id, "mode": mode, "ended": ended, "lines": len(lines),
                       "tail": lines[-2:]})
        if killed:
            counts[mode] += 1
        elif drill_id and any("结束" in line for line in lines):
            drill_id = ""  # finished by itself: the next round starts another drill
    if drill_id:
        ended, lines, _ = _round(["drill", "resume", drill_id, "--db", db], "final",
                                 random.Random(0))
        rounds.append({"drill": drill_id, "mode": "final", "ended": ended,
                       "lines": len(lines), "tail": lines[-2:]})
    print(json.dumps({"drills": drills, "kills": counts, "rounds": rounds},
                     ensure_ascii=False))
    return 0


def _drill_id(lines: list[str]) -> str:
    """The id in the first line ``drill run`` prints (``【演练 DRILL】演练 3fa94c1e 已创建：…``)."""
    for line in lines:
        for word in line.replace("：", " ").split():
            if len(word) == 8 and all(c in "0123456789abcdef" for c in word):
                return word
    return ""


if __name__ == "__main__":
    sys.exit(main())
