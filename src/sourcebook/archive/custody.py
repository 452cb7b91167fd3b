"""The chain-of-custody log: one record per original added, each hashing the one before.

Changing or deleting a past record breaks the chain, which ``verify`` reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class CustodyRecord:
    document_id: str
    action: str  # "added", "extracted" (an item taken out of a container)
    size: int
    original_name: str
    source: str  # the path or URL it came from
    added_by: str
    added_at: str  # ISO 8601, UTC
    tool_version: str
    parent_id: str | None = None

    def payload(self) -> str:
        return json.dumps(asdict(self), sort_keys=True, separators=(",", ":"))


def chain_hash(previous: str | None, record: CustodyRecord) -> str:
    return hashlib.sha256(((previous or "") + record.payload()).encode("utf-8")).hexdigest()
