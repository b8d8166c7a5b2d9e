"""`dateline ingest`, `dateline query ...` and `dateline serve`: the archive from the command line.

Each command opens the store and calls one `Store` method; errors become one ``error: ...``
line on stderr and a non-zero exit.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from dateline.cli.main import app, fail, query_app
from dateline.cli.options import Inputs, MaxBytes, Published, QueryFormat
from dateline.errors import InputError, StoreError
from dateline.ingest import DEFAULT_MAX_BYTES
from dateline.store import DEFAULT_DB

DbOpt = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")]
FormatOpt = Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json or csv.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", help="Items per page (at most 500).")]
CursorOpt = Annotated[Optional[str], typer.Option("--cursor", help="Continue from a previous page's 'next'.")]


def _open(db: str, *, create: bool = False):
    from dateline.store import open_store

    if not create and "://" not in db and db != ":memory:" and not Path(db).exists():
        fail(f"{db}: no such store (create it with: dateline ingest FILES --db {db})")
    return open_store(db)


@app.command()
def ingest(
    inputs: Inputs,
    db: DbOpt = DEFAULT_DB,
    published: Published = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles and store their records in the archive (one transaction per article);
    re-ingesting an article replaces it. Bad inputs get one error line each; the rest are stored.

    Example: dateline ingest articles/ --db news.db
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.ingest import iter_sources
    from dateline.pipeline import analyze_sources

    store = _open(db, create=True)
    stored = failed = 0
    err = Console(stderr=True)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.description}"),
                        TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("0 stored", total=None)
        for result in analyze_sources(iter_sources(inputs, max_bytes=max_bytes), published=published,
                                      max_chars=max_bytes):
            if isinstance(result, InputError):
                failed += 1
                progress.console.print(f"error: {result.message}", markup=False, highlight=False, soft_wrap=True)
            else:
                try:
                    store.add(result)
                    stored += 1
                except StoreError as exc:
                    failed += 1
                    progress.console.print(f"error: {exc.message}", markup=False, highlight=False, soft_wrap=True)
            progress.update(task, advance=1, description=f"{stored} stored, {failed} failed")
    store.close()
    typer.echo(f"stored {stored}, failed {failed} ({db})")
    if failed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- query output
def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def _emit(page, columns: dict, fmt: QueryFormat, title: str) -> None:
    """Print a page as a rich table, JSON (``{"items", "next"}``) or CSV with ``columns``."""
    if fmt is QueryFormat.json:
        typer.echo(json.dumps(page.to_json(), ensure_ascii=False, indent=1))
        return
    rows = [[_cell(get(item)) for get in columns.values()] for item in page.items]
    if fmt is QueryFormat.csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(list(columns))
        w.writerows(rows)
        return
    table = Table(title=title, caption=f"next page: --cursor {page.next}" if page.next else None)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(width=max(120, Console().width)).print(table)


def _date(d: dict) -> str:
    return f"{d['value']} ({d['precision']})" if d.get("value") else "?"


QUOTE_COLUMNS = {
    "doc_id": lambda q: q["doc_id"], "id": lambda q: q["id"], "published": lambda q: q["published"],
    "speaker": lambda q: q["speaker"], "kind": lambda q: q["kind"], "cue": lambda q: q["cue"],
    "text": lambda q: q["text"], "span": lambda q: f"{q['span'][0]}-{q['span'][1]}",
}
EVENT_COLUMNS = {
    "doc_id": lambda e: e["doc_id"], "id": lambda e: e["id"], "category": lambda e: e["category"],
    "cameo": lambda e: e["cameo"], "source": lambda e: e["source"], "target": lambda e: e["target"],
    "trigger": lambda e: e["trigger"]["text"], "date": lambda e: e["date"]["value"],
    "precision": lambda e: e["date"]["precision"], "place": lambda e: e["place"], "status": lambda e: e["status"],
    "background": lambda e: e["background"], "articles": lambda e: e["cluster"]["num_articles"],
}
TIMELINE_COLUMNS = {
    "date": lambda c: c["date"]["value"], "precision": lambda c: c["date"]["precision"],
    "category": lambda c: c["category"], "source": lambda c: c["source"], "target": lambda c: c["target"],
    "place": lambda c: c["place"], "background": lambda c: c["background"], "articles": lambda c: c["num_articles"],
    "sources": lambda c: c["num_sources"],
    "evidence": lambda c: (c["reports"][0]["sentence"] or {}).get("text") or c["reports"][0]["trigger"]["text"]
    if c["reports"] else "",
}
SEARCH_COLUMNS = {
    "type": lambda h: h["type"], "doc_id": lambda h: h["doc_id"], "id": lambda h: h.get("id"),
    "speaker": lambda h: h.get("speaker"), "title": lambda h: h.get("title"), "snippet": lambda h: h["snippet"],
}


def _run(fn):
    try:
        return fn()
    except StoreError as exc:
        fail(exc.message)


@query_app.command("quotes")
def query_quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Any name or alias of the speaker.")] = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document id.")] = None,
    db: DbOpt = DEFAULT_DB, format: FormatOpt = QueryFormat.table, limit: LimitOpt = 50, cursor: CursorOpt = None,
) -> None:
    """List quotes, by speaker ("Hegseth" finds Pete Hegseth).

    Example: dateline query quotes --speaker Hegseth --format csv
    """
    store = _open(db)
    page = _run(lambda: store.quotes(speaker=speaker, doc_id=doc, limit=limit, cursor=cursor))
    _emit(page, QUOTE_COLUMNS, format, "Quotes")


@query_app.command("events")
def query_events(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Source or target, any name or alias.")] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="PLOVER category, e.g. ASSAULT.")] = None,
    date_from: Annotated[Optional[str], typer.Option("--from", help="Events on or after this date.")] = None,
    date_to: Annotated[Optional[str], typer.Option("--to", help="Events on or before this date.")] = None,
    db: DbOpt = DEFAULT_DB, format: FormatOpt = QueryFormat.table, limit: LimitOpt = 50, cursor: CursorOpt = None,
) -> None:
    """List event reports by actor, category and date range (the date the event happened).

    Example: dateline query events --actor Russia --category ASSAULT --from 2022-02-01 --to 2022-03-31
    """
    store = _open(db)
    page = _run(lambda: store.events(actor=actor, category=category, date_from=date_from, date_to=date_to,
                                     limit=limit, cursor=cursor))
    _emit(page, EVENT_COLUMNS, format, "Events")


@query_app.command("timeline")
def query_timeline(
    actor: Annotated[Optional[str], typer.Option("--actor", help="Source or target, any name or alias.")] = None,
    category: Annotated[Optional[str], typer.Option("--category", help="PLOVER category.")] = None,
    db: DbOpt = DEFAULT_DB, format: FormatOpt = QueryFormat.table, limit: LimitOpt = 200, cursor: CursorOpt = None,
) -> None:
    """Events in date order, one row per event cluster, with article and source counts.

    Example: dateline query timeline --actor Hegseth
    """
    store = _open(db)
    page = _run(lambda: store.timeline(actor=actor, category=category, limit=limit, cursor=cursor))
    _emit(page, TIMELINE_COLUMNS, format, "Timeline")


@query_app.command("search")
def query_search(
    text: Annotated[str, typer.Argument(help="Words to find in documents and quotes.")],
    db: DbOpt = DEFAULT_DB, format: FormatOpt = QueryFormat.table, limit: LimitOpt = 20, cursor: CursorOpt = None,
) -> None:
    """Full-text search over documents and quotes.

    Example: dateline query search "NATO membership"
    """
    store = _open(db)
    page = _run(lambda: store.search(text, limit=limit, cursor=cursor))
    _emit(page, SEARCH_COLUMNS, format, f"Search: {text}")


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option("--db", help="Store to serve; default: a temporary store "
                                                            "holding the bundled demo article.")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; writes need DATELINE_TOKEN "
                                                     "unless this is a loopback address.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web UI (at /).

    Example: dateline serve --db news.db --port 8000
    """
    import uvicorn

    from dateline.api import create_app

    tmp = None
    if db is None:
        import tempfile

        from dateline.api.app import demo_store

        tmp = tempfile.TemporaryDirectory(prefix="dateline-")
        db = str(Path(tmp.name) / "demo.db")
        store = demo_store(db)
        typer.echo(f"serving a temporary store with the demo article ({db})", err=True)
    else:
        store = _open(db, create=True)
    application = create_app(store, host=host)
    if not application.state.loopback and not application.state.token:
        typer.echo("note: not bound to loopback and DATELINE_TOKEN is not set: writes are disabled", err=True)
    typer.echo(f"dateline serving {store.url} on http://{host}:{port}/ (API docs at /docs)", err=True)
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    finally:
        store.close()
        if tmp is not None:
            tmp.cleanup()
