"""Round 40 (G40): an invented matrix of flows told across sentences, one test per line of
``tests/data/matrix_story_flows.jsonl``: documents of four to six long news sentences in which a group's origin is
given in one sentence ("most of them are Xs and Ys", "the passengers, who came from A", "among them were families
from A") and its landing, crossing or asylum claim in B in another (before or after, up to three sentences away),
with states in other roles around them (donors, critics, hosts of talks, a ship's flag, a smuggler's nationality);
about a third are hard negatives. A line passes when the document's flows (learned scorer as configured) are
exactly its expected (origin, destination) pairs. Lines not read yet are strict xfails with the reason."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from graph.evaluate import country_code

MATRIX = Path(__file__).parent / "data" / "matrix_story_flows.jsonl"
ROWS = [json.loads(line) for line in MATRIX.read_text().splitlines() if line.strip()]
STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"

_SCORER = "the learned scorer's pair (scorer tier, not retrained)"
_ONE = "a flow within one sentence (round 40's single-sentence helper)"
XFAIL = {
    **{f"neg_officials_nationality_{i}": _SCORER + ": officials' nationality with their hosts" for i in range(4)},
    **{f"neg_victims_of_crime_{i}": _SCORER + ": tourists robbed in the country they visit" for i in range(4)},
    **{f"apposition_group_arrival_{i}": _SCORER + ": the two origins of one group paired" for i in (0, 1, 4)},
    **{f"neg_officials_quote_other_{i}": _ONE + ": 'accused B of flying in people from A'" for i in range(4)},
    "neg_goods_origin_1": _ONE + ": 'all of them Sudanese' (an invariant plural) before 'taken to a port in B'",
}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(autouse=True)
def _scorer_as_configured(monkeypatch):
    """The scorer-tier lines depend on the scorer being as flow_scorer.json configures it: an in-process
    ``migraph build --rules-only`` elsewhere in the suite leaves MIGRAPH_FLOW_SCORER=0 in the environment."""
    monkeypatch.delenv("MIGRAPH_FLOW_SCORER", raising=False)


def _pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


def test_matrix_shape():
    assert len(ROWS) >= 80
    assert len({r["id"] for r in ROWS}) == len(ROWS)
    assert sum(1 for r in ROWS if r["note"].startswith("neg")) >= len(ROWS) // 4
    for r in ROWS:
        assert 4 <= len(re.findall(r'[.!?]"?(?:\s|$)', r["text"])) + ("\n" in r["text"]) <= 8, r["id"]
        for origin, destination in r["expect"]:
            assert country_code(origin) and country_code(destination), r["id"]


@pytest.mark.parametrize("row", [
    pytest.param(r, id=r["id"], marks=[pytest.mark.xfail(strict=True, reason=XFAIL[r["id"]])] if r["id"] in XFAIL
                 else []) for r in ROWS])
def test_matrix_line(nlp, row):
    expected = {(country_code(o), country_code(d)) for o, d in row["expect"]}
    assert _pairs(nlp, row["text"]) == expected, row["note"]


def test_ship_bound_elsewhere_not_the_destination(nlp):
    text = ("Those on board said they came from Eritrea. After being picked up by a tanker bound for Norway, "
            "they were landed in Malta on Friday, where they asked for protection.")
    assert _pairs(nlp, text) == {("ER", "MT")}


def test_group_that_stayed_gives_no_origin(nlp):
    text = ("Thousands of Somalis remain in their villages despite the drought, aid workers said. "
            "A boat carrying 60 people docked in Malta on Sunday, and they asked for asylum.")
    assert ("SO", "MT") not in _pairs(nlp, text)


def test_makeup_told_after_a_count(nlp):
    text = ("Police said 300 migrants crossed into Austria over the weekend. By Sunday the shelters were full. "
            "Volunteers brought soup and blankets. The people came mostly from Iraq as well as from Yemen and Iran.")
    assert {("IQ", "AT"), ("YE", "AT"), ("IR", "AT")} <= _pairs(nlp, text)


def test_makeup_after_another_story_of_the_same_origin(nlp):
    text = ("A convoy of aid trucks reached Jordan on Monday. Officials worry most about Syria this winter. "
            "They join Syrian families in crowded camps near the border.")
    assert ("SY", "JO") not in _pairs(nlp, text)
