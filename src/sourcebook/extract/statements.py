"""Statements: who said what. Registered as the spaCy component ``sourcebook_statements``.

Direct quotes are found in the text and attributed to the cue verb next to
them ("…,” Pompeo said; saying, “…”). Reported speech is read off the
dependency parse: a cue verb from the lexicon, its subject as speaker, its
clausal complement or object as content. Pronoun and title speakers are
resolved to the named person or group they refer to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sourcebook.extract.entities import TITLE_WORDS, Entity, headline_end
from sourcebook.extract.lexicon import (
    CUE_VERBS,
    NEEDS_CLAUSE,
    PHRASAL_CUES,
    PRONOUNS_PLURAL,
    PRONOUNS_SINGULAR,
)
from sourcebook.extract.quotes import Quote, find_quotes
from sourcebook.extract.spans import CharSpan, text_of

# Dependents that carry what was said; adverbials alone ("on Monday") carry nothing.
CORE_CONTENT = {"dobj", "xcomp", "ccomp", "attr", "oprd", "obj", "dative", "advcl", "acomp"}
# Verbs whose prepositional phrase is the content: "described the camps as …", "accused X of".
PREP_CONTENT = frozenset(
    {
        "describe",
        "characterise",
        "characterize",
        "accuse",
        "blame",
        "call",
        "condemn",
        "criticise",
        "criticize",
        "denounce",
        "label",
        "brand",
        "warn",
        "appeal",
        "plead",
        "complain",
        "protest",
        "rebut",
        "term",
    }
)
CONTENT_DEPS = {
    "dobj",
    "xcomp",
    "ccomp",
    "prep",
    "dative",
    "attr",
    "oprd",
    "acomp",
    "advcl",
    "npadvmod",
    "obj",
    "pobj",
    "prt",
}
SPEAKER_DEPS = {"nsubj", "nsubjpass"}
# text right after a quote that attributes it: ", she said", " said the minister"
_ATTRIBUTED = re.compile(
    r"^\s*[,.]?\s*(?:\w+\s+){0,4}?(?:said|says|added|told|stated|wrote|"
    r"warned|asked|insisted)\b"
)
HEADLINE_SAYS = re.compile(
    r"\b(Says|Say|Warns|Warn|Urges|Urge|Claims|Denies|Deny|Tells|Accuses|"
    r"Calls [Ff]or|Calls [Oo]n)\b"
)


@dataclass
class Statement:
    id: str
    speaker: CharSpan
    cue: CharSpan
    content: CharSpan
    direct: bool
    entity: Entity | None = None
    resolved: str | None = None  # the name a pronoun or title speaker refers to

    def to_dict(self) -> dict[str, object]:
        speaker: dict[str, object] = self.speaker.to_dict()
        if self.entity is not None:
            speaker["entity"] = self.entity.name
            speaker["entity_id"] = self.entity.id
            speaker["aliases"] = [
                a for a in [self.entity.name, *self.entity.aliases] if a != self.speaker.text
            ]
        elif self.resolved:
            speaker["entity"] = self.resolved
            speaker["aliases"] = [self.resolved]
        else:
            speaker["entity"] = None
        return {
            "id": self.id,
            "speaker": speaker,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "direct": self.direct,
        }


def is_cue(tok: Token) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in CUE_VERBS:
        return False
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL_CUES:
        deps = {c.dep_ for c in tok.children}
        # "called on X to …", or "called the ruling a travesty" (object and complement)
        return any(
            c.lower_ in PHRASAL_CUES[lemma] for c in tok.children if c.dep_ in {"prep", "prt"}
        ) or ("dobj" in deps and bool(deps & {"oprd", "ccomp", "xcomp"}))
    if lemma in NEEDS_CLAUSE:
        return any(c.dep_ in {"ccomp", "dobj"} for c in tok.children)
    return True


class StatementComponent:
    def __init__(self) -> None:
        if not Doc.has_extension("sb_statements"):
            Doc.set_extension("sb_statements", default=None)

    def __call__(self, doc: Doc) -> Doc:
        finder = _Finder(doc)
        doc._.sb_statements = finder.run()
        return doc


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quotes = find_quotes(text_of(doc))
        self.quote_starts = [q.start for q in self.quotes]
        self.contents: set[tuple[int, int]] = set()
        self.headline = headline_end(doc)
        self.used_cues: set[int] = set()
        self.found: list[Statement] = []
        self.mentions: dict[int, Entity] = doc._.sb_mentions or {}

    def run(self) -> list[Statement]:
        self._headline()
        for quote in self.quotes:
            self._direct(quote)
        for tok in self.doc:
            if tok.idx < self.headline or tok.i in self.used_cues or self._in_quote(tok.idx):
                continue
            if (
                tok.lower_ == "according"
                and tok.i + 1 < len(self.doc)
                and tok.nbor(1).lower_ == "to"
            ):
                self._according(tok)
            elif is_cue(tok):
                self._reported(tok)
        self.found.sort(key=lambda s: s.content.start)
        for n, statement in enumerate(self.found, 1):
            statement.id = f"s{n}"
        return self.found

    # -- helpers ---------------------------------------------------------------

    def _in_quote(self, char: int) -> bool:
        quote = self._quote_before(char)
        return quote is not None and quote.start < char < quote.end

    def _quote_at(self, char: int) -> Quote | None:
        quote = self._quote_before(char)
        return quote if quote is not None and quote.start <= char < quote.end else None

    def _quote_before(self, char: int) -> Quote | None:
        """The last quote opening at or before ``char`` (quotes do not overlap)."""
        i = bisect_right(self.quote_starts, char) - 1
        return self.quotes[i] if i >= 0 else None

    def _add(
        self,
        speaker_tokens: list[Token] | None,
        speaker: CharSpan | None,
        cue: CharSpan,
        content: CharSpan,
        direct: bool,
    ) -> None:
        if speaker is None and speaker_tokens:
            speaker = CharSpan.of_tokens(self.doc, speaker_tokens)
        if speaker is None or not speaker.text or len(content.text.split()) < 2:
            return
        if (content.start, content.end) in self.contents:
            return
        self.contents.add((content.start, content.end))
        entity, resolved = self._resolve(speaker, content)
        self.found.append(Statement("", speaker, cue, content, direct, entity, resolved))

    def _cue_span(self, verb: Token) -> CharSpan:
        parts = [c for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < verb.i]
        parts.append(verb)
        lemma = verb.lemma_.lower()
        parts += [
            c
            for c in verb.children
            if c.dep_ == "prt"
            or (lemma in PHRASAL_CUES and c.dep_ == "prep" and c.lower_ in PHRASAL_CUES[lemma])
        ]
        if lemma == "tell":
            parts += [
                c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i == verb.i + 1
            ]
        parts.sort(key=lambda t: t.i)
        # Keep the cue contiguous: from the first aux to the last particle.
        return CharSpan.of(self.doc, parts[0].idx, parts[-1].idx + len(parts[-1].text))

    def _subject(self, verb: Token) -> Token | None:
        tok: Token | None = verb
        for _ in range(4):
            if tok is None:
                return None
            subj = next((c for c in tok.children if c.dep_ in SPEAKER_DEPS), None)
            if subj is not None:
                if subj.dep_ == "nsubjpass" or subj.lower_ in {
                    "it",
                    "there",
                    "that",
                    "which",
                    "who",
                    "whom",
                }:
                    return None
                return subj
            if tok.dep_ in {"advcl", "conj"} and tok.head.i != tok.i:
                tok = tok.head
            else:
                return None
        return None

    def _speaker_tokens(self, subj: Token) -> list[Token]:
        """The subject phrase without what follows a comma ("countries, including …")."""
        keep = [subj]
        for child in subj.children:
            if child.i < subj.i:
                keep.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ == "of":
                clause = {
                    t.i for c in child.subtree if c.dep_ in {"relcl", "acl"} for t in c.subtree
                }
                keep.extend(t for t in child.subtree if t.i not in clause)
            elif child.dep_ in {"compound", "flat", "nmod"}:
                keep.extend(child.subtree)
        return sorted(set(keep), key=lambda t: t.i)

    # -- headlines -------------------------------------------------------------

    def _headline(self) -> None:
        if not self.headline:
            return
        line = text_of(self.doc)[: self.headline]
        m = HEADLINE_SAYS.search(line)
        if not m:
            return
        before, after = line[: m.start()].rstrip(), line[m.end() :].strip()
        cue = CharSpan.of(self.doc, m.start(), m.end())
        if "," in before:  # "Content, UN Says"
            comma = before.rindex(",")
            speaker = before[comma + 1 :].strip()
            if speaker and len(speaker.split()) <= 5 and not after:
                start = line.index(speaker, comma)
                self._add(
                    None,
                    CharSpan.of(self.doc, start, start + len(speaker)),
                    cue,
                    CharSpan.of(self.doc, 0, comma),
                    direct=False,
                )
        elif before and len(before.split()) <= 5 and after:  # "UN Says Content"
            start = m.end() + (len(line[m.end() :]) - len(line[m.end() :].lstrip()))
            self._add(
                None,
                CharSpan.of(self.doc, 0, len(before)),
                cue,
                CharSpan.of(self.doc, start, self.headline),
                direct=False,
            )

    # -- direct quotes ---------------------------------------------------------

    def _direct(self, quote: Quote) -> None:
        doc = self.doc
        after = doc.char_span(
            quote.end, min(len(text_of(doc)), quote.end + 80), alignment_mode="contract"
        )
        cue = None
        if after is not None:
            for tok in after[:8]:
                if tok.text in {".", "!", "?"} or tok.text in {"“", '"'}:
                    break
                if is_cue(tok):
                    cue = tok
                    break
        if cue is None:  # 'X said: "…"' or 'saying, “…”'
            before = doc.char_span(
                max(0, quote.start - 120), quote.start, alignment_mode="contract"
            )
            gap = [t for t in before if not t.is_space] if before is not None else []
            if gap:
                gap_end = gap[-1]
                if gap_end.text in {":", ","} or is_cue(gap_end):
                    for tok in reversed(gap[-6:]):
                        if is_cue(tok):
                            cue = tok
                            break
        if cue is None or cue.i in self.used_cues:
            return
        subj = self._subject(cue)
        if subj is None:
            return
        end_quote = quote
        # “A,” she said, “B.” or “A,” she said. “B.” — the second part is the same
        # statement, unless it carries an attribution of its own.
        nxt = next((q for q in self.quotes if q.start >= quote.end), None)
        if (
            nxt is not None
            and quote.end <= cue.idx < nxt.start
            and nxt.start - quote.end < 80
            and text_of(doc)[quote.end : nxt.start].rstrip()[-1:] in {",", "."}
            and not _ATTRIBUTED.match(text_of(doc)[nxt.end : nxt.end + 60])
        ):
            end_quote = nxt
        self.used_cues.add(cue.i)
        content = CharSpan(
            quote.inner_start,
            end_quote.inner_end,
            text_of(doc)[quote.inner_start : end_quote.inner_end],
        )
        self._add(self._speaker_tokens(subj), None, self._cue_span(cue), content, direct=True)

    # -- reported speech -------------------------------------------------------

    def _reported(self, verb: Token) -> None:
        if verb.dep_ in {"amod", "acl"} and verb.tag_ == "VBN":
            return  # "officials accused of …": a description, not a statement
        if any(c.dep_ == "auxpass" for c in verb.children):
            return
        subj = self._subject(verb)
        if subj is None:
            return
        content = self._content(verb)
        if content is None:
            return
        quote = self._quote_at(content.start)
        if quote is not None and content.end <= quote.end:
            return  # the direct pass owns it
        self.used_cues.add(verb.i)
        self._add(self._speaker_tokens(subj), None, self._cue_span(verb), content, direct=False)

    def _content(self, verb: Token) -> CharSpan | None:
        lemma = verb.lemma_.lower()
        ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
        ccomp = next((c for c in ccomps if c.i > verb.i), None)
        roots = (
            [ccomp]
            if ccomp is not None
            else [
                c
                for c in verb.children
                if c.i > verb.i
                and c.dep_ in CONTENT_DEPS
                and (c.dep_ != "prep" or lemma in PREP_CONTENT or c.lower_ in {"that", "about"})
                and not (c.dep_ in {"advcl", "conj"} and is_cue(c))
                and not (
                    c.dep_ == "prep"
                    and lemma in PHRASAL_CUES
                    and c.lower_ in PHRASAL_CUES[lemma]
                    and not list(c.children)
                )
            ]
        )
        if not any(r.dep_ in CORE_CONTENT for r in roots) and ccomps:
            # "Saudi border guards have killed hundreds, Human Rights Watch said on Monday."
            roots = [ccomps[0]]
        if not roots or not any(r.dep_ in CORE_CONTENT or r.dep_ == "prep" for r in roots):
            return None  # "said on Monday": no words of the speaker's here
        if verb.lemma_.lower() == "tell" and ccomp is None:
            return None
        if verb.lemma_.lower() == "accuse":
            # "accused X of Y": Y is what was said; X, if named, is kept ahead of it.
            roots = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "prep"}]
        tokens: set[int] = set()
        for root in roots:
            tokens.update(range(root.left_edge.i, root.right_edge.i + 1))
        sent_end = verb.sent.end
        tokens = {i for i in tokens if i < sent_end}
        if verb.lemma_.lower() in PHRASAL_CUES:
            tokens.discard(
                next(
                    (
                        c.i
                        for c in verb.children
                        if c.dep_ in {"prep", "prt"}
                        and c.lower_ in PHRASAL_CUES[verb.lemma_.lower()]
                    ),
                    -1,
                )
            )
        if not tokens:
            return None
        self._drop_asides(tokens)
        if not tokens:
            return None
        ordered = sorted(tokens)
        run = [ordered[0]]
        for i in ordered[1:]:
            # a comma the parser hung on the verb does not end the content
            if any(j not in tokens and not self.doc[j].is_punct for j in range(run[-1] + 1, i)):
                break
            run.extend(range(run[-1] + 1, i + 1))
        run = self._close_quote(run, sent_end)
        toks = [self.doc[i] for i in run]
        while toks and (toks[0].lower_ in {"that", "whether", ":"} or toks[0].is_punct):
            toks = toks[1:]
        while toks and toks[-1].is_punct and toks[-1].text not in {"”", '"', "’"}:
            toks = toks[:-1]
        if len(toks) < 2:
            return None
        return CharSpan.of_tokens(self.doc, toks)

    def _close_quote(self, run: list[int], sent_end: int) -> list[int]:
        """A content that stops inside quoted words runs on to the closing quote mark."""
        text = self.doc[run[0] : run[-1] + 1].text
        if text.count('"') % 2 == 0 and text.count("“") <= text.count("”"):
            return run
        for j in range(run[-1] + 1, sent_end):
            if self.doc[j].text in {'"', "”"}:
                end = j
                while end + 1 < sent_end and not self.doc[end + 1].is_punct:
                    end += 1
                return list(range(run[0], end + 1))
        return run

    def _drop_asides(self, tokens: set[int]) -> None:
        """Non-restrictive clauses after a comma (", where China is accused …") are the
        reporter's context, not the speaker's words; so are nested cues beside the content."""
        for i in sorted(tokens):
            tok = self.doc[i]
            if i not in tokens:
                continue
            left = tok.left_edge.i
            after_comma = left > 0 and self.doc[left - 1].text in {",", "—", "–", "("}
            if (tok.dep_ == "relcl" and after_comma) or (
                tok.dep_ in {"advcl", "conj", "relcl"} and is_cue(tok)
            ):
                start = left - 1 if after_comma else left
                for j in range(start, tok.right_edge.i + 1):
                    tokens.discard(j)

    def _according(self, tok: Token) -> None:
        doc = self.doc
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        sent = tok.sent
        phrase_end = max(t.i for t in pobj.subtree) + 1
        if tok.i == sent.start or doc[tok.i - 1].is_punct:
            # "According to X, content." or "…, according to X, content"
            rest = [t for t in sent if t.i >= phrase_end and not (t.i == phrase_end and t.is_punct)]
            if tok.i > sent.start and (not rest or all(t.is_punct for t in rest)):
                rest = [t for t in sent if t.i < tok.i - 1]
        else:
            rest = [t for t in sent if t.i < tok.i]
        while rest and rest[-1].is_punct:
            rest = rest[:-1]
        content = CharSpan.of_tokens(doc, rest)
        if content is None:
            return
        speaker = CharSpan.of_tokens(doc, self._speaker_tokens(pobj))
        cue = CharSpan.of(doc, tok.idx, to.idx + len(to.text))
        self._add(None, speaker, cue, content, direct=False)

    # -- speaker resolution ----------------------------------------------------

    def _resolve(self, speaker: CharSpan, content: CharSpan) -> tuple[Entity | None, str | None]:
        doc = self.doc
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None:
            return None, None
        for tok in span:
            # a place inside a speaker phrase ("Myanmar's government") is not the speaker,
            # unless it is the phrase's head ("Beijing says")
            entity = self.mentions.get(tok.i)
            if entity is not None and (entity.type != "place" or tok.i == span.root.i):
                return entity, None
        words = speaker.text.lower()
        if words in PRONOUNS_SINGULAR or (TITLE_WORDS.search(words) and len(span) <= 6):
            person = self._recent_person(speaker.start, content)
            if person is not None:
                return person, None
        if words in PRONOUNS_PLURAL:
            return None, self._recent_plural(span)
        for tok in span:
            if tok.i in self.mentions:
                return self.mentions[tok.i], None
        return None, None

    def _recent_person(self, before: int, content: CharSpan) -> Entity | None:
        """The person a pronoun or title refers to: the last one named before it, not one
        the statement is about; failing that, the first named in the next sentence
        ("A spokesperson has invited … Hua Chunying told reporters …")."""
        in_content = {
            e.id for i, e in self.mentions.items() if content.start <= self.doc[i].idx < content.end
        }
        people = sorted(
            (i, e)
            for i, e in self.mentions.items()
            if e.type == "person" and e.id not in in_content
        )
        earlier = [e for i, e in people if self.doc[i].idx < before]
        if earlier:
            return earlier[-1]
        limit = content.end + 400
        later = [e for i, e in people if content.end <= self.doc[i].idx < limit]
        return later[0] if later else None

    def _recent_plural(self, span: Span) -> str | None:
        """'they' in "the ambassadors of 22 countries …, they cited": the nearest plural actor."""
        chunks = [
            c
            for c in self.doc[span.sent.start : span.start].noun_chunks
            if c.root.tag_ in {"NNS", "NNPS"} and c.root.dep_ in {"pobj", "nsubj"}
        ]
        # the agent of the sentence ("endorsed by the ambassadors of …") first
        chunks.sort(key=lambda c: (c.root.head.lower_ == "by", c.start))
        if chunks:
            found = CharSpan.of_tokens(self.doc, self._speaker_tokens(chunks[-1].root))
            return found.text if found else None
        for statement in reversed(self.found):
            if (
                statement.speaker.start < span.start_char
                and statement.speaker.text.lower() not in PRONOUNS_PLURAL
            ):
                return statement.speaker.text
        return None


@Language.factory("sourcebook_statements")
def make_statement_component(nlp: Language, name: str) -> StatementComponent:
    return StatementComponent()
