"""Entities: fix the model's mentions, then merge the mentions of one actor into one entity.

Registered as the spaCy component ``sourcebook_entities`` (after ``ner``). It
sets ``doc._.sb_entities`` (a list of :class:`Entity`) and ``doc._.sb_mentions``
(token index → entity) for the later components.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sourcebook.extract.names import country_code, country_name, initials, is_acronym, key
from sourcebook.extract.spans import CharSpan, text_of
from sourcebook.packs import KnownEntity, load_pack

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
}

# A title or role right before a name: "Secretary of State Mike Pompeo", "Foreign Minister X".
TITLE = re.compile(
    r"(?:(?:U\.S\.|US|UN|U\.N\.|EU|[A-Z][a-z]+(?:'s|’s)?)\s+)?"
    r"(?:(?:Deputy|Acting|Vice|Former|former|Chief|Senior|Special|Foreign|Prime|Interior|"
    r"Defence|Defense|Justice|Home|Human Rights)\s+)*"
    r"(?:Secretary of State|Secretary-General|Secretary General|Secretary|President|Minister|"
    r"Ministry spokesperson|spokesperson|spokeswoman|spokesman|Spokesperson|Spokeswoman|"
    r"Spokesman|Ambassador|ambassador|Senator|Sen\.|Rep\.|Representative|Governor|Chairman|"
    r"Chairwoman|Director|director|Judge|Justice|Commissioner|High Commissioner|Rapporteur|"
    r"rapporteur|General|Gen\.|Colonel|Col\.|Mayor|Premier|Chancellor|King|Queen|Prince|"
    r"Sheikh|Pope|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Professor|Prof\.|lawyer|activist|researcher|"
    r"editor|journalist|leader|chief|head|official|envoy|Envoy)\s+$"
)
TITLE_WORDS = re.compile(
    r"\b(secretary|president|minister|spokesperson|spokeswoman|spokesman|ambassador|senator|"
    r"governor|chairman|chairwoman|director|judge|commissioner|rapporteur|general|mayor|"
    r"premier|chancellor|envoy|official|lawyer|activist|researcher|leader|chief|head)\b",
    re.IGNORECASE,
)
# "GREG BAKER/AFP via Getty Images": a photo credit names a person and agencies.
CREDIT = re.compile(
    r"\b([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)+)/([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*)"
    r"(?: via ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*))?"
)
FACILITY_SUFFIX = {
    "prison",
    "jail",
    "camp",
    "detention",
    "centre",
    "center",
    "hospital",
    "penitentiary",
    "colony",
}
PLACE_SUFFIX = {
    "region",
    "province",
    "state",
    "city",
    "county",
    "district",
    "camp",
    "prefecture",
    "governorate",
    "oblast",
    "town",
    "village",
}
ORG_SUFFIX = {"administration", "government", "regime", "authorities", "campaign"}


@dataclass
class Mention:
    start: int  # token indices
    end: int
    type: str
    span: CharSpan
    known: KnownEntity | None = None
    iso: str | None = None
    titled: str | None = None  # the title + name form, when the text has one


@dataclass
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    iso: str | None = None
    extra_aliases: list[str] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        seen = {key(self.name)}
        out = []
        for text in [m.span.text for m in self.mentions] + self.extra_aliases:
            text = re.sub(r"['’]s$", "", text)
            k = text.lower()
            if k not in seen and text:
                seen.add(k)
                out.append(text)
        return out

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "mentions": [m.span.to_dict() for m in self.mentions],
        }
        if self.iso:
            data["iso"] = self.iso
        return data


def headline_end(doc: Doc) -> int:
    """Character offset where a headline (a first line without final punctuation) ends, or 0."""
    first, sep, _ = text_of(doc).partition("\n")
    if sep and first.strip() and first.rstrip()[-1] not in '.!?"”’' and len(first) < 250:
        return len(first)
    return 0


class EntityComponent:
    def __init__(self, nlp: Language, packs: tuple[str, ...]) -> None:
        self.pack = load_pack(*packs)
        self.known: dict[str, KnownEntity] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entity in self.pack.entities:
            for alias in (entity.name, *entity.aliases):
                self.known.setdefault(key(alias), entity)
                self.matcher.add(entity.name, [nlp.make_doc(alias)])
        self._headline = 0  # where the current document's headline ends
        self.not_entities = {key(t) for t in self.pack.not_entities}
        self.not_groups = {key(t) for t in self.pack.not_groups}
        self.place_words = {key(t) for t in self.pack.place_words}
        for ext in ("sb_entities", "sb_mentions"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        entities = self._cluster(doc, mentions)
        doc._.sb_entities = entities
        index: dict[int, Entity] = {}
        for entity in entities:
            for m in entity.mentions:
                for i in range(m.start, m.end):
                    index[i] = entity
        doc._.sb_mentions = index
        return doc

    # -- mentions --------------------------------------------------------------

    def _mentions(self, doc: Doc) -> list[Mention]:
        taken: set[int] = set()
        out: list[Mention] = []

        def take(m: Mention) -> None:
            if any(i in taken for i in range(m.start, m.end)) or m.end <= m.start:
                return
            taken.update(range(m.start, m.end))
            out.append(m)

        # Longest span wins; at equal length a case-pack name (it knows Uyghurs are a
        # group and CCP a party) beats a photo credit, which beats the model's guess.
        candidates: list[tuple[int, int, Mention]] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            entity = self.known[key(span.text)]
            candidates.append(
                (
                    end - start,
                    0,
                    Mention(
                        start,
                        end,
                        entity.type,
                        CharSpan.of_span(span),
                        known=entity,
                        iso=entity.iso,
                    ),
                )
            )
        for span in self._credits(doc):
            candidates.append(
                (
                    len(span),
                    1,
                    Mention(span.start, span.end, str(span.label_), CharSpan.of_span(span)),
                )
            )
        cut = self._headline = headline_end(doc)
        body_names = {key(e.text): e.label_ for e in doc.ents if e.start_char > cut}
        for ent in doc.ents:
            for span in self._fix(doc, ent, body_names):
                m = self._typed(doc, span)
                if m is not None:
                    candidates.append((m.end - m.start, 2, m))
        for _, _, m in sorted(candidates, key=lambda c: (-c[0], c[1], c[2].start)):
            take(m)
        out.sort(key=lambda m: m.start)
        for m in out:
            if m.type == "person":
                m.titled = self._titled(doc, m)
        return out

    def _credits(self, doc: Doc) -> list[Span]:
        spans = []
        for match in CREDIT.finditer(text_of(doc)):
            for group, label in ((1, "person"), (2, "organization"), (3, "organization")):
                if match.group(group):
                    span = doc.char_span(
                        match.start(group), match.end(group), alignment_mode="expand"
                    )
                    if span is not None:
                        spans.append(Span(doc, span.start, span.end, label=label))
        return spans

    def _fix(self, doc: Doc, ent: Span, body_names: dict[str, str]) -> list[Span]:
        """The model's entity, corrected: dropped, split, extended or kept."""
        if ent.label_ not in LABEL_TYPES or key(ent.text) in self.not_entities:
            return []
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if (
            nxt is not None
            and nxt.text == "-"
            and ent.end + 1 < len(doc)
            and doc[ent.end + 1].is_lower
        ):
            return []  # "Turkic-speaking": a modifier, not an actor
        if ent.label_ in {"PERSON", "ORG"} and len(ent) == 1 and ent[0].tag_ in {"NN", "NNS"}:
            return []  # "Mosques", "Sinofication": common nouns the model capitalised
        before = text_of(doc)[max(0, ent.start_char - 40) : ent.start_char]
        bare = re.sub(r"^(the|a|an)\s+", "", ent.text)
        if not bare[:1].isupper() and not bare[:1].isdigit():
            return []  # "kingdom": the model's guess on a common word
        if ent.label_ == "ORG" and re.search(
            r"(Secretary|Minister|Ministry) of\s+(the\s+)?$", before
        ):
            return []  # the "State" of "Secretary of State"
        if ent.start_char < self._headline and key(ent.text) not in body_names:
            return self._split_headline(doc, ent, body_names)
        if "(" in ent.text:  # "Organisation of Islamic Cooperation (OIC"
            cut = next(t.i for t in ent if t.text == "(")
            parts = [Span(doc, ent.start, cut, label=ent.label_)] if cut > ent.start else []
            if cut + 1 < ent.end:
                parts.append(Span(doc, cut + 1, ent.end, label=ent.label_))
            return parts
        if (
            ent[-1].text in {"Photo", "Photos", "Images"}
            and len(ent) > 1
            and ent.text not in self.known
        ):
            return [Span(doc, ent.start, ent.end - 1, label="ORG")]  # "AP Photo": the agency
        if nxt is not None and nxt.lower_ in FACILITY_SUFFIX:
            return [Span(doc, ent.start, ent.end + 1, label="FAC")]  # "Evin prison"
        if ent.label_ == "PERSON" and ent[-1].text in {"State", "Province", "Region"}:
            return [Span(doc, ent.start, ent.end, label="GPE")]  # "Rakhine State"
        if "/" in ent.text:
            parts = []
            for tok_start, tok_end in _slash_parts(ent):
                parts.append(Span(doc, tok_start, tok_end, label=ent.label_))
            return parts
        if ent.label_ in {"PERSON", "ORG"} and nxt is not None and nxt.lower_ in PLACE_SUFFIX:
            return [Span(doc, ent.start, ent.end, label="GPE")]  # "Tigray region"
        if ent.label_ == "PERSON" and nxt is not None and nxt.lower_ in ORG_SUFFIX:
            return [Span(doc, ent.start, ent.end + 1, label="ORG")]
        return [ent]

    def _split_headline(self, doc: Doc, ent: Span, body_names: dict[str, str]) -> list[Span]:
        """Title case fools the model ("China Invites Pompeo" as one ORG): keep body names in it."""
        out = []
        i = ent.start
        while i < ent.end:
            for j in range(ent.end, i, -1):
                name = key(doc[i:j].text)
                if name in body_names or name in self.known:
                    out.append(Span(doc, i, j, label=body_names.get(name, ent.label_)))
                    i = j
                    break
            else:
                i += 1
        return out

    def _typed(self, doc: Doc, span: Span) -> Mention | None:
        label = span.label_
        etype = LABEL_TYPES.get(label, label if label in {"person", "organization"} else "")
        if not etype:
            return None
        text = span.text
        known = self.known.get(key(text))
        if known is not None:
            return Mention(
                span.start, span.end, known.type, CharSpan.of_span(span), known=known, iso=known.iso
            )
        iso = country_code(text, demonym=etype == "group") if etype in {"place", "group"} else None
        if etype == "group":
            if "-" in text.strip("-") and any(country_code(p) for p in text.split("-")):
                return None  # "U.S.-Chinese" relations: an adjective, not a group
            if iso:
                return Mention(span.start, span.end, "place", CharSpan.of_span(span), iso=iso)
            if key(text) in self.not_groups or not text[:1].isupper():
                return None
        if etype == "place" and iso is None and key(text) in self.not_groups:
            return None
        return Mention(span.start, span.end, etype, CharSpan.of_span(span), iso=iso)

    def _titled(self, doc: Doc, m: Mention) -> str | None:
        before = text_of(doc)[max(0, m.span.start - 80) : m.span.start]
        found = TITLE.search(before)
        if not found or (
            not TITLE_WORDS.search(found.group(0))
            and not re.search(r"(Mr|Mrs|Ms|Dr)\.?\s+$", found.group(0))
        ):
            return None
        start = m.span.start - len(before) + found.start()
        return text_of(doc)[start : m.span.end]

    # -- clustering ------------------------------------------------------------

    def _cluster(self, doc: Doc, mentions: list[Mention]) -> list[Entity]:
        # The model may call "Tigray" a person once and a place twice: a name keeps one type,
        # a place wins over a person (people are rarely named like the places around them).
        places = {key(m.span.text) for m in mentions if m.type == "place"}
        people = {key(m.span.text) for m in mentions if m.type == "person"}
        surnames = {p.split()[-1] for p in people if len(p.split()) > 1}
        votes: dict[str, dict[str, int]] = {}
        for m in mentions:
            if m.known is None and m.iso is None:
                tally = votes.setdefault(key(m.span.text), {})
                tally[m.type] = tally.get(m.type, 0) + 1
        for m in mentions:
            name = key(m.span.text)
            if m.known is not None or m.iso is not None:
                continue
            if m.type == "person" and name in places:
                m.type = "place"
            elif m.type in {"organization", "place"} and (name in surnames or name in people):
                m.type = "person"  # "Bachelet" after "Michelle Bachelet"
            elif len(votes.get(name, {})) > 1:
                m.type = max(votes[name].items(), key=lambda kv: kv[1])[0]
        groups: dict[tuple[str, str], list[Mention]] = {}
        for m in mentions:
            groups.setdefault(self._key(m), []).append(m)
        keys = list(groups)
        parent = {k: k for k in keys}

        def find(k: tuple[str, str]) -> tuple[str, str]:
            while parent[k] != k:
                k = parent[k]
            return k

        for small in keys:
            target = self._absorber(small, keys)
            if target is not None:
                parent[find(small)] = find(target)
        merged: dict[tuple[str, str], list[Mention]] = {}
        for group_key in keys:
            merged.setdefault(find(group_key), []).extend(groups[group_key])
        entities = []
        for n, (k, ms) in enumerate(
            sorted(merged.items(), key=lambda kv: min(m.start for m in kv[1])), 1
        ):
            ms.sort(key=lambda m: m.start)
            entity = Entity(
                id=f"e{n}",
                name=self._name(k, ms),
                type=k[0],
                mentions=ms,
                iso=next((m.iso for m in ms if m.iso), None),
            )
            entity.extra_aliases = [m.titled for m in ms if m.titled]
            entities.append(entity)
        return entities

    def _key(self, m: Mention) -> tuple[str, str]:
        if m.known is not None:
            return (m.known.type, "known:" + m.known.name)
        if m.iso:
            return ("place", "iso:" + m.iso)
        return (m.type, key(m.span.text))

    def _absorber(
        self, small: tuple[str, str], keys: list[tuple[str, str]]
    ) -> tuple[str, str] | None:
        """The one fuller name this name is a short form of, if exactly one."""
        etype, name = small
        if ":" in name:
            return None
        words = name.split()
        candidates = []
        for other in keys:
            if other == small or other[0] != etype:
                continue
            full = other[1].split(":", 1)[-1]
            full_words = full.split()
            if (
                (
                    etype == "person"
                    and len(words) == 1
                    and len(full_words) > 1
                    and words[0] in (full_words[0], full_words[-1])
                )
                or (
                    etype == "organization"
                    and (
                        (is_acronym(name.upper()) and initials(full.title()).lower() == name)
                        or (
                            len(words) >= 2
                            and len(full_words) > len(words)
                            and full.endswith(" " + name)
                        )
                        or (len(words) == 1 and len(full_words) > 1 and full_words[0] == name)
                    )
                )
                or (
                    etype == "place"
                    and full != name
                    and name.startswith(full + " ")
                    and name[len(full) + 1 :] in self.place_words
                )
            ):
                candidates.append(other)
        return candidates[0] if len(candidates) == 1 else None

    def _name(self, k: tuple[str, str], ms: list[Mention]) -> str:
        if ms[0].known is not None or any(m.known for m in ms):
            return next(m.known.name for m in ms if m.known is not None)
        iso = next((m.iso for m in ms if m.iso), None)
        if iso:
            return country_name(iso)
        texts = [re.sub(r"^(the|The)\s+|['’]s$", "", m.span.text) for m in ms]
        texts = [t.title() if t.isupper() and " " in t else t for t in texts]
        if k[0] == "organization":
            full = [t for t in texts if not is_acronym(t)]
            texts = full or texts
        return max(texts, key=lambda t: (len(t.split()), texts.count(t), -texts.index(t)))


def _slash_parts(ent: Span) -> list[tuple[int, int]]:
    parts, start = [], ent.start
    for tok in ent:
        if tok.text == "/":
            if tok.i > start:
                parts.append((start, tok.i))
            start = tok.i + 1
    if start < ent.end:
        parts.append((start, ent.end))
    return parts


@Language.factory("sourcebook_entities", default_config={"packs": ["xinjiang"]})
def make_entity_component(nlp: Language, name: str, packs: list[str]) -> EntityComponent:
    return EntityComponent(nlp, tuple(packs))
