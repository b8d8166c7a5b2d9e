"""TIMEX3 value arithmetic: formatting dates at a granularity, shifting them, and turning a value
plus a mod into a half-open ``[start, end)`` interval of ISO dates for the timeline.

Mod → interval mapping (the value's natural interval is ``[s, e)``, e.g. 2013 → [2013-01-01,
2014-01-01)):

- no mod, ``APPROX``, ``LESS_THAN``, ``MORE_THAN``, ``EQUAL_OR_*``: ``[s, e)``;
- ``START`` / ``MID`` / ``END``: the first / middle / last third of ``[s, e)`` (days rounded down;
  "late 2013" → [2013-09-01, 2014-01-01) after snapping to month starts for year values);
- ``BEFORE``: ``[0001-01-01, s)``; ``ON_OR_BEFORE``: ``[0001-01-01, e)``;
- ``AFTER``: ``[e, H)``; ``ON_OR_AFTER``: ``[s, H)``, where the horizon ``H`` is the day after the
  document date when it is known and later than the start, else ``9999-12-31``.

Values without a calendar position (durations, sets, ``PAST_REF``, ``XXXX``-masked) get no
interval; ``PRESENT_REF`` is the document date's day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"
SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)
_DECADE = re.compile(r"^(?P<dec>\d{3})$")
_CENTURY = re.compile(r"^(?P<cen>\d{2})$")


def day(d: date) -> str:
    """Format a day value.

    >>> day(date(2025, 2, 12))
    '2025-02-12'
    """
    return d.isoformat()


def month(year: int, mon: int) -> str:
    """Format a month value.

    >>> month(2014, 2)
    '2014-02'
    """
    return f"{year:04d}-{mon:02d}"


def week(d: date) -> str:
    """Format the ISO week containing ``d``.

    >>> week(date(2013, 3, 15))
    '2013-W11'
    """
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(d: date, n: int) -> date:
    """Shift ``d`` by ``n`` months, clamping the day.

    >>> add_months(date(2013, 3, 31), -1)
    datetime.date(2013, 2, 28)
    """
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    m += 1
    for dd in (d.day, 30, 29, 28):
        try:
            return date(y, m, dd)
        except ValueError:
            continue
    raise ValueError(d)


def shift(d: date, n: int, unit: str) -> str | None:
    """The value ``n`` units away from ``d``, at that unit's granularity.

    >>> shift(date(2013, 3, 22), -2, "Y"), shift(date(2013, 3, 22), -1, "W")
    ('2011', '2013-W11')
    """
    try:
        if unit == "D":
            return day(d + timedelta(days=n))
        if unit in ("W", "WE"):
            v = week(d + timedelta(weeks=n))
            return v + "-WE" if unit == "WE" else v
        if unit == "2W":
            return day(d + timedelta(weeks=2 * n))
        if unit == "M":
            s = add_months(d, n)
            return month(s.year, s.month)
        if unit == "Q":
            s = add_months(d, 3 * n)
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if unit == "Y":
            return f"{d.year + n:04d}"
        if unit == "DE":
            return f"{(d.year + 10 * n) // 10:03d}"
        if unit == "CE":
            return f"{(d.year + 100 * n) // 100:02d}"
        if unit in ("H", "MIN", "S"):
            return day(d)
    except (ValueError, OverflowError):
        return None
    return None


def natural(value: str) -> tuple[date, date] | None:
    """Return the natural ``[start, end)`` of a calendar value, or None.

    >>> natural("2014-02")
    (datetime.date(2014, 2, 1), datetime.date(2014, 3, 1))
    """
    try:
        m = _VALUE.match(value)
        if m:
            y = int(m["y"])
            if m["d"]:
                s = date(y, int(m["m"]), int(m["d"]))
                return s, s + timedelta(days=1)
            if m["m"]:
                s = date(y, int(m["m"]), 1)
                return s, add_months(s, 1)
            if m["w"]:
                s = date.fromisocalendar(y, int(m["w"]), 1)
                if m["we"]:
                    return s + timedelta(days=5), s + timedelta(days=7)
                return s, s + timedelta(days=7)
            if m["q"]:
                s = date(y, 3 * int(m["q"]) - 2, 1)
                return s, add_months(s, 3)
            if m["h"]:
                s = date(y, 6 * int(m["h"]) - 5, 1)
                return s, add_months(s, 6)
            if m["s"]:
                a, b = SEASON_MONTHS[m["s"]]
                s = date(y, a, 1)
                return s, add_months(s, b - a)
            return date(y, 1, 1), date(y + 1, 1, 1)
        m = _DECADE.match(value)
        if m:
            y = int(m["dec"]) * 10
            return date(max(y, 1), 1, 1), date(y + 10, 1, 1)
        m = _CENTURY.match(value)
        if m:
            y = int(m["cen"]) * 100
            return date(max(y, 1), 1, 1), date(y + 100, 1, 1)
    except ValueError:
        return None
    return None


def _snap(d: date, months: bool) -> date:
    return date(d.year, d.month, 1) if months else d


def interval(value: str | None, mod: str | None = None, dct: date | None = None) -> tuple[str, str] | None:
    """The ``[start, end)`` ISO interval of a TIMEX3 value with its mod (see the module notes).

    >>> interval("2013", "END")
    ('2013-09-01', '2014-01-01')
    >>> interval("2014", "ON_OR_AFTER", date(2025, 2, 12))
    ('2014-01-01', '2025-02-13')
    """
    if not value:
        return None
    if value == "PRESENT_REF":
        return (day(dct), day(dct + timedelta(days=1))) if dct else None
    span = natural(value)
    if span is None:
        return None
    s, e = span
    months = (e - s).days > 80
    third = (e - s) / 3
    if mod == "START":
        e = _snap(s + third, months) if months else s + third
    elif mod == "MID":
        s, e = (_snap(s + third, months), _snap(s + 2 * third, months)) if months else (s + third, s + 2 * third)
    elif mod == "END":
        s = _snap(e - third, months) if months else e - third
    elif mod in ("BEFORE", "ON_OR_BEFORE"):
        return OPEN_START, day(s if mod == "BEFORE" else e)
    elif mod in ("AFTER", "ON_OR_AFTER"):
        begin = e if mod == "AFTER" else s
        horizon = dct + timedelta(days=1) if dct and dct + timedelta(days=1) > begin else None
        return day(begin), day(horizon) if horizon else OPEN_END
    if e <= s:
        e = s + timedelta(days=1)
    return day(s), day(e)


def precision(value: str | None) -> str:
    """The event-date precision (day, month, year, unknown) of a TIMEX3 value.

    >>> precision("2014-02"), precision("2013-W11"), precision("PAST_REF")
    ('month', 'month', 'unknown')
    """
    if not value:
        return "unknown"
    m = _VALUE.match(value)
    if not m:
        return "year" if _DECADE.match(value) or _CENTURY.match(value) else "unknown"
    if m["d"]:
        return "day"
    if m["m"] or m["w"]:
        return "month"
    return "year"
