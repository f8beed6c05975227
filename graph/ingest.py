"""Streaming, parallel extraction into per-document graphs, and incremental ingestion into a store.

Documents are read one at a time (``graph.documents.iter_documents``), sent to ``jobs`` worker
processes that each load the spaCy pipeline once, and come back as compact N-Triples bytes —
never as spaCy Docs — with a few counts. At most ``WINDOW_PER_JOB * jobs`` documents are in
flight, so memory stays bounded whatever the corpus size; results arrive in input order, so
the output does not depend on ``jobs``.

``ingest`` writes each document into its own named graph of a :class:`graph.store.DocumentStore`:
a document already there (same content hash) is skipped before extraction, an edited one
(same file name / JSON Lines id, new hash) replaces its previous version.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph.documents import DEFAULT_MAX_BYTES, Document, InputError, iter_documents

WINDOW_PER_JOB = 256
"""Documents in flight per worker: enough queued work to keep the workers busy while the main thread waits for
the store's writer thread (it waits only when a whole batch is already queued behind the one being written,
about 6 s per 640,000-quad batch in the full-corpus build, where 16 per worker kept them busy for only 0.3 s).
Results are N-Triples bytes of about 100 kB, so 512 in flight hold some 50 MB."""
TASK_DOCS = 8
"""Documents sent to a worker as one task. One task per document cost the main process about 2.5 ms of CPU per
document with 2 workers (the pool's task and result threads and the main thread taking turns on the GIL: some
30,000-75,000 voluntary context switches per 400 articles), CPU the workers then lacked on a 2-core machine; 8 per
task cut it to about 0.8 ms (400 corpus articles: 1.0-2.3 CPU-s -> 0.26-0.49; 2 -> 0.68, 4 -> 0.40). At most 7
documents of work are left on one worker at the end of a run."""
WORKER_MAX_DOCS = 6000
"""Documents per worker process before it is replaced: spaCy's vocabulary grows with every new word, so a
worker that lived through the whole corpus would keep growing; a fresh one costs about 5.6 CPU-s (imports,
loading the pipeline's lexicons, warm-up). Measured on corpus articles, one worker's RSS is 407 MB loaded,
504 MB after 2,000 documents and 557 MB after 6,000 (the growth slows as fewer words are new), so 6,000 costs
about 50 MB a worker and saves two of every three restarts (about 20 per full-corpus build at 2,000)."""


@dataclass
class Extracted:
    """One document's extraction result, small enough to send between processes."""

    document: Document
    graph_iri: str
    ntriples: bytes
    kinds: dict[str, int]
    words: int


@dataclass
class Failed:
    """A document whose extraction raised; reported and skipped with --keep-going."""

    document: Document
    problem: str


def extract_ntriples(nlp, document: Document, *, mention_spans: bool = False) -> Extracted:
    """Pipeline + extractors + RDF for one document, serialised as sorted N-Triples."""
    from graph.build import document_kinds, extract_document
    from graph.rdf import DocumentWriter, NTriplesLines, graph_iri

    assertions, quotations = extract_document(nlp, document)
    lines = NTriplesLines()  # N-Triples text written directly: no rdflib term or store per triple
    DocumentWriter(lines, document, mention_spans=mention_spans).write_all(assertions, quotations)
    return Extracted(document=_without_text(document), graph_iri=str(graph_iri(document)),
                     ntriples=lines.ntriples(), kinds=document_kinds(assertions, quotations),
                     words=word_count(document.text))


_SPACE_TABLE: list = []  # [numpy bool array: whether each UTF-16 code unit is white space], made on first use


def word_count(text: str) -> int:
    """``len(text.split())`` without a string per word (a third of the RDF step's cost besides the lines): the white
    space runs read from the text's UTF-16 code units in numpy. ``str.split`` splits at the characters for which
    ``str.isspace`` is true, all below U+10000; a code point above is two surrogate units, neither white space, so the
    runs are the same. (Lone surrogates, which a str may hold, are written as themselves: ``surrogatepass``.)"""
    import numpy

    if not text:
        return 0
    if not _SPACE_TABLE:
        _SPACE_TABLE.append(numpy.array([chr(c).isspace() for c in range(0x10000)]))
    units = numpy.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=numpy.uint16)
    space = _SPACE_TABLE[0].take(units)
    # a word starts at the first unit if it is no space, and wherever a space is followed by no space
    return int(numpy.count_nonzero(space[:-1] > space[1:])) + (not space[0])


def _without_text(document: Document) -> Document:
    """The document's metadata only: the text is not needed once extracted, so it is not shipped back.

    ``dataclasses.replace(document, text="")`` without its walk over the fields and the frozen class's
    ``object.__setattr__`` per field (some 20 microseconds a document in the worker, its code no longer in the caches
    after an extraction): a copy of the instance's attributes."""
    kept = object.__new__(Document)
    kept.__dict__.update(document.__dict__, text="")
    return kept


_WORKER_NLP = None
_WORKER_MENTION_SPANS = False


def _init_worker(model: str | None, mention_spans: bool = False) -> None:
    """Load the pipeline once per worker process and warm its lazy resources on a short text.

    The lookup-lemma tables the person and event rules load on first use (a few tenths of a second each) are loaded
    here too, not in the middle of some document. Then everything loaded so far is moved out of the garbage
    collector's sight (``gc.freeze``): the pipeline, lexicons and gazetteer live as long as the worker and hold no
    garbage, and each full collection walked all of them again (about 0.25 CPU-s per 400 articles)."""
    global _WORKER_NLP, _WORKER_MENTION_SPANS
    import gc

    from extractors.events import _lemma_table
    from extractors.names import _lemma_lookup
    from extractors.pipeline import build_pipeline
    from graph.documents import make_document

    _WORKER_NLP = build_pipeline(model)
    _WORKER_MENTION_SPANS = mention_spans
    warm = make_document("warm-up", "Warm-up\n\n\"We are ready,\" said John Smith, a minister of France.", Path("-"))
    extract_ntriples(_WORKER_NLP, warm)
    _lemma_lookup()
    _lemma_table()
    gc.collect()
    gc.freeze()


def _work(document: Document) -> Extracted | Failed:
    """One document, with the cyclic garbage collector paused while it is extracted (``_collector_paused``)."""
    with _collector_paused():
        try:
            return extract_ntriples(_WORKER_NLP, document, mention_spans=_WORKER_MENTION_SPANS)
        except Exception as error:  # one bad document must not end a long run
            return Failed(document=_without_text(document),
                          problem=f"extraction failed: {type(error).__name__}: {error}")


@contextmanager
def _collector_paused():
    """The cyclic garbage collector off for the block (if it was on), on again after.

    A document's extraction holds thousands of young container objects at a time (token lists, spans, tuples), so
    the collector still ran in the middle of it about once every four documents once a finished document left no
    garbage (``release_spans``): it walked them all and carried the survivors into the older generations, whose
    collections walked them again (400 corpus articles: 0.05-0.08 CPU-s of collections; paused, 0.01-0.03). Paused,
    its count of young objects still grows, so it runs at the first allocation after the block if the document left
    700 more objects than it freed, over what is left: the few objects kept in caches, and whatever reference cycles
    the extraction did make (all young, so collected then). A worker's peak memory over 3,000 corpus articles:
    591 MiB before this and ``release_spans``, 549 MiB after."""
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _work_batch(documents: list[Document]) -> list[Extracted | Failed]:
    """One pool task: several documents, each extracted (or failed) on its own."""
    return [_work(document) for document in documents]


def extract_stream(documents: Iterable[Document], *, model: str | None = None, jobs: int = 1,
                   mention_spans: bool = False) -> Iterator[Extracted | Failed]:
    """Extract every document, in input order, with ``jobs`` processes (1 = in this process)."""
    if jobs <= 1:
        _init_worker(model, mention_spans)
        for document in documents:
            yield _work(document)
        return
    with worker_pool(jobs, model, mention_spans) as pool:
        yield from run_windowed(pool, documents, WINDOW_PER_JOB * jobs)


def worker_pool(jobs: int, model: str | None = None, mention_spans: bool = False):
    """A process pool whose workers each load the pipeline once.

    Workers start from a fork server ('spawn' where there is none), not forked from this process: a worker that
    replaces a retired one (``WORKER_MAX_DOCS``) would otherwise start as a copy of a main process that holds
    the store writer's batches, every page of it counted again in that worker's resident memory.
    """
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker, initargs=(model, mention_spans),
                                                    maxtasksperchild=max(1, WORKER_MAX_DOCS // TASK_DOCS))


def run_windowed(pool, documents: Iterable[Document], window: int,
                 task_docs: int = TASK_DOCS) -> Iterator[Extracted | Failed]:
    """Results in input order with at most about WINDOW documents in flight (``Pool.imap`` would read all input
    ahead), sent to the workers TASK_DOCS at a time."""
    pending: deque = deque()
    most = max(1, window // task_docs)
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) < task_docs:
            continue
        pending.append(pool.apply_async(_work_batch, (batch,)))
        batch = []
        if len(pending) >= most:
            yield from pending.popleft().get()
    if batch:
        pending.append(pool.apply_async(_work_batch, (batch,)))
    while pending:
        yield from pending.popleft().get()


def unique_documents(documents: Iterable[Document], seen: set[str]) -> Iterator[Document]:
    """Drop repeated texts (same content hash): one document node per text."""
    for document in documents:
        if document.sha256 not in seen:
            seen.add(document.sha256)
            yield document


def progress_bar(iterable, *, enabled: bool, total: int | None = None, desc: str = "extracting"):
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, unit="doc", total=total, disable=None, smoothing=0.1)


@dataclass
class IngestResult:
    """What an ingestion did: counts for report.json and the summary line."""

    store: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)
    per_document: dict[str, dict[str, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def report(self) -> dict:
        return {
            "store": self.store,
            "documents": self.added + self.replaced + self.unchanged,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "words_extracted": self.words,
            "triples": self.triples,
            "counts": dict(sorted(self.counts.items())),
            "per_document": dict(sorted(self.per_document.items())),
            "errors": [{"file": e.path, "problem": e.problem} for e in self.errors],
            "timings_seconds": {k: round(v, 3) for k, v in self.timings.items()},
        }


def ingest(sources: list[str | Path], store_path: str | Path, *, model: str | None = None,
           encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, keep_going: bool = False,
           published: date | None = None, jobs: int = 1, progress: bool = False,
           mention_spans: bool = False) -> IngestResult:
    """Add SOURCES to the store at STORE_PATH, one named graph per document; see the module docstring.

    ``mention_spans`` (each mention as an assertion with its span) is fixed when the store is created: every
    document of a store has the same mention model, so counts and queries mean the same across it.
    """
    from graph.store import DocumentStore

    started, cpu_started, thread_cpu_started = time.perf_counter(), time.process_time(), time.thread_time()
    result = IngestResult(store=str(store_path))
    with DocumentStore(store_path, mention_spans=mention_spans) as store:
        seen: set[str] = set()
        stream = unique_documents(iter_documents(sources, encoding=encoding, max_bytes=max_bytes, published=published,
                                                 keep_going=keep_going, errors=result.errors), seen)

        def new_only(documents: Iterable[Document]) -> Iterator[Document]:
            from graph.rdf import graph_iri

            for document in documents:
                if store.has_graph(str(graph_iri(document))):
                    result.unchanged += 1  # same content already stored: nothing to extract or write
                else:
                    yield document

        load_seconds = 0.0
        extracted = extract_stream(new_only(stream), model=model, jobs=jobs, mention_spans=mention_spans)
        for item in progress_bar(extracted, enabled=progress):
            if isinstance(item, Failed):
                error = InputError(item.document.path, item.problem)
                if not keep_going:
                    raise error
                result.errors.append(error)
                continue
            t = time.perf_counter()
            outcome = store.put(item.graph_iri, item.document.name, item.ntriples)
            load_seconds += time.perf_counter() - t  # waiting for the store: the writer thread is a batch behind
            if outcome == "added":
                result.added += 1
            elif outcome == "replaced":
                result.replaced += 1
            else:
                result.unchanged += 1
            result.words += item.words
            result.per_document[item.document.name] = item.kinds
        if not seen and not result.errors:
            raise InputError(", ".join(str(s) for s in sources), "no usable documents")
        result.timings["extract_and_store"] = time.perf_counter() - started
        result.timings["store_writes"] = load_seconds
        t = time.perf_counter()
        store.flush()
        result.timings["store_last_batch"] = time.perf_counter() - t
        result.timings["store_bulk_load"] = store.load_seconds  # in the writer thread, overlapping extraction
        # CPU of this process (workers not included): the main thread reads, hashes and hands out documents (and
        # extracts them with --jobs 1); the rest is the store (bulk loader threads, RocksDB compaction).
        result.timings["main_process_cpu"] = time.process_time() - cpu_started
        result.timings["main_thread_cpu"] = time.thread_time() - thread_cpu_started
        t = time.perf_counter()
        result.triples = len(store)
        result.counts = class_counts(store)
        result.timings["count"] = time.perf_counter() - t
    result.timings["total"] = time.perf_counter() - started
    return result


def class_counts(store) -> dict[str, int]:
    """Distinct instances per mig: class over the whole store (the union of document graphs)."""
    from graph.vocab import MIG

    rows = store.query("SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t")
    counts: Counter = Counter()
    for t, n in rows:
        if str(t).startswith(str(MIG)):
            counts[str(t)[len(str(MIG)):]] = int(n)
    return dict(sorted(counts.items()))
