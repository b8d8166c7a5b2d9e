"""The heading of a document for lists and links: its title, or a lead cut from its text."""
from __future__ import annotations

LEAD_CHARS = 120


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """A heading for a document without a title: its first line, cut at the last word boundary
    within ``limit`` characters and ended with "…" when it is cut (a single longer word is cut at
    ``limit``).

    >>> lead("Talks resumed in Geneva on Monday, officials said.", 37)
    'Talks resumed in Geneva on Monday…'
    >>> lead("Talks resumed in Geneva.", 13), lead("Short line.\\nBody.")
    ('Talks resumed…', 'Short line.')
    """
    line = text.strip().split("\n", 1)[0].rstrip()
    if len(line) <= limit:
        return line
    cut = line[:limit + 1].rfind(" ")
    head = line[:cut if cut > 0 else limit].rstrip(" ,;:—–-")
    return (head or line[:limit]) + "…"
