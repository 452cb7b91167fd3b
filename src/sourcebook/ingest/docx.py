"""Word documents (.docx): paragraphs and tables via python-docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from sourcebook.errors import IngestError
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import normalise
from sourcebook.model import Document, Format


def read(path: Path, data: bytes) -> list[Document]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError(path, "not a DOCX file (not a ZIP package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(
            path,
            f"not a Word document: the ZIP package has no word/document.xml ({type(exc).__name__})",
        ) from exc
    except Exception as exc:  # lxml errors on a damaged part
        raise IngestError(
            path, f"the DOCX could not be read ({type(exc).__name__}: {exc})"
        ) from exc
    blocks = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            blocks.append("\t".join(cell.text for cell in row.cells))
    text = normalise("\n\n".join(b for b in blocks if b.strip()))
    if not text:
        raise IngestError(path, "the DOCX has no text")
    props = document.core_properties
    published = props.created.date().isoformat() if props.created else None
    return [
        Document(
            original=data,
            text=text,
            format=Format.DOCX,
            path=str(path),
            title=props.title or None,
            author=props.author or None,
            published=published,
            language=detect_language(text),
        )
    ]
