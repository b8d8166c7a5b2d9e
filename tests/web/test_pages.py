"""The web UI's server-rendered pages (TestClient): highlighting, timeline SVG order, actor page,
search, the upload box; and the render helpers on hand-made layers."""
from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.store import open_store
from dateline.store.synthetic import story, synthetic_record
from dateline.record import lead
from dateline.web.render import Layer, highlight, timeline_svg


@pytest.fixture
def client():
    store = open_store(":memory:")
    store.add(story("d1", "KYIV —", source="AP"))
    store.add(story("d2", "ROME —", speaker="Vladimir Putin", alias="Putin", category="ASSAULT",
                    date=("2022-02-24", "day")))
    store.add(synthetic_record(4))
    yield TestClient(create_app(store))
    store.close()


@pytest.mark.parametrize("layers,expected", [
    ([], "a &lt;b&gt;"),
    ([Layer(0, 1, ("q", "spk-0"), {"q": "Q1"}, "Q1")], '<span class="q spk-0" data-q="Q1" title="Q1">a</span> &lt;b&gt;'),
    ([Layer(0, 5, ("q",), {"q": "Q1"}, "Q"), Layer(2, 5, ("tx",), {"t": "T1"}, "T")],
     '<span class="q" data-q="Q1" title="Q">a </span><span class="q tx" data-q="Q1" data-t="T1" title="Q | T">'
     '&lt;b&gt;</span>'),
])
def test_web_highlight_cuts_at_every_boundary(layers, expected):
    assert str(highlight("a <b>", layers)) == expected


def test_web_timeline_svg_places_earlier_left_and_splits_lanes():
    def item(i, start, end, value, bg):
        return {"id": i, "category": "COERCE", "background": bg, "num_articles": 1, "num_sources": 1,
                "date": {"value": value, "precision": "month", "start": start, "end": end},
                "source": ["Russia"], "target": [], "reports": []}

    svg, undated = timeline_svg([item(1, "2025-02-12", "2025-02-13", "2025-02-12", False),
                                 item(2, "2014-02-01", "2014-03-01", "2014-02", True),
                                 {**item(3, None, None, None, False), "date": {"value": None, "precision": "unknown",
                                                                              "start": None, "end": None}}])
    xs = {m[0]: float(m[1]) for m in re.findall(r'data-date="([^"]+)"[^>]*data-x="([\d.]+)"', str(svg))}
    assert xs["2014-02"] < xs["2025-02-12"]
    assert 'data-date="2014-02" data-start="2014-02-01" data-precision="month" data-category="COERCE" ' \
           'data-background="true"' in str(svg)
    assert [u["id"] for u in undated] == [3]


def test_web_article_highlights_quotes_by_speaker(client):
    html = client.get("/ui/documents/d1").text
    assert re.findall(r'class="q spk-0" data-q="Q1" data-speaker="Pete Hegseth"', html)
    assert 'data-e="E1" data-category="COERCE"' in html
    assert '<a class="speaker-link" href="/ui/actors/' in html
    assert 'id="record-data"' in html


def test_web_article_missing_is_404(client):
    assert client.get("/ui/documents/nope").status_code == 404


def test_web_timeline_filters(client):
    html = client.get("/ui/timeline", params={"actor": "Russia", "category": "ASSAULT"}).text
    assert 'data-category="ASSAULT"' in html and 'data-category="COERCE"' not in html.split("<ol")[0]
    assert "<svg" in html


def test_web_actor_page(client):
    actors = client.get("/actors", params={"name": "Hegseth"}).json()["items"]
    html = client.get(f"/ui/actors/{actors[0]['id']}").text
    assert '<h1 class="actor-name">Pete Hegseth</h1>' in html
    assert "Positions over time" in html and "talks would start soon" in html


def test_web_search_page(client):
    html = client.get("/ui/search", params={"q": "peninsula"}).text
    assert html.count('class="hit hit-document"') == 2


def test_web_upload_analyses_without_storing(client):
    before = client.get("/documents").json()["items"]
    r = client.post("/ui/analyze", data={"text": "PARIS — The minister said that the talks would resume."})
    assert r.status_code == 200 and "Analysed, not stored." in r.text
    assert client.get("/documents").json()["items"] == before


def test_web_upload_can_save_on_loopback(client):
    r = client.post("/ui/analyze", data={"text": "PARIS — The minister said that the talks would resume.",
                                         "save": "1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/ui/documents/")


def test_web_home_lists_documents(client):
    html = client.get("/ui/").text
    assert html.count('class="doc-link"') == 3 and 'name="text"' in html


@pytest.mark.parametrize("text,limit,expected", [
    ("Talks resumed in Geneva on Monday.", 40, "Talks resumed in Geneva on Monday."),
    ("Talks resumed in Geneva on Monday.", 20, "Talks resumed in…"),
    ("Talks resumed in Geneva, officials said.", 24, "Talks resumed in Geneva…"),
    ("Talks resumed\nin Geneva on Monday.", 20, "Talks resumed"),
    ("Supercalifragilistic words", 5, "Super…"),
])
def test_web_lead_cuts_at_a_word_boundary(text, limit, expected):
    assert lead(text, limit) == expected


@pytest.mark.parametrize("title,heading", [
    (None, "BRUSSELS — Defence ministers of the contact group met at the alliance headquarters on a cold "
           "Wednesday morning. Pete…"),
    ("Allies meet in Brussels", "Allies meet in Brussels"),
])
def test_web_article_heading_of_untitled_document_ends_at_a_word(title, heading):
    record = story("d9", "BRUSSELS — Defence ministers of the contact group met at the alliance headquarters on a "
                         "cold Wednesday morning.")
    store = open_store(":memory:")
    store.add(dataclasses.replace(record, document=dataclasses.replace(record.document, title=title)))
    html = TestClient(create_app(store)).get("/ui/documents/d9").text
    store.close()
    assert f"<h1>{heading}</h1>" in html and f"<title>{heading} · dateline</title>" in html
