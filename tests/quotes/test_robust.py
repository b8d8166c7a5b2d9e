"""Hypothesis: any string (random quote marks, unbalanced, nested, empty paragraphs) gives a
valid record with in-bounds spans, and quote extraction never raises."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.actors import ActorIndex
from dateline.quotes import find_quotes
from dateline.quotes.find import find_candidates
from dateline.quotes.marks import find_quoted_spans

MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2015", "''", "``", ":", ","]
WORDS = ["he", "said", "that", "the", "minister", "warned", "Hill", "told", "reporters", "according", "to",
         "we", "will", "win", ".", "\n", "\n\n", " ", "  "]
pieces = st.lists(st.sampled_from(MARKS + WORDS), max_size=60).map(" ".join)
anything = st.one_of(pieces, st.text(max_size=200))


@given(anything)
@settings(max_examples=200, deadline=None)
def test_marks_any_string_in_bounds(text):
    for q in find_quoted_spans(text):
        assert 0 <= q.outer[0] <= q.outer[1] <= len(text)
        for s, e in q.parts:
            assert q.outer[0] <= s < e <= q.outer[1]


@given(pieces)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_find_quotes_any_string_valid_spans(nlp, text):
    doc = nlp(text)
    find_candidates(doc, broad=True)  # find_quotes swallows errors by design; the finders must not raise
    for q in find_quotes(doc, actors=ActorIndex(), broad=True):
        assert q.content
        for part in q.content:
            assert 0 <= part.span[0] < part.span[1] <= len(text)
            assert text[part.span[0]:part.span[1]] == part.text
        if q.cue is not None:
            assert text[q.cue.span[0]:q.cue.span[1]] == q.cue.text
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(text)


@given(st.lists(st.sampled_from(MARKS + WORDS[:14]), min_size=1, max_size=40).map(" ".join))
@settings(max_examples=15, deadline=None)
def test_pipeline_record_valid_for_any_quote_soup(text):
    from dateline import analyze
    from dateline.errors import InputError
    from dateline.record import check_record

    try:
        record = analyze("The minister said the talks went well.\n" + text)
    except InputError:
        return
    check_record(record.to_json())
