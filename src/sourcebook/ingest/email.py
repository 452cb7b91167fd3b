"""E-mail messages (.eml): subject, sender, date and the body (plain text preferred)."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from sourcebook.errors import IngestError
from sourcebook.ingest.html import extract_main
from sourcebook.ingest.language import detect_language
from sourcebook.ingest.textutil import normalise
from sourcebook.model import Document, Format


def _body(path: Path, message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    if part.get_content_subtype() == "html":
        return str(extract_main(path, content)["text"])
    return normalise(content)


def read(path: Path, data: bytes) -> list[Document]:
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"]):
        raise IngestError(path, "not an e-mail message (no From or Subject header)")
    text = _body(path, message)
    if not text:
        raise IngestError(path, "the e-mail has no text body")
    published = None
    if message["Date"]:
        try:
            published = parsedate_to_datetime(str(message["Date"])).date().isoformat()
        except (TypeError, ValueError):
            published = None
    subject = str(message["Subject"] or "").strip() or None
    return [
        Document(
            original=data,
            text=text,
            format=Format.EMAIL,
            path=str(path),
            title=subject,
            author=str(message["From"] or "") or None,
            published=published,
            language=detect_language(text),
        )
    ]
