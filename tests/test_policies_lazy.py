"""The policy context builds its quotation and mention tables only when a trigger passes the checks that need none
(issue 6: most documents with a trigger give no policy). The lazy build must give exactly the policies of the eager
one: checked on the invented sentences of the policy tests, one by one and as one document."""

from __future__ import annotations

import pytest

import extractors.policies as policies
from extractors.doccache import doc_sentences
from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.quotes import extract_quotes
from tests.test_policies_prefilter import invented_sentences


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _assertions(doc):
    a = extract_entities(doc)
    a.quotations = extract_quotes(doc, a)
    return a


def _policies(nlp, text: str, lazy: bool, monkeypatch) -> list:
    monkeypatch.setattr(policies, "LAZY_CONTEXT", lazy)
    doc = nlp(text)
    return policies.extract_policies(doc, _assertions(doc))


def test_lazy_context_gives_the_eager_policies(nlp, monkeypatch):
    sentences = invented_sentences()
    found = 0
    for text in sentences + ["\n\n".join(sentences)]:
        eager = _policies(nlp, text, False, monkeypatch)
        assert _policies(nlp, text, True, monkeypatch) == eager, text
        found += bool(eager)
    assert found > 40


def test_demonym_mentions_lie_in_nation_tokens(nlp):
    """``_is_people`` reads the mention table only at GPE/NORP entity tokens: every demonym mention lies there."""
    doc = nlp("Polish guards detained Syrian migrants, and the Chinese Embassy said Japanese citizens left Iraq.")
    ctx = policies._Context(doc, _assertions(doc), None, doc_sentences(doc))
    demonyms = [m for m in ctx.mentions if m.kind == "demonym"]
    assert demonyms
    assert all(i in ctx.nation_tokens for m in demonyms for i in range(m.start, m.end))


def test_lazy_context_builds_once_on_first_use(nlp):
    doc = nlp("Hungary closed its border to migrants on Tuesday.")
    ctx = policies._Context(doc, _assertions(doc), [2], doc_sentences(doc), lazy=True)
    assert "mentions" not in ctx.__dict__
    assert ctx.mention_at  # any table read builds them all
    assert ctx.by_end and ctx.wanted and "quotes" in ctx.__dict__
