"""Person clustering: a lone surname and the full names around it (sentences written for these tests)."""


def test_surname_under_another_title_is_another_person(nlp):
    from dateline.pipeline import analyze
    text = ("AMMAN, Jordan (AP) — King Hussein met Iraqi President Saddam Hussein in Baghdad on Tuesday.\n"
            "The king later told reporters that the talks had gone well.")
    names = {a.name: [m.text for m in a.mentions] for a in analyze(text, published="1995-03-01").actors}
    saddam = next(n for n in names if "Saddam" in n)
    king = next(n for n in names if n != saddam and "Hussein" in n)
    assert "The king" in names[king] and "The king" not in names[saddam]
