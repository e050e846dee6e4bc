"""The bundled gazetteer (real SQLite file), its keys, and `kroniek gazetteer` on a real
HTTP server on 127.0.0.1 serving a GeoNames zip built from the shared NL.txt."""

from __future__ import annotations

import functools
import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DATA, require
from kroniek.cli import app
from kroniek.gazetteer import (
    SqliteGazetteer,
    fold,
    load_gazetteer,
    phonetic_key,
    phonetic_keys,
)

RUNNER = CliRunner()
NL_TXT = DATA / "gazetteer" / "NL.txt"
# A bridge in NL.txt: the bundled index holds the Dutch dump without its buildings.
BRIDGE = "Zwormertorenbrug"


def _found(name: str) -> set[tuple[str, str]]:
    return {(c.name, c.country_code) for c in load_gazetteer().lookup(name)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Koersk", ("Kursk", "RU")), ("Курск", ("Kursk", "RU")), ("Kiev", ("Kyiv", "UA")),
     ("Київ", ("Kyiv", "UA")), ("Moskou", ("Moscow", "RU")), ("Oekraïne", ("Ukraine", "UA")),
     ("Rusland", ("Russia", "RU")), ("Charkiv", ("Kharkiv", "UA")),
     ("Den Haag", ("The Hague", "NL")), ("OEKRAINE", ("Ukraine", "UA"))],
)  # fmt: skip
def test_exonyms_and_scripts(query: str, expected: tuple[str, str]) -> None:
    assert expected in _found(query)


@pytest.mark.parametrize(
    "variants",
    [("Popovka", "Popivka", "Поповка"), ("Demidovka", "Demydivka", "Демидовка"),
     ("Kyiv", "Kiev", "Київ"), ("Koersk", "Kursk", "Курск"), ("Charkov", "Kharkov", "Харьков")],
)  # fmt: skip
def test_transliteration_variants_share_a_key(variants: tuple[str, ...]) -> None:
    # "ch" is read both ways (English /tʃ/, Dutch/German /x/); one reading must agree.
    ref = phonetic_key(fold(variants[1]))
    assert all(ref in phonetic_keys(fold(v)) for v in variants)


def test_fold_removes_case_diacritics_and_script() -> None:
    assert fold("Oekraïne") == "oekraine"
    assert fold("Біла Церква") == "bila tserkva"


def test_regions_and_countries_are_places() -> None:
    gaz = load_gazetteer()
    codes = {c.feature_code for c in gaz.lookup("Belgorod")}
    assert {"ADM1", "PPLA"} <= codes
    oblast = next(c for c in gaz.lookup("Belgorod") if c.feature_code == "ADM1")
    assert 49 < oblast.lat < 52 and 35 < oblast.lon < 40
    ru = gaz.country("RU")
    assert ru is not None and ru.feature_code == "PCLI"
    cap = gaz.capital("UA")
    assert cap is not None and cap.name == "Kyiv"


def test_large_countries_and_regions_are_centred_on_their_land() -> None:
    """Centres from outlines, not from where people live: Russia's lies in Siberia, the
    United States' in the plains (not pulled by Alaska), Ontario's north of Lake Superior."""
    gaz = load_gazetteer()
    ru, us, ca = gaz.country("RU"), gaz.country("US"), gaz.country("CA")
    assert ru is not None and 55 < ru.lat < 65 and 85 < ru.lon < 110
    assert us is not None and 35 < us.lat < 43 and -105 < us.lon < -92
    assert ca is not None and ca.lat > 55
    ontario = gaz.admin1("CA", "08")
    assert ontario is not None and ontario.lat > 48


def test_entries_carry_their_own_points() -> None:
    """GeoNames' own points where a file has them (the Netherlands and its provinces from
    NL.txt), continents at GeoNames' points, oceans and seas from the fixed table."""
    gaz = load_gazetteer()
    nl = gaz.country("NL")
    assert nl is not None and (nl.lat, nl.lon) == (52.25, 5.75)
    holland = gaz.admin1("NL", "11")  # Zuid-Holland
    assert holland is not None and (holland.lat, holland.lon) == (52.0, 4.66667)
    europe = next(c for c in gaz.lookup("Europe") if c.feature_code == "CONT")
    assert (europe.geonameid, europe.lat, europe.lon) == (6255148, 48.69096, 9.14062)
    atlantic = [c for c in gaz.lookup("Atlantic Ocean") if c.feature_code == "OCN"]
    assert atlantic and atlantic[0].geonameid == 3411923 and atlantic[0].feature_class == "H"


def test_the_full_dutch_dump_and_the_non_place_names() -> None:
    gaz = load_gazetteer()
    twente = [c for c in gaz.lookup("Twente", variants=False) if c.country_code == "NL"]
    assert twente and twente[0].feature_code == "AREA"
    assert gaz.non_place("Ajax") == "org" and gaz.non_place("Obama") == "per"
    assert gaz.non_place("Handen") == "word-nl"
    assert gaz.non_place("Amsterdam") is None and gaz.non_place("Somalia") is None
    hague = gaz.seat_of_government("NL")
    assert hague is not None and hague.name == "The Hague"


def test_region_groups_and_short_country_names() -> None:
    darfur = [c for c in load_gazetteer().lookup("Darfur", variants=False) if c.country_code == "SD"]
    assert darfur and darfur[0].feature_class == "A" and darfur[0].geonameid < 0
    assert {"CD", "CG"} <= {cc for _n, cc in _found("Congo")}
    assert ("Sumatra", "ID") in _found("Sumatra")


def test_only_words_that_begin_a_longer_name_start_one() -> None:
    gaz = load_gazetteer()
    assert gaz.may_start_name("New") and gaz.may_start_name("Den")  # New York, Den Haag
    assert gaz.may_start_name("São")  # folded: "sao paulo"
    assert not gaz.may_start_name("Koersk") and not gaz.may_start_name("Zwxyq")


def test_gazetteer_memory_stays_small() -> None:
    # Measured in a fresh process: the test process holds models loaded by other tests.
    import json
    import subprocess
    import sys

    code = ("import json; from kroniek.gazetteer import gazetteer_memory; "
            "print(json.dumps(gazetteer_memory()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300).stdout
    memory = json.loads(out)
    assert memory["after_mb"] < 500  # the target: gazetteer resident memory <= 500 MB
    assert memory["files_mb"] > 1  # the bundled index was really opened


def test_missing_file_is_a_resource_error(tmp_path: Path) -> None:
    from kroniek.errors import ResourceError

    with pytest.raises(ResourceError, match="missing"):
        SqliteGazetteer([tmp_path / "nope.sqlite"])


# -- the CLI -----------------------------------------------------------------------------


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("KRONIEK_DATA_DIR", str(tmp_path / "userdata"))
    load_gazetteer.cache_clear()
    yield tmp_path / "userdata"
    load_gazetteer.cache_clear()


@pytest.fixture(scope="module")
def nl_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GeoNames country zip like https://download.geonames.org/export/dump/NL.zip."""
    folder = tmp_path_factory.mktemp("dump")
    lines = require(NL_TXT).read_text(encoding="utf-8").splitlines(keepends=True)[:3000]
    with zipfile.ZipFile(folder / "NL.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("NL.txt", "".join(lines))
        zf.writestr("readme.txt", "GeoNames readme")
    return folder / "NL.zip"


@pytest.fixture(scope="module")
def server(nl_zip: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(nl_zip.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_add_merges_a_country_dump(data_dir: Path, nl_zip: Path) -> None:
    assert not load_gazetteer().lookup(BRIDGE)
    result = RUNNER.invoke(app, ["gazetteer", "add", str(nl_zip)])
    assert result.exit_code == 0, result.output
    assert (data_dir / "gazetteer" / "overlay.sqlite").exists()
    load_gazetteer.cache_clear()
    found = load_gazetteer().lookup(BRIDGE)
    assert found and found[0].country_code == "NL" and found[0].feature_code == "BDG"


def test_download_from_a_real_server(data_dir: Path, server: str) -> None:
    result = RUNNER.invoke(app, ["gazetteer", "download", "nl", "--base-url", server])
    assert result.exit_code == 0, result.output
    assert "NL:" in result.output
    load_gazetteer.cache_clear()
    assert load_gazetteer().lookup(BRIDGE)


def test_download_of_a_missing_dump_says_so(data_dir: Path, server: str) -> None:
    result = RUNNER.invoke(app, ["gazetteer", "download", "XX", "--base-url", server])
    assert result.exit_code != 0
    assert "HTTP 404" in str(result.exception)


def test_bad_files_name_file_and_line(data_dir: Path, tmp_path: Path) -> None:
    from kroniek.errors import InputError, RecordError

    bad = tmp_path / "bad.txt"
    bad.write_text(NL_TXT.read_text(encoding="utf-8").splitlines()[0] + "\nonly\ttwo\n")
    result = RUNNER.invoke(app, ["gazetteer", "add", str(bad)])
    assert isinstance(result.exception, RecordError)
    assert "bad.txt, line 2" in str(result.exception)
    assert "19 tab-separated" in str(result.exception)
    fake = tmp_path / "fake.zip"
    fake.write_text("not a zip")
    result = RUNNER.invoke(app, ["gazetteer", "add", str(fake)])
    assert isinstance(result.exception, InputError)
    assert "fake.zip: not a zip file" in str(result.exception)


def test_lookup_prints_candidates(data_dir: Path) -> None:
    result = RUNNER.invoke(app, ["gazetteer", "lookup", "Koersk"])
    assert result.exit_code == 0
    assert "Kursk" in result.output and "RU" in result.output
