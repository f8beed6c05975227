"""The SPARQL endpoint: protocol, content negotiation, standard clients, and its safety properties."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from graph.query import canned_queries, rows_as_dicts, run_query
from graph.server import Limits, RdflibBackend, check_query, make_server

ROOT = Path(__file__).resolve().parent.parent

GRAPH_TTL = """
@prefix mig: <https://w3id.org/migraph/ontology#> .
@base <https://w3id.org/migraph/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<doc/aaaa> a mig:Document ; mig:fileName "harbour.txt" .
<doc/aaaa/sentence/0-60> a mig:Sentence ; mig:document <doc/aaaa> ;
    mig:text "\\"We open the harbour at dawn,\\" said Mayor Ilse Varga of Tarnow." ;
    mig:startOffset 0 ; mig:endOffset 60 .
<person/ilse-varga> a mig:Person ; rdfs:label "Ilse Varga" ; mig:role "Mayor" ;
    mig:country <country/PL> ; mig:mentionedIn <doc/aaaa> .
<person/tomas-eder> a mig:Person ; rdfs:label "Tomas Eder" ; mig:mentionedIn <doc/aaaa> .
<country/PL> a mig:Country ; rdfs:label "Poland" ; mig:isoCode "PL" ; mig:mentionedIn <doc/aaaa> .
<country/DE> a mig:Country ; rdfs:label "Germany" ; mig:isoCode "DE" ; mig:mentionedIn <doc/aaaa> .
<doc/aaaa/quote/1-28> a mig:Quotation ; mig:quotedText "We open the harbour at dawn,\\ttoday\\nand tomorrow" ;
    mig:quoteKind mig:DirectQuote ; mig:startOffset 1 ; mig:endOffset 28 ;
    mig:sentence <doc/aaaa/sentence/0-60> ; mig:document <doc/aaaa> ; mig:speaker <person/ilse-varga> .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(data=GRAPH_TTL, format="turtle")
    return g


DEFAULT_LIMITS = Limits(timeout=10, max_rows=1000)


def _serve(backend, limits: Limits = DEFAULT_LIMITS):
    server = make_server(backend, "127.0.0.1", 0, limits, workers=2, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_port}/sparql"


@pytest.fixture(scope="module")
def endpoint(graph):
    server, url = _serve(RdflibBackend(graph, "test graph"))
    yield url
    server.shutdown()
    server.server_close()


def _request(url: str, *, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, content type, body) of a plain HTTP request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def _get(url: str, query: str, accept: str | None = None):
    headers = {"Accept": accept} if accept else {}
    return _request(url + "?" + urllib.parse.urlencode({"query": query}), headers=headers)


def _post_form(url: str, fields: dict, accept: str | None = None):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return _request(url, data=urllib.parse.urlencode(fields).encode(), headers=headers)


def _post_query(url: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/sparql-query"}
    if accept:
        headers["Accept"] = accept
    return _request(url, data=query.encode(), headers=headers)


SELECT = """PREFIX mig: <https://w3id.org/migraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name ?quote WHERE { ?q mig:speaker/rdfs:label ?name ; mig:quotedText ?quote } ORDER BY ?name"""
CONSTRUCT = """PREFIX mig: <https://w3id.org/migraph/ontology#>
CONSTRUCT { ?p mig:country ?c . ?c mig:isoCode ?iso } WHERE { ?p mig:country ?c . ?c mig:isoCode ?iso }"""


# --- standard clients get the same answers as `migraph query` -----------------------------------

@pytest.mark.parametrize("name", ["persons", "quotes", "countries"])
def test_sparqlwrapper_gets_the_same_rows_as_migraph_query(endpoint, graph, name):
    sparql = canned_queries()[name].read_text(encoding="utf-8")
    expected = rows_as_dicts(run_query(graph, sparql))
    assert expected, "the fixture must give rows, or the comparison proves nothing"
    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    rows = [{v: (b[v]["value"] if v in b else None) for v in answer["head"]["vars"]}
            for b in answer["results"]["bindings"]]
    assert rows == expected


def test_sparqlwrapper_post_xml_csv_ask_and_construct(endpoint, graph):
    client = SPARQLWrapper(endpoint)
    client.setMethod("POST")
    client.setQuery(SELECT)
    client.setReturnFormat(XML)
    xml = client.query().convert()  # a DOM document
    assert "Ilse Varga" in xml.toxml()
    client.setReturnFormat(CSV)
    assert b"Ilse Varga" in client.query().convert()
    client.setQuery("ASK { ?s a <https://w3id.org/migraph/ontology#Country> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    received = Graph().parse(data=client.query().convert(), format="turtle")
    assert isomorphic(received, graph.query(CONSTRUCT).graph)


@pytest.mark.parametrize("accept, parser, content_type", [
    ("application/sparql-results+json", "json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "xml", "application/sparql-results+xml"),
    ("text/csv", "csv", "text/csv"),
    ("text/tab-separated-values", "tsv", "text/tab-separated-values"),
    (None, "json", "application/sparql-results+json"),
    ("text/html, application/xml;q=0.9, */*;q=0.1", "xml", "application/xml"),
])
def test_select_results_in_every_format(endpoint, graph, accept, parser, content_type):
    status, ctype, body = _get(endpoint, SELECT, accept)
    assert status == 200 and ctype.startswith(content_type)
    received = Result.parse(io.BytesIO(body), format=parser)
    expected = graph.query(SELECT)
    got = [tuple(str(row[v]) for v in received.vars) for row in received]
    assert got == [tuple(str(row[v]) for v in expected.vars) for row in expected]
    assert "\t" in got[0][1] and "\n" in got[0][1]  # escaped and restored in every format


@pytest.mark.parametrize("accept, fmt", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_results_in_every_format(endpoint, graph, accept, fmt):
    status, ctype, body = _post_query(endpoint, CONSTRUCT, accept)
    assert status == 200 and ctype.startswith(accept)
    received = Graph().parse(data=body, format=fmt)
    assert len(received) == 2 and isomorphic(received, graph.query(CONSTRUCT).graph)


def test_jsonld_uses_compact_iris(endpoint):
    _, _, body = _post_query(endpoint, CONSTRUCT, "application/ld+json")
    document = json.loads(body)
    assert document["@context"]["mig"] == "https://w3id.org/migraph/ontology#"
    assert "id:person/ilse-varga" in body.decode() and "mig:isoCode" in body.decode()


def test_get_post_form_and_post_query_agree(endpoint):
    answers = [_get(endpoint, SELECT), _post_form(endpoint, {"query": SELECT}), _post_query(endpoint, SELECT)]
    assert all(status == 200 for status, _, _ in answers)
    assert len({body for _, _, body in answers}) == 1


def test_describe_and_ask(endpoint):
    status, _, body = _get(endpoint, "DESCRIBE <https://w3id.org/migraph/id/person/ilse-varga>", "text/turtle")
    assert status == 200 and "Ilse Varga" in body.decode()
    status, _, body = _get(endpoint, "ASK { ?s a <urn:x:Nothing> }", "text/csv")
    assert status == 200 and body.decode().splitlines()[-1] == "false"


# --- errors are clear 4xx, never a 500 -----------------------------------------------------------

@pytest.mark.parametrize("query", ["SELEC ?x WHERE { ?x ?y ?z }", "SELECT ?x WHERE { ?x ?y }",
                                   "SELECT * WHERE { ?s foo:bar ?o }", "", "PREFIX : <x"])
def test_malformed_queries_are_400_with_the_parser_message(endpoint, query):
    status, ctype, body = _post_form(endpoint, {"query": query})
    assert status == 400 and ctype.startswith("text/plain")
    assert body.decode().startswith("malformed query")


def test_parser_message_names_the_position(endpoint):
    _, _, body = _get(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert "col:" in body.decode() or "char" in body.decode()


@pytest.mark.parametrize("send", [
    lambda url: _post_form(url, {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
    lambda url: _request(url, data=b"DELETE WHERE { ?s ?p ?o }", headers={"Content-Type": "application/sparql-update"}),
    lambda url: _post_query(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
    lambda url: _get(url, "DROP ALL"),
    lambda url: _get(url, "LOAD <http://127.0.0.1:9/data.ttl>"),
])
def test_updates_are_refused_and_change_nothing(endpoint, graph, send):
    before = len(graph)
    status, _, body = send(endpoint)
    assert status == 403 and b"read-only" in body
    assert len(graph) == before
    assert _get(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")[2].find(b"false") >= 0


def test_not_acceptable_unknown_path_bad_content_type_and_method(endpoint):
    assert _get(endpoint, SELECT, "image/png")[0] == 406
    assert _get(endpoint, CONSTRUCT, "application/sparql-results+json")[0] == 406
    assert _request(endpoint.replace("/sparql", "/admin"))[0] == 404
    assert _request(endpoint, data=b"query=x", headers={"Content-Type": "text/plain"})[0] == 415
    assert _request(endpoint, method="DELETE")[0] == 405
    assert _get(endpoint + "?query=a&", "SELECT * {}")[0] == 400  # two query parameters


# --- no network, time limit, size cap ------------------------------------------------------------

@pytest.fixture()
def decoy():
    """A listener on loopback standing in for a remote server; records any connection attempt."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    yield listener, f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def _connections(listener) -> int:
    count = 0
    time.sleep(0.2)
    while True:
        try:
            conn, _ = listener.accept()
        except BlockingIOError:
            return count
        conn.close()
        count += 1


def test_service_is_refused_before_evaluation(endpoint, decoy):
    listener, base = decoy
    for query in (f"SELECT * WHERE {{ SERVICE <{base}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT <{base}/x> {{ ?s ?p ?o }} }} }}"):
        status, _, body = _get(endpoint, query)
        assert status == 400 and b"SERVICE is refused" in body
    assert _connections(listener) == 0


def test_remote_from_and_from_named_open_no_socket(endpoint, decoy):
    listener, base = decoy
    query = (f"SELECT * FROM <{base}/a.ttl> FROM NAMED <{base}/b.ttl> "
             "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } LIMIT 1")
    status, _, _ = _get(endpoint, query)
    assert status in (200, 400)
    assert _connections(listener) == 0


class NetworkBackend:
    """A backend whose evaluation tries to reach the network, as rdflib's loaders would."""

    description = "network-hungry"

    def __init__(self, target: str, how: str):
        self.target, self.how = target, how

    def query(self, sparql: str):
        if self.how == "urllib":
            urllib.request.urlopen(self.target + "/data.ttl", timeout=2)
        elif self.how == "socket":
            host, port = urllib.parse.urlsplit(self.target).netloc.split(":")
            socket.create_connection((host, int(port)), timeout=2)
        else:
            socket.getaddrinfo("example.org", 80)
        raise AssertionError("the network call should have been refused")


@pytest.mark.parametrize("how", ["urllib", "socket", "dns"])
def test_audit_hook_refuses_every_connection_while_evaluating(decoy, how):
    listener, base = decoy
    server, url = _serve(NetworkBackend(base, how))
    try:
        status, _, body = _get(url, "SELECT * WHERE { ?s ?p ?o }")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 400 and b"network and process access are disabled" in body
    assert _connections(listener) == 0


def test_time_limit_stops_the_query_process(graph):
    import multiprocessing

    server, url = _serve(RdflibBackend(graph), Limits(timeout=1.0, max_rows=10**9))
    try:
        started = time.monotonic()
        status, _, body = _get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
        elapsed = time.monotonic() - started
        assert status == 503 and b"time limit of 1 s" in body
        assert elapsed < 5
        assert not multiprocessing.active_children()  # the worker was killed, not abandoned
        assert _get(url, SELECT)[0] == 200  # and the server still answers
    finally:
        server.shutdown()
        server.server_close()


def test_result_size_cap(graph):
    server, url = _serve(RdflibBackend(graph), Limits(timeout=10, max_rows=5))
    try:
        status, _, body = _get(url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 422 and b"cap of 5" in body
        status, _, body = _get(url, "CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle")
        assert status == 422 and b"triples" in body
        assert _get(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_check_query_classifies_forms():
    assert check_query("SELECT * WHERE { ?s ?p ?o }") == "SelectQuery"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }") == "ConstructQuery"
    assert check_query("ASK { ?s ?p ?o }") == "AskQuery"
    assert check_query("DESCRIBE <urn:x>") == "DescribeQuery"


def test_cli_serve_defaults_to_loopback_and_prints_the_port(tmp_path):
    from graph import cli_rdf
    from graph import server as server_module

    names = ("DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_TIMEOUT", "DEFAULT_MAX_ROWS", "DEFAULT_WORKERS",
             "DEFAULT_MAX_MEMORY_MB")
    assert [getattr(cli_rdf, n) for n in names] == [getattr(server_module, n) for n in names]
    DEFAULT_HOST = cli_rdf.DEFAULT_HOST
    assert DEFAULT_HOST == "127.0.0.1"
    (tmp_path / "graph.ttl").write_text(GRAPH_TTL, encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(ROOT / "build_graph.py"), "serve", str(tmp_path),
                                "--port", "0", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)
    try:
        line = process.stdout.readline()
        assert "http://127.0.0.1:" in line, process.stderr.read() if process.poll() is not None else line
        url = line.split(" at ", 1)[1].split()[0]
        status, _, body = _get(url, SELECT)
        assert status == 200 and "Ilse Varga" in body.decode()
    finally:
        process.terminate()
        process.wait(10)


def test_cli_serve_missing_graph_is_an_error(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "serve", str(tmp_path / "nope")],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1 and result.stderr.startswith("migraph: error:")


def test_serving_a_trig_export_exposes_one_graph_per_document(graph, tmp_path):
    from graph.export import serialize

    trig = tmp_path / "graph.trig"
    trig.write_bytes(serialize(graph, "trig"))
    backend = RdflibBackend.load(trig)
    assert "graphs" in backend.description
    server, url = _serve(backend)
    try:
        _, _, body = _get(url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "text/csv")
        assert "https://w3id.org/migraph/id/graph/aaaa" in body.decode()
        status, _, body = _get(url, SELECT)  # the default graph is the union: same answers as the flat graph
        assert status == 200 and "Ilse Varga" in body.decode()
    finally:
        server.shutdown()
        server.server_close()


def test_an_oxigraph_store_serves_the_same_answers(graph, tmp_path):
    pytest.importorskip("pyoxigraph")
    from graph.server import open_backend
    from graph.store import DocumentStore

    store = DocumentStore(tmp_path / "store")
    store.put("https://w3id.org/migraph/id/graph/aaaa", "harbour.txt", graph.serialize(format="nt", encoding="utf-8"))
    store.close()  # flushed and closed: the server opens the store itself
    backend = open_backend(tmp_path / "store")
    assert "oxigraph" in backend.description
    server, url = _serve(backend)
    try:
        for name in ("persons", "quotes"):
            sparql = canned_queries()[name].read_text(encoding="utf-8")
            status, _, body = _get(url, sparql, "application/sparql-results+json")
            assert status == 200
            answer = json.loads(body)
            rows = [{v: (b[v]["value"] if v in b else None) for v in answer["head"]["vars"]}
                    for b in answer["results"]["bindings"]]
            assert rows == rows_as_dicts(run_query(graph, sparql))
        status, _, body = _get(url, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        assert status == 400 and b"SERVICE" in body
        assert _get(url, "SELECT ?x WHERE { ?x ?y }")[0] == 400
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_is_not_served():
    from graph.query import QueryError
    from graph.server import open_backend

    with pytest.raises(QueryError, match="already a SPARQL endpoint"):
        open_backend("http://127.0.0.1:9/sparql")


def test_format_parameter_when_accept_says_nothing(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": SELECT, "format": "csv"})
    status, ctype, body = _request(url)
    assert status == 200 and ctype.startswith("text/csv") and body.startswith(b"name,quote")
    url = endpoint + "?" + urllib.parse.urlencode({"query": CONSTRUCT, "output": "nt"})
    assert _request(url)[1].startswith("application/n-triples")
    status, ctype, _ = _request(url, headers={"Accept": "text/turtle"})  # an explicit Accept wins
    assert ctype.startswith("text/turtle")


class GreedyBackend:
    """A backend whose evaluation allocates far more memory than allowed."""

    description = "greedy"

    def query(self, sparql: str):
        blocks = [bytearray(16 * 1024 * 1024) for _ in range(64)]  # 1 GiB
        raise AssertionError(f"allocated {len(blocks)} blocks despite the memory limit")


def test_memory_limit_stops_a_greedy_query():
    server, url = _serve(GreedyBackend(), Limits(timeout=20, max_rows=10, max_memory_mb=64))
    try:
        status, _, body = _get(url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 503 and b"memory limit of 64 MB" in body
    finally:
        server.shutdown()
        server.server_close()
