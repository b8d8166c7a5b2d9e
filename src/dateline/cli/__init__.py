"""The command-line interface (typer + rich), a thin layer over the library.

`main.py` holds the root app and registers command groups from sibling modules: `analyze`,
`eval_cmd` (``dateline eval ...``), `store_cmd` (ingest/query/export/serve) and `batch_cmd`.
"""
