"""Extract an article's main text and metadata from HTML (trafilatura; htmldate as fallback)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from dateline.errors import MalformedInput

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What HTML gives us: main text and metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def extract_html(html: str, *, name: str) -> HtmlArticle:
    """Return the main text and metadata of an HTML page.

    Raises:
        MalformedInput: when no article text can be found.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise MalformedInput(f"malformed HTML ({type(exc).__name__})", path=name) from exc
    if doc is None:
        raise MalformedInput("malformed HTML: no article text found", path=name)
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise MalformedInput("malformed HTML: no article text found", path=name)
    date = data.get("date")
    if not date:
        try:
            from htmldate import find_date

            date = find_date(html, extensive_search=False)
        except Exception:
            date = None
    return HtmlArticle(text=text, title=data.get("title"), author=data.get("author"), date=date,
                       url=data.get("url"), sitename=data.get("sitename"))
