"""Paths, archives and URLs → a stream of Documents and Rejections.

Every input ends as a Document or a Rejection naming the input and the reason; one bad
file, member or record never stops the rest. Readers stream where the format allows
(JSONL, CSV, WARC, gzip), and single-document inputs are read only up to their size cap.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, BinaryIO

from nashra.extract.decode import decode, sniff_encoding
from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.dumps import read_csv, read_json_records, read_jsonl
from nashra.extract.feeds import is_json_feed, read_feed, read_json_feed
from nashra.extract.html import read_html
from nashra.extract.limits import DEFAULT_LIMITS, Limits
from nashra.extract.plain import read_text
from nashra.extract.warc import read_warc

FORMATS = ("auto", "text", "html", "feed", "json", "csv", "warc")
Item = Document | Rejection

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".csv": "csv",
    ".warc": "warc",
    ".arc": "warc",
}


def detect_format(name: str, head: bytes) -> str:
    """Guess the format from the name, then from the first bytes."""
    lower = name.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if lower.endswith(suffix):
            return "warc"
    ext = os.path.splitext(lower)[1]
    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if sniff.startswith(b"warc/"):
        return "warc"
    if sniff.startswith((b"{", b"[")):
        return "json"
    if sniff.startswith(b"<?xml") or b"<rss" in sniff or b"<feed" in sniff or b"<rdf:rdf" in sniff:
        return "html" if b"<html" in sniff else "feed"
    if sniff.startswith((b"<!doctype html", b"<html")) or b"<body" in sniff:
        return "html"
    return "text"


def read_targets(
    targets: list[str],
    *,
    fmt: str = "auto",
    mapping: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Item]:
    for target in targets:
        if target.startswith(("http://", "https://")):
            yield from read_url(target, fmt=fmt, mapping=mapping or {}, limits=limits)
        else:
            yield from read_path(Path(target), fmt=fmt, mapping=mapping or {}, limits=limits)


def read_url(
    url: str, *, fmt: str = "auto", mapping: Mapping[str, str], limits: Limits
) -> Iterator[Item]:
    from nashra.extract.fetch import fetch

    try:
        fetched = fetch(url, limits=limits)
    except ExtractError as exc:
        yield Rejection(url, str(exc))
        return
    name = fetched.url.split("?")[0]
    if fmt == "auto" and "html" in fetched.content_type:
        fmt = "html"
    elif fmt == "auto" and any(t in fetched.content_type for t in ("rss", "atom", "xml")):
        fmt = "feed"
    yield from read_bytes(
        fetched.data,
        name=name,
        origin=url,
        fmt=fmt,
        mapping=mapping,
        limits=limits,
        content_type=fetched.content_type,
        url=fetched.url,
    )


def read_path(
    path: Path, *, fmt: str = "auto", mapping: Mapping[str, str], limits: Limits, depth: int = 0
) -> Iterator[Item]:
    origin = str(path)
    if path.is_dir():
        children = sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not children:
            yield Rejection(origin, "folder holds no files")
        for child in children:
            yield from read_path(child, fmt=fmt, mapping=mapping, limits=limits, depth=depth)
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejection(origin, f"cannot open: {exc.strerror or exc}")
        return
    with handle:
        yield from read_stream(
            handle,
            name=path.name,
            origin=origin,
            fmt=fmt,
            mapping=mapping,
            limits=limits,
            depth=depth,
            path=path,
        )


def read_stream(
    stream: BinaryIO | IO[bytes],
    *,
    name: str,
    origin: str,
    fmt: str,
    mapping: Mapping[str, str],
    limits: Limits,
    depth: int = 0,
    path: Path | None = None,
) -> Iterator[Item]:
    """Read one file-like input; dispatch on container type and format."""
    lower = name.lower()
    try:
        head = stream.read(4)
        stream.seek(0)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(origin, _stream_error(exc))
        return
    if head.startswith(b"PK\x03\x04") or lower.endswith(".zip"):
        yield from _read_zip(
            stream, origin=origin, fmt=fmt, mapping=mapping, limits=limits, depth=depth
        )
        return
    if head.startswith(b"\x1f\x8b") and not lower.endswith((".warc.gz", ".arc.gz")):
        inner = name[:-3] if lower.endswith(".gz") else name
        gz = gzip.GzipFile(fileobj=stream, mode="rb")
        yield from _guarded(
            read_stream(
                io.BufferedReader(_Capped(gz, limits.max_member_bytes, origin)),
                name=inner,
                origin=origin,
                fmt=fmt,
                mapping=mapping,
                limits=limits,
                depth=depth + 1,
            ),
            origin,
        )
        return
    try:
        head = stream.read(65536)
        stream.seek(0)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(origin, _stream_error(exc))
        return
    kind = detect_format(name, head) if fmt == "auto" else fmt
    if kind == "warc":
        yield from _guarded(read_warc(stream, origin=origin, limits=limits), origin)
        return
    if kind in ("csv",) or (kind == "json" and lower.endswith((".jsonl", ".ndjson"))):
        try:
            encoding = sniff_encoding(head)
        except ExtractError as exc:
            yield Rejection(origin, str(exc))
            return
        text = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
        reader = read_csv if kind == "csv" else read_jsonl
        yield from _guarded(reader(text, origin=origin, mapping=mapping), origin)
        return
    cap = limits.max_member_bytes if kind == "json" else limits.max_document_bytes
    try:
        data = stream.read(cap + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejection(origin, _stream_error(exc))
        return
    if len(data) > cap:
        yield Rejection(
            origin, f"larger than the {cap // (1024 * 1024)} MB limit for one {kind} input"
        )
        return
    yield from read_bytes(data, name=name, origin=origin, fmt=kind, mapping=mapping, limits=limits)


def read_bytes(
    data: bytes,
    *,
    name: str,
    origin: str,
    fmt: str = "auto",
    mapping: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    content_type: str = "",
    url: str = "",
) -> Iterator[Item]:
    """Read one in-memory single-document or JSON input."""
    mapping = mapping or {}
    if data[:4].startswith(b"PK\x03\x04") or data[:2] == b"\x1f\x8b":
        yield from read_stream(
            io.BytesIO(data), name=name, origin=origin, fmt=fmt, mapping=mapping, limits=limits
        )
        return
    kind = detect_format(name, data[:65536]) if fmt == "auto" else fmt
    try:
        if kind == "feed":
            yield from read_feed(data, origin=origin)
            return
        if kind == "warc":
            yield from read_warc(io.BytesIO(data), origin=origin, limits=limits)
            return
        decoded = decode(data, origin=origin, http_content_type=content_type)
        if kind == "json":
            yield from _read_json(decoded.text, origin=origin, mapping=mapping)
        elif kind == "csv":
            yield from read_csv(
                io.StringIO(decoded.text, newline=""), origin=origin, mapping=mapping
            )
        elif kind == "html":
            yield read_html(
                decoded.text, origin=origin, original=data, encoding=decoded.encoding, url=url
            )
        else:
            yield read_text(decoded.text, origin=origin, original=data, encoding=decoded.encoding)
    except ExtractError as exc:
        yield Rejection(origin, str(exc))


def _read_json(text: str, *, origin: str, mapping: Mapping[str, str]) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except ValueError:
        # Not one JSON value: perhaps JSON Lines under a .json name.
        yield from read_jsonl(io.StringIO(text), origin=origin, mapping=mapping)
        return
    if is_json_feed(data):
        yield from read_json_feed(data, origin=origin)
    else:
        yield from read_json_records(data, origin=origin, mapping=mapping)


def _read_zip(
    stream: BinaryIO | IO[bytes],
    *,
    origin: str,
    fmt: str,
    mapping: Mapping[str, str],
    limits: Limits,
    depth: int,
) -> Iterator[Item]:
    if depth >= limits.max_archive_depth:
        yield Rejection(origin, "archives nested too deep")
        return
    try:
        archive = zipfile.ZipFile(stream)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield Rejection(origin, f"corrupt or truncated zip: {exc}")
        return
    if not members:
        yield Rejection(origin, "zip holds no files")
    with archive:
        for member in sorted(members, key=lambda m: m.filename):
            member_origin = f"{origin}!{member.filename}"
            base = os.path.basename(member.filename)
            if base.startswith(".") or member.filename.startswith("__MACOSX/"):
                continue
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > limits.max_member_bytes or (
                member.file_size > 1_000_000 and ratio > limits.max_compression_ratio
            ):
                yield Rejection(
                    member_origin,
                    f"refused: expands to {member.file_size} bytes (ratio {ratio:.0f}:1, zip bomb limit)",
                )
                continue
            try:
                with archive.open(member) as handle:
                    data = handle.read(limits.max_member_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError) as exc:
                yield Rejection(member_origin, f"corrupt zip member: {exc}")
                continue
            if len(data) > limits.max_member_bytes:
                yield Rejection(
                    member_origin, "refused: member larger than its header says (zip bomb limit)"
                )
                continue
            yield from read_stream(
                io.BytesIO(data),
                name=base,
                origin=member_origin,
                fmt=fmt,
                mapping=mapping,
                limits=limits,
                depth=depth + 1,
            )


class _Capped(io.RawIOBase):
    """A read-only stream that refuses to yield more than ``cap`` bytes (gzip bombs)."""

    def __init__(self, inner: IO[bytes] | gzip.GzipFile, cap: int, origin: str) -> None:
        self.inner, self.cap, self.origin, self.count = inner, cap, origin, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        if offset == 0 and whence == 0:
            self.count = 0
        return self.inner.seek(offset, whence)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        self.count += len(data)
        if self.count > self.cap:
            raise ExtractError(f"refused: decompresses to more than {self.cap} bytes")
        buffer[: len(data)] = data
        return len(data)


def _stream_error(exc: BaseException) -> str:
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"truncated or corrupt compressed data: {exc}"
    if isinstance(exc, UnicodeDecodeError):
        return f"bytes do not decode as {exc.encoding}: {exc.reason}"
    return str(exc)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Turn a failure part-way through a streamed input into a rejection; keep what came before."""
    count = 0
    try:
        for item in items:
            count += 1
            yield item
    except ExtractError as exc:
        yield Rejection(origin, f"{exc} (after {count} items)" if count else str(exc))
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError, UnicodeDecodeError) as exc:
        reason = _stream_error(exc)
        yield Rejection(origin, f"{reason} (after {count} items)" if count else reason)
