"""RSS and Atom feed files: every item that carries content becomes a document."""

from __future__ import annotations

import time
from pathlib import Path

from sourcebook.errors import IngestError
from sourcebook.ingest.html import extract_main
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import normalise
from sourcebook.model import Document, Format, sha256


def _item_text(where: str, entry: dict) -> tuple[str, str]:
    """The item's richest body and its raw form."""
    bodies = [c.get("value", "") for c in entry.get("content") or []]
    raw = max(bodies, key=len) if bodies else entry.get("summary", "")
    if not raw.strip():
        return "", raw
    if "<" in raw and ">" in raw:
        try:
            return str(
                extract_main(where, f"<html><body><article>{raw}</article></body></html>")["text"]
            ), raw
        except IngestError:
            return "", raw
    return normalise(raw), raw


def read(path: Path, data: bytes) -> list[Document]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        raise IngestError(path, "not an RSS or Atom feed")
    parent = sha256(data)
    outlet = parsed.feed.get("title")
    documents = []
    for i, entry in enumerate(parsed.entries):
        where = f"{path}#item{i + 1}"
        text, raw = _item_text(where, entry)
        if not text:
            continue
        title = entry.get("title")
        if title and not text.startswith(title):
            text = f"{title}\n\n{text}"
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", stamp) if stamp else None
        # The item's own bytes are its original: its link, title, date and body as published.
        original = "\n".join(
            [entry.get("link", ""), entry.get("title", ""), entry.get("published", ""), raw]
        ).encode("utf-8")
        documents.append(
            Document(
                original=original,
                text=text,
                format=Format.FEED,
                path=where,
                title=title,
                outlet=outlet,
                author=entry.get("author"),
                published=published,
                url=entry.get("link"),
                language=detect_language(text),
                parent_id=parent,
            )
        )
    if not documents:
        raise IngestError(path, "the feed has no item with content")
    return documents
