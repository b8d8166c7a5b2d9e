"""Turn a `SourceItem` (or a bare string) into a checked `Document`."""
from __future__ import annotations

import hashlib
import re

from dateline.errors import EmptyInput, MalformedInput, NotEnglish, TooLarge
from dateline.ingest.html import extract_html
from dateline.ingest.language import is_english
from dateline.ingest.metadata import read_metadata
from dateline.ingest.sources import DEFAULT_MAX_BYTES, SourceItem
from dateline.record import Byline, Document, Published

_LETTER = re.compile(r"[^\W\d_]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PRECISION = {1: "year", 2: "month", 3: "day"}


def published_from(value: str | None, how: str) -> Published | None:
    """Return a `Published` from an ISO-like date string (``2025-02-12``, ``2025-02``, a
    timestamp), or None when the value holds no date.

    >>> published_from("2025-02-12T10:00:00Z", "metadata").value
    '2025-02-12'
    """
    if not value:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    parts = [p for p in m.groups() if p]
    return Published("-".join(parts), _PRECISION[len(parts)], how)


def normalise_text(text: str) -> str:
    """Normalise line ends and strip surrounding blank space; the result is the document text."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def make_document(
    item: SourceItem | str,
    *,
    published: str | None = None,
    max_chars: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
) -> Document:
    """Build the `Document` for one input: text from HTML if needed, byline, dateline, title,
    and the publication date (given by the source > HTML metadata > ``published`` default).

    Raises:
        InputError: the input is empty, too large, malformed HTML or not English.

    >>> make_document("BRUSSELS — Ministers met and said that they agreed.").dateline.place
    'BRUSSELS'
    """
    if isinstance(item, str):
        item = SourceItem(name="<text>", text=item)
    pub = published_from(item.published, "given") if item.published else None
    title, url, source, byline_meta = item.title, item.url, item.source, None
    if item.html is not None and item.text is None:
        article = extract_html(item.html, name=item.name)
        text = article.text
        title = title or article.title
        url = url or article.url
        source = source or article.sitename
        byline_meta = article.author
        if pub is None and article.date:
            pub = published_from(article.date, "metadata")
    else:
        text = item.text or ""
    text = normalise_text(text)
    if not text or not _LETTER.search(text):  # nothing, or only punctuation/digits/invisible marks
        if item.html is not None and item.text is None:
            raise MalformedInput("malformed HTML: no article text found", path=item.name)
        raise EmptyInput("empty input" if not text else "empty input (no words)", path=item.name)
    if len(text) > max_chars:
        raise TooLarge(f"{len(text):,} characters is over the limit of {max_chars:,}", path=item.name)
    if check_language and not is_english(text):
        raise NotEnglish("not English text (skipped)", path=item.name)
    if pub is None and published:
        pub = published_from(published, "given")
    meta = read_metadata(text)
    byline = meta.byline
    if not byline and byline_meta:
        byline = tuple(_meta_bylines(text, byline_meta))
    doc_id = item.id or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=doc_id, text=text, title=title or meta.title, url=url, source=source,
        byline=byline, dateline=meta.dateline, published=pub, language="en",
    )


def _meta_bylines(text: str, author: str):
    """Bylines from HTML metadata, kept only where the name occurs in the text (for a span)."""
    for name in re.split(r"\s*(?:;|,|\band\b)\s*", author):
        name = name.strip()
        if name and (i := text.find(name)) >= 0:
            yield Byline(name, (i, i + len(name)))
