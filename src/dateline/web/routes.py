"""The web UI pages (server-rendered Jinja2): home with upload box, article with highlighted
evidence, timeline, actors and actor page, search. Mounted under ``/ui`` by `mount_ui`.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Annotated, Optional

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from dateline.errors import DatelineError, StoreError
from dateline.record import Record, lead
from dateline.store.query import MAX_ID
from dateline.web.render import evidence_layers, highlight, speaker_colours, timeline_svg

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

_here = resources.files("dateline.web")
templates = Jinja2Templates(directory=str(_here / "templates"))
templates.env.filters["names"] = lambda ids, names: ", ".join(names.get(i, i) for i in ids)
templates.env.filters["lead"] = lead
router = APIRouter(prefix="/ui", include_in_schema=False)


def mount_ui(app) -> None:
    """Add the UI pages and their static files to a FastAPI app built by `create_app`."""
    app.mount("/static", StaticFiles(directory=str(_here / "static")), name="static")
    app.include_router(router)


def _page(request: Request, template: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, cursor: Optional[str] = None):
    store = request.app.state.store
    page = store.documents(limit=50, cursor=cursor)
    return _page(request, "index.html", documents=page.items, next=page.next, total=store.count_documents())


def _article_context(record: Record, archive: dict[str, int]) -> dict:
    names = {a.id: a.name for a in record.actors}
    colours = speaker_colours(record)
    legend = [{"local": aid, "name": names.get(aid, aid), "colour": c, "archive": archive.get(aid),
               "n": sum(1 for q in record.quotes if q.speaker == aid)} for aid, c in colours.items()]
    unknown = sum(1 for q in record.quotes if not q.speaker)
    details = {
        "quotes": {q.id: {"kind": q.kind, "speaker": names.get(q.speaker) if q.speaker else None,
                          "archive": archive.get(q.speaker), "cue": q.cue.text if q.cue else None,
                          "text": " … ".join(p.text for p in q.content), "confidence": q.confidence}
                   for q in record.quotes},
        "times": {x.id: {"text": x.text, "type": x.type, "value": x.value, "mod": x.mod} for x in record.times},
        "events": {e.id: {"category": e.category, "mode": e.mode, "cameo": e.cameo, "trigger": e.trigger.text,
                          "source": [names.get(s, s) for s in e.source], "target": [names.get(s, s) for s in e.target],
                          "date": e.date.value if e.date else None,
                          "precision": e.date.precision if e.date else "unknown",
                          "status": e.status, "background": e.background,
                          "place": e.location.name if e.location else None} for e in record.events},
    }
    return {
        "record": record, "names": names, "archive": archive, "legend": legend, "unknown_speakers": unknown,
        "body": highlight(record.document.text, evidence_layers(record)),
        "details_json": json.dumps(details, ensure_ascii=False).replace("</", "<\\/"),
    }


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def article(request: Request, doc_id: str):
    store = request.app.state.store
    try:
        record = store.get(doc_id)
    except StoreError as exc:
        raise HTTPException(404, exc.message) from exc
    return _page(request, "article.html", stored=True, **_article_context(record, store.doc_actor_map(doc_id)))


@router.post("/analyze", response_class=HTMLResponse)
def analyze_pasted(request: Request, text: str = Form(...), published: Optional[str] = Form(None),
                   save: Optional[str] = Form(None)):
    from dateline.api.app import ArticleIn, analyze_in

    store = request.app.state.store
    try:
        record = analyze_in(ArticleIn(text=text, published=published or None))
    except DatelineError as exc:
        return _page(request, "index.html", documents=store.documents(limit=50).items, next=None,
                     total=store.count_documents(), error=exc.message, pasted=text)
    if save and request.app.state.loopback and not request.app.state.token:
        store.add(record)
        return RedirectResponse(f"/ui/documents/{record.document.id}", status_code=303)
    return _page(request, "article.html", stored=False, **_article_context(record, {}))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, actor: Optional[str] = None, category: Optional[str] = None):
    store = request.app.state.store
    actor = (actor or "").strip() or None
    category = (category or "").strip() or None
    page = store.timeline(actor=actor, category=category, limit=500)
    svg, undated = timeline_svg(page.items)
    return _page(request, "timeline.html", svg=svg, items=page.items, undated=undated, actor=actor or "",
                 category=category or "", categories=PLOVER, truncated=page.next is not None)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, name: Optional[str] = None, cursor: Optional[str] = None):
    page = request.app.state.store.actors(name=(name or None), limit=200, cursor=cursor)
    return _page(request, "actors.html", actors=page.items, next=page.next, name=name or "")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: Annotated[int, FPath(ge=1, le=MAX_ID)]):
    store = request.app.state.store
    info = store.actor(actor_id)
    if info is None:
        raise HTTPException(404, f"{actor_id}: no such actor")
    quotes = store.quotes(actor_id=actor_id, limit=500).items
    events = store.events(actor=str(actor_id), limit=500).items
    positions: dict[str, list] = {}
    for q in sorted(quotes, key=lambda q: (q["published"] or "9999", q["doc_id"], q["span"][0])):
        positions.setdefault((q["published"] or "undated")[:7], []).append(q)
    timeline = store.timeline(actor=str(actor_id), limit=500).items
    svg, undated = timeline_svg(timeline, width=900)
    return _page(request, "actor.html", actor=info, quotes=quotes, events=events, positions=positions, svg=svg)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Optional[str] = None, cursor: Optional[str] = None):
    page = request.app.state.store.search(q, limit=50, cursor=cursor) if q else None
    return _page(request, "search.html", q=q or "", hits=page.items if page else [], next=page.next if page else None)
