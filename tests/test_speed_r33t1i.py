"""r33 T1i (speed, output-identical): the fast paths give what the general paths give, on sentences written here."""

from __future__ import annotations

from functools import cache

import pytest

from extractors import names, pipeline
from extractors.doccache import kept_entities

TEXTS = [
    "Foreign Minister Anna Kowalczyk met border officials in Warsaw on Monday. Kowalczyk said Poland would "
    "send more guards to the frontier with Belarus, and the Polish government agreed.",
    "Mary Lopez-Paris, a lawyer in Madrid, said her client had waited two years. Lopez-Paris added that the "
    "Spanish interior ministry had not answered.",
    "The mayor of Chicago, Jo Ridley, said shelters were full. Ridley spoke after Governor Tom Baird visited "
    "El Paso, Texas, and met the UNHCR team.",
    "No names at all are written in this short line about the weather.",
    "EL PASO, Texas (AP) — Agents detained 40 migrants near the river, said Ana Cruz, a spokeswoman for the "
    "Border Patrol. Cruz said the group came from Guatemala and Honduras.",
]


@cache
def _nlp():
    return pipeline.build_pipeline()


def _entity_state(doc):
    return [(t.ent_iob, t.ent_type, t.ent_kb_id, t.ent_id) for t in doc], [
        (e.start, e.end, e.label_) for e in doc.ents]


def _before_persons(text):
    nlp = _nlp()
    with nlp.select_pipes(disable=["migraph_person_rules"]):
        return nlp(text)


@pytest.mark.parametrize("text", TEXTS)
def test_person_write_fast_path_equals_full_write(text):
    fast = _before_persons(text)
    pipeline.find_persons(fast)  # the gazetteer's columns kept: only the new persons' tokens are written
    slow = _before_persons(text)
    kept = kept_entities(slow)
    assert kept is not None
    try:
        found = names.person_spans(slow, kept)
    finally:
        names.share_view(None)
    pipeline.set_entities(slow, pipeline._merge(slow, list(kept) + found))  # no columns: every token written
    assert _entity_state(fast) == _entity_state(slow)
    # the fast path keeps no columns; "Lopez-Paris" frees the place "Paris" for the person: the general path
    assert (pipeline.kept_entity_columns(fast) is None) == ("Lopez-Paris" not in text)
    assert [(e.start, e.end, e.label) for e in kept_entities(fast)] == [(e.start, e.end, e.label) for e in slow.ents]


def test_person_write_matches_spacy_set_ents():
    for text in TEXTS:
        doc = _before_persons(text)
        pipeline.find_persons(doc)
        ents = list(doc.ents)
        other = _before_persons(text)
        other.set_ents([type(e)(other, e.start, e.end, label=e.label) for e in ents], default="outside")
        assert _entity_state(doc) == _entity_state(other)


def test_set_entities_dropped_checked_span_takes_general_path():
    # a checked span that is no longer an entity: the fast path must not be taken (its tokens change too)
    doc = _before_persons(TEXTS[0])
    kept = kept_entities(doc)
    assert kept
    written = pipeline.kept_entity_columns(doc)
    rest = list(kept[1:])
    pipeline.set_entities(doc, rest, checked=kept, written=written)
    assert [(e.start, e.end) for e in doc.ents] == [(e.start, e.end) for e in rest]
    assert doc[kept[0].start].ent_iob_ == "O"


def test_set_entities_overlap_and_non_span_still_raise():
    doc = _before_persons(TEXTS[0])
    from spacy.tokens import Span
    with pytest.raises(ValueError):
        pipeline.set_entities(doc, [Span(doc, 0, 2, label="ORG"), Span(doc, 1, 3, label="ORG")])
    with pytest.raises((ValueError, AttributeError)):  # set_ents's own error for a non-Span
        pipeline.set_entities(doc, [Span(doc, 0, 2, label="ORG"), (1, 2)])


def test_label_hashes_name_the_labels():
    from spacy.tokens import Span

    from extractors import entities

    doc = _before_persons(TEXTS[0])
    strings = doc.vocab.strings
    for label_id, name in entities._LABEL_NAMES.items():
        assert strings.add(name) == label_id and Span(doc, 0, 1, label=name).label == label_id
    assert strings[names._LOC_ID] == "LOC" and strings[names._PERSON_ID] == "PERSON"
    gazetteer = _nlp().get_pipe("migraph_gazetteer")
    assert all(strings[k] == v for k, v in gazetteer.label_names.items())
    assert sorted(gazetteer.label_names.values()) == sorted(pipeline.GAZETTEER_LABELS)


@pytest.mark.parametrize("text", TEXTS)
def test_entities_same_with_decoded_labels(text, monkeypatch):
    from extractors import entities

    doc = _nlp()(text)
    fast = entities.extract_entities(doc)
    monkeypatch.setattr(entities, "_LABEL_NAMES", {})  # every label decoded from the StringStore
    slow_doc = _nlp()(text)
    slow = entities.extract_entities(slow_doc)
    assert fast == slow
