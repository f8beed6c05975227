"""Enforcement measures (deportation, detention, mobilization, relocation) stated without their actor as the
subject: noun phrases with "from X", reported counts, passives into a state's army, agentless call-ups, the
body a measure is named by. All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

US_STORY = "The United States tightened its border rules this year. "
RU_STORY = "Russia invaded Ukraine in February. "
ENFORCEMENT = {"Deportation", "Detention", "Mobilization", "Manhunt", "Exemption"}


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        policies = extract_policies(doc, assertions)
        for p in policies:
            assert (p.actor_kind, p.actor_key) in assertions.entities, "every actor has its entity"
        return {(p.actor_key, p.policy_type) for p in policies}

    return _run


@pytest.mark.parametrize("text, expected", [
    # a deportation noun with the deporting state after "from" (also past an "of" group)
    ("Removal flights from Austria to Nigeria restarted in May.", {("AT", "Deportation")}),
    ("Aid groups condemned the expulsion of 150 Malians from Mauritania.", {("MR", "Deportation")}),
    ("Migrants keep arriving. Expulsions of asylum seekers from Norway to Russia continued all winter.",
     {("NO", "Deportation")}),
    ("Removal flights from Texas to Ecuador restarted in June.", {("US", "Deportation")}),  # a place's state
    # pushbacks by a state named by its adjective; a count of pushbacks; deportees from the deporting state
    ("Hungary changed its laws. Hungarian pushbacks of migrants were filmed by reporters.", {("HU", "Deportation")}),
    ("Latvia changed its laws. Latvian border guards have carried out hundreds of pushbacks.",
     {("LV", "Deportation")}),
    ("Mexico stepped up checks. Deportees from Mexico reach Honduras by bus.", {("MX", "Deportation")}),
    # a reported count of deportations: the state (body) reporting it, else the story's state
    ("Migrants keep arriving at the U.S. border. Deportations climbed 12 percent last year, ICE said.",
     {("US", "Deportation")}),
    ("Migrants keep arriving at the U.S. border. Immigration and Customs Enforcement said removals fell "
     "sharply in the spring.", {("US", "Deportation")}),
    ("Swedish police reported more arrivals. Deportations from Sweden reached 9,000 last year.",
     {("SE", "Deportation")}),
    ("Migrants keep arriving at the U.S. border. Apprehensions of migrants fell 30 percent in May, CBP said.",
     {("US", "Detention")}),  # a reported count of apprehensions
    ("Spain counted more arrivals. Arrests of migrants on the coast doubled in March, Spanish police said.",
     {("ES", "Detention")}),
    # a deportation flight stated as gone; counts with a destination; "of <group> by X"
    ("Ireland reviewed its rules. A deportation flight to Tbilisi left on Friday.", {("IE", "Deportation")}),
    ("Migrants keep arriving at the U.S. border. Deportations to Honduras reached 40,000 in 2017.",
     {("US", "Deportation")}),
    ("Migrants keep coming. The detention of 90 migrants by Bulgarian police drew criticism.", {("BG", "Detention")}),
    # passives into a state's army; agentless call-ups in a story on that state
    ("He fled in 2016 rather than be conscripted into the Eritrean army.", {("ER", "Mobilization")}),
    ("Many young men were drafted into the Russian military last autumn.", {("RU", "Mobilization")}),
    (RU_STORY + "Tens of thousands of men were called up to fight in the east.", {("RU", "Mobilization")}),
    (RU_STORY + "Some 200,000 reservists have been mobilised since the spring.", {("RU", "Mobilization")}),
    # an exemption from conscription with no actor in a story on the state conscripting
    (RU_STORY + "University students are exempt from the call-up.", {("RU", "Exemption")}),
    (RU_STORY + "Railway workers were granted deferrals from the call-up.", {("RU", "Exemption")}),
    # the bloc's own scheme named by an adjective
    ("Under the EU relocation scheme, 40,000 asylum seekers were to be moved from Malta.",
     {("european-union", "Relocation")}),
    # relocation to an island is a relocation (not a transfer between islands and mainland)
    ("Indonesia started relocating Rohingya refugees to an island off Aceh.", {("ID", "Relocation")}),
    # "removed" as a passive of removal from the country, also with the reporting state after it
    ("Denmark has seen more arrivals. Some 250 migrants were removed to Iraq last month, the Danish immigration "
     "service said.", {("DK", "Deportation")}),
    # an announced passive with the state reporting it after the clause
    ("Poland counted more crossings. People who cross illegally will be detained, the Polish interior "
     "ministry said.", {("PL", "Detention")}),
    # a state named by its possessive before an office that reports an announced measure
    ("Estonia counted more crossings. Estonia's interior minister said the migrants would be sent back to Syria.",
     {("EE", "Deportation")}),
    # two-word state bodies after a demonym; a leader's possessive before an institution
    ("Bulgarian security forces caught 120 irregular migrants near the border.", {("BG", "Detention")}),
    ("Sweden saw more arrivals. Anna Berg's government deported 300 migrants.", {("SE", "Deportation")}),
    # flown or bused back; locked up
    (US_STORY + "Hundreds of Cuban migrants were flown back to Cuba on Monday.", {("US", "BorderBarrier"),
                                                                                 ("US", "Deportation")}),
    ("Japan reviewed its rules. Asylum seekers are locked up in centres near Tokyo.", {("JP", "Detention")}),
    # state agencies whose names do not say their state
    ("Germany saw more arrivals. The BAMF deported 120 Georgians last year.", {("DE", "Deportation")}),
    ("Italy saw more arrivals. Carabinieri arrested 25 migrants near Bari.", {("IT", "Detention")}),
    ("Dozens of migrants were detained by the Guardia Civil.", {("ES", "Detention")}),
    ("The Office of Refugee Resettlement held 9,000 migrant children in shelters.", {("US", "Detention")}),
    # held in the custody of a state's agency or of a state named by its adjective
    ("Migrants keep arriving at the U.S. border. Dozens of migrants in CBP custody fell ill.", {("US", "Detention")}),
    ("Hundreds of migrants remain in Guatemalan custody.", {("GT", "Detention")}),
    # a flight ban with no actor: the owner of the airspace closed
    (RU_STORY + "Russian airlines have been banned from Norwegian airspace.", {("NO", "FlightBan")}),
    (RU_STORY + "Russian aircraft were barred from European airspace.", {("european-union", "FlightBan")}),
    # hunting for people who fled
    (RU_STORY + "Russian police are hunting for men who dodged the call-up.", {("RU", "Manhunt")}),
    # parents, children and adults are people a measure falls on
    (US_STORY + "Two months later, the mother was deported to Honduras.", {("US", "BorderBarrier"),
                                                                          ("US", "Deportation")}),
    (US_STORY + "Agents detained the fathers at the border on Tuesday.",
     {("US", "BorderBarrier"), ("US", "Detention")}),
])
def test_enforcement_measures(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "The plan met fierce pushback from Canada.",  # opposition, not a push-back
    "The repatriation of 300 Ghanaians from Lebanon began on Friday.",  # the home state brings them back
    "Deportations would rise if the bill passed, the Home Office said.",  # a prospect
    "Arrests of migrants could rise, activists warned.",  # a prospect
    "The flow of migrants into Spain grew in June.",  # "into" alone is no conscription
    RU_STORY + "Reservists could be called up in a second wave.",  # not stated as done
    "Migrants keep coming. The smuggler was taken into federal custody.",  # no state named
    "Migrants keep arriving. The nurse is hunting for a flat in Oslo.",  # no people hunted
    "Lithuania tightened rules. Latvia's most famous poet said migrants would be detained.",  # no office
    US_STORY + "The judge upheld the deportation of a young woman from Peru.",  # where she comes from
    US_STORY + "Kids were removed whenever a parent went into federal custody.",  # no country after
    "An Iraqi girl searched for her father near the crossing.",  # a relative, not a manhunt
    US_STORY + "Critics warned of the threat of deportations.",  # a prospect after "of"
    RU_STORY + "If students are exempt from the call-up, fewer men will serve.",  # a condition
    "Portugal took in refugees. Brazilians are exempt from visa requirements.",  # no conscription
    "Migrants keep arriving. Traders locked up their stalls at the border.",  # no people locked up
    "Ireland reviewed its rules. The first deportation flight to Tbilisi was due to leave on Friday.",  # a plan
    US_STORY + "She was shielded from another deportation by the city's sanctuary rules.",  # protected from it
    "Lawyers said the families faced removal from the country.",  # "the country" after "from": no state named
    "Denmark has seen more arrivals. Two migrants were removed from the waiting list, the Danish immigration "
    "service said.",  # removed from a list
    "Poland counted more crossings. If they cross illegally they will be deported, the Polish interior ministry "
    "said.",  # a condition
])
def test_no_enforcement_measure(run, text):
    assert not {pair for pair in run(text) if pair[1] in ENFORCEMENT}


def test_frontex_is_its_own_actor(run):
    # The guidelines name an organisation actor by its own name; annotators write "Frontex", not the EU.
    assert run("Frontex sent 400 officers to the Bulgarian border.") == {("frontex", "BorderBarrier")}
