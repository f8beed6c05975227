"""graph.viz without a browser: the page is self-contained, escapes every piece of article text,
is deterministic, shows the most central nodes of a big graph with a notice, and ``migraph
build``/``viz`` write it. What the page does in a browser is in tests/test_browser.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from build_graph import main
from graph import analysis, viz
from graph.vocab import ID, MIG

HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned = 3">click</a>',
    "</script><script>window.__pwned = 4</script>",
    "<svg onload=window.__pwned=5>",
    'quote " and \\ backslash \\" and \u2028 line & amp',
    "<!-- <script>",
]


def hostile_rdf() -> Graph:
    """Every text field the view shows, filled with markup that must stay text."""
    g = Graph()
    doc = ID["doc/evil"]
    g.add((doc, RDF.type, MIG.Document))
    g.add((doc, MIG.fileName, Literal('<img src=x onerror="window.__pwned = 6">.txt')))
    sentence = ID["doc/evil/sentence/0-10"]
    g.add((sentence, RDF.type, MIG.Sentence))
    g.add((sentence, MIG.document, doc))
    g.add((sentence, MIG.text, Literal(" ".join(HOSTILE))))
    people = []
    for n, text in enumerate(HOSTILE):
        person = ID[f"person/p{n}"]
        people.append(person)
        g.add((person, RDF.type, MIG.Person))
        g.add((person, RDFS.label, Literal(text)))
        g.add((person, MIG.role, Literal(HOSTILE[(n + 1) % len(HOSTILE)])))
        g.add((person, MIG.alias, Literal(HOSTILE[(n + 2) % len(HOSTILE)])))
        mention = ID[f"doc/evil/assertion/m{n}"]
        g.add((mention, RDF.type, MIG.Assertion))
        g.add((mention, RDF.subject, person))
        g.add((mention, RDF.predicate, MIG.mentionedIn))
        g.add((mention, RDF.object, doc))
        g.add((mention, MIG.document, doc))
        g.add((mention, MIG.sentence, sentence))
    quote = ID["doc/evil/quote/1"]
    g.add((quote, RDF.type, MIG.Quotation))
    g.add((quote, MIG.quotedText, Literal(HOSTILE[0] + HOSTILE[1])))
    g.add((quote, MIG.speaker, people[2]))
    g.add((quote, MIG.document, doc))
    g.add((quote, MIG.sentence, sentence))
    return g


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.title_text: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_h1 = tag == "h1"

    def handle_endtag(self, tag):
        self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.title_text.append(data)


def parse(page: bytes) -> _Tags:
    parser = _Tags()
    parser.feed(page.decode("utf-8"))
    return parser


def payload_of(page: bytes) -> dict:
    match = re.search(rb'<script type="application/json" id="migraph-data">(.*?)</script>', page, re.S)
    assert match, "no JSON payload"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def hostile_page() -> bytes:
    return viz.graph_page(hostile_rdf(), title=HOSTILE[0] + HOSTILE[2]).html


def test_json_for_script_cannot_break_out():
    value = {"a": "</script><script>alert(1)</script> & <!-- \u2028\u2029", "b": ['"\\']}
    text = viz.json_for_script(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_hostile_text_is_data_not_markup(hostile_page):
    tags = parse(hostile_page)
    names = [t for t, _ in tags.tags]
    assert names.count("script") == 3  # the JSON payload, vis-network, the view
    assert not {"img", "svg", "a", "iframe", "link", "object", "embed"} & set(names)
    for tag, attrs in tags.tags:
        assert not {"src", "href"} & set(attrs), (tag, attrs)
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
    # the heading is escaped text
    assert "".join(tags.title_text) == HOSTILE[0] + HOSTILE[2]
    # the payload round-trips: every hostile string arrives intact, as data
    payload = payload_of(hostile_page)
    labels = {n["name"] for n in payload["nodes"]}
    assert set(HOSTILE[:5]) <= labels
    assert any(n["type"] == "Quotation" and HOSTILE[0] in n["name"] for n in payload["nodes"])


def test_page_is_self_contained(hostile_page):
    text = hostile_page.decode("utf-8")
    for host in ("cdn.", "unpkg", "jsdelivr", "cdnjs", "googleapis", "bootstrap", "sourcemappingurl"):
        assert host not in text.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]  # scripts by hash only
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", csp)) == 2


def test_page_is_deterministic():
    rdf = hostile_rdf()
    assert viz.graph_page(rdf).html == viz.graph_page(hostile_rdf()).html


def _star_forest(n_stars: int, leaves: int) -> nx.Graph:
    g = nx.Graph()
    for s in range(n_stars):
        hub = f"https://w3id.org/migraph/id/country/C{s:03d}"
        g.add_node(hub, type="Country", label=f"Country {s}", roles=[], aliases=[], documents=[], sentences=[],
                   mentions=1)
        for leaf in range(leaves):
            node = f"https://w3id.org/migraph/id/person/p{s:03d}-{leaf:03d}"
            g.add_node(node, type="Person", label=f"Person {s}.{leaf}", roles=[], aliases=[], documents=[],
                       sentences=[], mentions=1)
            g.add_edge(hub, node, relations=["country"], evidence=[], weight=1, directed=(node, hub))
    return g


def test_big_graph_shows_most_central_nodes_with_notice():
    g = _star_forest(10, 9)  # 100 nodes
    payload = viz.entity_payload(g, title="t", max_nodes=10)
    assert len(payload["nodes"]) == 10 and payload["total"] == 100
    assert {n["type"] for n in payload["nodes"]} == {"Country"}  # the hubs are the most central
    assert "10 most central of 100" in payload["notice"] and "--all" in payload["notice"]
    full = viz.entity_payload(g, title="t", max_nodes=None)
    assert len(full["nodes"]) == 100 and full["notice"] is None and len(full["edges"]) == 90


def test_layout_separates_components_and_is_deterministic():
    g = _star_forest(3, 4)
    first, again = viz.layout(g), viz.layout(g)
    assert first == again and len(first) == 15
    assert len(set(first.values())) == 15  # no two nodes on one spot
    big = nx.barabasi_albert_graph(400, 2, seed=1)  # above SMALL_LAYOUT: igraph's layout
    big = nx.relabel_nodes(big, {i: f"n{i:04d}" for i in big})
    positions = viz.layout(big)
    assert positions == viz.layout(big) and len(set(positions.values())) == 400


def test_flow_page(tmp_path):
    from test_analysis import TURTLE

    network = analysis.flow_network(Graph().parse(data=TURTLE, format="turtle"))
    payload = viz.flow_payload(network, title="flows")
    labels = {n["label"] for n in payload["nodes"]}
    assert {"Sylvania", "Freedonia", "Ruritania", "Sylvanian students"} <= labels
    flows = [e for e in payload["edges"] if e["color"] == viz.EDGE_COLORS["flow"]]
    assert len(flows) == 2 and all(e["directed"] for e in flows)
    widths = sorted(e["width"] for e in flows)
    assert widths[0] < widths[1]  # two reports and 4,000 people draw a wider arrow than one report
    assert any(e["label"] == "entry ban" for e in payload["edges"])


def test_cli_viz_query_flows_and_errors(tmp_path, capsys):
    from test_analysis import TURTLE

    source = tmp_path / "g.ttl"
    source.write_text(TURTLE, encoding="utf-8")
    out = tmp_path / "people.html"
    query = "SELECT ?p WHERE { ?p a <https://w3id.org/migraph/ontology#Person> }"
    assert main(["viz", str(source), "--query", query, "-o", str(out)]) == 0
    assert {n["type"] for n in payload_of(out.read_bytes())["nodes"]} == {"Person"}
    construct = ("CONSTRUCT { ?q <urn:said-by> ?p } WHERE { ?q <https://w3id.org/migraph/ontology#speaker> ?p }")
    assert main(["viz", str(source), "--query", construct, "-o", str(out)]) == 0
    assert sorted(n["type"] for n in payload_of(out.read_bytes())["nodes"]) == ["Person", "Quotation"]
    assert main(["viz", str(source), "--flows"]) == 0
    assert (tmp_path / "flows.html").is_file()
    assert main(["viz", str(source), "--max-nodes", "3"]) == 0
    page = (tmp_path / "graph.html").read_bytes()
    assert len(payload_of(page)["nodes"]) == 3 and "most central" in payload_of(page)["notice"]
    assert main(["viz", str(source), "--all"]) == 0
    assert len(payload_of((tmp_path / "graph.html").read_bytes())["nodes"]) == 10
    capsys.readouterr()
    assert main(["viz", str(source), "--query", "SELECT ?x WHERE { ?x a <urn:nothing> }"]) == 1
    assert "selects no entity" in capsys.readouterr().err
    assert main(["viz", str(tmp_path / "nope.ttl")]) == 1


def test_page_and_stats_identical_across_processes(tmp_path):
    """Hash randomisation must not reach the output: same graph, different PYTHONHASHSEED, same bytes."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from test_analysis import TURTLE

    source = tmp_path / "g.ttl"
    source.write_text(TURTLE, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    outputs = []
    for seed in ("1", "2"):
        page, stats = tmp_path / f"page{seed}.html", tmp_path / f"stats{seed}.json"
        script = ("import sys; from build_graph import main; "
                  f"sys.exit(main(['viz', {str(source)!r}, '-o', {str(page)!r}]) "
                  f"or main(['stats', {str(source)!r}, '--format', 'json', '-o', {str(stats)!r}]))")
        subprocess.run([sys.executable, "-c", script], check=True, cwd=root, capture_output=True,
                       env=dict(os.environ, PYTHONHASHSEED=seed))
        outputs.append((page.read_bytes(), stats.read_bytes()))
    assert outputs[0] == outputs[1]
