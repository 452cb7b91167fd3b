"""General English word lists the rules use. Case-specific terms live in case packs."""

from __future__ import annotations

# Verbs that introduce attributed speech or a stated position (lemmas).
CUE_VERBS = frozenset(
    "say tell state add note explain write report announce declare claim insist maintain argue "
    "assert allege contend deny reject refute dismiss rebut dispute warn urge call demand "
    "appeal plead ask request invite accuse blame charge condemn criticise criticize denounce "
    "deplore decry slam describe characterise characterize label brand term confirm "
    "acknowledge admit concede reveal disclose estimate predict promise pledge vow threaten "
    "stress emphasise emphasize underline suggest recommend propose conclude find document "
    "cite complain protest lament welcome praise".split()
)

# Verbs that are cues only with a particle or preposition: "call on", "call for".
PHRASAL_CUES = {"call": {"on", "for", "upon"}}

# Cues that need a clause or an object to be speech, not an act ("find" a body).
NEEDS_CLAUSE = frozenset(
    {
        "find",
        "report",
        "document",
        "reveal",
        "estimate",
        "welcome",
        "praise",
        "admit",
        "protest",
        "charge",
    }
)

PRONOUNS_SINGULAR = frozenset({"he", "she", "him", "her"})
PRONOUNS_PLURAL = frozenset({"they", "we", "them"})

QUALIFIERS: dict[str, str] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "not less than": "at_least",
    "not fewer than": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "well over": "more_than",
    "some": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "an approximate": "about",
    "circa": "about",
    "up to": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "a maximum of": "at_most",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "just under": "less_than",
}

NUMBER_WORDS: dict[str, int] = {
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
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
    "k": 1_000,
}
# Vague plurals, valued as twice the unit ("dozens" = 24), the convention of the gold sets.
VAGUE: dict[str, int] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
}
CURRENCIES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₹": "INR",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "CNY": "CNY",
}
