"""The TIMEX3 grammar: data-driven rules, overlap resolution and linear-time matching."""
from __future__ import annotations

import random
import re
import time

import pytest

from dateline.timex.grammar import match_all, rules
from dateline.timex.values import interval, natural, precision


def test_grammar_rules_compile_from_data():
    names = [r.name for r in rules()]
    assert len(names) == len(set(names)) > 30
    assert {"date_mdy", "year", "duration", "set_every", "clock_ampm"} <= set(names)


@pytest.mark.parametrize("text, expected", [
    ("on Feb. 12, 2025 and", ["Feb. 12, 2025"]),
    ("since early 2014, when", ["early 2014"]),
    ("the pandemic of 2009-2010", ["2009", "2010"]),
    ("on Tuesday.", ["Tuesday"]),
    ("Sept. 11 attacks", ["Sept. 11"]),
])
def test_grammar_longest_match_wins(text, expected):
    assert [c.text for c in match_all(text)] == expected


def test_grammar_linear_on_a_megabyte_of_digits_and_months():
    """No rule backtracks catastrophically: 1 MB of digits and month names in seconds."""
    rng = random.Random(4)
    words = ["March", "12", "2014", "May", "1999", "Feb.", "31", "Monday", "and", "years", "1", "-", ","]
    text = " ".join(rng.choice(words) for _ in range(250_000))[:1_000_000]
    t0 = time.perf_counter()
    found = match_all(text)
    assert found and time.perf_counter() - t0 < 60  # generous: about 6 s on the 2-core machine


@pytest.mark.parametrize("text", ["1" * 200_000, "March " * 40_000, "12, " * 50_000, "a " * 100_000])
def test_grammar_degenerate_inputs_finish(text):
    t0 = time.perf_counter()
    match_all(text)
    assert time.perf_counter() - t0 < 60


def test_grammar_patterns_have_no_nested_unbounded_quantifiers():
    nested = re.compile(r"\((?:[^()]*[+*])[^()]*\)[+*{]")
    for rule in rules():
        assert not nested.search(rule.regex.pattern), rule.name


@pytest.mark.parametrize("value, mod, expected", [
    ("2013", "END", ("2013-09-01", "2014-01-01")),
    ("2014", "START", ("2014-01-01", "2014-05-01")),
    ("2014-02", None, ("2014-02-01", "2014-03-01")),
    ("2013-W11", None, ("2013-03-11", "2013-03-18")),
    ("2012-SU", None, ("2012-06-01", "2012-09-01")),
    ("199", None, ("1990-01-01", "2000-01-01")),
    ("2014", "BEFORE", ("0001-01-01", "2014-01-01")),
    ("P3Y", None, None),
])
def test_values_interval(value, mod, expected):
    assert interval(value, mod) == expected


def test_values_precision():
    assert [precision(v) for v in ("2025-02-12", "2014-02", "2014", "PXD")] == ["day", "month", "year", "unknown"]
    assert natural("PRESENT_REF") is None
