"""Anchoring events in time: given an event trigger, say when the event happened.

The rules, in order (the first that applies wins):

1. **attached**: a time expression of the trigger's sentence whose dependency path reaches the
   trigger ("In February 2014, ... forces *seized*", "*Meeting* ... on Feb. 12"), or whose
   `when`/relative clause contains the trigger ("since February 2022, when troops *entered*");
2. **sentence scope**: a time at the start of the sentence scopes the whole sentence; otherwise
   the time closest to the trigger in the dependency tree;
3. **inherited**: the paragraph's narrative time, the last dated expression before the trigger in
   the same paragraph (``from_ = "inherited"``);
4. **dct**: the document date, for a verb trigger in the present or simple past (the news event);
   perfect and pluperfect aspect ("has opposed", "had faced") mark indefinite background and
   stay unknown;
5. otherwise unknown.

Only DATE and TIME expressions with a calendar value (not durations, sets or ``PAST_REF``) anchor
events. The precision follows the value (day, month, year) and the interval follows its mod (see
`dateline.timex.values`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dateline.parse.nlp import paragraph_index
from dateline.record import EventDate, Interval, TimeExpression
from dateline.timex import values as V

_PERFECT_AUX = {"has", "have", "had", "'ve", "'d", "having"}


def _head_of(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _ancestors(tok: Token) -> list[Token]:
    out = []
    seen = {tok.i}
    while tok.head.i not in seen:
        tok = tok.head
        seen.add(tok.i)
        out.append(tok)
    return out


def _distance(a: Token, b: Token) -> int:
    pa = [a, *_ancestors(a)]
    pb = [b, *_ancestors(b)]
    ib = {t.i: k for k, t in enumerate(pb)}
    for k, t in enumerate(pa):
        if t.i in ib:
            return k + ib[t.i]
    return 99


def _embedded_elsewhere(head: Token | None, trigger: Token) -> bool:
    """The time sits in an embedded clause (relative, complement) that does not hold the trigger."""
    if head is None:
        return True
    for a in _ancestors(head):
        if a.pos_ in ("VERB", "AUX"):
            if a.dep_ in ("relcl", "acl", "ccomp", "csubj", "xcomp", "pcomp"):
                return not (a.left_edge.i <= trigger.i <= a.right_edge.i)
            return False
    return False


def _calendar(t: TimeExpression) -> bool:
    return t.type in ("DATE", "TIME") and V.natural(t.value) is not None


def _date(t: TimeExpression, from_: str, dct=None) -> EventDate:
    iv = V.interval(t.value, t.mod, dct)
    value = t.value.split("T")[0]
    return EventDate(value, V.precision(value), Interval(*iv) if iv else None, from_)


def _perfect(verb: Token) -> bool:
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        if any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in v.children):
            return True
    return False


def _news_tense(verb: Token) -> bool:
    """A present or simple-past verb (the reported news event), not perfect, future or modal."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if _perfect(verb):
        return False
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "should", "shall", "'ll", "wo"):
            return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN")


def anchor_event(doc: Doc, start: int, end: int, *, times) -> EventDate:
    """Return when the event whose trigger spans characters ``[start, end)`` happened.

    Args:
        doc: the parsed document.
        start, end: the trigger's character offsets.
        times: the `TimeResult` of `find_times` for this document.

    Returns:
        An `EventDate` with ``from_`` = the time id, ``"inherited"``, ``"dct"`` or None.

    >>> from dateline.parse import load_nlp
    >>> from dateline.timex import find_times
    >>> from dateline.record import Published
    >>> doc = load_nlp()("Troops entered the city in March 2022. They looted shops.")
    >>> r = find_times(doc, published=Published("2025-02-12", "day", "given"))
    >>> anchor_event(doc, 44, 50, times=r).from_
    'inherited'
    """
    trigger = _head_of(doc, start, end)
    unknown = EventDate(None, "unknown")
    if trigger is None:
        return unknown
    sent = trigger.sent
    dated = [t for t in times.times if _calendar(t)]
    in_sent = [t for t in dated if sent.start_char <= t.span[0] < sent.end_char]
    heads = {t.id: _head_of(doc, *t.span) for t in in_sent}
    heads = {k: h for k, h in heads.items() if h is not None}

    # 1. attached in the parse
    attached = []
    trig_anc = {a.i for a in _ancestors(trigger)}
    for t in in_sent:
        h = heads.get(t.id)
        if h is None:
            continue
        tspan = doc.char_span(*t.span, alignment_mode="expand")
        span_is = set(range(tspan.start, tspan.end))
        path = _ancestors(h)
        if trigger.i in {a.i for a in path}:
            depth = [a.i for a in path].index(trigger.i)
            # the path must not cross another finite clause before reaching the trigger
            crossed = any(a.pos_ in ("VERB", "AUX") and a.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "acl")
                          and a.i != trigger.i for a in path[:depth])
            if not crossed:
                attached.append((depth, t))
        elif span_is & trig_anc:
            attached.append((0, t))
    if attached:
        attached.sort(key=lambda x: x[0])
        return _date(attached[0][1], attached[0][1].id, times.dct)

    # times that modify a noun ("post-2014 gains"), open-ended ones and anniversaries scope
    # no other event of the sentence
    in_sent = [t for t in in_sent if t.mod not in ("BEFORE", "AFTER") and "anniversary" not in t.text.lower()
               and not (t.id in heads and heads[t.id].dep_ in ("amod", "compound", "nmod", "poss"))]

    # 2. sentence scope: a sentence-initial time, else the nearest in the tree
    if in_sent:
        first = min(in_sent, key=lambda t: t.span[0])
        lead = doc.char_span(sent.start_char, first.span[0], alignment_mode="expand")
        if lead is not None and len([t for t in lead if not t.is_punct and not t.is_space]) <= 1:
            return _date(first, first.id, times.dct)
        best = min(in_sent, key=lambda t: (_embedded_elsewhere(heads.get(t.id), trigger),
                                           _distance(trigger, heads[t.id]) if t.id in heads else 99,
                                           abs(t.span[0] - start)))
        return _date(best, best.id, times.dct)

    # 3. the paragraph's narrative time
    starts = times.paragraph_starts or (0,)
    para_start = starts[paragraph_index(list(starts), start)]
    before = [t for t in dated if para_start <= t.span[0] < sent.start_char]
    if before:
        t = before[-1]
        return _date(t, "inherited", times.dct)

    # 4. the document date for the news event
    if times.published is not None and trigger.pos_ in ("VERB", "AUX") and _news_tense(trigger):
        p = times.published
        iv = V.interval(p.value)
        return EventDate(p.value, p.precision, Interval(*iv) if iv else None, "dct")
    return unknown
