"""The learned policy scorer (issue 3) on invented sentences: it adds a pair the rules miss in a clear case, never
one stated only as negated, demanded, conditional or advised, gives the same output twice, has a working switch,
and scores with a plain dot product over general features."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies, rule_policies
from extractors.policy_scorer import (
    EXTRACTOR,
    candidates,
    full_context,
    model,
    score,
    scorer_enabled,
)

ROOT = Path(__file__).resolve().parents[1]

# Sentences of a migration story that name no state and state no measure: they lift a text past the scorer's
# document gates (100 words, 1 migration word part per 100 words) without giving it a pair of its own.
PAD = ("Aid groups said many of the migrants had walked for weeks before they reached the frontier, and that families "
       "with children were among the asylum seekers who waited in the cold. The refugees told reporters they had "
       "hoped to find work and safety in the north.")
# The actor is named more than 30 tokens before the measure (beyond the rules' actor search); the story names it
# as the acting state again and again.
CLEAR = ("Estonia, a small country of just over a million people whose capital sits on the northern coast and whose "
         "economy has grown quickly since it joined the bloc two decades ago, after long debate among the parties in "
         "its parliament and among its many advisers, refused entry to thousands of travellers this year. Estonia said "
         "the checks would continue through the winter. Officials in Estonia added that the checks had stopped dozens "
         "of migrants. " + PAD)
# The same measure only negated, advised, demanded and in a condition: no stated instance, nothing to add.
IRREALIS = ("Estonia would never patrol its eastern frontier with soldiers, the minister said. Estonia should patrol "
            "the frontier with troops, an opposition leader demanded. Activists urged Estonia to patrol the frontier. "
            "If Estonia patrolled the frontier, migrants would go elsewhere. " + PAD + " " + PAD)


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _read(nlp, text: str, scorer: bool):
    doc = nlp(text)
    assertions = extract_entities(doc)
    return doc, assertions, extract_policies(doc, assertions, scorer=scorer)


def _pairs(policies) -> set[tuple[str, str]]:
    return {(p.actor_key, p.policy_type) for p in policies}


def test_adds_a_pair_the_rules_miss(nlp):
    _doc, _a, off = _read(nlp, CLEAR, scorer=False)
    assert ("EE", "EntryBan") not in _pairs(off), "a rule reads it now: the test no longer tests the scorer"
    doc, assertions, on = _read(nlp, CLEAR, scorer=True)
    added = [p for p in on if (p.actor_key, p.policy_type) == ("EE", "EntryBan")]
    assert len(added) == 1
    policy = added[0]
    assert policy.evidence.extractor == EXTRACTOR
    assert model()["threshold"] <= policy.confidence <= 1.0
    assert ("Country", "EE") in assertions.entities
    sentence = doc.text[policy.evidence.start:policy.evidence.end]
    assert "refused entry" in sentence and sentence.startswith("Estonia")
    assert policy.trigger == "refused"
    assert _pairs(on) >= _pairs(off), "the scorer only adds"


def test_adds_nothing_for_negated_demanded_conditional_or_advised(nlp):
    doc, assertions, on = _read(nlp, IRREALIS, scorer=True)
    assert not [p for p in on if p.actor_key == "EE"]
    found = {(c.actor[1], c.policy_type): c for c in candidates(full_context(doc, assertions), [], set())}
    assert ("EE", "BorderBarrier") in found
    assert found[("EE", "BorderBarrier")].best is None, "no stated instance: the pair cannot be added"
    assert found[("EE", "BorderBarrier")].features["share_irrealis"] == 1.0


@pytest.mark.parametrize("text", [
    "Norway will not take in the refugees from the camp, the minister said.",
    "Lawmakers called on Norway to take in the refugees from the camp.",
    "Could Norway take in the refugees from the camp?",
])
def test_single_irrealis_sentences_add_nothing(nlp, text):
    text = f"{text} {PAD} {PAD} {PAD}"  # past the document gates: the sentence itself must keep the pair out
    _doc, _a, off = _read(nlp, text, scorer=False)
    _doc, _a, on = _read(nlp, text, scorer=True)
    assert [p for p in on if p.evidence.extractor == EXTRACTOR] == []
    assert _pairs(on) == _pairs(off)


def test_same_input_same_output(nlp):
    runs = []
    for _ in range(2):
        doc, assertions, on = _read(nlp, CLEAR + " " + IRREALIS, scorer=True)
        feats = [(c.actor, c.policy_type, sorted(c.features.items()), c.best)
                 for c in candidates(full_context(doc, assertions), rule_policies(doc, assertions)[0], set())]
        runs.append(([(p.actor_key, p.policy_type, p.evidence, p.confidence, p.status, p.target) for p in on], feats))
    assert runs[0] == runs[1]


def test_turtle_with_scored_policy_is_byte_identical(tmp_path):
    from graph.build import build, serialize_turtle

    source = tmp_path / "story.txt"
    source.write_text(CLEAR + "\n", encoding="utf-8")
    first, second = (serialize_turtle(build([source]).graph) for _ in range(2))
    assert first == second
    if scorer_enabled():
        assert b"extractor/migraph.policy_scorer" in first


def test_rules_alone_without_the_scorer(nlp):
    doc = nlp(CLEAR)
    assertions = extract_entities(doc)
    rules, _backoff = rule_policies(doc, assertions)
    assert _pairs(extract_policies(doc, assertions, scorer=False)) == _pairs(rules)


def test_switch_in_data_and_environment():
    """"enabled" in policy_scorer.json; MIGRAPH_POLICY_SCORER=0/1 overrides it at load time."""
    assert isinstance(model()["enabled"], bool)
    env = os.environ.get("MIGRAPH_POLICY_SCORER", "").strip().lower()
    assert scorer_enabled() == (model()["enabled"] if env == "" else env not in {"0", "false", "no", "off"})
    code = ("import sys; from extractors.pipeline import build_pipeline; from extractors.entities import "
            "extract_entities; from extractors.policies import extract_policies; nlp = build_pipeline(); "
            f"doc = nlp({CLEAR!r}); a = extract_entities(doc); "
            "print(('EE', 'EntryBan') in {(p.actor_key, p.policy_type) for p in extract_policies(doc, a)}, "
            "'sklearn' in sys.modules)")
    for value, expected in (("0", "False False"), ("1", "True False")):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                             env={**os.environ, "MIGRAPH_POLICY_SCORER": value})
        assert out.stdout.strip() == expected  # and no scikit-learn at run time


def test_score_is_the_logistic_of_a_dot_product():
    data = model()
    features = {"bias": 1.0, "type=EntryBan": 1.0, "log_instances": 0.7, "unknown_feature": 5.0}
    z = data["intercept"] + sum(data["weights"].get(k, 0.0) * v for k, v in features.items())
    assert score(features) == pytest.approx(1 / (1 + math.exp(-z)))
    assert 0.0 < score(features) < 1.0


def test_data_file_holds_general_features_only():
    """Weights name cue lemmas of the data file's lists, policy types, actor forms and plain features: never a
    country or a name."""
    data = json.loads((ROOT / "extractors" / "data" / "policy_scorer.json").read_text(encoding="utf-8"))
    types = set(data["cues"])
    forms = {"country", "demonym", "organization", "org", "person", "reference", "region"}
    country_names = {c.name.lower() for c in pycountry.countries}
    for name in data["weights"]:
        if name.startswith("cue="):
            ptype, lemma = name[4:].split(":", 1)
            assert ptype in types and lemma in data["cues"][ptype], name
        elif name.startswith("type="):
            assert name[5:] in types, name
        elif name.startswith("form="):
            assert name[5:] in forms, name
        elif name.startswith("lex_"):  # a word near the cue: lower-case, never a name (capitalised words are skipped)
            assert re.fullmatch(r"lex_(between|before|after)=[a-z#][a-z0-9'’.-]*", name), name
            assert name.split("=", 1)[1] not in country_names, name
        else:
            assert re.fullmatch(r"[a-z0-9_]+", name), name
    assert 0.0 < data["threshold"] < 1.0
    assert isinstance(data["enabled"], bool)
