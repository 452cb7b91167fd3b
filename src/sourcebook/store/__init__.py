"""Store: the only package that speaks SQL. SQLite by default, any SQLAlchemy URL by setting."""

from __future__ import annotations

from sourcebook.store.records import DocumentInfo, SearchHit
from sourcebook.store.store import Store

__all__ = ["DocumentInfo", "SearchHit", "Store"]
