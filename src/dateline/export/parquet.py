"""Export records as Parquet tables: records, actors, quotes, times, events.

Each record (its JSON form) becomes one row in ``records`` and one row per actor, quote, time
expression and event in the other tables, all keyed by ``doc_id``. Files are laid out as a
Hive-partitioned dataset by publication date (``<table>/pubdate=2025-02/part-00003.parquet``), so
``pyarrow.dataset.dataset(path, partitioning="hive")`` (or DuckDB, pandas, Spark) reads them
back. Files are written atomically (a temporary file renamed into place).
"""
from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("records", "actors", "quotes", "times", "events")
UNKNOWN_DATE = "unknown"
PARTITION_KEY = "pubdate"  # the Hive partition column: publication date cut to the grain
_GRAIN = {"day": 10, "month": 7, "year": 4}

_str = pa.string()
_int = pa.int64()
_strs = pa.list_(pa.string())


@functools.cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of one exported table.

    >>> table_schema("times").names[:4]
    ['doc_id', 'item', 'time_id', 'text']
    """
    common = [("doc_id", _str), ("item", _int)]
    fields = {
        "records": [("title", _str), ("url", _str), ("source", _str), ("published", _str),
                    ("published_precision", _str), ("published_how", _str), ("dateline", _str),
                    ("byline", _strs), ("language", _str), ("n_chars", _int), ("n_actors", _int),
                    ("n_quotes", _int), ("n_times", _int), ("n_events", _int), ("text", _str),
                    ("record", _str)],
        "actors": [("actor_id", _str), ("name", _str), ("kind", _str), ("country", _str), ("sector", _str),
                   ("cameo", _str), ("roles", _strs), ("n_mentions", _int), ("mentions", _str)],
        "quotes": [("quote_id", _str), ("kind", _str), ("speaker", _str), ("speaker_name", _str),
                   ("speaker_start", _int), ("speaker_end", _int), ("cue", _str), ("cue_start", _int),
                   ("cue_end", _int), ("content", _str), ("content_spans", _str),
                   ("paragraphs", pa.list_(_int)), ("confidence", pa.float64())],
        "times": [("time_id", _str), ("text", _str), ("start", _int), ("end", _int), ("type", _str),
                  ("value", _str), ("mod", _str), ("interval_start", _str), ("interval_end", _str),
                  ("anchor", _str)],
        "events": [("event_id", _str), ("category", _str), ("mode", _str), ("context", _strs),
                   ("cameo", _str), ("source", _strs), ("target", _strs), ("trigger", _str),
                   ("trigger_start", _int), ("trigger_end", _int), ("sentence_start", _int),
                   ("sentence_end", _int), ("date", _str), ("date_precision", _str), ("date_from", _str),
                   ("date_start", _str), ("date_end", _str), ("location", _str), ("location_country", _str),
                   ("lat", pa.float64()), ("lon", pa.float64()), ("status", _str), ("background", pa.bool_()),
                   ("quote", _str), ("confidence", pa.float64())],
    }[table]
    return pa.schema([pa.field(n, t) for n, t in common + fields])


def date_key(record: dict, grain: str = "month") -> str:
    """The partition value of a record: its publication date cut to ``grain`` (day, month,
    year), or ``unknown``.

    >>> date_key({"document": {"published": {"value": "2025-02-12"}}})
    '2025-02'
    """
    published = (record.get("document") or {}).get("published") or {}
    value = published.get("value")
    if not value:
        return UNKNOWN_DATE
    return str(value)[: _GRAIN[grain]]


def _span(obj: dict | None, key: str = "span") -> tuple[int | None, int | None]:
    span = (obj or {}).get(key)
    return (span[0], span[1]) if span else (None, None)


def _get(obj: dict | None, *keys):
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def record_rows(record: dict, *, item: int, raw: str | None = None) -> dict[str, list[dict]]:
    """Flatten one record (JSON form) into rows for each table.

    >>> rows = record_rows({"document": {"id": "d1", "text": "Hi."}}, item=0)
    >>> rows["records"][0]["doc_id"], rows["actors"]
    ('d1', [])
    """
    doc = record.get("document") or {}
    doc_id = doc.get("id")
    base = {"doc_id": doc_id, "item": item}
    actors = record.get("actors") or []
    names = {a.get("id"): a.get("name") for a in actors}
    pub = doc.get("published") or {}
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["records"].append({
        **base, "title": doc.get("title"), "url": doc.get("url"), "source": doc.get("source"),
        "published": pub.get("value"), "published_precision": pub.get("precision"), "published_how": pub.get("how"),
        "dateline": _get(doc, "dateline", "place"), "byline": [b.get("name") for b in doc.get("byline") or []],
        "language": doc.get("language"), "n_chars": len(doc.get("text") or ""), "n_actors": len(actors),
        "n_quotes": len(record.get("quotes") or []), "n_times": len(record.get("times") or []),
        "n_events": len(record.get("events") or []), "text": doc.get("text"),
        "record": raw if raw is not None else json.dumps(record, ensure_ascii=False),
    })
    for a in actors:
        rows["actors"].append({
            **base, "actor_id": a.get("id"), "name": a.get("name"), "kind": a.get("kind"),
            "country": a.get("country"), "sector": a.get("sector"), "cameo": _get(a, "codes", "cameo"),
            "roles": [r.get("text") for r in a.get("roles") or []], "n_mentions": len(a.get("mentions") or []),
            "mentions": json.dumps(a.get("mentions") or [], ensure_ascii=False),
        })
    for q in record.get("quotes") or []:
        content = q.get("content") or []
        s_start, s_end = (q.get("speaker_span") or (None, None))[:2] if q.get("speaker_span") else (None, None)
        c_start, c_end = _span(q.get("cue"))
        rows["quotes"].append({
            **base, "quote_id": q.get("id"), "kind": q.get("kind"), "speaker": q.get("speaker"),
            "speaker_name": names.get(q.get("speaker")), "speaker_start": s_start, "speaker_end": s_end,
            "cue": _get(q, "cue", "text"), "cue_start": c_start, "cue_end": c_end,
            "content": " … ".join(c.get("text") or "" for c in content),
            "content_spans": json.dumps([c.get("span") for c in content]),
            "paragraphs": list(q.get("paragraphs") or []), "confidence": q.get("confidence"),
        })
    for t in record.get("times") or []:
        start, end = _span(t)
        rows["times"].append({
            **base, "time_id": t.get("id"), "text": t.get("text"), "start": start, "end": end,
            "type": t.get("type"), "value": t.get("value"), "mod": t.get("mod"),
            "interval_start": _get(t, "interval", "start"), "interval_end": _get(t, "interval", "end"),
            "anchor": t.get("anchor"),
        })
    for e in record.get("events") or []:
        t_start, t_end = _span(e.get("trigger"))
        sentence = e.get("sentence") or (None, None)
        loc = e.get("location") or {}
        rows["events"].append({
            **base, "event_id": e.get("id"), "category": e.get("category"), "mode": e.get("mode"),
            "context": list(e.get("context") or []), "cameo": e.get("cameo"),
            "source": list(e.get("source") or []), "target": list(e.get("target") or []),
            "trigger": _get(e, "trigger", "text"), "trigger_start": t_start, "trigger_end": t_end,
            "sentence_start": sentence[0], "sentence_end": sentence[1],
            "date": _get(e, "date", "value"), "date_precision": _get(e, "date", "precision"),
            "date_from": _get(e, "date", "from"), "date_start": _get(e, "date", "interval", "start"),
            "date_end": _get(e, "date", "interval", "end"), "location": loc.get("name"),
            "location_country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "status": e.get("status"), "background": e.get("background"), "quote": e.get("quote"),
            "confidence": e.get("confidence"),
        })
    return rows


def _atomic_write_bytes(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def encode_parquet(records: Iterable[tuple[int, dict]], *, part: int, date_grain: str = "month",
                   raw: dict[int, str] | None = None) -> list[tuple[str, bytes]]:
    """Encode one partition of records (``(item index, record JSON)`` pairs) as Parquet files in
    memory: ``(relative path, bytes)`` per table and date present. Workers call this, so the
    process that writes the files only copies bytes. ``raw`` maps an item to its record's JSON
    text when already serialised (stored as is in ``records.record``).

    >>> rec = {"document": {"id": "d1", "text": "Hi.", "published": {"value": "2025-02-12"}}}
    >>> [path for path, _ in encode_parquet([(0, rec)], part=3)]
    ['records/pubdate=2025-02/part-00003.parquet']
    """
    by_date: dict[str, dict[str, list[dict]]] = {}
    for item, record in records:
        tables = by_date.setdefault(date_key(record, date_grain), {t: [] for t in TABLES})
        for table, rows in record_rows(record, item=item, raw=(raw or {}).get(item)).items():
            tables[table].extend(rows)
    files = []
    for date in sorted(by_date):
        for table in TABLES:
            rows = by_date[date][table]
            if not rows and table != "records":
                continue
            sink = pa.BufferOutputStream()
            pq.write_table(pa.Table.from_pylist(rows, schema=table_schema(table)), sink, compression="zstd")
            files.append((f"{table}/{PARTITION_KEY}={date}/part-{part:05d}.parquet", sink.getvalue().to_pybytes()))
    return files


def write_files(files: Iterable[tuple[str, bytes]], directory: Path) -> list[Path]:
    """Write encoded files under ``directory``, each atomically (temporary name, then rename)."""
    written = []
    for rel, data in files:
        path = Path(directory) / rel
        _atomic_write_bytes(data, path)
        written.append(path)
    return written


def write_parquet(records: Iterable[tuple[int, dict]], directory: Path, *, part: int,
                  date_grain: str = "month") -> list[Path]:
    """Write one partition of records (``(item index, record JSON)`` pairs) into the dataset
    under ``directory``; returns the files written (one per table and date present).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> rec = {"document": {"id": "d1", "text": "Hi.", "published": {"value": "2025-02-12"}}}
    >>> [p.relative_to(d).as_posix() for p in write_parquet([(0, rec)], d, part=3)][0]
    'records/pubdate=2025-02/part-00003.parquet'
    """
    return write_files(encode_parquet(records, part=part, date_grain=date_grain), directory)


def read_table(directory: Path, table: str) -> pa.Table:
    """Read one exported table back (all partitions), sorted by input item.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_parquet([(0, {"document": {"id": "d1", "text": "Hi."}})], d, part=0)
    >>> read_table(d, "records").column("doc_id").to_pylist()
    ['d1']
    """
    import pyarrow.dataset as ds

    root = Path(directory) / table
    schema = table_schema(table).append(pa.field(PARTITION_KEY, pa.string()))
    if not root.exists():
        return schema.empty_table()
    dataset = ds.dataset(root, format="parquet", partitioning=ds.partitioning(pa.schema([(PARTITION_KEY, pa.string())]),
                                                                              flavor="hive"),
                         schema=schema, exclude_invalid_files=True)
    table_ = dataset.to_table()
    sort = [("item", "ascending")] + ([(table_schema(table).names[2], "ascending")] if table != "records" else [])
    return table_.sort_by(sort)
