"""The per-Doc values the components keep instead of reading them again (``doccache``) equal what spaCy gives."""

from __future__ import annotations

import pytest
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.tokens import Span

from extractors import names
from extractors.doccache import doc_entities, doc_text, sentence_columns, token_starts
from extractors.pipeline import build_pipeline, set_entities

TEXTS = [
    "MADRIDOVIA (AP) — Interior Minister Jo Quillfeather said on Tuesday that 40 migrants reached Spain.\n\n"
    "\"We are ready,\" Quillfeather told reporters in Madrid, adding that Morocco had been informed.",
    "By Lena Marrowby\nThe Polish border guard said   it had stopped a group of Syrian men near Bialystok.\n"
    "Ms. Marrowby, 41, a nurse from Gdansk, said the men were sent back to Belarus.",
    "Ängelholm's mayor Åsa Strömqvist met UNHCR officials. “They asked for help,” Strömqvist said.",
    "",
    "no capitals here at all, just words",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.mark.parametrize("text", TEXTS)
def test_kept_columns_equal_to_array(nlp, text):
    doc = nlp(text)
    kept = sentence_columns(doc)
    if not len(doc):
        assert kept is None
        return
    orth, spaces, sent_starts = kept
    assert (orth == doc.to_array(ORTH)).all()
    assert (spaces == doc.to_array(SPACY)).all()
    assert (sent_starts == doc.to_array(SENT_START)).all()
    assert (token_starts(doc) == doc.to_array(IDX)).all()
    columns = names.TokenView(doc)._columns
    expected = doc.to_array(["IDX", "SENT_START", "SPACY"])
    assert columns.dtype == expected.dtype and (columns == expected).all()


@pytest.mark.parametrize("text", TEXTS)
def test_kept_entities_equal_doc_ents(nlp, text):
    doc = nlp(text)
    kept = doc_entities(doc)
    ents = doc.ents
    assert [(e.start, e.end, e.label, e.kb_id, e.id) for e in kept] == [
        (e.start, e.end, e.label, e.kb_id, e.id) for e in ents]


def test_entities_with_ids_are_not_kept(nlp):
    doc = nlp.make_doc("Jo Quillfeather visited Madrid and Lisbon on Monday.")
    set_entities(doc, [Span(doc, 0, 2, label="PERSON")])
    assert doc_entities(doc) == doc.ents
    # an id under a span: written the slow way, and doc.ents is read again
    set_entities(doc, [Span(doc, 3, 4, label="GPE", kb_id="Q2807")])
    set_entities(doc, [Span(doc, 3, 4, label="GPE")])
    assert [(e.start, e.kb_id_) for e in doc_entities(doc)] == [(e.start, e.kb_id_) for e in doc.ents]


def test_doc_text_is_checked_once_per_token_count(nlp):
    doc = nlp(TEXTS[0])
    assert doc_text(doc) == doc.text
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text
