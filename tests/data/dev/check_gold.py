#!/usr/bin/env python3
"""Check the hand-annotated development gold against its texts.

Usage: python tests/data/dev/check_gold.py [DEV_DIR]

For every gold/<stem>.json this verifies that
  - there is a text texts/<stem>.txt (and every text has a gold file),
  - the keys document, entities, statements and figures are present,
  - every entity alias, speaker, cue, content, figure text and figure subject
    is an exact substring of the text (entity names and speaker_aliases are
    canonical names and need not appear),
  - types, qualifiers, flags and values are well formed; a range has low/high
    and value == low; a figure written with digits or number words parses to
    its value; the qualifier agrees with a leading "at least", "more than" ...

Only the standard library is used. Exit status 1 when something is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTITY_TYPES = {"person", "organization", "place", "group", "facility"}
QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "less_than", "about", "range"}
TOP_KEYS = {"document", "entities", "statements", "figures"}

# leading words of a figure text -> the qualifier they call for
QUALIFIER_CUES = [
    ("at least", "at_least"),
    ("more than", "more_than"),
    ("over", "more_than"),
    ("up to", "at_most"),
    ("as many as", "at_most"),
    ("at most", "at_most"),
    ("fewer than", "less_than"),
    ("less than", "less_than"),
    ("under", "less_than"),
    ("about", "about"),
    ("around", "about"),
    ("nearly", "about"),
    ("almost", "about"),
    ("roughly", "about"),
    ("some", "about"),
    ("an estimated", "about"),
    ("approximately", "about"),
    ("between", "range"),
]

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a dozen": 12,
    "dozen": 12,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def parse_number(s: str):
    """The first number in s ("at least 1.5 million", "Twenty-two", "€280,000"), or None."""
    s = s.lower().replace("\u2011", "-")
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)(?:\s+and a half)?\s*(thousand|million|billion)?", s)
    if m:
        v = float(m.group(1).replace(",", ""))
        if "and a half" in m.group(0):
            v += 0.5
        return v * SCALES.get(m.group(2) or "", 1)
    m = re.search(
        r"\b(" + "|".join(TENS) + r")(?:-(" + "|".join(k for k in UNITS if " " not in k) + r"))?\b",
        s,
    )
    if m:
        return float(TENS[m.group(1)] + (UNITS[m.group(2)] if m.group(2) else 0))
    for k in sorted(UNITS, key=len, reverse=True):
        m = re.search(r"\b" + k + r"\b(?:\s+and a half)?\s*(thousand|million|billion)?", s)
        if m:
            v = UNITS[k] + (0.5 if "and a half" in m.group(0) else 0)
            return float(v) * SCALES.get(m.group(1) or "", 1)
    return None


def check_doc(gold_path: Path, text: str) -> list[str]:
    errs: list[str] = []
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"invalid JSON: {exc}"]
    missing = TOP_KEYS - gold.keys()
    if missing:
        errs.append(f"missing keys {sorted(missing)}")

    def sub(where: str, s, allow_empty: bool = False):
        if not isinstance(s, str):
            errs.append(f"{where}: not a string: {s!r}")
        elif not s and not allow_empty:
            errs.append(f"{where}: empty")
        elif s and s not in text:
            errs.append(f"{where}: not in text: {s!r}")

    def flag(where: str, item: dict):
        if "optional" in item and not isinstance(item["optional"], bool):
            errs.append(f"{where}: optional must be true/false")

    seen = set()
    for i, e in enumerate(gold.get("entities", [])):
        w = f"entity[{i}] {e.get('name')!r}"
        if not e.get("name"):
            errs.append(f"{w}: no name")
        if e.get("type") not in ENTITY_TYPES:
            errs.append(f"{w}: bad type {e.get('type')!r}")
        key = (str(e.get("name")).lower(), e.get("type"))
        if key in seen:
            errs.append(f"{w}: duplicate entity")
        seen.add(key)
        for a in e.get("aliases", []):
            sub(f"{w} alias", a)
        if e.get("name") not in text and not e.get("aliases"):
            errs.append(f"{w}: name not in text and no aliases")
        flag(w, e)

    for i, s in enumerate(gold.get("statements", [])):
        w = f"statement[{i}]"
        # a speaker may be empty only for sourceless passive reporting ("it was reported that")
        sub(f"{w} speaker", s.get("speaker"), allow_empty=True)
        if not s.get("speaker") and not s.get("optional"):
            errs.append(f"{w}: empty speaker on a non-optional statement")
        sub(f"{w} cue", s.get("cue"))
        sub(f"{w} content", s.get("content"))
        if not isinstance(s.get("direct"), bool):
            errs.append(f"{w}: direct must be true/false")
        al = s.get("speaker_aliases", [])
        if not isinstance(al, list) or not all(isinstance(a, str) and a for a in al):
            errs.append(f"{w}: speaker_aliases must be a list of names")
        flag(w, s)

    for i, f in enumerate(gold.get("figures", [])):
        w = f"figure[{i}] {f.get('text')!r}"
        sub(f"{w} text", f.get("text"))
        sub(f"{w} subject", f.get("subject"))
        q, v = f.get("qualifier"), f.get("value")
        if q not in QUALIFIERS:
            errs.append(f"{w}: bad qualifier {q!r}")
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            errs.append(f"{w}: value must be a number")
            continue
        if q == "range":
            lo, hi = f.get("low"), f.get("high")
            if not all(isinstance(x, (int, float)) for x in (lo, hi)) or not lo < hi or v != lo:
                errs.append(f"{w}: a range needs numeric low < high and value == low")
        elif "low" in f or "high" in f:
            errs.append(f"{w}: low/high only for ranges")
        t = str(f.get("text", ""))
        parsed = parse_number(t)
        if (
            parsed is not None
            and not f.get("optional")
            and abs(parsed - v) > 1e-6 * max(1.0, abs(v))
        ):
            errs.append(f"{w}: text reads as {parsed:g}, value is {v}")
        lead = t.lower()
        want = next((qq for cue, qq in QUALIFIER_CUES if lead.startswith(cue + " ")), None)
        if want and q != want and not f.get("optional"):
            errs.append(f"{w}: qualifier {q} but text suggests {want}")
        if want is None and q not in ("exact", "about") and not f.get("optional"):
            errs.append(f"{w}: qualifier {q} with no qualifying words in the text")
        if ("percent" in t.lower() or "%" in t) and f.get("unit") != "percent":
            errs.append(f"{w}: percentage without unit 'percent'")
        if re.search(r"[$€£]", t) and f.get("unit") not in ("USD", "EUR", "GBP"):
            errs.append(f"{w}: money without a currency unit")
        flag(w, f)
    return errs


def main(argv: list[str]) -> int:
    dev = Path(argv[0]) if argv else Path(__file__).resolve().parent
    texts, golds = dev / "texts", dev / "gold"
    text_stems = {p.stem for p in texts.glob("*.txt")}
    gold_stems = {p.stem for p in golds.glob("*.json")}
    problems = 0
    for stem in sorted(text_stems - gold_stems):
        print(f"{stem}: text without gold")
        problems += 1
    totals = {"entities": 0, "statements": 0, "figures": 0}
    optional = dict.fromkeys(totals, 0)
    for stem in sorted(gold_stems):
        tp = texts / f"{stem}.txt"
        if not tp.exists():
            print(f"{stem}: gold without text")
            problems += 1
            continue
        text = tp.read_text(encoding="utf-8")
        errs = check_doc(golds / f"{stem}.json", text)
        if not errs:
            gold = json.loads((golds / f"{stem}.json").read_text(encoding="utf-8"))
            doc = gold.get("document", "")
            if not str(doc).endswith(f"{stem}.txt"):
                errs.append(f"document {doc!r} does not name {stem}.txt")
            for part in totals:
                totals[part] += sum(1 for x in gold[part] if not x.get("optional"))
                optional[part] += sum(1 for x in gold[part] if x.get("optional"))
        for e in errs:
            print(f"{stem}: {e}")
        problems += len(errs)
    summary = ", ".join(f"{totals[p]} {p} (+{optional[p]} optional)" for p in totals)
    print(f"{len(gold_stems)} gold files, {summary}; {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
