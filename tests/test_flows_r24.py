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


# a story set in the United States (named three times), about people at its border
US_STORY = ("The United States will hire more asylum officers, U.S. officials said. \n\n"
            "Lawmakers in the United States argued over the budget for weeks. \n\n")


@pytest.mark.parametrize("sentence", [
    "Border agents reported a surge of unaccompanied children crossing the southern border in May.",
    "Thousands of migrant families illegally crossed the U.S. southern border last month.",
    "Hundreds of asylum seekers arrived at the nation's southern border this week.",
])
def test_people_crossing_a_side_border(nlp, sentence):
    assert pairs(nlp, US_STORY + sentence) == {("MX", "US")}


def test_side_border_of_mexico(nlp):
    text = US_STORY + "Thousands of migrants crossed Mexico's southern border on foot in the spring."
    assert ("GT", "MX") in pairs(nlp, text)


@pytest.mark.parametrize("sentence", [
    # goods and drugs are no people
    "The senator said drugs pour across the southern border every day.",
    # a hedge: a feared crossing, not a reported one
    "Officials warned that thousands of migrants could cross the southern border next year.",
    # troops are no migrants
    "The Pentagon sent 5,000 troops to the southern border to help agents stop migrants crossing.",
    # people at a border, no crossing or arrival said
    "Volunteers handed out water to families at a park far from the southern border.",
])
def test_no_side_border_flow(nlp, sentence):
    assert ("MX", "US") not in pairs(nlp, US_STORY + sentence)


def test_side_border_needs_an_owner(nlp):
    # no story state: "the southern border" of which country is not said
    assert pairs(nlp, "A surge of unaccompanied children crossed the southern border in May.") == set()
