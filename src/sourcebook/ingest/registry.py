"""Which reader handles which file extension.

A reader is ``(path, data) -> list[Document]``. Adding a format means adding a
module with a reader and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sourcebook.ingest import docx, email, feed, html, pdf, text, warc
from sourcebook.model import Document

Reader = Callable[[Path, bytes], list[Document]]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    ".md": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".pdf": pdf.read,
    ".docx": docx.read,
    ".eml": email.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
    ".rss": feed.read,
    ".atom": feed.read,
    ".xml": feed.read,
}


def extension_of(path: Path) -> str:
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return ext
    return path.suffix.lower()


def reader_for(path: Path) -> Reader | None:
    return READERS.get(extension_of(path))


def supported_extensions() -> list[str]:
    return sorted(READERS)
