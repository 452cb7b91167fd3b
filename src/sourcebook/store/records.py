"""Read views the store hands out: plain data, detached from the session."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    path: str
    format: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    url: str | None
    language: str | None
    size: int
    added_at: str
    parent_id: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    """A matching document; ``snippet`` is plain text, ``highlights`` the matched (start, end)."""

    document: DocumentInfo
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()

    @classmethod
    def from_marked(cls, document: DocumentInfo, score: float, marked: str) -> SearchHit:
        plain: list[str] = []
        spans: list[tuple[int, int]] = []
        pos, start = 0, 0
        for ch in marked:
            if ch == "\x02":
                start = pos
            elif ch == "\x03":
                spans.append((start, pos))
            else:
                plain.append(ch)
                pos += 1
        return cls(document, score, "".join(plain), tuple(spans))

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "score": self.score,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }
