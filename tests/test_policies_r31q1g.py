"""Round 31 policy mechanisms (helper Q1g), from the errors on 20 freshly annotated articles (seed 3101).

A state right before a gerund trigger, after a preposition that takes a clause, is the gerund's subject; a
leader's name right before a noun trigger owns it; a ban on asylum restricts asylum; doors thrown open are the
named state's; refugees brought from one place to another are admitted; forces used to stop migrants are a
barrier deployment; custody named with a bracketed acronym; the phaseout of an "Obama-era" programme; a passive
in a relative clause on a holding place is a fact; "a man accused of a theft had been deported" describes the
person, it accuses no one of the measure; the subject of an "as" clause carries out "its plan to" V. All
sentences are invented."""

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


CAMPS = "Asylum seekers wait in the camps for months. "
US_BORDER = "Migrants crossed the U.S. border last month, and U.S. President Donald Trump spoke about it. "
REFUGEES = "Refugees from the war keep arriving, and the refugees need shelter. "


@pytest.mark.parametrize("text, expected", [
    # a state before a gerund trigger after "over", "about", "after": the gerund's subject, not the object
    (CAMPS + "Senators in Washington were furious over Norway granting asylum to the defector.",
     {("NO", "AsylumOffer")}),
    (CAMPS + "Officials in Paris complained about Ecuador offering asylum to the hacker.", {("EC", "AsylumOffer")}),
    # a leader's surname right before a noun trigger
    (US_BORDER + "On Monday a federal judge blocked the Trump asylum ban.", {("US", "AsylumRestriction")}),
    # a ban on asylum restricts asylum, it bars no entry
    (US_BORDER + "The Trump administration enforced a ban on asylum for migrants who cross illegally.",
     {("US", "AsylumRestriction")}),
    # a long relative clause between the bar and "from seeking asylum"
    (US_BORDER + "Trump signed a proclamation that barred anyone who entered the country between official "
                 "crossing points from seeking asylum.", {("US", "AsylumRestriction")}),
    # the state whose doors are thrown open, for a subject that names none
    (REFUGEES + "Last year the government has thrown open Sweden's doors to hundreds of refugees.",
     {("SE", "Admission")}),
    # refugees brought from somewhere to somewhere
    (REFUGEES + "Canada will bring 300 refugees from camps in Jordan to Toronto next year.", {("CA", "Admission")}),
    # forces used to stop migrants, no border named
    ("Migrants walk north in a long caravan. Guatemala will deploy soldiers to stop the migrants at its "
     "southern edge.", {("GT", "BorderBarrier")}),
    ("Small boats carry migrants across the sea each week. Britain will deploy the navy to stop the boats, "
     "the minister said.", {("GB", "BorderBarrier")}),
    # custody named with a bracketed acronym
    (US_BORDER + "Two asylum seekers fell ill while in Customs and Border Protection (CBP) custody.",
     {("US", "Detention")}),
    # the phaseout of an era-named programme
    (US_BORDER + "The president ordered a phaseout of the Bush-era Deferred Action rules.",
     {("US", "AsylumRestriction")}),
    # a passive in a relative clause on a holding place
    (US_BORDER + "Reporters visited the shelters where many of the migrants are detained.", {("US", "Detention")}),
    # "accused of" after a plain noun describes the person; the passive after it is stated as done
    (US_BORDER + "The man accused of the robbery had been deported three times.", {("US", "Deportation")}),
    # "as X <verb> its plan to V": the subject of the "as" clause carries out its own plan
    ("Refugees keep arriving in Europe. The argument continues as Germany sticks to its policy to admit the "
     "refugees.", {("DE", "Admission")}),
    (US_BORDER + "The argument continues as the White House sticks to its policy to admit the refugees.",
     {("US", "Admission")}),
])
def test_r31_mechanisms(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, absent", [
    # "in" takes no clause: Germany is where the refugees are, not who grants anything
    (CAMPS + "Refugees in Germany seeking asylum were sent on to Italy.", ("DE", "AsylumOffer")),
    # an embedded question with "where" is no holding place
    (US_BORDER + "Nobody would say where the migrants are detained.", ("US", "Detention")),
    # an accusation of the measure itself stays an accusation
    (US_BORDER + "The agency was accused of wrongly deporting the migrants.", ("US", "Deportation")),
    # another state's plan criticised in the "as" clause is not the subject's own
    ("Refugees keep arriving in Europe. Critics spoke up as Germany criticised the Austrian plan to deport the "
     "migrants.", ("DE", "Deportation")),
])
def test_r31_near_misses(run, text, absent):
    assert absent not in run(text)
