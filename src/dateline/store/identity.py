"""Who is who and what is the same event across documents: name keys, actor identity, date
compatibility. Pure functions over strings, used by the store when it merges a record in.

Notes:
    An archive actor's identity is its kind plus either its country code (for countries), its
    CAMEO code (for IGOs and other coded organisations) or its normalised canonical name.
    Aliases (names and short forms the text used) are recorded for lookup but only long,
    unambiguous names are used to merge, so "Trump" alone never joins two people.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_TITLE = re.compile(r"^(?:the)\s+")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ORDER = {"day": 3, "month": 2, "year": 1, "unknown": 0}


@lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    """Normalise a name for matching: no accents, case, punctuation or leading "the".

    >>> norm_name("The  U.S. Department of Défense")
    'us department of defense'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").casefold()
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)  # U.S. -> US
    text = _PUNCT.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return _TITLE.sub("", text)


def actor_key(kind: str, name: str, *, country: str | None = None, codes: dict | None = None) -> str:
    """Return the canonical identity key of an actor.

    >>> actor_key("COUNTRY", "United States", country="USA")
    'COUNTRY:USA'
    >>> actor_key("PERSON", "Pete Hegseth", country="USA")
    'PERSON:pete hegseth'
    """
    kind = (kind or "GROUP").upper()
    if kind == "COUNTRY" and country:
        return f"COUNTRY:{country.upper()}"
    cameo = (codes or {}).get("cameo")
    if kind == "IGO" and isinstance(cameo, str) and cameo:
        return f"IGO:{cameo.upper()}"
    return f"{kind}:{norm_name(name)}"


def lookup_names(name: str, aliases: list[str], *, kind: str) -> list[str]:
    """Return the normalised names an actor can be found by (canonical name, aliases, and for
    people the surname), most specific first, without duplicates.

    >>> lookup_names("Pete Hegseth", ["Hegseth", "Defense Secretary"], kind="PERSON")
    ['pete hegseth', 'hegseth', 'defense secretary']
    """
    out: list[str] = []
    candidates = [name, *aliases]
    if kind == "PERSON" and len(name.split()) > 1:
        candidates.insert(1, name.split()[-1])
    for value in candidates:
        n = norm_name(value)
        if n and n not in out:
            out.append(n)
    return out


def merge_names(name: str, aliases: list[str]) -> list[str]:
    """Return the normalised names that may merge an actor with an archive actor: the canonical
    name and multi-word aliases (one-word aliases are too ambiguous to merge on).

    >>> merge_names("Hegseth", ["Pete Hegseth", "Hegseth"])
    ['hegseth', 'pete hegseth']
    """
    out = [norm_name(name)]
    for alias in aliases:
        n = norm_name(alias)
        if " " in n and n not in out:
            out.append(n)
    return [n for n in out if n]


def precision_of(value: str | None) -> str:
    """Return the precision (day, month, year, unknown) of an ISO-like date value.

    >>> precision_of("2014-02"), precision_of("2025-02-12"), precision_of("PRESENT_REF")
    ('month', 'day', 'unknown')
    """
    m = _DATE.match(value or "")
    if not m:
        return "unknown"
    return ("year", "month", "day")[sum(1 for g in m.groups() if g) - 1]


def dates_compatible(a: str | None, pa: str, b: str | None, pb: str) -> bool:
    """True when two event dates can name the same occurrence at the coarser precision
    (2014-02 and 2014-02-20 can; 2014-02 and 2014-03 cannot). Unknown dates only match
    unknown dates, so undated reports never swallow dated ones.

    >>> dates_compatible("2014-02", "month", "2014-02-20", "day")
    True
    >>> dates_compatible("2014-02", "month", "2014-03-01", "day")
    False
    """
    pa = pa if a else "unknown"
    pb = pb if b else "unknown"
    if pa == "unknown" or pb == "unknown":
        return pa == pb == "unknown"
    n = {"year": 4, "month": 7, "day": 10}[min(pa, pb, key=_ORDER.__getitem__)]
    return a[:n] == b[:n]


def finer(pa: str, pb: str) -> bool:
    """True when precision ``pa`` is finer than ``pb``.

    >>> finer("day", "month")
    True
    """
    return _ORDER.get(pa, 0) > _ORDER.get(pb, 0)


def places_compatible(a: str | None, b: str | None) -> bool:
    """True when two places can be the same: equal after normalisation, or one is unknown.

    >>> places_compatible("Kyiv", None), places_compatible("Kyiv", "Brussels")
    (True, False)
    """
    return not a or not b or norm_name(a) == norm_name(b)


def interval_of(value: str | None, precision: str) -> tuple[str | None, str | None]:
    """Return the half-open ISO date interval ``[start, end)`` a date value covers.

    >>> interval_of("2014-02", "month")
    ('2014-02-01', '2014-03-01')
    >>> interval_of("2025-02-12", "day")
    ('2025-02-12', '2025-02-13')
    """
    import datetime as dt

    m = _DATE.match(value or "")
    if not m:
        return None, None
    y, mo, d = m.groups()
    try:
        if d:
            start = dt.date(int(y), int(mo), int(d))
            return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()
        if mo:
            start = dt.date(int(y), int(mo), 1)
            end = dt.date(int(y) + (int(mo) == 12), int(mo) % 12 + 1, 1)
            return start.isoformat(), end.isoformat()
        return f"{y}-01-01", f"{int(y) + 1:04d}-01-01"
    except ValueError:
        return None, None
