"""Subcommands that treat the graph as a standard RDF citizen: serve, export, validate, ontology-docs.

Registered by ``build_graph.COMMAND_MODULES``; heavy libraries are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.cli_types import positive_float, positive_int

EXIT_OK = 0
EXIT_FAILURE = 1

# Kept here so that building the parser imports neither rdflib nor werkzeug; tests check they
# match graph.server's defaults and graph.export's formats.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_WORKERS = 2
DEFAULT_MAX_MEMORY_MB = 2048
EXPORT_FORMATS = ("turtle", "ntriples", "jsonld", "trig", "nquads", "gexf", "graphml")


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number") from error
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError("must be 0-65535 (0 picks a free port)")
    return number


def register(subparsers) -> None:
    serve = subparsers.add_parser(
        "serve", help="answer SPARQL 1.1 Protocol queries over HTTP (read-only)",
        description="Serve a graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql. "
                    "SPARQL Update, SERVICE and any network access from queries are refused; each query "
                    "runs in a separate process that is stopped at the time limit.")
    serve.add_argument("graph", metavar="GRAPH_OR_STORE",
                       help="a graph file (.ttl, .nt, .trig, .nq), a build folder or an Oxigraph store folder")
    serve.add_argument("--host", default=DEFAULT_HOST,
                       help="address to listen on (default: %(default)s, this machine only)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT,
                       help="port (default: %(default)s; 0 picks a free one and prints it)")
    serve.add_argument("--timeout", type=positive_float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                       help="per-query time limit (default: %(default)s)")
    serve.add_argument("--max-rows", type=positive_int, default=DEFAULT_MAX_ROWS, metavar="N",
                       help="largest result answered, in rows or triples (default: %(default)s)")
    serve.add_argument("--max-memory", type=positive_int, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                       help="memory a query may use on top of the loaded graph (default: %(default)s)")
    serve.add_argument("--workers", type=positive_int, default=DEFAULT_WORKERS, metavar="N",
                       help="queries evaluated at the same time (default: %(default)s)")
    serve.add_argument("--quiet", action="store_true", help="do not log requests")
    serve.set_defaults(func=cmd_serve)

    export = subparsers.add_parser(
        "export", help="write the graph as Turtle, N-Triples, JSON-LD, TriG, N-Quads, GEXF or GraphML",
        description="Export a graph. trig and nquads keep one named graph per source document; turtle, "
                    "ntriples and jsonld write the flat union; gexf and graphml write the entity network.")
    export.add_argument("graph", metavar="GRAPH",
                        help="a graph file (.ttl, .nt, .trig, .nq), a build folder or an Oxigraph store")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="turtle",
                        help="output format (default: %(default)s)")
    export.add_argument("-o", "--out", type=Path, metavar="FILE",
                        help="output file (default: export.<extension> beside the graph)")
    export.set_defaults(func=cmd_export)

    validate = subparsers.add_parser(
        "validate", help="check a graph against migraph's SHACL shapes",
        description="Validate a graph with pySHACL against ontology/shapes.ttl; prints each violation "
                    "(focus node, path, message). Exit 1 when there are violations.")
    validate.add_argument("graph", metavar="GRAPH", help="a graph file (.ttl, .nt, .trig, .nq) or a build folder")
    validate.add_argument("--shapes", type=Path, metavar="FILE", help="other shapes (default: ontology/shapes.ttl)")
    validate.add_argument("--max-shown", type=positive_int, default=50, metavar="N",
                          help="violations printed at most (default: %(default)s)")
    validate.set_defaults(func=cmd_validate)

    docs = subparsers.add_parser(
        "ontology-docs", help="write the ontology's documentation page (Markdown)",
        description="Generate a Markdown page of the classes, properties and concept schemes of "
                    "ontology/migraph.ttl with their comments and alignments.")
    docs.add_argument("-o", "--out", type=Path, default=Path("ontology/README.md"), metavar="FILE",
                      help="output file (default: %(default)s)")
    docs.set_defaults(func=cmd_ontology_docs)


def cmd_serve(args) -> int:
    from graph.server import Limits, make_server, open_backend

    backend = open_backend(args.graph)
    limits = Limits(timeout=args.timeout, max_rows=args.max_rows, max_memory_mb=args.max_memory)
    try:
        server = make_server(backend, args.host, args.port, limits, args.workers, quiet=args.quiet)
    except OSError as error:
        print(f"migraph: error: {args.host}:{args.port}: cannot listen: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILURE
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"migraph: warning: listening on {args.host}, reachable from other machines", file=sys.stderr)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"migraph: serving {backend.description} at http://{host}:{server.server_port}/sparql "
          "(read-only; Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def cmd_export(args) -> int:
    from graph.export import EXTENSIONS, NETWORK_FORMATS, export, network_export_available

    if args.format in NETWORK_FORMATS and not network_export_available():
        print(f"migraph: error: --format {args.format} needs graph.analysis.write_network, "
              "which this installation lacks", file=sys.stderr)
        return EXIT_FAILURE
    out = args.out
    if out is None:
        source = Path(args.graph)
        folder = source if source.is_dir() else source.parent
        out = folder / f"export{EXTENSIONS[args.format]}"
    counts = export(args.graph, args.format, out)
    summary = ", ".join(f"{value} {name}" for name, value in counts.items())
    print(f"wrote {out} ({summary})")
    return EXIT_OK


def cmd_validate(args) -> int:
    from graph.export import as_graph, load_input
    from graph.validate import format_report, validate_graph

    graph = as_graph(load_input(args.graph))
    report = validate_graph(graph, shapes=args.shapes)
    print(format_report(report, max_shown=args.max_shown, source=str(args.graph)))
    return EXIT_OK if report.conforms else EXIT_FAILURE


def cmd_ontology_docs(args) -> int:
    from graph.build import write_atomic
    from ontology.docs import render

    write_atomic(args.out, render().encode("utf-8"))
    print(f"wrote {args.out}")
    return EXIT_OK
