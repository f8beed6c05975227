"""Round 34, helper Q3j (round 33's open classes on the read pages): interception and patrols at a sea border as
BorderBarrier, turning boats or migrants back as a pushback, and origin lists without a motion verb after a
landing. Sentences written for these tests (invented places and wording)."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = ("Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. Refugee groups "
         "say the migrants need help, and more asylum seekers arrive. \n\n")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def flows(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


# 1. interception, patrols, units along a coast, sealed irregular crossings: BorderBarrier


@pytest.mark.parametrize("text", [
    "Tunisia intercepts boat carrying 40 migrants off its coast.",
    "The Tunisian navy intercepted a boat carrying 60 refugees on Sunday.",
    "Tunisian authorities have intercepted a dinghy with 30 people on board and brought it to shore.",
    "About 300 migrants were intercepted by the Tunisian police and kept from crossing the sea.",
    "Smugglers use dinghies and migrants drown. The Tunisian coast guard intercepted another dinghy on Monday.",
])
def test_interception_is_border_enforcement(nlp, text):
    found = policies(nlp, text)
    assert ("TN", "BorderBarrier") in found
    assert ("TN", "Detention") not in found


def test_detained_and_taken_to_a_centre_stays_detention(nlp):
    found = policies(nlp, "The Tunisian police detained 40 migrants near the border and took them to a centre.")
    assert ("TN", "Detention") in found
    assert ("TN", "BorderBarrier") not in found


def test_intercepting_smugglers_is_no_border_measure(nlp):
    found = policies(nlp, "Tunisian agents were intercepting human smugglers near the border.")
    assert ("TN", "BorderBarrier") not in found


@pytest.mark.parametrize("text", [
    "Tunisia has stepped up enforcement, using its new guard to patrol both its eastern and western borders.",
    "The Tunisian coast guard stood by, its patrol vessels along the maritime border.",
    "A ministry spokesman said surveillance units were deployed along Tunisia's coast where migrant boats set off.",
    "Tunisia's army says it has sealed all irregular crossings from Libya.",
])
def test_patrols_units_and_sealed_crossings(nlp, text):
    assert ("TN", "BorderBarrier") in policies(nlp, text)


def test_sealed_irregular_crossings_are_no_entry_ban(nlp):
    assert ("TN", "EntryBan") not in policies(nlp, "Tunisia's army says it has sealed all irregular crossings "
                                                   "from Libya.")


@pytest.mark.parametrize("text", [
    "Back then nobody in Tunisia was patrolling the border with Libya.",
    "The Tunisian agency, which patrols the Tunisia-Libya border, said it would hire more staff.",
    "Reports found overcrowding at Tunisian Border Patrol facilities along the southern border.",
    "Migrant dinghies, escorted by Turkish patrol boats and gunboats, tried to reach the coast of the island.",
])
def test_patrol_near_misses(nlp, text):
    assert not {p for p in policies(nlp, text) if p[1] == "BorderBarrier"}


# 5. turning boats or migrants back, towing a boat out of a state's waters: Deportation


@pytest.mark.parametrize("text", [
    "Tunisian authorities on Friday turned back two boats carrying hundreds of migrants from Libya, officials said.",
    "Tunisia started turning back migrants on Monday, after thousands crossed from Libya.",
    "On Monday the army reported towing a refugee boat out of Tunisian waters.",
])
def test_turning_back_is_a_pushback(nlp, text):
    found = policies(nlp, text)
    assert ("TN", "Deportation") in found
    assert ("TN", "EntryBan") not in found


def test_turning_away_stays_an_entry_ban(nlp):
    assert ("TN", "EntryBan") in policies(nlp, "Tunisia turned away 300 migrants at its southern border.")


# 2. origin lists without a motion verb after a landing


def test_came_from_list_after_a_landing_on_an_island(nlp):
    found = flows(nlp, "In the end 20 survivors landed at Lampedusa on Sunday.\n\nPort officers stopped the boat "
                       "at the harbour mouth. At ten the people on board went ashore at the pier. Two women were "
                       "among them. Rescuers reported they came from Somalia, Guinea Conakry and Mali.")
    assert {("SO", "IT"), ("GN", "IT"), ("ML", "IT")} <= found


def test_nationals_of_list_after_a_transfer_to_a_port(nlp):
    found = flows(nlp, "A cutter stopped a dinghy and a group of nine men was taken to Dover.\n\nThe group said "
                       "they were nationals of Kuwait, Iran, the Ivory Coast and Guinea.")
    assert {("IR", "GB"), ("GN", "GB"), ("KW", "GB"), ("CI", "GB")} <= found


def test_demonym_list_after_a_transfer(nlp):
    found = flows(nlp, "Some 16 people were taken to Dover on Friday. They said they were Iranian and Vietnamese.")
    assert {("IR", "GB"), ("VN", "GB")} <= found


def test_origin_list_without_a_landing_gives_nothing(nlp):
    found = flows(nlp, "The charity runs a kitchen in the old town. They told us they were nationals of Mali, Guinea "
                       "and Kuwait.")
    assert not {f for f in found if f[0] in {"ML", "GN", "KW"}}


def test_hedged_origin_list_gives_nothing(nlp):
    found = flows(nlp, "Some 16 people were taken to Dover on Friday. Officials could not say whether they were "
                       "nationals of Iran or Kuwait.")
    assert ("KW", "GB") not in found


def test_interception_with_custody_is_also_detention(nlp):
    found = policies(nlp, "The Libyan coast guard intercepted 90 migrants and took them to a detention centre in "
                          "Tripoli.")
    assert {("LY", "BorderBarrier"), ("LY", "Detention")} <= found


# 4. returnees coming from a host


def test_returnees_come_from_a_host(nlp):
    found = flows(nlp, "Millions of Syrians fled the war to Jordan and Lebanon, and many Syrians fled to Turkey.\n\n"
                       "Now many Syrians are going home. Most returnees come from neighbouring Jordan, officials said.")
    assert ("JO", "SY") in found


def test_hedged_returnees_give_nothing(nlp):
    found = flows(nlp, "Millions of Syrians fled the war.\n\nAid groups said returnees might come from Jordan next "
                       "year.")
    assert ("JO", "SY") not in found
