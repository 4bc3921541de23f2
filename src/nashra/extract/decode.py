"""Bytes → text, for the encodings Arabic sites actually use.

Order: BOM; the charset declared by HTTP or ``<meta>``; strict UTF-8; then detection with
charset-normalizer restricted to the encodings Arabic pages come in (chardet has no Arabic
model). Anything that cannot be decoded with confidence is refused, never stored as
mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from nashra.extract.document import ExtractError
from nashra.text.normalize import clean_display

CANDIDATES = ["utf_8", "cp1256", "iso8859_6", "utf_16"]

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN1_MOJIBAKE = re.compile("[\u00c0-\u00ff]{3,}")


@dataclass
class Decoded:
    text: str
    encoding: str


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes, http_content_type: str = "") -> str | None:
    """The charset the transport or the document itself claims, if any codec knows it."""
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", http_content_type or "", re.I)
    if m and (c := _codec(m.group(1))):
        return c
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        mm = pattern.search(head)
        if mm and (c := _codec(mm.group(1).decode("ascii", "ignore"))):
            return c
    return None


def looks_binary(data: bytes) -> bool:
    """Control bytes that no text encoding we accept would produce (UTF-16 excepted)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    # A stray NUL in text is removed later; binary files are full of control bytes.
    return controls >= 4 and controls / len(sample) > 0.02


_ACCENTED_LATIN = re.compile("[\u00c0-\u024f]")


def _confident_arabic(text: str) -> bool:
    # A single-byte Arabic code page decodes almost any bytes; it is only the right
    # answer when Arabic letters clearly outnumber the accented Latin ones it also maps.
    arabic = len(_ARABIC.findall(text))
    return arabic > 0 and arabic >= 4 * len(_ACCENTED_LATIN.findall(text))


def _plausible(text: str) -> bool:
    # Text decoded with the wrong single-byte codec shows as runs of Latin-1 letters.
    if _ARABIC.search(text):
        return True
    return not _LATIN1_MOJIBAKE.search(text)


def decode(data: bytes, *, origin: str = "", http_content_type: str = "") -> Decoded:
    """Decode ``data`` or raise ExtractError naming the reason."""
    if not data.strip():
        raise ExtractError("empty input")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_finish(data.decode(name)), name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise ExtractError(f"invalid {name} after byte-order mark: {exc.reason}") from exc
    declared = declared_charset(data, http_content_type)
    if declared and declared not in ("utf-16", "utf-32"):
        # A page that declares latin-1/ascii but holds Arabic bytes is common; only trust
        # a declaration that decodes cleanly and plausibly.
        try:
            text = data.decode(declared)
            if _plausible(text) or declared not in ("latin_1", "iso8859-1", "cp1252", "ascii"):
                return Decoded(_finish(text), declared)
        except UnicodeDecodeError:
            pass
    if looks_binary(data):
        for name in ("utf-16-le", "utf-16-be"):  # UTF-16 without a BOM is full of NULs
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if len(_ARABIC.findall(text)) > len(text) / 3:
                return Decoded(_finish(text), "utf-16")
        raise ExtractError("binary data, not text")
    try:
        return Decoded(_finish(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000], cp_isolation=CANDIDATES).best()
    if best is None or best.encoding not in ("cp1256", "iso8859_6", "utf_16"):
        raise ExtractError("cannot determine the text encoding")
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError as exc:
        raise ExtractError(f"bytes do not decode as {best.encoding}: {exc.reason}") from exc
    if not _confident_arabic(text) or best.chaos > 0.3:
        raise ExtractError(
            "cannot decode with confidence (not UTF-8, and not Arabic under any Arabic encoding)"
        )
    return Decoded(_finish(text), codecs.lookup(best.encoding).name)


def _finish(text: str) -> str:
    # NUL bytes are never stored; bidi controls never reach display text.
    return clean_display(text.replace("\r\n", "\n").replace("\r", "\n"))


def sniff_encoding(head: bytes) -> str:
    """The encoding of a streamed input, judged from its first bytes (cut at a line end)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    return decode(sample).encoding
