"""In-document coreference: pronouns and definite role nouns linked to the actors named before.

Pronouns (he/she/they/its families) go to the most salient compatible antecedent: agreement in
gender and number, nearest sentence first, grammatical subjects preferred. A third-person
pronoun inside a direct quote never refers to that quote's speaker (in “He intends ...,” Hegseth
said, "He" is someone else). Role nouns ("the minister", "the ministry", "the alliance", "the
country", "his country") link to the most recent actor whose role, name or entry fits; a bare
"the bank", "the agency" (nouns in ``named_type_nouns.txt``) to the one organisation named in
that or the previous sentence. A relative pronoun ("the senator, who said", "the agency, which
announced") refers to the noun its clause hangs from, and "I"/"me"/"my" inside a quotation to the
one actor named as saying it.
"""
from __future__ import annotations

import bisect

from dateline.actors.context import DocContext, Entity, Ment, hashes

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
    "its": "n",
}
_PRONOUN_IDS = hashes(PRONOUNS)
_RELATIVES = {"who", "whom", "whose", "which", "that"}
_RELATIVE_IDS = hashes(_RELATIVES)
_FIRST_PERSON = {"i", "me", "my", "myself", "mine"}
_FIRST_PERSON_IDS = hashes(_FIRST_PERSON)
_SUBJ = {"nsubj", "nsubjpass"}
_COUNTRY_NOUNS = {"country", "nation"}
_MAX_SENTS = 3


class MentionTable:
    """All mentions so far in text order, with their entity, for antecedent search."""

    def __init__(self, entities: list[Entity]) -> None:
        pairs = sorted(((m.start, m, e) for e in entities for m in e.mentions), key=lambda p: p[0])
        self.starts = [p[0] for p in pairs]
        self.items = [(p[1], p[2]) for p in pairs]

    def add(self, m: Ment, e: Entity) -> None:
        e.add(m)
        i = bisect.bisect_left(self.starts, m.start)
        self.starts.insert(i, m.start)
        self.items.insert(i, (m, e))

    def before(self, char: int):
        """Mentions starting before ``char``, nearest first."""
        i = bisect.bisect_left(self.starts, char)
        for k in range(i - 1, -1, -1):
            yield self.items[k]

    def entity_at(self, start: int, end: int) -> Entity | None:
        for m, e in self.items:
            if m.start == start and m.end == end:
                return e
        return None

    def entity_covering(self, char: int) -> Entity | None:
        """The entity of the shortest mention that contains the character offset ``char``."""
        best = None
        for m, e in self.before(char + 1):
            if m.start <= char < m.end and (best is None or m.end - m.start < best[0]):
                best = (m.end - m.start, e)
        return best[1] if best else None


def is_subject(ctx: DocContext, m: Ment) -> bool:
    """True when the mention heads a clause subject (or an appositive of one)."""
    tok = ctx.doc[m.root]
    if tok.dep_ in _SUBJ:
        return True
    return tok.dep_ in ("appos", "compound") and tok.head.dep_ in _SUBJ


def _compatible(e: Entity, kind: str) -> bool:
    if kind in ("m", "f"):
        return e.kind == "PERSON" and e.gender in (kind, None)
    if kind == "p":
        return (e.kind == "GROUP" and not (e.known and e.known.region)) or e.plural
    return e.kind in ("COUNTRY", "ORG", "IGO") or (e.kind == "GROUP" and not e.plural)


def quote_speakers(ctx: DocContext, q: int, table: MentionTable) -> set[str]:
    """Entity keys named in the attribution right after (or else right before) quote ``q``."""
    qs, qe = ctx.quotes[q]
    text = ctx.text
    nxt = ctx.quotes[q + 1][0] if q + 1 < len(ctx.quotes) else len(text)
    par_end = text.find("\n", qe)
    par_end = len(text) if par_end < 0 else par_end
    after_end = min(qe + 80, nxt, par_end)
    keys = {e.key for m, e in table.items if qe <= m.start < after_end and ctx.quote_of(m.start) is None}
    if keys:
        return keys
    prv = ctx.quotes[q - 1][1] if q > 0 else 0
    par_start = text.rfind("\n", 0, qs) + 1
    before_start = max(prv, par_start, qs - 120)
    near = [(m, e) for m, e in table.items if before_start <= m.start < qs and ctx.quote_of(m.start) is None]
    return {near[-1][1].key} if near else set()


def _speakers_once(ctx: DocContext, table: MentionTable, cache: dict[int, set[str]], q: int) -> set[str]:
    """`quote_speakers` of quote ``q``, computed once per quote and kept in ``cache``."""
    if q not in cache:
        cache[q] = quote_speakers(ctx, q, table)
    return cache[q]


def best_antecedent(ctx: DocContext, table: MentionTable, tok, kind: str, *, banned: set[str] = frozenset(),
                    max_sents: int = _MAX_SENTS) -> Entity | None:
    """The most salient earlier actor compatible with ``kind`` (m, f, p, n, or "x" = any person).

    Nearest sentence first (-2 per sentence), subjects preferred (+1.5), unknown gender slightly
    penalised; mentions inside another quote than the pronoun's are not candidates.
    """
    q = ctx.quote_of(tok.idx)
    sent = ctx.sent_of[tok.i]
    best = None
    for m, e in table.before(tok.idx):
        d = sent - ctx.sent_of[m.root]
        if d > max_sents:
            break
        if e.key in banned or m.root == tok.i:
            continue
        if kind == "x":
            if e.kind != "PERSON":
                continue
        elif not _compatible(e, kind):
            continue
        if kind == "n" and d > 1:
            continue
        mq = ctx.quote_of(m.start)
        if mq is not None and mq != q:
            continue
        score = -2.0 * d + (1.5 if is_subject(ctx, m) else 0.0) - (0.3 if e.gender is None and kind in "mf" else 0.0)
        score += m.start / 1e7
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def resolve_pronouns(ctx: DocContext, table: MentionTable) -> None:
    """Link third-person pronouns to antecedents, in text order (resolved ones become antecedents).

    Person pronouns look back three sentences, then (if nothing fits) eight; "they" falls back
    from groups to organisations in the same or previous sentence.

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors import find_actors
    >>> from dateline.record import Document
    >>> text = "Anna Novak met Tom Becker. She said the talks went well."
    >>> index = find_actors(load_nlp()(text), document=Document(id="x", text=text))
    >>> index.get(index.actor_at(27, 30)).name
    'Anna Novak'
    """
    doc = ctx.doc
    speakers_cache: dict[int, set[str]] = {}
    for i in ctx.positions(_PRONOUN_IDS):
        tok = doc[i]
        kind = PRONOUNS.get(tok.lower_)
        if kind is None or tok.pos_ not in ("PRON", "DET") or ctx.is_excluded(tok.idx, tok.idx + len(tok)):
            continue
        q = ctx.quote_of(tok.idx)
        if q is not None and kind in ("p", "n"):
            continue
        banned = _speakers_once(ctx, table, speakers_cache, q) if q is not None else set()
        target = best_antecedent(ctx, table, tok, kind, banned=banned)
        if target is None and kind in ("m", "f"):
            target = best_antecedent(ctx, table, tok, kind, banned=banned, max_sents=8)
        if target is None and kind == "p":
            target = best_antecedent(ctx, table, tok, "n", banned=banned, max_sents=1)
        if target is not None:
            table.add(Ment(tok.idx, tok.idx + len(tok), tok.text, "pronoun", tok.i), target)


def resolve_role_nouns(ctx: DocContext, table: MentionTable, entities: dict[str, Entity],
                       country_entity, group_entity=None) -> None:
    """Link definite role nouns ("the minister", "the alliance", "his country") to actors.

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors import find_actors
    >>> from dateline.record import Document
    >>> text = "NATO leaders met in Riga. The alliance promised more troops."
    >>> index = find_actors(load_nlp()(text), document=Document(id="x", text=text))
    >>> index.get(index.actor_at(26, 38)).name
    'NATO'
    """
    doc, lex = ctx.doc, ctx.lex
    for i in ctx.positions(lex.anaphor_noun_ids):
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.i in ctx.claimed:
            continue
        low = tok.lower_
        rn = lex.roles.get(low)
        if rn is None and low not in _COUNTRY_NOUNS and low not in lex.nouns:
            continue
        det = next((c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i), None)
        if det is None or det.lower_ not in ("the", "his", "her", "their", "its"):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue
        between = doc[det.i + 1:tok.i]
        if any(t.ent_type_ == "PERSON" or (t.is_title and not t.ent_type_ and t.i != det.i + 1) for t in between):
            continue
        if ctx.is_claimed(det.i, tok.i + 1):
            continue
        start, end = doc[det.i].idx, tok.idx + len(tok)
        ment = Ment(start, end, ctx.text[start:end], "role", tok.i)
        target = None
        if low in _COUNTRY_NOUNS:
            if det.lower_ == "the":
                target = _recent(ctx, table, tok, lambda e: e.kind == "COUNTRY", 2)
            else:
                owner = table.entity_at(det.idx, det.idx + len(det))
                if owner is not None and owner.country:
                    target = country_entity(owner.country)
        elif det.lower_ != "the":
            continue
        elif low in lex.nouns and (target := _recent(ctx, table, tok, _known_named(lex.nouns[low]), 8)) is not None:
            pass  # "the alliance" → NATO, when NATO was named
        elif rn is not None and rn.kind == "person":
            mods = [t.lower_ for t in between if t.lower_ not in lex.title_words and not (
                t.ent_type_ in ("GPE", "LOC") and not (lex.demonym(t.text) or lex.country(t.text)))]
            target = _recent(ctx, table, tok, lambda e: e.kind == "PERSON" and role_fits(e, low, mods, lex), 6)
            if target is None and low not in ("man", "woman") and not mods:  # a bare "the governor"
                target = _most_mentioned_person(ctx, table, tok, rn.gender)
        elif rn is not None and rn.kind == "org":
            target = _recent(ctx, table, tok, lambda e: e.kind in ("ORG", "IGO", "GROUP") and low in e.name.lower(), 6)
            if target is None and low in ("government", "administration", "military", "army", "police"):
                country = _recent(ctx, table, tok, lambda e: e.kind == "COUNTRY", 2)
                if country is not None:  # "the government" → that country's government
                    target = group_entity(country.country, rn.sector, f"{country.name} {low}")
            if target is None and not len(between) and low in lex.named_type_nouns and not any(
                    c.dep_ in ("relcl", "acl") for c in tok.children):  # "Wells Fargo ... The bank said"
                target = _only_organisation_nearby(ctx, table, tok, rn.sector)
        if target is not None:
            table.add(ment, target)


def _known_named(entries):
    """Predicate: the entity is one of these known actors."""
    names = {k.name for k in entries}
    return lambda e: e.known is not None and e.known.name in names


def _only_organisation_nearby(ctx: DocContext, table: MentionTable, tok, sector: str | None) -> Entity | None:
    """The organisation named in this or the previous sentence (outside quotes), when it is the
    only one there and its sector does not contradict the noun's ("the bank" is not a ministry)."""
    sent = ctx.sent_of[tok.i]
    found: dict[str, Entity] = {}
    for m, e in table.before(tok.idx):
        if sent - ctx.sent_of[m.root] > 1:
            break
        if ctx.quote_of(m.start) is None and e.kind == "ORG":
            found[e.key] = e
    if len(found) != 1:
        return None
    (e,) = found.values()
    return e if sector is None or e.sector in (None, sector) else None


def _most_mentioned_person(ctx: DocContext, table: MentionTable, tok, gender: str | None) -> Entity | None:
    """For a bare descriptor ("the candidate", "the governor") with no fitting role: the person
    named most often so far among those mentioned in the last four sentences (ties: most recent)."""
    sent = ctx.sent_of[tok.i]
    counts: dict[str, list] = {}
    for m, e in table.before(tok.idx):
        if e.kind != "PERSON" or (gender and e.gender not in (gender, None)):
            continue
        if ctx.quote_of(m.start) is not None:
            continue
        entry = counts.setdefault(e.key, [0, m.start, e, False])
        entry[0] += 1
        if sent - ctx.sent_of[m.root] <= 4:
            entry[3] = True
    near = [v for v in counts.values() if v[3]]
    if not near:
        return None
    return max(near, key=lambda v: (v[0], v[1]))[2]


def role_fits(e: Entity, noun: str, mods: list[str], lex=None) -> bool:
    """Does "the <mods> <noun>" fit this person's roles or known office?

    A demonym or country modifier must match the person's country ("the Russian president");
    other place names are ignored ("the Indiana governor"); any other word must appear in a role
    or the office ("the Republican nominee" does not fit a Democratic nominee).
    """
    texts = [r.text.lower() for r in e.roles]
    if e.known and e.known.office:
        texts.append(e.known.office.lower())
    country = next((r.country for r in e.roles if r.country), None) or e.country
    words = []
    for m in mods:
        iso = (lex.demonym(m) or lex.country(m)) if lex is not None else None
        if iso:
            if country and iso != country:
                return False
            continue
        words.append(m)
    return any(noun in t and all(w in t for w in words) for t in texts)


def _recent(ctx: DocContext, table: MentionTable, tok, pred, max_sents: int) -> Entity | None:
    sent = ctx.sent_of[tok.i]
    for m, e in table.before(tok.idx):
        if sent - ctx.sent_of[m.root] > max_sents:
            return None
        if ctx.quote_of(m.start) is not None and ctx.quote_of(tok.idx) is None:
            continue
        if pred(e):
            return e
    return None


def resolve_relatives(ctx: DocContext, table: MentionTable) -> None:
    """Link relative pronouns to the actor their clause describes ("Lind, who said" → Lind).

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors import find_actors
    >>> from dateline.record import Document
    >>> text = "The plan was criticised by Anna Novak, who said it came too late."
    >>> index = find_actors(load_nlp()(text), document=Document(id="x", text=text))
    >>> index.get(index.actor_at(39, 42)).name
    'Anna Novak'
    """
    doc = ctx.doc
    for i in ctx.positions(_RELATIVE_IDS):
        tok = doc[i]
        if tok.tag_ not in ("WP", "WP$", "WDT") or ctx.is_excluded(tok.idx, tok.idx + len(tok)):
            continue
        clause = tok.head if tok.dep_ != "poss" else tok.head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl" or clause.head.i >= tok.i:
            continue
        target = table.entity_covering(clause.head.idx)
        if target is not None:
            table.add(Ment(tok.idx, tok.idx + len(tok), tok.text, "pronoun", tok.i), target)


def resolve_first_person(ctx: DocContext, table: MentionTable) -> None:
    """Link "I", "me", "my" inside a quotation to its speaker, when exactly one actor is named in
    the attribution right after (or else right before) it.

    >>> from dateline.parse import load_nlp
    >>> from dateline.actors import find_actors
    >>> from dateline.record import Document
    >>> text = "“I will not resign,” Anna Novak said."
    >>> index = find_actors(load_nlp()(text), document=Document(id="x", text=text))
    >>> index.get(index.actor_at(1, 2)).name
    'Anna Novak'
    """
    doc = ctx.doc
    speakers: dict[int, set[str]] = {}
    for i in ctx.positions(_FIRST_PERSON_IDS):
        tok = doc[i]
        q = ctx.quote_of(tok.idx)
        if q is None or tok.pos_ != "PRON" or (tok.lower_ == "i" and tok.text != "I"):
            continue
        keys = _speakers_once(ctx, table, speakers, q)
        if len(keys) != 1:
            continue
        (key,) = keys
        target = next((e for _, e in table.items if e.key == key), None)
        if target is not None and target.kind == "PERSON":
            table.add(Ment(tok.idx, tok.idx + len(tok), tok.text, "pronoun", tok.i), target)
