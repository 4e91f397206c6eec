"""The demo roster of Heixi town (黑溪镇): synthetic people, clearly marked as demo data.

129 people as in the report — 52 township staff (leadership, command centre and the four
boards), 38 village (community) staff and 39 grid workers, one per grid — with
synthetic names (a fixed seed over common surnames and given-name characters), masked
phone numbers (138****0001) and the flood-season 24-hour duty rota (汛期24小时值班表,
June–September 2026) with a few leave entries.

The generated files ship as ``resources/demo/roster.csv`` and
``resources/demo/duty-rota.csv`` (UTF-8 with BOM, the format ``roster import`` reads).
Regenerate them after changing this module with::

    uv run python -m console.roster.demo            # write the files
    uv run python -m console.roster.demo --check    # exit 1 if the files are stale

``VILLAGES`` and ``GRIDS`` are the township's real layout; the map uses the same ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from console.paths import resources_dir
from console.plans.vocabulary import Channel, Unit
from console.roster.model import Availability, DutyShift, Grid, Person, Roster, ShiftKind, Village
from console.roster.table_read import read_people, read_shifts
from console.roster.table_write import write_people, write_shifts

__all__ = [
    "DEMO_LABEL",
    "DEMO_ROTA_TITLE",
    "DEMO_TITLE",
    "DEMO_YEAR",
    "GRIDS",
    "VILLAGES",
    "build_demo_roster",
    "demo_files",
    "load_demo_roster",
    "write_demo_files",
]

DEMO_YEAR = 2026
DEMO_LABEL = "演示数据 DEMO DATA"
DEMO_TITLE = f"黑溪镇应急人员花名册（{DEMO_LABEL}：姓名为虚构，手机号已脱敏）"
DEMO_ROTA_TITLE = f"黑溪镇{DEMO_YEAR}年汛期24小时值班表（{DEMO_LABEL}）"
SEED = 20260601

# id, name, community, grid count — the order is the map's and the roster's.
_LAYOUT = (
    ("heixi", "黑溪社区", True, 5), ("shengdi", "胜地社区", True, 4),
    ("guangming", "光明村", False, 4), ("huzhu", "互助村", False, 4),
    ("shimen", "石门村", False, 4), ("qingshan", "青山村", False, 4),
    ("xintian", "新田村", False, 3), ("chayuan", "茶园村", False, 4),
    ("huangyan", "黄岩村", False, 4), ("shuitian", "水田村", False, 3),
)
VILLAGES = tuple(Village(vid, name, community) for vid, name, community, _ in _LAYOUT)
GRIDS = tuple(Grid(f"{vid}-{n}", f"{name}第{n}网格", vid)
              for vid, name, _, count in _LAYOUT for n in range(1, count + 1))

_FORESTED = {"shengdi", "shimen", "qingshan", "chayuan", "huangyan"}
_RIVERSIDE = {"heixi", "guangming", "huzhu", "xintian", "shuitian"}  # along the Heixi river
_SLOPES = {"guangming", "shimen", "qingshan", "huangyan"}  # landslide hazard points

_CC, _TC = "command_centre", "town_centre"
_RADIO = (Channel.PHONE, Channel.SMS, Channel.WECHAT, Channel.RADIO)

# Township staff: unit, post, tags, duty location. 10 + 5 + 8 + 10 + 10 + 9 = 52.
_TOWNSHIP: tuple[tuple[Unit, str, str, str], ...] = (
    (Unit.LEADERSHIP, "党委书记（指挥长）", "commander", _CC),
    (Unit.LEADERSHIP, "党委副书记、镇长", "deputy_commander", _CC),
    (Unit.LEADERSHIP, "人大主席", "deputy_commander", _CC),
    (Unit.LEADERSHIP, "党委副书记", "deputy_commander", _CC),
    (Unit.LEADERSHIP, "党委委员、纪委书记", "petition_officer", _CC),
    (Unit.LEADERSHIP, "党委委员、组织委员", "", _CC),
    (Unit.LEADERSHIP, "党委委员、宣传委员", "publicity", _CC),
    (Unit.LEADERSHIP, "党委委员、武装部长", "deputy_commander emergency_team forest_fire_squad",
     _CC),
    (Unit.LEADERSHIP, "副镇长（分管应急管理、平安法治）", "deputy_commander", _CC),
    (Unit.LEADERSHIP, "副镇长（分管农业农村、水利）", "deputy_commander", _CC),
    (Unit.COMMAND_CENTRE, "指挥中心主任", "duty_officer", _CC),
    (Unit.COMMAND_CENTRE, "值班调度员", "duty_officer", _CC),
    (Unit.COMMAND_CENTRE, "值班调度员", "duty_officer", _CC),
    (Unit.COMMAND_CENTRE, "值班调度员", "duty_officer publicity", _CC),
    (Unit.COMMAND_CENTRE, "值班调度员", "duty_officer driver", _CC),
    (Unit.PARTY_BUILDING, "党政办主任", "", _TC),
    (Unit.PARTY_BUILDING, "组织干事", "emergency_team", _TC),
    (Unit.PARTY_BUILDING, "宣传干事", "publicity", _TC),
    (Unit.PARTY_BUILDING, "融媒体宣传员", "publicity driver", _TC),
    (Unit.PARTY_BUILDING, "党政办干事（后勤保障）", "", _TC),
    (Unit.PARTY_BUILDING, "统战干事", "mediator", _TC),
    (Unit.PARTY_BUILDING, "党建指导员", "emergency_team", _TC),
    (Unit.PARTY_BUILDING, "驻村工作队员（石门村）", "village_cadre emergency_team", "shimen"),
    (Unit.ECONOMIC_DEVELOPMENT, "经济发展办主任", "", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "农业服务中心主任",
     "forestry_officer emergency_team forest_fire_squad", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "水利站站长", "water_officer flood_patrol", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "水利员", "water_officer emergency_team", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "水利员", "water_officer", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "林业站护林员",
     "forestry_officer emergency_team forest_fire_squad", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "规划建设环保干事", "geological_monitor road_crew", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "交通干事", "road_crew driver emergency_team", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "供电服务联络员", "electrician emergency_team", _TC),
    (Unit.ECONOMIC_DEVELOPMENT, "畜牧兽医员", "", _TC),
    (Unit.LIVELIHOOD_SERVICES, "民生服务办主任", "relief_officer", _TC),
    (Unit.LIVELIHOOD_SERVICES, "民政干事", "relief_officer", _TC),
    (Unit.LIVELIHOOD_SERVICES, "社会救助干事", "relief_officer emergency_team", _TC),
    (Unit.LIVELIHOOD_SERVICES, "卫生院院长", "medic", _TC),
    (Unit.LIVELIHOOD_SERVICES, "卫生院医生", "medic emergency_team", _TC),
    (Unit.LIVELIHOOD_SERVICES, "卫生院公共卫生医生", "medic", _TC),
    (Unit.LIVELIHOOD_SERVICES, "卫生院护士", "medic", _TC),
    (Unit.LIVELIHOOD_SERVICES, "卫生院护士", "medic", _TC),
    (Unit.LIVELIHOOD_SERVICES, "社保干事", "", _TC),
    (Unit.LIVELIHOOD_SERVICES, "退役军人服务站干事", "emergency_team driver", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "平安法治办主任", "emergency_team mediator", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "应急办干事", "emergency_team flood_patrol forest_fire_squad",
     _TC),
    (Unit.SAFETY_RULE_OF_LAW, "应急办干事", "emergency_team geological_monitor", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "安全生产监管员", "emergency_team", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "综治干事", "emergency_team mediator", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "司法所所长", "legal_adviser mediator", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "信访办干事", "petition_officer emergency_team", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "派出所驻镇联络民警", "police_liaison emergency_team", _TC),
    (Unit.SAFETY_RULE_OF_LAW, "应急分队队员（驾驶员）", "emergency_team driver forest_fire_squad",
     _TC),
)
_ON_LEAVE = "T041"  # standing status ON_LEAVE: a nurse on maternity leave (产假)

_SURNAMES = ("李王张刘陈杨黄赵周吴徐孙胡朱高何罗郑谢冉向彭田石龚谭舒庞汪邓余蒲侯秦"
             "唐程曾杜熊")
_GIVEN = ("建国华明军平红丽芳英兰梅文斌勇杰涛强磊洋艳霞敏静燕玲婷伟刚辉鹏飞云海林峰琴秀"
          "春桂德成志永学祥宇浩晨雪倩娟凤光荣松江川波")
# Never the names of the real people in the report, nor famous ones that distract.
_AVOID = frozenset({"王振芳", "张飞", "刘备", "关羽", "李白", "杜甫", "王勃", "周瑜", "孙权"})
_PREFIXES = ("138", "139", "136", "135", "137", "150", "151", "152", "158", "159", "182",
             "187", "188", "133", "153", "180", "189", "177", "199", "130", "131", "132",
             "155", "156", "185", "186")


class _Names:
    """Unique synthetic names and masked phones from one seeded generator."""

    def __init__(self, rng: random.Random, count: int):
        self.rng = rng
        self.used: set[str] = set()
        self.suffixes = iter(rng.sample(range(1, 10_000), count))

    def name(self) -> str:
        while True:
            given = "".join(self.rng.choice(_GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            name = self.rng.choice(_SURNAMES) + given
            if name not in self.used and name not in _AVOID:
                self.used.add(name)
                return name

    def phone(self) -> str:
        return f"{self.rng.choice(_PREFIXES)}****{next(self.suffixes):04d}"


def _village_posts(village: Village, grids: int) -> list[str]:
    head, chief = ("社区党委书记", "社区居委会主任") if village.community else (
        "村党支部书记", "村委会主任")
    clerk = "社区文书" if village.community else "村务文书"
    if grids <= 3:  # small villages: the secretary is also the director (一肩挑)
        return [f"{head}、{chief}", "综治专干", clerk]
    return [head, chief, "综治专干", clerk]


def _grid_leaders(posts: list[str], grids: list[str]) -> list[list[str]]:
    """Split the village's grids among its cadres in order; the clerk of a four-person
    village leads none, so some cadres lead two grids."""
    leaders = len(posts) - 1 if len(posts) >= 4 else len(posts)
    shares: list[list[str]] = [[] for _ in posts]
    for index, grid in enumerate(grids):
        shares[index * leaders // len(grids)].append(grid)
    return shares


def _tags(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _people(rng: random.Random) -> Iterator[Person]:
    names = _Names(rng, 129)
    heixi_grids = [g.id for g in GRIDS if g.village == "heixi"]
    for number, (unit, post, tag_text, duty) in enumerate(_TOWNSHIP, start=1):
        home = rng.choice(heixi_grids) if rng.random() < 0.55 else rng.choice(GRIDS).id
        stationed = duty not in (_CC, _TC)
        yield Person(
            id=f"T{number:03d}", name=names.name(), phone=names.phone(), unit=unit, post=post,
            village=duty if stationed else None, tags=_tags(tag_text), home=home,
            duty_location=duty,
            channels=_RADIO if unit in (Unit.COMMAND_CENTRE, Unit.LEADERSHIP) else (
                Channel.PHONE, Channel.SMS, Channel.WECHAT),
            status=Availability.ON_LEAVE if f"T{number:03d}" == _ON_LEAVE else Availability.ON_DUTY)
    number = 0
    for village in VILLAGES:
        grids = [g.id for g in GRIDS if g.village == village.id]
        posts = _village_posts(village, len(grids))
        for post, led in zip(posts, _grid_leaders(posts, grids), strict=True):
            number += 1
            tags = {"village_cadre"} | ({"grid_leader"} if led else set())
            if post == "综治专干":
                tags |= {"mediator", "legal_adviser", "forest_fire_squad"}
            elif "文书" in post:
                tags.add("publicity")
            elif village.id == "shengdi" or ("主任" in post and village.id in _FORESTED):
                tags.add("forest_fire_squad")  # Shengdi, the smoke-alert case: every cadre
            if village.id in _RIVERSIDE and "文书" not in post:
                tags.add("flood_patrol")
            yield Person(
                id=f"V{number:03d}", name=names.name(), phone=names.phone(), unit=Unit.VILLAGE,
                post=post + ("、网格长" if led else ""), village=village.id,
                tags=frozenset(tags), grids=tuple(led), home=led[0] if led else rng.choice(grids),
                duty_location=village.id,
                channels=_RADIO if post == "综治专干" else (
                    Channel.PHONE, Channel.SMS, Channel.WECHAT))
    for number, grid in enumerate(GRIDS, start=1):
        tags = {"grid_worker"}
        first = grid.id.endswith("-1")
        if grid.village in _FORESTED or first:
            tags.add("forest_fire_squad")
        if grid.village in _RIVERSIDE:
            tags.add("flood_patrol")
        if grid.village in _SLOPES:
            tags.add("geological_monitor")
        if first:
            tags.add("legal_adviser")
        for extra, chance in (("driver", 0.15), ("electrician", 0.1), ("road_crew", 0.15)):
            if rng.random() < chance:
                tags.add(extra)
        yield Person(
            id=f"W{number:03d}", name=names.name(), phone=names.phone(), unit=Unit.VILLAGE,
            post="网格员", village=grid.village, tags=frozenset(tags), grids=(grid.id,),
            home=grid.id, duty_location=grid.id, channels=_RADIO)


# person id, first day, last day (inclusive), note
_LEAVE = (
    ("T010", dt.date(2026, 7, 10), dt.date(2026, 7, 15), "外出培训（区委党校）"),
    ("T015", dt.date(2026, 7, 11), dt.date(2026, 7, 12), "病假"),
    ("V008", dt.date(2026, 8, 3), dt.date(2026, 8, 7), "年休假"),
    ("W016", dt.date(2026, 7, 12), dt.date(2026, 7, 13), "事假"),
)


def _rota(people: Sequence[Person]) -> list[DutyShift]:
    """Every day of the year 08:00 to 08:00 a command-centre duty officer (值班员), as a
    24-hour command centre needs; in the flood season (June–September) also a leader in
    charge (带班领导) and a board cadre (值班干部). Nobody on leave is put on duty."""
    leave = [DutyShift(pid, dt.datetime.combine(first, dt.time()),
                       dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
                       ShiftKind.LEAVE, note)
             for pid, first, last, note in _LEAVE]
    available = [p for p in people if p.status is not Availability.ON_LEAVE]
    pools = (
        ("带班领导", [p for p in available if p.tags & {"commander", "deputy_commander"}]),
        ("值班员", [p for p in available if p.unit is Unit.COMMAND_CENTRE]),
        ("值班干部", [p for p in available if p.township_staff and p.unit not in (
            Unit.LEADERSHIP, Unit.COMMAND_CENTRE)]),
    )
    turns = [0] * len(pools)
    duty: list[DutyShift] = []
    day = dt.date(DEMO_YEAR, 1, 1)
    while day <= dt.date(DEMO_YEAR, 12, 31):
        start = dt.datetime.combine(day, dt.time(8))
        end = start + dt.timedelta(days=1)
        flood_season = 6 <= day.month <= 9
        for index, (note, pool) in enumerate(pools):
            if note != "值班员" and not flood_season:
                continue
            while True:
                person = pool[turns[index] % len(pool)]
                turns[index] += 1
                if not any(s.person == person.id and s.start < end and start < s.end
                           for s in leave):
                    break
            duty.append(DutyShift(person.id, start, end, ShiftKind.DUTY, note))
        day += dt.timedelta(days=1)
    return duty + leave


def build_demo_roster() -> Roster:
    """The demo roster, generated: the same every time (fixed seed)."""
    people = tuple(_people(random.Random(SEED)))
    return Roster(people, VILLAGES, GRIDS, tuple(_rota(people)), source="generated",
                  demo=True)


def demo_files(folder: Path | None = None) -> tuple[Path, Path]:
    """The people and duty-rota files of the demo roster."""
    base = folder if folder is not None else resources_dir() / "demo"
    return base / "roster.csv", base / "duty-rota.csv"


def write_demo_files(folder: Path | None = None) -> tuple[Path, Path]:
    """Write the generated demo roster as ``roster.csv`` and ``duty-rota.csv``."""
    people_file, rota_file = demo_files(folder)
    people_file.parent.mkdir(parents=True, exist_ok=True)
    roster = build_demo_roster()
    write_people(people_file, roster, title=DEMO_TITLE)
    write_shifts(rota_file, roster, title=DEMO_ROTA_TITLE)
    return people_file, rota_file


@cache
def load_demo_roster() -> Roster:
    """The shipped demo roster; the roster and every person are marked ``demo``."""
    people_file, rota_file = demo_files()
    people = read_people(people_file, villages=VILLAGES, grids=GRIDS)
    if not people.ok:
        raise ValueError("the shipped demo roster is broken:\n"
                         + "\n".join(map(str, people.errors)))
    marked = tuple(dataclasses.replace(p, demo=True) for p in people.people)
    shifts = read_shifts(rota_file, people={p.id: p for p in marked})
    if not shifts.ok:
        raise ValueError("the shipped demo duty rota is broken:\n"
                         + "\n".join(map(str, shifts.errors)))
    return Roster(marked, VILLAGES, GRIDS, shifts.shifts, source=str(people_file), demo=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["--check"]):
        print("usage: python -m console.roster.demo [--check]", file=sys.stderr)
        return 2
    if args == ["--check"]:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            fresh = write_demo_files(Path(tmp))
            stale = [str(shipped) for new, shipped in zip(fresh, demo_files(), strict=True)
                     if not shipped.is_file() or shipped.read_bytes() != new.read_bytes()]
        for name in stale:
            print(f"{name}: stale — run python -m console.roster.demo", file=sys.stderr)
        return 1 if stale else 0
    for written in write_demo_files():
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
