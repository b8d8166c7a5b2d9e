"""Score records against hand-made gold files in the seed format (`../shared/gold/*.json`).

A gold file names its text (``text_file``, relative to the gold file) and lists the
quotes, times, actors, coreference links and events a perfect run extracts, plus optional
items that are neither required nor counted as extra. Quotes match by character overlap
(Jaccard over non-space, non-punctuation characters, ≥ 0.5), times by span, events by trigger.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from dateline.eval.quotes import char_set, jaccard
from dateline.record import Actor, Record

_ACRONYM_SKIP = {"of", "the", "and", "for"}


@dataclass(frozen=True, slots=True)
class GoldCase:
    """One gold file with its text."""

    path: Path
    text: str
    gold: dict

    @property
    def published(self) -> str | None:
        return (self.gold.get("metadata") or {}).get("published")


def load_gold(path: Path) -> list[GoldCase]:
    """Load a gold file, or every ``*.json`` gold file in a folder."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    cases = []
    for file in files:
        gold = json.loads(file.read_text("utf-8"))
        text = (file.parent / gold["text_file"]).read_text("utf-8")
        cases.append(GoldCase(file, text, gold))
    return cases


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """All ``(start, end)`` spans of ``needle`` in ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def actor_codes(actor: Actor | None) -> set[str]:
    """The codes a gold file may use for an actor: ISO3, CAMEO code, name, acronym."""
    if actor is None:
        return set()
    codes = {actor.name, actor.name.upper()}
    if actor.country:
        codes.add(actor.country)
    cameo = (actor.codes or {}).get("cameo")
    if cameo:
        codes.update({cameo, cameo[:3]})
    words = [w for w in re.split(r"[\s\-]+", actor.name) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) > 1:
        codes.add("".join(w[0] for w in words).upper())
    return codes


@dataclass
class Section:
    """Counts for one kind of item."""

    required: int = 0
    found: int = 0
    correct: int = 0
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def judge(self, ok: bool, miss: str) -> None:
        """Count one item the record has: correct when ``ok``, else a miss saying why.

        >>> sec = Section(required=2)
        >>> sec.judge(True, "fine")
        >>> sec.judge(False, "Q2: kind direct/indirect")
        >>> sec.found, sec.correct, sec.misses
        (2, 1, ['Q2: kind direct/indirect'])
        """
        self.found += 1
        if ok:
            self.correct += 1
        else:
            self.misses.append(miss)


def _score_quotes(case: GoldCase, record: Record) -> Section:
    text = case.text
    names = {a.id: a.name for a in record.actors}
    preds = [(q, char_set(text, [c.span for c in q.content])) for q in record.quotes]
    used: set[str] = set()
    sec = Section()

    def best(gq):
        gold_chars = char_set(text, [occ[0] for part in gq["content"] if (occ := occurrences(text, part))])
        scored = [(jaccard(gold_chars, chars), q) for q, chars in preds if q.id not in used]
        scored = [p for p in scored if p[0] >= 0.5]
        return max(scored, key=lambda p: p[0])[1] if scored else None

    for gq in case.gold.get("quotes", []):
        sec.required += 1
        q = best(gq)
        if q is None:
            sec.misses.append(f"missing quote: {gq['content'][0][:50]!r}")
            continue
        used.add(q.id)
        ok_speaker = names.get(q.speaker) == gq["speaker"]
        ok_cue = q.cue is not None and (q.cue.text == gq["cue"] or gq["cue"] in q.cue.text)
        sec.judge(ok_speaker and ok_cue and q.kind == gq["kind"],
                  f"{q.id}: kind {q.kind}/{gq['kind']}, speaker {names.get(q.speaker)}/{gq['speaker']}, "
                  f"cue {q.cue.text if q.cue else None}/{gq['cue']}")
    for gq in case.gold.get("optional_quotes", []):
        if (q := best(gq)) is not None:
            used.add(q.id)
    sec.extra = sum(1 for q, _ in preds if q.id not in used)
    return sec


def _score_times(case: GoldCase, record: Record) -> Section:
    sec = Section()
    by_span = {t.span: t for t in record.times}
    for gt in case.gold.get("times", []):
        sec.required += 1
        occ = occurrences(case.text, gt["text"])
        span = occ[gt.get("occurrence", 1) - 1] if len(occ) >= gt.get("occurrence", 1) else None
        t = by_span.get(span) if span else None
        if t is None and span:
            t = next((x for x in record.times if x.span[0] < span[1] and x.span[1] > span[0]), None)
        if t is None:
            sec.misses.append(f"missing time {gt['text']!r}")
            continue
        sec.judge(t.type == gt["type"] and t.value == gt["value"] and t.mod == gt["mod"],
                  f"{t.text!r}: {t.type} {t.value} {t.mod} vs {gt['type']} {gt['value']} {gt['mod']}")
    return sec


def _score_actors(case: GoldCase, record: Record) -> Section:
    sec = Section()
    by_name = {a.name: a for a in record.actors}
    for ga in case.gold.get("actors", []):
        sec.required += 1
        a = by_name.get(ga["name"])
        if a is None:
            sec.misses.append(f"missing actor {ga['name']}")
            continue
        sector = a.sector if a.kind != "IGO" else (a.sector or "IGO")
        role_ok = "role" not in ga or any(ga["role"] == r.text or ga["role"] in r.text for r in a.roles)
        sec.judge(a.country == ga["country"] and sector == ga["sector"] and role_ok,
                  f"{a.name}: {a.country}/{sector}/{[r.text for r in a.roles]} vs "
                  f"{ga['country']}/{ga['sector']}/{ga.get('role')}")
    byline = {b for b in case.gold.get("byline", [])}
    for a in record.actors:
        if a.name in byline:
            sec.misses.append(f"byline name became an actor: {a.name}")
            sec.correct -= 1
    return sec


def _score_coref(case: GoldCase, record: Record) -> Section:
    sec = Section()
    for link in case.gold.get("coreference", []):
        sec.required += 1
        ctx = occurrences(case.text, link["context"])
        if not ctx:
            sec.misses.append(f"context not in text: {link['context']!r}")
            continue
        found = re.compile(rf"\b{re.escape(link['mention'])}\b").search(case.text, ctx[0][0])
        span = found.span()
        owner = [a for a in record.actors for m in a.mentions if m.span == span]
        if owner:
            sec.found += 1
        if owner and owner[0].name == link["refers_to"]:
            sec.correct += 1
        else:
            sec.misses.append(f"{link['mention']!r} in {link['context']!r} → "
                              f"{owner[0].name if owner else None} (gold {link['refers_to']})")
    return sec


def _event_matches(ge: dict, e, record: Record) -> dict[str, bool]:
    src = set().union(*(actor_codes(record.actor(a)) for a in e.source)) if e.source else set()
    tgt = set().union(*(actor_codes(record.actor(a)) for a in e.target)) if e.target else set()
    return {
        "category": e.category == ge["type"],
        "source": (ge["source"] in src) if ge["source"] else not e.source,
        "target": (ge["target"] in tgt) if ge["target"] else True,
        "date": (e.date.value if e.date else None) == ge["date"],
        "background": e.background == ge["background"],
    }


def _score_events(case: GoldCase, record: Record) -> tuple[Section, Section]:
    sec, dates = Section(), Section()
    used: set[str] = set()

    def candidates(ge):
        spans = occurrences(case.text, ge["trigger"])
        return [e for e in record.events if e.id not in used
                and any(e.trigger.span[0] < s[1] and e.trigger.span[1] > s[0] for s in spans)]

    for ge in case.gold.get("events", []):
        sec.required += 1
        dates.required += 1
        cands = candidates(ge)
        if not cands:
            sec.misses.append(f"missing event {ge['type']} {ge['trigger']!r}")
            continue
        e = max(cands, key=lambda e: sum(_event_matches(ge, e, record).values()))
        used.add(e.id)
        m = _event_matches(ge, e, record)
        sec.judge(m["category"] and m["source"] and m["target"],
                  f"{e.id} {e.trigger.text!r}: {e.category} vs {ge['type']} "
                  f"({', '.join(k for k, v in m.items() if not v)} wrong)")
        dates.judge(m["date"], f"{e.id} {e.trigger.text!r}: date {e.date.value if e.date else None} vs {ge['date']}")
    for ge in case.gold.get("optional_events", []):
        for e in candidates(ge)[:1]:
            used.add(e.id)
    sec.extra = sum(1 for e in record.events if e.id not in used)
    return sec, dates


def score_case(case: GoldCase, record: Record) -> dict[str, Section]:
    """Score one record against its gold case, section by section."""
    events, event_dates = _score_events(case, record)
    pub = record.document.published
    truth = (case.gold.get("truth") or {}).get("published")
    published = Section(required=1 if truth else 0)
    if truth:
        published.found = int(pub is not None)
        published.correct = int(pub is not None and pub.value == truth)
        if not published.correct:
            published.misses.append(f"published {pub.value if pub else None} vs {truth}")
    byline = Section(required=len(case.gold.get("byline", [])))
    got = {b.name for b in record.document.byline}
    byline.correct = byline.found = len(got & set(case.gold.get("byline", [])))
    return {
        "published": published, "byline": byline, "actors": _score_actors(case, record),
        "coreference": _score_coref(case, record), "quotes": _score_quotes(case, record),
        "times": _score_times(case, record), "events": events, "event_dates": event_dates,
    }


def evaluate_gold(path: Path) -> dict[str, dict[str, Section]]:
    """Analyse each gold file's text and score it; returns ``{gold file name: sections}``."""
    from dateline import analyze

    out = {}
    for case in load_gold(path):
        record = analyze(case.text, published=case.published, metadata={"id": case.gold.get("id")})
        out[case.path.name] = score_case(case, record)
    return out
