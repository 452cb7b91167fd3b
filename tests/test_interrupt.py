"""kill -9 in the middle of ``sourcebook add`` leaves no half-written record."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

from sourcebook.casefile import CaseFile
from sourcebook.model import sha256
from sourcebook.settings import Settings
from tests.helpers import SENTENCES, SOURCEBOOK_BIN, Make, cli_env

FILES = 300


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created or not migrated yet, or busy
        return 0


def _consistent(data: Path) -> int:
    """Every stored document has its custody entry, index row and intact original."""
    with sqlite3.connect(data / "sourcebook.db") as conn:
        docs = {r[0] for r in conn.execute("SELECT id FROM documents")}
        custody = [r[0] for r in conn.execute("SELECT document_id FROM custody")]
        indexed = [r[0] for r in conn.execute("SELECT doc_id FROM document_fts")]
    assert sorted(custody) == sorted(docs), "custody entries and documents differ"
    assert sorted(indexed) == sorted(docs), "search index and documents differ"
    for blob in (data / "archive").glob("*/*"):
        if not blob.name.startswith(".tmp-"):  # an interrupted write is only ever a temp file
            assert sha256(blob.read_bytes()) == blob.parent.name + blob.name
    for doc_id in docs:
        assert (data / "archive" / doc_id[:2] / doc_id[2:]).is_file()
    return len(docs)


def test_kill_9_then_rerun(make: Make, tmp_path: Path, sourcebook: Any) -> None:
    for i in range(FILES):
        words = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(12))
        make.text(f"batch/{i // 50:02d}/doc-{i:03d}.txt", f"Document {i}\n\n{words}")
    data = tmp_path / "data"
    db = data / "sourcebook.db"
    argv = [str(SOURCEBOOK_BIN), "add", str(make.root), "--data", str(data), "--quiet"]
    proc = subprocess.Popen(
        argv, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    try:
        while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    stored = _consistent(data)
    assert 20 <= stored < FILES

    rerun = sourcebook("add", make.root, "--data", data, "--quiet")
    assert rerun.exit_code == 0, rerun.output
    assert f"{FILES - stored} added, {stored} already stored, 0 failed" in rerun.stdout
    assert _consistent(data) == FILES
    with CaseFile(Settings(data_dir=data)) as case:
        report = case.verify()
        assert report.ok and report.checked == FILES
        custody = [e.record.document_id for e in case.store.custody()]
        assert len(custody) == len(set(custody)) == FILES  # each document stored once
