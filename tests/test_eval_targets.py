"""The issue's accuracy targets, measured through the whole chain (build → RDF → SPARQL → scorer).

Skipped when the shared evaluation data is not beside the checkout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import build
from graph.evaluate import load_gold_dir, score_corpus
from graph.predictions import predictions_from_graph

SHARED = Path(__file__).resolve().parents[2] / "shared"
TARGETS = {"quote_speaker": 0.90, "persons": 0.90, "countries": 0.95}
PER_SET_TARGETS = {"policies": 0.75, "flows": 0.75}  # issue 3: on the seed and on dev, each

pytestmark = pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval not available")


@pytest.fixture(scope="module")
def pairs_by_set() -> dict[str, list]:
    sets = {"seed": (SHARED / "eval" / "seed", SHARED / "seeds"),
            "dev": (SHARED / "eval" / "dev", SHARED / "eval" / "dev")}
    found = {}
    for name, (gold_dir, sources) in sets.items():
        gold = load_gold_dir(gold_dir)
        predicted = predictions_from_graph(build([sources]).graph)
        found[name] = [(predicted.get(doc, {}), gold[doc]) for doc in sorted(gold)]
    return found


@pytest.fixture(scope="module")
def scores(pairs_by_set) -> dict:
    return score_corpus([pair for pairs in pairs_by_set.values() for pair in pairs])["total"]


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_seed_and_dev_meet_target(scores, metric):
    assert scores[metric]["f1"] >= TARGETS[metric], scores[metric]


@pytest.mark.parametrize("data", ["seed", "dev"])
@pytest.mark.parametrize("metric", sorted(PER_SET_TARGETS))
def test_policies_and_flows_meet_target_on_each_set(pairs_by_set, data, metric):
    total = score_corpus(pairs_by_set[data])["total"]
    assert total[metric]["f1"] >= PER_SET_TARGETS[metric], total[metric]


def test_person_in_two_documents_is_one_node_with_a_row_per_document(tmp_path):
    (tmp_path / "one.txt").write_text("Chancellor Ines Hartmann visited Austria on Monday.\n")
    (tmp_path / "two.txt").write_text("Ines Hartmann, the chancellor, said Austria would help.\n")
    graph = build([tmp_path]).graph
    predicted = predictions_from_graph(graph)
    assert [p["name"] for p in predicted["one.txt"]["persons"]] == ["Ines Hartmann"]
    assert [p["name"] for p in predicted["two.txt"]["persons"]] == ["Ines Hartmann"]
    iris = {s for s in graph.subjects() if str(s).endswith("/person/ines-hartmann")}
    assert len(iris) == 1
