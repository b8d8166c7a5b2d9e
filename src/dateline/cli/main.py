"""The `dateline` command: the root typer app and its command groups."""
from __future__ import annotations

import logging
import sys

import typer

from dateline.errors import DatelineError

app = typer.Typer(
    name="dateline",
    help="Who said and did what, to whom, where and when: evidence-backed records from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score dateline against evaluation data in ../shared.", no_args_is_help=True)
query_app = typer.Typer(help="Ask the archive: quotes, events, timelines, search.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(query_app, name="query")


def fail(message: str, code: int = 1) -> None:
    """Print one error line to stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _register() -> None:
    # Each module adds its commands to the apps above on import.
    from dateline.cli import analyze  # noqa: F401
    from dateline.cli import eval_cmd  # noqa: F401

    for optional in ("dateline.cli.store_cmd", "dateline.cli.batch_cmd", "dateline.cli.export_cmd"):
        try:
            __import__(optional)
        except ModuleNotFoundError as exc:
            if exc.name != optional:
                raise


_register()


def main() -> None:
    """Entry point of the installed `dateline` script: no tracebacks reach the user."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        app()
    except DatelineError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # last line of defence: one line, not a traceback
        typer.echo(f"error: internal error ({type(exc).__name__}: {exc})", err=True)
        sys.exit(2)
