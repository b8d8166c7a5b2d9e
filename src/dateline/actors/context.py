"""Working state shared by the actor modules while one document is processed.

`DocContext` precomputes, once per document, what every rule needs (sentence index of each
token, quote regions, excluded spans); `Candidate` is a name-like span read from NER and rules;
`Entity` is a growing actor cluster that `find.py` turns into an `Actor` record at the end.
These are mutable working objects, never part of the output.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import ENT_IOB, ENT_TYPE, LOWER, ORTH, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Doc

from dateline.actors.lexicon import KnownActor, Lexicon, load_lexicon

_QUOTE_PAIR = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)", re.M)


@dataclass(slots=True)
class Candidate:
    """A span that names something: kind PERSON|ORG|COUNTRY|IGO|GROUP|DEMONYM|CAPITAL."""

    start: int  # token index
    end: int  # token index, exclusive
    kind: str
    text: str
    char_start: int
    char_end: int
    known: KnownActor | None = None
    iso: str | None = None
    sector: str | None = None
    pro: bool = False  # "pro-Russian": a stance, not the country itself
    region_demonym: bool = False  # "European" naming the region actor Europe
    indefinite: bool = False  # "a senior official": a new unnamed person each time


@dataclass(slots=True)
class Ment:
    """A mention being collected: character span, text, how, and its syntactic root token."""

    start: int
    end: int
    text: str
    how: str
    root: int  # token index of the mention's head


@dataclass(slots=True)
class RoleInfo:
    """A title or appositive found for an entity."""

    start: int
    end: int
    text: str
    country: str | None
    sector: str | None
    gender: str | None = None


@dataclass(slots=True)
class Entity:
    """An actor under construction."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    known: KnownActor | None = None
    plural: bool = False
    roles: list[RoleInfo] = field(default_factory=list)
    mentions: list[Ment] = field(default_factory=list)

    def add(self, m: Ment) -> None:
        if not any(x.start == m.start and x.end == m.end for x in self.mentions):
            self.mentions.append(m)

    def first(self) -> int:
        return min(m.start for m in self.mentions)


def hashes(words) -> frozenset:
    """spaCy string hashes of ``words``, for `DocContext.positions`."""
    return frozenset(hash_string(w) for w in words)


def _entity_spans(doc: Doc, iob: list[int], types: list[int]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of the doc's entities, read from token arrays (cheaper than ``doc.ents``)."""
    out: list[tuple[int, int, str]] = []
    start = None
    strings = doc.vocab.strings
    for i, (b, t) in enumerate(zip(iob, types)):
        if start is not None and b != 1:  # 1 = I (inside)
            out.append((start, i, strings[types[start]]))
            start = None
        if b == 3:  # 3 = B (begin)
            start = i
    if start is not None:
        out.append((start, len(iob), strings[types[start]]))
    return out


class DocContext:
    """Per-document lookups: token → sentence, character → quote region, excluded spans."""

    def __init__(self, doc: Doc, *, excluded: tuple[tuple[int, int], ...] = (),
                 dateline: tuple[int, int] | None = None, lexicon: Lexicon | None = None,
                 text: str | None = None) -> None:
        self.doc = doc
        self.text = text if text is not None else doc.text  # doc.text re-joins every token: pass it
        self.lex = lexicon or load_lexicon()
        self.excluded = excluded
        self.dateline = dateline
        n = len(doc)
        arr = doc.to_array([LOWER, ORTH, SENT_START, ENT_IOB, ENT_TYPE]) if n else np.zeros((0, 5), dtype="uint64")
        self.lower_ids: list[int] = arr[:, 0].tolist()
        self.orth_ids: list[int] = arr[:, 1].tolist()
        starts = arr[:, 2].astype("int64") == 1
        if n:
            starts[0] = True
        self.sent_of: list[int] = (np.cumsum(starts) - 1).tolist()
        edges = np.flatnonzero(starts).tolist() + [n]
        self.sent_bounds: list[tuple[int, int]] = list(zip(edges[:-1], edges[1:]))
        self.ents: list[tuple[int, int, str]] = _entity_spans(doc, arr[:, 3].tolist(), arr[:, 4].tolist())
        self.quotes: list[tuple[int, int]] = [(m.start(), m.end()) for m in _QUOTE_PAIR.finditer(self.text)]
        self._qstarts = [q[0] for q in self.quotes]
        self.claimed: set[int] = set()  # token indices owned by titles, appositives, group phrases

    def positions(self, lower: frozenset = frozenset(), orth: frozenset = frozenset()) -> list[int]:
        """Token indices whose lower-case (or exact) form's string hash is in ``lower`` (or ``orth``)."""
        if orth:
            return [i for i, (lo, o) in enumerate(zip(self.lower_ids, self.orth_ids)) if lo in lower or o in orth]
        return [i for i, lo in enumerate(self.lower_ids) if lo in lower]

    def is_excluded(self, start: int, end: int) -> bool:
        """True when the character range overlaps the byline."""
        return any(s < end and start < e for s, e in self.excluded)

    def quote_of(self, char: int) -> int | None:
        """Index of the quote region containing this character offset, or None."""
        i = bisect.bisect_right(self._qstarts, char) - 1
        if i >= 0 and self.quotes[i][0] < char < self.quotes[i][1]:
            return i
        return None

    def claim(self, start: int, end: int) -> None:
        self.claimed.update(range(start, end))

    def is_claimed(self, start: int, end: int) -> bool:
        return any(i in self.claimed for i in range(start, end))
