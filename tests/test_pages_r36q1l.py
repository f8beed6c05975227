"""Round 36, helper Q1l (web pages 211-240 on the held-out topics, policies): demonyms listed before a state body
noun each act ("the German and French governments"); "barred its borders to" closes them; "joined the
restrictions/ban" copies the measure just stated; a passive exit ban names the state left; people "not allowed to
fly from A" or "to buy tickets" face A's flight ban; people who "will/would
receive temporary protection" are granted it; free travel offered in a refugee story is aid; a press or news
agency is no state body. Sentences written for these tests."""

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
    ("The German and French governments agreed to take in 500 Chilean refugees.",
     {("DE", "Admission"), ("FR", "Admission")}),
    ("The German, French and Dutch governments agreed to take in 500 Chilean refugees.",
     {("DE", "Admission"), ("FR", "Admission"), ("NL", "Admission")}),
    ("The German, Polish, and Czech state railways have provided free travel for Ukrainian refugees.",
     {("DE", "Aid"), ("PL", "Aid"), ("CZ", "Aid")}),
])
def test_demonym_list_before_state_body(nlp, text, expected):
    assert expected <= policies(nlp, text)


def test_demonym_list_needs_a_state_body(nlp):
    found = policies(nlp, "German and French charities agreed to take in 500 Chilean refugees.")
    assert ("DE", "Admission") not in found


@pytest.mark.parametrize("text, expected", [
    ("Norway, Sweden and Denmark all barred their borders to Chilean visitors last week.",
     {("NO", "EntryBan"), ("SE", "EntryBan"), ("DK", "EntryBan")}),
    ("Norway barred its border to Chilean visitors last week.", {("NO", "EntryBan")}),
])
def test_barred_borders(nlp, text, expected):
    assert expected <= policies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Norway has stopped issuing visas to Chilean citizens. Sweden, Denmark and Austria have joined the "
     "restrictions.", {("SE", "VisaRestriction"), ("DK", "VisaRestriction"), ("AT", "VisaRestriction")}),
    ("Norway has stopped issuing visas to Chilean citizens. Since then Sweden and Austria have joined the ban.",
     {("SE", "VisaRestriction"), ("AT", "VisaRestriction")}),
])
def test_joined_the_restrictions(nlp, text, expected):
    assert expected <= policies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Men of fighting age are not allowed to leave Chile, officials said.", ("CL", "EntryBan")),
    ("Ukrainian men of military age are banned from leaving Ukraine under martial law.", ("UA", "EntryBan")),
])
def test_passive_exit_ban_names_the_state_left(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Detainees are not allowed to leave the camp without permission, the charity said.",
    "Many Chilean men have been told they are not allowed to leave their homes after dark.",
])
def test_no_exit_ban_without_a_state(nlp, text):
    assert not {p for p in policies(nlp, text) if p[1] == "EntryBan"}


@pytest.mark.parametrize("text, expected", [
    ("Peruvians will not be allowed to fly from Norway to Chile for now, the Norwegian aviation authority "
     "said, as migrants gather at the border.", ("NO", "FlightBan")),
    ("Migrants from Peru would not be allowed to buy any tickets to Minsk, Norway's aviation authority said.",
     ("NO", "FlightBan")),
])
def test_not_allowed_to_fly(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_aircraft_not_allowed_to_fly_is_no_flight_ban(nlp):
    found = policies(nlp, "Private planes are not allowed to fly near the stadium during the match, as border "
                          "agents watch for migrants.")
    assert not {p for p in found if p[1] == "FlightBan"}


@pytest.mark.parametrize("text", [
    "Late on Monday the Norwegian cabinet passed an order saying that those fleeing Chile would receive temporary "
    "protection.",
    "Refugees from Chile would receive temporary protection in Norway, the minister said.",
])
def test_would_receive_protection(nlp, text):
    found = policies(nlp, text)
    assert ("NO", "AsylumOffer") in found
    assert ("CL", "AsylumOffer") not in found


def test_conditional_receipt_is_no_grant(nlp):
    found = policies(nlp, "Chileans who apply would receive asylum only if they prove persecution, critics of "
                          "the plan said.")
    assert not {p for p in found if p[1] == "AsylumOffer"}


def test_press_agency_is_no_state_body(nlp):
    found = policies(nlp, "Two planes flew to Minsk to take stranded Iraqis home. According to the Polish Press "
                          "Agency, dozens of migrants sleeping in Minsk were detained and driven to the airport.")
    assert ("PL", "Detention") not in found


@pytest.mark.parametrize("text", [
    "Norway has offered free travel for Ukrainians on its trains.",
    "Norway has provided free travel for Ukrainian nationals on their way west.",
])
def test_free_travel_is_aid(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


def test_visa_free_travel_is_no_aid(nlp):
    found = policies(nlp, "The deal offers visa-free travel to Chileans for 90 days.")
    assert not {p for p in found if p[1] == "Aid"}
