"""``set_entities`` given the entity columns the Doc holds (``written``) writes only the tokens that change: the Doc
ends up with the same entity columns as a full write."""

from __future__ import annotations

import pytest
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from extractors.doccache import doc_entities, kept_entity_columns
from extractors.pipeline import build_pipeline, set_entities

TEXT = "Jo Quillfeather met Ana Brightwater in North Ostrava and Lisbon on Monday , said the Red Cross ."
# (start, end, label) before and after: spans kept, dropped, grown, shrunk, relabelled, moved by one token
CASES = [
    ([(0, 2, "PERSON"), (6, 8, "GPE"), (9, 10, "GPE")], [(0, 2, "PERSON"), (6, 8, "GPE"), (9, 10, "GPE")]),
    ([(0, 2, "PERSON"), (6, 8, "GPE"), (9, 10, "GPE")], [(0, 2, "PERSON"), (3, 5, "PERSON"), (9, 10, "GPE")]),
    ([(1, 2, "LOC"), (7, 8, "GPE")], [(0, 2, "PERSON"), (6, 8, "GPE")]),
    ([(0, 2, "PERSON"), (6, 8, "GPE")], [(1, 2, "PERSON"), (7, 8, "LOC")]),
    ([(3, 5, "ORG"), (15, 18, "ORG")], [(3, 5, "PERSON"), (16, 18, "ORG")]),
    ([(3, 4, "PERSON"), (4, 5, "PERSON")], [(3, 5, "PERSON")]),
    ([(3, 5, "PERSON")], [(3, 4, "PERSON"), (4, 5, "PERSON")]),
    ([], [(0, 2, "PERSON")]),
    ([(0, 2, "PERSON"), (9, 10, "GPE")], []),
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _columns(doc):
    return doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]).tolist()


@pytest.mark.parametrize(("before", "after"), CASES)
def test_written_columns_give_a_full_write(nlp, before, after):
    doc = nlp.make_doc(TEXT)
    set_entities(doc, [Span(doc, a, b, label=label) for a, b, label in before])
    written = kept_entity_columns(doc)
    assert written is not None
    assert written.T.tolist() == [row[:2] for row in _columns(doc)]
    set_entities(doc, [Span(doc, a, b, label=label) for a, b, label in after], written=written)
    expected = nlp.make_doc(TEXT)
    set_entities(expected, [Span(expected, a, b, label=label) for a, b, label in after])
    assert _columns(doc) == _columns(expected)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(a, b, label) for a, b, label in after]
    assert [(e.start, e.end, e.label) for e in doc_entities(doc)] == [(e.start, e.end, e.label) for e in doc.ents]


def test_pipeline_entities_as_a_full_write(nlp):
    text = ("Interior Minister Jo Quillfeather said 40 migrants reached Spain from Morocco. \"We are ready,\" "
            "Quillfeather told reporters in Madrid on Tuesday, and Ana Brightwater of the Red Cross agreed.")
    doc = nlp(text)
    expected = nlp.make_doc(text)
    expected.set_ents(list(doc.ents), default="outside")
    assert _columns(doc) == _columns(expected)
