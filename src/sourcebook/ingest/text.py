"""Plain text files of any common encoding (UTF-8/16/32, Windows-1252, Latin-1, …)."""

from __future__ import annotations

from pathlib import Path

from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import decode, first_line_title, normalise, require_text
from sourcebook.model import Document, Format


def read(path: Path, data: bytes) -> list[Document]:
    text = require_text(path, normalise(decode(path, data)), "contains only white space")
    return [
        Document(
            original=data,
            text=text,
            format=Format.TEXT,
            path=str(path),
            title=first_line_title(text),
            language=detect_language(text),
        )
    ]
