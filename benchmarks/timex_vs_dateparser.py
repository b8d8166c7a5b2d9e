"""Side by side on TE3-Platinum: dateline's time stage against dateparser's ``search_dates``.

Both systems get the same reference date (the document's DCT) and the same text (the ``<TEXT>``
body), and both are scored with the TempEval-3 entity scorer (`dateline.eval.times`). dateparser
returns ``(substring, datetime)`` pairs without a type or granularity, so its output is mapped to
TIMEX3 the generous way: the first unused occurrence of the substring gives the span; a substring
with a clock time is a TIME (``YYYY-MM-DDThh:mm``); a bare year gives ``YYYY``, a month name with
a year and no day gives ``YYYY-MM``; everything else is a DATE at day precision. Settings:
``RELATIVE_BASE`` = DCT, ``PREFER_DATES_FROM`` = past (news), ``languages=["en"]``.
Extraction time excludes dateline's spaCy parse, which is timed and shown apart.

    .venv/bin/python benchmarks/timex_vs_dateparser.py [--data ../shared/data/te3-platinum] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import time
from datetime import datetime
from pathlib import Path

from dateline.eval.times import GoldTime, TimesReport, load_corpus, score_doc
from dateline.parse import load_nlp
from dateline.record import Published
from dateline.timex import find_times

ROOT = Path(__file__).resolve().parents[1]
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}(:\d\d|\s*[ap]\.?m\.?)", re.IGNORECASE)


def dateparser_times(text: str, dct: str) -> list[GoldTime]:
    """Run ``search_dates`` and map its results to TIMEX3-like items (see the module notes)."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(dct)
    found = search_dates(text, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    out: list[GoldTime] = []
    pos = 0
    for sub, when in found:
        start = text.find(sub, pos)
        if start < 0:
            start = text.find(sub)
            if start < 0:
                continue
        end = start + len(sub)
        pos = end
        if _CLOCK.search(sub):
            out.append(GoldTime(start, end, "TIME", when.strftime("%Y-%m-%dT%H:%M")))
        elif re.fullmatch(r"\s*(in\s+)?\d{4}\s*", sub):
            out.append(GoldTime(start, end, "DATE", f"{when.year:04d}"))
        elif _MONTH.search(sub) and re.search(r"\d{4}", sub) and not re.search(r"\b\d{1,2}\b", sub):
            out.append(GoldTime(start, end, "DATE", when.strftime("%Y-%m")))
        else:
            out.append(GoldTime(start, end, "DATE", when.strftime("%Y-%m-%d")))
    return out


def _row(r: TimesReport) -> dict:
    d = r.as_dict()
    return {"system": r.corpus, "gold": d["gold"], "sys": d["system"], "strict_f1": round(100 * d["strict"]["f1"], 2),
            "relaxed_f1": round(100 * d["relaxed"]["f1"], 2), "type_f1": round(100 * d["type_f1"], 2),
            "value_f1": round(100 * d["value_f1"], 2), "seconds": round(r.seconds, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "te3-platinum")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    _, docs = load_corpus(args.data)
    nlp = load_nlp()
    t0 = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=8))
    parse_seconds = time.perf_counter() - t0

    ours = TimesReport("dateline")
    t0 = time.perf_counter()
    for doc, sdoc in zip(docs, parsed):
        result = find_times(sdoc, published=Published(doc.dct, "day", "given"), timeml=True)
        system = [GoldTime(t.span[0], t.span[1], t.type, t.value, t.mod) for t in result.times]
        score_doc(ours, doc, system)
    ours.seconds = time.perf_counter() - t0

    theirs = TimesReport("dateparser.search_dates")
    t0 = time.perf_counter()
    for doc in docs:
        score_doc(theirs, doc, dateparser_times(doc.text, doc.dct))
    theirs.seconds = time.perf_counter() - t0

    rows = [_row(ours), _row(theirs)]
    if args.json:
        print(json.dumps({"data": str(args.data), "docs": len(docs), "parse_seconds": round(parse_seconds, 2),
                          "rows": rows}, indent=1))
        return
    print(f"TE3 entity scorer on {args.data} ({len(docs)} docs); spaCy parse {parse_seconds:.2f}s (not counted)")
    cols = ["system", "gold", "sys", "strict_f1", "relaxed_f1", "type_f1", "value_f1", "seconds"]
    print("  ".join(f"{c:>24}" if c == "system" else f"{c:>10}" for c in cols))
    for r in rows:
        print("  ".join(f"{r[c]:>24}" if c == "system" else f"{r[c]:>10}" for c in cols))


if __name__ == "__main__":
    main()
