"""schemathesis against `kroniek serve` (#17): the OpenAPI of a server started here, on
SQLite and on a real PostgreSQL, with a bounded number of generated requests per endpoint.

Every one of schemathesis' checks must pass on every response: no 5xx; the documented
status codes, media types, response schemas and headers; every request the schema allows
accepted and every one it forbids refused (requests of both kinds are generated); a 405's `Allow` naming the path's methods.
`KRONIEK_FUZZ_EXAMPLES=N` generates N per endpoint instead of 12. (The CLI gives the same
over its phases: `st run --checks all URL/openapi.json`.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from kroniek.serve import create_app
from kroniek_pg import pg_server, pg_url  # noqa: F401  (fixtures)
from kroniek_server import Server, filled_store, store_target

EXAMPLES = int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", "0")) or 12
load_all_checks()
ALL_CHECKS = CHECKS.get_all()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres",
                                                               marks=pytest.mark.postgres)])
def base_url(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    target = filled_store(store_target(request.param, tmp_path_factory.mktemp("st"), request,
                                       prefix="st"))
    with Server(create_app(target)) as base:  # read-only: POST answers 403
        yield base


def test_api_answers_every_generated_request(base_url: str) -> None:
    """Each endpoint of the OpenAPI gets `EXAMPLES` generated requests (the pytest plugin
    of schemathesis does not run under this pytest, so the operations are walked here)."""
    from hypothesis import given

    api = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    ran: list[str] = []
    for result in api.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy() | operation.as_strategy(GenerationMode.NEGATIVE))
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def call(case: Any) -> None:
            ran.append(case.operation.label)
            case.call_and_validate(base_url=base_url, checks=ALL_CHECKS, timeout=60)

        call()
    print(f"\nschemathesis: {len(ran)} requests over {len(set(ran))} operations, "
          f"{len(ALL_CHECKS)} checks, no failure")
    assert len(set(ran)) >= 15 and len(ALL_CHECKS) >= 14
