"""Writing and reading extraction results: one transaction per document, replacing old items."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sourcebook.errors import StoreError
from sourcebook.store.models import (
    DocumentRow,
    EntityRow,
    EventRow,
    ExtractionRow,
    FigureRow,
    MentionRow,
    StatementRow,
)

ITEM_TABLES = (EventRow, FigureRow, StatementRow, MentionRow, EntityRow)


def save_extraction(s: Session, result: dict[str, Any], engine: str, at: str) -> None:
    """Store one document's extraction output (the contract dict), replacing any earlier one."""
    doc_id = result["document"]["id"]
    for table in ITEM_TABLES:
        s.execute(delete(table).where(table.document_id == doc_id))
    s.execute(delete(ExtractionRow).where(ExtractionRow.document_id == doc_id))
    entity_ids: dict[str, int] = {}
    for e in result["entities"]:
        row = EntityRow(
            document_id=doc_id,
            local_id=e["id"],
            name=e["name"],
            type=e["type"],
            iso=e.get("iso"),
            aliases=json.dumps(e["aliases"], ensure_ascii=False),
        )
        s.add(row)
        s.flush()
        entity_ids[e["id"]] = row.id
        s.add_all(
            MentionRow(
                entity_id=row.id, document_id=doc_id, start=m["start"], end=m["end"], text=m["text"]
            )
            for m in e["mentions"]
        )
    statement_ids: dict[str, int] = {}
    for st in result["statements"]:
        sp, cue, content = st["speaker"], st["cue"], st["content"]
        st_row = StatementRow(
            document_id=doc_id,
            local_id=st["id"],
            speaker_text=sp["text"],
            speaker_start=sp["start"],
            speaker_end=sp["end"],
            speaker_entity_id=entity_ids.get(sp.get("entity_id") or ""),
            speaker_name=sp.get("entity"),
            cue_text=cue["text"],
            cue_start=cue["start"],
            cue_end=cue["end"],
            content_text=content["text"],
            content_start=content["start"],
            content_end=content["end"],
            direct=bool(st["direct"]),
        )
        s.add(st_row)
        s.flush()
        statement_ids[st["id"]] = st_row.id
    for f in result["figures"]:
        subject = f.get("subject") or {}
        s.add(
            FigureRow(
                document_id=doc_id,
                local_id=f["id"],
                text=f["text"],
                start=f["start"],
                end=f["end"],
                value=f["value"],
                low=f["low"],
                high=f["high"],
                qualifier=f["qualifier"],
                unit=f["unit"],
                subject_text=subject.get("text"),
                subject_start=subject.get("start"),
                subject_end=subject.get("end"),
                statement_id=statement_ids.get(f["statement"] or ""),
            )
        )
    for v in result["events"]:
        trigger = v["trigger"]
        s.add(
            EventRow(
                document_id=doc_id,
                local_id=v["id"],
                type=v["type"],
                trigger_text=trigger["text"],
                trigger_start=trigger["start"],
                trigger_end=trigger["end"],
                actors=json.dumps([entity_ids[a] for a in v["actors"] if a in entity_ids]),
                targets=json.dumps([entity_ids[a] for a in v["targets"] if a in entity_ids]),
                place_entity_id=entity_ids.get(v["place"] or ""),
                date=v["date"],
                date_text=(v.get("date_text") or {}).get("text"),
            )
        )
    s.add(ExtractionRow(document_id=doc_id, engine=engine, extracted_at=at))


class ExtractionStore:
    """Mixed into Store: the extraction tables."""

    engine: Any

    def save_extraction(self, result: dict[str, Any], engine: str, at: str) -> None:
        try:
            with Session(self.engine) as s, s.begin():
                save_extraction(s, result, engine, at)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not store the extraction of document {result['document']['id'][:12]}: {exc}"
            ) from exc

    def unextracted_ids(self) -> list[str]:
        with Session(self.engine) as s:
            q = (
                select(DocumentRow.id)
                .where(DocumentRow.id.not_in(select(ExtractionRow.document_id)))
                .order_by(DocumentRow.added_at)
            )
            return list(s.scalars(q))

    def item_counts(self) -> dict[str, int]:
        with Session(self.engine) as s:
            return {
                table.__tablename__: s.scalar(select(func.count()).select_from(table)) or 0
                for table in (EntityRow, StatementRow, FigureRow, EventRow)
            }

    def statements(self, doc_id: str) -> list[dict[str, Any]]:
        with Session(self.engine) as s:
            rows = s.scalars(
                select(StatementRow)
                .where(StatementRow.document_id == doc_id)
                .order_by(StatementRow.content_start)
            )
            return [
                {
                    "speaker": {
                        "text": r.speaker_text,
                        "start": r.speaker_start,
                        "end": r.speaker_end,
                        "entity": r.speaker_name,
                    },
                    "cue": {"text": r.cue_text, "start": r.cue_start, "end": r.cue_end},
                    "content": {
                        "text": r.content_text,
                        "start": r.content_start,
                        "end": r.content_end,
                    },
                    "direct": r.direct,
                }
                for r in rows
            ]
