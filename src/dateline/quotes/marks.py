"""Pair quotation marks into quoted spans, tolerantly: the first stage of quote finding.

Handles straight and curly double quotes, single quotes used as quotes (told apart from
apostrophes), guillemets and low-9 marks, and paragraphs introduced by a dash (the dialogue
convention). Unbalanced marks never raise: a stray opener is closed at its paragraph's end and
flagged ``closed=False``. The news convention for long quotes is followed: a paragraph that ends
inside an open quote, followed by a paragraph that opens with a mark, continues the same quote
(one `QuotedSpan` with one part per paragraph). Short embedded quotes such as nicknames and scare
quotes (so-called "peace plan") are flagged ``embedded=True`` so that they are never quotes by
themselves (they can still make an indirect quote *mixed*).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.types import Span

DOUBLE_OPEN = "\u201c\u201e\u00ab\u201f"  # “ „ « ‟
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
STRAIGHT = "\"'"
DASHES = "\u2014\u2015\u2013"  # — ― –
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT
_OPEN_CONTEXT = set(" \t\n([{<\u2014\u2013-/:;,") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {'"'}
_SENTENCE_PUNCT = set(".!?\u2026")
_PARA = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between paired quotation marks; one ``(start, end)`` part per paragraph it covers.

    ``outer`` includes the marks; ``parts`` are the inner contents (marks excluded, surrounding
    whitespace trimmed). ``kind`` is ``double``, ``single`` or ``dash``.
    """

    outer: Span
    parts: tuple[Span, ...]
    kind: str
    closed: bool = True
    embedded: bool = False

    @property
    def start(self) -> int:
        return self.outer[0]

    @property
    def end(self) -> int:
        return self.outer[1]


def _classify_double(text: str, i: int, is_open: bool) -> str:
    """Return 'open', 'close' or 'either' for the double mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    j = i + 1
    while j < len(text) and text[j] == _PAD:  # "coalitions, '' said": look past the padding
        j += 1
    after = text[j] if j < len(text) else "\n"
    if ch in DOUBLE_OPEN:
        # a typo'd closer: 'here,“ he said' (open quote pending, glued to the word before)
        if is_open and not before.isspace() and (after.isspace() or after in ".,;:!?"):
            return "close"
        return "open"
    if ch in DOUBLE_CLOSE:
        # a closer used as opener: '”Fortunately, ...' at a paragraph or word start
        if not is_open and (before.isspace() or before in "(\u2014") and after.isalnum():
            return "open"
        return "close"
    opens = before in _OPEN_CONTEXT and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if is_open else "open"


def _single_role(text: str, i: int, is_open: bool) -> str | None:
    """Return 'open', 'close' or None (an apostrophe) for the single mark at ``i``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in "\u2039":
        return "open"
    if ch in "\u203a":
        return "close"
    if before.isalnum() and after.isalnum():
        return None  # don't, Ukraine's
    if ch in "\u2018\u201a'" and (before.isspace() or before in _OPEN_CONTEXT) and after.isalpha():
        if not is_open and _looks_elided(text, i):
            return None  # 'em, 'til, '90s
        return "open" if not is_open else None
    if ch in "\u2019'" and is_open and not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return None


_ELISIONS = ("em ", "til ", "cause ", "n ", "tis ", "twas ")


def _looks_elided(text: str, i: int) -> bool:
    rest = text[i + 1:i + 8].lower()
    return rest[:1].isdigit() or any(rest.startswith(e) for e in _ELISIONS)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] == _PAD):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == _PAD):
        end -= 1
    return start, end


def _pair_in_paragraph(text: str, pstart: int, pend: int, open_at: int | None, open_kind: str | None):
    """Scan one paragraph; return (pieces, still_open_at, open_kind).

    pieces: list of (open_pos, close_pos, kind, closed) where open_pos may be < pstart when a
    quote was carried in from the previous paragraph, and close_pos is None when unclosed.
    """
    pieces = []
    single_at: int | None = None
    i = pstart
    while i < pend:
        ch = text[i]
        if ch not in ALL_MARKS:
            i += 1
            continue
        if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"':
            role = _classify_double(text, i, open_at is not None)
            if role == "open":
                if open_at is not None and open_at >= pstart:
                    # a second opener while open: the first one was stray; drop it
                    pass
                open_at, open_kind, single_at = i, "double", None
            elif open_at is not None:
                pieces.append((open_at, i, "double", True))
                open_at, open_kind, single_at = None, None, None
        else:
            role = _single_role(text, i, single_at is not None)
            if role == "open":
                single_at = i
            elif role == "close" and single_at is not None:
                if open_at is None:  # single quotes used as the outer quote
                    pieces.append((single_at, i, "single", True))
                single_at = None
        i += 1
    return pieces, open_at, open_kind


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Pair the quotation marks of ``text`` into quoted spans, in text order. Never raises.

    >>> text = 'He said, "Go now." Then "ok'
    >>> [text[s:e] for q in find_quoted_spans(text) for s, e in q.parts]
    ['Go now.', 'ok']
    >>> q = find_quoted_spans("\\u201cOne.\\n\\u201cTwo,\\u201d she said.")[0]
    >>> len(q.parts), q.closed
    (2, True)
    """
    try:
        return _find(text)
    except Exception:  # pragma: no cover - the stage must never lose a document
        return []


_PAD = "\x00"


def shadow_text(text: str) -> str:
    """Return ``text`` with two-character marks ('' and ``) rewritten as one mark plus padding.

    The result has the same length, so offsets found in it index the original text.

    >>> text = "``Hi,'' he said"
    >>> len(shadow_text(text)) == len(text), shadow_text(text)[5]
    (True, '"')
    """
    if "''" not in text and "``" not in text:
        return text
    return text.replace("``", "\u201c" + _PAD).replace("''", '"' + _PAD)


def _find(original: str) -> list[QuotedSpan]:
    text = shadow_text(original)
    paras = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    paras = [p for p in paras if text[p[0]:p[1]].strip()]
    out: list[QuotedSpan] = []
    carry: list[Span] | None = None  # parts of a quote running on from earlier paragraphs
    carry_start = 0
    for n, (pstart, pend) in enumerate(paras):
        lead = pstart
        while lead < pend and text[lead].isspace():
            lead += 1
        if carry is not None and not (lead < pend and text[lead] in DOUBLE_OPEN + '"'):
            # the quote did not continue: the last paragraph ended inside an unclosed quote
            out.append(_make(text, carry_start, carry[-1][1], carry, "double", closed=False))
            carry = None
        if carry is not None:
            # continuation: the paragraph re-opens with a mark; treat it as still open
            pieces, open_at, kind = _pair_in_paragraph(text, lead + 1, pend, lead, "double")
            if pieces and pieces[0][0] == lead:
                first = pieces.pop(0)
                carry.append(_trim(text, lead + 1, first[1]))
                out.append(_make(text, carry_start, first[1] + 1, carry, "double", closed=True))
                carry = None
            elif open_at == lead:
                carry.append(_trim(text, lead + 1, pend))
                pieces = [p for p in pieces if p[0] != lead]
            else:
                out.append(_make(text, carry_start, carry[-1][1], carry, "double", closed=False))
                carry = None
            for o, c, k, _ in pieces:
                out.append(_make(text, o, c + 1, [_trim(text, o + 1, c)], k))
            if carry is None and open_at is not None and open_at != lead:
                carry, carry_start = [_trim(text, open_at + 1, pend)], open_at
            continue
        pieces, open_at, kind = _pair_in_paragraph(text, pstart, pend, None, None)
        for o, c, k, _ in pieces:
            out.append(_make(text, o, c + 1, [_trim(text, o + 1, c)], k))
        if open_at is not None and not _opens_clause(text, pstart, open_at):
            # 'is “really an amorphous position.' with no closer: a fragment left open in its
            # own paragraph, not a quote running on into the next one
            out.append(_make(text, open_at, pend, [_trim(text, open_at + 1, pend)], "double", closed=False))
        elif open_at is not None:
            carry, carry_start = [_trim(text, open_at + 1, pend)], open_at
        dash = _dash_quote(text, lead, pend)
        if dash is not None and not pieces and open_at is None:
            out.append(dash)
    if carry is not None:
        out.append(_make(text, carry_start, carry[-1][1], carry, "double", closed=False))
    out = [q for q in out if any(e > s for s, e in q.parts)]
    out.sort(key=lambda q: q.outer)
    return out


def _opens_clause(text: str, pstart: int, at: int) -> bool:
    """True when the mark at ``at`` opens its paragraph, a sentence or a clause (after : , ; or a
    dash), as a multi-paragraph quote does; False after a word ('is “really ...').

    >>> _opens_clause('He said: "We', 0, 9), _opens_clause('It is "really', 0, 6)
    (True, False)
    """
    j = at - 1
    while j >= pstart and text[j].isspace():
        j -= 1
    return j < pstart or not text[j].isalnum()


def _dash_quote(text: str, lead: int, pend: int) -> QuotedSpan | None:
    """A paragraph opened by a dash (dialogue convention): the content runs to ', —' or the end."""
    if lead >= pend or text[lead] not in DASHES:
        return None
    start = lead + 1
    body = text[start:pend]
    cut = re.search(r"[,.!?]?\s+[\u2014\u2013]\s+\w", body)
    end = start + cut.start() + (1 if cut and body[cut.start()] in ",.!?" else 0) if cut else pend
    part = _trim(text, start, end)
    if part[1] - part[0] < 2:
        return None
    return QuotedSpan((lead, end), (part,), "dash", True, False)


def _make(text: str, start: int, end: int, parts: list[Span], kind: str, *, closed: bool = True) -> QuotedSpan:
    if end < len(text) and text[end] == _PAD:
        end += 1
    parts = tuple(p for p in parts if p[1] > p[0])
    return QuotedSpan((start, end), parts, kind, closed, _is_embedded(text, start, end, parts))


def _is_embedded(text: str, start: int, end: int, parts: tuple[Span, ...]) -> bool:
    """True for nicknames and scare quotes: short, unpunctuated, inside running text."""
    if len(parts) != 1:
        return False
    inner = text[parts[0][0]:parts[0][1]]
    words = _WORD.findall(inner)
    if len(words) > 4:
        return False
    j = start - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():  # no-break spaces too
        j -= 1
    prev = text[j] if j >= 0 else "\n"
    if prev == "\n" or prev == ":" or prev in _SENTENCE_PUNCT or prev in "\u201d\"":
        return False
    if prev == "," and inner and inner[-1] in _SENTENCE_PUNCT | {","}:
        return False
    return True
