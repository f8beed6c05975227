"""Network analysis of a migraph graph with networkx: plain functions, no hidden state.

The RDF graph is not turned into a network triple by triple (that would make every label,
offset and sentence a node). Instead :func:`entity_graph` reads what the graph *means*:

- nodes are the things a reader cares about — persons, countries, places, organisations,
  groups, policies, events and quotations — each with its type, label, roles, documents and
  the sentences it was read from;
- edges join two nodes for a stated relation (``mig:country``, ``mig:affiliation``,
  ``mig:speaker``, ``mig:actor``/``mig:target`` of a policy, roles of an event…), for a
  reported migration flow (origin → destination of a ``mig:Flow``), and for being mentioned
  in the same sentence (``co-mention``). Every edge keeps its evidence: the relation, the
  sentence text and the document, so a path between two entities can be explained.

:func:`flow_network` gives the country flow network (a weighted directed graph) with the
policies between states and groups, used by ``migraph viz --flows`` and ``migraph stats``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.vocab import MIG

NODE_TYPES: tuple[str, ...] = (
    "Person", "Country", "Place", "Organization", "Group", "Policy", "Event", "Quotation",
)
"""Node types, in legend order."""

CO_MENTION = "co-mention"
FLOW = "flow"

# Predicates between two nodes that are not drawn as edges: provenance, or facts that another
# edge already shows (a flowTo link is the Flow's origin -> destination edge).
_SKIP_PREDICATES = {MIG.mentionedIn, MIG.mentionedInSentence, MIG.document, MIG.sentence, MIG.flowTo, MIG.origin,
                    MIG.destination, MIG.via}
_MAX_CO_MENTION = 15  # a sentence listing more entities than this adds no co-mention edges (a list, not a story)
_MAX_EVIDENCE = 5  # sentences kept per node or edge: enough to explain it, bounded for big graphs


@dataclass(frozen=True)
class Evidence:
    """One reason for an edge: the relation, and the sentence and document that state it."""

    relation: str
    source: str
    target: str
    sentence: str | None = None
    document: str | None = None


@dataclass
class _Node:
    type: str
    label: str
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    sentences: list[tuple[str, str | None]] = field(default_factory=list)
    mentions: int = 0
    text: str | None = None


def local_name(term: str) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1] or text


def humanize(name: str) -> str:
    """``EntryBan`` -> ``entry ban``; ``asylumOfferFor`` -> ``asylum offer for``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


@lru_cache(maxsize=1)
def _ontology_facts() -> tuple[frozenset[str], dict[str, str]]:
    """Event classes (sub-classes of mig:Event, except mig:Flow) and concept labels, from the ontology."""
    try:
        from ontology import load_ontology

        onto = load_ontology()
    except Exception:  # an ontology that does not parse must not stop a view of the data
        return frozenset({str(MIG.Event)}), {}
    events = {MIG.Event}
    frontier = [MIG.Event]
    while frontier:
        parent = frontier.pop()
        for child in onto.subjects(RDFS.subClassOf, parent):
            if child not in events and isinstance(child, URIRef):
                events.add(child)
                frontier.append(child)
    events.discard(MIG.Flow)
    labels = {}
    for concept, label in onto.subject_objects(SKOS.prefLabel):
        if isinstance(label, Literal) and label.language in (None, "en"):
            labels[str(concept)] = str(label)
    for concept, label in onto.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language in (None, "en"):
            labels.setdefault(str(concept), str(label))
    return frozenset(str(e) for e in events), labels


def concept_label(term) -> str:
    return _ontology_facts()[1].get(str(term)) or humanize(local_name(term))


def _number(value) -> float | None:
    try:
        number = float(value.toPython() if isinstance(value, Literal) else value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _quantity_people(rdf: Graph, node) -> float | None:
    """People counted by a mig:quantity: a plain number, or a mig:Quantity whose unit is persons."""
    if isinstance(node, Literal):
        return _number(node)
    if rdf.value(node, MIG.isChange) is not None and bool(rdf.value(node, MIG.isChange).toPython()):
        return None
    unit = rdf.value(node, MIG.unit)
    if unit is None or str(unit) not in ("person", "people"):  # "dozens of flights" is a count, not people
        return None
    for prop in (MIG.numericValue, RDF.value):
        value = rdf.value(node, prop)
        if value is not None:
            return _number(value)
    return None


class _Reader:
    """Indexes the RDF once (linear in its size) so every lookup after is a dict access."""

    def __init__(self, rdf: Graph):
        self.rdf = rdf
        event_classes, _ = _ontology_facts()
        self.doc_names: dict[object, str] = {}
        for doc in rdf.subjects(RDF.type, MIG.Document):
            name = rdf.value(doc, MIG.fileName) or rdf.value(doc, URIRef("http://purl.org/dc/terms/title"))
            self.doc_names[doc] = str(name) if name is not None else local_name(doc)
        self.sentence_text: dict[object, str] = {}
        self.sentence_doc: dict[object, object] = {}
        for sentence, text in rdf.subject_objects(MIG.text):
            self.sentence_text[sentence] = str(text)
        for node, doc in rdf.subject_objects(MIG.document):
            self.sentence_doc[node] = doc
        self.node_sentence: dict[object, object] = dict(rdf.subject_objects(MIG.sentence))
        classes = {MIG[t]: t for t in ("Person", "Country", "Place", "Organization", "Group", "Policy",
                                       "Quotation")}
        self.types: dict[object, str] = {}
        self.flows: list[object] = []
        for s, cls in rdf.subject_objects(RDF.type):
            if cls in classes:
                # a node typed twice keeps the first type in NODE_TYPES order
                current = self.types.get(s)
                if current is None or NODE_TYPES.index(classes[cls]) < NODE_TYPES.index(current):
                    self.types[s] = classes[cls]
            elif cls == MIG.Flow:
                self.flows.append(s)
            elif str(cls) in event_classes and s not in self.types:
                self.types[s] = "Event"
        for flow in self.flows:  # a flow is drawn as an edge, never as an event node
            if self.types.get(flow) == "Event":
                del self.types[flow]

    def document_of(self, node) -> str | None:
        """File name of the document an assertion, sentence, quotation, policy or flow comes from."""
        doc = self.sentence_doc.get(node)
        return None if doc is None else self.doc_names.get(doc, local_name(doc))

    def sentence_of(self, node) -> tuple[str | None, str | None]:
        """(sentence text, document name) of an assertion, quotation, policy, flow or event."""
        sentence = self.node_sentence.get(node)
        if sentence is None:
            return None, self.document_of(node)
        return self.sentence_text.get(sentence), self.document_of(sentence) or self.document_of(node)


def _label(rdf: Graph, node, kind: str) -> str:
    if kind == "Quotation":
        text = rdf.value(node, MIG.quotedText)
        text = " ".join(str(text).split()) if text is not None else local_name(node)
        return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"
    label = rdf.value(node, RDFS.label) or rdf.value(node, SKOS.prefLabel)
    if label is not None:
        return str(label)
    if kind == "Policy":
        ptype = rdf.value(node, MIG.policyType)
        actor = rdf.value(rdf.value(node, MIG.actor) or node, RDFS.label)
        what = concept_label(ptype) if ptype is not None else "policy"
        return f"{what} ({actor})" if actor is not None else what
    if kind == "Event":
        for cls in rdf.objects(node, RDF.type):
            if cls != MIG.Event and str(cls).startswith(str(MIG)):
                return concept_label(cls)
        return "event"
    return humanize(local_name(node))


def entity_graph(rdf: Graph) -> nx.Graph:
    """The entity network of a migraph RDF graph (see the module docstring).

    Node keys are IRIs (strings); node attributes: ``type``, ``label``, ``roles``, ``aliases``,
    ``documents`` (sorted lists), ``sentences`` (up to 5 ``(text, document)`` pairs), ``mentions`` (sentences
    naming the node, or its mentions in a graph built with ``--mention-spans``)
    and, for quotations, ``text``. Edge attributes: ``relations`` (sorted relation names),
    ``evidence`` (list of :class:`Evidence`, up to 5 per relation), ``weight`` (number of
    supporting statements), ``directed`` (source, target) of the first non-co-mention relation.
    """
    reader = _Reader(rdf)
    nodes: dict[object, _Node] = {}
    for node, kind in reader.types.items():
        nodes[node] = _Node(type=kind, label=_label(rdf, node, kind))
    for node, data in nodes.items():
        data.roles = {str(r) for r in rdf.objects(node, MIG.role)}
        data.aliases = {str(a) for a in rdf.objects(node, MIG.alias)}
        if data.type == "Policy":
            data.roles |= {concept_label(t) for t in rdf.objects(node, MIG.policyType)}
            data.roles |= {concept_label(s) for s in rdf.objects(node, MIG.status)}
        if data.type == "Quotation":
            text = rdf.value(node, MIG.quotedText)
            data.text = str(text) if text is not None else None
        if data.type in ("Quotation", "Policy", "Event"):
            sentence, document = reader.sentence_of(node)
            if document:
                data.documents.add(document)
            if sentence:
                data.sentences.append((sentence, document))
            data.mentions += 1

    # Evidence of every asserted triple, and the entities mentioned in each sentence.
    subjects = dict(rdf.subject_objects(RDF.subject))
    objects = dict(rdf.subject_objects(RDF.object))
    triple_evidence: dict[tuple, list[tuple[str | None, str | None]]] = defaultdict(list)
    by_sentence: dict[object, list[object]] = defaultdict(list)
    for assertion, predicate in rdf.subject_objects(RDF.predicate):
        s, o = subjects.get(assertion), objects.get(assertion)
        if s is None:
            continue
        if predicate == MIG.mentionedIn:
            if s not in nodes:
                continue
            data = nodes[s]
            data.mentions += 1
            sentence = reader.node_sentence.get(assertion)
            text, document = reader.sentence_of(assertion)
            if document:
                data.documents.add(document)
            if text:
                data.sentences.append((text, document))
            if sentence is not None:
                by_sentence[sentence].append(s)
        elif s in nodes and o in nodes:
            evidence = triple_evidence[(s, predicate, o)]
            if len(evidence) < _MAX_EVIDENCE:
                evidence.append(reader.sentence_of(assertion))
    # Mentions written per sentence (the default, no span assertions): a mention per sentence naming the entity.
    for s, sentence in rdf.subject_objects(MIG.mentionedInSentence):
        data = nodes.get(s)
        if data is None:
            continue
        data.mentions += 1
        text, document = reader.sentence_text.get(sentence), reader.document_of(sentence)
        if document:
            data.documents.add(document)
        if text:
            data.sentences.append((text, document))
        by_sentence[sentence].append(s)

    graph = nx.Graph()  # nodes and edges are added in sorted order: the same RDF gives the same network
    for node, data in sorted(nodes.items(), key=lambda kv: str(kv[0])):
        sentences = sorted(set(data.sentences), key=lambda st: (st[1] or "", st[0]))[:_MAX_EVIDENCE]
        graph.add_node(str(node), type=data.type, label=data.label, roles=sorted(data.roles),
                       aliases=sorted(data.aliases), documents=sorted(data.documents),
                       sentences=sentences, mentions=data.mentions,
                       **({"text": data.text} if data.text is not None else {}))

    pending: list[tuple[str, str, str, list[tuple[str | None, str | None]]]] = []

    def add(source, target, relation: str, evidence: Iterable[tuple[str | None, str | None]]) -> None:
        if source != target:
            pending.append((str(source), str(target), relation, list(evidence)))

    def apply(a: str, b: str, relation: str, evidence: list[tuple[str | None, str | None]]) -> None:
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, relations=set(), evidence=[], weight=0, directed=None)
        edge = graph.edges[a, b]
        edge["relations"].add(relation)
        edge["weight"] += 1
        if relation != CO_MENTION and edge["directed"] is None:
            edge["directed"] = (a, b)
        kept = sum(1 for e in edge["evidence"] if e.relation == relation)
        for sentence, document in evidence:
            if kept >= _MAX_EVIDENCE:
                break
            edge["evidence"].append(Evidence(relation, a, b, sentence, document))
            kept += 1

    # Stated relations between two nodes: asserted ones with their sentences, and plain triples.
    for s, p, o in rdf.triples((None, None, None)):
        if p in _SKIP_PREDICATES or p == RDF.type or s not in nodes or o not in nodes:
            continue
        evidence = triple_evidence.get((s, p, o)) or [reader.sentence_of(s)]
        add(s, o, local_name(p), [e for e in evidence if e[0] or e[1]])

    for flow in reader.flows:
        origins = list(rdf.objects(flow, MIG.origin))
        destinations = list(rdf.objects(flow, MIG.destination))
        sentence = reader.sentence_of(flow)
        for origin in origins:
            for destination in destinations:
                if origin in nodes and destination in nodes:
                    add(origin, destination, FLOW, [sentence] if sentence[0] else [])

    for sentence, members in by_sentence.items():
        unique = sorted(set(members), key=str)
        if len(unique) < 2 or len(unique) > _MAX_CO_MENTION:
            continue
        text, document = reader.sentence_text.get(sentence), reader.document_of(sentence)
        for i, a in enumerate(unique):
            for b in unique[i + 1:]:
                add(a, b, CO_MENTION, [(text, document)])

    pending.sort(key=lambda p: (p[0], p[1], p[2], [(t or "", d or "") for t, d in p[3]]))
    for a, b, relation, evidence in pending:
        apply(a, b, relation, evidence)
    for _a, _b, edge in graph.edges(data=True):
        edge["relations"] = sorted(edge["relations"])
    return graph


def subgraph_for(graph: nx.Graph, terms: Iterable[str]) -> nx.Graph:
    """The nodes named by IRIs or labels (case-insensitive) among ``terms``, with the edges between them."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[data["label"].casefold()].append(node)
    keep = set()
    for term in terms:
        if term in graph:
            keep.add(term)
        else:
            keep.update(by_label.get(str(term).casefold(), ()))
    return graph.subgraph(keep).copy()


# --------------------------------------------------------------------------- flows


def flow_network(rdf: Graph) -> nx.MultiDiGraph:
    """Countries (and the groups policies target) as nodes; flows and policies as directed edges.

    Flow edges (``kind="flow"``) aggregate every mig:Flow from one origin to one destination:
    ``reports`` (how many flow statements), ``people`` (sum of the counted people, 0 when no
    number was given), ``groups`` and ``evidence`` (sentence, document). Policy edges
    (``kind="policy"``) go from the actor to the target group, one per policy type, with
    ``policy_type`` and ``reports``. Groups link to their nationality (``kind="nationality"``).
    """
    reader = _Reader(rdf)
    network = nx.MultiDiGraph()

    def node(term) -> str:
        key = str(term)
        if key not in network:
            kind = reader.types.get(term, "Country")
            network.add_node(key, type=kind, label=_label(rdf, term, kind))
        return key

    flows: dict[tuple[str, str], dict] = {}
    for flow in reader.flows:
        people = sum(p for q in rdf.objects(flow, MIG.quantity) if (p := _quantity_people(rdf, q)) is not None)
        groups = {str(rdf.value(g, RDFS.label) or local_name(g)) for g in rdf.objects(flow, MIG.group)}
        groups |= {str(d) for d in rdf.objects(flow, MIG.groupDescription)}
        sentence = reader.sentence_of(flow)
        for origin in rdf.objects(flow, MIG.origin):
            for destination in rdf.objects(flow, MIG.destination):
                if origin == destination:
                    continue
                key = (node(origin), node(destination))
                entry = flows.setdefault(key, {"reports": 0, "people": 0.0, "groups": set(), "evidence": []})
                entry["reports"] += 1
                entry["people"] += people
                entry["groups"] |= groups
                if sentence[0] and len(entry["evidence"]) < _MAX_EVIDENCE:
                    entry["evidence"].append(sentence)
    for (origin, destination), entry in sorted(flows.items()):
        network.add_edge(origin, destination, key=FLOW, kind=FLOW, reports=entry["reports"],
                         people=entry["people"], groups=sorted(entry["groups"]), evidence=entry["evidence"])

    policies: dict[tuple[str, str, str], dict] = {}
    for policy in rdf.subjects(RDF.type, MIG.Policy):
        types = [concept_label(t) for t in rdf.objects(policy, MIG.policyType)] or ["policy"]
        sentence = reader.sentence_of(policy)
        for actor in rdf.objects(policy, MIG.actor):
            for target in rdf.objects(policy, MIG.target):
                for ptype in types:
                    key = (node(actor), node(target), ptype)
                    entry = policies.setdefault(key, {"reports": 0, "evidence": []})
                    entry["reports"] += 1
                    if sentence[0] and len(entry["evidence"]) < _MAX_EVIDENCE:
                        entry["evidence"].append(sentence)
    for (actor, target, ptype), entry in sorted(policies.items()):
        network.add_edge(actor, target, key=f"policy:{ptype}", kind="policy", policy_type=ptype,
                         reports=entry["reports"], evidence=entry["evidence"])
    for group in [n for n, d in network.nodes(data=True) if d["type"] == "Group"]:
        for country in rdf.objects(URIRef(group), MIG.nationality):
            network.add_edge(group, node(country), key="nationality", kind="nationality", reports=1, evidence=[])
    return network


def country_strength(network: nx.MultiDiGraph) -> list[dict]:
    """In/out strength of each country in the flow network (reports and people), busiest first."""
    rows = []
    for country, data in network.nodes(data=True):
        if data["type"] != "Country":
            continue
        out_edges = [d for _, _, d in network.out_edges(country, data=True) if d["kind"] == FLOW]
        in_edges = [d for _, _, d in network.in_edges(country, data=True) if d["kind"] == FLOW]
        if not out_edges and not in_edges:
            continue
        rows.append({
            "country": data["label"], "iri": country,
            "out_reports": sum(d["reports"] for d in out_edges), "in_reports": sum(d["reports"] for d in in_edges),
            "out_people": sum(d["people"] for d in out_edges), "in_people": sum(d["people"] for d in in_edges),
        })
    rows.sort(key=lambda r: (-(r["in_reports"] + r["out_reports"]), r["country"]))
    return rows


# --------------------------------------------------------------------------- statistics


def _top(scores: dict[str, float], graph: nx.Graph, n: int) -> list[dict]:
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["label"], kv[0]))[:n]
    return [{"label": graph.nodes[k]["label"], "type": graph.nodes[k]["type"], "iri": k, "score": round(v, 6)}
            for k, v in ranked]


def pagerank(graph: nx.Graph) -> dict[str, float]:
    if graph.number_of_nodes() == 0:
        return {}
    return nx.pagerank(graph, weight="weight")


def centrality(graph: nx.Graph, top: int = 10, betweenness_sample: int = 500, seed: int = 42) -> dict[str, list]:
    """Most central nodes by degree, betweenness (sampled above ``betweenness_sample`` nodes) and PageRank."""
    if graph.number_of_nodes() == 0:
        return {"degree": [], "betweenness": [], "pagerank": []}
    k = betweenness_sample if graph.number_of_nodes() > betweenness_sample else None
    return {
        "degree": _top(nx.degree_centrality(graph), graph, top),
        "betweenness": _top(nx.betweenness_centrality(graph, k=k, seed=seed), graph, top),
        "pagerank": _top(pagerank(graph), graph, top),
    }


def communities(graph: nx.Graph, seed: int = 42, members: int = 8) -> list[dict]:
    """Louvain communities (weighted, fixed seed), largest first, each with its best-connected members."""
    if graph.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    degree = dict(graph.degree(weight="weight"))
    result = []
    for group in found:
        if len(group) < 2:
            continue
        ranked = sorted(group, key=lambda n: (-degree[n], graph.nodes[n]["label"], n))
        result.append({"size": len(group), "members": [graph.nodes[n]["label"] for n in ranked[:members]],
                       "types": dict(sorted(Counter(graph.nodes[n]["type"] for n in group).items()))})
    result.sort(key=lambda c: (-c["size"], c["members"]))
    return result


def statistics(rdf: Graph, graph: nx.Graph | None = None, top: int = 10) -> dict:
    """Everything ``migraph stats`` reports, as plain JSON-ready data."""
    graph = entity_graph(rdf) if graph is None else graph
    relations = Counter(r for _, _, d in graph.edges(data=True) for r in d["relations"])
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "counts": {t: c for t in NODE_TYPES if (c := sum(1 for _, d in graph.nodes(data=True) if d["type"] == t))},
        "relations": dict(sorted(relations.items(), key=lambda kv: (-kv[1], kv[0]))),
        "components": nx.number_connected_components(graph) if graph.number_of_nodes() else 0,
        "central": centrality(graph, top=top),
        "communities": communities(graph),
        "flows": country_strength(flow_network(rdf)),
    }


def format_statistics(stats: dict) -> str:
    """A plain-text report of :func:`statistics`."""
    lines = [f"{stats['nodes']} nodes, {stats['edges']} edges, {stats['components']} connected components"]
    lines.append("nodes by type: " + (", ".join(f"{c} {t}" for t, c in stats["counts"].items()) or "none"))
    lines.append("edges by relation: " + (", ".join(f"{c} {r}" for r, c in stats["relations"].items()) or "none"))
    for measure, rows in stats["central"].items():
        lines.append(f"\nmost central by {measure}:")
        for row in rows:
            lines.append(f"  {row['score']:.4f}  {row['label']} ({row['type']})")
    lines.append(f"\ncommunities (Louvain): {len(stats['communities'])}")
    for n, community in enumerate(stats["communities"][:10], 1):
        more = ", …" if community["size"] > len(community["members"]) else ""
        lines.append(f"  {n}. {community['size']} nodes: {', '.join(community['members'])}{more}")
    lines.append("\ncountry flow network:")
    if not stats["flows"]:
        lines.append("  no migration flows in the graph")
    else:
        lines.append(f"  {'country':<24} {'out reports':>11} {'in reports':>10} {'out people':>11} {'in people':>10}")
        for row in stats["flows"]:
            lines.append(f"  {row['country'][:24]:<24} {row['out_reports']:>11} {row['in_reports']:>10} "
                         f"{row['out_people']:>11,.0f} {row['in_people']:>10,.0f}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- paths


class NotFound(ValueError):
    """No entity matches a label, or no path joins two entities."""


def find_node(graph: nx.Graph, name: str) -> str:
    """The node whose label (else alias) equals ``name`` case-insensitively; most mentioned wins a tie."""
    wanted = name.casefold().strip()
    if name in graph:
        return name
    for attr in ("label", "aliases"):
        found = [n for n, d in graph.nodes(data=True)
                 if (d[attr].casefold() == wanted if attr == "label" else wanted in {a.casefold() for a in d[attr]})]
        if found:
            return min(found, key=lambda n: (-graph.nodes[n]["mentions"], n))
    raise NotFound(f"no entity named {name!r} in the graph")


@dataclass
class Hop:
    source: str
    target: str
    source_label: str
    target_label: str
    evidence: list[Evidence]


def explain_path(graph: nx.Graph, a: str, b: str) -> list[Hop]:
    """The shortest chain of entities joining ``a`` and ``b`` (labels), each hop with its sentences.

    Stated relations are preferred to co-mentions: an edge with a relation costs 1, a
    co-mention-only edge 2, so "X is affiliated with Y" wins over "X and Y in one sentence".
    """
    source, target = find_node(graph, a), find_node(graph, b)
    if source == target:
        raise NotFound(f"{a!r} and {b!r} are the same entity")

    def cost(_u, _v, data) -> float:
        return 2.0 if data["relations"] == [CO_MENTION] else 1.0

    try:
        nodes = nx.shortest_path(graph, source, target, weight=cost)
    except nx.NetworkXNoPath as error:
        raise NotFound(f"{graph.nodes[source]['label']!r} and {graph.nodes[target]['label']!r} "
                       "are not connected") from error
    hops = []
    for u, v in zip(nodes, nodes[1:], strict=False):
        evidence = sorted(graph.edges[u, v]["evidence"], key=lambda e: (e.relation == CO_MENTION, e.relation))
        hops.append(Hop(u, v, graph.nodes[u]["label"], graph.nodes[v]["label"], evidence))
    return hops


def format_path(hops: list[Hop], per_hop: int = 2) -> str:
    lines = [" → ".join([hops[0].source_label] + [h.target_label for h in hops])]
    for n, hop in enumerate(hops, 1):
        relations = sorted({e.relation for e in hop.evidence}) or ["related"]
        lines.append(f"\n{n}. {hop.source_label} — {', '.join(relations)} — {hop.target_label}")
        shown = 0
        for evidence in hop.evidence:
            if shown >= per_hop:
                break
            if evidence.sentence:
                text = " ".join(evidence.sentence.split())
                lines.append(f"   [{evidence.relation}] “{text}” ({evidence.document or 'unknown document'})")
                shown += 1
        if not shown:
            lines.append("   (no sentence recorded)")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- export


def exportable(graph: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes (GEXF and GraphML take no lists): lists joined with '; '."""
    out = nx.Graph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, label=data["label"], type=data["type"], roles="; ".join(data["roles"]),
                     documents="; ".join(data["documents"]), mentions=int(data["mentions"]))
    for a, b, data in graph.edges(data=True):
        out.add_edge(a, b, label="; ".join(data["relations"]), relations="; ".join(data["relations"]),
                     weight=float(data["weight"]))
    return out


def write_network(graph: nx.Graph, fmt: str, path: str | Path) -> Path:
    """Write the entity graph as GEXF or GraphML (atomically); returns the path written."""
    import io

    from graph.build import write_atomic

    fmt = fmt.lower()
    buffer = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(exportable(graph), buffer)
    elif fmt == "graphml":
        nx.write_graphml(exportable(graph), buffer)
    else:
        raise ValueError(f"unknown network format {fmt!r} (expected gexf or graphml)")
    path = Path(path)
    write_atomic(path, buffer.getvalue())
    return path
