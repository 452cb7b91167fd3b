"""The extraction pipeline: en_core_web_sm plus our registered components, run with nlp.pipe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sourcebook import __version__
from sourcebook.extract import (  # noqa: F401 (registers the factories)
    entities,
    events,
    figures,
    paragraphs,
    statements,
)
from sourcebook.extract.model import load_base_model
from sourcebook.extract.output import document_result  # also registers sourcebook_items
from sourcebook.model import Document

# Longer texts are processed in pieces of at most this many characters (the parser's
# memory grows with the text; spaCy refuses texts over nlp.max_length).
MAX_CHARS = 100_000


def build_pipeline(packs: Iterable[str] = ("xinjiang",)) -> Language:
    nlp = load_base_model()
    nlp.add_pipe("sourcebook_paragraphs", before="parser")
    nlp.add_pipe("sourcebook_entities", config={"packs": list(packs)})
    nlp.add_pipe("sourcebook_statements")
    nlp.add_pipe("sourcebook_figures")
    nlp.add_pipe("sourcebook_events", config={"packs": list(packs)})
    nlp.add_pipe("sourcebook_items")
    return nlp


class Extractor:
    """Load the pipeline once; extract from many documents with ``nlp.pipe``."""

    def __init__(self, packs: Iterable[str] = ("xinjiang",), nlp: Language | None = None) -> None:
        self.nlp = nlp or build_pipeline(packs)
        meta = self.nlp.meta
        self.engine_name = (
            f"sourcebook {__version__}; {meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
        )

    def extract(
        self, documents: Iterable[Document], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[dict[str, Any]]:
        """The output-contract dict of each document, in order."""

        def texts() -> Iterator[tuple[str, dict[str, Any]]]:
            # The position in the input, not the object, says which document a piece is
            # of: the same object may come twice, and workers return copies.
            for index, doc in enumerate(documents):
                for piece_start, piece in _pieces(doc.text):
                    yield piece, {"index": index, "document": doc, "offset": piece_start}

        current: tuple[int, Document] | None = None
        parts: list[tuple[int, Doc]] = []
        for spacy_doc, context in self._pipe(texts(), batch_size, n_process):
            if current is not None and context["index"] != current[0]:
                yield document_result(current[1], parts)
                parts = []
            current = (context["index"], context["document"])
            parts.append((context["offset"], spacy_doc))
        if current is not None:
            yield document_result(current[1], parts)

    def _pipe(
        self, texts: Iterator[tuple[str, dict[str, Any]]], batch_size: int, n_process: int
    ) -> Iterator[tuple[Doc, dict[str, Any]]]:
        yield from self.nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process)


@lru_cache(maxsize=4)
def shared_extractor(packs: tuple[str, ...] = ("xinjiang",)) -> Extractor:
    """One extractor per process and packs: loading the model takes seconds."""
    return Extractor(packs)


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """Split a long text at paragraph breaks into pieces of at most MAX_CHARS."""
    if len(text) <= MAX_CHARS:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + MAX_CHARS // 2, end)
            if cut == -1:
                cut = text.rfind(" ", start + MAX_CHARS // 2, end)
            end = cut + 1 if cut != -1 else end
        yield start, text[start:end]
        start = end
