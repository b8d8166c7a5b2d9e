"""dateline: who said and did what, to whom, where and when, from news text, with evidence.

>>> import dateline
>>> dateline.Record.__name__
'Record'
"""
from dateline.errors import (
    BadEncoding,
    BinaryInput,
    DatelineError,
    EmptyInput,
    InputError,
    MalformedInput,
    NotEnglish,
    StoreError,
    TimedOut,
    TooLarge,
)
from dateline.pipeline import analyze, analyze_many
from dateline.record import Record

__version__ = "0.1.0"

__all__ = sorted([
    "BadEncoding", "BinaryInput", "DatelineError", "EmptyInput", "InputError", "MalformedInput",
    "NotEnglish", "Record", "StoreError", "TimedOut", "TooLarge", "analyze", "analyze_many",
])
