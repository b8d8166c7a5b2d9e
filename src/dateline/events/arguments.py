"""Source and target actors of a trigger, read off the dependency parse.

Source: the subject (or the passive's "by" agent), inherited through conjunctions, control and
adverbial clauses; for nouns, the possessor ("Ukraine's calls"), a modifier ("Russian
invasion") or the subject of a light verb ("staged demonstrations"). Target: the object, the
preposition's object, a possessor or modifier inside them, or the subject of a demanded clause
("insisted that Europe must ..."). Conjoined actors give lists (PLOVER compound actors). Actors
are resolved through ``ActorIndex.actor_at`` (the actors stage's coreference); no target is
invented: when the object is a place, the target is the country actor the place belongs to,
and only if the document names that country.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources

from spacy.tokens import Token

from dateline.actors import ActorIndex
from dateline.events.triggers import Trigger
from dateline.parse.nlp import entity_span

_SUBJ = ("nsubj", "csubj")
_LIGHT_SOURCE = {"stage", "hold", "launch", "conduct", "mount", "lead", "organize", "organise", "begin",
                 "start", "continue", "carry", "make", "issue", "declare", "announce", "renew", "step", "engage",
                 "resort", "undertake", "intensify", "escalate", "resume", "end", "call", "return", "arrive",
                 "travel", "come", "gather", "go"}
_STATIVE = {"commit", "oppose", "engage", "involve", "prepare", "determine", "resolve", "dedicate", "devote"}
"""Passives that describe their subject's own stance ("Vietnam is committed to", "is opposed to")."""
_LIGHT_TARGET = {"face", "suffer", "endure", "receive", "confront", "meet"}
_TARGET_PREPS = ("with", "against", "on", "to", "at", "from", "for", "into", "toward", "towards", "upon", "over")
_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "conj", "cc", "det", "prep", "pobj", "case", "npadvmod"}

PlaceCountry = Callable[[Token], "str | None"]


def _actor(token: Token, actors: ActorIndex) -> str | None:
    found = actors.actor_at(token.idx, token.idx + len(token.text))
    if found is None and token.ent_type_ and token.ent_iob_ in ("B", "I"):
        # "Barack" in "Barack Obama" when the mention covers only "Obama" (and the parse split them)
        ent = entity_span(token)
        if ent is not None and len(ent) > 1:
            found = actors.actor_at(ent.start_char, ent.end_char)
    if found is None and token.pos_ == "PROPN" and token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", ""):
        return _by_name(token.text, actors)  # a name the actors stage left unlinked
    return found


def _is_country(aid: str | None, actors: ActorIndex) -> bool:
    actor = actors.get(aid) if aid else None
    return actor is not None and actor.kind == "COUNTRY"


def _by_name(text: str, actors: ActorIndex) -> str | None:
    """The one actor with a mention or final name word spelled exactly ``text`` (else None)."""
    hits = {a.id for a in actors.actors
            if any(m.text == text for m in a.mentions) or (a.kind == "PERSON" and a.name.split()[-1:] == [text])}
    return hits.pop() if len(hits) == 1 else None


def _name_children(token: Token) -> list[Token]:
    """Children of ``token`` and, when it starts or ends a multi-word name the parser split
    ("Barack" as subject, "Obama" its object), of the name's other words."""
    if token.ent_iob_ not in ("B", "I"):
        return list(token.children)
    ent = entity_span(token)
    start, end = ent.start, ent.end
    words = [token] + [t for t in ent if t.i != token.i]
    return [c for w in words for c in w.children if not start <= c.i < end]


def np_actors(token: Token, actors: ActorIndex, *, deep: bool = True, skip: set[str] = frozenset()) -> list[str]:
    """Actors named by the noun phrase headed by ``token`` (head first, then conjuncts, then
    possessors/modifiers, then "of"/"in" complements when ``deep``), without ``skip`` ids."""
    out: list[str] = []

    def add(aid):
        if aid and aid not in out and aid not in skip:
            out.append(aid)

    head = _actor(token, actors)
    owner = actors.get(head) if head else None
    if owner is not None and not owner.country and owner.kind not in ("IGO",):
        # "ministers from the Georgian government": a role noun takes its country from the complement
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of", "in", "throughout", "across"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = np_actors(obj, actors, deep=False, skip=skip) if obj is not None else []
                found = [a for a in found if (x := actors.get(a)) is not None and x.country]
                if found:
                    head = found[0]
                    break
    add(head)
    if not out:  # "Kenzo Oshima, the UN relief coordinator, demanded": the appositive names the actor
        for c in token.children:
            if c.dep_ == "appos":
                add(_actor(c, actors))
    for c in _name_children(token):
        # "The US, Russia, and Switzerland": conjuncts (and lists the parser reads as appositions)
        if c.dep_ == "conj" or (c.dep_ == "appos" and _is_country(head, actors) and _is_country(_actor(c, actors), actors)):
            add(_actor(c, actors))
            for cc in c.children:
                if cc.dep_ == "conj":
                    add(_actor(cc, actors))
    if out:
        for c in token.children:  # "French and German troops": coordinated modifiers name more actors
            if c.dep_ in ("amod", "nmod", "compound") and c.i < token.i and any(g.dep_ == "conj" for g in c.children):
                for m in [c, *(g for g in c.children if g.dep_ == "conj")]:
                    aid = _actor(m, actors)
                    if aid and aid not in out and aid not in skip and \
                            not any(m.idx >= s and m.idx < e for s, e in _spans(out, actors)):
                        out.append(aid)
        return out
    for c in token.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < token.i:
            add(_actor(c, actors))
            for cc in c.children:
                if cc.dep_ in ("compound", "poss", "conj"):
                    add(_actor(cc, actors))
    if out or not deep:
        return out
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "in", "from", "with", "to", "by", "against"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                for aid in np_actors(obj, actors, deep=False, skip=skip):
                    add(aid)
        if c.dep_ in ("acl", "relcl"):
            for g in c.children:
                if g.dep_ in ("dobj", "attr"):
                    for aid in np_actors(g, actors, deep=True, skip=skip):
                        add(aid)
    return out


def _spans(ids: list[str], actors: ActorIndex) -> list[tuple[int, int]]:
    return [m.span for aid in ids if (a := actors.get(aid)) is not None for m in a.mentions]


def _country(aid: str, actors: ActorIndex) -> str | None:
    actor = actors.get(aid)
    return (actor.country or actor.id) if actor else aid


_SAY = {"say", "announce", "state", "declare", "tell", "add", "confirm", "insist", "claim", "report", "reiterate",
        "warn", "vow", "pledge", "promise", "indicate", "note", "stress", "assert", "quote"}


def _speaker_of(clause: Token, actors: ActorIndex) -> list[str]:
    """The subject of the speech verb a clause reports ("X said [it will ...]")."""
    node = clause
    for _ in range(3):
        if node.dep_ in ("ccomp", "xcomp", "advcl") and node.head.i != node.i:
            head = node.head
            if head.lemma_.lower() in _SAY:
                subj = _subject(head)
                found = np_actors(subj, actors) if subj is not None else []
                if not found and subj is None:
                    agent = _agent(head)
                    found = np_actors(agent, actors) if agent is not None else []
                return found
            node = head
            continue
        break
    return []


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in _SUBJ:
            return c
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def verb_source(verb: Token, actors: ActorIndex, *, limit: int = 6) -> list[str]:
    """Actors doing ``verb``: its subject or agent, else inherited from the verb it hangs on."""
    prev: Token | None = None
    node = verb
    for step in range(limit):
        if step and node.i != verb.i and node.dep_ != "conj" and prev.dep_ == "xcomp":
            patient = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if patient is not None:  # "Obama is being pressured to help Iran": Obama would help
                return np_actors(patient, actors)
        if prev is not None and prev.dep_ == "pcomp" and prev.head.lower_ in ("for", "of"):
            # "jailed a student for helping militants": the student helped; also in the passive
            # ("Togo was accused by Ghana of shelling villages": Togo shelled)
            obj = next((c for c in node.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return np_actors(obj, actors)
        prev = node
        has_object = any(c.dep_ == "dobj" for c in node.children)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children) or \
            (node.dep_ == "acl" and node.tag_ == "VBN" and not has_object)  # "victims killed by the crash"
        if node.dep_ == "acl" and has_object and node.tag_ in ("VBD", "VBN") and node.head.dep_ == "ROOT" and \
                node.head.pos_ in ("NOUN", "PROPN") and not passive:
            # a finite clause the parser hung on its subject ("The Saudi-led coalition bombed
            # Sanaa" read as a noun phrase): the noun does the act
            found = np_actors(node.head, actors)
            if found:
                return found
        if passive:
            agent = _agent(node)
            if agent is None and node.lemma_.lower() in _STATIVE:
                patient = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
                return np_actors(patient, actors) if patient is not None else []
            return _agent_actors(agent, actors) if agent is not None else []
        subj = _subject(node)
        if subj is not None:
            found = np_actors(subj, actors)
            if found:
                return found
            if subj.pos_ == "PRON":  # "Japan said it had halted aid": the speaker's own act
                speaker = _speaker_of(node, actors)
                if speaker:
                    return speaker
            if subj.pos_ in ("PRON", "PROPN", "NOUN") and subj.dep_ == "nsubj" and node.dep_ not in ("conj",):
                return []  # a subject that names no actor: do not borrow one
        if node.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "acomp") or node.head.dep_ == "prep":
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ == "ADP":
                node = node.head
            if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("dobj", "pobj", "attr"):
                node = node.head  # "issued a declaration demanding ...": the declaration's issuer
                if node.pos_ == "ADP":
                    node = node.head
            continue
        break
    return []


@functools.cache
def _agent_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(mishap nouns, weapon nouns) from ``data/events/agent_nouns.json``."""
    path = resources.files("dateline.data").joinpath("events", "agent_nouns.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["mishaps"]), frozenset(data["weapons"])


@functools.cache
def _weapon_codes() -> dict[str, str]:
    path = resources.files("dateline.data").joinpath("events", "agent_nouns.json")
    return {w: c for w, c in json.loads(path.read_text(encoding="utf-8"))["weapons"].items() if c != "-"}


_UNSPECIFIED_FORCE = {"1712", "17", "170", "171", "18", "180", "19", "190"}


def weapon_code(verb: Token, cameo: str) -> str:
    """Refine destruction or unspecified force by the weapon named as its agent or instrument:
    "blown up by a missile" is fighting with artillery (CAMEO 194), not only destroying property;
    PLOVER keeps ASSAULT 'destroy' for damage whose weapon is unknown.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The bridge was destroyed by a missile.")
    >>> weapon_code(doc[3], "1712")
    '194'
    """
    if cameo not in _UNSPECIFIED_FORCE:
        return cameo
    codes = _weapon_codes()
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "with"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (code := codes.get(obj.lemma_.lower()) or codes.get(obj.lower_)):
                return code
    return cameo


@functools.cache
def _force_nouns() -> frozenset[str]:
    path = resources.files("dateline.data").joinpath("events", "agent_nouns.json")
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["forces"])


def deployment_code(verb: Token, cameo: str) -> str:
    """An arrival of armed forces is a deployment, not a visit: peacekeepers are military
    protection (CAMEO 074, PLOVER AID), other troops a mobilisation (154).

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Peacekeeping troops arrived in the capital.")
    >>> deployment_code(doc[2], "042")
    '074'
    """
    if cameo != "042":
        return cameo
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return cameo
    head = subj
    if head.lemma_.lower() not in _force_nouns():  # "the first deployment of NATO troops"
        head = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), subj)
    if head.lemma_.lower() not in _force_nouns() and head.lower_ not in _force_nouns():
        return cameo
    words = {t.lower_ for t in subj.subtree}
    return "074" if any(w.startswith("peacekeep") for w in words) else "154"


@functools.cache
def _protester_nouns() -> frozenset[str]:
    path = resources.files("dateline.data").joinpath("events", "agent_nouns.json")
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["protesters"])


def by_protesters(verb: Token) -> bool:
    """True when the doer of ``verb`` (its subject, or its passive's "by" agent) is a protester
    noun ("protesters torched a police station", "was demolished by a protestor").

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("The hall was demolished by angry protesters.")
    >>> by_protesters(doc[3])
    True
    """
    doer = _agent(verb) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return doer is not None and doer.lemma_.lower() in _protester_nouns()


def _agent_actors(agent: Token, actors: ActorIndex) -> list[str]:
    """Actors behind a passive's "by" phrase. A mishap is no doer ("killed by the Malaysia Airlines
    crash": the airline is the victim); a weapon's doer is whoever fired it ("a missile believed
    to be fired by rebels"), else the weapon's own modifier ("Israeli missiles").

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()("Ten people were killed by the Acme Airways crash.")
    >>> _agent_actors(doc[7], ActorIndex(()))
    []
    """
    mishaps, weapons = _agent_nouns()
    lemma = agent.lemma_.lower()
    if lemma in mishaps or agent.lower_ in mishaps:
        return []
    if lemma in weapons or agent.lower_ in weapons:
        for verb in agent.children:
            if verb.dep_ not in ("acl", "relcl"):
                continue
            for node in [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]:
                by = _agent(node)
                if by is not None:
                    return np_actors(by, actors)
        return np_actors(agent, actors, deep=False)  # "Israeli missiles": the modifier fired them
    return np_actors(agent, actors)


def _noun_source(noun: Token, actors: ActorIndex) -> tuple[list[str], list[str]]:
    """(source, implied target) for a nominal trigger."""
    source: list[str] = []
    doc = noun.doc
    i = noun.i - 1
    while i > 0 and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].dep_ in ("amod", "compound"):
        i -= 1
    if i > 0 and doc[i].tag_ == "POS":  # "Ukraine's calls" even when the parse attaches them apart
        owner = _actor(doc[i - 1], actors)
        if owner:
            source.append(owner)
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            source += [a for a in np_actors(c, actors, deep=False) if a not in source]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                source += np_actors(obj, actors)
    if not source:  # "talks between Kenya and Ethiopia": every party is an actor (PLOVER CONSULT)
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = np_actors(obj, actors, deep=False) if obj is not None else []
                if len(found) > 1:
                    source = found
    implied: list[str] = []
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        head = head.head  # "engaged in ethnic cleansing", "resorted to violence"
    if not source and (noun.dep_ in ("dobj", "attr") or head.i != noun.head.i) and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        patient = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if lemma in _LIGHT_SOURCE and patient is not None and _agent(head) is None:
            source = np_actors(patient, actors)  # "forces were engaged in ethnic cleansing"
        elif lemma in _LIGHT_SOURCE:
            source = verb_source(head, actors)
        elif lemma in _LIGHT_TARGET:
            implied = verb_source(head, actors)
    return source, implied


def _gerund_source(verb: Token, actors: ActorIndex, *, span: int = 4) -> list[str]:
    """A subjectless "-ing" form right after modifiers is a noun the parser read as a verb
    ("killed in Israeli tank shelling"): its source is the actor among those modifiers.

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Actor, Mention
    >>> doc = load_nlp()("Two men died in Israeli tank shelling near the border.")
    >>> idx = ActorIndex((Actor("A1", "Israel", "COUNTRY", "ISR", mentions=(Mention((16, 23), "Israeli", "demonym"),)),))
    >>> doc[6].text, doc[6].tag_, _gerund_source(doc[6], idx)
    ('shelling', 'VBG', ['A1'])
    """
    if verb.tag_ != "VBG" or _subject(verb) is not None or any(c.dep_ == "agent" for c in verb.children):
        return []
    out: list[str] = []
    i = verb.i - 1
    while i >= verb.sent.start and verb.i - i <= span and verb.doc[i].pos_ in ("ADJ", "NOUN", "PROPN"):
        aid = _actor(verb.doc[i], actors)
        if aid and aid not in out:
            out.insert(0, aid)
        i -= 1
    return out


def _shared_objects(verb: Token) -> list[Token]:
    """The object of a following conjoined verb that shares it ("Ghana criticized and sanctioned
    Togo": Togo is criticized too), unless that verb has its own subject or a clause intervenes.

    >>> from dateline.parse import load_nlp
    >>> [t.text for t in _shared_objects(load_nlp()("Ghana criticized and sanctioned Togo.")[1])]
    ['Togo']
    """
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i - verb.i > 3 or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        if any(t.text == "," for t in verb.doc[verb.i + 1:conj.i]):
            continue
        return [c for c in conj.children if c.dep_ == "dobj"]
    return []


def _objects(token: Token, trig: Trigger) -> list[Token]:
    """Argument heads in order: the entry's preposition objects, direct objects, other
    prepositional objects, then prepositional objects of the direct objects ("control over X")."""
    objs = list(trig.prep_objects)
    direct = [c for c in token.children if c.dep_ in ("dobj", "dative", "oprd") and c.pos_ != "ADP"]
    direct += [g for c in token.children if c.dep_ == "dative" and c.pos_ == "ADP"
               for g in c.children if g.dep_ == "pobj"]  # "provide support to Israel"
    direct += [o for c in token.children if c.dep_ == "prt" and c.lower_ == "up"
               for p in c.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    # "kidnapped up to 16 advisers": the parser reads the quantity as a particle and a preposition
    objs += [c for c in direct if c not in objs]
    if not objs and token.pos_ == "VERB":
        objs += _shared_objects(token)
    preps = _TARGET_PREPS + (("of",) if token.pos_ in ("NOUN", "PROPN") else ())
    if trig.cameo[:2] == "14":  # "rallied outside the Chinese embassy": a protest targets whom it faces
        preps += ("outside",)
    for head in [token, *direct]:
        for c in head.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj not in objs:
                    objs.append(obj)
    return objs


def find_arguments(
    trig: Trigger, actors: ActorIndex, *, place_country: PlaceCountry | None = None
) -> tuple[list[str], list[str]]:
    """Return ``(source actor ids, target actor ids)`` for a trigger (either may be empty).

    >>> from dateline.parse import load_nlp
    >>> from dateline.record import Actor, Mention
    >>> from dateline.events.triggers import find_triggers
    >>> doc = load_nlp()("Germany criticized France.")
    >>> idx = ActorIndex((Actor("A1", "Germany", "COUNTRY", "DEU", mentions=(Mention((0, 7), "Germany", "name"),)),
    ...                   Actor("A2", "France", "COUNTRY", "FRA", mentions=(Mention((19, 25), "France", "name"),))))
    >>> find_arguments(find_triggers(next(doc.sents))[0], idx)
    (['A1'], ['A2'])
    """
    token = trig.token
    implied: list[str] = []
    if trig.entry.pos == "N":
        source, implied = _noun_source(token, actors)
    else:
        source = verb_source(token, actors) or _gerund_source(token, actors)
    skip = set(source)
    target: list[str] = []

    def add(ids):
        for aid in ids:
            if aid not in target and aid not in skip:
                target.append(aid)

    objs = ([trig.asked] if trig.asked is not None else []) + _objects(token, trig)
    if trig.action is not None and trig.action.i != token.i:
        objs += [o for o in _objects(trig.action, trig) if o not in objs] if trig.action.pos_ == "VERB" else []
        if trig.action.pos_ in ("NOUN", "PROPN"):
            objs.append(trig.action)
    if trig.entry.pos == "V" and token.lemma_.lower() not in _STATIVE:
        # a passive's subject is the one acted upon ("Obama is being pressured"), also when it is
        # shared with an earlier conjunct ("civilians ... were released by Putin")
        objs += [c for c in token.children if c.dep_ == "nsubjpass" and c not in objs]
        if token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children) and \
                not any(c.dep_ == "nsubjpass" for c in token.children):
            objs += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c not in objs]
    for obj in objs:
        add(np_actors(obj, actors, skip=skip))
        if target:
            break
    if not target and ({"modalcomp", "threatcomp", "mustcomp"} & trig.entry.flags or
                       trig.entry.cameo[:2] in ("10", "02", "11")):
        for c in token.children:
            if c.dep_ == "ccomp":
                subj = _subject(c)
                if subj is not None:
                    add(np_actors(subj, actors, skip=skip))
                if not target and "threatcomp" in trig.entry.flags:
                    for t in c.subtree:
                        if t.dep_ in ("dobj", "pobj", "nsubj") and (aid := _actor(t, actors)) \
                                and _country(aid, actors) not in {_country(s, actors) for s in source}:
                            add([aid])
                            if target:
                                break
    if not target and implied:
        add(implied)
    if not target and place_country is not None and "prep_place" in trig.entry.flags:
        for obj in objs:
            aid = place_country(obj)
            if aid and aid not in skip:
                target.append(aid)
                break
    return source, target
