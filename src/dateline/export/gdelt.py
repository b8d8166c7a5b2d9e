"""Events as the GDELT 2.0 event table (61 tab-separated columns, no header) plus a mentions
table in the GDELT 2.0 mentions layout (16 columns) carrying the evidence: article, sentence,
character offsets of actor 1, actor 2 and the action.

Deviations from GDELT, on purpose: SQLDATE is the date the event *happened* (empty when unknown;
GDELT stamps the article date); country codes are ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4 in
its geo fields and CAMEO country codes for actors); ADM1 is the admin1 *name*.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from datetime import date as _date

from dateline.events.codes import goldstein, quad_class
from dateline.export._io import Target, opened
from dateline.parse.nlp import paragraphs
from dateline.record import Actor, Event, Location, Record

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{p}Geo_{f}" for p in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
"""The 61 columns of a GDELT 2.0 event row, in order."""

MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
"""The 16 columns of a GDELT 2.0 mention row. SentenceID is the 1-based line (paragraph) number;
Extras holds the evidence: trigger and sentence character spans, status and background."""


def event_id(doc_id: str, eid: str) -> int:
    """A stable 63-bit GLOBALEVENTID for an event of a document.

    >>> event_id("doc", "E1") == event_id("doc", "E1")
    True
    """
    return int(hashlib.sha1(f"{doc_id}\t{eid}".encode()).hexdigest()[:15], 16)


def _ymd(value: str | None) -> _date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return _date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _event_day(event: Event) -> _date | None:
    """The day GDELT's SQLDATE needs: the date itself, else the start of its interval (a month or
    year precision event gets its first day; the precision travels in the PLOVER export)."""
    if event.date is None or not event.date.value:
        return None
    if event.date.interval is not None and event.date.precision != "day":
        return _ymd(event.date.interval.start) or _ymd(event.date.value)
    return _ymd(event.date.value)


def _actor_cols(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    code = (actor.codes or {}).get("cameo") or (country + (actor.sector or "") if country else actor.sector or "")
    return [code, actor.name.upper(), country, "" if actor.kind != "IGO" else code, "", "", "",
            actor.sector or "", "", ""]


def _geo_type(loc: Location) -> int:
    if loc.admin1 is None and loc.country and loc.lat is not None:
        return 1
    us = loc.country == "USA"
    if loc.admin1 and loc.name == loc.admin1:
        return 2 if us else 5
    return 3 if us else 4


def _geo_cols(loc: Location | None) -> list[str]:
    if loc is None:
        return [""] * 8
    full = ", ".join(p for p in (loc.name, loc.admin1 if loc.admin1 != loc.name else None, loc.country) if p)
    lat = "" if loc.lat is None else f"{loc.lat:.4f}"
    lon = "" if loc.lon is None else f"{loc.lon:.4f}"
    return [str(_geo_type(loc)), full, loc.country or "", loc.admin1 or "", "", lat, lon, ""]


def _actor_geo(record: Record, ids: tuple[str, ...]) -> Location | None:
    return None  # actors carry no place of their own in `dateline/1`


def _first_paragraph_end(text: str) -> int:
    first = paragraphs(text)[:1]
    return first[0][1] if first else len(text)


def gdelt_row(record: Record, event: Event) -> list[str]:
    """Return the 61 GDELT 2.0 columns of one event.

    >>> from dateline.record import Document, Event, EventDate, TextSpan
    >>> ev = Event("E1", "ASSAULT", TextSpan("shelled", (5, 12)), (0, 20), cameo="194", date=EventDate("2022-02-24", "day"))
    >>> row = gdelt_row(Record(Document("d", "Army shelled a town."), events=(ev,)), ev)
    >>> len(row), row[1], row[26:31]
    (61, '20220224', ['194', '194', '19', '4', '-10.0'])
    """
    doc = record.document
    when = _event_day(event)
    a1 = record.actor(event.source[0]) if event.source else None
    a2 = record.actor(event.target[0]) if event.target else None
    code = event.cameo or ""
    gs = goldstein(code) if code else None
    published = (doc.published.value if doc.published else "") or ""
    row = [
        str(event_id(doc.id, event.id)),
        when.strftime("%Y%m%d") if when else "",
        when.strftime("%Y%m") if when else "",
        str(when.year) if when else "",
        f"{when.year + (when.timetuple().tm_yday - 1) / 365:.4f}" if when else "",
        *_actor_cols(a1), *_actor_cols(a2),
        "1" if event.sentence[0] < _first_paragraph_end(doc.text) else "0",
        code, code[:3], code[:2],
        str(quad_class(event.category) or ""),
        "" if gs is None else str(gs),
        "1", "1", "1", "",
        *_geo_cols(_actor_geo(record, event.source)), *_geo_cols(_actor_geo(record, event.target)),
        *_geo_cols(event.location),
        published.replace("-", "") + "000000" if published else "",
        doc.url or doc.id,
    ]
    assert len(row) == len(EVENT_COLUMNS)
    return row


def _offset(record: Record, ids: tuple[str, ...], sentence: tuple[int, int]) -> int:
    """Offset of the actor's mention inside the event's sentence (-1 when none, as in GDELT)."""
    for aid in ids[:1]:
        actor = record.actor(aid)
        for m in actor.mentions if actor else ():
            if sentence[0] <= m.span[0] < sentence[1]:
                return m.span[0]
    return -1


def mention_row(record: Record, event: Event) -> list[str]:
    """Return the 16 GDELT 2.0 mention columns of one event (its evidence in the article)."""
    doc = record.document
    published = (doc.published.value if doc.published else "") or ""
    stamp = published.replace("-", "") + "000000" if published else ""
    day = _event_day(event)
    when = day.strftime("%Y%m%d") + "000000" if day else ""
    sentence_id = doc.text.count("\n", 0, event.sentence[0]) + 1  # paragraph number; offsets in Extras
    extras = (f"<TRIGGER>{event.trigger.span[0]}-{event.trigger.span[1]}</TRIGGER>"
              f"<SENTENCE>{event.sentence[0]}-{event.sentence[1]}</SENTENCE>"
              f"<STATUS>{event.status}</STATUS><BACKGROUND>{int(event.background)}</BACKGROUND>")
    return [
        str(event_id(doc.id, event.id)), when, stamp, "1", doc.source or "", doc.url or doc.id,
        str(sentence_id), str(_offset(record, event.source, event.sentence)),
        str(_offset(record, event.target, event.sentence)), str(event.trigger.span[0]), "1",
        str(int(round(event.confidence * 100))), str(len(doc.text)), "", "", extras,
    ]


def write_gdelt(records: Iterable[Record], out: Target, *, mentions: Target | None = None) -> int:
    """Write the GDELT 2.0 event table to ``out`` (and the mention table to ``mentions``).

    Returns the number of events written. Tab-separated, no header, as GDELT publishes them.
    """
    n = 0
    with opened(out) as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        mfh_ctx = opened(mentions) if mentions is not None else None
        mfh = mfh_ctx.__enter__() if mfh_ctx else None
        try:
            mwriter = csv.writer(mfh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                                 escapechar="\\") if mfh else None
            for record in records:
                for event in record.events:
                    writer.writerow(gdelt_row(record, event))
                    if mwriter is not None:
                        mwriter.writerow(mention_row(record, event))
                    n += 1
        finally:
            if mfh_ctx:
                mfh_ctx.__exit__(None, None, None)
    return n
