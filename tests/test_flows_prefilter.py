"""The flows index (tokens that can be movement words, anchors, country parts, ethnic groups) and the skip of
sentences naming no placeable country change nothing: every sentence of the flow tests, and a few more aimed
at the index's edges, give the same flows with and without them. All sentences are invented."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.flows import _Index, _lex, extract_flows
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


def test_the_index_comes_from_the_lexicon(nlp):
    """Every movement word of ``flows.json`` is a trigger candidate; a word that is none is not."""
    data = json.loads(Path("extractors/data/flows.json").read_text(encoding="utf-8"))
    words = sorted({w for kind in ("move", "depart", "arrive", "admit") for w in data["triggers"][kind]})
    doc = nlp(" ".join(words + ["table"]))
    index = _Index.build(doc, _lex())
    movement = {t.i for t in doc if t.lower_ in _lex().kind or t.lemma_.lower() in _lex().kind}
    assert set(index.triggers) == movement
    assert {t.lower_ for t in doc if t.i in movement} >= set(words)
    assert doc[-1].i not in index.triggers
