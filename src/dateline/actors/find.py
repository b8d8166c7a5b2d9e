"""Find the actors of a parsed document: names → roles → clusters → coreference → `Actor` records.

Steps (each in its own module): `ner` reads candidate names from spaCy entities and the
gazetteer and corrects the model's mistakes; `roles` reads titles, appositives and demonym
phrases; this module clusters names into actors (surnames join full names, known actors join
their aliases); `coref` adds pronoun and role-noun mentions; `codes` assigns CAMEO codes.
IDs (A1, A2, ...) follow the order of first mention. The byline never becomes an actor.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.actors.codes import cameo_code
from dateline.actors.context import Candidate, DocContext, Entity, Ment, RoleInfo
from dateline.actors.coref import (MentionTable, resolve_first_person, resolve_pronouns, resolve_relatives,
                                   resolve_role_nouns, role_fits)
from dateline.actors.index import ActorIndex
from dateline.actors.lexicon import Lexicon
from dateline.actors.ner import find_candidates
from dateline.actors.roles import describe_title, appositive_after, appositive_before, group_phrases, title_before
from dateline.record import Actor, Document, Mention, Role

_FEMALE_TITLES = {"ms", "ms.", "mrs", "mrs.", "dame", "madam"}
_MALE_TITLES = {"mr", "mr.", "sir", "lord"}
_METONYMY_PREPS = {"for", "against", "with", "by", "on"}
_MOTION_VERBS = {"visit", "reach", "enter", "leave", "tour", "arrive", "fly", "travel", "return", "flee", "host",
                 "attack", "bomb", "shell", "strike", "hit", "capture", "take", "seize", "surround", "besiege"}


def find_actors(doc: Doc, *, document: Document, lexicon: Lexicon | None = None) -> ActorIndex:
    """Return the document's actors with their mentions, roles and codes.

    Args:
        doc: the parsed document (``load_nlp()(document.text)``).
        document: the ingested document; its byline spans are never actors.
        lexicon: the actor lexicon (default: the package's data files).

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Document
    >>> text = "U.S. Defense Secretary Pete Hegseth met NATO allies. Hegseth said he was hopeful."
    >>> index = find_actors(load_nlp()(text), document=Document(id="x", text=text))
    >>> [(a.id, a.name, a.country, a.sector, a.codes.get("cameo")) for a in index.actors][:2]
    [('A1', 'Pete Hegseth', 'USA', 'GOV', 'USAGOV'), ('A2', 'NATO', None, 'IGO', 'IGOWSTNAT')]
    >>> [m.how for m in index.actors[0].mentions]
    ['role', 'name', 'alias', 'pronoun']
    """
    excluded = tuple(tuple(b.span) for b in document.byline)
    dateline = tuple(document.dateline.span) if document.dateline else None
    ctx = DocContext(doc, excluded=excluded, dateline=dateline, lexicon=lexicon,
                     text=document.text if _same_length(doc, document.text) else None)
    cands = find_candidates(ctx)
    builder = _Builder(ctx, cands)
    builder.year = _year(document)
    builder.persons()
    builder.groups()
    builder.others()
    table = MentionTable(list(builder.entities.values()))
    resolve_pronouns(ctx, table)
    resolve_role_nouns(ctx, table, builder.entities, builder.country_entity, builder.group_entity)
    resolve_relatives(ctx, table)
    resolve_first_person(ctx, table)
    return ActorIndex(builder.actors(), excluded=excluded, dateline=dateline)


def _year(document: Document) -> int | None:
    """The publication year when the document carries a date (given or from metadata)."""
    pub = document.published
    if pub is None or not pub.value[:4].isdigit():
        return None
    return int(pub.value[:4])


def sector_at(known, year: int | None) -> str | None:
    """Sector of a known actor in a given year, from its terms of office ("2017-2021, 2025-").

    >>> from dateline.actors.lexicon import load_lexicon
    >>> trump = load_lexicon().known_actor("Donald Trump")
    >>> sector_at(trump, 2016), sector_at(trump, 2018), sector_at(trump, 2022), sector_at(trump, None)
    (None, 'GOV', 'ELI', 'GOV')
    """
    if year is None or not known.years or known.sector != "GOV":
        return known.sector
    terms = _terms(known.years)
    if not terms:
        return known.sector
    if any(a <= year <= b for a, b in terms):
        return known.sector
    return "ELI" if year > min(a for a, _ in terms) else None


def _terms(years: str | None) -> list[tuple[int, int]]:
    """Terms of office as (first, last) years: "2001-2009, 2025-" → [(2001, 2009), (2025, 9999)]."""
    out = []
    for part in (years or "").split(","):
        m = re.match(r"\s*(\d{4})?\s*(-)?\s*(\d{4})?\s*$", part)
        if m and (m.group(1) or m.group(3)):
            first = int(m.group(1) or 0)
            out.append((first, int(m.group(3) or (9999 if m.group(2) else first))))
    return out


def _same_length(doc: Doc, text: str) -> bool:
    """Cheap check that ``text`` is the parsed text (``doc.text`` would re-join every token)."""
    if not len(doc):
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


class _Builder:
    """Clusters candidates into entities and turns them into `Actor` records."""

    def __init__(self, ctx: DocContext, cands: list[Candidate]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = ctx.lex
        self.cands = cands
        self.owner = {i: c for c in cands if c.kind != "PERSON" for i in range(c.start, c.end)}
        self.countries = [c for c in cands if c.kind == "COUNTRY"]
        self.entities: dict[str, Entity] = {}
        self.year: int | None = None

    # -- mentions -------------------------------------------------------------------------------
    def _ment(self, start_tok: int, end_tok: int, how: str) -> Ment:
        span = self.doc[start_tok:end_tok]
        return Ment(span.start_char, span.end_char, span.text, how, span.root.i)

    def _entity(self, key: str, **kw) -> Entity:
        e = self.entities.get(key)
        if e is None:
            e = self.entities[key] = Entity(key=key, **kw)
        return e

    def country_entity(self, iso: str) -> Entity:
        """The COUNTRY entity for an ISO3 code (created on first use)."""
        return self._entity(f"C:{iso}", name=self.lex.canonical.get(iso, iso), kind="COUNTRY", country=iso)

    def group_entity(self, iso: str | None, sector: str | None, name: str) -> Entity:
        """The ORG entity for a country's institution ("Ukraine government"), shared with demonym phrases."""
        key = f"G:ORG:{iso}:{sector}:"
        return self._entity(key, name=name, kind="ORG", country=iso, sector=sector)

    # -- people ---------------------------------------------------------------------------------
    def persons(self) -> None:
        """Cluster PERSON candidates: full names, surnames and first names, known people.

        A lone surname goes to a full name with that surname in the document (the most recently
        mentioned one when several share it, "Mr."/"Ms." agreeing), else to a known person.
        """
        lex = self.lex
        people = [c for c in self.cands if c.kind == "PERSON"]
        full_by_surname: dict[str, list[str]] = {}
        full_by_first: dict[str, set[str]] = {}
        for c in people:
            words = c.text.split()
            if len(words) > 1:
                fulls = full_by_surname.setdefault(words[-1], [])
                if c.text not in fulls:
                    fulls.append(c.text)
                full_by_first.setdefault(words[0], set()).add(c.text)
        for first, fulls in full_by_first.items():
            if len(fulls) == 1 and first not in full_by_surname:
                full_by_surname[first] = [next(iter(fulls))]  # "Donald" alone after "Donald Trump"
        for c in people:
            words = c.text.split()
            known = lex.known_actor(c.text)
            if known is None and len(words) == 1:
                word = c.text.title() if (c.text.isupper() and len(c.text) > 3) or c.text.islower() else c.text
                # "PENCE:" in a transcript, "President obama" in a hurried post
                full = self._pick_full(c, full_by_surname.get(word, []))
                if full is not None:
                    known = lex.known_actor(full)
                    if known is None:
                        self._person_mention(self._entity(f"P:{full}", name=full, kind="PERSON"), c)
                        continue
                else:
                    known = lex.surname.get(word) or self._titled_surname(c, word)
                    if known is None and (iso := self._titled_country(c, word)):
                        self._person_mention(self._entity(f"P:{word}", name=word, kind="PERSON", country=iso), c)
                        continue
            if known is None and len(words) > 2:
                known = lex.known_actor(f"{words[0]} {words[-1]}")  # "Donald J. Trump"
            if known is None and len(words) > 1:
                earlier = self._longer_name(c.text)  # "de Gaulle" after "Charles de Gaulle"
                if earlier is not None:
                    self._person_mention(earlier, c)
                    continue
            if known is not None and known.kind == "PERSON":
                e = self._entity(f"K:{known.name}", name=known.name, kind="PERSON", known=known,
                                 country=known.country, sector=self._sector_then(known), gender=known.gender)
            else:
                e = self._entity(f"P:{c.text}", name=c.text, kind="PERSON")
            self._person_mention(e, c)

    def _titled_people(self, c: Candidate, word: str) -> list:
        """Known people with this surname when a title stands before it ("President Bush")."""
        people = [k for k in self.lex.surname_all.get(word, ()) if k.kind == "PERSON"]
        if not people or title_before(self.ctx, c.start, self.owner) is None:
            return []
        return people

    def _titled_surname(self, c: Candidate, word: str):
        """A surname too common to link alone, after a title, is the known person with that
        surname who held office in the article's year ("President Bush" in 2008), or the only one."""
        people = self._titled_people(c, word)
        if self.year is not None:
            serving = [k for k in people if any(a <= self.year <= b for a, b in _terms(k.years))]
            if len(serving) == 1:
                return serving[0]
        return people[0] if len(people) == 1 else None

    def _titled_country(self, c: Candidate, word: str) -> str | None:
        """The country all known people with this titled surname share ("President Bush", undated)."""
        countries = {k.country for k in self._titled_people(c, word)}
        return countries.pop() if len(countries) == 1 else None

    def _pick_full(self, c: Candidate, fulls: list[str]) -> str | None:
        """Which full name a lone surname means: gender agreeing with "Mr."/"Ms.", most recent."""
        title_gender = self._title_gender(c)
        own_title = self._title_word(c)
        best = None
        for full in fulls:
            if own_title is not None and self._titled_otherwise(full, c, own_title):
                continue  # "King Hussein ... President Saddam Hussein": another title, another person
            known = self.lex.known_actor(full)
            gender = known.gender if known is not None else self.lex.first_names.get(full.split()[0])
            if title_gender and gender and gender != title_gender:
                continue
            key = f"K:{known.name}" if known is not None else f"P:{full}"
            e = self.entities.get(key)
            last = max((m.start for m in e.mentions if m.start < c.char_start), default=-1) if e else -1
            if best is None or last > best[0]:
                best = (last, full)
        return best[1] if best else None

    def _title_word(self, c: Candidate) -> str | None:
        """The last word of the title right before a name ("president" in "Iraqi President")."""
        span = title_before(self.ctx, c.start, self.owner)
        return self.ctx.doc[span[1] - 1].lower_.rstrip(".") if span is not None else None

    def _titled_otherwise(self, full: str, c: Candidate, title: str) -> bool:
        """True when the full name first appears after ``c`` under a different title."""
        first = next((f for f in self.cands if f.kind == "PERSON" and f.text == full), None)
        if first is None or first.char_start < c.char_start:
            return False
        other = self._title_word(first)
        return other is not None and other != title

    def _title_gender(self, c: Candidate) -> str | None:
        if c.start > 0:
            low = self.doc[c.start - 1].lower_
            if low in _FEMALE_TITLES:
                return "f"
            if low in _MALE_TITLES:
                return "m"
        return None

    def _longer_name(self, text: str) -> Entity | None:
        for e in self.entities.values():
            if e.kind == "PERSON" and e.name.endswith(" " + text):
                return e
        return None

    def _sector_then(self, known) -> str | None:
        """The known person's sector when the article was published: GOV in office, ELI after it,
        unknown before it (PLOVER ELI = former officials). Without a date, the entry's sector."""
        return sector_at(known, self.year)

    def _person_mention(self, e: Entity, c: Candidate) -> None:
        ctx, doc = self.ctx, self.doc
        how = "name" if c.text == e.name else "alias"
        e.add(self._ment(c.start, c.end, how))
        if e.gender is None:
            e.gender = self._gender(c)
        title = title_before(ctx, c.start, self.owner)
        if title is not None:
            ctx.claim(*title)
            info = describe_title(ctx, title[0], title[1], self.owner)
            self._add_role(e, info)
            e.add(self._ment(title[0], title[1], "role"))  # "U.S. Defense Secretary" also names them
        if c.end + 1 < len(doc) and doc[c.end].lower_ == "of":  # "King Hassan of Morocco"
            of = self.owner.get(c.end + 1)
            if of is not None and of.kind == "COUNTRY" and e.country is None:
                e.country = of.iso
        app = appositive_before(ctx, c, self.countries, self.owner)
        if app is not None:
            ctx.claim(app[0], app[1])
            self._add_role(e, app[2])
            e.add(self._ment(app[0], app[1], "role"))
        after = appositive_after(ctx, c, self.owner)
        if after is not None:
            ctx.claim(after[0], after[1])
            self._add_role(e, after[2])
            e.add(self._ment(after[0], after[1], "role"))

    def _add_role(self, e: Entity, info: RoleInfo) -> None:
        if any(r.start == info.start for r in e.roles):
            return
        e.roles.append(info)
        if info.gender and e.gender is None:
            e.gender = info.gender

    def _gender(self, c: Candidate) -> str | None:
        doc = self.doc
        if c.start > 0 and doc[c.start - 1].lower_ in _FEMALE_TITLES:
            return "f"
        if c.start > 0 and doc[c.start - 1].lower_ in _MALE_TITLES:
            return "m"
        words = c.text.split()
        return self.lex.first_names.get(words[0]) if words else None

    # -- demonym phrases ------------------------------------------------------------------------
    def groups(self) -> None:
        ctx = self.ctx
        found = group_phrases(ctx, [c for c in self.cands if not ctx.is_claimed(c.start, c.end) or c.kind == "PERSON"])
        for cand, absorbed in found:
            ctx.claim(cand.start, cand.end)
            name = cand.text
            if cand.kind == "PERSON":  # an unnamed official: "the US commander" (or a named one seen before)
                earlier = self._earlier_official(cand)
                if earlier is not None:
                    det = cand.start - 1
                    earlier.add(self._ment(det, cand.end, "role"))
                    continue
                key = f"U:{cand.char_start}" if cand.indefinite else f"U:{name.lower()}"
            elif absorbed:
                key = f"G:{cand.kind}:{cand.iso}:{cand.sector}:{'pro' if cand.pro else ''}"
            else:
                key = f"B:{self.doc[cand.end - 1].lemma_.lower()}:{cand.iso}"
            e = self._entity(key, name=name, kind=cand.kind, country=cand.iso, sector=cand.sector,
                             plural=cand.kind == "GROUP")
            if cand.kind == "PERSON" and not e.roles:
                self._add_role(e, describe_title(ctx, cand.start, cand.end, self.owner))
            e.add(self._ment(cand.start, cand.end, "name" if cand.text == e.name else "alias"))

    def _earlier_official(self, cand: Candidate) -> Entity | None:
        """The named person "the Ukrainian president" refers back to: same country, fitting role."""
        if cand.start == 0 or self.doc[cand.start - 1].lower_ != "the":
            return None
        noun = self.doc[cand.end - 1].lower_
        best = None
        for e in self.entities.values():
            if e.kind != "PERSON" or not e.mentions or e.first() >= cand.char_start:
                continue
            country = next((r.country for r in e.roles if r.country), None) or e.country
            if (cand.iso is None or country == cand.iso) and role_fits(e, noun, []):
                last = max(m.start for m in e.mentions if m.start < cand.char_start)
                if best is None or last > best[0]:
                    best = (last, e)
        return best[1] if best else None

    # -- countries, organisations, IGOs, groups, demonyms ---------------------------------------
    def others(self) -> None:
        ctx, doc = self.ctx, self.doc
        for c in self.cands:
            if c.kind == "PERSON" or ctx.is_claimed(c.start, c.end):
                continue
            if c.kind == "COUNTRY":
                e = self.country_entity(c.iso)
                e.add(self._ment(c.start, c.end, "name" if c.text == e.name else "alias"))
            elif c.kind == "DEMONYM":
                if c.pro:
                    continue
                self.country_entity(c.iso).add(self._ment(c.start, c.end, "demonym"))
            elif c.kind == "PLACE":
                self.country_entity(c.iso).add(self._ment(c.start, c.end, "alias"))
            elif c.kind == "CAPITAL":  # the seat of government stands for its country: as a metonym
                # for the government ("Washington warned", "Moscow's response": PLOVER sector GOV) or
                # as the place an act is aimed at ("a protest in Beijing": the country, PLOVER's
                # recipient; as a modifier only of a named event or facility: "the Beijing Olympics");
                # "Moscow-based" and "the Paris attacks" (where, not who) are neither
                root = doc[c.start:c.end].root
                named = c.end < len(doc) and doc[c.end].ent_type_ in ("EVENT", "FAC")
                if root.dep_ in ("amod", "nmod", "npadvmod") or (root.dep_ == "compound" and not named) or \
                        (c.end < len(doc) and doc[c.end].text == "-"):
                    continue
                if root.dep_ in ("nsubj", "nsubjpass", "poss") or (
                        root.dep_ == "pobj" and root.head.lower_ in _METONYMY_PREPS) or (
                        root.dep_ == "dobj" and root.head.lemma_ not in _MOTION_VERBS):
                    name = f"{self.lex.canonical.get(c.iso, c.iso)} government"
                    self.group_entity(c.iso, "GOV", name).add(self._ment(c.start, c.end, "alias"))
                else:
                    self.country_entity(c.iso).add(self._ment(c.start, c.end, "alias"))
            elif c.known is not None:
                k = c.known
                e = self._entity(f"K:{k.name}", name=k.name, kind=k.kind, known=k, country=k.country,
                                 sector=k.sector, plural=k.kind == "GROUP" and not k.region)
                how = "demonym" if c.region_demonym else ("name" if c.text == k.name else "alias")
                e.add(self._ment(c.start, c.end, how))
            elif c.kind in ("ORG", "IGO", "GROUP"):
                e = self._org_alias(c.text)
                if e is None:
                    e = self._entity(f"O:{c.text.lower()}", name=c.text, kind=c.kind, country=c.iso, sector=c.sector)
                e.add(self._ment(c.start, c.end, "name" if c.text == e.name else "alias"))

    def _org_alias(self, text: str) -> Entity | None:
        """An earlier organisation this short form refers to: its last words ("the Post") or acronym."""
        words = text.split()
        for e in self.entities.values():
            if e.kind not in ("ORG", "IGO") or e.known is not None or e.name == text:
                continue
            full = e.name.split()
            if len(words) < len(full) and full[-len(words):] == words:
                return e
            initials = "".join(w[0] for w in full if w[0].isupper())
            if text.isupper() and len(text) > 1 and text == initials:
                return e
        return None

    # -- output ---------------------------------------------------------------------------------
    def actors(self) -> tuple[Actor, ...]:
        ents = [e for e in self.entities.values() if e.mentions]
        ents.sort(key=lambda e: e.first())
        out = []
        for n, e in enumerate(ents, 1):
            country, sector = e.country, e.sector
            if e.kind == "PERSON":
                role_country = next((r.country for r in e.roles if r.country), None)
                role_sector = next((r.sector for r in e.roles if r.sector), None)
                country = role_country or country
                sector = role_sector or sector
                if e.known is not None and e.known.sector == "IGO":
                    country, sector = None, "IGO"
            elif e.kind == "COUNTRY":
                sector = None
            roles = tuple(Role(r.text, (r.start, r.end), r.country, r.sector) for r in sorted(e.roles, key=lambda r: r.start))
            mentions = tuple(Mention((m.start, m.end), m.text, m.how) for m in sorted(e.mentions, key=lambda m: m.start))
            code = cameo_code(e.kind, country, sector, e.known.cameo if e.known else None)
            out.append(Actor(f"A{n}", e.name, e.kind, country, sector, roles, {"cameo": code} if code else {}, mentions))
        return tuple(out)
