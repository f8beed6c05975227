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
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
TIME = Namespace("http://www.w3.org/2006/time#")
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
    "crm": CRM,
    "time": TIME,
    "gn": GEONAMES,
}

ENTITY_CLASSES = {
    "Person": MIG.Person,
    "Country": MIG.Country,
    "Place": MIG.Place,
    "Organization": MIG.Organization,
    "Group": MIG.Group,
}

POLICY_TYPES: tuple[str, ...] = (
    "EntryBan", "BorderBarrier", "VisaRestriction", "VisaFree", "AsylumOffer", "AsylumRestriction",
    "Admission", "Deportation", "Detention", "FlightBan", "Manhunt", "Mobilization", "Exemption", "Aid",
    "Sanction", "Relocation",
)
"""Top concepts of mig:PolicyTypeScheme; each is ``MIG[name]``, and ``policy_property`` names its direct triple."""

POLICY_STATUSES = {"in_force": MIG.InForce, "announced": MIG.Announced, "planned": MIG.Planned}

EVENT_TYPES: tuple[str, ...] = (
    "Mobilization", "Exodus", "BorderQueue", "BorderCrossingChange", "Invasion", "Referendum", "Shipwreck",
    "Protest", "Deportation",
)
"""Kinds of event the extractors report; each is the class ``MIG[name + "Event"]``."""


def policy_property(policy_type: str):
    """The direct actor→group property of a policy type: EntryBan → mig:entryBanFor."""
    return MIG[policy_type[0].lower() + policy_type[1:] + "For"]


def event_class(event_type: str):
    """The mig: class of an event type ("Mobilization" or "MobilizationEvent" → mig:MobilizationEvent)."""
    name = event_type if event_type.endswith("Event") else event_type + "Event"
    if name[: -len("Event")] not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    return MIG[name]


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
