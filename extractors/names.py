"""Rules that find persons and organisations in news text without a trained model.

A person name is a run of capitalised tokens (with initials and particles) that is not
a known country, place or organisation, and that has evidence of being a person: a
known first name (``gender-guesser``'s list), a title or role before it ("Foreign
Minister", "Mr."), a speech verb or an age next to it, or a naming phrase ("a man
named", "identified himself as"). Later bare surnames of found persons become mentions.

What is no person, whatever its capitals (word lists in ``data/lexicon.json``): a run stops at a
capitalised function word or headline verb ("In", "Is", "Says"); a run that ends in a document,
place, company, faith or party word ("Refugee Convention", "Golan Heights", "Daimler AG", "Sunni
Muslims", "Ohio Republican") or starts with a storm or place prefix ("Hurricane", "Fort") needs a
person cue; two uncommon words need one too when only a Title Case headline holds them or a
preposition of place precedes them ("drove to Verkhny Lars"). A naming phrase after a thing noun ("a charity
called X", "the ship, named X") names no person; a sentence-opening -ing verb form ("Revoking Schengen") is no
given name; after a patronymic surname ("Sanchez") a second surname follows, not a new person. Hyphenated
names stay whole ("Ban Ki-moon", "Elsayid-Ali"), and a hyphen-glued role stays the role ("Secretary-General").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache, cached_property, lru_cache
from itertools import compress
from operator import itemgetter

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractors.doccache import (
    BOILERPLATE_TOKENS_KEY,
    class_positions,
    doc_lemmas,
    doc_lowers,
    doc_text,
    doc_texts,
    sentence_columns,
    token_starts,
    word_class,
)
from extractors.gazetteer import (
    gazetteer,
    is_common_word,
    is_lower_case_word,
    lexicon,
    load_json,
    lower_case_words,
)

PARTICLES = {"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "di", "la", "le",
             "du", "dos", "das", "del", "ter", "ten", "y", "abu", "bint"}
NAME_RE = re.compile(r"^[A-Z\u00C0-\u024F\u0400-\u04FF][\w\u00C0-\u024F’'\-]*$")
INITIAL_RE = re.compile(r"^[A-Z]\.$")
NAME_START_RE = re.compile(r"[A-Z\u00C0-\u024F\u0400-\u04FF]")  # the first character NAME_RE and INITIAL_RE allow
HYPHENS = {"-", "‑"}
# "Olga Sanchez Cordero", "Andres Lopez Obrador": after a patronymic surname ("-ez") a second surname follows,
# even when it is also a given name somewhere; no second person starts there.
HISPANIC_SURNAME_ENDINGS = ("ez", "éz")
HYPHEN_GAP_RE = re.compile(r" ([-‑]) ")  # "Secretary - General" (tokens joined) -> "Secretary-General"
QUOTE_CLOSERS = {'"', "”", "’", "'"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his",
               "her", "my", "your"}
NAMING_CUES = (
    ("named",), ("called",), ("identified", "himself", "as"), ("identified", "herself", "as"),
    ("identified", "himself", "only", "as"), ("identified", "herself", "only", "as"),
    ("identified", "only", "as"), ("identified", "as"), ("known", "as"), ("name", "is"),
    ("gave", "his", "name", "as"), ("gave", "her", "name", "as"), ("introduced", "himself", "as"),
    ("introduced", "herself", "as"),
)
NAMING_CUE_ENDS = {cue[-1] for cue in NAMING_CUES}
SPEECH_BEFORE_WORDS = frozenset({"said", "says", "added", "asked", "wrote", "recalled", "explained"})
# Evidence that outweighs a thing-like last word ("Hall", "Law"): a title, a naming phrase, an apposition ...
PERSON_CUES = {"title", "naming", "kinship", "apposition", "quoted", "speech_before"}
SURNAME_MONTHS = {"May", "June", "April", "August"}  # months that are also surnames ("Theresa May")
WEEKDAYS_MONTHS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.",
}


@cache
def _first_names():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@cache  # called for every token of every name run: the detector's lookup lower-cases and scans each time
def first_name_gender(word: str) -> str | None:
    """'male' / 'female' / 'andy' for a known given name, else None."""
    if not word[:1].isupper() or len(word) < 2:
        return None
    guess = _first_names().get_gender(word)
    if guess == "unknown":
        return None
    return {"mostly_male": "male", "mostly_female": "female"}.get(guess, guess)


@cache
def _sets():
    lex = lexicon()
    orgs = load_json("organizations.json")
    sets = {
        "roles": {w.lower() for w in lex["role_words"]},
        "role_heads": {w.lower() for w in lex["role_heads"]},
        "honorifics": set(lex["honorifics"]),
        "speech": set(lex["speech_verbs"]),
        "org_heads": set(orgs["org_head_nouns"]),
        "org_nouns": {w.lower() for w in orgs["org_common_nouns"]},
        "person_nouns": set(lex["person_nouns"]),
        "regional": set(lex["regional_adjectives"]),
        "kinship": {w.lower() for w in lex["kinship_nouns"]},
        "person_endings": tuple(lex["person_noun_endings"]),
        "place_prepositions": set(lex["place_prepositions"]),
        "town_nouns": set(lex["town_nouns_after"]),
        "trailing_roles": set(lex["trailing_role_words"]),
        "preposition_person_cues": set(lex["place_preposition_person_cues"]),
        "headline": set(lex["headline_words"]),
        "hyphen_compounds": set(lex["hyphen_compound_words"]),
        "named_things": set(lex["named_thing_nouns"]),
        "things_before_name": set(lex["thing_nouns_before_name"]),
    }
    heads = lex["non_person_heads"]
    # Parties and plural group nouns ("Ohio Republican", "Syrian Refugees", "... Ryan Retirees") end no person name.
    sets["party_words"] = set(heads["parties_and_groups"]) | {w.capitalize() for w in lex["group_nouns"]}
    sets["first_words"] = set(heads["first_words"])
    sets["place_heads"] = set(heads["places"])  # also surnames ("Hall", "Bay"): a speaking given name outweighs
    # Last words that make a capitalised run a thing, a place or a people rather than a person.
    sets["thing_heads"] = (set(heads["documents"]) | set(heads["places"]) | set(heads["companies"])
                           | set(heads["faiths_and_peoples"]) | sets["regional"])
    # Unions the rules test against, built once instead of on every test.
    sets["role_words"] = sets["roles"] | sets["role_heads"]
    sets["heads_or_honorifics"] = sets["role_heads"] | sets["honorifics"]
    sets["titles"] = sets["roles"] | sets["role_heads"] | sets["honorifics"]
    sets["role_like"] = sets["roles"] | sets["role_heads"] | {w.lower() for w in sets["person_nouns"]}
    # Every word right before a one-word name that gives it evidence (``_one_word_may_be_found``).
    sets["one_word_cues_before"] = (SPEECH_BEFORE_WORDS | sets["kinship"] | NAMING_CUE_ENDS | sets["role_heads"]
                                    | sets["honorifics"])
    # Every word right before a name after which ``_evidence_before`` finds something (or after a comma).
    sets["evidence_before_cues"] = (SPEECH_BEFORE_WORDS | sets["kinship"] | sets["things_before_name"]
                                    | NAMING_CUE_ENDS)
    return sets


# Memoised on the token string: the same few thousand words recur in every article.
@lru_cache(maxsize=1 << 15)  # asked for the same words over and over (every capitalised token, by several rules)
def is_name_text(text: str) -> bool:
    """A capitalised word or an initial ("Merkel", "J."), no weekday or month."""
    return bool(NAME_RE.match(text) or INITIAL_RE.match(text)) and text not in WEEKDAYS_MONTHS


@lru_cache(maxsize=1 << 15)
def is_all_caps_text(text: str) -> bool:
    """"ISTANBUL", "UNHCR": at least three letters, all upper-case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1 << 15)
def _is_run_text(text: str) -> bool:
    return is_name_text(text) and not is_all_caps_text(text)


def _given_and_surname(words: list[str]) -> bool:
    """A known given name followed by at least one more name word ("Travis Frey", not "Abraham" alone)."""
    return len(words) >= 2 and _is_given_name(words[0])


@lru_cache(maxsize=1 << 15)
def _is_given_name(word: str) -> bool:
    """A known given name that is no frequent English word ("Sophia", not "Will")."""
    return first_name_gender(word) is not None and not is_common_word(word, -9.5)


@lru_cache(maxsize=1 << 15)
def _is_common_or_initial(word: str) -> bool:
    """A frequent English word, or an initial (initials do not make a name uncommon or common)."""
    return bool(INITIAL_RE.match(word)) or is_common_word(word)


def _all_lower_case_words(words: list[str]) -> bool:
    """Every word of a name is one written in lower case far more often than capitalised
    (``gazetteer.lower_case_words``), counting at least two such words; initials and punctuation are skipped."""
    lower_case = lower_case_words()
    count = 0
    for word in words:
        if word.isalpha() and len(word) > 1:
            if word.lower() not in lower_case:
                return False
            count += 1
    return count >= 2


@lru_cache(maxsize=1 << 15)
def _is_descriptor(word: str, lower: str) -> bool:
    """A regional adjective, a title or role word, or a demonym: alone, such words are no name."""
    sets = _sets()
    return word in sets["regional"] or lower in sets["titles"] or word in gazetteer().demonym_by_surface


@lru_cache(maxsize=1 << 12)
def is_title_word(text: str) -> bool:
    """A title, role or honorific ("Mayor", "Minister", "Mr."): next to a place it makes the place an owner, not
    part of a name ("Chicago Mayor Jo Smith", "Orlando Mayor ...")."""
    return text.lower() in _sets()["titles"]


def HONORIFIC_WORDS() -> set[str]:  # noqa: N802 (reads as the constant it is)
    """Lower-case honorifics ("mr.", "mrs", "dr.")."""
    return _sets()["honorifics"]


def is_name_token(token: Token) -> bool:
    return is_name_text(token.text)


def is_all_caps(token: Token) -> bool:
    """"ISTANBUL", "UNHCR": datelines, acronyms and shouted headlines, not parts of person names."""
    return is_all_caps_text(token.text)


def is_speech_token(token: Token) -> bool:
    lemma = (token.lemma_ or token.text).lower()
    return lemma in _sets()["speech"] or token.lower_ in {"said", "says", "told", "added", "stated"}


def person_cue_before(doc: Doc, start: int) -> bool:
    """A lower-case kinship noun or an honorific right before ("her daughter Sophia", "Mr. Paris")."""
    if start == 0:
        return False
    before = doc[start - 1]
    sets = _sets()
    return (before.text.islower() and before.lower_ in sets["kinship"]) or before.lower_ in sets["honorifics"]


def kin_apposition_before(view: TokenView, start: int, end: int) -> bool:
    """A given name set off after a lower-case kinship noun ("his mother, Donna, said", "her son, Ali."): the
    relative's name, even where it is also a town."""
    text = view.text
    return (start >= 2 and text[start - 1] == "," and text[start - 2].islower()
            and view.lower[start - 2] in _sets()["kinship"] and end < view.n and text[end] in {",", "."})


WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def is_title_case_line(line: str) -> bool:
    """A headline in Title Case: three or more words of four letters or more, every one capitalised.

    Running text always has lower-case words of that length; a line without one is a headline or a
    link widget ("Captain Of Sunk Boat Is Charged", "Minister Visits Border Camp").
    """
    long_words = [w for w in WORD_RE.findall(line) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[:1].isupper() for w in long_words)


@lru_cache(maxsize=1 << 10)
def _is_title_case_line_cached(line: str) -> bool:
    return is_title_case_line(line)


_NAME_START_CHARS = frozenset(chr(c) for c in range(0x500) if NAME_START_RE.match(chr(c)))  # (all below U+0500)
_first_char = itemgetter(0)

# What the rules below scan every token of a document for, as word classes (doccache.word_class): the pipeline's
# lemmatizer classifies each word once per process and leaves the classes per token; ``TokenView.positions`` then
# finds a class's tokens with one numpy pass. Without them (a pipeline without that lemmatizer), each rule scans the
# token strings itself.
RUN_WORD = word_class(lambda text, lower: text[:1] in _NAME_START_CHARS and _is_run_text(text))  # TokenView.name_like
SURNAME_MONTH = word_class(lambda text, lower: text[:1] in _NAME_START_CHARS and text in SURNAME_MONTHS)  # "May"
ORG_CUE = word_class(lambda text, lower: text in _org_cue_words())  # organization_spans
UPPER = word_class(lambda text, lower: text.isupper())  # _acronym_speakers
ORG_NOUN = word_class(lambda text, lower: lower in _org_nouns_before_name())  # _named_after_org_noun
ADMINISTRATION = word_class(lambda text, lower: lower == "administration")  # organization_spans ("the X ...")


class TokenView:
    """The token attributes the rules read, as plain lists indexed by token position.

    Reading ``doc[i]`` or iterating a Doc builds a new Token object per access, and the rules
    look at every token several times; ``to_array`` and the cached token strings give the same
    values at list-index speed. Build one per component call: sentence starts and boilerplate
    flags are set by earlier components. Rarely read attributes (``is_alpha``, ``like_num`` ...)
    are read from ``doc[i]`` where a rule needs them.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.n = len(doc)
        self.text = doc_texts(doc)
        self.lower = doc_lowers(doc)

    @cached_property
    def _columns(self) -> numpy.ndarray:
        """``doc.to_array(["IDX", "SENT_START", "SPACY"])``, from the sentencizer's columns where it left them."""
        kept, idx = sentence_columns(self.doc), token_starts(self.doc)
        if kept is None or idx is None:
            return self.doc.to_array(["IDX", "SENT_START", "SPACY"])
        columns = numpy.empty((self.n, 3), dtype="uint64")  # (numpy.column_stack, without its Python layers)
        columns[:, 0], columns[:, 1], columns[:, 2] = idx, kept[2], kept[1]
        return columns

    @cached_property
    def idx(self) -> list[int]:
        """Each token's character offset."""
        return self._columns[:, 0].tolist()

    @cached_property
    def sent_start(self) -> list[bool]:
        """``token.is_sent_start`` as a bool (True only for the value 1, as spaCy's getter)."""
        return (self._columns[:, 1] == 1).tolist()

    @cached_property
    def space(self) -> list[int]:
        """Whether whitespace follows each token (``bool(token.whitespace_)``)."""
        return self._columns[:, 2].tolist()

    @cached_property
    def boilerplate(self) -> set[int] | frozenset[int]:
        """Positions of tokens whose ``_.in_boilerplate`` is set."""
        marked = self.doc.user_data.get(BOILERPLATE_TOKENS_KEY)
        if marked is not None:  # the boilerplate component kept the positions it flagged
            return marked
        offsets = _boilerplate_offsets(self.doc)
        if not offsets:
            return set()
        idx = self.idx
        positions = set()
        for offset in offsets:
            i = bisect_left(idx, offset)
            if i < len(idx) and idx[i] == offset:
                positions.add(i)
        return positions

    @cached_property
    def doc_text(self) -> str:
        return doc_text(self.doc)

    def positions(self, bit: int) -> list[int] | None:
        """``doccache.class_positions``: the tokens of a word class, ascending (None: scan the tokens)."""
        return class_positions(self.doc, bit)

    @cached_property
    def name_like(self) -> set[int]:
        """Positions of tokens that can be part of a person name run (``_is_run_text``).

        Only a token starting with a letter of ``NAME_RE``'s first class can be one. ``compress`` and ``map``
        pick those tokens, then the name-like ones among them, in C: no Python step per token (or the word
        classes give both at once).
        """
        text = self.text
        found = self.positions(RUN_WORD)
        if found is not None:
            found, months = set(found), self.positions(SURNAME_MONTH)
        else:
            try:
                starts = list(compress(range(self.n), map(_NAME_START_CHARS.__contains__, map(_first_char, text))))
            except IndexError:  # an empty token string (none from spaCy's tokenizer)
                starts = [i for i, word in enumerate(text) if word[:1] in _NAME_START_CHARS]
            found = set(compress(starts, map(_is_run_text, map(text.__getitem__, starts))))
            months = compress(starts, map(SURNAME_MONTHS.__contains__, map(text.__getitem__, starts)))
        # "Theresa May": a month that may be a surname (``_is_run_text`` turns down every month)
        for i in months:
            if self._month_as_surname(i):
                found.add(i)
        return found

    def _month_as_surname(self, i: int) -> bool:
        """"Theresa May", "Mrs May", "Prime Minister May": a month that is a surname after a given name or a title,
        not before a day number or a year ("April 3", "May 2019")."""
        if i == 0 or not self.space[i - 1] or self.sent_start[i]:
            return False
        before, after = self.text[i - 1], self.text[i + 1] if i + 1 < self.n else ""
        if after[:1].isdigit() or after.lower() in {"of", "day", "st", "nd", "rd", "th"}:
            return False
        if before[:1].isupper() and (_is_given_name(before) or is_title_word(before)):
            return True  # not after "In", "On" (listed as given names too)
        return self.lower[i - 1] in _sets()["honorifics"]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (the empty string for an empty range), cut from the document text."""
        if start >= end:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]

    @cached_property
    def run_ok(self) -> set[int]:
        """``name_like`` without capitalised function words ("In", "Says"): the tokens a name run may hold."""
        headline = _sets()["headline"]
        text = self.text
        return {i for i in self.name_like if text[i] not in headline}

    def _in_title_case_line(self, offset: int) -> bool:
        """Whether the line holding character ``offset`` is a Title Case line (a headline)."""
        text = self.doc_text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return _is_title_case_line_cached(text[start:end if end >= 0 else len(text)])

    def only_in_title_case_lines(self, i: int, name: str) -> bool:
        """Whether token ``i`` lies in a Title Case line and ``name`` occurs in no other line."""
        if not self._in_title_case_line(self.idx[i]):
            return False
        text = self.doc_text
        at = text.find(name)
        while at >= 0:
            if not self._in_title_case_line(at):
                return False
            at = text.find(name, at + 1)
        return True

    def is_speech(self, i: int) -> bool:
        """``is_speech_token(doc[i])``."""
        low = self.lower[i]
        if low in {"said", "says", "told", "added", "stated"}:
            return True
        lemma = self.lemmas[i]  # Token.lemma_.lower()
        return (lemma or self.text[i].lower()) in _sets()["speech"]

    @cached_property
    def lemmas(self) -> list[str]:
        """``doc_lemmas(doc)``: the lemmatizer's cached list (the view is built after the lemmatizer ran)."""
        return doc_lemmas(self.doc)

    def person_cue_before(self, start: int) -> bool:
        """``person_cue_before(doc, start)``."""
        if start == 0:
            return False
        sets = _sets()
        low = self.lower[start - 1]
        return (self.text[start - 1].islower() and low in sets["kinship"]) or low in sets["honorifics"]


TOKEN_COLUMNS_KEY = "migraph.token_columns"
"""``doc.user_data`` key of the (IDX, SENT_START, SPACY) array and its IDX column as a list, as the person rules read
them (``person_spans``)."""
_BYLINES_KEY = ("._.", "bylines", None, None)  # where spaCy keeps ``doc._.bylines``


def doc_bylines(doc: Doc) -> list[tuple[int, int]] | None:
    """``doc._.bylines`` read where spaCy keeps it (None where it is unset, for the registered default []): no
    Underscore object per read."""
    return doc.user_data.get(_BYLINES_KEY)


_SHARED_VIEW: list[TokenView | None] = [None]


def share_view(view: TokenView | None) -> None:
    """Let the next pipeline components read ``view`` for its Doc (None ends the sharing).

    The gazetteer and person components run back to back on an unchanged Doc (sentences and boilerplate set
    before them), and each asked for the same arrays and lists; the gazetteer shares its view until the
    person component is done.
    """
    _SHARED_VIEW[0] = view


def shared_view(doc: Doc) -> TokenView:
    """The view shared for ``doc`` (``share_view``), or a new one."""
    view = _SHARED_VIEW[0]
    if view is None or view.doc is not doc or view.n != len(doc):
        view = TokenView(doc)
    return view


def _boilerplate_offsets(doc: Doc) -> set[int]:
    """Character offsets of the tokens whose ``_.in_boilerplate`` is set.

    spaCy keeps a token extension's value in ``doc.user_data`` under ``("._.", name, token.idx, None)``;
    reading those keys once replaces a Token object and an extension lookup per token
    (``tests/test_names.py`` checks this against the extension API).
    """
    return {key[2] for key, value in doc.user_data.items()
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[1] == "in_boilerplate"
            and key[3] is None and value}


def _in_ranges(offset: int, ranges) -> bool:
    return any(start <= offset < end for start, end in ranges or ())


def _taken(ents: tuple[Span, ...]) -> set[int]:
    taken = set()
    for ent in ents:
        taken.update(range(ent.start, ent.end))
    return taken


_LOC_ID = get_string_id("LOC")  # a label's hash names one string: comparing hashes compares the labels (r33)
_PERSON_ID = get_string_id("PERSON")

_RUN_LINKS = HYPHENS | {"("}  # tokens not name-like that a run may go on over


def _runs(view: TokenView, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens that no entity covers yet.

    A capitalised function word or headline verb ("In", "Is", "Says") is never part of a name:
    Title Case headlines capitalise them, and the run stops there ("Minister Says" -> "Minister").
    """
    n = view.n
    text, lower, space, sent_start = view.text, view.lower, view.space, view.sent_start
    run_ok = view.run_ok
    ends_at = -1  # the previous run's end: runs never overlap
    runs = []
    for i in sorted(run_ok.difference(taken, view.boilerplate)):
        if i < ends_at:
            continue
        j = i + 1
        while j < n and j not in taken:
            t = text[j]
            if j not in run_ok and t not in _RUN_LINKS and lower[j] not in PARTICLES:
                break  # the usual end (a lower-case word, punctuation): none of the cases below applies
            if j in run_ok and not sent_start[j] and (space[j - 1] or not t[:1].isupper() or text[j - 1] in HYPHENS):
                j += 1  # a capitalised token glued to the previous one ("Barr|Ocasio") starts a new run
            elif (t in HYPHENS and not space[j - 1] and not space[j]
                  and j + 1 < n and j + 1 in run_ok and j + 1 not in taken):
                j += 2  # "Jean-Pierre": spaCy splits the hyphen off
            elif (t == "(" and space[j - 1] and j + 3 < n and text[j + 2] == ")" and space[j + 2]
                  and j + 1 in run_ok and j + 3 in run_ok and not taken.intersection(range(j + 1, j + 4))
                  and first_name_gender(text[j - 1]) is not None and first_name_gender(text[j + 1]) is not None):
                j += 3  # "Michael (Mike) Richard Pence": a nickname in brackets after the given name
            elif (t in HYPHENS and j - i >= 2 and not space[j - 1] and not space[j] and j + 1 < n
                  and j + 1 not in taken and _is_name_syllable(text[j + 1])
                  and lower[j - 1] not in _sets()["titles"]):
                j += 2  # "Ban Ki-moon", "Kim Jong-un": a lower-case syllable ends a name of two or more words
                break
            elif lower[j] in PARTICLES and not sent_start[j]:
                # "von der Leyen", "de la Cruz", "bin Abdul": one or more particles, then a name
                k = j
                while k < n and k - j < 3 and lower[k] in PARTICLES and k not in taken:
                    k += 1
                if (k + 1 < n and text[k] in HYPHENS and not space[k - 1]
                        and not space[k] and k + 1 in run_ok and k + 1 not in taken):
                    j = k + 2  # "al-Baghdadi"
                elif k < n and k not in taken and k in run_ok and not sent_start[k]:
                    j = k
                else:
                    break
            else:
                break
        runs.append((i, j))
        ends_at = j
    return runs


@lru_cache(maxsize=1 << 12)
def _is_name_syllable(word: str) -> bool:
    """A short lower-case part after a hyphen that is no adjective compound ("moon", "un"; not "era", "led")."""
    return (word.isalpha() and word.islower() and len(word) <= 4 and not word.endswith("ed")
            and word not in _sets()["hyphen_compounds"])


def _is_gerund(view: TokenView, i: int) -> bool:
    """An -ing form the lookup lemmatizer takes back to a verb ("Revoking" -> "revoke"), not a name ("Manning")."""
    low = view.lower[i]
    return low.endswith("ing") and len(low) >= 6 and _verb_ing_form(low)


@lru_cache(maxsize=1 << 12)
def _is_third_person_verb(word: str) -> bool:
    """A capitalised -s form of a frequent word ("Passes", "Builds", "Warns"), as Title Case headlines write verbs.

    Also true of some surnames ("Banks", "Woods"): callers use it only for names no other line holds.
    """
    low = word.lower()
    if len(low) < 4 or not low.endswith("s") or low.endswith("ss") or first_name_gender(word) is not None:
        return False
    lemma = _lemma_lookup().get(low)
    if isinstance(lemma, list):
        lemma = lemma[0] if lemma else None
    if lemma and lemma != low:
        return is_common_word(lemma)
    return is_common_word(low[:-1]) or (low.endswith("es") and is_common_word(low[:-2]))


@lru_cache(maxsize=1 << 12)
def _verb_ing_form(low: str) -> bool:
    lemma = _lemma_lookup().get(low)
    if isinstance(lemma, list):
        lemma = lemma[0] if lemma else None
    return bool(lemma) and lemma != low and not lemma.endswith("ing")


@cache
def _lemma_lookup():
    """spaCy's English lookup table (spacy-lookups-data), keyed here by the lower-cased word.

    The JSON as a plain dict: ``load_lookups(...).get_table(...)`` holds the same pairs keyed by the words' string
    hashes, and hashing its 41,582 keys into a ``Table`` took 0.2 s more on a worker's first article."""
    from spacy.util import load_language_data, registry

    return load_language_data(registry.lookups.get("en")["lemma_lookup"])


def lookup_lemma(text: str) -> str:
    """The lemma the pipeline's lookup lemmatizer gives the word ``text``, lower-cased (as ``doc_lemmas`` holds it):
    the table's entry for the token text (the first of a list), else the text itself (``pipeline.LookupLemmatizer``)."""
    found = _lemma_lookup().get(text)
    if isinstance(found, list):
        found = found[0]
    return (text if found is None else found).lower()


def _split_runs(view: TokenView, runs):
    """Split a run where a second full name begins ("William Barr William Pelham Barr", "Mike Pence Michael").

    After the title, a given name that follows a non-given, non-particle word two or more words into a
    name that itself opened with a given name starts another name (lists and scraped link widgets).
    """
    titles = _sets()["titles"]
    text, lower = view.text, view.lower
    for start, end in runs:
        if end - start == 1:
            yield start, end  # most runs: one word, nothing to split
            continue
        while True:
            k = _role_prefix_length(lower[start:end])
            cut = None
            bracket = text.index("(", start, end) if "(" in text[start:end] else -1
            if bracket - 1 > start + k:
                yield start, bracket - 1  # "Ed Royce Edward (Ed) ...": a bracketed nickname follows a first name
                start = bracket - 1
                continue
            if k < end - start:
                opens_given = first_name_gender(text[start + k]) is not None
                for m in range(start + k + 2 if opens_given else start + k + 1, end):
                    prev = m - 1
                    if (m - 1 > start + k and text[prev] in text[m + 1:end] and lower[prev] not in PARTICLES
                            and first_name_gender(text[m]) is not None):
                        cut = m  # "Lindsey Graham Lindsey Olin Graham": the surname, then the name again
                        break
                    if not opens_given and text[prev] != text[end - 1]:
                        continue  # without a given name first, only a restated surname ("Trump Donald J. Trump")
                    if (first_name_gender(text[m]) is not None and m < end - 1 and lower[prev] not in PARTICLES
                            and not lower[prev].endswith(HISPANIC_SURNAME_ENDINGS)
                            and text[prev].isalpha() and len(text[prev]) > 1  # doc[prev].is_alpha (the lexeme's)
                            and first_name_gender(text[prev]) is None
                            and lower[prev] not in titles
                            and not is_common_word(text[m])):
                        cut = m
                        break
            if cut is None:
                yield start, end
                break
            yield start, cut
            start = cut


def _role_prefix_length(lowers: list[str]) -> int:
    """How many leading words (lower-cased) are a title or role ("Foreign Minister", "Mr.", "Sen.")."""
    sets = _sets()
    titles = sets["titles"]
    k = 0
    while k < len(lowers) - 1:
        low = lowers[k]
        if low in titles:
            k += 1
        elif low in HYPHENS and k and k + 2 < len(lowers) and lowers[k + 1] in titles:
            k += 2  # "Secretary-General", "Lieutenant-Colonel": a role glued by a hyphen is still the role
        else:
            break
    return k


def _preceding_role(view: TokenView, start: int) -> tuple[int, str | None]:
    """A lower-case role right before a name ("press secretary Karine ..."), returns its start."""
    sets = _sets()
    lower = view.lower
    k = start
    while k > 0 and lower[k - 1] in sets["role_words"] and not view.doc[k - 1].is_punct:
        k -= 1
    if k == start or lower[start - 1] not in sets["role_heads"]:
        return start, None  # "Secretary of Defense", "founder of Refugee ...": not a name after a role
    words = view.text[k:start]
    while words and words[0].lower() in {"the", "of", "and", "for"}:
        words.pop(0)
        k += 1
    if not any(w.lower() in sets["role_heads"] for w in words):
        return start, None
    return k, " ".join(words)


ROLE_SUFFIXES = {"elect", "designate"}  # "President-elect", "Prime Minister-designate": a role held from a set date


def _suffixed_role(view: TokenView, start: int) -> str | None:
    """A role with "-elect" or "-designate" right before a name ("President-elect Jo Ross"), as written.

    The hyphen and the lower-case suffix end the run of capitalised words, so the role words before them are
    not part of the name's run (as "Prime Minister" is in "Prime Minister Jo Ross")."""
    lower, text = view.lower, view.text
    if start < 3 or lower[start - 1] not in ROLE_SUFFIXES or text[start - 2] not in HYPHENS:
        return None
    sets = _sets()
    if lower[start - 3] not in sets["role_heads"]:
        return None
    k = start - 3
    while k > 0 and lower[k - 1] in sets["titles"] and text[k - 1][:1].isupper() and not view.sent_start[k]:
        k -= 1  # "Prime Minister-designate", "Vice President-elect"
    return " ".join(text[k:start - 2]) + "-" + text[start - 1]


def _followed_by_org_noun(view: TokenView, end: int) -> bool:
    nouns = _sets()["org_nouns"]
    lower = view.lower
    if end < view.n and lower[end] in nouns:
        return True
    return end + 1 < view.n and f"{lower[end]} {lower[end + 1]}" in nouns


def _after_place_preposition(view: TokenView, start: int) -> bool:
    """A preposition of place right before ``start`` ("to", "near"), not one that points at a person
    ("according to", "spoke to", "a letter from")."""
    sets = _sets()
    lower = view.lower
    if start == 0 or lower[start - 1] not in sets["place_prepositions"]:
        return False
    return not (start >= 2 and lower[start - 1] in {"to", "from"}
                and lower[start - 2] in sets["preposition_person_cues"])


# A town this big is usually meant as the place even in an article naming a person of that surname ("Houston",
# "Washington").
TOWN_SURNAME_MAX_POPULATION = 500_000


def surname_not_town(view: TokenView, start: int, end: int, population: int, surname_in_doc) -> bool:
    """A one-word town that is the surname of a person the article names in full ("Hillary Clinton ... Clinton's
    campaign", "Lindsey Graham ... Graham fired back"): the person, unless a place cue comes with it ("in Clinton",
    "Jackson, Mississippi", "Warren police"). Big cities, states and migraph's own regions (population 0) stay
    places. ``surname_in_doc(view, start)``: whether the word follows a given name or an honorific elsewhere."""
    if end - start != 1 or not 0 < population < TOWN_SURNAME_MAX_POPULATION:
        return False
    if _after_place_preposition(view, start):
        return False
    text, lower = view.text, view.lower
    if end < view.n:
        if lower[end] in _sets()["town_nouns"]:
            return False
        if text[end] == "," and end + 1 < view.n and is_name_text(text[end + 1]) and not is_title_word(text[end + 1]):
            gaz = gazetteer()
            nxt = text[end + 1]
            if nxt in gaz.places or nxt in gaz.country_by_surface or is_all_caps_text(nxt) or len(nxt) <= 5:
                return False  # "Jackson, Mississippi", "Warren, Mich.", "Clinton, Iowa"
    known = view.__dict__.setdefault("_surname_words", {})  # per document and word: one scan of the tokens
    found = known.get(text[start])
    if found is None:
        found = known[text[start]] = surname_in_doc(view, start)
    return found


@lru_cache(maxsize=1 << 12)
def _is_person_noun(low: str) -> bool:
    """A noun for a person: listed ("nurse"), or a long word with a people ending ("shopkeeper", "pharmacist")."""
    sets = _sets()
    return low in sets["person_nouns"] or (len(low) >= 6 and low.isalpha() and low.endswith(sets["person_endings"]))


def role_apposition_after(view: TokenView, end: int) -> bool:
    """', the mayor', ', a spokeswoman for ...', ', 52,': a person's apposition after the word ending at ``end``."""
    n, text, lower = view.n, view.text, view.lower
    if end + 1 >= n or text[end] != ",":
        return False
    k = end + 1
    if text[k].isdigit():
        return True  # an age
    if lower[k] in {"a", "an", "the"}:
        k += 1
    role_like = _sets()["role_like"]
    return any(text[i].islower() and lower[i] in role_like for i in range(k, min(k + 3, n)))


def _evidence_after(view: TokenView, start: int, end: int) -> set[str]:
    """A speech verb or an apposition after the name ("Abbott said", "Ali, 34,"), and a quotation before it."""
    evidence = set()
    n = view.n
    text, lower = view.text, view.lower
    sets = _sets()
    has_after = end < n
    if has_after and view.is_speech(end):
        evidence.add("speech_after")
    if has_after and text[end] == "," and end + 1 < n:
        nxt = lower[end + 1]
        if text[end + 1].isdigit() or nxt in {"who", "whose"}:  # doc[end + 1].is_digit: str.isdigit of its text
            evidence.add("apposition")
        if nxt in {"a", "an", "the"} and end + 2 < n and (
            (_is_person_noun(lower[end + 2]) and text[end + 2].islower()) or view.doc[end + 2].like_num
            or lower[end + 2] in sets["role_heads"] or "-year-old" in text[end + 2]
            or (end + 3 < n and lower[end + 3] in sets["person_nouns"])
        ):
            evidence.add("apposition")
        if nxt in {"said", "says", "told"} or (end + 2 < n and view.is_speech(end + 2) and nxt in {"he", "she"}):
            evidence.add("speech_after")
        if end - start >= 2 and first_name_gender(text[start]) is not None and _apposition_then_speech(view, end):
            evidence.add("apposition")  # "Will Hanley, the deputy mayor of Leeds, said": a given name (however
            # common a word) and a surname set off before a speech verb
    if ("speech_after" in evidence and start >= 2 and text[start - 1] in QUOTE_CLOSERS
            and text[start - 2] in {",", "?", "!"}):
        evidence.add("quoted")  # '"...," Abbott said': the one who speaks right after a quotation
    return evidence


def _apposition_then_speech(view: TokenView, comma: int) -> bool:
    """Whether the comma at ``comma`` opens an apposition closed by a comma and a speech verb within 12 tokens
    (", a Senate Democrat, said"), with no quotation mark or full stop inside."""
    text = view.text
    for j in range(comma + 2, min(view.n - 1, comma + 13)):
        if text[j] == "." and text[j - 1][:1].isupper() and len(text[j - 1]) <= 3:
            continue  # "the No. 2 Democrat", "a Gen. Y aide": an abbreviation's full stop
        if text[j] in QUOTE_CLOSERS or text[j] in {".", "!", "?", ";", ":", "\"", "“", "”"}:
            return False
        if text[j] == ",":
            return view.is_speech(j + 1) and text[j + 1].islower()
    return False


def _evidence_before(view: TokenView, start: int, end: int) -> set[str]:
    """A speech verb, a kinship noun or a naming phrase right before the name."""
    evidence = set()
    text, lower = view.text, view.lower
    has_before = start > 0
    if (has_before and lower[start - 1] in SPEECH_BEFORE_WORDS
            and text[start - 1].islower()):  # "Minister Says Migrants Must ...": a headline verb is no cue
        evidence.add("speech_before")  # not "told": "told Meduza" names an outlet
    # "her son Yaroslav", "his wife, Olena,": a relative introduced by name
    kin = _sets()["kinship"]
    if has_before and text[start - 1].islower() and lower[start - 1] in kin:
        evidence.add("kinship")
    elif (has_before and text[start - 1] == "," and start >= 2 and text[start - 2].islower()
          and lower[start - 2] in kin and end < view.n and text[end] in {",", "."}):
        evidence.add("kinship")
    if has_before and text[start - 1].islower() and lower[start - 1] in _sets()["things_before_name"]:
        evidence.add("thing_named")  # "the rescue ship Geo Barents", "the rights group Fortify Rights"
    if has_before and lower[start - 1] in NAMING_CUE_ENDS:
        for cue in NAMING_CUES:
            k = len(cue)
            if start - k >= 0 and tuple(lower[start - k:start]) == cue:
                # "a charity called X", "a ship named X": the phrase names a thing, and X is no person
                noun = start - k - 1
                if noun > 0 and lower[noun] == ",":
                    noun -= 1  # "the rescue ship, named X"
                if cue == ("called",) and noun >= 0 and (lower[noun] == "so" or (
                        lower[noun] in HYPHENS and noun > 0 and lower[noun - 1] == "so")):
                    evidence.add("thing_named")  # "the so-called X": a label put on a thing, no person named
                    break
                evidence.add("thing_named" if noun >= 0 and lower[noun] in _sets()["named_things"] else "naming")
    return evidence


def _one_word_may_be_found(view: TokenView, start: int, end: int) -> bool:
    """Whether ``person_spans`` can keep the one-word run ``start:end`` at all.

    One word is a person only with evidence: a cue word right before it (a speech verb, a kinship noun, a
    naming phrase's last word, a role head or an honorific: ``_evidence_before``, ``_preceding_role``), a
    kinship noun and a comma before it, or a speech verb or a comma right after it (``_evidence_after``); it
    is a place only before a comma and a country (``_place_before_country``). Every other one-word run is
    turned down, so the loop skips it before its costlier tests (most runs are one word: "The", "But").
    """
    text, lower = view.text, view.lower
    if start > 0 and (lower[start - 1] in _sets()["one_word_cues_before"]
                      or start >= 2 and text[start - 1] == "," and lower[start - 2] in _sets()["kinship"]):
        return True
    return end < view.n and (text[end] == "," or view.is_speech(end))


def _place_not_person(view: TokenView, name: str, start: int, end: int) -> bool:
    """Whether ``name`` (a place in the gazetteer) is the place here: no honorific or kinship noun before it, no
    relative's apposition, not said by name ("said Ali", with a given name or a role apposition)."""
    lower, text = view.lower, view.text
    said_before = start > 0 and lower[start - 1] in {"said", "says", "asked", "added"} or (
        start >= 2 and text[start - 1] in QUOTE_CLOSERS
        and text[start - 2] in {",", "?", "!"} and end < view.n and view.is_speech(end))
    return (not view.person_cue_before(start)
            and not (end - start == 1 and kin_apposition_before(view, start, end))
            and not (said_before and (first_name_gender(name) or role_apposition_after(view, end))))


def person_spans(doc: Doc, ents: tuple[Span, ...] | None = None) -> list[Span]:
    """PERSON (and some ORG) spans found by the rules, plus later surname-only mentions.

    ``ents``: ``doc.ents`` when the caller has read it (each read builds a Span per entity)."""
    sets = _sets()
    roles, heads_or_honorifics, honorifics = sets["roles"], sets["heads_or_honorifics"], sets["honorifics"]
    titles = sets["titles"]
    org_heads, regional, thing_heads = sets["org_heads"], sets["regional"], sets["thing_heads"]
    party_words, trailing_roles = sets["party_words"], sets["trailing_roles"]
    role_heads, first_words, role_like = sets["role_heads"], sets["first_words"], sets["role_like"]
    evidence_before_cues = sets["evidence_before_cues"]
    gaz = gazetteer()
    places, countries, organizations = gaz.places, gaz.country_by_surface, gaz.organizations
    view = shared_view(doc)
    n, text, lower, sent_start, idx = view.n, view.text, view.lower, view.sent_start, view.idx
    user_data = doc.user_data
    person_label = doc.vocab.strings.add("PERSON")
    bylines = doc_bylines(doc)
    if ents is None:
        ents = doc.ents  # builds a Span per entity on each read
    held = _taken(ents)
    taken = held - _hyphen_glued_places(view, ents, held)
    found: list[Span] = []
    for start, end in _split_runs(view, _runs(view, taken)):
        if end - start == 1 and not _one_word_may_be_found(view, start, end):
            continue
        k = _role_prefix_length(lower[start:end]) if end - start > 1 else 0
        role_words = text[start:start + k]
        if k == 0 and end - start > 1:
            # "Commission President Greta ...", "Agency Director Jo ...": an organisation, a role, then the name
            heads = [p for p in range(end - start - 1) if lower[start + p] in heads_or_honorifics]
            if heads and (any(t in org_heads for t in text[start:start + heads[-1]]) or (
                    heads[-1] + 2 < end - start and first_name_gender(text[start + heads[-1] + 1]) is not None)):
                # ... or "District Judge Richard Leon", "Dona Ana County Sheriff Todd Garrison"
                r = heads[-1]
                while r > 0 and lower[start + r - 1] in roles and text[start + r - 1] not in org_heads:
                    r -= 1
                role_words = text[start + r:start + heads[-1] + 1]
                k = heads[-1] + 1
        elif k and end - start - k > 3:
            # "Interim Assistant City Manager Colleen Bridger": a role, a word no lexicon lists, another role head,
            # then a given name and a surname; the whole front is the role
            heads = [p for p in range(k, end - start - 2) if lower[start + p] in heads_or_honorifics]
            if heads and first_name_gender(text[start + heads[-1] + 1]) is not None:
                role_words = text[start:start + heads[-1] + 1]
                k = heads[-1] + 1
        of_role = None
        if end - start >= 3 and start >= 2 and lower[start - 1] == "of" and lower[start - 2] in titles:
            # "Chief of Staff Mick ...", "Secretary of State John ...", "Minister of Foreign Affairs Ana ...": the
            # words after "of" complete the role, and the person starts at the given name
            for p in range(max(k, 1), end - start - 1):
                if first_name_gender(text[start + p]) is not None and not is_common_word(text[start + p]):
                    k = p  # "Director of National Intelligence James ...": past role words too
                    break
            if k:
                r = start - 2
                while r > 0 and lower[r - 1] in titles and not sent_start[r]:
                    r -= 1
                of_role = view.span_text(r, start + k)
                role_words = []
        name_start = start + k
        titled_by_body = False
        if end - name_start >= 4 and any(text[q] in org_heads for q in range(name_start, end - 2)):
            # "Senate Minority Whip Dick Durbin": a body and a title the lexicon lacks, then a given name and a
            # surname; the person starts at the given name, the words after the body are the role
            for p in range(end - 2, name_start + 1, -1):
                if first_name_gender(text[p]) is not None and lower[p - 1] not in PARTICLES \
                        and first_name_gender(text[p - 1]) is None:
                    bodies = [q for q in range(name_start, p) if text[q] in org_heads]
                    if bodies and bodies[-1] < p - 1:
                        role_words = text[bodies[-1] + 1:p]
                        name_start = p
                        titled_by_body = True
                    break
        # Drop a sentence-initial ordinary word glued to the name ("Meanwhile Smith").
        while end - name_start > 1 and sent_start[name_start] and (
                is_common_word(text[name_start]) or _is_gerund(view, name_start)) and (first_name_gender(
                text[name_start]) is None or lower[name_start] in DETERMINERS):  # "The" is a given name too
            name_start += 1  # ... or a verb's -ing form opening the sentence ("Revoking Schengen would ...")
        # Drop leading regional adjectives ("Eastern European ...") and parties ("Democrat Jo ..."), unless a given
        # name ("Christian").
        while end - name_start > 1 and (text[name_start] in regional or text[name_start] in party_words) and (
                first_name_gender(text[name_start]) is None):
            name_start += 1
        # A place and a party before the name ("Arizona Republican Jo Ross", "New Jersey Democrat Al Roe") describe
        # the person; a title after it ("Nancy Pelosi Speaker", "Jo Stevens MP") belongs to the next phrase.
        for q in range(name_start + 1, min(name_start + 4, end - 1)) if end - name_start > 2 else ():
            if text[q] in party_words:
                front = view.span_text(name_start, q)
                if front in gaz.places or front in gaz.country_by_surface or front in gaz.demonym_by_surface:
                    name_start = q + 1
                break
        while end - name_start > 1 and text[end - 1] in trailing_roles:
            end -= 1
        if name_start >= end or text[name_start] in HYPHENS:
            continue
        name_words = text[name_start:end]
        if name_words[-1] in party_words or name_words[0] in first_words:
            continue  # "Ohio Republican", "Senate Democrats", "Hurricane Irma", "Fort Bliss": no person
        if all(map(_is_descriptor, name_words, lower[name_start:end])):
            continue  # "European", "Assistant Secretary": adjectives and role words alone are no name
        last = lower[end - 1]
        if (len(name_words) > 1 and last.endswith("s") and last[:-1] in role_like
                and first_name_gender(name_words[0]) is None):
            continue  # "Democrat Chairs", "Republican Senators": a group named by its role, no person
        place = _place_before_country(view, name_start, end) if end + 1 < n and text[end] == "," else None
        if place is not None:
            found.append(place)
            continue
        # From here on every test only turns the run down, so their order does not change the result:
        # the one that turns down most runs (ordinary capitalised words: "The", "But") comes first,
        # needing only the evidence before the name.
        first = name_words[0]
        given = _is_given_name(first)
        all_common = all(map(_is_common_or_initial, name_words))
        # Both find nothing without a cue word right before (a role head; a speech, kinship or naming word, a comma)
        lower_role = _preceding_role(view, start)[1] if start > 0 and lower[start - 1] in role_heads else None
        if lower_role is None and not role_words and start > 2 and lower[start - 1] in ROLE_SUFFIXES:
            lower_role = _suffixed_role(view, start)
        if name_start > 0 and (lower[name_start - 1] in evidence_before_cues or text[name_start - 1] == ","):
            evidence = _evidence_before(view, name_start, end)
            if "thing_named" in evidence:
                continue
        else:
            evidence = set()
        if titled_by_body or of_role:
            evidence.add("title")
        if role_words and any(w.lower() in heads_or_honorifics for w in role_words):
            evidence.add("title")
        if lower_role or name_start > 0 and lower[name_start - 1] in honorifics:  # (an honorific is a person cue)
            evidence.add("title")  # "Mr. Orban", "Mrs. Merkel"
        if all_common and not (evidence & {"title", "naming"} or ("kinship" in evidence and given)):
            continue
        if any(w in org_heads for w in name_words):
            continue  # "Ministry of Defense", "Nasha Niva Newspaper": organisations
        name = text[name_start] if end - name_start == 1 else view.span_text(name_start, end)
        if (name in places and _place_not_person(view, name, name_start, end)) or name in countries \
                or name in organizations:
            continue
        if bylines and _in_ranges(idx[name_start], bylines):
            continue
        determiner_before = (start > 0 and lower[start - 1] in DETERMINERS
                             or name_start > start and lower[name_start - 1] in DETERMINERS)  # "The Abraham Lincoln"
        if determiner_before and lower[name_start - 1] == "that" and _given_and_surname(name_words):
            determiner_before = False  # "said that Jo Frey, 31, ...": a clause opener before a given name, no article
        if _followed_by_org_noun(view, end) or (determiner_before and "title" not in evidence):
            continue
        evidence |= _evidence_after(view, name_start, end)
        words = name.count(" ") + 1  # "Mercedes-Benz", "Ocasio-Cortez": hyphen-joined parts are one word
        if words == 1 and sent_start[name_start] and not (evidence - {"speech_after"}) and not given:
            continue
        if (words == 1 and end + 2 < n and text[end] in {"'s", "’s"} and _is_run_text(text[end + 1])
                and _is_run_text(text[end + 2]) and not evidence & {"title", "kinship", "naming"}):
            continue  # "wrote Slate's Jamelle Bouie": an outlet or employer before its person's full name
        if (words == 1 and sent_start[name_start] and end < n and text[end] == "," and lower[name_start].endswith("ly")
                and is_common_word(name, -13.0) and not given):
            continue  # "Traditionally, the justices ...": a sentence adverb, not a name in apposition
        if name_words[-1] in thing_heads and not (
                evidence & PERSON_CUES or ("speech_after" in evidence and given
                                           and name_words[-1] in sets["place_heads"])):
            continue  # "Refugee Convention", "Golan Heights", "Daimler AG", "Sunni Muslims": no person
        if words >= 2 and any(map(_is_third_person_verb, name_words[1:])) and view.only_in_title_case_lines(
                name_start, name):
            continue  # "Graham Passes Legislation", "Poland Builds Wall": a headline's verb, no surname
        if words >= 2 and not given and not evidence & PERSON_CUES - {"naming"} and _all_lower_case_words(name_words):
            continue  # "Parental Accountability", "Bowling Alley", "what they called Blatant Xenophobia": dictionary
            # words, however rare, are no name without a given name or a cue that introduces a person
        accept = False
        if words >= 2 and (given or evidence or not (
                any(is_common_word(w) for w in name_words) or view.only_in_title_case_lines(name_start, name)
                or _after_place_preposition(view, name_start))):
            accept = True  # two uncommon capitalised words are a name, unless only a Title Case headline has
            # them or they follow a preposition of place ("drove to Verkhny Lars": a place unknown to the gazetteer)
        elif words == 1 and (evidence & {"title", "naming", "apposition", "speech_before", "kinship",
                                                   "quoted"}
                                       or (given and evidence)):
            accept = not (evidence <= {"naming"} and is_lower_case_word(name))  # "it is called Right": a thing
        if not accept:
            continue
        span = Span(doc, name_start, end, label=person_label)
        role = HYPHEN_GAP_RE.sub(r"\1", " ".join(role_words)) if role_words else (of_role or lower_role)
        # ``span._.role = role``, ``span._.source = "rules"``: the keys spaCy writes (no Underscore object)
        start_char, end_char = idx[name_start], idx[end - 1] + len(text[end - 1])
        user_data[("._.", "role", start_char, end_char)] = role
        user_data[("._.", "source", start_char, end_char)] = "rules"
        found.append(span)
    found = _trim_words_before_known_names(view, found)
    found += _surname_mentions(view, found, ents, taken, bylines)
    # The person rules run last in the pipeline and leave IDX, SENT_START and SPACY as they are: the extractors'
    # ``entities.doc_index`` reads them from here instead of a second ``to_array`` and list per document.
    user_data[TOKEN_COLUMNS_KEY] = (view._columns, idx)
    return found


def _trim_words_before_known_names(view: TokenView, found: list[Span]) -> list[Span]:
    """Drop words glued before another found person's name or surname ("Shutdown Trump", "Sleepy Joe Biden",
    "Team Obama" beside "Donald Trump", "Joe Biden", "Barack Obama"): the rest is that person's mention.

    Only words that are no given name are dropped ("Michelle Obama" beside "Barack Obama" stays whole).
    """
    person = view.doc.vocab.strings.add("PERSON")
    labels = ["PERSON" if span.label == person else span.label_ for span in found]  # (no string lookup per person)
    if labels.count("PERSON") < 2:
        return found
    texts = [view.span_text(span.start, span.end) for span in found]  # == span.text, without a join per read
    forms: dict[str, int] = {}
    for text, label in zip(texts, labels, strict=True):
        if label != "PERSON":
            continue
        if " " not in text:
            continue  # a lone word ("Muta said") makes no word before it glued ("Triumph Muta")
        for form in {name_key(text), name_key(_surname_of_text(text) or text)}:
            forms[form] = forms.get(form, 0) + 1
    out = []
    for span, text, label in zip(found, texts, labels, strict=True):
        words = text.split() if label == "PERSON" else []
        new_start = None
        own = None
        for cut in range(1, len(words)):
            word = words[cut - 1]
            if not is_title_word(word) and (
                    first_name_gender(word) is not None and word.lower() not in DETERMINERS or word.lower() in PARTICLES
                    or INITIAL_RE.match(word) or len(word) < 4):
                break  # given names, particles, initials and short words ("Ama", "W.") belong to the name; "Ms" goes
            tail = " ".join(words[cut:])
            if own is None:
                own = {name_key(text), name_key(_surname_of_text(text) or text)}
            if forms.get(name_key(tail), 0) > (name_key(tail) in own) and (
                    " " in tail or all(is_common_word(w, -13.9) or is_title_word(w) for w in words[:cut])):
                # before a bare surname only ordinary words go ("Tamerlan Tsarnaev" beside "Dzhokhar Tsarnaev" stays)
                new_start = cut
                break
        if new_start is None or span.end - span.start != len(words):
            out.append(span)  # hyphenated or bracketed spans keep their tokens (word and token counts differ)
            continue
        trimmed = Span(view.doc, span.start + new_start, span.end, label="PERSON")
        trimmed._.role = span._.role
        trimmed._.source = span._.source
        out.append(trimmed)
    return out


def _hyphen_glued_places(view: TokenView, ents: tuple[Span, ...], held: set[int] | None = None) -> set[int]:
    """One-word places glued by a hyphen to a capitalised word no entity holds ("Elsayid-Ali", "Ali-Khan").

    A double-barrelled name's part may also be a town in the gazetteer; the person rules may read such
    a token as part of a name (a longer person span then wins over the one-word place). ``held``: ``_taken(ents)``
    if the caller has it.
    """
    text, space, run_ok = view.text, view.space, view.name_like
    if held is None:
        held = _taken(ents)
    free = set()
    for ent in ents:
        i = ent.start
        if ent.label != _LOC_ID or ent.end - i != 1:  # (== ``ent.label_ != "LOC"``, without decoding the label)
            continue
        before = i >= 2 and text[i - 1] in HYPHENS and not space[i - 2] and not space[i - 1]
        if before and i - 2 in run_ok and i - 2 not in held and len(text[i - 2]) > 1:  # not "R-Texas", "D-Alaska"
            free.add(i)
        after = i + 2 < view.n and text[i + 1] in HYPHENS and not space[i] and not space[i + 1]
        if after and i + 2 in run_ok and i + 2 not in held:
            free.add(i)
    return free


def _surname_mentions(view: TokenView, persons: list[Span], ents: tuple[Span, ...], taken: set[int],
                      bylines=None) -> list[Span]:
    """Later mentions by surname ("Putin") or by the whole name, outside found spans (``bylines``: ``doc._.bylines``,
    read by the caller)."""
    doc = view.doc
    forms: set[str] = set()
    for span in [*persons, *ents]:
        if span.label != _PERSON_ID:  # (== ``span.label_ != "PERSON"``, without decoding the label)
            continue  # "Roszke, Hungary" is a place found on the way: its later mentions are no persons
        form = view.span_text(span.start, span.end)  # == span.text
        forms.add(name_key(form))
        surname = _surname_of_text(form)
        if surname and surname != form:
            forms.add(name_key(surname))  # "Al-Qassemi" opening a sentence, "Ardon" for "Ardón": same keys
    covered = set(taken)
    for span in persons:  # places among them stay covered too
        covered.update(range(span.start, span.end))
    lower = view.lower

    def span_text(a: int, b: int) -> str:
        return name_key(view.span_text(a, b))

    extra = []
    if not forms:
        return extra  # no person's name: no run matches one
    text = view.text
    person_label = doc.vocab.strings.add("PERSON")
    last_parts = {form.rpartition(" ")[2] for form in forms} if "" not in forms else None
    for start, end in _runs(view, covered):
        if last_parts is not None and _ends_in_no_form(view, start, end, last_parts):
            continue
        if view.sent_start[start] and end - start > 1 and span_text(start + 1, end) in forms and is_common_word(
                view.text[start]):
            start += 1  # "Then Putin ..."
        while start > 1 and lower[start - 1] in PARTICLES and start - 1 not in covered and (
                span_text(start - 1, end) in forms or lower[start - 2] in PARTICLES):
            start -= 1  # "von der Leyen"
        while start < end and lower[start] in PARTICLES and span_text(start, end) not in forms:
            start += 1  # a run of particles only ("... met Lopez and De" at the end) is nobody
        if span_text(start, end) not in forms or _in_ranges(view.idx[start], bylines):
            continue
        alias = Span(doc, start, end, label=person_label)
        # ``alias._.source = "rules-alias"``: the key spaCy writes (no Underscore object)
        doc.user_data[("._.", "source", view.idx[start], view.idx[end - 1] + len(text[end - 1]))] = "rules-alias"
        extra.append(alias)
    return extra


@lru_cache(maxsize=1 << 15)
def name_part_key(part: str) -> str:
    """One word of a name as mentions are matched: accents dropped ("Ardón" = "Ardon") and a particle
    lower-cased, alone or before a hyphen ("De" = "de", "Al-Qassemi" = "al-Qassemi"); the case of the
    rest is kept (first-name lookups need it)."""
    if not part.isascii():
        part = "".join(c for c in unicodedata.normalize("NFKD", part) if not unicodedata.combining(c))
    low = part.lower()
    if low in PARTICLES:
        return low
    head, hyphen, rest = part.partition("-")
    if hyphen and head.lower() in PARTICLES:
        return head.lower() + hyphen + rest
    return part


def _ends_in_no_form(view: TokenView, start: int, end: int, last_parts: set[str]) -> bool:
    """Whether the run ``start:end`` surely matches no form whose last part is in ``last_parts``.

    A run's key ends in the key of its last token when that token is a word of its own: after a space, or alone
    with no particle before it (``_surname_mentions`` moves a start back only over particles, and a start moved
    past the end gives the key "", which callers rule out). Such a run matches no form unless that key's last part
    is a form's last part; other runs are never ruled out here.
    """
    if not (end >= 2 and view.space[end - 2] or end - start == 1 and (
            start < 2 or view.lower[start - 1] not in PARTICLES)):
        return False
    return _last_key_part(view.text[end - 1]) not in last_parts


@lru_cache(maxsize=1 << 15)
def _last_key_part(word: str) -> str:
    """The last part of ``name_key`` of a text ending in the word ``word`` (``word`` after a space)."""
    return name_key(word).rpartition(" ")[2]


@cache
def _given_name_forms() -> dict[str, str]:
    return lexicon()["given_name_forms"]


def given_name_key(word: str) -> str:
    """The full form of a short or transliterated given name ("Mike" -> "Michael", "Dmitri" -> "Dmitry")."""
    return _given_name_forms().get(word, word)


@lru_cache(maxsize=1 << 15)
def name_key(text: str) -> str:
    """``name_part_key`` applied to every word of a name."""
    return " ".join(map(name_part_key, text.split()))


def surname_of(span: Span) -> str | None:
    """The last name of a multi-word name, keeping hyphenated parts together ("Jean-Pierre")."""
    return _surname_of_text(span.text)


@lru_cache(maxsize=1 << 14)  # asked for every found person's name, twice
def _surname_of_text(text: str) -> str | None:
    parts = [p for p in text.split() if not INITIAL_RE.match(p)]
    if len(parts) < 2:
        return None
    k = len(parts) - 1
    while k > 1 and parts[k - 1].lower() in PARTICLES:
        k -= 1  # "von der Leyen", "de la Cruz"
    return " ".join(parts[k:])


def _place_before_country(view: TokenView, start: int, end: int) -> Span | None:
    """"Grodno, Belarus" / "near Siret, Romania,": an unknown place located by the country after it."""
    gaz = gazetteer()
    text, n = view.text, view.n
    if end + 1 >= n or text[end] != ",":
        return None
    iso = gaz.country_by_surface.get(text[end + 1])
    if iso is None or (end + 2 < n and text[end + 2] in {"'s", "’s", "'", "’"}):
        return None
    third = view.doc[end + 2] if end + 2 < n else None
    if third is not None and not (third.is_punct or third.is_space or third.text in WEEKDAYS_MONTHS or third.like_num):
        return None
    words = view.span_text(start, end).split()
    name = " ".join(dict.fromkeys(words)) if len(set(words)) == 1 else " ".join(words)
    span = Span(view.doc, start, end, label="LOC")
    span._.iso = iso
    span._.canonical = name
    span._.source = "rules"
    return span


# A nationality adjective followed by one of these is an organisation of that country; longest first.
_BODIES = ("border guard", "border guards", "border guard service", "border police", "coast guard",
           "government", "authorities", "police", "army", "military", "navy", "security services",
           "security service", "foreign ministry", "interior ministry", "defense ministry",
           "defence ministry", "ministry", "embassy", "parliament", "foreign office", "interior minister")
_BODY_WORDS = sorted((tuple(b.split()) for b in _BODIES), key=len, reverse=True)
_BODY_FIRST_WORDS = {words[0] for words in _BODY_WORDS}


def _positions_of(words: list[str], word: str, start: int = 0) -> list[int]:
    """The positions ``i >= start`` where ``words[i] == word``, ascending: ``list.index`` scans in C, and most
    documents hold the word seldom or never."""
    found = []
    at = start - 1
    while True:
        try:
            at = words.index(word, at + 1)
        except ValueError:
            return found
        found.append(at)


def _org_span(view: TokenView, start: int, end: int, iso: str | None, canonical: str) -> Span:
    """An ORG span found by the rules, with ``span._.iso``, ``span._.canonical`` and ``span._.source`` written
    where spaCy's Underscore writes them (``doc.user_data``), in that order, without an Underscore object each."""
    doc = view.doc
    span = Span(doc, start, end, label="ORG")
    start_char, end_char = view.idx[start], view.idx[end - 1] + len(view.text[end - 1])
    doc.user_data[("._.", "iso", start_char, end_char)] = iso
    doc.user_data[("._.", "canonical", start_char, end_char)] = canonical
    doc.user_data[("._.", "source", start_char, end_char)] = "rules"
    return span


def organization_spans(doc: Doc) -> list[Span]:
    """Organisations named by pattern: "Ministry of Defense", "the Finnish border guard(s)".

    A nationality adjective followed by a state body ("Finnish border guards",
    "Polish government") is an organisation of that country.
    """
    spans: list[Span] = []
    gaz = gazetteer()
    sets = _sets()
    view = shared_view(doc)
    n = view.n
    text, lower = view.text, view.lower
    cues = _org_cue_words()
    demonyms = gaz.demonym_by_surface
    # "the Trump administration", "the Obama administration": a government named after its head
    administrations = view.positions(ADMINISTRATION)
    administrations = _positions_of(lower, "administration", 1) if administrations is None else [
        i for i in administrations if i >= 1]
    for i in administrations:
        name = text[i - 1]
        if (is_name_text(name) and len(name) > 2 and i >= 2 and lower[i - 2] in {"the", "a", "this", "that"}
                and name not in demonyms and i - 1 not in view.boilerplate):
            spans.append(_org_span(view, i - 1, i + 1, None, view.span_text(i - 1, i + 1)))
    spans += _named_after_org_noun(doc, view)
    spans += _acronym_speakers(doc, view)
    # The few tokens the loops below start at (compress/map keep the scan over all tokens in C).
    positions = view.positions(ORG_CUE)
    if positions is None:
        positions = list(compress(range(n), map(cues.__contains__, text)))
    if not positions:
        return spans
    demonyms = gaz.demonym_by_surface
    org_heads = sets["org_heads"]
    countries = gaz.country_by_surface
    for i in positions:
        word = text[i]
        # "Italy's interior ministry": a country's body, written with a possessive
        skip = 2 if (word in countries and i + 2 < n and lower[i + 1] in {"'s", "’s"}
                     and lower[i + 2] in _BODY_FIRST_WORDS) else 1
        if skip == 1 and not (word in demonyms and i + 1 < n and lower[i + 1] in _BODY_FIRST_WORDS):
            continue
        if i in view.boilerplate:
            continue
        for words in _BODY_WORDS:
            k = len(words)
            if i + skip - 1 + k < n and tuple(lower[i + skip:i + skip + k]) == words:
                if words[-1] == "minister":
                    break
                spans.append(_org_span(view, i, i + skip + k, demonyms.get(word) or countries.get(word),
                                       view.span_text(i, i + skip + k)))
                break
    # Capitalised bodies: "Ministry of Defense", "State Border Guard Service", "Border Guard".
    resume = 0  # a found organisation's end: the next one starts there at the earliest
    for i in positions:
        if i < resume:
            continue
        word = text[i]
        if word in org_heads and word[:1].isupper() and i not in view.boilerplate:
            start = i
            sent_start = view.sent_start
            while start > 0 and is_name_text(text[start - 1]) and not sent_start[start]:
                start -= 1
            end = i + 1
            if end + 1 < n and lower[end] in {"of", "for"} and is_name_text(text[end + 1]):
                end += 2
                while end < n and (is_name_text(text[end]) or lower[end] in {"and", "of"}
                                   and end + 1 < n and is_name_text(text[end + 1])):
                    end += 1
            while (start < i and sent_start[start] and is_common_word(text[start])
                   and text[start] not in demonyms):
                start += 1
            name = view.span_text(start, end)
            if end - start >= 2 and name not in gaz.organizations:
                iso = None
                for t in text[start:end]:
                    iso = iso or demonyms.get(t) or gaz.country_by_surface.get(t)
                spans.append(_org_span(view, start, end, iso, name))
                resume = end
    return spans


ACRONYM_RE = re.compile(r"[A-Z]{3,7}")
# All-capital words that speak without being an organisation ("the CEO said" has a determiner; these go without).
NON_ORG_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO", "MEP", "MPS", "GMT", "EST", "PDT", "EDT", "USD", "EUR"})


def _acronym_speakers(doc: Doc, view: TokenView) -> list[Span]:
    """'RAICES said', 'FIRE, in a statement, said', 'according to HIAS': an all-capital acronym the gazetteer does
    not know, that speaks, is an organisation (charities and advocacy groups are often named so). Not after a
    determiner or possessive ('the CEO said'), not in shouted text (an all-capital word next to it), not a known
    country, place or demonym."""
    text, lower, n = view.text, view.lower, view.n
    gaz = gazetteer()
    spans: list[Span] = []
    upper = view.positions(UPPER)
    if upper is None:
        upper = compress(range(n), map(str.isupper, text))  # str.isupper in C first: few tokens reach the regex
    for i in upper:
        word = text[i]
        if (not ACRONYM_RE.fullmatch(word) or word in NON_ORG_ACRONYMS or word in gaz.organizations
                or word in gaz.country_by_surface or word in gaz.places or word in gaz.demonym_by_surface
                or i in view.boilerplate
                or i > 0 and (lower[i - 1] in DETERMINERS or lower[i - 1] in {"'s", "’s"})
                or i > 0 and is_all_caps_text(text[i - 1]) or i + 1 < n and is_all_caps_text(text[i + 1])
                or i + 1 < n and text[i + 1] in HYPHENS or i > 0 and text[i - 1] in HYPHENS):  # 'ABS-CBN'
            continue
        speaks = i + 1 < n and text[i + 1].islower() and view.is_speech(i + 1) or (
            i + 4 < n and text[i + 1] == "," and lower[i + 2] == "in" and lower[i + 3] in {"a", "its"}) or (
            i >= 2 and lower[i - 1] == "to" and lower[i - 2] == "according")
        if not speaks:
            continue
        spans.append(_org_span(view, i, i + 1, None, word))
    return spans


def _named_after_org_noun(doc: Doc, view: TokenView) -> list[Span]:
    """'Italian news agency ANSA', 'the state broadcaster IRIB', 'the charity Sea Rescue Now': a name in
    apposition right after a lower-case organisation noun (lexicon ``org_nouns_before_name``) is that
    organisation. Weekdays and months are no names ('the agency Monday said')."""
    nouns = _org_nouns_before_name()
    text, lower, n = view.text, view.lower, view.n
    spans: list[Span] = []
    starts = view.positions(ORG_NOUN)
    starts = compress(range(n - 1), map(nouns.__contains__, lower[: n - 1])) if starts is None else (
        i for i in starts if i < n - 1)
    for i in starts:
        if not text[i].islower() or i in view.boilerplate or i > 0 and lower[i - 1] in {"'s", "’s", "-"} \
                or lower[i + 1] in _sets()["titles"] or text[i + 1] in {"ID", "TV"}:
            continue  # 'anti-union South', 'agency Administrator X' (a role opens a person), 'party ID'

        end = i + 1
        while end < n and end - i <= 4 and not view.sent_start[end] and text[end] not in WEEKDAYS_MONTHS and (
                is_name_text(text[end]) or text[end].isupper() and text[end].isalpha() and len(text[end]) >= 2):
            end += 1
        if end == i + 1 or end < n and lower[end] in {"'s", "’s"}:
            continue  # no name, or 'the group Hamas's leader' (the name is kept by other rules)
        name = view.span_text(i + 1, end)
        if name in gazetteer().country_by_surface or name in gazetteer().demonym_by_surface:
            continue
        spans.append(_org_span(view, i + 1, end, None, name))
    return spans


@cache
def _org_nouns_before_name() -> frozenset[str]:
    return frozenset(lexicon()["org_nouns_before_name"])


@cache
def _org_cue_words() -> frozenset[str]:
    """Words an organisation pattern starts from: demonyms and organisation head nouns."""
    gaz = gazetteer()
    return frozenset(gaz.demonym_by_surface) | frozenset(_sets()["org_heads"]) | frozenset(
        s for s in gaz.country_by_surface if " " not in s)
