"""Assertions to RDF: entities, quotations and provenance, with stable IRIs.

Each fact is written twice on purpose: as a direct triple that reads like the design
card (``:VladimirPutin mig:mentionedIn :doc``, ``:quote mig:speaker :VladimirPutin``) and
as a ``mig:Assertion`` (an ``rdf:Statement``) that carries its evidence — document,
sentence, character offsets and extractor — so "where does this fact come from?" is
one SPARQL join (see ``queries/sources.rq``).
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import date
from functools import cache, lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from extractors.assertions import (
    DocumentAssertions,
    Entity,
    Event,
    Evidence,
    Flow,
    Policy,
    Quantity,
    Quotation,
    TimeExpression,
)
from extractors.gazetteer import gazetteer
from graph.documents import Document
from graph.vocab import (
    ENTITY_CLASSES,
    GEONAMES,
    ID,
    MIG,
    POLICY_STATUSES,
    POLICY_TYPES,
    SCHEMA,
    bind_prefixes,
    entity_iri,
    event_class,
    policy_property,
)

SCHEMA_CLASSES = {
    "Person": SCHEMA.Person,
    "Country": SCHEMA.Country,
    "Place": SCHEMA.Place,
    "Organization": SCHEMA.Organization,
}


def new_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    return graph


def document_iri(document: Document) -> URIRef:
    return ID[f"doc/{document.doc_id}"]


def sentence_iri(document: Document, start: int, end: int) -> URIRef:
    return ID[f"doc/{document.doc_id}/sentence/{start}-{end}"]


@cache
def extractor_iri(name: str) -> URIRef:
    return ID[f"extractor/{name}"]


@cache
def _extractor_label(name: str) -> Literal:
    return Literal(name)


@lru_cache(maxsize=65536)
def integer(n: int) -> Literal:
    """An xsd:integer literal; offsets recur in every assertion and rdflib literals are slow to build."""
    return Literal(n, datatype=XSD.integer)


def graph_iri(document: Document) -> URIRef:
    """The named graph holding one document's triples, keyed by its content hash (so re-ingesting is a no-op)."""
    return ID[f"graph/{document.doc_id}"]


class DocumentWriter:
    """Writes one document's assertions into a graph."""

    def __init__(self, graph: Graph, document: Document):
        self.graph = graph
        self.document = document
        self.doc = document_iri(document)
        self.sentences_written: set[tuple[int, int]] = set()

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def write_document(self) -> None:
        d = self.document
        self.add(self.doc, RDF.type, MIG.Document)
        self.add(self.doc, RDF.type, SCHEMA.NewsArticle)
        self.add(self.doc, MIG.fileName, Literal(d.name))
        self.add(self.doc, MIG.sha256, Literal(d.sha256))
        self.add(self.doc, MIG.characterCount, Literal(len(d.text), datatype=XSD.integer))
        if d.title:
            self.add(self.doc, DCTERMS.title, Literal(d.title))
        if d.published:
            self.add(self.doc, SCHEMA.datePublished, Literal(d.published.isoformat(), datatype=XSD.date))
        if d.url:
            self.add(self.doc, SCHEMA.url, Literal(d.url, datatype=XSD.anyURI))

    def sentence(self, start: int, end: int) -> URIRef:
        iri = sentence_iri(self.document, start, end)
        if (start, end) not in self.sentences_written:
            self.sentences_written.add((start, end))
            self.add(iri, RDF.type, MIG.Sentence)
            self.add(iri, MIG.text, Literal(self.document.text[start:end]))
            self.add(iri, MIG.startOffset, integer(start))
            self.add(iri, MIG.endOffset, integer(end))
            self.add(iri, MIG.document, self.doc)
        return iri

    def assertion(self, s, p, o, evidence: Evidence, surface: str | None = None) -> URIRef:
        """Record the triple with its evidence as a reified mig:Assertion."""
        self.add(s, p, o)
        digest = hashlib.sha1(
            f"{s}|{p}|{o}|{evidence.start}|{evidence.end}|{evidence.extractor}".encode()
        ).hexdigest()[:16]
        node = ID[f"doc/{self.document.doc_id}/assertion/{digest}"]
        self.add(node, RDF.type, MIG.Assertion)
        self.add(node, RDF.subject, s)
        self.add(node, RDF.predicate, p)
        self.add(node, RDF.object, o)
        self.add(node, MIG.document, self.doc)
        self.add(node, MIG.sentence, self.sentence(evidence.sentence_start, evidence.sentence_end))
        self.add(node, MIG.startOffset, integer(evidence.start))
        self.add(node, MIG.endOffset, integer(evidence.end))
        agent = extractor_iri(evidence.extractor)
        self.add(node, PROV.wasAttributedTo, agent)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, _extractor_label(evidence.extractor))
        if surface is not None:
            self.add(node, MIG.surfaceForm, Literal(surface))
        return node

    def write_entity(self, entity: Entity) -> URIRef:
        iri = entity_iri(entity.kind, entity.key)
        self.add(iri, RDF.type, ENTITY_CLASSES[entity.kind])
        self.add(iri, RDFS.label, Literal(entity.name))
        for alias in sorted(entity.aliases):
            self.add(iri, MIG.alias, Literal(alias))
        attrs = entity.attributes
        if entity.kind == "Country":
            self._country_identity(iri, entity.key)
        role = str(attrs.get("role") or "").strip()
        if role:  # an empty role ("the" stripped of its noun) says nothing and fails validation
            self.add(iri, MIG.role, Literal(role))
        if "age" in attrs:
            self.add(iri, MIG.age, Literal(int(attrs["age"]), datatype=XSD.integer))
        if "gender" in attrs and entity.kind == "Person":
            self.add(iri, MIG.nameGender, Literal(str(attrs["gender"])))
        for evidence in entity.mentions:
            surface = self.document.text[evidence.start:evidence.end]
            self.assertion(iri, MIG.mentionedIn, self.doc, evidence, surface)
        return iri

    def _country_identity(self, iri: URIRef, iso: str) -> None:
        gaz = gazetteer()
        country = gaz.countries.get(iso)
        self.add(iri, MIG.isoCode, Literal(iso))
        if country is None:
            return
        if country.iso3:
            self.add(iri, MIG.isoAlpha3, Literal(country.iso3))
        if country.geonames_id:
            self.add(iri, OWL.sameAs, GEONAMES[f"{country.geonames_id}/"])

    def write_relations(self, assertions: DocumentAssertions) -> None:
        for relation in assertions.relations:
            s = entity_iri(relation.subject_kind, relation.subject_key)
            o = entity_iri(relation.object_kind, relation.object_key)
            self.assertion(s, MIG[relation.predicate], o, relation.evidence)

    def write_quotation(self, quote: Quotation) -> URIRef:
        ev = quote.evidence
        iri = ID[f"doc/{self.document.doc_id}/quote/{ev.start}-{ev.end}"]
        self.add(iri, RDF.type, MIG.Quotation)
        self.add(iri, RDF.type, SCHEMA.Quotation)
        self.assertion(iri, MIG.quotedText, Literal(quote.text), ev)
        self.add(iri, MIG.quoteKind, MIG[_kind_term(quote.kind)])
        self.add(iri, MIG.document, self.doc)
        self.add(iri, MIG.sentence, self.sentence(ev.sentence_start, ev.sentence_end))
        self.add(iri, MIG.startOffset, Literal(ev.start, datatype=XSD.integer))
        self.add(iri, MIG.endOffset, Literal(ev.end, datatype=XSD.integer))
        if quote.speaker_key and quote.speaker_kind in ENTITY_CLASSES:
            speaker = entity_iri(quote.speaker_kind, quote.speaker_key)
            self.assertion(iri, MIG.speaker, speaker, ev)
        if quote.speaker_description:
            self.add(iri, MIG.speakerDescription, Literal(quote.speaker_description))
        if quote.cue:
            self.add(iri, MIG.attributionCue, Literal(quote.cue))
        return iri

    # --- policies, flows, events, with their times and quantities ---------------------------------

    def _node(self, kind: str, *parts: object) -> URIRef:
        """A stable IRI for a fact node of this document, from what identifies the fact."""
        digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
        return ID[f"doc/{self.document.doc_id}/{kind}/{digest}"]

    def _provenance(self, node: URIRef, evidence: Evidence) -> None:
        """The fact node's own evidence: document, sentence, span and extractor."""
        self.add(node, MIG.document, self.doc)
        self.add(node, MIG.sentence, self.sentence(evidence.sentence_start, evidence.sentence_end))
        self.add(node, MIG.startOffset, integer(evidence.start))
        self.add(node, MIG.endOffset, integer(evidence.end))
        agent = extractor_iri(evidence.extractor)
        self.add(node, PROV.wasAttributedTo, agent)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, _extractor_label(evidence.extractor))

    def _ensure_entity(self, kind: str, key: str) -> URIRef:
        """An entity referenced by a fact is typed even when it has no mention of its own."""
        iri = entity_iri(kind, key)
        if (iri, RDF.type, ENTITY_CLASSES[kind]) not in self.graph:
            self.add(iri, RDF.type, ENTITY_CLASSES[kind])
            if kind == "Country":
                country = gazetteer().countries.get(key)
                self.add(iri, RDFS.label, Literal(country.name if country else key))
                self._country_identity(iri, key)
        return iri

    def write_time(self, time: TimeExpression) -> URIRef:
        iri = ID[f"doc/{self.document.doc_id}/time/{time.start}-{time.end}"]
        self.add(iri, RDF.type, MIG.TimeExpression)
        self.add(iri, MIG.expression, Literal(time.text))
        self.add(iri, MIG.granularity, Literal(time.granularity))
        self.add(iri, MIG.document, self.doc)
        self.add(iri, MIG.startOffset, Literal(time.start, datatype=XSD.integer))
        self.add(iri, MIG.endOffset, Literal(time.end, datatype=XSD.integer))
        if time.value:
            self.add(iri, MIG.resolvedValue, Literal(time.value))
            self._dates(iri, time)
        return iri

    def _dates(self, node: URIRef, time: TimeExpression) -> None:
        bounds = date_bounds(time.value) if time.value else None
        if bounds:
            self.add(node, MIG.date, Literal(bounds[0].isoformat(), datatype=XSD.date))
            if bounds[1] != bounds[0]:
                self.add(node, MIG.latestDate, Literal(bounds[1].isoformat(), datatype=XSD.date))

    def write_quantity(self, quantity: Quantity) -> URIRef:
        iri = ID[f"doc/{self.document.doc_id}/quantity/{quantity.start}-{quantity.end}"]
        self.add(iri, RDF.type, MIG.Quantity)
        self.add(iri, MIG.expression, Literal(quantity.text))
        self.add(iri, MIG.numericValue, Literal(_decimal(quantity.value), datatype=XSD.decimal))
        if quantity.unit:
            self.add(iri, MIG.unit, Literal(quantity.unit))
        if quantity.qualifier:
            self.add(iri, MIG.qualifier, Literal(quantity.qualifier))
        if quantity.counted:
            self.add(iri, MIG.countedNoun, Literal(quantity.counted))
        self.add(iri, MIG.isChange, Literal(bool(quantity.is_change)))
        self.add(iri, MIG.document, self.doc)
        self.add(iri, MIG.startOffset, Literal(quantity.start, datatype=XSD.integer))
        self.add(iri, MIG.endOffset, Literal(quantity.end, datatype=XSD.integer))
        return iri

    def _context(self, node: URIRef, time: TimeExpression | None, quantities: list[Quantity],
                 trigger: str | None) -> None:
        if time is not None:
            self.add(node, MIG.time, self.write_time(time))
            self._dates(node, time)
        for quantity in quantities:
            self.add(node, MIG.quantity, self.write_quantity(quantity))
        if trigger:
            self.add(node, MIG.trigger, Literal(trigger))

    def write_policy(self, policy: Policy) -> URIRef:
        if policy.policy_type not in POLICY_TYPES:
            raise ValueError(f"unknown policy type {policy.policy_type!r}")
        ev = policy.evidence
        node = self._node("policy", policy.actor_kind, policy.actor_key, policy.policy_type, policy.target,
                          ev.start, ev.end)
        actor = self._ensure_entity(policy.actor_kind, policy.actor_key)
        self.add(node, RDF.type, MIG.Policy)
        self.assertion(node, MIG.actor, actor, ev)
        self.add(node, MIG.policyType, MIG[policy.policy_type])
        self.add(node, MIG.status, POLICY_STATUSES[policy.status])
        if policy.target:
            self.add(node, MIG.targetDescription, Literal(policy.target))
        if policy.target_key:
            group = self._ensure_entity("Group", policy.target_key)
            self.add(node, MIG.target, group)
            self.assertion(actor, policy_property(policy.policy_type), group, ev)
        if policy.target_nationality:
            self.add(node, MIG.targetNationality, self._ensure_entity("Country", policy.target_nationality))
        if policy.condition:
            self.add(node, MIG.condition, Literal(policy.condition))
        self._context(node, policy.time, policy.quantities, policy.trigger)
        self._provenance(node, ev)
        return node

    def write_flow(self, flow: Flow) -> URIRef:
        ev = flow.evidence
        node = self._node("flow", flow.origin, flow.destination, ",".join(flow.via), flow.group, ev.start, ev.end)
        self.add(node, RDF.type, MIG.Flow)
        origin = self._ensure_entity("Country", flow.origin) if flow.origin else None
        destination = self._ensure_entity("Country", flow.destination) if flow.destination else None
        if origin is not None:
            self.add(node, MIG.origin, origin)
        if destination is not None:
            self.add(node, MIG.destination, destination)
        for via in flow.via:
            self.add(node, MIG.via, self._ensure_entity("Country", via))
        if origin is not None and destination is not None:
            self.assertion(origin, MIG.flowTo, destination, ev)
        if flow.group:
            self.add(node, MIG.groupDescription, Literal(flow.group))
        if flow.group_key:
            self.add(node, MIG.group, self._ensure_entity("Group", flow.group_key))
        self._context(node, flow.time, flow.quantities, flow.trigger)
        self._provenance(node, ev)
        return node

    def write_event(self, event: Event) -> URIRef:
        ev = event.evidence
        node = self._node("event", event.event_type, event.trigger, ev.start, ev.end)
        self.add(node, RDF.type, MIG.Event)
        self.add(node, RDF.type, event_class(event.event_type))
        if event.agent:
            self.assertion(node, MIG.agent, self._ensure_entity(*event.agent), ev)
        if event.place:
            self.assertion(node, MIG.place, self._ensure_entity(*event.place), ev)
        if event.affected:
            self.add(node, MIG.groupDescription, Literal(event.affected))
        if event.affected_key:
            self.add(node, MIG.group, self._ensure_entity("Group", event.affected_key))
        self._context(node, event.time, event.quantities, event.trigger)
        self._provenance(node, ev)
        return node

    def write_all(self, assertions: DocumentAssertions, quotations: list[Quotation]) -> None:
        self.write_document()
        for key in sorted(assertions.entities):
            self.write_entity(assertions.entities[key])
        self.write_relations(assertions)
        for quote in quotations:
            self.write_quotation(quote)
        for policy in assertions.policies:
            self.write_policy(policy)
        for flow in assertions.flows:
            self.write_flow(flow)
        for event in assertions.events:
            self.write_event(event)


def date_bounds(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO 8601 day, month, year or day interval; None if not one of those."""
    try:
        if "/" in value:
            first, last = value.split("/", 1)
            return date.fromisoformat(first), date.fromisoformat(last)
        parts = value.split("-")
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return day, day
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 1 and len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def _decimal(value: float) -> str:
    """A canonical xsd:decimal lexical form: 2000000, 0.5, 107 (no exponent, no trailing zeros)."""
    text = format(value, "f").rstrip("0").rstrip(".") if "." in format(value, "f") else format(value, "f")
    return text or "0"


def _kind_term(kind: str) -> str:
    return {"direct": "DirectQuote", "partial": "PartialQuote", "direct_unclosed": "UnclosedQuote"}.get(
        kind, "DirectQuote")


def serialize_turtle(graph: Graph) -> bytes:
    """Deterministic Turtle: rdflib orders subjects and predicates; no blank nodes are used."""
    return graph.serialize(format="turtle", encoding="utf-8")
