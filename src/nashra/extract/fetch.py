"""Fetching URLs with limits: time, size, redirects, and no private addresses.

Every hop of a redirect chain is resolved and checked before connecting, and the
connection goes to the address that was checked (no second DNS lookup to rebind).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from nashra.extract.document import ExtractError
from nashra.extract.limits import DEFAULT_LIMITS, Limits

USER_AGENT = "nashra/0.1 (+https://github.com/nashra; Arabic news reader)"


@dataclass
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content_type: str
    data: bytes
    etag: str = ""
    last_modified: str = ""


def _check_address(host: str, port: int, limits: Limits) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ExtractError(f"cannot resolve host {host!r}: {exc.strerror}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not limits.fetch_allow_private:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                raise ExtractError(
                    f"refused: {host} resolves to a private, loopback or link-local address ({ip})"
                )
    return addresses[0]


def fetch(
    url: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    etag: str = "",
    last_modified: str = "",
) -> Fetched:
    """GET ``url``; raise ExtractError with the reason on any failure or limit."""
    deadline = time.monotonic() + limits.fetch_timeout_s * 2
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen: list[str] = []
    for _hop in range(limits.fetch_max_redirects + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ExtractError(f"not an http(s) URL: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _check_address(parts.hostname, port, limits)
        timeout = urllib3.Timeout(
            connect=min(5.0, limits.fetch_timeout_s), read=limits.fetch_timeout_s
        )
        pool_kwargs: dict[str, object] = {"timeout": timeout, "retries": False, "maxsize": 1}
        if parts.scheme == "https":
            pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
                address,
                port,
                server_hostname=parts.hostname,
                assert_hostname=parts.hostname,
                **pool_kwargs,  # type: ignore[arg-type]
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port, **pool_kwargs)  # type: ignore[arg-type]
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
        try:
            response = pool.urlopen(
                "GET",
                path,
                headers={**headers, "Host": host_header},
                redirect=False,
                preload_content=False,
                decode_content=True,
            )
        except urllib3.exceptions.TimeoutError as exc:
            raise ExtractError(f"timed out fetching {url}") from exc
        except urllib3.exceptions.HTTPError as exc:
            raise ExtractError(f"cannot fetch {url}: {exc.__class__.__name__}") from exc
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location", "")
                if not location:
                    raise ExtractError(f"redirect without Location from {url}")
                seen.append(url)
                url = urljoin(url, location)
                if url in seen:
                    raise ExtractError(f"redirect loop at {url}")
                continue
            if response.status == 304:
                return Fetched(url, 304, "", b"", etag, last_modified)
            if response.status >= 400:
                raise ExtractError(f"HTTP {response.status} from {url}")
            data = _read_capped(response, limits, deadline, url)
            return Fetched(
                url=url,
                status=response.status,
                content_type=response.headers.get("Content-Type", ""),
                data=data,
                etag=response.headers.get("ETag", ""),
                last_modified=response.headers.get("Last-Modified", ""),
            )
        finally:
            response.release_conn()
            pool.close()
    raise ExtractError(
        f"too many redirects (more than {limits.fetch_max_redirects}) from {seen[0]}"
    )


def _read_capped(
    response: urllib3.BaseHTTPResponse, limits: Limits, deadline: float, url: str
) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limits.max_document_bytes:
        raise ExtractError(f"response too large ({declared} bytes) from {url}")
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.stream(65536):
            size += len(chunk)
            if size > limits.max_document_bytes:
                raise ExtractError(
                    f"response larger than {limits.max_document_bytes} bytes from {url}"
                )
            if time.monotonic() > deadline:
                raise ExtractError(f"timed out reading {url}")
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError as exc:
        raise ExtractError(f"timed out reading {url}") from exc
    except urllib3.exceptions.HTTPError as exc:
        raise ExtractError(f"connection broken reading {url}: {exc.__class__.__name__}") from exc
    return b"".join(chunks)
