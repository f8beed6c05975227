"""extract_flows, round 25: mechanisms found by reading 30 unannotated corpus articles before running the extractor.

- an origin list introduced by a category noun ("from countries like A, B and C") is where people came from, and a
  later list item may open with an article ("A, B, the Philippines and C");
- a movement noun right before "from"/"to" and a country ("net migration from X fell") states a move, unless the
  sentence is about rules on it or a debate over it; verbs only people do across borders ("immigrated",
  "sneaked") need no people noun;
- the crowd-at-a-border rule reads immigrants, children and caravans as people, and travelling to or breaching a
  border as context, but not a capitalised program name ("Childhood Arrivals").

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

# a story set in the United States (named three times), about immigrants, naming no other country
US_STORY = ("The United States will hire more asylum officers, U.S. officials said. \n\n"
            "Lawmakers in the United States argued over the budget for weeks. Immigrants keep arriving, aid groups say."
            " \n\n")
# a story that names no country before the tested sentence
PLAIN_STORY = "Officials and aid groups met on Monday to discuss the budget. Lawmakers argued for weeks. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("sentence, expected", [
    ("Most newcomers since 1990 came from countries such as Peru, Ghana and Nepal.",
     {("PE", "US"), ("GH", "US"), ("NP", "US")}),
    ("The families arriving this spring came from poorer nations like Haiti and Nepal.", {("HT", "US"), ("NP", "US")}),
    ("Many of the immigrants hail from places including Ghana, Peru, the Philippines and Nepal.",
     {("GH", "US"), ("PE", "US"), ("PH", "US"), ("NP", "US")}),
])
def test_origin_list_after_a_category_noun(nlp, sentence, expected):
    assert pairs(nlp, US_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Officials said aid from countries like Norway and Japan paid for the new shelters.",  # donors, not origins
    "Congress may soon let in more workers from countries such as Ghana and Peru.",  # a hedge
    "Visitors from countries like Norway and Japan toured the museum last summer.",  # no movement of migrants
])
def test_category_noun_near_misses(nlp, sentence):
    assert pairs(nlp, US_STORY + sentence) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Net migration from Peru has shrunk during the slump.", {("PE", "US")}),
    ("Immigration from Nepal doubled over the decade.", {("NP", "US")}),
    ("The panel's host is a chemist who had immigrated from Ghana.", {("GH", "US")}),
    ("Dozens of Peruvians sneaked into the country last winter.", {("PE", "US")}),
])
def test_movement_nouns_and_people_verbs(nlp, sentence, expected):
    assert pairs(nlp, US_STORY + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The senator wants new limits on immigration from Peru.",  # a rule on the movement
    "The debate over immigration from Nepal grew bitter in the spring.",  # a debate over it
    "Immigration from Ghana would rise under the new bill.",  # hypothetical
    "Immigration enforcement in Peru is weak, the report said.",  # no from/to before the country
])
def test_movement_noun_near_misses(nlp, sentence):
    assert pairs(nlp, US_STORY + sentence) == set()


@pytest.mark.parametrize("sentence", [
    "The agency is coping with ever more immigrant kids who keep crossing over the U.S.-Mexico border.",
    "Reporters trailed one caravan of migrants as it traveled north toward the U.S.-Mexico border fence.",
    "Hundreds of migrants tried to breach the U.S.-Mexico border on Sunday.",
])
def test_people_at_a_two_country_border(nlp, sentence):
    assert pairs(nlp, PLAIN_STORY + sentence) == {("MX", "US")}


@pytest.mark.parametrize("sentence", [
    "Trade across the U.S.-Mexico border grew last year.",  # goods, no people
    "The governor brought both of his children along to look at the U.S.-Mexico border fence.",  # no crossing or crowd
    "He asked for wall money for the U.S.-Mexico frontier plus relief for young immigrants enrolled under"
    " Deferred Action for Childhood Arrivals.",  # capitalised: a title, not people arriving
])
def test_two_country_border_near_misses(nlp, sentence):
    assert pairs(nlp, PLAIN_STORY + sentence) == set()
