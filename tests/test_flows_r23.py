"""extract_flows, round 23: people placed in a country, with origins given as a list after "from" and places
named by a demonym after "on" ("on a Greek island").

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
    ("Rescuers counted 40 migrants from Iraq and Syria in the back of a lorry in Vienna.",
     {("IQ", "AT"), ("SY", "AT")}),
    ("Dozens of asylum seekers from Eritrea, Sudan and Somalia slept in a park in Brussels.",
     {("ER", "BE"), ("SD", "BE"), ("SO", "BE")}),
    ("The families from Yemen or Iraq waited for weeks at a station in Belgrade.", {("YE", "RS"), ("IQ", "RS")}),
])
def test_origin_list_after_from(nlp, sentence, expected):
    assert pairs(nlp, MIGRATION_STORY + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Forty Afghan migrants were left in a van on an Austrian motorway.", {("AF", "AT")}),
    ("Two young Syrian refugees spent a month on a Greek island.", {("SY", "GR")}),
    ("Hundreds of migrants from Iraq and Iran spent the winter on a Greek island.", {("IQ", "GR"), ("IR", "GR")}),
])
def test_people_on_a_demonym_place(nlp, sentence, expected):
    assert pairs(nlp, MIGRATION_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # the list after "from" is not a group's origin: no migrant or person noun before "from"
    "Imports from Iraq and Syria piled up at a depot in Vienna.",
    # "on" before a country name, not a demonym place: a topic, not where people are
    "Refugees from Iraq and Syria briefed reporters on Austria's new rules.",
    # two other countries: which one the people are in is not said
    "Migrants from Iraq and Syria were found on an Austrian road near the Hungarian border.",
    # a crime story: a suspect's origin says nothing of a journey
    "Police arrested two men from Iraq and Syria on an Austrian motorway.",
    # a purpose, not a place people are in
    "Refugees from Iraq and Syria hope to find work on a Greek island.",
])
def test_near_misses(nlp, sentence):
    assert pairs(nlp, MIGRATION_STORY + sentence) == set()


def test_no_migration_story_no_flow(nlp):
    """Outside a document about migrants, a lone sentence does not place people."""
    assert pairs(nlp, "Forty Afghan men were left in a van on an Austrian motorway.") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Spain has sent nearly 400 asylum seekers back to Morocco since the spring.", {("ES", "MA")}),
    ("The United States sent thousands of asylum-seekers back to Mexico last year.", {("US", "MX")}),
])
def test_asylum_seekers_sent_back(nlp, sentence, expected):
    assert pairs(nlp, MIGRATION_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    # a threat or a call, not a return that happened
    "Spain threatened to send the asylum seekers back to Morocco.",
    # "asylum" not before a group noun: no people between the verb and "back"
    "Spain sent the asylum files back to Morocco.",
])
def test_asylum_seekers_sent_back_near_misses(nlp, sentence):
    assert pairs(nlp, MIGRATION_STORY + sentence) == set()
