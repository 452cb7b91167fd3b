"""Extracted items: entities and their mentions, statements, figures, events.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _doc() -> sa.Column:
    return sa.Column(
        "document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False, index=True
    )


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("engine", sa.String(80), nullable=False),
        sa.Column("extracted_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("iso", sa.String(8)),
        sa.Column("aliases", sa.Text, nullable=False),
    )
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "entity_id", sa.Integer, sa.ForeignKey("entities.id"), nullable=False, index=True
        ),
        _doc(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("speaker_text", sa.Text, nullable=False),
        sa.Column("speaker_start", sa.Integer, nullable=False),
        sa.Column("speaker_end", sa.Integer, nullable=False),
        sa.Column("speaker_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("speaker_name", sa.Text),
        sa.Column("cue_text", sa.Text, nullable=False),
        sa.Column("cue_start", sa.Integer, nullable=False),
        sa.Column("cue_end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
    )
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value", sa.Float),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.String(20), nullable=False),
        sa.Column("unit", sa.String(20)),
        sa.Column("subject_text", sa.Text),
        sa.Column("subject_start", sa.Integer),
        sa.Column("subject_end", sa.Integer),
        sa.Column("statement_id", sa.Integer, sa.ForeignKey("statements.id")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _doc(),
        sa.Column("local_id", sa.String(16), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("trigger_text", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("actors", sa.Text, nullable=False),
        sa.Column("targets", sa.Text, nullable=False),
        sa.Column("place_entity_id", sa.Integer, sa.ForeignKey("entities.id")),
        sa.Column("date", sa.String(32)),
        sa.Column("date_text", sa.Text),
    )


def downgrade() -> None:
    for table in ("events", "figures", "statements", "mentions", "entities", "extractions"):
        op.drop_table(table)
