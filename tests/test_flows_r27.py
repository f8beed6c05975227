"""extract_flows, round 27: mechanisms found by annotating fresh corpus articles before running the extractor.

- "the border" crossed by people, in a document whose only named border is one border (the U.S.-Mexico border,
  or the story's state's "southern border"), is that border, crossed the way it is crossed;
- people crossing a side border ("the southern border") count even when the document also says where they came
  from; "southwest" names the U.S. border with Mexico; "stem"/"curb" hedge it like "stop";
- a boy, a father, a family at a border named by its two states are people there;
- "sent <people> to X" without "back" moves them, as "sent back" does;
- "that country" / "those countries" stand for the country (or list) named in the two sentences before.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

MIGRANT_STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"
# a story set in the United States (named three times) that names the U.S.-Mexico border once
US_BORDER_STORY = (MIGRANT_STORY + "Shelters along the U.S.-Mexico border are full, officials in the United States "
                   "said. The United States has added beds, and the United States has hired staff. ")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("sentence", [
    "Parents who had illegally crossed the border last month were released with their toddlers.",
    "Those who crossed the border without papers last week were prosecuted.",
    "Hundreds of families crossed the border near the river on Sunday.",
])
def test_the_border_is_the_documents_one_border(nlp, sentence):
    assert ("MX", "US") in pairs(nlp, US_BORDER_STORY + sentence)


@pytest.mark.parametrize("text", [
    # tried, not done; no people; a hedge
    US_BORDER_STORY + "Families who tried to cross the border were stopped by agents.",
    US_BORDER_STORY + "Tons of drugs crossed the border in trucks last year.",
    US_BORDER_STORY + "Families would cross the border if the rules changed.",
    # a law's reach, not people who crossed
    US_BORDER_STORY + "The rule lets agents prosecute anyone who crosses the border illegally.",
    # two borders named: "the border" could be either
    MIGRANT_STORY + "Shelters on the U.S.-Mexico border as well as the Mexico-Guatemala border are full, officials in "
                    "the United States said. The United States has added beds, and the United States has hired staff."
                    " Hundreds of families crossed the border near the river on Sunday.",
])
def test_the_border_near_misses(nlp, text):
    assert ("MX", "US") not in pairs(nlp, text)


def test_crossing_the_southern_border_with_origins_named(nlp):
    text = (MIGRANT_STORY + "A spokesman in the United States argued that only the United States could act, and the "
            "United States agreed. Families from Honduras reached the United States last year. Since spring, more "
            "and more families have been crossing the southern border without papers.")
    assert {("HN", "US"), ("MX", "US")} <= pairs(nlp, text)


def test_southwest_border_and_stem(nlp):
    story = (MIGRANT_STORY + "The United States is strained, the United States said, and the United States asked "
             "for help. ")
    assert ("MX", "US") in pairs(nlp, story + "Some 90,000 families crossed the southwest border in the first "
                                              "half of this year.")
    assert ("MX", "US") not in pairs(nlp, story + "Hoping to stem the surge of families at the southwest border, "
                                                  "officials opened a new center.")


def test_a_boy_and_his_father_at_a_named_border(nlp):
    text = MIGRANT_STORY + "The girl was held along with her mother once the two had crossed the U.S.-Mexico border."
    assert ("MX", "US") in pairs(nlp, text)


@pytest.mark.parametrize("sentence, expected", [
    ("The United States sent 300 asylum seekers to Guatemala last year.", ("US", "GT")),
    ("Italy has sent more than 900 Tunisians to Albania under the deal.", ("IT", "AL")),
    ("Mexico sent the migrants to Guatemala by bus.", ("MX", "GT")),
])
def test_people_sent_to_a_country(nlp, sentence, expected):
    assert expected in pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("sentence", [
    "The United States sent troops to Guatemala last year.",
    "Italy sent aid to Albania after the earthquake.",
    "Italy sent a letter to Albania about the migrants.",
    "He reached a refugee camp in Italy, where they sent him to Albania to finish school.",
    "The United States will send asylum seekers to Guatemala.",
])
def test_sent_to_near_misses(nlp, sentence):
    assert not {("US", "GT"), ("IT", "AL")} & pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("text, expected", [
    ("Millions of Syrians fled to Turkey. Thousands of refugees have since left that country for Greece.",
     {("TR", "GR")}),
    ("Officials in Eritrea have jailed critics. Thousands of people fled that country to Ethiopia last year.",
     {("ER", "ET")}),
    ("Gangs control large parts of Honduras, El Salvador and Guatemala. Many thousands of families left those "
     "countries for the United States.", {("HN", "US"), ("SV", "US"), ("GT", "US")}),
])
def test_that_country_those_countries(nlp, text, expected):
    assert expected <= pairs(nlp, MIGRANT_STORY + text)


@pytest.mark.parametrize("text", [
    # the sentence's own list, not an earlier one
    "Gangs rule much of Peru. Families from Syria, Afghanistan and Eritrea who are fleeing repression in those "
    "nations keep moving.",
    # one country is no list for "those countries"
    "Gangs rule much of Honduras. Asylum seekers fleeing those countries reached the United States.",
    # "this country" is the writer's
    "Millions of Syrians fled to Turkey. Thousands of refugees have since come to this country.",
])
def test_anaphor_near_misses(nlp, text):
    found = pairs(nlp, MIGRANT_STORY + text)
    assert not {("PE", "SY"), ("SY", "PE"), ("HN", "US"), ("TR", "US")} & found
    assert not any(o in {"SY", "AF", "ER"} and d in {"SY", "AF", "ER"} for o, d in found)


@pytest.mark.parametrize("text, expected", [
    # the countries a relative clause says people came from, listed after its verb
    ("Japan granted asylum to 900 people last year. The leading countries from which the refugees came to Japan "
     "were Nepal, Sri Lanka and Cambodia.", {("NP", "JP"), ("LK", "JP"), ("KH", "JP")}),
    # an aside between dashes does not part a movement verb from its destination
    ("Thousands of migrants have travelled from West Africa - mostly from Senegal, Gambia, Guinea and Mali - to "
     "Spain.", {("SN", "ES"), ("GM", "ES"), ("GN", "ES"), ("ML", "ES")}),
])
def test_relative_origin_list_and_dash_aside(nlp, text, expected):
    assert expected <= pairs(nlp, MIGRANT_STORY + text)


def test_countries_from_which_goods_came(nlp):
    text = MIGRANT_STORY + ("Japan imported goods worth $5 billion. The top countries from which the goods came to "
                            "Japan were Nepal and Cambodia.")
    assert not {("NP", "JP"), ("KH", "JP")} & pairs(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Italy returned 300 Tunisians to Tunisia on Friday.", ("IT", "TN")),
    ("Italy has a new rule, Italy said, and Italy will enforce it. Some migrants at the port are returned to "
     "Tunisia within days.", ("IT", "TN")),
])
def test_people_returned_to_a_country(nlp, text, expected):
    assert expected in pairs(nlp, MIGRANT_STORY + text)


@pytest.mark.parametrize("sentence", [
    "Italy returned the stolen statues to Tunisia.",
    "Most of the Tunisians returned to Tunisia last year.",  # they went back themselves: no state named
])
def test_returned_to_near_misses(nlp, sentence):
    assert ("IT", "TN") not in pairs(nlp, MIGRANT_STORY + sentence)
