"""The standard's code tables: CAMEO names, Goldstein weights, PLOVER mapping, manual overrides."""
from __future__ import annotations

import csv

import pytest

from conftest import shared_path
from dateline.events.codes import PLOVER_CATEGORIES, goldstein, load_codes, plover, quad_class, refine


def test_codes_goldstein_matches_gdelt_lookup():
    path = shared_path("data", "gdelt-cameo-lookups", "CAMEO.goldsteinscale.txt")
    with path.open(encoding="latin-1") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    assert len(rows) == len(load_codes())
    for code, weight in rows:
        assert goldstein(code) == float(weight), code


def test_codes_names_match_gdelt_lookup():
    path = shared_path("data", "gdelt-cameo-lookups", "CAMEO.eventcodes.txt")
    with path.open(encoding="latin-1") as fh:
        rows = dict(list(csv.reader(fh, delimiter="\t"))[1:])
    codes = load_codes()
    assert set(rows) == set(codes)
    assert codes["190"].name == rows["190"]


@pytest.mark.parametrize("code,expected", [
    ("163", ("SANCTION", "discontinue")),  # manual wins over the table (COERCE)
    ("116", ("SANCTION", "convict")),  # court rulings
    ("0874", ("RETREAT", "disarm")),
    ("083", ("CONCEDE", None)),
    ("1712", ("ASSAULT", "destroy")),
    ("042", ("CONSULT", "visit")),
    ("0233", ("REQUEST", "assist")),  # appeals coded as REQUEST (documented choice)
])
def test_codes_plover_mapping(code, expected):
    category, mode, _ = plover(code)
    assert (category, mode) == expected


def test_codes_statements_have_no_plover_category():
    assert plover("010")[0] is None


def test_codes_every_category_is_plover():
    cats = {c.plover for c in load_codes().values() if c.plover}
    assert cats <= set(PLOVER_CATEGORIES)
    assert cats == set(PLOVER_CATEGORIES)


@pytest.mark.parametrize("control,action,expected", [
    ("030", "042", "036"), ("030", "0872", "0356"), ("130", "190", "1384"),
    ("120", "040", "125"), ("100", "0841", "1053"), ("020", "073", "0233"),
])
def test_codes_refine(control, action, expected):
    assert refine(control, action) == expected


@pytest.mark.parametrize("category,quad", [("AGREE", 1), ("AID", 2), ("SANCTION", 3), ("ASSAULT", 4)])
def test_codes_quad_class(category, quad):
    assert quad_class(category) == quad
