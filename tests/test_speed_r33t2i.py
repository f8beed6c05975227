"""Session 33, T2i: the N-Triples writer's literals made per call (no LRU tables), equal to rdflib's N-Triples of
the same rdflib terms, on inputs written for these tests (awkward characters included)."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph.rdf import _NTRIPLES_TERMS, _nt, integer, plain

AWKWARD = [
    "",
    "plain words",
    'a "quoted" word',
    "back\\slash",
    "line\nbreak",
    "carriage\rreturn",
    "tab\tinside",
    "\u201ccurly\u201d quotes and an apostrophe\u2019s",
    "accents: \u00e9t\u00e9, na\u00efve, Ki\u0307",
    "emoji \U0001f600 and CJK \u4e2d\u6587",
    '\\"both"\\\n\r',
    "trailing backslash \\",
    "\x00nul and \x7f",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_plain_literal_equals_rdflib(text):
    assert _NTRIPLES_TERMS.plain(text) == _nt(Literal(text)) == _nt(plain(text))
    assert _NTRIPLES_TERMS.text(text) == _nt(Literal(text))


@pytest.mark.parametrize("n", [0, 1, 7, 255, 256, 1000, 65535, 65536, 123456789, -3])
def test_integer_literal_equals_rdflib(n):
    assert _NTRIPLES_TERMS.integer(n) == _nt(Literal(n, datatype=XSD.integer)) == _nt(integer(n))


def test_literals_are_not_cached_tables():
    """Made per call: no ``cache_info`` (an LRU table of 65,536 entries each was slower in place)."""
    assert not hasattr(_NTRIPLES_TERMS.plain, "cache_info")
    assert not hasattr(_NTRIPLES_TERMS.integer, "cache_info")


# --- an entity's lines gathered into one block (``NTriplesLines.gathered``) ----------------------------------------

from pathlib import Path  # noqa: E402

from extractors.assertions import (  # noqa: E402
    DocumentAssertions,
    Entity,
    Event,
    Evidence,
    Flow,
    Policy,
    Quotation,
    Relation,
)
from graph.documents import Document  # noqa: E402
from graph.rdf import DocumentWriter, NTriplesLines  # noqa: E402
from graph.store import ntriples  # noqa: E402

# Invented sentences; odd characters in names and aliases on purpose.
STORY = ("Mira \u201cRed\u201d Kov\u00e1\u010d left Tarvania for Lundmark.\n"
         "Officials in Lundmark said \"she may stay\"\\ for now.\r\n"
         "Tarvania closed its border to Osterland students, and Lundmark did the same.")


def _doc() -> Document:
    import hashlib

    return Document(path=Path("story.txt"), name="story.txt", text=STORY,
                    sha256=hashlib.sha256(STORY.encode()).hexdigest(), title="A \"made-up\" story")


def _ev(phrase: str, extractor: str = "test") -> Evidence:
    start = STORY.index(phrase)
    sentence_start = STORY.rfind("\n", 0, start) + 1
    sentence_end = STORY.find("\n", start)
    return Evidence(start, start + len(phrase), sentence_start, sentence_end if sentence_end >= 0 else len(STORY),
                    extractor)


def _assertions() -> DocumentAssertions:
    result = DocumentAssertions()
    person = Entity("Person", "mira-kovac", "Mira \u201cRed\u201d Kov\u00e1\u010d",
                    aliases={"Kov\u00e1\u010d", 'M. "R"'},
                    attributes={"role": " student\t", "age": 23, "gender": "female"})
    person.add_mention(_ev("Mira"), "Mira \u201cRed\u201d Kov\u00e1\u010d")
    person.add_mention(_ev("she may"), "she")
    tarvania = Entity("Country", "TV", "Tarvania\\")
    tarvania.add_mention(_ev("Tarvania for"), "Tarvania")
    tarvania.add_mention(_ev("Tarvania closed"), "Tarvania")
    lundmark = Entity("Place", "lundmark", "Lundmark")
    lundmark.add_mention(_ev("Lundmark."), "Lundmark")
    lundmark.add_mention(_ev("Lundmark did"), "Lundmark")
    result.entities.update({("Person", "mira-kovac"): person, ("Country", "TV"): tarvania,
                            ("Place", "lundmark"): lundmark})
    # relations: the same triple twice (one assertion), and the person in two relations
    result.relations += [Relation("Place", "lundmark", "country", "Country", "TV", _ev("Lundmark.")),
                         Relation("Place", "lundmark", "country", "Country", "TV", _ev("Lundmark did")),
                         Relation("Person", "mira-kovac", "country", "Country", "TV", _ev("Mira")),
                         Relation("Person", "mira-kovac", "residence", "Place", "lundmark", _ev("Mira"))]
    # two policies of one actor, type and group: their direct triple is written twice into the actor's block
    for phrase in ("closed its border", "did the same"):
        result.policies.append(Policy("Country", "TV", "EntryBan", _ev(phrase), target="Osterland students",
                                      target_key="osterland-students", target_nationality="OS"))
    result.flows += [Flow("TV", "LM", _ev("left Tarvania")), Flow("TV", "LM", _ev("left Tarvania for"))]
    result.events.append(Event("Protest", _ev("Officials"), trigger="said", agent=("Person", "mira-kovac"),
                               place=("Place", "lundmark")))
    return result


def _both(write, mention_spans: bool = False) -> tuple[bytes, bytes, NTriplesLines]:
    triples: set = set()
    write(DocumentWriter(triples, _doc(), mention_spans=mention_spans))
    lines = NTriplesLines()
    write(DocumentWriter(lines, _doc(), mention_spans=mention_spans))
    return lines.ntriples(), ntriples(triples), lines


def _quotes() -> list[Quotation]:
    """A quotation twice (one node), and another one of the same span with another cue (its lines go one by one)."""
    said = Quotation('she may stay"\\', "direct", _ev("she may stay"), speaker_key="mira-kovac",
                     speaker_kind="Person", cue="said\t\u201c", speaker_description='a "student"')
    other = Quotation("she may stay", "partial", _ev("she may stay", "quotes"), speaker_key="lundmark",
                      speaker_kind="Place", cue="told")
    unnamed = Quotation("for now.", "direct_unclosed", _ev("for now"))
    return [said, said, other, unnamed]


@pytest.mark.parametrize("mention_spans", [False, True])
def test_gathered_entity_blocks_give_rdflibs_bytes(mention_spans):
    written, expected, lines = _both(lambda w: w.write_all(_assertions(), _quotes()), mention_spans)
    assert written == expected
    assert written.count(b"\n") == len(set(written.splitlines()))  # each line once
    if not mention_spans:  # (with mention spans an entity's lines go one by one: its mentions come first)
        assert len(lines.gathered) == 3
        # the actor's block received the policies' direct triple twice and the relations' one: each written once
        assert written.count(b"/country/TV> <https://w3id.org/migraph/ontology#entryBanFor>") == 1
    # a quotation's lines are one block (``_add_node``); the two quotations of one span with other lines are not
    quote_blocks = [s for s, block in lines.nodes.items() if "/quote/" in s]
    assert len(quote_blocks) == 2 and sorted(map(bool, (lines.nodes[s] for s in quote_blocks))) == [False, True]


def test_entity_written_after_its_other_lines_is_not_gathered():
    """Out of ``write_all``'s order: lines of an entity written one by one before ``write_entity``; its own lines
    then go one by one too, and the output is still rdflib's."""
    result = _assertions()

    def write(w):
        w.write_document()
        w.write_relations(result)  # the person and the place as subjects first
        for policy in result.policies:
            w.write_policy(policy)  # types Tarvania through _ensure_entity
        for entity in result.entities.values():
            w.write_entity(entity)
        w.write_entity(result.entities[("Place", "lundmark")])  # twice

    written, expected, lines = _both(write)
    assert written == expected
    assert not lines.gathered


def test_ntriples_twice_is_the_same_and_leaves_the_lines():
    lines = NTriplesLines()
    DocumentWriter(lines, _doc()).write_all(_assertions(), [])
    items = list(lines)
    first = lines.ntriples()
    assert lines.ntriples() == first and list(lines) == items
