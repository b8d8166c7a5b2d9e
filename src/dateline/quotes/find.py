"""Find the quotes of a parsed document: direct, indirect and mixed, with cues and speakers.

`find_quotes` pairs the quotation marks (`marks`), attributes direct quotes (`direct`), adds
indirect and mixed quotes from the parse (`indirect`) and links each speaker mention to an
actor through the actors stage's ``actor_at``. It reuses the pipeline's parse (no second
parse) and never raises on odd input: a failure inside the stage yields no quotes, logged.
"""
from __future__ import annotations

import bisect
import logging
import re

from spacy.tokens import Doc

from dateline.actors import ActorIndex
from dateline.parse.nlp import paragraphs
from dateline.quotes.context import Candidate, QuoteContext
from dateline.quotes.direct import find_colon_lines, find_direct
from dateline.quotes.indirect import find_indirect
from dateline.record import Quote, TextSpan
from dateline.types import Span

log = logging.getLogger(__name__)


def find_candidates(doc: Doc, *, excluded: tuple = (), indirect: bool = True, broad: bool = False,
                    text: str | None = None) -> list[Candidate]:
    """Return the quote candidates of ``doc`` in text order (no actor linking, no ids).

    >>> from dateline.parse import load_nlp
    >>> [c.kind for c in find_candidates(load_nlp()('"We will win," she said.'))]
    ['direct']
    """
    ctx = QuoteContext.build(doc, excluded=excluded, text=text)
    direct, _ = find_direct(ctx)
    direct += find_colon_lines(ctx, direct)
    cands = direct + (find_indirect(ctx, direct, broad=broad) if indirect else [])
    cands.sort(key=lambda c: c.parts[0])
    return cands


def find_quotes(doc: Doc, *, actors: ActorIndex, indirect: bool = True, broad: bool = False) -> tuple[Quote, ...]:
    """Return the document's quotes in text order, with ids ``Q1``, ``Q2``, ...

    Args:
        doc: the parsed document (``doc.text`` is the record's ``document.text``).
        actors: the actors stage's index; speakers resolve through ``actors.actor_at`` and the
            byline spans in ``actors.excluded`` are never speakers.
        indirect: also find indirect and mixed quotes (default); False gives direct quotes only.
        broad: also report the attributed attitudes the default leaves out, as PolNeAR
            annotates them: objects of attitude verbs ("opposed the deal"), intentions of
            common-noun subjects ("rebels sought to ..."), aspectual verbs ("began to"). The
            default already reports intentions and prepositional cues of named actors ("Cruz
            wants to run"), raising verbs ("is expected to") and evidence objects ("the poll
            showed a tie"). Off in the pipeline.

    Returns:
        A tuple of `Quote` records whose spans all index into ``doc.text``.

    >>> from dateline.parse import load_nlp
    >>> doc = load_nlp()('"We will win," Hegseth said. He warned that talks could fail.')
    >>> [(q.id, q.kind, q.content[0].text) for q in find_quotes(doc, actors=ActorIndex())]
    [('Q1', 'direct', 'We will win,'), ('Q2', 'indirect', 'talks could fail')]
    """
    text = doc.text
    try:
        cands = find_candidates(doc, excluded=tuple(actors.excluded), indirect=indirect, broad=broad, text=text)
    except Exception:  # one odd document must not lose the record
        log.exception("quote extraction failed; the record gets no quotes")
        return ()
    para_starts = [s for s, _ in paragraphs(text)]
    quotes = []
    for n, c in enumerate(cands, start=1):
        spans = _after_dateline(text, c.parts, actors.dateline)
        parts = tuple(TextSpan(text[s:e], (s, e)) for s, e in spans if 0 <= s < e <= len(text))
        if not parts:
            continue
        speaker = None
        if c.speaker_head is not None:
            speaker = actors.actor_at(*c.speaker_head) or actors.actor_at(*c.speaker)
        cue = TextSpan(text[c.cue[0]:c.cue[1]], c.cue) if c.cue is not None else None
        paras = sorted({_para(para_starts, p) for s, e in c.parts for p in (s, e - 1)})
        quotes.append(Quote(
            id=f"Q{len(quotes) + 1}", kind=c.kind, content=parts, speaker=speaker,
            speaker_span=c.speaker, cue=cue, paragraphs=tuple(paras),
            confidence=round(min(1.0, max(0.05, c.confidence)), 2),
        ))
    return tuple(quotes)


_DATELINE_TAIL = re.compile(r"[\s,]*(?:\([^()\n]{1,40}\))?[\s]*[\u2014\u2013-]*\s*")


def _after_dateline(text: str, parts: tuple[Span, ...], dateline: Span | None) -> tuple[Span, ...]:
    """Content parts without the dateline they start in ("AMMAN, Jordan (AP) — The king met ...":
    the place line and its agency tag are the wire's, not the speaker's).

    >>> _after_dateline("AMMAN, Jordan (AP) \u2014 Talks resumed.", ((0, 34),), (0, 13))
    ((21, 34),)
    """
    if dateline is None or not parts or parts[0][0] >= dateline[1]:
        return parts
    start = _DATELINE_TAIL.match(text, dateline[1]).end()
    first = (max(parts[0][0], start), parts[0][1])
    return ((first,) if first[0] < first[1] else ()) + tuple(parts[1:])


def _para(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)
