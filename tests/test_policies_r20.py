"""Round 20 policy recall (helper Q2): measures that stop an intake or a removal, and verbs that keep or reinforce a
measure, which the rules had no words for: halting refugee admissions or registrations is an AsylumRestriction;
halting deportations (or "protected from deportation under" a state programme) is an AsylumOffer; implementing or
keeping border controls is a BorderBarrier; beefing up sea rescue is Aid; bringing refugees to a country is an
Admission. All sentences are invented."""

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
    # stopping an intake of refugees or asylum claims restricts asylum
    ("Norway suspended refugee admissions for six months.", {("NO", "AsylumRestriction"), ("NO", "EntryBan")}),
    ("Lebanon's government halted the registration of Syrian refugees.", {("LB", "AsylumRestriction")}),
    ("Jordan has stopped registering new refugees from Iraq.", {("JO", "AsylumRestriction")}),
    ("The U.S. imposed a halt to admissions of refugees.", {("US", "AsylumRestriction")}),
    ("Last year the U.S. government ceased processing any DACA applications.", {("US", "AsylumRestriction")}),
    # halting removals protects the people it spares
    ("Germany suspended deportations to Afghanistan after the attack.", {("DE", "AsylumOffer")}),
    ("Sweden halted the deportation of Uighurs to China.", {("SE", "AsylumOffer")}),
    ("Some 600,000 young people are protected from deportation under DACA, a U.S. program.", {("US", "AsylumOffer")}),
    # keeping or reinforcing a measure is the measure
    ("Denmark is implementing temporary border controls to limit the number of migrants.", {("DK", "BorderBarrier")}),
    ("The European Union has beefed up search and rescue operations at sea for migrants.",
     {("european-union", "Aid")}),
    ("Canada's government plans to bring 25,000 Syrian refugees to the country.", {("CA", "Admission")}),
])
def test_new_measure_forms(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, absent", [
    # negated, demanded, done by no state, or no halt of removals at all
    ("Italy did not suspend refugee admissions last year.", ("IT", "AsylumRestriction")),
    ("Democrats in the U.S. want to halt deportations of young immigrants.", ("US", "AsylumOffer")),
    ("The U.S. agency said it would halt most deportation flights during the storm.", ("US", "AsylumOffer")),
    ("Smugglers bring refugees to Greece in rubber boats.", ("GR", "Admission")),
    ("Austria stopped the bus carrying refugees at the border.", ("AT", "AsylumRestriction")),
    # a court's stay of removals is no state's protection measure
    ("A U.S. judge halted the deportation of 300 Cambodian nationals on Monday.", ("US", "AsylumOffer")),
    ("A court in Germany ordered a halt to deportations of Syrians.", ("DE", "AsylumOffer")),
])
def test_near_misses(run, text, absent):
    assert absent not in run(text)


@pytest.mark.parametrize("text, expected", [
    # "them" after a sentence that names the migrants: the group and the migration context carry over
    ("Hundreds of migrants landed on Lampedusa overnight. Italian police detained 200 of them at the port.",
     {("IT", "Detention")}),
    ("Dozens of asylum seekers waded across the river from Guatemala. Mexican soldiers sent them back across it.",
     {("MX", "Deportation")}),
])
def test_pronoun_group_after_migrants(run, text, expected):
    assert expected <= run(text)


@pytest.mark.parametrize("text", [
    # "them" for people who are no migrants: nothing carries over
    "Two robbers fled the bank in a stolen car. Belgian police detained them near the station.",
    "Lawmakers argued over the spending plan for hours. Dutch officials sent them back to the committee.",
])
def test_pronoun_group_not_migrants(run, text):
    assert not {t for _a, t in run(text)} & {"Detention", "Deportation"}


@pytest.mark.parametrize("text, expected", [
    # a state spoken of again as "the kingdom", "the republic", "the Balkan country"
    ("Oman employs many foreign workers. The kingdom has deported thousands of Yemeni migrants this year.",
     {("OM", "Deportation")}),
    ("Serbia lies on the migrant route. The Balkan country has closed its border to migrants from Iraq.",
     {("RS", "EntryBan")}),
    ("Croatia faces pressure from migrant arrivals. The republic has detained 300 migrants near the border.",
     {("HR", "Detention")}),
])
def test_state_spoken_of_again(run, text, expected):
    assert expected <= run(text)


@pytest.mark.parametrize("text, absent", [
    # a word pointing at another state or at a role: no reference to the state named before
    ("Thousands of migrants reached Spain from Morocco. The neighbouring country has detained 300 migrants.",
     ("ES", "Detention")),
    ("Refugees from Sudan reached Chad. The home country has deported 300 migrants.", ("TD", "Deportation")),
])
def test_state_reference_near_misses(run, text, absent):
    assert absent not in run(text)
