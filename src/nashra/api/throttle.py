"""A per-client token bucket in Django's cache, for anonymous API reads.

Each client (its address, or later its personal API token) has a bucket of
``NASHRA_API_BURST`` tokens refilled at ``NASHRA_API_RATE`` (e.g. ``120/min``); a request
takes one token, and an empty bucket answers 429 with ``Retry-After``. The bucket lives in
the default cache: per process with the default local-memory cache, shared when the cache
is Redis (``NASHRA_CACHE_URL``).
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

_PERIODS = {
    "s": 1.0,
    "sec": 1.0,
    "m": 60.0,
    "min": 60.0,
    "h": 3600.0,
    "hour": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
}


def parse_rate(rate: str) -> float:
    """``"120/min"`` → tokens per second."""
    count, _, period = rate.partition("/")
    return float(count) / _PERIODS.get(period.strip().lower() or "s", 1.0)


class TokenBucketThrottle(BaseThrottle):
    def __init__(
        self, rate: str | None = None, burst: int | None = None, scope: str = "api"
    ) -> None:
        self.rate = parse_rate(rate or settings.NASHRA_API_RATE)
        self.burst = float(burst if burst is not None else settings.NASHRA_API_BURST)
        self.scope = scope
        self._wait: float | None = None

    def client_key(self, request: HttpRequest) -> str:
        # Hook for personal API tokens (they come with accounts): an authenticated
        # request is limited per token instead of per address.
        token = getattr(request, "auth", None)
        if token:
            return f"token:{getattr(token, 'pk', token)}"
        return f"ip:{self.get_ident(request) or 'unknown'}"

    def allow_request(self, request: HttpRequest) -> bool:
        if self.rate <= 0:
            return True
        key = f"throttle:{self.scope}:{self.client_key(request)}"
        now = time.time()
        tokens, stamp = cache.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        if tokens < 1.0:
            self._wait = (1.0 - tokens) / self.rate
            cache.set(key, (tokens, now), timeout=int(self.burst / self.rate) + 60)
            return False
        cache.set(key, (tokens - 1.0, now), timeout=int(self.burst / self.rate) + 60)
        self._wait = None
        return True

    def wait(self) -> float | None:
        return None if self._wait is None else float(math.ceil(self._wait))
