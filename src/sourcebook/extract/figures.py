"""Figures: numeric claims with qualifier, unit and the subject counted.

Registered as the spaCy component ``sourcebook_figures``. Numbers are found
with one pattern over the text (digits, number words, scale words, vague
plurals, ranges, percentages, money); the parse gives the subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from sourcebook.extract.lexicon import CURRENCIES, NUMBER_WORDS, QUALIFIERS, SCALES, VAGUE
from sourcebook.extract.spans import CharSpan, text_of

_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMWORD = rf"(?:(?:{_WORD})(?:[- ](?:{_WORD}))?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = r"(?:\s?(?:hundred|thousand|million|billion|trillion)|(?:m|bn|k)\b)"
_NUMBER = (
    rf"(?:{_DIGITS}|{_NUMWORD}|a dozen|a hundred|a thousand|a million|half a million)"
    rf"(?:(?:\s|-)?{_SCALE})?"
)
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_CUR = r"(?:US\$|\$|€|£|¥|₹)"
_PCT = r"(?:\s?%|\s(?:per ?cent|percent)\b)"

FIGURE = re.compile(
    rf"(?<![\w.,\-/+=?&#:@])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:between\s+(?P<cur1>{_CUR})?(?P<low>{_NUMBER})\s+and\s+(?P<cur2>{_CUR})?(?P<high>{_NUMBER})"
    rf"|from\s+(?P<cur3>{_CUR})?(?P<low2>{_NUMBER})\s+to\s+(?P<cur4>{_CUR})?(?P<high2>{_NUMBER})"
    rf"|(?P<cur>{_CUR})?(?P<num>{_NUMBER})|(?P<vague>{_VAGUE}))"
    rf"(?P<pct>{_PCT})?(?![\w\-/]*\d)(?![A-Za-z])(?!-year-old)",
    re.IGNORECASE,
)
# web and e-mail addresses and telephone numbers: their digits count nothing
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\+\d[\d\s().-]{6,}\d")
_YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)


@dataclass
class Figure:
    id: str
    span: CharSpan
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    subject: CharSpan | None
    statement: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            **self.span.to_dict(),
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
            "qualifier": self.qualifier,
            "unit": self.unit,
            "subject": self.subject.to_dict() if self.subject else None,
            "statement": self.statement,
        }


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _inside(spans: list[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` falls in one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(spans, (char, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= char < spans[i][1]


def parse_number(text: str) -> float | None:
    """'1.5 million' → 1500000, 'Twenty-two' → 22, 'a dozen' → 12, '120,000' → 120000."""
    t = text.lower().strip().replace(",", "")
    if t in VAGUE:
        return float(VAGUE[t])
    if t == "half a million":
        return 500_000.0
    if t == "a dozen":
        return 12.0
    t = re.sub(r"^a (hundred|thousand|million)", r"1 \1", t)
    m = re.match(
        r"^([\d.]+|[a-z\- ]+?)(?:[\s-]?(hundred|thousand|million|billion|trillion|m|bn|k))?$", t
    )
    if not m:
        return None
    head, scale = m.group(1).strip(), m.group(2)
    try:
        value = float(head)
    except ValueError:
        parts = re.split(r"[\s-]+", head)
        if not parts or any(p not in NUMBER_WORDS for p in parts):
            return None
        value = float(sum(NUMBER_WORDS[p] for p in parts))
    if scale:
        value *= SCALES[scale]
    return value


class FigureComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("sb_figures"):
            Doc.set_extension("sb_figures", default=None)

    def __call__(self, doc: Doc) -> Doc:
        figures: list[Figure] = []
        dates = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ in {"DATE", "TIME"})
        text = text_of(doc)
        links = [(u.start(), u.end()) for u in _URL.finditer(text)]
        for m in FIGURE.finditer(text):
            if links and _inside(links, m.start()):
                continue  # digits of a web address are not a claim
            figure = self._figure(doc, m, dates)
            if figure is not None:
                figure.id = f"f{len(figures) + 1}"
                figures.append(figure)
        doc._.sb_figures = figures
        return doc

    def _figure(self, doc: Doc, m: re.Match[str], dates: list[tuple[int, int]]) -> Figure | None:
        raw = m.group(0)
        qual_text = (m.group("qual") or "").lower()
        pct = bool(m.group("pct"))
        currency = next((m.group(g) for g in ("cur", "cur1", "cur3") if m.group(g)), None)
        if m.group("vague"):
            value = parse_number(m.group("vague"))
            low = high = None
            qualifier = QUALIFIERS.get(qual_text, "about")
        elif m.group("low") or m.group("low2"):
            low = parse_number(m.group("low") or m.group("low2"))
            high = parse_number(m.group("high") or m.group("high2"))
            if low is None or high is None:
                return None
            value, qualifier = low, "range"
        else:
            num = m.group("num")
            value = parse_number(num)
            low = high = None
            qualifier = QUALIFIERS.get(qual_text, "exact")
            bare = num.replace(",", "").strip()
            if value is None:
                return None
            if num.lower() in {"one", "a hundred", "a thousand"} and not pct:
                return None  # "one of the …": a pronoun far more often than a count
            if _YEAR.match(bare) and not currency and not pct:
                return None
            duration = re.match(
                r"\s*(?:-\s*)?(years?|months?|weeks?|days?|hours?)\b",
                text_of(doc)[m.end() : m.end() + 10],
                re.IGNORECASE,
            )
            if _inside(dates, m.start("num")) and not currency and not pct and not duration:
                return None  # a date; a duration ("10 years" in prison) is a figure
            if _MONTHS.search(text_of(doc)[max(0, m.start() - 12) : m.start()]):
                return None
        if value is None:
            return None
        unit = "percent" if pct else CURRENCIES.get(currency or "", None)
        after = text_of(doc)[m.end() : m.end() + 12]
        cur_word = re.match(
            r"\s+(dollars?|euros?|pounds|yuan|renminbi|rupees|roubles|rubles)\b",
            after,
            re.IGNORECASE,
        )
        if cur_word and not unit:
            unit = CURRENCIES[cur_word.group(1).lower()]
        # Skip a qualifier word used otherwise ("some 40" is fine; "over 2019" is a year).
        start = m.start() if qual_text else m.start() + (len(raw) - len(raw.lstrip()))
        span = CharSpan.of(doc, start, m.end())
        subject = self._subject(doc, span, unit)
        if (
            unit is None
            and subject is not None
            and re.search(r"\b(people|persons)\b", subject.text, re.I)
        ):
            unit = "people"
        return Figure("", span, value, low, high, qualifier, unit, subject)

    def _subject(self, doc: Doc, span: CharSpan, unit: str | None) -> CharSpan | None:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            return None
        nums = {t.i for t in tokens}
        last = tokens[-1]
        head: Token = last
        # climb from the number to the noun it counts: nummod/quantmod → noun
        for _ in range(3):
            if (
                head.dep_ in {"nummod", "quantmod", "compound", "amod", "npadvmod"}
                and head.head.i not in nums
                and head.head.pos_ in {"NOUN", "PROPN", "ADJ"}
            ):
                head = head.head
                break
            if head.head.i in nums and head.head.i != head.i:
                head = head.head
            else:
                break
        if head.i in nums or head.pos_ == "ADJ":
            # "more than 12 million-strong", "the toll rose to 40": the clause's subject counts
            verb = head
            while verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
                verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            while subj is None and verb.dep_ in {"xcomp", "ccomp"} and verb.head.i != verb.i:
                verb = verb.head  # "is believed to be more than 12 million-strong"
                subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if last.dep_ == "dobj" and last.head.i == verb.i:
                return CharSpan.of_span(doc[verb.i : verb.i + 1])  # "killed dozens"
            if subj is None:
                if last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of":
                    # "hundreds of thousands of people", "dozens of activists"
                    obj = next((c for c in doc[last.i + 1].children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        return CharSpan.of_tokens(doc, list(obj.subtree))
                return None
            return CharSpan.of_tokens(doc, [t for t in subj.subtree if t.i not in nums])
        words = [t for t in head.subtree if t.i not in nums and t.i > last.i - 1]
        clause = {
            t.i
            for c in head.children
            if c.dep_ in {"relcl", "acl"} and c.i > head.i
            for t in c.subtree
        }
        words = [t for t in words if t.i not in clause]
        # cut at the first clause boundary after the head
        out: list[Token] = []
        for t in sorted(words, key=lambda t: t.i):
            if out and t.i != out[-1].i + 1:
                break
            if t.dep_ in {"relcl", "acl", "punct"} and t.i > head.i and t.text in {",", ";"}:
                break
            out.append(t)
        if unit in {"USD", "EUR", "GBP", "CNY", "INR", "RUB"} and head.i in nums:
            return None
        return CharSpan.of_tokens(doc, out) if out else None


@Language.factory("sourcebook_figures")
def make_figure_component(nlp: Language, name: str) -> FigureComponent:
    return FigureComponent()
