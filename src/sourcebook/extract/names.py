"""Name keys and country look-ups shared by the entity components."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import countrynames

# Short names people use, where the ISO name is formal ("Russian Federation").
_COUNTRY_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "IR": "Iran",
    "KR": "South Korea",
    "KP": "North Korea",
    "SY": "Syria",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "VN": "Vietnam",
    "LA": "Laos",
    "MD": "Moldova",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "TW": "Taiwan",
    "PS": "Palestine",
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "CI": "Ivory Coast",
    "MM": "Myanmar",
    "SZ": "Eswatini",
    "MK": "North Macedonia",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "BN": "Brunei",
    "CV": "Cape Verde",
    "KG": "Kyrgyzstan",
}

# Everyday names pycountry does not list under the country.
_SHORT_NAMES = {name.lower() for name in _COUNTRY_NAMES.values()} | {
    "britain",
    "great britain",
    "america",
    "burma",
    "holland",
    "persia",
    "ivory coast",
    "east timor",
    "swaziland",
    "macedonia",
    "czechia",
    "kyrgyzstan",
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_THE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def key(name: str) -> str:
    """A comparison key: case, accents, quotes, a leading article and a possessive folded."""
    text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", _THE.sub("", text.strip()))
    return re.sub(r"\s+", " ", text).lower().strip(" .,")


@lru_cache(maxsize=4096)
def country_code(name: str, demonym: bool = False) -> str | None:
    """ISO 3166-1 alpha-2 code of a country's name (or, with ``demonym``, its adjective).

    countrynames also maps capitals to their country ("Moscow" → RU); a capital
    is a place of its own, so a name must also be a country name to pycountry,
    an abbreviation ("UK") or a state's formal name ("Republic of …").
    """
    import pycountry

    cleaned = _THE.sub("", name.translate(_QUOTES).strip())
    for candidate in (cleaned, cleaned.replace(".", "")):
        if not candidate or len(candidate) < 2:
            continue
        code = countrynames.to_code(candidate, fuzzy=False)
        if not code or len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            continue  # "EU", "XK": not an ISO country
        if (
            demonym
            or candidate.isupper()
            or re.search(r"\b(Republic|Kingdom|States|Federation|Emirates|Islands)\b", candidate)
        ):
            return code
        try:
            pycountry.countries.lookup(candidate)
        except LookupError:
            if candidate.lower() not in _SHORT_NAMES:
                continue
        return code
    return None


def country_name(code: str) -> str:
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def initials(name: str) -> str:
    """'Chinese Communist Party' -> 'CCP' (capitalised words only)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()
