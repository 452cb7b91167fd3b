"""`sourcebook extract`: JSON files per document, tables, usage errors, missing files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.extract.conftest import assert_spans_valid

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "xinjiang"
KEYS = {"document", "entities", "statements", "figures", "events"}
POMPEO = "china-invites-pompeo-to-xinjiang"
LETTER = "twenty-two-countries-call-on-china"


def seed_copy(tmp_path: Path, stem: str) -> Path:
    """A seed text and its metadata sidecar, copied to tmp_path."""
    source = SEEDS / f"{stem}.txt"
    if not source.exists():  # pragma: no cover - the example corpus is part of the repo
        pytest.fail(f"seed text missing: {source}")
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for path in SEEDS.glob(f"{stem}.txt*"):
        shutil.copy(path, folder / path.name)
    return folder / source.name


def test_extract_writes_stem_json_with_the_contract(sourcebook: Any, tmp_path: Path) -> None:
    source = seed_copy(tmp_path, LETTER)
    out = tmp_path / "out"
    done = sourcebook("extract", source, "--out", out)
    assert done.exit_code == 0, done.output
    assert [p.name for p in out.iterdir()] == [f"{LETTER}.json"]
    assert f"wrote 1 file(s) to {out}" in done.stdout
    result = json.loads((out / f"{LETTER}.json").read_text("utf-8"))
    assert set(result) == KEYS
    doc = result["document"]
    assert doc["text"] == source.read_text("utf-8")
    assert doc["path"] == str(source)
    assert doc["format"] == "text" and doc["language"] == "en"
    assert doc["title"] and doc["published"]  # from the .meta.json sidecar
    for key in KEYS - {"document"}:
        assert isinstance(result[key], list) and result[key], key
    assert_spans_valid(result)
    ids = [item["id"] for key in KEYS - {"document"} for item in result[key]]
    assert len(ids) == len(set(ids))


def test_extract_several_files_to_a_folder(cli: Any, tmp_path: Path) -> None:
    first, second = seed_copy(tmp_path, LETTER), seed_copy(tmp_path, POMPEO)
    out = tmp_path / "nested" / "out"
    done = cli("extract", first, second, "--out", out, data=None)
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.iterdir()) == [f"{POMPEO}.json", f"{LETTER}.json"]
    for path, source in ((out / f"{LETTER}.json", first), (out / f"{POMPEO}.json", second)):
        result = json.loads(path.read_text("utf-8"))
        assert set(result) == KEYS
        assert result["document"]["text"] == source.read_text("utf-8")
        assert_spans_valid(result)


def test_extract_one_file_without_out_prints_json(cli: Any, tmp_path: Path) -> None:
    source = seed_copy(tmp_path, POMPEO)
    done = cli("extract", source, data=None)
    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout)
    assert set(result) == KEYS
    assert result["document"]["text"] == source.read_text("utf-8")
    assert_spans_valid(result)


def test_extract_format_table_prints_tables(cli: Any, tmp_path: Path) -> None:
    source = seed_copy(tmp_path, LETTER)
    done = cli("extract", source, "--format", "table", data=None)
    assert done.exit_code == 0, done.output
    for title in ("who said what", "figures", "entities"):
        assert title in done.stdout
    for column in ("speaker", "cue", "content", "qualifier", "subject", "aliases", "mentions"):
        assert column in done.stdout
    assert "Twenty-two countries" in done.stdout
    assert "Chinese Communist Party" in done.stdout
    assert not done.stdout.lstrip().startswith("{"), "table format is not JSON"


def test_extract_table_for_several_files_needs_no_out(cli: Any, tmp_path: Path) -> None:
    first, second = seed_copy(tmp_path, LETTER), seed_copy(tmp_path, POMPEO)
    done = cli("extract", first, second, "--format", "table", data=None)
    assert done.exit_code == 0, done.output
    assert done.stdout.count("who said what") == 2


def test_several_files_without_out_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    first, second = seed_copy(tmp_path, LETTER), seed_copy(tmp_path, POMPEO)
    done = cli("extract", first, second, data=None)
    assert done.exit_code == 2, done.output
    assert "--out" in done.stderr
    assert done.stdout == ""


def test_a_folder_of_several_files_without_out_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    seed_copy(tmp_path, LETTER)
    seed_copy(tmp_path, POMPEO)
    done = cli("extract", tmp_path / "in", data=None)
    assert done.exit_code == 2, done.output
    assert "--out" in done.stderr


def test_unknown_format_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    done = cli("extract", seed_copy(tmp_path, LETTER), "--format", "yaml", data=None)
    assert done.exit_code == 2
    assert "yaml" in done.stderr


def test_missing_file_fails_naming_it(sourcebook: Any, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-report.txt"
    done = sourcebook("extract", missing, "--out", tmp_path / "out")
    assert done.exit_code == 1, done.output
    assert "no-such-report.txt" in done.stderr
    assert "Traceback" not in done.output
    assert not (tmp_path / "out").exists()


def test_missing_file_beside_a_good_one(cli: Any, tmp_path: Path) -> None:
    """The good file is still extracted; the run fails (exit 1) naming the missing one."""
    source = seed_copy(tmp_path, LETTER)
    missing = tmp_path / "gone.txt"
    out = tmp_path / "out"
    done = cli("extract", source, missing, "--out", out, data=None)
    assert done.exit_code == 1, done.output
    assert "gone.txt" in done.stderr
    assert [p.name for p in out.iterdir()] == [f"{LETTER}.json"]
