"""Shared per-document state for the quote finders: the doc, its quoted spans and lookups.

Internal to the quotes stage. `Candidate` is the mutable-free intermediate result that
`direct`, `indirect` and `find` pass around before it becomes a `dateline.record.Quote`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.quotes.cues import CueLexicon, load_cues
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

    @classmethod
    def build(cls, doc: Doc, *, excluded: tuple[Span, ...] = ()) -> "QuoteContext":
        """Pair the marks of ``doc.text`` and index its tokens."""
        ctx = cls(doc, doc.text, find_quoted_spans(doc.text), load_cues(), tuple(excluded))
        ctx._starts = [t.idx for t in doc]
        ctx._outer_starts = [q.start for q in ctx.quoted]
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
