"""Generate the human-readable ontology page (``ontology/README.md``) from the Turtle.

``python -m ontology.docs [-o FILE]`` or ``migraph ontology-docs``. The page lists the classes,
properties and concept schemes of ``ontology/migraph.ttl`` with their comments and alignments,
and each class's SHACL constraints from ``ontology/shapes.ttl``. Output is deterministic;
``tests/test_validate.py`` regenerates it and compares, so run this after
changing the ontology.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "migraph.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
DEFAULT_OUT = HERE / "README.md"
MIG = "https://w3id.org/migraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/migraph/ontology")
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "mig": MIG, "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
    "sem": "http://semanticweb.cat/ns/sem#", "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": DCTERMS, "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS), "skos": str(SKOS),
    "xsd": "http://www.w3.org/2001/XMLSchema#", "crm": "http://www.cidoc-crm.org/cidoc-crm/",
    "time": "http://www.w3.org/2006/time#", "vann": "http://purl.org/vocab/vann/",
}
ALIGNMENT_PREDICATES = (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty,
                        OWL.inverseOf, SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch,
                        SKOS.relatedMatch, OWL.sameAs)


def _qname(term) -> str:
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def _anchor(term) -> str:
    return "mig-" + re.sub(r"[^A-Za-z0-9]+", "-", str(term)[len(MIG):])  # case kept: Country vs country


def _link(term, graph: Graph) -> str:
    """A Markdown link: mig: terms to their section, others to their IRI; class expressions spelled out."""
    if isinstance(term, BNode):
        for operator, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            head = graph.value(term, operator)
            if head is not None:
                return "(" + word.join(_link(member, graph) for member in Collection(graph, head)) + ")"
        return "(anonymous class)"
    if isinstance(term, Literal):
        return f"`{term}`"
    name = _qname(term)
    if str(term).startswith(MIG):
        return f"[{name}](#{_anchor(term)})"
    if name.startswith("<"):
        return f"<{term}>"
    return f"[{name}]({term})"


def _text(graph: Graph, term, predicate=RDFS.comment) -> str:
    values = sorted(graph.objects(term, predicate), key=lambda v: (getattr(v, "language", "") != "en", str(v)))
    return " ".join(str(values[0]).split()) if values else ""


def _label(graph: Graph, term) -> str:
    return _text(graph, term, RDFS.label) or _text(graph, term, SKOS.prefLabel)


def _terms(graph: Graph, rdf_type) -> list[URIRef]:
    return sorted((t for t in set(graph.subjects(RDF.type, rdf_type)) if str(t).startswith(MIG)), key=str)


def _links(graph: Graph, values) -> str:
    return ", ".join(sorted(_link(v, graph) for v in values))


def _shape_lines(shapes: Graph, cls: URIRef) -> list[str]:
    """One line per property constraint of the class's SHACL shape: path, cardinality, values."""
    lines = []
    for shape in sorted(shapes.subjects(SH.targetClass, cls), key=str):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if path is None:
                continue
            low, high = shapes.value(prop, SH.minCount), shapes.value(prop, SH.maxCount)
            qualified = shapes.value(prop, SH.qualifiedMinCount)
            if low is None and qualified is not None:
                low = qualified
            card = f"{low or 0}..{high if high is not None else '*'}"
            facets = []
            for name, predicate in (("class", SH["class"]), ("datatype", SH.datatype), ("pattern", SH.pattern)):
                value = shapes.value(prop, predicate)
                if value is not None:
                    facets.append(f"{name} {_qname(value) if isinstance(value, URIRef) else f'`{value}`'}")
            message = str(shapes.value(prop, SH.message) or "")
            lines.append(f"`{_qname(path)}` [{card}]" + (f" {'; '.join(facets)}" if facets else "")
                         + (f" — {message}" if message else ""))
        message = shapes.value(shape, SH.message)
        if message is not None and shapes.value(shape, SH["or"]) is not None:
            lines.append(f"either/or — {message}")
    return sorted(set(lines))


def _section(graph: Graph, shapes: Graph, term: URIRef, kind: str) -> list[str]:
    label = _label(graph, term)
    out = [f'<a id="{_anchor(term)}"></a>', f"### {_qname(term)}" + (f" — {label}" if label else ""), ""]
    comment = _text(graph, term)
    if comment:
        out += [comment, ""]
    facts = [("IRI", f"<{term}>")]
    types = [t for t in graph.objects(term, RDF.type) if t not in (OWL.Class, OWL.ObjectProperty,
                                                                    OWL.DatatypeProperty, OWL.NamedIndividual)]
    if kind != "class" and types:
        facts.append(("Type", _links(graph, types)))
    for name, predicate in (("Subclass of", RDFS.subClassOf), ("Equivalent to", OWL.equivalentClass),
                            ("Subproperty of", RDFS.subPropertyOf), ("Equivalent property", OWL.equivalentProperty),
                            ("Inverse of", OWL.inverseOf), ("Domain", RDFS.domain), ("Range", RDFS.range),
                            ("In scheme", SKOS.inScheme), ("Exact match", SKOS.exactMatch),
                            ("Close match", SKOS.closeMatch), ("Same as", OWL.sameAs), ("See also", RDFS.seeAlso)):
        values = list(graph.objects(term, predicate))
        if values:
            facts.append((name, _links(graph, values)))
    head = graph.value(term, OWL.oneOf)
    if head is not None:
        facts.append(("One of", ", ".join(_link(v, graph) for v in Collection(graph, head))))
    instances = [s for s in graph.subjects(RDF.type, term) if str(s).startswith(MIG)]
    if kind == "class" and instances and head is None:
        facts.append(("Instances", _links(graph, instances)))
    subclasses = [s for s in graph.subjects(RDFS.subClassOf, term) if str(s).startswith(MIG)]
    if subclasses:
        facts.append(("Subclasses", _links(graph, subclasses)))
    out += [f"- **{name}:** {value}" for name, value in facts]
    constraints = _shape_lines(shapes, term) if kind == "class" else []
    if constraints:
        out += ["- **SHACL constraints** (`ontology/shapes.ttl`):"] + [f"  - {line}" for line in constraints]
    return out + [""]


def _scheme_section(graph: Graph, scheme: URIRef) -> list[str]:
    label = _label(graph, scheme)
    out = [f'<a id="{_anchor(scheme)}"></a>', f"### {_qname(scheme)}" + (f" — {label}" if label else ""), ""]
    comment = _text(graph, scheme)
    if comment:
        out += [comment, ""]
    out += ["| concept | label | definition |", "| --- | --- | --- |"]
    for concept in sorted(set(graph.subjects(SKOS.inScheme, scheme)), key=str):
        definition = _text(graph, concept, SKOS.definition) or _text(graph, concept)
        out.append(f'| <a id="{_anchor(concept)}"></a>{_qname(concept)} | {_label(graph, concept)} | '
                   f"{definition.replace('|', '/')} |")
    return out + [""]


def _alignment_table(graph: Graph) -> list[str]:
    rows = set()
    for predicate in ALIGNMENT_PREDICATES:
        for subject, target in graph.subject_objects(predicate):
            if str(subject).startswith(MIG) and isinstance(target, URIRef) and not str(target).startswith(MIG):
                rows.add((_qname(subject), _qname(predicate), _qname(target), str(target)))
    out = ["| migraph term | relation | external term |", "| --- | --- | --- |"]
    out += [f"| {s} | {p} | [{o}]({iri}) |" for s, p, o, iri in sorted(rows)]
    return out + [""]


def render(ontology: Path = ONTOLOGY_PATH, shapes_path: Path = SHAPES_PATH) -> str:
    """The Markdown page for the ontology (and its shapes, when the shapes file exists)."""
    graph = Graph().parse(ontology, format="turtle")
    shapes = Graph().parse(shapes_path, format="turtle") if shapes_path.is_file() else Graph()
    classes = _terms(graph, OWL.Class)
    object_props = _terms(graph, OWL.ObjectProperty)
    data_props = _terms(graph, OWL.DatatypeProperty)
    schemes = _terms(graph, SKOS.ConceptScheme)
    in_schemes = set(graph.subjects(SKOS.inScheme, None))
    individuals = [t for t in _terms(graph, OWL.NamedIndividual) if t not in in_schemes and t not in schemes]

    title = _text(graph, ONTOLOGY_IRI, URIRef(DCTERMS + "title")) or "migraph ontology"
    out = [
        f"# {title}",
        "",
        "<!-- Generated from ontology/migraph.ttl and ontology/shapes.ttl by `migraph ontology-docs` "
        "(python -m ontology.docs). Do not edit by hand: change the Turtle and regenerate. -->",
        "",
        _text(graph, ONTOLOGY_IRI, URIRef(DCTERMS + "description")),
        "",
        f"- **Namespace:** `{MIG}` (prefix `mig:`)",
        f"- **Version:** {graph.value(ONTOLOGY_IRI, OWL.versionInfo) or 'unversioned'}",
        f"- **Terms:** {len(classes)} classes, {len(object_props)} object properties, "
        f"{len(data_props)} datatype properties, {len(schemes)} concept schemes",
        "",
        "## Contents",
        "",
        "- [Classes](#classes): " + ", ".join(_link(t, graph) for t in classes),
        "- [Object properties](#object-properties): " + ", ".join(_link(t, graph) for t in object_props),
        "- [Datatype properties](#datatype-properties): " + ", ".join(_link(t, graph) for t in data_props),
        "- [Concept schemes](#concept-schemes): " + ", ".join(_link(t, graph) for t in schemes),
        "- [Named individuals](#named-individuals)",
        "- [Alignments](#alignments)",
        "",
        "## Classes",
        "",
    ]
    for term in classes:
        out += _section(graph, shapes, term, "class")
    out += ["## Object properties", ""]
    for term in object_props:
        out += _section(graph, shapes, term, "property")
    out += ["## Datatype properties", ""]
    for term in data_props:
        out += _section(graph, shapes, term, "property")
    out += ["## Concept schemes", ""]
    for scheme in schemes:
        out += _scheme_section(graph, scheme)
    out += ["## Named individuals", ""]
    for term in individuals:
        out += _section(graph, shapes, term, "individual")
    out += ["## Alignments", "", "Every link from a migraph term to a term of another vocabulary:", ""]
    out += _alignment_table(graph)
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ontology.docs", description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT, help="output file (default: %(default)s)")
    args = parser.parse_args(argv)
    from graph.build import write_atomic

    write_atomic(args.out, render().encode("utf-8"))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
