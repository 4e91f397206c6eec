"""``DrillSession``: the engine connected to the store.

    session = DrillSession.create(store, setup)      # or DrillSession.open(store, "3fa9")
    session.start()
    while not session.ended:
        session.advance(session.now + 60)            # one batch, one short transaction
    # or: session.run(speed=60.0, stop=lambda: stopping)

Each ``advance`` runs the engine to a virtual time and records the events it produced in
one transaction, with the clock reached (``recorder.py``). Operator injects are recorded
before they are applied, so a crash never loses one. When the store fails (disk full,
server gone) the session pauses with the reason, keeps the unrecorded batch in memory and
retries; once the store is back the batch is recorded and the drill goes on. A killed
process loses nothing committed: ``DrillSession.open`` replays the run to the recorded
clock (``resume.py``). Simulated notifications go nowhere: the engine only yields events.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from typing import Any

from console.plans.levels import parse_level
from console.simulation.injects import Inject
from console.store import Store, StoreError

from .model import Drill, DrillError, DrillStatus, Entry, Source
from .recorder import Draft, Recorder, draft_of, holder_id
from .records import entries, find_drill, load_drill, utc_now
from .resume import INJECT_KIND, REQUEST_KIND, replay
from .snapshot import inject_from_json, inject_to_json
from .world import DrillRun, World, build_run, world_of

__all__ = ["SPEEDS", "DrillSession", "StoreUnavailable", "parse_speed"]

#: Clock speeds the CLI offers: as fast as possible, 60× and 1× real time.
SPEEDS = ("max", "60", "1")
#: At speed max, each batch advances the virtual clock this far.
MAX_STEP = 60.0
#: A drill stops by itself after this much virtual time (a safety net).
LIMIT = 7 * 86400.0
#: Seconds between heartbeats written while nothing else is.
HEARTBEAT_S = 5.0
#: A running drill whose holder wrote nothing for this long is taken to be dead.
STALE_S = 30.0
#: How often a running session looks for injects other seats asked for.
REQUEST_POLL_S = 0.5

Batch = Callable[[list[Entry]], None]
Problem = Callable[[str], None]


class StoreUnavailable(DrillError):
    """The store could not record a batch; the batch is kept and retried."""


def parse_speed(text: str | float | None) -> float | None:
    """``max`` → None (as fast as possible); ``60`` → 60.0; ``1`` → 1.0 (real time)."""
    if text is None or str(text).strip().lower() in ("max", "", "inf"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise DrillError(f"speed '{text}' is not max or a number (60, 1)") from None
    if not value > 0:
        raise DrillError("speed must be above 0")
    return value


class DrillSession:
    """One process driving one drill. Not thread-safe: drive it from one thread."""

    def __init__(self, store: Store, drill: Drill, run: DrillRun, world: World,
                 *, author: str = "") -> None:
        self.store = store
        self.drill = drill
        self.run_ = run
        self.world = world
        self.author = author
        self.holder = holder_id()
        self.recorder = Recorder(store, drill.id, holder=self.holder)
        self._status = drill.status
        self.problem = ""  # why the session is paused by itself (the store failed), or ""
        self._pending: list[Draft] = []
        self._last_write = time.monotonic()
        self._seen = drill.entries - 1  # last seq this session knows of
        self._requests_after = -1  # inject requests up to this seq were looked at
        self._handled: set[int] = set()  # seqs of requests already applied
        self._last_poll = 0.0

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, store: Store, values: dict[str, Any], *, author: str = "") -> DrillSession:
        """Record a new drill (``prepare.drill_values`` builds ``values``) and open it."""
        from .records import insert_drill

        drill = insert_drill(store, values)
        world = world_of(drill)
        return cls(store, drill, build_run(drill, world), world, author=author)

    @classmethod
    def open(cls, store: Store, ref: str, *, force: bool = False,
             author: str = "") -> DrillSession:
        """Open an unfinished drill to continue it: after a pause, or after a crash. The run
        is rebuilt and replayed to the recorded clock, every event checked
        (``ReplayMismatch`` on a difference)."""
        drill = find_drill(store, ref)
        if drill.status.closed:
            raise DrillError(f"drill {drill.id} is {drill.status.value} "
                             f"({drill.status.zh}); there is nothing to resume")
        if not force:
            _refuse_if_held(drill)
        world = world_of(drill)
        recorded = entries(store, drill.id) if drill.entries else []
        run = replay(drill, recorded, world) if recorded else build_run(drill, world)
        session = cls(store, drill, run, world, author=author)
        session._handled = {int(e.data["request"]) for e in recorded
                            if e.kind == INJECT_KIND and e.data.get("request") is not None}
        if drill.status is DrillStatus.RUNNING and drill.holder:
            # It was running when its process died: say so in the timeline, and claim it.
            session._write([Draft(run.now, "recovered", drill.id,
                                  {"clock": run.now, "entries": drill.entries,
                                   "previous_holder": drill.holder}, Source.SYSTEM.value,
                                  author)])
        return session

    # -- state -------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        """The drill's id."""
        return self.drill.id

    @property
    def now(self) -> float:
        """The virtual time the run has reached (seconds from the alert)."""
        return self.run_.now

    @property
    def ended(self) -> bool:
        """The run ended (or the drill was closed)."""
        return self.run_.ended or self._status.closed

    @property
    def status(self) -> DrillStatus:
        """The status as this session sees it (``paused`` while the store is away)."""
        return DrillStatus.PAUSED if self.problem else self._status

    def refresh(self) -> Drill:
        """Read the drill record again."""
        self.drill = load_drill(self.store, self.drill.id)
        return self.drill

    # -- commands ----------------------------------------------------------------------------

    def start(self) -> None:
        """Planned or paused → running."""
        if self._status is DrillStatus.RUNNING:
            return
        reason = "start" if self._status is DrillStatus.PLANNED else "resume"
        self._write([], status=DrillStatus.RUNNING, reason=reason, source=Source.OPERATOR)

    def pause(self, reason: str = "") -> None:
        """Running → paused; the engine stands still until ``start``."""
        if self._status is DrillStatus.RUNNING:
            self._write(self._take_pending(), clock=self.now, status=DrillStatus.PAUSED,
                        reason=reason or "operator", source=Source.OPERATOR)

    def finish(self, reason: str = "") -> None:
        """Record what is left and close the drill as finished."""
        if not self._status.closed:
            self._write(self._take_pending(), clock=self.now, status=DrillStatus.FINISHED,
                        reason=reason or getattr(self.run_, "end_reason", "") or "operator",
                        source=Source.OPERATOR)

    def abort(self, reason: str = "") -> None:
        """Close the drill as aborted (it will not be evaluated as complete)."""
        if not self._status.closed:
            self._write(self._take_pending(), clock=self.now, status=DrillStatus.ABORTED,
                        reason=reason or "operator", source=Source.OPERATOR)

    def advance(self, until: float) -> list[Entry]:
        """Run the engine to virtual second ``until`` and record what happened, in one
        transaction. The drill finishes by itself when the run ends. ``StoreUnavailable``
        when the store fails: the batch is kept (``retry``) and the engine stands still."""
        if self._status is not DrillStatus.RUNNING:
            raise DrillError(f"drill {self.id} is {self._status.value}: start it first")
        if self.problem and not self.retry():
            raise StoreUnavailable(self.problem)
        wall = utc_now()
        for event in self.run_.run_until(min(until, LIMIT)):
            self._pending.append(draft_of(event, wall))
        final = self._final_status()
        if not self._pending and final is None and not self._heartbeat_due():
            return []
        status, reason = final if final is not None else (None, "")
        return self._record_pending(status, reason)

    def _final_status(self) -> tuple[DrillStatus, str] | None:
        if self.run_.ended:
            return DrillStatus.FINISHED, self.run_.end_reason or "complete"
        if self.now >= LIMIT:
            return DrillStatus.FINISHED, "time_limit"
        return None

    def inject(self, inject: Inject, *, request: int | None = None) -> Entry:
        """Apply an inject now (on demand), recorded first so that a crash cannot lose it.
        ``request``: the seq of the ``inject_request`` entry it answers."""
        if self._status is not DrillStatus.RUNNING or self.problem:
            raise DrillError(f"drill {self.id} is {self.status.value}: injects go into a "
                             "running drill")
        if inject.kind.value == "set_level":
            parse_level(inject.get("level"))  # refuse a bad level before recording it
        data: dict[str, Any] = {"inject": inject_to_json(inject), "message": inject.message}
        if request is not None:
            data["request"] = request
        command = Draft(self.now, INJECT_KIND, inject.kind.value, data, Source.OPERATOR.value,
                        self.author)
        recorded = self._write([*self._take_pending(), command], clock=self.now)
        self.run_.apply(inject)
        if request is not None:
            self._handled.add(request)
        return recorded[-1]

    def release(self) -> None:
        """Stop holding the drill without closing it (a tabletop or live drill stays open
        for the operator's entries); a later ``open`` is then not a crash recovery."""
        try:
            self.recorder.release()
        except StoreError as exc:
            raise StoreUnavailable(f"drill {self.id}: the store cannot record: {exc}") from exc

    def apply_requests(self) -> list[Entry]:
        """Apply the injects other seats asked for (``drill inject``) since the last look;
        returns the inject commands recorded. A store that cannot be read now is tried
        again at the next look."""
        applied: list[Entry] = []
        try:
            asked = entries(self.store, self.id, after=self._requests_after, kind=REQUEST_KIND)
        except StoreError:
            return applied
        for entry in asked:
            self._requests_after = entry.seq
            if entry.seq in self._handled or self.ended:
                continue
            try:
                inject = inject_from_json(entry.data["inject"])
                applied.append(self.inject(inject, request=entry.seq))
            except StoreUnavailable:
                raise
            except (KeyError, ValueError, DrillError):
                self._handled.add(entry.seq)  # unusable: never retried
        return applied

    def retry(self) -> bool:
        """Try again to record what the store refused; True when it is recorded. The pause
        is then recorded after the batch, with its reason, and the drill runs again."""
        if not self.problem:
            return True
        since = self.problem
        try:
            self._write(list(self._pending), clock=self.now)
            self._pending.clear()
            self._write([], status=DrillStatus.PAUSED, reason=since)
            self._write([], status=DrillStatus.RUNNING, reason="store available again")
            final = self._final_status()
            if final is not None:
                self._write([], clock=self.now, status=final[0], reason=final[1])
        except StoreUnavailable as exc:
            self.problem = f"{since.split(': ', 1)[0]}: {exc}"
            return False
        self.problem = ""
        return True

    def poll(self) -> list[Entry]:
        """Entries other seats recorded since this session last looked."""
        new = entries(self.store, self.id, after=self._seen)
        if new:
            self._seen = new[-1].seq
        return new

    # -- running -----------------------------------------------------------------------------

    def run(self, speed: float | None = None, *, stop: Callable[[], bool] = lambda: False,
            on_batch: Batch | None = None, on_problem: Problem | None = None,
            until: float | None = None, tick: float = 0.25, retry_every: float = 1.0,
            step: float = MAX_STEP) -> DrillStatus:
        """Drive the drill: ``speed`` None is as fast as possible (``step`` virtual seconds a
        batch), else that many virtual seconds per real second. Returns when the run ends,
        when ``until`` (virtual) is reached, or when ``stop()`` says so (the drill is then
        paused). Store failures pause and retry every ``retry_every`` seconds."""
        self.start()
        wall0, virtual0 = time.monotonic(), self.now
        fresh = False  # an inject was applied that the engine has not yet acted on
        while not self.ended:
            if stop():
                self.pause("operator")
                break
            if time.monotonic() - self._last_poll >= REQUEST_POLL_S:
                self._last_poll = time.monotonic()
                try:
                    commands = self.apply_requests()
                except StoreUnavailable:
                    commands = []  # the batch below meets the same failure and handles it
                fresh = fresh or bool(commands)
                if commands and on_batch is not None:
                    on_batch(commands)
            if until is not None and self.now >= until and not fresh:
                break
            if speed is None:
                target = round(self.now + step, 6)
            else:
                time.sleep(tick)
                target = round(virtual0 + (time.monotonic() - wall0) * speed, 3)
            if until is not None:
                # past ``until`` only to let a just-applied inject take effect
                target = min(target, until) if self.now < until else self.now + 1.0
            try:
                batch = self.advance(target)
            except StoreUnavailable as exc:
                if on_problem is not None:
                    on_problem(str(exc))
                if not self._wait_for_store(stop, retry_every, on_problem):
                    break
                wall0, virtual0 = time.monotonic(), self.now
                continue
            fresh = False
            if batch and on_batch is not None:
                on_batch(batch)
        return self.status

    def _wait_for_store(self, stop: Callable[[], bool], every: float,
                        on_problem: Problem | None) -> bool:
        while not stop():
            time.sleep(every)
            if self.retry():
                if on_problem is not None:
                    on_problem("")
                return True
        return False

    # -- writing ---------------------------------------------------------------------------

    def _take_pending(self) -> list[Draft]:
        pending, self._pending = self._pending, []
        return pending

    def _heartbeat_due(self) -> bool:
        return time.monotonic() - self._last_write >= HEARTBEAT_S

    def _record_pending(self, status: DrillStatus | None, reason: str) -> list[Entry]:
        try:
            recorded = self._write(list(self._pending), clock=self.now, status=status,
                                   reason=reason)
        except StoreUnavailable as exc:
            self.problem = f"store unavailable since {utc_now():%H:%M:%S} UTC: {exc}"
            raise
        self._pending.clear()
        return recorded

    def _write(self, drafts: list[Draft], *, clock: float | None = None,
               status: DrillStatus | None = None, reason: str = "",
               source: Source = Source.SYSTEM) -> list[Entry]:
        try:
            recorded = self.recorder.append(drafts, clock=clock, status=status, reason=reason,
                                            status_source=source.value, author=self.author)
        except StoreError as exc:
            raise StoreUnavailable(f"drill {self.id}: the store cannot record: {exc}") from exc
        self._last_write = time.monotonic()
        if status is not None:
            self._status = status
        if recorded:
            self._seen = max(self._seen, recorded[-1].seq)
        return recorded


def _refuse_if_held(drill: Drill) -> None:
    """Refuse to open a drill another live process is running."""
    if drill.status is not DrillStatus.RUNNING or not drill.holder:
        return
    host, _, pid_text = drill.holder.rpartition(":")
    if host == socket.gethostname():
        try:
            pid = int(pid_text)
        except ValueError:
            return
        if pid != os.getpid() and _alive(pid):
            raise DrillError(f"drill {drill.id} is being run by process {pid} on this "
                             "machine; stop it first (Ctrl+C pauses it)")
        return
    if drill.heartbeat is not None and (utc_now() - drill.heartbeat).total_seconds() < STALE_S:
        raise DrillError(f"drill {drill.id} is being run on {host} (last seen "
                         f"{drill.heartbeat:%H:%M:%S} UTC); use --force to take it over")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
