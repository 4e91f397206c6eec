"""Import a generated 10,000-row roster workbook (.xlsx); prints seconds and peak memory.

Target (issue #3): 10,000 rows in ≤ 5 s with bounded memory (rows are streamed).
Run: ``uv run python benchmarks/bench_roster_import.py [--rows N] [--csv]``.
The time is measured without tracemalloc (which slows Python down); the peak memory in
a second, traced run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.plans.vocabulary import Channel, Unit
from console.roster.demo import GRIDS, VILLAGES
from console.roster.model import Person, Roster
from console.roster.roster_import import import_roster
from console.roster.table_columns import TAG_NAMES
from console.roster.table_write import write_people

TARGET_SECONDS = 5.0


def generated_roster(rows: int, seed: int = 3) -> Roster:
    """``rows`` valid people with unique ids and phones, spread over units and grids."""
    rng = random.Random(seed)
    tags = list(TAG_NAMES)
    units = list(Unit)
    people = []
    for number in range(rows):
        unit = rng.choice(units)
        grid = rng.choice(GRIDS)
        village = grid.village if unit is Unit.VILLAGE else None
        people.append(Person(
            id=f"P{number:06d}", name=f"测试{number}", phone=f"139{number:08d}", unit=unit,
            post="网格员" if village else "干事", village=village,
            tags=frozenset(rng.sample(tags, 3)), grids=(grid.id,) if village else (),
            home=grid.id, duty_location=village or "town_centre",
            channels=(Channel.PHONE, Channel.SMS, Channel.WECHAT)))
    return Roster(tuple(people), VILLAGES, GRIDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--csv", action="store_true", help="a .csv file instead of .xlsx")
    args = parser.parse_args()
    base = Roster((), VILLAGES, GRIDS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"roster-{args.rows}.{'csv' if args.csv else 'xlsx'}"
        start = time.perf_counter()
        write_people(path, generated_roster(args.rows))
        written = time.perf_counter() - start

        start = time.perf_counter()
        result = import_roster(path, base)
        seconds = time.perf_counter() - start
        if result.roster is None or len(result.roster) != args.rows:
            raise SystemExit(f"import failed: {[str(p) for p in result.errors[:3]]}")

        tracemalloc.start()
        import_roster(path, base)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        size = path.stat().st_size

    verdict = "ok" if seconds <= TARGET_SECONDS else "SLOW"
    print(f"{'rows':>7} {'file':>6} {'bytes':>10} {'write s':>8} {'import s':>9} "
          f"{'peak MiB':>9} {'target s':>9}  verdict")
    print(f"{args.rows:>7,} {path.suffix:>6} {size:>10,} {written:>8.2f} {seconds:>9.2f} "
          f"{peak / 2**20:>9.1f} {TARGET_SECONDS:>9.1f}  {verdict}")
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())
