"""Shared per-document state for the quote finders: the doc, its quoted spans and lookups.

Internal to the quotes stage. `Candidate` is the mutable-free intermediate result that
`direct`, `indirect` and `find` pass around before it becomes a `dateline.record.Quote`.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

import numpy
from spacy.strings import hash_string
from spacy.symbols import ADJ, AUX, NOUN, VERB

from spacy.tokens import Doc, Token

from dateline.quotes.cues import CueLexicon, load_cues, load_nominal
from dateline.quotes.marks import QuotedSpan, find_quoted_spans
from dateline.types import Span


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quote before ids are assigned: content parts, cue, speaker mention and confidence."""

    kind: str
    parts: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    speaker_head: Span | None
    confidence: float
    cue_token: int | None = None


@dataclass(slots=True)
class QuoteContext:
    """The doc plus everything the finders look up repeatedly."""

    doc: Doc
    text: str
    quoted: list[QuotedSpan]
    lex: CueLexicon
    excluded: tuple[Span, ...] = ()
    _starts: list[int] = field(default_factory=list)
    _outer_starts: list[int] = field(default_factory=list)
    verb_idx: list[int] = field(default_factory=list)  # tokens whose lemma is a cue verb of any rule
    noun_idx: list[int] = field(default_factory=list)  # noun cues ("warning", "claim")
    adj_idx: list[int] = field(default_factory=list)  # adjective cues ("confident", "critical")
    according_idx: list[int] = field(default_factory=list)  # "according"
    in_source_idx: list[int] = field(default_factory=list)  # sources named in an "in" phrase ("poll")
    nominal_idx: list[int] = field(default_factory=list)  # nouns taking a prepositional or infinitive content
    statement_verbs: set[int] = field(default_factory=set)  # verbs carrying "in a statement"

    @classmethod
    def build(cls, doc: Doc, *, excluded: tuple[Span, ...] = (), text: str | None = None) -> "QuoteContext":
        """Pair the marks of ``doc.text`` and index its tokens (by arrays, not Token objects).

        ``doc.text`` is rebuilt from the tokens on every access; pass it as ``text`` if known.
        """
        text = doc.text if text is None else text
        ctx = cls(doc, text, find_quoted_spans(text), load_cues(), tuple(excluded))
        ctx._outer_starts = [q.start for q in ctx.quoted]
        if not len(doc):
            return ctx
        arr = doc.to_array(["IDX", "POS", "LEMMA", "LOWER"])
        ctx._starts = arr[:, 0].tolist()
        pos, lemma, lower = arr[:, 1], arr[:, 2], arr[:, 3]
        h = _hashes()
        verbish = (pos == VERB) | (pos == AUX)
        ctx.verb_idx = numpy.flatnonzero(verbish & numpy.isin(lemma, h["verbs"])).tolist()
        ctx.noun_idx = numpy.flatnonzero((pos == NOUN) & numpy.isin(lemma, h["nouns"])).tolist()
        ctx.nominal_idx = numpy.flatnonzero((pos == NOUN) & numpy.isin(lemma, h["nominal"])).tolist()
        ctx.adj_idx = numpy.flatnonzero((pos == ADJ) & numpy.isin(lemma, h["adjectives"])).tolist()
        ctx.according_idx = numpy.flatnonzero(lower == h["according"]).tolist()
        ctx.in_source_idx = numpy.flatnonzero(numpy.isin(lower, h["in_sources"])).tolist()
        # "In a statement, the ministry rejected ...": the verb a medium phrase hangs on is a cue
        for i in numpy.flatnonzero(numpy.isin(lower, h["media"])).tolist():
            prep = doc[i].head
            verb = prep.head
            if prep.lower_ == "in" and prep.dep_ == "prep" and verb.pos_ == "VERB":
                ctx.statement_verbs.add(verb.i)
        if ctx.statement_verbs:
            ctx.verb_idx = sorted(set(ctx.verb_idx) | ctx.statement_verbs)
        return ctx

    def token_at(self, char: int) -> Token | None:
        """Return the token that contains (or starts after) character ``char``."""
        if not len(self.doc):
            return None
        i = bisect.bisect_right(self._starts, char) - 1
        i = max(0, i)
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return tok

    def quoted_at(self, char: int) -> QuotedSpan | None:
        """Return the quoted span whose outer range contains ``char``, if any."""
        i = bisect.bisect_right(self._outer_starts, char) - 1
        for j in (i, i - 1):
            if j >= 0 and self.quoted[j].start <= char < self.quoted[j].end:
                return self.quoted[j]
        return None

    def in_quote(self, token: Token) -> bool:
        """True when the token lies inside (or is a mark of) a quoted span."""
        return self.quoted_at(token.idx) is not None

    def is_excluded(self, span: Span) -> bool:
        """True when the span overlaps the byline (never a speaker)."""
        return any(s < span[1] and span[0] < e for s, e in self.excluded)


@functools.cache
def _hashes() -> dict:
    lex = load_cues()
    as_array = lambda words: numpy.array(sorted(hash_string(w) for w in words), dtype=numpy.uint64)  # noqa: E731
    return {
        "verbs": as_array(lex.all_verbs), "nouns": as_array(lex.nouns), "nominal": as_array(load_nominal().nouns), "adjectives": as_array(lex.adjectives),
        "according": numpy.uint64(hash_string("according")),
        "media": as_array(m[-1] for m in lex.multiword if m[0] == "in"),
        "in_sources": as_array(lex.in_sources),
    }


def trim_span(text: str, start: int, end: int, *, punct: bool = True) -> Span:
    """Strip whitespace (and, with ``punct``, edge punctuation other than quote marks) from a span.

    >>> trim_span("  that's it, ", 0, 13)
    (2, 11)
    """
    strip = " \t\n\r" + (",;:-\u2014\u2013" if punct else "")
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def to_infinitive(tok: Token) -> bool:
    """True when ``tok`` heads a to-infinitive ("to run" in "wants to run").

    >>> from dateline.parse import load_nlp
    >>> to_infinitive(load_nlp()("She wants to run.")[3])
    True
    """
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
