"""A read-only SPARQL 1.1 Protocol endpoint over a built graph (``migraph serve``).

Why it is built this way:

- HTTP is handled by werkzeug (request parsing, form decoding, Accept negotiation, the
  threaded WSGI server); this module only maps SPARQL Protocol requests to queries.
- The graph lives behind a small interface, :class:`QueryBackend` (``query(sparql) -> Result``);
  ``graph.store``'s handles (rdflib files, build folders, Oxigraph stores) provide it.
- Every query is checked before it runs (:func:`check_query`): syntax errors are a 400 with the
  parser's message, SPARQL Update is refused (403, the endpoint is read-only) and ``SERVICE``
  is refused (400) whatever the backend.
- Every query runs in a forked child process (:class:`ForkExecutor`) that inherits the loaded
  graph copy-on-write. The child installs an audit hook that refuses any socket connection,
  name lookup, URL request or subprocess, and turns off rdflib's fetching of ``FROM`` graphs,
  so a query can reach no network. The parent waits at most the time limit and then *kills*
  the child: a runaway query really stops (a thread could only be abandoned) and cannot take
  the server's memory with it. The child also enforces the result-size cap and serialises the
  result, so only the finished bytes cross the pipe. Forking costs a few milliseconds per query
  (more for a very large graph, whose page tables are copied).
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_WORKERS = 2
DEFAULT_MAX_MEMORY_MB = 2048
MAX_REQUEST_BYTES = 1_000_000

# Media types offered per kind of result, preferred first; value = serializer name.
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/x-turtle": "turtle",
    "text/plain": "nt",
    "application/json": "json-ld",
}
# The informal ``format=`` / ``output=`` parameters some clients (SPARQLWrapper) also send.
FORMAT_ALIASES: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", ""),
    "tsv": ("text/tab-separated-values", ""),
    "turtle": ("", "text/turtle"),
    "ttl": ("", "text/turtle"),
    "n3": ("", "text/turtle"),
    "nt": ("", "application/n-triples"),
    "ntriples": ("", "application/n-triples"),
    "json-ld": ("", "application/ld+json"),
    "jsonld": ("", "application/ld+json"),
    "rdf+xml": ("", "application/rdf+xml"),
}

BLOCKED_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "socket.sendmsg", "urllib.Request", "subprocess.Popen", "os.system", "os.exec",
    "os.posix_spawn", "os.spawn", "ftplib.connect", "smtplib.connect", "http.client.connect",
})


class QueryBackend(Protocol):
    """What the endpoint needs from a graph: run one read-only SPARQL query."""

    description: str
    """One line for the start-up message, e.g. 'out/graph.ttl (2257 triples)'."""

    def query(self, sparql: str):
        """Run a SPARQL query; return an ``rdflib.query.Result`` (SELECT, ASK, CONSTRUCT, DESCRIBE)."""


class RdflibBackend:
    """An in-memory rdflib Graph or Dataset loaded from a graph file or build folder."""

    def __init__(self, graph, description: str = "graph"):
        self.graph = graph
        self.description = description

    @classmethod
    def load(cls, source: str | Path) -> RdflibBackend:
        """A graph file or build folder; a TriG/N-Quads file is served as a dataset whose default
        graph is the union of its named graphs (``GRAPH ?g`` reaches each document's graph)."""
        from rdflib import Dataset

        from graph.export import load_input

        graph = load_input(source)
        if isinstance(graph, Dataset):
            graph.default_union = True
            named = sum(1 for g in graph.graphs() if len(g))
            return cls(graph, f"{source} ({len(graph)} quads in {named} graphs)")
        return cls(graph, f"{source} ({len(graph)} triples)")

    def query(self, sparql: str):
        return self.graph.query(sparql)


class HandleBackend:
    """Any ``graph.store.GraphHandle`` (rdflib file, build folder, Oxigraph store) as a backend."""

    def __init__(self, handle, description: str):
        self.handle = handle
        self.description = description

    def query(self, sparql: str):
        return self.handle.query(sparql)


def open_backend(source: str | Path) -> QueryBackend:
    """A backend for a graph file (.ttl, .nt, .trig, .nq), a build folder or an Oxigraph store folder.

    TriG/N-Quads files and stores keep one named graph per document; their default graph is the
    union, so ``GRAPH ?g`` reaches each document's graph and plain patterns see every fact.
    """
    from graph.query import QueryError, open_source
    from graph.store import is_url

    if is_url(source):
        raise QueryError(f"{source}: already a SPARQL endpoint; serve a graph file, build folder or store")
    handle = open_source(source)
    try:
        size = f"{handle.triple_count()} triples"
    except Exception as error:  # a store that cannot answer is reported before serving
        raise QueryError(f"{source}: cannot query: {error}") from error
    return HandleBackend(handle, f"{handle.location} ({handle.kind}, {size})")


class EndpointError(Exception):
    """An answer other than a result: HTTP status and a message for the client."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _walk(node):
    """Every node of a pyparsing/rdflib parse tree (CompValue is a dict, ParseResults a sequence)."""
    from pyparsing import ParseResults

    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _walk(value)


def check_query(sparql: str) -> str:
    """Parse a query; return its form (SelectQuery, AskQuery, ConstructQuery, DescribeQuery).

    Raises EndpointError: 400 with the parser's message for malformed queries, 403 for
    SPARQL Update, 400 for SERVICE (federation would reach other servers).
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(sparql)
    except ParseException as error:
        try:
            update = parseUpdate(sparql)
        except Exception:
            update = None
        if update is None or "request" not in update:  # the empty string is an empty Update
            raise EndpointError(400, f"malformed query: {error}") from error
        raise EndpointError(403, "SPARQL Update is refused: this endpoint is read-only") from error
    except Exception as error:  # rdflib raises plain exceptions for some prologue errors
        raise EndpointError(400, f"malformed query: {error}") from error
    for node in _walk(parsed):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise EndpointError(400, "SERVICE is refused: this endpoint does not query other servers")
    try:
        query = translateQuery(parsed)
    except Exception as error:  # scoping and aggregate errors are found during translation
        raise EndpointError(400, f"malformed query: {error}") from error
    return query.algebra.name


def _deny_network(event: str, args) -> None:
    if event in BLOCKED_EVENTS:
        raise PermissionError(f"network and process access are disabled while a query runs ({event})")


def install_network_guard() -> None:
    """Refuse sockets, URL requests and subprocesses from now on in this process (irreversible)."""
    import rdflib.plugins.sparql as sparql_config

    sparql_config.SPARQL_LOAD_GRAPHS = False  # FROM <iri> names a graph of the dataset, never a URL
    sys.addaudithook(_deny_network)


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB
    """Address space a query may add to the process (RLIMIT_AS in the child); None: no limit."""


def limit_memory(extra_mb: int | None) -> None:
    """Cap this process's address space at its current size plus ``extra_mb`` (Linux; else no-op)."""
    if extra_mb is None:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * resource.getpagesize()
        limit = current + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ImportError, OSError, ValueError):
        pass


def _tsv_term(term) -> str:
    from rdflib import Literal

    if term is None:
        return ""
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return term.n3()


def serialize_result(result, fmt: str) -> bytes:
    """Serialise a query result; fmt is a value of RESULT_TYPES or GRAPH_TYPES."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if fmt == "json-ld":
            from graph.export import jsonld_bytes

            return jsonld_bytes(result.graph)
        return result.graph.serialize(format=fmt, encoding="utf-8")
    if fmt in ("csv", "tsv") and result.type == "ASK":
        return f"_askResult\n{'true' if result.askAnswer else 'false'}\n".encode()
    if fmt == "tsv":  # rdflib has no TSV writer; SPARQL 1.1 TSV = N-Triples terms, tab-separated
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(_tsv_term(b.get(v)) for v in result.vars) for b in result.bindings]
        return ("\n".join(lines) + "\n").encode("utf-8")
    return result.serialize(format=fmt, encoding="utf-8")


def _result_size(result) -> int:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return len(result.graph)
    if result.type == "ASK":
        return 1
    return len(result.bindings)


def run_query_in_child(backend: QueryBackend, sparql: str, fmt: str, limits: Limits, conn) -> None:
    """Body of the forked worker: guard, evaluate, cap, serialise, send (status, bytes)."""
    max_rows = limits.max_rows
    try:
        install_network_guard()
        limit_memory(limits.max_memory_mb)
        result = backend.query(sparql)
        size = _result_size(result)
        if size > max_rows:
            unit = "triples" if result.type in ("CONSTRUCT", "DESCRIBE") else "rows"
            conn.send((422, f"the result has {size} {unit}, more than this endpoint's cap of {max_rows}; "
                            "add LIMIT or narrow the query".encode()))
            return
        conn.send((200, serialize_result(result, fmt)))
    except PermissionError as error:
        conn.send((400, f"query refused: {error}".encode()))
    except MemoryError:
        conn.send((503, f"the query needed more than this endpoint's memory limit of {limits.max_memory_mb} MB "
                        "and was stopped; narrow it or add LIMIT".encode()))
    except Exception as error:  # rdflib evaluation errors are caused by the query
        conn.send((400, f"query could not be evaluated: {type(error).__name__}: {error}".encode()))
    finally:
        conn.close()


class ForkExecutor:
    """Runs each query in a forked child with a hard time limit; at most ``workers`` at once."""

    def __init__(self, backend: QueryBackend, limits: Limits, workers: int = DEFAULT_WORKERS):
        if "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("migraph serve needs the 'fork' start method (Linux or macOS)")
        self.backend = backend
        self.limits = limits
        self.context = multiprocessing.get_context("fork")
        self.slots = threading.BoundedSemaphore(workers)

    def run(self, sparql: str, fmt: str) -> bytes:
        timeout = self.limits.timeout
        if not self.slots.acquire(timeout=timeout):
            raise EndpointError(503, "the endpoint is busy with other queries; try again later")
        try:
            receiver, sender = self.context.Pipe(duplex=False)
            child = self.context.Process(target=run_query_in_child, daemon=True,
                                         args=(self.backend, sparql, fmt, self.limits, sender))
            child.start()
            sender.close()
            try:
                if not receiver.poll(timeout):
                    child.kill()
                    raise EndpointError(503, f"the query exceeded the time limit of {timeout:g} s and was "
                                             "stopped; narrow it or add LIMIT")
                try:
                    status, body = receiver.recv()
                except EOFError:
                    child.join(5)
                    raise EndpointError(500, f"the query worker died (exit code {child.exitcode})") from None
            finally:
                receiver.close()
                child.join(5)
                if child.is_alive():
                    child.kill()
                    child.join()
        finally:
            self.slots.release()
        if status != 200:
            raise EndpointError(status, body.decode("utf-8"))
        return body


def negotiate(request: Request, form: str) -> tuple[str, str]:
    """(media type, serializer) for a query form from Accept (or format=/output=); 406 if none fits."""
    graph_result = form in ("ConstructQuery", "DescribeQuery")
    offered = GRAPH_TYPES if graph_result else RESULT_TYPES
    accept = request.accept_mimetypes
    alias = request.values.get("format") or request.values.get("output")
    if alias and (not accept or accept.best == "*/*"):  # an explicit Accept header wins
        key = alias.strip().lower()
        mime = key if key in offered else FORMAT_ALIASES.get(key, ("", ""))[1 if graph_result else 0]
        if mime in offered:
            return mime, offered[mime]
    if not accept:
        mime = next(iter(offered))
        return mime, offered[mime]
    mime = accept.best_match(list(offered))
    if mime is None:
        raise EndpointError(406, f"cannot answer this query as {request.headers.get('Accept')}; "
                                 f"available: {', '.join(offered)}")
    return mime, offered[mime]


HELP = """migraph SPARQL endpoint (read-only, SPARQL 1.1 Protocol).
Send a query as GET /sparql?query=..., or POST /sparql with a form field 'query' or with
Content-Type: application/sparql-query. SELECT/ASK answer in SPARQL results JSON, XML, CSV or TSV;
CONSTRUCT/DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML, chosen by the Accept header.
"""


class SparqlApp:
    """The WSGI application: SPARQL 1.1 Protocol query operation over one backend."""

    def __init__(self, backend: QueryBackend, limits: Limits = Limits(), workers: int = DEFAULT_WORKERS):
        self.backend = backend
        self.limits = limits
        self.executor = ForkExecutor(backend, limits, workers)

    def __call__(self, environ, start_response):
        request = Request(environ)
        request.max_content_length = MAX_REQUEST_BYTES
        request.max_form_memory_size = MAX_REQUEST_BYTES
        try:
            response = self.dispatch(request)
        except EndpointError as error:
            response = Response(error.message + "\n", status=error.status, mimetype="text/plain")
        except RequestEntityTooLarge:
            response = Response(f"request larger than {MAX_REQUEST_BYTES} bytes\n", status=413,
                                mimetype="text/plain")
        except HTTPException as error:
            response = error.get_response(environ)
        except Exception:  # a bug in migraph: say so, keep serving
            traceback.print_exc()
            response = Response("internal error in the endpoint\n", status=500, mimetype="text/plain")
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        if request.path not in ("/", "/sparql"):
            raise EndpointError(404, f"no such resource {request.path}; the endpoint is /sparql")
        sparql = self.query_text(request)
        if sparql is None:
            if request.method == "GET" and not request.args:
                return Response(HELP, mimetype="text/plain")
            raise EndpointError(400, "no query: pass 'query' as a URL or form parameter, or POST "
                                     "application/sparql-query")
        if request.values.getlist("default-graph-uri") or request.values.getlist("named-graph-uri"):
            raise EndpointError(400, "default-graph-uri and named-graph-uri are not supported; "
                                     "use FROM / FROM NAMED in the query")
        form = check_query(sparql)
        mime, fmt = negotiate(request, form)
        body = self.executor.run(sparql, fmt)
        charset = "" if fmt in ("xml",) else "; charset=utf-8"
        response = Response(body, status=200, content_type=mime + charset)
        response.vary.add("Accept")
        return response

    def query_text(self, request: Request) -> str | None:
        if request.method == "GET" or request.method == "HEAD":
            if "update" in request.args:
                raise EndpointError(403, "SPARQL Update is refused: this endpoint is read-only")
            queries = request.args.getlist("query")
        elif request.method == "POST":
            mimetype = request.mimetype
            if mimetype == "application/sparql-update":
                raise EndpointError(403, "SPARQL Update is refused: this endpoint is read-only")
            if mimetype == "application/sparql-query":
                return request.get_data(as_text=True)
            if mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
                if "update" in request.form:
                    raise EndpointError(403, "SPARQL Update is refused: this endpoint is read-only")
                queries = request.form.getlist("query")
            else:
                raise EndpointError(415, f"unsupported Content-Type {mimetype or '(none)'}; use "
                                         "application/sparql-query or application/x-www-form-urlencoded")
        else:
            raise EndpointError(405, f"method {request.method} not allowed; use GET or POST")
        if len(queries) > 1:
            raise EndpointError(400, "more than one 'query' parameter")
        return queries[0] if queries else None


def make_server(backend: QueryBackend, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                limits: Limits = Limits(), workers: int = DEFAULT_WORKERS, quiet: bool = False):
    """A threaded werkzeug server for the endpoint; port 0 picks a free port (``server.server_port``)."""
    from werkzeug.serving import WSGIRequestHandler
    from werkzeug.serving import make_server as werkzeug_server

    handler = WSGIRequestHandler
    if quiet:
        class QuietHandler(WSGIRequestHandler):
            def log_request(self, *args, **kwargs) -> None:
                pass

        handler = QuietHandler
    return werkzeug_server(host, port, SparqlApp(backend, limits, workers), threaded=True,
                           request_handler=handler)
