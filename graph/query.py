"""Running SPARQL over a built graph: canned queries by name, ``.rq`` files or inline text."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

WINDOW = re.compile(r"\bLIMIT\s+(\d+)(?=\s*\}\s*#\s*window\b)", re.IGNORECASE)
"""The window of a canned query: the LIMIT of the sub-select marked ``# window``.

Canned queries that would list or count the whole corpus answer for a bounded set instead (e.g.
at most 100 documents), so they stay fast whatever the size of the store (README.md, "Windows").
"""


class QueryError(Exception):
    """A query that cannot be found, parsed or run; the message says which and why."""


def canned_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERIES_DIR.glob("*.rq"))}


def query_window(sparql: str) -> int | None:
    """The window size a query declares (``LIMIT N }  # window``), or None when it has none."""
    match = WINDOW.search(sparql)
    return int(match.group(1)) if match else None


def set_window(sparql: str, size: int | None) -> str:
    """SPARQL with its window set to SIZE (0 = no window: the whole graph; None = as written)."""
    if size is None:
        return sparql
    if size < 0:
        raise QueryError(f"window size must be 0 (everything) or positive, not {size}")
    return WINDOW.sub("" if size == 0 else f"LIMIT {size}", sparql)


def resolve_query(query: str, *, window: int | None = None) -> str:
    """QUERY is a canned name (``quotes``), a path to a ``.rq`` file, or SPARQL text.

    WINDOW sets the size of a windowed query's window (0 = the whole graph; None = as written).
    """
    return set_window(_resolve_text(query), window)


def _resolve_text(query: str) -> str:
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


def open_source(source: str | Path):
    """A ``graph.store.GraphHandle`` on an RDF file, build folder, Oxigraph store folder or SPARQL endpoint URL.

    Prefer this over ``load_graph`` for querying: stores and endpoints answer without loading into Python.
    """
    from graph.store import StoreError, open_graph

    try:
        return open_graph(source)
    except StoreError as error:
        raise QueryError(str(error)) from error


def load_graph(source: str | Path) -> Graph:
    """The whole graph as an rdflib Graph (union of all documents), from any source ``open_source`` takes."""
    handle = open_source(source)
    try:
        return handle.rdflib_graph()
    except QueryError:
        raise
    except Exception as error:  # network and store errors
        raise QueryError(f"{source}: cannot read graph: {error}") from error
    finally:
        handle.close()


def run_query(graph, sparql: str) -> Result:
    """Run SPARQL on an rdflib Graph/Dataset or a ``graph.store.GraphHandle`` (same Result either way)."""
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
