"""Every bad input ends as a Rejection naming it and the reason; the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from nashra.extract.document import Document, Rejection
from nashra.extract.inputs import read_targets

GOOD = (
    "قال وزير الري إن الحكومة ستطلق الشهر المقبل برنامجاً لتحلية مياه البحر في المدن الساحلية.\n"
    "وأضاف أن البرنامج يشمل ثلاث محطات جديدة تعمل بالطاقة الشمسية، وأن أولاها ستفتتح في الربيع.\n"
    "وأكد الوزير أن التمويل مضمون من الموازنة العامة ومن قرض ميسر.\n"
)


def _read(*paths: Path) -> list[Document | Rejection]:
    return list(read_targets([str(p) for p in paths]))


def _only_rejection(items: list[Document | Rejection], needle: str) -> Rejection:
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Rejection), item
    assert needle in item.reason, item.reason
    return item


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    r = _only_rejection(_read(tmp_path / "empty.txt"), "empty")
    assert r.origin.endswith("empty.txt")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _only_rejection(_read(tmp_path / "image.txt"), "binary")


def test_undecodable_bytes(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(("Économie générale à Genève. " * 20).encode("latin-1"))
    _only_rejection(_read(tmp_path / "latin.txt"), "confidence")


def test_nul_bytes_are_removed(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(GOOD.replace("الري", "ال\x00ري").encode())
    [doc] = _read(tmp_path / "nul.txt")
    assert isinstance(doc, Document)
    assert all("\x00" not in p for p in doc.body)
    assert "الري" in doc.text


def test_html_with_no_article(tmp_path: Path) -> None:
    page = "<html><head><title>الرئيسية</title></head><body><nav><a href='/'>الرئيسية</a></nav></body></html>"
    (tmp_path / "nav.html").write_text(page, encoding="utf-8")
    _only_rejection(_read(tmp_path / "nav.html"), "no article")


def test_feed_with_xml_errors(tmp_path: Path) -> None:
    (tmp_path / "broken.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>س</title><item><title>خبر</title></channel>",
        encoding="utf-8",
    )
    _only_rejection(_read(tmp_path / "broken.xml"), "feed XML error")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    ],
    ids=["external-entity", "entity-expansion-bomb"],
)
def test_feed_entities_never_expanded(tmp_path: Path, doctype: str) -> None:
    feed = f"<?xml version='1.0'?>{doctype}<rss version='2.0'><channel><title>&c;</title><item><title>خبر</title><description>&xxe;</description></item></channel></rss>"
    (tmp_path / "evil.xml").write_text(feed, encoding="utf-8")
    r = _only_rejection(_read(tmp_path / "evil.xml"), "entities")
    assert "root:" not in r.reason


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(GOOD.encode() * 50)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    _only_rejection(_read(tmp_path / "cut.txt.gz"), "truncated")


def test_truncated_zip(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", GOOD * 30)
    (tmp_path / "cut.zip").write_bytes(buffer.getvalue()[:200])
    _only_rejection(_read(tmp_path / "cut.zip"), "zip")


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b"\0" * (60 * 1024 * 1024))
    (tmp_path / "bomb.zip").write_bytes(buffer.getvalue())
    _only_rejection(_read(tmp_path / "bomb.zip"), "zip bomb")


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    # 300 MB of zeros in a few hundred kB: more than the decompressed cap.
    with gzip.open(tmp_path / "bomb.jsonl.gz", "wb", compresslevel=9) as gz:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(300):
            gz.write(chunk)
    items = _read(tmp_path / "bomb.jsonl.gz")
    assert items and all(isinstance(i, Rejection) for i in items)


def test_fifty_megabyte_text_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    big = tmp_path / "huge.txt"
    line = (GOOD.splitlines()[0] + "\n").encode()
    with big.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    tracemalloc.start()
    items = _read(big)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    _only_rejection(items, "limit")
    assert peak < 25 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_batch_continues_past_bad_items(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(os.urandom(4096))
    items = _read(tmp_path)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Rejection", "Document", "Rejection"]


def test_bad_records_in_dumps_do_not_stop_the_dump(tmp_path: Path) -> None:
    good = json.dumps({"title": "عنوان", "content": GOOD}, ensure_ascii=False)
    (tmp_path / "d.jsonl").write_text(
        "\n".join([good, "{not json", '{"title": "فارغ"}', good.replace("عنوان", "آخر")]),
        encoding="utf-8",
    )
    items = _read(tmp_path / "d.jsonl")
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Rejection", "Document"]
    assert "invalid JSON" in items[1].reason  # type: ignore[union-attr]
    assert "no body" in items[2].reason  # type: ignore[union-attr]
    assert items[1].origin.endswith("#line-2")
