"""Exports: every format parses back into an isomorphic graph; TriG/N-Quads keep a graph per document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

import build_graph
from graph.export import (
    DATASET_FORMATS,
    EXTENSIONS,
    GRAPH_FORMATS,
    NETWORK_FORMATS,
    as_graph,
    load_input,
    serialize,
    split_by_document,
)

ID = "https://w3id.org/migraph/id/"
MIG = "https://w3id.org/migraph/ontology#"

# Two documents that both mention Tarnow's mayor; both reify the same mention triple
# (id:person/ilse-varga mig:country id:country/PL) and each has its own sentence, quote and a blank node.
TTL = """
@base <https://w3id.org/migraph/id/> .
@prefix mig: <https://w3id.org/migraph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<doc/aaaa> a mig:Document ; mig:fileName "one.txt" ; dcterms:title "Harbour opens" .
<doc/bbbb> a mig:Document ; mig:fileName "two.txt" ; dcterms:title "Harbour closes" .
<extractor/migraph.entities> a prov:SoftwareAgent ; rdfs:label "migraph.entities" .
<person/ilse-varga> a mig:Person ; rdfs:label "Ilse Varga" ; mig:role "Mayor" ; mig:country <country/PL> ;
    mig:mentionedIn <doc/aaaa> , <doc/bbbb> .
<country/PL> a mig:Country ; rdfs:label "Poland" ; mig:isoCode "PL" .
<doc/aaaa/sentence/0-40> a mig:Sentence ; mig:document <doc/aaaa> ; mig:text "Mayor Ilse Varga of Poland spoke." ;
    mig:startOffset 0 ; mig:endOffset 40 .
<doc/bbbb/sentence/0-50> a mig:Sentence ; mig:document <doc/bbbb> ; mig:text "Ilse Varga, Poland's mayor, spoke." ;
    mig:startOffset 0 ; mig:endOffset 50 .
<doc/aaaa/assertion/1> a mig:Assertion ; rdf:subject <person/ilse-varga> ; rdf:predicate mig:country ;
    rdf:object <country/PL> ; mig:document <doc/aaaa> ; mig:sentence <doc/aaaa/sentence/0-40> ;
    prov:wasAttributedTo <extractor/migraph.entities> .
<doc/bbbb/assertion/1> a mig:Assertion ; rdf:subject <person/ilse-varga> ; rdf:predicate mig:country ;
    rdf:object <country/PL> ; mig:document <doc/bbbb> ; mig:sentence <doc/bbbb/sentence/0-50> ;
    prov:wasAttributedTo <extractor/migraph.entities> .
<doc/aaaa/quote/5-30> a mig:Quotation ; mig:quotedText "Ships come in at dawn\\n\\tand leave at dusk" ;
    mig:document <doc/aaaa> ; mig:speaker <person/ilse-varga> ;
    mig:time [ mig:expression "at dawn" ; mig:granularity "unknown" ] .
<doc/bbbb/policy/1> a mig:Policy ; mig:actor <country/PL> ; mig:policyType mig:BorderBarrier ;
    mig:document <doc/bbbb> ; mig:quantity [ mig:expression "two gates" ; mig:numericValue 2.0 ] .
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    (folder / "graph.ttl").write_text(TTL, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def flat(source) -> Graph:
    return load_input(source)


def _doc_graph(dataset: Dataset, doc: str) -> Graph:
    return dataset.graph(URIRef(f"{ID}graph/{doc}"))


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS))
def test_flat_exports_round_trip(flat, fmt):
    data = serialize(flat, fmt)
    parsed = Graph().parse(data=data, format=GRAPH_FORMATS[fmt])
    assert isomorphic(parsed, flat)


@pytest.mark.parametrize("fmt", sorted(DATASET_FORMATS))
def test_dataset_exports_round_trip_per_graph(flat, fmt):
    expected = split_by_document(flat)
    parsed = Dataset().parse(data=serialize(flat, fmt), format=DATASET_FORMATS[fmt])
    names = {g.identifier for g in expected.graphs() if len(g)}
    assert {g.identifier for g in parsed.graphs() if len(g)} == names
    assert len(names) == 3  # two document graphs and the default graph
    for name in names:
        assert isomorphic(parsed.graph(name), expected.graph(name)), name
    assert isomorphic(as_graph(parsed), flat)  # nothing lost, nothing added


def test_named_graphs_follow_provenance(flat):
    dataset = split_by_document(flat)
    one, two = _doc_graph(dataset, "aaaa"), _doc_graph(dataset, "bbbb")
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    person, country = URIRef(ID + "person/ilse-varga"), URIRef(ID + "country/PL")
    assert (URIRef(ID + "doc/aaaa"), URIRef(MIG + "fileName"), None) in one
    assert (URIRef(ID + "doc/aaaa/quote/5-30"), None, None) in one
    assert (URIRef(ID + "doc/aaaa/quote/5-30"), None, None) not in two
    assert (URIRef(ID + "doc/bbbb/policy/1"), None, None) in two
    # the blank nodes a document's nodes reach travel with them
    assert any(str(o) == "at dawn" for o in one.objects(None, URIRef(MIG + "expression")))
    assert any(str(o) == "two gates" for o in two.objects(None, URIRef(MIG + "expression")))
    # the direct triple reified by both documents is in both graphs, the shared description in the default
    fact = (person, URIRef(MIG + "country"), country)
    assert fact in one and fact in two and fact not in default
    assert (person, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in default
    assert (URIRef(ID + "extractor/migraph.entities"), None, None) in default


def test_dataset_input_keeps_its_graphs(tmp_path, flat):
    trig = tmp_path / "in.trig"
    trig.write_bytes(serialize(flat, "trig"))
    dataset = load_input(trig)
    assert isinstance(dataset, Dataset)
    again = Dataset().parse(data=serialize(dataset, "nquads"), format="nquads")
    for name in (URIRef(ID + "graph/aaaa"), URIRef(ID + "graph/bbbb")):
        assert isomorphic(again.graph(name), dataset.graph(name))
    assert isomorphic(as_graph(again), flat)


@pytest.mark.parametrize("fmt", ["ntriples", "nquads", "trig", "jsonld", "turtle"])
def test_exports_are_deterministic(source, fmt):
    assert serialize(load_input(source), fmt) == serialize(load_input(source), fmt)


def test_jsonld_is_readable_with_a_context(flat):
    document = json.loads(serialize(flat, "jsonld"))
    context = document["@context"]
    assert context["mig"] == MIG and context["schema"] == "https://schema.org/"
    assert context["rdfs"] == "http://www.w3.org/2000/01/rdf-schema#"
    nodes = {node["@id"]: node for node in document["@graph"]}
    person = nodes["id:person/ilse-varga"]
    assert person["@type"] == "mig:Person"
    assert person["rdfs:label"] == "Ilse Varga"
    assert person["mig:country"] == {"@id": "id:country/PL"}


@pytest.mark.parametrize("fmt", sorted(GRAPH_FORMATS) + sorted(DATASET_FORMATS))
def test_export_command_writes_each_format(source, tmp_path, fmt, capsys):
    out = tmp_path / f"graph{EXTENSIONS[fmt]}"
    assert build_graph.main(["export", str(source), "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    if fmt in DATASET_FORMATS:
        assert isomorphic(as_graph(Dataset().parse(out, format=DATASET_FORMATS[fmt])), load_input(source))
    else:
        assert isomorphic(Graph().parse(out, format=GRAPH_FORMATS[fmt]), load_input(source))


@pytest.mark.parametrize("fmt", NETWORK_FORMATS)
def test_network_formats(source, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"net.{fmt}"
    assert build_graph.main(["export", str(source), "--format", fmt, "-o", str(out)]) == 0
    network = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert network.number_of_nodes() >= 2


def test_default_output_path_and_errors(source, tmp_path, capsys):
    assert build_graph.main(["export", str(source), "--format", "nquads"]) == 0
    assert (source / "export.nq").is_file()
    assert build_graph.main(["export", str(tmp_path / "missing"), "--format", "turtle"]) == 1
    assert capsys.readouterr().err.startswith("migraph: error:")
    broken = tmp_path / "broken.trig"
    broken.write_text("<a> <b> {", encoding="utf-8")
    assert build_graph.main(["export", str(broken), "--format", "nquads"]) == 1


def test_cli_format_list_matches_the_exporter():
    from graph.cli_rdf import EXPORT_FORMATS

    assert set(EXPORT_FORMATS) == set(GRAPH_FORMATS) | set(DATASET_FORMATS) | set(NETWORK_FORMATS)
    assert set(EXTENSIONS) == set(EXPORT_FORMATS)


def test_a_store_exports_its_document_graphs(flat, tmp_path):
    pytest.importorskip("pyoxigraph")
    from graph.store import DocumentStore

    expected = split_by_document(flat)
    store = DocumentStore(tmp_path / "store")
    for doc in ("aaaa", "bbbb"):
        store.put(f"{ID}graph/{doc}", f"{doc}.txt", _doc_graph(expected, doc).serialize(format="nt", encoding="utf-8"))
    store.close()
    dataset = load_input(tmp_path / "store")
    parsed = Dataset().parse(data=serialize(dataset, "trig"), format="trig")
    names = {g.identifier for g in parsed.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert names == {URIRef(f"{ID}graph/aaaa"), URIRef(f"{ID}graph/bbbb")}
    # The store keeps each triple once: a document's graph holds the triples naming the document, the
    # default graph the descriptions the documents share (not a second copy of everything).
    def names_a_document(triple, doc: str = "") -> bool:
        return any(isinstance(t, BNode) or str(t).startswith(f"{ID}doc/{doc}") for t in (triple[0], triple[2]))

    assert not any(names_a_document(t) for t in parsed.graph(DATASET_DEFAULT_GRAPH_ID))
    everything = Graph()
    for doc in ("aaaa", "bbbb"):
        own = _doc_graph(parsed, doc)
        assert len(own) and all(names_a_document(t, doc) for t in own)
        everything += _doc_graph(expected, doc)
    assert isomorphic(as_graph(parsed), everything)  # every triple of both documents, each once
