"""Round 30 policy mechanisms (helper Q1f), from the errors left on all documents already annotated and read.

Money a state commits, requests or spends "to help" or "to deal with" is aid; a state compared after a comparative
and "than" that closes its clause took the same measure; deportations named with their scale ("mass deportations",
"a rise in deportations") are the acting state's; a state protection programme named as a programme ("the DACA
program") is that state's protection. All sentences are invented."""

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


US_STORY = ("Immigrant families in the U.S. fear migration raids. Migrants hide, and migrant children miss school. "
            "Immigration lawyers say the migrants need help. ")
CAMPS = "Refugees from the war fill the camps. The refugees need food and shelter, and more refugees arrive daily. "


@pytest.mark.parametrize("text, expected", [
    (CAMPS + "Last spring the U.S. committed two billion dollars to help Jordan shelter the refugees.",
     {("US", "Aid")}),
    (US_STORY + "President Barack Obama requested $2 billion to deal with the surge of migrant children.",
     {("US", "Aid")}),
    (CAMPS + "Canada will spend 300 million dollars to help the refugee camps in the region.", {("CA", "Aid")}),
    # a story on migration, with few words of help: the purpose says it
    (US_STORY + "President Barack Obama requested $3 billion to deal with the crisis.", {("US", "Aid")}),
])
def test_money_to_help_is_aid(run, text, expected):
    assert {p for p in run(text) if p[1] == "Aid"} == expected


@pytest.mark.parametrize("text", [
    US_STORY + "The U.S. requested $5 billion to help build the wall on the border with Mexico.",
    US_STORY + "The U.S. will spend $2 billion in new funding to help hire more border agents.",
])
def test_money_for_walls_or_agents_is_no_aid(run, text):
    assert {p for p in run(text) if p[1] == "Aid"} == set()


@pytest.mark.parametrize("text, expected", [
    (CAMPS + "Norway has donated more to the refugees than Kuwait, Bahrain and Oman combined.",
     {("NO", "Aid"), ("KW", "Aid"), ("BH", "Aid"), ("OM", "Aid")}),
    (CAMPS + "Last year Britain took in 20,000 refugees, 4,000 fewer than neighbouring Ireland, which is far "
             "smaller.", {("GB", "Admission"), ("IE", "Admission")}),
    (CAMPS + "Sweden admitted more refugees last year than Denmark.", {("SE", "Admission"), ("DK", "Admission")}),
    # no comparative before "than", or the compared state's possessive: no second actor
    ("Migrants arrive by boat every week. Italy sent the migrants back to Libya rather than Tunisia.",
     {("IT", "Deportation")}),
    ("Migrants arrive by boat every week. Greece deported more migrants than Italy's coast guard rescued.",
     {("GR", "Deportation")}),
])
def test_compared_state_takes_the_same_measure(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    (US_STORY + "President Donald Trump spoke of mass deportations during his campaign.", {("US", "Deportation")}),
    (US_STORY + "President Donald Trump promised to set up a deportation force in every state.",
     {("US", "Deportation")}),
    (US_STORY + "Under the new rules the U.S. saw a sharp rise in deportations of farm workers.",
     {("US", "Deportation")}),
    # feared ones are none
    (US_STORY + "The migrants fear mass deportations.", set()),
])
def test_deportations_named_with_their_scale(run, text, expected):
    assert {p for p in run(text) if p[1] == "Deportation"} == expected


@pytest.mark.parametrize("text, expected", [
    (US_STORY + "Some 700,000 people joined the Deferred Action for Childhood Arrivals initiative after 2012.",
     {("US", "AsylumOffer")}),
    (US_STORY + "A court in Texas said on Friday that the DACA program of 2012 remains lawful.",
     {("US", "AsylumOffer")}),
    # a recipient, or a programme only proposed, is no protection offered
    (US_STORY + "She is a DACA recipient and works as a nurse.", set()),
    (US_STORY + "Lawmakers proposed a new DACA program for older immigrants.", set()),
])
def test_protection_programme_named(run, text, expected):
    assert {p for p in run(text) if p[1] == "AsylumOffer"} == expected


@pytest.mark.parametrize("text, expected", [
    (US_STORY + "He defended the U.S. government's \"zero tolerance\" policy at the border.", {("US", "Detention")}),
    (US_STORY + "U.S. President Tom Hadley's zero-tolerance policy split up thousands of families.",
     {("US", "Detention")}),
    # ended, or a school's rule on another matter: none
    (US_STORY + "The president ended the zero-tolerance policy in June.", set()),
    (US_STORY + "The school has a zero tolerance policy on bullying.", set()),
])
def test_zero_tolerance_policy_is_detention(run, text, expected):
    assert {p for p in run(text) if p[1] == "Detention"} == expected


@pytest.mark.parametrize("text", [
    US_STORY + "Mass deportations would cost far too much, the senator argued.",
    US_STORY + "Few voters still believe that mass deportations and raids can ever happen.",
])
def test_deportations_judged_are_no_measure(run, text):
    assert {p for p in run(text) if p[1] == "Deportation"} == set()


BALKANS = "Migrants crowd the border crossings on the Balkan route. "


@pytest.mark.parametrize("text, expected", [
    # three states closed by a dash: the "and" is in the aside, whose state closes the list
    (BALKANS + "Slovenia, Croatia, Austria – and even Norway – each put up fences last year to keep the migrants "
               "away.", {("SI", "BorderBarrier"), ("HR", "BorderBarrier"), ("AT", "BorderBarrier"),
                        ("NO", "BorderBarrier")}),
])
def test_list_closed_in_an_aside(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    (BALKANS + "Many praise the generous aid Austria provides to refugees.", {("AT", "Aid")}),
    (BALKANS + "The new fence that Hungary has built along the border stopped the migrants.",
     {("HU", "BorderBarrier")}),
    (BALKANS + "The detention centres Slovenia runs are full of migrants.", {("SI", "Detention")}),
    # a verb that neither gives nor builds it
    (BALKANS + "The wall Mexico refuses to pay for is still a plan.", set()),
])
def test_relative_clause_owner(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the nearest state is the one in the aside: the list before the dash is its own
    (BALKANS + "Look at the map: Slovenia, Croatia, Austria, Italy – why, even Norway — each put up new border "
               "fences against the refugees last year.",
     {("SI", "BorderBarrier"), ("HR", "BorderBarrier"), ("AT", "BorderBarrier"), ("IT", "BorderBarrier"),
      ("NO", "BorderBarrier")}),
    # an aside left open: no list
    (BALKANS + "The migrants came from Syria, Iraq, Afghanistan – and Germany deported many of them.",
     {("DE", "Deportation")}),
])
def test_list_before_an_aside(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    (US_STORY + "The White House will hold up the budget until lawmakers approve funding requested for the border "
                "wall.", {("US", "BorderBarrier")}),
    (US_STORY + "The U.S. will fund the wall with money from the military.", {("US", "BorderBarrier")}),
    # refused or never given: none
    (US_STORY + "Democrats refused to fund the wall.", set()),
    (US_STORY + "Mexico's president said his country would never fund the wall.", set()),
])
def test_wall_funding(run, text, expected):
    assert {p for p in run(text) if p[1] == "BorderBarrier"} == expected


@pytest.mark.parametrize("text, expected", [
    # a programme named only as the thing ended is no offer in that sentence (the ending is the restriction)
    (US_STORY + "The government scrapped the DACA program in a late memo.", {("US", "AsylumRestriction")}),
    (US_STORY + "The new cabinet moved to terminate the TPS program.", {("US", "AsylumRestriction")}),
])
def test_named_programme_ended(run, text, expected):
    assert run(text) == expected
