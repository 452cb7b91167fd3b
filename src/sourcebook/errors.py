"""The exceptions Sourcebook raises.

Every error carries enough context (the file, the document id) for a message
that says what failed, where, and what to do next::

    SourcebookError
    ├── ConfigError        bad settings (data directory, database URL)
    ├── IngestError        a file could not be read into a document
    ├── ArchiveError       an original could not be stored or read back
    │   └── IntegrityError an original is missing or its bytes changed
    ├── ExtractionError    the NLP pipeline could not process a document
    ├── StoreError         the database refused or lost a write
    └── NotFoundError      no record with that id
"""

from __future__ import annotations

from pathlib import Path


class SourcebookError(Exception):
    """Root of every error Sourcebook raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} ({self.hint})"


class ConfigError(SourcebookError):
    """Settings that cannot work: an unusable data directory or database URL."""


class IngestError(SourcebookError):
    """A file could not be turned into a document. Names the file."""

    def __init__(self, path: str | Path, reason: str, *, hint: str | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}", hint=hint)


class ArchiveError(SourcebookError):
    """An original could not be written to or read from the archive."""


class IntegrityError(ArchiveError):
    """An archived original is missing or no longer matches its hash."""


class ExtractionError(SourcebookError):
    """The extraction pipeline failed on a document."""


class StoreError(SourcebookError):
    """The database failed to store or read records."""


class NotFoundError(SourcebookError):
    """No record has the given id (or id prefix)."""
