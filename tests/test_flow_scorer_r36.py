"""The flow scorer's document gates (session 36): it reads articles about migration only. Switched on by default, it
must not pair the countries of a snippet (its document-level features describe whole articles) or of a story that
names migration only in passing. Invented texts."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from extractors import flow_scorer
from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.topic import migration_density

ROOT = Path(__file__).resolve().parents[1]

HEAD = ("Remittances under pressure\n\nThousands of Nepali migrants crossed into India this year, officials said. "
        "Nepali families in Qatar sent home less money, the bank said. Nepali families in Qatar often borrow to pay "
        "recruiters. Many Nepali families in Qatar said wages were late. Officials in Qatar said the families were "
        "paid.")
ON_TOPIC = (" Work visas in the Gulf run for two years, and most workers renew them twice. Recruiters charge high "
            "fees, and many workers borrow from relatives before they apply for a visa. Labour groups say the "
            "workers spend long hours in the heat. Banks say the transfers fell for a second year, and families at "
            "home have cut spending on food and rent. A visa costs more than a month's wage, the groups say.")
OFF_TOPIC = (" The central bank kept its main rate unchanged on Thursday and said inflation would ease next year. "
             "Shares in the largest lenders rose after the decision, and the currency held steady against the "
             "dollar. Economists had expected a cut, citing weak factory output and slower retail sales. The "
             "finance ministry said the budget gap would narrow as tax receipts recover, and a new bond sale is "
             "planned for the spring to refinance older debt.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc), scorer=True)}


def _with(monkeypatch, **changes) -> None:
    config = dataclasses.replace(flow_scorer._config(), **changes)
    monkeypatch.setattr(flow_scorer, "_config", lambda: config)


def test_switched_on_by_default(monkeypatch):
    monkeypatch.delenv("MIGRAPH_FLOW_SCORER", raising=False)
    data = json.loads((ROOT / "extractors" / "data" / "flow_scorer.json").read_text(encoding="utf-8"))
    assert data["enabled"] is True and flow_scorer.enabled()
    assert data["min_words"] >= 50 and data["min_topic_density"] > 0


def test_an_article_about_migration_gets_the_scored_pair(nlp):
    assert len((HEAD + ON_TOPIC).split()) >= flow_scorer._config().min_words
    assert migration_density(HEAD + ON_TOPIC) >= flow_scorer._config().min_density
    assert ("NP", "QA") in _pairs(nlp, HEAD + ON_TOPIC)


def test_a_snippet_is_not_scored(nlp, monkeypatch):
    assert ("NP", "QA") not in _pairs(nlp, HEAD)
    _with(monkeypatch, min_words=0)
    assert ("NP", "QA") in _pairs(nlp, HEAD)  # the gate, not the score, kept it out


def test_a_story_naming_migration_in_passing_is_not_scored(nlp, monkeypatch):
    text = HEAD + OFF_TOPIC + OFF_TOPIC
    assert migration_density(text) < flow_scorer._config().min_density
    assert ("NP", "QA") not in _pairs(nlp, text)
    _with(monkeypatch, min_density=0.0)
    assert ("NP", "QA") in _pairs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Refugees fled across the border; asylum claims rose.", 100.0 * 4 / 8),  # refugee, fled, border, asylum
    ("The bank kept its rate unchanged.", 0.0),
    ("", 0.0),
])
def test_migration_density_counts_word_parts_per_100_words(text, expected):
    assert migration_density(text) == pytest.approx(expected)


def test_a_scored_flow_reaches_the_graph_with_its_confidence_and_scorer(nlp, tmp_path):
    """Users must tell a learned pair from a rule's: mig:confidence and prov:wasAttributedTo the scorer, and the
    flows query's ?confidence column (unbound for the rules' flows)."""
    import hashlib

    from graph.documents import Document
    from graph.query import resolve_query, rows_as_dicts, run_query
    from graph.rdf import DocumentWriter, extractor_iri, new_graph
    from graph.vocab import MIG

    text = HEAD + ON_TOPIC
    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.flows = extract_flows(doc, assertions, scorer=True)
    scored = [f for f in assertions.flows if (f.origin, f.destination) == ("NP", "QA")]
    assert len(scored) == 1 and scored[0].evidence.extractor == flow_scorer.EXTRACTOR
    assert all(f.evidence.extractor != flow_scorer.EXTRACTOR for f in assertions.flows if f.confidence is None)
    document = Document(path=tmp_path / "remit.txt", name="remit.txt", text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest(), published=None)
    graph = new_graph()
    DocumentWriter(graph, document).write_all(assertions, [])
    rows = {(r["originIso"], r["destinationIso"]): r for r in rows_as_dicts(run_query(graph, resolve_query("flows")))}
    assert float(rows[("NP", "QA")]["confidence"]) == pytest.approx(scored[0].confidence)
    assert rows[("NP", "IN")]["confidence"] is None
    node = next(iter(graph.subjects(MIG.confidence, None)))
    from rdflib.namespace import PROV
    assert (node, PROV.wasAttributedTo, extractor_iri(flow_scorer.EXTRACTOR)) in graph


def test_rules_only_option_leaves_the_scorer_out(tmp_path, monkeypatch):
    from build_graph import main

    monkeypatch.delenv("MIGRAPH_FLOW_SCORER", raising=False)
    monkeypatch.delenv("MIGRAPH_POLICY_SCORER", raising=False)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "remit.txt").write_text(HEAD + ON_TOPIC, encoding="utf-8")
    assert main(["build", str(tmp_path / "src"), "--out", str(tmp_path / "all"), "--quiet"]) == 0
    assert "mig:confidence" in (tmp_path / "all" / "graph.ttl").read_text(encoding="utf-8")
    assert main(["build", str(tmp_path / "src"), "--out", str(tmp_path / "rules"), "--quiet", "--rules-only"]) == 0
    assert "mig:confidence" not in (tmp_path / "rules" / "graph.ttl").read_text(encoding="utf-8")
