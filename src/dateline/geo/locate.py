"""Where an event happened: a place attached to the trigger in the parse ("in Belgium", "over
the Crimean Peninsula", "fighting in Homs and Aleppo"), else a place named in the sentence,
else the article's dateline; geocoded offline."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dateline.geo.gazetteer import Place, geocode
from dateline.parse.nlp import entity_span
from dateline.record import Dateline, Location

PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "near", "over", "into", "across", "outside", "inside", "throughout", "from",
                "to", "around", "within"}
_SENTENCE_PREPS = {"in", "at", "near", "from", "inside", "outside", "across", "throughout", "around", "within"}
_REGION_WORDS = {"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
                 "southeastern", "southwestern", "east", "west", "north", "south"}


def _entity(token: Token) -> Span | None:
    return entity_span(token) if token.ent_type_ in PLACE_LABELS else None


def _strip(ent: Span) -> Span:
    if ent[0].lower_ == "the" and len(ent) > 1:
        return ent[1:]
    return ent


def _location(span: Span, *, country: str | None = None, name_span: Span | None = None) -> Location | None:
    place = geocode(span.text, country=country)
    if place is None:
        return None
    shown = name_span or span
    return Location(shown.text, (shown.start_char, shown.end_char), place.country, place.admin1, place.lat, place.lon)


def _context_country(ent: Span) -> str | None:
    """A following ", Oklahoma" / ", Illinois" / ", Ukraine" narrows an ambiguous name."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = _entity(doc[ent.end + 1])
        if nxt is not None:
            place = geocode(nxt.text)
            if place is not None:
                return place.country
    return None


def place_of(token: Token) -> Location | None:
    """Geocode the place entity a token belongs to ("Homs and Aleppo" → Homs; "eastern Ukraine").

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Troops fought in eastern Ukraine.")
    >>> place_of(doc[4]).name, place_of(doc[4]).country
    ('eastern Ukraine', 'UKR')
    """
    ent = _entity(token)
    if ent is None:
        place = geocode(token.text) if token.pos_ == "PROPN" and not token.ent_type_ else None
        if place is None:
            return None
        ent = token.doc[token.i:token.i + 1]
    ent = _strip(ent)
    name = ent
    first = ent[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ in _REGION_WORDS:
        name = first.doc[first.i - 1:ent.end]
    coords = [c for c in token.children if c.dep_ == "conj" and (_entity(c) is not None or c.pos_ == "PROPN")]
    if coords:
        last = _strip(_entity(coords[-1]) or token.doc[coords[-1].i:coords[-1].i + 1])
        name = token.doc[name.start:last.end]
    return _location(ent, country=_context_country(ent), name_span=name)


def _prep_places(token: Token) -> list[Location]:
    out = []
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "pobj")]
    for c in token.children:  # "meeting with X's backers in Belgium": one prepositional hop down
        if c.dep_ == "prep" and c.lower_ not in _PLACE_PREPS:
            heads += [g for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and not any(g.dep_ == "case" for g in obj.children) \
                        and (loc := place_of(obj)) is not None:
                    out.append(loc)
    return out


def event_location(
    token: Token, *, avoid: tuple[tuple[int, int], ...] = (), dateline: Dateline | None = None,
    strict: bool = False,
) -> Location | None:
    """Return the location of the event triggered by ``token``.

    Args:
        token: the trigger's head token.
        avoid: spans of the event's actors (a country named as an actor is not its place).
        dateline: the article's dateline, the last resort.
        strict: only a place the parse attaches to the trigger (no sentence or dateline fallback).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Speaking from Berlin, Obama hoped for an end to the fighting in Homs and Aleppo.")
    >>> event_location(doc[11]).name
    'Homs and Aleppo'
    """
    found = _prep_places(token)
    node = token
    for _ in range(2):
        if found or node.head.i == node.i:
            break
        if node.dep_ in ("xcomp", "conj", "pobj", "dobj", "advcl", "pcomp") or node.head.pos_ == "ADP":
            node = node.head if node.head.pos_ != "ADP" else node.head.head
            found = _prep_places(node)
        else:
            break
    if found or strict:
        return found[0] if found else None
    sent = token.sent
    best = None
    for tok in sent:  # walk the sentence's own tokens: Span.ents scans the whole doc's entities
        if tok.ent_iob_ != "B" or tok.ent_type_ not in PLACE_LABELS:
            continue
        ent = _entity(tok)
        if any(s < ent.end_char and ent.start_char < e for s, e in avoid):
            continue
        if ent.root.dep_ != "pobj" or ent.root.head.lower_ not in _SENTENCE_PREPS:
            continue  # only places the sentence puts something *in*, *at*, *near* ...
        dist = abs(ent.start - token.i)
        if best is None or dist < best[0]:
            best = (dist, ent)
    if best is not None and (loc := place_of(best[1].root)) is not None:
        return loc
    if dateline is not None and dateline.place:
        place = geocode(dateline.place, country=dateline.country)
        if place is not None:
            return Location(dateline.place, dateline.span, place.country, place.admin1, place.lat, place.lon)
    return None


_ADMIN_WORDS = {"governorate", "governorates", "province", "provinces", "oblast", "region", "state", "district"}


def _place_spans(doc: Doc) -> list[tuple[Span, bool]]:
    """Place entities plus proper nouns conjoined to them ("Homs and Aleppo"); the flag says an
    administrative word follows ("Homs and Aleppo Governorates")."""
    spans: list[Span] = []
    forced: set[int] = set()  # spans known to name subdivisions ("Homs and Aleppo Governorates")
    for ent in doc.ents:
        words = [t for t in ent if t.lower_ not in ("the",)]
        if ent.label_ not in PLACE_LABELS and len(words) > 1 and words[-1].lower_ in _ADMIN_WORDS:
            span = doc[words[0].i:words[-1].i]  # "Aleppo Governorates" tagged as something else
            spans.append(span)
            forced.add(span.start)
            continue
        town = ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and \
            doc[ent.start - 2].lower_ in ("town", "city", "village", "province", "region")
        if ent.label_ in PLACE_LABELS or (ent.label_ == "ORG" and town):
            spans.append(_strip(ent))
            for c in ent.root.children:
                if c.dep_ == "conj" and c.lower_ in _ADMIN_WORDS:
                    forced.add(_strip(ent).start)
                    for g in c.children:
                        if g.dep_ == "compound" and g.pos_ == "PROPN":
                            spans.append(doc[g.i:g.i + 1])
                            forced.add(g.i)
                elif c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS:
                    spans.append(doc[c.i:c.i + 1])
    seen: set[tuple[int, int]] = set()
    spans = [x for x in sorted(spans, key=lambda s: s.start) if not ((x.start, x.end) in seen or seen.add((x.start, x.end)))]
    out = []
    for span in spans:
        nxt = span.end
        admin = nxt < len(doc) and doc[nxt].lower_ in _ADMIN_WORDS
        if not admin:  # "Homs and Aleppo Governorates": the word after the last conjunct counts for all
            for c in span.root.children:
                if c.dep_ == "conj" and c.i + 1 < len(doc) and doc[c.i + 1].lower_ in _ADMIN_WORDS:
                    admin = True
            head = span.root.head
            if span.root.dep_ == "conj" and head.i + 1 < len(doc) and head.i + 1 < span.start:
                admin = admin or (nxt < len(doc) and doc[nxt].lower_ in _ADMIN_WORDS)
        out.append((span, admin or span.start in forced))
    return out


def find_places(doc: Doc) -> list[tuple[Span, Place]]:
    """Return every geocodable place of a document, in text order. Countries and regions named
    in the document narrow ambiguous city names ("settlers in Oklahoma ... Prague").

    >>> from dateline.parse import load_nlp
    >>> [(s.text, p.country) for s, p in find_places(load_nlp()("Talks were held in Geneva."))]
    [('Geneva', 'CHE')]
    """
    found = []
    for span, admin in _place_spans(doc):
        place = geocode(span.text, country=_context_country(span), admin=admin)
        if place is not None:
            found.append((span, place))
    context = {p.country for _, p in found if p.feature in ("country", "adm1", "region") and p.country}
    out = []
    for span, place in found:
        if place.feature == "city" and place.country not in context and _context_country(span) is None:
            for country in sorted(context):
                alt = geocode(span.text, country=country)
                if alt is not None and alt.country == country:
                    place = alt
                    break
        out.append((span, place))
    return out
