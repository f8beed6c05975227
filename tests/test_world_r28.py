"""Round 28 (helper Q4d): policy and flow mechanisms found on migration stories outside the United States.

- a state asking another to extradite someone who left it hunts that person (Manhunt), it does not deport;
  the state that extradites still deports;
- a state withdrawing or revoking the asylum it gave restricts asylum; an applicant withdrawing a request does not;
- the subject of a clause opened by "after"/"once" acts through a verb of intent ("after Chile had decided to
  revoke ..."), and the agent of "an effort by X seeking to ..." acts;
- airdrops of food or aid, a state named as a donor of aid, and states caring for refugees give aid; airdrops of
  weapons do not;
- speeding up the return of people deports them;
- a sentence going on with the journey of the sentence right before it leaves from that sentence's destination;
- a state granting asylum or protection to a nationality takes that group in.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    # extradition asked for: the requesting state's manhunt
    ("Peru sent an extradition request to Spain for the former minister, who fled abroad.", {("PE", "Manhunt")}),
    ("Brazil is seeking to extradite the banker, who fled to Portugal in 2019.", {("BR", "Manhunt")}),
    ("The government of Chad has asked Niger to extradite the two rebel commanders who escaped last year.",
     {("TD", "Manhunt")}),
    ("The judges must weigh an unusual effort by Brazil seeking to extradite a foreign reporter.",
     {("BR", "Manhunt")}),
    # asylum taken back
    ("Chile withdrew the activist's asylum on Monday.", {("CL", "AsylumRestriction")}),
    ("Spanish officers questioned the writer an hour after Chile had decided to revoke her asylum.",
     {("CL", "AsylumRestriction")}),
    ("Spanish officers questioned the writer an hour after Chile had decided to deport her.",
     {("CL", "Deportation")}),
    # aid from the air, donors, care
    ("Iraq airdropped food and water to displaced families stranded in the hills.", {("IQ", "Aid")}),
    ("Jordanian airdrops of aid to the refugees on the plateau have not been enough.", {("JO", "Aid")}),
    ("Norway ranks as the largest single donor of humanitarian aid for the camps, officials said.", {("NO", "Aid")}),
    ("Jordan and Lebanon are struggling to care for millions of refugees from the war.",
     {("JO", "Aid"), ("LB", "Aid")}),
    # returns sped up
    ("Spain wants to speed up the return of rejected asylum seekers.", {("ES", "Deportation")}),
])
def test_round28_policies(nlp, text, expected):
    assert policies(nlp, text) == expected


@pytest.mark.parametrize("text, absent", [
    ("Portugal extradited the banker to Brazil on Friday.", ("PT", "Manhunt")),
    ("Brazil is seeking to extradite the banker, who fled to Portugal in 2019.", ("BR", "Deportation")),
    ("The dissident withdrew his asylum request in March and left for Peru.", ("PE", "AsylumRestriction")),
    ("The air force of Chad airdropped weapons and ammunition to the fighters.", ("TD", "Aid")),
    # a charity that cares for refugees is no state's aid
    ("Maria Lopez, the head of a small charity that cares for refugees, is calling on the Spanish government to let "
     "more people in.", ("ES", "Aid")),
])
def test_round28_policy_near_misses(nlp, text, absent):
    assert absent not in policies(nlp, text)


def test_the_extraditing_state_still_deports(nlp):
    assert ("PT", "Deportation") in policies(nlp, "Portugal extradited the banker to Brazil on Friday.")


def test_no_policy_without_an_actor_or_aid(nlp):
    assert policies(nlp, "The dissident withdrew his asylum request in March and left for Peru.") == set()
    assert policies(nlp, "Aid workers said nobody would look after the displaced families in the camp.") == set()


STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


def test_round28_journey_needs_the_sentence_right_before(nlp):
    text = "The young Eritrean reached Italy by boat in 2015. Officials counted the arrivals. He left for Germany."
    assert ("IT", "DE") not in flows(nlp, STORY + text)


@pytest.mark.parametrize("text, expected", [
    # the journey goes on from the last stop of the sentence before
    ("The young Eritrean reached Italy by boat in 2015. He left for Germany a year later.",
     {("ER", "IT"), ("IT", "DE")}),
    ("The family flew from Iraq to Belarus in October. From there they walked into Poland through the forest.",
     {("IQ", "BY"), ("BY", "PL")}),
    ("Afghan refugees crossed into Iran last year. Many later moved on to Turkey.", {("AF", "IR"), ("IR", "TR")}),
    # the people of the sentence before are the document's emigrants: both legs are theirs
    ("Thousands of Eritreans flew to Sudan. Eritrean men also reached Sudan by bus. Some have crossed into Egypt.",
     {("ER", "SD"), ("ER", "EG"), ("SD", "EG")}),
    # one-sentence paragraphs go on too; a sentence naming its own movers starts afresh
    ("The young Eritrean reached Italy by boat in 2015.\n\nHe left for Germany a year later.",
     {("ER", "IT"), ("IT", "DE")}),
    ("Afghan refugees crossed into Iran last year. Syrians later moved on to Turkey.",
     {("AF", "IR"), ("SY", "TR")}),
])
def test_round28_journey_goes_on(nlp, text, expected):
    assert flows(nlp, STORY + text) == expected


@pytest.mark.parametrize("text, expected", [
    # a state granting protection to a nationality takes them in
    ("Germany granted asylum to 5,000 Syrians last year.", {("SY", "DE")}),
    ("Spain gave refugee status to 300 Venezuelans in March.", {("VE", "ES")}),
    ("Austria has granted temporary protection to more than 80,000 Ukrainians.", {("UA", "AT")}),
    # money, time or a person's asylum moves nobody
    ("Germany granted 5 million euros to Syrians in Jordan.", set()),
    ("Russia granted the whistleblower asylum for one year.", set()),
])
def test_round28_protection_granted_to_a_nationality(nlp, text, expected):
    assert flows(nlp, STORY + text) == expected
