"""The interactive HTML view of a graph: one self-contained, offline, script-safe page.

Why not pyvis's own ``Network.write_html``: its "offline" page still loads Bootstrap and
vis-network from CDNs, its tooltips use ``innerHTML`` when a title contains "href", its heading
is not escaped, ``add_node`` is quadratic, and it leaves the layout to in-browser physics that
takes minutes above ~1,500 nodes. migraph keeps pyvis for what it does well — it ships the
vis-network 9.1.2 standalone build (``pyvis/lib/vis-9.1.2``), which is inlined here — and
renders its own template (``graph/templates/graph.html``, ``graph/static/viz.{js,css}``):

- every script and style is inlined; a Content-Security-Policy forbids any fetch, and only the
  page's own scripts (by SHA-256 hash) may run;
- all article text travels as JSON inside ``<script type="application/json">`` with ``<``,
  ``>``, ``&`` and U+2028/U+2029 escaped, and is put on the page with ``textContent`` only;
- the layout is computed here, per connected component, with a fixed seed (igraph's Kamada-Kawai,
  or its grid Fruchterman-Reingold above a few hundred nodes; networkx's are O(n²) in Python and
  took 67 s for 5,000 nodes), physics is off;
- above ``max_nodes`` only the most central nodes (PageRank) are drawn, with a notice.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from graph.analysis import CO_MENTION, FLOW, NODE_TYPES, pagerank

DEFAULT_MAX_NODES = 1000
"""Above this many nodes the view shows the top ones by PageRank unless ``show_all``."""
SMALL_LAYOUT = 300
"""Connected components up to this size get Kamada-Kawai (igraph: 0.3 s at 300 nodes), bigger ones
igraph's grid Fruchterman-Reingold (about 1 s for 5,000 nodes)."""

TYPE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#e15759", "border": "#a33a3c", "shape": "dot", "symbol": "●"},
    "Country": {"color": "#4e79a7", "border": "#34557a", "shape": "square", "symbol": "■"},
    "Place": {"color": "#59a14f", "border": "#3d7336", "shape": "triangle", "symbol": "▲"},
    "Organization": {"color": "#f28e2b", "border": "#b8671c", "shape": "diamond", "symbol": "◆"},
    "Group": {"color": "#b07aa1", "border": "#7e5573", "shape": "hexagon", "symbol": "⬢"},
    "Policy": {"color": "#9c755f", "border": "#6e5242", "shape": "triangleDown", "symbol": "▼"},
    "Event": {"color": "#edc948", "border": "#b39627", "shape": "star", "symbol": "★"},
    "Quotation": {"color": "#bab0ac", "border": "#857d79", "shape": "dot", "symbol": "•"},
    "Other": {"color": "#cccccc", "border": "#999999", "shape": "dot", "symbol": "●"},
}
EDGE_COLORS = {"relation": "#8a8a8a", CO_MENTION: "#d5d5d5", FLOW: "#1f77b4", "policy": "#d62728",
               "nationality": "#b07aa1"}
_TEXT_LIMIT = 400  # characters of a sentence shown in a tooltip
_LABEL_LIMIT = 40


class TemplateError(RuntimeError):
    """An asset that cannot be inlined safely (missing, or containing a closing tag)."""


@dataclass(frozen=True)
class Page:
    html: bytes
    nodes: int
    edges: int
    total_nodes: int


# --------------------------------------------------------------------------- assets


def _vis_dir() -> Path:
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """The template and the four inlined assets, checked once per process."""
    vis = _vis_dir()
    try:
        vis_js = (vis / "vis-network.min.js").read_text(encoding="utf-8")
        vis_css = (vis / "vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(f"vis-network is missing from the pyvis package ({vis}): {error}") from error
    # a source-map comment would make developer tools fetch a file: drop it
    vis_js = "\n".join(ln for ln in vis_js.split("\n") if not ln.startswith("//# sourceMappingURL="))
    vis_css = "\n".join(ln for ln in vis_css.split("\n") if "sourceMappingURL=" not in ln)
    package = resources.files("graph")
    assets = {
        "template": (package / "templates" / "graph.html").read_text(encoding="utf-8"),
        "view_js": (package / "static" / "viz.js").read_text(encoding="utf-8"),
        "view_css": (package / "static" / "viz.css").read_text(encoding="utf-8"),
        "vis_js": vis_js,
        "vis_css": vis_css,
    }
    for name, text in assets.items():
        lowered = text.lower()
        if name != "template" and ("</script" in lowered or "</style" in lowered or "<!--" in lowered):
            raise TemplateError(f"{name} contains a closing tag and cannot be inlined")
    return assets


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def json_for_script(value) -> str:
    """JSON that cannot end its ``<script>`` element or be read as HTML: ``< > &`` and U+2028/9 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# --------------------------------------------------------------------------- layout


def _component_layout(component: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected component in a unit box centred on 0 (before scaling)."""
    order = sorted(component.nodes)
    n = len(order)
    if n <= 3:  # a point, a pair, a triangle: no need for a force simulation
        return {node: (math.cos(2 * math.pi * i / n) / 2, math.sin(2 * math.pi * i / n) / 2) if n > 1 else (0.0, 0.0)
                for i, node in enumerate(order)}
    import igraph

    index = {node: i for i, node in enumerate(order)}
    g = igraph.Graph(n=n, edges=sorted((index[a], index[b]) for a, b in component.edges()))
    rng = random.Random(seed)
    # start spread over igraph's own scale: crowded in a unit box, its grid degenerates to O(n²)
    r = math.sqrt(n) / 2
    start = [[rng.uniform(-r, r), rng.uniform(-r, r)] for _ in range(n)]
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if n <= SMALL_LAYOUT:  # Kamada-Kawai spreads story graphs evenly; spring layouts clump around hubs
            found = g.layout_kamada_kawai(seed=start)
        else:
            found = g.layout_fruchterman_reingold(seed=start, grid=True)
    finally:
        igraph.set_random_number_generator(random)  # igraph's default generator
    points = found.coords  # a property that copies every position: read it once
    coords = {node: (float(points[i][0]), float(points[i][1])) for node, i in index.items()}
    xs = [c[0] for c in coords.values()]
    ys = [c[1] for c in coords.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: ((x - cx) / span, (y - cy) / span) for node, (x, y) in coords.items()}


def layout(graph: nx.Graph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Positions in pixels, deterministic for a given graph and seed; computed here, not in the browser.

    Each connected component is laid out on its own (a force layout of a disconnected graph
    pushes the small pieces to the rim and crushes the big one), in a square box whose side
    grows with the square root of its size, and the boxes are packed in rows, largest first.
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((min(a, b), max(a, b)) for a, b in graph.edges() if a != b))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes = []
    for members in components:
        side = 150.0 * math.sqrt(len(members)) + (40.0 if len(members) > 1 else 0.0)  # pixels
        boxes.append((members, side))
    area = sum((side + 80.0) ** 2 for _, side in boxes)
    row_width = max(math.sqrt(area) * 1.3, boxes[0][1] + 80.0)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, side in boxes:
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + 80.0, 0.0
        local = _component_layout(simple.subgraph(members), seed)
        for node, (lx, ly) in local.items():
            positions[node] = (x + side / 2 + lx * side, y + side / 2 + ly * side)
        x += side + 80.0
        row_height = max(row_height, side)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round(px - cx, 1), round(py - cy, 1)) for node, (px, py) in positions.items()}


# --------------------------------------------------------------------------- payload


def _clip(text: str | None, limit: int) -> str | None:
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def top_nodes(graph: nx.Graph, limit: int) -> list[str]:
    """The ``limit`` most central nodes (PageRank, ties by label) — what a reader should see first."""
    scores = pagerank(graph)
    ranked = sorted(graph.nodes, key=lambda n: (-scores.get(n, 0.0), graph.nodes[n]["label"], n))
    return ranked[:limit]


def _edge_kind(relations: list[str]) -> str:
    if relations == [CO_MENTION]:
        return CO_MENTION
    if FLOW in relations:
        return FLOW
    return "relation"


def entity_payload(graph: nx.Graph, *, title: str, max_nodes: int | None = DEFAULT_MAX_NODES,
                   seed: int = 42) -> dict:
    """The JSON the page draws, for an entity graph from :func:`graph.analysis.entity_graph`."""
    total = graph.number_of_nodes()
    notice = None
    if max_nodes is not None and total > max_nodes:
        keep = top_nodes(graph, max_nodes)
        graph = graph.subgraph(keep)
        notice = (f"Showing the {max_nodes:,} most central of {total:,} nodes (by PageRank) so the view stays "
                  f"responsive. Run `migraph viz GRAPH --all` to draw every node.")
    positions = layout(graph, seed=seed)
    order = sorted(graph.nodes)
    ids = {node: i for i, node in enumerate(order)}
    degree = dict(graph.degree())
    nodes = []
    for node in order:
        d = graph.nodes[node]
        x, y = positions[node]
        name = d.get("text") or d["label"]
        nodes.append({
            "id": ids[node], "label": _clip(d["label"], _LABEL_LIMIT), "name": _clip(name, _TEXT_LIMIT),
            "type": d["type"] if d["type"] in TYPE_STYLES else "Other", "x": x, "y": y,
            "size": round(8 + 4 * math.log2(1 + degree[node]), 1), "iri": node,
            "roles": d["roles"], "aliases": d["aliases"][:10], "mentions": d["mentions"],
            "documents": d["documents"][:10],
            "sentences": [[_clip(t, _TEXT_LIMIT), doc] for t, doc in d["sentences"][:3]],
        })
    edges = []
    for a, b in sorted((min(u, v), max(u, v)) for u, v in graph.edges()):
        d = graph.edges[a, b]
        source, target = d["directed"] or (a, b)
        kind = _edge_kind(d["relations"])
        named = [r for r in d["relations"] if r != CO_MENTION]
        edges.append({
            "from": ids[source], "to": ids[target], "label": ", ".join(named) if named else None,
            "directed": d["directed"] is not None, "dashes": kind == CO_MENTION,
            "width": round(1 + math.log2(d["weight"]), 2) if kind != CO_MENTION else 1,
            "color": EDGE_COLORS[kind], "relations": d["relations"], "weight": d["weight"],
            "evidence": [[e.relation, _clip(e.sentence, _TEXT_LIMIT), e.document] for e in d["evidence"][:3]],
        })
    counts = {t: c for t in (*NODE_TYPES, "Other") if (c := sum(1 for n in nodes if n["type"] == t))}
    return {
        "title": title, "notice": notice, "nodes": nodes, "edges": edges, "counts": counts,
        "styles": {t: TYPE_STYLES[t] for t in (*NODE_TYPES, "Other")}, "total": total,
        "edgeLegend": [{"label": "stated relation", "color": EDGE_COLORS["relation"], "dashes": False},
                       {"label": "mentioned in one sentence", "color": EDGE_COLORS[CO_MENTION], "dashes": True},
                       {"label": "migration flow", "color": EDGE_COLORS[FLOW], "dashes": False}],
    }


def flow_payload(network: nx.MultiDiGraph, *, title: str, seed: int = 42) -> dict:
    """The JSON for the flow view: countries and groups, flows as weighted arrows, policies as typed edges."""
    positions = layout(network, seed=seed)
    order = sorted(network.nodes)
    ids = {node: i for i, node in enumerate(order)}
    nodes = []
    for node in order:
        d = network.nodes[node]
        x, y = positions[node]
        strength = sum(e.get("reports", 1) for *_, e in network.in_edges(node, data=True)) + sum(
            e.get("reports", 1) for *_, e in network.out_edges(node, data=True))
        nodes.append({"id": ids[node], "label": _clip(d["label"], _LABEL_LIMIT), "name": d["label"],
                      "type": d["type"] if d["type"] in TYPE_STYLES else "Other", "x": x, "y": y,
                      "size": round(10 + 4 * math.log2(1 + strength), 1), "iri": node, "roles": [],
                      "aliases": [], "mentions": strength, "documents": [], "sentences": []})
    edges = []
    for a, b, key in sorted(network.edges(keys=True)):
        d = network.edges[a, b, key]
        if d["kind"] == FLOW:
            people = f", {d['people']:,.0f} people" if d["people"] else ""
            label = f"{d['reports']} report{'s' if d['reports'] != 1 else ''}{people}"
            weight = max(d["reports"], math.log10(1 + d["people"]) if d["people"] else 0)
            width = round(1.5 + 2.5 * math.log2(1 + weight), 2)
            relations = [FLOW] + (["groups: " + "; ".join(d["groups"])] if d["groups"] else [])
        elif d["kind"] == "policy":
            label, width, relations = d["policy_type"], 2, [f"policy: {d['policy_type']}"]
        else:
            label, width, relations = None, 1, [d["kind"]]
        edges.append({
            "from": ids[a], "to": ids[b], "label": label, "directed": True, "dashes": d["kind"] != FLOW,
            "width": width, "color": EDGE_COLORS.get(d["kind"], EDGE_COLORS["relation"]),
            "relations": relations, "weight": d.get("reports", 1),
            "evidence": [[d["kind"], _clip(t, _TEXT_LIMIT), doc] for t, doc in d.get("evidence", [])[:3]],
        })
    counts = {t: c for t in (*NODE_TYPES, "Other") if (c := sum(1 for n in nodes if n["type"] == t))}
    notice = None if network.number_of_edges() else "No migration flows or policies in this graph."
    return {
        "title": title, "notice": notice, "nodes": nodes, "edges": edges, "counts": counts,
        "styles": {t: TYPE_STYLES[t] for t in (*NODE_TYPES, "Other")}, "total": len(nodes),
        "edgeLegend": [{"label": "migration flow (width: reports / people)", "color": EDGE_COLORS[FLOW],
                        "dashes": False},
                       {"label": "policy (actor → group)", "color": EDGE_COLORS["policy"], "dashes": True},
                       {"label": "group nationality", "color": EDGE_COLORS["nationality"], "dashes": True}],
    }


# --------------------------------------------------------------------------- page


def render_page(payload: dict, summary: str = "") -> bytes:
    """The HTML page for a payload: linear in its size, no external resource, text escaped."""
    assets = _assets()
    csp = ("default-src 'none'; script-src " + _script_hash(assets["vis_js"]) + " " + _script_hash(assets["view_js"])
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    template = assets["template"].replace(
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
        "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'", csp)
    if csp not in template:
        raise TemplateError("the template's Content-Security-Policy was not found")
    # one pass over the template: each marker is replaced once, nothing inserted is scanned again
    values = {
        "@@TITLE@@": html.escape(payload["title"]),
        "@@SUMMARY@@": html.escape(summary),
        "@@VIS_CSS@@": assets["vis_css"],
        "@@VIEW_CSS@@": assets["view_css"],
        "@@DATA@@": json_for_script(payload),
        "@@VIS_JS@@": assets["vis_js"],
        "@@VIEW_JS@@": assets["view_js"],
    }
    text = re.sub(r"@@[A-Z_]+@@", lambda m: values[m.group(0)], template)
    return text.encode("utf-8")


def _summary(payload: dict) -> str:
    shown, total = len(payload["nodes"]), payload["total"]
    counts = ", ".join(f"{c:,} {t}" for t, c in payload["counts"].items())
    nodes = f"{shown:,} nodes" if shown == total else f"{shown:,} of {total:,} nodes"
    return f"{nodes}, {len(payload['edges']):,} edges" + (f" ({counts})" if counts else "")


def entity_page(graph: nx.Graph, *, title: str = "migraph", max_nodes: int | None = DEFAULT_MAX_NODES,
                seed: int = 42) -> Page:
    payload = entity_payload(graph, title=title, max_nodes=max_nodes, seed=seed)
    return Page(render_page(payload, _summary(payload)), len(payload["nodes"]), len(payload["edges"]),
                payload["total"])


def flow_page(network: nx.MultiDiGraph, *, title: str = "migraph: migration flows", seed: int = 42) -> Page:
    payload = flow_payload(network, title=title, seed=seed)
    return Page(render_page(payload, _summary(payload)), len(payload["nodes"]), len(payload["edges"]),
                payload["total"])


def graph_page(rdf, *, title: str = "migraph", max_nodes: int | None = DEFAULT_MAX_NODES) -> Page:
    """The page ``migraph build`` writes beside graph.ttl: the entity graph of an RDF graph."""
    from graph.analysis import entity_graph

    return entity_page(entity_graph(rdf), title=title, max_nodes=max_nodes)
