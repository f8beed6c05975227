"""extract_quantities: numbers normalised to value, unit, qualifier, counted noun and change flag.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities, unit_symbol


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def quantities(nlp, text: str) -> list[tuple]:
    return [(q.text, q.value, q.unit, q.qualifier, q.counted, q.is_change) for q in extract_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The line of lorries was 10 kilometers (6 miles) long.",
         [("10 kilometers (6 miles)", 10.0, "km", None, None, False)]),
        ("The tailback reached 186 kilometres (115 miles) on Sunday.",
         [("186 kilometres (115 miles)", 186.0, "km", None, None, False)]),
        ("The camp is half a kilometer from the river.", [("half a kilometer", 0.5, "km", None, None, False)]),
        ("The walk is 40 miles.", [("40 miles", 40.0, "mi", None, None, False)]),
        ("The army will draft 300,000 reservists.",
         [("300,000 reservists", 300000.0, "person", None, "reservists", False)]),
        ("More than 2 million people have left the region.",
         [("More than 2 million people", 2e6, "person", "more than", "people", False)]),
        ("The state will take up to 100,000 Ukrainian refugees.",
         [("up to 100,000 Ukrainian refugees", 1e5, "person", "up to", "ukrainian refugees", False)]),
        ("About 2.5 million Syrians live abroad.",
         [("About 2.5 million Syrians", 2.5e6, "person", "about", "syrians", False)]),
        ("The tally reached 107% of the quota.", [("107% of the quota", 107.0, "percent", None, "quota", False)]),
        ("Turnout was 64 percent.", [("64 percent", 64.0, "percent", None, None, False)]),
        ("Officials saw a 107% increase in crossings.", [("a 107% increase", 107.0, "percent", None, None, True)]),
        ("Applications rose by 30 per cent.", [("30 per cent", 30.0, "percent", None, None, True)]),
        ("Arrivals were down 12% in May.", [("12%", 12.0, "percent", None, None, True)]),
        ("The fund pledged $1 billion in aid.", [("$1 billion", 1e9, "USD", None, None, False)]),
        ("The council gave £2m and 3 billion euros.",
         [("£2m", 2e6, "GBP", None, None, False), ("3 billion euros", 3e9, "EUR", None, None, False)]),
        ("The island lost 15% of its population.",
         [("15% of its population", 15.0, "percent", None, "population", False)]),
        ("Two boats capsized and a dozen people drowned.",
         [("Two boats", 2.0, None, None, "boats", False), ("a dozen people", 12.0, "person", None, "people", False)]),
        ("Thousands of people marched and tens of thousands of migrants waited.",
         [("Thousands of people", 1000.0, "person", "several", "people", False),
          ("tens of thousands of migrants", 10000.0, "person", "several", "migrants", False)]),
        ("Some 5,000 cars and 300 trucks were stuck.",
         [("Some 5,000 cars", 5000.0, None, "some", "cars", False),
          ("300 trucks", 300.0, None, None, "trucks", False)]),
        ("Drivers waited for 30 hours.", [("30 hours", 30.0, "hour", None, None, False)]),
        ("Several hundred people waited.",
         [("Several hundred people", 100.0, "person", "several", "people", False)]),
        ("The talk lasted nearly 13 minutes.", [("nearly 13 minutes", 13.0, "minute", "nearly", None, False)]),
        ("Seizures doubled.", [("doubled", 2.0, "times", None, None, True)]),
        ("Arrivals TRIPLED in a year.", [("TRIPLED", 3.0, "times", None, None, True)]),
        ("Applications rose three-fold.", [("three-fold", 3.0, "times", None, None, True)]),
        ("Costs Quadrupled.", [("Quadrupled", 4.0, "times", None, None, True)]),
        ("The office counted 12,400 in total.", [("12,400", 12400.0, None, None, None, False)]),
        ("Over 4.1 million people left.", [("Over 4.1 million people", 4100000.0, "person", "over", "people", False)]),
    ],
)
def test_quantity_forms(nlp, text, expected):
    assert quantities(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg, 34, said a 34-year-old man was aged 40.",  # ages belong to entities
        "In 2021 and on February 24, 2022 the office reopened.",  # years and dates
        "COVID-19 hit the G7 states under Article 5 at 10:30 a.m.",  # codes, labels, clock times
        "One of the senators said no one came.",
        "She finished 21st and the match ended 5-3.",
        "The team scored 3.",  # a bare small number is no amount
        "It recalled the 2015 migrant crisis.",  # a year before a singular noun
        "Refugee 4 Refugees is a charity.",  # a name
    ],
)
def test_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


def test_offsets_point_at_the_text(nlp):
    text = "Officials said more than 2 million people crossed, a 20% rise, and $5 million was spent."
    for q in extract_quantities(nlp(text)):
        assert text[q.start:q.end] == q.text


def test_unit_symbols_come_from_pint():
    assert unit_symbol("kilometres") == "km"
    assert unit_symbol("miles") == "mi"
    assert unit_symbol("square kilometers") == "km ** 2"
    assert unit_symbol("days") == "day"
    assert unit_symbol("blorps") is None


@pytest.mark.parametrize("text", [
    "Some Twenty-Five thousand people, a HUNDRED cars, half a dozen boats and Tens of thousands of refugees.",
    "İstanbul took in ſix hundred and sıxty people; Eleven more came.",  # characters that fold unlike they lower
])
def test_word_anchors_on_lower_cased_text_match_the_case_insensitive_scan(text):
    from extractors import quantities

    expected = [m.start() for m in quantities._WORD_ANCHOR_RE.finditer(text)]
    assert expected
    assert quantities._word_anchors(text, text.lower()) == expected


def test_known_unit_symbols_are_those_pint_gives():
    """The table spares each process pint's registry; it must say exactly what pint says."""
    from extractors.quantities import _UNIT_RE, PINT_SYMBOLS, pint_symbol

    for word, symbol in PINT_SYMBOLS.items():
        assert _UNIT_RE.match(" " + word).group("u") == word  # a word the unit pattern can match
        assert pint_symbol(word) == symbol, word


def test_vague_multiples_of_scales_are_one_quantity(nlp):
    found = extract_quantities(nlp("The camps cost hundreds of millions of dollars, and tens of billions more."))
    assert [(q.value, q.unit, q.qualifier) for q in found][:1] == [(1e8, "USD", "several")]
    found = extract_quantities(nlp("Hundreds of millions of people watched."))
    assert [(q.value, q.unit, q.counted) for q in found] == [(1e8, "person", "people")]


def test_a_vague_multiple_of_nothing_is_no_quantity(nlp):
    assert extract_quantities(nlp("Officials said it would cost hundreds of millions.")) == []


@pytest.mark.parametrize("before", [
    "more than ", "increased by more than\n", "ſome ", "as many as  ", "rose by ", "x_of ", "of", "", " ", "the ",
    "upwards of\t", "an estimated ", "Fell ", "fell, ", "several ", "a few ", "numbers grew ", "a rise of about ",
])
def test_last_word_check_skips_only_texts_the_patterns_cannot_match(before):
    from extractors import quantities as q

    for pattern, last in ((q._QUALIFIER_BEFORE_RE, q._QUALIFIER_LAST), (q._SEVERAL_BEFORE_RE, q._SEVERAL_LAST),
                          (q._CHANGE_BEFORE_RE, q._CHANGE_LAST)):
        if pattern.search(before):
            assert q._last_word_in(before, last), (pattern.pattern, before)


@pytest.mark.parametrize("text", [
    "Prices doubled, then redoubled; arrivals tripled and trebled, a quadrupled toll.",
    "A two-fold rise, a 3 fold jump, x12fold, a12-fold, 12fold, twofold, tenfold, ninefold and 1,000-fold.",
    "fold", "ffold", "-fold", " fold", "troubled, enabled and sampled words", "",
])
def test_multipliers_tried_at_hint_starts_match_a_scan_of_every_position(text):
    from extractors import quantities as q

    lowered = text.lower()
    assert [m.span() for m in q._multiplier_matches(lowered)] == [
        m.span() for m in q._LOWER_MULTIPLIER_RE.finditer(lowered)]


@pytest.mark.parametrize("text", [
    "$5, €3 and £2; .5 and ,5 and 5.5, US$4, 12 and 345, 7US", "5", "", "no digits", "a1 b22 ¥9 ₽10 ₴11",
])
def test_digit_anchors_from_digit_runs_match_the_anchor_pattern(text):
    from extractors import quantities as q

    expected = {m.start() for m in q._DIGIT_ANCHOR_RE.finditer(text)}
    found = q._digit_anchors(text)
    for i in range(len(text)):  # _digit_anchors then moves anchors after "US" to the "US"
        if text.startswith("US", i) and i + 2 in expected:
            expected = (expected - {i + 2}) | {i}
    assert found == expected


@pytest.mark.parametrize("before", [
    "more than ", "no more  than ", "(about ", "well\tover ", "x, rose by more than ", "an increase of up to \n",
    "said it was some ", "", " ", "than ", "a rise of no more than ", "in excess of ",
])
def test_tail_search_finds_what_a_full_search_finds(before):
    from extractors import quantities as q

    for pattern, words in ((q._QUALIFIER_BEFORE_RE, q._QUALIFIER_WORDS), (q._CHANGE_BEFORE_RE, q._CHANGE_WORDS)):
        full, tail = pattern.search(before), pattern.search(before, q._tail_start(before, words))
        assert (full and full.span()) == (tail and tail.span()), (pattern.pattern[:20], before)
