"""Every span the extractor returns is a true slice of the document's text.

A property test: texts are generated from sentences built of a vocabulary with names,
curly and straight quotes, numbers, cue verbs ("said", "according to") and newlines;
for each, every entity mention, statement speaker/cue/content, figure and its subject,
event trigger and date satisfies ``text == document.text[start:end]`` with
``0 <= start <= end <= len(document.text)``.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcebook.extract import Extractor
from tests.extract.conftest import assert_spans_valid, document, iter_spans

NAMES = [
    "Mike Pompeo",
    "Secretary of State Mike Pompeo",
    "Zhao Lijian",
    "Hua Chunying",
    "Xi Jinping",
    "Human Rights Watch",
    "Amnesty International",
    "the United Nations",
    "the UN",
    "China",
    "Beijing",
    "Xinjiang",
    "the Chinese Communist Party",
    "the CCP",
    "a ministry spokesperson",
    "the foreign minister",
    "officials",
    "researchers",
    "Uyghurs",
    "Australia, Canada and Japan",
    "He",
    "She",
    "They",
]
CUES = [
    "said",
    "told reporters",
    "denied",
    "warned",
    "claimed",
    "called on China",
    "accused Beijing of",
    "has said",
    "did not deny",
    "added",
    "wrote",
]
NUMBERS = [
    "400",
    "1,000",
    "at least 120,000",
    "more than 1 million",
    "1.5 million",
    "Twenty-two",
    "a dozen",
    "hundreds of",
    "thousands of",
    "between 800,000 and 2 million",
    "50%",
    "3.5 per cent",
    "$20m",
    "€1.2bn",
    "2019",
    "July 2019",
    "last week",
    "on Monday",
    "12",
]
WORDS = (
    "the camps were closed and people detained without charge in detention centres "
    "vocational training graduated families relatives heard nothing for a year satellite "
    "images show walls watchtowers fences letter sanctions torture abuse denied report "
    "evidence leaked documents court sentenced prison labour transfer factories"
).split()

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
number_phrase = st.builds(
    lambda n, w: f"{n} {w}", st.sampled_from(NUMBERS), st.sampled_from(["people", *WORDS])
)
clause = st.lists(st.one_of(words, number_phrase, st.sampled_from(NAMES)), min_size=1, max_size=4)
content = clause.map(" ".join)
name = st.sampled_from(NAMES)
cue = st.sampled_from(CUES)
open_close = st.sampled_from([("“", "”"), ('"', '"'), ("“", ""), ("", "”"), ('"', ""), ("‘", "’")])


@st.composite
def sentence(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 7))
    who, verb, what = draw(name), draw(cue), draw(content)
    if kind == 0:  # reported speech
        return f"{who} {verb} that {what}."
    if kind == 1:  # quote, then attribution
        o, c = draw(open_close)
        return f"{o}{what.capitalize()},{c} {who} {verb}."
    if kind == 2:  # attribution, then quote
        o, c = draw(open_close)
        return f"{who} {verb}: {o}{what.capitalize()}.{c}"
    if kind == 3:  # split quote
        o, c = draw(open_close)
        rest = draw(content)
        return f"{o}{what.capitalize()},{c} {who} {verb}, {o}{rest}.{c}"
    if kind == 4:  # according to
        return f"According to {who}, {what}."
    if kind == 5:
        return f"{what.capitalize()}, according to {who}."
    if kind == 6:  # a headline: no final punctuation
        return f"{who.title()} Says {what.title()}"
    return f"{what.capitalize()}."


separator = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  ", ", ", "\n \n"])


@st.composite
def news_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(sentence(), separator), min_size=1, max_size=14))
    text = "".join(s + sep for s, sep in parts)
    if draw(st.booleans()):
        text = text.rstrip()
    if draw(st.integers(0, 4)) == 0:  # leading space or blank lines
        text = draw(st.sampled_from(["\n", "  ", "\n\n"])) + text
    return text


FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(text=news_text())
def test_every_span_is_a_slice_of_the_text(extractor: Extractor, text: str) -> None:
    results = list(extractor.extract([document(text)]))
    assert len(results) == 1
    assert results[0]["document"]["text"] == text
    assert_spans_valid(results[0])


@settings(FAST, max_examples=10)
@given(texts=st.lists(news_text(), min_size=1, max_size=5))
def test_spans_of_a_batch_point_into_their_own_documents(
    extractor: Extractor, texts: list[str]
) -> None:
    """Several documents in one call: one result each, in order, spans in its own text."""
    docs = [document(t, f"{n}.txt") for n, t in enumerate(texts)]
    results = list(extractor.extract(docs, batch_size=2))
    assert [r["document"]["path"] for r in results] == [d.path for d in docs]
    for text, result in zip(texts, results, strict=True):
        assert result["document"]["text"] == text
        assert_spans_valid(result)


def test_iter_spans_covers_every_part_of_the_contract(extractor: Extractor) -> None:
    text = (
        "“We have nothing to hide,” spokesman Zhao Lijian told reporters in Beijing. "
        "On Monday, police detained at least 400 Uyghurs in Xinjiang, according to "
        "Human Rights Watch."
    )
    result = next(iter(extractor.extract([document(text)])))
    found = {re.sub(r"\[[^\]]*\]", "", where) for where, _ in iter_spans(result)}
    assert found >= {
        "entities.mentions",
        "statements.speaker",
        "statements.cue",
        "statements.content",
        "figures",
        "figures.subject",
        "events.trigger",
        "events.date_text",
    }
    assert_spans_valid(result)
