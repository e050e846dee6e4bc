"""One JSON error body for every error the API returns.

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

`details` lists the offending parameters for validation errors (422) and is empty
otherwise. A 500 never shows a traceback; it is logged.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["ApiError", "allowed_methods", "error_body", "install_error_handlers"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "payload_too_large",
    415: "unsupported_media_type", 422: "invalid_parameter", 500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API answers with on purpose."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.details = details or []


def error_body(status: int, message: str, *, code: str | None = None,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"),
                      "message": message, "details": details or []}}


def _validation_details(errors: list[Any]) -> list[dict[str, Any]]:
    out = []
    for e in errors:
        loc = [str(p) for p in e.get("loc", ())]
        name = ".".join(loc[1:])
        message = str(e.get("msg", "invalid"))
        if e.get("type") == "string_pattern_mismatch":  # the words, not the regex
            message = _pattern_message(name, e.get("input"))
        out.append({"in": loc[0] if loc else "", "name": name, "message": message})
    return out


_PATTERN_MESSAGES = {
    "bbox": "four numbers west,south,east,north in degrees",
    "date_from": "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "date_to": "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "country": "not an ISO 3166 alpha-2 code (two letters)",
}


def _pattern_message(name: str, value: Any) -> str:
    """Why a value does not match its parameter's pattern; for an event type, the nearest."""
    if name == "type" and isinstance(value, str):
        from kroniek.errors import InputError
        from kroniek.filters import resolve_event_type

        try:
            resolve_event_type(value, name="type")
        except InputError as exc:
            return exc.message + (f" ({exc.hint})" if exc.hint else "")
    return _PATTERN_MESSAGES.get(name, "not in the form /openapi.json gives for it")


def install_error_handlers(app: Any) -> None:
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    from kroniek.errors import InputError, KroniekError

    def reply(status: int, message: str, **kw: Any) -> JSONResponse:
        return JSONResponse(error_body(status, message, **kw), status_code=status)

    @app.exception_handler(ApiError)
    async def _api(_: Any, exc: ApiError) -> JSONResponse:
        return reply(exc.status, exc.message, code=exc.code, details=exc.details)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Any, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(list(exc.errors()))
        names = ", ".join(d["name"] or d["in"] for d in details) or "request"
        return reply(422, f"invalid parameter: {names}", details=details)

    @app.exception_handler(HTTPException)
    async def _http(request: Any, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = "no such resource"
        resp = reply(exc.status_code, str(message))
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        if exc.status_code == 405:  # Starlette names only the first route of the path
            resp.headers["Allow"] = ", ".join(allowed_methods(request))
        return resp

    @app.exception_handler(InputError)
    async def _input(_: Any, exc: InputError) -> JSONResponse:
        return reply(422, str(exc), code="invalid_input")

    @app.exception_handler(KroniekError)
    async def _kroniek(_: Any, exc: KroniekError) -> JSONResponse:
        log.error("kroniek error while serving: %s", exc)
        return reply(503, str(exc), code="unavailable")

    @app.exception_handler(Exception)
    async def _crash(_: Any, exc: Exception) -> JSONResponse:
        log.exception("unhandled error while serving", exc_info=exc)
        return reply(500, "internal error (logged on the server)")


def allowed_methods(request: Any) -> list[str]:
    """The methods some route of the app answers on the request's path (the `Allow`
    header of a 405: GET and POST on /api/v1/articles are two routes)."""
    from starlette.routing import Match

    return [method for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            if any(route.matches({**request.scope, "method": method})[0] == Match.FULL
                   for route in request.app.router.routes)]
