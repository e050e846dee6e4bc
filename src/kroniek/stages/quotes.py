"""Stage `kroniek.quotes.v1`: direct, indirect and mixed quotes with their speakers.

Order of steps:

1. Direct quotes: `scan_quotes` (`kroniek.stages.marks`) pairs quotation marks of every
   common style, with nesting, and quotes that run on over paragraphs; such a quote is
   split again into one quote per paragraph with the same speaker. A quote's span is the
   quoted words, without marks.
2. A quoted fragment inside a sentence ("heeft „bepaalde stappen” ondernomen") is part of
   a mixed quote when the sentence is reported speech; otherwise it belongs to the last
   speaker when one spoke in the sentence before, and is dropped as a scare quote if not.
3. Each direct quote finds its cue and speaker: after it ("…', zegt X." / "…,” X said"),
   before it ("X: „…”", "X zegt: „…”"), or, for a quote that stands alone, the speaker
   of a quote in the sentence before, else the person that sentence is about, else the
   nearest attribution in the two sentences before it, else the next attributed quote
   or the article's main speaker. In an interview layout (questions answered by
   quotations without a cue) the answers are the interviewee's.
4. Indirect speech, sentence by sentence: "volgens X", "…, aldus X", "…, zegt X",
   "X zegt (dat) …", "laat X weten", "Dat …, verwacht X niet", "according to X",
   "X said (that) …", "…, X said".
5. Pull quotes and captions repeating a body quote get `repeats` = that quote's id
   (`kroniek.stages.pullquotes`).

Nested quotes: the outer quote covers the nested words too (it is all the outer
speaker's speech). The nested quote is a separate direct `Quote` whose span lies inside
the outer one; its speaker is whoever the outer speaker says is speaking ("Zelensky kan
zeggen: „…”"), or unknown. Containment is what marks it as nested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kroniek.doc import Block, Cue, Doc, Quote, Speaker
from kroniek.models.cue_tagger import CueJudge, get_tagger, resolve_cues
from kroniek.models.speaker_ranker import rerank_speakers, resolve_speakers
from kroniek.pipeline import register_stage
from kroniek.stages.clauses import ParsedClauses
from kroniek.stages.direct_cues import cue_after, cue_before, has_name_or_role
from kroniek.stages.indirect import (
    Hit,
    carried_on,
    plausible_source,
    speech_events,
)
from kroniek.stages.marks import (
    PAIRS,
    RawQuote,
    is_fragment,
    normalize_marks,
    scan_quotes,
    split_at_quotes,
    word_before,
)
from kroniek.stages.nominal_cues import written_cue
from kroniek.stages.phrases import (
    DepIndex,
    Lexicon,
    Mention,
    Words,
    lexicon,
)
from kroniek.stages.pullquotes import mark_repeats
from kroniek.stages.speakers import Resolver

__all__ = ["QuotesStage", "RawQuote", "find_quotes", "normalize_marks", "scan_quotes"]

# "PENCE: Well, look …", "Pence: Flowers Won't Be at Debate": a short name, a colon.
_TRANSCRIPT = re.compile(
    r"(?P<who>[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){0,3})(?P<colon>:)[ \t]+(?P<said>\S)"
)
# What opens a clause content rather than a noun phrase (`_Finder._weak_object`).
_CLAUSE_OPENERS = frozenset({"dat", "of", "om", "hoe", "wat", "waarom", "wie", "waar",
                             "wanneer", "welke"})
# The tagger's reject threshold for a verb cue with a bare noun-phrase content: chosen from
# {0.2, 0.3} out of fold (cue-tagger card, ninth round).
_OBJECT_REJECT = 0.2
_PREPOSITIONS = frozenset({"in", "op", "bij", "na", "tegen", "voor", "met", "over", "tot",
                           "via", "door", "vanuit", "tijdens", "sinds", "uit", "naar", "aan",
                           "namens", "zoals", "als", "dan", "om", "onder", "tussen", "achter"})
_NAME_AT = re.compile(r"[A-ZÀ-Þ][\w'’-]*(?:\s+(?:(?:van|de|der|den|ter|von)\s+)*[A-ZÀ-Þ][\w'’-]*)*")
# Words opening a subordinate clause: a cue after one reports inside the first content.
_SUBORDINATE = frozenset({"die", "dat", "wat", "wie", "waar", "waarin", "waarop", "waarmee",
                          "omdat", "doordat", "zodat", "als", "terwijl", "toen", "nadat",
                          "hoewel", "zoals", "of", "wanneer", "indien", "voordat"})
_SUBORDINATE_EN = frozenset({"who", "which", "that", "because", "while", "when", "although",
                             "though", "if", "since", "after", "before", "where", "as"})
# An English headline's source before its colon: a name with a title at most ("Dr. Ben Carson").
_HEADLINE_SOURCE_WORDS = 4
_FIRST_PERSON = frozenset({"ik", "we", "wij", "je", "jij", "u", "jullie", "i", "you"})
# A shorter first content is no report of its own: the cut is not made.
_MIN_CUT_CHARS = 8
# Words an English title leaves in lower case ("Super Lives of the Super Rich").
_TITLE_SMALL = frozenset("a an and as at but by for from in into nor of on or the to with".split())


def _is_title(text: str) -> bool:
    """Is `text` (a quotation's inside) an English title: at most six words, each
    capitalised but the small ones, no question or exclamation?"""
    words = text.strip().rstrip(".,").split()
    if not words or len(words) > 6 or text.rstrip()[-1:] in "!?":
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or (i and w in _TITLE_SMALL)
               for i, w in enumerate(words))
# How far (in sentences) an unattributed quote may take the speaker of an earlier
# attribution. Two sentences covers "X zegt dat …. „…”" and "„…”, zegt X. „…”".
_CARRY_SENTENCES = 2


@dataclass(slots=True)
class _Found:
    quote: Quote
    cue_token: int | None = None  # index in Words of the cue, to avoid reusing it


def find_quotes(doc: Doc, *, speakers: str | None = None, cues: str | None = None
                ) -> list[Quote]:
    """All quotes of the document, in text order, with ids q1, q2, ...; `speakers`
    chooses how speakers are picked ("rules", "learned" or "hybrid", see
    `kroniek.models.speaker_ranker.resolve_speakers`), `cues` how indirect cues are
    judged ("rules": the lexicon; "learned": the lexicon's cues checked by the cue tagger,
    see `kroniek.models.cue_tagger.resolve_cues`)."""
    return _Finder(doc, speakers=resolve_speakers(speakers), cues=resolve_cues(cues)).run()


class _Finder:
    def __init__(self, doc: Doc, *, speakers: str = "rules", cues: str = "rules") -> None:
        self.doc = doc
        self.speakers = speakers
        self.cues = cues
        self.judge: CueJudge | None = None  # made once the direct quotes are known
        self.nested: set[int] = set()  # id() of nested quotes
        self.clauses: ParsedClauses | None = None
        self.text = doc.text
        self.lex: Lexicon = lexicon(doc.lang)
        self.w = Words.of(normalize_marks(doc.text))
        self.w.verbs = frozenset(t.start for t in doc.tokens if t.upos in ("VERB", "AUX")
                                 and t.dep not in ("amod", "acl", "nmod", "obl", "nsubj", "obj"))
        self.w.light = frozenset(
            t.start for t in doc.tokens if t.head >= 0 and doc.tokens[t.head].upos in ("VERB", "AUX")
            and t.dep.split(":")[0] in ("advmod", "compound", "expl", "obl")
            and t.upos in ("ADV", "ADP", "PRON", "ADJ") and not doc.tokens[t.head].dep.startswith("acl"))
        self.pending: list[tuple[int, Speaker]] = []  # "X reageerde ook." then „…”
        self.resolver = Resolver(doc, self.lex)
        self.deps = DepIndex(doc)
        self.blocks = doc.blocks or [Block(0, len(doc.text))]
        self.sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        self.found: list[_Found] = []
        self.used_cues: set[int] = set()

    def run(self) -> list[Quote]:
        body = [b for b in self.blocks if b.kind == "body"]
        raws = scan_quotes(self.text, body)
        self.sents = split_at_quotes(self.text, self.sents, raws)
        outer = [r for r in raws if r.depth == 0 and r.end - r.start >= 2]
        fragments = [r for r in outer if is_fragment(self.text, r)]
        utterances = [r for r in outer if r not in fragments]
        # Direct quotes and sentences in text order, so that a quote without a cue can
        # take the speaker of the attribution just before it.
        events: list[tuple[int, int, RawQuote | None, tuple[int, int]]] = [
            (r.open, 1, r, (r.start, r.end)) for r in utterances
        ]
        events += [(s0, 0, None, (s0, e0)) for s0, e0 in self.sents]
        events.sort(key=lambda t: (t[0], t[1]))
        direct_spans = [(r.open, r.close + 1) for r in utterances]
        tagger = get_tagger(self.doc.lang or "") if self.cues == "learned" else None
        if tagger is not None and (self.deps.active or not tagger.needs_parse):
            self.judge = CueJudge(tagger, self.doc, self.deps, self.lex, direct_spans)
        for _, _, raw, (s0, e0) in events:
            if raw is not None:
                self._direct(raw)
            elif self._in_body(s0):
                self._indirect(s0, e0, direct_spans, fragments)
                self._reported_clauses(s0, e0, direct_spans)
        self._carried_on(direct_spans)
        if self.lex.lang == "en":
            self._headline_colon()
        self._transcripts(raws)
        self._interview()
        self._unattributed()
        for r in fragments:
            self._fragment(r)
        for r in raws:
            if r.depth > 0:
                self._nested(r)
        for f in self.found:
            sp = f.quote.speaker
            if sp is not None and sp.name:
                sp.name = self.resolver.tidy_name(sp.name)
        if self.speakers != "rules":
            rerank_speakers(self.doc, [f.quote for f in self.found if id(f.quote) not in self.nested],
                            self.resolver, self.deps, keep_settled=self.speakers == "hybrid")
        quotes = sorted((f.quote for f in self.found), key=lambda q: (q.start, -q.end))
        for i, q in enumerate(quotes, start=1):
            q.id = f"q{i}"
        mark_repeats(self.text, self.blocks, quotes)
        return quotes

    # -- helpers -------------------------------------------------------------------------

    def _rejected(self, cue_start: int) -> bool:
        """Does the cue tagger judge the rules' cue at `cue_start` not to be one here?"""
        return self.judge is not None and self.judge.rejected(cue_start)

    def _in_body(self, offset: int) -> bool:
        b = self.doc.block_at(offset)
        return b is None or b.kind == "body"

    def _sentence(self, offset: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= offset < e:
                return s, e
        return offset, offset

    def _speaker(self, m: Mention) -> Speaker:
        return self.resolver.speaker(m)

    def _parsed_subject(self, cue: Cue) -> Mention | None:
        """With a trained parser, the subject of the cue verb. Used when the surface
        patterns found no speaker: on the Dutch gold set, preferring the parse over the
        patterns lowered speaker accuracy (0.906 -> 0.883 with the 2026-11-25 model)."""
        if cue.text == ":" or cue.text.split()[0].lower() in self.lex.according_first:
            return None
        subj = self.deps.subject(cue.start)
        return subj if subj is not None and plausible_source(subj, self.lex) else None

    def _add(self, q: Quote, cue_token: int | None) -> None:
        self.found.append(_Found(q, cue_token))
        if cue_token is not None:
            self.used_cues.add(cue_token)

    def _cue(self, i: int) -> Cue:
        return Cue(self.w.starts[i], self.w.ends[i], self.w.words[i])

    def _last_speaker(self, before: int) -> Speaker | None:
        sents_back = [s for s in self.sents if s[0] < before]
        if not sents_back:
            return None
        limit = sents_back[-min(len(sents_back), _CARRY_SENTENCES + 1)][0]
        prior = [f for f in self.found if limit <= f.quote.start < before or
                 (f.quote.cue and limit <= f.quote.cue.start < before)]
        prior = [f for f in prior if f.quote.speaker and f.quote.speaker.name]
        cands = [(f.quote.end, f.quote.speaker) for f in prior]
        cands += [(pos, sp) for pos, sp in self.pending if limit <= pos < before]
        if not cands:
            return None
        return max(cands, key=lambda c: c[0])[1]

    def _previous_sentence(self, before: int) -> tuple[int, int] | None:
        prev = [x for x in self.sents if x[1] <= before + 1 and x[0] < before]
        return prev[-1] if prev else None

    def _previous_speaker(self, before: int) -> Speaker | None:
        """The speaker of a quote in the sentence just before a quotation without a cue
        ("…, zegt X. „…”", "Volgens X is … . „…”")."""
        prev = self._previous_sentence(before)
        if prev is None:
            return None
        cands = [f.quote for f in self.found if f.quote.speaker and f.quote.speaker.name
                 and prev[0] <= max(f.quote.start, f.quote.cue.start if f.quote.cue else 0)
                 < before]
        return max(cands, key=lambda q: q.end).speaker if cands else None

    def _previous_subject(self, before: int) -> Speaker | None:
        """The person the sentence before a quotation without a cue is about: its first
        name or subject pronoun that is not inside a prepositional phrase ("Atasoy ziet
        de brieven als …. „…”", "… keert hij terug. „…”")."""
        prev = self._previous_sentence(before)
        if prev is None:
            return None
        w, lex = self.w, self.lex
        lo, hi = w.index_at(prev[0]), w.index_at(min(prev[1], before))
        caps = w.mid_caps()
        quoted = [(f.quote.start, f.quote.end) for f in self.found if f.quote.kind == "direct"]
        for k in range(lo, hi):
            word = w.words[k]
            if any(a <= w.starts[k] < b for a, b in quoted):
                continue
            prev_word = w.words[k - 1].lower() if k > lo else ""
            if prev_word in _PREPOSITIONS or prev_word in ("'s", "van"):
                continue
            if word.lower() in ("hij", "zij", "ze") and k > lo:
                return self._speaker(Mention(w.starts[k], w.ends[k], word))
            if word[:1].isupper() and (k > lo or word in caps) and word.lower() not in (
                    lex.pronouns) and not self.lex.role_class(word):
                m = _NAME_AT.match(w.text, w.starts[k])
                if m is None:
                    continue
                person = self.resolver.person_named(m.group(), w.starts[k])
                if person is not None:
                    return Speaker(name=person, entity=self.resolver.entity_id(person))
        return None

    def _introduced(self, before: int) -> Speaker | None:
        """A person named in the sentence just before a quotation that has no cue
        ("Directeur X van Y is gerustgesteld. „…”")."""
        prev = [s for s in self.sents if s[1] <= before]
        if not prev:
            return None
        person = self.resolver.person_before(before, after=prev[-1][0] - 1)
        if person is None:
            return None
        return Speaker(name=person[1], entity=None)

    # -- direct quotes -------------------------------------------------------------------

    def _direct(self, r: RawQuote) -> None:
        text = self.text
        q = Quote(id="", start=r.start, end=r.end, text=text[r.start : r.end], kind="direct")
        trimmed = q.text.rstrip(" ,")
        q.end = q.start + len(trimmed)
        q.text = trimmed
        block = self.doc.block_at(r.open)
        if block is not None and block.kind != "body":
            return
        found = (cue_after(self.w, self.lex, r, self._sentence(r.close)[1])
                 or cue_before(self.w, self.lex, r, self._sentence(r.open)[0]))
        if found is not None:
            cue_i, mention, particle = found
            q.cue = self._cue(cue_i)
            if particle is not None:
                q.cue = Cue(q.cue.start, self.w.ends[particle], text[q.cue.start : self.w.ends[particle]])
            mention = mention or self._parsed_subject(q.cue)
            q.speaker = self._speaker(mention) if mention else self._last_speaker(r.open)
            q.confidence = 0.9 if mention else 0.6
            self._add_paragraphs(q, cue_i)
            return
        if self.lex.lang == "en" and word_before(text, r) and _is_title(q.text):
            return  # 'hosted "Good Morning America."': a title inside a sentence, no quotation
        sp = (self._previous_speaker(r.open) or self._previous_subject(r.open)
              or self._last_speaker(r.open) or self._introduced(r.open))
        if sp is not None:
            q.speaker = Speaker(entity=sp.entity, name=sp.name, descriptor=sp.descriptor)
            q.confidence = 0.7
        else:
            q.confidence = 0.4
        self._add_paragraphs(q, None)

    def _add_paragraphs(self, q: Quote, cue_token: int | None) -> None:
        """A quotation over several paragraphs (an opening mark on each, one closing mark)
        is one quote per paragraph, all with the same speaker; the cue stays with the part
        it is written next to."""
        cuts = [b.end for b in self.blocks if q.start < b.end < q.end]
        if not cuts:
            self._add(q, cue_token)
            return
        parts: list[tuple[int, int]] = []
        start = q.start
        for c in cuts:
            parts.append((start, c))
            nxt = next((b.start for b in self.blocks if b.start >= c), q.end)
            start = nxt + 1 if nxt < q.end and self.text[nxt] in PAIRS else nxt
            if self.text[nxt : nxt + 2] == ",,":
                start = nxt + 2
        parts.append((start, q.end))
        cue_at = q.cue.start if q.cue is not None else q.start
        keep = min(range(len(parts)), key=lambda i: min(abs(parts[i][0] - cue_at),
                                                       abs(parts[i][1] - cue_at)))
        for i, (a, b) in enumerate(parts):
            text = self.text[a:b]
            a += len(text) - len(text.lstrip())
            b = a + len(self.text[a:b].rstrip(" ,\n"))
            if b <= a:
                continue
            sp = q.speaker
            part = Quote(id="", start=a, end=b, text=self.text[a:b], kind="direct",
                         cue=q.cue if i == keep else None, confidence=q.confidence,
                         speaker=Speaker(entity=sp.entity, name=sp.name, descriptor=sp.descriptor,
                                         start=sp.start, end=sp.end) if sp else None)
            self._add(part, cue_token if i == keep else None)

    def _transcripts(self, raws: list[RawQuote]) -> None:
        """Paragraphs of the form "SPEAKER: words" (interview transcripts, "Name: claim"
        headlines) without quotation marks: the rest of the paragraph is the speaker's."""
        for b in self.blocks:
            if b.kind not in ("body", "heading"):
                continue
            m = _TRANSCRIPT.match(self.text, b.start, b.end)
            if m is None or any(b.start <= r.open < b.end for r in raws):
                continue
            if any(f.quote.start < b.end and b.start < f.quote.end for f in self.found):
                continue
            who = Mention(m.start("who"), m.end("who"), m.group("who"))
            if not (has_name_or_role(who, self.lex) or who.text.isupper()
                    or self.lex.lang == "en"):
                continue
            if self.lex.lang == "en" and not self._english_transcript(who, m.start("said"), b.end):
                continue
            q = Quote(id="", start=m.start("said"), end=b.end, text=self.text[m.start("said"):b.end],
                      kind="indirect", confidence=0.6,
                      cue=Cue(m.start("colon"), m.end("colon"), ":"))
            q.speaker = self._speaker(Mention(who.start, who.end, who.text.title()
                                              if who.text.isupper() else who.text))
            q.speaker.start, q.speaker.end = who.start, who.end
            self._add(q, None)

    def _english_transcript(self, who: Mention, a: int, b: int) -> bool:
        """Is an English "Who: words" paragraph someone's words? Not when the words hold no
        letter (a tally, "Clinton: 547.") nor when "who" opens with a determiner and holds
        no name the recogniser found (a series label, "The Latest: ...")."""
        if not any(ch.isalpha() for ch in self.text[a:b]):
            return False
        first = who.text.split()[0].lower()
        return first not in self.lex.determiners or any(
            x.start < who.end and who.start < x.end for x in self.doc.entities)

    def _unattributed(self) -> None:
        """Quotations still without a speaker: the speaker of the next attributed quote
        within two sentences ("„…” „…”, zegt X"), else the article's main speaker when
        one has at least half of the attributed quotes."""
        found = sorted((f.quote for f in self.found), key=lambda q: q.start)
        named = [q for q in found if q.speaker is not None and q.speaker.name]
        counts: dict[str, int] = {}
        for name in (q.speaker.name for q in named if q.speaker is not None and q.speaker.name):
            counts[name] = counts.get(name, 0) + 1
        main = max(counts, key=lambda n: counts[n]) if counts else None
        if main is not None and counts[main] * 2 < len(named):
            main = None
        for q in found:
            if q.kind != "direct" or (q.speaker is not None and q.speaker.name):
                continue
            until = self._sentence_after(q.end, 2)
            nxt = next((o for o in named if q.end <= o.start < until and o.cue is not None), None)
            sp = nxt.speaker if nxt is not None else None
            if sp is None and main is not None:
                sp = Speaker(name=main, entity=self.resolver.entity_id(main))
            if sp is not None:
                q.speaker = Speaker(entity=sp.entity, name=sp.name, descriptor=sp.descriptor)

    def _sentence_after(self, pos: int, n: int) -> int:
        """End of the n-th sentence after the one at `pos`."""
        later = [e for s, e in self.sents if e > pos]
        return later[min(n, len(later) - 1)] if later else len(self.text)

    def _after_question(self, q: Quote) -> bool:
        """Does the text between the previous quotation (or the paragraph start) and this
        one end with a question ("… Krijgt u weleens bizarre verzoeken? ,,Dat valt …")?"""
        before = self.text[max(0, q.start - 300) : q.start].rstrip(" „“\"'‘,\n")
        return before.endswith("?") and not before.endswith(("?'", '?"', "?”", "?’"))

    def _interview(self) -> None:
        """Interview layout: the journalist's questions, each answered by a quotation with
        no cue. When two or more quotations answer a question, every quotation without a
        cue that answers one, or has no speaker, is the interviewee's: the speaker most
        often quoted directly with a cue, else the person named most often (first named
        on a tie)."""
        direct = [f.quote for f in self.found if f.quote.kind == "direct" and f.quote.cue is None]
        answers = [q for q in direct if self._after_question(q)]
        if len(answers) < 2:
            return
        counts: dict[str, int] = {}
        for f in self.found:
            sp = f.quote.speaker
            if sp is not None and sp.name and f.quote.cue is not None and f.quote.kind == "direct":
                counts[sp.name] = counts.get(sp.name, 0) + 1
        persons = self.resolver.persons()
        if not counts and not persons:
            return
        if not counts:
            counts = {p: 0 for p in persons}
            for _, p, _, _ in self.resolver.person_mentions():
                counts[p] += 1
        name = max(counts, key=lambda n: counts[n])
        for q in direct:
            if q in answers or q.speaker is None or not q.speaker.name:
                q.speaker = Speaker(name=name, entity=self.resolver.entity_id(name))

    # -- nested and fragment quotes ------------------------------------------------------

    def _nested(self, r: RawQuote) -> None:
        q = Quote(id="", start=r.start, end=r.end, text=self.text[r.start : r.end],
                  kind="direct", confidence=0.5)
        found = cue_before(self.w, self.lex, r, self._sentence(r.open)[0])
        if found is not None:
            cue_i, mention, _ = found
            q.cue = self._cue(cue_i)
            if mention is not None:
                q.speaker = self._speaker(mention)
        self.nested.add(id(q))
        self._add(q, None)

    def _fragment(self, r: RawQuote) -> None:
        s, e = self._sentence(r.open)
        for f in self.found:
            if f.quote.start <= r.open and r.close <= f.quote.end:
                if f.quote.kind == "indirect":
                    f.quote.kind = "mixed"
                return
        inner = self.text[r.start : r.end].strip()
        if inner[:1].isupper() and word_before(self.text, r):
            return  # "de expo 'Contemporary Muslim Fashions' opende": a name or a title
        for f in self.found:
            if f.quote.kind == "indirect" and s <= f.quote.start < e:
                # "X is tevreden over de 'term', maar wijst erop dat …": one mixed quote.
                f.quote.kind = "mixed"
                f.quote.start = min(f.quote.start, r.open)
                f.quote.text = self.text[f.quote.start : f.quote.end]
                return
        if self._after_preposition(r):
            return  # "reageert niet op 'geruchten'", "zitten vast in 'kooien'": a term
        sp = self._last_speaker(r.open)
        if sp is None:
            return
        # The mixed quote is the sentence that carries the fragment.
        s, e = self._sentence(r.open)
        s, e = (s, e) if e > s else (r.start, r.end)
        if any(f.quote.start < e and s < f.quote.end for f in self.found):
            return  # the sentence already holds a quote (a heading glued to a direct one)
        while e > s and self.text[e - 1] in ".!? ":
            e -= 1
        q = Quote(id="", start=s, end=e, text=self.text[s:e], kind="mixed", confidence=0.5,
                  speaker=Speaker(entity=sp.entity, name=sp.name, descriptor=sp.descriptor))
        self._add(q, None)

    def _after_preposition(self, r: RawQuote) -> bool:
        """Is the fragment the object of the preposition right before its opening mark? A
        quoted phrase there names or distances a term; it reports no words of a speaker's."""
        before = self.text[max(0, r.open - 12) : r.open].split()
        return self.lex.lang == "nl" and bool(before) and before[-1].lower() in _PREPOSITIONS | {"van"}

    # -- indirect speech -----------------------------------------------------------------

    def _indirect(
        self, s: int, e: int, direct: list[tuple[int, int]], fragments: list[RawQuote]
    ) -> None:
        from kroniek.stages.indirect import find_indirect

        prev = [x for x in self.sents if x[1] <= s]
        hits = find_indirect(self.w, s, e, self.lex, direct=direct, used=self.used_cues,
                             prev_sentence=prev[-1] if prev else None)
        if self.lex.lang == "en" and self.judge is not None:
            # A cue the tagger rejects hides the cues inside its content ("X leads Y by
            # 271 pledged delegates according to a count by …"): read the sentence again
            # without it.
            skip = set(self.used_cues)
            for _ in range(3):
                rejected = {h.cue_token for h in hits if self._rejected(h.cue_start)
                            and h.cue_token not in skip and not (
                                h.mention is None
                                and h.cue_text(self.text).lower() in self.lex.impersonal)}
                if not rejected:
                    break
                skip |= rejected
                hits = find_indirect(self.w, s, e, self.lex, direct=direct, used=skip,
                                     prev_sentence=prev[-1] if prev else None)
        for pos, mention in speech_events(self.w, s, e, self.lex, used=self.used_cues):
            self.pending.append((pos, self._speaker(mention)))
        for hit in hits:
            if self._rejected(hit.cue_start) and not (
                    hit.mention is None and hit.cue_text(self.text).lower() in self.lex.impersonal
            ) and not self._takes_up_previous(hit, s) and not written_cue(hit.cue_text(self.text)):
                continue  # impersonal passives ("Gevreesd wordt dat") are rare in its data
            if self._weak_object(hit):
                continue  # "toen eiste het OM nog een schuldigverklaring", "stelt … extra eisen"
            if self.lex.lang == "en" and self.deps.active:  # English: the parse bounds the content
                span = self._parsed_clauses().complement_span(hit.cue_start, e)
                passive = self._parsed_clauses().passive(hit.cue_start, e)
                if passive is not None:  # "The plan was rejected by X": the subject, by X
                    hit.start, hit.end, hit.mention = passive.start, passive.end, passive.mention
                elif span is not None and span[0] < hit.end and hit.start < span[1]:
                    hit.start, hit.end = span
                elif span is not None and span[1] <= hit.start and (
                        self._parsed_clauses().second_report(hit.cue_start)):
                    hit.start, hit.end = span  # "said X and told Y that Z": Z is told's
                elif span is None:
                    hit.end = self._parsed_clauses().coordination_cut(hit.cue_start, hit.start, hit.end)
                if passive is None and self._parsed_clauses().adjunct(hit.cue_start, hit.start):
                    continue  # "spoke at a rally", "reported from Los Angeles": no content
            if self.deps.active:
                self._cut_runon(hit, s, e)
            q = Quote(id="", start=hit.start, end=hit.end, text=self.text[hit.start : hit.end],
                      kind="indirect", confidence=0.7)
            q.cue = Cue(hit.cue_start, hit.cue_end, self.text[hit.cue_start : hit.cue_end])
            if hit.mention is not None:
                q.speaker = self._speaker(hit.mention)
            if any(hit.start <= f.open and f.close <= hit.end for f in fragments):
                q.kind = "mixed"
            self._add(q, hit.cue_token)

    def _weak_object(self, hit: Hit) -> bool:
        """A Dutch verb cue whose content is a bare noun phrase after it (no dat/of/om
        clause, te-infinitive, question word or colon) needs more of the cue tagger than
        the reject threshold: such a verb is far more often not speech ("schreef ze als
        freelancer voor …", "stelt … extra eisen") than with a clause."""
        if self.lex.lang != "nl" or self.judge is None or hit.start < hit.cue_end:
            return False
        k = self.deps.at.get(hit.cue_start)
        if k is None or self.doc.tokens[k].upos not in ("VERB", "AUX"):
            return False
        between = self.text[hit.cue_end : hit.start].lower().split()
        first = self.text[hit.start : hit.end].lower().split()[:1]
        if ":" in self.text[hit.cue_end : hit.start] or any(
                x in _CLAUSE_OPENERS for x in between + first) or re.search(
                r"\bte\b", self.text[hit.start : hit.end].lower()):
            return False
        return self.judge.rejected(hit.cue_start, at=_OBJECT_REJECT)

    def _takes_up_previous(self, hit: Hit, s: int) -> bool:
        """A cue whose content is the sentence before its own ("Dat heeft X gisteren
        bekendgemaakt.", "Dat maakte X bekend."): such cues are rare in the tagger's data,
        so it does not judge them; but not with a first person as source ("Dat vinden we
        niet leuk") or a verb of knowing ("Zo weten we …")."""
        if self.lex.lang != "nl" or hit.end > s or (
                hit.mention is not None and hit.mention.text.lower() in _FIRST_PERSON):
            return False  # English: the tagger judges every cue, as before
        return hit.cue_text(self.text).lower() not in self.lex.clause_verbs

    def _cut_runon(self, hit: Hit, s: int, e: int) -> None:
        """A content that runs over the next main clause with a cue of its own ("Hoewel X
        liet weten dat …, twitterde hij dat …", "…, herhaalde X dat …") ends at the comma
        before that clause; the parsed-clause reader then reports the second one."""
        inner = [h for h in self._parsed_clauses().in_sentence(s, e)
                 if hit.start < h.cue_start < hit.end and not h.start <= hit.cue_start < h.end]
        if not inner:
            return
        comma = self.text.rfind(",", hit.start, inner[0].cue_start)
        if self.lex.lang == "en":  # "says X and calls Y …", "… but Z told …": before its source
            m = inner[0].mention
            lim = m.start if m is not None and m.start > hit.start else inner[0].cue_start
            comma = max(self.text.rfind(c, hit.start, lim) for c in (",", " and ", " but "))
            before = self.text[hit.start : inner[0].cue_start].rstrip()
            if before.endswith((" and", " but")):  # "said she … and predicted that …"
                comma = max(comma, hit.start + len(before) - 4)
        subordinate = _SUBORDINATE_EN if self.lex.lang == "en" else _SUBORDINATE
        if comma < 0 or any(x.lower().strip("'\"") in subordinate
                            for x in self.text[comma + 1 : inner[0].cue_start].split()):
            return  # "…, die altijd hebben beweerd dat …", "…, omdat ze hopen dat …"
        cut = hit.start + len(self.text[hit.start : comma].rstrip(" ,;:-"))
        if cut - hit.start >= _MIN_CUT_CHARS:
            hit.end = cut

    def _headline_colon(self) -> None:
        """English headlines "Name: what they said" ("Kasich: We Are Going All The Way"):
        a person named just before the colon of the text's first line is the source of
        the rest of the line (PolNeAR annotates the colon as the cue)."""
        line = self.text.split("\n", 1)[0]
        colon = line.find(": ")
        if colon < 0 or len(line[:colon].split()) > _HEADLINE_SOURCE_WORDS:
            return
        person = next((x for x in self.doc.entities if x.label == "PER" and x.end == colon), None)
        a = colon + 2
        a += len(line[a:]) - len(line[a:].lstrip(" \"'‘“"))
        b = a + len(line[a:].rstrip(" .;"))
        if person is None or b - a < _MIN_CUT_CHARS or any(
                f.quote.start < b and a < f.quote.end for f in self.found):
            return
        q = Quote(id="", start=a, end=b, text=self.text[a:b], kind="indirect", confidence=0.5,
                  cue=Cue(colon, colon + 1, ":"))
        q.speaker = self._speaker(Mention(person.start, person.end, person.text))
        self._add(q, None)

    def _carried_on(self, direct: list[tuple[int, int]]) -> None:
        """Sentences carrying a reported quote on (`kroniek.stages.indirect.carried_on`):
        indirect quotes without a cue, with the speaker of the quote they carry on."""
        reported = [f.quote for f in self.found if f.quote.kind in ("indirect", "mixed")]
        taken = [(f.quote.start, f.quote.end) for f in self.found] + direct
        body = [x for x in self.sents if self._in_body(x[0])]
        for s, e, i in carried_on(self.w, body, [(q.start, q.end) for q in reported], taken,
                                  self.lex):
            sp = reported[i].speaker
            q = Quote(id="", start=s, end=e, text=self.text[s:e], kind="indirect",
                      confidence=0.5, speaker=replace(sp) if sp is not None else None)
            self._add(q, None)

    def _parsed_clauses(self) -> ParsedClauses:
        if self.clauses is None:
            learned = self.judge.accepted() if self.judge is not None else frozenset()
            self.clauses = ParsedClauses(self.doc, self.deps, self.lex, learned)
        return self.clauses

    def _reported_clauses(self, s: int, e: int, direct: list[tuple[int, int]]) -> None:
        """Reported dat/of clauses from the parse (`kroniek.stages.clauses`) where the
        surface patterns found nothing."""
        for hit in self._parsed_clauses().in_sentence(s, e):
            cue_i = self.w.index_at(hit.cue_start)
            if cue_i in self.used_cues or any(
                    f.quote.start < hit.end and hit.start < f.quote.end for f in self.found) or any(
                    o < hit.end and hit.start < c for o, c in direct) or self._rejected(hit.cue_start):
                continue
            q = Quote(id="", start=hit.start, end=hit.end, text=self.text[hit.start : hit.end],
                      kind="indirect", confidence=0.6,
                      cue=Cue(hit.cue_start, hit.cue_end, self.text[hit.cue_start : hit.cue_end]))
            if hit.mention is not None:
                q.speaker = self._speaker(hit.mention)
            self._add(q, cue_i)

@register_stage("kroniek.quotes.v1")
class QuotesStage:
    """`speakers`: "rules", "learned" or "hybrid" (None: $KRONIEK_SPEAKERS, else the
    default of `kroniek.models.speaker_ranker`); `cues`: "rules" or "learned" (None:
    $KRONIEK_CUES, else `kroniek.models.cue_tagger.DEFAULT_CUES`)."""

    requires = ("blocks",)
    assigns = ("quotes",)

    def __init__(self, speakers: str | None = None, cues: str | None = None) -> None:
        self.speakers = None if speakers is None else resolve_speakers(speakers)
        self.cues = None if cues is None else resolve_cues(cues)

    def __call__(self, doc: Doc) -> Doc:
        doc.quotes = find_quotes(doc, speakers=self.speakers, cues=self.cues)
        return doc
