"""Round 32 policy mechanisms (helper Q1h), from the errors on 20 freshly annotated articles (seed 3201).

Protection from deportation worded as leave to avoid it, as sparing it or as lifting its threat; a passive grant
"under" a named state protection programme is that programme's state's; the expiry or lapse of such a programme
ends it; "The program protects ..." right after such a programme was named; a detention facility for migrants
is its owner's or place's state's, else the story's, never a state merely named in the clause; asylum seekers
kept from lodging a claim; "a rule from X that would ..." is X's measure, not that of the clause's subject;
"Gov." is a state office; "a decree on X which lets ..." is the decree's; "the end of the program" right after a
named programme ends it; "focus on deporting" states a priority, done; "admitted there is" concedes, it admits
nobody; "already" and like adverbs inside a passive ("parents already deported"). All sentences are invented."""

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


US = "Undocumented immigrants in the U.S. keep waiting for news. "
BORDER = "Migrants sleep in shelters in U.S. border towns. "


@pytest.mark.parametrize("text, expected", [
    # leave to avoid deportation, sparing it, lifting its threat
    (US + "The United States allows some young immigrants to avoid deportation.", {("US", "AsylumOffer")}),
    (US + "President Obama's executive order lets certain young immigrants escape removal.",
     {("US", "AsylumOffer")}),
    (US + "The U.S. order lifted for now the threat of removal hanging over undocumented immigrants.",
     {("US", "AsylumOffer")}),
    # a passive grant under a named programme: the programme's state
    (US + "Some 700,000 young undocumented immigrants were given lawful status and work permits under TPS.",
     {("US", "AsylumOffer")}),
    # the expiry of a protection programme ends it; it offers nothing
    (US + "Congress has to deal with the looming expiry of DACA before the spring.", {("US", "AsylumRestriction")}),
    (US + "Senators worried about the coming lapse of the DACA program next month.", {("US", "AsylumRestriction")}),
    # "the program" right after a named programme
    (US + "Reporters asked about Temporary Protected Status (TPS) for Haitians. The program shields people who "
          "fled the earthquake.", {("US", "AsylumOffer")}),
    # a detention facility for migrants: the place's or the story's state, not a state named in passing
    (US + "A senator whose state borders Canada toured migrant detention centers last weekend.", {("US", "Detention")}),
    (US + "Several lawmakers are pushing to relieve crowded detention facilities for immigrants.",
     {("US", "Detention")}),
    ("Boats left the coast of Libya again. Rescued people are taken to migrant detention centres in Libya, "
     "aid workers said.", {("LY", "Detention")}),
    # kept from lodging an asylum claim
    (BORDER + "The U.S. will fly asylum seekers to Guatemala, barring them from lodging a claim in the United States.",
     {("US", "AsylumRestriction"), ("US", "Deportation")}),
    # a rule from X that would ...: X's, not the subject's who backs it
    (BORDER + "Mexico's new government agreed to back a rule from the White House that would require asylum "
              "seekers to remain in Mexico until a judge rules on their claims.", {("US", "AsylumRestriction")}),
    (BORDER + "The incoming government in Mexico City agreed to back a rule from the Biden White House that would "
              "require migrants to wait in Mexico for their asylum hearings.", {("US", "AsylumRestriction")}),
    # a stated priority: "focus on deporting"
    (US + "U.S. immigration agents will focus on deporting convicted criminals, officials said.",
     {("US", "Deportation")}),
    # an adverb without "-ly" inside a passive or a reduced relative
    ("Migrants cross into the U.S. every day. Lawyers say some of the mothers already deported without their "
     "sons may come back.", {("US", "Deportation")}),
    ("Migrants cross into the U.S. every day. Hundreds of families were already detained near the border in May.",
     {("US", "Detention")}),
    # "Gov." is the governor's title: a state office
    ("Migrants cross into the U.S. every day. Arizona Gov. Jane Roe will deploy 400 Guard soldiers at "
     "the border.", {("US", "BorderBarrier")}),
    # a document noun with a short "on" phrase before its relative clause
    (US + "Critics attacked the president's executive order on unlawful migration that lets some applicants "
          "avoid deportation.", {("US", "AsylumOffer")}),
    # "the end of the program" right after a named programme
    (US + "Ten state officials threatened to sue over DACA last year. The outcome was the end of the program "
          "after a six-month delay.", {("US", "AsylumRestriction")}),
])
def test_r32_mechanisms(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, absent", [
    # "the program" with no protection programme named just before
    (US + "Officials would not talk about the budget. The program protects young immigrants who arrived as "
          "children.", ("US", "AsylumOffer")),
    # help from a smuggler is no state's protection
    (US + "A smuggler helped the two men avoid deportation last year.", ("US", "AsylumOffer")),
    # "immigration detention centers" left to the older entry: no story-state fallback for a funding list
    (US + "Democrats vowed that no deal will include money for the wall or for immigration detention centers.",
     ("US", "Detention")),
    (US + "U.S. lawmakers argued on deporting criminals for hours.", ("US", "Deportation")),
    # "admitted there is ...": a concession, nobody let in
    ("Migrants crossed into Poland from Belarus. The Polish government admitted there is a problem at the border "
     "with the migrants.", ("PL", "Admission")),
    (US + "Officials would not talk about the budget. The outcome was the end of the program after a delay.",
     ("US", "AsylumRestriction")),
])
def test_r32_near_misses(run, text, absent):
    assert absent not in run(text)
