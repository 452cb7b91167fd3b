"""The command line: thin commands over the case file. Errors become messages and exit codes here.

Exit codes: 0 all went well, 1 some inputs failed (or verify found a problem), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from sourcebook import __version__
from sourcebook.casefile import CaseFile
from sourcebook.errors import ConfigError, NotFoundError, SourcebookError
from sourcebook.ingest import iter_files
from sourcebook.ingest.registry import extension_of

app = typer.Typer(
    help="Sourcebook: build a sourced, hash-verified evidence base from reports on "
    "human-rights abuses.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        help="Data directory [env SOURCEBOOK_DATA; default ./sourcebook-data].",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


@contextmanager
def errors() -> Iterator[None]:
    """The one place errors turn into messages and exit codes."""
    try:
        yield
    except NotFoundError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from exc
    except ConfigError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from exc
    except SourcebookError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(EXIT_FAILED) from exc


def _open(data: Path | None) -> CaseFile:
    return CaseFile.open(data)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def version_callback(value: bool) -> None:
    if value:
        console.print(f"sourcebook {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Sourcebook command line."""


@app.command()
def add(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (searched recursively).", show_default=False),
    ],
    data: DataOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_extract: Annotated[
        bool,
        typer.Option(
            "--no-extract", help="Store the documents only; extract later with another `add`."
        ),
    ] = False,
) -> None:
    """Add files to the evidence base: archive each original and store its text.

    Reads plain text (any encoding), HTML, PDF, DOCX, e-mail (.eml), WARC and
    RSS/Atom files. Adding the same bytes twice changes nothing. A file that
    cannot be read is reported by name; the others are still added.
    """
    with errors(), _open(data) as case:
        total = sum(1 for f in iter_files(paths) if f.explicit or f.error is None)
        with Progress(
            TextColumn("[bold]{task.fields[phase]}[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            disable=quiet or total < 2,
            transient=True,
        ) as bar:
            task = bar.add_task("", total=total, phase="adding")

            def tick(path: Path, _new: int, error: SourcebookError | None) -> None:
                bar.update(task, advance=1, description=escape(path.name))
                if error is not None:
                    err.print(f"[red]failed:[/red] {escape(str(error))}", soft_wrap=True)

            report = case.add(paths, progress=tick, extract=False)
            if not no_extract:
                bar.update(task, visible=False)
                step = bar.add_task("", total=len(case.store.unextracted_ids()), phase="extracting")
                report.extracted = case.extract_pending(lambda _doc_id: bar.update(step, advance=1))
        for doc in report.added:
            console.print(f"added    {doc.id[:12]}  {escape(doc.path)}", soft_wrap=True)
        for doc in report.already:
            console.print(
                f"[dim]already  {doc.id[:12]}  {escape(doc.path)} "
                f"(same bytes are stored; nothing changed)[/dim]",
                soft_wrap=True,
            )
        for skip in report.skipped:
            console.print(
                f"[dim]skipped  {escape(skip.path)}: {escape(skip.reason)}[/dim]", soft_wrap=True
            )
        console.print(
            f"{len(report.added)} added, {len(report.already)} already stored, "
            f"{len(report.failed)} failed; {case.store.count_documents()} documents in "
            f"{escape(str(case.settings.data_dir))}",
            soft_wrap=True,
        )
        if report.extracted:
            counts = case.store.item_counts()
            console.print(
                f"extracted {report.extracted} document(s); the evidence base holds "
                + ", ".join(f"{n} {name}" for name, n in counts.items()),
                soft_wrap=True,
            )
        if report.failed:
            raise typer.Exit(EXIT_FAILED)


@app.command("list")
def list_documents(
    data: DataOpt = None,
    as_json: JsonOpt = False,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 1000,
) -> None:
    """List the documents in the evidence base."""
    with errors(), _open(data) as case:
        docs = case.store.documents(limit=limit)
        if as_json:
            _print_json([d.to_dict() for d in docs])
            return
        table = Table(title=f"{case.store.count_documents()} documents")
        for col in ("id", "published", "format", "outlet", "title"):
            table.add_column(col, overflow="fold")
        for d in docs:
            table.add_row(
                d.id[:12],
                d.published or "",
                d.format,
                d.outlet or "",
                escape(d.title or Path(d.path).name),
            )
        console.print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix of it.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show a document's metadata and its chain of custody."""
    with errors(), _open(data) as case:
        info = case.store.document(doc_id)
        custody = [
            dict(seq=e.seq, entry_hash=e.entry_hash, **e.record.__dict__)
            for e in case.store.custody(info.id)
        ]
        if as_json:
            _print_json({"document": info.to_dict(), "custody": custody})
            return
        table = Table(show_header=False, title="document")
        for key, value in info.to_dict().items():
            table.add_row(key, escape(str(value)) if value is not None else "")
        console.print(table)
        log = Table(title="chain of custody")
        for col in ("seq", "action", "added_at", "added_by", "tool_version", "size", "source"):
            log.add_column(col, overflow="fold")
        for c in custody:
            log.add_row(
                str(c["seq"]),
                c["action"],
                c["added_at"],
                escape(c["added_by"]),
                c["tool_version"],
                str(c["size"]),
                escape(c["source"]),
            )
        console.print(log)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words that must all occur; "quote" a phrase.')],
    data: DataOpt = None,
    as_json: JsonOpt = False,
    limit: Annotated[int, typer.Option(help="Show at most this many.")] = 20,
) -> None:
    """Full-text search over document text, best match first, with highlighted snippets."""
    with errors(), _open(data) as case:
        hits = case.store.search(query, limit=limit)
        if as_json:
            _print_json([h.to_dict() for h in hits])
            return
        if not hits:
            console.print(f"no document matches {escape(query)!r}")
            return
        table = Table(title=f"{len(hits)} matches for {escape(query)!r}")
        for col in ("score", "id", "title", "snippet"):
            table.add_column(col, overflow="fold")
        for h in hits:
            snippet = Text(h.snippet)
            for start, end in h.highlights:
                snippet.stylize("bold yellow", start, end)
            table.add_row(
                f"{h.score:.2f}",
                h.document.id[:12],
                escape(h.document.title or Path(h.document.path).name),
                snippet,
            )
        console.print(table)


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders (any format `add` reads).", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Folder for one JSON file per document (STEM.json)."),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    pack: Annotated[
        list[str] | None, typer.Option("--pack", help="Case pack(s) [default: xinjiang].")
    ] = None,
) -> None:
    """Extract who said what, figures, entities and events from documents.

    Writes the extraction output contract: one JSON object per document, to
    --out DIR as STEM.json, or to standard output for a single document.
    Nothing is stored; `add` stores documents.
    """
    from sourcebook.extract import Extractor
    from sourcebook.extract.report import print_tables
    from sourcebook.ingest import read_file

    if output_format not in {"json", "table"}:
        err.print(f"[red]error:[/red] --format must be json or table, not {output_format!r}")
        raise typer.Exit(EXIT_USAGE)
    with errors():
        documents, failed = [], 0
        for found in iter_files(paths):
            if found.error is not None:
                if found.explicit:
                    err.print(f"[red]failed:[/red] {escape(str(found.error))}", soft_wrap=True)
                    failed += 1
                continue
            try:
                documents.extend(read_file(found.path))
            except SourcebookError as exc:
                err.print(f"[red]failed:[/red] {escape(str(exc))}", soft_wrap=True)
                failed += 1
        if not documents:
            raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)
        if out is None and output_format == "json" and len(documents) > 1:
            err.print("[red]error:[/red] several documents: give --out DIR for their JSON files")
            raise typer.Exit(EXIT_USAGE)
        extractor = Extractor(packs=pack or ["xinjiang"])
        for doc in documents:
            if doc.language and doc.language != "en":
                err.print(
                    f"[yellow]warning:[/yellow] {escape(doc.path)} looks like "
                    f"{doc.language!r}, not English: extraction will miss most of it",
                    soft_wrap=True,
                )
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        with Progress(
            TextColumn("[bold]extracting[/bold]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=len(documents) < 2,
        ) as bar:
            task = bar.add_task("", total=len(documents))
            for doc, result in zip(documents, extractor.extract(documents), strict=True):
                bar.advance(task)
                if output_format == "table":
                    print_tables(console, result)
                if out is not None:
                    stem = _stem(doc.path, used)
                    (out / f"{stem}.json").write_text(
                        json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
                    )
                elif output_format == "json":
                    _print_json(result)
        if out is not None:
            console.print(f"wrote {len(documents)} file(s) to {escape(str(out))}")
        if failed:
            raise typer.Exit(EXIT_FAILED)


def _stem(path: str, used: set[str]) -> str:
    """The output name of a document: its file stem, made unique ('#item3' for feed items)."""
    base, _, item = path.partition("#")
    stem = Path(base).name
    ext = extension_of(Path(stem))
    if stem.lower().endswith(ext):
        stem = stem[: -len(ext)] or stem
    if item:
        stem += "-" + "".join(c if c.isalnum() else "-" for c in item)[:60]
    name, n = stem, 1
    while name in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name)
    return name


@app.command()
def verify(data: DataOpt = None) -> None:
    """Re-hash every archived original and check the custody log; exit 1 on any problem."""
    with errors(), _open(data) as case:
        report = case.verify()
        for problem in report.problems:
            err.print(f"[red]problem:[/red] {escape(problem)}", soft_wrap=True)
        if report.ok:
            console.print(
                f"[green]ok[/green]: {report.checked} originals intact, custody log unbroken"
            )
        else:
            console.print(f"{len(report.problems)} problem(s) in {report.checked} originals")
            raise typer.Exit(EXIT_FAILED)


@app.command("export-original")
def export_original(
    doc_id: Annotated[str, typer.Argument(help="Document id or a unique prefix of it.")],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write; default: standard output.")
    ] = None,
    data: DataOpt = None,
) -> None:
    """Write the exact original bytes of a document (checked against its hash)."""
    with errors(), _open(data) as case:
        payload = case.original(doc_id)
        if out is None:
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        else:
            out.write_bytes(payload)
            err.print(f"wrote {len(payload)} bytes to {escape(str(out))}")


if __name__ == "__main__":  # pragma: no cover
    app()
