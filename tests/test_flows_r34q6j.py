"""extract_flows, round 34 (Q6j): origin and destination told in neighbouring sentences about the same group.

A sentence with a destination whose subject is an anaphor or a definite group ("They", "Most", "The migrants") and
which states no origin takes the origins of the nearest sentence before it (up to two back, same paragraph) that
names the group's origin. All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


OTHER = "Afghan families keep coming to Iran. "  # a second group: no single main origin for the story


@pytest.mark.parametrize("text, pair", [
    ("Thousands of Eritreans have walked out of their homeland over the past year. Most crossed into Sudan "
     "on foot.", ("ER", "SD")),
    (OTHER + "Thousands of Chadians have left home since the drought. Most walked into Cameroon.", ("TD", "CM")),
    (OTHER + "Several hundred Haitians boarded a boat last week. The migrants landed in Cuba on Sunday.",
     ("HT", "CU")),
    (OTHER + "Dozens of Sri Lankans set out in a fishing trawler in March. The boat was lost for weeks. They "
     "finally landed in Australia in May.", ("LK", "AU")),
    (OTHER + "One passenger, a young Gambian, told the crew he had paid the smugglers. The passenger was flown "
     "to Malta for treatment.", ("GM", "MT")),
    (OTHER + "One passenger, described as a 27-year-old Gambian, has told the crew he paid the smugglers. The "
     "passenger was flown on Monday by helicopter to Malta, where doctors treated him.", ("GM", "MT")),
])
def test_origin_from_sentence_before(nlp, text, pair):
    assert pair in pairs(nlp, text)


@pytest.mark.parametrize("text, pair", [
    # the country before is an actor, not the group's origin; nor is the group further back taken past it
    (OTHER + "The government of Eritrea denied the report on Friday. They reached Sudan on foot.", ("ER", "SD")),
    (OTHER + "The government of Eritrea denied the report on Friday. They reached Sudan on foot.", ("AF", "SD")),
    (OTHER + "Nigerian officials met the envoy. The migrants reached Italy on Sunday.", ("NG", "IT")),
    (OTHER + "Nigerian officials met the envoy. The migrants reached Italy on Sunday.", ("AF", "IT")),
    # a paragraph break between the sentences
    ("Thousands of Eritreans have walked out of their homeland over the past year. \n\nMost crossed into Sudan "
     "on foot.", ("ER", "SD")),
    # the sentence names its own group
    ("Thousands of Eritreans have walked out of their homeland over the past year. Somali migrants crossed "
     "into Sudan on foot.", ("ER", "SD")),
    # three sentences back is too far
    (OTHER + "Dozens of Sri Lankans set out in a fishing trawler in March. The boat was lost for weeks. The sea "
     "was rough. They finally landed in Australia in May.", ("LK", "AU")),
    # an ethnicity inside the group is not its origin
    (OTHER + "Some 5,000 Moldovans, mostly ethnic Romanians, have gone to Italy. Others are moving to Spain.",
     ("RO", "ES")),
    # "the N" whose noun the sentence before does not have beside the origin
    (OTHER + "One passenger, a young Gambian, told the crew he had paid the smugglers. The vessel was towed "
     "to Malta for repairs.", ("GM", "MT")),
    # a sentence without an anaphoric or definite subject
    (OTHER + "Several hundred Haitians boarded a boat last week. A cargo ship landed in Cuba on Sunday.",
     ("HT", "CU")),
])
def test_near_misses(nlp, text, pair):
    assert pair not in pairs(nlp, text)
