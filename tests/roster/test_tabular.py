"""Roster import and export: CSV/XLSX, Chinese and English headers, encodings, every bad
row reported with file:row:column, nothing half-imported, duplicates, preview, round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from console.plans.vocabulary import Channel, Unit
from console.roster.demo import GRIDS, VILLAGES, load_demo_roster
from console.roster.model import Availability, Person, Roster, ShiftKind
from console.roster.roster_import import diff_people, import_roster
from console.roster.table_read import PeopleRead, read_people, read_shifts
from console.roster.table_write import write_people, write_shifts

ZH_HEADER = "编号,姓名,手机,单位,职务,技能/标签,所在村/社区,网格,家庭住址,值班地点,联系方式,状态"
EN_HEADER = "id,name,phone,unit,post,tags,village,grids,home,duty_location,channels,status"
GOOD_ROWS = [
    "A1,张三,13812345678,民生服务,民政干事,emergency_team、driver,,,heixi-2,town_centre,"
    "电话、短信、微信群,在岗",
    "A2,李四,139****0002,村(社区),网格员,grid_worker;flood_patrol,光明村,光明村第2网格,"
    "guangming-2,guangming-2,phone,sms,radio,请假",
    "A3,王五,023-79123456,safety_rule_of_law,综治干事,镇应急分队，调解员,,,guangming,"
    "town_centre,,",
]


def _csv(tmp_path: Path, rows: list[str], *, header: str = ZH_HEADER, name: str = "r.csv",
         encoding: str = "utf-8-sig") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode(encoding))
    return path


def _read(path: Path) -> PeopleRead:
    return read_people(path, villages=VILLAGES, grids=GRIDS)


def _quote(row: str) -> str:
    """Quote the multi-valued cells of GOOD_ROWS[1] that contain commas."""
    return row.replace("phone,sms,radio", '"phone,sms,radio"')


def _messages(result: PeopleRead) -> list[str]:
    return [str(p) for p in result.errors]


# ── good files ─────────────────────────────────────────────────────────────────


def test_chinese_headers_with_bom(tmp_path: Path) -> None:
    """A UTF-8 CSV with BOM and Chinese headers: every field parsed."""
    path = _csv(tmp_path, [GOOD_ROWS[0], _quote(GOOD_ROWS[1]), GOOD_ROWS[2]])
    result = _read(path)
    assert result.problems == ()
    first, second, third = result.people
    assert first == Person(
        id="A1", name="张三", phone="13812345678", unit=Unit.LIVELIHOOD_SERVICES, post="民政干事",
        tags=frozenset({"emergency_team", "driver"}), home="heixi-2",
        duty_location="town_centre", channels=(Channel.PHONE, Channel.SMS, Channel.WECHAT))
    assert second.unit is Unit.VILLAGE and second.village == "guangming"
    assert second.grids == ("guangming-2",)
    assert second.channels == (Channel.PHONE, Channel.SMS, Channel.RADIO)
    assert second.status is Availability.ON_LEAVE and second.phone == "139****0002"
    assert third.tags == {"emergency_team", "mediator"} and third.phone == "023-79123456"
    assert third.status is Availability.ON_DUTY
    assert third.channels == (Channel.PHONE, Channel.SMS, Channel.WECHAT)


def test_english_headers_without_bom(tmp_path: Path) -> None:
    """English headers, plain UTF-8, ids for units and villages, short grid refs."""
    rows = ["B1,赵六,+86 138-1234-5679,village,网格员,grid_worker,shimen,2,shimen-2,"
            "shimen-2,phone;radio,on_duty",
            "B2,钱七,13812345680,command_centre,值班员,duty_officer,,,heixi,"
            "command_centre,,off_duty"]
    result = _read(_csv(tmp_path, rows, header=EN_HEADER, encoding="utf-8"))
    assert result.problems == ()
    b1, b2 = result.people
    assert b1.phone == "13812345679" and b1.grids == ("shimen-2",)
    assert b1.channels == (Channel.PHONE, Channel.RADIO)
    assert b2.status is Availability.OFF_DUTY


def test_gb18030_file_reads_with_a_warning(tmp_path: Path) -> None:
    """Excel on a Chinese Windows saves GBK: read as GB18030, with a warning."""
    path = _csv(tmp_path, [GOOD_ROWS[0], GOOD_ROWS[2]], encoding="gb18030")
    result = _read(path)
    assert result.ok and [p.name for p in result.people] == ["张三", "王五"]
    (warning,) = result.warnings
    assert "GB18030" in str(warning) and str(warning).startswith(f"{path}: warning:")


def test_utf16_tab_separated_text(tmp_path: Path) -> None:
    """Excel's "Unicode text" (UTF-16, tab-separated) reads too."""
    path = tmp_path / "r.csv"
    path.write_text("\t".join(ZH_HEADER.split(",")) + "\n" + "\t".join(GOOD_ROWS[2].split(","))
                    + "\n", encoding="utf-16")
    result = _read(path)
    assert result.problems == () and result.people[0].name == "王五"


def test_title_row_blank_rows_and_extra_columns(tmp_path: Path) -> None:
    """A title row above the header and blank rows are skipped; unknown columns warned."""
    path = tmp_path / "r.csv"
    path.write_text("黑溪镇花名册,,\n,,\n" + ZH_HEADER + ",备注\n\n" + GOOD_ROWS[2] + ",x\n",
                    encoding="utf-8")
    result = _read(path)
    assert result.ok and len(result.people) == 1
    assert [str(w) for w in result.warnings] == [
        f"{path}:3:备注: warning: column is not part of the roster; ignored"]


def test_xlsx_with_numbers_title_and_reordered_columns(tmp_path: Path) -> None:
    """A workbook: a title row, phone as a number cell, columns in another order."""
    path = tmp_path / "r.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["黑溪镇应急人员花名册"])
    sheet.append(["姓名", "编号", "单位", "手机", "网格", "所在村/社区", "技能/标签"])
    sheet.append(["孙八", "C1", "村(社区)", 13812345681, "第1网格、第3网格", "茶园村", "网格长"])
    sheet.append([None])
    sheet.append(["周九", 42, "经济发展", 13812345682.0, None, None, "水利员"])
    book.save(path)
    result = _read(path)
    assert result.problems == ()
    c1, c42 = result.people
    assert (c1.phone, c1.grids, c1.tags) == (
        "13812345681", ("chayuan-1", "chayuan-3"), frozenset({"grid_leader"}))
    assert (c42.id, c42.phone, c42.tags) == ("42", "13812345682", frozenset({"water_officer"}))


# ── bad rows: every one reported, nothing imported ───────────────────────────────

BAD_CELLS = [
    # (column index, bad value, header, message fragment)
    (0, "", "编号", "id is missing"),
    (0, "A 1", "编号", "letters, digits"),
    (1, "", "姓名", "name is missing"),
    (2, "12345", "手机", "not a mobile number"),
    (2, "1.38123E+10", "手机", "Excel shortened"),
    (2, "", "手机", "phone is missing"),
    (3, "水利局", "单位", "unknown unit '水利局'"),
    (5, "超人", "技能/标签", "unknown skill/tag '超人'"),
    (6, "火星村", "所在村/社区", "unknown village or community '火星村'"),
    (7, "石门村第1网格", "网格", "belongs to 石门村, not 光明村"),
    (7, "光明村第9网格", "网格", "unknown grid '光明村第9网格'"),
    (8, "=HYPERLINK(\"x\")", "家庭住址", "spreadsheet formulas"),
    (10, "飞鸽", "联系方式", "unknown channel '飞鸽'"),
    (11, "摸鱼", "状态", "unknown status '摸鱼'"),
]


@pytest.mark.parametrize(("index", "value", "column", "message"), BAD_CELLS,
                         ids=[f"{c[2]}:{c[1] or 'empty'}" for c in BAD_CELLS])
def test_bad_cell_is_reported_with_row_and_column(
        tmp_path: Path, index: int, value: str, column: str, message: str) -> None:
    """One bad cell: file:row:column: problem, and no people at all."""
    cells = ["D2", "吴十", "13812345690", "村(社区)", "网格员", "grid_worker", "光明村",
             "光明村第1网格", "guangming-1", "guangming-1", "电话", "在岗"]
    cells[index] = f'"{value}"' if "," in value or '"' in value else value
    if '"' in value:
        cells[index] = '"' + value.replace('"', '""') + '"'
    path = _csv(tmp_path, [GOOD_ROWS[0], ",".join(cells)])
    result = _read(path)
    assert result.people == ()
    (error,) = result.errors
    assert str(error).startswith(f"{path}:3:{column}: ")
    assert message in error.message


def test_village_staff_need_a_village(tmp_path: Path) -> None:
    """A village (community) staff member without a village is refused."""
    path = _csv(tmp_path, ["E1,郑一,13812345691,村(社区),网格员,,,,,,,"])
    assert _messages(_read(path)) == [
        f"{path}:2:所在村/社区: village (community) staff need a village"]


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    """Three bad rows among good ones: three rows reported, nothing imported."""
    rows = [GOOD_ROWS[0],
            "F1,,13812345692,民生服务,,,,,,,,",
            GOOD_ROWS[2],
            "F2,冯二,abc,民生服务,,,,,,,,",
            "F3,陈三,13812345693,水利局,,,,,,,,忙"]
    path = _csv(tmp_path, rows)
    result = _read(path)
    assert result.people == ()
    assert _messages(result) == [
        f"{path}:3:姓名: name is missing",
        f"{path}:5:手机: 'abc' is not a mobile number (13812345678), a masked one "
        "(138****0001) or a landline (023-79123456)",
        f"{path}:6:单位: unknown unit '水利局' (one of 镇领导班子、基层治理指挥中心、党的建设、"
        "经济发展、民生服务、平安法治、村(社区)、区级部门)",
        f"{path}:6:状态: unknown status '忙' (在岗, 不在岗 or 请假)",
    ]


def test_english_file_reports_english_column_names(tmp_path: Path) -> None:
    """The column in a problem is the header as the file spells it."""
    path = _csv(tmp_path, ["G1,褚四,13812345694,nowhere,,,,,,,,"], header=EN_HEADER)
    assert _messages(_read(path))[0].startswith(f"{path}:2:unit: unknown unit 'nowhere'")


def test_duplicate_ids_and_phones_flag_both_rows(tmp_path: Path) -> None:
    """Same id or same phone: both rows are reported, each naming the other."""
    rows = ["H1,卫五,13812345695,民生服务,,,,,,,,",
            "H2,蒋六,13812345696,民生服务,,,,,,,,",
            "H1,沈七,13812345697,民生服务,,,,,,,,",
            "H3,韩八,138-1234-5696,民生服务,,,,,,,,"]
    path = _csv(tmp_path, rows)
    result = _read(path)
    assert result.people == ()
    assert _messages(result) == [
        f"{path}:2:编号: duplicate id H1 (also in row 4)",
        f"{path}:3:手机: duplicate phone 13812345696 (also in row 5)",
        f"{path}:4:编号: duplicate id H1 (also in row 2)",
        f"{path}:5:手机: duplicate phone 13812345696 (also in row 3)",
    ]


def test_header_problems(tmp_path: Path) -> None:
    """A missing required column or a column given twice is reported on the header row."""
    missing = _csv(tmp_path, ["I1,杨九,民生服务"], header="编号,姓名,单位", name="a.csv")
    assert _messages(_read(missing)) == [f"{missing}:1:手机: required column is missing"]
    twice = _csv(tmp_path, ["I1,杨九,13812345698,民生服务,x"],
                 header="编号,姓名,手机,单位,name", name="b.csv")
    assert _messages(_read(twice)) == [f"{twice}:1:name: column appears twice (also column B)"]
    none = _csv(tmp_path, ["a,b,c"], header="x,y,z", name="c.csv")
    (error,) = _read(none).errors
    assert "no header row found" in str(error)


def test_value_in_a_column_without_header(tmp_path: Path) -> None:
    """An unquoted comma shifts a row: the stray value is reported by its column letter."""
    path = _csv(tmp_path, [GOOD_ROWS[2] + ",extra"])
    assert _messages(_read(path)) == [f"{path}:2:M: value in a column without a header"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("nul.csv", b"abc\x00def", "NUL bytes"),
    ("half.csv", b"\xff\xfeabc", "utf-16 mark but is not utf-16 text"),
    ("bad.csv", ZH_HEADER.encode() + b"\n\x81\x20\x81\x20", "neither UTF-8 nor GB18030"),
    ("book.csv", b"PK\x03\x04rest", "name it .xlsx"),
    ("broken.xlsx", b"PK\x03\x04not a zip", "not a readable .xlsx workbook"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "save the old .xls as .xlsx"),
])
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    """Files that are not CSV text or a workbook: one clear problem for the file."""
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = _read(path).errors
    assert str(error).startswith(f"{path}: ") and message in str(error)


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist is a problem, not an exception."""
    assert "no such file" in str(_read(tmp_path / "nope.csv").errors[0])


# ── round trips ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_import_round_trip(tmp_path: Path, suffix: str, lang: str) -> None:
    """Exporting the demo roster and importing it gives the same people and rota."""
    demo = load_demo_roster()
    people_file, rota_file = tmp_path / f"r{suffix}", tmp_path / f"rota{suffix}"
    write_people(people_file, demo, lang=lang, title="演示数据 DEMO DATA")  # type: ignore[arg-type]
    write_shifts(rota_file, demo, lang=lang)  # type: ignore[arg-type]
    result = import_roster(people_file, demo, rota=rota_file)
    assert result.problems == ()
    assert result.roster is not None
    assert result.roster.people == tuple(dataclasses.replace(p, demo=False) for p in demo)
    assert result.roster.shifts == demo.shifts
    assert diff_people(demo.people, result.roster.people).empty


def test_csv_export_is_utf8_with_bom(tmp_path: Path) -> None:
    """Exported CSV opens in Excel: BOM, Chinese headers, Chinese unit names."""
    path = tmp_path / "r.csv"
    write_people(path, load_demo_roster())
    text = path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[0] == ZH_HEADER and ",镇领导班子," in lines[1]


def test_xlsx_export_never_writes_formulas(tmp_path: Path) -> None:
    """Text that looks like a formula stays text in a workbook."""
    person = Person("X1", "测试", "13812345699", Unit.PARTY_BUILDING, "=1+1")
    path = tmp_path / "r.xlsx"
    write_people(path, Roster((person,), VILLAGES, GRIDS))
    book = openpyxl.load_workbook(path)
    assert book.active["E2"].value == "=1+1" and book.active["E2"].data_type == "s"


# ── duty rota ────────────────────────────────────────────────────────────────────


def test_rota_problems(tmp_path: Path) -> None:
    """Unknown people, wrong names, bad times and inverted shifts are all reported."""
    demo = load_demo_roster()
    name = demo.by_id["T001"].name
    path = _csv(tmp_path, [
        f"T001,{name},值班,2026-07-01 08:00,2026-07-02 08:00,带班领导",
        "T999,,值班,2026-07-01 08:00,2026-07-02 08:00,",
        "T002,张冠李戴,请假,2026-07-01,2026-07-03,",
        "T003,,请假,2026/7/5 8:00,2026-07-04 08:00,",
        "T004,,加班,yesterday,2026-07-04 08:00,",
    ], header="编号,姓名,类型,开始,结束,备注")
    result = read_shifts(path, people=demo.by_id)
    assert result.shifts == ()
    assert [str(p) for p in result.errors] == [
        f"{path}:3:编号: no one with id 'T999' in the roster",
        f"{path}:4:姓名: '张冠李戴' is not the name of T002 ({demo.by_id['T002'].name})",
        f"{path}:5:结束: ends before it starts",
        f"{path}:6:类型: unknown kind '加班' (值班 or 请假)",
        f"{path}:6:开始: 'yesterday' is not a time such as 2026-07-12 08:00",
    ]


def test_rota_reads_dates_and_kinds(tmp_path: Path) -> None:
    """Slashes, bare dates and leave words are understood."""
    demo = load_demo_roster()
    path = _csv(tmp_path, ["T002,,病假,2026/7/1,2026/7/3 12:00,"],
                header="编号,姓名,类型,开始,结束,备注")
    (shift,) = read_shifts(path, people=demo.by_id).shifts
    assert shift.kind is ShiftKind.LEAVE
    assert (shift.start, shift.end) == (dt.datetime(2026, 7, 1), dt.datetime(2026, 7, 3, 12))


# ── preview, import, store ───────────────────────────────────────────────────────


def test_diff_added_changed_removed() -> None:
    """The preview lists who is added, who is removed and which fields changed."""
    demo = load_demo_roster().people
    edited = dataclasses.replace(demo[1], phone="13800000000", post="镇长", demo=False)
    newcomer = Person("N1", "新人", "13800000001", Unit.PARTY_BUILDING, "干事")
    after = (demo[0], edited, *demo[3:], newcomer)
    diff = diff_people(demo, after)
    assert diff.added == (newcomer,)
    assert diff.removed == (demo[2],)
    (change,) = diff.changed
    assert change.before == demo[1] and change.fields == ("phone", "post")
    assert diff.unchanged == len(demo) - 2


def test_import_keeps_the_rota_of_a_user_roster_but_not_the_demo_one(tmp_path: Path) -> None:
    """The demo rota is demo data; a user roster's rota stays for the people who remain."""
    demo = load_demo_roster()
    path = tmp_path / "r.csv"
    write_people(path, demo)
    from_demo = import_roster(path, demo)
    assert from_demo.roster is not None and from_demo.roster.shifts == ()
    user = dataclasses.replace(demo, demo=False)
    smaller = Roster(demo.people[1:], VILLAGES, GRIDS)
    write_people(path, smaller)
    from_user = import_roster(path, user)
    assert from_user.roster is not None
    assert all(s.person != "T001" for s in from_user.roster.shifts)
    assert from_user.dropped_shifts == sum(s.person == "T001" for s in demo.shifts) > 0


def test_import_warns_about_grids_without_a_worker(tmp_path: Path) -> None:
    """Removing a grid worker leaves a grid uncovered: a warning, not an error."""
    demo = load_demo_roster()
    path = tmp_path / "r.csv"
    write_people(path, Roster(tuple(p for p in demo if p.id != "W039"), VILLAGES, GRIDS))
    result = import_roster(path, demo)
    assert result.ok
    assert [w.message for w in result.warnings] == ["no grid worker for 水田村第3网格"]


def test_failed_import_returns_no_roster(tmp_path: Path) -> None:
    """All or nothing: one bad row and there is no roster."""
    path = _csv(tmp_path, [GOOD_ROWS[0], "Z1,,13812345600,民生服务,,,,,,,,"])
    result = import_roster(path, load_demo_roster())
    assert result.roster is None and len(result.errors) == 1


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    """Writing is atomic: if the write fails, the previous file is untouched."""
    path = tmp_path / "r.csv"
    path.write_text("old", encoding="utf-8")
    bad = Person("Y1", "坏", "13812345601", Unit.PARTY_BUILDING, "x",
                 status="nonsense")  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        write_people(path, Roster((bad,), VILLAGES, GRIDS))
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]
