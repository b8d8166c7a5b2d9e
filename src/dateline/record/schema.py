"""The shipped JSON Schema for `dateline/1` records, validation, and the span invariant."""
from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any


@functools.cache
def load_schema() -> dict:
    """Return the JSON Schema of a record (the file ``record/schema.json`` in the package).

    >>> load_schema()["properties"]["schema"]["const"]
    'dateline/1'
    """
    return json.loads(resources.files("dateline.record").joinpath("schema.json").read_text("utf-8"))


@functools.cache
def _validator():
    import jsonschema

    schema = load_schema()
    return jsonschema.Draft202012Validator(schema)


def validate(data: dict) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``data`` is a valid `dateline/1` record dict."""
    _validator().validate(data)


def iter_spans(data: dict) -> Iterator[tuple[str, list[int], str | None]]:
    """Yield ``(path, span, text)`` for every span in a record dict; text is None when the
    item carries no text of its own (a sentence span, a speaker span).

    >>> rec = {"document": {"text": "ab"}, "times": [{"text": "a", "span": [0, 1]}]}
    >>> list(iter_spans(rec))
    [('times[0]', [0, 1], 'a')]
    """

    def walk(node: Any, path: str):
        if isinstance(node, dict):
            if isinstance(node.get("span"), list):
                text = node.get("text", node.get("place"))
                if text is None and ".byline[" in path:
                    text = node.get("name")
                yield path, node["span"], text
            for key, value in node.items():
                if key in ("speaker_span", "sentence") and isinstance(value, list):
                    yield f"{path}.{key}", value, None
                elif key != "span" and key != "text":
                    yield from walk(value, f"{path}.{key}" if path else key)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{path}[{i}]")

    for key in ("document", "actors", "quotes", "times", "events"):
        if key in data:
            node = data[key]
            if key == "document":
                node = {k: v for k, v in node.items() if k != "text"}
            yield from walk(node, key)


def check_record(data: dict) -> None:
    """Validate ``data`` against the schema and assert the span invariant: every span lies in
    the text and ``text[start:end]`` equals the item's own text.

    Raises:
        jsonschema.ValidationError: the dict breaks the schema.
        ValueError: a span is out of bounds or does not match its text.
    """
    validate(data)
    text = data["document"]["text"]
    for path, (start, end), item_text in iter_spans(data):
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"{path}: span {start, end} out of bounds (len {len(text)})")
        if item_text is not None and text[start:end] != item_text:
            raise ValueError(f"{path}: text[{start}:{end}]={text[start:end]!r} != {item_text!r}")
