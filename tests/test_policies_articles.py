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
    ("Under a Dutch policy called the return rule, about 2,000 asylum applicants have been sent back to Belgium.",
     {("NL", "Deportation")}),
    # only a passive stated as done: a prospect under the policy is no measure taken
    ("Under a Dutch policy known as the return rule, asylum seekers could be sent back to Belgium.", set()),
])
def test_an_under_policy_opener_owns_an_agentless_passive(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Since January more than 30,000 migrants have been returned to Guatemala, the Mexican interior ministry said.",
     {("MX", "Deportation")}),
    ("Thousands of refugees returned to Syria after the ceasefire in Lebanon.", set()),  # went back themselves
])
def test_returned_to_as_a_passive_is_a_deportation(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials said Italy will continue arresting and removing criminal aliens who entered illegally.",
     {("IT", "Detention"), ("IT", "Deportation")}),
    ("Officials said Italy will continue arresting and questioning the suspects.", set()),
    ("Canada has previously admitted refugees from the camps.", {("CA", "Admission")}),
    # a participle after "previously" describing the group is no admission
    ("The Canadian court narrowed the order to cover only previously admitted aliens who are abroad.", set()),
])
def test_aliens_are_migrants_and_gerunds_share_their_object(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A spokeswoman said Norway had examined his asylum application and chose to turn it down.",
     {("NO", "AsylumRestriction")}),
    ("Activists urged Norway to turn the asylum request down.", set()),
    ("Italy's policy requires Tunisian asylum seekers to wait in Libya.", {("IT", "AsylumRestriction")}),
    ("Italy does not require asylum seekers from Tunisia to wait in Libya.", set()),
])
def test_refused_asylum_requests_and_waiting_elsewhere(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In April, the Polish president authorized the army to protect the border.", {("PL", "BorderBarrier")}),
    ("The Polish president refused to authorize the army to protect the border.", set()),
    ("Officials said 300 migrants were ‘paroled’ into Canada last month.", {("CA", "Admission")}),
    ("The student flew to Canada on Friday. Immigration officers revoked his visa and deported him to Lebanon.",
     {("CA", "VisaRestriction"), ("CA", "Deportation")}),
    ("The student flew to Canada on Friday. He said immigration officers asked about his friends.", set()),
    ("Spain agreed to relocate 500 asylum seekers from Greece.", {("ES", "Relocation")}),
])
def test_troops_authorised_scare_quotes_agency_officers_and_transfers(nlp, text, expected):
    assert keys(nlp, text) == expected


def test_a_transfer_into_custody_is_no_relocation(nlp):
    found = keys(nlp, "Police said Spain will transfer the migrants to detention centres on the mainland.")
    assert ("ES", "Relocation") not in found


INDIA = "India has opened six camps. India plans more camps. India's courts agreed. "


def test_a_body_named_for_a_state_the_story_never_names_is_not_that_state(nlp):
    # "Congress" is the US body by name, but this story is on another state and never names the US
    assert ("US", "Detention") not in keys(nlp, INDIA + "The opposition Congress said it would build detention "
                                                "centres in every state.")
    assert ("US", "Detention") in keys(nlp, INDIA + "The US Congress said it would build detention centres in "
                                              "every state.")
    # a body named with its state's adjective names that state, however often the story names another
    assert ("CZ", "Deportation") in keys(nlp, "Italy closed its ports. Italy rescued 300 people. Italy asked for "
                                              "help. Czech authorities said they have begun to deport migrants.")


@pytest.mark.parametrize("text, expected", [
    ("Let border officials in Spain detain families for over 20 days.", set()),  # a proposal
    ("Border officials in Spain detained families for over 20 days.", {("ES", "Detention")}),
])
def test_an_imperative_let_is_no_measure(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The rallies came after Austrian Chancellor Karl Brenner's decree barring refugees and migrants "
     "from five nations.", {("AT", "EntryBan")}),
    ("Critics said an order barring refugees from seven nations would be cruel, the Austrian opposition said.", set()),
])
def test_an_order_barring_a_group_from_countries(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Danish police have begun to return certain aliens to Sweden.", {("DK", "Deportation")}),
    ("The deal gave the Austrian chancellor his border wall.", {("AT", "BorderBarrier")}),
    ("The deal would've gotten the Austrian chancellor his border wall.", set()),
    ("They were begging Austria to build a border fence.", set()),
    ("Austria was begged to build a border fence, and Austria built a border fence.", {("AT", "BorderBarrier")}),
])
def test_counterfactuals_and_begging_are_no_measures(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Austrian chancellor ordered the indefinite detention of migrants who seek refuge.", {("AT", "Detention")}),
    ("The Austrian chancellor raised the possibility of indefinite detention of migrants who seek refuge.", set()),
])
def test_the_possibility_of_a_measure_is_none(nlp, text, expected):
    assert keys(nlp, text, backoff=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("Danish officials said 300 migrants were targeted for deportation last year.", {("DK", "Deportation")}),
    ("Danish activists feared that 300 migrants could be targeted for deportation.", set()),
])
def test_targeted_for_deportation(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Canadian refugee admissions program is suspended for 120 days.", {("CA", "AsylumRestriction")}),
    ("Critics fear the Canadian refugee program could be suspended.", set()),
])
def test_a_suspended_refugee_programme_in_the_passive(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana fled to Canada in 2015. Canadian officials later questioned her. She was deported in May.",
     {("CA", "Deportation")}),
    ("Ana fled to Canada in 2015. She feared she would be deported.", set()),
    ("Ana fled to Canada in 2015. Her grandparents were deported to Siberia in 1943.", set()),
])
def test_she_was_deported_is_the_story_states(nlp, text, expected):
    assert keys(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials said Greece expanded the detention of migrants on the islands.", {("GR", "Detention")}),
    ("Officials said Greece will phase out the detention of migrants on the islands.", set()),
    ("Greek lawmakers backed the phase-out of family detention of migrants on the islands.", set()),
    ("Greek lawmakers backed alternatives to detention of migrants on the islands.", set()),
])
def test_a_phased_out_measure_or_its_alternative_is_none(nlp, text, expected):
    assert keys(nlp, text, backoff=True) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ana fled to Canada in 2015. Canadian officials would hold her for months, until she was finally deported.",
     set()),
])
def test_until_she_was_deported_is_a_prospect(nlp, text, expected):
    assert keys(nlp, text) == expected
