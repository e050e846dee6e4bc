"""Speakers: noun phrases around a cue, names inside them, and in-document coreference.

Used by `kroniek.stages.quotes` and `kroniek.stages.claims`. Steps:

1. `Words` tokenises the text once and `np_after` / `np_before` read the noun phrase
   around a cue (both in `kroniek.stages.phrases`, re-exported here).
2. `Resolver` turns a mention into a `Speaker`: a capitalised name sequence is the name
   (a surname is expanded to the full name found elsewhere in the document, by its base
   `kroniek.stages.names.Names`); a pronoun or
   a bare role noun ("hij", "de defensie-expert", "the spokesman") is resolved to the
   nearest earlier speaker or named entity with a compatible role.

Persons are names after a role noun or opening a sentence; with a trained NER model,
names the model calls places or organisations are not persons. `DepIndex` (phrases)
reads a cue verb's subject from a trained parser.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from kroniek.doc import Doc, Entity, Speaker, Token
from kroniek.stages.names import INSTITUTIONS, NAME_SEQ, NOT_NAME, OPENERS, Names
from kroniek.stages.phrases import Lexicon, Mention

__all__ = ["Resolver", "subject_starts"]


# A name after one of these inside a speaker phrase is an affiliation, not the speaker.
_AFFILIATION = re.compile(
    r"\b(?:van|bij|op|uit|in|voor|namens|of|at|from|on|for|with)(?: de| het| the| een| a)?"
    r"(?: [a-zà-ÿ][\w-]*)? $"
)

# Source nouns that stand for an organisation: "woordvoerder van X", "politiebron".
_SPOKES = ("woordvoerder", "woordvoerster", "woordvoerders", "zegsman", "zegsvrouw",
           "persvoorlichter", "voorlichter", "bron", "bronnen", "spokesman", "spokeswoman",
           "spokesperson", "vertegenwoordiger")
# Nouns of findings whose source is the organisation after "van" / "of" ("cijfers van het
# CBS", "een onderzoek van de Auditdienst Rijk", "CBS-cijfers"): the gold names it.
_FINDINGS = ("cijfers", "onderzoek", "rapport", "studie", "analyse", "gegevens", "peiling",
             "statistieken", "berekeningen", "figures", "report", "study", "survey", "analysis",
             "poll", "data")
# How many sentences back a sentence subject stays the preferred antecedent of a
# pronoun. Chosen on the Dutch gold set (articles 10803265 and 10748016 decide it).
_SUBJECT_SENTENCES = 6


@dataclass(slots=True)
class _Known:
    name: str
    descriptor: str | None
    roles: set[str]
    pos: int
    entity: str | None
    is_org: bool = False


class Resolver(Names):
    """Turns mentions into speakers, remembering who was named where in the document
    (the name forms themselves: `kroniek.stages.names.Names`)."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        super().__init__(doc, lex)
        self.known: list[_Known] = []
        self._org_names = [(e.start, e.canonical or e.text) for e in doc.entities
                           if e.label == "ORG"]
        self._subjects: set[int] = set()  # positions of persons opening a sentence
        self.subject_at = subject_starts(doc)  # token starts that are clause subjects
        self._tok_at: dict[int, Token] | None = None
        self._persons = self._collect_persons()

    def _collect_persons(self) -> list[tuple[int, str, str | None, str]]:
        """Names that read as persons, with the class of the role noun before them:
        after a role noun ("wethouder Marcelle Hendrickx"), opening a sentence as its
        subject ("Yildirim was …"), or PER entities."""
        out: list[tuple[int, str, str | None, str]] = []
        # Places and organisations by start, with the furthest end so far: whether a name
        # overlaps one is a bisection, not a scan (a scan was n² on 60 kB of names, #17).
        spans = sorted((e.start, e.end) for e in self.doc.entities if e.label in ("LOC", "ORG"))
        span_starts = [a for a, _ in spans]
        reach = list(itertools.accumulate((b for _, b in spans), max))
        per_spans = sorted((e.start, e.end) for e in self.doc.entities if e.label == "PER")
        per_starts = [a for a, _ in per_spans]
        text = self.doc.text
        sent_starts = {s.start for s in self.doc.sentences}
        parsed_subjects = self.subject_at
        role_class = self.lex.role_class
        for m in NAME_SEQ.finditer(text):
            name = self.clean_name(m.group())
            if not name or name.split()[0].lower() in NOT_NAME or len(name) < 3:
                continue
            words = m.group().split()
            before = text[max(0, m.start() - 40) : m.start()].rsplit(None, 1)[-1:]
            role_words = [x for x in before + words[:-1] if role_class(x)]
            role = role_class(role_words[0]) if role_words else None
            before_end = bisect.bisect_left(span_starts, m.end())
            if not role and before_end and reach[before_end - 1] > m.start():
                continue  # the model says it is a place or an organisation
            if self._nl and role and " " not in name and self._field_after_role(m.start() + m.group().rfind(name),
                                                                   m.end()):
                continue  # "hoogleraar Bestuurskunde aan …", "hoofddirecteur Beleid"
            full = self.full_name(name)
            opens = self._opens_sentence(m.start(), sent_starts) and m.group().startswith(name)
            k = bisect.bisect_right(per_starts, m.start())
            per = bool(k) and per_spans[k - 1][1] > m.start()  # inside a PER entity
            if role or (opens and len(full.split()) >= 2) or (per and len(full.split()) >= 2):
                pos = m.start() + max(0, m.group().rfind(name))
                out.append((pos, full, role, role_words[0].lower() if role_words else ""))
                if opens or pos in parsed_subjects:
                    self._subjects.add(pos)
        out.sort(key=lambda t: (t[0], t[1]))
        return out

    def _field_after_role(self, start: int, end: int) -> bool:
        """Is the one capitalised word after a role noun a field or department, no name:
        followed by "aan" ("hoogleraar Bestuurskunde aan de Universiteit"), or a common
        noun or adjective in the parse ("hoofddirecteur Beleid": lemma "beleid")?"""
        if re.match(r"\s+aan\s", self.doc.text[end : end + 6]):
            return True
        if self._tok_at is None:
            self._tok_at = {t.start: t for t in self.doc.tokens}
        tok = self._tok_at.get(start)
        return (tok is not None and tok.upos in ("NOUN", "ADJ") and tok.lemma[:1].islower()
                and tok.lemma not in INSTITUTIONS)

    def _opens_sentence(self, pos: int, sent_starts: set[int]) -> bool:
        """Is the name at `pos` the subject opening its sentence ("De 21-jarige X …")?"""
        i = self.doc.sentence_index(pos)
        start = self.doc.sentences[i].start if i >= 0 else pos
        if start not in sent_starts:
            return False
        prefix = self.doc.text[start:pos].split()
        if not prefix:
            return True
        return (prefix[0].lower() in self.lex.determiners and len(prefix) <= 3
                and all(not x[:1].isupper() for x in prefix[1:]))

    def entity_for(self, start: int, end: int, name: str) -> Entity | None:
        for e in self.doc.entities:
            if e.start < end and start < e.end and e.label in ("PER", "ORG"):
                return e
        for e in self.doc.entities:
            if (e.canonical or e.text) == name and e.label in ("PER", "ORG"):
                return e
        return None

    def speaker(self, mention: Mention) -> Speaker:
        """A `Speaker` for the mention, resolved when it is a pronoun or a bare role noun."""
        name, name_span, descriptor = self._split(mention)
        roles = {c for c in (self.lex.role_class(t) for t in mention.text.split()) if c}
        if name is None:
            if self.author is not None and mention.text.lower() in ("ik", "mij"):
                return Speaker(name=self.author, descriptor=descriptor, start=mention.start,
                               end=mention.end)  # the columnist ("zeg ik")
            org = self.organisation_of(mention)
            if org is not None:
                self.remember(org, descriptor, roles, mention.start, None, is_org=True)
                return Speaker(name=org, descriptor=descriptor, start=mention.start,
                               end=mention.end, entity=self.entity_id(org))
            if not self.anaphoric(mention, roles):
                named = self._introduced_as(mention)
                if named is not None:
                    return Speaker(name=named, descriptor=descriptor, start=mention.start,
                                   end=mention.end, entity=self.entity_id(named))
                # A collective or unnamed source ("Russische militaire bloggers", "de
                # politie"): without a role noun, what the text calls it is its name.
                short = descriptor if descriptor and not roles and len(descriptor.split()) <= 3 else None
                while short and short.split()[-1].lower() in OPENERS and " " in short:
                    short = short.rsplit(" ", 1)[0]  # "(schetst) justitie hoe …"
                short = self.full_name(short) if short else None
                return Speaker(name=short, descriptor=descriptor, start=mention.start,
                               end=mention.end)
            later = self._named_later(mention) if roles else None
            if later is not None:
                self.remember(later, descriptor, roles, mention.start, None)
                return Speaker(name=later, descriptor=descriptor, start=mention.start,
                               end=mention.end, entity=self.entity_id(later))
            ante = self._antecedent(mention, roles)
            sp = Speaker(name=None, descriptor=descriptor, start=mention.start, end=mention.end)
            if ante is not None:
                sp.name, sp.entity = ante.name, ante.entity
                sp.descriptor = descriptor if roles else ante.descriptor
            return sp
        name = self._drop_affiliation(name)
        full = self.full_name(name)
        ent = self.entity_for(name_span[0], name_span[1], full)
        canonical = self.clean_name(ent.canonical) if ent is not None and ent.canonical else ""
        if len(canonical) > len(full) and canonical.casefold().endswith(full.casefold()):
            full = canonical
        elif (self._nl and ent is not None and ent.label == "ORG" and ent.start == name_span[0]
              and canonical.startswith(full + " ")):
            full = canonical  # "het Centraal Bureau| voor de Statistiek": a mention cut short
        prior = next((k for k in reversed(self.known) if k.name == full), None)
        if descriptor is None and prior is not None:
            descriptor = prior.descriptor
        self.remember(full, descriptor, roles, mention.start, ent)
        return Speaker(
            entity=ent.id if ent else None,
            name=full,
            descriptor=descriptor,
            start=mention.start,
            end=mention.end,
        )

    def entity_id(self, name: str) -> str | None:
        """The id of the PER or ORG entity named `name`, if the document has one."""
        ent = self.entity_for(-1, -1, name)
        return ent.id if ent is not None else None

    def person_named(self, text: str, pos: int) -> str | None:
        """The full name of a person written as `text` at `pos`, when it reads as a person:
        a person found in the document (after a role noun, opening a sentence, a PER
        entity) or a name the document also writes in full."""
        name = self.clean_name(text)
        if not name or name.split()[0].lower() in NOT_NAME:
            return None
        full = self.full_name(name)
        aged = re.match(r"\s*\(\d{1,3}\)", self.doc.text[pos + len(text) : pos + len(text) + 8])
        if aged and len(full.split()) >= 2:
            return full  # "Sietse Brouwer (63)": an age makes a person
        for e in self.doc.entities:
            if e.start <= pos < e.end and e.label in ("LOC", "ORG"):
                return None
        if any(p[1] == full for p in self._persons):
            return full
        ents = [e for e in self.doc.entities if e.start <= pos < e.end and e.label == "PER"]
        return full if ents else None

    def organisation_of(self, m: Mention) -> str | None:
        """The organisation an unnamed source speaks for: "een woordvoerder van Ajax" ->
        Ajax, "een politiebron" -> politie, "OM-woordvoerder" -> OM; "de organisatie",
        "de dienst", "de krant" -> the latest organisation named before whose name fits."""
        words = m.text.split()
        if not words:
            return None
        low = [x.lower() for x in words]
        finding = next((i for i, x in enumerate(low) if x.endswith(_FINDINGS)), None)
        if finding is not None and not any(self.lex.role_class(x) for x in words):
            org = self._finding_source(m, words, finding)
            if org is not None:
                return org
        spoke = next((i for i, x in enumerate(low) if x.endswith(_SPOKES)), None)
        if spoke is not None:
            head = words[spoke]
            tail = re.search(r"\b(?:van|bij|namens|binnen)\s+(?:de\s+|het\s+)?(.+)$",
                             " ".join(words[spoke + 1:]))
            if tail:
                org = self.clean_name(tail.group(1).strip(" ,"))
                return self.full_name(org) if org else tail.group(1)
            suffix = next((x for x in _SPOKES if head.lower().endswith(x)), "")
            prefix = head[: len(head) - len(suffix)].rstrip("-")
            if len(prefix) >= 2:
                return self.full_name(prefix) if prefix[:1].isupper() else prefix
            # "een woordvoerder": of the organisation the last sentences are about.
            since = self._sentence_start_back(m.start, 3)
            orgs = [k for k in self.known if k.is_org and since <= k.pos < m.start]
            if orgs:
                return orgs[-1].name
            org_ents = [e for e in self.doc.entities
                        if e.label == "ORG" and since <= e.start < m.start]
            return (org_ents[-1].canonical or org_ents[-1].text) if org_ents else None
        if low[0] not in ("de", "het", "deze") or len(words) > 3:
            return None
        noun = low[-1]
        if noun not in self.lex.org_nouns:
            return None
        named = self.full_name(noun)
        if named != noun and named.lower().startswith(noun + " "):
            return named  # "de gemeente" -> the one "gemeente Eindhoven" the article writes
        best: tuple[int, str] | None = None
        for pos, cand in self._full_names + self._org_names:
            if pos >= m.start:
                continue
            last = cand.lower().split()[-1]
            fits = last.endswith(noun) or noun in cand.lower().split()
            if fits and (best is None or pos > best[0]):
                best = (pos, cand)
        if best is not None:
            return best[1]
        earlier = [e for e in self.doc.entities if e.label == "ORG" and e.start < m.start]
        return (earlier[-1].canonical or earlier[-1].text) if earlier else None

    def _finding_source(self, m: Mention, words: list[str], at: int) -> str | None:
        """Whose finding: "cijfers van het Centraal Bureau (voor de Statistiek)" -> the
        organisation the recogniser found there, "CBS-cijfers" -> CBS."""
        head = words[at]
        if "-" in head and head[:1].isupper():
            return self.full_name(head.split("-")[0])
        rest = " ".join(words[at + 1:])
        tail = re.match(r"(?:van|of|by|door|uit)\s+(?:de\s+|het\s+|the\s+)?([A-ZÀ-Þ].*)$", rest)
        if not tail:
            return None
        pos = m.start + len(" ".join(words[: at + 1])) + 1 + tail.start(1)
        for e in self.doc.entities:
            if e.label == "ORG" and e.start <= pos < e.end:
                return e.canonical or e.text
        org = self.clean_name(tail.group(1).strip(" ,"))
        return self.full_name(org) if org else None

    def _named_later(self, m: Mention) -> str | None:
        """"journalist en onderzoeker politieke communicatie Chris Aalberts", "Europarlemen-
        tariër voor de Partij voor de Dieren Anja Hazenkamp": a role noun whose phrase goes
        on to the name, which ends the clause."""
        if m.text.split()[0].lower() in ("de", "het", "deze", "die", "the"):
            return None  # "de minister": a definite role noun refers back
        rest = self.doc.text[m.end : m.end + 90]
        clause = re.split(r"[.;:!?,(\n]", rest)[0]
        names = list(NAME_SEQ.finditer(clause))
        if not names or clause[names[-1].end():].strip():
            return None
        words = names[-1].group().split()
        caps = [k for k, x in enumerate(words) if x[:1].isupper()]
        if len(caps) > 2:
            words = words[caps[-2]:]
        name = self.clean_name(" ".join(words))
        return self.full_name(name) if len(name.split()) >= 2 else None

    def _introduced_as(self, m: Mention) -> str | None:
        """"de voetballer" -> the name written after "voetballer" earlier ("voetballer
        Klaas-Jan Huntelaar"), for a definite noun phrase without a name."""
        words = m.text.split()
        if len(words) < 2 or words[0].lower() not in ("de", "het", "deze") or len(words) > 4:
            return None
        noun = words[-1].lower()
        if not noun.isalpha() or len(noun) < 4:
            return None
        if self._nl and len(words) == 2 and len(noun) >= 5 and noun.endswith(("s", "en")):
            group = self._group_introduced(noun, m.start)
            if group is not None:
                return group
        best = None
        for mm in re.finditer(rf"(?i)\b\w*{re.escape(noun)}\s+(?-i:{NAME_SEQ.pattern})",
                              self.doc.text[: m.start]):
            name = self.clean_name(mm.group()[len(mm.group().split()[0]):].strip())
            if name and name[:1].isupper():
                best = self.full_name(name)
        return best

    def _group_introduced(self, noun: str, before: int) -> str | None:
        """"de werkgevers" -> "VNO-NCW en MKB-Nederland" where the article wrote
        "werkgeversorganisaties VNO-NCW en MKB-Nederland", "de ondernemers" -> "Jan Torny en
        Huub Gerard" after "zorgondernemers Jan Torny en Huub Gerard": a plural noun that
        the compound before a coordinated pair of names contains (the last such pair);
        else the organisation such members are written of, the last time before the
        mention or else the first after it ("klimaatactivisten van Wij Stoppen Steenkool")."""
        seq = NAME_SEQ.pattern
        best = None
        for mm in re.finditer(rf"(?i)\b\w*{re.escape(noun)}\w*\s+(?-i:({seq})\s+en\s+({seq}))",
                              self.doc.text[:before]):
            pair = [self.clean_name(_cut_affiliation(g)) for g in (mm.group(1), mm.group(2))]
            if all(x[:1].isupper() for x in pair):
                best = " en ".join(pair)
        if best is None:  # "de activisten" … "klimaatactivisten van Wij Stoppen Steenkool"
            orgs = [(mm.start() < before, self.clean_name(mm.group(1))) for mm in re.finditer(
                rf"(?i)\b\w*{re.escape(noun)}\s+van\s+(?:de\s+|het\s+)?(?-i:({seq}))", self.doc.text)]
            earlier = [o for b, o in orgs if b and o[:1].isupper()]
            later = [o for b, o in orgs if not b and o[:1].isupper()]
            if earlier or later:
                best = self.full_name(earlier[-1] if earlier else later[0])
        return best

    def remember(
        self, name: str, descriptor: str | None, roles: set[str], pos: int, ent: Entity | None,
        *, is_org: bool = False,
    ) -> None:
        prior = next((k for k in self.known if k.name == name), None)
        if prior is not None:
            roles = roles | prior.roles
            descriptor = descriptor or prior.descriptor
        self.known.append(
            _Known(name, descriptor, roles, pos, ent.id if ent else None,
                   is_org=is_org or bool(ent and ent.label == "ORG"))
        )

    def _split(self, m: Mention) -> tuple[str | None, tuple[int, int], str | None]:
        """(name, name span, descriptor) of a mention; name None for pronoun/role only."""
        text = m.text
        low = text.lower()
        if low in self.lex.pronouns:
            return None, (m.start, m.end), None
        name: str | None = None
        has_role = any(self.lex.role_class(x) for x in text.split()[:-1])
        role_at = next((mm.start() for mm in re.finditer(r"\S+", text)
                        if self.lex.role_class(mm.group())), 0)
        for nm in NAME_SEQ.finditer(text):
            seq, seq_start = nm.group(), nm.start()
            if name is not None and text[:seq_start].count("(") > text[:seq_start].count(")"):
                continue  # "Maarten Groothuizen (D66)", "Harbers (Asiel, VVD)": not the speaker
            if has_role and seq_start < role_at:
                if role_at < nm.end():
                    seq, seq_start = text[role_at : nm.end()], role_at  # "Tweede Kamervoorzitter X"
                elif any(not (self._nl and re.search(_AFFILIATION, text[:later.start()]))
                         for later in NAME_SEQ.finditer(text, role_at)):
                    # "de aan Instituut X verbonden specialist Y": X is an affiliation (not
                    # in "Pieter Klein, journalist bij RTL": the name after the role is one)
                    continue
            after_van = text[max(0, seq_start - 4) : seq_start] in ("van ", " of ")
            if seq_start > 0 and re.search(_AFFILIATION, text[:seq_start]):
                continue  # "de burgemeester van de plaats Cairo", "bloggers op Telegram"
            cleaned = self.clean_name(seq, after_van=after_van)
            words = cleaned.split()
            if words and (self.lex.role_class(words[-1].split("-")[-1])
                          or words[-1].lower().endswith(tuple("-" + f for f in _FINDINGS))):
                continue  # "De La Scala-voorman", "CBS-cijfers": a role or finding, not a name
            if not words or (len(words) == 1 and _is_adjectival(words[0])):
                continue
            if len(words) == 1 and words[0].endswith("e") and re.match(
                    r" [a-zà-ÿ]", text[nm.end() : nm.end() + 2]):
                continue  # "de Algerijnse grondwet": an adjective before its noun
            name = cleaned
            if has_role and len(words) >= 2:
                break  # "politicoloog X van de Universiteit Y": the person, not the place
        if name is None:
            return None, (m.start, m.end), _strip_det(text, self.lex) or None
        ns = m.start + text.rfind(name)
        desc = _strip_det(text[: text.rfind(name)].strip(" ,"), self.lex)
        tail = text[text.rfind(name) + len(name):].strip(" ,")
        if tail:
            desc = f"{desc}, {tail}" if desc else tail
        return name, (ns, ns + len(name)), desc or None

    def anaphoric(self, m: Mention, roles: set[str]) -> bool:
        """A pronoun, or a definite role noun phrase ("de minister", "the spokesman")."""
        words = m.text.lower().split()
        if m.text.lower() in self.lex.pronouns:
            return True
        return bool(roles) and len(words) <= 4 and words[0] in ("de", "het", "the", "deze", "die")

    def _antecedent(self, m: Mention, roles: set[str]) -> _Known | None:
        """The nearest earlier speaker or person a pronoun or role noun can refer to."""
        pronoun = m.text.lower() in self.lex.pronouns
        limit = m.start
        if pronoun:
            # A pronoun does not take up a person of its own clause ("Fred Ros mocht
            # volgens hem …": hem is not Fred Ros); look before the sentence when possible.
            start = self._sentence_start_back(m.start, 0)
            if any(p[0] < start for p in self._persons) or any(k.pos < start for k in self.known):
                limit = start
        before = [k for k in self.known if k.pos < limit]
        persons = [p for p in self._persons if p[0] < limit]
        if pronoun or not roles or "person" in roles:
            last = max((k for k in before if not k.is_org), key=lambda k: k.pos, default=None)
            person = persons[-1] if persons else None
            # Prefer the last person who was the subject of a recent sentence over one
            # only mentioned in passing ("… dat Forum-leider X werd doodgeschoten").
            subjects = [p for p in persons if p[0] in self._subjects
                        and p[0] >= self._sentence_start_back(m.start, _SUBJECT_SENTENCES)]
            if subjects:
                person = subjects[-1]
            if person is not None and (last is None or person[0] > last.pos):
                return self._known_or_new(person[1], person[0])
            if last is not None:
                return last
        else:
            nouns = [x.lower() for x in m.text.split() if self.lex.role_class(x)]
            same = self._same_role(nouns, before, persons)
            if same is not None:
                return same
            for k in reversed(before):
                if k.roles & roles:
                    return k
            for p in reversed(persons):
                if p[2] in roles:
                    return self._known_or_new(p[1], p[0])
            # "De stafchef … riep op. Luitenant-generaal X wilde …": named just after.
            until = self._sentence_start_back(m.start, -3)
            for p in self._persons:
                if m.end <= p[0] < until and p[2] in roles:
                    return self._known_or_new(p[1], p[0])
            if before and not (before[-1].roles and not before[-1].roles & roles):
                return before[-1]
            if persons and not before:
                return self._known_or_new(persons[-1][1], persons[-1][0])
            return None
        named = self._entities_before(m.start)
        return max(named, key=lambda k: k.pos) if named else None

    def _same_role(self, nouns: list[str], before: list[_Known],
                   persons: list[tuple[int, str, str | None, str]]) -> _Known | None:
        """The latest speaker or person introduced with the same role noun ("Europees
        commissaris X" … "de commissaris")."""
        if not nouns:
            return None
        noun = nouns[-1]
        cands: list[tuple[int, _Known]] = []
        for k in before:
            if k.descriptor and any(w.lower().endswith(noun) for w in k.descriptor.split()):
                cands.append((k.pos, k))
        for pos, name, _, word in persons:
            if word and word.endswith(noun):
                cands.append((pos, self._known_or_new(name, pos)))
        return max(cands, key=lambda c: c[0])[1] if cands else None

    def _sentence_start_back(self, pos: int, n: int) -> int:
        """Start of the sentence n sentences before the one at `pos` (n < 0: after it)."""
        i = self.doc.sentence_index(pos)
        if i < 0 or not self.doc.sentences:
            return 0
        j = i - n
        if j >= len(self.doc.sentences):
            return len(self.doc.text)
        return self.doc.sentences[max(0, j)].start

    def _known_or_new(self, name: str, pos: int) -> _Known:
        prior = next((k for k in reversed(self.known) if k.name == name), None)
        return prior or _Known(name, None, set(), pos, None)

    def persons(self) -> list[str]:
        """The persons of the document in order of first mention."""
        seen: dict[str, None] = {}
        for _, name, _, _ in self._persons:
            seen.setdefault(name, None)
        return list(seen)

    def person_mentions(self) -> list[tuple[int, str, bool, bool]]:
        """Every person-like name in text order: (position, full name, introduced with a
        role noun, opening its sentence as the subject)."""
        return [(p, n, role is not None, p in self._subjects) for p, n, role, _ in self._persons]

    def person_roles(self) -> list[tuple[int, str, str]]:
        """Every person-like name in text order with the role word written before it
        ("woordvoerster", "moeder"; "" when none): (position, full name, role word)."""
        return [(p, n, word) for p, n, _, word in self._persons]

    def person_before(self, pos: int, *, after: int = -1) -> tuple[int, str] | None:
        """The nearest person-like name before `pos` (and after `after`)."""
        cands = [(p, n) for p, n, _, _ in self._persons if after < p < pos]
        return cands[-1] if cands else None

    def _entities_before(self, pos: int) -> list[_Known]:
        return [
            _Known(e.canonical or e.text, None, set(), e.start, e.id, e.label == "ORG")
            for e in self.doc.entities
            if e.start < pos and e.label in ("PER", "ORG")
        ]


def subject_starts(doc: Doc) -> frozenset[int]:
    """Start offsets of tokens that are a clause subject in the parse, or part of a name
    whose head is one ("Mark" in "Mark Rutte zei"); empty without a parse."""
    toks = doc.tokens
    deps = [t.dep for t in toks]
    heads = [t.head for t in toks]
    out = set()
    for i, t in enumerate(toks):
        d, seen = i, 0
        while deps[d] in _TO_HEAD and heads[d] >= 0 and seen < 4:
            d = heads[d]
            seen += 1
        if deps[d].startswith("nsubj"):
            out.add(t.start)
    return frozenset(out)


_TO_HEAD = frozenset({"flat", "flat:name", "compound", "amod", "det", "nmod"})


def _cut_affiliation(name: str) -> str:
    """"Huub Gerard van Ledeboer Investments" -> "Huub Gerard" (not "Louis van Gaal",
    "Tom van der Lee")."""
    head, sep, rest = name.partition(" van ")
    if sep and " " in head and rest[:1].isupper():
        return head
    return name


def _is_adjectival(word: str) -> bool:
    # "Oekraïense", "Russische", "Amerikaanse", "Democratic": capitalised adjectives of
    # nationality or party before a role noun are descriptors, not names.
    w = word.lower()
    return w.endswith(("ense", "sche", "aanse", "tse", "ese", "ican", "atic", "ish", "ian"))


def _strip_det(text: str, lex: Lexicon) -> str:
    words = text.split()
    while words and words[0].lower() in lex.determiners:
        words = words[1:]
    return " ".join(words)
