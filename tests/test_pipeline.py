"""The rule pipeline on spacy.blank("en"): sentences, boilerplate, gazetteer spans, persons, models.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest
import spacy

from extractors.pipeline import build_pipeline, byline_ranges


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def ents(doc, label: str | None = None) -> list[str]:
    return [e.text for e in doc.ents if label is None or e.label_ == label]


# --- sentence segmentation -------------------------------------------------------------

def test_lookup_lemmas_match_spacys_lookup_lemmatizer(nlp):
    stock = spacy.blank("en")
    stock.add_pipe("lemmatizer", config={"mode": "lookup"})
    stock.initialize()
    text = ("Thousands were fleeing the shelled towns; officials said buses had carried 300 children "
            "across the border, and the ministers are deporting families again. Ran. RAN. Ran.")
    ours = [t.lemma_ for t in nlp(text)]
    theirs = [t.lemma_ for t in stock(text)]
    assert ours == theirs
    assert ours[2] == "flee" and "carry" in ours and "minister" in ours


def test_lookup_lemmatizer_keeps_preset_lemmas_unless_overwriting(nlp):
    doc = nlp.make_doc("officials were deporting refugees")
    doc[2].lemma_ = "KEPT"
    nlp.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["official", "be", "KEPT", "refugee"]


def test_lemmatizer_fills_the_token_string_caches_as_spacy_reads_them(nlp):
    """The lemmatizer seeds doc_texts / doc_lowers / doc_lemmas from the distinct words: same lists as Token reads,
    also for a word whose occurrences got different lemmas (then the lemma list is left to be read per token)."""
    from extractors.doccache import _LEMMA_KEY, _LOWER_KEY, _ORTH_KEY, doc_lemmas, doc_lowers, doc_texts

    doc = nlp("Officials said  the OFFICIALS were deporting refugees.\n\nRan. RAN. Ran, said the Officials.")
    assert all(key in doc.user_data for key in (_ORTH_KEY, _LOWER_KEY, _LEMMA_KEY))
    assert doc_texts(doc) == [t.text for t in doc]
    assert doc_lowers(doc) == [t.lower_ for t in doc]
    assert doc_lemmas(doc) == [t.lemma_.lower() for t in doc]
    doc = nlp.make_doc("officials were deporting officials")
    doc[3].lemma_ = "KEPT"
    nlp.get_pipe("lemmatizer")(doc)
    assert _LEMMA_KEY not in doc.user_data and doc_texts(doc) == [t.text for t in doc]
    assert doc_lemmas(doc) == ["official", "be", "deport", "kept"]


def test_lemmatizer_word_table_gives_the_same_lists_before_and_after_merging(monkeypatch):
    """Words seen before are read from the sorted arrays, new ones from the dict; both give the Token values."""
    from extractors.doccache import doc_lemmas, doc_lowers, doc_texts
    from extractors.pipeline import _WordTable

    monkeypatch.setattr(_WordTable, "MERGE_AT", 3)
    fresh = build_pipeline()
    texts = ["Officials said the OFFICIALS were deporting refugees.", "Ran. RAN. Ran, said the Officials again.",
             "Buses carried children; officials ran buses across the border."]
    for text in texts * 2:
        doc = fresh(text)
        assert doc_texts(doc) == [t.text for t in doc]
        assert doc_lowers(doc) == [t.lower_ for t in doc]
        assert doc_lemmas(doc) == [t.lemma_.lower() for t in doc]
    table = fresh.get_pipe("lemmatizer")._words
    assert len(table.orths) > 0 and list(table.orths) == sorted(table.orths)


def test_sentence_boundaries_after_spaces_quotes_and_line_breaks(nlp):
    text = 'He left. She stayed. "We go," he said. "Now." They ran.\nNo stop\n\n(Aside.) Next one.'
    assert sents(nlp, text) == ["He left.", "She stayed.", '"We go," he said.', '"Now."', "They ran.", "No stop",
                                "(Aside.)", "Next one."]



def test_components_are_registered_and_configured(nlp):
    assert nlp.pipe_names[:2] == ["migraph_boilerplate", "migraph_sentencizer"]
    assert "migraph_gazetteer" in nlp.pipe_names and nlp.pipe_names[-1] == "migraph_person_rules"
    assert nlp.get_pipe_config("migraph_gazetteer")["datelines"] is True


def test_terminal_punctuation_splits_sentences(nlp):
    assert sents(nlp, "The crossing closed at noon. Drivers waited overnight! Why?") == [
        "The crossing closed at noon.", "Drivers waited overnight!", "Why?"]


def test_abbreviations_and_initials_do_not_split(nlp):
    text = "Jan M. Olsen lives on St. Olav Street in the U.S. capital. He left on Monday."
    assert sents(nlp, text) == ["Jan M. Olsen lives on St. Olav Street in the U.S. capital.", "He left on Monday."]


def test_dateline_stays_with_its_sentence(nlp):
    text = "TALLINN, Estonia (AP) — Hundreds of cars queued at the border. Guards checked papers."
    assert sents(nlp, text) == ["TALLINN, Estonia (AP) — Hundreds of cars queued at the border.",
                                "Guards checked papers."]


def test_closing_quote_stays_with_its_sentence(nlp):
    text = '"We waited nine hours. Then they let us go." She smiled.'
    assert sents(nlp, text) == ['"We waited nine hours.', 'Then they let us go."', "She smiled."]


def test_paragraph_break_ends_a_sentence_without_punctuation(nlp):
    assert sents(nlp, "Border queues grow\n\nThe ministry said nothing.") == [
        "Border queues grow", "The ministry said nothing."]


# --- boilerplate and bylines ------------------------------------------------------------

def test_boilerplate_lines_produce_no_entities(nlp):
    doc = nlp("Share this article\nRead more: Finland closes its border to Russian tourists\n"
              "Follow AP's coverage at https://example.org/hub\nPolish guards patrolled the fence.")
    assert ents(doc) == ["Polish"] or all(not t._.in_boilerplate for e in doc.ents for t in e)
    assert "Finland" not in ents(doc)
    assert "Russian" not in ents(doc)


@pytest.mark.parametrize("text, name", [
    ("Guards waited. Radio Nord's Petra Lindqvist contributed to this report.", "Petra Lindqvist"),
    ("Reporting by Tomas Berg in Oslo; Editing by Ann Holm", "Tomas Berg"),
    ("By Hanna Virtanen and Olli Koski\nThe queue grew.", "Olli Koski"),
    ("Trucks waited. Karl Ekberg reported from Narva.", "Karl Ekberg"),
    ("A line of cars. Photo: Aino Salo/AFP via Getty Images", "Aino Salo"),
    ("Cars queued. Associated Press writers Lena Koch in Riga and Jan M. Olsen in Oslo contributed. More.",
     "Jan M. Olsen"),
])
def test_byline_ranges_cover_contributors(text, name):
    offset = text.index(name)
    assert any(start <= offset < end for start, end in byline_ranges(text))


def test_a_reporter_attributing_a_quotation_is_no_byline():
    text = "“The shelters are full,” Radio Nord’s Petra Lindqvist reports from Narva. “Volunteers sleep there.”"
    assert byline_ranges(text) == []
    # near miss: the same words on a line of their own after a quotation's paragraph stay a byline
    text = "“The shelters are full,” a guard said.\n\nRadio Nord’s Petra Lindqvist reported from Narva."
    offset = text.index("Petra")
    assert any(start <= offset < end for start, end in byline_ranges(text))


def test_by_with_a_date_is_not_a_byline():
    assert byline_ranges("By Tuesday, Maria Lind said the queue had gone.") == []


def test_contributor_sentence_does_not_swallow_its_paragraph():
    text = "Reporters saw Maria Lind cross. Associated Press writer Lena Koch contributed."
    assert all(start >= text.index("Associated") - 1 for start, _ in byline_ranges(text))


# --- gazetteer: countries, places, organisations ---------------------------------------

@pytest.mark.parametrize("text, surface, iso", [
    ("Officials in the U.S. said little.", "U.S.", "US"),
    ("Flights to Britain resumed.", "Britain", "GB"),
    ("Russian tourists were turned back.", "Russian", "RU"),
    ("Finnish guards closed the crossing.", "Finnish", "FI"),
    ("Belarusian troops moved west.", "Belarusian", "BY"),
    ("Talks with the U.S were delayed.", "U.S", "US"),
])
def test_countries_by_name_abbreviation_and_demonym(nlp, text, surface, iso):
    doc = nlp(text)
    found = {e.text: e._.iso for e in doc.ents if e.label_ in {"GPE", "NORP"}}
    assert found.get(surface) == iso


def test_places_carry_their_country(nlp):
    doc = nlp("Buses left Kharkiv for Przemysl.")
    places = {e.text: e._.iso for e in doc.ents if e.label_ == "LOC"}
    assert places.get("Kharkiv") == "UA"


def test_unknown_place_is_located_by_the_country_after_it(nlp):
    doc = nlp("Migrants gathered near Zorvitsa, Belarus, on Tuesday.")
    found = {e.text: (e.label_, e._.iso) for e in doc.ents}
    assert found["Zorvitsa"] == ("LOC", "BY")


def test_all_caps_dateline_is_a_place_not_a_person(nlp):
    doc = nlp("KRAVETSK, Ukraine (AP) — Volunteers handed out soup.\nODESA (AP) — Ferries stopped.")
    found = {e.text: (e.label_, e._.iso) for e in doc.ents}
    assert found["KRAVETSK"] == ("LOC", "UA")
    assert found["ODESA"][0] == "LOC"
    assert not ents(doc, "PERSON")


def test_acronym_opening_a_paragraph_with_a_comma_is_no_dateline(nlp):
    # a dateline's comma is followed by a place, a state or a date; a lower-case word after it means an acronym
    # opens the sentence (the folded "Fova" would otherwise be looked up as a place)
    doc = nlp("The ruling came late.\nFOVA, which began in 2015, covered 9,000 workers.\n"
              "TARNOVEK, Ukraine (AP) — Volunteers handed out soup.")
    found = {e.text: (e.label_, e._.iso) for e in doc.ents}
    assert "FOVA" not in found
    assert found["TARNOVEK"] == ("LOC", "UA")


def test_organisations_by_pattern(nlp):
    doc = nlp("The Ministry of Internal Affairs said Latvian border guards had stopped 40 people.")
    orgs = {e.text: e._.iso for e in doc.ents if e.label_ == "ORG"}
    assert "Ministry of Internal Affairs" in orgs
    assert orgs["Latvian border guards"] == "LV"


# --- persons ----------------------------------------------------------------------------

def test_regional_adjectives_and_role_words_are_not_persons(nlp):
    doc = nlp("Eastern European capitals were crowded. She once served as Deputy Assistant Secretary of "
              "Defense for European Affairs. African and Asian students left. Refugee groups helped.")
    assert ents(doc, "PERSON") == []


def test_org_names_and_sentence_initial_words_are_not_persons(nlp):
    doc = nlp("Human Rights Watch criticised the plan. Meanwhile Border Patrol agents waited. Lines grew.")
    assert ents(doc, "PERSON") == []


def test_particles_hyphens_and_initials_stay_inside_names(nlp):
    doc = nlp("Commission President Greta van der Berg met Jean-Luc Marchetti and Jan M. Olsen on Friday. "
              "Van der Berg said little. Later van der Berg left.")
    persons = ents(doc, "PERSON")
    assert "Greta van der Berg" in persons
    assert "Jean-Luc Marchetti" in persons
    assert "Jan M. Olsen" in persons
    assert "van der Berg" in persons


def test_first_name_only_people(nlp):
    doc = nlp("She crossed with her son Mykola and her daughter Sophia. \"It was cold,\" said Oksana, "
              "who is 34. Taras, 19, stayed behind.")
    persons = ents(doc, "PERSON")
    for name in ("Mykola", "Sophia", "Oksana", "Taras"):
        assert name in persons


def test_trained_model_persons_are_used_alongside_rules(tmp_path):
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(0)
    trained = spacy.blank("en")
    trained.add_pipe("ner")
    data = [
        ("Qorvath met the delegation.", [(0, 7, "PERSON")]),
        ("Yesterday Qorvath met the delegation.", [(10, 17, "PERSON")]),
        ("The delegation met Qorvath today.", [(19, 26, "PERSON")]),
        ("Officials said the border was closed.", []),
        ("Trucks waited at the crossing.", []),
    ]
    examples = [Example.from_dict(trained.make_doc(text), {"entities": spans}) for text, spans in data]
    optimizer = trained.initialize(lambda: examples)
    for _ in range(30):
        trained.update(examples, sgd=optimizer, drop=0.0)
    trained.to_disk(tmp_path / "model")

    rules_only = build_pipeline()
    text = "Qorvath met the delegation. Russian tourists said Anna Kovalenko, 34, left."
    assert "Qorvath" not in ents(rules_only(text), "PERSON")

    nlp = build_pipeline(model=str(tmp_path / "model"))
    assert "ner" in nlp.pipe_names
    doc = nlp(text)
    persons = {e.text: e._.source for e in doc.ents if e.label_ == "PERSON"}
    assert persons.get("Qorvath") == "model"
    assert persons.get("Anna Kovalenko") == "rules"
    assert {e.text: e._.iso for e in doc.ents}.get("Russian") == "RU"


def test_missing_model_is_a_clear_error():
    with pytest.raises(ValueError, match="not installed"):
        build_pipeline(model="/nonexistent/migraph-model")


def test_glued_country_name_split_by_the_tokenizer_keeps_its_record(nlp):
    """Web text glues link titles ("SouthKorea"); the tokens still match, and must find the country."""
    doc = nlp("Officials in SouthKorea said the border stays closed.")
    assert [(e.text, e._.iso) for e in doc.ents if e.label_ == "GPE"] == [("SouthKorea", "KR")]


@pytest.mark.parametrize("text", [
    "Senator ConnorTalks about the border", "a widget gluing McConnellGOP and BashCNN to Romney9",
    "abcDefgHi ends", "thisIs a shortOne, aboveNone", "route12th and route12 and tripleABCDEFG",
    "MacArthur, McCarthy and DeSantis stay whole", "naïveÉclair and cafe٣", "", "no capitals here",
    "endsD", "abcD", "curly’Quote abc’De \ud800abcDe abcDé abcİx ſabcDe",
    "wordsABC12 and abc\u0663 abc٣4 fullwidth abc１",
])
def test_glued_positions_equal_a_full_scan(text):
    """The hint-first search finds exactly the boundaries a scan of every position finds (none skipped), and the
    hints are the hint regex's matches (capitals from the letter-case bytes, digits from the digit runs)."""
    from extractors import temporal
    from extractors.pipeline import _GLUED_HINT_RE, GLUED_NAME_RE, _glued_hints, glued_positions

    temporal._DIGIT_RUNS[0] = None
    assert _glued_hints(text) == [m.start() for m in _GLUED_HINT_RE.finditer(text)]
    assert glued_positions(text) == [m.start() for m in GLUED_NAME_RE.finditer(text)]


def test_glued_names_still_split(nlp):
    doc = nlp("Rubio said the vote was lost. Senator Maria OrtegaPence spoke later.")
    assert "Ortega" in [t.text for t in doc] and "Pence" in [t.text for t in doc]


def test_byline_cue_in_any_case_is_not_skipped_by_the_substring_prefilter():
    text = "The mayor spoke on Monday.\n\nADDITIONAL REPORTING BY Jo Vantor in Lisbon; Editing by Sam Quell."
    ranges = byline_ranges(text)
    assert any(text[a:b].startswith("ADDITIONAL REPORTING BY") for a, b in ranges)
    assert not any("mayor" in text[a:b] for a, b in ranges)
    assert byline_ranges("The mayor spoke on Monday.") == []


def test_an_abbreviation_ends_a_sentence_before_an_opening_word(nlp):
    text = ("The families crossed into the U.S. He said they waited for days. "
            "Aid reached Washington, D.C. Officials agreed.")
    assert sents(nlp, text) == ["The families crossed into the U.S.", "He said they waited for days.",
                                "Aid reached Washington, D.C.", "Officials agreed."]


def test_an_abbreviation_before_a_name_or_noun_does_not_split(nlp):
    text = "The U.S. Border Patrol met U.N. Secretary-General Guterres at 9 a.m. Monday in Geneva."
    assert sents(nlp, text) == [text]


def test_set_entities_writes_what_set_ents_writes():
    """``set_entities`` (one from_array call) leaves every token as ``doc.set_ents(..., default="outside")`` does:
    adjacent spans of one label, knowledge-base ids and span ids, unlabelled spans, and values set before."""
    import random

    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
    from spacy.tokens import Span

    from extractors.pipeline import set_entities

    blank = spacy.blank("en")
    columns = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    rng = random.Random(7)
    text = " ".join(f"w{i}" for i in range(40))
    for trial in range(300):
        with_ids, preset = trial % 3 == 0, trial % 3 == 1  # (the rules' spans have no ids: the usual case)
        spans, start = [], 0
        while start < 40:
            start += rng.randrange(0, 4)
            end = start + rng.randrange(1, 4)
            if end > 40:
                break
            label = rng.choice(["GPE", "PERSON", "ORG", ""])
            ids = (rng.choice(["", "Q1"]), rng.choice(["", "id7"])) if with_ids else ("", "")
            spans.append((start, end, label, *ids))
            start = end
        expected, found = blank(text), blank(text)
        for doc in (expected, found):  # earlier entities with ids, as a trained pipeline may leave them
            doc.set_ents([Span(doc, 2, 5, label="LOC", kb_id="Q9" if preset else "", span_id="old")],
                         default="outside")
        expected.set_ents([Span(expected, *s[:2], label=s[2], kb_id=s[3], span_id=s[4]) for s in spans],
                          default="outside")
        set_entities(found, [Span(found, *s[:2], label=s[2], kb_id=s[3], span_id=s[4]) for s in spans])
        assert (found.to_array(columns) == expected.to_array(columns)).all()
        assert [(e.start, e.end, e.label_) for e in found.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
    doc = blank(text)
    with pytest.raises(ValueError):  # overlapping spans: set_ents's error
        set_entities(doc, [Span(doc, 0, 3, label="GPE"), Span(doc, 2, 4, label="ORG")])


def test_sentence_marks_found_as_numpy_isin_finds_them():
    import numpy
    from spacy.attrs import ORTH

    from extractors.pipeline import TERMINAL, _is_mark, _orth_ids, _sentence_final_abbreviations

    final_abbreviations, _ = _sentence_final_abbreviations()
    for blank in (spacy.blank("en"), spacy.blank("en")):  # a second string store: its own hashes are made
        doc = blank("Hi. Is it? Yes! U.S. Jr. ... ?! zzz … — end" + " a" * 50 + " ~ \uffff")
        orth = doc.to_array(ORTH)
        expected = numpy.isin(orth, _orth_ids(doc, TERMINAL | final_abbreviations))
        assert (_is_mark(doc, orth) == expected).all() and expected.sum() >= 5


def test_lower_text_is_the_lower_case_of_the_text_asked_for():
    from extractors.doccache import lower_text

    first, second = "İstanbul Said: TODAY", "".join(["Doubled ", "3-FOLD"])
    for text in (first, second, first, "".join(["İstanbul Said", ": TODAY"]), second, ""):
        assert lower_text(text) == text.lower()


def test_word_classes_of_quotes_entities_and_events_match_their_token_scans(nlp):
    """The lemmatizer's word classes give the tokens the quote, group and event rules scanned for, and the rules
    find the same without them (a new Doc of the same text has no classes once they are removed)."""
    from itertools import compress

    from extractors import entities, events, quotes
    from extractors.doccache import WORD_CLASSES_KEY, class_positions, doc_lowers
    from extractors.entities import extract_entities

    text = ("Syrian refugees and military-aged men crossed, the ministry said. He told reporters that asylum "
            "seekers were deported; according to officials, the border guards detained 40 migrants. "
            "Officials Said: \"They will arrive.\" A spokeswoman added that families fled.")
    doc = nlp(text)
    lowers, n = doc_lowers(doc), len(doc)
    assert class_positions(doc, quotes._CODED_WORD) == list(
        compress(range(n), map(quotes._word_codes().__contains__, lowers)))
    assert class_positions(doc, entities._GROUP_FIRST_WORD) == list(
        compress(range(n), map(entities._group_words()[1].__contains__, lowers)))
    assert class_positions(doc, events._FIRST_FORM) == [i for i in range(n) if events._is_first_form(lowers[i])]
    assert class_positions(doc, quotes._CODED_WORD) and class_positions(doc, events._FIRST_FORM)
    assert class_positions(doc, entities._GROUP_FIRST_WORD)

    def found(doc):
        result = extract_entities(doc)
        return (quotes._word_positions(doc), repr(result.entities), events._Words(doc).candidates())

    with_classes = found(doc)
    plain = nlp(text)
    del plain.user_data[WORD_CLASSES_KEY]
    assert class_positions(plain, quotes._CODED_WORD) is None
    assert found(plain) == with_classes
