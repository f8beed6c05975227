"""Round 34, helper Q1j (web pages 91-120 on the held-out topics, policies): an announced agentless passive under
a law, bill or deal named at the sentence's start is the instrument's state's measure; a passive coordinated over
a plain word ("sent back home or removed") is still a passive; states joined to a subject by "along with" and
listed states before ", all of which" act with it; an ultimatum ("must ... or face") and a request are no measure
of the state they name; "were denied entry to A and B" is a refusal by A and B. Sentences written for these tests."""

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


@pytest.mark.parametrize("text, expected", [
    ("Ruritania's lawmakers debated for weeks. Under Britain's new act, migrants landing from a dinghy will be "
     "detained for a month.", {("GB", "Detention")}),
    ("Britain's parliament approved the asylum bill on Monday, and Britain's ministers cheered. Under the "
     "legislation, people caught will be detained and deported.",
     {("GB", "Detention"), ("GB", "Deportation")}),
])
def test_announced_passive_under_an_instrument(nlp, text, expected):
    assert expected <= policies(nlp, text)


def test_under_pressure_names_no_instrument(nlp):
    found = policies(nlp, "Under heavy pressure from Germany, the families will be deported.")
    assert ("DE", "Deportation") not in found


def test_passive_coordinated_over_a_plain_word(nlp):
    text = ("Britain's parliament approved the asylum bill on Monday. Under the legislation, people caught "
            "will be flown home or deported.")
    assert ("GB", "Deportation") in policies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Slovakia, along with Poland and Czechia, has shut its border to migrants.",
     {("SK", "EntryBan"), ("PL", "EntryBan"), ("CZ", "EntryBan")}),
    ("Bulgaria, together with Romania, has closed its border to refugees.", {("BG", "EntryBan"), ("RO", "EntryBan")}),
])
def test_states_along_with_the_subject(nlp, text, expected):
    assert expected <= policies(nlp, text)


def test_along_with_far_from_the_verb_adds_none(nlp):
    text = ("Slovakia, along with Poland, which has long argued against quotas and has seen protests in its "
            "capital, has shut its border to migrants.")
    assert ("PL", "EntryBan") not in policies(nlp, text)


def test_listed_states_before_all_of_which(nlp):
    text = ("The vote set off the same steps in Albania, Kosovo and Montenegro, all of which have now sealed their "
            "borders to migrants.")
    assert {("AL", "EntryBan"), ("XK", "EntryBan"), ("ME", "EntryBan")} <= policies(nlp, text) or \
        {("AL", "EntryBan"), ("ME", "EntryBan")} <= policies(nlp, text)


def test_some_of_which_names_none(nlp):
    text = ("The vote set off the same steps in Albania, Kosovo and Montenegro, some of which have now sealed their "
            "borders to migrants.")
    assert ("AL", "EntryBan") not in policies(nlp, text)


@pytest.mark.parametrize("text, wrong", [
    ("Brussels fixed a date by which Slovakia and Czechia must take in refugees or face heavy fines.",
     ("SK", "Admission")),
    ("Rome's minister said on Monday that ships with migrants are unwelcome, following requests from charities to "
     "allow two vessels to land.", ("IT", "Admission")),
])
def test_ultimatum_and_request_are_no_measure(nlp, text, wrong):
    assert wrong not in policies(nlp, text)


@pytest.mark.parametrize("text, expected, wrong", [
    ("A fishing boat carrying 90 migrants was denied entry to Greece and Cyprus last week.",
     {("GR", "EntryBan"), ("CY", "EntryBan")}, None),
    ("Syrian families were refused entry to Turkey by the border guards of Bulgaria.", {("BG", "EntryBan")},
     ("TR", "EntryBan")),
])
def test_denied_entry_to_the_states_entered(nlp, text, expected, wrong):
    found = policies(nlp, text)
    assert expected <= found
    if wrong:
        assert wrong not in found


@pytest.mark.parametrize("text", [
    "The Thai navy turned away two boats crowded with Rohingya refugees.",
    "Malaysia's maritime agency escorted the migrant boats out of its waters on Sunday.",
])
def test_boats_turned_away_at_sea_are_pushed_back(nlp, text):
    found = policies(nlp, text)
    assert {k for k, t in found if t == "Deportation"} & {"TH", "MY"}


def test_a_car_turned_around_is_no_pushback(nlp):
    found = policies(nlp, "The Thai driver turned the car around near the camp for refugees.")
    assert ("TH", "Deportation") not in found


@pytest.mark.parametrize("text, expected", [
    ("Ankara agreed to take back rejected migrants, in exchange for the EU taking in 20,000 Syrians from its camps.",
     ("european-union", "Admission")),
    ("The new fund pays for Jordan hosting Syrian refugees in its northern towns.", ("JO", "Admission")),
])
def test_state_after_for_is_the_gerund_subject(nlp, text, expected):
    assert expected in policies(nlp, text)


def test_myanmarese_is_a_demonym(nlp):
    text = ("Myanmar's army is fighting in Rakhine. Myanmar has denied abuses, and Myanmar's generals met on Monday. "
            "Ten Myanmarese nationals were deported last week.")
    assert ("MM", "Deportation") not in policies(nlp, text)
