"""extract_flows, round 36 (Q3l): flow classes left open on the read web pages of round 35.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# ------------------------------------------------------- "the country" naming a state told only in earlier sentences

@pytest.mark.parametrize("text, expected", [
    ("Norway said on Monday it would shut its last crossing point with Sweden next week. Norway blames smugglers "
     "for the rise. Since March, about 600 migrants came into the country, mostly from Chad, Mali and "
     "Peru.", {("TD", "NO"), ("ML", "NO"), ("PE", "NO")}),
    ("Chile has tightened checks at its airports. Officials in Chile say the numbers keep growing. About 2,000 "
     "migrants arrived in the country last month, mostly from Haiti and Cuba.", {("HT", "CL"), ("CU", "CL")}),
    ("Spain wants more funds for its coast guard. Spain has asked for help twice. Police said 300 migrants were "
     "caught entering the country illegally at night, largely from Algeria and Morocco.",
     {("DZ", "ES"), ("MA", "ES")}),
])
def test_country_anaphor_from_earlier_sentences(nlp, text, expected):
    assert expected <= pairs(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # the country fled is where people leave, not where they arrive
    ("Chile has tightened checks at its airports. Officials in Chile say the numbers keep growing. About 2,000 "
     "migrants fled the country last month, mostly from Haiti and Cuba.", ("HT", "CL")),
    # a hedge: people who might enter are no flow
    ("Norway said on Monday it would shut its last crossing point with Sweden next week. Norway blames smugglers "
     "for the rise. Officials fear 600 asylum seekers could enter the country, mainly from Chad and Mali.",
     ("TD", "NO")),
    # two states named as often: no host
    ("Norway and Sweden share a long border. Norway and Sweden argue about it. Since March, about 600 migrants came "
     "into the country, mostly from Chad and Mali.", ("TD", "NO")),
])
def test_country_anaphor_not(nlp, text, absent):
    assert absent not in pairs(nlp, text)


# ------------------------------------------------------------- rescued people listed by origin, landing told nearby

@pytest.mark.parametrize("text, expected", [
    ("Fourteen migrants adrift for a week have been taken in by Greece after an appeal by the charity. "
     "Fourteen migrants, from Ghana, Mali and Chad, were rescued off the coast of Egypt on May 3.",
     {("GH", "GR"), ("ML", "GR"), ("TD", "GR")}),
    ("Hundreds of migrants were rescued overnight and taken to Lampedusa. A cargo ship picked up a group of 300 "
     "migrants from Sudan and Chad in the early hours.", {("SD", "IT"), ("TD", "IT")}),
    ("A group of 80 refugees from Yemen and Somalia were rescued by a fishing boat on Friday. The fishermen later "
     "brought them ashore and the refugees landed in Oman.", {("YE", "OM"), ("SO", "OM")}),
])
def test_rescued_lists_near_landing(nlp, text, expected):
    assert expected <= pairs(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # no landing: the state named refuses them
    ("A cargo ship picked up 300 migrants from Sudan and Chad on Monday. Italy has refused to let the ship dock.",
     ("SD", "IT")),
    # a hedge in the list's sentence
    ("Hundreds of migrants were rescued overnight and taken to Lampedusa. A cargo ship may have picked up a group "
     "of 300 migrants from Sudan and Chad.", ("SD", "IT")),
])
def test_rescued_lists_not(nlp, text, absent):
    assert absent not in pairs(nlp, text)


def test_rescued_at_sea_off_a_coast_is_not_the_landing(nlp):
    got = pairs(nlp, "Fourteen migrants adrift for a week have been taken in by Greece after an appeal by the "
                     "charity. Fourteen migrants, from Ghana, Mali and Chad, were rescued off the coast of Egypt on "
                     "May 3.")
    assert ("GH", "GR") in got and ("GH", "EG") not in got


# ------------------------------------------------------------- a plural demonym or "X citizens" entering the country

@pytest.mark.parametrize("text, expected", [
    ("These are three of the 5,000 Russians that Armenia's interior minister said on Monday were entering the "
     "country every day.", ("RU", "AM")),
    ("Chile has tightened checks at its airports. Officials in Chile say the numbers keep growing. About 2,000 "
     "Haitians arrived in the nation last month.", ("HT", "CL")),
    ("Uzbekistan said 40,000 Russian citizens had come into the country since the call-up began.", ("RU", "UZ")),
])
def test_people_demonym_entering_the_country(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_demonym_on_goods_is_no_people(nlp):
    got = pairs(nlp, "Chile has tightened checks at its airports. Officials in Chile say Russian goods flooded "
                     "into the country last month.")
    assert ("RU", "CL") not in got


# ------------------------------------------------------------------------------- route chains and vehicles as carriers

@pytest.mark.parametrize("text, expected", [
    ("Many took a bus up to Colombia. From there they crossed the border into Panama on foot.", ("CO", "PA")),
    ("For most the trip begins with a flight to somewhere in South America and a long bus ride up to Ecuador. "
     "From there they walk for days to cross the border into Peru.", ("EC", "PE")),
    ("Slovak buses carried hundreds of migrants to a crossing in Austria on Saturday.", ("SK", "AT")),
    ("Serbian trains transported the migrants to the border with Croatia.", ("RS", "HR")),
])
def test_from_there_and_carriers(nlp, text, expected):
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize("text, absent", [
    # the sentence before is no leg to a country ("in A" is where they wait)
    ("Many waited for weeks in Colombia. From there they crossed the border into Panama on foot.", ("CO", "PA")),
    # a hedge
    ("Many took a bus up to Colombia. From there they may try to cross the border into Panama.", ("CO", "PA")),
    # the vehicle carries goods, not people
    ("Slovak trucks carried tonnes of aid to a depot in Austria on Saturday.", ("SK", "AT")),
])
def test_from_there_and_carriers_not(nlp, text, absent):
    assert absent not in pairs(nlp, text)
