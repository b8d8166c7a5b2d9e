"""Load the actor data files once: known actors, countries, demonyms, role nouns, names.

Every table lives under ``dateline/data/actors/`` as JSON or TSV written by the dateline authors;
this module only reads them (plus pycountry's ISO names) into lookup dicts, cached per process.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

DATA = "dateline.data"


def _read(name: str) -> str:
    return resources.files(DATA).joinpath("actors", name).read_text("utf-8")


def _rows(name: str) -> list[list[str]]:
    out = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


@dataclass(frozen=True, slots=True)
class KnownActor:
    """One entry of ``known_actors.json``."""

    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    office: str | None = None
    years: str | None = None
    cameo: str | None = None
    aliases: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    surname: str | None = None
    surname_alone: bool = True
    region: bool = False
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A role noun ("minister", "forces") with its sector, kind (person|org|group) and gender."""

    noun: str
    sector: str | None
    kind: str
    gender: str | None


@dataclass(slots=True)
class Lexicon:
    """All actor lookups, keyed for fast matching on token text."""

    known: list[KnownActor] = field(default_factory=list)
    # alias (exact text, and lower-cased for long forms) -> KnownActor
    alias: dict[str, KnownActor] = field(default_factory=dict)
    alias_lower: dict[str, KnownActor] = field(default_factory=dict)
    surname: dict[str, KnownActor] = field(default_factory=dict)
    # every known person by surname, including those too common to link alone ("Bush")
    surname_all: dict[str, list[KnownActor]] = field(default_factory=dict)
    # first token of an alias -> max alias length in tokens (space-split), for gazetteer scans
    first_words: dict[str, int] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # lower name -> iso3
    canonical: dict[str, str] = field(default_factory=dict)  # iso3 -> display name
    demonyms: dict[str, str] = field(default_factory=dict)  # lower demonym -> iso3
    capitals: dict[str, str] = field(default_factory=dict)  # lower city -> iso3
    roles: dict[str, RoleNoun] = field(default_factory=dict)  # lower noun (maybe multiword) -> RoleNoun
    title_words: frozenset = frozenset()
    named_type_nouns: frozenset = frozenset()  # "the bank" can stand for the one bank just named
    first_names: dict[str, str] = field(default_factory=dict)  # name -> m|f
    sector_cameo: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, list[KnownActor]] = field(default_factory=dict)  # "alliance" -> [NATO]
    region_demonyms: dict[str, KnownActor] = field(default_factory=dict)  # "european" -> Europe
    igo_words: dict[str, str] = field(default_factory=dict)  # "Community" -> institution
    # spaCy string-hash arrays for fast token scans (see DocContext.positions)
    group_noun_ids: object = None  # last words of group/org role nouns
    anaphor_noun_ids: object = None  # role nouns, IGO nouns, "country"/"nation"
    gaz_orth_ids: object = None  # first words of aliases, first names
    gaz_lower_ids: object = None  # one-word country names, demonyms and capitals
    surname_ids: object = None  # known surnames, as written and in capitals
    surname_lower_ids: object = None  # known surnames in lower case ("President obama")

    def country(self, text: str) -> str | None:
        """ISO3 for a country name or alias ("the United States" → USA), else None."""
        t = text.strip().lower().replace("’", "'")
        iso = self.country_names.get(t)
        if iso is None and t.startswith("the "):
            iso = self.country_names.get(t[4:])
        return iso

    def demonym(self, text: str) -> str | None:
        """ISO3 for a demonym or adjective ("Russian", "Ukrainians"), else None."""
        return self.demonyms.get(text.strip().lower())

    def known_actor(self, text: str) -> KnownActor | None:
        """The known actor with this exact alias (case-sensitive for short acronyms)."""
        t = text.strip().replace("’", "'")
        hit = self.alias.get(t)
        if hit is None and len(t) > 4:
            hit = self.alias_lower.get(t.lower())
        return hit


def _load_known(lex: Lexicon) -> None:
    data = json.loads(_read("known_actors.json"))
    for raw in data["actors"]:
        entry = KnownActor(
            name=raw["name"], kind=raw["kind"], country=raw.get("country"), sector=raw.get("sector"),
            gender=raw.get("gender"), office=raw.get("office"), years=raw.get("years"), cameo=raw.get("cameo"),
            aliases=tuple(raw.get("aliases", ())), nouns=tuple(raw.get("nouns", ())),
            surname=raw.get("surname"), surname_alone=raw.get("surname_alone", True), region=raw.get("region", False),
            demonyms=tuple(raw.get("demonyms", ())),
        )
        for word in entry.demonyms:
            lex.region_demonyms[word.lower()] = entry
        lex.known.append(entry)
        forms = [entry.name, *entry.aliases]
        for form in forms:
            lex.alias.setdefault(form, entry)
            if len(form) > 4:
                lex.alias_lower.setdefault(form.lower(), entry)
            words = form.split()
            lex.first_words[words[0]] = max(lex.first_words.get(words[0], 0), len(words))
        if entry.kind == "PERSON":
            sur = entry.surname or entry.name.split()[-1]
            if entry.surname_alone:
                lex.surname.setdefault(sur, entry)
            lex.surname_all.setdefault(sur, []).append(entry)
        for noun in entry.nouns:
            lex.nouns.setdefault(noun, []).append(entry)


def _load_countries(lex: Lexicon) -> None:
    import pycountry

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                lex.country_names.setdefault(value.lower(), c.alpha_3)
        lex.canonical.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
    for row in _rows("countries.tsv"):
        iso, name = row[0], row[1]
        lex.canonical[iso] = name
        lex.country_names[name.lower()] = iso
        if len(row) > 2 and row[2]:
            for alias in row[2].split("|"):
                lex.country_names[alias.lower()] = iso
    for row in _rows("demonyms.tsv"):
        word, iso = row[0], row[1]
        lex.demonyms[word.lower()] = iso
        if word[-1] in "ni" and " " not in word:
            lex.demonyms.setdefault(word.lower() + "s", iso)
    for row in _rows("capitals.tsv"):
        lex.capitals[row[0].lower()] = row[1]


def _load_roles(lex: Lexicon) -> None:
    for row in _rows("role_nouns.tsv"):
        noun, sector, kind, gender = (row + ["-"] * 4)[:4]
        lex.roles[noun] = RoleNoun(noun, None if sector == "-" else sector, kind, None if gender == "-" else gender)
    lex.title_words = frozenset(
        w.strip() for w in _read("title_words.txt").splitlines() if w.strip() and not w.startswith("#"))
    lex.named_type_nouns = frozenset(
        w.strip() for w in _read("named_type_nouns.txt").splitlines() if w.strip() and not w.startswith("#"))
    for row in _rows("first_names.tsv"):
        lex.first_names.setdefault(row[0], row[1])
    for row in _rows("igo_words.tsv"):
        lex.igo_words[row[0]] = row[1]
    for row in _rows("sector_codes.tsv"):
        lex.sector_cameo[row[0]] = row[1] if len(row) > 1 else ""


@functools.cache
def load_lexicon() -> Lexicon:
    """Return the actor lexicon (read once per process).

    >>> lex = load_lexicon()
    >>> lex.country("The United States"), lex.demonym("Ukrainian"), lex.known_actor("NATO").kind
    ('USA', 'UKR', 'IGO')
    """
    lex = Lexicon()
    _load_known(lex)
    _load_countries(lex)
    _load_roles(lex)
    _index_hashes(lex)
    return lex


def _index_hashes(lex: Lexicon) -> None:
    from dateline.actors.context import hashes

    plural = {n + "s" for n, r in lex.roles.items() if r.kind == "person" and " " not in n}
    lex.group_noun_ids = hashes([*(n.split()[-1] for n in lex.roles), *plural])
    lex.anaphor_noun_ids = hashes([*(n for n in lex.roles if " " not in n), *lex.nouns, "country", "nation"])
    lex.gaz_orth_ids = hashes([*lex.first_words, *lex.first_names])
    lex.surname_ids = hashes([*lex.surname, *(s.upper() for s in lex.surname)])
    lex.surname_lower_ids = hashes([s.lower() for s in lex.surname])
    lex.gaz_lower_ids = hashes([*(n for n in lex.country_names if " " not in n),
                                *(d for d in lex.demonyms if " " not in d),
                                *(c for c in lex.capitals if " " not in c)])
