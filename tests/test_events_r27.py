"""Event precision rules of 2026-11-29: modifiers, passive subjects, vessels, queues, rhetoric, extradition.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.events import extract_events
from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def events(nlp, text: str):
    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.quantities = extract_quantities(doc)
    return extract_events(doc, assertions)


def types(nlp, text: str) -> list[str]:
    return [e.event_type for e in events(nlp, text)]


@pytest.mark.parametrize("text", [
    "The senator once urged self-deportation for 11 million people living in Texas.",
    "Hundreds of anti-deportation activists rallied outside the Chicago office of Norway's consulate.",
    "A judge in Denver granted the family an emergency deportation stay on Monday.",
    "The program gave deportation deferrals to 700,000 young people living in the United States.",
    "The order would give a two-year deportation reprieve to 4 million parents in the United States.",
])
def test_a_deportation_word_modifying_something_else_is_no_deportation(nlp, text):
    assert "DeportationEvent" not in types(nlp, text)


def test_a_real_deportation_is_kept(nlp):
    found = [e for e in events(nlp, "Norway deported 300 asylum seekers to Sudan last month.")
             if e.event_type == "DeportationEvent"]
    assert len(found) == 1 and found[0].agent == ("Country", "NO")


def test_extradition_is_a_criminal_matter_not_a_deportation(nlp):
    assert "DeportationEvent" not in types(nlp, "Norway said it would seek the banker's extradition from Chile.")
    assert "DeportationEvent" not in types(nlp, "Chile extradited the banker to Norway on Tuesday.")


@pytest.mark.parametrize("text", [
    "Carlos Mendoza was deported to Honduras in 2016.",
    "Carlos Mendoza has been deported twice to Honduras.",
    "Carlos Mendoza was later deported to Honduras.",
])
def test_the_subject_of_a_passive_is_who_is_deported_not_the_agent(nlp, text):
    found = [e for e in events(nlp, text) if e.event_type == "DeportationEvent"]
    assert len(found) == 1
    assert found[0].agent is None


def test_a_passive_with_by_keeps_its_agent(nlp):
    found = [e for e in events(nlp, "Carlos Mendoza was deported to Honduras by Mexico in 2016.")
             if e.event_type == "DeportationEvent"]
    assert len(found) == 1 and found[0].agent == ("Country", "MX")


def test_an_active_subject_is_still_the_agent(nlp):
    found = [e for e in events(nlp, "Mexico deported Carlos Mendoza to Honduras in 2016.")
             if e.event_type == "DeportationEvent"]
    assert len(found) == 1 and found[0].agent == ("Country", "MX")


def test_sinks_in_a_detention_centre_are_no_shipwreck(nlp):
    assert "Shipwreck" not in types(nlp, "Migrants in the camp drank tap water because the sinks were broken.")


def test_a_sinking_vessel_is_a_shipwreck(nlp):
    assert "Shipwreck" in types(nlp, "A fishing boat carrying 60 migrants sank off the coast of Libya on Sunday.")
    assert "Shipwreck" in types(nlp, "At least 30 migrants drowned off Greece when their dinghy capsized.")


def test_a_hard_line_at_the_border_is_no_queue(nlp):
    assert "BorderQueue" not in types(nlp, "The president took a hard line against 5,000 migrants at the border.")


def test_political_gridlock_is_no_queue(nlp):
    assert "BorderQueue" not in types(
        nlp, "Thousands of migrants at the border are at the centre of congressional gridlock in Washington.")


def test_a_queue_of_cars_at_the_border_is_a_queue(nlp):
    assert "BorderQueue" in types(nlp, "A queue of cars 10 kilometres long formed at the Finnish border crossing.")
    assert "BorderQueue" in types(nlp, "Trucks stood in a gridlock 20 km long at the border crossing with Poland.")


def test_a_so_called_invasion_is_rhetoric(nlp):
    assert "Invasion" not in types(nlp, "The senator warned of a so-called invasion of Mexico's northern border.")
    assert "Invasion" not in types(nlp, "He decried the supposed invasion of Texas by migrants from Honduras.")


def test_an_invasion_is_still_found(nlp):
    assert "Invasion" in types(nlp, "The invasion of Ukraine by Russia began on February 24.")


def test_counted_people_right_after_the_trigger_are_the_affected_group(nlp):
    found = [e for e in events(nlp, "Norway deported more than 2,000 people last year, and activists in Oslo "
                                    "protested.") if e.event_type == "DeportationEvent"]
    assert len(found) == 1 and found[0].affected == "people"


def test_a_group_inside_the_count_keeps_its_nationality(nlp):
    found = [e for e in events(nlp, "Norway deported 300 Syrian refugees last year.")
             if e.event_type == "DeportationEvent"]
    assert len(found) == 1 and found[0].affected == "Syrian refugees"
