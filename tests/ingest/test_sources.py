"""Every input form, and every bad-input case, through `iter_sources` and `make_document`."""
import json

import pytest

from dateline.errors import BadEncoding, BinaryInput, EmptyInput, InputError, MalformedInput, NotEnglish, TooLarge
from dateline.ingest import iter_sources, make_document

STORY = "Officials in Brussels said on Monday that the talks would continue next week."
HTML = f"""<html><head><title>Talks go on</title><meta name="author" content="Jo Lee">
<meta property="article:published_time" content="2024-05-06T09:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Talks go on</h1><p>{STORY}</p>
<p>The ministers added that they expected a deal before the summer, and their aides agreed.</p></article>
<footer>Copyright</footer></body></html>"""


def _docs(paths, **kw):
    out = []
    for item in iter_sources(paths, **kw):
        if isinstance(item, InputError):
            out.append(item)
            continue
        try:
            out.append(make_document(item))
        except InputError as exc:
            out.append(exc)
    return out


def test_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    [doc] = _docs([tmp_path / "a.txt"])
    assert doc.text == STORY
    assert len(doc.id) == 64


def test_html_file_gives_text_title_and_date(tmp_path):
    (tmp_path / "a.html").write_text(HTML)
    [doc] = _docs([tmp_path / "a.html"])
    assert STORY in doc.text and "Copyright" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Talks go on"
    assert doc.published.value == "2024-05-06" and doc.published.how == "metadata"


def test_jsonl_file_keeps_ids_and_order(tmp_path):
    lines = [json.dumps({"id": "a1", "text": STORY, "published": "2024-01-02", "source": "wire"}),
             json.dumps({"id": "a2", "html": HTML})]
    (tmp_path / "x.jsonl").write_text("\n".join(lines))
    a, b = _docs([tmp_path / "x.jsonl"])
    assert (a.id, a.source, a.published.value, a.published.how) == ("a1", "wire", "2024-01-02", "given")
    assert b.id == "a2" and STORY in b.text


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(STORY + " B")
    (tmp_path / "sub" / "a.txt").write_text(STORY + " A")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    docs = _docs([tmp_path])
    assert [d.text[-1] for d in docs] == ["B", "A"]


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    [doc] = _docs(["-"])
    assert doc.text == STORY


@pytest.mark.parametrize("name, data, error, reason", [
    ("empty.txt", b"", EmptyInput, "empty input"),
    ("blank.txt", b"  \n\n ", EmptyInput, "empty input"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary data"),
    ("latin1.txt", "Caf\xe9 talks ended in Paris on Monday.".encode("latin-1"), BadEncoding, "not valid UTF-8"),
    ("de.txt", "Die Minister trafen sich am Montag in Berlin und sagten, dass die Gespräche weitergehen werden.".encode(),
     NotEnglish, "not English"),
    ("broken.html", b"<html><body><div><script>var x = 1;</script></div>", MalformedInput, "malformed HTML"),
])
def test_bad_inputs_each_give_one_clear_error(tmp_path, name, data, error, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text(STORY)
    results = _docs([tmp_path / name, tmp_path / "ok.txt"])
    assert isinstance(results[0], error)
    assert results[0].path == str(tmp_path / name)
    assert reason in results[0].message and "\n" not in results[0].message
    assert results[1].text == STORY


def test_too_large(tmp_path):
    (tmp_path / "big.txt").write_text(STORY * 100)
    [err] = _docs([tmp_path / "big.txt"], max_bytes=1000)
    assert isinstance(err, TooLarge) and "over the limit" in err.message


def test_bad_jsonl_lines_are_reported_and_others_kept(tmp_path):
    (tmp_path / "x.jsonl").write_text("\n".join([
        "{not json", json.dumps({"id": "n", "title": "no text"}), json.dumps([1, 2]),
        json.dumps({"id": "ok", "text": STORY})]))
    results = _docs([tmp_path / "x.jsonl"])
    assert [type(r).__name__ for r in results] == ["MalformedInput", "MalformedInput", "MalformedInput", "Document"]
    assert results[0].path.endswith("x.jsonl:1") and "not a JSON object" in results[0].message
    assert "no 'text' or 'html'" in results[1].message


def test_missing_file(tmp_path):
    [err] = _docs([tmp_path / "nope.txt"])
    assert err.message == f"{tmp_path / 'nope.txt'}: no such file or directory"
