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

# Terms written for every document, built once: an rdflib namespace attribute (``MIG.document``) builds and
# validates a new URIRef on every access, and reusing one object also makes set and dict look-ups hit by identity.
A = RDF.type
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = RDF.subject, RDF.predicate, RDF.object
LABEL = RDFS.label
SAME_AS = OWL.sameAs
TITLE = DCTERMS.title
ATTRIBUTED_TO, SOFTWARE_AGENT = PROV.wasAttributedTo, PROV.SoftwareAgent
NEWS_ARTICLE, DATE_PUBLISHED, URL, SCHEMA_QUOTATION = (SCHEMA.NewsArticle, SCHEMA.datePublished, SCHEMA.url,
                                                       SCHEMA.Quotation)
XSD_INTEGER, XSD_DATE, XSD_DECIMAL, XSD_ANY_URI = XSD.integer, XSD.date, XSD.decimal, XSD.anyURI
(ASSERTION, DOCUMENT, EVENT, FLOW, POLICY, QUANTITY, QUOTATION, SENTENCE, TIME_EXPRESSION) = (
    MIG.Assertion, MIG.Document, MIG.Event, MIG.Flow, MIG.Policy, MIG.Quantity, MIG.Quotation, MIG.Sentence,
    MIG.TimeExpression)
(P_ACTOR, P_AGE, P_AGENT, P_ALIAS, P_ATTRIBUTION_CUE, P_CHARACTER_COUNT, P_CONDITION, P_COUNTED_NOUN, P_DATE,
 P_DESTINATION, P_DOCUMENT, P_END_OFFSET, P_EXPRESSION, P_FILE_NAME, P_FLOW_TO, P_GRANULARITY, P_GROUP,
 P_GROUP_DESCRIPTION, P_IS_CHANGE, P_ISO_ALPHA3, P_ISO_CODE, P_LATEST_DATE, P_MENTIONED_IN, P_NAME_GENDER,
 P_NUMERIC_VALUE, P_ORIGIN, P_PLACE, P_POLICY_TYPE, P_QUALIFIER, P_QUANTITY, P_QUOTE_KIND, P_QUOTED_TEXT,
 P_RESOLVED_VALUE, P_ROLE, P_SENTENCE, P_SHA256, P_SPEAKER, P_SPEAKER_DESCRIPTION, P_START_OFFSET, P_STATUS,
 P_SURFACE_FORM, P_TARGET, P_TARGET_DESCRIPTION, P_TARGET_NATIONALITY, P_TEXT, P_TIME, P_TRIGGER, P_UNIT, P_VIA) = (
    MIG.actor, MIG.age, MIG.agent, MIG.alias, MIG.attributionCue, MIG.characterCount, MIG.condition,
    MIG.countedNoun, MIG.date, MIG.destination, MIG.document, MIG.endOffset, MIG.expression, MIG.fileName,
    MIG.flowTo, MIG.granularity, MIG.group, MIG.groupDescription, MIG.isChange, MIG.isoAlpha3, MIG.isoCode,
    MIG.latestDate, MIG.mentionedIn, MIG.nameGender, MIG.numericValue, MIG.origin, MIG.place, MIG.policyType,
    MIG.qualifier, MIG.quantity, MIG.quoteKind, MIG.quotedText, MIG.resolvedValue, MIG.role, MIG.sentence,
    MIG.sha256, MIG.speaker, MIG.speakerDescription, MIG.startOffset, MIG.status, MIG.surfaceForm, MIG.target,
    MIG.targetDescription, MIG.targetNationality, MIG.text, MIG.time, MIG.trigger, MIG.unit, MIG.via)
_ID = str(ID)


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
    return Literal(n, datatype=XSD_INTEGER)


@lru_cache(maxsize=65536)
def plain(text: str) -> Literal:
    """A plain string literal: labels, surface forms and descriptions recur within and across documents."""
    return Literal(text)


@lru_cache(maxsize=4096)
def _date_literal(iso: str) -> Literal:
    return Literal(iso, datatype=XSD_DATE)


@lru_cache(maxsize=4096)
def _decimal_literal(lexical: str) -> Literal:
    return Literal(lexical, datatype=XSD_DECIMAL)


_BOOLEAN = {True: Literal(True), False: Literal(False)}


@lru_cache(maxsize=65536)
def _entity(kind: str, key: str) -> URIRef:
    """``entity_iri``, built once per entity: the same people and countries recur in every document."""
    return entity_iri(kind, key)


@cache
def _mig(name: str) -> URIRef:
    return MIG[name]


@cache
def _policy_property(policy_type: str) -> URIRef:
    return policy_property(policy_type)


@cache
def _event_class(event_type: str) -> URIRef:
    return event_class(event_type)  # an unknown type raises, and exceptions are not cached


@lru_cache(maxsize=1024)
def _country_triples(iso: str) -> tuple[tuple[URIRef, Literal | URIRef], ...]:
    """(predicate, object) pairs identifying a country: ISO code, alpha-3 and GeoNames sameAs from the gazetteer."""
    country = gazetteer().countries.get(iso)
    pairs: list[tuple[URIRef, Literal | URIRef]] = [(P_ISO_CODE, plain(iso))]
    if country is not None:
        if country.iso3:
            pairs.append((P_ISO_ALPHA3, plain(country.iso3)))
        if country.geonames_id:
            pairs.append((SAME_AS, GEONAMES[f"{country.geonames_id}/"]))
    return tuple(pairs)


def graph_iri(document: Document) -> URIRef:
    """The named graph holding one document's triples, keyed by its content hash (so re-ingesting is a no-op)."""
    return ID[f"graph/{document.doc_id}"]


class DocumentWriter:
    """Writes one document's assertions into a graph (an rdflib Graph, or a plain set of triples)."""

    def __init__(self, graph: Graph | set, document: Document):
        self.graph = graph
        self.document = document
        self.doc = document_iri(document)
        self._prefix = f"{_ID}doc/{document.doc_id}/"  # IRIs of this document's nodes start with it
        self._add = graph.add
        self.sentences_written: set[tuple[int, int]] = set()
        self._sentence_iris: dict[tuple[int, int], URIRef] = {}
        self._agents_written: set[str] = set()

    def add(self, s, p, o) -> None:
        self._add((s, p, o))

    def _iri(self, local: str) -> URIRef:
        """A node of this document: ``id:doc/<doc_id>/<local>``."""
        return URIRef(self._prefix + local)

    def write_document(self) -> None:
        d = self.document
        add, doc = self._add, self.doc
        add((doc, A, DOCUMENT))
        add((doc, A, NEWS_ARTICLE))
        add((doc, P_FILE_NAME, Literal(d.name)))
        add((doc, P_SHA256, Literal(d.sha256)))
        add((doc, P_CHARACTER_COUNT, Literal(len(d.text), datatype=XSD_INTEGER)))
        if d.title:
            add((doc, TITLE, Literal(d.title)))
        if d.published:
            add((doc, DATE_PUBLISHED, Literal(d.published.isoformat(), datatype=XSD_DATE)))
        if d.url:
            add((doc, URL, Literal(d.url, datatype=XSD_ANY_URI)))

    def sentence(self, start: int, end: int) -> URIRef:
        key = (start, end)
        iri = self._sentence_iris.get(key)
        if iri is None:
            iri = self._sentence_iris[key] = self._iri(f"sentence/{start}-{end}")
        if key not in self.sentences_written:
            self.sentences_written.add(key)
            add = self._add
            add((iri, A, SENTENCE))
            add((iri, P_TEXT, Literal(self.document.text[start:end])))
            add((iri, P_START_OFFSET, integer(start)))
            add((iri, P_END_OFFSET, integer(end)))
            add((iri, P_DOCUMENT, self.doc))
        return iri

    def _agent(self, extractor: str) -> URIRef:
        """The extractor's IRI; its type and label are written once per document (re-adding them is a no-op)."""
        agent = extractor_iri(extractor)
        if extractor not in self._agents_written:
            self._agents_written.add(extractor)
            self._add((agent, A, SOFTWARE_AGENT))
            self._add((agent, LABEL, _extractor_label(extractor)))
        return agent

    def assertion(self, s, p, o, evidence: Evidence, surface: str | None = None) -> URIRef:
        """Record the triple with its evidence as a reified mig:Assertion."""
        add = self._add
        add((s, p, o))
        digest = hashlib.sha1(
            f"{s}|{p}|{o}|{evidence.start}|{evidence.end}|{evidence.extractor}".encode()
        ).hexdigest()[:16]
        node = self._iri(f"assertion/{digest}")
        add((node, A, ASSERTION))
        add((node, RDF_SUBJECT, s))
        add((node, RDF_PREDICATE, p))
        add((node, RDF_OBJECT, o))
        add((node, P_DOCUMENT, self.doc))
        add((node, P_SENTENCE, self.sentence(evidence.sentence_start, evidence.sentence_end)))
        add((node, P_START_OFFSET, integer(evidence.start)))
        add((node, P_END_OFFSET, integer(evidence.end)))
        add((node, ATTRIBUTED_TO, self._agent(evidence.extractor)))
        if surface is not None:
            add((node, P_SURFACE_FORM, plain(surface)))
        return node

    def write_entity(self, entity: Entity) -> URIRef:
        add = self._add
        iri = _entity(entity.kind, entity.key)
        add((iri, A, ENTITY_CLASSES[entity.kind]))
        add((iri, LABEL, plain(entity.name)))
        for alias in sorted(entity.aliases):
            add((iri, P_ALIAS, plain(alias)))
        attrs = entity.attributes
        if entity.kind == "Country":
            self._country_identity(iri, entity.key)
        role = str(attrs.get("role") or "").strip()
        if role:  # an empty role ("the" stripped of its noun) says nothing and fails validation
            add((iri, P_ROLE, plain(role)))
        if "age" in attrs:
            add((iri, P_AGE, integer(int(attrs["age"]))))
        if "gender" in attrs and entity.kind == "Person":
            add((iri, P_NAME_GENDER, plain(str(attrs["gender"]))))
        text, doc = self.document.text, self.doc
        for evidence in entity.mentions:
            self.assertion(iri, P_MENTIONED_IN, doc, evidence, text[evidence.start:evidence.end])
        return iri

    def _country_identity(self, iri: URIRef, iso: str) -> None:
        for p, o in _country_triples(iso):
            self._add((iri, p, o))

    def write_relations(self, assertions: DocumentAssertions) -> None:
        for relation in assertions.relations:
            s = _entity(relation.subject_kind, relation.subject_key)
            o = _entity(relation.object_kind, relation.object_key)
            self.assertion(s, _mig(relation.predicate), o, relation.evidence)

    def write_quotation(self, quote: Quotation) -> URIRef:
        add = self._add
        ev = quote.evidence
        iri = self._iri(f"quote/{ev.start}-{ev.end}")
        add((iri, A, QUOTATION))
        add((iri, A, SCHEMA_QUOTATION))
        self.assertion(iri, P_QUOTED_TEXT, plain(quote.text), ev)
        add((iri, P_QUOTE_KIND, _mig(_kind_term(quote.kind))))
        add((iri, P_DOCUMENT, self.doc))
        add((iri, P_SENTENCE, self.sentence(ev.sentence_start, ev.sentence_end)))
        add((iri, P_START_OFFSET, integer(ev.start)))
        add((iri, P_END_OFFSET, integer(ev.end)))
        if quote.speaker_key and quote.speaker_kind in ENTITY_CLASSES:
            speaker = _entity(quote.speaker_kind, quote.speaker_key)
            self.assertion(iri, P_SPEAKER, speaker, ev)
        if quote.speaker_description:
            add((iri, P_SPEAKER_DESCRIPTION, plain(quote.speaker_description)))
        if quote.cue:
            add((iri, P_ATTRIBUTION_CUE, plain(quote.cue)))
        return iri

    # --- policies, flows, events, with their times and quantities ---------------------------------

    def _node(self, kind: str, *parts: object) -> URIRef:
        """A stable IRI for a fact node of this document, from what identifies the fact."""
        digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
        return self._iri(f"{kind}/{digest}")

    def _provenance(self, node: URIRef, evidence: Evidence) -> None:
        """The fact node's own evidence: document, sentence, span and extractor."""
        add = self._add
        add((node, P_DOCUMENT, self.doc))
        add((node, P_SENTENCE, self.sentence(evidence.sentence_start, evidence.sentence_end)))
        add((node, P_START_OFFSET, integer(evidence.start)))
        add((node, P_END_OFFSET, integer(evidence.end)))
        add((node, ATTRIBUTED_TO, self._agent(evidence.extractor)))

    def _ensure_entity(self, kind: str, key: str) -> URIRef:
        """An entity referenced by a fact is typed even when it has no mention of its own."""
        iri = _entity(kind, key)
        if (iri, A, ENTITY_CLASSES[kind]) not in self.graph:
            self.add(iri, A, ENTITY_CLASSES[kind])
            if kind == "Country":
                country = gazetteer().countries.get(key)
                self.add(iri, LABEL, plain(country.name if country else key))
                self._country_identity(iri, key)
        return iri

    def write_time(self, time: TimeExpression) -> URIRef:
        add = self._add
        iri = self._iri(f"time/{time.start}-{time.end}")
        add((iri, A, TIME_EXPRESSION))
        add((iri, P_EXPRESSION, plain(time.text)))
        add((iri, P_GRANULARITY, plain(time.granularity)))
        add((iri, P_DOCUMENT, self.doc))
        add((iri, P_START_OFFSET, integer(time.start)))
        add((iri, P_END_OFFSET, integer(time.end)))
        if time.value:
            add((iri, P_RESOLVED_VALUE, plain(time.value)))
            self._dates(iri, time)
        return iri

    def _dates(self, node: URIRef, time: TimeExpression) -> None:
        bounds = _date_bounds(time.value) if time.value else None
        if bounds:
            self.add(node, P_DATE, _date_literal(bounds[0].isoformat()))
            if bounds[1] != bounds[0]:
                self.add(node, P_LATEST_DATE, _date_literal(bounds[1].isoformat()))

    def write_quantity(self, quantity: Quantity) -> URIRef:
        add = self._add
        iri = self._iri(f"quantity/{quantity.start}-{quantity.end}")
        add((iri, A, QUANTITY))
        add((iri, P_EXPRESSION, plain(quantity.text)))
        add((iri, P_NUMERIC_VALUE, _decimal_literal(_decimal(quantity.value))))
        if quantity.unit:
            add((iri, P_UNIT, plain(quantity.unit)))
        if quantity.qualifier:
            add((iri, P_QUALIFIER, plain(quantity.qualifier)))
        if quantity.counted:
            add((iri, P_COUNTED_NOUN, plain(quantity.counted)))
        add((iri, P_IS_CHANGE, _BOOLEAN[bool(quantity.is_change)]))
        add((iri, P_DOCUMENT, self.doc))
        add((iri, P_START_OFFSET, integer(quantity.start)))
        add((iri, P_END_OFFSET, integer(quantity.end)))
        return iri

    def _context(self, node: URIRef, time: TimeExpression | None, quantities: list[Quantity],
                 trigger: str | None) -> None:
        if time is not None:
            self.add(node, P_TIME, self.write_time(time))
            self._dates(node, time)
        for quantity in quantities:
            self.add(node, P_QUANTITY, self.write_quantity(quantity))
        if trigger:
            self.add(node, P_TRIGGER, plain(trigger))

    def write_policy(self, policy: Policy) -> URIRef:
        if policy.policy_type not in POLICY_TYPES:
            raise ValueError(f"unknown policy type {policy.policy_type!r}")
        ev = policy.evidence
        node = self._node("policy", policy.actor_kind, policy.actor_key, policy.policy_type, policy.target,
                          ev.start, ev.end)
        actor = self._ensure_entity(policy.actor_kind, policy.actor_key)
        self.add(node, A, POLICY)
        self.assertion(node, P_ACTOR, actor, ev)
        self.add(node, P_POLICY_TYPE, _mig(policy.policy_type))
        self.add(node, P_STATUS, POLICY_STATUSES[policy.status])
        if policy.target:
            self.add(node, P_TARGET_DESCRIPTION, plain(policy.target))
        if policy.target_key:
            group = self._ensure_entity("Group", policy.target_key)
            self.add(node, P_TARGET, group)
            self.assertion(actor, _policy_property(policy.policy_type), group, ev)
        if policy.target_nationality:
            self.add(node, P_TARGET_NATIONALITY, self._ensure_entity("Country", policy.target_nationality))
        if policy.condition:
            self.add(node, P_CONDITION, plain(policy.condition))
        self._context(node, policy.time, policy.quantities, policy.trigger)
        self._provenance(node, ev)
        return node

    def write_flow(self, flow: Flow) -> URIRef:
        ev = flow.evidence
        node = self._node("flow", flow.origin, flow.destination, ",".join(flow.via), flow.group, ev.start, ev.end)
        self.add(node, A, FLOW)
        origin = self._ensure_entity("Country", flow.origin) if flow.origin else None
        destination = self._ensure_entity("Country", flow.destination) if flow.destination else None
        if origin is not None:
            self.add(node, P_ORIGIN, origin)
        if destination is not None:
            self.add(node, P_DESTINATION, destination)
        for via in flow.via:
            self.add(node, P_VIA, self._ensure_entity("Country", via))
        if origin is not None and destination is not None:
            self.assertion(origin, P_FLOW_TO, destination, ev)
        if flow.group:
            self.add(node, P_GROUP_DESCRIPTION, plain(flow.group))
        if flow.group_key:
            self.add(node, P_GROUP, self._ensure_entity("Group", flow.group_key))
        self._context(node, flow.time, flow.quantities, flow.trigger)
        self._provenance(node, ev)
        return node

    def write_event(self, event: Event) -> URIRef:
        ev = event.evidence
        node = self._node("event", event.event_type, event.trigger, ev.start, ev.end)
        self.add(node, A, EVENT)
        self.add(node, A, _event_class(event.event_type))
        if event.agent:
            self.assertion(node, P_AGENT, self._ensure_entity(*event.agent), ev)
        if event.place:
            self.assertion(node, P_PLACE, self._ensure_entity(*event.place), ev)
        if event.affected:
            self.add(node, P_GROUP_DESCRIPTION, plain(event.affected))
        if event.affected_key:
            self.add(node, P_GROUP, self._ensure_entity("Group", event.affected_key))
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


@lru_cache(maxsize=4096)
def _date_bounds(value: str) -> tuple[date, date] | None:
    return date_bounds(value)


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
