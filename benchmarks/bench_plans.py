"""Load + validate generated plans; prints the median time per size.

Targets (issue #2): 200 steps ≤ 20 ms, 2,000 steps ≤ 200 ms, median on a 2-core machine.
Run: ``uv run python benchmarks/bench_plans.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generated_plan_text

from console.plans import load_plan_text

TARGETS_MS = {200: 20.0, 2000: 200.0}


def measure(steps: int, repeat: int) -> tuple[float, int]:
    text = generated_plan_text(steps).encode("utf-8")
    result = load_plan_text(text, f"generated-{steps}.yaml")
    if not result.ok or result.diagnostics:
        raise SystemExit(f"generated plan is not clean: {result.diagnostics[:3]}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        load_plan_text(text, f"generated-{steps}.yaml")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    failed = False
    print(f"{'steps':>6} {'bytes':>9} {'median ms':>10} {'target ms':>10}  verdict")
    for steps, target in TARGETS_MS.items():
        median, size = measure(steps, args.repeat)
        verdict = "ok" if median <= target else "SLOW"
        failed |= median > target
        print(f"{steps:>6} {size:>9,} {median:>10.1f} {target:>10.0f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
