"""Where a graph lives, behind one interface: a file, an on-disk Oxigraph store, or a SPARQL endpoint.

Every command that reads a graph calls :func:`open_graph` with what the user typed:

- an RDF file (``graph.ttl``, ``.nt``, ``.trig``, ``.nq``, ``.jsonld``, ...) or a build folder
  holding ``graph.ttl`` — parsed into rdflib in memory (fine for small graphs);
- a folder made by ``migraph build --store DIR`` — an Oxigraph (RocksDB) store on disk, queried
  in Rust without loading anything into Python, for graphs of tens of thousands of articles;
- an ``http(s)://`` SPARQL 1.1 query endpoint (Oxigraph server, QLever, Virtuoso, GraphDB, Fuseki).

The handle answers ``query(sparql)`` with an ``rdflib.query.Result`` whatever the backend, so
formatting code (``graph.query.format_result``) works unchanged, and gives an rdflib ``Graph``
(union of all documents) or ``Dataset`` (one named graph per document) when a command needs one.

:class:`DocumentStore` is the writable side: one named graph per document keyed by its content
hash, so re-ingesting a document is a no-op and an edited one replaces its previous version.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from hashlib import blake2b
from itertools import repeat
from operator import add
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF as RDF_NS
from rdflib.namespace import XSD
from rdflib.query import Result

from graph.vocab import ID, MIG, bind_prefixes

STORE_MARKER = "migraph-store.json"
SHARED_INDEX = "migraph-shared.sqlite"
GRAPH_PREFIX = str(ID) + "graph/"
DOC_PREFIX = str(ID) + "doc/"
UNION_LAYOUT = "set union of the document graphs"
"""The marker's ``default_graph`` of stores made before the split layout: every triple stored twice."""
SPLIT_LAYOUT = "triples that name no document (entity descriptions), stated once for every document"
MENTION_MODELS = {False: "one mig:mentionedInSentence per entity and sentence",
                  True: "each mention also an assertion with its span (--mention-spans)"}
"""The marker's ``mentions``: how the documents record entity mentions (``graph.rdf.DocumentWriter``)."""


class StoreError(Exception):
    """A graph source that cannot be opened or written; the message names it and the problem."""


def _mention_model_mismatch(path: str | Path, recorded: str, mention_spans: bool) -> str:
    return (f"{path}: this store records mentions as {recorded!r}, not {MENTION_MODELS[mention_spans]!r}: "
            f"build {'without' if mention_spans else 'with'} --mention-spans, or into a new store")


def is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.startswith(("http://", "https://"))


def is_store(path: str | Path) -> bool:
    """True for a folder holding an Oxigraph store (made by migraph, or any RocksDB-backed Oxigraph)."""
    p = Path(path)
    return p.is_dir() and ((p / STORE_MARKER).is_file() or (p / "CURRENT").is_file())


def _marker(path: str | Path) -> dict:
    """The store's migraph settings (empty for a store migraph did not make, or an unreadable marker)."""
    marker = Path(path) / STORE_MARKER
    if not marker.is_file():
        return {}
    try:
        settings = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return settings if isinstance(settings, dict) else {}


def materialised_union(path: str | Path) -> bool:
    """True for a migraph store whose default graph holds the union of its documents (the older layout).

    Other stores are queried with Oxigraph's union default graph: in a migraph store of the split
    layout every triple is in exactly one graph, so that union repeats nothing.
    """
    return _marker(path).get("default_graph") == UNION_LAYOUT


# --------------------------------------------------------------------------- reading handles


class GraphHandle:
    """Uniform read access: ``query`` returns an rdflib Result; ``rdflib_graph`` the union as a Graph."""

    kind = "abstract"
    location = ""

    def query(self, sparql: str) -> Result:
        raise NotImplementedError

    def rdflib_dataset(self) -> Dataset:
        """All triples, one named graph per document where the source keeps them apart."""
        raise NotImplementedError

    def rdflib_graph(self) -> Graph:
        """The union of all documents as one rdflib Graph (what ``graph.ttl`` holds)."""
        graph = Graph()
        bind_prefixes(graph)
        for s, p, o, _g in self.rdflib_dataset().quads((None, None, None, None)):
            graph.add((s, p, o))
        return graph

    def triple_count(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))[0])

    def close(self) -> None:
        """Release files and locks; the handle is unusable afterwards."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class RdflibHandle(GraphHandle):
    """A graph parsed into memory with rdflib (files; the default for small runs)."""

    kind = "rdflib"

    def __init__(self, graph: Graph | Dataset, location: str = "memory"):
        self.graph = graph
        self.location = location

    def query(self, sparql: str) -> Result:
        return self.graph.query(sparql)

    def rdflib_graph(self) -> Graph:
        if isinstance(self.graph, Dataset):
            return super().rdflib_graph()
        return self.graph

    def rdflib_dataset(self) -> Dataset:
        if isinstance(self.graph, Dataset):
            return self.graph
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        dataset.default_context += self.graph
        return dataset


class OxigraphHandle(GraphHandle):
    """An on-disk Oxigraph store, queried with Oxigraph's union default graph (``union=True``).

    That option repeats a triple once per graph holding it, so a migraph store keeps every triple
    in exactly one graph (see :class:`DocumentStore`): shared facts ("France is a Country") then
    give no duplicate rows. Stores of the older layout hold the set union in the default graph
    and are queried without the option (``union=False``).
    """

    kind = "oxigraph"

    def __init__(self, store, location: str, *, union: bool = False):
        self.store = store
        self.location = location
        self.union = union

    def query(self, sparql: str) -> Result:
        return oxigraph_result(self.store.query(sparql, use_default_graph_as_union=self.union))

    def rdflib_dataset(self) -> Dataset:
        from pyoxigraph import RdfFormat

        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        dataset.parse(data=self.store.dump(format=RdfFormat.N_QUADS), format="nquads")
        return dataset

    def close(self) -> None:
        self.store = None


class EndpointHandle(GraphHandle):
    """A remote SPARQL 1.1 query endpoint, through rdflib's SPARQLStore (plain HTTP, no extra package)."""

    kind = "endpoint"

    def __init__(self, url: str):
        from rdflib.plugins.stores.sparqlstore import SPARQLStore

        self.location = url
        self.graph = Graph(store=SPARQLStore(query_endpoint=url, returnFormat="json"))

    def query(self, sparql: str) -> Result:
        return self.graph.query(sparql)

    def rdflib_dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        dataset.default_context += result.graph
        return dataset


def open_graph(source: str | Path, *, read_only: bool = True) -> GraphHandle:
    """A handle on SOURCE: RDF file, build folder (graph.ttl), Oxigraph store folder, or endpoint URL.

    Raises StoreError naming the source and the problem.
    """
    if is_url(source):
        return EndpointHandle(str(source))
    path = Path(source)
    if is_store(path):
        return OxigraphHandle(_open_oxigraph(path, read_only=read_only), str(path),
                              union=not materialised_union(path))
    if path.is_dir():
        if (path / "graph.ttl").is_file():
            path = path / "graph.ttl"
        else:
            raise StoreError(f"{source}: neither a graph store nor a build folder with graph.ttl")
    if not path.is_file():
        raise StoreError(f"{source}: no graph there (expected an RDF file, a build folder, a store or a URL)")
    return RdflibHandle(_parse_file(path), str(path))


def _parse_file(path: Path) -> Graph | Dataset:
    from rdflib.util import guess_format

    fmt = guess_format(str(path)) or "turtle"
    graph: Graph | Dataset = Dataset(default_union=True) if fmt in ("trig", "nquads", "trix") else Graph()
    bind_prefixes(graph)
    try:
        graph.parse(path, format=fmt)
    except Exception as error:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: cannot parse graph: {error}") from error
    return graph


def _open_oxigraph(path: Path, *, read_only: bool):
    from pyoxigraph import Store

    try:
        return Store.read_only(str(path)) if read_only else Store(str(path))
    except OSError as error:
        raise StoreError(f"{path}: cannot open the graph store: {error} "
                         f"(another migraph process may be writing it)") from error


# --------------------------------------------------------------------------- oxigraph <-> rdflib


def to_rdflib(term):
    """An rdflib term for a pyoxigraph term (None stays None)."""
    from pyoxigraph import BlankNode, NamedNode
    from pyoxigraph import Literal as OxLiteral

    if term is None:
        return None
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if isinstance(term, OxLiteral):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # RDF-star triple terms: shown as text


def oxigraph_result(answer) -> Result:
    """Wrap a pyoxigraph query answer as an rdflib Result (SELECT, ASK, CONSTRUCT/DESCRIBE)."""
    from pyoxigraph import QueryBoolean, QuerySolutions

    if isinstance(answer, QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, QuerySolutions):
        variables = [Variable(v.value) for v in answer.variables]
        names = [str(v) for v in variables]
        result = Result("SELECT")
        result.vars = variables
        rows = []
        converted: dict = {}  # the same IRIs and literals recur in many rows; rdflib terms are slow to build
        for solution in answer:
            row = {}
            for var, name in zip(variables, names, strict=True):
                value = solution[name]
                if value is not None:
                    term = converted.get(value)
                    if term is None:
                        term = converted[value] = to_rdflib(value)
                    row[var] = term
            rows.append(row)
        result.bindings = rows
        return result
    graph = Graph()
    bind_prefixes(graph)
    for triple in answer:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    result = Result("CONSTRUCT")
    result.graph = graph
    return result


# --------------------------------------------------------------------------- the writable store


class DocumentStore:
    """An Oxigraph store on disk with one named graph per document (``id/graph/<sha256-16>``).

    ``put`` is idempotent: a graph already present is left alone; a document with the same file
    name (source id) but new content replaces its old graph. Entity IRIs are shared across
    documents. Each triple is stored once: a triple naming the document (its IRI or one under it:
    assertions, sentences, quotations, ``mig:mentionedIn``) goes to the document's graph, which no
    other document can state; one naming no document (an entity's label, type, ISO code, role)
    goes to the default graph, where the documents stating it share it. Queries read the default
    graph as the union of all graphs (Oxigraph's ``use_default_graph_as_union``), which then
    repeats nothing, so plain SPARQL sees each fact once and ``GRAPH ?g`` reaches each document.
    Which document stated which shared triple is kept in a small SQLite index beside the store
    (``migraph-shared.sqlite``): a shared triple leaves the default graph when the last document
    stating it is removed. (Stores of the older layout keep the whole union in the default graph,
    every triple written twice; they are still read and written as before.)

    Documents are written in batches by a background thread (see :meth:`write_pending`), so the
    caller keeps feeding extraction workers while Oxigraph's bulk loader, which releases the GIL,
    writes the previous batch. Every read first waits for the writes, so reads see all ``put``s.
    """

    BATCH_DOCUMENTS = 4096
    """Documents written per bulk load, at most. Each load adds overlapping files to every RocksDB index, which
    RocksDB then compacts into the existing data, so fewer, bigger loads cost less CPU: loading the 2.2 M quads
    of 3,000 corpus articles took 17.0-18.9 CPU-s in batches of about 720,000 quads against 23.4-24.4 CPU-s in
    batches of 256 documents (about 180,000 quads), and 5.3 M quads of the corpus store 129 CPU-s in batches of
    a million against 157.5 in batches of 530,000 (one load of all 5.3 M: 123). In a corpus build
    ``BATCH_QUADS`` ends a batch first (news articles average about 450 quads)."""
    BATCH_QUADS = 990_000
    """...or fewer documents when their quads reach this: just under the bulk loader's one-million-quad chunk,
    so a batch is one chunk (a few quads over would make a second, tiny one). The loader holds about 1.1 kB per
    quad while it sorts a chunk; the batch waiting for it and the one being gathered are on disk (a spool file
    each), not in memory, so this bounds the main process's memory."""
    DOCUMENT_MARK = ("<" + DOC_PREFIX).encode()

    def __init__(self, path: str | Path, *, create: bool = True, background: bool = True,
                 mention_spans: bool | None = None):
        """``mention_spans``: the mention model of the documents about to be put (None: only reading or
        removing). It is recorded when the store is created; putting documents of the other model raises."""
        from pyoxigraph import Store

        self._spool = None  # N-Quads of the documents not yet handed to the writer: a temporary file, one a batch
        self._pending_quads = 0
        self._pending_graphs: set[str] = set()
        self._pending_names: set[str] = set()
        self._unwritten_graphs: set[str] = set()  # pending or being written: not yet visible in the store
        self._unwritten_names: set[str] = set()
        self._lock = threading.Lock()  # the writer thread removes what it wrote from the two sets above
        self._writer: _BatchWriter | None = None
        self.background = background
        self.load_seconds = 0.0
        """Wall seconds spent in the bulk loader (in the writer thread when ``background``; the loader
        itself runs on threads of its own, and RocksDB compacts on others)."""
        self.path = Path(path)
        if self.path.exists() and not is_store(self.path):
            if not self.path.is_dir() or any(self.path.iterdir()):
                raise StoreError(f"{path}: exists and is not a migraph graph store")
        if not self.path.exists() and not create:
            raise StoreError(f"{path}: no such graph store")
        recorded = _marker(self.path).get("mentions")
        if mention_spans is not None and recorded is not None and recorded != MENTION_MODELS[mention_spans]:
            raise StoreError(_mention_model_mismatch(path, recorded, mention_spans))
        try:
            self.store = Store(str(self.path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open the graph store: {error} "
                             f"(is another migraph process using it?)") from error
        for stale in self.path.parent.glob(self._spool_prefix() + "*.nq"):
            stale.unlink(missing_ok=True)  # left by a killed process: the store's lock says no other one has it open
        marker = self.path / STORE_MARKER
        if not marker.is_file():
            fresh = not any(g for g in self.store.named_graphs())  # an older store without marker keeps its union
            settings = {"format": "oxigraph", "layout": "one named graph per document", "graph_prefix": GRAPH_PREFIX,
                        "default_graph": SPLIT_LAYOUT if fresh else UNION_LAYOUT}
            if fresh:
                settings["mentions"] = MENTION_MODELS[bool(mention_spans)]
            marker.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
        self.split = not materialised_union(self.path)
        self._shared = _SharedIndex(self.path / SHARED_INDEX) if self.split else None
        if _marker(self.path).get("mentions") is None:  # a store made before mentions had a model of their own
            self._upgrade_mentions(mention_spans)
            recorded = _marker(self.path)["mentions"]
            if mention_spans is not None and recorded != MENTION_MODELS[mention_spans]:
                self.close()
                raise StoreError(_mention_model_mismatch(path, recorded, mention_spans))

    def _upgrade_mentions(self, mention_spans: bool | None) -> None:
        """Give the documents of an older store the ``mig:mentionedInSentence`` triples newer ones have.

        Before the mention model was recorded, every mention was only a reified assertion with its sentence, so
        the queries that read which sentences name whom (country-pairs, said-about-country) found nothing in such a
        store. The triples are derived from those assertions inside each document's graph (and, in the older union
        layout, in the default graph too); the store then records the span model its documents follow.
        """
        from graph.build import write_atomic

        select = "GRAPH ?g { ?a rdf:subject ?entity ; rdf:predicate mig:mentionedIn ; mig:sentence ?sentence }"
        union = "" if self.split else "?entity mig:mentionedInSentence ?sentence . "
        self.store.update(
            f"PREFIX rdf: <{RDF_NS}> PREFIX mig: <{MIG}> "
            f"INSERT {{ GRAPH ?g {{ ?entity mig:mentionedInSentence ?sentence }} {union}}} WHERE {{ {select} }}")
        self.store.flush()
        settings = _marker(self.path)
        has_documents = any(True for _ in self.store.named_graphs())
        settings["mentions"] = MENTION_MODELS[True if has_documents else bool(mention_spans)]
        write_atomic(self.path / STORE_MARKER, (json.dumps(settings, indent=2) + "\n").encode("utf-8"))

    # -- reading

    def handle(self) -> OxigraphHandle:
        self.write_pending()
        return OxigraphHandle(self.store, str(self.path), union=self.split)

    def query(self, sparql: str) -> Result:
        return self.handle().query(sparql)

    def has_graph(self, graph_iri: str) -> bool:
        from pyoxigraph import NamedNode

        graph_iri = str(graph_iri)
        return graph_iri in self._unwritten_graphs or self.store.contains_named_graph(NamedNode(graph_iri))

    def graphs_named(self, name: str) -> list[str]:
        """Graphs holding a document with this file name / source id."""
        from pyoxigraph import Literal as OxLiteral
        from pyoxigraph import NamedNode

        if name in self._unwritten_names:
            self.write_pending()
        quads = self.store.quads_for_pattern(None, NamedNode(str(MIG.fileName)), OxLiteral(name), None)
        return sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)})

    def documents(self) -> list[dict[str, str]]:
        """Every document graph with its file name and document IRI."""
        rows = self.query(
            "PREFIX mig: <https://w3id.org/migraph/ontology#> SELECT ?g ?d ?name WHERE { "
            "GRAPH ?g { ?d a mig:Document ; mig:fileName ?name } } ORDER BY ?name ?g")
        return [{"graph": str(g), "document": str(d), "name": str(n)} for g, d, n in rows]

    def __len__(self) -> int:
        """Triples in the union of all graphs, each counted once (each is stored once, or in the union)."""
        self.write_pending()
        answer = self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",  # counted in Rust
                                  use_default_graph_as_union=self.split)
        return int(next(iter(answer))[0].value)

    # -- writing

    def put(self, graph_iri: str, name: str, ntriples: bytes) -> str:
        """Store one document's triples; returns 'unchanged', 'added' or 'replaced'."""
        graph_iri = str(graph_iri)
        if self.has_graph(graph_iri):
            return "unchanged"
        stale = [g for g in self.graphs_named(name) if g != graph_iri]  # waits for the writes if NAME is unwritten
        for old in stale:
            self._drop(old)
        suffix = f" <{graph_iri}> .\n".encode()
        # Every line ends in " .\n" and no other line break is in the text: split at each " .\n" (the last item is
        # what follows the last one), no item may hold a "\n" (each searched by memchr: ``bytes.find``, not ``in``,
        # which first tries the needle as an int and formats an error message) and no "\r" is anywhere. A
        # triple then goes into the graph by joining the triples with the graph and " .\n" between them, all in C
        # (counting both line ends and splitting the lines again cost as much as the rest of ``put``).
        triples = ntriples.split(b" .\n")
        if b"\r" in ntriples or len(triples) < 2 or triples.pop() or max(map(bytes.find, triples, repeat(b"\n"))) >= 0:
            raise StoreError(f"{graph_iri}: N-Triples must have one triple per line, each ending in ' .'")
        if self.split:
            own, shared = self._split(triples)
            if not own:
                raise StoreError(f"{graph_iri}: no triple names the document ({DOC_PREFIX}...): nothing would "
                                 f"be in its graph")
            # shared lines this process has not handed out yet
            fresh = self._shared.add(graph_iri, list(map(add, shared, repeat(b" .\n"))))
            self._spooled(suffix.join(own) + suffix, b"".join(fresh))
            self._pending_quads += len(own) + len(fresh)
        else:  # older layout: the triples as they are (default graph = the union), then in the document's graph
            self._spooled(ntriples, suffix.join(triples) + suffix)
            self._pending_quads += 2 * len(triples)
        self._pending_graphs.add(graph_iri)
        self._pending_names.add(name)
        with self._lock:
            self._unwritten_graphs.add(graph_iri)
            self._unwritten_names.add(name)
        if len(self._pending_graphs) >= self.BATCH_DOCUMENTS or self._pending_quads >= self.BATCH_QUADS:
            self._submit()
        return "replaced" if stale else "added"

    def _split(self, lines: list[bytes]) -> tuple[list[bytes], list[bytes]]:
        """(the document's own triples, the shared ones), of N-Triples lines without their " .\n": own = subject or
        object is the document's IRI or under it (``id/doc/<hash>...``, which only this document's content can
        produce) or a blank node."""
        marks = (self.DOCUMENT_MARK, b"_:")
        own, shared = [], []
        for line in lines:
            # the object starts after the second space (an IRI or blank node has none): two memchr look-ups, where
            # searching the line for the mark first cost more than the rest of the test
            if line.startswith(marks) or line.startswith(marks, line.find(b" ", line.find(b" ") + 1) + 1 or len(line)):
                own.append(line)
            else:
                shared.append(line)
        return own, shared

    def _spool_prefix(self) -> str:
        return f".{self.path.name}-batch-"

    def _spooled(self, *chunks: bytes) -> None:
        """Append N-Quads to the batch being gathered. It is a file, not a list of bytes: a batch of a million
        quads is ~230 MB of text, held until the loader reads it, while the one before is still loading. It sits
        beside the store (on the disk meant for it, not a RAM-backed /tmp), where a later open removes it if a
        killed process left it behind."""
        if self._spool is None:
            import tempfile

            self._spool = tempfile.NamedTemporaryFile(dir=self.path.parent, prefix=self._spool_prefix(),
                                                      suffix=".nq", delete=False)
        self._spool.writelines(chunks)

    def _submit(self) -> None:
        """Hand the pending documents to the writer (waits while it still has a batch queued)."""
        if self._spool is None:
            return
        if self._shared is not None:
            self._shared.commit()  # who states what is on disk before the triples are
        self._spool.close()
        data = Path(self._spool.name)
        self._spool = None
        self._pending_quads = 0
        batch = (self._pending_graphs, self._pending_names)
        self._pending_graphs, self._pending_names = set(), set()
        if not self.background:
            self._load(data)
            self._written(*batch)
            return
        if self._writer is None:
            self._writer = _BatchWriter(self)
        self._writer.submit(data, batch)

    def _load(self, data: Path) -> None:
        """Write one batch (an N-Quads spool file, removed here) with Oxigraph's bulk loader.

        ``Store.load`` runs a transaction that reads every index key before writing it (about 25k
        quads/s here, slower as the store grows); the bulk loader sorts the batch and ingests it as
        new RocksDB files (about 3x faster). A batch stays well under the loader's one-million-quad
        chunk, which RocksDB ingests into all indexes at once, so a crash leaves whole batches.
        The N-Quads come from rdflib's serialiser, so IRI validation is skipped (``lenient``).
        """
        import time

        from pyoxigraph import RdfFormat

        wall = time.perf_counter()
        try:
            self.store.bulk_load(path=str(data), format=RdfFormat.N_QUADS, lenient=True)
        finally:
            data.unlink(missing_ok=True)
        self.load_seconds += time.perf_counter() - wall

    def _written(self, graphs: set[str], names: set[str]) -> None:
        """GRAPHS (documents NAMES) are now in the store: reads no longer need to wait for them."""
        with self._lock:
            self._unwritten_graphs -= graphs
            self._unwritten_names -= names  # a name is in one unwritten batch at most (put waits otherwise)

    def write_pending(self) -> None:
        """Write every document put so far and wait until they are in the store."""
        self._submit()
        if self._writer is not None:
            self._writer.wait()

    def _drop(self, graph_iri: str) -> None:
        """Remove a document graph, and from the default graph the shared triples no other document states."""
        from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse

        graph = NamedNode(graph_iri)
        if self._shared is not None:
            self.store.remove_graph(graph)
            orphans = self._shared.remove(graph_iri)
            for triple in parse(b"".join(orphans), format=RdfFormat.N_TRIPLES, lenient=True):
                self.store.remove(Quad(triple.subject, triple.predicate, triple.object, DefaultGraph()))
            return
        triples = [(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, graph)]
        self.store.remove_graph(graph)
        for s, p, o in triples:
            if not any(isinstance(q.graph_name, NamedNode) for q in self.store.quads_for_pattern(s, p, o, None)):
                self.store.remove(Quad(s, p, o, DefaultGraph()))

    def resolve(self, key: str) -> list[str]:
        """Graphs meant by KEY: a graph or document IRI, a document id (sha256 prefix) or a file name."""
        if key.startswith(GRAPH_PREFIX):
            return [key] if self.has_graph(key) else []
        if key.startswith(DOC_PREFIX):
            key = key[len(DOC_PREFIX):].split("/")[0]
        if all(c in "0123456789abcdef" for c in key.lower()) and 8 <= len(key) <= 64:
            prefix = key.lower()[:16]
            found = [g for g in self.named_graphs() if g.startswith(GRAPH_PREFIX + prefix)]
            if found:
                return found
        name = Path(key).name
        return self.graphs_named(name) or (self.graphs_named(key) if name != key else [])

    def named_graphs(self) -> list[str]:
        from pyoxigraph import NamedNode

        self.write_pending()
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, NamedNode))

    def remove(self, key: str) -> list[str]:
        """Drop the document(s) KEY names; returns the removed graph IRIs."""
        self.write_pending()
        graphs = self.resolve(key)
        for graph in graphs:
            self._drop(graph)
        return graphs

    def flush(self) -> None:
        self.write_pending()
        self.store.flush()

    def optimize(self) -> None:
        """Compact the on-disk files (Oxigraph ``Store.optimize``): same content, faster reads.

        Each bulk load adds files whose keys overlap all earlier ones; a store built in hundreds of
        batches answers index lookups 2-2.5x slower until compacted (measured on 3,000 articles).
        """
        self.flush()
        self.store.optimize()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._writer is not None:
                self._writer.stop()
                self._writer = None
            if self._shared is not None:
                self._shared.close()
                self._shared = None
            self.store = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.store is not None:
            self.close()


class _SharedIndex:
    """Which document graph states which shared triple (an N-Triples line): SQLite beside the store.

    Rows are written when a document is put, before its triples are loaded, so the index never
    misses a stored statement; a document whose load failed leaves rows that only keep its shared
    triples from being dropped later.

    A row is (graph number, 16-byte BLAKE2b digest of the line); each distinct line is kept once, under
    its digest, to be handed back when it becomes an orphan. Rows of the first layout held the graph IRI
    and the whole line, twice with the index (about 400 bytes a row, 1.4 GB for the whole corpus);
    these hold about 60. A store of that layout is converted when opened for writing.

    Only ``remove`` asks which graphs state a line, so the index that answers it (``stated_digest``) is made by
    the first removal, not kept up while documents are added: its rows, in the order of random digests, went
    to random pages of the file, which cost about as much CPU as the rest of the index (4,000 corpus articles:
    9.2 -> 5.2 CPU-s), where a document's ``stated`` rows go to the end of the table, in order of its number.
    A store that has had a removal keeps the index, as stores made before this did.
    """

    SCHEMA = 2
    CACHE_KIB = 65_536
    """SQLite's page cache (64 MB instead of 2 MB): the ``lines`` table takes rows under random digests, and each
    page not in the cache was read again for it (4,000 corpus articles: about 1 CPU-s less)."""
    HANDED_OUT_LIMIT = 2_000_000
    """Digests kept in memory of the shared lines handed out for loading (about 70 bytes each); past it the set
    starts afresh, which only means some lines the store already has are loaded again (the store keeps one)."""

    def __init__(self, path: Path):
        import sqlite3

        self.db = sqlite3.connect(str(path))
        self._graph_ids: dict[str, int] = {}
        # Digests of the shared lines this process has already handed to the store. Documents share many lines
        # ("France is a Country"): in a 3,000-article build, 4 of 5 shared lines repeat one handed out before, and
        # loading them again costs the bulk loader and the lines table a write each for nothing.
        self._handed_out: set[bytes] = set()
        # WAL + NORMAL: a commit no longer waits for the disk twice; a crashed process loses nothing
        # committed, and the rows are committed before the batch they describe is loaded.
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size=-{self.CACHE_KIB}")
        old = {row[1] for row in self.db.execute("PRAGMA table_info(stated)")} == {"graph", "triple"}
        if old:
            self.db.execute("ALTER TABLE stated RENAME TO stated_v1")
            self.db.execute("DROP INDEX IF EXISTS stated_triple")
        self.db.execute("CREATE TABLE IF NOT EXISTS graphs (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE)")
        self.db.execute("CREATE TABLE IF NOT EXISTS lines (digest BLOB PRIMARY KEY, line BLOB NOT NULL) "
                        "WITHOUT ROWID")
        self.db.execute("CREATE TABLE IF NOT EXISTS stated (graph INTEGER NOT NULL, digest BLOB NOT NULL, "
                        "PRIMARY KEY (graph, digest)) WITHOUT ROWID")
        if old:
            by_graph: dict[str, list[bytes]] = {}
            for graph, line in self.db.execute("SELECT graph, triple FROM stated_v1"):
                by_graph.setdefault(graph, []).append(line)
            for graph, lines in by_graph.items():
                self.add(graph, lines)
            self.db.execute("DROP TABLE stated_v1")
        self.db.execute(f"PRAGMA user_version={self.SCHEMA}")
        self.db.commit()

    def _graph_id(self, graph: str, *, create: bool) -> int | None:
        found = self._graph_ids.get(graph)
        if found is None:
            row = self.db.execute("SELECT id FROM graphs WHERE iri = ?", (graph,)).fetchone()
            if row is None:
                if not create:
                    return None
                row = (self.db.execute("INSERT INTO graphs (iri) VALUES (?)", (graph,)).lastrowid,)
            found = self._graph_ids[graph] = row[0]
        return found

    def add(self, graph: str, triples: list[bytes]) -> list[bytes]:
        """Record that GRAPH states TRIPLES; returns those this process has not handed out for loading before.

        A line handed out stays in the store until no graph states it (``remove`` hands its digest back), so a
        later document stating it again has nothing to load.
        """
        gid = self._graph_id(graph, create=True)
        digests = [blake2b(t, digest_size=16).digest() for t in triples]
        handed_out = self._handed_out
        if len(handed_out) > self.HANDED_OUT_LIMIT:
            handed_out.clear()
        fresh_digests, fresh = [], []
        for digest, line in zip(digests, triples, strict=True):
            if digest not in handed_out:
                handed_out.add(digest)
                fresh_digests.append(digest)
                fresh.append(line)
        # Parameters as bytearray: sqlite3 binds a bytearray as the same BLOB at once, where for bytes it first
        # looks for an adapter and fails (building an error message per value: about 2,500 instructions each)
        self.db.executemany("INSERT OR IGNORE INTO lines VALUES (?, ?)",
                            zip(map(bytearray, fresh_digests), map(bytearray, fresh), strict=True))
        self.db.executemany("INSERT OR IGNORE INTO stated VALUES (?, ?)",
                            zip(repeat(gid), map(bytearray, digests), strict=False))
        return fresh

    def remove(self, graph: str) -> list[bytes]:
        """Forget GRAPH's statements; returns the triples no other graph states."""
        gid = self._graph_id(graph, create=False)
        if gid is None:
            return []
        self.db.execute("CREATE INDEX IF NOT EXISTS stated_digest ON stated (digest)")  # see the class docstring
        digests = [d for (d,) in self.db.execute("SELECT digest FROM stated WHERE graph = ?", (gid,))]
        self.db.execute("DELETE FROM stated WHERE graph = ?", (gid,))
        self.db.execute("DELETE FROM graphs WHERE id = ?", (gid,))
        self._graph_ids.pop(graph, None)
        orphans = []
        for digest in digests:
            if self.db.execute("SELECT 1 FROM stated WHERE digest = ? LIMIT 1", (digest,)).fetchone() is None:
                (line,) = self.db.execute("SELECT line FROM lines WHERE digest = ?", (digest,)).fetchone()
                self.db.execute("DELETE FROM lines WHERE digest = ?", (digest,))
                self._handed_out.discard(digest)  # leaves the store: a later document must load it again
                orphans.append(line)
        self.db.commit()
        return orphans

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


class _BatchWriter:
    """One background thread running the bulk loads of a DocumentStore, one batch at a time.

    At most one batch waits while another is written, so memory stays bounded: the caller blocks
    in ``submit`` when the writer falls behind. An error in the thread is raised again in the
    caller by the next ``submit`` or ``wait``.
    """

    def __init__(self, owner: DocumentStore):
        import queue
        import threading

        self.owner = owner
        self.queue: queue.Queue = queue.Queue(maxsize=1)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="migraph-store-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                self.queue.task_done()
                return
            data, batch = item
            try:
                if self.error is None:  # after a failure, later batches are dropped: the caller raises
                    self.owner._load(data)
            except BaseException as error:  # handed to the caller thread
                self.error = error
            finally:
                data.unlink(missing_ok=True)  # loaded (``_load`` removed it), failed, or dropped after a failure
                self.owner._written(*batch)  # written, or failed and so not in the store: no read waits for it
                self.queue.task_done()

    def _raise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise StoreError(f"{self.owner.path}: writing a batch of documents failed: {error}") from error

    def submit(self, data: Path, batch: tuple[set[str], set[str]]) -> None:
        self._raise()
        self.queue.put((data, batch))

    def wait(self) -> None:
        self.queue.join()
        self._raise()

    def stop(self) -> None:
        """End the thread after the batches already submitted."""
        self.queue.put(None)
        self.thread.join()


def ntriples(triples: Iterable[tuple]) -> bytes:
    """N-Triples for rdflib-term triples (sorted, so a document's bytes are deterministic).

    The same text as rdflib's N-Triples serialiser, but each term is written once per call: a
    document repeats its IRI, predicates and offsets thousands of times.
    """
    from rdflib.plugins.serializers.nt import _quoteLiteral

    # Keyed by object identity: rdflib terms hash in Python code (a tuple per URIRef, more per Literal),
    # and the writer reuses one object per repeated term. Every term stays alive during the call, so an
    # id names one term; equal terms held by different objects simply get the same text twice.
    written: dict[int, str] = {}

    def term(t) -> str:
        text = written.get(id(t))
        if text is None:
            text = written[id(t)] = _quoteLiteral(t) if isinstance(t, Literal) else t.n3()
        return text

    return "".join(sorted(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)).encode("utf-8")


def iter_document_graphs(handle: GraphHandle) -> Iterator[tuple[str, Graph]]:
    """(graph IRI, Graph) for each document graph of a handle (for TriG/N-Quads exporters)."""
    dataset = handle.rdflib_dataset()
    for context in sorted(dataset.graphs(), key=lambda c: str(c.identifier)):
        if str(context.identifier).startswith(GRAPH_PREFIX):
            yield str(context.identifier), context
