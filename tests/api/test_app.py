"""The HTTP API through FastAPI's TestClient: analyse, ingest, list with paging, filters by any
name, token-protected writes, 413 on big bodies, JSON errors, OpenAPI."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conftest import empty_postgres

from dateline.api import create_app
from dateline.record import check_record
from dateline.store import open_store
from dateline.store.synthetic import story, synthetic_records

TEXT = ("BRUSSELS — Defense ministers met on Thursday. \"We will keep supporting Kyiv,\" "
        "the German minister said after the meeting.")


@pytest.fixture
def store():
    s = open_store(":memory:")
    s.add(story("d1", "KYIV —", source="AP"))
    s.add(story("d2", "PARIS —", source="Reuters", date=("2014-02-27", "day")))
    s.add(story("d3", "ROME —", speaker="Vladimir Putin", alias="Putin", category="ASSAULT",
                date=("2022-02-24", "day")))
    yield s
    s.close()


@pytest.fixture
def client(store):
    return TestClient(create_app(store, host="127.0.0.1", token=""))


def test_api_analyze_returns_a_valid_record_and_stores_nothing(client, store):
    r = client.post("/analyze", json={"text": TEXT, "published": "2025-02-13"})
    assert r.status_code == 200, r.text
    check_record(r.json())
    assert r.json()["document"]["published"]["value"] == "2025-02-13"
    assert store.count_documents() == 3


def test_api_analyze_html(client):
    html = f"<html><head><title>Ministers meet</title></head><body><article><p>{TEXT}</p></article></body></html>"
    r = client.post("/analyze", json={"html": html})
    assert r.status_code == 200, r.text
    assert "Defense ministers met" in r.json()["document"]["text"]


def test_api_post_documents_ingests_and_replaces(client, store):
    r = client.post("/documents", json={"text": TEXT, "id": "new-1", "source": "DW"})
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "new-1"
    assert client.post("/documents", json={"text": TEXT, "id": "new-1"}).status_code == 201
    assert store.count_documents() == 4
    got = client.get("/documents/new-1").json()
    assert got["document"]["text"] == TEXT


def test_api_post_ready_record(client):
    record = next(synthetic_records(1, seed=5)).to_json()
    r = client.post("/documents", json={"record": record})
    assert r.status_code == 201, r.text
    assert client.get(f"/documents/{record['document']['id']}").json() == record
    bad = dict(record, quotes=[{"id": "Q1"}])
    r = client.post("/documents", json={"record": bad})
    assert r.status_code == 422 and r.json()["message"].startswith("invalid record:")


@pytest.mark.parametrize("name", ["Hegseth", "Pete Hegseth", "hegseth"])
def test_api_quotes_speaker_matches_alias(client, name):
    items = client.get("/quotes", params={"speaker": name}).json()["items"]
    assert [(q["doc_id"], q["speaker"]) for q in items] == [("d1", "Pete Hegseth"), ("d2", "Pete Hegseth")]


def test_api_events_actor_category_dates(client):
    r = client.get("/events", params={"actor": "Russia", "category": "ASSAULT", "from": "2022-01-01",
                                      "to": "2022-12-31"})
    assert [e["doc_id"] for e in r.json()["items"]] == ["d3"]
    assert client.get("/events", params={"actor": "Putin"}).json()["items"] == []  # Putin spoke, did not act


def test_api_timeline_clusters(client):
    items = client.get("/timeline").json()["items"]
    assert [(c["date"]["value"], c["num_articles"], c["num_sources"]) for c in items] == [
        ("2014-02-27", 2, 2), ("2022-02-24", 1, 1)]


def test_api_actors_and_actor(client):
    people = client.get("/actors", params={"kind": "PERSON"}).json()["items"]
    assert [p["name"] for p in people] == ["Pete Hegseth", "Vladimir Putin"]
    one = client.get(f"/actors/{people[0]['id']}").json()
    assert one["n_documents"] == 2 and one["n_quotes"] == 2 and "hegseth" in one["aliases"]
    assert client.get("/actors", params={"name": "Putin"}).json()["items"][0]["name"] == "Vladimir Putin"


def test_api_search(client):
    items = client.get("/search", params={"q": "talks"}).json()["items"]
    assert {i["type"] for i in items} == {"document", "quote"}


def test_api_paging_follows_next_to_the_end(store):
    for r in synthetic_records(6):
        store.add(r)
    client = TestClient(create_app(store))
    seen, cursor = [], None
    while True:
        page = client.get("/documents", params={"limit": 4, **({"cursor": cursor} if cursor else {})}).json()
        assert set(page) == {"items", "next"}
        seen += [d["id"] for d in page["items"]]
        if page["next"] is None:
            break
        cursor = page["next"]
    assert len(seen) == len(set(seen)) == 9


@pytest.mark.parametrize("path,status,message", [
    ("/documents/nope", 404, "nope: no such document"),
    ("/actors/999", 404, "999: no such actor"),
    ("/quotes?limit=0", 422, "query.limit: Input should be greater than or equal to 1"),
    ("/quotes?cursor=x", 400, "bad cursor 'x'"),
    ("/nowhere", 404, "Not Found"),
])
def test_api_errors_are_json_with_message(client, path, status, message):
    r = client.get(path)
    assert r.status_code == status
    assert r.json() == {"message": message, "status": status}


def test_api_empty_article_is_422(client):
    r = client.post("/analyze", json={"text": "  "})
    assert r.status_code == 422 and r.json()["message"] == "give 'text' or 'html'"


def test_api_body_over_limit_is_413(store):
    client = TestClient(create_app(store, max_body=1000))
    r = client.post("/analyze", json={"text": "word " * 500})
    assert r.status_code == 413
    assert r.json() == {"message": "request body over the limit of 1,000 bytes", "status": 413}


def test_api_writes_need_token_off_loopback(store):
    client = TestClient(create_app(store, host="0.0.0.0", token="s3cret"))
    body = {"text": TEXT, "id": "t1"}
    r = client.post("/documents", json=body)
    assert r.status_code == 401 and "DATELINE_TOKEN" in r.json()["message"]
    assert client.post("/documents", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/documents", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert client.delete("/documents/t1").status_code == 401
    assert client.get("/documents/t1").status_code == 200  # reads stay open


def test_api_writes_refused_off_loopback_without_token(store):
    client = TestClient(create_app(store, host="0.0.0.0", token=""))
    r = client.post("/documents", json={"text": TEXT})
    assert r.status_code == 403 and r.json()["message"].startswith("writes are disabled")


def test_api_token_from_environment(store, monkeypatch):
    monkeypatch.setenv("DATELINE_TOKEN", "from-env")
    client = TestClient(create_app(store, host="10.1.2.3"))
    assert client.delete("/documents/d1", headers={"Authorization": "Bearer from-env"}).status_code == 200


def test_api_loopback_writes_need_no_token(client, store):
    assert client.delete("/documents/d1").json() == {"id": "d1", "deleted": True}
    assert client.delete("/documents/d1").status_code == 404


def test_api_openapi_lists_every_endpoint(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/analyze", "/documents", "/documents/{doc_id}", "/actors", "/actors/{actor_id}", "/quotes",
                 "/events", "/timeline", "/search"):
        assert path in paths


def test_api_docs_load_no_cdn_assets(client):
    import re

    html = client.get("/docs").text
    assets = re.findall(r"""(?:src|href)=['"]([^'"]+)['"]""", html)
    assert assets and not [a for a in assets if "://" in a]
    for asset in assets:
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 100, asset
    assert "SwaggerUIBundle" in client.get([a for a in assets if a.endswith(".js")][0]).text


@pytest.fixture
def pg_client(postgres):
    """The same API over an empty schema of the session's PostgreSQL server."""
    s = open_store(empty_postgres(postgres))
    s.add(story("d1", "KYIV —", source="AP"))
    s.add(story("d2", "PARIS —", source="Reuters", date=("2014-02-27", "day")))
    yield TestClient(create_app(s))
    s.close()


def test_api_on_postgresql_filters_search_and_timeline(pg_client):
    assert [q["doc_id"] for q in pg_client.get("/quotes", params={"speaker": "Hegseth"}).json()["items"]] == \
        ["d1", "d2"]
    assert len(pg_client.get("/events", params={"actor": "Ukraine", "from": "2014-01-01"}).json()["items"]) == 2
    hits = pg_client.get("/search", params={"q": "talks"}).json()["items"]
    assert {h["type"] for h in hits} == {"document", "quote"} and "«talks»" in hits[0]["snippet"]
    assert [(c["num_articles"], c["num_sources"]) for c in pg_client.get("/timeline").json()["items"]] == [(2, 2)]
    r = pg_client.post("/documents", json={"text": TEXT, "id": "pg-1"})
    assert r.status_code == 201 and pg_client.get("/documents/pg-1").json()["document"]["text"] == TEXT
