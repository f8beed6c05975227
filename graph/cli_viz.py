"""``migraph viz``, ``stats``, ``path`` and ``network``: look at a graph and analyse it as a network.

Heavy libraries (networkx, rdflib, igraph) are imported inside the handlers: the parser imports
this module for every command.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.cli_types import positive_int

EXIT_OK = 0
EXIT_FAILURE = 1


DEFAULT_MAX_NODES = 1000  # = graph.viz.DEFAULT_MAX_NODES, not imported: the parser must not load networkx


def register(subparsers) -> None:
    graph_help = "a graph file (graph.ttl, .nt, .jsonld…) or a build folder holding graph.ttl"

    viz = subparsers.add_parser(
        "viz", help="write an interactive, offline HTML view of a graph",
        description="Render a graph (or the part of it a SPARQL query selects) as one self-contained HTML "
                    "page: nodes coloured and shaped by type, a legend with a type filter, search, tooltips "
                    "with the sentences each entity comes from. Nothing is fetched from the network.")
    viz.add_argument("graph", metavar="GRAPH", help=graph_help)
    viz.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="HTML file to write (default: graph.html, or flows.html with --flows, beside GRAPH)")
    viz.add_argument("--query", metavar="NAME_OR_FILE",
                     help="draw only the entities a canned query, .rq file or SPARQL text returns "
                          "(IRIs, or labels, in a SELECT's cells or a CONSTRUCT's triples)")
    viz.add_argument("--flows", action="store_true",
                     help="draw the migration flow network: countries as nodes, flows as weighted arrows, "
                          "policies from states to groups as typed edges")
    viz.add_argument("--all", action="store_true", help="draw every node, however many")
    viz.add_argument("--max-nodes", type=positive_int, default=DEFAULT_MAX_NODES, metavar="N",
                     help="above N nodes draw only the N most central (PageRank) (default: %(default)s)")
    viz.add_argument("--title", help="page heading (default: the graph's file name)")
    viz.set_defaults(func=cmd_viz)

    stats = subparsers.add_parser(
        "stats", help="network statistics: counts, central entities, communities, country flows",
        description="Counts per type and relation, the most central entities (degree, betweenness, "
                    "PageRank), Louvain communities and the in/out strength of each country in the flow network.")
    stats.add_argument("graph", metavar="GRAPH", help=graph_help)
    stats.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    stats.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    stats.add_argument("--top", type=positive_int, default=10, metavar="N",
                       help="entities listed per centrality measure (default: %(default)s)")
    stats.set_defaults(func=cmd_stats)

    path = subparsers.add_parser(
        "path", help="explain how two entities are connected, sentence by sentence",
        description="Find the shortest chain of relations and shared sentences joining A and B (matched by "
                    "label or alias, case-insensitive) and print each hop with its sentence and document.")
    path.add_argument("graph", metavar="GRAPH", help=graph_help)
    path.add_argument("a", metavar="A", help="label of the first entity, e.g. 'Vladimir Putin'")
    path.add_argument("b", metavar="B", help="label of the second entity")
    path.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    path.set_defaults(func=cmd_path)

    network = subparsers.add_parser(
        "network", help="export the entity network as GEXF or GraphML (Gephi, Cytoscape, yEd)",
        description="Write the entity network (entities as nodes; relations, co-mentions, quotations, "
                    "policies and flows as weighted edges) as GEXF or GraphML.")
    network.add_argument("graph", metavar="GRAPH", help=graph_help)
    network.add_argument("--format", choices=("gexf", "graphml"), default="gexf",
                         help="file format (default: %(default)s)")
    network.add_argument("-o", "--output", type=Path, metavar="FILE",
                         help="file to write (default: network.gexf or network.graphml beside GRAPH)")
    network.set_defaults(func=cmd_network)


def _beside(graph: str, name: str) -> Path:
    path = Path(graph)
    return (path if path.is_dir() else path.parent) / name


def _load(graph: str):
    from graph.query import load_graph

    return load_graph(graph)


def _query_terms(rdf, query: str) -> list[str]:
    """IRIs and literal values a SELECT returns, or the subjects and objects a CONSTRUCT returns."""
    from graph.query import resolve_query, run_query

    result = run_query(rdf, resolve_query(query))
    terms: list[str] = []
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        for s, _p, o in result:
            terms.extend((str(s), str(o)))
    elif result.type == "SELECT":
        for row in result:
            terms.extend(str(value) for value in row if value is not None)
    else:
        raise ValueError("--query needs a SELECT, CONSTRUCT or DESCRIBE query")
    return terms


def cmd_viz(args) -> int:
    from graph.analysis import entity_graph, flow_network, subgraph_for
    from graph.build import write_atomic
    from graph.viz import entity_page, flow_page

    rdf = _load(args.graph)
    output = args.output or _beside(args.graph, "flows.html" if args.flows else "graph.html")
    title = args.title or f"migraph: {Path(args.graph).name}" + (" — migration flows" if args.flows else "")
    if args.flows:
        if args.query:
            print("migraph: error: --query and --flows cannot be combined", file=sys.stderr)
            return EXIT_FAILURE
        page = flow_page(flow_network(rdf), title=title)
    else:
        network = entity_graph(rdf)
        if args.query:
            network = subgraph_for(network, _query_terms(rdf, args.query))
            if network.number_of_nodes() == 0:
                print(f"migraph: error: {args.query}: the query selects no entity of the graph", file=sys.stderr)
                return EXIT_FAILURE
        page = entity_page(network, title=title, max_nodes=None if args.all else args.max_nodes)
    write_atomic(output, page.html)
    shown = f"{page.nodes} nodes" if page.nodes == page.total_nodes else f"{page.nodes} of {page.total_nodes} nodes"
    print(f"wrote {output} ({shown}, {page.edges} edges)")
    return EXIT_OK


def cmd_stats(args) -> int:
    from graph.analysis import format_statistics, statistics
    from graph.build import write_atomic

    stats = statistics(_load(args.graph), top=args.top)
    text = (json.dumps(stats, indent=2, ensure_ascii=False) + "\n") if args.format == "json" else (
        format_statistics(stats))
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_path(args) -> int:
    from graph.analysis import NotFound, entity_graph, explain_path, format_path

    network = entity_graph(_load(args.graph))
    try:
        hops = explain_path(network, args.a, args.b)
    except NotFound as error:
        print(f"migraph: error: {args.graph}: {error}", file=sys.stderr)
        return EXIT_FAILURE
    if args.format == "json":
        rows = [{"source": h.source_label, "target": h.target_label, "source_iri": h.source, "target_iri": h.target,
                 "evidence": [{"relation": e.relation, "sentence": e.sentence, "document": e.document}
                              for e in h.evidence]} for h in hops]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_path(hops))
    return EXIT_OK


def cmd_network(args) -> int:
    from graph.analysis import entity_graph, write_network

    network = entity_graph(_load(args.graph))
    output = args.output or _beside(args.graph, f"network.{args.format}")
    write_network(network, args.format, output)
    print(f"wrote {output} ({network.number_of_nodes()} nodes, {network.number_of_edges()} edges)")
    return EXIT_OK
