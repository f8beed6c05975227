"""Scale benchmarks for migraph: extraction throughput, end-to-end store builds, SPARQL latency, load/export.

Run ``.venv/bin/python -m bench`` (or ``bench/run.py``); figures go to ``bench/RESULTS.md`` and
``bench/results.json``. Articles come from ``/work/shared/corpus/news-37k.jsonl.gz`` (override with
``--corpus``); they are read into memory or temporary files only, never into the repository.

1. throughput — words/s of the full pipeline (spaCy + rules + every extractor + RDF for the
   document) against bare ``spacy.blank("en")`` tokenisation of the same texts in the same run,
   with 1 and 2 worker processes (pool start-up and pipeline loading excluded);
2. build — ``migraph build CORPUS --store DIR --jobs N`` end to end as a subprocess: wall time,
   peak RSS summed over the process tree, triples; ``--build-limit`` articles (0 = all, only
   after an estimate from the throughput run says it fits ``--max-minutes``);
3. queries — every canned query, median latency on the Oxigraph store and on rdflib in memory
   (same ``--query-limit`` articles), and on the full build's store when there is one;
4. load/export — parse and serialise Turtle and N-Triples with rdflib and pyoxigraph.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = Path("/work/shared/corpus/news-37k.jsonl.gz")
CORPUS_ARTICLES = 37538
SCALING_ROUNDS = 3
"""Alternating rounds of the 1- and 2-worker throughput runs (their median ratio is the scaling figure)."""


def read_articles(corpus: Path, limit: int, offset: int = 0) -> list[dict]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in itertools.islice(handle, offset, offset + limit)]


def write_subset(corpus: Path, limit: int, target: Path) -> int:
    """The first LIMIT lines of the corpus as a temporary .jsonl.gz (0 = the corpus itself)."""
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(target, "wt", encoding="utf-8") as dst:
        n = 0
        for line in itertools.islice(src, limit or None):
            dst.write(line)
            n += 1
    return n


def load_average() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


# --------------------------------------------------------------------------- 1. throughput


def bench_throughput(corpus: Path, limit: int, jobs_list: list[int]) -> dict:
    import spacy

    from graph.documents import make_document
    from graph.ingest import WINDOW_PER_JOB, _work, run_windowed, worker_pool

    articles = read_articles(corpus, limit, offset=1000)  # away from the articles used in the profiling
    docs = [make_document(str(a["id"]), a["text"], Path(str(a["id"])), title=a.get("title"), headline=True)
            for a in articles]  # the texts a build reads: the headline first
    words = sum(len(d.text.split()) for d in docs)
    blank = spacy.blank("en")
    for d in docs:
        blank(d.text)  # vocabulary filled, as the pipeline's is after its warm-up
    # The pipeline and extractors alone (no RDF), in this process: what the extraction-speed target measures,
    # in wall time, taking turns with bare tokenisation slice by slice so both see the same machine.
    from extractors.pipeline import _flush_tokenizer_cache
    from graph.build import extract_document
    from graph.ingest import _init_worker as warm_worker
    warm_worker(None)
    import graph.ingest as ingest_module
    for d in docs:
        extract_document(ingest_module._WORKER_NLP, d)  # its vocabulary filled with these texts' words too
    _flush_tokenizer_cache(blank)
    _flush_tokenizer_cache(ingest_module._WORKER_NLP)
    blank_seconds, seconds = _interleaved_pass(docs, lambda d: blank(d.text),
                                               lambda d: extract_document(ingest_module._WORKER_NLP, d),
                                               clock=time.perf_counter)
    result = {"articles": len(docs), "words": words, "blank_words_per_s": words / blank_seconds,
              "load_before": load_average(), "runs": {}}
    result["extract_only"] = {"seconds": seconds, "words_per_s": words / seconds,
                              "ratio_to_blank": (words / seconds) / result["blank_words_per_s"]}
    print(f"  throughput extraction only: {words / seconds:,.0f} words/s, "
          f"ratio {result['extract_only']['ratio_to_blank']:.3f}", flush=True)
    # Each worker count runs as a pool of that many workers (1 included, so both sides pay the same hand-over to
    # workers), started and warmed before timing. Each round gives both pools the same slice of documents that
    # neither has read before: a worker meets new words as it would in a real build. (Until 2026-11-29 the 1-job
    # side ran in this process on the 400 documents its vocabulary had already read, against workers that had
    # not: that compared a warm process with cold ones and understated the scaling.) The ratio is the median of
    # the rounds' ratios; who goes first alternates.
    import statistics

    seconds_by_jobs: dict[int, list[float]] = {jobs: [] for jobs in jobs_list}
    failures_by_jobs: dict[int, int] = {jobs: 0 for jobs in jobs_list}
    slice_size = max(1, limit // 2)
    fresh = read_articles(corpus, slice_size * SCALING_ROUNDS, offset=1000 + limit)
    slices = [[make_document(str(a["id"]), a["text"], Path(str(a["id"])), title=a.get("title"), headline=True)
               for a in fresh[r * slice_size:(r + 1) * slice_size]] for r in range(SCALING_ROUNDS)]
    slice_words = [sum(len(d.text.split()) for d in part) for part in slices]
    pools = {jobs: worker_pool(jobs) for jobs in jobs_list}
    try:
        for jobs, pool in pools.items():
            pool.map(time.sleep, [2.0] * jobs, chunksize=1)  # every worker loaded and warm
        for round_number, part in enumerate(slices):
            order = jobs_list if round_number % 2 == 0 else list(reversed(jobs_list))
            for jobs in order:
                t = time.perf_counter()
                outcomes = list(run_windowed(pools[jobs], part, WINDOW_PER_JOB * jobs))
                seconds_by_jobs[jobs].append(time.perf_counter() - t)
                failures_by_jobs[jobs] += sum(1 for r in outcomes if type(r).__name__ == "Failed")
    finally:
        for pool in pools.values():
            pool.close()
            pool.join()
    result["scaling_articles"] = sum(len(part) for part in slices)
    for jobs in jobs_list:
        rates = [(n / t, len(part) / t) for n, part, t in zip(slice_words, slices, seconds_by_jobs[jobs], strict=True)]
        wps = statistics.median(r[0] for r in rates)
        dps = statistics.median(r[1] for r in rates)
        result["runs"][jobs] = {"seconds": statistics.median(seconds_by_jobs[jobs]), "words_per_s": wps,
                                "docs_per_s": dps, "ratio_to_blank": wps / result["blank_words_per_s"],
                                "failures": failures_by_jobs[jobs], "round_seconds": seconds_by_jobs[jobs]}
        print(f"  throughput jobs={jobs}: {wps:,.0f} words/s ({dps:.2f} docs/s), "
              f"ratio {wps / result['blank_words_per_s']:.3f} (median of {SCALING_ROUNDS} rounds)", flush=True)
    if 1 in seconds_by_jobs and 2 in seconds_by_jobs:
        result["speedup_rounds"] = [one / two for one, two in zip(seconds_by_jobs[1], seconds_by_jobs[2], strict=True)]
    result["cpu"] = _cpu_rounds(docs, words, ingest_module, extract_document, _work)
    cpu = result["cpu"]
    print(f"  throughput CPU time, median of {len(cpu['rounds'])} rounds: extraction ratio "
          f"{cpu['ratio_extract']:.3f}, full {cpu['ratio_full']:.3f}", flush=True)
    # the tokeniser again after the runs, so contention drifting during the run shows
    t = time.perf_counter()
    for d in docs:
        blank(d.text)
    result["blank_words_per_s_after"] = words / (time.perf_counter() - t)
    result["load_after"] = load_average()
    if "speedup_rounds" in result:
        result["speedup_2_vs_1"] = statistics.median(result["speedup_rounds"])
    return result


CPU_ROUNDS = 5
"""Rounds of the CPU-time comparison; the median round is reported."""
CPU_CHUNK = 20
"""Documents per timed slice: bare tokenisation and the pipeline take turns on each slice of this many."""


def _interleaved_pass(docs, first, second, chunk: int = CPU_CHUNK, clock=time.process_time) -> tuple[float, float]:
    """Seconds (CPU by default) of FIRST and SECOND over DOCS, taking turns slice by slice (who goes first
    alternates).

    The machine's speed drifts by 10-30% over tens of seconds (shared host); two whole passes timed one
    after the other measured that drift as much as the code. Slices of ~20 documents take about a second,
    so both sides of the ratio see the same machine.
    """
    spent = [0.0, 0.0]
    for n, at in enumerate(range(0, len(docs), chunk)):
        part = docs[at:at + chunk]
        order = ((0, first), (1, second)) if n % 2 == 0 else ((1, second), (0, first))
        for side, fn in order:
            t = clock()
            for d in part:
                fn(d)
            spent[side] += clock() - t
    return spent[0], spent[1]


def _cpu_rounds(docs, words: int, ingest_module, extract_document, work, rounds: int = CPU_ROUNDS) -> dict:
    """Pipeline vs bare tokenisation in CPU seconds of this process, interleaved slice by slice.

    Wall-clock passes of under a second move with every other process on a shared machine, and a
    tokeniser is faster on its second pass over the same texts (its cache is filled). Each round
    therefore empties both tokeniser caches (both vocabularies filled before), then times
    ``spacy.blank("en")`` and the pipeline taking turns on 20-document slices (``_interleaved_pass``), in
    CPU time; a second pass does the same with the RDF writing included. Medians over the rounds are reported.
    """
    import spacy

    from extractors.pipeline import _flush_tokenizer_cache

    nlp = ingest_module._WORKER_NLP
    blank = spacy.blank("en")
    for d in docs:
        blank(d.text)  # its vocabulary filled like the pipeline's, which has read these texts before

    def bare(d) -> None:
        blank(d.text)

    def extract(d) -> None:
        extract_document(nlp, d)

    rows = []
    for _ in range(rounds):
        _flush_tokenizer_cache(blank)
        _flush_tokenizer_cache(nlp)
        bare_seconds, extract_seconds = _interleaved_pass(docs, bare, extract)
        _flush_tokenizer_cache(blank)
        _flush_tokenizer_cache(nlp)
        bare_full_seconds, full_seconds = _interleaved_pass(docs, bare, work)
        rows.append({"bare_cpu_s": bare_seconds, "extract_cpu_s": extract_seconds,
                     "bare_full_cpu_s": bare_full_seconds, "full_cpu_s": full_seconds,
                     "ratio_extract": bare_seconds / extract_seconds, "ratio_full": bare_full_seconds / full_seconds})
    return {"rounds": rows, "chunk": CPU_CHUNK,
            "bare_words_per_cpu_s": words / statistics.median(r["bare_cpu_s"] for r in rows),
            "extract_words_per_cpu_s": words / statistics.median(r["extract_cpu_s"] for r in rows),
            "full_words_per_cpu_s": words / statistics.median(r["full_cpu_s"] for r in rows),
            "ratio_extract": statistics.median(r["ratio_extract"] for r in rows),
            "ratio_full": statistics.median(r["ratio_full"] for r in rows)}


# --------------------------------------------------------------------------- 2. end-to-end build


class TreeRSS(threading.Thread):
    """Samples the summed RSS of a process and all its descendants (workers included)."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.running = pid, interval, 0, True

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while self.running:
            try:
                processes = [root, *root.children(recursive=True)]
            except psutil.Error:  # the build has ended
                return
            total = 0
            for process in processes:
                try:
                    total += process.memory_info().rss
                except psutil.Error:  # a worker replaced between listing and sampling: the others still count
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)


def bench_build(corpus: Path, limit: int, jobs: int, workdir: Path) -> dict:
    subset = workdir / f"subset-{limit or 'all'}.jsonl.gz"
    articles = write_subset(corpus, limit, subset) if limit else CORPUS_ARTICLES
    source = subset if limit else corpus
    store = workdir / f"store-{limit or 'all'}"
    out = workdir / f"out-{limit or 'all'}"
    command = [sys.executable, str(ROOT / "build_graph.py"), "build", str(source), "--store", str(store),
               "--out", str(out), "--jobs", str(jobs), "--keep-going", "--quiet"]
    load_before = load_average()
    t = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    sampler = TreeRSS(process.pid)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - t
    sampler.running = False
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"build failed ({process.returncode}): {err[-500:]}")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    result = {"articles": articles, "jobs": jobs, "wall_seconds": wall, "peak_rss_bytes": sampler.peak,
              "triples": report["triples"], "words": report["words_extracted"],
              "errors": len(report["errors"]), "timings": report["timings_seconds"],
              "store_bytes": sum(f.stat().st_size for f in store.rglob("*") if f.is_file()),
              "load_before": load_before, "load_after": load_average(), "store": str(store)}
    print(f"  build {articles} articles, jobs={jobs}: {wall:.0f} s, peak RSS {sampler.peak / 2**30:.2f} GiB, "
          f"{report['triples']:,} triples", flush=True)
    # Re-running the same build must be a no-op (every document unchanged); then compact for the queries.
    t = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    result["rerun_seconds"] = time.perf_counter() - t
    rerun = json.loads((out / "report.json").read_text(encoding="utf-8"))
    result["rerun_unchanged"] = rerun["unchanged"]
    result["rerun_added"] = rerun["added"] + rerun["replaced"]
    t = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "compact", str(store)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    result["compact_seconds"] = time.perf_counter() - t
    print(f"  re-run {result['rerun_seconds']:.0f} s ({result['rerun_unchanged']:,} unchanged, "
          f"{result['rerun_added']} written); compact {result['compact_seconds']:.0f} s", flush=True)
    return result


# --------------------------------------------------------------------------- 3. queries


def _median_latency(handle, sparql: str, repeats: int) -> tuple[float, int]:
    """Median seconds over REPEATS runs (query, rdflib terms, every row read) and the number of rows."""
    times, rows = [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        result = handle.query(sparql)
        if result.type == "SELECT":
            rows = len(list(result))
        times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def _rdflib_latency(memory, sparql: str, repeats: int, timeout: float) -> float | None:
    """Median latency measured in a forked child (it shares the loaded graph) that is killed after TIMEOUT
    seconds: rdflib has no query timeout, and some joins take many minutes on a few hundred thousand triples.
    Returns None on timeout."""
    import multiprocessing

    def child(conn) -> None:
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            result = memory.query(sparql)
            if result.type == "SELECT":
                list(result)
            times.append(time.perf_counter() - t)
            if times[-1] > 5:  # slow enough: one run says it
                break
        conn.send(statistics.median(times))

    parent, child_end = multiprocessing.get_context("fork").Pipe()
    process = multiprocessing.get_context("fork").Process(target=child, args=(child_end,), daemon=True)
    process.start()
    value = parent.recv() if parent.poll(timeout) else None
    if process.is_alive():
        process.kill()
    process.join()
    return value


def bench_queries(store: Path, repeats: int, with_rdflib: bool, timeout: float = 60.0) -> dict:
    from graph.query import canned_queries
    from graph.store import open_graph

    out: dict = {"store": str(store), "queries": {}}
    handle = open_graph(store)
    memory = None
    if with_rdflib:
        t = time.perf_counter()
        from graph.store import RdflibHandle

        memory = RdflibHandle(handle.rdflib_graph())
        out["rdflib_load_seconds"] = time.perf_counter() - t
    for name, path in canned_queries().items():
        sparql = path.read_text(encoding="utf-8")
        seconds, rows = _median_latency(handle, sparql, repeats)
        row = {"oxigraph_s": seconds, "rows": rows}
        if memory is not None:
            row["rdflib_s"] = _rdflib_latency(memory, sparql, repeats, timeout)
            if row["rdflib_s"] is None:
                row["rdflib_timeout_s"] = timeout
            row["ratio"] = row["rdflib_s"] / row["oxigraph_s"] if row["oxigraph_s"] and row["rdflib_s"] else None
        out["queries"][name] = row
        print(f"    {name}: oxigraph {row['oxigraph_s'] * 1000:.1f} ms ({rows} rows)"
              + (f", rdflib {_ms(row.get('rdflib_s'))} ms" if memory is not None else ""), flush=True)
    handle.close()
    ox = [r["oxigraph_s"] for r in out["queries"].values()]
    out["median_oxigraph_s"] = statistics.median(ox)
    if memory is not None:
        # a timed-out query counts as its timeout (a lower bound) in the median
        out["median_rdflib_s"] = statistics.median(r["rdflib_s"] or timeout for r in out["queries"].values())
        out["rdflib_timeouts"] = sum(1 for r in out["queries"].values() if r["rdflib_s"] is None)
    print(f"  queries on {store.name}: median {out['median_oxigraph_s'] * 1000:.1f} ms (oxigraph)"
          + (f", {out['median_rdflib_s'] * 1000:.1f} ms (rdflib)" if memory is not None else ""), flush=True)
    return out


# --------------------------------------------------------------------------- 4. load / export


def bench_io(store: Path, workdir: Path) -> dict:
    from pyoxigraph import DefaultGraph, RdfFormat, Store
    from rdflib import Graph

    from graph.store import materialised_union

    source = Store.read_only(str(store))
    # the flat graph: the default graph where it holds the union, else every graph (each triple is in one)
    graphs = [DefaultGraph()] + ([] if materialised_union(store) else list(source.named_graphs()))
    nt = b"".join(source.dump(format=RdfFormat.N_TRIPLES, from_graph=g) for g in graphs)
    triples = nt.count(b"\n")
    result = {"triples": triples, "ntriples_bytes": len(nt)}

    def timed(key: str, fn):
        t = time.perf_counter()
        value = fn()
        result[key] = time.perf_counter() - t
        return value

    graph = timed("rdflib_parse_nt_s", lambda: Graph().parse(data=nt, format="nt"))
    ttl = timed("rdflib_serialize_ttl_s", lambda: graph.serialize(format="turtle", encoding="utf-8"))
    timed("rdflib_serialize_nt_s", lambda: graph.serialize(format="nt", encoding="utf-8"))
    timed("rdflib_parse_ttl_s", lambda: Graph().parse(data=ttl, format="turtle"))
    memory = Store()
    timed("oxigraph_load_nt_s", lambda: memory.load(nt, format=RdfFormat.N_TRIPLES))
    timed("oxigraph_dump_nt_s", lambda: memory.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()))
    timed("oxigraph_dump_ttl_s", lambda: memory.dump(format=RdfFormat.TURTLE, from_graph=DefaultGraph()))
    timed("oxigraph_load_ttl_s", lambda: Store().load(ttl, format=RdfFormat.TURTLE))
    result["turtle_bytes"] = len(ttl)
    print(f"  load/export on {triples:,} triples done", flush=True)
    return result


# --------------------------------------------------------------------------- report


def versions() -> dict:
    from importlib.metadata import version

    out = {"python": platform.python_version()}
    for package in ("spacy", "rdflib", "pyoxigraph", "trafilatura"):
        try:
            out[package] = version(package)
        except Exception:  # not installed
            out[package] = "n/a"
    return out


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem / 2**30, 1), "system": platform.platform()}


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.1f}"


def render(results: dict) -> str:
    m, v = results["machine"], results["versions"]
    lines = [
        "# migraph scale benchmarks",
        "",
        f"Run {results['started']} with `{results['command']}`.",
        "",
        f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gib']} GiB RAM, {m['system']}. "
        f"Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
        "",
        "**Contention:** the machine is shared with other agents' builds and tests while these figures are "
        "taken; the load average is recorded next to each figure (2 CPUs: a load above 2 means processes "
        "waited for a CPU). Ratios measured in the same run (pipeline vs bare tokenisation) are more "
        "trustworthy than absolute speeds.",
        "",
    ]
    tp = results.get("throughput")
    if tp:
        lines += [
            "## 1. Extraction throughput",
            "",
            f"{tp['articles']} corpus articles, {tp['words']:,} words (whitespace-separated). Full pipeline = "
            "spaCy tokeniser + migraph components + every extractor + the document's RDF as N-Triples. "
            "Worker pools are started and warmed before timing.",
            "",
            *([f"The worker rows: pools of 1 and of 2 workers, each round giving both the same "
               f"{tp['scaling_articles'] // max(1, len(tp.get('speedup_rounds') or [1]))} further articles that "
               "neither has read (a worker meets new words as in a real build); words/s is the median round's. "
               "The ratios to bare tokenisation in those rows are therefore across different texts.", ""]
              if "scaling_articles" in tp else []),
            "| run | words/s | docs/s | ratio to bare `spacy.blank('en')` |",
            "| --- | ---: | ---: | ---: |",
            f"| bare tokenisation (beside the pipeline / after the runs) | {tp['blank_words_per_s']:,.0f} / "
            f"{tp['blank_words_per_s_after']:,.0f} | | 1 |",
        ]
        if "extract_only" in tp:
            only = tp["extract_only"]
            lines.append(f"| pipeline + extractors, no RDF, 1 process | {only['words_per_s']:,.0f} | "
                         f"{tp['articles'] / only['seconds']:.2f} | {only['ratio_to_blank']:.3f} |")
        for jobs, run in sorted(tp["runs"].items(), key=lambda kv: int(kv[0])):
            lines.append(f"| full pipeline, {jobs} worker(s) | {run['words_per_s']:,.0f} | {run['docs_per_s']:.2f} | "
                         f"{run['ratio_to_blank']:.3f} |")
        if "speedup_2_vs_1" in tp:
            rounds = tp.get("speedup_rounds")
            detail = (f" (median of {len(rounds)} alternating rounds: {', '.join(f'{r:.2f}' for r in rounds)})"
                      if rounds else "")
            lines += ["", f"2 workers vs 1: **{tp['speedup_2_vs_1']:.2f}×**{detail}."]
        cpu = tp.get("cpu")
        if cpu:
            spread = ", ".join(f"{r['ratio_extract']:.3f}/{r['ratio_full']:.3f}" for r in cpu["rounds"])
            how = (f"bare tokenisation and the pipeline take turns on slices of {cpu['chunk']} documents"
                   if "chunk" in cpu else "whole passes one after the other")
            lines += ["", f"In CPU time of one process (the steadier measure on a shared machine; {len(cpu['rounds'])} "
                      f"rounds, both tokeniser caches emptied before each pass, {how}): bare "
                      f"tokenisation {cpu['bare_words_per_cpu_s']:,.0f} words/CPU-s, pipeline + extractors "
                      f"{cpu['extract_words_per_cpu_s']:,.0f}, with RDF {cpu['full_words_per_cpu_s']:,.0f}; ratio "
                      f"**{cpu['ratio_extract']:.3f}** without RDF, **{cpu['ratio_full']:.3f}** with RDF "
                      f"(median; per round without/with RDF: {spread})."]
        lines += ["", f"Load average before / after: {tp['load_before']} / {tp['load_after']}.", ""]
    builds = results.get("builds") or []
    if builds:
        lines += ["## 2. End-to-end build into an Oxigraph store", "",
                  "`migraph build CORPUS.jsonl.gz --store DIR --jobs N --keep-going` as a subprocess; peak RSS "
                  "is the sum over the main process and its workers, sampled every 0.25 s.", "",
                  "| articles | jobs | wall | peak RSS | triples | store on disk | errors | load before/after |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for b in builds:
            lines.append(f"| {b['articles']:,} | {b['jobs']} | {b['wall_seconds']:,.0f} s | "
                         f"{b['peak_rss_bytes'] / 2**30:.2f} GiB | {b['triples']:,} | "
                         f"{b['store_bytes'] / 2**20:,.0f} MiB | {b['errors']} | "
                         f"{b['load_before']} / {b['load_after']} |")
        reruns = [b for b in builds if "rerun_seconds" in b]
        if reruns:
            lines += ["", "Re-running the same build (must change nothing), then `migraph compact STORE` (the "
                          "queries below run on the compacted store):", "",
                      "| articles | re-run wall | unchanged | written again | compact wall |",
                      "| ---: | ---: | ---: | ---: | ---: |"]
            for b in reruns:
                lines.append(f"| {b['articles']:,} | {b['rerun_seconds']:,.0f} s | {b['rerun_unchanged']:,} | "
                             f"{b['rerun_added']} | {b['compact_seconds']:,.0f} s |")
        est = results.get("full_estimate")
        if est and est["decision"].startswith("measured"):
            lines += ["", f"Full corpus ({CORPUS_ARTICLES:,} articles): **{est['minutes']:.0f} min** wall "
                          "(measured, table above)."]
        elif est:
            lines += ["", f"Estimated full corpus ({CORPUS_ARTICLES:,} articles) at that rate: "
                          f"**{est['minutes']:.0f} min** — {est['decision']}."]
        lines.append("")
    for q in results.get("queries") or []:
        title = "## 3. Canned SPARQL queries" if q is (results.get("queries") or [None])[0] else ""
        if title:
            lines += [title, ""]
        has_rdflib = "median_rdflib_s" in q
        lines += [f"Store `{Path(q['store']).name}`; median of repeated runs, results fully read.", ""]
        if has_rdflib:
            lines += [f"rdflib needed {q['rdflib_load_seconds']:.1f} s to load the same graph into memory.", "",
                      "| query | Oxigraph ms | rdflib ms | rdflib / Oxigraph |", "| --- | ---: | ---: | ---: |"]
            for name, row in q["queries"].items():
                ratio = f"{row['ratio']:.1f}" if row.get("ratio") else "—"
                slow = f"> {row['rdflib_timeout_s'] * 1000:,.0f} (stopped)" if row.get("rdflib_timeout_s") else \
                    _ms(row.get("rdflib_s"))
                lines.append(f"| {name} | {_ms(row['oxigraph_s'])} | {slow} | {ratio} |")
            lines += ["", f"Median over queries: Oxigraph {_ms(q['median_oxigraph_s'])} ms, "
                          f"rdflib {_ms(q['median_rdflib_s'])} ms (a stopped query counts as its time limit).", ""]
        else:
            lines += ["| query | Oxigraph ms |", "| --- | ---: |"]
            for name, row in q["queries"].items():
                lines.append(f"| {name} | {_ms(row['oxigraph_s'])} |")
            lines += ["", f"Median over queries: **{_ms(q['median_oxigraph_s'])} ms**.", ""]
    io = results.get("io")
    if io:
        n = io["triples"]

        def rate(key: str) -> str:
            return f"{n / io[key]:,.0f}" if io.get(key) else "—"

        lines += ["## 4. Load and export", "", f"{n:,} triples ({io['ntriples_bytes'] / 2**20:.1f} MiB N-Triples, "
                  f"{io['turtle_bytes'] / 2**20:.1f} MiB Turtle); triples per second.", "",
                  "| operation | rdflib | pyoxigraph (in memory) |", "| --- | ---: | ---: |",
                  f"| parse N-Triples | {rate('rdflib_parse_nt_s')} | {rate('oxigraph_load_nt_s')} |",
                  f"| parse Turtle | {rate('rdflib_parse_ttl_s')} | {rate('oxigraph_load_ttl_s')} |",
                  f"| write N-Triples | {rate('rdflib_serialize_nt_s')} | {rate('oxigraph_dump_nt_s')} |",
                  f"| write Turtle | {rate('rdflib_serialize_ttl_s')} | {rate('oxigraph_dump_ttl_s')} |", ""]
    for note in results.get("notes", []):
        lines.append(f"- {note}")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines corpus (.jsonl.gz)")
    parser.add_argument("--throughput-limit", type=int, default=400, metavar="N",
                        help="articles for the throughput runs (default: %(default)s)")
    parser.add_argument("--build-limit", type=int, default=1000, metavar="N",
                        help="articles for the end-to-end build (default: %(default)s)")
    parser.add_argument("--full", action="store_true",
                        help="also build the whole corpus when the estimate fits --max-minutes")
    parser.add_argument("--max-minutes", type=float, default=40.0,
                        help="never start a full build estimated to take longer (default: %(default)s)")
    parser.add_argument("--query-limit", type=int, default=200, metavar="N",
                        help="articles in the store compared with rdflib in memory (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="workers for the builds (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=5, help="runs per query (default: %(default)s)")
    parser.add_argument("--skip", nargs="*", default=[], choices=("throughput", "build", "queries", "io"))
    parser.add_argument("--workdir", type=Path, help="keep stores here (default: a temporary folder)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--query-timeout", type=float, default=60.0,
                        help="stop an rdflib query after this many seconds (default: %(default)s)")
    parser.add_argument("--merge", action="store_true",
                        help="keep the sections of the previous results.json that this run skips, and reuse its "
                             "builds when their stores are still in --workdir")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"bench: error: {args.corpus}: corpus not found", file=sys.stderr)
        return 1
    results: dict = {"started": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "command": "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:]),
                     "machine": machine(), "versions": versions(), "notes": []}
    previous: dict = {}
    previous_file = args.output.with_name("results.json")
    if args.merge and previous_file.is_file():
        previous = json.loads(previous_file.read_text(encoding="utf-8"))
        for key in ("throughput", "full_estimate"):
            if key in previous:
                results[key] = previous[key]
        results["notes"] = previous.get("notes", [])
        results["command"] += f" (merged with the run of {previous.get('started')})"
    temp = None
    if args.workdir is None:
        temp = tempfile.TemporaryDirectory(prefix="migraph-bench-")
        workdir = Path(temp.name)
    else:
        workdir = args.workdir
        workdir.mkdir(parents=True, exist_ok=True)

    def save() -> None:
        from graph.build import write_atomic

        write_atomic(args.output, render(results).encode("utf-8"))
        write_atomic(args.output.with_name("results.json"), json.dumps(results, indent=2, default=str).encode())

    try:
        if "throughput" not in args.skip:
            print("throughput…", flush=True)
            results["throughput"] = bench_throughput(args.corpus, args.throughput_limit, [1, 2])
            save()
        results["builds"] = [b for b in previous.get("builds", []) if Path(b["store"]).is_dir()]
        results["queries"] = []
        small = next((b for b in results["builds"] if b["articles"] == args.query_limit), None)
        if small is None and ("queries" not in args.skip or "io" not in args.skip):
            print(f"build {args.query_limit} articles for queries and I/O…", flush=True)
            small = bench_build(args.corpus, args.query_limit, args.jobs, workdir)
            results["builds"].append(small)
        if "build" not in args.skip and args.build_limit and args.build_limit != args.query_limit \
                and not any(b["articles"] == args.build_limit for b in results["builds"]):
            print(f"build {args.build_limit} articles…", flush=True)
            results["builds"].append(bench_build(args.corpus, args.build_limit, args.jobs, workdir))
        save()
        largest = max(results["builds"], key=lambda b: b["articles"], default=None)
        if largest is not None:
            minutes = largest["wall_seconds"] / largest["articles"] * CORPUS_ARTICLES / 60
            fits = minutes <= args.max_minutes
            decision = ("measured: the whole corpus was built" if largest["articles"] >= CORPUS_ARTICLES else
                        "run" if args.full and fits else
                        "not run: over the limit" if not fits else "not run (use --full)")
            results["full_estimate"] = {"minutes": minutes, "decision": decision}
            if args.full and fits and largest["articles"] < CORPUS_ARTICLES:
                print(f"full corpus (estimate {minutes:.0f} min)…", flush=True)
                results["builds"].append(bench_build(args.corpus, 0, args.jobs, workdir))
            save()
        if "queries" not in args.skip and small is not None:
            print("queries…", flush=True)
            results["queries"].append(bench_queries(Path(small["store"]), args.repeats, with_rdflib=True,
                                                    timeout=args.query_timeout))
            biggest = max(results["builds"], key=lambda b: b["articles"])
            if biggest is not small:
                results["queries"].append(bench_queries(Path(biggest["store"]), args.repeats, with_rdflib=False))
            save()
        if "io" not in args.skip and small is not None:
            print("load/export…", flush=True)
            results["io"] = bench_io(Path(small["store"]), workdir)
            save()
    finally:
        save()
        if temp is not None:
            temp.cleanup()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
