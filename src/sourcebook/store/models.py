"""SQLAlchemy table models. Schema changes go through an Alembic migration."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    """An outlet or issuer: a newspaper, an NGO, a ministry, a wire agency."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the original
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    size: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(String(64))
    added_at: Mapped[str] = mapped_column(String(40))


class CustodyRow(Base):
    """One entry of the chain-of-custody log; ``entry_hash`` chains it to the one before."""

    __tablename__ = "custody"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(32))
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[str] = mapped_column(String(40))
    tool_version: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[str | None] = mapped_column(String(64))
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


Index("ix_documents_source", DocumentRow.source_id)
