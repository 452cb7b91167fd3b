"""Direct quotations: spans of quoted words in the text, curly or straight, joined across
an interrupting attribution (“A,” she said, “B.”)."""

from __future__ import annotations

import re
from dataclasses import dataclass

CURLY = re.compile(r"“([^“”]{1,3000})”")
STRAIGHT = re.compile(r'"([^"\n]{1,3000})"')
MIN_WORDS = 4  # shorter quoted words are scare quotes or titles ("help centres")


@dataclass(frozen=True)
class Quote:
    start: int  # the opening quote mark
    end: int  # after the closing quote mark
    inner_start: int
    inner_end: int


def find_quotes(text: str) -> list[Quote]:
    found = []
    for pattern in (CURLY, STRAIGHT):
        for m in pattern.finditer(text):
            inner = m.group(1)
            if len(inner.split()) >= MIN_WORDS or inner.rstrip()[-1:] in ".,!?":
                found.append(Quote(m.start(), m.end(), m.start(1), m.end(1)))
    found = [_continued(text, q) for q in found]
    found.sort(key=lambda q: q.start)
    # Nested straight quotes inside curly ones are not quotes of their own.
    out: list[Quote] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def _continued(text: str, quote: Quote) -> Quote:
    """A quote running over paragraphs opens each paragraph with a quote mark and closes only
    the last: “First paragraph … ¶ “Second paragraph,” she said. Reach back to its start."""
    start = quote.start
    while True:
        para_start = text.rfind("\n", 0, start)
        if para_start == -1 or text[para_start:start].strip():
            break  # the quote does not open its paragraph
        prev_end = para_start
        while prev_end > 0 and text[prev_end - 1] in "\n ":
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        paragraph = text[prev_start:prev_end]
        if not paragraph.startswith("“") or "”" in paragraph:
            break
        start = prev_start
    if start == quote.start:
        return quote
    return Quote(start, quote.end, start + 1, quote.inner_end)
