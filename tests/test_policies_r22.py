"""Round 22 policy recall (helper Q1): general mechanisms that left whole kinds of sentence without a policy.

A measure document as the subject of a measure verb ("The order suspends the entry of refugees", "Trump's
proclamation, which barred ...", "signed a directive that halts ...") acts for its owner: a state named in the
phrase, its possessor, whoever issued it, or else (for a definite document) the story's state; a court's or a
judge's order acts for no state, and a bill (a proposal of legislators) is no measure yet. All sentences are
invented."""

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


US = "U.S. President Donald Trump spoke on Monday in Washington. "


@pytest.mark.parametrize("text, expected", [
    # the document's possessor, a person holding a state office
    (US + "Polls are divided over Trump's executive order, which bars nationals of six states from entering the US.",
     {("US", "EntryBan", "in_force")}),
    # "his" order: the person named before
    (US + "His executive order halted the entry of every refugee to the U.S. for four months.",
     {("US", "EntryBan", "in_force")}),
    # a definite document with no owner in the sentence: the story's state, even when named as the destination
    (US + "The order also suspends the admission of refugees into the US until the summer.",
     {("US", "EntryBan", "in_force"), ("US", "AsylumRestriction", "in_force")}),
    (US + "The ban prevents citizens of seven countries from entering the country.", {("US", "EntryBan", "in_force")}),
    ("Canada has long welcomed asylum seekers. The new order bars refugees from entering Canada for six months.",
     {("CA", "EntryBan", "in_force"), ("CA", "Admission", "in_force")}),
    # whoever issued it: the subject of the clause the document stands in
    ("Japan changed its rules this year. Prime Minister Abe signed a directive that suspends the entry of foreign "
     "workers.", {("JP", "EntryBan", "in_force")}),
    # the status comes from the verb's own clause
    ("Japan changed its rules this year. The directive would suspend the entry of foreign workers for a year.",
     {("JP", "EntryBan", "announced")}),
    # a state named inside the phrase owns it, not the state the group comes from
    ("Germany and Austria are neighbours. The Austrian decree halts the admission of refugees from Germany.",
     {("AT", "EntryBan", "in_force"), ("AT", "AsylumRestriction", "in_force")}),
])
def test_document_agent(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    # negated
    "Japan changed its rules this year. The directive did not suspend the entry of foreign workers.",
    # a court's or a judge's order: no state's measure
    "Immigration is debated in the United States. A federal judge issued an order that halted deportations of "
    "Iraqis.",
    "Immigration is debated in the United States. The court's ruling, which halts the deportation of Iraqis, angered "
    "officials.",
    # a bill is a proposal, not a measure
    "Immigration is debated in the United States. Senators introduced a bill that would bar refugees from entering "
    "the country.",
    # a document that is no measure of a state
    "Immigration is debated in the United States. The law of the sea requires captains to rescue migrants.",
])
def test_document_agent_near_misses(run, text):
    assert run(text) == set()


def test_indefinite_document_takes_no_story_state(run):
    """"an order that suspends ..." with no owner or issuer named may be any state's: no story-state reading."""
    text = "Brazil hosts many migrants. Activists fear an order that suspends the entry of refugees from Haiti."
    assert ("BR", "EntryBan") not in {(a, t) for a, t, _s in run(text)}


@pytest.mark.parametrize("text, expected", [
    # plural state bodies placed in a list of states: one policy per state, as with coordinated actors
    ("Officials in Hungary, Croatia and Slovenia said they would close their borders to migrants.",
     {("HU", "EntryBan", "announced"), ("HR", "EntryBan", "announced"), ("SI", "EntryBan", "announced")}),
    ("Authorities in Greece and Italy detained hundreds of migrants.",
     {("GR", "Detention", "in_force"), ("IT", "Detention", "in_force")}),
    ("Police in Macedonia and Serbia pushed back hundreds of migrants.",
     {("MK", "Deportation", "in_force"), ("RS", "Deportation", "in_force")}),
    # a singular body keeps the state it is of
    ("The government of Austria and its partners agreed to take in the refugees.", {("AT", "Admission", "in_force")}),
    # an announced closure in the passive, after the state that announces it
    ("Poland announced that the border with Belarus would be closed to migrants.", {("PL", "EntryBan", "announced")}),
    # noun forms with the actor after "by" or as a possessor
    ("The deportation of 200 Afghans by Pakistan drew criticism.", {("PK", "Deportation", "in_force")}),
    ("Rights groups criticised the expulsion of Rohingya refugees by India.", {("IN", "Deportation", "in_force")}),
    ("Hungary's closure of its border left thousands of migrants stranded.", {("HU", "EntryBan", "in_force")}),
    ("The closure of the border by Serbia left refugees stranded.", {("RS", "EntryBan", "in_force")}),
])
def test_lists_passives_and_noun_forms(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "Poland announced that the border with Belarus would not be closed to migrants.",
    "The deportation of migrants by plane is expensive.",
    "Afghans fear deportation by Pakistan.",
    "Hungary's closure of its border to trade left truckers stranded.",
    "Critics called for the closure of the border to migrants.",
])
def test_lists_passives_and_noun_forms_near_misses(run, text):
    assert run(text) == set()


OBAMA = "President Barack Obama of the United States spoke about immigration. "
MIGRANT_STORY = ("Refugees and migrants crossed the Balkans. Migrants and refugees walked for weeks, and more refugees "
                 "followed the migrants. ")


@pytest.mark.parametrize("text, expected", [
    # granting a legal status, deferred action or an amnesty to migrants protects them
    (OBAMA + "The Homeland Security Department has now granted legal status to nearly all of the illegal immigrants "
     "who applied.", {("US", "AsylumOffer", "in_force")}),
    (OBAMA + "Mr. Obama granted deferred action to hundreds of thousands of undocumented immigrants.",
     {("US", "AsylumOffer", "in_force")}),
    (OBAMA + "The amnesty grants provisional legal status and work permits to undocumented immigrants.",
     {("US", "AsylumOffer", "in_force")}),
    # stopping removals with a gerund, as with "stop deportations"
    (OBAMA + "Obama announced that he would stop deporting illegal immigrants younger than 25.",
     {("US", "AsylumOffer", "announced")}),
    # relief from deportation is protection, not aid; a measure document governs the noun
    (OBAMA + "The order offers relief from deportation to many young immigrants.",
     {("US", "AsylumOffer", "in_force")}),
    # barriers raised between two states: the first of each pair
    (MIGRANT_STORY + "Fences went up between Slovenia and Croatia, between Bulgaria and Turkey, and between Austria "
     "and Slovenia.", {("SI", "BorderBarrier", "in_force"), ("BG", "BorderBarrier", "in_force"),
                     ("AT", "BorderBarrier", "in_force")}),
])
def test_status_grants_and_barriers(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    OBAMA + "The draft bill would offer a legal status to young unauthorized immigrants.",
    OBAMA + "Congress failed to approve a measure granting legal status to illegal immigrants.",
    OBAMA + "Texas argues that if you give legal status to all these people, the state will pay.",
    OBAMA + "A judge told the government to stop deporting mothers and fathers without their children.",
    # guarantees about a residence status are no grant of one (nor protection)
    "Many migrants live in Europe. Spain and Italy have offered short-term guarantees about residency status to the "
    "migrants.",
    MIGRANT_STORY + "Walls went up between neighbours in the village.",
    MIGRANT_STORY + "Prices went up between Hungary and Serbia.",
])
def test_status_grants_and_barriers_near_misses(run, text):
    assert run(text) == set()


@pytest.mark.parametrize("text, expected", [
    # a bill or policy as the subject of the measure: the state its phrase names, not the clause's subject
    ("Migrants keep arriving in the United States. Mexico criticised a U.S. bill that would tighten border security.",
     {("US", "BorderBarrier", "planned")}),
    ("Migrants keep arriving in Greece. Turkey said a Greek bill would tighten border security.",
     {("GR", "BorderBarrier", "planned")}),
    ("Migrants keep arriving in the United States. Mexico criticised U.S. policies that bar migrants from entering "
     "the country.", {("US", "EntryBan", "in_force")}),
    # the state that passes the bill drafts it
    ("Migrants keep arriving in Greece. Greece passed a bill that would bar migrants from entering the country.",
     {("GR", "EntryBan", "planned")}),
    # not granting an amnesty is no measure either way
    (OBAMA + "Obama is not granting any amnesty to illegal immigrants, a columnist wrote.", set()),
    # a critic of a bill does not draft it
    ("Migrants keep arriving in the United States. Mexico criticised the bill that would tighten border security.",
     set()),
])
def test_drafted_document_owner(run, text, expected):
    assert run(text) == expected
