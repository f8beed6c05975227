"""Session 32 (lead): no data file is read while a document is extracted (invented sentences).

A rule that reads its lexicon with ``load_json`` on every call parses a whole JSON file per sentence: one such
call in the session-32 flow rules made extraction 50% more expensive (callgrind, 60 corpus articles). Lexicons
are read once, at construction or on first use, and cached.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extractors import gazetteer
from extractors.pipeline import build_pipeline
from graph.build import extract_document
from graph.documents import make_document

TEXT = (
    "Border crossings rise again\n\n"
    "Illegal crossings of the Texas border with Mexico rose sharply last month, officials in Washington said on "
    "Tuesday. Hundreds of migrants nearing the U.S.-Mexico frontier last week were turned back "
    "to Guatemala, and those arrested at the crossing are from Honduras and El Salvador. Poland regularly accepts "
    "asylum seekers from Belarus, the ministry said. Canada pledged protection to the Afghans fleeing the Taliban "
    "and took the same measures for Syrians. \"We will not issue visas to these men,\" the Latvian foreign "
    "minister said, as Lithuania and Estonia decided to refuse Russian tourists."
)


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _document(n: int):
    return make_document(f"lead-r32-{n}", TEXT, Path(f"lead-r32-{n}.txt"), title=None, headline=True)


def test_no_data_file_is_parsed_during_extraction(nlp, monkeypatch):
    first, _ = extract_document(nlp, _document(1))  # warms every lazily read lexicon
    calls: list[str] = []
    original = gazetteer.load_json

    def counting(name: str) -> dict:
        calls.append(name)
        return original(name)

    for module in list(sys.modules.values()):  # every module that imported the name
        if getattr(module, "__name__", "").startswith(("extractors", "graph")) and getattr(
                module, "load_json", None) is original:
            monkeypatch.setattr(module, "load_json", counting)
    second, _ = extract_document(nlp, _document(2))
    assert calls == [], f"data files parsed per document: {sorted(set(calls))}"
    assert first.policies and first.flows  # the text does reach the policy and flow rules
    assert len(second.policies) == len(first.policies) and len(second.flows) == len(first.flows)
