"""The HTTP API under hostile requests: schemathesis against the OpenAPI spec, injection attempts
in every query parameter, oversized bodies, and writes without the token. Everything must be
refused (or answered) cleanly: no 5xx, a JSON ``{"message", "status"}`` error, the store intact."""
from __future__ import annotations

import importlib.util

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("dateline.api") is None, reason="the API is not built yet")

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

TOKEN = "fuzz-token-123"
ARTICLE = ("OSLO — Delegates from the two coastal states met on Friday and said that they would share the "
           "fishing grounds.\n\n\"This is a fair outcome,\" said Kari Holm, the fisheries minister.")

INJECTIONS = [
    "' OR '1'='1", "1; DROP TABLE documents; --", "\" OR \"\"=\"", "%", "_", "*", "\\", "' UNION SELECT * FROM actors --",
    "NEAR(a b)", "\"unbalanced", "a AND OR NOT", "col:value", "^x", "(((", "\x00", "../../etc/passwd",
    "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "-1", "0", "NaN",
    "2025-13-45", "é中😀", "x" * 5000,
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    from dateline import analyze
    from dateline.store import open_store

    s = open_store(str(tmp_path_factory.mktemp("api") / "api.db"))
    s.add(analyze(ARTICLE, metadata={"id": "fuzz-doc"}))
    yield s
    s.close()


@pytest.fixture(scope="module")
def app(store):
    from dateline.api import create_app

    return create_app(store, host="0.0.0.0", token=TOKEN, max_body=20_000)


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app, raise_server_exceptions=False)


def _operations(app) -> list:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_fuzz_api_schemathesis_no_server_errors(app, store):
    """Schemathesis cases for every operation of the OpenAPI spec (the pytest plugin of
    schemathesis 4.32 does not load under pytest 9, so the cases run through hypothesis here)."""
    operations = _operations(app)
    assert len(operations) >= 8
    before = store.count_documents()
    for operation in operations:
        @settings(max_examples=25 if operation.method.upper() == "GET" else 12, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(operation.as_strategy())
        def check(case):
            response = case.call()
            where = (case.method, case.path, case.path_parameters, case.query)
            assert response.status_code < 500, (where, response.status_code, response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert {"message", "status"} <= set(body) and body["status"] == response.status_code, where
            if case.method.upper() in ("POST", "DELETE") and case.path.startswith("/documents"):
                assert response.status_code in (401, 403, 404, 405, 413, 422), \
                    f"a write without the token got through: {where}"

        check()
    assert store.count_documents() == before


def _get_routes(app) -> list[tuple[str, list[str]]]:
    spec = app.openapi()
    routes = []
    for path, ops in spec["paths"].items():
        if "get" in ops and "{" not in path:
            params = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            if params:
                routes.append((path, params))
    return routes


def _server_errors(app, client, values) -> list:
    bad = []
    for path, params in _get_routes(app):
        for param in params:
            for value in values:
                response = client.get(path, params={param: value, **({"q": "talks"} if param != "q" and
                                                                     path == "/search" else {})})
                if response.status_code >= 500:
                    bad.append((path, param, value[:30], response.text[:120]))
    return bad


def test_fuzz_api_integer_overflow_in_query_parameters(app, client):
    # integers beyond 64 bits once reached SQLite and gave 500 (OverflowError)
    assert _server_errors(app, client, ["99999999999999999999999", "-99999999999999999999999",
                                        "9223372036854775807", "9223372036854775808"]) == []


def test_fuzz_api_injection_in_every_query_parameter(app, client, store):
    routes = _get_routes(app)
    assert routes, "no GET endpoints with query parameters found"
    before = store.count_documents()
    tried = 0
    for path, params in routes:
        for param in params:
            for value in INJECTIONS:
                response = client.get(path, params={param: value, **({"q": "talks"} if param != "q" and
                                                                     path == "/search" else {})})
                tried += 1
                assert response.status_code < 500, (path, param, value[:40], response.text[:300])
                assert response.headers["content-type"].startswith("application/json")
                if response.status_code >= 400:
                    assert "message" in response.json()
    assert tried >= len(INJECTIONS) * 3
    assert store.count_documents() == before
    assert store.get("fuzz-doc").document.text == ARTICLE  # tables intact, nothing dropped


@pytest.mark.parametrize("path", ["/documents/fuzz-doc' OR '1'='1", "/documents/..%2F..%2Fetc%2Fpasswd",
                                  "/actors/1%20OR%201=1", "/actors/-1", "/documents/%00",
                                  "/actors/99999999999999999999999"])
def test_fuzz_api_injection_in_path(client, store, path):
    response = client.get(path)
    assert response.status_code in (404, 422), response.text[:200]
    assert store.has("fuzz-doc")


def test_fuzz_api_oversized_bodies_refused(client):
    big = {"text": "The talks went on. " * 2000}
    response = client.post("/analyze", json=big)
    assert response.status_code == 413 and response.json()["status"] == 413

    def chunks():  # no Content-Length: the limit must hold while streaming
        for _ in range(100):
            yield b"x" * 1000

    response = client.post("/analyze", content=chunks(), headers={"content-type": "application/json"})
    # refused, not read to the end; FastAPI turns the middleware's stop into its own 400 "error
    # parsing the body" (reported: a 413 would be clearer)
    assert response.status_code in (400, 413) and response.json()["status"] == response.status_code


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": "Basic " + TOKEN}, {"Authorization": "Bearer "}])
def test_fuzz_api_writes_without_the_token_refused(client, store, headers):
    before = store.count_documents()
    post = client.post("/documents", json={"text": ARTICLE, "id": "intruder"}, headers=headers)
    delete = client.delete("/documents/fuzz-doc", headers=headers)
    assert post.status_code == 401 and delete.status_code == 401
    assert "token" in post.json()["message"].lower() or "authorization" in post.json()["message"].lower()
    assert store.count_documents() == before and store.has("fuzz-doc") and not store.has("intruder")


def test_fuzz_api_writes_refused_when_no_token_is_configured(store, monkeypatch):
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    monkeypatch.delenv("DATELINE_TOKEN", raising=False)
    client = TestClient(create_app(store, host="0.0.0.0", token=""), raise_server_exceptions=False)
    response = client.post("/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert store.has("fuzz-doc")


def test_fuzz_api_write_with_the_token_works(client, store):
    response = client.post("/documents", json={"text": ARTICLE, "id": "allowed"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
    assert client.delete("/documents/allowed", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
