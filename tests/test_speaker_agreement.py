"""Speaker-ranker candidates and features that read the whole document (#14): the
document's speakers wherever they are named, gender and role nouns that agree with the
pronoun or role noun at the cue."""

from __future__ import annotations

import pytest

from kroniek.doc import Doc
from kroniek.models.speaker_ranker import FEATURES, Candidate, candidates_for
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.phrases import DepIndex, lexicon
from kroniek.stages.quotes import find_quotes
from kroniek.stages.speakers import Resolver


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "quotes", "claims", "events"))


def _last_list(nlp: Pipeline, text: str) -> dict[str, Candidate]:
    doc = nlp(Doc(text=text, lang="nl"))
    quotes = find_quotes(doc, speakers="rules")
    assert quotes, "the rules found no quote"
    cands = candidates_for(doc, quotes, Resolver(doc, lexicon("nl")), DepIndex(doc))
    last = max(range(len(quotes)), key=lambda i: quotes[i].start)
    return {c.name: c for c in cands[last]}


def _f(c: Candidate, name: str) -> float:
    return c.features[FEATURES.index(name)]


GENDER = (
    "Burgemeester Karel Jansen opende dinsdag de vergadering over de nieuwe brug. "
    "Hij sprak kort. Woordvoerster Anna Bakker kwam later binnen. Zij had haast. "
    "Daarna las Karel Jansen een brief voor. "
    "„We gaan hoe dan ook door met de bouw”, zegt zij."
)


def test_a_female_pronoun_agrees_with_the_woman_and_clashes_with_the_man(nlp: Pipeline) -> None:
    cands = _last_list(nlp, GENDER)
    assert {"Anna Bakker", "Karel Jansen"} <= set(cands)
    assert _f(cands["Anna Bakker"], "gender_agree") == 1.0
    assert _f(cands["Anna Bakker"], "gender_clash") == 0.0
    assert _f(cands["Karel Jansen"], "gender_clash") == 1.0
    assert _f(cands["Karel Jansen"], "gender_agree") == 0.0


def test_a_role_noun_at_the_cue_matches_the_person_introduced_with_it(nlp: Pipeline) -> None:
    cands = _last_list(nlp, (
        "Wethouder Piet de Boer presenteerde maandag het plan voor de haven. "
        "Minister Karel Jansen was er ook bij en stelde vragen over het geld. "
        "„Dit plan is goed voor de hele stad”, zegt de wethouder."))
    assert _f(cands["Piet de Boer"], "role_match") == 1.0
    assert _f(cands["Karel Jansen"], "role_match") == 0.0


def test_the_documents_speakers_are_candidates_far_from_their_quotes(nlp: Pipeline) -> None:
    text = ("„Wij houden de stad”, zegt commandant Pieter de Vries. " + " ".join(
        f"Op dag {k} viel er opnieuw regen in het noorden van het land." for k in range(8))
        + " „Niemand gaat hier weg.”")
    cands = _last_list(nlp, text)
    far = cands.get("Pieter de Vries")
    assert far is not None, sorted(cands)
    assert far.sources & {"doc", "prev"}
