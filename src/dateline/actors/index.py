"""`ActorIndex`: the actors of one document plus fast lookup of which actor a text range names."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from dateline.record import Actor, Mention


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """The actors found in one document, with lookup by character range.

    Later stages (quotes, events) ask ``actor_at(start, end)`` for the actor a token or
    phrase refers to; the answer is the actor whose mention covers the range (innermost first).
    """

    actors: tuple[Actor, ...] = ()
    excluded: tuple[tuple[int, int], ...] = ()  # spans that must never be actors (the byline)
    dateline: tuple[int, int] | None = None  # "KYIV, Ukraine": the place line, never said by anyone
    _starts: list = field(default_factory=list, repr=False, compare=False)
    _items: list = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = sorted(
            ((m.span[0], m.span[1], a.id, m) for a in self.actors for m in a.mentions),
            key=lambda p: (p[0], p[1]),
        )
        self._items.extend(pairs)
        self._starts.extend(p[0] for p in pairs)

    def get(self, actor_id: str | None) -> Actor | None:
        """Return the actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, str]]:
        """Return ``(mention, actor_id)`` for mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._items) and self._items[i][0] < end:
            s, e, aid, m = self._items[i]
            if e <= end:
                out.append((m, aid))
            i += 1
        return out

    def actor_at(self, start: int, end: int) -> str | None:
        """Return the id of the actor a text range refers to, or None.

        Preference: a mention with exactly this span; else the smallest mention containing the
        range (a pronoun inside a longer phrase); else the mention overlapping it most (ties: the
        smaller mention). So "his country" → the country, "his" → the person, and the whole
        "U.S. Defense Secretary Pete Hegseth" → Hegseth.

        >>> from dateline.record import Actor, Mention
        >>> a = Actor("A1", "Pete Hegseth", "PERSON", mentions=(Mention((0, 7), "Hegseth", "name"),))
        >>> ActorIndex((a,)).actor_at(0, 7)
        'A1'
        """
        i = bisect.bisect_right(self._starts, end)
        best = None
        for s, e, aid, _ in self._items[max(0, i - 64):i]:
            if s < end and e > start:
                if s == start and e == end:
                    return aid
                contains = s <= start and e >= end
                overlap = min(e, end) - max(s, start)
                key = (1 if contains else 0, -(e - s) if contains else overlap, -(e - s))
                if best is None or key > best[0]:
                    best = (key, aid)
        return best[1] if best else None
