"""The time stage on the seed article: required times, inferred publication date, anchoring."""
from __future__ import annotations

import pytest

from dateline.record import Published
from dateline.timex import anchor_event, find_times

GIVEN = Published("2025-02-12", "day", "given")


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


@pytest.fixture(scope="module")
def seed_times(seed_doc):
    return find_times(seed_doc, published=None)


def test_api_seed_published_inferred(seed_times):
    p = seed_times.published
    assert (p.value, p.precision, p.how) == ("2025-02-12", "day", "inferred")
    assert p.evidence and all(seed_times.times or True for _ in p.evidence)
    assert 0 < p.confidence <= 1


def _occurrence(times, text, k):
    found = [t for t in times if t.text == text]
    return found[k - 1] if len(found) >= k else None


def test_api_seed_required_times(seed_gold, seed_times):
    for want in seed_gold["times"]:
        got = _occurrence(seed_times.times, want["text"], want["occurrence"])
        assert got is not None, want["text"]
        assert (got.type, got.value, got.mod) == (want["type"], want["value"], want["mod"]), want["text"]


def test_api_seed_spans_match_text(seed_text, seed_times):
    for t in seed_times.times:
        assert seed_text[t.span[0]:t.span[1]] == t.text
        assert t.id.startswith("T")


@pytest.mark.parametrize("trigger, occurrence, value, from_kind", [
    ("Meeting", 1, "2025-02-12", "time"),
    ("warned", 1, "2025-02-12", "time"),
    ("seized", 1, "2014-02", "time"),
    ("entered", 1, "2022-02", "time"),
    ("rejecting", 1, "2013", "time"),
    ("street demonstrations", 1, "2013", "time"),
    ("sought", 1, "2014-02", "inherited"),
    ("pushed back", 1, "2025-02-12", "dct"),
    ("opposed", 1, None, None),
])
def test_api_seed_anchor_event(seed_text, seed_doc, seed_times, trigger, occurrence, value, from_kind):
    start = -1
    for _ in range(occurrence):
        start = seed_text.index(trigger, start + 1)
    got = anchor_event(seed_doc, start, start + len(trigger), times=seed_times)
    assert got.value == value
    if from_kind == "time":
        assert got.from_ in {t.id for t in seed_times.times}
    else:
        assert got.from_ == from_kind


def test_api_anchor_precision_and_interval(seed_text, seed_doc, seed_times):
    start = seed_text.index("rejecting")
    got = anchor_event(seed_doc, start, start + 9, times=seed_times)
    assert got.precision == "year"
    assert (got.interval.start, got.interval.end) == ("2013-09-01", "2014-01-01")


def test_api_given_date_is_kept(nlp):
    r = find_times(nlp("The minister resigned on Tuesday."), published=GIVEN)
    assert r.published is GIVEN
    assert [(t.text, t.value, t.anchor) for t in r.times] == [("Tuesday", "2025-02-11", "DCT")]


@pytest.mark.parametrize("text, trigger, value, from_kind", [
    # a time attached to the trigger in the parse
    ("The rebels captured the town in June 2015 and held it for a year.", "captured", "2015-06", "time"),
    # a `when` clause on the time
    ("Prices have fallen since March 2020, when the factories closed.", "closed", "2020-03", "time"),
    # a sentence-initial time scopes the sentence
    ("On March 3, 2019, the police arrested two men and seized their cars.", "seized", "2019-03-03", "time"),
    # inherited from the paragraph's narrative time
    ("The army entered the city in May 2016. Soldiers looted the shops.", "looted", "2016-05", "inherited"),
    # present news: the document date
    ("The government announced new sanctions against the regime.", "announced", "2025-02-12", "dct"),
    # pluperfect background without a time: unknown
    ("The minister had opposed the plan.", "opposed", None, None),
])
def test_api_anchor_rules(nlp, text, trigger, value, from_kind):
    doc = nlp(text)
    times = find_times(doc, published=GIVEN)
    start = text.index(trigger)
    got = anchor_event(doc, start, start + len(trigger), times=times)
    assert got.value == value
    if from_kind == "time":
        assert got.from_ in {t.id for t in times.times}
    else:
        assert got.from_ == from_kind


@pytest.mark.parametrize("text, value, precision", [
    ("Sales fell last year, in 2023, and rose on Tuesday.", "2024", "year"),
    ("This year, 2024, the budget grew. On March 3, the minister resigned.", "2024-03-03", "day"),
    ("Filed\nMarch 1, 2008\nThe company defeated its rival for the contract.", "2008-03-01", "day"),
    ("On Monday, March 3, talks began. Sales fell in 2013.", "2014-03-03", "day"),
    ("BERLIN — The talks failed on Monday.", None, None),  # no year evidence: no guess
    ("Sales fell in 2012, the firm said on Tuesday.", None, None),  # a past year alone is a bound
])
def test_api_publication_date_inference(nlp, text, value, precision):
    p = find_times(nlp(text), published=None).published
    assert (p.value if p else None, p.precision if p else None) == (value, precision)
    if p:
        assert p.how == "inferred" and p.evidence
        assert all(text[e.span[0]:e.span[1]] == e.text for e in p.evidence)
