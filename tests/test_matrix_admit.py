"""Round 39, helper B39: the paraphrase matrix of admission, aid, relocation, visa, exemption and sanction
wordings (``tests/data/matrix_admit.jsonl``, invented sentences written before migraph was run on them).

Each line is one short document put before a paragraph of a migration story (hidden articles are migration
stories: several rules ask for their context words in the document), and its expected (actor, type) pairs are
compared with what the rules give among the seven types of this matrix. A line whose reading is still wrong is
marked xfail(strict=True) with the reason, so that fixing it flips its test and a regression fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from graph.evaluate import actor_key

MATRIX = Path(__file__).parent / "data" / "matrix_admit.jsonl"
TYPES = frozenset({"Admission", "Aid", "Relocation", "VisaFree", "VisaRestriction", "Exemption", "Sanction"})
STORY = ("\n\nRefugees and migrants have kept arriving all year. Aid groups say asylum seekers, displaced families "
         "and other refugees wait for weeks at the border, and more migrants are expected.")

XFAIL = {
    "adm-04": "a scheme named before a relative clause ('Under the scheme, which A launched') gives no owner",
    "adm-17": "an evacuation to a capital is not read as the state taking the group in",
    "adm-27": "a national refugee quota is read as a relocation quota, and the UN-less actor is lost",
    "adm-58": "'One A-ian family from a camp in B will be resettled in C': the group is too far before the passive",
    "adm-46": "'under the UN quota system' is read as a UN relocation scheme",
    "aid-02": "the state helped to house refugees is also read as giving aid",
    "aid-08": "'to help resettle Afghans' is also read as the donor's admission",
    "aid-11": "the refugees as subject of 'receive an allowance from the state': no recipient-subject reading",
    "aid-12": "'Funding ... was approved by A': the noun before a passive with 'by' finds no owner",
    "aid-14": "'Free medical care is offered ... by A's ministry': the noun subject of a passive finds no owner",
    "aid-16": "aid stated only inside a relative clause on the subject ('A, which has funded two hospitals,')",
    "aid-24": "'The EU's support for A to host refugees' is read as the EU hosting (Admission), not as aid",
    "aid-25": "buses chartered to take migrants to centres are read as taking them in (Admission), not transport",
    "rel-01": "'the EU relocation scheme' also gives the EU a Relocation (an annotator may well list it too)",
    "rel-03": "taking refugees 'from the camps in Greece' is read as an admission, not a transfer between states",
    "rel-04": "taking migrants 'from the Greek islands' is read as an admission, not a transfer between states",
    "rel-07": "children flown 'from the Greek camps to A' are not read as relocated",
    "vf-13": "'Visa-free travel to the EU is a goal': a goal is read as the EU's visa-free regime",
    "ex-07": "a waived registration requirement is not read as an exemption",
    "aid-41": "a capital's aid told in a participle after 'with' ('with B also providing aid') gives no actor",
    "rel-17": "'A next month is expected to start relocating': a time phrase between the actor and 'is expected to'"
              " reads as a demand on A",
}


def _rows() -> list[dict]:
    return [json.loads(line) for line in MATRIX.read_text(encoding="utf-8").splitlines() if line.strip()]


def _key(actor: str) -> str:
    key = actor_key(actor)
    return key.upper() if len(key) == 2 else key


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_matrix_is_well_formed():
    rows = _rows()
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert sum(1 for r in rows if not r["expect"]) >= 0.25 * len(rows)  # hard negatives
    assert set(XFAIL) <= {r["id"] for r in rows}


def _param(row: dict):
    reason = XFAIL.get(row["id"])
    return pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])


@pytest.mark.parametrize("row", [_param(r) for r in _rows()])
def test_matrix_line(nlp, row):
    doc = nlp(row["text"] + STORY)
    got = {(_key(p.actor_key), p.policy_type)
           for p in extract_policies(doc, extract_entities(doc)) if p.policy_type in TYPES}
    assert got == {(_key(actor), kind) for actor, kind in row["expect"]}
