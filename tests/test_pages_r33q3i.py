"""Round 33, helper Q3i (the pages pilot's remaining classes): listed and anaphoric actors, agentless passives,
coordinated flow lists and origins stated without a motion verb. Sentences written for these tests."""

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


# 1. anaphoric actors: "took the same measures" several sentences after the measure


def test_same_measures_a_few_sentences_after_the_measure(nlp):
    found = policies(nlp, "Norway said on Monday that it would shut its border to Russian tourists. Officials counted "
                          "9,000 Russians crossing at the weekend. Many of them feared the call-up. In August, "
                          "Sweden and Denmark took the same measures.")
    assert {("SE", "EntryBan"), ("DK", "EntryBan")} <= found


def test_same_measures_far_back_needs_one_type(nlp):
    found = policies(nlp, "Norway said on Monday that it would shut its border to Russian tourists and would deport "
                          "all Syrians held in its camps. Officials counted 9,000 Russians crossing at the weekend. "
                          "Many of them feared the call-up. In August, Sweden took the same measures.")
    assert not {p for p in found if p[0] == "SE"}


def test_allow_people_with_a_long_modifier_to_enter(nlp):
    found = policies(nlp, "Norway, Sweden and Denmark met on Friday. From now on, all three countries will no longer "
                          "permit Belarusians with permits letting them move across the whole zone to enter.")
    assert {("NO", "EntryBan"), ("SE", "EntryBan"), ("DK", "EntryBan")} <= found


# 2. agentless passives


def test_visas_would_be_restricted_by_the_speaking_body(nlp):
    found = policies(nlp, "Norway will bar Russian tourists, its minister said. The cabinet also decided that fresh "
                          "holiday visas would be restricted.")
    assert ("NO", "VisaRestriction") in found


def test_visas_in_another_use_are_no_measure(nlp):
    assert not {p for p in policies(nlp, "Norway said rules on visas would be discussed in the autumn.")
                if p[1] == "VisaRestriction"}


def test_people_returned_from_a_state(nlp):
    assert ("IR", "Deportation") in policies(nlp, "Thousands of Afghans were returned from Iran in the spring.")
    found = policies(nlp, "Guatemala has been accepting Hondurans returned from the United States under the deal.")
    assert ("US", "Deportation") in found


def test_returned_from_without_a_passive_is_their_own_return(nlp):
    found = policies(nlp, "Many migrants returned from Libya last year with accounts of abuse in the camps.")
    assert ("LY", "Deportation") not in found


def test_demonym_before_deported_is_a_reduced_relative(nlp):
    found = policies(nlp, "Guatemala has been accepting Hondurans deported from the United States under the deal.")
    assert ("US", "Deportation") in found
    assert ("GT", "Deportation") not in found


def test_wanted_people_are_no_demand(nlp):
    found = policies(nlp, "Armenia's justice minister said that Russian deserters who are wanted would be "
                          "extradited.")
    assert ("AM", "Deportation") in found
    assert not policies(nlp, "Critics said that the opposition wanted the deserters extradited at once.")


# 3. coordinated flow lists


def test_adjective_list_before_soil(nlp):
    found = flows(nlp, "Eritrean migrants have landed on Greek, Italian and Maltese soil this summer.")
    assert {("ER", "GR"), ("ER", "IT"), ("ER", "MT")} <= found


def test_adjective_list_without_a_place_noun_is_no_place(nlp):
    found = flows(nlp, "Greek and Italian officials met Eritrean migrants at the port on Monday.")
    assert ("ER", "GR") not in found and ("ER", "IT") not in found


# 4. origins stated without a motion verb


def test_listed_origins_make_up_a_share_of_arrests(nlp):
    found = flows(nlp, "The Border Patrol detained 80,000 people last month. Migrants from the region's three "
                       "poorest countries – Ecuador, Peru and Bolivia – made up most of the apprehensions.")
    assert {("EC", "US"), ("PE", "US"), ("BO", "US")} <= found


def test_quantifier_subject_of_were_from(nlp):
    found = flows(nlp, "A fishing boat carrying 400 migrants reached Spain on Friday. Spain's coastguard towed it "
                       "in, and Spain's mayors asked for help. Most of the migrants were from Mali, and some were "
                       "from Gambia, a nurse said.")
    assert {("ML", "ES"), ("GM", "ES")} <= found


def test_quantifier_without_migrants_before_it(nlp):
    found = flows(nlp, "A fishing boat carrying 400 migrants reached Spain on Friday. Spain's coastguard towed it "
                       "in, and Spain's mayors asked for help. The players were from a local club, and some were "
                       "from Gambia.")
    assert ("GM", "ES") not in found


def test_both_countries_at_the_start_of_a_sentence(nlp):
    found = policies(nlp, "Chile and Peru signed an accord on Tuesday. Both countries will deport migrants who cross "
                          "the desert border without papers.")
    assert {("CL", "Deportation"), ("PE", "Deportation")} <= found
