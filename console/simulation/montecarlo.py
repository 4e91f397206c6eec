"""Monte Carlo batches: many runs of one activation, spread over processes.

Each run's seed is derived from the root seed and the run's index alone, and results
are put back in index order, so a batch gives the same numbers whatever the number of
workers. Works with the ``spawn`` start method (Windows): a worker receives only a
small, picklable ``BatchSpec`` and loads the plan, roster and map itself, once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from console.plans.levels import parse_level
from console.plans.loader import read_plan

from .activation import Activation, MapTravel
from .engine import Run
from .scenario import load_scenario
from .summary import summarise

__all__ = ["BatchResult", "BatchSpec", "RunOutcome", "derive_seed", "run_batch", "simulate_one"]

Progress = Callable[[int, int], None]
CHUNK = 25


@dataclass(frozen=True)
class BatchSpec:
    """What to simulate; plain values only, so it crosses process boundaries cheaply."""

    plan_path: str
    level: str
    place: str
    time: str  # ISO, e.g. 2026-03-18T14:00
    rain: str = "none"
    closed: tuple[str, ...] = ()
    scenario_path: str | None = None
    roster_db: str | None = None  # None: the roster in use (store, else demo)
    map_path: str | None = None
    short_units: tuple[str, ...] = ()  # units whose people are all away (a short-staffed board)
    label: str = ""


@dataclass(frozen=True)
class RunOutcome:
    seed: int
    end_reason: str
    end_time: float
    targets: tuple[tuple[str, float, bool], ...]  # (target, actual seconds, met)
    first_ack: float | None
    causes: tuple[str, ...]  # the top links of the chain behind the close-loop time
    never_answered: int


def derive_seed(root: int, index: int) -> int:
    """The seed of run ``index`` in a batch: a hash of both, independent of scheduling."""
    digest = hashlib.sha256(f"contingency-console/{root}/{index}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


@lru_cache(maxsize=8)
def _world(spec: BatchSpec) -> tuple[Any, ...]:
    """Plan, roster, travel, incident and injects for a spec: loaded once per process."""
    from console.roster.incident import incident_at
    from console.roster.townmap import load_town_map

    from .rosters import roster_in_use, without_units

    plan = read_plan(spec.plan_path)
    town = load_town_map(spec.map_path)
    roster = without_units(roster_in_use(spec.roster_db), spec.short_units)
    incident = incident_at(town, spec.place, dt.datetime.fromisoformat(spec.time), plan.hazard)
    injects = load_scenario(spec.scenario_path).injects if spec.scenario_path else ()
    return plan, roster, MapTravel(town), incident, injects, {}


def simulate_one(spec: BatchSpec, seed: int) -> tuple[Run, Any]:
    """One run of the spec with this seed, to the end; returns the run and its summary."""
    plan, roster, travel, incident, injects, shared = _world(spec)
    activation = Activation(plan, parse_level(spec.level), incident, roster,
                            rain=spec.rain, closed=frozenset(spec.closed), seed=seed)  # type: ignore[arg-type]
    run = Run(activation, travel, injects=injects, shared=shared)
    run.run_to_end()
    return run, summarise(plan, run.events, roster)


def _outcome(spec: BatchSpec, seed: int) -> RunOutcome:
    _, summary = simulate_one(spec, seed)
    causes = tuple(f"{c.kind}:{c.role or c.step}" for c in summary.causes[:3])
    return RunOutcome(seed, summary.end_reason, summary.end_time,
                      tuple((t.target, t.actual, t.met) for t in summary.targets),
                      summary.first_ack, causes, len(summary.never_answered))


def _chunk(spec: BatchSpec, seeds: Sequence[int]) -> list[RunOutcome]:
    return [_outcome(spec, seed) for seed in seeds]


@dataclass(frozen=True)
class BatchResult:
    spec: BatchSpec
    root_seed: int
    outcomes: tuple[RunOutcome, ...]
    targets: tuple[str, ...] = field(default=())

    @property
    def runs(self) -> int:
        return len(self.outcomes)

    def values(self, target: str) -> list[float]:
        """The target's actual times over the runs that reached its step."""
        return [a for o in self.outcomes for name, a, _ in o.targets if name == target]

    def p_met(self, target: str) -> float:
        """Probability of meeting the target: runs that met it / all runs (a run that never
        reached the step did not meet it)."""
        met = sum(1 for o in self.outcomes for name, _, ok in o.targets if name == target and ok)
        return met / self.runs if self.runs else math.nan

    def quantiles(self, target: str) -> dict[str, float]:
        values = sorted(self.values(target))
        return {q: _quantile(values, p) for q, p in (("p50", .5), ("p90", .9), ("p99", .99))}

    def held_back(self, top: int = 5) -> list[tuple[str, float]]:
        """What most often held the close-loop time back: the largest link of each run."""
        counts = Counter(o.causes[0] for o in self.outcomes if o.causes)
        return [(cause, n / self.runs) for cause, n in counts.most_common(top)]

    def histogram(self, target: str, bins: int = 12) -> list[tuple[float, float, int]]:
        values = self.values(target)
        if not values:
            return []
        low, high = min(values), max(values)
        width = (high - low) / bins or 1.0
        counts = [0] * bins
        for v in values:
            counts[min(bins - 1, int((v - low) / width))] += 1
        return [(low + i * width, low + (i + 1) * width, n) for i, n in enumerate(counts)]


def _quantile(values: list[float], p: float) -> float:
    if not values:
        return math.nan
    index = min(len(values) - 1, max(0, math.ceil(p * len(values)) - 1))
    return values[index]


def run_batch(spec: BatchSpec, runs: int, root_seed: int = 0, *, workers: int | None = None,
              progress: Progress | None = None) -> BatchResult:
    """Simulate ``runs`` runs; ``workers`` processes (default: CPU count; 1: in this process)."""
    seeds = [derive_seed(root_seed, i) for i in range(runs)]
    chunks = [seeds[i:i + CHUNK] for i in range(0, runs, CHUNK)]
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    results: list[list[RunOutcome]] = [[] for _ in chunks]
    done = 0
    if workers == 1 or len(chunks) == 1:
        for i, chunk in enumerate(chunks):
            results[i] = _chunk(spec, chunk)
            done += len(chunk)
            if progress:
                progress(done, runs)
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
            futures = {pool.submit(_chunk, spec, chunk): i for i, chunk in enumerate(chunks)}
            from concurrent.futures import as_completed

            for future in as_completed(futures):
                i = futures[future]
                results[i] = future.result()
                done += len(chunks[i])
                if progress:
                    progress(done, runs)
    outcomes = tuple(o for chunk in results for o in chunk)
    plan = read_plan(spec.plan_path)
    return BatchResult(spec, root_seed, outcomes, tuple(plan.targets))


def variants(spec: BatchSpec, names: Sequence[str]) -> list[BatchSpec]:
    """Conditions to compare: ``night``, ``day``, ``rain`` (heavy), ``closed:SEG``,
    ``short:UNIT`` (everyone of a unit away). The base spec comes first."""
    out = [replace(spec, label=spec.label or "base")]
    for name in names:
        kind, _, arg = name.partition(":")
        if kind == "night":
            out.append(replace(spec, time=spec.time[:11] + "02:00", label="night 02:00"))
        elif kind == "day":
            out.append(replace(spec, time=spec.time[:11] + "14:00", label="day 14:00"))
        elif kind == "rain":
            out.append(replace(spec, rain=arg or "heavy", label=f"rain {arg or 'heavy'}"))
        elif kind == "closed" and arg:
            out.append(replace(spec, closed=(*spec.closed, arg), label=f"closed {arg}"))
        elif kind == "short" and arg:
            out.append(replace(spec, short_units=(*spec.short_units, arg), label=f"short {arg}"))
        else:
            raise ValueError(f"unknown condition '{name}': use night, day, rain[:moderate], "
                             "closed:SEGMENT or short:UNIT")
    return out
