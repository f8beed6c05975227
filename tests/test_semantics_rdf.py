"""Policies, flows and events reach RDF and come back through the canned queries unchanged."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from extractors.assertions import (
    DocumentAssertions,
    Entity,
    Event,
    Evidence,
    Flow,
    Policy,
    Quantity,
    TimeExpression,
)
from graph.documents import Document
from graph.predictions import predictions_from_graph
from graph.query import resolve_query, rows_as_dicts, run_query
from graph.rdf import DocumentWriter, date_bounds, new_graph, serialize_turtle
from graph.vocab import MIG, POLICY_TYPES, event_class, policy_property

TEXT = ("Estonia and Latvia barred Russian tourists on Friday. "
        "More than 2,000 Russian men crossed into Georgia last week. "
        "Queues stretched 10 kilometers at the Verkhny Lars crossing.")


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _evidence(phrase: str, sentence: str, extractor: str = "test") -> Evidence:
    s, e = _span(phrase)
    ss, se = _span(sentence)
    return Evidence(s, e, ss, se, extractor)


@pytest.fixture(scope="module")
def assertions() -> tuple[Document, DocumentAssertions]:
    sentence1 = "Estonia and Latvia barred Russian tourists on Friday."
    sentence2 = "More than 2,000 Russian men crossed into Georgia last week."
    sentence3 = "Queues stretched 10 kilometers at the Verkhny Lars crossing."
    document = Document(path=Path("semantics.txt"), name="semantics.txt", text=TEXT,
                        sha256=hashlib.sha256(TEXT.encode()).hexdigest(), published=date(2022, 9, 27))
    result = DocumentAssertions()
    group = Entity("Group", "russian-tourists", "Russian tourists", attributes={"nationality": "RU"})
    group.add_mention(_evidence("Russian tourists", sentence1), "Russian tourists")
    result.entities[("Group", "russian-tourists")] = group
    friday = TimeExpression("on Friday", *_span("on Friday"), "2022-09-23", "day")
    last_week = TimeExpression("last week", *_span("last week"), "2022-09-19/2022-09-25", "interval")
    men = Quantity("More than 2,000", *_span("More than 2,000"), 2000, qualifier="more than", counted="men")
    queue = Quantity("10 kilometers", *_span("10 kilometers"), 10, unit="km")
    for iso, confidence in (("EE", None), ("LV", 0.62)):  # Latvia's as if a learned scorer had added it
        result.policies.append(Policy("Country", iso, "EntryBan", _evidence("barred Russian tourists", sentence1),
                                      target="Russian tourists", target_key="russian-tourists",
                                      target_nationality="RU", trigger="barred", time=friday,
                                      confidence=confidence))
    result.flows.append(Flow("RU", "GE", _evidence("crossed into Georgia", sentence2), group="Russian men",
                             trigger="crossed into", time=last_week, quantities=[men]))
    result.events.append(Event("BorderQueue", _evidence("Queues stretched", sentence3), trigger="Queues",
                               place=("Country", "GE"), quantities=[queue]))
    return document, result


@pytest.fixture(scope="module")
def graph(assertions):
    graph = new_graph()
    document, result = assertions
    DocumentWriter(graph, document).write_all(result, [])
    return graph


def test_a_plain_set_receives_the_same_triples_as_a_graph(assertions, graph):
    """Ingestion writes into a set (graph.ingest), the in-memory build into a Graph: same triples, every time."""
    document, result = assertions
    for _ in range(2):  # the second time, literals and IRIs come from the writer's caches
        triples: set = set()
        DocumentWriter(triples, document).write_all(result, [])
        assert triples == set(graph)
    quantity = next(s for s in graph.subjects(MIG.expression, Literal("More than 2,000")))
    assert graph.value(quantity, MIG.numericValue) == Literal("2000", datatype=XSD.decimal)
    assert graph.value(quantity, MIG.isChange) == Literal(False)
    assert graph.value(quantity, MIG.startOffset) == Literal(TEXT.index("More than 2,000"), datatype=XSD.integer)


def test_ntriples_lines_give_the_bytes_of_the_rdflib_triples(assertions):
    """Ingestion writes N-Triples text directly (graph.rdf.NTriplesLines): the same bytes as serialising the
    rdflib triples, also for literals that need escaping and for quotations, whose assertion IRI digests the
    quoted text itself."""
    from extractors.assertions import Quotation
    from graph.rdf import NTriplesLines
    from graph.store import ntriples

    document, result = assertions
    person = Entity("Person", "jane-roe", "Jane Roe", attributes={"role": 'the "acting" minister', "age": 41})
    person.add_mention(_evidence("Estonia", "Estonia and Latvia barred Russian tourists on Friday."), "Estonia")
    result = DocumentAssertions(**{**vars(result), "entities": {**result.entities, ("Person", "jane-roe"): person}})
    sentence = "Estonia and Latvia barred Russian tourists on Friday."
    quote = Quotation('We said "no"\\\nand left\r', "direct", _evidence("barred", sentence),
                      speaker_key="jane-roe", speaker_kind="Person", cue="said")
    triples: set = set()
    DocumentWriter(triples, document).write_all(result, [quote])
    lines = NTriplesLines()
    DocumentWriter(lines, document).write_all(result, [quote])
    assert lines.ntriples() == ntriples(triples)
    assert b'\\"no\\"\\\\\\nand left\\r"' in lines.ntriples()


def test_policies_query_gives_one_row_per_coordinated_actor(graph):
    rows = rows_as_dicts(run_query(graph, resolve_query("policies")))
    assert [(r["actor"], r["actorIso"], r["policyType"], r["targetNationalityIso"], r["status"]) for r in rows] == [
        ("Estonia", "EE", "EntryBan", "RU", "InForce"), ("Latvia", "LV", "EntryBan", "RU", "InForce")]
    assert rows[0]["date"] == "2022-09-23"
    assert rows[0]["sentence"].startswith("Estonia and Latvia barred")
    assert rows[0]["document"] == "semantics.txt"
    assert (rows[0]["confidence"], rows[1]["confidence"]) == (None, "0.62")  # only the scored one carries it


def test_direct_policy_triple_reads_like_the_design(graph):
    pairs = set(graph.subject_objects(MIG.entryBanFor))
    assert len(pairs) == 2 and all(str(o).endswith("/group/russian-tourists") for _, o in pairs)


def test_flows_query(graph):
    rows = rows_as_dicts(run_query(graph, resolve_query("flows")))
    assert [(r["origin"], r["originIso"], r["destination"], r["destinationIso"]) for r in rows] == [
        ("Russia", "RU", "Georgia", "GE")]
    assert rows[0]["group"] == "Russian men"
    assert rows[0]["date"] == "2022-09-19"
    assert rows[0]["quantity"] == "More than 2,000"


def test_events_query(graph):
    rows = rows_as_dicts(run_query(graph, resolve_query("events")))
    assert [(r["eventType"], r["place"], r["quantity"]) for r in rows] == [
        ("BorderQueueEvent", "Georgia", "10 kilometers")]


def test_predictions_include_policies_and_flows(graph):
    predicted = predictions_from_graph(graph)["semantics.txt"]
    assert {(p["actor"], p["type"]) for p in predicted["policies"]} == {("Estonia", "EntryBan"), ("Latvia", "EntryBan")}
    assert [(f["origin"], f["destination"]) for f in predicted["flows"]] == [("Russia", "Georgia")]


def test_serialisation_is_deterministic(graph):
    assert serialize_turtle(graph) == serialize_turtle(graph)


@pytest.mark.parametrize(("value", "bounds"), [
    ("2022-09-23", (date(2022, 9, 23), date(2022, 9, 23))),
    ("2022-02", (date(2022, 2, 1), date(2022, 2, 28))),
    ("2021", (date(2021, 1, 1), date(2021, 12, 31))),
    ("2022-09-19/2022-09-25", (date(2022, 9, 19), date(2022, 9, 25))),
    ("next spring", None),
])
def test_date_bounds(value, bounds):
    assert date_bounds(value) == bounds


def test_vocabulary_helpers():
    assert policy_property("EntryBan") == MIG.entryBanFor
    assert event_class("Mobilization") == event_class("MobilizationEvent") == MIG.MobilizationEvent
    assert len(POLICY_TYPES) == 16
    with pytest.raises(ValueError):
        event_class("Picnic")


ODD_TEXT = ('Dr. "Ana" Pérez\\Ortiz said: “We’re leaving.”\tThen\x01 she\x0b left\u2028 again. '
            'Zoë wrote "a\\b"\r\nand a line.\n\nÇa va, Ünal? Yes \x85 no.')


@pytest.mark.parametrize("mention_spans", [False, True])
def test_ntriples_lines_escape_literals_as_rdflib(mention_spans):
    """Quotes, backslashes, line breaks, tabs, control characters and non-ASCII letters in sentences, labels,
    aliases, roles and quotations: N-Triples written directly are the bytes rdflib's serialiser gives."""
    from extractors.assertions import Quotation, Relation
    from graph.rdf import NTriplesLines
    from graph.store import ntriples

    document = Document(path=Path("odd.txt"), name="odd “name”.txt", text=ODD_TEXT,
                        sha256=hashlib.sha256(ODD_TEXT.encode()).hexdigest(), title='A "title"\nwith\\breaks é')
    first_end = ODD_TEXT.index("again.") + len("again.")
    second = ODD_TEXT.index("Zoë")
    second_end = ODD_TEXT.index("line.") + len("line.")
    third = ODD_TEXT.index("Ça")
    result = DocumentAssertions()
    person = Entity("Person", "ana-perez", 'Ana "Pérez"\\Ortiz', aliases={"Pérez", 'Dr. "Ana"', "Ana\nP"},
                    attributes={"role": ' the “acting”\tminister\x01 ', "age": 52, "gender": "female"})
    person.add_mention(Evidence(4, 15, 0, first_end, "names"), 'Ana" Pérez')
    person.add_mention(Evidence(second, second + 3, second, second_end, "names"), "Zoë")
    country = Entity("Country", "FR", "Frånce\\", attributes={})
    country.add_mention(Evidence(third, third + 2, third, len(ODD_TEXT), "places"), "Ça")
    result.entities[("Person", "ana-perez")] = person
    result.entities[("Country", "FR")] = country
    relation = Evidence(third, third + 2, third, len(ODD_TEXT), "places")
    result.relations += [Relation("Person", "ana-perez", "country", "Country", "FR", relation),
                         Relation("Person", "ana-perez", "country", "Country", "FR", relation)]
    quote = Quotation("We’re leaving.\x01\\\r\n\"", "direct", Evidence(28, 44, 0, first_end, "quotes"),
                      speaker_key="ana-perez", speaker_kind="Person", cue="said\t“", speaker_description='a "Dr"')
    triples: set = set()
    DocumentWriter(triples, document, mention_spans=mention_spans).write_all(result, [quote, quote])
    lines = NTriplesLines()
    DocumentWriter(lines, document, mention_spans=mention_spans).write_all(result, [quote, quote])
    written = lines.ntriples()
    assert written == ntriples(triples)
    assert written.count(b"\n") == len(triples)  # one line per triple, no repeat
    assert '"Ana \\"Pérez\\"\\\\Ortiz"'.encode() in written and b"\\r\\n" in written and "\x85".encode() in written


def test_a_node_written_twice_with_other_lines_is_sorted_line_by_line():
    """Two assertions of one triple with the same span and extractor are one node (its IRI digests those), here
    with two sentences: the node's lines are no longer one block, and all of them are sorted among the others."""
    from extractors.assertions import Relation
    from graph.rdf import NTriplesLines
    from graph.store import ntriples

    document = Document(path=Path("twice.txt"), name="twice.txt", text=ODD_TEXT,
                        sha256=hashlib.sha256(ODD_TEXT.encode()).hexdigest())
    result = DocumentAssertions()
    for n, sentence_end in enumerate((20, 30, 20)):
        result.relations.append(Relation("Person", "ana-perez", "country", "Country", "FR",
                                         Evidence(4, 15, 0, sentence_end + n, "names")))
    triples: set = set()
    DocumentWriter(triples, document, mention_spans=True).write_all(result, [])
    lines = NTriplesLines()
    DocumentWriter(lines, document, mention_spans=True).write_all(result, [])
    assert "" in lines.nodes.values()  # (the node written line by line)
    assert lines.ntriples() == ntriples(triples)
    assert lines.ntriples().count(b"ontology#sentence> ") == 3
