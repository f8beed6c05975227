"""Typed assertions: what the extractors hand to ``graph/``.

Extractors never build RDF themselves; they return these plain records, each with
the evidence (document offsets, sentence, extractor name) that makes it traceable.
``graph.rdf`` turns them into triples; tests can assert on them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where an assertion comes from: a character span of the document and its sentence."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    extractor: str

    def __init__(self, start: int, end: int, sentence_start: int, sentence_end: int, extractor: str):
        # the generated __init__ of a frozen dataclass sets each field through object.__setattr__; writing the
        # instance dict directly is the same state at less than half the cost (tens of thousands per 400 documents)
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["sentence_start"] = sentence_start
        fields["sentence_end"] = sentence_end
        fields["extractor"] = extractor


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

    def __init__(self, subject_kind: str, subject_key: str, predicate: str, object_kind: str, object_key: str,
                 evidence: Evidence):
        fields = self.__dict__  # (as ``Evidence.__init__``)
        fields["subject_kind"] = subject_kind
        fields["subject_key"] = subject_key
        fields["predicate"] = predicate
        fields["object_kind"] = object_kind
        fields["object_key"] = object_key
        fields["evidence"] = evidence


@dataclass(frozen=True)
class TimeExpression:
    """A date expression as written ("on Friday", "last week") and what it resolves to.

    ``value`` is ISO 8601: a day ("2022-09-23"), a month ("2022-09"), a year ("2022"), or an
    interval of days ("2022-09-12/2022-09-18" for "last week"); None when it cannot be resolved
    (no publication date, or too vague).
    """

    text: str
    start: int
    end: int
    value: str | None
    granularity: str  # day | week | month | year | interval | unknown


@dataclass(frozen=True)
class Quantity:
    """A number as written ("10 kilometers (6 miles)", "300,000 reservists", "107%") normalised.

    ``unit`` is a short canonical unit: "km", "m", "percent", "USD", "EUR", "person", "day"…
    or None for a bare count; ``qualifier`` keeps "more than", "up to", "about", "at least".
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None  # the noun counted, lower-cased ("reservists", "refugees")
    is_change: bool = False  # "a 107% increase", "doubled": a change, not a level


@dataclass
class Policy:
    """A measure about people's movement or status taken by a state or organisation.

    ``policy_type`` is the local name of a concept in the policy scheme (``EntryBan``…).
    Coordinated actors give one Policy each, sharing the evidence.
    """

    actor_kind: str  # Country | Organization
    actor_key: str
    policy_type: str
    evidence: Evidence
    status: str = "in_force"  # in_force | announced | planned
    target: str | None = None  # short description of the group affected, as written
    target_key: str | None = None  # key of a Group entity when the target is one
    target_nationality: str | None = None  # ISO alpha-2
    condition: str | None = None  # "if they risked severe repression"
    trigger: str | None = None  # the words that state the measure ("refuse", "closed its borders")
    time: TimeExpression | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float | None = None  # the learned scorer's probability (extractors.policy_scorer); None: a rule's


@dataclass
class Flow:
    """People moving from an origin country to a destination country, as reported."""

    origin: str | None  # ISO alpha-2
    destination: str | None  # ISO alpha-2
    evidence: Evidence
    via: tuple[str, ...] = ()  # ISO alpha-2 of transit countries
    group: str | None = None  # as written ("Russian men", "refugees")
    group_key: str | None = None
    trigger: str | None = None  # "fled", "crossed into", "seeking asylum in"
    time: TimeExpression | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float | None = None  # the learned scorer's probability (extractors.flow_scorer); None: a rule's


@dataclass
class Event:
    """A typed happening with roles: Mobilization, Exodus, BorderQueue, Invasion, Protest…"""

    event_type: str  # local name of a mig: event class
    evidence: Evidence
    trigger: str | None = None
    agent: tuple[str, str] | None = None  # (kind, key) of the entity that acts
    place: tuple[str, str] | None = None  # (kind, key) of a Country or Place
    affected: str | None = None  # group affected, as written
    affected_key: str | None = None
    time: TimeExpression | None = None
    quantities: list[Quantity] = field(default_factory=list)


@dataclass
class DocumentAssertions:
    """Everything extracted from one document."""

    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    quotations: list[Quotation] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    token_entities: dict[int, tuple[str, str]] = field(default_factory=dict)
    """Token index -> (kind, key) of the entity a PERSON/ORG/GPE/NORP/LOC mention belongs to."""
    deferred_times: Callable[[], list[TimeExpression]] | None = field(default=None, repr=False, compare=False)
    """Computes ``times`` when a fact first asks for them (``times_between``; ``resolve_deferred``): dates and
    numbers only matter attached to a policy, flow or event, and most news documents give none of those, so
    reading them in every document cost ~9% of extraction for nothing."""
    deferred_quantities: Callable[[], list[Quantity]] | None = field(default=None, repr=False, compare=False)
    """The same for ``quantities``."""

    def entity(self, kind: str, key: str) -> Entity:
        return self.entities[(kind, key)]

    def entity_at_token(self, index: int) -> Entity | None:
        found = self.token_entities.get(index)
        return self.entities.get(found) if found else None

    def times_between(self, start: int, end: int) -> list[TimeExpression]:
        """Time expressions inside the character range [start, end), e.g. a fact's sentence."""
        if self.deferred_times is not None:
            self.times, self.deferred_times = self.deferred_times(), None
        return [t for t in self.times if start <= t.start and t.end <= end]

    def quantities_between(self, start: int, end: int) -> list[Quantity]:
        """Quantities inside the character range [start, end)."""
        if self.deferred_quantities is not None:
            self.quantities, self.deferred_quantities = self.deferred_quantities(), None
        return [q for q in self.quantities if start <= q.start and q.end <= end]

    def resolve_deferred(self) -> None:
        """Compute the deferred ``times`` and ``quantities`` now (for a caller that reads the lists whole)."""
        self.times_between(0, 0)
        self.quantities_between(0, 0)
