"""``drill verify``: is a drill's record as it was written?

Recomputes the timeline's hash chain (any edited, deleted, inserted or reordered entry,
and a truncated tail, is found: ``chain.py``), checks the stored plan copy against its
hash, and checks each observation row against the chained entry that recorded it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select

from console.store import Store

from .chain import ChainCheck, check_chain
from .entries import OBSERVATION
from .model import Drill
from .records import drill_rows, entries, find_drill

__all__ = ["Verification", "verify_drill"]


@dataclass(frozen=True)
class Verification:
    """What ``verify_drill`` found: the chain check and every problem."""

    drill: Drill
    chain: ChainCheck
    problems: tuple[str, ...]  # the chain's problems first, then the others

    @property
    def ok(self) -> bool:
        """Nothing was altered."""
        return not self.problems


def verify_drill(store: Store, ref: str, *, lang: str = "zh") -> Verification:
    """Check drill ``ref``'s record; ``ok`` when nothing was altered."""
    zh = lang == "zh"
    drill = find_drill(store, ref)
    chain = check_chain(drill.id, drill_rows(store, drill.id), expected=drill.entries,
                        head=drill.head_hash, lang=lang)
    problems = list(chain.problems)
    if hashlib.sha256(drill.plan_source).hexdigest() != drill.plan_sha256:
        problems.append("存档的预案副本与其哈希不符（被修改）" if zh else
                        "the stored plan copy does not match its hash (altered)")
    by_seq = {e.seq: e for e in entries(store, drill.id) if e.kind == "observation"}
    with store.read() as session:
        rows = session.connection().execute(
            select(OBSERVATION).where(OBSERVATION.c.drill_id == drill.id)).all()
    for row in rows:
        o = row._mapping
        entry = by_seq.get(o["entry_seq"])
        recorded = None if entry is None else (entry.subject, entry.get("text"),
                                               entry.get("rating"), entry.get("observer"))
        if recorded != (o["step"], o["text"], o["rating"], o["observer"]):
            problems.append(f"观察记录 {o['id']} 与时间线第 {o['entry_seq']} 条不符" if zh else
                            f"observation {o['id']} differs from timeline entry "
                            f"{o['entry_seq']}")
    return Verification(drill, chain, tuple(problems))
