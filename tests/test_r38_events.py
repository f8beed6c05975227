"""Round 38 (V38) event rules: places from demonyms, border towns and authorities, document-level places.

All sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.entities import extract_entities
from extractors.events import extract_events, settle_places
from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities
from extractors.temporal import extract_times

PUBLISHED = dt.date(2022, 9, 23)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def read(nlp, text: str):
    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.times = extract_times(doc, PUBLISHED)
    assertions.quantities = extract_quantities(doc)
    return doc, assertions, extract_events(doc, assertions)


def events(nlp, text: str):
    return read(nlp, text)[2]


def of_type(found, event_type: str):
    return [e for e in found if e.event_type == event_type]


# --- places from plural demonyms ---

def test_invaded_their_country_is_the_country_of_the_people_named_before(nlp):
    (inv,) = of_type(events(nlp, "Many Chileans left on foot after Peru invaded their country in May."), "Invasion")
    assert inv.agent == ("Country", "PE") and inv.place == ("Country", "CL")


@pytest.mark.parametrize("text", [
    "After the mobilization, over 50,000 Chileans left their country by road.",
    "After the draft was announced, Chileans began to flee the country.",
    "Some 3.1 million Chileans have fled abroad since March.",
])
def test_a_demonym_leaving_gives_the_country_left(nlp, text):
    (exodus,) = of_type(events(nlp, text), "Exodus")
    assert exodus.place == ("Country", "CL")


def test_flooding_into_a_country_from_a_neighbour_after_a_draft_is_an_exodus(nlp):
    (exodus,) = of_type(events(nlp, "Since the mobilization, thousands of Chileans have poured into our towns "
                                    "from neighbouring Peru."), "Exodus")
    assert exodus.place == ("Country", "PE")
    assert not of_type(events(nlp, "Water poured into the boat from the river."), "Exodus")


def test_a_count_of_a_demonym_arriving_after_a_draft_is_an_exodus_of_its_country(nlp):
    text = "Since the mobilization, some 90,000 Chileans have travelled to neighbouring Peru."
    (exodus,) = of_type(events(nlp, text), "Exodus")
    assert exodus.place == ("Country", "CL")
    assert [q.value for q in exodus.quantities] == [90000.0]
    (exodus,) = of_type(events(nlp, "After the draft began, about 5,000 Chilean citizens came to Peru each week."),
                        "Exodus")
    assert exodus.place == ("Country", "CL")
    (mob,) = of_type(events(nlp, "Some 90,000 Chileans have travelled to neighbouring Peru since the mobilization."),
                     "Mobilization")
    assert mob.place != ("Country", "PE")  # "to neighbouring Peru" is a place, not who mobilises


def test_arrivals_without_a_war_or_draft_are_no_exodus(nlp):
    assert not of_type(events(nlp, "More than 300 Chileans arrived in Peru on Monday."), "Exodus")


def test_people_leaving_and_going_back_are_no_exodus(nlp):
    assert not of_type(events(nlp, "Since the fighting stopped, people leaving Chile to return home to Peru "
                                   "outnumber new arrivals."), "Exodus")
    (exodus,) = of_type(events(nlp, "Since the war began, men have been leaving Chile for Peru."), "Exodus")
    assert exodus.place == ("Country", "CL")


def test_fleeing_a_crackdown_in_a_place_or_by_a_states_army(nlp):
    (exodus,) = of_type(events(nlp, "Over 7,000 people reached Peru in 2021, escaping a military crackdown in "
                                    "southern Atacama."), "Exodus")
    assert exodus.place == ("Place", "cl-atacama")
    (exodus,) = of_type(events(nlp, "Some 7,000 refugees went to Peru in 2019, fleeing years of violence by "
                                    "Chile’s army."), "Exodus")
    assert exodus.place == ("Country", "CL")


# --- queues ---

def test_a_queue_at_a_border_town_in_apposition(nlp):
    (queue,) = of_type(events(nlp, "At Halden, a main crossing point, cars waited in a queue for hours."),
                       "BorderQueue")
    assert queue.place == ("Place", "no-halden")


def test_a_queue_reported_by_a_border_authority_is_on_its_side(nlp):
    (queue,) = of_type(events(nlp, "Near the village, a key crossing post, the queue grew to 2 kilometres, the "
                                   "Swedish border guard said."), "BorderQueue")
    assert queue.place == ("Country", "SE")
    assert [(q.value, q.unit) for q in queue.quantities] == [(2.0, "km")]


def test_a_queue_to_leave_a_country(nlp):
    (queue,) = of_type(events(nlp, "On Monday, drivers in the queue to leave Chile waited two days at the border."),
                       "BorderQueue")
    assert queue.place == ("Country", "CL")


@pytest.mark.parametrize(("text", "place"), [
    ("Long queues of trucks formed at border posts between Peru and Chile.", "PE"),
    ("By Monday night, crossings along the border between Peru and Chile were congested.", "PE"),
])
def test_a_queue_at_a_border_between_two_countries(nlp, text, place):
    (queue,) = of_type(events(nlp, text), "BorderQueue")
    assert queue.place == ("Country", place)


def test_congestion_needs_a_border_word(nlp):
    assert not of_type(events(nlp, "Roads in Chile were congested on Monday."), "BorderQueue")


def test_a_queue_with_no_border_named_keeps_no_place(nlp):
    (queue,) = of_type(events(nlp, "A queue of cars stretched 3 kilometers at the crossing as people fled Peru."),
                       "BorderQueue")
    assert queue.place is None


# --- crossing changes ---

def test_the_number_of_people_entering_had_risen_with_its_size(nlp):
    (change,) = of_type(events(nlp, "Arrivals of people entering from Sweden have risen, with officials citing a "
                                    "60% increase from last week."), "BorderCrossingChange")
    assert change.place == ("Country", "SE")
    assert [(q.value, q.unit) for q in change.quantities] == [(60.0, "percent")]


def test_a_nominal_change_with_its_size_in_a_sentence_about_crossings(nlp):
    (change,) = of_type(events(nlp, "On Sunday 7,000 people fled Peru and crossed into Chile at the border, a drop "
                                    "of 12 percent from Saturday."), "BorderCrossingChange")
    assert [(q.value, q.unit) for q in change.quantities] == [(12.0, "percent")]
    assert not of_type(events(nlp, "Prices in Chile saw a rise of 10 percent."), "BorderCrossingChange")


# --- referendums, deportations ---

def test_a_compared_noun_with_its_own_agent_and_verb_is_an_event(nlp):
    (ref,) = of_type(events(nlp, "Critics said the crowd moved like a plebiscite staged by Peru took place in the "
                                 "occupied regions of Chile."), "Referendum")
    assert ref.place == ("Country", "CL")
    assert not of_type(events(nlp, "The evacuation went like a referendum organised by Norway."), "Referendum")


def test_a_referendum_in_the_occupied_regions_of_a_country(nlp):
    (ref,) = of_type(events(nlp, "On Monday, Chile organised votes and a referendum in occupied parts of Peru."),
                     "Referendum")
    assert ref.place == ("Country", "PE")


def test_a_return_flight_is_a_deportation(nlp):
    (dep,) = of_type(events(nlp, "A return flight took 200 migrants to Peru on Thursday."), "DeportationEvent")
    assert dep.place == ("Country", "PE") and dep.time.value == "2022-09-22"


# --- document-level places (graph) ---

def test_events_without_a_place_are_dropped_for_the_graph(nlp):
    doc, assertions, found = read(nlp, "Chile announced a partial mobilization on Monday. The mobilization "
                                       "sparked fear. A queue of cars stretched 3 kilometers at the crossing.")
    assert any(e.place is None for e in found)
    settled = settle_places(doc, assertions, found)
    assert settled and all(e.place is not None for e in settled)
    assert [e.event_type for e in settled] == ["Mobilization"]


def test_one_deportation_told_from_both_ends_takes_one_place(nlp):
    doc, assertions, found = read(nlp, "Chile pushes back 60 migrants to Peru. Guards said 60 migrants were pushed "
                                       "back from Chile on Tuesday.")
    deportations = of_type(found, "DeportationEvent")
    assert {e.place for e in deportations} == {("Country", "PE"), ("Country", "CL")}
    settled = of_type(settle_places(doc, assertions, found), "DeportationEvent")
    assert {e.place for e in settled} == {("Country", "CL")}


def test_deportations_to_two_countries_keep_the_deporting_one(nlp):
    doc, assertions, found = read(nlp, "Chile deported 100 migrants to Peru on Monday. Chile deported 50 migrants "
                                       "to Bolivia on Tuesday.")
    settled = of_type(settle_places(doc, assertions, found), "DeportationEvent")
    assert [e.place for e in settled] == [("Country", "CL"), ("Country", "CL")]


def test_a_mobilization_without_a_country_is_that_of_the_people_it_calls(nlp):
    (mob,) = of_type(events(nlp, "More Chileans crossed the border after President Juan Soto ordered the call-up "
                                 "of reservists."), "Mobilization")
    assert mob.agent == ("Person", "juan-soto") and mob.place == ("Country", "CL")


def test_a_quoted_trigger_before_its_country(nlp):
    (mob,) = of_type(events(nlp, "Officials reported long delays after the announcement of “partial "
                                 "mobilisation” in Chile."), "Mobilization")
    assert mob.place == ("Country", "CL")


def test_people_standing_in_a_line_at_the_checkpoint_in_a_town(nlp):
    (queue,) = of_type(events(nlp, "Travellers stood in a long line on Sunday at the checkpoint in Halden."),
                       "BorderQueue")
    assert queue.place == ("Place", "no-halden") and queue.time.value == "2022-09-18"


@pytest.mark.parametrize(("text", "date"), [
    ("Crossings into Norway from Sweden rose 40% compared with last week.", None),
    ("Guards said crossings into Norway from Sweden had risen, a 40% increase from last week.", None),
    ("Crossings into Norway from Sweden rose 40% last week compared with 2020.", "2022-09-12/2022-09-18"),
])
def test_a_changes_baseline_is_not_its_date(nlp, text, date):
    (change,) = of_type(events(nlp, text), "BorderCrossingChange")
    assert (change.time.value if change.time else None) == date


def test_the_size_of_a_population_is_no_count_of_the_event(nlp):
    (exodus,) = of_type(events(nlp, "Since the war began, refugees kept leaving Peru, a country of 30 million "
                                    "people."), "Exodus")
    assert exodus.quantities == []
    (exodus,) = of_type(events(nlp, "More than 2 million people have fled Peru since May."), "Exodus")
    assert [q.value for q in exodus.quantities] == [2000000.0]
