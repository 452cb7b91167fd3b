"""Character spans: the one type every extracted item points back to the text with."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy joins every token for each ``doc.text``."""
    text = doc.user_data.get("sb_text")
    if text is None:
        text = doc.user_data["sb_text"] = doc.text
    return str(text)


@dataclass(frozen=True, order=True)
class CharSpan:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: Doc, start: int, end: int) -> CharSpan:
        """The span of ``doc.text[start:end]``, trimmed of white space and edge punctuation."""
        text = text_of(doc)
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
            end -= 1
        return cls(start, end, text[start:end])

    @classmethod
    def of_tokens(cls, doc: Doc, tokens: list[Token]) -> CharSpan | None:
        if not tokens:
            return None
        first = min(tokens, key=lambda t: t.i)
        last = max(tokens, key=lambda t: t.i)
        return cls.of(doc, first.idx, last.idx + len(last.text))

    @classmethod
    def of_span(cls, span: Span) -> CharSpan:
        return cls(span.start_char, span.end_char, span.text)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}
