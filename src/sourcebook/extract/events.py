"""Events: detentions, sanctions, letters, denials … with trigger, actors, targets, place, date.

Registered as the spaCy component ``sourcebook_events``. Trigger words come
from the case packs (``event_terms``); actors and targets from the parse;
dates are normalised with dateparser, relative ones anchored on the
document's publication date (when the output is built).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sourcebook.extract.entities import Entity
from sourcebook.extract.spans import CharSpan
from sourcebook.packs import load_pack


@dataclass
class Event:
    id: str
    type: str
    trigger: CharSpan
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_text: CharSpan | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "actors": self.actors,
            "targets": self.targets,
            "place": self.place,
            "date": self.date,
            "date_text": self.date_text.to_dict() if self.date_text else None,
        }


@lru_cache(maxsize=4096)
def normalise_date(text: str, anchor: str | None) -> str | None:
    import dateparser

    base = None
    if anchor:
        try:
            base = datetime.fromisoformat(anchor[:10] if len(anchor) >= 10 else anchor + "-01")
        except ValueError:
            base = None
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["year"] if base is None else [],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


class EventComponent:
    def __init__(self, nlp: Language, packs: tuple[str, ...]) -> None:
        pack = load_pack(*packs)
        self.lemmas: dict[str, str] = {}
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for event_type, terms in pack.event_terms.items():
            for term in terms:
                if " " in term or "-" in term:
                    self.phrases.add(event_type, [nlp.make_doc(term)])
                else:
                    self.lemmas.setdefault(term, event_type)
        if not Doc.has_extension("sb_events"):
            Doc.set_extension("sb_events", default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions: dict[int, Entity] = doc._.sb_mentions or {}
        triggers: list[tuple[str, Span]] = []
        taken: set[int] = set()
        for match_id, start, end in self.phrases(doc):
            triggers.append((doc.vocab.strings[match_id], doc[start:end]))
            taken.update(range(start, end))
        for tok in doc:
            if tok.i in taken or tok.pos_ not in {"VERB", "NOUN"}:
                continue
            event_type = self.lemmas.get(tok.lemma_.lower()) or self.lemmas.get(tok.lower_)
            if event_type:
                triggers.append((event_type, doc[tok.i : tok.i + 1]))
        events: list[Event] = []
        dates = [e for e in doc.ents if e.label_ == "DATE"]  # doc.ents is rebuilt on each access
        for event_type, span in sorted(triggers, key=lambda t: t[1].start):
            event = self._event(doc, event_type, span, mentions, dates)
            event.id = f"v{len(events) + 1}"
            events.append(event)
        doc._.sb_events = events
        return doc

    def _event(
        self, doc: Doc, event_type: str, span: Span, mentions: dict[int, Entity], dates: list[Span]
    ) -> Event:
        head = span.root
        verb = head if head.pos_ == "VERB" else head.head
        actors, targets = [], []
        for child in verb.children:
            ids = _entities_in(child, mentions)
            if child.dep_ in {"nsubj", "agent"}:
                actors += ids
            elif child.dep_ in {"dobj", "nsubjpass", "dative"}:
                targets += ids
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "on", "against"}:
                targets += _entities_in(child, mentions)
        sent = span.sent
        place = next(
            (
                mentions[t.i].id
                for t in sent
                if t.i in mentions
                and mentions[t.i].type == "place"
                and mentions[t.i].id not in actors
            ),
            None,
        )
        date_ent = next((e for e in dates if sent.start <= e.start < sent.end), None)
        date_text = CharSpan.of_span(date_ent) if date_ent is not None else None
        return Event(
            "",
            event_type,
            CharSpan.of_span(span),
            _unique(actors),
            _unique(targets),
            place,
            None,
            date_text,
        )


def _entities_in(tok: Token, mentions: dict[int, Entity]) -> list[str]:
    return [mentions[t.i].id for t in tok.subtree if t.i in mentions]


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


@Language.factory("sourcebook_events", default_config={"packs": ["xinjiang"]})
def make_event_component(nlp: Language, name: str, packs: list[str]) -> EventComponent:
    return EventComponent(nlp, tuple(packs))
