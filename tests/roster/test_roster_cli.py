"""``python -m console roster show|export|import``: output, the DEMO label, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from console.commands import roster as roster_commands
from console.roster.demo import load_demo_roster

HEADER = "编号,姓名,手机,单位,职务,技能/标签,所在村/社区,网格,家庭住址,值班地点,联系方式,状态"


@pytest.fixture(autouse=True)
def user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own user data folder; the real one is never touched."""
    folder = tmp_path / "user-data" / "roster"
    monkeypatch.setattr(roster_commands, "user_roster_dir", lambda: folder)
    return folder


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
                                        user_folder: Path) -> None:
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
    assert not user_folder.exists()


def test_import_apply_switches_show_to_the_user_roster(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, user_folder: Path) -> None:
    """--apply writes the user's roster; show then uses it and no longer says DEMO."""
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "\nU1,甲,13800000011,民生服务,干事,,,,heixi-1,town_centre,,\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--apply", "--lang", "en")
    assert code == 0 and "added 1, changed 0, removed 129, unchanged 0" in out
    assert (user_folder / "roster.csv").is_file()
    code, out, _ = run(capsys, "show")
    assert code == 0
    assert "用户花名册" in out.splitlines()[0] and "演示数据" not in out
    assert "共 1 人" in out and str(user_folder / "roster.csv") in out
    code, out, _ = run(capsys, "show", "--demo")
    assert "演示数据" in out.splitlines()[0]
    code, out, _ = run(capsys, "import", str(path))
    assert code == 0 and "新增 0 · 变更 0 · 删除 0 · 未变 1" in out


def test_import_with_problems_exits_1_and_changes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, user_folder: Path) -> None:
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
    assert not user_folder.exists()


def test_import_with_a_rota(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                            user_folder: Path) -> None:
    """--rota brings a duty rota with the people; applied, both are stored."""
    people, rota = tmp_path / "r.xlsx", tmp_path / "rota.xlsx"
    assert run(capsys, "export", "-o", str(people), "--rota", str(rota))[0] == 0
    code, out, _ = run(capsys, "import", str(people), "--rota", str(rota), "--apply")
    assert code == 0 and "值班表：613 条 → 613 条" in out
    assert (user_folder / "duty-rota.csv").is_file()
    code, out, _ = run(capsys, "show", "--at", "2026-07-12 02:00")
    assert "在岗 3 · 不在岗 122 · 请假 4" in out


@pytest.mark.parametrize("name", ["missing.csv", "roster.xls"])
def test_import_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                             name: str) -> None:
    """A missing file or an unsupported type is a usage error."""
    if name.endswith(".xls"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "import", str(tmp_path / name))
    assert code == 2 and str(tmp_path / name) in err


def test_a_broken_stored_roster_is_reported(capsys: pytest.CaptureFixture[str],
                                            user_folder: Path) -> None:
    """If the stored roster was damaged, show says where and exits 1."""
    user_folder.mkdir(parents=True)
    (user_folder / "roster.csv").write_text(HEADER + "\nX,,1,?,,,,,,,,\n", encoding="utf-8")
    code, _, err = run(capsys, "show")
    assert code == 1 and "roster.csv:2:姓名: name is missing" in err


def test_module_entry_point(tmp_path: Path) -> None:
    """``python -m console roster show`` works as a process (registered in the CLI)."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "console", "roster", "show", "--unit", "平安法治"],
                          capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=Path(__file__).resolve().parents[2], check=False)
    assert done.returncode == 0, done.stderr
    assert "演示数据" in done.stdout and "共 9 人" in done.stdout
