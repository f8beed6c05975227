"""Policy precision (round 23, lead): words that look like measures but are not.

"draft" is mostly a text ("a draft bill", "the final draft of the rules", "aides would draft the legislation"):
it is conscription only in a sentence about soldiering and not before a text noun. A negated admission of
"all"/"everyone" lets some in and bars no one. An admission verb whose object is a thing ("accepted the offer",
"received no such warnings from ...") admits no one. All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}

    return _run


@pytest.mark.parametrize("text", [
    "Washington lawmakers are on recess, while aides in Congress continue to draft the legislation with the "
    "support of both parties.",
    "The Canadian government published its draft regulation on Monday and asked for comments.",
    "Britain's cabinet backed the prime minister's draft proposal on leaving the bloc.",
    "Rebel and army envoys signed a draft deal on Friday that would pull troops back from the valley.",
    "The rules Germany adopted are merely the final draft of a plan first floated in 2019.",
])
def test_a_draft_text_is_no_mobilization(run, text):
    assert not any(kind == "Mobilization" for _, kind in run(text))


@pytest.mark.parametrize("text, expected", [
    ("Russia began to draft reservists for the war in Ukraine last week.", ("RU", "Mobilization")),
    ("Many young men were drafted into the Russian military last autumn.", ("RU", "Mobilization")),
    ("Ukraine introduced a military draft for men aged 18 to 60.", ("UA", "Mobilization")),
    ("Russia announced a partial mobilization on Wednesday.", ("RU", "Mobilization")),
])
def test_conscription_still_counts(run, text, expected):
    assert expected in run(text)


@pytest.mark.parametrize("text", [
    "The minister said Canada cannot admit everyone who wishes to settle there.",
    "Australia did not agree to admit all 800 refugees held on the ships.",
])
def test_not_admitting_everyone_is_no_entry_ban(run, text):
    assert not any(kind == "EntryBan" for _, kind in run(text))


@pytest.mark.parametrize("text, expected", [
    ("Hungary will not admit anyone without a visa.", ("HU", "EntryBan")),
    ("Japan will not admit any refugees from the camp.", ("JP", "EntryBan")),
    ("Poland refused to admit the migrants stuck at the border.", ("PL", "EntryBan")),
])
def test_refusing_to_admit_is_still_an_entry_ban(run, text, expected):
    assert expected in run(text)


@pytest.mark.parametrize("text", [
    "Refugees arrived at the camp. Polish officials said they had received no warnings at all from the Belarusians.",
    "Migrants crossed the river. Mexico's officials offered help, and the Guatemalan government accepted the offer "
    "from the Mexicans.",
    "Refugees keep arriving in Europe. Germany's interior minister welcomed the decision by Austrians to join the "
    "talks.",
    "Asylum seekers wait in camps across Greece. Greek officials accepted a donation from Americans living in Athens.",
])
def test_taking_a_thing_is_no_admission(run, text):
    assert not any(kind == "Admission" for _, kind in run(text))


@pytest.mark.parametrize("text, expected", [
    ("Germany accepted about 900,000 asylum-seekers over three years.", ("DE", "Admission")),
    ("Canada has accepted large numbers of Syrian refugees.", ("CA", "Admission")),
    ("France will welcome 30,000 refugees over two years.", ("FR", "Admission")),
    ("Italy received 5,000 migrants after agreeing to take them in.", ("IT", "Admission")),
])
def test_taking_people_is_still_an_admission(run, text, expected):
    assert expected in run(text)
