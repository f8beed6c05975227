"""`migraph eval` reads the seed's older event schema (lead, r35): type names from before the event model
settled, countries in "country"/"origin"/"target" or inside a place phrase, bare-number quantities with
"unit", "length_km" or "percent", and yearless dates. Gold and predictions here are invented."""
from __future__ import annotations

from graph.evaluate import score_document

OLDER_GOLD = {"document": "s.txt", "events": [
    {"type": "Emigration", "group": "Ruritanian men", "origin": "Austria",
     "destinations": ["Hungary", "Slovakia"], "date": "2021-03-05"},
    {"type": "BorderQueue", "place": "border with Slovenia", "country": "Austria", "length_km": 4},
    {"type": "BorderCrossingIncrease", "country": "Hungary", "origin": "Austria", "percent": 40},
    {"type": "Invasion", "agent": "Austria", "target": "Slovenia", "date": "03-01"},
    {"type": "Referendum", "agent": "the government", "place": "northern provinces of Slovenia"},
    {"type": "Mobilization", "country": "Austria", "quantity": 20000, "unit": "reservists"},
]}


def _predicted(*events: dict) -> dict:
    return {"document": "s.txt", "events": list(events)}


def test_older_type_names_and_places_match():
    predicted = _predicted(
        {"type": "ExodusEvent", "place": "Austria", "date": "2021-03-05", "quantities": []},
        {"type": "BorderQueueEvent", "place": "Slovenia", "date": None,
         "quantities": [{"value": 4.0, "unit": "km", "counted": None}]},
        {"type": "BorderCrossingChangeEvent", "place": "Hungary", "date": None,
         "quantities": [{"value": 40.0, "unit": "percent", "counted": None}]},
        {"type": "InvasionEvent", "place": "Slovenia", "date": "2021-03-01", "quantities": []},
        {"type": "ReferendumEvent", "place": "Slovenia", "date": None, "quantities": []},
        {"type": "MobilizationEvent", "place": "Austria", "date": None,
         "quantities": [{"value": 20000.0, "unit": None, "counted": "reservists"}]},
    )
    scores = score_document(predicted, OLDER_GOLD)
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (6, 0, 0)
    assert (scores["event_dates"].correct, scores["event_dates"].total) == (6, 6)  # "03-01" has no year
    assert (scores["event_quantities"].correct, scores["event_quantities"].total) == (6, 6)


def test_wrong_country_type_or_number_still_fails():
    predicted = _predicted(
        {"type": "ExodusEvent", "place": "Hungary", "date": None, "quantities": []},  # a destination: not left
        {"type": "BorderQueueEvent", "place": "Italy", "date": None, "quantities": []},
        {"type": "ProtestEvent", "place": "Austria", "date": None, "quantities": []},
        {"type": "MobilizationEvent", "place": "Austria", "date": "2021-02-01",
         "quantities": [{"value": 2000.0, "unit": None, "counted": "reservists"}]},
    )
    scores = score_document(predicted, OLDER_GOLD)
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (1, 3, 5)
    assert scores["event_dates"].correct == 0  # the gold mobilisation has no date; one was given
    assert scores["event_quantities"].correct == 0
