"""Bad input, each kind tested: one clear message naming the file and the reason, the other
files still added, nothing stored before changed or lost, and a failing exit code."""

from __future__ import annotations

import ctypes
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sourcebook.casefile import CaseFile
from sourcebook.errors import SourcebookError
from sourcebook.model import sha256
from sourcebook.settings import Settings
from tests.helpers import Make, assert_unchanged, prose

HUNDRED_MB = 100 * 1024 * 1024
GARBAGE = random.Random(1).randbytes(8192)
NAV_ONLY = """<html><head><title>Home</title><script>var config = {"a": 1};</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact us</a></nav>
<script>render()</script><noscript>This site needs JavaScript</noscript></body></html>"""


def _loop(make: Make) -> Path:
    path = make.path("loop.txt")
    path.symlink_to(path.name)
    return path


def _truncated_pdf(make: Make) -> Path:
    data = make.pdf(".whole.pdf", [prose(i) for i in range(6)]).read_bytes()
    return make.bytes("truncated.pdf", data[: len(data) // 2])


# name -> (builder, words the reason must contain)
BAD: dict[str, tuple[Callable[[Make], Path], str]] = {
    "empty file": (lambda m: m.bytes("empty.txt", b""), "empty file"),
    "binary garbage named .txt": (lambda m: m.bytes("garbage.txt", GARBAGE), "not text"),
    "truncated PDF": (_truncated_pdf, "corrupt or truncated"),
    "corrupt PDF": (
        lambda m: m.bytes("corrupt.pdf", b"%PDF-1.4\n" + GARBAGE),
        "the PDF is corrupt or truncated",
    ),
    "PDF with no text layer": (lambda m: m.image_pdf("scan.pdf"), "no text layer"),
    "password-protected PDF": (lambda m: m.encrypted_pdf("locked.pdf"), "password-protected"),
    "DOCX that is a ZIP of something else": (
        lambda m: m.zip("fake.docx", {"photo.jpg": b"\xff\xd8\xff", "notes.txt": b"hi"}),
        "not a Word document",
    ),
    "HTML with only scripts and navigation": (
        lambda m: m.text("nav.html", NAV_ONLY),
        "no main text",
    ),
    "unsupported extension": (lambda m: m.text("slides.pptx", prose()), "unsupported format"),
    "path that does not exist": (lambda m: m.root / "missing" / "gone.txt", "no such file"),
    "symlink loop": (_loop, "symbolic links"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_input(kind: str, case: CaseFile, make: Make, seeded: dict[str, Any]) -> None:
    build, reason = BAD[kind]
    bad = build(make)
    good = make.text("good.txt", prose(42))
    report = case.add([bad, good])
    [error] = report.failed
    assert error.path == str(bad)
    assert reason in error.reason
    assert str(bad) in str(error)
    assert [d.path for d in report.added] == [str(good)]
    assert not report.ok
    assert_unchanged(case, seeded)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100 MB of real text, written in 1 MB chunks."""
    path = tmp_path_factory.mktemp("big") / "huge.txt"
    line = (prose(9) + "\n").encode()
    chunk = line * (1024 * 1024 // len(line) + 1)
    with path.open("wb") as fh:
        while fh.tell() < HUNDRED_MB:
            fh.write(chunk[: min(len(chunk), HUNDRED_MB - fh.tell())])
    assert path.stat().st_size == HUNDRED_MB
    return path


def test_100_mb_text_file(
    case: CaseFile, make: Make, seeded: dict[str, Any], big_file: Path
) -> None:
    good = make.text("good.txt", prose(42))
    report = case.add([big_file, good])
    [error] = report.failed
    assert error.path == str(big_file)
    assert error.reason == "too large: 100.0 MB, the limit is 50 MB"
    assert "SOURCEBOOK_MAX_FILE_MB" in str(error)
    assert [d.path for d in report.added] == [str(good)]
    assert_unchanged(case, seeded)


@pytest.mark.parametrize("given", ["files", "folder"])
def test_file_vanishes_mid_run(
    case: CaseFile, make: Make, seeded: dict[str, Any], given: str
) -> None:
    files = [make.text(f"run/{name}.txt", prose(i)) for i, name in enumerate("abc")]

    def delete_next(path: Path, _new: int, _error: SourcebookError | None) -> None:
        if path == files[0]:
            files[1].unlink()

    report = case.add(files if given == "files" else [make.root / "run"], progress=delete_next)
    [error] = report.failed
    assert error.path == str(files[1])
    assert "no such file" in error.reason.lower()
    assert [d.path for d in report.added] == [str(files[0]), str(files[2])]
    assert_unchanged(case, seeded)


def test_folder_symlink_loop(case: CaseFile, make: Make, seeded: dict[str, Any]) -> None:
    make.text("tree/top.txt", prose(1))
    make.text("tree/sub/inner.txt", prose(2))
    (make.root / "tree" / "sub" / "up").symlink_to("..", target_is_directory=True)
    report = case.add([make.root / "tree"])
    [error] = report.failed
    assert error.path == str(make.root / "tree" / "sub" / "up")
    assert "symbolic link loop" in error.reason
    assert sorted(Path(d.path).name for d in report.added) == ["inner.txt", "top.txt"]
    assert_unchanged(case, seeded)


# -- the same, through the command line, in one run ----------------------------------


def test_cli_reports_each_bad_input_once(
    cli: Any, sourcebook: Any, make: Make, data_dir: Path, big_file: Path
) -> None:
    earlier = make.text("earlier.txt", prose(100))
    assert cli("add", earlier).exit_code == 0

    bad = [build(make) for build, _ in BAD.values()] + [big_file]
    good = [make.text("good-1.txt", prose(1)), make.html("good-2.html", "Fine page")]
    result = sourcebook("add", *bad, *good, "--data", data_dir)  # the real command, one run
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for path, reason in zip(bad, [r for _, r in BAD.values()] + ["too large"], strict=True):
        mentioned = [line for line in lines if str(path) in line]
        assert len(mentioned) == 1, (path, result.stderr)
        assert mentioned[0].startswith("failed: ") and reason in mentioned[0]
    assert len(lines) == len(bad), result.stderr
    for path in good:
        assert f"  {path}" in result.stdout
    assert f"2 added, 0 already stored, {len(bad)} failed; 3 documents" in result.stdout

    verify = cli("verify")
    assert verify.exit_code == 0 and "3 originals intact" in verify.stdout
    again = cli("add", earlier)
    assert again.exit_code == 0 and "already" in again.stdout


# -- permission denied: the CLI runs without the right to read the file ------------------


def _drop_file_capabilities() -> None:  # pragma: no cover - runs in the child before exec
    """Root without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH obeys file modes like anyone.

    Dropped from the bounding set, they are gone from the program exec'd next. This
    works where running as nobody cannot: the venv's interpreter may live under /root.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_unreadable_file(sourcebook: Any, tmp_path: Path) -> None:
    make = Make(tmp_path / "in")
    earlier = make.text("earlier.txt", prose(1))
    secret = make.text("secret.txt", prose(2))
    good = make.text("good.txt", prose(3))
    make.text("locked/inside.txt", prose(4))
    data = tmp_path / "data"
    with CaseFile(Settings(data_dir=data)) as case:
        assert case.add([earlier]).ok
    locked = make.root / "locked"
    secret.chmod(0o000)
    locked.chmod(0o000)
    how = {"preexec_fn": _drop_file_capabilities} if os.geteuid() == 0 else {}
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(secret)!r})"],
            capture_output=True,
            text=True,
            check=False,
            **how,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot give up the right to read any file here: {exc}")
    if "PermissionError" not in probe.stderr:
        pytest.skip(f"this user reads a file with mode 000: {probe.stderr[-300:]}")

    try:
        result = sourcebook("add", make.root, "--data", data, **how)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"failed: {secret}: permission denied (check the file's permissions)",
        f"failed: {locked}: cannot be read (Permission denied)",
    ]
    assert f"added    {sha256(good.read_bytes())[:12]}  {good}" in result.stdout
    assert "1 added, 1 already stored, 2 failed; 2 documents" in result.stdout
    with CaseFile(Settings(data_dir=data)) as case:
        report = case.verify()
    assert report.ok and report.checked == 2
