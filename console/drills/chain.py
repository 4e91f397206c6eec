"""The timeline's hash chain: each entry's hash covers its canonical content and the
previous entry's hash, so an edited, deleted, inserted or reordered entry breaks the chain
from that point on; the drill row's count and head hash reveal a truncated tail.

    hash(n) = sha256( hash(n-1) + "\\n" + canonical(entry n) ),   hash(-1) = GENESIS

``canonical`` is compact JSON of ``[drill, seq, t, wall, kind, subject, source, author,
data]`` where ``t`` is the float's shortest round-trip text, ``wall`` ISO 8601 in UTC with
microseconds and ``data`` the entry's canonical JSON text (sorted keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["GENESIS", "ChainCheck", "canonical", "canonical_data", "check_chain", "link",
           "wall_text"]

GENESIS = "0" * 64

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                          default=str).encode
#: JSON string literal of a str (the json module's own C function, UTF-8 kept as is).
_text: Callable[[str], str] = json.encoder.encode_basestring


def canonical_data(data: dict[str, Any]) -> str:
    """An entry's data as canonical JSON text (sorted keys, compact, UTF-8 as is)."""
    return _dumps(data)


def wall_text(wall: dt.datetime) -> str:
    """A wall-clock moment as hashed: UTC, microseconds."""
    return wall.astimezone(dt.UTC).isoformat(timespec="microseconds")


def canonical(drill_id: str, seq: int, t: float, wall: dt.datetime, kind: str, subject: str,
              source: str, author: str, data_text: str) -> bytes:
    """The bytes an entry's hash covers (besides the previous hash): exactly
    ``json.dumps([...], ensure_ascii=False, separators=(",", ":"))`` of the fields,
    written out by hand because this runs for every recorded event."""
    return (f"[{_text(drill_id)},{int(seq)},{float(t)!r},{_text(wall_text(wall))},"
            f"{_text(kind)},{_text(subject)},{_text(source)},{_text(author)},"
            f"{_text(data_text)}]").encode()


def link(previous: str, content: bytes) -> str:
    """The hash of an entry with this canonical content after ``previous``."""
    digest = hashlib.sha256(previous.encode("ascii"))
    digest.update(b"\n")
    digest.update(content)
    return digest.hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of recomputing a timeline's chain."""

    ok: bool
    entries: int  # entries found
    expected: int  # entries the drill row says were recorded
    head: str  # the recomputed head hash
    problems: tuple[str, ...]
    first_bad: int | None = None  # seq of the first entry that does not verify


def check_chain(drill_id: str, rows: Iterable[Any], *, expected: int, head: str,
                lang: str = "zh") -> ChainCheck:
    """Recompute the chain over ``rows`` (objects with the entry columns, in seq order) and
    compare it with each stored hash and with the drill row's ``expected`` count and
    ``head`` hash."""
    zh = lang == "zh"
    problems: list[str] = []
    previous = GENESIS
    count = 0
    first_bad: int | None = None
    for row in rows:
        if row.seq != count:
            if row.seq > count:
                problems.append(f"第 {count}–{row.seq - 1} 条记录缺失（被删除）" if zh else
                                f"entries {count}–{row.seq - 1} are missing (deleted)")
            else:
                problems.append(f"第 {row.seq} 条记录重复或顺序错乱" if zh else
                                f"entry {row.seq} is duplicated or out of order")
            first_bad = count if first_bad is None else first_bad
            break
        content = canonical(drill_id, row.seq, row.t, row.wall, row.kind, row.subject,
                            row.source, row.author, row.data)
        recomputed = link(previous, content)
        if recomputed != row.hash:
            if row.seq == 0:
                problems.append("第 0 条记录被修改（哈希不符）" if zh else
                                "entry 0 was altered (its hash does not match)")
            else:
                problems.append(f"第 {row.seq} 条记录哈希不符：该条或其前一条被修改" if zh else
                                f"entry {row.seq} does not verify: it or the entry before it "
                                "was altered")
            first_bad = row.seq
            break
        previous = recomputed
        count += 1
    else:
        if count < expected:
            problems.append(f"时间线被截断：应有 {expected} 条，只找到 {count} 条" if zh else
                            f"the timeline was truncated: {expected} entries were recorded, "
                            f"{count} found")
            first_bad = count
        elif count > expected:
            problems.append(f"时间线多出 {count - expected} 条未登记的记录" if zh else
                            f"the timeline has {count - expected} entries the drill never "
                            "recorded")
            first_bad = expected
        elif head and previous != head:
            problems.append("时间线末条哈希与演练记录不符" if zh else
                            "the last entry's hash does not match the drill record")
            first_bad = max(0, count - 1)
    return ChainCheck(not problems, count, expected, previous, tuple(problems), first_bad)

