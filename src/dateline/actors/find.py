"""Find actors in a parsed document (placeholder until the actors issue lands)."""
from __future__ import annotations

from spacy.tokens import Doc

from dateline.actors.index import ActorIndex
from dateline.record import Document


def find_actors(doc: Doc, *, document: Document) -> ActorIndex:
    """Return the document's actors with their mentions, roles and codes."""
    return ActorIndex((), excluded=tuple(b.span for b in document.byline))
