"""dateline's exceptions. Each carries the input it concerns and a one-line reason.

    DatelineError
    ├── InputError            (one input could not be read or analysed; others go on)
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   ├── BadEncoding
    │   ├── TooLarge
    │   ├── MalformedInput    (HTML with no text, a JSONL line that is not JSON or lacks text)
    │   ├── NotEnglish
    │   └── TimedOut          (a pathological article that exceeded the per-article limit)
    ├── StoreError
    └── EvalDataMissing       (evaluation data not found under ../shared)
"""
from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""

    def __init__(self, reason: str, *, path: str | None = None, doc_id: str | None = None) -> None:
        self.reason = reason
        self.path = path
        self.doc_id = doc_id
        super().__init__(self.message)

    def __reduce__(self):
        # keep path, doc_id and reason across pickling (Dask and process pools send errors back)
        return (_rebuild, (type(self), self.reason, self.path, self.doc_id))

    @property
    def message(self) -> str:
        """One line naming the input and the reason, for stderr and HTTP bodies."""
        where = self.path or self.doc_id
        return f"{where}: {self.reason}" if where else self.reason


class InputError(DatelineError):
    """One input could not be read or analysed."""


class EmptyInput(InputError):
    """The input has no text."""


class BinaryInput(InputError):
    """The input looks like a binary file."""


class BadEncoding(InputError):
    """The input's bytes cannot be decoded as text."""


class TooLarge(InputError):
    """The input is over the size limit."""


class MalformedInput(InputError):
    """The input's structure is broken (HTML with no text, bad JSONL line)."""


class NotEnglish(InputError):
    """The input is not in English."""


class TimedOut(InputError):
    """Analysing the input took longer than the per-article limit."""


class StoreError(DatelineError):
    """The store could not read or write."""


class EvalDataMissing(DatelineError):
    """Evaluation data is not where it should be."""


def _rebuild(cls: type, reason: str, path: str | None, doc_id: str | None) -> DatelineError:
    return cls(reason, path=path, doc_id=doc_id)
