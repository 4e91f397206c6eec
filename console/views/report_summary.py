"""The reports page's summary of one drill: facts, targets met and missed with their
margins, close-loop time, the comparison with earlier drills of the plan and the
timeline's verification. It shows a ``report_records.DrillSummary``; it computes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import arg
from .report_list_model import STATUSES, clock_text, local_time
from .report_records import ComparedDrill, DrillSummary, roman

__all__ = ["SummaryPanel", "comparison_heads"]

_GREEN, _RED, _AMBER, _GREY = "#1b7f3b", "#b71c1c", "#7a4b00", "#666666"


def comparison_heads(drills: Sequence[ComparedDrill]) -> list[str]:
    """The compared drills' column heads: the scenario's moment and the level
    (``07-10 14:00 Ⅳ``; with the year when the drills' scenarios span years), and below
    it as much of the id as tells apart drills whose heads are otherwise equal."""
    years = {d.incident_time.year for d in drills}
    pattern = "%m-%d %H:%M" if len(years) <= 1 else "%Y-%m-%d %H:%M"
    base = [f"{d.incident_time:{pattern}} {roman(d.level)}" for d in drills]
    alike = Counter(base)
    heads = []
    for index, drill in enumerate(drills):
        head = base[index]
        if alike[head] > 1:
            others = [d.id for i, d in enumerate(drills) if i != index and base[i] == head]
            size = 4
            while size < len(drill.id) and any(o[:size] == drill.id[:size] for o in others):
                size += 1
            head = f"{head}\n{drill.id[:size]}"
        heads.append(head)
    return heads


def _table(object_name: str, stretch: int) -> QTableWidget:
    """A read-only table: the first ``stretch`` columns share the width, the others fit
    their contents."""
    table = QTableWidget(objectName=object_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setProperty("stretch", stretch)
    return table


def _item(text: str, colour: str | None = None, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if colour:
        item.setForeground(QBrush(QColor(colour)))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _fit(table: QTableWidget) -> None:
    """Columns as set up in ``_table``; tall enough for every row (the panel scrolls,
    not the tables)."""
    header = table.horizontalHeader()
    stretch = int(table.property("stretch") or 1)
    for column in range(table.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column < stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    table.resizeRowsToContents()
    height = header.sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)


class SummaryPanel(QScrollArea):
    """One drill's summary, or a note when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: DrillSummary | None = None
        self._note_text = ""
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 8)

        self.placeholder = QLabel(objectName="report-placeholder", wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("QLabel { color: #666666; padding: 24px; }")
        self.title = QLabel(objectName="report-title", wordWrap=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(objectName="report-subtitle", wordWrap=True)
        self.notes = QLabel(objectName="report-notes", wordWrap=True)
        self.notes.setStyleSheet(f"QLabel {{ background: #fff3cd; color: {_AMBER}; "
                                 "border: 1px solid #e0b252; padding: 4px 8px; }")

        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self._fact_labels: dict[str, QLabel] = {}
        self._fact_values: dict[str, QLabel] = {}
        for key in ("type", "plan", "started", "scenario", "duration", "close_loop",
                    "targets", "verified"):
            name, value = QLabel(), QLabel(objectName=f"report-fact-{key}", wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._fact_labels[key], self._fact_values[key] = name, value
            self.facts.addRow(name, value)

        self.targets_heading = QLabel(objectName="report-targets-heading")
        self.targets = _table("report-targets", 2)
        self.comparison_heading = QLabel(objectName="report-comparison-heading", wordWrap=True)
        self.comparison = _table("report-comparison", 1)
        for heading in (self.targets_heading, self.comparison_heading):
            heading.setStyleSheet("QLabel { font-weight: bold; margin-top: 8px; }")

        layout.addWidget(self.placeholder)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.notes)
        layout.addLayout(self.facts)
        layout.addWidget(self.targets_heading)
        layout.addWidget(self.targets)
        layout.addWidget(self.comparison_heading)
        layout.addWidget(self.comparison)
        layout.addStretch(1)
        self.setWidget(body)
        self._details = [self.title, self.subtitle, self.notes, self.targets_heading,
                         self.targets, self.comparison_heading, self.comparison,
                         *self._fact_labels.values(), *self._fact_values.values()]
        self._retranslate()

    # -- what is shown -------------------------------------------------------------------

    def show_note(self, text: str) -> None:
        """No summary: ``text`` (or the hint to select a drill) instead."""
        self.summary = None
        self._note_text = text
        for widget in self._details:
            widget.hide()
        self.placeholder.setText(text or self.tr("Select a drill to see its summary."))
        self.placeholder.show()

    def show_summary(self, summary: DrillSummary) -> None:
        self.summary = summary
        self.placeholder.hide()
        for widget in self._details:
            widget.show()
        self._render()

    def _render(self) -> None:
        s = self.summary
        if s is None:
            return
        drill, metrics = s.listing, s.metrics
        self.title.setText(drill.name or drill.id)
        status = STATUSES.get(drill.status)
        self.subtitle.setText(" · ".join((
            s.plan_title, arg(self.tr("level %1"), roman(drill.level)), s.place,
            QCoreApplication.translate("DrillListModel", str(status)) if status
            else drill.status, drill.id)))
        notes = []
        if drill.real:
            notes.append(self.tr("A recorded real response, not an exercise: it is never "
                                 "compared with drills."))
        if s.demo_roster:
            notes.append(self.tr("Run with the demo roster (演示数据 DEMO DATA)."))
        if s.plan_changed:
            notes.append(self.tr("The plan file has changed since the drill; the report "
                                 "uses the copy stored with the drill."))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

        values = self._fact_values
        values["type"].setText(s.drill_type)
        values["plan"].setText(arg(self.tr("%1 (%2, version %3)"), s.plan_title,
                                   drill.plan_id, s.plan_version))
        values["started"].setText(local_time(drill.started))
        values["scenario"].setText(f"{drill.incident_time:%Y-%m-%d %H:%M}")
        values["duration"].setText(clock_text(metrics.duration))
        values["close_loop"].setText(clock_text(metrics.close_loop))
        if metrics.problem:
            values["targets"].setText(arg(self.tr("cannot be measured: %1"), metrics.problem))
            values["targets"].setStyleSheet(f"QLabel {{ color: {_RED}; }}")
        elif s.targets:
            text = arg(self.tr("%1 met · %2 missed (of %3)"), metrics.met, metrics.missed,
                       len(s.targets))
            if metrics.pending:
                text += arg(self.tr(", %1 not reached yet"), metrics.pending)
            values["targets"].setText(text)
            colour = _RED if metrics.missed else _GREEN
            values["targets"].setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")
        else:
            values["targets"].setText(self.tr("no targets at this level"))
            values["targets"].setStyleSheet("")
        if s.verified:
            values["verified"].setText(arg(self.tr("intact: %1 entries, hash chain verified "
                                                   "(head %2…)"), s.verify_entries,
                                           s.head_hash[:12]))
            values["verified"].setStyleSheet(f"QLabel {{ color: {_GREEN}; }}")
        else:
            values["verified"].setText(arg(self.tr("FAILED: %1"), "; ".join(s.problems)))
            values["verified"].setStyleSheet(f"QLabel {{ color: {_RED}; font-weight: bold; }}")
        self._fill_targets()
        self._fill_comparison()

    def _fill_targets(self) -> None:
        s = self.summary
        assert s is not None
        table = self.targets
        table.clear()
        table.setColumnCount(6)
        table.setHorizontalHeaderLabels([self.tr("Target"), self.tr("Step"), self.tr("Limit"),
                                         self.tr("Actual"), self.tr("Result"),
                                         self.tr("Margin")])
        table.setRowCount(len(s.targets))
        open_drill = s.listing.status not in ("finished", "aborted")
        for row, target in enumerate(s.targets):
            pending = open_drill and not target.met and target.actual is None
            colour = _GREEN if target.met else (_GREY if pending else _RED)
            margin = target.margin
            if margin is None:
                margin_text = self.tr("not reached yet") if pending else self.tr("not reached")
            elif margin >= 0:
                margin_text = arg(self.tr("%1 early"), clock_text(margin))
            else:
                margin_text = arg(self.tr("%1 over"), clock_text(-margin))
            cells = (_item(target.title), _item(target.step),
                     _item(clock_text(target.within), right=True),
                     _item(clock_text(target.actual), right=True),
                     _item(self.tr("met") if target.met else
                           self.tr("pending") if pending else self.tr("missed"), colour),
                     _item(margin_text, colour, right=True))
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        self.targets_heading.setText(self.tr("Targets"))
        visible = bool(s.targets)
        self.targets_heading.setVisible(visible)
        table.setVisible(visible)
        _fit(table)

    def _fill_comparison(self) -> None:
        s = self.summary
        assert s is not None
        table = self.comparison
        table.clear()
        compared = s.comparison
        if compared is None:
            self.comparison_heading.setText(
                self.tr("No earlier finished drill of this plan to compare with.")
                if not s.listing.real else "")
            self.comparison_heading.setVisible(not s.listing.real)
            table.hide()
            return
        self.comparison_heading.setText(arg(self.tr(
            "Compared with earlier drills of this plan (%1 earlier)"),
            len(compared.drills) - 1))
        heads = [self.tr("Target")]
        drill_heads = comparison_heads(compared.drills)
        for index, head in enumerate(drill_heads):
            last = index == len(drill_heads) - 1
            if last:  # on a line of its own: the column stays narrow
                head += (" " if "\n" in head else "\n") + self.tr("(this drill)")
            heads.append(head)
        heads.append(self.tr("Trend"))
        table.setColumnCount(len(heads))
        table.setHorizontalHeaderLabels(heads)
        table.setRowCount(len(compared.targets))
        trends = {"better": (self.tr("↓ faster"), _GREEN), "worse": (self.tr("↑ slower"), _RED),
                  "same": (self.tr("→ same"), None), "": ("", None)}
        for row, title in enumerate(compared.targets):
            table.setItem(row, 0, _item(title))
            for column, (actual, met) in enumerate(compared.values[row], start=1):
                text = "—" if actual is None else f"{clock_text(actual)} {'✓' if met else '✗'}"
                table.setItem(row, column, _item(text, _GREEN if met else _RED, right=True))
            trend, colour = trends.get(compared.trends[row], ("", None))
            table.setItem(row, len(heads) - 1, _item(trend, colour))
        for column, drill in enumerate(compared.drills, start=1):
            header = table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(arg(self.tr("%1\nId %2 · scenario %3 · level %4 · run on %5"),
                                      drill.name or drill.id, drill.id,
                                      f"{drill.incident_time:%Y-%m-%d %H:%M}",
                                      roman(drill.level), f"{drill.date:%Y-%m-%d}"))
        table.show()
        _fit(table)

    # -- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        names = {"type": self.tr("Type:"), "plan": self.tr("Plan:"),
                 "started": self.tr("Started:"), "scenario": self.tr("Scenario time:"),
                 "duration": self.tr("Duration:"), "close_loop": self.tr("Close-loop time:"),
                 "targets": self.tr("Targets:"), "verified": self.tr("Timeline:")}
        for key, text in names.items():
            self._fact_labels[key].setText(text)
        self._fact_labels["duration"].setToolTip(self.tr("From the alert to the end of the "
                                                         "response (drill time)"))
        self._fact_labels["close_loop"].setToolTip(self.tr(
            "When the feedback stage (反馈) finished, from the alert"))
        if self.summary is not None:
            self._render()
        else:
            self.show_note(self._note_text)
