"""Round 31 precision audit (helper Q3g): predictions on 250 fresh migration articles were judged (train/audit/,
"r31 audit"), and the widest wrong constructions narrowed.

- "Daca", an old spelling of Dhaka among GeoNames' alternate names, is how some outlets write the U.S. DACA
  programme: it is no place, so Dreamers stories are not read as about Bangladesh (actor or destination).
- An agentless measure ("border apprehensions spiked") is not given a state the whole story names once when the
  story's people serve another state: better no actor than a passing foreign state.
- A count of people caught that the sentence cites from a state's body ("according to the U.S. border agency") is
  that state's record, whichever state the story names most.
- "A warned B by telephone that he could deploy soldiers": the pronoun opening what was told is the teller, not
  the person told.
- "offered broad support for the bill", "gave support to the Senate bill": backing a measure is no aid.
- Flows: a movement word naming a measure or a room ("the travel ban to the U.S.", "the arrivals hall") is no
  movement, and people a measure targets ("targeting refugees and travelers from A") are not moving.

All sentences are invented for these tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from graph.build import extract_document
from graph.documents import Document


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def document(nlp, text: str):
    doc = Document(path=Path("t.txt"), name="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    assertions, _quotes = extract_document(nlp, doc)
    return assertions


def doc_policies(nlp, text: str) -> set[tuple[str, str]]:
    return {(p.actor_key, p.policy_type) for p in document(nlp, text).policies}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    return {(f.origin, f.destination) for f in document(nlp, text).flows}


# ---- "Daca" is the programme, not Dhaka

DACA_TEXT = ("Lina was twelve when her parents brought her from South Korea to the United States. Daca shielded "
             "her from removal and let her hold a job. Once the Trump administration ended Daca last "
             "year, thousands of Dreamers feared they would be deported.")


def test_daca_is_no_place(nlp):
    assertions = document(nlp, DACA_TEXT)
    assert ("Country", "BD") not in assertions.entities
    found = {(p.actor_key, p.policy_type) for p in assertions.policies}
    assert ("BD", "AsylumRestriction") not in found and ("BD", "AsylumOffer") not in found
    assert ("US", "AsylumRestriction") in found


def test_dhaka_still_a_place(nlp):
    assertions = document(nlp, "Hundreds of Rohingya refugees were moved from camps near Cox's Bazar to an island, "
                               "officials in Dhaka said on Monday.")
    assert ("Country", "BD") in assertions.entities


# ---- a state the story names once is not the story's state for agentless measures

def test_state_named_once_gives_no_agentless_actor(nlp):
    text = ("President Donald Trump of the United States repeated many false claims this year. Ukraine was at the "
            "centre of the impeachment case that came next. In the summer, border apprehensions of migrants spiked "
            "sharply, and the numbers kept rising.")
    assert "UA" not in {a for a, t in doc_policies(nlp, text) if t == "Detention"}


def test_state_named_often_keeps_agentless_actor(nlp):
    text = ("Greece says it is overwhelmed. Greece has asked for help and Greece has built new camps. Last month "
            "2,000 migrants were detained on the islands.")
    assert ("GR", "Detention") in doc_policies(nlp, text)


# ---- "according to" a state's body

def test_according_to_state_body(nlp):
    text = ("Mexico agreed last week to send troops to its southern frontier and to take back asylum seekers. Mexico "
            "also promised to register migrants, and Mexico said it would do more. Some 90,000 migrants were detained "
            "at the southern frontier in March, according to the U.S. Border Patrol.")
    found = policies(nlp, text)
    assert ("US", "Detention") in found and ("MX", "Detention") not in found


def test_according_to_own_state_police(nlp):
    text = ("Greece says it is overwhelmed. Greece has asked for help and Greece has built new camps. Last month "
            "2,000 migrants were detained on the islands, according to Greek police.")
    assert ("GR", "Detention") in policies(nlp, text)


# ---- "A told B that he ..."

def test_teller_not_addressee(nlp):
    text = ("President Donald Trump of the United States met Mexican President Enrique Pena Nieto on Friday. "
            "Trump warned Mexican President Enrique Pena Nieto by telephone that he could send troops to the "
            "border.")
    found = policies(nlp, text)
    assert ("US", "BorderBarrier") in found and ("MX", "BorderBarrier") not in found


def test_he_after_person_without_telling(nlp):
    text = ("Chancellor Angela Merkel of Germany met Prime Minister Viktor Orban of Hungary. Merkel praised Orban, "
            "and Orban said he would close the border to refugees.")
    assert ("HU", "EntryBan") in policies(nlp, text)


# ---- support for a bill is no aid

@pytest.mark.parametrize("text", [
    "The White House sent an aide to Congress, who offered broad support for the bill that would grant papers "
    "to undocumented immigrants.",
    "Mexico's interior minister offered fresh support for the new plan on asylum claims agreed with Washington.",
])
def test_support_for_a_measure_is_no_aid(nlp, text):
    assert not {t for _a, t in policies(nlp, text)} & {"Aid"}


def test_support_for_refugees_is_aid(nlp):
    assert ("DE", "Aid") in policies(nlp, "Germany offered support for the refugees stranded at the border under "
                                          "the new plan.")


# ---- flows: measures and rooms named by movement words

TRAVEL_BAN_DOC = ("The top court of the United States let the administration keep most of its limits on refugees "
                  "while the case goes on. Lawyers for the United States said the ruling was a clear win.\n\n"
                  "The travel ban, which Mr. Smith signed last spring, is {verb} refugees and travelers from Yemen, "
                  "Libya and Iran, where screening is thin.\n\n"
                  "Critics across the United States called the ban unfair to refugees.")


@pytest.mark.parametrize("verb", ["targeting", "aimed at"])
def test_travel_ban_targets_move_nowhere(nlp, verb):
    assert not flows(nlp, TRAVEL_BAN_DOC.format(verb=verb)) & {("IR", "US"), ("LY", "US"), ("YE", "US")}


def test_out_of_the_travel_ban_is_no_trip(nlp):
    assert ("IQ", "US") not in flows(nlp, "The foreign ministry in Baghdad praised the decree, which spares Iraqis "
                                          "from the travel ban to America.")


def test_travel_still_moves(nlp):
    assert ("SY", "DE") in flows(nlp, "Thousands of refugees from Syria travel to Germany each month.")


def test_arrivals_hall_is_a_room(nlp):
    text = ("The top court of the United States let the administration keep most of its limits on refugees while "
            "the case goes on. Lawyers for the United States said the ruling was a clear win.\n\n"
            "A few volunteers sat by a coffee stand inside the arrivals hall at terminal two, waiting for passengers "
            "off two flights, one from Istanbul and one from London.\n\n"
            "Critics across the United States called the ban unfair to refugees.")
    assert not flows(nlp, text) & {("TR", "US"), ("GB", "US")}


# ---- a state taken off a list is deported nowhere

REMOVAL_DOC = ("The United States signed a new travel ban on Monday that keeps refugees and visa holders from six "
               "countries out. {sentence} Refugees and migrants already holding a visa may still travel, and asylum "
               "claims filed at the border will be heard, but refugees from the other countries will wait.")


def test_removal_from_a_list_is_no_deportation(nlp):
    text = REMOVAL_DOC.format(sentence="The State Department said Iraq's removal from the list followed months of "
                                       "talks on how Iraqi citizens are screened.")
    assert ("IQ", "Deportation") not in doc_policies(nlp, text)


def test_removal_from_a_country_still_deports(nlp):
    text = REMOVAL_DOC.format(sentence="Officials said the expulsion from the United States of 500 migrants to "
                                       "Honduras began on Tuesday.")
    assert ("US", "Deportation") in doc_policies(nlp, text)
