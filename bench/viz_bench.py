"""Benchmark of the HTML view on a synthetic graph: page build time and time-to-interactive in Chromium.

    .venv/bin/python bench/viz_bench.py [--nodes 5000] [--chromium PATH] [--json FILE]

Builds a synthetic migraph RDF graph (entities of every type, mentions in sentences of many
documents, stated relations, quotations, policies and flows) with N entity nodes, then measures:

- ``entity_graph`` (RDF -> networkx) time;
- page build time (layout + payload + HTML) for the default view (top 1,000 by PageRank) and
  for ``--all``, and for the ``--all`` view at N/4, N/2 and N nodes to show how it scales;
- time-to-interactive in headless Chromium: from navigation to the first frame drawn by
  vis-network (the page sets ``body[data-ready]``), and the time a search over every node takes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import Graph, Literal  # noqa: E402
from rdflib.namespace import RDF, RDFS  # noqa: E402

from graph.vocab import ID, MIG  # noqa: E402

KINDS = [("Person", "person", 0.40), ("Country", "country", 0.04), ("Place", "place", 0.16),
         ("Organization", "org", 0.20), ("Group", "group", 0.08)]


def synthetic_rdf(n_nodes: int, seed: int = 7) -> Graph:
    """About ``n_nodes`` nodes: entities, plus quotations and policies (10 % of them)."""
    rng = random.Random(seed)
    g = Graph()
    n_entities = int(n_nodes * 0.9)
    entities: dict[str, list] = {}
    for kind, path, share in KINDS:
        count = max(2, int(n_entities * share))
        entities[kind] = []
        for i in range(count):
            iri = ID[f"{path}/{kind.lower()}-{i}"]
            g.add((iri, RDF.type, MIG[kind]))
            g.add((iri, RDFS.label, Literal(f"{kind} {i}")))
            if kind == "Person" and i % 3 == 0:
                g.add((iri, MIG.role, Literal("spokesperson")))
            entities[kind].append(iri)
    everything = [e for group in entities.values() for e in group]
    # preferential attachment: a few entities are in many stories, most in one or two
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(everything))]
    rng.shuffle(weights)
    n_docs = max(1, n_nodes // 25)
    n_sentences = int(n_nodes * 0.8)
    sentences = []
    for s in range(n_sentences):
        doc = ID[f"doc/d{s % n_docs}"]
        if s < n_docs:
            g.add((doc, RDF.type, MIG.Document))
            g.add((doc, MIG.fileName, Literal(f"article-{s:05d}.txt")))
        sentence = ID[f"doc/d{s % n_docs}/sentence/{s}"]
        g.add((sentence, RDF.type, MIG.Sentence))
        g.add((sentence, MIG.document, doc))
        members = set(rng.choices(everything, weights=weights, k=rng.randint(1, 4)))
        g.add((sentence, MIG.text, Literal("A synthetic sentence that mentions " + ", ".join(
            str(m).rsplit("/", 1)[-1] for m in sorted(members)) + ".")))
        sentences.append((sentence, doc))
        for m, member in enumerate(sorted(members)):
            a = ID[f"doc/d{s % n_docs}/assertion/m{s}-{m}"]
            g.add((a, RDF.type, MIG.Assertion))
            g.add((a, RDF.subject, member))
            g.add((a, RDF.predicate, MIG.mentionedIn))
            g.add((a, RDF.object, doc))
            g.add((a, MIG.document, doc))
            g.add((a, MIG.sentence, sentence))
    for i, person in enumerate(entities["Person"]):
        if i % 2 == 0:
            country = rng.choice(entities["Country"])
            sentence, doc = rng.choice(sentences)
            g.add((person, MIG.country, country))
            a = ID[f"relation/r{i}"]
            for p, o in ((RDF.subject, person), (RDF.predicate, MIG.country), (RDF.object, country),
                         (MIG.document, doc), (MIG.sentence, sentence), (RDF.type, MIG.Assertion)):
                g.add((a, p, o))
    n_extra = n_nodes - len(everything)
    for i in range(n_extra):
        sentence, doc = rng.choice(sentences)
        if i % 2 == 0:
            quote = ID[f"doc/q/{i}"]
            g.add((quote, RDF.type, MIG.Quotation))
            g.add((quote, MIG.quotedText, Literal(f"We have said this {i} times")))
            g.add((quote, MIG.speaker, rng.choice(entities["Person"])))
            g.add((quote, MIG.document, doc))
            g.add((quote, MIG.sentence, sentence))
        else:
            policy = ID[f"doc/p/{i}"]
            g.add((policy, RDF.type, MIG.Policy))
            g.add((policy, MIG.actor, rng.choice(entities["Country"])))
            g.add((policy, MIG.policyType, MIG.EntryBan))
            g.add((policy, MIG.target, rng.choice(entities["Group"])))
            g.add((policy, MIG.document, doc))
            g.add((policy, MIG.sentence, sentence))
            flow = ID[f"doc/f/{i}"]
            origin, destination = rng.sample(entities["Country"], 2)
            g.add((flow, RDF.type, MIG.Flow))
            g.add((flow, MIG.origin, origin))
            g.add((flow, MIG.destination, destination))
            g.add((flow, MIG.document, doc))
            g.add((flow, MIG.sentence, sentence))
    return g


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - started


def browser_times(chromium: str, pages: dict[str, Path], runs: int = 3) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, path in pages.items():
            ready, search, requests, errors = [], [], [], []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.on("request", lambda r, requests=requests: requests.append(r.url))
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                started = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=120000)
                ready.append(time.perf_counter() - started)
                started = time.perf_counter()
                page.fill("#search", "person 1")
                page.wait_for_function("() => document.getElementById('search-status').textContent !== ''")
                search.append(time.perf_counter() - started)
                nodes = page.evaluate("migraph.network.body.nodeIndices.length")
                page.close()
            results[name] = {"time_to_interactive_s": sorted(ready)[len(ready) // 2], "all_runs_s": ready,
                             "search_s": sorted(search)[len(search) // 2], "nodes_drawn": nodes,
                             "requests_other_than_page": len([r for r in requests if not r.startswith("file:")]),
                             "page_errors": len(errors)}
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--json", type=Path, help="write the figures as JSON")
    args = parser.parse_args(argv)

    from graph.analysis import entity_graph
    from graph.viz import entity_page

    report: dict = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                                "python": platform.python_version()}}
    rdf, t = timed(synthetic_rdf, args.nodes)
    report["synthetic_rdf"] = {"triples": len(rdf), "seconds": round(t, 2)}
    network, t = timed(entity_graph, rdf)
    report["entity_graph"] = {"nodes": network.number_of_nodes(), "edges": network.number_of_edges(),
                              "seconds": round(t, 2)}
    print(f"entity graph: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges in {t:.2f} s",
          flush=True)
    scaling = {}
    for share in (4, 2, 1):
        nodes = sorted(network.nodes)[: len(network) // share]
        sub = network.subgraph(nodes).copy()
        page, t = timed(entity_page, sub, max_nodes=None)
        scaling[len(sub)] = {"edges": sub.number_of_edges(), "build_s": round(t, 2), "bytes": len(page.html)}
        print(f"page build --all, {len(sub)} nodes: {t:.2f} s ({len(page.html) / 1e6:.1f} MB)", flush=True)
    report["page_build_all_scaling"] = scaling
    tmp = Path(tempfile.mkdtemp(prefix="viz-bench-"))
    full, t_full = timed(entity_page, network, max_nodes=None)
    top, t_top = timed(entity_page, network)
    (tmp / "all.html").write_bytes(full.html)
    (tmp / "top.html").write_bytes(top.html)
    report["page_build"] = {"all": {"nodes": full.nodes, "edges": full.edges, "seconds": round(t_full, 2)},
                            "default_top": {"nodes": top.nodes, "edges": top.edges, "seconds": round(t_top, 2)}}
    print(f"page build: --all {t_full:.2f} s, default (top {top.nodes}) {t_top:.2f} s", flush=True)
    if args.chromium:
        report["chromium"] = browser_times(args.chromium, {"all": tmp / "all.html", "default_top": tmp / "top.html"})
        for name, row in report["chromium"].items():
            print(f"chromium {name}: interactive in {row['time_to_interactive_s']:.2f} s, "
                  f"search {row['search_s']:.2f} s, {row['nodes_drawn']} nodes drawn", flush=True)
    else:
        print("chromium not found: browser timings skipped", file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    text = json.dumps(report, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
