"""`kroniek gazetteer add|download|lookup`: the user's own GeoNames data, and lookups.

    kroniek gazetteer add RU.zip            merge a GeoNames dump into your overlay
    kroniek gazetteer download RU UA        fetch dumps from GeoNames and merge them
    kroniek gazetteer lookup Koersk         show the candidates for a name

The overlay lives in the user data folder (`KRONIEK_DATA_DIR` overrides it) and is read
together with the bundled gazetteer.
"""

from __future__ import annotations

import os
from pathlib import Path

import typer

__all__ = ["DEFAULT_BASE_URL", "gazetteer_app", "register"]

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"

gazetteer_app = typer.Typer(help="The gazetteer: add GeoNames dumps, look names up.",
                            no_args_is_help=True)  # fmt: skip


@gazetteer_app.command("add")
def add(files: list[Path] = typer.Argument(..., help="GeoNames dumps (XX.zip, XX.txt, allCountries)")) -> None:  # fmt: skip
    """Merge GeoNames dumps into your gazetteer overlay.

    Example: kroniek gazetteer add ~/Downloads/RU.zip
    """
    from kroniek.gazetteer import overlay_path
    from kroniek.geonames import merge_dump

    target = overlay_path()
    for f in files:
        n = merge_dump(f, target)
        typer.echo(f"{f}: {n:,} places merged into {target}")


@gazetteer_app.command("download")
def download(
    countries: list[str] = typer.Argument(..., help="ISO country codes, e.g. RU UA"),
    base_url: str = typer.Option(
        os.environ.get("KRONIEK_GEONAMES_URL", DEFAULT_BASE_URL), "--base-url",
        help="where the XX.zip dumps are (env KRONIEK_GEONAMES_URL)",
    ),
) -> None:  # fmt: skip
    """Download GeoNames country dumps and merge them into your overlay.

    Example: kroniek gazetteer download RU UA
    """
    import tempfile

    import httpx

    from kroniek.errors import InputError, ResourceError
    from kroniek.gazetteer import overlay_path
    from kroniek.geonames import merge_dump

    target = overlay_path()
    for cc in countries:
        code = cc.strip().upper()
        if not (len(code) == 2 and code.isalpha()) and code != "ALLCOUNTRIES":
            raise InputError(f"not a country code: {cc!r}", hint="use ISO codes like RU or UA")
        url = base_url.rstrip("/") + f"/{'allCountries' if code == 'ALLCOUNTRIES' else code}.zip"
        with tempfile.TemporaryDirectory() as tmp:
            dest = Path(tmp) / f"{code}.zip"
            try:
                with httpx.stream("GET", url, timeout=60.0, follow_redirects=True) as resp:
                    if resp.status_code != 200:
                        raise ResourceError(f"download failed: HTTP {resp.status_code}",
                                            source=url, hint="check the code and the base URL")  # fmt: skip
                    with dest.open("wb") as fh:
                        for chunk in resp.iter_bytes():
                            fh.write(chunk)
            except httpx.HTTPError as exc:
                raise ResourceError(f"download failed: {exc}", source=url,
                                    hint="check your connection or --base-url") from exc  # fmt: skip
            n = merge_dump(dest, target)
        typer.echo(f"{code}: {n:,} places merged into {target}")


@gazetteer_app.command("lookup")
def lookup(name: str = typer.Argument(..., help="a place name in any spelling"),
           limit: int = typer.Option(10, "--limit")) -> None:  # fmt: skip
    """Show the places a name may refer to, most populous first.

    Example: kroniek gazetteer lookup Koersk
    """
    from kroniek.gazetteer import load_gazetteer

    cands = sorted(load_gazetteer().lookup(name), key=lambda c: -c.population)[:limit]
    if not cands:
        typer.echo(f"no places called {name!r}")
        raise typer.Exit(1)
    typer.echo(f"{'geonameid':>10}  {'name':<28} {'code':<6} {'cc':<3} {'adm1':<6} "
               f"{'lat':>9} {'lon':>10} {'population':>11}  match")  # fmt: skip
    for c in cands:
        typer.echo(f"{c.geonameid:>10}  {c.name[:28]:<28} {c.feature_code:<6} "
                   f"{c.country_code:<3} {c.admin1[:6]:<6} {c.lat:9.4f} {c.lon:10.4f} "
                   f"{c.population:>11,}  {c.match}")  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
