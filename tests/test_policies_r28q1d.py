"""Round 28 policy mechanisms (helper Q1d), found on fresh migration articles no rule was written on.

Aid cut off (or threatened) for states or sanctuary jurisdictions in a migration sentence is a sanction; migrants
taken into federal (or ICE, police) custody are detained, not admitted; money set aside for a wall is no aid, nor is
a reinstated travel ban; "how it can accommodate the migrants" is a deliberation like "how to"; more border patrol
agents or officers hired or deployed, and the National Guard sent along a border, reinforce the border. All
sentences are invented."""

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


@pytest.mark.parametrize("text, expected", [
    ("Canada said it would cut aid to Haiti and Jamaica unless they stopped the boats of migrants heading north.",
     {("CA", "Sanction")}),
    ("The Canadian government suspended all assistance to Haiti over the migrants leaving its shores.",
     {("CA", "Sanction")}),
    ("The Canadian bill would cut off federal grants for sanctuary cities that shelter illegal immigrants.",
     {("CA", "Sanction")}),
    # near misses: aid cut with no migration in the sentence, and a cut that was refused
    ("Canada said it would cut aid to Haiti because of the corruption scandal.", set()),
    ("Canada refused to cut aid to Haiti over the migrants leaving its shores.", set()),
    # funding withheld from a state's own agency is a budget fight, not a sanction
    ("Canadian officials spoke. The union said the last time parliament withheld funding for the CBSA agency, "
     "guards could not pay their rent while migrants kept crossing.", set()),
])
def test_aid_cut_as_sanction(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canadian officers crossed the river. The migrants were taken into federal custody by Canadian agents.",
     {("CA", "Detention")}),
    ("Canadian agents took the smuggled migrants into federal custody on Monday.", {("CA", "Detention")}),
    # the people admitted into a country stay an admission
    ("About 300 refugees were taken in by Canada last year.", {("CA", "Admission")}),
])
def test_federal_custody(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Canadian plan would allocate money for the border wall and for more detention beds for migrants.", set()),
    ("Canada's top court reinstated parts of the controversial travel ban on migrants from Yemen and Iran.",
     {("CA", "EntryBan")}),
])
def test_no_aid(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canada is still deciding how it can accommodate the migrants who arrived by boat.", set()),
    ("Canadian officials argue about whether the country should house the migrants in hotels.", set()),
    # the measure itself
    ("Canada will accommodate the migrants who arrived by boat in army barracks.", {("CA", "Aid")}),
])
def test_deliberation_with_modal(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canada plans to recruit 5,000 more border patrol agents against illegal crossings by migrants.",
     {("CA", "BorderBarrier")}),
    ("Canada's bill would pay for more border agents, more drones and more fencing against illegal migrants.",
     {("CA", "BorderBarrier")}),
    ("Canada will send the National Guard along the border to stop the migrants.", {("CA", "BorderBarrier")}),
    # near misses: agents counted, and agents who left
    ("Canada has 2,000 border patrol agents, officials said of the migrants.", set()),
])
def test_more_border_agents(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a person the story names an executive after leads a state, even where no title is written
    ("Justin Trudeau spoke in Toronto about the Trudeau government and the economy of Canada. Trudeau's order "
     "spares 8,000 Haitian migrants from deportation.", {("CA", "AsylumOffer")}),
    # near miss: a person no executive is named after
    ("Justin Tremblay spoke in Toronto about the economy of Canada. Tremblay's order spares 8,000 Haitian migrants "
     "from deportation.", set()),
])
def test_leader_named_by_executive(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # people caught on their way into the story's state are caught by it
    ("Canadian officials spoke on Friday. This year 4,000 migrants have been detained illegally crossing the "
     "border into Canada.", {("CA", "Detention")}),
    # people sent to the story's state are still not sent by it
    ("Canadian officials spoke on Friday. The two smugglers were extradited to Canada last week.", set()),
])
def test_caught_on_the_way_in(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canada's prime minister cited how his government worked to bulk up border security against migrants.",
     {("CA", "BorderBarrier")}),
    ("Canada will shore up border security against the migrants.", {("CA", "BorderBarrier")}),
])
def test_bulk_up_border_security(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a long group between "shields" and "from deportation", and a relative clause opened by a dash
    ("Critics point to Canada's new program, which shields young migrants who had come over with their parents "
     "as infants from deportation.", {("CA", "AsylumOffer")}),
    ("Critics point to Canada's new program — which shields young migrants from deportation — as a magnet for "
     "smugglers.", {("CA", "AsylumOffer")}),
])
def test_long_shield_and_dash_relative(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # foreign aid cut as leverage over migration is a sanction, not aid
    ("Until the boats stop, Canada will raise visa fees for migrants and may increase tariffs or cut foreign aid.",
     {("CA", "Sanction")}),
    # money for a wall that "has shut" the government closes no border
    ("Canada's prime minister kept pushing to get border wall funding that has shut the government down for a "
     "month over the migrants.", set()),
    # "close" as an adjective, "took the same line", "a welcome development": no measure
    ("Canadian reporters got a close look at border patrol boats that watch for migrants.", set()),
    ("The Canadian government took the same line on migrants as its predecessor.", set()),
    ("Canada's refugee lawyers called the court's ruling a welcome development for the migrants.", set()),
])
def test_precision_r28(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a release kept from happening is no admission
    ("Canadian officials spoke. The new beds are meant to keep detained migrants from being released into Canada "
     "before their hearings.", set()),
    ("Canadian officials spoke. Thousands of migrants were being released into Canada every month.",
     {("CA", "Admission")}),
])
def test_from_being_released(run, text, expected):
    assert run(text) == expected
