"""Read inputs one at a time, in order, streaming: files, folders, JSON Lines, stdin.

Each yielded item is a `SourceItem` holding either raw text or HTML plus whatever metadata the
source gave, or the `InputError` that explains why it could not be read. Nothing here parses.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.errors import BadEncoding, BinaryInput, EmptyInput, InputError, MalformedInput, TooLarge
from dateline.types import PathLike

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One article as read from its source, before any analysis."""

    name: str  # where it came from: a path, "path:LINE" for JSONL, or "<stdin>"
    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


def decode(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check raw bytes and decode them as UTF-8 text.

    Raises:
        EmptyInput, BinaryInput, TooLarge, BadEncoding: with ``name`` as the path.

    >>> decode("Kyiv".encode(), name="a.txt")
    'Kyiv'
    """
    if len(data) > max_bytes:
        raise TooLarge(f"{len(data):,} bytes is over the limit of {max_bytes:,} bytes", path=name)
    if not data.strip():
        raise EmptyInput("empty input", path=name)
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary data (NUL bytes), not text", path=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadEncoding(f"not valid UTF-8 (byte {exc.start})", path=name) from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise BinaryInput("binary data (control characters), not text", path=name)
    return text


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES:
                yield child
    else:
        yield path


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    return data


def _jsonl_items(lines: Iterable[bytes], name: str, max_bytes: int) -> Iterator[SourceItem | InputError]:
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = decode(raw, name=where, max_bytes=max_bytes)
            obj = json.loads(line)
        except InputError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield MalformedInput(f"not a JSON object ({exc.msg})", path=where)
            continue
        if not isinstance(obj, dict):
            yield MalformedInput("not a JSON object", path=where)
            continue
        text, html = obj.get("text"), obj.get("html")
        if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
            yield MalformedInput("no 'text' or 'html' field with content", path=where)
            continue
        meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("id", "title", "url", "source", "published")}
        yield SourceItem(name=where, text=text if isinstance(text, str) else None,
                         html=html if isinstance(html, str) and not (isinstance(text, str) and text.strip()) else None,
                         **meta)


def iter_sources(inputs: Iterable[PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[SourceItem | InputError]:
    """Yield a `SourceItem` (or the `InputError` explaining the failure) for every article in
    ``inputs``, in order. ``"-"`` reads standard input (JSON Lines if it looks like it).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hello.")
    >>> [item.text for item in iter_sources([d / "a.txt"])]
    ['Hello.']
    """
    for raw in inputs:
        if str(raw) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            head = data.lstrip()[:1]
            if head == b"{":
                yield from _jsonl_items(data.splitlines(), "<stdin>", max_bytes)
                continue
            try:
                yield SourceItem(name="<stdin>", text=decode(data, name="<stdin>", max_bytes=max_bytes))
            except InputError as exc:
                yield exc
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError("no such file or directory", path=str(path))
            continue
        for file in _walk(path):
            name = str(file)
            suffix = file.suffix.lower()
            try:
                if suffix in JSONL_SUFFIXES:
                    with file.open("rb") as fh:
                        yield from _jsonl_items(fh, name, max_bytes)
                    continue
                text = decode(_read_bytes(file, max_bytes), name=name, max_bytes=max_bytes)
            except InputError as exc:
                yield exc
                continue
            except OSError as exc:
                yield InputError(f"cannot read ({exc.strerror or exc})", path=name)
                continue
            if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
                yield SourceItem(name=name, html=text)
            else:
                yield SourceItem(name=name, text=text)
