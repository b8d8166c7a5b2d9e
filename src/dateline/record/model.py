"""The record contract (`dateline/1`): typed, frozen dataclasses shared by every stage.

Every span is a ``(start, end)`` pair of code-point offsets into ``Document.text`` with
``text[start:end]`` equal to the item's ``text``. Records hold strings and offsets only, never
spaCy objects, so they pickle (Dask), store (SQL) and serialise (JSON) cleanly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dateline.types import Span

SCHEMA_VERSION = "dateline/1"


def _tuple(value) -> tuple:
    return tuple(value) if value is not None else ()


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of document text and where it sits."""

    text: str
    span: Span

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Evidence:
    """A piece of text that supports a derived value, with the reason it counts."""

    text: str
    span: Span
    reason: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Byline:
    """An author named in the byline."""

    name: str
    span: Span

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a story was filed from ("KYIV, Ukraine (AP) —")."""

    place: str
    span: Span
    country: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date: given by the caller, read from metadata, or inferred from text."""

    value: str
    precision: str  # day | month | year
    how: str  # given | metadata | inferred
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", _tuple(self.evidence))


@dataclass(frozen=True, slots=True)
class Document:
    """The ingested article: exact text after ingestion plus metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    byline: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    published: Published | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        object.__setattr__(self, "byline", _tuple(self.byline))


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that refers to an actor, and how (name, alias, pronoun, role, demonym)."""

    span: Span
    text: str
    how: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Role:
    """A title or appositive that describes an actor ("U.S. Defense Secretary")."""

    text: str
    span: Span
    country: str | None = None
    sector: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, country, IGO or group, with every mention of it."""

    id: str
    name: str
    kind: str  # PERSON | ORG | COUNTRY | IGO | GROUP
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    codes: dict = field(default_factory=dict)
    mentions: tuple[Mention, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _tuple(self.roles))
        object.__setattr__(self, "mentions", _tuple(self.mentions))


@dataclass(frozen=True, slots=True)
class Quote:
    """Something an actor said: direct, indirect or mixed, with its cue and content parts."""

    id: str
    kind: str  # direct | indirect | mixed
    content: tuple[TextSpan, ...]
    speaker: str | None = None
    speaker_span: Span | None = None
    cue: TextSpan | None = None
    paragraphs: tuple[int, ...] = ()
    confidence: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", _tuple(self.content))
        object.__setattr__(self, "paragraphs", _tuple(self.paragraphs))
        if self.speaker_span is not None:
            object.__setattr__(self, "speaker_span", tuple(self.speaker_span))


@dataclass(frozen=True, slots=True)
class Interval:
    """A half-open ``[start, end)`` range of ISO dates for placing an item on a timeline."""

    start: str
    end: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TIMEX3 time expression (TimeML / TempEval-3 conventions)."""

    id: str
    text: str
    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    interval: Interval | None = None
    anchor: str | None = None  # "DCT" or the id of another time

    def __post_init__(self) -> None:
        object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, how precisely, and where that came from."""

    value: str | None
    precision: str  # day | month | year | unknown
    interval: Interval | None = None
    from_: str | None = None  # time id | "dct" | "inherited"


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, geocoded offline."""

    name: str
    span: Span | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None

    def __post_init__(self) -> None:
        if self.span is not None:
            object.__setattr__(self, "span", tuple(self.span))


@dataclass(frozen=True, slots=True)
class Event:
    """A coded political event (PLOVER 0.8 category and mode, CAMEO code) with evidence."""

    id: str
    category: str
    trigger: TextSpan
    sentence: Span
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    date: EventDate | None = None
    location: Location | None = None
    status: str = "asserted"  # asserted | negated | hypothetical | reported
    background: bool = False
    quote: str | None = None
    confidence: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "context", _tuple(self.context))
        object.__setattr__(self, "source", _tuple(self.source))
        object.__setattr__(self, "target", _tuple(self.target))
        object.__setattr__(self, "sentence", tuple(self.sentence))


@dataclass(frozen=True, slots=True)
class Record:
    """Everything dateline extracted from one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    schema: str = SCHEMA_VERSION

    def __post_init__(self) -> None:
        for name in ("actors", "quotes", "times", "events"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))

    def to_json(self) -> dict:
        """Return the record as a JSON-ready dict (the `dateline/1` contract)."""
        from dateline.record.codec import to_json

        return to_json(self)

    @classmethod
    def from_json(cls, data: dict) -> "Record":
        """Build a record from its JSON dict; the inverse of :meth:`to_json`."""
        from dateline.record.codec import from_json

        return from_json(cls, data)

    def actor(self, actor_id: str | None) -> Actor | None:
        """Return the actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)
