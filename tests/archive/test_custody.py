"""The chain-of-custody log: who added what, when, from where, with which tool."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from sourcebook import __version__
from sourcebook.archive import CustodyRecord, chain_hash
from sourcebook.casefile import CaseFile
from sourcebook.model import sha256
from tests.helpers import USER, Make, prose

RECORD = CustodyRecord(
    document_id="ab" * 32,
    action="added",
    size=10,
    original_name="a.txt",
    source="/in/a.txt",
    added_by="tester",
    added_at="2024-01-01T00:00:00+00:00",
    tool_version="sourcebook 0.1.0",
)


def test_chain_hash_depends_on_every_field_and_the_previous_entry() -> None:
    base = chain_hash(None, RECORD)
    assert base == chain_hash(None, RECORD)
    assert chain_hash("0" * 64, RECORD) != base
    changes = {
        "document_id": "cd" * 32,
        "action": "extracted",
        "size": 11,
        "original_name": "b.txt",
        "source": "/in/b.txt",
        "added_by": "someone",
        "added_at": "2024-01-02T00:00:00+00:00",
        "tool_version": "sourcebook 9",
        "parent_id": "ef" * 32,
    }
    for name, value in changes.items():
        assert chain_hash(None, replace(RECORD, **{name: value})) != base, name


def test_record_of_an_added_file(case: CaseFile, make: Make) -> None:
    path = make.text("witness.txt", prose(7))
    started = datetime.now(UTC).replace(microsecond=0)
    [doc] = case.add([path]).added
    [entry] = case.store.custody(doc.id)
    record = entry.record
    assert record.document_id == doc.id == sha256(path.read_bytes())
    assert record.size == path.stat().st_size
    assert record.original_name == "witness.txt"
    assert record.source == str(path.resolve())
    assert record.added_by == USER
    assert record.tool_version == f"sourcebook {__version__}"
    assert record.action == "added" and record.parent_id is None
    added = datetime.fromisoformat(record.added_at)
    assert started <= added <= datetime.now(UTC) + timedelta(seconds=1)
    assert entry.prev_hash is None
    assert entry.entry_hash == chain_hash(None, record)


def test_entries_chain_in_order(case: CaseFile, make: Make) -> None:
    case.add([make.text(f"{i}.txt", prose(i)) for i in range(4)])
    entries = list(case.store.custody())
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    previous = None
    for entry in entries:
        assert entry.prev_hash == previous
        assert entry.entry_hash == chain_hash(previous, entry.record)
        previous = entry.entry_hash


@pytest.mark.parametrize("kind", ["warc", "rss"])
def test_container_and_its_items(case: CaseFile, make: Make, kind: str) -> None:
    if kind == "warc":
        page = Make.html_page("Camps", [prose(1), prose(2)]).encode()
        path = make.warc("crawl.warc.gz", [("https://n.example/a", page, "text/html")])
        url = "https://n.example/a"
    else:
        url = "https://wire.example/1"
        path = make.rss("wire.rss", [{"title": "Camps", "link": url, "description": prose(1)}])
    [doc] = case.add([path]).added
    container = sha256(path.read_bytes())
    [logged] = case.store.custody(container)
    assert logged.record.action == "added"
    assert logged.record.original_name == path.name
    assert logged.record.source == str(path.resolve())
    assert case.blobs.get(container) == path.read_bytes()
    [item] = case.store.custody(doc.id)
    assert item.record.action == "extracted"
    assert item.record.parent_id == container
    assert item.record.source == url
    assert item.seq > logged.seq
    assert case.verify().ok
    # the container again: nothing new, not even a second custody entry
    report = case.add([path])
    assert report.added == [] and len(report.already) == 1
    assert len(list(case.store.custody(container))) == 1
