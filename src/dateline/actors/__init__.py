"""The actors stage: people, organisations, countries, IGOs and groups, with roles, codes and
in-document coreference (surnames, pronouns, role nouns), as `Actor` records with mentions."""
from dateline.actors.index import ActorIndex
from dateline.actors.find import find_actors

__all__ = ["ActorIndex", "find_actors"]
