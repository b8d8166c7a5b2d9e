"""Synthetic but realistic records for tests and benchmarks of the store, API and UI.

Each record is a short wire story written from templates (actors with titles, direct and
indirect quotes, dated events including background ones), with every span exact, so the
records pass `check_record`. Nothing here is real news: the names are a small invented cast
plus a few public figures used only as names.
"""
from __future__ import annotations

import json
import random
from collections.abc import Iterator
from functools import cache
from importlib import resources

from dateline.record import (
    Actor, Document, Event, EventDate, Interval, Location, Mention, Published, Quote, Record, Role, TextSpan,
    TimeExpression,
)
from dateline.store.identity import interval_of


class TextBuilder:
    """Append text piece by piece and get back the span of each piece.

    >>> b = TextBuilder(); _ = b.add("Kyiv "); b.add("fell")
    (5, 9)
    >>> b.text
    'Kyiv fell'
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        """Append ``piece``; return its ``(start, end)``."""
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        """The text so far."""
        return "".join(self.parts)


@cache
def cast() -> dict:
    """Load the invented cast, places and phrases (``data/store/synthetic.json``)."""
    return json.loads(resources.files("dateline.data").joinpath("store/synthetic.json").read_text("utf-8"))


def synthetic_record(i: int, *, seed: int = 0, n_paragraphs: int = 6) -> Record:
    """Return synthetic record number ``i`` (deterministic for a given ``seed``).

    >>> r = synthetic_record(3)
    >>> all(r.document.text[q.content[0].span[0]:q.content[0].span[1]] == q.content[0].text for q in r.quotes)
    True
    """
    rnd = random.Random(seed * 1_000_003 + i)
    data = cast()
    people = rnd.sample(data["people"], 3)
    country = rnd.choice(data["countries"])
    year = rnd.randint(2015, 2025)
    month = rnd.randint(1, 12)
    day = rnd.randint(1, 28)
    pub = f"{year:04d}-{month:02d}-{day:02d}"
    place = rnd.choice(data["places"])
    b = TextBuilder()
    b.add(f"{place['name'].upper()} — ")
    actors: dict[str, dict] = {}

    def actor(p: dict) -> str:
        if p["name"] not in actors:
            actors[p["name"]] = {"id": f"A{len(actors) + 1}", "p": p, "mentions": [], "roles": []}
        return actors[p["name"]]["id"]

    def mention(p: dict, form: str, how: str) -> None:
        a = actors[p["name"]]
        a["mentions"].append(Mention(b.add(form), form, how))

    quotes, events, times = [], [], []
    for k in range(n_paragraphs):
        p = people[k % len(people)]
        aid = actor(p)
        first = len(actors[p["name"]]["mentions"]) == 0
        if first:
            role_span = b.add(p["role"])
            actors[p["name"]]["roles"].append(Role(p["role"], role_span, p["country"], p["sector"]))
            b.add(" ")
            mention(p, p["name"], "name")
        else:
            mention(p, p["name"].split()[-1], "alias")
        kind = rnd.choice(["direct", "indirect"])
        content = rnd.choice(data["statements"])
        if kind == "direct":
            b.add(" said, “")
            c_span = b.add(content[0].upper() + content[1:] + ",")
            b.add("” ")
            cue_span = (c_span[0] - 7, c_span[0] - 3)  # 'said'
            b.add("on " + rnd.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) + ".\n")
            quotes.append(Quote(f"Q{len(quotes) + 1}", "direct", (TextSpan(content[0].upper() + content[1:] + ",",
                                                                             c_span),),
                                speaker=aid, speaker_span=actors[p["name"]]["mentions"][-1].span,
                                cue=TextSpan("said", cue_span), confidence=0.9))
        else:
            cue_span = b.add(" warned")
            cue_span = (cue_span[0] + 1, cue_span[1])
            b.add(" that ")
            c_span = b.add(content)
            b.add(".\n")
            quotes.append(Quote(f"Q{len(quotes) + 1}", "indirect", (TextSpan(content, c_span),), speaker=aid,
                                speaker_span=actors[p["name"]]["mentions"][-1].span,
                                cue=TextSpan("warned", cue_span), confidence=0.8))
        # one event per paragraph: news (this week) or background (years ago)
        tpl = rnd.choice(data["events"])
        target = rnd.choice([x for x in people if x is not p])
        tid = actor(target)
        s_start = b.length
        mention(p, p["name"].split()[-1], "alias")
        b.add(" ")
        trig = b.add(tpl["trigger"])
        b.add(" ")
        mention(target, target["name"], "name")
        background = rnd.random() < 0.3
        if background:
            by = rnd.randint(2000, year - 1)
            bm = rnd.randint(1, 12)
            b.add(" in ")
            t_text = f"{data['months'][bm - 1]} {by}"
            t_span = b.add(t_text)
            value, precision = f"{by:04d}-{bm:02d}", "month"
        else:
            b.add(" ")
            t_text = "on " + rnd.choice(["Monday", "Tuesday", "Wednesday"])
            t_span = b.add(t_text)
            value, precision = pub, "day"
        s_end = b.add(".\n")[1] - 1
        start, end = interval_of(value, precision)
        tid_time = f"T{len(times) + 1}"
        times.append(TimeExpression(tid_time, t_text, t_span, "DATE", value, interval=Interval(start, end),
                                    anchor="DCT"))
        events.append(Event(
            f"E{len(events) + 1}", tpl["category"], TextSpan(tpl["trigger"], trig), (s_start, s_end),
            mode=tpl.get("mode"), cameo=tpl.get("cameo"), source=(aid,), target=(tid,),
            date=EventDate(value, precision, Interval(start, end), tid_time),
            location=Location(place["name"], None, place["country"]), status="asserted",
            background=background, confidence=0.7,
        ))
    text = b.text.rstrip("\n")
    out_actors = tuple(
        Actor(a["id"], a["p"]["name"], "PERSON", a["p"]["country"], a["p"]["sector"], tuple(a["roles"]),
              {}, tuple(a["mentions"]))
        for a in actors.values()
    )
    source = rnd.choice(data["sources"])
    doc = Document(id=f"syn-{seed}-{i}", text=text, title=f"{people[0]['name']} on {place['name']}",
                   url=f"https://news.example/{source.lower()}/{seed}/{i}", source=source,
                   published=Published(pub, "day", "given"))
    return Record(doc, out_actors, tuple(quotes), tuple(times), tuple(events))


def synthetic_records(n: int, *, seed: int = 0) -> Iterator[Record]:
    """Yield ``n`` synthetic records.

    >>> [r.document.id for r in synthetic_records(2)]
    ['syn-0-0', 'syn-0-1']
    """
    for i in range(n):
        yield synthetic_record(i, seed=seed)


def story(doc_id: str, lead: str, *, source: str | None = "AP", published: str = "2025-02-12",
          date: tuple[str, str] = ("2014-02", "month"), place: str | None = "Crimea", speaker: str = "Pete Hegseth",
          alias: str = "Hegseth", category: str = "COERCE") -> Record:
    """A small hand-built record: ``speaker`` quoted once, Russia doing ``category`` to Ukraine
    on ``date`` (a background event), for tests of merging and clustering.

    >>> story("d1", "KYIV —").document.text
    "KYIV — Pete Hegseth said that talks would start soon. Hegseth recalled that Russia seized Ukraine's peninsula."
    """
    b = TextBuilder()
    b.add(lead + " ")
    s_name = b.add(speaker)
    cue = b.add(" said")
    cue = (cue[0] + 1, cue[1])
    b.add(" that ")
    content = b.add("talks would start soon")
    b.add(". ")
    s_alias = b.add(alias)
    b.add(" recalled that ")
    sent_start = b.length
    rus = b.add("Russia")
    b.add(" ")
    trig = b.add("seized")
    b.add(" ")
    ukr = b.add("Ukraine")
    b.add("'s peninsula.")
    text = b.text
    actors = (
        Actor("A1", speaker, "PERSON", "USA", "GOV",
              mentions=(Mention(s_name, speaker, "name"), Mention(s_alias, alias, "alias"))),
        Actor("A2", "Russia", "COUNTRY", "RUS", mentions=(Mention(rus, "Russia", "name"),)),
        Actor("A3", "Ukraine", "COUNTRY", "UKR", mentions=(Mention(ukr, "Ukraine", "name"),)),
    )
    quotes = (Quote("Q1", "indirect", (TextSpan(text[slice(*content)], content),), speaker="A1",
                    speaker_span=s_name, cue=TextSpan("said", cue), confidence=0.9),)
    events = (Event("E1", category, TextSpan("seized", trig), (sent_start, len(text)), source=("A2",),
                    target=("A3",), date=EventDate(date[0], date[1]), background=True,
                    location=Location(place, None, "UKR") if place else None, confidence=0.8),)
    doc = Document(doc_id, text, title=lead, source=source, published=Published(published, "day", "given"))
    return Record(doc, actors, quotes, (), events)
