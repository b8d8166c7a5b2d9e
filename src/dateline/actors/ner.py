"""Candidate actor names from spaCy's entities plus a gazetteer scan, with NER corrections.

The small English model makes mistakes that matter for political news; each is fixed by a rule:
a known person's surname tagged GPE/LOC/ORG becomes PERSON ("Yanukovych"), a demonym tagged GPE
becomes a demonym ("Ukrainian"), "The United States" becomes the country USA, capitals and
regions tagged ORG ("HELSINKI", "Crimea") are places, not organisations, and known actors the
model missed ("NATO" untagged) are found by exact alias lookup.
"""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors.context import Candidate, DocContext, hashes

_KEEP_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_DETS = {"the", "The"}
_NOT_NAME_POS = {"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "VERB", "AUX", "PUNCT"}
_SHORT_RISKY = {"WHO", "US", "AU", "IS", "SCO"}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and trailing possessive/punctuation from a token range."""
    while start < end and (doc[start].text in _DETS or doc[start].lower_ in _HONORIFICS or doc[start].is_punct
                           or doc[start].pos_ in ("ADV", "CCONJ", "SCONJ")):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _cand(doc: Doc, start: int, end: int, kind: str, **kw) -> Candidate:
    span = doc[start:end]
    return Candidate(start, end, kind, span.text, span.start_char, span.end_char, **kw)


def _strip_titles(ctx: DocContext, start: int, end: int) -> int:
    """Move a PERSON span's start past title words the model folded in ("President Trump")."""
    doc, lex = ctx.doc, ctx.lex
    i = start
    while i < end - 1:
        low = doc[i].lower_
        if low in lex.roles or low in lex.title_words or ctx.lex.demonym(doc[i].text) or low in _HONORIFICS or \
                doc[i].pos_ in _NOT_NAME_POS:
            i += 1
        else:
            break
    return i


def classify(ctx: DocContext, text: str, label: str, person_surnames: set[str],
             person_names: frozenset[str] = frozenset()) -> tuple[str, dict]:
    """Decide what a name-like string is; returns ``(kind, extras)``; kind ``SKIP`` drops it.

    >>> from dateline.actors.context import DocContext
    >>> from dateline.parse import load_nlp
    >>> ctx = DocContext(load_nlp()("x"))
    >>> classify(ctx, "Ukrainian", "GPE", set())[0], classify(ctx, "Yanukovych", "GPE", {"Yanukovych"})[0]
    ('DEMONYM', 'PERSON')
    """
    lex = ctx.lex
    known = lex.known_actor(text)
    if known is not None:
        if known.kind == "PLACE":  # "Crimea": not an actor itself, but it stands for its country
            return ("PLACE", {"iso": known.country}) if known.country else ("SKIP", {})
        return known.kind, {"known": known, "iso": known.country, "sector": known.sector}
    iso = lex.country(text)
    if iso:
        return "COUNTRY", {"iso": iso}
    region = lex.region_demonyms.get(text.lower()) if label == "NORP" else None
    if region is not None:
        return region.kind, {"known": region, "region_demonym": True}
    low = text.lower()
    if low.startswith(("pro-", "anti-")) and lex.demonym(text.split("-", 1)[1]):
        return "DEMONYM", {"iso": lex.demonym(text.split("-", 1)[1]), "pro": True}
    if lex.demonym(text):
        return "DEMONYM", {"iso": lex.demonym(text)}
    if low in lex.capitals:
        return "CAPITAL", {"iso": lex.capitals[low]}
    words = text.split()
    if label in ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON") and len(words) == 1 and (
            text in person_surnames or (label != "PERSON" and text in lex.surname)):
        return "PERSON", {}
    if label == "PERSON":
        return "PERSON", {}
    if len(words) > 1 and any(n.endswith(" " + text) for n in person_names):
        return "PERSON", {}  # "de Gaulle" tagged ORG after "Charles de Gaulle"
    if label == "ORG":
        if len(words) == 1 and (low in lex.roles or low in lex.title_words):
            return "SKIP", {}
        for n in range(min(len(words) - 1, 4), 0, -1):  # "United Nations Emergency Relief Coordinator"
            parent = lex.known_actor(" ".join(words[:n]))
            if parent is not None and parent.kind == "IGO":
                return "IGO", {"sector": "IGO"}
        return "ORG", {}
    return "SKIP", {}


def find_candidates(ctx: DocContext) -> list[Candidate]:
    """Return name candidates in text order, NER-corrected, excluding the byline.

    >>> from dateline.actors.context import DocContext
    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The United States and NATO met Ukrainian officials.")
    >>> [(c.text, c.kind) for c in find_candidates(DocContext(doc))][:2]
    [('United States', 'COUNTRY'), ('NATO', 'IGO')]
    """
    doc, lex = ctx.doc, ctx.lex
    ents = [(s, e, label) for s, e, label in ctx.ents if label in _KEEP_LABELS]
    person_surnames = {doc[e - 1].text for s, e, label in ents if label == "PERSON" and e - s > 1}
    person_names = frozenset(doc[s:e].text for s, e, label in ents if label == "PERSON" and e - s > 1)
    out: list[Candidate] = []
    covered: set[int] = set()
    last_end = 0
    for ent_start, ent_end, label in ents:
        if ent_start < last_end:
            continue
        start, end = _trim(doc, ent_start, ent_end)
        if start >= end:
            continue
        end = _known_extension(ctx, start, end)
        span = doc[start:end]
        if ctx.is_excluded(span.start_char, span.end_char):
            continue
        if label == "PERSON":
            start = _strip_titles(ctx, start, end)
            span = doc[start:end]
        if not span.text.strip() or "\n" in span.text:
            continue
        kind, extra = classify(ctx, span.text, label, person_surnames, person_names)
        if kind == "PERSON" and end - start == 1 and extra.get("known") is None and (
                doc[start].tag_ == "NNPS" or doc[start].pos_ in ("ADJ", "VERB", "ADV", "INTJ")) and \
                span.text not in person_surnames and span.text not in ctx.lex.surname:
            kind = "SKIP"  # "Latinos" (plural) or "Harsh?" (an adjective) tagged PERSON
        if kind == "ORG" and _in_headline(ctx, span.start_char):
            kind = "SKIP"  # title-case headlines make the model see organisations everywhere
        if ctx.dateline and ctx.dateline[0] <= span.start_char < ctx.dateline[1] and kind != "COUNTRY":
            kind = "SKIP"
        covered.update(range(ent_start, max(ent_end, end)))
        last_end = max(ent_end, end)
        if kind == "SKIP":
            continue
        if kind == "ORG" and extra.get("known") is None:
            start = _extend_left_demonym(ctx, start)
            extra = _org_attributes(ctx, start, end)
            kind = extra.pop("kind", kind)
        out.append(_cand(doc, start, end, kind, **extra))
    out.extend(_gazetteer(ctx, covered))
    out.extend(_surnames(ctx, covered | {i for c in out for i in range(c.start, c.end)}, person_surnames))
    out.sort(key=lambda c: c.start)
    return out


def _known_extension(ctx: DocContext, start: int, end: int) -> int:
    """Grow an entity to a known alias the model cut short ("Islamic" NORP → "Islamic State")."""
    doc, lex = ctx.doc, ctx.lex
    width = lex.first_words.get(doc[start].text, 0)
    for w in range(min(width, len(doc) - start), end - start, -1):
        known = lex.alias.get(doc[start:start + w].text)
        if known is not None:
            return start + w
    return end


def _in_headline(ctx: DocContext, char: int) -> bool:
    """True when the line holding ``char`` is written in headline case (most long words capitalised)."""
    text = ctx.text
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    line = text[start:end if end >= 0 else len(text)]
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _extend_left_demonym(ctx: DocContext, start: int) -> int:
    """Include a demonym or country right before an organisation ("Russian" + "Foreign Ministry")."""
    doc = ctx.doc
    if start > 0 and (ctx.lex.demonym(doc[start - 1].text) or ctx.lex.country(doc[start - 1].text)):
        if doc[start - 1].ent_type_ in ("NORP", "GPE", ""):
            return start - 1
    return start


def _org_attributes(ctx: DocContext, start: int, end: int) -> dict:
    """Country and sector of an unlisted organisation from its words ("Lithuanian Defense Ministry")."""
    iso = sector = None
    cues = set()
    for tok in ctx.doc[start:end]:
        if iso is None:
            iso = ctx.lex.demonym(tok.text) or ctx.lex.country(tok.text)
        rn = ctx.lex.roles.get(tok.lower_)
        if rn is not None and rn.sector and sector != "REB":  # "Kosovo Liberation Army" stays REB
            sector = rn.sector
        for part in tok.text.split("-"):
            if part in ctx.lex.igo_words:
                cues.add(ctx.lex.igo_words[part])
    if iso is None and cues == {"region", "institution"}:
        return {"iso": None, "sector": "IGO", "kind": "IGO"}
    if iso is None:
        iso = _possessor_country(ctx, start)
    return {"iso": iso, "sector": sector}


def _possessor_country(ctx: DocContext, start: int) -> str | None:
    """The country that owns an organisation: "Egypt's Muslim Brotherhood" → EGY.

    >>> from dateline.parse import load_nlp
    >>> ctx = DocContext(load_nlp()("Egypt's Muslim Brotherhood protested."))
    >>> _possessor_country(ctx, 2)
    'EGY'
    """
    doc = ctx.doc
    if start < 2 or doc[start - 1].text not in _POSSESSIVE:
        return None
    end = start - 1
    first = end - 1
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1  # a multi-word country: "the United States's"
    return ctx.lex.country(doc[first:end].text) or ctx.lex.country(doc[end - 1].text)


def _gazetteer(ctx: DocContext, covered: set[int]) -> list[Candidate]:
    """Known actors, countries, demonyms and first-name + surname people the model did not tag."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Candidate] = []
    n = len(doc)
    resume = 0
    for i in ctx.positions(lex.gaz_lower_ids, lex.gaz_orth_ids):
        tok = doc[i]
        if i < resume or i in covered or not tok.text[:1].isupper():
            continue
        width = lex.first_words.get(tok.text, 0)
        hit = None
        for w in range(min(width, n - i), 0, -1):
            if any(j in covered for j in range(i, i + w)):
                continue
            span = doc[i:i + w]
            known = lex.alias.get(span.text)
            if known is not None:
                if span.text in _SHORT_RISKY and _all_caps_context(doc, i):
                    continue
                if known.kind == "PLACE":
                    if known.country:
                        hit = _cand(doc, i, i + w, "PLACE", iso=known.country)
                    break
                hit = _cand(doc, i, i + w, known.kind, known=known, iso=known.country, sector=known.sector)
                break
        if hit is None and tok.text in lex.first_names and tok.pos_ == "PROPN":
            j = i + 1
            while j < n and j - i < 4 and j not in covered and doc[j].pos_ == "PROPN" and doc[j].is_title:
                j += 1
            if j > i + 1:
                hit = _cand(doc, i, j, "PERSON")
        if hit is None:
            iso = lex.country(tok.text) if tok.pos_ == "PROPN" else None
            if iso:
                hit = _cand(doc, i, i + 1, "COUNTRY", iso=iso)
            elif (iso := lex.demonym(tok.text)) and tok.pos_ in ("ADJ", "PROPN", "NOUN"):
                hit = _cand(doc, i, i + 1, "DEMONYM", iso=iso)
            elif tok.pos_ == "PROPN" and (iso := lex.capitals.get(tok.lower_)):
                hit = _cand(doc, i, i + 1, "CAPITAL", iso=iso)  # "the Beijing Olympics" tagged EVENT
        if hit is not None and not ctx.is_excluded(hit.char_start, hit.char_end):
            out.append(hit)
            resume = hit.end
    return out


def _surnames(ctx: DocContext, covered: set[int], person_surnames: set[str]) -> list[Candidate]:
    """Surnames the model missed or tagged oddly: "Trump" untagged, "PENCE:" in a transcript."""
    doc, lex = ctx.doc, ctx.lex
    names = {s for s in person_surnames if len(s) > 2 and s[:1].isupper()}
    names |= {s.upper() for s in names}
    ids = hashes(names) | lex.surname_ids
    out = []
    for i in ctx.positions(orth=ids):
        if i in covered or doc[i].pos_ not in ("PROPN", "NOUN", "ADJ") or (i > 0 and doc[i - 1].text == "-"):
            continue  # "post-Yanukovych", "pro-Trump" are not mentions of the person
        text = doc[i].text
        if text.isupper() and text.title() not in person_surnames and text.title() not in lex.surname:
            continue
        if not text.isupper() and text not in person_surnames and text not in lex.surname:
            continue
        if ctx.is_excluded(doc[i].idx, doc[i].idx + len(text)):
            continue
        out.append(_cand(doc, i, i + 1, "PERSON"))
    for i in ctx.positions(lower=lex.surname_lower_ids):
        # "President obama": a known surname in lower case right after a person title
        tok = doc[i]
        role = lex.roles.get(doc[i - 1].lower_) if i > 0 else None
        if tok.is_lower and i not in covered and role is not None and role.kind == "person" and \
                doc[i - 1].is_title and not ctx.is_excluded(tok.idx, tok.idx + len(tok.text)):
            out.append(_cand(doc, i, i + 1, "PERSON"))
    return out


def _all_caps_context(doc: Doc, i: int) -> bool:
    """True when the neighbours are upper-case too (a shouted headline, not an acronym)."""
    near = [t for t in doc[max(0, i - 2):i + 3] if t.i != i and t.is_alpha]
    return bool(near) and all(t.is_upper for t in near)
