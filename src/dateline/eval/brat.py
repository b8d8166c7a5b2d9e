"""Read PolNeAR's brat standoff attributions (the corpus stays in ../shared); the first listed
annotator of each article is gold.

Each article has a ``.txt`` (paragraphs separated by blank lines) and one ``.ann`` per annotator.
``T`` lines carry typed spans (``a b;c d`` for discontinuous ones); ``E`` lines tie a cue,
source and content into one attribution. Offsets are code-point offsets into the ``.txt``.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.types import Span

SPLITS = ("train", "dev", "test", "annotator-training")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: content, source and cue as tuples of spans (possibly empty)."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One PolNeAR article with the first annotator's attributions."""

    name: str
    split: str
    annotator: str
    text: str
    attributions: tuple[GoldAttribution, ...]


class PolnearError(Exception):
    """The PolNeAR folder is missing or malformed; carries the path and reason."""

    def __init__(self, reason: str, *, path: Path | None = None) -> None:
        super().__init__(f"{reason}: {path}" if path else reason)
        self.path = path
        self.reason = reason


def parse_spans(field: str) -> tuple[Span, ...]:
    """Parse a brat offset field (``"Content 3 9;12 20"`` without the type) into spans.

    >>> parse_spans("3 9;12 20")
    ((3, 9), (12, 20))
    """
    spans = []
    for part in field.split(";"):
        start, end = part.split()
        spans.append((int(start), int(end)))
    return tuple(spans)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Parse one ``.ann`` file's text into attributions (``E`` lines), in file order.

    >>> ann = "T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nT3\\tContent 8 10\\tno\\n"
    >>> ann += "E1\\tAttribution:T2 Cue:T2 Source:T1 Content:T3\\n"
    >>> parse_ann(ann)[0].content
    ((8, 10),)
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.split("\n"):
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            kind, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = parse_spans(offsets)
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) >= 2:
                events.append([tuple(arg.split(":", 1)) for arg in parts[1].split() if ":" in arg])
    out = []
    for args in events:
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for role, tid in args:
            role = role.rstrip("0123456789")
            if role in roles:
                roles[role].extend(spans.get(tid, ()))
        out.append(GoldAttribution(*(tuple(sorted(roles[r])) for r in ("Content", "Source", "Cue"))))
    return tuple(out)


def iter_articles(root: Path | str, split: str, *, limit: int | None = None) -> Iterator[PolnearArticle]:
    """Yield the articles of one split with the first annotator's attributions, sorted by name.

    Raises:
        PolnearError: the folder or ``metadata.tsv`` is missing, or the split is unknown.

    >>> next(iter_articles("/nonexistent", "dev"))
    Traceback (most recent call last):
    ...
    dateline.eval.brat.PolnearError: PolNeAR metadata.tsv not found: /nonexistent/metadata.tsv
    """
    root = Path(root)
    if split not in SPLITS:
        raise PolnearError(f"unknown split {split!r} (use one of {', '.join(SPLITS)})")
    meta = root / "metadata.tsv"
    if not meta.exists():
        raise PolnearError("PolNeAR metadata.tsv not found", path=meta)
    with meta.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == split]
    rows.sort(key=lambda r: r["filename"])
    for n, row in enumerate(rows):
        if limit is not None and n >= limit:
            return
        name, annotator = row["filename"], row["annotators"].split("|")[0]
        folder = root / split
        text = (folder / "text" / f"{name}.txt").read_text("utf-8")
        ann_path = folder / "attributions" / f"{name}_{annotator}.ann"
        ann = ann_path.read_text("utf-8") if ann_path.exists() else ""
        yield PolnearArticle(name, split, annotator, text, parse_ann(ann))
