"""Session 32 (T2h): CPU and memory changes that must leave the output as it was (invented sentences)."""

from __future__ import annotations

import itertools

import pytest
from spacy.tokens import Span
from spacy.util import filter_spans

from extractors.doccache import doc_lemmas, doc_lowers, doc_texts
from extractors.pipeline import _merge, build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_word_table_shares_equal_strings(nlp):
    """A word whose lower-case form is its text, and whose lemma is that form, gives the three token lists one
    string object (fewer objects kept per word, one object read per token); the values are spaCy's."""
    doc = nlp("Officials said the wardens were inspecting shelters near the northern crossing.")
    texts, lowers, lemmas = doc_texts(doc), doc_lowers(doc), doc_lemmas(doc)
    assert texts == [t.text for t in doc]
    assert lowers == [t.lower_ for t in doc]
    assert lemmas == [t.lemma_.lower() for t in doc]
    northern = texts.index("northern")
    assert lowers[northern] is texts[northern]
    assert lemmas[northern] is lowers[northern]
    officials = texts.index("Officials")  # capitalised: its lower-case form is another string
    assert lowers[officials] == "officials" and lowers[officials] is not texts[officials]
    inspecting = texts.index("inspecting")  # its own lower-case form, with another lemma
    assert lowers[inspecting] is texts[inspecting]
    assert lemmas[inspecting] == "inspect"


def test_word_table_sharing_in_a_later_document(nlp):
    """Words met again come from the table's arrays (not the new-word dict): still shared, still equal."""
    text = "Volunteers counted tents beside the riverbank while rain fell on the riverbank camp."
    for _ in range(2):
        doc = nlp(text)
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer._words.merge()
    doc = nlp(text)
    texts, lowers, lemmas = doc_texts(doc), doc_lowers(doc), doc_lemmas(doc)
    assert lemmas == [t.lemma_.lower() for t in doc]
    for i in (i for i, word in enumerate(texts) if word == "riverbank"):
        assert lowers[i] is texts[i] and lemmas[i] is texts[i]


def _spans(doc, bounds):
    return [Span(doc, a, b, label="GPE") for a, b in bounds]


def test_merge_is_filter_spans_sorted(nlp):
    """``_merge`` keeps the spans spaCy's ``filter_spans`` keeps, the same objects in the same order: nested,
    overlapping, equal, same-length and empty spans, in every order of a small set."""
    doc = nlp("One two three four five six seven eight nine ten eleven twelve.")
    pool = [(0, 2), (1, 3), (2, 4), (0, 2), (5, 6), (4, 7), (5, 7), (6, 9), (8, 9), (3, 3), (10, 12), (9, 11)]
    for size in (1, 2, 3, 5, len(pool)):
        for combo in itertools.islice(itertools.permutations(pool, size), 400):
            spans = _spans(doc, combo)
            expected = sorted(filter_spans(spans), key=lambda s: s.start)
            got = _merge(doc, spans)
            assert [id(s) for s in got] == [id(s) for s in expected], combo


def test_doc_index_trimmed_sentences(nlp):
    """The index's sentence ranges are each sentence's text stripped of white space at both ends, whether or not
    there is any to strip (the ranges without any are taken without copying the text)."""
    from extractors.doccache import doc_text
    from extractors.entities import doc_index

    text = ("The ferry left at dawn.  \n\n  Crews checked every cabin twice.\n\nNo one was missing. \n"
            "   \n\nA second boat waited offshore")
    doc = nlp(text)
    index = doc_index(doc)
    full = doc_text(doc)
    expected = []
    for sent in doc.sents:
        raw = full[sent.start_char:sent.end_char]
        start = sent.start_char + len(raw) - len(raw.lstrip())
        expected.append((start, start + len(raw.strip())))
    assert index.sent_trimmed == expected
    assert any(full[a:b] != full[doc[s].idx:doc[e - 1].idx + len(doc[e - 1])]
               for (a, b), (s, e) in zip(index.sent_trimmed, index.sent_tokens, strict=True))  # some were trimmed
