"""The record stage: the `dateline/1` output contract, its JSON codec and its JSON Schema."""
from dateline.record.model import (
    SCHEMA_VERSION,
    Actor,
    Byline,
    Dateline,
    Document,
    Event,
    EventDate,
    Evidence,
    Interval,
    Location,
    Mention,
    Published,
    Quote,
    Record,
    Role,
    TextSpan,
    TimeExpression,
)
from dateline.record.heading import LEAD_CHARS, lead
from dateline.record.schema import check_record, iter_spans, load_schema, validate

__all__ = [
    "SCHEMA_VERSION", "Actor", "Byline", "Dateline", "Document", "Event", "EventDate",
    "Evidence", "Interval", "Location", "Mention", "Published", "Quote", "Record", "Role",
    "TextSpan", "TimeExpression", "check_record", "iter_spans", "load_schema", "validate", "LEAD_CHARS",
    "lead",
]
