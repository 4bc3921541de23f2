"""WARC and ARC archives (warcio): every HTML response record becomes a Document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from nashra.extract.decode import decode
from nashra.extract.document import Document, ExtractError, Rejection
from nashra.extract.html import read_html
from nashra.extract.limits import Limits


def read_warc(
    stream: BinaryIO | IO[bytes], *, origin: str, limits: Limits
) -> Iterator[Document | Rejection]:
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type", "") or ""
            if "html" not in content_type.lower():
                continue
            target = record.rec_headers.get_header("WARC-Target-URI", "") or ""
            record_origin = f"{origin}#{target or record.rec_headers.get_header('WARC-Record-ID')}"
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                continue
            data = record.content_stream().read(limits.max_document_bytes + 1)
            if len(data) > limits.max_document_bytes:
                yield Rejection(record_origin, "record larger than the limit for one page")
                continue
            try:
                decoded = decode(data, origin=record_origin, http_content_type=content_type)
                yield read_html(
                    decoded.text,
                    origin=record_origin,
                    original=data,
                    encoding=decoded.encoding,
                    url=target,
                )
            except ExtractError as exc:
                yield Rejection(record_origin, str(exc))
    except ArchiveLoadFailed as exc:
        raise ExtractError(f"not a readable WARC/ARC: {exc}") from exc
