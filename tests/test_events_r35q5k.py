"""Round 35 (Q5k): events audit on dated web pages — dates, numbers and the events missed or mis-typed.

All sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.entities import extract_entities
from extractors.events import extract_events
from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities
from extractors.temporal import extract_times
from graph.evaluate import format_table, score_corpus, score_document

PUBLISHED = dt.date(2022, 9, 27)  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def events(nlp, text: str, published: dt.date | None = PUBLISHED):
    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.times = extract_times(doc, published)
    assertions.quantities = extract_quantities(doc)
    return extract_events(doc, assertions)


def of_type(found, event_type: str):
    return [e for e in found if e.event_type == event_type]


# --- dates ---------------------------------------------------------------------------------------------


def test_weekday_of_last_week_resolves_to_that_day(nlp):
    doc = nlp("On Thursday last week the army of Chile began a partial mobilization of its reserves.")
    (time,) = extract_times(doc, PUBLISHED)
    assert time.value == "2022-09-22" and time.granularity == "day"
    doc = nlp("The vote is set for Monday of next week, officials in Peru said.")
    assert [t.value for t in extract_times(doc, PUBLISHED)] == ["2022-10-03"]


def test_a_nominal_trigger_announced_is_dated_like_its_verb(nlp):
    (event,) = of_type(events(nlp, "On Friday, Chile announced a general mobilization of reservists."), "Mobilization")
    assert event.time is not None and event.time.value == "2022-09-23"
    # without a verb of announcing or carrying out, a time before a nominal trigger is not its own
    found = of_type(events(nlp, "On Friday, Chile said that the mobilization of reservists had been a mistake."),
                    "Mobilization")
    assert all(e.time is None for e in found)


# --- numbers -------------------------------------------------------------------------------------------


def test_a_vague_multiple_is_no_number_of_the_event(nlp):
    (event,) = of_type(events(nlp, "Chile called up thousands of reservists for the war on Friday."), "Mobilization")
    assert event.quantities == []
    (event,) = of_type(events(nlp, "Chile called up 4,500 reservists for the war on Friday."), "Mobilization")
    assert [q.value for q in event.quantities] == [4500.0]


# --- what is no happening ------------------------------------------------------------------------------


def test_a_chance_of_conscription_is_no_event_but_the_announced_one_is(nlp):
    found = of_type(events(nlp, "He feared a chance of conscription after Chile announced a mobilization of "
                                "20,000 men on Sept. 21."), "Mobilization")
    assert len(found) == 1 and found[0].trigger == "mobilization"
    assert found[0].time is not None and found[0].time.value == "2022-09-21"
    assert not of_type(events(nlp, "Soldiers liable to be called up in Chile hid in the hills."), "Mobilization")


# --- Exodus: people leaving a named country -------------------------------------------------------------


def test_people_fleeing_a_named_country_are_an_exodus_without_a_count(nlp):
    (event,) = of_type(events(nlp, "Families have been fleeing by road and by sea from Sudan since the coup."),
                       "Exodus")
    assert event.place == ("Country", "SD")
    (event,) = of_type(events(nlp, "Young men are leaving Chile in droves because of the war."), "Exodus")
    assert event.place == ("Country", "CL")


def test_one_person_or_an_ordinary_departure_is_no_exodus(nlp):
    assert not of_type(events(nlp, "The singer fled from Sudan in a truck last year."), "Exodus")
    assert not of_type(events(nlp, "Tourists are leaving Chile after the summer season."), "Exodus")
    assert not of_type(events(nlp, "Many families fled after the storm, officials in Chile said."), "Exodus")


# --- pushbacks -----------------------------------------------------------------------------------------


def test_turning_back_a_boat_is_a_deportation_event(nlp):
    (event,) = of_type(events(nlp, "The navy of Chile turned back a boat carrying 80 migrants on Friday."),
                       "DeportationEvent")
    assert event.time is not None and event.time.value == "2022-09-23"
    assert [q.value for q in event.quantities] == [80.0]


def test_a_future_or_permitted_pushback_is_no_event(nlp):
    assert not of_type(events(nlp, "Chile will turn back boats carrying migrants, the minister said."),
                       "DeportationEvent")
    assert not of_type(events(nlp, "The deal with Peru allows Chile to turn back migrants at the border."),
                       "DeportationEvent")


def test_a_deportation_without_a_place_is_placed_in_the_deporting_country(nlp):
    (event,) = of_type(events(nlp, "Chile deported 40 migrants on Friday."), "DeportationEvent")
    assert event.agent == ("Country", "CL") and event.place == ("Country", "CL")
    (event,) = of_type(events(nlp, "Chile deported 40 migrants to Peru on Friday."), "DeportationEvent")
    assert event.place == ("Country", "PE")


# --- eval: events matched on (type, place) with date and quantity accuracy ------------------------------


GOLD = {"document": "a.txt", "events": [
    {"type": "DeportationEvent", "place": ["CL", "PE"], "date": "2022-09-23",
     "quantity": {"value": 40, "unit": "person"}},
    {"type": "Exodus", "place": ["SD"], "date": None, "quantity": None},
    {"type": "Protest", "place": ["CL"], "date": "2022-09", "quantity": None},
]}


def test_events_are_matched_on_type_and_an_accepted_place():
    predicted = {"document": "a.txt", "events": [
        {"type": "DeportationEvent", "place": "Peru", "date": "2022-09-23",
         "quantities": [{"value": 40.0, "unit": "person", "counted": "migrants"}]},
        {"type": "DeportationEvent", "place": "Peru", "date": None, "quantities": []},
        {"type": "ExodusEvent", "place": "Sudan", "date": "2022-09-20", "quantities": []},
        {"type": "ProtestEvent", "place": "Peru", "date": "2022-09", "quantities": []},
    ]}
    scores = score_document(predicted, GOLD)
    assert scores["events"].to_dict()["tp"] == 2
    assert (scores["events"].fp, scores["events"].fn) == (1, 1)  # the protest is in the wrong country
    assert (scores["event_dates"].correct, scores["event_dates"].total) == (1, 2)  # the exodus has no date in gold
    assert (scores["event_quantities"].correct, scores["event_quantities"].total) == (2, 2)
    assert (scores["event_distinct"].correct, scores["event_distinct"].total) == (3, 4)


def test_a_quantity_matches_on_its_counted_noun_and_documents_without_events_keep_the_old_table():
    gold = {"document": "b.txt", "events": [
        {"type": "BorderQueue", "place": ["KZ"], "date": None, "quantity": {"value": 500, "unit": "car"}}]}
    predicted = {"document": "b.txt", "events": [
        {"type": "BorderQueueEvent", "place": "Kazakhstan", "date": None,
         "quantities": [{"value": 500.0, "unit": None, "counted": "cars"}]}]}
    assert score_document(predicted, gold)["event_quantities"].correct == 1
    plain = score_corpus([({"document": "c.txt"}, {"document": "c.txt", "policies": []})])
    assert "events" not in plain["total"] and "events" not in format_table(plain)
    both = score_corpus([(predicted, gold), ({"document": "c.txt"}, {"document": "c.txt"})])
    assert both["total"]["events"]["tp"] == 1 and "event_dates" in format_table(both)


# --- queues: the border named with 'its', or in the sentences before -----------------------------------


def test_a_queue_at_its_border_is_at_the_country_that_owns_it(nlp):
    (event,) = of_type(events(nlp, "Chile reports long queues of cars at its border."), "BorderQueue")
    assert event.place == ("Country", "CL")


def test_a_queue_at_the_checkpoint_takes_the_border_named_just_before(nlp):
    found = events(nlp, "On Monday she drove along the road to the border with Bolivia. "
                        "Around 300 cars were already waiting in a queue at the checkpoint.")
    (event,) = of_type(found, "BorderQueue")
    assert event.place == ("Country", "BO")
    # no border word in the queue's sentence: nothing is borrowed
    found = events(nlp, "She drove to the border with Bolivia. Days later, a queue of 300 cars formed in Lima.")
    assert all(e.place != ("Country", "BO") for e in of_type(found, "BorderQueue"))


# --- 'invaded the country', 'since Thursday, when ...' -------------------------------------------------


def test_invading_the_country_is_the_country_named_before_and_dated_by_the_when_clause(nlp):
    found = events(nlp, "Officials said 2,000 people had crossed into Peru since Thursday, when Chile invaded the "
                        "country.")
    (event,) = of_type(found, "Invasion")
    assert event.agent == ("Country", "CL") and event.place == ("Country", "PE")
    assert event.time is not None and event.time.value == "2022-09-22"
    # a time after a comma but outside a 'when' clause still dates nothing across the boundary
    (event,) = of_type(events(nlp, "On Thursday, Peru said that Chile invaded Bolivia."), "Invasion")
    assert event.time is None and event.place == ("Country", "BO")


def test_a_count_across_a_clause_boundary_is_not_the_events(nlp):
    (event,) = of_type(events(nlp, "Some 26,000 men have left Chile since the mobilization was declared on Friday."),
                       "Mobilization")
    assert event.quantities == []
    (event,) = of_type(events(nlp, "Chile mobilized 26,000 reservists on Friday."), "Mobilization")
    assert [q.value for q in event.quantities] == [26000.0]


def test_eval_reads_events_from_the_graph_with_a_place_given_as_its_country(tmp_path):
    from graph.build import build
    from graph.predictions import predictions_from_graph

    (tmp_path / "a.txt").write_text("Chile deported 40 migrants to Peru on Friday.\n\n"
                                    "On Saturday about 300 people held a protest in Lesbos against the camps.\n")
    (tmp_path / "a.meta.json").write_text('{"published": "2022-09-27"}')
    predicted = predictions_from_graph(build([str(tmp_path)], progress=False).graph)["a.txt"]["events"]
    by_type = {e["type"]: e for e in predicted}
    deportation = by_type["DeportationEvent"]
    assert deportation["place"] == "Peru" and deportation["date"] == "2022-09-23"
    assert [(q["value"], q["unit"]) for q in deportation["quantities"]] == [(40.0, "person")]
    assert by_type["ProtestEvent"]["place"] == "Greece" and by_type["ProtestEvent"]["date"] == "2022-09-24"


def test_a_key_reported_twice_can_match_two_gold_events_and_older_gold_places_are_read():
    gold = {"document": "d.txt", "events": [
        {"type": "DeportationEvent", "place": ["TH"], "date": "2022-09-23", "quantity": None},
        {"type": "DeportationEvent", "place": ["TH"], "date": "2022-09-19", "quantity": None},
        {"type": "Mobilization", "country": "Russia", "date": "2022-09-21"}]}
    once = {"type": "DeportationEvent", "place": "Thailand", "date": "2022-09-23", "quantities": []}
    scores = score_document({"events": [once]}, gold)
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (1, 0, 2)
    twice = {"type": "DeportationEvent", "place": "Thailand", "date": "2022-09-19", "quantities": []}
    mobilization = {"type": "MobilizationEvent", "place": "Russia", "date": "2022-09-21", "quantities": []}
    scores = score_document({"events": [once, twice, mobilization]}, gold)
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (3, 0, 0)
    assert scores["event_dates"].correct == 3
