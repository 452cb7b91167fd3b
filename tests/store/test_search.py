"""Full-text search with SQLite FTS5: ranking, hostile input, highlighted snippets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcebook.casefile import CaseFile
from sourcebook.store.search import fts5_query
from tests.helpers import Make, prose

FILLER = (
    "The provincial budget was debated in the assembly on Monday. Delegates discussed roads, "
    "schools and the price of grain, and the session closed without a vote. "
)


@pytest.fixture
def corpus(case: CaseFile, make: Make) -> CaseFile:
    make.text(
        "many.txt",
        "Detention camps in the north\n\n"
        + " ".join(f"Witness {i} described the detention camps." for i in range(6))
        + FILLER,
    )
    make.text(
        "once.txt",
        "Budget debate\n\n" + FILLER * 6 + "One delegate mentioned detention "
        "camps in passing. " + FILLER * 6,
    )
    make.text("camps-only.txt", "Summer camps\n\n" + FILLER + "Children went to summer camps.")
    make.text("re-education.txt", "Policy\n\nOfficials described re-education as training.")
    for i in range(5):
        make.text(f"filler-{i}.txt", f"Assembly notes {i}\n\n" + FILLER * (i + 1))
    report = case.add([make.root])
    assert len(report.added) == 9
    return case


def _names(case: CaseFile, query: str) -> list[str]:
    return [Path(h.document.path).name for h in case.store.search(query)]


def test_more_mentions_and_title_rank_first(corpus: CaseFile) -> None:
    assert _names(corpus, "detention camps") == ["many.txt", "once.txt"]
    hits = corpus.store.search("detention camps")
    assert hits[0].score > hits[1].score > 0


def test_every_word_must_occur(corpus: CaseFile) -> None:
    assert "camps-only.txt" not in _names(corpus, "detention camps")
    assert set(_names(corpus, "camps")) == {"many.txt", "once.txt", "camps-only.txt"}


def test_quoted_phrase(corpus: CaseFile) -> None:
    assert _names(corpus, '"summer camps"') == ["camps-only.txt"]
    assert _names(corpus, '"camps summer"') == []


def test_stemming_and_case(corpus: CaseFile) -> None:
    assert _names(corpus, "DETENTION CAMP") == ["many.txt", "once.txt"]


def test_punctuated_words(corpus: CaseFile) -> None:
    assert _names(corpus, "re-education") == ["re-education.txt"]


@pytest.mark.parametrize(
    "query",
    [
        're-education NOT "',
        "AND OR (",
        '"',
        '""',
        "*",
        "camps*",
        "NEAR(detention camps)",
        "title:camps",
        "^detention",
        "detention -camps",
        "'; DROP TABLE documents; --",
        "\x00",
        "   ",
        "",
        "(((",
        "{text}: camps",
    ],
)
def test_hostile_queries_do_not_crash(corpus: CaseFile, query: str) -> None:
    hits = corpus.store.search(query)
    assert isinstance(hits, list)
    assert corpus.store.count_documents() == 9


def test_snippet_highlights_point_at_the_matched_words(corpus: CaseFile) -> None:
    [hit] = [h for h in corpus.store.search("delegate mentioned") if "once" in h.document.path]
    assert "\x02" not in hit.snippet and "\x03" not in hit.snippet
    marked = [hit.snippet[start:end] for start, end in hit.highlights]
    assert marked == ["delegate", "mentioned"]
    for hit in corpus.store.search("detention camps"):
        words = {hit.snippet[s:e].lower() for s, e in hit.highlights}
        assert words and words <= {"detention", "camps"}


def test_search_hit_as_dict(corpus: CaseFile) -> None:
    hit = corpus.store.search("summer")[0]
    data = hit.to_dict()
    assert data["document"]["id"] == hit.document.id
    assert data["snippet"] == hit.snippet
    assert data["highlights"] == [list(h) for h in hit.highlights]


def test_limit(corpus: CaseFile) -> None:
    assert len(corpus.store.search("assembly", limit=3)) == 3


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    """The same FTS5 table the migration creates, in memory, for the property test."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE document_fts USING fts5("
        "doc_id UNINDEXED, title, text, tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.execute("INSERT INTO document_fts VALUES ('1', 'Camps', ?)", (prose(1),))
    yield conn
    conn.close()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=60))
def test_fts5_query_never_raises(fts: sqlite3.Connection, query: str) -> None:
    expr = fts5_query(query)
    if expr:
        fts.execute("SELECT doc_id FROM document_fts WHERE document_fts MATCH ?", (expr,))


@given(st.lists(st.sampled_from(prose(1).replace(".", "").split()), min_size=1, max_size=4))
def test_words_of_a_document_find_it(fts: sqlite3.Connection, words: list[str]) -> None:
    expr = fts5_query(" ".join(words))
    rows = fts.execute("SELECT doc_id FROM document_fts WHERE document_fts MATCH ?", (expr,))
    assert rows.fetchall() == [("1",)]
