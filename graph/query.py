"""Running SPARQL over a built graph: canned queries by name, ``.rq`` files or inline text."""

from __future__ import annotations

import io
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


class QueryError(Exception):
    """A query that cannot be found, parsed or run; the message says which and why."""


def canned_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def resolve_query(query: str) -> str:
    """QUERY is a canned name (``quotes``), a path to a ``.rq`` file, or SPARQL text."""
    canned = canned_queries()
    if query in canned:
        return canned[query].read_text(encoding="utf-8")
    path = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{query}: cannot read query file: {error}") from error
    if any(word in query.upper() for word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return query
    names = ", ".join(canned) or "none"
    raise QueryError(f"{query!r} is neither a canned query ({names}), a .rq file, nor SPARQL")


def load_graph(source: str | Path) -> Graph:
    """A graph from a Turtle/N-Triples/... file, or a build folder holding graph.ttl."""
    path = Path(source)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise QueryError(f"{source}: no graph file there (expected a .ttl file or a folder with graph.ttl)")
    from rdflib.util import guess_format

    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as error:  # rdflib raises many parser-specific types
        raise QueryError(f"{path}: cannot parse graph: {error}") from error
    return graph


def run_query(graph: Graph, sparql: str) -> Result:
    try:
        return graph.query(sparql)
    except Exception as error:  # pyparsing and rdflib evaluation errors
        raise QueryError(f"query failed: {error}") from error


def format_result(result: Result, fmt: str) -> str:
    """table | csv | json (SPARQL 1.1 Query Results JSON) | turtle for CONSTRUCT/DESCRIBE."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="turtle" if fmt in ("table", "turtle") else fmt).decode("utf-8")
    if result.type == "ASK":
        if fmt == "json":
            return result.serialize(format="json").decode("utf-8")
        return "true" if result.askAnswer else "false"
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if fmt == "csv":
        return result.serialize(format="csv").decode("utf-8")
    return format_table(result)


def rows_as_dicts(result: Result) -> list[dict[str, str | None]]:
    names = [str(v) for v in result.vars]
    return [
        {name: (None if value is None else str(value)) for name, value in zip(names, row, strict=False)}
        for row in result
    ]


def format_table(result: Result, max_width: int = 60) -> str:
    names = [str(v) for v in result.vars]
    rows = [["" if v is None else str(v) for v in row] for row in result]

    def cell(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    table = [names] + [[cell(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(names))]
    out = io.StringIO()
    for n, row in enumerate(table):
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() + "\n")
        if n == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    out.write(f"({len(rows)} rows)\n")
    return out.getvalue()
