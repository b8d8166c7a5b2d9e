"""The ingest stage: read articles (text, HTML, JSON Lines, folders, stdin), check them, and turn
each into a `Document` with byline, dateline, title and given publication date."""
from dateline.ingest.document import make_document, published_from
from dateline.ingest.sources import DEFAULT_MAX_BYTES, SourceItem, iter_sources

__all__ = ["DEFAULT_MAX_BYTES", "SourceItem", "iter_sources", "make_document", "published_from"]
