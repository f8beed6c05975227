"""Quantities: numbers as written in news, normalised to a value, a unit and what they count.

One regular expression finds number cores (digits with thousands separators and scale words,
number words, "half a", vague plurals such as "thousands of"); the words around each core
give the qualifier ("more than"), the unit, the counted noun and whether it states a change.
Number words are read by ``text2num``; unit words are normalised to their short symbol by
``pint`` (loaded on first use); only the news-specific part — which nouns count people, which
words make a number a label ("Article 5") — is hand-written, in
``extractors/data/quantity_lexicon.json``.

Field semantics fixed here:

* ``value`` is the number as stated, scaled by its scale word ("$1 billion" → 1e9) but never
  converted between units ("6 miles" stays 6 "mi"); a parenthesised conversion right after a
  quantity ("10 kilometers (6 miles)") is folded into that quantity's text, not a second one.
* ``unit``: "percent", "percentage_point", an ISO 4217 code for money, a pint symbol for
  lengths, areas and masses ("km", "mi", "m", "km ** 2", "t"), "hour"/"day"/"week"/"month"/"year"
  for durations, "times" for multiplicative changes ("doubled"), "person" when the counted
  noun is a people noun, else None (a bare count: "300 cars").
* Vague plurals ("dozens of", "hundreds of", "thousands of", "tens of thousands of",
  "millions of", "hundreds of millions of") give value = the stated scale (12, 100, 1000, 10000,
  1e6, 1e8) with qualifier "several", i.e. an unspecified multiple of ``value``; one needs a
  counted noun or a unit after it.
* Ages ("34-year-old", "aged 34", "Name, 34,"), years and dates (any overlap with a time
  expression), clock times, ordinals, labels and glued codes ("COVID-19", "G7") are not quantities;
  bare numbers with no unit and no counted noun are kept only when they look like amounts
  (a qualifier, a scale word or ≥ 1,000 written with separators).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import cache, lru_cache

from spacy.tokens import Doc
from text_to_num import text2num

from extractors.assertions import Quantity
from extractors.doccache import doc_text, lower_text
from extractors.entities import doc_index
from extractors.gazetteer import gazetteer, load_json
from extractors.temporal import digit_run_starts, time_spans

EXTRACTOR = "migraph.quantities"

_UNITS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
          "sixteen|seventeen|eighteen|nineteen")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALES = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:{_UNITS}|{_TENS}|{_SCALES})"
_SCALE_VALUE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3,
                "hundred": 1e2, "dozen": 12.0}
_VAGUE_VALUE = {"dozens": 12.0, "scores": 20.0, "hundreds": 100.0, "thousands": 1e3, "tens of thousands": 1e4,
                "hundreds of thousands": 1e5, "millions": 1e6, "tens of millions": 1e7, "hundreds of millions": 1e8,
                "billions": 1e9, "tens of billions": 1e10, "hundreds of billions": 1e11}
_QUALIFIERS = (r"more\s+than|well\s+over|just\s+over|just\s+under|over|at\s+least|up\s+to|about|around|nearly|almost|"
               r"roughly|approximately|an\s+estimated|estimated|fewer\s+than|less\s+than|as\s+many\s+as|as\s+few\s+as|"
               r"close\s+to|upwards\s+of|in\s+excess\s+of|no\s+more\s+than|at\s+most|some|under|below|above|"
               r"only|almost|exactly|a\s+further|another")

CORE_RE = re.compile(
    r"(?P<cur>US\$|\$|€|£|¥|₽|₴)?\s?"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b|(?P<abbr>bn|m|k)(?![\w-]))?"
    rf"|(?i:(?P<half>half\s+an?)\s+(?=[a-z]))"
    rf"|(?i:(?P<dozen>(?:a|one|half\s+a)\s+dozen))\b"
    rf"|(?i:(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    rf"|(?:dozens|scores|hundreds|thousands|millions|billions)(?=\s+of\b))(?:\s+of)?)\b"
    rf"|(?i:(?P<words>(?:an?\s+(?={_SCALES}|dozen))?{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD})*))\b)"
)
# Cheap scans for where a number may start; CORE_RE is then matched only there. Both begin with a character class
# so that the regex engine skips most positions at once: a currency sign, or a digit not after a digit, "." or ","
# (the look-behind sees the digit itself and the character before it); a number word, whose first letters the
# look-ahead lists.
_DIGIT_ANCHOR_RE = re.compile(r"[$€£¥₽₴\d](?<![\d.,]\d)")
_NUMBER_WORD = (rf"\b(?=[abdefhmnostz])(?:an?\s+(?:{_SCALES}|dozen)|{_UNITS}|{_TENS}|{_SCALES}|half|dozens?|scores"
                rf"|hundreds|thousands|millions|billions|tens)\b")
_WORD_ANCHOR_RE = re.compile(rf"(?i){_NUMBER_WORD}")
_LOWER_WORD_ANCHOR_RE = re.compile(_NUMBER_WORD)
"""``_WORD_ANCHOR_RE`` for lower-cased text, where case-sensitive matching is about twice as fast."""
_CASE_FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")
"""İ, ı, ſ: the only characters whose ``lower()`` is longer than one character, or that (?i) matches to an ASCII
letter (i, s) they do not lower-case to. Without them, (?i) on a text and plain matching on its ``lower()`` agree
(word characters, spaces and digits stay what they are under ``lower()``), offsets included."""


_WORD_STEMS = ("zero", "one", "two", "three", "thir", "four", "fort", "five", "fif", "six", "seven", "eigh", "nine",
               "ten", "elev", "twel", "twen", "hundred", "thousand", "million", "billion", "trillion", "half", "dozen",
               "scores")
"""Every number word ``_NUMBER_WORD`` matches begins with one of these (thirteen and thirty with "thir", forty with
"fort", ...), except "a"/"an" before a scale word or "dozen", found from that word (``_SCALE_STEMS``)."""
_SCALE_STEMS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))


def _word_anchors(text: str, lowered: str) -> list[int]:
    """Starts of ``_WORD_ANCHOR_RE`` matches in ``text``.

    The pattern is tried only where a stem occurs (``str.find`` scans in C; trying it at every position of the text
    was most of the time spent here), in order, each from the end of the last match as ``finditer`` does."""
    if any(c in text for c in _CASE_FOLD_EXCEPTIONS):
        return [m.start() for m in _WORD_ANCHOR_RE.finditer(text)]
    starts: set[int] = set()
    for stem in _WORD_STEMS:
        i = lowered.find(stem)
        while i >= 0:
            starts.add(i)
            if stem in _SCALE_STEMS:  # "a hundred", "a dozen": "a"/"an" and white space right before it
                j = i
                while j and lowered[j - 1].isspace():  # str.isspace is the \s of a str pattern
                    j -= 1
                if j < i:
                    if j >= 1 and lowered[j - 1] == "a":
                        starts.add(j - 1)
                    if j >= 2 and lowered[j - 2:j] == "an":
                        starts.add(j - 2)
            i = lowered.find(stem, i + 1)
    anchors = []
    done = 0
    match = _LOWER_WORD_ANCHOR_RE.match
    for start in sorted(starts):
        if start < done:
            continue
        m = match(lowered, start)
        if m:
            anchors.append(start)
            done = m.end()
    return anchors


_MATCH_START = re.Match.start


_CURRENCY_SIGNS = "$€£¥₽₴"  # the signs of ``_DIGIT_ANCHOR_RE``


def _digit_anchors(text: str) -> set[int]:
    """Starts of ``_DIGIT_ANCHOR_RE`` matches, moved to the "US" of "US$" (and of "US" glued to a digit).

    Found without the pattern's scan of every character: its digits are the digit-run starts the time anchors have
    already found (a digit after a digit fails its look-behind) but for those after "." or ",", and its currency
    signs are found with ``str.find``."""
    anchors = {p for p in digit_run_starts(text) if not p or text[p - 1] not in ".,"}
    for sign in _CURRENCY_SIGNS:
        i = text.find(sign)
        while i >= 0:
            anchors.add(i)
            i = text.find(sign, i + 1)
    i = text.find("US")
    while i >= 0:  # an anchor right after "US" starts there; "U" is no anchor, so nothing else moves
        if i + 2 in anchors:
            anchors.remove(i + 2)
            anchors.add(i)
        i = text.find("US", i + 1)
    return anchors


_PERCENT_RE = re.compile(r"\s*(?:%|(?i:percent|per\s+cent)\b)(?!\w)")
_POINTS_RE = re.compile(r"\s*(?i:percentage\s+points?)\b")
_UNIT_RE = re.compile(
    r"[\s-]?(?P<u>(?i:square\s+(?:kilomet(?:er|re)s?|miles?|met(?:er|re)s?)|sq\.?\s?(?:km|mi)|km2|km²|kilomet(?:er|re)s?|"
    r"km|miles?|mi|met(?:er|re)s?|feet|foot|ft|yards?|hectares?|acres?|tonnes?|tons?|kilograms?|kg|"
    r"minutes?|hours?|hrs|days?|weeks?|months?|years?))(?![\w-])"
)
_DURATIONS = {"minute": "minute", "minutes": "minute",
              "hour": "hour", "hours": "hour", "hrs": "hour", "day": "day", "days": "day", "week": "week",
              "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year"}
_CONVERSION_RE = re.compile(r"\s*\((?:about|some|around|roughly|nearly|almost|over|more\s+than|\s)*"
                            r"[\d.,]+\s*[\w.² ]{1,20}\)")
_AGE_AFTER_RE = re.compile(r"(?i)^[\s-]*(?:years?|months?)[\s-]*old\b|^\s*(?:yrs?|y\.?o\.?)\b|^s\b")
_CLOCK_RE = re.compile(
    r"(?i)^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|gmt\b|bst\b|cet\b|est\b|utc\b|hrs\b|local\s+time)")
_GLUED_AFTER_RE = re.compile(r"^(?:[:/]\d|-\d|\.\d|[A-Za-z])")
_CHANGE_AFTER_RE = re.compile(
    r"(?i)[\s-]*(?P<n>increase|rise|jump|surge|spike|hike|growth|uptick|drop|decrease|decline|fall|reduction|"
    r"slump|plunge|more|fewer|less|higher|lower)\b")
_CHANGE_VERBS = (r"increased|increases?|rose|rises?|risen|jumped|jumps?|surged|surges?|soared|soars?|climbed|climbs?|"
                 r"grew|grows?|grown|fell|falls?|fallen|dropped|drops?|declined|declines?|decreased|decreases?|plunged|"
                 r"plummeted|shrank|shrunk|slumped")
_CHANGE_BEFORE_RE = re.compile(
    rf"(?i)\b(?:{_CHANGE_VERBS}|(?:increase|rise|jump|surge|drop|fall|decline|decrease|growth|reduction)\s+of)"
    rf"\s+(?:by\s+)?(?:(?:{_QUALIFIERS})\s+)?$")
_CHANGE_WORDS = 6  # in a match of _CHANGE_BEFORE_RE: a verb or a noun and "of", "by", a qualifier (up to three)
_UP_DOWN_BEFORE_RE = re.compile(r"(?i)\b(?:up|down)\s+(?:by\s+)?$")
_OF_NOUN_RE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|all|those|these)\s+)?([A-Za-z][\w'’-]*)")
_MULTIPLIER_RE = re.compile(r"(?i)\b(?P<w>doubled|tripled|trebled|quadrupled|(?P<n>two|three|four|five|six|seven|eight|"
                            r"nine|ten|\d+)[\s-]?fold)\b")
_LOWER_MULTIPLIER_RE = re.compile(_MULTIPLIER_RE.pattern[len("(?i)"):])
"""``_MULTIPLIER_RE`` for lower-cased text."""
_MULTIPLIER_VALUE = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0}
_MULTIPLIER_HINTS = ("fold", "bled", "pled")
"""In the lower-cased text of every multiplier ("doubled", "trebled", "tripled", "quadrupled", "3-fold"): most
texts have none, and then the slower case-insensitive scan is skipped. (Hints avoid i, k and s, which (?i) also
matches to non-ASCII letters.)"""
_MULTIPLIER_NUMBER_LENGTHS = (3, 4, 5)  # of the number words before "fold" (two, four, three, ...)
_MULTIPLIER_WORD_OFFSETS = {"bled": (3,), "pled": (3, 6)}  # doubled, trebled; tripled, quadrupled


def _multiplier_matches(lowered: str) -> list[re.Match]:
    """``list(_LOWER_MULTIPLIER_RE.finditer(lowered))``, the pattern tried only where a match can start.

    Every match holds a hint (``_MULTIPLIER_HINTS``): the word starts a fixed distance before "bled" or "pled", a
    "fold" follows its number and an optional separator (a number word is 3-5 letters; a run of digits starts after
    a non-word character, at a word boundary). The starts are tried in order, each from the end of the last match,
    as ``finditer`` does; the scan of every position was the slowest pattern of the quantities."""
    starts: set[int] = set()
    for hint in _MULTIPLIER_HINTS:
        h = lowered.find(hint)
        while h >= 0:
            if hint == "fold":
                ends = [h]
                if h and (lowered[h - 1].isspace() or lowered[h - 1] == "-"):  # \s is str.isspace
                    ends.append(h - 1)
                for e in ends:
                    starts.update(e - n for n in _MULTIPLIER_NUMBER_LENGTHS)
                    j = e
                    while j and lowered[j - 1].isdecimal():  # \d is str.isdecimal
                        j -= 1
                    starts.add(j)
            else:
                starts.update(h - n for n in _MULTIPLIER_WORD_OFFSETS[hint])
            h = lowered.find(hint, h + 1)
    found = []
    done = 0
    match = _LOWER_MULTIPLIER_RE.match
    for start in sorted(starts):
        if start < done:  # (also the negative starts)
            continue
        m = match(lowered, start)
        if m:
            found.append(m)
            done = m.end()
    return found


_SEVERAL_BEFORE_RE = re.compile(r"(?i)\b(?:several|a\s+few|many|some)\s+$")
_QUALIFIER_BEFORE_RE = re.compile(rf"(?i)(?:^|\b)(?P<q>{_QUALIFIERS})\s+$")
_QUALIFIER_WORDS = max(len(q.split(r"\s+")) for q in _QUALIFIERS.split("|"))  # 3: "no more than"
_ARTICLE_BEFORE_RE = re.compile(r"(?i)\b(an?)\s+$")
_WORD_RE = re.compile(r"\s*(?:(?:of|among)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|whom\s+|them\s+)?)?"
                      r"([A-Za-z][\w'’-]*)")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z][\w'’-]*)")
_AGE_COMMA_RE = re.compile(r"[A-Z][\w'’-]+,\s*$")

# The patterns "...(words)\s+$" above end with a word right before the trailing white space; that word is the whole
# run of word characters there (their words are word characters, after a word boundary or white space), so a text
# whose last word is none of theirs cannot match, and is not searched.
_QUALIFIER_LAST = re.compile("(?i)" + "|".join(dict.fromkeys(q.split(r"\s+")[-1] for q in _QUALIFIERS.split("|"))))
_SEVERAL_LAST = re.compile("(?i)several|few|many|some")
_CHANGE_LAST = re.compile(rf"(?i){_CHANGE_VERBS}|of|by|{_QUALIFIER_LAST.pattern[4:]}")
_WORD_PREFIX_RE = re.compile(r"\w*")


def _last_word_in(before: str, last: re.Pattern) -> bool:
    """Whether ``before`` ends with white space after a run of word characters that ``last`` matches whole."""
    stripped = before.rstrip()  # str.isspace, the \s of a str pattern
    if len(stripped) == len(before):
        return False
    run = _WORD_PREFIX_RE.match(stripped[::-1]).end()  # \w is str.isalnum() or "_", both ways round
    return run > 0 and last.fullmatch(stripped, len(stripped) - run) is not None


def _tail_start(before: str, words: int) -> int:
    """Where the last ``words`` runs of non-white-space characters of ``before`` begin (0 when it has no more): a match
    of at most that many words, with white space between them and after the last one to the end (the qualifier and
    change patterns), starts there or later, so they are searched from there (each tried at every position was the
    costly part of them)."""
    parts = before.rsplit(None, words)  # (str.split's white space is str.isspace, the \s of a str pattern)
    if len(parts) <= words:
        return 0
    return len(before) - len(before[len(parts[0]):].lstrip())


_SCALE_WORD_RE = re.compile(rf"(?i)({_SCALES}|dozen)\b")
_SPACES_RE = re.compile(r"\s+")
_TRAILING_SEPARATORS_RE = re.compile(r"[\s-]+$")
_CURRENCY_WORD_RE = re.compile(r"\s+([A-Za-z]+)\b")
_YEAR_NUMBER_RE = re.compile(r"(?:1[89]|20)\d\d")
_SMALL_NUMBER_RE = re.compile(r"\d{1,3}")
_SMALL_WORDS = {"a", "an", "one", "zero"}
_PLURAL_PEOPLE = {"people", "men", "women", "children", "police", "personnel", "staff", "crew", "youth"}


@cache
def _lexicon() -> dict:
    data = load_json("quantity_lexicon.json")
    data["people"] = {w.lower() for w in data["people_nouns"]} | {
        s.lower() for s in gazetteer().demonym_by_surface if s.endswith("s")}
    data["demonyms"] = {s.lower() for s in gazetteer().demonym_by_surface}
    data["labels"] = set(data["label_words"])
    data["stop"] = set(data["counted_stop"])
    data["things"] = set(data["count_nouns_not_people"])
    return data


@cache
def _units():
    import pint  # noqa: PLC0415 - heavy, only when a unit word occurs

    return pint.UnitRegistry()


PINT_SYMBOLS = {
    "acre": "acre", "acres": "acre", "feet": "ft", "foot": "ft", "ft": "ft", "hectare": "ha", "hectares": "ha",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilometer": "km", "kilometers": "km", "kilometre": "km",
    "kilometres": "km", "km": "km", "km2": "km ** 2", "km²": "km ** 2", "meter": "m", "meters": "m", "metre": "m",
    "metres": "m", "mi": "mi", "mile": "mi", "miles": "mi", "sq km": "km ** 2", "sq mi": "mi ** 2",
    "sq. km": "km ** 2", "sq. mi": "mi ** 2", "sq.km": "km ** 2", "sq.mi": "mi ** 2", "sqkm": "km ** 2",
    "sqmi": "mi ** 2", "square kilometer": "km ** 2", "square kilometers": "km ** 2", "square kilometre": "km ** 2",
    "square kilometres": "km ** 2", "square meter": "m ** 2", "square meters": "m ** 2", "square metre": "m ** 2",
    "square metres": "m ** 2", "square mile": "mi ** 2", "square miles": "mi ** 2", "ton": "ton", "tonne": "t",
    "tonnes": "t", "tons": "ton", "yard": "yd", "yards": "yd",
}
"""pint's symbol for each unit word ``_UNIT_RE`` matches (lower-cased, spaces collapsed), so that a process does not
load pint's registry (about 0.3 s) for them; ``tests/test_quantities.py`` checks every entry against pint."""


@lru_cache(maxsize=256)
def unit_symbol(word: str) -> str | None:
    """Short symbol of a length/area/mass unit word ("kilometres" → "km"), via pint."""
    word = re.sub(r"\s+", " ", word.lower().strip())
    if word in _DURATIONS:
        return _DURATIONS[word]
    if word in PINT_SYMBOLS:
        return PINT_SYMBOLS[word]
    return pint_symbol(word)


def pint_symbol(word: str) -> str | None:
    """pint's short symbol of a lower-cased unit word, None when pint does not know it."""
    word = {"km2": "km ** 2", "km²": "km ** 2"}.get(word, word)
    match = re.match(r"(?:square|sq\.?) ?(.+)", word)
    try:
        if match:
            unit = _units().parse_units(match.group(1)) ** 2
        else:
            unit = _units().parse_units(word)
    except Exception:  # pint raises several error types for unknown words
        return None
    return format(unit, "~")


@lru_cache(maxsize=4096)
def _words_value(words: str) -> float | None:
    words = re.sub(r"(?i)^an?\s+", "one ", words.strip())
    try:
        return float(text2num(words.lower(), "en"))
    except ValueError:
        return None


def _plural_noun_like(low: str, lex: dict) -> bool:
    """Without a tagger: a plural-looking word that is not an adjective ("famous") or a demonym."""
    return (low in lex["things"] or (low.endswith("s") and not low.endswith(("ss", "ous", "us", "is", "'s", "’s"))
                                      and low not in lex["demonyms"]))


def _counted(text: str, pos: int, lex: dict, allow_of: bool = True) -> tuple[str | None, bool, int]:
    """The counted noun after ``pos``: (noun as written lower-cased, counts people, end offset).

    ``allow_of`` admits "of the"/"of its" before the noun, right for scales ("2 million of the
    refugees") but not for "one of the senators".
    """
    words: list[str] = []
    end = pos
    cursor = pos
    first = True
    for _ in range(3):
        m = (_WORD_RE if first and allow_of else _NEXT_WORD_RE).match(text, cursor)
        if not m:
            break
        first = False
        word = m.group(1)
        low = word.lower().rstrip("'’")
        if word[0].isupper() and low not in lex["demonyms"] and word not in lex["people_nouns"]:
            break  # "Refugee 4 Refugees": a name, not a count
        if low in lex["people"] or (low.endswith("s") and low[:-1] in lex["people"]):
            words.append(word)
            return " ".join(words).lower(), True, m.end()
        if low in lex["stop"]:
            break
        words.append(word)
        cursor = m.end()
        if not words[1:] and _plural_noun_like(low, lex):
            end = m.end()
    if end > pos:
        return words[0].lower(), False, end
    return None, False, pos


def _guarded(text: str, start: int, end: int, lex: dict) -> bool:
    """True when the number at [start, end) is a label, code, age, clock time or glued to a word."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "-/:._#"):
        return True
    words = text[max(0, start - 30):start].split()
    prev = words[-1] if words else ""
    if prev in lex["labels"] or prev.rstrip(".") in lex["labels"]:
        return True
    after = text[end:end + 20]
    return bool(_AGE_AFTER_RE.match(after) or _CLOCK_RE.match(after))


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans``, which are in text order and do not overlap each other (the
    time expressions), so the last span starting before ``end`` is the only one to check."""
    i = bisect_left(starts, end)
    return i > 0 and spans[i - 1][1] > start


def extract_quantities(doc: Doc) -> list[Quantity]:
    """Quantities of ``doc`` in text order (see the module docstring for field semantics)."""
    text = doc_text(doc)
    lex = _lexicon()
    index = doc_index(doc)
    blocked = time_spans(text)
    blocked_starts = [a for a, _ in blocked]
    found: list[Quantity] = []
    last_end = -1
    lowered = lower_text(text)
    anchors = sorted(_digit_anchors(text).union(_word_anchors(text, lowered)))
    for anchor in anchors:
        if anchor < last_end:
            continue
        m = CORE_RE.match(text, anchor)
        if m is None:
            continue
        start, end = m.span()
        if not m.group("num") and not any(m.group("half", "dozen", "vague", "words")):
            continue
        while start < end and text[start].isspace():
            start += 1
        if m.group("cur") is None and text[start] in "$€£¥₽₴":
            start += 1
        if start < last_end or _overlaps(blocked, blocked_starts, start, end):
            continue
        num_start = m.start("num") if m.group("num") else start
        if _guarded(text, num_start if not m.group("cur") else m.start(), end, lex):
            continue
        quantity = _build(text, m, start, end, lex)
        if quantity is None:
            continue
        tokens = index.expand_span(quantity.start, quantity.end)
        if tokens is not None:
            if index.boilerplate[tokens[0]]:  # token._.in_boilerplate, read from the index
                continue
        else:
            span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            if span is not None and span[0]._.in_boilerplate:
                continue
        found.append(quantity)
        last_end = quantity.end
    if not any(hint in lowered for hint in _MULTIPLIER_HINTS):  # (str.find's scan: twice as fast as the regex)
        multipliers = ()
    elif any(c in text for c in _CASE_FOLD_EXCEPTIONS):
        multipliers = _MULTIPLIER_RE.finditer(text)
    else:  # the same matches as on the text (see _CASE_FOLD_EXCEPTIONS), found twice as fast
        multipliers = _multiplier_matches(lowered)
    for m in multipliers:
        if any(q.start <= m.start() < q.end for q in found):
            continue
        w = m.group("w").lower()
        n = m.group("n")
        value = _MULTIPLIER_VALUE.get(w) or (float(n) if n and n.isdigit() else _words_value(n or ""))
        if value:
            found.append(Quantity(text[m.start():m.end()], m.start(), m.end(), value, unit="times", is_change=True))
    found.sort(key=lambda q: q.start)
    return found


def _build(text: str, m: re.Match, start: int, end: int, lex: dict) -> Quantity | None:
    unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None
    is_change = False
    wordy = False
    cur = m.group("cur")
    if m.group("num"):
        raw = m.group("num")
        digits = raw.replace(",", "")
        if len(digits.split(".")[0]) > 12:
            return None
        value = Decimal(digits)
        scale = m.group("scale") or m.group("abbr")
        if scale:
            if m.group("abbr") and not cur:
                # "2m people" is two million; a glued "m"/"k" without money or people is a unit or code
                counted_after = _counted(text, end, lex)
                if not counted_after[1]:
                    return None
            value *= Decimal(int(_SCALE_VALUE[scale.lower()]))
        value = float(value)  # via Decimal: 4.1 million is 4100000, not 4099999.9999999995
        if not scale:
            after = text[end:end + 3]
            if _GLUED_AFTER_RE.match(after) and not _UNIT_RE.match(text, end) and not _PERCENT_RE.match(text, end):
                return None
    elif m.group("half"):
        value, wordy = 0.5, True
        nxt = _SCALE_WORD_RE.match(text[end:])
        if nxt:
            value *= _SCALE_VALUE[nxt.group(1).lower()]
            end += nxt.end()
    elif m.group("dozen"):
        value = 6.0 if m.group("dozen").lower().startswith("half") else 12.0
        wordy = True
    elif m.group("vague"):
        key = _SPACES_RE.sub(" ", m.group("vague").lower())
        value, qualifier = _VAGUE_VALUE[key], "several"
    else:
        words = _TRAILING_SEPARATORS_RE.sub("", m.group("words"))
        end = start + len(words) if not m.group("cur") else m.start("words") + len(words)
        if words.lower() in _SMALL_WORDS:
            wordy = True
        parsed = _words_value(words)
        if parsed is None:
            return None
        value, wordy = parsed, True
    if cur:
        unit = lex["currency_symbols"][cur]
    # what follows the number: percent, unit, currency word, counted noun
    tail = _POINTS_RE.match(text, end) or _PERCENT_RE.match(text, end)
    if tail:
        unit = "percentage_point" if "point" in tail.group(0).lower() else "percent"
        end = tail.end()
    elif unit is None:
        u = _UNIT_RE.match(text, end)
        cw = _CURRENCY_WORD_RE.match(text[end:end + 20])
        if u and not _AGE_AFTER_RE.match(text[end:end + 20]):
            symbol = unit_symbol(u.group("u"))
            if symbol:
                unit, end = symbol, u.end()
        elif cw and (cw.group(1).lower() in lex["currency_words"] or cw.group(1) in lex["currency_codes"]):
            word = cw.group(1)
            unit = lex["currency_words"].get(word.lower()) or word
            end += cw.end()
    if unit and unit not in {"percent", "percentage_point"}:
        conv = _CONVERSION_RE.match(text, end)
        if conv:
            end = conv.end()
    if unit in {"percent", "percentage_point"}:
        of = _OF_NOUN_RE.match(text, end)
        if of and of.group(1).lower() not in lex["stop"]:
            counted, end = of.group(1).lower(), of.end()
            for _ in range(2):  # "of federal workers": the noun phrase, up to three words
                nxt = _NEXT_WORD_RE.match(text, end)
                if not nxt or nxt.group(1).lower() in lex["stop"] or nxt.group(1)[0].isupper():
                    break
                counted, end = f"{counted} {nxt.group(1).lower()}", nxt.end()
    elif unit is None:
        big = bool(m.group("scale") or m.group("vague") or (m.group("num") and value >= 1000))
        noun, people, noun_end = _counted(text, end, lex, allow_of=big)
        if noun and value == 1 and not people and noun not in lex["things"]:
            noun = None  # "one keeps": a singular count needs a known noun
        if noun:
            counted, end = noun, noun_end
            if people:
                unit = "person"
    if m.group("vague") and counted is None and unit is None:
        return None  # "thousands of" what? ("hundreds of millions of dollars" keeps its currency)
    if wordy and unit is None and counted is None:
        return None
    if unit is None and counted is None and m.group("num"):
        raw = m.group("num")
        if not (m.group("scale") or "," in raw):
            near = text[max(0, start - 25):start]
            qual = _QUALIFIER_BEFORE_RE.search(near, _tail_start(near, _QUALIFIER_WORDS)) \
                if _last_word_in(near, _QUALIFIER_LAST) else None
            if not qual:
                return None
    if m.group("num") and not (m.group("scale") or cur or "," in m.group("num")) and unit not in {
            "percent", "percentage_point"} and _YEAR_NUMBER_RE.fullmatch(m.group("num")) and not (
            unit == "person" and counted and (counted.endswith("s") or counted.split()[-1] in _PLURAL_PEOPLE)):
        return None  # a year, also "the 2015 migrant crisis"
    if m.group("num") and _SMALL_NUMBER_RE.fullmatch(m.group("num")) and _AGE_COMMA_RE.search(
            text[max(0, start - 30):start]) and text[end:end + 1] == "," and unit is None:
        return None  # "Name, 34," is an age
    before = text[max(0, start - 40):start]
    several = _SEVERAL_BEFORE_RE.search(before) if _last_word_in(before, _SEVERAL_LAST) else None
    if qualifier is None and several and m.group("words") and m.group("words").strip().lower() in _SCALE_VALUE:
        qualifier = "several"  # "several hundred people": vague, like "hundreds of"
        start -= len(before) - several.start()
        before = text[max(0, start - 40):start]
    if qualifier is None:
        qual = _QUALIFIER_BEFORE_RE.search(before, _tail_start(before, _QUALIFIER_WORDS)) \
            if _last_word_in(before, _QUALIFIER_LAST) else None
        if qual:
            qualifier = _SPACES_RE.sub(" ", qual.group("q").lower())
            start -= len(before) - qual.start("q")
            before = text[max(0, start - 40):start]
    change_after = _CHANGE_AFTER_RE.match(text, end)
    if change_after and change_after.group("n").lower() not in {"more", "fewer", "less", "higher", "lower"}:
        is_change, end = True, change_after.end()
        art = _ARTICLE_BEFORE_RE.search(before)
        if art and qualifier is None:
            start -= len(before) - art.start(1)
    elif change_after and unit in {"percent", "percentage_point", "times"}:
        is_change, end = True, change_after.end()
    elif _last_word_in(before, _CHANGE_LAST) and _CHANGE_BEFORE_RE.search(
            before, _tail_start(before, _CHANGE_WORDS)) or (
            unit in {"percent", "percentage_point"} and _UP_DOWN_BEFORE_RE.search(before)):
        is_change = True
    return Quantity(text[start:end], start, end, value, unit=unit, qualifier=qualifier, counted=counted,
                    is_change=is_change)
