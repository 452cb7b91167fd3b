"""Paragraph breaks are sentence breaks: set before the parser, which then respects them.

Without this the parser runs a headline or a photo caption into the next
paragraph's sentence, and reported speech swallows the following paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sourcebook_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif not prev.is_space and "\n" not in prev.whitespace_ and tok.is_sent_start is None:
            continue
    return doc
