"""Read a plain-text article's own metadata: byline, dateline place and headline.

All three come back with spans into the text, so that later stages can keep the byline out of
quote speakers and event actors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.parse.nlp import paragraphs
from dateline.record import Byline, Dateline

_NAME = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|da|van|von|der|al|bin|el|la|le))*"
_BY_LINE = re.compile(rf"^\s*(?:[Bb]y|BY)\s+(?P<names>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)(?P<rest>.*)$")
_AGENCY_LINE = re.compile(
    rf"^\s*(?P<names>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*)\s*[,|/–—-]\s*"
    r"(?P<agency>Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|CNN|BBC|Al Jazeera|"
    r"The Epoch Times|Epoch Times|Xinhua|TASS|Kyodo|Dow Jones|DPA|UPI|EFE|ANSA)\.?\s*$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,\s+[A-Z][A-Za-z.'’\- ]{1,30}?)?)"
    r"\s*(?:\((?P<agency>[A-Za-z .&\-]{1,30})\))?\s*(?:[—–]|--?|:)\s+"
)
_HEADLINE_MAX_WORDS = 22


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """Metadata read from the article text itself."""

    byline: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    title: str | None = None
    byline_spans: tuple[tuple[int, int], ...] = ()  # whole byline lines, kept out of analysis


def _names(text: str, start: int, group: str, m: re.Match) -> list[Byline]:
    out = []
    base = start + m.start(group)
    chunk = m.group(group)
    pos = 0
    for piece in _NAME_SPLIT.split(chunk):
        if not piece:
            continue
        idx = chunk.index(piece, pos)
        pos = idx + len(piece)
        piece_clean = piece.rstrip(".")
        if len(piece_clean.split()) > 5 or not piece_clean:
            continue
        out.append(Byline(piece_clean, (base + idx, base + idx + len(piece_clean))))
    return out


def find_byline(text: str, paras: list[tuple[int, int]] | None = None) -> tuple[list[Byline], list[tuple[int, int]]]:
    """Return the byline names and the byline lines' spans (first two or last two paragraphs).

    >>> names, _ = find_byline("Talks go on.\\nBy Ryan Morgan and Jo Lee")
    >>> [b.name for b in names]
    ['Ryan Morgan', 'Jo Lee']
    """
    paras = paras if paras is not None else paragraphs(text)
    if not paras:
        return [], []
    candidates = paras[:2] + paras[-2:] if len(paras) > 2 else paras
    seen, names, lines = set(), [], []
    for start, end in candidates:
        if (start, end) in seen:
            continue
        seen.add((start, end))
        line = text[start:end]
        if len(line.split()) > 14:
            continue
        m = _BY_LINE.match(line)
        if m and (not m.group("rest").strip() or re.match(r"^\s*[,|/–—-]", m.group("rest"))):
            names.extend(_names(text, start, "names", m))
            lines.append((start, end))
            continue
        m = _AGENCY_LINE.match(line)
        if m:
            names.extend(_names(text, start, "names", m))
            lines.append((start, end))
    return names, lines


def find_dateline(text: str, paras: list[tuple[int, int]] | None = None, *, skip: tuple = ()) -> Dateline | None:
    """Return the dateline place at the start of the story's first paragraph, if any.

    >>> find_dateline("KYIV, Ukraine (AP) — Talks began.").place
    'KYIV, Ukraine'
    >>> find_dateline("BRUSSELS — Ministers met.").place
    'BRUSSELS'
    """
    paras = paras if paras is not None else paragraphs(text)
    for start, end in paras[:3]:
        if (start, end) in skip:
            continue
        m = _DATELINE.match(text[start:end])
        if m:
            place = m.group("place").strip()
            first = place.split(",")[0]
            if first.upper() != first or len(first.replace(".", "")) < 2:
                return None
            return Dateline(place, (start + m.start("place"), start + m.start("place") + len(place)))
        if len(text[start:end].split()) > _HEADLINE_MAX_WORDS or text[start:end].rstrip()[-1:] in ".!?\"”":
            return None
    return None


def find_title(text: str, paras: list[tuple[int, int]] | None = None, *, skip: tuple = ()) -> str | None:
    """Return the first line when it looks like a headline (short, no final full stop, more follows).

    >>> find_title("Allies meet in Brussels\\nMinisters met on Monday. They talked.")
    'Allies meet in Brussels'
    """
    paras = [p for p in (paras if paras is not None else paragraphs(text)) if p not in skip]
    if len(paras) < 2:
        return None
    start, end = paras[0]
    line = text[start:end].strip()
    words = line.split()
    if not (2 <= len(words) <= _HEADLINE_MAX_WORDS):
        return None
    if line[-1] in ".,;:\"”’" or line[0] in "\"“‘'«—-":
        return None
    if _DATELINE.match(line):
        return None
    return line


def read_metadata(text: str) -> TextMetadata:
    """Read byline, dateline and title from an article's text."""
    paras = paragraphs(text)
    names, lines = find_byline(text, paras)
    title = find_title(text, paras, skip=tuple(lines))
    skip = tuple(lines)
    if title:
        skip += (next(p for p in paras if p not in lines),)
    dateline = find_dateline(text, paras, skip=skip)
    return TextMetadata(tuple(names), dateline, title, tuple(lines))
