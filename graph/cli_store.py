"""``migraph remove``, ``compact`` and ``push``: managing the on-disk store and copying it to a SPARQL server.

``remove STORE KEY…`` drops documents (their named graphs) from a ``--store`` folder; KEY is a
document id (sha256 prefix as in ``id/doc/<id>``), a document or graph IRI, or a file name /
JSON Lines id. ``compact STORE`` compacts its files after a big build (same content, faster reads).

``push SOURCE --to URL`` uploads each document graph of SOURCE (a store, build folder or RDF
file) to any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph ``/store``, Fuseki
``/DATASET/data``, GraphDB ``/repositories/R/rdf-graphs/service``, Virtuoso
``/sparql-graph-crud``): ``PUT ?graph=IRI`` per document (so pushing twice changes nothing), big
graphs continued with ``POST`` in batches of ``--batch-size`` triples. The union of all documents
goes to the server's default graph (``PUT ?default``), so plain queries see each fact once, as
they do locally — no server "union default graph" option is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK = 0
EXIT_FAILURE = 1


def register(subparsers) -> None:
    remove = subparsers.add_parser(
        "remove", help="drop documents from a graph store",
        description="Remove documents (their named graphs) from a store made by 'migraph build --store'.")
    remove.add_argument("store", type=Path, metavar="STORE", help="the store folder")
    remove.add_argument("keys", nargs="+", metavar="DOC",
                        help="document id (sha256 prefix), document/graph IRI, file name or JSON Lines id")
    remove.set_defaults(func=cmd_remove)

    compact = subparsers.add_parser(
        "compact", help="compact a graph store after big builds (faster queries)",
        description="Compact the on-disk files of a store made by 'migraph build --store'. A store built in "
                    "many batches answers queries 2-2.5x slower until compacted; the content is unchanged.")
    compact.add_argument("store", type=Path, metavar="STORE", help="the store folder")
    compact.set_defaults(func=cmd_compact)

    push = subparsers.add_parser(
        "push", help="upload a graph to a SPARQL server (Graph Store Protocol)",
        description="Upload every document graph of SOURCE to a SPARQL 1.1 Graph Store Protocol endpoint, "
                    "one named graph per document (PUT replaces it, so pushing again is idempotent).")
    push.add_argument("source", metavar="SOURCE", help="a store folder, a build folder or an RDF file")
    push.add_argument("--to", required=True, metavar="URL",
                      help="Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph)")
    push.add_argument("--batch-size", type=int, default=50_000, metavar="TRIPLES",
                      help="most triples per HTTP request (default: %(default)s)")
    push.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                      help="per-request timeout (default: %(default)s)")
    push.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    push.set_defaults(func=cmd_push)


def cmd_remove(args) -> int:
    from graph.store import DocumentStore, StoreError, is_store

    if not is_store(args.store):
        print(f"migraph: error: {args.store}: not a graph store (made by 'migraph build --store')", file=sys.stderr)
        return EXIT_FAILURE
    status = EXIT_OK
    try:
        with DocumentStore(args.store, create=False) as store:
            for key in args.keys:
                removed = store.remove(key)
                if not removed:
                    print(f"migraph: error: {key}: no such document in {args.store}", file=sys.stderr)
                    status = EXIT_FAILURE
                for graph in removed:
                    print(f"removed {graph}")
    except StoreError as error:
        print(f"migraph: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    return status


def cmd_compact(args) -> int:
    import time

    from graph.store import DocumentStore, StoreError, is_store

    if not is_store(args.store):
        print(f"migraph: error: {args.store}: not a graph store (made by 'migraph build --store')", file=sys.stderr)
        return EXIT_FAILURE
    started = time.perf_counter()
    try:
        with DocumentStore(args.store, create=False) as store:
            store.optimize()
    except (StoreError, OSError) as error:
        print(f"migraph: error: {args.store}: {error}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"compacted {args.store} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def document_graphs(source: str):
    """(graph IRI, N-Triples bytes) for each document graph of SOURCE; a file without named graphs
    is one graph named after the file."""
    from graph.store import OxigraphHandle, StoreError, ntriples, open_graph

    handle = open_graph(source)
    if isinstance(handle, OxigraphHandle):
        from pyoxigraph import DefaultGraph, NamedNode, RdfFormat

        graphs = sorted(g.value for g in handle.store.named_graphs() if isinstance(g, NamedNode))
        union = []  # a store read with Oxigraph's union default graph: push that union as the default graph
        for graph in graphs:
            data = handle.store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(graph))
            if handle.union:
                union.append(data)
            yield graph, data
        union.append(handle.store.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()))
        yield None, b"".join(union)
        return
    if handle.kind == "endpoint":
        raise StoreError(f"{source}: push copies from a local store or file, not from an endpoint")
    dataset = handle.rdflib_dataset()
    named = [c for c in dataset.graphs() if len(c) and str(c.identifier).startswith("https://")]
    for context in sorted(named, key=lambda c: str(c.identifier)):
        yield str(context.identifier), ntriples(context)
    yield None, ntriples(handle.rdflib_graph())  # the union (all of a flat graph.ttl)


def push_graph(url: str, graph: str | None, data: bytes, *, batch_size: int, timeout: float) -> int:
    """PUT the first batch (replacing the graph), POST the rest; returns the number of requests."""
    lines = data.splitlines(keepends=True)
    batches = [b"".join(lines[i:i + batch_size]) for i in range(0, len(lines), batch_size)] or [b""]
    for n, body in enumerate(batches):
        _request(url, graph, body, method="PUT" if n == 0 else "POST", timeout=timeout)
    return len(batches)


def _request(url: str, graph: str | None, body: bytes, *, method: str, timeout: float) -> None:
    from urllib.error import HTTPError, URLError
    from urllib.parse import urlencode
    from urllib.request import Request, urlopen

    separator = "&" if "?" in url else "?"
    target = "default" if graph is None else urlencode({"graph": graph})
    request = Request(f"{url}{separator}{target}", data=body, method=method,
                      headers={"Content-Type": "application/n-triples"})
    try:
        with urlopen(request, timeout=timeout) as response:
            response.read()
    except HTTPError as error:
        detail = error.read().decode("utf-8", "replace")[:200]
        raise PushError(f"{url}: {method} {graph or 'default graph'}: HTTP {error.code} {error.reason}: "
                        f"{detail}") from error
    except (URLError, OSError) as error:
        raise PushError(f"{url}: cannot reach the server: {getattr(error, 'reason', error)}") from error


class PushError(Exception):
    pass


def cmd_push(args) -> int:
    from graph.store import StoreError

    if not args.to.startswith(("http://", "https://")):
        print(f"migraph: error: {args.to}: --to must be an http(s) URL", file=sys.stderr)
        return EXIT_FAILURE
    if args.batch_size <= 0:
        print("migraph: error: --batch-size must be positive", file=sys.stderr)
        return EXIT_FAILURE
    graphs = requests = triples = 0
    try:
        items = document_graphs(args.source)
        if not args.quiet:
            from tqdm import tqdm

            items = tqdm(items, desc="pushing", unit="graph", disable=None)
        for graph, data in items:
            requests += push_graph(args.to, graph, data, batch_size=args.batch_size, timeout=args.timeout)
            graphs += 1
            triples += data.count(b"\n")
    except (StoreError, PushError) as error:
        print(f"migraph: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if not args.quiet:
        print(f"pushed {graphs} graphs, {triples} triples in {requests} requests to {args.to}")
    return EXIT_OK
