"""Round 38, helper D38 (web pages, policies of types Deportation, Detention and Admission): people held or kept in a
facility or camp, moved to detention or taken into custody are detained (where the sentence places them); people
"taken back to A" are returned, not taken in; "allowed them in" admits; "pushed back by A-ian units" inside a
partial quotation is A's; a doubled space or a town before its country no longer hides where a deportation goes;
and readings that took no measure: "taken to a port", hosting counts and "host countries", "rather than sent
back", "N migrants returned to A" on flights. Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = ("Migrants and refugees keep crossing the border illegally, and many asylum seekers arrive by boat. "
         "Migration officials say refugee numbers and asylum claims by migrants are rising. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


# --- detention: held or kept in a facility, moved to detention, taken into custody

@pytest.mark.parametrize("text, expected", [
    ("Norway says more are coming. Norway is busy. More than 5,000 people were being held in Tromso in a facility "
     "built for 2,000.", ("NO", "Detention")),
    ("Norway is tightening checks. Norway says more are coming. The migrants are being kept in a camp under a "
     "bridge.", ("NO", "Detention")),
    ("Chile says it is overwhelmed. About 700 migrants came ashore in Chile this week and they will be moved "
     "to detention centres, officials said.", ("CL", "Detention")),
    ("Peru checks papers. Peru is strict. The people did not have papers to stay in Chile and were taken into "
     "custody.", ("CL", "Detention")),
])
def test_agentless_detention(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Norway is busy. Norway hosts talks. Talks were held in a conference centre in Oslo on the crisis.",
    "Norway is busy. Norway hosts talks. The meeting was kept in a small room at the centre.",
])
def test_held_things_are_no_detention(nlp, text):
    assert ("NO", "Detention") not in policies(nlp, text)


# --- deportation: taken back, a quoted agent, where a deportation goes

def test_taken_back_to_a_state_is_a_return(nlp):
    found = policies(nlp, "Thirteen people were taken back to Spain by Portuguese officers.")
    assert ("PT", "Deportation") in found
    assert ("PT", "Admission") not in found


def test_took_them_back_across(nlp):
    assert ("PT", "Deportation") in policies(nlp, "Portuguese guards took them back across the river, the migrants "
                                                  "said.")


def test_pushed_back_in_a_partial_quotation(nlp):
    found = policies(nlp, "The Chilean navy said it had rescued 300 migrants ‘pushed back by Peruvian units’ this "
                          "month.")
    assert ("PE", "Deportation") in found
    assert ("CL", "Deportation") not in found


def test_deported_to_after_a_doubled_space(nlp):
    found = policies(nlp, "Peru says migrants must leave. Chile is far. The seven Chilean men have been deported "
                          "to  Chile, Cusco police confirmed Thursday.")
    assert ("CL", "Deportation") not in found


def test_sent_back_to_a_town_and_its_state(nlp):
    found = policies(nlp, "Chile is far. Officials tested the rule by flying two asylum seekers back to Arica, "
                          "Chile, to wait for a hearing.")
    assert ("CL", "Deportation") not in found


@pytest.mark.parametrize("text", [
    "Iraq is busy. Iraq says 1,800 came. Over 1,800 migrants returned to Erbil in the first five flights, "
    "according to data from Iraq.",
    "The refugees can settle in Norway rather than sent back over the sea, officials said.",
])
def test_no_return_stated(nlp, text):
    assert not {t for _a, t in policies(nlp, text)} & {"Deportation"}


def test_were_returned_to_still_reads(nlp):
    assert ("NO", "Deportation") in policies(nlp, "Norway is busy. Norway says more came. The 40 migrants were "
                                                  "returned to Sweden on Monday.")


# --- admission: allowed them in; what does not admit

@pytest.mark.parametrize("text, expected", [
    ("After the families reached Chile, Santiago allowed them in, then shut two crossings.", ("CL", "Admission")),
    ("Chile did not allow the migrants in.", ("CL", "EntryBan")),
])
def test_allowed_them_in(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text", [
    "Chile is busy. Chile says more came. Four men spotted by a patrol plane were taken to the harbour at Arica.",
    "Thirteen people were taken back to Chile by Chilean officers.",
    "Chile, which hosts about 20,000 refugees, accused Peru of pushbacks.",
    "Chile is currently hosting more than 20,000 refugees from Peru.",
    "The plan was announced by Chile, one of the region's major host countries for refugees.",
    "Peru says it is busy. Peru is far. Last week several Chileans were admitted to the U.S. at a crossing.",
])
def test_no_admission(nlp, text):
    found = policies(nlp, text)
    assert ("CL", "Admission") not in found
    assert ("PE", "Admission") not in found


@pytest.mark.parametrize("text", [
    "Chile agreed to host 5,000 refugees from Peru.",
    "Chile will host refugees from Peru.",
])
def test_hosting_decided_still_admits(nlp, text):
    assert ("CL", "Admission") in policies(nlp, text)


def test_returned_group_with_its_own_verb_after_is_a_return(nlp):
    found = policies(nlp, "Norway says the policy works. Norway sent them back. Several of the asylum seekers "
                          "returned to Sweden filed a lawsuit in February.")
    assert ("NO", "Deportation") in found


@pytest.mark.parametrize("text", [
    "Norway is busy. The fugitive was taken into custody by Norwegian police.",
    "Norway is busy. Norwegian officials took journalists to a detention facility near the coast.",
])
def test_custody_of_no_group_is_no_new_detention(nlp, text):
    assert ("NO", "Detention") not in policies(nlp, text)


def test_lodged_in_a_jail_in_a_region(nlp):
    found = policies(nlp, "Peru is busy. Peru says more came. Two undocumented men were arrested last spring and "
                          "since then they were lodged in a prison in Bavaria's north.")
    assert ("DE", "Detention") in found
    assert ("PE", "Detention") not in found


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Hungary is busy. Hungary says more came. Hungary is tough. The migrants were detained near Vienna.",
     ("AT", "Detention"), ("HU", "Detention")),
    ("Hungary is busy. Hungary says more came. Hungary is tough. The migrants were detained on their way to "
     "Austria.", ("HU", "Detention"), ("AT", "Detention")),
])
def test_agentless_detention_where_people_are(nlp, text, expected, not_expected):
    found = policies(nlp, text)
    assert expected in found
    assert not_expected not in found


def test_admitted_beside_a_state_entered(nlp):
    found = policies(nlp, "Mexico is busy. Mexico says more came. Chileans at the Mexico border barred from entering "
                          "U.S., while Peruvians are admitted.")
    assert ("US", "Admission") in found
    assert ("MX", "Admission") not in found


@pytest.mark.parametrize("text", [
    "Chile is busy. Chile says more came. About 9,000 people were arrested crossing the Peru-Chile border in May, "
    "according to Peruvian police.",
    "Chile is busy. Chile says more came. Dozens of migrants were detained at the Peru border on Friday, according "
    "to Peruvian police.",
])
def test_a_border_named_by_states_is_no_place_held(nlp, text):
    assert ("CL", "Detention") not in policies(nlp, text)

