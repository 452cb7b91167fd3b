"""Ingest throughput and search latency.

    .venv/bin/python benchmarks/ingest.py [--docs 2000] [--search-docs 10000] [--queries 200]

1. Generates ``--docs`` varied HTML news pages (navigation, scripts, metadata around
   an article built from a vocabulary) and the same texts as .txt files, then times
   ``CaseFile.add`` on each folder into its own fresh SQLite data directory.
2. Builds a store of ``--search-docs`` documents (through ``Store.add_document``) and
   times ``Store.search`` over ``--queries`` queries of 1-3 vocabulary words.

Prints a Rich table and writes JSON to benchmarks/results/ingest.json.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from sourcebook import __version__
from sourcebook.archive import CustodyRecord
from sourcebook.casefile import CaseFile
from sourcebook.model import Document, Format
from sourcebook.settings import Settings
from sourcebook.store import Store

RESULTS = Path(__file__).parent / "results" / "ingest.json"


def words_of(text: str) -> list[str]:
    return text.split()


# Words of human-rights reporting, plus the everyday words any article carries.
TOPIC = words_of("""
detention camp camps detainee detainees prison prisoner prisoners labour forced transfer
surveillance police checkpoint interrogation torture abuse testimony witness witnesses family
families relative relatives children school boarding mosque shrine demolished destroyed
satellite images imagery compound compounds watchtower fence wall guard guards official
officials government ministry spokesperson province prefecture county village city region
border refugee refugees asylum deported deportation passport confiscated sentence sentenced
trial court lawyer verdict charge charges terrorism extremism separatism vocational training
centre centres education re-education political indoctrination language religion religious
minority minorities ethnic muslim uyghur kazakh kyrgyz tibetan activist activists journalist
journalists researcher researchers report reports leaked documents evidence investigation
sanctions embassy statement denied denial condemned crimes humanity genocide cotton factory
factories supply chain workers wages quota quotas sterilisation birth population census
database phone app biometric dna samples collected released disappeared missing whereabouts
""")
COMMON = words_of("""
the of and to in a that was for on said with as by at from his her their they it were
had have has been not but who which after more than about over into during when would
could also many some other two three years year last month week new first people told
according while since under between before against without among around later only
""")
OUTLETS = [
    "Example Daily",
    "The Morning Ledger",
    "Wire Service",
    "Global Observer",
    "Rights Monitor",
    "The Evening Post",
    "Field Notes",
    "Asia Desk",
]
AUTHORS = [
    "Jane Reporter",
    "Ali Hassan",
    "Mei Lin",
    "Tom Okafor",
    "Sara Novak",
    "Ivan Petrov",
    "Lena Berg",
    "Omar Farouk",
]


@dataclass
class Article:
    title: str
    paragraphs: list[str]
    published: str
    outlet: str
    author: str

    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs)

    def html(self, slug: str) -> str:
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        title = html.escape(self.title)
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {self.outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{self.outlet}">
<meta name="author" content="{self.author}">
<meta property="article:published_time" content="{self.published}">
<link rel="canonical" href="https://news.example.org/{slug}">
<script>window.dataLayer = window.dataLayer || [];
function track(e) {{ dataLayer.push(e); }}</script>
</head><body>
<header><a href="/">{self.outlet}</a></header>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a>
<a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav>
<main><article><h1>{title}</h1><p class="byline">By {self.author}</p>
{body}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally on rate hopes</a></li>
<li><a href="/b">Storm warning for the coast</a></li></ul></aside>
<footer>&copy; {self.outlet}. All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>track('pageview');</script>
</body></html>
"""


class Writer:
    """Sentences from a Zipf-weighted vocabulary: common words often, rare words seldom."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = COMMON + TOPIC
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.words))]

    def sentence(self) -> str:
        words = self.rng.choices(self.words, self.weights, k=self.rng.randint(8, 22))
        return " ".join(words).capitalize() + "."

    def article(self) -> Article:
        title = " ".join(self.rng.sample(TOPIC, self.rng.randint(4, 9))).capitalize()
        paragraphs = [
            " ".join(self.sentence() for _ in range(self.rng.randint(2, 6)))
            for _ in range(self.rng.randint(3, 9))
        ]
        day = date(2015, 1, 1) + timedelta(days=self.rng.randrange(3650))
        return Article(
            title, paragraphs, day.isoformat(), self.rng.choice(OUTLETS), self.rng.choice(AUTHORS)
        )


def write_corpus(articles: list[Article], root: Path) -> tuple[Path, Path]:
    html_dir, txt_dir = root / "html", root / "txt"
    for i, article in enumerate(articles):
        folder = f"{i // 500:02d}"
        (html_dir / folder).mkdir(parents=True, exist_ok=True)
        (txt_dir / folder).mkdir(parents=True, exist_ok=True)
        slug = f"article-{i:05d}"
        (html_dir / folder / f"{slug}.html").write_text(article.html(slug), encoding="utf-8")
        (txt_dir / folder / f"{slug}.txt").write_text(article.text(), encoding="utf-8")
    return html_dir, txt_dir


def warm_up(root: Path) -> None:
    """Load the language model and the HTML extractor outside the timed runs."""
    sample = Writer(random.Random(0)).article()
    (root / "warm").mkdir()
    (root / "warm" / "a.html").write_text(sample.html("warm"), encoding="utf-8")
    (root / "warm" / "a.txt").write_text(sample.text(), encoding="utf-8")
    with CaseFile(Settings(data_dir=root / "warm-data", user="benchmark")) as case:
        case.add([root / "warm"], extract=False)


def time_ingest(folder: Path, data_dir: Path, expected: int) -> dict[str, Any]:
    with CaseFile(Settings(data_dir=data_dir, user="benchmark")) as case:
        started = time.perf_counter()
        report = case.add([folder], extract=False)  # extraction: extract_speed.py
        seconds = time.perf_counter() - started
    if report.failed or len(report.added) != expected:
        raise SystemExit(
            f"ingest of {folder} failed: {len(report.added)} added, "
            f"{len(report.failed)} failed: {report.failed[:3]}"
        )
    return {
        "documents": len(report.added),
        "seconds": round(seconds, 3),
        "docs_per_second": round(len(report.added) / seconds, 1),
    }


def build_search_store(url: str, articles: list[Article]) -> float:
    store = Store(url)
    started = time.perf_counter()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for i, article in enumerate(articles):
        text = article.text()
        doc = Document(
            original=text.encode(),
            text=text,
            format=Format.TEXT,
            path=f"article-{i:05d}.txt",
            title=article.title,
            outlet=article.outlet,
            author=article.author,
            published=article.published,
            language="en",
        )
        store.add_document(
            doc,
            CustodyRecord(
                doc.id,
                "added",
                doc.size,
                doc.path,
                doc.path,
                "benchmark",
                now,
                f"sourcebook {__version__}",
            ),
        )
    seconds = time.perf_counter() - started
    store.close()
    return seconds


def time_search(url: str, documents: int, queries: list[str]) -> dict[str, Any]:
    store = Store(url)
    for query in queries[:10]:  # warm the page cache and the connection pool
        store.search(query)
    latencies, hits = [], []
    for query in queries:
        started = time.perf_counter()
        found = store.search(query, limit=20)
        latencies.append((time.perf_counter() - started) * 1000)
        hits.append(len(found))
    store.close()
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "documents": documents,
        "queries": len(queries),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(cuts[94], 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "max_ms": round(max(latencies), 2),
        "queries_with_hits": sum(1 for h in hits if h),
        "mean_hits": round(statistics.fmean(hits), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="HTML pages (and .txt files)")
    parser.add_argument("--search-docs", type=int, default=10000, help="documents to search")
    parser.add_argument("--queries", type=int, default=200, help="search queries to time")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    console = Console()
    rng = random.Random(args.seed)
    writer = Writer(rng)

    with tempfile.TemporaryDirectory(prefix="sourcebook-bench-") as tmp:
        root = Path(tmp)
        articles = [writer.article() for _ in range(args.docs)]
        html_dir, txt_dir = write_corpus(articles, root)
        warm_up(root)
        console.print(f"ingesting {args.docs} HTML pages …")
        html_run = time_ingest(html_dir, root / "data-html", args.docs)
        console.print(f"ingesting {args.docs} text files …")
        txt_run = time_ingest(txt_dir, root / "data-txt", args.docs)

        console.print(f"building a store of {args.search_docs} documents …")
        search_articles = articles + [
            writer.article() for _ in range(max(0, args.search_docs - args.docs))
        ]
        url = f"sqlite:///{root / 'search.db'}"
        build_seconds = build_search_store(url, search_articles[: args.search_docs])
        queries = [
            " ".join(rng.sample(writer.words, rng.randint(1, 3))) for _ in range(args.queries)
        ]
        search = time_search(url, args.search_docs, queries)
        search["build_seconds"] = round(build_seconds, 1)

    ratio = html_run["docs_per_second"] / txt_run["docs_per_second"]
    result = {
        "sourcebook": __version__,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "params": {
            "docs": args.docs,
            "search_docs": args.search_docs,
            "queries": args.queries,
            "seed": args.seed,
        },
        "ingest": {"html": html_run, "txt": txt_run, "html_txt_ratio": round(ratio, 3)},
        "search": search,
    }

    table = Table(title=f"sourcebook {__version__} ingest and search benchmark")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row(
        f"HTML ingest ({args.docs} pages)",
        f"{html_run['docs_per_second']:.1f} docs/s ({html_run['seconds']:.1f} s)",
    )
    table.add_row(
        f"text ingest ({args.docs} files, baseline)",
        f"{txt_run['docs_per_second']:.1f} docs/s ({txt_run['seconds']:.1f} s)",
    )
    table.add_row("HTML / text throughput", f"{ratio:.2f}")
    table.add_row(
        f"search p50 ({args.queries} queries, {args.search_docs} docs)",
        f"{search['p50_ms']:.1f} ms",
    )
    table.add_row("search p95", f"{search['p95_ms']:.1f} ms")
    table.add_row("search mean / max", f"{search['mean_ms']:.1f} / {search['max_ms']:.1f} ms")
    table.add_row("queries with hits", f"{search['queries_with_hits']} / {args.queries}")
    console.print(table)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
