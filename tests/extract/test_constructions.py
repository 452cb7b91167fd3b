"""Constructions the engine must read right, each on a short text written for the test."""

from __future__ import annotations

from typing import Any

from sourcebook.model import Document, Format


def run(extractor: Any, text: str, published: str | None = None) -> dict[str, Any]:
    doc = Document(
        original=text.encode(), text=text, format=Format.TEXT, path="t.txt", published=published
    )
    return next(extractor.extract([doc]))


def test_quote_over_two_paragraphs_is_one_direct_statement(extractor: Any) -> None:
    text = (
        "Former detainees described the camp.\n\n“We were beaten every night. The guards "
        "laughed at us.\n\n“Nobody came to help,” said Ahmed Karimov, a former detainee.\n"
    )
    result = run(extractor, text)
    [quote] = [s for s in result["statements"] if s["direct"]]
    assert quote["content"]["text"].startswith("We were beaten every night")
    assert quote["content"]["text"].endswith("Nobody came to help,")
    assert quote["speaker"]["entity"] == "Ahmed Karimov"


def test_quote_split_by_attribution(extractor: Any) -> None:
    text = (
        "Rights groups condemned the verdict.\n\n“We will not stop,” said Maria Lopez, "
        "the group’s director, “until every prisoner is free.”\n"
    )
    result = run(extractor, text)
    [quote] = [s for s in result["statements"] if s["direct"]]
    assert "until every prisoner is free" in quote["content"]["text"]
    assert quote["content"]["text"].startswith("We will not stop")


def test_pronoun_speaker_resolves_to_the_person_named_before(extractor: Any) -> None:
    text = (
        "Foreign Minister Anna Berg visited the camp on Monday. She said that the "
        "conditions were unacceptable and that the detainees must be released.\n"
    )
    result = run(extractor, text)
    [st] = [s for s in result["statements"] if s["cue"]["text"] == "said"]
    assert st["speaker"]["text"] == "She" and st["speaker"]["entity"] == "Anna Berg"
    assert st["content"]["text"].startswith("the conditions were unacceptable")
    assert st["direct"] is False


def test_content_before_the_cue(extractor: Any) -> None:
    text = (
        "Border guards have killed hundreds of migrants trying to cross the frontier, "
        "Human Rights Watch said on Monday.\n"
    )
    result = run(extractor, text)
    [st] = result["statements"]
    assert st["speaker"]["entity"] == "Human Rights Watch"
    assert st["content"]["text"].startswith("Border guards have killed hundreds of migrants")


def test_said_with_no_words_of_the_speaker_is_not_a_statement(extractor: Any) -> None:
    result = run(extractor, "The ministry said on Tuesday in a statement.\n")
    assert result["statements"] == []


def test_figures_ranges_percent_money_and_years(extractor: Any) -> None:
    text = (
        "Between 800,000 and 2 million people have been held since 2017, researchers "
        "estimate. Nearly 40 percent of them are women. The fund paid $2.5 million to "
        "more than a dozen families, and he was sentenced to 10 years in prison.\n"
    )
    figures = {f["text"]: f for f in run(extractor, text)["figures"]}
    assert figures["Between 800,000 and 2 million"]["qualifier"] == "range"
    assert figures["Between 800,000 and 2 million"]["low"] == 800_000
    assert figures["Between 800,000 and 2 million"]["high"] == 2_000_000
    assert "people" in figures["Between 800,000 and 2 million"]["subject"]["text"]
    assert figures["Nearly 40 percent"]["unit"] == "percent"
    assert figures["Nearly 40 percent"]["qualifier"] == "about"
    assert figures["$2.5 million"]["value"] == 2_500_000
    assert figures["$2.5 million"]["unit"] == "USD"
    assert figures["more than a dozen"]["value"] == 12
    assert figures["10"]["value"] == 10  # a prison term is a figure
    assert "2017" not in figures  # a year is not


def test_events_with_actors_and_relative_dates(extractor: Any) -> None:
    text = "Police detained 40 protesters in Minsk on Monday, the rights group Viasna said.\n"
    result = run(extractor, text, published="2020-08-12")
    detentions = [e for e in result["events"] if e["type"] == "detention"]
    assert detentions, result["events"]
    event = detentions[0]
    assert event["trigger"]["text"] == "detained"
    assert event["date"] == "2020-08-10"  # the Monday before publication
    names = {e["id"]: e["name"] for e in result["entities"]}
    assert names.get(event["place"]) == "Minsk"


def test_country_forms_merge_and_carry_iso_codes(extractor: Any) -> None:
    text = (
        "The United Kingdom and the U.S. raised the case. A UK diplomat said the "
        "United States would act, and Chinese officials denied the reports.\n"
    )
    entities = {e["name"]: e for e in run(extractor, text)["entities"]}
    assert (
        entities["United Kingdom"]["iso"] == "GB" and "UK" in entities["United Kingdom"]["aliases"]
    )
    assert entities["United States"]["iso"] == "US"
    assert entities["China"]["iso"] == "CN"
