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


class ExtractionRow(Base):
    """That a document was extracted, when, and by which engine version."""

    __tablename__ = "extractions"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    engine: Mapped[str] = mapped_column(String(80))
    extracted_at: Mapped[str] = mapped_column(String(40))


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    iso: Mapped[str | None] = mapped_column(String(8))
    aliases: Mapped[str] = mapped_column(Text)  # JSON list


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"), index=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(16))
    speaker_text: Mapped[str] = mapped_column(Text)
    speaker_start: Mapped[int] = mapped_column(Integer)
    speaker_end: Mapped[int] = mapped_column(Integer)
    speaker_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    speaker_name: Mapped[str | None] = mapped_column(Text)
    cue_text: Mapped[str] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    direct: Mapped[bool] = mapped_column()


class FigureRow(Base):
    __tablename__ = "figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column()
    low: Mapped[float | None] = mapped_column()
    high: Mapped[float | None] = mapped_column()
    qualifier: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str | None] = mapped_column(String(20))
    subject_text: Mapped[str | None] = mapped_column(Text)
    subject_start: Mapped[int | None] = mapped_column(Integer)
    subject_end: Mapped[int | None] = mapped_column(Integer)
    statement_id: Mapped[int | None] = mapped_column(ForeignKey("statements.id"))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    local_id: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(40))
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    actors: Mapped[str] = mapped_column(Text)  # JSON list of entity row ids
    targets: Mapped[str] = mapped_column(Text)
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    date: Mapped[str | None] = mapped_column(String(32))
    date_text: Mapped[str | None] = mapped_column(Text)
