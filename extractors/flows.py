"""Migration flows: people moving from an origin country to a destination country.

``extract_flows(doc, assertions)`` reads each sentence with token rules (the pipeline has no
parser): country mentions get a role from the words just before them ("from" → where people
left from, "into"/"to" after a movement verb → where they went, "through"/"via" → transit,
a demonym on a group noun → the group's origin), movement verbs negated or put in a
hypothetical ("would", "plan to", "might") count for nothing, and a sentence yields one Flow
per (origin, destination) pair it states, with the transit legs it makes explicit. Crowds at
a border ("migrants gathered at the border between X and Y") give a flow whose direction comes
from the rest of the document. Lexicons live in ``extractors/data/flows.json``.

Why each rule exists:
- the document's main origin (the country most often left or named as refugees' nationality)
  fills a sentence that names only a destination ("more than a million people crossing into
  Poland"), but never when the sentence names another nationality, a region of origin, a
  deportation, an army or only a state admitting someone;
- "first travelled to X ... enter Y" and "to X and then to Y" make X a transit leg of Y;
- "Iraqis ... tried to enter the EU from Turkey" says the Iraqis were in Turkey;
- a border authority or a country that counts arrivals "from X" is where they arrive;
- crossings with fixed sides (the Channel, the Rio Grande) name their pair;
- flows need people: planes, embassies, goods and troops move too.

Rules added so that the reading holds on other outlets' wording:
- "travelling through X to seek asylum in Y": seeking asylum after a reported journey is where
  people go (a bare "a visa to seek asylum" is still only a purpose);
- "transit X on their way to Y" makes X a transit leg; "found refuge in Y" is an arrival;
- "their home countries of A, B and C" and "the people crossing are from A" name origins, and
  origins listed together next to a journey share the destinations the document gives one of
  them (never under a ban: "barred entry of nationals from A, B and C");
- "refugee camps in X" hold the document's main refugees; "refugees living in X, Y and Z" share
  the nationality named before the list;
- a demonym before a place noun ("the Libyan coast", "a Greek island", "a Kenyan refugee camp")
  is a place in that country, not a group; an unknown town keeps the cue before it ("from the
  port of X in Belgium to Y, England");
- a country that registers refugees from X, or closes its border to arrivals from X, is where
  they arrive; a country that "has taken in 1.5 million refugees" takes the main origin's;
  migrants encountered or apprehended at a border cross it, also at a "U.S.-Mexico border"
  the tokenizer keeps as one token; migrants who "were found" in a country got there.
- "fled X ... got as far as Y" names a destination; "have fled into ..." needs no group noun (only people
  flee); "into countries, mostly A B and C" is a list even without its comma;
- "N migrants are in X, almost all from A and B" gives origins after the place the group is in; "a Cuban
  immigrant held in X" is located like "refugees in X";
- a reported deportation is a move (annotators read GUIDELINES literally): deporting state -> deportees'
  country ("Xs deported from A", "deported from A to B", "A deported N Xs", "deportees from X ... arriving
  from A", "X accepted N deportees"); a threat, plan, fear or fight against one is not ("threatened to deport");
- asylum applications place the applicants: "X received N applications", "applied to X for asylum", "applied
  for asylum in X", from the nationality the sentence gives or the main origin of a document about asylum;
- "sailed for the coast of the Italian island of X" reaches the country; the one nationality of a sentence
  naming no other origin is the mover's even after a long relative clause ("a Nigerian boy, who ..., trying to
  cross over to Italy");
- ethnic groups ("Rohingya") are origins in the deportation rule and located like refugees ("live in X");
- "a 30-year-old from X waited at the Texas border": a subnational place's border locates the group; "a Cuban
  immigrant" (an immigrant has arrived) is in the country the document's people went to (its destinations and
  the states deporting them), when the sentence names no other place and no ban;
- so do "the main countries of origin were A and B" (not "safe countries of origin") and "most refugees came
  from Asia, notably X"; a destination counts as the document's when it is named at least twice as often as
  the next one (admitting states named without an origin count too: "America resettled more refugees");
  with no such destination, a "countries of origin" list goes to the one receiving state the sentence names;
  a refugee is placed there too when the sentence names a place in it;
- "seeking protection from the U.S. government": the state asked is the host, not the origin;
- "Finland said 17,000 Russians crossed its border" (the speaker's border); "Border Patrol agents encountered
  200,000 migrants, many of them from X": an agency of one state (lexicon) places the people it stops;
  so do "Polish border guards" (demonym + border authority), also when the sentence names only where people
  came from; "X has seen an influx of Ys" goes to X; "fled X's Y region for Z" reaches Z;
- "asylum seekers from A and B are waiting/stuck in X": a group named by its origin list is located in X;
  "Mexican border towns" are in Mexico ("at the Polish border" stays unplaced: it is often the other side);
  "Rohingya now live in camps in X" (a longer walk back to the group); "Greek coast guards" place a boat's
  people like "Polish border guards"; "registered for temporary protection in X" is an application;
- "X said N Ys had crossed into the country" goes to X; "some/many/thousands have ..." are people;
- "migrants arriving at the U.S. southern border": a receiving state's border is where arrivals go (not for
  demonyms, see above); "others come from X", "many of them are from X" take the document's destination;
- "X agreed to take back migrants expelled from A" is A -> X; expelled diplomats, correspondents or teams are
  no flow, nor "sent back this information", a language ("written in Spanish") or a poll favouring deportation;
- "of the Xs who have fled, N are in Y"; "Ukrainian refugees ..., with A, B and C hosting the most" (the whole
  subject list); "Russians who fled ... now make up a community in Y".

Round 2 (readings checked on a set annotated blind to the extractors):
- a region is an origin only where people come from: at the end of a destination list ("fleeing to A, B and C,
  and increasingly North Africa and Europe") or right after "to" it is where they go; "barred from entering"
  (from + verb) names no origin;
- "the Syrian war/conflict/crisis" in a sentence about people is evidence of the document's main origin, and
  "refugees fleeing the Syrian conflict" left Syria (not when the sentence names another nationality or place);
- "A, B and C, the countries that send the most migrants" is a list of origins (people must be sent);
- "Eritrean and Sudanese nationals who crossed the border" reach the document's clear destination;
- "the gate at the border post between A and B"; climbing or scaling a border is crossing it; a border pair
  is oriented toward the side people go on from elsewhere in the document;
- "migrants crossed through X" with no other place is a transit leg to the document's clear destination;
- "citizens/nationals of A and B" and "A and B, whose citizens ..." name people of A and B; "a Central-American
  caravan" names a region;
- "people caravanning in southern Chad toward Libya": moving in X toward Y makes X a transit leg of Y;
- "a deportation amnesty/relief/moratorium" is no deportation.

Round 3 (constructions counted on 300 corpus articles, see the tally of round 11):
- "the family fled Eritrea last year", "many are fleeing violence in Mali": people who fled (escaped,
  emigrated from) a country went to the document's clear destination, when the sentence names no other place
  and has people in it (not "traders fleeing a crash").
- a host country: "X is hosting / X, which is home to / X, home to N Syrian refugees" and ethnic groups ("X is
  sheltering 900,000 Rohingya"); not an event on them ("hosting a summit on Syrian refugees");
- the make-up of the document's migrants: "the migrants, who are mostly from A", "mainly from A and B", "most of
  the migrants are from A" go to its clear destination (not "a ban on refugees from A");
- "Poland has taken in 2 million people fleeing the war in Ukraine": the country people fled is the admitted
  group's origin; "Some 300 Syrian refugees queue ... at a camp in Jordan", "migrants from A wait in B, C": a migrant
  group opening the sentence is in the one other country the sentence places it in (not tourists, not a topic:
  "a debate on Sudanese refugees was held in Paris", nothing planned or negated);
- a document that names no destination at all has its counted migrants in the country the story is set in
  (named three times and twice as often as any other): "about 1,500 Venezuelan migrants crossed a river" in a story
  set in Peru; not a program, an accusation ("charged with being migrants from A") or a hypothetical;
- people who fled a country are in the one other country the sentence places them in: "waiting in Oaxaca, Mexico,
  after fleeing Honduras", "fled Sudan and was granted asylum in France" (not hoped, planned or deported);
- "a boat/train bound for X" (the lemma of "bound" is "bind"); "crossed Serbia's northern border into Hungary"
  left Greece (without the "into" the border crossed is the one entered);
- "Finland's border guard said N Russians entered the country" (a country's border authority speaking);
  "pushed/forced/driven back" people are returned like "sent back" (deport_back lexicon);
- a counted plural demonym placed "in X" ("300,000 Eritreans in Ethiopia", "the number of Venezuelans in Peru"),
  not a few people ("two Syrians in Germany were arrested") nor citizens of a receiving state abroad;
- "queues at the border with Georgia as Russians tried to leave": a demonym after the border's other side names the
  people at it, not a second side;
- the share a nationality makes up of the document's migrants: "Iranians and Iraqis accounted for half of them",
  "Albanians made up a third of the arrivals", "many of those crossing are Venezuelans, Cubans and Nicaraguans";
- the document's main origin may be named once when it is the only one and names a group of people ("two Cuban
  asylum seekers"), not a court or a war;
- a deportation with no deporting state named anywhere is from the country the story is set in ("he was deported
  back to Haiti" in a story set in Canada); "deportation orders/cases/hearings" are none (deport_after_hedges);
  "loans/food/aid from X" names a donor, not where people left from.

Backoff tier (round 12; switch "backoff" in flows.json, MIGRAPH_FLOWS_BACKOFF=0/1 overrides; ``backoff=`` per call).
Each rule above needs its exact wording, and on unseen outlets most missed flows sit in documents where no rule
fired. After the rules, a sentence no rule flow covers is read by roles alone (lexicons under "backoff_lexicon"):
- it needs a movement cue (fled, crossed, landed, arrived, resettled, hosted, refugees, exodus ...) and people (a
  people noun, a moving group word, or a demonym the origin comes from); a hedge anywhere (negation, modal, plan,
  threat, ban, belief, opposition, "seeking to"), a deportation, an army or goods, or a mover that is no migrant
  (tourists, a team, a delegation, a visit, students) voids it;
- origin roles: a demonym or ethnic group on a people noun ("Afghan asylum seekers", "Eritrean, Somali and Sudanese
  migrants", "a Honduran,", counted plural "thousands of Syrians"), "from X" (not "aid/asylum from X"), "fled X",
  "from the Libyan coast"; not a topic ("a debate on Syrian refugees", "the Syrian refugee crisis");
- destination roles: "to/into/toward/reach/enter (neighbouring) Y" after a cue and not a purpose ("a visa to
  enter Y"), "in/at/near Y" after people or a cue, "bound for Y", "Y's border", "on a Greek island", and a hosting
  subject ("Y hosts", "Y and Z hosting", "Y has absorbed", "with Y taking in"); roles spread along "A, B and C";
- a pair needs both roles in the sentence, or "here"/"this country" for the story's state; a destination region
  ("into Europe") voids the pairs, and a country that is both ends ("displaced in Syria") is no origin;
- fallbacks (flows.json switches): origins with no destination go to the story's state when the rules name no
  other destination and the sentence has a movement verb or an arrival noun (backoff_story_state); in a document
  with no rule flow, a destination with no origin takes the document's main origin introduced before it
  (backoff_main_origin); origins of a sentence go to the destinations of the next one in the same paragraph
  (backoff_adjacent).
- round 14 (wordings missed in whole articles read by hand): the border a group crosses is the one it enters
  ("Iraqis crossed the Polish border", not "... the Russian border into Georgia", not a neighbour's demonym on the
  border of a story set elsewhere); a state's name on asylum is where it is sought ("seeking U.S. asylum", "U.S.
  asylum seekers"); "X ranks among the countries of origin" is an origin; "the Canadian government has resettled"
  admits; "to avoid the draft" is a reason for leaving, no hedge; "Hondurans to cross" is a moving plural.
  Rules: people between a sending verb and "back" return them ("forced 42,000 applicants back into Mexico",
  "sent the migrants back to Libya"; not "pushed them back", a border pushback dev annotators read as policy, nor
  "by sending him back"); a demonym border authority ("Polish border guards", "Greek coast guards") deports.
  Tier: "fled a threat of violence in X", "escaping conflict in X" make X an origin (a danger noun between the verb
  and "in"; "threat" there is no hedge), and "she fled ..." has people, so the story's state receives them;
  "left X" is a departure cue, relatives ("her daughter", "his wife") are people, and "after receiving threats"
  following a departure is its reason, no hedge; the month "May" is no hedge. The story's state receives no
  group when the document only names it as a country people leave (an opinion piece on Mexican emigrants).
  The document's main origin named by a bare plural demonym "in" a country ("Ukrainians in Germany have found
  jobs") is a group located there (not "ethnic Ukrainians in Russia", not another nationality, not hedged).
  "A and B, from which most newcomers flee" names origins; the story's state also receives groups
  when the rules send people on from it (a caravan story set in Mexico: MX -> US is a transit leg, not another
  destination); "walking" is a cue. States set after a group of people by "chiefly/mainly" ("Central Americans --
  chiefly Guatemala and Honduras") are its origins; "nearing 3 million" is no hedge.
  Rules: a military word in a clause describing people by their service ("Afghans who worked with U.S. forces
  were evacuated to Qatar") neither makes the sentence military nor blocks the movement verb after it.

Round 17 (recall on other outlets, constructions written out as invented sentences in tests/test_flows_recall.py):
- transit: a list of transit countries is a journey in stages (O -> A, A -> B, B -> D, O -> D; alternatives "or" and
  examples "countries like" stay parallel), "and finally into X" ends the list, a transit with no destination is
  still a leg for a group ("refugees from A walked through B"), "fled to X and have since moved on to Y";
- places: an unknown town before its state after "in/at" ("arrived in Del Rio, Texas"), a group held, stranded or
  camped "on" an island or "on the X side of the border", "arrived at the train station in X", groups waiting,
  sleeping or gathered in a place with their origins after it, "In X, the number of Ys crossing the border";
- the document's migrants: "they/those/people came from A, B", "coming from Central America — A, B and C", "the
  migrants, many from X,", "most of those on board were from X", "most reached X" after a group;
- moves: "march toward X", "thousands more are expected to arrive", returns ("returned home from Y" is Y -> the
  group's country), a state repatriating its own citizens receives them, a passive pushback's agent ("by Turkish
  authorities") deports, a deportation "to Y" goes only to Y, "asylum claims by Xs in Y", crossing "attempts".
Round 20 (general mechanisms for recall on unseen articles; tests/test_flows_r20.py):
- negation and future written with curly apostrophes ("didn’t", "won’t", "’ll") block a move like "didn't";
- backoff hedges are scoped: a hedge voids a pair only between its roles and cue or a few tokens before them
  (backoff_hedge_scope), and a lone origin or destination also a few tokens after it (backoff_hedge_after), not
  anywhere in a long sentence; "asylum claims" is no hedge, "bar refugees from entering" is one;
- a state, or its demonym or possessive before its agents, that detains, arrests, intercepts or rescues migrants of
  a nationality places them there ("Greek police arrested 40 Afghan migrants", "Mexico detained migrants from A
  and B"; flows.json stopped_by_state).

Round 21 (tests/test_flows_r21.py):
- a sentence with no movement word that says where the document's people come from ("the children, mostly from A
  and B, were held", "a Congolese woman", "Mexican nationals") places them in the story's state, when the origin
  names people, the sentence no other country, and no hedge, deportation or non-migrant voids it;
- the backoff tier reads sentences with a deportation word; the word voids a pair in its own clause only;
- "After the Irish, ... arrivals from Germany": a nationality in an opening phrase of comparison is no mover.
Round 22 (tests/test_flows_r22.py):
- in a document about migrants, people of a nationality placed "in"/"at" a place of one other country moved there
  ("a Honduran mother waited in Tijuana"; not travellers held abroad, suspects, purposes, dual nationalities);
- a person introduced with an origin ("Rosa, 29, is from Honduras.") goes where the next sentence of the paragraph,
  opening on a pronoun or "the family", moves them;
- a state's agents stopping plain people nouns on the move ("people crossing from Mexico") place them, also when
  the state is named only inside its agents' entity ("Greek police").
Round 23 (tests/test_flows_r23.py):
- people placed in a country may have a list of origins after "from" ("migrants from A, B and C ... in X") and be
  placed "on" a place named by a demonym ("on an Austrian motorway", "on a Greek island");
- "sent N asylum seekers back to X" has people before "back" ("asylum" and hyphens sit inside the group's phrase).
Round 25 (classes of misses on 30 articles annotated before the extractor ran; tests/test_flows_r25.py):
- "from countries like / nations such as / places including A, B and C" is an origin list, and a later item may
  open with an article ("A, B, the Philippines and C");
- a movement noun before "from"/"to" a country ("net migration from X fell") is a move with people, unless the
  sentence is about rules on it or a debate over it; "immigrated", "sneaked" need no people noun;
- immigrants, children and caravans at a two-country border are a crowd there, travelling to or breaching it is
  context, a capitalised program name ("Childhood Arrivals") is not.
Round 32 (20 fresh U.S. border and caravan articles; tests/test_flows_r32q2h.py): "were turned back to X" returns
people; origin lists after "those detained ... are from", "of these, N were from" and a region named before its
members ("from the Andean region, which includes A and B"); "without having sought asylum in X" is no move to X;
a frequency adverb between a host and its admission verb; "the <place> border with X" is the place's country's;
people approaching, and "crossings of", a two-state border cross it.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, compress
from operator import or_

from spacy.tokens import Doc, Span, Token

from extractors import flow_scorer
from extractors.assertions import DocumentAssertions, Flow, Quantity, TimeExpression
from extractors.doccache import (
    class_positions,
    doc_entities,
    doc_lemmas,
    doc_lowers,
    doc_sentences,
    doc_text,
    doc_texts,
    lower_text,
    word_class,
)
from extractors.entities import doc_index, evidence_for, span_extension
from extractors.events import positions_in
from extractors.gazetteer import gazetteer, load_json
from extractors.names import lookup_lemma
from extractors.policies import doc_word_set
from extractors.topic import on_topic

EXTRACTOR = "migraph.flows"
GOV_WINDOW = 10  # tokens between a movement verb and the preposition it governs
WEAK_WINDOW = 3
BLOCK_WINDOW = 9
NOUN_USE_NEXT = {"and", "or", "who", "have", "has", "had", "are", "were", "from", "in", "to", "into", "fleeing",
                 "trying", "seeking", "living", "now", "also", "still", "already", "continue", "continued"}
MIN_PLACE_POPULATION = 100_000  # geonames places; curated places (population 0) always count
TRANSPORT_VERBS = {"bring", "brought", "carry", "ferry", "transport", "smuggle", "fly", "flew", "flown"}
ADMIT_HEDGES = {"seek", "seeking", "seeks", "sought", "try", "trying", "tries", "propose", "proposed", "proposal",
                "push", "pushing", "urge", "offer", "offered", "ready", "willing", "agree", "agreed"}
SEQUENCE_CUES = {"first", "then", "before", "after", "later", "en", "onward", "onwards", "eventually", "finally"}
HEAD_NEXT = {"to", "for", "towards", "toward", "north", "northward", "south", "southward", "east", "west", "home",
             "back", "into", "across", "out", "abroad", "off", "straight", "directly", "through", "via", "over"}
FACILITY_WORDS = {"the", "a", "an", "main", "central", "train", "bus", "railway", "ferry", "reception", "transit",
                  "station", "airport", "port", "terminal", "camp", "shelter", "centre", "center", "hall", "stadium"}
MARCH_NEXT = {"to", "toward", "towards", "into", "north", "northward", "across", "through", "from"}
GOV_STOPS = {".", ";", "said", "says", "told", "after", "because", "when", "while", "since", "although", "but",
             "whereas"}
NAT_WINDOW = 15  # a nationality further than this from the movement word belongs to someone else
CARRIERS = {"flights", "flight", "boats", "boat", "ships", "ship", "planes", "plane", "buses", "bus", "trains", "train",
            "dinghies", "dinghy", "vessels", "vessel", "ferries", "ferry", "charters", "caravan", "caravans"}
PLACE_HEADS = {"coast", "coasts", "shores", "shore", "territory", "town", "city", "village", "region", "island",
               "islands", "capital", "state", "province", "part", "parts", "side", "soil", "mainland", "republic",
               "kingdom",
               "port", "border", "district", "enclave", "exclave", "outskirts", "south", "north", "east", "west"}
SETTLED = {"community", "communities", "diaspora",
           "living", "live", "lives", "lived", "staying", "stay", "stays", "settled", "settle", "sheltering",
           "residing", "reside", "camps", "camp", "shelters", "shelter", "housed", "stranded", "registered"}
SPEECH = {"say", "says", "said", "report", "reports", "reported", "estimate", "estimates", "estimated", "count",
          "counted", "record", "recorded", "register", "registered", "announce", "announced", "seen", "saw", "sees",
          "received", "receives", "logged", "detected"}
SEQUENCE_BREAKS = {"then", "later", "eventually", "finally", "onward", "onwards", "afterwards"}
ATTEMPT_VERBS = {"try", "tried", "trying", "tries", "attempt", "attempted", "attempting", "seek", "sought", "seeking",
                 "manage", "managed", "continue", "continued", "continuing", "begin", "began", "begun", "start",
                 "started", "starting", "force", "forced", "decide", "decided", "choose", "chose", "opt", "opted",
                 "allow", "allowed", "permit", "permitted", "able", "struggle", "struggled", "rush", "rushed",
                 "scramble", "scrambled", "race", "raced", "go", "went", "used", "pay", "paid", "risk", "risked",
                 "leave", "left", "flee", "fled", "set", "travel", "travelled", "traveled", "flew", "come", "came",
                 "compelled", "obliged", "made", "got", "get", "getting", "managing",
                 "moved", "attempts"}
DEMONYM_PLACES = {"coast", "coasts", "coastline", "shore", "shores", "beach", "beaches", "island", "islands",
                  "territory", "soil", "waters", "mainland", "port", "ports", "capital", "side", "highway", "motorway",
                  "city", "town", "village", "countryside", "enclave", "enclaves", "exclave", "province", "region"}
COUNT_VERBS = {"registered", "recorded", "counted", "logged", "registers", "records", "counts", "logs"}
BORDER_ACTIONS = {"closed", "shut", "sealed", "fortified", "reinforced", "tightened", "closes", "shuts", "seals"}
BORDER_NEGATORS = frozenset({"not", "n't", "n’t", "never"})  # "do not come across the A-B border" (r32 audit)
EVACUATION_LEMMAS = {"evacuate", "evacuated", "airlift", "airlifted", "repatriate", "repatriated"}
ADVISED_AGAINST = {"avoid", "reconsider", "against", "non-essential", "nonessential", "unnecessary"}
LEFT_AS_NOUN = {"the", "far", "hard", "radical", "political", "populist"}  # "left" after these is no verb (r32 audit)
HOME_NOUNS = {"country", "countries", "nation", "nations", "homeland", "homelands", "land", "lands"}
BORDER_OBJECTS = {"fence", "fences", "wall", "walls", "crossing", "crossings", "line", "area", "region", "zone",
                  "river", "strip", "checkpoint", "checkpoints", "gate", "gates", "bridge", "bridges", "post",
                  "posts"}
LIST_OPENERS = {"including", "such", "like", "notably", "mainly", "mostly", "especially", "primarily", "chiefly",
                "particularly", "namely"}
AIRCRAFT = {"flights", "flight", "airlines", "airline", "planes", "plane", "jets", "jet", "aircraft", "airliner",
            "airliners", "carriers"}
BE_FORMS = {"be", "been", "being", "was", "were", "is", "are", "get", "got", "gets", "getting"}
AUXILIARIES = BE_FORMS | {"had", "has", "have", "been"}
REGION_PREFIXES = {"central", "latin", "south", "north", "meso", "pan", "anglo"}
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "but", "while", "whereas", "although", "because", '"', "“", "”"}
QUANTIFIED = {"others", "many", "most", "some", "them", "majority"}  # "others come from X" (the document's people)
STOPPED_VERBS = {"encountered", "apprehended", "intercepted", "arrested", "caught", "detained", "processed"}
PEOPLE_VERBS = {"flee", "fled", "fleeing", "emigrate", "emigrated", "emigrating"}  # only people do these
LOCATED_ORIGIN = {",", "almost", "nearly", "virtually", "all", "most", "many", "mostly", "mainly", "largely", "of",
                  "them", "whom", "predominantly", "primarily", "overwhelmingly", "chiefly", "from"}
BORDER_PLACES = {"town", "towns", "city", "cities", "village", "villages"}  # "Mexican border towns" are in Mexico
ATTACK_NOUNS = {"airstrikes", "airstrike", "bombing", "bombings", "bombs", "bombardment", "raids", "drones"}
COUNTED_MOVES = {"attempts", "crossings", "arrivals", "entries", "applications", "departures", "apprehensions",
                 "encounters", "refugees", "migrants", "asylum-seekers", "seekers"}


@dataclass(frozen=True)
class _Lex:
    kind: dict[str, str]  # trigger word -> depart | move | arrive | admit
    weak: frozenset[str]
    particles: dict[str, str]
    seek_objects: frozenset[str]
    deport: frozenset[str]
    deport_moves: frozenset[str]  # deportations read as flows, deporting state -> deportees' country
    deport_back: frozenset[str]  # "sent back", "flown back"
    deport_back_object: frozenset[str]  # "sent 200 migrants back": not push (a pushback at a border is policy)
    deport_hedges: frozenset[str]  # "faces deportation", "fought deportation": none happened
    deport_after_hedges: frozenset[str]  # "a deportation amnesty": none happens
    deport_receivers: frozenset[str]  # "X has accepted 6,000 deportees"
    deport_not_migrants: frozenset[str]  # "Russia expelled ten diplomats": expulsions that are no migration
    application_nouns: frozenset[str]  # asylum "applications", "claims"
    application_verbs: frozenset[str]  # "applied to X for asylum"
    application_receivers: frozenset[str]  # "X received 19,000 applications"
    national_authorities: tuple[tuple[tuple[str, ...], str], ...]  # ("border", "patrol") -> US
    block: frozenset[str]
    military: frozenset[str]
    flow_groups: frozenset[str]
    refugee_groups: frozenset[str]
    ethnic_origin: dict[str, str]
    region_origin: frozenset[str]
    fillers: frozenset[str]
    joiners: frozenset[str]
    in_fillers: frozenset[str]
    subject_fillers: frozenset[str]
    border_words: frozenset[str]
    border_context: frozenset[str]
    border_people: frozenset[str]
    crisis_words: frozenset[str]
    origin_events: frozenset[str]  # "the Syrian war": evidence of the document's main origin
    border_authorities: tuple[tuple[str, ...], ...]
    receiving: frozenset[str]
    waterways: dict[tuple[str, ...], tuple[str, str]]
    waterway_heads: frozenset[str]
    max_group_len: int
    country_parts: dict[str, str]
    region_phrases: tuple[list[str], ...]  # the multi-word regions of ``region_origin``, as word lists
    region_firsts: frozenset[str]  # the words a region can begin with: a sentence without one names none
    group_modifiers: frozenset[str] = frozenset()  # "asylum" in "sent asylum seekers back" (_group_modifier)


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = load_json("flows.json")
    kind: dict[str, str] = {}
    for k in ("move", "depart", "arrive", "admit"):  # later kinds win: "resettle" is admit
        for word in data["triggers"][k]:
            kind[word] = k
    groups = frozenset(data["flow_groups"])
    return _Lex(
        kind=kind,
        weak=frozenset(data["weak_triggers"]),
        particles=dict(data["admit_particles"]),
        seek_objects=frozenset(data["seek_objects"]),
        deport=frozenset(data["deport"]) | frozenset(data["deport_moves"]),
        deport_moves=frozenset(data["deport_moves"]),
        deport_back=frozenset(data["deport_back"]),
        deport_back_object=frozenset(data["deport_back_object"]),
        deport_hedges=frozenset(data["deport_hedges"]),
        deport_after_hedges=frozenset(data["deport_after_hedges"]),
        deport_receivers=frozenset(data["deport_receivers"]),
        deport_not_migrants=frozenset(data["deport_not_migrants"]),
        application_nouns=frozenset(data["application_nouns"]),
        application_verbs=frozenset(data["application_verbs"]),
        application_receivers=frozenset(data["application_receivers"]),
        national_authorities=tuple((tuple(k.split()), v) for k, v in data["national_authorities"].items()),
        block=frozenset(data["block"]),
        military=frozenset(data["military"]),
        flow_groups=groups,
        refugee_groups=frozenset(data["refugee_groups"]),
        ethnic_origin=dict(data["ethnic_origin"]),
        region_origin=frozenset(data["region_origin"]),
        fillers=frozenset(data["fillers"]),
        joiners=frozenset(data["joiners"]),
        in_fillers=frozenset(data["in_fillers"]),
        subject_fillers=frozenset(data["subject_fillers"]),
        border_words=frozenset(data["border_words"]),
        border_context=frozenset(data["border_context"]),
        border_people=frozenset(data["border_people"]),
        crisis_words=frozenset(data["crisis_words"]),
        origin_events=frozenset(data["origin_events"]),
        border_authorities=tuple(tuple(a.split()) for a in data["border_authorities"]),
        receiving=frozenset(data["receiving_countries"]),
        waterways={tuple(k.split()): (v[0], v[1]) for k, v in data["waterways"].items() if not k.startswith("_")},
        waterway_heads=frozenset(k.split()[0] for k in data["waterways"] if not k.startswith("_")),
        max_group_len=max(len(g.split()) for g in groups),
        country_parts={k: v for k, v in data["country_parts"].items() if not k.startswith("_")},
        region_phrases=tuple(r.split() for r in data["region_origin"] if " " in r),
        region_firsts=frozenset(r.split()[0] for r in data["region_origin"]),
        group_modifiers=frozenset(data.get("group_modifiers", ())),
    )


@dataclass
class _Mention:
    """A country named in a sentence, by name, demonym or a place inside it."""

    start: int  # token indices in the doc
    end: int
    iso: str
    kind: str  # name | demonym | place
    role: str | None = None  # SRC | DST | VIA | NAT | REFIN | LOC | ADJ
    trigger: int | None = None  # token index of the movement word that gives the role
    first: bool = False  # "first travelled to X": an earlier leg than the others
    after_break: bool = False  # "... and then to X": a later leg than the country before it


@dataclass
class _Sentence:
    span: Span
    mentions: list[_Mention]
    triggers: dict[int, str]  # token index -> kind, unblocked movement words only
    region_origin: bool
    has_group: bool
    military: bool
    deport: bool  # a deportation word: "sent to Guatemala" is not where the document's emigrants go
    ents: list[Span]
    ethnic: list[tuple[int, str]]  # (token, origin country) of ethnic groups named ("Rohingya")


def _word(tok: Token) -> str:
    return tok.lower_


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@lru_cache(maxsize=1)
def _new_life() -> dict[str, frozenset[str]]:
    """flows.json "new_life": each noun of a new life and the words it needs right before it."""
    data = load_json("flows.json").get("new_life", {})
    return {w: frozenset(data.get("before", ())) for w in data.get("nouns", ())}


PROTECTION_GRANTS = frozenset({"grant", "granted", "granting", "grants", "give", "gave", "given", "giving", "offer",
                               "offered", "offering", "extend", "extended"})  # round 28
PROTECTION_OBJECTS = frozenset({"asylum", "protection", "refuge", "sanctuary", "refugee"})


FEELING_NEXT = {"move": frozenset({"by"})}


TARGETING_WORDS = frozenset({"targeting", "targeted", "targets", "targetting"})
"""Words before a people noun of movement ("travelers", "visitors") that make the people a measure's object (r31)."""

MEASURE_HEADS = frozenset({"ban", "bans", "restriction", "restrictions", "advisory", "advisories", "curbs", "warning",
                           "warnings", "document", "documents", "industry", "insurance", "hall", "halls", "lounge",
                           "lounges", "terminal", "terminals"})
"""Nouns a movement word modifies when it names a measure, a trade or a room, not people moving ("the travel ban on
nationals of A", "travel documents", "the travel industry", "the arrivals hall": passengers of any flight)."""


TITLE_CASE_SHARE = 0.8
"""Share of a line's longer words (four letters or more) capitalised in a headline written in title case."""


def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether token i stands in a headline written in title case ("Syrians Seek Refuge In Jordan And Lebanon"),
    where a capitalised verb is no part of a name (r32 pages pilot). The line is the sentence of token i cut at line
    breaks; it needs three or more longer words besides its first, nearly all capitalised."""
    texts = doc_texts(doc)
    sent = doc[i].sent
    start, end = i, i + 1
    while start > sent.start and "\n" not in doc[start - 1].whitespace_ and "\n" not in texts[start - 1]:
        start -= 1
    while end < sent.end and "\n" not in doc[end - 1].whitespace_ and "\n" not in texts[end]:
        end += 1
    longer = [t for t in texts[start + 1:end] if len(t) >= 4 and t[:1].isalpha()]
    return len(longer) >= 3 and sum(t[:1].isupper() for t in longer) >= TITLE_CASE_SHARE * len(longer)


def _trigger_kind(doc: Doc, i: int, end: int, lex: _Lex) -> str | None:
    """The movement kind of token i, if it is a movement word in this use."""
    W, L = doc_lowers(doc), doc_lemmas(doc)
    word, lemma = W[i], L[i]
    kind = lex.kind.get(word) or lex.kind.get(lemma)
    if kind is None:
        return None
    if lemma == "travel" and i > 0:
        k = i - 1
        while k > 0 and W[k] in {'"', "“", "”", "'", "’", "‘"}:
            k -= 1
        if W[k] in ADVISED_AGAINST:
            return None  # "told citizens to reconsider travel to X", "advised against travel": an advisory (r32 audit)
    if word == "left" and i > 0 and W[i - 1] in LEFT_AS_NOUN:
        return None  # "voters on the left", "the far left": the political side, nobody left anywhere (r32 audit)
    if word == "left" and _passive_left_r37(W, i):
        return None  # r37: "500 more were also left in A", "had been left stranded": put or kept there, not gone
    if lemma in PROTECTION_GRANTS or word in PROTECTION_GRANTS:
        # "Germany granted asylum to 5,000 Syrians": a state giving protection admits the group; not money or time
        return "admit" if any(w in PROTECTION_OBJECTS for w in W[i + 1:min(i + 4, end)]) else None
    if word in (life := _new_life()) and (i == 0 or W[i - 1] not in life[word]):
        return None  # "life in Syria is hard"; "a new life in Canada" is where people went
    if doc_texts(doc)[i][:1].isupper() and i > 0 and not doc[i - 1].is_sent_start and not doc[i - 1].is_punct and (
            not _title_case_line(doc, i)):
        return None  # "Land Rover", "Welcome Centre": part of a name
    k = i - 1
    while k >= 0 and W[k] in AUXILIARIES:
        k -= 1
    if k >= 0 and W[k] in lex.military and not _in_service_clause(W, k, max(0, k - 7)):
        return None  # "the embassy moved to", "troops crossed into": things and armies, not migrants
    if k >= 0 and W[k] in AIRCRAFT and lemma in {"fly", "land", "depart", "head", "arrive", "flew", "flown"}:
        return None  # "jets flying to and from Lisbon": planes, whoever is on them
    particle = lex.particles.get(word) or lex.particles.get(lemma)
    if particle:  # "take in", "let in"
        following = W[i + 1:min(i + 4, end)]
        if lemma == "take" and following[:1] and following[0] in TAKE_REFUGE_R38:
            return "arrive"  # r38: "have taken refuge in A", like "sought refuge in A"
        if following[:1] == [particle] or (following[1:2] == [particle] and (
                following[0] in {"them", "him", "her", "us"} or following[0] in lex.flow_groups)):
            return "admit"  # "took in 3,000 refugees", "let them in"; not "took place in"
        passive = any(w in BE_FORMS for w in W[max(i - 9, 0):i])
        people = any(w in {"them", "him", "her"} or w in lex.flow_groups for w in W[i + 1:i + 3])
        return "move" if (passive or people) and "to" in following else None  # "were rescued and taken to Italy"
    if lemma in {"seek", "apply", "find"} or word in {"seeking", "sought", "applied", "found", "finding"}:
        following = set(W[i + 1:min(i + 4, end)])
        if following & lex.seek_objects:
            return "arrive"
        k = i + 2 if i + 1 < end and W[i + 1] in WORK_FILLERS else i + 1
        if k + 1 < end and W[k] in WORK_OBJECTS and W[k + 1] == "in":
            return "arrive"  # r34: "left A to find work in B", "seeking jobs in B" (not "finding work for people")
        if word == "found" and i >= 2 and W[i - 1] in BE_FORMS and any(
                w in lex.refugee_groups for w in W[max(i - 10, 0):i]):
            return "arrive"  # "the bodies of 12 migrants from Eritrea were found in a truck in Libya": they got there
        return None
    if lemma in {"set"}:
        following = set(W[i + 1:min(i + 3, end)])
        return "depart" if following & {"off", "out", "sail"} else None
    nxt_word = W[i + 1] if i + 1 < end else ""
    if nxt_word in MEASURE_HEADS and i + 1 < end and not doc_texts(doc)[i + 1][:1].isupper():
        return None  # "the travel ban to the US", "entry restrictions": the word names a measure (r31 audit)
    if lemma == "come" and nxt_word == "down":
        return None  # "it comes down to nicety"
    if lemma == "pass" and nxt_word not in {"through", "via", "into", "across", "over"}:
        return None  # "those who pass the checks"
    if lemma == "march" and (doc_texts(doc)[i][:1].isupper() or nxt_word not in MARCH_NEXT):
        return None  # "in March", "a march against the war": a walk only when it goes somewhere
    if lemma == "head" and nxt_word not in HEAD_NEXT:
        return None  # "heads of state", "head of the agency"
    if lemma == "continue" and not _continues_onward(W, i, end):
        return None  # r34: "prices continued to rise", "talks continue on Monday": no journey
    if lemma == "move" and nxt_word == "to" and i + 2 < end and doc_texts(doc)[i + 2].islower() \
            and W[i + 2] not in lex.fillers:
        return None  # "moved to end foreign aid": took steps, nobody went anywhere
    if lemma in FEELING_NEXT and nxt_word in FEELING_NEXT[lemma]:
        return None  # "Norwegians, deeply moved by the scenes": a feeling, nobody moved (r29)
    if lemma == "move" and nxt_word in {"the", "a", "an", "its", "his", "her", "their", "our"}:
        if i + 2 >= end or W[i + 2] not in lex.flow_groups:
            return None  # "moving the embassy to Jerusalem"
    if lemma in TRANSPORT_VERBS or word in TRANSPORT_VERBS:
        # "brought to the US as children", "smuggled into Italy": people are carried, not drugs or goods
        nxt = W[i + 1:min(i + 4, end)]
        passive = any(w in BE_FORMS for w in W[max(i - 3, 0):i]) or (
            lemma == "fly" or word in {"flew", "flown"}) and nxt_word in {"to", "into", "from", "out", "in", "back"} \
            or _coordinated_passive_r35(W, i)  # "were taken off three boats and brought to X"
        people = any(w in {"them", "him", "her", "us", "people"} or w in lex.flow_groups for w in nxt) or any(
            t.endswith("s") and t in gazetteer().demonym_by_surface for t in doc_texts(doc)[i + 1:min(i + 4, end)])
        return kind if passive or people else None  # "smugglers ferried Eritreans to Yemen"
    if lemma in {"make", "made"}:
        following = W[i + 1:min(i + 4, end)]
        return "move" if "way" in following or following[:1] == ["it"] else None
    if lemma == "way":
        prev = set(W[max(i - 3, 0):i])
        return "move" if prev & {"on", "their", "his", "her", "our"} else None
    if lemma in {"house", "land", "host", "flood", "stream", "pour", "surge", "flow", "route", "trip", "bound"}:
        # ambiguous nouns/verbs: "the house", "land border", "host country" are not movement
        if i > 0 and W[i - 1] in {"the", "a", "an", "of", "by", "land", "sea", "air"} and lemma in {
                "house", "land", "host"}:
            return None
    return kind


PASSIVE_LEFT_ADVERBS_R37 = frozenset({"also", "just", "then", "simply", "reportedly", "apparently", "all", "later"})


def _passive_left_r37(W: list[str], i: int) -> bool:
    """r37: "left" after a form of "be" (adverbs between): people were left somewhere, they did not leave it."""
    k = i - 1
    while k >= 0 and i - k <= 3 and W[k] in PASSIVE_LEFT_ADVERBS_R37:
        k -= 1
    return k >= 0 and W[k] in BE_FORMS


def _coordinated_passive_r35(W: list[str], i: int) -> bool:
    """r35: a participle joined by "and" to a passive before it in the same clause: "were taken off the boats
    and brought to X", "were rescued at sea and flown to Y" (a form of "be" up to ten words back, no break)."""
    if i < 3 or W[i - 1] != "and":
        return False
    for k in range(i - 2, max(i - 11, -1), -1):
        if W[k] in CLAUSE_BREAKS or W[k] in {".", "and", "who", "which", "that"}:
            return False
        if W[k] in {"was", "were", "been", "being"}:
            return W[k + 1].endswith("ed") or W[k + 1] in {"taken", "found", "picked", "caught", "seen", "spotted"}
    return False


def _blocked(doc: Doc, i: int, start: int, lex: _Lex, kind: str = "move") -> bool:
    """A movement word that is negated, hypothetical, planned or prevented."""
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    j = i - 1
    ongoing = i - 3 >= start and W[i - 2:i] == ["expected", "to"] and W[i - 3] in {"are", "were", "is", "was"} \
        and "more" in W[max(start, i - 20):i - 3]  # "thousands more are expected to arrive": a flow under way
    while j >= start and j >= i - BLOCK_WINDOW:
        text, word, lemma = T[j], W[j], L[j]
        if ongoing and j >= i - 2:
            j -= 1
            continue
        if text in CLAUSE_BREAKS or word in CLAUSE_BREAKS:
            break
        if text[:1].isupper() and j > start and not _opens_quotation(T, j):
            pass  # "May 1939", "Will Smith": names and months, not modals
        elif word in lex.block or lemma in lex.block:
            if _stops_a_flow(W, j, i):
                break  # "failed to halt the surge of refugees arriving in X": the arrivals happen
            return True
        elif word in TARGETING_WORDS and W[i].endswith(("ers", "ors")):
            return True  # "a ban targeting refugees and travelers from A and B": a measure's object, not movers

        if word in RELATIVE_WHO and _completed_relative(W, j, i):
            break  # r34: "police stopped migrants who had crossed from A into B": the crossing was done
        if j == i - 1 and word == "from":
            return True  # "banned people from coming", "stop them from entering"
        if word == "without" and _without_before(W, j, i):
            return True  # r32: "arrive without having sought asylum in X": a move that did not happen
        if j == i - 1 and word == "be" and j - 1 >= start and W[j - 1] == "to":
            return True  # r28: "a decision to allow 500 refugees to be brought to X": a passive infinitive, not done
        if j == i - 1 and word == "to" and i >= 2 and not (
                W[i - 2] in ATTEMPT_VERBS or L[i - 2] in ATTEMPT_VERBS) and not (
                kind == "arrive" and _journey_before(doc, i - 1, start, lex)) and not _caused_move(W, T, j, start):
            return True  # "the hardest route for an outsider to enter", "a visa to enter": purpose, not a report
        if kind == "admit" and (word in ADMIT_HEDGES or lemma in ADMIT_HEDGES):
            return True  # "is seeking to resettle": the government's aim, not people moving
        j -= 1
    return i + 1 < len(doc) and W[i + 1] in {"not", "n't", "n’t", "never"}


WORK_OBJECTS = frozenset({"work", "jobs", "employment"})
WORK_FILLERS = frozenset({"better", "new", "seasonal", "paid", "casual"})
CONTINUE_NEXT = frozenset({"through", "onward", "onwards", "northward", "northwards", "north", "across"})
CONTINUE_ON_NEXT = frozenset({"through", "to", "into", "toward", "towards", "north", "northward", "across"})
CONTINUE_JOURNEY = frozenset({"journey", "journeys", "trek", "trip", "travels"})


def _continues_onward(W: list[str], i: int, end: int) -> bool:
    """r34: "continue" is a leg of a journey only as "continue through/onward/north", "continue on through/to/into"
    or "continue their journey through/to" ("then they continue on through A and B into C")."""
    nxt = W[i + 1] if i + 1 < end else ""
    after = W[i + 2] if i + 2 < end else ""
    if nxt in CONTINUE_NEXT:
        return True
    if nxt == "on":
        return after in CONTINUE_ON_NEXT
    return nxt in {"their", "his", "her", "the"} and after in CONTINUE_JOURNEY


CAUSE_VERBS = frozenset({"forced", "forcing", "pushed", "pushing", "prompted", "prompting", "drove", "driven",
                         "driving", "compelled", "compelling", "spurred", "spurring"})
CAUSED_PEOPLE = frozenset({"thousands", "hundreds", "millions", "tens", "people", "men", "women", "children",
                           "families", "them", "many"})


def _caused_move(W: list[str], T: list[str], j: int, start: int) -> bool:
    """r34: "the fighting forced thousands of Syrians to flee to A", "fear pushed draft-age men to cross into
    A": a cause verb with people as its object (no clause break between) makes the "to"-infinitive at ``j`` a move
    that happened, not a purpose; a modal or hedge before the cause verb still blocks (the walk goes on)."""
    for k in range(j - 1, max(start, j - 10) - 1, -1):
        if T[k] in CLAUSE_BREAKS or W[k] in CLAUSE_BREAKS:
            return False
        if W[k] in CAUSE_VERBS:
            obj = W[k + 1:j]
            return any(w in CAUSED_PEOPLE or _is_group_lower(w) for w in obj) or any(
                t.endswith("s") and t in gazetteer().demonym_by_surface for t in T[k + 1:j])
    return False


RELATIVE_WHO = frozenset({"who", "that"})
COMPLETED_FILLERS = frozenset({"had", "have", "has", "already", "just", "recently", "earlier", "illegally",
                               "irregularly", "reportedly", "allegedly", "apparently", "previously"})


def _completed_relative(W: list[str], j: int, i: int) -> bool:
    """r34: "(stopped) migrants who had crossed", "a train carrying people that had entered": a relative clause
    whose movement word is in the perfect, only adverbs between, reports a done move; a blocker before the
    relative pronoun belongs to the main clause. Not "who had hoped to cross" (the nearer hedge blocks first)."""
    between = W[j + 1:i]
    return bool(between) and all(w in COMPLETED_FILLERS for w in between) \
        and any(w in {"had", "have", "has"} for w in between)


@lru_cache(maxsize=1)
def _without_skips() -> frozenset[str] | None:
    data = load_json("flows.json").get("without_r32")
    return frozenset(data["skips"]) if data else None


def _without_before(W: list[str], j: int, i: int) -> bool:
    """Whether "without" at ``j`` negates the movement word at ``i``: right before it or with only auxiliaries and
    adverbs between ("without having first sought asylum in X", "without applying for asylum in X"); round 32, off
    without flows.json "without_r32"."""
    skips = _without_skips()
    return skips is not None and all(W[k] in skips for k in range(j + 1, i))


@lru_cache(maxsize=1)
def _presupposed_flow() -> tuple[frozenset[str], frozenset[str]]:
    """flows.json "presupposed_flow": (verbs that stop something, flow nouns)."""
    data = load_json("flows.json").get("presupposed_flow", {})
    return frozenset(data.get("verbs", ())), frozenset(data.get("nouns", ()))


def _stops_a_flow(W: list[str], j: int, i: int) -> bool:
    """The blocking word at j stops a flow named between it and the movement word at i ("halt the surge of
    refugees arriving", "could not stop the wave of migrants entering Y"): its object is a movement under way, so
    the movement is stated, not prevented ("stop them from entering" has no flow noun and stays blocked)."""
    verbs, nouns = _presupposed_flow()
    if W[j] not in verbs:
        return False
    return any(W[k] in nouns and W[k + 1] == "of" for k in range(j + 1, min(j + 4, i - 1)))


QUOTE_OPENERS = frozenset({'"', "“", "‘", "'"})


def _opens_quotation(T: list[str], j: int) -> bool:
    """The word at j opens a quoted sentence (`He said, "If he comes back to X, ...`): capitalised because it starts
    a sentence, so "If", "Would", "May" there are the hedges they are at a sentence's start, not names."""
    return T[j - 1] in QUOTE_OPENERS


def _journey_before(doc: Doc, i: int, start: int, lex: _Lex) -> bool:
    """A reported journey just before "to" at i: "families travelling through Guatemala to seek asylum in Mexico"
    seek it where they go, unlike "a visa to enter"."""
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    for j in range(i - 1, max(start, i - BLOCK_WINDOW) - 1, -1):
        text, word, lemma = T[j], W[j], L[j]
        if text in CLAUSE_BREAKS or word in lex.block or lemma in lex.block:
            return False
        if (lex.kind.get(word) or lex.kind.get(lemma)) in {"move", "depart"} and text[:1].islower() and (
                word not in lex.weak and lemma not in lex.weak or W[j + 1] == "from" and lemma in {"come", "go"}):
            return True  # r34: a weak word with its origin ("had come from A or B to reach C") is a journey
    return False


def _mentions(doc: Doc, sent: Span, ents: list[Span], assertions: DocumentAssertions,
              parts: list[int], isos: list[str | None] | None = None) -> list[_Mention]:
    """Countries named in the sentence: its entities, and the country parts at ``parts`` no entity covers.
    ``isos``: the entities' ``_.iso`` when already read."""
    gaz = gazetteer()
    lex = _lex()
    W = doc_lowers(doc)
    boilerplate = doc_index(doc).boilerplate  # token._.in_boilerplate, read once per document
    doc_string = doc_text(doc)  # (once: each call checks the cache against the last token)
    found = []
    for k, ent in enumerate(ents):
        start_char, end_char = ent.start_char, ent.end_char
        # ent._.iso without an Underscore per entity
        iso = span_extension(doc, start_char, end_char, "iso") if isos is None else isos[k]
        if not iso or any(boilerplate[ent.start:ent.end]):
            continue
        kind_key = assertions.token_entities.get(ent.start)
        text, label = doc_string[start_char:end_char], ent.label_  # ent.text, without joining its tokens
        if ent.start > sent.start and W[ent.start - 1] in REGION_PREFIXES and text.startswith("America"):
            continue  # "Central America", "Latin Americans": a region, not the United States
        if text in {"American", "Americans"}:
            iso = "US"
        if label in {"GPE", "NORP"} and iso in gaz.countries:
            if kind_key and kind_key[0] not in {"Country", None}:
                continue
            found.append(_Mention(ent.start, ent.end, iso, "demonym" if label == "NORP" else "name"))
        elif label in {"LOC", "GPE", "FAC"} and iso in gaz.countries and text not in gaz.country_by_surface:
            place = gaz.places.get(span_extension(doc, start_char, end_char, "canonical") or text) \
                or gaz.places.get(text)
            if place is not None and 0 < place.population < MIN_PLACE_POPULATION:
                continue  # a small town or park whose name may stand for many places
            found.append(_Mention(ent.start, ent.end, iso, "place"))
    covered = {i for ent in ents for i in range(ent.start, ent.end)} if parts else set()  # (read for parts only)
    texts = doc_texts(doc)
    for i in parts:
        iso = lex.country_parts.get(texts[i]) if texts[i][:1].isupper() else None
        if iso and i not in covered and not boilerplate[i]:
            found.append(_Mention(i, i + 1, iso, "place"))
    return sorted(found, key=lambda m: m.start)


def _group_after(doc: Doc, i: int, end: int, lex: _Lex, skip: int = 2) -> int | None:
    """Index just past a flow-group noun within ``skip`` modifier tokens of i ("refugees", "asylum seekers")."""
    W, T = doc_lowers(doc), doc_texts(doc)
    j = i
    for _ in range(skip + 1):
        if j >= end:
            return None
        for n in range(lex.max_group_len, 0, -1):
            if j + n <= end and " ".join(W[j:j + n]) in lex.flow_groups:
                return j + n
        if doc[j].is_punct and T[j] != "-":
            return None
        j += 1
    return None


def _is_group_word(doc: Doc, i: int, lex: _Lex) -> bool:
    return _is_group_lower(doc_lowers(doc)[i])


@lru_cache(maxsize=65536)
def _is_group_lower(word: str) -> bool:
    """A flow-group noun or a refugee word in any number ("refugee" for "refugees")."""
    lex = _lex()
    return word in lex.flow_groups or word.rstrip("s") + "s" in lex.refugee_groups


DASHES = frozenset({"-", "—", "–"})
ASIDE_WINDOW = 12  # the longest aside between dashes skipped over


def _governing(doc: Doc, i: int, start: int, triggers: dict[int, str], lex: _Lex, window: int = GOV_WINDOW,
               blocked: frozenset[int] = frozenset()):
    """The movement word a preposition at i depends on: the nearest one before it, or None if a
    deportation word or nothing comes first. An aside between dashes right before the preposition, with no
    movement word of its own, is stepped over ("travelled from A - mainly from B - to the border")."""
    if not triggers:
        return None  # only a trigger is returned
    W, L = doc_lowers(doc), doc_lemmas(doc)
    j = i - 1
    while j >= start and j >= i - window:
        word, lemma = W[j], L[j]
        if word in DASHES and j == i - 1:  # "travelled from A - mainly from B and C - to the border": an aside
            opening = next((k for k in range(j - 1, max(start, j - ASIDE_WINDOW) - 1, -1) if W[k] in DASHES), None)
            if opening is not None and not any(k in triggers for k in range(opening + 1, j)):
                window += j - opening + 1  # the aside between the dashes does not count
                j = opening - 1
                continue
        if word in lex.deport or lemma in lex.deport:
            return None
        if word in GOV_STOPS or j in blocked:
            return None  # "sailed to Cuba, hoping to be granted entry to the US": the hoped-for entry governs
        if j in triggers:
            if (word in lex.weak or lemma in lex.weak) and i - j > WEAK_WINDOW + 2 and not _weak_from_phrase(W, j, i):
                return None
            return j
        j -= 1
    return None


FROM_PHRASE_STOPS = frozenset({",", ";", "to", "into", "toward", "towards", "and", "but", "who", "which", "that"})


def _weak_from_phrase(W: list[str], j: int, i: int) -> bool:
    """r34: "a dinghy carrying 30 migrants from the Libyan port of Zuwara to the island of Lampedusa": a weak
    movement word reaches a preposition past its short window when its own "from" phrase (within the window) runs
    up to it: a place phrase of at most eight words with no clause break or other goal between."""
    k = next((k for k in range(j + 1, min(i, j + WEAK_WINDOW + 3)) if W[k] == "from"), None)
    return k is not None and i - k <= 8 and FROM_PHRASE_STOPS.isdisjoint(W[k + 1:i]) \
        and GOV_STOPS.isdisjoint(W[k + 1:i])


def _following_trigger(doc: Doc, i: int, end: int, triggers: dict[int, str]) -> int | None:
    """A movement word shortly after i in the same clause."""
    if not triggers:
        return None
    W, T = doc_lowers(doc), doc_texts(doc)
    for j in range(i, min(i + 6, end)):
        if j in triggers:
            return j
        if T[j] in CLAUSE_BREAKS or W[j] in CLAUSE_BREAKS:
            return None
    return None


def _assign_roles(doc: Doc, sent: Span, mentions: list[_Mention], triggers: dict[int, str], lex: _Lex,
                  blocked: frozenset[int] = frozenset()) -> None:
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    start, end = sent.start, sent.end
    mentioned = {i for m in mentions for i in range(m.start, m.end)}
    whose = "whose" in W[start:end]  # (``_whose_people`` needs it: one scan, not one per country)
    for m in mentions:
        if m.kind == "name" and m.end < end and (W[m.end] in lex.military or W[m.end] in ATTACK_NOUNS):
            m.role = "ADJ"  # "fleeing U.S. airstrikes", "escaped Russia forces": an attacker, not a place left
            continue
        # the group's origin: "Ukrainian refugees", "Afghans", "Ukraine's refugees"
        if m.kind == "demonym" and any(o.kind == "demonym" and o.start == m.end for o in mentions) \
                and T[m.end][:8] in {"American", "Americans"}:
            m.role = "NAT"  # "Indian Americans": origin India; the second demonym is the new home
            continue
        if m.kind == "demonym" and m.start > start and any(
                o.kind == "demonym" and o.end == m.start for o in mentions) and T[m.start][:8] in {
                "American", "Americans"}:
            m.role = "ADJ"
            continue
        if m.kind == "demonym" and m.start >= 2 and T[m.start - 1] == "-" and W[m.start - 2] in {
                "anti", "pro", "non"} or m.kind == "demonym" and m.start >= 2 and T[m.start - 1] == "-" \
                and T[m.start][:8] in {"American", "Americans"} and W[m.start - 2] in {"central", "latin", "south"}:
            m.role = "ADJ"  # "anti-American attempts"; "a Central-American caravan" is a region, not the U.S.
            continue
        if m.kind == "demonym" and m.end < end and (W[m.end] in DEMONYM_PLACES or W[m.end] == "border" and W[
                m.end + 1:m.end + 2] and W[m.end + 1] in BORDER_PLACES) and not _surface(doc, m).endswith("s"):
            m.kind = "place"  # "from the Libyan coast", "through a Greek island": a place in the country
        elif m.kind == "demonym" and _demonym_place_list(doc, m, mentions, end):
            m.kind = "place"  # "landed on Greek, Italian and Maltese soil": each adjective of the list (r33)
        elif m.kind == "demonym" and _demonym_camp(doc, m.end, end):
            m.kind = "place"  # "two years in a Kenyan refugee camp": the camp is in Kenya
        if m.kind == "demonym":
            surface = _surface(doc, m)
            plural = surface.endswith("s") and not surface.endswith("ss")
            nxt = m.end
            if plural and (nxt >= end or not _is_group_word(doc, nxt, lex)):
                m.role = "NAT"
            elif m.start > start and W[m.start - 1] in {"to", "into", "in", "from"} \
                    and surface + "s" in gazetteer().demonym_by_surface:
                m.role = "ADJ"  # "came to American from Cuba" (sic): a slip for the country, not a group
            elif nxt >= end or nxt in triggers or (doc[nxt].is_punct and T[nxt] not in {"-", "–", "/"}) \
                    or W[nxt] in NOUN_USE_NEXT:
                m.role = "NAT"  # "Sudanese crossed", "Sudanese and Eritreans": the demonym names people
            elif _group_after(doc, nxt, end, lex) is not None:
                m.role = "NAT"
            else:
                m.role = "ADJ"
            continue
        if m.kind == "name" and whose and _whose_people(W, m, mentions, end):
            m.role = "NAT"  # "Honduras and Guatemala, whose citizens make up most of those crossing"
            continue
        if m.kind == "name" and m.end < end and W[m.end] == "refugees" and T[m.start][:1].isupper() and (
                m.start == start or W[m.start - 1] not in LOCATIVE_BEFORE_R37):
            m.role = "NAT"  # r37: "Ukraine refugees move on" (a country name used as the noun's modifier)
            continue
        if m.kind == "name" and m.end + 1 < end and T[m.end] in {"'s", "’s", "'"} \
                and _group_after(doc, m.end + 1, end, lex, skip=1) is not None:
            m.role = "NAT"
            continue
        # walk back over fillers to the cue word
        j = m.start - 1
        while j >= start and m.start - j <= 6 and W[j] != "of" and (
                W[j] in lex.fillers or T[j] == "," and W[j + 1] in LIST_OPENERS):
            j -= 1  # "to neighbouring countries, including Finland"
        if j >= start and W[j] in REGION_ASIDES:
            j = _past_region_aside_r35(W, T, j, start, m.start, lex)
        j = _past_small_place(doc, j, start, lex, mentioned)
        head_of = False  # "reached the coast of the Italian island": the verb's object is a place in the country
        if j >= start and W[j] == "of":
            if j - 1 >= start and W[j - 1] in {"citizens", "nationals", "natives"}:
                m.role = "NAT"  # "citizens of Honduras and Guatemala are entering the U.S."
                continue
            if j - 2 >= start and W[j - 1] in HOME_NOUNS and W[j - 2] in {"home", "native"}:
                m.role = "NAT"  # "escaping violence in their home countries of Mali and Niger"
                continue
            if j - 1 >= start and W[j - 1] == "out":
                gov = _governing(doc, j - 1, start, triggers, lex, blocked=blocked)
                if gov is not None:
                    m.role, m.trigger = "SRC", gov
                continue
            k = j - 1  # "the coast of Libya", "the border town of Siret": look past the head noun
            while k >= start and j - k <= 4 and k not in triggers and W[k] not in {
                    "to", "into", "from", "through", "via", "in", "off", "toward", "towards"}:
                k -= 1  # "reached the shores of Italy" stops at the verb
            if k < start or j - k > 4 or (k not in triggers and not all(
                    w in lex.fillers or w in PLACE_HEADS for w in W[k + 1:j])):
                continue  # "boycotts of Israel" is no place people go to
            j, head_of = k, True
        if j < start:
            continue
        cue = W[j]
        if m.kind == "place" and m.end < end and W[m.end] in {"border", "borders", "frontier"} \
                and cue in {"at", "near", "along", "reached", "reach", "reaching", "on"} \
                and T[m.start] not in gazetteer().demonym_by_surface:  # "at the Polish border" is often in Belarus
            m.role = "REFIN"  # "a 30-year-old from Peru waited at the Texas border": a place the group is in
            continue
        if m.kind == "name" and m.iso in lex.receiving and cue == "at" and W[m.end:m.end + 2] and (
                W[m.end] in {"border", "borders"} or W[m.end] in {"southern", "northern", "eastern", "western"}
                and W[m.end + 1:m.end + 2] == ["border"]):
            gov = _governing(doc, j, start, triggers, lex, window=4, blocked=blocked)
            if gov is not None and (triggers[gov] == "arrive" or L[gov] in {"cross", "gather", "mass"}):
                m.role, m.trigger = "DST", gov  # "migrants arriving at the U.S. southern border"
            continue
        if cue == "from":
            k = j - 1
            while k >= start and W[k] in {"mostly", "mainly", "predominantly", "largely", "many", "most", "almost",
                                          "nearly", "virtually", "of", "them", "whom", "overwhelmingly",
                                                     "all", "originally", "some", "including", "who", "are", "were",
                                                     "is", "was", "hail", "hailing", ","}:
                k -= 1
            if k >= start and (_is_group_word(doc, k, lex) or W[k] in {"come", "came", "comes", "coming"}
                               or W[k] == "old" and W[k - 2:k] == ["year", "-"]):  # "a 30-year-old from Peru"
                m.role = "NAT"
            elif any(w in {"them", "whom"} for w in W[k + 1:j]) and (any(_is_group_lower(w) for w in W[start:k]) or (
                    T[k].endswith("s") and T[k] in gazetteer().demonym_by_surface)):
                m.role = "NAT"  # "migrants, many of them from X"; "Central Americans, most of them from"
            elif k >= start and any(o.role == "REFIN" and o.end == k + 1 for o in mentions):
                m.role = "NAT"  # "immigrants are in X, almost all from A": the origin of the group located in X
            elif any(w in {"are", "were", "is", "was", "hail", "hailing"} for w in W[k + 1:j]):
                m.role = "NAT"  # "most of the people crossing the Channel are from Iran": who they are
            elif k >= start and (W[k] in lex.seek_objects or W[k] == "status") and m.end < end and W[m.end] in {
                    "government", "authorities", "officials", "state"}:
                gov = _governing(doc, j, start, triggers, lex, blocked=blocked)
                if gov is not None:  # "seeking protection from the U.S. government": the state asked is the host
                    m.role, m.trigger = "DST", gov
            elif k >= start and W[k] in _backoff_lex().donor_nouns:
                pass  # "loans from Germany", "food from Japan": a donor, not where people left from
            else:
                gov = _governing(doc, j, start, triggers, lex, blocked=blocked)
                if gov is None and k >= start and W[k] in CARRIERS:
                    gov = _following_trigger(doc, m.end, end, triggers)  # "flights from Sudan have carried ..."
                if gov is not None:
                    m.role, m.trigger = "SRC", gov
            continue
        if cue in {"to", "into", "towards", "toward", "for"}:
            gov = _governing(doc, j, start, triggers, lex, window=4 if cue == "for" else GOV_WINDOW, blocked=blocked)
            if gov is None and cue == "for":  # "fled Myanmar's Rakhine state for Bangladesh"
                gov = _governing(doc, j, start, triggers, lex, window=7, blocked=blocked)
                if gov is not None and L[gov] not in {"flee", "leave", "left", "fled", "escape", "depart"}:
                    gov = None
            if gov is None and cue in {"to", "into"}:
                # "went from the port of X in Belgium to Dover": the "to" of a from-to pair shares its verb
                gov = next((o.trigger for o in mentions if o.role == "SRC" and o.trigger is not None
                            and o.end <= j and j - o.end <= 2), None)
            if gov is None:
                continue
            if cue == "for" and L[gov] not in FOR_VERBS and W[gov] not in FOR_VERBS:
                continue  # "a boat bound for Yemen" (lemma "bind"), not "voted for Italy"
            if cue == "to" and triggers[gov] == "depart" and L[gov] in {"leave", "left", "desert"}:
                continue  # "left to join", "deserted to": not a destination
            m.role, m.trigger = "DST", gov
            m.first = "first" in W[max(gov - 3, start):gov]
            m.after_break = any(w in SEQUENCE_BREAKS for w in W[gov + 1:j])
            continue
        if cue == "far" and j - 1 >= start and W[j - 1] == "as":
            if j - 2 >= start and W[j - 2] == "from":  # r38: "some coming from as far as Y": where they started
                gov = _governing(doc, j - 2, start, triggers, lex, blocked=blocked)
                if gov is not None:
                    m.role, m.trigger = "SRC", gov
                continue
            gov = _governing(doc, j - 1, start, triggers, lex, blocked=blocked)
            if gov is not None:  # "fled X and got as far as Y": how far they went is where they are
                m.role, m.trigger = "DST", gov
            continue
        if cue == "on" and m.kind == "place":
            gov = _governing(doc, j, start, triggers, lex, window=3, blocked=blocked)
            if gov is not None and triggers[gov] == "arrive":
                m.role, m.trigger = "DST", gov  # "landed on a Greek island", "arrived on Italian shores"
            elif j - 1 >= start and W[j - 1] in lex.in_fillers and lex.block.isdisjoint(W[max(start, j - 8):j]):
                k = j - 1
                while k > start and j - k <= 8 and (W[k] in lex.in_fillers or W[k] in {"a", "an", "the", "being"}):
                    k -= 1
                if W[k] in lex.refugee_groups or W[k] == "," and any(o.role == "NAT" and k - 2 <= o.end <= k
                                                                      for o in mentions):
                    m.role = "REFIN"  # "migrants camped on the Belarusian side of the border", "held in a camp on X"
            continue
        if cue == "in" and W[j - 1] in HANDED_OFFICIALS \
                and (handed := _handed_to_officials_r35(doc, j, start, triggers, lex, blocked)) is not None:
            m.role, m.trigger = "DST", handed  # "brought to immigration officials in Dover" (r35)
            continue
        if cue == "in":
            gov = _governing(doc, j, start, triggers, lex, window=4, blocked=blocked)
            k = j - 1
            while gov is None and k > start and j - k <= 6 and W[k] in FACILITY_WORDS:
                k -= 1  # "arrived at the main train station in Berlin": the station is in the place reached
            if gov is None and k < j - 1 and W[k] in {"at", "in"} and triggers.get(k - 1) == "arrive":
                gov = k - 1
            if gov is not None and triggers[gov] == "depart":
                m.role, m.trigger = "SRC", gov
            elif gov is not None and triggers[gov] in {"arrive", "admit"}:
                m.role, m.trigger = "DST", gov
            elif j - 1 >= start and W[j - 1] in SETTLED and (
                    earlier := [t for t in triggers if t < j and triggers[t] != "admit"]):
                m.role, m.trigger = "DST", max(earlier)  # "Russians who left ... are now living in Serbia"
            else:
                k = j - 1
                while k >= start and j - k <= 6 and W[k] in lex.in_fillers:
                    k -= 1  # "Rohingya now live in camps in Bangladesh"
                # "asylum seekers from Haiti and Venezuela are waiting in X": the place of a group named by origin
                counted = k >= start and (doc[k].like_num or W[k] in {"million", "thousand", "thousands", "hundreds"}) \
                    and any(o.role == "NAT" and o.end <= k for o in mentions) and any(
                        triggers.get(t) == "depart" for t in range(start, k))  # "of the Xs who fled, N are in Y"
                nat_end = counted or k >= start and any(o.end == k + 1 and o.kind == "name" and (o.role == "NAT" or (
                    (c := _cue_before(doc, o, mentions, start, lex)) is not None and W[c] == "from" and c > start
                    and _is_group_lower(W[c - 1]))) for o in mentions) or k >= start and any(
                    o.end == k + 1 and _counted_demonyms(doc, o, lex) for o in mentions)
                if k >= start and j - k <= 6 and (W[k] in lex.refugee_groups or W[k] in lex.ethnic_origin or nat_end) \
                        and not (j - k > 1 and _topic_between(doc, max(start, k - 3), k)) and not any(
                        b in blocked for b in range(max(start, k - 6), k)):
                    m.role = "REFIN"  # not "seeking to resettle Syrian refugees in the U.S."
                else:
                    m.role = "LOC"
            continue
        if cue in {"through", "via", "across", "transiting"}:
            gov = _governing(doc, j, start, triggers, lex, blocked=blocked)
            if gov is not None or W[j] == "via":
                m.role, m.trigger = "VIA", gov
            continue
        if cue == "off":
            gov = _governing(doc, j, start, triggers, lex, blocked=blocked)
            if gov is not None:
                m.role, m.trigger = "SRC", gov
            continue
        if j in triggers and (m.start - j <= 4 or head_of and m.start - j <= 8):
            # a country right after the verb: "fled Russia", "entered Finland"
            lemma = L[j]
            if triggers[j] == "depart" and lemma not in {"evacuate", "exodus"}:
                m.role, m.trigger = "SRC", j
            elif lemma in {"transit", "transiting", "transited"}:
                m.role, m.trigger = "VIA", j  # "they transit Austria on their way to Sweden"
            elif lemma in {"enter", "reach", "flood", "flock", "entered", "reached"}:
                m.role, m.trigger = "DST", j
    _crossed_from(doc, mentions, triggers)
    _admitters(doc, sent, mentions, triggers, lex)
    _coordinate(doc, mentions, lex)
    _border_compounds(doc, sent, mentions, lex)


LOCATIVE_BEFORE_R37 = frozenset({"in", "to", "into", "at", "across", "through", "via", "for", "from", "on", "near"})


HANDED_OFFICIALS = frozenset({"authorities", "officials", "officers", "police", "agents", "guards"})
HANDED_MODIFIERS = frozenset({"the", "immigration", "border", "local", "asylum", "migration", "coast"})


def _handed_to_officials_r35(doc: Doc, j: int, start: int, triggers: dict[int, str], lex: _Lex,
                             blocked: frozenset[int]) -> int | None:
    """r35: "taken/brought to (the) immigration officials in <place of B>": the officials are in B, where the
    movement word (not a departure) took the people: that word, or None."""
    W = doc_lowers(doc)
    if j - 2 < start or W[j - 1] not in HANDED_OFFICIALS:
        return None
    k = j - 2
    while k >= start and j - k <= 4 and W[k] in HANDED_MODIFIERS:
        k -= 1
    if k < start or W[k] != "to":
        return None
    gov = _governing(doc, k, start, triggers, lex, blocked=blocked)
    return gov if gov is not None and triggers[gov] != "depart" else None


REGION_ASIDES = frozenset({"west", "east", "north", "south", "region", "area", "neighbourhood", "neighborhood"})


def _past_region_aside_r35(W: list[str], T: list[str], j: int, start: int, m_start: int, lex: _Lex) -> int:
    """r35: "fled to neighbouring countries in the west, including A and B": a region aside ("in the west/region")
    between the countries and ", including" is passed, and the fillers before it too, up to the cue word."""
    if not (j - 2 >= start and W[j] in REGION_ASIDES and W[j - 1] == "the" and W[j - 2] == "in"
            and T[j + 1] == "," and j + 2 < m_start and W[j + 2] in LIST_OPENERS):
        return j
    k = j - 3
    while k >= start and j - k <= 5 and W[k] != "of" and W[k] in lex.fillers:
        k -= 1
    return k if k < j - 3 else j  # only after plural fillers ("countries"): not "arrived in the west, including"


def _surface(doc: Doc, m: _Mention) -> str:
    """``doc[m.start:m.end].text``, cut from the cached text (no Span, no joining of its tokens)."""
    index = doc_index(doc)
    return doc_text(doc)[index.starts[m.start]:index.ends[m.end - 1]]


FOR_VERBS = {"head", "leave", "left", "depart", "bound", "flee", "set", "sail", "fly", "flew", "board", "escape",
             "make", "go"}  # movement words whose "for X" is where people go


def _crossed_from(doc: Doc, mentions: list[_Mention], triggers: dict[int, str]) -> None:
    """"crossed Serbia's northern border into Hungary": the country whose border is crossed on the way into
    another is where people came from (without the "into", "crossed Poland's border" enters Poland)."""
    if not triggers:
        return  # a crossing word is a trigger
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    for m in mentions:
        if m.role is not None or m.kind != "name" or m.start < 1 or not (m.start - 1 in triggers and L[
                m.start - 1] in {"cross", "crossing"}) or T[m.end:m.end + 1] not in (["'s"], ["’s"]):
            continue
        k = m.end + 1
        if W[k:k + 1] and W[k] in COMPASS:
            k += 1
        if W[k:k + 1] not in (["border"], ["frontier"]):
            continue
        if any(o.role == "DST" and o.start > k and W[o.start - 1] in {"into", "to"} and o.iso != m.iso
               for o in mentions):
            m.role, m.trigger = "SRC", m.start - 1


def _counted_demonyms(doc: Doc, o: _Mention, lex: _Lex) -> bool:
    """A counted plural demonym of a country people leave ("500,000 Syrians", "thousands of Venezuelans"), which
    "in X" then places: not citizens of the receiving states ("1,500 Americans in Afghanistan" live or work there)."""
    W, T = doc_lowers(doc), doc_texts(doc)
    surface = T[o.end - 1]
    if o.kind != "demonym" or o.role != "NAT" or o.iso in lex.receiving or not surface.endswith("s") \
            or surface.endswith("ss"):
        return False
    k = o.start - 1
    if k >= 0 and W[k] == "of":
        k -= 1  # "thousands of Venezuelans"
    if k < 0:
        return False
    if W[k] in {"million", "thousand", "thousands", "hundreds", "millions", "number", "influx", "wave"}:
        return True  # "2 million Ukrainians", "the number of Venezuelans in Peru"
    digits = W[k].replace(",", "")
    return digits.isdigit() and int(digits) >= 100  # "500,000 Syrians", not "two Syrians in Germany were arrested"


def _demonym_place_list(doc: Doc, m: _Mention, mentions: list[_Mention], end: int) -> bool:
    """Whether demonym ``m`` opens or continues a list of singular demonyms ("A-ian, B-ian and C-ian") whose last
    item is followed by a place noun ("soil", "territory", "waters", "shores"): each adjective names a place in its
    country, as a single one before the noun does (round 33). Plural demonyms are people, no list item."""
    W = doc_lowers(doc)
    by_start = {o.start: o for o in mentions if o.kind == "demonym"}
    cur = m
    for _ in range(8):
        if _surface(doc, cur).endswith("s"):
            return False
        k = cur.end
        if k >= end:
            return False
        if W[k] in DEMONYM_PLACES:
            return cur is not m
        if W[k] == ",":
            k += 1
            if k < end and W[k] in {"and", "or"}:
                k += 1
        elif W[k] in {"and", "or"}:
            k += 1
        else:
            return False
        nxt = by_start.get(k)
        if nxt is None:
            return False
        cur = nxt
    return False


def _demonym_camp(doc: Doc, i: int, end: int) -> bool:
    """"a Kenyan refugee camp" is a camp in Kenya; "a Syrian refugee camp in Jordan" is one for Syrians."""
    W = doc_lowers(doc)
    k = i + 1 if i < end and W[i] == "refugee" else i
    if k >= end or W[k] not in {"camp", "camps"}:
        return False
    return k + 1 >= end or W[k + 1] not in {"in", "on", "near", "at", "inside", "across", "outside"}


def _past_small_place(doc: Doc, j: int, start: int, lex: _Lex, mentioned: set[int]) -> int:
    """The cue before an unknown town that a country name only locates: "from the port of Rostock in Germany",
    "to Dover, England" read as "from Germany", "to England". j is the token just before the country."""
    W, T = doc_lowers(doc), doc_texts(doc)
    if j < start + 1 or T[j] not in {",", "in"}:
        return j
    k = j - 1
    while k >= start and j - k <= 3 and T[k][:1].isupper() and doc[k].is_alpha \
            and doc[k].ent_type_ in {"", "LOC", "GPE", "FAC"} and k not in mentioned and not doc[k].is_sent_start:
        k -= 1
    if k == j - 1 or k < start:
        return j
    if W[k] == "of" and k - 1 >= start and W[k - 1] in PLACE_HEADS:
        k -= 2  # "the port of", "the town of"
        while k >= start and W[k] in lex.fillers:
            k -= 1
    if k >= start and W[k] in {"from", "to", "into", "towards", "toward", "in", "at"}:
        return k  # "arrived in Del Rio, Texas" is "arrived in Texas"
    return j


def _border_compounds(doc: Doc, sent: Span, mentions: list[_Mention], lex: _Lex) -> None:
    """"fled to the US-Mexico border": of the two countries, only the receiving side is a destination."""
    W, T = doc_lowers(doc), doc_texts(doc)
    for a, b in zip(mentions, mentions[1:], strict=False):
        if not (b.start == a.end + 1 and T[a.end] in {"-", "–", "/"} and b.end < sent.end
                and W[b.end] in lex.border_words):
            continue
        if a.role == "DST":
            receiving = [m for m in (a, b) if m.iso in lex.receiving]
            for m in (a, b):
                m.role = "DST" if len(receiving) == 1 and m is receiving[0] else "BORDER"
                m.trigger = a.trigger
        elif a.role in {"SRC", "VIA", "REFIN"}:
            a.role = b.role = "BORDER"


TOPIC_WORDS = {"on", "regarding", "concerning", "at", "with", "against"}  # an event about a group, not the group


def _topic_between(doc: Doc, a: int, b: int) -> bool:
    """A preposition between tokens a and b that makes the group a topic ("a summit on/about Syrian refugees");
    "about" before a number is an estimate ("about 40,000 refugees")."""
    W = doc_lowers(doc)
    return not TOPIC_WORDS.isdisjoint(W[a:b]) or any(
        W[k] == "about" and not (doc[k + 1].like_num or W[k + 1] in {"a", "half"}) for k in range(a, b))
HOST_FILLERS = {",", "which", "now", "currently", "still", "already"}  # between a host country and its verb


APPOSITION_OPENERS = frozenset({"a", "an", "the"})
APPOSITION_WINDOW = 12


def _past_apposition(W: list[str], j: int, end: int, mentions: list[_Mention], triggers: dict[int, str]) -> int:
    """The comma closing an apposition right after a country (", a small state of six million,") so its verb is
    read past it (round 29: "Chad, a poor state, is host to many Sudanese refugees"); ``j`` when none: no
    country or movement word inside, closed by a comma within a few words."""
    if j + 1 >= end or W[j] != "," or W[j + 1] not in APPOSITION_OPENERS:
        return j
    for k in range(j + 2, min(j + APPOSITION_WINDOW, end)):
        if W[k] == ",":
            return k
        if k in triggers or any(m.start == k for m in mentions) or W[k] in {";", ":", "(", ")", '"', "and", "or"}:
            return j
    return j


@lru_cache(maxsize=1)
def _admit_adverbs() -> frozenset[str]:
    return frozenset(load_json("flows.json").get("admit_adverbs_r32", ()))


def _admitters(doc: Doc, sent: Span, mentions: list[_Mention], triggers: dict[int, str], lex: _Lex) -> None:
    """A country as the subject of an admission verb is the destination: "the U.S. admitted 427 Ukrainians"."""
    W = doc_lowers(doc)
    if "admit" not in triggers.values() and "home" not in W[sent.start:sent.end]:
        return  # no admission word, and no "home to" to become one: nothing to read
    for m in mentions:
        if m.role is not None or m.kind != "name":
            continue
        j = _past_apposition(W, m.end, sent.end, mentions, triggers)
        adverb = False
        while j < sent.end and (W[j] in lex.subject_fillers or W[j] in HOST_FILLERS or W[j] in AUXILIARIES
                                or W[j] in _admit_adverbs() or _subject_time_word(W, j)):
            adverb = adverb or W[j] in _admit_adverbs()
            j += 1  # "Kenya is hosting", "Chad, which is home to"
        if j + 1 < sent.end and W[j] == "home" and W[j + 1] == "to" and j not in triggers and any(
                w in lex.refugee_groups for w in W[j + 2:min(j + 10, sent.end)]):
            triggers[j] = "admit"  # "Jordan, home to 600,000 Syrian refugees": a host, as "hosts" is
        if j < sent.end and triggers.get(j) == "admit":
            after = [x for x in mentions if x.start > j and x.start - j <= 8 and x.role == "NAT"
                     and not _topic_between(doc, j + 1, x.start)]  # not "hosting a summit on Syrian refugees"
            after += [j for k in range(j + 1, min(j + 9, sent.end))
                      if W[k] in lex.ethnic_origin and not _topic_between(doc, j + 1, k)]  # "900,000 Rohingya"
            after += [x for x in mentions if x.role == "SRC" and x.trigger is not None and j < x.trigger
                      and x.start - j <= 12 and triggers.get(x.trigger) == "depart" and any(
                          _is_group_lower(w) for w in W[j + 1:x.trigger])]  # "has taken in 2 million people fleeing X"
            refugees = not any(x.start > j and x.start - j <= 8 for x in mentions) and any(
                W[k] in {"refugees", "asylum-seekers", "seekers"} and not _topic_between(doc, j + 1, k)
                for k in range(j + 1, min(j + 8, sent.end)))
            hosting = W[j] in {"hosting", "host", "hosts", "hosted"} and any(
                x.role == "NAT" and x.end < m.start and W[x.end:x.end + 1] and _is_group_lower(W[x.end])
                for x in mentions)  # "Ukrainian refugees ..., with Poland and Germany hosting the most"
            if adverb and not after and not any(x.start > j and x.start - j <= 8 for x in mentions):
                continue  # r32: "X regularly admitted 50,000 refugees": a habit, not the document's refugees
            if after or refugees or hosting:  # "Poland has taken in 1.5 million refugees": the document's refugees
                m.role, m.trigger = "DST", j
                k = mentions.index(m)
                while k > 0 and mentions[k - 1].role in {None, "LOC"} and mentions[k - 1].kind == "name" and all(
                        w in lex.joiners for w in W[mentions[k - 1].end:mentions[k].start]):
                    k -= 1  # "Poland, Germany and the Czech Republic hosting": the whole subject list
                    mentions[k].role, mentions[k].trigger = "DST", j


def _coordinate(doc: Doc, mentions: list[_Mention], lex: _Lex) -> None:
    """Countries coordinated with one that has a role share it: "into Poland and Lithuania"."""
    W, L = doc_lowers(doc), doc_lemmas(doc)
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if m.role not in {None, "LOC"} or prev.role not in {"SRC", "DST", "VIA", "NAT", "REFIN"}:
            continue
        if m.kind == "demonym" or prev.kind == "demonym" and prev.role == "NAT":
            continue
        gap = W[prev.end:m.start]
        if len(gap) - gap.count(",") > 6 or not all(w in lex.joiners for w in gap):
            continue  # commas do not count: "into Spain, France and, more recently, Italy" (r36)
        if not gap and not (m.kind == prev.kind == "name" and prev.role in {"SRC", "DST", "VIA"}):
            continue  # "mostly Turkey Jordan and Lebanon": a list missing its comma
        if m.end < len(doc) and L[m.end] in {"say", "tell", "report", "announce", "claim"}:
            continue
        m.role, m.trigger, m.first = prev.role, prev.trigger, prev.first
        if prev.role == "VIA" and not {"into", "to"}.isdisjoint(gap):
            m.role = "DST"  # "through Serbia, Hungary and finally into Austria": the end of the transit list
        m.after_break = any(w in SEQUENCE_BREAKS for w in gap)  # "to Qatar and then to Germany"


def _anchors(doc: Doc, lex: _Lex) -> list[int]:
    """Tokens that make a sentence worth reading even without an entity: a capitalised waterway head
    ("the Channel") or a glued country pair ("U.S.-Mexico border")."""
    W, T = doc_lowers(doc), doc_texts(doc)
    heads = [i for i in positions_in(W, lex.waterway_heads & doc_word_set(doc)) if T[i][:1].isupper()]
    glued = [i for i in _hyphen_tokens(doc) if _compound_text(T[i])]  # few of them are a country pair
    return sorted(set(heads + glued))


def _hyphen_tokens(doc: Doc) -> list[int]:
    """The tokens holding a hyphen, in order: the token each hyphen of the text lies in (a hyphen is no
    whitespace, so it lies inside the last token starting at or before it), found from the token offsets."""
    text = doc_text(doc)
    if "-" not in text:
        return []
    starts = doc_index(doc).starts  # the token offsets, read once per Doc (no IDX array per call)
    found = set()
    i = text.find("-")
    while i >= 0:  # (str.find: no Match object per hyphen)
        found.add(bisect_right(starts, i) - 1)
        i = text.find("-", i + 1)
    return sorted(found)


_HYPHEN = re.compile("-")


COMPASS_WORDS = frozenset({"south", "north", "east", "west", "southeast", "southwest", "northeast", "northwest",
                           "south-east", "south-west", "north-east", "north-west"})


def _reference_points(W: list[str], mentions: list[_Mention], start: int) -> None:
    """A country that only locates another place ("people from countries south of Mexico reached Texas", "a
    camp just north of Syria") is neither where people come from nor where they go: its role is LOC (r29)."""
    for m in mentions:
        if m.role in {"SRC", "DST", "VIA", "NAT"} and m.start - 2 >= start and W[m.start - 1] == "of" \
                and W[m.start - 2] in COMPASS_WORDS:
            m.role = "LOC"


SECURING_WORDS = frozenset({"secure", "secures", "secured", "securing", "security", "seal", "seals", "sealed",
                            "sealing", "militarize", "militarized", "militarizing", "militarise", "militarised",
                            "militarising", "fortify", "fortified", "fortifying", "tighten", "tightened",
                            "tightening", "patrol", "patrols", "patrolled", "patrolling"})
BORDER_MEASURE_NOUNS = frozenset({"security", "infrastructure", "enforcement"})  # not "fence": people scale it
BORDER_LEAD_WORDS = frozenset({"the", "its", "our", "their", "his", "her", "at", "on", "along", "of", "'s", "’s",
                               "southern", "northern", "eastern", "western", "southwest", "southwestern", "entire",
                               "whole", "nation", "country", "us", "u.s.", "america", "american"})


def _secured_border(W: list[str], i: int, start: int, end: int) -> bool:
    """The border at token i named as what a state secures or builds on ("more security at the Mexican-U.S.
    frontier", "secure the southern border", "Mexico-U.S. border security"): a measure, not people crossing (r29)."""
    if i + 1 < end and W[i + 1] in BORDER_MEASURE_NOUNS:
        return True
    k = i - 1
    while k >= start and i - k <= 5 and (W[k] in BORDER_LEAD_WORDS or "-" in W[k]):
        k -= 1
    return k >= start and W[k] in SECURING_WORDS


def _sentence_starts(doc: Doc) -> tuple[list[int], Callable[[int], Span]]:
    """The first token of each sentence, and a function giving the k-th sentence: the sentences of
    ``doc_sentences``, with no Span made for the sentences a stage skips."""
    if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
        sents = doc_sentences(doc)
        return [sent.start for sent in sents], sents.__getitem__
    bounds = doc_index(doc).sent_tokens  # the same cut (a first token, then every SENT_START of 1), made once per Doc
    return [a for a, _ in bounds], lambda k: Span(doc, *bounds[k])


@lru_cache(maxsize=1)
def _part_lowers() -> dict[str, list[str]]:
    """The country parts' texts by their lower-case form (which a document holding one has among its words)."""
    by_lower: dict[str, list[str]] = {}
    for text in _lex().country_parts:
        by_lower.setdefault(text.lower(), []).append(text)
    return by_lower


def _between(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted ``positions`` in [start, end)."""
    return positions[bisect_left(positions, start):bisect_left(positions, end)]


def _at(values: list[str], start: int, end: int, wanted) -> list[int]:
    """Positions in [start, end) whose value is in ``wanted`` (the lexicon's own keys: nothing else can pass the
    rule that reads them)."""
    return list(compress(range(start, end), map(wanted.__contains__, values[start:end])))  # tests at C speed


FROM = frozenset({"from"})
# Word classes (``doccache.word_class``) of what ``_sentences`` reads in every sentence it keeps: the pipeline's
# lemmatizer classifies each word once per process, and a class's tokens are then found with one numpy pass per
# document (without those classes, one scan of the document's lower forms)
_FROM_WORD = word_class(lambda text, lower: lower in FROM)
# a movement word by its form or its lemma (see ``_lex``); the lookup lemmatizer that leaves the classes gives a word
# a fixed lemma (``names.lookup_lemma``), so the class holds the tokens a scan of the lemmas would find
_MOVEMENT_WORD = word_class(lambda text, lower: lower in _lex().kind or lookup_lemma(text) in _lex().kind)
_GROUP_WORD = word_class(lambda text, lower: _is_group_lower(lower))


def _word_positions(doc: Doc, bit: int, test) -> list[int]:
    """The tokens of a word class, ascending: the lemmatizer's classes, or else the tokens whose lower form passes
    ``test`` (the class's own test)."""
    found = class_positions(doc, bit)
    if found is None:
        lowers = doc_lowers(doc)
        found = list(compress(range(len(lowers)), map(test, lowers)))
    return found

_QUANTIFIERS = frozenset({"some", "many", "most", "others", "thousands", "hundreds"})  # "many have ...": a group moves
_THEY = frozenset({"they", "those", "them"})
_POSSESSIVES = frozenset({"their", "his", "her"})  # "their way to ..."


def _sentences(doc: Doc, assertions: DocumentAssertions, lex: _Lex, prefilter: bool = True) -> list[_Sentence]:
    """The sentences that can give or inform a flow, with their mentions, roles and movement words.

    A sentence naming no country (no mention, country part, ethnic group, waterway or glued country pair)
    is left out: no rule reads anything from it. ``prefilter=False`` reads every token of every sentence
    with entities or anchors instead, as a reference for the tests (same flows, slower)."""
    out = []
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    all_anchors = _anchors(doc, lex) if prefilter else list(range(len(doc)))
    boilerplate = doc_index(doc).boilerplate  # token._.in_boilerplate, read once per document
    starts, sentence = _sentence_starts(doc)
    # the tokens the rules below look for, found once per document (a C scan per word of the lexicon the document
    # has, not a pass over each sentence); without the prefilter each rule tests every token itself
    at_from = _word_positions(doc, _FROM_WORD, FROM.__contains__)
    at_group = _word_positions(doc, _GROUP_WORD, _is_group_lower)
    if prefilter:
        present = doc_word_set(doc)  # every lower form: a country part's text lower-cased, an ethnic word
        by_lower = _part_lowers()
        at_parts = sorted(positions_in(T, [text for w in by_lower.keys() & present for text in by_lower[w]]))
        at_ethnic_all = sorted(positions_in(W, lex.ethnic_origin.keys() & present))
        at_moving = class_positions(doc, _MOVEMENT_WORD)  # (found once per document, not per sentence)
        if at_moving is None:
            is_kind = lex.kind.__contains__
            at_moving = list(compress(range(len(W)), map(or_, map(is_kind, W), map(is_kind, L))))
    ents_by_sent: dict[int, list[Span]] = {}
    isos_by_sent: dict[int, list[str | None]] = {}  # the entities' ``_.iso``, read once
    for ent in doc_entities(doc):  # Span.ents scans the whole document: bucket the entities once
        first = starts[bisect_right(starts, ent.start) - 1]
        ents_by_sent.setdefault(first, []).append(ent)
        isos_by_sent.setdefault(first, []).append(span_extension(doc, ent.start_char, ent.end_char, "iso"))
    # only the sentences with an entity or an anchor are read (the others are skipped below)
    with_entities = set(ents_by_sent)
    if prefilter:  # and of those with entities, only the ones with a country entity, country part or ethnic group:
        placeable = {first for first, isos in isos_by_sent.items() if any(isos)}  # the others give no mention and
        placeable.update(starts[bisect_right(starts, i) - 1] for i in chain(at_parts, at_ethnic_all))  # are skipped
        with_entities &= placeable
    read = with_entities.union(starts[bisect_right(starts, i) - 1] for i in all_anchors)
    at_that = _anaphor_positions(W, present if prefilter else None)  # "that country": a country named before
    read.update(starts[bisect_right(starts, i) - 1] for i in at_that)
    named: list[tuple[int, list[_Mention]]] = []  # (sentence number, mentions) of the sentences read so far
    for k in [k for k, first in enumerate(starts) if first in read]:
        sent = sentence(k)
        start, end = sent.start, sent.end
        ents = ents_by_sent.get(start, [])
        anchors = [i for i in _between(all_anchors, start, end)
                   if W[i] in lex.waterway_heads and T[i][:1].isupper() or "-" in T[i] and _compound_text(T[i])]
        anaphors = _between(at_that, start, end)
        if not ents and not anchors and not anaphors:
            continue  # no country named: nothing to read
        every = range(start, end)  # the unfiltered reading: each rule tests every token itself
        parts = _between(at_parts, start, end) if prefilter else every
        isos = isos_by_sent.get(start, [])
        # no entity with a country and no country part: no mention (``_mentions`` keeps neither)
        mentions = _mentions(doc, sent, ents, assertions, parts, isos) if parts or any(isos) else []
        if anaphors:
            mentions = _resolve_anaphors(W, anaphors, mentions, [ms for n, ms in named if k - n <= 2], lex)
        if mentions:
            named.append((k, mentions))
        at_ethnic = _between(at_ethnic_all, start, end) if prefilter else every
        ethnic = [(i, lex.ethnic_origin[W[i]]) for i in at_ethnic if W[i] in lex.ethnic_origin]
        if prefilter and not mentions and not ethnic and not anchors:
            continue  # entities, but none a country the rules can place (see the docstring)
        if all(boilerplate[i] or T[i].isspace() for i in range(start, end)):
            continue
        if W[start] in {"no", "none", "nobody"} and any(map(_is_group_lower, W[start + 1:min(start + 5, end)])):
            continue  # "No Syrian refugees have arrived in Japan", "None of the migrants reached Italy": nobody moved
        triggers = {}
        blocked: set[int] = set()
        # only a token whose form or lemma is a movement word (``lex.kind``) can be one
        movement = _between(at_moving, start, end) if prefilter else every
        for i in movement:
            kind = _trigger_kind(doc, i, end, lex)
            if kind and not _blocked(doc, i, start, lex, kind):
                triggers[i] = kind
            elif kind:
                blocked.add(i)
        words = W[start:end]
        if mentions:
            _assign_roles(doc, sent, mentions, triggers, lex, frozenset(blocked))
            _fled_events(W, mentions, triggers, start, lex)
            _moving_in_toward(W, mentions, triggers, start)
            _reference_points(W, mentions, start)
        region = _region_origin(W, T, start, end, mentions, lex)
        country_starts = {m.start for m in mentions}
        for k in _between(at_from, start, end - 1):
            if not (W[k + 1].endswith("ing") and W[k + 1] not in ING_ADJECTIVES) \
                    and not any(x in country_starts for x in range(k + 1, min(k + 4, end))):
                region = True  # "from affected countries", "from regime areas": an origin that is no country
                break
        # the pair tests run only where the sentence holds their first word (set tests in C)
        has_group = bool(_between(at_group, start, end)) or not _QUANTIFIERS.isdisjoint(words) and any(
            w in _QUANTIFIERS and (nxt in AUXILIARIES or start + k + 1 in triggers)  # "most reached Iran"
            for k, (w, nxt) in enumerate(zip(words, words[1:], strict=False))) or not _THEY.isdisjoint(words) or (
            not _POSSESSIVES.isdisjoint(words) and any(
                w in _POSSESSIVES and nxt in {"way", "journey", "journeys"}
                for w, nxt in zip(words, words[1:], strict=False))) or any(
            W[i] in PEOPLE_VERBS or L[i] in PEOPLE_VERBS for i in triggers) or any(  # "four million have fled into"
            i - 2 >= start and W[i - 2] == "attempts" and W[i - 1] == "to" for i in triggers)  # "300 attempts to cross"
        military = not lex.military.isdisjoint(words) and any(
            W[k] in lex.military and not _in_service_clause(W, k, start) for k in range(start, end))
        deport = not lex.deport.isdisjoint(words) or not lex.deport.isdisjoint(L[start:end])
        out.append(_Sentence(sent, mentions, triggers, region, has_group, military, deport, ents, ethnic))
    return out


ANAPHORS = {"that": {"country", "nation"}, "those": {"countries", "nations"}, "these": {"countries", "nations"}}


_ANAPHOR_OF_NOUN = {noun: frozenset(w for w, nouns in ANAPHORS.items() if noun in nouns)
                    for noun in sorted(set().union(*ANAPHORS.values()))}
"""The anaphor words before each of ANAPHORS' nouns ("countries": "those", "these")."""


def _anaphor_positions(W: list[str], present: set[str] | None = None) -> list[int]:
    """Where "that country", "those countries" or "these countries" begin (not "this country": the writer's).

    ``present``: a set holding every word of W (``doc_word_set``, maybe more): then the nouns W has are found,
    seldom more than one, and the word before each is read (one scan of W for "country" instead of one for each
    of "that", "those" and "these", which are frequent; r29)."""
    if present is not None:
        return sorted(j - 1 for j in positions_in(W, [noun for noun in _ANAPHOR_OF_NOUN if noun in present])
                      if j and W[j - 1] in _ANAPHOR_OF_NOUN[W[j]])
    return sorted(i for w, nouns in ANAPHORS.items() for i in positions_in(W, [w])
                  if i + 1 < len(W) and W[i + 1] in nouns)


def _resolve_anaphors(W: list[str], anaphors: list[int], mentions: list[_Mention],
                      earlier: list[list[_Mention]], lex: _Lex) -> list[_Mention]:
    """The mentions of a sentence with its anaphors read as the countries they stand for: "that country" is the
    last country named in the two sentences before, "those countries" the last list of two or more countries so
    named ("Honduras, El Salvador and Guatemala ... people fleeing those countries"). A demonym is no antecedent
    ("Syrians"); an anaphor after a country the sentence names is left as it is (it may be that sentence's own
    list: "people from A, B and C fleeing repression in those nations"), as is an anaphor nothing fits."""
    out = list(mentions)
    for i in anaphors:
        if any(m.start < i for m in mentions):
            break  # "people from A, B and C fleeing repression in those nations": the sentence's own countries
        names = [[m for m in ms if m.kind == "name"] for ms in earlier]
        if W[i] == "that":
            last = next((ms[-1] for ms in reversed(names) if ms), None)
            if last is not None:
                out.append(_Mention(i, i + 2, last.iso, "name"))
            continue
        if i > 0 and W[i - 1] == "from" and (origin_run := _origin_run_r37(W, names, lex)):
            out.extend(_Mention(i, i + 2, iso, "name") for iso in origin_run)
            continue  # r37: "refugees from these countries": the list that came after "from" before
        for ms in reversed(names):
            run = ms[-1:]
            for m in reversed(ms[:-1]):
                if all(w in lex.joiners or w in {",", "and", "or"} for w in W[m.end:run[0].start]):
                    run.insert(0, m)
                else:
                    break
            isos = list(dict.fromkeys(m.iso for m in run))
            if len(isos) >= 2:
                out.extend(_Mention(i, i + 2, iso, "name") for iso in isos)
                break
    return sorted(out, key=lambda m: m.start)


def _origin_run_r37(W: list[str], names: list[list[_Mention]], lex: _Lex) -> list[str]:
    """r37: the countries of the last list of two or more (in the sentences given, latest first) that hangs from
    "from" (up to two words between: "from impoverished A and B"), for an anaphor itself after "from"."""
    for ms in reversed(names):
        runs: list[list[_Mention]] = []
        for m in ms:
            if runs and all(w in lex.joiners or w in {",", "and", "or"} for w in W[runs[-1][-1].end:m.start]):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in reversed(runs):
            isos = list(dict.fromkeys(m.iso for m in run))
            if len(isos) >= 2 and "from" in W[max(0, run[0].start - 3):run[0].start]:
                return isos
    return []


SERVICE_VERBS = {"worked", "served", "fought", "helped", "assisted", "interpreted", "translated"}


def _in_service_clause(W: list[str], k: int, start: int) -> bool:
    """Whether the military word at k sits in a clause that describes people by their service ("Afghans who
    worked with U.S. forces were evacuated to Qatar"): the people move, not the forces."""
    for j in range(k - 1, max(start, k - 6) - 1, -1):
        if W[j] in {"with", "for", "alongside"}:
            v = j - 1
            if v >= start and W[v] in SERVICE_VERBS:
                v -= 1
                v -= v >= start and W[v] in {"had", "have", "has"}
                return v >= start and W[v] in {"who", "that"}
            return False
    return False


def _fled_events(W: list[str], mentions: list[_Mention], triggers: dict[int, str], start: int, lex: _Lex) -> None:
    """"Refugees fleeing the Syrian war have poured into Lebanon": a demonym on the war, crisis or crackdown
    people flee (from) names the country they left."""
    for m in mentions:
        if m.kind != "demonym" or m.role not in {None, "ADJ"} or m.end >= len(W) or W[m.end] not in lex.origin_events:
            continue
        k = m.start - 1
        while k >= start and m.start - k <= 4 and W[k] in {"the", "a", "from", "brutal", "bloody", "ongoing",
                                                            "long", "years-long", "deadly", "devastating"}:
            k -= 1
        if k >= start and triggers.get(k) == "depart" and all(
                x.iso == m.iso or x.role in {"DST", "VIA", "REFIN"} for x in mentions):
            m.role, m.trigger = "SRC", k  # not "Ukrainians fleeing the Russian war", "the Russian war in Ukraine"


def _whose_people(W: list[str], m: _Mention, mentions: list[_Mention], end: int) -> bool:
    """Whether the country (or the list it ends or is in) is followed by ", whose citizens/nationals/people"."""
    names = {x.start: x for x in mentions if x.kind == "name"}
    k = m.end
    while k + 1 < end and W[k] in {"and", ",", "or"} and (k + 1 in names or W[k + 1] == "and" and k + 2 in names):
        k = names[k + 1].end if k + 1 in names else names[k + 2].end
    return k + 2 < end and W[k] == "," and W[k + 1] == "whose" and W[k + 2] in {
        "citizens", "nationals", "people", "migrants", "emigrants", "refugees", "residents"}


COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}


def _moving_in_toward(W: list[str], mentions: list[_Mention], triggers: dict[int, str], start: int) -> None:
    """"people caravanning in southern Chad toward Libya": a country people move in, on their way toward
    another, is a transit leg of that move (the movement word just before "in")."""
    dst_starts = {m.start: m for m in mentions if m.role == "DST"}
    for m in mentions:
        if m.role not in {None, "LOC"}:
            continue
        k = m.start - 1
        if k >= start and W[k] in COMPASS:
            k -= 1
        if k < start + 1 or W[k] != "in" or not any(k - 3 <= t < k for t in triggers):
            continue
        nxt = m.end
        if nxt < len(W) and W[nxt] in {"toward", "towards"} and (
                nxt + 1 in dst_starts or nxt + 2 in dst_starts and W[nxt + 1] == "the"):
            m.role, m.trigger = "VIA", max(t for t in triggers if k - 3 <= t < k)


# "-ing" words that begin a place after "from" ("from neighbouring countries"); other "-ing" words are verbs:
# "barred from entering" names no origin
ING_ADJECTIVES = {"neighbouring", "neighboring", "surrounding", "bordering", "warring", "developing", "sending",
                  "remaining", "adjoining", "outlying", "struggling", "leading"}
REGION_DEST_CUES = {"to", "into", "toward", "towards", "reach", "reached", "reaching", "for"}
REGION_LIST_FILLERS = {",", "and", "or", "increasingly", "also", "even", "then", "later", "eventually", "other",
                       "parts", "of", "as", "well", "more", "recently", "now", "beyond", "elsewhere", "in", "the"}


def _region_origin(W: list[str], T: list[str], start: int, end: int, mentions: list[_Mention], lex: _Lex) -> bool:
    """Whether the sentence names a region people come from ("migrants from Africa"), which keeps the document's
    main origin out of it. A region that is where people go is none: right after "to"/"into" ("fled to Europe"),
    or at the end of a destination list ("fleeing to A, B and C, and increasingly North Africa and Europe")."""
    if lex.region_firsts.isdisjoint(W[start:end]):
        return False  # no word a region begins with
    dst_ends = {m.end for m in mentions if m.role == "DST"}
    i = start
    while i < end:
        n = 0 if W[i] not in lex.region_firsts else 1 if W[i] in lex.region_origin else next(
            (len(r) for r in lex.region_phrases if W[i:i + len(r)] == r), 0)
        if not n:
            i += 1
            continue
        j = i - 1
        while j >= start and j + 1 not in dst_ends and (
                W[j] in REGION_LIST_FILLERS or (T[j][:1].isupper() and W[j] not in lex.region_origin)):
            j -= 1  # back over the list: commas, "and increasingly", other places ("North" of "North Africa")
        destination = j >= start and (j + 1 in dst_ends or W[j] in REGION_DEST_CUES and j == i - 1)
        if not destination:
            return True
        i += n
    return False


def _main_origin(sentences: list[_Sentence], lex: _Lex) -> str | None:
    """The country most people in the document are reported leaving, if one clearly dominates: named twice, or
    once as the only one when that mention is a migrant group on the move ("Honduran migrants crossed ...")."""
    counts: Counter[str] = Counter()
    strong: set[str] = set()
    for s in sentences:
        W = doc_lowers(s.span.doc)
        for m in s.mentions:
            if m.role == "NAT" and (s.triggers or not lex.refugee_groups.isdisjoint(
                    W[m.end:min(m.end + 3, s.span.end)])):
                counts[m.iso] += 1
                placed = any(o.role in {"DST", "REFIN", "VIA"} and o.iso != m.iso for o in s.mentions)
                if not placed and (m.kind == "demonym" and any(
                        _is_group_lower(w) for w in W[m.end:min(m.end + 2, s.span.end)])
                        or m.kind == "name" and W[m.start - 1] == "from" and any(
                            _is_group_lower(w) for w in W[max(s.span.start, m.start - 3):m.start - 1])):
                    # "Cuban migrants", "two Nepali workers", "asylum seekers from Haiti"; not a group the
                    # sentence sends elsewhere ("Eritreans who crossed into Sudan" are not the document's arrivals)
                    strong.add(m.iso)
            elif m.role == "SRC":
                counts[m.iso] += 1
            elif m.role == "ADJ" and m.kind == "demonym" and s.has_group and m.end < s.span.end \
                    and W[m.end] in lex.origin_events:
                counts[m.iso] += 1  # "the Syrian war has uprooted a million children"
        for _, iso in s.ethnic:
            counts[iso] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    single = len(ranked) == 1 and ranked[0][0] in strong
    if ranked[0][1] < (1 if single else 2) or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


class _Builder:
    """Collects flows for a document, one per (origin, destination, evidence span)."""

    def __init__(self, doc: Doc, assertions: DocumentAssertions):
        self.doc = doc
        self.assertions = assertions
        self.flows: list[Flow] = []
        self.seen: set[tuple] = set()
        self.groups = self._group_index()
        self._migration_words: int | None = None
        self.departures_r35: frozenset[str] | None = None  # countries left "from" (not "off"): read when needed
        self.sentences_r35: list = []  # the document's sentences (set by extract_flows) for ``departures_r35``

    def migration_word_count(self) -> int:
        """How many of the document's words are migration words (``people_in.migration_words``): four rules act
        only in documents about migrants and ask this of the same document, so it is counted once."""
        if self._migration_words is None:
            self._migration_words = sum(map(_people_in_lex().migration_words.__contains__, doc_lowers(self.doc)))
        return self._migration_words

    def _group_index(self) -> list[tuple[int, int, str]]:
        spans = []
        for (kind, key), ent in self.assertions.entities.items():
            if kind == "Group":
                for ev in ent.mentions:
                    spans.append((ev.start, ev.end, key))
        return sorted(spans)

    def group_near(self, sent: Span, anchor: int) -> tuple[str | None, str | None]:
        best = None
        for start, end, key in self.groups:
            if sent.start_char <= start and end <= sent.end_char:
                dist = abs(start - anchor)
                if best is None or dist < best[0]:
                    best = (dist, start, end, key)
        if best is None:
            return None, None
        span = self.doc.char_span(best[1], best[2], alignment_mode="expand")
        return (span.text if span is not None else None), best[3]

    def add(self, sent: Span, origin: str, destination: str, tokens: list[int], via: tuple[str, ...] = (),
            trigger: int | None = None) -> None:
        if not origin or not destination or origin == destination:
            return
        via = tuple(v for v in via if v not in {origin, destination})
        first, last = min(tokens), max(tokens)
        start_char, end_char = self.doc[first].idx, self.doc[last].idx + len(self.doc[last].text)
        key = (origin, destination, start_char, end_char)
        if key in self.seen:
            return
        self.seen.add(key)
        anchor = self.doc[trigger].idx if trigger is not None else start_char
        group, group_key = self.group_near(sent, anchor)
        times = self.assertions.times_between(sent.start_char, sent.end_char)
        time = min(times, key=lambda t: abs(t.start - anchor)) if times else None
        self.flows.append(Flow(
            origin=origin, destination=destination,
            evidence=evidence_for(self.doc, start_char, end_char, EXTRACTOR),
            via=via, group=group, group_key=group_key,
            trigger=self._trigger_text(trigger), time=time,
            quantities=_people_quantities(self.assertions.quantities_between(sent.start_char, sent.end_char)),
        ))

    def _trigger_text(self, trigger: int | None) -> str | None:
        if trigger is None:
            return None
        tok = self.doc[trigger]
        nxt = self.doc[trigger + 1] if trigger + 1 < len(self.doc) else None
        if nxt is not None and _word(nxt) in {"into", "to", "from", "in", "for", "through", "via", "across"}:
            return f"{tok.text} {nxt.text}"
        return tok.text


def _people_quantities(quantities: list[Quantity]) -> list[Quantity]:
    """Counts of people or crossings and changes ("a 107% increase"), not distances, money or "two leaders"."""
    lex = _lex()
    kept = []
    for q in quantities:
        counted = (q.counted or "").split()
        head = counted[-1] if counted else None
        if q.is_change or q.unit == "person" or (q.unit is None and (
                head is None or head in lex.flow_groups or head in COUNTED_MOVES)):
            kept.append(q)
    return kept


def _nearest_cluster(nat: list[_Mention], trigger: int | None, doc: Doc, lex: _Lex) -> list[_Mention]:
    """The coordinated group origins closest to the movement word: in "a Syrian refugee welcomes Ukrainian
    families as they enter Romania" the Ukrainians move, not the Syrian."""
    if len(nat) < 2 or trigger is None:
        return nat
    W = doc_lowers(doc)
    clusters: list[list[_Mention]] = [[nat[0]]]
    for prev, m in zip(nat, nat[1:], strict=False):
        gap = W[prev.end:m.start]
        if len(gap) <= 4 and all(w in lex.joiners or w in lex.flow_groups or w == "from" for w in gap):
            clusters[-1].append(m)
        else:
            clusters.append([m])

    def distance(cluster: list[_Mention]) -> int:
        return min(abs(m.start - trigger) for m in cluster)

    return min(clusters, key=distance)


def _origins_after(doc: Doc, m: _Mention, ms: list[_Mention]) -> list[tuple[int, str]]:
    """The origins given just after the place a group is in: "migrants are in X, most of them from A and B"."""
    W = doc_lowers(doc)
    out: list[tuple[int, str]] = []
    k = m.end
    for o in ms:
        if o.start < m.end:
            continue
        gap = W[k:o.start]
        if not all(w in LOCATED_ORIGIN or w in {"and", "or"} for w in gap) or o.role != "NAT" \
                or not (out or "from" in gap):
            break
        out.append((o.start, o.iso))
        k = o.end
    return out


def _camp_refugees(doc: Doc, m: _Mention, lex: _Lex) -> int | None:
    """The refugee word of "refugees (not any migrants) in camps in" the country m: the document's refugees."""
    start = max(m.start - 5, 0)
    words = doc_lowers(doc)[start:m.start]
    if not any(w in {"camp", "camps", "settlements", "shelters"} for w in words):
        return None
    return next((start + k for k, w in enumerate(words) if w in {"refugee", "refugees"}), None)


def _sibling_origins(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """Origins listed together share a journey: "migrants from Honduras, Guatemala and El Salvador" go where the
    document says the Hondurans went, when the sentence itself names no destination."""
    dests: dict[str, set[str]] = {}
    for f in b.flows:
        dests.setdefault(f.origin, set()).add(f.destination)
    W, L = doc_lowers(b.doc), doc_lemmas(b.doc)
    for s in sentences:
        nat = [m for m in s.mentions if m.role == "NAT" and m.kind == "name"]
        if len(nat) < 2 or not dests or any(m.role in {"DST", "REFIN", "VIA"} for m in s.mentions):
            continue
        start, end = s.span.start, s.span.end
        if s.military or s.deport or not lex.block.isdisjoint(W[start:end]) or not lex.block.isdisjoint(L[start:end]):
            continue  # "banned entry of nationals from Iran, Iraq and Libya": nobody went
        clusters: list[list[_Mention]] = []
        for m in nat:
            if clusters and len(gap := W[clusters[-1][-1].end:m.start]) <= 3 and all(
                    w in {",", "and", "or"} for w in gap):
                clusters[-1].append(m)
            else:
                clusters.append([m])
        for cluster in clusters:
            isos = list(dict.fromkeys(m.iso for m in cluster))
            near = [i for i, kind in s.triggers.items() if kind in {"depart", "move"}]
            if len(isos) < 2 or not any(abs(i - m.start) <= NAT_WINDOW for i in near for m in cluster):
                continue  # a journey told next to the list, not "screening of applicants from Iraq and Syria"
            shared = set().union(*(dests.get(o, set()) for o in isos)) - set(isos)
            for o in (o for o in isos if o not in dests):
                for d in sorted(shared):
                    b.add(s.span, o, d, [m.start for m in cluster])


def _admitted_refugees(doc: Doc, i: int | None, end: int) -> bool:
    """A reported admission of refugees ("has taken in 1.5 million refugees"), not of other people."""
    W = doc_lowers(doc)
    if i is None or W[i] not in {"taken", "took", "received", "admitted", "accepted", "welcomed", "hosted",
                                 "sheltered", "housed", "resettled", "in"}:
        return False
    return any(w in {"refugees", "asylum-seekers", "seekers"} for w in W[i + 1:min(i + 8, end)])


def _may_take_main_origin(s: _Sentence, main: str, dests: list[str], dst_m: list[_Mention]) -> bool:
    """Whether people reaching ``dests`` with no stated origin can be the document's emigrants: not when the
    sentence names another origin (a region, another nationality, another country where they are), speaks of
    deportations, armies or things, or only of a state admitting someone."""
    if s.region_origin or not s.has_group or s.military or s.deport:
        return False
    if all(s.triggers.get(m.trigger) == "admit" and not _admitted_refugees(s.span.doc, m.trigger, s.span.end)
           for m in dst_m):
        return False
    for m in s.mentions:
        if m.iso == main or m.iso in dests:
            continue
        if m.role == "NAT" or (m.role in {None, "LOC", "REFIN"} and m.kind == "name"):
            return False  # "a migrant in Gevgelija, Macedonia, ... bound for Serbia": they are in another country
    return True


def _sentence_flows(b: _Builder, s: _Sentence, main: str | None, lex: _Lex) -> None:
    doc, sent = b.doc, s.span
    W, L = doc_lowers(doc), doc_lemmas(doc)
    ms = s.mentions
    trig = next((m.trigger for m in ms if m.role in {"DST", "SRC", "VIA"} and m.trigger is not None), None)
    if trig is None and s.triggers:
        trig = min(s.triggers)
    near = [i for i in s.triggers] + [m.trigger for m in ms if m.trigger is not None]
    nat = [m for m in ms if m.role == "NAT" and any(abs(m.start - i) <= NAT_WINDOW for i in near)]
    for prev, m in zip(ms, ms[1:], strict=False):  # a list is one group: "from Congo, Myanmar, ... and Syria"
        if prev in nat and m.role == "NAT" and m not in nat and all(w in lex.joiners for w in W[prev.end:m.start]):
            nat.append(m)
    _list_heads_join(W, ms, nat, lex)
    if not nat and len({m.iso for m in ms if m.role == "NAT"}) == 1 and all(
            m.role in {"NAT", "DST", "VIA", "ADJ"} for m in ms):
        # "a young Nigerian boy, who saw his family drown while trying to cross to Italy": the one nationality of
        # a sentence that names no other origin is the mover's, however long the relative clause after it
        nat = [m for m in ms if m.role == "NAT" and any(0 < i - m.start <= 2 * NAT_WINDOW for i in near)]
    nat = _nearest_cluster(nat, trig, doc, lex)
    nat = [m for m in nat if not _fronted_comparison(W, m, s)]  # "After the Irish, ..."
    nat_isos = list(dict.fromkeys(m.iso for m in nat))
    for _, iso in s.ethnic:
        if iso not in nat_isos:
            nat_isos.append(iso)
    src = list(dict.fromkeys(m.iso for m in ms if m.role == "SRC"))
    via = list(dict.fromkeys(m.iso for m in ms if m.role == "VIA"))
    dst_m = [m for m in ms if m.role == "DST"]
    tok = [m.start for m in ms if m.role in {"SRC", "VIA", "DST"}] + [m.start for m in nat]
    if trig is not None:
        tok.append(trig)
    # refugees located in a country: "Ukrainian refugees in Poland", "In France, ... Ukrainian refugees"
    refin = [m for m in ms if m.role == "REFIN"]
    if not refin and ms and ms[0].start <= sent.start + 1 and W[sent.start] == "in" and ms[0].kind == "name":
        if not lex.refugee_groups.isdisjoint(W[sent.start:sent.end]):
            refin = [ms[0]]
    origins_at = [(n.start, n.iso) for n in ms if n.role == "NAT"] + s.ethnic
    previous = sent.start - 1
    camp = next((c for m in refin if (c := _camp_refugees(doc, m, lex)) is not None), None)
    last: list[tuple[int, str]] = []
    for m in sorted(refin, key=lambda m: m.start):
        initial = m.start <= sent.start + 1
        # "Syrian refugees in Jordan and Rohingya refugees in Bangladesh": each place takes the group just before it
        located = [(i, iso) for i, iso in origins_at
                   if initial or (previous < i < m.start and m.start - i <= NAT_WINDOW)]
        if not located:
            located = _origins_after(doc, m, ms)  # "45,000 migrants are in X, almost all from A and B"
        if not located and last and all(w in lex.joiners for w in W[previous + 1:m.start]):
            located = last  # "Ukrainian refugees living in Moldova, Romania and Slovakia": the list shares the group
        previous, last = m.end - 1, located
        if not located and not origins_at and main and main != m.iso and not s.region_origin and camp is not None:
            located = [(camp, main)]  # "people spend years in refugee camps in Lebanon" in a Syrian exodus
        for o in dict.fromkeys(iso for _, iso in located):
            b.add(sent, o, m.iso, [i for i, _ in located] + [m.start], trigger=trig)
    for o, m in _located_group(doc, s, lex):  # "Haitian migrants gathered under the bridge in Del Rio, Texas"
        b.add(sent, o.iso, m.iso, [o.start, m.start])
    counted = list(dict.fromkeys(m.iso for m in ms if m.role == "NAT"))
    if not s.triggers and counted and (counter := _counting_country(doc, s, lex)) and counter not in counted:
        for o in counted:  # "Germany has registered a million refugees from Ukraine"
            b.add(sent, o, counter, [m.start for m in ms if m.iso in counted or m.iso == counter])
    held = list(dict.fromkeys(m.iso for m in ms if m.role == "NAT"))
    if held and not dst_m and not refin and s.has_group and not s.military \
            and (stopped := _at(W, sent.start, sent.end, STOPPED_VERBS)) \
            and (auth := _national_authority(doc, s, lex)) and auth not in held:  # (the verbs looked for last)
        for o in held:  # "Border Patrol agents encountered 200,000 migrants, many of them from Venezuela"
            b.add(sent, o, auth, [stopped[0]] + [m.start for m in ms if m.iso == o], trigger=stopped[0])
    if not s.triggers or not (nat_isos or s.has_group):
        return  # planes and embassies move too: a flow needs people in the sentence
    # destinations in order of the legs: "first travelled to X ... enter Y" makes X a transit of Y
    legs: list[list[str]] = []
    last_trigger = object()
    for m in sorted(dst_m, key=lambda m: (not m.first, m.start)):
        if legs and m.trigger == last_trigger and not m.after_break:
            if m.iso not in legs[-1]:
                legs[-1].append(m.iso)
        else:
            legs.append([m.iso])
            last_trigger = m.trigger
    after_first = W[min(m.start for m in dst_m):sent.end] if dst_m else []
    moved_on = dst_m and any(t > min(m.start for m in dst_m) and W[t + 1:t + 2] == ["on"] for t in s.triggers)
    if len(legs) > 1 and not (any(m.first for m in dst_m) or moved_on or any(  # "fled to X and moved on to Y"
            w in SEQUENCE_CUES or w == "via" for w in after_first)):
        legs = [[d for leg in legs for d in leg]]  # parallel destinations, not a journey in stages
    dests = [d for leg in legs for d in leg]
    crossed_its = any(L[i] in {"cross", "crossing"} and "its" in W[i + 1:i + 4] and not lex.border_words.isdisjoint(
        W[i + 2:i + 6]) or " ".join(W[i + 1:i + 4]).startswith(("into the country", "the country", "its territory"))
        for i in s.triggers)  # "Finland said 17,000 Russians crossed its eastern border", "... entered the country"
    inflow = any(W[i] in {"influx", "arrivals", "inflow", "wave", "surge"} for i in s.triggers)
    if not dests and (src or nat_isos and (
            crossed_its or inflow or any(k == "arrive" for k in s.triggers.values()))):
        # "people entering from Russia", as counted by the Finnish border guards; "Kazakhstan said 98,000
        # Russians had arrived"
        auth = _border_authority(s.ents, lex) or _demonym_authority(doc, s, lex) or _reporting_country(doc, s, lex) \
            or _national_authority(doc, s, lex)
        if auth and auth not in src and auth not in nat_isos:
            dests, legs = [auth], [[auth]]
    if not dests and nat_isos and not src and W[sent.start] == "in" and ms[0].start == sent.start + 1 \
            and ms[0].kind in {"name", "place"} and W[ms[0].end] == "," and ms[0].iso not in nat_isos \
            and all(m.role == "NAT" for m in ms[1:]) and any(
                s.triggers[t] == "arrive" or L[t] in {"cross", "crossing"} for t in s.triggers):
        dests, legs = [ms[0].iso], [[ms[0].iso]]  # "In Finland, the number of Russians crossing the border doubled"
    if not dests and src and not nat_isos and (now_in := _fled_now_in(doc, s, src, lex)):
        dests, legs = [now_in], [[now_in]]  # "waiting in Oaxaca, Mexico, after fleeing Honduras"
    if not dests and via and (nat_isos or src) and not s.deport and not s.military \
            and lex.block.isdisjoint(W[sent.start:sent.end]) and (s.has_group or any(
                m.kind == "demonym" and doc[m.end - 1].text.endswith("s") for m in nat)):  # not "a Frenchman's road"
        for o in nat_isos or src:  # "refugees from Sudan walked through Egypt": the leg to the transit country
            for v in via[:1]:
                b.add(sent, o, v, tok, trigger=trig)
        if not any(W[k] in {"or", "either", "nor", "like", "such", "including"} for k in range(
                min(m.start for m in ms if m.role == "VIA") - 3, max(m.start for m in ms if m.role == "VIA"))):
            for x, y in zip(via, via[1:], strict=False):  # "... through Egypt and Libya": the next stage
                b.add(sent, x, y, tok, trigger=trig)
    if not dests and not (nat_isos and src):
        return
    origins = nat_isos or src
    departure = src if nat_isos else []
    if departure and nat and not s.ethnic and all(_came_from_nat_r37(doc, m, ms, sent.start, lex) for m in nat) \
            and all(_sibling_origin_r37(W, m, sent.start) for m in ms if m.role == "SRC"):
        # r37: "they came from A as well as from B", "many came from A, but others left B": A is where some of the
        # people came from, not a nationality whose holders were in B; every country is an origin of the group
        origins, departure = list(dict.fromkeys(nat_isos + src)), []
    if not origins and dests and main and main not in dests and main not in via \
            and _may_take_main_origin(s, main, dests, dst_m):
        origins = [main]
    if not origins and not via and len(legs) < 2:
        return
    sides = {d for d in departure if _entered_from_r38(W, ms, d, trig, sent.start)} if departure and not s.ethnic \
        and trig is not None and L[trig] in ENTRY_LEMMAS_R38 else set()  # r38: "Xs trying to enter from B"
    for o in origins:
        for d in departure:
            if d in sides:
                continue
            if trig is not None and L[trig] in EVACUATION_LEMMAS:
                continue  # "French citizens were evacuated from X": people taken home from X, not into it (r32 audit)
            if all(_off_coast_r35(W, m, sent.start) for m in ms if m.role == "SRC" and m.iso == d) \
                    and d in _departures_r35(b):
                continue  # "people from A rescued at sea off the coast of X" after "set out from X" (r35)
            b.add(sent, o, d, tok, trigger=trig)  # Afghans ... from Belarus: they were in Belarus
    # "through Lebanon, Greece and France to Britain": a journey in stages, each leg from the previous country
    # (not alternatives: "through Austria or Switzerland")
    chain = len(via) > 1 and not any(W[k] in {"or", "either", "nor", "like", "such", "including"} for k in range(
        min(m.start for m in ms if m.role == "VIA") - 3, max(m.start for m in ms if m.role == "VIA")))
    for n, leg in enumerate(legs):
        earlier = [d for lg in legs[:n] for d in lg]
        for d in leg:
            for o in origins:
                b.add(sent, o, d, tok, via=tuple(via + earlier + departure), trigger=trig)
            for x in departure + (via[-1:] if chain else via):
                b.add(sent, x, d, tok, trigger=trig)
            if earlier:
                b.add(sent, earlier[-1], d, tok, trigger=trig)
    if legs:  # "passing through Russia" with no destination says nothing about a country pair
        for o in origins:
            for v in via[:1] if chain else via:
                b.add(sent, o, v, tok, trigger=trig)
        if chain:
            for x, y in zip(via, via[1:], strict=False):
                b.add(sent, x, y, tok, trigger=trig)


CAME_VERBS_R37 = frozenset({"come", "came", "comes", "coming"})
CAME_ADVERBS_R37 = frozenset({"originally", "mostly", "mainly", "largely", "chiefly", "primarily",
                              "predominantly", "overwhelmingly", "all", "also"})


SIBLING_SUBJECTS_R37 = frozenset({"others", "some", "many", "most", "rest", "several"})


def _sibling_origin_r37(W: list[str], m: _Mention, start: int) -> bool:
    """r37: a departure country that is another origin of the same people: its verb is "come" itself ("came from
    A as well as from B") or a departure whose subject is a quantifier ("but others left B")."""
    t = m.trigger
    if t is None:
        return False
    if W[t] in CAME_VERBS_R37:
        return True
    k = t - 1
    while k >= start and W[k] in {"had", "have", "has", "also"}:
        k -= 1
    return k >= start and W[k] in SIBLING_SUBJECTS_R37


def _came_from_nat_r37(doc: Doc, m: _Mention, ms: list[_Mention], start: int, lex: _Lex) -> bool:
    """r37: a country named after "came from" (or a list hanging from it), adverbs allowed between ("came mostly
    from A, B and C"): the place some of the people came from, not a nationality."""
    if m.kind != "name":
        return False
    W = doc_lowers(doc)
    c = _cue_before(doc, m, ms, start, lex)
    if c is None or W[c] != "from":
        return False
    k = c - 1
    while k >= start and W[k] in CAME_ADVERBS_R37:
        k -= 1
    return k >= start and W[k] in CAME_VERBS_R37


OFF_COAST_WORDS = frozenset({"the", "coast", "coasts", "shore", "shores", "of", "waters", "coastline"})


def _off_coast_r35(W: list[str], m: _Mention, start: int) -> bool:
    """r35: a country named after "off" ("off Libya", "off the coast of Libya"): a place at sea near it."""
    k = m.start - 1
    while k >= start and m.start - k <= 5 and W[k] in OFF_COAST_WORDS:
        k -= 1
    return k >= start and W[k] == "off"


def _departures_r35(b: _Builder) -> frozenset[str]:
    """r35: the countries the document's people left by a departure word or "from" (not "off X", a place at sea):
    boats that "set out from X" and got "rescued off the coast of X" were at sea, not in X, for the rescue. Found
    once per document, when first needed."""
    if b.departures_r35 is None:
        W = doc_lowers(b.doc)
        b.departures_r35 = frozenset(m.iso for s in b.sentences_r35 for m in s.mentions if m.role == "SRC"
                                     and m.kind == "name" and not _off_coast_r35(W, m, s.span.start))
    return b.departures_r35


def _list_heads_join(W: list[str], ms: list[_Mention], nat: list[_Mention], lex: _Lex) -> None:
    """A list is one group in both directions: in "children from A, B, and C ... allowed to enter Y" only C is
    near the movement word, and A and B, listed before it, go with it (``nat`` gains them, in sentence order)."""
    for m, nxt in reversed(list(zip(ms, ms[1:], strict=False))):
        if nxt in nat and m.role == "NAT" and m not in nat and all(w in lex.joiners for w in W[m.end:nxt.start]):
            nat.insert(nat.index(nxt), m)


GROUP_LEADS = {"some", "about", "around", "over", "more", "than", "nearly", "almost", "at", "least", "up", "to",
               "hundreds", "thousands", "dozens", "tens", "millions", "of", "the", "a", "an", "many", "most", "several",
               "few", "other", "young", "new", "newly", "arrived", "these", "those", "two", "three", "four", "five",
               "\"", "“", "-", "–", "—"}
PLACE_MODIFIERS = {"a", "an", "the", "northern", "southern", "eastern", "western", "central", "north", "south",
                   "east", "west"}


def _located_group(doc: Doc, s: _Sentence, lex: _Lex) -> list[tuple[_Mention, _Mention]]:
    """(origin, place) of a migrant group opening the sentence and the place it is in further on: "Syrian refugees
    queue for bread in a camp in Jordan", "Honduran migrants rest at a shelter in Tijuana, Mexico". Only migrant
    and refugee nouns (not tourists), only when the sentence names no journey, and nothing blocked or planned."""
    W, T = doc_lowers(doc), doc_texts(doc)
    ms = s.mentions
    start, end = s.span.start, s.span.end
    if s.deport or s.military or any(m.role in {"DST", "SRC", "VIA", "REFIN"} for m in ms):
        return []
    opener = next((m for m in ms if m.role == "NAT"), None)
    if opener is None:
        return []  # (tested first: most sentences have no group, and then no word list is made)
    words = W[start:end]
    if not lex.block.isdisjoint(words) or not BANS.isdisjoint(words):
        return []
    lead_end = opener.start if opener.kind == "demonym" else opener.start - 2  # before "migrants from"
    if opener.start - start > 6 or any(m.start < opener.start for m in ms) or not all(
            W[k] in GROUP_LEADS or doc[k].like_num for k in range(start, lead_end)):
        return []  # the group is the subject: "Some 300 Syrian refugees ...", not "The meeting with Syrian refugees"
    if opener.kind == "demonym":
        group = next((k for k in range(opener.end, min(opener.end + 2, end)) if W[k] in lex.refugee_groups), None)
    else:  # "migrants from Afghanistan"
        group = opener.start - 2 if opener.start - 2 >= start and W[opener.start - 1] == "from" \
            and W[opener.start - 2] in lex.refugee_groups else None
    if group is None:
        return []
    cluster = {opener.iso} | {m.iso for m in ms if m.role == "NAT" and m.start - opener.end <= 4}
    out = []
    for m in ms:
        if m.start <= opener.end or m.iso in cluster or m.role not in {None, "LOC"}:
            continue
        if out and T[m.start - 1] == "," and out[-1][1].end == m.start - 1:
            out.append((opener, m))  # "in Del Rio, Texas": the town's state or country
            continue
        k = m.start - 1
        if T[k] == ",":  # "in Del Rio, Texas": a town too small for the gazetteer, then its state or country
            t = k - 1
            while t > opener.end and k - t <= 3 and T[t][:1].isupper():
                t -= 1
            k = t if t < k - 1 else k
        while k > opener.end and m.start - k <= 6 and W[k] in PLACE_MODIFIERS:
            k -= 1
        if W[k] not in {"in", "at"} or m.start - opener.end > 15 or any(
                T[i] in CLAUSE_BREAKS and T[i] != "," or W[i] in {"where", "which", "who", "that"}
                for i in range(opener.end, k)):
            return []  # "Syrian refugees who reached Jordan ...": a relative clause tells something else
        out.append((opener, m))
    if len({m.iso for _, m in out}) != 1 or any(m.iso not in cluster | {out[0][1].iso} for m in ms):
        return []  # one place in one other country, and no other country in the sentence
    return out[:1]


def _fled_now_in(doc: Doc, s: _Sentence, src: list[str], lex: _Lex) -> str | None:
    """The one other country a sentence places people in who fled (escaped) a country: "he is waiting in Mexico
    after fleeing Honduras", "who fled Sudan and was granted asylum in France"; not when anything is planned,
    hoped or negated, nor a deportation."""
    W, L = doc_lowers(doc), doc_lemmas(doc)
    start, end = s.span.start, s.span.end
    if s.deport or s.military or not lex.block.isdisjoint(W[start:end]) or not any(
            L[m.trigger] in FLIGHT_LEMMAS for m in s.mentions if m.role == "SRC" and m.trigger is not None):
        return None
    places = {m.iso for m in s.mentions if m.iso not in src and m.role in {None, "LOC"}}
    if len(places) != 1 or any(m.iso not in src and m.iso not in places and m.role != "ADJ" for m in s.mentions):
        return None
    located = [m for m in s.mentions if m.iso in places and m.role in {None, "LOC"} and (
        W[m.start - 1] in {"in", "at"} or W[m.start - 2:m.start] in (["in", "the"], ["at", "the"])
        or _comma_after_place(doc, m))]
    return located[0].iso if located else None


def _comma_after_place(doc: Doc, m: _Mention) -> bool:
    """"in Oaxaca, Mexico": a country after a place introduced by "in"/"at"."""
    W, T = doc_lowers(doc), doc_texts(doc)
    k = m.start - 1
    if k < 2 or T[k] != ",":
        return False
    t = k - 1
    while t > 0 and k - t <= 3 and T[t][:1].isupper():
        t -= 1
    return t < k - 1 and W[t] in {"in", "at"}


def _waterway_flows(b: _Builder, s: _Sentence, lex: _Lex) -> None:
    """"Migrants crossed the Channel in small boats": a crossing with fixed sides names the pair."""
    doc, sent = b.doc, s.span
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    crossing = [i for i in s.triggers if L[i] in {"cross", "crossing", "crossings", "sail", "swim"}]
    if not crossing and "across" in doc_text(doc)[sent.start_char:sent.end_char]:  # "take them across the Channel"
        crossing = [i for i in range(sent.start, sent.end - 2) if W[i] == "across"
                    and W[i + 1] == "the" and W[i + 2] in lex.waterway_heads
                    and T[i + 2][:1].isupper()]
    if not crossing:
        return
    people = any(w in lex.refugee_groups or w in {"boat", "boats", "dinghy", "dinghies", "people", "families",
                                                  "children"} for w in W[sent.start:sent.end]) \
        or any(m.role == "NAT" for m in s.mentions)  # "people crossing the Channel are from Iran"
    for i in range(sent.start, sent.end):
        if not T[i][:1].isupper():
            continue
        for n in (3, 2, 1):
            key = tuple(W[i:min(i + n, sent.end)])
            compound = i + n < sent.end and W[i + n] in {"crossing", "crossings"}  # "Channel crossings"
            if not (people or compound):
                continue
            if len(key) == n and key in lex.waterways and (
                    n > 1 or compound or i > sent.start and W[i - 1] == "the"):
                near, far = lex.waterways[key]
                trig = min(crossing, key=lambda t: abs(t - i))
                if abs(trig - i) > 6:
                    break
                b.add(sent, near, far, [trig, i + n - 1], trigger=trig)
                nat = [m.iso for m in s.mentions if m.role == "NAT"]
                for o in dict.fromkeys(nat + [iso for _, iso in s.ethnic]):
                    b.add(sent, o, far, [trig, i + n - 1], via=(near,), trigger=trig)
                for m in s.mentions:  # r35: "sailed the Channel from A and B": each coast left
                    if m.role == "SRC" and m.kind == "name" and m.trigger == trig and m.iso not in {near, far}:
                        b.add(sent, m.iso, far, [trig, m.start], trigger=trig)
                return


def _reporting_country(doc: Doc, s: _Sentence, lex: _Lex) -> str | None:
    """"Poland says 2 million refugees have arrived from Ukraine": the country counting arrivals is where they are."""
    first = next((m for m in s.mentions if m.kind == "name"), None)
    if first is None or first.start - s.span.start > 1 or first.end >= s.span.end:
        return None
    W = doc_lowers(doc)
    k = first.end
    if k < s.span.end and W[k] in {"'s", "’s"}:  # "Finland's border guard said", "Poland's interior ministry says"
        n = next((len(a) for a in lex.border_authorities if tuple(W[k + 1:k + 1 + len(a)]) == a), 0)
        k = k + 1 + n if n else k
    while k < s.span.end and k - first.end < 2 and W[k] in {"has", "have", "had", "also", "already"}:
        k += 1
    if k < s.span.end and W[k] in BORDER_ACTIONS and any(
            w in lex.border_words for w in W[k + 1:min(k + 4, s.span.end)]):
        return first.iso  # "Finland closed its border after a surge of asylum seekers arriving from Russia"
    return first.iso if k < s.span.end and W[k] in SPEECH else None


def _counting_country(doc: Doc, s: _Sentence, lex: _Lex) -> str | None:
    """A country opening the sentence that registers or records refugees ("Germany has registered 1 million
    refugees from Ukraine") is where they are."""
    first = next((m for m in s.mentions if m.kind == "name"), None)
    if first is None or first.start - s.span.start > 1 or first.role is not None:
        return None
    W = doc_lowers(doc)
    k = first.end
    while k < s.span.end and k - first.end < 3 and W[k] in {"has", "have", "had", "also", "already", "so", "far"}:
        k += 1
    if k >= s.span.end or W[k] not in COUNT_VERBS:
        return None
    return first.iso if any(w in lex.refugee_groups for w in W[k + 1:min(k + 10, s.span.end)]) else None


def _demonym_authority(doc: Doc, s: _Sentence, lex: _Lex) -> str | None:
    """The country of a border authority named by its demonym ("Polish border guards said")."""
    W = doc_lowers(doc)
    for m in s.mentions:
        surface = doc[m.start:m.end].text
        if m.kind != "demonym" and not (m.kind == "place" and surface in gazetteer().demonym_by_surface):
            continue  # "Greek coast guards": a demonym read as a place before "coast"
        for auth in lex.border_authorities:
            if tuple(W[m.end:m.end + len(auth)]) == auth:
                return m.iso
    return None


def _national_authority(doc: Doc, s: _Sentence, lex: _Lex) -> str | None:
    """The state of a border agency named without its country ("Border Patrol agents said")."""
    words = doc_lowers(doc)[s.span.start:s.span.end]
    T = doc_texts(doc)
    for phrase, iso in lex.national_authorities:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k:k + n]) == phrase and T[s.span.start + k][:1].isupper():
                return iso
    return None


def _border_authority(ents: list[Span], lex: _Lex) -> str | None:
    """The country of a border authority speaking in the sentence ("Finnish border guards said")."""
    for ent in ents:
        if ent.label_ != "ORG" or not ent._.iso:
            continue
        words = tuple(_word(t) for t in ent)
        for auth in lex.border_authorities:
            n = len(auth)
            if any(words[k:k + n] == auth for k in range(len(words) - n + 1)):
                return ent._.iso
    return None


def _border_pairs(doc: Doc, s: _Sentence, main: str | None, lex: _Lex) -> list[tuple[str, str | None, int, bool]]:
    """(country, other side or None, token, whether the text says whose border it is) for each border named."""
    sent = s.span
    W, T = doc_lowers(doc), doc_texts(doc)
    pairs = []
    ms = [m for m in s.mentions if m.kind != "place"]
    by_start = {m.start: m for m in ms}
    by_end = {m.end: m for m in ms}
    for i in range(sent.start, sent.end):
        if W[i] not in lex.border_words or W[i] == "crossing":
            continue
        if i > sent.start and (compound := _compound_text(T[i - 1])):
            pairs.append((compound[0], compound[1], i, False))  # "the U.S.-Mexico border", one token
            continue
        # "X-Y border", "Polish-Belarusian border"
        left = by_end.get(i)
        if left and left.start - 2 >= sent.start and T[left.start - 1] in {"-", "–", "/"} \
                and (m0 := by_end.get(left.start - 1)):
            pairs.append((m0.iso, left.iso, i, False))
            continue
        nxt = i + 1
        k = nxt
        while k < min(nxt + 5, sent.end) and (W[k] in BORDER_OBJECTS or W[k] in {"on", "at", "the", "a"}):
            k += 1
        if k > nxt and k < sent.end and W[k] == "between" and W[k - 1] in BORDER_OBJECTS:
            nxt = k  # "the border fence between Morocco and Spain", "the gate at the border post between A and B"
        if nxt < sent.end and W[nxt] == "between":
            a = by_start.get(nxt + 1) or by_start.get(nxt + 2)
            if a and a.end + 1 < sent.end and W[a.end] == "and":
                b = by_start.get(a.end + 1) or by_start.get(a.end + 2)
                if b:
                    pairs.append((a.iso, b.iso, i, False))
            continue
        if nxt < sent.end and W[nxt] == "with":
            others = []
            k = nxt + 1
            while k < sent.end and k - nxt <= 8:
                m = by_start.get(k)
                if m and m.kind == "demonym":
                    break  # "the border with Georgia as Russians tried to leave": the people, not a second side
                if m:
                    others.append(m)
                    k = m.end
                elif W[k] in lex.joiners or W[k] in lex.fillers:
                    k += 1
                else:
                    break
            if not others:
                continue
            # whose border: "Belarusian borders with", "Russia's border with", else the sentence's other country
            owner = None
            j = i - 1
            while j >= sent.start and i - j <= 4 and W[j] in {"the", "its", "their", "southern", "northern", "eastern",
                                                              "western", "'s", "’s", "land", "shared", "common",
                                                              "long"}:
                j -= 1
            owned = False
            if j >= sent.start and (m := by_end.get(j + 1)):
                owner, owned = m.iso, True
            elif j >= sent.start and T[j] in {"'s", "’s"} and (m := by_end.get(j)):
                owner, owned = m.iso, True
            elif j >= sent.start and (m := _place_ending(s, j + 1)) is not None:
                owner, owned = m.iso, True  # r32: "the Texas border with Mexico": a state's part owns the border
            if owner is None:
                rest = {m.iso for m in ms if m not in others and m.start < i}
                if len(rest) == 1:
                    owner = rest.pop()
                elif main and main not in {o.iso for o in others}:
                    owner = main
            for o in others:
                pairs.append((owner, o.iso, i, owned) if owner else (o.iso, None, i, False))
    return [p for p in pairs if p[1] is not None and p[0] != p[1]]


@lru_cache(maxsize=1)
def _border_owner_places() -> bool:
    """Whether flows.json "border_owner_places_r32" is on (read once: the file is parsed per call otherwise)."""
    return bool(load_json("flows.json").get("border_owner_places_r32"))


def _place_ending(s: _Sentence, end: int) -> _Mention | None:
    """A subnational place of the sentence ending at token ``end`` ("Texas" in "the Texas border with X"), when
    flows.json "border_owner_places_r32" is on (round 32)."""
    if not _border_owner_places():
        return None
    return next((m for m in s.mentions if m.kind == "place" and m.end == end and m.iso), None)


def _compound_pair(tok: Token) -> tuple[str, str] | None:
    """The two countries of a hyphenated token the tokenizer kept whole ("U.S.-Mexico")."""
    return _compound_text(tok.text)


@lru_cache(maxsize=65536)
def _compound_text(text: str) -> tuple[str, str] | None:
    """``_compound_pair`` of a token text."""
    if "-" not in text or not text[:1].isupper():
        return None
    left, _, right = text.partition("-")
    gaz = gazetteer()
    a = gaz.country_by_surface.get(left) or gaz.demonym_by_surface.get(left)
    b = gaz.country_by_surface.get(right) or gaz.demonym_by_surface.get(right)
    return (a, b) if a and b and a != b else None


def _border_context(doc: Doc, s: _Sentence, lex: _Lex) -> bool:
    words = doc_lowers(doc)[s.span.start:s.span.end]
    people = not lex.border_people.isdisjoint(words) or _crossings_of_border(words, lex)
    crisis = "crisis" in words and any(  # (the word test in C first: most sentences have no "crisis")
        w == "crisis" and k > 0 and words[k - 1] in lex.crisis_words for k, w in enumerate(words))
    context = not lex.border_context.isdisjoint(words)
    if context and "mass" in words and lex.border_context.isdisjoint(w for w in words if w != "mass"):
        # "a mass prayer on the border": the adjective; people mass at a border (r29)
        context = any(w == "mass" and words[k + 1:k + 2] and words[k + 1] in MASS_NEXT for k, w in enumerate(words))
    if people and context and not crisis:
        context = _context_word_in_prose(doc, s, lex)
    return crisis or (people and context)


@lru_cache(maxsize=1)
def _crossing_nouns() -> frozenset[str]:
    """flows.json "crossings_of_border_r32" (read once: the file is parsed per call otherwise)."""
    return frozenset(load_json("flows.json").get("crossings_of_border_r32") or ())


def _crossings_of_border(words: list[str], lex: _Lex) -> bool:
    """"illegal crossings of the X-Y border have risen": a plural crossing noun with "of the" and a border word
    within three tokens names people crossing it, as a people noun does (round 32; flows.json
    "crossings_of_border_r32", off when absent)."""
    nouns = _crossing_nouns()
    if not nouns or "of" not in words:
        return False
    return any(w in nouns and words[k + 1:k + 3] == ["of", "the"]
               and not lex.border_words.isdisjoint(words[k + 3:k + 6]) for k, w in enumerate(words))


MASS_NEXT = frozenset({"at", "on", "along", "near", "by", "outside", "in", "there", "again"})


def _context_word_in_prose(doc: Doc, s: _Sentence, lex: _Lex) -> bool:
    """A border-context word written in lower case (or opening the sentence): a capitalised one mid-sentence is part
    of a name ("Childhood Arrivals" in a program's title), not people arriving."""
    T = doc_texts(doc)
    start = s.span.start
    return any(w in lex.border_context and (k == start or T[k][:1].islower())
               for k, w in enumerate(doc_lowers(doc)[start:s.span.end], start))


def _hedged_before(doc: Doc, s: _Sentence, i: int) -> bool:
    """A border mentioned after "would", "potential", "if"...: a feared crisis, not a reported one."""
    W = doc_lowers(doc)
    if any(w in {"would", "could", "might", "may", "potential", "possible", "will", "should", "if", "prevent",
                 "avoid"} for w in W[max(s.span.start, i - 10):i]):
        return True
    return _negated_crossing(W, doc_lemmas(doc), s, i)


def _negated_crossing(W: list[str], L: list[str], s: _Sentence, i: int) -> bool:
    """"do not come across the A-B border", "never crossed the A-B border": a negator right before the movement
    word that reaches the border (the verb at most six words before it, no clause break between; r32 audit)."""
    kind = _lex().kind
    for k in range(max(s.span.start, i - 7), i - 1):
        if W[k] in BORDER_NEGATORS and (W[k + 1] in kind or L[k + 1] in kind) and not any(
                w in {",", ";", "but", "and", "or", "who", "which", "that", "where", "while"} for w in W[k + 2:i]):
            return True
    return False


def _orient(a: str, b: str, explicit: set[tuple[str, str]], main: str | None, lex: _Lex, s: _Sentence,
            owned: bool) -> tuple[str, str] | None:
    """Direction of people moving across the border between a and b: flows stated elsewhere in the document,
    the nationality of the people at the border, the document's main origin, the side people go on from
    elsewhere in the document (they reach it first: "Mexico -> U.S." stated, the Guatemala-Mexico border is
    crossed into Mexico), the side people usually go to,
    and last, for an exodus at "Russia's border with Georgia", the owner of the border."""
    if (a, b) in explicit and (b, a) not in explicit:
        return a, b
    if (b, a) in explicit and (a, b) not in explicit:
        return b, a
    nat = {m.iso for m in s.mentions if m.role == "NAT"} & {a, b}
    if len(nat) == 1:
        return (a, b) if a in nat else (b, a)
    if main in {a, b}:
        return (a, b) if main == a else (b, a)
    onward = {o for o, _ in explicit}  # countries people go on from: the caravan reaches Mexico from Guatemala
    reached = {d for _, d in explicit}
    if (a in onward) != (b in onward) and not {a, b} & reached:
        return (b, a) if a in onward else (a, b)
    if (a in lex.receiving) != (b in lex.receiving):
        return (b, a) if a in lex.receiving else (a, b)
    if owned and any(kind == "depart" for kind in s.triggers.values()):
        return a, b
    return None


def extract_flows(doc: Doc, assertions: DocumentAssertions, prefilter: bool = True,
                  backoff: bool | None = None, scorer: bool | None = None) -> list[Flow]:
    """Flows of people between countries stated in the document, with evidence, time and counts.

    ``prefilter=False`` skips no token or sentence the index would skip (a reference for the tests).
    ``backoff`` runs the broader sentence tier after the rules (None: the ``backoff`` switch of flows.json,
    overridden by the environment variable MIGRAPH_FLOWS_BACKOFF=0/1). ``scorer`` adds the pairs the learned
    scorer accepts after all rules (None: ``enabled`` of flow_scorer.json, or MIGRAPH_FLOW_SCORER=0/1)."""
    if not on_topic(doc):
        return []  # nothing about people's movement (extractors.topic)
    lex = _lex()
    sentences = _sentences(doc, assertions, lex, prefilter)
    main = _main_origin(sentences, lex)
    b = _Builder(doc, assertions)
    b.sentences_r35 = sentences
    for s in sentences:
        if s.mentions:
            _sentence_flows(b, s, main, lex)
        _waterway_flows(b, s, lex)
    _journey_on(b, sentences, main)
    explicit = {(f.origin, f.destination) for f in b.flows}
    T, W_all = doc_texts(doc), doc_lowers(doc)
    for s in sentences:
        if not (s.mentions or any("-" in t and _compound_text(t) for t in T[s.span.start:s.span.end])) \
                or not _border_context(doc, s, lex):
            continue
        for a, c, i, owned in _border_pairs(doc, s, main, lex):
            if _hedged_before(doc, s, i) or _secured_border(W_all, i, s.span.start, s.span.end):
                continue
            oriented = _orient(a, c, explicit, main, lex, s, owned)
            if oriented:
                compound = [i - 1] if i > s.span.start and _compound_text(T[i - 1]) else []
                b.add(s.span, oriented[0], oriented[1],
                      [i] + compound + [m.start for m in s.mentions if m.iso in {a, c}], trigger=i)
                for m in s.mentions:  # "Honduran migrants waited at the U.S.-Mexico border": going the same way
                    if m.role == "NAT" and m.iso not in {a, c} and (s.has_group or m.kind == "demonym") \
                            and 0 < i - m.start <= NAT_WINDOW:
                        b.add(s.span, m.iso, oriented[1], [i, m.start], trigger=i)
    _sibling_origins(b, sentences, lex)
    before = len(b.flows)
    _deportation_flows(b, sentences, lex)
    _return_flows(b, sentences, lex)
    _application_flows(b, sentences, main, lex)
    _stopped_by_state(b, sentences, lex)
    # where the document's people went: destinations, and the states deporting them (where they had been)
    went = Counter(f.origin if k >= before and f.trigger and _is_deport_trigger(f.trigger, lex) else f.destination
                   for k, f in enumerate(b.flows))
    went.update(m.iso for s in sentences for m in s.mentions if m.role in {"DST", "REFIN"} and m.kind != "place"
                and not any(f.destination == m.iso for f in b.flows))  # "America resettled more refugees"
    _resident_origins(b, sentences, went, lex)
    if _backoff_lex().enabled if backoff is None else backoff:
        _backoff_flows(b, sentences, main)
        _people_in_country(b, sentences, lex)
        _unflowed_story_people(b, sentences, lex)
        _origins_in_story_state(b, sentences)
        _people_placed(b, sentences)
        _introduced_origin(b, sentences)
    _side_border_flows(b, sentences, lex)
    _bare_border_flows(b, sentences, lex)
    _listed_origins(b, sentences, lex)
    _personal_origins(b, sentences)
    _transit_purpose(b, sentences)
    _entered_at_border(b, sentences)
    _dateline_people(b, sentences)
    _destination_for(b, sentences)
    _returned_from_host(b, sentences)
    _state_sends_people(b, sentences)
    _state_flies_people(b, sentences)
    _hosts_of_refugees(b, sentences, main)
    _returned_to(b, sentences, lex)
    _caravan_legs(b, sentences)
    _country_anaphora(b, sentences, lex)
    _adjective_border_crossing(b, sentences, lex)
    _hoped_asylum(b, sentences, lex)
    _onward_legs(b, sentences)
    _host_reported_arrivals(b, sentences, main)
    _facing_inflow(b, sentences)
    _inflow_elsewhere(b, sentences)
    _return_flight(b, sentences)
    _their_countries(b, sentences)
    _departed_near_landing(b, sentences)
    _origin_lists_near_landing(b, sentences)
    _returnees_from(b, sentences, main)
    _origin_sentences_before(b, sentences, main)
    _over_adjective_border(b, sentences)
    _pushed_into(b, sentences)
    _migrant_flights(b, sentences)
    _other_way_around(b, sentences)
    _coast_facing(b, sentences)
    _work_abroad_legs(b, sentences)
    _gapped_destinations_r36(b, sentences, main)
    _listed_hosts_report_r36(b, sentences)
    _origins_said_after_arrival_r36(b, sentences)
    _lived_then_moved_r36(b, sentences)
    _gapped_hosts_r36(b, sentences)
    _nationals_came_from_r36(b, sentences)
    _onward_carrier_r36(b, sentences)
    _country_anaphora_before_r36(b, sentences, lex)
    _rescued_lists_near_landing(b, sentences)
    _from_there_legs(b, sentences)
    _their_territory_r37(b, sentences, main)
    _inflow_opener_r37(b, sentences)
    _destination_list_r37(b, sentences, main)
    _carrier_legs(b, sentences)
    _territory_legs(b)
    _facing_inflow_r38(b, sentences)
    _where_many_went_r38(b, sentences, main)
    _makeup_after_arrival_r38(b, sentences)
    _followed_by_r38(b, sentences, main)
    _pickup_flight_r38(b, sentences)
    _went_back_r38(b, sentences, lex)
    _their_country_via_r38(b, sentences, main)
    _sibling_origin_lists_r38(b, sentences)
    _matrix_flows_r39(b, sentences)
    _crowded_flows_r40(b, sentences)  # one crowded sentence (F40), then stories across sentences (G40)
    _story_groups_r40(b, sentences)
    if flow_scorer.enabled(scorer):
        flow_scorer.add_scored_flows(b, sentences, main)
    return b.flows


JOURNEY_SUBJECTS = frozenset({"he", "she", "they", "many", "some", "most", "others", "several"})
JOURNEY_ADVERBS = frozenset({"then", "later", "eventually", "soon", "afterwards", "finally", ","})


def _journey_on(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """A sentence that goes on with the journey of the sentence right before it: "The young
    Eritrean reached Italy by boat. He left for Germany a year later.", "... flew to Belarus. From there they walked
    into Poland": the mover leaves from where the sentence before brought them (its one destination), not from the
    document's main origin. The sentence opens with "from there", or a pronoun or quantifier subject after an
    optional "then"/"later", names no nationality, origin or transit country and has a named destination
    (round 28)."""
    doc = b.doc
    W = doc_lowers(doc)
    for prev, s in zip(sentences, sentences[1:], strict=False):
        start, end = s.span.start, s.span.end
        if prev.span.end != start:
            continue  # not the sentence right before (news paragraphs are often one sentence: a break is kept)
        k = start
        from_there = W[k:k + 2] == ["from", "there"]
        k += 2 if from_there else 0
        while k < end and W[k] in JOURNEY_ADVERBS:
            k += 1
        if not from_there and (k >= end or W[k] not in JOURNEY_SUBJECTS):
            continue
        if any(m.role in {"NAT", "SRC", "VIA"} for m in s.mentions) or s.deport or s.military:
            continue
        dests = [m for m in s.mentions if m.role == "DST" and m.kind == "name"]
        last = {f.destination for f in b.flows if prev.span.start_char <= f.evidence.start < prev.span.end_char}
        if not dests or len(last) != 1:
            continue
        stop = next(iter(last))
        if all(m.iso == stop for m in dests):
            continue
        named = {m.iso for m in s.mentions}
        movers = {f.origin for f in b.flows if prev.span.start_char <= f.evidence.start < prev.span.end_char}
        if main and main not in named and main not in movers:
            # "He left for Germany": not from the document's main origin, unless the sentence before moved its people
            b.flows = [f for f in b.flows if not (f.origin == main and s.span.start_char <= f.evidence.start
                                                  < s.span.end_char)]
        for m in dests:
            b.add(s.span, stop, m.iso, [m.start] + ([m.trigger] if m.trigger is not None else []),
                  trigger=m.trigger)


@dataclass(frozen=True)
class _SideBorders:
    """Lexicons of ``_side_border_flows`` (flows.json "side_borders")."""

    neighbours: dict[str, dict[str, str]]  # owner ISO -> side word -> the state on that side
    sides: frozenset[str]  # the side words of neighbours
    owner_words: frozenset[str]  # "the nation's", "our" (before the side word): the story's state's border
    people: frozenset[str]
    moving: frozenset[str]  # people crossing or arriving ("crossing", "influx"), not "wait" or "secure"


@lru_cache(maxsize=1)
def _side_borders_lex() -> _SideBorders | None:
    data = load_json("flows.json").get("side_borders")
    if not data or not data.get("enabled", True):
        return None
    neighbours = {k: dict(v) for k, v in data["neighbours"].items()}
    return _SideBorders(neighbours=neighbours, sides=frozenset(w for v in neighbours.values() for w in v),
                        owner_words=frozenset(data["owner_words"]), people=frozenset(data["people"]),
                        moving=frozenset(data["moving"]))


def _side_border_owner(W: list[str], start: int, k: int, mentions: list[_Mention], state: str | None,
                       sb: _SideBorders) -> str | None:
    """Whose border the side word at k names: a country just before it ("the U.S. southern border", "Mexico's
    southern border"), else the story's state ("the southern border", "the nation's southern border")."""
    j = k - 1
    if j >= start and W[j] in {"'s", "’s"}:
        j -= 1
    owner = next((m for m in mentions if m.end == j + 1 and m.kind != "place"), None)
    if owner is not None:
        return owner.iso
    if j >= start and (W[j] == "the" or W[j] in sb.owner_words):
        return state
    return None


def _side_border_flows(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"A surge of children illegally crossing the southern border" in a story set in the United States: a border
    named by its side ("southern", "northern") is the border with the neighbour on that side (flows.json
    side_borders), and people crossing or arriving at it go from the neighbour to the border's owner (annotators
    mark Mexico -> United States for migrants reaching the U.S. southern border). The owner is a country named just
    before the side word or, for "the southern border", the story's state; the sentence needs people and a crossing
    or arrival word (not "wait", "secure"), no hedge before the border, no troops or deportation and no
    other country as the people's destination, and no other flow of the document may reach the owner already
    ("record numbers of migrants reach the U.S. southern border. Many are from Peru": the document gives the
    origins) — unless they cross it ("families from Honduras ... crossing the southern border": they came through
    the neighbour, a leg annotators mark too). Such sentences often name no country: all sentences are read."""
    sb = _side_borders_lex()
    doc = b.doc
    if sb is None or "border" not in (present := doc_word_set(doc)) or present.isdisjoint(sb.sides):
        return
    W, L = doc_lowers(doc), doc_lemmas(doc)
    at = [k for k in positions_in(W, ["border"]) if k > 0 and W[k - 1] in sb.sides]
    if not at:
        return
    starts, sentence = _sentence_starts(doc)
    read = {s.span.start: s for s in sentences}
    state = _story_state(sentences)
    known = {(f.origin, f.destination) for f in b.flows}
    reached = {f.destination for f in b.flows}  # a document that says where its people came from says it
    for i in at:
        k = i - 1  # the side word
        sent = sentence(bisect_right(starts, k) - 1)
        start, end = sent.start, sent.end
        words, lemmas = W[start:end], L[start:end]
        if sb.people.isdisjoint(words) or sb.moving.isdisjoint(words) \
                or not lex.military.isdisjoint(words) or not lex.deport.isdisjoint(words) \
                or not lex.deport.isdisjoint(lemmas):
            continue
        s = read.get(start)
        mentions = s.mentions if s is not None else []
        owner = _side_border_owner(W, start, k, mentions, state, sb)
        neighbour = sb.neighbours.get(owner or "", {}).get(W[k])
        crossed = any(w in CROSSING_WORDS for w in W[max(start, k - 6):k])  # "crossing the southern border"
        if _secured_border(W, i, start, end):
            continue  # "secure the southern border": the state's measure, no people crossing (r29)
        if owner is None or neighbour is None or (neighbour, owner) in known or owner in reached and not crossed \
                or any(w in _HEDGES_BEFORE_BORDER for w in W[max(start, k - 10):k]):
            continue
        if any(m.role in {"DST", "REFIN"} and m.iso not in {owner, neighbour} for m in mentions):
            continue  # the people go elsewhere
        b.add(sent, neighbour, owner, [k, i], trigger=i)
        known.add((neighbour, owner))



def _document_border(doc: Doc, sentences: list[_Sentence], b: _Builder, sb: _SideBorders | None
                     ) -> tuple[str, str] | None:
    """The one border the document names, oriented the way people cross it: a side border ("the southern
    border" of the story's state, "the U.S. southern border") is crossed from the neighbour into its owner; a
    border named by its two states ("the U.S.-Mexico border") the way the document's flows between them go, else
    into the story's state. None when the document names two different borders or no direction is known."""
    W, T = doc_lowers(doc), doc_texts(doc)
    state = _story_state(sentences)
    starts, sentence = _sentence_starts(doc)
    mentions = {s.span.start: s.mentions for s in sentences}
    by_end = {m.end: m for s in sentences for m in s.mentions if m.kind != "place"}
    pairs: set[frozenset[str]] = set()
    oriented: set[tuple[str, str]] = set()
    for i in positions_in(W, ["border"]) + positions_in(W, ["borders"]):
        if i == 0:
            continue
        if compound := _compound_text(T[i - 1]):
            pairs.add(frozenset(compound))
            continue
        right = by_end.get(i)
        if right and right.start >= 2 and T[right.start - 1] in {"-", "–", "/"} \
                and (left := by_end.get(right.start - 1)) and left.iso != right.iso:
            pairs.add(frozenset((left.iso, right.iso)))  # "the US - Mexico border" split by the tokenizer
            continue
        if sb is not None and W[i - 1] in sb.sides:
            sent = sentence(bisect_right(starts, i - 1) - 1)
            owner = _side_border_owner(W, sent.start, i - 1, mentions.get(sent.start, []), state, sb)
            neighbour = sb.neighbours.get(owner or "", {}).get(W[i - 1])
            if owner and neighbour:
                pairs.add(frozenset((neighbour, owner)))
                oriented.add((neighbour, owner))
    if len(pairs) != 1:
        return None
    a, c = sorted(next(iter(pairs)))
    if len(oriented) == 1:
        return next(iter(oriented))
    flows = {(f.origin, f.destination) for f in b.flows} & {(a, c), (c, a)}
    if len(flows) == 1:
        return next(iter(flows))
    if state in {a, c}:
        return (c, a) if state == a else (a, c)
    return None


BARE_BORDER_PEOPLE = frozenset({"those"})  # "those who crossed the border" (not "anyone who crosses": a rule's reach)
BARE_BORDER_STOPS = frozenset({"not", "n't", "n’t", "never", "try", "tries", "trying", "tried", "attempt",
                               "attempting", "attempted"})


def _bare_border_flows(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"Families who illegally crossed the border" in a document whose only border is the U.S.-Mexico one: "the
    border" is that border, and people who crossed it went the way it is crossed (``_document_border``). Only a
    crossing verb right before "the border" and people in the sentence; nothing hedged or tried before the verb
    ("would cross", "tried to cross", "did not cross"), no troops. Such sentences name no country: all are read."""
    doc = b.doc
    W = doc_lowers(doc)
    if "border" not in doc_word_set(doc):
        return
    at = [i for i in positions_in(W, ["border"]) if i >= 2 and W[i - 1] == "the"
          and (W[i - 2] in CROSSING_WORDS or i >= 3 and W[i - 2] in {"illegally", "unlawfully"}
               and W[i - 3] in CROSSING_WORDS)]
    if not at:
        return
    pair = _document_border(doc, sentences, b, _side_borders_lex())
    if pair is None or pair in {(f.origin, f.destination) for f in b.flows}:
        return
    starts, sentence = _sentence_starts(doc)
    people = lex.border_people | BARE_BORDER_PEOPLE
    for i in at:
        v = i - 2 if W[i - 2] in CROSSING_WORDS else i - 3
        sent = sentence(bisect_right(starts, v) - 1)
        start = sent.start
        words = W[start:sent.end]
        before = W[max(start, v - 6):v]
        if people.isdisjoint(words) or not lex.military.isdisjoint(words) \
                or any(w in _HEDGES_BEFORE_BORDER or w in BARE_BORDER_STOPS for w in before):
            continue
        b.add(sent, pair[0], pair[1], [v, i], trigger=i)
        return  # one pair per document

CROSSING_WORDS = frozenset({"cross", "crosses", "crossed", "crossing", "crossings"})
_HEDGES_BEFORE_BORDER = frozenset({"would", "could", "might", "may", "potential", "possible", "will", "should", "if",
                                   "prevent", "avoid", "stop", "deter", "keep", "stem",
                                   "curb"})  # ``_hedged_before``'s, and stopping


RETURN_WORDS = {"return", "returned", "returning", "returns"}


def _return_flows(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """People going back are people moving: "Ukrainian refugees returned home from Poland" is Poland -> Ukraine,
    "Syrians returned to Syria from Lebanon" too; the country left must be named ("from Y"), and the one
    returned to ("to X", or "home" for the group's one nationality); nothing hedged, no army."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        start, end = s.span.start, s.span.end
        if s.military or len(s.mentions) < 2 or RETURN_WORDS.isdisjoint(W[start:end]):
            continue
        nats = list(dict.fromkeys(m.iso for m in s.mentions if m.role == "NAT"))
        for i in range(start, end):
            if W[i] not in RETURN_WORDS or _blocked(doc, i, start, lex) or not (s.has_group or nats) \
                    or not lex.deport_hedges.isdisjoint(W[max(start, i - BLOCK_WINDOW):i]):
                continue
            after = [(m, W[c]) for m in s.mentions if i < m.start <= i + 12 and m.kind != "demonym"
                     and (c := _cue_before(doc, m, s.mentions, start, lex)) is not None and c > i]
            left = [m for m, c in after if c == "from"]
            to = [m for m, c in after if c in {"to", "into"} and m.start <= i + 6]
            if not to and (W[i + 1:i + 2] == ["home"] or W[i + 1:i + 3] == ["back", "home"]):
                to = [m for m in s.mentions if m.role == "NAT" and len(nats) == 1]
            if not to and left and len(nats) == 1:
                to = [m for m in s.mentions if m.role == "NAT"]  # "Syrians who returned from Lebanon"
            for o in left[:1]:
                for d in to[:1]:
                    b.add(s.span, o.iso, d.iso, [i, o.start, d.start], trigger=i)


FLIGHT_LEMMAS = {"flee", "fled", "fleeing", "escape", "escaped", "escaping", "emigrate", "emigrated"}  # only people
FLIGHT_PEOPLE = {"they", "them", "those", "many", "thousands", "hundreds", "millions"}  # not "traders fleeing a crash"
BANS = {"ban", "bans", "banned", "bar", "bars", "barred", "restrict", "restricted", "suspend", "suspended", "halt",
        "halted", "block", "blocked", "exclude", "excluded"}
REFUGEE_NOUNS = {"refugee", "refugees", "asylum-seeker", "asylum-seekers", "seeker", "seekers"}
RESIDENT_NOUNS = {"immigrant", "immigrants"}  # people who have arrived; refugees are often still waiting


def _via_word_before(doc: Doc, m: _Mention, s: _Sentence, lex: _Lex) -> bool:
    """"crossed through Hungary", "travelling via southern Mexico": the transit country right after its movement
    word and "through"/"via", with nothing between them naming another goal ("entering Europe through Turkey")."""
    W, T = doc_lowers(doc), doc_texts(doc)
    between = range(m.trigger + 1, m.start)
    adjacent = W[m.start - 1] in {"through", "via"} or (
        m.start - 2 > m.trigger and W[m.start - 2] in {"through", "via"}
        and W[m.start - 1] in {"the", "southern", "northern", "eastern", "western", "central"})
    return adjacent and not any(T[k][:1].isupper() or W[k] in lex.region_origin for k in between)


CROSSER_NOUNS = {"citizens", "nationals", "people", "men", "women", "families", "migrants", "migrant"}
CROSS_VERBS = {"crossed", "cross", "crossing", "crosses", "entered", "enter", "entering", "enters"}


def _crossed_border(doc: Doc, s: _Sentence) -> bool:
    """Whether the sentence reports people crossing "the border" (an unblocked movement word followed by the
    border as its object), which places them in the document's destination."""
    W = doc_lowers(doc)
    return any(W[i] in CROSS_VERBS and W[i + 1:i + 3] in (["the", "border"], ["the", "frontier"])
               for i in s.triggers if i + 3 <= s.span.end)


def _is_deport_trigger(text: str, lex: _Lex) -> bool:
    first = text.split()[0].lower()
    return first in lex.deport_moves or first in lex.deport_back


ORIGIN_NOUNS = (("countries", "of", "origin"), ("country", "of", "origin"), ("source", "countries"),
                ("main", "source", "countries"), ("top", "source", "countries"),
                # "A, B and C, the countries that send the most migrants"; "countries that send migrants"
                ("countries", "sending"), ("countries", "that", "send"), ("countries", "which", "send"),
                ("sending", "countries"), ("countries", "that", "sent"),
                # "the main countries from which the arrivals had come were A, B and C"
                ("countries", "from", "which"), ("country", "from", "which"), ("nations", "from", "which"))
FROM_WHICH_VERBS = {"came", "come", "comes", "coming", "fled", "flee", "flees", "fleeing", "arrived", "arrive",
                    "arrives", "migrated", "emigrated", "hailed", "hail", "originated"}
FROM_WHICH_COPULAS = {"were", "are", "was", "is", "include", "included", "includes"}
ORIGIN_FIRSTS = frozenset(phrase[0] for phrase in ORIGIN_NOUNS)  # where an ORIGIN_NOUNS phrase can begin
SENDING = {"sending", "send", "sent"}
NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few"}


def _origin_list(doc: Doc, s: _Sentence, dest: str | None, lex: _Lex) -> tuple[list[_Mention], str | None]:
    """Countries named as "the countries of origin" of the document's migrants ("with Eritrea and Sudan among the
    chief countries of origin", "Mali, Chad and Niger, the countries of origin of most arrivals"),
    and where they went: the document's destination, or else the one receiving country the sentence also names."""
    W = doc_lowers(doc)
    start, end = s.span.start, s.span.end
    words = W[start:end]
    hit = next(((start + k, len(phrase)) for k in _at(words, 0, len(words), ORIGIN_FIRSTS) for phrase in ORIGIN_NOUNS
                if tuple(words[k:k + len(phrase)]) == phrase), None)
    if hit is None or hit[0] > start and W[hit[0] - 1] == "safe":
        return [], None  # "safe countries of origin": a list in asylum law, not where anyone came from
    at, after = hit[0], hit[0] + hit[1]
    if W[after - 1] == "which":  # the relative clause says people came from there; the list follows its verb
        copula = next((k for k in range(after, min(after + 12, end)) if W[k] in FROM_WHICH_COPULAS), None)
        clause = W[after:copula] if copula is not None else []
        if FROM_WHICH_VERBS.isdisjoint(clause) or not any(
                _is_group_lower(w) or w in {"people", "they", "those", "citizens", "nationals"} for w in clause):
            return [], None  # not "the countries from which the goods came"
        after = copula
    if not SENDING.isdisjoint(W[at:after]) and not any(
            _is_group_lower(w) or w in {"people", "citizens", "nationals"} for w in W[after:min(after + 6, end)]):
        return [], None  # "the countries sending troops": only people sent make an origin
    names = [m for m in s.mentions if m.kind == "name" and m.role in {None, "LOC", "NAT"}]
    listed: list[_Mention] = []
    for m in names:  # the list just before ("A, B and C, the countries of origin") or after ("... were A and B")
        gap_before = W[m.end:at]
        gap_after = W[after:m.start]
        joined = listed and all(w in lex.joiners or w in LIST_OPENERS for w in W[listed[-1].end:m.start])
        if joined or m.end <= at and len(gap_before) <= 5 and all(w in lex.joiners or w in lex.fillers or w in {
                "among", "—", "–", "-", ",", "were", "are", "as", "main", "top", "leading", "largest", "biggest",
                "principal", "chief", "primary"} | NUMBER_WORDS for w in gap_before) \
                or m.start >= after and len(gap_after) <= 4 and all(w in {
                    "were", "are", "was", "is", "include", "included", "includes", "being", ",", ":", "—", "–"}
                    or w in lex.fillers for w in gap_after):
            listed.append(m)
    for m in reversed([m for m in names if listed and m.end <= listed[0].start]):
        if all(w in lex.joiners for w in W[m.end:listed[0].start]):
            listed.insert(0, m)  # "Mali, Chad, and Niger, the countries of origin"
    if not listed:
        return [], None
    if dest is None:
        others = {m.iso for m in s.mentions if m not in listed}
        dest = others.pop() if len(others) == 1 and not others & {m.iso for m in listed} else None
        if dest not in lex.receiving:
            return [], None
    if any(m.role in {"DST", "SRC", "VIA", "REFIN"} and m.iso != dest for m in s.mentions):
        return [], None
    return [m for m in listed if m.iso != dest], dest


def _story_state(sentences: list[_Sentence]) -> str | None:
    """The country the story is set in: named (by name or a place in it, not a demonym) at least three times and
    at least twice as often as any other."""
    counts = Counter(m.iso for s in sentences for m in s.mentions if m.kind in {"name", "place"})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


SUSPICION = {"accused", "alleged", "allegedly", "suspected", "suspicion", "charges", "charged", "labelled", "labeled",
             "branded", "deemed", "declared", "dubbed", "claims", "claimed"}


def _state_residents(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """A document that names no destination at all has its migrants where the story is set: "1,300 Cuban migrants
    escaped, Mexico's migration institute said", when the sentence counts them or names that country, gives them
    no other place and reports nothing planned, banned or negated (not "the Syrian refugee program", "tolerance
    for Syrian refugees", "neither Syrian nor refugees")."""
    state = _story_state(sentences)
    if state is None:
        return
    doc = b.doc
    W, T = doc_lowers(doc), doc_texts(doc)
    for s in sentences:
        sent = s.span
        words = W[sent.start:sent.end]
        if s.military or s.deport or s.region_origin or not lex.block.isdisjoint(words) \
                or not BANS.isdisjoint(words) or not SUSPICION.isdisjoint(words) or "neither" in words \
                or "nor" in words:
            continue  # "charged with being migrants from A": an accusation, not a journey
        if any(m.iso != state and m.role not in {"NAT", "ADJ"} for m in s.mentions):
            continue  # another place for them in the sentence
        named = any(m.iso == state for m in s.mentions)
        for m in s.mentions:
            if m.role != "NAT" or m.iso == state:
                continue
            if not named and not any(doc[k].like_num and not T[k][:1].isupper() and W[k] != "one" for k in range(
                    max(sent.start, m.start - 6), min(sent.end, m.end + 10))):
                continue  # a count of them ("1,300 Cuban migrants", "... made up 92%"), not "the Gang of Eight"
            if m.kind == "demonym" and not STATE_NOUNS.isdisjoint(W[m.end:min(m.end + 2, sent.end)]) or (
                    m.kind == "name" and (cue := _cue_before(doc, m, s.mentions, sent.start, lex)) is not None
                    and W[cue] == "from" and not STATE_NOUNS.isdisjoint(W[max(cue - 3, sent.start):cue])):
                b.add(sent, m.iso, state, [m.start])  # "1,300 Cuban migrants", "families from Honduras"
        for i, iso in s.ethnic:  # "Rohingya refugees", "700,000 Rohingya"
            if iso != state and (named or any(doc[k].like_num for k in range(max(sent.start, i - 6), i))) and (
                    W[i] in lex.flow_groups or not STATE_NOUNS.isdisjoint(W[i + 1:i + 3])):
                b.add(sent, iso, state, [i])


def _resident_origins(b: _Builder, sentences: list[_Sentence], went: Counter[str], lex: _Lex) -> None:
    """"Yudanys, a Cuban immigrant, said": an immigrant of a nationality, in a document whose people
    clearly went to one country, is there, when the sentence gives no other place for them. A document that
    names no destination at all has its people in the country the story is set in ("1,300 Cuban migrants" in a
    story about Mexico's migration institute)."""
    ranked = went.most_common(2)
    clear = ranked and not (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1])
    dest = ranked[0][0] if clear else None  # None: no country clearly the document's destination
    if not went:
        _state_residents(b, sentences, lex)
    W, L, T = doc_lowers(b.doc), doc_lemmas(b.doc), doc_texts(b.doc)
    covered = [(f.evidence.sentence_start, f.evidence.sentence_end) for f in b.flows
               if not (f.trigger and _is_deport_trigger(f.trigger, lex))]  # a deportee went there first
    for s in sentences:
        sent = s.span
        if s.military or not s.mentions or (sent.start_char, sent.end_char) in covered:
            continue
        words = W[sent.start:sent.end]
        listed, to = _origin_list(b.doc, s, dest, lex)
        if listed and to and BANS.isdisjoint(words):
            for m in listed:
                b.add(sent, m.iso, to, [m.start])
            continue
        if dest is None or not lex.block.isdisjoint(words):
            continue  # "barred Cuban immigrants": a policy about them, not where they are
        vias = [m for m in s.mentions if m.role == "VIA" and m.kind == "name" and m.iso != dest
                and m.trigger in s.triggers
                and m.trigger < m.start <= m.trigger + 4 and _via_word_before(b.doc, m, s, lex)]
        if vias and s.has_group and not s.deport and all(
                m.role in {"VIA", "NAT", "ADJ"} or m.iso == dest for m in s.mentions):
            for m in vias:  # "migrants crossed through Hungary": a transit leg to the document's destination
                b.add(sent, m.iso, dest, [m.start])
            continue
        came = [sent.start + k + 1 for k, (w, nxt) in enumerate(zip(words, words[1:], strict=False))
                if (w in {"came", "come", "comes", "coming"}
                    or w in {"are", "were"} and k > 0 and words[k - 1] in {"them", "board"})  # "those on board were"
                and nxt == "from" and not (lex.refugee_groups | QUANTIFIED | CAME_SUBJECTS).isdisjoint(
                    W[max(sent.start, sent.start + k - 4):sent.start + k])]  # "others come from", "many of them are"
        came += _came_adverb_froms_r37(words, sent.start, lex)  # "came primarily from A", "others left B"
        came += _composition_froms(words, sent.start, lex)  # "the migrants, who are mostly from Senegal"
        if "from" in words[1:3]:
            came += _also_from_r35(words, sent.start)  # "But also from A and B." after "they come from C and D"
        origins = [m for m in s.mentions if m.kind == "name" and m.iso != dest and not s.deport
                   and any(0 < m.start - f <= 5 for f in came)]  # "most arrivals came from Africa, chiefly Eritrea"
        origins = _listed_on_r35(W, origins, s.mentions, dest)  # "from A, B, C D, E F": the list past the window
        for f in came:  # "coming from Central America — Guatemala, Honduras and El Salvador": the region's list
            dash = next((k for k in range(f + 1, min(f + 8, sent.end)) if W[k] in {"—", "–", "(", ":"}), None)
            after = [m for m in s.mentions if dash is not None and m.start > dash and m.kind == "name"]
            if dash is None or not after or after[0].start != dash + 1 or not all(
                    w in lex.region_origin or T[k][:1].isupper() or w in {"the", "of"}
                    for k, w in zip(range(f + 1, dash), W[f + 1:dash], strict=True)):
                continue
            for prev, m in zip([None] + after, after, strict=False):
                if prev is not None and not all(w in lex.joiners for w in W[prev.end:m.start]):
                    break
                if m.iso != dest and m not in origins:
                    origins.append(m)
        if origins and all(m in origins or m.iso == dest or m.role in {"NAT", "ADJ"} for m in s.mentions):
            for m in origins:
                b.add(sent, m.iso, dest, [m.start])
            continue
        fled = [m for m in s.mentions if m.role == "SRC" and m.kind != "demonym" and m.iso != dest
                and m.trigger is not None and L[m.trigger] in FLIGHT_LEMMAS]
        if fled and not s.deport and any(_is_group_lower(w) or w in FLIGHT_PEOPLE for w in words) and all(
                m in fled or m.iso == dest or m.role in {"NAT", "ADJ"} for m in s.mentions):
            for m in fled:  # "the family fled Eritrea last year" in a document whose people went to Italy
                b.add(sent, m.iso, dest, [m.start, m.trigger], trigger=m.trigger)
            continue
        if not lex.region_origin.isdisjoint(words) or any(m.iso != dest and m.role not in {"NAT", "ADJ"}
                                                           for m in s.mentions):
            continue  # another place for them in the sentence
        origins = []
        # refugees are residents too when the sentence puts them in the destination ("held in Texas")
        nouns = RESIDENT_NOUNS | REFUGEE_NOUNS if any(m.iso == dest and m.role != "ADJ" for m in s.mentions) \
            else RESIDENT_NOUNS
        if _crossed_border(b.doc, s):
            nouns = nouns | REFUGEE_NOUNS | CROSSER_NOUNS  # "300 Congolese citizens who crossed the border"
        for m in s.mentions:
            if m.role != "NAT" or m.iso == dest:
                continue
            k = m.end  # "Congolese and Angolan citizens": the noun after the coordinated demonyms
            while k + 1 < sent.end and W[k] in {"and", ",", "or"} and any(
                    x.start == k + 1 and x.kind == "demonym" for x in s.mentions):
                k = next(x.end for x in s.mentions if x.start == k + 1)
            nouns_after = W[k:min(k + 3, sent.end)]
            listed = origins and m.kind == "demonym" and origins[-1].kind == "demonym" and all(
                w in {",", "and", "or"} for w in W[origins[-1].end:m.start])  # "are Venezuelans, Cubans and ..."
            if listed or m.kind == "demonym" and _share_of_arrivals(W, m, k, sent.start, sent.end, lex):
                origins.append(m)  # "Iranians and Iraqis accounted for half of them", "those crossing are Cubans"
                continue
            if (m.kind == "demonym" and nouns_after[:1] and (nouns_after[0] in nouns or nouns_after[1:2]
                                                             and nouns_after[1] in nouns)) \
                    or (m.kind == "name" and (cue := _cue_before(b.doc, m, s.mentions, sent.start, lex)) is not None
                        and W[cue] == "from" and nouns & set(W[max(cue - 3, sent.start):cue])):
                origins.append(m)  # "an undocumented immigrant from Haiti", "immigrants from Peru, Chile and Bolivia"
        for m in origins:
            b.add(sent, m.iso, dest, [m.start])


SIBLING_DEPARTURES_R37 = frozenset({"left", "fled", "escaped", "quit"})


def _came_adverb_froms_r37(words: list[str], start: int, lex: _Lex) -> list[int]:
    """r37: more heads of an origin list for ``_resident_origins``: "came" and "from" with adverbs between ("the
    people came primarily from A"), and a departure verb whose subject is a quantifier ("but others left B and
    C"), each after a people word or quantifier in the four words before."""
    out = []
    subjects = lex.refugee_groups | QUANTIFIED | CAME_SUBJECTS
    for k, w in enumerate(words):
        if w in CAME_VERBS_R37:
            j = k + 1
            while j < len(words) and words[j] in CAME_ADVERBS_R37:
                j += 1
            if j == k + 1 or j >= len(words) or words[j] != "from":
                continue  # (a "came from" with nothing between is the caller's own)
        elif w in SIBLING_DEPARTURES_R37 and k > 0 and words[k - 1] in SIBLING_SUBJECTS_R37:
            j = k
        else:
            continue
        if not subjects.isdisjoint(words[max(0, k - 4):k]):
            out.append(start + j)
    return out


CAME_SUBJECTS = {"they", "those", "people", "families", "who"}  # "they came from A, B and C" in a document of arrivals


ALSO_FROM_OPENERS = frozenset({"but", "and"})
ALSO_FROM_WORDS = frozenset({"also"})


def _also_from_r35(words: list[str], start: int) -> list[int]:
    """r35: the "from" of a verbless fragment that goes on with the origins of the sentence before: "But also from
    A, B and C.", "Also from A." (opening the sentence, after an optional "but"/"and")."""
    k = 1 if words[:1] and words[0] in ALSO_FROM_OPENERS else 0
    if len(words) > k + 2 and words[k] in ALSO_FROM_WORDS and words[k + 1] == "from":
        return [start + k + 1]
    return []


def _listed_on_r35(W: list[str], origins: list[_Mention], mentions: list[_Mention], dest: str | None) -> list[_Mention]:
    """r35: a list of origins goes on past the window after "from": a country name joined to the last one found by
    a comma or "and"/"or" only ("from A, B, C D, E F" with a long fourth name) is one more origin."""
    if not origins:
        return origins
    out = list(origins)
    for m in sorted(mentions, key=lambda x: x.start):
        last = out[-1]
        if m.start <= last.start or m in out:
            continue
        if m.kind != "name" or m.iso == dest or m.start - last.end > 2 or not all(
                w in {",", "and", "or"} for w in W[last.end:m.start]):
            break
        out.append(m)
    return out


SHARE_VERBS = (("accounted", "for"), ("account", "for"), ("accounts", "for"), ("made", "up"), ("make", "up"),
               ("makes", "up"), ("comprised",), ("comprise",), ("represented",), ("represent",), ("formed",))
COPULAS = {"are", "were", "included", "include", "includes", "mostly", "mainly", "largely", "chiefly", "primarily"}


def _share_of_arrivals(W: list[str], m: _Mention, k: int, start: int, end: int, lex: _Lex) -> bool:
    """A plural demonym naming part of the document's migrants: "Iranians and Iraqis accounted for half of them",
    "Albanians made up a third of the arrivals", "many of those crossing are Venezuelans, Cubans and Nicaraguans"
    (k: the token after the coordinated demonyms)."""
    word = W[m.end - 1]
    if not word.endswith("s") or word.endswith("ss"):
        return False
    after = W[k:k + 2]
    if any(tuple(after[:len(v)]) == v for v in SHARE_VERBS):
        rest = W[k + 1:min(k + 9, end)]  # "... half of them", "a third of small boat arrivals", "most of those"
        return any(w in {"them", "those", "arrivals", "crossings", "total", "migrants", "refugees", "asylum-seekers",
                         "seekers", "applicants", "applications", "detections"} for w in rest)
    j = m.start - 1
    if j >= start and W[j] in COPULAS:  # "those crossing are Venezuelans"
        before = W[max(start, j - 4):j]
        return any(w in {"crossing", "arriving", "fleeing", "coming", "entering"} or w in lex.refugee_groups
                   for w in before) and any(w in QUANTIFIED or w in {"those", "most"} or w in lex.refugee_groups
                                            for w in before)
    return False


COMPOSITION = {"are", "were", "mostly", "mainly", "largely", "primarily", "chiefly", "predominantly", "overwhelmingly",
               "many", "most", "all", "almost", "nearly", "originally"}


def _composition_froms(words: list[str], start: int, lex: _Lex) -> list[int]:
    """The "from" of a group's make-up: "the migrants, who are mostly from Senegal", "most of the migrants are
    from Cuba", "asylum seekers, mainly from Syria": who the document's people are (not "a ban on refugees from")."""
    out = []
    for k, w in enumerate(words):
        if w != "from" or k == 0:
            continue
        j = k - 1
        while j >= 0 and k - j <= 3 and words[j] in COMPOSITION:
            j -= 1
        if j == k - 1 or words[j + 1] in {"many", "most", "all", "almost", "nearly"} and j + 2 == k and not (
                j >= 0 and words[j] == ","):
            continue  # "refugees from", "many from": no word saying what the group is made of ("migrants, many from")
        if j >= 0 and words[j] in {",", "who", "them", "whom"}:
            j -= 1
        if any(w2 in lex.refugee_groups for w2 in words[max(0, j - 4):j + 1]):
            out.append(start + k)
    return out


ASYLUM_WORDS = {"asylum", "protection", "refugee"}


def _application_flows(b: _Builder, sentences: list[_Sentence], main: str | None, lex: _Lex) -> None:
    """Asylum applications place the applicants: "X has received 19,000 applications", "applied to X for asylum",
    "applied for asylum in X". The applicants are the nationality the sentence gives ("applications from Syrians")
    or else the document's main origin, when the document is about asylum and the sentence names no other."""
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    lowered = lower_text(doc_text(doc))  # the whole text lower-cased once (kept for the last text)
    asylum_doc = any(w in lowered for w in ("asylum", "protection", "refugee"))
    for s in sentences:
        start, end = s.span.start, s.span.end
        words = W[start:end]
        if not s.mentions or not asylum_doc or (lex.application_nouns.isdisjoint(words)
                                                 and lex.application_verbs.isdisjoint(words)):
            continue
        ms = s.mentions
        by_start = {m.start: m for m in ms}
        dests: list[tuple[_Mention, int]] = []
        for m in ms:
            if m.kind != "name" or m.role in {"NAT", "SRC"}:
                continue
            # "Hungary and Austria have received 19,000 applications": the country receiving them
            j = m.end
            while j < end and (W[j] in lex.subject_fillers or W[j] in AUXILIARIES or W[j] in {"and", ",", "also"}
                               or j in by_start or _subject_time_word(W, j)):
                j = by_start[j].end if j in by_start else j + 1
            if j < end and W[j] in lex.application_receivers and any(
                    w in lex.application_nouns for w in W[j + 1:min(j + 7, end)]) and not _blocked(doc, j, start, lex):
                dests.append((m, j))
                continue
            # "applied to Germany for asylum", "applied for asylum in Sweden", "asylum claims in Italy"
            cue = _cue_before(doc, m, ms, start, lex)
            if cue is None or W[cue] not in {"to", "in"}:
                continue
            k = cue - 1
            while k >= start and cue - k <= 4 and (W[k] in {"for", "asylum", "protection", "refugee", "status",
                                                            "temporary", "international", "humanitarian"}):
                k -= 1
            if k < start:
                continue
            applicant = next((o for o in ms if o.role == "NAT" and o.start <= k < o.end), None)
            if applicant is not None and applicant.start - 2 > start and W[applicant.start - 1] in {"by", "from"} \
                    and W[applicant.start - 2] in lex.application_nouns and W[applicant.start - 3] in ASYLUM_WORDS:
                dests.append((m, applicant.start - 2))  # "asylum claims by Albanians in Britain"
                continue
            verb = W[k] in lex.application_verbs or L[k] in lex.application_verbs
            noun = W[k] in lex.application_nouns and cue - k == 1 and W[cue] == "in" and k > start \
                and W[k - 1] in ASYLUM_WORDS
            if verb and not _blocked(doc, k, start, lex) and (
                    W[cue] == "in" and cue - k > 1 or any(w in ASYLUM_WORDS for w in W[cue:min(cue + 6, end)])
                    or W[cue] == "to"):
                dests.append((m, k))
            elif noun:
                dests.append((m, k))
        if not dests:
            continue
        dest_isos = {m.iso for m, _ in dests}
        origins = list(dict.fromkeys(m.iso for m in ms if m.role == "NAT" and m.iso not in dest_isos))
        origins += [iso for _, iso in s.ethnic if iso not in origins]
        if not origins and main and main not in dest_isos and not s.region_origin and not any(
                m.iso not in dest_isos and m.iso != main and m.kind != "place" for m in ms):
            origins = [main]
        for m, k in dests:
            for o in origins:
                b.add(s.span, o, m.iso, [m.start, k], trigger=k)


STATE_AGENTS = {"authorities", "police", "government", "officials", "officers", "guards", "soldiers", "forces"}
DEPORTEE_NOUNS = {"deportee", "deportees"}
STATE_NOUNS = {"migrants", "refugees", "asylum-seekers", "seekers", "immigrants", "families"}  # people, not programs


@dataclass(frozen=True)
class _Stopping:
    """Lexicons of ``_stopped_by_state`` (flows.json "stopped_by_state")."""
    verbs: frozenset[str]  # lemmas or words: a state's agents detain, arrest, intercept, rescue people
    agents: frozenset[str]  # "Greek police", "Mexican authorities", "Libya's coast guard"
    agent_modifiers: frozenset[str]  # words allowed before an agent noun: "border", "immigration", "coast"
    window: int  # tokens between the verb and the group it stops
    subject_window: int  # tokens between the state (or its agents) and the verb


@lru_cache(maxsize=1)
def _stopping_lex() -> _Stopping | None:
    """Read once; None when flows.json has no "stopped_by_state" entry (the rule is off)."""
    data = load_json("flows.json").get("stopped_by_state")
    if not data:
        return None
    return _Stopping(frozenset(data["verbs"]), frozenset(data["agents"]), frozenset(data["agent_modifiers"]),
                     int(data["window"]), int(data["subject_window"]))


STATE_AUXILIARIES = {"has", "have", "had", "also", "again", "recently", "reportedly", "routinely"}
LIST_JOINERS = {",", "and", "or", "the", "mostly", "mainly", "many", "most", "largely"}  # "from A, B and C"
STOP_BREAKS = {".", ";", ":", "but", "while", "whereas", "although", "after", "before", "because", "who", "which",
               "that", "when", "where"}  # the group a verb stops sits in its own clause


def _stopping_state(doc: Doc, s: _Sentence, k: int, st: _Stopping) -> tuple[int, str] | None:
    """(token, country) of the state whose agents do the stopping at verb ``k``: a country or its demonym right
    before its agents ("Greek police", "U.S. border agents", "Libya's coast guard", an agency entity of a state) or
    a country as the subject ("Mexico detained", "Mexico has detained"), with no clause break in between."""
    W = doc_lowers(doc)
    countries = gazetteer().countries
    start = max(s.span.start, k - st.subject_window)
    for ent in sorted((e for e in s.ents if start <= e.start and e.end <= k), key=lambda e: -e.start):
        iso = span_extension(doc, ent.start_char, ent.end_char, "iso")
        if not iso or iso not in countries:
            continue
        between = [w for w in W[ent.end:k] if w not in STATE_AUXILIARIES]
        if any(w in STOP_BREAKS or w == "," for w in between):
            return None
        inside = W[ent.start:ent.end]
        agent_entity = ent.label_ not in {"GPE", "NORP"} and any(w in st.agents for w in inside)
        if between and any(w in st.agents for w in between) and all(
                w in st.agents or w in st.agent_modifiers or w in {"'s", "’s"} for w in between):
            return ent.start, iso
        if not between and (ent.label_ == "GPE" or agent_entity):
            return ent.start, iso
        return None
    return None


def _stopped_by_state(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """A state's agents that detain, arrest, intercept or rescue migrants of a nationality place them in that state:
    "Greek police arrested 40 Afghan migrants", "Mexico detained 500 migrants from Honduras and Guatemala",
    "Libya's coast guard intercepted migrants from Nigeria". Needs a migrant noun in the group (not "two
    Canadians"), no hedge or negation before the verb, and not a deportation (the deportation rule reads those)."""
    st = _stopping_lex()
    if st is None:
        return
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    for s in sentences:
        if not s.mentions:  # the state may be named only by its agency entity ("Greek police")
            continue
        start, end = s.span.start, s.span.end
        words = W[start:end]
        if st.verbs.isdisjoint(words) and st.verbs.isdisjoint(L[start:end]) or not lex.deport_moves.isdisjoint(words):
            continue  # no stopping verb; or "detained and deported", which the deportation rule reads
        for k in range(start, end):
            if W[k] not in st.verbs and L[k] not in st.verbs or _blocked(doc, k, start, lex):
                continue
            found = _stopping_state(doc, s, k, st)
            if found is None:
                continue
            state_at, state = found
            stop = next((j for j in range(k + 1, min(end, k + 1 + st.window)) if W[j] in STOP_BREAKS), None)
            last = stop if stop is not None else min(end, k + 1 + st.window)
            group = [j for j in range(k + 1, last) if W[j] in lex.refugee_groups] or _moving_people(W, k + 1, last)
            if not group:
                continue
            inside = sorted((m for m in s.mentions if k < m.start < last and m.kind != "place"), key=lambda m: m.start)
            origins = [m for m in inside if m.kind == "demonym" and any(m.end <= g <= m.end + 1 for g in group)]
            source = next((j for j in range(group[0] + 1, last) if W[j] == "from"), None)  # "migrants from A and B"
            if source is not None:
                pos = source + 1
                for m in (m for m in inside if m.start > source):
                    if any(w not in LIST_JOINERS for w in W[pos:m.start]):
                        break
                    origins.append(m)
                    pos = m.end
            for m in origins:
                if m.iso != state:
                    b.add(s.span, m.iso, state, [state_at, k, m.start], trigger=k)


def _deport_words(doc: Doc, s: _Sentence, lex: _Lex) -> list[int]:
    """Deportation words of the sentence that report one ("were deported", "sent back", "deportation flights"),
    not a threat, plan, fear or fight against one ("threatened to deport", "faces deportation")."""
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    start, end = s.span.start, s.span.end
    out = []
    # a token whose form and lemma are in none of the three lists is skipped below: test only the others (in C)
    turned = _turned_back_words()
    wanted = (lex.deport_back | lex.deport_back_object | lex.deport_moves | RETURNING | turned).__contains__
    for i in compress(range(start, end), map(or_, map(wanted, W[start:end]), map(wanted, L[start:end]))):
        back = (W[i] in lex.deport_back or L[i] in lex.deport_back) and i + 1 < end and W[i + 1] == "back" and (
            any(w in BE_FORMS or _is_group_lower(w) for w in W[max(start, i - 3):i]) or any(
                w in {"them", "him", "her"} or _is_group_lower(w) for w in W[i + 2:min(end, i + 5)]))
        if not back and W[i] in turned:
            back = _turned_back_to(W, i, start, end)
        # "were sent back", "sent them back", not "sent back this information"
        if not back and (W[i] in lex.deport_back_object or L[i] in lex.deport_back_object) \
                and W[i - 1] not in {"by", "to", "of", "for", "from"}:  # not a means or aim: "by sending him back"
            back = _object_sent_back(doc, s, i, lex)  # "sent 200 migrants back to X" (a pushback is read as policy)
        if not back and (W[i] in SENDING or W[i] in RETURNING) and W[i - 1] not in {"by", "to", "of", "for", "from"}:
            back = _people_sent_to(doc, s, i, lex)  # "sent 300 asylum seekers to Guatemala", "are returned to X"
        if not (W[i] in lex.deport_moves or L[i] in lex.deport_moves or back):
            continue
        if _blocked(doc, i, start, lex) and W[i] not in DEPORTEE_NOUNS:
            continue
        hedged = i + 1 < end and W[i + 1] in lex.deport_after_hedges  # "the deportation amnesty"
        for j in range(i - 1, max(start, i - BLOCK_WINDOW) - 1, -1):
            if T[j] in CLAUSE_BREAKS or W[j] in CLAUSE_BREAKS or W[j] in {"who", "which", "that"}:
                break  # "agreed to take back migrants who are expelled": the expulsion is reported
            if W[j] in lex.deport_hedges or L[j] in lex.deport_hedges or W[j] in lex.block:
                hedged = True
                break
        if not hedged:
            out.append(i)
    return out


@lru_cache(maxsize=1)
def _turned_back_words() -> frozenset[str]:
    data = load_json("flows.json").get("turned_back_r32")
    return frozenset(data["words"]) if data else frozenset()


def _turned_back_to(W: list[str], i: int, start: int, end: int) -> bool:
    """"were turned back to X", "have been turned back to X": people a state returned to a country (round 32). Only
    the passive with "back to" right after the verb: "a boat turned back to port" (intransitive) and "turned back
    300 migrants at the border" (a pushback, read as policy) are no return."""
    if i + 2 >= end or W[i + 1] != "back" or W[i + 2] != "to":
        return False
    return W[i - 1] in BE_FORMS and i - 1 >= start \
        or W[i - 2] in BE_FORMS and i - 2 >= start and W[i - 1].endswith("ly")


def _object_sent_back(doc: Doc, s: _Sentence, i: int, lex: _Lex) -> bool:
    """"pushed the migrants back to X", "forced 9,000 applicants back into X", "towed the dinghy back":
    people (or the boat carrying them) between the verb and "back", and a place after it."""
    W = doc_lowers(doc)
    end = s.span.end
    if "back" not in W[i + 2:min(end - 1, i + 8)]:
        return False
    demonyms = {k for m in s.mentions if m.kind == "demonym" for k in range(m.start, m.end)}
    people = False
    for j in range(i + 1, min(end - 1, i + 8)):
        w = W[j]
        if w == "back":
            return people and W[j + 1] in {"to", "into", "across", "over", "toward", "towards"}
        if w in {"them", "him", "her"} or _is_group_lower(w) or w in CARRIERS \
                or j in demonyms and w.endswith("s"):
            people = True
        elif not (w in {"the", "a", "an", "some", "more", "than", "about", "around", "nearly", "almost", "of",
                        "hundreds", "thousands", "dozens", "those", "these", "their", "its"}
                  or doc[j].like_num or w in lex.fillers or _group_modifier(W, j, end, lex)):
            return False
    return False


RETURNING = frozenset({"returned", "returning", "return", "returns"})  # transitive: "returned the migrants to X"


def _people_sent_to(doc: Doc, s: _Sentence, i: int, lex: _Lex) -> bool:
    """"The U.S. sent 300 asylum seekers to Guatemala", "the migrants were sent to Guatemala" (also "returned":
    "migrants ... are returned to Mexico"): people sent to a country named right after "to" are moved there as
    deportees are, "back" or not; people who "returned to X" themselves are not read here. People are the object
    between the verb and "to" (a group noun, "them", a plural demonym), or, for a passive, the subject just
    before "were sent"; not troops, aid or letters (no people), not one person ("sent him to Germany to finish
    school": a family's or school's errand, not a state's transfer)."""
    W = doc_lowers(doc)
    start, end = s.span.start, s.span.end
    countries = {m.start for m in s.mentions if m.kind == "name"}

    def to_country(j: int) -> bool:
        return W[j] in {"to", "into"} and (j + 1 in countries or j + 2 in countries and W[j + 1] == "the")

    demonyms = {k for m in s.mentions if m.kind == "demonym" for k in range(m.start, m.end)}
    if i + 1 < end and to_country(i + 1):  # passive: "asylum seekers were sent to Guatemala"
        return i - 1 >= start and W[i - 1] in BE_FORMS and any(
            _is_group_lower(w) or w in {"they", "who"} or _sent_plural_demonym(W, k, demonyms)
            for k, w in enumerate(W[max(start, i - 5):i - 1], start=max(start, i - 5)))
    people = False
    for j in range(i + 1, min(end - 1, i + 9)):
        w = W[j]
        if w in {"to", "into"}:
            return people and to_country(j)
        if w == "them" or _is_group_lower(w) or j in demonyms and w.endswith("s"):  # not "sent him to school in X"
            people = True
        elif people and w in {"and", ","} and _sent_people_lists():
            continue  # "sent 300 Hondurans and Salvadorans to Guatemala" (round 30)
        elif not (w in {"the", "a", "an", "some", "more", "than", "about", "around", "nearly", "almost", "of",
                        "hundreds", "thousands", "dozens", "those", "these", "their", "its"}
                  or doc[j].like_num or w in lex.fillers or _group_modifier(W, j, end, lex)):
            return False
    return False


def _group_modifier(W: list[str], j: int, end: int, lex: _Lex) -> bool:
    """A word of a group noun phrase before its noun: "asylum" and "-" in "asylum seekers", "asylum-seekers"
    (flows.json group_modifiers), so "sent 300 asylum seekers back to X" has people before "back"."""
    if W[j] not in lex.group_modifiers:
        return False
    k = j + 1
    while k < end and W[k] in lex.group_modifiers:
        k += 1
    return k < end and _is_group_lower(W[k])


def _cue_before(doc: Doc, m: _Mention, ms: list[_Mention], start: int, lex: _Lex) -> int | None:
    """The token of the preposition a country (or the list it closes) hangs from: "from" in "from A, B and C"."""
    W = doc_lowers(doc)
    by_end = {o.end: o for o in ms}
    j = m.start - 1
    while j >= start:
        if W[j] in {"from", "to", "into", "in", "towards", "toward", "through", "via"}:
            break
        if j + 1 in by_end and by_end[j + 1] is not m:
            j = by_end[j + 1].start - 1
        elif W[j] in lex.joiners or W[j] in lex.fillers:
            j -= 1
        else:
            break
        if m.start - j > 14:
            return None
    return j if j >= start else None


def _deportation_flows(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """Deportations are people moved from one country to another: "Malian migrants deported from the United
    States" is United States -> Mali, "deported from A to B" is A -> B, "deportees from X ... arriving from
    A" is A -> X. With no deporting state in the sentence, the one other sentences name (or else the document's
    main destination, where the deportees had gone) stands in; "X has accepted 6,000 deportees" takes it too."""
    doc = b.doc
    W = doc_lowers(doc)
    stated: Counter[str] = Counter()
    pending: list[tuple[_Sentence, list[_Mention], list[int]]] = []
    destinations = Counter(f.destination for f in b.flows)
    for s in sentences:
        if not s.deport or not s.mentions:
            continue
        words = _deport_words(doc, s, lex)
        ms, start = s.mentions, s.span.start
        if not words or not lex.deport_not_migrants.isdisjoint(W[start:s.span.end]):
            continue  # "Russia expelled ten Polish diplomats"
        deportee_noun = any(W[i] in DEPORTEE_NOUNS for i in words)
        deporters: list[_Mention] = []
        dests: list[_Mention] = []
        for m in ms:
            if m.kind != "name" and m.start < words[0] and _authority_after(doc, m, lex):
                deporters.append(m)  # "Polish border guards pushed the migrants back", "Greek coast guards towed"
                continue
            if m.kind == "place" and m.role is None and m.start < words[0] and _capital_deporter_r38(
                    doc, m, words[0], start, lex):
                deporters.append(m)  # r38: "Rome has been accused of pushing migrants back to A"
                continue
            if m.kind == "place" and m.role is None and not (
                    m.end < s.span.end and W[m.end] in DEMONYM_PLACES and m.start > words[0]
                    and W[m.start - 1] in {"to", "into"}):  # "back into Turkish waters"
                continue
            cue = _cue_before(doc, m, ms, start, lex)
            if m.role == "SRC" and deportee_noun:
                deporters.append(m)  # "deportees ... arriving from the US"
                continue
            near = [d for d in words if abs(d - m.start) <= NAT_WINDOW]
            if not near:
                continue
            before = [d for d in near if d < m.start]
            after = bool(before)
            if cue is not None and W[cue] == "from" and after and m.start - max(before) <= 6 \
                    and W[max(before)] not in DEPORTEE_NOUNS:
                deporters.append(m)  # "deported from the United States", "deportation flights from A"
            elif cue is not None and W[cue] in {"to", "into"} and after:
                dests.append(m)  # "deported to Guatemala"
            elif m.kind == "name" and not after and (_subject_of(doc, m, min(near), start, lex)
                                                     or _subject_of_alleged_r38(doc, m, min(near), start, lex)):
                deporters.append(m)  # "Mexico deported 500 Guatemalans", "Germany's deportations of ..."
            elif m.kind == "name" and not after and _takes_back(doc, m, min(near), lex):
                dests.append(m)  # "Mexico has agreed to take back migrants expelled from the US"
            elif m.role in {"NAT", "DST"} and not (m.kind == "demonym" and W[m.start - 1] == "in"):
                dests.append(m)  # "Honduran migrants deported"; not a language: "forms written in Spanish"
            elif cue is not None and W[cue] == "from" and deportee_noun:
                dests.append(m)  # "deportees from India, Haiti and Guatemala"
        dests += [_Mention(i, i + 1, iso, "ethnic", "NAT") for i, iso in s.ethnic
                  if any(abs(d - i) <= NAT_WINDOW for d in words)]  # "Rohingya deported from India"
        if not deporters:  # "Polish border guards pushed the migrants back to Belarus" (one organisation entity)
            for ent in s.ents:
                if ent.end <= words[0] and _border_authority([ent], lex):
                    deporters.append(_Mention(ent.start, ent.end, ent._.iso, "name"))
                    break
        if not deporters:  # "were pushed back into Iran by Turkish authorities": the agent of a passive
            for ent in s.ents:
                if ent.start > words[0] and W[ent.start - 1] == "by" and ent.label_ == "ORG" and ent._.iso and (
                        _border_authority([ent], lex) or not STATE_AGENTS.isdisjoint(W[ent.start:ent.end])):
                    deporters.append(_Mention(ent.start, ent.end, ent._.iso, "name"))
                    break
        own = next((d for d in words if "its" in W[d + 1:d + 5] and not {"citizens", "nationals"}.isdisjoint(
            W[d + 1:d + 7])), None)
        if own is not None:  # "Iraq repatriated hundreds of its citizens stranded in Belarus": Belarus -> Iraq
            home = [m for m in deporters if m.start < own]
            held = [m for m in ms if m.start > own and m.kind == "name" and W[m.start - 1] in {"in", "from"}
                    and all(m.iso != h.iso for h in home)]
            if len(home) == 1 and held:
                deporters, dests = held[:1], home
        deporter_isos = list(dict.fromkeys(m.iso for m in deporters))
        dests = [m for m in dests if m.iso not in deporter_isos]
        sent_to = [m for m in dests if m.kind != "ethnic" and (c := _cue_before(doc, m, ms, start, lex)) is not None
                   and W[c] in {"to", "into"}]
        if sent_to:  # "deported 300 Afghans to Turkey": where they were sent, not (also) their nationality
            dests = sent_to
        if not dests:
            continue
        if len(deporter_isos) == 1:
            stated[deporter_isos[0]] += 1
        pending.append((s, deporters, words))
        for d in deporters:
            for m in dests:
                b.add(s.span, d.iso, m.iso, [d.start, m.start, words[0]], trigger=words[0])
        if not deporters:
            pending[-1] = (s, dests, [-1] + words)  # deportees with no deporting state named here
    fallback = stated.most_common(1)[0][0] if stated else None
    if fallback is None and destinations:
        ranked = destinations.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            fallback = ranked[0][0]
    if fallback is None and not destinations:
        fallback = _story_state(sentences)  # "he was deported back to Mexico" in a story set in the U.S.
    if fallback is None:
        return
    for s, dests, words in pending:
        if words[0] != -1:
            continue
        for m in dests:
            b.add(s.span, fallback, m.iso, [m.start, words[1]], trigger=words[1])
    for s in sentences:  # "El Salvador and Honduras have accepted 6,000 deportees"
        start, end = s.span.start, s.span.end
        nouns = _at(W, start, end, DEPORTEE_NOUNS)
        if not nouns or not s.mentions:
            continue
        for m in s.mentions:
            if m.kind != "name":
                continue
            j = m.end
            while j < end and (W[j] in lex.subject_fillers or W[j] in AUXILIARIES or W[j] in {"and", ","}
                               or any(o.start == j for o in s.mentions) or _subject_time_word(W, j)):
                o = next((o for o in s.mentions if o.start == j), None)
                j = o.end if o is not None else j + 1
            if j < end and W[j] in lex.deport_receivers and any(0 < n - j <= 8 for n in nouns) \
                    and not _blocked(doc, j, start, lex):
                b.add(s.span, fallback, m.iso, [m.start, min(n for n in nouns if n > j)], trigger=j)


def _authority_after(doc: Doc, m: _Mention, lex: _Lex) -> bool:
    """A demonym naming a border authority: "Polish border guards", "Greek coast guards"."""
    W = doc_lowers(doc)
    return any(tuple(W[m.end:m.end + len(auth)]) == auth for auth in lex.border_authorities)


def _takes_back(doc: Doc, m: _Mention, d: int, lex: _Lex) -> bool:
    """Whether country m takes back or accepts the people of the deportation word at d ("Mexico has agreed to
    take back migrants who were expelled from the US")."""
    W = doc_lowers(doc)
    j = m.end
    while j < d and (W[j] in AUXILIARIES or W[j] in lex.subject_fillers or W[j] in {"agreed", "to", "also"}
                     or _subject_time_word(W, j)):
        j += 1
    return j < d and W[j] in lex.deport_receivers and W[j + 1:j + 2] == ["back"]


PHASE_VERBS = {"began", "begun", "begins", "started", "starts", "continued", "continues", "resumed", "resumes"}


def _subject_of(doc: Doc, m: _Mention, d: int, start: int, lex: _Lex) -> bool:
    """Whether country m is the subject of the deportation word at d: "Mexico has deported", "Germany's
    deportation of"."""
    W = doc_lowers(doc)
    j = m.end
    while j < d and (W[j] in AUXILIARIES or W[j] in lex.subject_fillers or W[j] in {"'s", "’s", "also"}
                     or W[j] in PHASE_VERBS or _subject_time_word(W, j)):
        j += 1
    return j == d and m.start >= start


WEEKDAY_AND_MONTH_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.",
    "aug.", "sept.", "oct.", "nov.", "dec."})


def _subject_time_word(W: list[str], j: int) -> bool:
    """A time phrase between a state and its verb ("Malaysia on Thursday deported", "A on March 3 expelled",
    "A yesterday deported"; r35): "on" before a weekday or month, the name itself, a day number after a month,
    and the one-word days ("this" and "earlier" before the subject fillers' "week")."""
    word = W[j]
    if word == "on":
        return j + 1 < len(W) and W[j + 1] in WEEKDAY_AND_MONTH_NAMES
    if word in WEEKDAY_AND_MONTH_NAMES:
        return W[j - 1] in {"on", "last", "this", "next"} or W[j - 1] in WEEKDAY_AND_MONTH_NAMES
    if word.isdigit() and len(word) <= 2:
        return W[j - 1] in WEEKDAY_AND_MONTH_NAMES
    return word in {"yesterday", "today", "earlier", "this"}


__all__ = ["extract_flows", "Flow", "TimeExpression"]


# --- backoff tier -------------------------------------------------------------------------------------------------
# The rules above each need their exact wording; unseen articles word things otherwise and most of their flows
# come from sentences where no rule fires. This tier reads such a sentence by roles alone: an origin role on one
# country, a destination role on another, people in the sentence, a movement cue and nothing hedged.


BACKOFF_WINDOW = 14  # "relocated thousands of refugees from the nation of X to Y": a long object between
# "thousands of Syrians", "many of them Syrians": a plural demonym as people
COUNTED_BEFORE = {"of", "the", "many", "some", "more", "thousands", "hundreds", "millions", "most", "fewer", "other",
                  "young", "these", "those", "who", "them"}


@dataclass(frozen=True)
class _Backoff:
    enabled: bool
    # origins with no destination go to the story's state: always | no_other_destination | unflowed_documents | off
    story_state: str
    main_origin: str  # the same for a destination with no origin: the document's main origin
    adjacent: bool  # origins of one sentence go to the destinations of the next
    cues: frozenset[str]
    people: frozenset[str]
    non_migrants: frozenset[str]
    hedges: frozenset[str]
    donor_nouns: frozenset[str]
    origin_verbs: frozenset[str]
    dest_preps: frozenset[str]
    dest_after_for: frozenset[str]
    here_words: frozenset[str]
    the_country_words: frozenset[str]
    place_nouns: frozenset[str]
    border_words: frozenset[str]
    topic_nouns: frozenset[str]
    host_before_from: frozenset[str]
    topic_preps: frozenset[str]
    migrant_nouns: frozenset[str]
    place_modifiers: frozenset[str]
    group_words: frozenset[str]
    arrived_nouns: frozenset[str]
    regions: frozenset[str]
    host_verbs: frozenset[str]
    host_fillers: frozenset[str]
    place_preps: frozenset[str]
    aim_verbs: frozenset[str]
    territories: frozenset[str]  # ISO codes that are no sovereign state (GUIDELINES: subnational places)
    cross_verbs: frozenset[str]  # "crossed the Polish border": the border crossed is the one entered
    crossed_borders: frozenset[str]
    asylum_verbs: frozenset[str]  # "seeking U.S. asylum": a state's name on asylum is where it is sought
    asylum_heads: frozenset[str]  # "U.S. asylum seekers", "their U.S. asylum cases"
    asylum_modifiers: frozenset[str]
    admitting_authorities: frozenset[str]  # "the Canadian government has resettled ..."
    avoided_duties: frozenset[str]  # "crossed the border to avoid the draft": avoiding it is no hedge
    danger_nouns: frozenset[str]  # "fleeing violence in X": the danger fled is in the country left
    person_pronouns: frozenset[str]  # "she fled X": a person who flees is people
    share_adverbs: frozenset[str]  # "migrants, chiefly Honduras and Guatemala"


@lru_cache(maxsize=1)
def _backoff_lex() -> _Backoff:
    """The tier's lexicons and its switch, read once: flows.json "backoff", overridden by MIGRAPH_FLOWS_BACKOFF."""
    data = load_json("flows.json")
    lexicon = data["backoff_lexicon"]
    env = os.environ.get("MIGRAPH_FLOWS_BACKOFF", "").strip().lower()
    enabled = bool(data.get("backoff", False)) if env == "" else env not in {"0", "false", "no", "off"}
    return _Backoff(enabled=enabled, story_state=str(data.get("backoff_story_state", "off")),
                    main_origin=str(data.get("backoff_main_origin", "off")),
                    adjacent=bool(data.get("backoff_adjacent", False)),
                    **{k: frozenset(v) for k, v in lexicon.items()})


def _prep_before(W: list[str], i: int, start: int) -> str:
    """The word before a demonym's noun phrase: "on" in "on a remote Greek island" (articles and up to two
    modifiers skipped)."""
    k, skipped = i - 1, 0
    while k > start and (W[k] in {"the", "a", "an"} or skipped < 2 and W[k].isalpha() and W[k - 1] in {
            "the", "a", "an"}):
        skipped += W[k] not in {"the", "a", "an"}
        k -= 1
    return W[k] if k >= start else ""


def _coordinated(s: _Sentence, W: list[str], roles: list[tuple[int, str]], demonyms: bool) -> list[tuple[int, str]]:
    """A role spreads along a list: "from Syria, Iraq and Afghanistan", "to Lebanon, Jordan and Turkey"."""
    have = {i for i, _ in roles}
    out = list(roles)
    ms = [m for m in s.mentions if (m.kind == "demonym") == demonyms]
    pairs = [(a, c) for a, c in zip(ms, ms[1:], strict=False)
             if a.end < c.start <= a.end + 3 and _list_gap(W, a.end, c.start)]
    for a, c in pairs + ([(c, a) for a, c in reversed(pairs)] if demonyms else []):
        if a.start in have and c.start not in have:  # demonyms both ways: "Syrians, Iraqis and Afghans fled"
            have.add(c.start)
            out.append((c.start, c.iso))
    return out


def _backoff_origins(doc: Doc, s: _Sentence, bo: _Backoff) -> list[tuple[int, str]]:
    """(token, country) of the origin roles in the sentence: a demonym or ethnic group on a people noun ("Afghan
    asylum seekers", "Eritrean, Somali and Sudanese migrants", plural "Syrians"), "from X" (not aid from a donor),
    "fled X"."""
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    start, end = s.span.start, s.span.end
    demonym_starts = {m.start for m in s.mentions if m.kind == "demonym"}
    out = []
    for m in s.mentions:
        prev = W[m.start - 1] if m.start > start else ""
        if m.kind == "demonym":
            text = doc[m.start:m.end].text
            nxt = W[m.end] if m.end < end else ""
            if nxt in DEMONYM_PLACES and _prep_before(W, m.start, start) in {"from", "off"}:
                out.append((m.start, m.iso))  # "boats leaving from the Libyan coast"
                continue
            if nxt in bo.place_nouns or nxt in {"'s", "’s", "'", "’", "-"} \
                    or text.lower().split("-")[0] in REGION_PREFIXES \
                    or prev == "-" and m.start - 2 >= start and W[m.start - 2] in REGION_PREFIXES:
                continue  # "the Libyan coast", "Greek police", "the Syrian war", "a Central-American caravan"
            k = m.start - 1
            while k > start and W[k] in {"the", "a", "an", "of", "some", "many", "thousands", "hundreds"}:
                k -= 1
            if W[k] in bo.topic_preps:
                continue  # "a debate on Sudanese refugees": a topic, not people moving
            plural = text.endswith("s") and not text.endswith(("ss", "'s", "’s")) and m.end < end and (
                prev in COUNTED_BEFORE or m.start > start and doc[m.start - 1].like_num or nxt in bo.cues
                or L[m.end] in bo.cues or nxt == "to" and m.end + 1 < end and W[m.end + 1] in bo.cross_verbs)
            # "thousands of Syrians", "Venezuelans crossed", "Hondurans to cross", not "to kill Ukrainians"
            person = prev in {"a", "an"} and nxt in {",", ".", "who", "named", "called"}  # "Ana, a Honduran, said"
            j, ok, fillers = m.end, person or plural and nxt not in bo.people, 0
            while not ok and j < min(end, m.end + 6):
                w = W[j]
                if w in bo.people and T[j][:1].islower():  # not "People Without Borders"
                    ok = not (j + 1 < end and (W[j + 1] in bo.topic_nouns or W[j + 1] in bo.people
                                               and j + 2 < end and W[j + 2] in bo.topic_nouns))
                elif w in {",", "and", "or", "-"} or j in demonym_starts \
                        or any(x.start < j < x.end for x in s.mentions):
                    j += 1
                    continue
                elif fillers < 2 and T[j][:1].islower() and w.isalpha() and w not in bo.cues \
                        and w not in bo.place_nouns:  # "Syrian Christian refugees", "young Afghan men"
                    fillers += 1
                    j += 1
                    continue
                break
            if ok:
                out.append((m.start, m.iso))
        elif prev == "from" or prev == "of" and m.start - 2 >= start and W[m.start - 2] in HOME_NOUNS \
                and "from" in W[max(start, m.start - 7):m.start - 2]:  # "from the war-torn nation of X"
            before = W[max(start, m.start - 4):m.start - 1]
            nxt = W[m.end] if m.end < end else ""
            if nxt in bo.place_nouns or nxt in _lex().military or nxt in ATTACK_NOUNS or nxt in bo.topic_nouns:
                continue  # "protect them from U.S. airstrikes", "from Syrian government forces"
            if bo.donor_nouns.isdisjoint(before) and bo.host_before_from.isdisjoint(before[-2:]):  # "asylum from X"
                out.append((m.start, m.iso))
        elif m.kind == "name" and prev == "in" and _fled_danger_in(W, m, start, bo):
            out.append((m.start, m.iso))  # "fled gang threats in X", "escaping conflict in Congo"
        elif m.kind == "name" and _apposed_origin(W, T, m, s, bo):
            out.append((m.start, m.iso))  # "migrant Central Americans, chiefly Guatemala and Honduras"
        elif m.kind == "name" and _relative_origin(W, m, s, bo):
            out.append((m.start, m.iso))  # "states such as A and B, from which most newcomers flee"
        elif m.kind == "name" and _ranked_origin(W, m, end):
            out.append((m.start, m.iso))  # "X ranks among the top countries of origin for U.S. asylum seekers"
        elif m.kind == "name" and prev in _category_last_words() and _category_origin(W, T, m, start, bo):
            out.append((m.start, m.iso))  # "from countries like A, B and C": the list is where people came from
        elif prev in bo.origin_verbs or prev in {"native", "war-torn"} and m.start - 2 >= start \
                and W[m.start - 2] in bo.origin_verbs:
            nxt = W[m.end] if m.end < end else ""
            if not (nxt in _lex().military or nxt in ATTACK_NOUNS):  # "fleeing U.S. airstrikes"
                out.append((m.start, m.iso))
    for i, iso in s.ethnic:
        if i + 1 < end and W[i + 1] in bo.people or W[i] in bo.people:
            out.append((i, iso))
    return out


def _fled_danger_in(W: list[str], m: _Mention, start: int, bo: _Backoff) -> bool:
    """"fled a threat of violence in X", "escaping conflict in X": what people fled is in the country they left
    (a danger noun between the verb and "in", nothing but its modifiers around it)."""
    danger = False
    for k in range(m.start - 2, max(start, m.start - 8) - 1, -1):
        w = W[k]
        if w in bo.origin_verbs:
            return danger
        if w in bo.danger_nouns:
            danger = True
        elif not (w.isalpha() and w.islower() or w in {"-", "'s", "’s"}) or w in {"and", "but", "who", "which",
                                                                                  "that", "to", "said"}:
            return False
    return False


def _apposed_origin(W: list[str], T: list[str], m: _Mention, s: _Sentence, bo: _Backoff) -> bool:
    """"Central Americans -- chiefly Guatemala and Honduras": a list of states set after a group of
    people by "chiefly/mainly/mostly" gives the group's origins."""
    start = s.span.start
    if bo.share_adverbs.isdisjoint(W[max(start, m.start - 12):m.start]):
        return False
    ends = {x.end: x.start for x in s.mentions if x.kind == "name"}
    k = m.start - 1
    while k >= start and (W[k] in {",", "and", "or"} or k + 1 in ends):
        k = ends[k + 1] - 1 if k + 1 in ends else k - 1
    if k < start or W[k] not in bo.share_adverbs:
        return False
    k -= 1
    while k >= start and W[k] in {"-", "—", "–", "--", ",", "("}:
        k -= 1
    return k >= start and (W[k] in bo.people or T[k][:1].isupper() and T[k].endswith("ans"))


def _relative_origin(W: list[str], m: _Mention, s: _Sentence, bo: _Backoff) -> bool:
    """"A and B, from which most newcomers flee": a list closed by "from which/where" and a verb of
    leaving (or coming) names where people left."""
    end = s.span.end
    if "from" not in W[m.end:min(end, m.end + 14)]:
        return False
    names = {x.start: x.end for x in s.mentions if x.kind == "name"}
    j = m.end
    while j < end and (W[j] in {",", "and", "or"} or j in names):
        j = names.get(j, j + 1)
    if j + 1 >= end or W[j - 1] != "," or W[j] != "from" or W[j + 1] not in {"which", "where"}:
        return False
    return any(w in bo.origin_verbs or w in {"come", "came", "coming", "hail"} for w in W[j + 2:min(end, j + 10)])


def _ranked_origin(W: list[str], m: _Mention, end: int) -> bool:
    """A state named as one of the "countries of origin" right after it ("X ranks among the top countries of origin
    for ..."), not a safe one ("X is a safe country of origin")."""
    for k in range(m.end, min(end - 2, m.end + 8)):
        if W[k] in {"country", "countries"} and W[k + 1] == "of" and W[k + 2] == "origin":
            return W[k - 1] != "safe"
        if W[k] in {".", ";", ","}:
            return False
    return False


@dataclass(frozen=True)
class _MovingNouns:
    """Lexicons of ``_moving_noun_cues`` (flows.json "moving_nouns")."""

    nouns: frozenset[str]
    people_verbs: frozenset[str]
    preps: frozenset[str]
    void: frozenset[str]


@lru_cache(maxsize=1)
def _moving_nouns_lex() -> _MovingNouns | None:
    data = load_json("flows.json").get("moving_nouns")
    if not data:
        return None
    return _MovingNouns(nouns=frozenset(data["nouns"]), people_verbs=frozenset(data["people_verbs"]),
                        preps=frozenset(data["preps"]), void=frozenset(data["void"]))


def _moving_noun_cues(W: list[str], L: list[str], s: _Sentence, words: list[str]) -> list[int]:
    """Positions of movement nouns that state a move: "immigration from India doubled", "emigration from Albania to
    Italy" (the noun right before "from"/"to"/"into" and a country). None in a sentence about rules on the movement
    or a debate over it ("limits on immigration from X", "a debate over migration from X"). Verbs only people do
    ("immigrated", "sneaked") count wherever they stand: their subject is people even when no people noun names it."""
    mn = _moving_nouns_lex()
    if mn is None:
        return []
    start, end = s.span.start, s.span.end
    if mn.nouns.isdisjoint(words) and mn.people_verbs.isdisjoint(words):
        return []  # (the word tests in C: most sentences have neither)
    named = {m.start for m in s.mentions if m.kind != "demonym"}
    out = []
    for i in range(start, end - 2):
        if W[i] in mn.nouns and W[i + 1] in mn.preps:
            k = i + 2
            while k < end and W[k] in {"the", "neighbouring", "neighboring"}:
                k += 1
            if k in named:
                out.append(i)
    if out and (not mn.void.isdisjoint(words) or not mn.void.isdisjoint(L[start:end])):
        out = []
    if not mn.people_verbs.isdisjoint(words):
        out += [i for i in range(start, end) if W[i] in mn.people_verbs]
    return out


@dataclass(frozen=True)
class _CategoryOrigin:
    """Lexicons of ``_category_origin`` (flows.json "category_origin")."""

    nouns: frozenset[str]
    markers: tuple[tuple[str, ...], ...]
    max_modifiers: int
    list_articles: frozenset[str]


@lru_cache(maxsize=1)
def _category_origin_lex() -> _CategoryOrigin | None:
    data = load_json("flows.json").get("category_origin")
    if not data:
        return None
    return _CategoryOrigin(nouns=frozenset(data["nouns"]),
                           markers=tuple(tuple(x.split()) for x in data["markers"]),
                           max_modifiers=int(data["max_modifiers"]), list_articles=frozenset(data["list_articles"]))


@lru_cache(maxsize=1)
def _category_last_words() -> frozenset[str]:
    """Words that may stand right before the list's first item: a marker's last word or an article."""
    co = _category_origin_lex()
    return frozenset() if co is None else frozenset(m[-1] for m in co.markers) | co.list_articles


def _category_origin(W: list[str], T: list[str], m: _Mention, start: int, bo: _Backoff) -> bool:
    """"Immigrants from countries like Mexico and Brazil", "asylum seekers from poorer nations such as Haiti": a
    category noun between "from" and the list hides the "from" that makes the list an origin. Only the list's first
    item is read here (``_coordinated`` spreads the role); aid or asylum from the category names donors or hosts."""
    co = _category_origin_lex()
    if co is None:
        return False
    k = m.start - 1
    if k > start and W[k] in co.list_articles:
        k -= 1  # "like the Philippines"
    for marker in co.markers:
        n = len(marker)
        if k - n + 1 > start and tuple(W[k - n + 1:k + 1]) == marker:
            k -= n
            break
    else:
        return False
    if k > start and W[k] == ",":
        k -= 1  # "from countries, mostly A and B"
    if k <= start or W[k] not in co.nouns:
        return False
    k -= 1
    modifiers = 0
    while k > start and W[k] != "from" and modifiers < co.max_modifiers and T[k][:1].islower() and W[k].isalpha():
        modifiers += 1  # "from other poor countries like A"
        k -= 1
    if W[k] != "from":
        return False
    before = W[max(start, k - 3):k]
    return bo.donor_nouns.isdisjoint(before) and bo.host_before_from.isdisjoint(before[-2:])


def _list_gap(W: list[str], a_end: int, c_start: int) -> bool:
    """Two mentions are items of one list: only commas and conjunctions between them, or an article opening the
    later item ("A, B, the Philippines and C"; flows.json category_origin list_articles)."""
    gap = W[a_end:c_start]
    if len(gap) <= 2 and all(w in {",", "and", "or"} for w in gap):
        return True
    co = _category_origin_lex()
    return co is not None and 2 <= len(gap) <= 3 and gap[-1] in co.list_articles \
        and all(w in {",", "and", "or"} for w in gap[:-1])


def _backoff_destinations(doc: Doc, s: _Sentence, bo: _Backoff, cues: list[int]) -> list[tuple[int, str]]:
    """(token, country) of the destination roles: a country (not a demonym) right after "to/into/in/at/reach/
    enter" (one modifier may sit between: "to neighbouring Poland") with a cue or a people noun before it, "bound
    for X", or "X's border" after a cue."""
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    start, end = s.span.start, s.span.end
    lex = _lex()
    out = []
    for m in s.mentions:
        if _border_entered(W, m, s, bo) or _asylum_state(W, m, s, bo) is not None:
            out.append((m.start, m.iso))  # "Iraqis crossed the Polish border", "Hondurans seeking U.S. asylum"
            continue
        if m.kind == "demonym":
            if m.end < end and W[m.end] in bo.admitting_authorities \
                    and _hosting_subject(W, L, replace(m, end=m.end + 1), end, s, bo):
                out.append((m.start, m.iso))  # "the Canadian government has resettled 25,000 Syrian refugees"
                continue
            if m.end < end and W[m.end] in DEMONYM_PLACES and _prep_before(W, m.start, start) in bo.place_preps \
                    and any(m.start - GOV_WINDOW <= c < m.start and W[c] not in bo.people for c in cues):
                out.append((m.start, m.iso))  # "landed on a Greek island", "found on an Austrian highway"
            continue
        k = m.start - 1
        if k > start and W[k] in bo.place_modifiers and W[k - 1] in bo.dest_preps:
            k -= 1  # "to neighbouring Poland"
        elif k > start and W[k] == "the" and W[k - 1] in bo.dest_preps:
            k -= 1  # "into the Netherlands"
        prep = W[k] if k >= start else ""
        before = [c for c in cues if c < m.start]
        if m.end < end and W[m.end] in bo.topic_nouns or T[m.end - 1] in {"U.S.", "US", "UK", "EU"} \
                and m.end + 1 < end and T[m.end][:1].isupper() and W[m.end + 1] in bo.topic_nouns:
            continue  # "the U.S. Refugee Program": a name, not a place
        if prep == "for":
            if k > start and W[k - 1] in bo.dest_after_for:
                out.append((m.start, m.iso))
        elif prep in {"in", "at", "inside", "near"}:
            if prep == "in" and m.kind == "name" and _fled_danger_in(W, m, start, bo):
                continue  # "fled the fighting in Sudan": where the danger was, not where people went
            if prep == "in" and _without_asylum(W, k, start, bo):
                continue  # r32: "without having sought asylum in X": X is where no one sought it
            head = W[k - 1] if k > start else ""
            if head in bo.people or head in bo.cues or L[k - 1] in bo.cues or any(
                    c >= k - 4 and W[c] not in bo.people for c in before):  # "refugees in X", "landed on Sunday in X"
                out.append((m.start, m.iso))
        elif prep in bo.dest_preps and before and m.start - max(before) <= BACKOFF_WINDOW \
                and not _blocked(doc, k if prep in bo.cues else max(before), start, lex):
            out.append((m.start, m.iso))  # not a purpose: "the hardest route for an outsider to enter X"
        elif m.end + 1 < end and W[m.end] in {"'s", "’s"} and W[m.end + 1] in bo.border_words and before:
            out.append((m.start, m.iso))
        elif _hosting_subject(W, L, m, end, s, bo):
            out.append((m.start, m.iso))  # "Turkey hosts the largest refugee population", "Lithuania taking in 70,000"
    countries = gazetteer().countries
    for ent in s.ents:  # "the Canadian government has resettled 25,000 Syrian refugees" (one organisation entity)
        if ent.label_ == "ORG" and W[ent.end - 1] in bo.admitting_authorities:
            iso = span_extension(doc, ent.start_char, ent.end_char, "iso")
            if iso in countries and _hosting_subject(W, L, _Mention(ent.start, ent.end, iso, "name"), end, s, bo):
                out.append((ent.start, iso))
    return out


def _without_asylum(W: list[str], k: int, start: int, bo: _Backoff) -> bool:
    """Whether "in" at ``k`` closes a negated asylum request ("without having first sought asylum in", "without
    applying for asylum in"): "without", only skips, an asylum verb, then "for"/"asylum" (round 32)."""
    for x in range(k - 1, max(start, k - 7) - 1, -1):
        if W[x] != "without":
            continue
        v = x + 1
        while v < k and _without_before(W, x, v + 1) and W[v] not in bo.asylum_verbs:
            v += 1
        return v < k and W[v] in bo.asylum_verbs and all(w in {"for", "asylum", "refuge", "protection"}
                                                         for w in W[v + 1:k])
    return False


def _border_entered(W: list[str], m: _Mention, s: _Sentence, bo: _Backoff) -> bool:
    """"Iraqis crossed the Polish border", "to cross the U.S. border": the border a group crosses is the one it
    enters, unless the sentence goes on to say where ("crossed the Russian border into Georgia")."""
    start, end = s.span.start, s.span.end
    if m.end >= end or W[m.end] not in bo.crossed_borders or m.start - 2 < start or W[m.start - 1] != "the" \
            or W[m.start - 2] not in bo.cross_verbs or m.end + 1 < end and W[m.end + 1] == "with":
        return False  # "the Polish border with Belarus" is a line between two states
    return not any(o.start > m.end and W[o.start - 1] in {"into", "to", "toward", "towards"} for o in s.mentions)


def _asylum_state(W: list[str], m: _Mention, s: _Sentence, bo: _Backoff) -> int | None:
    """The token of "asylum" when a state's name modifies it as the place asylum is sought: "seeking U.S. asylum",
    "U.S. asylum seekers", "their U.S. asylum cases" (not a demonym: "Afghan asylum seekers" are Afghans; not
    "the U.S. asylum system")."""
    start, end = s.span.start, s.span.end
    if m.kind != "name":
        return None
    j = m.end
    while j < end and W[j] in bo.asylum_modifiers:
        j += 1
    if j >= end or W[j] != "asylum":
        return None
    k = m.start - 1
    while k > start and W[k] in {"the", "a", "an", "their", "his", "her", "its"}:
        k -= 1
    if j + 1 < end and W[j + 1] in bo.asylum_heads or k >= start and W[k] in bo.asylum_verbs:
        return j
    return None


def _hosting_subject(W: list[str], L: list[str], m: _Mention, end: int, s: _Sentence, bo: _Backoff) -> bool:
    """A country named just before a verb of hosting or taking in: "X hosts", "X and Y hosting", "X has now
    received", "X, which is sheltering"."""
    j = m.end
    names = {x.start: x.end for x in s.mentions}
    for _ in range(6):
        if j >= end:
            return False
        if j in names:
            j = names[j]  # "Poland and Germany hosting"
            continue
        w = W[j]
        if w in bo.host_verbs or L[j] in bo.host_verbs:
            return not (w in {"taken", "taking", "took", "take"} and W[j + 1:j + 2] != ["in"]) \
                and W[j + 1:j + 2] not in (["a"], ["the"]) or W[j + 2:j + 3] in (["largest"], ["most"], ["biggest"])
        if w not in bo.host_fillers:
            return False
        j += 1
    return False


def _backoff_hedged(words: list[str], lemmas: list[str], bo: _Backoff, texts: list[str]) -> bool:
    """A hedge word in the sentence, except "to avoid the draft" / "avoid mobilisation" (a reason for leaving, not
    a move avoided), "fled a threat of violence" (what was fled), the month May and "closing in on" a number."""
    if any(lem == "call" and nxt in {"on", "upon"} for lem, nxt in zip(lemmas, words[1:], strict=False)):
        return True  # r31: "residents called on the government to take in refugees from X": a demand
    hits = bo.hedges.intersection(words) | bo.hedges.intersection(lemmas)
    if not hits:
        return False
    if hits - bo.danger_nouns - {"avoid", "avoided", "may", "close"}:
        return True  # a hedge no exception can lift
    for k, (w, lem) in enumerate(zip(words, lemmas, strict=True)):
        if w in bo.hedges or lem in bo.hedges:
            if lem == "close" and words[k + 1:k + 3] == ["in", "on"]:
                continue  # "closing in on 2 million": approaching a number
            if w == "may" and k > 0 and texts[k] == "May":
                continue  # the month: "moved here in May"
            if lem == "avoid" or w == "avoid" or w == "avoided":
                if not bo.avoided_duties.isdisjoint(words[k + 1:k + 4]):
                    continue
            if w in bo.danger_nouns and not bo.origin_verbs.isdisjoint(words[:k]):
                continue  # "fled a threat of violence", "left X after receiving threats": a reason, no hedge
            return True
    return False


@dataclass(frozen=True)
class _HedgeScope:
    """How far a backoff hedge reaches (flows.json, round 20), read once."""
    before: int  # tokens before a pair's first role ("backoff_hedge_scope"; 0: the whole sentence, as before)
    after: int  # tokens after a lone role ("backoff_hedge_after")
    sentence_wide: frozenset[str]  # hedges that still void the whole sentence ("backoff_sentence_hedges")


@lru_cache(maxsize=1)
def _hedge_scope() -> _HedgeScope:
    """Long news sentences hedge one clause and state another: "the administration says U.S. courts are overwhelmed
    by an influx of people from X" has "claims"-like words far from the movement."""
    data = load_json("flows.json")
    return _HedgeScope(int(data.get("backoff_hedge_scope", 0)), int(data.get("backoff_hedge_after", 0)),
                       frozenset(data.get("backoff_sentence_hedges", ())))


def _backoff_hedge_scope() -> int:
    """Tokens before a pair's first role that a hedge reaches (0: the whole sentence)."""
    return _hedge_scope().before


@lru_cache(maxsize=1)
def _hedge_noun_uses() -> tuple[frozenset[str], frozenset[str]]:
    """Hedge words that are nouns after these words ("asylum claims", "their claims"): flows.json
    "backoff_hedge_nouns" {"words": [...], "after": [...]}; read only with a hedge scope."""
    data = load_json("flows.json").get("backoff_hedge_nouns", {})
    return frozenset(data.get("words", ())), frozenset(data.get("after", ()))


def _scoped_hedges(words: list[str], lemmas: list[str], bo: _Backoff, texts: list[str],
                   start: int) -> list[int] | None:
    """Positions (document tokens) of the sentence's hedges that count, or None when the sentence is hedged and
    hedges are read sentence-wide (no scope set). The exceptions are ``_backoff_hedged``'s, word by word."""
    scope = _backoff_hedge_scope()
    if not scope:
        return None if _backoff_hedged(words, lemmas, bo, texts) else []
    if bo.hedges.isdisjoint(words) and bo.hedges.isdisjoint(lemmas):
        return []
    found = []
    noun_words, noun_after = _hedge_noun_uses()
    sentence_wide = _hedge_scope().sentence_wide
    for k, (w, lem) in enumerate(zip(words, lemmas, strict=True)):
        if w not in bo.hedges and lem not in bo.hedges:
            continue
        avoided = lem == "avoid" or w in {"avoid", "avoided"}
        if lem == "close" and words[k + 1:k + 3] == ["in", "on"] or w == "may" and texts[k] == "May" \
                or avoided and not bo.avoided_duties.isdisjoint(words[k + 1:k + 4]) \
                or w in bo.danger_nouns and not bo.origin_verbs.isdisjoint(words[:k]):
            continue  # the exceptions of ``_backoff_hedged``
        if w in sentence_wide or lem in sentence_wide:
            return None  # "crossed the border to avoid the queues": read as before, for the whole sentence
        if w in noun_words and k > 0 and words[k - 1] in noun_after:
            continue  # "asylum claims": a noun, no doubt cast
        found.append(start + k)
    return found


def _nearest(positions: list[int], i: int) -> int:
    """The position closest to ``i`` (the movement cue of a role)."""
    return min(positions, key=lambda c: abs(c - i)) if positions else i


def _hedge_in_scope(hedges: list[int], positions: tuple[int, ...], open_end: bool = False) -> bool:
    """A hedge between a pair's roles and cue, or up to the scope before the first of them: "will not be allowed
    into X", "officials fear that Xs crossed into Y"; a hedge in a later clause or far before leaves the move.
    ``open_end``: a lone role (an origin or a destination with no partner) has no second role closing its clause,
    so the scope also runs a few tokens after it ("the Mexicans will pay for"; flows.json "backoff_hedge_after")."""
    if not hedges:
        return False
    lo = min(positions) - _backoff_hedge_scope()
    hi = max(positions) + (_hedge_scope().after if open_end else 0)
    return any(lo <= h <= hi for h in hedges)


def _main_group_in(b: _Builder, sentences: list[_Sentence], main: str, covered: list[tuple[int, int]],
                   bo: _Backoff) -> None:
    """"Ukrainians in Germany have found jobs" in a document about Ukrainian refugees: the document's people, named
    by a bare plural demonym, are in the country named right after "in" (not "ethnic Russians in Latvia", not
    another nationality: "Americans in Germany")."""
    doc = b.doc
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if s.deport or s.military or len(s.mentions) < 2 or not any(
                m.kind == "demonym" and m.iso == main and m.end < s.span.end and W[m.end] == "in" for m in s.mentions):
            continue
        sc, ec = s.span.start_char, s.span.end_char
        if any(a < ec and c > sc for a, c in covered):
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions}
        for m in s.mentions:
            text = T[m.end - 1]
            if m.kind != "demonym" or m.iso != main or not text.endswith("s") or text.endswith(("'s", "’s")) \
                    or m.end + 1 >= end or W[m.end] != "in" or m.start > start and W[m.start - 1] == "ethnic":
                continue
            n = by_start.get(m.end + 1) or (by_start.get(m.end + 2) if W[m.end + 1] == "the" else None)
            if n is None or n.kind != "name" or n.iso == main or n.iso in bo.territories or (main, n.iso) in known:
                continue
            words, lemmas = W[start:end], L[start:end]
            if _backoff_hedged(words, lemmas, bo, T[start:end]) or not bo.non_migrants.isdisjoint(words):
                break
            b.add(s.span, main, n.iso, [m.start, n.start], trigger=m.start)
            known.add((main, n.iso))


def _only_left(sentences: list[_Sentence], state: str) -> bool:
    """The story's state is only a country people leave in the document ("whether the migrants are from Mexico",
    "Mexicans who leave their country"): an origin role and no destination or location role anywhere."""
    roles = {m.role for s in sentences for m in s.mentions if m.iso == state}
    return bool(roles & {"SRC", "NAT"}) and not roles & {"DST", "LOC", "REFIN"}


def _adjacent(doc: Doc, a: _Sentence, c: _Sentence) -> bool:
    """c follows a directly in the same paragraph."""
    between = doc_text(doc)[a.span.end_char:c.span.start_char]
    return c.span.start >= a.span.end and not between.strip() and "\n" not in between


def _backoff_flows(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """Sentences no rule read: an origin role and a destination role with people and a movement cue between them
    give a flow; a hedge (negation, modal, plan, threat, ban), a deportation or a mover that is no migrant
    (tourists, teams, troops, goods, officials) anywhere in the sentence gives none."""
    bo = _backoff_lex()
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    covered = sorted((f.evidence.start, f.evidence.end) for f in b.flows)
    known = {(f.origin, f.destination) for f in b.flows}
    state: str | None | bool = False  # computed on first need
    pending: list[tuple[_Sentence, list[tuple[int, str]], list[int]]] = []  # origins with no destination
    placed: list[tuple[_Sentence, list[tuple[int, str]], list[int]]] = []  # destinations with no origin
    found: Counter[str] = Counter()  # origin roles read in the document
    first_seen: dict[str, int] = {}  # where each origin is first read: a group is placed after it is introduced
    last: tuple[_Sentence, list[tuple[int, str]]] | None = None  # the sentence before, if it gave origins only
    deport_scoped = _deport_scope_words() is not None  # round 21: a deportation word voids only its clause
    movers_out = bo.non_migrants - _deport_scope_words() if deport_scoped else bo.non_migrants
    for s in sentences:
        if last is not None and not _adjacent(doc, last[0], s):
            last = None
        if len(s.mentions) + len(s.ethnic) < 1 or s.deport and not deport_scoped or s.military:
            continue
        sc, ec = s.span.start_char, s.span.end_char
        if any(a < ec and c > sc for a, c in covered):
            continue  # the rules read this sentence
        start, end = s.span.start, s.span.end
        words = W[start:end]
        lemmas = L[start:end]
        if not movers_out.isdisjoint(words) or not movers_out.isdisjoint(lemmas):
            continue
        if not bo.aim_verbs.isdisjoint(words) and any(
                w in bo.aim_verbs and nxt == "to" for w, nxt in zip(words, words[1:], strict=False)):
            continue  # "is seeking to resettle refugees in X": an aim, not a move
        cues = list(compress(range(start, end), map(or_, map(bo.cues.__contains__, words),
                                                    map(bo.cues.__contains__, lemmas))))  # W or L a cue, in C
        cues = [c for c in cues if c + 1 >= end or W[c + 1] not in MEASURE_HEADS]  # "the travel ban", "the
        # arrivals hall": a measure or a room, no one moving (r31)
        cues = [c for c in cues if W[c] != "left" or c == start or W[c - 1] not in LEFT_AS_NOUN]  # "on the left"
        if "asylum" in words:
            cues = sorted(cues + [j for j in (_asylum_state(W, m, s, bo) for m in s.mentions) if j is not None])
        # "those rescued", "many now live", not "they are"
        people = not bo.people.isdisjoint(words) or not bo.group_words.isdisjoint(words) and any(
            W[i] in bo.group_words and any(c in cues for c in range(i + 1, min(i + 4, end))) for i in range(start, end))
        people = people or not bo.person_pronouns.isdisjoint(words) and not bo.origin_verbs.isdisjoint(words)
        moving_nouns = _moving_noun_cues(W, L, s, words)
        if moving_nouns:  # "net migration from Mexico fell": the noun names people moving
            cues = sorted(set(cues) | set(moving_nouns))
            people = True
        if not cues or not people and not any(m.kind == "demonym" for m in s.mentions):
            continue
        # the hedges after the tests above, which read nothing of them and skip most sentences (r30)
        hedges = _scoped_hedges(words, lemmas, bo, doc_texts(doc)[start:end], start)
        if hedges is None:
            continue  # hedged, and hedges are read sentence-wide
        if deport_scoped and (s.deport or not bo.non_migrants.isdisjoint(words)
                              or not bo.non_migrants.isdisjoint(lemmas)):
            hedges = sorted(hedges + _deport_positions(words, lemmas, start))  # a removal voids its own clause
        origins = _coordinated(s, W, _coordinated(s, W, _backoff_origins(doc, s, bo), False), True)
        dests = _coordinated(s, W, _backoff_destinations(doc, s, bo, cues), False)
        if not origins:
            if hedges:
                dests = [(i, d) for i, d in dests if not _hedge_in_scope(hedges, (i, _nearest(cues, i)), True)]
            if dests and not s.region_origin and bo.regions.isdisjoint(words) and (
                    not bo.migrant_nouns.isdisjoint(words) or not bo.group_words.isdisjoint(words)):
                placed.append((s, dests, cues))  # "people spend months in camps in Lebanon, Jordan and Turkey"
                if bo.adjacent and last is not None and _adjacent(doc, last[0], s):
                    for _oi, o in last[1]:  # "Hundreds of Afghan families fled on foot. Most reached Iran."
                        for di, d in dests:
                            if o != d and (d, o) not in known and o not in bo.territories and d not in bo.territories:
                                b.add(s.span, o, d, [di, cues[0]], trigger=cues[0])
            last = None
            continue
        if not bo.migrant_nouns.isdisjoint(words):  # the document's migrants, not "Americans" in passing
            stated = [] if hedges else origins  # as before round 20, a hedged sentence introduces no group
            found.update(iso for _, iso in stated)
            for i, iso in stated:
                first_seen.setdefault(iso, i)
        if any(w in bo.dest_preps and nxt in bo.regions for w, nxt in zip(words, words[1:], strict=False)):
            continue  # "the exodus of Syrians into Europe": the group goes to a region, whatever else is named
        entered = {m.start for m in s.mentions if m.kind == "demonym" and _border_entered(W, m, s, bo)}
        if entered & {i for i, _ in dests}:  # "the Mexican border" in a story set in the U.S. is the U.S. border
            if state is False:
                state = _story_state(sentences)
            dests = [(i, d) for i, d in dests if i not in entered or not state or d == state
                     or state in {o for _, o in origins}]
        displaced_at_home = {iso for _, iso in dests}
        origins = [(i, o) for i, o in origins if o not in displaced_at_home]  # "displaced in Syria"
        if not origins:
            continue
        if hedges and not dests:  # an origin with no destination goes on only if its own movement is stated
            origins = [(i, o) for i, o in origins if not _hedge_in_scope(hedges, (i, _nearest(cues, i)), True)]
            if not origins:
                last = None
                continue
        last = None if dests else (s, origins)
        if not dests:
            if state is False:
                state = _story_state(sentences)
            if state and (not bo.here_words.isdisjoint(words) or any(
                    w in bo.the_country_words and nxt == "country" for w, nxt in zip(words, words[1:], strict=False))):
                dests = [(max(cues), state)]
            elif state and bo.story_state != "off" and bo.regions.isdisjoint(words) and any(
                    W[c] not in bo.people or W[c] in bo.arrived_nouns or L[c] in bo.arrived_nouns
                    or {"a", "an"} & set(W[max(start, c - 3):c]) for c in cues):  # "a refugee from Angola"
                pending.append((s, origins, cues))  # not "the exodus of Syrians into Europe"
        origin_isos = {iso for _, iso in origins}
        for oi, o in origins:
            for di, d in dests:
                if o == d or d in origin_isos or (d, o) in known or (o, d) in known or o in bo.territories \
                        or d in bo.territories:
                    continue
                cue = min(cues, key=lambda c: abs(c - di))
                if _hedge_in_scope(hedges, (oi, di, cue)):
                    continue  # "Syrians who reached Turkey hope to go on to Greece": only the first leg happened
                b.add(s.span, o, d, [oi, di, cue], trigger=cue)
    if pending and state and not _only_left(sentences, state) and (
            bo.story_state == "always" or bo.story_state == "no_other_destination" and all(
            d == state or o == state for o, d in known) or not known):  # on their way on from the state
        for s, origins, cues in pending:  # "1,300 Cuban migrants escaped" in a story set in Mexico
            for oi, o in origins:
                if o == state or o in bo.territories or state in bo.territories or (state, o) in known \
                        or (o, state) in known:
                    continue
                b.add(s.span, o, state, [oi, cues[0]], trigger=cues[0])
    if main:
        _main_group_in(b, sentences, main, covered, bo)
    ranked = found.most_common(2)
    home = main or (ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) else None)
    if placed and home and bo.main_origin != "off" and (bo.main_origin == "always" or not known):
        for s, dests, cues in placed:  # the document's one origin goes where its people are placed
            for di, d in dests:
                if di < first_seen.get(home, 0) or d == home or d in bo.territories or home in bo.territories \
                        or (d, home) in known:
                    continue
                cue = min(cues, key=lambda c: abs(c - di))
                b.add(s.span, home, d, [di, cue], trigger=cue)


@dataclass(frozen=True)
class _PeopleIn:
    """Lexicons of ``_people_in_country`` (flows.json "people_in")."""

    migration_words: frozenset[str]
    min_migration_words: int
    fillers: frozenset[str]
    invariant_plurals: frozenset[str]
    window: int
    resident_nouns: frozenset[str]
    compound_heads: frozenset[str]
    hedges: frozenset[str]
    not_after: frozenset[str]


@lru_cache(maxsize=1)
def _people_in_lex() -> _PeopleIn:
    data = load_json("flows.json")["people_in"]
    return _PeopleIn(migration_words=frozenset(data["migration_words"]),
                     min_migration_words=int(data["min_migration_words"]), fillers=frozenset(data["fillers"]),
                     invariant_plurals=frozenset(data["invariant_plurals"]), window=int(data["window"]),
                     resident_nouns=frozenset(data["resident_nouns"]), compound_heads=frozenset(data["compound_heads"]),
                     hedges=frozenset(data["hedges"]), not_after=frozenset(data["not_after"]))


def _plural_demonym(text: str, pl: _PeopleIn) -> bool:
    """A demonym used as a plural people noun ("Hondurans", "Rohingya"), not an adjective ("Honduran")."""
    return text[:1].isupper() and (text.endswith("s") and not text.endswith("ss") or text in pl.invariant_plurals)


def _migrant_nationalities(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> set[str]:
    """The nationalities the document calls migrants: origins of its flows so far and demonyms on a refugee noun
    ("Honduran migrants", "Syrian asylum seekers"), so that a bare "Hondurans in Mexico" elsewhere is read as the
    same people."""
    W = doc_lowers(b.doc)
    out = {f.origin for f in b.flows}
    for s in sentences:
        for m in s.mentions:
            after = range(m.end, min(m.end + 2, s.span.end))
            if m.kind == "demonym" and any(W[k] in lex.refugee_groups for k in after):
                out.add(m.iso)
    return out


def _people_in_country(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"Hondurans in Mexico", "Guatemalans living in the U.S.", "Syrians now registered in Turkey, Jordan
    and Lebanon": a plural demonym placed in another country is a flow there, in a document about
    migrants (annotators read "the group's nationality as origin"). Only sentences no other rule read, and none
    with a hedge, ban, deportation, troops or a mover who is no migrant (tourists, diplomats, students)."""
    pl = _people_in_lex()
    doc = b.doc
    W, T = doc_lowers(doc), doc_texts(doc)
    if b.migration_word_count() < pl.min_migration_words:
        return
    non_migrants = _backoff_lex().non_migrants
    covered = [(f.evidence.start, f.evidence.end) for f in b.flows]
    migrant_origins = _migrant_nationalities(b, sentences, lex)
    for s in sentences:
        sc, ec = s.span.start_char, s.span.end_char
        if s.military or s.deport or len(s.mentions) < 2 or any(a < ec and c > sc for a, c in covered):
            continue
        start, end = s.span.start, s.span.end
        words = W[start:end]
        if not lex.block.isdisjoint(words) or not BANS.isdisjoint(words) or not non_migrants.isdisjoint(words):
            continue
        by_start = {m.start: m for m in s.mentions}
        done: set[int] = set()
        for m in s.mentions:
            if m.start in done or m.kind != "demonym" or not _plural_demonym(T[m.end - 1], pl) \
                    or m.start > start and W[m.start - 1] in pl.not_after:
                continue  # "the Russians in Syria": a state or its forces; "ethnic Ukrainians in Russia"
            origins, k = [m], m.end
            while k + 1 < end and W[k] in {",", "and", "or"} and (nxt := by_start.get(
                    k + 1 if W[k + 1] not in {"and", "or"} else k + 2)) is not None and nxt.kind == "demonym" \
                    and _plural_demonym(T[nxt.end - 1], pl):
                origins.append(nxt)  # "Guatemalans, Hondurans and Salvadorans in the U.S."
                k = nxt.end
            done.update(o.start for o in origins)
            gap = k
            while k < end and k - gap < pl.window and W[k] in pl.fillers:
                k += 1
            if k >= end or W[k] != "in":
                continue
            k += 1
            while k < end and W[k] in PLACE_MODIFIERS:
                k += 1
            place = by_start.get(k)
            if place is None or place.kind == "demonym":
                continue
            places = [place]
            while (nxt := by_start.get(places[-1].end + 1)) is not None and W[places[-1].end] in {",", "and", "or"} \
                    or (nxt := by_start.get(places[-1].end + 2)) is not None \
                    and W[places[-1].end:places[-1].end + 2] in ([",", "and"], [",", "or"]):
                if nxt.kind == "demonym":
                    break
                places.append(nxt)  # "in Turkey, Jordan and Lebanon"
            isos = {o.iso for o in origins}
            if pl.migration_words.isdisjoint(words):
                origins = [o for o in origins if o.iso in migrant_origins]  # "Russians in Ukraine": not the migrants
            for o in origins:
                for p in places:
                    if p.iso not in isos:
                        b.add(s.span, o.iso, p.iso, [o.start, p.start])


STORY_HEDGE_WINDOW = 10  # tokens each side of the demonym that a hedge or negation must be within to count


def _unflowed_story_people(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """A document no rule found a flow in, set in one country: its people of another nationality are there ("Eva, a
    Venezuelan immigrant who runs the shelter", "five Honduran asylum-seekers challenged the rules" in a story set
    in the U.S.). The noun must head its phrase (not "the Syrian refugee crisis"), and the sentence must name no
    other country and hold no ban, hedge, deportation, troops or accusation."""
    if b.flows:
        return
    state = _story_state(sentences)
    if state is None:
        return
    pl = _people_in_lex()
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        sent = s.span
        words = W[sent.start:sent.end]
        if s.military or s.deport or s.region_origin or not BANS.isdisjoint(words) \
                or not SUSPICION.isdisjoint(words):
            continue
        if any(m.iso != state and m.role not in {"NAT", "ADJ"} for m in s.mentions):
            continue  # another place for them in the sentence
        for m in s.mentions:
            if m.kind != "demonym" or m.role != "NAT" or m.iso == state:
                continue
            near = W[max(sent.start, m.start - STORY_HEDGE_WINDOW):min(sent.end, m.end + STORY_HEDGE_WINDOW)]
            if not lex.block.isdisjoint(near) or not pl.hedges.isdisjoint(near):
                continue  # "would not admit Syrian refugees" (a quote's "not" further off says nothing of them)
            k = m.end
            if k < sent.end and W[k] == "asylum":  # "asylum seekers", "asylum-seekers" split at the hyphen
                k += 2 if k + 1 < sent.end and W[k + 1] == "-" else 1
                if k >= sent.end or W[k] not in {"seeker", "seekers"}:
                    continue
            elif k >= sent.end or W[k] not in pl.resident_nouns:
                continue
            if k + 1 < sent.end and (W[k + 1] in pl.compound_heads or W[k + 1] == "-"):
                continue  # "the Syrian refugee crisis", "Mexican immigrant rights": a topic, not people
            b.add(sent, m.iso, state, [m.start, k])


@dataclass(frozen=True)
class _StoryOrigins:
    """Lexicons of ``_origins_in_story_state`` (flows.json "origins_in_story_state")."""

    people_window: int
    nation_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _story_origins_lex() -> _StoryOrigins:
    data = load_json("flows.json")["origins_in_story_state"]
    return _StoryOrigins(people_window=int(data["people_window"]), nation_nouns=frozenset(data["nation_nouns"]))


def _people_origin(W: list[str], m: _Mention, start: int, end: int, bo: _Backoff, so: _StoryOrigins) -> bool:
    """The origin role names people: "children, mostly from X" (a people word a few tokens before "from", a list
    of countries in between), "a Congolese woman", "Mexican nationals" (a demonym on a people word, one modifier
    allowed); not a nation ("the French people") nor a bare plural demonym ("Filipinos", often a community)."""
    if m.kind == "demonym":
        k = m.end
        if k < end and W[k] not in bo.people and W[k].isalpha() and k + 1 < end and W[k + 1] in bo.people:
            k += 1  # "a Mexican migrant worker", "Guatemalan young men"
        return k < end and W[k] in bo.people and W[k] not in so.nation_nouns
    k = m.start - 1
    while k > start and W[k] in {"the", "a", "an"}:
        k -= 1
    if W[k] != "from":  # "from the war-torn nation of X", "fled X": where people left, no person word needed
        return True
    window = W[max(start, k - so.people_window):k]
    return any((w in bo.people or w in bo.group_words) and w not in so.nation_nouns for w in window)


def _origins_in_story_state(b: _Builder, sentences: list[_Sentence]) -> None:
    """"The children, mostly from Guatemala and Honduras, were held for weeks" in a story set in the
    United States: a sentence with no movement word that says where the document's people come from places them in
    the country the story is set in (``_story_state``: named three times and twice as often as any other). The
    backoff tier sends origins with a movement word there already; without one, the origin must name people (a
    people word before "from", a demonym on a people noun) and the sentence no other country. Only in documents
    about migrants; hedges, deportations, troops and movers who are no migrants void
    it, as in the backoff tier, here anywhere in the sentence (no movement word to scope them to); people placed
    "in" their own country are at home."""
    bo, pl, so = _backoff_lex(), _people_in_lex(), _story_origins_lex()
    doc = b.doc
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    if b.migration_word_count() < pl.min_migration_words:
        return
    state = _story_state(sentences)
    if not state or state in bo.territories or _only_left(sentences, state):
        return
    covered = [(f.evidence.start, f.evidence.end) for f in b.flows]
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        sc, ec = s.span.start_char, s.span.end_char
        if any(a < ec and c > sc for a, c in covered):
            continue  # a rule read this sentence
        words, lemmas = W[start:end], L[start:end]
        if not bo.cues.isdisjoint(words) or not bo.cues.isdisjoint(lemmas):
            continue  # a movement word: the backoff tier's sentence
        if not bo.non_migrants.isdisjoint(words) or not bo.non_migrants.isdisjoint(lemmas):
            continue
        if _backoff_hedged(words, lemmas, bo, T[start:end]):
            continue  # no movement word to scope a hedge to: "the ban, which ..., puts screening on nationals from X"
        origins = _coordinated(s, W, _backoff_origins(doc, s, bo), False)
        by_start = {m.start: m for m in s.mentions}
        origins = [(i, o) for i, o in origins if i in by_start and _people_origin(W, by_start[i], start, end, bo, so)]
        isos = {o for _, o in origins}
        if not origins or any(m.iso not in isos and m.iso != state for m in s.mentions):
            continue  # "a Danish man arrested in Turkey": the sentence places its people elsewhere
        at_home = {m.iso for m in s.mentions if m.start > start and W[m.start - 1] == "in"
                   or m.start > start + 1 and W[m.start - 2:m.start] == ["in", "the"]}
        origins = [(i, o) for i, o in origins if o not in at_home]  # "a Mexican boy ... struck in Mexico": at home
        for i, o in origins:
            if o == state or o in bo.territories or (o, state) in known or (state, o) in known:
                continue
            b.add(s.span, o, state, [i])
            known.add((o, state))


@lru_cache(maxsize=1)
def _comparison_preps() -> frozenset[str]:
    return frozenset(load_json("flows.json")["fronted_comparison"]["preps"])


def _fronted_comparison(W: list[str], m: _Mention, s: _Sentence) -> bool:
    """"After the Irish, the hostility turned to new arrivals from Germany", "Unlike Syrians, ...": a nationality
    in a phrase that opens the sentence with a preposition of comparison or sequence, closed by a comma before
    any movement word, is a point of reference, not the group that moves (nor a country the movers were in)."""
    start = s.span.start
    k = start
    while k < m.start and W[k] in {"but", "and", "yet", "\"", "“"}:
        k += 1
    if W[k] not in _comparison_preps() or k >= m.start:
        return False
    comma = next((j for j in range(m.end, min(m.end + 4, s.span.end)) if W[j] == ","), None)
    return comma is not None and not any(k < t < comma for t in s.triggers)


@lru_cache(maxsize=1)
def _deport_scope_words() -> frozenset[str] | None:
    """Deportation words of the backoff tier's non-migrant list that void only the clause they stand in, like a hedge
    (flows.json "backoff_deport_scope"); None when the switch is off (the whole sentence is skipped, as before)."""
    data = load_json("flows.json").get("backoff_deport_scope", {})
    return frozenset(data.get("words", ())) if data.get("enabled") else None


def _deport_positions(words: list[str], lemmas: list[str], start: int) -> list[int]:
    """Document positions of the sentence's deportation words ("deported", "sent back", "removed"): read as hedges
    scoped to their clause, so "a boy who removed his shoes ... walking from X" keeps the walk from X while
    "Xs deported from Y" gives the backoff tier nothing (the deportation rules read it)."""
    scoped, deport = _deport_scope_words() or frozenset(), _lex().deport
    return [start + k for k, (w, lem) in enumerate(zip(words, lemmas, strict=True))
            if w in scoped or lem in scoped or w in deport or lem in deport]


@dataclass(frozen=True)
class _PeoplePlaced:
    """Lexicons of ``_people_placed`` (flows.json "people_placed")."""

    people: frozenset[str]
    preps: frozenset[str]
    skip: frozenset[str]
    crime_words: frozenset[str]
    person_holds: frozenset[str]
    place_preps: frozenset[str] = frozenset()  # before a demonym place only ("on a Greek island")


@lru_cache(maxsize=1)
def _people_placed_lex() -> _PeoplePlaced:
    data = load_json("flows.json")["people_placed"]
    return _PeoplePlaced(people=frozenset(data["people"]), preps=frozenset(data["preps"]),
                         skip=frozenset(data["skip"]), crime_words=frozenset(data["crime_words"]),
                         person_holds=frozenset(data["person_holds"]),
                         place_preps=frozenset(data.get("demonym_place_preps", ())))


def _placed_at(W: list[str], m: _Mention, start: int, pp: _PeoplePlaced) -> bool:
    """The country mention is where something is: "in Tijuana", "at a station in northern Serbia"; not the place of
    a purpose ("called up to fight in X", "hoping to work in X")."""
    k = m.start - 1
    while k > start and W[k] in pp.skip:
        k -= 1
    if k >= start and W[k] in pp.place_preps and m.end < len(W) and W[m.end] in DEMONYM_PLACES:
        return "to" not in W[max(start, k - 3):k]  # "on an Austrian highway", "on a Greek island"
    return k >= start and W[k] in pp.preps and "to" not in W[max(start, k - 3):k]  # not "to fight in X": a purpose


def _placed_after_town(W: list[str], T: list[str], m: _Mention, start: int, pp: _PeoplePlaced) -> bool:
    """The country mention closes a town's address after "in"/"at": "in Brownsville, Texas, U.S.", "at a shelter
    in Przemysl, Poland" (the town is a capitalised name the gazetteer need not know; at most two such steps).
    Read only in sentences naming migrants: "born in Calgary, Alberta, to a Cuban father" is no journey."""
    k = m.start - 1
    for _ in range(2):
        if k <= start or T[k] != ",":
            return False
        k -= 1
        name = 0
        while k > start and T[k][:1].isupper() and name < 3:
            k, name = k - 1, name + 1
        if not name:
            return False
        if W[k] in pp.preps:
            return "to" not in W[max(start, k - 3):k]
    return False


def _placed_origin(W: list[str], T: list[str], m: _Mention, start: int, end: int, pp: _PeoplePlaced,
                   mentions: list[_Mention] | None = None) -> bool:
    """The origin names migrants or persons: a demonym on one of ``pp.people`` ("a Honduran mother", "Afghan
    families", one modifier allowed), or "from X" a few words after one ("the migrants, mostly from Eritrea");
    not a dual nationality ("German-Iraqi"). With ``mentions``, a name later in a list opened by that "from"
    counts too ("migrants from Iraq, Syria and Afghanistan")."""
    if mentions is not None and m.kind == "name":
        first = _list_head(W, m, mentions, start)
        if first is not m:
            return _placed_origin(W, T, first, start, end, pp)
    if "-" in T[m.start] or m.start > start and T[m.start - 1] in {"-", "–"} or m.end < end and T[m.end] == "-":
        return False
    if m.kind == "demonym":
        k = m.end
        if k + 1 < end and W[k] not in pp.people and W[k].isalpha() and W[k + 1] in pp.people:
            k += 1  # "a Honduran young mother"
        return k < end and W[k] in pp.people and T[k][:1].islower()
    k = m.start - 1
    while k > start and W[k] in {"the", "a", "an"}:
        k -= 1
    return W[k] == "from" and any(w in pp.people for w in W[max(start, k - 6):k])


def _list_head(W: list[str], m: _Mention, mentions: list[_Mention], start: int) -> _Mention:
    """The first country name of the list ``m`` closes ("Iraq, Syria and Afghanistan": Iraq for Syria and
    Afghanistan); ``m`` itself when no name joined by a comma, "and" or "or" comes right before it."""
    ends = {x.end: x for x in mentions if x.kind == "name"}
    head = m
    while True:
        k = head.start - 1
        while k > start and W[k] in {",", "and", "or"}:
            k -= 1
        prev = ends.get(k + 1)
        if prev is None or k + 1 == head.start:
            return head
        head = prev


def _people_placed(b: _Builder, sentences: list[_Sentence]) -> None:
    """"A Honduran mother waited in Tijuana with her sons": in a document about migrants, people of a nationality
    placed in a place of one other country moved there (origin -> the place's country), where no rule read the
    sentence. Annotators mark these (GUIDELINES: "Ukrainian refugees in Poland"); the rules above need a migrant
    noun and a sentence opening on the group (``_located_group``) or a movement word (the backoff tier). The origin
    must be a demonym on a migrant or person noun or "from X" after one, the place the sentence's only other
    country, right after "in"/"at"; hedges, deportations, troops, non-migrants and crime stories void it."""
    bo, pl, pp = _backoff_lex(), _people_in_lex(), _people_placed_lex()
    doc = b.doc
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    if b.migration_word_count() < pl.min_migration_words:
        return
    covered = [(f.evidence.start, f.evidence.end) for f in b.flows]
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        sc, ec = s.span.start_char, s.span.end_char
        if any(a < ec and c > sc for a, c in covered):
            continue  # a rule read this sentence
        words, lemmas = W[start:end], L[start:end]
        if not bo.non_migrants.isdisjoint(words) or not bo.non_migrants.isdisjoint(lemmas) \
                or not pp.crime_words.isdisjoint(words):
            continue
        if not pp.person_holds.isdisjoint(words) and bo.migrant_nouns.isdisjoint(words):
            continue  # "a Danish man was held in Turkey": a traveller detained abroad, no migrant named
        if _backoff_hedged(words, lemmas, bo, T[start:end]):
            continue
        origins = {m.iso: m for m in s.mentions if _placed_origin(W, T, m, start, end, pp, s.mentions)}
        places = {m.iso for m in s.mentions if m.iso not in origins}
        if not origins or len(places) != 1:
            continue  # one other country, the place people are in
        place = next(iter(places))
        migrants = not bo.migrant_nouns.isdisjoint(words)  # a town's address places migrants only
        if place in bo.territories or not all(
                _placed_at(W, m, start, pp) or migrants and _placed_after_town(W, T, m, start, pp)
                for m in s.mentions if m.iso == place):
            continue
        if any(W[m.start - 1] == "in" and _without_asylum(W, m.start - 1, start, bo)
               for m in s.mentions if m.iso == place):
            continue  # r32: "arrive without having sought asylum in X": not placed in X
        for o, m in origins.items():
            if (o, place) not in known:
                b.add(s.span, o, place, [m.start] + [x.start for x in s.mentions if x.iso == place])
                known.add((o, place))


@dataclass(frozen=True)
class _IntroducedOrigin:
    """Lexicons of ``_introduced_origin`` (flows.json "introduced_origin")."""

    subjects: tuple[tuple[str, ...], ...]
    subject_window: int
    from_verbs: frozenset[str]


@lru_cache(maxsize=1)
def _introduced_origin_lex() -> _IntroducedOrigin:
    data = load_json("flows.json")["introduced_origin"]
    return _IntroducedOrigin(subjects=tuple(tuple(x.split()) for x in data["subjects"]),
                             subject_window=int(data["subject_window"]), from_verbs=frozenset(data["from_verbs"]))


def _introduced_origins(doc: Doc, s: _Sentence, bo: _Backoff, io: _IntroducedOrigin) -> list[tuple[int, str]]:
    """(token, country) of the origins a sentence introduces a person or group by: "X is from C", "X, a Cn,",
    "a Cn mother", "children from C"; empty when the sentence names any other country."""
    W, T = doc_lowers(doc), doc_texts(doc)
    start, end = s.span.start, s.span.end
    if s.deport or s.military or not bo.non_migrants.isdisjoint(W[start:end]):
        return []  # "The reporter is from Canada": no migrant
    pp = _people_placed_lex()
    out = []
    for m in s.mentions:
        k = m.start - 1
        if m.kind == "name" and k > start and W[k] == "from" and W[k - 1] in io.from_verbs:
            out.append((m.start, m.iso))  # "Maria, 34, is from Honduras"
        elif _placed_origin(W, T, m, start, end, pp):
            out.append((m.start, m.iso))  # "a Honduran mother", "the migrants, mostly from Eritrea"
        elif m.kind == "demonym" and k >= start and W[k] in {"a", "an"} and m.end < end and T[m.end] == ",":
            out.append((m.start, m.iso))  # "Ahmed, a Syrian, ..."
    isos = {o for _, o in out}
    if not out or any(m.iso not in isos for m in s.mentions):
        return []
    return out


def _introduced_origin(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Maria, 34, is from Honduras. She crossed into Mexico with her son": a person or group introduced with an
    origin in one sentence goes where the next sentence of the same paragraph, opening on a pronoun or "the
    family", moves them (the backoff tier's destination roles and cues). Feature stories introduce people so;
    the backoff tier's adjacent reading needs a movement word in the first sentence and a migrant noun in the
    second. Only in documents about migrants; the second sentence names no origin of its own, is read by no rule,
    and no hedge in the move's clause, deportation, troops or non-migrants void it."""
    bo, pl, io = _backoff_lex(), _people_in_lex(), _introduced_origin_lex()
    doc = b.doc
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    if b.migration_word_count() < pl.min_migration_words:
        return
    covered = [(f.evidence.start, f.evidence.end) for f in b.flows]
    known = {(f.origin, f.destination) for f in b.flows}
    for a, c in zip(sentences, sentences[1:], strict=False):
        if not c.mentions or c.deport or c.military or not _adjacent(doc, a, c):
            continue
        start, end = c.span.start, c.span.end
        head = W[start:min(end, start + io.subject_window)]
        if not any(tuple(head[i:i + len(x)]) == x for x in io.subjects for i in range(len(head))):
            continue  # the sentence is about someone else
        if any(x < c.span.end_char and y > c.span.start_char for x, y in covered):
            continue
        words, lemmas = W[start:end], L[start:end]
        if not bo.non_migrants.isdisjoint(words) or not bo.non_migrants.isdisjoint(lemmas):
            continue
        cues = list(compress(range(start, end), map(or_, map(bo.cues.__contains__, words),
                                                    map(bo.cues.__contains__, lemmas))))
        if not cues or _backoff_origins(doc, c, bo):
            continue
        hedges = _scoped_hedges(words, lemmas, bo, T[start:end], start)
        if hedges is None:
            continue
        dests = _coordinated(c, W, _backoff_destinations(doc, c, bo, cues), False)
        origins = _introduced_origins(doc, a, bo, io) if dests else []
        for _oi, o in origins:
            for di, d in dests:
                cue = min(cues, key=lambda x: abs(x - di))
                if o == d or (o, d) in known or (d, o) in known or o in bo.territories or d in bo.territories \
                        or _hedge_in_scope(hedges, (di, cue), True):
                    continue
                b.add(c.span, o, d, [di, cue], trigger=cue)
                known.add((o, d))


@lru_cache(maxsize=1)
def _moving_people_lex() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("flows.json").get("stopped_moving_people") or {"nouns": [], "after": []}
    return frozenset(data["nouns"]), frozenset(data["after"])


def _moving_people(W: list[str], first: int, last: int) -> list[int]:
    """Positions of plain people nouns followed by a movement word ("people crossing from Mexico", "families
    entering from Serbia"): a group a state's agents stop is migrants when it is moving (``_stopped_by_state``)."""
    nouns, after = _moving_people_lex()
    return [j for j in range(first, last - 1) if W[j] in nouns and W[j + 1] in after]


@dataclass(frozen=True)
class _ListedOrigins:
    """Lexicons of ``_listed_origins`` (flows.json "listed_origins_r28")."""

    people: frozenset[str]
    arrivals: frozenset[str]
    openers: frozenset[str]
    to_words: frozenset[str]
    hedges: frozenset[str]
    reversals: frozenset[str]


@lru_cache(maxsize=1)
def _listed_origins_lex() -> _ListedOrigins | None:
    data = load_json("flows.json").get("listed_origins_r28")
    if not data:
        return None
    return _ListedOrigins(people=frozenset(data["people"]), arrivals=frozenset(data["arrivals"]),
                          openers=frozenset(data["list_openers"]), to_words=frozenset(data["destination_words"]),
                          hedges=frozenset(data["hedges"]), reversals=frozenset(data["reversals"]))


def _from_list(W: list[str], j: int, end: int, by_start: dict[int, _Mention], lo: _ListedOrigins
               ) -> tuple[list[_Mention], int]:
    """The countries named in a list right after "from" at ``j`` ("from A, B and C", "from countries such as A
    and B") and the token after the list; empty when anything but list words separates them."""
    k = j + 1
    r29 = _listed_origins_r29_lex()
    if r29 is not None:
        k = _past_list_description(W, k, end, by_start, r29)
        _LIST_EXTENDED[0] = k != j + 1
    while k < end and W[k] in lo.openers:
        k += 1
    n = _past_region_members(W, k, end, by_start)
    if n != k:
        _LIST_EXTENDED[0] = True
        k = n
    out: list[_Mention] = []
    while k < end:
        m = by_start.get(k)
        if m is None or m.kind != "name":
            break
        out.append(m)
        k = m.end
        if k < end and W[k] == "," and k + 1 < end and W[k + 1] in {"and", "or"}:
            k += 2
        elif k < end and W[k] in {",", "and", "or"}:
            k += 1
        elif r29 is not None and k < end and W[k] == "but" and "from" in W[k + 1:k + 4]:
            k += 1  # "from A and B but also increasingly from C" (round 29)
        else:
            break
        if r29 is not None:
            n = _past_list_aside(W, k, end, by_start, r29)
            _LIST_EXTENDED[0] = _LIST_EXTENDED[0] or n != k and any(W[x] not in {",", "and", "or"} for x in range(k, n))
            k = n
    return out, k


_LIST_EXTENDED = [False]  # whether the last ``_from_list`` read past a description or an aside (round 29)


LIST_DASHES = frozenset({"-", "–", "—"})


@dataclass(frozen=True)
class _ShareOfArrivals:
    """Lexicons of ``_listed_share_r33`` (flows.json "share_of_arrivals_r33")."""

    verbs: tuple[tuple[str, ...], ...]
    counted: frozenset[str]
    verb_window: int
    noun_window: int


@lru_cache(maxsize=1)
def _share_lex() -> _ShareOfArrivals | None:
    data = load_json("flows.json").get("share_of_arrivals_r33")
    if not data:
        return None
    return _ShareOfArrivals(verbs=tuple(tuple(v.split()) for v in data["verbs"]), counted=frozenset(data["counted"]),
                            verb_window=int(data["verb_window"]), noun_window=int(data["noun_window"]))


def _listed_share_r33(W: list[str], k: int, end: int) -> bool:
    """Whether the words after a list of origins ending at ``k`` say the listed people make up a share of those
    caught or arriving ("... – A, B and C – make up the majority of apprehensions", "account for most arrivals"):
    a count of arrivals, so they came where it is kept (round 33; off without flows.json "share_of_arrivals_r33")."""
    sh = _share_lex()
    if sh is None:
        return False
    for v in range(k, min(end, k + sh.verb_window + 1)):
        for verb in sh.verbs:
            if tuple(W[v:v + len(verb)]) == verb:
                after = v + len(verb)
                return not sh.counted.isdisjoint(W[after:min(end, after + sh.noun_window)])
        if W[v] not in LIST_DASHES and W[v] not in {",", "now", "still", "together", "also"}:
            return False
    return False


@dataclass(frozen=True)
class _ListedOrigins29:
    """Lexicons of the round-29 additions to ``_listed_origins`` (flows.json "listed_origins_r29")."""

    kinds: frozenset[str]
    window: int
    asides: frozenset[str]
    influx: frozenset[str]
    arrivals: frozenset[str]
    authorities: tuple[tuple[tuple[str, ...], str], ...]


@lru_cache(maxsize=1)
def _listed_origins_r29_lex() -> _ListedOrigins29 | None:
    data = load_json("flows.json").get("listed_origins_r29")
    if not data:
        return None
    return _ListedOrigins29(kinds=frozenset(data["kind_nouns"]), window=int(data["description_window"]),
                            asides=frozenset(data["aside_words"]), influx=frozenset(data["influx_nouns"]),
                            arrivals=frozenset(data["more_arrivals"]),
                            authorities=tuple((tuple(k.split()), v) for k, v in
                                              sorted(data.get("more_authorities", {}).items())))


def _past_list_description(W: list[str], k: int, end: int, by_start: dict[int, _Mention],
                           r29: _ListedOrigins29) -> int:
    """The token after a description of the listed states ("three Andean countries:", "Andean nations, such
    as"), or ``k`` when none starts there: a few plain words (no country named by name) ending in a kind noun."""
    for n in range(k, min(k + r29.window + 1, end)):
        if W[n] in r29.kinds:
            if n == k:
                return k  # "countries such as": the list openers read it
            n += 1
            if n < end and (W[n] in {":", ","} or W[n] in LIST_DASHES and _share_lex() is not None):
                n += 1  # "three countries – A, B and C –" (round 33: a dash opens the list too)
            return n
        m = by_start.get(n)
        if m is not None and m.kind == "name" or not (W[n].isalnum() or W[n] == "-" or (
                W[n] in {"'s", "’s"} and _share_lex() is not None)):  # "the region's three countries" (round 33)
            return k
    return k


def _past_list_aside(W: list[str], k: int, end: int, by_start: dict[int, _Mention], r29: _ListedOrigins29) -> int:
    """The next list item's token after an aside inside the list ("and, most recently, C", "but also from C");
    ``k`` when no list item follows the aside."""
    n = k
    while n < end and n - k < 6 and n not in by_start and (W[n] in r29.asides or W[n] == ","):
        n += 1
    return n if n in by_start else k


def _authority_in(doc: Doc, start: int, end: int, lex: _Lex) -> str | None:
    """The state of a border agency named, capitalised, between tokens ``start`` and ``end`` ("the Border Patrol")."""
    words, T = doc_lowers(doc), doc_texts(doc)
    for phrase, iso in lex.national_authorities:
        n = len(phrase)
        if any(tuple(words[k:k + n]) == phrase and T[k][:1].isupper() for k in range(start, end - n + 1)):
            return iso
    return None


def _only_would_be(W: list[str], start: int, end: int, hedges: frozenset[str]) -> bool:
    """Whether the sentence's only hedge is the adjective "would-be" ("would-be immigrants come from A and B"):
    people described, not a move hedged (round 29; off without flows.json "listed_origins_r29")."""
    if _listed_origins_r29_lex() is None:
        return False
    return all(W[k] == "would" and W[k + 1:k + 3] == ["-", "be"] for k in range(start, end) if W[k] in hedges)


def _document_authority(doc: Doc, lex: _Lex) -> str | None:
    """The state of the border agencies the document names ("the Border Patrol", "Homeland Security"), when they
    are all one state's; None when it names none or several states' (round 29)."""
    words, T = doc_lowers(doc), doc_texts(doc)
    found = set()
    r29 = _listed_origins_r29_lex()
    for phrase, iso in list(lex.national_authorities) + list(r29.authorities if r29 is not None else ()):
        n = len(phrase)
        first = phrase[0]
        if any(words[k] == first and tuple(words[k:k + n]) == phrase and T[k][:1].isupper()
               for k in range(len(words) - n + 1)):
            found.add(iso)
    return next(iter(found)) if len(found) == 1 else None


def _listed_origins(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"Travellers from Sudan, Eritrea and Chad boarded planes for Canada", "migrant families from A, B and C made
    up most of the Border Patrol's arrests", "about 10% more arrived from A and B": a people noun or an arrival verb
    right before "from" and a list of countries after it. Each listed country goes to the country that a
    destination word (to, into, for) names after the list in the sentence; with none, to the state of a border
    agency named in this sentence or the one before ("the Border Patrol"), or, after an arrival verb only, to the
    story's state. Rules that read one country after "from" miss the rest of such lists. Not in sentences of
    people sent back or of troops, nor under a hedge or negation ("would come from A and B")."""
    lo = _listed_origins_lex()
    if lo is None:
        return
    doc = b.doc
    W = doc_lowers(doc)
    story = _story_state(sentences)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.military:
            continue
        start, end = s.span.start, s.span.end
        if not lo.hedges.isdisjoint(W[start:end]) and not _only_would_be(W, start, end, lo.hedges) \
                or not lo.reversals.isdisjoint(W[start:end]):
            continue
        by_start = {m.start: m for m in s.mentions}
        for j in compress(range(start + 1, end), map("from".__eq__, W[start + 1:end])):  # (the "from"s, found in C)
            r29 = _listed_origins_r29_lex()
            v = j - 1  # the people noun or arrival verb: "came mainly from" (round 29) as "came from"
            if r29 is not None and v > start and W[v] in lo.openers and W[v].endswith("ly"):
                v -= 1
            more = r29 is not None and W[v] in r29.arrivals and any(  # "migrants come from A and B" (round 29)
                w in lo.people or w in {"they", "who"} for w in W[max(start, v - 3):v])  # not "a truck come from"
            copula = _copula_list(W, v, start)  # "the asylum-seekers are primarily from A, B and C" (round 30)
            copula = copula or _copula_list_r32(W, v, start) or _copula_quantifier(W, v, start)
            if not (W[v] in lo.people or W[v] in lo.arrivals or more or copula):
                continue
            origins, k = _from_list(W, j, end, by_start, lo)
            if not origins:
                continue
            isos = {m.iso for m in origins}
            dest = next((m.iso for m in s.mentions if m.start >= k and m.iso not in isos and m.kind != "demonym"
                         and W[m.start - 1] in lo.to_words | {"the"} and
                         (W[m.start - 1] in lo.to_words or W[m.start - 2] in lo.to_words)), None)
            if dest is None:
                dest = _authority_in(doc, start, end, lex)
            if dest is None and start > 0:
                dest = _authority_in(doc, doc[start - 1].sent.start, start, lex)  # the sentence before
            influx = r29 is not None and W[v] in lo.people and not r29.influx.isdisjoint(W[max(start, v - 3):v])
            share = dest is None and W[v] in lo.people and _listed_share_r33(W, k, end)  # "make up most of
            # those caught" (round 33): the people counted arrived where the count is kept, the state of the border
            # agencies the story names before its most named one
            if share:
                dest = _document_authority(doc, lex)
                influx = influx or dest is None
            if dest is None and (W[v] in lo.arrivals or more or influx or copula):
                dest = story  # "an influx of people from A, B and C" (round 29): arrivals, as "came from"
                if dest is None and r29 is not None:
                    dest = _document_authority(doc, lex)  # the one state whose border agencies the story names
                if dest is None and copula:
                    dest = _dateline_state(b.doc, sentences)  # "CITY, Country — ... The migrants are from A and B"
                if dest is not None and (more or influx or copula or v != j - 1 or _LIST_EXTENDED[0]) \
                        and dest == _main_origin(sentences, lex) and not any(f.destination == dest for f in b.flows):
                    dest = None  # round 29's lists: not to the state the story's people leave and no one reaches
                    # ("come from other countries: A, B" in a story set in the country most of its refugees flee)
            if dest is None or dest in isos:
                continue
            for m in origins:
                if (m.iso, dest) not in known:
                    b.add(s.span, m.iso, dest, [j, m.start], trigger=v)
                    known.add((m.iso, dest))


@dataclass(frozen=True)
class _PersonalOrigins:
    """Lexicons of ``_personal_origins`` (flows.json "personal_origins_r28")."""

    before_from: frozenset[str]
    native: frozenset[str]
    fled: frozenset[str]
    fled_skips: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _personal_origins_lex() -> _PersonalOrigins | None:
    data = load_json("flows.json").get("personal_origins_r28")
    if not data:
        return None
    return _PersonalOrigins(before_from=frozenset(data["before_from"]), native=frozenset(data["native"]),
                            fled=frozenset(data["fled"]), fled_skips=frozenset(data["fled_skips"]),
                            hedges=frozenset(data["hedges"]))


def _personal_origin(W: list[str], m: _Mention, start: int, end: int, po: _PersonalOrigins) -> bool:
    """Whether country mention ``m`` gives a person's origin: "originally from C", "the C native", "a refugee who
    fled (war-torn) C"."""
    if m.kind != "name":
        return False
    k = m.start - 1
    if k - 1 >= start and W[k] == "from" and W[k - 1] in po.before_from:
        return True
    if m.end < end and W[m.end] in po.native and k >= start and W[k] in {"a", "an", "the"}:
        return True
    while k >= start and (W[k] in po.fled_skips or W[k] == "-" or W[k - 1] == "-" or W[k + 1] == "-"):
        k -= 1  # "fled the war-torn C": a hyphenated adjective, one token or three
    return k - 2 >= start and W[k] == "fled" and W[k - 1] == "who" and W[k - 2] in po.fled


def _personal_origins(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Rosa Diaz, originally from Peru, spoke at the meeting", "the Ecuador native said", "the pastor, a refugee
    who fled war-torn Burundi, led the prayers": a person introduced by the country they come from, in a document
    about migrants set in one state (``_story_state``), came to that state. Feature stories introduce the
    immigrants they quote so, and name where they live only by towns. Not when the sentence names a third country,
    nor under a hedge or negation, nor in sentences of people sent back or of troops."""
    po, pl = _personal_origins_lex(), _people_in_lex()
    if po is None or b.migration_word_count() < pl.min_migration_words:
        return
    story = _story_state(sentences)
    if story is None:
        return
    W = doc_lowers(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if not po.hedges.isdisjoint(W[start:end]):
            continue
        found = [m for m in s.mentions if m.iso != story and _personal_origin(W, m, start, end, po)]
        if not found or any(m.iso not in {story} | {f.iso for f in found} for m in s.mentions):
            continue
        for m in found:
            if (m.iso, story) not in known:
                b.add(s.span, m.iso, story, [m.start], trigger=m.start - 1)
                known.add((m.iso, story))


@dataclass(frozen=True)
class _TransitPurpose:
    """Lexicons of ``_transit_purpose`` (flows.json "transit_purpose_r28")."""

    cross: frozenset[str]
    through: frozenset[str]
    purpose: tuple[tuple[str, ...], ...]  # longest first
    people: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _transit_purpose_lex() -> _TransitPurpose | None:
    data = load_json("flows.json").get("transit_purpose_r28")
    if not data:
        return None
    purpose = tuple(sorted((tuple(x) for x in data["purpose"]), key=len, reverse=True))
    return _TransitPurpose(cross=frozenset(data["cross"]), through=frozenset(data["through"]), purpose=purpose,
                           people=frozenset(data["people"]), hedges=frozenset(data["hedges"]))


def _hedge_words_in(W: list[str], T: list[str], start: int, end: int, hedges: frozenset[str]) -> bool:
    """Whether a hedge word is between ``start`` and ``end``; capitalised words past the first are names or months
    ("In May"), not modals."""
    return any(W[k] in hedges and (k == start or not T[k][:1].isupper()) for k in range(start, end))


def _transit_legs(W: list[str], s: _Sentence, tp: _TransitPurpose) -> list[tuple[int, _Mention, _Mention]]:
    """(verb, crossed country, destination) of "crossing C1 to reach C2", "travelled through C1 on their way to
    C2": the crossed country right after the verb (or after "through"), a purpose phrase right after it, the
    destination right after that (an article allowed before each country)."""
    start, end = s.span.start, s.span.end
    by_start = {m.start: m for m in s.mentions if m.kind in {"name", "place"}}
    out = []
    for i in range(start, end - 2):
        k = i + 1
        if W[i] in tp.through and W[k] == "through":
            k += 1
        elif W[i] not in tp.cross:
            continue
        if k < end and W[k] == "the":
            k += 1
        m1 = by_start.get(k)
        if m1 is None or m1.kind != "name":
            continue
        k = m1.end + (1 if m1.end < end and W[m1.end] == "," else 0)
        phrase = next((p for p in tp.purpose if tuple(W[k:k + len(p)]) == p), None)
        if phrase is None:
            continue
        k += len(phrase)
        if k < end and W[k] == "the":
            k += 1
        m2 = by_start.get(k)
        if m2 is not None and m2.iso != m1.iso:
            out.append((i, m1, m2))
    return out


def _transit_purpose(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Migrants are crossing Guatemala to reach Mexico", "families travelled through Niger on their way to Libya":
    people crossing one country to reach another make the crossed country a transit leg (crossed country ->
    destination), and an origin named by "from C" before the verb goes to the destination too. The purpose
    clause after the crossing ("to reach") reads, to the other rules, as an aim, not an arrival. Only with people
    (a people noun or pronoun) before the verb, and no hedge or negation before it in the sentence ("tried to
    cross"); not in sentences of people sent back or of troops."""
    tp = _transit_purpose_lex()
    if tp is None:
        return
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start = s.span.start
        for i, m1, m2 in _transit_legs(W, s, tp):
            if tp.people.isdisjoint(W[start:i]) or _hedge_words_in(W, T, start, i, tp.hedges):
                continue
            pairs = [(m1, m2)] + [(m, m2) for m in s.mentions if m.end <= i and m.kind == "name" and
                                  m.start > start and W[m.start - 1] == "from" and m.iso not in {m1.iso, m2.iso}]
            for a, c in pairs:
                if (a.iso, c.iso) not in known:
                    b.add(s.span, a.iso, c.iso, [i, a.start, c.start], via=(m1.iso,) if a is not m1 else (),
                          trigger=i)
                    known.add((a.iso, c.iso))


@dataclass(frozen=True)
class _EnteredAtBorder:
    """Lexicons of ``_entered_at_border`` (flows.json "entered_at_border_r28")."""

    verbs: frozenset[str]
    objects: tuple[tuple[str, ...], ...]
    fillers: frozenset[str]
    preps: frozenset[str]
    persons: frozenset[str]


@lru_cache(maxsize=1)
def _entered_at_border_lex() -> _EnteredAtBorder | None:
    data = load_json("flows.json").get("entered_at_border_r28")
    if not data:
        return None
    return _EnteredAtBorder(verbs=frozenset(data["verbs"]), objects=tuple(tuple(x) for x in data["objects"]),
                            fillers=frozenset(data["fillers"]), preps=frozenset(data["preps"]),
                            persons=frozenset(data["persons"]))


def _border_neighbour(W: list[str], k: int, end: int, by_start: dict[int, _Mention]) -> _Mention | None:
    """The state a border is named by at token ``k``: "the Mexican border", "the border with/of Mexico"."""
    if k < end and W[k] == "the":
        k += 1
    m = by_start.get(k)
    if m is not None and m.kind == "demonym" and m.end < end and W[m.end] == "border":
        return m
    if k + 2 < end and W[k] == "border" and W[k + 1] in {"with", "of"}:
        k += 2 + (1 if W[k + 2] == "the" else 0)
        m = by_start.get(k)
        if m is not None and m.kind == "name":
            return m
    return None


def _entered_at_border(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Parents who enter the country unlawfully at the Canadian border", "he entered the United States across the
    border with Mexico", "her father came through the border of Mexico": people entering a state at a border named
    by the neighbour came from the neighbour. The state entered is a country named after the verb, or "the
    country" / nothing (after "came", "arrived") in a story set in one state (``_story_state``). "Crossing the
    Mexican border" alone is left out: a border crossed from either side. People must come before the verb, and
    no hedge or negation before it; not in sentences of people sent back or of troops."""
    eb, tp = _entered_at_border_lex(), _transit_purpose_lex()
    if eb is None or tp is None:
        return
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    story = _story_state(sentences)
    known = {(f.origin, f.destination) for f in b.flows}
    people = tp.people | eb.persons
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions}
        for i in compress(range(start + 1, end - 3), map(eb.verbs.__contains__, W[start + 1:end - 3])):  # (in C; r30)
            if W[i] not in eb.verbs or people.isdisjoint(W[start:i]) or _hedge_words_in(W, T, start, i, tp.hedges):
                continue
            k, dest, said = i + 1, None, False
            while k < end and k <= i + 8:
                obj = next((o for o in eb.objects if tuple(W[k:k + len(o)]) == o), None)
                m = by_start.get(k) if obj is None else None
                if obj is not None:
                    dest, said, k = story, True, k + len(obj)
                elif m is not None and m.kind == "name" and not said:
                    dest, said, k = m.iso, True, m.end
                elif W[k] in eb.preps:
                    n = _border_neighbour(W, k + 1, end, by_start)
                    if n is not None:
                        if not said and W[i] in eb.verbs - {"enter", "entered", "enters", "entering"}:
                            dest = story  # "came through the border of Mexico": into the story's state
                        if dest and dest != n.iso and (n.iso, dest) not in known:
                            b.add(s.span, n.iso, dest, [i, n.start], trigger=i)
                            known.add((n.iso, dest))
                        break
                    k += 1
                elif W[k] in eb.fillers:
                    k += 1
                else:
                    break


@lru_cache(maxsize=1)
def _dateline_people_lex() -> tuple[frozenset[str], int, frozenset[str]] | None:
    data = load_json("flows.json").get("dateline_people_r28")
    if not data:
        return None
    return frozenset(data["nouns"]), int(data["dateline_window"]), frozenset(data["hedges"])


def _dateline_people(b: _Builder, sentences: list[_Sentence]) -> None:
    """"BERLIN (Reuters) - Syrian refugees who arrived last year are struggling to find work": a wire story's
    dateline places the people of its lead sentence, so a demonym on a migrant noun there goes to the dateline's
    country. The dateline is a place or country in capitals opening the sentence, a dash or a parenthesis right
    after it; the sentence names no other country (by name or place) and holds no hedge, negation or return."""
    lex = _dateline_people_lex()
    if lex is None:
        return
    nouns, window, hedges = lex
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        while start < end and not T[start].strip():
            start += 1  # the blank line before a paragraph
        first = next((m for m in s.mentions if m.start == start and m.kind in {"name", "place"}), None)
        if first is None or not all(T[k].isupper() for k in range(first.start, first.end)):
            continue
        if not any(T[k] in DASHES or T[k] == "(" for k in range(first.end, min(end, first.end + window))):
            continue
        if any(m.kind != "demonym" and m.iso != first.iso for m in s.mentions) or \
                _hedge_words_in(W, T, start, end, hedges):
            continue
        for m in s.mentions:
            if m.kind == "demonym" and m.iso != first.iso and m.end < end and W[m.end] in nouns \
                    and (m.iso, first.iso) not in known:
                b.add(s.span, m.iso, first.iso, [first.start, m.start], trigger=m.end)
                known.add((m.iso, first.iso))


@lru_cache(maxsize=1)
def _destination_for_lex() -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    data = load_json("flows.json").get("destination_for_r28")
    if not data:
        return None
    return frozenset(data["nouns"]), frozenset(data["people"]), frozenset(data["hedges"])


def _destination_for(b: _Builder, sentences: list[_Sentence]) -> None:
    """"One of the top destinations for Eritrean refugees, Sweden at first opened its doors", "Sweden has become
    the main destination for Eritrean migrants": a country called the destination of a nationality's migrants is
    where they went. The sentence names exactly one other country by name (the destination) and holds no hedge
    ("a possible destination", "would become")."""
    lex = _destination_for_lex()
    if lex is None:
        return
    nouns, people, hedges = lex
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if _hedge_words_in(W, T, start, end, hedges):
            continue
        by_start = {m.start: m for m in s.mentions}
        for j in range(start + 1, end - 2):
            if W[j] != "for" or W[j - 1] not in nouns:
                continue
            m = by_start.get(j + 1) or by_start.get(j + 2)
            if m is None or m.kind != "demonym" or m.end >= end or W[m.end] not in people:
                continue
            named = {x.iso for x in s.mentions if x.kind == "name" and x.iso != m.iso}
            if len(named) != 1:
                continue
            dest = named.pop()
            if (m.iso, dest) not in known:
                b.add(s.span, m.iso, dest, [j - 1, m.start] + [x.start for x in s.mentions if x.iso == dest],
                      trigger=j - 1)
                known.add((m.iso, dest))


@lru_cache(maxsize=1)
def _returned_from_host_lex() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]] | None:
    data = load_json("flows.json").get("returned_from_host_r28")
    if not data:
        return None
    home = tuple(sorted((tuple(x) for x in data["home"]), key=len, reverse=True))
    return frozenset(data["verbs"]), home, frozenset(data["hedges"])


def _returned_from_host(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Afghan refugees in Iran have begun to return home", "Burundian refugees living in Tanzania returned to their
    country": people of one nationality placed in one host country ("in C") before a return word followed by
    "home" / "to their country" go from the host to their own country. ``_return_flows`` reads the host only
    after "from". No hedge or negation before the verb ("are afraid to return home"), no troops."""
    lex = _returned_from_host_lex()
    if lex is None:
        return
    verbs, home, hedges = lex
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        start, end = s.span.start, s.span.end
        for i in range(start + 1, end - 1):
            if W[i] not in verbs or not any(tuple(W[i + 1:i + 1 + len(h)]) == h for h in home):
                continue
            if W[i] in {"went", "go", "going", "gone", "goes", "headed", "heading"} and W[i + 1] != "back" \
                    and W[i + 1] != "home":
                continue
            if _hedge_words_in(W, T, start, i, hedges):
                continue
            nats = {m.iso for m in s.mentions if m.end <= i and m.kind == "demonym"}
            hosts = {m.iso for m in s.mentions if m.end <= i and m.kind != "demonym" and m.start > start
                     and W[m.start - 1] == "in"}
            if len(nats) != 1 or len(hosts) != 1 or nats == hosts:
                continue
            if any(m.iso not in nats | hosts for m in s.mentions if m.end <= i):
                continue
            host, nat = hosts.pop(), nats.pop()
            if (host, nat) not in known:
                b.add(s.span, host, nat, [i] + [m.start for m in s.mentions if m.iso in {host, nat}], trigger=i)
                known.add((host, nat))
            break


@dataclass(frozen=True)
class _StateSends:
    """Lexicons of ``_state_sends_people`` (flows.json "state_sends_people_r28")."""

    verbs: frozenset[str]
    fillers: frozenset[str]
    people: frozenset[str]
    window: int
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _state_sends_lex() -> _StateSends | None:
    data = load_json("flows.json").get("state_sends_people_r28")
    if not data:
        return None
    return _StateSends(verbs=frozenset(data["verbs"]), fillers=frozenset(data["fillers"]),
                       people=frozenset(data["people"]), window=int(data["object_window"]),
                       hedges=frozenset(data["hedges"]))


@lru_cache(maxsize=1)
def _state_sends_r29_lex() -> tuple[frozenset[str], frozenset[str]] | None:
    data = load_json("flows.json").get("state_sends_people_r29")
    if not data:
        return None
    return frozenset(data["fillers"]), frozenset(data["bare_people"])


def _state_sends_people(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Mexico keeps sending its poorest citizens to the U.S.", "the Philippines sends thousands of workers to
    Saudi Arabia": a state sending its own people abroad is emigration from it. The state is named right before
    the verb; the object, a people noun after "its"/"their", adjectives or numbers, comes within a few tokens; the
    destination follows "to". The deportation words ("send", "sent") mark the sentence for the other rules, which
    therefore skip it; "sent back", hedges and troops are left out here."""
    ss = _state_sends_lex()
    if ss is None:
        return
    r29 = _state_sends_r29_lex()
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_end = {m.end: m for m in s.mentions if m.kind == "name"}
        by_start = {m.start: m for m in s.mentions if m.kind == "name"}
        for i in range(start + 1, end - 3):
            if W[i] not in ss.verbs or W[i + 1] == "back" or _hedge_words_in(W, T, start, i, ss.hedges):
                continue
            k = i
            while k > start and (W[k - 1] in ss.fillers or r29 is not None and W[k - 1] in r29[0]):
                k -= 1
            src = by_end.get(k)
            if src is None:
                continue
            obj = next((j for j in range(i + 1, min(end, i + 1 + ss.window)) if W[j] in ss.people), None)
            if obj is None or "back" in W[i:obj] or not {"its", "their"} & set(W[i + 1:obj]) and not (
                    r29 is not None and W[obj] in r29[1] and obj == i + 1):  # "sends migrants to" (round 29)
                continue
            j = obj + 1
            if j < end and W[j] == "abroad":
                j += 1
            if j >= end or W[j] != "to":
                continue
            j += 1 + (1 if j + 1 < end and W[j + 1] == "the" else 0)
            dst = by_start.get(j)
            if dst is None or dst.iso == src.iso or (src.iso, dst.iso) in known:
                continue
            b.add(s.span, src.iso, dst.iso, [src.start, i, obj, dst.start], trigger=i)
            known.add((src.iso, dst.iso))


@dataclass(frozen=True)
class _StateFlies:
    """Lexicons of ``_state_flies_people`` (flows.json "state_flies_people_r29")."""

    verbs: frozenset[str]
    fillers: frozenset[str]
    people: frozenset[str]
    window: int
    borders: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _state_flies_lex() -> _StateFlies | None:
    data = load_json("flows.json").get("state_flies_people_r29")
    if not data:
        return None
    return _StateFlies(verbs=frozenset(data["verbs"]), fillers=frozenset(data["fillers"]),
                       people=frozenset(data["people"]), window=int(data["object_window"]),
                       borders=frozenset(data["border_words"]), hedges=frozenset(data["hedges"]))


def _border_state(W: list[str], s: _Sentence, after: int, state: str, borders: frozenset[str]) -> str | None:
    """The country whose border the sentence names after token ``after`` ("the Polish border", "its border with
    Finland", "Poland's border"), not the flying state's own."""
    for m in s.mentions:
        if m.start <= after or m.iso == state:
            continue
        nxt = W[m.end:m.end + 2]
        if nxt[:1] and nxt[0] in borders or nxt[:1] in (["'s"], ["’s"]) and nxt[1:] and nxt[1] in borders:
            return m.iso  # "the Polish border", "Poland's border"
        if W[max(s.span.start, m.start - 2):m.start] in (["border", "with"], ["frontier", "with"]):
            return m.iso  # "its border with Finland"
    return None


def _state_flies_people(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Belarus has flown thousands of migrants from Iraq and Syria to Minsk and pushed them toward the Polish
    border": a state flying (busing, ferrying) people in is their way there, so each origin (after "from", or a
    demonym before the people noun) goes to that state; when the sentence names another country's border, the
    state is the transit to it. The state is the country named right before the verb; a hedge before the verb
    ("threatened to fly migrants") or troops void it (round 29)."""
    sf = _state_flies_lex()
    if sf is None:
        return
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_end = {m.end: m for m in s.mentions if m.kind == "name"}
        for i in range(start + 1, end - 2):
            if W[i] not in sf.verbs or _hedge_words_in(W, T, start, i, sf.hedges):
                continue
            k = i
            while k > start and W[k - 1] in sf.fillers:
                k -= 1
            state = by_end.get(k)
            if state is None:
                continue
            obj = next((j for j in range(i + 1, min(end, i + 1 + sf.window)) if W[j] in sf.people), None)
            if obj is None:
                continue
            origins = [m for m in s.mentions if m.kind == "demonym" and i < m.start and m.end == obj]
            j = obj + 1
            if j < end and W[j] == "from":
                j += 1
                while j < end:
                    m = next((x for x in s.mentions if x.start == j and x.kind == "name"), None)
                    if m is None:
                        break
                    origins.append(m)
                    j = m.end
                    if j < end and W[j] == "," and j + 1 < end and W[j + 1] in {"and", "or"}:
                        j += 2
                    elif j < end and W[j] in {",", "and", "or"}:
                        j += 1
                    else:
                        break
            if not origins:
                continue
            added = False
            for m in origins:
                if m.iso != state.iso and (m.iso, state.iso) not in known:
                    b.add(s.span, m.iso, state.iso, [state.start, i, m.start], trigger=i)
                    known.add((m.iso, state.iso))
                    added = True
            border = _border_state(W, s, obj, state.iso, sf.borders)
            if border is not None and border not in {m.iso for m in origins} and (state.iso, border) not in known \
                    and (added or any((m.iso, state.iso) in known for m in origins)):
                b.add(s.span, state.iso, border, [state.start, i], trigger=i)
                known.add((state.iso, border))


@dataclass(frozen=True)
class _HostsOfRefugees:
    """Lexicons of ``_hosts_of_refugees`` (flows.json "hosts_of_refugees_r29")."""

    phrases: tuple[tuple[str, ...], ...]
    fillers: frozenset[str]
    refugees: frozenset[str]
    window: int
    nat_nouns: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _hosts_of_refugees_lex() -> _HostsOfRefugees | None:
    data = load_json("flows.json").get("hosts_of_refugees_r29")
    if not data:
        return None
    return _HostsOfRefugees(phrases=tuple(tuple(p.split()) for p in data["host_phrases"]),
                            fillers=frozenset(data["subject_fillers"]), refugees=frozenset(data["refugees"]),
                            window=int(data["refugee_window"]), nat_nouns=frozenset(data["nationality_nouns"]),
                            hedges=frozenset(data["hedges"]))


def _refugee_nationality(W: list[str], sentences: list[_Sentence], hr: _HostsOfRefugees) -> str | None:
    """The one nationality the document puts before a refugee noun ("Syrian refugees", "the Syrian refugee
    crisis"); None when it names none or several."""
    found = {m.iso for s in sentences for m in s.mentions
             if m.kind == "demonym" and m.end < s.span.end and W[m.end] in hr.nat_nouns}
    return next(iter(found)) if len(found) == 1 else None


REFUGEE_COUNT_WORDS = frozenset({"millions", "thousands", "hundreds", "tens", "of", "the", "more", "than", "over",
                                 "about", "nearly", "almost", "some", "many", "a", "an", "million", "new", "estimated",
                                 "up", "to", "around", "roughly", "most", "fleeing"})


def doc_like_num(doc: Doc, i: int) -> bool:
    return doc[i].like_num


def _hosts_of_refugees(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """"Kenya, Ethiopia and Yemen do their best to care for the refugees", "Sweden and its neighbours opened
    their doors to refugees": countries caring for refugees the sentence gives no
    nationality received the document's refugees (its main origin, else the one nationality it puts before a
    refugee noun). Not under a hedge, not when the sentence names any nationality or origin itself (the other
    rules read those), not for the origin country itself (round 29)."""
    hr = _hosts_of_refugees_lex()
    if hr is None:
        return
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    origin: str | None | bool = False  # computed on first need
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.military or s.deport or any(
                (m.kind == "demonym" or m.role in {"NAT", "SRC"}) and not _host_phrase_after(W, m, hr)
                for m in s.mentions):
            continue  # r31: a host phrase right after the host ("left <host> straining under ...") is no departure
        start, end = s.span.start, s.span.end
        if hr.refugees.isdisjoint(W[start:end]):
            continue
        by_end = {m.end: m for m in s.mentions if m.kind == "name"}
        for i in range(start + 1, end):
            phrase = next((p for p in hr.phrases if tuple(W[i:i + len(p)]) == p), None)
            if phrase is None:
                continue
            after = i + len(phrase)
            r = next((x for x in range(after, min(end, after + hr.window)) if W[x] in hr.refugees), None)
            if r is None or not all(doc_like_num(b.doc, x) or W[x] in REFUGEE_COUNT_WORDS for x in range(after, r)):
                continue  # "care for millions of refugees", not "cares for its elderly, and refugees wait"
            k = i
            while k > start and i - k < 10 and k not in by_end and W[k - 1] in hr.fillers:
                k -= 1
            if k - 1 < start or k not in by_end or _hedge_words_in(W, T, start, i, hr.hedges):
                continue
            hosts = [by_end[k]]
            while True:  # "Jordan, Lebanon and Turkey": the whole subject list
                m = hosts[-1]
                prev = next((x for x in s.mentions if x.kind == "name" and x.end < m.start
                             and all(w in {",", "and"} for w in W[x.end:m.start])), None)
                if prev is None or prev in hosts:
                    break
                hosts.append(prev)
            war = _war_origin(W, s, {m.iso for m in hosts})  # r31: "X's civil war ... left Y straining under"
            if origin is False and war is None:
                origin = main or _refugee_nationality(W, sentences, hr)
            if not (war or origin):
                return
            src = war or origin
            for m in hosts:
                if m.iso != src and (src, m.iso) not in known:
                    b.add(s.span, src, m.iso, [m.start, i], trigger=i)
                    known.add((src, m.iso))
            break


@dataclass(frozen=True)
class _CaravanLegs:
    """Lexicons of ``_caravan_legs`` (flows.json "caravan_legs_r30")."""

    crossing: frozenset[str]
    convoys: frozenset[str]
    subjects: frozenset[str]
    subject_window: int
    max_origins: int
    hedges: frozenset[str]
    other_groups: frozenset[str]


@lru_cache(maxsize=1)
def _caravan_legs_lex() -> _CaravanLegs | None:
    data = load_json("flows.json").get("caravan_legs_r30")
    if not data:
        return None
    return _CaravanLegs(crossing=frozenset(data["crossing_lemmas"]), convoys=frozenset(data["convoy_nouns"]),
                        subjects=frozenset(data["subjects"]), subject_window=int(data["subject_window"]),
                        max_origins=int(data["max_origins"]), hedges=frozenset(data["hedges"]),
                        other_groups=frozenset(data["other_groups"]))


def _journey_origins(b: _Builder, crossed: str) -> list[str]:
    """The origins of the flows found so far towards the document's one leading destination (named as a
    destination more often than any other), when that is not ``crossed``; empty when no destination leads."""
    ranked = Counter(f.destination for f in b.flows if f.origin and f.destination).most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1] or ranked[0][0] == crossed:
        return []
    goal = ranked[0][0]
    return list(dict.fromkeys(f.origin for f in b.flows if f.destination == goal and f.origin
                              and f.origin != crossed))


def _caravan_legs(b: _Builder, sentences: list[_Sentence]) -> None:
    """"by then the convoy had swollen to 3,000 and it crossed into X", "at dawn the migrants started entering X",
    "a caravan moving through X": the document's travellers on a leg of their journey, with no origin
    in the sentence. Each origin of the flows found so far towards the document's leading destination goes to the
    country crossed into (or, for a caravan or convoy, travelled through). Only when the crossing's subject is
    the travellers (a convoy noun, a migrant noun or "it"/"they" shortly before the movement word), the sentence
    names no other country or nationality, holds no hedge, deportation or army, and the origins are few (a story
    of one journey, round 30)."""
    cl = _caravan_legs_lex()
    if cl is None:
        return
    W, L, T = doc_lowers(b.doc), doc_lemmas(b.doc), doc_texts(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or not s.has_group or s.military or s.deport:
            continue
        start, end = s.span.start, s.span.end
        if _hedge_words_in(W, T, start, end, cl.hedges):
            continue
        isos = {m.iso for m in s.mentions}
        if any(m.role in {"NAT", "SRC"} or m.kind == "demonym" for m in s.mentions) or s.ethnic:
            continue
        convoy = not cl.convoys.isdisjoint(W[start:end])
        if convoy and any(W[k] in cl.convoys and (W[k - 1] in cl.other_groups or W[k + 1:k + 2] == ["of"] and
                                                  T[k + 2:k + 3] and T[k + 2][:1].isupper())
                          for k in range(start + 1, end - 2)):
            continue  # "an earlier caravan", "a caravan of Central Americans": another group, or its own origin
        for m in s.mentions:
            if m.kind not in {"name", "place"} or m.trigger is None:
                continue
            t = m.trigger
            if not (m.role == "DST" and (L[t] in cl.crossing or W[t] in cl.crossing)
                    or m.role == "VIA" and convoy):
                continue
            if not any(W[k] in cl.subjects or W[k] in cl.convoys for k in range(max(start, t - cl.subject_window), t)):
                continue
            origins = _journey_origins(b, m.iso)
            if not origins or len(origins) > cl.max_origins or len(isos - {m.iso} - set(origins)) > 1:
                continue
            for o in origins:
                if (o, m.iso) not in known:
                    b.add(s.span, o, m.iso, [t, m.start], trigger=t)
                    known.add((o, m.iso))


@lru_cache(maxsize=1)
def _returned_to_lex() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]] | None:
    data = load_json("flows.json").get("returned_to_r30")
    if not data:
        return None
    return frozenset(data["return_words"]), frozenset(data["send_words"]), int(data["window"]), \
        frozenset(data["hedges"])


def _returned_to(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"families stopped at the frontier get returned to X to wait for a court date in Y", "since May officials have
    been sending them back to X while Y hears the claims": people sent to a country
    named after "to", by the one other country the sentence names by name (where their cases are heard), no
    origin given with "from" (``_return_flows`` reads those). Not under a hedge ("threatened to return them"),
    not of armies, and only of people (a group noun or pronoun in the sentence, round 30)."""
    rt = _returned_to_lex()
    if rt is None:
        return
    returns, sends, window, hedges = rt
    doc = b.doc
    W, T = doc_lowers(doc), doc_texts(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.military or not s.has_group:
            continue
        start, end = s.span.start, s.span.end
        if "from" in W[start:end] or any(m.kind == "demonym" and m.role == "NAT" for m in s.mentions):
            continue
        for i in range(start, end):
            if not (W[i] in returns or W[i] in sends and "back" in W[i + 1:i + 4]):
                continue
            if W[i] in returns and (W[i + 1:i + 2] in (["to"], ["home"]) and W[i - 1] not in BE_FORMS):
                continue  # "X returns home to Y", "who returned to Y": people going back themselves, not sent
            if _hedge_words_in(W, T, max(start, i - BLOCK_WINDOW), i, hedges) \
                    or not lex.deport_hedges.isdisjoint(W[max(start, i - BLOCK_WINDOW):i]):
                continue
            to = next((m for m in s.mentions if i < m.start <= i + window and m.kind == "name"
                       and (W[m.start - 1] == "to" or W[m.start - 1] == "the" and W[m.start - 2] == "to")), None)
            if to is None:
                continue
            others = {m.iso for m in s.mentions if m.kind == "name" and m.iso != to.iso}
            if len(others) != 1:
                continue
            sender = next(iter(others))
            if (sender, to.iso) not in known:
                b.add(s.span, sender, to.iso, [i, to.start], trigger=i)
                known.add((sender, to.iso))
            break


@lru_cache(maxsize=1)
def _copula_list_lex() -> tuple[frozenset[str], frozenset[str], int] | None:
    data = load_json("flows.json").get("copula_lists_r30")
    if not data:
        return None
    return frozenset(data["copulas"]), frozenset(data["people"]), int(data["people_window"])


def _copula_list(W: list[str], v: int, start: int) -> bool:
    """Whether token ``v`` (before "from", past an adverb) is a copula whose subject is a people noun: "the
    asylum-seekers are primarily from A, B and C", "most of the families were from A" (round 30; off without
    flows.json "copula_lists_r30")."""
    cl = _copula_list_lex()
    if cl is None or W[v] not in cl[0]:
        return False
    return any(w in cl[1] for w in W[max(start, v - cl[2]):v])


@lru_cache(maxsize=1)
def _lists_r32_lex() -> tuple[frozenset[str], frozenset[str], frozenset[str], int, tuple[tuple[str, ...], ...]] | None:
    data = load_json("flows.json").get("copula_lists_r32")
    if not data:
        return None
    return frozenset(data["subjects"]), frozenset(data["partitives"]), frozenset(data["people"]), \
        int(data["region_window"]), tuple(tuple(x.split()) for x in data["members"])


def _copula_list_r32(W: list[str], v: int, start: int) -> bool:
    """Whether the copula at ``v`` before "from" has people as its subject in the ways round 30 missed: "those"
    with the words saying who they are ("70 percent of those arrested at the border are from A, B and C"), and a
    partitive taking up people the sentence counted before it ("N people were stopped, and of these, N were from
    A and B"). Round 32; off without flows.json "copula_lists_r32"."""
    cl, r32 = _copula_list_lex(), _lists_r32_lex()
    if cl is None or r32 is None or W[v] not in cl[0]:
        return False
    subjects, partitives, people, _, _ = r32
    window = W[max(start, v - cl[2] - 3):v]
    if any(w in subjects for w in window):
        return True
    return any(window[k] == "of" and window[k + 1] in partitives for k in range(len(window) - 1)) \
        and any(w in people for w in W[start:max(start, v - 5)])


@lru_cache(maxsize=1)
def _copula_quantifier_lex() -> tuple[frozenset[str], frozenset[str]] | None:
    data = load_json("flows.json").get("copula_quantifiers_r33")
    if not data:
        return None
    return frozenset(data["quantifiers"]), frozenset(data["people"])


def _copula_quantifier(W: list[str], v: int, start: int) -> bool:
    """Whether the copula at ``v`` before "from" has a bare quantifier as its subject ("some were from A", "others
    are from B") taking up people the sentence named before it ("Most of the migrants were from A, and some were
    from B"): the quantifier stands for those people (round 33; off without flows.json "copula_quantifiers_r33")."""
    cl, lex = _copula_list_lex(), _copula_quantifier_lex()
    if cl is None or lex is None or W[v] not in cl[0] or v - 1 <= start:
        return False
    quantifiers, people = lex
    q = v - 1
    if W[q] not in quantifiers or (W[q - 1] not in {",", "and", "while", "but", ";"} and not (
            W[q] == "rest" and W[q - 1] == "the")):
        return False
    return any(w in people for w in W[start:q])


def _past_region_members(W: list[str], k: int, end: int, by_start: dict[int, _Mention]) -> int:
    """The first member's token after a region named before its members ("from the Northern Triangle, which
    includes A, B and C", "from Central America, including A and B"); ``k`` when no such phrase starts there: up to
    region_window words, quotation marks or commas naming no country, then a members phrase right before a country
    named by name (round 32)."""
    r32 = _lists_r32_lex()
    if r32 is None or k in by_start:
        return k
    window, members = r32[3], r32[4]
    for n in range(k, min(k + window + 1, end)):
        for phrase in members:
            if tuple(W[n:n + len(phrase)]) == phrase:
                m = by_start.get(n + len(phrase))
                return n + len(phrase) if n > k and m is not None and m.kind == "name" else k
        if n in by_start or not (W[n].isalpha() or W[n] in {",", '"', "“", "”", "'", "’", "‘"}):
            return k
    return k


def _dateline_state(doc: Doc, sentences: list[_Sentence]) -> str | None:
    """The country of a wire story's dateline ("CITY, Country (Agency) -", "CITY, Country —"): a place or country
    in capitals opening one of the document's first sentences, a dash or a parenthesis right after it."""
    lex = _dateline_people_lex()
    if lex is None:
        return None
    window = lex[1]
    T = doc_texts(doc)
    for s in sentences[:4]:
        start, end = s.span.start, s.span.end
        while start < end and not T[start].strip():
            start += 1
        first = next((m for m in s.mentions if m.start == start and m.kind in {"name", "place"}), None)
        if first is None:  # a town the gazetteer does not know, in capitals, before ", Country"
            k = start
            while k < min(end, start + 4) and T[k].isupper() and T[k].isalpha():
                k += 1
            first = next((m for m in s.mentions if k > start and T[k:k + 1] == [","] and m.start == k + 1
                          and m.kind == "name"), None)
            if first is None:
                continue
        elif not all(T[k].isupper() for k in range(first.start, first.end)):
            continue
        after = first.end
        country = first.iso
        if after + 1 < end and T[after] == ",":
            nxt = next((m for m in s.mentions if m.start == after + 1 and m.kind == "name"), None)
            if nxt is not None:
                country, after = nxt.iso, nxt.end
        if any(T[k] in DASHES or T[k] == "(" for k in range(after, min(end, after + window))):
            return country
    return None


@lru_cache(maxsize=1)
def _sent_people_lists() -> bool:
    """Whether ``_people_sent_to`` reads coordinated people ("sent Hondurans and Salvadorans to X") and a plural
    demonym as the subject of a passive ("Hondurans were sent to X"): flows.json "sent_people_lists_r30"."""
    return bool(load_json("flows.json").get("sent_people_lists_r30"))


def _sent_plural_demonym(W: list[str], k: int, demonyms: set[int]) -> bool:
    """A plural demonym at ``k`` ("Hondurans"), read as people sent when ``_sent_people_lists`` is on (round 30)."""
    return k in demonyms and W[k].endswith("s") and _sent_people_lists()


# ------------------------------------------------------------------------------------------------- round 31 (Q2g)

@dataclass(frozen=True)
class _R31:
    """Lexicons of the round-31 rules (flows.json "anaphora_border_r31")."""

    anaphors: tuple[tuple[str, ...], ...]  # "the country", "its territory": a country named earlier in the sentence
    anaphor_preps: frozenset[str]  # the word right before the anaphor ("to the country", "on its territory")
    people: frozenset[str]
    movement: frozenset[str]  # lemmas or words of a journey for "to the country from X"
    side_nouns: frozenset[str]  # "the Serbian border", "the Serbian town of": the side a crossing leaves
    crossing: frozenset[str]  # words or lemmas of crossing a border
    entry_words: frozenset[str]  # "into X", "enter X", "through X": the side a crossing reaches
    hedges: frozenset[str]
    war_words: frozenset[str]  # "X's civil war": where the refugees a host country holds came from
    hope_words: frozenset[str]  # "fled A and B in the hope of receiving asylum in X"
    asylum_nouns: frozenset[str]


@lru_cache(maxsize=1)
def _r31_lex() -> _R31 | None:
    data = load_json("flows.json").get("anaphora_border_r31")
    if not data:
        return None
    return _R31(anaphors=tuple(tuple(p.split()) for p in data["anaphors"]),
                anaphor_preps=frozenset(data["anaphor_preps"]), people=frozenset(data["people"]),
                movement=frozenset(data["movement"]), side_nouns=frozenset(data["side_nouns"]),
                crossing=frozenset(data["crossing"]), entry_words=frozenset(data["entry_words"]),
                hedges=frozenset(data["hedges"]), war_words=frozenset(data["war_words"]),
                hope_words=frozenset(data["hope_words"]), asylum_nouns=frozenset(data["asylum_nouns"]))


def _r31_hedged(W: list[str], L: list[str], a: int, c: int, lex: _Lex, r: _R31) -> bool:
    """A blocking word (flows.json "block") or a demand ("called on", "calls for") between a and c."""
    for k in range(a, c):
        if W[k] in lex.block or L[k] in lex.block or W[k] in r.hedges or L[k] in r.hedges:
            return True
        if L[k] == "call" and k + 1 < c and W[k + 1] in {"on", "upon", "for"}:
            return True
    return False


def _country_anaphora(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"Migrants rested at a station in Passau, Germany, having come into the country from Austria", "aid to help
    Turkey cope with 3 million Syrian refugees on its territory": "the country" / "its territory" after a preposition
    is the one country the sentence named by name before it (not an origin: not after "from", not a demonym). People
    arriving there "from X" (a journey word in the sentence) or a demonym on a people noun before the anaphor give
    origin -> that country. Not under a hedge before the anaphor, not in sentences of deportation or troops
    (round 31)."""
    r = _r31_lex()
    if r is None:
        return
    W, L = doc_lowers(b.doc), doc_lemmas(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if r.people.isdisjoint(W[start:end]) and not (_at(W, start, end, R31_ANAPHOR_HEADS_R36) and any(
                _people_demonym_r36(b.doc, m, end) for m in s.mentions if m.kind == "demonym")):
            continue
        for k in range(start + 1, end):
            phrase = next((p for p in r.anaphors if tuple(W[k:k + len(p)]) == p), None)
            if phrase is None or W[k - 1] not in r.anaphor_preps:
                continue
            after = k + len(phrase)
            if after < end and W[after] in {"'s", "’s"}:
                continue
            before = [m for m in s.mentions if m.end <= k]
            origins: dict[str, int] = {}
            for m in s.mentions:
                if m.kind == "demonym" and m.end < k and m.end < end and (
                        W[m.end] in r.people or m.end + 1 < end and W[m.end + 1] in r.people
                        or _people_demonym_r36(b.doc, m, k) and any(  # "10,000 Xs ... were entering the country"
                            W[x] in r.crossing or L[x] in r.crossing or W[x] in r.movement or L[x] in r.movement
                            for x in range(m.end, k))):  # (not "Xs visited museums in the country")
                    origins.setdefault(m.iso, m.start)
                elif m.kind == "name" and after <= m.start <= after + 2 and W[m.start - 1] == "from" and any(
                        W[x] in r.movement or L[x] in r.movement for x in range(start, k)):
                    origins.setdefault(m.iso, m.start)
            hosts = {m.iso for m in before if m.kind == "name" and m.iso not in origins
                     and not (m.start > start and W[m.start - 1] == "from")}
            if len(hosts) != 1 or not origins or len(origins) > 2:
                continue
            if _r31_hedged(W, L, start, k, lex, r):
                continue
            host = next(iter(hosts))
            anchor = next(m.start for m in before if m.iso == host)
            for o, at in origins.items():
                if o != host and (o, host) not in known:
                    b.add(s.span, o, host, [anchor, at, k])
                    known.add((o, host))
            break


def _adjective_border_crossing(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"continued their journey through Croatia after crossing the Bosnian border", "waited near the Slovak town of
    X, then crossed the frontier and entered Hungary": a crossing whose side of departure is a country adjective on a
    border or place noun ("the Serbian border", "the Serbian town of"), and whose side of arrival is the one country
    named after "into", "enter" or "through", goes from the first to the second. The sentence needs a crossing word and
    no hedge, deportation or troops (round 31)."""
    r = _r31_lex()
    if r is None:
        return
    W, L = doc_lowers(b.doc), doc_lemmas(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        cross = [k for k in range(start, end) if W[k] in r.crossing or L[k] in r.crossing]
        if not cross:
            continue
        sides = [m for m in s.mentions if m.kind in {"demonym", "place"} and m.end < end and W[m.end] in r.side_nouns
                 and m.start > start and W[m.start - 1] == "the"]
        entries = {m.iso: m for m in s.mentions if m.kind == "name" and m.start > start
                   and (W[m.start - 1] in r.entry_words or L[m.start - 1] in r.entry_words)}
        if len(sides) != 1 or len(entries) != 1:
            continue
        side, (dest, dm) = sides[0], next(iter(entries.items()))
        if side.iso == dest or (side.iso, dest) in known:
            continue
        if _r31_hedged(W, L, start, max(side.end, dm.end), lex, r):
            continue
        b.add(s.span, side.iso, dest, [side.start, dm.start], trigger=cross[0])
        known.add((side.iso, dest))


def _war_origin(W: list[str], s: _Sentence, hosts: set[str]) -> str | None:
    """The one country whose war the sentence names ("spilled over from X's three-year civil war, which has left Y
    straining under 800,000 refugees"): a country name with "'s" and a war word (flows.json anaphora_border_r31
    "war_words") at most five tokens on; not a host. None when there is none or several (round 31)."""
    r = _r31_lex()
    if r is None:
        return None
    end = s.span.end
    found = {m.iso for m in s.mentions if m.kind == "name" and m.iso not in hosts and m.end + 1 < end
             and W[m.end] in {"'s", "’s"} and any(w in r.war_words for w in W[m.end + 1:min(end, m.end + 7)])}
    return next(iter(found)) if len(found) == 1 else None


def _host_phrase_after(W: list[str], m: _Mention, hr: _HostsOfRefugees) -> bool:
    """A host phrase of ``_hosts_of_refugees`` starts right after the country name ``m`` (a war "has left <host>
    struggling to cope with" refugees): the country is the host the phrase speaks of, not an origin (round 31)."""
    return m.kind == "name" and any(tuple(W[m.end:m.end + len(p)]) == p for p in hr.phrases)


def _territory_legs(b: _Builder) -> None:
    """"fled from the U.S. to Hong Kong ... then flew on from Hong Kong to Moscow": a territory that is no sovereign
    state (flows.json backoff_lexicon "territories"; GUIDELINES: subnational places are no countries) is no end of a
    flow. A leg into a territory and a leg out of it join into one flow (origin of the first -> destination of the
    second, the second leg's evidence); then every flow from or to a territory is dropped (round 31)."""
    territories = _backoff_lex().territories
    if not any(f.origin in territories or f.destination in territories for f in b.flows):
        return
    known = {(f.origin, f.destination) for f in b.flows}
    joined = []
    for into in b.flows:
        if into.destination not in territories or into.origin in territories:
            continue
        for out in b.flows:
            if out.origin == into.destination and out.destination not in territories \
                    and out.destination != into.origin and (into.origin, out.destination) not in known:
                joined.append(replace(out, origin=into.origin))
                known.add((into.origin, out.destination))
    b.flows = [f for f in b.flows + joined if f.origin not in territories and f.destination not in territories]


def _hoped_asylum(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"those who ran from A, B and C, hoping they would be granted asylum in X", "thousands fled A hoping to obtain
    refugee status in X": people who left the countries named as left (SRC) go towards the one country
    named after a hope word and an asylum noun ("asylum in X"), as annotators mark. Only when the sentence names no
    other destination (a stop on the way would be where they are), the hope comes after the origins, and no
    blocking word stands before the origins (round 31)."""
    r = _r31_lex()
    if r is None:
        return
    W, L = doc_lowers(b.doc), doc_lemmas(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if r.hope_words.isdisjoint(W[start:end]) or r.asylum_nouns.isdisjoint(W[start:end]):
            continue
        srcs = [m for m in s.mentions if m.role == "SRC" and m.kind == "name"]
        if not srcs:
            continue
        targets = []
        for m in s.mentions:
            k = m.start - 1 - (m.start - 1 > start and W[m.start - 1] == "the")  # "asylum in the United States"
            if m.kind != "name" or m.role == "SRC" or k <= start or W[k] != "in":
                continue
            near = range(max(start, k - 5), k)
            hope = [k for k in range(max(start, m.start - 12), m.start) if W[k] in r.hope_words]
            if any(W[k] in r.asylum_nouns for k in near) and hope and hope[0] >= max(x.end for x in srcs):
                targets.append(m)
        if len({m.iso for m in targets}) != 1:
            continue
        dest = targets[0]
        if any(m.role == "DST" and m.iso != dest.iso for m in s.mentions):
            continue
        if _r31_hedged(W, L, start, min(x.start for x in srcs), lex, r):
            continue
        for m in srcs:
            if m.iso != dest.iso and (m.iso, dest.iso) not in known:
                b.add(s.span, m.iso, dest.iso, [m.start, dest.start], trigger=m.trigger)
                known.add((m.iso, dest.iso))


# round 33 (Q2i): onward legs, stop-overs and a departure told next to the landing
ONWARD_LEMMAS = frozenset({"continue", "move", "travel", "go", "head", "press", "push", "journey", "sail", "carry",
                           "make", "be", "set"})
ONWARD_ADVERBS = frozenset({"westwards", "westward", "eastwards", "eastward", "northwards", "northward",
                            "southwards", "southward", "further", "farther", "later", "then", "again", "west", "east",
                            "north", "south", "overland"})
STOPOVER_LEMMAS = frozenset({"stop", "dock", "anchor", "refuel", "moor", "halt", "pause"})
HEADING_CUES = (("on", "its", "way", "to"), ("on", "their", "way", "to"), ("on", "the", "way", "to"),
                ("heading", "to"), ("heading", "for"), ("headed", "to"), ("headed", "for"), ("bound", "for"))
BOAT_WORDS = frozenset({"boat", "boats", "vessel", "vessels", "dinghy", "dinghies", "trawler", "trawlers"})
CLAUSE_AFTER = frozenset({"where", "which", "after", "following", "when", "as"})
GOAL_WORDS = frozenset({"to", "into", "towards", "toward", "for"})
LANDING_LEMMAS = frozenset({"arrive", "land", "reach", "disembark", "dock", "enter", "come"})
DEPARTURE_LEMMAS = frozenset({"leave", "depart", "embark", "sail", "set"})
DEPARTED_SUBJECTS = frozenset({"they", "he", "she", "we", "most", "many", "some", "others", "all", "them"})


def _onward_target(W: list[str], L: list[str], start: int, m: _Mention) -> int | None:
    """The token where the onward cue before the country mention ``m`` begins: "(continuing westwards) on to X",
    "onwards to X", "on its/their way to X", "heading/bound for X"; None when there is none."""
    k = m.start - 1 - (m.start - 1 > start and W[m.start - 1] == "the")
    if k - 1 >= start and W[k] == "to" and W[k - 1] in {"on", "onward", "onwards"}:
        j = k - 2
        while j >= start and W[j] in ONWARD_ADVERBS:
            j -= 1
        if W[k - 1] != "on" or (j >= start and L[j] in ONWARD_LEMMAS):
            return j + 1
        return None
    if k >= start and W[k] == "onto" and k - 1 >= start and L[k - 1] in ONWARD_LEMMAS:
        return k - 1
    for cue in HEADING_CUES:
        n = len(cue)
        if k - n + 1 >= start and tuple(W[k - n + 1:k + 1]) == cue:
            return k - n + 1
    return None


def _onward_legs(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Crowds walked to Niger, and a few of them went on to Algeria"; "the trawler anchored off Cyprus and was then
    let go on its way to Greece": a country named after an onward cue ("on to",
    "onwards to", "on their way to", "heading for", "bound for") is the next leg from the stop the sentence names
    before it: a destination reached (a flow of this sentence ends there), or a country where the boat or people
    stopped ("stopped/docked/anchored in X"). The stop gets the leg stop -> next, and the people who reached the
    stop (the origins of this sentence's flows into it) go on to the next country too (round 33)."""
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue  # (a deportation word may be "sent on its way to X"; the cue has no "back")
        start = s.span.start
        for m in s.mentions:
            if m.kind != "name" or m.role not in {None, "DST"}:
                continue
            cue = _onward_target(W, L, start, m)
            if cue is None:
                continue
            here = [f for f in b.flows if s.span.start_char <= f.evidence.start < s.span.end_char
                    and f.destination != m.iso]
            stops = [x for x in s.mentions if x.end <= cue and x.kind == "name" and x.iso != m.iso
                     and any(f.destination == x.iso for f in here)]
            if not stops:
                stops = [x for x in s.mentions if x.end <= cue and x.kind == "name" and x.iso != m.iso and (
                    x.role == "DST" and x.trigger is not None or x.role in {"LOC", None, "VIA"}
                    and any(L[k] in STOPOVER_LEMMAS for k in range(max(start, x.start - 8), x.start)))]
            if len({x.iso for x in stops}) != 1:
                continue
            stop = stops[-1]
            if not (s.has_group or any(f.destination == stop.iso for f in here)
                    or stop.role == "DST" and stop.trigger is not None
                    or stop.role != "DST" and not BOAT_WORDS.isdisjoint(W[start:stop.start])):
                continue
            b.add(s.span, stop.iso, m.iso, [stop.start, m.start], trigger=cue)
            movers = [f.origin for f in here if f.destination == stop.iso] + [
                x.iso for x in s.mentions if x.role == "NAT" and x.end <= stop.start]
            for o in dict.fromkeys(movers):
                b.add(s.span, o, m.iso, [stop.start, m.start], trigger=cue)


def _landing_place(doc: Doc, s: _Sentence) -> _Mention | None:
    """The one country a sentence's people arrived or landed in: a destination (DST) of an arrival word, or a
    place right after "at"/"on"/"in" that follows an arrival word ("landed at Lampedusa")."""
    W, L = doc_lowers(doc), doc_lemmas(doc)
    arrivals = [t for t, k in s.triggers.items() if k == "arrive" and L[t] in LANDING_LEMMAS]
    if not arrivals:
        return None  # (not "settled in X": a new home, told of anyone)
    found = [m for m in s.mentions if m.role == "DST" and m.kind in {"name", "place"}]
    if not found:
        found = [m for m in s.mentions if m.role is None and m.kind in {"name", "place"} and m.start - 1 >= s.span.start
                 and W[m.start - 1] in {"at", "on", "in"} and any(0 < m.start - t <= 4 for t in arrivals)]
    return found[0] if len({m.iso for m in found}) == 1 else None


def _departed_near_landing(b: _Builder, sentences: list[_Sentence]) -> None:
    """"They set off from Egypt in a rubber dinghy. ... Days later 30 people came ashore on Crete"; "A boat
    reached Sri Lanka. Some on board said they had quit a camp in India": a sentence whose people (a pronoun or
    quantifier right before the departure word, or a group word) left one country (SRC of a departure word) and name
    no destination, next to a sentence (up to three sentences before or after; the nearest) whose people arrived
    or landed in one other country: the departure country -> the landing country (round 33)."""
    doc = b.doc
    W = doc_lowers(doc)
    landings = [(n, p) for n, s in enumerate(sentences) if (p := _landing_place(doc, s)) is not None]
    if not landings:
        return
    for n, s in enumerate(sentences):
        if s.deport or s.military or not s.mentions:
            continue
        srcs = [m for m in s.mentions if m.role == "SRC" and m.kind in {"name", "place"}]
        if len({m.iso for m in srcs}) != 1:
            continue
        clause = next((k for k in range(srcs[0].end, s.span.end - 1) if W[k] == "," and W[k + 1] in CLAUSE_AFTER),
                      s.span.end)  # "quit camps in A, where many once sought safety from B": B is no mover's
        if any(m.role != "SRC" and m.start < clause for m in s.mentions):
            continue
        trig = srcs[0].trigger
        if trig is None or s.triggers.get(trig) not in {"depart", "move"} or doc_lemmas(doc)[trig] not in \
                DEPARTURE_LEMMAS or W[trig].endswith("ing"):
            continue  # "left", "departed", "set sail"; not "fled" or "fleeing" (a danger fled, told of anyone)
        if not GOAL_WORDS.isdisjoint(W[trig + 1:clause]):
            continue  # "she quit Iran and set out for Europe": the sentence has its own goal
        k = trig - 1
        while k >= s.span.start and W[k] in {"had", "have", "has", "reportedly", "all", "first", "originally"}:
            k -= 1
        if not (k >= s.span.start and W[k] in DEPARTED_SUBJECTS or s.has_group):
            continue
        near = sorted((abs(n - j), j, p) for j, p in landings if j != n and abs(n - j) <= 3)
        if not near or len(near) > 1 and near[0][0] == near[1][0] and near[0][2].iso != near[1][2].iso:
            continue
        dest = near[0][2]
        if dest.iso != srcs[0].iso:
            b.add(s.span, srcs[0].iso, dest.iso, [srcs[0].start, trig], trigger=trig)


HOST_SPEAKERS = frozenset({"government", "authorities", "officials", "ministry", "police", "guard", "guards",
                           "coastguard", "service", "agency", "office", "army", "navy"})
HOST_ARRIVALS = frozenset({"arrived", "arrive", "arrives", "arriving", "entered", "enter", "entering"})
HOST_VOIDS = frozenset({"deported", "returned", "expelled", "troops", "soldiers", "tourists", "students", "not", "no"})


def _host_reported_arrivals(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """"The Czech interior ministry says many refugees have arrived this month": a sentence that opens
    with the authority of a state (an organisation whose country is known, ending in an authority word), names
    no other country, and says that people (a group word) arrived or entered after it: the document's
    emigrants (``main``) -> that state. The sentence names no country of its own, so the flow stages skip it
    (round 33)."""
    if not main:
        return
    doc = b.doc
    W = doc_lowers(doc)
    starts, sentence = _sentence_starts(doc)
    for ent in doc_entities(doc):
        if ent.label_ != "ORG" or W[ent.end - 1] not in HOST_SPEAKERS:
            continue
        iso = span_extension(doc, ent.start_char, ent.end_char, "iso")
        if not iso or iso == main:
            continue
        k = bisect_right(starts, ent.start) - 1
        sent = sentence(k)
        if ent.start != sent.start + (W[sent.start] == "the"):
            continue
        words = W[ent.end:sent.end]
        arrive = next((n for n, w in enumerate(words) if w in HOST_ARRIVALS), None)
        if arrive is None or not HOST_VOIDS.isdisjoint(words) or not any(map(_is_group_lower, words[:arrive])):
            continue
        if any(e is not ent and span_extension(doc, e.start_char, e.end_char, "iso")
               for e in doc_entities(doc) if sent.start <= e.start < sent.end):
            continue
        b.add(sent, main, iso, [ent.start, ent.end + arrive], trigger=ent.end + arrive)


FACING_LEMMAS = frozenset({"face", "see", "experience", "witness", "absorb", "receive", "brace"})
INFLOW_NOUNS = frozenset({"wave", "waves", "influx", "inflow", "inflows", "surge", "flood", "stream", "exodus"})


def _surge_from_r37(W: list[str], m: _Mention, noun: int, end: int) -> bool:
    """r37: the origin of the surge's people after it: "sees a surge in crossings with 10,000 migrants, primarily
    from A" (a country name after "from", with only adverbs between, within fifteen words of the noun)."""
    if m.kind != "name" or m.role not in {"SRC", "NAT"} or not 0 < m.start - noun <= 15:
        return False
    k = m.start - 1
    while k > noun and W[k] in CAME_ADVERBS_R37:
        k -= 1
    return W[k] == "from" and not any(w in {"to", "into", "for"} for w in W[noun:k])


def _facing_inflow(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Chad faces a new Sudanese refugee surge that comes through Libya": a country that faces, sees or
    receives an influx, wave or surge (the noun within eight words of the verb, the verb within three words after
    the country) is where the people of that influx go: its nationalities named after the verb (NAT) and the
    countries it comes through (VIA) -> the country (round 33)."""
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        end = s.span.end
        for host in s.mentions:
            if host.kind not in {"name", "place"} or host.role not in {None, "LOC"}:
                continue  # r37: a place in the country too ("a border town in A sees a surge")
            verb = next((k for k in range(host.end, min(host.end + 3, end)) if L[k] in FACING_LEMMAS), None)
            if verb is None:
                continue
            noun = next((k for k in range(verb + 1, min(verb + 9, end)) if W[k] in INFLOW_NOUNS), None)
            if noun is None:
                continue
            for m in s.mentions:
                if m.iso != host.iso and m.start > verb and (m.role == "VIA" or m.role == "NAT" and m.start < noun
                                                             or _surge_from_r37(W, m, noun, end)):
                    b.add(s.span, m.iso, host.iso, [host.start, m.start, noun], trigger=noun)


SEEN_WORDS = frozenset({"seen", "felt", "reported", "recorded", "witnessed", "observed", "registered", "mirrored"})
ELSEWHERE = (("elsewhere",), ("in", "other", "countries"), ("in", "neighbouring", "countries"),
             ("in", "neighboring", "countries"), ("across", "the", "region"))
ELSEWHERE_OPENERS = frozenset({",", "including", "such", "as", "like", "notably", "in", "especially", "from", "to"})
ELSEWHERE_JOINERS = frozenset({",", "and", "in", "as", "well"})


def _inflow_elsewhere(b: _Builder, sentences: list[_Sentence]) -> None:
    """r34: "The same surge is being felt elsewhere, including A, B and C": an influx, wave or
    surge seen or felt "elsewhere" or "in other countries" and the countries listed right after are where the
    people of the wave went: the nationalities of the sentence (NAT), or else those of the sentence before, go to
    each listed country."""
    doc = b.doc
    W = doc_lowers(doc)
    for n, s in enumerate(sentences):
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        noun = next((k for k in range(start, end) if W[k] in INFLOW_NOUNS), None)
        if noun is None:
            continue
        seen = next((k for k in range(noun + 1, min(noun + 5, end)) if W[k] in SEEN_WORDS), None)
        if seen is None:
            continue
        k = seen + 1
        phrase = next((p for p in ELSEWHERE if tuple(W[k:k + len(p)]) == p), None)
        if phrase is None:
            continue
        k += len(phrase)
        while k < end and W[k] in ELSEWHERE_OPENERS:
            k += 1
        by_start = {m.start: m for m in s.mentions}
        hosts: list[_Mention] = []
        while k < end and (m := by_start.get(k)) is not None and m.kind == "name":
            hosts.append(m)
            k = m.end
            while k < end and W[k] in ELSEWHERE_JOINERS:
                k += 1
        if not hosts:
            continue
        listed = {h.iso for h in hosts}
        movers = [m for m in s.mentions if m.role == "NAT" and m.iso not in listed]
        if not movers and n > 0 and 0 <= s.span.start - sentences[n - 1].span.end <= 3:  # the one before
            movers = [m for m in sentences[n - 1].mentions if m.role in {"NAT", "SRC"} and m.iso not in listed]
        origins = {m.iso for m in movers}
        for iso in sorted(origins):
            for h in hosts:
                b.add(s.span, iso, h.iso, [noun, h.start], trigger=noun)


FLIGHT_NOUNS = frozenset({"flight", "flights", "plane", "planes", "charter", "charters", "airlift"})
RETURN_FLIGHT_MARKS = frozenset({"repatriation", "evacuation", "return", "deportation", "removal", "rescue"})
RETURN_FLIGHT_HEDGES = frozenset({"will", "would", "could", "may", "might", "planned", "plans", "scheduled", "due",
                                  "cancelled", "canceled", "postponed", "not", "never", "if", "proposed"})
RETURN_FLIGHT_VERBS = frozenset({"repatriate", "repatriating", "evacuate", "evacuating", "deport", "deporting",
                                 "return", "returning", "bring", "fly"})
STRANDED_WORDS = frozenset({"stranded", "trapped", "stuck", "camped", "living", "held", "detained", "waiting"})


def _return_flight(b: _Builder, sentences: list[_Sentence]) -> None:
    """r34: "A repatriation flight to A took off from <city of B>", "the first evacuation flight to A brought home
    migrants stranded in B": a return, evacuation or deportation flight to A (the flight noun right after the mark
    word, or a purpose "to repatriate/evacuate/deport/return/bring/fly" after it; "to A" right after the noun)
    carries its people from the country it leaves ("from", "left", "departed" before it) or where they were
    stranded ("stranded/trapped ... in B"): B -> A; and A -> B, the way the people flown home had come (round 35).
    Not when planned, cancelled or negated."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions if m.kind in {"name", "place"}}
        for f in range(start + 1, end - 2):
            if W[f] not in FLIGHT_NOUNS or W[f + 1] != "to" or W[f - 1] not in RETURN_FLIGHT_MARKS and \
                    RETURN_FLIGHT_VERBS.isdisjoint(W[f + 2:end]):
                continue  # "a flight to A took off from B to repatriate migrants": the purpose marks it too
            dst = by_start.get(f + 3 if W[f + 2] == "the" else f + 2)
            if dst is None:
                continue
            for m in s.mentions:
                if m.start < dst.end or m.iso == dst.iso or m.kind not in {"name", "place"}:
                    continue
                if not RETURN_FLIGHT_HEDGES.isdisjoint(W[start:m.start]):
                    break  # "a repatriation flight to A will leave from B", "was cancelled": not flown
                prev = W[m.start - 1]
                if prev in {"from", "left", "departed"} or prev == "in" and not STRANDED_WORDS.isdisjoint(
                        W[max(dst.end, m.start - 8):m.start]):
                    b.add(s.span, m.iso, dst.iso, [f, dst.start, m.start], trigger=f)
                    b.add(s.span, dst.iso, m.iso, [f, dst.start, m.start], trigger=f)  # r35: they had come from A
                    break


THEIR_TERRITORY = (("into", "their", "countries"), ("into", "their", "territory"), ("into", "their", "territories"),
                   ("to", "their", "countries"), ("in", "their", "countries"), ("across", "their", "borders"))
REPORTING_VERBS = frozenset({"said", "say", "says", "reported", "report", "reports", "announced", "stated", "warned",
                             "complained"})


def _their_countries(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Latvia and Estonia reported that many Syrians had come into their countries": the states listed as the
    subject of a reporting verb are where "their countries/territory" points; the nationalities named after the
    verb (NAT) move there, when a movement word stands within three words before the phrase (round 33)."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 3 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        verb = next((k for k in range(start, end) if W[k] in REPORTING_VERBS), None)
        if verb is None:
            continue
        hosts = [m for m in s.mentions if m.end <= verb]
        if len(hosts) < 2 or any(m.kind != "name" or m.role not in {None, "LOC"} for m in hosts) \
                or hosts[0].start > start + 1:
            continue
        between = [w for m0, m1 in zip(hosts, hosts[1:], strict=False) for w in W[m0.end:m1.start]]
        if any(w not in {",", "and", "the"} for w in between) or hosts[-1].end != verb:
            continue
        at = next((k for k in range(verb, end - 2) if tuple(W[k:k + 3]) in THEIR_TERRITORY), None)
        if at is None or not any(at - 3 <= t < at for t in s.triggers):
            continue
        movers = [m for m in s.mentions if m.role == "NAT" and verb < m.start < at]
        for m in movers:
            for h in hosts:
                b.add(s.span, m.iso, h.iso, [h.start, m.start, at], trigger=at)


# ------------------------------------------------------------------------------------------------- round 34 (Q3j)

LIST_COPULAS = frozenset({"were", "are", "was", "is", "came", "come", "comes", "hailed", "hail"})
LIST_SUBJECTS = frozenset({"they", "who", "all", "most", "many", "some", "others", "them", "passengers", "migrants",
                           "refugees", "survivors", "people", "men", "women", "group"})
LIST_NATIONALS = frozenset({"nationals", "citizens"})
LIST_HEDGES = frozenset({"not", "no", "never", "would", "could", "might", "may", "if", "whether"})
TAKEN_TO = frozenset({"taken", "brought", "escorted", "towed", "transferred"})
LIST_PIVOTS = frozenset({"from", "of", "were", "are"})


def _taken_to_place(doc: Doc, s: _Sentence) -> _Mention | None:
    """The one country a sentence's people were taken or brought to ("a group of 11 was taken to <port>")."""
    W = doc_lowers(doc)
    found = [m for m in s.mentions if m.kind in {"name", "place"} and m.start - 2 >= s.span.start
             and W[m.start - 1] == "to" and W[m.start - 2] in TAKEN_TO]
    return found[0] if len({m.iso for m in found}) == 1 else None


def _list_after(W: list[str], k: int, end: int, by_start: dict[int, _Mention], kinds: set[str]) -> list[_Mention]:
    """Countries (of the kinds) listed from token ``k`` on: "A, B, and the C", "A-ian and B-ian"."""
    out: list[_Mention] = []
    while k < end:
        if W[k] == "the":
            k += 1
        m = by_start.get(k)
        if m is None or m.kind not in kinds:
            break
        out.append(m)
        k = m.end
        q = by_start.get(k)
        if q is not None and q.kind == "place" and q.iso == m.iso:
            k = q.end  # "Guinea Conakry": a country qualified by its capital
        if k + 1 < end and W[k] == "," and W[k + 1] in {"and", "or"}:
            k += 2
        elif k < end and W[k] in {",", "and", "or"}:
            k += 1
        else:
            break
    return out


def _origin_list_r34(W: list[str], s: _Sentence) -> tuple[list[_Mention], int] | None:
    """A list of two or more origins stated without a motion verb or a destination: "(they said) they came from A,
    B and C", "they were nationals of A, B and the C", "who said they were A-ian and B-ian"; the list and the token
    that states it."""
    start, end = s.span.start, s.span.end
    by_start = {m.start: m for m in s.mentions}
    for j in compress(range(start + 2, end - 1), map(LIST_PIVOTS.__contains__, W[start + 2:end - 1])):
        w = W[j]
        if w == "from" and W[j - 1] in LIST_COPULAS and not LIST_SUBJECTS.isdisjoint(W[max(start, j - 4):j - 1]):
            found = _list_after(W, j + 1, end, by_start, {"name"})
        elif w == "of" and W[j - 1] in LIST_NATIONALS and W[j - 2] in {"were", "are", "as"}:
            found = _list_after(W, j + 1, end, by_start, {"name"})
        elif w in {"were", "are"} and W[j - 1] in {"they", "who"} and j - 2 >= start and W[j - 2] in {
                "said", "say", "says", "told", "claimed", "reported"}:
            found = _list_after(W, j + 1, end, by_start, {"demonym", "name"})
        else:
            continue
        if len({m.iso for m in found}) >= 2:
            return found, j
    return None


def _origin_lists_near_landing(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Eighteen survivors landed on <island of C>. ... They said they came from A, B and D"; "a group of eleven
    was taken to <port of C>. The group said they were nationals of A, B and D": a list of two or more origins with
    no motion verb to a destination, in a sentence naming no other country, after a landing (or a transfer to a
    place) in one country in that sentence or up to four sentences before: each listed country -> the landing's
    country (round 34). Not under a hedge or negation, nor in sentences of people sent back or of troops."""
    doc = b.doc
    W = doc_lowers(doc)
    lists = [(n, got) for n, s in enumerate(sentences)
             if not (s.deport or s.military or len(s.mentions) < 2)
             and LIST_HEDGES.isdisjoint(W[s.span.start:s.span.end]) and (got := _origin_list_r34(W, s)) is not None]
    if not lists:
        return
    landings = [(n, p) for n, s in enumerate(sentences)
                if (p := _landing_place(doc, s) or _taken_to_place(doc, s)) is not None]
    if not landings:
        return
    known = {(f.origin, f.destination) for f in b.flows}
    for n, got in lists:
        s = sentences[n]
        origins, trig = got
        isos = {m.iso for m in origins}
        near = sorted((n - j, p) for j, p in landings if 0 <= n - j <= 4)
        if not near:
            continue
        dest = near[0][1]
        if dest.iso in isos or any(m.iso not in isos and m.iso != dest.iso for m in s.mentions):
            continue
        for m in origins:
            if (m.iso, dest.iso) not in known:
                b.add(s.span, m.iso, dest.iso, [m.start, trig], trigger=trig)
                known.add((m.iso, dest.iso))


RETURNEE_NOUNS = frozenset({"returnees", "returnee"})
RETURNEE_VERBS = frozenset({"come", "comes", "came", "coming", "arrive", "arrives", "arrived", "arriving"})


def _returnees_from(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """"Most returnees come from neighbouring A": people going home (returnees) come from the country named after
    "from" (by name) back to the document's emigrants' country (``main``), when the sentence names no other country
    after "from" and A is not that country (round 34). Not under a hedge or negation."""
    if not main:
        return
    doc = b.doc
    W = doc_lowers(doc)
    if RETURNEE_NOUNS.isdisjoint(W):
        return
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        start, end = s.span.start, s.span.end
        if s.military or not s.mentions or not LIST_HEDGES.isdisjoint(W[start:end]):
            continue
        for j in range(start + 1, end - 1):
            if W[j] not in RETURNEE_NOUNS or W[j + 1] not in RETURNEE_VERBS or j + 2 >= end or W[j + 2] != "from":
                continue
            k = j + 3
            while k < end and W[k] in {"neighbouring", "neighboring", "nearby", "mostly", "mainly", "the"}:
                k += 1
            by_start = {m.start: m for m in s.mentions}
            for m in _list_after(W, k, end, by_start, {"name"}):
                if m.iso != main and (m.iso, main) not in known:
                    b.add(s.span, m.iso, main, [j, m.start], trigger=j + 1)
                    known.add((m.iso, main))


CROSS_SUBJECTS = frozenset({"they", "he", "she", "most", "many", "some", "others", "several", "all"})
CROSS_OPENERS = frozenset({"on", "in", "by", "after", "last", "within", "earlier", "since", "then", "later"})
CROSS_BACK = 2  # sentences looked back for the group's origin


def _same_paragraph(doc: Doc, a: _Sentence, b: _Sentence) -> bool:
    """No line break between the end of sentence a's words and the start of sentence b (a later one)."""
    return "\n" not in doc.text[a.span.start_char + len(a.span.text.rstrip()):b.span.start_char]


def _anaphoric_subject(doc: Doc, s: _Sentence, lex: _Lex) -> str | None:
    """The sentence opens (after "then", a short time phrase and its comma) with a pronoun or quantifier subject
    ("They", "Most", "Some of them") or a definite group ("The migrants", "These refugees"): the people are the
    ones the text has already introduced ("" is returned). "The N" with another noun returns N: the subject is
    the one introduced only if the sentence before has that noun beside the origin ("One survivor, a Malian, ...
    The survivor was flown to X"). None: no such subject."""
    W = doc_lowers(doc)
    k, end = s.span.start, s.span.end
    if k < end and W[k] in CROSS_OPENERS:
        comma = next((j for j in range(k + 1, min(k + 7, end)) if W[j] == ","), None)
        k = comma + 1 if comma is not None else k + 1 if W[k] in JOURNEY_ADVERBS else k
    while k < end and W[k] in JOURNEY_ADVERBS:
        k += 1
    if k >= end:
        return None
    if W[k] in CROSS_SUBJECTS:
        return ""
    if W[k] not in {"the", "these", "those"}:
        return None
    if _group_after(doc, k + 1, end, lex, skip=1) is not None:
        return ""
    noun = W[k + 1] if k + 1 < end else ""
    return noun if noun.isalpha() and len(noun) > 3 and W[k] == "the" else None


CROSS_NOUN_WINDOW = 12  # tokens from the repeated noun to the origin before it ("a 30-year-old X" is 6)


def _origin_sentences_before(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """Origin and destination told in neighbouring sentences about one group (round 34): "Thousands of Syrians
    have fled since the spring. Most crossed into Turkey.", "The migrants, mostly from A and C, waited for days.
    They reached B on Monday." A sentence with a destination whose subject is an anaphor or a definite group and
    which states no origin of its own (no nationality, "from A", departure or ethnic group) takes the origins of
    the nearest sentence before it, up to two back in the same paragraph, that names a group's origin: a
    nationality of its movers or a "from A"/"fled A" departure; not when that sentence already brings them
    somewhere (the journey goes on from there: the onward-leg rules read it). The nearest sentence naming a
    country decides (a sentence naming none is passed over): a country named only as a place or actor, another
    group, or an origin that is the destination stops the search."""
    doc, lex, W = b.doc, _lex(), doc_lowers(b.doc)
    starts = _sentence_starts(doc)[0]
    for k, s in enumerate(sentences):
        dests = [m for m in s.mentions if m.role == "DST" and m.kind in {"name", "place"}]
        if not dests or s.deport or s.military or s.region_origin or s.ethnic:
            continue
        if any(m.role in {"NAT", "SRC"} for m in s.mentions):
            continue
        noun = _anaphoric_subject(doc, s, lex)
        if noun is None:
            continue
        first = bisect_left(starts, s.span.start)  # the sentence's place among all of the document's sentences
        for j in range(k - 1, -1, -1):
            p = sentences[j]
            if first - bisect_left(starts, p.span.start) > CROSS_BACK or not _same_paragraph(doc, p, s):
                break
            origins = [m for m in p.mentions if m.role in {"NAT", "SRC"} and not (  # "mainly ethnic Xs": not where
                m.kind == "demonym" and m.start > p.span.start and W[m.start - 1] == "ethnic")]  # they came from
            if not origins and not p.ethnic:
                break  # a country named only as a place or actor, or a movement of people of no stated origin
            if p.deport or p.military or not (p.has_group or any(m.kind == "demonym" for m in origins)):
                break
            if any(m.role == "DST" for m in p.mentions):
                break  # they had already arrived somewhere: the next move is an onward leg from there
            if noun and not any(W[i] == noun and any(abs(i - m.start) <= CROSS_NOUN_WINDOW for m in origins)
                                for i in range(p.span.start, p.span.end)):
                break  # "The boat reached X": not the people of the sentence before
            isos = list(dict.fromkeys([m.iso for m in origins] + [iso for _, iso in p.ethnic]))
            if len(isos) > 3 or any(d.iso in isos for d in dests):
                break
            for d in dests:
                for o in isos:
                    at = [m.start for m in origins if m.iso == o] or [i for i, iso in p.ethnic if iso == o]
                    b.add(s.span, o, d.iso, at + [d.start] + ([d.trigger] if d.trigger is not None else []),
                          trigger=d.trigger)
            break


OVER_BORDER_PREPS = frozenset({"across", "over"})
OVER_BORDER_NOUNS = frozenset({"border", "frontier"})


def _over_adjective_border(b: _Builder, sentences: list[_Sentence]) -> None:
    """r35: "Some 20,000 Xs have fled over the A-ian border", "refugees from X streamed across the A-ian frontier":
    an unblocked movement word right before "across/over the <adjective of A> border" takes the sentence's
    nationals (another country than A) into A. Not in sentences of deportation or troops."""
    doc, lex = b.doc, _lex()
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        by_start = {m.start: m for m in s.mentions}
        for k in s.triggers:
            if k + 4 >= s.span.end or W[k + 1] not in OVER_BORDER_PREPS or W[k + 2] != "the":
                continue
            side = by_start.get(k + 3)
            if side is None or side.kind not in {"demonym", "place"} or side.end >= s.span.end \
                    or W[side.end] not in OVER_BORDER_NOUNS:
                continue
            movers = [m for m in s.mentions if m.role == "NAT" and m.iso != side.iso and m.start < k]
            if W[k - 1] == "to" or any(m.iso != side.iso and m not in movers for m in s.mentions) \
                    or _demonym_authority(doc, s, lex) or _national_authority(doc, s, lex) or any(
                    e.label_ == "ORG" and doc_texts(doc)[e.start] in gazetteer().demonym_by_surface for e in s.ents):
                continue  # "tried to cross over the A-ian border"; "B-ian police ... the A-ian border" (B's side)
            for m in movers:
                b.add(s.span, m.iso, side.iso, [m.start, k, side.start], trigger=k)


# ------------------------------------------------------------------------------------------------- round 35 (Q4k)

PUSH_VERBS = frozenset({"push", "pushes", "pushed", "pushing", "force", "forced", "forcing", "let", "lets",
                        "letting", "allow", "allows", "allowed", "allowing", "usher", "ushered", "ushering",
                        "channel", "channels", "channelled", "channeled", "channelling", "channeling"})
PUSH_PERMITS = frozenset({"let", "lets", "letting", "allow", "allows", "allowed", "allowing"})
PUSH_PEOPLE = frozenset({"people", "migrants", "refugees", "asylum-seekers", "seekers", "them", "crossers",
                         "thousands", "hundreds", "dozens", "families", "men", "him", "her"})
PUSH_MOVES = frozenset({"cross", "enter", "go", "move", "pass", "walk", "head"})
PUSH_INTO = frozenset({"into", "onto"})
PUSH_FILLERS = frozenset({"the", "territory", "territories", "of", "eu", "member", "members", "neighbouring",
                          "neighboring", "states", "state", "countries", "nations", "nation", "country"})
PUSH_SUBJECT_FILLERS = frozenset({"decided", "to", "has", "have", "had", "also", "reportedly", "allegedly", "been",
                                  "began", "begun", "started", "is", "was", "were", "are", "then", "now", "openly",
                                  "deliberately", "continued", "continues", "tried", "sought", "chose", "and", ","})
PUSH_HEDGES = frozenset({"not", "n't", "never", "no", "would", "could", "might", "may", "if", "unless", "threatened",
                         "threatens", "threaten", "threatening", "plan", "plans", "planned", "refused", "refuses",
                         "refuse", "wants", "want", "warned", "stop", "stopped", "prevent", "prevented"})
PUSH_OBJECT_WINDOW = 9  # tokens from the verb to its people noun ("push dozens of migrants, mostly women and ...")
PUSH_INTO_WINDOW = 12  # tokens from the verb to "into" ("push people - mostly from A - into")


def _pushed_into(b: _Builder, sentences: list[_Sentence]) -> None:
    """"The regime decided to bring people mainly from A to B and to push them into the territory of C, D and E",
    "A let thousands of migrants cross into B", "guards caught him and pushed him back into A" (round 35): a state
    pushing, forcing or letting people (a people noun or "them" within a few words of the verb) into countries
    listed after "into" (past "the territory of", "EU member") moves them there: from the origins the sentence gives
    them before "into" (a "from A" or a nationality), from the country the sentence brought them to before the verb
    (a transit), or from the state that is the verb's subject (named right before it, past "decided to" and the
    like). "pushed back into A" is a pushback from the country they had reached. Not under a hedge or negation
    before the verb, nor in sentences of troops (but for pushbacks)."""
    doc = b.doc
    words = doc_word_set(doc)
    if PUSH_VERBS.isdisjoint(words) or PUSH_INTO.isdisjoint(words):
        return
    W = doc_lowers(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2:
            continue
        start, end = s.span.start, s.span.end
        verbs = _at(W, start + 1, end - 2, PUSH_VERBS)
        if not verbs:
            continue
        by_start = {m.start: m for m in s.mentions if m.kind in {"name", "place"}}
        by_end = {m.end: m for m in s.mentions if m.kind == "name"}
        for v in verbs:
            if not PUSH_HEDGES.isdisjoint(W[start:v]):
                break
            obj = v if W[v + 1] == "back" else next(
                (j for j in range(v + 1, min(end, v + 1 + PUSH_OBJECT_WINDOW)) if W[j] in PUSH_PEOPLE), None)
            if obj is None:
                continue
            into = next((j for j in range(obj + 1, min(end, v + 1 + PUSH_INTO_WINDOW)) if W[j] in PUSH_INTO), None)
            if into is None:
                continue
            between = W[obj + 1:into]
            back = "back" in W[v + 1:into]
            if s.military and not back:
                continue  # troops pushing forward; guards pushing people back is a pushback
            if W[v] in PUSH_PERMITS and not (into >= 2 and W[into - 1] in PUSH_MOVES and W[into - 2] == "to"):
                continue  # "allowed migrants to cross into B"; "allowed them into B" is an admission
            if any(w in {".", ";", "but", "while", "who", "which", "that"} for w in between):
                continue
            k = into + 1
            while k < end and W[k] in PUSH_FILLERS:
                k += 1
            dests = _list_after(W, k, end, by_start, {"name", "place"})
            if not dests:
                continue
            dest_isos = list(dict.fromkeys(m.iso for m in dests))
            sources: list[_Mention] = []
            if back:  # a pushback: from the country they had reached earlier in the sentence
                sources = [m for m in s.mentions if m.end <= v and m.iso not in dest_isos and m.kind == "name" and (
                    m.role == "DST" or m.start > start and W[m.start - 1] == "into")][-1:]
            else:
                sources = [m for m in s.mentions if m.start < into and m.iso not in dest_isos and (
                    m.role in {"NAT", "SRC"} or m.start > start and W[m.start - 1] == "from")]
                sources += [m for m in s.mentions if m.role == "DST" and m.end <= v and m.iso not in dest_isos][-1:]
                k = v
                while k > start and W[k - 1] in PUSH_SUBJECT_FILLERS:
                    k -= 1
                subj = by_end.get(k)
                if subj is not None and subj.iso not in dest_isos:
                    sources.append(subj)
            for o in dict.fromkeys(m.iso for m in sources):
                for d in dests:
                    if o != d.iso and (o, d.iso) not in known:
                        at = next(m.start for m in sources if m.iso == o)
                        b.add(s.span, o, d.iso, [at, v, d.start], trigger=v)
                        known.add((o, d.iso))
            break


FLIGHT_ROUTE_NOUNS = frozenset({"flight", "flights"})
FLIGHT_ROUTE_PEOPLE = frozenset({"migrants", "migrant", "refugees", "refugee", "asylum-seekers", "seekers",
                                 "asylum", "smuggling", "smugglers"})
FLIGHT_ROUTE_FILLERS = frozenset({"direct", "daily", "weekly", "regular", "charter", "chartered", "cheap", "new",
                                  "more", "extra", "additional", "scheduled", "commercial", "the", "of", "number"})
FLIGHT_ROUTE_HEDGES = frozenset({"not", "n't", "never", "no", "would", "could", "might", "may", "if", "unless",
                                 "suspended", "suspend", "suspends", "halted", "halt", "cancelled", "canceled",
                                 "banned", "ban", "stopped", "stop", "cut", "plan", "plans", "planned", "will"})


def _migrant_flights(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Many were lured from A by a rise in direct flights from <city of A> to <capital of B>" (round 35): flights
    "from A to B" (countries or places in them, of two countries) in a sentence about migrants, refugees or their
    smuggling carry them: A -> B. Not when the flights are suspended, banned, planned or negated, nor in sentences
    of deportation (the return flights' rule reads those) or troops."""
    doc = b.doc
    words = doc_word_set(doc)
    if FLIGHT_ROUTE_NOUNS.isdisjoint(words) or FLIGHT_ROUTE_PEOPLE.isdisjoint(words):
        return
    W = doc_lowers(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        nouns = _at(W, start, end - 3, FLIGHT_ROUTE_NOUNS)
        if not nouns or FLIGHT_ROUTE_PEOPLE.isdisjoint(W[start:end]) or not FLIGHT_ROUTE_HEDGES.isdisjoint(
                W[start:end]):
            continue
        by_start = {m.start: m for m in s.mentions if m.kind in {"name", "place"}}
        for f in nouns:
            if W[f + 1] != "from":
                continue
            src = by_start.get(f + 2)
            if src is None or src.end >= end or W[src.end] != "to":
                continue
            dst = by_start.get(src.end + 1)
            if dst is None or dst.iso == src.iso or (src.iso, dst.iso) in known:
                continue
            b.add(s.span, src.iso, dst.iso, [f, src.start, dst.start], trigger=f)
            known.add((src.iso, dst.iso))


OTHER_WAY = (("the", "other", "way", "around"), ("the", "other", "way", "round"), ("the", "other", "direction"),
             ("the", "opposite", "direction"))


def _other_way_around(b: _Builder, sentences: list[_Sentence]) -> None:
    """"More people crossed from A into B than the other way around" (round 35): a comparison with the other way
    (around, round, direction) after a crossing A -> B read in the same sentence states the crossing B -> A too."""
    doc = b.doc
    words = doc_word_set(doc)
    if "other" not in words and "opposite" not in words or "way" not in words and "direction" not in words:
        return
    W = doc_lowers(doc)
    for s in sentences:
        start, end = s.span.start, s.span.end
        at = next((k - 1 for k in _at(W, start + 2, end - 1, frozenset({"other", "opposite"}))
                   if W[k - 2] in {"than", "as"} and any(tuple(W[k - 1:k - 1 + len(p)]) == p for p in OTHER_WAY)),
                  None)
        if at is None:
            continue
        here = [f for f in b.flows if s.span.start_char <= f.evidence.start and f.evidence.end <= s.span.end_char
                and f.evidence.end <= doc[at].idx]
        for f in here:
            b.add(s.span, f.destination, f.origin, [at, at + 3], trigger=at + 1)


FACING_COASTS = frozenset({"coast", "coastline", "coasts", "shore", "shores", "shoreline", "beaches", "side"})
FACING_PEOPLE = frozenset({"migrants", "refugees", "asylum-seekers", "seekers", "boats", "dinghies", "dinghy"})
FACING_ARRIVALS = frozenset({"arrived", "arrive", "arrives", "arriving", "landed", "land", "lands", "landing",
                             "landings", "reached", "reach", "reaching", "arrivals", "ashore", "entry"})


def _coast_facing(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Boats land all along <island of B>'s long coastline facing A" (round 35): in a document about migrants or
    boats arriving, a coast (coastline, shore, beaches) of a place or country B named before it in the sentence,
    "facing" country A, is where the crossings from A come ashore: A -> B. Once per pair; not in sentences of
    deportation, troops or under a hedge."""
    doc = b.doc
    words = doc_word_set(doc)
    if "facing" not in words or FACING_PEOPLE.isdisjoint(words) or FACING_ARRIVALS.isdisjoint(words):
        return
    W = doc_lowers(doc)
    lex = _lex()
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        for k in _at(W, start + 2, end - 1, frozenset({"facing"})):
            if W[k - 1] not in FACING_COASTS or not lex.block.isdisjoint(W[start:k]):
                continue
            faced = next((m for m in s.mentions if m.start == k + 1 + (W[k + 1] == "the") and m.kind == "name"),
                         None)
            if faced is None:
                continue
            hosts = [m for m in s.mentions if m.end <= k - 1 and m.kind in {"name", "place"} and m.iso != faced.iso]
            if not hosts or len({m.iso for m in hosts}) != 1:
                continue
            host = hosts[-1]
            if (faced.iso, host.iso) not in known:
                b.add(s.span, faced.iso, host.iso, [host.start, k, faced.start], trigger=k)
                known.add((faced.iso, host.iso))


WORK_SEEK = frozenset({"find", "seek", "look", "get"})
WORK_LEAVE = frozenset({"leaving", "left", "leave", "leaves", "quit", "quitting"})


def _work_abroad_legs(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Workers for decades left their homes in places like A, B and C to find work in <city of D>" (round 35): the
    countries left (origins after a leaving word) go to the place where the work is sought: A, B, C -> D. When D's
    country is also the nationality of the sentence's other people ("Ds seeking refuge abroad reverse the old
    pattern, with workers leaving A ..."), the pairs D -> A read from the same sentence are that misreading and are
    dropped."""
    doc = b.doc
    words = doc_word_set(doc)
    if WORK_OBJECTS.isdisjoint(words) or WORK_LEAVE.isdisjoint(words):
        return
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        for k in _at(W, start + 2, end - 3, WORK_SEEK):
            j = k + 1 + (W[k + 1] == "for")
            if W[k - 1] != "to" or j + 1 >= end or W[j] not in WORK_OBJECTS or W[j + 1] != "in":
                continue
            at = j + 2 + (W[j + 2] == "the")
            dst = next((m for m in s.mentions if m.start == at and m.kind in {"name", "place"}), None)
            leave = next((i for i in range(k - 2, start - 1, -1) if W[i] in WORK_LEAVE), None)
            if dst is None or leave is None:
                continue
            origins = [m for m in s.mentions if leave < m.start < k and m.kind == "name" and m.iso != dst.iso]
            if not origins or not LIST_HEDGES.isdisjoint(W[start:leave]):
                continue
            isos = {m.iso for m in origins}
            b.flows = [f for f in b.flows if not (f.origin == dst.iso and f.destination in isos
                                                  and f.evidence.sentence_start == s.span.start_char)]
            for m in origins:
                b.add(s.span, m.iso, dst.iso, [leave, m.start, k, dst.start], trigger=leave)


GAP_NUMBERS_R36 = frozenset({"million", "millions", "thousand", "thousands", "hundred", "hundreds", "half", "%",
                             "percent", "per", "cent"})
GAP_HEDGES_R36 = frozenset({"more", "than", "over", "about", "around", "some", "nearly", "almost", "roughly",
                            "approximately", "just", "under", "another", "a", "further", "up", "to", "close",
                            "each", "of", "them", "those", "the", "rest"})
GAP_PREPS_R36 = frozenset({"to", "into", "in"})


def _gapped_count(doc: Doc, W: list[str], a: int, b: int) -> bool:
    """Whether tokens [a, b) are a bare count ("600,000", "more than 400,000 each", "about 12 percent", "the rest"),
    the subject of a movement verb left out because the clause before it has it."""
    if a >= b:
        return False
    words = W[a:b]
    counted = any(doc[k].like_num or W[k] in GAP_NUMBERS_R36 for k in range(a, b)) or words[-2:] == ["the", "rest"]
    return counted and all(doc[k].like_num or w in GAP_NUMBERS_R36 or w in GAP_HEDGES_R36
                           for k, w in zip(range(a, b), words, strict=True))


def _count_before_prep(doc: Doc, W: list[str], k: int) -> bool:
    """Whether "to" or "into" before token ``k`` follows a count word ("600,000 to", "each to", "the rest to")."""
    return W[k - 1] in GAP_PREPS_R36 and (doc[k - 2].like_num or W[k - 2] in GAP_NUMBERS_R36 or
                                          W[k - 2] in {"each", "rest"})


def _gapped_destinations_r36(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r36: a statistic that names one destination with its movement verb and the others by count alone ("1.2
    million went to Chad, 300,000 to Egypt and about 90,000 each to Libya and Ethiopia", "60 percent went into
    Germany and 20 percent into Austria"): each country after ", <count> to" (and any country joined to it by
    "and") takes the origins this sentence already sends to the first country named after "to" or "into"; when the
    first clause names no origin ("1.2 million people went to Chad"), the story's main origin if the story
    already sends it to that first country, or else the one origin the story sends there. The verb is the first
    clause's (a movement word right before "to"), so its sense (a move, not a deportation) is already vetted."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        names = [m for m in s.mentions if m.kind == "name"]
        if len(names) < 2 or not any(_count_before_prep(doc, W, m.start - (W[m.start - 1] == "the"))
                                     for m in names[1:]):
            continue  # no ", <count> to B" in the sentence
        lo, hi = s.span.start_char, s.span.end_char
        sent_flows = [f for f in b.flows if lo <= f.evidence.start < hi]
        origins: set[str] = set()
        prev: _Mention | None = None
        gapped = False  # the country before came by a count ("400,000 each to Hungary and Moldova")
        for m in names:
            k = m.start - (1 if W[m.start - 1] == "the" else 0)
            prep = k - 1 >= s.span.start and W[k - 1] in GAP_PREPS_R36
            if prev is not None and origins and prep:
                gap = prev.end
                while gap < k - 1 and W[gap] in {",", "and", ";"}:
                    gap += 1
                if gap > prev.end and W[prev.end] in {",", ";", "and"} and _gapped_count(doc, W, gap, k - 1):
                    for o in sorted(origins - {m.iso}):
                        b.add(s.span, o, m.iso, [gap, m.start], trigger=k - 1)
                    prev, gapped = m, True
                    continue
            if gapped and prev is not None and origins and W[prev.end:k] in (["and"], [","], [",", "and"]):
                joined = k == prev.end + 1 or W[prev.end:k] == [",", "and"]
                if joined and not prep:  # "400,000 each to Hungary and Moldova": the second shares the count
                    for o in sorted(origins - {m.iso}):
                        b.add(s.span, o, m.iso, [m.start], trigger=None)
                    prev = m
                    continue
            gapped = False
            origins = {f.origin for f in sent_flows if f.destination == m.iso} if prep and W[k - 1] != "in" else set()
            if prep and not origins and W[k - 1] != "in" and s.triggers.get(k - 2) in {"move", "depart", "arrive"}:
                went = {f.origin for f in b.flows if f.destination == m.iso}  # "1.2 million people went to Chad"
                origins = {main} if main in went else went if len(went) == 1 else set()
            prev = m


REPORTED_RISE_R36 = frozenset({"reported", "recorded", "registered", "seen", "noted", "observed", "saw", "report",
                               "reporting", "recording"})
RISE_NOUNS_R36 = frozenset({"increase", "rise", "surge", "jump", "spike", "uptick", "influx", "wave", "number",
                            "numbers", "growth"})
ARRIVAL_NOUNS_R36 = frozenset({"arrivals", "arrival", "entries", "crossings", "asylum", "asylum-seekers", "refugees",
                               "migrants", "visitors", "travellers", "travelers"})
HOST_LIST_WORDS_R36 = frozenset({",", "and", "have", "has", "had", "also", "both", "all", "like", "as", "well",
                                 "the", "too", "similarly", "already"})


def _listed_hosts_report_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "Spain and Greece have, as has Italy, recorded a jump in Libyan arrivals": states listed
    as the subject of a verb of reporting or seeing (nothing but the list, "have", "like", "as well as" before the
    verb), whose object is a rise or a number of arrivals of a nationality (the demonym right before the arrival
    noun, a rise noun within the three words after the verb): that nationality -> each listed state, the one of an
    aside ("like X") too."""
    doc = b.doc
    W = doc_lowers(doc)
    if doc_word_set(doc).isdisjoint(REPORTED_RISE_R36):
        return
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military or s.mentions[0].start - s.span.start > 2:
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions}
        k, hosts = start, []
        while k < end:
            m = by_start.get(k)
            if m is not None and m.kind == "name":
                hosts.append(m)
                k = m.end
            elif W[k] in HOST_LIST_WORDS_R36:
                k += 1
            else:
                break
        if not hosts or k >= end or W[k] not in REPORTED_RISE_R36:
            continue
        verb = k
        rise = next((j for j in range(verb + 1, min(verb + 4, end)) if W[j] in RISE_NOUNS_R36), None)
        if rise is None:
            continue
        for j in range(rise + 1, min(rise + 8, end)):
            if W[j] not in ARRIVAL_NOUNS_R36:
                continue
            nat = next((m for m in s.mentions if m.end == j and m.kind == "demonym"), None)
            if nat is None:
                break
            for h in hosts:
                b.add(s.span, nat.iso, h.iso, [h.start, verb, nat.start], trigger=verb)
            break


SAID_FROM_SUBJECTS_R36 = frozenset({"many", "most", "some", "others", "they", "all", "several", "majority", "of",
                                    "them", "those", "the", "nearly", "almost", "about", "half", "few", "a",
                                    "said", "say", "says", "told", "reporters", "and", "but", "while"})
SAID_FROM_VERBS_R36 = frozenset({"were", "are", "was", "is", "came", "come", "hailed", "hail"})
SAID_FROM_ADVERBS_R36 = frozenset({"originally", "mostly", "mainly", "largely", "chiefly", "primarily", "all",
                                   "also"})
SAID_FROM_JOINERS_R36 = frozenset({",", ";", "and", "or", "while", "others", "other", "some", "were", "are", "from",
                                   "the", "rest", "many", "came", "as", "well"})


COPULA_DEMONYMS_R37 = frozenset({"are", "were"})
COPULA_DEMONYM_JOINERS_R37 = frozenset({",", "and", "or", "the", "mostly", "mainly", "largely", "chiefly",
                                       "primarily"})


def _copula_demonyms_r37(doc: Doc, W: list[str], k: int, end: int, by_start: dict[int, _Mention]) -> list[_Mention]:
    """r37: the plural demonyms right after "most are" / "they were" ("mostly Iraqis and Syrians"): who the people
    are, in a list joined by commas and "and"/"or" (a trailing "including Kurds" or clause ends it)."""
    out: list[_Mention] = []
    j = k
    while j < end:
        m = by_start.get(j)
        if m is not None and m.kind == "demonym":
            if not _plural_demonym(_surface(doc, m), _people_in_lex()):
                return []  # "most are Iraqi citizens": a noun after it, left to the other rules
            if m.end < end and W[m.end] not in COPULA_DEMONYM_JOINERS_R37 and not doc[m.end].is_punct:
                return []
            out.append(m)
            j = m.end
        elif W[j] in COPULA_DEMONYM_JOINERS_R37:
            j += 1
        else:
            break
    return out


def _origins_said_after_arrival_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "Some 300 asylum seekers reached Austria overnight. Most said they were from Eritrea; others
    were from Sudan.": a sentence whose subject is only a quantifier or pronoun taking up people
    ("Many", "Most of them", "Some said they") and whose verb is a copula or "came" before "from" and a list of
    countries gives the origins of the people (a group word, or "those who arrived") the sentence right before
    brought to one country (a destination or place of that sentence after "in", "to" or "at", with an arrival or
    movement word): each listed country -> that country."""
    doc = b.doc
    W = doc_lowers(doc)
    for n in range(1, len(sentences)):
        s, before = sentences[n], sentences[n - 1]
        if not s.mentions or s.deport or s.military or before.deport or before.military:
            continue
        start, end = s.span.start, s.span.end
        k = start
        while k < end and W[k] in SAID_FROM_SUBJECTS_R36:
            k += 1
        if k == start or k >= end or W[k] not in SAID_FROM_VERBS_R36 or not {"many", "most", "some", "they",
                                                                                  "all", "several", "majority",
                                                                                  "half", "few"} & set(W[start:k]):
            continue
        k += 1
        while k < end and W[k] in SAID_FROM_ADVERBS_R36:
            k += 1
        by_start = {m.start: m for m in s.mentions}
        origins: list[_Mention] = []
        j = k + 1
        if k < end and W[k] != "from" and W[k - 1] in COPULA_DEMONYMS_R37:
            origins = _copula_demonyms_r37(doc, W, k, end, by_start)  # r37: "Most are Iraqis and Syrians."
            k, j = k - 1, end
        elif k >= end or W[k] != "from":
            continue
        while j < end:
            m = by_start.get(j) or by_start.get(j + 1) if W[j] == "the" else by_start.get(j)
            if m is not None and m.kind == "name":
                origins.append(m)
                j = m.end
            elif W[j] in SAID_FROM_JOINERS_R36:
                j += 1
            else:
                break
        moves = [t for t, kind in before.triggers.items() if kind in {"arrive", "move"}]
        if not origins or not moves or not (before.has_group or any(W[t - 1] == "who" for t in moves)):
            continue
        dests = {m.iso for m in before.mentions if m.kind in {"name", "place"} and (
            m.role in {"DST", "LOC"} or m.role is None and W[m.start - 1 - (W[m.start - 1] == "the")] in {
                "in", "to", "into", "around", "at"})}
        if len(dests) != 1:
            continue
        dest = next(iter(dests))
        for m in origins:
            b.add(s.span, m.iso, dest, [k, m.start], trigger=k)
        vias = [m for m in s.mentions if m.role == "VIA" and m.kind == "name" and m.start > origins[-1].start
                and m.iso != dest and m.iso not in {o.iso for o in origins}]
        if vias and W[vias[0].start - 1] == "via" and not {"or", "either", "like", "such"} & set(
                W[vias[0].start:vias[-1].start]):  # r37: "they come from A via B and C": the last leg C -> there
            b.add(s.span, vias[-1].iso, dest, [k, vias[-1].start], trigger=k)


LIVED_IN_R36 = (("had", "been", "living", "in"), ("had", "lived", "in"), ("were", "living", "in"),
                ("was", "living", "in"), ("have", "been", "living", "in"), ("has", "been", "living", "in"))
LIVED_HEDGES_R36 = frozenset({"not", "never", "wanted", "want", "hope", "hoped", "hopes", "plan", "plans",
                              "planned", "if", "would", "could", "might", "may", "refused", "tried", "considering"})


def _lived_then_moved_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "the couple had been living in Peru since 2018 and then moved on to Canada", "many who had lived in
    Ecuador for a decade travelled to Mexico", "she had been living in Iran before she left for Turkey": people
    who had been living in one country and then went to another (a movement word of kind move, arrive or depart
    later in the sentence, the second country right after its "to" or "for") left from the first one: first ->
    second. No hedge or negation between the two ("wanted to come", "never left for")."""
    doc = b.doc
    W = doc_lowers(doc)
    if "living" not in (present := doc_word_set(doc)) and "lived" not in present:
        return
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions}
        for i in range(start, end - 3):
            if W[i] not in {"had", "were", "was", "have", "has"}:
                continue
            phrase = next((p for p in LIVED_IN_R36 if tuple(W[i:i + len(p)]) == p), None)
            if phrase is None:
                continue
            k = i + len(phrase)
            home = by_start.get(k + 1 if W[k] == "the" else k)
            if home is None or home.kind != "name":
                continue
            for t in sorted(j for j in s.triggers if home.end < j < min(end, home.end + 16)):
                if s.triggers[t] not in {"move", "arrive", "depart"} or \
                        not LIVED_HEDGES_R36.isdisjoint(W[home.end:t]):
                    continue
                j = t + 1
                while j < end and W[j] in {"back", "north", "south", "on"}:
                    j += 1
                if j >= end or W[j] not in {"to", "for", "into"}:
                    continue
                dest = by_start.get(j + 2 if j + 1 < end and W[j + 1] == "the" else j + 1)
                if dest is not None and dest.kind == "name" and dest.iso != home.iso:
                    b.add(s.span, home.iso, dest.iso, [home.start, t, dest.start], trigger=t)
                break


GAPPED_HOST_JOINERS_R36 = ((",",), ("and",), (",", "and"), (";",), (";", "and"))


def _gapped_hosts_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "Chad hosts 700,000 Sudanese refugees, Egypt 450,000 and Libya about 80,000", "Colombia has
    taken in 2.5 million Venezuelans, Peru 1.5 million and Ecuador 500,000": a host that opens the sentence with
    people sent to it, and other countries after it each followed by a bare count only (the verb and the people
    left out): the origins this sentence sends to the first host -> each of them."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military or s.mentions[0].role != "DST":
            continue
        names = [m for m in s.mentions if m.kind == "name"]
        if len(names) < 2:
            continue
        start, end = s.span.start, s.span.end
        host = names[0]
        if host.role != "DST" or host.start - start > 2:
            continue
        lo, hi = s.span.start_char, s.span.end_char
        origins = {f.origin for f in b.flows if lo <= f.evidence.start < hi and f.destination == host.iso}
        if not origins:
            continue
        for m in names[1:]:
            if m.role not in {None, "LOC"} or not any(tuple(W[m.start - len(j):m.start]) == j
                                                       for j in GAPPED_HOST_JOINERS_R36):
                continue
            k = m.end
            while k < end and (doc[k].like_num or W[k] in GAP_NUMBERS_R36 or W[k] in GAP_HEDGES_R36):
                k += 1
            if k == m.end or not any(doc[j].like_num for j in range(m.end, k)) or \
                    k < end and W[k] not in {",", "and", ";", ".", ")"}:
                continue
            for o in sorted(origins - {m.iso}):
                b.add(s.span, o, m.iso, [host.start, m.start], trigger=None)


CAME_FROM_VERBS_R36 = frozenset({"came", "come", "comes", "coming", "arrived", "arriving", "arrive", "arrives",
                                 "travelled", "traveled", "crossed", "entered"})


def _nationals_came_from_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "police said most of the Syrians had come from Lebanon", "most of the Afghans who reached
    Austria came from Iran": nationals of one country (the nearest demonym before the verb, one the sentence already
    sends to a destination) who "came from" another country left from there: that country -> the same destination,
    a transit leg beside the nationals' own flow."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military or not any(
                m.kind == "name" and W[m.start - 1] == "from" and W[m.start - 2] in CAME_FROM_VERBS_R36
                for m in s.mentions):
            continue
        lo, hi = s.span.start_char, s.span.end_char
        sent_flows = [f for f in b.flows if lo <= f.evidence.start < hi]
        if not sent_flows:
            continue
        demonyms = [m for m in s.mentions if m.kind == "demonym"]
        for m in s.mentions:
            if m.kind != "name" or m.start - 2 < s.span.start or W[m.start - 1] != "from" or \
                    W[m.start - 2] not in CAME_FROM_VERBS_R36:
                continue
            nat = next((d for d in reversed(demonyms) if d.end <= m.start - 2), None)
            if nat is None or nat.iso == m.iso:
                continue
            for f in sent_flows:
                if f.origin == nat.iso and f.destination != m.iso:
                    b.add(s.span, m.iso, f.destination, [nat.start, m.start], trigger=m.start - 2)


CARRIER_VERBS_R36 = frozenset({"catch", "take", "board", "get", "hop"})
CARRIER_NOUNS_R36 = frozenset({"flight", "flights", "train", "trains", "bus", "buses", "plane", "ferry", "ferries",
                               "boat", "ship", "coach"})
CARRIER_HEDGES_R36 = frozenset({"not", "never", "no", "unable", "refused", "banned", "barred", "stopped", "denied",
                                "cancelled", "canceled", "suspended"})


def _onward_carrier_r36(b: _Builder, sentences: list[_Sentence]) -> None:
    """r36: "she drove to Norway to take a plane to Canada", "Syrians go to Istanbul to board a ferry to
    Greece", "in Serbia, many wait to board a train for Hungary": a country reached (the nearest
    country before, at most twelve words back, where the sentence sends people or that follows "inside", "in" or
    "to") and then left by a carrier boarded "to" or "for" another country: the first -> the second, and the
    origins the sentence sends to the first -> the second too."""
    doc = b.doc
    W = doc_lowers(doc)
    present = doc_word_set(doc)
    if present.isdisjoint(CARRIER_NOUNS_R36) or present.isdisjoint(CARRIER_VERBS_R36):
        return
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        by_start = {m.start: m for m in s.mentions}
        lo, hi = s.span.start_char, s.span.end_char
        for i in range(start + 1, end - 3):
            if W[i] != "to" or W[i + 1] not in CARRIER_VERBS_R36:
                continue
            k = i + 2
            while k < end and W[k] in {"a", "an", "the", "connecting", "direct", "onward", "another", "special"}:
                k += 1
            if k >= end or W[k] not in CARRIER_NOUNS_R36:
                continue
            k += 1
            if k < end and W[k] == "bound":
                k += 1
            if k >= end or W[k] not in {"to", "for"}:
                continue
            dest = by_start.get(k + 1 + (k + 1 < end and W[k + 1] == "the"))
            if dest is None or dest.kind not in {"name", "place"} or not CARRIER_HEDGES_R36.isdisjoint(W[start:i]):
                continue
            first = next((m for m in reversed(s.mentions) if m.end <= i and i - m.end <= 12 and m.kind in {
                "name", "place"} and (m.role == "DST" or W[m.start - 1] in {"inside", "in", "to", "into"})), None)
            if first is None or first.iso == dest.iso:
                continue
            b.add(s.span, first.iso, dest.iso, [first.start, i + 1, dest.start], trigger=i + 1)
            for f in [f for f in b.flows if lo <= f.evidence.start < hi and f.destination == first.iso]:
                if f.origin != dest.iso:
                    b.add(s.span, f.origin, dest.iso, [first.start, i + 1, dest.start], trigger=i + 1)


# ------------------------------------------------------------------------------------------------- round 36 (Q3l)

ANAPHOR_ENTRY_R36 = frozenset({"entered", "entering", "enter", "enters", "into", "reached", "reach", "reaching"})
ANAPHOR_ARRIVE_R36 = frozenset({"arrived", "arriving", "arrive", "arrives", "came", "come", "coming", "comes"})
ANAPHOR_LIST_FILLERS_R36 = frozenset({",", "mainly", "mostly", "largely", "chiefly", "primarily", "predominantly",
                                      "many", "most", "including", "illegally", "unlawfully", "irregularly"})
ANAPHOR_NOUNS_R36 = frozenset({"country", "nation"})
R31_ANAPHOR_HEADS_R36 = frozenset({"country", "territory", "soil"})  # last words of anaphora_border_r31 "anaphors"
COMPOSITION_ADVERBS_R36 = frozenset({"mainly", "mostly", "largely", "chiefly", "primarily", "predominantly"})
PEOPLE_AFTER_DEMONYM_R36 = frozenset({"citizens", "nationals", "men", "women"})


def _people_demonym_r36(doc: Doc, m: _Mention, limit: int) -> bool:
    """A demonym naming people before token ``limit``: a plural noun ("10,000 Russians", "Afghans") or the demonym of
    "citizens"/"nationals" ("Russian citizens"), not an adjective on anything else ("Russian goods")."""
    if m.kind != "demonym" or m.end >= limit:
        return False
    W, T = doc_lowers(doc), doc_texts(doc)
    text = T[m.end - 1]
    if W[m.end] in PEOPLE_AFTER_DEMONYM_R36:
        return True
    return m.end - m.start == 1 and text[:1].isupper() and text.endswith("s") and not text.endswith("ss") \
        and W[m.end] not in {"'", "’", "'s", "’s"}


def _anaphor_host_r36(sentences: list[_Sentence], n: int) -> str | None:
    """The country "the country" of sentence n stands for when that sentence names none before it: the country named
    (by name or a place in it) most often in the sentences before, at least twice and more often than any other."""
    counts = Counter(m.iso for s in sentences[:n] for m in s.mentions if m.kind in {"name", "place"})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _country_anaphora_before_r36(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """"Some 700 migrants came into the country last month, mostly from A, B and C" in a story about D
    (round 36): "the country" entered, reached or arrived in, when the sentence names no country before it, is the
    country the sentences before named most often (``_anaphor_host_r36``); the countries listed after "from" right
    after the anaphor (", mainly from"), or a demonym on the people noun before it, go there. The sentence needs a
    people word, no hedge, deportation or troops, and names no other country than its origins."""
    r = _r31_lex()
    if r is None or doc_word_set(b.doc).isdisjoint(ANAPHOR_NOUNS_R36):
        return
    W, L = doc_lowers(b.doc), doc_lemmas(b.doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for n, s in enumerate(sentences):
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        heads = _at(W, start + 2, end, ANAPHOR_NOUNS_R36)
        if not heads or r.people.isdisjoint(W[start:end]) and not any(
                _people_demonym_r36(b.doc, m, end) for m in s.mentions if m.kind == "demonym"):
            continue
        for k in (h - 1 for h in heads):
            if W[k] != "the":
                continue
            prev = W[k - 1]
            if not (prev in ANAPHOR_ENTRY_R36 or prev in {"in", "to"} and k - 2 >= start
                    and W[k - 2] in ANAPHOR_ARRIVE_R36):
                continue
            if any(m.start < k and m.kind in {"name", "place"} for m in s.mentions):
                break  # a country named before it: round 31's _country_anaphora reads that one
            after = k + 2
            j = after
            while j < end and j - after < 3 and W[j] in ANAPHOR_LIST_FILLERS_R36:
                j += 1
            if j >= end or W[j] != "from":  # "entering the country illegally at night, mostly from A and B"
                j = next((x for x in range(after + 1, min(end, after + 9)) if W[x] == "from"
                          and W[x - 1] in COMPOSITION_ADVERBS_R36), end)
            by_start = {m.start: m for m in s.mentions}
            origins = _list_after(W, j + 1, end, by_start, {"name"}) if j < end and W[j] == "from" else []
            origins += [m for m in s.mentions if m.kind == "demonym" and m.end < k and (
                W[m.end] in r.people or m.end + 1 < k and W[m.end + 1] in r.people or _people_demonym_r36(b.doc, m, k))]
            if not origins or any(m not in origins for m in s.mentions if m.kind != "demonym"):
                break
            if _r31_hedged(W, L, start, k, lex, r) or not LIST_HEDGES.isdisjoint(W[start:k]):
                break
            host = _anaphor_host_r36(sentences, n)
            if host is None or host in {m.iso for m in origins}:
                break
            for m in origins:
                if (m.iso, host) not in known:
                    b.add(s.span, m.iso, host, [k, m.start], trigger=k - 1)
                    known.add((m.iso, host))
            break


RESCUE_WORDS_R36 = frozenset({"rescued", "saved", "plucked", "picked"})
RESCUE_PEOPLE_R36 = frozenset({"migrants", "refugees", "people", "asylum-seekers", "seekers", "survivors",
                               "passengers", "men", "women", "children"})
TAKEN_IN_R36 = (("taken", "in", "by"), ("taken", "in", "by", "the"), ("taken", "in", "in"))


def _taken_in_by(doc: Doc, s: _Sentence) -> _Mention | None:
    """The one country a sentence's people "have been taken in by" (a state agreeing to receive rescued people)."""
    W = doc_lowers(doc)
    found = [m for m in s.mentions if m.kind in {"name", "place"} and any(
        m.start - len(p) >= s.span.start and tuple(W[m.start - len(p):m.start]) == p for p in TAKEN_IN_R36)]
    return found[0] if len({m.iso for m in found}) == 1 else None


def _rescued_lists_near_landing(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Twelve migrants, from A, B and C, were rescued off the coast of X", "a ship picked up 500 migrants from A and
    B" (round 36): people rescued or picked up whose countries are listed after "from" right after the people noun
    go to the country where the document's rescued people landed or were taken (a landing, "taken to <place>" or
    "taken in by <state>") in the nearest sentence up to four before or three after. The sentence names no country
    as a destination, no hedge or negation, no deportation or troops; "off the coast of X" is the sea, not an
    origin."""
    doc = b.doc
    words = doc_word_set(doc)
    if RESCUE_WORDS_R36.isdisjoint(words):
        return
    W, T = doc_lowers(doc), doc_texts(doc)
    lists = []
    for n, s in enumerate(sentences):
        if s.deport or not s.mentions:
            continue  # (troops and goods are no bar: "a cargo ship picked up 300 migrants from A")
        start, end = s.span.start, s.span.end
        rescue = [k for k in _at(W, start, end, RESCUE_WORDS_R36) if W[k] != "picked" or "up" in W[k + 1:k + 5]]
        if not rescue:
            continue
        by_start = {m.start: m for m in s.mentions}
        for j in _at(W, start + 1, end - 1, FROM):
            p = j - 1 - (W[j - 1] == ",")
            if p < start or W[p] not in RESCUE_PEOPLE_R36:
                continue
            found = _list_after(W, j + 1, end, by_start, {"name"})
            if not found:
                continue
            if not any(W[k] in LIST_HEDGES and T[k] != "May" for k in range(start, end)):
                lists.append((n, found, rescue[0]))  # (not under a hedge; the month "May" is none)
            break
    if not lists:
        return
    landings = [(n, p) for n, s in enumerate(sentences)
                if (p := _landing_place(doc, s) or _taken_to_place(doc, s) or _taken_in_by(doc, s)) is not None]
    if not landings:
        return
    known = {(f.origin, f.destination) for f in b.flows}
    for n, origins, trig in lists:
        s = sentences[n]
        near = sorted((abs(n - j), j > n, p) for j, p in landings if -3 <= n - j <= 4 and j != n)
        if not near:
            continue
        dest = near[0][2]
        isos = {m.iso for m in origins}
        if dest.iso in isos or any(m.role == "DST" and m.iso != dest.iso for m in s.mentions):
            continue
        sea = {m.iso for m in s.mentions if m.start - 2 >= s.span.start and W[m.start - 2:m.start] == ["coast", "of"]}
        b.flows = [f for f in b.flows if not (f.destination in sea and f.origin in isos  # rescued at sea off X
                                              and f.evidence.sentence_start == s.span.start_char)]
        for m in origins:
            if (m.iso, dest.iso) not in known:
                b.add(s.span, m.iso, dest.iso, [m.start, trig], trigger=trig)
                known.add((m.iso, dest.iso))


FROM_THERE_TO_R36 = frozenset({"to", "into", "reach", "reached", "reaching"})
FROM_THERE_MOVES_R36 = frozenset({"cross", "walk", "travel", "head", "continue", "go", "take", "drive", "sail", "fly",
                                  "trek", "hike", "move", "enter", "reach", "make"})


def _from_there_legs(b: _Builder, sentences: list[_Sentence]) -> None:
    """"Many took a bus up to A. From there they crossed the border into B" (round 36): a sentence opening with "From
    there" goes on from the one country the sentence right before took its people to (named after "to", "into" or
    "reach"), even when that sentence gave no flow (round 28's ``_journey_on`` needs one): A -> the one country the
    sentence names after "to"/"into"/"reach", with a movement word and no hedge, deportation or troops, naming no
    other country."""
    doc = b.doc
    if "there" not in doc_word_set(doc):
        return
    W, L, T = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for prev, s in zip(sentences, sentences[1:], strict=False):
        start, end = s.span.start, s.span.end
        if prev.span.end != start or W[start:start + 2] != ["from", "there"] or s.deport or s.military:
            continue
        if len({m.iso for m in s.mentions}) != 1 or not any(L[k] in FROM_THERE_MOVES_R36 for k in range(start, end)):
            continue
        if any(W[k] in LIST_HEDGES and T[k] != "May" for k in range(start, end)):
            continue
        dst = next((m for m in s.mentions if m.kind in {"name", "place"} and m.start - 1 >= start
                    and W[m.start - 1] in FROM_THERE_TO_R36), None)
        ps = prev.span.start
        stops = {m.iso for m in prev.mentions if m.kind in {"name", "place"} and m.start - 1 >= ps
                 and W[m.start - 1] in FROM_THERE_TO_R36}
        if dst is None or len(stops) != 1 or prev.deport or prev.military:
            continue
        stop = next(iter(stops))
        if stop != dst.iso and (stop, dst.iso) not in known:
            b.add(s.span, stop, dst.iso, [start, dst.start], trigger=dst.start - 1)
            known.add((stop, dst.iso))


CARRIER_LEG_NOUNS_R36 = frozenset({"buses", "bus", "trains", "train", "trucks", "lorries", "coaches", "vans",
                                   "ferries"})
CARRIER_LEG_VERBS_R36 = frozenset({"carried", "took", "transported", "brought", "ferried", "drove", "shuttled",
                                   "moved", "carry", "take", "transport", "bring", "ferry", "carrying", "taking",
                                   "transporting", "bringing", "ferrying"})
CARRIER_PEOPLE_R36 = frozenset({"migrants", "refugees", "people", "asylum-seekers", "seekers", "passengers",
                                "families", "evacuees"})


def _carrier_legs(b: _Builder, sentences: list[_Sentence]) -> None:
    """"A-ian buses carried hundreds of people to a crossing in B" (round 36): buses, trains or lorries of a state
    (its demonym right before the vehicle noun) carrying people (a group word within five words of the verb) to a
    place in another country (the first country named after the people within eight words) move them from the
    vehicle's state to that country. Not under a hedge, in sentences of deportation or troops."""
    doc = b.doc
    if CARRIER_LEG_NOUNS_R36.isdisjoint(doc_word_set(doc)):
        return
    W, T = doc_lowers(doc), doc_texts(doc)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        for m in s.mentions:
            v = m.end
            if m.kind != "demonym" or v + 1 >= end or W[v] not in CARRIER_LEG_NOUNS_R36 \
                    or W[v + 1] not in CARRIER_LEG_VERBS_R36:
                continue
            p = next((x for x in range(v + 2, min(end, v + 7)) if W[x] in CARRIER_PEOPLE_R36), None)
            if p is None:
                continue
            dst = next((d for d in sorted(s.mentions, key=lambda d: d.start) if p < d.start <= p + 8
                        and d.kind in {"name", "place"}), None)
            if dst is None or dst.iso == m.iso or "to" not in W[p:dst.start]:
                continue
            if any(W[x] in LIST_HEDGES and T[x] != "May" for x in range(start, end)):
                break
            if (m.iso, dst.iso) not in known:
                b.add(s.span, m.iso, dst.iso, [m.start, v + 1, dst.start], trigger=v + 1)
                known.add((m.iso, dst.iso))


# ------------------------------------------------------------------------------------------------- round 37 (Q2m)

TERRITORY_ENTRY_R37 = frozenset({("entered", "their", "territory"), ("entered", "their", "country"),
                                  ("entered", "its", "territory"), ("into", "their", "territory"),
                                  ("into", "its", "territory"), ("into", "their", "country"),
                                  ("in", "their", "territory"), ("arrived", "on", "their")})
TERRITORY_MIDDLE_R37 = frozenset(middle for _first, middle, _last in TERRITORY_ENTRY_R37)  # a cheap first test
TERRITORY_SPEAKER_HEADS_R37 = frozenset({"officials", "authorities", "government", "ministry", "police", "guards",
                                         "guard", "service", "agency", "office", "spokesman", "spokeswoman",
                                         "spokesperson", "interior", "border", "officers"})
TERRITORY_HEDGES_R37 = frozenset({"not", "no", "never", "would", "could", "might", "may", "if", "whether", "tried",
                                  "trying", "attempted", "attempting"})


def _their_territory_r37(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r37: "A-ian border officials reported that 5,000 people have entered their territory", "the A border service
    says N Ys came into its territory": one state speaking (a demonym before an authority word, or a country name, right
    before a reporting verb) and an entry into "their/its territory" after the verb: the nationalities named
    between the verb and the phrase, else the document's emigrants (``main``) -> that state."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        for at in range(start, end - 2):
            if W[at + 1] not in TERRITORY_MIDDLE_R37 or (W[at], W[at + 1], W[at + 2]) not in TERRITORY_ENTRY_R37:
                continue
            if W[at] in {"into", "in", "arrived"} and not any(at - 3 <= t <= at for t in s.triggers):
                continue
            verb = next((k for k in range(at - 1, start - 1, -1) if W[k] in REPORTING_VERBS), None)
            if verb is None or at - verb > 12 or not TERRITORY_HEDGES_R37.isdisjoint(W[verb:at]):
                continue
            k = verb - 1
            while k >= start and verb - k <= 3 and W[k] in TERRITORY_SPEAKER_HEADS_R37:
                k -= 1
            host = next((m for m in s.mentions if m.end == k + 1 and (
                m.kind == "demonym" and k + 1 < verb or m.kind == "name")), None)
            if host is None:
                continue
            movers = list(dict.fromkeys(m.iso for m in s.mentions if m.role == "NAT" and verb < m.start < at))
            if not movers and main and any(_is_group_lower(w) or w in {"people", "persons"} for w in W[verb:at]) \
                    and not any(verb < m.start < at for m in s.mentions):
                movers = [main]
            for o in movers:
                if o != host.iso:
                    b.add(s.span, o, host.iso, [host.start, verb, at], trigger=at)


INFLOW_OPENERS_R37 = (("due", "to"), ("because", "of"), ("amid",), ("following",), ("in", "response", "to"),
                      ("faced", "with"), ("facing",), ("after",))
INFLOW_NOUNS_R37 = INFLOW_NOUNS | {"arrivals", "influxes"}
SUBJECT_VERB_STARTS_R37 = frozenset({"has", "have", "had", "is", "was", "will", "would", "declared", "introduced",
                                     "closed", "imposed", "announced", "decided", "sent", "deployed", "built",
                                     "began", "started", "tightened", "reinforced", "asked", "called"})


def _inflow_opener_r37(b: _Builder, sentences: list[_Sentence]) -> None:
    """r37: "Due to the influx of refugees from A and the crisis at the border, B has declared an emergency",
    "Amid a surge of X-ian arrivals, B closed its border": an opening phrase on an influx (an inflow noun in it),
    with the people's origin after "from" (SRC) or their nationality (NAT) and no destination of its own, ended by
    a comma and the main clause's subject, a country name right before its verb: origin -> that country."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        k = start
        while k < end and (doc[k].is_punct or W[k] in {"but", "and", "yet"}):
            k += 1
        opener = next((o for o in INFLOW_OPENERS_R37 if tuple(W[k:k + len(o)]) == o), None)
        if opener is None:
            continue
        host = next((m for m in s.mentions if m.kind == "name" and m.start > k + 1 and (W[m.start - 1] == "," or (
                     W[m.start - 1] == "the" and W[m.start - 2] == ","))
                     and m.end < end and W[m.end] in SUBJECT_VERB_STARTS_R37), None)
        if host is None or not any(w in INFLOW_NOUNS_R37 for w in W[k:host.start]) \
                or not any(w.rstrip("s") + "s" in _lex().refugee_groups for w in W[k:host.start]):
            continue  # (refugees, migrants, asylum seekers: not "an influx of tourists")
        inside = [m for m in s.mentions if k < m.start < host.start]
        if any(m.role in {"DST", "REFIN"} or m.iso == host.iso for m in inside):
            continue
        for m in inside:
            if m.role == "SRC" and W[m.start - 1 - (W[m.start - 1] == "the")] == "from" or m.role == "NAT":
                b.add(s.span, m.iso, host.iso, [m.start, host.start], trigger=m.trigger)


DESTINATION_NOUNS_R37 = frozenset({"destinations", "destination"})
DESTINATION_COPULAS_R37 = frozenset({"are", "were", "remain", "remained", "became", "become", "included", "include",
                                     "is", "was"})
DESTINATION_FILLERS_R37 = frozenset({"the", "most", "common", "popular", "main", "top", "biggest", "largest",
                                     "preferred", "favoured", "favored", "favourite", "favorite", "subsequent", "key",
                                     "leading", "primary", "new", "three", "two", "four", "five", "their", "its",
                                     "onward", "final", "chief", "principal"})
DESTINATION_HEDGES_R37 = frozenset({"not", "no", "would", "could", "might", "may", "if", "whether", "planned", "hope",
                                    "hoped", "want", "wanted", "tourist", "tourists", "holiday", "travel", "investment",
                                    "export", "exports", "trade"})


def _destination_list_r37(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r37: "A, B and C were the favourite destinations of those travelling on", "the top destinations for X-ian
    refugees were A, B and C": a list of countries joined to "destinations" by a copula names where the people
    went: the sentence's nationalities (NAT, outside the list), else the document's emigrants (``main``) -> each
    listed country. Not for tourists, trade or a hedged or planned move."""
    doc = b.doc
    W = doc_lowers(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if not DESTINATION_HEDGES_R37.isdisjoint(W[start:end]):
            continue
        d = next((k for k in range(start, end) if W[k] in DESTINATION_NOUNS_R37), None)
        if d is None:
            continue
        names = sorted((m for m in s.mentions if m.kind == "name"), key=lambda m: m.start)
        listed: list[_Mention] = []
        c = next((k for k in range(start, d) if W[k] in DESTINATION_COPULAS_R37), None)
        if c is not None and names and names[0].start <= start + 1 and all(
                w in DESTINATION_FILLERS_R37 for w in W[c + 1:d]):
            listed = [names[0]]  # "A, B and C are the most common destinations"
            for m in names[1:]:
                if m.start >= c or not all(w in {",", "and", "the"} for w in W[listed[-1].end:m.start]):
                    break
                listed.append(m)
            if listed[-1].end != c:
                listed = []
        if not listed:
            c = next((k for k in range(d + 1, min(d + 8, end)) if W[k] in DESTINATION_COPULAS_R37), None)
            after = [m for m in names if c is not None and m.start > c]
            if after and all(w in DESTINATION_FILLERS_R37 for w in W[start:d] if w not in {","}) \
                    and after[0].start <= c + 2:
                listed = [after[0]]  # "the top destinations ... were A, B and C"
                for m in after[1:]:
                    if not all(w in {",", "and", "the"} for w in W[listed[-1].end:m.start]):
                        break
                    listed.append(m)
        if not listed:
            continue
        inside = {id(m) for m in listed}
        origins = list(dict.fromkeys(m.iso for m in s.mentions if m.role == "NAT" and id(m) not in inside))
        if not origins and main and any(_is_group_lower(w) or w in {"people", "those"} for w in W[start:end]):
            origins = [main]
        for o in origins:
            for m in listed:
                if m.iso != o:
                    b.add(s.span, o, m.iso, [m.start, d], trigger=None)


# --- round 38 (F38): flows: more origins, direction ---
TAKE_REFUGE_R38 = frozenset({"refuge", "sanctuary"})  # "took refuge in A" (not "took shelter": a storm, a cellar)
ENTRY_LEMMAS_R38 = frozenset({"enter", "come", "arrive", "cross", "pour", "stream", "flow", "influx", "arrival",
                              "entry", "crossing", "inflow"})
ENTRY_FILLERS_R38 = frozenset({"in", "into", "directly", "mainly", "mostly", "illegally", "the", "neighbouring",
                               "neighboring", "nearby"})


def _entered_from_r38(W: list[str], ms: list[_Mention], iso: str, trig: int, start: int) -> bool:
    """r38: "Poland sees X-ian migrants trying to enter from B", "an influx of Xs coming in from B": a country
    right after "from" that follows an entry or arrival word (within five words, fillers "in", "illegally" allowed)
    is the side the people entered from, not a country the nationality's holders were living in: NAT -> B is no
    leg that the story states (B -> the destination stays). True when every SRC mention of the country is such."""
    found = False
    for m in ms:
        if m.iso != iso or m.role != "SRC":
            continue
        if m.start <= trig or m.start - trig > 5:
            return False
        k = m.start - 1
        while k > trig and W[k] in ENTRY_FILLERS_R38:
            k -= 1
        if W[k] != "from":
            return False
        k -= 1
        while k > trig and W[k] in ENTRY_FILLERS_R38:
            k -= 1
        if k != trig:
            return False
        found = True
    return found


CO_HOST_CUES_R38 = frozenset({"like", "as", "after"})
CO_HOST_FILLERS_R38 = frozenset({"neighbouring", "neighboring", "nearby", "fellow", "its", "neighbour", "neighbor"})
INFLOW_OF_QUALIFIERS_R38 = CAME_ADVERBS_R37 | {"the", "thousands", "hundreds", "of"}


def _facing_inflow_r38(b: _Builder, sentences: list[_Sentence]) -> None:
    """r38: "A has faced an influx of mostly X-ian migrants", "A, like neighbouring B, has seen a wave of Xs coming
    in from C": the nationality right after "<inflow noun> of" (only adverbs between) goes to the country facing
    the influx, and a co-host set off by commas ("like", "as") faces it too, with the countries the people come
    from or through (``_facing_inflow`` reads a nationality before the noun and one host)."""
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        end = s.span.end
        by_start = {m.start: m for m in s.mentions}
        for host in s.mentions:
            if host.kind != "name" or host.role not in {None, "LOC"}:
                continue
            hosts, k = [host], host.end
            if W[k:k + 1] == [","] and k + 1 < end and W[k + 1] in CO_HOST_CUES_R38:
                j = k + 2
                while j < end and W[j] in CO_HOST_FILLERS_R38:
                    j += 1
                co = by_start.get(j)
                if co is None or co.kind != "name" or W[co.end:co.end + 1] != [","]:
                    continue
                hosts.append(co)
                k = co.end + 1
            verb = next((t for t in range(k, min(k + 3, end)) if L[t] in FACING_LEMMAS), None)
            if verb is None:
                continue
            noun = next((t for t in range(verb + 1, min(verb + 9, end)) if W[t] in INFLOW_NOUNS), None)
            if noun is None:
                continue
            movers = []
            for m in s.mentions:
                if m.start <= noun or any(m.iso == h.iso for h in hosts):
                    continue
                if m.role == "NAT" and W[noun + 1:noun + 2] == ["of"] and m.start - noun <= 4 and all(
                        w in INFLOW_OF_QUALIFIERS_R38 for w in W[noun + 1:m.start]):
                    movers.append(m)
                elif len(hosts) > 1 and (m.role == "VIA" or _surge_from_r37(W, m, noun, end)):
                    movers.append(m)
            for m in movers:
                for h in hosts:
                    b.add(s.span, m.iso, h.iso, [h.start, m.start, noun], trigger=noun)


WHERE_SUBJECTS_R38 = frozenset({"many", "most", "some", "thousands", "hundreds", "millions", "tens", "people",
                                "refugees", "migrants", "they", "others", "numbers", "scores"})
WHERE_SUBJECT_FILLERS_R38 = frozenset({"of", "them", "more", "large", "huge", "great", "so", "already", "now",
                                       "since", "have", "has", "had", "also", "recently", "reportedly"})
WHERE_VERBS_R38 = frozenset({"fled", "gone", "went", "moved", "escaped", "relocated", "sought", "arrived", "headed",
                             "travelled", "traveled", "emigrated", "crossed", "settled", "poured", "flocked",
                             "found"})
WHERE_LIST_GAP_R38 = frozenset({"—", "–", "-", ",", "("})


def _where_many_went_r38(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r38: "Xs can go to A, B and C — where many have fled since the call-up", "A and B, where thousands of
    people sought refuge": a list of country names closed right before "where" with a plural or quantifier
    subject and a past movement verb after it: the sentence's nationalities before the list, else the
    document's emigrants (``main``) -> each listed country. No modal verb may stand between ("where many could
    flee"), nor a negation."""
    doc = b.doc
    W = doc_lowers(doc)
    if "where" not in doc_word_set(doc):
        return
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if "where" not in W[start:end]:
            continue
        for k in range(start + 1, end - 2):
            if W[k] != "where":
                continue
            j = k + 1
            if W[j] not in WHERE_SUBJECTS_R38 and not doc[j].like_num:
                continue
            j += 1
            while j < end and (W[j] in WHERE_SUBJECT_FILLERS_R38 or W[j] in WHERE_SUBJECTS_R38 or doc[j].like_num):
                j += 1
            if j >= end or W[j] not in WHERE_VERBS_R38:
                continue
            by_end = {m.end: m for m in s.mentions}
            e = k
            while e > start and e not in by_end and W[e - 1] in WHERE_LIST_GAP_R38:
                e -= 1
            listed: list[_Mention] = []
            while (m := by_end.get(e)) is not None and m.kind == "name" and m.role not in {"NAT", "SRC"}:
                listed.append(m)
                e = m.start
                while e > start and W[e - 1] in {",", "and", "or"}:
                    e -= 1
            if not listed:
                continue
            isos = {m.iso for m in listed}
            first = min(m.start for m in listed)
            movers = list(dict.fromkeys(m.iso for m in s.mentions if m.start < first and m.role == "NAT"
                                        and m.iso not in isos))
            movers += [iso for _, iso in s.ethnic if iso not in isos and iso not in movers]
            if not movers and main and main not in isos:
                movers = [main]
            for o in movers:
                for m in listed:
                    b.add(s.span, o, m.iso, [m.start, k, j], trigger=j)


HOST_RANK_CUES_R38 = frozenset({"host", "hosts", "destination", "destinations", "affected", "recipient",
                                "receiving", "hosting"})


def _followed_by_r38(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r38: rankings "most came from A, followed by B and C", "A is the main host, followed by B, C and D": the
    countries listed after "followed by" take A's place in A's flows — in the sentence's own flows first, else in
    the document's, when A is there the destination of one origin only (or the origin of one destination only)."""
    doc = b.doc
    W = doc_lowers(doc)
    if "followed" not in doc_word_set(doc):
        return
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        if "followed" not in W[start:end]:
            continue
        for k in range(start + 1, end - 2):
            if W[k] != "followed" or W[k + 1] != "by":
                continue
            before = [m for m in s.mentions if m.end <= k and k - m.end <= 12]
            if not before:
                continue
            a = before[-1]
            by_start = {m.start: m for m in s.mentions}
            listed: list[_Mention] = []
            e = k + 2
            while (m := by_start.get(e)) is not None and (m.kind == "name") == (a.kind == "name"):
                listed.append(m)
                e = m.end
                while e < end and W[e] in {",", "and", "then"}:
                    e += 1
            isos = [m.iso for m in listed if m.iso != a.iso]
            if not isos:
                continue
            here = [f for f in b.flows if s.span.start_char <= f.evidence.start < s.span.end_char]
            into = {f.origin for f in here if f.destination == a.iso}
            out = {f.destination for f in here if f.origin == a.iso}
            if not into and not out:
                into = {f.origin for f in b.flows if f.destination == a.iso}
                out = {f.destination for f in b.flows if f.origin == a.iso}
                if not into and not out and main and a.kind == "name" and a.role in {None, "LOC", "DST"} \
                        and main != a.iso and not HOST_RANK_CUES_R38.isdisjoint(W[a.end:k]):
                    into = {main}  # "A is the main host country, followed by B and C" in a story of one exodus
                    b.add(s.span, main, a.iso, [a.start, k], trigger=k)
                if len(into) + len(out) != 1:
                    continue
            for x in isos:
                for o in sorted(into - {x}):
                    b.add(s.span, o, x, [a.start, k, by_start_of(listed, x)], trigger=k)
                for d in sorted(out - {x}):
                    b.add(s.span, x, d, [a.start, k, by_start_of(listed, x)], trigger=k)


def by_start_of(listed: list[_Mention], iso: str) -> int:
    return next(m.start for m in listed if m.iso == iso)


ALLEGED_R38 = (("been", "accused", "of"), ("accused", "of"), ("alleged", "to", "have"), ("said", "to", "have"),
               ("reported", "to", "have"), ("been", "blamed", "for"))


def _subject_of_alleged_r38(doc: Doc, m: _Mention, d: int, start: int, lex: _Lex) -> bool:
    """r38: a state that "has been accused of pushing back" asylum seekers, "is said to have deported" them, or that
    someone "accused ... of pushing back": the state doing the deportation word across an allegation
    (``_subject_of`` allows auxiliaries only)."""
    W = doc_lowers(doc)
    if m.start > start and W[m.start - 1] in {"accused", "accuse", "accuses", "accusing", "blamed", "blame",
                                              "blames"} and W[m.end:m.end + 1] in (["of"], ["for"]):
        return m.end + 1 == d  # "rights groups accused A of pushing migrants back"
    j = m.end
    while j < d and (W[j] in AUXILIARIES or W[j] in {"'s", "’s", "also", "repeatedly", "widely"}):
        if W[j] == "been" and tuple(W[j:j + 3]) in ALLEGED_R38:
            break
        j += 1
    phrase = next((p for p in ALLEGED_R38 if tuple(W[j:j + len(p)]) == p), None)
    if phrase is None:
        return False
    j += len(phrase)
    return j == d and m.start >= start


def _capital_deporter_r38(doc: Doc, m: _Mention, d: int, start: int, lex: _Lex) -> bool:
    """r38: a capital standing for its government as the subject of a deportation word ("Rome deported 40
    migrants to A", "Rome stands accused of pushing back boat people to A")."""
    from extractors.policies import capitals

    if capitals().get(doc[m.start:m.end].text) != m.iso:
        return False
    return _subject_of(doc, m, d, start, lex) or _subject_of_alleged_r38(doc, m, d, start, lex)


PLANE_NOUNS_R38 = FLIGHT_NOUNS | {"airplanes", "airplane", "aircraft", "jets", "jet", "airliner", "airliners"}
PICKUP_VERBS_R38 = frozenset({"take", "pick", "collect", "fetch", "bring", "repatriate", "evacuate", "return",
                              "retrieve", "carry", "fly"})
OUT_EMPTY_R38 = frozenset({"empty", "empty-handed"})


def _pickup_flight_r38(b: _Builder, sentences: list[_Sentence]) -> None:
    """r38: "Two planes took off from A to B to take home 600 Xs stuck in B", "the planes arrived empty from A to
    B": the aircraft's way out from A to B carries no one; its purpose after it (pick up, bring back, repatriate
    people stranded in B, or "empty") says the people go B -> A. The A -> B pair of that sentence (and a
    nationality of A sent to B) is dropped, and B -> A added when people are picked up."""
    doc = b.doc
    W, L = doc_lowers(doc), doc_lemmas(doc)
    if PLANE_NOUNS_R38.isdisjoint(doc_word_set(doc)):
        return
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        start, end = s.span.start, s.span.end
        if PLANE_NOUNS_R38.isdisjoint(W[start:end]):
            continue
        plane = next((k for k in range(start, end) if W[k] in PLANE_NOUNS_R38), None)
        if plane is None:
            continue
        by_start = {m.start: m for m in s.mentions if m.kind in {"name", "place"}}
        for k in range(plane + 1, end - 3):
            if W[k] != "from" or (a := by_start.get(k + 1)) is None:
                continue
            t = a.end
            if W[t:t + 1] != ["to"] or (d := by_start.get(t + 1)) is None or d.iso == a.iso:
                continue
            empty = not OUT_EMPTY_R38.isdisjoint(W[plane:k])
            purpose = next((j for j in range(d.end, min(d.end + 8, end - 1)) if W[j] == "to" and L[j + 1]
                            in PICKUP_VERBS_R38), None)
            if not empty and (purpose is None or not RETURN_FLIGHT_HEDGES.isdisjoint(W[start:purpose])
                              or STRANDED_WORDS.isdisjoint(W[purpose:end]) and "home" not in W[purpose:end]
                              and "back" not in W[purpose:end]):
                continue
            lo, hi = s.span.start_char, s.span.end_char
            b.flows = [f for f in b.flows if not (lo <= f.evidence.start < hi and f.destination == d.iso
                                                  and f.origin == a.iso)]
            if not empty:
                b.add(s.span, d.iso, a.iso, [plane, a.start, d.start, purpose], trigger=purpose)


GO_BACK_VERBS_R38 = frozenset({"went", "gone", "go", "going", "goes", "headed", "heading", "head", "heads", "came",
                               "come", "coming", "comes", "fled", "fleeing", "moved", "moving", "travelled",
                               "traveled", "travelling", "traveling", "flocked", "streamed", "streaming", "trekked"})
GO_BACK_HEDGES_R38 = frozenset({"want", "wants", "wanted", "hope", "hopes", "hoping", "plan", "plans", "planning",
                                "afraid", "refuse", "refused", "unable", "cannot", "can't", "dream", "dreams",
                                "forced", "urged", "told", "asked", "encouraged", "ready", "reluctant", "wish"})
STAYED_ROLES_R38 = frozenset({"DST", "REFIN", "LOC"})


def _went_back_r38(b: _Builder, sentences: list[_Sentence], lex: _Lex) -> None:
    """r38: "Xs who fled to B have gone back to X", "X-ian refugees in B went back home", "are now heading back
    home": people going back (a movement verb + "back"/"home") leave the country the sentence put them in (a
    destination they had fled to, "refugees in B", or "from B" after the verb) for the country after "back to",
    else, for "home", the group's one nationality: B -> X. Not when negated, hoped for, planned or urged."""
    doc = b.doc
    W = doc_lowers(doc)
    words = doc_word_set(doc)
    if "back" not in words and "home" not in words or GO_BACK_VERBS_R38.isdisjoint(words):
        return
    for s in sentences:
        if not s.mentions or s.military or s.deport:
            continue
        start, end = s.span.start, s.span.end
        nats = list(dict.fromkeys(m.iso for m in s.mentions if m.role == "NAT"))
        segment = W[start:end]
        if not (s.has_group or nats) or "back" not in segment and "home" not in segment:
            continue
        for i in range(start, end - 1):
            if W[i] not in GO_BACK_VERBS_R38 or W[i + 1] not in {"back", "home"}:
                continue
            if not (s.has_group or nats) or _blocked(doc, i, start, lex) \
                    or not GO_BACK_HEDGES_R38.isdisjoint(W[max(start, i - BLOCK_WINDOW):i]):
                continue
            k = i + 1
            while k < end and W[k] in {"back", "home"}:
                k += 1
            home = next((m.iso for m in s.mentions if m.kind == "name" and k < m.start <= k + 2
                         and W[k] in {"to", "into"}), None)
            if home is None and "home" in W[i + 1:k] and len(nats) == 1:
                home = nats[0]
            if home is None:
                continue
            left = [m.iso for m in s.mentions if m.kind == "name" and k < m.start <= k + 8 and W[m.start - 1] == "from"]
            if not left:
                left = [m.iso for m in s.mentions if m.start < i and m.kind in {"name", "place"}
                        and m.role in STAYED_ROLES_R38 and m.iso != home]
            left = list(dict.fromkeys(iso for iso in left if iso != home))
            if len(left) == 1:
                b.add(s.span, left[0], home, [i, k], trigger=i)


MAKEUP_OPENERS_R38 = (("among", "them"), ("among", "those"), ("among", "the", "arrivals"), ("the", "largest", "group"),
                      ("the", "biggest", "group"), ("the", "largest", "number"), ("the", "largest", "share"),
                      ("the", "biggest", "share"), ("the", "largest", "contingent"), ("the", "second", "largest"),
                      ("the", "second-largest"))
MAKEUP_VERBS_R38 = (("made", "up"), ("make", "up"), ("makes", "up"), ("accounted", "for"), ("account", "for"),
                    ("accounts", "for"), ("formed",), ("form",), ("were", "the", "largest"), ("was", "the", "largest"),
                    ("were", "the", "biggest"), ("was", "the", "biggest"), ("were", "the", "most"))
MAKEUP_VERB_FIRSTS_R38 = frozenset({"made", "make", "makes", "accounted", "account", "accounts", "formed", "form",
                                    "were", "was"})
MAKEUP_CUES_R38 = frozenset({"among", "largest", "biggest", "second-largest"}) | MAKEUP_VERB_FIRSTS_R38 - {"were",
                                                                                                             "was"}
MAKEUP_OF_R38 = frozenset({"them", "those", "arrivals", "newcomers", "people", "persons", "all", "total"})
MAKEUP_SHARES_R38 = frozenset({"largest", "biggest", "most", "majority", "half", "share", "third", "quarter",
                               "group", "contingent", "number", "bulk"})


def _makeup_after_arrival_r38(b: _Builder, sentences: list[_Sentence]) -> None:
    """r38: the make-up of the people the sentence before brought to one country: "N migrants landed in A. Among
    them were Xs and Ys.", "The largest group were Xs, followed by Ys.", "Xs made up the majority, ahead of Ys and
    Zs.": each nationality (a plural demonym) or country named after "from" in the sentence -> that country (found
    as in ``_origins_said_after_arrival_r36``). The sentence may name no destination of its own."""
    doc = b.doc
    W = doc_lowers(doc)
    if MAKEUP_CUES_R38.isdisjoint(doc_word_set(doc)):
        return
    for n in range(1, len(sentences)):
        s, before = sentences[n], sentences[n - 1]
        if not s.mentions or s.deport or s.military or before.deport or before.military or not before.has_group:
            continue
        start, end = s.span.start, s.span.end
        opener = W[start] in {"among", "the"} and any(tuple(W[start:start + len(o)]) == o for o in MAKEUP_OPENERS_R38)
        verb = None
        if not opener:
            verb = next((k for k in range(start, min(start + 8, end)) if W[k] in MAKEUP_VERB_FIRSTS_R38
                         for v in MAKEUP_VERBS_R38 if tuple(W[k:k + len(v)]) == v), None)
            if verb is None or MAKEUP_SHARES_R38.isdisjoint(W[verb:min(verb + 6, end)]):
                continue
        if any(m.role in {"DST", "REFIN"} for m in s.mentions):
            continue
        if verb is not None:
            of = next((k for k in range(verb + 1, min(verb + 6, end - 1)) if W[k] == "of"), None)
            noun = W[of + 2] if of is not None and W[of + 1] == "the" and of + 2 < end else W[of + 1] \
                if of is not None else ""
            if of is not None and noun not in MAKEUP_OF_R38 and noun.rstrip("s") + "s" not in _lex().refugee_groups:
                continue  # "Xs made up the largest share of tourists": not the people who arrived
        pl = _people_in_lex()
        origins = [m for m in s.mentions if m.kind == "demonym" and (
            _plural_demonym(_surface(doc, m), pl) or _demonyms_before_people_r38(W, m, s.mentions, end))
                   or m.kind == "name" and W[m.start - 1 - (W[m.start - 1] == "the")] == "from"]
        if verb is not None:  # "Xs made up the majority": the subject before the verb is the first origin
            origins = [m for m in origins if m.start > verb or m.end <= verb and m.start <= start + 3]
        moves = [t for t, kind in before.triggers.items() if kind in {"arrive", "move", "admit"}]
        if not origins or not moves or not before.has_group:
            continue
        dests = {m.iso for m in before.mentions if m.kind in {"name", "place"} and (
            m.role in {"DST", "LOC"} or m.role is None and W[m.start - 1 - (W[m.start - 1] == "the")] in {
                "in", "to", "into", "at"})}
        if len(dests) != 1:
            continue
        dest = next(iter(dests))
        for m in origins:
            if m.iso != dest:
                b.add(s.span, m.iso, dest, [start, m.start], trigger=start)


def _demonyms_before_people_r38(W: list[str], m: _Mention, ms: list[_Mention], end: int) -> bool:
    """r38: a demonym in a list that a people noun closes ("Eritrean and Sudanese children")."""
    by_start = {o.start: o for o in ms}
    j = m.end
    while j < end:
        if j in by_start and by_start[j].kind == "demonym":
            j = by_start[j].end
        elif W[j] in {",", "and", "or"}:
            j += 1
        else:
            break
    return j < end and _is_group_lower(W[j])


THEIR_COUNTRY_R38 = frozenset({("to", "their", "country"), ("to", "its", "territory"), ("to", "their", "territory"),
                               ("into", "their", "country"), ("into", "their", "territory"),
                               ("into", "its", "territory"), ("entered", "their", "country"),
                               ("entered", "their", "territory"), ("entered", "its", "territory")})


def _their_country_via_r38(b: _Builder, sentences: list[_Sentence], main: str | None) -> None:
    """r38: "A-ian officials report more people coming to their country via B and C than last year": one
    state speaking (as in ``_their_territory_r37``: a demonym before an authority word, or a country name, right
    before a reporting verb) and a movement "to/into their country" (a movement word right before "to") with the
    countries after "via"/"through" right after it: each such country, and the nationalities between the verb and
    the phrase (else the document's emigrants), -> that state."""
    doc = b.doc
    W = doc_lowers(doc)
    words = doc_word_set(doc)
    if "their" not in words and "its" not in words or "country" not in words and "territory" not in words:
        return
    for s in sentences:
        if not s.mentions or s.deport or s.military:
            continue
        start, end = s.span.start, s.span.end
        segment = W[start:end]
        if "their" not in segment and "its" not in segment:
            continue
        for at in range(start + 1, end - 2):
            if W[at + 1] not in {"their", "its"} or (W[at], W[at + 1], W[at + 2]) not in THEIR_COUNTRY_R38:
                continue
            if W[at] != "entered" and not any(at - 2 <= t < at for t in s.triggers):
                continue
            verb = next((k for k in range(at - 1, start - 1, -1) if W[k] in REPORTING_VERBS), None)
            if verb is None or at - verb > 12 or not TERRITORY_HEDGES_R37.isdisjoint(W[verb:at]):
                continue
            k = verb - 1
            while k >= start and verb - k <= 3 and W[k] in TERRITORY_SPEAKER_HEADS_R37:
                k -= 1
            host = next((m.iso for m in s.mentions if m.end == k + 1 and (
                m.kind == "demonym" and k + 1 < verb or m.kind == "name")), None)
            if host is None and start <= k < verb - 1:  # "German authorities say": the demonym is no mention here
                host = gazetteer().demonym_by_surface.get(doc_texts(doc)[k])
            if host is None:
                continue
            vias: list[str] = []
            if at + 3 < end and W[at + 3] in {"via", "through"}:
                by_start = {m.start: m for m in s.mentions}
                j = at + 4
                while (m := by_start.get(j)) is not None and m.kind == "name":
                    vias.append(m.iso)
                    j = m.end
                    while j < end and W[j] in {",", "and"}:
                        j += 1
            movers = list(dict.fromkeys(m.iso for m in s.mentions if m.role == "NAT" and verb < m.start < at))
            if not movers and main and not any(verb < m.start < at for m in s.mentions):
                movers = [main]
            for o in list(dict.fromkeys(vias + movers)):
                if o != host:
                    b.add(s.span, o, host, [k, verb, at], trigger=at)


SIBLING_LINKS_R38 = frozenset({"rest", "others", "other", "some", "also", "along", "well", "number", "plus",
                               "dozens", "hundreds", "thousands", "handful", "smaller", "fewer", "remainder"})
SIBLING_STOPS_R38 = frozenset({"turned", "stopped", "blocked", "denied", "refused", "stayed", "remained", "not",
                               "never", "deported", "rejected", "held", "detained", "stuck", "stranded", "waiting",
                               "returned", "sent", "failed"})
SIBLING_FILLERS_R38 = SIBLING_LINKS_R38 | frozenset({",", "and", "but", "while", "as", "the", "a", "an", "of", "with",
                                                     "many", "few", "more", "mostly", "mainly", "largely", "from"})


def _sibling_origin_lists_r38(b: _Builder, sentences: list[_Sentence]) -> None:
    """r38: a second origin list after the first one of a movement: "N migrants reached A, the majority from B and
    the rest from C and D", "mostly from B but also from C", "Xs crossed into A, along with dozens of Ys", "some 500
    Xs and a smaller number of Ys": the countries after the link (only link words, numbers and "from" between the
    first origin and them, one of "rest", "others", "also", "along", "number", ...) go where the first origin goes
    in the sentence's flows; a pair between the two origin lists is dropped."""
    doc = b.doc
    W = doc_lowers(doc)
    if SIBLING_LINKS_R38.isdisjoint(doc_word_set(doc)):
        return
    pl = _people_in_lex()
    for s in sentences:
        if len(s.mentions) < 2 or s.deport or s.military or SIBLING_LINKS_R38.isdisjoint(W[s.span.start:s.span.end]):
            continue
        lo, hi = s.span.start_char, s.span.end_char
        here = [f for f in b.flows if lo <= f.evidence.start < hi]
        if not here:
            continue
        ms = sorted(s.mentions, key=lambda m: m.start)
        for a in ms:
            dests = sorted({f.destination for f in here if f.origin == a.iso} - {a.iso})
            if not dests or a.kind not in {"name", "demonym"}:
                continue
            j = a.end
            while j < s.span.end and W[j] in {",", "and", "or"} and (nxt := next((m for m in ms if m.start == j + 1),
                                                                                  None)) is not None:
                j = nxt.end  # the rest of the first list ("from A and B")
            k = j
            while k < s.span.end and (W[k] in SIBLING_FILLERS_R38 or doc[k].like_num) and k - j <= 8:
                k += 1
            if k == j or SIBLING_LINKS_R38.isdisjoint(W[j:k]):
                continue
            first = next((m for m in ms if m.start == k), None)
            if first is None or first.iso in dests or not (
                    first.kind == "name" and W[k - 1] == "from"
                    or first.kind == "demonym" and _plural_demonym(_surface(doc, first), pl)):
                continue
            siblings = [first]
            e = first.end
            for m in ms:
                if m.start >= e and all(w in {",", "and", "or"} for w in W[e:m.start]) and m.kind == first.kind:
                    siblings.append(m)
                    e = m.end
            if not SIBLING_STOPS_R38.isdisjoint(W[e:min(e + 5, s.span.end)]):
                continue  # "while others from C were turned back": not the same movement
            firsts = {f.origin for f in here if f.destination in dests}
            for m in siblings:
                if m.iso in dests:
                    continue
                b.flows = [f for f in b.flows if not (lo <= f.evidence.start < hi and (
                    f.origin == m.iso and f.destination in firsts or f.destination == m.iso and f.origin in firsts))]
                for d in dests:
                    b.add(s.span, m.iso, d, [a.start, m.start], trigger=m.start)


# --- round 39 (F39): wordings of an invented paraphrase matrix (tests/data/matrix_flows.jsonl) ---

FLEE_WORDS_R39 = frozenset({"flee", "flees", "fled", "fleeing", "escape", "escaped", "escaping"})
RETURN_WORDS_R39 = frozenset({"returned", "gone", "went", "come", "came", "returning"})


@dataclass(frozen=True)
class _Matrix39:
    vessels: frozenset[str]
    movement: frozenset[str]
    of_nouns: frozenset[str]
    from_preps: frozenset[str]
    to_preps: frozenset[str]
    depart_verbs: frozenset[str]
    land_verbs: frozenset[str]
    reach_verbs: frozenset[str]
    dets: frozenset[str]
    hedges: frozenset[str]
    void_before: frozenset[str]
    border_words: frozenset[str]
    applications: frozenset[str]
    dangers: frozenset[str]
    return_home: tuple[tuple[str, ...], ...]
    back_from: tuple[tuple[str, ...], ...]
    non_migrants: frozenset[str]
    vessel_blockers: frozenset[str]
    heading: frozenset[str]
    host_verbs: frozenset[str]
    reporters: frozenset[str]
    quantifiers: frozenset[str]


@lru_cache(maxsize=1)
def _matrix_r39_lex() -> _Matrix39 | None:
    data = load_json("flows.json").get("matrix_r39")
    if not data:
        return None
    fs = {k: frozenset(v) for k, v in data.items() if k not in {"return_home", "back_from"}}
    return _Matrix39(
        fs["vessels"], fs["movement_nouns"], fs["of_nouns"], fs["from_preps"], fs["to_preps"], fs["depart_verbs"],
        fs["land_verbs"], fs["reach_verbs"], fs["determiners"], fs["hedges"], fs["void_before"], fs["border_words"],
        fs["application_nouns"], fs["danger_nouns"], tuple(tuple(x) for x in data["return_home"]),
        tuple(tuple(x) for x in data["back_from"]), fs["non_migrants"], fs["vessel_blockers"], fs["heading_words"],
        fs["host_verbs"], fs["reporters"], fs["anaphor_quantifiers"])


def _word_before_r39(W: list[str], start: int, k: int, dets: frozenset[str]) -> int:
    """The word before token ``k`` past one determiner ("to the United Kingdom", "from a French beach")."""
    k -= 1
    if k > start and W[k] in dets:
        k -= 1
    return k


def _movers_from_to_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Small boats crossed from A to B", "Departures from A to B rose", "The flight of Xs to B", "boats departed A
    for B", "people picked up off the coast of A and landed in B": a boat or a movement noun moves people as much as
    a group word does. One origin (after from/off or a departure verb, or the demonym after "flight of") and one
    destination (after to/into/for, "landed in", "reached") after the mover; no hedge or negation in the sentence,
    no curbing verb just before the mover. A sentence with people but no such mover reads only "off (the coast of)
    A"."""
    start, end = s.span.start, s.span.end
    mover = next((k for k in range(start, end) if (W[k] in lx.vessels or W[k] in lx.movement)
                  and (W[k] != "flight" or W[k + 1:k + 2] == ["of"])), None)
    if mover is not None and W[mover] in lx.vessels and any(
            W[j] in lx.vessel_blockers for j in range(max(start, mover - 2), mover)):
        return  # "fishing boats", "patrol boats": not the migrants' boats
    only_off = mover is None
    if only_off:
        if not s.has_group or "off" not in W[start:end] and FLEE_WORDS_R39.isdisjoint(W[start:end]):
            return
        mover = start
    elif any(W[j] in lx.void_before for j in range(max(start, mover - 3), mover)):
        return
    if _hedge_words_in(W, T, start, end, lx.hedges):
        return
    origins, dests, toks = set(), set(), [mover]
    if not only_off and W[mover] in lx.of_nouns and W[mover + 1:mover + 2] == ["of"]:
        for m in s.mentions:
            if m.kind == "demonym" and mover + 1 < m.start <= mover + 5:
                origins.add(m.iso)
                toks.append(m.start)
                break
    for m in s.mentions:
        if m.start <= mover and not only_off:
            continue
        k = _word_before_r39(W, start, m.start, lx.dets)
        if k < start:
            continue
        w = W[k]
        if w == "of" and k - 1 > start and W[k - 1] in {"coast", "coasts", "shore", "shores"}:
            k2 = _word_before_r39(W, start, k - 1, lx.dets)
            if k2 >= start and W[k2] == "off":
                origins.add(m.iso)
                toks.append(m.start)
        elif only_off:
            if w == "off" or w in FLEE_WORDS_R39:
                origins.add(m.iso)
                toks.append(m.start)
            elif w in lx.to_preps and k > start and W[k - 1] in lx.heading or w in lx.reach_verbs \
                    or w in {"in", "on"} and k > start and W[k - 1] in lx.land_verbs:
                dests.add(m.iso)
                toks.append(m.start)
        elif w in lx.from_preps or w in lx.depart_verbs:
            origins.add(m.iso)
            toks.append(m.start)
        elif w in lx.to_preps or w in lx.reach_verbs or w in {"in", "on"} and k > start and W[k - 1] in lx.land_verbs:
            dests.add(m.iso)
            toks.append(m.start)
    for prev, m in zip(s.mentions, s.mentions[1:], strict=False):  # "into A and B": a list shares the preposition
        if prev.iso in dests and m.start > mover and all(w in {",", "and", "or"} for w in W[prev.end:m.start]):
            dests.add(m.iso)
            toks.append(m.start)
    if len(origins) == 1 and dests and len(dests) <= 4 and not origins & dests:
        o = next(iter(origins))
        for d in sorted(dests):
            if (o, d) not in known:
                b.add(s.span, o, d, toks, trigger=mover)
                known.add((o, d))


def _border_side_group_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Russians fleeing the draft queued at the A-B border", "Thousands of Rohingya crossed the A-B border", "the
    A-B border saw crossings into B": of the two countries of a hyphenated border, the people go from their own
    side (a demonym or ethnic group outside the compound, with a movement word) or into the side named as the
    destination. No hedge or negation in the sentence."""
    ms = s.mentions
    for a, c in zip(ms, ms[1:], strict=False):
        if not (c.start == a.end + 1 and T[a.end] in {"-", "–", "—"} and c.end < s.span.end
                and W[c.end] in lx.border_words) or a.iso == c.iso:
            continue
        if _hedge_words_in(W, T, s.span.start, s.span.end, lx.hedges):
            return
        sides = (a.iso, c.iso)
        others = [m for m in ms if m is not a and m is not c]
        dst = {m.iso for m in others if m.role == "DST" and m.iso in sides}
        own = {m.iso for m in others if m.kind == "demonym" and m.role == "NAT" and m.iso in sides}
        own |= {iso for _, iso in s.ethnic if iso in sides}
        if len(dst) == 1:
            d = dst.pop()
            o = sides[0] if d == sides[1] else sides[1]
        elif len(own) == 1 and s.triggers:
            o = own.pop()
            d = sides[0] if o == sides[1] else sides[1]
        else:
            continue
        if (o, d) not in known:
            b.add(s.span, o, d, [a.start, c.start], trigger=c.end)
            known.add((o, d))


def _asylum_by_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Venezuelan asylum requests in Spain", "asylum applications were filed in Lithuania by Belarusians": the
    applicants' nationality (the adjective before "asylum", or a demonym after "by"/"from") and the one country
    "in" which they applied. No hedge or negation in the sentence."""
    start, end = s.span.start, s.span.end
    for k in range(start + 1, end):
        if W[k] not in lx.applications or W[k - 1] != "asylum":
            continue
        nats = {m.iso for m in s.mentions if m.kind == "demonym" and (
            m.end == k - 1 or m.start > k and W[m.start - 1] in {"by", "from"})}
        hosts = {m.iso for m in s.mentions if m.kind != "demonym" and m.start > start and W[m.start - 1] == "in"}
        if len(nats) != 1 or len(hosts) != 1 or nats == hosts or _hedge_words_in(W, T, start, end, lx.hedges):
            return
        o, d = nats.pop(), hosts.pop()
        if (o, d) not in known:
            b.add(s.span, o, d, [k] + [m.start for m in s.mentions if m.iso in {o, d}], trigger=k)
            known.add((o, d))
        return


def _fled_danger_in_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Fleeing the violence in A, families sought refuge in B": the country of the danger fled is the origin of
    the sentence's destinations, when no other origin is named. No hedge or negation in the sentence."""
    if any(m.role == "SRC" for m in s.mentions):
        return
    dests = [m for m in s.mentions if m.role == "DST"]
    if not dests:
        return
    start, end = s.span.start, s.span.end
    by_start = {m.start: m for m in s.mentions}
    for i in range(start, end - 3):
        if W[i] not in FLEE_WORDS_R39:
            continue
        for j in range(i + 1, min(end - 2, i + 5)):
            if W[j] in lx.dangers and W[j + 1] in {"in", "of"}:
                m = by_start.get(j + 2)
                if m is None or m.kind == "demonym" or _hedge_words_in(W, T, start, end, lx.hedges):
                    return
                for d in dests:
                    if d.iso != m.iso and (m.iso, d.iso) not in known:
                        b.add(s.span, m.iso, d.iso, [i, m.start, d.start], trigger=i)
                        known.add((m.iso, d.iso))
                return


def _returned_home_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Russians who fled to B ... have since returned home": the one nationality goes back from the one destination
    named before the return; "Xs who went back from B": from B to the nationality's country, and not into B. No
    hedge or negation in the sentence."""
    start, end = s.span.start, s.span.end
    nats = {m.iso for m in s.mentions if m.kind == "demonym" and m.role == "NAT"}
    if len(nats) != 1:
        return
    nat = next(iter(nats))
    for i in range(start + 1, end - 1):
        if W[i] not in RETURN_WORDS_R39:
            continue
        back = next((p for p in lx.back_from if tuple(W[i:i + len(p)]) == p), None)
        if back is not None:
            host = next((m for m in s.mentions if m.start == i + len(back) and m.kind != "demonym"), None)
            if host is None or host.iso == nat or _hedge_words_in(W, T, start, i, lx.hedges):
                return
            lo, hi = s.span.start_char, s.span.end_char
            b.flows = [f for f in b.flows if not (lo <= f.evidence.start < hi and f.origin == nat
                                                  and f.destination == host.iso)]
            b.seen = {k for k in b.seen if not (k[0] == nat and k[1] == host.iso and lo <= k[2] < hi)}
            known.discard((nat, host.iso))
            if (host.iso, nat) not in known:
                b.add(s.span, host.iso, nat, [i, host.start], trigger=i)
                known.add((host.iso, nat))
            return
        if any(tuple(W[i:i + len(p)]) == p for p in lx.return_home):
            hosts = {m.iso for m in s.mentions if m.role == "DST" and m.end <= i and m.iso != nat}
            if len(hosts) != 1 or _hedge_words_in(W, T, start, i, lx.hedges):
                return
            host = hosts.pop()
            if (host, nat) not in known:
                b.add(s.span, host, nat, [i] + [m.start for m in s.mentions if m.iso == host], trigger=i)
                known.add((host, nat))
            return


def _non_migrant_origins_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str]) -> None:
    """"Russian tourists flocked to B", "The A-ian president visited refugee camps in B": a demonym on a word for
    visitors, leaders or firms is no origin of migrants. The sentence's flows from that country go, unless the
    country is named otherwise in the sentence or the sentence has a flight word ("fled")."""
    if any(kind == "depart" for kind in s.triggers.values()):
        return
    end = s.span.end
    if any(_is_group_lower(W[k]) and W[k] not in lx.non_migrants and not (k + 1 < end and W[k + 1] in {"camp", "camps"})
           for k in range(s.span.start, end)):
        return  # "As the Syrian president clings to power, Jordan has absorbed 460,000 refugees": migrants too
    bad = {m.iso for m in s.mentions if m.kind == "demonym" and m.end < s.span.end and W[m.end] in lx.non_migrants}
    if not bad:
        return
    bad -= {m.iso for m in s.mentions if not (m.kind == "demonym" and m.end < s.span.end
                                              and W[m.end] in lx.non_migrants)}
    if bad:
        lo, hi = s.span.start_char, s.span.end_char
        b.flows = [f for f in b.flows if not (lo <= f.evidence.start < hi and f.origin in bad)]


def _bare_host_count_r39(b: _Builder, s: _Sentence, previous: _Sentence | None, lx: _Matrix39, W: list[str],
                         T: list[str], known: set) -> None:
    """"Poland has taken in a million Ukrainian refugees. Neighbouring Slovakia is hosting about 80,000.": a country
    hosting a bare number right after a sentence whose flows all come from one origin hosts people of that origin.
    The country is named before the verb; a number follows it with no noun of its own; no hedge or negation."""
    if previous is None:
        return
    m = s.mentions[0]
    start, end = s.span.start, s.span.end
    v = next((k for k in range(m.end, min(end, m.end + 4)) if W[k] in lx.host_verbs), None)
    if v is None or m.kind == "demonym":
        return
    n = next((k for k in range(v + 1, min(end, v + 5)) if b.doc[k].like_num), None)
    if n is None or n + 1 < end and T[n + 1][:1].isalpha() and W[n + 1] not in {"more", "people", "others"}:
        return
    lo, hi = previous.span.start_char, previous.span.end_char
    origins = {f.origin for f in b.flows if lo <= f.evidence.start < hi}
    if len(origins) != 1 or _hedge_words_in(W, T, start, end, lx.hedges):
        return
    o = origins.pop()
    if o != m.iso and (o, m.iso) not in known:
        b.add(s.span, o, m.iso, [m.start, v, n], trigger=v)
        known.add((o, m.iso))


def _reported_in_host_r39(b: _Builder, s: _Sentence, lx: _Matrix39, W: list[str], T: list[str], known: set) -> None:
    """"Officials in B, a country of 2.6 million, said 300,000 people had crossed from A": people come from the one
    origin named (after "from", with no destination named) into the country whose officials report them. No hedge
    or negation in the sentence."""
    if not s.triggers or any(m.role == "DST" for m in s.mentions):
        return
    src = {m.iso for m in s.mentions if m.role == "SRC"}
    start, end = s.span.start, s.span.end
    hosts = {m.iso for m in s.mentions if m.kind == "name" and m.start > start + 1 and W[m.start - 1] == "in"
             and W[m.start - 2] in lx.reporters}
    if len(src) != 1 or len(hosts) != 1 or src == hosts or _hedge_words_in(W, T, start, end, lx.hedges):
        return
    o, d = src.pop(), hosts.pop()
    if (o, d) not in known:
        b.add(s.span, o, d, [m.start for m in s.mentions if m.iso in {o, d}], trigger=min(s.triggers))
        known.add((o, d))


def _anaphor_subject_r39(W: list[str], T: list[str], start: int, end: int, lx: _Matrix39) -> int | None:
    """Where a sentence's subject refers back to people ("they", "their boat", "many of them"), past an opening
    phrase up to its comma ("By Friday, many of them", "In B, they"); None if it does not."""
    k = start
    while k < end and not T[k].strip():
        k += 1
    comma = next((j for j in range(k, min(end, k + 6)) if T[j] == ","), None)
    for j in (k, comma + 1 if comma is not None else None):
        if j is None or j + 2 >= end:
            continue
        if W[j] == "they" or W[j] == "their" and (W[j + 1] in lx.vessels or _is_group_lower(W[j + 1])):
            return j
        if W[j] in lx.quantifiers and W[j + 1:j + 3] == ["of", "them"]:
            return j
    return None


def _anaphor_destination_r39(b: _Builder, sentences: list[_Sentence], lx: _Matrix39, W: list[str], T: list[str],
                             known: set) -> None:
    """"Venezuelan migrants walked for days across the Andes. In Chile, they were given permits.", "The Rohingya
    refugees had spent weeks at sea. Their boat finally landed in B.": people of one nationality in a sentence that
    names no destination, and the sentence right after it, whose subject refers back to them ("they", "their
    boat", "many of them"), naming one country where they arrived or are ("reached B", "were in B", an opening "In
    B,"). A movement word in one of the two sentences; no hedge in the second ("They hope to reach B")."""
    for prev, s in zip(sentences, sentences[1:], strict=False):
        if not s.mentions or prev.military or s.military or not prev.has_group \
                or any(t.strip() for t in T[prev.span.end:s.span.start]):
            continue
        nats = {m.iso for m in prev.mentions if m.role == "NAT" and m.kind == "demonym"} | {i for _, i in prev.ethnic}
        if len(nats) != 1 or any(m.role in {"DST", "REFIN", "SRC"} for m in prev.mentions):
            continue
        start, end = s.span.start, s.span.end
        subj = _anaphor_subject_r39(W, T, start, end, lx)
        if subj is None or any(m.kind == "demonym" or m.role == "SRC" for m in s.mentions):
            continue
        places = {m.iso for m in s.mentions}
        if len(places) != 1 or places == nats or not (prev.triggers or s.triggers):
            continue
        m = s.mentions[0]
        fronted = W[start:m.start][-1:] == ["in"] and m.start < subj
        if not (fronted or m.role == "DST" or m.start > subj and W[m.start - 1] == "in") \
                or _hedge_words_in(W, T, start, end, lx.hedges):
            continue
        o, d = next(iter(nats)), m.iso
        if (o, d) not in known:
            b.add(s.span, o, d, [subj, m.start], trigger=min(s.triggers) if s.triggers else subj)
            known.add((o, d))


def _matrix_flows_r39(b: _Builder, sentences: list[_Sentence]) -> None:
    """Round 39's rules (above), after all earlier rules and before the learned scorer."""
    lx = _matrix_r39_lex()
    if lx is None:
        return
    W, T = doc_lowers(b.doc), doc_texts(b.doc)
    words = doc_word_set(b.doc)  # each rule's cue words looked up once per document, not per token
    movers = not (lx.vessels.isdisjoint(words) and lx.movement.isdisjoint(words)
                  and "off" not in words and FLEE_WORDS_R39.isdisjoint(words))
    asylum = "asylum" in words
    danger = not FLEE_WORDS_R39.isdisjoint(words)
    reported = not lx.reporters.isdisjoint(words)
    hosting = not lx.host_verbs.isdisjoint(words)
    returns = not RETURN_WORDS_R39.isdisjoint(words)
    visitors = not lx.non_migrants.isdisjoint(words)
    known = {(f.origin, f.destination) for f in b.flows}
    previous = None
    for s in sentences:
        if s.military and reported and s.has_group and len(s.mentions) >= 2 and not s.deport:
            _reported_in_host_r39(b, s, lx, W, T, known)  # "... had crossed from A since the invasion"
        if not s.mentions or s.military:
            previous = s
            continue
        if hosting and len(s.mentions) == 1 and not s.deport:
            _bare_host_count_r39(b, s, previous, lx, W, T, known)
        previous = s
        if len(s.mentions) >= 2 and not s.deport:
            if movers:
                _movers_from_to_r39(b, s, lx, W, T, known)
            _border_side_group_r39(b, s, lx, W, T, known)
            if asylum:
                _asylum_by_r39(b, s, lx, W, T, known)
            if danger:
                _fled_danger_in_r39(b, s, lx, W, T, known)
            if reported:
                _reported_in_host_r39(b, s, lx, W, T, known)
        if returns and len(s.mentions) >= 2:
            _returned_home_r39(b, s, lx, W, T, known)
        if visitors:
            _non_migrant_origins_r39(b, s, lx, W)
    _anaphor_destination_r39(b, sentences, lx, W, T, known)


# --- round 40 (G40): flows told across sentences: a group's origin in one sentence, its arrival in a later one ---


@dataclass(frozen=True)
class _StoryGroups40:
    arrive_cues: frozenset[str]
    arrive_preps: frozenset[str]
    group_refs: frozenset[str]
    group_nouns: frozenset[str]
    non_migrants: frozenset[str]
    stay_words: frozenset[str]
    negations: frozenset[str]
    vessels: frozenset[str]
    subgroups: frozenset[str]
    voids: frozenset[str]
    from_heads: frozenset[str]
    makeup_subjects: frozenset[str]
    attackers: frozenset[str]
    bans: frozenset[str]
    back: int
    after: int


@lru_cache(maxsize=1)
def _story_groups_lex40() -> _StoryGroups40:
    d = load_json("flows.json")["story_groups_r40"]
    return _StoryGroups40(*(frozenset(d[k]) for k in ("arrive_cues", "arrive_preps", "group_refs", "group_nouns",
                                                       "non_migrants", "stay_words", "negations", "vessels",
                                                       "subgroups", "voids", "from_heads", "makeup_subjects",
                                                       "attackers", "bans")),
                          back=int(d["back"]), after=int(d["after"]))


def _bound_for_vessel40(W: list[str], m: _Mention, lx: _StoryGroups40) -> bool:
    """"a ship bound for A": where the carrier was going, not where its rescued passengers landed."""
    k = m.start
    return k >= 3 and W[k - 1] == "for" and W[k - 2] == "bound" and (
        W[k - 3] in lx.vessels or k >= 4 and W[k - 4] in lx.vessels)


def _arrival_dests40(doc: Doc, s: _Sentence, W: list[str], lx: _StoryGroups40) -> list[_Mention]:
    """The countries a sentence brings people into: a destination role, or a country right after "in/into/reach"
    with an arrival word a few tokens before it ("asked for asylum in A", "taken to a centre in A"). None after a
    negation in that stretch."""
    out = []
    for m in s.mentions:
        if m.kind not in {"name", "place"} or m.start - 1 < s.span.start:
            continue
        lo = max(s.span.start, m.start - 8)
        if m.role == "DST":
            if _bound_for_vessel40(W, m, lx):
                continue
        elif m.role in {None, "LOC"}:
            if W[m.start - 1] not in lx.arrive_preps or lx.arrive_cues.isdisjoint(W[lo:m.start]):
                continue
        else:
            continue
        if lx.negations.isdisjoint(W[lo:m.start]) and lx.voids.isdisjoint(W[lo:m.start]) \
                and lx.voids.isdisjoint(W[m.end:min(m.end + 4, s.span.end)]):
            out.append(m)
    return out


def _group_origins40(doc: Doc, p: _Sentence, W: list[str], lx: _StoryGroups40,
                     fled: bool = True) -> list[_Mention] | None:
    """The origins of the people a sentence introduces: plural nationalities ("most of them are Xs", "X nationals",
    "N Xs") and countries after "from" or a flight word ("families from A", "they came from A", "had fled A").
    Nationalities of officials, tourists, a smuggler and the like are not theirs. None: the sentence tells of a
    group that stayed, or of people already brought somewhere."""
    words = W[p.span.start:p.span.end]
    if not lx.stay_words.isdisjoint(words) or not lx.bans.isdisjoint(words) or any(
            m.role == "DST" for m in p.mentions):
        return None  # a group that stayed, was kept out, or was already brought somewhere
    if not p.has_group:
        return []  # "The reporter is from A": no people on the move
    out = []
    for m in p.mentions:
        nxt = W[m.end] if m.end < p.span.end else "."
        if m.kind == "demonym" and m.role in {"NAT", "ADJ"}:
            if nxt in lx.non_migrants or W[m.start - 1] in {"a", "an"} or nxt == "-" or not lx.attackers.isdisjoint(
                    W[m.end:min(m.end + 4, p.span.end)]):
                continue  # "X officials", "a X national", "Xs started bombing the city": not the people who moved
            if nxt in lx.group_nouns or m.role == "NAT" and W[m.end - 1].endswith(("s", "ese")):
                out.append(m)
        elif m.kind == "name" and m.role in {"NAT", "SRC"}:
            k = m.start - 1
            while k > p.span.start and (W[k] in {",", "and", "or"} or any(
                    o.end == k + 1 and o.kind == "name" for o in p.mentions)):
                k -= 1  # "from A, B and C": back over the list to its "from"
            if W[k] == "from":
                head = W[k - 1] if k > p.span.start else ""
                if head in lx.from_heads or head in lx.group_nouns:
                    out.append(m)
            elif fled and m.role == "SRC" and m.trigger is not None \
                    and W[m.trigger] in FLEE_WORDS_R39 | {"left", "leave"}:
                out.append(m)
    return out


def _story_groups_r40(b: _Builder, sentences: list[_Sentence]) -> None:
    """r40 (G40): "Most of them are Xs and Ys. ... They were brought ashore in B.", "The passengers, who came from
    A and C, ... After being rescued, they landed in B.", "The group, made up of Xs, set off at night. ... They
    hoped to reach B.": a sentence whose people are a group already introduced (an anaphoric or definite subject,
    or "they", "the passengers" before the destination) and that names no origin of its own takes the origins of
    the nearest sentence up to three before it (across paragraphs) that introduces a group's origins
    (``_group_origins40``). Sentences between that name countries only as places or actors are passed over; one
    that brings people elsewhere or introduces a group that stayed stops the search. Also drops the pairs read
    into "a ship bound for A" when the sentence lands its people elsewhere."""
    doc = b.doc
    W = doc_lowers(doc)
    lx = _story_groups_lex40()
    if lx.arrive_cues.isdisjoint(doc_word_set(doc)):
        return
    lex = _lex()
    starts = _sentence_starts(doc)[0]
    arrivals = [_arrival_dests40(doc, s, W, lx) if s.mentions and not s.ethnic else [] for s in sentences]
    _makeup_said_later40(b, sentences, W, lx, arrivals)
    for k, s in enumerate(sentences):
        dests = arrivals[k]
        if not dests or any(m.role in {"NAT", "SRC"} for m in s.mentions):
            continue
        isos_d = {d.iso for d in dests}
        if len(isos_d) != 1:
            continue
        bound = [m for m in s.mentions if m.role == "DST" and _bound_for_vessel40(W, m, lx)]
        if bound:  # "rescued by a ship bound for A, they landed in B": A is the ship's, not theirs
            lo, hi = s.span.start_char, s.span.end_char
            bad = {m.iso for m in bound} - isos_d
            b.flows = [f for f in b.flows if not (lo <= f.evidence.start < hi and f.destination in bad)]
        first = dests[0].start
        noun = _anaphoric_subject(doc, s, lex)
        if noun is None or noun and noun not in lx.group_refs:
            if lx.group_refs.isdisjoint(W[max(s.span.start, first - 10):first]) or any(d.kind != "name" for d in dests):
                continue  # no subject of the people before: they, the passengers, the boat, right before the arrival
        here = bisect_left(starts, s.span.start)
        isos: list[str] = []
        for j in range(k - 1, -1, -1):
            p = sentences[j]
            if here - bisect_left(starts, p.span.start) > lx.back:
                break
            origins = _group_origins40(doc, p, W, lx)
            if origins is None:
                break
            if not origins:
                continue  # states named only as places or actors
            isos = list(dict.fromkeys(isos + [m.iso for m in origins]))
            if W[p.span.start] not in lx.subgroups:
                break  # "Others had left C": the sentence before may name the first part of the group
        if isos and len(isos) <= 3 and not isos_d & set(isos):
            for d in dests:
                for o in isos:
                    b.add(s.span, o, d.iso, [d.start] + ([d.trigger] if d.trigger is not None else []))


def _makeup_said_later40(b: _Builder, sentences: list[_Sentence], W: list[str], lx: _StoryGroups40,
                         arrivals: list[list[_Mention]]) -> None:
    """r40 (G40): "N people were picked up crossing into B. ... The people came mainly from A, C and D.": a
    sentence opening on the people already brought (an anaphoric or definite subject, "most of the migrants")
    and giving their origins, up to two sentences after one that brings people into one country; the arrival
    sentence may have named some origins already. A sentence between that brings people elsewhere stops it."""
    doc, lex = b.doc, _lex()
    starts = _sentence_starts(doc)[0]
    for k, s in enumerate(sentences):
        dests = arrivals[k]
        if len({d.iso for d in dests}) != 1 or not s.has_group:
            continue  # "The minister arrived in B. Among them were Xs": no people came for "them" to stand for
        here = bisect_left(starts, s.span.start)
        between: set[str] = set()  # the states named in the sentences passed over
        for p in sentences[k + 1:k + 1 + lx.after]:
            if bisect_left(starts, p.span.start) - here > lx.after or any(m.role == "DST" for m in p.mentions):
                break
            noun = _anaphoric_subject(doc, p, lex)
            opener = W[p.span.start]
            if noun is None and opener not in lx.makeup_subjects or noun and noun not in lx.makeup_subjects \
                    or opener in {"he", "she"}:
                between.update(m.iso for m in p.mentions)
                continue
            origins = _group_origins40(doc, p, W, lx, fled=False)  # "he recalled the day he fled A": a flashback
            if origins is None:
                break
            isos = list(dict.fromkeys(m.iso for m in origins if lx.negations.isdisjoint(
                W[max(p.span.start, m.start - 6):m.start])))
            if not isos or len(isos) > 6 or dests[0].iso in isos or between.intersection(isos):
                break  # an origin named in between: the people there are another story's
            for o in isos:
                b.add(p.span, o, dests[0].iso, [m.start for m in origins if m.iso == o])
            break


# --- round 40 (F40): crowded sentences (tests/data/matrix_crowded_flows.jsonl) ---
# Long news sentences put the origins far from the movement word: a list of nationalities, then a parenthetical,
# then the verb; hosts ranked with numbers after the first host; the make-up of a counted arrival told apart from
# it; a host's subject separated from "has taken in" by an apposition. Data: flows.json "crowded_r40".


@dataclass(frozen=True)
class _Crowded40:
    aux: frozenset[str]  # words of a verb group skipped back from the verb ("have been", "finally")
    subject_lead: frozenset[str]  # words before a subject list ("Thousands of", "Refugees from")
    hedges: frozenset[str]
    host_verbs: frozenset[str]
    host_objects: frozenset[str]  # words of a hosted object before its nationality ("more than a million")
    rank_after: frozenset[str]  # words right after a ranked host ("with", "second", "hosting", "about")
    rank_block: frozenset[str]  # states that fund, criticise or send aid are no ranked hosts
    makeup_cues: tuple[tuple[str, ...], ...]
    makeup_scope: frozenset[str]
    rank_counts_only: frozenset[str] = frozenset({"about", "some", "nearly", "almost", "around", "roughly"})


@lru_cache(maxsize=1)
def _crowded_r40_lex() -> _Crowded40 | None:
    data = load_json("flows.json").get("crowded_r40")
    if not data:
        return None
    fs = {k: frozenset(v) for k, v in data.items() if k not in {"_doc", "makeup_cues"}}
    return _Crowded40(fs["aux"], fs["subject_lead"], fs["hedges"], fs["host_verbs"], fs["host_objects"],
                      fs["rank_after"], fs["rank_block"], tuple(tuple(c) for c in data["makeup_cues"]),
                      fs["makeup_scope"])


LIST_JOINS_R40 = frozenset({",", "and", "or"})
RELATIVES_R40 = frozenset({"who", "that", "which"})
PLACE_PREPS_R40 = frozenset({"in", "to", "into"})


def _here_r40(b: _Builder, s: _Sentence) -> list[Flow]:
    return [f for f in b.flows if s.span.start_char <= f.evidence.start < s.span.end_char]


def _list_back_r40(W: list[str], ms: list[_Mention], k: int) -> list[_Mention]:
    """The mentions ``ms[k]`` and those listed right before it ("Syrians, Afghans and Iraqis")."""
    out = [ms[k]]
    while k > 0 and ms[k - 1].end < out[0].start and all(w in LIST_JOINS_R40 for w in W[ms[k - 1].end:out[0].start]):
        k -= 1
        out.insert(0, ms[k])
    return out


def _list_subject_r40(b: _Builder, s: _Sentence, lx: _Crowded40, W: list[str], known: set) -> None:
    """"Syrians, Afghans and Iraqis, most of whom had walked for weeks, reached Germany": a subject list of
    nationalities, a comma-bounded parenthetical without a country, then the movement verb and its destination."""
    start = s.span.start
    here = {f.destination for f in _here_r40(b, s)}
    for d in s.mentions:
        if d.role != "DST" or d.trigger is None or d.iso in here or d.trigger >= d.start:
            continue
        k = d.trigger - 1
        while k > start and W[k] in lx.aux:
            k -= 1
        if W[k] != "," or not lx.hedges.isdisjoint(W[k + 1:d.trigger + 1]):
            continue
        close = k
        nat = [m for m in s.mentions if m.end <= close]
        if not nat or nat[-1].role != "NAT" or nat[-1].iso == d.iso:
            continue
        members = _list_back_r40(W, nat, len(nat) - 1)
        if any(m.role != "NAT" for m in members):
            continue
        if not all(w in lx.subject_lead or w.isdigit() or w in LIST_JOINS_R40 for w in W[start:members[0].start]):
            continue
        last = members[-1].end
        opening = next((j for j in range(last, min(last + 3, close + 1)) if W[j] == ","), None)
        if opening is None or opening == close or close - opening > 40 \
                or not all(w in lx.subject_lead for w in W[last:opening]):
            continue
        if any(opening < m.start < close for m in s.mentions):
            continue
        for m in members:
            if (m.iso, d.iso) not in known:
                known.add((m.iso, d.iso))
                b.add(s.span, m.iso, d.iso, [m.start, d.trigger, d.start], trigger=d.trigger)


def _makeup_r40(b: _Builder, s: _Sentence, lx: _Crowded40, W: list[str], known: set, lex: _Lex,
                ws: set[str]) -> None:
    """"Of the 30,000 who applied for asylum in B, the largest groups were Xs and Ys", "Xs and Ys made up most of
    the 9,000 people who crossed into B": the nationalities named around a counted arrival in one destination."""
    start, end = s.span.start, s.span.end
    if not any(m.role == "NAT" for m in s.mentions) or not lx.hedges.isdisjoint(ws) \
            or lx.makeup_scope.isdisjoint(ws):
        return
    words = W[start:end]
    if not any(ws.issuperset(c) and any(words[i:i + len(c)] == list(c) for i in range(len(words) - len(c) + 1))
               for c in lx.makeup_cues):
        return
    dst = [m for m in s.mentions if m.role == "DST"]
    if s.deport:  # "detained after crossing into B", "pushed out by poverty": the arrival itself is no deportation
        if not dst or any(m.trigger is None or s.triggers.get(m.trigger) not in {"move", "arrive"}
                          or W[m.trigger] in lex.deport for m in dst):
            return
    dests = {f.destination for f in _here_r40(b, s)} | {m.iso for m in dst}
    if not dests:  # "of the 2,300 applications lodged in B", "of the migrants brought to B"
        dests = {m.iso for m in s.mentions if m.kind == "name" and m.role in {None, "LOC"}
                 and W[m.start - 1] in PLACE_PREPS_R40 and any(W[i] in lx.makeup_scope and W[i + 1] == "the"
                                                               for i in range(max(start, m.start - 16), m.start))}
    if len(dests) != 1:
        return
    (dest,) = dests
    dm = [m for m in s.mentions if m.iso == dest]
    if not dm:
        return
    # the counted arrival: "of/among the N <people> who ... <destination>", or "<people> detained after ... <d>"
    d0 = dm[0].start
    scope = [i for i in range(max(start, d0 - 16), d0) if W[i] in lx.makeup_scope and W[i + 1] == "the"]
    if not scope:
        return
    for m in s.mentions:
        if m.role == "NAT" and m.iso != dest and (m.iso, dest) not in known:
            known.add((m.iso, dest))
            b.add(s.span, m.iso, dest, [m.start, dm[0].start], trigger=scope[0])


def _host_subject_r40(b: _Builder, s: _Sentence, lx: _Crowded40, W: list[str], known: set) -> None:
    """"A, a country of five million that ..., has absorbed more than a million Syrians", "A is home to some 2.8
    million Xs": a host verb whose subject is the sentence's first state, past an apposition."""
    doc, start, end = b.doc, s.span.start, s.span.end
    ms = s.mentions
    first = next((m for m in ms if m.kind == "name"), None)
    if first is None or first.start - start > 4:
        return
    for v in range(first.end, end - 1):
        w = W[v]
        if w in lx.host_verbs:
            obj = v + 1
            if w in {"taken", "took"}:
                if W[v + 1] != "in":
                    continue
                obj = v + 2
        elif w == "home" and W[v + 1] == "to" and W[v - 1] in {"is", "was", "remains"}:
            obj = v + 2
        else:
            continue
        if not lx.hedges.isdisjoint(W[max(start, v - 3):v]):
            continue
        k = v - 1
        while k >= first.end and (W[k] in lx.aux or W[k] in {"is", "home"}):
            k -= 1
        if k >= first.end and not (W[k] == "," and W[first.end] == "," and k > first.end):
            continue  # the verb's subject is the first state, right before it or past an apposition
        if any(first.end < m.start < k and m.kind == "name" and m.role in {"DST", "SRC"} for m in ms):
            continue
        origins = []
        j = obj
        while j < end and j - obj < 14:
            m = next((m for m in ms if m.start == j), None)
            if m is not None:
                if m.role != "NAT" and W[j - 1] != "from":
                    break
                origins.append(m)
                j = m.end
                continue
            if W[j] in lx.host_objects or W[j] in LIST_JOINS_R40 or doc[j].like_num or W[j] == "the":
                j += 1
                continue
            break
        for m in origins:
            if m.iso != first.iso and (m.iso, first.iso) not in known:
                known.add((m.iso, first.iso))
                b.add(s.span, m.iso, first.iso, [first.start, v, m.start], trigger=v)
        return


RANK_COUNT_ENDS_R40 = frozenset({",", ".", ";", "and", "while", "each", "more", "refugees", "people", "migrants",
                                  "others", "of", "in"})


def _rank_licence_r40(doc: Doc, W: list[str], z: int, end: int, lx: _Crowded40) -> bool:
    """After a listed state: a host word ("with", "second", "hosting", "counted"), or a bare count of people
    ("and B about 40,000", "B 150,000 more"), not a count of other things ("B has 40 ministers")."""
    j = z
    while j < end and W[j] == ",":
        j += 1
    for k in range(j, min(j + 3, end)):
        if W[k] in lx.rank_after and not lx.rank_counts_only.__contains__(W[k]):
            return True
        if doc[k].like_num:
            while k < end and (doc[k].like_num or W[k] in {"million", "thousand", "hundred", "000"}):
                k += 1
            return k >= end or W[k] in RANK_COUNT_ENDS_R40
    return False


def _ranked_hosts_r40(b: _Builder, s: _Sentence, lx: _Crowded40, W: list[str], known: set) -> None:
    """"A hosts 3 million Xs, followed by B with 800,000 and C with 650,000", "ahead of B", "while B counted
    150,000", "and B, C and D host tens of thousands more": more hosts of one nationality after the first."""
    doc, end = b.doc, s.span.end
    here = _here_r40(b, s)
    origins = {f.origin for f in here}
    if len(origins) != 1:
        return
    (origin,) = origins
    hosts = {f.destination for f in here}
    ms = s.mentions
    pos = [m.end for m in ms if m.iso in hosts and m.kind == "name"]
    if not pos:
        return
    after = min(pos)
    # past the hosted group ("A hosts 3 million Xs, followed by B"), not a state named before it
    after = next((m.end for m in ms if m.iso == origin and m.role == "NAT" and m.start >= after), after)
    k = 0
    while k < len(ms):
        m = ms[k]
        if m.start < after or m.kind != "name" or m.iso in hosts or m.iso == origin or m.role in {"SRC", "NAT"}:
            k += 1
            continue
        group = [m]
        while k + 1 < len(ms) and ms[k + 1].kind == "name" and \
                all(w in LIST_JOINS_R40 for w in W[group[-1].end:ms[k + 1].start]):
            k += 1
            group.append(ms[k])
        k += 1
        a, z = group[0].start, group[-1].end
        lead = W[a - 2:a] in (["followed", "by"], ["ahead", "of"])
        if not lead and not _rank_licence_r40(doc, W, z, end, lx):
            continue
        if not lx.rank_block.isdisjoint(W[after:min(z + 6, end)]) or not lx.hedges.isdisjoint(W[a - 3:z + 3]):
            continue
        for g in group:
            if g.iso not in hosts and g.iso != origin and (origin, g.iso) not in known:
                known.add((origin, g.iso))
                b.add(s.span, origin, g.iso, [g.start, a], trigger=a)


def _crowded_flows_r40(b: _Builder, sentences: list[_Sentence]) -> None:
    """Round 40's rules (above), after all earlier rules and before the learned scorer."""
    lx = _crowded_r40_lex()
    if lx is None:
        return
    W, lex = doc_lowers(b.doc), _lex()
    words = doc_word_set(b.doc)
    hosting = not lx.host_verbs.isdisjoint(words) or "home" in words
    makeup = not lx.makeup_scope.isdisjoint(words)
    known = {(f.origin, f.destination) for f in b.flows}
    for s in sentences:
        if len(s.mentions) < 2 or s.military:
            continue
        ws = set(W[s.span.start:s.span.end])  # the sentence's words: each rule's cue looked up once
        if makeup:
            _makeup_r40(b, s, lx, W, known, lex, ws)
        if s.deport:
            continue
        if "," in ws:
            _list_subject_r40(b, s, lx, W, known)
        if hosting and not (lx.host_verbs.isdisjoint(ws) and "home" not in ws):
            _host_subject_r40(b, s, lx, W, known)
        if len(s.mentions) >= 3:
            _ranked_hosts_r40(b, s, lx, W, known)
