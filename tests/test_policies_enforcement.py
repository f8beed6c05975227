"""Enforcement measures (deportation, detention, mobilization, relocation) stated without their actor as the
subject: noun phrases with "from X", reported counts, passives into a state's army, agentless call-ups, the
body a measure is named by. All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

US_STORY = "The United States tightened its border rules this year. "
RU_STORY = "Russia invaded Ukraine in February. "


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
    # a deportation noun with the deporting state after "from" (also past an "of" group)
    ("Removal flights from Austria to Nigeria restarted in May.", {("AT", "Deportation")}),
    ("Aid groups condemned the expulsion of 150 Malians from Mauritania.", {("MR", "Deportation")}),
    ("Migrants keep arriving. Expulsions of asylum seekers from Norway to Russia continued all winter.",
     {("NO", "Deportation")}),
    # a reported count of deportations: the state (body) reporting it, else the story's state
    ("Migrants keep arriving at the U.S. border. Deportations climbed 12 percent last year, ICE said.",
     {("US", "Deportation")}),
    ("Migrants keep arriving at the U.S. border. Immigration and Customs Enforcement said removals fell "
     "sharply in the spring.", {("US", "Deportation")}),
    ("Swedish police reported more arrivals. Deportations from Sweden reached 9,000 last year.",
     {("SE", "Deportation")}),
    # passives into a state's army; agentless call-ups in a story on that state
    ("He fled in 2016 rather than be conscripted into the Eritrean army.", {("ER", "Mobilization")}),
    ("Many young men were drafted into the Russian military last autumn.", {("RU", "Mobilization")}),
    (RU_STORY + "Tens of thousands of men were called up to fight in the east.", {("RU", "Mobilization")}),
    (RU_STORY + "Some 200,000 reservists have been mobilised since the spring.", {("RU", "Mobilization")}),
    # the bloc's own scheme named by an adjective
    ("Under the EU relocation scheme, 40,000 asylum seekers were to be moved from Malta.",
     {("european-union", "Relocation")}),
    # parents, children and adults are people a measure falls on
    (US_STORY + "Two months later, the mother was deported to Honduras.", {("US", "BorderBarrier"),
                                                                          ("US", "Deportation")}),
    (US_STORY + "Agents detained the fathers at the border on Tuesday.",
     {("US", "BorderBarrier"), ("US", "Detention")}),
])
def test_enforcement_measures(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "The plan met fierce pushback from Canada.",  # opposition, not a push-back
    "The repatriation of 300 Ghanaians from Lebanon began on Friday.",  # the home state brings them back
    "Deportations would rise if the bill passed, the Home Office said.",  # a prospect
    "The flow of migrants into Spain grew in June.",  # "into" alone is no conscription
    RU_STORY + "Reservists could be called up in a second wave.",  # not stated as done
])
def test_no_enforcement_measure(run, text):
    assert not {pair for pair in run(text) if pair[1] in {"Deportation", "Mobilization"}}


def test_frontex_is_the_european_union(run):
    assert run("Frontex sent 400 officers to the Bulgarian border.") == {("european-union", "BorderBarrier")}
