"""The per-document pipeline: Document → parse → actors → times → quotes → events → Record.

`analyze` handles one text; `analyze_many` streams many through `nlp.pipe` in batches. Both
call `build_record`, the one function every front end (CLI, API, batch, Dask) ends up in.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from dateline.actors import find_actors
from dateline.events import find_events
from dateline.ingest import make_document
from dateline.parse import load_nlp
from dateline.quotes import find_quotes
from dateline.record import Document, Record
from dateline.timex import find_times

DEFAULT_BATCH_SIZE = 16


def build_record(document: Document, doc: Doc) -> Record:
    """Run every extraction stage over one parsed document and assemble its record."""
    actors = find_actors(doc, document=document)
    times = find_times(doc, published=document.published)
    if times.published is not document.published:
        document = _replace(document, published=times.published)
    quotes = find_quotes(doc, actors=actors)
    events = find_events(doc, document=document, actors=actors, times=times, quotes=quotes)
    return Record(document=document, actors=actors.actors, quotes=quotes, times=times.times, events=events)


def _replace(document: Document, **changes) -> Document:
    from dataclasses import replace

    return replace(document, **changes)


def analyze(text: str, *, published: str | None = None, metadata: dict | None = None) -> Record:
    """Analyse one article's text and return its record.

    Args:
        text: the article as plain text (paragraphs separated by newlines).
        published: the publication date (``YYYY-MM-DD``) if known; otherwise it is inferred.
        metadata: optional ``id``, ``title``, ``url``, ``source``, ``published``, ``html``.

    Raises:
        InputError: the text is empty, too large or not English.

    >>> record = analyze("BRUSSELS — NATO ministers met on Thursday.", published="2025-02-13")
    >>> record.document.dateline.place
    'BRUSSELS'
    """
    document = make_document(_item(text, metadata), published=published)
    return build_record(document, load_nlp()(document.text))


def _item(text: str, metadata: dict | None):
    from dateline.ingest import SourceItem

    meta = dict(metadata or {})
    html = meta.pop("html", None)
    keep = {k: (str(v) if v is not None else None) for k, v in meta.items()
            if k in ("id", "title", "url", "source", "published")}
    return SourceItem(name=keep.get("id") or "<text>", text=None if html and not text else text, html=html, **keep)


def analyze_many(
    documents: Iterable[Document | str], *, batch_size: int = DEFAULT_BATCH_SIZE, published: str | None = None
) -> Iterator[Record]:
    """Analyse many articles, parsing them with ``nlp.pipe`` in batches; yields records in order.

    Strings are turned into documents first (errors raise); pass `Document` objects made by
    `dateline.ingest.make_document` to handle per-item errors yourself.

    >>> [r.document.dateline.place for r in analyze_many(["PARIS — Talks began.", "ROME — Talks ended."])]
    ['PARIS', 'ROME']
    """
    nlp = load_nlp()
    docs = (d if isinstance(d, Document) else make_document(d, published=published) for d in documents)
    pairs = ((d, d.text) for d in docs)
    for doc, document in nlp.pipe(((text, d) for d, text in pairs), as_tuples=True, batch_size=batch_size):
        yield build_record(document, doc)


def analyze_sources(
    items: Iterable, *, published: str | None = None, max_chars: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator:
    """Analyse a stream of `SourceItem`s (and pass through `InputError`s), yielding a `Record`
    or an `InputError` per item, in input order. One bad item never stops the stream.
    """
    from itertools import islice

    from dateline.errors import InputError
    from dateline.ingest import DEFAULT_MAX_BYTES

    nlp = load_nlp()
    limit = max_chars or DEFAULT_MAX_BYTES
    it = iter(items)
    while chunk := list(islice(it, batch_size)):
        results: list = []
        todo: list[tuple[int, Document]] = []
        for item in chunk:
            if isinstance(item, InputError):
                results.append(item)
                continue
            try:
                document = make_document(item, published=published, max_chars=limit)
            except InputError as exc:
                results.append(exc)
                continue
            results.append(None)
            todo.append((len(results) - 1, document))
        parsed = nlp.pipe(((d.text, (i, d)) for i, d in todo), as_tuples=True, batch_size=batch_size)
        for doc, (i, document) in parsed:
            try:
                results[i] = build_record(document, doc)
            except Exception as exc:  # a bug on one article must not lose the others
                results[i] = InputError(f"analysis failed ({type(exc).__name__}: {exc})",
                                        path=_name(chunk[i]), doc_id=document.id)
        yield from results


def _name(item) -> str | None:
    return getattr(item, "name", None)
