"""``ReportData`` → the report's blocks (``blocks.Document``): sections, tables, figures.

Structure after AQ/T 9009-2015 and GB/T 46792-2025: 一、演练概况 … 六、整改措施, and
七、历次演练对比 when there are earlier drills of the same plan.
"""

from __future__ import annotations

import datetime as dt

from console.drills.report_model import ReportData

from .blocks import Align, Block, Bullets, Cell, Document, Figure, Heading, Paragraph, Table, Tone
from .charts import Chart, Charts, trend_targets
from .texts import Texts, clean, clock, hhmm, margin_text, pct, texts_for

__all__ = ["build_document", "report_title"]

HASH_PREFIX = 12


def report_title(data: ReportData, texts: Texts) -> str:
    """《胜地社区森林火情模拟演练评估报告》; "After-action report: …" in English."""
    name = clean(data.drill_name).strip()
    if texts.lang == "en":
        return texts.title_prefix + name
    suffix = texts.title_suffix[2:] if name.endswith("演练") else texts.title_suffix
    return f"{name}{suffix}"


def _when(moment: dt.datetime | None) -> str:
    return "—" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def _c(text: str, tone: Tone = "") -> Cell:
    return Cell(clean(text), tone)


def _overview(data: ReportData, t: Texts) -> list[Block]:
    facts = [
        (t.f_name, data.drill_name),
        (t.f_type, data.drill_type),
        (t.f_purpose, data.purpose),
        (t.f_objectives, "\n".join(f"{i}. {o}" for i, o in enumerate(data.objectives, 1))),
        (t.f_started, _when(data.started)),
        (t.f_incident, _when(data.incident_time)),
        (t.f_duration, clock(data.duration)),
        (t.f_place, data.place),
        (t.f_level, data.level),
        (t.f_weather, data.weather),
        (t.f_plan, data.plan_title),
        (t.f_plan_version, f"{data.plan_id} / {data.plan_version}"),
        (t.f_plan_hash, data.plan_sha256[:HASH_PREFIX] + ("…" if data.plan_sha256 else "")),
    ]
    blocks: list[Block] = [
        Heading(t.s_overview, 1),
        Heading(t.ss_basics, 2),
        Table(("", ""), tuple((_c(k, "total"), _c(v or "—")) for k, v in facts), (1.35, 3.4),
              header=False),
    ]
    if data.plan_changed:
        blocks.append(Paragraph(clean(t.plan_changed.format(
            version=data.plan_version, sha=data.plan_sha256[:HASH_PREFIX])), "warn"))
    else:
        blocks.append(Paragraph(t.plan_same, "note"))
    blocks += [Heading(t.ss_scenario, 2), Paragraph(clean(data.scenario) or t.none)]
    if data.injects:
        blocks += [Heading(t.ss_injects, 2), Table(
            (t.c_time, t.c_clock, t.c_kind, t.c_message),
            tuple((_c(clock(i.t)), _c(hhmm(data.incident_time + dt.timedelta(seconds=i.t))),
                   _c(i.kind), _c(i.message)) for i in sorted(data.injects, key=lambda i: i.t)),
            (0.8, 0.7, 1.2, 4.6), align=("r", "c", "l", "l"))]
    return blocks


def _people(data: ReportData, t: Texts) -> list[Block]:
    blocks: list[Block] = [Heading(t.s_people, 1)]
    if data.rates:
        total = data.rates[0]
        blocks.append(Paragraph(t.people_summary.format(
            called=total.called, acked=total.acknowledged, arrived=total.arrived,
            ack_pct=pct(total.acknowledged, total.called),
            arrive_pct=pct(total.arrived, total.called))))
        rows = tuple(
            (_c(r.group, "total" if i == 0 else ""), _c(str(r.called)),
             _c(str(r.acknowledged)), _c(pct(r.acknowledged, r.called)),
             _c(str(r.arrived)), _c(pct(r.arrived, r.called)))
            for i, r in enumerate(data.rates))
        blocks += [Heading(t.ss_rates, 2), Table(
            (t.c_group, t.c_called, t.c_acked, t.c_ack_rate, t.c_arrived, t.c_arrive_rate),
            rows, (2.6, 0.8, 0.8, 1.0, 0.8, 1.0), align=("l", "r", "r", "r", "r", "r"))]
    blocks.append(Heading(t.ss_participants, 2))
    if data.participants:
        order = sorted(data.participants, key=lambda p: (p.unit, p.notified is None,
                                                         p.notified or 0.0))
        blocks.append(Table(
            (t.c_name, t.c_unit, t.c_post, t.c_role, t.c_notified, t.c_acked, t.c_arrived,
             t.c_outcome),
            tuple((_c(p.name), _c(p.unit), _c(p.post), _c(p.role), _c(clock(p.notified)),
                   _c(clock(p.acknowledged)), _c(clock(p.arrived)),
                   _c(p.outcome, "good" if p.arrived is not None else
                      ("bad" if p.acknowledged is None else ""))) for p in order),
            (1.1, 1.3, 1.0, 1.7, 0.75, 0.75, 0.75, 1.1), small=True,
            align=("l", "l", "l", "l", "r", "r", "r", "l")))
    else:
        blocks.append(Paragraph(t.none))
    blocks.append(Heading(t.ss_never, 2))
    blocks.append(Bullets(tuple(clean(n) for n in data.never_answered)) if data.never_answered
                  else Paragraph(t.none))
    return blocks


def _timeline(data: ReportData, t: Texts) -> list[Block]:
    rows = sorted(data.timeline, key=lambda r: r.t)  # stable: recorded order among equals
    human = sum(r.human for r in rows)
    return [
        Heading(t.s_timeline, 1),
        Paragraph(t.timeline_summary.format(rows=len(rows), human=human)),
        Paragraph(t.human_note, "note"),
        Table(
            (t.c_time, t.c_clock, t.c_kind, t.c_subject, t.c_detail, t.c_source),
            tuple(tuple(_c(text, "human" if r.human else "") for text in (
                clock(r.t), hhmm(data.incident_time + dt.timedelta(seconds=r.t)), r.kind,
                r.subject, r.detail, t.human if r.human else t.engine)) for r in rows),
            (0.75, 0.6, 1.0, 1.7, 3.2, 0.6), small=True, align=("r", "c", "l", "l", "l", "c")),
    ]


def _figure(chart: Chart | None, caption: str, t: Texts) -> list[Block]:
    if chart is None:
        return [Paragraph(t.none)]
    blocks: list[Block] = [Figure(chart.png, chart.width_in, chart.height_in, caption, caption)]
    if chart.key:
        blocks.append(Paragraph(t.chart_key + t.list_sep.join(chart.key), "caption"))
    return blocks


def _targets(data: ReportData, t: Texts, charts: Charts) -> list[Block]:
    met = sum(r.met for r in data.targets)
    blocks: list[Block] = [Heading(t.s_targets, 1), Heading(t.ss_target_table, 2)]
    if data.targets:
        blocks.append(Paragraph(t.targets_summary.format(met=met, total=len(data.targets))))
        # TargetRow.planned (the plan's own expected time) is newer than the rest of the
        # contract: a column only when the evaluation fills it.
        planned = [getattr(r, "planned", None) for r in data.targets]
        with_plan = any(p is not None for p in planned)
        blocks.append(Table(
            (t.c_target, t.c_step, t.c_within, *((t.c_planned,) if with_plan else ()),
             t.c_actual, t.c_result, t.c_margin),
            tuple((_c(r.target), _c(r.step), _c(clock(r.within)),
                   *((_c(clock(p)),) if with_plan else ()),
                   _c(clock(r.actual, t.not_reached), "" if r.actual is not None else "muted"),
                   _c(t.met if r.met else t.missed, "good" if r.met else "bad"),
                   _c(margin_text(r.margin, t), "good" if r.met else "bad"))
                  for r, p in zip(data.targets, planned, strict=True)),
            (1.9, 2.3, 0.75, *((0.75,) if with_plan else ()), 0.85, 0.85, 1.05),
            align=("l", "l", "r", *(("r",) if with_plan else ()), "r", "c", "r")))
    else:
        blocks.append(Paragraph(t.none))
    blocks.append(Heading(t.ss_stages, 2))
    if data.stages:
        def result(met: bool | None) -> Cell:
            return _c("—") if met is None else _c(t.met if met else t.missed,
                                                  "good" if met else "bad")

        blocks.append(Table(
            (t.c_stage, t.c_planned, t.c_actual, t.c_margin, t.c_result),
            tuple((_c(s.stage), _c(clock(s.planned)), _c(clock(s.actual, t.not_reached)),
                   _c(margin_text(None if s.planned is None or s.actual is None
                                  else s.planned - s.actual, t)), result(s.met))
                  for s in data.stages),
            (1.6, 1.0, 1.0, 1.2, 1.0), align=("l", "r", "r", "r", "c")))
    else:
        blocks.append(Paragraph(t.none))
    blocks.append(Heading(t.ss_path, 2))
    blocks.append(Paragraph(clean(t.path_sep.join(data.critical_path)) or t.none))
    blocks.append(Heading(t.ss_gantt, 2))
    blocks += _figure(charts.gantt, t.fig_gantt, t)
    blocks.append(Heading(t.ss_curve, 2))
    blocks += _figure(charts.curve, t.fig_curve, t)
    return blocks


def _evaluation(data: ReportData, t: Texts) -> list[Block]:
    blocks: list[Block] = [Heading(t.s_evaluation, 1)]
    for title, items in ((t.ss_strengths, data.strengths), (t.ss_problems, data.problems)):
        blocks.append(Heading(title, 2))
        blocks.append(Bullets(tuple(clean(i) for i in items)) if items else Paragraph(t.none))
    blocks.append(Heading(t.ss_observations, 2))
    if data.observations:
        rows = sorted(data.observations, key=lambda o: (o.t is None, o.t or 0.0))
        blocks.append(Table(
            (t.c_time, t.c_observer, t.c_step, t.c_rating, t.c_text),
            tuple((_c(clock(o.t)), _c(o.observer), _c(o.step or "—"),
                   _c("—" if o.rating is None else f"{o.rating}/5",
                      "" if o.rating is None else ("good" if o.rating >= 4 else
                                                   "bad" if o.rating <= 2 else "")),
                   _c(o.text)) for o in rows),
            (0.75, 1.5, 1.9, 0.6, 3.0), align=("r", "l", "l", "c", "l")))
    else:
        blocks.append(Paragraph(t.none))
    return blocks


def _actions(data: ReportData, t: Texts) -> list[Block]:
    if not data.actions:
        return [Heading(t.s_actions, 1), Paragraph(t.none)]
    return [Heading(t.s_actions, 1), Table(
        (t.c_no, t.c_problem, t.c_action, t.c_owner, t.c_due, t.c_status, t.c_plan_step),
        tuple((_c(str(i)), _c(a.problem), _c(a.action), _c(a.owner),
               _c("—" if a.due is None else a.due.isoformat()), _c(a.status), _c(a.step or "—"))
              for i, a in enumerate(data.actions, 1)),
        (0.55, 1.5, 2.2, 1.2, 1.0, 0.75, 1.4), small=True,
        align=("c", "l", "l", "l", "c", "c", "l"))]


def _trend(data: ReportData, t: Texts, charts: Charts) -> list[Block]:
    if not data.trend:
        return []
    titles = trend_targets(data)
    limits = {r.target: r.within for r in data.targets}
    columns = (t.c_drill, t.c_date, *(f"{title}\n≤{clock(limits[title])}" if title in limits
                                      else title for title in titles))

    def value(title: str, seconds: float | None) -> Cell:
        if seconds is None:
            return _c(t.not_reached, "muted")
        limit = limits.get(title)
        return _c(clock(seconds), "" if limit is None else "good" if seconds <= limit else "bad")

    rows = tuple((_c(r.drill), _c(r.date.isoformat()),
                  *(value(title, r.values.get(title)) for title in titles))
                 for r in sorted(data.trend, key=lambda r: r.date))
    right: list[Align] = ["r" for _ in titles]
    return [Heading(t.s_trend, 1), Table(
        columns, rows, (1.8, 1.0, *(1.0 for _ in titles)), small=len(titles) > 4,
        align=("l", "c", *right)), *_figure(charts.trend, t.fig_trend, t)]


def build_document(data: ReportData, charts: Charts) -> Document:
    """The whole report as blocks, in the data's language."""
    t = texts_for(data.language)
    title = report_title(data, t)
    blocks: list[Block] = []
    warnings = list(charts.notes)
    if charts.font is None and (charts.gantt or charts.curve or charts.trend):
        warnings.append(t.font_missing)
    blocks += [Paragraph(note, "warn") for note in warnings]
    blocks += _overview(data, t)
    blocks += _people(data, t)
    blocks += _timeline(data, t)
    blocks += _targets(data, t, charts)
    blocks += _evaluation(data, t)
    blocks += _actions(data, t)
    blocks += _trend(data, t, charts)
    marker = clean(data.marker) or "演练 DRILL"
    demo = t.demo if data.demo_roster else ""
    header = f"{marker}　{title}" + (f"　{t.demo_mark}" if demo else "")
    return Document(
        language=t.lang,
        title=title,
        subtitle=(f"{t.drill_id}：{clean(data.drill_id)}" if t.lang == "zh" else
                  f"{t.drill_id}: {clean(data.drill_id)}",
                  f"{t.generated}：{_when(data.generated)}" if t.lang == "zh" else
                  f"{t.generated}: {_when(data.generated)}"),
        marker=marker,
        demo=demo,
        demo_mark=t.demo_mark if demo else "",
        header=header,
        footer_page=t.footer_page,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )
