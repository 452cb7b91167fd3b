"""Input the extractor must survive: empty, unpunctuated, huge, badly quoted, not English,
shouting, or full of URLs and numbers. Each runs without error and every span it returns
points at exactly its text in the document."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sourcebook.extract.pipeline as pipeline
from sourcebook.extract import Extractor
from tests.extract.conftest import assert_spans_valid, document, extract_text, iter_spans
from tests.helpers import SENTENCES

Run = Callable[[str], dict[str, Any]]
KEYS = ("document", "entities", "statements", "figures", "events")

GERMAN = (
    "Die Regierung in Peking hat am Montag erklärt, dass die Lager in Xinjiang geschlossen "
    "worden seien. „Wir haben nichts zu verbergen“, sagte ein Sprecher des Außenministeriums. "
    "Nach Angaben von Menschenrechtsorganisationen wurden mehr als eine Million Menschen "
    "festgehalten. Der Bundestag forderte am Dienstag eine unabhängige Untersuchung der "
    "Vorwürfe, und die Außenministerin sagte, Deutschland werde die Lage genau beobachten."
)
FRENCH = (
    "Le gouvernement chinois a déclaré lundi que les camps du Xinjiang avaient été fermés. "
    "« Nous n'avons rien à cacher », a déclaré un porte-parole du ministère des Affaires "
    "étrangères. Selon les organisations de défense des droits humains, plus d'un million de "
    "personnes ont été détenues. L'Assemblée nationale a demandé une enquête indépendante, et "
    "le ministre a affirmé que la France suivrait la situation de près."
)

# Sentences of news reporting with the things the rules look for: quotes, cues, figures.
NEWS = [
    *SENTENCES,
    "“We have nothing to hide,” spokesman Zhao Lijian told reporters in Beijing on Monday.",
    "According to Human Rights Watch, at least 1,000 people were detained in 2019.",
    "Secretary of State Mike Pompeo said the United States would impose sanctions.",
    '"The camps are closed," a ministry official said, adding that 1.5 million had graduated.',
    "More than a dozen countries called on China to allow access to the region.",
    "The report estimated that between 800,000 and 2 million people had been held.",
]


def news_text(size: int, seed: int = 0) -> str:
    """Paragraphs of news-like prose, at least ``size`` characters in all."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        paragraph = " ".join(rng.choice(NEWS) for _ in range(rng.randint(2, 7)))
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def counts(result: dict[str, Any]) -> dict[str, int]:
    return {k: len(result[k]) for k in KEYS[1:]}


# -- empty and near-empty ------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", "\t \r\n ", ".", "“”", '""', "-"])
def test_empty_or_blank_text_gives_one_empty_result(extractor: Extractor, text: str) -> None:
    results = list(extractor.extract([document(text)]))
    assert len(results) == 1
    result = results[0]
    assert set(result) == set(KEYS)
    assert result["document"]["text"] == text
    assert counts(result) == {"entities": 0, "statements": 0, "figures": 0, "events": 0}


def test_no_documents_gives_no_results(extractor: Extractor) -> None:
    assert list(extractor.extract([])) == []


def test_empty_document_among_others_keeps_order(extractor: Extractor) -> None:
    texts = ["Officials said 400 people were held in Xinjiang.", "", "Mike Pompeo spoke."]
    results = list(extractor.extract([document(t, f"{n}.txt") for n, t in enumerate(texts)]))
    assert [r["document"]["text"] for r in results] == texts
    assert [r["document"]["path"] for r in results] == ["0.txt", "1.txt", "2.txt"]
    for result in results:
        assert_spans_valid(result)


def test_same_document_object_twice_gives_two_results(extractor: Extractor) -> None:
    doc = document("Officials said 400 people were held in Xinjiang. Mike Pompeo said no.")
    results = list(extractor.extract([doc, doc]))
    assert len(results) == 2
    assert results[0] == results[1]


# -- structure -----------------------------------------------------------------


def test_text_with_no_sentence_ends(run: Run) -> None:
    rng = random.Random(3)
    words = (
        "officials said the camps in Xinjiang held 400 people according to Human Rights "
        "Watch and Mike Pompeo told reporters that China denied it while families "
        "described detention without charge"
    ).split()
    text = " ".join(rng.choice(words) for _ in range(1500))
    assert not any(mark in text for mark in ".!?\n")
    result = run(text)
    assert_spans_valid(result)


def test_one_long_line_without_spaces(run: Run) -> None:
    text = "abc1,000def" * 2000 + "said“quoted”x" * 200
    assert_spans_valid(run(text))


def test_only_punctuation_and_symbols(run: Run) -> None:
    text = "... ,,, ;;; --- ––– —— !!! ??? “ ” ‘ ’ \" ' ( ) [ ] { } / \\ | @ # % & * + = < > ~"
    assert_spans_valid(run(text * 20))


def test_long_text_split_into_pieces_keeps_offsets(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts over MAX_CHARS go through the model in pieces; offsets are shifted back."""
    text = news_text(12_000, seed=4)
    whole = extract_text(extractor, text)
    monkeypatch.setattr(pipeline, "MAX_CHARS", 1_500)
    assert len(list(pipeline._pieces(text))) >= 8
    pieced = list(extractor.extract([document(text), document("Officials said so twice.")]))
    assert len(pieced) == 2
    assert_spans_valid(pieced[0])
    assert_spans_valid(pieced[1])
    assert pieced[1]["document"]["text"] == "Officials said so twice."
    # Split at paragraph breaks, the pieces find what the whole text gives.
    assert {s["content"]["start"] for s in pieced[0]["statements"]} == {
        s["content"]["start"] for s in whole["statements"]
    }
    assert [f["start"] for f in pieced[0]["figures"]] == [f["start"] for f in whole["figures"]]
    ids = [e["id"] for e in pieced[0]["entities"]]
    assert len(ids) == len(set(ids))


def test_piece_cut_without_spaces_or_newlines(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 1_000)
    text = "x" * 2_500 + " Officials said 400 people were held in Xinjiang. " + "y" * 2_500
    result = extract_text(extractor, text)
    assert_spans_valid(result)


@pytest.mark.slow
def test_five_megabyte_document(extractor: Extractor) -> None:
    """5 MB of news prose: it completes, as one result, with every span valid.

    Marked slow: the pipeline runs at about bare spaCy's speed (some 16,000 characters a
    second on a 2-CPU machine), so 5 MB takes minutes (321 s when written).
    """
    text = news_text(5 * 1024 * 1024, seed=5)
    started = time.perf_counter()
    results = list(extractor.extract([document(text, "big.txt")]))
    seconds = time.perf_counter() - started
    assert len(results) == 1, "one document must give one result"
    result = results[0]
    assert result["document"]["text"] == text
    assert_spans_valid(result)
    # Spans reach the end of the text, not just the first piece.
    assert max(span["end"] for _, span in iter_spans(result)) > len(text) - 10_000
    assert result["statements"] and result["figures"] and result["entities"]
    print(f"5 MB document: {seconds:.0f} s, {counts(result)}")


# -- quotes --------------------------------------------------------------------

UNBALANCED = [
    "“The camps were closed, the minister said on Monday. Officials said the same.",
    "The camps were closed,” the minister said. “We have nothing to hide, he added.",
    '"The camps were closed, the minister said. He added that "nobody was held.',
    'Officials said "the camps are closed" and "nobody was held" and "everyone left',
    "”Reversed quotes here,“ the spokesman said. ”And again“ he said, “and again.",
    "“Nested “quotes” inside quotes,” said Hua Chunying. “Still “open.",
    "She said: “" + "word " * 500,
    '"' * 40 + " said the official " + "“" * 40 + "”" * 3,
    '“”“”“” said “ ” he told reporters “, ” and " " " according to "',
    "The ministry said it was “not aware” of the ‘so-called’ camps' existence’.",
    "“A,” she said, “B.” “C,” he said, “",
    "“\n\nParagraph inside an open quote.\n\nAnother, said the official.\n\n”",
    '"Officials"said"400"people"were"held"',
]


@pytest.mark.parametrize("text", UNBALANCED, ids=range(len(UNBALANCED)))
def test_unbalanced_or_stray_quote_marks(run: Run, text: str) -> None:
    result = run(text)
    assert_spans_valid(result)
    for s in result["statements"]:
        assert s["content"]["text"].strip(), s


def test_stray_quotes_scattered_through_news(run: Run) -> None:
    rng = random.Random(9)
    text = news_text(6_000, seed=9)
    chars = list(text)
    for _ in range(60):
        chars.insert(rng.randrange(len(chars)), rng.choice(["“", "”", '"', "‘", "’", "„", "«"]))
    assert_spans_valid(run("".join(chars)))


# -- not English ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [GERMAN, FRENCH, GERMAN + "\n\n" + FRENCH],
    ids=["german", "french", "german+french"],
)
def test_non_english_text_gives_no_garbage_statements(run: Run, text: str) -> None:
    result = run(text)
    assert_spans_valid(result)
    assert len(result["statements"]) <= 1, json.dumps(result["statements"], ensure_ascii=False)


def test_cli_warns_when_a_file_is_not_english(sourcebook: Any, tmp_path: Path) -> None:
    source = tmp_path / "bericht-xinjiang.txt"
    source.write_text(GERMAN + "\n\n" + GERMAN, encoding="utf-8")
    english = tmp_path / "report.txt"
    english.write_text(" ".join(SENTENCES), encoding="utf-8")
    done = sourcebook("extract", source, english, "--out", tmp_path / "out")
    assert done.exit_code == 0, done.output
    warnings = [line for line in done.stderr.splitlines() if "warning" in line.lower()]
    assert len(warnings) == 1, done.stderr
    assert "bericht-xinjiang.txt" in warnings[0]
    assert "'de'" in warnings[0] and "English" in warnings[0]
    written = json.loads((tmp_path / "out" / "bericht-xinjiang.json").read_text("utf-8"))
    assert written["document"]["language"] == "de"
    assert len(written["statements"]) <= 1
    assert (tmp_path / "out" / "report.json").exists()


# -- odd but English -----------------------------------------------------------


def test_all_caps_text(run: Run) -> None:
    text = news_text(4_000, seed=2).upper()
    result = run(text)
    assert_spans_valid(result)
    assert result["figures"], "digits are still figures in capitals"


def test_all_caps_headline_and_body(run: Run) -> None:
    text = (
        "CHINA DENIES ABUSES IN XINJIANG\n\n"
        "THE FOREIGN MINISTRY SAID ON MONDAY THAT MORE THAN 1,000 PEOPLE HAD GRADUATED. "
        "“WE HAVE NOTHING TO HIDE,” SPOKESMAN ZHAO LIJIAN TOLD REPORTERS. "
        "ACCORDING TO HUMAN RIGHTS WATCH, AT LEAST ONE MILLION UYGHURS WERE DETAINED."
    )
    assert_spans_valid(run(text))


def test_text_full_of_urls_and_numbers(run: Run) -> None:
    rng = random.Random(11)
    pieces = [
        "https://www.example.org/news/2020/01/02/report?id=123&x=4#frag",
        "http://t.co/AbC123",
        "www.hrw.org/report/2019/09/09",
        "mailto:press@example.org",
        "+1 (202) 555-0143",
        "3.14159",
        "1,000,000",
        "10e6",
        "v2.0.1",
        "192.168.0.1",
        "50%",
        "$5bn",
        "€1.2m",
        "2019-2020",
        "5/6/2021",
        "12:30",
        "No. 7",
        "1st",
        "22nd",
        "-40",
        "0.0001",
        "1e-9",
        "ISBN 978-3-16-148410-0",
        "officials said",
        "according to",
        "“quoted 12 words”",
        "at least 400 people",
        "between 1 and 2 million",
    ]
    lines = [" ".join(rng.choice(pieces) for _ in range(rng.randint(3, 12))) for _ in range(50)]
    text = "\n".join(lines)
    result = run(text)
    assert_spans_valid(result)


def test_numbers_only(run: Run) -> None:
    rng = random.Random(12)
    text = " ".join(str(rng.randint(0, 10 ** rng.randint(1, 12))) for _ in range(600))
    assert_spans_valid(run(text))


def test_control_characters_and_odd_unicode(run: Run) -> None:
    text = (
        "Officials\u00a0said\u200b that 400\u202fpeople were held.\x00\x07 "
        "Mike\u00adPompeo said: “Close\ufeff the camps.” \U0001f600 \u2028"
        "Ｆｕｌｌｗｉｄｔｈ officials said 12 people fled. e\u0301\u0301\u0301 said the report.\r\n"
    ) * 10
    assert_spans_valid(run(text))


def test_web_addresses_and_phone_numbers_are_not_figures(extractor: Extractor) -> None:
    text = (
        "See https://example.org/report?id=123&x=4 or call +1 (202) 555-0147 for the "
        "report, which says 300 people were detained."
    )
    [result] = extractor.extract([document(text)])
    assert [f["text"] for f in result["figures"]] == ["300"]
