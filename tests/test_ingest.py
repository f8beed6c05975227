"""Incremental ingestion into a store: per-document named graphs, idempotence, edits, removal, --jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_graph import main
from graph.build import build
from graph.ingest import ingest
from graph.store import DocumentStore, open_graph

ONE = """Ministers meet over border crossings

The French government said on Monday it would send more police to the border with Italy.
"We will not accept this situation," said Gerald Martin, the interior minister of France.

More than 200 migrants arrived in the port of Calais last week, officials said.
"""

TWO = """Refugees reach Greek island

Hundreds of Syrian refugees arrived on the Greek island of Lesbos on Sunday.
"We need help now," said Maria Lopez, a spokeswoman for the United Nations.

France offered to take in some of the families, the Greek authorities said.
"""

COUNT_DOCS = "PREFIX mig: <https://w3id.org/migraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a mig:Document }"
FRANCE = "<https://w3id.org/migraph/id/country/FR>"


def _count(source, sparql: str = COUNT_DOCS) -> int:
    with open_graph(source) as handle:
        return int(next(iter(handle.query(sparql)))[0])


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ONE, encoding="utf-8")
    (folder / "two.txt").write_text(TWO, encoding="utf-8")
    return folder


def test_build_keeps_one_named_graph_per_document(sources):
    result = build([sources])
    assert len(result.graphs) == 2
    docs = {d.doc_id: d for d in result.documents}
    for iri, graph in result.graphs.items():
        doc_id = str(iri).rsplit("/", 1)[1]
        assert str(iri).startswith("https://w3id.org/migraph/id/graph/") and doc_id in docs
        assert len(graph) > 0
    union = set(result.graph)
    assert union == set().union(*(set(g) for g in result.graphs.values()))
    dataset = result.dataset()
    assert {str(c.identifier) for c in dataset.graphs() if len(c)} == {str(i) for i in result.graphs}


def test_ingest_is_idempotent_and_shares_entities(sources, tmp_path):
    store = tmp_path / "store"
    first = ingest([sources], store)
    assert (first.added, first.replaced, first.unchanged) == (2, 0, 0)
    assert first.triples > 0 and first.counts["Document"] == 2
    second = ingest([sources], store)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, 2)
    assert second.triples == first.triples
    # France is named in both documents: one node, mentioned in two documents.
    assert _count(store, f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ {FRANCE} "
                         f"<https://w3id.org/migraph/ontology#mentionedIn> ?d }}") == 2
    country = "<https://w3id.org/migraph/ontology#Country>"
    assert _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {FRANCE} a {country} }}") == 1


def test_edited_document_replaces_its_previous_version(sources, tmp_path):
    store = tmp_path / "store"
    ingest([sources], store)
    with DocumentStore(store) as opened:
        before = opened.graphs_named("one.txt")
    (sources / "one.txt").write_text(ONE.replace("200 migrants", "250 migrants"), encoding="utf-8")
    result = ingest([sources], store)
    assert (result.added, result.replaced, result.unchanged) == (0, 1, 1)
    with DocumentStore(store) as opened:
        after = opened.graphs_named("one.txt")
        assert len(after) == 1 and after != before
        assert not opened.has_graph(before[0])
    assert _count(store) == 2


def test_remove_by_name_and_by_id_keeps_shared_entities_of_others(sources, tmp_path, capsys):
    store = tmp_path / "store"
    ingest([sources], store)
    assert main(["remove", str(store), "one.txt"]) == 0
    assert "removed https://w3id.org/migraph/id/graph/" in capsys.readouterr().out
    assert _count(store) == 1
    # France is still mentioned by the other document
    assert _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {FRANCE} a ?t }}") >= 1
    with DocumentStore(store) as opened:
        doc_id = opened.documents()[0]["document"].rsplit("/", 1)[1]
    assert main(["remove", str(store), doc_id]) == 0
    assert _count(store) == 0
    assert _count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {FRANCE} ?p ?o }}") == 0
    assert main(["remove", str(store), "one.txt"]) == 1
    assert "no such document" in capsys.readouterr().err


def test_remove_refuses_a_folder_that_is_not_a_store(tmp_path, capsys):
    assert main(["remove", str(tmp_path), "x"]) == 1
    assert "not a graph store" in capsys.readouterr().err


def test_store_build_via_cli_writes_report(sources, tmp_path):
    store, out = tmp_path / "store", tmp_path / "out"
    assert main(["build", str(sources), "--store", str(store), "--out", str(out), "--quiet"]) == 0
    report = json.loads((out / "report.json").read_text())
    assert report["added"] == 2 and report["triples"] > 0
    assert not (out / "graph.ttl").exists()
    assert main(["query", str(store), "quotes", "--format", "csv"]) == 0


def test_two_jobs_give_the_same_graph_as_one(sources, tmp_path):
    out1, out2 = tmp_path / "j1", tmp_path / "j2"
    assert main(["build", str(sources), "--out", str(out1), "--quiet", "--no-validate"]) == 0
    assert main(["build", str(sources), "--out", str(out2), "--quiet", "--no-validate", "--jobs", "2"]) == 0
    assert (out1 / "graph.ttl").read_bytes() == (out2 / "graph.ttl").read_bytes()
    store1, store2 = tmp_path / "s1", tmp_path / "s2"
    ingest([sources], store1, jobs=1)
    ingest([sources], store2, jobs=2)
    with DocumentStore(store1) as a, DocumentStore(store2) as b:
        assert a.named_graphs() == b.named_graphs()
        assert len(a) == len(b)


MENTION_SPANS = ("PREFIX mig: <https://w3id.org/migraph/ontology#> "
                 "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                 "SELECT (COUNT(*) AS ?n) WHERE { ?a rdf:predicate mig:mentionedIn ; mig:startOffset ?s }")
IN_SENTENCE = ("PREFIX mig: <https://w3id.org/migraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { "
               f"{FRANCE} mig:mentionedInSentence ?s . ?s a mig:Sentence ; mig:text ?t }}")


def test_mentions_are_per_sentence_unless_spans_are_asked_for(sources, tmp_path):
    """By default an entity is linked to each sentence naming it, with no per-mention assertion; --mention-spans
    adds one assertion per mention with its span, beside the same sentence links."""
    lean, spans = build([sources]), build([sources], mention_spans=True)
    for result in (lean, spans):
        assert _count(_save(result.graph, tmp_path / f"g{len(result.graph)}.ttl"), IN_SENTENCE) == 2
    assert _count(_save(lean.graph, tmp_path / "lean.ttl"), MENTION_SPANS) == 0
    assert _count(_save(spans.graph, tmp_path / "spans.ttl"), MENTION_SPANS) >= 3  # France, French, France
    assert set(lean.graph) < set(spans.graph)  # the spans add triples and take none away
    assert len(lean.graph) < 0.8 * len(spans.graph)


def _save(graph, path: Path) -> Path:
    graph.serialize(destination=str(path), format="turtle")
    return path


def test_a_store_keeps_the_mention_model_it_was_created_with(sources, tmp_path, capsys):
    store, out = tmp_path / "store", tmp_path / "out"
    assert main(["build", str(sources / "one.txt"), "--store", str(store), "--out", str(out), "--quiet"]) == 0
    settings = json.loads((store / "migraph-store.json").read_text())
    assert "mentionedInSentence" in settings["mentions"]
    capsys.readouterr()
    assert main(["build", str(sources / "two.txt"), "--store", str(store), "--out", str(out), "--quiet",
                 "--mention-spans"]) == 1
    err = capsys.readouterr().err
    assert str(store) in err and "--mention-spans" in err
    assert _count(store) == 1  # nothing of the refused run was written
    assert main(["build", str(sources / "two.txt"), "--store", str(store), "--out", str(out), "--quiet"]) == 0
    assert _count(store) == 2
    assert _count(store, IN_SENTENCE) >= 2


def test_mention_spans_reach_the_workers(sources, tmp_path):
    one, two = tmp_path / "s1", tmp_path / "s2"
    ingest([sources], one, jobs=1, mention_spans=True)
    ingest([sources], two, jobs=2, mention_spans=True)
    assert _count(one, MENTION_SPANS) == _count(two, MENTION_SPANS) > 0


class _CountingPool:
    """Runs each task when its result is read, and records how many tasks were in flight and their sizes."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.most_in_flight = 0
        self.task_sizes: list[int] = []

    def apply_async(self, fn, args):
        pool = self
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        self.task_sizes.append(len(args[0]))

        class _Result:
            def get(self):
                pool.in_flight -= 1
                return fn(*args)

        return _Result()


def test_documents_go_to_workers_in_batches_and_come_back_in_order(monkeypatch):
    import graph.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_work", lambda document: f"done {document}")
    pool = _CountingPool()
    documents = [f"doc{i}" for i in range(21)]
    results = list(ingest_module.run_windowed(pool, iter(documents), window=16, task_docs=4))
    assert results == [f"done {d}" for d in documents]
    assert pool.task_sizes == [4, 4, 4, 4, 4, 1]
    assert pool.most_in_flight == 4  # 16 documents in flight at most


def test_a_failing_document_in_a_batch_fails_alone(monkeypatch):
    import graph.ingest as ingest_module
    from graph.documents import make_document

    class _Exploding:
        def __call__(self, text):
            if "boom" in text:
                raise ValueError("cannot read this one")
            return self.real(text)

    documents = [make_document(name, text, Path(name)) for name, text in
                 (("a", ONE), ("b", "Title\n\nboom"), ("c", TWO))]
    ingest_module._init_worker(None)
    exploding = _Exploding()
    exploding.real = ingest_module._WORKER_NLP
    monkeypatch.setattr(ingest_module, "_WORKER_NLP", exploding)
    results = ingest_module._work_batch(documents)
    assert [type(r).__name__ for r in results] == ["Extracted", "Failed", "Extracted"]
    assert "cannot read this one" in results[1].problem
