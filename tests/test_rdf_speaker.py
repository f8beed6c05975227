"""A quotation's speaker is a direct triple on the quotation, whose own evidence is the attribution's."""

from __future__ import annotations

from rdflib import RDF

from graph.build import build
from graph.validate import validate_graph
from graph.vocab import MIG, PROV


def test_a_named_speaker_is_one_direct_triple_and_the_quotation_carries_the_evidence(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Harbour officials counted the boats again.\n\n"
                       "\"We will open two more shelters before the winter,\" said Maren Oduya, the port's mayor.\n",
                       encoding="utf-8")
    graph = build([article], progress=False).graph
    said = list(graph.subject_objects(MIG.speaker))
    assert len(said) == 1
    quotation, speaker = said[0]
    assert (speaker, RDF.type, MIG.Person) in graph
    # the attribution's provenance is the quotation's own: its sentence, span and extractor
    sentence = graph.value(quotation, MIG.sentence)
    assert "two more shelters" in str(graph.value(sentence, MIG.text))
    assert graph.value(quotation, MIG.startOffset) is not None
    assert graph.value(quotation, PROV.wasAttributedTo) is not None
    # ...so no reified assertion repeats it (9 triples a quotation)
    assert not list(graph.subjects(RDF.predicate, MIG.speaker))
    assert validate_graph(graph).conforms
