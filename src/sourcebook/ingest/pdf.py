"""PDF files: the text layer via pypdf. A scan without a text layer is an error, not empty text."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from sourcebook.errors import IngestError
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import normalise
from sourcebook.model import Document, Format


def _pdf_date(value: object) -> str | None:
    text = str(value or "")
    if text.startswith("D:"):
        text = text[2:]
    if len(text) >= 8 and text[:8].isdigit():
        return f"{text[0:4]}-{text[4:6]}-{text[6:8]}"
    return None


_SPACES = re.compile(r"[ \t]{2,}")


def reflow(page: str) -> str:
    """Undo a PDF's hard line wrapping: join wrapped lines into paragraphs.

    A line much shorter than the page's longest ends a paragraph; a word broken
    with a hyphen at a line end is joined; runs of spaces become one.
    """
    lines = [_SPACES.sub(" ", line).strip() for line in page.splitlines()]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if len(line) < 0.75 * width:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n\n".join(out)


def read(path: Path, data: bytes) -> list[Document]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(path, "not a PDF file (no %PDF header)")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(
                path, "the PDF is password-protected", hint="save an unprotected copy and add that"
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        info: Any = reader.metadata or {}
    except IngestError:
        raise
    except FileNotDecryptedError as exc:
        raise IngestError(path, "the PDF is password-protected") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise IngestError(path, f"the PDF is corrupt or truncated ({exc})") from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise IngestError(path, f"the PDF could not be read ({type(exc).__name__}: {exc})") from exc
    text = normalise("\n\n".join(reflow(page) for page in pages))
    if not text:
        raise IngestError(
            path,
            f"the PDF has no text layer ({len(pages)} page(s) of images?)",
            hint="it may be a scan; run OCR (e.g. ocrmypdf) and add the result",
        )
    title = str(info.get("/Title") or "").strip() or None
    author = str(info.get("/Author") or "").strip() or None
    return [
        Document(
            original=data,
            text=text,
            format=Format.PDF,
            path=str(path),
            title=title,
            author=author,
            published=_pdf_date(info.get("/CreationDate")),
            language=detect_language(text),
        )
    ]
