"""Normalisers: turn a grammar match's groups into a TIMEX3 type, value and mod (TimeML 1.2.1 /
TempEval-3 conventions), relative to a reference time.

Each function takes the match groups and a `Context` (the document date, the narrative reference
time and the tense around the expression) and returns a `Norm` or None (the match is rejected).
`Norm.anchor` says what the value was computed from: "DCT" (deictic: "last week"), "REF" (the
narrative reference time: "three days later", "that month"), or None (absolute: "February 2014").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.timex import values as V
from dateline.timex.grammar import lexicon


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference time for anaphoric expressions: a value, the day it starts on, its mod."""

    value: str
    day: date
    granularity: str  # D | M | Y
    id: str | None = None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a normaliser may look at besides its groups."""

    dct: date | None = None
    ref: Ref | None = None
    tense: str = "past"  # past | perfect | present | future
    year_hint: int | None = None  # the narrative year of the paragraph, for "on March 3"
    day_ref: Ref | None = None  # the last day-precise narrative time ("on Friday ... ending the day")
    prev_word: str = ""
    next_text: str = ""


@dataclass(frozen=True, slots=True)
class Norm:
    """A normalised time expression."""

    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None  # "DCT" | "REF" | None


_POS = {"early": "START", "late": "END", "mid": "MID", "middle": "MID"}
_POSOF = {"beginning": "START", "start": "START", "first part": "START", "end": "END", "close": "END",
          "latter part": "END", "last part": "END", "middle": "MID"}
_UNIT_PERIOD = {"week": "W", "weekend": "WE", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE",
                "century": "CE", "day": "D"}
_WS = re.compile(r"\s+")
_YEARLESS_PART = re.compile(r"(?:-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_OF_REL_YEAR = re.compile(r",?\s{1,3}of\s{1,3}(next|last|this)\s{1,3}year\b", re.IGNORECASE)
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
_RATE_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "percent", "cents", "dollars", "euros",
               "pounds", "times", "twice", "once", "barrels", "tons", "tonnes", "units", "people", "visitors",
               "passengers", "vehicles", "cars", "aircraft", "planes", "jobs", "m", "bn", "k"}
_PREP_BEFORE_BARE = {"for", "in", "over", "within", "than", "of", "after", "past", "last", "recent", "few",
                     "coming", "next", "the", "by", "take", "took", "takes", "taken", "spent", "spend", "just", "only",
                     "mere"}


def _key(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip().lower()


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


def _month(g: dict) -> int | None:
    if "mnum" in g:
        return int(g["mnum"])
    mon = g.get("mon")
    if mon is None:
        return None
    if not _capitalised(mon) and mon.rstrip(".").lower() in ("may", "march", "mar", "jan", "dec", "sep"):
        return None  # "may", "march" as verbs; months are capitalised in edited news
    return lexicon()["month"].get(mon.rstrip(".").lower())


def _day(g: dict) -> int:
    return int(re.match(r"\d+", g["day"]).group())


def _posmod(g: dict) -> str | None:
    if g.get("pos") or g.get("pos2"):
        return _POS.get(_key(g.get("pos") or g.get("pos2")))
    if g.get("posof"):
        words = _key(g["posof"]).replace("the ", "").replace("very ", "").removesuffix(" of")
        return _POSOF.get(words)
    return None


def _half(g: dict) -> str | None:
    words = _key(g.get("posof"))
    if "first half" in words:
        return "H1"
    if "second half" in words:
        return "H2"
    return None


def _number(text: str | None) -> float | str | None:
    if text is None:
        return None
    key = _key(text)
    half = key.endswith(" and a half")
    key = key.removesuffix(" and a half")
    lex = lexicon()["number"]
    if key in lex:
        n = lex[key]
    elif re.fullmatch(r"[0-9][0-9,]*(\.[0-9]+)?", key):
        n = float(key.replace(",", "")) if "." in key else int(key.replace(",", ""))
    else:
        m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", key)
        if not m or m.group(1) not in lex or m.group(2) not in lex:
            return None
        n = lex[m.group(1)] + lex[m.group(2)]
    if half and isinstance(n, (int, float)):
        n = n + 0.5
    return n


def _fmt_num(n: float | int | str) -> str:
    if isinstance(n, str):
        return n
    if float(n).is_integer():
        return str(int(n))
    return f"{n:g}"


def _unit(text: str | None) -> str | None:
    return lexicon()["unit"].get(_key(text))


def _pick_year(mon: int, dd: int | None, c: Context) -> tuple[int | None, str | None]:
    """The year for a month(-day) without one: the paragraph's narrative year, else the DCT's,
    moved back (past tense) or forward (future tense) to the nearest plausible occurrence."""
    if c.year_hint is not None:
        return c.year_hint, "REF"
    if c.dct is None:
        return None, None
    y = c.dct.year
    target = (mon, dd or 1)
    now = (c.dct.month, c.dct.day if dd else 1)
    if c.tense == "future":
        return (y + 1 if target < now else y), "DCT"
    if c.tense == "perfect":  # the nearest occurrence, either side
        ahead = (mon - c.dct.month) % 12
        if 0 < ahead <= 2 or (ahead == 0 and target > now):  # up to two months ahead
            return (y + 1 if mon < c.dct.month else y), "DCT"
        return (y - 1 if target > now else y), "DCT"
    if target > now:
        # a past-tense mention of a later month-day: last year's, unless it is only days ahead
        return (y - 1 if (mon - c.dct.month) % 12 > 1 or c.tense == "past" else y), "DCT"
    return y, "DCT"


def ymd(g: dict, c: Context) -> Norm | None:
    mon = _month(g)
    if mon is None:
        return None
    dd = _day(g)
    if g.get("yy"):
        yy = int(g["yy"])
        g = {**g, "year": str(2000 + yy if c.dct is None or 2000 + yy <= c.dct.year + 1 else 1900 + yy)}
    if g.get("year"):
        try:
            return Norm("DATE", V.day(date(int(g["year"]), mon, dd)))
        except ValueError:
            return None
    if g.get("wd") and c.dct is not None:
        wd = lexicon()["weekday"].get(g["wd"].rstrip(".").lower())
        for y in sorted(range(c.dct.year - 6, c.dct.year + 2), key=lambda y: abs(y - c.dct.year)):
            try:
                if date(y, mon, dd).weekday() == wd:
                    return Norm("DATE", V.day(date(y, mon, dd)), anchor="DCT")
            except ValueError:
                return None
    event = lexicon()["event_date"].get(f"{mon:02d}-{dd:02d}")
    m = re.match(r"[\s,]+([a-z]+)", c.next_text)
    if event and m and m.group(1) in event["cue"]:
        return Norm("DATE", V.day(date(event["year"], mon, dd)))  # "the Sept. 11 attacks"
    y, anchor = _pick_year(mon, dd, c)
    try:
        if y is None:
            date(2000, mon, dd)
            return Norm("DATE", f"XXXX-{mon:02d}-{dd:02d}")
        return Norm("DATE", V.day(date(y, mon, dd)), anchor=anchor)
    except ValueError:
        return None


def pod_of_date(g: dict, c: Context) -> Norm | None:
    """"the morning of March 3": a part of that day."""
    n = ymd(g, c)
    if n is None:
        return None
    return Norm("TIME", f"{n.value}T{lexicon()['part_of_day'][_key(g['pod'])]}", n.mod, n.anchor)


def month_norm(g: dict, c: Context) -> Norm | None:
    mon = _month(g)
    if mon is None:
        return None
    mod = _posmod(g)
    if g.get("year"):
        return Norm("DATE", V.month(int(g["year"]), mon), mod)
    rel = _key(g.get("rel") or g.get("rel2"))
    if not rel and (m := _OF_REL_YEAR.match(c.next_text)):
        rel, g = m.group(1).lower(), {**g, "rel2": m.group(1)}  # "October of next year": TimeML marks "October"
    if rel in ("last", "past", "previous") and c.dct:
        y = c.dct.year - 1 if mon >= c.dct.month else c.dct.year
        if g.get("rel2"):
            y = c.dct.year - 1
        return Norm("DATE", V.month(y, mon), mod, "DCT")
    if rel in ("next", "coming") and c.dct:
        y = c.dct.year + 1 if mon <= c.dct.month or g.get("rel2") else c.dct.year
        return Norm("DATE", V.month(y, mon), mod, "DCT")
    if rel == "this" and c.dct:
        return Norm("DATE", V.month(c.dct.year, mon), mod, "DCT")
    if rel in ("same", "that") and c.ref:
        return Norm("DATE", V.month(c.ref.day.year, mon), mod, "REF")
    y, anchor = _pick_year(mon, None, c)
    if y is None:
        return Norm("DATE", f"XXXX-{mon:02d}", mod)
    return Norm("DATE", V.month(y, mon), mod, anchor)


def year(g: dict, c: Context) -> Norm | None:
    y = g["year"]
    half = _half(g)
    if half:
        return Norm("DATE", f"{y}-{half}")
    sig = _key(g.get("sig")).rstrip("-")
    mod = {"since": "ON_OR_AFTER", "pre": "BEFORE", "post": "AFTER"}.get(sig) or _posmod(g)
    return Norm("DATE", y, mod)


def fiscal(g: dict, c: Context) -> Norm | None:
    if g.get("year"):
        return Norm("DATE", f"FY{g['year']}")
    rel = _key(g.get("rel"))
    if not rel or c.dct is None:
        return None
    shift = {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    return Norm("DATE", f"FY{c.dct.year + shift}", anchor="DCT")


def decade(g: dict, c: Context) -> Norm | None:
    if g.get("dec"):
        value = g["dec"][:3]
    else:
        d = int(lexicon()["decade_word"][_key(g["decw"])] if g.get("decw") else
                (g.get("dec2") or g.get("dec3") or g["dec4"])[0])
        value = f"19{d}" if c.dct is None or d * 10 > c.dct.year % 100 else f"20{d}"
    return Norm("DATE", value, _posmod(g))


def century(g: dict, c: Context) -> Norm | None:
    key = _key(g["ord"])
    n = lexicon()["ordinal"].get(key)
    if n is None:
        m = re.match(r"\d+", key)
        n = int(m.group()) if m else None
    if not n:
        return None
    return Norm("DATE", f"{n - 1:02d}", _posmod(g))


def season(g: dict, c: Context) -> Norm | None:
    code = lexicon()["season"][_key(g["season"])]
    rel = _key(g.get("rel"))
    mod = _posmod(g)
    if g.get("year"):
        return Norm("DATE", f"{g['year']}-{code}", mod)
    if code == "FA" and not rel:
        return None  # "fall" the verb
    if not rel and not g.get("pos") and c.prev_word not in ("in", "this", "the", "during", "by", "until", "of"):
        return None
    base = c.ref.day if rel in ("that", "the") and c.ref else c.dct
    if base is None:
        return Norm("DATE", f"XXXX-{code}", mod)
    y = base.year
    start_month = V.SEASON_MONTHS[code][0]
    if rel in ("last", "past", "previous"):
        y = y - 1 if start_month >= base.month else y
    elif rel in ("next", "coming"):
        y = y + 1 if start_month <= base.month else y
    elif c.tense == "past" and start_month > base.month and rel != "this" and base is c.dct:
        y -= 1  # "in the fall" written in spring: last fall; but "that fall" after "the summer of 2012" is 2012
    return Norm("DATE", f"{y}-{code}", mod, "REF" if base is not c.dct else "DCT")


def quarter(g: dict, c: Context) -> Norm | None:
    if g.get("q"):
        if not g["q"][0].isupper():
            return None
        q = int(g["q"][1])
    else:
        key = _key(g["ord"])
        if key == "last" and not (g.get("year") or g.get("fy") or g.get("rel")) and c.dct is not None:
            return Norm("DATE", V.shift(c.dct, -1, "Q"), anchor="DCT")  # "the last quarter": the previous one
        q = {"final": 4, "last": 4}.get(key) or lexicon()["ordinal"].get(key)
    if not q or q > 4:
        return None
    if g.get("year") or g.get("fy"):
        return Norm("DATE", f"{g.get('year') or g.get('fy')}-Q{q}")
    if c.dct is None:
        return Norm("DATE", f"XXXX-Q{q}")
    rel = _key(g.get("rel"))
    y = c.dct.year + {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
    if not rel:
        current = (c.dct.month - 1) // 3 + 1
        if c.tense == "future":
            y = y + 1 if q < current else y
        elif q > current:
            y -= 1
    return Norm("DATE", f"{y}-Q{q}", anchor="DCT")


def half(g: dict, c: Context) -> Norm | None:
    h = 1 if _key(g["half"]) == "first" else 2
    if g.get("year"):
        return Norm("DATE", f"{g['year']}-H{h}")
    if not g.get("rel") or c.dct is None:
        return None
    y = c.dct.year + {"last": -1, "next": 1}.get(_key(g["rel"]), 0)
    return Norm("DATE", f"{y}-H{h}", anchor="DCT")


def holiday(g: dict, c: Context) -> Norm | None:
    md = lexicon()["holiday"][_key(g["hol"]).replace("’", "'")]
    mon, dd = (int(x) for x in md.split("-"))
    if g.get("year"):
        return Norm("DATE", f"{g['year']}-{md}")
    y, anchor = _pick_year(mon, dd, c)
    return Norm("DATE", f"{y}-{md}" if y else f"XXXX-{md}", anchor=anchor)


def rel_unit(g: dict, c: Context) -> Norm | None:
    unit = _UNIT_PERIOD[_key(g["unit"])]
    rel = _key(g.get("rel"))
    mod = _posmod(g)
    the = bool(g.get("the")) or bool(g.get("posof"))
    if rel == "recent":
        return Norm("DATE", "PAST_REF")
    if rel == "past" and g.get("this"):
        rel = "last"  # "this past weekend": the one just gone, a date
    if rel == "past" or (rel == "last" and unit in ("D",)):
        if unit == "D":
            return None
        return Norm("DURATION", "P1" + {"DE": "0Y", "CE": "00Y", "Q": "Q", "WE": "WE"}.get(unit, unit))
    if unit == "D" and rel not in ("same", "that", "following", "next", "previous") and not g.get("pre"):
        return None
    anaphoric = rel in ("same", "that") or (the and rel in ("following", "previous", "next") and c.ref is not None)
    if rel in ("same", "that", "following") and c.ref is None and not the:
        anaphoric = False
    n = {"last": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1}.get(rel, 0)
    if g.get("pre") and not rel and unit == "D" and c.ref is not None and c.ref.granularity == "D":
        anaphoric = True  # "later in the day": the narrative's day
    if anaphoric:
        if c.ref is None:
            return None
        value = V.shift(c.ref.day, n, unit)
        return Norm("DATE", value, mod, "REF") if value else None
    if c.dct is None:
        return None
    if rel == "following" and not the:
        return None
    value = V.shift(c.dct, n, unit)
    if value and unit == "Y" and _half(g):
        return Norm("DATE", f"{value}-{_half(g)}", None, "DCT")
    return Norm("DATE", value, mod, "DCT") if value else None


def _weekday_date(wd: int, c: Context, rel: str) -> date | None:
    if c.dct is None:
        return None
    delta = wd - c.dct.weekday()
    if rel == "last":
        back = (c.dct.weekday() - wd) % 7 or 7
        return c.dct - timedelta(days=back)
    if rel in ("next", "coming"):
        ahead = (wd - c.dct.weekday()) % 7 or 7
        return c.dct + timedelta(days=ahead)
    if rel == "this":
        return c.dct + timedelta(days=delta)
    if rel == "nearest":
        ahead = (wd - c.dct.weekday()) % 7
        return c.dct + timedelta(days=ahead) if ahead <= 3 else c.dct - timedelta(days=7 - ahead)
    if c.tense == "future":
        return c.dct + timedelta(days=(wd - c.dct.weekday()) % 7)
    return c.dct - timedelta(days=(c.dct.weekday() - wd) % 7)


def weekday(g: dict, c: Context) -> Norm | None:
    text = g["wd"]
    if not _capitalised(text):
        return None
    key = text.rstrip(".").lower()
    if len(key) <= 4 and not text.endswith(".") and key not in ("wed",):
        return None  # "Mon", "Fri" only with a period; keeps "Sat"/"Sun" and names out
    wd = lexicon()["weekday"][key]
    rel = _key(g.get("rel"))
    if not rel and (c.prev_word in ("until", "till", "by") or c.tense == "present"):
        rel = "nearest"  # "closed until Friday", "the festival opens Saturday": either side
    d = _weekday_date(wd, c, rel)
    pod = lexicon()["part_of_day"].get(_key(g.get("pod")))
    if d is None:
        base = f"XXXX-WXX-{wd + 1}"
        return Norm("TIME" if pod else "DATE", base + (f"T{pod}" if pod else ""))
    if pod:
        return Norm("TIME", f"{V.day(d)}T{pod}", anchor="DCT")
    return Norm("DATE", V.day(d), anchor="DCT")


def deictic(g: dict, c: Context) -> Norm | None:
    key = _key(g["dd"])
    if c.dct is None:
        return Norm("DATE", "PRESENT_REF") if key == "today" else None
    d = c.dct + timedelta(days=lexicon()["deictic_day"][key])
    pod = lexicon()["part_of_day"].get(_key(g.get("pod")))
    if key == "tonight":
        pod = pod or "NI"
    if pod:
        return Norm("TIME", f"{V.day(d)}T{pod}", anchor="DCT")
    return Norm("DATE", V.day(d), anchor="DCT")


def the_day(g: dict, c: Context) -> Norm | None:
    """"ended the day", "for the day", "later in the day": the document's day (news)."""
    if not g.get("posof") and not g.get("pos") and c.prev_word not in ("end", "ending", "ended", "ends", "finish", "finished", "for", "during", "in",
                           "of", "close", "closed", "closing", "start", "began", "begin", "throughout", "over"):
        return None
    if c.dct is None:
        return None
    base, anchor = _narrative_day(c)
    return Norm("DATE", V.day(base), _posmod(g), anchor)


def _narrative_day(c: Context) -> tuple[date | None, str]:
    """The day a bare "the day" / "in the morning" refers to: the reference time if it is a day,
    else the last day mentioned, else the document date."""
    if c.ref is not None and c.ref.granularity == "D":
        return c.ref.day, "REF"
    if c.day_ref is not None:
        return c.day_ref.day, "DAY"
    return c.dct, "DCT"


def the_year(g: dict, c: Context) -> Norm | None:
    """"profit for the year", "during the week", "late in the year": the narrative period, else
    the document's."""
    if not g.get("pos") and c.prev_word not in ("for", "during", "throughout", "over"):
        return None
    unit = _UNIT_PERIOD[_key(g["unit"])]
    base = c.ref.day if c.ref is not None and c.ref.granularity in ("D", "M", "Y") and \
        {"Y": 0, "M": 1, "D": 2}[c.ref.granularity] >= {"Y": 0, "M": 1, "W": 2}[unit] else c.dct
    if base is None:
        return None
    return Norm("DATE", V.shift(base, 0, unit), _posmod(g), anchor="REF" if base is not c.dct else "DCT")


def the_pod(g: dict, c: Context) -> Norm | None:
    """"in the morning", "that evening": a part of the narrative day (or the document's)."""
    if c.prev_word not in ("in", "during", "by", "until", "through", "throughout", "overnight", "into"):
        return None
    code = lexicon()["part_of_day"][_key(g["pod"])]
    base, anchor = _narrative_day(c)
    if base is None:
        return None
    return Norm("TIME", f"{V.day(base)}T{code}", anchor=anchor)


def week_of(g: dict, c: Context) -> Norm | None:
    """"the first week of March" → the ISO week holding its first day (TimeML week values);
    "the last week of 2016" → that year's last ISO week."""
    if "mon" not in g and g.get("year"):
        y, key = int(g["year"]), _key(g["ord"])
        n = date(y, 12, 28).isocalendar()[1] if key in ("last", "final") else lexicon()["ordinal"][key]
        return Norm("DATE", f"{y:04d}-W{n:02d}")
    mon = _month(g)
    if mon is None:
        return None
    if g.get("year"):
        y = int(g["year"])
    else:
        y, _ = _pick_year(mon, None, c)
        if y is None:
            return None
    key = _key(g["ord"])
    if key in ("last", "final"):  # the last full week: the one ending on the month's last Sunday
        d = V.add_months(date(y, mon, 1), 1) - timedelta(days=1)
        d -= timedelta(days=(d.weekday() + 1) % 7)
    else:
        d = date(y, mon, 1) + timedelta(days=7 * (lexicon()["ordinal"][key] - 1))
    return Norm("DATE", V.week(d), anchor=None if g.get("year") else "DCT")


def pod(g: dict, c: Context) -> Norm | None:
    code = lexicon()["part_of_day"][_key(g["pod"])]
    if c.dct is None:
        return Norm("TIME", f"XXXX-XX-XXT{code}")
    d = c.dct - timedelta(days=1) if "last" in _key(g["rel"]) else c.dct
    return Norm("TIME", f"{V.day(d)}T{code}", anchor="DCT")


def weekend(g: dict, c: Context) -> Norm | None:
    if c.dct is None:
        return None
    d = c.dct
    if c.tense == "past" and d.weekday() < 5:
        d -= timedelta(days=7)
    return Norm("DATE", V.week(d) + "-WE", anchor="DCT")


def _qmod(g: dict) -> str | None:
    return lexicon()["quant_mod"].get(_key(g.get("qmod"))) if g.get("qmod") else None


def ago(g: dict, c: Context) -> Norm | None:
    unit = _unit(g["unit"])
    n = _number(g.get("num")) if g.get("num") else "X"
    if unit is None or n is None:
        return None
    if n == "X" or c.dct is None:
        return Norm("DATE", "PAST_REF", _qmod(g))
    if unit in ("H", "MIN", "S"):
        return Norm("DATE", V.day(c.dct), _qmod(g), "DCT")
    value = V.shift(c.dct, -int(n), unit)
    return Norm("DATE", value, _qmod(g), "DCT") if value else None


def later(g: dict, c: Context) -> Norm | None:
    if re.match(r"\s+than\b", c.next_text):
        return None  # "three days later than planned" compares; "three days" stays a duration
    unit = _unit(g["unit"])
    n = _number(g.get("num"))
    if unit is None or n is None or isinstance(n, str):
        return None
    base = c.ref.day if c.ref else c.dct
    if base is None:
        return None
    sign = 1 if _key(g["dir"]) == "later" else -1
    value = V.shift(base, sign * int(n), unit)
    if c.ref is not None and value:
        # no finer than the reference: "three days later" after "March 2003" is 2003-03
        if c.ref.granularity == "M" and unit in ("D", "W", "WE", "H", "MIN", "S"):
            value = value[:7] if re.match(r"\d{4}-\d\d", value) else V.shift(base, 0, "M")
        elif c.ref.granularity == "Y" and unit not in ("Y", "DE", "CE"):
            value = value[:4]
    return Norm("DATE", value, _qmod(g), "REF" if c.ref else "DCT") if value else None


def next_day(g: dict, c: Context) -> Norm | None:
    key = _key(g.get("rel") or g.get("dir"))
    unit_word = _key(g["unit"])
    base = c.ref.day if c.ref else c.dct
    if base is None:
        return None
    n = {"next": 1, "following": 1, "after": 1, "previous": -1, "prior": -1, "before": -1, "earlier": -1}.get(key, 0)
    pod_code = lexicon()["part_of_day"].get(unit_word) if unit_word in ("morning", "evening") else None
    unit = "D" if unit_word in ("day", "morning", "night", "evening") else _UNIT_PERIOD.get(unit_word)
    if unit is None:
        return None
    value = V.shift(base, n, unit)
    if value is None:
        return None
    anchor = "REF" if c.ref else "DCT"
    if pod_code or unit_word == "night":
        return Norm("TIME", f"{value}T{pod_code or 'NI'}", anchor=anchor)
    return Norm("DATE", value, anchor=anchor)


def same_period(g: dict, c: Context) -> Norm | None:
    """"the same period last year", "the same month a year ago": the narrative period (or the
    document's) one year back, at the unit's granularity."""
    unit = _key(g["unit"])
    forms = {"quarter": r"-Q[1-4]", "month": r"-\d\d", "season": r"-(?:SP|SU|FA|WI)"}
    if c.ref is not None and _YEARLESS_PART.fullmatch(c.ref.value[4:]) and \
            re.fullmatch(forms.get(unit, ".*"), c.ref.value[4:]) and re.match(r"\d{4}", c.ref.value):
        return Norm("DATE", f"{int(c.ref.value[:4]) - 1:04d}{c.ref.value[4:]}", anchor="REF")
    base = c.ref.day if c.ref is not None else c.dct
    if base is None:
        return None
    code = {"month": "M", "quarter": "Q", "week": "W", "day": "D"}.get(unit, "Y")
    if c.ref is not None and {"Y": 0, "M": 1, "D": 2}[c.ref.granularity] < {"Y": 0, "Q": 1, "M": 1, "W": 2, "D": 2}[code]:
        code = "Y"  # no finer than the reference: "the same month" after "in 2008" is a year
    value = V.shift(base, -52, "W") if code == "W" else V.shift(V.add_months(base, -12), 0, code)
    return Norm("DATE", value, anchor="REF" if c.ref is not None else "DCT") if value else None


def ref_word(g: dict, c: Context) -> Norm | None:
    key = _key(g["ref"])
    value = lexicon()["ref_word"][key]
    if key == "soon" and c.prev_word == "as" and re.match(r"\s+as\b", c.next_text):
        return None  # "as soon as the results came": a conjunction
    if key == "the moment" and (c.prev_word not in ("at", "for") or not re.match(r"\s*(?:[,.;:)!?]|$)", c.next_text)):
        return None  # "at the moment, ..." is now; "the moment he arrived" is an event's time
    if key == "current" and (c.prev_word != "the" or re.match(r"\s+accounts?\b", c.next_text)):
        return None  # "the current crisis" (TIDES/TimeML: PRESENT_REF); not "its current models", "current account"
    if key == "recent" and (c.prev_word in ("most", "more", "less", "least") or _key(g.get("_text")) != "recent" or not re.match(r"\s+[a-z]", c.next_text)):
        return None  # "the recent downturn", "recent losses" (PAST_REF); not "the most recent model"
    if c.next_text.startswith("-"):
        return None  # "now-cancelled", "soon-to-open"
    if re.match(r"\s+(after|before|afterwards|thereafter)\b", c.next_text):
        return None  # "soon after the vote": a relation, not a time
    return Norm("DATE", value)


def bare_plural(g: dict, c: Context) -> Norm | None:
    unit = _unit(g["unit"])
    if unit is None:
        return None
    rel = _key(g.get("rel"))
    if not rel and not g.get("long") and c.prev_word not in _PREP_BEFORE_BARE \
            and not re.match(r"\s+(?:after|before)\b", c.next_text):  # "hours after the attack"
        return None
    code = {"DE": "DE", "CE": "CE", "H": "TXH", "MIN": "TXM", "S": "TXS"}.get(unit)
    return Norm("DURATION", "P" + (code if code and code.startswith("T") else "X" + (code or unit)))


def anaphor(g: dict, c: Context) -> Norm | None:
    since = _key(g.get("since"))
    if _key(g.get("_text")).endswith("same time") and re.match(r"\s+(that|as|when|with)\b|\s*,", c.next_text):
        return None  # "at the same time that X met": a relation between events, not a time
    if c.ref is None:
        return Norm("DATE", "PAST_REF") if not since else None
    if since == "since":
        return Norm("DATE", c.ref.value, "ON_OR_AFTER", "REF")
    return Norm("DATE", c.ref.value, c.ref.mod if not since else None, "REF")


def duration(g: dict, c: Context) -> Norm | None:
    unit = _unit(g["unit"])
    n = _number(g.get("num"))
    if unit is None or n is None:
        return None
    num_key = _key(g.get("num"))
    if unit == "S" and num_key in ("a", "an", "one"):
        return None  # "a second time"
    if unit == "D" and _key(g["unit"]) in ("session", "sessions") and isinstance(n, str):
        return None
    mod = _qmod(g)
    if num_key in ("a", "an", "per") and unit in ("D", "W", "M", "Y", "H") and not g.get("rel") and not mod and (
            c.prev_word in _RATE_WORDS or c.prev_word.isdigit()):
        return Norm("SET", f"P{'T' if unit == 'H' else ''}1{unit}")  # "15 a year", "$5 million a year"
    if unit == "Q" and (num_key in ("a", "one", "three") and (mod or re.match(r"\W*of\b", c.next_text))):
        return None  # "about a quarter of its dealers": a fraction
    if isinstance(n, str):
        count = "X"
    else:
        count = n + 0.5 if g.get("half2") else n  # "a year and a half"
    if count != "X" and count < 1 and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]  # "half an hour" → PT30M (but "two and a half years" → P2.5Y)
        count, unit = count * factor, smaller
    if unit == "DE":
        value = "PXDE" if count == "X" else f"P{_fmt_num(count * 10)}Y"
    elif unit == "CE":
        value = "PXCE" if count == "X" else f"P{_fmt_num(count * 100)}Y"
    elif unit == "2W":
        value = "P2W"
    elif unit in ("H", "MIN", "S"):
        value = f"PT{_fmt_num(count)}{ {'H': 'H', 'MIN': 'M', 'S': 'S'}[unit]}"
    else:
        value = f"P{_fmt_num(count)}{unit}"
    return Norm("DURATION", value, mod)


def unit_long(g: dict, c: Context) -> Norm | None:
    """"a day-long meeting", "a year-long inquiry": one unit."""
    unit = _unit(g["unit"])
    if unit is None:
        return None
    return duration({"num": "one", "unit": g["unit"]}, c)


def all_unit(g: dict, c: Context) -> Norm | None:
    unit = _unit(g["unit"]) or "D"
    return Norm("DURATION", f"P1{unit}")


def set_every(g: dict, c: Context) -> Norm | None:
    key = _key(g["unit"])
    lex = lexicon()
    n = _number(g.get("num")) if g.get("num") else 1
    if g.get("other") and isinstance(n, int):
        n *= 2  # "every other day": every second day
    if key in lex["part_of_day"]:
        return Norm("SET", f"XXXX-XX-XXT{lex['part_of_day'][key]}")
    wd = lex["weekday"].get(key.rstrip("."))
    if wd is not None:
        return Norm("SET", f"XXXX-WXX-{wd + 1}")
    if key in lex["season"]:
        return Norm("SET", f"XXXX-{lex['season'][key]}")
    unit = lex["unit"].get(key)
    if unit is None or isinstance(n, str) or n is None:
        return None
    if unit in ("H", "MIN", "S"):
        return Norm("SET", f"PT{_fmt_num(n)}{ {'H': 'H', 'MIN': 'M', 'S': 'S'}[unit]}")
    if unit == "DE":
        return Norm("SET", f"P{_fmt_num(n * 10)}Y")
    return Norm("SET", f"P{_fmt_num(n)}{unit}")


def set_weekdays(g: dict, c: Context) -> Norm | None:
    key = _key(g["wds"])
    if key == "weekends":
        return Norm("SET", "XXXX-WXX-WE")
    if key == "weekdays":
        return None
    if not _capitalised(g["wds"]):
        return None
    return Norm("SET", f"XXXX-WXX-{lexicon()['weekday'][key[:-1]] + 1}")


def set_adverb(g: dict, c: Context) -> Norm | None:
    m = re.match(r"\s+([a-z]+)", c.next_text)
    if _key(g["adv"]) == "annual" and m and m.group(1) in lexicon()["annual_measure"]:
        return Norm("DURATION", "P1Y")  # "annual profit": an amount over one year, not a recurrence
    if _key(g["adv"]) == "annual" and re.match(r"\s+[A-Z]", c.next_text):
        return None  # "the annual World Economic Forum": part of the event's name
    return Norm("SET", lexicon()["set_adverb"][_key(g["adv"])])


def set_freq(g: dict, c: Context) -> Norm | None:
    unit = _unit(g["unit"])
    if unit is None or unit in ("DE", "CE"):
        return None
    if unit in ("H", "MIN", "S"):
        return Norm("SET", f"PT1{ {'H': 'H', 'MIN': 'M', 'S': 'S'}[unit]}")
    return Norm("SET", f"P1{unit}")


def clock(g: dict, c: Context) -> Norm | None:
    word = _key(g.get("word"))
    if word:
        hh, mm = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
        hh = int(g["h"])
        mm = int(g.get("mi") or 0)
        ap = _key(g.get("ap")).replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
    tz = lexicon()["time_zone"].get(_key(g.get("tz")), "") if g.get("tz") else ""
    d = None
    anchor = None
    if g.get("wd"):
        sub = deictic({"dd": g["wd"]}, c) if _key(g["wd"]) in lexicon()["deictic_day"] else weekday({"wd": g["wd"]}, c)
        if sub is not None and re.match(r"\d{4}-\d\d-\d\d", sub.value):
            d = sub.value[:10]
            anchor = "DCT"
    if d is None and c.dct is not None:
        d = V.day(c.dct)
        anchor = "DCT"
    return Norm("TIME", f"{d or 'XXXX-XX-XX'}T{hh:02d}:{mm:02d}{tz}", anchor=anchor)


NORMALISERS: dict[str, Callable[[dict, Context], Norm | None]] = {
    "ymd": ymd, "pod_of_date": pod_of_date, "the_day": the_day, "the_year": the_year, "the_pod": the_pod, "week_of": week_of, "month": month_norm, "year": year, "fiscal": fiscal, "decade": decade,
    "century": century, "season": season, "quarter": quarter, "half": half, "holiday": holiday,
    "rel_unit": rel_unit, "weekday": weekday, "deictic": deictic, "pod": pod, "weekend": weekend,
    "ago": ago, "later": later, "next_day": next_day, "same_period": same_period, "ref_word": ref_word, "bare_plural": bare_plural,
    "anaphor": anaphor, "duration": duration, "set_every": set_every, "all_unit": all_unit, "unit_long": unit_long, "set_adverb": set_adverb, "set_weekdays": set_weekdays,
    "set_freq": set_freq, "clock": clock,
}


def normalise(norm: str, groups: dict, context: Context) -> Norm | None:
    """Run the named normaliser.

    >>> normalise("year", {"year": "2013", "pos": "late"}, Context())
    Norm(type='DATE', value='2013', mod='END', anchor=None)
    >>> normalise("ago", {"num": "two", "unit": "years"}, Context(dct=date(2013, 3, 22))).value
    '2011'
    """
    return NORMALISERS[norm](groups, context)
