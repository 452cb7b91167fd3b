"""WARC web archives: every HTML response record becomes a document with its URL and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format, sha256
from tests.helpers import Make, prose

NAV_ONLY = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"


def _crawl(make: Make, name: str, gzip: bool) -> tuple[Path, bytes, bytes]:
    dated = Make.html_page(
        "Camps exposed",
        [prose(1), prose(2)],
        date="2019-07-11",
        site="Example Daily",
        author="Jane Reporter",
    ).encode()
    undated = Make.html_page("Second story", [prose(3), prose(4)]).encode()
    records = [
        ("https://news.example.org/camps-exposed", dated, "text/html; charset=utf-8"),
        ("https://news.example.org/style.css", b"body { color: black }", "text/css"),
        ("https://news.example.org/second", undated, "text/html"),
        ("https://news.example.org/", NAV_ONLY, "text/html"),
        ("https://news.example.org/logo.png", b"\x89PNG\r\n", "image/png"),
    ]
    path = make.warc(name, records, captured="2021-05-06T07:08:09Z", gzip=gzip)
    return path, dated, undated


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_response_is_a_document(make: Make, name: str, gzip: bool) -> None:
    path, dated, undated = _crawl(make, name, gzip)
    docs = read_file(path)
    assert [d.url for d in docs] == [
        "https://news.example.org/camps-exposed",
        "https://news.example.org/second",
    ]
    first, second = docs
    assert all(d.format is Format.HTML for d in docs)
    assert all(d.parent_id == sha256(path.read_bytes()) for d in docs)
    # each item's original is the page as captured, not the container
    assert first.original == dated and second.original == undated
    assert first.path == f"{path}#https://news.example.org/camps-exposed"
    assert (first.title, first.outlet, first.author) == (
        "Camps exposed",
        "Example Daily",
        "Jane Reporter",
    )
    assert first.published == "2019-07-11"  # the page's own date
    assert second.published == "2021-05-06"  # no date on the page: the capture date
    assert prose(1) in first.text and prose(3) in second.text


def test_warc_without_html(make: Make) -> None:
    path = make.warc("css.warc.gz", [("https://x.example/s.css", b"body {}", "text/css")])
    with pytest.raises(IngestError, match="no HTML response"):
        read_file(path)


def test_not_a_warc(make: Make) -> None:
    path = make.text("fake.warc", "this is not a web archive\n" * 10)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path == str(path)
    assert "WARC" in info.value.reason
