"""migraph command line: a thin layer over ``graph/`` and ``extractors/``.

``python build_graph.py`` runs ``migraph build`` with its defaults (``seeds/`` into ``out/``).

Exit codes: 0 success; 1 bad input or a failed run (the message names the file and
the problem; nothing is written); 2 wrong usage (argparse).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from datetime import date
from pathlib import Path

from graph.cli_types import positive_int

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

# Further subcommands live next to the code they drive; each module has
# ``register(subparsers)`` that adds its parsers with ``set_defaults(func=...)``.
# Modules are imported to build the parser, so they import heavy libraries lazily.
COMMAND_MODULES: tuple[str, ...] = ("graph.cli_rdf", "graph.cli_viz", "graph.cli_store")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from error


def _add_source_options(parser: argparse.ArgumentParser) -> None:
    from graph.documents import DEFAULT_MAX_BYTES

    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="an installed trained spaCy pipeline to use alongside the rules "
                             "(default: migraph's rule pipeline on spacy.blank('en'))")
    parser.add_argument("--encoding", help="text encoding of the sources (default: UTF-8)")
    parser.add_argument("--max-bytes", type=positive_int, default=DEFAULT_MAX_BYTES,
                        help="largest source file accepted, in bytes (default: %(default)s)")
    parser.add_argument("--keep-going", action="store_true",
                        help="report and skip bad files instead of failing the run")
    parser.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                        help="publication date for sources without a .meta.json sidecar")
    parser.add_argument("--rules-only", action="store_true",
                        help="only the hand-written rules: no flow or policy the learned scorers add (those "
                             "carry mig:confidence; same as MIGRAPH_FLOW_SCORER=0 MIGRAPH_POLICY_SCORER=0)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migraph",
        description="Turn news reports about migration into a provenance-carrying RDF knowledge graph.",
        epilog="Exit codes: 0 success, 1 bad input or failed run, 2 wrong usage.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = sub.add_parser("build", help="extract a graph from article files or folders",
                           description="Extract entities, quotations and provenance from articles "
                                       "and write DIR/graph.ttl and DIR/report.json.")
    build.add_argument("sources", nargs="*", default=["seeds"], metavar="SOURCE",
                       help="article files (.txt, .html, .jsonl[.gz]: one article per line) or folders of "
                            "them (default: seeds)")
    build.add_argument("--out", default="out", type=Path, metavar="DIR",
                       help="output folder (default: %(default)s)")
    _add_source_options(build)
    build.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    build.add_argument("--jobs", type=positive_int, default=1, metavar="N",
                       help="extract with N worker processes (default: %(default)s)")
    build.add_argument("--store", type=Path, metavar="STORE_DIR",
                       help="add the documents to an on-disk Oxigraph store (one named graph per document; "
                            "unchanged documents are skipped, edited ones replaced) instead of building "
                            "graph.ttl in memory; --out then receives report.json only")
    build.add_argument("--mention-spans", action="store_true",
                       help="also record every entity mention as an assertion with its character span and "
                            "surface form (about twice the triples); by default an entity is linked to each "
                            "sentence that names it (mig:mentionedInSentence). A store keeps the model it was "
                            "created with")
    build.add_argument("--no-validate", action="store_true",
                       help="skip the SHACL check of the output (ontology/shapes.ttl); it fails the build on "
                            "violations, or only warns with --keep-going")

    query = sub.add_parser("query", help="run a SPARQL query over a built graph",
                           description="Run a canned query (by name), a .rq file or inline SPARQL.")
    query.add_argument("graph", metavar="GRAPH",
                       help="a graph file (graph.ttl), a build folder, a --store folder or a SPARQL endpoint URL")
    query.add_argument("query", metavar="QUERY", help="canned query name, .rq file, or SPARQL text")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="output format; json is SPARQL 1.1 Query Results JSON (default: table)")
    query.add_argument("--window", type=int, metavar="N",
                       help="size of a canned query's window (the documents, or facts, it answers for; "
                            "0 = the whole graph; default: as written in the query; README: Windows)")

    sub.add_parser("queries", help="list the canned queries")

    evaluate = sub.add_parser("eval", help="score extraction against gold annotations",
                              description="Build the graph of SOURCES and score it against the "
                                          "*.gold.json files in GOLD_DIR.")
    evaluate.add_argument("gold", metavar="GOLD_DIR", type=Path, help="folder of *.gold.json files")
    evaluate.add_argument("sources", nargs="+", metavar="SOURCE", help="the articles the gold describes")
    evaluate.add_argument("--json", type=Path, metavar="FILE", help="also write the scores as JSON")
    _add_source_options(evaluate)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(sub)
    return parser


def cmd_build(args) -> int:
    from graph.build import build, write_outputs

    if args.store is not None:
        return _build_into_store(args)
    result = build(args.sources, model=args.model, encoding=args.encoding, max_bytes=args.max_bytes,
                   keep_going=args.keep_going, published=args.published, progress=not args.quiet,
                   jobs=args.jobs, mention_spans=args.mention_spans)
    for error in result.errors:
        print(f"migraph: skipped {error}", file=sys.stderr)
    paths = write_outputs(result, args.out, validate=not args.no_validate, strict=not args.keep_going)
    if not args.quiet:
        report = result.report()
        counts = ", ".join(f"{v} {k}" for k, v in report["counts"].items())
        print(f"{report['documents']} documents, {report['triples']} triples ({counts})")
        for path in paths.values():
            print(f"wrote {path}")
    return EXIT_OK


def _build_into_store(args) -> int:
    from graph.build import write_atomic
    from graph.ingest import ingest

    result = ingest(args.sources, args.store, model=args.model, encoding=args.encoding, max_bytes=args.max_bytes,
                    keep_going=args.keep_going, published=args.published, jobs=args.jobs, progress=not args.quiet,
                    mention_spans=args.mention_spans)
    for error in result.errors:
        print(f"migraph: skipped {error}", file=sys.stderr)
    report = result.report()
    target = args.out / "report.json"
    write_atomic(target, json.dumps(report, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
    if not args.quiet:
        counts = ", ".join(f"{v} {k}" for k, v in report["counts"].items())
        print(f"{result.added} added, {result.replaced} replaced, {result.unchanged} unchanged; "
              f"store {args.store}: {result.triples} triples ({counts})")
        print(f"wrote {target}")
    return EXIT_OK


def cmd_query(args) -> int:
    from graph.query import format_result, open_source, resolve_query, run_query

    sparql = resolve_query(args.query, window=args.window)
    with open_source(args.graph) as graph:
        sys.stdout.write(format_result(run_query(graph, sparql), args.format))
    return EXIT_OK


def cmd_queries(args) -> int:
    from graph.query import canned_queries

    for name, path in canned_queries().items():
        lines = [ln[1:].strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
        print(f"{name:<12} {' '.join(lines)}")
    return EXIT_OK


def cmd_eval(args) -> int:
    from graph.build import build, write_atomic
    from graph.evaluate import format_table, load_gold_dir, score_corpus
    from graph.predictions import predictions_from_graph

    gold = load_gold_dir(args.gold)
    result = build(args.sources, model=args.model, encoding=args.encoding, max_bytes=args.max_bytes,
                   keep_going=args.keep_going, published=args.published, progress=False)
    predicted = predictions_from_graph(result.graph)
    pairs = []
    for name in sorted(gold):
        if name not in predicted and name not in {d.name for d in result.documents}:
            print(f"migraph: no source given for gold document {name}", file=sys.stderr)
            return EXIT_FAILURE
        pairs.append((predicted.get(name, {"document": name}), gold[name]))
    scores = score_corpus(pairs)
    print(format_table(scores))
    if args.json:
        write_atomic(args.json, json.dumps(scores, indent=2).encode("utf-8") + b"\n")
    return EXIT_OK


COMMANDS = {"build": cmd_build, "query": cmd_query, "queries": cmd_queries, "eval": cmd_eval}


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if argv is None and len(sys.argv) <= 1 and Path(sys.argv[0]).name == "build_graph.py":
            args = parser.parse_args(["build"])  # `python build_graph.py` = `migraph build`
        else:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
    from graph.documents import InputError
    from graph.query import QueryError
    from graph.store import StoreError

    if getattr(args, "rules_only", False):  # before any extraction; worker processes inherit the environment
        os.environ["MIGRAPH_FLOW_SCORER"] = os.environ["MIGRAPH_POLICY_SCORER"] = "0"
    try:
        handler = COMMANDS.get(args.command) or args.func
        return handler(args)
    except (InputError, QueryError, StoreError, ValueError) as error:
        print(f"migraph: error: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("migraph: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
