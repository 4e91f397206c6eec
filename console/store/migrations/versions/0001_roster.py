"""Roster: people with tags and grids, villages, grids, duty shifts, working hours.

Revision ID: 0001
Revises:
Create Date: 2026-05-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "roster_info",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("working_days", sa.JSON(), nullable=False),
        sa.Column("working_spans", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_info")),
    )
    op.create_table(
        "roster_village",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("community", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_village")),
    )
    op.create_table(
        "roster_grid",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("village", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_grid")),
    )
    op.create_index(op.f("ix_roster_grid_village"), "roster_grid", ["village"])
    op.create_table(
        "roster_person",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("post", sa.String(), nullable=False),
        sa.Column("village", sa.String(), nullable=True),
        sa.Column("home", sa.String(), nullable=False),
        sa.Column("duty_location", sa.String(), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_person")),
    )
    op.create_index(op.f("ix_roster_person_unit"), "roster_person", ["unit"])
    op.create_index(op.f("ix_roster_person_village"), "roster_person", ["village"])
    op.create_table(
        "roster_person_tag",
        sa.Column("person_id", sa.String(), nullable=False),
        sa.Column("tag", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["roster_person.id"], ondelete="CASCADE",
            name=op.f("fk_roster_person_tag_person_id_roster_person")),
        sa.PrimaryKeyConstraint("person_id", "tag", name=op.f("pk_roster_person_tag")),
    )
    op.create_index(op.f("ix_roster_person_tag_tag"), "roster_person_tag", ["tag"])
    op.create_table(
        "roster_person_grid",
        sa.Column("person_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("grid_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["roster_person.id"], ondelete="CASCADE",
            name=op.f("fk_roster_person_grid_person_id_roster_person")),
        sa.PrimaryKeyConstraint("person_id", "position", name=op.f("pk_roster_person_grid")),
    )
    op.create_index(op.f("ix_roster_person_grid_grid_id"), "roster_person_grid", ["grid_id"])
    op.create_table(
        "roster_shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.String(), nullable=False),
        sa.Column("starts_at", sa.String(), nullable=False),
        sa.Column("ends_at", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_shift")),
    )
    op.create_index(op.f("ix_roster_shift_person_id"), "roster_shift", ["person_id"])


def downgrade() -> None:
    for table in ("roster_shift", "roster_person_grid", "roster_person_tag", "roster_person",
                  "roster_grid", "roster_village", "roster_info"):
        op.drop_table(table)
