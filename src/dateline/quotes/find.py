"""Find quotes (placeholder until the quotes issue lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors import ActorIndex
from dateline.record import Quote


def find_quotes(doc: Doc, *, actors: ActorIndex) -> tuple[Quote, ...]:
    """Return the document's quotes in text order."""
    return ()
