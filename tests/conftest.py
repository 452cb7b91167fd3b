"""Fixtures: a case file on tmp_path, a builder for every input format, CLI runners."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sourcebook.casefile import CaseFile
from sourcebook.settings import Settings
from tests.helpers import (
    ENV_VARS,
    SOURCEBOOK_BIN,
    USER,
    CliResult,
    Make,
    cli_env,
    plain,
    prose,
    snapshot,
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No SOURCEBOOK_* setting leaks in from the shell running the tests."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def make(tmp_path: Path) -> Make:
    return Make(tmp_path / "in")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def settings(clean_env: pytest.MonkeyPatch, data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, user=USER)


@pytest.fixture
def case(settings: Settings) -> Iterator[CaseFile]:
    with CaseFile(settings) as opened:
        yield opened


@pytest.fixture
def cli(clean_env: pytest.MonkeyPatch, data_dir: Path) -> Any:
    """Run the CLI in-process: ``cli("add", path)``; ``--data`` is added unless given."""
    from sourcebook.cli import app

    runner = CliRunner()

    def run(
        *args: str | Path, data: Path | None = data_dir, env: dict[str, str] | None = None
    ) -> CliResult:
        argv = [str(a) for a in args]
        if data is not None and "--data" not in argv:
            argv += ["--data", str(data)]
        result = runner.invoke(
            app, argv, env={"SOURCEBOOK_USER": USER, "COLUMNS": "1000", **(env or {})}
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return CliResult(
            result.exit_code, plain(result.stdout), plain(result.stderr), result.stdout_bytes
        )

    return run


@pytest.fixture
def sourcebook(clean_env: pytest.MonkeyPatch) -> Any:
    """Run the installed ``sourcebook`` command in a subprocess."""
    if not SOURCEBOOK_BIN.exists():  # pragma: no cover - only outside the project venv
        found = shutil.which("sourcebook")
        if found is None:
            pytest.skip("the sourcebook command is not installed")
    binary = str(SOURCEBOOK_BIN) if SOURCEBOOK_BIN.exists() else "sourcebook"

    def run(*args: str | Path, timeout: float = 120, **popen: Any) -> CliResult:
        env = cli_env(**popen.pop("env", {}))
        done = subprocess.run(
            [binary, *map(str, args)],
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
            **popen,
        )
        return CliResult(
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
            done.stdout,
        )

    return run


@pytest.fixture
def seeded(case: CaseFile, make: Make) -> dict[str, Any]:
    """Two documents stored before a run, and a snapshot to prove they are left untouched."""
    first = make.text("earlier/first.txt", prose(101))
    second = make.html(
        "earlier/second.html",
        "Earlier report",
        [prose(102), prose(103)],
        site="Example Daily",
        date="2019-07-11",
    )
    report = case.add([first, second])
    assert len(report.added) == 2 and report.ok
    return snapshot(case)


@pytest.fixture(scope="session")
def extractor() -> Any:
    """One extraction pipeline for the whole session: loading the model takes seconds."""
    from sourcebook.extract import shared_extractor

    return shared_extractor()
