"""HTML pages and saved web pages: main text and metadata via trafilatura."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sourcebook.errors import IngestError
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import decode, normalise
from sourcebook.model import Document, Format


def extract_main(path: Path | str, html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of one page, or IngestError when it has no main text."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises many lxml types on broken markup
        raise IngestError(path, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise IngestError(path, "no main text found in this HTML page",
                          hint="the page may be only scripts and navigation; save the "
                               "article page itself or its printable version")
    meta = result if isinstance(result, dict) else result.as_dict()
    text = normalise(meta.get("text") or "")
    if not text:
        raise IngestError(path, "no main text found in this HTML page")
    meta["text"] = text
    return meta


def read(path: Path, data: bytes) -> list[Document]:
    meta = extract_main(path, decode(path, data))
    return [from_meta(path, data, meta, Format.HTML)]


def from_meta(path: Path | str, data: bytes, meta: dict[str, Any], fmt: Format,
              **overrides: Any) -> Document:
    text = meta["text"]
    title = meta.get("title")
    # trafilatura leaves the headline out of the body; keep it, since headlines carry claims.
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    fields = {
        "title": title,
        "outlet": meta.get("sitename") or meta.get("hostname"),
        "author": meta.get("author"),
        "published": meta.get("date"),
        "url": meta.get("url"),
        "language": detect_language(text),
    }
    fields.update({k: v for k, v in overrides.items() if v is not None})
    return Document(original=data, text=text, format=fmt, path=str(path), **fields)
