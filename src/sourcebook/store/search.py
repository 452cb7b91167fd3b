"""Full-text search: SQLite FTS5 (bm25 ranking, highlighted snippets) or PostgreSQL tsvector."""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

# Snippets mark matched words with these control characters; SearchHit turns them into offsets.
HIGHLIGHT = ("\x02", "\x03")
_TERM = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)


def fts5_query(query: str) -> str:
    """User words to an FTS5 expression: every word or "quoted phrase" must occur.

    Each term is quoted, so punctuation and FTS5 operators in the user's input
    ("re-education", "NOT", a stray quote) never become syntax errors.
    """
    terms = []
    for phrase, word in _TERM.findall(query):
        chunk = (phrase or word).replace('"', " ").strip()
        if chunk:
            terms.append(f'"{chunk}"')
    return " ".join(terms)


def index_document(conn: Connection, doc_id: str, title: str | None, body: str) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO document_fts (doc_id, title, text) VALUES (:i, :t, :x)"),
            {"i": doc_id, "t": title or "", "x": body},
        )


def search_ids(conn: Connection, query: str, limit: int) -> list[tuple[str, float, str]]:
    """(document id, score, snippet) best first; higher score is better."""
    if conn.dialect.name == "sqlite":
        expr = fts5_query(query)
        if not expr:
            return []
        rows = conn.execute(
            text(
                "SELECT doc_id, -bm25(document_fts, 0.0, 4.0, 1.0) AS score, "
                "snippet(document_fts, 2, :a, :b, '…', 16) FROM document_fts "
                "WHERE document_fts MATCH :q ORDER BY bm25(document_fts, 0.0, 4.0, 1.0) LIMIT :n"
            ),
            {"q": expr, "n": limit, "a": HIGHLIGHT[0], "b": HIGHLIGHT[1]},
        )
        return [(r[0], float(r[1]), r[2]) for r in rows]
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT id, ts_rank_cd(tsv, q) AS score, ts_headline('english', text, q, "
                "'StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=10') "
                "FROM documents, websearch_to_tsquery('english', :q) q "
                "WHERE tsv @@ q ORDER BY score DESC LIMIT :n"
            ),
            {"q": query, "n": limit},
        )
        return [(r[0], float(r[1]), r[2]) for r in rows]
    # Any other database: a plain substring scan, correct but unranked.
    like = f"%{query}%"
    rows = conn.execute(
        text("SELECT id, substr(text, 1, 200) FROM documents WHERE text LIKE :q LIMIT :n"),
        {"q": like, "n": limit},
    )
    return [(r[0], 1.0, r[1]) for r in rows]
