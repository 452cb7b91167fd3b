"""The domain model: plain dataclasses with no I/O.

Records are converted to and from database rows at the store's edge only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    EMAIL = "email"
    WARC = "warc"
    FEED = "feed"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Document:
    """One original and the text derived from it.

    ``id`` is the sha256 of ``original``: the same bytes are the same document.
    ``parent_id`` names the container (a WARC file, a feed) an item came from.
    """

    original: bytes
    text: str
    format: Format
    path: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date, as precise as the source gives
    url: str | None = None
    language: str | None = None
    parent_id: str | None = None
    id: str = field(init=False)

    def __post_init__(self) -> None:
        self.id = sha256(self.original)

    @property
    def size(self) -> int:
        return len(self.original)
