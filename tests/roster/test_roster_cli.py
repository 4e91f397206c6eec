"""``python -m console roster show|export|import|history``: output, the DEMO label, the
roster in the store, exit codes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from console.commands.roster import current_roster
from console.roster.demo import load_demo_roster
from console.roster.model import Roster
from console.store import ImportRecord, import_history, load_roster, open_store
from console.store.roster_repo import current_user

HEADER = "编号,姓名,手机,单位,职务,技能/标签,所在村/社区,网格,家庭住址,值班地点,联系方式,状态"


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own database ($CONSOLE_DB_URL); the real one is never touched."""
    path = tmp_path / "db" / "console.db"
    path.parent.mkdir()
    monkeypatch.setenv("CONSOLE_DB_URL", f"sqlite:///{path}")
    return path


def stored(path: Path) -> tuple[Roster | None, list[ImportRecord]]:
    """The roster saved in the database file, and its import history."""
    with open_store(f"sqlite:///{path}") as store:
        return load_roster(store), import_history(store)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["roster", *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# ── show ─────────────────────────────────────────────────────────────────────────


def test_show_labels_the_demo_roster(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a user roster the demo roster is shown, and says so."""
    code, out, _ = run(capsys, "show")
    assert code == 0
    first = out.splitlines()[0]
    assert "演示数据" in first and "DEMO DATA" in first
    assert "共 129 人" in out


def test_show_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """--lang en: English header, DEMO DATA label, English column names."""
    code, out, _ = run(capsys, "show", "--lang", "en", "--unit", "command_centre")
    assert code == 0
    assert out.startswith("Heixi town roster · DEMO DATA")
    assert "id    name" in out and "5 people" in out


def test_show_filters(capsys: pytest.CaptureFixture[str]) -> None:
    """--unit, --village and --tag (ids or Chinese names) narrow the table."""
    assert "共 10 人" in run(capsys, "show", "--unit", "民生服务")[1]
    assert "共 8 人" in run(capsys, "show", "--village", "胜地社区")[1]
    assert "共 8 人" in run(capsys, "show", "--village", "shengdi")[1]
    code, out, _ = run(capsys, "show", "--tag", "指挥长")
    assert code == 0 and "共 1 人" in out and "党委书记" in out
    assert "共 0 人" in run(capsys, "show", "--tag", "commander", "--unit", "village")[1]


def test_show_availability_at_night(capsys: pytest.CaptureFixture[str]) -> None:
    """--at: availability of everyone at that moment; Sunday night only the rota works."""
    code, out, _ = run(capsys, "show", "--at", "2026-07-12 02:00")
    assert code == 0
    assert "2026-07-12 02:00 星期日：在岗 3 · 不在岗 122 · 请假 4" in out
    assert "状态" in out and "请假" in out


def test_show_availability_in_office_hours(capsys: pytest.CaptureFixture[str]) -> None:
    """Monday morning everyone not on leave is at work."""
    code, out, _ = run(capsys, "show", "--at", "2026-07-13T10:00", "--lang", "en")
    assert code == 0
    assert "2026-07-13 10:00 Monday: on duty 126, off duty 0, on leave 3" in out


@pytest.mark.parametrize("args", [
    ("show", "--at", "tomorrow"),
    ("show", "--at", "2026-02-30 08:00"),
    ("show", "--unit", "水利局"),
    ("show", "--village", "火星村"),
    ("show", "--tag", "超人"),
    ("show", "--lang", "fr"),
    ("frobnicate",),
    (),
])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    """Bad options are usage errors: exit code 2 and a message, never a traceback."""
    code, _, err = run(capsys, *args)
    assert code == 2 and "error" in err


# ── export ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_the_demo_roster(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                suffix: str) -> None:
    """export -o FILE writes the demo roster (labelled) and, with --rota, the rota."""
    out_file, rota_file = tmp_path / f"r{suffix}", tmp_path / f"rota{suffix}"
    code, _, err = run(capsys, "export", "-o", str(out_file), "--rota", str(rota_file))
    assert code == 0 and "129 people" in err and "613 duty/leave entries" in err
    assert out_file.is_file() and rota_file.is_file()
    if suffix == ".csv":
        assert "演示数据" in out_file.read_text(encoding="utf-8-sig").splitlines()[0]


@pytest.mark.parametrize(("name", "message"), [("r.txt", ".csv or .xlsx"),
                                               ("no/such/folder/r.csv", "no such folder")])
def test_export_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
                             message: str) -> None:
    """A wrong file type or a missing folder: exit 2."""
    code, _, err = run(capsys, "export", "-o", str(tmp_path / name))
    assert code == 2 and message in err


# ── import ───────────────────────────────────────────────────────────────────────


def _exported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    path = tmp_path / "r.csv"
    assert run(capsys, "export", "-o", str(path))[0] == 0
    return path


def test_import_preview_changes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        database: Path) -> None:
    """Without --apply: the preview (added/changed/removed) and nothing written."""
    path = _exported(capsys, tmp_path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    demo = load_demo_roster()
    t002 = demo.by_id["T002"]
    lines = [line.replace(t002.phone, "13800000000") if line.startswith("T002,") else line
             for line in lines if not line.startswith("W039,")]
    lines.append("N001,新同志,13800000001,民生服务,社保干事,,,,heixi-1,town_centre,,")
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0
    assert "新增 1 · 变更 1 · 删除 1 · 未变 127" in out
    assert "  + N001 新同志（民生服务 · 社保干事）" in out
    assert f"  ~ T002 {t002.name}: 手机 {t002.phone} → 13800000000" in out
    assert "  - W039" in out
    assert "no grid worker for 水田村第3网格" in out
    assert "--apply" in out
    assert stored(database) == (None, [])


def test_import_apply_switches_show_to_the_user_roster(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Path) -> None:
    """--apply saves the roster in the store and records the import; show then uses it
    and no longer says DEMO."""
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "\nU1,甲,13800000011,民生服务,干事,,,,heixi-1,town_centre,,\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--apply", "--lang", "en")
    assert code == 0 and "added 1, changed 0, removed 129, unchanged 0" in out
    assert f"was saved in the database {database}" in out
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert "import #1: " in out
    assert f"by {current_user()}, file mine.csv (sha256 {digest[:12]})" in out
    assert "1 people: added 1, changed 0, removed 0 (the database held no roster before" in out
    roster, history = stored(database)
    assert roster is not None and [p.id for p in roster.people] == ["U1"] and not roster.demo
    assert [(r.file_name, r.sha256, r.imported_by, r.people, r.added, r.changed, r.removed)
            for r in history] == [("mine.csv", digest, current_user(), 1, 1, 0, 0)]
    assert current_roster() == roster
    code, out, _ = run(capsys, "show")
    assert code == 0
    assert "用户花名册" in out.splitlines()[0] and "演示数据" not in out
    assert "共 1 人" in out and "来源：mine.csv，" in out and str(database) in out
    code, out, _ = run(capsys, "show", "--demo")
    assert "演示数据" in out.splitlines()[0]
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "新增 0 · 变更 0 · 删除 0 · 未变 1" in out


def test_import_with_problems_exits_1_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Path) -> None:
    """Every bad row is printed as file:row:column; exit 1; nothing applied."""
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "\nB1,乙,123,民生服务,,,,,,,,\nB1,丙,13800000012,无此单位,,,,,,,,\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--apply")
    assert code == 1
    assert f"{path}:2:手机: '123' is not a mobile number" in out
    assert f"{path}:2:编号: duplicate id B1 (also in row 3)" in out
    assert f"{path}:3:单位: unknown unit '无此单位'" in out
    assert "nothing imported" in err
    assert stored(database) == (None, [])


def test_import_with_a_rota(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                            database: Path) -> None:
    """--rota brings a duty rota with the people; applied, both are in the store."""
    people, rota = tmp_path / "r.xlsx", tmp_path / "rota.xlsx"
    assert run(capsys, "export", "-o", str(people), "--rota", str(rota))[0] == 0
    code, out, _ = run(capsys, "import", str(people), "--rota", str(rota), "--apply")
    assert code == 0 and "值班表：613 条 → 613 条" in out and "含值班表 613 条" in out
    roster, _ = stored(database)
    assert roster is not None and roster.shifts == load_demo_roster().shifts
    code, out, _ = run(capsys, "show", "--at", "2026-07-12 02:00")
    assert "用户花名册" in out.splitlines()[0]
    assert "在岗 3 · 不在岗 122 · 请假 4" in out


def test_a_later_import_keeps_the_rota_of_the_people_kept(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Path) -> None:
    """Without --rota, a new import keeps the stored rota of everyone still there."""
    people, rota = tmp_path / "r.csv", tmp_path / "rota.csv"
    assert run(capsys, "export", "-o", str(people), "--rota", str(rota))[0] == 0
    assert run(capsys, "import", str(people), "--rota", str(rota), "--apply")[0] == 0
    lines = people.read_text(encoding="utf-8-sig").splitlines()
    people.write_text("\n".join(line for line in lines if not line.startswith("T011,")),
                      encoding="utf-8-sig")
    code, out, _ = run(capsys, "import", str(people), "--apply")
    assert code == 0 and "新增 0 · 变更 0 · 删除 1" in out
    roster, history = stored(database)
    assert roster is not None and "T011" not in roster.by_id
    kept = [s for s in load_demo_roster().shifts if s.person != "T011"]
    assert list(roster.shifts) == kept and len(kept) < 613
    assert [(r.added, r.changed, r.removed) for r in history] == [(129, 0, 0), (0, 0, 1)]


@pytest.mark.parametrize("name", ["missing.csv", "roster.xls"])
def test_import_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                             name: str) -> None:
    """A missing file or an unsupported type is a usage error."""
    if name.endswith(".xls"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "import", str(tmp_path / name))
    assert code == 2 and str(tmp_path / name) in err


# ── history ──────────────────────────────────────────────────────────────────────


def test_history_is_empty_at_first(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    """No imports yet: says so, names the database and the demo roster in use."""
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert f"数据库 {database}" in out and "尚无导入记录" in out and "演示数据" in out


def test_history_lists_every_import(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                    database: Path) -> None:
    """Who imported which file when, its hash, its size and what changed, oldest first."""
    first, second = tmp_path / "六月.csv", tmp_path / "七月.csv"
    first.write_text(HEADER + "\nU1,甲,13800000011,民生服务,干事,,,,heixi-1,town_centre,,\n"
                     "U2,乙,13800000012,民生服务,干事,,,,heixi-1,town_centre,,\n",
                     encoding="utf-8")
    second.write_text(HEADER + "\nU1,甲,13800000019,民生服务,干事,,,,heixi-1,town_centre,,\n"
                      "U3,丙,13800000013,民生服务,干事,,,,heixi-1,town_centre,,\n",
                      encoding="utf-8")
    assert run(capsys, "import", str(first), "--apply")[0] == 0
    assert run(capsys, "import", str(second), "--apply")[0] == 0
    code, out, _ = run(capsys, "history")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("序号"))
    for column in ("时间", "导入人", "文件", "sha256", "人数", "新增/变更/删除"):
        assert column in header
    rows = [line.split() for line in lines if line[:1].isdigit()]
    user = current_user()
    assert [(r[0], r[3], r[4], r[5], r[6], r[7]) for r in rows] == [
        ("1", user, "六月.csv", hashlib.sha256(first.read_bytes()).hexdigest()[:12], "2",
         "2/0/0"),
        ("2", user, "七月.csv", hashlib.sha256(second.read_bytes()).hexdigest()[:12], "2",
         "1/1/1"),
    ]
    assert "共 2 次导入；在用的是 #2（七月.csv，2 人）" in out
    code, out, _ = run(capsys, "history", "--lang", "en")
    assert code == 0 and "added/changed/removed" in out and "in use: #2" in out


def test_db_option_wins_over_the_environment(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, database: Path) -> None:
    """--db URL names another database; the one in $CONSOLE_DB_URL is left alone."""
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "\nU1,甲,13800000011,民生服务,干事,,,,heixi-1,town_centre,,\n",
                    encoding="utf-8")
    other = tmp_path / "other.db"
    url = f"sqlite:///{other}"
    assert run(capsys, "import", str(path), "--apply", "--db", url)[0] == 0
    assert stored(database) == (None, [])
    roster, history = stored(other)
    assert roster is not None and len(roster) == 1 and len(history) == 1
    assert "共 1 人" in run(capsys, "show", "--db", url)[1]
    assert "共 129 人" in run(capsys, "show")[1]
    assert "mine.csv" in run(capsys, "history", "--db", url)[1]


# ── a database that cannot be used ───────────────────────────────────────────────

COMMANDS = [("show",), ("export", "-o", "{tmp}/out.csv"), ("history",),
            ("import", "{tmp}/in.csv", "--apply"),
            ("check", "plans/forest-fire.yaml", "--at", "胜地社区", "--time", "14:00")]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_corrupt_database_is_reported_and_left_untouched(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Path,
        command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is not a database: one line naming it, exit 1, not a byte changed."""
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    garbage = b"\x00\xffnot a database, just bytes\n" * 200
    database.write_bytes(garbage)
    (tmp_path / "in.csv").write_text(
        HEADER + "\nU1,甲,13800000011,民生服务,干事,,,,heixi-1,town_centre,,\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in command]
    code, out, err = run(capsys, *args)
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(database) in lines[0] and "not a database" in lines[0]
    assert "Traceback" not in err + out
    assert database.read_bytes() == garbage
    assert not (tmp_path / "out.csv").exists()
    assert not list(database.parent.glob("console.db-*"))  # no journal or WAL created


def test_demo_works_without_the_database(capsys: pytest.CaptureFixture[str],
                                         database: Path) -> None:
    """--demo does not open the database at all: a broken one does not get in the way."""
    database.write_bytes(b"junk" * 100)
    code, out, _ = run(capsys, "show", "--demo", "--unit", "平安法治")
    assert code == 0 and "演示数据" in out.splitlines()[0] and "共 9 人" in out


def test_a_newer_database_is_refused(capsys: pytest.CaptureFixture[str],
                                     database: Path) -> None:
    """A database written by a newer version: named, refused, exit 1, unchanged."""
    open_store(f"sqlite:///{database}").close()
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = database.read_bytes()
    code, _, err = run(capsys, "show")
    assert code == 1 and "newer version" in err and str(database) in err
    assert database.read_bytes() == before


def test_a_bad_database_url_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unsupported or malformed --db URL: one line, exit 1."""
    for url in ("mysql://u@h/db", "::::"):
        code, _, err = run(capsys, "history", "--db", url)
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_module_entry_point(tmp_path: Path) -> None:
    """``python -m console roster show`` works as a process (registered in the CLI)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "console", "roster", "show", "--unit", "平安法治"],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stderr
    assert "演示数据" in done.stdout and "共 9 人" in done.stdout
