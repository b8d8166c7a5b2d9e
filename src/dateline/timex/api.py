"""Public entry points of the time stage (placeholder until the time issue lands)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.record import EventDate, Published, TimeExpression


@dataclass(frozen=True, slots=True)
class TimeResult:
    """The document's time expressions and its publication date (given or inferred)."""

    times: tuple[TimeExpression, ...] = ()
    published: Published | None = None


def find_times(doc: Doc, *, published: Published | None = None) -> TimeResult:
    """Extract and normalise the document's time expressions; infer the publication date if
    none is given."""
    return TimeResult((), published)


def anchor_event(doc: Doc, start: int, end: int, *, times: TimeResult) -> EventDate:
    """Return when the event whose trigger spans characters ``[start, end)`` happened."""
    return EventDate(None, "unknown")
