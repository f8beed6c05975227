"""r39b (U39): the story-types matrix (``tests/data/matrix_story_types.jsonl``).

Invented short stories (two or three sentences) where the right actor is read but the type hangs on the story:
a return of people who want to go home (Aid, not Deportation), a measure an international court orders a state
to take or that a state is only in talks with others about (none), a border closure under a fear, a rumour or
"no decision" (none), people handed over to a state's own authorities (no manhunt), beside their affirmative
contrasts and a few conventions the gold holds (sea rescue is Aid, interception at sea a BorderBarrier). A third
are hard negatives. Every line is a test: the (actor, type) pairs read must equal the pairs expected; lines not
read yet are strict xfails with the reason.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.documents import make_document
from graph.evaluate import actor_key, fold

MATRIX = Path(__file__).parent / "data" / "matrix_story_types.jsonl"
STORY = (" Arrivals of migrants and refugees have grown in recent months. Many of the migrants and refugees had"
         " fled war, and migration experts expect more asylum requests.")
ROWS = [json.loads(line) for line in MATRIX.read_text(encoding="utf-8").splitlines() if line.strip()]

NOT_YET = {
    "sty-06": "'A could consider taking in more refugees if ...': 'consider' between the modal and the trigger",
    "sty-08": "'criticised the decision of other states to close their borders': the critic is taken as actor",
}


@pytest.fixture(scope="module")
def nlp():
    from extractors.pipeline import build_pipeline
    return build_pipeline()


def read_pairs(nlp, text: str) -> set[tuple[str, str]]:
    from graph.build import extract_document
    doc = make_document("matrix.txt", text + STORY, Path("matrix.txt"))
    assertions, _ = extract_document(nlp, doc)
    return {(p.actor_key if p.actor_kind == "Country" else actor_key(p.actor_key), fold(p.policy_type))
            for p in assertions.policies}


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=NOT_YET[row["id"]])] if row["id"] in NOT_YET else []
        yield pytest.param(row, id=row["id"], marks=marks)


def test_matrix_is_well_formed():
    assert len(ROWS) >= 40
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    assert sum(not row["expect"] for row in ROWS) >= len(ROWS) // 3
    assert set(NOT_YET) <= {row["id"] for row in ROWS}


@pytest.mark.parametrize("row", _params())
def test_matrix_line(nlp, row):
    expected = {(actor_key(actor), fold(kind)) for actor, kind in row["expect"]}
    assert read_pairs(nlp, row["text"]) == expected, row["note"]
