"""Rich tables of one document's extraction result, for `sourcebook extract --format table`."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def print_tables(console: Console, result: dict[str, Any]) -> None:
    doc = result["document"]
    console.rule(escape(doc.get("title") or doc["path"]))
    table = Table(title="who said what")
    for col in ("speaker", "resolves to", "cue", "content", "direct"):
        table.add_column(col, overflow="fold")
    for s in result["statements"]:
        table.add_row(
            escape(s["speaker"]["text"]),
            escape(s["speaker"].get("entity") or ""),
            escape(s["cue"]["text"]),
            escape(s["content"]["text"]),
            "quote" if s["direct"] else "",
        )
    console.print(table)
    table = Table(title="figures")
    for col in ("figure", "value", "qualifier", "unit", "subject"):
        table.add_column(col, overflow="fold")
    for f in result["figures"]:
        table.add_row(
            escape(f["text"]),
            str(f["value"]),
            f["qualifier"],
            f["unit"] or "",
            escape((f["subject"] or {}).get("text", "")),
        )
    console.print(table)
    table = Table(title="entities")
    for col in ("name", "type", "aliases", "mentions"):
        table.add_column(col, overflow="fold")
    for e in result["entities"]:
        table.add_row(
            escape(e["name"]), e["type"], escape(", ".join(e["aliases"])), str(len(e["mentions"]))
        )
    console.print(table)
