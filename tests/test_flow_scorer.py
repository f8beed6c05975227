"""The learned flow scorer (issue 3) on invented articles: it adds a pair the rules miss in a clear case, not one
stated only in hypotheticals and negations, gives the same output twice, has a working switch, and scores with a
plain dot product over general features (no country identities)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from extractors import flow_scorer, flows
from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parents[1]

# One flow the rules read ("crossed into"); a nationality placed in another country again and again, with no
# movement word: the guidelines' "Xian refugees in Y" reading, which the rules leave to the scorer here.
CLEAR = ("Remittances under pressure\n\nThousands of Nepali migrants crossed into India this year, officials said. "
         "Nepali families in Qatar sent home less money, the bank said. Nepali families in Qatar often borrow to pay "
         "recruiters. Many Nepali families in Qatar said wages were late. Officials in Qatar said the families were "
         "paid.")
# A neutral tail (no country) that brings each invented article past the scorer's 100-word minimum.
TAIL = (" Work visas in the Gulf run for two years, and most workers renew them twice. Recruiters charge high "
        "fees, and many workers borrow from relatives before they apply for a visa. Labour groups say the workers "
        "spend long hours in the heat. Banks say the transfers fell for a second year, and families at home have "
        "cut spending on food and rent. A visa costs more than a month's wage, the groups say.")
CLEAR += TAIL
# The same pair only in conditions, hedges and negations.
IRREALIS = ("Remittances under pressure\n\nThousands of Nepali migrants crossed into India this year, officials "
            "said. Nepali families would move to Qatar if wages rose, the bank said. Nepali families might never "
            "settle in Qatar, officials warned. No Nepali families in Qatar were counted, and Qatar said it may not "
            "admit them. Officials in Qatar said the plan could fail.")
IRREALIS += TAIL


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _read(nlp, text: str):
    doc = nlp(text)
    return doc, extract_entities(doc)


def _pairs(found) -> set[tuple[str, str]]:
    return {(f.origin, f.destination) for f in found}


def _candidate(nlp, text: str, origin: str, destination: str) -> flow_scorer.Candidate:
    doc, assertions = _read(nlp, text)
    rules = extract_flows(doc, assertions, scorer=False)
    lex = flows._lex()
    sentences = flows._sentences(doc, assertions, lex)
    found = [c for c in flow_scorer.candidates(doc, assertions, sentences, flows._main_origin(sentences, lex), rules)
             if (c.origin, c.destination) == (origin, destination)]
    assert len(found) == 1
    return found[0]


def test_scorer_adds_a_pair_the_rules_miss(nlp):
    doc, assertions = _read(nlp, CLEAR)
    rules = extract_flows(doc, assertions, scorer=False)
    assert _pairs(rules) == {("NP", "IN")}
    doc, assertions = _read(nlp, CLEAR)
    found = extract_flows(doc, assertions, scorer=True)
    assert _pairs(found) == {("NP", "IN"), ("NP", "QA")}
    added = [f for f in found if (f.origin, f.destination) == ("NP", "QA")]
    assert len(added) == 1 and added[0].confidence is not None and 0.5 < added[0].confidence < 1.0
    # provenance: a sentence that names both countries, not the whole document
    sentence = CLEAR[added[0].evidence.sentence_start:added[0].evidence.sentence_end]
    assert "Nepali" in sentence and "Qatar" in sentence and "India" not in sentence
    assert all(f.confidence is None for f in found if (f.origin, f.destination) == ("NP", "IN"))


def test_scorer_skips_a_pair_stated_only_as_hypothetical_or_negated(nlp):
    cand = _candidate(nlp, IRREALIS, "NP", "QA")
    assert cand.support and all(s.features.get("hedge") or s.features.get("neg") for s in cand.support)
    doc, assertions = _read(nlp, IRREALIS)
    assert ("NP", "QA") not in _pairs(extract_flows(doc, assertions, scorer=True))


def test_deterministic(nlp):
    def run():
        doc, assertions = _read(nlp, CLEAR)
        return [(f.origin, f.destination, f.evidence, f.group, f.confidence, f.trigger)
                for f in extract_flows(doc, assertions, scorer=True)]
    assert run() == run()


def test_switch(nlp, monkeypatch):
    monkeypatch.setenv("MIGRAPH_FLOW_SCORER", "0")
    doc, assertions = _read(nlp, CLEAR)
    assert ("NP", "QA") not in _pairs(extract_flows(doc, assertions))
    assert not flow_scorer.enabled()
    assert flow_scorer.enabled(True)
    monkeypatch.setenv("MIGRAPH_FLOW_SCORER", "1")
    doc, assertions = _read(nlp, CLEAR)
    assert ("NP", "QA") in _pairs(extract_flows(doc, assertions))
    assert not flow_scorer.enabled(False)
    doc, assertions = _read(nlp, CLEAR)
    assert ("NP", "QA") not in _pairs(extract_flows(doc, assertions, scorer=False))
    monkeypatch.delenv("MIGRAPH_FLOW_SCORER")
    config = json.loads((ROOT / "extractors" / "data" / "flow_scorer.json").read_text(encoding="utf-8"))
    assert flow_scorer.enabled() is config["enabled"]


def test_score_is_a_dot_product():
    cfg = flow_scorer._config()
    features = {"d_is_top": 1.0, "log_support": math.log1p(3), "not_a_feature": 5.0}
    expected = cfg.bias + cfg.weights.get("d_is_top", 0.0) + math.log1p(3) * cfg.weights.get("log_support", 0.0)
    assert flow_scorer.score(features) == pytest.approx(expected)


def test_model_file_has_general_features_only():
    data = json.loads((ROOT / "extractors" / "data" / "flow_scorer.json").read_text(encoding="utf-8"))
    assert data["weights"] and isinstance(data["threshold"], float)
    for name in data["weights"]:
        assert not re.search(r"(?<![A-Z])[A-Z]{2}(?![A-Z])", name), name  # no ISO code as a feature
        assert re.fullmatch(r"[a-z_:=<>0-9+.\-A-Z]+", name), name
    cues = {w for words in data["cues"].values() for w in words}
    assert all(w.islower() for w in cues)  # general words, no names
