"""`dateline eval ...`: each scorer lives in `dateline.eval.<name>`; these commands are thin."""
from __future__ import annotations

import importlib

import typer

from dateline.cli.main import eval_app

# Scorer modules register their own commands on `eval_app` when imported.
for _name in ("gold", "quotes", "times", "events", "actors"):
    try:
        importlib.import_module(f"dateline.eval.{_name}_cmd")
    except ModuleNotFoundError as exc:
        if exc.name != f"dateline.eval.{_name}_cmd":
            raise
