"""Paragraph breaks are sentence breaks: set before the parser, which then respects them.

Without this the parser runs a headline or a photo caption into the next
paragraph's sentence, and reported speech swallows the following paragraph.
A single line break is a break only after a sentence end or a short line (a
headline, a keyword line); text wrapped at a fixed width (PDF) reads on.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sourcebook.extract.spans import text_of

SHORT_LINE = 70
SENTENCE_END = {".", "!", "?", "”", '"', "’", ":"}


@Language.component("sourcebook_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    text = text_of(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space or "\n" not in prev.text_with_ws:
            continue
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
            continue
        line_start = text.rfind("\n", 0, prev.idx) + 1
        if prev.text[-1:] in SENTENCE_END or prev.idx + len(prev) - line_start < SHORT_LINE:
            tok.is_sent_start = True
    return doc
