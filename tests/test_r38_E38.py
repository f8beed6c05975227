"""Round 38 policy mechanisms (helper E38): entry bans, border barriers and asylum grants and restrictions.

A state naming another a safe (third) country or adding it to its list of safe countries; no longer (or not)
accepting or considering asylum claims; pausing or freezing asylum; making asylum harder to get; faster
rejections of asylum claims; a cap set in numbers of refugees; offshore processing and asylum processing moved
abroad (AsylumRestriction); recognising people as refugees (AsylumOffer); police checks stepped up along a
border (BorderBarrier); a closed port of entry and a state's closing of its border after "of"/"by" (EntryBan);
no entry ban from a closure feared with a modal ("fears that A may close the border") or from keeping people
from reaching another state. All sentences are invented."""

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
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}

    return _run


STORY = ("Migrants and refugees keep coming, and many migrants wait months at the border for a hearing on asylum. "
         "Aid groups say the migrants need shelter, and more refugees arrive each week. \n\n")


@pytest.mark.parametrize("text, pair", [
    ("Norway declared Albania a safe third country.", ("NO", "AsylumRestriction")),
    ("Austria has designated Serbia as a safe country of origin.", ("AT", "AsylumRestriction")),
    ("Germany added Albania and Kosovo to its list of safe countries of origin.", ("DE", "AsylumRestriction")),
    ("Finland will no longer accept asylum applications at its eastern crossings.", ("FI", "AsylumRestriction")),
    ("Poland no longer accepts asylum requests at its border with Belarus.", ("PL", "AsylumRestriction")),
    ("The United Kingdom will not consider asylum claims from people who arrive in small boats.",
     ("GB", "AsylumRestriction")),
    ("Greece paused asylum applications from people arriving by sea for three months.", ("GR", "AsylumRestriction")),
    ("The Danish government made it harder to claim asylum.", ("DK", "AsylumRestriction")),
    ("Spain will speed up the rejection of unfounded asylum claims.", ("ES", "AsylumRestriction")),
    ("Germany set a cap of 200,000 refugees a year.", ("DE", "AsylumRestriction")),
    ("Austria set an annual limit of 37,500 asylum seekers.", ("AT", "AsylumRestriction")),
    ("Australia reintroduced offshore processing last year.", ("AU", "AsylumRestriction")),
    ("Denmark plans to move its asylum processing to a third country.", ("DK", "AsylumRestriction")),
    ("Brazil recognised 20,000 Venezuelans as refugees.", ("BR", "AsylumOffer")),
    ("Germany stepped up police checks along its border with Poland.", ("DE", "BorderBarrier")),
    ("Queues grew for days as a result of Austria closing its frontier crossings.", ("AT", "EntryBan")),
    ("The crossings jammed, caused by Croatia closing the border.", ("HR", "EntryBan")),
    ("Poland will not let Russian tourists in.", ("PL", "EntryBan")),
    ("Poland refused to let the migrants cross the border.", ("PL", "EntryBan")),
    ("All eight crossings on the eastern border of Finland are now closed.", ("FI", "EntryBan")),
    ("Indonesia deployed warships to patrol its waters.", ("ID", "BorderBarrier")),
    ("Malaysia sent navy ships to stop the boats.", ("MY", "BorderBarrier")),
    ("The UK will deem asylum claims from people arriving on small boats inadmissible.", ("GB", "AsylumRestriction")),
    ("Finland suspended the right to apply for asylum at its eastern border.", ("FI", "AsylumRestriction")),
    ("Italy abolished humanitarian protection.", ("IT", "AsylumRestriction")),
    ("Hungary only accepts asylum requests at its embassy abroad.", ("HU", "AsylumRestriction")),
    ("Poland's new law lets guards ignore asylum requests.", ("PL", "AsylumRestriction")),
    ("Almost all Syrians received protection in Germany.", ("DE", "AsylumOffer")),
    ("Turkey has kept its border with Syria closed.", ("TR", "EntryBan")),
    ("Finland will restrict traffic at its border with Russia.", ("FI", "EntryBan")),
    ("Denmark deemed Damascus safe for return.", ("DK", "AsylumRestriction")),
    ("Denmark declared parts of Syria safe.", ("DK", "AsylumRestriction")),
    ("Kazakhstan said it would protect the Russians who fled.", ("KZ", "AsylumOffer")),
    ("The Thai navy turned the boat around and sent it back to sea.", ("TH", "EntryBan")),
    ("Finland, concerned that migrants could flood in, closed its border.", ("FI", "EntryBan")),
    ("Under the new rules, people who cross irregularly cannot claim asylum in Poland.", ("PL", "AsylumRestriction")),
    ("Migrants who cross illegally will be barred from asylum in Greece.", ("GR", "AsylumRestriction")),
    ("Austria will only allow 80 asylum applications a day.", ("AT", "AsylumRestriction")),
    ("Ukrainians are entitled to temporary protection in Poland.", ("PL", "AsylumOffer")),
    ("Finland will shut all but one of its crossing points.", ("FI", "EntryBan")),
    ("Georgia introduced restrictions on Russians entering the country.", ("GE", "EntryBan")),
    ("Greece says police units have been sent to the border.", ("GR", "BorderBarrier")),
    ("Bulgaria uses drones and thermal cameras to monitor its border with Turkey.", ("BG", "BorderBarrier")),
    ("Greece stepped up patrols in the Aegean Sea.", ("GR", "BorderBarrier")),
    ("The Malaysian navy is patrolling the strait to keep boats out.", ("MY", "BorderBarrier")),
    ("France will deploy more police officers on its northern coast to stop migrant boats.", ("FR", "BorderBarrier")),
    ("Italy stopped the migrants from reaching its shores.", ("IT", "EntryBan")),
    ("Poland prevented 300 migrants from entering Poland from Belarus.", ("PL", "EntryBan")),
])
def test_fires(run, text, pair):
    assert pair in run(STORY + text)


@pytest.mark.parametrize("text, pair", [
    ("Norway declared Albania a safe third country.", ("AL", "AsylumRestriction")),
    ("Germany added Albania and Kosovo to its list of safe countries of origin.", ("AL", "AsylumRestriction")),
    ("Denmark declared parts of Syria safe.", ("SY", "AsylumRestriction")),
])
def test_named_state_is_not_actor(run, text, pair):
    assert pair not in run(STORY + text)


@pytest.mark.parametrize("text", [
    "Critics say Turkey is hardly safe for people who flee.",  # an opinion, no designation
    "If Poland does not accept asylum claims, the court may step in.",  # a condition
    "Asylum seekers paused at the fence before crossing into Hungary.",  # everyday sense
    "The war made it harder for families to seek asylum.",  # no state acting
    "Canada raised its cap on refugees to 50,000.",  # a cap raised, not set low
    "France recognizes the importance of its border with Spain.",  # everyday sense
    "The president of Austria closing the meeting said little.",  # no border
    "Rights groups urged Italy to speed up the processing of asylum claims.",  # no rejection, a demand
    "If Poland does not let the migrants in, they will freeze.",  # a condition
    "The sailing club sent boats to patrol the lake during the regatta.",  # no state
    "Migrants who received protection in the camp were moved on.",  # no state after "in"
    "The judge declared the evidence inadmissible.",  # no asylum in the sentence
    "Italy restored humanitarian protection last year.",  # restored, not abolished
    "Rights groups urged Kazakhstan to protect those who fled.",  # a demand
    "The army will protect villagers who fled the floods.",  # no state
    "The city kept the park closed for repairs.",  # everyday sense
    "The team turned the game around.",  # everyday sense
    "Fears that Russia may close the borders have pushed many men to flee.",  # a feared prospect
    "If people cannot claim asylum, they go underground.",  # a condition
    "The company uses drones to monitor the pipeline.",  # no border
    "The city sent police officers to the beaches during the heatwave.",  # no migration
    "Police stepped up patrols in the city centre.",  # no sea
    "Rescuers patrolled the coast for hours to find the boat.",  # a search, no state
    "Ukrainians are entitled to temporary protection.",  # no state named
    "Taking a job abroad may leave them less able to get asylum in the United States later.",  # no grant
    "Amid rumours that Moscow could soon shut the border, thousands left.",  # a rumoured prospect
    "The Danish navy will not turn the boats around.",  # negation
    "Critics said Ecuador isn't considering the exile's asylum request just to please voters.",  # one request, a motive
    "Lawyers said the order reverses the country's commitment to protect those fleeing danger.",  # no measure
])
def test_does_not_fire(run, text):
    types = {t for _, t in run(STORY + text)}
    assert not types & {"AsylumRestriction", "AsylumOffer", "EntryBan", "BorderBarrier"}


def test_prospect_in_an_aside_does_not_suppress(run):
    text = ("Planned for months amid fears, Canada's rule would bar migrants from entering Canada until "
            "their cases were settled.")
    assert ("CA", "EntryBan") in run(STORY + text)


def test_port_of_entry_closed(run):
    text = ("Thousands of migrants camped under a bridge in Texas. U.S. Customs and Border Protection closed the "
            "Riverton Port of Entry, sending lorries to a bridge further east.")
    assert ("US", "EntryBan") in run(STORY + text)


def test_port_of_entry_will_close(run):
    text = ("Thousands of migrants camped under a bridge in Texas, and U.S. officials struggled to process them. "
            "U.S. officials said the Riverton port of entry will temporarily close.")
    assert ("US", "EntryBan") in run(STORY + text)


@pytest.mark.parametrize("text, pair", [
    ("Turkey prevented 500 migrants from crossing into Greece.", ("TR", "EntryBan")),
    ("Libya's coast guard stopped the migrants from reaching Italy.", ("LY", "EntryBan")),
])
def test_entry_into_another_state_is_no_entry_ban(run, text, pair):
    assert pair not in run(STORY + text)
