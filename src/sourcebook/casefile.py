"""A case file: the archive of originals and the store, opened together from settings.

This is the seam the CLI, the API and tests use: ingest → archive → store for
``add``, and the integrity check for ``verify``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sourcebook import __version__
from sourcebook.archive import BlobStore, CustodyRecord, chain_hash
from sourcebook.errors import ConfigError, IngestError, SourcebookError
from sourcebook.ingest import iter_files, read_file
from sourcebook.model import Document, Format, sha256
from sourcebook.settings import Settings
from sourcebook.store import Store


@dataclass
class AddReport:
    added: list[Document] = field(default_factory=list)
    already: list[Document] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)
    extracted: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# called after each file with (path, documents added from it, error or None)
Progress = Callable[[Path, int, SourcebookError | None], None]


class CaseFile:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"cannot create the data directory {settings.data_dir}: {exc.strerror}",
                hint="pass --data with a writable folder",
            ) from exc
        self.blobs = BlobStore(settings.archive_dir)
        self.store = Store(settings.url)

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> CaseFile:
        return cls(Settings.from_env(data_dir))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- add -----------------------------------------------------------------

    def add(
        self, paths: Iterable[str | Path], progress: Progress | None = None, extract: bool = True
    ) -> AddReport:
        """Ingest every file under ``paths``; one bad file never stops or undoes the others.

        With ``extract``, every stored document not yet extracted (those just added,
        and any an interrupted run left) is then run through the extraction engine.
        """
        report = AddReport()
        self._ingest(paths, report, progress)
        if extract:
            report.extracted = self.extract_pending()
        return report

    def extract_pending(self, progress: Callable[[str], None] | None = None) -> int:
        """Extract and store the items of every document that has none yet; returns how many."""
        pending = self.store.unextracted_ids()
        if not pending:
            return 0
        from sourcebook.extract import shared_extractor

        extractor = shared_extractor()
        documents = [self._stored_document(doc_id) for doc_id in pending]
        at = datetime.now(UTC).isoformat(timespec="seconds")
        for result in extractor.extract(documents):
            self.store.save_extraction(result, extractor.engine_name, at)
            if progress:
                progress(result["document"]["id"])
        return len(documents)

    def _stored_document(self, doc_id: str) -> Document:
        info = self.store.document(doc_id)
        doc = Document(
            original=self.blobs.get(doc_id),
            text=self.store.text(doc_id),
            format=Format(info.format),
            path=info.path,
            title=info.title,
            outlet=info.outlet,
            author=info.author,
            published=info.published,
            url=info.url,
            language=info.language,
            parent_id=info.parent_id,
        )
        return doc

    def _ingest(
        self, paths: Iterable[str | Path], report: AddReport, progress: Progress | None
    ) -> None:
        for found in iter_files(paths):
            if found.error is not None:
                (report.failed if found.explicit else report.skipped).append(found.error)
                if progress and found.explicit:
                    progress(found.path, 0, found.error)
                continue
            try:
                documents = read_file(found.path, self.settings.max_file_bytes)
                container = self._archive_container(found.path, documents)
                new = 0
                for doc in documents:
                    if self.add_document(doc, found.path, container):
                        report.added.append(doc)
                        new += 1
                    else:
                        report.already.append(doc)
            except IngestError as exc:
                report.failed.append(exc)
                if progress:
                    progress(found.path, 0, exc)
                continue
            except SourcebookError as exc:
                error = IngestError(found.path, str(exc))
                report.failed.append(error)
                if progress:
                    progress(found.path, 0, error)
                continue
            if progress:
                progress(found.path, new, None)

    def _archive_container(self, path: Path, documents: list[Document]) -> str | None:
        """A WARC or feed is an original too: archive it and log it before its items."""
        parents = {d.parent_id for d in documents if d.parent_id}
        if not parents:
            return None
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(
                path, f"vanished or became unreadable while being added ({exc})"
            ) from exc
        digest = sha256(data)
        if digest not in parents:  # the file changed between reading its items and now
            raise IngestError(path, "changed while being added; add it again")
        self.blobs.put(data)
        if not any(True for _ in self.store.custody(digest)):
            self.store.append_custody(
                self._record(digest, len(data), path, str(path.resolve()), "added", None)
            )
        return digest

    def _record(
        self, doc_id: str, size: int, path: Path, source: str, action: str, parent: str | None
    ) -> CustodyRecord:
        return CustodyRecord(
            document_id=doc_id,
            action=action,
            size=size,
            original_name=path.name,
            source=source,
            added_by=self.settings.user,
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
            tool_version=f"sourcebook {__version__}",
            parent_id=parent,
        )

    def add_document(self, doc: Document, path: Path, container: str | None = None) -> bool:
        """Archive the original, then store the document. False if it was stored already."""
        if self.store.has_document(doc.id):
            self.blobs.put(doc.original)  # heal a blob lost since, from the same bytes
            return False
        self.blobs.put(doc.original)
        source = doc.url or str(path.resolve())
        record = self._record(
            doc.id, doc.size, path, source, "extracted" if container else "added", container
        )
        return self.store.add_document(doc, record)

    # -- verify --------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Re-hash every original, and check the custody chain has not been rewritten."""
        report = VerifyReport()
        previous: str | None = None
        seen: set[str] = set()
        for entry in self.store.custody():
            if entry.prev_hash != previous or entry.entry_hash != chain_hash(
                previous, entry.record
            ):
                report.problems.append(
                    f"custody log entry {entry.seq} "
                    f"({entry.record.document_id[:12]}) has been altered"
                )
            previous = entry.entry_hash
            doc_id = entry.record.document_id
            if doc_id in seen:
                continue
            seen.add(doc_id)
            report.checked += 1
            status = self.blobs.check(doc_id)
            if status:
                report.problems.append(
                    f"original {doc_id} ({entry.record.original_name}) "
                    f"is {status}: {self.blobs.path_of(doc_id)}"
                )
        for doc in self.store.documents():
            if doc.id not in seen:
                report.problems.append(f"document {doc.id} ({doc.path}) has no custody record")
        return report

    def original(self, doc_id: str) -> bytes:
        """The exact original bytes of a document, checked against their hash."""
        full = self.store.resolve_id(doc_id)
        data = self.blobs.get(full)
        assert sha256(data) == full
        return data
