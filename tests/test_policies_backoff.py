"""The policies backoff tier (issue 3) on invented sentences: what it adds with the switch on, what it leaves out
(demands, courts, opinion, hypotheticals, negation, a country only as place or target), and the switch itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import backoff_enabled, extract_policies, lexicon


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs with the tier off and on."""

    def _run(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        off = {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions, backoff=False)}
        on_policies = extract_policies(doc, assertions, backoff=True)
        for p in on_policies:
            assert (p.actor_kind, p.actor_key) in assertions.entities, "every actor has its entity"
        return off, {(p.actor_key, p.policy_type) for p in on_policies}

    return _run


@pytest.mark.parametrize("text, expected", [
    # noun cues: a possessor, a country (or organisation) before the noun, "from"/"by" after it
    ("Refugees in the camps can apply for grants from the European Union.", ("european-union", "Aid")),
    ("The shelters were paid for with Norwegian aid after the floods displaced thousands.", ("NO", "Aid")),
    ("The Hungarian fence along the frontier was finished in the autumn.", ("HU", "BorderBarrier")),
    ("The repatriations by Algeria left migrants stranded in the desert.", ("DZ", "Deportation")),
    # verb cues with the doer as subject, broader than the rules (no group right after the verb needed)
    ("Chad began slowly admitting members of the convoy, a refugee official said.", ("TD", "Admission")),
    ("Italy donated blankets and mattresses to the displaced families.", ("IT", "Aid")),
    ("Ireland financed the new mattresses for refugees.", ("IE", "Aid")),
    ("Mexico apprehended hundreds at the crossing, most of them asylum seekers.", ("MX", "Detention")),
    ("Moldova runs temporary accommodation centres for refugees from the war.", ("MD", "Aid")),
    ("Greek coastguards towed the dinghy back towards open water.", ("GR", "Deportation")),
    # (a closed 'border crossing' is the rules' since 275c56c; checkpoints away from the word 'border' are the tier's)
    ("U.S. officials briefly shut two checkpoints on the border after the migrants arrived.", ("US", "EntryBan")),
])
def test_backoff_adds(run, text, expected):
    off, on = run(text)
    assert expected not in off, "a rule already reads it: the test no longer tests the tier"
    assert expected in on


@pytest.mark.parametrize("text", [
    # demands by third parties, a court blocking a measure, opinion, hypothetical, negation
    "Rights groups urged Greece to stop its expulsions of migrants.",
    "Charities called on Norway to send aid to the displaced families.",
    "A court in Vienna blocked the government's detention of asylum seekers.",
    "If Spain were to deploy soldiers to its border, migrants would go elsewhere.",
    "Chile did not deploy soldiers to the northern border.",
    "Lawmakers threatened to cut off Norwegian aid to the refugee camps.",
    "Critics say the plan to detain undocumented migrants would be unlawful.",
    # a country only as the place or the target, or the wrong doer
    "Aid workers in Lebanon handed out food to refugees.",
    "The Afghan expulsions were reported by aid groups.",
    "The price of a new barrier on the frontier was debated by refugee advocates.",
    "Italy reduced the number of refugees it resettles each year.",
    "Funding for the border wall was approved as migrant numbers rose.",
    "A scholarship fund was set up for young refugees.",
    "The president's deportation amnesty protects young undocumented migrants.",
    "Fishermen towed the damaged dinghy back to the harbour.",
    # a verb read as a noun cue, a request, a welcome for help, a permission (each fires without its filter)
    "Chile's president grants legal status to young undocumented migrants.",
    "The mayor of Tijuana is asking the United Nations for aid for the migrants camped in his city.",
    "Mexico welcomes help from federal immigration agents with migrant cases.",
    "Chile has the right to put up a wall along its frontier with Peru.",
    "Funding for the planned Chile-Peru fence along the frontier was debated as migrants waited.",
    "Charities urged Greece to open reception centres for refugees.",
    "Lawmakers criticised the plan to close the border crossing, as migrants waited in the cold.",
])

def test_backoff_near_misses(run, text):
    off, on = run(text)
    assert on == off, f"the tier added {on - off}"

def test_organisation_members_act_as_the_organisation(run):
    """"EU member states agreed": the EU (a rule-tier actor reading, with the tier off too); "EU countries" and "EU
    citizens" name no joint measure."""
    off, on = run("EU member states agreed to take in 40,000 asylum seekers.")
    assert ("european-union", "Admission") in off
    off, on = run("EU countries unilaterally shut borders as migrants arrived.")
    assert ("european-union", "EntryBan") not in on
    off, on = run("EU citizens welcomed the refugees at the station.")
    assert not on


def test_backoff_leaves_pairs_the_rules_gave():
    """The tier only adds (actor, type) pairs the rules did not give: rule output stays as it is."""
    text = "Germany deported 200 migrants. Germany's deportations continued in May as refugee numbers fell."
    nlp = build_pipeline()
    doc = nlp(text)
    assertions = extract_entities(doc)
    off = extract_policies(doc, assertions, backoff=False)
    on = extract_policies(doc, assertions, backoff=True)
    assert [(p.actor_key, p.policy_type, p.trigger) for p in on] == [
        (p.actor_key, p.policy_type, p.trigger) for p in off]


def test_backoff_switch_in_data_and_environment():
    """The switch is a boolean in policies.json; MIGRAPH_POLICIES_BACKOFF=0/1 overrides it at load time."""
    assert isinstance(lexicon()["backoff"], bool)
    assert all(e.get("backoff") for e in lexicon()["backoff_triggers"])
    env = os.environ.get("MIGRAPH_POLICIES_BACKOFF", "").strip().lower()
    assert backoff_enabled() == (lexicon()["backoff"] if env == "" else env not in {"0", "false", "no", "off"})
    code = ("from extractors.pipeline import build_pipeline; from extractors.entities import extract_entities; "
            "from extractors.policies import extract_policies, backoff_enabled; nlp = build_pipeline(); "
            "doc = nlp('Refugees in the camps can apply for grants from the European Union.'); "
            "print(backoff_enabled(), len(extract_policies(doc, extract_entities(doc))))")
    root = Path(__file__).resolve().parents[1]
    for value, expected in (("0", "False 0"), ("1", "True 1")):
        out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                             env={**os.environ, "MIGRAPH_POLICIES_BACKOFF": value})
        assert out.stdout.strip() == expected
