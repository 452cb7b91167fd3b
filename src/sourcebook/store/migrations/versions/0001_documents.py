"""Sources, documents, the custody log and full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False, unique=True),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id")),
        sa.Column("author", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("parent_id", sa.String(64)),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_source", "documents", ["source_id"])
    op.create_table(
        "custody",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("original_name", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("parent_id", sa.String(64)),
        sa.Column("prev_hash", sa.String(64)),
        sa.Column("entry_hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_custody_document_id", "custody", ["document_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE document_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize='porter unicode61 remove_diacritics 2')"
        )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
            "setweight(to_tsvector('english', text), 'B')) STORED"
        )
        op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin (tsv)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS document_fts")
    op.drop_table("custody")
    op.drop_table("documents")
    op.drop_table("sources")
