"""Round 40, helper R40: the crowded-sentence matrix of protection and admission policies
(``tests/data/matrix_crowded_asylum.jsonl``, invented documents written before migraph was run on them).

Real news sentences are long and name several states in other roles (partners, critics, transit states, hosts of
talks); each line here is one to four such sentences, 25 to 50 words, and its expected (actor, type) pairs among
the six protection and admission types. Each line is put before a short paragraph of a migration story (several
rules ask for their context words in the document). A line whose reading is still wrong is marked
xfail(strict=True) with the reason, so that fixing it flips its test and a regression fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from graph.evaluate import actor_key

MATRIX = Path(__file__).parent / "data" / "matrix_crowded_asylum.jsonl"
TYPES = frozenset({"Admission", "Aid", "Relocation", "VisaFree", "AsylumOffer", "AsylumRestriction"})
STORY = ("\n\nRefugees and migrants have kept arriving all year. Aid groups say asylum seekers, displaced families "
         "and other refugees wait for weeks at the border, and more migrants are expected.")

XFAIL: dict[str, str] = {
    "cadm-08": "'opened a special residence scheme ..., letting in N people': the scheme is read as aid, and the "
               "participle after the comma finds no subject",
    "cadm-15": "'were flown to A and admitted under a scheme': a passive whose state is only the destination",
    "car-03": "'A signed a deal with B under which asylum seekers ... will be flown to B's capital to have their "
              "claims processed': the passive inside the 'under which' clause does not reach A",
    "car-06": "'A and B signed a safe third country agreement': the partner B is read, A is not",
    "car-11": "a quoted refusal to process claims of people who came through safe countries: the transit state "
              "named after 'like' is read as the actor, the speaker's state is not",
    "car-13": "'changed its law so that claims would be heard only at detention centres': no cue for a procedure "
              "confined to detention",
    "car-19": "'Asylum claims by people who crossed from A ... will be barred by B': the claims noun is too far "
              "before the passive and its agent",
    "cao-10": "'after A and B took in others': 'others' is no group the admission rules accept",
    "caid-04": "'the government said it would extend the benefits': 'it' is resolved to the states listed in the "
               "aside before, not to the subject",
    "caid-05": "'give money to help A and B look after refugees': A and B are also read as giving aid",
    "caid-08": "'would give A another 3 billion euros to look after the refugees it hosts': the money pledge finds "
               "no group, and A is read as the one caring for refugees",
    "caid-20": "'A had given refugees free health care, schools and jobs' reported by another state's envoy: "
               "'health care' as two words after 'free' is no aid cue",
    "cneg-14": "an offer withdrawn in a later clause ('but the government withdrew the offer') still counts",
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
    assert len(rows) >= 120
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
