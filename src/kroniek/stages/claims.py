"""Stage `kroniek.claims.v1`: who claims what, of which type and side, and how sure.

Order of steps:

1. Every quote (not a pull-quote repeat) yields a claim over the quoted or reported
   content, with `Claim.quote` = the quote's id. The source is the speaker; its type
   (`kroniek.stages.source_types`) comes from the role or source noun in the speaker's
   descriptor or name or where the article introduces it ("defensiespecialist" → expert,
   "woordvoerder" → official, "buurtbewoner" → civilian, "leger" → party_to_conflict);
   its side from nationality words and capitals in it.
2. Evidence constructions without a speaker: "Uit geverifieerde beelden blijkt dat …",
   "Op de beelden is te zien dat …", "footage shows …": source = the evidence, type from its
   noun (imagery, document, ...), `Evidence.kind` = imagery/document/report.
3. Declining: "Meer informatie wilde Kyiv niet geven", "X would not say more": a claim
   with factuality `declined` and the named source.
   Hearsay without a named source ("Bij de aanval zouden tien doden zijn gevallen",
   "reportedly"): a hedged claim whose source is unknown.
4. Factuality of each claim from its content and cue: denied (a denial cue), unconfirmed
   ("kon niet onafhankelijk worden bevestigd"), hedged ("zou", "naar verluidt",
   "mogelijk"), else asserted.

Claim spans cover the reported content so that events whose trigger lies inside link to
them (`kroniek.events` uses span overlap).
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import re
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import Any

from kroniek.doc import Claim, Cue, Doc, Event, Evidence, Quote, Source, Speaker
from kroniek.pipeline import register_stage
from kroniek.stages.phrases import (
    lexicon,
    nominal_head,
    source_type,
)
from kroniek.stages.source_types import (
    HEADLINE_LEN,
    introductions,
    mentions,
    quote_source_type,
    source_for_phrase,
)

__all__ = ["ClaimsStage", "factuality", "find_claims", "introductions", "is_lyric",
           "is_title", "link_events", "source_for_phrase"]

_EVIDENCE_KIND = {"imagery": "imagery", "social_media": "report", "media": "report"}
# How a quoted or reported claim is known, by the type of its source.
_QUOTE_EVIDENCE = {"imagery": "imagery", "social_media": "report", "media": "report"}
# Unattributed reportative hedges: "zou(den) … zijn/hebben", "naar verluidt", "reportedly".
_REPORTATIVE = re.compile(
    r"(?i)\b(?:zou(?:den)?\b(?:\s+[\w-]+){0,8}?\s+(?:zijn|hebben)\b|naar verluidt|"
    r"reportedly|allegedly|would have)"
)
_DOCUMENT = re.compile(r"(?i)\b(?:document|rapport|report|brief|memo|stukken|documenten)")


@cache
def _claims_lex(lang: str | None) -> ModuleType:
    return importlib.import_module(f"kroniek.lang.{'en' if lang == 'en' else 'nl'}.claims")


@cache
def _compiled(lang: str | None, name: str) -> tuple[re.Pattern[str], ...]:
    flags = 0 if name in ("DECLINE", "EVIDENCE_FROM") else re.IGNORECASE
    return tuple(re.compile(p, flags) for p in getattr(_claims_lex(lang), name))


@cache
def _guarded(lang: str | None, name: str) -> tuple[re.Pattern[str] | None, ...]:
    """The patterns of `name` that can match `text`: a pattern whose guard (the language's
    `GUARDS`, its fixed words) the text lacks cannot, and is not run."""
    guards = getattr(_claims_lex(lang), "GUARDS", {}).get(name, ())
    return tuple(re.compile(g) if g else None for g in guards)


def _patterns(doc: Doc, name: str) -> Iterator[re.Pattern[str]]:
    guards = _guarded(doc.lang, name)
    for k, pat in enumerate(_compiled(doc.lang, name)):
        guard = guards[k] if k < len(guards) else None
        if guard is None or guard.search(doc.text):
            yield pat


def factuality(text: str, *, lang: str | None, cue: str | None = None) -> str:
    """asserted, hedged, denied or unconfirmed, from the content and its cue."""
    lex = _claims_lex(lang)
    if cue and cue.lower().split()[0] in lex.DENIAL_CUES:
        return "denied"
    if _any_of(lang, "UNCONFIRMED").search(text):
        return "unconfirmed"
    if _any_of(lang, "HEDGES").search(text):
        return "hedged"
    return "asserted"


@cache
def _any_of(lang: str | None, name: str) -> re.Pattern[str]:
    """One pattern that matches where any of the patterns `name` does (one pass over the
    text instead of one per pattern); the patterns hold no groups or flags of their own."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in _compiled(lang, name)),
                      re.IGNORECASE)


# A headline word in capitals before a name ("MEDIA Trump", "SPEECH Baudet").
_HEADLINE_WORD = re.compile(r"^(?:[A-ZÀ-Þ]{5,}\s+)+(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _quote_claim(doc: Doc, q: Quote, n: int, intros: dict[Any, Any] | None = None,
                 starts: list[int] | None = None) -> Claim:
    sp = q.speaker
    written = ""
    if sp is not None:
        if sp.name and _HEADLINE_WORD.match(sp.name):  # "MEDIA Trump": a headline glued on
            sp = Speaker(entity=sp.entity, name=_HEADLINE_WORD.sub("", sp.name),
                         descriptor=sp.descriptor, start=sp.start, end=sp.end)
        written = " ".join(x for x in (sp.descriptor, sp.name) if x)
        if sp.start is not None and sp.end is not None:
            written = f"{_HEADLINE_WORD.sub('', doc.text[sp.start:sp.end])} {written}"
    kind, side = quote_source_type(doc, q, sp, written, intros, starts)
    name = (sp.name or sp.descriptor) if sp else None
    starts = [t.start for t in doc.tokens] if starts is None else starts
    if not _headed(doc, name, sp, starts):
        cut = _cut_to_head(doc, name, sp, starts)  # "justitie vaak" -> "justitie"
        if cut and _headed(doc, cut, sp, starts):
            name = cut
        else:
            name = sp.descriptor if sp and _headed(doc, sp.descriptor, sp, starts) else None
    source = Source(
        name=name,
        type=kind,  # type: ignore[arg-type]
        side=side,
        start=sp.start if sp else None,
        end=sp.end if sp else None,
        entity=sp.entity if sp else None,
    )
    return Claim(
        id=f"c{n}",
        start=q.start,
        end=q.end,
        source=source,
        cue=q.cue,
        evidence=Evidence(kind=_QUOTE_EVIDENCE.get(kind, "statement"), start=q.start,
                          end=q.end, text=q.text),
        factuality=_quote_factuality(doc, q),  # type: ignore[arg-type]
        confidence=q.confidence,
        quote=q.id,
    )


# Parts of speech a source name may not end on ("Crashsite Hoewel", "AKP erin", "NS 79
# nieuwe"), nor consist of alone ("Niemand", "Eén", "Wanneer"); a verb may not be inside
# ("2011 lanceerde Sire"), a function word not open it ("Daardoor X"). A capitalised last
# word after a name is a surname whatever its tag ("Tom van der Meer", "Sandra van de
# Werd"), a lower-case adjective a role when the lexicon knows it ("politiedeskundige").
_NOT_LAST = frozenset({"SCONJ", "CCONJ", "ADP", "DET", "PRON", "AUX", "PART", "INTJ"})
_NOT_LAST_CAPS = frozenset({"SCONJ", "CCONJ", "ADP"})
# Function words that never end a name even capitalised ("VERKEERSONGEVALLEN Een", "2 Wie");
# "Meer" in "Tom van der Meer" is a surname.
_NEVER_LAST = frozenset({"een", "wie", "wat", "die", "dat", "dit", "deze", "het", "hij", "zij",
                         "ze", "we", "wij", "ik", "hun"})  # not "haar": "Ter Haar"
_NOT_LAST_LOWER = frozenset({"ADV", "ADJ", "VERB"})
_NOT_INSIDE = frozenset({"VERB", "AUX", "SCONJ"})
_NOT_FIRST = frozenset({"AUX", "SCONJ", "ADV", "PRON"})


# Parts of speech a one-word name may not have unless the recogniser made it a name.
_NOT_ALONE = frozenset({"ADV", "ADJ", "VERB", "NUM", "SYM"})
# Words that open a phrase but never a source's name ("Geen gejuich", "Uit Amerikaans").
_NOT_OPENING = frozenset({
    "geen", "uit", "op", "in", "bij", "met", "door", "volgens", "na", "over", "naar", "tijdens",
    "minstens", "ruim", "bijna", "zeker", "slechts", "alleen", "ook", "nog", "zelfs", "wie",
    "wat", "welke", "hoe", "waarom", "no", "not",
})


def _only_opens_sentences(doc: Doc, word: str) -> bool:
    """Is `word` capitalised only where a sentence opens ("Plots", "Jaarlijks"), never
    inside one as a name is ("zegt Blind")?"""
    opens = {s.start for s in doc.sentences}
    for at, _end in mentions(doc.text, word):
        before = doc.text[max(0, at - 3) : at]
        if at not in opens and not re.search(r"[.!?:'\"„“”‘’(]\s*$|^\s*$", before):
            return False
    return True


def _is_entity(doc: Doc, start: int, end: int) -> bool:
    return any(e.start <= start and end <= e.end and e.label in ("PER", "ORG", "LOC")
               for e in doc.entities)


def _cut_to_head(doc: Doc, name: str | None, sp: Speaker | None, starts: list[int]) -> str | None:
    """`name` up to its last noun or name, where words stuck after it ("justitie vaak",
    "politie vanochtend"); None when it has none or is not written at the speaker."""
    if not name or sp is None or sp.start is None:
        return None
    at = doc.text.find(name, sp.start, max(sp.end or 0, sp.start + len(name)))
    if at < 0:
        return None
    i, j = bisect.bisect_left(starts, at), bisect.bisect_left(starts, at + len(name))
    heads = [t for t in doc.tokens[i:j] if t.upos in ("NOUN", "PROPN")]
    if not heads or heads[-1].end >= at + len(name):
        return None
    return doc.text[at : heads[-1].end]


def _headed(doc: Doc, name: str | None, sp: Speaker | None, starts: list[int]) -> bool:
    """Is `name` a name or a noun phrase with a head? `nominal_head` on the words, and,
    where the name is written as the speaker mention and parsed, its parts of speech."""
    if name is None or not re.search(r"[^\W\d_]", name) or not nominal_head(name, doc.lang):
        return False  # '."': no word at all
    at = doc.text.find(name, sp.start, sp.end) if sp and sp.start is not None else -1
    if at < 0:  # a pronoun or a short form here: the name as written elsewhere
        first = next(mentions(doc.text, name), None)
        if first is None:
            return True
        at = first[0]
    if name.endswith("-") or doc.text[at + len(name) : at + len(name) + 1] == "-":
        return False  # cut inside a compound: "Nederlandse Voedsel(- en Warenautoriteit)"
    words = name.split()
    if len(words) == 1 and len(name) >= HEADLINE_LEN and name.isupper() and not _is_entity(
            doc, at, at + len(name)):
        return False  # a headline word in capitals: "SPEECH"
    if words[0].lower() in _NOT_OPENING:
        return False  # "Geen gejuich", "Uit Amerikaans (onderzoek)", "Minstens drie"
    i, j = bisect.bisect_left(starts, at), bisect.bisect_left(starts, at + len(name))
    toks = [t for t in doc.tokens[i:j] if t.end <= at + len(name) and t.upos]
    if not toks:
        return True
    last = toks[-1]
    caps = last.text[:1].isupper()
    if len(toks) == 1 and (last.upos in _NOT_LAST or last.upos == "NUM"):
        return False
    if len(toks) == 1 and last.upos in _NOT_ALONE and (
            not _is_entity(doc, at, at + len(name)) or _only_opens_sentences(doc, name)):
        return False  # "Eerst", "Vaak", "Plots", "Jaarlijks": a sentence's first word
    if len(toks) > 1 and last.upos == "ADJ" and last.text.lower().endswith(("se", "sche")):
        return False  # "De Maastrichtse (hoogleraar)": an adjective without its noun
    if all(t.upos not in ("NOUN", "PROPN", "X") for t in toks) and not any(
            t.text[:1].isupper() for t in toks[1:]) and not _is_entity(doc, at, at + len(name)):
        return False  # "Uit Amerikaans", "2 Wie": no noun at all
    if last.upos in (_NOT_LAST_CAPS if caps else _NOT_LAST) or (
            len(toks) > 1 and last.text.lower() in _NEVER_LAST):
        return False
    if (not caps and last.upos in _NOT_LAST_LOWER and not lexicon(doc.lang).role_class(last.text)
            and not source_type(last.text, doc.lang)):
        return False
    if len(toks) > 1 and toks[0].upos in _NOT_FIRST:
        return False
    return not any(t.upos in _NOT_INSIDE and not t.text[:1].isupper() for t in toks)


# Speech verbs that make a quotation a song or a poem, not a claim.
_LYRIC_CUES = frozenset({"zingt", "zong", "zongen", "zingen", "dicht", "dichtte", "rijmt",
                         "rijmde", "declameert", "declameerde", "sings", "sang", "recites"})


def is_lyric(doc: Doc, q: Quote) -> bool:
    """A song or a poem quoted (sung or recited, or written in lines), not a claim."""
    if q.cue is not None and q.cue.text.split()[0].lower() in _LYRIC_CUES:
        return True
    around = doc.text[max(0, q.start - 40) : q.start] + " " + doc.text[q.end : q.end + 40]
    low = around.lower()  # a word of _LYRIC_CUES is in there before it is one of its words
    if any(w in low for w in _LYRIC_CUES) and _LYRIC_CUES & {
            x.lower() for x in re.findall(r"\w+", around)}:
        return True
    lines = [x for x in re.split(r"\s/\s|\n", q.text) if x.strip()]
    return len(lines) >= 3 and all(len(x.split()) <= 8 for x in lines)


def is_title(doc: Doc, q: Quote, starts: list[int] | None = None) -> bool:
    """A title, a term or a slogan in quotation marks ('Untergang des Abendlandes',
    'stakeholders', 'Molukse wijk, alleen Molukkers'): no cue and, by the parse, no verb."""
    if q.cue is not None or not doc.tokens:
        return False
    starts = [t.start for t in doc.tokens] if starts is None else starts
    i = bisect.bisect_left(starts, q.start)
    j = bisect.bisect_left(starts, q.end)
    toks = doc.tokens[i:j]
    return bool(toks) and not any(t.upos in ("VERB", "AUX") for t in toks)


_MODAL_BEFORE = re.compile(
    r"(?i)\b(?:kan|kunnen|zou|zouden|mag|mogen|could|would|might|may|can)\s+(?:\w+\s+)?$"
)


def _quote_factuality(doc: Doc, q: Quote) -> str:
    """Factuality of a quote's claim; a cue under a modal ("Zelensky kan zeggen: „…”")
    makes the words imagined, so hedged."""
    if q.cue is not None and _MODAL_BEFORE.search(doc.text, max(0, q.cue.start - 30), q.cue.start):
        return "hedged"
    return factuality(q.text, lang=doc.lang, cue=q.cue.text if q.cue else None)


def _sentence_end(doc: Doc, offset: int) -> int:
    i = doc.sentence_index(offset)
    end = doc.sentences[i].end if i >= 0 else len(doc.text)
    while end > offset and doc.text[end - 1] in ".!? ":
        end -= 1
    return end


def _evidence_claims(doc: Doc, covered: list[tuple[int, int]],
                     quoted: list[Claim] | None = None) -> list[Claim]:
    """Claims of the evidence constructions ("Uit <bron> blijkt dat …"). Where a quote's
    claim in `quoted` already holds the same content (the quote stages read "blijkt uit" as
    a cue), no second claim is made: the construction names its source, so the quote's
    claim takes it unless the quote's speaker is named and written inside it ("Uit het
    onderzoek" -> "onderzoek"); a speaker found elsewhere ("Volgens de bank …. Uit de gegevens in dit lek
    blijkt …") is not the source."""
    out: list[Claim] = []
    for pat in _patterns(doc, "EVIDENCE_FROM"):
        for m in pat.finditer(doc.text):
            src_phrase = m.group("src").strip()
            src_start = m.start("src") + len(m.group("src")) - len(m.group("src").lstrip())
            lead = re.match(r"(?i)op\s+", src_phrase)  # "Op beelden is te zien": the beelden
            if lead:
                src_phrase, src_start = src_phrase[lead.end():], src_start + lead.end()
            rel = re.search(r",?\s+(?:die|dat|welke|waarin|waaruit|waarvan)\s", src_phrase)
            if rel and rel.start() > 0:  # "stukken die met een beroep op de Wob zijn opgevraagd"
                src_phrase = src_phrase[: rel.start()]
            start, end = m.end(), _sentence_end(doc, m.end())
            lead_ws = len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
            # the quote's claim on this content: it opens inside the construction or after
            # it (a quote around the whole sentence has a speaker of its own)
            same = next((c for c in quoted or () if m.start() < c.start < end), None)
            if end - start < 5 or (same is None and any(a <= start < b for a, b in covered)):
                continue
            if doc.tokens and not any(t.upos in ("NOUN", "PROPN", "X") for t in doc.tokens
                                      if src_start <= t.start and t.end <= m.end("src")):
                continue  # "Uit alles blijkt": no noun, no source
            kind, side = source_for_phrase(src_phrase, lang=doc.lang)
            ev = "document" if _DOCUMENT.search(src_phrase) else _EVIDENCE_KIND.get(kind, "report")
            if not nominal_head(src_phrase, doc.lang):
                continue  # "Uit bestanden op een opgedoken cd-rom zou … blijken": no source
            content = doc.text[start:end].strip()
            source = Source(name=src_phrase, type=kind, side=side,  # type: ignore[arg-type]
                            start=src_start, end=src_start + len(src_phrase))
            evidence = Evidence(kind=ev, start=src_start, end=src_start + len(src_phrase),
                                text=src_phrase)
            if same is not None:
                sp = same.source
                inside = sp.start is not None and sp.end is not None and (
                    src_start <= sp.start and sp.end <= src_start + len(src_phrase))
                if not inside or not sp.name:
                    same.source, same.evidence = source, evidence
                continue
            out.append(Claim(
                id="", start=start + lead_ws, end=end, source=source,
                cue=Cue(m.start("cue"), m.end("cue"), m.group("cue")),
                evidence=evidence,
                factuality=factuality(content, lang=doc.lang),  # type: ignore[arg-type]
                confidence=0.7,
            ))
    return out


def _declined_claims(doc: Doc) -> list[Claim]:
    out: list[Claim] = []
    for pat in _patterns(doc, "DECLINE"):
        for m in pat.finditer(doc.text):
            who = m.groupdict().get("who")
            if who and not nominal_head(who, doc.lang):
                who = None  # a fragment, not a source
            kind, side = source_for_phrase(who, lang=doc.lang) if who else ("unknown", None)
            src = Source(name=who, type=kind, side=side)  # type: ignore[arg-type]
            if who:
                src.start, src.end = m.start("who"), m.end("who")
            out.append(Claim(
                id="", start=m.start(), end=m.end(), source=src,
                cue=Cue(m.start(), m.end(), m.group()),
                evidence=Evidence(kind="statement", start=m.start(), end=m.end(), text=m.group()),
                factuality="declined", confidence=0.7,
            ))
    return out


# "zou" that is not hearsay: a condition ("Als ... zou ..."), a modal ("zou kunnen zijn"),
# the writer's or the reader's own view ("we zouden ... hebben"), a judgement ("het zou
# jammer zijn"), a question.
_CONDITION = re.compile(
    r"(?i)(?:(?:^|[,;:\-–]\s*|\b(?:zelfs|ook|maar|en|of|pas)\s+)(?:als|wanneer|indien)\b|"
    r"\b(?:mocht|mochten|stel|tenzij|zonder dat|alsof|dan zou\w*)\b)")
_MODAL_AFTER = re.compile(
    r"(?i)\bzou(?:den)?\b(?:\s+[\w'-]+){0,6}?\s+(?:kunnen|moeten|willen|mogen|gaan|"
    r"worden)\b")
_FIRST_PERSON = re.compile(r"(?i)\b(?:ik|we|wij|je|jij|u|jullie|men)\b")
_JUDGEMENT = re.compile(r"(?i)\b(?:het|dat|dit) zou(?:den)? (?:\w+ ){0,2}?(?:mooi|jammer|"
                        r"goed|beter|slecht|erg|fijn|raar|vreemd|logisch|zinvol|verstandig|"
                        r"onverstandig|makkelijk|moeilijk|zonde|handig|leuk|prachtig) zijn\b")


def _irrealis(doc: Doc, start: int, end: int, m: re.Match[str]) -> bool:
    """Is the "zou" of `m` a condition, a modal, an opinion or a question, not hearsay?"""
    if not m.group().lower().startswith("zou"):
        return False
    sent = doc.text[start:end]
    around = doc.text[max(start, m.start() - 40) : m.end()]
    if (_CONDITION.search(sent) or _MODAL_AFTER.match(doc.text, m.start(), end)
            or _FIRST_PERSON.search(around) or _JUDGEMENT.search(sent)
            or sent.rstrip().endswith("?")):
        return True
    if (re.search(r"(?i)(?:^|\W)(?:het|dat|dit|wat)\s+$", doc.text[max(start, m.start() - 6) : m.start()])
            or re.match(r"(?i)zou(?:den)?\s+(?:het|dat|dit)\b", doc.text[m.start() : m.end()])):
        # "Het zou de ideale plek zijn": a judgement unless a participle says what happened
        # ("Het zou zijn gestolen"); "Het zou gaan om ..." has no zijn/hebben here.
        k = next((i for i, t in enumerate(doc.tokens) if t.end == m.end()), -1)
        near = [doc.tokens[i] for i in (k - 1, k + 1) if k >= 0 and 0 <= i < len(doc.tokens)]
        return not any(t.upos == "VERB" and t.lemma not in ("zijn", "hebben", "zullen")
                       and start <= t.start < end for t in near)
    return False


def _unattributed_claims(doc: Doc, covered: list[tuple[int, int]]) -> list[Claim]:
    """Sentences that report something as hearsay without naming who says it ("Bij de
    aanval zouden tien doden zijn gevallen"): a hedged claim of unknown source."""
    out: list[Claim] = []
    # Does a covered span overlap the sentence: of the spans opening before its end, the
    # furthest end (a running maximum over the spans by start) lies after its start.
    spans = sorted(covered)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for sent in doc.sentences:
        block = doc.block_at(sent.start)
        if block is not None and block.kind != "body":
            continue
        i = bisect.bisect_left(starts, sent.end)
        if i > 0 and reach[i - 1] > sent.start:
            continue
        m = _REPORTATIVE.search(doc.text, sent.start, sent.end)
        if m is None or _irrealis(doc, sent.start, sent.end, m):
            continue
        end = sent.end
        while end > sent.start and doc.text[end - 1] in ".!? ":
            end -= 1
        out.append(Claim(
            id="", start=sent.start, end=end, source=Source(),
            cue=Cue(m.start(), m.end(), m.group()),
            evidence=Evidence(kind="report", start=sent.start, end=end),
            factuality="hedged", confidence=0.5,
        ))
    return out


def find_claims(doc: Doc) -> list[Claim]:
    """All claims of the document, in text order, with ids c1, c2, ..."""
    intros: dict[Any, Any] = {}
    starts = [t.start for t in doc.tokens]
    claims = [_quote_claim(doc, q, 0, intros, starts) for q in doc.quotes
              if q.repeats is None and not is_lyric(doc, q) and not is_title(doc, q, starts)]
    covered = [(c.start, c.end) for c in claims]
    claims += _evidence_claims(doc, covered, [c for c in claims if c.quote is not None])
    for d in _declined_claims(doc):
        if not any(c.start <= d.start < c.end and c.factuality == "declined" for c in claims):
            claims.append(d)
    claims += _unattributed_claims(doc, [(c.start, c.end) for c in claims])
    claims.sort(key=lambda c: (c.start, -c.end))
    for i, c in enumerate(claims, start=1):
        c.id = f"c{i}"
    return claims


# The shortest trigger lemma matched ("slag" would find "aan de slag"), also inside a
# compound of the claim ("aanslag" in "terreuraanslag").
_KEY_MIN = 5
_LINKED_UPOS = frozenset({"NOUN", "VERB"})
# Trigger lemmas too general to name one incident ("hield ... aan" is "houden", "strijd").
_GENERAL_KEYS = frozenset({
    "houden", "pakken", "slaan", "nemen", "zetten", "vallen", "geven", "komen", "gaan",
    "strijd", "actie", "acties", "operatie", "zaak", "hold", "take", "fight", "action",
})


def link_events(doc: Doc) -> int:
    """Links claims to the events whose incident their content names: a word of the claim
    with the lemma of an event's trigger, or a compound ending on it ("de aanslag",
    "terreuraanslag", "beschoten"), to the nearest such event before the claim, else the
    nearest after. Fills both `Claim.events` and `Event.claims`; run after the events
    stage (which links the claims around each trigger). Returns the links added."""
    if not doc.events or not doc.claims or not doc.tokens:
        return 0
    starts = [t.start for t in doc.tokens]
    keys: list[tuple[int, str, Event]] = []
    for e in doc.events:
        i = bisect.bisect_left(starts, e.trigger.start)
        if i < len(doc.tokens) and doc.tokens[i].upos in _LINKED_UPOS:
            key = (doc.tokens[i].lemma or doc.tokens[i].text).lower()
            if len(key) >= _KEY_MIN and key not in _GENERAL_KEYS:
                keys.append((e.trigger.start, key, e))
    added = 0
    for c in doc.claims:
        lo, hi = bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end)
        words = set()
        for t in doc.tokens[lo:hi]:
            if t.upos in _LINKED_UPOS:
                words.update({t.text.lower(), (t.lemma or t.text).lower()})
        hits = [(at, e) for at, key, e in keys if e.id not in c.events and any(
            w.endswith(key) for w in words)]
        if not hits:
            continue
        before = [h for h in hits if h[0] <= c.start]
        at, event = max(before, key=lambda h: h[0]) if before else min(hits, key=lambda h: h[0])
        c.events.append(event.id)
        if c.id not in event.claims:
            event.claims.append(c.id)
        added += 1
    return added


@register_stage("kroniek.claims.v1")
class ClaimsStage:
    requires = ("quotes",)
    assigns = ("claims",)

    def __call__(self, doc: Doc) -> Doc:
        doc.claims = find_claims(doc)
        return doc
