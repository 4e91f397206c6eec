"""What went well and what did not (演练效果评价), derived from the measured data alone,
as short sentences in Chinese (or English): targets met or missed, the slowest links of
the actual critical path, people who never answered or could not get there, response
rates, steps nobody could do, escalations, and the observers' low and high ratings."""

from __future__ import annotations

from collections.abc import Sequence

from console.simulation.events import EventKind

from .entries import ObservationRecord
from .measure import Measured
from .names import Namer, spoken

__all__ = ["findings"]

#: Response rates at or above this are a strength, below ``WEAK_RATE`` a problem.
GOOD_RATE = 0.9
WEAK_RATE = 0.8
#: How many of the slowest links are named.
SLOWEST = 3
#: How many names a sentence lists before "等N人".
NAMES = 6


def _names(names: Sequence[str], zh: bool) -> str:
    shown = ("、" if zh else ", ").join(names[:NAMES])
    more = len(names) - NAMES
    if more > 0:
        shown += f"等{len(names)}人" if zh else f" and {more} more"
    return shown


def findings(m: Measured, namer: Namer, observations: Sequence[ObservationRecord] = ()
             ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(strengths, problems) as sentences in the namer's language."""
    zh = namer.zh
    lang = "zh" if zh else "en"
    good: list[str] = []
    bad: list[str] = []
    for t in m.targets:
        title = namer.target(t.target)
        if t.actual is None:
            bad.append(f"「{title}」未能考核：步骤「{namer.step(t.step)}」未执行。" if zh else
                       f"{title}: not reached (step {namer.step(t.step)} never ran).")
        elif t.met:
            good.append(f"「{title}」达标：用时{spoken(t.actual, lang)}，"
                        f"目标{spoken(t.within, lang)}，提前{spoken(t.margin, lang)}。" if zh else
                        f"{title} met: {spoken(t.actual, lang)} against "
                        f"{spoken(t.within, lang)} ({spoken(t.margin, lang)} to spare).")
        else:
            over = -(t.margin or 0.0)
            bad.append(f"「{title}」未达标：用时{spoken(t.actual, lang)}，"
                       f"超出目标（{spoken(t.within, lang)}）{spoken(over, lang)}。" if zh else
                       f"{title} missed: {spoken(t.actual, lang)} against "
                       f"{spoken(t.within, lang)}, {spoken(over, lang)} over.")
    people = list(m.people.values())
    called = len(people)
    if called:
        acked = sum(1 for p in people if p.acknowledged is not None)
        rate = acked / called
        sentence = (f"通知确认率{rate:.0%}（{acked}/{called}人）。" if zh else
                    f"Acknowledgement rate {rate:.0%} ({acked} of {called}).")
        if rate >= GOOD_RATE:
            good.append(sentence)
        elif rate < WEAK_RATE:
            bad.append(("通知确认率偏低：" if zh else "Low acknowledgement rate: ") + sentence)
    if m.summary.first_ack is not None and m.summary.first_ack <= 60:
        good.append(f"首个确认响应用时{spoken(m.summary.first_ack, lang)}。" if zh else
                    f"First acknowledgement after {spoken(m.summary.first_ack, lang)}.")
    for cause in m.summary.causes[:SLOWEST]:
        step = namer.step(cause.step)
        took = spoken(cause.seconds, lang)
        if cause.kind == "people":
            who = f"（最后到位：{namer.person_name(cause.person)}）" if cause.person and zh else (
                f" (last: {namer.person_name(cause.person)})" if cause.person else "")
            bad.append(f"关键路径耗时环节：「{step}」等待{namer.role(cause.role)}到位{took}{who}。"
                       if zh else f"Slow link: {step} waited {took} for "
                       f"{namer.role(cause.role)}{who}.")
        elif cause.kind == "travel":
            who = f"（最后到达：{namer.person_name(cause.person)}）" if cause.person and zh else (
                f" (last: {namer.person_name(cause.person)})" if cause.person else "")
            bad.append(f"关键路径耗时环节：「{step}」赶赴现场用时{took}{who}。" if zh else
                       f"Slow link: travel for {step} took {took}{who}.")
        else:
            bad.append(f"关键路径耗时环节：「{step}」处置用时{took}。" if zh else
                       f"Slow link: the work of {step} took {took}.")
    silent = [namer.person_name(p) for p in m.summary.never_answered]
    if silent:
        bad.append(f"{len(silent)}人被呼叫后始终未应答：{_names(silent, zh)}。" if zh else
                   f"{len(silent)} called and never answered: {_names(silent, zh)}.")
    stuck = [namer.person_name(p.person) for p in people if p.outcome == "unreachable"]
    if stuck:
        bad.append(f"{len(stuck)}人因道路中断等原因无法到达：{_names(stuck, zh)}。" if zh else
                   f"{len(stuck)} could not get there (road closed): {_names(stuck, zh)}.")
    for e in m.events:
        if e.kind is EventKind.STEP_SKIPPED and e.get("reason") == "no_people":
            bad.append(f"「{namer.step(e.subject)}」无人可执行，被跳过。" if zh else
                       f"{namer.step(e.subject)} was skipped: nobody to do it.")
        elif e.kind is EventKind.ESCALATED and e.get("to"):
            bad.append(f"{namer.role(e.subject)}人员不足{e.get('short')}人，已上报"
                       f"{namer.level_of(e.get('to'))}。"
                       if zh else f"{namer.role(e.subject)} was {e.get('short')} short and "
                       f"reported up to {e.get('to')}.")
        elif e.kind is EventKind.ENDED and e.get("reason") == "stalled":
            bad.append("响应未能闭环：流程因缺人或道路中断而停滞。" if zh else
                       "The response stalled (people missing or roads closed) before closing "
                       "the loop.")
    for o in observations:
        where = (f"「{namer.step(o.step)}」" if zh else f"'{namer.step(o.step)}'") if o.step else ""
        if o.rating is not None and o.rating >= 4:
            good.append(f"观察员评价{where}（{o.rating}/5）：{o.text}" if zh else
                        f"Observer on {where or 'the drill'} ({o.rating}/5): {o.text}")
        elif o.rating is not None and o.rating <= 2:
            bad.append(f"观察员评价{where}（{o.rating}/5）：{o.text}" if zh else
                       f"Observer on {where or 'the drill'} ({o.rating}/5): {o.text}")
    return tuple(good), tuple(dict.fromkeys(bad))
