"""Convert record dataclasses to and from plain JSON values.

Field names map one to one, except ``from_`` which is ``from`` in JSON. Tuples become lists.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any

_RENAMES = {"from_": "from"}
_UNRENAMES = {v: k for k, v in _RENAMES.items()}


def to_json(value: Any) -> Any:
    """Turn a record dataclass (or nested value) into JSON-ready lists and dicts.

    >>> from dateline.record.model import TextSpan
    >>> to_json(TextSpan("said", (4, 8)))
    {'text': 'said', 'span': [4, 8]}
    """
    if dataclasses.is_dataclass(value):
        return {
            _RENAMES.get(f.name, f.name): to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _build(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in value)
        return tuple(value)
    if dataclasses.is_dataclass(hint):
        return from_json(hint, value)
    return value


def from_json(cls: type, data: dict) -> Any:
    """Build dataclass ``cls`` from its JSON dict, recursively.

    >>> from dateline.record.model import TextSpan
    >>> from_json(TextSpan, {"text": "said", "span": [4, 8]})
    TextSpan(text='said', span=(4, 8))
    """
    hints = _hints(cls)
    kwargs = {}
    for key, value in data.items():
        name = _UNRENAMES.get(key, key)
        if name in hints:
            kwargs[name] = _build(hints[name], value)
    return cls(**kwargs)
