"""The store: SQLite in WAL mode by default, any SQLAlchemy URL by setting, idempotent writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sourcebook.archive import CustodyRecord
from sourcebook.casefile import CaseFile
from sourcebook.errors import ConfigError, NotFoundError
from sourcebook.model import Document, Format
from sourcebook.settings import Settings
from sourcebook.store import Store
from tests.helpers import Make, prose


def _doc(text: str, **fields: str) -> Document:
    return Document(original=text.encode(), text=text, format=Format.TEXT, path="x.txt", **fields)


def _record(doc: Document) -> CustodyRecord:
    return CustodyRecord(
        doc.id,
        "added",
        doc.size,
        "x.txt",
        "/x.txt",
        "tester",
        "2024-01-01T00:00:00+00:00",
        "sourcebook test",
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(f"sqlite:///{tmp_path / 'store.db'}")
    yield opened
    opened.close()


def test_default_database_is_sqlite_in_wal_mode(case: CaseFile, make: Make) -> None:
    case.add([make.text("a.txt")])
    db = case.settings.data_dir / "sourcebook.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    with case.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_database_url_setting_is_honoured(
    clean_env: pytest.MonkeyPatch, tmp_path: Path, make: Make
) -> None:
    other = tmp_path / "elsewhere" / "other.db"
    other.parent.mkdir()
    clean_env.setenv("SOURCEBOOK_DATABASE_URL", f"sqlite:///{other}")
    clean_env.setenv("SOURCEBOOK_USER", "env-user")
    data = tmp_path / "data"
    with CaseFile.open(data) as case:
        assert case.settings.url == f"sqlite:///{other}"
        [doc] = case.add([make.text("a.txt")]).added
        assert next(case.store.custody()).record.added_by == "env-user"
    assert not (data / "sourcebook.db").exists()
    assert case.blobs.path_of(doc.id).is_file()  # originals still live in the data directory
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT id FROM documents").fetchall() == [(doc.id,)]
    # and opening it again finds the same document, with the schema already migrated
    with CaseFile.open(data) as again:
        assert [d.id for d in again.store.documents()] == [doc.id]


def test_data_dir_from_environment(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("SOURCEBOOK_DATA", str(tmp_path / "from-env"))
    clean_env.setenv("SOURCEBOOK_MAX_FILE_MB", "0.5")
    settings = Settings.from_env()
    assert settings.data_dir == tmp_path / "from-env"
    assert settings.max_file_bytes == 512 * 1024
    assert Settings.from_env(tmp_path / "flag").data_dir == tmp_path / "flag"  # --data wins


def test_bad_database_url(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("SOURCEBOOK_DATABASE_URL", "not a url")
    with pytest.raises(ConfigError, match="unusable database URL"):
        CaseFile.open(tmp_path / "data")


def test_add_is_idempotent(store: Store) -> None:
    doc = _doc(prose(1))
    assert store.add_document(doc, _record(doc)) is True
    assert store.add_document(doc, _record(doc)) is False
    assert store.count_documents() == 1
    assert len(list(store.custody())) == 1
    assert len(store.search("detention")) == 1  # indexed once


def test_outlets_are_shared(store: Store) -> None:
    for i in range(3):
        doc = _doc(prose(i), outlet="Example Daily" if i < 2 else "Other Wire")
        store.add_document(doc, _record(doc))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sources").scalar() == 2
    assert sorted(d.outlet or "" for d in store.documents()) == [
        "Example Daily",
        "Example Daily",
        "Other Wire",
    ]


def test_resolve_id(store: Store) -> None:
    doc = _doc(prose(1))
    store.add_document(doc, _record(doc))
    assert store.resolve_id(doc.id) == doc.id
    assert store.resolve_id(f" {doc.id[:10].upper()} ") == doc.id
    with pytest.raises(NotFoundError, match="too short"):
        store.resolve_id(doc.id[:3])
    with pytest.raises(NotFoundError, match="no document"):
        store.resolve_id("0" * 64)


def test_ambiguous_prefix(store: Store) -> None:
    by_prefix: dict[str, Document] = {}
    for i in range(100_000):  # two texts whose ids share four hex digits (birthday bound: ~300)
        doc = _doc(f"text {i}")
        if doc.id[:4] in by_prefix:
            break
        by_prefix[doc.id[:4]] = doc
    for each in (by_prefix[doc.id[:4]], doc):
        store.add_document(each, _record(each))
    with pytest.raises(NotFoundError, match="ambiguous"):
        store.resolve_id(doc.id[:4])
    assert store.resolve_id(doc.id) == doc.id


def test_documents_listing(store: Store) -> None:
    for i, date in enumerate(["2021-01-01", "2019-05-05", "2020-02-02"]):
        doc = _doc(prose(i), published=date)
        store.add_document(doc, _record(doc))
    assert [d.published for d in store.documents()] == ["2019-05-05", "2020-02-02", "2021-01-01"]
    assert len(store.documents(limit=2)) == 2
