"""Building the graph: read sources, run the pipeline and extractors, write RDF and a report."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from graph.documents import DEFAULT_MAX_BYTES, Document, InputError, iter_documents
from graph.rdf import DocumentWriter, graph_iri, new_graph, serialize_turtle
from graph.vocab import MIG


@dataclass
class BuildResult:
    """``graph`` is the union of all documents; ``graphs`` holds each document's own named graph
    (IRI ``id/graph/<sha256-16>``), in build order, for TriG/N-Quads export and stores."""

    graph: Graph
    graphs: dict[URIRef, Graph] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    per_document: dict[str, dict[str, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def dataset(self) -> Dataset:
        """An rdflib Dataset with one named graph per document (default graph = their union when queried)."""
        from graph.vocab import bind_prefixes

        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        for iri, graph in self.graphs.items():
            named = dataset.graph(iri)
            named += graph
        return dataset

    def report(self) -> dict:
        counts = Counter()
        for _s, o in self.graph.subject_objects(RDF.type):
            if str(o).startswith(str(MIG)):
                counts[str(o)[len(str(MIG)):]] += 1
        return {
            "documents": len(self.documents),
            "triples": len(self.graph),
            "counts": dict(sorted(counts.items())),
            "per_document": dict(sorted(self.per_document.items())),
            "errors": [{"file": e.path, "problem": e.problem} for e in self.errors],
            "timings_seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def extract_document(nlp, document: Document, *, all_times: bool = False):
    """Run the pipeline and every extractor over one document.

    Dates and numbers are read only when a policy, flow or event first asks for those of its sentence
    (``DocumentAssertions.deferred_times``); ``all_times`` reads them in every document, so that
    ``assertions.times`` and ``assertions.quantities`` list all of them."""
    from extractors.doccache import release_spans
    from extractors.entities import extract_entities
    from extractors.events import extract_events, settle_places
    from extractors.flows import extract_flows
    from extractors.policies import extract_policies
    from extractors.quantities import extract_quantities
    from extractors.quotes import extract_quotes
    from extractors.temporal import extract_times

    doc = nlp(document.text)
    assertions = extract_entities(doc)
    quotations = extract_quotes(doc, assertions)
    assertions.quotations = quotations  # policies read "we" in a quotation as the speaker's state
    # Dates and numbers first: policies and flows pick theirs from the same sentence.
    assertions.deferred_times = lambda: extract_times(doc, document.published)
    assertions.deferred_quantities = lambda: extract_quantities(doc)
    if all_times:
        assertions.resolve_deferred()
    assertions.policies = extract_policies(doc, assertions)
    assertions.flows = extract_flows(doc, assertions)
    assertions.events = settle_places(doc, assertions, extract_events(doc, assertions))
    release_spans(doc)  # no Span left in the Doc pointing back to it: freed without the cyclic collector
    return assertions, quotations


def document_kinds(assertions, quotations) -> dict[str, int]:
    """How many of each kind of thing one document yielded (report.json ``per_document``)."""
    kinds = Counter(kind for (kind, _), entity in assertions.entities.items() if entity.mentions)
    kinds["Quotation"] = len(quotations)
    kinds["Sentence"] = len(assertions.sentences)
    kinds["Policy"] = len(assertions.policies)
    kinds["Flow"] = len(assertions.flows)
    kinds["Event"] = len(assertions.events)
    return dict(sorted(kinds.items()))


def build(sources: list[str | Path], *, model: str | None = None, encoding: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, keep_going: bool = False, published: date | None = None,
          progress: bool = False, jobs: int = 1, mention_spans: bool = False) -> BuildResult:
    """Build the graph of all sources in memory; raises InputError on the first bad file unless keep_going.

    ``jobs`` > 1 extracts in that many worker processes (``graph.ingest``); the graph is the same.
    For corpora too big for memory, use ``graph.ingest.ingest`` into an on-disk store instead.
    ``mention_spans`` also writes each entity mention as an assertion with its span (``graph.rdf.DocumentWriter``).
    """
    from extractors.pipeline import build_pipeline

    started = time.perf_counter()
    result = BuildResult(graph=new_graph())
    documents = list(iter_documents(sources, encoding=encoding, max_bytes=max_bytes, published=published,
                                    keep_going=keep_going, errors=result.errors))
    if not documents:
        raise InputError(", ".join(str(s) for s in sources), "no usable documents")
    seen: dict[str, Document] = {}
    result.timings["read"] = time.perf_counter() - started
    if jobs > 1:
        _build_parallel(result, documents, model=model, jobs=jobs, keep_going=keep_going, progress=progress,
                        mention_spans=mention_spans)
        result.timings["total"] = time.perf_counter() - started
        return result
    t = time.perf_counter()
    nlp = build_pipeline(model)
    result.timings["load_pipeline"] = time.perf_counter() - t
    t = time.perf_counter()
    iterator = documents
    if progress:
        from tqdm import tqdm

        iterator = tqdm(documents, desc="extracting", unit="doc", disable=None)
    for document in iterator:
        if document.sha256 in seen:  # the same text twice: one document node
            continue
        seen[document.sha256] = document
        assertions, quotations = extract_document(nlp, document)
        doc_graph = new_graph()
        DocumentWriter(doc_graph, document, mention_spans=mention_spans).write_all(assertions, quotations)
        result.graphs[graph_iri(document)] = doc_graph
        result.graph += doc_graph
        result.documents.append(document)
        result.per_document[document.name] = document_kinds(assertions, quotations)
    result.timings["extract"] = time.perf_counter() - t
    result.timings["total"] = time.perf_counter() - started
    return result


def _build_parallel(result: BuildResult, documents: list[Document], *, model: str | None, jobs: int,
                    keep_going: bool, progress: bool, mention_spans: bool = False) -> None:
    """Extract in worker processes; each document's N-Triples become its named graph."""
    from graph.ingest import Failed, extract_stream, progress_bar, unique_documents

    t = time.perf_counter()
    by_sha = {d.sha256: d for d in documents}
    stream = extract_stream(unique_documents(documents, set()), model=model, jobs=jobs, mention_spans=mention_spans)
    for item in progress_bar(stream, enabled=progress, total=len(by_sha)):
        if isinstance(item, Failed):
            error = InputError(item.document.path, item.problem)
            if not keep_going:
                raise error
            result.errors.append(error)
            continue
        doc_graph = new_graph()
        doc_graph.parse(data=item.ntriples, format="nt")
        result.graphs[URIRef(item.graph_iri)] = doc_graph
        result.graph += doc_graph
        result.documents.append(by_sha[item.document.sha256])
        result.per_document[item.document.name] = item.kinds
    result.timings["extract"] = time.perf_counter() - t


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are meant to be shared
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_outputs(result: BuildResult, out_dir: Path, validate: bool = True, strict: bool = True) -> dict[str, Path]:
    """Serialise everything first, then rename into place, so a failure leaves no partial set.

    With ``validate`` the graph is first checked against ``ontology/shapes.ttl``; violations raise
    ``graph.validate.ValidationFailed`` (nothing written) when ``strict``, else are printed as a warning.
    """
    if validate:
        from graph.validate import check_build

        check_build(result, out_dir / "graph.ttl", strict=strict)
    turtle = serialize_turtle(result.graph)
    report = json.dumps(result.report(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    from graph.viz import graph_page

    view = graph_page(result.graph, title=f"migraph: {out_dir.name or 'graph'}").html
    outputs = {"graph.ttl": turtle, "report.json": report, "graph.html": view}
    paths = {}
    for name, data in outputs.items():
        target = out_dir / name
        write_atomic(target, data)
        paths[name] = target
    return paths
