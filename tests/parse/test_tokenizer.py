"""The loaded pipeline splits double quote marks that lost their spaces (common in text taken
from web pages), and leaves apostrophes, inch marks and hyphenated words alone."""
import pytest


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("The mayor said,“We will rebuild.”", ["said", ",", "“", "We"]),
        ('The mayor said:"We will rebuild."', ["said", ":", '"', "We"]),
        ("It was a “truce”,she wrote.", ["truce", "”", ",", "she"]),
        ("Residents answered—“never.”", ["answered", "—", "“", "never"]),
        ("“The levee held,”Hale said.", ["held", ",", "”", "Hale"]),
        ("“Not yet!”the clerk replied.", ["yet", "!", "”", "the"]),
    ],
)
def test_quote_marks_without_spaces_are_their_own_tokens(nlp, text, pieces):
    words = [t.text for t in nlp.tokenizer(text)]
    assert any(words[i:i + len(pieces)] == pieces for i in range(len(words)))


@pytest.mark.parametrize("text", ["The guard is 6'2\" tall.", "The Kyiv-based group's plan", "It's rock'n'roll."])
def test_apostrophes_inches_and_hyphens_unchanged(nlp, text):
    from spacy.lang.en import English

    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in English().tokenizer(text)]


def test_quote_after_comma_without_space_is_found():
    import dateline

    record = dateline.analyze("The harbour master said,“The port reopens on Monday.”\n", published="2024-05-02")
    assert [[c.text for c in q.content] for q in record.quotes] == [["The port reopens on Monday."]]


def test_closing_mark_glued_to_the_speaker_keeps_the_cue():
    import dateline

    record = dateline.analyze("“The levee held through the night,”Hale said on Sunday.\n", published="2024-05-02")
    assert [([c.text for c in q.content], q.cue.text if q.cue else None) for q in record.quotes] == [
        (["The levee held through the night,"], "said")]
