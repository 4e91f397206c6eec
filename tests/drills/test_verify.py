"""``verify``: the hash chain finds any edit, deletion, insertion or truncation, done
directly in the database, and a tampered plan copy or observation row."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, update

from console.drills.chain import GENESIS, canonical, check_chain, link
from console.drills.entries import OBSERVATION, observe
from console.drills.records import DRILL, ENTRY, drill_rows, load_drill
from console.drills.verify import verify_drill
from console.store import Store
from tests.drills.helpers import new_session


@pytest.fixture
def drill_id(store: Store) -> str:
    """A drill with 40-odd recorded entries and one observation."""
    session = new_session(store)
    session.start()
    session.advance(200.0)
    observe(store, session.id, "网格长接警迅速", step="notify_grid", rating=4, observer="李观察")
    session.advance(260.0)
    return session.id


def _sql(store: Store, statement: object) -> None:
    with store.write() as session:
        session.connection().execute(statement)  # type: ignore[call-overload]


def test_an_untouched_timeline_verifies(store: Store, drill_id: str) -> None:
    """Recomputing the chain gives each stored hash and the drill row's head."""
    result = verify_drill(store, drill_id)
    drill = load_drill(store, drill_id)
    assert result.ok, result.problems
    assert result.chain.entries == drill.entries > 30
    assert result.chain.head == drill.head_hash


def test_an_edited_entry_is_found(store: Store, drill_id: str) -> None:
    """Changing one entry's data (a later acknowledgement time) breaks the chain there."""
    _sql(store, update(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq == 12)
         .values(data='{"channel":"phone","role":"grid_leader"}'))
    result = verify_drill(store, drill_id, lang="en")
    assert not result.ok and result.chain.first_bad == 12
    assert "entry 12" in result.problems[0]


def test_an_edit_with_its_hash_recomputed_is_found(store: Store, drill_id: str) -> None:
    """Rewriting an entry and its own hash still breaks the link to the next entry."""
    rows = list(drill_rows(store, drill_id))
    row = rows[20]
    content = canonical(drill_id, row.seq, row.t + 30.0, row.wall, row.kind, row.subject,
                        row.source, row.author, row.data)
    forged = link(rows[19].hash, content)
    _sql(store, update(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq == 20)
         .values(t=row.t + 30.0, hash=forged))
    result = verify_drill(store, drill_id)
    assert not result.ok and result.chain.first_bad == 21


def test_a_deleted_entry_is_found(store: Store, drill_id: str) -> None:
    """Deleting an entry in the middle leaves a gap the check names."""
    _sql(store, delete(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq == 7))
    result = verify_drill(store, drill_id, lang="en")
    assert not result.ok and "entries 7–7 are missing" in result.problems[0]


def test_a_deletion_with_renumbering_is_found(store: Store, drill_id: str) -> None:
    """Deleting an entry and renumbering the rest breaks the hashes (seq is hashed)."""
    drill = load_drill(store, drill_id)
    _sql(store, delete(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq == 7))
    for seq in range(8, drill.entries):
        _sql(store, update(ENTRY).where(ENTRY.c.drill_id == drill_id, ENTRY.c.seq == seq)
             .values(seq=seq - 1))
    result = verify_drill(store, drill_id)
    assert not result.ok and result.chain.first_bad == 7


def test_a_truncated_tail_is_found(store: Store, drill_id: str) -> None:
    """Cutting the last entries off leaves a valid prefix, but not the recorded length."""
    drill = load_drill(store, drill_id)
    _sql(store, delete(ENTRY).where(ENTRY.c.drill_id == drill_id,
                                    ENTRY.c.seq >= drill.entries - 5))
    result = verify_drill(store, drill_id, lang="en")
    assert not result.ok and "truncated" in result.problems[0]
    assert result.chain.entries == drill.entries - 5


def test_an_appended_forgery_is_found(store: Store, drill_id: str) -> None:
    """An entry added behind the recorder's back (chain extended, row not) is found."""
    drill = load_drill(store, drill_id)
    rows = list(drill_rows(store, drill_id))
    content = canonical(drill_id, drill.entries, 999.0, rows[-1].wall, "note", "", "operator",
                        "x", '{"text":"补记"}')
    _sql(store, insert(ENTRY).values(
        drill_id=drill_id, seq=drill.entries, t=999.0, wall=rows[-1].wall, kind="note",
        subject="", data='{"text":"补记"}', source="operator", author="x",
        hash=link(drill.head_hash, content)))
    result = verify_drill(store, drill_id, lang="en")
    assert not result.ok and "never recorded" in result.problems[0]


def test_a_tampered_plan_copy_or_observation_is_found(store: Store, drill_id: str) -> None:
    """The stored plan copy must hash to the plan hash; an observation row must say what
    its chained entry says."""
    _sql(store, update(OBSERVATION).where(OBSERVATION.c.drill_id == drill_id)
         .values(rating=5))
    plan = load_drill(store, drill_id).plan_source
    _sql(store, update(DRILL).where(DRILL.c.id == drill_id)
         .values(plan_source=plan.replace(b"within: 5m", b"within: 9m")))
    result = verify_drill(store, drill_id, lang="en")
    assert result.chain.ok
    assert any("plan copy" in p for p in result.problems)
    assert any("observation" in p for p in result.problems)


def test_chain_of_nothing_is_fine() -> None:
    """An empty timeline with nothing recorded verifies; one that lost everything does not."""
    assert check_chain("x", [], expected=0, head="").ok
    assert not check_chain("x", [], expected=3, head="ab").ok
    assert link(GENESIS, b"") != GENESIS


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(0, 10**9), st.floats(allow_nan=False, allow_infinity=False),
       st.text(), st.text(), st.text(), st.text())
def test_canonical_is_compact_json_of_the_fields(drill: str, seq: int, t: float, kind: str,
                                                 subject: str, author: str, data: str) -> None:
    """The hand-written canonical form is byte for byte ``json.dumps`` of the fields."""
    wall = dt.datetime(2026, 3, 18, 6, 0, 1, 5, tzinfo=dt.UTC)
    expected = json.dumps([drill, seq, t, "2026-03-18T06:00:01.000005+00:00", kind, subject,
                           "operator", author, data], ensure_ascii=False,
                          separators=(",", ":")).encode()
    assert canonical(drill, seq, t, wall, kind, subject, "operator", author, data) == expected
