"""The plan view's tables: roles (who comes from where, how many per level) and targets
(the earliest time each can be met at the selected level)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.plans import LEVELS_LOW_TO_HIGH, Level
from console.plans.durations import format_duration
from console.plans.model import Selector

from .i18n import arg, plan_text
from .plan_document import PlanDocument
from .vocabulary import label

__all__ = ["RolesModel", "TargetsModel"]

_Index = QModelIndex | QPersistentModelIndex
_GOOD = QColor("#1b5e20")
_BAD = QColor("#b71c1c")
_MUTED = QColor("#777777")


class _Rows:
    """Cells of a read-only table: text, and optionally a colour and a bold flag."""

    def __init__(self) -> None:
        self.headers: list[str] = []
        self.rows: list[list[str]] = []
        self.colours: dict[tuple[int, int], QColor] = {}
        self.bold_column: int | None = None


class _PlanTable(QAbstractTableModel):
    """A read-only table of one plan at one level; subclasses build the cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = _Rows()
        self._document: PlanDocument | None = None
        self._level = Level.IV

    def show(self, document: PlanDocument, level: Level) -> None:
        """Fill the table for ``document`` at ``level``."""
        self._document, self._level = document, level
        self.refresh()

    def refresh(self) -> None:
        """Rebuild every cell (after a level or a language change)."""
        self.beginResetModel()
        self._rows = self._build()
        self.endResetModel()

    def _build(self) -> _Rows:
        """The cells; each table (RolesModel, TargetsModel) builds its own. The base
        table has no columns."""
        return _Rows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._rows.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rows = self._rows
        cell = rows.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = rows.colours.get((index.row(), index.column()))
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole and index.column() == rows.bold_column:
            font = QFont()
            font.setBold(True)
            return font
        return None


class RolesModel(_PlanTable):
    """One row per role: title, where its people come from, the count at each level (the
    selected level in bold), backups, the acknowledgement deadline and the channels."""

    def _build(self) -> _Rows:
        rows = _Rows()
        rows.headers = [self.tr("Role"), self.tr("Comes from"),
                        *(lv.numeral for lv in LEVELS_LOW_TO_HIGH),
                        self.tr("Backups"), self.tr("Acknowledge within"),
                        self.tr("Contacted by")]
        rows.bold_column = 2 + LEVELS_LOW_TO_HIGH.index(self._level)
        if self._document is None:
            return rows
        plan = self._document.plan
        for rid, role in plan.roles.items():
            sources = self.tr(" or ").join(self._selector(s) for s in role.from_)
            backups = ", ".join(plan_text(plan.roles[b].title, plan.roles[b].title_en)
                                if b in plan.roles else b for b in role.backups)
            row = len(rows.rows)
            rows.rows.append([
                f"{plan_text(role.title, role.title_en)} ({rid})",
                sources,
                *(str(role.count_at(lv)) for lv in LEVELS_LOW_TO_HIGH),
                backups or "—",
                format_duration(role.ack_within) if role.ack_within is not None else "—",
                ", ".join(label("Channel", c.value) for c in role.channels),
            ])
            if role.count_at(self._level) == 0:
                for column in range(len(rows.headers)):
                    rows.colours[(row, column)] = _MUTED
        return rows

    def _selector(self, selector: Selector) -> str:
        """A selector in words: unit, village, grid, tags and post."""
        parts = []
        if selector.unit is not None:
            parts.append(label("Unit", selector.unit.value))
        if selector.village:
            parts.append({"incident": self.tr("the incident's village"),
                          "any": self.tr("any village")}.get(
                selector.village, arg(self.tr("village %1"), selector.village)))
        if selector.grid:
            parts.append({"incident": self.tr("the incident's grid"),
                          "any": self.tr("any grid")}.get(
                selector.grid, arg(self.tr("grid %1"), selector.grid)))
        if selector.tags:
            parts.append(arg(self.tr("tagged %1"), ", ".join(selector.tags)))
        if selector.post:
            parts.append(arg(self.tr("post %1"), selector.post))
        return " · ".join(parts)


class TargetsModel(_PlanTable):
    """One row per time target: its limit, what is measured, the step it is on, the
    earliest time it can be met at the selected level and the verdict."""

    def _build(self) -> _Rows:
        rows = _Rows()
        rows.headers = [self.tr("Target"), self.tr("Limit"), self.tr("Measured"),
                        self.tr("Step"), self.tr("Earliest"), self.tr("Verdict")]
        if self._document is None:
            return rows
        plan = self._document.plan
        checks = self._document.levels[self._level].checks
        attached = {c.target for c in checks}
        for check in checks:
            self._add(rows, check.target, check.step, check.earliest, check.can_meet)
        for target_id in plan.targets:
            if target_id not in attached:
                self._add(rows, target_id, None, None, False)
        return rows

    def _add(self, rows: _Rows, target_id: str, sid: str | None, earliest: float | None,
             can_meet: bool) -> None:
        plan = self._document.plan  # type: ignore[union-attr]
        target = plan.targets[target_id]
        origin = plan.steps.get(target.from_) if target.from_ else None
        start = plan_text(origin.title, origin.title_en) if origin else self.tr("the alert")
        measured = arg(self.tr("from %1 to the step's start") if target.measure == "start"
                       else self.tr("from %1 to the step's finish"), start)
        step = plan.steps.get(sid) if sid else None
        if sid is None:
            verdict, colour = self.tr("no step at this level"), _MUTED
        elif earliest is None:
            verdict, colour = self.tr("not reached at this level"), _MUTED
        elif can_meet:
            verdict, colour = self.tr("can be met"), _GOOD
        else:
            verdict, colour = self.tr("cannot be met"), _BAD
        row = len(rows.rows)
        rows.rows.append([
            f"{plan_text(target.title or target_id, target.title_en)} ({target_id})",
            format_duration(target.within),
            measured,
            plan_text(step.title, step.title_en) if step else "—",
            format_duration(earliest) if earliest is not None else "—",
            verdict,
        ])
        rows.colours[(row, 5)] = colour
