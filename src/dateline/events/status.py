"""Event status and background (PLOVER's negation / hypothetical / historical modes).

``negated`` ("did not fire"), ``hypothetical`` (would/could/may, conditionals, intentions: "intends
to end this war"), ``reported`` (inside a quote or indirect speech, linked to the quote), else
``asserted``. ``background`` marks context reported as past: past perfect, "since 2014"
histories, events dated well before the document, and nominal events an act responds to.
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from dateline.record import EventDate, Quote

_MODAL = {"would", "could", "might", "may", "should", "must", "can", "'d", "ought"}
_INTENT = {"intend", "plan", "want", "hope", "wish", "aim", "seek", "try", "attempt", "expect", "consider",
           "threaten", "propose", "need", "prepare", "mean", "refuse", "decline", "fail", "urge", "ask",
           "call", "demand", "insist", "push"}
_SPEECH = {"say", "tell", "claim", "state", "announce", "add", "report", "believe", "think", "argue",
           "insist", "warn", "note", "explain", "suggest", "accuse", "allege", "deny", "acknowledge", "confirm"}
_CONDITIONAL = {"if", "unless", "whether"}
_ALLEGE = {"accuse", "charge", "blame", "suspect", "indict", "allege"}
_REALIZED = {"manage", "begin", "start", "continue", "proceed", "go", "come", "move", "use", "resort"}
BACKGROUND_DAYS = 180
"""Events dated more than this many days before the document date are background."""


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in token.head.children):
        return True
    return any(c.lower_ in ("never",) for c in token.children)


def _hypothetical(token: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and token.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp") \
            and token.head.pos_ in ("NOUN", "PROPN", "VERB") and token.head.lemma_.lower() not in _REALIZED:
        return True  # "pressure to help Iran", "a team to help identify": the infinitive is not (yet) done
    if token.dep_ == "xcomp" and token.tag_ == "VB" and token.head.i != token.i and token.head.pos_ == "VERB" \
            and _hypothetical(token.head):
        return True  # "to help defend X": the bare infinitive shares its governor's mood
    node = token
    for depth in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _MODAL for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in node.children):
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _INTENT and depth == 0:
            return True
        if node.dep_ in ("conj",) and node.head.i != node.i:
            node = node.head
            continue
        break
    return False


def quote_at(start: int, end: int, quotes: tuple[Quote, ...]) -> Quote | None:
    """Return the quote whose content covers ``[start, end)``, or None.

    >>> from dateline.record import Quote, TextSpan
    >>> q = Quote("Q1", "direct", (TextSpan("We attacked.", (1, 13)),))
    >>> quote_at(4, 12, (q,)).id
    'Q1'
    """
    for q in quotes:
        for part in q.content:
            if part.span[0] <= start and end <= part.span[1]:
                return q
    return None


def status_of(token: Token, start: int, end: int, *, quotes: tuple[Quote, ...], speech_act: bool = False
              ) -> tuple[str, str | None]:
    """Return ``(status, quote id)`` for a trigger token.

    A speech act that is itself the act (a demand, a threat) is asserted even when it is also a
    quote's cue; an act stated inside a quote or a reported clause is ``reported``.
    """
    quote = quote_at(start, end, quotes)
    if _negated(token) and not speech_act:
        return "negated", quote.id if quote else None
    if _hypothetical(token) and not speech_act:
        return "hypothetical", quote.id if quote else None
    if quote is not None:
        return "reported", quote.id
    if speech_act:
        cue = next((q for q in quotes if q.cue and q.cue.span[0] <= start < q.cue.span[1]), None)
        return "asserted", cue.id if cue else None
    node = token
    for _ in range(5):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _SPEECH:
            return "reported", None
        if node.dep_ == "pcomp" and node.head.lower_ in ("of", "for") and node.head.head.lemma_.lower() in _ALLEGE:
            return "reported", None  # "was accused by Ghana of shelling villages": an allegation
        if node.head.i == node.i:
            break
        node = node.head
    return "asserted", None


def _past_perfect(token: Token) -> bool:
    node = token
    for _ in range(3):
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("had", "'d") for a in auxes) and node.tag_ == "VBN":
            return True
        if any(a.lower_ in ("has", "have") for a in auxes) and node.tag_ == "VBN":
            return True  # present perfect reports a standing past ("has opposed")
        if node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            continue
        break
    return False


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")[:3]]
    except ValueError:
        return None
    while len(parts) < 3:
        parts.append(1)
    try:
        return date(*parts)
    except ValueError:
        return None


def is_background(token: Token, when: EventDate | None, published: str | None, *, nominal_argument: bool = False
                  ) -> bool:
    """True when the event is context reported as past rather than news of the day.

    >>> from dateline.record import EventDate, Interval
    >>> from dateline.parse import load_nlp
    >>> tok = load_nlp()("Russia seized Crimea.")[1]
    >>> is_background(tok, EventDate("2014-02", "month", Interval("2014-02-01", "2014-03-01")), "2025-02-12")
    True
    """
    if _past_perfect(token) or nominal_argument:
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr", "nsubjpass") and _past_perfect(token.head):
        return True  # "Russia has declared the annexation ...": the nominal act is reported as past
    pub = _iso(published)
    if when is not None and when.value and pub is not None:
        end = _iso(when.interval.end) if when.interval else _iso(when.value)
        if end is not None and (pub - end).days > BACKGROUND_DAYS:
            return True
    return False
