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
    found.sort(key=lambda q: q.start)
    # Nested straight quotes inside curly ones are not quotes of their own.
    out: list[Quote] = []
    for q in found:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def is_quoted_speech(text: str, quote: Quote) -> bool:
    inner = text[quote.inner_start : quote.inner_end]
    return len(inner.split()) >= MIN_WORDS
