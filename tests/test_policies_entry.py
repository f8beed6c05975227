"""Policies of entry, visas, asylum, admission, aid and sanctions on invented sentences (issue 3, recall round)."""

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
    def _run(text: str):
        doc = nlp(text)
        assertions = extract_entities(doc)
        policies = extract_policies(doc, assertions)
        for p in policies:
            assert (p.actor_kind, p.actor_key) in assertions.entities, "every actor has its entity"
        return policies

    return _run


def keys(policies) -> set[tuple[str, str]]:
    return {(p.actor_key, p.policy_type) for p in policies}


# visa-free travel: the state entered lets the group in without a visa
@pytest.mark.parametrize("text, expected", [
    ("Kenyan citizens will get visa-free travel to the EU under the new arrangement.",
     {("european-union", "VisaFree")}),
    ("Armenians can enter Georgia without a visa, officials said.", {("GE", "VisaFree")}),
    ("Belarusians can still travel visa-free to Serbia and Turkey.", {("RS", "VisaFree"), ("TR", "VisaFree")}),
])
def test_visa_free_destination(run, text, expected):
    assert keys(run(text)) == expected


def test_visa_free_granter_before_destination(run):
    # the granter on the left wins; a country naming the group after "to" is no destination
    assert keys(run("Chile offered visa-free entry to Haitians fleeing the earthquake.")) == {("CL", "VisaFree")}
    assert ("BY", "VisaFree") not in keys(run("Moscow offered visa-free travel to Belarus citizens."))


def test_visa_free_negated_destination_is_nothing(run):
    assert keys(run("Nepalis cannot enter Japan without a visa.")) == set()


# tariffs tied to migration are a sanction
def test_tariffs_over_migration(run):
    got = keys(run("Canada slapped tariffs on Guatemalan goods over the rise in illegal migration."))
    assert got == {("CA", "Sanction")}


def test_tariffs_gerund_after_preposition_is_not_the_subjects(run):
    got = keys(run("Peru agreed to curb migrants crossing its border after threatening Chile with tariffs."))
    assert ("PE", "Sanction") not in got


def test_tariffs_without_migration_context(run):
    assert keys(run("Canada slapped tariffs on Guatemalan steel.")) == set()


def test_sanctioned_verb(run):
    got = keys(run("Norway sanctioned Libyan officials over the abuse of migrants in camps."))
    assert ("NO", "Sanction") in got


# money and funding
def test_funded_by_agent(run):
    got = keys(run("Rescue missions off Malta are funded by the European Union to save migrants."))
    assert got == {("european-union", "Aid")}
    assert keys(run("The shelter for refugees is partly financed by Denmark.")) == {("DK", "Aid")}


def test_funded_by_wall_is_no_aid(run):
    assert keys(run("The border wall near the refugee camp is funded by Greece.")) - {("GR", "BorderBarrier")} == set()


def test_fund_shelters(run):
    assert keys(run("Norway will fund shelters for refugees in Lebanon.")) == {("NO", "Aid")}


def test_owner_adjective_across_kind_word(run):
    assert keys(run("Danish humanitarian aid to refugees in Uganda arrived on Monday.")) == {("DK", "Aid")}


# refugee caps
def test_refugee_cap_noun(run):
    got = keys(run("Canada's refugee cap for next year is 12,000."))
    assert got == {("CA", "AsylumRestriction")}
    assert keys(run("The Australian refugee ceiling was lowered again.")) == {("AU", "AsylumRestriction")}


def test_raised_refugee_cap_is_no_restriction(run):
    assert ("CA", "AsylumRestriction") not in keys(run("Canada raised the refugee cap to 40,000."))


# admission by letting a group stay
def test_let_group_stay(run):
    got = keys(run("The Irish government announced a scheme to let Afghan refugees live with Irish families."))
    assert got == {("IE", "Admission")}
    assert keys(run("Spain will not let the migrants stay.")) == {("ES", "EntryBan")}


# border controls and barriers
def test_identity_checks_on_border(run):
    got = keys(run("Norway introduced identity checks on its border with Sweden to stem the influx of asylum seekers."))
    assert got == {("NO", "BorderBarrier")}


def test_construction_of_long_wall(run):
    got = keys(run("Greece ordered the construction of a 40-kilometre long wall along its border against migrants."))
    assert ("GR", "BorderBarrier") in got


# citizenship offered in a story on refugees
def test_citizenship_in_refugee_story(run):
    story = ("Refugees fled the war. Many refugees crossed the border. Aid groups help refugees. "
             "Refugees wait in camps. The refugees have no papers. More refugees arrive. "
             "Jordan said it would grant citizenship to some Iraqis.")
    assert ("JO", "AsylumOffer") in keys(run(story))
    assert ("JO", "AsylumOffer") not in keys(run("Jordan said it would grant citizenship to some investors."))


def test_take_number_phrase(run):
    got = keys(run("Ireland will take up to 4,000 Afghan refugees over the next three years."))
    assert got == {("IE", "Admission")}


def test_border_stays_open(run):
    assert keys(run("Slovenia's border with Croatia remains open to refugees, the ministry said.")) == {
        ("SI", "Admission")}
    assert keys(run("The border stays open to asylum seekers, Moldova said.")) == {("MD", "Admission")}


def test_borders_closed_passive(run):
    story = ("Croatia stopped the buses on Monday. Croatia registered the migrants at a camp. "
             "The borders with Serbia and Bosnia are closed to migrants, a police spokesman said.")
    assert ("HR", "EntryBan") in keys(run(story))
    assert keys(run("Austria's borders with Slovenia have been sealed to migrants.")) == {("AT", "EntryBan")}


def test_borders_closed_prospect_is_no_policy(run):
    story = ("Croatia stopped the buses on Monday. Croatia registered the migrants at a camp. "
             "Once the border is closed, migrants will look for other routes, a police spokesman said.")
    assert ("HR", "EntryBan") not in keys(run(story))
    story2 = "Croatia stopped the buses. Croatia registered them. After the border is closed, migrants will wait."
    assert ("HR", "EntryBan") not in keys(run(story2))


def test_object_before_by_gerund_is_not_the_actor(run):
    got = keys(run("Slovakia surprised the EU by reintroducing border controls to stop migrants."))
    assert got == {("SK", "BorderBarrier")}
    got = keys(run("Latvia angered Brussels by building a fence on its border to keep out migrants."))
    assert got == {("LV", "BorderBarrier")}


def test_government_after_where_is_that_state(run):
    story = ("Canada sent more officers. Canada closed two crossings. "
             "Many migrants plan to stay in Panama, where the government has issued permits to allow them to stay.")
    got = keys(run(story))
    assert ("PA", "Admission") in got and ("CA", "Admission") not in got


def test_rescue_ships_are_no_rescue(run):
    assert keys(run("Malta closed its ports to rescue ships carrying migrants.")) == {("MT", "EntryBan")}


def test_special_visa_for_group(run):
    assert keys(run("Brazil created a special visa for Afghans fleeing the Taliban.")) == {("BR", "Admission")}


def test_sheltered_named_group_and_supplies(run):
    assert keys(run("Bangladesh has sheltered nearly a million Rohingya in camps near the border.")) == {
        ("BD", "Aid")}
    assert keys(run("The UN refugee agency is providing tents and medicine to those stuck at the border.")) == {
        ("unhcr", "Aid")}


def test_possessed_ports_closed_by_minister(run):
    got = keys(run("The Greek shipping minister, Nikos Pappas, closed Greece's ports to charity ships with migrants."))
    assert got == {("GR", "EntryBan")}


def test_deliberation_how_we_is_no_measure(run):
    assert keys(run("Norway must rethink how we distribute aid to refugees, the report said.")) == set()


def test_bare_title_is_its_recent_holders_state(run):
    story = ("Guatemala detained 200 migrants on Monday. Guatemala sent them back. Guatemala said so. "
             "Honduran President Xiomara Castro spoke in the capital. "
             "The president promised to build a fence on the border to stop migrants.")
    got = keys(run(story))
    assert ("HN", "BorderBarrier") in got and ("GT", "BorderBarrier") not in got


def test_failure_of_actor_to_act_is_no_measure(run):
    story = "Chile sent more police. Chile said so. The president regrets the failure of Congress to fund {}."
    assert ("CL", "BorderBarrier") not in keys(run(story.format("the border fence against migrants")))
    assert ("CL", "BorderBarrier") not in keys(run(story.format("his long-promised border wall")))


def test_agreement_partner_is_not_the_actor(run):
    story = ("Honduras detained 300 migrants. Honduras said so. "
             "The prime minister unveiled a safe third country agreement with Honduras.")
    assert ("HN", "AsylumRestriction") not in keys(run(story))
    assert keys(run("Honduras signed a safe third country agreement with Canada.")) == {("HN", "AsylumRestriction")}


def test_travel_ban_noun_is_the_story_states(run):
    story = ("Canada detained 300 migrants on Monday. Canada said the border was secure. "
             "Critics said the expanded travel ban discriminates against Muslims.")
    assert ("CA", "EntryBan") in keys(run(story))


def test_suspended_visa_requirement_is_visa_free(run):
    assert keys(run("Portugal suspended the visa requirement for Ukrainians.")) == {("PT", "VisaFree")}
    assert keys(run("Portugal suspended visas for Iranians.")) == {("PT", "VisaRestriction")}
    assert keys(run("Portugal tightened visa requirements for Iranians.")) == {("PT", "VisaRestriction")}


def test_border_crossings_opened(run):
    assert keys(run("Romania opened its border crossings to Ukrainians without passports.")) == {("RO", "Admission")}


def test_right_to_stay_is_admission(run):
    assert keys(run("Spain has given Venezuelan refugees the right to stay for two years.")) == {("ES", "Admission")}


def test_take_steps_or_responsibility_is_no_admission(run):
    assert ("MX", "Admission") not in keys(run("Mexico agreed to take steps to block migrants heading north."))
    assert ("MX", "Admission") not in keys(run("Mexico has to take responsibility for migrants on its soil."))


def test_released_group_into_country(run):
    assert keys(run("Chilean border police released 300 migrants into the country on Sunday.")) == {("CL", "Admission")}
    got = keys(run("Peru detained migrants. Migrants wait. Migrants sleep. Migrants eat. Asylum seekers pray. "
                   "More migrants arrive. Peru's police released the families onto the streets of Tumbes."))
    assert ("PE", "Admission") in got
    assert ("PE", "Admission") not in keys(run("Peru released the migrants into the custody of Chilean agents."))


def test_group_carrying_visas_is_no_visa_measure(run):
    got = keys(run("Norway's border guard said it would stop Belarusians with tourist visas from entering."))
    assert got == {("NO", "EntryBan")}


def test_long_group_before_from_entering(run):
    assert keys(run("Latvia has banned Belarusians with Latvian-issued visas from entering the country.")) == {
        ("LV", "EntryBan")}


def test_should_reported_after_by_another_state_is_no_measure(run):
    assert keys(run("The EU should suspend visas for Belarusian tourists, Latvia's prime minister said.")) == set()
    assert keys(run("The EU will suspend visas for Belarusian tourists, the European Commission said.")) == {
        ("european-union", "VisaRestriction")}
