"""Every bundled example comes out with the structure examples/README.md describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from nashra.extract.document import Document, Rejection
from nashra.extract.inputs import read_targets

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _docs(*names: str) -> list[Document]:
    items = list(read_targets([str(EXAMPLES / n) for n in names]))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert not rejected, rejected
    return [i for i in items if isinstance(i, Document)]


@pytest.mark.parametrize(
    ("name", "encoding", "title_start", "has_subtitle", "paragraphs", "boilerplate"),
    [
        ("text/a_seed_layout_water_deal.txt", "utf-8", "تركيا والعراق يوقعان", True, 7, 3),
        ("text/b_headline_first_drought.cp1256.txt", "cp1256", "الجفاف يهدد", True, 6, 2),
        ("text/c_social_lines_quake.txt", "utf-8", "إردوغان يتفقد", False, 6, 2),
        ("html/water_deal_mashriq.html", "utf-8", "أنقرة وبغداد", True, 6, 0),
        ("html/rate_cut_nile_nocharset.html", "utf-8", "المركزي المصري", True, 7, 0),
        ("html/riyadh_startup.cp1256.html", "cp1256", "«سحابة نجد»", True, 6, 0),
        ("html/aqaba_port_en.html", "utf-8", "Aqaba port", True, 6, 0),
        ("archives/one.txt.gz", "utf-8", "أمانة عمان", True, 6, 3),
    ],
)
def test_single_documents(
    name: str,
    encoding: str,
    title_start: str,
    has_subtitle: bool,
    paragraphs: int,
    boilerplate: int,
) -> None:
    [doc] = _docs(name)
    assert doc.encoding == encoding
    assert doc.title.startswith(title_start)
    assert bool(doc.subtitle) == has_subtitle
    assert len(doc.body) == paragraphs
    assert len(doc.boilerplate) == boilerplate
    assert doc.title not in doc.body and doc.subtitle not in doc.body


def test_html_metadata() -> None:
    [doc] = _docs("html/water_deal_mashriq.html")
    assert doc.author and doc.url.startswith("https://") and doc.language == "ar"
    assert doc.published_at is not None and doc.published_at.year == 2026
    [en] = _docs("html/aqaba_port_en.html")
    assert en.language == "en" and en.author == "Lina Haddad"


def test_feeds() -> None:
    rss2 = _docs("feeds/rss2.xml")
    assert len(rss2) == 3 and all(len(d.body) >= 5 and not d.needs_fetch for d in rss2)
    rss1 = _docs("feeds/rss1.rdf")
    assert len(rss1) == 2 and all(d.needs_fetch and d.url for d in rss1)
    atom = _docs("feeds/atom.xml")
    assert len(atom) == 2 and all(d.published_at for d in atom)
    jf = _docs("feeds/feed.json")
    assert len(jf) == 2 and all(d.title and d.author for d in jf)
    assert all(d.origin.rsplit("#", 1)[1].startswith("item-") for d in rss2 + rss1 + atom + jf)


def test_dumps() -> None:
    jsonl = _docs("dumps/articles.jsonl")
    assert len(jsonl) == 4 and all(d.title and d.author and d.published_at and d.url for d in jsonl)
    arr = _docs("dumps/articles.json")
    assert len(arr) == 3 and all(d.source and d.published_at for d in arr)
    csv_docs = _docs("dumps/articles.csv")
    assert len(csv_docs) == 3 and all(d.title and d.url for d in csv_docs)


def test_archives() -> None:
    warc = _docs("archives/pages.warc.gz")
    assert len(warc) == 2  # the image/png response is skipped
    assert {d.encoding for d in warc} == {"utf-8", "cp1256"}
    assert all(d.url.startswith("https://") for d in warc)
    bundle = _docs("archives/bundle.zip")
    assert sorted(d.format for d in bundle) == ["html", "text"]
    assert all("!news/" in d.origin for d in bundle)


def test_whole_examples_folder_reads_without_rejections() -> None:
    docs = _docs("text", "html", "feeds", "dumps", "archives")
    assert len(docs) == 31
    assert not any("build_archives" in d.origin or ".src" in d.origin for d in docs)
