"""The namespaces and IRI scheme of migraph, defined once.

Every module that writes or reads the graph imports its terms from here, so the
ontology in ``ontology/migraph.ttl`` and the code cannot drift apart silently
(``tests/test_ontology.py`` checks that every term used here is declared there).
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

MIG = Namespace("https://w3id.org/migraph/ontology#")
"""Classes and properties of the migraph ontology."""

ID = Namespace("https://w3id.org/migraph/id/")
"""Instances: documents, sentences, entities, quotations, assertions."""

SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cat/ns/sem#")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")

PREFIXES: dict[str, Namespace] = {
    "mig": MIG,
    "id": ID,
    "schema": SCHEMA,
    "prov": PROV,
    "sem": SEM,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "wd": WD,
    "gn": GEONAMES,
}

ENTITY_CLASSES = {
    "Person": MIG.Person,
    "Country": MIG.Country,
    "Place": MIG.Place,
    "Organization": MIG.Organization,
    "Group": MIG.Group,
}

ENTITY_PATHS = {
    "Person": "person",
    "Country": "country",
    "Place": "place",
    "Organization": "org",
    "Group": "group",
}


def slugify(text: str) -> str:
    """A readable, stable IRI segment: ASCII, lower case, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x"


def entity_iri(kind: str, key: str):
    """IRI of an entity: the same key in any document gives the same node."""
    return ID[f"{ENTITY_PATHS[kind]}/{key}"]


def bind_prefixes(graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
