from __future__ import annotations

import codecs

import pytest

from nashra.extract.decode import decode, sniff_encoding
from nashra.extract.document import ExtractError

ARABIC = "أعلنت وزارة الزراعة اليوم عن خطة جديدة لترشيد استهلاك المياه في المحافظات الجنوبية."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "iso8859_6", "utf-16"])
def test_arabic_encodings_round_trip(encoding: str) -> None:
    decoded = decode(ARABIC.encode(encoding))
    assert decoded.text == ARABIC
    assert codecs.lookup(decoded.encoding).name == codecs.lookup(encoding).name


def test_bom_wins_over_declaration() -> None:
    data = codecs.BOM_UTF8 + f'<meta charset="windows-1256"><p>{ARABIC}</p>'.encode()
    assert ARABIC in decode(data).text


def test_meta_charset_is_used() -> None:
    data = f'<html><head><meta charset="windows-1256"></head><body>{ARABIC}</body></html>'.encode(
        "cp1256"
    )
    decoded = decode(data)
    assert decoded.encoding == "cp1256" and ARABIC in decoded.text


def test_http_charset_is_used() -> None:
    data = ARABIC.encode("iso8859_6")
    assert decode(data, http_content_type="text/html; charset=ISO-8859-6").text == ARABIC


def test_wrong_latin1_declaration_is_not_trusted() -> None:
    data = f'<meta charset="iso-8859-1"><p>{ARABIC}</p>'.encode("cp1256")
    assert ARABIC in decode(data).text


def test_bidi_controls_and_nul_removed() -> None:
    text = "\u200fقال\u202b الوزير\u202c\x00 اليوم\u2066"
    assert decode(text.encode()).text == "قال الوزير اليوم"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"\xff\xfe\x41", "utf-16"),
    ],
)
def test_refusals_name_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason):
        decode(data)


def test_undecodable_bytes_are_refused_not_mojibake() -> None:
    # Latin-1 accented text is neither UTF-8 nor any Arabic encoding we accept.
    data = "Économie générale: la décision définitive arrivée à Genève".encode("latin-1") * 3
    with pytest.raises(ExtractError):
        decode(data)


def test_sniff_encoding_cuts_at_line_end() -> None:
    head = (ARABIC + "\n").encode("cp1256") * 10 + "نص".encode("cp1256")
    assert sniff_encoding(head) == "cp1256"
    assert sniff_encoding(codecs.BOM_UTF8 + b"x") == "utf-8-sig"
