"""Extract: per-document NLP (entities, statements, figures, events). Knows nothing of the store."""

from __future__ import annotations

from sourcebook.extract.pipeline import Extractor, build_pipeline, shared_extractor

__all__ = ["Extractor", "build_pipeline", "shared_extractor"]
