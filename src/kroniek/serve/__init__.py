"""`kroniek serve`: the HTTP API (FastAPI, /api/v1) and the web map, over one store."""

from __future__ import annotations

from kroniek.serve.app import create_app

__all__ = ["create_app"]
