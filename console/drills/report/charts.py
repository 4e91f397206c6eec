"""The report's charts as PNG bytes: the Gantt of planned against actual, the
mobilisation curve and the trend over earlier drills.

matplotlib's Agg canvas only (``matplotlib.figure.Figure`` + ``FigureCanvasAgg``): no
pyplot, no GUI backend, safe in a headless process and next to Qt. Labels are drawn in
a CJK font from ``fonts``; without one, non-ASCII labels become numbers and English
words, and ``Chart.key`` says what each number stands for.
"""

from __future__ import annotations

import io
import math
import struct
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from console.drills.report_model import GanttRow, ReportData

from . import fonts
from .texts import EN, Texts, clock

__all__ = ["Chart", "Charts", "chart_font", "curve_chart", "draw_all", "gantt_chart", "trend_chart",
           "trend_targets"]

DPI = 150
WIDTH_IN = 6.3
LANE_RANK = {
    "区(市)": 0, "区（市）": 0, "市": 0, "区": 0, "district": 0, "city": 0, "district/city": 0,
    "镇": 1, "town": 1, "村(社区)": 2, "村（社区）": 2, "村": 2, "village": 2,
    "网格": 3, "grid": 3,
}
LANE_EN = {0: "district", 1: "town", 2: "village", 3: "grid"}
LANE_COLOURS = ("#7b3294", "#c2410c", "#1d4ed8", "#15803d", "#0e7490", "#a16207", "#be185d")
SKIP_WORDS = ("skip", "跳过", "未执行")
PLANNED_ALPHA = 0.28
GREY = "#6b7280"


@dataclass(frozen=True)
class Chart:
    png: bytes
    width_in: float
    height_in: float
    key: tuple[str, ...] = ()  # "1 = 接警核实" lines when labels had to become numbers
    glyphs_missing: bool = False  # matplotlib reported characters its fonts lack


def chart_font() -> str | None:
    """The family matplotlib should draw Chinese in, or None when there is none."""
    regular, _ = fonts.regular_and_bold(fonts.find_cjk_fonts())
    if regular is None:
        return None
    from matplotlib import font_manager

    known = {entry.name for entry in font_manager.fontManager.ttflist}
    if regular.family not in known:
        try:
            font_manager.fontManager.addfont(str(regular.path))
        except (OSError, RuntimeError, ValueError):
            return None
        known = {entry.name for entry in font_manager.fontManager.ttflist}
    return regular.family if regular.family in known else None


class _Labels:
    """Label text for the chart: as given with a CJK font; else ASCII or a number."""

    def __init__(self, font: str | None, texts: Texts) -> None:
        self.cjk = font is not None
        self.texts = texts if self.cjk else EN
        self.key: list[str] = []
        self._numbers: dict[tuple[str, str], str] = {}

    def __call__(self, text: str, prefix: str = "") -> str:
        if self.cjk or text.isascii():
            return text
        number = self._numbers.get((prefix, text))
        if number is None:
            number = f"{prefix}{sum(1 for p, _ in self._numbers if p == prefix) + 1}"
            self._numbers[(prefix, text)] = number
            self.key.append(f"{number} = {text}")
        return number


def _short(text: str, columns: int = 36) -> str:
    """``text`` cut to ``columns`` display columns (a Chinese character takes two)."""
    used = 0
    for i, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > columns:
            return text[:max(i - 1, 1)] + "…"
    return text


@contextmanager
def _style(font: str | None) -> Iterator[None]:
    import matplotlib

    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    with matplotlib.rc_context({
        "font.family": families,
        "axes.unicode_minus": False,
        "font.size": 8,
        "axes.titlesize": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",
    }):
        yield


def _png(draw: Callable[[Any], None], height_in: float, font: str | None,
         labels: _Labels) -> Chart:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _style(font), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
        FigureCanvasAgg(figure)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.08,
                       metadata={"Software": None})
    png = buffer.getvalue()
    width_px, height_px = struct.unpack(">II", png[16:24])
    missing = any("missing from" in str(w.message).lower() for w in caught)
    return Chart(png, width_px / DPI, height_px / DPI, tuple(labels.key), missing)


def _minutes(seconds: float | None) -> float:
    return math.nan if seconds is None else seconds / 60.0


def _target_lines(ax: Any, data: ReportData, labels: _Labels, x_max: float) -> None:
    """Dotted vertical lines at the targets' limits, labelled above the plot (staggered)."""
    limits = sorted({(t.within, t.target) for t in data.targets if t.within / 60 <= x_max})
    for i, (within, title) in enumerate(limits[:8]):
        x = within / 60.0
        ax.axvline(x, color=GREY, linestyle=":", linewidth=0.8, zorder=1)
        ax.annotate(_short(labels(title, "T"), 22), (x, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3 + 9 * (i % 3)), textcoords="offset points", ha="center",
                    fontsize=6.5, color=GREY, va="bottom", annotation_clip=False)


def _lane_order(rows: Sequence[GanttRow]) -> list[str]:
    lanes: list[str] = []
    for row in rows:
        if row.lane not in lanes:
            lanes.append(row.lane)
    return sorted(lanes, key=lambda lane: (LANE_RANK.get(lane.lower(), 10), lanes.index(lane)))


def _is_skipped(row: GanttRow) -> bool:
    status = row.status.lower()
    return any(word in status for word in SKIP_WORDS)


def _start(row: GanttRow) -> float:
    for value in (row.planned_start, row.actual_start):
        if value is not None:
            return value
    return math.inf


def gantt_chart(data: ReportData, texts: Texts, font: str | None) -> Chart:
    """One row per step, grouped and coloured by lane: the planned bar light, the actual
    bar solid; skipped steps greyed and crossed, unfinished ones hatched to the end."""
    labels = _Labels(font, texts)
    words = labels.texts
    lanes = _lane_order(data.gantt)
    colour = {lane: LANE_COLOURS[i % len(LANE_COLOURS)] for i, lane in enumerate(lanes)}
    rows = sorted(data.gantt, key=lambda r: (lanes.index(r.lane), _start(r)))
    n = max(len(rows), 1)
    bar = 0.36 if n <= 40 else 0.3
    end = max([data.duration, *(v for r in rows for v in (r.planned_start, r.actual_start,
                                                          r.actual_finish) if v is not None)])
    end = end / 60.0 or 1.0

    def draw(figure: Any) -> None:
        from matplotlib.patches import Patch

        ax = figure.add_subplot()
        for y, row in enumerate(rows):
            c = colour[row.lane]
            skipped = _is_skipped(row)
            if row.planned_start is not None and row.planned_finish is not None:
                ax.barh(y - bar / 2, _minutes(row.planned_finish - row.planned_start), bar,
                        left=_minutes(row.planned_start), color=c, alpha=PLANNED_ALPHA,
                        edgecolor=c, linewidth=0.5)
                if row.planned_finish / 60.0 > end * 1.04:  # runs off the chart: say where to
                    ax.annotate(f"→ {clock(row.planned_finish)}", (end * 1.04, y - bar / 2),
                                xytext=(-2, 0), textcoords="offset points", ha="right",
                                va="center", fontsize=6.5, color=GREY)
            if row.actual_start is not None:
                running = row.actual_finish is None
                finish = data.duration if row.actual_finish is None else row.actual_finish
                width = _minutes(finish - row.actual_start)
                ax.barh(y + bar / 2, max(width, 0.05), bar, left=_minutes(row.actual_start),
                        color="white" if running else c, edgecolor=c,
                        hatch="////" if running else None, linewidth=0.6)
            if skipped:
                x = _minutes(row.planned_start) if row.planned_start is not None else 0.0
                ax.plot([x], [y], marker="x", color=GREY, markersize=6, mew=1.4)
                ax.annotate(words.ch_skipped, (x, y), xytext=(6, -3),
                            textcoords="offset points", fontsize=7, color=GREY)
            elif row.actual_start is not None and row.actual_finish is None:
                ax.annotate(words.ch_running, (data.duration / 60.0, y + bar / 2),
                            xytext=(3, 0), textcoords="offset points", fontsize=7,
                            color=GREY, va="center")
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([_short(labels(r.step)) for r in rows])
        for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
            tick.set_color(GREY if _is_skipped(row) else colour[row.lane])
        for y in range(1, len(rows)):
            if rows[y].lane != rows[y - 1].lane:
                ax.axhline(y - 0.5, color="#d1d5db", linewidth=0.8)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(0, end * 1.04)
        _target_lines(ax, data, labels, end)
        ax.set_xlabel(words.ch_minutes)
        ax.grid(axis="x", color="#e5e7eb", linewidth=0.6)
        ax.set_axisbelow(True)
        handles = [Patch(facecolor=colour[lane], label=_lane_label(lane, labels)) for lane in lanes]
        handles += [Patch(facecolor="#9ca3af", alpha=PLANNED_ALPHA, edgecolor="#9ca3af",
                          label=words.ch_planned),
                    Patch(facecolor="#4b5563", label=words.ch_actual)]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09 - 1.6 / n / 4),
                  ncol=min(len(handles), 6), frameon=False, fontsize=7.5)

    height = min(max(1.6 + 0.26 * n, 2.6), 9.4)
    return _png(draw, height, font, labels)


def _lane_label(lane: str, labels: _Labels) -> str:
    if labels.cjk or lane.isascii():
        return lane
    rank = LANE_RANK.get(lane)
    return LANE_EN[rank] if rank is not None else labels(lane, "L")


def curve_chart(data: ReportData, texts: Texts, font: str | None) -> Chart:
    """Acknowledged and arrived over time as step lines, the number called as a ceiling."""
    labels = _Labels(font, texts)
    words = labels.texts
    points = sorted(data.curve, key=lambda p: p.t)
    end = max([data.duration, *(p.t for p in points)]) / 60.0 or 1.0

    def draw(figure: Any) -> None:
        ax = figure.add_subplot()
        xs = [0.0, *(p.t / 60.0 for p in points), end]
        acked = [0, *(p.acknowledged for p in points)]
        arrived = [0, *(p.arrived for p in points)]
        acked.append(acked[-1])
        arrived.append(arrived[-1])
        ax.step(xs, acked, where="post", color="#1d4ed8", linewidth=1.6, label=words.ch_acked)
        ax.step(xs, arrived, where="post", color="#15803d", linewidth=1.6,
                label=words.ch_arrived)
        if data.rates:
            called = data.rates[0].called
            ax.axhline(called, color="#9ca3af", linestyle="--", linewidth=1.0)
            ax.annotate(f"{words.ch_called} {called}", (end * 1.02, called), xytext=(-3, 3),
                        textcoords="offset points", fontsize=7, color=GREY, ha="right")
        _target_lines(ax, data, labels, end)
        ax.set_xlim(0, end * 1.02)
        ax.set_ylim(0, max([*acked, *(r.called for r in data.rates[:1]), 1]) * 1.12)
        ax.set_xlabel(words.ch_minutes)
        ax.set_ylabel(words.ch_people)
        ax.grid(color="#e5e7eb", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="lower right", frameon=False)

    return _png(draw, 3.0, font, labels)


def trend_chart(data: ReportData, texts: Texts, font: str | None) -> Chart:
    """Each target's actual time over earlier drills, its limit dashed in the same colour."""
    labels = _Labels(font, texts)
    words = labels.texts
    drills = sorted(data.trend, key=lambda r: r.date)
    titles = trend_targets(data)
    limits = {t.target: t.within for t in data.targets}

    def draw(figure: Any) -> None:
        ax = figure.add_subplot()
        xs = list(range(len(drills)))
        for i, title in enumerate(titles):
            c = LANE_COLOURS[i % len(LANE_COLOURS)]
            ys = [_minutes(d.values.get(title)) for d in drills]
            ax.plot(xs, ys, marker="o", markersize=3.5, color=c, linewidth=1.3,
                    label=_short(labels(title, "T"), 28))
            if title in limits:
                ax.axhline(limits[title] / 60.0, color=c, linestyle="--", linewidth=0.7,
                           alpha=0.6)
        ax.set_xticks(xs)
        ax.set_xticklabels([f"{_short(labels(d.drill, 'D'), 24)}\n{d.date:%Y-%m-%d}"
                            for d in drills], fontsize=7)
        ax.set_ylabel(words.ch_actual_minutes)
        ax.set_ylim(bottom=0)
        ax.grid(axis="y", color="#e5e7eb", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7)

    return _png(draw, 2.8, font, labels)


def trend_targets(data: ReportData) -> list[str]:
    """The target titles of the trend, in the order of the report's targets first."""
    titles: list[str] = []
    for title in [t.target for t in data.targets] + [k for r in data.trend for k in r.values]:
        if title not in titles and any(title in r.values for r in data.trend):
            titles.append(title)
    return titles


@dataclass
class Charts:
    """The charts of one report (absent ones are None)."""

    gantt: Chart | None = None
    curve: Chart | None = None
    trend: Chart | None = None
    font: str | None = None
    notes: list[str] = field(default_factory=list)


def draw_all(data: ReportData, texts: Texts) -> Charts:
    """Every chart the data calls for, in the report's font (or the ASCII fallback)."""
    font = chart_font()
    charts = Charts(font=font)
    if data.gantt:
        charts.gantt = gantt_chart(data, texts, font)
    if data.curve:
        charts.curve = curve_chart(data, texts, font)
    if data.trend:
        charts.trend = trend_chart(data, texts, font)
    if any(c is not None and c.glyphs_missing for c in (charts.gantt, charts.curve,
                                                          charts.trend)):
        charts.notes.append(texts.glyphs_missing)
    return charts
