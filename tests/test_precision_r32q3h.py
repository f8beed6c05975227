"""Round 32 precision audit (helper Q3h): predictions on 250 fresh migration articles were judged (train/audit/,
"r32 audit"), and the widest wrong constructions narrowed.

- A list of states set after "countries"/"nations" by a dash, colon or bracket is in apposition to that noun: when
  the noun is a preposition's object ("barred travellers from five nations - A, B and C - from entering"), so is
  the list, and the states are the measure's targets, not actors for the next sentence's "It also ...".
- "to stop the deportations of", "a plan to delay deportation", "the deportation halt": a deportation noun after a
  stopping or delaying verb, or before "halt"/"moratorium", is no deportation.
- "give deportation relief to N immigrants": relief from removal is no aid.
- "limit the number of workers allowed into X", "capped the number of refugees admitted": a ceiling on arrivals
  is an entry ban or asylum restriction, not an admission; "the line it took in 2011" takes nobody in.
- "pushed back against criticism" is resisting an argument, no pushback of people.
- Flows: "those on the left", "the far left" is the political side, not people who left; "do not come across the
  A-B border" is no crossing; "told citizens to reconsider (avoid) travel to X" is an advisory; nationals
  "evacuated from" a country are not moving into it.

All sentences are invented for these tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractors.flows import _lex, _trigger_kind
from extractors.pipeline import build_pipeline
from graph.build import extract_document
from graph.documents import Document


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def document(nlp, text: str):
    doc = Document(path=Path("t.txt"), name="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    assertions, _quotes = extract_document(nlp, doc)
    return assertions


def policies(nlp, text: str) -> set[tuple[str, str]]:
    return {(p.actor_key, p.policy_type) for p in document(nlp, text).policies}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    return {(f.origin, f.destination) for f in document(nlp, text).flows}


# ---- a dash or colon list after a preposition's "nations" names targets, not actors

TARGETS = {"TD", "IR", "IQ", "SY", "YE"}


@pytest.mark.parametrize("text", [
    "The first decree barred travellers from five mostly Muslim nations - Chad, Iran, Iraq, Syria and Yemen - from "
    "entering the country for 90 days. It also suspended refugee admissions for four months and barred Iraqi "
    "refugees for good. Refugees and migrants keep fleeing.",
    "The first decree barred travellers from five nations: Chad, Iran, Iraq, Syria and Yemen. It also suspended "
    "refugee admissions for four months. Refugees and migrants keep fleeing.",
])
def test_appositive_list_of_prepositional_object_is_no_actor(nlp, text):
    assert not {actor for actor, _ in policies(nlp, text)} & TARGETS


def test_appositive_list_as_subject_still_acts(nlp):
    text = ("Five nations - Chad, Iran, Iraq, Syria and Yemen - closed their borders to refugees. Migrants and "
            "asylum seekers keep fleeing.")
    assert {(iso, "EntryBan") for iso in TARGETS} <= policies(nlp, text)


# ---- stopping, delaying or halting deportations is no deportation

@pytest.mark.parametrize("text", [
    "Migrants and refugees came. The president signed an order last year to stop the deportations of some young "
    "immigrants in the United States. Asylum seekers.",
    "Migrants and refugees came. The White House unveiled a plan to delay deportation of parents of citizens. "
    "Asylum seekers.",
    "Migrants and refugees came. Officials in the United States have begun granting papers under the president's "
    "deportation halt for students. Asylum seekers.",
])
def test_stopped_deportation_is_no_deportation(nlp, text):
    assert ("US", "Deportation") not in policies(nlp, text)


def test_sped_up_deportation_is_deportation(nlp):
    text = ("Migrants and refugees came. The White House weighs a plan to speed up deportation for millions of "
            "parents. Asylum seekers.")
    assert ("US", "Deportation") in policies(nlp, text)


def test_deportation_relief_is_no_aid(nlp):
    text = ("Refugees and migrants. Lawmakers condemned the president's plan to give deportation relief to some 4 "
            "million undocumented migrants across America.")
    assert ("US", "Aid") not in policies(nlp, text)


def test_emergency_relief_is_aid(nlp):
    text = "Refugees and migrants. The United States will give emergency relief to refugees in Jordan."
    assert ("US", "Aid") in policies(nlp, text)


# ---- flows

def test_political_left_is_no_movement_word(nlp):
    doc = nlp("Only a third of the Hungarians on the left trust him.")
    i = [t.lower_ for t in doc].index("left")
    assert _trigger_kind(doc, i, len(doc), _lex()) is None
    doc = nlp("Thousands of Syrians left the country.")
    i = [t.lower_ for t in doc].index("left")
    assert _trigger_kind(doc, i, len(doc), _lex()) is not None


def test_negated_border_crossing_is_no_flow(nlp):
    text = ("Migrants and refugees came to America. Officials say that half of the migrants never come across the "
            "Mexico-U.S. border, arriving as tourists who stay. Asylum seekers.")
    assert ("MX", "US") not in flows(nlp, text)


def test_border_crossing_still_flows(nlp):
    text = ("Migrants and refugees came to America. Thousands of migrants crossed the Mexico-U.S. border last month, "
            "officials said. Asylum seekers.")
    assert ("MX", "US") in flows(nlp, text)


def test_evacuated_nationals_do_not_move_into_the_country(nlp):
    text = "Migrants and refugees came. Two planes carried 300 Italian nationals, who were evacuated from Wuhan."
    assert ("IT", "CN") not in flows(nlp, text)


def test_migrants_from_transit_country_keep_their_leg(nlp):
    text = "Refugees and migrants. Hundreds of Afghans from Belarus crossed into Poland last week."
    assert ("AF", "PL") in flows(nlp, text)


# ---- "pushed back against criticism" resists an argument, it returns no one

def test_pushed_back_against_criticism_is_no_deportation(nlp):
    text = ("Migrants and refugees came to Canada. The Canadian cabinet pushed back against claims that it was lax "
            "about asylum, saying a new fence is going up. Asylum seekers and deportation.")
    assert ("CA", "Deportation") not in policies(nlp, text)


def test_pushed_back_migrants_is_deportation(nlp):
    text = ("Migrants and refugees came. Canadian border guards pushed back dozens of migrants at the crossing on "
            "Thursday. Asylum seekers.")
    assert ("CA", "Deportation") in policies(nlp, text)


# ---- a limited count of people let in is a restriction, not an admission

@pytest.mark.parametrize(("text", "admission", "expected"), [
    ("Migrants and refugees came. The president's decree will sharply limit the number of migrant workers allowed "
     "into America this summer. Asylum seekers.", ("US", "Admission"), None),
    ("Migrants and refugees came. The new rule cuts the number of Syrian refugees allowed into Canada to 1,800. "
     "Asylum seekers.", ("CA", "Admission"), ("CA", "AsylumRestriction")),
    ("Migrants and refugees came. The cabinet capped the number of Afghan refugees admitted to Canada at 3,000. "
     "Asylum seekers.", ("CA", "Admission"), ("CA", "AsylumRestriction")),
])
def test_limited_number_admitted_is_restriction(nlp, text, admission, expected):
    found = policies(nlp, text)
    assert admission not in found
    assert expected is None or expected in found


def test_increased_number_admitted_is_admission(nlp):
    text = ("Migrants and refugees came. Canada will raise the number of Afghan refugees allowed into Canada. "
            "Asylum seekers.")
    assert ("CA", "Admission") in policies(nlp, text)


# ---- "the position it took in 2015": a year after "took in" is a time, nothing is taken in

def test_took_in_a_year_is_no_admission(nlp):
    text = ("Migrants and refugees came. The Canadian government took the same position it took in 2015 on migrants. "
            "Asylum seekers and deportation.")
    assert ("CA", "Admission") not in policies(nlp, text)


def test_took_in_migrants_is_admission(nlp):
    text = ("Migrants and refugees came. The Canadian government took in 2,000 migrants last year. Asylum seekers and "
            "deportation.")
    assert ("CA", "Admission") in policies(nlp, text)


# ---- a travel advisory moves no one

@pytest.mark.parametrize(("text", "pair"), [
    ("Migrants and refugees. The State Department issued its highest warning, having earlier told Americans to "
     "\"reconsider\" travel to Peru, and said any citizens in Peru should leave.", ("US", "PE")),
    ("Migrants and refugees. The State Department has advised Americans to avoid travel to Peru.", ("US", "PE")),
    ("Migrants and refugees. Italians have been told to reconsider travel to Peru.", ("IT", "PE")),
])
def test_travel_advisory_is_no_flow(nlp, text, pair):
    assert pair not in flows(nlp, text)


def test_people_who_travel_still_flow(nlp):
    assert ("VE", "PE") in flows(nlp, "Migrants and refugees. Thousands of Venezuelans travel to Peru every month.")
