"""The command line: help, JSON output, exit codes, show / verify / export-original."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import typer

from sourcebook import __version__
from sourcebook.cli import app
from sourcebook.model import sha256
from tests.helpers import USER, Make, prose

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_foundation_commands_exist() -> None:
    assert {"add", "list", "show", "search", "verify", "export-original"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_for_every_command(cli: Any, command: str) -> None:
    result = cli(command, "--help", data=None)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and command in result.stdout
    assert "--help" in result.stdout


def test_top_level_help_and_version(cli: Any) -> None:
    result = cli("--help", data=None)
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    version = cli("--version", data=None)
    assert version.exit_code == 0 and version.stdout.strip() == f"sourcebook {__version__}"


@pytest.fixture
def added(cli: Any, make: Make) -> dict[str, Path]:
    files = {
        "text": make.text("a/witness.txt", "Testimony\n\n" + prose(1)),
        "html": make.html(
            "a/page.html",
            "Detention camps exposed",
            [prose(2), prose(3)],
            site="Example Daily",
            date="2019-07-11",
            author="Jane Reporter",
        ),
        "pdf": make.pdf("b/report.pdf", [prose(4)], title="Annual report"),
    }
    result = cli("add", make.root)
    assert result.exit_code == 0, result.output
    return files


def _id(path: Path) -> str:
    return sha256(path.read_bytes())


def test_add_reports_each_file(cli: Any, make: Make, data_dir: Path) -> None:
    path = make.text("one.txt", prose())
    result = cli("add", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"added    {_id(path)[:12]}  {path}",
        f"1 added, 0 already stored, 0 failed; 1 documents in {data_dir}",
    ]
    assert lines[2].startswith("extracted 1 document(s); the evidence base holds ")
    again = cli("add", path)
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0] == (
        f"already  {_id(path)[:12]}  {path} (same bytes are stored; nothing changed)"
    )
    assert "0 added, 1 already stored, 0 failed" in again.stdout


def test_list_json(cli: Any, added: dict[str, Path]) -> None:
    result = cli("list", "--json")
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert sorted(d["id"] for d in docs) == sorted(_id(p) for p in added.values())
    html = next(d for d in docs if d["format"] == "html")
    assert (html["title"], html["outlet"], html["published"]) == (
        "Detention camps exposed",
        "Example Daily",
        "2019-07-11",
    )
    assert set(html) >= {
        "id",
        "path",
        "format",
        "title",
        "outlet",
        "author",
        "published",
        "url",
        "language",
        "size",
        "added_at",
        "parent_id",
    }


def test_list_table(cli: Any, added: dict[str, Path]) -> None:
    result = cli("list")
    assert result.exit_code == 0
    assert "3 documents" in result.stdout
    for path in added.values():
        assert _id(path)[:12] in result.stdout
    assert len(json.loads(cli("list", "--json", "--limit", "2").stdout)) == 2


def test_show_json_has_metadata_and_custody(cli: Any, added: dict[str, Path]) -> None:
    path = added["html"]
    result = cli("show", _id(path)[:10], "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["document"]["id"] == _id(path)
    assert shown["document"]["author"] == "Jane Reporter"
    [entry] = shown["custody"]
    assert entry["document_id"] == _id(path)
    assert entry["size"] == path.stat().st_size
    assert entry["original_name"] == "page.html"
    assert entry["source"] == str(path.resolve())
    assert entry["added_by"] == USER
    assert entry["tool_version"] == f"sourcebook {__version__}"
    assert entry["action"] == "added" and entry["added_at"]
    assert len(entry["entry_hash"]) == 64


def test_show_table(cli: Any, added: dict[str, Path]) -> None:
    path = added["pdf"]
    result = cli("show", _id(path))
    assert result.exit_code == 0
    for value in (
        _id(path),
        "Annual report",
        "pdf",
        "chain of custody",
        USER,
        f"sourcebook {__version__}",
        str(path.stat().st_size),
        str(path.resolve()),
    ):
        assert value in result.stdout, value


@pytest.mark.parametrize(
    ("doc_id", "message"),
    [("0000000000", "no document"), ("abc", "too short")],
)
def test_show_unknown_id(cli: Any, added: dict[str, Path], doc_id: str, message: str) -> None:
    result = cli("show", doc_id)
    assert result.exit_code == 1
    assert message in result.stderr


def test_search_json(cli: Any, added: dict[str, Path]) -> None:
    result = cli("search", "detention camps", "--json")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits and hits[0]["document"]["id"] == _id(added["html"])  # in the headline too
    for hit in hits:
        marked = {hit["snippet"][s:e].lower() for s, e in hit["highlights"]}
        assert marked and marked <= {"detention", "camps"}
        assert isinstance(hit["score"], float)


def test_search_table_and_no_match(cli: Any, added: dict[str, Path]) -> None:
    result = cli("search", "watchtowers")
    assert result.exit_code == 0 and "matches for 'watchtowers'" in result.stdout
    none = cli("search", "zeppelin")
    assert none.exit_code == 0 and "no document matches 'zeppelin'" in none.stdout
    assert json.loads(cli("search", "zeppelin", "--json").stdout) == []
    hostile = cli("search", 're-education NOT "', "--json")
    assert hostile.exit_code == 0 and isinstance(json.loads(hostile.stdout), list)


def test_export_original(cli: Any, added: dict[str, Path], tmp_path: Path) -> None:
    for path in added.values():
        out = tmp_path / f"exported-{path.name}"
        result = cli("export-original", _id(path)[:12], "--out", out)
        assert result.exit_code == 0
        assert out.read_bytes() == path.read_bytes()
        assert f"wrote {path.stat().st_size} bytes" in result.stderr
    to_stdout = cli("export-original", _id(added["pdf"]))
    assert to_stdout.exit_code == 0
    assert to_stdout.stdout_bytes == added["pdf"].read_bytes()


def test_export_original_refuses_altered_bytes(
    cli: Any, added: dict[str, Path], data_dir: Path, tmp_path: Path
) -> None:
    doc_id = _id(added["text"])
    blob = data_dir / "archive" / doc_id[:2] / doc_id[2:]
    blob.chmod(0o644)
    blob.write_bytes(b"forged")
    result = cli("export-original", doc_id, "--out", tmp_path / "x")
    assert result.exit_code == 1
    assert "altered" in result.stderr and doc_id in result.stderr
    assert not (tmp_path / "x").exists()


def test_verify_ok_then_altered_then_missing(
    cli: Any, added: dict[str, Path], data_dir: Path
) -> None:
    ok = cli("verify")
    assert ok.exit_code == 0 and "ok: 3 originals intact, custody log unbroken" in ok.stdout

    altered, missing = _id(added["text"]), _id(added["pdf"])
    blob = data_dir / "archive" / altered[:2] / altered[2:]
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes().replace(b"Testimony", b"Testimonx"))
    (data_dir / "archive" / missing[:2] / missing[2:]).unlink()

    result = cli("verify")
    assert result.exit_code == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert len(problems) == 2
    assert any(altered in p and "is altered" in p and "witness.txt" in p for p in problems)
    assert any(missing in p and "is missing" in p and "report.pdf" in p for p in problems)
    assert "2 problem(s) in 3 originals" in result.stdout


def test_verify_reports_a_tampered_custody_row(
    cli: Any, added: dict[str, Path], data_dir: Path
) -> None:
    with sqlite3.connect(data_dir / "sourcebook.db") as db:
        db.execute("UPDATE custody SET added_by = 'mallory' WHERE seq = 1")
    result = cli("verify")
    assert result.exit_code == 1
    assert "custody log entry 1" in result.stderr and "altered" in result.stderr


# -- exit codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--bogus"],
        ["add"],
        ["search"],
        ["show"],
        ["frobnicate"],
        ["list", "--limit", "many"],
    ],
)
def test_usage_errors_exit_2(cli: Any, argv: list[str]) -> None:
    assert cli(*argv).exit_code == 2


def test_unusable_data_dir_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli("list", data=blocker / "data")
    assert result.exit_code == 2
    assert "cannot create the data directory" in result.stderr


def test_bad_database_url_is_a_usage_error(cli: Any) -> None:
    result = cli("list", env={"SOURCEBOOK_DATABASE_URL": "nonsense://"})
    assert result.exit_code == 2
    assert "unusable database URL" in result.stderr


def test_bad_max_file_setting_is_a_usage_error(cli: Any) -> None:
    result = cli("list", env={"SOURCEBOOK_MAX_FILE_MB": "lots"})
    assert result.exit_code == 2
    assert "SOURCEBOOK_MAX_FILE_MB" in result.stderr


def test_some_inputs_failed_exits_1(cli: Any, make: Make) -> None:
    good = make.text("good.txt")
    result = cli("add", good, make.root / "missing.txt")
    assert result.exit_code == 1
    assert f"failed: {make.root / 'missing.txt'}: no such file or folder" in result.stderr
    assert "1 added, 0 already stored, 1 failed" in result.stdout


def test_skipped_files_do_not_fail_the_run(cli: Any, make: Make) -> None:
    make.text("good.txt")
    make.text("photo.jpg")
    result = cli("add", make.root)
    assert result.exit_code == 0
    assert f"skipped  {make.root / 'photo.jpg'}: unsupported format" in result.stdout


def test_the_installed_command(sourcebook: Any, make: Make, tmp_path: Path) -> None:
    """The console script itself, in a subprocess: the three exit codes and JSON."""
    data = tmp_path / "data"
    path = make.text("a.txt", prose())
    # a narrow terminal must not break a file name across lines
    missing = tmp_path / ("a-folder-name-long-enough-to-wrap-" * 3) / "nope.txt"
    added = sourcebook("add", path, missing, "--data", data, env={"COLUMNS": "40"})
    assert added.exit_code == 1
    assert f"failed: {missing}: no such file or folder\n" in added.stderr
    assert f"1 added, 0 already stored, 1 failed; 1 documents in {data}\n" in added.stdout
    listed = sourcebook("list", "--json", "--data", data)
    assert listed.exit_code == 0 and [d["id"] for d in json.loads(listed.stdout)] == [_id(path)]
    usage = sourcebook("list", "--no-such-option", "--data", data)
    assert usage.exit_code == 2 and "No such option" in usage.stderr
