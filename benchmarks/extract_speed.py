"""Extraction throughput: the full Sourcebook pipeline against bare spaCy on the same texts.

    .venv/bin/python benchmarks/extract_speed.py [--docs 500] [--batch-size 16]

The texts are the .txt files in examples/xinjiang and tests/data/dev/texts (read with
``sourcebook.ingest.read_file``, so sidecar metadata such as the publication date is there),
repeated until there are at least ``--docs`` documents. Three phases, each in its own
subprocess so that its peak RSS (``ru_maxrss``) is its own:

- ``bare``: the same model, ``sourcebook.extract.model.load_base_model()``, run with
  ``nlp.pipe(texts, batch_size=...)``, every Doc consumed;
- ``full``: ``Extractor().extract(documents)``, every result dict consumed;
- ``full2``: the same with ``n_process=2`` (spaCy's multiprocessing).

Each phase loads its pipeline and warms it up on a few documents before the clock starts.
Reported: docs/second, the full/bare ratio (goal: >= 0.7), peak RSS per phase (for
``full2`` also the largest worker's), the n_process=2 speed-up, and whether ``full2``
gives the same results as ``full``. Prints a Rich table and writes JSON to
benchmarks/results/extract_speed.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "results" / "extract_speed.json"
SOURCES = (ROOT / "examples" / "xinjiang", ROOT / "tests" / "data" / "dev" / "texts")
WARM_UP_DOCS = 8


# -- the phases (each run in a subprocess) ------------------------------------


def load_documents(count: int) -> list[Any]:
    """The seed .txt files, repeated to at least ``count`` documents (each its own object)."""
    from sourcebook.ingest import read_file

    paths = [path for folder in SOURCES for path in sorted(folder.glob("*.txt"))]
    seeds = [doc for path in paths for doc in read_file(path)]
    if not seeds:
        raise SystemExit(f"no .txt files in {', '.join(map(str, SOURCES))}")
    rounds = -(-count // len(seeds))
    # A new Document per copy: Extractor.extract groups pieces by object identity.
    return [
        dataclasses.replace(doc, path=f"{doc.path}#{n}") for n in range(rounds) for doc in seeds
    ]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size in MB (Linux reports ru_maxrss in KB)."""
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def result_digest(results: list[dict[str, Any]]) -> str:
    data = json.dumps(results, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()


def phase_bare(documents: list[Any], batch_size: int) -> dict[str, Any]:
    from sourcebook.extract.model import load_base_model

    started = time.perf_counter()
    nlp = load_base_model()
    load_seconds = time.perf_counter() - started
    texts = [doc.text for doc in documents]
    for _ in nlp.pipe(texts[:WARM_UP_DOCS], batch_size=batch_size):
        pass
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return _timing(count, seconds, load_seconds, rss_before)


def phase_full(documents: list[Any], batch_size: int, n_process: int) -> dict[str, Any]:
    from sourcebook.extract import Extractor

    started = time.perf_counter()
    extractor = Extractor()
    load_seconds = time.perf_counter() - started
    for _ in extractor.extract(documents[:WARM_UP_DOCS], batch_size=batch_size):
        pass
    rss_before = peak_rss_mb()
    out: dict[str, Any] = {}
    started = time.perf_counter()
    results = list(extractor.extract(documents, batch_size=batch_size, n_process=n_process))
    seconds = time.perf_counter() - started
    if len(results) != len(documents):
        raise SystemExit(f"{len(documents)} documents in, {len(results)} results out")
    out.update(_timing(len(results), seconds, load_seconds, rss_before))
    out["digest"] = result_digest(results)
    out["items"] = {
        key: sum(len(r[key]) for r in results)
        for key in ("entities", "statements", "figures", "events")
    }
    if n_process > 1:
        out["worker_peak_rss_mb"] = peak_rss_mb(resource.RUSAGE_CHILDREN)
    return out


def _timing(count: int, seconds: float, load_seconds: float, rss_before: float) -> dict[str, Any]:
    return {
        "documents": count,
        "seconds": round(seconds, 3),
        "docs_per_second": round(count / seconds, 2),
        "load_seconds": round(load_seconds, 2),
        "peak_rss_mb_before_timing": rss_before,
        "peak_rss_mb": peak_rss_mb(),
    }


def run_phase(name: str, docs: int, batch_size: int) -> dict[str, Any]:
    documents = load_documents(docs)
    chars = sum(len(d.text) for d in documents)
    if name == "bare":
        out = phase_bare(documents, batch_size)
    elif name == "full":
        out = phase_full(documents, batch_size, n_process=1)
    elif name == "full2":
        out = phase_full(documents, batch_size, n_process=2)
    else:
        raise SystemExit(f"unknown phase {name!r}")
    out["chars_per_second"] = round(chars / out["seconds"])
    return out


# -- the driver ------------------------------------------------------------------


def spawn_phase(name: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--phase",
        name,
        "--docs",
        str(args.docs),
        "--batch-size",
        str(args.batch_size),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"phase {name} failed (exit {done.returncode})")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500, help="at least this many documents")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    parser.add_argument("--phase", help=argparse.SUPPRESS)  # internal: run one phase
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.docs, args.batch_size)))
        return 0

    from rich.console import Console
    from rich.table import Table

    from sourcebook import __version__

    console = Console()
    documents = load_documents(args.docs)
    phases: dict[str, dict[str, Any]] = {}
    for name, label in (
        ("bare", "bare spaCy"),
        ("full", "full extraction"),
        ("full2", "full extraction, n_process=2"),
    ):
        console.print(f"timing {label} on {len(documents)} documents …")
        phases[name] = spawn_phase(name, args)
    bare, full, full2 = phases["bare"], phases["full"], phases["full2"]
    ratio = full["docs_per_second"] / bare["docs_per_second"]
    speedup = full2["docs_per_second"] / full["docs_per_second"]
    same = full2["digest"] == full["digest"]
    result = {
        "sourcebook": __version__,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "params": {
            "docs": len(documents),
            "seed_files": len({d.path.split("#")[0] for d in documents}),
            "chars": sum(len(d.text) for d in documents),
            "batch_size": args.batch_size,
            "warm_up_docs": WARM_UP_DOCS,
            "rss": "ru_maxrss of each phase's own subprocess (workers: RUSAGE_CHILDREN)",
        },
        "bare": bare,
        "full": full,
        "full_n_process_2": full2,
        "full_bare_ratio": round(ratio, 3),
        "ratio_goal": 0.7,
        "n_process_2_speedup": round(speedup, 3),
        "n_process_2_same_results": same,
    }

    table = Table(title=f"sourcebook {__version__} extraction speed ({len(documents)} documents)")
    for col in ("phase", "docs/s", "chars/s", "seconds", "load s", "peak RSS MB"):
        table.add_column(col, justify="left" if col == "phase" else "right")
    for label, p in (
        ("bare spaCy (nlp.pipe)", bare),
        ("full extraction", full),
        ("full extraction, n_process=2", full2),
    ):
        rss = f"{p['peak_rss_mb']:.0f}"
        if "worker_peak_rss_mb" in p:
            rss += f" (+ workers, largest {p['worker_peak_rss_mb']:.0f})"
        table.add_row(
            label,
            f"{p['docs_per_second']:.1f}",
            f"{p['chars_per_second']:,}",
            f"{p['seconds']:.1f}",
            f"{p['load_seconds']:.1f}",
            rss,
        )
    console.print(table)
    verdict = "meets" if ratio >= 0.7 else "misses"
    console.print(f"full / bare throughput: {ratio:.2f} ({verdict} the 0.7 goal)")
    console.print(f"n_process=2 speed-up over n_process=1: {speedup:.2f}x")
    console.print(f"n_process=2 results identical to n_process=1: {same}")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
