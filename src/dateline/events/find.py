"""Find events (placeholder until the events issue lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors import ActorIndex
from dateline.record import Document, Event, Quote
from dateline.timex import TimeResult


def find_events(
    doc: Doc, *, document: Document, actors: ActorIndex, times: TimeResult, quotes: tuple[Quote, ...]
) -> tuple[Event, ...]:
    """Return the document's coded events in text order."""
    return ()
