"""The revision history: order, duplicates, status changes, the baseline from ``file~``,
crash safety (partial writes, damaged index and files) and the readable diff."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from console.plans import revisions as rev
from console.plans.revision_diff import change_size, diff_html, diff_lines, unified_diff
from console.plans.revisions import (
    RevisionError,
    RevisionHistory,
    Snapshot,
    baseline,
    history_folder,
    plan_status,
)

PLAN = "format: 1\nid: p\nstatus: draft\ntitle: 演练\nsteps: {}\n"


def _at(minute: int) -> dt.datetime:
    return dt.datetime(2026, 11, 27, 21, minute, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "p.yaml"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def history(plan: Path, tmp_path: Path) -> RevisionHistory:
    return RevisionHistory(plan, tmp_path / "data" / "revisions")


def test_records_in_order_with_who_when_and_status(history: RevisionHistory,
                                                   plan: Path) -> None:
    assert not history.exists() and history.revisions() == []
    first = history.record(Snapshot(PLAN, author="张三", time=_at(1), note=" first "))
    reviewed = PLAN.replace("status: draft", "status: reviewed") + "owner: 镇应急办\n"
    second = history.record(Snapshot(reviewed, author="李四", time=_at(3)))
    assert first is not None and second is not None
    assert [r.number for r in history.revisions()] == [1, 2]
    assert first.time == "2026-11-27T21:01:00+08:00" and first.note == "first"
    assert first.status == "draft" and first.status_change is None
    assert second.author == "李四" and second.status == "reviewed"
    assert second.status_change == ("draft", "reviewed")
    assert (second.added, second.removed) == (2, 1)
    assert history.read(1) == PLAN and history.read(2) == reviewed
    assert history.latest() == second
    # The folder is under the root, named after the plan; the index keeps its path.
    assert history.folder == history_folder(plan, history.folder.parent)
    assert history.folder.name.startswith("p-")
    index = json.loads((history.folder / "index.json").read_text(encoding="utf-8"))
    assert index["path"] == str(plan.resolve())
    assert list(plan.parent.iterdir()) == [plan]  # nothing written next to the plan


def test_identical_consecutive_saves_add_nothing(history: RevisionHistory) -> None:
    assert history.record(Snapshot(PLAN)) is not None
    assert history.record(Snapshot(PLAN)) is None
    assert history.record(Snapshot(PLAN + "# x\n")) is not None
    assert history.record(Snapshot(PLAN)) is not None  # back to it: a new revision
    assert [r.number for r in history.revisions()] == [1, 2, 3]


def test_every_status_transition_is_recorded(history: RevisionHistory) -> None:
    for status in ("draft", "reviewed", "approved", "draft"):
        history.record(Snapshot(PLAN.replace("draft", status), author="王五"))
    changes = [r.status_change for r in history.revisions()]
    assert changes == [None, ("draft", "reviewed"), ("reviewed", "approved"),
                       ("approved", "draft")]


def test_baseline_imports_the_backup_first(plan: Path, history: RevisionHistory) -> None:
    backup = Path(f"{plan}~")
    backup.write_text(PLAN.replace("演练", "旧"), encoding="utf-8")
    snapshots = baseline(plan)
    assert [s.source for s in snapshots] == ["backup", "disk"]
    history.record_all([*snapshots, Snapshot(PLAN + "# mine\n", author="me")])
    revisions = history.revisions()
    assert [r.source for r in revisions] == ["backup", "disk", "save"]
    assert history.read(1) == backup.read_text(encoding="utf-8")
    assert revisions[0].author == ""


def test_crash_before_the_index_is_written(history: RevisionHistory,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash after the revision's files but before the index: the next read lists
    the revision; a crash after the text only: nothing listed, nothing overwritten."""
    history.record(Snapshot(PLAN))
    real = rev.write_text_atomic

    def crash_on_index(path: Path, text: str, **kwargs: bool) -> None:
        if path.name == "index.json":
            raise KeyboardInterrupt  # the process dies here
        real(path, text, **kwargs)

    monkeypatch.setattr(rev, "write_text_atomic", crash_on_index)
    with pytest.raises(KeyboardInterrupt):
        history.record(Snapshot(PLAN + "# two\n"))
    monkeypatch.setattr(rev, "write_text_atomic", real)
    assert [r.number for r in history.revisions()] == [1, 2]
    assert history.read(2) == PLAN + "# two\n"
    assert history.problems == []

    def crash_on_meta(path: Path, text: str, **kwargs: bool) -> None:
        if path.suffix == ".json":
            raise KeyboardInterrupt
        real(path, text, **kwargs)

    monkeypatch.setattr(rev, "write_text_atomic", crash_on_meta)
    with pytest.raises(KeyboardInterrupt):
        history.record(Snapshot(PLAN + "# three\n"))
    monkeypatch.setattr(rev, "write_text_atomic", real)
    assert [r.number for r in history.revisions()] == [1, 2]
    assert (history.folder / "000003.yaml").exists()  # the orphan text stays
    # A process killed mid-write leaves a partial temporary file: it is never read.
    (history.folder / ".index.json.x1y2.tmp").write_text('{"format": 1, "rev',
                                                          encoding="utf-8")
    (history.folder / ".000003.json.x1y2.tmp").write_text('{"numb', encoding="utf-8")
    assert [r.number for r in history.revisions()] == [1, 2] and history.problems == []
    fourth = history.record(Snapshot(PLAN + "# four\n"))
    assert fourth is not None and fourth.number == 4
    assert (history.folder / "000003.yaml").read_text(encoding="utf-8") == PLAN + "# three\n"
    assert sorted(p.name for p in history.folder.glob("*.tmp")) == [
        ".000003.json.x1y2.tmp", ".index.json.x1y2.tmp"]  # only the planted leftovers


@pytest.mark.parametrize("damage", [b"", b"{\"format\": 1, \"revis", b"\xff\xfe",
                                    b"[]", b'{"format": 99}'])
def test_damaged_index_is_rebuilt(history: RevisionHistory, damage: bytes) -> None:
    history.record(Snapshot(PLAN, author="a"))
    history.record(Snapshot(PLAN + "# b\n", author="b"))
    (history.folder / "index.json").write_bytes(damage)
    revisions = history.revisions()
    assert [(r.number, r.author) for r in revisions] == [(1, "a"), (2, "b")]
    assert len(history.problems) == 1 and "rebuilt" in history.problems[0]
    history.revisions()
    assert history.problems == []  # the index was written again


def test_damaged_revision_files(history: RevisionHistory) -> None:
    history.record(Snapshot(PLAN))
    history.record(Snapshot(PLAN + "# b\n"))
    (history.folder / "index.json").unlink()
    (history.folder / "000002.json").write_text("{", encoding="utf-8")
    assert [r.number for r in history.revisions()] == [1]
    assert "000002.json" in history.problems[0]
    (history.folder / "000001.yaml").write_text("tampered", encoding="utf-8")
    with pytest.raises(RevisionError, match="damaged"):
        history.read(1)
    with pytest.raises(RevisionError, match="no revision 7"):
        history.read(7)


def test_unwritable_root_is_a_clear_error(plan: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    history = RevisionHistory(plan, blocker / "revisions")
    assert history.revisions() == []
    with pytest.raises(RevisionError, match="cannot be created"):
        history.record(Snapshot(PLAN))


def test_diff_between_any_two(history: RevisionHistory) -> None:
    history.record(Snapshot(PLAN))
    history.record(Snapshot(PLAN.replace("title: 演练", "title: 森林火灾演练")))
    history.record(Snapshot(PLAN.replace("title: 演练", "title: 森林火灾演练") + "x: 1\n"))
    diff = history.diff(1, 3)
    assert diff.startswith("--- p.yaml @1\n+++ p.yaml @3\n")
    assert "-title: 演练\n+title: 森林火灾演练\n" in diff and "+x: 1\n" in diff
    assert history.diff(3, 1).count("\n-") == 2


def test_readable_diff_rows_and_html() -> None:
    old = "".join(f"line {n}\n" for n in range(1, 21)) + "name: <b>&\n"
    new = old.replace("line 10\n", "line ten\n").replace("<b>&", "<i>&")
    rows = diff_lines(old, new, context=1)
    kinds = [r.kind for r in rows]
    assert kinds == ["gap", "same", "removed", "added", "same", "gap", "same", "removed",
                     "added"]
    removed = rows[2]
    assert removed.old_number == 10 and removed.new_number is None
    assert ("10", True) in removed.parts and removed.text == "line 10"
    page = diff_html(rows)
    assert "name: &lt;<span" in page and "i</span>&gt;&amp;" in page and "<i>" not in page
    assert page.count("#e6ffec") == 2 and page.count("#ffebe9") == 2
    short = diff_html(rows, more_text="{count} more", limit=3)
    assert short.count("<tr") == 4 and "6 more" in short
    assert diff_lines(old, old) == []
    assert change_size(old, new) == (2, 2)


def test_unified_diff_marks_a_missing_final_newline() -> None:
    assert unified_diff("a\n", "a\nb", "x", "y").endswith("+b\n\\ No newline at end of file\n")
    assert unified_diff("same\n", "same\n") == ""


def test_plan_status() -> None:
    assert plan_status(PLAN) == "draft"
    assert plan_status("status: 'approved'  # ok\n") == "approved"
    assert plan_status("title: x\n") is None
