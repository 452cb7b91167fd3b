"""The case file: ingest → archive → store, and verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sourcebook.casefile import CaseFile
from sourcebook.errors import ConfigError, IntegrityError, SourcebookError
from sourcebook.model import Format, sha256
from sourcebook.settings import Settings
from tests.helpers import Make, prose


@pytest.fixture
def corpus(make: Make) -> Path:
    """One file of every format in one folder tree."""
    make.text("txt/latin1.txt", "Caf\u00e9 d\u00e9tention. " + prose(1), encoding="latin-1")
    make.text("txt/utf16.txt", prose(2) + " \u201cquoted\u201d", encoding="utf-16")
    make.html("web/page.html", "Camps exposed", [prose(3), prose(4)], site="Example Daily")
    make.pdf("pdf/report.pdf", [prose(5)], title="Report")
    make.docx("docx/memo.docx", [prose(6)], title="Memo")
    make.eml("mail/tip.eml", body=prose(7))
    page = Make.html_page("Archived", [prose(8), prose(9)]).encode()
    make.warc("warc/crawl.warc.gz", [("https://n.example/a", page, "text/html")])
    make.rss(
        "feeds/wire.rss",
        [{"title": "Wire", "link": "https://w.example/1", "description": prose(10)}],
    )
    make.text("notes/photo.jpg", "not an image, and not supported either")
    return make.root


def test_every_format_in_one_run(case: CaseFile, corpus: Path) -> None:
    report = case.add([corpus])
    assert report.ok and not report.failed
    formats = sorted(str(d.format) for d in report.added)
    assert formats == sorted(["text", "text", "html", "pdf", "docx", "email", "html", "feed"])
    assert [s.path for s in report.skipped] == [str(corpus / "notes" / "photo.jpg")]
    assert case.store.count_documents() == 8
    for doc in report.added:
        assert case.original(doc.id) == doc.original
        assert case.store.text(doc.id) == doc.text
    assert case.verify().ok


def test_re_ingest_is_idempotent(case: CaseFile, corpus: Path) -> None:
    first = case.add([corpus])
    custody = list(case.store.custody())
    second = case.add([corpus])
    assert second.added == [] and not second.failed
    assert sorted(d.id for d in second.already) == sorted(d.id for d in first.added)
    assert list(case.store.custody()) == custody
    assert case.store.count_documents() == len(first.added)


def test_same_bytes_under_another_name(case: CaseFile, make: Make) -> None:
    [doc] = case.add([make.text("a.txt", prose(1))]).added
    report = case.add([make.text("copy/b.txt", prose(1))])
    assert [d.id for d in report.already] == [doc.id]
    assert case.store.document(doc.id).path.endswith("a.txt")


def test_changed_file_is_a_new_document(case: CaseFile, make: Make) -> None:
    path = make.text("a.txt", prose(1))
    [old] = case.add([path]).added
    path.write_text(prose(2))
    [new] = case.add([path]).added
    assert old.id != new.id
    assert case.original(old.id) == prose(1).encode()
    assert case.original(new.id) == prose(2).encode()
    assert case.verify().ok


def test_progress_is_called_for_every_file(case: CaseFile, make: Make) -> None:
    make.text("a.txt", prose(1))
    make.text("b.txt", prose(1))  # same bytes: nothing new
    make.text("c.txt", "")
    calls: list[tuple[str, int, bool]] = []
    case.add([make.root], progress=lambda p, n, e: calls.append((p.name, n, e is None)))
    assert calls == [("a.txt", 1, True), ("b.txt", 0, True), ("c.txt", 0, False)]


def test_original_by_prefix(case: CaseFile, make: Make) -> None:
    path = make.pdf("r.pdf")
    [doc] = case.add([path]).added
    assert case.original(doc.id[:8]) == path.read_bytes()


def _damage(case: CaseFile, doc_id: str, how: str) -> None:
    blob = case.blobs.path_of(doc_id)
    if how == "altered":
        blob.chmod(0o644)
        blob.write_bytes(blob.read_bytes() + b" ")
    else:
        blob.unlink()


@pytest.mark.parametrize("how", ["altered", "missing"])
def test_verify_finds_a_damaged_original(case: CaseFile, make: Make, how: str) -> None:
    docs = case.add([make.text("a.txt", prose(1)), make.text("b.txt", prose(2))]).added
    assert case.verify().ok and case.verify().checked == 2
    _damage(case, docs[1].id, how)
    report = case.verify()
    assert not report.ok and report.checked == 2
    [problem] = report.problems
    assert docs[1].id in problem and how in problem and "b.txt" in problem
    with pytest.raises(IntegrityError, match=how):
        case.original(docs[1].id)
    assert case.original(docs[0].id) == prose(1).encode()


def test_re_adding_restores_a_missing_original(case: CaseFile, make: Make) -> None:
    path = make.text("a.txt", prose(1))
    [doc] = case.add([path]).added
    _damage(case, doc.id, "missing")
    assert case.add([path]).already
    assert case.verify().ok and case.original(doc.id) == path.read_bytes()


def _db(case: CaseFile) -> sqlite3.Connection:
    return sqlite3.connect(case.settings.data_dir / "sourcebook.db")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE custody SET source = '/somewhere/else.txt' WHERE seq = 2",
        "UPDATE custody SET added_by = 'mallory' WHERE seq = 2",
        "UPDATE custody SET size = size + 1 WHERE seq = 2",
    ],
)
def test_verify_finds_a_rewritten_custody_entry(case: CaseFile, make: Make, sql: str) -> None:
    case.add([make.text(f"{i}.txt", prose(i)) for i in range(3)])
    with _db(case) as db:
        assert db.execute(sql).rowcount == 1
    problems = case.verify().problems
    assert problems and all("custody log entry 2" in p for p in problems)
    assert "altered" in problems[0]


def test_verify_finds_a_deleted_custody_entry(case: CaseFile, make: Make) -> None:
    docs = case.add([make.text(f"{i}.txt", prose(i)) for i in range(3)]).added
    with _db(case) as db:
        db.execute("DELETE FROM custody WHERE seq = 2")
    problems = case.verify().problems
    assert any("custody log entry 3" in p for p in problems)  # the chain is broken after it
    assert any(f"document {docs[1].id}" in p and "no custody record" in p for p in problems)


def test_verify_of_an_empty_case(case: CaseFile) -> None:
    report = case.verify()
    assert report.ok and report.checked == 0


def test_unusable_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot create the data directory"):
        CaseFile(Settings(data_dir=blocker / "data"))


def test_documents_keep_every_field(case: CaseFile, make: Make) -> None:
    path = make.html(
        "p.html",
        "Headline",
        [prose(1), prose(2)],
        author="Ann Writer",
        date="2020-01-02",
        site="Example Daily",
    )
    [doc] = case.add([path]).added
    info = case.store.document(doc.id)
    assert (info.title, info.outlet, info.author, info.published, info.language) == (
        "Headline",
        "Example Daily",
        "Ann Writer",
        "2020-01-02",
        "en",
    )
    assert (info.format, info.size, info.path) == (Format.HTML, path.stat().st_size, str(path))
    assert info.id == sha256(path.read_bytes())


def test_errors_are_sourcebook_errors(case: CaseFile, make: Make) -> None:
    report = case.add([make.text("e.txt", "")])
    assert isinstance(report.failed[0], SourcebookError) and not report.ok
