"""Language identification (py3langid ships its model; no network)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SAMPLE_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    lang, prob = _identifier().classify(sample)
    return str(lang) if prob >= 0.5 else None
