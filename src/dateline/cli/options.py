"""Option types shared by several commands, defined once (sqlite-utils `output_options` style)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


Published = Annotated[Optional[str], typer.Option("--published", help="Publication date YYYY-MM-DD for inputs that carry none.")]
Out = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write output to this file instead of stdout.")]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.")]
Db = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL.")]
Inputs = Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl), folders, or - for stdin.")]
