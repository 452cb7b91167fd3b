#!/usr/bin/env python3
# Copied from the shared tools of the Sourcebook project (shared/tools/score_extraction.py) so
# the quality tests run from a fresh clone; keep it identical to the shared copy.
"""Score per-document extraction output against gold annotations.

Usage:
  score_extraction.py GOLD.json PRED.json        one document
  score_extraction.py GOLD_DIR PRED_DIR          every GOLD_DIR/x.json against PRED_DIR/x.json
  add --json to print the figures as one JSON object instead of a table.

A prediction is the JSON object that the project writes for one document
(see gold/README.md for the fields read here). Only the standard library is used.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

STOP = set(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "and", "or", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been", "as", "with", "its", "it", "their", "his", "her", "our", "we", "they", "he", "she", "who", "which"]
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
TYPE_GROUPS = {
    "person": "person",
    "per": "person",
    "organization": "organization",
    "organisation": "organization",
    "org": "organization",
    "place": "place",
    "gpe": "place",
    "loc": "place",
    "location": "place",
    "state": "place",
    "country": "place",
    "city": "place",
    "region": "place",
    "group": "group",
    "norp": "group",
    "ethnic_group": "group",
    "people": "group",
    "facility": "facility",
    "fac": "facility",
}
QUALIFIERS = {
    "exact": "exact",
    "equal": "exact",
    "=": "exact",
    "at_least": "at_least",
    "min": "at_least",
    ">=": "at_least",
    "more_than": "more_than",
    "over": "more_than",
    ">": "more_than",
    "at_most": "at_most",
    "max": "at_most",
    "<=": "at_most",
    "up_to": "at_most",
    "less_than": "less_than",
    "under": "less_than",
    "<": "less_than",
    "about": "about",
    "approximately": "about",
    "around": "about",
    "approx": "about",
    "~": "about",
    "range": "range",
    "between": "range",
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = (
        s.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    return re.sub(r"\s+", " ", s).strip().lower()


def toks(s: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", norm(s)) if t not in STOP}


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def field_text(x) -> str:
    if isinstance(x, dict):
        return x.get("text") or x.get("name") or ""
    return x or ""


def greedy(gold: list, pred: list, score) -> list[tuple[int, int]]:
    """One-to-one matching, best pairs first; score returns 0 for no match."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s > 0:
                cands.append((s, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def count(gold: list, pred: list, pairs) -> tuple[int, int, int]:
    """TP/FP/FN where a match with an optional gold item counts for nothing."""
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    tp = sum(1 for gi, _ in pairs if not gold[gi].get("optional"))
    fp = len(pred) - len(matched_p)
    fn = sum(1 for gi, g in enumerate(gold) if gi not in matched_g and not g.get("optional"))
    return tp, fp, fn


# ---- statements -------------------------------------------------------------


def content_overlap(g: dict, p: dict) -> float:
    gt, pt = toks(g["content"]), toks(field_text(p.get("content")))
    if not gt:  # content made of stop words only: compare the text itself
        return (
            1.0
            if norm(g["content"]) and norm(g["content"]) == norm(field_text(p.get("content")))
            else 0.0
        )
    if not pt:
        return 0.0
    inter = len(gt & pt)
    rec, prec = inter / len(gt), inter / len(pt)
    return (rec + prec) / 2 if rec >= 0.6 and prec >= 0.5 else 0.0


def speaker_ok(g: dict, p: dict) -> bool:
    sp = p.get("speaker") or {}
    said = [field_text(sp)]
    if isinstance(sp, dict):
        said += [sp.get("entity") or "", *(sp.get("aliases") or [])]
    gold_names = [g["speaker"], *g.get("speaker_aliases", [])]
    if not any(norm(n) for n in gold_names):
        return True  # gold has no stated source: any speaker will do
    gold_toks = set().union(*(toks(n) for n in gold_names)) - PRONOUNS
    if not gold_toks and norm(g["speaker"]) not in PRONOUNS:
        return True  # only a relative or possessive word ("who", "its"): nothing to check
    for s in said:
        st = toks(s) - PRONOUNS
        if st and st & gold_toks:
            return True
        if norm(s) in PRONOUNS and norm(g["speaker"]) in PRONOUNS:
            return True
    return False


def score_statements(gold: list, pred: list) -> dict:
    both = greedy(gold, pred, lambda g, p: content_overlap(g, p) if speaker_ok(g, p) else 0)
    content = greedy(gold, pred, content_overlap)
    direct_ok = sum(
        1
        for gi, pi in both
        if not gold[gi].get("optional")
        and bool(pred[pi].get("direct")) == bool(gold[gi].get("direct"))
    )
    tp, fp, fn = count(gold, pred, both)
    ctp, cfp, cfn = count(gold, pred, content)
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "content_tp": ctp,
        "content_fp": cfp,
        "content_fn": cfn,
        "direct_ok": direct_ok,
        "missed": [
            gold[i]["content"][:70]
            for i in range(len(gold))
            if i not in {gi for gi, _ in both} and not gold[i].get("optional")
        ],
    }


# ---- figures ----------------------------------------------------------------


def fig_value(p: dict):
    for k in ("value", "low", "high"):
        v = p.get(k)
        if isinstance(v, (int, float)):
            return float(v)
    return None


def fig_match(g: dict, p: dict) -> float:
    v = fig_value(p)
    if v is None or abs(v - g["value"]) > 0.005 * abs(g["value"]):
        return 0.0
    gt, pt = norm(g["text"]), norm(p.get("text") or "")
    return 2.0 if pt and (gt in pt or pt in gt) else 1.0


def qualifier_of(p: dict):
    return QUALIFIERS.get(norm(str(p.get("qualifier") or "exact")).replace(" ", "_"))


def score_figures(gold: list, pred: list) -> dict:
    pairs = greedy(gold, pred, fig_match)
    tp, fp, fn = count(gold, pred, pairs)
    real = [(gi, pi) for gi, pi in pairs if not gold[gi].get("optional")]
    qual_ok = sum(
        1 for gi, pi in real if qualifier_of(pred[pi]) == QUALIFIERS.get(gold[gi]["qualifier"])
    )
    subj_ok = strict = 0
    for gi, pi in real:
        gs, ps = toks(gold[gi]["subject"]), toks(field_text(pred[pi].get("subject")))
        if gs and len(gs & ps) / len(gs) >= 0.5:
            subj_ok += 1
            strict += qualifier_of(pred[pi]) == QUALIFIERS.get(gold[gi]["qualifier"])
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "qualifier_ok": qual_ok,
        "subject_ok": subj_ok,
        "strict_tp": strict,
        "missed": [
            gold[i]["text"]
            for i in range(len(gold))
            if i not in {gi for gi, _ in pairs} and not gold[i].get("optional")
        ],
    }


# ---- entities ---------------------------------------------------------------


def names(e: dict) -> set[str]:
    out = {norm(e.get("name") or "")}
    out |= {norm(a) for a in e.get("aliases") or []}
    out |= {re.sub(r"^the ", "", n) for n in list(out)}
    return {n for n in out if n}


def ent_match(g: dict, p: dict) -> float:
    if TYPE_GROUPS.get(norm(str(p.get("type")))) != TYPE_GROUPS.get(g["type"]):
        return 0.0
    shared = names(g) & names(p)
    return float(len(shared)) if shared else 0.0


def score_entities(gold: list, pred: list) -> dict:
    # only actor, place and group types are scored; dates, money etc. are not entities here
    pred = [p for p in pred if TYPE_GROUPS.get(norm(str(p.get("type"))))]
    pairs = greedy(gold, pred, ent_match)
    tp, fp, fn = count(gold, pred, pairs)
    # alias completeness: gold aliases (of matched, non-optional gold) that the matched prediction also lists
    want = got = 0
    for gi, pi in pairs:
        if gold[gi].get("optional"):
            continue
        gn = names(gold[gi])
        want += len(gn)
        got += len(gn & names(pred[pi]))
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "alias_want": want,
        "alias_got": got,
        "missed": [
            gold[i]["name"]
            for i in range(len(gold))
            if i not in {gi for gi, _ in pairs} and not gold[i].get("optional")
        ],
    }


# ---- driver -----------------------------------------------------------------


def score_doc(gold: dict, pred: dict) -> dict:
    return {
        "statements": score_statements(gold.get("statements", []), pred.get("statements") or []),
        "figures": score_figures(gold.get("figures", []), pred.get("figures") or []),
        "entities": score_entities(gold.get("entities", []), pred.get("entities") or []),
    }


def pairs_of(gold_arg: Path, pred_arg: Path):
    if gold_arg.is_dir():
        for g in sorted(gold_arg.glob("*.json")):
            yield g, pred_arg / g.name
    else:
        yield gold_arg, pred_arg


def main(argv: list[str]) -> int:
    as_json = "--json" in argv
    args = [a for a in argv if a != "--json"]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    totals: dict[str, dict[str, int]] = {}
    per_doc = {}
    for g, p in pairs_of(Path(args[0]), Path(args[1])):
        gold = json.loads(g.read_text(encoding="utf-8"))
        try:
            pred = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(
                f"{g.name}: no usable prediction at {p} ({exc}); counted as empty", file=sys.stderr
            )
            pred = {}
        res = score_doc(gold, pred)
        per_doc[g.stem] = res
        for part, r in res.items():
            t = totals.setdefault(part, {})
            for k, v in r.items():
                if isinstance(v, int):
                    t[k] = t.get(k, 0) + v
    summary = {}
    for part, t in totals.items():
        p, r, f = f1(t["tp"], t["fp"], t["fn"])
        summary[part] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), **t}
    if "statements" in totals:
        t = totals["statements"]
        summary["statements"]["content_f1"] = round(
            f1(t["content_tp"], t["content_fp"], t["content_fn"])[2], 3
        )
    if "figures" in totals:
        t = totals["figures"]
        # strict: the value, the qualifier and the subject all right
        summary["figures"]["strict_f1"] = round(
            f1(
                t["strict_tp"],
                t["tp"] + t["fp"] - t["strict_tp"],
                t["tp"] + t["fn"] - t["strict_tp"],
            )[2],
            3,
        )
    if as_json:
        print(json.dumps({"summary": summary, "documents": per_doc}, indent=1))
        return 0
    for doc, res in per_doc.items():
        for part, r in res.items():
            if r.get("missed"):
                print(f"{doc} {part} missed: {r['missed']}")
    for part, s in summary.items():
        extra = {k: v for k, v in s.items() if k not in ("precision", "recall", "f1", "missed")}
        print(f"{part:10s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  {extra}")
    line = " | ".join(f"{part} F1 {s['f1']:.3f}" for part, s in summary.items())
    print(f"overall: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
