"""Assertions to RDF: entities, quotations and provenance, with stable IRIs.

Each fact is written twice on purpose: as a direct triple that reads like the design
card (``:VladimirPutin mig:mentionedIn :doc``, ``:quote mig:speaker :VladimirPutin``) and
as a ``mig:Assertion`` (an ``rdf:Statement``) that carries its evidence — document,
sentence, character offsets and extractor — so "where does this fact come from?" is
one SPARQL join (see ``queries/sources.rq``).
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from extractors.assertions import DocumentAssertions, Entity, Evidence, Quotation
from extractors.gazetteer import gazetteer
from graph.documents import Document
from graph.vocab import ENTITY_CLASSES, GEONAMES, ID, MIG, SCHEMA, bind_prefixes, entity_iri

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


def extractor_iri(name: str) -> URIRef:
    return ID[f"extractor/{name}"]


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
            self.add(iri, MIG.startOffset, Literal(start, datatype=XSD.integer))
            self.add(iri, MIG.endOffset, Literal(end, datatype=XSD.integer))
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
        self.add(node, MIG.startOffset, Literal(evidence.start, datatype=XSD.integer))
        self.add(node, MIG.endOffset, Literal(evidence.end, datatype=XSD.integer))
        agent = extractor_iri(evidence.extractor)
        self.add(node, PROV.wasAttributedTo, agent)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal(evidence.extractor))
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
        if "role" in attrs:
            self.add(iri, MIG.role, Literal(str(attrs["role"])))
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

    def write_all(self, assertions: DocumentAssertions, quotations: list[Quotation]) -> None:
        self.write_document()
        for key in sorted(assertions.entities):
            self.write_entity(assertions.entities[key])
        self.write_relations(assertions)
        for quote in quotations:
            self.write_quotation(quote)


def _kind_term(kind: str) -> str:
    return {"direct": "DirectQuote", "partial": "PartialQuote", "direct_unclosed": "UnclosedQuote"}.get(
        kind, "DirectQuote")


def serialize_turtle(graph: Graph) -> bytes:
    """Deterministic Turtle: rdflib orders subjects and predicates; no blank nodes are used."""
    return graph.serialize(format="turtle", encoding="utf-8")
