"""A real PostgreSQL server for the tests: one cluster per test session, one database per test.

The cluster is created with Debian's `initdb` in a temporary folder, listens on a free
127.0.0.1 port and a private unix socket folder, and is stopped and removed at the end.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.

Use it by importing the fixtures into a test module:
    from kroniek_pg import pg_server, pg_url  # noqa: F401
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

__all__ = ["pg_server", "pg_url", "start_postgres"]

_BIN_DIRS = [os.environ.get("KRONIEK_PG_BIN", ""), *sorted(
    (str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")), reverse=True)]


def _bin_dir() -> Path | None:
    for d in _BIN_DIRS:
        if d and (Path(d) / "initdb").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The base URL (no database name) of a PostgreSQL server started for this session."""
    if _bin_dir() is None:
        message = "PostgreSQL is not installed (Debian package `postgresql`)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a missing server is a broken setup, not a skip
        pytest.skip(message)
    with start_postgres() as url:
        yield url


@contextmanager
def start_postgres() -> Iterator[str]:
    """Create, start, and finally stop and remove a throwaway PostgreSQL cluster."""
    bindir = _bin_dir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package `postgresql`)")
    root = Path(tempfile.mkdtemp(prefix="kroniek-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                              "--auth=trust", "-E", "UTF8", "--no-locale"]),
                   check=True, capture_output=True)
    opts = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts,
                              "-l", str(root / "log"), "-w", "-t", "60", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                  "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL to a fresh, empty database on the session's server."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")  # a generated identifier, not input
    yield f"{pg_server}/{name}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
