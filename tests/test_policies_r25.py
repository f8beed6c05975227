"""Round 25 policy mechanisms (helper Q1), found on 30 fresh migration articles no rule was written on.

A sentence-opening "it" continues the subject that opened the sentence before (a state, a body such as "the
government", or the same pronoun followed back); a state speaker is found past adverbs and auxiliaries before its
speech verb ("has also said"); a protection clause describing a programme the sentence ends ("ended the
programme, which had shielded ... from deportation") also gives the ending; a passive under "should"/"ought" whose
actor follows it is a view, not a measure, unless that state says it. All sentences are invented."""

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
    """Text -> (actor, type, status) triples."""

    def _run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type, p.status) for p in extract_policies(doc, assertions)}

    return _run


NORWAY = "The Norwegian government announced new rules for asylum seekers on Monday. It tightened patrols along " \
         "the northern coast. "
FENCE = "Lithuania has built a fence on its border. Lithuania says the fence works. "
OTTAWA = "The measure was announced in Ottawa. "
FAMILIES = "Many families reached Canada this year. "


@pytest.mark.parametrize("text, expected", [
    # "It ... It ...": the pronoun chain leads back to the government that opened the paragraph
    (NORWAY + "It opened two detention centres for migrants near the frontier.", {("NO", "Detention", "in_force")}),
    (NORWAY + "It also deported 300 migrants to Russia.", {("NO", "Deportation", "in_force")}),
    # near miss: the chain leads to a charity, which acts for no state
    ("A local charity in Oslo announced new help for asylum seekers on Monday. It opened two shelters in the "
     "capital. It also held talks with the migrants.", set()),
])
def test_subject_chain(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an adverb between the state speaker and "said": the passive is still the speaker's measure
    (FENCE + "Poland's interior ministry has also said that 500 migrants were pushed back to Belarus.",
     {("LT", "BorderBarrier", "in_force"), ("PL", "Deportation", "in_force")}),
    (FENCE + "Poland's interior ministry said that 500 migrants were pushed back to Belarus.",
     {("LT", "BorderBarrier", "in_force"), ("PL", "Deportation", "in_force")}),
])
def test_speaker_past_adverbs(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the programme's protection (taken before) and its ending (the measure now)
    (OTTAWA + "In March, the Canadian cabinet ended the relief programme, which had shielded 40,000 migrants from "
              "deportation.", {("CA", "AsylumOffer", "in_force"), ("CA", "AsylumRestriction", "in_force")}),
    # near misses: a programme extended, and an ending of something else in another clause
    (OTTAWA + "The Canadian cabinet extended a programme that shields 40,000 migrants from deportation.",
     {("CA", "AsylumOffer", "in_force")}),
    (OTTAWA + "The Canadian cabinet ended a farm subsidy programme, and the ministry now shields 40,000 migrants "
              "from deportation.", {("CA", "AsylumOffer", "in_force")}),
])
def test_ended_protection(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a belief of others about what a state ought to do
    (FAMILIES + "The relatives clearly think that the youngsters ought to be granted asylum in Canada.", set()),
    (FAMILIES + "Lawyers think the children should be granted asylum in Canada.", set()),
    # near misses: a grant stated as done, and the state itself saying it
    (FAMILIES + "Some of the families were granted asylum in Canada last spring.", {("CA", "AsylumOffer", "in_force")}),
    (FAMILIES + "The Canadian government said the families should be granted asylum in Canada.",
     {("CA", "AsylumOffer", "announced")}),
])
def test_passive_opinion(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a passive followed by "under" and a policy owned by a state (possessive or adjective)
    (OTTAWA + "The agency issued permits to migrants granted amnesty under Canada's 2012 programme.",
     {("CA", "AsylumOffer", "in_force")}),
    (OTTAWA + "The agency issued permits to migrants granted amnesty under a Canadian policy.",
     {("CA", "AsylumOffer", "in_force")}),
    # near miss: "under pressure from" names no policy
    (OTTAWA + "The agency issued permits to migrants granted amnesty under pressure from Canada.", set()),
])
def test_under_state_policy(run, text, expected):
    assert run(text) == expected
