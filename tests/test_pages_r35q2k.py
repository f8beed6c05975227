"""extract_flows, round 35 (Q2k): flow constructions of web-page excerpts on the held-out topics' movement stories
(Ukrainian refugees in 2022, Mediterranean landings, Channel small boats, the U.S. southern border, the Rohingya).

- a verbless fragment "But also from A, B and C." goes on with the origins of the sentence before (the document's
  destination), and an origin list after "come from" runs past the five-word window while commas join it;
- people "rescued off (the coast of) X" were at sea, not in X, when the document says they set out from X;
- "fled to neighbouring countries in the west/region, including A and B": the region aside is passed;
- "brought/taken to (immigration) officials in <place of B>": the officials are in B;
- a participle coordinated with an earlier passive ("were taken off the boats and brought to B") moves people;
- "went across the Channel from A and B": each coast left goes to the far side;
- "Xs fled over/across the A-ian border": into A (not when attempted, nor when another state's police speak).

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


# ------------------------------------------------------------------------------------ "But also from"

def test_also_from_fragment_continues_the_origins(nlp):
    found = pairs(nlp, "Ninety migrants reached Italy by sea overnight. Officials said they come from Mali, "
                       "Guinea and Chad. But also from Sudan, Eritrea and Yemen. All were moved to the centre.")
    assert {("ML", "IT"), ("GN", "IT"), ("TD", "IT"), ("SD", "IT"), ("ER", "IT"), ("YE", "IT")} <= found


def test_origin_list_runs_past_the_window(nlp):
    found = pairs(nlp, "Ninety migrants reached Italy by sea overnight. Officials said they come from Niger and "
                       "Togo. But also from Mali, Chad, Burkina Faso, South Sudan. All were moved to the centre.")
    assert {("ML", "IT"), ("TD", "IT"), ("BF", "IT"), ("SS", "IT")} <= found


def test_also_from_needs_the_fragment_opening(nlp):
    found = pairs(nlp, "Ninety migrants reached Italy by sea overnight. The ministry also thanked donors, "
                       "with funds also from Japan and Norway.")
    assert ("JP", "IT") not in found and ("NO", "IT") not in found


# ---------------------------------------------------------------------------------------- off the coast

def test_rescued_off_the_coast_of_the_departure_country(nlp):
    found = pairs(nlp, "Nine migrants, from Chad and Mali, got rescued off the coast of Libya last week. "
                       "Their dinghy had set out from Libya four days earlier.")
    assert ("TD", "LY") not in found and ("ML", "LY") not in found


def test_rescued_off_a_landing_country_keeps_the_leg(nlp):
    found = pairs(nlp, "Two boats with 500 Rohingya were picked up and rescued off the coasts of Indonesia on Friday.")
    assert ("MM", "ID") in found


# -------------------------------------------------------------------------------- countries in the west

def test_region_aside_before_including(nlp):
    found = pairs(nlp, "Hundreds of thousands of Ukrainian refugees have found shelter in neighbouring "
                       "countries in the west, including Slovakia, Hungary and Romania.")
    assert {("UA", "SK"), ("UA", "HU"), ("UA", "RO")} <= found


def test_region_aside_needs_the_countries(nlp):
    found = pairs(nlp, "Ukrainian refugees have arrived in the west, including Slovakia officials say.")
    assert ("UA", "SK") not in found


# ---------------------------------------------------------------------- brought to officials, passives

def test_brought_to_immigration_officials_in_a_place(nlp):
    found = pairs(nlp, "Overnight, 30 people - said to be Sudanese and Eritrean nationals - were lifted "
                       "from two dinghies near the coast and brought to immigration officials in Dover.")
    assert {("SD", "GB"), ("ER", "GB")} <= found


def test_coordinated_passive_moves_people(nlp):
    found = pairs(nlp, "Twenty Afghans were discovered in a lorry and brought to Austria by the police.")
    assert ("AF", "AT") in found


def test_coordinated_active_is_no_passive(nlp):
    found = pairs(nlp, "The Afghan trader was born in Kabul and brought to Austria a shipment of carpets.")
    assert ("AF", "AT") not in found


# ----------------------------------------------------------------------------------- Channel, borders

def test_channel_from_two_coasts(nlp):
    found = pairs(nlp, "Scores of asylum seekers have sailed the Channel from France and Belgium in rubber boats.")
    assert {("FR", "GB"), ("BE", "GB")} <= found


@pytest.mark.parametrize("sentence, pair", [
    ("Some 80,000 Ukrainians have fled over the Slovak border since Thursday.", ("UA", "SK")),
    ("Thousands of refugees from Syria streamed across the Turkish border overnight.", ("SY", "TR")),
])
def test_fled_over_the_adjective_border(nlp, sentence, pair):
    assert pair in pairs(nlp, sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Some 300 Syrians tried to cross over the Serbian border on foot.", ("SY", "RS")),
    ("Hungarian police said 300 Syrians had crossed over the Serbian border.", ("SY", "RS")),
])
def test_over_the_border_attempts_and_other_sides(nlp, sentence, pair):
    assert pair not in pairs(nlp, sentence)
