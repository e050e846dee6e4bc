"""A second look at an event's modality, after its place and date are known (issue #13).

`triggers.trigger_modality` reads cues in the trigger's clause as plain words. Things a
word list cannot see make it call events that happened habitual, hypothetical or future:

- **a cue inside a quotation that does not hold the trigger** ("De vrouw riep tijdens een
  demonstratie 'Als je Thierry dood wilt schieten ...'"): the quoted words are what was
  said, not how the event is told;
- **"je" / "men" that is not a subject** of the trigger or of the verb that governs it (the
  generic "you" is a subject: "totdat je wordt belaagd"; "je moeder" is not);
- **"als" naming a role** (below) **or comparing**: after "net", "zo", "even" ("Net als bij
  eerdere protesten werden ... opgepakt"), the second half of "zowel ... als", a fixed
  phrase ("Als gevolg van de rellen werden ... opgepakt"); the clause window cuts at every
  "als" and reads it as a condition (`_comparison_als`);
- **an aside in brackets**: one that does not hold the trigger is blanked like a quotation;
  one that holds it is read on its own ("schuwen geweld niet (bij demonstraties worden
  wapens aangetroffen)": the "niet" outside is not about it; `_in_aside`);
- **a "niet" that stresses** ("Niet alleen werden betogers opgepakt", "Het is niet voor
  niets dat er een demonstratie was"; `LITOTES`): a negation read from it is read again.

"als" before a bare singular noun followed by a finite verb and its subject ("Als advocate
heeft Caputova gevochten", "Als journalist werd hij gearresteerd") or by a preposition
("reageer je als CEO op protesten") names a role, not a condition, and is blanked too
(`_role_als`). (Reading every "als" before a noun so was tried earlier and not kept: on the
odd dev half it made two false events, detection F1 0.811 -> 0.802; the narrow reading
leaves merged dev and round-3 half B unchanged.)

A noun after "de volgende", "een komende" names an event still to come (future), though
the clause reads it as a definite noun that presupposes its event; so does a definite noun
in a clause with a present modal and no time in its sentence ("een lied dat gezongen kan
worden bij de demonstratie").

What went on for a while is habitual however far its cue stands from the trigger: a
period frame that opens the trigger's clause ("Er was een periode dat ..., de sjiieten dus,
doodden"), or a count over a span of time before it ("de afgelopen 2,5 jaar bijna honderd
burgemeesters ... gevangengezet"; `PERIOD_FRAME`, `SPAN` of the language's lexicon).

`revise` reads the trigger's modality again with those words blanked out (offsets kept),
then applies what the date and the place say:

- a noun dated by its own time expression before publication ("tijdens een demonstratie
  twee weken geleden") happened, whatever the clause around it says of the future or of
  a condition;
- a plural read as generic only because it stands bare in a sentence with no date
  ("Na zijn dood braken rellen uit in de Haagse Schilderswijk") is one incident when its
  clause locates it in a town or village (a definite article alone does not: "zijn de
  protesten in hevigheid toegenomen" tells a trend); so is a singular with an article or
  "één" ("Tijdens de antiracismemars ...", taken for a plural by its last letter; "tot
  slechts één aanhouding geleid": an aggregate of one is one event).
- a bare weekday on a simple present verb that the trigger is or hangs on, with no
  auxiliary ("Kerken doen zondag mee aan de klimaatmars"), is the coming day: future
  (Dutch news tells what happened in a past tense);
- a rate before a relative pronoun that opens the trigger's clause ("1000 slachtoffers per
  jaar die worden ... mishandeld"), with no year between, counts many events: habitual;
- a verb whose subject right before its auxiliary is a bare plural ("dat abortusklinieken
  zijn beschoten"), in a sentence with no time and no number, placed no finer than a
  country, tells a kind of thing that happens: habitual (generic);
- a noun trigger named as a kind ("het type protest dat ...", "dit soort aanslagen", "this
  kind of attack") is no incident: habitual (generic);
- an epistemic adverb on the present verb of the trigger's clause ("Mogelijk wordt er
  zaterdag gedemonstreerd") leaves it open: hypothetical (`_hedged`);
- a te-infinitive under a verb of commitment ("hebben gezworen de stad aan te vallen",
  "besloot ... te bestormen") is future, under a verb of refusal ("weigerden ...") negated
  (`_committed`);
- a noun after "zoals (een)" in an undated sentence ("reageren met geweld, zoals een
  bombardement") is an example of a kind, and a trigger in a capitalised heading
  ("PROTEST KLIMAAT" over a letter) names a topic: habitual (generic);
- a simple present verb in a sentence with no time of its own, after a frame set ahead of
  publication ("komende vrijdag gaan staken. ... Leraren leggen het werk neer"), is still
  to come: future (`_present_in_future_frame`);
- a trigger in the first clause of a quotation that opens with a condition ("'Als je ...
  dood wil schieten, zeg dan paf'") is hypothetical (`_quoted_condition`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from functools import cache

from kroniek.doc import Doc, Event, Token
from kroniek.stages.events.parse import token_at
from kroniek.stages.events.triggers import (
    Trigger,
    clause_bounds,
    compiled,
    lexicon,
    trigger_modality,
)
from kroniek.stages.times import publication_range

__all__ = ["masked_text", "presupposed", "revise"]

# Opening and closing quotation marks; a single quote only at a word's edge ("zo'n" is none).
_QUOTED = re.compile(r"(?:,,|[\"“„«‘]|(?<!\w)')(?=\S)(.+?)(?<=\S)(?:''|[\"”»’]|'(?!\w))")
_GENERIC_PRONOUNS = ("je", "men")
# An aside in brackets: a statement of its own.
_PAREN = re.compile(r"\([^()]{3,}\)")
_SUBJECT = ("nsubj", "nsubj:pass")
# Dutch plurals end in -en or a vowel and -s ("rellen", "demonstraties"; "mars" is one).
_PLURAL = re.compile(r"(?:en|[aeiouy]s|'s)$", re.IGNORECASE)
_DETERMINED = re.compile(r"(?<!\w)(?:de|het|een|één|die|deze|dit|dat)\s+(?:[\w-]+e\s+)?$", re.IGNORECASE)
# An event still to come, named by its noun ("de volgende aanslag", "een komende staking"),
# which the clause reads as a definite noun that presupposes it.
_NEXT = re.compile(r"\b(?:de|het|een)\s+(?:eerst)?(?:volgende|komende|aanstaande)\s+(?:[\w-]+e\s+)?$",
                   re.IGNORECASE)
_NOT_HAPPENED_BY_CLAUSE = ("hypothetical", "future", "habitual")
# A noun named as a kind, with at most one adjective between ("dit soort gewelddadige
# protesten"). Not "vorm": "de actie was een vorm van protest" tells the act that happened.
_KIND_OF = {
    "nl": re.compile(r"\b(?:soort|soorten|type|typen|types)\s+(?:van\s+)?(?:[\w-]+e\s+)?$", re.IGNORECASE),
    "en": re.compile(r"\b(?:kind|kinds|sort|sorts|type|types)\s+of\s+(?:[\w-]+\s+)?$", re.IGNORECASE),
}


def masked_text(doc: Doc, trigger_start: int, trigger_end: int) -> str:
    """The text with the words blanked out (same length) that say nothing of how the event
    at the trigger is told: quotations in its sentence that do not hold it and "je"/"men"
    that is no subject near it."""
    si = doc.sentence_index(trigger_start)
    if si < 0:
        return doc.text
    s = doc.sentences[si]
    chars = list(doc.text)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if not chars[k].isspace():
                chars[k] = " "

    for m in _QUOTED.finditer(doc.text, s.start, s.end):
        if not (m.start() <= trigger_start < m.end()):
            blank(m.start(), m.end())
    for m in _PAREN.finditer(doc.text, s.start, s.end):
        if m.start() <= trigger_start < m.end():  # an aside holds it: what stands around is not about it
            blank(s.start, m.start() + 1)
            blank(m.end() - 1, s.end)
        else:
            blank(m.start(), m.end())
    litotes = _phrases(doc.lang if doc.lang in ("nl", "en") else "nl", "LITOTES")
    if litotes is not None:
        for m in litotes.finditer(doc.text, s.start, s.end):
            blank(m.start(), m.end())
    ti = token_at(doc, trigger_start)
    near = {ti}
    if ti >= 0 and 0 <= doc.tokens[ti].head < len(doc.tokens):
        near.add(doc.tokens[ti].head)
    lo = token_at(doc, s.start)
    for k in range(max(0, lo), len(doc.tokens)):
        tok = doc.tokens[k]
        if tok.start >= s.end:
            break
        if tok.text.lower() in _GENERIC_PRONOUNS and not (tok.dep in _SUBJECT and tok.head in near):
            blank(tok.start, tok.end)
        if tok.text.lower() == "als" and (_role_als(doc.tokens, k) or _comparison_als(doc.tokens, k, lo)):
            blank(tok.start, tok.end)
    return "".join(chars)


# Words right before "als" that make it a comparison ("net als bij eerdere protesten",
# "zo snel als"), and nouns after it that make a fixed phrase ("als gevolg van de rellen").
_AS_BEFORE = frozenset(("net", "precies", "zo", "even", "evenzeer", "zowel", "evengoed", "hetzelfde",
                        "dezelfde", "zelfde"))
_AS_PHRASE = frozenset(("gevolg", "reactie", "antwoord", "vergelding", "protest", "onderdeel", "straf",
                        "teken", "eerbetoon", "dank", "voorwaarde", "alternatief", "eerste", "laatste"))


def _comparison_als(toks: list[Token], k: int, first: int) -> bool:
    """"als" that compares or coordinates, not a condition: after "net", "zo", "even"
    ("Net als bij eerdere protesten werden ... opgepakt"), the second half of "zowel ...
    als" ("zowel journalisten als betogers aangevallen"), or in a fixed phrase ("als gevolg
    van de rellen", "als reactie op de aanslag"). `first` is the sentence's first token."""
    if k > first and toks[k - 1].text.lower() in _AS_BEFORE:
        return True
    if any(t.text.lower() == "zowel" for t in toks[max(0, first, k - 10) : k]):
        return True
    return k + 1 < len(toks) and toks[k + 1].text.lower() in _AS_PHRASE and toks[k + 1].sent == toks[k].sent


def _role_als(toks: list[Token], k: int) -> bool:
    """"als" before a bare singular noun that names a role ("Als advocate heeft Caputova
    gevochten", "Als kind werd hij gemarteld", "reageer je als CEO op protesten"), not a
    condition: the noun is followed by a finite verb and its subject (the main clause's
    word order), or by a preposition. A condition puts its verb last ("Als oorlog uitbreekt
    in Europa", "Als Rusland in de winter aanvalt": a name is a role only in capitals)."""
    if k + 3 >= len(toks):
        return False
    noun, nxt, third = toks[k + 1], toks[k + 2], toks[k + 3]
    if noun.sent != toks[k].sent or _PLURAL.search(noun.text):
        return False
    if not (noun.upos == "NOUN" or (noun.upos == "PROPN" and noun.text.isupper() and len(noun.text) > 1)):
        return False
    if nxt.upos in ("AUX", "VERB") and third.upos in ("PRON", "PROPN") and third.text.lower() not in ("het", "er"):
        return True  # "Als advocate heeft Caputova", "Als kind werd hij"
    return nxt.upos == "ADP" and k > 0 and toks[k - 1].upos in ("PRON", "PROPN", "VERB", "NOUN")


def revise(doc: Doc, event: Event, *, lang: str) -> str:
    """The event's modality after a second look (see the module docstring). Only
    habitual, hypothetical and future read from the clause are revised, and an asserted
    noun still to come; negation, denial and what the claims say stay as they are."""
    mod = event.modality
    # (A negation around it is not about it either, "wilde niet zeggen wie de aangehouden
    # vrouw is", but lifting it was not kept: on dev it shows a crime shooting on a no-event
    # article as a false event, which detection, not modality, should drop.)
    if mod not in ("asserted", "negated") and presupposed(doc, event, lang=lang):
        return "asserted"
    if mod == "asserted" and (_bare_plural_mistagged(doc, event, lang=lang)
                              or _bare_plural_subject(doc, event, lang=lang)):
        return "habitual"
    if mod != "hypothetical" and _possibility(doc, event, lang=lang):
        return "hypothetical"  # "meer aanhoudingen worden niet uitgesloten": may yet happen
    if mod in ("asserted", "habitual") and _quoted_condition(doc, event, lang=lang):
        return "hypothetical"  # "'Als je Thierry dood wil schieten, zeg dan paf'"
    if mod in ("asserted", "future") and _hedged(doc, event, lang=lang):
        return "hypothetical"  # "Mogelijk wordt er zaterdag gedemonstreerd": left open
    committed = _committed(doc, event, lang=lang) if mod == "asserted" else None
    if committed is not None:
        return committed  # "hebben gezworen de stad aan te vallen", "weigerden ... te bestormen"
    if mod == "asserted" and _in_heading(doc, event):
        return "habitual"  # "PROTEST ABORTUSKLINIEKEN" over a letter: a topic
    if mod == "asserted" and _example_of_kind(doc, event, lang=lang):
        return "habitual"  # "reageren met geweld, zoals een bombardement": an example
    if mod == "asserted" and _separable_purpose(doc, event, lang=lang):
        mod = "future"  # "troepen samengetrokken om de stad aan te vallen": intended
    if mod == "future" and _purpose_of_call(doc, event, lang=lang):
        return "hypothetical"
    if mod == "future" and _protest_gone_to(doc, event, lang=lang):
        return "asserted"  # "kwamen donderdag bijeen om te demonstreren": they did
    if mod in ("asserted", "claimed") and _kind_noun(doc, event, lang=lang):
        return "habitual"  # "het type protest dat Baudet in de kaart speelt": a kind
    if mod == "asserted" and _NEXT.search(doc.text[max(0, event.trigger.start - 30) : event.trigger.start]):
        return "future"  # "het is wachten op de volgende aanslag": one to come
    if mod == "asserted" and (_modal_clause_undated(doc, event, lang=lang)
                              or _weekday_in_present(doc, event, lang=lang)
                              or _present_in_future_frame(doc, event, lang=lang)):
        return "future"
    if mod in ("asserted", "claimed") and (_in_period_frame(doc, event, lang=lang)
                                           or _tally_over_span(doc, event, lang=lang)
                                           or _counted_per_period(doc, event, lang=lang)):
        return "habitual"
    if mod == "negated" and (_stress_not(doc, event, lang=lang) or _in_aside(doc, event)):
        pass  # read again with the "niet" that stresses blanked out
    elif mod not in _NOT_HAPPENED_BY_CLAUSE or not doc.sentences:
        return mod
    t0, t1 = event.trigger.start, event.trigger.end
    si = doc.sentence_index(t0)
    if si < 0:
        return mod
    trig = Trigger(t0, t1, event.trigger.text, event.sub_type, si, modality=mod)
    comp = compiled(lang)
    trig.anaphoric = bool(comp["noun"].fullmatch(trig.text)) and bool(  # type: ignore[attr-defined]
        comp["anaphoric"].search(doc.text[doc.sentences[si].start : t0][-25:]))  # type: ignore[attr-defined]
    masked = masked_text(doc, t0, t1)
    if masked != doc.text:
        mod = trigger_modality(dataclasses.replace(doc, text=masked), trig, lang=lang)
        if mod not in _NOT_HAPPENED_BY_CLAUSE:
            return mod
    if mod == "negated":
        return mod
    if _own_past_date(doc, event, lang=lang):
        return "asserted"
    if mod == "habitual" and _one_incident(doc, event, trig, masked, lang=lang):
        return "asserted"
    return mod


_DEFINITE = re.compile(r"(?<!\w)(?:de|het|deze|dit|the|this|these|those)\s+(?:[\w-]+e\s+)?$",
                       re.IGNORECASE)
_DEPENDENT = re.compile(r"\W*(?:dat|of|die|that|whether|which|who)\b", re.IGNORECASE)


@cache
def _phrases(lang: str, name: str) -> re.Pattern[str] | None:
    """The phrases of the language's event lexicon list `name` (LITOTES, POSSIBILITY) as
    whole words; None where the language has none."""
    words = getattr(lexicon(lang)[0], name, None)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE) if words else None


def _stress_not(doc: Doc, event: Event, *, lang: str) -> bool:
    """A "niet" that stresses rather than denies in the trigger's sentence before it ("Niet
    alleen werden betogers opgepakt", "Het is niet voor niets dat er een demonstratie was";
    `LITOTES` of the language's lexicon): a negation read from it is read again with it
    blanked out (`masked_text`)."""
    pat = _phrases(lang, "LITOTES")
    si = doc.sentence_index(event.trigger.start)
    return pat is not None and si >= 0 and bool(pat.search(doc.text, doc.sentences[si].start, event.trigger.start))


def _in_aside(doc: Doc, event: Event) -> bool:
    """The trigger stands in brackets in its sentence ("Sympathisanten schuwen geweld niet
    (bij demonstraties worden wapens aangetroffen)"): the aside is read on its own."""
    si = doc.sentence_index(event.trigger.start)
    return si >= 0 and any(m.start() < event.trigger.start < m.end() for m in _PAREN.finditer(
        doc.text, doc.sentences[si].start, doc.sentences[si].end))


def _possibility(doc: Doc, event: Event, *, lang: str) -> bool:
    """A possibility left open in the trigger's clause or in the clause it depends on
    ("Meerdere aanhoudingen worden niet uitgesloten", "De politie sluit niet uit dat er
    meer arrestaties volgen"; `POSSIBILITY` of the language's lexicon): what may yet happen,
    hypothetical, though its "niet" reads as a negation and a bare plural as generic. Not a
    definite noun, which presupposes its event ("niet uitgesloten dat de aanslag ...")."""
    pat = _phrases(lang, "POSSIBILITY")
    si = doc.sentence_index(event.trigger.start)
    if pat is None or si < 0:
        return False
    s = doc.sentences[si]
    t0 = event.trigger.start
    if _DEFINITE.search(doc.text[max(s.start, t0 - 30) : t0]):
        return False
    lo, hi = clause_bounds(doc, t0, event.trigger.end, si)
    if pat.search(doc.text, lo, hi):
        return True
    return bool(_DEPENDENT.match(doc.text, lo)) and bool(pat.search(doc.text, s.start, lo))


_SEPARABLE_INFINITIVE = re.compile(r"[\w-]+\s+te\s+\w+$")
_OM_BEFORE = re.compile(r"(?<![\w-])om\s+(?:[\w'-]+\s+){0,6}$", re.IGNORECASE)


def _separable_purpose(doc: Doc, event: Event, *, lang: str) -> bool:
    """A separable verb's infinitive after "om" ("om de stad aan te vallen"): the trigger
    holds its particle and "te", so the purpose that "om ... te" reads before a trigger is
    not seen; intended, not done."""
    si = doc.sentence_index(event.trigger.start)
    if lang != "nl" or si < 0 or not _SEPARABLE_INFINITIVE.fullmatch(event.trigger.text):
        return False
    s = doc.sentences[si]
    return bool(_OM_BEFORE.search(doc.text, s.start, event.trigger.start))


_PROTEST = ("Peaceful protest", "Protest with intervention")
_OM_TE_BEFORE = re.compile(r"(?<![\w-])om\s+(?:[\w'-]+\s+){0,6}te\s+$", re.IGNORECASE)
_PERFECT_AUX = frozenset(("is", "zijn", "heeft", "hebben"))


def _protest_gone_to(doc: Doc, event: Event, *, lang: str) -> bool:
    """A protest as the purpose of what people did in a past tense ("Duizenden scholieren
    kwamen bijeen om te demonstreren", "Die werd aangegrepen om te demonstreren"): going
    somewhere to protest tells the protest, which the purpose ("om ... te") reads as still
    to come. The verb that governs the infinitive is a past finite verb, or a participle
    whose auxiliaries are all past; not a present one ("Morgen komen de boeren naar Den
    Haag om te demonstreren")."""
    i = token_at(doc, event.trigger.start)
    if lang != "nl" or i < 0 or event.sub_type not in _PROTEST:
        return False
    toks, n = doc.tokens, len(doc.tokens)
    tok = toks[i]
    if tok.upos != "VERB" or tok.dep not in ("xcomp", "advcl") or not 0 <= tok.head < n:
        return False
    si = doc.sentence_index(event.trigger.start)
    if not _OM_TE_BEFORE.search(doc.text, doc.sentences[si].start, event.trigger.start):
        return False
    h = tok.head
    gov = toks[h]
    if gov.upos not in ("VERB", "AUX") or gov.lemma.lower() in lexicon(lang)[0].GOVERNORS:
        return False
    aux = [k for k in toks[max(0, h - 12) : h + 12] if k.head == h and k.dep in ("aux", "aux:pass")]
    if aux:  # a past or a perfect ("zijn naar Den Haag gekomen"), not "zal"
        return all(k.text.lower() in _PAST_AUX or k.text.lower() in _PERFECT_AUX for k in aux)
    return gov.text.lower() != gov.lemma.lower() and not _present_finite(gov)


def _own_past_date(doc: Doc, event: Event, *, lang: str) -> bool:
    """A noun trigger dated by a time expression right after it ("een demonstratie twee
    weken geleden", "de aanslag van 15 maart") that ends before publication."""
    if not _noun(doc, event, lang=lang) or doc.published is None:
        return False
    t = next((t for t in doc.times if t.id == event.time.ref), None)
    if t is None or not t.value.to or not 0 <= t.start - event.trigger.end < 25:
        return False
    rng = publication_range(doc.published.value, doc.published.precision)
    return rng is not None and dt.date.fromisoformat(t.value.to) < rng[0]


def _one_incident(doc: Doc, event: Event, trig: Trigger, masked: str, *, lang: str) -> bool:
    """A noun read as generic only for standing bare in an undated sentence: a plural its
    clause locates in a town or village, or a singular with an article that was taken for a
    plural by its last letter ("de antiracismemars")."""
    if not _noun(doc, event, lang=lang):
        return False
    comp = compiled(lang)
    lo, hi = clause_bounds(doc, trig.start, trig.end, trig.sent)
    s = doc.sentences[trig.sent]
    if comp["habitual"].search(masked[lo:hi]):  # type: ignore[attr-defined]
        return False  # a word of frequency said it
    if not _PLURAL.search(event.trigger.text):  # one, however counted ("slechts één aanhouding")
        return bool(_DETERMINED.search(doc.text[max(s.start, trig.start - 30) : trig.start]))
    if comp["aggregate"].search(masked[s.start : s.end]) or re.search(r"\d", masked[s.start : s.end]):  # type: ignore[attr-defined]
        return False  # a count said it
    places = [p for p in doc.places if p.id == event.place]
    return bool(places) and places[0].precision == "exact" and lo <= places[0].start < hi


def _kind_noun(doc: Doc, event: Event, *, lang: str) -> bool:
    """A noun trigger right after a word naming a kind ("het type protest", "this kind of
    attack"): a kind of event, not one (`_KIND_OF`)."""
    kind = _KIND_OF.get(lang)
    return kind is not None and bool(kind.search(
        doc.text[max(0, event.trigger.start - 40) : event.trigger.start])) and _noun(doc, event, lang=lang)


def _noun(doc: Doc, event: Event, *, lang: str) -> bool:
    """A noun trigger by the lexicon's noun forms and, where there is a parse, its tag
    ("protesteerden" has a noun form's letters but is a verb)."""
    if not compiled(lang)["noun"].fullmatch(event.trigger.text):  # type: ignore[attr-defined]
        return False
    i = token_at(doc, event.trigger.start)
    return i < 0 or not doc.tokens[i].upos or doc.tokens[i].upos in ("NOUN", "PROPN")


# A present modal in the clause of a definite noun ("een lied dat gezongen kan worden bij de
# demonstratie"): the definite article names an event the reader knows of, not one that
# happened; with no time in the sentence it is still to come.
_PRESENT_MODAL = re.compile(r"\b(?:kan|kunnen|zal|zullen|moet|moeten|mag|mogen)\b", re.IGNORECASE)


def _modal_clause_undated(doc: Doc, event: Event, *, lang: str) -> bool:
    si = doc.sentence_index(event.trigger.start)
    if lang != "nl" or si < 0 or not _noun(doc, event, lang=lang):
        return False
    s = doc.sentences[si]
    if not _DETERMINED.search(doc.text[max(s.start, event.trigger.start - 30) : event.trigger.start]):
        return False
    if any(s.start <= t.start < s.end for t in doc.times):
        return False
    lo, hi = clause_bounds(doc, event.trigger.start, event.trigger.end, si)
    return bool(_PRESENT_MODAL.search(doc.text[lo:hi]))


_WEEKDAY = re.compile(r"(?:maan|dins|woens|donder|vrij|zater|zon)dag(?:avond|middag|ochtend|nacht|morgen)?",
                      re.IGNORECASE)
# Words before a weekday that set it in the past or make it name another thing ("de aanslag
# van maandag").
_WEEKDAY_NOT_AHEAD = frozenset(("afgelopen", "vorige", "jongstleden", "van", "sinds", "tot", "op"))


_PAST_ENDING = re.compile(r"(?:[dt]e|[^aeiou][dt]en)$")


def _present_finite(tok: Token) -> bool:
    """A verb form of the present tense: the plural ("doen", "demonstreren") or a
    singular in -t of the same stem ("doet", "belooft")."""
    text, lemma = tok.text.lower(), tok.lemma.lower()
    if _PAST_ENDING.search(text):  # "vulde", "demonstreerden" (a lemma may be the form itself)
        return False
    if text == lemma:
        return True
    stem = _stem(lemma)
    return bool(stem) and text in (stem, stem + "t")


_VOWELS = "aeiou"


def _stem(lemma: str) -> str:
    """The present singular stem of a Dutch infinitive ("doen" doe, "zitten" zit, "beloven"
    beloof, "schieten" schiet); "" for what is no infinitive."""
    if re.search(r"(?:aan|oen|ien|ean)$", lemma):
        return lemma[:-1]
    if not lemma.endswith("en") or len(lemma) < 4:
        return ""
    base = lemma[:-2]
    if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        return base[:-1]  # zitten -> zit
    base = base[:-1] + {"v": "f", "z": "s"}.get(base[-1], base[-1])
    if len(base) >= 3 and base[-1] not in _VOWELS and base[-2] in _VOWELS and base[-3] not in _VOWELS:
        base = base[:-1] + base[-2] + base[-1]  # beloven -> beloof, praten -> praat
    return base


def _weekday_in_present(doc: Doc, event: Event, *, lang: str) -> bool:
    """A bare weekday on a simple present verb that the trigger is or hangs on ("Kerken
    doen zondag mee aan de klimaatmars", "de klimaatmars belooft zondag een divers evenement
    te worden"): Dutch news tells what happened in a past tense, so the coming day. Not with
    an auxiliary (a perfect or passive tells what happened) nor after a word that sets the
    day in the past ("afgelopen zondag")."""
    i = token_at(doc, event.trigger.start)
    if lang != "nl" or i < 0:
        return False
    toks, n = doc.tokens, len(doc.tokens)
    tok = toks[i]
    v = i if tok.upos == "VERB" else tok.head
    if not 0 <= v < n or toks[v].upos != "VERB" or not _present_finite(toks[v]):
        return False
    if tok.upos != "VERB" and tok.dep not in ("nsubj", "obl", "obj"):
        return False
    near = toks[max(0, v - 15) : v + 15]
    if any(k.head == v and k.dep in ("aux", "aux:pass") for k in near):
        return False
    for k in range(max(0, v - 15), min(n, v + 15)):
        w = toks[k]
        if w.head == v and w.sent == toks[v].sent and _WEEKDAY.fullmatch(w.text) and not (
                k > 0 and toks[k - 1].text.lower() in _WEEKDAY_NOT_AHEAD):  # fmt: skip
            return True
    return False


@cache
def _frames(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's period frames and spans of time (`PERIOD_FRAME`, `SPAN` of
    `kroniek.lang.<lang>.events`), None where it has none."""
    ev, _ = lexicon(lang)
    return tuple(  # type: ignore[return-value]
        re.compile(rf"(?<![\w-])(?:{getattr(ev, name)})(?![\w-])", re.IGNORECASE)
        if getattr(ev, name, None) else None for name in ("PERIOD_FRAME", "SPAN"))


def _in_period_frame(doc: Doc, event: Event, *, lang: str) -> bool:
    """The trigger stands in the clause a period frame opens before it in its sentence ("Er
    was een periode dat de soennieten ..., de sjiieten dus, doodden"): what went on for a
    while, however many commas stand between (the clause window stops at the first)."""
    frame = _frames(lang)[0]
    si = doc.sentence_index(event.trigger.start)
    return frame is not None and si >= 0 and bool(
        frame.search(doc.text, doc.sentences[si].start, event.trigger.start))


# A count of people or things before the trigger in its clause ("bijna honderd burgemeesters").
_MANY = re.compile(r"(?<![\w-])(?:\d[\d.,]*|tientallen|honderden|duizenden|talloze|tal\s+van|vele|"
                   r"(?:\w+en)?(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?(?:honderd|duizend)|"
                   r"(?:\w+en)?(?:twin|der|veer|vijf|zes|zeven|tach|negen)tig|dozens|hundreds|thousands)(?![\w-])",
                   re.IGNORECASE)


def _tally_over_span(doc: Doc, event: Event, *, lang: str) -> bool:
    """A count over a stretch of time in the trigger's sentence before it ("zijn de
    afgelopen 2,5 jaar bijna honderd HDP-burgemeesters ontslagen, en veelal gevangengezet"):
    a tally of many events, not one. The count must stand after the span or in the
    trigger's clause, and be no year ("sinds 2016" counts nothing)."""
    span = _frames(lang)[1]
    si = doc.sentence_index(event.trigger.start)
    if span is None or si < 0:
        return False
    s = doc.sentences[si]
    m = span.search(doc.text, s.start, event.trigger.start)
    if m is None:
        return False
    lo, _ = clause_bounds(doc, event.trigger.start, event.trigger.end, si)
    return any(not re.fullmatch(r"\d{4}", c.group()) for c in _MANY.finditer(
        doc.text, min(m.end(), lo), event.trigger.start))



# A rate ("1000 slachtoffers per jaar", "jaarlijks") before a relative pronoun that opens the
# trigger's clause: the people or things counted are the antecedent of what the trigger says.
_RATE_THEN_RELATIVE = re.compile(
    r"(?<![\w-])(?:per\s+(?:jaar|maand|week|dag)|(?:elk|ieder)e?\s+(?:jaar|maand|week|dag)|"
    r"jaarlijks|maandelijks|wekelijks|dagelijks)(?![\w-])[^.;:]{0,80}?(?<![\w-])"
    r"(?:die|dat|welke|waarbij|waarin|waarvan)(?![\w-])[^.;:]*$", re.IGNORECASE)


def _counted_per_period(doc: Doc, event: Event, *, lang: str) -> bool:
    """The trigger tells what befalls what a rate counts ("Het gaat om 1000 slachtoffers per
    jaar die worden verkracht, mishandeld of gedood"): an aggregate, habitual (generic),
    though the rate stands outside the trigger's relative clause."""
    si = doc.sentence_index(event.trigger.start)
    if lang != "nl" or si < 0:
        return False
    s = doc.sentences[si]
    m = _RATE_THEN_RELATIVE.search(doc.text[s.start : event.trigger.start])
    # a year after the rate dates one event ("jaarlijks herdacht ... die in 1995 werden vermoord")
    return m is not None and not re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", m.group())


# Past forms of the auxiliaries of a passive or perfect ("die vorig jaar werd mishandeld").
_DETERMINERS = frozenset(("de", "het", "een", "die", "deze", "dit", "dat", "the", "a", "an", "this", "that"))
_PAST_AUX = frozenset(("werd", "werden", "was", "waren", "had", "hadden", "was", "were", "had"))


def presupposed(doc: Doc, event: Event, *, lang: str) -> bool:
    """A trigger that describes a person or thing by what was done to it: an attributive
    participle ("de aangehouden vrouw", "de in 2002 vermoorde politicus") or a relative
    clause in a past tense ("De man die vorig jaar ... werd mishandeld, houdt waarschijnlijk
    littekens over"). Its event is presupposed: the future, condition or hedge of the clause
    around it ("had aangekondigd", "waarschijnlijk") is not about it. Only what attaches to the trigger itself counts (a negator, a modal or
    a frequency word: "de nooit opgehelderde moord")."""
    i = token_at(doc, event.trigger.start)
    if i < 0 or not doc.tokens[i].dep:
        return False
    tok = doc.tokens[i]
    n = len(doc.tokens)
    kids = [k for k in doc.tokens[max(0, i - 12) : i + 12] if k.head == i]
    ev, _ = lexicon(lang)
    own = {*getattr(ev, "NEGATORS", ()), *getattr(ev, "HABITUAL_ADVERBS", ())}
    if any(k.text.lower() in own for k in kids):
        return False
    if tok.dep == "amod" and tok.upos in ("VERB", "ADJ") and i < tok.head < n \
            and doc.tokens[tok.head].upos in ("NOUN", "PROPN"):
        # one person or thing the reader is shown ("de aangehouden vrouw"); a bare plural
        # ("nieuws over vermoorde christenen") speaks of a kind
        if any(k.head == tok.head and k.dep == "det" for k in doc.tokens[max(0, i - 12) : tok.head]):
            return True
        for k in range(i - 1, max(-1, i - 10), -1):  # "de in 2002 door X vermoorde politicus"
            if doc.tokens[k].text.lower() in _DETERMINERS:
                return True
            if doc.tokens[k].upos in ("NOUN", "VERB", "AUX", "PUNCT"):
                return False
        return False
    if tok.dep == "acl:relcl" and tok.upos == "VERB":
        aux = [k for k in kids if k.dep in ("aux", "aux:pass")]
        return bool(aux) and all(k.text.lower() in _PAST_AUX for k in aux)
    return False


def _bare_plural_mistagged(doc: Doc, event: Event, *, lang: str) -> bool:
    """A bare plural noun the tagger took for a verb ("te druk met vaderlandse politiek en
    aanslagen": a plural in -en reads as a verb form), in a sentence with no date and no
    number: a kind of event, not one (the generic plural `trigger_modality` reads for a
    noun). The parse shows it is a noun by where it stands: coordinated with a noun, or
    after a preposition."""
    i = token_at(doc, event.trigger.start)
    if i < 0 or doc.tokens[i].upos != "VERB" or not compiled(lang)["noun"].fullmatch(event.trigger.text):  # type: ignore[attr-defined]
        return False
    if not re.search(r"(?:en|s)$", event.trigger.text.lower()):
        return False
    tok, n = doc.tokens[i], len(doc.tokens)
    coordinated = tok.dep == "conj" and 0 <= tok.head < n and doc.tokens[tok.head].upos == "NOUN"
    governed = any(k.head == i and k.dep == "case" for k in doc.tokens[max(0, i - 6) : i])
    if not (coordinated or governed):
        return False
    si = doc.sentence_index(event.trigger.start)
    s = doc.sentences[si]
    if _DETERMINED.search(doc.text[max(s.start, event.trigger.start - 30) : event.trigger.start]):
        return False
    return not any(s.start <= t.start < s.end for t in doc.times) \
        and not re.search(r"\d", doc.text[s.start : s.end])


def _bare_plural_subject(doc: Doc, event: Event, *, lang: str) -> bool:
    """A verb whose (passive) subject is a bare plural noun ("dat abortusklinieken zijn
    beschoten"), in a sentence with no date and no number, placed no finer than a country:
    a kind of thing that happens, not one incident."""
    i = token_at(doc, event.trigger.start)
    if lang != "nl" or i < 0 or doc.tokens[i].upos != "VERB":
        return False
    # the subject right before the auxiliary: "<plural> zijn/werden <trigger>" (the fast
    # parse does not always attach it)
    if i < 3 or doc.tokens[i - 1].lemma not in ("zijn", "worden"):
        return False
    st, pre = doc.tokens[i - 2], doc.tokens[i - 3]
    if st.upos != "NOUN" or not re.search(r"(?:en|s)$", st.text) or (
            st.lemma.lower() == st.text.lower() and not st.text.endswith("en")):
        return False
    if pre.upos in ("NUM", "ADJ", "PRON", "PROPN") or (pre.upos == "DET" and pre.text.lower() != "dat"):
        return False
    si = doc.sentence_index(event.trigger.start)
    if si < 0:
        return False
    s = doc.sentences[si]
    if any(s.start <= t.start < s.end for t in doc.times) or re.search(r"\d", doc.text[s.start : s.end]):
        return False
    places = [p for p in doc.places if p.id == event.place]
    return not places or places[0].precision not in ("exact",)


# Nouns whose "om ... te" names what there is cause or room for, not a plan ("een reden om te
# protesteren", "het is tijd om te demonstreren", "het recht om te staken").
_REASON_NOUNS = frozenset(("reden", "aanleiding", "tijd", "recht", "kans", "moed", "gelegenheid", "reason",
                           "time", "right", "chance"))
_PURPOSE_OM = re.compile(r"\b(?:om|to)\s+(?:[\w'-]+\s+){0,6}(?:te\s+)?$", re.IGNORECASE)


def _purpose_of_call(doc: Doc, event: Event, *, lang: str) -> bool:
    """An infinitive of purpose after a call, threat or plot ("iemand die oproept om X te
    vermoorden", "een oproep om te demonstreren"): the GUIDE's hypothetical, not the future
    that "om ... te" alone reads. The governing word is one of the lexicon's `GOVERNORS`
    that make a hypothetical, among the few words before "om"."""
    si = doc.sentence_index(event.trigger.start)
    if si < 0:
        return False
    s = doc.sentences[si]
    m = _PURPOSE_OM.search(doc.text, s.start, event.trigger.start)
    if m is None:
        return False
    governors: dict[str, str] = getattr(lexicon(lang)[0], "GOVERNORS", {})
    om = token_at(doc, m.start())
    if om < 0:
        return False
    window = doc.tokens[max(0, om - 5) : om]
    prt = {k.head: k.text.lower() for k in doc.tokens[max(0, om - 8) : om + 1] if k.dep == "compound:prt"}
    for k, tok in enumerate(window, start=max(0, om - 5)):
        if tok.start < s.start or tok.lemma.lower() in ("kunnen", "mogen", "moeten"):
            continue
        if "hypothetical" in (governors.get(tok.lemma.lower()), governors.get(prt.get(k, "") + tok.lemma.lower())):
            return True
        if tok.upos == "NOUN" and tok.lemma.lower() in _REASON_NOUNS and k == om - 1:
            return True  # "een reden om te protesteren", "het is tijd om te demonstreren"
    return False


def _trigger_token(doc: Doc, event: Event) -> int:
    """Index of the trigger's token, moved from a separable particle to its verb ("aan te
    vallen": "vallen"); -1 where the trigger has no token or the parse no dependencies."""
    i = token_at(doc, event.trigger.start)
    if i < 0 or not doc.tokens[i].dep:
        return -1
    tok = doc.tokens[i]
    if tok.dep == "compound:prt" and 0 <= tok.head < len(doc.tokens):
        return tok.head
    return i


# Epistemic adverbs that leave open whether something happens ("Mogelijk wordt er zaterdag
# gedemonstreerd", "Misschien gaan de boeren weer de straat op"). "waarschijnlijk" and
# "vermoedelijk" are left out: they hedge who did it or how many died more often than
# whether it happened ("vermoedelijk gepleegd door", "een waarschijnlijk doorgesnoven crimineel").
_HEDGES = {
    "nl": frozenset(("mogelijk", "misschien", "wellicht", "mogelijkerwijs", "eventueel")),
}
# Finite past forms of the auxiliaries of a perfect or passive and of the past modals: a
# hedged past ("Mogelijk werd hij gearresteerd") is a report of uncertain facts, not an open
# possibility.
_PAST_OR_PERFECT = frozenset(("werd", "werden", "was", "waren", "had", "hadden", "is", "zijn", "heeft",
                              "hebben", "ben", "bent", "heb", "hebt", "zou", "zouden"))


def _hedged(doc: Doc, event: Event, *, lang: str) -> bool:
    """An epistemic adverb (`_HEDGES`) on the verb that the trigger is or hangs on, or on
    the verb that governs that one as a complement ("Mogelijk gaan de boeren zaterdag
    demonstreren"), in a present or future clause: whether it happens is left open,
    hypothetical (the GUIDE's "misschien weer een burgeroorlog in het verschiet"). Not a
    past or perfect ("Mogelijk is hij gearresteerd"), nor an adverb on a number or an
    adjective ("vielen mogelijk tientallen doden")."""
    hedges = _HEDGES.get(lang)
    i = _trigger_token(doc, event)
    if hedges is None or i < 0:
        return False
    toks, n = doc.tokens, len(doc.tokens)
    tok = toks[i]
    v = i if tok.upos == "VERB" else tok.head
    if tok.upos != "VERB" and tok.dep not in ("nsubj", "nsubj:pass", "obj", "obl"):
        return False
    for _ in range(2):
        if not 0 <= v < n or toks[v].upos not in ("VERB", "AUX"):
            return False
        kids = [k for k in toks[max(0, v - 15) : v + 15] if k.head == v and k.sent == toks[v].sent]
        if any(k.dep in ("aux", "aux:pass", "cop") and k.text.lower() in _PAST_OR_PERFECT for k in kids):
            return False
        if any(k.dep == "advmod" and k.text.lower() in hedges for k in kids):
            # a present auxiliary ("wordt", "zal") or a present finite verb ("gaan")
            return any(k.dep in ("aux", "aux:pass") for k in kids) or _present_finite(toks[v])
        if toks[v].dep != "xcomp":
            return False
        v = toks[v].head
    return False


# Verbs of commitment and refusal whose te-infinitive names what was sworn, promised or
# decided, not done ("De rebellen hebben gezworen de stad aan te vallen", "besloot de stad te
# bestormen"): future; refused, not done ("weigerden de stad aan te vallen"): negated. Read
# from the verb's form, since the fast parse's lemma of a participle can be wrong ("gezworen"
# -> "zworen").
_COMMITMENT = {
    "nl": re.compile(r"(?:ge)?zwo[eo]?r\w*|zweer\w*|zweren|(?:ge)?belo(?:of|v)\w*|beslo(?:ot|ten)\w*|besluit\w*|"
                     r"beslis\w*|beslist\w*|voornemens", re.IGNORECASE),
}
_REFUSAL = {
    "nl": re.compile(r"(?:ge)?weiger\w*", re.IGNORECASE),
}


def _committed(doc: Doc, event: Event, *, lang: str) -> str | None:
    """"future" for a te-infinitive trigger governed by a verb of commitment, "negated" for
    one governed by a verb of refusal (`_COMMITMENT`, `_REFUSAL`); None otherwise."""
    i = _trigger_token(doc, event)
    if i < 0 or lang not in _COMMITMENT:
        return None
    toks, n = doc.tokens, len(doc.tokens)
    tok = toks[i]
    if tok.dep != "xcomp" or not 0 <= tok.head < n:
        return None
    if not any(k.head == i and k.dep == "mark" and k.text.lower() in ("te", "to") for k in toks[max(0, i - 8) : i]):
        return None
    gov = toks[tok.head]
    if _COMMITMENT[lang].fullmatch(gov.text):
        return "future"
    if _REFUSAL[lang].fullmatch(gov.text):
        return "negated"
    return None


# A noun given as an example of a kind ("reageren met geweld, zoals een bombardement"):
# no incident of its own when nothing in its sentence dates it.
_EXAMPLE = {
    "nl": re.compile(r"(?<![\w-])zoals\s+(?:bijvoorbeeld\s+|bv\.?\s+)?(?:een\s+)?(?:[\w-]+e\s+)?$", re.IGNORECASE),
}


def _example_of_kind(doc: Doc, event: Event, *, lang: str) -> bool:
    """A noun trigger right after "zoals (een)" ("such as (a)") in a sentence with no time
    expression: an example of a kind of event, not one that happened (habitual, the GUIDE's
    generic). A definite noun after "zoals" names one ("zoals het neergeslagen
    Tiananmenprotest dertig jaar geleden") and is left alone."""
    pat = _EXAMPLE.get(lang)
    si = doc.sentence_index(event.trigger.start)
    if pat is None or si < 0 or not _noun(doc, event, lang=lang):
        return False
    s = doc.sentences[si]
    if not pat.search(doc.text[max(s.start, event.trigger.start - 40) : event.trigger.start]):
        return False
    return not any(s.start <= t.start < s.end for t in doc.times)


_CAPS_WORD = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý-]{2,}")


def _in_heading(doc: Doc, event: Event) -> bool:
    """A trigger written in capitals beside another word in capitals: a heading that names
    the topic of what follows ("PROTEST ABORTUSKLINIEKEN" over a letter), not an incident
    it tells (habitual, the GUIDE's generic)."""
    t0, t1 = event.trigger.start, event.trigger.end
    if not _CAPS_WORD.fullmatch(event.trigger.text):
        return False
    before = re.search(r"([\w-]+)\s+$", doc.text[max(0, t0 - 40) : t0])
    after = re.match(r"\s+([\w-]+)", doc.text[t1 : t1 + 40])
    return any(m is not None and _CAPS_WORD.fullmatch(m.group(1)) for m in (before, after))


def _present_in_future_frame(doc: Doc, event: Event, *, lang: str) -> bool:
    """A simple present verb that the trigger is or hangs on, outside quotation marks, in a
    sentence with no time of its own, after a story frame set ahead of publication: the
    nearest time expression in the two sentences before is after publication ("De bonden
    verwachten dat komende vrijdag duizenden leraren gaan staken. ... Leraren leggen het
    werk neer om te strijden voor betere salarissen"). Dutch news tells what happened in a
    past tense; a present under a coming day tells what is still to come."""
    i = _trigger_token(doc, event)
    si = doc.sentence_index(event.trigger.start)
    if lang != "nl" or i < 0 or si < 1 or doc.published is None:
        return False
    toks, n = doc.tokens, len(doc.tokens)
    tok = toks[i]
    v = i if tok.upos == "VERB" else tok.head
    if tok.upos != "VERB" and tok.dep not in ("nsubj", "obj", "obl"):
        return False
    if not 0 <= v < n or toks[v].upos != "VERB" or not _present_finite(toks[v]) or toks[v].dep in ("xcomp", "acl"):
        return False
    if any(k.head == v and k.dep in ("aux", "aux:pass", "mark") for k in toks[max(0, v - 15) : v + 15]):
        return False
    s = doc.sentences[si]
    if any(s.start <= t.start < s.end for t in doc.times):
        return False
    if any(m.start() <= event.trigger.start < m.end() for m in _QUOTED.finditer(doc.text, s.start, s.end)):
        return False
    rng = publication_range(doc.published.value, doc.published.precision)
    lo = doc.sentences[max(0, si - 2)].start
    before = [t for t in doc.times if lo <= t.start < s.start and t.value.from_]
    if rng is None or not before:
        return False
    last = max(before, key=lambda t: t.start)
    return last.value.from_ is not None and last.value.from_ > rng[1].isoformat()


_CONDITION_OPENING = {"nl": re.compile(r"\W*(?:als|indien|wanneer|mocht|mochten)\s", re.IGNORECASE),
                      "en": re.compile(r"\W*(?:if|unless)\s", re.IGNORECASE)}


def _quoted_condition(doc: Doc, event: Event, *, lang: str) -> bool:
    """A trigger in the first clause of a quotation that opens with a condition ("scandeerde
    'Als je Thierry dood wil schieten, zeg dan paf'"): the clause window, cut only at a
    space before "als", does not see the condition behind the quotation mark, and reads the
    generic "je" as habitual."""
    pat = _CONDITION_OPENING.get(lang)
    si = doc.sentence_index(event.trigger.start)
    if pat is None or si < 0:
        return False
    s = doc.sentences[si]
    for m in _QUOTED.finditer(doc.text, s.start, s.end):
        if m.start(1) <= event.trigger.start < m.end(1):
            return bool(pat.match(m.group(1))) and not re.search(
                r"[,;:]", doc.text[m.start(1) : event.trigger.start])
    return False
