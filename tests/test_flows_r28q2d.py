"""extract_flows, round 28 (Q2d): mechanisms found by annotating fresh corpus articles before running the extractor.

- a people noun or an arrival verb before "from" and a list of countries after it: every listed country moves, to
  the country a destination word names later, else to the state of a border agency named in the sentence or the
  one before, else (arrival verbs only) to the story's state;
- a person introduced by origin ("originally from C", "the C native", "a refugee who fled war-torn C") in a story
  set in one state came to that state;
- a passive infinitive ("to allow 500 refugees to be brought to X") is not a movement that happened;
- people crossing a country to reach another ("crossing C1 to reach C2", "through C1 on their way to C2"): a
  transit leg C1 -> C2, and a "from C0" origin goes to C2;
- people entering a state at a border named by the neighbour ("enter the country unlawfully at the Canadian
  border", "came through the border of Mexico"): neighbour -> the state entered;
- a wire dateline ("BERLIN (Reuters) - Syrian refugees who arrived ...") places the lead's people in its country;
- a country called the destination of a nationality's migrants ("the main destination for Eritrean refugees");
- a nationality's people placed in a host ("Afghan refugees in Iran") who return home: host -> their country;
- a state sending its own people abroad ("Nepal has sent its young men to Qatar"): emigration.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

MIGRANT_STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"
# a story set in the United States (named three times and more than any other country)
US_STORY = (MIGRANT_STORY + "Schools in the United States are short of teachers, officials said. The United States "
            "has added classes, and the United States has hired staff. ")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# ----------------------------------------------------------------------------------------- listed origins

def test_listed_origins_to_a_named_destination(nlp):
    text = MIGRANT_STORY + "On Tuesday airport staff said that 40 travellers from Sudan, Eritrea and Chad boarded " \
                           "planes for Canada."
    assert {("SD", "CA"), ("ER", "CA"), ("TD", "CA")} <= pairs(nlp, text)


def test_listed_origins_to_the_border_agency_of_the_sentence_before(nlp):
    text = MIGRANT_STORY + "The Border Patrol counted 9,000 arrivals in May. Migrant households from Guatemala, " \
                           "El Salvador and Honduras accounted for nearly all of them."
    assert {("GT", "US"), ("HN", "US"), ("SV", "US")} <= pairs(nlp, text)


def test_listed_origins_after_an_arrival_verb_go_to_the_story_state(nlp):
    text = US_STORY + "Most of the young people in the program grew up there. About a tenth came from Peru, " \
                      "Ecuador and Bolivia as toddlers."
    assert {("PE", "US"), ("EC", "US"), ("BO", "US")} <= pairs(nlp, text)


def test_listed_origins_with_an_opener(nlp):
    text = MIGRANT_STORY + "Officers said passengers from countries such as Nepal, Bhutan and Myanmar boarded " \
                           "flights for Canada."
    assert {("NP", "CA"), ("BT", "CA"), ("MM", "CA")} <= pairs(nlp, text)


@pytest.mark.parametrize("text", [
    # a hedge: not a movement that happened
    MIGRANT_STORY + "Officials said travellers from Sudan, Eritrea and Chad would board planes for Canada if allowed.",
    # sent back, the other way
    MIGRANT_STORY + "The Border Patrol stopped many migrants this spring. Migrant households from Guatemala, "
                    "Honduras and El Salvador were deported by agents in Texas.",
    # a negation
    US_STORY + "Few of the young people in the program are new. None came from Peru, Ecuador or Bolivia as "
               "toddlers, and no one came later.",
])
def test_listed_origins_near_misses(nlp, text):
    found = pairs(nlp, text)
    assert not found & {("SD", "CA"), ("ER", "CA"), ("TD", "CA"), ("GT", "US"), ("HN", "US"), ("SV", "US"),
                        ("PE", "US"), ("EC", "US"), ("BO", "US")}


# ----------------------------------------------------------------------------------------- personal origins

@pytest.mark.parametrize("sentence, pair", [
    ("Carlos Mena, originally from Peru, spoke at the meeting in Ohio.", ("PE", "US")),
    ("The Ecuador native says she only needs one more exam.", ("EC", "US")),
    ("The pastor, a refugee who fled war-torn Burundi, led the prayers.", ("BI", "US")),
    ("Our neighbour, a refugee who fled the Central African Republic, opened a bakery.", ("CF", "US")),
])
def test_personal_origin_goes_to_the_story_state(nlp, sentence, pair):
    assert pair in pairs(nlp, US_STORY + sentence)


@pytest.mark.parametrize("text, pair", [
    # no story state: the United States is named once
    (MIGRANT_STORY + "Carlos Mena, originally from Peru, spoke at the meeting in the United States.", ("PE", "US")),
    # a third country in the sentence: where he came to is unclear
    (US_STORY + "Carlos Mena, originally from Peru, studied in Spain for two years.", ("PE", "US")),
    # a hedge
    (US_STORY + "The Ecuador native says she may never get a permit.", ("EC", "US")),
    # a native of a place, not a country
    (US_STORY + "The Texas native says she only needs one more exam.", ("MX", "US")),
])
def test_personal_origin_near_misses(nlp, text, pair):
    assert pair not in pairs(nlp, text)


# ----------------------------------------------------------------------------------------- passive infinitive

SYRIA_STORY = (MIGRANT_STORY + "Thousands of Syrian refugees fled to Turkey. Syrian refugees have also reached Greece "
               "by boat. ")


def test_passive_infinitive_is_not_a_flow(nlp):
    text = SYRIA_STORY + "Lawmakers say the president's decision to allow 5,000 refugees to be brought to Canada " \
                         "puts the country at risk."
    assert ("SY", "CA") not in pairs(nlp, text)


def test_passive_past_is_still_a_flow(nlp):
    text = SYRIA_STORY + "Last year 5,000 refugees were brought to Canada by the government."
    assert ("SY", "CA") in pairs(nlp, text)


# ----------------------------------------------------------------------------------------- transit purpose

@pytest.mark.parametrize("sentence, expected", [
    ("Record numbers of migrants are crossing Guatemala to reach Mexico.", {("GT", "MX")}),
    ("Families from Eritrea are transiting Sudan to get to Libya this spring.", {("SD", "LY"), ("ER", "LY")}),
    ("In May the refugees crossed Serbia en route to Hungary.", {("RS", "HU")}),
])
def test_transit_purpose(nlp, sentence, expected):
    assert expected <= pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Families tried crossing Serbia to reach Hungary but were stopped.", ("RS", "HU")),  # an attempt
    ("The minister crossed Serbia to reach Hungary for talks.", ("RS", "HU")),  # no migrants
    ("Families would cross Guatemala to reach Mexico if the road were open.", ("GT", "MX")),  # a hedge
])
def test_transit_purpose_near_misses(nlp, sentence, pair):
    assert pair not in pairs(nlp, MIGRANT_STORY + sentence)


# ----------------------------------------------------------------------------------------- entered at a border

@pytest.mark.parametrize("text, pair", [
    (US_STORY + "Under the rule, parents who enter the country unlawfully at the Canadian border are held apart "
                "from their children.", ("CA", "US")),
    (US_STORY + '"My father came in secret, through the border of Mexico," she says.', ("MX", "US")),
    (MIGRANT_STORY + "Last year he entered Spain illegally across the border with Morocco.", ("MA", "ES")),
])
def test_entered_at_border(nlp, text, pair):
    assert pair in pairs(nlp, text)


@pytest.mark.parametrize("text", [
    US_STORY + "Parents who tried to enter the country unlawfully at the Canadian border were turned away.",  # tried
    US_STORY + "Parents crossing the Canadian border are growing in number.",  # the border alone: either side
    US_STORY + "Inspectors enter the country's warehouses at the Canadian border every week.",  # no people moving
])
def test_entered_at_border_near_misses(nlp, text):
    assert ("CA", "US") not in pairs(nlp, text)


# ----------------------------------------------------------------------------------------- dateline

LEAD_TAIL = " Migrants and asylum seekers wait months for hearings, and refugees need homes."


@pytest.mark.parametrize("text, pair", [
    ("OSLO (Reuters) - Eritrean refugees who came last year are struggling to find jobs, officials said on Monday."
     + LEAD_TAIL, ("ER", "NO")),
    ("A headline about work\n\nATHENS — Afghan migrants camped in a city square on Tuesday as the government "
     "searched for shelters." + LEAD_TAIL, ("AF", "GR")),
])
def test_dateline_places_the_leads_people(nlp, text, pair):
    assert pair in pairs(nlp, text)


@pytest.mark.parametrize("text, pair", [
    # another country named in the lead: the people are there
    ("ATHENS — Afghan migrants camped in a square in Turkey on Tuesday." + LEAD_TAIL, ("AF", "GR")),
    # a hedge
    ("OSLO (Reuters) - Eritrean refugees may be sent home, officials said on Monday." + LEAD_TAIL, ("ER", "NO")),
    # no dateline: a sentence opening on a capitalised word
    ("Oslo (the capital) - Eritrean refugees who came last year are struggling to find jobs, officials said on "
     "Monday." + LEAD_TAIL, ("ER", "NO")),
])
def test_dateline_near_misses(nlp, text, pair):
    assert pair not in pairs(nlp, text)


def test_listed_origins_zero_is_a_negation(nlp):
    text = US_STORY + "Most of the young people in the program grew up there. Zero came from Peru or Ecuador."
    assert not pairs(nlp, text) & {("PE", "US"), ("EC", "US")}


# ----------------------------------------------------------------------------------------- destination for

@pytest.mark.parametrize("sentence", [
    "One of the top destinations for Eritrean refugees, Sweden at first opened its doors to them.",
    "Sweden has become the main destination for Eritrean refugees in Europe.",
])
def test_destination_for_a_nationality(nlp, sentence):
    assert ("ER", "SE") in pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("sentence", [
    "Sweden could become a destination for Eritrean refugees.",  # a hedge
    "Sweden is a possible destination for Eritrean refugees, officials in Italy said.",  # a hedge, two countries
])
def test_destination_for_near_misses(nlp, sentence):
    assert ("ER", "SE") not in pairs(nlp, MIGRANT_STORY + sentence)


# ----------------------------------------------------------------------------------------- returned from a host

@pytest.mark.parametrize("sentence, pair", [
    ("Afghan refugees in Iran have begun to return home, officials said.", ("IR", "AF")),
    ("Many Somali refugees in Kenya went back to their homeland in 2017.", ("KE", "SO")),
    ("Some 200 Burundian refugees living in Tanzania returned to their country this month.", ("TZ", "BI")),
])
def test_returned_home_from_a_host(nlp, sentence, pair):
    assert pair in pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("sentence", [
    "Afghan refugees in Iran are afraid to return home, officials said.",
    "Afghan refugees in Iran said that they hope to return home.",
    "Afghan refugees in Iran and Pakistan have begun to return home.",  # two hosts
])
def test_returned_home_near_misses(nlp, sentence):
    assert ("IR", "AF") not in pairs(nlp, MIGRANT_STORY + sentence)


# ----------------------------------------------------------------------------------------- a state sends its people

@pytest.mark.parametrize("sentence, pair", [
    ("Guatemala keeps sending its poorest citizens to Mexico, and they usually enter illegally.", ("GT", "MX")),
    ("For decades Nepal has sent its young men to Qatar to build stadiums.", ("NP", "QA")),
])
def test_state_sends_its_people(nlp, sentence, pair):
    assert pair in pairs(nlp, MIGRANT_STORY + sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Nepal threatened to stop sending its workers to Qatar.", ("NP", "QA")),  # a hedge
    ("Nepal sent its foreign minister to Qatar for talks.", ("NP", "QA")),  # not people who migrate
])
def test_state_sends_near_misses(nlp, sentence, pair):
    assert pair not in pairs(nlp, MIGRANT_STORY + sentence)


def test_listed_origins_barred_is_not_a_flow(nlp):
    text = MIGRANT_STORY + "The order barred travellers from Chad, Mali and Niger from flying to Canada."
    assert not pairs(nlp, text) & {("TD", "CA"), ("ML", "CA"), ("NE", "CA")}
