"""The side panel with one step's details, shown when a step is clicked in the graph."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from console.plans import Level
from console.plans.durations import format_duration

from .i18n import arg, plan_text
from .plan_document import PlanDocument
from .vocabulary import label

__all__ = ["StepPanel"]

#: The panel's fields, top to bottom; each value label is named ``step-<field>``.
FIELDS = ("id", "stage", "lane", "role", "headcount", "duration", "after", "branches",
          "targets", "levels", "at", "description", "source")


class StepPanel(QWidget):
    """Shows one step of a plan at a level: who, how many, how long, after what, which
    targets, where it is written. Plan texts are shown as plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self._level = Level.IV
        self._step: str | None = None

        self._title = QLabel(objectName="step-title", wordWrap=True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        font = self._title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self._title.setFont(font)
        self._hint = QLabel(wordWrap=True)
        self._hint.setTextFormat(Qt.TextFormat.PlainText)

        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._names: dict[str, QLabel] = {}
        self._values: dict[str, QLabel] = {}
        for key in FIELDS:
            name = QLabel()
            value = QLabel(objectName=f"step-{key}", wordWrap=True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._names[key], self._values[key] = name, value
            self._form.addRow(name, value)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addLayout(self._form)
        layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._retranslate()
        self._refresh()

    def sizeHint(self) -> QSize:
        """Room for about forty characters a line, whatever the font size."""
        return QSize(self.fontMetrics().averageCharWidth() * 40, super().sizeHint().height())

    @property
    def step(self) -> str | None:
        """The step shown, if any."""
        return self._step

    def show_step(self, document: PlanDocument, level: Level, step_id: str | None) -> None:
        """Show ``step_id`` of the document at ``level`` (None: the hint to click a step)."""
        self._document, self._level = document, level
        self._step = step_id if step_id in document.plan.steps else None
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._refresh()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        names = {
            "id": self.tr("Id"), "stage": self.tr("Stage"), "lane": self.tr("Lane"),
            "role": self.tr("Role"), "headcount": self.tr("People"),
            "duration": self.tr("Duration"), "after": self.tr("After"),
            "branches": self.tr("Outcomes"), "targets": self.tr("Targets"),
            "levels": self.tr("Levels"), "at": self.tr("Where"),
            "description": self.tr("Description"), "source": self.tr("Written at"),
        }
        for key, text in names.items():
            self._names[key].setText(text)
        self._hint.setText(self.tr("Click a step in the graph to see its details here."))

    def _refresh(self) -> None:
        shown = self._document is not None and self._step is not None
        self._hint.setVisible(not shown)
        self._title.setVisible(shown)
        for key in FIELDS:
            self._names[key].setVisible(shown)
            self._values[key].setVisible(shown)
        if shown:
            values = self._values_of(self._document, self._level, self._step)  # type: ignore[arg-type]
            self._title.setText(values.pop("title"))
            for key in FIELDS:
                self._values[key].setText(values[key])

    def _values_of(self, document: PlanDocument, level: Level, sid: str) -> dict[str, str]:
        plan = document.plan
        step = plan.steps[sid]
        facts = document.levels[level]

        def title_of(other: str) -> str:
            found = plan.steps.get(other)
            return plan_text(found.title, found.title_en) if found else other

        role = plan.roles.get(step.role) if step.role else None
        spec = step.duration
        after = [title_of(p) for p in step.after.all]
        if step.after.any:
            after.append(arg(self.tr("any of: %1"),
                             ", ".join(title_of(p) for p in step.after.any)))
        branches = [
            f"{plan_text(branch.title or outcome, branch.title_en)} ({branch.p:.0%}) → "
            f"{', '.join(title_of(n) for n in branch.next) or '—'}"
            for outcome, branch in step.branches.items()
        ]
        checks = {c.target: c for c in facts.checks if c.step == sid}
        targets = []
        for target_id in step.target:
            target = plan.targets.get(target_id)
            if target is None:
                continue
            name = plan_text(target.title or target_id, target.title_en)
            check = checks.get(target_id)
            if check is None or check.earliest is None:
                verdict = self.tr("not reached at this level")
            elif check.can_meet:
                verdict = arg(self.tr("earliest %1, can be met"),
                              format_duration(check.earliest))
            else:
                verdict = arg(self.tr("earliest %1, cannot be met"),
                              format_duration(check.earliest))
            targets.append(f"{name} ≤ {format_duration(target.within)}: {verdict}")
        levels = " ".join(lv.numeral for lv in step.levels) if step.levels else \
            self.tr("all levels")
        if sid not in facts.applies:
            levels += " — " + arg(self.tr("not at level %1"), level.numeral)
        line = plan.line_of("steps", sid)
        where = Path(document.path).name + (f":{line}" if line else "")
        return {
            "title": plan_text(step.title, step.title_en),
            "id": sid,
            "stage": label("Stage", step.stage.value) if step.stage else "—",
            "lane": label("Lane", step.lane.value),
            "role": f"{plan_text(role.title, role.title_en)} ({step.role})" if role
            else self.tr("an outside body"),
            "headcount": arg(self.tr("%1 at level %2"), plan.headcount(sid, level),
                             level.numeral),
            "duration": format_duration(spec.min) if spec.fixed else arg(
                self.tr("shortest %1, likeliest %2, longest %3"), format_duration(spec.min),
                format_duration(spec.likely), format_duration(spec.max)),
            "after": "\n".join(after) or self.tr("the alert"),
            "branches": "\n".join(branches) or "—",
            "targets": "\n".join(targets) or "—",
            "levels": levels,
            "at": self._place(document, step.at),
            "description": step.description or "—",
            "source": where,
        }

    def _place(self, document: PlanDocument, at: str | None) -> str:
        if not at:
            return "—"
        point = document.plan.assembly_points.get(at)
        if point is not None:
            return point.title
        anchors = {"incident": self.tr("the incident site"),
                   "village_committee": self.tr("the village committee"),
                   "command_centre": self.tr("the command centre")}
        return anchors.get(at, at)
