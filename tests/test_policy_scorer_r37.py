"""The learned policy scorer of session 37 (off by default; MIGRAPH_POLICY_SCORER=1): its document gates, the
everyday senses of cue words it no longer reads as measures, the words around a cue as features, and `--rules-only`
leaving it out. Invented texts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from extractors.policy_scorer import (
    EXTRACTOR,
    _everyday_sense,
    candidates,
    document_passes,
    full_context,
    model,
)

ROOT = Path(__file__).resolve().parents[1]

# A migration story whose measure sits far from its state (beyond the rules' reach): the scorer's kind of pair.
STORY = ("Slovenia, a small country of a few million people whose capital lies on a wide river and whose economy has "
         "grown quickly since it joined the union two decades ago, after long debate among the parties in its "
         "parliament and among its many advisers, refused entry to thousands of travellers this year. Slovenia said "
         "the checks would continue through the winter. Officials in Slovenia added that the checks had stopped "
         "dozens of migrants. Aid groups said many of the migrants had walked for weeks before they reached the "
         "frontier, and that families with children were among the asylum seekers who waited in the cold. The "
         "refugees told reporters they had hoped to find work and safety in the north.")
# The same state and measure in a trade story: one migration word part in over 100 words, under the gate.
TRADE = ("Slovenia, a small country whose capital lies on a wide river, refused entry to a shipment of steel this "
         "week, the trade ministry said. Slovenia said the tariffs on imported metal would rise in the spring and "
         "that exporters had been told to expect long delays. Economists said the dispute could slow growth across "
         "the region, where factories depend on cheap parts and on orders from abroad. Shares of the largest "
         "steelmakers fell on the news, and the central bank said it was watching prices closely. Officials in "
         "Slovenia added that the customs checks on lorries would be reviewed by the end of the quarter, and that "
         "talks with the suppliers were going on.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _scored(nlp, text: str) -> list:
    doc = nlp(text)
    assertions = extract_entities(doc)
    return [p for p in extract_policies(doc, assertions, scorer=True) if p.evidence.extractor == EXTRACTOR]


def test_off_by_default_and_switched_on_by_the_environment():
    """Judged on unread pages it gained, on the blind sets and fresh pages it did not (session 37): off by default."""
    assert model()["enabled"] is False
    code = "from extractors.policy_scorer import scorer_enabled; print(scorer_enabled())"
    env = {k: v for k, v in os.environ.items() if k != "MIGRAPH_POLICY_SCORER"}
    for extra, expected in (({}, "False"), ({"MIGRAPH_POLICY_SCORER": "1"}, "True")):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**env, **extra}, capture_output=True,
                             text=True, check=True)
        assert out.stdout.strip() == expected


def test_a_migration_story_gets_the_pair(nlp):
    assert document_passes(STORY)
    added = _scored(nlp, STORY)
    assert [(p.actor_key, p.policy_type) for p in added] == [("SI", "EntryBan")]


def test_gates_short_and_off_topic_texts(nlp):
    first_sentence = STORY.split(". ")[0] + "."
    assert not document_passes(first_sentence)  # under 100 words
    assert _scored(nlp, first_sentence) == []
    assert len(TRADE.split()) >= model()["min_words"]
    assert not document_passes(TRADE)  # long enough, but a trade story
    assert _scored(nlp, TRADE) == []


def _sense(nlp, text: str, word: str) -> bool:
    from extractors.doccache import doc_lemmas, doc_lowers

    doc = nlp(text)
    i = next(t.i for t in doc if t.lower_ == word)
    return _everyday_sense(doc_lemmas(doc), doc_lowers(doc), i, len(doc))


@pytest.mark.parametrize(("text", "word", "everyday"), [
    ("The two states have close ties.", "close", True),
    ("The convoy moved closer to the frontier.", "closer", True),
    ("The minister pushed for more funding.", "pushed", True),
    ("The leaders held talks on Monday.", "held", True),
    ("The state will close the border.", "close", False),
    ("Guards pushed back the boats.", "pushed", False),
    ("Police held the migrants for a week.", "held", False),
])
def test_everyday_senses_are_no_cues(nlp, text, word, everyday):
    assert _sense(nlp, text, word) is everyday


def test_words_around_the_cue_are_features_without_names(nlp):
    text = "Slovenia has begun to refuse entry to Moldovan migrants at the river crossings. " + STORY
    doc = nlp(text)
    assertions = extract_entities(doc)
    found = {(c.actor[1], c.policy_type): c for c in candidates(full_context(doc, assertions), [], set())}
    lexical = {name for c in found.values() for name in c.features if name.startswith("lex_")}
    assert lexical, "no word features"
    assert all(name.split("=", 1)[1][:1].islower() or name.endswith("=#") for name in lexical)
    assert not any("slovenia" in name or "moldova" in name for name in lexical)


def test_rules_only_leaves_the_policy_scorer_out(tmp_path, monkeypatch):
    from build_graph import main

    monkeypatch.delenv("MIGRAPH_FLOW_SCORER", raising=False)
    monkeypatch.setenv("MIGRAPH_POLICY_SCORER", "1")  # switched on; --rules-only must still leave it out
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "story.txt").write_text(STORY + "\n", encoding="utf-8")
    marker = "extractor/migraph.policy_scorer"
    assert main(["build", str(tmp_path / "src"), "--out", str(tmp_path / "all"), "--quiet"]) == 0
    assert marker in (tmp_path / "all" / "graph.ttl").read_text(encoding="utf-8")
    assert main(["build", str(tmp_path / "src"), "--out", str(tmp_path / "rules"), "--quiet", "--rules-only"]) == 0
    assert marker not in (tmp_path / "rules" / "graph.ttl").read_text(encoding="utf-8")
    os.environ.pop("MIGRAPH_FLOW_SCORER", None)  # main set it for its worker processes (monkeypatch restores the other)
