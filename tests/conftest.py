"""Shared fixtures: the loaded model (once per session), paths to ../shared, record checks."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "hegseth-udcg.txt"
SEED_GOLD = SHARED / "gold" / "hegseth-udcg.json"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test with a clear message when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not found: {path} (CI has ../shared)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from dateline.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", "hegseth-udcg.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    import json

    return json.loads(shared_path("gold", "hegseth-udcg.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seed_record(seed_text):
    from dateline import analyze

    return analyze(seed_text)


@pytest.fixture(scope="session")
def demo_record():
    from dateline import analyze
    from dateline.cli.analyze import demo_text

    return analyze(demo_text(), metadata={"id": "dateline-demo"})


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the whole test session (Debian's binaries on a loopback port, in a
    temp dir); tests that need it skip with the reason when it cannot be started."""
    from dateline.store.pgtemp import PostgresUnavailable, TempPostgres

    try:
        server = TempPostgres().start()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server
    server.stop()


def empty_postgres(server) -> str:
    """Empty the public schema of ``server`` (the `postgres` fixture) and return its URL."""
    from sqlalchemy import create_engine

    engine = create_engine(server.url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA public CASCADE")
        c.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return server.url
