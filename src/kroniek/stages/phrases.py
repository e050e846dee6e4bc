"""Phrases around a cue: tokens with offsets, the noun phrase before or after a cue,
the quote lexicons, source nouns and sides, and the dependency parse when there is one.

Used by `kroniek.stages.speakers`, `kroniek.stages.indirect`, `kroniek.stages.quotes` and
`kroniek.stages.claims`.
"""

from __future__ import annotations

import bisect
import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType

from kroniek.doc import Doc

__all__ = [
    "AUX",
    "DepIndex",
    "Lexicon",
    "Mention",
    "Words",
    "lexicon",
    "nominal_head",
    "np_after",
    "np_before",
    "side_of",
    "source_type",
    "sources_lexicon",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

_TOKEN = re.compile(r"[^\W_]+(?:[-‐'’.][^\W_]+)*\.?(?<=[A-Z]\.)|[^\W_]+(?:[-‐'’][^\W_]+)*|\S")
AUX = _words(
    """heeft hebben had hadden is zijn was waren kan kon kunnen wil wilde willen zal zou
    zullen zouden moet moest moeten gaat ging wordt werd heb
    has have had will would could can may might did does do was were is are be been"""
)
_LEADING_ADVERBS = _words(
    """daarom toch echter immers ook nu dan wel ondertussen intussen inmiddels bovendien
    desondanks vervolgens daarna later eerder also however now then still"""
)
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "dhr", "mevr", "prof"})
_ADVERBS = frozenset({"niet", "nog", "ook", "al", "wel", "dan", "nooit", "steeds",
                      "opnieuw", "eerder", "vaak", "not", "also", "never", "still", "already",
                      "later", "earlier", "now", "again", "once", "repeatedly", "publicly",
                      "even", "further", "first", "previously", "recently", "then", "often",
                      "reportedly", "privately", "frequently", "long", "aanvankelijk",
                      "gisteren", "vandaag", "destijds", "toen", "zelf", "eerst"})
_PARTICLES = frozenset({"weten", "uit", "toe", "mee", "bekend", "verder", "out", "on"})
_CLAUSE_WORDS = _words(
    """dat en maar omdat terwijl want als toen nadat zodat waarin die wat of hoewel sinds
    that and but because while when which who whom as although after if so or"""
)


_NEW_PHRASE = frozenset({"De", "Het", "Van", "Een", "Die", "Deze", "The", "A"})
# Lower-case words that continue a name phrase ("woordvoerder van", "Parly uit").
_NAME_CONTINUES = frozenset({"van", "bij", "uit", "namens", "voor", "of", "at", "for", "en",
                             "and", "&"})
_ROLE_CACHE: dict[tuple[str, str], str | None] = {}
@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    cue_verbs: frozenset[str]
    particle_verbs: dict[str, str]
    according_to: tuple[str, ...]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    name_particles: frozenset[str]
    speaker_stop: frozenset[str]
    after_cue: frozenset[str]
    role_suffixes: dict[str, str]
    pronouns: dict[str, str]
    according_first: frozenset[str]  # first words of the according_to phrases ("volgens")
    clause_verbs: frozenset[str] = frozenset()  # cues only with a dat/of clause ("ziet dat")
    cue_nouns: frozenset[str] = frozenset()  # "het bericht dat", "de oproep van X om"
    impersonal: frozenset[str] = frozenset()  # "Gevreesd wordt dat"
    non_speech: dict[str, frozenset[str]] = field(default_factory=dict)  # stem -> particles
    org_nouns: frozenset[str] = frozenset()  # "de organisatie", "de dienst": an organisation

    def particles(self, verb: str) -> tuple[str, ...]:
        """The particles completing a separable cue verb ("laat" -> ("weten",))."""
        part = self.particle_verbs.get(verb.lower())
        return tuple(part.split()) if part else ()

    def non_speech_particles(self, verb: str) -> frozenset[str]:
        """Particles (and "zich") that make `verb` something other than speech."""
        low = verb.lower()
        for stem, parts in self.non_speech.items():
            if low.startswith(stem) or low.startswith("ge" + stem):
                return parts
        return frozenset()

    def role_class(self, word: str) -> str | None:
        key = (self.lang, word)
        if key not in _ROLE_CACHE:
            _ROLE_CACHE[key] = self._role_class(word)
        return _ROLE_CACHE[key]

    def _role_class(self, word: str) -> str | None:
        w = word.lower().rstrip(".")
        if w in _TITLES:
            return "title"
        # Plurals name the role too: "getuigen", "analisten", "planologen", "experts".
        forms = [w]
        if self.lang == "nl" and w.endswith("logen"):
            forms.append(w[:-5] + "loog")
        elif w.endswith(("en", "rs", "ts", "ns")) and len(w) > 5:
            forms += [w[:-2], w[:-1]] if w.endswith("en") else [w[:-1]]
        pattern = _suffix_pattern(self.lang, tuple(self.role_suffixes))
        for form in forms:
            if form in self.role_suffixes:
                return self.role_suffixes[form]
            m = pattern.search(form)  # suffixes of 5 letters or more match compounds
            if m is not None:
                return self.role_suffixes[m.group()]
        return None


@cache
def _suffix_pattern(lang: str, suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for the role suffixes of five letters or more, longest first, as the
    first matching suffix in lexicon order would be too slow word by word."""
    long = sorted((x for x in suffixes if len(x) >= 5), key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(x) for x in long) + ")$")


@cache
def lexicon(lang: str | None) -> Lexicon:
    """The quote lexicon of `lang` (Dutch for anything but English)."""
    mod: ModuleType = importlib.import_module(
        f"kroniek.lang.{'en' if lang == 'en' else 'nl'}.quotes"
    )
    return Lexicon(
        lang="en" if lang == "en" else "nl",
        cue_verbs=mod.CUE_VERBS,
        particle_verbs=mod.PARTICLE_VERBS,
        according_to=mod.ACCORDING_TO,
        complementizers=mod.COMPLEMENTIZERS,
        determiners=mod.DETERMINERS,
        name_particles=mod.NAME_PARTICLES,
        speaker_stop=mod.SPEAKER_STOP,
        after_cue=mod.AFTER_CUE,
        role_suffixes=mod.ROLE_SUFFIXES,
        pronouns=mod.PRONOUNS,
        according_first=frozenset(p.split()[0] for p in mod.ACCORDING_TO),
        clause_verbs=getattr(mod, "CLAUSE_VERBS", frozenset()),
        cue_nouns=getattr(mod, "CUE_NOUNS", frozenset()),
        impersonal=getattr(mod, "IMPERSONAL", frozenset()),
        non_speech=getattr(mod, "NON_SPEECH", {}),
        org_nouns=getattr(mod, "ORG_NOUNS", frozenset()),
    )


@cache
def sources_lexicon(lang: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """(source nouns -> type, side words -> side) of `lang`."""
    mod = importlib.import_module(f"kroniek.lang.{'en' if lang == 'en' else 'nl'}.sources")
    return mod.SOURCE_NOUNS, mod.SIDES


@cache
def source_type(word: str, lang: str | None) -> str | None:
    """The source type a noun signals ("bloggers" -> social_media), or None."""
    nouns, _ = sources_lexicon(lang)
    w = word.lower()
    if w in nouns:
        return nouns[w]
    for suffix, kind in nouns.items():
        if len(suffix) >= 5 and w.endswith(suffix):
            return kind
    return None


def side_of(text: str, lang: str | None) -> str | None:
    """The side a phrase speaks for ("het Oekraïense leger" -> Oekraïne), or None."""
    _, sides = sources_lexicon(lang)
    low = text.lower()
    for phrase, side in sides.items():
        if " " in phrase and phrase in low:
            return side
    for word in re.findall(r"[\w'-]+", low):
        for part in (word, *word.split("-")):
            if part in sides:
                return sides[part]
    return None


_QUANTIFIERS = _words(
    """twee drie vier vijf zes zeven acht negen tien elf twaalf honderd duizend veel vele
    enkele sommige alle beide diverse meerdere verschillende andere zo'n ruim bijna
    two three four five six seven eight nine ten many several some all both other"""
)
_NOT_HEADS = _words(
    """de het een die dit deze dat der des den van in op bij na tegen voor met over tot via
    door uit naar aan om als dan en of maar want ook nog wel niet al zo er hier daar
    ik je jij u we wij ze zij hij het men hem haar hun hen ons mij
    ligt staat zit komt kwam gaat ging krijgt kreeg brengt bracht brachten doet deed
    wil wilde lijkt leek blijft bleef houdt hield vol stug toe mee terug weg
    the a an of in on at by for to with from and or but he she it they we i you him them"""
)

_ADJECTIVE_ENDS = ("ense", "sche", "aanse", "tse", "ese", "mse", "dse", "kse", "lse", "rse",
                   "gse", "nse")
_VERBISH = _NOT_HEADS - _words(
    """de het een die dit deze dat der des den van in op bij voor met uit aan tegen over
    door naar the of on at for from and en"""
)


def nominal_head(name: str | None, lang: str | None) -> bool:
    """Is `name` a name or a noun phrase with a head noun, not a fragment ("inhoud van
    de", "staatsaanklager brachten", "kabinet stug vol", "Veel", "NOORDZEE WARMER")?"""
    if not name or not name.strip():
        return False
    lex = lexicon(lang)
    words = name.split()
    lows = [x.lower() for x in words]
    if len(words) >= 2 and all(x.isupper() for x in words if x.isalpha()) and any(
            len(x) > 5 for x in words):
        return False  # a headline in capitals, not an acronym
    last = lows[-1].strip(".,;:'\"")
    if words[-1].isupper() and len(words[-1]) >= 2:
        return True  # an acronym: "OM", "NAVO"
    if len(words) == 1 and last.endswith(_ADJECTIVE_ENDS) and not lex.role_class(last):
        return False  # "Arnhemse", "Russische": an adjective without its noun
    if words[-1][:1].isupper() and (len(words) > 1 or last not in _NOT_HEADS | _QUANTIFIERS):
        return len(words) > 1 or last not in lex.pronouns  # a name: "May", "Wang Yi"
    if last in _NOT_HEADS or last in AUX or last in lex.determiners or last in _QUANTIFIERS:
        return False
    if not any(x[:1].isupper() for x in words[1:]) and any(
            x in AUX or x in lex.cue_verbs or x in _VERBISH for x in lows[1:]):
        return False  # "bonden ligt de productie": a verb inside
    if len(words) == 1:
        return not (last in lex.pronouns or last.endswith(("sche", "se")) and words[0][:1].isupper()
                    and len(last) > 5 and not lex.role_class(last))
    if all(not x[:1].isupper() for x in words):
        prev = lows[-2]
        ok_prev = (prev in lex.determiners or prev in _QUANTIFIERS or prev.isdigit()
                   or prev.endswith("e") or prev in _words("van voor bij uit in op der"))
        if not ok_prev and not lex.role_class(words[-1]) and not source_type(words[-1], lang):
            return False  # "staatsaanklager brachten": a noun and a verb
    return True


@dataclass(slots=True)
class Words:
    """Word and punctuation tokens of a text with their offsets."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    _mid_caps: frozenset[str] | None = None
    # Offsets of the words the parse takes for a verb of the clause (not a participle
    # used as an adjective); the source after "volgens" ends before one. Empty: no parse.
    verbs: frozenset[int] = frozenset()
    # Offsets of the one-word adverbs, particles and reflexives the parse hangs on a verb
    # ("zeker", "eraan", "zich", "af"): they may close a clause after an inverted source.
    light: frozenset[int] = frozenset()

    @classmethod
    def of(cls, text: str) -> Words:
        w = cls(text)
        for m in _TOKEN.finditer(text):
            w.starts.append(m.start())
            w.ends.append(m.end())
            w.words.append(m.group())
        return w

    def mid_caps(self) -> frozenset[str]:
        """Capitalised words written somewhere after another word: names, not words
        capitalised only because they open a sentence ("Overigens")."""
        if self._mid_caps is None:
            self._mid_caps = frozenset(
                x for i, x in enumerate(self.words)
                if i and x[:1].isupper() and self.words[i - 1][:1].isalnum())
        return self._mid_caps

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)

    def range(self, start: int, end: int) -> range:
        return range(self.index_at(start), self.index_at(end))


@dataclass(slots=True)
class Mention:
    """A noun phrase naming a speaker, as written."""

    start: int
    end: int
    text: str


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


_POSSESSIVES = frozenset({"zijn", "haar", "hun"})  # Dutch: "zijn" is also a verb, "haar" a pronoun


# "Voedsel- en Warenautoriteit", "Kamer- of Senaatslid": the words that join an elided
# compound's parts in Dutch.
_ELISION_JOINS = frozenset({"en", "of"})


def np_after(w: Words, i: int, end: int, lex: Lexicon) -> Mention | None:
    """The noun phrase starting at token `i` (after a cue), ending before token `end`."""
    while i < end and w.words[i].lower() in lex.after_cue:
        i += 1
    # "volgens zijn woordvoerder", "haar advocaat zegt": a possessive before a role noun
    # opens the phrase; it is no pronoun (or verb) of its own.
    poss = (i + 1 < end and w.words[i].lower() in _POSSESSIVES
            and lex.role_class(w.words[i + 1]) is not None)
    if i < end and w.words[i].lower() in lex.pronouns and not poss:
        return Mention(w.starts[i], w.ends[i], w.words[i])
    j = i
    prev, prev_cap, embedded = "", False, False
    while j < end and j - i < 12:
        word = w.words[j]
        low = word.lower()
        if (word in "-‐" and lex.lang == "nl" and j > i and j + 2 < end
                and w.starts[j] == w.ends[j - 1] and w.words[j + 1].lower() in _ELISION_JOINS
                and w.words[j + 2][0].isalnum()):
            j += 2  # "de Voedsel- en Warenautoriteit": an elided compound goes on
            prev, prev_cap = w.words[j - 1].lower(), False
            continue
        if not word[0].isalnum() and word not in "-‐":
            break
        if (low in AUX and not (poss and j == i)) or (j > i and low in lex.pronouns) or low in _PARTICLES:
            break
        if j > i and (low in lex.cue_verbs or low in lex.particle_verbs) and not _is_cap(word):
            break
        if low in lex.determiners and j > i and prev_cap and not _particle_in_name(w, j, end, lex):
            break  # "volgens Brussee de Kamer onjuist …": a new phrase starts
        if low in lex.speaker_stop and low not in lex.determiners and prev not in lex.determiners:
            break  # "de aan X verbonden Y": a preposition right after a determiner stays
        if j > i and prev_cap and word in _NEW_PHRASE:
            break  # "De Vries Van Koppen zegt": a capitalised particle opens a new name
        if prev in lex.determiners and (low in lex.speaker_stop or low in _NAME_CONTINUES
                                        or low == "aan"):
            embedded = True  # "de aan X verbonden Y": the name is inside the phrase
        if (j > i and prev_cap and not embedded and not _is_cap(word) and not prev.endswith("e")
                and low not in lex.name_particles and low not in _NAME_CONTINUES
                and not lex.role_class(word) and not word[0].isdigit()):
            break  # "volgens D66 onjuist", "Prasing zelf": the name has ended
        prev, prev_cap = low, _is_cap(word) and low not in lex.determiners
        j += 1
    while j > i and w.words[j - 1].lower() in lex.determiners:
        j -= 1
    # "volgens lokale media vielen …": a lower-case verb after the head is not in the phrase.
    while j - i >= 2 and not _is_cap(w.words[j - 1]) and not nominal_head(
            w.text[w.starts[i] : w.ends[j - 1]], lex.lang):
        j -= 1
    if j == i:
        return None
    return Mention(w.starts[i], w.ends[j - 1], w.text[w.starts[i] : w.ends[j - 1]])


def _particle_in_name(w: Words, j: int, end: int, lex: Lexicon) -> bool:
    """Is the determiner at j a name particle ("Pieter de Vries.", "Van der Graaf zei")?"""
    if w.words[j].lower() not in lex.name_particles:
        return False
    k = j + 1
    while k < end and w.words[k].lower() in lex.name_particles:
        k += 1
    if k >= end or not _is_cap(w.words[k]) or (w.words[k].isupper() and len(w.words[k]) > 1):
        return False  # "Trump de CIA": an acronym is not a surname
    nxt = w.words[k + 1] if k + 1 < end else "."
    return (not nxt[0].isalnum() or nxt.lower() in lex.speaker_stop or nxt.lower() in AUX
            or nxt.lower() in ("uit", "van", "namens"))


def np_before(w: Words, i: int, start: int, lex: Lexicon) -> Mention | None:
    """The noun phrase ending just before token `i` (a cue), not before token `start`."""
    j = i
    while j > start and not _is_cap(w.words[j - 1]) and (
        w.words[j - 1].lower() in AUX or w.words[j - 1].lower() in _ADVERBS
    ):
        j -= 1
    if j > start and w.words[j - 1] == ")":
        # "staatssecretaris Menno Snel (Financiën) noemt …": skip the parenthesis.
        depth_open = next((x for x in range(j - 1, max(start, j - 12) - 1, -1)
                           if w.words[x] == "("), None)
        if depth_open is not None and depth_open > start:
            m = np_before(w, depth_open, start, lex)
            if m is not None:
                return Mention(m.start, w.ends[j - 1], w.text[m.start : w.ends[j - 1]])
    k = j
    while k > start and j - k < 9:
        word = w.words[k - 1]
        low = word.lower()
        if not word[0].isalnum() and word not in "-‐":
            break
        coordinated = (low in ("and", "en") and k < j and _is_cap(w.words[k])
                       and k - 2 >= start and _is_cap(w.words[k - 2]))
        if (low in _CLAUSE_WORDS or low in _LEADING_ADVERBS) and not coordinated:
            break  # but "Obama and Clinton call …" is one subject
        if low in lex.cue_verbs:
            break
        k -= 1
    if k == j:
        return None
    # "In offering analysis of ..., Caddell said": only the last name-or-role chunk.
    text = w.text[w.starts[k] : w.ends[j - 1]]
    return Mention(w.starts[k], w.ends[j - 1], text)


class DepIndex:
    """The dependency parse of a document, when a trained parser produced one: the
    subject of a cue verb is read from it ("nsubj"), before any surface pattern."""

    def __init__(self, doc: Doc) -> None:
        self.tokens = doc.tokens
        self.text = doc.text
        self.active = any(t.dep for t in doc.tokens)
        self.at: dict[int, int] = {t.start: i for i, t in enumerate(doc.tokens)}
        self.children: dict[int, list[int]] = {}
        if self.active:
            for i, t in enumerate(doc.tokens):
                if t.head >= 0:
                    self.children.setdefault(t.head, []).append(i)

    def subject(self, cue_start: int) -> Mention | None:
        """The subject phrase of the verb starting at `cue_start`, or None."""
        if not self.active or cue_start not in self.at:
            return None
        verb = self.at[cue_start]
        subj = next((c for c in self.children.get(verb, [])
                     if self.tokens[c].dep.startswith("nsubj")), None)
        if subj is None:
            return None
        span = self._subtree(subj)
        start, end = self.tokens[min(span)].start, self.tokens[max(span)].end
        return Mention(start, end, self.text[start:end])

    def _subtree(self, i: int) -> list[int]:
        out, todo = [i], [i]
        while todo:
            for c in self.children.get(todo.pop(), []):
                if self.tokens[c].dep not in ("punct", "acl:relcl", "parataxis"):
                    out.append(c)
                    todo.append(c)
        return out
