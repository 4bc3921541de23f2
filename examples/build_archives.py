#!/usr/bin/env python3
"""Rebuild the binary example archives from the source files in ``archives/.src/``.

Outputs (all byte-for-byte reproducible: fixed record ids, dates and timestamps):

* ``archives/pages.warc.gz`` -- gzipped WARC 1.0 file holding, in order:
    1. a ``warcinfo`` record,
    2. a ``request`` record (GET of the Van earthquake page),
    3. a ``response`` record: ``.src/warc/van_quake_rescue.html``
       (``Content-Type: text/html; charset=utf-8``),
    4. a ``response`` record: ``.src/warc/petra_visitors.cp1256.html``, whose bytes are
       windows-1256 and whose only charset declaration is the HTTP header
       (``Content-Type: text/html; charset=windows-1256``),
    5. a ``response`` record for a tiny ``image/png`` (generated here) that an
       article reader must skip.
* ``archives/bundle.zip`` -- the files under ``.src/bundle/`` (``news/*.html``,
  ``news/*.txt``), stored with their ``news/`` sub-folder.
* ``archives/one.txt.gz`` -- ``.src/one/amman_brt.txt`` gzipped (no file name or
  mtime in the gzip header).

Usage:  python examples/build_archives.py
Needs:  warcio (already a project dependency).
"""

from __future__ import annotations

import gzip
import io
import struct
import uuid
import zipfile
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
ARCH = HERE / "archives"
SRC = ARCH / ".src"  # hidden, so `nashra ingest examples/` skips the sources

ZIP_TIME = (2026, 11, 24, 12, 0, 0)

WARC_PAGES = [
    # (source file, URL, charset in HTTP header, WARC-Date)
    (
        "warc/van_quake_rescue.html",
        "https://marsad-news.example/world/2026/11/24/van-earthquake-rescue",
        "utf-8",
        "2026-11-24T06:12:00Z",
    ),
    (
        "warc/petra_visitors.cp1256.html",
        "https://petra-today.example/tourism/petra-one-million-visitors",
        "windows-1256",
        "2026-11-22T09:30:00Z",
    ),
]
PNG_URL = "https://marsad-news.example/static/img/logo.png"


def _record_id(name: str) -> str:
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "nashra-example:" + name)


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x80", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, date: str, name: str):
    http = StatusAndHeaders(
        "200 OK",
        [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Date", "Tue, 24 Nov 2026 06:12:00 GMT"),
            ("Server", "nginx"),
            ("Cache-Control", "max-age=300"),
        ],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Record-ID": _record_id(name), "WARC-Date": date},
    )


def build_warc(out: Path) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True, warc_version="1.0")

    info = (
        "software: nashra examples/build_archives.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: example crawl of two Arabic news pages and one image\r\n"
    ).encode("utf-8")
    info_headers = StatusAndHeaders(
        "",
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", _record_id("warcinfo")),
            ("WARC-Filename", out.name),
            ("WARC-Date", "2026-11-24T06:00:00Z"),
        ],
        protocol="WARC/1.0",
    )
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=io.BytesIO(info),
            length=len(info),
            warc_content_type="application/warc-fields",
            warc_headers=info_headers,
        )
    )

    first_url = WARC_PAGES[0][1]
    req_http = StatusAndHeaders(
        "GET /world/2026/11/24/van-earthquake-rescue HTTP/1.1",
        [
            ("Host", "marsad-news.example"),
            ("User-Agent", "nashra-example-crawler/0.1"),
            ("Accept", "text/html"),
            ("Accept-Language", "ar,en;q=0.5"),
        ],
        is_http_request=True,
    )
    writer.write_record(
        writer.create_warc_record(
            first_url,
            "request",
            http_headers=req_http,
            warc_headers_dict={"WARC-Record-ID": _record_id("request:" + first_url), "WARC-Date": WARC_PAGES[0][3]},
        )
    )

    for src, url, charset, date in WARC_PAGES:
        body = (SRC / src).read_bytes()
        writer.write_record(_response(writer, url, body, f"text/html; charset={charset}", date, "response:" + url))

    writer.write_record(_response(writer, PNG_URL, tiny_png(), "image/png", "2026-11-24T06:12:05Z", "response:" + PNG_URL))
    out.write_bytes(buf.getvalue())


def build_zip(out: Path) -> None:
    root = SRC / "bundle"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(root).as_posix(), date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    out.write_bytes(buf.getvalue())


def build_gz(out: Path) -> None:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as gz:
        gz.write((SRC / "one" / "amman_brt.txt").read_bytes())
    out.write_bytes(buf.getvalue())


def main() -> None:
    build_warc(ARCH / "pages.warc.gz")
    build_zip(ARCH / "bundle.zip")
    build_gz(ARCH / "one.txt.gz")
    for name in ("pages.warc.gz", "bundle.zip", "one.txt.gz"):
        print(f"wrote {ARCH / name} ({(ARCH / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
