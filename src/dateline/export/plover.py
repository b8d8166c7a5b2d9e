"""Events as PLOVER JSON Lines, following the field table of the PLOVER 0.8 manual ("PLOVER
JSON": id, date, actor, recipient, event, event_loc, event_text, quad_code, event_scale, mode,
context, text_info, cite_info, coder ...), one event per line. dateline's own evidence rides
along in fields the manual allows providers to add: cameo, status, background, quote,
date_precision, confidence.
"""
from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Iterator
from importlib import resources

from dateline.events.codes import quad_class
from dateline.export._io import Target, opened
from dateline.record import Actor, Event, Record

CODER = "dateline"
CODEBOOK = "plover-0.8"


@functools.cache
def plover_scores() -> dict[tuple[str, str | None], float]:
    """The manual's conflict-cooperation scores keyed by (category, mode or None).

    >>> plover_scores()[("ASSAULT", None)], plover_scores()[("CONSULT", "multilateral")]
    (-9.0, 4.0)
    """
    path = resources.files("dateline.data").joinpath("events", "plover_scores.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {(r["category"], None if r["mode"] == "-" else r["mode"]): float(r["score"]) for r in rows}


def event_scale(category: str, mode: str | None) -> float | None:
    """PLOVER score of a category and mode (the category's score when the mode has none)."""
    scores = plover_scores()
    return scores.get((category, mode), scores.get((category, None)))


def entity(actor: Actor | None, aid: str) -> dict:
    """PLOVER entity object for an actor."""
    if actor is None:
        return {"code": None, "sector": None, "entity_text": None, "identifier_text": aid}
    code = actor.country or (actor.codes or {}).get("cameo") or (actor.kind if actor.kind == "IGO" else None)
    first = actor.mentions[0] if actor.mentions else None
    return {"code": code, "sector": actor.sector, "entity_text": first.text if first else actor.name,
            "identifier_text": actor.name, "office": actor.roles[0].text if actor.roles else None}


def _date(event: Event) -> tuple[str | None, str]:
    d = event.date
    if d is None or not d.value:
        return None, "unknown"
    if d.interval is not None:
        return d.interval.start, d.precision
    value = d.value + ("-01" * (2 - d.value.count("-")))
    return value, d.precision


def plover_event(record: Record, event: Event) -> dict:
    """Return one event of a record as a PLOVER JSON object.

    >>> from dateline.record import Document, Event, TextSpan
    >>> rec = Record(Document("d1", "Riots."), events=(Event("E1", "PROTEST", TextSpan("Riots", (0, 5)), (0, 6), mode="riot"),))
    >>> row = plover_event(rec, rec.events[0])
    >>> row["id"], row["event"], row["mode"], row["quad_code"], row["event_scale"]
    ('d1-E1', ['PROTEST'], ['riot'], 4, -7.0)
    """
    doc = record.document
    date, precision = _date(event)
    text = doc.text
    start, end = event.sentence
    sequence = text.count("\n", 0, start)
    loc = event.location
    return {
        "id": f"{doc.id}-{event.id}",
        "has_event": True,
        "date": date,
        "actor": [entity(record.actor(a), a) for a in event.source],
        "recipient": [entity(record.actor(a), a) for a in event.target],
        "event": [event.category],
        "event_loc": None if loc is None else {
            "extracted_place": loc.name, "resolved_place": loc.name, "lat": loc.lat, "lon": loc.lon,
            "province": loc.admin1, "country_code": loc.country,
        },
        "event_text": [event.trigger.text],
        "quad_code": quad_class(event.category),
        "event_scale": event_scale(event.category, event.mode),
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "text": text[start:end],
        "text_info": {"sequence": sequence, "start": start, "end": end,
                      "trigger_start": event.trigger.span[0], "trigger_end": event.trigger.span[1]},
        "cite_info": {"url": doc.url, "title": doc.title, "language": doc.language, "coder": CODER,
                      "codebook": CODEBOOK, "publication": doc.source},
        "coder": CODER,
        "cameo": event.cameo,
        "status": event.status,
        "background": event.background,
        "quote": event.quote,
        "date_precision": precision,
        "confidence": event.confidence,
    }


def iter_plover(records: Iterable[Record]) -> Iterator[dict]:
    """Yield the PLOVER objects of every event of every record."""
    for record in records:
        for event in record.events:
            yield plover_event(record, event)


def write_plover(records: Iterable[Record], out: Target) -> int:
    """Write every event as a PLOVER JSON line; return how many were written."""
    n = 0
    with opened(out) as fh:
        for row in iter_plover(records):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n
