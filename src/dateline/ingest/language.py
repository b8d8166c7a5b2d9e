"""Cheap English detection: script and function-word ratios, no model."""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def _lexicon() -> dict:
    return json.loads(resources.files("dateline.data").joinpath("english_function_words.json").read_text("utf-8"))


def _function_words() -> frozenset[str]:
    return frozenset(_lexicon()["words"])


@functools.cache
def _foreign_words() -> frozenset[str]:
    return frozenset(_lexicon()["foreign"])


def foreign_score(text: str, *, sample: int = 20000) -> float:
    """Return the share of words that are function words of other Latin-script languages.

    >>> foreign_score("Les ministres ont dit que les discussions continueraient.") > 0.3
    True
    """
    words = _WORD.findall(text[:sample])
    if not words:
        return 0.0
    known = _foreign_words()
    return sum(1 for w in words if w.lower() in known) / len(words)


def english_score(text: str, *, sample: int = 20000) -> float:
    """Return the share of words in (a sample of) ``text`` that are English function words,
    counting words in non-Latin scripts as non-English.

    >>> english_score("The minister said that the talks would go on.") > 0.3
    True
    >>> english_score("Der Minister sagte, dass die Gespräche weitergehen.") < 0.1
    True
    """
    words = _WORD.findall(text[:sample])
    if not words:
        return 0.0
    known = _function_words()
    hits = sum(1 for w in words if w.lower() in known)
    return hits / len(words)


def is_english(text: str) -> bool:
    """Return True if ``text`` looks like English (at least 10% English function words, clearly more than foreign ones, or too short to tell)."""
    words = _WORD.findall(text[:20000])
    if len(words) < 8:
        return all(w.isascii() for w in words)
    english = english_score(text)
    return english >= 0.1 and english > 1.5 * foreign_score(text)
