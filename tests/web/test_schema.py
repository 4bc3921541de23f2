"""Property-based API tests from the OpenAPI schema (schemathesis), in-process through the
WSGI app: whatever the generated parameters, no endpoint answers with a server error, and
documented responses match their schemas."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from nashra.site.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


def not_a_server_error(ctx: Any, response: Any, case: Any) -> bool:
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path}: {response.status_code}"
    )
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return True


@pytest.fixture
def keep_connection() -> Any:
    """Like Django's test client: requests must not close the test's database connection."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails(case: Any, news: Any, keep_connection: Any) -> None:
    response = case.call()
    not_a_server_error(None, response, case)
    if response.status_code in (200, 404):
        case.validate_response(response, checks=[response_schema_conformance])
