"""Round 37, helper Q1m (web pages 271-300 on the held-out topics, policies): visas denied or their number
slashed are visa restrictions; people "prevented from entering A" are refused by A; forces "patrolling the coast"
guard it; a state that will "pay A 8m" under a migration deal gives aid; "a mobilization by the A-ian president" is
A's, and so is an announced call-up the A-ian men flee; a state before ", which ...," acts; and five readings that
took no measure (a vehicle's capacity, a rescue "taken on board", guards "opening fences", an expletive "it", a
leader resolved to the refugees' state of origin). Sentences written for these tests."""

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
    ("Norway will deny visas to Chileans who cannot show a return ticket.", ("NO", "VisaRestriction")),
    ("Norway decided to slash the number of student visa applications it accepts from Peruvians.",
     ("NO", "VisaRestriction")),
])
def test_visas_denied_or_slashed(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_prevented_from_entering_a_state(nlp):
    found = policies(nlp, "About 900 migrants have been prevented from entering Estonia since the new rule began.")
    assert ("EE", "EntryBan") in found


def test_officers_patrolling_the_coast(nlp):
    found = policies(nlp, "Portuguese gendarmes patrolling the coast stopped three boats of migrants at dawn.")
    assert ("PT", "BorderBarrier") in found


def test_patrolling_no_coast_is_no_barrier(nlp):
    found = policies(nlp, "Portuguese gendarmes are not patrolling the coast this winter, the union said.")
    assert ("PT", "BorderBarrier") not in found


def test_a_state_paying_another_under_a_migration_deal(nlp):
    found = policies(nlp, "Under the new deal on migrants, Norway will pay Iceland €9m a year to stop the boats.")
    assert ("NO", "Aid") in found


def test_paying_for_a_wall_is_no_aid(nlp):
    found = policies(nlp, "To keep migrants out, Norway will pay $5 billion for a steel wall on the border.")
    assert ("NO", "Aid") not in found


@pytest.mark.parametrize("text, expected", [
    ("Thousands of men left after the announcement of a partial mobilization by the Chilean president.",
     ("CL", "Mobilization")),
    ("Arrivals doubled after news of a mobilization by the Peruvian government last week.",
     ("PE", "Mobilization")),
])
def test_mobilization_announced_by_a_state_leader(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_call_up_announced_with_the_men_fleeing_it(nlp):
    found = policies(nlp, "Following the announcement of the general call-up of reservists in May, thousands of "
                          "Chilean men of military age have fled abroad.")
    assert ("CL", "Mobilization") in found


def test_call_up_announced_with_only_officials_counting(nlp):
    found = policies(nlp, "Since the announcement of the call-up, Peruvian border guards have counted long queues.")
    assert ("PE", "Mobilization") not in found


def test_a_vehicle_capacity_is_no_detention(nlp):
    found = policies(nlp, "Each chartered plane can hold about 120 migrants, Norwegian officials said.")
    assert ("NO", "Detention") not in found


def test_a_rescue_taken_on_board_is_no_admission(nlp):
    found = policies(nlp, "Norway's coast is far away. The charity ship said it had taken on board 300 migrants "
                          "from two dinghies.")
    assert ("NO", "Admission") not in found


def test_guards_opening_fences_build_nothing(nlp):
    found = policies(nlp, "Footage seemed to show Chilean border guards opening fences for the migrants.")
    assert ("CL", "BorderBarrier") not in found


def test_expletive_it_names_no_actor(nlp):
    found = policies(nlp, "The Chilean government has been refusing its citizens back for weeks. Since then it has "
                          "become very hard to deport the new arrivals, according to the police.")
    assert ("CL", "Deportation") not in found


def test_a_leader_is_not_the_refugees_state_of_origin(nlp):
    found = policies(nlp, "The prime minister signed a decree paying cash benefits to families helping refugees "
                          "from Eritrea.")
    assert ("ER", "Aid") not in found


@pytest.mark.parametrize("text, expected", [
    ("Norway, which borders Sweden, decided to stop issuing visas to Chileans.", ("NO", "VisaRestriction")),
    ("Norway, which has Europe's longest coast, decided to stop issuing visas to Chileans.",
     ("NO", "VisaRestriction")),
])
def test_state_before_a_relative_clause_acts(nlp, text, expected):
    found = policies(nlp, text)
    assert expected in found
    assert ("european-union", "VisaRestriction") not in found


def test_fleeing_a_call_up_names_no_new_actor(nlp):
    found = policies(nlp, "Norway will not offer asylum to Chileans fleeing mobilization.")
    assert ("CL", "Mobilization") not in found


def test_guards_authorised_to_use_physical_force_to_return_migrants(nlp):
    found = policies(nlp, "Estonia declared an emergency on Monday, authorising its guards to use reasonable force "
                          "to return irregular migrants.")
    assert ("EE", "Deportation") in found


def test_forcing_a_state_to_return_migrants_is_a_demand(nlp):
    assert ("EE", "Deportation") not in policies(nlp, "Rights groups want to force Estonia to return the migrants.")


def test_a_state_named_as_actor_keeps_its_admission_beside_an_origin(nlp):
    found = policies(nlp, "Under the pact, Norway will take back all migrants who reach Sweden, in return for the "
                          "bloc resettling refugees directly from Norway.")
    assert ("NO", "Admission") in found


def test_a_state_before_which_without_its_comma_acts(nlp):
    found = policies(nlp, "Tension is high in Estonia which is also building a fence along its frontier with Russia.")
    assert ("EE", "BorderBarrier") in found


def test_which_after_a_state_with_another_subject_is_not_the_state(nlp):
    found = policies(nlp, "Migrants take the road through Turkey which smugglers use, and many are detained in Greece.")
    assert ("TR", "Detention") not in found
