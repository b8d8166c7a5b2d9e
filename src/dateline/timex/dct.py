"""Publication-date inference: when an article gives no date, read one from its text.

Evidence, strongest first:

1. an anniversary of a dated event ("the third anniversary of the war" + "since February 2022"
   → 2025; "approaching" puts the date before the anniversary, "marked" on it);
2. a full date (day, month, year) in the lead: on a line of its own (a dateline), or inside a
   sentence when written with its weekday and no later date is mentioned;
3. weekday + day ("on Monday, March 3") — the year in which that day is that weekday, nearest to
   the other evidence;
4. "last year" / "this year" right before an explicit year ("last year (2015)");
5. the latest dated event (the latest year, month or day mentioned outside future contexts):
   a lower bound only. On its own it is too weak (news looks back years: on TE3-Platinum it
   was wrong for every document), so it never produces a date by itself; it only fills in the
   month once stronger evidence fixed the year.

The year comes from the strongest year evidence; the month and day from a month-day mention in the
lead ("on Feb. 12" with a past-tense verb) or the latest dated event of that year. The result is
``Published(value, precision, how="inferred", evidence, confidence)``, or None when there is no
year evidence at all.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from dateline.record import Evidence, Published
from dateline.timex.grammar import lexicon

_APPROACH = re.compile(r"\b(approach\w*|near\w*|ahead of|upcoming|coming|eve of|will mark|looms?|looming|"
                       r"before)\b", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_PARTIAL_MD = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_LEAD_PARAGRAPHS = 3
_FUTURE_SIGNAL = re.compile(r"\b(by|until|through|before|in)\s*$", re.IGNORECASE)


def _lead_end(text: str) -> int:
    count = 0
    pos = 0
    for m in re.finditer(r"[^\n]+", text):
        if len(m.group().split()) < 3:  # a title or a dateline line, not a paragraph
            continue
        count += 1
        pos = m.end()
        if count >= _LEAD_PARAGRAPHS or pos > 1200:
            break
    return pos or len(text)


def _sentence(doc: Doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def infer_published(doc: Doc, *, absolute, partial, anniversaries, tenses, text: str | None = None) -> Published | None:
    """Infer the publication date from the document's time expressions (see the module notes).

    Args:
        doc: the parsed document.
        absolute: absolute time items (`dateline.timex.api._Item`) with explicit years.
        partial: ``(candidate, norm)`` pairs normalised without a reference date.
        anniversaries: anniversary items with their computed values.
        tenses: the tense at each candidate's start offset.

    >>> from dateline.parse import load_nlp
    >>> from dateline.timex import find_times
    >>> find_times(load_nlp()("On Monday, March 3, talks began. Sales fell in 2013.")).published.value
    '2014-03-03'
    >>> find_times(load_nlp()("On March 3, the talks began.")).published is None
    True
    """
    text = doc.text if text is None else text
    lead_end = _lead_end(text)
    evidence: list[Evidence] = []
    year: int | None = None
    conf = 0.0
    max_month: tuple[int, int] | None = None  # an upper bound from an approaching anniversary
    month_hint: tuple[int, int] | None = None

    # 1. anniversaries
    for an in anniversaries:
        y = int(an.value[:4])
        sent = _sentence(doc, an.start)
        ctx = sent.text if sent is not None else text[an.start:an.end + 80]
        approaching = bool(_APPROACH.search(ctx))
        year, conf = y, 0.75
        if len(an.value) >= 7:
            m = int(an.value[5:7])
            if approaching:
                max_month = (y, m)
            else:
                month_hint = (y, m)
        evidence.append(Evidence(text[an.start:an.end], (an.start, an.end),
                                 f"anniversary dated {an.value}" + (" (approaching)" if approaching else "")))
        break

    # 2. a full date in the lead
    full_lead = [a for a in absolute if _DAY.match(a.value) and a.start < lead_end
                 and tenses.get(a.candidate.start if a.candidate else a.start) != "future"]
    lead_full_date = None
    if full_lead:
        a = full_lead[0]
        d = date.fromisoformat(a.value)
        line_start = text.rfind("\n", 0, a.start) + 1
        line_end = text.find("\n", a.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        dateline = len(line.split()) <= 6  # the date stands alone on its line: a dateline
        latest = max((x.value for x in absolute if _DAY.match(x.value)), default=a.value)
        latest_year = max((int(x.value[:4]) for x in absolute if re.match(r"\d{4}", x.value)), default=d.year)
        # inside a sentence, a full date is the news day only when written with its weekday
        # ("HuffPollster for Monday, May 2, 2016") and nothing later is mentioned; bare full dates
        # in sentences are mostly past events ("the attacks of Sept. 11, 2001", "the January 23,
        # 2013 testimony")
        weekday = bool(a.candidate is not None and a.candidate.groups.get("wd"))
        if (year is None or d.year == year) and (dateline or (weekday and a.value == latest and d.year >= latest_year)):
            lead_full_date = (d, a)

    # 3. weekday + month-day without a year
    weekday_days: list[tuple] = []
    for c, n in partial:
        if c.groups.get("wd") and c.groups.get("day") and _PARTIAL_MD.match(n.value):
            weekday_days.append((c, n))

    # 5. years mentioned outside future contexts
    years: list[tuple[int, object]] = []
    for a in absolute:
        if a.mod in ("BEFORE", "AFTER") or not re.match(r"\d{4}", a.value):
            continue
        if tenses.get(a.candidate.start if a.candidate else a.start) == "future":
            continue
        if _FUTURE_SIGNAL.search(text[max(0, a.start - 12):a.start]) and \
                tenses.get(a.candidate.start if a.candidate else a.start) != "past":
            continue
        y = int(a.value[:4])
        if 1900 <= y <= 2100:
            years.append((y, a))

    if year is None and lead_full_date is not None:
        year, conf = lead_full_date[0].year, 0.8
    if year is None and years:
        latest = max(y for y, _ in years)
        year, conf = latest, 0.45
        a = max(years, key=lambda p: (p[0], p[1].start))[1]
        evidence.append(Evidence(text[a.start:a.end], (a.start, a.end), "latest dated event"))
        # 4. "last year" / "this year" next to one explicit year
        for m in re.finditer(r"\b(last|this) year\b", text, re.IGNORECASE):
            sent = _sentence(doc, m.start())
            if sent is None:
                continue
            inside = {y for y, a2 in years if sent.start_char <= a2.start < sent.end_char
                      and 0 <= a2.start - m.end() <= 8}  # "last year (2015)", "this year, 2016,"
            shift = 1 if m.group(1).lower() == "last" else 0
            if len(inside) == 1 and next(iter(inside)) + shift >= latest:
                year, conf = next(iter(inside)) + shift, 0.55
                evidence.append(Evidence(m.group(), (m.start(), m.end()), f"'{m.group().lower()}' beside {next(iter(inside))}"))
                break
    if weekday_days:
        wds = lexicon()["weekday"]
        for c, n in weekday_days:
            mo, dd = (int(x) for x in _PARTIAL_MD.match(n.value).groups())
            wd = wds.get(c.groups["wd"].rstrip(".").lower())
            base = year or (max(y for y, _ in years) if years else None)
            if base is None or wd is None:
                continue
            fits = []
            for y in range(base - 6, base + 7):
                try:
                    if date(y, mo, dd).weekday() == wd:
                        fits.append(y)
                except ValueError:
                    break
            if fits:
                best = min(fits, key=lambda y: (abs(y - base), -y))
                if year is None or conf < 0.7 or best == year:
                    year, conf = best, max(conf, 0.7)
                    evidence.append(Evidence(c.text, (c.start, c.end), f"weekday and day fit {best}"))
                break

    if year is None or conf < 0.5:
        return None  # only the latest dated event: a lower bound, not an estimate
    if lead_full_date is not None and lead_full_date[0].year == year:
        d, a = lead_full_date
        evidence.insert(0, Evidence(text[a.start:a.end], (a.start, a.end), "full date in the lead"))
        return Published(d.isoformat(), "day", "inferred", tuple(evidence), round(max(conf, 0.8), 2))

    # month-day in the lead (past or present tense: the news event)
    for c, n in partial:
        m = _PARTIAL_MD.match(n.value)
        if not m or c.start >= lead_end:
            continue
        mo, dd = int(m.group(1)), int(m.group(2))
        y = year
        if max_month is not None and (y, mo) > max_month:
            y -= 1
        try:
            d = date(y, mo, dd)
        except ValueError:
            continue
        evidence.insert(0, Evidence(c.text, (c.start, c.end), "month and day of the news event in the lead"))
        return Published(d.isoformat(), "day", "inferred", tuple(evidence), round(min(0.9, conf + 0.15), 2))

    # the latest dated event in the chosen year gives the month
    best_month = None
    for y, a in years:
        if y != year:
            continue
        m = _DAY.match(a.value) or _MONTH.match(a.value)
        if m and (best_month is None or a.value > best_month[0]):
            best_month = (a.value, a)
    if best_month is not None:
        value, a = best_month
        evidence.append(Evidence(text[a.start:a.end], (a.start, a.end), "latest dated event this year"))
        return Published(value, "day" if _DAY.match(value) else "month", "inferred", tuple(evidence),
                         round(conf * 0.9, 2))
    if month_hint is not None and month_hint[0] == year:
        return Published(f"{year:04d}-{month_hint[1]:02d}", "month", "inferred", tuple(evidence), conf)
    if max_month is not None and max_month[0] == year:
        return Published(f"{year:04d}-{max_month[1]:02d}", "month", "inferred", tuple(evidence), round(conf * 0.8, 2))
    return Published(f"{year:04d}", "year", "inferred", tuple(evidence), conf)
