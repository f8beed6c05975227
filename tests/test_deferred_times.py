"""Dates and numbers are read when a fact first asks for them, with the same result as reading them first.

All sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.pipeline import build_pipeline
from graph.build import extract_document
from graph.documents import make_document

NO_FACTS = "The council met on Friday and approved a bike path of 10 kilometers, the mayor said."
FACTS = "Poland detained 40 migrants on Friday after they crossed the border from Belarus, officials said."


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def document(text: str):
    return make_document("t", text, Path("t.txt"), published=dt.date(2022, 10, 7))


def test_a_document_without_facts_never_reads_its_dates(nlp):
    assertions, _ = extract_document(nlp, document(NO_FACTS))
    assert not (assertions.policies or assertions.flows or assertions.events)
    assert assertions.deferred_times is not None and assertions.times == []
    assertions.resolve_deferred()
    assert assertions.deferred_times is None
    assert [t.text for t in assertions.times] == ["on Friday"]
    assert [q.value for q in assertions.quantities] == [10]


def test_facts_get_the_same_dates_and_numbers_either_way(nlp):
    lazy, _ = extract_document(nlp, document(FACTS))
    eager, _ = extract_document(nlp, document(FACTS), all_times=True)
    assert lazy.policies and lazy.policies == eager.policies
    assert lazy.flows == eager.flows and lazy.events == eager.events
    assert any(p.time is not None and p.time.text == "on Friday" for p in lazy.policies)
    lazy.resolve_deferred()
    assert lazy.times == eager.times and lazy.quantities == eager.quantities
