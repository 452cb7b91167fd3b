"""HTML pages and saved web pages: main text and metadata via trafilatura."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sourcebook.errors import IngestError
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import decode, normalise
from sourcebook.model import Document, Format

_NO_MAIN_TEXT = (
    "the page may be only scripts, links and menus; save the article page "
    "itself or its printable version"
)


def extract_main(path: Path | str, html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of one page, or IngestError when it has no main text."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises many lxml types on broken markup
        raise IngestError(path, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise IngestError(path, "no main text found in this HTML page", hint=_NO_MAIN_TEXT)
    meta = result if isinstance(result, dict) else result.as_dict()
    text = normalise(meta.get("text") or "")
    if not text or _only_navigation(html, text):
        raise IngestError(path, "no main text found in this HTML page", hint=_NO_MAIN_TEXT)
    meta["text"] = text
    return meta


_WORD = re.compile(r"\w+")
# What a reader follows rather than reads: links, menus, buttons, the "enable JavaScript" notice.
_NAVIGATION = (
    "//a | //button | //option | //label | //noscript | //nav | //menu | //header"
    " | //footer | //*[@role='navigation']"
)


def _only_navigation(html: str, text: str) -> bool:
    """True when every word extracted also stands in the page's links and menus.

    On a page without an article, trafilatura falls back to all the text it can
    find, which is then the navigation; that is not a document.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return False
    menus: set[str] = set()
    for element in tree.xpath(_NAVIGATION):
        menus.update(w.lower() for w in _WORD.findall(element.text_content()))
    return {w.lower() for w in _WORD.findall(text)} <= menus


def read(path: Path, data: bytes) -> list[Document]:
    meta = extract_main(path, decode(path, data))
    return [from_meta(path, data, meta, Format.HTML)]


def from_meta(
    path: Path | str, data: bytes, meta: dict[str, Any], fmt: Format, **overrides: Any
) -> Document:
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
