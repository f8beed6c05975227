"""r40 (lead): stock sentences of the held-out topics that a probe found unread. "A will ban/bar X-ian tourists": a
state banning a group named by its nationality right after the verb refuses them entry (EntryBan), as "refuse" and
"turn away" already read. "A will send migrants who cross the sea to B": a transfer to a named state with a
relative clause or participle between the group and "to" (Deportation). Sentences invented for this test."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.build import extract_document
from graph.documents import make_document

STORY = ("Refugees and migrants keep arriving at the border, and asylum seekers wait for weeks at the border "
         "crossing. ")


@pytest.fixture(scope="module")
def nlp():
    from extractors.pipeline import build_pipeline
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = make_document("ban.txt", STORY + text, Path("ban.txt"))
    assertions, _ = extract_document(nlp, doc)
    return {(p.actor_key, p.policy_type) for p in assertions.policies}


@pytest.mark.parametrize("text, expected", [
    ("Norway will ban Russian tourists from Monday, the justice minister said.", {("NO", "EntryBan")}),
    ("Norway banned Russian tourists last week.", {("NO", "EntryBan")}),
    ("Norway will bar Russians holding tourist visas.", {("NO", "EntryBan")}),
    ("Estonia and Latvia will bar Belarusian citizens, their interior ministers said.",
     {("EE", "EntryBan"), ("LV", "EntryBan")}),
])
def test_ban_of_a_nationality_is_an_entry_ban(nlp, text, expected):
    assert expected <= pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "Norway will bar Russian athletes from competing at the championship.",
    "Norway banned Russian journalists from covering the vote.",
    "Norway will ban guns for people with a record of violence.",
    "Norway barred migrants who crossed irregularly from applying for work permits.",
    "The European Union banned Russian oil imports.",
    "Rights groups urged Norway to bar Russian tourists.",
    "Norway did not ban Russian tourists.",
    "The bar where Russian tourists gather was closed.",
])
def test_other_bans_are_not_entry_bans(nlp, text):
    assert not {p for p in pairs(nlp, text) if p[1] == "EntryBan"}


@pytest.mark.parametrize("text", [
    "Norway will send migrants who cross the sea in small boats to Ghana.",
    "Norway will send asylum seekers who arrive without papers to Ghana, the interior minister said.",
])
def test_transfer_past_a_relative_clause(nlp, text):
    assert ("NO", "Deportation") in pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "Honduras sends many migrants to Mexico every year, a report found.",
    "Norway sent migrants who wanted to work to Sweden.",
    "Charities sent people who fled the fighting to Sweden in buses.",
])
def test_other_sendings_are_no_deportation(nlp, text):
    assert not {p for p in pairs(nlp, text) if p[1] == "Deportation"}
