"""One query interface over files, build folders, Oxigraph stores and SPARQL endpoints; push to a real server."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from build_graph import main
from graph.ingest import ingest
from graph.query import format_result, resolve_query, rows_as_dicts
from graph.store import StoreError, open_graph

ARTICLE = """Coast guard rescues families

Italian coast guard crews rescued 40 people from a boat near Lampedusa on Friday, officials said.
"The sea was very rough," said Paolo Bianchi, a coast guard officer.

Most of the passengers came from Tunisia and Libya, the Italian government said.
"""

SECOND = """Border checks resume

Austria will resume checks on its border with Slovenia, the Austrian government said on Monday.
"We must know who enters the country," said Karl Huber, the interior minister of Austria.
"""

QUERIES = ("quotes", "persons", "countries")


def _rows(handle, name: str) -> list[dict]:
    return sorted(rows_as_dicts(handle.query(resolve_query(name))), key=lambda r: json.dumps(r, sort_keys=True))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("store")
    sources = root / "articles"
    sources.mkdir()
    (sources / "rescue.txt").write_text(ARTICLE, encoding="utf-8")
    (sources / "border.txt").write_text(SECOND, encoding="utf-8")
    out = root / "out"
    assert main(["build", str(sources), "--out", str(out), "--quiet", "--no-validate"]) == 0
    store = root / "graphstore"
    ingest([sources], store)
    from graph.build import build

    trig = root / "graph.trig"
    trig.write_bytes(build([sources]).dataset().serialize(format="trig", encoding="utf-8"))
    return {"out": out, "ttl": out / "graph.ttl", "store": store, "trig": trig}


@pytest.mark.parametrize("name", QUERIES)
def test_every_source_kind_answers_alike(built, name):
    with open_graph(built["ttl"]) as reference:
        expected = _rows(reference, name)
    assert expected, f"the {name} query should find something in the test articles"
    for kind in ("out", "store", "trig"):
        with open_graph(built[kind]) as handle:
            assert _rows(handle, name) == expected, kind


def test_store_counts_shared_facts_once(built):
    with open_graph(built["store"]) as store, open_graph(built["ttl"]) as file:
        assert store.kind == "oxigraph" and file.kind == "rdflib"
        assert store.triple_count() == file.triple_count() == len(file.rdflib_graph())


def test_compact_keeps_the_content_and_rejects_non_stores(built, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(built["store"], copy)
    with open_graph(copy) as handle:
        before = (handle.triple_count(), _rows(handle, "quotes"))
    assert main(["compact", str(copy)]) == 0
    assert "compacted" in capsys.readouterr().out
    with open_graph(copy) as handle:
        assert (handle.triple_count(), _rows(handle, "quotes")) == before
    assert main(["compact", str(tmp_path / "nowhere")]) == 1
    assert "not a graph store" in capsys.readouterr().err


def test_store_ask_construct_and_formats(built):
    with open_graph(built["store"]) as store:
        ask = store.query("ASK { ?p a <https://w3id.org/migraph/ontology#Person> }")
        assert format_result(ask, "table") == "true"
        graph = store.query("CONSTRUCT { ?c a <https://w3id.org/migraph/ontology#Country> } "
                            "WHERE { ?c a <https://w3id.org/migraph/ontology#Country> }").graph
        assert len(graph) >= 2
        data = json.loads(format_result(store.query(resolve_query("countries")), "json"))
        assert {b["iso"]["value"] for b in data["results"]["bindings"]} >= {"AT", "TN"}
        assert "iso" in format_result(store.query(resolve_query("countries")), "csv").splitlines()[0]
        dataset = store.rdflib_dataset()
        assert len({g.identifier for g in dataset.graphs() if str(g.identifier).startswith(
            "https://w3id.org/migraph/id/graph/")}) == 2


def test_bad_sources_are_clear_errors(tmp_path, capsys):
    with pytest.raises(StoreError, match="no graph there"):
        open_graph(tmp_path / "missing")
    with pytest.raises(StoreError, match="neither a graph store nor a build folder"):
        open_graph(tmp_path)
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle .", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot parse"):
        open_graph(broken)
    assert main(["query", str(tmp_path / "missing"), "quotes"]) == 1
    assert "migraph: error:" in capsys.readouterr().err


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "server-data"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"oxigraph server exited: {process.stderr.read().decode()[:300]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start within 10 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_push_to_a_real_oxigraph_server_then_query_it(built, oxigraph_server, capsys):
    store_url, query_url = f"{oxigraph_server}/store", f"{oxigraph_server}/query"
    assert main(["push", str(built["store"]), "--to", store_url, "--batch-size", "200"]) == 0
    assert "pushed 3 graphs" in capsys.readouterr().out  # two documents and the union
    with open_graph(query_url) as remote, open_graph(built["store"]) as local:
        assert remote.kind == "endpoint"
        for name in QUERIES:
            assert _rows(remote, name) == _rows(local, name), name
        count = remote.triple_count()
        assert count == local.triple_count()
    assert main(["push", str(built["store"]), "--to", store_url, "--quiet"]) == 0  # idempotent
    with open_graph(query_url) as remote:
        assert remote.triple_count() == count
    assert main(["query", query_url, "persons", "--format", "csv"]) == 0
    assert "Paolo Bianchi" in capsys.readouterr().out


def test_push_from_a_turtle_file_and_unreachable_server(built, oxigraph_server, capsys):
    assert main(["push", str(built["ttl"]), "--to", f"{oxigraph_server}/store", "--quiet"]) == 0
    with open_graph(f"{oxigraph_server}/query") as remote, open_graph(built["ttl"]) as local:
        assert remote.triple_count() == local.triple_count()
    port = _free_port()
    assert main(["push", str(built["ttl"]), "--to", f"http://127.0.0.1:{port}/store", "--quiet"]) == 1
    assert "cannot reach the server" in capsys.readouterr().err


def _doc_nt(name: str, *facts: str) -> bytes:
    """A tiny document graph in N-Triples: its file name plus FACTS (object IRIs of a shared subject)."""
    lines = [f'<https://w3id.org/migraph/id/doc/{name}> <https://w3id.org/migraph/ontology#fileName> "{name}" .\n']
    lines += [f"<https://example.org/s> <https://example.org/p> <https://example.org/{f}> .\n" for f in facts]
    return "".join(lines).encode()


@pytest.mark.parametrize("background", [True, False], ids=["writer-thread", "in-caller"])
def test_bulk_loaded_batches_keep_replacement_and_union_semantics(tmp_path, monkeypatch, background):
    from graph.store import GRAPH_PREFIX, DocumentStore

    monkeypatch.setattr(DocumentStore, "BATCH_DOCUMENTS", 2)  # force several bulk loads and a pending batch
    with DocumentStore(tmp_path / "s", background=background) as store:
        assert store.put(GRAPH_PREFIX + "a1", "a", _doc_nt("a", "shared", "only-a")) == "added"
        assert store.put(GRAPH_PREFIX + "b1", "b", _doc_nt("b", "shared")) == "added"  # batch written here
        assert store.put(GRAPH_PREFIX + "c1", "c", _doc_nt("c", "only-c")) == "added"  # still pending
        assert store.put(GRAPH_PREFIX + "c1", "c", _doc_nt("c", "only-c")) == "unchanged"
        assert store.put(GRAPH_PREFIX + "c2", "c", _doc_nt("c", "new-c")) == "replaced"  # replaces a pending one
        assert store.put(GRAPH_PREFIX + "a2", "a", _doc_nt("a", "shared")) == "replaced"  # replaces a loaded one
        assert store.named_graphs() == [GRAPH_PREFIX + g for g in ("a2", "b1", "c2")]
        objects = {str(o) for (o,) in store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o }")}
        assert objects == {"https://example.org/shared", "https://example.org/new-c"}
        assert len(store) == 3 + 2  # three fileName triples, two distinct facts
        store.remove("b")
        objects = {str(o) for (o,) in store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o }")}
        assert objects == {"https://example.org/shared", "https://example.org/new-c"}  # a2 still states 'shared'
        store.remove("a")
        objects = {str(o) for (o,) in store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o }")}
        assert objects == {"https://example.org/new-c"}


def test_background_writes_are_seen_by_reads_and_failures_reach_the_caller(tmp_path, monkeypatch):
    from graph.store import GRAPH_PREFIX, DocumentStore

    monkeypatch.setattr(DocumentStore, "BATCH_DOCUMENTS", 1)  # every put hands a batch to the writer thread
    with DocumentStore(tmp_path / "s") as store:
        for n in range(20):
            assert store.put(f"{GRAPH_PREFIX}d{n}", f"d{n}", _doc_nt(f"d{n}", f"fact{n}", "shared")) == "added"
            assert store.has_graph(f"{GRAPH_PREFIX}d{n}")  # written or not yet: already known
        assert store.put(f"{GRAPH_PREFIX}d7", "d7", _doc_nt("d7", "fact7", "shared")) == "unchanged"
        assert store.put(f"{GRAPH_PREFIX}d7b", "d7", _doc_nt("d7", "fact7b")) == "replaced"
        assert len(store.named_graphs()) == 20 and len(store) == 20 + 20 + 1  # names, facts (7 -> 7b), shared
        assert store.load_seconds > 0
        assert store.put(f"{GRAPH_PREFIX}bad", "bad",
                         _doc_nt("bad") + b'<https://example.org/s> <https://example.org/p> "open .\n')
        with pytest.raises(StoreError, match="writing a batch of documents failed"):
            store.write_pending()
        assert not store.has_graph(f"{GRAPH_PREFIX}bad")
        assert store.put(f"{GRAPH_PREFIX}d20", "d20", _doc_nt("d20", "fact20")) == "added"  # the writer goes on
        store.write_pending()
        assert store.has_graph(f"{GRAPH_PREFIX}d20") and len(store.named_graphs()) == 21


def test_each_triple_is_stored_once_and_shared_ones_leave_with_their_last_document(tmp_path):
    from pyoxigraph import DefaultGraph

    from graph.store import GRAPH_PREFIX, SHARED_INDEX, DocumentStore

    with DocumentStore(tmp_path / "s") as store:
        store.put(GRAPH_PREFIX + "a", "a", _doc_nt("a", "shared", "only-a"))
        store.put(GRAPH_PREFIX + "b", "b", _doc_nt("b", "shared"))
        store.write_pending()
        quads = list(store.store)
        assert len(quads) == len(store) == 2 + 2  # two fileName triples, two distinct facts: no copy anywhere
        in_default = {q.object.value for q in quads if q.graph_name == DefaultGraph()}
        assert in_default == {"https://example.org/shared", "https://example.org/only-a"}  # name no document
        assert {q.graph_name.value for q in quads if q.graph_name != DefaultGraph()} == {
            GRAPH_PREFIX + "a", GRAPH_PREFIX + "b"}  # each document's own triples in its own graph
        rows = store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o }")
        assert sorted(str(o) for (o,) in rows) == ["https://example.org/only-a", "https://example.org/shared"]
        named = "SELECT ?g WHERE { GRAPH ?g { ?d <https://w3id.org/migraph/ontology#fileName> ?n } }"
        assert len(store.query(named)) == 2
        store.remove("a")
        assert {str(o) for (o,) in store.query("SELECT ?o WHERE { ?s <https://example.org/p> ?o }")} == {
            "https://example.org/shared"}
        with pytest.raises(StoreError, match="no triple names the document"):
            store.put(GRAPH_PREFIX + "c", "c", _doc_nt("c", "x").split(b"\n", 1)[1])  # the facts without the name
    assert (tmp_path / "s" / SHARED_INDEX).is_file()
    with open_graph(tmp_path / "s") as handle:  # read-only, as every query command opens it
        assert handle.union and handle.triple_count() == 1 + 1


def test_a_shared_line_is_loaded_once_per_process_and_again_after_it_left_the_store(tmp_path, monkeypatch):
    from graph.store import GRAPH_PREFIX, DocumentStore

    loaded: list[bytes] = []
    real_load = DocumentStore._load
    monkeypatch.setattr(DocumentStore, "_load",
                        lambda self, data: (loaded.append(data.read_bytes()), real_load(self, data)))
    monkeypatch.setattr(DocumentStore, "BATCH_DOCUMENTS", 1)
    facts = "SELECT ?o WHERE { <https://example.org/s> <https://example.org/p> ?o }"
    with DocumentStore(tmp_path / "s", background=False) as store:
        store.put(GRAPH_PREFIX + "a", "a", _doc_nt("a", "shared", "only-a"))
        store.put(GRAPH_PREFIX + "b", "b", _doc_nt("b", "shared"))
        assert [batch.count(b"example.org/shared") for batch in loaded] == [1, 0]  # b's copy is not loaded again
        store.remove("a")
        assert {str(o) for (o,) in store.query(facts)} == {"https://example.org/shared"}  # b still states it
        store.remove("b")
        assert list(store.query(facts)) == []  # the last document that stated it is gone: so is the line
        store.put(GRAPH_PREFIX + "c", "c", _doc_nt("c", "shared"))
        assert loaded[-1].count(b"example.org/shared") == 1  # it left the store, so it is loaded again
        assert {str(o) for (o,) in store.query(facts)} == {"https://example.org/shared"}
    with DocumentStore(tmp_path / "s", background=False) as store:  # a new process knows nothing handed out
        store.put(GRAPH_PREFIX + "d", "d", _doc_nt("d", "shared"))
        store.remove("c")
        assert {str(o) for (o,) in store.query(facts)} == {"https://example.org/shared"}  # d states it


@pytest.mark.parametrize("layout", ["split", "union"])
def test_a_store_from_before_the_mention_model_is_upgraded_when_opened_for_writing(tmp_path, layout):
    """Older stores held each mention only as an assertion: the sentence-level triples are derived from them."""
    from pyoxigraph import DefaultGraph, NamedNode

    import graph.ingest as ingest
    from graph.documents import make_document
    from graph.ingest import _init_worker, extract_ntriples
    from graph.store import MENTION_MODELS, STORE_MARKER, UNION_LAYOUT, DocumentStore

    _init_worker(None)

    document = make_document("old.txt", "Border talks\n\nPoland and Germany met in Berlin on Monday. "
                             "Poland asked Germany for help at the border.", tmp_path / "old.txt")
    extracted = extract_ntriples(ingest._WORKER_NLP, document, mention_spans=True)
    sentence_lines = [line for line in extracted.ntriples.splitlines(keepends=True) if b"#mentionedInSentence>" in line]
    assert len(sentence_lines) >= 4
    old_lines = b"".join(line for line in extracted.ntriples.splitlines(keepends=True) if line not in sentence_lines)
    marker = tmp_path / "s" / STORE_MARKER
    with DocumentStore(tmp_path / "s", mention_spans=True):
        pass
    if layout == "union":  # the first layout: every triple also in the default graph
        marker.write_text(json.dumps({"default_graph": UNION_LAYOUT, "mentions": MENTION_MODELS[True]}))
    with DocumentStore(tmp_path / "s", mention_spans=True) as store:
        store.put(extracted.graph_iri, "old.txt", old_lines)  # as an older migraph wrote it
    settings = json.loads(marker.read_text())
    del settings["mentions"]
    marker.write_text(json.dumps(settings))
    pairs = "PREFIX mig: <https://w3id.org/migraph/ontology#> SELECT ?e ?s WHERE { ?e mig:mentionedInSentence ?s }"
    with DocumentStore(tmp_path / "s", create=False) as store:  # as compact or remove open it
        rows = {(str(e), str(s)) for e, s in store.query(pairs)}
        in_graph = list(store.store.quads_for_pattern(None, None, None, NamedNode(extracted.graph_iri)))
        in_default = list(store.store.quads_for_pattern(None, None, None, DefaultGraph()))
    expected = {tuple(part.strip(b"<>").decode() for part in line.split(b" ")[0:3:2]) for line in sentence_lines}
    assert rows == expected  # exactly the triples this migraph writes for the same document
    assert sum(q.predicate.value.endswith("#mentionedInSentence") for q in in_graph) == len(expected)
    assert sum(q.predicate.value.endswith("#mentionedInSentence") for q in in_default) == (
        len(expected) if layout == "union" else 0)  # own triples of a document: in its graph only (split)
    assert json.loads(marker.read_text())["mentions"] == MENTION_MODELS[True]
    with pytest.raises(StoreError, match="--mention-spans"):
        DocumentStore(tmp_path / "s", mention_spans=False)  # now recorded: the other model is refused
    empty = tmp_path / "empty"
    with DocumentStore(empty):
        pass
    settings = json.loads((empty / STORE_MARKER).read_text())
    del settings["mentions"]
    (empty / STORE_MARKER).write_text(json.dumps(settings))
    with DocumentStore(empty, mention_spans=False):  # an older store with no documents takes this build's model
        pass
    assert json.loads((empty / STORE_MARKER).read_text())["mentions"] == MENTION_MODELS[False]


def test_stores_of_the_union_layout_are_still_read_and_written_as_before(tmp_path):
    import json as _json

    from graph.store import GRAPH_PREFIX, STORE_MARKER, UNION_LAYOUT, DocumentStore

    with DocumentStore(tmp_path / "s"):
        pass
    marker = tmp_path / "s" / STORE_MARKER
    marker.write_text(_json.dumps({"format": "oxigraph", "default_graph": UNION_LAYOUT}), encoding="utf-8")
    with DocumentStore(tmp_path / "s") as store:
        assert not store.split
        store.put(GRAPH_PREFIX + "a", "a", _doc_nt("a", "shared"))
        store.put(GRAPH_PREFIX + "b", "b", _doc_nt("b", "shared"))
        store.write_pending()
        assert len(list(store.store)) == 2 * 3 + 1  # every triple in its graph and in the union default graph
        assert len(store) == 3
    with open_graph(tmp_path / "s") as handle:
        assert not handle.union and handle.triple_count() == 3


def test_shared_index_of_the_first_layout_is_converted_and_still_finds_orphans(tmp_path):
    import sqlite3

    from graph.store import _SharedIndex

    path = tmp_path / "shared.sqlite"
    db = sqlite3.connect(str(path))  # the first layout: graph IRI and whole line per row
    db.execute("CREATE TABLE stated (graph TEXT NOT NULL, triple BLOB NOT NULL, "
               "PRIMARY KEY (graph, triple)) WITHOUT ROWID")
    db.execute("CREATE INDEX stated_triple ON stated (triple)")
    db.executemany("INSERT INTO stated VALUES (?, ?)", [("g1", b"<s> <p> <a> .\n"), ("g1", b"<s> <p> <b> .\n"),
                                                        ("g2", b"<s> <p> <b> .\n")])
    db.commit()
    db.close()
    index = _SharedIndex(path)
    index.add("g3", [b"<s> <p> <a> .\n", b"<s> <p> <c> .\n"])
    assert index.remove("g1") == []  # <a> is still stated by g3, <b> by g2
    assert index.remove("g2") == [b"<s> <p> <b> .\n"]
    assert sorted(index.remove("g3")) == [b"<s> <p> <a> .\n", b"<s> <p> <c> .\n"]
    assert index.remove("g3") == [] and index.remove("never-added") == []
    index.close()
    db = sqlite3.connect(str(path))
    assert {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {
        "graphs", "lines", "stated"}
    assert db.execute("PRAGMA user_version").fetchone()[0] == _SharedIndex.SCHEMA


def test_the_index_of_who_states_a_line_is_made_by_the_first_removal_and_kept(tmp_path):
    """Adding documents keeps no index by digest (random pages for every row); removal needs one and makes it."""
    import sqlite3

    from graph.store import _SharedIndex

    path = tmp_path / "shared.sqlite"

    def indexes() -> set[str]:
        db = sqlite3.connect(str(path))
        try:
            made = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"  # not primary keys
            return {row[0] for row in db.execute(made)}
        finally:
            db.close()

    index = _SharedIndex(path)
    index.add("g1", [b"<s> <p> <a> .\n", b"<s> <p> <b> .\n"])
    index.add("g2", [b"<s> <p> <b> .\n"])
    index.commit()
    assert indexes() == set()
    assert index.remove("g1") == [b"<s> <p> <a> .\n"]  # <b> is still stated by g2
    index.add("g3", [b"<s> <p> <b> .\n", b"<s> <p> <c> .\n"])  # rows added once the index exists go into it
    index.close()
    assert indexes() == {"stated_digest"}
    index = _SharedIndex(path)  # a store that had a removal keeps the index
    assert index.remove("g2") == [] and sorted(index.remove("g3")) == [b"<s> <p> <b> .\n", b"<s> <p> <c> .\n"]
    index.close()
    assert indexes() == {"stated_digest"}


@pytest.mark.parametrize("damage", [
    lambda nt: nt.replace(b" .\n", b"\n", 1),  # a line without its final dot
    lambda nt: nt[:-1],  # the last line cut short
    lambda nt: nt.replace(b" .\n", b" .\r\n", 1),  # a carriage return: two line breaks in one
    lambda nt: b"",  # nothing
    lambda nt: nt.replace(b"> <", b">\n<", 1),  # a line break inside a triple
    lambda nt: nt + b"<https://example.org/s> <https://example.org/p> <https://example.org/x> .",  # no final \n
])
def test_put_refuses_ntriples_that_are_not_one_triple_per_line(tmp_path, damage):
    from graph.store import GRAPH_PREFIX, DocumentStore

    with DocumentStore(tmp_path / "s") as store:
        with pytest.raises(StoreError, match="one triple per line"):
            store.put(GRAPH_PREFIX + "a", "a", damage(_doc_nt("a", "fact")))
        assert store.put(GRAPH_PREFIX + "a", "a", _doc_nt("a", "fact")) == "added"
        store.write_pending()
        assert len(store) == 2


def test_batches_are_spooled_beside_the_store_to_files_removed_loaded_failed_or_left_behind(tmp_path, monkeypatch):
    from graph.store import GRAPH_PREFIX, DocumentStore

    spool = tmp_path / "data"
    spool.mkdir()

    def spooled() -> list[str]:
        return sorted(p.name for p in spool.iterdir() if p.name != "s")

    monkeypatch.setattr(DocumentStore, "BATCH_DOCUMENTS", 3)
    (spool / ".s-batch-killed.nq").write_bytes(b"<a> <b> <c> .\n")  # left behind by a killed build
    (spool / ".other-batch-x.nq").write_bytes(b"")  # another store's: not touched
    with DocumentStore(spool / "s") as store:
        assert spooled() == [".other-batch-x.nq"]
        for n in range(7):  # two full batches and one gathered
            store.put(f"{GRAPH_PREFIX}d{n}", f"d{n}", _doc_nt(f"d{n}", f"fact{n}"))
        assert {name[:9] for name in spooled()} == {".other-ba", ".s-batch-"}  # the one gathered (and one loading)
        store.write_pending()
        assert spooled() == [".other-batch-x.nq"] and len(store.named_graphs()) == 7
        broken = b'<https://example.org/s> <https://example.org/p> "open .\n'
        store.put(f"{GRAPH_PREFIX}bad", "bad", _doc_nt("bad") + broken)
        with pytest.raises(StoreError, match="writing a batch of documents failed"):
            store.write_pending()
        assert spooled() == [".other-batch-x.nq"]  # a failed batch's file is gone too
