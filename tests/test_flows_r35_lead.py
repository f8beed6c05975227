"""A time phrase between a deporting, admitting or receiving state and its verb (lead, r35).
Sentences written for this test."""
from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    ("Thailand on Tuesday deported 85 Cambodian workers to Cambodia, the labour ministry said.", ("TH", "KH")),
    ("Spain on March 3 expelled 60 Algerian migrants to Algeria after a court ruling.", ("ES", "DZ")),
    ("Norway yesterday deported a family of five to Afghanistan despite protests.", ("NO", "AF")),
])
def test_time_phrase_between_state_and_deportation(nlp, text, expected):
    assert expected in flows(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Canada on Friday admitted 1,200 Syrian refugees, the immigration minister said.", ("SY", "CA")),
    ("Sweden on Tuesday received 4,000 asylum applications from Syrians, officials said.", ("SY", "SE")),
])
def test_time_phrase_between_host_and_its_verb(nlp, text, expected):
    assert expected in flows(nlp, text)


def test_a_place_phrase_still_blocks(nlp):
    # the state is not the verb's subject here: people in it were deported by someone else
    found = flows(nlp, "Officials in Thailand on Tuesday said 85 workers deported from Japan had come home.")
    assert ("TH", "JP") not in found
