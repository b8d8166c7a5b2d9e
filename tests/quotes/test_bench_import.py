"""The side-by-side benchmark script must at least import (it broke when the reader moved)."""
from __future__ import annotations

import importlib.util
from pathlib import Path


def test_bench_quotes_vs_textacy_imports():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "quotes_vs_textacy.py"
    spec = importlib.util.spec_from_file_location("quotes_vs_textacy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.textacy_quotes)
