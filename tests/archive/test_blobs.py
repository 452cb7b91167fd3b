"""The content-addressed, write-once store of originals."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from sourcebook.archive import BlobStore
from sourcebook.errors import IntegrityError


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "archive")


def test_named_by_sha256_and_read_only(blobs: BlobStore) -> None:
    data = b"original bytes \x00\xff"
    digest, new = blobs.put(data)
    assert new and digest == hashlib.sha256(data).hexdigest()
    path = blobs.path_of(digest)
    assert path == blobs.root / digest[:2] / digest[2:]
    assert path.read_bytes() == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert blobs.get(digest) == data and blobs.has(digest)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp-")]


def test_same_bytes_twice_is_a_no_op(blobs: BlobStore) -> None:
    digest, _ = blobs.put(b"same")
    before = blobs.path_of(digest).stat()
    assert blobs.put(b"same") == (digest, False)
    after = blobs.path_of(digest).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert list(blobs.digests()) == [digest]


def test_an_existing_blob_is_never_overwritten(blobs: BlobStore) -> None:
    digest, _ = blobs.put(b"evidence")
    path = blobs.path_of(digest)
    path.chmod(0o644)
    path.write_bytes(b"tampered")
    assert blobs.put(b"evidence") == (digest, False)
    assert path.read_bytes() == b"tampered"  # left as found, for verify to report
    assert blobs.check(digest) == "altered"


def test_check_and_get_report_damage(blobs: BlobStore) -> None:
    good, _ = blobs.put(b"good")
    altered, _ = blobs.put(b"to be altered")
    missing, _ = blobs.put(b"to be deleted")
    blobs.path_of(altered).chmod(0o644)
    blobs.path_of(altered).write_bytes(b"to be alterEd")
    blobs.path_of(missing).unlink()
    assert blobs.check(good) is None
    assert blobs.check(altered) == "altered"
    assert blobs.check(missing) == "missing"
    with pytest.raises(IntegrityError, match="altered"):
        blobs.get(altered)
    with pytest.raises(IntegrityError, match="missing"):
        blobs.get(missing)


def test_large_blob_round_trip(blobs: BlobStore) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    digest, _ = blobs.put(data)
    assert blobs.check(digest) is None and blobs.get(digest) == data


def test_digests_ignore_temporary_files(blobs: BlobStore) -> None:
    digest, _ = blobs.put(b"x")
    (blobs.path_of(digest).parent / ".tmp-abandoned").write_bytes(b"half")
    assert list(blobs.digests()) == [digest]
    assert list(BlobStore(blobs.root / "nowhere").digests()) == []
