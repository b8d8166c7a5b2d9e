"""Side by side on PolNeAR dev: dateline's quotes against textacy's ``direct_quotations``.

Both systems read the same spaCy docs (parsed once with dateline's pipeline), and both are scored
with the issue-3 protocol (`dateline.eval.quotes`): content matched one-to-one by character
Jaccard >= 0.5, source accuracy on matched pairs, attribution F1, on all attributions and on the
direct subset (recall; textacy only extracts direct quotes). textacy raises ``ValueError`` on an
odd number of quotation marks: such a document counts as yielding no quotes (and is counted).
Prints one table and the extraction time per article of each system (parse time excluded,
shown apart).

    .venv/bin/python benchmarks/quotes_vs_textacy.py [--data ../shared/data/polnear] [--split dev]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.actors import ActorIndex
from dateline.eval.brat import iter_articles
from dateline.eval.quotes import load_speech_verbs, score_docs
from dateline.parse import load_nlp
from dateline.quotes import find_quotes
from dateline.record import Quote, TextSpan

ROOT = Path(__file__).resolve().parents[1]


def textacy_quotes(doc, failures: list) -> tuple[Quote, ...]:
    """Run textacy's extractor and turn its triples into dateline `Quote` records."""
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception as exc:  # textacy raises on unbalanced quotation marks
        failures.append(type(exc).__name__)
        return ()
    for n, t in enumerate(triples, start=1):
        content = TextSpan(t.content.text, (t.content.start_char, t.content.end_char))
        speaker = (t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1].text)) if t.speaker else None
        cue = None
        if t.cue:
            s, e = t.cue[0].idx, t.cue[-1].idx + len(t.cue[-1].text)
            cue = TextSpan(doc.text[s:e], (s, e))
        out.append(Quote(f"Q{n}", "direct", (content,), speaker_span=speaker, cue=cue))
    return tuple(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    articles = list(iter_articles(args.data, args.split, limit=args.limit))
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    parse_s = (time.perf_counter() - started) / len(docs)
    verbs = load_speech_verbs(args.data.parent)
    empty = ActorIndex()
    failures: list[str] = []
    systems = {
        "textacy direct_quotations": lambda d: textacy_quotes(d, failures),
        "dateline (direct only)": lambda d: find_quotes(d, actors=empty, indirect=False),
        "dateline (pipeline)": lambda d: find_quotes(d, actors=empty),
        "dateline (broad)": lambda d: find_quotes(d, actors=empty, broad=True),
    }
    rows = {}
    for name, fn in systems.items():
        report = score_docs(articles, docs, fn, speech_verbs=verbs, split=args.split).to_json()
        rows[name] = report
    if args.json:
        print(json.dumps({"parse_seconds_per_article": parse_s, "textacy_failures": len(failures),
                          "systems": rows}, indent=2))
        return
    print(f"PolNeAR {args.split}: {len(articles)} articles; parse {parse_s * 1000:.1f} ms/article (shared); "
          f"textacy raised on {len(failures)} documents")
    head = f"{'system':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'srcAcc':>7s} {'attrF1':>7s} {'dirR':>6s} " \
           f"{'dirSrc':>7s} {'ms/art':>7s}"
    print(head)
    print("-" * len(head))
    for name, r in rows.items():
        a, d = r["slices"]["all"], r["slices"]["direct"]
        print(f"{name:28s} {a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:6.3f} {a['source_accuracy']:7.3f} "
              f"{a['attribution_f1']:7.3f} {d['recall']:6.3f} {d['source_accuracy']:7.3f} "
              f"{r['seconds_per_article'] * 1000:7.2f}")


if __name__ == "__main__":
    main()
