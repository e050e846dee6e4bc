"""A real kroniek API for the tests: uvicorn in a thread on a free loopback port, over a
store on SQLite or on a fresh database of the PostgreSQL server the test run started."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from kroniek.store import open_store
from kroniek_docs import sample_docs

__all__ = ["Server", "filled_store", "free_port", "store_target"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A uvicorn server in a thread, on a free loopback port; `with` gives its base URL."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        for _ in range(300):
            if self.server.started:
                return f"http://127.0.0.1:{self.port}"
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def store_target(backend: str, tmp: Path, request: pytest.FixtureRequest, *,
                 prefix: str = "t") -> str:
    """An empty store's address: a file in `tmp`, or a new database on the test PostgreSQL
    (the `pg_server` fixture of kroniek_pg)."""
    if backend == "sqlite":
        return str(tmp / "k.sqlite")
    import psycopg

    server = request.getfixturevalue("pg_server")
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


def filled_store(target: str) -> str:
    """`target` with the sample reports added; returns `target`."""
    with open_store(target) as store:
        for i, doc in enumerate(sample_docs()):
            store.add(doc, content_hash=f"h{i}")
    return target
