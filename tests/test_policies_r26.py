"""Round 26 policy mechanisms (helper Q1b), found on fresh migration articles no rule was written on.

A way to legal status or a deferral of deportation given to a group is a grant of status (AsylumOffer); an
institution named after its leader ("the <name> administration") acts for that leader's state, or the story's main
state when the leader's is not known; a verb only people undergo right after a plain noun for people ("people
deported daily") is a reduced relative on that group; a state named as someone's origin ("the Honduras native")
acts for nothing later in the story. All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}

    return _run


@pytest.mark.parametrize("text, expected", [
    ("The Canadian government said on Tuesday it would offer a pathway to citizenship to 40,000 undocumented "
     "migrants.", {("CA", "AsylumOffer")}),
    ("Last spring the Australian government granted a deportation deferral to 300 asylum seekers.",
     {("AU", "AsylumOffer")}),
    ("Canada granted deferrals of deportation to hundreds of rejected asylum seekers in March.",
     {("CA", "AsylumOffer")}),
    # near misses: a negated offer, and a lawmaker's wish, are no grant
    ("Ottawa said on Friday that it will never offer the 40,000 undocumented migrants a pathway to citizenship.",
     set()),
    ("Senator Ana Lopez wants a pathway to citizenship for undocumented migrants.", set()),
    # a path named without anyone giving it
    ("Undocumented migrants in Canada say the pathway to citizenship is long and costly.", set()),
])
def test_status_grants(run, text, expected):
    assert run(text) == expected


ECUADOR = "Her family has lived in Ecuador for twenty years, and Ecuador is the only home the migrant knows. "


@pytest.mark.parametrize("text, expected", [
    # the leader's state is not said: the story's main state, named only later
    ("Ana Ruiz, an undocumented immigrant, was granted a deportation deferral by the Moreno administration last "
     "year. " + ECUADOR, {("EC", "AsylumOffer")}),
    # near miss: an agency named by its task is no leader's executive, and names no state here
    ("Ana Ruiz, an undocumented immigrant, was granted a deportation deferral by the Migration Administration "
     "last year. Her lawyer welcomed the news.", set()),
])
def test_leader_named_administration(run, text, expected):
    assert run(text) == expected


SPAIN = "Spain has tightened its asylum rules this year, and Spain now returns more migrants than before. "


@pytest.mark.parametrize("text, expected", [
    (SPAIN + "Protesters in Madrid lit 500 candles, the number of people deported every week.",
     {("ES", "Deportation")}),
    # near misses: people who fear it, and a verb people do themselves
    (SPAIN.replace("and Spain now returns more migrants than before", "say lawyers") +
     "Protesters in Madrid said more people could be deported next year.", set()),
    (SPAIN.replace("and Spain now returns more migrants than before", "say lawyers") +
     "Protesters in Madrid lit 500 candles for the people supported by the charity.", set()),
])
def test_people_reduced_relative(run, text, expected):
    assert {x for x in run(text) if x != ("ES", "AsylumRestriction")} == expected


def test_origin_native_is_no_actor(run):
    text = ("The U.S. Senate debated immigration on Monday. Maria, a Honduras native, told reporters "
            "about her fear of deportation. Later the Senate voted to grant legal status to undocumented "
            "immigrants.")
    assert ("HN", "AsylumOffer") not in run(text)
    assert ("US", "AsylumOffer") in run(text)


@pytest.mark.parametrize("text, expected", [
    # "to grant" is the verb of the asylum offer, not a grant of money
    ("The presidents of Peru and Chile announced they were ready to grant the fugitive asylum after he fled "
     "Bolivia and sought refuge.", {("PE", "AsylumOffer"), ("CL", "AsylumOffer")}),
    # near misses that stay Aid: the noun "grant"
    ("Norway announced it would provide a grant of 5 million kroner to help refugees in Lebanon.", {("NO", "Aid")}),
    ("Norway announced a new grant for refugees in Lebanon, its humanitarian aid chief said.", {("NO", "Aid")}),
])
def test_grant_verb_is_no_aid(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Many immigrants came under the revised Israeli law of return, which welcomes people who have one "
     "Jewish grandparent. Refugees and migrants came to Israel too.", {("IL", "Admission")}),
    # near misses: a charity's plan, and a law no state is said to own
    ("Activists praised the charity's plan, which welcomes refugees from Syria. Refugees and migrants came "
     "to Lebanon.", set()),
    ("Reporters asked about the law of return, which welcomes immigrants from abroad. Refugees and migrants "
     "came to Israel.", set()),
])
def test_relative_clause_on_a_state_policy(run, text, expected):
    assert run(text) == expected
