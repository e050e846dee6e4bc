"""The web application: the API under /api/v1, the page at /, OpenAPI at /docs.

Safe by default: read-only unless a write token is given, request bodies capped, CORS off
unless origins are listed, a strict Content-Security-Policy on the page (only this
server's scripts; map tiles only from the configured tile server).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.requests import Request

from kroniek.serve.errors import error_body, install_error_handlers

__all__ = ["MAX_BODY_BYTES", "PAGE_LANGUAGES", "app_from_env", "create_app", "page_language"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

MAX_BODY_BYTES = 2 * 1024 * 1024  # an article of ~1 M characters fits; anything larger is refused
WEB_DIR = Path(__file__).resolve().parents[1] / "web"
PAGE_LANGUAGES = ("en", "nl")


def page_language(asked: str | None, accept_language: str | None) -> str:
    """The page's language: `?lang=`, else the first of Accept-Language's languages (by
    q-value) the page speaks, else English."""
    if asked in PAGE_LANGUAGES:
        return str(asked)
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip().lower().split("-")[0]))
    for _, _, lang in sorted(ranked):
        if lang in PAGE_LANGUAGES:
            return lang
    return "en"


class BodyLimit:
    """ASGI middleware: 413 for request bodies over `max_bytes` (declared or streamed)."""

    def __init__(self, app: Any, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._reject(send)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        # Read the whole body first (it is small by definition), refusing it past the cap.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send)  # the client went away
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._reject(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _reject(self, send: Any) -> None:
        import json

        body = json.dumps(error_body(413, f"request body over {self.max_bytes} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: nosniff, no referrer, and the CSP on everything but the API docs."""

    def __init__(self, app: Any, *, csp: str) -> None:
        self.app = app
        self.fixed = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
        self.csp = (b"content-security-policy", csp.encode())

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(self.fixed)
        if not scope["path"].startswith(("/docs", "/redoc")):
            extra.append(self.csp)

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def _csp(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        from urllib.parse import urlsplit

        parts = urlsplit(tiles.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parts.netloc
        img += f" {parts.scheme}://{host}"
    return (f"default-src 'self'; img-src {img}; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


def create_app(store_target: Any = None, *, write_token: str | None = None,
               cors_origins: tuple[str, ...] | list[str] = (), tiles: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES) -> Any:
    """The ASGI app serving the store at `store_target` (a path, URL, or an open store)."""
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    from kroniek.serve.api import router

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from kroniek.store import open_store

        own = isinstance(store_target, str | Path) or store_target is None
        app.state.store = open_store(store_target) if own else store_target
        try:
            yield
        finally:
            if own:
                app.state.store.close()

    app = FastAPI(title="kroniek", version="1",
                  description="A sourced, mapped chronicle of armed conflict from the news.",
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.write_token = write_token or None
    app.state.tiles = tiles
    install_error_handlers(app)
    app.include_router(router)
    _mount_static(app, StaticFiles)
    csp = _csp(tiles)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        from fastapi.openapi.docs import get_swagger_ui_html

        local = app.state.swagger_local
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="kroniek API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js" if local else
            "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css" if local else
            "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css",
            swagger_favicon_url="/static/leaflet/images/marker-icon.png")

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> Any:
        lang = page_language(request.query_params.get("lang"),
                             request.headers.get("accept-language"))
        html = (WEB_DIR / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(html.replace('<html lang="en">', f'<html lang="{lang}">', 1),
                            headers={"Vary": "Accept-Language"})

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET"], allow_headers=[])
    from starlette.middleware.gzip import GZipMiddleware

    # The 1:50m outlines are 1.4 MB of GeoJSON, 0.43 MB compressed; API pages shrink ~8x.
    # Level 4: ~10% larger than 9 at a third of the CPU (the outlines are compressed per request).
    app.add_middleware(GZipMiddleware, minimum_size=4096, compresslevel=4)
    app.add_middleware(SecurityHeaders, csp=csp)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app


def _mount_static(app: Any, static_files: Any) -> None:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as cluster

    app.mount("/static/leaflet", static_files(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/markercluster", static_files(directory=cluster.BASE_DIR),
              name="markercluster")
    app.mount("/static/app", static_files(directory=WEB_DIR), name="app")
    try:  # Swagger UI from its PyPI bundle, so /docs works offline too
        import swagger_ui_bundle

        app.mount("/static/swagger", static_files(directory=swagger_ui_bundle.swagger_ui_path),
                  name="swagger")
        app.state.swagger_local = True
    except ImportError:
        app.state.swagger_local = False


def app_from_env() -> Any:
    """`create_app` configured from `KRONIEK_SERVE_*` variables (for multi-process serving)."""
    import os

    env = os.environ.get
    return create_app(env("KRONIEK_SERVE_DB") or None,
                      write_token=env("KRONIEK_SERVE_WRITE_TOKEN") or None,
                      tiles=env("KRONIEK_SERVE_TILES") or None,
                      cors_origins=[o for o in env("KRONIEK_SERVE_CORS", "").split(",") if o])
