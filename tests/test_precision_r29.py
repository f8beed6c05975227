"""Round 29 precision audit (helper Q3e): predictions on ~250 fresh migration articles were judged, and the
widest wrong constructions narrowed.

Policies:
- a measure named as what people risk or fear ("at risk of being deported", "in little danger of being detained",
  "vulnerable to deportation") is no measure taken;
- an ``exclude_next`` word joined to the trigger by a hyphen ("a deportation-relief program") excludes it as the
  separate word does;
- "remove protection(s)/status for immigrants" takes a protection away, nobody is removed;
- the alternative not taken, for a gerund ("released rather than being held and deported"; not "fled rather
  than be conscripted", a measure the state takes), and a doubted measure
  ("questioned the need to admit more", "why the country would accept them"), or one "without trying to" take,
  are no measure;
- "reinstate travel restrictions", a "do not travel" warning and funding for homeland security are no aid.
Flows:
- "deeply moved by the scenes": a feeling, nobody moved;
- a country that only locates another place ("people from countries south of Mexico", "just north of Syria") is neither
  origin nor destination;
- a border named as what a state secures ("more security at the Mexican-U.S. frontier", "secure the southern
  border", "U.S.-Mexico border security") is no crossing, nor is "a mass prayer" at a border (people who
  "mass at" it still cross).
All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = ("Immigration officials and refugee groups met on Monday to talk about asylum, border crossings and "
         "deportation cases of migrants. ")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("text", [
    STORY + "The Canadian government said thousands of students ran the risk of being deported.",
    STORY + "Under the Canadian rules, young migrants faced little danger of being deported by Canada.",
    STORY + "Canadian officials said the migrants whose permits expire are vulnerable to deportation by Canada.",
    STORY + "Canada's immigration minister said many asylum seekers live in fear of being detained.",
    STORY + "Young migrants kept their jobs under Ottawa's deportation-relief program for years.",
    STORY + "Ottawa's decision to remove protection for 30,000 migrants living in Canada was called cruel.",
])
def test_feared_or_lifted_measures_are_no_deportation_or_detention(nlp, text):
    found = policies(nlp, text)
    assert ("CA", "Deportation") not in found and ("CA", "Detention") not in found


@pytest.mark.parametrize("text", [
    STORY + "Canada wants to restore travel restrictions for refugees, officials said.",
    STORY + "Canada has given the border town a level four do not travel warning, as refugees wait there.",
    STORY + "The Canadian parliament approved new homeland security funding as refugees kept arriving.",
])
def test_restrictions_warnings_and_security_money_are_no_aid(nlp, text):
    assert ("CA", "Aid") not in policies(nlp, text)


@pytest.mark.parametrize("text, wrong", [
    (STORY + "Canada's immigration minister said on Monday that nearly all migrant families in Canada are being let "
             "go into towns, rather than being held and deported.", ("CA", "Deportation")),
    (STORY + "At a meeting in Ottawa, the Canadian prime minister questioned the need to take in additional "
             "refugees from Haiti.", ("CA", "Admission")),
    (STORY + "A newspaper reported that the premier questioned in a meeting on Friday why Canada would accept "
             "immigrants from poor countries.", ("CA", "Admission")),
    (STORY + "The premier wondered aloud why Canada would take in immigrants from poor countries.",
     ("CA", "Admission")),
    (STORY + "The judge said Canadian agents would hand the children to relatives staying in Canada illegally, "
             "without trying to deport any of them.", ("CA", "Deportation")),
])
def test_alternatives_not_taken_and_doubted_measures(nlp, text, wrong):
    assert wrong not in policies(nlp, text)


@pytest.mark.parametrize("text, expected", [
    (STORY + "Canada deported 4,000 migrants last year.", ("CA", "Deportation")),
    (STORY + "Canadian agents detained 300 migrants at the border on Friday.", ("CA", "Detention")),
    (STORY + "Canada will provide aid and shelter to the refugees arriving from Haiti.", ("CA", "Aid")),
    (STORY + "Canada said it would remove the migrants to Haiti within a week.", ("CA", "Deportation")),
    (STORY + "Instead of releasing them, Canada deported the migrants to Haiti.", ("CA", "Deportation")),
    (STORY + "Canada deported the migrants without a hearing.", ("CA", "Deportation")),
    ("The young man left Caracas in 2017, rather than be conscripted into the Venezuelan army, and asked for asylum "
     "in Spain.", ("VE", "Mobilization")),
    (STORY + "Canada admitted 2,000 refugees from Haiti last year.", ("CA", "Admission")),
    (STORY + "Instead of the Canadian wall, the opposition wants more drones; Canada plans to build a wall on its "
             "frontier, officials said.", ("CA", "BorderBarrier")),
])
def test_measures_still_found(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text, wrong", [
    ("Refugees keep arriving. Norwegians, deeply moved by the scenes from Aleppo, gave money to Syrian neighbours.",
     ("NO", "SY")),
    ("Refugees keep arriving. Many people from countries south of Mexico reached Texas this spring.",
     ("MX", "US")),
])
def test_no_flow_from_feelings_or_reference_points(nlp, text, wrong):
    assert wrong not in flows(nlp, text)


def test_a_secured_border_is_no_crossing(nlp):
    text = ("The package adds money for drones and more agents on the U.S.-Mexico border security line, as "
            "thousands of migrant families arrive.")
    assert ("MX", "US") not in flows(nlp, text)


def test_a_mass_prayer_at_a_border_is_no_crossing(nlp):
    text = ("Syrian refugees keep fleeing the war. A mass prayer was held across Jordan, and 300 people prayed on "
            "the Jordanian-Syrian border for peace.")
    assert ("SY", "JO") not in flows(nlp, text)
    text = "Syrian refugees keep fleeing the war. Thousands of people mass at the Jordanian-Syrian border every week."
    assert ("SY", "JO") in flows(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Refugees keep arriving. Thousands of Syrians moved to Turkey after the war began.", ("SY", "TR")),
    ("Refugees keep arriving. Migrants from Honduras crossed into Mexico, north of Guatemala.", ("HN", "MX")),
    ("Refugees keep arriving. Migrants from Honduras have arrived in Texas this spring.", ("HN", "US")),
    ("Agents said 900 Cuban migrants crossed the U.S.-Mexico border near Yuma overnight.", ("MX", "US")),
    ("Refugees keep arriving. Many Afghans went to Iran to find work.", ("AF", "IR")),
])
def test_flows_still_found(nlp, text, expected):
    assert expected in flows(nlp, text)
