"""`add` extracts what it stores: every item saved with spans that point into the stored text."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sourcebook.casefile import CaseFile

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "xinjiang"


def _rows(case: CaseFile, sql: str) -> list[tuple]:
    db = case.settings.data_dir / "sourcebook.db"
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_add_stores_items_with_valid_spans(case: CaseFile, tmp_path: Path) -> None:
    src = tmp_path / "seeds"
    src.mkdir()
    shutil.copy(SEEDS / "china-invites-pompeo-to-xinjiang.txt", src)
    report = case.add([src])
    assert report.ok and report.extracted == 1
    doc_id = report.added[0].id
    text = case.store.text(doc_id)
    statements = case.store.statements(doc_id)
    assert statements, "the seed article has statements"
    for st in statements:
        for part in ("speaker", "cue", "content"):
            span = st[part]
            assert text[span["start"] : span["end"]] == span["text"]
    quote = next(s for s in statements if s["direct"])
    assert quote["speaker"]["entity"] == "Mike Pompeo"
    for table, start, end, col in (
        ("mentions", "start", "end", "text"),
        ("figures", "start", "end", "text"),
        ("events", "trigger_start", "trigger_end", "trigger_text"),
    ):
        rows = _rows(case, f'SELECT "{start}", "{end}", {col} FROM {table}')
        assert rows, table
        assert all(text[s:e] == t for s, e, t in rows), table
    figures = _rows(case, "SELECT value, qualifier, subject_text FROM figures")
    assert (
        1_000_000.0,
        "about",
        "people from Uyghur and other Muslim minority communities",
    ) in figures
    names = {n for (n,) in _rows(case, "SELECT name FROM entities")}
    assert {"Mike Pompeo", "Hua Chunying", "Xinjiang", "Uyghurs"} <= names


def test_re_adding_does_not_duplicate_items(case: CaseFile) -> None:
    path = SEEDS / "twenty-two-countries-call-on-china.txt"
    case.add([path])
    before = case.store.item_counts()
    report = case.add([path])
    assert report.already and not report.added and report.extracted == 0
    assert case.store.item_counts() == before


def test_documents_stored_without_extraction_are_extracted_later(case: CaseFile) -> None:
    """An interrupted run (or --no-extract) leaves documents without items; the next add
    extracts them, and nothing else."""
    path = SEEDS / "twenty-two-countries-call-on-china.txt"
    case.add([path], extract=False)
    assert case.store.unextracted_ids()
    assert case.store.item_counts()["statements"] == 0
    report = case.add([path])
    assert report.extracted == 1
    assert not case.store.unextracted_ids()
    assert case.store.item_counts()["statements"] >= 4
