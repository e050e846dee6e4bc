"""Source types of claims: one list (`kroniek.doc.SOURCE_TYPES`) that the schema, the API,
the CLI and the exports share, and the types for private persons, civil society and
business (#14)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from kroniek.doc import SOURCE_TYPES, Claim, Doc
from kroniek.pipeline import Pipeline, build_pipeline
from kroniek.stages.claims import source_for_phrase


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return build_pipeline(disable=("times", "places", "events"))


def claims(nlp: Pipeline, text: str) -> list[Claim]:
    return nlp(Doc(text=text, lang="nl")).claims


def test_the_schema_lists_the_source_types_of_the_doc_model() -> None:
    schema = json.loads(resources.files("kroniek.schema").joinpath(
        "kroniek-1.schema.json").read_text(encoding="utf-8"))
    enums = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "unknown" in node.get("enum", []) and "official" in node.get("enum", []):
                enums.append(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert enums == [list(SOURCE_TYPES)]
    assert {"civilian", "civil_society", "business", "unknown"} <= set(SOURCE_TYPES)


def test_the_api_filter_offers_every_source_type(tmp_path: Path) -> None:
    from kroniek.serve.app import create_app

    spec = create_app(tmp_path / "k.sqlite").openapi()
    found = []
    for path in ("/api/v1/claims", "/api/v1/events"):
        for param in spec["paths"][path]["get"]["parameters"]:
            if param["name"] == "source_type":
                schema = param["schema"]
                options = schema.get("anyOf", [schema])
                found.append(next(o["enum"] for o in options if "enum" in o))
    assert found == [list(SOURCE_TYPES)] * 2


def test_the_cli_filters_claims_on_a_new_source_type(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kroniek.cli import main
    from kroniek.store import open_store
    from kroniek_docs import make_doc

    path = tmp_path / "k.sqlite"
    with open_store(path) as store:
        store.add(make_doc(source_type="civilian"), content_hash="h1")
        store.add(make_doc(place="Sumy", source_type="official"), content_hash="h2")

    def run(*args: str) -> tuple[int, str, str]:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("claims", "--db", str(path), "-f", "json", "--source-type", "civilian")
    assert code == 0 and [c["source_type"] for c in json.loads(out)] == ["civilian"]
    code, _, err = run("claims", "--db", str(path), "--source-type", "civil")
    assert code == 2 and "civilian" in err


@pytest.mark.parametrize(
    ("phrase", "stype"),
    [
        ("buurtbewoner Piet", "civilian"),
        ("de omwonenden", "civilian"),
        ("nabestaanden", "civilian"),
        ("vakbond FNV", "civil_society"),
        ("Amnesty International", "civil_society"),
        ("hulporganisatie Artsen zonder Grenzen", "civil_society"),
        ("PSV-verdediger", "civil_society"),
        ("KLM-topman", "business"),
        ("de supermarktketen", "unknown"),  # "keten" alone says nothing
        ("zakenvrouw", "business"),  # not a private person, though "vrouw" ends it
        ("golfster", "civil_society"),
        ("penningmeester", "civil_society"),
        ("dierenopvang", "civil_society"),
        ("melkveefokker", "business"),
        ("monteur", "civilian"),
        ("softwareontwikkelaar", "unknown"),  # a job, not a company speaking
        ("de brancheorganisatie", "business"),
        ("terreurorganisatie IS", "party_to_conflict"),
        ("politietopman", "official"),  # the compound's organisation, not "topman"
        ("burgemeester", "official"),
        ("NS-woordvoerder", "business"),  # a spokesperson speaks for the organisation
        ("woordvoerder van de politie", "official"),
        # an organisation's name after "van de" is no surname (fails before: "de
        # Stichting" was read as "Jan de Boer")
        ("voorzitter van de Stichting Zorg Anders", "civil_society"),
        ("adjunct-directeur van Tuinbranche Nederland", "business"),
        ("Jan de Stichting", "unknown"),  # after a first name it is a surname
        ("stadsdeelvoorzitter", "official"),
        ("kinderombudsvrouw", "official"),  # fails before: civilian, from "vrouw"
    ],
)
def test_private_persons_civil_society_and_business_are_typed(phrase: str, stype: str) -> None:
    assert source_for_phrase(phrase, lang="nl")[0] == stype


def test_a_person_introduced_with_age_and_home_town_is_a_civilian(nlp: Pipeline) -> None:
    text = ("„Ik schrok me rot toen het raam sprong”, zegt Jan de Vries (34) uit Tilburg. "
            "„Het was net een bom”, vertelt De Vries.")
    cs = claims(nlp, text)
    assert cs and all(c.source.type == "civilian" for c in cs)


def test_a_person_with_nothing_said_about_them_stays_unknown(nlp: Pipeline) -> None:
    # "Burger" is his name, not a citizen; "nabestaanden van" is about someone else.
    text = ("De nabestaanden van Henriquez waren in de zaal. „Dit is geen oplossing”, zegt "
            "Klaas Burger.")
    cs = claims(nlp, text)
    assert cs and all(c.source.type == "unknown" for c in cs)


def test_a_role_next_to_the_name_outweighs_a_civilian_word_nearby(nlp: Pipeline) -> None:
    text = ("De bewoners zijn boos. „We doen wat we kunnen”, zegt burgemeester Femke "
            "Halsema. „Het kost tijd”, aldus Halsema.")
    cs = claims(nlp, text)
    assert cs and all(c.source.type == "official" for c in cs)


def test_a_claim_naming_the_incident_is_linked_to_its_event(nlp: Pipeline) -> None:
    from kroniek.doc import Cue, Event
    from kroniek.stages.claims import link_events

    text = ("Bij een aanslag op een tram in Utrecht zijn gisteren drie mensen gedood. "
            "De stad is stil. Het weer is goed. "
            "„Wij zijn diep geschokt door de terreuraanslag”, zegt burgemeester Jan van Zanen. "
            "„De stad gaat morgen weer open”, zegt Van Zanen.")
    doc = nlp(Doc(text=text, lang="nl"))
    at = text.index("aanslag")
    doc.events = [Event(id="ev1", type="Violence against civilians", sub_type="Attack",
                        plover="ASSAULT", trigger=Cue(at, at + len("aanslag"), "aanslag"))]
    assert link_events(doc) == 1
    geschokt = next(c for c in doc.claims if "geschokt" in text[c.start:c.end])
    other = next(c for c in doc.claims if "morgen" in text[c.start:c.end])
    assert geschokt.events == ["ev1"] and doc.events[0].claims == [geschokt.id]
    assert other.events == []


def test_a_role_given_with_a_copula_types_the_speaker(nlp: Pipeline) -> None:
    text = ("Edith Morsink is woordvoerder van de gemeente Utrecht. „De tram rijdt morgen "
            "weer”, zegt Morsink. Kees Bakker is een fan van de tram. „Ik mis hem”, zegt Bakker.")
    cs = claims(nlp, text)
    types = {c.source.name: c.source.type for c in cs}
    assert types.get("Edith Morsink") == "official"
    assert types.get("Kees Bakker") != "civilian"  # a predicate judges: not read for it


def test_a_head_of_an_organisation_takes_the_organisations_type(nlp: Pipeline) -> None:
    # "directeur" next to the name types nothing by itself; the bank he heads does
    # (fails before: the near-name rule read only "directeur" and left him unknown).
    text = ("De bank groeide snel. Het succes van de bank maakte van directeur Jan Smit een "
            "rijk man. „Wij groeien nog elk jaar”, zegt Smit.")
    cs = [c for c in claims(nlp, text) if c.source.name and "Smit" in c.source.name]
    assert cs and all(c.source.type == "business" for c in cs)


def test_a_lawyer_speaks_for_the_client_not_as_an_expert(nlp: Pipeline) -> None:
    # fails before: "advocaat" was an expert's role
    assert source_for_phrase("zijn advocaat", lang="nl")[0] == "unknown"
    assert source_for_phrase("advocaat van de familie", lang="nl")[0] == "civilian"
    text = ("De man ontkent alles. „Mijn cliënt was die avond thuis”, zegt advocaat Peter "
            "Smit (foto). „Hij heeft getuigen”, aldus Smit.")
    cs = [c for c in claims(nlp, text) if c.source.name and "Smit" in c.source.name]
    assert cs and all(c.source.type == "unknown" for c in cs)


def test_two_people_introduced_together_share_the_introduction(nlp: Pipeline) -> None:
    # "buurtbewoners Ans en Kees Jansen": the noun introduces both names (fails before:
    # the word next to "Kees" was "en", which types nothing)
    text = ("In de straat wonen buurtbewoners Ans en Kees Jansen al veertig jaar. „We "
            "horen elke nacht de vrachtwagens”, zegt Kees Jansen.")
    cs = [c for c in claims(nlp, text) if c.source.name and "Kees" in c.source.name]
    assert cs and all(c.source.type == "civilian" for c in cs)


def test_a_head_of_an_organisation_not_named_takes_the_kind_the_text_around_says(
        nlp: Pipeline) -> None:
    # "directeur Smit" with no organisation in the introduction: the nouns around his
    # mentions say a school (civil society) or a company (fails before: unknown).
    school = ("De school in Almelo krijgt een nieuw gebouw. De leerlingen en leraren "
              "verhuizen in mei. „Het oude gebouw lekt”, zegt directeur Jan Smit.")
    firm = ("Het bedrijf in Almelo groeit. De omzet van de onderneming steeg vorig jaar "
            "en de klanten komen terug. „Het gaat goed”, zegt directeur Jan Smit.")
    mixed = ("De school en het bedrijf werken samen. „Het gaat goed”, zegt directeur Jan "
             "Smit.")
    for text, stype in ((school, "civil_society"), (firm, "business"), (mixed, "unknown")):
        cs = [c for c in claims(nlp, text) if c.source.name and "Smit" in c.source.name]
        assert cs and all(c.source.type == stype for c in cs), (text, cs)


def test_a_reader_signing_with_a_home_town_is_a_civilian() -> None:
    # a letter to the editor signed "name, town." (the town a place of the gazetteer);
    # fails before: unknown. A signature that is no place types nothing.
    nlp = build_pipeline(disable=("times", "events"))
    text = ("Het nieuwe plan deugt niet. „Niemand heeft ons iets gevraagd”, zegt Sander de "
            "Kramer. Ik hoop dat de raad zich bedenkt. Sander de Kramer, Rotterdam.\n\n"
            "Het plan is goed. „Eindelijk gebeurt er iets”, zegt Piet Bakker. Piet Bakker, "
            "Bakkerij.")
    types = {c.source.name: c.source.type for c in nlp(Doc(text=text, lang="nl")).claims}
    assert types.get("Sander de Kramer") == "civilian"
    assert types.get("Piet Bakker") == "unknown"


def test_a_person_of_an_organisation_takes_the_kind_the_text_around_says(
        nlp: Pipeline) -> None:
    # "Jan Smit van <organisation>": he speaks for it, and the nouns around say a school
    # (fails before: unknown); without the organisation he speaks for himself (unknown).
    text = ("De school krijgt meer leerlingen. „Wij hebben meer lokalen nodig”, zegt Jan "
            "Smit van Onderwijsgroep Noord.")
    alone = "De school krijgt meer leerlingen. „Wij hebben meer lokalen nodig”, zegt Jan Smit."
    for t, stype in ((text, "civil_society"), (alone, "unknown")):
        cs = [c for c in claims(nlp, t) if c.source.name and "Smit" in c.source.name]
        assert cs and all(c.source.type == stype for c in cs), (t, cs)


def test_a_person_affiliated_after_a_participle_takes_the_organisations_type(
        nlp: Pipeline) -> None:
    # "X, verbonden aan <organisatie>": the organisation types the person (fails before:
    # the apposition opens with a participle and was not read).
    text = ("De peilingen lopen uiteen. „De kiezer twijfelt nog”, zegt Jan Smit, verbonden "
            "aan de Universiteit Utrecht.")
    cs = [c for c in claims(nlp, text) if c.source.name and "Smit" in c.source.name]
    assert cs and all(c.source.type == "expert" for c in cs), cs
