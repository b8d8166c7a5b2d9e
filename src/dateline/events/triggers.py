"""Find event triggers in a parsed sentence: verbs and nouns from the lexicon, with the
particles, prepositions and objects that make them events ("seized control", "entered Ukraine in
force", "pushed back on", "street demonstrations", "calls to join"), and control verbs combined
with the action they govern ("agreed to withdraw" → CAMEO 0356)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dateline.events.codes import intent, refine
from dateline.events.lexicon import Entry, Lexicon, load_lexicon

_PARTICLE_DEPS = {"prt", "advmod", "compound:prt"}
_PREP_DEPS = {"prep", "agent", "dative"}
_OBJECT_DEPS = {"dobj", "attr", "nsubjpass", "oprd"}
_COMMIT = {"will", "'ll", "wo", "shall"}
_INTENT_HEADS = {"ready", "willing", "prepared"}


@dataclass(slots=True)
class Trigger:
    """A matched trigger: its head token, the tokens that make up its text, entry and code."""

    token: Token
    entry: Entry
    cameo: str
    tokens: list[Token] = field(default_factory=list)
    prep_objects: list[Token] = field(default_factory=list)  # objects of the entry's preposition
    action: Token | None = None  # the governed action of a control verb
    intent: bool = False  # coded as an announced intent (will / promise / offer ...)
    rejected: bool = False  # a negated commitment recoded as a rejection
    asked: Token | None = None  # who is asked to act ("wants Putin to attack")
    threatened: bool = False  # the harm a threat announces: coded, but hypothetical

    MAX_GAP = 5
    """Trigger words further than this from the head stay evidence but not trigger text."""

    def _near(self) -> list[Token]:
        return [t for t in self.tokens if abs(t.i - self.token.i) <= self.MAX_GAP] or [self.token]

    @property
    def start(self) -> int:
        return min(t.idx for t in self._near())

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self._near())


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


_MEASURE = {"ton", "tonne", "kg", "kilogram", "worth", "day", "week", "part", "shipment", "consignment",
            "load", "amount", "number", "mission", "team", "group", "batch", "series", "set", "lot", "dozen",
            "state", "delivery", "deliveries"}


def _object_keys(token: Token) -> set[str]:
    keys = _keys(token)
    if token.lemma_.lower() in _MEASURE or token.like_num or token.pos_ == "NUM":
        # "700 kg of medicine", "a mission of observers", "10 days of war games"
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        keys |= _keys(g)
    return keys


def _keys(token: Token) -> set[str]:
    lemma = token.lemma_.lower()
    keys = {lemma, token.lower_}
    keys |= {c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i < token.i}
    comp = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    if comp:
        keys.add(" ".join(c.lemma_.lower() for c in comp[-1:]) + " " + lemma)
        keys.add(" ".join(c.lower_ for c in comp[-1:]) + " " + token.lower_)
    return keys


def _temporal(prep: Token) -> bool:
    """ "agreed on Thursday": a preposition whose object is a date is not the verb's argument."""
    obj = _pobj(prep)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _match(token: Token, entry: Entry) -> tuple[list[Token], list[Token]] | None:
    """Return (extra tokens of the trigger text, prep objects) if the entry's constraints hold."""
    extra: list[Token] = []
    pobjs: list[Token] = []
    if entry.particle:
        prt = [c for c in _children(token, _PARTICLE_DEPS | {"prep"}) if c.lower_ == entry.particle]
        if not prt:
            return None
        extra += prt[:1]
    if entry.preps:
        preps = [c for c in token.children if c.dep_ in _PREP_DEPS | {"prt"} and c.lower_ in entry.preps
                 and not _temporal(c)]
        if not preps and entry.pos == "N" and "to" in entry.preps:
            # "calls to join": the infinitive's "to" marks the noun's complement
            for c in token.children:
                if c.dep_ in ("acl", "relcl", "xcomp") and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
                    preps = [a for a in c.children if a.lower_ == "to"]
            nxt = _to_infinitive(token)
            if not preps and nxt is not None:
                preps = [token.doc[token.i + 1]]
        if not preps:
            return None
        extra += preps[:1]
        for p in preps:
            obj = _pobj(p)
            if obj is not None:
                pobjs.append(obj)
    if entry.objects:
        candidates = _children(token, _OBJECT_DEPS) + pobjs
        candidates += [c for o in candidates for c in o.children if c.dep_ == "conj"]  # "photographs and intelligence"
        if entry.pos == "N":
            candidates = [token]
        hit = next((c for c in candidates if _object_keys(c) & set(entry.objects)), None)
        if hit is None:
            return None
        if entry.pos == "V":
            extra.append(hit)
    if " " in entry.lemma and entry.pos == "N":
        words = entry.lemma.split()
        mods = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        if not mods or mods[-1].lemma_.lower() != words[-2]:
            return None
        extra.append(mods[-1])
    return extra, pobjs


def _to_infinitive(token: Token) -> Token | None:
    """The verb of "to <verb>" right after a noun ("calls to join"), whatever the parse did."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to" and doc[token.i + 2].pos_ == "VERB":
        return doc[token.i + 2]
    return None


def _best(token: Token, lexicon: Lexicon) -> tuple[Entry, list[Token], list[Token]] | None:
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")) or \
            (token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT", "conj")):  # "is opposed to", "is willing"
        pos = "V"
    elif token.pos_ in ("NOUN", "PROPN"):
        pos = "N"
    else:
        return None
    lemma = token.lemma_.lower()
    rows = lexicon.entries(pos, lemma) + lexicon.multiword.get((pos, lemma), [])
    best = None
    for entry in rows:
        got = _match(token, entry)
        if got is None:
            continue
        if best is None or entry.specificity + (" " in entry.lemma) > best[0].specificity + (" " in best[0].lemma):
            best = (entry, *got)
    return best


def _prefixed(token: Token) -> Token:
    """The verb of a prefixed word the tokenizer split ("re", "-", "examine" → "examine").

    >>> from dateline.parse import load_nlp
    >>> _prefixed(load_nlp()("They want to re-examine it.")[3]).text
    'examine'
    """
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and len(token) <= 4 and \
            doc[token.i + 2].pos_ == "VERB" and not doc[token.i + 1].whitespace_ and not token.whitespace_:
        return doc[token.i + 2]
    return token


def _complement(token: Token) -> Token | None:
    """The action a control verb or noun governs: xcomp / to-infinitive / "for" object / object."""
    if token.pos_ in ("NOUN", "PROPN") and (verb := _to_infinitive(token)) is not None:
        return verb
    for c in token.children:
        if c.dep_ in ("xcomp", "ccomp", "acl", "relcl") and c.pos_ in ("VERB", "AUX") and \
                any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"):
            return _prefixed(c)
    for c in token.children:
        if c.dep_ == "xcomp":
            return c
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            obj = _pobj(c)
            if obj is not None:
                return obj
    for c in token.children:
        if c.dep_ == "dobj":
            return c
    return None


_SAY = {"say", "announce", "state", "declare", "tell", "confirm", "vow", "pledge", "promise", "warn", "insist",
        "indicate", "reiterate", "add"}


_INTENT_ROOTS = ("04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20")
_CONFLICT_ROOTS = ("14", "15", "16", "17", "18", "19", "20")
_MAYBE = {"may", "might", "could", "would", "will", "'ll"}


def _conditional_threat(trig: Trigger) -> bool:
    """ "The EC may halt mediation if ...", "will boycott unless ...": harm made conditional on the
    target's behaviour is a threat (CAMEO 13x); the harm itself is not asserted."""
    token = trig.token
    if trig.entry.cameo[:2] not in _CONFLICT_ROOTS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in token.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in token.children)


def _committed(token: Token) -> bool:
    """True when the action is announced as a commitment: "will visit", "ready to help", and
    "said they would boycott" (CAMEO codes an announced intent, not the act)."""
    if any(c.dep_ == "aux" and c.lower_ in _COMMIT for c in token.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in token.children) and token.dep_ == "ccomp" \
            and token.head.lemma_.lower() in _SAY and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                               for c in token.children):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_.lower() in _INTENT_HEADS


_THREAT_WORDS = {"conflict", "war", "attack", "retaliate", "retaliation", "consequence", "consequences", "force",
                 "strike", "sanction", "sanctions", "response", "escalation", "punish", "destroy", "invade",
                 "confrontation", "catastrophe", "reprisal", "military"}
_THREAT_MODALS = {"would", "will", "could", "'ll", "might", "may"}
_MUST = {"must", "should"}
_DEMAND_MODALS = {"must", "should", "need", "needs", "ought", "has", "have"}


def _clause(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")), None)


def _governs_clause(token: Token) -> bool:
    """True when a verb governs another verb's clause: "help defend Y" (xcomp), or "help X
    join Z" where the parser left the bare verb after the object outside the clause."""
    if any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in token.children):
        return True
    doc = token.doc
    for obj in token.children:
        nxt = obj.right_edge.i + 1 if obj.dep_ == "dobj" else None
        if nxt is not None and nxt < len(doc) and doc[nxt].tag_ == "VB":
            return True
    return False


def complement_ok(token: Token, entry: Entry) -> bool:
    """``threatcomp``: the complement threatens (a modal or a conflict word); ``modalcomp``: the
    complement says what the target must do ("insisted that Europe must ...")."""
    if "threatcomp" in entry.flags:
        clause = _clause(token)
        if clause is None:
            return False
        if any(t.dep_ == "aux" and t.lower_ in _THREAT_MODALS for t in clause.children):
            return True  # "warned that police will no longer tolerate rallies"
        heads = [clause] + [c for c in clause.children if c.dep_ in ("dobj", "attr", "prep", "xcomp")]
        heads += [g for h in heads if h.dep_ == "prep" for g in h.children if g.dep_ == "pobj"]
        if clause.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children):
            # "warned that Russia was rebuilding its forces": a warning *about* what someone did or
            # is doing is a statement; only one addressed to someone, naming harm, threatens
            return any(c.dep_ in ("dobj", "dative") for c in token.children) and \
                any(t.lemma_.lower() in _THREAT_WORDS for t in heads)
        return any(t.lemma_.lower() in _THREAT_WORDS for t in heads)
    if "mustcomp" in entry.flags:  # "said that China must drop barriers": a demand
        clause = _clause(token)
        return clause is not None and any(t.dep_ == "aux" and t.lower_ in _MUST for t in clause.children)
    if "noclause" in entry.flags:
        return not _governs_clause(token)
    if "modalcomp" in entry.flags:
        clause = _clause(token)
        if clause is None:
            return False
        return any(t.lower_ in _DEMAND_MODALS and t.dep_ in ("aux", "ROOT", "xcomp") for t in clause.children) or \
            clause.tag_ == "VB" or any(c.dep_ == "xcomp" for c in clause.children if c.lower_ in ("need", "have"))
    return True


def find_triggers(sent: Span, *, lexicon: Lexicon | None = None) -> list[Trigger]:
    """Return the event triggers of one sentence, in text order.

    Args:
        sent: a sentence of a parsed spaCy ``Doc``.
        lexicon: the trigger lexicon (defaults to the packaged one).

    >>> from dateline.parse import load_nlp
    >>> [(t.cameo, t.token.text) for t in find_triggers(next(load_nlp()("Serbia agreed to withdraw its troops.").sents))]
    [('0356', 'agreed')]
    """
    lexicon = lexicon or load_lexicon()
    found: dict[int, Trigger] = {}
    for token in sent:
        got = _best(token, lexicon)
        if got is None:
            continue
        entry, extra, pobjs = got
        if not complement_ok(token, entry):
            continue
        if entry.pos == "N":  # "street demonstrations", "hunger strike": the compound is part of the trigger
            mods = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
            extra += [m for m in mods if m not in extra]
        found[token.i] = Trigger(token, entry, entry.cameo, [token, *extra], pobjs)
    consumed: set[int] = set()
    for i, trig in sorted(found.items()):
        if "ctrl" not in trig.entry.flags:
            continue
        action = _complement(trig.token)
        if action is None:
            if "needaction" in trig.entry.flags:
                trig.cameo = ""  # "cooperation fails" is no rejection
            continue
        inner = found.get(action.i)
        if inner is not None and "authority" in inner.entry.flags:
            inner = None  # "voters want immigrants to be allowed to stay": no state concedes anything
        if inner is None and "needinner" in trig.entry.flags:
            trig.cameo = ""  # "seeking to avoid a recount": the aim is no coded act
            continue
        trig.action = action
        if "want" in trig.entry.flags:
            asked = next((c for c in action.children if c.dep_ == "nsubj"), None) if action.pos_ == "VERB" else None
            if asked is not None:  # "wants Putin to attack": an appeal to Putin
                trig.asked = asked
                trig.cameo = refine("020", inner.cameo if inner else None)
            elif inner is not None:  # "wants to attack": an announced intent
                trig.cameo = refine("030", inner.cameo)
                trig.intent = True
            else:
                trig.cameo = ""
            if inner is not None:
                consumed.add(action.i)
            trig.tokens += [a for a in action.children if a.dep_ == "aux" and a.lower_ == "to"] + [action]
            continue
        if inner is not None and inner.entry.cameo[:2] not in ("02", "10", "11", "12", "13"):
            trig.cameo = refine(trig.entry.cameo, inner.cameo)
            consumed.add(action.i)
        if action.i > trig.token.i and action.pos_ in ("VERB",):
            to = [a for a in action.children if a.dep_ == "aux" and a.lower_ == "to"]
            trig.tokens += to + [action]
    for i, trig in found.items():  # "held talks": the noun inside a verb trigger is not a second event
        for t in trig.tokens[1:]:
            inner = found.get(t.i)
            if inner is not None and inner.entry.pos == "N" and t.i != i:
                consumed.add(t.i)
    for i, trig in found.items():  # "the attack killed ten": the attack's own outcome, not a second attack
        subj = next((c for c in trig.token.children if c.dep_ == "nsubj"), None)
        noun = found.get(subj.i) if subj is not None and trig.entry.pos == "V" else None
        if noun is not None and noun.entry.pos == "N" and noun.cameo[:2] == trig.cameo[:2] and \
                trig.cameo[:2] in _CONFLICT_ROOTS:
            consumed.add(i)
    for i, trig in found.items():  # "met with Assad to discuss ...": the purpose is part of the meeting
        tok = trig.token
        head = found.get(tok.head.i)
        if head is not None and head is not trig and tok.dep_ in ("advcl", "xcomp") and \
                head.cameo[:2] == trig.cameo[:2] and any(a.lower_ == "to" for a in tok.children if a.dep_ == "aux"):
            consumed.add(i)
    out = []
    for i, trig in sorted(found.items()):
        if i in consumed or not trig.cameo:
            continue
        negated = any(c.dep_ == "neg" for c in trig.token.children)
        if negated and trig.entry.cameo[:2] in ("03", "04", "05", "06", "07", "08") and (
                _committed(trig.token) or trig.entry.lemma in ("accept", "agree", "allow")):
            trig.cameo = refine("120", trig.cameo)  # "will not accept refugees": CAMEO codes a rejection
            trig.rejected = True
        elif "ctrl" not in trig.entry.flags and trig.entry.cameo[:2] in _INTENT_ROOTS and \
                (_committed(trig.token) or _conditional_threat(trig)):
            harm = trig.entry.cameo[:2] in _CONFLICT_ROOTS
            act = trig.cameo
            trig.cameo = intent(trig.cameo)
            trig.intent = True
            if harm:  # the threat is asserted; the act it threatens is kept as hypothetical
                out.append(trig)
                trig = Trigger(trig.token, trig.entry, act, list(trig.tokens), list(trig.prep_objects),
                               trig.action, threatened=True)
        out.append(trig)
    return out
