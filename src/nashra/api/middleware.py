"""Every error under /api/ is JSON in the API's one shape, including the ones Django or
ninja answer before reaching an endpoint (405 method not allowed, CSRF 403, 404)."""

from __future__ import annotations

import json
from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse

CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
    500: "server_error",
}


class JsonApiErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            status = response.status_code
            try:
                message = HTTPStatus(status).phrase + "."
            except ValueError:
                message = "Error."
            body = {
                "error": {"status": status, "code": CODES.get(status, "error"), "message": message}
            }
            replacement = HttpResponse(
                json.dumps(body), status=status, content_type="application/json; charset=utf-8"
            )
            for header in ("Allow", "Retry-After"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response
