"""The Store: documents, sources and the custody log in one database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sourcebook.archive.custody import CustodyRecord, chain_hash
from sourcebook.errors import NotFoundError, StoreError
from sourcebook.model import Document
from sourcebook.store.engine import make_engine, migrate
from sourcebook.store.extractions import ExtractionStore
from sourcebook.store.models import CustodyRow, DocumentRow, SourceRow
from sourcebook.store.records import DocumentInfo, SearchHit
from sourcebook.store.search import index_document, search_ids


@dataclass(frozen=True)
class CustodyEntry:
    seq: int
    record: CustodyRecord
    prev_hash: str | None
    entry_hash: str


class Store(ExtractionStore):
    """Open with a SQLAlchemy URL; the schema is migrated to the newest revision."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with Session(self.engine) as s:
            return s.get(DocumentRow, doc_id) is not None

    def add_document(self, doc: Document, custody: CustodyRecord) -> bool:
        """Store a document and its custody entry in one transaction. False if already stored."""
        try:
            with Session(self.engine) as s, s.begin():
                if s.get(DocumentRow, doc.id) is not None:
                    return False
                source_id = self._source_id(s, doc.outlet) if doc.outlet else None
                s.add(
                    DocumentRow(
                        id=doc.id,
                        path=doc.path,
                        format=str(doc.format),
                        title=doc.title,
                        source_id=source_id,
                        author=doc.author,
                        published=doc.published,
                        url=doc.url,
                        language=doc.language,
                        size=doc.size,
                        text=doc.text,
                        parent_id=doc.parent_id,
                        added_at=custody.added_at,
                    )
                )
                self._append_custody(s, custody)
                s.flush()
                index_document(s.connection(), doc.id, doc.title, doc.text)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not store document {doc.id[:12]} ({doc.path}): {exc}") from exc
        return True

    def _source_id(self, s: Session, name: str) -> int:
        found = s.scalar(select(SourceRow.id).where(SourceRow.name == name))
        if found is not None:
            return found
        row = SourceRow(name=name)
        s.add(row)
        s.flush()
        return row.id

    def append_custody(self, record: CustodyRecord) -> None:
        """Log an original that is not a document itself (a WARC or feed container)."""
        try:
            with Session(self.engine) as s, s.begin():
                self._append_custody(s, record)
        except SQLAlchemyError as exc:
            raise StoreError(f"could not log custody of {record.document_id[:12]}: {exc}") from exc

    def _append_custody(self, s: Session, record: CustodyRecord) -> None:
        last = s.scalar(select(CustodyRow.entry_hash).order_by(CustodyRow.seq.desc()).limit(1))
        s.add(
            CustodyRow(
                document_id=record.document_id,
                action=record.action,
                size=record.size,
                original_name=record.original_name,
                source=record.source,
                added_by=record.added_by,
                added_at=record.added_at,
                tool_version=record.tool_version,
                parent_id=record.parent_id,
                prev_hash=last,
                entry_hash=chain_hash(last, record),
            )
        )

    # -- reading -------------------------------------------------------------

    def resolve_id(self, id_or_prefix: str) -> str:
        """A full document id from an id or a unique prefix of at least 4 characters."""
        key = id_or_prefix.strip().lower()
        if len(key) < 4:
            raise NotFoundError(
                f"document id {id_or_prefix!r} is too short",
                hint="give at least 4 characters of the id",
            )
        with Session(self.engine) as s:
            ids = s.scalars(select(DocumentRow.id).where(DocumentRow.id.startswith(key)).limit(2))
            found = list(ids)
        if not found:
            raise NotFoundError(
                f"no document with id {id_or_prefix!r}", hint="`sourcebook list` shows the ids"
            )
        if len(found) > 1:
            raise NotFoundError(
                f"document id prefix {id_or_prefix!r} is ambiguous", hint="give more characters"
            )
        return found[0]

    def document(self, doc_id: str) -> DocumentInfo:
        with Session(self.engine) as s:
            row = s.get(DocumentRow, self.resolve_id(doc_id))
            assert row is not None
            return self._info(s, row)

    def text(self, doc_id: str) -> str:
        with Session(self.engine) as s:
            row = s.get(DocumentRow, self.resolve_id(doc_id))
            assert row is not None
            return row.text

    def documents(self, limit: int | None = None) -> list[DocumentInfo]:
        with Session(self.engine) as s:
            q = select(DocumentRow).order_by(DocumentRow.published, DocumentRow.added_at)
            if limit:
                q = q.limit(limit)
            return [self._info(s, row) for row in s.scalars(q)]

    def count_documents(self) -> int:
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def _info(self, s: Session, row: DocumentRow) -> DocumentInfo:
        outlet = s.get(SourceRow, row.source_id).name if row.source_id else None  # type: ignore[union-attr]
        return DocumentInfo(
            id=row.id,
            path=row.path,
            format=row.format,
            title=row.title,
            outlet=outlet,
            author=row.author,
            published=row.published,
            url=row.url,
            language=row.language,
            size=row.size,
            added_at=row.added_at,
            parent_id=row.parent_id,
        )

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        with self.engine.connect() as conn:
            found = search_ids(conn, query, limit)
        with Session(self.engine) as s:
            hits = []
            for doc_id, score, snippet in found:
                row = s.get(DocumentRow, doc_id)
                if row is not None:
                    hits.append(SearchHit.from_marked(self._info(s, row), score, snippet))
            return hits

    def custody(self, doc_id: str | None = None) -> Iterator[CustodyEntry]:
        with Session(self.engine) as s:
            q = select(CustodyRow).order_by(CustodyRow.seq)
            if doc_id:
                q = q.where(CustodyRow.document_id == doc_id)
            for row in s.scalars(q):
                yield CustodyEntry(
                    seq=row.seq,
                    record=CustodyRecord(
                        document_id=row.document_id,
                        action=row.action,
                        size=row.size,
                        original_name=row.original_name,
                        source=row.source,
                        added_by=row.added_by,
                        added_at=row.added_at,
                        tool_version=row.tool_version,
                        parent_id=row.parent_id,
                    ),
                    prev_hash=row.prev_hash,
                    entry_hash=row.entry_hash,
                )
