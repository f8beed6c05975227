"""Typed assertions: what the extractors hand to ``graph/``.

Extractors never build RDF themselves; they return these plain records, each with
the evidence (document offsets, sentence, extractor name) that makes it traceable.
``graph.rdf`` turns them into triples; tests can assert on them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where an assertion comes from: a character span of the document and its sentence."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    extractor: str


@dataclass
class Entity:
    """A person, country, place, organisation or group, merged over its mentions in one document.

    ``key`` is document-independent (ISO code for countries, a slug of the canonical
    name otherwise) so the same entity gets the same IRI in every document.
    """

    kind: str  # Person | Country | Place | Organization | Group
    key: str
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)
    attributes: dict[str, object] = field(default_factory=dict)

    def add_mention(self, evidence: Evidence, surface: str) -> None:
        self.mentions.append(evidence)
        if surface != self.name:
            self.aliases.add(surface)


@dataclass
class Quotation:
    """Words reproduced between quotation marks, with whoever said them."""

    text: str
    kind: str  # direct | partial | direct_unclosed
    evidence: Evidence
    speaker_key: str | None = None  # key of a Person or Organization entity
    speaker_kind: str | None = None
    speaker_description: str | None = None  # for unnamed speakers ("a woman at the border")
    cue: str | None = None  # the attribution verb or phrase ("said", "according to")


@dataclass(frozen=True)
class Relation:
    """A typed edge between two entities, e.g. a person's affiliation with a country."""

    subject_kind: str
    subject_key: str
    predicate: str  # local name of a mig: property
    object_kind: str
    object_key: str
    evidence: Evidence


@dataclass
class DocumentAssertions:
    """Everything extracted from one document."""

    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    quotations: list[Quotation] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    token_entities: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Token index -> (kind, key) of the entity a PERSON/ORG/GPE/NORP/LOC mention belongs to."""

    def entity(self, kind: str, key: str) -> Entity:
        return self.entities[(kind, key)]

    def entity_at_token(self, index: int) -> Entity | None:
        found = self.token_entities.get(index)
        return self.entities.get(found) if found else None
