"""Matching policy triggers in windows around their required words (and skipping documents without an anchor
word) finds exactly the matches of the whole sentences: checked on a sentence built from every pattern of
policies.json, padded on both sides, and on the sentences of the policy tests. All sentences are invented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from extractors.pipeline import build_pipeline
from extractors.policies import _entry_bounds, compile_pattern, find_triggers, lexicon


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _words(pattern: str, optional: bool) -> list[str]:
    """One wording of a pattern: the first form of each token (optional ones too when ``optional``)."""
    out = []
    for spec in compile_pattern(pattern):
        values = (spec.get("LEMMA") or spec.get("LOWER") or {}).get("IN")
        if values and (optional or spec.get("OP") != "?"):
            out.append(min(values, key=lambda v: (not v.islower(), v)))
    return out


def pattern_sentences() -> list[str]:
    out = []
    contexts = lexicon()["contexts"]
    for entry in lexicon()["triggers"]:
        # an entry with a context word list is only matched in a sentence that has one of its words
        context = f" of {contexts[entry['context']][0]}" if entry.get("context") else ""
        for pattern in entry["patterns"]:
            for optional in (False, True):
                out.append(f"On Monday the government said it {' '.join(_words(pattern, optional))} them again "
                           f"and {' '.join(_words(pattern, optional))} more, officials{context} said.")
    return out


def invented_sentences() -> list[str]:
    tree = ast.parse(Path(__file__).with_name("test_policies.py").read_text(encoding="utf-8"))
    found = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and len(node.value.split()) >= 4 and node.value[:1].isupper()]
    return list(dict.fromkeys(found))


def test_windows_find_every_match_of_every_pattern(nlp):
    sentences = pattern_sentences()
    matched = 0
    for text in sentences:
        doc = nlp(text)
        full = find_triggers(doc, windows=False)
        assert find_triggers(doc) == full, text
        matched += bool(full)
    assert matched > len(sentences) * 0.8  # the wordings do match their patterns


def test_windows_find_every_match_of_the_policy_tests(nlp):
    sentences = invented_sentences()
    assert len(sentences) > 60
    matched = 0
    for text in sentences + ["\n\n".join(sentences)]:
        doc = nlp(text)
        full = find_triggers(doc, windows=False)
        assert find_triggers(doc) == full, text
        matched += bool(full)
    assert matched > 40


def test_every_entry_has_a_bounded_window():
    """Derived from the data: each entry's window is as long as its longest pattern, around its required words."""
    bounds = _entry_bounds()
    for entry in lexicon()["triggers"]:
        length, required = bounds[entry["id"]]
        assert length == max(len(compile_pattern(p)) for p in entry["patterns"])
        assert required


def test_cached_sentences_are_the_docs_sentences(nlp):
    """``doccache.doc_sentences``, which flows and policies read, gives ``doc.sents`` exactly."""
    from extractors.doccache import doc_sentences

    doc = nlp("\n\n".join(invented_sentences()))
    assert [(s.start, s.end) for s in doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [(s.start, s.end) for s in doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]  # cached
    assert len(list(doc.sents)) > 60


def test_entries_with_a_context_are_not_matched_without_it(nlp):
    doc = nlp("The ministry said it would detain 40 people at the stadium after the match.")
    assert not any(entry == "detain" for entry, _s, _e in find_triggers(doc))
    doc = nlp("The ministry said it would detain 40 migrants at the stadium after the match.")
    assert any(entry == "detain" for entry, _s, _e in find_triggers(doc))
