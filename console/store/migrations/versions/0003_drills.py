"""Drills: the drill record, its hash-chained timeline, observations, corrective actions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "drill",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("drill", sa.Boolean(), nullable=False),
        sa.Column("form", sa.String(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("objectives", sa.JSON(), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("plan_version", sa.String(), nullable=False),
        sa.Column("plan_title", sa.String(), nullable=False),
        sa.Column("plan_sha256", sa.String(), nullable=False),
        sa.Column("plan_path", sa.String(), nullable=False),
        sa.Column("plan_source", sa.LargeBinary(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("village", sa.String(), nullable=True),
        sa.Column("grid", sa.String(), nullable=True),
        sa.Column("incident_time", sa.String(), nullable=False),
        sa.Column("weather", sa.String(), nullable=False),
        sa.Column("closed", sa.JSON(), nullable=False),
        sa.Column("forced", sa.JSON(), nullable=False),
        sa.Column("roster_snapshot", sa.Text(), nullable=False),
        sa.Column("roster_demo", sa.Boolean(), nullable=False),
        sa.Column("map_name", sa.String(), nullable=False),
        sa.Column("map_source", sa.Text(), nullable=False),
        sa.Column("scenario_title", sa.String(), nullable=False),
        sa.Column("scenario_path", sa.String(), nullable=False),
        sa.Column("scenario_source", sa.Text(), nullable=False),
        sa.Column("injects", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("speed", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("status_reason", sa.String(), nullable=False),
        sa.Column("clock", sa.Float(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("heartbeat", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill")),
    )
    op.create_index(op.f("ix_drill_plan_id"), "drill", ["plan_id"])
    op.create_index(op.f("ix_drill_status"), "drill", ["status"])
    op.create_table(
        "drill_entry",
        sa.Column("drill_id", sa.String(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("t", sa.Float(), nullable=False),
        sa.Column("wall", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["drill_id"], ["drill.id"],
                                name=op.f("fk_drill_entry_drill_id_drill")),
        sa.PrimaryKeyConstraint("drill_id", "seq", name=op.f("pk_drill_entry")),
    )
    op.create_table(
        "drill_observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.String(), nullable=False),
        sa.Column("entry_seq", sa.Integer(), nullable=False),
        sa.Column("t", sa.Float(), nullable=True),
        sa.Column("wall", sa.DateTime(timezone=True), nullable=False),
        sa.Column("observer", sa.String(), nullable=False),
        sa.Column("step", sa.String(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["drill_id"], ["drill.id"],
                                name=op.f("fk_drill_observation_drill_id_drill")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_observation")),
    )
    op.create_index(op.f("ix_drill_observation_drill_id"), "drill_observation", ["drill_id"])
    op.create_table(
        "drill_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.String(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("step", sa.String(), nullable=False),
        sa.Column("plan_id", sa.String(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["drill_id"], ["drill.id"],
                                name=op.f("fk_drill_action_drill_id_drill")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drill_action")),
    )
    op.create_index(op.f("ix_drill_action_drill_id"), "drill_action", ["drill_id"])


def downgrade() -> None:
    for table in ("drill_action", "drill_observation", "drill_entry", "drill"):
        op.drop_table(table)
