"""Plain text: every common encoding decodes to the same characters."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcebook.errors import IngestError
from sourcebook.ingest import read_file
from sourcebook.ingest.textutil import decode, first_line_title, normalise
from sourcebook.model import Format, sha256
from tests.helpers import Make

CURLY = (
    "Detainees described the \u201cvocational training centres\u201d as prisons \u2014 "
    "\u2018we were not allowed to pray,\u2019 one woman said. The camp\u2019s director "
    "called the r\u00e9sum\u00e9s of the trainees \u201cexcellent\u201d\u2026 and smiled."
)
FRENCH = (
    "Le rapport d\u00e9crit des camps de d\u00e9tention o\u00f9 les prisonniers \u00e9taient "
    "forc\u00e9s d'apprendre le mandarin. Les t\u00e9moins ont d\u00e9clar\u00e9 que la "
    "s\u00e9curit\u00e9 \u00e9tait tr\u00e8s stricte et que les familles n'\u00e9taient "
    "pas inform\u00e9es. \u00c0 Kashgar, la garde \u00e0 vue dure des mois."
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", "\u00dcr\u00fcmqi \u4e4c\u9c81\u6728\u9f50. " + CURLY),
        ("utf-8-sig", CURLY),
        ("utf-16", CURLY),  # Python writes the byte-order mark
        ("cp1252", CURLY),
        ("latin-1", FRENCH),
    ],
)
def test_encodings_decode_to_the_same_text(make: Make, encoding: str, text: str) -> None:
    path = make.text(f"article-{encoding}.txt", text, encoding=encoding)
    [doc] = read_file(path)
    assert doc.text == text
    assert doc.format is Format.TEXT
    assert doc.original == path.read_bytes()
    assert doc.id == sha256(path.read_bytes())


def test_utf16_big_endian_with_bom(make: Make) -> None:
    path = make.bytes("be.txt", codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"))
    assert read_file(path)[0].text == CURLY


def test_windows_1252_curly_quotes_are_not_mojibake(make: Make) -> None:
    [doc] = read_file(make.text("quotes.txt", CURLY, encoding="cp1252"))
    assert "\u201cvocational training centres\u201d" in doc.text
    assert "\u00e2\u20ac" not in doc.text  # the classic UTF-8-read-as-1252 garbage


def test_title_and_language(make: Make) -> None:
    [doc] = read_file(make.text("a.txt", "Camps in the desert\n\n" + CURLY))
    assert doc.title == "Camps in the desert"
    assert doc.language == "en"
    [fr] = read_file(make.text("fr.txt", FRENCH, encoding="latin-1"))
    assert fr.language == "fr"


def test_markdown_is_text(make: Make) -> None:
    [doc] = read_file(make.text("notes.md", "# Heading\n\n" + CURLY))
    assert doc.format is Format.TEXT
    assert doc.title == "# Heading"


def test_sidecar_metadata_is_applied(make: Make) -> None:
    path = make.text("story.txt", CURLY)
    make.text(
        "story.txt.meta.json",
        '{"outlet": "Example Wire", "published": "2019-07-11", "url": "https://x.example/1"}',
    )
    [doc] = read_file(path)
    assert (doc.outlet, doc.published, doc.url) == (
        "Example Wire",
        "2019-07-11",
        "https://x.example/1",
    )


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [("{not json", "not valid JSON"), ('["a"]', "JSON object"), ('{"colour": "red"}', "colour")],
)
def test_bad_sidecar_is_named(make: Make, sidecar: str, reason: str) -> None:
    path = make.text("story.txt", CURLY)
    make.text("story.txt.meta.json", sidecar)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.path.endswith("story.txt.meta.json")
    assert reason in info.value.reason


def test_normalise_unifies_line_ends_and_trims() -> None:
    assert normalise("a  \r\nb\rc\n\n\n\n\nd \t\n") == "a\nb\nc\n\nd"


def test_first_line_title_limits_length() -> None:
    assert first_line_title("  short line \nrest") == "short line"
    assert first_line_title("x" * 201) is None


# Text a person could write: no control, unassigned, private-use or surrogate characters.
_TEXT = st.text(
    st.characters(exclude_categories=("Cc", "Cn", "Co", "Cs")), min_size=1, max_size=300
).filter(lambda t: not t.startswith("\ufeff"))


@given(_TEXT)
def test_utf8_round_trip(text: str) -> None:
    assert decode(Path("x.txt"), text.encode("utf-8")) == text


@given(_TEXT, st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]))
def test_utf16_with_bom_round_trip(text: str, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode(Path("x.txt"), bom + text.encode(encoding)) == text
