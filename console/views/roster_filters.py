"""The roster view's filters: unit, village, skill, availability at a moment, and the
count of the rows shown.

``RosterFilters`` is a mixin of ``RosterView``. Its strings are translated in the
``RosterView`` context, as ``self.tr`` there does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel

from console.roster.model import Availability, Person

from .i18n import arg
from .roster_model import RosterFilter, RosterTableModel, _sorted_tags, availability_name, tag_name
from .vocabulary import label

__all__ = ["RosterFilters"]


class RosterFilters:
    """The filter boxes' contents and effect (with the view's model, proxy and boxes)."""

    loading: bool
    model: RosterTableModel
    proxy: RosterFilter
    unit_box: QComboBox
    village_box: QComboBox
    tag_box: QComboBox
    availability_box: QComboBox
    moment_edit: QDateTimeEdit
    count: QLabel

    def _fill_filters(self) -> None:
        roster = self.model.roster
        units = list(dict.fromkeys(p.unit.value for p in roster.people))
        villages = [(v.id, v.name) for v in roster.villages]
        known = {v.id for v in roster.villages}
        villages += [(v, v) for v in dict.fromkeys(p.village for p in roster.people)
                     if v and v not in known]
        tags = _sorted_tags(frozenset(t for p in roster.people for t in p.tags))
        self._refill(self.unit_box, [(u, label("Unit", u)) for u in units])
        self._refill(self.village_box, villages)
        self._refill(self.tag_box, [(t, tag_name(t)) for t in tags])
        self._refill(self.availability_box,
                     [(a.value, availability_name(a)) for a in Availability])

    def _refill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        """All + ``items`` (data, text); keeps the current choice when still offered."""
        translate = QCoreApplication.translate
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(translate("RosterView", "All"), None)
        for data, text in items:
            box.addItem(text, data)
        found = box.findData(current) if current is not None else -1
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    def set_filter(self, *, unit: str | None = None, village: str | None = None,
                   tag: str | None = None, availability: Availability | None = None) -> None:
        """Choose filters by id (a village also by name); None leaves one as it is."""
        if village is not None:
            found = self.model.roster.village(village)
            village = found.id if found else village
        for box, value in ((self.unit_box, unit), (self.village_box, village),
                           (self.tag_box, tag),
                           (self.availability_box, availability.value if availability else None)):
            if value is not None:
                index = box.findData(value)
                if index < 0:
                    raise ValueError(f"no such choice: {value}")
                box.setCurrentIndex(index)

    def set_moment(self, moment: dt.datetime) -> None:
        """Availability (column and filter) at ``moment``."""
        self.moment_edit.setDateTime(QDateTime(moment))

    def set_now(self) -> None:
        """Availability now."""
        self.set_moment(dt.datetime.now().replace(second=0, microsecond=0))

    def clear_filters(self) -> None:
        for box in (self.unit_box, self.village_box, self.tag_box, self.availability_box):
            box.setCurrentIndex(0)

    def _apply_filters(self) -> None:
        availability = self.availability_box.currentData()
        self.proxy.set_filters(unit=self.unit_box.currentData(),
                               village=self.village_box.currentData(),
                               tag=self.tag_box.currentData(),
                               availability=Availability(availability) if availability else None)
        self._update_count()

    def _moment_changed(self, moment: QDateTime) -> None:
        value: Any = moment.toPython()
        self.model.set_moment(value.replace(second=0, microsecond=0))
        self.proxy.refilter()
        self._update_count()

    def _update_count(self) -> None:
        translate = QCoreApplication.translate
        if self.loading:
            self.count.setText(translate("RosterView", "Loading the roster…"))
            return
        self.count.setText(arg(translate("RosterView", "Showing %1 of %2 people"),
                               self.proxy.rowCount(), self.model.rowCount()))

    def shown_people(self) -> list[Person]:
        """The people of the rows shown, in the order shown (filters and sorting)."""
        proxy, model = self.proxy, self.model
        return [model.person(proxy.mapToSource(proxy.index(row, 0)).row())
                for row in range(proxy.rowCount())]
