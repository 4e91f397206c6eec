"""The roster table: one row per person, and the filters over it.

``RosterTableModel`` holds the roster's people in a list and answers ``data()`` for the
cells a view asks for, nothing more: 10,000 people cost 10,000 list entries, no widgets.
Availability ("at a moment") is computed with ``Roster.availability`` the first time a
row needs it and kept until the moment changes. ``RosterFilter`` narrows the rows by
unit (board), village, skill/tag and availability.

Sorting is the source model's: one Python sort of row numbers by precomputed keys (Chinese
collation, numbers in ids compared as numbers; availability 在岗 → 不在岗 → 请假), about
20 ms for 10,000 people, where the proxy's own sort asks ``data()`` for every comparison
(≈0.5–0.9 s). The proxy passes ``sort()`` on and keeps the source's order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCollator,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from console.roster.model import Availability, Person, Roster
from console.roster.table_columns import TAG_NAMES

from .i18n import current_language
from .refcounts import keep_singletons_alive
from .signals import emit
from .vocabulary import label

__all__ = ["AVAILABILITY_NAMES", "COLUMNS", "SORT_ROLE", "TAG_LABELS", "RosterFilter",
           "RosterTableModel", "availability_name", "tag_name"]

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2

#: Column keys and their (untranslated) headers.
COLUMNS = (
    ("id", QT_TRANSLATE_NOOP("RosterTableModel", "Id")),
    ("name", QT_TRANSLATE_NOOP("RosterTableModel", "Name")),
    ("phone", QT_TRANSLATE_NOOP("RosterTableModel", "Mobile")),
    ("unit", QT_TRANSLATE_NOOP("RosterTableModel", "Unit")),
    ("post", QT_TRANSLATE_NOOP("RosterTableModel", "Post")),
    ("tags", QT_TRANSLATE_NOOP("RosterTableModel", "Skills")),
    ("village", QT_TRANSLATE_NOOP("RosterTableModel", "Village/community")),
    ("grids", QT_TRANSLATE_NOOP("RosterTableModel", "Grid")),
    ("availability", QT_TRANSLATE_NOOP("RosterTableModel", "Availability")),
)
_KEYS = tuple(key for key, _ in COLUMNS)

AVAILABILITY_NAMES = {
    Availability.ON_DUTY: QT_TRANSLATE_NOOP("RosterTableModel", "On duty"),
    Availability.OFF_DUTY: QT_TRANSLATE_NOOP("RosterTableModel", "Off duty (can be recalled)"),
    Availability.ON_LEAVE: QT_TRANSLATE_NOOP("RosterTableModel", "On leave / away"),
}
_AVAILABILITY_COLOURS = {
    Availability.ON_DUTY: QColor("#1b5e20"),
    Availability.OFF_DUTY: QColor("#5f6368"),
    Availability.ON_LEAVE: QColor("#b71c1c"),
}
_TAG_ORDER = {tag: i for i, tag in enumerate(TAG_NAMES)}

#: The skills/tags of ``TAG_NAMES`` in English; the Chinese catalogue holds ``TAG_NAMES``'
#: own names (a test keeps them equal).
TAG_LABELS: dict[str, str] = {
    "commander": QT_TRANSLATE_NOOP("Tag", "Commander"),
    "deputy_commander": QT_TRANSLATE_NOOP("Tag", "Deputy commander"),
    "duty_officer": QT_TRANSLATE_NOOP("Tag", "Duty officer"),
    "emergency_team": QT_TRANSLATE_NOOP("Tag", "Town emergency team"),
    "forest_fire_squad": QT_TRANSLATE_NOOP("Tag", "Forest fire squad"),
    "flood_patrol": QT_TRANSLATE_NOOP("Tag", "Flood patrol"),
    "geological_monitor": QT_TRANSLATE_NOOP("Tag", "Geological hazard monitor"),
    "grid_leader": QT_TRANSLATE_NOOP("Tag", "Grid leader"),
    "grid_worker": QT_TRANSLATE_NOOP("Tag", "Grid worker"),
    "village_cadre": QT_TRANSLATE_NOOP("Tag", "Village cadre"),
    "driver": QT_TRANSLATE_NOOP("Tag", "Driver"),
    "medic": QT_TRANSLATE_NOOP("Tag", "Medic"),
    "legal_adviser": QT_TRANSLATE_NOOP("Tag", "Legal adviser"),
    "mediator": QT_TRANSLATE_NOOP("Tag", "Mediator"),
    "petition_officer": QT_TRANSLATE_NOOP("Tag", "Petition officer"),
    "police_liaison": QT_TRANSLATE_NOOP("Tag", "Police liaison"),
    "publicity": QT_TRANSLATE_NOOP("Tag", "Publicity"),
    "relief_officer": QT_TRANSLATE_NOOP("Tag", "Relief officer"),
    "forestry_officer": QT_TRANSLATE_NOOP("Tag", "Forestry officer"),
    "water_officer": QT_TRANSLATE_NOOP("Tag", "Water officer"),
    "electrician": QT_TRANSLATE_NOOP("Tag", "Electrician"),
    "road_crew": QT_TRANSLATE_NOOP("Tag", "Road clearing crew"),
}


def availability_name(state: Availability) -> str:
    return QCoreApplication.translate("RosterTableModel", AVAILABILITY_NAMES[state])


def tag_name(tag: str) -> str:
    """A skill/tag as the UI shows it: its name (指挥长, "Commander"). A tag outside the
    shared vocabulary shows its id, in English made readable ("boat_crew" → "Boat crew").
    Filters and files use the id whatever the name."""
    source = TAG_LABELS.get(tag)
    if source is not None:
        return QCoreApplication.translate("Tag", source)
    if current_language() == "en":
        return tag.replace("_", " ").strip().capitalize() or tag
    return tag


def _separator() -> str:
    return ", " if current_language() == "en" else "、"


def _sorted_tags(tags: frozenset[str]) -> list[str]:
    return sorted(tags, key=lambda t: (_TAG_ORDER.get(t, len(_TAG_ORDER)), t))


class RosterTableModel(QAbstractTableModel):
    """The people of one roster; availability at ``moment``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        keep_singletons_alive()  # each index.data() returning None costs None a reference
        self._roster = Roster(())
        self._people: list[Person] = []  # roster order
        self._order: list[int] = []  # row → index in _people
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._moment = dt.datetime.now().replace(second=0, microsecond=0)
        self._availability: dict[int, Availability] = {}  # by index in _people
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        self._collator.setNumericMode(True)  # T2 before T10

    # -- content -------------------------------------------------------------------------

    @property
    def roster(self) -> Roster:
        return self._roster

    @property
    def moment(self) -> dt.datetime:
        return self._moment

    def set_roster(self, roster: Roster) -> None:
        self.beginResetModel()
        self._roster = roster
        self._people = list(roster.people)
        self._availability.clear()
        self._order = self._sorted_order()
        self.endResetModel()

    def set_moment(self, moment: dt.datetime) -> None:
        """Availability is shown (and filtered) at ``moment``."""
        if moment == self._moment:
            return
        self._moment = moment
        self._availability.clear()
        if self._people:
            column = _KEYS.index("availability")
            self._changed(0, column, len(self._people) - 1, column)
            if self._sort and self._sort[0] == column:
                self._resort()

    def person(self, row: int) -> Person:
        return self._people[self._order[row]]

    def availability(self, row: int) -> Availability:
        return self._state(self._order[row])

    def _state(self, index: int) -> Availability:
        state = self._availability.get(index)
        if state is None:
            state = self._roster.availability(self._people[index], self._moment)
            self._availability[index] = state
        return state

    def retranslate(self) -> None:
        """Headers and translated cells changed (the UI language was switched)."""
        if self._people:
            self._changed(0, 0, len(self._people) - 1, len(_KEYS) - 1)
            if self._sort:
                self._resort()
        emit(self.headerDataChanged, Qt.Orientation.Horizontal, 0, len(_KEYS) - 1)

    # -- sorting -------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows by ``column``; equal rows keep the roster's order. Kept across
        ``set_roster``, a new moment (availability) and a language switch."""
        wanted = (column, order) if 0 <= column < len(_KEYS) else None
        if self._sort == wanted:
            return  # QTableView.sortByColumn asks twice; a change of data re-sorts itself
        self._sort = wanted
        self._resort()

    def _resort(self) -> None:
        emit(self.layoutAboutToBeChanged)
        old = self.persistentIndexList()
        before = self._order
        self._order = self._sorted_order()
        where = {index: row for row, index in enumerate(self._order)}
        self.changePersistentIndexList(
            old, [self.index(where[before[i.row()]], i.column()) for i in old])
        emit(self.layoutChanged)

    def _sorted_order(self) -> list[int]:
        indexes = range(len(self._people))
        if self._sort is None:
            return list(indexes)  # the roster's order
        column, order = self._sort
        key = _KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == "availability":
            rank = {state: i for i, state in enumerate(Availability)}
            return sorted(indexes, key=lambda i: rank[self._state(i)], reverse=descending)
        sort_key = self._collator.sortKey  # compared in C++: twice as fast as compare()
        keys = [sort_key(self._text(self._people[i], i, key)) for i in indexes]
        return sorted(indexes, key=keys.__getitem__, reverse=descending)

    def _changed(self, top: int, left: int, bottom: int, right: int) -> None:
        emit(self.dataChanged, self.index(top, left), self.index(bottom, right))

    # -- the model -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return QCoreApplication.translate("RosterTableModel", COLUMNS[section][1])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        key = _KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == SORT_ROLE:
            if key == "availability":
                return list(Availability).index(self.availability(row))
            return self.text(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "availability":
            return _AVAILABILITY_COLOURS[self.availability(row)]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("tags", "grids", "post"):
            return self.text(row, key) or None
        if role == PERSON_ROLE:
            return self.person(row)
        return None

    def text(self, row: int, key: str) -> str:
        """A cell as shown."""
        return self._text(self.person(row), self._order[row], key)

    def _text(self, person: Person, index: int, key: str) -> str:
        if key == "availability":
            return availability_name(self._state(index))
        if key == "unit":
            return label("Unit", person.unit.value)
        if key == "tags":
            return _separator().join(tag_name(t) for t in _sorted_tags(person.tags))
        if key == "village":
            village = self._roster.village_by_id.get(person.village or "")
            return village.name if village else (person.village or "")
        if key == "grids":
            grids = self._roster.grid_by_id
            return _separator().join(grids[g].name if g in grids else g for g in person.grids)
        return str(getattr(person, key))


class RosterFilter(QSortFilterProxyModel):
    """The rows of a ``RosterTableModel`` that match every filter set (None: any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._unit: str | None = None
        self._village: str | None = None
        self._tag: str | None = None
        self._availability: Availability | None = None

    def set_filters(self, *, unit: str | None = None, village: str | None = None,
                    tag: str | None = None, availability: Availability | None = None) -> None:
        """Unit id, village id, tag id, availability at the model's moment."""
        self.beginFilterChange()
        self._unit, self._village, self._tag = unit, village, tag
        self._availability = availability
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (fast, see the module's doc); the proxy keeps its order."""
        model = self.sourceModel()
        if isinstance(model, RosterTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def refilter(self) -> None:
        """Filter again (the moment changed)."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RosterTableModel)
        person = model.person(source_row)
        return ((self._unit is None or person.unit.value == self._unit)
                and (self._village is None or person.village == self._village)
                and (self._tag is None or self._tag in person.tags)
                and (self._availability is None
                     or model.availability(source_row) is self._availability))
