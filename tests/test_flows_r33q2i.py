"""extract_flows, round 33 (Q2i): flow constructions of web-page excerpts on the held-out topics (Rohingya boats,
Ukrainian refugees, Mediterranean and Aegean crossings, Afghans after 2021).

- a religious or "-majority" modifier before a country keeps the cue word before it ("arrived in Muslim-majority
  X");
- onward legs: "(continuing) on to X", "on its/their way to X", "heading for X" after a stop the sentence names
  (a destination reached, or a country where a boat or its people stopped);
- a departure sentence ("they had set off from A") next to the sentence where the people landed (up to three
  sentences away): A -> the landing country;
- arrivals counted by a state's authority in a sentence naming no country ("the Slovak government said 20,000
  refugees had arrived"): the story's emigrants -> that state;
- a country facing a wave, influx or surge: the nationalities and transit countries named with it go there;
- "A and B said N Xs had crossed into their countries": the listed subject states.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

MIGRANT_STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"
UKRAINE_STORY = ("Millions of Ukrainians have fled the fighting in Ukraine since the spring. Ukrainians keep "
                 "coming west. Many Ukrainians fled to Poland by train. ")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(MIGRANT_STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# ------------------------------------------------------------------------------------------- modifiers

@pytest.mark.parametrize("sentence", [
    "About 250 migrants from Sudan landed in Christian-majority Cyprus last week.",
    "About 250 migrants from Sudan landed in predominately Catholic Malta last week.",
])
def test_religious_modifier_before_a_destination(nlp, sentence):
    found = pairs(nlp, sentence)
    assert found & {("SD", "CY"), ("SD", "MT")}


# ------------------------------------------------------------------------------------------- onward legs

def test_continuing_on_to_a_second_country(nlp):
    text = "Thousands of Eritreans have walked to neighbouring Sudan, with a few crossing it and pressing on to Egypt."
    found = pairs(nlp, text)
    assert {("SD", "EG"), ("ER", "EG")} <= found


def test_stop_on_their_way(nlp):
    found = pairs(nlp, "A group of Somalis from Kenya halted in Tanzania on their way to Mozambique.")
    assert ("TZ", "MZ") in found


def test_boat_stopover_heading_for(nlp):
    text = ("The fishing boat had anchored briefly off southern Tunisia, where the crew bought water, before it "
            "was sent on its way to Malta.")
    assert ("TN", "MT") in pairs(nlp, text)


@pytest.mark.parametrize("sentence", [
    "Diplomats from Greece moved on to Turkey in their talks about the fishing quota.",
    "The ferry stopped in Spain on its way to Morocco with cars and lorries.",
])
def test_onward_near_misses(nlp, sentence):
    found = pairs(nlp, sentence)
    assert ("GR", "TR") not in found and ("ES", "MA") not in found


# ------------------------------------------------------------------------------------------- departure near landing

def test_departure_sentence_before_the_landing(nlp):
    text = ("They had set off on Tuesday from Libya in a rubber dinghy. The engine failed twice. "
            "On Friday some 40 survivors landed on Lampedusa.")
    assert ("LY", "IT") in pairs(nlp, text)


def test_departure_sentence_after_the_landing(nlp):
    text = ("Two wooden boats reached Indonesia on Monday with 300 Rohingya on board. "
            "A teenager on the first boat said they left their camp in Bangladesh, where they had lived since 2017.")
    assert ("BD", "ID") in pairs(nlp, text)


def test_departure_of_someone_else_is_no_origin(nlp):
    text = ("The trade minister left Libya on Friday after a short visit. "
            "On Saturday some 40 migrants landed on Lampedusa.")
    assert ("LY", "IT") not in pairs(nlp, text)


# ------------------------------------------------------------------------------------------- host authority

def test_arrivals_reported_by_a_government(nlp):
    text = UKRAINE_STORY + "The Slovak government announced on Sunday that 40,000 refugees had arrived since May."
    assert ("UA", "SK") in pairs(nlp, text)


@pytest.mark.parametrize("sentence", [
    "The Slovak government announced on Sunday that 40,000 refugees had been given shelter.",
    "The Slovak government announced on Sunday that 400 refugees who arrived were deported.",
])
def test_host_authority_near_misses(nlp, sentence):
    assert ("UA", "SK") not in pairs(nlp, UKRAINE_STORY + sentence)


# ------------------------------------------------------------------------------------------- facing a wave

def test_country_facing_a_wave_through_a_transit_country(nlp):
    text = "Officials warned that Kenya is facing a fresh Somali refugee influx coming via Ethiopia."
    found = pairs(nlp, text)
    assert {("SO", "KE"), ("ET", "KE")} <= found


def test_country_facing_no_wave(nlp):
    text = "Officials warned that Kenya is facing a fresh budget crisis, unlike Ethiopia, after the Somali talks."
    found = pairs(nlp, text)
    assert ("ET", "KE") not in found and ("SO", "KE") not in found


# ------------------------------------------------------------------------------------------- their countries

def test_listed_states_said_into_their_countries(nlp):
    text = "Latvia and Estonia said on Tuesday that hundreds of Afghans had crossed illegally into their countries."
    found = pairs(nlp, text)
    assert {("AF", "LV"), ("AF", "EE")} <= found


def test_their_countries_as_home_is_no_destination(nlp):
    text = "Latvia and Estonia said on Tuesday that hundreds of Afghans would be sent back to their countries."
    found = pairs(nlp, text)
    assert ("AF", "LV") not in found and ("AF", "EE") not in found


def test_departure_with_its_own_goal_is_no_origin_of_the_landing(nlp):
    text = ("Karim was 19 when he left Iraq behind and set out on foot for Europe. "
            "Today he helps families who arrive in Bulgaria from the east.")
    assert ("IQ", "BG") not in pairs(nlp, text)


def test_onward_leg_from_a_destination_reached(nlp):
    text = ("Tens of thousands of Eritreans have fled the army this year. Large numbers have walked to neighbouring "
            "Ethiopia in recent months, with some crossing it and continuing southwards on to Kenya.")
    assert ("ET", "KE") in pairs(nlp, text)
