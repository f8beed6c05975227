"""extract_flows, round 21: origins named in a sentence with no movement word go to the story's state.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

# a story set in the United States (named three times) about migrants, refugees and asylum seekers
US_STORY = ("The United States border agency said the number of arrivals was rising. \n\n"
            "In the United States, officials in Texas opened two shelters for migrants. \n\n"
            "The United States has asked for more money for refugees and asylum seekers. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("sentence, expected", [
    ("The children, mostly from Guatemala and Honduras, were held for weeks in crowded cells.",
     {("GT", "US"), ("HN", "US")}),
    ("Lawyers met a Congolese woman who waited for news of her son for four months.", {("CD", "US")}),
    ("Officials said the Mexican nationals were processed within a day.", {("MX", "US")}),
    ("Most of them are from Haiti, a clerk at the church said on Tuesday.", {("HT", "US")}),
])
def test_people_of_an_origin_are_in_the_story_state(nlp, sentence, expected):
    assert pairs(nlp, US_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The ban puts extra screening on nationals from Chad, Iran and Libya.",  # a ban: hedged
    "Senators said they stand with the French people.",  # a nation, not people who moved
    "A Danish man was held in Turkey last week.",  # placed in another country
    "The Mexican government sent a letter on Friday.",  # a state, not people
    "She bought oranges from Spain at the market.",  # goods, no person before "from"
    "Filipinos were watching the game at a bar in the evening.",  # a bare plural demonym: a community
    "The ban, which judges have altered twice since the spring, screens nationals from Chad and Iran.",  # a hedge
    "Lawyers for the family of a Mexican boy hurt by a stray bullet in Mexico met on Friday.",  # at home
])
def test_near_misses_give_no_flow(nlp, sentence):
    assert pairs(nlp, US_STORY + sentence) == set()


def test_needs_a_story_state(nlp):
    text = ("Officials spoke about migrants, refugees and asylum seekers. \n\n"
            "The children, mostly from Guatemala and Honduras, were held for weeks in crowded cells.")
    assert pairs(nlp, text) == set()


def test_needs_a_document_about_migrants(nlp):
    text = ("The United States economy grew. \n\nIn the United States, prices rose. \n\n"
            "The United States bank met. \n\nThe children, mostly from Guatemala and Honduras, played football.")
    assert pairs(nlp, text) == set()


def test_a_movement_sentence_is_left_to_the_backoff_tier(nlp):
    # the backoff tier reads it (with its own rules); this rule adds nothing of its own
    with_move = pairs(nlp, US_STORY + "Hundreds of Cuban migrants crossed into Mexico last month.")
    assert with_move == {("CU", "MX")}


# --- a nationality in a fronted phrase of comparison or sequence is no mover ---

@pytest.mark.parametrize("text, expected", [
    ("After the Irish, the anger turned to a wave of new arrivals in the 1850s from Germany.", set()),
    ("After Syrians, Afghans are the largest group of migrants arriving in Greece.", {("AF", "GR")}),
    ("Unlike Syrian refugees, Afghan migrants crossed into Iran.", {("AF", "IR")}),
])
def test_fronted_comparison_is_no_mover(nlp, text, expected):
    assert pairs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("After Syrians fled to Turkey, the camps filled.", {("SY", "TR")}),  # a clause with its own move
    ("Syrians, after the war began, fled to Turkey.", {("SY", "TR")}),  # the nationality opens the sentence
])
def test_a_move_in_the_opening_clause_still_counts(nlp, text, expected):
    assert pairs(nlp, text) == expected


# --- backoff tier: a deportation word voids the clause it stands in, not the whole sentence ---

MX_STORY = ("Mexico opened a shelter for migrants. \n\nIn Mexico, officials counted refugees and asylum seekers. \n\n"
            "Mexico asked for help. \n\n")


def test_a_deportation_word_elsewhere_in_the_sentence_leaves_the_move(nlp):
    text = MX_STORY + "A boy who removed his shoes showed feet cut by days of walking with his mother from El Salvador."
    assert pairs(nlp, text) == {("SV", "MX")}


@pytest.mark.parametrize("sentence, expected", [
    ("Families were sent back after days of walking from El Salvador.", set()),  # the removal is the clause's
    ("A boy who was deported last year showed feet cut by days of walking with his mother from El Salvador.",
     {("MX", "SV")}),  # the deportation rule reads it; the backoff tier adds no reversed pair
])
def test_a_deportation_in_the_clause_voids_the_backoff_pair(nlp, sentence, expected):
    assert pairs(nlp, MX_STORY + sentence) == expected
