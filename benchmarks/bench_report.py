"""After-action report speed (issue #5). Prints its figures; exit 1 if a target is missed.

  report for a 2,000-event drill as .docx ............... ≤ 3 s (cold: imports included)
  the same as PDF and as HTML ........................... printed

Each format is timed end to end through ``render`` (charts drawn, file written). The
first render in a process pays for importing matplotlib, python-docx and reportlab and
for reading the CJK font; it is printed as "cold", the median of the rest as "warm".

Run: ``uv run python benchmarks/bench_report.py [--events 2000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.drills.report_samples import sample_report  # noqa: E402

DOCX_LIMIT_S = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    start = time.perf_counter()
    from console.drills.report import render

    import_s = time.perf_counter() - start
    data = sample_report("zh", events=args.events, participants=90)
    print(f"report data: {len(data.timeline):,} timeline entries, "
          f"{len(data.participants)} people, {len(data.gantt)} steps "
          f"(import {import_s * 1000:.0f} ms)")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("docx", "pdf", "html"):
            times = []
            path = Path(folder) / f"report.{fmt}"
            for _ in range(args.repeat + 1):
                start = time.perf_counter()
                render(data, fmt, path)
                times.append(time.perf_counter() - start)
            cold, warm = times[0], statistics.median(times[1:])
            verdict = ""
            if fmt == "docx":
                ok = max(cold, warm) <= DOCX_LIMIT_S
                failed |= not ok
                verdict = f"  target ≤ {DOCX_LIMIT_S:.0f} s: {'ok' if ok else 'MISSED'}"
            print(f"  {fmt:<5} cold {cold:6.2f} s   warm {warm:6.2f} s   "
                  f"{path.stat().st_size / 1024:7.0f} KiB{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
