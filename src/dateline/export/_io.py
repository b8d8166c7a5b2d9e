"""Open a path or pass through a stream, for the writers."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import IO, Iterator, Union

Target = Union[str, Path, IO[str]]


@contextlib.contextmanager
def opened(target: Target) -> Iterator[IO[str]]:
    """Yield a text stream for ``target``: a path (created, UTF-8, ``\\n`` newlines) or a stream."""
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        yield fh
