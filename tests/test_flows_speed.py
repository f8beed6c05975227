"""Helpers of the faster flows sentence pass (issue 6): the tokens holding a hyphen are found from the hyphens of
the text, and the sentences from the SENT_START array with no Span for skipped ones. Both must agree with the plain
reading of every token and with ``doc_sentences``. All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.doccache import doc_sentences, doc_texts
from extractors.flows import _hyphen_tokens, _sentence_starts
from extractors.pipeline import build_pipeline
from extractors.policies import doc_word_set, find_triggers
from tests.test_flows_prefilter import invented_sentences

EXTRA = [
    "-Opening dash, a U.S.-Mexico deal - and a well-known Russia-Ukraine war -- ended.",
    "  Leading spaces - then Polish-Belarusian border talks.\n\n-\nA lone hyphen line.",
    "No hyphen at all here. Nor here.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_hyphen_tokens_are_the_tokens_holding_a_hyphen(nlp):
    texts = invented_sentences() + EXTRA
    for text in texts + [" ".join(texts)]:
        doc = nlp(text)
        assert _hyphen_tokens(doc) == [i for i, t in enumerate(doc_texts(doc)) if "-" in t], text


def test_sentence_starts_give_the_sentences_of_doc_sentences(nlp):
    for text in EXTRA + ["\n\n".join(invented_sentences())]:
        doc = nlp(text)
        sents = doc_sentences(doc)
        starts, sentence = _sentence_starts(doc)
        assert starts == [s.start for s in sents]
        assert [(sentence(k).start, sentence(k).end) for k in range(len(starts))] == [(s.start, s.end) for s in sents]


def test_doc_word_set_holds_every_lower_form(nlp):
    doc = nlp(" ".join(EXTRA))
    assert doc_word_set(doc) == {t.lower_ for t in doc}  # before find_triggers: made anew
    find_triggers(doc, doc_sentences(doc))
    assert doc_word_set(doc) >= {t.lower_ for t in doc}  # then the trigger search's set (lemmas too)
