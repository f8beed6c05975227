"""extract_flows, round 24: a hedge that opens a quoted sentence ("If", "Would", "May" right after the opening
quotation mark) voids the move as it does at a sentence's start; a capitalised word elsewhere is still a name.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

# an opening that makes the document one about migrants (people_in min_migration_words), naming no country
MIGRATION_STORY = ("Aid groups said migrants, refugees and asylum seekers need more beds this winter. \n\n"
                   "Volunteers said the migrants and refugees were tired. \n\n")
# a flow found elsewhere in the document, so that the document's one origin is not sent where its people are placed
FLOW_BEFORE = "Last spring hundreds of Somali refugees crossed into Kenya. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


@pytest.mark.parametrize("sentence", [
    'The lawyer said, "If the Syrian refugees come to Austria, they will find work."',
    '“If an Afghan family crosses into Iran this winter, it faces the cold,” an aid worker said.',
    'She asked: "Would Eritrean migrants really sail to Malta in this weather?"',
])
def test_hedge_opening_a_quotation(nlp, sentence):
    assert pairs(nlp, MIGRATION_STORY + FLOW_BEFORE + sentence) == {("SO", "KE")}


@pytest.mark.parametrize("sentence, added", [
    ('The lawyer said, "Hundreds of Syrian refugees came to Austria last year."', ("SY", "AT")),
    ('“Afghan families crossed into Iran all winter,” an aid worker said.', ("AF", "IR")),
])
def test_quoted_report_still_a_flow(nlp, sentence, added):
    assert pairs(nlp, MIGRATION_STORY + FLOW_BEFORE + sentence) == {("SO", "KE"), added}
