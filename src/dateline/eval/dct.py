"""Score publication-date inference with the date hidden (MEANTIME and TE3-Platinum).

For each document the known DCT is withheld and `find_times(doc, published=None)` infers one.
Two ways to hide it:

- ``metadata`` (default): the DCT is not given as input; the text is the article as published
  (TE3: the ``<DCT>`` element is outside ``<TEXT>`` anyway; MEANTIME: the Wikinews dateline line
  "March 01, 2008" stays in the body, as it does on the page);
- ``dateline``: also cut the line that writes the DCT from the MEANTIME text. This is much harder:
  only 14 of the 118 MEANTIME articles name their publication year anywhere else.

PolNeAR (``--data ../shared/data/polnear``, train split by default) has no date in its texts at
all: its publication dates come from ``metadata.tsv``, so it measures inference from the body.
 A document counts as same-year / same-month /
same-day when the inferred value agrees with the gold DCT at that precision (an inferred value
coarser than the level counts as wrong at that level); no inference counts as wrong everywhere.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.times import EvalDoc, load_corpus


@dataclass(slots=True)
class DctReport:
    """Accuracy of the inferred publication date against the hidden one."""

    corpus: str
    docs: int = 0
    inferred: int = 0
    same_year: int = 0
    same_month: int = 0
    same_day: int = 0
    seconds: float = 0.0
    rows: list = field(default_factory=list)

    def rate(self, n: int) -> float:
        return n / self.docs if self.docs else 0.0

    def as_dict(self) -> dict:
        return {"corpus": self.corpus, "docs": self.docs, "inferred": self.inferred,
                "coverage": self.rate(self.inferred), "same_year": self.rate(self.same_year),
                "same_month": self.rate(self.same_month), "same_day": self.rate(self.same_day),
                "seconds": round(self.seconds, 2)}


def hide_dct(doc: EvalDoc) -> str:
    """The document text with the line that writes its DCT removed (MEANTIME's dateline).

    >>> hide_dct(EvalDoc("d", "Title\\nMarch 1, 2008\\nBody.", "2008-03-01", (), (6, 19)))
    'Title\\nBody.'
    """
    if not doc.dct_span:
        return doc.text
    start = doc.text.rfind("\n", 0, doc.dct_span[0]) + 1
    end = doc.text.find("\n", doc.dct_span[1])
    end = len(doc.text) if end < 0 else end + 1
    return doc.text[:start] + doc.text[end:]


def compare(gold: str, value: str | None) -> tuple[bool, bool, bool]:
    """(same year, same month, same day) of an inferred value against the gold date.

    >>> compare("2025-02-12", "2025-02"), compare("2025-02-12", None)
    ((True, True, False), (False, False, False))
    """
    if not value:
        return False, False, False
    return gold[:4] == value[:4], len(value) >= 7 and gold[:7] == value[:7], len(value) >= 10 and gold[:10] == value[:10]


def load_polnear(folder: Path, split: str = "train") -> list[EvalDoc]:
    """PolNeAR articles of one split with their publication dates from ``metadata.tsv`` (the
    texts carry no date line, so this is inference from the body alone)."""
    import csv

    dates = {}
    with open(Path(folder) / "metadata.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    docs = []
    for p in sorted((Path(folder) / split / "text").glob("*.txt")):
        dct = dates.get(p.stem)
        if dct:
            docs.append(EvalDoc(p.stem, p.read_text("utf-8"), dct, ()))
    return docs


def evaluate_dct(folder: Path, *, limit: int | None = None, hide: str = "metadata", split: str = "train") -> DctReport:
    """Infer each document's publication date with the date hidden (``metadata`` or
    ``dateline``, see the module notes) and score it."""
    from dateline.parse import load_nlp
    from dateline.timex import find_times

    if (Path(folder) / "metadata.tsv").exists():
        kind, docs = f"polnear-{split}", load_polnear(folder, split)
    else:
        kind, docs = load_corpus(folder)
    docs = [d for d in docs if d.dct and len(d.dct) >= 10][: limit or None]
    report = DctReport(f"{kind}:{Path(folder).name}:{hide}")
    t0 = time.perf_counter()
    texts = [hide_dct(d) if hide == "dateline" else d.text for d in docs]
    for doc, parsed in zip(docs, load_nlp().pipe(texts, batch_size=8)):
        published = find_times(parsed, published=None).published
        value = published.value if published else None
        y, m, d = compare(doc.dct, value)
        report.docs += 1
        report.inferred += value is not None
        report.same_year += y
        report.same_month += m
        report.same_day += d
        report.rows.append({"doc": doc.id, "gold": doc.dct, "inferred": value,
                            "evidence": [e.reason for e in published.evidence] if published else []})
    report.seconds = time.perf_counter() - t0
    return report
