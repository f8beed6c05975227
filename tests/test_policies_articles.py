"""Policy readings added after reading whole corpus articles (round 14): constructions a sentence-level rule
writer had not seen. Invented sentences only; each positive has a near miss that must not fire."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def keys(nlp, text: str, backoff: bool | None = None) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc), backoff=backoff)}


@pytest.mark.parametrize("text, expected", [
    ("Italy's government will suspend all immigration from three countries next month.", {("IT", "EntryBan")}),
    ("Japan restricted travel from China in February.", {("JP", "EntryBan")}),
    ("The Dutch government will suspend immigration for two years.", {("NL", "EntryBan")}),
    # near misses: stopping illegal immigration is no ban on a group; a halted agency is no measure; negated
    ("Italy vowed to halt illegal immigration.", set()),
    ("Officials warned the Dutch shutdown will halt the immigration system for weeks.", set()),
    ("Japan does not plan to restrict travel from China.", set()),
])
def test_suspending_or_restricting_immigration_is_an_entry_ban(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Polish border guards suspended all crossings at the checkpoint on Sunday.", {("PL", "EntryBan")}),
    ("Polish border guards worked to halt illegal crossings at the checkpoint.", set()),
])
def test_suspended_crossings_are_an_entry_ban(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Austrian Chancellor Karl Brenner used the speech to defend his travel ban.", {("AT", "EntryBan")}),
    # a person without a state office owns no measure; "his deportation" is the deported man's, not a doer's
    ("Karl Brenner, a lawyer in Vienna, spoke about his travel ban case.", set()),
    ("Austrian Chancellor Karl Brenner met Omar Said, who lost his fight against his deportation.", set()),
])
def test_a_leaders_possessive_pronoun_names_the_state_of_a_noun_measure(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials confirmed the detention of more than 200 migrants at a crossing near Calais.",
     {("FR", "Detention")}),
    ("Guards reported the detention of 30 migrants near Springfield, Ohio.", {("US", "Detention")}),
    ("Activists in Calais condemned calls for the detention of migrants.", set()),
])
def test_detention_of_migrants_at_a_place_is_its_states(nlp, text, expected):
    assert keys(nlp, text, backoff=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("Last year Spain arrested and deported the largest number of migrants in a decade.",
     {("ES", "Detention"), ("ES", "Deportation")}),
    ("Last year Spain arrested and questioned the leaders of the gang.", set()),
])
def test_two_verbs_share_their_object(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics attacked Sweden's open-door policy on refugees.", {("SE", "Admission")}),
    ("Critics attacked the cafe's open-door policy.", set()),
    ("Norway will shelter three families who fled the fighting.", {("NO", "Aid")}),
    ("The church will shelter three families who fled the fighting.", set()),
])
def test_open_door_policy_and_sheltering_families(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Polish President Jan Nowak met reporters on Monday. “Under our law, we admit a fixed number of refugees "
     "every year,” he said.", {("PL", "Admission")}),
    # a quotation without a first person may speak of another state's measure; "why giving refuge" discusses one
    ("Polish President Jan Nowak met reporters on Monday. “Decisions to build walls never work,” he said of the "
     "plan.", set()),
    ("Polish President Jan Nowak met reporters on Monday. “We Europeans should never forget why giving refuge "
     "matters,” he said.", set()),
])
def test_we_in_a_leaders_quotation_through_the_build(nlp, text, expected):
    """graph.build.extract_document hands the quotations to the policies (it did not before round 14)."""
    from pathlib import Path

    from graph.build import extract_document
    from graph.documents import make_document

    assertions, _quotations = extract_document(nlp, make_document("t", text, Path("t")))
    assert {(p.actor_key, p.policy_type) for p in assertions.policies} == expected


@pytest.mark.parametrize("text, expected", [
    ("Under a Dutch policy known as the return rule, some 2,000 asylum seekers have been sent back to Belgium.",
     {("NL", "Deportation")}),
    # only a passive stated as done: a prospect under the policy is no measure taken
    ("Under a Dutch policy known as the return rule, asylum seekers could be sent back to Belgium.", set()),
])
def test_an_under_policy_opener_owns_an_agentless_passive(nlp, text, expected):
    assert keys(nlp, text) == expected
