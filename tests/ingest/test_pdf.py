"""PDF: the text layer via pypdf; a scan, a locked or a broken file is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format
from tests.helpers import Make, prose


def test_text_layer_and_metadata(make: Make) -> None:
    path = make.pdf("report.pdf", [prose(1), prose(2)], title="Camp report", author="NGO Desk")
    [doc] = read_file(path)
    assert doc.format is Format.PDF
    assert (doc.title, doc.author, doc.published) == ("Camp report", "NGO Desk", "2020-07-17")
    assert doc.language == "en"
    # the text layer reflows lines; compare words
    assert prose(1).split() == doc.text.split()[: len(prose(1).split())]
    assert doc.original == path.read_bytes()


def _reason(path: Path) -> str:
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path == str(path)
    return info.value.reason


def test_image_only_pdf_has_no_text_layer(make: Make) -> None:
    reason = _reason(make.image_pdf("scan.pdf"))
    assert "no text layer" in reason


def test_empty_page_has_no_text_layer(make: Make) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    path = make.path("blank.pdf")
    pdf.output(str(path))
    assert "no text layer" in _reason(path)


def test_password_protected(make: Make) -> None:
    assert "password-protected" in _reason(make.encrypted_pdf("locked.pdf"))


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated(make: Make, keep: float) -> None:
    data = make.pdf("full.pdf", [prose(i) for i in range(8)]).read_bytes()
    path = make.bytes("cut.pdf", data[: int(len(data) * keep)])
    assert "corrupt or truncated" in _reason(path)


def test_garbage_after_header(make: Make) -> None:
    path = make.bytes("corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20)
    reason = _reason(path)
    assert "corrupt" in reason or "could not be read" in reason


def test_not_a_pdf(make: Make) -> None:
    assert "not a PDF" in _reason(make.text("letter.pdf", prose()))
