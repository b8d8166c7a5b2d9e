"""Render a record as a readable rich report (the `--format table` output and `dateline demo`)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dateline.record import Record


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_record(record: Record, console: Console) -> None:
    """Print the document header, actors, quotes, times and events of ``record``."""
    d = record.document
    pub = d.published
    console.rule(f"[bold]{_short(d.title or d.text.split(chr(10))[0], 70)}")
    console.print(f"id {d.id[:16]}  byline: {', '.join(b.name for b in d.byline) or '-'}  "
                  f"dateline: {d.dateline.place if d.dateline else '-'}  "
                  f"published: {pub.value + ' (' + pub.how + ')' if pub else 'unknown'}")
    names = {a.id: a.name for a in record.actors}

    t = Table(title="Actors", show_lines=False)
    for col in ("id", "name", "kind", "country", "sector", "roles", "mentions"):
        t.add_column(col)
    for a in record.actors:
        t.add_row(a.id, a.name, a.kind, a.country or "", a.sector or "", "; ".join(r.text for r in a.roles),
                  ", ".join(f"{m.text}({m.how[0]})" for m in a.mentions))
    console.print(t)

    t = Table(title="Quotes")
    for col in ("id", "kind", "speaker", "cue", "content"):
        t.add_column(col)
    for q in record.quotes:
        t.add_row(q.id, q.kind, names.get(q.speaker, "?") if q.speaker else "(unknown)",
                  q.cue.text if q.cue else "", _short(" … ".join(c.text for c in q.content)))
    console.print(t)

    t = Table(title="Times")
    for col in ("id", "text", "type", "value", "mod"):
        t.add_column(col)
    for tm in record.times:
        t.add_row(tm.id, tm.text, tm.type, tm.value, tm.mod or "")
    console.print(t)

    t = Table(title="Events")
    for col in ("id", "category", "mode", "cameo", "source", "target", "trigger", "date", "status", "bg", "where"):
        t.add_column(col)
    for e in record.events:
        date = f"{e.date.value} ({e.date.precision})" if e.date and e.date.value else "?"
        t.add_row(e.id, e.category, e.mode or "", e.cameo or "",
                  ", ".join(names.get(s, s) for s in e.source), ", ".join(names.get(s, s) for s in e.target),
                  e.trigger.text, date, e.status, "yes" if e.background else "",
                  e.location.name if e.location else "")
    console.print(t)
