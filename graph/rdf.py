"""Assertions to RDF: entities, quotations and provenance, with stable IRIs.

Each relation between entities is written twice on purpose: as a direct triple that reads like
the design card (``:AnnaBerg mig:country :Sweden``, ``:quote mig:speaker :AnnaBerg``) and as a
``mig:Assertion`` (an ``rdf:Statement``) that carries its evidence — document, sentence, character
offsets and extractor — so "where does this fact come from?" is one SPARQL join (see
``queries/sources.rq``). Quotations, policies, flows and events are nodes that carry their own
evidence (``_provenance``), so their text and type are not reified again.

Entity mentions are lighter still: by default an entity gets ``mig:mentionedIn`` its document and
``mig:mentionedInSentence`` each sentence that names it, one triple each. Which sentences name whom
is what the queries and the viewer read; a reified assertion per mention, with its character span
and surface form (``mention_spans=True``, ``migraph build --mention-spans``), took 10 triples a
mention and was 46% of the triples of a corpus build.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import date
from functools import cache, lru_cache
from itertools import islice
from operator import eq

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD
from rdflib.plugins.serializers.nt import _quote_encode, _quoteLiteral

from extractors.assertions import (
    DocumentAssertions,
    Entity,
    Event,
    Evidence,
    Flow,
    Policy,
    Quantity,
    Quotation,
    Relation,
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
 P_GROUP_DESCRIPTION, P_IS_CHANGE, P_ISO_ALPHA3, P_ISO_CODE, P_LATEST_DATE, P_MENTIONED_IN,
 P_MENTIONED_IN_SENTENCE, P_NAME_GENDER, P_NUMERIC_VALUE, P_ORIGIN, P_PLACE, P_POLICY_TYPE, P_QUALIFIER,
 P_QUANTITY, P_QUOTE_KIND, P_QUOTED_TEXT,
 P_RESOLVED_VALUE, P_ROLE, P_SENTENCE, P_SHA256, P_SPEAKER, P_SPEAKER_DESCRIPTION, P_START_OFFSET, P_STATUS,
 P_SURFACE_FORM, P_TARGET, P_TARGET_DESCRIPTION, P_TARGET_NATIONALITY, P_TEXT, P_TIME, P_TRIGGER, P_UNIT, P_VIA) = (
    MIG.actor, MIG.age, MIG.agent, MIG.alias, MIG.attributionCue, MIG.characterCount, MIG.condition,
    MIG.countedNoun, MIG.date, MIG.destination, MIG.document, MIG.endOffset, MIG.expression, MIG.fileName,
    MIG.flowTo, MIG.granularity, MIG.group, MIG.groupDescription, MIG.isChange, MIG.isoAlpha3, MIG.isoCode,
    MIG.latestDate, MIG.mentionedIn, MIG.mentionedInSentence, MIG.nameGender, MIG.numericValue, MIG.origin,
    MIG.place, MIG.policyType,
    MIG.qualifier, MIG.quantity, MIG.quoteKind, MIG.quotedText, MIG.resolvedValue, MIG.role, MIG.sentence,
    MIG.sha256, MIG.speaker, MIG.speakerDescription, MIG.startOffset, MIG.status, MIG.surfaceForm, MIG.target,
    MIG.targetDescription, MIG.targetNationality, MIG.text, MIG.time, MIG.trigger, MIG.unit, MIG.via)
P_CONFIDENCE = MIG.confidence
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


class _RdflibTerms:
    """The writer's vocabulary as rdflib terms: for an rdflib Graph or a set of rdflib triples."""

    A, SUBJECT, PREDICATE, OBJECT = A, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT
    LABEL, SAME_AS, ATTRIBUTED_TO, SOFTWARE_AGENT = LABEL, SAME_AS, ATTRIBUTED_TO, SOFTWARE_AGENT
    ASSERTION, DOCUMENT, EVENT, FLOW, POLICY = ASSERTION, DOCUMENT, EVENT, FLOW, POLICY
    QUANTITY, QUOTATION, SCHEMA_QUOTATION, SENTENCE, TIME_EXPRESSION = (QUANTITY, QUOTATION, SCHEMA_QUOTATION,
                                                                       SENTENCE, TIME_EXPRESSION)
    P_ACTOR, P_AGENT, P_AGE, P_ALIAS, P_ATTRIBUTION_CUE = P_ACTOR, P_AGENT, P_AGE, P_ALIAS, P_ATTRIBUTION_CUE
    P_CONDITION, P_COUNTED_NOUN, P_DATE, P_DESTINATION, P_DOCUMENT = (P_CONDITION, P_COUNTED_NOUN, P_DATE,
                                                                     P_DESTINATION, P_DOCUMENT)
    P_END_OFFSET, P_EXPRESSION, P_FLOW_TO, P_GRANULARITY, P_GROUP = (P_END_OFFSET, P_EXPRESSION, P_FLOW_TO,
                                                                    P_GRANULARITY, P_GROUP)
    P_GROUP_DESCRIPTION, P_IS_CHANGE, P_LATEST_DATE, P_MENTIONED_IN = (P_GROUP_DESCRIPTION, P_IS_CHANGE,
                                                                      P_LATEST_DATE, P_MENTIONED_IN)
    P_MENTIONED_IN_SENTENCE, P_CONFIDENCE = P_MENTIONED_IN_SENTENCE, P_CONFIDENCE
    P_NAME_GENDER, P_NUMERIC_VALUE, P_ORIGIN, P_PLACE, P_POLICY_TYPE = (P_NAME_GENDER, P_NUMERIC_VALUE, P_ORIGIN,
                                                                       P_PLACE, P_POLICY_TYPE)
    P_QUALIFIER, P_QUANTITY, P_QUOTE_KIND, P_QUOTED_TEXT, P_RESOLVED_VALUE = (P_QUALIFIER, P_QUANTITY, P_QUOTE_KIND,
                                                                             P_QUOTED_TEXT, P_RESOLVED_VALUE)
    P_ROLE, P_SENTENCE, P_SPEAKER, P_SPEAKER_DESCRIPTION, P_START_OFFSET = (P_ROLE, P_SENTENCE, P_SPEAKER,
                                                                           P_SPEAKER_DESCRIPTION, P_START_OFFSET)
    P_STATUS, P_SURFACE_FORM, P_TARGET, P_TARGET_DESCRIPTION = P_STATUS, P_SURFACE_FORM, P_TARGET, P_TARGET_DESCRIPTION
    P_TARGET_NATIONALITY, P_TEXT, P_TIME, P_TRIGGER, P_UNIT, P_VIA = (P_TARGET_NATIONALITY, P_TEXT, P_TIME, P_TRIGGER,
                                                                      P_UNIT, P_VIA)

    iri = URIRef
    plain = staticmethod(plain)
    text = staticmethod(plain)  # (``_NTriplesTerms.text``: the same literal, not cached)
    integer = staticmethod(integer)
    date = staticmethod(_date_literal)
    decimal = staticmethod(_decimal_literal)
    entity = staticmethod(_entity)
    mig = staticmethod(_mig)
    policy_property = staticmethod(_policy_property)
    event_class = staticmethod(_event_class)
    extractor = staticmethod(extractor_iri)
    extractor_label = staticmethod(_extractor_label)
    country_triples = staticmethod(_country_triples)

    @staticmethod
    def boolean(value: bool) -> Literal:
        return _BOOLEAN[value]

    @staticmethod
    def entity_class(kind: str) -> URIRef:
        return ENTITY_CLASSES[kind]

    @staticmethod
    def policy_status(status: str) -> URIRef:
        return POLICY_STATUSES[status]

    @staticmethod
    def term(term: URIRef | Literal) -> URIRef | Literal:
        """A term built by rdflib (document metadata), in this vocabulary."""
        return term

    @staticmethod
    def lexical(term: URIRef | Literal) -> str:
        """The IRI or lexical form, as ``str(term)`` (what assertion and node digests are made of)."""
        return str(term)


@lru_cache(maxsize=65536)
def _nt(term: URIRef | Literal) -> str:
    """The N-Triples text of an rdflib term, exactly as rdflib's serialiser writes it (an invalid IRI raises)."""
    return _quoteLiteral(term) if isinstance(term, Literal) else term.n3()


_INTEGER_SUFFIX = f'"^^<{XSD_INTEGER}>'


def _integer_nt(n: int) -> str:
    """N-Triples of ``integer(n)`` without an rdflib literal (made on each call, see ``_NTriplesTerms``)."""
    return f'"{int(n)}{_INTEGER_SUFFIX}'


def _nt_cached(function, maxsize: int | None = 65536):
    """``function`` returning rdflib terms, made to return their N-Triples text (cached by argument)."""
    return staticmethod(lru_cache(maxsize=maxsize)(lambda *args: _nt(function(*args))))


def _literal_nt(text: str) -> str:
    """What rdflib writes for ``Literal(text)`` (``_quote_encode``), without its four ``str.replace`` calls for the
    many texts that have nothing to escape (four ``in`` tests are four C scans, no call)."""
    if "\\" in text or "\n" in text or '"' in text or "\r" in text:
        return _quote_encode(text)
    return f'"{text}"'


class _NTriplesTerms:
    """The same vocabulary as N-Triples text, for :class:`NTriplesLines`: no rdflib term is built per triple."""

    iri = None  # set below: "<" + text + ">"
    # ``plain`` and ``integer`` are made anew on each call, not looked up in an LRU cache (they were, 65,536 entries
    # each): formatting a short literal costs less than a hit in a table of megabytes that an extraction has just
    # pushed out of the CPU caches (each hit also relinks the entry's node). In place, after each document's
    # extraction, writing 400 corpus articles' lines took about 14% less CPU time.
    plain = staticmethod(_literal_nt)  # what rdflib writes for Literal(text)
    text = staticmethod(_literal_nt)  # the same, for sentence and quotation texts
    integer = staticmethod(_integer_nt)
    date = _nt_cached(_date_literal, 4096)
    decimal = _nt_cached(_decimal_literal, 4096)
    entity = _nt_cached(_entity)
    mig = _nt_cached(_mig, None)
    policy_property = _nt_cached(_policy_property, None)
    event_class = _nt_cached(_event_class, None)
    extractor = _nt_cached(extractor_iri, None)
    extractor_label = _nt_cached(_extractor_label, None)
    boolean = _nt_cached(_RdflibTerms.boolean, None)
    entity_class = _nt_cached(_RdflibTerms.entity_class, None)
    policy_status = _nt_cached(_RdflibTerms.policy_status, None)
    term = staticmethod(_nt)

    @staticmethod
    @lru_cache(maxsize=1024)
    def country_triples(iso: str) -> tuple[tuple[str, str], ...]:
        return tuple((_nt(p), _nt(o)) for p, o in _country_triples(iso))

    @staticmethod
    def lexical(term: str) -> str:
        """The IRI of an N-Triples IRI term (literals in digests are passed as text, see ``assertion``)."""
        if term[:1] != "<":
            raise ValueError(f"not an IRI term: {term}")
        return term[1:-1]


_NTriplesTerms.iri = staticmethod(lambda text: f"<{text}>")
for _name, _value in vars(_RdflibTerms).items():
    if _name.isupper():
        setattr(_NTriplesTerms, _name, _nt(_value))


class _Vocabulary:
    """One of the vocabularies above as an object whose attributes are its terms and functions.

    The writer reads a term (``t.A``, ``t.integer``) several times per triple: from a class that is a type look-up
    and a descriptor call each time, where CPython 3.11 reads an instance's attribute in one specialised step."""

    def __init__(self, vocabulary: type) -> None:
        for name in dir(vocabulary):
            if not name.startswith("__"):
                setattr(self, name, getattr(vocabulary, name))  # (a staticmethod read from its class: the function)


_RDFLIB_TERMS, _NTRIPLES_TERMS = _Vocabulary(_RdflibTerms), _Vocabulary(_NTriplesTerms)
_SENTENCE_ORDER = (_NTRIPLES_TERMS.A, _NTRIPLES_TERMS.P_DOCUMENT, _NTRIPLES_TERMS.P_END_OFFSET,
                   _NTRIPLES_TERMS.P_START_OFFSET, _NTRIPLES_TERMS.P_TEXT)
"""The predicates of a sentence node's lines in their sorted order (lines of one subject sort by their predicates: a
complete ``<...>`` term is no prefix of another)."""
if list(_SENTENCE_ORDER) != sorted(_SENTENCE_ORDER):  # (a vocabulary change must reorder ``add_sentence``)
    raise AssertionError(f"sentence predicates out of order: {_SENTENCE_ORDER}")


def _gathered_block(lines: list[str]) -> str:
    """The gathered lines of one subject as a block: sorted, each once (a block is one item, so the repeats
    ``NTriplesLines.ntriples`` drops next to each other would not be seen inside it)."""
    lines.sort()
    if any(map(eq, lines, islice(lines, 1, None))):
        lines = list(dict.fromkeys(lines))
    return "".join(lines)


def _block_lines(block: str) -> list[str]:
    """The lines of a block, each with its line break (a line holds no other: N-Triples escapes them in literals)."""
    return [line + "\n" for line in block.split("\n")[:-1]]


class NTriplesLines(list):
    """A document's triples as N-Triples lines (a list of ``str``, a line possibly more than once): what ingestion
    stores.

    Writing the lines directly from cached term texts skips building rdflib terms and hashing
    triples of them, which cost as much as the rest of the RDF step; ``ntriples()`` gives the same
    bytes as ``graph.store.ntriples`` over the rdflib triples. A list, not a set: hashing every line (some 170
    characters) on the way in cost more than finding the few repeats once they are sorted next to each other.

    An item may also be a block: every line of one subject, sorted (``DocumentWriter._add_node``: sentences and
    assertions, half of a document's lines). It sorts among the other items as its lines would: an item of another
    subject differs from it within the subjects (an IRI ends at its first '>', so none is a prefix of another),
    and no other item has its subject. Fewer, longer items to sort cost less than one per line.
    """

    def __init__(self) -> None:
        super().__init__()
        self.entity_types: set[str] = set()
        """The lines typing an entity (``DocumentWriter._has_entity_type`` asks them)."""
        self.nodes: dict[str, str] = {}
        """Subjects written as a block: subject -> its block, or "" once written line by line."""
        self.gathered: dict[str, list[str]] = {}
        """Entities whose lines are gathered here (``DocumentWriter.write_entity``, and any line written later with
        the entity as subject), to be sorted into one block by ``ntriples``."""
        self.loose: set[str] = set()
        """Subjects of the lines written one by one (not gathered, not a block)."""

    def ntriples(self) -> bytes:
        """Sorted N-Triples without repeats, deterministic for a document.

        The lines are sorted as UTF-8 bytes: the same order as sorting the strings (UTF-8 keeps code-point order),
        but a byte comparison is one memcmp, where lines with curly quotes or accents compare character by
        character (most documents have some). When every line is ASCII (``str.isascii`` reads a flag), the strings
        themselves sort by memcmp (list.sort's one-byte string comparison, with no call per pair) and their join is
        the same bytes. A repeated line is then next to itself: one pass of C comparisons tells whether there is
        any (most documents have none), and ``dict.fromkeys`` drops them keeping the order."""
        items = [*self, *map(_gathered_block, self.gathered.values())] if self.gathered else self
        lines: list = sorted(items) if all(map(str.isascii, items)) else sorted(map(str.encode, items))  # (UTF-8)
        if any(map(eq, lines, islice(lines, 1, None))):
            lines = list(dict.fromkeys(lines))
        if lines and isinstance(lines[0], bytes):
            return b"".join(lines)
        return "".join(lines).encode()


class DocumentWriter:
    """Writes one document's assertions into a graph: an rdflib Graph, a set of rdflib triples, or
    :class:`NTriplesLines` (N-Triples text, for ingestion)."""

    def __init__(self, graph: Graph | set, document: Document, *, mention_spans: bool = False):
        self.graph = graph
        self.document = document
        self.mention_spans = mention_spans
        """Also write every mention as a mig:Assertion with its span (10 triples each, about half of a large
        graph's triples); ``mig:mentionedInSentence`` (one triple per sentence naming the entity) is always written."""
        prefix = f"{_ID}doc/{document.doc_id}/"  # IRIs of this document's nodes start with it
        if isinstance(graph, NTriplesLines):
            self.t = t = _NTRIPLES_TERMS
            append, extend, entity_types = graph.append, graph.extend, graph.entity_types
            gathered, loose, note_loose = graph.gathered, graph.loose, graph.loose.add

            # A line goes to its subject's gathered lines if it has some (an entity), else to the list as itself.
            def add3(s: str, p: str, o: str) -> None:
                own = gathered.get(s)
                if own is None:
                    note_loose(s)
                    append(f"{s} {p} {o} .\n")
                else:
                    own.append(f"{s} {p} {o} .\n")

            # one subject with many predicates and objects, or one predicate with many objects: the lines made in
            # one comprehension, not a call each
            def add_pairs(s: str, pairs) -> None:
                own = gathered.get(s)
                if own is None:
                    note_loose(s)
                    own = graph
                own.extend([f"{s} {p} {o} .\n" for p, o in pairs])

            self._add3, self._add_pairs = add3, add_pairs
            self._add_objects = lambda s, p, objects: add_pairs(s, [(p, o) for o in objects])
            nodes = graph.nodes

            def add_block(s: str, block: str) -> None:
                """Every line of subject S, sorted, as one item (see :class:`NTriplesLines`)."""
                known = nodes.get(s)
                if known is None:
                    nodes[s] = block
                    append(block)
                elif known != block:  # the same node with other lines: its lines go one by one, sorted among all
                    if known:
                        graph.remove(known)
                        extend(_block_lines(known))
                        nodes[s] = ""
                    extend(_block_lines(block))

            def add_node(s: str, pairs) -> None:
                lines = [f"{s} {p} {o} .\n" for p, o in pairs]
                lines.sort()
                add_block(s, "".join(lines))

            self._add_node = add_node
            # A sentence node's five lines share their subject, so they sort by their predicates, in the same order
            # for every sentence (``_SENTENCE_ORDER``): its block is one f-string, with no list of lines to sort.
            p_type, p_document, p_end, p_start, p_text = _SENTENCE_ORDER
            sentence_class = t.SENTENCE
            self.doc = doc = t.term(document_iri(document))  # an invalid document IRI raises here

            def add_sentence(s: str, text: str, start: str, end: str) -> None:
                add_block(s, f"{s} {p_type} {sentence_class} .\n{s} {p_document} {doc} .\n{s} {p_end} {end} .\n"
                             f"{s} {p_start} {start} .\n{s} {p_text} {text} .\n")

            self._add_sentence = add_sentence
            a = t.A

            def add_entity_type(iri: str, cls: str) -> None:
                line = f"{iri} {a} {cls} .\n"
                entity_types.add(line)
                add3(iri, a, cls)

            def add_entity(iri: str, cls: str, pairs: list) -> None:
                """An entity's type line and PAIRS, gathered (see ``NTriplesLines.gathered``): sorted with any later
                line of the entity into one block. Not if lines of it were already written one by one."""
                line = f"{iri} {a} {cls} .\n"
                entity_types.add(line)
                if iri in loose or iri in gathered:
                    add3(iri, a, cls)
                    add_pairs(iri, pairs)
                else:
                    own = gathered[iri] = [f"{iri} {p} {o} .\n" for p, o in pairs]
                    own.append(line)

            self._add_entity_type, self._add_entity = add_entity_type, add_entity
            self._has_entity_type = lambda iri, cls: f"{iri} {a} {cls} .\n" in entity_types
            iri_start = "<" + prefix
            self._iri = lambda local: f"{iri_start}{local}>"  # (the same text as ``t.iri(prefix + local)``)
        else:
            self.t = t = _RDFLIB_TERMS
            add_triple = graph.add
            self._add3 = lambda s, p, o: add_triple((s, p, o))
            self._add_pairs = self._add_node = lambda s, pairs: [add_triple((s, p, o)) for p, o in pairs]
            self._add_objects = lambda s, p, objects: [add_triple((s, p, o)) for o in objects]
            self._add_entity_type = lambda iri, cls: add_triple((iri, A, cls))
            self._add_entity = lambda iri, cls, pairs: [add_triple((iri, A, cls)), *self._add_pairs(iri, pairs)]
            self._has_entity_type = lambda iri, cls: (iri, A, cls) in graph
            self._add_sentence = None
            self.doc = t.term(document_iri(document))
        self._prefix = prefix
        self._sentence_iris: dict[tuple[int, int], URIRef | str] = {}
        self._agents_written: set[str] = set()

    def add(self, s, p, o) -> None:
        self._add3(s, p, o)

    def _add_node(self, s, pairs) -> None:
        """Every triple of which S is the subject, as (predicate, object) pairs: no other call may write one
        (with N-Triples, they make one block, see :class:`NTriplesLines`). Set in ``__init__``."""
        raise NotImplementedError

    @property
    def sentences_written(self) -> set[tuple[int, int]]:
        """(start, end) of every sentence node written."""
        return set(self._sentence_iris)

    def _iri(self, local: str):
        """A node of this document: ``id:doc/<doc_id>/<local>`` (the N-Triples writer replaces it with a
        lambda that formats the text in one step)."""
        return self.t.iri(self._prefix + local)

    def write_document(self) -> None:
        d, t = self.document, self.t
        add, doc = self._add3, self.doc
        add(doc, t.A, t.DOCUMENT)
        add(doc, t.A, t.term(NEWS_ARTICLE))
        # the same literals as Literal(d.name), Literal(n, datatype=XSD_INTEGER), ..., without an rdflib term each
        add(doc, t.term(P_FILE_NAME), t.text(d.name))
        add(doc, t.term(P_SHA256), t.text(d.sha256))
        add(doc, t.term(P_CHARACTER_COUNT), t.integer(len(d.text)))
        if d.title:
            add(doc, t.term(TITLE), t.text(d.title))
        if d.published:
            add(doc, t.term(DATE_PUBLISHED), t.date(d.published.isoformat()))
        if d.url:
            add(doc, t.term(URL), t.term(Literal(d.url, datatype=XSD_ANY_URI)))

    def sentence(self, start: int, end: int):
        """The node of the sentence [start, end); its own triples are written when it is first asked for."""
        key = (start, end)
        iri = self._sentence_iris.get(key)
        if iri is None:  # (a sentence gets its IRI and its triples at once: one lookup per call)
            iri = self._sentence_iris[key] = self._iri(f"sentence/{start}-{end}")
            t = self.t
            if self._add_sentence is not None:
                self._add_sentence(iri, t.text(self.document.text[start:end]), t.integer(start), t.integer(end))
            else:
                self._add_node(iri, ((t.A, t.SENTENCE), (t.P_TEXT, t.text(self.document.text[start:end])),
                                     (t.P_START_OFFSET, t.integer(start)), (t.P_END_OFFSET, t.integer(end)),
                                     (t.P_DOCUMENT, self.doc)))
        return iri

    def _agent(self, extractor: str):
        """The extractor's IRI; its type and label are written once per document (re-adding them is a no-op)."""
        t = self.t
        agent = t.extractor(extractor)
        if extractor not in self._agents_written:
            self._agents_written.add(extractor)
            self._add3(agent, t.A, t.SOFTWARE_AGENT)
            self._add3(agent, t.LABEL, t.extractor_label(extractor))
        return agent

    def assertion(self, s, p, o, evidence: Evidence, surface: str | None = None, o_text: str | None = None):
        """Record the triple with its evidence as a reified mig:Assertion.

        Its IRI is a digest of the triple's IRIs / lexical forms and the evidence; ``o_text`` gives the object's
        lexical form when the object is a literal (an N-Triples literal is not its lexical form).
        """
        t = self.t
        self._add3(s, p, o)
        lexical = t.lexical
        digest = hashlib.sha1(
            f"{lexical(s)}|{lexical(p)}|{lexical(o) if o_text is None else o_text}|"
            f"{evidence.start}|{evidence.end}|{evidence.extractor}".encode()
        ).hexdigest()[:16]
        node = self._iri(f"assertion/{digest}")
        pairs = [(t.A, t.ASSERTION), (t.SUBJECT, s), (t.PREDICATE, p), (t.OBJECT, o), (t.P_DOCUMENT, self.doc),
                 (t.P_SENTENCE, self.sentence(evidence.sentence_start, evidence.sentence_end)),
                 (t.P_START_OFFSET, t.integer(evidence.start)), (t.P_END_OFFSET, t.integer(evidence.end)),
                 (t.ATTRIBUTED_TO, self._agent(evidence.extractor))]
        if surface is not None:
            pairs.append((t.P_SURFACE_FORM, t.plain(surface)))
        self._add_node(node, pairs)
        return node

    def write_entity(self, entity: Entity):
        """The entity's type, label, aliases, attributes and mentions. (Nothing here is sorted: the lines are, once,
        in ``NTriplesLines.ntriples``, and an rdflib graph is a set.)"""
        t, kind = self.t, entity.kind
        iri = t.entity(kind, entity.key)
        plain = t.plain
        pairs = [(t.LABEL, plain(entity.name))]  # (predicate, object): written in one call
        if entity.aliases:
            alias = t.P_ALIAS
            pairs += [(alias, plain(name)) for name in entity.aliases]
        attrs = entity.attributes
        if kind == "Country":
            pairs += t.country_triples(entity.key)
        if attrs:
            role = str(attrs.get("role") or "").strip()
            if role:  # an empty role ("the" stripped of its noun) says nothing and fails validation
                pairs.append((t.P_ROLE, plain(role)))
            if "age" in attrs:
                pairs.append((t.P_AGE, t.integer(int(attrs["age"]))))
            if "gender" in attrs and kind == "Person":
                pairs.append((t.P_NAME_GENDER, plain(str(attrs["gender"]))))
        mentions, doc, mentioned_in = entity.mentions, self.doc, t.P_MENTIONED_IN
        if self.mention_spans:
            text = self.document.text
            for evidence in mentions:
                self.assertion(iri, mentioned_in, doc, evidence, text[evidence.start:evidence.end])
        elif mentions:
            pairs.append((mentioned_in, doc))
        sentence, written = self.sentence, self._sentence_iris  # (a written sentence's IRI: no call to ``sentence``)
        in_sentence = t.P_MENTIONED_IN_SENTENCE
        pairs += [(in_sentence, written.get(key) or sentence(*key))
                  for key in {(e.sentence_start, e.sentence_end) for e in mentions}]
        self._add_entity(iri, t.entity_class(kind), pairs)  # (its type line and PAIRS)
        return iri

    def _country_identity(self, iri, iso: str) -> None:
        for p, o in self.t.country_triples(iso):
            self._add3(iri, p, o)

    def write_relations(self, assertions: DocumentAssertions) -> None:
        """Each relation as a direct triple and an assertion with its evidence.

        A relation given by several mentions (a place named in five sentences is five times in its country) is one
        assertion, with its earliest evidence, unless every mention is wanted (``mention_spans``): on 200 corpus
        articles that leaves 1,171 of 2,082 assertions of where places and organisations are (9 triples each).
        """
        t = self.t
        relations = assertions.relations
        if not self.mention_spans:
            earliest: dict[tuple, Relation] = {}
            for relation in relations:
                key = (relation.subject_kind, relation.subject_key, relation.predicate, relation.object_kind,
                       relation.object_key)
                known = earliest.get(key)
                if known is None or (relation.evidence.start, relation.evidence.end) < (known.evidence.start,
                                                                                         known.evidence.end):
                    earliest[key] = relation
            relations = list(earliest.values())
        for relation in relations:
            s = t.entity(relation.subject_kind, relation.subject_key)
            o = t.entity(relation.object_kind, relation.object_key)
            self.assertion(s, t.mig(relation.predicate), o, relation.evidence)

    def write_quotation(self, quote: Quotation):
        t = self.t
        ev = quote.evidence
        iri = self._iri(f"quote/{ev.start}-{ev.end}")
        # The quotation node is its own evidence (document, sentence, span, extractor), as policies and flows are:
        # a reified assertion of its text would repeat all of it (8 more triples a quotation).
        pairs = [(t.A, t.QUOTATION), (t.A, t.SCHEMA_QUOTATION), (t.P_QUOTED_TEXT, t.text(quote.text)),
                 (t.P_QUOTE_KIND, t.mig(_kind_term(quote.kind))), *self._provenance_pairs(ev)]
        if quote.speaker_key and quote.speaker_kind in ENTITY_CLASSES:
            # The quotation's provenance is the attribution's too (same span, sentence and extractor): a reified
            # assertion of mig:speaker would repeat it in 9 more triples, ~15% of a news article's triples.
            pairs.append((t.P_SPEAKER, t.entity(quote.speaker_kind, quote.speaker_key)))
        if quote.speaker_description:
            pairs.append((t.P_SPEAKER_DESCRIPTION, t.plain(quote.speaker_description)))
        if quote.cue:
            pairs.append((t.P_ATTRIBUTION_CUE, t.plain(quote.cue)))
        # every line of the node in one call: with N-Triples one block, sorted among the other items as a whole
        self._add_node(iri, pairs)
        return iri

    # --- policies, flows, events, with their times and quantities ---------------------------------

    def _node(self, kind: str, *parts: object):
        """A stable IRI for a fact node of this document, from what identifies the fact."""
        digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
        return self._iri(f"{kind}/{digest}")

    def _provenance(self, node, evidence: Evidence) -> None:
        """The fact node's own evidence: document, sentence, span and extractor."""
        self._add_pairs(node, self._provenance_pairs(evidence))

    def _provenance_pairs(self, evidence: Evidence) -> tuple:
        """(predicate, object) of ``_provenance``'s triples."""
        t = self.t
        return ((t.P_DOCUMENT, self.doc), (t.P_SENTENCE, self.sentence(evidence.sentence_start, evidence.sentence_end)),
                (t.P_START_OFFSET, t.integer(evidence.start)), (t.P_END_OFFSET, t.integer(evidence.end)),
                (t.ATTRIBUTED_TO, self._agent(evidence.extractor)))

    def _ensure_entity(self, kind: str, key: str):
        """An entity referenced by a fact is typed even when it has no mention of its own."""
        t = self.t
        iri, cls = t.entity(kind, key), t.entity_class(kind)
        if not self._has_entity_type(iri, cls):
            self._add_entity_type(iri, cls)
            if kind == "Country":
                country = gazetteer().countries.get(key)
                self.add(iri, t.LABEL, t.plain(country.name if country else key))
                self._country_identity(iri, key)
        return iri

    def write_time(self, time: TimeExpression):
        add, t = self._add3, self.t
        iri = self._iri(f"time/{time.start}-{time.end}")
        add(iri, t.A, t.TIME_EXPRESSION)
        add(iri, t.P_EXPRESSION, t.plain(time.text))
        add(iri, t.P_GRANULARITY, t.plain(time.granularity))
        add(iri, t.P_DOCUMENT, self.doc)
        add(iri, t.P_START_OFFSET, t.integer(time.start))
        add(iri, t.P_END_OFFSET, t.integer(time.end))
        if time.value:
            add(iri, t.P_RESOLVED_VALUE, t.plain(time.value))
            self._dates(iri, time)
        return iri

    def _dates(self, node, time: TimeExpression) -> None:
        bounds = _date_bounds(time.value) if time.value else None
        if bounds:
            t = self.t
            self.add(node, t.P_DATE, t.date(bounds[0].isoformat()))
            if bounds[1] != bounds[0]:
                self.add(node, t.P_LATEST_DATE, t.date(bounds[1].isoformat()))

    def write_quantity(self, quantity: Quantity):
        add, t = self._add3, self.t
        iri = self._iri(f"quantity/{quantity.start}-{quantity.end}")
        add(iri, t.A, t.QUANTITY)
        add(iri, t.P_EXPRESSION, t.plain(quantity.text))
        add(iri, t.P_NUMERIC_VALUE, t.decimal(_decimal(quantity.value)))
        if quantity.unit:
            add(iri, t.P_UNIT, t.plain(quantity.unit))
        if quantity.qualifier:
            add(iri, t.P_QUALIFIER, t.plain(quantity.qualifier))
        if quantity.counted:
            add(iri, t.P_COUNTED_NOUN, t.plain(quantity.counted))
        add(iri, t.P_IS_CHANGE, t.boolean(bool(quantity.is_change)))
        add(iri, t.P_DOCUMENT, self.doc)
        add(iri, t.P_START_OFFSET, t.integer(quantity.start))
        add(iri, t.P_END_OFFSET, t.integer(quantity.end))
        return iri

    def _context(self, node, time: TimeExpression | None, quantities: list[Quantity], trigger: str | None) -> None:
        t = self.t
        if time is not None:
            self.add(node, t.P_TIME, self.write_time(time))
            self._dates(node, time)
        for quantity in quantities:
            self.add(node, t.P_QUANTITY, self.write_quantity(quantity))
        if trigger:
            self.add(node, t.P_TRIGGER, t.plain(trigger))

    def write_policy(self, policy: Policy):
        if policy.policy_type not in POLICY_TYPES:
            raise ValueError(f"unknown policy type {policy.policy_type!r}")
        t = self.t
        ev = policy.evidence
        node = self._node("policy", policy.actor_kind, policy.actor_key, policy.policy_type, policy.target,
                          ev.start, ev.end)
        actor = self._ensure_entity(policy.actor_kind, policy.actor_key)
        self.add(node, t.A, t.POLICY)
        self.assertion(node, t.P_ACTOR, actor, ev)
        self.add(node, t.P_POLICY_TYPE, t.mig(policy.policy_type))
        self.add(node, t.P_STATUS, t.policy_status(policy.status))
        if policy.target:
            self.add(node, t.P_TARGET_DESCRIPTION, t.plain(policy.target))
        if policy.target_key:
            group = self._ensure_entity("Group", policy.target_key)
            self.add(node, t.P_TARGET, group)
            self.assertion(actor, t.policy_property(policy.policy_type), group, ev)
        if policy.target_nationality:
            self.add(node, t.P_TARGET_NATIONALITY, self._ensure_entity("Country", policy.target_nationality))
        if policy.condition:
            self.add(node, t.P_CONDITION, t.plain(policy.condition))
        if policy.confidence is not None:
            self.add(node, t.P_CONFIDENCE, t.decimal(_decimal(policy.confidence)))
        self._context(node, policy.time, policy.quantities, policy.trigger)
        self._provenance(node, ev)
        return node

    def write_flow(self, flow: Flow):
        t = self.t
        ev = flow.evidence
        node = self._node("flow", flow.origin, flow.destination, ",".join(flow.via), flow.group, ev.start, ev.end)
        self.add(node, t.A, t.FLOW)
        origin = self._ensure_entity("Country", flow.origin) if flow.origin else None
        destination = self._ensure_entity("Country", flow.destination) if flow.destination else None
        if origin is not None:
            self.add(node, t.P_ORIGIN, origin)
        if destination is not None:
            self.add(node, t.P_DESTINATION, destination)
        for via in flow.via:
            self.add(node, t.P_VIA, self._ensure_entity("Country", via))
        if origin is not None and destination is not None:
            self.assertion(origin, t.P_FLOW_TO, destination, ev)
        if flow.group:
            self.add(node, t.P_GROUP_DESCRIPTION, t.plain(flow.group))
        if flow.group_key:
            self.add(node, t.P_GROUP, self._ensure_entity("Group", flow.group_key))
        if flow.confidence is not None:
            self.add(node, t.P_CONFIDENCE, t.decimal(_decimal(flow.confidence)))
        self._context(node, flow.time, flow.quantities, flow.trigger)
        self._provenance(node, ev)
        return node

    def write_event(self, event: Event):
        t = self.t
        ev = event.evidence
        node = self._node("event", event.event_type, event.trigger, ev.start, ev.end)
        self.add(node, t.A, t.EVENT)
        self.add(node, t.A, t.event_class(event.event_type))
        if event.agent:
            self.assertion(node, t.P_AGENT, self._ensure_entity(*event.agent), ev)
        if event.place:
            self.assertion(node, t.P_PLACE, self._ensure_entity(*event.place), ev)
        if event.affected:
            self.add(node, t.P_GROUP_DESCRIPTION, t.plain(event.affected))
        if event.affected_key:
            self.add(node, t.P_GROUP, self._ensure_entity("Group", event.affected_key))
        self._context(node, event.time, event.quantities, event.trigger)
        self._provenance(node, ev)
        return node

    def write_all(self, assertions: DocumentAssertions, quotations: list[Quotation]) -> None:
        self.write_document()
        for entity in assertions.entities.values():  # (in any order: the lines are sorted once, at the end)
            self.write_entity(entity)
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


_QUOTE_KINDS = {"direct": "DirectQuote", "partial": "PartialQuote", "direct_unclosed": "UnclosedQuote"}


def _kind_term(kind: str) -> str:
    return _QUOTE_KINDS.get(kind, "DirectQuote")


def serialize_turtle(graph: Graph) -> bytes:
    """Deterministic Turtle: rdflib orders subjects and predicates; no blank nodes are used."""
    return graph.serialize(format="turtle", encoding="utf-8")
