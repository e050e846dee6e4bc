"""Indirect speech in one sentence: the cue, the source mention and the reported content.

Patterns, tried at each token of the sentence in order (first match wins, then the search
goes on after it):

- according-to cues: "Volgens X …", "… volgens X …", "…, aldus X.", "according to X";
- a cue verb after a comma, the source after it: "…, zegt X." / "…, said X.";
- a source before its cue, content after: "X zegt (dat) …", "X said (that) …",
  "X laat weten dat …", "X told reporters …";
- a fronted "Dat"/"Dit" taking up the previous sentence: "Dat concludeert X."
  (the content is the previous sentence);
- the English "…, X said." (source between the comma and the cue);
- cues that are no finite verb of saying (according-to, nouns of saying, evidence,
  impersonal passives): `kroniek.stages.nominal_cues`.

The `Hit`, span helpers and source tests live in `kroniek.stages.reported` (re-exported
here for the quotes stage).

Words inside direct quotes are never cues; a cue already used by a direct quote is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from kroniek.stages.nominal_cues import (
    INDEFINITES,
    according_to,
    cue_noun,
    evidence,
    impersonal,
    own_account,
    written,
)
from kroniek.stages.phrases import (
    AUX,
    Lexicon,
    Mention,
    Words,
    np_after,
    np_before,
    source_type,
)
from kroniek.stages.reported import (
    ANAPHORIC,
    MAX_SOURCE_WORDS,
    Hit,
    content_start,
    definite,
    fronted,
    plausible_source,
    span,
    subject_np,
)

__all__ = [
    "Hit",
    "carried_on",
    "definite",
    "find_indirect",
    "fronted",
    "plausible_source",
    "speech_events",
    "speech_sense",
    "subject_np",
]


_CONJ = frozenset({"en", "maar", "want", "dus", "and", "but", "so", "yet"})
# Words between a speech verb and the colon that ends its clause ("schrijft ze in haar
# boek:"); general Dutch clause length, not tuned.
_COLON_WORDS = 6
# Words that may follow an inverted source before the clause ends ("zegt X niet", "said
# X on Thursday", "zei hij in een interview").
# English verbs that put their subject after them ("…, said the minister").
_EN_INVERTING = frozenset({"said", "says", "added", "adds", "wrote", "writes", "asked",
                           "asks", "continued", "explained", "noted", "recalled", "warned",
                           "replied", "insisted", "declared", "argued", "according"})
_RELATIVE = frozenset({"die", "dat", "wie", "who", "which", "that", "whose"})
_TRAILING = frozenset({"niet", "ook", "nog", "dan", "wel", "echter", "immers", "vandaag",
                       "weten", "uit", "toe", "mee", "aan", "erop", "op",
                       "gisteren", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                       "zaterdag", "zondag", "tonight", "today", "yesterday", "monday",
                       "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_TRAILING_STARTS = frozenset({"in", "op", "tegen", "bij", "tijdens", "na", "vanuit", "via",
                              "on", "at", "to", "during", "after", "who", "which",
                              "die", "dat", "van", "over", "about", "of", "with", "met",
                              "vorige", "afgelopen", "last", "earlier", "later", "as",
                              "when", "while", "terwijl", "toen", "omdat", "because", "for",
                              "voor", "and", "en", "maar", "but", "onder", "aan", "namens",
                              "binnen"})
_PREPOSITIONS = frozenset({"in", "op", "bij", "na", "tegen", "voor", "met", "over", "tot",
                           "via", "door", "vanuit", "tijdens", "sinds", "uit", "naar"})
_NOT_SPEECH = {"vindt": "plaats", "vond": "plaats", "vinden": "plaats", "vonden": "plaats"}
_MIN_CONTENT_WORDS = 3
# Verbs of responding: what follows them is the manner or the occasion ("reageerde boos",
# "reageerde op vragen"), so they report only a dat-clause, a colon or the clause before
# them ("…, reageert X"), as the clause verbs do (general Dutch).
_RESPONSE = frozenset({"reageert", "reageerde", "reageerden", "reageren", "gereageerd"})
# An addressee after an inverted source ("…, vertelde X de rechter") has at most this
# many words: a determiner and a noun, perhaps an adjective (general Dutch).
_ADDRESSEE_WORDS = 3


def find_indirect(
    w: Words,
    s: int,
    e: int,
    lex: Lexicon,
    *,
    direct: list[tuple[int, int]],
    used: set[int],
    prev_sentence: tuple[int, int] | None = None,
) -> list[Hit]:
    """Reported speech in the sentence text[s:e]."""
    lo, hi = w.index_at(s), w.index_at(e)
    while hi > lo and w.words[hi - 1] in ".!?":
        hi -= 1
    hits: list[Hit] = []
    here = [(a, b) for a, b in direct if a < e and s < b]  # quotes in this sentence
    # A cue right after a quotation ("…'', zegt X") is that quotation's, not ours.
    used = used | {k for k in range(lo, hi) for _, b in here if 0 <= w.starts[k] - b <= 4}
    if lex.lang == "en":
        used |= _after_quote_source(w, lo, hi, here)  # "…,” Adelson said during …"
    k = lo
    while k < hi:
        if k in used or _inside(w.starts[k], here):
            k += 1
            continue
        hit = (according_to(w, k, lo, hi, lex) or own_account(w, k, lo, hi, lex)
               or _anaphoric_perfect(w, k, lo, hi, lex, prev_sentence)
               or evidence(w, k, lo, hi, lex, prev_sentence)
               or impersonal(w, k, lo, hi, lex)
               or written(w, k, lo, hi, lex)
               or _cue_verb(w, k, lo, hi, lex, prev_sentence)
               or cue_noun(w, k, lo, hi, lex)
               or _colon_report(w, k, lo, hi, lex)
               or _parenthetical(w, k, lo, hi, lex))
        if hit is not None and _content_ok(w, hit, direct):
            hits.append(hit)
            k = max(k + 1, w.index_at(hit.end), w.index_at(hit.cue_end))
            continue
        k += 1
    return hits


def _after_quote_source(w: Words, lo: int, hi: int, here: list[tuple[int, int]]) -> set[int]:
    """English: the cue of "“…,” Adelson said" follows a short source after the closing
    mark; it belongs to the quotation, so what follows it is not reported content."""
    out: set[int] = set()
    for _, b in here:
        k = w.index_at(b)
        while k < hi and not w.words[k][0].isalnum():
            k += 1  # the closing marks and comma
        for j in range(k, min(hi, k + _EN_SOURCE_WORDS + 1)):
            if not w.words[j][0].isalnum():
                break
            if j > k and w.words[j].lower() in _EN_CUE_HEADS:
                out.add(j)
                break
    return out


# Words of an English source between a quotation and its cue ("“…,” the former
# secretary of state said"), and the cue verbs that end it.
_EN_SOURCE_WORDS = 6
_EN_CUE_HEADS = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote",
                          "writes", "asked", "asks", "explained", "noted", "argued",
                          "continued", "replied", "insisted", "warned", "recalled",
                          "declared", "responded", "stated", "tweeted"})


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _content_ok(w: Words, hit: Hit, direct: list[tuple[int, int]]) -> bool:
    words = w.text[hit.start : hit.end].split()
    if len(words) < _MIN_CONTENT_WORDS:
        return False
    covered = sum(max(0, min(b, hit.end) - max(a, hit.start)) for a, b in direct)
    return covered < 0.5 * (hit.end - hit.start)


@dataclass(slots=True)
class _Ctx:
    """A cue verb at token k of the sentence w[lo:hi]."""

    w: Words
    k: int
    lo: int
    hi: int
    lex: Lexicon
    cue_end: int

    def hit(self, c: int, d: int, m: Mention) -> Hit:
        a, b = span(self.w, c, d)
        return Hit(a, b, self.w.starts[self.k], self.cue_end, self.k, m)


def _cue_verb(
    w: Words, k: int, lo: int, hi: int, lex: Lexicon, prev: tuple[int, int] | None
) -> Hit | None:
    low = w.words[k].lower()
    clause_only = (low in lex.clause_verbs and low not in lex.cue_verbs) or low in _RESPONSE
    if low not in lex.cue_verbs and low not in lex.particle_verbs and not clause_only:
        return None
    if k + 1 < hi and _NOT_SPEECH.get(low) == w.words[k + 1].lower():
        return None
    if not speech_sense(w, k, hi, lex):
        return None
    if lex.lang == "nl" and k > lo and w.words[k - 1].lower() in INDEFINITES and (
            k - 1 == lo or not w.words[k - 2][0].isalnum()):
        return None  # "Alles wijst erop dat …": evidence, no source
    inverted = k > lo + 1 and w.words[k - 1] in ",–—"
    if clause_only and not _clause_follows(w, k, hi, lex) and not inverted:
        return None  # "ziet de stad", "wil naar huis": no reported content
    cx = _Ctx(w, k, lo, hi, lex, _particle_end(w, k, hi, lex))
    if low not in lex.cue_verbs and not clause_only and cx.cue_end == w.ends[k]:
        return None  # "laat" without "weten" is not a cue
    if lex.lang == "en" and low.endswith("ing") and k > lo and w.words[k - 1] == ",":
        return _participle(cx)
    if lex.lang == "en" and low in _EN_TOLD:
        hit = _told_addressee(cx)  # "…, a school spokesman told The Wall Street Journal."
        if hit is not None:
            return hit
    if k > lo + 1 and w.words[k - 1].lower() == "zo" and w.words[k - 2] in ",–—":
        m = np_after(w, k + 1, hi, lex)  # "…, zo stelt X": the same as "…, stelt X"
        ok = m is not None and (plausible_source(m, lex) or definite(m, lex))
        return _inserted(cx, k - 2, m) if ok and m is not None else None
    if k > lo and w.words[k - 1] in ",–—":
        hit = _after_comma(cx, inverts=lex.lang != "en" or low in _EN_INVERTING)
        if hit is not None and clause_only and hit.cue_start < hit.start:
            return None  # "…, weet X": only the content before the comma, never after
        return hit
    before = np_before(w, k, lo, lex)
    if before is None and k == lo + 1 and w.words[lo].lower() in ANAPHORIC:
        before = Mention(w.starts[lo], w.ends[lo], w.words[lo])
    if before is not None and before.text.lower() in ANAPHORIC and prev is not None:
        m = np_after(w, k + 1, hi, lex)  # "Dat concludeert socioloog X."
        if m is not None and plausible_source(m, lex):
            return Hit(prev[0], prev[1], w.starts[k], cx.cue_end, k, m)
        return None
    if before is None and k > lo and w.words[k - 1].lower() in _CONJ:
        hit = _coordinated(cx)
        if hit is not None:
            return hit
    if before is None and k > lo + 1 and w.words[k - 1].lower() in ("die", "wie", "who"):
        hit = _relative(cx)  # "X, die zegt dat …"
        if hit is not None:
            return hit
    if lex.lang == "nl" and (before is None or fronted(before, lex)
                             or _fronted_capital(w, before, lo, lex)
                             or _pronoun_after(w, k, hi, lex)):
        return _v2_fronted(cx)
    return _subject_first(cx, before)


_OPENING_MARKS = frozenset("\"'„“‘«,")


def _colon_report(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"X heeft het vaak gezegd: als …", "…, schrijft ze in haar boek: pas …": a speech
    verb whose clause ends at a colon reports the unquoted rest of the sentence."""
    if lex.lang != "nl" or w.words[k].lower() not in lex.cue_verbs:
        return None
    colon = next((j for j in range(k + 1, min(hi, k + _COLON_WORDS + 1))
                  if w.words[j] in (":", ",", ";")), None)
    if colon is None or w.words[colon] != ":" or hi - colon <= 3:
        return None
    c = colon + 1
    if w.words[c][:1] in _OPENING_MARKS or not speech_sense(w, k, hi, lex):
        return None
    src = np_before(w, k, lo, lex)
    if src is None or not plausible_source(src, lex):
        src = np_after(w, k + 1, colon, lex)
        if src is not None and not plausible_source(src, lex):
            src = None
    return Hit(w.starts[c], w.ends[hi - 1], w.starts[k], w.ends[k], k, src)


# Words that open a subordinate clause: a sentence opening with one has its main clause
# after the comma ("Als het regent, blijft hij thuis"), not a parenthetical report.
_SUBORDINATORS = frozenset({"als", "toen", "omdat", "hoewel", "nu", "zodra", "wanneer",
                            "terwijl", "nadat", "voordat", "zoals", "indien", "doordat",
                            "aangezien", "tenzij", "mits", "zodat", "opdat", "of", "dat",
                            "sinds", "totdat", "ofschoon", "naarmate", "zolang", "alsof",
                            "want", "om"})
# At most this many words in a parenthetical after the comma ("…, moet koper-expert X van
# het Rijksmuseum toegeven"): general Dutch clause length, not tuned.
_PARENTHETICAL_WORDS = 12
# Subjects written after the verb of a parenthetical that name no source.
_DUMMY_SUBJECTS = frozenset({"het", "men"})
_WH = frozenset({"wie", "wat", "hoe", "waar", "waarom"})
_IMPERATIVES = frozenset({"zie", "lees", "kijk", "vergelijk"})
_RELATIVE_NL = frozenset({"die", "dat", "waar", "waarin", "waarmee", "waarop", "waarvan",
                          "waardoor", "wie"})


def _parenthetical(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """Dutch parenthetical inversion with a verb outside the lexicon: "…, klinkt het in Den
    Haag", "…, moet X toegeven", "…, valt X op": a main clause, a comma, then a finite verb
    with its subject after it and nothing more that opens a clause. Word order alone marks
    the clause after the comma as the report's frame; the content is the clause before."""
    if lex.lang != "nl" or k < lo + 4 or w.words[k - 1] != "," or w.starts[k] not in w.verbs:
        return None
    low = w.words[k].lower()
    if low in lex.cue_verbs or low in lex.particle_verbs or low in lex.clause_verbs:
        return None  # the lexicon's verbs are read by `_cue_verb`
    if w.words[lo][0] in "\"'„“‘" or w.words[lo].lower() in _WH or any(
            x.lower() in _SUBORDINATORS for x in w.words[lo : min(k, lo + 3)]):
        return None  # "Als het regent, blijft hij", a heading before "Alsof …, bleken …"
    if low in _IMPERATIVES:
        return None  # "…, zie ook de resultaten"
    first_verb = next(j for j in range(lo, k) if w.starts[j] in w.verbs or j == k - 1)
    if "," in w.words[lo:first_verb]:
        return None  # "Vervolgens, daar was …, at hij": a fronted phrase, then the main verb
    if w.words[lo].lower() in _PREPOSITIONS or any(
            x.lower() in _RELATIVE_NL for x in w.words[lo + 1 : k - 1]):
        return None  # "Na het drama dat …, keerde hij …": the part before is a fronted phrase
    before = [x for x in w.words[lo : k - 1] if x[0].isalnum()]
    if len(before) < _MIN_CONTENT_WORDS or not any(
            w.starts[j] in w.verbs and w.words[j - 1].lower() != "te" for j in range(lo, k - 1)):
        return None  # no verb before the comma but a te-infinitive: no main clause
    tail = w.words[k + 1 : hi]
    if not tail or len(tail) > _PARENTHETICAL_WORDS or any(
            x in ",;:" or x.lower() in lex.complementizers for x in tail):
        return None
    m: Mention | None = None
    if w.words[k + 1].lower() in _DUMMY_SUBJECTS:
        pass
    elif w.words[k + 1].lower() in ("hij", "zij", "ze"):
        m = Mention(w.starts[k + 1], w.ends[k + 1], w.words[k + 1])
    else:
        m = np_after(w, k + 1, hi, lex)
        if m is None or not (plausible_source(m, lex) or definite(m, lex)):
            return None
    a, b = span(w, lo, k - 1)
    return Hit(a, b, w.starts[k], w.ends[k], k, m)


# Finite auxiliaries of a perfect or passive ("Dat heeft X gezegd", "Dit werd bekendgemaakt").
_PERFECT_AUX = frozenset({"heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren",
                          "werd", "werden", "wordt", "worden"})


# Participles begin with "ge" or with a prefix that takes none (Dutch morphology:
# "bevestigd", "verklaard", "ontkend", "herhaald", "erkend", "omschreven", "onderstreept").
_PARTICIPLE_PREFIXES = ("ge", "be", "ver", "ont", "her", "er", "om", "onder", "over")


# Words that open a clause of its own between the auxiliary and the participle ("nu" is
# mostly the adverb there: "Dit wordt nu voorgesteld door …").
_CLAUSE_OPENERS = (_SUBORDINATORS - {"nu"}) | _RELATIVE_NL | {"wat", "hoe", "dan"}


def _cue_participle(w: Words, j: int, lex: Lexicon) -> int | None:
    """The first token of a speech verb's participle ending at token j: a lexicon form
    ("gezegd", "bevestigd"), "laten weten", or a separable verb of the lexicon as one word,
    its particle, "ge" and the verb ("bekendgemaakt", "meegedeeld", "uitgelegd")."""
    low = w.words[j].lower()
    if low in lex.cue_verbs and low.startswith(_PARTICIPLE_PREFIXES):
        return j
    if low == "weten" and j > 0 and w.words[j - 1].lower() == "laten":
        return j - 1
    for verb, parts in lex.particle_verbs.items():
        for part in parts.split():
            rest = low[len(part):]
            if low.startswith(part) and rest.startswith("ge") and rest[2:5] == verb[:3]:
                return j
    return None


def _anaphoric_perfect(w: Words, k: int, lo: int, hi: int, lex: Lexicon,
                       prev: tuple[int, int] | None) -> Hit | None:
    """"Dat heeft het ministerie gisteren bekendgemaakt.", "Dat hebben deskundigen de
    provincie laten weten.", "Dit werd vanochtend bevestigd door de politie.": a fronted
    "Dat"/"Dit" before a perfect or passive of a speech verb takes up the sentence before,
    which is the content; the source is the subject after the auxiliary or the agent."""
    if (lex.lang != "nl" or prev is None or k != lo + 1
            or w.words[lo].lower() not in ("dat", "dit", "zo") or w.words[k].lower() not in _PERFECT_AUX):
        return None
    door = next((j for j in range(k + 1, hi) if w.words[j].lower() == "door"), None)
    end, c = hi, _cue_participle(w, hi - 1, lex)
    if c is None and door is not None and door > k + 1:
        end, c = door, _cue_participle(w, door - 1, lex)  # "… bevestigd door de politie"
    if c is None or c <= k or any(x.lower() in _CLAUSE_OPENERS for x in w.words[k + 1 : c]):
        return None  # "Dat is beter dan werd verwacht": the cue is inside a clause of its own
    m: Mention | None = None
    if door is not None:  # the agent of a passive: "door de politie", "door bekenden"
        m = np_after(w, door + 1, hi if end < hi else c, lex)
        end = hi if end < hi else end
    elif c > k + 1:
        j = k + 1  # "zijn advocaat", "het ministerie van X" up to "gisteren", a comma or the cue
        while j < c and w.words[j] != "," and (w.words[j].lower() not in lex.speaker_stop
                                              or w.words[j].lower() in ("de", "het", "van", "zijn", "haar", "hun")):
            if j > k + 1 and w.words[j].lower() in lex.determiners and w.words[j - 1].lower() not in (
                    _PREPOSITIONS | {"van", "achter", "namens"}):
                break  # "Dat hebben deskundigen de provincie laten weten": the one told
            j += 1
        if k + 1 < j <= k + 1 + MAX_SOURCE_WORDS:
            m = Mention(w.starts[k + 1], w.ends[j - 1], w.text[w.starts[k + 1] : w.ends[j - 1]])
    if m is not None and not (plausible_source(m, lex) or definite(m, lex)
                              or m.text.split()[0].lower() in ("zijn", "haar", "hun")):
        m = None
    if m is None and door is None and w.words[k].lower() not in ("werd", "werden", "wordt",
                                                                "worden", "is", "zijn"):
        return None  # an active perfect names its subject: "Dat heeft geen zin gehad"
    a, b = span(w, w.index_at(prev[0]), w.index_at(prev[1]))
    cue_end = w.ends[c + 1] if w.words[c].lower() == "laten" else w.ends[c]
    return Hit(a, b, w.starts[c], cue_end, c, m)


def speech_sense(w: Words, k: int, hi: int, lex: Lexicon) -> bool:
    """Is the cue verb at k speech, not "meldde zich aan", "stelt de prognose bij"? A
    particle closing the clause (or a reflexive right after the verb) decides."""
    parts = lex.non_speech_particles(w.words[k])
    if not parts:
        return True
    j = k + 1
    while j < hi and w.words[j][0].isalnum() and w.words[j].lower() not in lex.complementizers:
        if w.words[j].lower() == "zich" and j <= k + 3 and "zich" in parts:
            return False
        j += 1
    return not (j > k + 1 and w.words[j - 1].lower() in parts)


def _clause_follows(w: Words, k: int, hi: int, lex: Lexicon) -> bool:
    """A dat/of clause (or a colon) within a few words after a verb of knowing or wanting."""
    for j in range(k + 1, min(hi, k + 6)):
        low = w.words[j].lower()
        if low in ("dat", "of", ":"):
            return True
        if low in (",", ";") or low in lex.cue_verbs:
            return False
    return False


def _pronoun_after(w: Words, k: int, hi: int, lex: Lexicon) -> bool:
    """A subject pronoun right after the finite verb ("Tegen de BBC vertelde hij"): the
    verb is inverted, so the phrase before it is not its subject."""
    j = k + 1
    while j < hi and w.words[j].lower() in lex.after_cue:
        j += 1
    return j < hi and w.words[j].lower() in ("hij", "zij", "ze", "wij", "we")


def _fronted_capital(w: Words, m: Mention, lo: int, lex: Lexicon) -> bool:
    """"Overigens oordeelde …", "Begin 2018 riep …": a sentence-initial phrase whose
    capital is only the sentence's, with no name, role or pronoun in it."""
    if w.index_at(m.start) != lo:
        return False
    words = m.text.split()
    if words[0].lower() in lex.pronouns or words[0].lower() in lex.determiners:
        return False
    if any(lex.role_class(x) or source_type(x, lex.lang) for x in words):
        return False
    caps = w.mid_caps()
    return not any(x in caps for x in words if x[:1].isupper())


def _relative(cx: _Ctx) -> Hit | None:
    """"… burgemeester X, die zegt dat …": the antecedent of the relative pronoun."""
    w, k = cx.w, cx.k
    j = k - 1
    if j - 1 < cx.lo or w.words[j - 1] != ",":
        return None
    m = np_before(w, j - 1, cx.lo, cx.lex)
    if m is None or not plausible_source(m, cx.lex):
        return None
    c = content_start(w, k + 1, cx.hi, cx.lex, cx.cue_end)
    return cx.hit(c, cx.hi, m) if c < cx.hi else None


def _participle(cx: _Ctx) -> Hit | None:
    """"Trump is defending his tweets, saying it shows …": the subject of the sentence."""
    first = subject_np(cx.w, cx.lo, cx.k, cx.lex)
    c = content_start(cx.w, cx.k + 1, cx.hi, cx.lex, cx.cue_end)
    if first is not None and plausible_source(first, cx.lex) and c < cx.hi:
        return cx.hit(c, cx.hi, first)
    return None


def _inserted(cx: _Ctx, comma: int, m: Mention) -> Hit:
    """"…, zegt X." reports the clause before the comma at `comma`; when that is too short
    to be the content and the sentence goes on after the source ("En, zo geeft hij toe,
    van de meeste dossiers weten ze …", "Het leger, zegt X, heeft …"), the cue and source
    are inserted into the report: the content is what follows them."""
    w, hi = cx.w, cx.hi
    before = [x for x in w.words[cx.lo : comma] if x[0].isalnum()]
    j = w.index_at(m.end)
    while j < hi and (w.words[j].lower() in _TRAILING or w.starts[j] in w.light):
        j += 1
    after = [x for x in w.words[j + 1 : hi] if x[0].isalnum()]
    if (len(before) < _MIN_CONTENT_WORDS and j < hi and w.words[j] in ",–—"
            and len(after) >= _MIN_CONTENT_WORDS):
        return cx.hit(j + 1, hi, m)
    return cx.hit(cx.lo, comma, m)


def _after_comma(cx: _Ctx, *, inverts: bool) -> Hit | None:
    """"…, zegt X." (content before the comma, source after the cue), or an appositive
    subject: "Senator X, Democrat of California, said the program …"."""
    w, k, lex = cx.w, cx.k, cx.lex
    m = np_after(w, k + 1, cx.hi, lex)
    if (m is not None and lex.lang == "nl" and w.index_at(m.end) < cx.hi
            and w.words[w.index_at(m.end)].lower() in lex.complementizers):
        # "Half maart, toen …, benadrukte hij dat …": the comma closes a fronted clause
        # and the verb's own complement follows its inverted subject.
        return _v2_fronted(cx)
    if (m is not None and inverts and _ends_clause(w, w.index_at(m.end), cx.hi)
            and not (lex.lang == "en" and _finite_after(w, w.index_at(m.end), cx.hi))):
        if not (plausible_source(m, lex) or definite(m, lex)):
            return None
        return _inserted(cx, k - 1, m)
    first = np_after(w, cx.lo, k, lex)
    c = content_start(w, k + 1, cx.hi, lex, cx.cue_end)
    if first is None or not plausible_source(first, lex) or c >= cx.hi:
        return None
    subj = first
    between = w.words[w.index_at(first.end) + 1 : k - 1]
    if between and len(between) <= 6 and between[0].lower() not in _RELATIVE:
        subj = Mention(first.start, w.ends[k - 2], w.text[first.start : w.ends[k - 2]])
    return cx.hit(c, cx.hi, subj)


_EN_CLAUSE_BREAK = frozenset({",", ";", "who", "which", "where", "when", "while", "after",
                              "before", "because", "as", "that"})


def _finite_after(w: Words, j: int, hi: int) -> bool:
    """English: a finite auxiliary after the noun phrase that follows a cue, in the same
    clause ("…, said the turmoil at the convention was …"): the phrase is the subject of
    the content, not an inverted source."""
    for x in range(j, hi):
        low = w.words[x].lower()
        if low in _EN_CLAUSE_BREAK:
            return False
        if low in AUX:
            return True
    return False


_EN_TOLD = frozenset({"told", "tells"})
_EN_ADDRESSEE_WORDS = 7


def _told_addressee(cx: _Ctx) -> Hit | None:
    """English "<content>, <source> told <addressee>.": only the addressee follows the
    cue, so the content is the clause before the comma that opens the source."""
    w, k, lo, hi, lex = cx.w, cx.k, cx.lo, cx.hi, cx.lex
    rest = [x.lower() for x in w.words[k + 1 : hi]]
    if not rest or len(rest) > _EN_ADDRESSEE_WORDS or any(
            x in AUX or x in lex.complementizers or x in (",", ";", ":") for x in rest):
        return None
    for p in range(lo + 3, k):
        if w.words[p] != ",":
            continue
        end = k - 1 if w.words[k - 1] == "," else k
        if not 1 <= end - (p + 1) <= MAX_SOURCE_WORDS:
            continue
        m = Mention(w.starts[p + 1], w.ends[end - 1], w.text[w.starts[p + 1] : w.ends[end - 1]])
        if plausible_source(m, lex):
            a, b = span(w, lo, p)
            return Hit(a, b, w.starts[k], w.ends[k], k, m)
    return None


def _coordinated(cx: _Ctx) -> Hit | None:
    """"X is tevreden over …, maar wijst erop dat …": the subject of the sentence."""
    first = subject_np(cx.w, cx.lo, cx.k, cx.lex)
    if first is None or not plausible_source(first, cx.lex) or fronted(first, cx.lex):
        return None
    c = content_start(cx.w, cx.k + 1, cx.hi, cx.lex, cx.cue_end)
    return cx.hit(c, cx.hi, first) if c < cx.hi else None


def _v2_fronted(cx: _Ctx) -> Hit | None:
    """Dutch V2 with a fronted phrase: "In zijn brief schrijft X dat …", "Wel vindt X
    dat …", "Tegen Sky News zei hij dat …"; the source follows the verb."""
    w, lex, hi = cx.w, cx.lex, cx.hi
    m = np_after(w, cx.k + 1, hi, lex)
    if m is None or not plausible_source(m, lex):
        return None
    c = content_start(w, w.index_at(m.end), hi, lex, cx.cue_end)
    if c >= hi:
        return None
    introduced = (
        w.words[c - 1].lower() in lex.complementizers or w.words[c - 1] == ":"
        or w.words[c].lower() in lex.complementizers
        or w.words[c].lower() not in _PREPOSITIONS  # not "… in antwoord op …"
    )
    return cx.hit(c, hi, m) if introduced else None


def _subject_first(cx: _Ctx, before: Mention | None) -> Hit | None:
    """"X zegt (dat) …", "X said (that) …"; else the English "…, X said."."""
    w, k, lo, lex = cx.w, cx.k, cx.lo, cx.lex
    if before is None or not (plausible_source(before, lex)
                              or (w.index_at(before.start) == lo and definite(before, lex))):
        return _english_inverted(w, k, lo, cx.hi, lex)
    bi = w.index_at(before.start)
    if (lex.lang == "nl" and bi > lo + 1 and w.words[bi - 1][0].isalnum()
            and w.words[bi - 1].lower() not in _CONJ):
        # Something precedes the subject inside the clause: a fronted phrase in a Dutch
        # V2 sentence, so the word before the verb is not its subject.
        return None
    c = content_start(w, k + 1, cx.hi, lex, cx.cue_end)
    if c >= cx.hi:
        return _english_inverted(w, k, lo, cx.hi, lex)  # "…,” he said."
    return cx.hit(c, cx.hi, before)


def _english_inverted(w: Words, k: int, lo: int, hi: int, lex: Lexicon) -> Hit | None:
    """"…, Caddell said." : a short source between a comma and the cue verb."""
    for c in range(k - 1, max(lo, k - 8), -1):
        if w.words[c] == ",":
            m = np_before(w, k, c + 1, lex)
            if m is None or not plausible_source(m, lex):
                return None
            a, b = span(w, lo, c)
            return Hit(a, b, w.starts[k], w.ends[k], k, m)
    return None


def _particle_end(w: Words, k: int, hi: int, lex: Lexicon) -> int:
    parts = lex.particles(w.words[k])
    for j in range(k + 1, min(hi, k + 10)):
        low = w.words[j].lower()
        if low in parts or (low.startswith("er") and low[2:] in parts):  # "wijst erop dat"
            if j > k + 1 and lex.lang == "nl" and not _particle_closes(w, j, hi, lex):
                break  # "gaf zijn spreektijd aan een andere partij": a preposition
            return w.ends[j]
    return w.ends[k]


# What may follow a separable particle that closes the middle field ("gaf aan dat",
# "legt uit: …", "geeft hij aan."): general Dutch.
_AFTER_PARTICLE = frozenset({"om", "te", "hoe", "wat", "wie", "waarom", "waar", "wanneer",
                             "welke", "of"})


def _particle_closes(w: Words, j: int, hi: int, lex: Lexicon) -> bool:
    """Does the particle at j close the verb's middle field (content or the sentence end
    after it), or is it a preposition before a noun phrase ("sprak ze … uit haar regering")?
    A noun phrase may still come first when a complement follows later ("gaf opdracht aan
    het ministerie om …")."""
    if j + 1 >= hi or not w.words[j + 1][0].isalnum():
        return True
    rest = [x.lower() for x in w.words[j + 1 : hi]]
    return rest[0] in _AFTER_PARTICLE or any(
        x in lex.complementizers or x in ("om", "te") for x in rest)


def _ends_clause(w: Words, j: int, hi: int) -> bool:
    """Does the sentence (or clause) end at token j, after a source noun phrase?"""
    while j < hi and (w.words[j].lower() in _TRAILING or w.starts[j] in w.light):
        if w.words[j].lower() in _TRAILING_STARTS and j + 1 < hi and w.words[j + 1][0].isalnum():
            return True  # "…, vertelt ze aan de telefoon": a phrase, not a particle
        j += 1
    if (j < hi and w.words[j].lower() in ("de", "het") and hi - j <= _ADDRESSEE_WORDS
            and all(x[0].isalnum() for x in w.words[j:hi])):
        return True  # "…, vertelde Ross de rechter.": the addressee closes the sentence
    if j < hi and w.words[j] in "\"“„'‘" and not w.words[j - 1][:1].isupper():
        return False  # "… said North Korea's latest “provocation …”": content goes on
    return j >= hi or not w.words[j][0].isalnum() or w.words[j].lower() in _TRAILING_STARTS


def speech_events(
    w: Words, s: int, e: int, lex: Lexicon, *, used: set[int]
) -> list[tuple[int, Mention]]:
    """Cues with a source but no content ("Kamervoorzitter X reageerde ook."): a
    quotation that follows belongs to that source."""
    lo, hi = w.index_at(s), w.index_at(e)
    while hi > lo and w.words[hi - 1] in ".!?:":
        hi -= 1
    out = []
    for k in range(lo, hi):
        low = w.words[k].lower()
        if k in used or (low not in lex.cue_verbs and low not in lex.particle_verbs):
            continue
        rest = [x for x in w.words[k + 1 : hi] if x.lower() not in lex.after_cue]
        if len(rest) > 2:
            continue
        m = np_before(w, k, lo, lex)
        if m is not None and plausible_source(m, lex) and not fronted(m, lex):
            out.append((w.starts[k], m))
    return out


# Reportative modals: "Hij zou zich agressief opstellen" after a reported quote passes on
# what the source said, not what the writer asserts (general Dutch).
_REPORTATIVE = frozenset({"zou", "zouden"})


def carried_on(w: Words, sents: list[tuple[int, int]], reported: list[tuple[int, int]],
               taken: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int, int]]:
    """Sentences that carry a reported quote on without a cue of their own: right after a
    sentence whose reported content runs to its end, with a reportative "zou(den)" and no
    quote of their own (`taken`: every quote found). Returns (start, end, index in
    `reported` of the quote carried on); a carried sentence carries on in turn."""
    if lex.lang != "nl":
        return []
    out: list[tuple[int, int, int]] = []
    ends = [(b, i) for i, (_, b) in enumerate(reported)]  # (content end, quote carried)
    for n in range(1, len(sents)):
        (ps, pe), (s, e) = sents[n - 1], sents[n]
        last = ps + len(w.text[ps:pe].rstrip(" .!?\n\"'”’"))
        src = next((i for b, i in ends if last - 2 <= b <= pe + 1), None)
        if src is None:
            continue
        if any(a < e and s < b for a, b in taken) or "?" in w.text[s:e]:
            continue
        lo, hi = w.index_at(s), w.index_at(e)
        if not any(x.lower() in _REPORTATIVE for x in w.words[lo:hi]):
            continue
        if lo < hi and w.words[lo].lower() in ("ik", "we", "wij"):
            continue
        b = s + len(w.text[s:e].rstrip(" .!;:\n"))
        out.append((s, b, src))
        ends.append((b, src))
    return out
