"""r37 (Q2m): flow constructions of movement stories (pages 301-330). Sentences written for this test."""
from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc), scorer=False)}


# origins told side by side: "came from A ... but others left B" is no leg A -> B
@pytest.mark.parametrize("text, expected, unexpected", [
    ("Hundreds of Peruvian migrants are waiting in Arizona to file their claims. Most came from Peru, but others left "
     "Chile and Brazil.", {("CL", "US"), ("BR", "US")}, {("PE", "CL"), ("PE", "BR")}),
    ("Officers stopped 300 people who had entered Germany on foot. They came from Sudan as well as from Chad.",
     {("SD", "DE")}, {("SD", "TD")}),
    ("The police found 200 migrants who had walked into Austria. The migrants came mostly from Eritrea.",
     {("ER", "AT")}, set()),
])
def test_sibling_origins(nlp, text, expected, unexpected):
    got = flows(nlp, text)
    assert expected <= got
    assert not unexpected & got


def test_origin_then_departure_keeps_its_leg(nlp):
    # a nationality that came from one country and then left another: the first leg stays
    got = flows(nlp, "Afghans who came from Iran fled from Belarus into Poland.")
    assert {("IR", "BY"), ("BY", "PL")} <= got


def test_passive_left_is_no_departure(nlp):
    assert ("ID", "MY") not in flows(nlp, "A boat with 300 migrants landed in Malaysia on Sunday. Another 500 "
                                          "migrants were also left in Sumatra, Indonesia.")
    assert ("ID", "MY") in flows(nlp, "A boat with 300 migrants landed in Malaysia on Sunday. They had left "
                                      "Indonesia a week earlier.")


def test_rohingya_plural(nlp):
    assert ("MM", "MY") in flows(nlp, "Police found 900 Rohingyas and Bangladeshis who had landed in Malaysia.")


@pytest.mark.parametrize("text, expected", [
    ("About 2,000 migrants have walked into Hungary from Serbia this month. Most are Afghans.", {("AF", "HU")}),
    ("Some 300 migrants reached Italy overnight. Most were Eritreans and Sudanese.", {("ER", "IT"), ("SD", "IT")}),
])
def test_most_are_demonyms(nlp, text, expected):
    assert expected <= flows(nlp, text)


def test_most_are_adjective_citizens_read(nlp):
    # r37 left the nationality adjective unread here; round 40's story groups (G40) read "X citizens" as the
    # origin of the people just brought, as the guidelines' group nationality asks
    assert ("ER", "IT") in flows(nlp, "Some 300 migrants reached Italy overnight. Most are Eritrean citizens.")


def test_via_list_last_leg(nlp):
    base = "Police picked up 300 migrants who entered Germany last week. "
    assert ("AT", "DE") in flows(nlp, base + "They come from Serbia via Hungary and Austria.")
    assert ("AT", "DE") not in flows(nlp, base + "They come from Serbia via Hungary or Austria.")


@pytest.mark.parametrize("text, expected", [
    ("Slovenian border officials reported that 90,000 Croatians have entered their territory this year.",
     {("HR", "SI")}),
    ("Many Ruritanians are fleeing Russia. Russians keep fleeing Russia. Mongolian officials say 4,000 people "
     "entered their territory in a week.", {("RU", "MN")}),
])
def test_their_territory(nlp, text, expected):
    assert expected <= flows(nlp, text)


@pytest.mark.parametrize("text", [
    "Slovenian officials said no migrants had entered their territory this year.",
    "The Hungarian police said 4,000 migrants tried to enter their territory from Serbia.",
])
def test_their_territory_hedged(nlp, text):
    assert not flows(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Because of an influx of migrants from Morocco and tensions on the coast, Spain has declared an alert.",
     {("MA", "ES")}),
    ("Amid a surge of Syrian refugees, Jordan has closed its border.", {("SY", "JO")}),
    ("Amid a wave of migrants from Haiti, the United States has deployed agents.", {("HT", "US")}),
])
def test_inflow_opener(nlp, text, expected):
    assert expected <= flows(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    ("After the influx of tourists from Germany, Spain will raise taxes.", ("DE", "ES")),
    ("Due to the arrival of refugees from Syria into Turkey, Germany has sent aid.", ("SY", "DE")),
    ("Following the election in Ruritania, France has imposed sanctions.", None),
])
def test_inflow_opener_limits(nlp, text, unexpected):
    got = flows(nlp, text)
    if unexpected is None:
        assert not got
    else:
        assert unexpected not in got


def test_place_sees_surge(nlp):
    got = flows(nlp, "This week El Paso, Texas is seeing a sharp surge of arrivals, some 8,000 migrants, mostly "
                     "from Cuba.")
    assert ("CU", "US") in got


@pytest.mark.parametrize("text, expected", [
    ("Syrian refugees keep leaving. Many refugees fled Syria. Spain, Italy and Portugal were the favourite "
     "destinations of those travelling on.", {("SY", "ES"), ("SY", "IT"), ("SY", "PT")}),
    ("The top destinations for Syrian refugees were Germany, Sweden and Austria.",
     {("SY", "DE"), ("SY", "SE"), ("SY", "AT")}),
])
def test_destination_lists(nlp, text, expected):
    assert expected <= flows(nlp, text)


@pytest.mark.parametrize("text", [
    "France, Spain and Italy are the most popular tourist destinations in Europe.",
    "Germany and Canada would be the preferred destinations for many Afghans.",
])
def test_destination_lists_limits(nlp, text):
    assert not flows(nlp, text)


def test_country_name_before_refugees(nlp):
    assert ("SY", "TR") in flows(nlp, "Syria refugees went to Turkey in large numbers.")
    assert ("TR", "GR") not in flows(nlp, "Aid workers in Turkey refugees camps said many had gone to Greece.")


def test_from_these_countries_takes_the_origin_list(nlp):
    got = flows(nlp, "Numbers of refugees from poor Chad and Niger drifting on boats to Italy and Spain rose last "
                     "month. Police say 60 refugees from these countries have arrived in southern Greece since Monday.")
    assert {("TD", "GR"), ("NE", "GR")} <= got
    assert ("IT", "GR") not in got and ("ES", "GR") not in got


def test_those_countries_without_from_unchanged(nlp):
    got = flows(nlp, "Honduras, El Salvador and Guatemala are violent. Many people fleeing those countries "
                     "reached Mexico.")
    assert {("HN", "MX"), ("SV", "MX"), ("GT", "MX")} <= got
