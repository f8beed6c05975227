"""Round 32, helper Q4h (pages pilot on the issue's held-out topics): protection pledged to people fleeing,
'took the same measures', and capitalised verbs in title-case headlines. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    ("Armenia pledged protection to the Russians fleeing the draft.", ("AM", "AsylumOffer")),
    ("Kazakhstan's leader said on Friday that the state would ensure both the shelter and safety of Russian "
     "men fleeing the call-up.", ("KZ", "AsylumOffer")),
    ("Chad will guarantee the safety of refugees crossing from Sudan, its interior minister said.",
     ("TD", "AsylumOffer")),
])
def test_protection_pledged_to_people_fleeing(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Aid groups urged Greece to ensure the safety of refugees fleeing the war.",  # a demand by others
    "The minister vowed to ensure the safety of tourists at the beach resorts.",  # nobody fleeing
    "Greece will ensure the safety of its citizens in the country, the minister said.",
    "The company pledged protection to its data, and the country fled into recession.",
])
def test_safety_promises_that_offer_no_protection(nlp, text):
    assert not {p for p in policies(nlp, text) if p[1] == "AsylumOffer"}


def test_took_the_same_measures(nlp):
    found = policies(nlp, "Poland closed its border to Russian tourists on Monday. Last month, Latvia and Lithuania "
                          "took the same measures.")
    assert {("LV", "EntryBan"), ("LT", "EntryBan")} <= found


@pytest.mark.parametrize("text, expected", [
    ("Thousands Of Syrians Seek Safety In Jordan, Lebanon, And Turkey", {("SY", "JO"), ("SY", "LB"), ("SY", "TR")}),
    ("Thousands of Syrians Seek Safety in Jordan, Lebanon and Turkey", {("SY", "JO"), ("SY", "LB"), ("SY", "TR")}),
])
def test_title_case_headline_verb(nlp, text, expected):
    assert expected <= flows(nlp, text)


@pytest.mark.parametrize("text", [
    "New Welcome Centre Opens In Berlin For Visitors From Spain",
    "Land Rover Moves Production From Britain To Slovakia",
    "The new Welcome Centre in Berlin opened for visitors from Spain.",
])
def test_title_case_names_stay_names(nlp, text):
    assert not flows(nlp, text)
