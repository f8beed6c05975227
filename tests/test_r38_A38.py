"""Round 38, helper A38 (Aid on the read web pages): shelters, camps and reception centres set up in an agentless
passive or by a state's towns or authorities; rescue and repatriation flights a state organises for its own people;
a state's buses, trains or railways carrying refugees, and transport it organises; a state's forces giving people
or their boat fuel, food or water. And what must not be read: camps migrants or volunteers set up, detention
centres, a host's removal flight, smugglers' transport, supplies given to a state, hypotheticals. Sentences written
for these tests."""

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


def policies(nlp, text: str, story: str = STORY) -> set[tuple[str, str]]:
    doc = nlp(story + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


# --- shelters set up -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In Norway, nine reception centres have been set up near the frontier.",
    "Refugees crossed into Norway on Monday. On Tuesday alone, 900 came.\n\nWhile most stay with friends, "
    "six reception centres are now being set up along the frontier.",
    "He said the Norwegian government has coped well.\n\nThe minister toured the checkpoint, where a tent "
    "village was set up last week.",
])
def test_facilities_set_up_in_a_passive(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "The Norwegian authorities opened a temporary welcome centre at the station for refugees.",
    "Norway is preparing for the influx of refugees, building shelters and setting up tents.",
    "Two frontier towns in Norway have set up sports halls as reception centres for refugees.",
    "Refugees crossed into Norway on Monday.\nTwo frontier towns such as Kelmo have set up school gyms as "
    "reception centres, and locals bring soup.",
])
def test_a_state_or_its_towns_setting_up_shelters(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Volunteers in Norway set up tents for the refugees at the station.",
    "Migrants set up camps near the Norwegian border.",
    "A protest camp was set up outside the Norwegian parliament by activists.",
    "More shelters could be set up if refugees keep coming to Norway.",
    "A new fence was built along the border with Norway.",
])
def test_shelters_not_set_up_by_a_state(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


def test_detention_centres_opened_are_no_aid(nlp):
    found = policies(nlp, "Norway opened new detention centres for migrants.")
    assert ("NO", "Aid") not in found
    assert ("NO", "Detention") in found


# --- flights for a state's own people ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Norwegian government organised a repatriation flight to bring home 400 of its citizens stranded in Sweden.",
    "The Norwegian government organized the first voluntary repatriation flight for its nationals stuck in Sweden.",
    "A rescue flight from Sweden organised by the Norwegian authorities landed in Oslo with 300 migrants.",
    "More than 300 Norwegians have flown home on flights organized by the Norwegian authorities.",
    "The Norwegian foreign ministry will send a plane to repatriate citizens who wish to come back from Sweden.",
])
def test_flights_for_its_own_people(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text, actor", [
    ("Sweden organized a repatriation flight to send 200 rejected asylum seekers back to Norway.", "SE"),
    ("The Swedish government organized a repatriation flight for 50 Afghans.", "SE"),
    ("Sweden chartered a flight to deport 40 Norwegians.", "SE"),
])
def test_a_hosts_removal_flight_is_no_aid(nlp, text, actor):
    assert (actor, "Aid") not in policies(nlp, text)


def test_an_unnamed_government_organising_a_flight_gives_no_state(nlp):
    text = ("Thousands are stuck in Sweden.\n\nThe regional government, an autonomous body, organized a rescue "
            "flight.")
    assert ("SE", "Aid") not in policies(nlp, text)


# --- transport -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Norwegian railways now offer free onward travel to refugees bound for Sweden.", {("NO", "Aid")}),
    ("Norwegian buses carried hundreds of refugees on Saturday to the crossing in Sweden.", {("NO", "Aid")}),
    ("Norway and the UN refugee agency have organised buses to move the refugees from the border into Norway.",
     {("NO", "Aid")}),
    ("The Norwegian, Danish, and Finnish state rail operators have provided free travel for refugees.",
     {("NO", "Aid"), ("DK", "Aid"), ("FI", "Aid")}),
])
def test_a_states_transport(nlp, text, expected):
    assert expected <= policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Smugglers organised transport for the migrants to Norway.",
    "Norwegian smugglers drove the migrants to the border.",
    "The buses carried hundreds of refugees to the Norwegian border.",
    "The Norwegian navy stopped a boat carrying about 400 refugees.",
])
def test_no_states_transport(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


# --- supplies handed out by forces ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Norwegian navy said its cutter escorted a dinghy of some 300 migrants out to sea after providing it with "
    "diesel and bread.",
    "A boat with 200 migrants reached Norway on Sunday.\nThe security forces gave the group bread and drinking "
    "water before letting them land.",
])
def test_forces_handing_supplies(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Migrants from Sweden reached Norway on Sunday.\nThe smugglers gave the group food and water.",
    "The fishermen gave the migrants food and water near the Norwegian coast.",
])
def test_supplies_by_others_are_no_states_aid(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


# --- people housed in shelters; shelters run by a state body ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Refugees keep coming to Norway.\nMost of them are accommodated in reception centres across the northern "
    "region of Norway.",
    "Norway took in 2,000 refugees.\nThe families were housed in hotels near the airport.",
    "Norway took in 2,000 refugees, and Norway wants more.\nChildren stay in three emergency shelters organized by "
    "the regional government.",
])
def test_people_housed_or_sheltered_by_the_state(nlp, text):
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Norway took in 2,000 refugees.\nMost refugees were housed in hotels by a charity.",
    "Norway took in 2,000 refugees.\nThe men were held in detention centres near the airport.",
    "Norway took in 2,000 refugees, and Norway wants more.\nMinors live in shelters run by a charity.",
])
def test_housing_by_others_or_detention_is_no_aid(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


# --- no state's aid -----------------------------------------------------------------------------------------------

def test_a_church_housing_them_is_no_states_aid(nlp):
    text = ("Italy let a freighter with 50 migrants into port once a Sicilian church group said it would house "
            "them.")
    assert ("IT", "Aid") not in policies(nlp, text)


def test_support_to_an_opposition_is_no_aid(nlp):
    found = policies(nlp, "Norway, which gave firm backing and support to the Swedish opposition, started to turn "
                          "back migrant boats on Friday.")
    assert ("NO", "Aid") not in found


def test_support_to_refugees_stays_aid(nlp):
    assert ("NO", "Aid") in policies(nlp, "Norway offered support to the refugees from Sweden.")


# --- housing paid for; free travel by state railways in a migration sentence ----------------------------------------

def test_the_state_covering_housing(nlp):
    text = ("Norway took in 2,000 refugees, and Norway wants more.\nThe state will continue to pay for the housing "
            "of elderly refugees.")
    assert ("NO", "Aid") in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Norway took in 2,000 refugees, and Norway wants more.\nThe state will pay for the border wall.",
    "Norway took in 2,000 refugees, and Norway wants more.\nThe refugees must pay for their own housing.",
])
def test_costs_not_of_refugees_housing(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


def test_state_rail_operators_listed_far_from_their_free_travel(nlp):
    found = policies(nlp, "The Norwegian, Danish and Finnish state rail operators, like one private firm, have for a "
                          "month offered free travel to nationals crossing the border.")
    assert {("NO", "Aid"), ("DK", "Aid"), ("FI", "Aid")} <= found


@pytest.mark.parametrize("text", [
    "As a publicity stunt, a Norwegian opposition MP tried to deliver food to migrants stuck at the border.",
    "The minister shuts ports to rescue ships, which landed thousands of rescued migrants in Norway last year.",
])
def test_no_state_gives_this_aid(nlp, text):
    assert ("NO", "Aid") not in policies(nlp, text)


def test_a_coast_guard_rescue_stays_aid(nlp):
    assert ("NO", "Aid") in policies(nlp, "The Norwegian coast guard rescued 300 migrants off the coast.")
