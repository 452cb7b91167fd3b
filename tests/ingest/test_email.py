"""E-mail (.eml): subject, sender, date and body."""

from __future__ import annotations

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format
from tests.helpers import Make, prose


def test_plain_body_preferred_over_html(make: Make) -> None:
    path = make.eml(
        "tip.eml",
        body=f"Dear desk,\n\n{prose(1)}\n\n-- \nField Researcher\n",
        html_body="<html><body><p>HTML alternative only</p></body></html>",
    )
    [doc] = read_file(path)
    assert doc.format is Format.EMAIL
    assert doc.title == "Testimony from a former detainee"
    assert doc.author == "Field Researcher <field@example.org>"
    assert doc.published == "2020-03-04"
    assert prose(1) in doc.text
    assert "HTML alternative" not in doc.text
    assert doc.original == path.read_bytes()


def test_html_only_body(make: Make) -> None:
    html = f"<html><body><p>{prose(2)}</p><p>{prose(3)}</p></body></html>"
    [doc] = read_file(make.eml("html.eml", html_body=html, date=None))
    assert prose(2) in doc.text and prose(3) in doc.text
    assert doc.published is None


def test_unicode_subject_and_body(make: Make) -> None:
    [doc] = read_file(
        make.eml(
            "uni.eml", subject="\u00dcr\u00fcmqi \u2014 testimony", body="Caf\u00e9 " + prose()
        )
    )
    assert doc.title == "\u00dcr\u00fcmqi \u2014 testimony"
    assert doc.text.startswith("Caf\u00e9 Report 0.")


def test_not_an_email(make: Make) -> None:
    with pytest.raises(IngestError, match="not an e-mail"):
        read_file(make.text("notes.eml", "just some words without headers\n\nand more"))


def test_email_without_body(make: Make) -> None:
    with pytest.raises(IngestError, match="no text body"):
        read_file(make.eml("empty.eml", body=""))
