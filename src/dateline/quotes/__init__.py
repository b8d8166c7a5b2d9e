"""The quotes stage: quote-mark pairing, direct/indirect/mixed quotes, cues and resolved speakers."""
from dateline.quotes.find import find_quotes

__all__ = ["find_quotes"]
