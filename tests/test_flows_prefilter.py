"""The flows prefilters (only tokens that can be movement words, anchors, country parts or ethnic groups
are tested, and sentences naming no placeable country are skipped) change nothing: every sentence of the flow
tests, and a few more aimed at the filters' edges, give the same flows with and without them. All invented."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from extractors.doccache import doc_lemmas, doc_lowers
from extractors.entities import extract_entities
from extractors.flows import _at, _lex, _trigger_kind, extract_flows
from extractors.pipeline import build_pipeline

EDGE_CASES = [
    "Migrants crossed the Channel in small boats on Tuesday.",  # a waterway, no country entity
    "They were encountered at the U.S.-Mexico border after crossing the Rio Grande.",  # a glued country pair
    "Rohingya refugees fled to Bangladesh by the thousands.",  # an ethnic group with an origin
    "Hundreds of people fled Crimea for Poland last year.",  # a country part
    "FLED: thousands of Syrians crossed into Turkey. Fled Afghans reached Iran.",  # capitalised movement words
    "The Land Rover was moved to Jordan. Welcome Centre staff met the Iraqis.",  # capitalised names
    "Microsoft and Google announced results in Seattle.",  # entities, none a country
    "The bodies of 12 migrants from Eritrea were found in a truck in Libya.",
    "Ukrainians have been taken in by Poland, which has taken in 1.5 million refugees.",
    "Syrian refugees in Jordan and Rohingya refugees in Bangladesh wait for news.",
]


def invented_sentences() -> list[str]:
    """Every string literal of ``tests/test_flows.py`` that reads as a sentence, and the edge cases."""
    tree = ast.parse(Path(__file__).with_name("test_flows.py").read_text(encoding="utf-8"))
    found = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and len(node.value.split()) >= 4 and node.value[:1].isupper()]
    return list(dict.fromkeys(found)) + EDGE_CASES


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _both(nlp, text: str) -> tuple[list, list]:
    doc = nlp(text)
    fast = extract_flows(doc, extract_entities(doc))
    doc = nlp(text)
    full = extract_flows(doc, extract_entities(doc), prefilter=False)
    return fast, full


def test_the_prefilter_keeps_every_flow(nlp):
    sentences = invented_sentences()
    assert len(sentences) > 60
    found = 0
    for text in sentences:
        fast, full = _both(nlp, text)
        assert fast == full, text
        found += bool(full)
    assert found > 40  # the comparison covers sentences with flows, not only empty ones


def test_the_prefilter_keeps_every_flow_of_a_whole_document(nlp):
    """Sentences read together: the document's main origin comes from all of them."""
    fast, full = _both(nlp, "\n\n".join(invented_sentences()))
    assert fast == full
    assert len(full) > 40


def test_movement_candidates_come_from_the_lexicon(nlp):
    """Every movement word of ``flows.json`` is a candidate; a token that is none is no trigger for the rules."""
    data = json.loads(Path("extractors/data/flows.json").read_text(encoding="utf-8"))
    words = sorted({w for kind in ("move", "depart", "arrive", "admit") for w in data["triggers"][kind]})
    doc = nlp(" ".join(words + ["table", "chair"]))
    lex, n = _lex(), len(doc)
    candidates = set(_at(doc_lowers(doc), 0, n, lex.kind)) | set(_at(doc_lemmas(doc), 0, n, lex.kind))
    assert {doc[i].lower_ for i in candidates} >= set(words)
    assert not {n - 1, n - 2} & candidates
    assert all(_trigger_kind(doc, i, n, lex) is None for i in range(n) if i not in candidates)


@pytest.mark.parametrize("text, expected", [
    ("Many have crossed into Poland from Belarus this month.", True),  # a quantifier before an auxiliary
    ("Their journey to Poland from Belarus took weeks.", True),  # a possessive before "journey"
    ("They crossed into Poland from Belarus.", True),
    ("The minister flew to Poland from Belarus.", False),
    ("Many ministers met in Poland; his speech in Belarus was short.", False),  # first words, but no pair
])
def test_group_cues_are_found_behind_their_set_tests(nlp, text, expected):
    """The pair tests for a group ('many have', 'their way') run only where the sentence holds the first word."""
    from extractors.flows import _sentences

    doc = nlp(text)
    sentences = _sentences(doc, extract_entities(doc), _lex())
    assert sentences and sentences[0].has_group is expected
