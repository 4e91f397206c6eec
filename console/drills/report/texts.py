"""Section titles, labels and number formats of the after-action report, in zh and en.

Data texts (names, steps, messages) arrive in the report's language already; only the
report's own words live here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

__all__ = ["EN", "ZH", "Texts", "clean", "clock", "hhmm", "margin_text", "pct", "texts_for"]


@dataclass(frozen=True)
class Texts:
    """Every word the report prints that is not data."""

    lang: str
    title_suffix: str
    title_prefix: str
    demo: str
    demo_mark: str
    footer_page: str  # with {page} and {pages}
    drill_id: str
    generated: str
    # sections
    s_overview: str
    s_people: str
    s_timeline: str
    s_targets: str
    s_evaluation: str
    s_actions: str
    s_trend: str
    # subsections
    ss_basics: str
    ss_scenario: str
    ss_injects: str
    ss_rates: str
    ss_participants: str
    ss_never: str
    ss_target_table: str
    ss_stages: str
    ss_path: str
    ss_gantt: str
    ss_curve: str
    ss_strengths: str
    ss_problems: str
    ss_observations: str
    # facts
    f_name: str
    f_type: str
    f_purpose: str
    f_objectives: str
    f_started: str
    f_incident: str
    f_duration: str
    f_place: str
    f_level: str
    f_weather: str
    f_plan: str
    f_plan_version: str
    f_plan_hash: str
    plan_changed: str  # with {version} and {sha}
    plan_same: str
    # columns
    c_time: str
    c_clock: str
    c_kind: str
    c_message: str
    c_group: str
    c_called: str
    c_acked: str
    c_ack_rate: str
    c_arrived: str
    c_arrive_rate: str
    c_name: str
    c_unit: str
    c_post: str
    c_role: str
    c_notified: str
    c_outcome: str
    c_subject: str
    c_detail: str
    c_source: str
    c_target: str
    c_step: str
    c_within: str
    c_actual: str
    c_result: str
    c_margin: str
    c_stage: str
    c_planned: str
    c_observer: str
    c_rating: str
    c_text: str
    c_no: str
    c_problem: str
    c_action: str
    c_owner: str
    c_due: str
    c_status: str
    c_plan_step: str
    c_drill: str
    c_date: str
    # words
    overall: str
    met: str
    missed: str
    not_reached: str
    early: str  # with {d}
    late: str  # with {d}
    none: str
    human: str
    engine: str
    human_note: str
    people_summary: str  # with {called} {acked} {ack_pct} {arrived} {arrive_pct}
    targets_summary: str  # with {met} {total}
    path_sep: str
    timeline_summary: str  # with {rows} {human}
    fig_gantt: str
    fig_curve: str
    fig_trend: str
    chart_key: str
    font_missing: str
    glyphs_missing: str
    list_sep: str
    # chart words
    ch_minutes: str
    ch_actual_minutes: str
    ch_people: str
    ch_planned: str
    ch_actual: str
    ch_skipped: str
    ch_running: str
    ch_acked: str
    ch_arrived: str
    ch_called: str
    ch_gantt_title: str
    ch_curve_title: str
    ch_trend_title: str


ZH = Texts(
    lang="zh",
    title_suffix="演练评估报告",
    title_prefix="",
    demo="演示数据 DEMO DATA：本报告的人员名单为虚构的演示数据",
    demo_mark="演示数据 DEMO DATA",
    footer_page="第 {page} 页 / 共 {pages} 页",
    drill_id="演练编号",
    generated="报告生成时间",
    s_overview="一、演练概况",
    s_people="二、参演单位与人员",
    s_timeline="三、演练过程与时间线",
    s_targets="四、各环节用时与目标对比",
    s_evaluation="五、演练效果评价",
    s_actions="六、整改措施",
    s_trend="七、历次演练对比",
    ss_basics="（一）基本情况",
    ss_scenario="（二）演练情景",
    ss_injects="（三）情景注入",
    ss_rates="（一）响应率",
    ss_participants="（二）参演人员",
    ss_never="（三）未应答人员",
    ss_target_table="（一）目标达成情况",
    ss_stages="（二）事件处置全周期各环节",
    ss_path="（三）实际关键路径",
    ss_gantt="（四）计划与实际用时对比",
    ss_curve="（五）人员调动曲线",
    ss_strengths="（一）主要成效",
    ss_problems="（二）存在问题",
    ss_observations="（三）观察员评价",
    f_name="演练名称",
    f_type="演练类型",
    f_purpose="演练目的",
    f_objectives="演练目标",
    f_started="实施时间",
    f_incident="情景时间",
    f_duration="演练时长",
    f_place="演练地点",
    f_level="响应级别",
    f_weather="天气",
    f_plan="依据预案",
    f_plan_version="预案编号／版本",
    f_plan_hash="预案校验值（SHA-256）",
    plan_changed=(
        "注意：演练结束后预案文件已修改。本报告依据演练时保存的预案副本"
        "（版本 {version}，SHA-256 {sha}…）编制，与现行预案文件可能不一致。"
    ),
    plan_same="本报告依据演练时保存的预案副本编制。",
    c_time="用时",
    c_clock="时刻",
    c_kind="类型",
    c_message="内容",
    c_group="单位",
    c_called="通知",
    c_acked="确认",
    c_ack_rate="确认率",
    c_arrived="到场",
    c_arrive_rate="到场率",
    c_name="姓名",
    c_unit="单位",
    c_post="职务",
    c_role="岗位",
    c_notified="通知",
    c_outcome="结果",
    c_subject="对象",
    c_detail="内容",
    c_source="记录",
    c_target="目标",
    c_step="步骤",
    c_within="时限",
    c_actual="实际",
    c_result="达成情况",
    c_margin="差值",
    c_stage="环节",
    c_planned="计划",
    c_observer="观察员",
    c_rating="评分",
    c_text="意见",
    c_no="序号",
    c_problem="问题",
    c_action="整改措施",
    c_owner="责任人",
    c_due="完成时限",
    c_status="状态",
    c_plan_step="预案步骤",
    c_drill="演练",
    c_date="日期",
    overall="合计",
    met="达成",
    missed="未达成",
    not_reached="未到达",
    early="提前 {d}",
    late="超时 {d}",
    none="无",
    human="人工",
    engine="",
    human_note="时间以报警时刻为起点（分:秒），“时刻”为情景时钟；标注“人工”并加底色的是操作员或观察员的记录。",
    people_summary=(
        "共通知 {called} 人，确认 {acked} 人（{ack_pct}），到场 {arrived} 人（{arrive_pct}）。"
    ),
    targets_summary="共 {total} 项目标，达成 {met} 项。",
    path_sep=" → ",
    timeline_summary="时间线共 {rows} 条记录，其中人工记录 {human} 条。",
    fig_gantt="图1 各步骤计划用时（浅色）与实际用时（深色）对比",
    fig_curve="图2 人员确认与到场随时间变化",
    fig_trend="图3 历次演练各目标实际用时",
    chart_key="图中编号：",
    font_missing="未找到中文字体，图中文字以英文和编号显示。",
    glyphs_missing="图中部分字符无法用现有字体显示。",
    list_sep="；",
    ch_minutes="距报警时间（分钟）",
    ch_actual_minutes="实际用时（分钟）",
    ch_people="人数",
    ch_planned="计划",
    ch_actual="实际",
    ch_skipped="已跳过",
    ch_running="未完成",
    ch_acked="已确认",
    ch_arrived="已到场",
    ch_called="通知人数",
    ch_gantt_title="计划与实际用时",
    ch_curve_title="人员调动曲线",
    ch_trend_title="历次演练对比",
)

EN = Texts(
    lang="en",
    title_suffix="",
    title_prefix="After-action report: ",
    demo="DEMO DATA: the people in this report are synthetic demo data",
    demo_mark="DEMO DATA",
    footer_page="Page {page} of {pages}",
    drill_id="Drill id",
    generated="Generated",
    s_overview="1. Drill overview",
    s_people="2. Participating units and staff",
    s_timeline="3. Conduct of the drill and timeline",
    s_targets="4. Time per stage against the targets",
    s_evaluation="5. Evaluation",
    s_actions="6. Corrective actions",
    s_trend="7. Comparison with earlier drills",
    ss_basics="1.1 Basic facts",
    ss_scenario="1.2 Scenario",
    ss_injects="1.3 Scenario injects",
    ss_rates="2.1 Response rates",
    ss_participants="2.2 Participants",
    ss_never="2.3 Called and never answered",
    ss_target_table="4.1 Targets",
    ss_stages="4.2 Event lifecycle stages",
    ss_path="4.3 Critical path actually taken",
    ss_gantt="4.4 Planned against actual",
    ss_curve="4.5 Mobilisation curve",
    ss_strengths="5.1 Strengths",
    ss_problems="5.2 Problems",
    ss_observations="5.3 Observations",
    f_name="Drill",
    f_type="Type",
    f_purpose="Purpose",
    f_objectives="Objectives",
    f_started="Held",
    f_incident="Scenario time",
    f_duration="Duration",
    f_place="Place",
    f_level="Response level",
    f_weather="Weather",
    f_plan="Plan",
    f_plan_version="Plan id / version",
    f_plan_hash="Plan checksum (SHA-256)",
    plan_changed=(
        "Note: the plan file has changed since the drill. This report uses the copy of "
        "the plan stored with the drill (version {version}, SHA-256 {sha}…), which may "
        "differ from the current plan file."
    ),
    plan_same="This report uses the copy of the plan stored with the drill.",
    c_time="Time",
    c_clock="Clock",
    c_kind="Kind",
    c_message="Message",
    c_group="Unit",
    c_called="Called",
    c_acked="Ack.",
    c_ack_rate="Ack. rate",
    c_arrived="Arrived",
    c_arrive_rate="Arrival rate",
    c_name="Name",
    c_unit="Unit",
    c_post="Post",
    c_role="Role",
    c_notified="Called",
    c_outcome="Outcome",
    c_subject="Subject",
    c_detail="Detail",
    c_source="Entry",
    c_target="Target",
    c_step="Step",
    c_within="Within",
    c_actual="Actual",
    c_result="Result",
    c_margin="Margin",
    c_stage="Stage",
    c_planned="Planned",
    c_observer="Observer",
    c_rating="Rating",
    c_text="Observation",
    c_no="No.",
    c_problem="Problem",
    c_action="Action",
    c_owner="Owner",
    c_due="Due",
    c_status="Status",
    c_plan_step="Plan step",
    c_drill="Drill",
    c_date="Date",
    overall="Overall",
    met="met",
    missed="missed",
    not_reached="not reached",
    early="{d} early",
    late="{d} late",
    none="none",
    human="manual",
    engine="",
    human_note=(
        "Times are from the alert (mm:ss); the clock column is the scenario's clock. "
        "Entries marked “manual” and shaded were recorded by an operator or observer."
    ),
    people_summary=(
        "{called} people called, {acked} acknowledged ({ack_pct}), "
        "{arrived} arrived ({arrive_pct})."
    ),
    targets_summary="{met} of {total} targets met.",
    path_sep=" → ",
    timeline_summary="{rows} timeline entries, {human} of them recorded by hand.",
    fig_gantt="Figure 1. Planned (light) against actual (solid) time per step",
    fig_curve="Figure 2. People acknowledged and arrived over time",
    fig_trend="Figure 3. Actual time per target in earlier drills",
    chart_key="Numbers in the chart: ",
    font_missing=(
        "No Chinese font was found: chart labels are shown in English and as numbers."
    ),
    glyphs_missing="Some characters in the charts cannot be drawn in the fonts available.",
    list_sep="; ",
    ch_minutes="minutes from the alert",
    ch_actual_minutes="actual time (minutes)",
    ch_people="people",
    ch_planned="planned",
    ch_actual="actual",
    ch_skipped="skipped",
    ch_running="not finished",
    ch_acked="acknowledged",
    ch_arrived="arrived",
    ch_called="called",
    ch_gantt_title="Planned against actual",
    ch_curve_title="Mobilisation",
    ch_trend_title="Earlier drills",
)


def texts_for(language: str) -> Texts:
    """The report's words for ``language`` ("zh" or "en"; anything else reads as Chinese)."""
    return EN if language.lower().startswith("en") else ZH


def clock(seconds: float | None, dash: str = "—") -> str:
    """Time from the alert: ``mm:ss`` below an hour, ``h:mm:ss`` above; negative with a sign."""
    if seconds is None or math.isnan(seconds) or math.isinf(seconds):
        return dash
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(round(abs(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"


def hhmm(moment: dt.datetime | None, dash: str = "—") -> str:
    """A wall-clock time as ``HH:MM``."""
    return dash if moment is None else moment.strftime("%H:%M")


def margin_text(margin: float | None, texts: Texts) -> str:
    """How much earlier (or later) than the limit: ``提前 01:20`` / ``超时 00:45``."""
    if margin is None or math.isnan(margin):
        return "—"
    if margin >= 0:
        return texts.early.format(d=clock(margin))
    return texts.late.format(d=clock(-margin))


def pct(part: int, whole: int) -> str:
    """A rate as ``87.5%``; ``—`` when nobody was called."""
    return "—" if whole <= 0 else f"{100.0 * part / whole:.1f}%"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without the control characters XML and PDF cannot carry (tabs and newlines stay)."""
    return _CONTROL.sub("", text)
