"""A name glued to the same word ("Vader Mehmet Mehmet", a subheading before the name) is
no full form of that name (`kroniek.stages.names.Names`)."""

from __future__ import annotations

from kroniek.doc import Doc
from kroniek.pipeline import build_pipeline
from kroniek.stages.phrases import lexicon
from kroniek.stages.speakers import Resolver

TEXT = (
    "De verdachte is maandag opgepakt. Vader Ahmet Ahmet, de vader van de verdachte, heeft "
    "gereageerd. „Ik weet niet wat ik moet zeggen”, aldus Ahmet."
)


def test_a_first_name_does_not_find_itself_repeated() -> None:
    pipe = build_pipeline(disable=("times", "places", "quotes", "claims", "events"))
    resolver = Resolver(pipe(Doc(text=TEXT, lang="nl")), lexicon("nl"))
    assert resolver.full_name("Ahmet") == "Ahmet"
    assert resolver.tidy_name("Ahmet Ahmet") == "Ahmet"
