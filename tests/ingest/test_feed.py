"""RSS and Atom: items with content become documents; items without are left out."""

from __future__ import annotations

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format, sha256
from tests.helpers import Make, prose


def test_rss_items_with_content(make: Make) -> None:
    path = make.rss(
        "wire.rss",
        [
            {
                "title": "Camps expand",
                "link": "https://wire.example.org/1",
                "pubDate": "Tue, 02 Jun 2020 10:00:00 GMT",
                "author": "desk@wire.example.org (Wire Desk)",
                "description": f"<p>{prose(1)}</p><p>{prose(2)}</p>",
            },
            {"title": "Headline only", "link": "https://wire.example.org/2"},
            {
                "title": "Plain summary",
                "link": "https://wire.example.org/3",
                "description": prose(3),
            },
        ],
    )
    docs = read_file(path)
    assert [d.url for d in docs] == ["https://wire.example.org/1", "https://wire.example.org/3"]
    first, third = docs
    assert all(d.format is Format.FEED and d.outlet == "Example Wire" for d in docs)
    assert all(d.parent_id == sha256(path.read_bytes()) for d in docs)
    assert first.title == "Camps expand"
    assert first.published == "2020-06-02"
    assert first.author == "desk@wire.example.org (Wire Desk)"
    assert first.text.startswith("Camps expand\n\n")
    assert prose(1) in first.text and prose(2) in first.text
    assert "<p>" not in first.text
    assert third.text == f"Plain summary\n\n{prose(3)}"
    assert first.path == f"{path}#item1" and third.path == f"{path}#item3"
    assert first.id != third.id


def test_atom_entries(make: Make) -> None:
    path = make.atom(
        "feed.atom",
        [
            {"title": "Atom entry", "author": "Bo Writer", "content": f"<p>{prose(5)}</p>"},
            {"title": "No content"},
        ],
    )
    [doc] = read_file(path)
    assert (doc.title, doc.author, doc.outlet, doc.published) == (
        "Atom entry",
        "Bo Writer",
        "Example Atom",
        "2020-02-03",
    )
    assert doc.url == "https://atom.example.org/0"
    assert prose(5) in doc.text


def test_feed_in_xml_file(make: Make) -> None:
    path = make.rss("wire.xml", [{"title": "T", "link": "https://w/1", "description": prose()}])
    assert len(read_file(path)) == 1


def test_feed_without_content(make: Make) -> None:
    path = make.rss("empty.rss", [{"title": "Headline only", "link": "https://w/1"}])
    with pytest.raises(IngestError, match="no item with content"):
        read_file(path)


def test_not_a_feed(make: Make) -> None:
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        read_file(make.text("notes.xml", "plain words, no markup at all"))
