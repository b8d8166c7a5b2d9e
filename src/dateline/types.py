"""Shared type aliases and protocols used across dateline's stages."""
from __future__ import annotations

from pathlib import Path
from typing import Union

Span = tuple[int, int]
"""``(start, end)`` code-point offsets into ``Document.text``, end exclusive."""

PathLike = Union[str, Path]
