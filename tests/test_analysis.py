"""graph.analysis on a small hand-made graph in migraph's vocabulary (entities, assertions with
sentences, a quotation, policies, flows with quantities and an event), and the CLI commands
``stats``, ``path`` and ``network`` over it."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from build_graph import main
from graph import analysis
from graph.vocab import MIG

TURTLE_SHORT = """
@prefix mig: <https://w3id.org/migraph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

id:doc/d1 a mig:Document ; mig:fileName "harbour.txt" .
id:doc/d2 a mig:Document ; mig:fileName "border.txt" .

id:doc/d1/sentence/0-60 a mig:Sentence ; mig:document id:doc/d1 ;
    mig:text "Minister Alma Verdi of Freedonia met Tomas Brel in Sylvania." .
id:doc/d1/sentence/61-120 a mig:Sentence ; mig:document id:doc/d1 ;
    mig:text "Freedonia closed its border to Sylvanian students on Monday." .
id:doc/d2/sentence/0-80 a mig:Sentence ; mig:document id:doc/d2 ;
    mig:text "About 4,000 Sylvanians crossed into Freedonia last week, Brel said." .
id:doc/d2/sentence/81-140 a mig:Sentence ; mig:document id:doc/d2 ;
    mig:text "Another 1,500 people went from Sylvania to Ruritania." .
id:doc/d2/sentence/141-200 a mig:Sentence ; mig:document id:doc/d2 ;
    mig:text "Ruritania mobilized its reserves." .
id:doc/d2/sentence/201-260 a mig:Sentence ; mig:document id:doc/d2 ;
    mig:text "Nobody in Atlantis commented." .

id:person/alma-verdi a mig:Person ; rdfs:label "Alma Verdi" ; mig:role "Minister" ; mig:alias "Verdi" ;
    mig:country id:country/FD .
id:person/tomas-brel a mig:Person ; rdfs:label "Tomas Brel" ; mig:alias "Brel" .
id:country/FD a mig:Country ; rdfs:label "Freedonia" .
id:country/SY a mig:Country ; rdfs:label "Sylvania" .
id:country/RR a mig:Country ; rdfs:label "Ruritania" .
id:country/AT a mig:Country ; rdfs:label "Atlantis" .
id:group/sylvanian-students a mig:Group ; rdfs:label "Sylvanian students" ; mig:nationality id:country/SY .

# mentions (reified, as graph/rdf.py writes them)
id:a/m1 a mig:Assertion ; rdf:subject id:person/alma-verdi ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d1 ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/0-60 .
id:a/m2 a mig:Assertion ; rdf:subject id:country/FD ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d1 ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/0-60 .
id:a/m3 a mig:Assertion ; rdf:subject id:person/tomas-brel ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d1 ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/0-60 .
id:a/m4 a mig:Assertion ; rdf:subject id:country/SY ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d1 ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/0-60 .
id:a/m5 a mig:Assertion ; rdf:subject id:person/tomas-brel ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d2 ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/0-80 .
id:a/m6 a mig:Assertion ; rdf:subject id:country/RR ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d2 ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/141-200 .
id:a/m7 a mig:Assertion ; rdf:subject id:country/AT ; rdf:predicate mig:mentionedIn ; rdf:object id:doc/d2 ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/201-260 .
id:a/r1 a mig:Assertion ; rdf:subject id:person/alma-verdi ; rdf:predicate mig:country ; rdf:object id:country/FD ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/0-60 .

# a quotation
id:doc/d2/quote/1 a mig:Quotation ; mig:quotedText "We crossed at night" ; mig:speaker id:person/tomas-brel ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/0-80 .

# a policy: Freedonia bans Sylvanian students
id:doc/d1/policy/1 a mig:Policy ; mig:actor id:country/FD ; mig:policyType mig:EntryBan ; mig:status mig:InForce ;
    mig:target id:group/sylvanian-students ; mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/61-120 .
id:country/FD mig:entryBanFor id:group/sylvanian-students .

# flows: two reports Sylvania -> Freedonia, one Sylvania -> Ruritania
id:doc/d2/quantity/1 a mig:Quantity ; mig:numericValue 4000 ; mig:unit "person" .
id:doc/d2/quantity/2 a mig:Quantity ; mig:numericValue 1500 ; mig:unit "person" .
id:doc/d2/quantity/3 a mig:Quantity ; mig:numericValue 107 ; mig:unit "percent" .
id:doc/d2/quantity/4 a mig:Quantity ; mig:numericValue 12 ; mig:countedNoun "flights" .
id:doc/d2/flow/1 a mig:Flow ; mig:origin id:country/SY ; mig:destination id:country/FD ;
    mig:quantity id:doc/d2/quantity/1 , id:doc/d2/quantity/3 , id:doc/d2/quantity/4 ;
    mig:groupDescription "Sylvanians" ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/0-80 .
id:doc/d1/flow/2 a mig:Flow ; mig:origin id:country/SY ; mig:destination id:country/FD ;
    mig:document id:doc/d1 ; mig:sentence id:doc/d1/sentence/61-120 .
id:doc/d2/flow/3 a mig:Flow ; mig:origin id:country/SY ; mig:destination id:country/RR ;
    mig:quantity id:doc/d2/quantity/2 ; mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/81-140 .

# an event
id:doc/d2/event/1 a mig:Event , mig:MobilizationEvent ; mig:agent id:country/RR ;
    mig:document id:doc/d2 ; mig:sentence id:doc/d2/sentence/141-200 .
"""
# Turtle's prefixed names cannot hold '/': write id:doc/d1 as the full IRI
TURTLE = re.sub(r"\bid:([\w/\-]+)", r"<https://w3id.org/migraph/id/\1>", TURTLE_SHORT)

FD, SY, RR = ("https://w3id.org/migraph/id/country/" + c for c in ("FD", "SY", "RR"))
VERDI = "https://w3id.org/migraph/id/person/alma-verdi"
BREL = "https://w3id.org/migraph/id/person/tomas-brel"
STUDENTS = "https://w3id.org/migraph/id/group/sylvanian-students"


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return Graph().parse(data=TURTLE, format="turtle")


@pytest.fixture(scope="module")
def network(rdf) -> nx.Graph:
    return analysis.entity_graph(rdf)


@pytest.fixture()
def graph_file(tmp_path):
    path = tmp_path / "small.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def test_nodes_are_entities_not_literals(network):
    types = nx.get_node_attributes(network, "type")
    assert types[VERDI] == "Person" and types[FD] == "Country" and types[STUDENTS] == "Group"
    assert sorted(types.values()).count("Policy") == 1 and list(types.values()).count("Quotation") == 1
    assert list(types.values()).count("Event") == 1
    # flows are edges, literals and sentences are not nodes
    assert not any("flow/" in n or "sentence" in n or "quantity" in n for n in network)
    assert all(n.startswith("https://w3id.org/migraph/id/") for n in network)
    assert network.number_of_nodes() == 10


def test_node_attributes_carry_roles_documents_sentences(network):
    verdi = network.nodes[VERDI]
    assert verdi["label"] == "Alma Verdi" and verdi["roles"] == ["Minister"] and verdi["aliases"] == ["Verdi"]
    assert verdi["documents"] == ["harbour.txt"]
    assert verdi["sentences"][0][0].startswith("Minister Alma Verdi")
    assert network.nodes[BREL]["documents"] == ["border.txt", "harbour.txt"]
    policy = next(d for _, d in network.nodes(data=True) if d["type"] == "Policy")
    assert policy["label"] == "entry ban (Freedonia)"
    assert "entry ban" in policy["roles"]
    event = next(d for _, d in network.nodes(data=True) if d["type"] == "Event")
    assert event["label"].lower().startswith("mobili")  # the class label from the ontology


def test_edges_relations_and_evidence(network):
    assert network.edges[VERDI, FD]["relations"] == ["co-mention", "country"]
    evidence = [e for e in network.edges[VERDI, FD]["evidence"] if e.relation == "country"]
    assert evidence[0].sentence.startswith("Minister Alma Verdi") and evidence[0].document == "harbour.txt"
    assert network.edges[VERDI, FD]["directed"] == (VERDI, FD)
    assert "flow" in network.edges[SY, FD]["relations"]
    assert network.edges[SY, FD]["weight"] >= 2  # two flow reports (and a co-mention)
    assert "entryBanFor" in network.edges[FD, STUDENTS]["relations"]
    quote = next(n for n, d in network.nodes(data=True) if d["type"] == "Quotation")
    assert network.edges[quote, BREL]["relations"] == ["speaker"]
    assert network.nodes[quote]["text"] == "We crossed at night"
    assert not network.has_edge(VERDI, RR)


def test_entity_graph_is_deterministic(rdf):
    first = analysis.entity_graph(rdf)
    again = analysis.entity_graph(Graph().parse(data=TURTLE, format="turtle"))
    assert list(first.nodes) == list(again.nodes)
    assert list(first.edges(data=True)) == list(again.edges(data=True))


def test_flow_network_weights_and_policies(rdf):
    flows = analysis.flow_network(rdf)
    edge = flows.edges[SY, FD, "flow"]
    assert edge["reports"] == 2 and edge["people"] == 4000  # neither the percentage nor the flights are people
    assert flows.edges[SY, RR, "flow"]["people"] == 1500
    policy = flows.edges[FD, STUDENTS, "policy:entry ban"]
    assert policy["kind"] == "policy" and policy["reports"] == 1
    assert flows.has_edge(STUDENTS, SY)  # group nationality
    rows = {r["country"]: r for r in analysis.country_strength(flows)}
    assert rows["Sylvania"]["out_reports"] == 3 and rows["Sylvania"]["out_people"] == 5500
    assert rows["Freedonia"]["in_reports"] == 2 and rows["Freedonia"]["in_people"] == 4000
    assert "Atlantis" not in rows


def test_statistics(rdf, network):
    stats = analysis.statistics(rdf, network, top=3)
    assert stats["counts"]["Country"] == 4 and stats["counts"]["Person"] == 2
    assert stats["nodes"] == 10 and stats["edges"] == network.number_of_edges()
    assert set(stats["central"]) == {"degree", "betweenness", "pagerank"}
    assert stats["central"]["degree"][0]["label"] in {"Freedonia", "Sylvania"}
    assert len(stats["central"]["pagerank"]) == 3
    assert stats["communities"] and sum(c["size"] for c in stats["communities"]) <= 10
    assert stats["flows"][0]["country"] == "Sylvania"
    assert "Sylvania" in analysis.format_statistics(stats)
    json.dumps(stats)  # JSON-ready


def test_path_prefers_stated_relations_and_explains_hops(network):
    hops = analysis.explain_path(network, "alma verdi", "SYLVANIAN STUDENTS")
    assert [h.target_label for h in hops] == ["Freedonia", "Sylvanian students"]
    assert hops[0].evidence[0].relation == "country"
    text = analysis.format_path(hops)
    assert "Alma Verdi → Freedonia → Sylvanian students" in text and "harbour.txt" in text
    assert analysis.find_node(network, "verdi") == VERDI  # alias


def test_path_errors(network):
    with pytest.raises(analysis.NotFound, match="no entity named"):
        analysis.explain_path(network, "Nobody Known", "Freedonia")
    with pytest.raises(analysis.NotFound, match="not connected"):
        analysis.explain_path(network, "Atlantis", "Freedonia")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_write_network_round_trip(network, tmp_path, fmt):
    path = analysis.write_network(network, fmt, tmp_path / f"n.{fmt}")
    back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    node = back.nodes[VERDI]
    assert node["type"] == "Person" and node["roles"] == "Minister"
    assert (node.get("label") or node.get("label")) == "Alma Verdi"


def test_write_network_rejects_unknown_format(network, tmp_path):
    with pytest.raises(ValueError, match="unknown network format"):
        analysis.write_network(network, "dot", tmp_path / "n.dot")


def test_cli_stats_json(graph_file, tmp_path, capsys):
    out = tmp_path / "stats.json"
    assert main(["stats", str(graph_file), "--format", "json", "-o", str(out)]) == 0
    stats = json.loads(out.read_text(encoding="utf-8"))
    assert stats["counts"]["Policy"] == 1 and stats["flows"][0]["out_reports"] == 3
    assert main(["stats", str(graph_file)]) == 0
    assert "country flow network" in capsys.readouterr().out


def test_cli_path(graph_file, capsys):
    assert main(["path", str(graph_file), "tomas brel", "alma verdi"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tomas Brel → Alma Verdi") and "Minister Alma Verdi of Freedonia" in out
    assert main(["path", str(graph_file), "tomas brel", "nobody"]) == 1
    assert "migraph: error:" in capsys.readouterr().err


def test_cli_network(graph_file, tmp_path, capsys):
    out = tmp_path / "net.graphml"
    assert main(["network", str(graph_file), "--format", "graphml", "-o", str(out)]) == 0
    assert nx.read_graphml(out).number_of_nodes() == 10
    assert main(["network", str(tmp_path / "missing.ttl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("migraph: error:") and "missing.ttl" in err


def test_mentions_per_sentence_give_the_same_network_as_mention_assertions(rdf, network):
    """The default mention model (``mig:mentionedInSentence``, no assertion per mention) draws the same nodes,
    co-mention edges, documents and sentences as the reified mentions of ``--mention-spans``."""
    lean = Graph()
    for s, p, o in rdf:
        if (s, RDF.predicate, MIG.mentionedIn) not in rdf:
            lean.add((s, p, o))
    for mention in rdf.subjects(RDF.predicate, MIG.mentionedIn):
        lean.add((rdf.value(mention, RDF.subject), MIG.mentionedInSentence, rdf.value(mention, MIG.sentence)))
    assert len(lean) < len(rdf)
    other = analysis.entity_graph(lean)
    assert sorted(other.nodes) == sorted(network.nodes)
    assert sorted(map(sorted, other.edges)) == sorted(map(sorted, network.edges))
    for node in network.nodes:
        for key in ("documents", "sentences", "mentions"):
            assert other.nodes[node][key] == network.nodes[node][key], (node, key)
    for a, b in network.edges:
        assert other.edges[a, b]["relations"] == network.edges[a, b]["relations"]
