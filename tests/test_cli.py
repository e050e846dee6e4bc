"""The `kroniek` command: help for every command, one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from kroniek.cli import app


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None,
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kroniek", *args], input=stdin.decode() if stdin else None,
        capture_output=True, text=True, cwd=cwd, timeout=600,
    )


def _all_commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    out: list[list[str]] = []

    def walk(cmd: object, path: list[str]) -> None:
        sub = getattr(cmd, "commands", None)
        if sub is not None:
            for name, child in sub.items():
                walk(child, [*path, name])
        else:
            out.append(path)

    walk(root, [])
    return out


def test_every_command_has_help_with_an_example() -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    commands = _all_commands()
    assert ["analyze"] in commands and ["ingest"] in commands
    for path in commands:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example" in result.output, f"kroniek {' '.join(path)} --help has no example"


def test_analyze_reference_article_to_json(reference_path: Path, validate: object) -> None:
    result = run("analyze", str(reference_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate(data)  # type: ignore[operator]
    assert data["published"] == {"value": "2025-04", "precision": "month"}


def test_analyze_from_stdin() -> None:
    result = run("analyze", "-", "--format", "json",
                 stdin=b" date 2025-03-02 Het leger beschoot zondag de stad.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["published"]["precision"] == "day"
    assert data["text"].startswith("Het leger")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty.txt: empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.jpg: binary data"),
        ("latin1.txt", "Gevechten in Charkiv, één dode".encode("latin-1"),
         "latin1.txt: not valid UTF-8"),
        ("bad-date.txt", b" date 2025-31-01 Tekst van het artikel.",
         "bad-date.txt, line 1: unknown date '2025-31-01'"),
        ("broken.jsonl", b"{\"text\": \"ok\"\n", "broken.jsonl, line 1: not JSON"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path: Path, name: str, content: bytes,
                                        expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_fifty_megabyte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"Oorlog en vrede. " * (50 * 1024 * 1024 // 17 + 1))
    result = run("analyze", str(path))
    assert result.returncode == 2
    assert "huge.txt: 52.4 MB is over the 10 MB limit" in result.stderr
    assert "hint:" in result.stderr


def test_missing_file_and_usage_errors(tmp_path: Path) -> None:
    result = run("analyze", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "nope.txt: no such file" in result.stderr
    result = run("analyze", "x.txt", "--format", "yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr


# -- the commands that read the store ---------------------------------------------------


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kroniek.store import open_store
    from kroniek_docs import sample_docs

    path = tmp_path_factory.mktemp("cli") / "k.sqlite"
    with open_store(path) as store:
        for i, doc in enumerate(sample_docs()):
            store.add(doc, content_hash=f"h{i}")
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`kroniek ARGS` in this process, through the same error translation as the script."""
    from kroniek.cli import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.strip() == f"kroniek {version('kroniek')}"
    code, out, _ = cli(capsys, "events", "-h")
    assert code == 0 and "--place" in out and "Example" in out


def test_unknown_store_is_an_error_unless_create(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite"
    code, out, err = cli(capsys, "events", "--db", str(missing))
    assert code == 4 and out == "" and not missing.exists()
    assert err.startswith(f"Error: --db: no store at {missing}") and "--create" in err
    code, out, err = cli(capsys, "events", "--db", str(missing), "--create")
    assert code == 0 and missing.exists() and "no events match" in err


@pytest.mark.parametrize(("args", "expected"), [
    (["--type", "batles"], "--type: unknown event type 'batles' (hint: nearest: Battles"),
    (["--since", "2019-13-45"], "--since: not a date: '2019-13-45'"),
    (["--until", "2019-02-30"], "--until: not a date"),
    (["--actor", "Napoleon"], "--actor: no actor in the store matches 'Napoleon'"),
    (["--modality", "maybe"], "--modality: unknown value 'maybe'"),
    (["--country", "Utrecht"], "--country: not a country: 'Utrecht'"),
    (["--place", "Xqzzyville"], "--place: no place called 'Xqzzyville'"),
])
def test_bad_filters_are_errors_with_the_nearest_values(
        capsys: pytest.CaptureFixture[str], store_path: Path, args: list[str],
        expected: str) -> None:
    code, out, err = cli(capsys, "events", "--db", str(store_path), *args)
    assert code == 2 and out == ""
    assert err.startswith("Error: ") and expected in err and len(err.splitlines()) == 1


def test_type_in_any_case_and_place_in_any_language(capsys: pytest.CaptureFixture[str],
                                                    store_path: Path) -> None:
    db = ["--db", str(store_path), "--format", "json"]
    code, out, _ = cli(capsys, "events", *db, "--type", "battles")
    assert code == 0 and [e["location"] for e in json.loads(out)] == ["Sumy"]
    seen = []
    for name in ("Oekraïne", "Ukraine", "Україна", "UA"):
        code, out, _ = cli(capsys, "events", *db, "--place", name, "--reports")
        assert code == 0, name
        seen.append(sorted(e["location"] for e in json.loads(out)))
    assert seen[0] == seen[1] == seen[2] == seen[3] == ["Koersk", "Kozatsje", "Sumy"]
    code, out, _ = cli(capsys, "events", *db, "--side", "Oekraïne", "--reports")
    assert sorted(e["location"] for e in json.loads(out)) == ["Koersk", "Kozatsje", "Sumy"]


def test_speaker_spelling_variants(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    for spelling in ("Smirnov", "Smirnow", "smyrnov", "Ivan Smirnov"):
        code, out, err = cli(capsys, "quotes", "--db", str(store_path), "-f", "json",
                             "--speaker", spelling)
        assert code == 0, err
        assert [q["speaker"] for q in json.loads(out)] == ["Ivan Smirnov"], spelling


@pytest.mark.parametrize("query", ["Zelenski", "Zelensky", "Zelenskyy", "zelenskij",
                                   "Volodymyr Zelensky", "Zelen"])
def test_names_match_across_spellings(query: str) -> None:
    from kroniek.filters import match_names

    names = ["Volodymyr Zelensky", "Petro Poroshenko", "Zelenograd Council", "Yulia Tymoshenko"]
    assert match_names(query, names)[:1] == ["Volodymyr Zelensky"]
    assert "Petro Poroshenko" not in match_names(query, names)


def test_actor_exonyms() -> None:
    from kroniek.filters import match_names

    names = ["Military Forces of Ukraine", "Military Forces of Russia", "Civilians (Ukraine)"]
    assert match_names("Oekraïne", names) == ["Military Forces of Ukraine", "Civilians (Ukraine)"]
    assert match_names("Україна", names) == match_names("Ukraine", names)


def test_json_is_one_array_jsonl_one_object_a_line_csv_the_same_fields(
        capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    import csv
    import io

    db = ["--db", str(store_path)]
    for command in ("events", "incidents", "claims", "quotes", "articles", "places"):
        code, out, err = cli(capsys, command, *db, "--format", "json")
        assert code == 0, (command, err)
        array = json.loads(out)
        assert isinstance(array, list) and array, command
        assert "of" in err or str(len(array)) in err
        code, out, _ = cli(capsys, command, *db, "--format", "jsonl")
        lines = [json.loads(line) for line in out.splitlines()]
        assert lines == array, command
        code, out, _ = cli(capsys, command, *db, "--format", "csv")
        reader = csv.DictReader(io.StringIO(out))
        assert reader.fieldnames == list(array[0]), command
        assert len(list(reader)) == len(array)


def test_pandas_reads_json(capsys: pytest.CaptureFixture[str], store_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    code, out, _ = cli(capsys, "quotes", "--db", str(store_path), "--format", "json")
    frame = pd.read_json(io_string(out))
    assert len(frame) == 3 and "speaker" in frame.columns


def io_string(text: str) -> object:
    import io

    return io.StringIO(text)


def test_claims_and_parquet(capsys: pytest.CaptureFixture[str], store_path: Path,
                            tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    db = ["--db", str(store_path)]
    code, out, _ = cli(capsys, "claims", *db, "-f", "json", "--source-type", "official")
    claims = json.loads(out)
    assert [c["source"] for c in claims] == ["het Oekraïense leger"]
    assert claims[0]["text"].startswith("Bij een drone-aanval op Sumy")
    assert claims[0]["events"] == [f"{claims[0]['article_id']}:ev1"]
    code, _, err = cli(capsys, "claims", *db, "--source-type", "oficial")
    assert code == 2 and "nearest: official" in err
    target = tmp_path / "claims.parquet"
    code, _, err = cli(capsys, "claims", *db, "-f", "parquet", "-o", str(target))
    assert code == 0 and pq.read_table(target).num_rows == 3
    code, _, err = cli(capsys, "claims", *db, "-f", "parquet")
    assert code == 2 and "needs a file" in err


def test_quotes_and_claims_filters(capsys: pytest.CaptureFixture[str],
                                   store_path: Path) -> None:
    db = ["--db", str(store_path)]
    code, out, _ = cli(capsys, "quotes", *db, "-f", "json")
    every = json.loads(out)
    code, out, _ = cli(capsys, "quotes", *db, "-f", "json", "--kind", "Direct")
    assert code == 0 and json.loads(out) == [q for q in every if q["kind"] == "direct"]
    code, out, _ = cli(capsys, "quotes", *db, "-f", "json", "--kind", "indirect")
    assert code == 0 and json.loads(out) == [q for q in every if q["kind"] == "indirect"]
    code, _, err = cli(capsys, "quotes", *db, "--kind", "drect")
    assert code == 2 and "--kind" in err and "direct" in err
    days = sorted({q["published"][:10] for q in every})
    code, out, _ = cli(capsys, "quotes", *db, "-f", "json", "--since", days[-1])
    assert [q["published"][:10] for q in json.loads(out)] == [days[-1]]
    code, out, _ = cli(capsys, "quotes", *db, "-f", "json", "--until", days[0])
    assert [q["published"][:10] for q in json.loads(out)] == [days[0]]
    code, _, err = cli(capsys, "quotes", *db, "--since", "april")
    assert code == 2 and "--since" in err and "YYYY" in err
    code, out, _ = cli(capsys, "claims", *db, "-f", "json")
    claims = json.loads(out)
    uid = claims[-1]["events"][0]
    code, out, _ = cli(capsys, "claims", *db, "-f", "json", "--event", uid)
    assert code == 0 and [c["events"] for c in json.loads(out)] == [[uid]]
    code, out, _ = cli(capsys, "claims", *db, "-f", "json", "--since", days[-1])
    assert {c["published"][:10] for c in json.loads(out)} == {days[-1]}
    code, _, err = cli(capsys, "claims", *db, "--event", "nope:ev1")
    assert code == 2 and "no event" in err and "ARTICLE:EVENT" in err


def test_tables_fit_eighty_columns(capsys: pytest.CaptureFixture[str], store_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for command in ("events", "incidents", "claims", "quotes", "articles", "places"):
        code, out, err = cli(capsys, command, "--db", str(store_path))
        assert code == 0, err
        lines = out.splitlines()
        assert len(lines) >= 3, (command, out)
        assert max(len(line) for line in lines) <= 80, (command, out)
        assert "of 3" in err or "3 " in err


def test_info_names_the_store_counts_and_models(capsys: pytest.CaptureFixture[str],
                                                store_path: Path) -> None:
    code, out, _ = cli(capsys, "info", "--db", str(store_path), "--json")
    info = json.loads(out)
    assert code == 0 and info["store"]["target"] == str(store_path)
    assert info["counts"]["articles"] == 3 and info["counts"]["events"] == 3
    assert info["models"]["nl"]["version"]
    code, out, _ = cli(capsys, "info", "--db", str(store_path))
    assert str(store_path) in out and "3 articles" in out and "model nl" in out


def test_serve_refuses_a_store_that_is_not_there(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite"
    code, _, err = cli(capsys, "serve", "--db", str(missing), "--port", "1")
    assert code == 4 and err.startswith(f"Error: --db: no store at {missing}")
    assert not missing.exists()


def test_pretty_output_at_80_columns_breaks_no_word(tmp_path: Path) -> None:
    """Tables too wide for the terminal become records: one `field  value` a line, words whole."""
    article = tmp_path / "a.txt"
    article.write_text(
        " date 2025-04 \nOekraïense troepen beschoten dinsdag de stad Belgorod met raketten, "
        "meldde het Russische ministerie van Defensie.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kroniek", "analyze", str(article), "--format", "pretty"],
                         capture_output=True, text=True, check=True, env={"COLUMNS": "80", "PATH": ""})
    lines = out.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert any(line.split() == ["type", "Explosions/Remote", "violence"] for line in lines), out.stdout
    assert any(line.split()[:1] == ["sub-type"] for line in lines)


def test_eval_ner_detects_the_gold_files_language(shared_data: Path) -> None:
    """Without --lang, an English CoNLL file is scored with the English model (it scored
    0.35 with the Dutch one, which looked like a regression)."""
    gold = shared_data / "ner" / "conll2003-en" / "dev.conll"
    proc = run("eval", "ner", "--gold", str(gold), "--limit", "200", "--no-pipeline", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "--lang en (detected" in proc.stderr
    assert json.loads(proc.stdout)["kroniek"]["f1"] > 0.7
