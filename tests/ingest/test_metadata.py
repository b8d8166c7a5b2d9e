"""Byline, dateline and headline detection on texts written for these tests."""
import pytest

from dateline.ingest.metadata import find_byline, find_dateline, find_title, read_metadata


@pytest.mark.parametrize("text, names", [
    ("By Ryan Morgan\nThe council met on Monday.", ["Ryan Morgan"]),
    ("The council met on Monday and voted.\nBy Ana Silva and Tom Berg", ["Ana Silva", "Tom Berg"]),
    ("BY LENA ORTIZ, CARL HUNT and MAYA DEV\nTalks resumed.", ["LENA ORTIZ", "CARL HUNT", "MAYA DEV"]),
    ("Prices rose sharply in March, officials said.\nJames Park, Reuters", ["James Park"]),
    ("Officials said talks would resume.\nBy Omar Castillo | AP", ["Omar Castillo"]),
    ("By the time talks resumed, the ceasefire had collapsed and both sides blamed each other.", []),
])
def test_byline(text, names):
    found, _ = find_byline(text)
    assert [b.name for b in found] == names
    for b in found:
        assert text[b.span[0]:b.span[1]] == b.name


@pytest.mark.parametrize("text, place", [
    ("KYIV, Ukraine (AP) — Air raid sirens sounded overnight.", "KYIV, Ukraine"),
    ("BRUSSELS — Ministers gathered on Thursday.", "BRUSSELS"),
    ("WASHINGTON (Reuters) - The Senate voted on Friday.", "WASHINGTON"),
    ("NEW YORK — Markets fell.", "NEW YORK"),
    ("The ministers gathered in Brussels on Thursday.", None),
    ("NATO said on Friday that it would expand patrols.", None),
])
def test_dateline(text, place):
    found = find_dateline(text)
    assert (found.place if found else None) == place
    if found:
        assert text[found.span[0]:found.span[1]] == place


@pytest.mark.parametrize("text, title", [
    ("Allies pledge more air defense for Kyiv\nBRUSSELS — Ministers met.", "Allies pledge more air defense for Kyiv"),
    ("Ministers met in Brussels on Thursday and agreed on a plan.\nThey will meet again.", None),
    ("“We will not back down,” the minister said\nMore text follows here.", None),
    ("One paragraph only", None),
])
def test_title(text, title):
    assert find_title(text) == title


def test_metadata_skips_byline_before_title():
    meta = read_metadata("By Jo Lee\nStorm hits coast\nMIAMI — Winds rose overnight.")
    assert [b.name for b in meta.byline] == ["Jo Lee"]
    assert meta.title == "Storm hits coast"
    assert meta.dateline.place == "MIAMI"
