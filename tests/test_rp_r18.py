"""Round 18 policy recall (helper R-P): a wish cue whose subject is the actor ("wants to build a fence") is the
actor's own plan; money for or a push for a border wall is a planned barrier; a state's protection programme
named without its state (DACA, TPS) acts for that state, and ending it restricts protection. All sentences are
invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

US_STORY = "The United States is changing its border rules. U.S. President Donald Trump spoke on Monday. "


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        policies = extract_policies(doc, assertions)
        for p in policies:
            assert (p.actor_kind, p.actor_key) in assertions.entities, "every actor has its entity"
        return {(p.actor_key, p.policy_type) for p in policies}

    return _run


@pytest.mark.parametrize("text, expected", [
    # a wish cue whose subject is the actor: its own plan
    (US_STORY + "Trump still wants to build his wall on the southern frontier with Mexico.", {("US", "BorderBarrier")}),
    ("Slovenia wants to put up a razor-wire fence on its border with Croatia.", {("SI", "BorderBarrier")}),
    ("Denmark wants to deport rejected Iraqi asylum seekers faster.", {("DK", "Deportation")}),
    # near misses: a wish that another party act is a demand, and a non-state subject acts for no state
    ("Italy wants the EU to relocate the migrants landing on its islands.", set()),
    ("Charities want Greece to stop pushing migrant boats back to sea.", set()),
    (US_STORY + "Many voters want to deport undocumented immigrants quickly.", set()),
])
def test_own_intent(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # money for a border wall, a push or call for one: the planned barrier of the one seeking it
    (US_STORY + "The White House is seeking $8 billion for the border wall next year.", {("US", "BorderBarrier")}),
    (US_STORY + "Congress set aside $900 million for new border fencing in Arizona.", {("US", "BorderBarrier")}),
    (US_STORY + "Trump has long pushed for a steel wall along the southern border.", {("US", "BorderBarrier")}),
    (US_STORY + "Trump's renewed call for a border wall dominated the budget talks.", {("US", "BorderBarrier")}),
    # near misses: refused money, someone else paying, Wall Street
    (US_STORY + "Democrats refused to give the president money for the wall on the border.", set()),
    (US_STORY + "Mexico said it would never pay for that border wall.", set()),
    (US_STORY + "Banks raised money for the Wall Street firms that trade near the border.", set()),
])
def test_barrier_funding(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ending a protection programme restricts protection; the programme protects on its state's behalf
    (US_STORY + "The administration rescinded the Deferred Action for Childhood Arrivals program last autumn.",
     {("US", "AsylumRestriction")}),
    (US_STORY + "Trump moved to phase out DACA and gave Congress six months to act.", {("US", "AsylumRestriction")}),
    (US_STORY + "The government terminated TPS for thousands of Nepalis last spring.", {("US", "AsylumRestriction")}),
    (US_STORY + "Homeland Security announced the termination of DACA on a Tuesday.", {("US", "AsylumRestriction")}),
    (US_STORY + "DACA shields about 700,000 young immigrants from deportation.", {("US", "AsylumOffer")}),
    # near misses: a programme's name before a people noun names the group, not the doer; no ending stated
    (US_STORY + "A DACA recipient founded a charity that provides support for immigrant students.", set()),
    (US_STORY + "DACA holders marched to the capitol on Sunday.", set()),
    (US_STORY + "Democrats want to save DACA before the deadline.", set()),
])
def test_protection_programmes(run, text, expected):
    assert run(text) == expected
