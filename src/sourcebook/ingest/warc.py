"""WARC web archives: every HTML response record becomes a document of its own."""

from __future__ import annotations

import io
from pathlib import Path

from sourcebook.errors import IngestError
from sourcebook.ingest.html import extract_main, from_meta
from sourcebook.ingest.textutil import decode
from sourcebook.model import Document, Format, sha256


def read(path: Path, data: bytes) -> list[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    parent = sha256(data)
    documents: list[Document] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            captured = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            payload = record.content_stream().read()
            where = f"{path}#{url}"
            try:
                meta = extract_main(where, decode(Path(where), payload), url=url)
            except IngestError:
                continue  # a navigation page in the crawl is not an error of the archive
            documents.append(
                from_meta(
                    where,
                    payload,
                    meta,
                    Format.HTML,
                    url=url,
                    published=meta.get("date") or captured,
                    parent_id=parent,
                )
            )
    except ArchiveLoadFailed as exc:
        raise IngestError(path, f"not a valid WARC file ({exc})") from exc
    except (OSError, ValueError, EOFError) as exc:
        raise IngestError(path, f"the WARC file is damaged ({exc})") from exc
    if not documents:
        raise IngestError(path, "the WARC file has no HTML response with main text")
    return documents
