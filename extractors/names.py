"""Rules that find persons and organisations in news text without a trained model.

A person name is a run of capitalised tokens (with initials and particles) that is not
a known country, place or organisation, and that has evidence of being a person: a
known first name (``gender-guesser``'s list), a title or role before it ("Foreign
Minister", "Mr."), a speech verb or an age next to it, or a naming phrase ("a man
named", "identified himself as"). Later bare surnames of found persons become mentions.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from extractors.doccache import doc_lowers
from extractors.gazetteer import gazetteer, is_common_word, lexicon, load_json

PARTICLES = {"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "di", "la", "le",
             "du", "dos", "das", "del", "ter", "ten", "y", "abu", "bint"}
NAME_RE = re.compile(r"^[A-Z\u00C0-\u024F\u0400-\u04FF][\w\u00C0-\u024F’'\-]*$")
INITIAL_RE = re.compile(r"^[A-Z]\.$")
HYPHENS = {"-", "‑"}
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
    return {
        "roles": {w.lower() for w in lex["role_words"]},
        "role_heads": {w.lower() for w in lex["role_heads"]},
        "honorifics": set(lex["honorifics"]),
        "speech": set(lex["speech_verbs"]),
        "org_heads": set(orgs["org_head_nouns"]),
        "org_nouns": {w.lower() for w in orgs["org_common_nouns"]},
        "person_nouns": set(lex["person_nouns"]),
        "regional": set(lex["regional_adjectives"]),
        "kinship": {w.lower() for w in lex["kinship_nouns"]},
    }


def is_name_token(token: Token) -> bool:
    text = token.text
    return bool(NAME_RE.match(text) or INITIAL_RE.match(text)) and text not in WEEKDAYS_MONTHS


def is_all_caps(token: Token) -> bool:
    """"ISTANBUL", "UNHCR": datelines, acronyms and shouted headlines, not parts of person names."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _is_run_token(token: Token) -> bool:
    return is_name_token(token) and not is_all_caps(token)


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


def _in_ranges(token: Token, ranges) -> bool:
    return any(start <= token.idx < end for start, end in ranges or ())


def _taken(doc: Doc) -> set[int]:
    taken = set()
    for ent in doc.ents:
        taken.update(range(ent.start, ent.end))
    return taken


def _runs(doc: Doc, taken: set[int]):
    """Maximal runs of name-like tokens that no entity covers yet."""
    i = 0
    n = len(doc)
    doc = list(doc)  # one Token object per position: indexing a Doc builds a new one on every access
    while i < n:
        token = doc[i]
        if i in taken or not _is_run_token(token) or token._.in_boilerplate:
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            t = doc[j]
            if _is_run_token(t) and not t.is_sent_start and (doc[j - 1].whitespace_ or not t.text[:1].isupper()
                                                             or doc[j - 1].text in HYPHENS):
                j += 1  # a capitalised token glued to the previous one ("Barr|Ocasio") starts a new run
            elif (t.text in HYPHENS and not doc[j - 1].whitespace_ and not t.whitespace_
                  and j + 1 < n and _is_run_token(doc[j + 1]) and j + 1 not in taken):
                j += 2  # "Jean-Pierre": spaCy splits the hyphen off
            elif t.lower_ in PARTICLES and not t.is_sent_start:
                # "von der Leyen", "de la Cruz", "bin Abdul": one or more particles, then a name
                k = j
                while k < n and k - j < 3 and doc[k].lower_ in PARTICLES and k not in taken:
                    k += 1
                if (k + 1 < n and doc[k].text in HYPHENS and not doc[k - 1].whitespace_
                        and not doc[k].whitespace_ and _is_run_token(doc[k + 1]) and k + 1 not in taken):
                    j = k + 2  # "al-Baghdadi"
                elif k < n and k not in taken and _is_run_token(doc[k]) and not doc[k].is_sent_start:
                    j = k
                else:
                    break
            else:
                break
        yield i, j
        i = j


def _split_runs(doc: Doc, runs):
    """Split a run where a second full name begins ("William Barr William Pelham Barr", "Mike Pence Michael").

    After the title, a given name that follows a non-given, non-particle word two or more words into a
    name that itself opened with a given name starts another name (lists and scraped link widgets).
    """
    sets = _sets()
    titles = sets["roles"] | sets["role_heads"] | sets["honorifics"]
    for start, end in runs:
        while True:
            tokens = list(doc[start:end])
            k = _role_prefix_length(tokens)
            cut = None
            if k < len(tokens):
                for m in range(k + 2 if first_name_gender(tokens[k].text) is not None else k + 1, len(tokens)):
                    prev = tokens[m - 1]
                    if first_name_gender(tokens[k].text) is None and prev.text != tokens[-1].text:
                        continue  # without a given name first, only a restated surname ("Trump Donald J. Trump")
                    if (first_name_gender(tokens[m].text) is not None and prev.lower_ not in PARTICLES
                            and prev.is_alpha and len(prev.text) > 1 and first_name_gender(prev.text) is None
                            and prev.lower_ not in titles
                            and not is_common_word(tokens[m].text)):
                        cut = start + m
                        break
            if cut is None:
                yield start, end
                break
            yield start, cut
            start = cut


def _role_prefix_length(tokens: list[Token]) -> int:
    """How many leading tokens are a title or role ("Foreign Minister", "Mr.", "Sen.")."""
    sets = _sets()
    k = 0
    while k < len(tokens) - 1:
        low = tokens[k].lower_
        if low in sets["honorifics"] or low in sets["roles"] or low in sets["role_heads"]:
            k += 1
        else:
            break
    return k


def _preceding_role(doc: Doc, start: int) -> tuple[int, str | None]:
    """A lower-case role right before a name ("press secretary Karine ..."), returns its start."""
    sets = _sets()
    k = start
    while k > 0 and doc[k - 1].lower_ in (sets["roles"] | sets["role_heads"]) and not doc[k - 1].is_punct:
        k -= 1
    if k == start or doc[start - 1].lower_ not in sets["role_heads"]:
        return start, None  # "Secretary of Defense", "founder of Refugee ...": not a name after a role
    words = [t.text for t in doc[k:start]]
    while words and words[0].lower() in {"the", "of", "and", "for"}:
        words.pop(0)
        k += 1
    if not any(w.lower() in sets["role_heads"] for w in words):
        return start, None
    return k, " ".join(words)


def _followed_by_org_noun(doc: Doc, end: int) -> bool:
    nouns = _sets()["org_nouns"]
    if end < len(doc) and doc[end].lower_ in nouns:
        return True
    return end + 1 < len(doc) and f"{doc[end].lower_} {doc[end + 1].lower_}" in nouns


def _context_evidence(doc: Doc, start: int, end: int) -> set[str]:
    evidence = set()
    n = len(doc)
    after = doc[end] if end < n else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and is_speech_token(after):
        evidence.add("speech_after")
    if after is not None and after.text == "," and end + 1 < n:
        nxt = doc[end + 1]
        if nxt.is_digit or nxt.lower_ in {"who", "whose"}:
            evidence.add("apposition")
        if nxt.lower_ in {"a", "an", "the"} and end + 2 < n and (
            doc[end + 2].lower_ in _sets()["person_nouns"] or doc[end + 2].like_num
            or doc[end + 2].lower_ in _sets()["role_heads"] or "-year-old" in doc[end + 2].text
            or (end + 3 < n and doc[end + 3].lower_ in _sets()["person_nouns"])
        ):
            evidence.add("apposition")
        if nxt.lower_ in {"said", "says", "told"} or (end + 2 < n and is_speech_token(doc[end + 2])
                                                    and nxt.lower_ in {"he", "she"}):
            evidence.add("speech_after")
    if ("speech_after" in evidence and start >= 2 and doc[start - 1].text in QUOTE_CLOSERS
            and doc[start - 2].text in {",", "?", "!"}):
        evidence.add("quoted")  # '"...," Abbott said': the one who speaks right after a quotation
    if before is not None and before.lower_ in {"said", "says", "added", "asked", "wrote", "recalled", "explained"}:
        evidence.add("speech_before")  # not "told": "told Meduza" names an outlet
    # "her son Yaroslav", "his wife, Olena,": a relative introduced by name
    kin = _sets()["kinship"]
    if before is not None and before.text.islower() and before.lower_ in kin:
        evidence.add("kinship")
    elif (before is not None and before.text == "," and start >= 2 and doc[start - 2].text.islower()
          and doc[start - 2].lower_ in kin and after is not None and after.text in {",", "."}):
        evidence.add("kinship")
    lowers = doc_lowers(doc)
    for cue in NAMING_CUES:
        k = len(cue)
        if start - k >= 0 and tuple(lowers[start - k:start]) == cue:
            evidence.add("naming")
    if before is not None and before.lower_ in {"by", "with", "from", "and"} and False:
        evidence.add("weak")
    return evidence


def person_spans(doc: Doc) -> list[Span]:
    """PERSON (and some ORG) spans found by the rules, plus later surname-only mentions."""
    sets = _sets()
    gaz = gazetteer()
    taken = _taken(doc)
    found: list[Span] = []
    role_like = sets["roles"] | sets["role_heads"] | {w.lower() for w in sets["person_nouns"]}
    for start, end in _split_runs(doc, _runs(doc, taken)):
        tokens = list(doc[start:end])
        k = _role_prefix_length(tokens)
        role_words = [t.text for t in tokens[:k]]
        if k == 0:
            # "Commission President Greta ...", "Agency Director Jo ...": an organisation, a role, then the name
            heads = [p for p, t in enumerate(tokens[:-1]) if t.lower_ in sets["role_heads"] | sets["honorifics"]]
            if heads and (any(t.text in sets["org_heads"] for t in tokens[:heads[-1]]) or (
                    heads[-1] + 2 < len(tokens) and first_name_gender(tokens[heads[-1] + 1].text) is not None)):
                # ... or "District Judge Richard Leon", "Dona Ana County Sheriff Todd Garrison"
                r = heads[-1]
                while r > 0 and tokens[r - 1].lower_ in sets["roles"] and tokens[r - 1].text not in sets["org_heads"]:
                    r -= 1
                role_words = [t.text for t in tokens[r:heads[-1] + 1]]
                k = heads[-1] + 1
        name_start = start + k
        name_tokens = tokens[k:]
        # Drop a sentence-initial ordinary word glued to the name ("Meanwhile Smith").
        while len(name_tokens) > 1 and name_tokens[0].is_sent_start and is_common_word(
                name_tokens[0].text) and first_name_gender(name_tokens[0].text) is None:
            name_tokens = name_tokens[1:]
            name_start += 1
        # Drop leading regional adjectives ("Eastern European ..."), unless a given name ("Christian").
        while len(name_tokens) > 1 and name_tokens[0].text in sets["regional"] and first_name_gender(
                name_tokens[0].text) is None:
            name_tokens = name_tokens[1:]
            name_start += 1
        if not name_tokens:
            continue
        if all(t.text in sets["regional"] or t.lower_ in sets["roles"] | sets["role_heads"] | sets["honorifics"]
               or t.text in gaz.demonym_by_surface for t in name_tokens):
            continue  # "European", "Assistant Secretary": adjectives and role words alone are no name
        last = name_tokens[-1].lower_
        if (len(name_tokens) > 1 and last.endswith("s") and last[:-1] in role_like
                and first_name_gender(name_tokens[0].text) is None):
            continue  # "Democrat Chairs", "Republican Senators": a group named by its role, no person
        place = _place_before_country(doc, name_start, end)
        if place is not None:
            found.append(place)
            continue
        if name_tokens[-1].text in sets["org_heads"] or any(
                t.text in sets["org_heads"] for t in name_tokens):
            continue  # "Ministry of Defense", "Nasha Niva Newspaper": organisations
        text = doc[name_start:end].text
        said_before = name_start > 0 and doc[name_start - 1].lower_ in {"said", "says", "asked", "added"} or (
            name_start >= 2 and doc[name_start - 1].text in QUOTE_CLOSERS
            and doc[name_start - 2].text in {",", "?", "!"} and end < len(doc) and is_speech_token(doc[end]))
        if (text in gaz.places and not person_cue_before(doc, name_start)
                and not (said_before and first_name_gender(text))) or text in gaz.country_by_surface \
                or text in gaz.organizations:
            continue
        if _in_ranges(name_tokens[0], doc._.bylines):
            continue
        evidence = _context_evidence(doc, name_start, end)
        prefix_start, lower_role = _preceding_role(doc, start)
        if role_words and any(w.lower() in sets["role_heads"] | sets["honorifics"] for w in role_words):
            evidence.add("title")
        if lower_role or person_cue_before(doc, name_start) and doc[name_start - 1].lower_ in sets["honorifics"]:
            evidence.add("title")  # "Mr. Orban", "Mrs. Merkel"
        first = name_tokens[0].text
        given = first_name_gender(first) is not None and not is_common_word(first, -9.5)
        all_common = all(is_common_word(t.text) for t in name_tokens if not INITIAL_RE.match(t.text))
        determiner_before = start > 0 and doc[start - 1].lower_ in DETERMINERS
        if _followed_by_org_noun(doc, end) or (determiner_before and "title" not in evidence):
            continue
        if all_common and not (evidence & {"title", "naming"} or ("kinship" in evidence and given)):
            continue
        if len(name_tokens) == 1 and name_tokens[0].is_sent_start and not (evidence - {"speech_after"}) and not given:
            continue
        accept = False
        if len(name_tokens) >= 2 and (given or evidence or not any(
                is_common_word(t.text) for t in name_tokens)):
            accept = True
        elif len(name_tokens) == 1 and (evidence & {"title", "naming", "apposition", "speech_before", "kinship",
                                                    "quoted"}
                                        or (given and evidence)):
            accept = True
        if not accept:
            continue
        span = Span(doc, name_start, end, label="PERSON")
        role = " ".join(role_words) if role_words else lower_role
        span._.role = role
        span._.source = "rules"
        found.append(span)
    found += _surname_mentions(doc, found, taken)
    return found


def _surname_mentions(doc: Doc, persons: list[Span], taken: set[int]) -> list[Span]:
    """Later mentions by surname ("Putin") or by the whole name, outside found spans."""
    forms: set[str] = set()
    for span in [*persons, *doc.ents]:
        if span.label_ != "PERSON":
            continue  # "Roszke, Hungary" is a place found on the way: its later mentions are no persons
        forms.add(span.text)
        surname = surname_of(span)
        if surname and surname != span.text:
            forms.add(surname)
    covered = set(taken)
    for span in persons:  # places among them stay covered too
        covered.update(range(span.start, span.end))
    extra = []
    for start, end in _runs(doc, covered):
        if doc[start].is_sent_start and end - start > 1 and doc[start + 1:end].text in forms and is_common_word(
                doc[start].text):
            start += 1  # "Then Putin ..."
        while start > 1 and doc[start - 1].lower_ in PARTICLES and start - 1 not in covered and (
                doc[start - 1:end].text in forms or doc[start - 2].lower_ in PARTICLES):
            start -= 1  # "von der Leyen"
        while doc[start].lower_ in PARTICLES and doc[start:end].text not in forms:
            start += 1
        span = doc[start:end]
        if span.text not in forms or _in_ranges(span[0], doc._.bylines):
            continue
        alias = Span(doc, start, end, label="PERSON")
        alias._.source = "rules-alias"
        extra.append(alias)
    return extra


def surname_of(span: Span) -> str | None:
    """The last name of a multi-word name, keeping hyphenated parts together ("Jean-Pierre")."""
    text = span.text
    parts = [p for p in text.split() if not INITIAL_RE.match(p)]
    if len(parts) < 2:
        return None
    k = len(parts) - 1
    while k > 1 and parts[k - 1].lower() in PARTICLES:
        k -= 1  # "von der Leyen", "de la Cruz"
    return " ".join(parts[k:])


def _place_before_country(doc: Doc, start: int, end: int) -> Span | None:
    """"Grodno, Belarus" / "near Siret, Romania,": an unknown place located by the country after it."""
    gaz = gazetteer()
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    country = doc[end + 1]
    iso = gaz.country_by_surface.get(country.text)
    if iso is None or (end + 2 < len(doc) and doc[end + 2].text in {"'s", "’s", "'", "’"}):
        return None
    if end + 2 < len(doc) and not (doc[end + 2].is_punct or doc[end + 2].is_space
                                   or doc[end + 2].text in WEEKDAYS_MONTHS or doc[end + 2].like_num):
        return None
    words = doc[start:end].text.split()
    name = " ".join(dict.fromkeys(words)) if len(set(words)) == 1 else " ".join(words)
    span = Span(doc, start, end, label="LOC")
    span._.iso = iso
    span._.canonical = name
    span._.source = "rules"
    return span


def organization_spans(doc: Doc) -> list[Span]:
    """Organisations named by pattern: "Ministry of Defense", "the Finnish border guard(s)".

    A nationality adjective followed by a state body ("Finnish border guards",
    "Polish government") is an organisation of that country.
    """
    spans: list[Span] = []
    gaz = gazetteer()
    sets = _sets()
    bodies = ("border guard", "border guards", "border guard service", "border police", "coast guard",
              "government", "authorities", "police", "army", "military", "navy", "security services",
              "security service", "foreign ministry", "interior ministry", "defense ministry",
              "defence ministry", "ministry", "embassy", "parliament", "foreign office", "interior minister")
    body_tokens = sorted((tuple(b.split()) for b in bodies), key=len, reverse=True)
    n = len(doc)
    lowers = doc_lowers(doc)
    for token in doc:
        if token.text in gaz.demonym_by_surface and not token._.in_boilerplate:
            for words in body_tokens:
                k = len(words)
                if token.i + k < n + 0 and tuple(lowers[token.i + 1:token.i + 1 + k]) == words:
                    if words[-1] == "minister":
                        break
                    span = Span(doc, token.i, token.i + 1 + k, label="ORG")
                    span._.iso = gaz.demonym_by_surface[token.text]
                    span._.canonical = span.text
                    span._.source = "rules"
                    spans.append(span)
                    break
    # Capitalised bodies: "Ministry of Defense", "State Border Guard Service", "Border Guard".
    i = 0
    while i < n:
        token = doc[i]
        if token.text in sets["org_heads"] and token.text[:1].isupper() and not token._.in_boilerplate:
            start = i
            while start > 0 and is_name_token(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1
            end = i + 1
            if end + 1 < n and doc[end].lower_ in {"of", "for"} and is_name_token(doc[end + 1]):
                end += 2
                while end < n and (is_name_token(doc[end]) or doc[end].lower_ in {"and", "of"}
                                   and end + 1 < n and is_name_token(doc[end + 1])):
                    end += 1
            while (start < i and doc[start].is_sent_start and is_common_word(doc[start].text)
                   and doc[start].text not in gaz.demonym_by_surface):
                start += 1
            if end - start >= 2 and doc[start:end].text not in gaz.organizations:
                span = Span(doc, start, end, label="ORG")
                iso = None
                for t in span:
                    iso = iso or gaz.demonym_by_surface.get(t.text) or gaz.country_by_surface.get(t.text)
                span._.iso = iso
                span._.canonical = span.text
                span._.source = "rules"
                spans.append(span)
                i = end
                continue
        i += 1
    return spans
