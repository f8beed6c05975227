"""r39 (C39): the enforcement paraphrase matrix (``tests/data/matrix_enforce.jsonl``).

Invented documents of one to three sentences, each saying an entry ban, border barrier, deportation, detention,
flight ban or manhunt (or, for the hard negatives, not saying one) in one of the ways news does: voice, tense and
status, actor form, target, and constructions found in missed pages. Every line is a test: the (actor, type)
pairs read must equal the pairs expected. A neutral story paragraph on migration (no state, no measure) follows
each line, as a real article holds one; the topic gate keeps its default. Lines not read yet are strict xfails
with the reason, so that a fix flips them and a regression fails.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.documents import make_document
from graph.evaluate import actor_key, fold

MATRIX = Path(__file__).parent / "data" / "matrix_enforce.jsonl"
STORY = (" Arrivals of migrants and refugees have grown in recent months. Many of the migrants and refugees had"
         " fled war, and migration experts expect more asylum requests.")
ROWS = [json.loads(line) for line in MATRIX.read_text(encoding="utf-8").splitlines() if line.strip()]

NOT_YET = {
    "eb09": "'turned back dozens of A-ians': the turn-back entries list group words, a nationality is not one",
    "eb24": "'the border with B was closed ... by A': the agentless clause takes B from 'border with B' before 'by'",
    "bb06": "headline 'sends navy ships to Channel to stop boats': the ships entry needs 'to stop' right after",
    "bb20": "'sealed its frontier with a fence': read as closing the border (EntryBan) only",
    "bb21": "'will add cameras and sensors to its border barrier': equipment added to a barrier is no trigger",
    "dp09": "'scheduled a removal flight': the Home Office and the verb 'scheduled' are not read for the noun",
    "dp22": "'Returns of A-ians from B have risen': the plural noun with B after 'from' is not read",
    "dp23": "'halted deportations to A' is read as protection (AsylumOffer) by an earlier entry",
    "dt13": "'Moscow has detained hundreds of men who tried to leave': detain needs a migration word in the sentence",
    "dt16": "'intercepted the boat' is also read as BorderBarrier",
    "dt17": "'all new arrivals would be held in closed camps': 'arrivals' is no group word for the held target",
    "mh04": "'B demanded that A hand over the soldier': the demand cue suppresses the order",
    "mh06": "'will be tracked down ..., the A-ian ministry said': the passive finds no speaker after",
    "mh08": "'would not extradite those who fled' is read as protection (AsylumOffer) by design (r33)",
    "mh10": "'extradited a fraud suspect': a criminal extradition is read as Deportation",
    "eb35": "'Entry for A-ians has been suspended at all B-ian crossings': no actor for the agentless clause",
    "bb30": "'A's coastguard patrols off X were doubled': patrols doubled in a passive are not read",
    "dp31": "'Expelled from A, the men ...': a fronted participle is not read",
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
    assert len(ROWS) >= 150
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    assert sum(not row["expect"] for row in ROWS) >= len(ROWS) // 4
    assert set(NOT_YET) <= {row["id"] for row in ROWS}


@pytest.mark.parametrize("row", _params())
def test_matrix_line(nlp, row):
    expected = {(actor_key(actor), fold(kind)) for actor, kind in row["expect"]}
    assert read_pairs(nlp, row["text"]) == expected, row["note"]
