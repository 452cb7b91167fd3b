"""The extraction output contract (DESIGN.md): one JSON-ready dict per document."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sourcebook.extract.events import normalise_date
from sourcebook.model import Document


def _shift(item: dict[str, Any], offset: int) -> dict[str, Any]:
    """Move every span in a JSON item by ``offset`` characters (pieces of a long text)."""
    if not offset:
        return item
    out: dict[str, Any] = {}
    for k, v in item.items():
        if isinstance(v, dict):
            out[k] = _shift(v, offset)
        elif isinstance(v, list):
            out[k] = [_shift(x, offset) if isinstance(x, dict) else x for x in v]
        elif k in {"start", "end"} and isinstance(v, int):
            out[k] = v + offset
        else:
            out[k] = v
    return out


def _enclosing(
    statements: list[dict[str, Any]], first: int, starts: list[int], figure: dict[str, Any]
) -> str | None:
    """The id of the statement whose content holds the figure (statements sorted by start;
    ``starts`` are their content starts from ``first`` on)."""
    i = bisect_right(starts, figure["start"]) - 1
    while i >= 0:
        content = statements[first + i]["content"]
        if content["start"] <= figure["start"] and figure["end"] <= content["end"]:
            return str(statements[first + i]["id"])
        if first + i == first or content["end"] < figure["start"] - 5000:
            break
        i -= 1
    return None


@Language.component("sourcebook_items")
def collect_items(doc: Doc) -> Doc:
    """Last in the pipeline: the items as plain JSON data in ``doc._.sb_items``.

    The components' own objects are dropped, so a Doc crosses process boundaries
    (``nlp.pipe(n_process=2)``) as msgpack-serialisable data.
    """
    doc._.sb_items = {
        "entities": [e.to_dict() for e in doc._.sb_entities or []],
        "statements": [s.to_dict() for s in doc._.sb_statements or []],
        "figures": [f.to_dict() for f in doc._.sb_figures or []],
        "events": [v.to_dict() for v in doc._.sb_events or []],
    }
    for ext in ("sb_entities", "sb_mentions", "sb_statements", "sb_figures", "sb_events"):
        setattr(doc._, ext, None)
    doc.user_data.pop("sb_text", None)
    return doc


if not Doc.has_extension("sb_items"):
    Doc.set_extension("sb_items", default=None)


def document_result(document: Document, parts: list[tuple[int, Doc]]) -> dict[str, Any]:
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    statements: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for offset, doc in parts:
        local_ids: dict[str, str] = {}
        items = doc._.sb_items or {}
        for entity in items.get("entities", []):
            data = _shift(entity, offset)
            k = (data["type"], data["name"])
            if k in entities:
                merged = entities[k]
                merged["mentions"] += data["mentions"]
                merged["aliases"] = list(dict.fromkeys(merged["aliases"] + data["aliases"]))
            else:
                data["id"] = f"e{len(entities) + 1}"
                entities[k] = data
            local_ids[entity["id"]] = entities[k]["id"]
        first_statement = len(statements)
        for statement in items.get("statements", []):
            data = _shift(statement, offset)
            data["id"] = f"s{len(statements) + 1}"
            if "entity_id" in data["speaker"]:
                data["speaker"]["entity_id"] = local_ids.get(data["speaker"]["entity_id"])
            statements.append(data)
        starts = [s["content"]["start"] for s in statements[first_statement:]]
        for figure in items.get("figures", []):
            data = _shift(figure, offset)
            data["id"] = f"f{len(figures) + 1}"
            data["statement"] = _enclosing(statements, first_statement, starts, data)
            figures.append(data)
        for event in items.get("events", []):
            data = _shift(event, offset)
            data["id"] = f"v{len(events) + 1}"
            data["actors"] = [local_ids.get(a, a) for a in data["actors"]]
            data["targets"] = [local_ids.get(a, a) for a in data["targets"]]
            data["place"] = local_ids.get(data["place"], data["place"])
            if data["date_text"]:
                data["date"] = normalise_date(data["date_text"]["text"], document.published)
            events.append(data)
    return {
        "document": {
            "id": document.id,
            "path": document.path,
            "format": str(document.format),
            "title": document.title,
            "published": document.published,
            "outlet": document.outlet,
            "author": document.author,
            "url": document.url,
            "language": document.language,
            "text": document.text,
        },
        "entities": list(entities.values()),
        "statements": statements,
        "figures": figures,
        "events": events,
    }
