"""Round 33, helper Q1i (new web pages on the issue's held-out topics, policies): a call-up whose actor is unstated
or only a place goes to the state whose people its sentence shows called up or fleeing it; a pledge not to send
back people who fled is protection; a state pushing people into a neighbour's territory expels them; a state's
"practice of" a measure is its measure; "countries bordering X" do not make X an actor; "saw no reason to" weighs
a measure without taking it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected, wrong", [
    ("Last week President Ivan Petrov ordered the call-up of 50,000 reservists to fight in Ukraine, and young "
     "Russian men rushed for the frontier.", ("RU", "Mobilization"), ("UA", "Mobilization")),
    ("Some 40,000 Russians have crossed into Kazakhstan by road since President Ivan Petrov declared a partial "
     "mobilisation.", ("RU", "Mobilization"), ("KZ", "Mobilization")),
    ("Young Russians queue at the Georgia border to flee Petrov's call-up.", ("RU", "Mobilization"),
     ("GE", "Mobilization")),
])
def test_call_up_state_from_the_people_called_up(nlp, text, expected, wrong):
    found = policies(nlp, text)
    assert expected in found
    assert wrong not in found


@pytest.mark.parametrize("text, expected", [
    ("Ukraine declared a general mobilisation as Russian troops crossed the frontier.", ("UA", "Mobilization")),
    ("Russia ordered a partial mobilisation to fight in Ukraine, and many Ukrainians fled west.",
     ("RU", "Mobilization")),
])
def test_named_mobilising_state_kept(nlp, text, expected):
    found = policies(nlp, text)
    assert expected in found
    assert {p for p in found if p[1] == "Mobilization"} == {expected}


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan said it would not deport Russians fleeing the draft.", ("KZ", "AsylumOffer")),
    ("Armenia has promised not to send back the men who fled the call-up.", ("AM", "AsylumOffer")),
])
def test_pledge_not_to_send_back_people_who_fled(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Mexico did not deport the migrants last year.",  # a past fact, no pledge
    "Mexico will not deport the migrants who arrived on Monday, the minister said.",  # nobody fled
    "Aid groups urged Georgia not to deport men fleeing the draft.",  # a demand by others
])
def test_no_protection_without_pledge_and_flight(nlp, text):
    assert not {p for p in policies(nlp, text) if p[1] == "AsylumOffer"}


@pytest.mark.parametrize("text, expected, wrong", [
    ("Belarus pushed the migrants into the territory of Poland.", ("BY", "Deportation"), ("PL", "Deportation")),
    ("The regime in Minsk chose to force hundreds of people from Iraq into the territories of Lithuania and Latvia.",
     None, ("LT", "Deportation")),
])
def test_pushed_into_a_neighbours_territory(nlp, text, expected, wrong):
    found = policies(nlp, text)
    if expected:
        assert expected in found
    assert wrong not in found
    assert ("LV", "Deportation") not in found


@pytest.mark.parametrize("text, expected", [
    ("Ankara has often criticised Greece's unlawful practice of pushing back refugees.", ("GR", "Deportation")),
    ("The Greek policy of detaining migrants on the islands goes on.", ("GR", "Detention")),
])
def test_a_states_practice_of_a_measure(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_idea_of_a_measure_still_no_measure(nlp):
    assert not policies(nlp, "The senator spoke at length about the idea of building a wall with Mexico.")


@pytest.mark.parametrize("text, wrong", [
    ("He said that countries bordering Russia can take steps of their own to restrict entry to the bloc.",
     ("RU", "EntryBan")),
    ("Armenia's Foreign Minister Anna Hakobyan said her cabinet saw no reason to shut the frontier despite the "
     "arrival of Russian men.", None),
])
def test_landmarks_and_reasons_are_no_measures(nlp, text, wrong):
    found = policies(nlp, text)
    if wrong:
        assert wrong not in found
    assert not {p for p in found if p[1] == "EntryBan"}


def test_same_measures_do_not_copy_a_call_up(nlp):
    found = policies(nlp, "Estonia closed its border to Russian tourists in August. After last week's mobilisation "
                          "announcement, many Russians tried to leave for fear of the draft. Earlier this month "
                          "Latvia and Lithuania took the same measures.")
    assert ("RU", "Mobilization") in found
    assert not {p for p in found if p[1] == "Mobilization" and p[0] in {"LV", "LT", "EE"}}


def test_pledge_for_them_in_a_story_of_flight(nlp):
    story = ("Thousands of men fled the draft this week. Those fleeing the call-up crossed on foot. Many fled with "
             "only a bag, and others fled by train to escape conscription. Families fled too. The men who fled "
             "slept in the station. ")
    assert ("KZ", "AsylumOffer") in policies(nlp, story + "Kazakhstan has promised it will not send them back.")


@pytest.mark.parametrize("text, expected", [
    ("Belarusian guards shoved the migrants back.", ("BY", "Deportation")),
    ("Polish soldiers shoved them back across the wire.", ("PL", "Deportation")),
    ("Malaysian patrol boats turned away the refugees.", ("MY", "EntryBan")),
])
def test_shoved_back_and_patrol_boats(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_patrol_car_takes_no_measure(nlp):
    assert not policies(nlp, "The Mexican patrol car stopped near the shelter where migrants slept.")


def test_same_measures_skip_a_call_up_and_reach_the_measure_before(nlp):
    """Merge of Q1i and Q3i (lead): the far look-back must skip a call-up too, and then finds the border closure."""
    found = policies(nlp, "Estonia closed its border to Russian tourists in August. After last week's mobilisation "
                          "announcement, many Russians tried to leave for fear of the draft. Earlier this month "
                          "Latvia and Lithuania took the same measures.")
    assert {("LV", "EntryBan"), ("LT", "EntryBan")} <= found
