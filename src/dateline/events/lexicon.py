"""The trigger lexicon: verb and noun lemmas, with the particles, prepositions and objects that
make them an event, mapped to CAMEO codes (``data/events/triggers.tsv``, written for dateline)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: ``push`` + particle ``back`` + preposition ``on`` → CAMEO 120.

    ``objects`` are lemmas one of which must be the direct object (or the preposition's object);
    ``flags`` are the row's flags (``ctrl``, ``needinner``, ``speech``, ``threatcomp``, ``modalcomp``,
    ``obj_target``, ``prep_place``, ``phonecall``).
    """

    pos: str
    lemma: str
    particle: str | None
    preps: tuple[str, ...]
    objects: tuple[str, ...]
    cameo: str
    flags: frozenset[str]

    @property
    def specificity(self) -> int:
        """How many constraints the row adds to its lemma (more specific rows win)."""
        return bool(self.particle) + bool(self.preps) + 2 * bool(self.objects)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Entries by (pos, first word of the lemma); multiword nouns are kept by their last word."""

    by_lemma: dict
    multiword: dict

    def entries(self, pos: str, lemma: str) -> list[Entry]:
        """Return the rows for a part of speech (``V``/``N``) and lemma."""
        return self.by_lemma.get((pos, lemma), [])


def _none(value: str) -> str | None:
    return None if value in ("", "-") else value


@functools.cache
def load_lexicon() -> Lexicon:
    """Load the trigger lexicon once.

    >>> [e.cameo for e in load_lexicon().entries("V", "push")]
    ['120', '120']
    """
    path = resources.files("dateline.data").joinpath("events", "triggers.tsv")
    by_lemma: dict = {}
    multiword: dict = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "pos\t")) or not line.strip():
                continue
            pos, lemma, prt, prep, obj, code, flags = line.rstrip("\n").split("\t")
            entry = Entry(
                pos, lemma, _none(prt), tuple(_none(prep).split("|")) if _none(prep) else (),
                tuple(_none(obj).split("|")) if _none(obj) else (), code,
                frozenset(f for f in flags.split(",") if _none(f)),
            )
            if " " in lemma:
                multiword.setdefault((pos, lemma.split()[-1]), []).append(entry)
            else:
                by_lemma.setdefault((pos, lemma), []).append(entry)
    return Lexicon(by_lemma, multiword)
