"""SHACL shapes: a valid graph of every class conforms; a graph that breaks each shape is caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, SKOS

from graph.validate import SHAPES_PATH, format_report, load_shapes, validate_graph
from graph.vocab import EVENT_TYPES, MIG, POLICY_TYPES

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "migraph.ttl"
MIGSH = "https://w3id.org/migraph/shapes#"

VALID = """
@base <https://w3id.org/migraph/id/> .
@prefix mig: <https://w3id.org/migraph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<doc/d1> a mig:Document , schema:NewsArticle ; mig:fileName "ferry.txt" ;
    mig:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" ;
    mig:characterCount 400 ; dcterms:title "Ferry service resumes" ;
    schema:datePublished "2031-05-04"^^xsd:date .
<doc/d1/sentence/0-80> a mig:Sentence ; mig:document <doc/d1> ; mig:text "Some sentence." ;
    mig:startOffset 0 ; mig:endOffset 80 .
<extractor/migraph.entities> a prov:SoftwareAgent ; rdfs:label "migraph.entities" .
<person/anna-moor> a mig:Person ; rdfs:label "Anna Moor" ; mig:alias "Moor" ; mig:role "harbour master" ;
    mig:age 52 ; mig:nameGender "female" ; mig:country <country/NO> ; mig:affiliation <org/port-authority> ;
    mig:mentionedIn <doc/d1> .
<country/NO> a mig:Country ; rdfs:label "Norway" ; mig:isoCode "NO" ; mig:isoAlpha3 "NOR" ;
    mig:mentionedIn <doc/d1> .
<country/IS> a mig:Country ; rdfs:label "Iceland" ; mig:isoCode "IS" .
<place/bergen> a mig:Place ; rdfs:label "Bergen" ; mig:locatedIn <country/NO> .
<org/port-authority> a mig:Organization ; rdfs:label "Port Authority" ; mig:country <country/NO> .
<group/icelandic-students> a mig:Group ; rdfs:label "Icelandic students" ; mig:nationality <country/IS> .
<doc/d1/assertion/a1> a mig:Assertion ; rdf:subject <person/anna-moor> ; rdf:predicate mig:mentionedIn ;
    rdf:object <doc/d1> ; mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ;
    mig:startOffset 10 ; mig:endOffset 19 ; mig:surfaceForm "Anna Moor" ;
    prov:wasAttributedTo <extractor/migraph.entities> .
<doc/d1/quote/20-40> a mig:Quotation ; mig:quotedText "The ferry sails again" ; mig:quoteKind mig:DirectQuote ;
    mig:speaker <person/anna-moor> ; mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ;
    mig:startOffset 20 ; mig:endOffset 40 .
<doc/d1/quote/50-60> a mig:Quotation ; mig:quotedText "at last" ; mig:quoteKind mig:PartialQuote ;
    mig:speakerDescription "a passenger" ; mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ;
    mig:startOffset 50 ; mig:endOffset 60 .
<doc/d1/time/62-70> a mig:TimeExpression ; mig:expression "on Monday" ; mig:granularity "day" ;
    mig:resolvedValue "2031-05-02" ; mig:date "2031-05-02"^^xsd:date ; mig:document <doc/d1> ;
    mig:startOffset 62 ; mig:endOffset 70 .
<doc/d1/quantity/71-75> a mig:Quantity ; mig:expression "300 students" ; mig:numericValue 300.0 ;
    mig:unit "person" ; mig:isChange false ; mig:document <doc/d1> ; mig:startOffset 71 ; mig:endOffset 75 .
<doc/d1/policy/p1> a mig:Policy ; mig:actor <country/NO> ; mig:policyType mig:Admission ; mig:status mig:InForce ;
    mig:target <group/icelandic-students> ; mig:targetNationality <country/IS> ; mig:time <doc/d1/time/62-70> ;
    mig:quantity <doc/d1/quantity/71-75> ; mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ;
    mig:startOffset 0 ; mig:endOffset 80 .
<doc/d1/flow/f1> a mig:Flow ; mig:origin <country/IS> ; mig:destination <country/NO> ;
    mig:group <group/icelandic-students> ; mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ;
    mig:startOffset 0 ; mig:endOffset 80 .
<doc/d1/event/e1> a mig:Event , mig:ProtestEvent ; mig:agent <org/port-authority> ; mig:place <place/bergen> ;
    mig:document <doc/d1> ; mig:sentence <doc/d1/sentence/0-80> ; mig:startOffset 0 ; mig:endOffset 80 .
"""

BASE = "https://w3id.org/migraph/id/"


def _valid() -> Graph:
    graph = Graph()
    graph.parse(data=VALID, format="turtle")
    return graph


def _iri(path: str) -> URIRef:
    return URIRef(BASE + path)


def test_valid_graph_of_every_class_conforms():
    graph = _valid()
    classes = set(graph.objects(None, RDF.type))
    for cls in ("Document", "Sentence", "Assertion", "Person", "Country", "Place", "Organization", "Group",
                "Quotation", "Policy", "Flow", "Event", "TimeExpression", "Quantity"):
        assert MIG[cls] in classes
    report = validate_graph(graph)
    assert report.conforms, format_report(report)


def _set(path: str, prop, value):
    def mutate(graph: Graph) -> None:
        graph.set((_iri(path), prop, value))
    return mutate


def _drop(path: str, prop):
    def mutate(graph: Graph) -> None:
        graph.remove((_iri(path), prop, None))
    return mutate


def _add(path: str, prop, value):
    def mutate(graph: Graph) -> None:
        graph.add((_iri(path), prop, value))
    return mutate


def _both(*mutations):
    def mutate(graph: Graph) -> None:
        for mutation in mutations:
            mutation(graph)
    return mutate


NOWHERE = URIRef(BASE + "doc/missing")
# (description, mutation, focus path, text expected in the message)
BROKEN = [
    ("document without sha256", _drop("doc/d1", MIG.sha256), "doc/d1", "sha256"),
    ("document with upper-case sha256", _set("doc/d1", MIG.sha256, Literal("AB" * 32)), "doc/d1", "sha256"),
    ("document with a string date", _set("doc/d1", URIRef("https://schema.org/datePublished"), Literal("May 4")),
     "doc/d1", "datePublished"),
    ("sentence without text", _drop("doc/d1/sentence/0-80", MIG.text), "doc/d1/sentence/0-80", "mig:text"),
    ("sentence starting after its end", _set("doc/d1/sentence/0-80", MIG.startOffset, Literal(90)),
     "doc/d1/sentence/0-80", "startOffset"),
    ("assertion without document", _drop("doc/d1/assertion/a1", MIG.document), "doc/d1/assertion/a1", "provenance"),
    ("assertion pointing to a non-document", _set("doc/d1/assertion/a1", MIG.document, NOWHERE),
     "doc/d1/assertion/a1", "provenance"),
    ("assertion without extractor", _drop("doc/d1/assertion/a1", URIRef("http://www.w3.org/ns/prov#wasAttributedTo")),
     "doc/d1/assertion/a1", "extractor"),
    ("assertion with two subjects", _add("doc/d1/assertion/a1", RDF.subject, _iri("country/NO")),
     "doc/d1/assertion/a1", "rdf:subject"),
    ("person without label", _drop("person/anna-moor", URIRef("http://www.w3.org/2000/01/rdf-schema#label")),
     "person/anna-moor", "rdfs:label"),
    ("person aged 300", _set("person/anna-moor", MIG.age, Literal(300)), "person/anna-moor", "age"),
    ("person with a guessed gender outside the list", _set("person/anna-moor", MIG.nameGender, Literal("andy")),
     "person/anna-moor", "nameGender"),
    ("person whose country is a place", _set("person/anna-moor", MIG.country, _iri("place/bergen")),
     "person/anna-moor", "mig:Country"),
    ("country without ISO code", _drop("country/NO", MIG.isoCode), "country/NO", "isoCode"),
    ("country with two ISO codes", _add("country/NO", MIG.isoCode, Literal("NX")), "country/NO", "isoCode"),
    ("country with a lower-case ISO code", _set("country/NO", MIG.isoCode, Literal("no")), "country/NO", "isoCode"),
    ("country with an alpha-3 as ISO code", _set("country/IS", MIG.isoCode, Literal("ISL")), "country/IS", "isoCode"),
    ("place located in an organisation", _set("place/bergen", MIG.locatedIn, _iri("org/port-authority")),
     "place/bergen", "locatedIn"),
    ("organisation with empty label",
     _set("org/port-authority", URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("")),
     "org/port-authority", "rdfs:label"),
    ("group whose nationality is a person", _set("group/icelandic-students", MIG.nationality, _iri("person/anna-moor")),
     "group/icelandic-students", "nationality"),
    ("quotation without text", _drop("doc/d1/quote/20-40", MIG.quotedText), "doc/d1/quote/20-40", "quotedText"),
    ("quotation with two texts", _add("doc/d1/quote/20-40", MIG.quotedText, Literal("other words")),
     "doc/d1/quote/20-40", "quotedText"),
    ("quotation without speaker or description",
     _both(_drop("doc/d1/quote/50-60", MIG.speakerDescription), _drop("doc/d1/quote/50-60", MIG.speaker)),
     "doc/d1/quote/50-60", "speaker"),
    ("quotation spoken by a sentence", _set("doc/d1/quote/20-40", MIG.speaker, _iri("doc/d1/sentence/0-80")),
     "doc/d1/quote/20-40", "speaker"),
    ("quotation with an unknown kind", _set("doc/d1/quote/20-40", MIG.quoteKind, MIG.Rumour),
     "doc/d1/quote/20-40", "quoteKind"),
    ("policy without actor", _drop("doc/d1/policy/p1", MIG.actor), "doc/d1/policy/p1", "actor"),
    ("policy whose actor is a group", _set("doc/d1/policy/p1", MIG.actor, _iri("group/icelandic-students")),
     "doc/d1/policy/p1", "actor"),
    ("policy without type", _drop("doc/d1/policy/p1", MIG.policyType), "doc/d1/policy/p1", "policyType"),
    ("policy type outside the scheme", _set("doc/d1/policy/p1", MIG.policyType, MIG.Curfew),
     "doc/d1/policy/p1", "PolicyTypeScheme"),
    ("policy without provenance", _drop("doc/d1/policy/p1", MIG.document), "doc/d1/policy/p1", "provenance"),
    ("policy with an unknown status", _set("doc/d1/policy/p1", MIG.status, MIG.Rumoured),
     "doc/d1/policy/p1", "status"),
    ("flow without origin or destination",
     _both(_drop("doc/d1/flow/f1", MIG.origin), _drop("doc/d1/flow/f1", MIG.destination)),
     "doc/d1/flow/f1", "origin or a mig:destination"),
    ("flow with two origins", _add("doc/d1/flow/f1", MIG.origin, _iri("country/NO")), "doc/d1/flow/f1", "origin"),
    ("flow to a place", _set("doc/d1/flow/f1", MIG.destination, _iri("place/bergen")), "doc/d1/flow/f1",
     "destination"),
    ("event without a type from the event classes", lambda g: g.remove((_iri("doc/d1/event/e1"), RDF.type,
                                                                          MIG.ProtestEvent)),
     "doc/d1/event/e1", "event classes"),
    ("event at a group", _set("doc/d1/event/e1", MIG.place, _iri("group/icelandic-students")),
     "doc/d1/event/e1", "place"),
    ("event without sentence", _drop("doc/d1/event/e1", MIG.sentence), "doc/d1/event/e1", "sentence"),
    ("time expression without words", _drop("doc/d1/time/62-70", MIG.expression), "doc/d1/time/62-70", "expression"),
    ("time expression with a free-text value", _set("doc/d1/time/62-70", MIG.resolvedValue, Literal("next Monday")),
     "doc/d1/time/62-70", "resolvedValue"),
    ("time expression with an unknown granularity", _set("doc/d1/time/62-70", MIG.granularity, Literal("fortnight")),
     "doc/d1/time/62-70", "granularity"),
    ("quantity with a string value", _set("doc/d1/quantity/71-75", MIG.numericValue, Literal("300")),
     "doc/d1/quantity/71-75", "numericValue"),
    ("quantity without value", _drop("doc/d1/quantity/71-75", MIG.numericValue), "doc/d1/quantity/71-75",
     "numericValue"),
]


@pytest.mark.parametrize("description, mutate, focus, text", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_violation_is_caught_and_named(description, mutate, focus, text):
    graph = _valid()
    mutate(graph)
    report = validate_graph(graph)
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == f"id:{focus}"]
    assert hits, format_report(report)
    assert any(text in f"{v.path} {v.message}" for v in hits), format_report(report)


def test_every_class_migraph_writes_has_a_shape():
    shapes = load_shapes()
    targeted = set(shapes.objects(None, SH.targetClass))
    ontology = Graph().parse(ONTOLOGY)
    written = {MIG[c] for c in ("Document", "Sentence", "Assertion", "Person", "Country", "Place", "Organization",
                                "Group", "Quotation", "Policy", "Flow", "Event", "TimeExpression", "Quantity")}
    assert written <= targeted
    for cls in targeted:
        assert (cls, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in ontology, cls


def _shape_in_list(shapes: Graph, path) -> set:
    from rdflib.collection import Collection

    found = set()
    for prop in shapes.subjects(SH.path, path):
        for head in shapes.objects(prop, SH["in"]):
            found |= set(Collection(shapes, head))
        for qualified in shapes.objects(prop, SH.qualifiedValueShape):
            for head in shapes.objects(qualified, SH["in"]):
                found |= set(Collection(shapes, head))
    return found


def test_concept_lists_in_shapes_match_the_ontology():
    """sh:in lists must follow the ontology's schemes: a new policy type needs a shape update."""
    shapes = load_shapes()
    ontology = Graph().parse(ONTOLOGY)
    policy_types = set(ontology.subjects(SKOS.inScheme, MIG.PolicyTypeScheme))
    assert _shape_in_list(shapes, MIG.policyType) == policy_types == {MIG[t] for t in POLICY_TYPES}
    statuses = set(ontology.subjects(SKOS.inScheme, MIG.PolicyStatusScheme))
    assert _shape_in_list(shapes, MIG.status) == statuses
    quote_kinds = set(ontology.subjects(RDF.type, MIG.QuoteKind))
    assert _shape_in_list(shapes, MIG.quoteKind) == quote_kinds
    event_classes = {MIG[f"{t}Event"] for t in EVENT_TYPES}
    assert _shape_in_list(shapes, RDF.type) == event_classes


def test_validate_command_exit_codes_and_readable_output(tmp_path, capsys):
    import build_graph

    good = tmp_path / "good.ttl"
    _valid().serialize(good, format="turtle")
    bad_graph = _valid()
    bad_graph.set((_iri("country/NO"), MIG.isoCode, Literal("nor")))
    bad = tmp_path / "bad.ttl"
    bad_graph.serialize(bad, format="turtle")
    assert build_graph.main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert build_graph.main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "1 SHACL violation" in out
    assert "id:country/NO mig:isoCode: a country needs exactly one mig:isoCode" in out
    assert "(value 'nor')" in out
    assert build_graph.main(["validate", str(tmp_path / "missing.ttl")]) == 1
    assert capsys.readouterr().err.startswith("migraph: error:")


def test_shapes_file_is_the_default():
    assert SHAPES_PATH == ROOT / "ontology" / "shapes.ttl"
    assert (URIRef(MIGSH + "CountryShape"), RDF.type, SH.NodeShape) in load_shapes()


def test_ontology_page_is_in_sync_with_the_turtle():
    """ontology/README.md is generated: after changing migraph.ttl or shapes.ttl run `migraph ontology-docs`."""
    from ontology.docs import DEFAULT_OUT, render

    assert DEFAULT_OUT.read_text(encoding="utf-8") == render(), \
        "ontology/README.md is stale: run `.venv/bin/migraph ontology-docs` and commit it"


def test_ontology_page_documents_every_term():
    from ontology.docs import render

    page = render()
    ontology = Graph().parse(ONTOLOGY)
    terms = {t for t in ontology.subjects(RDF.type, None) if str(t).startswith(str(MIG))}
    assert len(terms) > 50
    for term in terms:
        assert f'<a id="mig-{str(term)[len(str(MIG)):]}"></a>' in page, term
    assert "| mig:Document | rdfs:subClassOf | [schema:NewsArticle](https://schema.org/NewsArticle) |" in page
    assert "`mig:isoCode` [1..1]" in page  # the shapes are shown with their class


def test_build_outputs_are_validated_before_writing(tmp_path, capsys):
    import json

    from graph.build import BuildResult, write_outputs
    from graph.validate import ValidationFailed

    bad = _valid()
    bad.remove((_iri("country/NO"), MIG.isoCode, None))
    with pytest.raises(ValidationFailed) as failure:
        write_outputs(BuildResult(graph=bad), tmp_path / "strict")
    assert "id:country/NO mig:isoCode" in str(failure.value) and "nothing written" in str(failure.value)
    assert not (tmp_path / "strict" / "graph.ttl").exists()
    paths = write_outputs(BuildResult(graph=bad), tmp_path / "lenient", strict=False)
    assert paths["graph.ttl"].is_file()
    assert "migraph: warning:" in capsys.readouterr().err
    write_outputs(BuildResult(graph=bad), tmp_path / "unchecked", validate=False)
    assert capsys.readouterr().err == ""
    write_outputs(BuildResult(graph=_valid()), tmp_path / "good")
    report = json.loads((tmp_path / "good" / "report.json").read_text(encoding="utf-8"))
    assert "validate" in report["timings_seconds"]


def test_build_command_offers_no_validate():
    import build_graph

    args = build_graph.make_parser().parse_args(["build", "seeds", "--no-validate"])
    assert args.no_validate is True
    assert build_graph.make_parser().parse_args(["build"]).no_validate is False


def test_flattened_shapes_report_the_same_violations_as_the_file():
    from pyshacl import validate

    from graph.validate import flatten_shapes

    graph = _valid()
    for _description, mutate, _focus, _text in BROKEN:
        mutate(graph)
    raw = Graph().parse(SHAPES_PATH, format="turtle")

    def results(shapes: Graph) -> set:
        _conforms, report, _text = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
        return {(report.value(r, SH.focusNode), report.value(r, SH.resultPath), str(report.value(r, SH.resultMessage)))
                for r in report.subjects(RDF.type, SH.ValidationResult)}

    nested = results(raw)
    assert len(nested) >= 30
    assert results(flatten_shapes(raw)) == nested
