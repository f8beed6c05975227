"""The ontology (ontology/migraph.ttl) parses, documents every term, and declares every mig: term the code writes.

Two independent ways of finding the terms the code uses, so that neither can hide a gap:
scanning the source of graph/, extractors/ and queries/ for ``MIG.<name>``, relation
predicates and ``mig:<name>``, and writing a small invented document with the real
``graph.rdf.DocumentWriter`` and inspecting the triples it produces.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

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
from graph.documents import Document
from graph.rdf import DocumentWriter, new_graph
from graph.vocab import ENTITY_CLASSES, MIG, SCHEMA, SEM
from ontology import ONTOLOGY_IRI, ONTOLOGY_PATH, load_ontology

ROOT = Path(__file__).resolve().parents[1]
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: rdflib's XSD warns when pytest probes it

DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                     OWL.NamedIndividual}
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


# --- helpers -------------------------------------------------------------------------------------


def mig_name(term) -> str | None:
    """Local name of a mig: IRI, else None."""
    if isinstance(term, URIRef) and str(term).startswith(str(MIG)):
        return str(term)[len(str(MIG)):]
    return None


def declaration_types(ontology: Graph, term: URIRef) -> set[URIRef]:
    return set(ontology.objects(term, RDF.type)) & DECLARATION_TYPES


def undeclared(names: set[str], ontology: Graph) -> set[str]:
    """The mig: local names in ``names`` that the ontology does not declare as class, property or individual."""
    return {name for name in names if not declaration_types(ontology, MIG[name])}


def undocumented(ontology: Graph, term: URIRef) -> list[str]:
    missing = []
    for prop in (RDFS.label, RDFS.comment):
        english = [o for o in ontology.objects(term, prop)
                   if isinstance(o, Literal) and o.language == "en" and str(o).strip()]
        if not english:
            missing.append(f"{term.n3(ontology.namespace_manager)} has no English {prop.fragment}")
    return missing


def class_set(ontology: Graph, node) -> set:
    """A class expression as a set of named classes: the class itself, or the members of an owl:unionOf."""
    union = ontology.value(node, OWL.unionOf)
    if union is not None:
        return set(Collection(ontology, union))
    return {node}


def superclasses(ontology: Graph, cls) -> set:
    """cls and all its named superclasses (transitive rdfs:subClassOf)."""
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


# --- source scan ---------------------------------------------------------------------------------

MIG_ATTR_RE = re.compile(r"\bMIG\.([A-Za-z_]\w*)")
MIG_ITEM_RE = re.compile(r"\bMIG\[\s*[\"']([A-Za-z_]\w*)[\"']\s*\]")
RELATE_RE = re.compile(r"_relate\(\s*[^,()]+,\s*[^,()]+,\s*[^,()]+,\s*[\"']([A-Za-z_]\w*)[\"']\s*,")
RELATION_KW_RE = re.compile(r"Relation\([^)]*?predicate\s*=\s*[\"']([A-Za-z_]\w*)[\"']", re.S)
QUOTE_KIND_RE = re.compile(r"[\"']([A-Z]\w*Quote)[\"']")
SPARQL_RE = re.compile(r"\bmig:([A-Za-z_]\w*)")


def python_sources() -> list[Path]:
    return sorted((ROOT / "graph").glob("*.py")) + sorted((ROOT / "extractors").glob("*.py"))


def relation_predicates() -> set[str]:
    found: set[str] = set()
    for path in sorted((ROOT / "extractors").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found |= set(RELATE_RE.findall(text)) | set(RELATION_KW_RE.findall(text))
    return found


def code_terms() -> dict[str, set[str]]:
    """mig: local name -> files that use it."""
    terms: dict[str, set[str]] = {}

    def note(names, path: Path) -> None:
        for name in names:
            terms.setdefault(name, set()).add(str(path.relative_to(ROOT)))

    for path in python_sources():
        text = path.read_text(encoding="utf-8")
        note(MIG_ATTR_RE.findall(text), path)
        note(MIG_ITEM_RE.findall(text), path)
        if path.parent.name == "extractors":
            note(RELATE_RE.findall(text), path)
            note(RELATION_KW_RE.findall(text), path)
        if path.parent.name == "graph":
            note(QUOTE_KIND_RE.findall(text), path)
    for path in sorted((ROOT / "queries").glob("*.rq")):
        note(SPARQL_RE.findall(path.read_text(encoding="utf-8")), path)
    return terms


# --- (1) parsing and header ----------------------------------------------------------------------


def test_ontology_file_parses():
    assert ONTOLOGY_PATH.is_file()
    graph = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert len(graph) > 100


def test_load_ontology_returns_a_fresh_graph():
    first = load_ontology()
    first.remove((None, None, None))
    assert len(load_ontology()) > 100


def test_ontology_header(ontology):
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ontology
    version = ontology.value(header, OWL.versionInfo)
    assert version is not None and str(ontology.value(header, OWL.versionIRI)).endswith(f"/{version}")
    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert ontology.value(header, prop) is not None, f"ontology header lacks {prop}"
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [header]


# --- (2) every term the code writes is declared -------------------------------------------------


def test_source_scan_finds_the_terms_it_should():
    """Guard against the scan silently matching nothing (e.g. after a refactor renames _relate)."""
    terms = code_terms()
    assert {"locatedIn", "country", "affiliation", "nationality"} <= relation_predicates()
    assert {"Document", "Sentence", "Assertion", "Quotation", "speaker", "mentionedIn",
            "DirectQuote", "PartialQuote", "UnclosedQuote"} <= set(terms)
    assert {str(MIG[name]) for name in terms} >= {str(cls) for cls in ENTITY_CLASSES.values()}


def test_every_term_in_the_source_is_declared(ontology):
    terms = code_terms()
    missing = undeclared(set(terms), ontology)
    assert not missing, "undeclared mig: terms: " + "; ".join(
        f"mig:{name} (used in {', '.join(sorted(terms[name]))})" for name in sorted(missing))


def test_undeclared_terms_are_reported(ontology):
    """The check above can fail: a made-up term is reported, real ones are not."""
    assert undeclared({"Person", "speaker", "notInTheOntology"}, ontology) == {"notInTheOntology"}


def _evidence(text: str, phrase: str, sentences: list[tuple[int, int]], extractor: str = "test") -> Evidence:
    start = text.index(phrase)
    end = start + len(phrase)
    s_start, s_end = next((a, b) for a, b in sentences if a <= start and end <= b)
    return Evidence(start, end, s_start, s_end, extractor)


@pytest.fixture(scope="module")
def written_graph() -> Graph:
    """A small invented article written with the real DocumentWriter, using every kind of entity,
    relation, quotation and attribute the writer supports."""
    text = ("Latvian Foreign Minister Anna Berzina, 52, of the Baltic Council said Russian tourists "
            "crossed at Terehova. \"We will not reopen the border,\" Berzina told reporters. "
            "The council called it \"a necessary step\", an official said. "
            "\"The queue is long, one driver said. More than 300 tourists waited 2 km from the crossing "
            "last week, in September, a 12% rise on 2021.")
    sentences = []
    start = 0
    for match in re.finditer(r"(?<=[.!?\"])\s+(?=[A-Z\"])", text):
        sentences.append((start, match.start()))
        start = match.end()
    sentences.append((start, len(text)))

    def ev(phrase: str) -> Evidence:
        return _evidence(text, phrase, sentences)

    document = Document(path=Path("invented.txt"), name="invented.txt", text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest(), title="Invented article",
                        published=date(2022, 9, 27), url="https://example.org/invented")
    result = DocumentAssertions(sentences=sentences)

    def entity(kind: str, key: str, name: str, *phrases: str, **attributes) -> Entity:
        found = Entity(kind=kind, key=key, name=name, attributes=dict(attributes))
        for phrase in phrases:
            found.add_mention(ev(phrase), phrase)
        result.entities[(kind, key)] = found
        return found

    entity("Person", "anna-berzina", "Anna Berzina", "Anna Berzina", "Berzina",
           role="Foreign Minister", age=52, gender="female", country="LV")
    entity("Country", "LV", "Latvia", "Latvian")
    entity("Country", "RU", "Russia", "Russian")
    entity("Organization", "baltic-council", "Baltic Council", "Baltic Council", "council", country="LV")
    entity("Place", "terehova", "Terehova", "Terehova")
    entity("Group", "russian-tourists", "Russian tourists", "Russian tourists", nationality="RU")
    assert set(ENTITY_CLASSES) == {kind for kind, _ in result.entities}, "cover every entity kind"

    result.relations = [
        Relation("Person", "anna-berzina", "country", "Country", "LV", ev("Latvian Foreign Minister")),
        Relation("Person", "anna-berzina", "affiliation", "Organization", "baltic-council", ev("Baltic Council")),
        Relation("Organization", "baltic-council", "country", "Country", "LV", ev("Baltic Council")),
        Relation("Place", "terehova", "locatedIn", "Country", "LV", ev("Terehova")),
        Relation("Group", "russian-tourists", "nationality", "Country", "RU", ev("Russian tourists")),
    ]
    assert {r.predicate for r in result.relations} >= relation_predicates(), "cover every relation predicate"

    quotations = [
        Quotation("We will not reopen the border,", "direct", ev("We will not reopen the border,"),
                  speaker_key="anna-berzina", speaker_kind="Person", cue="told reporters"),
        Quotation("a necessary step", "partial", ev("a necessary step"),
                  speaker_key="baltic-council", speaker_kind="Organization", cue="called"),
        Quotation("The queue is long, one driver said.", "direct_unclosed", ev("The queue is long, one driver said."),
                  speaker_description="one driver", cue="said"),
    ]
    def time(phrase: str, value: str, granularity: str) -> TimeExpression:
        start = text.index(phrase)
        return TimeExpression(phrase, start, start + len(phrase), value, granularity)

    def quantity(phrase: str, value: float, **kw) -> Quantity:
        start = text.index(phrase)
        return Quantity(phrase, start, start + len(phrase), value, **kw)

    result.policies = [
        Policy("Country", "LV", "EntryBan", ev("crossed at Terehova"), status="in_force", target="Russian tourists",
               target_key="russian-tourists", target_nationality="RU", condition="unless they hold work permits",
               trigger="will not reopen the border", time=time("last week", "2022-09-19/2022-09-25", "interval"),
               quantities=[quantity("2 km", 2, unit="km")]),
        Policy("Organization", "baltic-council", "VisaRestriction", ev("a necessary step"), status="planned"),
    ]
    result.flows = [Flow("RU", "LV", ev("Russian tourists crossed at Terehova"), via=("RU",), group="Russian tourists",
                         group_key="russian-tourists", trigger="crossed", time=time("September", "2022-09", "month"),
                         quantities=[quantity("More than 300 tourists", 300.0, counted="tourists",
                                              qualifier="more than")])]
    result.events = [Event("BorderQueue", ev("The queue is long"), trigger="queue", agent=("Country", "LV"),
                           place=("Place", "terehova"), affected="Russian tourists", affected_key="russian-tourists",
                           time=time("2021", "2021", "year"),
                           quantities=[quantity("12%", 12, unit="percent", is_change=True)])]
    graph = new_graph()
    DocumentWriter(graph, document, mention_spans=True).write_all(result, quotations)
    return graph


def written_mig_terms(graph: Graph) -> dict[str, set[str]]:
    """mig: terms in the written graph, by the position they are used in."""
    used: dict[str, set[str]] = {"property": set(), "class": set(), "individual": set()}
    for s, p, o in graph:
        if mig_name(p):
            used["property"].add(mig_name(p))
        if p == RDF.type and mig_name(o):
            used["class"].add(mig_name(o))
        if p == RDF.predicate and mig_name(o):
            used["property"].add(mig_name(o))
        if p == MIG.quoteKind and mig_name(o):
            used["individual"].add(mig_name(o))
        for term in (s,) if p != RDF.type else ():
            assert not mig_name(term), f"mig: term {term} used as a subject in the data graph"
    return used


@pytest.mark.parametrize("mention_spans", [False, True])
def test_a_relation_given_by_several_mentions_is_one_assertion_unless_spans_are_kept(mention_spans):
    text = "Talks opened in Valmiera. Valmiera then closed its gates. Later Valmiera reopened."
    sentences = [(0, 25), (26, 57), (58, len(text))]
    document = Document(path=Path("places.txt"), name="places.txt", text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest())
    result = DocumentAssertions(sentences=sentences)
    place = Entity(kind="Place", key="lv-valmiera", name="Valmiera")
    result.entities[("Place", "lv-valmiera")] = place
    result.entities[("Country", "LV")] = Entity(kind="Country", key="LV", name="Latvia")
    starts = [m.start() for m in re.finditer("Valmiera", text)]
    for start in reversed(starts):  # not in text order: the earliest evidence is chosen, not the first listed
        evidence = _evidence(text[:start] + "#" * 8 + text[start + 8:], "#" * 8, sentences)
        place.add_mention(evidence, "Valmiera")
        result.relations.append(Relation("Place", "lv-valmiera", "locatedIn", "Country", "LV", evidence))
    graph = new_graph()
    DocumentWriter(graph, document, mention_spans=mention_spans).write_all(result, [])
    located = [a for a in graph.subjects(RDF.predicate, MIG.locatedIn)]
    assert len(list(graph.triples((None, MIG.locatedIn, None)))) == 1  # the direct triple
    assert len(located) == (3 if mention_spans else 1)
    if not mention_spans:
        assert graph.value(located[0], MIG.startOffset).toPython() == starts[0]
    assert len(set(graph.objects(None, MIG.mentionedInSentence))) == 3  # every sentence still names the place


def test_written_graph_covers_the_writer(written_graph):
    used = written_mig_terms(written_graph)
    assert {"Document", "Sentence", "Assertion", "Quotation", *ENTITY_CLASSES} <= used["class"]
    assert {"DirectQuote", "PartialQuote", "UnclosedQuote"} == used["individual"]
    assert {"speaker", "speakerDescription", "attributionCue", "role", "age", "nameGender", "isoCode",
            "alias", "surfaceForm", "mentionedIn", "mentionedInSentence", "locatedIn", "nationality",
            "affiliation"} <= used["property"]
    assert {"Policy", "Flow", "BorderQueueEvent", "TimeExpression", "Quantity"} <= used["class"]
    assert {"actor", "policyType", "status", "target", "targetNationality", "targetDescription", "condition",
            "trigger", "entryBanFor", "origin", "destination", "via", "flowTo", "group", "groupDescription",
            "agent", "place", "time", "quantity", "date", "latestDate", "expression", "resolvedValue",
            "granularity", "numericValue", "unit", "qualifier", "countedNoun", "isChange"} <= used["property"]


def test_every_term_in_a_written_graph_is_declared_and_documented(written_graph, ontology):
    used = written_mig_terms(written_graph)
    problems = []
    for position, expected in (("class", {OWL.Class}), ("property", PROPERTY_TYPES),
                               ("individual", {OWL.NamedIndividual})):
        for name in sorted(used[position]):
            term = MIG[name]
            if not declaration_types(ontology, term) & expected:
                problems.append(f"mig:{name} is used as a {position} but not declared as one")
            problems.extend(undocumented(ontology, term))
    assert not problems, "\n".join(problems)


def test_written_triples_match_property_kinds_and_ranges(written_graph, ontology):
    """Literals only on datatype properties, with the declared xsd range; IRIs only on object properties."""
    problems = set()
    for _s, p, o in written_graph:
        name = mig_name(p)
        if not name:
            continue
        kinds = declaration_types(ontology, p)
        ranges = set(ontology.objects(p, RDFS.range))
        if isinstance(o, Literal):
            if OWL.DatatypeProperty not in kinds:
                problems.add(f"mig:{name} has a literal value but is not an owl:DatatypeProperty")
            datatype = o.datatype or (None if o.language else XSD.string)
            if ranges and datatype not in ranges:
                problems.add(f"mig:{name} value has datatype {datatype}, range is {sorted(ranges)}")
        elif OWL.ObjectProperty not in kinds:
            problems.add(f"mig:{name} has an IRI value but is not an owl:ObjectProperty")
    assert not problems, "\n".join(sorted(problems))


def test_written_triples_respect_domains_and_ranges(written_graph, ontology):
    """Each subject (and object, for object properties) has a type within the declared domain (range)."""

    def types_of(node) -> set:
        found = set()
        # Individuals such as mig:DirectQuote are typed in the ontology, entities in the data.
        for cls in {*written_graph.objects(node, RDF.type), *ontology.objects(node, RDF.type)}:
            found |= superclasses(ontology, cls)
        return found

    problems = set()
    for s, p, o in written_graph:
        name = mig_name(p)
        if not name:
            continue
        for domain in ontology.objects(p, RDFS.domain):
            allowed = class_set(ontology, domain)
            if not types_of(s) & allowed:
                problems.add(f"mig:{name}: subject typed {sorted(types_of(s))} is outside its domain")
        if isinstance(o, Literal):
            continue
        for range_ in ontology.objects(p, RDFS.range):
            allowed = class_set(ontology, range_)
            if not types_of(o) & allowed:
                problems.add(f"mig:{name}: object typed {sorted(types_of(o))} is outside its range")
    assert not problems, "\n".join(sorted(problems))


def test_relation_predicates_are_declared_as_object_properties(ontology):
    for name in relation_predicates():
        assert (MIG[name], RDF.type, OWL.ObjectProperty) in ontology, f"mig:{name}"


# --- (3) every declared term is documented --------------------------------------------------------


def declared_mig_terms(ontology: Graph) -> set[URIRef]:
    return {s for s, _, o in ontology.triples((None, RDF.type, None)) if mig_name(s) and o in DECLARATION_TYPES}


def test_every_declared_term_has_label_and_comment(ontology):
    terms = declared_mig_terms(ontology)
    assert len(terms) >= 40
    problems = [problem for term in sorted(terms) for problem in undocumented(ontology, term)]
    assert not problems, "\n".join(problems)


def test_every_mig_term_mentioned_in_the_ontology_is_declared(ontology):
    """Catches typos in domains, ranges and superclasses (mig:Persn) and dangling references."""
    mentioned = {term for triple in ontology for term in triple if mig_name(term)}
    assert mentioned - declared_mig_terms(ontology) == set()


def test_properties_have_one_kind_and_datatype_ranges_are_xsd(ontology):
    problems = []
    for term in sorted(declared_mig_terms(ontology)):
        kinds = declaration_types(ontology, term)
        if len(kinds & (PROPERTY_TYPES | {OWL.Class})) > 1:
            problems.append(f"{term} is declared as more than one of class/object/datatype/annotation property")
        if OWL.DatatypeProperty in kinds:
            ranges = set(ontology.objects(term, RDFS.range))
            if len(ranges) != 1 or not str(next(iter(ranges))).startswith(str(XSD)):
                problems.append(f"{term} needs exactly one xsd range, has {sorted(ranges)}")
        if OWL.ObjectProperty in kinds and not list(ontology.objects(term, RDFS.range)):
            problems.append(f"{term} has no rdfs:range")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["startOffset", "endOffset", "age", "characterCount"])
def test_integer_properties(ontology, name):
    assert ontology.value(MIG[name], RDFS.range) == XSD.integer


def test_quote_kinds_are_individuals_of_quote_kind(ontology):
    for name in ("DirectQuote", "PartialQuote", "UnclosedQuote"):
        assert (MIG[name], RDF.type, MIG.QuoteKind) in ontology
        assert (MIG[name], RDF.type, OWL.NamedIndividual) in ontology
    assert ontology.value(MIG.quoteKind, RDFS.range) == MIG.QuoteKind


# --- (4) alignment -------------------------------------------------------------------------------

ALIGNMENT = [
    (MIG.Person, RDFS.subClassOf, SCHEMA.Person),
    (MIG.Person, RDFS.subClassOf, PROV.Agent),
    (MIG.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (MIG.Organization, RDFS.subClassOf, PROV.Agent),
    (MIG.Country, RDFS.subClassOf, SCHEMA.Country),
    (MIG.Place, RDFS.subClassOf, SCHEMA.Place),
    (MIG.Quotation, RDFS.subClassOf, SCHEMA.Quotation),
    (MIG.Quotation, RDFS.subClassOf, PROV.Entity),
    (MIG.Document, RDFS.subClassOf, SCHEMA.NewsArticle),
    (MIG.Document, RDFS.subClassOf, PROV.Entity),
    (MIG.Assertion, RDFS.subClassOf, RDF.Statement),
    (MIG.Assertion, RDFS.subClassOf, PROV.Entity),
    (MIG.Group, RDFS.subClassOf, FOAF.Group),
    (MIG.QuoteKind, RDFS.subClassOf, SKOS.Concept),
    (MIG.Event, RDFS.subClassOf, SEM.Event),
    (MIG.Flow, RDFS.subClassOf, MIG.Event),
    (MIG.speaker, RDFS.subPropertyOf, SCHEMA.creator),
    (MIG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (MIG.quotedText, RDFS.subPropertyOf, SCHEMA.text),
    (MIG.alias, RDFS.subPropertyOf, SCHEMA.alternateName),
    (MIG.sentence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (MIG.document, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (MIG.affiliation, RDFS.subPropertyOf, SCHEMA.affiliation),
    (MIG.locatedIn, RDFS.subPropertyOf, SCHEMA.containedInPlace),
    (MIG.mentionedIn, OWL.inverseOf, SCHEMA.mentions),
]


@pytest.mark.parametrize("triple", ALIGNMENT, ids=lambda t: f"{mig_name(t[0])}-{t[1].fragment}-{t[2].split('/')[-1]}")
def test_alignment(ontology, triple):
    assert triple in ontology


def test_ontology_uses_the_code_namespaces(ontology):
    """The prefixes in the Turtle file are the namespaces graph/vocab.py writes (no http/https mix-up)."""
    bound = {prefix: str(ns) for prefix, ns in ontology.namespaces()}
    assert bound["mig"] == str(MIG)
    assert bound["schema"] == str(SCHEMA)
    assert bound["sem"] == str(SEM)
    assert bound["prov"] == str(PROV)
    assert not any(isinstance(s, BNode) and (s, RDF.type, OWL.Class) in ontology and
                   ontology.value(s, OWL.unionOf) is None for s in ontology.subjects())


def test_functional_properties_have_one_value_per_subject(written_graph, ontology):
    problems = []
    for prop in sorted(ontology.subjects(RDF.type, OWL.FunctionalProperty)):
        for subject in set(written_graph.subjects(prop, None)):
            values = list(written_graph.objects(subject, prop))
            if len(values) > 1:
                problems.append(f"{subject} has {len(values)} values for functional {prop}")
    assert not problems, "\n".join(problems)
