"""Cheap English detection: script and function-word ratios, no model."""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def _function_words() -> frozenset[str]:
    data = json.loads(resources.files("dateline.data").joinpath("english_function_words.json").read_text("utf-8"))
    return frozenset(data["words"])


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
    """Return True if ``text`` looks like English (at least 12% function words, or too short to tell)."""
    words = _WORD.findall(text[:20000])
    if len(words) < 8:
        return all(w.isascii() for w in words)
    return english_score(text) >= 0.12
