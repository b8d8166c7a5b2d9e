"""The batch output directory: partition files, the manifest, and the run summary.

Layout of ``--out DIR``::

    DIR/_manifest/run.json            what the run is (inputs and options); a rerun must match
    DIR/_manifest/part-00003.json     written last for partition 3: it is finished
    DIR/jsonl/part-00003.jsonl        records of partition 3, one JSON object a line, input order
    DIR/parquet/<table>/pubdate=YYYY-MM/part-00003.parquet
    DIR/summary.json                  totals, written when every partition is finished

Every file is written to a temporary name and renamed into place, and a partition's manifest
entry is written only after all its files, so a crash at any point leaves either a finished
partition or one that the next run redoes from scratch with the same result.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from dateline.batch.partition import ItemError, PartitionResult
from dateline.errors import DatelineError

FORMATS = ("parquet", "jsonl")


class OutputMismatch(DatelineError):
    """The output directory holds a different run (other inputs or options)."""


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a" / "x.json"
    >>> atomic_write_text(p, "{}"); p.read_text()
    '{}'
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class BatchOutput:
    """Reads and writes one batch output directory.

    >>> import tempfile, pathlib
    >>> out = BatchOutput(pathlib.Path(tempfile.mkdtemp()), formats=("jsonl",))
    >>> out.open({"inputs": ["a.txt"]}); out.is_done(0)
    False
    """

    def __init__(self, root: Path, *, formats=FORMATS, date_grain: str = "month") -> None:
        self.root = Path(root)
        self.formats = tuple(formats)
        self.date_grain = date_grain
        self.manifest = self.root / "_manifest"

    def open(self, identity: dict, *, overwrite: bool = False) -> None:
        """Start or resume: check ``identity`` against the stored run (or clear it with
        ``overwrite``), then record it."""
        run_file = self.manifest / "run.json"
        identity = json.loads(json.dumps(identity))
        if run_file.exists():
            stored = json.loads(run_file.read_text("utf-8"))
            if stored != identity:
                if not overwrite:
                    raise OutputMismatch("holds the output of a different run (other inputs or options); "
                                         "use another --out or --overwrite", path=str(self.root))
                self.clear()
            elif overwrite:
                self.clear()
        self._remove_stale_temporaries()
        atomic_write_text(run_file, json.dumps(identity, indent=1, sort_keys=True))

    def _remove_stale_temporaries(self) -> None:
        """Delete temporary files a killed run left behind (they were never renamed into place)."""
        for name in ("_manifest", "jsonl", "parquet"):
            for tmp in (self.root / name).rglob(".*.tmp"):
                tmp.unlink(missing_ok=True)

    def clear(self) -> None:
        """Remove everything a batch run writes (and nothing else)."""
        for name in ("_manifest", "jsonl", "parquet"):
            shutil.rmtree(self.root / name, ignore_errors=True)
        (self.root / "summary.json").unlink(missing_ok=True)

    def _entry(self, index: int) -> Path:
        return self.manifest / f"part-{index:05d}.json"

    def is_done(self, index: int) -> bool:
        """Whether partition ``index`` was finished by this or an earlier run."""
        return self._entry(index).exists()

    def done_entry(self, index: int) -> dict:
        """The manifest entry of a finished partition (counts, errors, files)."""
        return json.loads(self._entry(index).read_text("utf-8"))

    def write(self, result: PartitionResult, *, start: int) -> dict:
        """Write a finished partition's files, then its manifest entry; return the entry."""
        from dateline.batch.partition import encode_outputs
        from dateline.export.parquet import write_files

        encoded = result.files or encode_outputs(result.records, index=result.index, start=start,
                                                 formats=self.formats, date_grain=self.date_grain)
        files = write_files(encoded, self.root)
        entry = {
            "partition": result.index, "start": start, "items": result.n_items, "records": result.record_count,
            "errors": [{"item": start + e.pos, "name": e.name, "kind": e.kind, "reason": e.reason}
                       for e in result.errors],
            "files": sorted(p.relative_to(self.root).as_posix() for p in files),
        }
        atomic_write_text(self._entry(result.index), json.dumps(entry, indent=1, sort_keys=True))
        return entry

    def finish(self, n_partitions: int) -> dict:
        """Write ``summary.json`` from the manifest entries of all partitions; return it."""
        entries = [self.done_entry(i) for i in range(n_partitions)]
        summary = {
            "partitions": n_partitions,
            "items": sum(e["items"] for e in entries),
            "records": sum(e["records"] for e in entries),
            "failed": sum(len(e["errors"]) for e in entries),
            "formats": list(self.formats),
        }
        atomic_write_text(self.root / "summary.json", json.dumps(summary, indent=1, sort_keys=True))
        return summary


def entry_errors(entry: dict) -> list[ItemError]:
    """The errors of a manifest entry as `ItemError`s (positions inside the partition).

    >>> entry_errors({"start": 10, "errors": [{"item": 12, "name": "a", "kind": "EmptyInput", "reason": "empty"}]})
    [ItemError(pos=2, name='a', kind='EmptyInput', reason='empty')]
    """
    return [ItemError(e["item"] - entry["start"], e["name"], e["kind"], e["reason"]) for e in entry["errors"]]
