"""`kroniek serve`: the web map and the HTTP API over a store."""

from __future__ import annotations

import ipaddress
import os
import sys

import typer

__all__ = ["register"]

DB_HELP = "Store: a SQLite file or postgresql:// URL (default: user data folder, or $KRONIEK_DB)."


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    create: bool = typer.Option(False, "--create",
                                help="Create an empty store if there is none at --db."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback unless told)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    write_token: str | None = typer.Option(
        None, "--write-token", envvar="KRONIEK_WRITE_TOKEN",
        help="Allow POST /api/v1/articles with 'Authorization: Bearer TOKEN' (else read-only)."),
    cors: list[str] = typer.Option(
        [], "--cors-origin", help="Allow browser requests from this origin (repeatable); off by default."),
    tiles: str | None = typer.Option(
        None, "--tiles", envvar="KRONIEK_TILES",
        help="Online map tiles URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
             "(default: the offline outlines only)."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="Server processes."),
    mode: str | None = typer.Option(
        None, "--mode", envvar="KRONIEK_MODE", help="fast or accurate NER (default: fast)."
    ),
) -> None:
    """Serve the web map at / and the API at /api/v1 (OpenAPI at /docs).

    Read-only unless started with --write-token; binds 127.0.0.1 unless --host says otherwise.

    Example:  kroniek serve --db chronicle.sqlite --port 8000
    """
    import uvicorn

    from kroniek.cli.output import open_reading_store
    from kroniek.pipeline import use_mode

    use_mode(mode)  # POST /api/v1/articles analyses in this mode (workers inherit it)
    # Fail now, with a clear message, if the store is not there (a mistyped --db) or
    # cannot be opened.
    open_reading_store(db, create=create).close()
    if not _is_loopback(host):
        print(f"Warning: listening on {host}: anyone who can reach it can read the store.",
              file=sys.stderr)
    print(f"kroniek: serving http://{host}:{port}/ (API /api/v1, docs /docs)"
          f"{' — writable' if write_token else ' — read-only'}", file=sys.stderr)
    if workers > 1:
        os.environ["KRONIEK_SERVE_DB"] = db or ""
        os.environ["KRONIEK_SERVE_WRITE_TOKEN"] = write_token or ""
        os.environ["KRONIEK_SERVE_TILES"] = tiles or ""
        os.environ["KRONIEK_SERVE_CORS"] = ",".join(cors)
        uvicorn.run("kroniek.serve.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
        return
    from kroniek.serve import create_app

    app = create_app(db, write_token=write_token, cors_origins=cors, tiles=tiles)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
