"""Start-up: from process start to an interactive main window with the plan library filled.

Every run is a new process (this script with ``--child``), offscreen, that imports the
console as ``python -m console`` does, opens the window, and prints the time at which the
library table is filled and the window is shown. The parent notes the time just before
starting it. The first run warms the file-system cache and the plan-library cache and is
not counted; a last run without the plan-library cache shows a first start after an
update. Settings and caches live in a scratch folder, not the user's.

Target (issue #6): median of the warm runs ≤ 0.8 s.
Run: ``uv run python benchmarks/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 0.8
ROOT = Path(__file__).resolve().parents[1]


def child() -> int:
    """Open the window; print ``READY <time> <plans>`` once the library is filled."""
    import console.cli  # noqa: F401 - what ``python -m console`` imports first
    from console.app import start

    app, window = start()

    def filled() -> None:
        if window.isVisible():
            print(f"READY {time.time():.6f} {window.library.model.rowCount()}", flush=True)
            app.quit()

    window.library.loaded.connect(filled)
    return app.exec()


def run_once(env: dict[str, str]) -> tuple[float, int]:
    """Seconds from process start to the filled window, and the plans listed."""
    started = time.time()
    result = subprocess.run([sys.executable, __file__, "--child"], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("READY "):
            _, when, plans = line.split()
            return float(when) - started, int(plans)
    raise SystemExit(f"the window did not report ready:\n{result.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="warm runs (default 7)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child()
    scratch = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           **{f"CONSOLE_{n}_DIR": str(scratch / n.lower()) for n in ("CONFIG", "DATA", "CACHE")}}
    try:
        run_once(env)  # warm-up: file-system cache, plan-library cache
        warm = [run_once(env) for _ in range(args.runs)]
        shutil.rmtree(scratch / "cache")
        cold_cache, _ = run_once(env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    times = [t for t, _ in warm]
    median = statistics.median(times)
    print(f"plans listed: {warm[0][1]}")
    print(f"warm runs (s): {' '.join(f'{t:.3f}' for t in times)}")
    verdict = "ok" if median <= TARGET_S else "SLOW"
    print(f"median: {median:.3f} s (target ≤ {TARGET_S} s) — {verdict}")
    print(f"without the plan-library cache (first start after an update): {cold_cache:.3f} s")
    return 0 if median <= TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
