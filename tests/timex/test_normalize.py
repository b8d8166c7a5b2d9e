"""TIMEX3 extraction and normalisation on written sentences (TimeML / TempEval-3 values)."""
from __future__ import annotations

import pytest

from dateline.record import Published
from dateline.timex import find_times

DCT = Published("2013-03-22", "day", "given")  # a Friday


def _times(nlp, text, published=DCT, **kw):
    return [(t.text, t.type, t.value, t.mod) for t in find_times(nlp(text), published=published, **kw).times]


@pytest.mark.parametrize("text, expected", [
    ("The deal was signed on March 18, 2013.", [("March 18, 2013", "DATE", "2013-03-18", None)]),
    ("The company was founded in February 2014.", [("February 2014", "DATE", "2014-02", None)]),
    ("Prices rose in early 2014.", [("early 2014", "DATE", "2014", "START")]),
    ("The protests began in late 2013.", [("late 2013", "DATE", "2013", "END")]),
    ("Output peaked in mid-2011.", [("mid-2011", "DATE", "2011", "MID")]),
    ("Six deaths were reported last week.", [("last week", "DATE", "2013-W11", None)]),
    ("The minister resigned on Tuesday.", [("Tuesday", "DATE", "2013-03-19", None)]),
    ("The minister will resign on Tuesday.", [("Tuesday", "DATE", "2013-03-26", None)]),
    ("The factory closed two years ago.", [("two years ago", "DATE", "2011", None)]),
    ("Sales fell last year.", [("last year", "DATE", "2012", None)]),
    ("Sales rose earlier this year.", [("earlier this year", "DATE", "2013", None)]),
    ("Music changed in the 1990s.", [("the 1990s", "DATE", "199", None)]),
    ("He served for three years.", [("three years", "DURATION", "P3Y", None)]),
    ("The talks lasted for days.", [("days", "DURATION", "PXD", None)]),
    ("They trained every morning.", [("every morning", "SET", "XXXX-XX-XXTMO", None)]),
    ("The report is published weekly.", [("weekly", "SET", "P1W", None)]),
    ("The firm expects growth in the first quarter.", [("the first quarter", "DATE", "2013-Q1", None)]),
    ("The festival is held in the summer of 2012.", [("the summer of 2012", "DATE", "2012-SU", None)]),
    ("The shop opens at 10:30 a.m. on Monday.", [("10:30 a.m. on Monday", "TIME", "2013-03-25T10:30", None)]),
    ("The shop opened at 10:30 a.m. on Monday.", [("10:30 a.m. on Monday", "TIME", "2013-03-18T10:30", None)]),
    ("Fighting has continued since 2014.", [("since 2014", "DATE", "2014", "ON_OR_AFTER")]),
    ("The map shows pre-2014 borders.", [("pre-2014", "DATE", "2014", "BEFORE")]),
    ("The prices are now stable.", [("now", "DATE", "PRESENT_REF", None)]),
    ("The hearing lasted more than a decade.", [("more than a decade", "DURATION", "P10Y", "MORE_THAN")]),
    ("Trucks cost $40,000 a year to run.", [("a year", "SET", "P1Y", None)]),
    ("The results came out yesterday.", [("yesterday", "DATE", "2013-03-21", None)]),
    ("They met in the week 2013-03-04.", [("2013-03-04", "DATE", "2013-03-04", None)]),
])
def test_normalize_values(nlp, text, expected):
    assert _times(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "You may go now if you march quickly.",  # "may", "march" are verbs
    "The army has 2000 soldiers and 1500 tanks.",  # years as quantities
    "She said a second time that it was fine.",
    "The Russell 2000 Index of small companies fell.",  # a year in an index name
    "He spoke at the annual Global Energy Forum.",  # "annual" inside an event name
    "Ministers met at the same time that the bank cut rates.",  # a relation, not a time
    "She quoted the Yale Daily News as soon as she could.",  # a name; a conjunction
    "He golfed at Mar-a-Lago with friends.",  # a month abbreviation inside a name
    "A Late Surge Among Voters May Have Decided The Race.",  # "May" the modal in a headline
    "He writes for Washington Monthly.",  # a name
    'He anchors NBC\'s "Nightly News" on cable.',  # a name
    "The poll of 2047 registered voters was unchanged from the past two polls.",  # a count; a modifier
    "In response to USA TODAY, they debated the future course of the party.",  # a name; a modifier
])
def test_normalize_rejects(nlp, text):
    assert [t for t in _times(nlp, text) if t[2] not in ("PRESENT_REF",)] == []


def test_normalize_timeml_extent_drops_signal(nlp):
    assert _times(nlp, "Prices have risen since 2014.", timeml=True) == [("2014", "DATE", "2014", None)]


def test_normalize_narrative_reference(nlp):
    text = ("The war began in March 2003. Three days later, troops reached the city.\n"
            "Talks resumed last week.")
    r = find_times(nlp(text), published=DCT)
    got = {t.text: (t.value, t.anchor) for t in r.times}
    first = next(t for t in r.times if t.text == "March 2003")
    assert got["Three days later"] == ("2003-03", first.id)  # month granularity of its reference
    assert got["last week"] == ("2013-W11", "DCT")


def test_normalize_paragraph_year_for_month_day(nlp):
    r = find_times(nlp("In 2009, the bank failed. On March 3, regulators seized it."), published=DCT)
    assert [(t.text, t.value) for t in r.times] == [("2009", "2009"), ("March 3", "2009-03-03")]


def test_normalize_without_any_date(nlp):
    r = find_times(nlp("The minister spoke on Tuesday about the summit."), published=None)
    assert r.published is None
    assert [(t.text, t.value) for t in r.times] == [("Tuesday", "XXXX-WXX-2")]


@pytest.mark.parametrize("text, expected", [
    ("The vote took half an hour.", [("half an hour", "DURATION", "PT30M", None)]),
    ("Sales rose in the last week of March 2009.", [("the last week of March 2009", "DATE", "2009-W13", None)]),
    ("The fire started in the morning.", [("the morning", "TIME", "2013-03-22TMO", None)]),
    ("Prices fell late last year.", [("late last year", "DATE", "2012", "END")]),
    ("Output grew in the first half of the year.", [("the first half of the year", "DATE", "2013-H1", None)]),
    ("A hearing has been scheduled for April 3.", [("April 3", "DATE", "2013-04-03", None)]),
    ("Markets stay closed until Monday.", [("Monday", "DATE", "2013-03-25", None)]),
    ("Stocks rose on Monday, but they fell later in the day.",
     [("Monday", "DATE", "2013-03-18", None), ("later in the day", "DATE", "2013-03-18", None)]),
    ("The museum is closed on Mondays.", [("Mondays", "SET", "XXXX-WXX-1", None)]),
])
def test_normalize_more_values(nlp, text, expected):
    assert _times(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The index recovered late in the day.", [("late in the day", "DATE", "2013-03-22", "END")]),
    ("Leaders met at 16:15 UTC, March 4, to sign the pact.",
     [("16:15 UTC", "TIME", "2013-03-04T16:15Z", None), ("March 4", "DATE", "2013-03-04", None)]),
    ("Dealers whose contracts end after October of next year will be paid.",
     [("October", "DATE", "2014-10", None), ("next year", "DATE", "2014", None)]),
    ("Exports rose in January compared to the same month a year ago.",
     [("January", "DATE", "2013-01", None), ("the same month a year ago", "DATE", "2012-01", None)]),
    ("Profit doubled in the second quarter from the same period last year.",
     [("the second quarter", "DATE", "2012-Q2", None), ("the same period last year", "DATE", "2011-Q2", None)]),
    ("Revenue reached $9 billion last year, more than the year previous.",
     [("last year", "DATE", "2012", None), ("the year previous", "DATE", "2011", None)]),
    ("Banks blamed the recent slump on the current crisis in housing.",
     [("recent", "DATE", "PAST_REF", None), ("current", "DATE", "PRESENT_REF", None)]),
    ("The current account deficit grew as its most recent model sold poorly.", []),
    ("Cars of the 70s and 80s were boxy, said the driver, who is in his 60s.",
     [("the 70s", "DATE", "197", None), ("80s", "DATE", "198", None)]),
    ("The review will take between 60 and 90 days.",
     [("60", "DURATION", "P60D", None), ("90 days", "DURATION", "P90D", None)]),
    ("The shares lost 5% in just minutes.", [("minutes", "DURATION", "PTXM", None)]),
    ("The three-day visit ends on Friday.",
     [("three-day", "DURATION", "P3D", None), ("Friday", "DATE", "2013-03-22", None)]),
    ("The storm hit on the morning of March 3.", [("the morning of March 3", "TIME", "2013-03-03TMO", None)]),
    ("Prices will stay high in the months ahead.", [("the months ahead", "DURATION", "PXM", None)]),
    ("Shares rose on Wednesday. A report said jobs fell in February. The index ended the day higher.",
     [("Wednesday", "DATE", "2013-03-20", None), ("February", "DATE", "2013-02", None),
      ("the day", "DATE", "2013-03-20", None)]),
    ("The train left at 14:45 and the vote came hours after the crash.",
     [("14:45", "TIME", "2013-03-22T14:45", None), ("hours", "DURATION", "PTXH", None)]),
    ("The show ran from Nov. 20 to Jan. 5.",
     [("Nov. 20", "DATE", "2012-11-20", None), ("Jan. 5", "DATE", "2013-01-05", None)]),
    ("A ruling is expected by mid-April.", [("mid-April", "DATE", "2013-04", "MID")]),
    ("Music of the nineties returned, at the moment.", [("the nineties", "DATE", "199", None),
                                                         ("the moment", "DATE", "PRESENT_REF", None)]),
    ("Shares fell in after-hours trading, though the board meets on a semiannual basis.",
     [("semiannual", "SET", "P6M", None)]),
    ("Until last week, he was silent.", [("last week", "DATE", "2013-W11", None)]),
    ("The show was booked a year and a half ahead.", [("a year and a half", "DURATION", "P1.5Y", None)]),
    ("The firm posted its first annual loss at the annual meeting.",
     [("annual", "DURATION", "P1Y", None), ("annual", "SET", "P1Y", None)]),
    ("Jackson won Vermont in the '80s. He left his job in November.",
     [("the '80s", "DATE", "198", None), ("November", "DATE", "2012-11", None)]),
    ("Axelrod ran his 2008 and 2012 campaigns, as in the ’90s.",
     [("2008", "DATE", "2008", None), ("2012", "DATE", "2012", None), ("the ’90s", "DATE", "199", None)]),
    ("The law passed in 2010. Since then, costs have risen.",
     [("2010", "DATE", "2010", None), ("then", "DATE", "2010", None)]),
    ("The war began in March 2003. In April, troops entered the city, and on May 1 the president spoke.",
     [("March 2003", "DATE", "2003-03", None), ("April", "DATE", "2003-04", None), ("May 1", "DATE", "2003-05-01", None)]),
    ("In the summer of 2012, he resigned. That fall, he ran for office.",
     [("the summer of 2012", "DATE", "2012-SU", None), ("That fall", "DATE", "2012-FA", None)]),
    ("Late in the year, prices fell.", [("Late in the year", "DATE", "2013", "END")]),
    ("The talks resume next month and end in late April.",
     [("next month", "DATE", "2013-04", None), ("late April", "DATE", "2013-04", "END")]),
    ("Sales fell in the last week of 2016 and rose on July 4th of 1995.",
     [("the last week of 2016", "DATE", "2016-W52", None), ("July 4th of 1995", "DATE", "1995-07-04", None)]),
    ("He visits every other day.", [("every other day", "SET", "P2D", None)]),
    ("Cruz swept the state this past weekend.", [("this past weekend", "DATE", "2013-W11-WE", None)]),
    ("Merkel spoke after the day-long meeting and a year-long inquiry.",
     [("day-long", "DURATION", "P1D", None), ("year-long", "DURATION", "P1Y", None)]),
    ("Pneumonia forced her to leave a Sept. 11 memorial event early.", [("Sept. 11", "DATE", "2012-09-11", None)]),
    ("The vote will be held on Sept. 11, years after the Sept. 11 attacks.",
     [("Sept. 11", "DATE", "2013-09-11", None), ("years", "DURATION", "PXY", None),
      ("Sept. 11", "DATE", "2001-09-11", None)]),
    ("Profit rose in the third quarter from the year-earlier quarter.",
     [("the third quarter", "DATE", "2012-Q3", None), ("the year-earlier quarter", "DATE", "2011-Q3", None)]),
])
def test_normalize_timeml_followup(nlp, text, expected):
    assert _times(nlp, text, timeml=True) == expected
