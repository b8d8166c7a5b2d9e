"""Exports: records to JSON Lines, PLOVER JSON Lines and the GDELT 2.0 event + mention tables.

Each writer takes an iterable of `Record`s and a path or a writable text stream and returns the
number of rows written. (`dateline.export.parquet` belongs to the batch stage.)
"""
from dateline.export.gdelt import write_gdelt
from dateline.export.jsonl import write_jsonl
from dateline.export.plover import write_plover

__all__ = ["write_gdelt", "write_jsonl", "write_plover"]
