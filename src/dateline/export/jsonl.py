"""Records as JSON Lines: one `dateline/1` record object per line."""
from __future__ import annotations

import json
from collections.abc import Iterable

from dateline.export._io import Target, opened
from dateline.record import Record


def write_jsonl(records: Iterable[Record], out: Target) -> int:
    """Write records as JSON Lines; return how many were written.

    >>> import io
    >>> from dateline.record import Document, Record
    >>> buf = io.StringIO()
    >>> write_jsonl([Record(Document("d1", "Hi."))], buf), buf.getvalue()[:30]
    (1, '{"document": {"id": "d1", "tex')
    """
    n = 0
    with opened(out) as fh:
        for record in records:
            fh.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            n += 1
    return n
