"""extract_flows, round 34 (Q2j): flow constructions of web-page excerpts on the held-out topics (the Russian exodus,
the Belarus route, the U.S. southern border, the Balkan route of 2015, returns).

- "continue on through A, B and C and finally into D", "continue through", "continue their journey to": a leg of
  the journey (not "talks continued on Monday", "prices continued to rise");
- a blocker of the main clause ("police stopped migrants ...") does not reach a relative clause in the perfect
  ("... who had crossed from A into B"): that crossing was done;
- "foreign" between "to" and a destination list ("to foreign countries like A and B");
- "come/go from A or B to reach C": the purpose "to reach" is where people went when the verb names an origin;
- "left their homes in A to find work in B", "seeking jobs in B": work sought in a country is a destination;
- "the same surge is being felt elsewhere, including A, B and C": the wave's nationalities go to the countries;
- a repatriation or evacuation flight "to A" that took off from B or carried people stranded in B: B -> A;
- "a boat carrying N migrants from the (north)western A-ian port of X to the B-ian island of Y": a weak movement
  word ("carry") reaches "to" past its short window through its own "from" place phrase;
- "the fighting forced thousands of Xs to flee to A": a cause verb with people as its object makes the
  infinitive a move that happened (a modal before the cause verb still blocks it).

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

MIGRANT_STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(MIGRANT_STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# ------------------------------------------------------------------------------------------- continue

@pytest.mark.parametrize("sentence", [
    "Once out of the forest, they continue on through Honduras, Guatemala, Belize and finally into Mexico.",
    "After a week of rest the families continue through Honduras, Guatemala and Belize into Mexico.",
])
def test_continue_through_a_chain_of_countries(nlp, sentence):
    assert {("HN", "GT"), ("GT", "BZ"), ("BZ", "MX")} <= pairs(nlp, sentence)


@pytest.mark.parametrize("sentence", [
    "Talks between Hungary and Austria continued on Monday in Vienna about the migrants.",
    "Rents continued to climb in Mexico while migrants from Honduras waited for news.",
])
def test_continue_without_a_journey(nlp, sentence):
    found = pairs(nlp, sentence)
    assert ("HU", "AT") not in found and ("HN", "MX") not in found


# ------------------------------------------------------------------------------------------- relative clauses

@pytest.mark.parametrize("sentence", [
    "Police stopped migrants who had crossed from Bulgaria into Romania on Monday.",
    "Officers halted a lorry carrying migrants that had already crossed from Bulgaria into Romania.",
])
def test_blocker_before_a_completed_relative_clause(nlp, sentence):
    assert ("BG", "RO") in pairs(nlp, sentence)


@pytest.mark.parametrize("sentence", [
    "Police stopped migrants who had hoped to cross from Bulgaria into Romania.",
    "Police stopped migrants who were trying to cross from Bulgaria into Romania.",
])
def test_relative_clause_of_an_attempt_stays_blocked(nlp, sentence):
    assert ("BG", "RO") not in pairs(nlp, sentence)


# ------------------------------------------------------------------------------------------- destination lists

def test_foreign_destinations_list(nlp):
    text = ("Dozens of packed planes out of Iran took Iranian men to foreign countries such as Oman, Qatar "
            "and Jordan.")
    assert {("IR", "OM"), ("IR", "QA"), ("IR", "JO")} <= pairs(nlp, text)


def test_come_from_a_list_to_reach_a_country(nlp):
    text = "Many in the camp had come from Peru or Bolivia to reach the United States."
    assert {("PE", "US"), ("BO", "US")} <= pairs(nlp, text)


def test_came_from_a_background_is_no_journey(nlp):
    assert not pairs(nlp, "The nurse came from a poor family to reach the top of her profession in Canada.")


# ------------------------------------------------------------------------------------------- work abroad

@pytest.mark.parametrize("sentence", [
    "For years, migrants have left their homes in places like Kenya and Uganda to find work in Rwanda.",
    "For years, migrant workers left their homes in Kenya and Uganda to seek jobs in Rwanda.",
])
def test_left_homes_to_find_work_in_a_country(nlp, sentence):
    assert {("KE", "RW"), ("UG", "RW")} <= pairs(nlp, sentence)


# ------------------------------------------------------------------------------------------- waves elsewhere

def test_surge_seen_elsewhere_including(nlp):
    text = "The same surge is being felt elsewhere, including Oman, Qatar and Jordan, as Iranian men dodge the call-up."
    assert {("IR", "OM"), ("IR", "QA"), ("IR", "JO")} <= pairs(nlp, text)


def test_influx_felt_in_other_countries_takes_the_sentence_before(nlp):
    text = "Oman said 5,000 Iranians had arrived this week. A similar influx has been felt in other countries, " \
           "such as Qatar and Jordan."
    assert {("IR", "QA"), ("IR", "JO")} <= pairs(nlp, text)


def test_wave_seen_elsewhere_without_a_list(nlp):
    assert not pairs(nlp, "The wave was seen elsewhere, and prices rose in Oman.")


# ------------------------------------------------------------------------------------------- return flights

@pytest.mark.parametrize("sentence", [
    "A repatriation flight to Ghana took off from Tripoli on Friday with 150 migrants aboard.",
    "The first evacuation flight to Nigeria brought home 120 migrants who had been stranded for months in Libya.",
    "A flight to Ghana took off from Tripoli on Friday to repatriate 150 migrants.",
])
def test_return_flight_from_where_it_left(nlp, sentence):
    found = pairs(nlp, sentence)
    assert ("LY", "GH") in found or ("LY", "NG") in found


@pytest.mark.parametrize("sentence", [
    "A repatriation flight to Ghana will leave from Tripoli next week with 150 migrants aboard.",
    "A flight to Ghana took off from Tripoli on Friday with tourists.",
])
def test_planned_or_plain_flight_is_no_return(nlp, sentence):
    assert ("LY", "GH") not in pairs(nlp, sentence)


# ------------------------------------------------------------------------------------------- carriers

@pytest.mark.parametrize("sentence", [
    "A dinghy carrying 30 migrants from the Libyan port of Zuwara to the Italian island of Lampedusa capsized.",
    "Two men died when a boat carrying 40 migrants from the northwestern Libyan port of Qasrbuk to the Italian "
    "island of Linosa sank.",
])
def test_carrier_from_a_port_to_an_island(nlp, sentence):
    assert ("LY", "IT") in pairs(nlp, sentence)



# ------------------------------------------------------------------------------------------- caused moves

@pytest.mark.parametrize("sentence", [
    "The fighting forced thousands of Syrians to flee to Turkey.",
    "Fear of the draft pushed thousands of young Iranian men to cross into Turkey over the mountains.",
])
def test_caused_move(nlp, sentence):
    assert pairs(nlp, sentence) & {("SY", "TR"), ("IR", "TR")}


@pytest.mark.parametrize("sentence", [
    "The fighting could force thousands of Syrians to flee to Turkey.",
    "The storm forced the plane to land in Turkey.",
])
def test_caused_move_hedged_or_without_people(nlp, sentence):
    assert not pairs(nlp, sentence)
