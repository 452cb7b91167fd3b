"""HTML and saved web pages: trafilatura's main text and metadata."""

from __future__ import annotations

import pytest

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.model import Format
from tests.helpers import Make, prose


def test_main_text_title_author_date_site(make: Make) -> None:
    path = make.html(
        "camps.html",
        "Twenty-two countries call for an end to mass detention",
        [prose(1), prose(2), prose(3)],
        author="Jane Reporter",
        date="2019-07-11",
        site="Example Daily",
    )
    [doc] = read_file(path)
    assert doc.format is Format.HTML
    assert doc.title == "Twenty-two countries call for an end to mass detention"
    assert doc.author == "Jane Reporter"
    assert doc.published == "2019-07-11"
    assert doc.outlet == "Example Daily"
    assert doc.language == "en"
    assert doc.text.startswith(doc.title)
    for para in (prose(1), prose(2), prose(3)):
        assert para in doc.text
    # the boilerplate around the article is not part of the document
    for junk in ("Markets rally", "All rights reserved", "pageview", "dataLayer"):
        assert junk not in doc.text
    assert doc.original == path.read_bytes()


def test_saved_page_in_windows_1252(make: Make) -> None:
    page = Make.html_page("Caf\u00e9 owners detained", [prose(4) + " \u201cQuoted\u201d words."])
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    [doc] = read_file(make.bytes("cafe.htm", page.encode("cp1252")))
    assert doc.title == "Caf\u00e9 owners detained"
    assert "\u201cQuoted\u201d words." in doc.text


def test_short_article_is_kept(make: Make) -> None:
    html = (
        "<html><head><title>Verdict</title></head><body><article><p>The court sentenced "
        "three activists to ten years in prison on Tuesday.</p></article></body></html>"
    )
    [doc] = read_file(make.text("short.xhtml", html))
    assert "sentenced three activists" in doc.text


@pytest.mark.parametrize(
    "html",
    [
        # only scripts and a menu
        """<html><head><title>Home</title><script>var a = 1; function f() { return a; }</script>
        </head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/about">About us</a></li></ul></nav>
        <script>document.write('rendered by script')</script>
        <noscript>Please enable JavaScript</noscript></body></html>""",
        # a portal front page: header, menus, footer, nothing to read
        """<html><head><title>Example News</title></head><body>
        <header><a href="/">Example News</a></header>
        <nav><a href="/world">World</a> | <a href="/politics">Politics</a> |
        <a href="/business">Business</a></nav>
        <div class="menu"><ul><li><a href="/latest">Latest</a></li>
        <li><a href="/read">Most read</a></li></ul></div>
        <script>window.init({"lots": "of javascript"});</script>
        <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
        </body></html>""",
        "<html><head><script>track()</script></head><body></body></html>",
    ],
    ids=["scripts-and-nav", "portal", "empty-body"],
)
def test_page_without_main_text_is_an_error(make: Make, html: str) -> None:
    path = make.text("nav.html", html)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path == str(path)
    assert "no main text" in info.value.reason
