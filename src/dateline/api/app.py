"""The HTTP API (FastAPI) over a `Store`: analyse, ingest, and query documents, actors, quotes,
events, timelines and search. List endpoints return ``{"items": [...], "next": cursor|null}``;
errors are ``{"message": ..., "status": ...}``. The web UI (`dateline.web`) is mounted on the
same app.

Writes (POST/DELETE /documents) need ``Authorization: Bearer $DATELINE_TOKEN`` unless the server
is bound to a loopback address; request bodies over ``max_body`` bytes are refused with 413.
"""
from __future__ import annotations

import hmac
import ipaddress
import os
import threading
from typing import Annotated, Any, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as FPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.errors import DatelineError, InputError, StoreError
from dateline.ingest import DEFAULT_MAX_BYTES
from dateline.record import Record
from dateline.store import Store
from dateline.store.query import MAX_ID

DEFAULT_MAX_BODY = DEFAULT_MAX_BYTES + 64 * 1024  # an article at the ingest limit plus JSON overhead
_ANALYZE_LOCK = threading.Lock()  # one spaCy parse at a time per process


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class ArticleIn(BaseModel):
    """An article to analyse: ``text`` or ``html``, plus optional metadata; or a ready ``record``."""

    text: Optional[str] = Field(None, description="Plain text, paragraphs separated by newlines.")
    html: Optional[str] = Field(None, description="An HTML page (used when text is absent).")
    published: Optional[str] = Field(None, description="Publication date YYYY-MM-DD, if known.")
    id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    record: Optional[dict[str, Any]] = Field(None, description="POST /documents only: store this "
                                                               "dateline/1 record as is.")


class BodyLimit:
    """ASGI middleware refusing request bodies over ``limit`` bytes with a JSON 413."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await self._refuse(send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        started = False

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send):
        response = JSONResponse({"message": f"request body over the limit of {self.limit:,} bytes", "status": 413},
                                status_code=413)
        await response({"type": "http"}, None, send)


class _TooLarge(Exception):
    pass


ActorId = Annotated[int, FPath(ge=1, le=MAX_ID, description="Archive actor id.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[Optional[str], Query(description="The 'next' value of the previous page.")]
From = Annotated[Optional[str], Query(alias="from", description="Events on or after this date (YYYY-MM-DD).")]
To = Annotated[Optional[str], Query(alias="to", description="Events on or before this date (YYYY-MM-DD).")]



def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"message": message, "status": status}, status_code=status)


def create_app(store: Store, *, host: str = "127.0.0.1", token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """Build the API + web UI app over ``store``. ``token`` defaults to ``$DATELINE_TOKEN``.

    >>> from dateline.store import open_store
    >>> create_app(open_store(":memory:")).title
    'dateline'
    """
    token = token if token is not None else (os.environ.get("DATELINE_TOKEN") or None)
    loopback = is_loopback(host)
    # /docs serves Swagger UI from fastapi-offline's copy, not a CDN: offline it would be blank
    app = FastAPIOffline(title="dateline", version="1", description=(
        "Who said and did what, to whom, where and when: records with evidence offsets. "
        "List endpoints return {items, next}; pass next back as cursor."))
    app.state.store = store
    app.state.loopback = loopback
    app.state.token = token
    app.add_middleware(BodyLimit, limit=max_body)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _error(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(DatelineError)
    async def _dateline_error(request: Request, exc: DatelineError):
        return _error(422 if isinstance(exc, InputError) else 400, exc.message)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # pragma: no cover - last line of defence
        return _error(500, f"internal error ({type(exc).__name__})")

    def writer(request: Request) -> None:
        if request.app.state.loopback and not request.app.state.token:
            return
        expected = request.app.state.token
        if not expected:
            raise HTTPException(403, "writes are disabled: the server is not on loopback and DATELINE_TOKEN "
                                     "is not set")
        auth = request.headers.get("authorization", "")
        given = auth[7:] if auth.lower().startswith("bearer ") else ""
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer <DATELINE_TOKEN>' header is needed to write")


    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/ui/")

    @app.post("/analyze", tags=["analyze"], summary="Analyse one article; the record is returned, not stored")
    def analyze_article(article: ArticleIn) -> dict:
        return analyze_in(article).to_json()

    @app.post("/documents", tags=["documents"], status_code=201, dependencies=[Depends(writer)],
              summary="Analyse (or take a ready record) and store it; same id or text replaces")
    def add_document(article: ArticleIn) -> dict:
        if article.record is not None:
            from dateline.record import check_record

            try:
                check_record(article.record)
                record = Record.from_json(article.record)
            except Exception as exc:
                raise HTTPException(422, f"invalid record: {str(exc).splitlines()[0]}") from exc
        else:
            record = analyze_in(article)
        store.add(record)
        return {"id": record.document.id, "quotes": len(record.quotes), "events": len(record.events),
                "url": f"/documents/{record.document.id}"}

    @app.delete("/documents/{doc_id}", tags=["documents"], dependencies=[Depends(writer)],
                summary="Remove a document and everything extracted from it")
    def delete_document(doc_id: str) -> dict:
        if not store.delete(doc_id):
            raise HTTPException(404, f"{doc_id}: no such document")
        return {"id": doc_id, "deleted": True}

    @app.get("/documents", tags=["documents"], summary="List stored documents")
    def list_documents(limit: Limit = 50, cursor: Cursor = None) -> dict:
        return store.documents(limit=limit, cursor=cursor).to_json()

    @app.get("/documents/{doc_id}", tags=["documents"], summary="The full stored record of one document")
    def get_document(doc_id: str) -> dict:
        try:
            return store.get(doc_id).to_json()
        except StoreError as exc:
            raise HTTPException(404, exc.message) from exc

    @app.get("/actors", tags=["actors"], summary="Archive actors (merged across documents)")
    def list_actors(name: Optional[str] = None, kind: Optional[str] = None, limit: Limit = 50,
                    cursor: Cursor = None) -> dict:
        return store.actors(name=name, kind=kind, limit=limit, cursor=cursor).to_json()

    @app.get("/actors/{actor_id}", tags=["actors"], summary="One archive actor: names, roles, documents")
    def get_actor(actor_id: ActorId) -> dict:
        actor = store.actor(actor_id)
        if actor is None:
            raise HTTPException(404, f"{actor_id}: no such actor")
        return actor

    @app.get("/quotes", tags=["quotes"], summary="Quotes; speaker matches any name or alias")
    def list_quotes(speaker: Optional[str] = None, actor_id: Annotated[Optional[int], Query(ge=1, le=MAX_ID)] = None, doc_id: Optional[str] = None,
                    limit: Limit = 50, cursor: Cursor = None) -> dict:
        return store.quotes(speaker=speaker, actor_id=actor_id, doc_id=doc_id, limit=limit, cursor=cursor).to_json()


    @app.get("/events", tags=["events"], summary="Event reports by actor, category and date")
    def list_events(actor: Optional[str] = None, category: Optional[str] = None, date_from: From = None,
                    date_to: To = None, doc_id: Optional[str] = None, limit: Limit = 50,
                    cursor: Cursor = None) -> dict:
        return store.events(actor=actor, category=category, date_from=date_from, date_to=date_to, doc_id=doc_id,
                            limit=limit, cursor=cursor).to_json()

    @app.get("/timeline", tags=["events"], summary="Event clusters in date order with article/source counts")
    def timeline(actor: Optional[str] = None, category: Optional[str] = None, date_from: From = None,
                 date_to: To = None, limit: Limit = 200,
                 cursor: Cursor = None) -> dict:
        return store.timeline(actor=actor, category=category, date_from=date_from, date_to=date_to, limit=limit,
                              cursor=cursor).to_json()

    @app.get("/search", tags=["search"], summary="Full-text search over documents and quotes")
    def search(q: Annotated[str, Query(min_length=1)], limit: Limit = 20,
               cursor: Cursor = None) -> dict:
        return store.search(q, limit=limit, cursor=cursor).to_json()

    from dateline.web import mount_ui

    mount_ui(app)
    return app


def analyze_in(article: ArticleIn) -> Record:
    """Analyse an `ArticleIn` with the cached model (one parse at a time).

    Raises:
        InputError: no text or HTML, or the article cannot be analysed.
    """
    from dateline import analyze

    if not (article.text and article.text.strip()) and not (article.html and article.html.strip()):
        raise InputError("give 'text' or 'html'")
    meta = {k: v for k, v in (("id", article.id), ("title", article.title), ("url", article.url),
                              ("source", article.source), ("html", article.html)) if v}
    with _ANALYZE_LOCK:
        return analyze(article.text or "", published=article.published, metadata=meta)


def demo_store(url: str) -> Store:
    """Open the store at ``url`` and make sure it holds the bundled demo article."""
    from dateline import analyze
    from dateline.cli.analyze import demo_text
    from dateline.store import open_store

    store = open_store(url)
    if not store.has("dateline-demo"):
        store.add(analyze(demo_text(), metadata={"id": "dateline-demo"}))
    return store
