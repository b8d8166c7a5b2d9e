"""Server-side rendering helpers for the web UI: evidence highlighting of an article's text
and the timeline SVG. Pure functions from records/query results to HTML/SVG strings.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from dateline.record import Record

PALETTE_SIZE = 10


@dataclass(slots=True)
class Layer:
    """One highlighted range: its offsets, CSS classes, data attributes and hover title."""

    start: int
    end: int
    classes: tuple[str, ...]
    data: dict = field(default_factory=dict)
    title: str = ""


def speaker_colours(record: Record) -> dict[str | None, int]:
    """Give every quoted speaker a palette index, in order of first quote (None: unknown).

    >>> from dateline.record import Document, Quote, Record, TextSpan
    >>> r = Record(Document("d", "ab"), quotes=(Quote("Q1", "direct", (TextSpan("a", (0, 1)),), speaker="A2"),))
    >>> speaker_colours(r)
    {'A2': 0}
    """
    out: dict[str | None, int] = {}
    for q in record.quotes:
        if q.speaker and q.speaker not in out:
            out[q.speaker] = len(out) % PALETTE_SIZE
    return out


def evidence_layers(record: Record) -> list[Layer]:
    """Return the highlight layers of a record: quote contents (by speaker), cues, time
    expressions and event triggers, each with a hover title."""
    names = {a.id: a.name for a in record.actors}
    colours = speaker_colours(record)
    times = {x.id: x for x in record.times}
    layers: list[Layer] = []
    for q in record.quotes:
        who = names.get(q.speaker, "unknown speaker") if q.speaker else "unknown speaker"
        colour = f"spk-{colours[q.speaker]}" if q.speaker in colours else "spk-none"
        for part in q.content:
            layers.append(Layer(part.span[0], part.span[1], ("q", colour),
                                {"q": q.id, "speaker": who}, f"{q.id} {q.kind} quote — {who}"))
        if q.cue:
            layers.append(Layer(q.cue.span[0], q.cue.span[1], ("cue",), {"q": q.id}, f"cue of {q.id}: {q.cue.text}"))
    for x in record.times:
        layers.append(Layer(x.span[0], x.span[1], ("tx",), {"t": x.id}, f"{x.id} {x.type} {x.value}"))
    for e in record.events:
        date = e.date.value if e.date and e.date.value else "date unknown"
        prec = e.date.precision if e.date else "unknown"
        src = ", ".join(names.get(s, s) for s in e.source) or "?"
        tgt = ", ".join(names.get(s, s) for s in e.target) or "?"
        extra = " (background)" if e.background else ""
        if e.date and e.date.from_ in times:
            extra += f", dated by “{times[e.date.from_].text}”"
        layers.append(Layer(e.trigger.span[0], e.trigger.span[1], ("ev", f"cat-{e.category.lower()}"),
                            {"e": e.id, "category": e.category},
                            f"{e.id} {e.category}: {src} → {tgt}, {date} ({prec}){extra}"))
    return [la for la in layers if 0 <= la.start < la.end <= len(record.document.text)]


def highlight(text: str, layers: list[Layer]) -> Markup:
    """Render ``text`` as HTML with nested-free highlight spans: the text is cut at every layer
    boundary and each piece gets the classes and data of all layers covering it.

    >>> str(highlight("Kyiv fell", [Layer(0, 4, ("tx",), {"t": "T1"}, "T1")]))
    '<span class="tx" data-t="T1" title="T1">Kyiv</span> fell'
    """
    cuts = sorted({0, len(text), *(la.start for la in layers), *(la.end for la in layers)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b], quote=False)
        cover = [la for la in layers if la.start <= a and la.end >= b]
        if not cover:
            out.append(piece)
            continue
        classes: list[str] = []
        data: dict = {}
        titles: list[str] = []
        for la in cover:
            classes += [c for c in la.classes if c not in classes]
            for k, v in la.data.items():
                data.setdefault(k, v)
            if la.title and la.title not in titles:
                titles.append(la.title)
        # a cue sits outside its quote's content: mark quote starts for the browser tests and JS
        attrs = "".join(f' data-{k}="{escape(str(v))}"' for k, v in data.items())
        out.append(f'<span class="{" ".join(classes)}"{attrs} title="{escape(" | ".join(titles))}">{piece}</span>')
    return Markup("".join(out))


# ---------------------------------------------------------------------------- timeline SVG
def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(slots=True)
class Placed:
    """A timeline item placed on the canvas."""

    item: dict
    x: float
    w: float
    lane: str
    row: int
    left: bool = False


def timeline_svg(items: list[dict], *, width: int = 1000, row_height: int = 22) -> tuple[Markup, list[dict]]:
    """Render timeline clusters (from `Store.timeline`) as an SVG with two lanes, news above
    background, items placed by date interval (their width shows the precision). Returns the SVG
    and the undated items.

    >>> svg, undated = timeline_svg([{"id": 1, "category": "ASSAULT", "background": False, "num_articles": 1,
    ...     "date": {"value": "2014-02", "precision": "month", "start": "2014-02-01", "end": "2014-03-01"},
    ...     "source": [], "target": [], "reports": []}])
    >>> 'data-date="2014-02"' in svg, undated
    (True, [])
    """
    dated = [(i, _date(i["date"]["start"]), _date(i["date"]["end"])) for i in items]
    undated = [i for i, s, e in dated if s is None]
    dated = [(i, s, e or s + dt.timedelta(days=1)) for i, s, e in dated if s is not None]
    margin_l, margin_r, axis_h = 110, 30, 34
    if not dated:
        svg = (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="60" '
               f'role="img"><text x="10" y="35">No dated events.</text></svg>')
        return Markup(svg), undated
    lo = min(s for _, s, _ in dated)
    hi = max(e for _, _, e in dated)
    span_days = max((hi - lo).days, 1)
    pad = max(span_days // 40, 1)
    lo -= dt.timedelta(days=pad)
    hi += dt.timedelta(days=pad)
    span_days = (hi - lo).days
    inner = width - margin_l - margin_r

    def xof(d: dt.date) -> float:
        return margin_l + inner * (d - lo).days / span_days

    lanes: dict[str, list[Placed]] = {"news": [], "background": []}
    ends: dict[str, list[list[tuple[float, float]]]] = {"news": [], "background": []}
    for item, s, e in sorted(dated, key=lambda p: (p[1], p[0]["id"])):
        lane = "background" if item["background"] else "news"
        x = xof(s)
        w = max(xof(e) - x, 6.0)
        label_w = 6.5 * len(_label(item)) + 8
        left = x + w + label_w > width and x - label_w > 0  # no room on the right: label on the left
        box = (x - label_w, x + w) if left else (x, x + w + label_w)
        rows = ends[lane]
        row = next((r for r, boxes in enumerate(rows)
                    if all(box[1] <= b[0] or box[0] >= b[1] for b in boxes)), None)
        if row is None:
            row = len(rows)
            rows.append([])
        rows[row].append(box)
        lanes[lane].append(Placed(item, x, w, lane, row, left))
    parts: list[str] = []
    y = axis_h
    lane_top = {}
    for lane in ("news", "background"):
        n_rows = max(len(ends[lane]), 1)
        lane_top[lane] = y
        h = n_rows * row_height + 10
        parts.append(f'<rect class="lane lane-{lane}" x="0" y="{y}" width="{width}" height="{h}"/>')
        parts.append(f'<text class="lane-label" x="8" y="{y + 16}">{"News" if lane == "news" else "Background"}</text>')
        y += h + 6
    height = y + 4
    # axis ticks: years, or months when the range is short
    ticks = []
    if span_days > 3 * 365:
        step = max(1, (hi.year - lo.year) // 12 + 1)
        for year in range(lo.year + 1, hi.year + 1, step):
            ticks.append((dt.date(year, 1, 1), str(year)))
    else:
        d = dt.date(lo.year, lo.month, 1)
        while d <= hi:
            if d >= lo:
                ticks.append((d, d.strftime("%Y-%m")))
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        if len(ticks) > 14:
            ticks = ticks[:: len(ticks) // 12 + 1]
        if not ticks:
            ticks.append((lo, lo.isoformat()))
    for d, label in ticks:
        x = xof(d)
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{axis_h - 6}" x2="{x:.1f}" y2="{height}"/>')
        parts.append(f'<text class="tick-label" x="{x + 3:.1f}" y="{axis_h - 10}">{escape(label)}</text>')
    for lane, placed in lanes.items():
        for p in placed:
            it = p.item
            yy = lane_top[lane] + 5 + p.row * row_height
            first = it["reports"][0] if it.get("reports") else None
            href = f'/ui/documents/{escape(first["doc_id"])}#{escape(first["id"])}' if first else "#"
            title = (f'{it["category"]} {it["date"]["value"]} ({it["date"]["precision"]}): '
                     f'{", ".join(it.get("source") or []) or "?"} → {", ".join(it.get("target") or []) or "?"}'
                     f' — {it["num_articles"]} article(s), {it.get("num_sources", 0)} source(s)')
            if first and first.get("sentence"):
                title += f' — “{first["sentence"]["text"]}”'
            if p.left:
                label = (f'<text class="tl-label" x="{p.x - 4:.1f}" y="{yy + 12}" text-anchor="end">'
                         f'{escape(_label(it))}</text>')
            else:
                label = f'<text class="tl-label" x="{p.x + p.w + 4:.1f}" y="{yy + 12}">{escape(_label(it))}</text>'
            parts.append(
                f'<a href="{href}" class="tl-item" data-cluster="{it["id"]}" data-date="{escape(str(it["date"]["value"]))}"'
                f' data-start="{it["date"]["start"]}" data-precision="{it["date"]["precision"]}"'
                f' data-category="{it["category"]}" data-background="{str(bool(it["background"])).lower()}"'
                f' data-x="{p.x:.1f}"><title>{escape(title)}</title>'
                f'<rect class="tl-bar prec-{it["date"]["precision"]} cat-{it["category"].lower()}" x="{p.x:.1f}" '
                f'y="{yy}" width="{p.w:.1f}" height="{row_height - 6}" rx="3"/>'
                f'{label}</a>')
    svg = (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline">{"".join(parts)}</svg>')
    return Markup(svg), undated


def _label(item: dict) -> str:
    who = ", ".join(item.get("source") or [])
    return f'{item["date"]["value"]} {item["category"]}' + (f" ({who})" if who else "")
