"""Bad input at every ingest entry point: no crash, no traceback, one clear line per bad input.

Property tests (hypothesis) over `decode`, `iter_sources`, `make_document` and `analyze`, a
bounded mutation fuzz of valid text/HTML/JSONL seeds through the whole `dateline analyze`
path, and CLI runs over a folder of hostile files.
"""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dateline.errors import InputError
from dateline.ingest import SourceItem, iter_sources, make_document
from dateline.ingest.sources import decode
from dateline.record import check_record

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.function_scoped_fixture])

GOOD = ("GENEVA — Negotiators from both delegations met on Monday and said that they had agreed "
        "on a timetable for the next round of talks.\n\n\"We are closer than before,\" said Ines Vidal, "
        "the chief negotiator, who added that a deal could come in March.")
GOOD_HTML = (f"<html><head><title>Talks resume</title><meta name='author' content='Lena Moss'></head>"
             f"<body><article><h1>Talks resume</h1><p>{GOOD.split(chr(10))[0]}</p><p>{GOOD.split(chr(10))[-1]}"
             f"</p></article></body></html>")
GOOD_JSONL = json.dumps({"id": "g1", "text": GOOD, "published": "2025-03-03"}) + "\n"

# text that mixes the awkward things: quotes, dashes, newlines, non-Latin scripts, emoji, controls
_awkward = st.text(alphabet=st.sampled_from(list("abcdefg XYZ.,;:\"'“”‘’—-()\n\t\r0123456789") +
                                            ["ü", "é", "Ж", "中", "٣", "😀", "\u200b", "\x0b", "\x00"]),
                   max_size=400)
_texts = st.one_of(_awkward, st.text(max_size=300), st.builds(lambda a, b: a + GOOD + b, _awkward, _awkward))


def _check_document_spans(document) -> None:
    text = document.text
    for b in document.byline:
        assert text[b.span[0]:b.span[1]] == b.name
    if document.dateline:
        s, e = document.dateline.span
        assert 0 <= s <= e <= len(text)


@FAST
@given(st.binary(max_size=2000))
def test_fuzz_decode_returns_text_or_input_error(data):
    try:
        text = decode(data, name="x.txt", max_bytes=1000)
    except InputError as exc:
        assert exc.path == "x.txt" and exc.reason and "\n" not in exc.message
    else:
        assert isinstance(text, str)


@FAST
@given(st.binary(max_size=1500), st.sampled_from([".txt", ".html", ".jsonl", ".md", ""]))
def test_fuzz_iter_sources_never_raises(data, suffix):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"input{suffix}"
        path.write_bytes(data)
        for item in iter_sources([path], max_bytes=1000):
            assert isinstance(item, (SourceItem, InputError))
            if isinstance(item, InputError):
                assert item.path and item.path.startswith(str(path)) and "\n" not in item.message


@FAST
@given(_texts)
def test_fuzz_make_document_text(text):
    try:
        document = make_document(SourceItem("t.txt", text=text))
    except InputError as exc:
        assert exc.path == "t.txt" and "\n" not in exc.message
    else:
        assert document.text and document.text == document.text.strip()
        _check_document_spans(document)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.builds(lambda a, b: f"<html><body>{a}<p>{GOOD}</p>{b}", _awkward,
                                                  st.sampled_from(["", "</div>", "<p><b>", "<!--", "<script>x"]))))
def test_fuzz_make_document_html(html):
    try:
        document = make_document(SourceItem("p.html", html=html))
    except InputError as exc:
        assert exc.path == "p.html"
    else:
        _check_document_spans(document)


@SLOW
@given(_texts)
def test_fuzz_analyze_spans_in_bounds(nlp, text):
    from dateline import analyze

    try:
        record = analyze(text, published="2025-03-03")
    except InputError:
        return
    check_record(record.to_json())


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        pos = rng.randrange(len(out) + 1)
        if op < 0.35 and out:
            out[min(pos, len(out) - 1)] = rng.randrange(256)
        elif op < 0.6:
            out[pos:pos] = rng.choice([b"\x00", b"\xff\xfe", b"<", b"</p>", b"\"", b"\n", b"{", b"}",
                                       "—".encode(), "“".encode()[:2], b"\r\n", b"<script>"])
        elif op < 0.85 and out:
            del out[pos:pos + rng.randint(1, 40)]
        else:
            out[pos:pos] = out[:rng.randint(0, 200)]
    return bytes(out)


def test_fuzz_bounded_mutation_run_through_analyze_path(nlp, tmp_path):
    """A bounded fuzz run: 120 mutants of valid text, HTML and JSONL inputs, analysed together;
    every input ends as a valid record or exactly one error naming it."""
    from dateline.pipeline import analyze_sources

    rng = random.Random(7)
    seeds = [(".txt", GOOD.encode()), (".html", GOOD_HTML.encode()), (".jsonl", GOOD_JSONL.encode() * 2)]
    paths = []
    for i in range(120):
        suffix, seed = seeds[i % 3]
        path = tmp_path / f"m{i:03d}{suffix}"
        path.write_bytes(_mutate(seed, rng))
        paths.append(path)
    results = list(analyze_sources(iter_sources(paths, max_bytes=20000), published="2025-03-03"))
    names = set()
    for result in results:
        if isinstance(result, InputError):
            assert result.path and "\n" not in result.message and "Traceback" not in result.message
            assert not result.reason.startswith("analysis failed"), result.message  # a bug, not bad input
            names.add(result.path)
        else:
            check_record(result.to_json())
    assert len(results) >= len(paths)
    assert any(not isinstance(r, InputError) for r in results)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "spaces.txt").write_bytes(b"  \n\t \n")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Le café est très chaud, dit le ministre.".encode("latin-1"))
    (d / "huge.txt").write_text("The talks went on. " * 4000, encoding="utf-8")
    (d / "broken.html").write_text("<html><body><div><p><<<>>></span></table", encoding="utf-8")
    (d / "scripts.html").write_text("<html><script>var a = 1;</script><style>p{}</style></html>", encoding="utf-8")
    (d / "french.txt").write_text("Les ministres se sont réunis lundi à Genève et ont déclaré que les "
                                  "négociations reprendraient le mois prochain avec les deux délégations.",
                                  encoding="utf-8")
    (d / "russian.txt").write_text("Министры встретились в понедельник в Женеве и заявили, что переговоры "
                                   "возобновятся в следующем месяце.", encoding="utf-8")
    lines = [GOOD_JSONL.strip(), "{not json", "[1, 2]", json.dumps({"id": "no-text"}), json.dumps({"text": ""}),
             json.dumps({"text": 5}), "\x00\x01", json.dumps({"id": "g2", "html": GOOD_HTML})]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


EXPECTED_BAD = {
    "empty.txt": "empty input", "spaces.txt": "empty input", "binary.txt": "binary data",
    "latin1.txt": "not valid UTF-8", "huge.txt": "over the limit", "broken.html": "malformed HTML",
    "scripts.html": "malformed HTML", "french.txt": "not English", "russian.txt": "not English",
    "feed.jsonl:2": "not a JSON object", "feed.jsonl:3": "not a JSON object", "feed.jsonl:4": "no 'text'",
    "feed.jsonl:5": "no 'text'", "feed.jsonl:6": "no 'text'", "feed.jsonl:7": "",
}


def _error_lines(stderr: str) -> dict[str, str]:
    lines = {}
    for line in stderr.splitlines():
        assert line.startswith("error: "), f"unexpected stderr line: {line!r}"
        name, _, reason = line[len("error: "):].partition(": ")
        assert name not in lines, f"reported twice: {name}"
        lines[Path(name).name] = reason
    return lines


def test_fuzz_cli_analyze_hostile_folder(hostile, nlp):
    from dateline.cli.main import app

    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(hostile), "--format", "jsonl", "--max-bytes", "50000"])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    errors = _error_lines(result.stderr)
    assert set(errors) == set(EXPECTED_BAD)
    for name, reason in EXPECTED_BAD.items():
        assert reason in errors[name], (name, errors[name])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["document"]["id"] for r in records if r["document"]["id"] in ("g1", "g2")) == ["g1", "g2"]
    assert len(records) == 4  # good.txt, good.html, and the two good JSONL lines
    for record in records:
        check_record(record)


def test_fuzz_cli_batch_hostile_folder(hostile, nlp, tmp_path):
    from dateline.cli.main import app

    result = CliRunner().invoke(app, ["batch", str(hostile), "--out", str(tmp_path / "out"), "--workers", "0",
                                      "--no-progress", "--max-bytes", "50000"])
    assert result.exit_code == 1
    errors = _error_lines("\n".join(line for line in result.stderr.splitlines() if line.startswith("error")))
    assert set(errors) == set(EXPECTED_BAD)
    assert "4 records, 15 failed" in result.stderr
    assert "Traceback" not in result.stderr
