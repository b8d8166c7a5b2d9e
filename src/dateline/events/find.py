"""Find events: triggers → arguments → code → status, date, place, background → `Event`s.

One pass over the parse the earlier stages already made (no second parse). An event needs a
source actor (PLOVER codes no actor-less events), except a domestic protest whose protesters
are unnamed: its source is the country of the government it targets. Dates come only from the
time stage's ``anchor_event``; a background event is never dated by the document date.
"""
from __future__ import annotations

import functools
import json
import logging
from importlib import resources

from spacy.tokens import Doc, Token

from dateline.actors import ActorIndex
from dateline.events.arguments import by_protesters, deployment_code, find_arguments, weapon_code
from dateline.events.codes import plover
from dateline.events.lexicon import load_lexicon
from dateline.events.status import is_background, status_of
from dateline.events.triggers import Trigger, find_triggers
from dateline.geo.locate import event_location, place_of
from dateline.parse.nlp import iter_sentences
from dateline.record import Document, Event, EventDate, Location, Quote, TextSpan
from dateline.timex import TimeResult, anchor_event

log = logging.getLogger(__name__)

_MULTILATERAL_KINDS = {"IGO", "GROUP"}
_FORCE_ROOTS = ("17", "18", "19", "20")
_RECIPROCAL_CODES = ("041", "046")
"""Consultations with no host or visitor: discuss by telephone, negotiate."""
_PLACE_TARGET_ROOTS = ("08", "13", "14", "15", "16", "17", "18", "19", "20")
"""Acts aimed at a place when no one is named: concessions and sanctions applied there ("lifted
the curfew in X"), threats, protests, shows of force, coercion and force used there."""


def _country_actor(actors: ActorIndex, code: str | None) -> str | None:
    if not code:
        return None
    for actor in actors.actors:
        if actor.kind == "COUNTRY" and (actor.country == code or actor.codes.get("cameo") == code):
            return actor.id
    return None


def _place_country(actors: ActorIndex):
    def resolve(token: Token) -> str | None:
        loc = place_of(token)
        return _country_actor(actors, loc.country) if loc is not None else None
    return resolve


def _mode(category: str, mode: str | None, source: list[str], target: list[str], actors: ActorIndex) -> str | None:
    if category == "CONSULT" and mode is None:
        kinds = [a.kind for a in (actors.get(t) for t in target) if a is not None]
        if len(source) + len(target) > 2 or any(k in _MULTILATERAL_KINDS for k in kinds):
            return "multilateral"
    return mode


def _domestic_source(target: list[str], actors: ActorIndex) -> list[str]:
    """Unnamed protesters against a government: the source is that government's country."""
    for aid in target:
        actor = actors.get(aid)
        if actor is not None and actor.country and actor.kind in ("PERSON", "ORG"):
            country = _country_actor(actors, actor.country)
            if country:
                return [country]
    return []


def _nominal_argument(trig: Trigger, others: list[Trigger]) -> bool:
    """A nominal event that is the object of another event's trigger ("pushed back on Ukraine's
    calls") existed before the act that responds to it."""
    if trig.entry.pos != "N":
        return False
    heads = {t.token.i for t in others if t is not trig}
    node = trig.token
    for _ in range(3):
        node = node.head
        if node.i in heads:
            return True
        if node.head.i == node.i:
            break
    return False


def _confidence(trig: Trigger, source: list[str], target: list[str]) -> float:
    score = 0.5 + 0.2 * bool(target) + 0.1 * (len(trig.cameo) >= 3 and trig.cameo[2] != "0")
    score += 0.1 * bool(trig.entry.objects or trig.entry.preps or trig.entry.particle)
    return round(min(score, 0.95), 2)


def find_events(
    doc: Doc, *, document: Document, actors: ActorIndex, times: TimeResult, quotes: tuple[Quote, ...],
    require_source: bool = True,
) -> tuple[Event, ...]:
    """Return the document's coded events in text order.

    Args:
        doc: the parsed document (the pipeline's one parse).
        document: the ingested document (its dateline is the last-resort place).
        actors: the actors stage's index (mentions with coreference).
        times: the time stage's result; dates come from its ``anchor_event``.
        quotes: the quotes stage's quotes (events inside them are ``reported``).
        require_source: drop events without a source actor (PLOVER's rule).

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Actor, Mention
    >>> doc = load_nlp()("Germany criticized France.")
    >>> idx = ActorIndex((Actor("A1", "Germany", "COUNTRY", "DEU", mentions=(Mention((0, 7), "Germany", "name"),)),
    ...                   Actor("A2", "France", "COUNTRY", "FRA", mentions=(Mention((19, 25), "France", "name"),))))
    >>> [(e.category, e.cameo, e.source, e.target) for e in find_events(doc, document=Document("d", doc.text),
    ...     actors=idx, times=TimeResult(), quotes=())]
    [('ACCUSE', '111', ('A1',), ('A2',))]
    """
    lexicon = load_lexicon()
    published = times.published.value if times.published else (document.published.value if document.published else None)
    place_country = _place_country(actors)
    drafts: list[dict] = []
    strength: list[bool] = []
    for sent in iter_sentences(doc):
        try:
            triggers = find_triggers(sent, lexicon=lexicon)
        except Exception:  # one odd parse must not cost the article its other events
            log.warning("event triggers failed in sentence at %d", sent.start_char, exc_info=True)
            continue
        for trig in triggers:
            try:
                draft, strong = _draft(doc, sent, trig, triggers, document=document, actors=actors, times=times,
                                       quotes=quotes, published=published, place_country=place_country,
                                       require_source=require_source)
            except Exception:
                log.warning("event coding failed for %r", trig.token.text, exc_info=True)
                continue
            if draft is not None:
                drafts.append(draft)
                strength.append(strong)
    drafts, strength = _with_accusations(doc, drafts, strength, actors)
    return tuple(Event(id=f"E{i}", **d) for i, d in enumerate(_merge(drafts, strength), 1))


def _draft(doc: Doc, sent, trig: Trigger, triggers: list[Trigger], *, document: Document, actors: ActorIndex,
           times: TimeResult, quotes: tuple[Quote, ...], published: str | None, place_country,
           require_source: bool) -> tuple[dict | None, bool]:
    """Code one trigger: arguments, status, date, background, place; None when it is no event."""
    if trig.cameo[:3] == "171" and by_protesters(trig.token):
        trig.cameo = "145"  # protesters wrecking property riot (CAMEO 145, PLOVER PROTEST riot)
    trig.cameo = deployment_code(trig.token, weapon_code(trig.token, trig.cameo))
    category, mode, context = plover(trig.cameo)
    if category is None:
        return None, False
    source, target = find_arguments(trig, actors, place_country=place_country)
    if not source and category == "PROTEST":
        source = _domestic_source(target, actors)
        if not source:  # "thousands of people blocked streets in Hong Kong": protesters of the place
            loc = event_location(trig.token)
            country = _country_actor(actors, loc.country) if loc is not None else None
            source = [country] if country and country not in target else []
    if not source and trig.cameo[:2] in ("18", "19", "20"):
        source = _origin_source(trig.token, actors)
        target = [t for t in target if t not in source]  # the place it came from is not its target
    if not source and require_source:
        return None, False
    if "authority" in trig.entry.flags and not any(_is_state(a, actors) for a in source):
        return None, False  # "a dark time has allowed him to ...": only a state actor concedes
    if not target and trig.cameo[:2] in _PLACE_TARGET_ROOTS:
        target = _place_target(trig, source, actors)
    if not target and _needs_target(trig):
        return None, False  # "we must start by recognizing ...": no one is recognised
    if trig.cameo in _RECIPROCAL_CODES and target:
        # "X held talks with Y", "X telephoned Y": no host and no visitor, so PLOVER codes every
        # participant as an actor (CONSULT); the PETRARCH dyads then run both ways
        source, target = source + [t for t in target if t not in source], []
    start, end = trig.start, trig.end
    status, quote = status_of(trig.token, start, end, quotes=quotes,
                              speech_act="speech" in trig.entry.flags or trig.intent or trig.rejected)
    if trig.threatened:
        status = "hypothetical"
    when = anchor_event(doc, start, end, times=times)
    background = is_background(trig.token, when, published, nominal_argument=_nominal_argument(trig, triggers))
    if background and when is not None and (when.from_ or "").lower() == "dct":
        when = EventDate(None, "unknown")  # the article's date is no evidence for a past event
    avoid = tuple(m.span for aid in source + target if (a := actors.get(aid)) for m in a.mentions)
    location = event_location(trig.token, avoid=avoid, dateline=document.dateline)
    strong = bool(target) and _direct(trig, target, actors)
    return dict(
        category=category, trigger=TextSpan(document.text[start:end], (start, end)),
        sentence=(sent.start_char, sent.end_char), mode=_mode(category, mode, source, target, actors),
        context=context, cameo=trig.cameo, source=tuple(source), target=tuple(target), date=when,
        location=location, status=status, background=background, quote=quote,
        confidence=_confidence(trig, source, target),
    ), strong


_STATE_SECTORS = {"GOV", "JUD", "MIL", "COP"}


def _is_state(aid: str, actors: ActorIndex) -> bool:
    """True for a country or an actor of a state sector (government, courts, military, police)."""
    actor = actors.get(aid)
    return actor is not None and (actor.kind == "COUNTRY" or actor.sector in _STATE_SECTORS)


def _country_of(aid: str, actors: ActorIndex) -> str:
    actor = actors.get(aid)
    return (actor.country if actor and actor.country else aid)


_CLAIM = {"claim", "say", "allege", "charge", "insist", "assert", "report", "state"}


def _with_accusations(doc: Doc, drafts: list[dict], strength: list[bool], actors: ActorIndex):
    """"The US claimed that ISIL had attacked Iraq": saying that a third party used force or
    coercion is an accusation (CAMEO 112, PLOVER ACCUSE) by the speaker against that party; the
    embedded act stays a ``reported`` event."""
    from dateline.events.arguments import verb_source

    out, strong = [], []
    for d, s in zip(drafts, strength):
        out.append(d)
        strong.append(s)
        if d["status"] != "reported" or (d["cameo"] or "")[:2] not in ("17", "18", "19", "20"):
            continue
        token = doc.char_span(*d["trigger"].span, alignment_mode="expand")
        if token is None:
            continue
        node = token.root
        for _ in range(4):  # the claimed act is the reported clause itself (or a conjunct of it, or
            # a noun inside it: "said eight people were killed in an air strike by Y")
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in _CLAIM:
                break
            if node.dep_ not in ("conj", "pobj", "prep"):
                break
            node = node.head
        if node.dep_ != "ccomp":
            continue
        cue = node.head
        if cue.i > token.root.i:
            continue  # "X attacked Y, officials said" is attribution, not an accusation
        speaker = verb_source(cue, actors)
        countries = {_country_of(a, actors) for a in speaker}
        accused = [a for a in d["source"] if a not in speaker and _country_of(a, actors) not in countries]
        if not speaker or not accused:
            continue
        category, mode, context = plover("112")
        out.append({**d, "category": category, "mode": mode, "context": context, "cameo": "112",
                    "trigger": TextSpan(cue.text, (cue.idx, cue.idx + len(cue.text))), "source": tuple(speaker),
                    "target": tuple(accused), "status": "asserted", "quote": d["quote"]})
        strong.append(True)
    order = sorted(range(len(out)), key=lambda i: out[i]["trigger"].span[0])
    return [out[i] for i in order], [strong[i] for i in order]


@functools.cache
def _place_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns naming part of a place and the prepositions that introduce them (data file)."""
    path = resources.files("dateline.data").joinpath("events", "place_parts.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["parts"]), frozenset(data["preps"])


def part_of_place(token: Token) -> Location | None:
    """The place of "in the east of the Gaza Strip" / "on the outskirts of Aleppo" attached to a
    trigger (the parse hangs the place under the part noun, where ``event_location`` stops).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Troops clashed in the east of Ukraine.")
    >>> part_of_place(doc[1]).country
    'UKR'
    """
    parts, preps = _place_parts()
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for part in prep.children:
            if part.dep_ != "pobj" or part.lemma_.lower() not in parts:
                continue
            for of in part.children:
                obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of.lower_ == "of" else None
                if obj is not None and (loc := place_of(obj)) is not None:
                    return loc
    return None


def _origin_source(token: Token, actors: ActorIndex) -> list[str]:
    """An agentless passive attack launched *from* a place ("a rocket was fired at Israel from the
    Gaza Strip") comes from that place's country, when the document names it as an actor.

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Actor, Mention
    >>> doc = load_nlp()("A rocket was fired from Syria.")
    >>> idx = ActorIndex((Actor("A1", "Syria", "COUNTRY", "SYR", mentions=(Mention((24, 29), "Syria", "name"),)),))
    >>> _origin_source(doc[3], idx)
    ['A1']
    """
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children) or \
            any(c.dep_ == "agent" for c in token.children):
        return []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            loc = place_of(obj) if obj is not None else None
            country = _country_actor(actors, loc.country) if loc is not None else None
            if country:
                return [country]
    return []


def _place_target(trig: Trigger, source: list[str], actors: ActorIndex) -> list[str]:
    """An act done *in* a named country ("tank shelling in the east of the Gaza Strip", "lifted the
    curfew in Montenegro") targets that country, when the document names it as an actor and it is
    not the actor's own."""
    loc = event_location(trig.token, strict=True) or part_of_place(trig.token) or _object_place(trig.token)
    country = _country_actor(actors, loc.country) if loc is not None else None
    own = {(actors.get(a).country if actors.get(a) else None) for a in source}
    if trig.cameo[:2] not in _FORCE_ROOTS and not own - {None}:
        return []  # a rally by actors of unknown country is no foreign act aimed at the place
    if country and country not in source and loc.country not in own:
        return [country]
    return []


def _object_place(token: Token) -> Location | None:
    """The place a verb acts on directly ("shelled Kharkiv", "bombed Aleppo")."""
    if token.pos_ != "VERB":
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return place_of(obj) if obj is not None else None


def _needs_target(trig: Trigger) -> bool:
    """Demands read off "must" clauses and cooperative acts toward someone (praise, recognise,
    visit, host ...) are events only with a named recipient; PLOVER leaves it optional elsewhere."""
    flags = trig.entry.flags
    if "mustcomp" in flags:
        return True
    return "obj_target" in flags and trig.cameo[:2] in ("04", "05") and not trig.entry.objects


def _direct(trig: Trigger, target: list[str], actors: ActorIndex) -> bool:
    """True when a target actor is named by an argument's head itself, not by a possessor or
    modifier inside it ("met with the Contact Group" vs "met with Ukraine's backers")."""
    from dateline.events.arguments import _objects

    for obj in _objects(trig.token, trig):
        if actors.actor_at(obj.idx, obj.idx + len(obj.text)) in target:
            return True
    return False


def _merge(drafts: list[dict], strength: list[bool]) -> list[dict]:
    """One act reported twice in an article ("Meeting with ..." / "as he met with ...") is one
    event: same category, source, date and status. The first report keeps its trigger; a target
    named directly by the later report replaces one read off a possessor."""
    out: list[dict] = []
    keys: dict[tuple, int] = {}
    strong: list[bool] = []
    for d, s in zip(drafts, strength):
        key = (d["category"], d["source"], d["date"].value if d["date"] else None, d["status"])
        j = keys.get(key)
        if j is not None and key[2] and (d["target"] == out[j]["target"] or (s and not strong[j])):
            if s and not strong[j]:
                out[j] = {**out[j], "target": d["target"], "mode": d["mode"]}
                strong[j] = True
            continue
        keys.setdefault(key, len(out))
        out.append(d)
        strong.append(s)
    return out
