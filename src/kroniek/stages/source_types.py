"""The type of a claim's source (`kroniek.doc.SOURCE_TYPES`) and its side, for the claims
stage (`kroniek.stages.claims`).

A source is typed from its nouns (`SOURCE_NOUNS`, `TYPING_NOUNS` and `ORGANISATIONS` of
the language's `sources` module, roles of the quote lexicon), from where the article
introduces it (the word before each mention, brackets, an apposition, a copula, "X van
<organisatie>" and what that organisation is), as a private person (an age, a home town,
a reader's signature), as a place that speaks for its government, and from the sentence
of its cue ("tweette", "schrijft de krant"). `civilian`, `civil_society` and `business`
are read only next to the name, or, for a head or member of an organisation the article
does not type, from the nouns around the person's mentions.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from kroniek.doc import Doc, Quote, Speaker
from kroniek.stages.phrases import (
    lexicon,
    side_of,
    sources_lexicon,
)

__all__ = ["HEADLINE_LEN", "introductions", "mentions", "quote_source_type",
           "source_for_phrase"]


_ROLE_TO_TYPE = {
    "expert": "expert", "official": "official", "spokesperson": "official",
    "politician": "official", "leader": "official", "military": "party_to_conflict",
    "media": "media", "person": "civilian",
}


@cache
def _typing_nouns(lang: str | None) -> dict[str, str]:
    """The nouns that type a source: the language's `SOURCE_NOUNS` (which the quote stages
    also use to find speakers), its `TYPING_NOUNS` and `ORGANISATIONS` (typing only)."""
    mod = importlib.import_module(f"kroniek.lang.{'en' if lang == 'en' else 'nl'}.sources")
    return {**sources_lexicon(lang)[0], **getattr(mod, "TYPING_NOUNS", {}),
            **getattr(mod, "ORGANISATIONS", {})}


@lru_cache(maxsize=8192)
def _noun_type(word: str, lang: str | None) -> str | None:
    """The source type a noun signals ("buurtbewoners" -> civilian): `source_type` over
    `_typing_nouns` (an exact entry, else the first suffix of five letters or more)."""
    nouns = _typing_nouns(lang)
    w = word.lower()
    if w in nouns:
        return nouns[w]
    by_suffix, longest = _suffix_index(lang)
    hits = [by_suffix[w[-n:]] for n in range(_SUFFIX_MIN, min(len(w), longest) + 1)
            if w[-n:] in by_suffix]
    return min(hits)[1] if hits else None  # the first in the lexicon's order, as before


@cache
def _suffix_index(lang: str | None) -> tuple[dict[str, tuple[int, str]], int]:
    """The typing nouns of `_SUFFIX_MIN` letters or more by their text, each with its place
    in the lexicon and its type, and the longest one's length: `_noun_type` looks up the
    ends of a word instead of testing every noun."""
    index = {k: (i, v) for i, (k, v) in enumerate(_typing_nouns(lang).items())
             if len(k) >= _SUFFIX_MIN}
    return index, max(map(len, index), default=0)


# The shortest source noun matched as the end of a longer word (as `source_type` does).
_SUFFIX_MIN = 5


@cache
def _cased_sources(lang: str | None) -> dict[str, str]:
    """Source names matched as written ("AD"), from the language's sources lexicon."""
    mod = importlib.import_module(f"kroniek.lang.{'en' if lang == 'en' else 'nl'}.sources")
    return dict(getattr(mod, "CASED_SOURCES", {}))


@cache
def _multiword_types(lang: str | None) -> tuple[tuple[str, str], ...]:
    """Source nouns of several words, longest first ("openbaar ministerie")."""
    nouns = _typing_nouns(lang)
    return tuple(sorted(((k, v) for k, v in nouns.items() if " " in k),
                        key=lambda kv: -len(kv[0])))


def _word_type(word: str, lang: str | None) -> str | None:
    """The source type one word signals, through a role noun or a source noun; a head of
    an organisation ("rechtbankvoorzitter", "NOS-directeur") takes the organisation's type."""
    word = re.sub(r"['’]ers?$", "", word)  # "VVD'er", "SP'ers": a party's member
    cased = _cased_sources(lang).get(word)
    if cased:
        return cased
    if word.lower().rstrip(".") in _ADDRESS:
        return None  # "mevrouw Roovers": a form of address, no role
    exact = _typing_nouns(lang).get(word.lower())
    if exact:
        return exact  # "zakenvrouw" is a business, though "vrouw" ends it
    role = lexicon(lang).role_class(word)
    if role == "person":  # "kinderombudsvrouw": a source noun ending it says more than "vrouw"
        role = None if _noun_type(word, lang) else role
    if role in _ROLE_TO_TYPE:
        return _ROLE_TO_TYPE[role]
    found = _noun_type(word, lang)
    if found is None and (role is not None or word.lower().endswith(_STAFF)):
        found = _modifier_type(word.lower(), lang)  # "gemeentemedewerker": the gemeente
    return found


# Nouns of staff that take the type of the organisation opening the compound.
_STAFF = ("medewerker", "medewerkers", "medewerkster", "werknemer", "werknemers",
          "personeelslid", "manager", "managers")


# Words inside a person's name before the surname ("de Boer", "van der Meer").
_NAME_PARTICLES = frozenset({"de", "den", "der", "van", "ter", "te", "ten", "'t"})


# Forms of address, which say nothing of a person's role ("mevrouw", "meneer").
_ADDRESS = frozenset({"mevrouw", "meneer", "heer", "mevr", "dhr", "mr", "mrs", "ms"})


# A web address written as a source ("nu.nl", "retailtrends.nl", "politico.eu").
_DOMAIN = re.compile(r"(?i)^[\w-]+\.(?:nl|be|com|org|eu|net|de|co\.uk)$")


# The shortest organisation noun read as the first part of a compound role noun.
_MODIFIER_MIN = 4


@lru_cache(maxsize=4096)
def _modifier_type(word: str, lang: str | None) -> str | None:
    """The type of the organisation that opens a compound role noun: "rechtbank" in
    "rechtbankvoorzitter", "NOS" in "NOS-directeur", "politie" in "politiewoordvoerder"."""
    parts = [x for x in word.split("-") if x]
    if len(parts) > 1:
        return _noun_type("-".join(parts[:-1]), lang) or _noun_type(parts[0], lang)
    nouns = _typing_nouns(lang)
    best: tuple[int, str] | None = None
    for key, kind in nouns.items():
        if (" " not in key and len(key) >= _MODIFIER_MIN and len(word) > len(key) + 3
                and word.startswith(key) and (best is None or len(key) > best[0])):
            best = (len(key), kind)
    return best[1] if best else None


@lru_cache(maxsize=8192)  # the same speakers and roles recur across an archive
def source_for_phrase(phrase: str, *, lang: str | None) -> tuple[str, str | None]:
    """(source type, side) of a source as written ("Russische militaire bloggers")."""
    if any(_DOMAIN.search(w.strip(".,;:()")) for w in phrase.split()):
        return "media", side_of(phrase, lang)  # "volgens retailtrends.nl"
    words = re.findall(r"[\w'-]+", phrase)
    n_words = len(words)
    kind = "unknown"
    multi = _multiword_types(lang)
    low = " " + " ".join(x.lower() for x in words) + " "
    for key, st in multi:  # "Openbaar Ministerie", "Verenigde Naties", "Tweede Kamer"
        at = low.rfind(f" {key} ")
        if at >= 0:
            kind = st
            words = re.findall(r"[\w'-]+", low[at + len(key) + 1 :])  # a later head wins
            break
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        # "VVD-gedeputeerde", "oud-minister": the compound, else its last part
        found = _word_type(word, lang)
        if found in _NON_STATE and i > 0 and word[:1].isupper() and not word.isupper() and (
                _after_first_name(words, i)
                or (found == "civilian" and (words[i - 1][:1].isupper()
                                             or words[i - 1].lower() in _NAME_PARTICLES))):
            continue  # a surname: "Jan de Boer", "Klaas Burger"
        parts = [x for x in word.split("-") if x] if found is None else []
        for part in reversed(parts if len(parts) > 1 else []):
            found = _word_type(part, lang)
            if found:
                break
        if found and lexicon(lang).role_class(word) == "spokesperson":
            # "woordvoerder van Shell": a spokesperson speaks for the organisation named
            before = words[:i] + [x for x in word.split("-")[:-1] if x]  # "ING-woordvoerder"
            org = next((t for w in reversed(before) if (t := _word_type(w, lang))
                        in _NON_STATE), None)
            found = org or found
        if found:
            kind = found
            break
    side = side_of(phrase, lang)
    if kind == "unknown" and side is not None and n_words <= 2:
        kind = "official"  # a capital or a country speaking: "Kyiv", "Moskou"
    return kind, side


def _after_first_name(words: list[str], i: int) -> bool:
    """Do name particles before `words[i]` follow a first name ("Jan de Boer", "Anne van
    der Meer"), so that the word is a surname? Not after a lower-case word: "voorzitter
    van de Stichting ...", "directeur van Tuinbranche Nederland" name an organisation
    (a civilian noun after a particle stays a surname: "70 procent van de Nederlanders"
    is no introduction either)."""
    k = i - 1
    while k >= 0 and words[k].lower() in _NAME_PARTICLES:
        k -= 1
    return k < i - 1 and k >= 0 and words[k][:1].isupper()


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def mentions(text: str, word: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each mention of `word` in `text` that no word character or hyphen
    touches: what `re.finditer(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)` finds
    (Python's \\w is `str.isalnum` and "_"), without compiling a pattern per name."""
    if not word:
        yield from ((m.start(), m.end()) for m in re.finditer(r"(?<![\w-])(?![\w-])", text))
        return
    n, at = len(word), text.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not _wordish(text[at - 1])) and (end >= len(text)
                                                         or not _wordish(text[end])):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def introductions(doc: Doc, name: str, starts: list[int] | None = None, *,
                  near: bool = False) -> str:
    """How the article introduces `name` anywhere: the words right before each mention
    ("SP-Kamerlid", "de Leidse hoogleraar"), a party in brackets after it ("(VVD)") and an
    apposition ("X, woordvoerder van het leger," or "zegt X, hoogleraar aan de ...").
    `near`: only the one word right before each mention ("buurtbewoner X", not "de
    nabestaanden van X"). `starts` are the token starts of `doc` (computed when not given)."""
    key = name.split()[-1]
    if len(key) < 2:
        return ""
    if starts is None:
        starts = [t.start for t in doc.tokens]
    out: list[str] = []
    orgs: list[str] = []
    own = {w.lower() for w in name.split()}
    for m_start, m_end in mentions(doc.text, key):
        before = doc.text[max(0, m_start - 60) : m_start]
        if before.endswith("("):  # "de Dienst Justitiële Inrichtingen (DJI)": the full name
            before = before[:-1].rstrip()
        clause = re.split(r"[.,;:!?\"'„“”()]", before)
        words = [w for w in clause[-1].split() if w.lower() not in own]  # not "Recep Tayyip"
        if len(words) > 2 and words[-1] in ("en", "of") and words[-2][:1].isupper():
            words = words[:-2]  # "haar baasjes Annemarie en Richard Cools": both introduced
        seg = [w for w in words[-(1 if near else _INTRO_WORDS):]
               if not (len(w) >= HEADLINE_LEN - 1 and w.isupper())]  # not "MEDIA"
        after = doc.text[m_end : m_end + 80]
        paren = re.match(r"\s*\(([^()]{1,40})\)", after)
        if paren:
            if source_for_phrase(paren.group(1), lang=doc.lang)[0] != "imagery":
                seg.append(paren.group(1))  # not "zegt advocaat Janssen (foto)": a caption
            after = after[paren.end() :]  # "Paula Schot (25), SGP-lijsttrekker"
        appo = re.match(r",\s+|\s+(?:is|was)\s+", after)  # also "X is hoofd … van Unicef"
        if appo:
            at = m_end + (paren.end() if paren else 0) + appo.end()
            role = _apposition(doc, at, starts)
            if "," not in appo.group() and source_for_phrase(role, lang=doc.lang)[0] in (
                    _NON_STATE | {"unknown"}):
                role = ""  # a copula's predicate judges as often as it introduces
            seg.append(role)
            if re.search(r"\s(?:van|bij)\s", role):  # "directeur van Swov, het Instituut ..."
                seg.append(_org_kind(doc, at + len(role), starts))
        out.append(" ".join(x for x in seg if x))
        aff = _AFFILIATED.match(after)
        if aff:  # "Jansen van de politie", "Visser bij de Universiteit Utrecht"
            at = m_end + (paren.end() if paren else 0) + aff.end()
            org = _affiliation(doc, at, starts)
            if org and source_for_phrase(org, lang=doc.lang)[0] not in ("imagery", "social_media"):
                # not "zegt Pappot bij de foto's"; "X van BOinK (belangenvereniging ...)"
                orgs.append(f"{org} {_org_kind(doc, at + len(org), starts)}".strip())
    # The organisations first: a role the article gives the person is read last and wins
    # ("onderzoeker Helma Ruijs van het RIVM" is an expert; "Jansen van de politie" official);
    # the first mention last, so that it is read first (it introduces the person; later
    # ones stand in clauses about other people: "Kiezers zijn mogelijk bij Erdogan").
    return " ".join(x for x in orgs + out[::-1] if x)


# How a person's organisation follows the name: "Jansen van de politie", "Visser bij de
# Universiteit Utrecht", "X, verbonden aan Elabe, een instituut ...", "X, werkzaam bij ...".
_AFFILIATED = re.compile(r"\s+(?:van|bij|namens|uit)\s+"
                         r"|,\s+(?:werkzaam|verbonden|actief)\s+(?:aan|bij|voor)\s+")


def _org_kind(doc: Doc, at: int, starts: list[int]) -> str:
    """What an organisation named just before `at` is, in brackets or an apposition ("BOinK
    (belangenvereniging voor ouders …)", "Swov, het instituut voor …"): the words up to
    the first preposition, the head of the phrase."""
    after = doc.text[at : at + 80]
    paren = re.match(r"\s*\(([^()]{3,80})\)", after)
    comma = re.match(r",\s+", after)
    if paren:
        desc = paren.group(1)
    elif comma:
        desc = _apposition(doc, at + comma.end(), starts)
    else:
        return ""
    return re.split(r"\s(?:van|voor|in|bij|aan|op|uit|met|tegen|die|dat)\s", desc)[0]


# The words of an organisation after "van", "bij": a determiner, adjectives, nouns and
# names, and the "voor"/"van" inside a name ("Centraal Bureau voor de Statistiek").
_AFF_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "X"})


_AFF_MAX = 6


def _affiliation(doc: Doc, at: int, starts: list[int]) -> str:
    """The organisation named at `at` after "X van|bij ...", read by its parts of speech."""
    i = bisect.bisect_left(starts, at)
    if i >= len(doc.tokens) or doc.tokens[i].start != at:
        return ""
    j = i
    while j < len(doc.tokens) and j - i < _AFF_MAX:
        tok = doc.tokens[j]
        inner = tok.text in ("voor", "van", "der", "de") and j > i
        if tok.upos not in _AFF_WORDS and not inner:
            break
        j += 1
    while j > i and doc.tokens[j - 1].upos not in ("NOUN", "PROPN", "X"):
        j -= 1
    return doc.text[doc.tokens[i].start : doc.tokens[j - 1].end] if j > i else ""


# Parts of speech that open an apposition ("X, hoogleraar aan ...", "X, de Leidse
# hoogleraar"), and those that end it: a verb, a pronoun or a conjunction starts a clause
# ("X, die ...", "X, zegt de agent").
_APPO_OPEN = frozenset({"NOUN", "ADJ", "DET", "PROPN", "NUM"})


_APPO_STOP = frozenset({"VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT"})


_APPO_WORDS = 10


_APPO_CLAUSE = frozenset({"VERB", "AUX", "PRON", "SCONJ"})  # "en daarmee ..." ends it


def _apposition(doc: Doc, at: int, starts: list[int]) -> str:
    """The noun phrase apposed at `at` (after "X, "), read by its parts of speech; empty
    when what follows is a clause, or when there is no parse."""
    i = bisect.bisect_left(starts, at)
    if i >= len(doc.tokens) or doc.tokens[i].start != at or doc.tokens[i].upos not in _APPO_OPEN:
        return ""
    j = i
    while j < len(doc.tokens) and j - i < _APPO_WORDS and doc.tokens[j].upos not in _APPO_STOP:
        j += 1
    if j < len(doc.tokens) and doc.tokens[j].upos in _APPO_CLAUSE and j - i < _APPO_WORDS:
        return ""  # "X, de agent zegt ...": a clause, not an apposition
    return doc.text[doc.tokens[i].start : doc.tokens[j - 1].end]


# Gazetteer features of a place that speaks for its government ("Nederland wil",
# "Amsterdam besluit"): countries, first- and second-order divisions, populated places.
_GOVERNED = ("PCL", "ADM1", "ADM2", "PPLC", "PPLA")


def _speaks_for_place(doc: Doc, sp: Speaker) -> bool:
    """Is the speaker a place the gazetteer resolved (a country, a province, a seat of
    government), and not a person the recogniser found ("Plato" is also a province)?"""
    name = (sp.name or "").strip()
    if not name or sp.descriptor or _speaker_label(doc, sp.entity) == "PER":
        return False
    return any(p.text == name and (p.feature_code or "").startswith(_GOVERNED)
               for p in doc.places)


# Types read only from a noun next to the speaker's name: the wider introduction reads
# other people's nouns ("de nabestaanden van Henriquez", "Wilders beet het spits af").
_NON_STATE = frozenset({"civilian", "civil_society", "business"})


# A person's name written out: first name(s) and surname, with particles ("Jan de Vries").
_PERSON_NAME = re.compile(r"^[A-ZÀ-Þ][\w'.-]+(?:\s+(?:(?:van|de|der|den|ter|ten|te|het|el|al|"
                          r"bin|da|di|du|le|la|von|zu)\s+)*[A-ZÀ-Þ][\w'.-]+){1,3}$")


def _is_person(doc: Doc, sp: Speaker) -> bool:
    """Is the speaker a person: one the recogniser labelled so, or a name without an
    entity that is written as first name and surname and names no source ("Cory Zue", not
    "Circuit Zandvoort")?"""
    label = _speaker_label(doc, sp.entity)
    if label is not None or not sp.name:
        return label == "PER"
    return bool(_PERSON_NAME.match(sp.name)) and source_for_phrase(
        sp.name, lang=doc.lang) == ("unknown", None)


def _heads_organisation(near: str, lang: str | None) -> bool:
    """Is a head of an organisation written right before the person ("directeur X",
    "bestuurder X")? Such a person speaks for the organisation the introduction names
    ("directeur Thijs Emondts" of Uber is the business), so its type is read from there."""
    lex = lexicon(lang)
    return any(lex.role_class(w) == "manager" or lex.role_class(w.split("-")[-1]) == "manager"
               for w in re.findall(r"[\w'-]+", near))


_OF_ORG = re.compile(r"\s+(?:van|bij|namens)\s+(?:de\s+|het\s+)?(?=[A-ZÀ-Þ])")


def _of_organisation(doc: Doc, name: str) -> bool:
    """Is the person introduced as one of an organisation the recogniser found ("Daun
    Hwang van Pilp", "Jansen bij de KNSA")?"""
    orgs = [(e.start, e.end) for e in doc.entities if e.label == "ORG"]
    for _, m_end in mentions(doc.text, name.split()[-1]):
        m = _OF_ORG.match(doc.text, m_end, m_end + 20)
        if m and any(a <= m.end() < b for a, b in orgs):
            return True
    return False


# Organisations are companies or civil society: the nouns that say which in an article
# ("het bedrijf", "klanten"; "de stichting", "de club", "leden").
_ORG_KINDS = ("business", "civil_society")


# How many times as many nouns of one kind as of the other the text around a head of an
# organisation must hold to say what the organisation is, and how far around each mention
# that text reaches (characters); tuned on the unknown sources of the even-id half of the
# cached DPG analyses (1,194 articles), confirmed on the odd half.
_ORG_KIND_MARGIN = 2


_ORG_KIND_WINDOW = 300


def _org_kind_near(doc: Doc, name: str, starts: list[int] | None) -> str:
    """The kind of organisation a head of an organisation speaks for when the introduction
    does not say which ("directeur Jansen", "bestuurder Bolhuis"): business or civil
    society, as the nouns of those kinds around the person's mentions say by a clear margin
    ("het bedrijf", "de omzet" ... against "de school", "de leden" ...); else unknown."""
    if starts is None:
        starts = [t.start for t in doc.tokens]
    votes = dict.fromkeys(_ORG_KINDS, 0)
    seen: set[int] = set()
    for m_start, m_end in mentions(doc.text, name.split()[-1]):
        lo = bisect.bisect_left(starts, m_start - _ORG_KIND_WINDOW)
        hi = bisect.bisect_right(starts, m_end + _ORG_KIND_WINDOW)
        for i in range(lo, hi):
            tok = doc.tokens[i]
            if i not in seen and tok.upos in ("NOUN", "PROPN"):
                seen.add(i)
                kind = _noun_type(tok.text, doc.lang)
                if kind in votes:
                    votes[kind] += 1
    (a, na), (_, nb) = sorted(votes.items(), key=lambda kv: -kv[1])
    return a if na > nb and na >= nb * _ORG_KIND_MARGIN else "unknown"


def _without_name(phrase: str, name: str, lang: str | None) -> str:
    """`phrase` without the words of the person's `name` ("SP-Kamerlid Sandra Beckerman"
    -> "SP-Kamerlid"), but for a source noun the name opens with ("Touroperator Kras")."""
    words = name.split()
    while len(words) > 1 and _word_type(words[0], lang):
        words = words[1:]
    drop = set(words)
    return " ".join(w for w in phrase.split() if w not in drop)


# How an article introduces a private person: an age in brackets or between commas ("Jan
# (34)", "Jan, 34,"), "de 34-jarige", a home town after the name ("Jan uit Tilburg").
_AGE_AFTER = r"\s*(?:\(\s*\d{1,2}\s*[),]|,\s*\d{1,2}\s*,)"  # also "(24, HR-medewerker)"


_HOME_AFTER = r"\s+uit\s+(?:het\s+)?[A-ZÀ-Þ]"


_AGE_OR_HOME = re.compile(_AGE_AFTER + "|" + _HOME_AFTER)


_AGE_BEFORE = re.compile(r"(?i)\b\d{1,2}-jarige\s+(?:[\w-]+\s+){0,2}$")


# A reader's letter signed with name and home town: "Bert Overweel, Krimpen aan den
# IJssel." (the place checked against the gazetteer's places of the article).
_SIGNED = re.compile(r",\s+([A-ZÀ-Þ][\w'-]+(?:\s+[\w'-]+){0,3}?)\.(?=\s|$)")


def _private_person(doc: Doc, name: str) -> bool:
    """Does the article introduce the person `name` as private persons are introduced: an
    age, a home town ("Fransman Simon Henry (34) uit Gouda", "de 26-jarige Sakkaros"), or
    sign with a home town as readers sign a letter ("Sander de Kramer, Rotterdam.")?"""
    for m_start, m_end in mentions(doc.text, name.split()[-1]):
        if _AGE_OR_HOME.match(doc.text, m_end, m_end + 40):
            return True
        signed = _SIGNED.match(doc.text, m_end, m_end + 50)
        if signed and any((p.start, p.end) == signed.span(1) for p in doc.places):
            return True
        if _AGE_BEFORE.search(doc.text[max(0, m_start - 50) : m_start]):
            return True
    return False


def _speaker_label(doc: Doc, entity: str | None) -> str | None:
    if entity is None:
        return None
    return next((e.label for e in doc.entities if e.id == entity), None)


# A word in capitals this long is a headline's, not an acronym ("SPEECH"; "NAVO", "UNHCR").
HEADLINE_LEN = 6


# Words of the sentence around a quote that say how it is known when its speaker does not:
# "schrijft de krant", "op sociale media", "op beelden is te zien".
_SENTENCE_TYPES = (
    (re.compile(r"(?i)\b(?:twitter\w*|getwitterd|(?:re|ge)?tweet\w*|facebook|instagram|"
                r"telegram|tiktok|sociale media|social media|gepost|post(?:te)?)\b"),
     "social_media"),  # "twitterde", "twittert", "retweette" as well as "tweette"
    (re.compile(r"(?i)\b(?:beelden|video|foto's|satellietbeelden|opnamen)\b"), "imagery"),
    (re.compile(r"(?i)\b(?:krant|persbureau|omroep|nieuwssite|zender|redactie|dagblad)\b"),
     "media"),
)


# Words before the name kept as its introduction ("de Leidse universitair hoofddocent").
_INTRO_WORDS = 4


def _sentence_type(doc: Doc, q: Quote) -> str:
    """The source type the cue's sentence gives ("…, tweette hij", "meldt de krant")."""
    at = q.cue.start if q.cue is not None else q.start
    i = doc.sentence_index(at)
    if i < 0:
        return "unknown"
    sent = doc.sentences[i]
    around = doc.text[sent.start : sent.end]
    if q.start >= sent.start and q.end <= sent.end:
        around = doc.text[sent.start : q.start] + doc.text[q.end : sent.end]
    for pat, kind in _SENTENCE_TYPES:
        if pat.search(around):
            return kind
    return "unknown"


def quote_source_type(doc: Doc, q: Quote, sp: Speaker | None, written: str,
                      intros: dict[Any, Any] | None = None,
                      starts: list[int] | None = None) -> tuple[str, str | None]:
    """(source type, side) of the quote `q` said by `sp`, written `written` at the quote
    (its descriptor, name and mention); `intros` caches, for one article, `introductions`
    by name and the other per-name readings of the article by (reading, name)."""
    memo: dict[Any, Any] = {} if intros is None else intros

    def near_intro(name: str) -> str:
        if ("near", name) not in memo:
            memo["near", name] = introductions(doc, name, starts, near=True)
        return str(memo["near", name])

    def private(name: str) -> bool:
        if ("private", name) not in memo:
            memo["private", name] = _private_person(doc, name)
        return bool(memo["private", name])

    def of_organisation(name: str) -> bool:
        if ("of_org", name) not in memo:
            memo["of_org", name] = _of_organisation(doc, name)
        return bool(memo["of_org", name])

    person = sp is not None and bool(sp.name) and _is_person(doc, sp)
    if person and sp is not None and sp.name:  # a person's name types nothing ("Klaas Burger")
        written = _without_name(written, sp.name, doc.lang)
    kind, side = source_for_phrase(written, lang=doc.lang) if written.strip() else (
        "unknown", None)
    written_kind = kind != "unknown"
    if kind == "unknown" and sp is not None and sp.name:
        # The role is often written where the article introduces the speaker, not beside
        # this quote ("SP-Kamerlid Sandra Beckerman" … "zegt Beckerman").
        if sp.name not in memo:
            memo[sp.name] = introductions(doc, sp.name, starts)
        intro = memo[sp.name]
        if intro:
            kind, side2 = source_for_phrase(
                intro if person else f"{intro} {sp.name}", lang=doc.lang)
            side = side or side2
    if kind in _NON_STATE and sp is not None and sp.name and (not written_kind or (
            person and source_for_phrase(sp.descriptor or "", lang=doc.lang)[0] != kind)):
        # read from the speaker's descriptor or the word next to the name only, not from
        # a clause glued to the speaker ("Wilders beet het spits af")
        near = near_intro(sp.name)
        if not (person and _heads_organisation(near, doc.lang)):
            kind = source_for_phrase(near if person else f"{near} {sp.name}",
                                     lang=doc.lang)[0] if near else "unknown"
    if kind == "unknown" and person and sp is not None and sp.name and private(sp.name):
        kind = "civilian"
    if kind == "unknown" and person and sp is not None and sp.name and (_heads_organisation(
            near_intro(sp.name), doc.lang) or of_organisation(sp.name)):
        kind = _org_kind_near(doc, sp.name, starts)  # "directeur Jansen" of an organisation not named
    if kind == "civilian" and _speaker_label(doc, sp.entity if sp else None) in ("ORG", "LOC"):
        kind = "unknown"  # "Centraal Orgaan opvang Asielzoekers" is no private person
    if kind == "unknown" and sp is not None and (_speaker_label(doc, sp.entity) == "LOC"
                                                 or _speaks_for_place(doc, sp)):
        kind = "official"  # a country or a city speaking is its government: "Turkije eist"
    if kind == "unknown":
        kind = _sentence_type(doc, q)
        if kind in ("imagery", "media") and sp is not None and sp.name:
            kind = "unknown"  # a person quoted beside "beelden" or "krant" is not either
    return kind, side
