"""extract_flows, round 20: negation written with curly apostrophes, and hedges scoped to the clause of a move.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import _hedge_in_scope, extract_flows
from extractors.pipeline import build_pipeline

# three sentences that make the United States the story's state, so a lone origin has somewhere to go
US_STORY = ("The U.S. border agency is busy. \n\nU.S. officials met in Washington on Monday. \n\n"
            "The U.S. courts are full. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# --- curly apostrophes: "didn’t", "won’t", "’ll" negate and hedge like their straight forms ---

@pytest.mark.parametrize("text", [
    "Thousands of Syrians didn’t cross into Turkey last week.",
    "Afghan families didn’t flee to Pakistan in the end.",
    "Syrian refugees haven’t arrived in Greece yet.",
    "Thousands of Syrians didn't cross into Turkey last week.",
])
def test_negation_with_either_apostrophe_blocks_the_move(nlp, text):
    assert pairs(nlp, text) == set()


def test_the_same_moves_without_negation_still_count(nlp):
    assert pairs(nlp, "Thousands of Syrians crossed into Turkey last week.") == {("SY", "TR")}
    assert pairs(nlp, "Afghan families fled to Pakistan in the end.") == {("AF", "PK")}


def test_curly_future_is_a_hedge_in_the_backoff_tier(nlp):
    assert pairs(nlp, US_STORY + "If the fence goes up, it’ll keep more Salvadoran immigrants in than out.") == set()


# --- hedges scoped to the clause of the move (flows.json backoff_hedge_scope) ---

def test_a_hedge_word_used_as_a_noun_far_from_the_move_leaves_it(nlp):
    text = US_STORY + ("Officials say asylum claims have risen because of an influx of people from Guatemala "
                       "and Honduras.")
    assert pairs(nlp, text) == {("GT", "US"), ("HN", "US")}


def test_a_modal_on_the_move_still_voids_it(nlp):
    text = US_STORY + ("Officials say asylum claims could rise because of an influx of people from Guatemala "
                       "and Honduras.")
    assert pairs(nlp, text) == set()


def test_barring_refugees_from_entering_is_no_flow(nlp):
    text = US_STORY + "Lawmakers voted on Friday to bar refugees from Syria from entering the country."
    assert pairs(nlp, text) == set()


def test_a_hedge_right_after_a_lone_origin_governs_it(nlp):
    assert pairs(nlp, US_STORY + "Maria, who had hoped to arrive from Honduras as a small girl, stayed home.") == set()


def test_hedge_scope_window():
    assert not _hedge_in_scope([], (10, 14))
    assert not _hedge_in_scope([30], (10, 14))  # a later clause
    assert _hedge_in_scope([12], (10, 14))  # between the roles
    assert _hedge_in_scope([5], (10, 14))  # just before the first role
    assert not _hedge_in_scope([1], (10, 14))  # far before
    assert _hedge_in_scope([12], (10,), open_end=True)  # just after a lone role
    assert not _hedge_in_scope([12], (9, 10))
    assert not _hedge_in_scope([16], (10,), open_end=True)


# --- a state's agents that detain, arrest, intercept or rescue migrants place them in that state ---

@pytest.mark.parametrize("text, expected", [
    ("Mexico detained 500 migrants from Honduras last week.", {("HN", "MX")}),
    ("Mexican authorities detained 500 migrants from Honduras and Guatemala last week.", {("HN", "MX"), ("GT", "MX")}),
    ("Mexico detained 500 Honduran migrants last week.", {("HN", "MX")}),
    ("Greek police arrested 40 Afghan migrants on Lesbos.", {("AF", "GR")}),
    ("Libya's coast guard intercepted 200 migrants from Nigeria and Mali.", {("NG", "LY"), ("ML", "LY")}),
    ("U.S. border agents apprehended 300 Guatemalan migrants near El Paso.", {("GT", "US")}),
])
def test_state_stopping_migrants_places_them(nlp, text, expected):
    assert pairs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Chinese police arrested two Canadians in Beijing.",  # no migrant noun
    "Russia arrested Ukrainian activists who protested.",
    "Mexico did not detain any migrants from Honduras.",
    "Mexico didn’t detain any migrants from Honduras.",
    "Mexico could detain migrants from Honduras under the plan.",
    "Afghan migrants arrested by Greek police were freed.",  # passive: the agent follows, not read
])
def test_state_stopping_near_misses(nlp, text):
    assert pairs(nlp, text) == set()


def test_a_detention_and_deportation_is_left_to_the_deportation_rule(nlp):
    assert ("HN", "MX") not in pairs(nlp, "Mexico detained and deported 500 migrants from Honduras.")
