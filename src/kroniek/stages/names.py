"""Names of speakers: the capitalised sequences that are names, a name without what
stuck to it, and the full form of a name the document also writes in part.

`Names` is the part of `kroniek.stages.speakers.Resolver` that knows the document's name
forms: `clean_name` ("Minister van Financiën Philip Hammond" -> "Philip Hammond"),
`full_name` ("Zandee" -> "Dick Zandee") and `tidy_name` ("Complicaties Ross" -> "Klaus
Ross"), each remembered per document.
"""

from __future__ import annotations

import re

from kroniek.doc import Doc
from kroniek.stages.phrases import Lexicon

__all__ = ["INSTITUTIONS", "NAME_SEQ", "NOT_NAME", "OPENERS", "SELF_NAMED", "Names"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_SEQ = re.compile(
    r"(?<![\w-])(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\w|[A-Z]\.)(?:[ \t]+(?:(?:van|de|der|den|ter|von|al|bin|el|da|du|le|la)[ \t]+)*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]*\w|[A-Z]\.))*"
)

NOT_NAME = _words(
    """inmiddels vandaar daarom daarna toen intussen ondertussen desondanks bovendien
    volgens hoewel in op bij na tegen voor ook wel toch zo daar hier nu dan maar en
    toen terwijl als omdat want dus zelfs alleen vooral tijdens namens sinds vanuit
    according in on at for to from with by after before while although when"""
)
# Words that open a sentence before a name but are never one: subordinators and
# numerals ("Doordat Kylie …", "Eén van …"). Only dropped where the document never writes
# them capitalised inside a sentence (`Names._heading_word`).
OPENERS = _words(
    """doordat nadat zodat alsof totdat zodra voordat indien mits tenzij ofschoon zoals
    wanneer waarna waardoor waarop waarmee omdat hoe wat wie welke geen
    daardoor daarmee daarbij daarvoor daarop daarin daarnaast daarentegen bijvoorbeeld
    een één eén twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien
    vijftien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend"""
)
# Institutions Dutch writes in lower case: their name at a sentence start is a name
# ("Justitie eist …"), though the article also writes the word in lower case.
INSTITUTIONS = _words("justitie politie defensie brandweer marechaussee douane")
# Institutions that a definite noun names by itself ("het kabinet", "de recherche"): the
# noun is the speaker's name, no person's role that points back to a name.
SELF_NAMED = INSTITUTIONS | _words("kabinet regering recherche rechtbank")
_WORD = re.compile(r"\w")
_MEDIA = _words("website site blad dagblad weekblad tijdschrift krant omroep zender platform")
_BEFORE_PLACE = frozenset({"van", "of", "in", "uit", "naar", "te", "from", "at"})


class Names:
    """The name forms of one document (see the module docstring)."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        # The name forms of session 28 (#14) are read off Dutch news; English keeps the
        # forms it had (PolNeAR dev: what the recogniser calls a person is too noisy there).
        self._nl = doc.lang == "nl"
        self._caps: frozenset[str] | None = None
        self._orgs: frozenset[str] | None = None
        self._wordset: frozenset[str] | None = None
        self._pers: frozenset[str] | None = None
        self._pers1: frozenset[str] = frozenset()
        self._nonper: frozenset[str] | None = None
        self._nonper1: frozenset[str] | None = None
        self._clean_memo: dict[tuple[str, bool], str] = {}
        self._full_memo: dict[str, str] = {}
        self._tidy_memo: dict[str, str] = {}
        self._full_names = self._collect_full_names()
        # The columnist a Dutch title names ("Moeder. Column Özcan Akyol", "… THEODOR
        # HOLMAN"): the "ik" of the text, and the full form of their first name.
        self.author = self._byline() if self._nl else None
        if self.author is not None:
            self._full_names.append((len(doc.text), self.author))
        self._by_last: dict[str, list[str]] = {}  # full names by last word, casefolded
        self._by_first: dict[str, set[str]] = {}  # full names by their first word
        for _, cand in self._full_names:
            self._by_last.setdefault(cand.casefold().rsplit(" ", 1)[-1], []).append(cand)
            if len(cand.split()) >= 2:
                self._by_first.setdefault(cand.split()[0], set()).add(cand)

    def _collect_full_names(self) -> list[tuple[int, str]]:
        names: list[tuple[int, str]] = []
        for e in self.doc.entities:
            if e.label in ("PER", "ORG"):
                for part in re.split(r" (?:en|and|&) ", e.canonical or e.text):
                    cleaned = self.clean_name(part)
                    if len(cleaned.split()) >= 2:
                        names.append((e.start + max(0, e.text.find(part)), cleaned))
        text = self.doc.text
        for m in NAME_SEQ.finditer(text):
            # "minister van Financiën Philip Hammond": the first capital is not the name.
            # "minister van Financiën Philip Hammond", "in Amsterdam Thierry Baudet": the
            # first capitalised word is not part of the name.
            prev = text[max(0, m.start() - 6) : m.start()].split()
            after_van = bool(prev) and prev[-1] in _BEFORE_PLACE
            name = " ".join(self._before_article(self.clean_name(m.group(), after_van=after_van).split()))
            if name and len(name.split()) >= 2:
                names.append((m.start() + m.group().rfind(name), name))
        names = [(p, n) for p, n in names if not self._doubled(n)]
        names.sort()
        return names

    def _byline(self) -> str | None:
        """The author a title names after its last full stop, in DPG's column layout: a
        name alone ("… THEODOR HOLMAN", "Column Özcan Akyol", "SJAAK BRAL Column") whose
        surname the text never writes as a name (a name the text is about, "Profiel Mark
        Rutte", "Rechtszaak Sanderink", is no author; "t.holman" under the column is
        none), in a text that says "ik"."""
        title = self.doc.title or ""
        if ". " not in title:
            return None
        words = [w for w in title.rsplit(". ", 1)[-1].split() if w.casefold() != "column"]
        if not 2 <= len(words) <= 3 or words[0].casefold() in self.lex.name_particles:
            return None
        if not all(re.fullmatch(r"[A-ZÀ-ÖØ-Þ][\w'’-]*", w) for w in words):
            return None
        name = " ".join(w.lower() if w.lower() in self.lex.name_particles and k
                        else "-".join(x.capitalize() for x in w.split("-")) if w.isupper()
                        else w for k, w in enumerate(words))
        last = words[-1].lower()
        if (self._has_word(name.split()[-1]) or self._has_word(words[-1])
                or any(self._has_word(w.lower()) for w in words[:-1]
                       if w.lower() not in self.lex.name_particles)
                or re.search(rf"(?<![\w.]){re.escape(last)}\b", self.doc.text)
                or not re.search(r"\b[Ii]k\b", self.doc.text)):
            return None  # "Onderzoek Flexwerkers": "onderzoek" is a word of the text ("t.holman"
            # signing the column is none)
        return name

    def _doubled(self, name: str) -> bool:
        """A word glued to itself ("Vader Mehmet Mehmet, de vader van …" … "aldus
        Mehmet"): no full form when the article also writes the word alone; a name that
        is always written doubled ("Djaga Djaga") stays."""
        words = name.split()
        for a, b in zip(words, words[1:], strict=False):
            if a == b and re.search(rf"(?<!{re.escape(a)} )\b{re.escape(a)}\b(?! {re.escape(a)})",
                                    self.doc.text):
                return True
        return False

    def clean_name(self, text: str, *, after_van: bool = False) -> str:
        """A name sequence without leading function words, roles and adjectives, and
        at most two capitalised words ("Minister van Financiën Philip Hammond" -> "Philip
        Hammond"; "Jozias van Aartsen" stays). Remembered per document."""
        key = (text, after_van)
        got = self._clean_memo.get(key)
        if got is None:
            got = self._clean_memo[key] = self._clean_name(text, after_van=after_van)
        return got

    def _strip_front(self, words: list[str]) -> list[str]:
        """Without leading function words, determiners, cue verbs and roles."""
        lex = self.lex
        while words and (
            words[0].lower() in NOT_NAME or words[0].lower() in lex.determiners
            or words[0].lower() in lex.speaker_stop or words[0].lower() in lex.cue_verbs
            or words[0].lower() in lex.according_first
            or lex.role_class(words[0])
        ):
            words = words[1:]
        return words

    def _clean_name(self, text: str, *, after_van: bool) -> str:
        words = text.split()
        lex = self.lex
        stripped = self._strip_front(words)
        if (self._nl and len(stripped) < len(words) and words[len(words) - len(stripped) - 1].lower()
                in ("de", "het") and not any(x.lower().endswith(tuple(lex.org_nouns))
                                             for x in stripped)):
            # "De Oeigoer Dilmurat Abdulaziz": after an article the first capitalised word
            # is a noun ("Oeigoer"), not a first name (an organisation's name keeps it).
            after_van = True
        words = stripped
        caps = [k for k, x in enumerate(words) if x[:1].isupper()]
        if len(caps) > 2 and not (self._nl and (lex.role_class(words[caps[1]]) or any(
                words[k].lower().endswith(tuple(lex.org_nouns)) for k in caps[:2]))):
            # "Yücel Demirer van de Universiteit van Kocaeli": the name ends before the
            # first particle that follows two capitalised words (not an organisation's:
            # "Nationaal Museum van Wereldculturen").
            for k in range(caps[1] + 1, len(words)):
                if words[k] in lex.name_particles:
                    rest = words[k:]
                    while rest and rest[0] in lex.name_particles:
                        rest = rest[1:]
                    if (len(rest) == 1 and rest[0][:1].isupper()
                            and (words[k] != "van" or f"Van {rest[0]}" in self.doc.text)):
                        # "… Friso de Zeeuw": a particle inside the last name.
                        words = _last_name_with_particle(words, lex.name_particles,
                                                         initials=self._nl)
                    else:
                        words = words[:k]
                    break
            caps = [k for k, x in enumerate(words) if x[:1].isupper()]
        if (len(words) == 2 and words[1].isupper() and len(words[1]) >= 2
                and words[0].lower().endswith(tuple(lex.org_nouns))):
            words = words[1:]  # "Regeringspartij D66", "Oppositiepartij PVV"
        if (len([x for x in words[1:] if x[:1].isupper()]) >= 2 and words[0][:1].isupper()
                and self._heading_word(words[0])):
            words = words[1:]  # "Sloop Jan Jager": an inline subheading before the name
        keep = 2 if after_van else 3
        if len(caps) > keep:
            if self._nl and keep == 3 and words[caps[-3] - 1] in ("de", "het"):
                keep = 2  # "Partij voor de Dieren Anja Hazenkamp": "Dieren" ends the party
            words = words[caps[-keep]:]
            if self._nl:
                words = self._strip_front(words)  # "Telegraaf Bij De Telegraaf"
        # "Oud-rechtenstudent Zelensky", "VVD-voorman X": a compound description, not a name.
        while len(words) > 1 and (lex.role_class(words[0]) or re.match(r"\w+-[a-zà-ÿ]", words[0])):
            words = words[1:]
        return " ".join(words)

    def _has_word(self, word: str) -> bool:
        """Does the text write `word` as a whole word (case-sensitive)? A set of the
        text's words instead of a regex over the whole text per name."""
        if self._wordset is None:
            self._wordset = frozenset(re.findall(r"\w+", self.doc.text))
        if re.fullmatch(r"\w+", word):
            return word in self._wordset
        return re.search(rf"\b{re.escape(word)}\b", self.doc.text) is not None

    def _written_without(self, before: str, rest: str) -> bool:
        """Does the text write `rest` as whole words, once at least not right after
        `before` and a space? (`(?<!before )\brest\b`, found with str.find.)"""
        text = self.doc.text
        if not (re.match(r"\w", rest) and re.search(r"\w$", rest)):
            return re.search(rf"(?<!{re.escape(before)} )\b{re.escape(rest)}\b", text) is not None
        glued = before + " "
        i = text.find(rest)
        while i >= 0:
            j = i + len(rest)
            if ((i == 0 or not _WORD.match(text[i - 1])) and (j == len(text) or not _WORD.match(text[j]))
                    and text[max(0, i - len(glued)) : i] != glued):
                return True
            i = text.find(rest, i + 1)
        return False

    def _heading_word(self, word: str) -> bool:
        """A capitalised word the article never writes capitalised inside a sentence and
        that is no role: a subheading or sentence opener glued to a name ("Sloop",
        "Complicaties", "Bedrog")."""
        if self._caps is None:
            text = self.doc.text
            self._caps = frozenset(m.group(1) for m in re.finditer(
                r"[\w,] ([A-ZÀ-Þ][\w'’-]*)", text))
        return (word not in self._caps and not self.lex.role_class(word)
                and word.lower() not in self.lex.name_particles)

    def full_name(self, name: str) -> str:
        """The first name in the document ending with `name` ("Zandee" -> "Dick Zandee")."""
        got = self._full_memo.get(name)
        if got is None:
            got = self._full_memo[name] = self._full_name(name)
        return got

    def _full_name(self, name: str) -> str:
        low = " " + name.casefold()
        fits = [c for c in self._by_last.get(low.rsplit(" ", 1)[-1], ())
                if len(c) > len(name) and c.casefold().endswith(low)
                and not self._not_a_name(c.split()[0], alone=False)
                and not self._glued(c)]
        if fits:
            # "Milieudefensie Anne Knol" when the article also has "Anne Knol": the shorter
            # one (what comes first is an affiliation or a word glued to the name).
            short = [c for c in fits if len(c.split()) == 2 and len(fits[0].split()) > 2
                     and fits[0].endswith(" " + c)]
            return short[0] if short else fits[0]
        if " " not in name and name[:1].isupper():
            for _, cand in self._full_names:
                words = cand.split()
                if name in words[1:-1] and words[0][:1].isupper():
                    # "Matavz" in "Tim Matavz Vitesse": a name glued to the next word.
                    return " ".join(words[: words.index(name, 1) + 1])
            # "Söner" for "Söner Atasoy": a first name used alone, when only one full
            # name in the document starts with it.
            firsts = self._by_first.get(name, set())
            if self._nl and (name in self._per_texts(single=True) or name in self._entity_words()):
                # "Trump" is not "Trump Organization", "Keuzegids" not "Keuzegids Masters"
                firsts = firsts - self._not_persons()
            if len(firsts) == 1:
                return next(iter(firsts))
        if name.islower():  # "de universiteit" -> "Universiteit Utrecht"
            for _, cand in self._full_names:
                if cand.split()[0].casefold() == name.casefold():
                    return cand
            if self._nl and name in self.lex.org_nouns:
                # "de gemeente" -> "gemeente Eindhoven", "het ministerie" -> "ministerie van
                # Milieu": the one such name the article writes.
                van = "" if name in _MEDIA else "(?:van (?:de |het )?)?"  # "de website van X" is X's
                named = {m.group() for m in re.finditer(
                    rf"\b{re.escape(name)} {van}[A-ZÀ-Þ][\w-]+", self.doc.text)}
                if len(named) == 1:
                    got = named.pop()
                    org = got.rsplit(" ", 1)[-1]
                    # "de bank" -> "HSBC" where the recogniser calls it an organisation
                    # ("bank HSBC"); a place keeps its noun ("gemeente Eindhoven").
                    return (org if " van " not in got and org in self._org_words()
                            and org not in self._places() else got)
        return name

    def _glued(self, cand: str) -> bool:
        """A name written with a word glued before it, where the recogniser calls only
        the rest a person ("Hengeloër Fred Westerhof", "Kurier Walter Friedl")."""
        words = cand.split()
        if not self._nl or len(words) < 3 or words[0].lower() in self.lex.name_particles:
            return False
        return (words[1][:1].isupper() and not re.fullmatch(r"[A-Z]\.", words[1])
                and " ".join(words[1:]) in self._per_texts())

    def _per_texts(self, *, single: bool = False) -> frozenset[str]:
        """What the recogniser calls a person: names of several words (of one with
        `single`)."""
        if self._pers is None:
            pers = [e.text for e in self.doc.entities if e.label == "PER"]
            self._pers = frozenset(x for x in pers if " " in x)
            self._pers1 = frozenset(x for x in pers if " " not in x)
        return self._pers1 if single else self._pers

    def _entity_words(self) -> frozenset[str]:
        """One-word names the recogniser calls no person."""
        if self._nonper1 is None:
            self._nonper1 = frozenset(e.text for e in self.doc.entities
                                      if e.label != "PER" and " " not in e.text)
        return self._nonper1

    def _not_persons(self) -> frozenset[str]:
        """Multi-word names the recogniser never calls a person ("Trump Organization")."""
        if self._nonper is None:
            self._nonper = frozenset(e.text for e in self.doc.entities
                                     if e.label != "PER" and " " in e.text) - self._per_texts()
        return self._nonper

    def tidy_name(self, name: str) -> str:
        """A speaker name without what stuck to it: a repeated word ("Mehmet Mehmet"), a
        heading or sentence opener before a name the article writes in full elsewhere
        ("Complicaties Ross" -> "Klaus Ross", "Waar Armina" -> "Armina X"), a demonym or
        description before a two-word name the article also writes alone ("Hengeloër Fred
        Westerhof" -> "Fred Westerhof")."""
        got = self._tidy_memo.get(name)
        if got is None:
            got = self._tidy_memo[name] = self._tidy_name(name)
        return got

    def _tidy_name(self, name: str) -> str:
        words = name.split()
        bare = re.sub(r"(?<=\w)['’]s?$", "", words[-1]) if words and self._nl else ""
        if bare and bare != words[-1] and re.search(rf"\b{re.escape(bare)}\b(?!['’])", self.doc.text):
            words[-1] = bare  # "Christenhusz'" where the article writes "Christenhusz" (not "Christie's")
        words = [x for i, x in enumerate(words) if i == 0 or x != words[i - 1]]
        if (len(words) >= 4 and words[0] in self.lex.name_particles
                and all(x[:1].isupper() for x in words[1:])):
            words = words[2:]  # "van Milieudefensie Anne Knol": an affiliation before the name
        while words and self._not_a_name(words[0], alone=len(words) == 1):
            words = words[1:]  # "Doordat Kylie", "Lachend", "Eén"
        words = self._before_article(words)
        if not words:
            return ""
        if self._nl and len(words) == 1:
            group = self._members_of(words[0])
            if group:
                return group  # "Twee VVD-Kamerleden" speak for "VVD"
        if self._nl and len(words) == 2 and words[0] in ("Van", "De"):
            full = self.full_name(words[1])
            if full != words[1] and not full.casefold().endswith(" ".join(words).casefold()):
                # "Van Abdulaziz weten ze niet …": a preposition opening the sentence,
                # where the article's full name has no "van" ("Dilmurat Abdulaziz").
                return full
        if len(words) == 1 and words[0] != name:
            return self.full_name(words[0])
        if len(words) >= 3 and " van " in " ".join(words):
            joined = " ".join(words)
            short = self._drop_affiliation(joined, known_place=True)
            if short != joined:  # "Erdogan van Turkije", "Vonk van de ANWB" -> "Ad Vonk"
                full = self.full_name(short)
                return full if full != joined else short
        if len(words) >= 2 and words[0][:1].isupper() and self._heading_word(words[0]):
            rest = " ".join(words[1:])
            if self._has_word(words[0].lower()) and self._written_without(words[0], rest):
                # "Waar Armina": a common word ("waar") glued to a name.
                low = rest.casefold()
                fuller = [c for _, c in self._full_names
                          if not c.startswith(words[0] + " ") and len(c) > len(rest)
                          and (c.casefold().endswith(" " + low) or c.split()[0] == rest)]
                return fuller[0] if fuller else rest
            full = self.full_name(rest)
            if full != rest or self._written_without(words[0], rest):
                return full
        if len(words) == 3 and all(x[:1].isupper() for x in words):
            rest = " ".join(words[1:])
            if self._glued(" ".join(words)) or self._written_without(words[0], rest):
                return rest
        return " ".join(words)

    def _members_of(self, word: str) -> str:
        """"VVD-Kamerleden", "FNV-bestuurders": members named only in the plural speak for
        their party or organisation (an acronym or an organisation the recogniser found);
        "" for anything else ("VVD-Kamerlid", "Oud-premier")."""
        m = re.fullmatch(r"([A-Z][\w]*)-(\w+)", word)
        if m is None:
            return ""
        head, tail = m[1], m[2].lower()
        plural = tail.endswith("leden") or (
            tail.endswith(("ers", "ten", "gen", "ren", "nen")) and self.lex.role_class(tail) is not None)
        known = (len(head) >= 2 and head.isupper()) or head in self._org_words()
        return head if plural and known else ""

    def _before_article(self, words: list[str]) -> list[str]:
        """"Trump de CIA", "Rutte de CO2-heffing": a name and the object that follows it
        joined over an article. A surname particle is capitalised where the first name is
        left out ("De Vries zegt"); an article is not, so the part after "de" is a thing
        when the article writes it after a lowercase word ("door de CIA"), or it is a
        compound of a word and a lowercase noun ("CO2-heffing")."""
        k = next((i for i, x in enumerate(words) if x in ("de", "het") and 0 < i < len(words) - 1),
                 None)
        if k is None or not words[k - 1][:1].isupper():
            return words
        tail = words[k + 1 :]
        if re.fullmatch(r"[\w'’]+-[a-zà-ÿ][\w-]*", tail[0]):
            return words[:k]
        text = self.doc.text
        for m in re.finditer(rf"\b{words[k]} {re.escape(' '.join(tail))}\b", text):
            prev = text[max(0, m.start() - 25) : m.start()].split()
            if prev and prev[-1][:1].islower():
                return words[:k]
        return words

    def _not_a_name(self, word: str, *, alone: bool) -> bool:
        """A capitalised word opening a name sequence that is no name: a subordinator or
        numeral, a participle or adjective ("Lachend", "Russisch"), a word the article
        also writes in lower case ("Twijfel"), a party member ("CDA'er"); only when the
        article never writes it capitalised inside a sentence."""
        low = word.lower()
        if not word[:1].isupper():
            return False
        if re.fullmatch(r"[\w-]+['’]ers?", word) or (alone and low.endswith("isch")):
            return True  # "CDA'er", "Russisch" (an adjective, even where a sentence capitalises it)
        if not self._heading_word(word) or low in INSTITUTIONS:
            return False
        return (low in OPENERS or low in NOT_NAME or low.endswith(("end", "isch"))
                or (alone and self._has_word(low)))

    def _drop_affiliation(self, name: str, *, known_place: bool = False) -> str:
        """"Slob van Onderwijs" -> "Slob" when the article also writes "Slob" alone; with
        `known_place`, also when what follows "van (de)" is an organisation or place the
        recogniser found, or an acronym ("Erdogan van Turkije", "Vonk van de ANWB")."""
        head, sep, rest = name.partition(" van ")
        if not sep or " " in head:
            return name
        if known_place:
            after = rest.split()
            if after and after[0] == "de":
                after = after[1:]
            if len(after) != 1 or not (after[0].isupper() or after[0] in self._org_words()):
                return name
        elif rest.split()[0] in ("der", "den", "de"):
            return name
        alone = re.search(rf"\b{re.escape(head)}\b(?! van)", self.doc.text)
        return head if alone else name

    def _places(self) -> frozenset[str]:
        return frozenset(e.text for e in self.doc.entities if e.label == "LOC")

    def _org_words(self) -> frozenset[str]:
        if self._orgs is None:
            self._orgs = frozenset(e.canonical or e.text for e in self.doc.entities
                                   if e.label in ("ORG", "LOC"))
        return self._orgs


def _last_name_with_particle(words: list[str], particles: frozenset[str], *,
                             initials: bool = True) -> list[str]:
    """The last "First particle Last" of a word sequence ("Gebiedsontwikkeling Friso de
    Zeeuw" -> "Friso de Zeeuw")."""
    k = len(words) - 1
    while k > 0 and words[k - 1] in particles:
        k -= 1
    k = max(0, k - 1)
    if initials and k > 0 and re.fullmatch(r"[A-Z]\.", words[k]) and words[k - 1][:1].isupper():
        k -= 1  # "Peter R. de Vries": an initial is no first name
    return words[k:]
