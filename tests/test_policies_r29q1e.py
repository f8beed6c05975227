"""Round 29 policy mechanisms (helper Q1e): the state of an official whose state is not written beside the name.

A seat of government named with the official or in the sentence before ("The Kremlin said ... President X") gives
the official's state; so does a sentence opening "In <state>," that names the official; and when another person
named with the same sole office holds it for the story's main state, or the official visits that state, the
official is another state's: no actor (better none than the story's main state, which is wrong).
All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}

    return _run


BRAZIL = ("Brazil is struggling with the arrivals. Officials in Brazil say the shelters in Brazil are full, and "
          "the mayor of Sao Paulo asked Brazil for more money. ")


@pytest.mark.parametrize("text, expected", [
    # a seat of government in the sentence or the one before
    (BRAZIL + "The White House said on Tuesday that President Tom Hadley deported 90,000 people last year.",
     {("US", "Deportation")}),
    (BRAZIL + "The Kremlin issued a statement on Friday. President Ivan Sorokin promised to take in 2,000 of "
              "the refugees.", {("RU", "Admission")}),
    # "In <state>," opening the sentence that names the official
    (BRAZIL + "In the United States, President Tom Hadley deported 90,000 people last year.",
     {("US", "Deportation")}),
    # the main state's presidency is held by another named person: no actor, even with a state named near
    ("Brazil is struggling with the arrivals. Brazilian President Ana Ribeiro said the shelters in Brazil are "
     "full. Brazil asked Argentina for help. President Tom Hadley deported 9,000 people last year.", set()),
    ("Brazil is struggling with the arrivals. Brazilian President Ana Ribeiro said the shelters in Brazil are "
     "full. Brazil asked the United States for help. President Tom Hadley deported 9,000 people last year.", set()),
    # a visitor to the story's state is not its official
    (BRAZIL + "Prime Minister Tom Hadley arrived in Brazil on Monday. Hadley promised to take in 2,000 of the "
              "refugees.", set()),
])
def test_official_state_from_the_text(run, text, expected):
    assert {p for p in run(text) if p[1] != "Aid"} == expected


@pytest.mark.parametrize("text, expected", [
    # no evidence against the story's state: its president acts for it, as before
    (BRAZIL + "President Ana Ribeiro deported 9,000 people last year.", {("BR", "Deportation")}),
    # the person holding the office is the same one: no other state
    ("Brazil is struggling with the arrivals. Brazilian President Ana Ribeiro said the shelters in Brazil are "
     "full. President Ribeiro deported 9,000 people last year.", {("BR", "Deportation")}),
    # a vice president is no sole office holder
    ("Brazil is struggling with the arrivals. Brazilian President Ana Ribeiro said the shelters in Brazil are "
     "full. Vice President Paulo Mendes deported 9,000 people last year.", {("BR", "Deportation")}),
])
def test_official_state_kept(run, text, expected):
    assert {p for p in run(text) if p[1] != "Aid"} == expected


US_STORY = "The United States has changed course on immigration, deportation and refugees. "


@pytest.mark.parametrize("text, expected", [
    # a state protection programme kept, extended, renewed or granted
    (US_STORY + "The administration announced an extension of DACA for two more years.", {("US", "AsylumOffer")}),
    (US_STORY + "The administration renewed TPS for Hondurans for 18 months.", {("US", "AsylumOffer")}),
    (US_STORY + "The White House said it would protect Dreamers.", {("US", "AsylumOffer")}),
    # demands of others and court orders are not the state's measure; ending it is a restriction
    (US_STORY + "Activists urged the administration to extend DACA.", set()),
    (US_STORY + "A federal judge ordered the administration to restore DACA.", set()),
    (US_STORY + "Campaigners argue that lawmakers should approve a bill to protect the Dreamers soon.", set()),
    (US_STORY + "The administration moved to end DACA.", {("US", "AsylumRestriction")}),
])
def test_protection_programme_kept(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canada's government has changed course on migrants. Canadian lawmakers questioned the need to admit more "
     "refugees this year.", set()),
    ("Canada's government has changed course on migrants. Canada sees no need to deport the refugees.", set()),
    # a measure taken is kept
    ("Canada's government has changed course on migrants. Canada agreed to admit 500 more refugees this year.",
     {("CA", "Admission")}),
])
def test_need_weighed_is_no_measure(run, text, expected):
    assert run(text) == expected


TURKEY = ("Turkey hosts more Syrian refugees than any other state on the border. Turkey says the cost has passed "
          "$30 billion, and Turkey wants Europe to share it. ")


@pytest.mark.parametrize("text, expected", [
    # the nationality adjective of an office in apposition after the name
    (TURKEY + "Hanna Vogel, the German chancellor, visited Ankara on Monday. Vogel promised to take in 500 "
              "refugees a month.", {("TR", "Admission"), ("DE", "Admission")}),
    # "of <state>" right after the name
    (TURKEY + "Chancellor Hanna Vogel of Germany spoke on Monday. Vogel promised to take in 500 refugees a month.",
     {("TR", "Admission"), ("DE", "Admission")}),
    # a visitor to the story's state is not its official: no actor rather than the wrong one
    (TURKEY + "Chancellor Hanna Vogel visited Ankara on Monday. Vogel promised to take in 500 refugees a month.",
     {("TR", "Admission")}),
])
def test_foreign_official(run, text, expected):
    assert run(text) == expected


def test_own_official_kept(run):
    text = TURKEY + "Prime Minister Hanna Vogel spoke in Istanbul on Monday. Vogel promised to take in 500 more " \
                    "refugees a month."
    assert run(text) == {("TR", "Admission")}


def test_visit_of_another_official_is_no_evidence(run):
    # the visit is the other leader's: the story's own prime minister keeps its state
    text = TURKEY + "Prime Minister Ali Demir met Chancellor Hanna Vogel of Germany, who visited Ankara on " \
                    "Monday. Demir promised to take in 500 more refugees a month."
    assert ("TR", "Admission") in run(text)


@pytest.mark.parametrize("text, expected", [
    # Dreamers are migrants, and a sentence naming them (or DACA) is about migration
    (US_STORY + "President Ben Carter's 2012 amnesty for Dreamers changed the debate.", {("US", "AsylumOffer")}),
    (US_STORY + "Activists called for an amnesty for Dreamers at the rally.", set()),
])
def test_amnesty_for_dreamers(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    (US_STORY + "If elected, the Democratic nominee Ann Kerr pledged to reinstate DACA.", set()),
    (US_STORY + "If re-elected, President Ann Kerr said she would deport a million migrants.", set()),
    # a condition that is no election leaves the measure
    (US_STORY + "The administration said it will deport the migrants if their claims fail.",
     {("US", "Deportation")}),
])
def test_campaign_pledge_is_no_measure(run, text, expected):
    assert run(text) == expected


def test_title_of_a_stateless_official(run):
    # "the president" after a president ruled out as the story's state's: no actor, not the story's state
    text = ("Brazil is struggling with the arrivals. Brazilian President Ana Ribeiro said the shelters in Brazil are "
            "full. President Tom Hadley arrived in Brazil on Monday. The president has deported 9,000 people "
            "this year.")
    assert run(text) == set()


def test_need_stressed_by_the_actor_is_kept(run):
    text = ("Germany has taken in many refugees on the border. Germany keeps emphasising the need to deport 40,000 "
            "migrants whose claims failed.")
    assert ("DE", "Deportation") in run(text)


@pytest.mark.parametrize("text, expected", [
    ("The United States is debating illegal immigration, deportation and refugees. Decades ago the government "
     "moved 40,000 undocumented farm workers out of the country.", {("US", "Deportation")}),
    # things, or people leaving by themselves, are no expulsion
    ("The United States is debating illegal immigration, deportation and refugees. Many companies moved their "
     "factories out of the country.", set()),
    ("The United States is debating illegal immigration, deportation and refugees. Many families moved out of the "
     "country after the war.", set()),
])
def test_moved_out_of_the_country(run, text, expected):
    assert run(text) == expected
