"""Fixtures for the extraction tests: one pipeline per session, a runner, span checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from sourcebook.extract import Extractor
from sourcebook.model import Document, Format

Result = dict[str, Any]
Span = dict[str, Any]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The pipeline, loaded once: building it (model, packs, matchers) takes seconds."""
    return Extractor()


def document(text: str, path: str = "x.txt") -> Document:
    return Document(original=text.encode(), text=text, format=Format.TEXT, path=path)


def extract_text(extractor: Extractor, text: str) -> Result:
    """The output-contract dict of a plain-text document holding ``text``."""
    results = list(extractor.extract([document(text)]))
    assert len(results) == 1, f"one document in, {len(results)} results out"
    return results[0]


@pytest.fixture(scope="session")
def run(extractor: Extractor) -> Callable[[str], Result]:
    """``run(text)``: extract from one plain-text document and return its result."""
    return lambda text: extract_text(extractor, text)


def iter_spans(result: Result) -> Iterator[tuple[str, Span]]:
    """Every character span in an extraction result, with where it sits in the contract.

    Entity mentions; statement speaker, cue and content; figure text (the figure item
    itself) and subject; event trigger and date_text. Optional spans that are None are
    skipped.
    """
    for e in result["entities"]:
        for n, m in enumerate(e["mentions"]):
            yield f"entities[{e['id']}].mentions[{n}]", m
    for s in result["statements"]:
        for part in ("speaker", "cue", "content"):
            yield f"statements[{s['id']}].{part}", s[part]
    for f in result["figures"]:
        yield f"figures[{f['id']}]", f
        if f["subject"] is not None:
            yield f"figures[{f['id']}].subject", f["subject"]
    for v in result["events"]:
        yield f"events[{v['id']}].trigger", v["trigger"]
        if v["date_text"] is not None:
            yield f"events[{v['id']}].date_text", v["date_text"]


def _all_span_dicts(value: Any, path: str = "") -> Iterator[tuple[str, Span]]:
    """Any dict with start and end anywhere in the result (to catch spans iter_spans misses)."""
    if isinstance(value, dict):
        if "start" in value and "end" in value:
            yield path, value
        for k, v in value.items():
            yield from _all_span_dicts(v, f"{path}.{k}")
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from _all_span_dicts(v, f"{path}[{n}]")


def span_problems(result: Result, text: str | None = None) -> list[str]:
    """What is wrong with the spans of ``result`` (empty when every span is valid).

    A valid span has int offsets with 0 <= start <= end <= len(text) and its ``text``
    equal to ``text[start:end]``, where ``text`` is the document's text.
    """
    text = result["document"]["text"] if text is None else text
    problems = []
    spans = list(iter_spans(result))
    for where, span in spans:
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            problems.append(f"{where}: offsets {start!r}, {end!r} are not ints")
        elif not 0 <= start <= end <= len(text):
            problems.append(f"{where}: [{start}:{end}] outside 0..{len(text)}")
        elif span.get("text") != text[start:end]:
            problems.append(
                f"{where}: text {span.get('text')!r} != document[{start}:{end}] {text[start:end]!r}"
            )
    seen = {id(span) for _, span in spans}
    missed = [
        where
        for where, span in _all_span_dicts({k: v for k, v in result.items() if k != "document"})
        if id(span) not in seen
    ]
    if missed:
        problems.append(f"spans iter_spans does not know of: {missed[:5]}")
    return problems


def assert_spans_valid(result: Result, text: str | None = None) -> None:
    problems = span_problems(result, text)
    assert not problems, "\n".join(problems[:20])
