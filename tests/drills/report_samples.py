"""A realistic after-action report's data, built by hand (no engine, no store): the
forest-smoke drill in 胜地社区 with ~30 people, ~200 timeline entries, targets met and
missed, skipped steps, a mobilisation curve, observations, actions and a trend.

Used by the report tests, ``benchmarks/bench_report.py`` and to regenerate
``docs/samples/`` (``uv run python -m tests.drills.report_samples``).
Names are synthetic demo names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

from console.drills.report_model import (
    ActionRow,
    CurvePoint,
    GanttRow,
    GroupRate,
    InjectRow,
    ObservationRow,
    ParticipantRow,
    ReportData,
    StageRow,
    TargetRow,
    TimelineRow,
    TrendRow,
)

__all__ = ["sample_report"]

INCIDENT = dt.datetime(2026, 3, 18, 14, 0, 0)
STARTED = dt.datetime(2026, 3, 18, 9, 30, 0)

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = ("建国", "振宇", "丽娟", "小兵", "文静", "海燕", "志强", "春梅", "国庆", "红英",
         "德明", "秀兰", "永福", "晓东", "玉珍", "光荣", "桂芳", "学军", "明亮", "素琴")
PINYIN_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou",
                   "Wu", "Xu", "Sun", "Ma", "Hu", "Zhu", "Guo", "He", "Luo", "Gao", "Lin")
PINYIN_GIVEN = ("Jianguo", "Zhenyu", "Lijuan", "Xiaobing", "Wenjing", "Haiyan", "Zhiqiang",
                "Chunmei", "Guoqing", "Hongying", "Deming", "Xiulan", "Yongfu", "Xiaodong",
                "Yuzhen", "Guangrong", "Guifang", "Xuejun", "Mingliang", "Suqin")

# (zh, en) pairs for everything the data says
UNITS = (("胜地社区", "Shengdi community"), ("平安法治板块", "Safety & rule of law board"),
         ("经济发展板块", "Economic development board"), ("民生服务板块", "Livelihood board"),
         ("光明村", "Guangming village"), ("党的建设板块", "Party building board"))
POSTS = (("网格长", "grid leader", "网格长（事发网格优先）", "Grid leaders"),
         ("网格员", "grid worker", "网格员", "Grid workers"),
         ("小分队队员", "squad member", "村（社区）森防应急小分队", "Village forest-fire squad"),
         ("林业员", "forestry officer", "农业服务中心林业员", "Forestry officer"),
         ("扑火队员", "fire crew", "镇森林消防半专业扑火队", "Town semi-professional fire crew"),
         ("驾驶员", "driver", "应急车辆驾驶员", "Emergency drivers"),
         ("值班员", "duty officer", "指挥中心值班员", "Command-centre duty officer"))
OUTCOMES = {"arrived": ("到场", "arrived"), "acked": ("确认未到场", "acknowledged, not arrived"),
            "unable": ("无法响应", "unable"), "silent": ("未应答", "no answer")}

# step id, zh title, en title, lane zh, lane en, planned start, planned finish,
# actual start, actual finish, status
STEPS = (
    ("alert", "接收烟火预警并推送农业服务中心", "Receive the smoke alert", "镇", "town",
     0, 30, 0, 42, "done"),
    ("accept", "农业服务中心受理研判", "Agricultural centre accepts", "镇", "town",
     30, 60, 42, 85, "done"),
    ("notify_grid", "电话通知事发网格长", "Call the grid leader", "镇", "town",
     60, 90, 85, 118, "done"),
    ("report_leader", "报告指挥长和分管领导", "Report to the commander", "镇", "town",
     60, 120, 85, 170, "done"),
    ("town_reinforce", "调派镇森林消防半专业扑火队", "Send the town fire crew", "镇", "town",
     120, 240, 170, 330, "done"),
    ("squad_callout", "网格长呼叫森防应急小分队", "Grid leader calls the squad", "网格", "grid",
     90, 130, 118, 151, "done"),
    ("grid_check", "网格员就近查看并管控火源", "Grid worker checks the fire", "网格", "grid",
     90, 330, 118, 402, "done"),
    ("false_alarm", "核实误报并核销", "Close as a false alarm", "网格", "grid",
     None, None, None, None, "skipped"),
    ("squad_move", "小分队携扑火机具赶赴现场", "Squad travels with tools", "村(社区)", "village",
     130, 250, 151, 344, "done"),
    ("scene_check", "到场侦察火情并拍照回传", "Scout and send photos", "村(社区)", "village",
     250, 310, 344, 420, "done"),
    ("straw_out", "扑灭用火点并劝导教育当事人", "Put out the straw fire", "村(社区)", "village",
     330, 630, None, None, "skipped"),
    ("initial_attack", "小分队初期扑救（打早、打小、打了）", "Initial attack by the squad",
     "村(社区)", "village", 330, 1230, 430, 1490, "done"),
    ("district_report", "向区森防指首报", "First report to the district", "区(市)", "district",
     600, 1200, 640, 1260, "done"),
    ("feedback", "处置结果拍照回传指挥中心", "Photo of the result back", "镇", "town",
     1230, 1290, 1490, 1560, "done"),
    ("written_report", "书面报告区森防指", "Written report to the district", "区(市)", "district",
     1290, 3600, 1560, None, "running"),
)
STATUS = {"done": ("已完成", "finished"), "skipped": ("已跳过", "skipped"),
          "running": ("进行中", "running")}

TARGETS = (  # zh, en, step index, within, actual
    ("1分钟响应", "Respond within 1 minute", 0, 60.0, 42.0),
    ("3分钟调度", "Squad called out within 3 minutes", 5, 180.0, 151.0),
    ("5分钟到场", "On scene within 5 minutes", 8, 300.0, 344.0),
    ("15分钟闭环反馈", "Loop closed within 15 minutes", 13, 900.0, 1560.0),
    ("30分钟内向区森防指首报", "First report to the district in 30 minutes", 12, 1800.0, 1260.0),
    ("1小时内书面报告", "Written report within 1 hour", 14, 3600.0, None),
)
STAGES = ((("上报", "report"), 60.0, 42.0), (("受理", "accept"), 90.0, 85.0),
          (("转办", "assign"), 180.0, 151.0), (("处置", "handle"), 1230.0, 1490.0),
          (("反馈", "feedback"), 1290.0, 1560.0))

ENGINE_KINDS = {"notified": ("通知", "notified"), "acknowledged": ("确认", "acknowledged"),
                "departed": ("出发", "departed"), "arrived": ("到场", "arrived"),
                "started": ("步骤开始", "step started"), "finished": ("步骤完成", "step finished"),
                "skipped": ("步骤跳过", "step skipped"), "met": ("目标达成", "target met"),
                "missed": ("目标未达成", "target missed"), "inject": ("情景注入", "inject"),
                "position": ("位置更新", "position"), "note": ("记录", "note"),
                "observation": ("观察", "observation"), "decision": ("决策", "decision")}


def _z(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def _participants(n: int, lang: str, rng: random.Random) -> list[ParticipantRow]:
    rows = []
    for i in range(n):
        s, g = i % len(SURNAMES), (i * 7 + 3 + i // len(SURNAMES)) % len(GIVEN)
        name = SURNAMES[s] + GIVEN[g] if lang == "zh" else f"{PINYIN_SURNAMES[s]} {PINYIN_GIVEN[g]}"
        unit = UNITS[0] if i < 12 else UNITS[1 + i % (len(UNITS) - 1)]
        post = POSTS[i % len(POSTS)]
        notified = 60.0 + 6 * (i % 8) + rng.uniform(0, 20)
        fate = "arrived" if i % 10 < 7 else ("acked" if i % 10 == 7 else
                                             ("unable" if i % 10 == 8 else "silent"))
        acknowledged = None if fate == "silent" else notified + rng.uniform(10, 110)
        arrived = None
        if fate == "arrived" and acknowledged is not None:
            arrived = acknowledged + rng.uniform(150, 700 if unit is UNITS[0] else 1500)
        rows.append(ParticipantRow(
            name=name, unit=_z(unit, lang),
            post=post[0] if lang == "zh" else post[1],
            role=post[2] if lang == "zh" else post[3],
            notified=round(notified), acknowledged=None if acknowledged is None else
            round(acknowledged), arrived=None if arrived is None else round(arrived),
            outcome=_z(OUTCOMES[fate], lang)))
    return rows


def _rates(people: list[ParticipantRow], lang: str) -> list[GroupRate]:
    groups: dict[str, list[ParticipantRow]] = {}
    for p in people:
        groups.setdefault(p.unit, []).append(p)

    def rate(name: str, rows: list[ParticipantRow]) -> GroupRate:
        return GroupRate(name, len(rows), sum(r.acknowledged is not None for r in rows),
                         sum(r.arrived is not None for r in rows))

    return [rate("全镇合计" if lang == "zh" else "All", people),
            *(rate(name, rows) for name, rows in groups.items())]


def _curve(people: list[ParticipantRow]) -> list[CurvePoint]:
    times = sorted({t for p in people for t in (p.acknowledged, p.arrived) if t is not None})
    return [CurvePoint(t, sum(1 for p in people if p.acknowledged is not None
                              and p.acknowledged <= t),
                       sum(1 for p in people if p.arrived is not None and p.arrived <= t))
            for t in times]


def _timeline(people: list[ParticipantRow], lang: str, events: int,
              rng: random.Random) -> list[TimelineRow]:
    def k(kind: str) -> str:
        return _z(ENGINE_KINDS[kind], lang)

    rows: list[tuple[float, str, str, str, bool]] = []
    for step in STEPS:
        title = step[1] if lang == "zh" else step[2]
        if step[9] == "skipped":
            rows.append((430.0, k("skipped"), title,
                         "研判为林地起火，不走此分支" if lang == "zh" else
                         "judged a forest fire: branch not taken", False))
            continue
        rows.append((float(step[7] or 0), k("started"), title, "", False))
        if step[8] is not None:
            rows.append((float(step[8]), k("finished"), title, "", False))
    for p in people:
        if p.notified is not None:
            rows.append((p.notified, k("notified"), p.name,
                         f"{p.role} ← 电话/短信" if lang == "zh" else f"{p.role} ← phone/SMS",
                         False))
        if p.acknowledged is not None:
            rows.append((p.acknowledged, k("acknowledged"), p.name,
                         f"{p.role} 经电话" if lang == "zh" else f"{p.role} via phone", False))
            if p.arrived is not None:
                rows.append((p.acknowledged + 20, k("departed"), p.name,
                             "→ 胜地社区3组林地" if lang == "zh" else "→ Shengdi grid 3 woods",
                             False))
                rows.append((p.arrived, k("arrived"), p.name,
                             "胜地社区3组林地" if lang == "zh" else "Shengdi grid 3 woods", False))
    for zh, en, _index, within, actual in TARGETS:
        if actual is not None:
            good = actual <= within
            rows.append((actual, k("met" if good else "missed"), zh if lang == "zh" else en,
                         f"用时{actual / 60:.1f}分钟 / 目标{within / 60:.0f}分钟" if lang == "zh"
                         else f"{actual / 60:.1f} min of {within / 60:.0f} min", False))
    for inj in _injects(lang):
        rows.append((inj.t, k("inject"), inj.kind, inj.message, False))
    for t, zh, en, kind in HUMAN:
        rows.append((t, k(kind), "值班员 周建国" if lang == "zh" else "Duty officer Zhou",
                     zh if lang == "zh" else en, True))
    while len(rows) < events:  # position reports fill the drill up to the size asked for
        p = people[len(rows) % len(people)]
        t = rng.uniform(60, 1600)
        rows.append((t, k("position"), p.name,
                     f"距现场{rng.uniform(0.1, 6):.1f}公里" if lang == "zh" else
                     f"{rng.uniform(0.1, 6):.1f} km from the scene", False))
    rows.sort(key=lambda r: r[0])
    return [TimelineRow(t, STARTED + dt.timedelta(seconds=t / 4), kind, subject, detail, human)
            for t, kind, subject, detail, human in rows[:events]]


HUMAN = (
    (35.0, "指挥中心收到胜地社区烟火预警照片，开始核实", "Smoke photo from Shengdi received; "
     "checking", "note"),
    (118.0, "胜地社区网格长赵永福已接电话，14:02确认", "Shengdi grid leader Zhao answered, "
     "acknowledged 14:02", "note"),
    (160.0, "决定：按林地起火处置，调派镇扑火队", "Decision: treat as a forest fire, send the "
     "town crew", "decision"),
    (344.0, "小分队到达现场 14:05，比目标晚44秒", "Squad on scene 14:05, 44 s late", "note"),
    (420.0, "现场照片已回传，为林下可燃物起火，面积约200平方米",
     "Photos back: litter fire under the trees, about 200 m²", "note"),
    (500.0, "观察员：小分队机具齐全，但对讲机电量不足", "Observer: squad fully equipped, but "
     "radio batteries low", "observation"),
    (640.0, "已电话首报区森防指", "First report phoned to the district", "note"),
    (900.0, "明火已扑灭，正在清理余火", "Open fire out; mopping up", "note"),
    (1200.0, "观察员：清理余火分工不清，两人重复检查同一区域", "Observer: mop-up roles "
     "unclear, two people checked the same area", "observation"),
    (1490.0, "余火清理完毕，留守2人看守", "Mop-up done, two people stay on watch", "note"),
    (1560.0, "处置结果照片回传指挥中心，闭环", "Result photo back at the centre; loop "
     "closed", "note"),
    (1600.0, "书面报告起草中", "Written report being drafted", "note"),
)


def _injects(lang: str) -> list[InjectRow]:
    data = ((0.0, "烟火预警", "smoke alert", "胜地社区3组林地出现烟火预警（附照片）",
             "Smoke and fire warning in Shengdi grid 3 woods (photo attached)"),
            (240.0, "道路中断", "road blocked", "村道K2+300处落石，小分队需绕行",
             "Rockfall on the village road at K2+300: the squad must detour"),
            (600.0, "风力增大", "wind rising", "风力增至4级，火线向东北蔓延",
             "Wind up to force 4; the fire spreads north-east"))
    return [InjectRow(t, kz if lang == "zh" else ke, mz if lang == "zh" else me)
            for t, kz, ke, mz, me in data]


def _gantt(lang: str) -> list[GanttRow]:
    return [GanttRow(step=s[1] if lang == "zh" else s[2], lane=s[3] if lang == "zh" else s[4],
                     planned_start=s[5], planned_finish=s[6], actual_start=s[7],
                     actual_finish=s[8], status=_z(STATUS[s[9]], lang)) for s in STEPS]


def _seconds(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _targets(lang: str) -> list[TargetRow]:
    return [TargetRow(zh if lang == "zh" else en, STEPS[i][1] if lang == "zh" else STEPS[i][2],
                      within, actual, actual is not None and actual <= within,
                      planned=_seconds(STEPS[i][6]))
            for zh, en, i, within, actual in TARGETS]


def _trend(lang: str) -> list[TrendRow]:
    titles = [zh if lang == "zh" else en for zh, en, *_ in TARGETS[:4]]
    history = ((dt.date(2025, 4, 10), "2025年春季森林防火演练", "Spring 2025 drill",
                (55, 240, 420, 1300)),
               (dt.date(2025, 9, 26), "2025年秋季森林防火演练", "Autumn 2025 drill",
                (48, 200, 380, 1100)),
               (dt.date(2025, 12, 5), "2025年冬季桌面推演", "Winter 2025 tabletop",
                (50, 170, None, 950)),
               (dt.date(2026, 3, 18), "本次演练", "This drill", (42, 151, 344, 1560)))
    return [TrendRow(zh if lang == "zh" else en, date,
                     {t: None if v is None else float(v) for t, v in zip(titles, vs, strict=True)})
            for date, zh, en, vs in history]


def sample_report(language: str = "zh", *, events: int = 200, participants: int = 30,
                  plan_changed: bool = True, seed: int = 7) -> ReportData:
    """The sample drill's report data in ``language`` with ``events`` timeline entries."""
    lang = "en" if language == "en" else "zh"
    rng = random.Random(seed)
    people = _participants(participants, lang, rng)
    zh = lang == "zh"
    return ReportData(
        language=lang,
        drill_id="D-20260318-01",
        drill_name="胜地社区森林火情模拟演练" if zh else "Shengdi community forest smoke drill",
        drill_type="模拟演练（单项）／HSEEP：功能演练" if zh else
        "simulated (single) / HSEEP functional exercise",
        purpose=("检验“135”快速反应机制和一键调度在森林火情中的实效，锻炼网格长、森防应急小分队"
                 "与指挥中心的协同。" if zh else
                 "Test the 135 rapid-response mechanism and one-click mobilisation on a forest "
                 "smoke alert, and practise grid leaders, the squad and the centre together."),
        objectives=(("1分钟内响应预警", "3分钟内调度小分队", "5分钟内到场", "15分钟内闭环反馈")
                    if zh else ("Respond within 1 minute", "Call out the squad within 3 "
                                "minutes", "On scene within 5 minutes",
                                "Close the loop within 15 minutes")),
        plan_title="黑溪镇森林火灾应急预案" if zh else "Heixi Town Forest Fire Contingency Plan",
        plan_id="forest-fire",
        plan_version="2026.1",
        plan_sha256="9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
        plan_changed=plan_changed,
        level="Ⅳ级（一般）" if zh else "Level IV (general)",
        place="胜地社区3组林地（网格3）" if zh else "Shengdi community, grid 3 woods",
        started=STARTED,
        incident_time=INCIDENT,
        duration=1680.0,
        weather="晴，东南风3级，气温18℃，相对湿度32%" if zh else
        "Sunny, SE wind force 3, 18 °C, humidity 32%",
        scenario=("14:00，森林防火感知设备发现胜地社区3组林地出现烟火，预警推送至农业服务中心。"
                  "经核实为林下可燃物起火，过火面积约200平方米，无人员伤亡。" if zh else
                  "At 14:00 a forest-fire sensor sees smoke in the Shengdi grid 3 woods and the "
                  "alert reaches the agricultural service centre. It is a litter fire of about "
                  "200 m² under the trees; nobody is hurt."),
        injects=tuple(_injects(lang)),
        demo_roster=True,
        participants=tuple(people),
        rates=tuple(_rates(people, lang)),
        never_answered=tuple(f"{p.name}（{p.unit}，{p.post}）" if zh else
                             f"{p.name} ({p.unit}, {p.post})"
                             for p in people if p.acknowledged is None),
        timeline=tuple(_timeline(people, lang, events, rng)),
        targets=tuple(_targets(lang)),
        stages=tuple(StageRow(_z(name, lang), planned, actual, actual <= planned)
                     for name, planned, actual in STAGES),
        critical_path=tuple(s[1] if zh else s[2] for s in STEPS if s[0] in
                            ("alert", "accept", "notify_grid", "squad_callout", "squad_move",
                             "scene_check", "initial_attack", "feedback")),
        gantt=tuple(_gantt(lang)),
        curve=tuple(_curve(people)),
        strengths=(("预警推送及时，值班员42秒内响应，优于1分钟目标。",
                    "网格长接到电话后33秒即呼叫小分队，“3分钟调度”目标达成。",
                    "现场照片回传清晰，指挥中心研判准确，未误判为农事用火。") if zh else
                   ("The alert arrived on time; the duty officer responded in 42 s.",
                    "The grid leader called the squad 33 s after the call.",
                    "Clear photos from the scene; the centre judged the fire correctly.")),
        problems=(("小分队绕行落石路段，到场用时5分44秒，超出“5分钟到场”目标44秒。",
                   "3人未应答，其中2人手机处于关机状态，未启用备用联系方式。",
                   "清理余火分工不清，闭环反馈超时。") if zh else
                  ("The squad's detour round the rockfall took it to 5:44, 44 s over target.",
                   "3 people never answered; 2 phones were off and no fallback was tried.",
                   "Mop-up roles were unclear and the loop closed late.")),
        actions=tuple(_actions(lang)),
        observations=tuple(_observations(lang)),
        trend=tuple(_trend(lang)),
        generated=dt.datetime(2026, 3, 18, 17, 30),
    )


def _actions(lang: str) -> list[ActionRow]:
    zh = lang == "zh"
    data = (("到场超时44秒", "Arrival 44 s late", "在胜地社区3组增设扑火机具前置点，并标注绕行路线",
             "Stage tools in Shengdi grid 3 and mark the detour route", "胜地社区 赵永福",
             "Zhao Yongfu (Shengdi)", dt.date(2026, 4, 30), "进行中", "in progress", 8),
            ("3人未应答", "3 people never answered", "值班名单增加第二联系方式，15秒未接自动转短信",
             "Add a second contact; fall back to SMS after 15 s", "党政办 李丽娟",
             "Li Lijuan (party office)", dt.date(2026, 4, 15), "未开始", "not started", 2),
            ("闭环反馈超时", "Loop closed late", "明确清理余火责任区和回传责任人",
             "Assign mop-up sectors and who sends the photo", "农业服务中心 张志强",
             "Zhang Zhiqiang (agri. centre)", dt.date(2026, 5, 10), "未开始", "not started", 13),
            ("对讲机电量不足", "Radio batteries low", "建立小分队装备每周检查制度",
             "Weekly equipment check for the squad", "平安法治板块 刘海燕",
             "Liu Haiyan (safety board)", None, "已完成", "done", 8))
    return [ActionRow(pz if zh else pe, az if zh else ae, oz if zh else oe, due,
                      sz if zh else se, STEPS[i][1] if zh else STEPS[i][2])
            for pz, pe, az, ae, oz, oe, due, sz, se, i in data]


def _observations(lang: str) -> list[ObservationRow]:
    zh = lang == "zh"
    data = ((42.0, "区应急局 陈德明", "Chen Deming (district)", 0, 5, "值班员响应迅速，流程熟练",
             "Quick, practised response at the desk"),
            (151.0, "区应急局 陈德明", "Chen Deming (district)", 5, 4, "网格长呼叫及时，用语规范",
             "Prompt, clear call-out"),
            (344.0, "镇纪委 黄秀兰", "Huang Xiulan (town)", 8, 2, "小分队未提前掌握绕行路线",
             "The squad did not know the detour"),
            (500.0, "镇纪委 黄秀兰", "Huang Xiulan (town)", 11, 3, "机具齐全，但对讲机电量不足",
             "Fully equipped, radio batteries low"),
            (1200.0, "区应急局 陈德明", "Chen Deming (district)", 11, 2,
             "清理余火分工不清，两人重复检查同一区域",
             "Mop-up roles unclear; two people checked the same area"),
            (None, "镇纪委 黄秀兰", "Huang Xiulan (town)", None, 4,
             "总体组织有序，建议下次增加夜间情景", "Well organised overall; add a night scenario"))
    return [ObservationRow(t, oz if zh else oe,
                           "" if i is None else (STEPS[i][1] if zh else STEPS[i][2]), rating,
                           tz if zh else te)
            for t, oz, oe, i, rating, tz, te in data]


def hostile(data: ReportData) -> ReportData:
    """The same report with markup in names and messages (for the escaping tests)."""
    evil = "<script>alert('x')</script>&amp;<b>粗</b>"
    people = (dataclasses.replace(data.participants[0], name="王" + evil),
              *data.participants[1:])
    timeline = (dataclasses.replace(data.timeline[0], detail=evil, human=True),
                *data.timeline[1:])
    return dataclasses.replace(data, drill_name="演练" + evil, participants=people,
                               timeline=timeline, problems=(*data.problems, evil),
                               scenario=data.scenario + "\x00\x07" + evil)


if __name__ == "__main__":  # regenerate docs/samples
    from console.drills.report import render

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/samples")
    for fmt in ("docx", "pdf", "html"):
        print(render(sample_report("zh"), fmt, out / f"after-action-report-sample.{fmt}"))
    print(render(sample_report("en"), "pdf", out / "after-action-report-sample-en.pdf"))
