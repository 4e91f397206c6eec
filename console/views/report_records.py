"""Qt-free: what the reports page (报告) shows about the drills recorded in the store.

Every function here opens the store itself (``database``: a URL, else
``$CONSOLE_DB_URL``, else the user's SQLite file) and runs on a worker thread. The
store and the drill core are imported inside the functions, so that importing this
module costs nothing. A store or drill problem comes back as a ``Failure`` with the
core's one-line message (never a traceback); anything else is a bug and raises.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from console.store import Store

__all__ = [
    "FORMATS",
    "ComparedDrill",
    "Comparison",
    "DrillListing",
    "DrillMetrics",
    "DrillSummary",
    "Failure",
    "Listing",
    "TargetResult",
    "default_file_name",
    "export_report",
    "list_recorded",
    "measure_listed",
    "roman",
    "summarize",
]

#: The report formats, in the order of the export buttons.
FORMATS = ("docx", "pdf", "html")

log = logging.getLogger(__name__)

_ROMAN = {"IV": "Ⅳ", "III": "Ⅲ", "II": "Ⅱ", "I": "Ⅰ"}
_T = TypeVar("_T")


def roman(level: str) -> str:
    """A response level as its Roman numeral (``IV`` → ``Ⅳ``)."""
    return _ROMAN.get(level.strip().upper(), level)


@dataclass(frozen=True)
class Failure:
    """The store or the drill core refused: ``message`` is one line for the operator."""

    message: str
    location: str = ""  # the database, when known


@dataclass(frozen=True)
class DrillListing:
    """One recorded drill, from the drill row alone (cheap)."""

    id: str
    name: str
    plan_id: str
    plan_title: str
    level: str  # IV … I
    place: str
    started: dt.datetime | None  # wall clock (UTC), None while planned
    incident_time: dt.datetime  # the scenario's moment
    status: str  # planned / running / paused / finished / aborted
    real: bool  # a recorded real response, not an exercise
    clock: float  # virtual seconds recorded so far
    entries: int


@dataclass(frozen=True)
class Listing:
    """The drills of a store, oldest first, and where the store is."""

    location: str
    drills: tuple[DrillListing, ...]


@dataclass(frozen=True)
class DrillMetrics:
    """What measuring a drill's timeline gives: duration, close-loop time, targets."""

    duration: float | None  # virtual seconds from the alert to the end
    close_loop: float | None  # when the feedback stage (反馈) finished, from the alert
    met: int
    missed: int  # over the limit, or never reached by a drill that has ended
    problem: str = ""  # the drill could not be measured (then the rest is empty)
    places: tuple[str, str] = ("", "")  # the place's name in Chinese and in English
    plan_titles: tuple[str, str] = ("", "")  # the plan's title in Chinese and in English
    pending: int = 0  # not reached yet by a drill still open (planned, running, paused)


@dataclass(frozen=True)
class TargetResult:
    """One target of the drilled level, in the summary's language."""

    title: str
    step: str
    within: float
    actual: float | None  # None: never reached
    met: bool

    @property
    def margin(self) -> float | None:
        """Seconds to spare (negative: over the limit)."""
        return None if self.actual is None else self.within - self.actual


class ComparedDrill(NamedTuple):
    """A drill of a comparison: what tells it from the others of its plan (drills run the
    same day differ in their scenario's moment or level)."""

    id: str
    name: str
    date: dt.date  # the run's (wall clock) date
    incident_time: dt.datetime  # the scenario's moment
    level: str  # IV … I


@dataclass(frozen=True)
class Comparison:
    """Earlier finished drills of the same plan and this one (last), target by target."""

    drills: tuple[ComparedDrill, ...]
    targets: tuple[str, ...]  # titles
    values: tuple[tuple[tuple[float | None, bool], ...], ...]  # per target, per drill
    trends: tuple[str, ...]  # per target: better / worse / same / ""


@dataclass(frozen=True)
class DrillSummary:
    """The summary panel of one drill, in ``lang``."""

    lang: str
    listing: DrillListing
    drill_type: str
    plan_title: str  # in ``lang`` (the plan's English title where it has one)
    plan_version: str
    place: str  # the map's name of the place, in ``lang``
    metrics: DrillMetrics
    targets: tuple[TargetResult, ...]
    comparison: Comparison | None  # None: no earlier finished drill of the plan
    verified: bool
    verify_entries: int
    head_hash: str
    problems: tuple[str, ...]  # verification problems
    plan_changed: bool
    demo_roster: bool


@contextmanager
def _opened(database: str | None) -> Iterator[Store]:
    from console.store import open_store

    with open_store(database) as store:
        yield store


def _describe(database: str | None) -> str:
    """The database as the operator knows it (password hidden), before opening it."""
    from console.store import StoreError
    from console.store.engine import database_url, describe

    try:
        return describe(database_url(database))
    except StoreError:
        return database or ""


def _guarded(database: str | None, work: Callable[[Store], _T]) -> _T | Failure:
    """``work(store)``; a store or drill problem becomes a ``Failure``."""
    from sqlalchemy.exc import SQLAlchemyError

    from console.drills.model import DrillError
    from console.store import StoreError

    location = _describe(database)
    try:
        with _opened(database) as store:
            location = store.location
            return work(store)
    except (StoreError, DrillError) as exc:
        return Failure(str(exc), location)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return Failure(reason[0] if reason else type(exc).__name__, location)


def _listing(drill: Any) -> DrillListing:
    return DrillListing(
        id=drill.id, name=drill.name, plan_id=drill.plan_id, plan_title=drill.plan_title,
        level=drill.level, place=drill.place, started=drill.started,
        incident_time=drill.incident_time, status=drill.status.value, real=not drill.drill,
        clock=drill.clock, entries=drill.entries)


def list_recorded(database: str | None = None) -> Listing | Failure:
    """Every drill recorded in the store (exercises and real responses), oldest first."""
    from console.drills.records import list_drills

    def work(store: Store) -> Listing:
        drills = list_drills(store, light=True)
        return Listing(store.location, tuple(_listing(d) for d in drills))

    return _guarded(database, work)


def _metrics(measured: Any) -> DrillMetrics:
    from console.plans.vocabulary import Stage
    from console.roster.townmap import MapError

    close_loop = next((s.actual for s in measured.stages
                       if s.stage is Stage.FEEDBACK and s.steps), None)
    met = sum(1 for t in measured.targets if t.met)
    pending = 0 if measured.drill.status.closed else \
        sum(1 for t in measured.targets if not t.met and t.actual is None)
    place = measured.drill.place
    town = measured.world.town
    try:
        places = (town.label(place, "zh"), town.label(place, "en")) if town else (place, place)
    except MapError:  # an unknown or ambiguous place is shown as recorded
        places = (place, place)
    plan = measured.world.plan
    return DrillMetrics(measured.end_time, close_loop, met, len(measured.targets) - met - pending,
                        places=places, plan_titles=(plan.title, plan.title_en or plan.title),
                        pending=pending)


def measure_listed(database: str | None, ids: Sequence[str]
                   ) -> dict[str, DrillMetrics] | Failure:
    """Measure each drill's timeline (a drill that cannot be measured says why)."""
    from console.drills.measure import measure
    from console.drills.model import DrillError
    from console.drills.records import load_drill

    def work(store: Store) -> dict[str, DrillMetrics]:
        found = {}
        for drill_id in ids:
            try:
                found[drill_id] = _metrics(measure(store, load_drill(store, drill_id)))
            except DrillError as exc:
                found[drill_id] = DrillMetrics(None, None, 0, 0, str(exc))
            except Exception as exc:  # one record the core cannot read spoils no other row
                log.warning("drill %s cannot be measured", drill_id, exc_info=True)
                found[drill_id] = DrillMetrics(None, None, 0, 0,
                                               f"{type(exc).__name__}: {exc}")
        return found

    return _guarded(database, work)


#: At most this many earlier drills are compared with the selected one.
EARLIER = 5


def summarize(database: str | None, drill_id: str, lang: str = "zh"
              ) -> DrillSummary | Failure:
    """The summary of one drill in ``lang`` (zh | en): targets met and missed with their
    margins, close-loop time, the comparison with earlier drills of its plan, and
    whether its timeline verifies."""
    from console.drills.compare import comparison_of, earlier_drills
    from console.drills.evaluation import plan_changed
    from console.drills.measure import measure
    from console.drills.model import drill_type_text
    from console.drills.names import Namer
    from console.drills.records import load_drill
    from console.drills.verify import verify_drill

    def work(store: Store) -> DrillSummary:
        drill = load_drill(store, drill_id)
        m = measure(store, drill)
        namer = Namer(m.world.plan, m.world.roster, m.world.town, lang)
        targets = tuple(TargetResult(namer.target(t.target), namer.step(t.step), t.within,
                                     t.actual, t.met) for t in m.targets)
        comparison = None
        earlier = earlier_drills(store, drill, limit=EARLIER) if drill.drill else []
        if earlier:
            compared = comparison_of([measure(store, d) for d in earlier] + [m], lang=lang)
            comparison = Comparison(
                tuple(ComparedDrill(d.id, d.name, (d.started or d.created).date(), d.incident_time,
                                    d.level) for d in compared.drills),
                tuple(compared.titles[t] for t in compared.targets),
                tuple(compared.values[t] for t in compared.targets),
                tuple(compared.trend(t) for t in compared.targets))
        check = verify_drill(store, drill.id, lang=lang)
        plan = m.world.plan
        return DrillSummary(
            lang=lang, listing=_listing(drill),
            drill_type=drill_type_text(drill.form.value, drill.content.value, lang),
            plan_title=plan.title_en if lang == "en" and plan.title_en else plan.title,
            plan_version=drill.plan_version, place=namer.place(drill.place),
            metrics=_metrics(m), targets=targets, comparison=comparison,
            verified=check.ok, verify_entries=check.chain.entries,
            head_hash=check.chain.head, problems=check.problems,
            plan_changed=plan_changed(drill), demo_roster=drill.roster_demo)

    return _guarded(database, work)


def export_report(database: str | None, drill_id: str, fmt: str, path: str | Path,
                  lang: str = "zh") -> Path | Failure:
    """Evaluate the drill and write its after-action report (演练评估报告) to ``path`` as
    ``fmt`` (docx, pdf, html). A file that cannot be written is a ``Failure`` too."""
    from console.drills.evaluation import evaluate
    from console.drills.report import render

    target = Path(path)

    def work(store: Store) -> Path:
        data = evaluate(store, drill_id, lang=lang)
        return render(data, fmt, target)

    try:
        return _guarded(database, work)
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        return Failure(f"{target}: {reason}")


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(drill: DrillListing, fmt: str, pattern: str) -> str:
    """A file name for the drill's report: ``pattern`` (the UI's ``%1演练评估报告`` or
    ``%1 after-action report``) filled with the drill's name, the characters no file
    system takes replaced, and ``fmt`` as the suffix."""
    name = _UNSAFE.sub("_", drill.name).strip(" ._") or drill.id
    text = pattern.replace("%1", name).replace("演练演练", "演练")
    return f"{_UNSAFE.sub('_', text).strip()}.{fmt}"
