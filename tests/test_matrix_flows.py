"""Round 39 (F39): the invented paraphrase matrix of flow wordings, one test per line of
``tests/data/matrix_flows.jsonl`` (families: fleeing, leaving, "have fled to", arrivals, "Xs in B", hosting,
crossing, A-B borders, transit, asylum applications, boats, entries, returns, lists, two sentences; and hard
negatives). A line passes when the document's flows are exactly its expected (origin, destination) pairs.
Lines the rules do not read yet are strict xfails with the reason: fixing one flips its test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from graph.evaluate import country_code

MATRIX = Path(__file__).parent / "data" / "matrix_flows.jsonl"
ROWS = [json.loads(line) for line in MATRIX.read_text().splitlines() if line.strip()]
# a country-free opening so that every line is read as part of a story about migrants
STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"

XFAIL = {
    "flee-16": "flights between two capitals 'packed with' people fleeing: flights as carriers are not read",
    "host-07": "a host named only by a demonym on its families ('hosted by Czech families')",
    "flee-19": "'drove across the border into B' by one person: driving is no movement verb of the rules",
    "cross-16": "'camped in <place of B> after crossing from A': the destination is the camp's place",
    "arrive-13": "'80,000 have arrived' after visas issued to Xs: the destination is the issuing state",
    "twosent-05": "the boat's landing told in the sentence after the (ethnic) group",
    "twosent-02": "debatable extra: Eritrea -> Libya from refugees 'flown out of Libya' (they had been in Libya)",
    "cross-13": "extra Albania -> France: the group's nationality paired with the crossing's origin",
    "list-07": "debatable extra Mexico -> US from 'across the Rio Grande into Texas'",
    "arrive-21": "a headline landing on a coast named by a region's adjective ('Sicilian') the gazetteer does not hold",
    "xsinb-11": "'the count of Xs registered in B' is not read as 'the number of Xs registered in B' is",
}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


def test_matrix_shape():
    assert len(ROWS) >= 150
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    negatives = sum(1 for r in ROWS if not r["expect"])
    assert negatives >= len(ROWS) // 4
    for r in ROWS:
        for origin, destination in r["expect"]:
            assert country_code(origin) and country_code(destination), r["id"]


@pytest.mark.parametrize("row", [
    pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(strict=True, reason=XFAIL[r["id"]])] if r["id"] in XFAIL
                 else []) for r in ROWS])
def test_matrix_line(nlp, row):
    expected = {(country_code(o), country_code(d)) for o, d in row["expect"]}
    assert _pairs(nlp, row["text"]) == expected, row["note"]
