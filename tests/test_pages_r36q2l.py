"""r36 (Q2l): flow constructions of movement stories (pages 241-270). Sentences written for this test."""
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
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    # a count standing for the people of the first clause: ", N to B", "N each to C and D"
    ("Officials said 3 million Sudanese fled to Chad, 800,000 to Egypt, and about 200,000 each to Libya and "
     "Ethiopia.", {("SD", "TD"), ("SD", "EG"), ("SD", "LY"), ("SD", "ET")}),
    ("Of the Syrians who left that year, 60 percent went to Turkey and 20 percent to Lebanon.",
     {("SY", "TR"), ("SY", "LB")}),
    # the first clause names no origin: the one the story already sends to its country
    ("Venezuelan families keep walking into Colombia. The agency says 2 million people moved to Colombia, "
     "more than 1 million to Peru and some 500,000 to Ecuador.", {("VE", "PE"), ("VE", "EC")}),
])
def test_gapped_destination_lists(nlp, text, expected):
    assert expected <= flows(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    ("Officials said 300 Sudanese were deported to Chad, 80 to Egypt.", ("SD", "EG")),
    ("Sudanese refugees fled to Chad, and Egypt sent 80 tonnes of food to Libya.", ("SD", "LY")),
])
def test_gapped_lists_need_a_movement_clause(nlp, text, unexpected):
    assert unexpected not in flows(nlp, text)


def test_former_yugoslav_republic_name(nlp):
    assert ("GR", "MK") in flows(nlp, "About 900 refugees walked overnight from Greece into the Former Yugoslav "
                                      "Republic of Macedonia.")


def test_trickling_into(nlp):
    assert ("AF", "PK") in flows(nlp, "Afghan families started trickling into Pakistan on Monday.")


@pytest.mark.parametrize("text, expected", [
    ("Spain and Greece have, as has Italy, recorded a jump in Libyan arrivals this month.",
     {("LY", "IT"), ("LY", "ES"), ("LY", "GR")}),
    ("Germany and Austria recorded a rise in the number of Syrian asylum seekers.", {("SY", "DE"), ("SY", "AT")}),
])
def test_listed_states_reporting_arrivals(nlp, text, expected):
    assert expected <= flows(nlp, text)


def test_listed_states_reporting_other_things(nlp):
    assert ("LY", "IT") not in flows(nlp, "Italy and Spain reported an increase in Libyan oil imports this month.")


@pytest.mark.parametrize("text, expected", [
    ("Some 300 asylum seekers reached Austria overnight. Most said they were from Eritrea; others were from Sudan.",
     {("ER", "AT"), ("SD", "AT")}),
    ("Dozens of families landed in Greece by boat on Tuesday. Many of them came from Syria and Iraq.",
     {("SY", "GR"), ("IQ", "GR")}),
    ("Those who arrived on Sunday were taken to shelters in the Lyon area. Most were from Guinea.", {("GN", "FR")}),
])
def test_origins_said_after_an_arrival(nlp, text, expected):
    assert expected <= flows(nlp, text)


def test_origins_said_after_no_arrival_of_people(nlp):
    assert ("ES", "FR") not in flows(nlp, "The minister travelled to France on Monday. Many were from Spain.")


@pytest.mark.parametrize("text, expected", [
    ("The couple had been living in Peru since 2018 and then moved on to Canada.", ("PE", "CA")),
    ("She had been living in Iran for three years before she left for Turkey.", ("IR", "TR")),
])
def test_lived_in_then_moved(nlp, text, expected):
    assert expected in flows(nlp, text)


def test_lived_in_then_only_wanted(nlp):
    assert ("IT", "FR") not in flows(nlp, "He had lived in Italy but never wanted to move to France.")


@pytest.mark.parametrize("text, expected", [
    ("Chad hosts 600,000 Sudanese refugees, Egypt 400,000 and South Sudan about 90,000.",
     {("SD", "TD"), ("SD", "EG"), ("SD", "SS")}),
    ("Colombia has taken in 2.5 million Venezuelan migrants, Peru 1.5 million, and Ecuador 500,000.",
     {("VE", "CO"), ("VE", "PE"), ("VE", "EC")}),
])
def test_gapped_hosts_with_counts(nlp, text, expected):
    assert expected <= flows(nlp, text)


def test_gapped_hosts_need_a_bare_count(nlp):
    assert ("SD", "EG") not in flows(nlp, "Chad hosts 600,000 Sudanese refugees, Egypt has 40 ministers and Libya "
                                          "12 ports.")


def test_list_with_a_comma_aside(nlp):
    assert ("MA", "IT") in flows(nlp, "Refugees from Morocco crossed into Spain, France and, more recently, Italy.")


def test_nationals_came_from_a_transit_country(nlp):
    assert ("IR", "AT") in flows(nlp, "Most of the Afghans who reached Austria last year came from Iran.")


@pytest.mark.parametrize("text, expected", [
    ("A young Eritrean said he drove to Sudan to take a plane to Turkey.", {("SD", "TR")}),
    ("Many Afghans go to Iran to board a bus for Turkey.", {("IR", "TR"), ("AF", "TR")}),
    ("In Serbia, many wait to board a train for Hungary.", {("RS", "HU")}),
])
def test_onward_by_carrier(nlp, text, expected):
    assert expected <= flows(nlp, text)


def test_onward_carrier_refused(nlp):
    assert ("GR", "IT") not in flows(nlp, "Greece refused to let the migrants take a ferry to Italy.")
