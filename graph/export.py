"""Exports of a built graph to standard RDF formats (``migraph export``).

Turtle, N-Triples and JSON-LD carry the graph as one flat graph (the union of all documents).
TriG and N-Quads keep one named graph per source document, IRI ``id/graph/<doc id>`` as the
build names them (``graph.rdf.graph_iri``). When the input is already a dataset (a ``.trig`` or
``.nq`` file, or a store) its named graphs are written as they are; from a flat ``graph.ttl``
they are derived from provenance (:func:`split_by_document`), so that the named graphs plus the
default graph are exactly the flat graph again.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF

from graph.vocab import ID, MIG, PREFIXES, bind_prefixes

GRAPH_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
DATASET_FORMATS = {"trig": "trig", "nquads": "nquads"}
NETWORK_FORMATS = ("gexf", "graphml")
EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "jsonld": ".jsonld", "trig": ".trig", "nquads": ".nq",
              "gexf": ".gexf", "graphml": ".graphml"}
DATASET_SUFFIXES = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".trix": "trix"}


def network_export_available() -> bool:
    """GEXF/GraphML (the entity network) come from ``graph.analysis``, when that module is present."""
    try:
        from graph.analysis import write_network  # noqa: F401
    except ImportError:
        return False
    return True


def jsonld_context() -> dict[str, str]:
    """The JSON-LD @context: migraph's prefixes, so keys and IRIs read as ``mig:speaker``, ``id:person/…``."""
    return {prefix: str(namespace) for prefix, namespace in sorted(PREFIXES.items())}


def document_graph_iri(document: URIRef) -> URIRef:
    """``id/doc/<doc id>`` → ``id/graph/<doc id>``, the same name the build gives the document's graph."""
    doc_prefix = str(ID) + "doc/"
    text = str(document)
    if not text.startswith(doc_prefix):
        return URIRef(text + "#graph")
    return ID["graph/" + text[len(doc_prefix):]]


def split_by_document(graph: Graph) -> Dataset:
    """Derive one named graph per mig:Document from a flat graph's provenance.

    A document's graph holds its description, every node linked to it by ``mig:document``
    (assertions, sentences, quotations, policies, flows, events) or named under its IRI, the blank
    nodes those reach, and each direct triple that one of its assertions reifies. Everything else
    (entity descriptions shared by documents, extractor agents) stays in the default graph. A
    triple asserted by two documents is in both graphs.
    """
    dataset = Dataset()
    bind_prefixes(dataset)
    claimed: set = set()
    owner_of: dict = {}
    documents = sorted(set(graph.subjects(RDF.type, MIG.Document)))
    for document in documents:
        owner_of[document] = document
    for node, document in graph.subject_objects(MIG.document):
        owner_of.setdefault(node, document)
    doc_prefixes = [(str(d) + "/", d) for d in documents]
    for subject in set(graph.subjects()):
        if subject in owner_of or not isinstance(subject, URIRef):
            continue
        text = str(subject)
        for prefix, document in doc_prefixes:
            if text.startswith(prefix):
                owner_of[subject] = document
                break
    per_document: dict[URIRef, list] = {d: [] for d in documents}
    for subject, document in owner_of.items():
        if document not in per_document:
            continue
        stack, seen = [subject], set()
        while stack:  # the node's triples and those of blank nodes it reaches
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            for triple in graph.triples((node, None, None)):
                per_document[document].append(triple)
                if isinstance(triple[2], BNode):
                    stack.append(triple[2])
        if (subject, RDF.type, MIG.Assertion) in graph:
            s, p, o = (graph.value(subject, RDF.subject), graph.value(subject, RDF.predicate),
                       graph.value(subject, RDF.object))
            if None not in (s, p, o) and (s, p, o) in graph:
                per_document[document].append((s, p, o))
    for document in documents:
        named = dataset.graph(document_graph_iri(document))
        for triple in per_document[document]:
            named.add(triple)
            claimed.add(triple)
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    for triple in graph:
        if triple not in claimed:
            default.add(triple)
    return dataset


def load_input(source: str | Path) -> Graph | Dataset:
    """A flat Graph (Turtle, N-Triples, …, build folder) or a Dataset (TriG, N-Quads, store)."""
    path = Path(source)
    suffix = path.suffix.lower()
    from graph.store import is_store, materialised_union

    if is_store(path):
        return _store_dataset(path, migraph_store=materialised_union(path))
    if path.is_file() and suffix in DATASET_SUFFIXES:
        from graph.query import QueryError

        dataset = Dataset()
        try:
            dataset.parse(path, format=DATASET_SUFFIXES[suffix])
        except Exception as error:  # parser-specific exception types
            raise QueryError(f"{path}: cannot parse dataset: {error}") from error
        bind_prefixes(dataset)
        return dataset
    from graph.query import load_graph

    return load_graph(source)


def _store_dataset(path: Path, migraph_store: bool) -> Dataset:
    """An Oxigraph store's graphs; the default graph of a migraph store that holds their union is left out
    (in a store of the split layout it holds the descriptions the documents share, and is kept)."""
    from graph.query import open_source

    handle = open_source(path)
    try:
        stored = handle.rdflib_dataset()
    finally:
        handle.close()
    dataset = Dataset()
    bind_prefixes(dataset)
    for named in stored.graphs():
        if migraph_store and named.identifier == DATASET_DEFAULT_GRAPH_ID:
            continue
        target = dataset.graph(named.identifier)
        for triple in named:
            target.add(triple)
    return dataset


def as_dataset(data: Graph | Dataset) -> Dataset:
    if isinstance(data, Dataset):
        return data
    return split_by_document(data)


def as_graph(data: Graph | Dataset) -> Graph:
    """The union of all graphs of a dataset as one flat Graph (a Graph is returned unchanged)."""
    if not isinstance(data, Dataset):
        return data
    flat = Graph()
    bind_prefixes(flat)
    for s, p, o, _g in data.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


def compact_iri(iri: str, context: dict[str, str]) -> str:
    """``https://w3id.org/migraph/id/person/x`` → ``id:person/x`` with the longest matching prefix."""
    best = ""
    for prefix, namespace in context.items():
        if iri.startswith(namespace) and len(namespace) > len(context.get(best, "")):
            rest = iri[len(namespace):]
            if rest and not rest.startswith("//"):
                best = prefix
    return f"{best}:{iri[len(context[best]):]}" if best else iri


def _compact_ids(node, context: dict[str, str]):
    if isinstance(node, dict):
        return {key: (compact_iri(value, context) if key == "@id" and isinstance(value, str)
                      else _compact_ids(value, context)) for key, value in node.items()}
    if isinstance(node, list):
        return [_compact_ids(value, context) for value in node]
    return node


def jsonld_bytes(graph: Graph) -> bytes:
    """JSON-LD with migraph's context; node IRIs are compacted too (rdflib compacts only keys and types)."""
    import json

    context = jsonld_context()
    document = json.loads(graph.serialize(format="json-ld", context=context, sort_keys=True))
    document = {"@context": context, **_compact_ids({k: v for k, v in document.items() if k != "@context"},
                                                     context)}
    if isinstance(document.get("@graph"), list):
        document["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _has_bnodes(graph: Graph) -> bool:
    return any(isinstance(s, BNode) or isinstance(o, BNode) for s, _p, o in graph)


def bnode_labels(graph: Graph, rounds: int = 3) -> dict[BNode, BNode]:
    """Stable labels for a graph's blank nodes, from what surrounds them (not from parse order).

    Each blank node is coloured by a hash of its edges, refined a few rounds through neighbouring
    blank nodes (the idea of rdflib.compare's canonicalisation, but giving a mapping that can be
    applied to every graph of a dataset alike). Blank nodes that stay indistinguishable are
    numbered in order, which does not change the output, since they are alike.
    """
    import hashlib

    nodes = sorted({t for s, _p, o in graph for t in (s, o) if isinstance(t, BNode)}, key=str)
    colour = {node: "" for node in nodes}
    for _ in range(rounds):
        updated = {}
        for node in nodes:
            edges = [f">{p.n3()} {colour[o] if isinstance(o, BNode) else o.n3()}" for _s, p, o in
                     graph.triples((node, None, None))]
            edges += [f"<{p.n3()} {colour[s] if isinstance(s, BNode) else s.n3()}" for s, p, _o in
                      graph.triples((None, None, node))]
            updated[node] = hashlib.sha1("\n".join(sorted(edges)).encode("utf-8")).hexdigest()[:16]
        colour = updated
    labels: dict[BNode, BNode] = {}
    used: dict[str, int] = {}
    for node in sorted(nodes, key=lambda n: colour[n]):
        count = used.get(colour[node], 0)
        used[colour[node]] = count + 1
        labels[node] = BNode(f"b{colour[node]}{'' if count == 0 else f'x{count}'}")
    return labels


def _relabel(graph: Graph, labels: dict[BNode, BNode]) -> Graph:
    result = Graph(identifier=graph.identifier)
    bind_prefixes(result)
    for s, p, o in graph:
        result.add((labels.get(s, s), p, labels.get(o, o)))
    return result


def canonical(graph: Graph) -> Graph:
    """The graph with blank nodes relabelled stably, so their labels do not change between runs.

    migraph itself writes no blank nodes; this costs one pass then (the graph is returned as is).
    """
    if not _has_bnodes(graph):
        return graph
    return _relabel(graph, bnode_labels(graph))


def serialize(data: Graph | Dataset, fmt: str) -> bytes:
    """Bytes of the export in ``fmt`` (a key of GRAPH_FORMATS or DATASET_FORMATS), deterministic."""
    if fmt in GRAPH_FORMATS:
        graph = canonical(as_graph(data))
        if fmt == "ntriples":
            return _sorted_lines(graph.serialize(format="nt", encoding="utf-8"))
        if fmt == "jsonld":
            return jsonld_bytes(graph)
        return graph.serialize(format="turtle", encoding="utf-8")
    if fmt in DATASET_FORMATS:
        dataset = as_dataset(data)
        ordered = _ordered_dataset(dataset)
        if fmt == "nquads":
            return _sorted_lines(ordered.serialize(format="nquads", encoding="utf-8"))
        return ordered.serialize(format="trig", encoding="utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


def _ordered_dataset(dataset: Dataset) -> Dataset:
    """A copy whose graphs were created in IRI order, so TriG lists them in a stable order."""
    ordered = Dataset()
    bind_prefixes(ordered)
    union = as_graph(dataset)
    labels = bnode_labels(union) if _has_bnodes(union) else {}
    graphs = sorted(dataset.graphs(), key=lambda g: (g.identifier != DATASET_DEFAULT_GRAPH_ID, str(g.identifier)))
    for named in graphs:
        if len(named) == 0:
            continue
        target = ordered.graph(named.identifier)
        for triple in (_relabel(named, labels) if labels else named):
            target.add(triple)
    return ordered


def export(source: str | Path, fmt: str, out: Path) -> dict[str, int]:
    """Read ``source``, write ``out`` atomically in ``fmt``; return counts for the summary line."""
    from graph.build import write_atomic

    data = load_input(source)
    if fmt in NETWORK_FORMATS:
        from graph.analysis import entity_graph, write_network

        network = entity_graph(as_graph(data))
        write_network(network, fmt, out)
        return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
    payload = serialize(data, fmt)
    write_atomic(out, payload)
    if fmt in DATASET_FORMATS:
        dataset = as_dataset(data)
        named = [g for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
        return {"quads": sum(len(g) for g in dataset.graphs()), "named graphs": len(named)}
    return {"triples": len(as_graph(data))}
