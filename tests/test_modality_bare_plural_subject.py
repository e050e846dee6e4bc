"""A bare plural subject of a passive verb in an undated sentence with no number tells a kind
of thing that happens (issue #13): "dat abortusklinieken zijn beschoten" is not one incident."""

import kroniek


def _mod(text: str, trigger: str) -> str:
    doc = kroniek.analyze(text, lang="nl")
    return next(e.modality for e in doc.events if e.trigger.text == trigger)


def test_bare_plural_subject_is_generic() -> None:
    text = ("In de VS lopen de gemoederen zo hoog op dat abortusklinieken zijn beschoten "
            "en artsen bedreigd. Zover mag het hier nooit komen.")
    assert _mod(text, "beschoten") == "habitual"


def test_determined_subject_stays_an_incident() -> None:
    text = "In Rotterdam zijn gisteren twee agenten aangevallen door een groep jongeren."
    assert _mod(text, "aangevallen") == "asserted"
