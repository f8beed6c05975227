"""extract_events: typed events with agent, place, affected group, time and quantities.

All sentences are invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.entities import extract_entities
from extractors.events import extract_events
from extractors.pipeline import build_pipeline
from extractors.quantities import extract_quantities
from extractors.temporal import extract_times

PUBLISHED = dt.date(2022, 9, 23)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def events(nlp, text: str, published: dt.date | None = PUBLISHED, with_numbers: bool = True):
    doc = nlp(text)
    assertions = extract_entities(doc)
    if with_numbers:
        assertions.times = extract_times(doc, published)
        assertions.quantities = extract_quantities(doc)
    return extract_events(doc, assertions)


def only(found, event_type: str):
    assert [e.event_type for e in found] == [event_type], [(e.event_type, e.trigger) for e in found]
    return found[0]


def test_mobilization_with_agent_group_time_and_count(nlp):
    e = only(events(nlp, "Norway announced a partial mobilization of 300,000 reservists on Wednesday."),
             "Mobilization")
    assert e.trigger == "mobilization"
    assert e.agent == ("Country", "NO")
    assert e.place == ("Country", "NO")
    assert e.affected == "reservists"
    assert e.time is not None and e.time.value == "2022-09-21"
    assert [(q.value, q.counted) for q in e.quantities] == [(300000.0, "reservists")]


def test_exodus_place_is_the_country_left(nlp):
    e = only(events(nlp, "An exodus of Russian men to Georgia began last week."), "Exodus")
    assert e.place == ("Country", "RU")
    assert e.affected == "Russian men" and e.affected_key == "russian-men"
    assert e.time.value == "2022-09-12/2022-09-18"


def test_fleeing_is_an_exodus_only_with_a_count_of_people(nlp):
    e = only(events(nlp, "More than 2 million people have fled Ukraine since February 24."), "Exodus")
    assert e.place == ("Country", "UA")
    assert e.quantities[0].value == 2e6 and e.quantities[0].qualifier == "more than"
    assert events(nlp, "The minister fled the room.") == []


def test_border_queue_with_length(nlp):
    e = only(events(nlp, "A queue of cars stretched 10 kilometers (6 miles) at the border crossing with Georgia "
                         "on Sunday."), "BorderQueue")
    assert e.place == ("Country", "GE")
    assert [(q.value, q.unit) for q in e.quantities] == [(10.0, "km")]
    assert e.time.value == "2022-09-18"


def test_border_queue_line_needs_border_and_vehicles(nlp):
    only(events(nlp, "Lines of trucks waited for 30 hours at the Polish border."), "BorderQueue")
    assert events(nlp, "The company drew a line under the dispute.") == []


def test_border_crossing_change(nlp):
    e = only(events(nlp, "Finland saw a 107% increase in crossings from Russia last week."), "BorderCrossingChange")
    assert e.place == ("Country", "RU")
    assert [(q.value, q.unit, q.is_change) for q in e.quantities] == [(107.0, "percent", True)]


def test_invasion_agent_and_place(nlp):
    e = only(events(nlp, "The Russian invasion of Ukraine began on February 24."), "Invasion")
    assert e.agent == ("Country", "RU") and e.place == ("Country", "UA")
    assert e.time.value == "2022-02-24"
    e = only(events(nlp, "Iraq invaded Kuwait in August 1990."), "Invasion")
    assert e.agent == ("Country", "IQ") and e.place == ("Country", "KW")
    assert e.time.value == "1990-08"


def test_referendum_place_skips_hyphenated_backers(nlp):
    e = only(events(nlp, "Moscow-backed officials held referendums in four regions of Moldova last week."),
             "Referendum")
    assert e.place == ("Country", "MD")


def test_shipwreck(nlp):
    e = only(events(nlp, "A boat carrying 40 migrants capsized off Libya on Tuesday."), "Shipwreck")
    assert e.place == ("Country", "LY")
    assert e.affected == "migrants"
    assert e.time.value == "2022-09-20"
    assert events(nlp, "Her hopes sank after the vote.") == []


def test_protest(nlp):
    e = only(events(nlp, "Thousands of protesters rallied in Paris on Saturday against the new law."), "Protest")
    assert e.place == ("Place", "fr-paris")
    assert e.quantities == []  # "thousands of": an unspecified multiple is no number of the event (r35)
    assert events(nlp, "The senator spoke at a campaign rally in Ohio.") == []


def test_deportation_event(nlp):
    e = only(events(nlp, "Britain deported 50 Albanian migrants last month."), "DeportationEvent")
    assert e.agent == ("Country", "GB")
    assert e.affected_key == "albanian-migrants"
    assert e.time.value == "2022-08"


@pytest.mark.parametrize(
    "text",
    [
        "The government published a draft law on taxes.",  # "draft" is no call-up
        "Stock prices rose 5% on Monday.",  # a change without crossings
        "There was no queue at the border.",  # negated
        "Families live in fear of deportation.",  # feared, not happening
        "The senators pushed back on the proposal.",  # political push-back
        "In March, the ministers met in Rome.",  # the month is not a march
        "The plan was a train wreck.",  # no boat
        "The weather was mild and the harvest was good.",
        "The order shields young people from deportation.",  # protection from it, not a deportation
        "Deportation is a legitimate tool of enforcement.",  # a topic with no roles
        "He felt double-crossed by his party.",  # glued compound, no change in crossings
        "The economy grows stronger while the border wall debate goes on.",  # change word far from crossings
        "The invasion of microbes changed medicine.",  # no country or place
        "Unions are mobilizing voters before the election.",
        "The party relies on the mobilization of its base.",  # political, not military
        "Chile would not need to invade Peru to win.",  # hypothetical
        "Malta is still waiting for an extradition request.",
    ],
)
def test_no_events_for_unrelated_sentences(nlp, text):
    assert events(nlp, text) == []


def test_copes_without_times_and_quantities(nlp):
    e = only(events(nlp, "Iraq invaded Kuwait on Thursday.", with_numbers=False), "Invasion")
    assert e.time is None and e.quantities == []


def test_one_event_per_type_and_sentence_with_evidence(nlp):
    text = "Protesters marched in Lyon. A protest followed in Marseille on Sunday."
    found = events(nlp, text)
    assert [e.event_type for e in found] == ["Protest", "Protest"]
    for e in found:
        assert text[e.evidence.start:e.evidence.end] == e.trigger
        assert e.evidence.extractor == "migraph.events"
    assert found[1].place == ("Place", "fr-marseille")


def test_person_agent_gives_the_place_through_their_country(nlp):
    e = only(events(nlp, "Russian President Vladimir Putin announced a partial mobilization on Wednesday."),
             "Mobilization")
    assert e.agent == ("Person", "vladimir-putin")
    assert e.place == ("Country", "RU")


def test_group_nationality_is_not_the_agent(nlp):
    found = events(nlp, "Russian men are joining the exodus, afraid they will be called up to fight.")
    mobilization = [e for e in found if e.event_type == "Mobilization"]
    assert len(mobilization) == 1
    assert mobilization[0].agent is None
    assert mobilization[0].affected_key == "russian-men"


def test_a_comparison_is_no_event(nlp):
    assert not [e for e in events(nlp, "The evacuation went like a referendum organised by Norway.")
                if e.event_type == "Referendum"]
    assert not [e for e in events(nlp, "Officials in Chile said the arrivals felt as if Peru had launched an invasion.")
                if e.event_type == "Invasion"]


def test_invasion_place_only_from_the_invaded_country(nlp):
    found = events(nlp, "Traffic backed up at the border with Mongolia, much as it did when China invaded their land.")
    (inv,) = [e for e in found if e.event_type == "Invasion"]
    assert inv.agent == ("Country", "CN") and inv.place is None
    (inv,) = [e for e in events(nlp, "Chile condemned the invasion of Peru by Bolivia.") if e.event_type == "Invasion"]
    assert inv.place == ("Country", "PE") and inv.agent == ("Country", "BO")


def test_queue_place_is_the_border_named_with_it(nlp):
    found = events(nlp, "Men leaving Norway formed a queue 5 kilometers long at the Polish border, unlike in Peru.")
    (queue,) = [e for e in found if e.event_type == "BorderQueue"]
    assert queue.place == ("Country", "PL")
    found = events(nlp, "A queue of cars stretched 3 kilometers at the crossing as people fled Peru.")
    (queue,) = [e for e in found if e.event_type == "BorderQueue"]
    assert queue.place is None


def test_mobilization_place_is_not_a_persons_home_town(nlp):
    found = events(nlp, "Olaf, a man from Oslo who was heading for Spain, called the mobilization a disaster "
                        "on Monday.")
    assert all(e.place is None for e in found if e.event_type == "Mobilization")
    (mob,) = [e for e in events(nlp, "Soldiers were told of the mobilization in Norway on Monday.")
              if e.event_type == "Mobilization"]
    assert mob.place == ("Country", "NO")


def test_event_time_only_from_its_own_clause(nlp):
    found = events(nlp, "Men fled Norway on Friday after the Norwegian general mobilization of 5,000 reservists.")
    (mob,) = [e for e in found if e.event_type == "Mobilization"]
    assert mob.time is None
    (mob,) = [e for e in events(nlp, "Norway ordered the mobilization of reservists on Tuesday, officials said.")
              if e.event_type == "Mobilization"]
    assert mob.time is not None and mob.time.value == "2022-09-20"


def test_a_preposition_right_before_the_time_is_part_of_it(nlp):
    (strike,) = [e for e in events(nlp, "Three detainees in Norway have been on a hunger strike since September 1.")
                 if e.event_type == "Protest"]
    assert strike.time is not None and strike.time.value.startswith("2022-09-01")


@pytest.mark.parametrize("text", [
    "The minister in Norway promised to deport 2,000 people who lost their cases.",
    "Norway will deport the 300 migrants, officials in Oslo said on Monday.",
    "The Norwegian deportation policy of 2019 was debated by 40 lawmakers.",
    "Riot police in Chile blocked 500 people on Monday.",
])
def test_plans_policies_and_riot_police_are_no_events(nlp, text):
    found = [e for e in events(nlp, text) if e.event_type in {"DeportationEvent", "Protest"}]
    assert not found, [(e.event_type, e.trigger) for e in found]


def test_a_carried_out_deportation_is_an_event(nlp):
    found = events(nlp, "Norway deported 300 migrants to Chile on Monday.")
    (dep,) = [e for e in found if e.event_type == "DeportationEvent"]
    assert dep.agent == ("Country", "NO") and dep.time.value == "2022-09-19"


def test_a_counterfactual_deportation_is_no_event(nlp):
    found = events(nlp, "Officials in Norway should have deported the 30 migrants, the mayor said.")
    assert not [e for e in found if e.event_type == "DeportationEvent"]


@pytest.mark.parametrize("text", [
    "Analysts in Oslo warned that a Swedish invasion would unleash chaos across Norway.",  # modal after a noun
    "Officials said Sweden plans to invade Norway next spring.",  # a plan
    "Lawyers in Oslo said the 40 families will not be deported this year.",  # negated
    "The court granted the 300 workers in Norway a two-year stay of deportation.",  # a stay is no deportation
    "Norway had been considering deporting 50 families in March.",  # considered, not done
    "The bill met mounting pushback from 40 lawmakers in Oslo on Monday.",  # pushback as opposition
    "Norway will review its emigration policy for 2,000 nurses in March.",  # a policy, not an exodus
    "Hundreds of hikers in Norway began the long march up to the glacier on Monday.",  # a walk, not a protest
    "Patrols watch the line between Norway and Sweden day and night.",  # a boundary, not a queue
    "The minister in Oslo quit in protest at the cuts last year.",  # a gesture, not a protest event
    "The firm in Oslo saw an exodus of six senior managers in March.",  # staff leaving a firm
    "Norway expelled 12 Russian diplomats on Monday.",  # diplomats, not migrants
])
def test_hypothetical_negated_and_non_migration_readings_are_no_events(nlp, text):
    found = [e for e in events(nlp, text) if e.event_type != "BorderCrossingChange"]
    assert not found, [(e.event_type, e.trigger) for e in found]


@pytest.mark.parametrize(("text", "event_type"), [
    ("Sweden invaded Norway in March, officials in Oslo said.", "Invasion"),
    ("Lawyers in Oslo said 40 families were deported this year.", "DeportationEvent"),
    ("Guards carried out pushbacks of 300 migrants at the border with Norway on Monday.", "DeportationEvent"),
    ("Thousands marched through Oslo against the new border rules on Monday.", "Protest"),
    ("A line of cars 10 kilometers long waited at the border crossing into Norway.", "BorderQueue"),
    ("The war set off an exodus of 2,000 families from Norway in March.", "Exodus"),
])
def test_the_same_words_as_happenings_are_events(nlp, text, event_type):
    assert event_type in [e.event_type for e in events(nlp, text)]


def test_a_news_agency_in_a_credit_line_is_no_agent(nlp):
    found = events(nlp, "OSLO (Reuters) - Students joined protesters outside the parliament in Norway on Sunday.")
    protest = [e for e in found if e.event_type == "Protest"]
    assert protest and all(e.agent != ("Organization", "reuters") for e in protest)


def test_a_name_given_to_arrivals_is_no_invasion(nlp):
    assert not [e for e in events(nlp, "The senator called the convoy an invasion of Canada.")
                if e.event_type == "Invasion"]
    e = only(events(nlp, "The army began an invasion of Canada on Monday."), "Invasion")
    assert e.place == ("Country", "CA")
