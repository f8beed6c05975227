"""The events candidate set (tokens whose form can start a trigger, from set operations) and the skip of the
comparison check when no marker word precedes a trigger change nothing: the sentences of the event tests, and
a few more at the edges, give the same events as the vectorised lookup over every token. All invented."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.events import _lexicon, _Words, extract_events
from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities
from extractors.temporal import extract_times

EDGE_CASES = [
    "Mobilization of 300,000 reservists began in Russia on Wednesday.",  # a capitalised first word
    "MOBILIZATION: Russia called up 300,000 reservists.",  # upper case
    "The Invasion of Ukraine by Russia began on 24 February 2022.",
    "It unfolded like an invasion, as if Peru had launched an invasion of Chile.",  # comparisons
    "Officials would like a vote on the deportation of 300 migrants from Germany.",
    "Hundreds of thousands fled the country after the mobilization was announced.",
]


def invented_sentences() -> list[str]:
    tree = ast.parse(Path(__file__).with_name("test_events.py").read_text(encoding="utf-8"))
    found = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and len(node.value.split()) >= 4 and node.value[:1].isupper()]
    return list(dict.fromkeys(found)) + EDGE_CASES


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _both(nlp, text: str) -> tuple[list, list]:
    out = []
    for prefilter in (True, False):
        doc = nlp(text)
        assertions = extract_entities(doc)
        assertions.times = extract_times(doc, dt.date(2022, 10, 1))
        assertions.quantities = extract_quantities(doc)
        out.append(extract_events(doc, assertions, prefilter=prefilter))
    return out[0], out[1]


def test_the_prefilter_keeps_every_event(nlp):
    sentences = invented_sentences()
    assert len(sentences) > 40
    found = 0
    for text in sentences:
        fast, full = _both(nlp, text)
        assert fast == full, text
        found += bool(full)
    assert found > 25


def test_the_prefilter_keeps_every_event_of_a_whole_document(nlp):
    fast, full = _both(nlp, "\n\n".join(invented_sentences()))
    assert fast == full
    assert len(full) > 25


def test_candidates_are_the_vectorised_ones_that_can_start_a_trigger(nlp):
    """Derived from events.json: each first trigger word, in any case, is a candidate where the lookup found it."""
    by_first, _ = _lexicon()
    words = sorted(by_first)
    doc = nlp(" ".join(words + [w.capitalize() for w in words] + [w.upper() for w in words]))
    w = _Words(doc)
    fast = w.candidates()
    able = [i for i in w.vectorised_candidates() if w.lemma(i) in by_first or w.lower[i] in by_first]
    assert fast == able
    assert len(fast) >= len(words)


def test_sentences_and_boilerplate_from_the_index_are_those_of_the_tokens(nlp):
    """The main loop reads token.sent and token._.in_boilerplate from the Doc's index unless a hook overrides
    sentences; with a hook that gives the same sentences (the slow way), the events are the same."""
    text = "\n\n".join(invented_sentences())
    fast, _ = _both(nlp, text)
    doc = nlp(text)
    doc.user_token_hooks["sent"] = lambda token: token.doc[token.i:token.i + 1].sent
    assertions = extract_entities(doc)
    assertions.times = extract_times(doc, dt.date(2022, 10, 1))
    assertions.quantities = extract_quantities(doc)
    assert extract_events(doc, assertions) == fast
    assert len(fast) > 25
