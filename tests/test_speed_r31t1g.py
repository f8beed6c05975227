"""Session 31 (T1g): object lifetimes in the worker. All sentences are invented for these tests."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from pathlib import Path

import pytest

from extractors.pipeline import build_pipeline
from graph.build import extract_document
from graph.documents import make_document

TEXT = ("Germany deported 120 asylum seekers to Albania on Tuesday, the interior minister Anna Weber said. "
        "\"We will keep the border open for refugees,\" Weber told reporters in Berlin.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


class _Watched:
    """The pipeline, keeping a weak reference to the last Doc it made."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.doc = None

    def __call__(self, text):
        doc = self.nlp(text)
        self.doc = weakref.ref(doc)
        return doc

    def __getattr__(self, name):
        return getattr(self.nlp, name)


def document(text: str):
    return make_document("t", text, Path("t.txt"), published=dt.date(2023, 3, 14))


def test_a_finished_doc_is_freed_without_the_cyclic_collector(nlp):
    watched = _Watched(nlp)
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        assertions, quotations = extract_document(watched, document(TEXT))
        assert assertions.entities and quotations
        assert assertions.policies or assertions.flows  # a document the rules read whole
        del assertions, quotations  # (deferred dates not yet read would hold the Doc as long as these)
        assert watched.doc() is None  # freed by reference counting: no Span in its user_data points back to it
    finally:
        if enabled:
            gc.enable()


def test_dates_read_after_the_release_are_the_same(nlp):
    early, _ = extract_document(nlp, document(TEXT), all_times=True)
    late, _ = extract_document(nlp, document(TEXT))
    late.resolve_deferred()  # after extract_document dropped the kept entities
    assert [(t.text, t.start) for t in late.times] == [(t.text, t.start) for t in early.times]
    assert [(q.value, q.start) for q in late.quantities] == [(q.value, q.start) for q in early.quantities]
    assert [t.text for t in late.times] == ["on Tuesday"]


def test_the_collector_is_paused_during_a_document_and_restored_after(monkeypatch):
    import graph.ingest as ingest

    seen = []

    def fake(nlp, document, *, mention_spans=False):
        seen.append(gc.isenabled())
        if document.name == "bad":
            raise ValueError("broken")
        return "done"

    monkeypatch.setattr(ingest, "extract_ntriples", fake)
    enabled = gc.isenabled()
    try:
        gc.enable()
        assert ingest._work(document("One sentence.")) == "done"
        assert gc.isenabled()
        failed = ingest._work(make_document("bad", "Another one.", Path("bad")))
        assert isinstance(failed, ingest.Failed) and gc.isenabled()
        gc.disable()  # a caller that switched it off keeps it off
        ingest._work(document("One sentence."))
        assert not gc.isenabled()
    finally:
        (gc.enable if enabled else gc.disable)()
    assert seen == [False, False, False]


def test_the_shipped_document_is_the_document_without_its_text():
    from dataclasses import fields, replace

    from graph.ingest import _without_text

    full = make_document("a.txt", "Refugees crossed the river at night.", Path("a.txt"), title="A crossing",
                         published=dt.date(2023, 3, 14))
    kept = _without_text(full)
    assert kept == replace(full, text="") and hash(kept) == hash(replace(full, text=""))
    assert kept.text == "" and full.text and kept.doc_id == full.doc_id
    assert {f.name for f in fields(kept)} == set(vars(kept))  # every field copied, nothing else


def test_document_kinds_counts_entities_with_mentions(nlp):
    from graph.build import document_kinds

    assertions, quotations = extract_document(nlp, document(TEXT))
    kinds = document_kinds(assertions, quotations)
    expected = {}
    for (kind, _), entity in assertions.entities.items():
        if entity.mentions:
            expected[kind] = expected.get(kind, 0) + 1
    assert {k: v for k, v in kinds.items() if k in expected} == expected
    assert kinds["Quotation"] == len(quotations) == 1
