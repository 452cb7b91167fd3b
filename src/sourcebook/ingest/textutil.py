"""Helpers shared by readers: decoding bytes, normalising text, checking for binary."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from sourcebook.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# More than this share of control or unassigned characters means it is not text.
_MAX_JUNK_SHARE = 0.01


def decode(path: Path, data: bytes) -> str:
    """Decode bytes of unknown encoding: BOM first, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(
                    path,
                    f"starts with a {encoding} byte-order mark but "
                    f"does not decode as {encoding} ({exc.reason})",
                ) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise IngestError(
                path,
                "not text: no character encoding fits these bytes",
                hint="is it a binary file with the wrong extension?",
            ) from None
        # Windows-1252 is a superset of Latin-1 in use; prefer it for the C1 range.
        encoding = "cp1252" if best.encoding in {"latin_1", "iso8859_1"} else best.encoding
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = str(best)
    check_is_text(path, text)
    return text


def check_is_text(path: Path, text: str) -> None:
    sample = text[:100_000]
    if not sample:
        return
    junk = sum(
        1
        for ch in sample
        if ch not in "\n\r\t\f" and unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}
    )
    if junk / len(sample) > _MAX_JUNK_SHARE:
        raise IngestError(
            path,
            "not text: it looks like binary data",
            hint="check the file type; only text, HTML, PDF, DOCX, e-mail, "
            "WARC and feed files can be added",
        )


_SPACES = re.compile(r"[ \t\u00a0]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Unify line ends and trim trailing spaces; keeps every other character as is."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def first_line_title(text: str, max_len: int = 200) -> str | None:
    line = text.strip().split("\n", 1)[0].strip()
    return line if 0 < len(line) <= max_len else None


def require_text(path: Path, text: str, what: str = "no text") -> str:
    if not text.strip():
        raise IngestError(path, what)
    return text
