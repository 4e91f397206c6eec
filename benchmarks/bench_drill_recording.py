"""Durable recording of drill timelines: events per second through ``Recorder.append``.

Target (issue #5): at least 20,000 events per second on SQLite (WAL, synchronous=FULL) in
batched transactions, hash chain included. Each batch is one transaction that reads the
chain's head, builds canonical JSON and SHA-256 for every event, inserts the rows and
moves the drill row on — exactly what a running ``DrillSession`` does. The events are
real engine events (level-Ⅰ forest-fire runs), shifted in time to make up the count.

Run: ``uv run python benchmarks/bench_drill_recording.py [--events N] [--pg URL]``.
PostgreSQL: ``--pg URL`` or $CONSOLE_BENCH_PG_URL; otherwise a throwaway server from the
installed binaries if there is one (started with fsync=off by the test helper, so its
figure is not a durability figure: say so when printing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.drills.prepare import DrillSpec, drill_values
from console.drills.recorder import Recorder, draft_of
from console.drills.records import insert_drill
from console.drills.verify import verify_drill
from console.simulation.events import TimelineEvent
from console.simulation.montecarlo import BatchSpec, simulate_one
from console.store import Store, open_store

TARGET = 20_000
BATCHES = (1000, 100, 10)


def engine_events(count: int) -> list[TimelineEvent]:
    """``count`` real engine events: level-Ⅰ runs with successive seeds, end to end."""
    spec = BatchSpec("plans/forest-fire.yaml", "I", "胜地社区", "2026-03-18T14:00")
    events: list[TimelineEvent] = []
    seed, offset = 0, 0.0
    while len(events) < count:
        run, _ = simulate_one(spec, seed)
        events += [replace(e, seq=len(events) + i, t=e.t + offset)
                   for i, e in enumerate(run.events)]
        offset = events[-1].t + 1.0
        seed += 1
    return events[:count]


def measure(store: Store, events: list[TimelineEvent], batch: int) -> tuple[float, str]:
    """Seconds to record ``events`` in batches of ``batch`` into a new drill."""
    spec = DrillSpec("forest-fire", "胜地社区", dt.datetime(2026, 3, 18, 14), level="I", seed=1)
    drill = insert_drill(store, drill_values(store, spec))
    recorder = Recorder(store, drill.id, holder="bench")
    clock = 0.0
    start = time.perf_counter()
    for i in range(0, len(events), batch):
        chunk = events[i:i + batch]
        clock = max(clock + 0.001, chunk[-1].t)
        recorder.append([draft_of(e) for e in chunk], clock=clock)
    return time.perf_counter() - start, drill.id


def report(label: str, store: Store, events: list[TimelineEvent]) -> float:
    best = 0.0
    for batch in BATCHES:
        count = len(events) if batch >= 100 else min(len(events), 20_000)
        seconds, drill_id = measure(store, events[:count], batch)
        rate = count / seconds
        best = max(best, rate)
        print(f"  {label}: {count:,} events in batches of {batch:>4}: {seconds:6.2f} s "
              f"= {rate:>9,.0f} events/s")
    start = time.perf_counter()
    ok = verify_drill(store, drill_id).ok
    print(f"  {label}: verify (recompute the chain) of {count:,} entries: "
          f"{time.perf_counter() - start:.2f} s, {'ok' if ok else 'FAILED'}")
    return best


def pg_url(given: str | None) -> tuple[str | None, str, object]:
    """A PostgreSQL URL, how durable it is, and what to close afterwards."""
    given = given or os.environ.get("CONSOLE_BENCH_PG_URL")
    if given:
        return given, "as configured", None
    try:
        from contextlib import ExitStack

        from tests.store import pgserver

        stack = ExitStack()
        admin = stack.enter_context(pgserver.throwaway_server())
        database = stack.enter_context(pgserver.scratch_database(admin))
        return (database.render_as_string(hide_password=False),
                "throwaway server, fsync=off: NOT a durability figure", stack)
    except Exception as exc:  # no server binaries here: report and skip
        print(f"  PostgreSQL: skipped ({exc})")
        return None, "", None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pg", help="a PostgreSQL URL to measure as well")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    start = time.perf_counter()
    events = engine_events(args.events)
    print(f"{len(events):,} engine events generated in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp, \
            open_store(f"sqlite:///{Path(tmp) / 'bench.db'}") as store:
        with store.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        print(f"SQLite (journal_mode={mode}, synchronous={sync} [2 = FULL]):")
        best = report("SQLite", store, events)
    verdict = "meets" if best >= TARGET else "MISSES"
    print(f"SQLite best: {best:,.0f} events/s — {verdict} the target of {TARGET:,}/s")
    url, note, closer = (None, "", None) if args.no_pg else pg_url(args.pg)
    if url:
        print(f"PostgreSQL ({note}):")
        try:
            with open_store(url) as store:
                report("PostgreSQL", store, events)
        finally:
            if closer is not None:
                closer.close()  # type: ignore[attr-defined]
    return 0 if best >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
