"""Originals on disk, named by the sha256 of their bytes, never overwritten.

A blob is written to a temporary file, flushed to disk, then renamed into
place, so a crash leaves either the whole blob or none of it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sourcebook.errors import ArchiveError, IntegrityError
from sourcebook.model import sha256


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, digest: str) -> Path:
        return self.root / digest[:2] / digest[2:]

    def has(self, digest: str) -> bool:
        return self.path_of(digest).is_file()

    def put(self, data: bytes) -> tuple[str, bool]:
        """Store the bytes; returns their digest and whether they were new."""
        digest = sha256(data)
        target = self.path_of(digest)
        if target.is_file():
            return digest, False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(tmp, 0o444)
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError as exc:
            raise ArchiveError(f"cannot write original {digest[:12]} to {target}: {exc}") from exc
        return digest, True

    def get(self, digest: str) -> bytes:
        """The original bytes, checked against their hash."""
        path = self.path_of(digest)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise IntegrityError(f"original {digest} is missing from the archive ({path})") from exc
        except OSError as exc:
            raise ArchiveError(f"cannot read original {digest}: {exc}") from exc
        if sha256(data) != digest:
            raise IntegrityError(
                f"original {digest} has been altered: its bytes no longer match its hash ({path})"
            )
        return data

    def check(self, digest: str) -> str | None:
        """None when the blob is present and intact, else 'missing' or 'altered'."""
        path = self.path_of(digest)
        if not path.is_file():
            return "missing"
        h = _hash_file(path)
        return None if h == digest else "altered"

    def digests(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for blob in sorted(sub.iterdir()):
                    if not blob.name.startswith(".tmp-"):
                        yield sub.name + blob.name


def _hash_file(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
