"""r39 (A39): the asylum paraphrase matrix, one test per line of ``tests/data/matrix_asylum.jsonl``.

Each line is a short invented story (news register, real country names, invented situations) with the
(actor, type) pairs a careful annotator following the guidelines would give for AsylumRestriction and
AsylumOffer (plus the Deportation pairs a summary return also gives). A line passes when the extracted pairs of
those types are exactly the expected ones. Lines the rules do not read yet are strict xfails with the reason, so
that fixing one flips its test and a regression fails. A neutral topic sentence follows each story, as in the
lead's probe: the stories are shorter than the articles the topic gate is made for.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.pipeline import build_pipeline
from graph.build import extract_document
from graph.documents import make_document
from graph.evaluate import actor_key

MATRIX = Path(__file__).with_name("data") / "matrix_asylum.jsonl"
TAIL = " The numbers of migrants and refugees have grown this year."
KINDS = {"asylumrestriction", "asylumoffer"}
ROWS = [json.loads(line) for line in MATRIX.read_text(encoding="utf-8").splitlines() if line.strip()]

XFAIL = {
    "rsus-18": "the noun's own 'by people entering' hides the 'announced by A' participle after the comma",
    "rinad-08": "'the administration' is resolved to the state named earlier in its sentence, not to the story's",
    "roff-02": "'a deal under which ...': the measure is inside a relative clause of the deal noun",
    "roff-07": "a nominal measure whose actor is only in a relative clause after it",
    "roff-08": "a bare 'A to send asylum seekers to B' stays Deportation only (tests/test_policies.py): the hearing or "
               "waiting there must be stated",
    "rlaw-06": "replacing permanent permits with temporary ones: no general cue read",
    "rrev-04": "passive withdrawal of 'protection' in a sentence with no migration word",
    "rrev-06": "'strip Xs of their residence permits' in a sentence with no migration word",
    "rpush-01": "the Deportation side ('turn back people who cross illegally') is not read",
    "rpage-01": "'the country' before the state is named in the next sentence",
    "rpage-05": "the state is named only as the adjective of the crossings, and the gap rules need an actor",
    "opledge-02": "'offer protection' needs a migration word in the sentence ('soldiers who desert' has none)",
    "opledge-03": "'provide sanctuary' needs a migration word in the sentence ('dissidents escaping' has none)",
    "otp-05": "a named protection status ('status S') is no cue",
    "otps-02": "the designated state inside the match is taken for the actor",
    "ocount-02": "'the French refugee office': an office with a kind word between is no state body",
    "rmore-06": "a nominal order whose measure is in a relative clause; its Deportation side is not read either",
    "rmore-10": "the Deportation side ('remove anyone who arrives illegally') is not read",
    "nmore-04": "the older temporary_protection_noun entry reads 'extended temporary protection of its forests'",
    "neg-21": "lawmakers' 'should' is read as the state's announcement",
    "neg-22": "'a future government' in an opposition leader's words is read as the state",
}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, row: dict) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    expected = {(actor_key(actor), kind.lower()) for actor, kind in row["expect"]}
    scope = KINDS | {kind for _, kind in expected}
    found, _ = extract_document(nlp, make_document("m.txt", row["text"] + TAIL, Path("m.txt")))
    got = {(p.actor_key if p.actor_kind == "Country" else actor_key(p.actor_key), p.policy_type.lower())
           for p in found.policies}
    return expected, {pair for pair in got if pair[1] in scope}


@pytest.mark.parametrize("row", [
    pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(strict=True, reason=XFAIL[row["id"]])]
                 if row["id"] in XFAIL else []) for row in ROWS])
def test_matrix_line(nlp, row):
    expected, got = pairs(nlp, row)
    assert got == expected, row["note"]


def test_matrix_shape():
    assert len(ROWS) >= 150
    assert sum(1 for row in ROWS if not row["expect"]) >= 0.25 * len(ROWS)
    assert len({row["id"] for row in ROWS}) == len(ROWS)
