"""An observer seat in a process of its own: ``python tests/drills/seat_helper.py DB``.

Waits for a drill to appear in the database, follows its timeline (``Follower``) while
the operator's process records it, adds an observation every 8 entries it sees, drops
its connection once half-way and reconnects from its last seq, and stops when the drill
has finished and nothing new came. Prints JSON: the seqs it saw, in order, and the seqs
of the observations it added.
"""

from __future__ import annotations

import json
import sys
import time

from console.drills.entries import observe
from console.drills.records import Follower, list_drills, load_drill
from console.store import open_store


def main() -> int:
    url = sys.argv[1]
    seen: list[int] = []
    added: list[int] = []
    reconnects = 0
    deadline = time.monotonic() + 120
    store = open_store(url)
    try:
        while not list_drills(store) and time.monotonic() < deadline:
            time.sleep(0.02)
        drill_id = list_drills(store)[0].id
        follower = Follower(store, drill_id)
        since_note = 0
        while time.monotonic() < deadline:
            closed = load_drill(store, drill_id).status.closed
            new = follower.poll()
            seen += [e.seq for e in new]
            since_note += len(new)
            if since_note >= 8 and not closed:
                since_note = 0
                entry = observe(store, drill_id, f"第{len(added) + 1}条观察：调度有序",
                                step="notify_grid", rating=1 + len(added) % 5,
                                observer="观察员乙")
                added.append(entry.seq)
            if reconnects == 0 and len(seen) > 60:
                store.close()  # the seat loses its connection…
                time.sleep(0.3)
                store = open_store(url)  # …and catches up from its last seq
                follower = Follower(store, drill_id, after=follower.last)
                reconnects += 1
            if closed and not new:
                break
            time.sleep(0.02)
    finally:
        store.close()
    print(json.dumps({"drill": drill_id, "seen": seen, "added": added,
                      "reconnects": reconnects}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
