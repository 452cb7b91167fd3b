"""Case packs: data files of names, spellings and groups, loaded by name.

A pack is ``packs/<name>/pack.json``. ``base`` holds general knowledge and is
always loaded first; a case (``xinjiang``) adds its own. Adding a case means
adding a folder here, not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sourcebook.errors import ConfigError

PACKS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class KnownEntity:
    name: str
    type: str  # person, organization, place, group, facility
    aliases: tuple[str, ...] = ()
    iso: str | None = None


@dataclass
class Pack:
    names: list[str] = field(default_factory=list)
    entities: list[KnownEntity] = field(default_factory=list)
    not_groups: set[str] = field(default_factory=set)
    not_entities: set[str] = field(default_factory=set)
    place_words: set[str] = field(default_factory=set)
    event_terms: dict[str, set[str]] = field(default_factory=dict)

    def merge(self, data: dict) -> None:
        self.names.append(data["name"])
        for item in data.get("entities", []):
            self.entities.append(
                KnownEntity(
                    item["name"], item["type"], tuple(item.get("aliases", [])), item.get("iso")
                )
            )
        for item in data.get("groups", []):
            self.entities.append(KnownEntity(item["name"], "group", tuple(item.get("aliases", []))))
        self.not_groups |= set(data.get("not_groups", []))
        self.not_entities |= set(data.get("not_entities", []))
        self.place_words |= set(data.get("place_words", []))
        for event_type, terms in data.get("event_terms", {}).items():
            self.event_terms.setdefault(event_type, set()).update(terms)


def available() -> list[str]:
    return sorted(p.parent.name for p in PACKS_DIR.glob("*/pack.json"))


@lru_cache(maxsize=8)
def load_pack(*names: str) -> Pack:
    """The base pack merged with the named case packs, in order."""
    pack = Pack()
    for name in ("base", *[n for n in names if n != "base"]):
        path = PACKS_DIR / name / "pack.json"
        if not path.is_file():
            raise ConfigError(
                f"no case pack named {name!r}", hint="available: " + ", ".join(available())
            )
        try:
            pack.merge(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"case pack {name!r} is malformed ({path}): {exc}") from exc
    return pack
