"""extract_flows, round 22: people of a nationality placed in a place of one other country moved there.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

# an opening that makes the document one about migrants (people_in min_migration_words), naming no country
MIGRATION_STORY = ("Aid groups said migrants, refugees and asylum seekers need more beds this winter. \n\n"
                   "Volunteers said the migrants and refugees were tired. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("sentence, expected", [
    ("A Honduran mother waited in Tijuana with her two small sons.", {("HN", "MX")}),
    ("Afghan families slept on cardboard at the bus station in Vienna.", {("AF", "AT")}),
    ("Dozens of the migrants, most of them from Eritrea, rested at a church in Milan.", {("ER", "IT")}),
    ("In Belgrade, a young Iraqi couple shared one blanket in a park.", {("IQ", "RS")}),
    ("Two Sudanese teenagers queued for soup at a shelter in northern France.", {("SD", "FR")}),
])
def test_people_placed_in_another_country(nlp, sentence, expected):
    assert pairs(nlp, MIGRATION_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "A Danish man was held in Turkey for a week.",  # a traveller held abroad, no migrant noun
    "A Mexican man was arrested in Texas on a drug charge.",  # a crime story: nationality says nothing of a journey
    "A German-Iraqi boy sat in a classroom in Cologne.",  # a dual nationality
    "The Mexican boy lives in Mexico with his mother.",  # at home
    "Russian men were called up to fight in Ukraine.",  # a purpose, not where they are
    "A Syrian family in Germany may be sent back to Syria.",  # a deportation, and a hedge
    "American tourists in France were stuck at the airport.",  # tourists are no migrants
    "A Chilean woman in Peru and her friend in Bolivia spoke by phone.",  # two other countries: no one place
    "The Canadian government opened an office in Haiti.",  # a state, not people
])
def test_near_misses_give_no_flow(nlp, sentence):
    assert pairs(nlp, MIGRATION_STORY + sentence) == set()


def test_needs_a_document_about_migrants(nlp):
    assert pairs(nlp, "A Honduran mother waited in Tijuana with her two small sons.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Rosa, 29, is from Honduras. She crossed into Mexico on a raft with her son.", {("HN", "MX")}),
    ("The family is from Syria. They arrived in Greece on a rubber boat in March.", {("SY", "GR")}),
    ("Karim, an Afghan, spent a year walking. He finally reached Austria in the spring.", {("AF", "AT")}),
])
def test_introduced_origin_goes_where_the_next_sentence_moves_them(nlp, text, expected):
    assert pairs(nlp, MIGRATION_STORY + text) == expected


@pytest.mark.parametrize("text", [
    "Rosa, 29, is from Honduras. She hopes to cross into Mexico on a raft.",  # a hope, not a move
    "The reporter is from Canada. She travelled to Mexico on Monday.",  # no migrant
    "Rosa, 29, is from Honduras. She was deported to Guatemala in June.",  # a deportation
    "Rosa is from Honduras. Her neighbour crossed into Mexico on a raft.",  # someone else moved
    "Rosa, 29, is from Honduras and lived in Texas. She crossed into Mexico on a raft.",  # a second country
])
def test_introduced_origin_near_misses(nlp, text):
    assert pairs(nlp, MIGRATION_STORY + text) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("U.S. border agents apprehended about 90,000 people crossing from Mexico in June.", {("MX", "US")}),
    ("Spain's coast guard intercepted families sailing from Morocco on Sunday.", {("MA", "ES")}),
    ("Mexico detained 200 people crossing from Guatemala last week.", {("GT", "MX")}),
    ("Greek police detained 200 migrants from Turkey on Tuesday.", {("TR", "GR")}),  # the state only in "Greek police"
    ("Mexican police detained 40 Guatemalan migrants at a checkpoint.", {("GT", "MX")}),
])
def test_state_stops_people_on_the_move(nlp, sentence, expected):
    assert pairs(nlp, sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Greek police arrested two people from Albania at a bar.",  # people not on the move
    "U.S. agents arrested people from Mexico at a farm.",
    "Mexico detained 200 people from Guatemala last week.",
    "Greek police detained two tourists from Canada on Tuesday.",  # no migrant noun
    "Italian police said they may detain people crossing from Slovenia.",  # a hedge
])
def test_state_stops_people_near_misses(nlp, sentence):
    assert pairs(nlp, sentence) == set()
