"""extract_times: date expressions found and resolved against the publication date.

All sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.pipeline import build_pipeline
from extractors.temporal import extract_times, time_spans

FRIDAY = dt.date(2022, 9, 23)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def times(nlp, text: str, published: dt.date | None = FRIDAY) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.granularity) for t in extract_times(nlp(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister resigned on Wednesday.", [("on Wednesday", "2022-09-21", "day")]),
        ("The minister resigned on Friday.", [("on Friday", "2022-09-23", "day")]),  # publication day itself
        ("The council met on Saturday.", [("on Saturday", "2022-09-17", "day")]),
        ("The mayor said Monday that the shelter was full.", [("Monday", "2022-09-19", "day")]),
        ("last Friday", [("last Friday", "2022-09-16", "day")]),
        ("next Monday", [("next Monday", "2022-09-26", "day")]),
        ("Traffic doubled last week.", [("last week", "2022-09-12/2022-09-18", "interval")]),
        ("Arrivals fell last month.", [("last month", "2022-08", "month")]),
        ("Arrivals fell earlier this month.", [("earlier this month", "2022-09", "month")]),
        ("Numbers rose last year.", [("last year", "2021", "year")]),
        ("The talks ended yesterday.", [("yesterday", "2022-09-22", "day")]),
        ("The fence was finished on February 24.", [("on February 24", "2022-02-24", "day")]),
        ("The law passed on 24 February 2022.", [("on 24 February 2022", "2022-02-24", "day")]),
        ("The camp opened in 2021.", [("in 2021", "2021", "year")]),
        ("They arrived in June last year.", [("in June last year", "2021-06", "month")]),
        ("The vote took place on Sept. 21.", [("on Sept. 21", "2022-09-21", "day")]),
        ("The file is dated 2022-09-21.", [("2022-09-21", "2022-09-21", "day")]),
        # a month after publication's month with no year is last year's
        ("The border closed in November.", [("in November", "2021-11", "month")]),
        ("The border closed on Dec. 3.", [("on Dec. 3", "2021-12-03", "day")]),
        ("The centre opened in May 2019.", [("in May 2019", "2019-05", "month")]),
        ("The plan dates from the summer of 2015.", [("the summer of 2015", "2015", "year")]),
        ("Two weeks ago the camp was empty.", [("Two weeks ago", "2022-09-05/2022-09-11", "interval")]),
        ("Three days ago the camp was empty.", [("Three days ago", "2022-09-20", "day")]),
        ("In the past three days, 500 people came.", [("In the past three days", "2022-09-20/2022-09-23", "interval")]),
        ("Visits rose between 2014 and 2016.", [("between 2014 and 2016", "2014-01-01/2016-12-31", "interval")]),
        ("On Friday, Sept. 23, 2022, the office closed.", [("On Friday, Sept. 23, 2022", "2022-09-23", "day")]),
    ],
)
def test_past_and_explicit_dates(nlp, text, expected):
    assert times(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president will announce the plan on Thursday.", [("on Thursday", "2022-09-29", "day")]),
        ("The president on Thursday will announce the plan.", [("on Thursday", "2022-09-29", "day")]),
        ("The referendum is due to be held on Tuesday.", [("on Tuesday", "2022-09-27", "day")]),
        ("The summit will take place in October.", [("in October", "2022-10", "month")]),
        ("The ministers will meet next week.", [("next week", "2022-09-26/2022-10-02", "interval")]),
        # past speech verb right before the weekday: the clause that follows does not make it future
        ("He announced on Wednesday that men will be called up.", [("on Wednesday", "2022-09-21", "day")]),
    ],
)
def test_future_clauses_resolve_forward(nlp, text, expected):
    assert times(nlp, text) == expected


def test_without_publication_date_relative_values_are_none(nlp):
    found = times(nlp, "He left on Friday, came back last week and again on 3 March 2020.", None)
    assert found == [("on Friday", None, "day"), ("last week", None, "interval"),
                     ("on 3 March 2020", "2020-03-03", "day")]


def test_datetime_and_iso_string_publication_are_accepted(nlp):
    assert times(nlp, "It happened yesterday.", dt.datetime(2022, 9, 23, 14, 0)) == [
        ("yesterday", "2022-09-22", "day")]
    assert times(nlp, "It happened yesterday.", "2022-09-23") == [("yesterday", "2022-09-22", "day")]
    assert times(nlp, "It happened yesterday.", "not a date") == [("yesterday", None, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the plan was fair.",
        "Written by May and her advisers.",
        "Thousands march through the capital.",
        "The Mail on Sunday reported the story.",
        "The Sunday Times reported the story.",
        "The fund paid 2000 people and 2021 euros.",
        "Protesters gathered on Fridays for months.",
        "COVID-19 cases rose among 2,021 residents.",
        "Photo: USA TODAY Sports",
    ],
)
def test_no_false_times(nlp, text):
    assert times(nlp, text) == []


def test_offsets_point_at_the_text(nlp):
    text = "Officials said on Tuesday that 300 people crossed in March."
    doc = nlp(text)
    for t in extract_times(doc, FRIDAY):
        assert text[t.start:t.end] == t.text
    assert time_spans(text) == [(15, 25), (50, 58)]


@pytest.mark.parametrize("text", [
    "It happened on 2022-09-23, on Friday, Sept. 23, 2022 and on the 24th of February 2022.",
    "Early June of 2021, in June last year, last March, since March, in the spring of 2015, since 2014.",
    "Between 2014 and 2016, next Monday morning, the day before YESTERDAY, Tonight, Last Week, later this year.",
    "Three Days Ago, two weeks ago, in the past Three Months, over the last week, the previous year.",
])
def test_windows_skipped_by_hints_hold_no_match(text):
    """A pattern is only run in the windows where its hint occurs: running it everywhere finds nothing more."""
    from extractors import temporal

    kinds_found = {kind for _, _, kind, _ in temporal._matches(text)}
    assert kinds_found  # the examples do contain dates
    for (kind, pattern), windows in zip(temporal._PATTERNS, temporal._candidate_windows(text), strict=True):
        for a, b in temporal._windows(text):
            if (a, b) not in windows:
                assert not list(pattern.finditer(text, a, b)), (kind, text[a:b])


@pytest.mark.parametrize("text", [
    "Mayday: the Monthly report came out yesterYear, TODAY and today's 1999-2000 figures, 12 days ago.",
    "On Sunday, a weekday in the Decade, Tue. and Thursday; Tomorrowland, agoraphobia, 3rd, 45th, Jan.5, x9, ab12.",
    "daysago, weekend, year-end, months, DAYS AGO, 2 weeks ago", "İstanbul today", "Kelvin \u212aago ago", "",
    "no anchor at all here",
])
def test_anchor_spans_equal_a_scan_of_every_position(text):
    """The anchors tried only where one can start are exactly those a scan of every position finds."""
    from extractors.temporal import _ANCHOR_RE, _anchor_spans

    assert _anchor_spans(text) == [m.span() for m in _ANCHOR_RE.finditer(text)]


@pytest.mark.parametrize("text", [
    "", "7", "In 2019, 12,000 people and 3.5 million; 45th", "abc٣4 and ١٢ with 9", "full-width ３ and 12",
    "curly ’90s and 2000s — 1 2 33", "\U000104a0\U000104a1 and 5", "\ud800 lone surrogate 42", "no digit",
])
def test_digit_run_starts_equal_the_digit_pattern(text):
    """The runs found with ``str.find`` per digit 0-9 (or the pattern, when other digits may occur) are the
    pattern's matches."""
    from extractors import temporal

    temporal._DIGIT_RUNS[0] = None
    assert temporal.digit_run_starts(text) == [m.start() for m in temporal._ANCHOR_DIGIT_RE.finditer(text)]


def test_non_ascii_digit_leads_are_those_of_every_other_decimal_digit():
    """Every decimal digit other than 0-9 (what else ``\\d`` matches) starts with one of the listed UTF-8 bytes."""
    from extractors.temporal import _NON_ASCII_DIGIT_LEADS

    leads = {chr(c).encode("utf-8")[:1] for c in range(128, 0x110000) if chr(c).isdecimal()}
    assert leads == set(_NON_ASCII_DIGIT_LEADS)


@pytest.mark.parametrize("before", [
    "He said ", "it was reported  \n", "ſaid ", "SAID\t", "said", "said, ", "worked\t", "x_ed ", "  ", "", "they wed ",
    "Ed ", "re-elected ", "1ed ", "naïvely acted ", "the said-ed ", "(confirmed) ",
])
def test_past_verb_before_agrees_with_the_pattern(before):
    from extractors.temporal import _PAST_VERB_BEFORE, _past_verb_before

    assert _past_verb_before(before) == bool(_PAST_VERB_BEFORE.search(before))


def test_resolution_is_cached_by_groups(nlp):
    """_resolve_groups reads only a match's groups: the same expressions in two documents of the same day agree, and
    a cached value is not handed to another day."""
    first = times(nlp, "They met on Friday and last week.")
    second = times(nlp, "Talks ended on Friday, as last week.")
    assert [t[1] for t in first] == [t[1] for t in second] == ["2022-09-23", "2022-09-12/2022-09-18"]
    assert [t[1] for t in times(nlp, "They met on Friday.", FRIDAY + dt.timedelta(days=1))] == ["2022-09-23"]
    assert [t[1] for t in times(nlp, "They met on Friday.", FRIDAY + dt.timedelta(days=7))] == ["2022-09-30"]
