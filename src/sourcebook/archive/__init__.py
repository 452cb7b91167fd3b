"""Archive: the content-addressed, write-once store of originals and its custody log."""

from __future__ import annotations

from sourcebook.archive.blobs import BlobStore
from sourcebook.archive.custody import CustodyRecord, chain_hash

__all__ = ["BlobStore", "CustodyRecord", "chain_hash"]
