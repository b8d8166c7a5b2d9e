"""Quote-mark pairing: curly/straight/single/guillemets/dash, continuation, scare quotes, never raises."""
from __future__ import annotations

import pytest

from dateline.quotes.marks import find_quoted_spans, shadow_text


def _parts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in find_quoted_spans(text) if not q.embedded]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cWe will win,\u201d she said.", [["We will win,"]]),
        ('He said, "Go home now." Then he left.', [["Go home now."]]),
        ("She wrote: \u2018It is over for us.\u2019", [["It is over for us."]]),
        ("\u00abNous gagnerons la guerre\u00bb, a-t-il dit.", [["Nous gagnerons la guerre"]]),
        ("''It is embarrassing,'' said the analyst.", [["It is embarrassing,"]]),
        ("\u2014 We will hold the line, \u2014 said the commander.", [["We will hold the line,"]]),
    ],
)
def test_marks_pairs_quote_styles(text, expected):
    assert _parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The so-called \u201cpeace plan\u201d was rejected.",
        'The senator, known as "the Hammer," voted no.',
        "Ukraine\u2019s borders have moved since the \u201990s.",
        "They don't know what 'it' means.",
    ],
)
def test_marks_scare_quotes_nicknames_and_apostrophes_are_not_quotes(text):
    assert _parts(text) == []


def test_marks_multi_paragraph_quote_is_one_span():
    text = "\u201cThe first paragraph runs on.\n\u201cThe second one ends here,\u201d the minister said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert [text[s:e] for s, e in spans[0].parts] == ["The first paragraph runs on.", "The second one ends here,"]
    assert spans[0].closed


def test_marks_unclosed_quote_closes_at_paragraph_end():
    text = "\u201cThis quote never closes\nA new paragraph without a mark."
    (span,) = find_quoted_spans(text)
    assert not span.closed
    assert text[span.parts[0][0]:span.parts[0][1]] == "This quote never closes"


@pytest.mark.parametrize("text", ["", '"', '""""', "\u201d\u201c", "'''", "\u2014", "\n\n\u201c\n\u201c\n", "``''``"])
def test_marks_never_raise_on_degenerate_input(text):
    for q in find_quoted_spans(text):
        for s, e in q.parts:
            assert 0 <= s < e <= len(text)


def test_marks_shadow_text_keeps_length():
    text = "``Yes,'' he said."
    assert len(shadow_text(text)) == len(text)


def test_marks_no_break_space_before_a_following_quote_is_not_embedded():
    from dateline.quotes.marks import find_quoted_spans

    text = '"They lost," he said.\u00a0"Everybody loses."'
    spans = find_quoted_spans(text)
    assert len(spans) == 2 and not spans[1].embedded


def test_marks_fragment_left_open_does_not_run_into_the_next_paragraph():
    from dateline.quotes.marks import find_quoted_spans

    text = 'Lind said the idea is \u201cvery hard to defend.\n\n\u201cWe vote on bills,\u201d Lind said.'
    spans = find_quoted_spans(text)
    assert [len(q.parts) for q in spans] == [1, 1]
    assert text[slice(*spans[1].parts[0])] == "We vote on bills,"
