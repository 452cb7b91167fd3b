"""Word documents: paragraphs, tables and core properties; a ZIP of something else is refused."""

from __future__ import annotations

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format
from tests.helpers import Make, prose


def test_paragraphs_tables_and_properties(make: Make) -> None:
    path = make.docx(
        "memo.docx",
        [prose(1), prose(2)],
        title="Field memo",
        author="Ann Author",
        table=[["Camp", "Prefecture"], ["Dabancheng", "\u00dcr\u00fcmqi"]],
    )
    [doc] = read_file(path)
    assert doc.format is Format.DOCX
    assert (doc.title, doc.author, doc.published) == ("Field memo", "Ann Author", "2021-03-04")
    assert doc.text.split("\n\n")[:2] == [prose(1), prose(2)]
    assert "Dabancheng\t\u00dcr\u00fcmqi" in doc.text
    assert doc.language == "en"
    assert doc.original == path.read_bytes()


def test_zip_of_something_else(make: Make) -> None:
    path = make.zip("photos.docx", {"readme.txt": b"holiday photos", "img/1.png": b"\x89PNG"})
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path == str(path)
    assert "not a Word document" in info.value.reason


def test_not_a_zip(make: Make) -> None:
    with pytest.raises(IngestError, match="not a ZIP package"):
        read_file(make.text("plain.docx", prose()))


def test_empty_document(make: Make) -> None:
    import docx

    path = make.path("blank.docx")
    docx.Document().save(str(path))
    with pytest.raises(IngestError, match="no text"):
        read_file(path)
