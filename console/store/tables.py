"""The tables, as sqlmodel classes. Changing one needs a migration (docs/store.md).

Roster tables keep the roster's order in ``position`` columns. References between roster
entities (a grid's village, a person's grids, a shift's person) are plain indexed columns,
not foreign keys: the store keeps the roster as it was imported, and checking those
references is the importer's job. Rows that only describe one person (tags, grids) belong
to that person and go with it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, MetaData
from sqlmodel import Field, SQLModel

from console.store.columns import UtcDateTime

__all__ = [
    "GridRow",
    "ImportRow",
    "PersonGridRow",
    "PersonRow",
    "PersonTagRow",
    "RosterInfoRow",
    "ShiftRow",
    "VillageRow",
    "metadata",
]

metadata: MetaData = SQLModel.metadata
# Named constraints, so a later migration can refer to them on both databases.
metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class RosterInfoRow(SQLModel, table=True):
    """The roster as a whole: one row once a roster was saved, none before."""

    __tablename__ = "roster_info"

    id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})  # always 1
    source: str
    demo: bool
    working_days: list[int] = Field(sa_type=JSON)  # Monday = 0
    working_spans: list[list[str]] = Field(sa_type=JSON)  # [["08:30:00", "12:00:00"], …]
    saved_at: dt.datetime = Field(sa_type=UtcDateTime)


class VillageRow(SQLModel, table=True):
    __tablename__ = "roster_village"

    id: str = Field(primary_key=True)
    position: int
    name: str
    community: bool


class GridRow(SQLModel, table=True):
    __tablename__ = "roster_grid"

    id: str = Field(primary_key=True)
    position: int
    name: str
    village: str = Field(index=True)


class PersonRow(SQLModel, table=True):
    __tablename__ = "roster_person"

    id: str = Field(primary_key=True)
    position: int
    name: str
    phone: str
    unit: str = Field(index=True)  # Unit value
    post: str
    village: str | None = Field(default=None, index=True)
    home: str
    duty_location: str
    channels: list[str] = Field(sa_type=JSON)  # Channel values, in order of preference
    status: str  # Availability value
    demo: bool


class PersonTagRow(SQLModel, table=True):
    __tablename__ = "roster_person_tag"

    person_id: str = Field(
        primary_key=True, foreign_key="roster_person.id", ondelete="CASCADE")
    tag: str = Field(primary_key=True, index=True)


class PersonGridRow(SQLModel, table=True):
    __tablename__ = "roster_person_grid"

    person_id: str = Field(
        primary_key=True, foreign_key="roster_person.id", ondelete="CASCADE")
    position: int = Field(primary_key=True)
    grid_id: str = Field(index=True)


class ShiftRow(SQLModel, table=True):
    """A duty or leave stretch. Times are ISO 8601 text, so a naive time stays naive and
    an aware one keeps its offset: the roster reads back exactly as it was saved."""

    __tablename__ = "roster_shift"

    id: int | None = Field(default=None, primary_key=True)
    position: int
    person_id: str = Field(index=True)
    starts_at: str
    ends_at: str
    kind: str  # ShiftKind value
    note: str


class ImportRow(SQLModel, table=True):
    """One roster import: what file, by whom, when, and what it changed."""

    __tablename__ = "roster_import"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    sha256: str
    imported_by: str
    imported_at: dt.datetime = Field(sa_type=UtcDateTime)
    people: int  # people in the roster after the import
    added: int  # people rows (by person id) new in this import
    changed: int  # … present before and after, with different values
    removed: int  # … present before, gone now
