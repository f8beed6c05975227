"""Round 35, helper Q1k (web pages 151-180 on the held-out topics, policies): stopping people from catching flights
or buying tickets is a flight ban (not an entry ban); an airline named for its state ("X Airways") acts for it; a
region's police or authorities, and a region opening its sentence as the subject, act for the region's state;
people allowed ashore or into a state are admitted; a state that will accept returns admits; sea patrols stepped
up are forces at the border; people interned are detained; camps hosting migrants and a state others try to
persuade take no measure. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = ("Migrants and refugees keep coming, and many migrants wait months at the border for a hearing on asylum. "
         "Aid groups say the migrants need shelter, and more refugees arrive each week. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    ("Kenya barred Somali, Eritrean and Sudanese travellers from catching flights to Minsk, shutting a route "
     "used by migrants.",
     ("KE", "FlightBan")),
    ("Kenya Airways will halt one-way ticket sales to Minsk for the migrants.", ("KE", "FlightBan")),
    ("Ghana Airways said that it will never resume flights into Minsk while migrants gather at the border.",
     ("GH", "FlightBan")),
])
def test_flight_and_ticket_bans(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_ticket_ban_is_no_entry_ban(nlp):
    found = policies(nlp, "Kenya's aviation authority said it would ban citizens from Syria and Yemen buying "
                          "plane tickets to Minsk.")
    assert ("KE", "EntryBan") not in found


def test_a_trip_not_taken_is_no_flight_ban(nlp):
    assert not {p for p in policies(nlp, "The president will not fly to the capital next week.")
                if p[1] == "FlightBan"}


@pytest.mark.parametrize("text, expected", [
    ("German trains carry fewer migrants now. Twelve Afghan men have been deported to Afghanistan, Bavaria "
     "police confirmed on Friday.", ("DE", "Deportation")),
    ("Boats still leave Libya for Italy. Sicily authorities said they had detained 40 migrants near the port.",
     ("IT", "Detention")),
    ("Migrants keep crossing into the United States. Texas has used emergency powers to build a fence along the "
     "border with Mexico.",
     ("US", "BorderBarrier")),
])
def test_regions_act_for_their_state(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("The new scheme will allow 30,000 Haitian migrants into Canada by air.", ("CA", "Admission")),
    ("Thai coastguards allowed 150 refugees to come ashore after their boat broke down.", ("TH", "Admission")),
    ("Guatemala's foreign minister said it would accept such returns from the first of May.",
     ("GT", "Admission")),
])
def test_allowed_ashore_into_and_returns_accepted(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_patrols_stepped_up(nlp):
    found = policies(nlp, "Thai officials stepped up coastal patrols this month to keep the migrant boats away.")
    assert ("TH", "BorderBarrier") in found


def test_interned(nlp):
    assert ("BD", "Detention") in policies(nlp, "Dhaka has said the refugees were interned there because of the virus.")


def test_camps_hosting_migrants_admit_none(nlp):
    found = policies(nlp, "Croatia declared an emergency at camps hosting migrants who came from Serbia.")
    assert ("HR", "Admission") not in found


def test_persuading_a_state_is_no_measure_of_it(nlp):
    found = policies(nlp, "He has been trying to persuade Norway to join the pact and close its borders to migrants.")
    assert ("NO", "EntryBan") not in found


def test_passports_withheld_from_conscripts(nlp):
    found = policies(nlp, "The draft goes on, and Moscow will not issue passports to Russians called up for it, "
                          "a ministry portal said.")
    assert ("RU", "EntryBan") in found


def test_a_refused_passport_photo_is_no_ban(nlp):
    assert not policies(nlp, "The clerk refused the passport photo because it was blurred.")


def test_allowing_in_a_list_of_options_is_no_admission(nlp):
    found = policies(nlp, "The cabinet is weighing options, among them allowing more refugees into Canada next "
                          "year.")
    assert ("CA", "Admission") not in found


def test_a_region_of_a_state_the_story_never_names_acts_for_none(nlp):
    found = policies(nlp, "A Virginia police officer was suspended for detaining an immigrant after a crash.")
    assert ("ZA", "Detention") not in found


def test_cannot_allow_is_no_ban(nlp):
    found = policies(nlp, "We just can't allow folks to stream into Canada unchecked, the senator said.")
    assert ("CA", "EntryBan") not in found


def test_letting_migrants_through_to_another_state_admits_none(nlp):
    found = policies(nlp, "Serbia chose to allow the migrants to walk into Hungary after the new tariffs.")
    assert ("RS", "Admission") not in found
