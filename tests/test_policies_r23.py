"""Round 23 policy recall (helper Q1): general mechanisms that left whole kinds of sentence without a policy.

- hyphenated words: the tokenizer splits "push-backs", "wind-down", "asylum-seekers" into three tokens, so a
  pattern form holding a hyphen never matched; each becomes a pattern of its parts ("entry-ban", "visa-free");
- "bar/block/stop X from reaching / getting visas", "blocks visas from being issued", "bars arrivals from";
- plural bodies before "of" ("the governments of A and B", "interior ministers of A and B") act for each state;
- ending a state's protection programme as a noun ("the termination of TPS") is that state's measure;
- relocation: "relocation scheme/plan" is Relocation (not Admission), and a relocation or quota stated with no
  actor is the EU's in a story that names the EU (its scheme), no one's otherwise;
- "caps refugees at N" restricts refugee admission (AsylumRestriction, like "cut the refugee cap").
All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import _hyphen_variants, extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type, status) triples."""

    def _run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type, p.status) for p in extract_policies(doc, assertions)}

    return _run


US = "U.S. President Donald Trump spoke on Monday in Washington. "
EU = "EU interior ministers met on Thursday in Luxembourg. "


def test_hyphen_variants_split_forms_the_tokenizer_splits():
    assert _hyphen_variants("=pushbacks|push-backs") == ["=pushbacks", "=push =-|– =backs"]
    assert _hyphen_variants("take *5 =refugees|asylum-seekers") == [
        "take *5 =refugees", "take *5 =asylum =-|– =seekers"]
    # a lemma form keeps its last part a lemma ("fast-tracked"); a pattern without hyphenated words is unchanged
    assert _hyphen_variants("grant|fast-track *2 citizenship") == [
        "grant *2 citizenship", "=fast =-|– track *2 citizenship"]
    assert _hyphen_variants("visa =-|– free") == ["visa =-|– free"]


@pytest.mark.parametrize("text, expected", [
    ("Slovenian police carried out push-backs of migrants at the border last month.",
     {("SI", "Deportation", "in_force")}),
    ("Malta imposed an entry-ban on the two activists.", {("MT", "EntryBan", "in_force")}),
    ("Portugal took in asylum-seekers from Eritrea last year.", {("PT", "Admission", "in_force")}),
    ("Migrants marched on Monday. The wind-down of DACA has left thousands of young people without papers.",
     {("US", "AsylumRestriction", "in_force")}),
])
def test_hyphenated_words_match(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Spanish navy blocked the migrants from reaching the shore.", {("ES", "EntryBan", "in_force")}),
    (US + "The new rule blocks visas from being issued to Iranian students.", {("US", "VisaRestriction", "in_force")}),
    (US + "The order bars some people from getting visas for two years.", {("US", "VisaRestriction", "in_force")}),
    (US + "The order bars arrivals from five countries for ninety days.", {("US", "EntryBan", "in_force")}),
])
def test_verb_from_complements(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "The customs officers stopped the drugs from reaching the port.",  # no people kept out
    "Rain kept the farmers from reaching the market.",
])
def test_verb_from_complements_near_misses(run, text):
    assert not {t for t in run(text) if t[1] == "EntryBan"}


@pytest.mark.parametrize("text, expected", [
    ("The governments of Portugal and Morocco agreed to step up deportations of migrants.",
     {("PT", "Deportation", "in_force"), ("MA", "Deportation", "in_force")}),
    ("Interior ministers of Austria and Slovenia agreed to close the border to migrants.",
     {("AT", "EntryBan", "in_force"), ("SI", "EntryBan", "in_force")}),
    # the destination is not the deporting state
    ("Officials of Greece and Turkey agreed to return migrants to Turkey.", {("GR", "Deportation", "in_force")}),
])
def test_plural_bodies_of_states(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Haitians fear for their future. The termination of TPS for Haitians takes effect next year.",
     {("US", "AsylumRestriction", "in_force")}),
])
def test_ending_a_programme_as_a_noun(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "Migrants marched on Monday. Activists fear the end of DACA would tear families apart.",
    "Migrants marched on Monday. DACA recipients protested outside the court.",
    "Lawmakers met in Washington. He spent the recess tweeting for the end of DACA.",  # a demand
])
def test_ending_a_programme_near_misses(run, text):
    assert not run(text)


@pytest.mark.parametrize("text, expected", [
    (EU + "Plans for the compulsory relocation of 30,000 migrants fell apart amid quarrels between member states.",
     {("european-union", "Relocation", "planned")}),
    (EU + "The EU's relocation plan foresees moving 50,000 asylum seekers out of Malta and Cyprus.",
     {("european-union", "Relocation", "in_force")}),
])
def test_relocation_is_the_eus_scheme(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    EU + "The European Commission proposed binding quotas to distribute refugees among the member states.",
    EU + "Binding quotas to distribute refugees among the member states were rejected by Hungary.",
])
def test_quotas_are_the_eus_relocation(run, text):
    assert {(a, t) for a, t, _s in run(text)} == {("european-union", "Relocation")}


@pytest.mark.parametrize("text", [
    # no EU named: no organisation to fall back to
    "Officials in Texas met on Monday. The relocation of migrants from the border to Chicago angered the mayor.",
    # the kind of measure discussed in general, not one scheme
    EU + "Croatia says refugee quotas are no answer to the crisis.",
])
def test_relocation_without_the_eu_named(run, text):
    assert not run(text)


def test_relocation_scheme_is_no_admission(run):
    found = run(EU + "Under the relocation scheme, 9,000 asylum seekers are moved out of Cyprus every year.")
    assert ("european-union", "Admission") not in {(a, t) for a, t, _s in found}


def test_refugee_cap_at_a_number(run):
    found = run(US + "The administration caps refugees at 35,000 next year.")
    assert found == {("US", "AsylumRestriction", "in_force")}


def test_capacity_to_admit_is_no_admission(run):
    assert not run(US + "Border Patrol stations have too little capacity to take more asylum-seekers in.")
