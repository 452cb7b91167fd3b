"""Sourcebook: a sourced, hash-verified evidence base from reports about human-rights abuses."""

from __future__ import annotations

__version__ = "0.1.0"

from sourcebook.casefile import AddReport, CaseFile, VerifyReport
from sourcebook.errors import (
    ArchiveError,
    ConfigError,
    ExtractionError,
    IngestError,
    IntegrityError,
    NotFoundError,
    SourcebookError,
    StoreError,
)
from sourcebook.model import Document, Format
from sourcebook.settings import Settings

__all__ = [
    "AddReport",
    "ArchiveError",
    "CaseFile",
    "ConfigError",
    "Document",
    "ExtractionError",
    "Format",
    "IngestError",
    "IntegrityError",
    "NotFoundError",
    "Settings",
    "SourcebookError",
    "StoreError",
    "VerifyReport",
    "__version__",
]
