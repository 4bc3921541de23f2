"""The ingest service and commands, on the real database (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nashra.news.models import Article, IngestItem, IngestRun, Source

pytestmark = pytest.mark.django_db

BODY = [
    "أعلنت هيئة الأرصاد الجوية أمس أن موجة من الأمطار الغزيرة ستضرب المناطق الشمالية خلال الأيام الثلاثة المقبلة.",
    "وقال المتحدث باسم الهيئة إن كميات الأمطار المتوقعة تتجاوز المعدلات المعتادة في مثل هذا الوقت من العام.",
    "ودعت الهيئة السائقين إلى توخي الحذر على الطرق السريعة، وتجنب الأودية ومجاري السيول.",
    "وأوضح المتحدث أن فرق الطوارئ رفعت درجة الاستعداد في خمس محافظات، وأن المدارس قد تعلق الدراسة إذا اشتدت العاصفة.",
    "وتشهد المنطقة منذ مطلع الشهر تقلبات جوية حادة أدت إلى انقطاع الكهرباء عن عدد من القرى.",
]
HEADLINE = "أمطار غزيرة تضرب الشمال خلال أيام"


def _text_file(path: Path, body: list[str], *, extra: str = "") -> Path:
    path.write_text("\n".join([HEADLINE, *body, extra]).strip() + "\n", encoding="utf-8")
    return path


def _ingest(*targets: Path | str, **opts: object) -> dict[str, object]:
    out = StringIO()
    call_command("ingest", *[str(t) for t in targets], json=True, stdout=out, **opts)
    return json.loads(out.getvalue())


def test_ingest_stores_structured_article(tmp_path: Path) -> None:
    summary = _ingest(_text_file(tmp_path / "rain.txt", BODY), source="الوادي")
    assert summary["ingested"] == 1
    article = Article.objects.get()
    assert article.title == HEADLINE
    assert article.body == BODY
    assert article.source.name == "الوادي"
    assert bytes(article.original) == (tmp_path / "rain.txt").read_bytes()
    out = StringIO()
    call_command("show", article.pk, json=True, stdout=out)
    shown = json.loads(out.getvalue())
    for key in (
        "id",
        "source",
        "url",
        "title",
        "subtitle",
        "author",
        "published_at",
        "body",
        "boilerplate",
        "duplicate_of",
    ):
        assert key in shown
    assert shown["body"] == BODY


def test_same_input_twice_changes_nothing(tmp_path: Path) -> None:
    path = _text_file(tmp_path / "rain.txt", BODY)
    _ingest(path)
    second = _ingest(path)
    assert second["ingested"] == 0 and second["unchanged"] == 1
    assert Article.objects.count() == 1


def test_exact_and_near_duplicates_are_linked_to_the_first_copy(tmp_path: Path) -> None:
    first = _text_file(tmp_path / "a.txt", BODY)
    # Same body, different spelling of hamza/diacritics: still an exact duplicate.
    exact = _text_file(tmp_path / "b.txt", [p.replace("أعلنت", "اعلنت") for p in BODY], extra="")
    near = _text_file(
        tmp_path / "c.txt",
        [
            *BODY[:4],
            "وتابع المتحدث أن السلطات المحلية أعدت مراكز إيواء مؤقتة للأسر المتضررة في القرى المنخفضة.",
        ],
    )
    summary = _ingest(first, exact, near)
    assert summary["ingested"] == 1
    assert summary["exact_duplicates"] == 1 and summary["near_duplicates"] == 1
    original = Article.objects.get(duplicate_of__isnull=True)
    copies = Article.objects.filter(duplicate_of=original)
    assert {c.duplicate_kind for c in copies} == {"exact", "near"}


def test_rejections_are_logged_with_reasons_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "0_empty.txt").write_bytes(b"")
    _text_file(tmp_path / "1_good.txt", BODY)
    (tmp_path / "2_binary.txt").write_bytes(bytes(range(256)) * 10)
    summary = _ingest(tmp_path)
    assert summary["ingested"] == 1 and summary["rejected"] == 2
    run = IngestRun.objects.get()
    reasons = dict(run.items.filter(outcome="rejected").values_list("origin", "reason"))
    assert any(o.endswith("0_empty.txt") and "empty" in r for o, r in reasons.items())
    assert any(o.endswith("2_binary.txt") and "binary" in r for o, r in reasons.items())
    assert IngestItem.objects.filter(outcome="ingested").count() == 1


def test_learned_source_boilerplate(tmp_path: Path, settings: object) -> None:
    settings.NASHRA_BOILERPLATE_MIN_COUNT = 3  # type: ignore[attr-defined]
    sign_off = "خدمة الوادي الإخبارية"
    for i in range(5):
        body = [f"{p} (تقرير رقم {i * 7 + 3})" for p in BODY[i % 3 : i % 3 + 2]]
        _text_file(
            tmp_path / f"{i}.txt",
            [*body, f"نص إضافي مختلف رقم {i} عن حركة المرور في المدينة اليوم."],
            extra=sign_off,
        )
    _ingest(tmp_path, source="الوادي")
    last = Article.objects.order_by("-id").first()
    assert last is not None
    assert sign_off not in last.body and sign_off in last.boilerplate
    assert Source.objects.get(name="الوادي").lines.filter(count__gte=3).exists()


def test_map_option_and_usage_errors(tmp_path: Path) -> None:
    csv_path = tmp_path / "dump.csv"
    csv_path.write_text(
        "headline,story,when\n" + f'"{HEADLINE}","{chr(10).join(BODY)}",2026-11-21 08:00:00\n',
        encoding="utf-8",
    )
    summary = _ingest(csv_path, map=["title=headline", "body=story", "published_at=when"])
    assert summary["ingested"] == 1
    article = Article.objects.get()
    assert article.title == HEADLINE and article.published_at is not None
    with pytest.raises(CommandError, match="bad --map"):
        _ingest(csv_path, map=["nonsense"])
    with pytest.raises(CommandError, match="no such file"):
        _ingest(tmp_path / "missing.txt")


def test_articles_and_stats_commands(tmp_path: Path) -> None:
    _ingest(_text_file(tmp_path / "rain.txt", BODY), source="الوادي")
    out = StringIO()
    call_command("articles", json=True, stdout=out)
    assert json.loads(out.getvalue())[0]["title"] == HEADLINE
    out = StringIO()
    call_command("stats", json=True, stdout=out)
    stats = json.loads(out.getvalue())
    assert stats["articles"] == 1 and stats["by_source"] == {"الوادي": 1}


def test_seed_page_after_ingest(seed_path: Path) -> None:
    lines = [
        line.strip() for line in seed_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    _ingest(seed_path)
    out = StringIO()
    call_command("show", Article.objects.get().pk, json=True, stdout=out)
    shown = json.loads(out.getvalue())
    assert shown["title"] == lines[13]
    assert shown["subtitle"] == lines[14]
    assert shown["body"] == lines[:13]
    assert shown["boilerplate"] == lines[15:18]


def test_long_runs_collect_garbage_per_batch_and_restore_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is off during a run, runs after each full batch (freezing the first
    batch's long-lived objects), and is back as it was afterwards, failures included."""
    import gc

    from nashra.news import ingest

    seen: list[tuple[bool, int]] = []
    flush = ingest.Ingester._flush

    def watched(self: ingest.Ingester, batch: list[object], on_item: object) -> None:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        flush(self, batch, on_item)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "BATCH", 2)
    monkeypatch.setattr(ingest.Ingester, "_flush", watched)
    for k in range(5):
        body = [f"{p} (الخبر رقم {k})" for p in BODY]
        _text_file(tmp_path / f"news-{k}.txt", body)
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()  # the web worker's start-up freeze, if imported
    summary = _ingest(tmp_path)
    assert int(summary["ingested"]) + int(summary["duplicates"]) == 5  # type: ignore[call-overload]
    assert [enabled for enabled, _ in seen] == [False, False, False]
    assert seen[0][1] == frozen_before < seen[1][1]  # frozen after the first full batch
    assert gc.isenabled() and (gc.get_freeze_count() > 0) == (frozen_before > 0)

    def broken(self: ingest.Ingester, batch: list[object], on_item: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest.Ingester, "_flush", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest.Ingester().ingest(iter([object(), object()]))  # type: ignore[list-item]
    assert gc.isenabled() and (gc.get_freeze_count() > 0) == (frozen_before > 0)


def test_collector_keeps_a_web_workers_frozen_objects_frozen() -> None:
    import gc

    from nashra.news.batching import CollectPerBatch

    was_frozen = gc.get_freeze_count() > 0  # site/wsgi.py may have been imported
    try:
        gc.unfreeze()  # a process that froze nothing keeps nothing frozen
        job = CollectPerBatch()
        job.batch_done()
        job.end()
        assert gc.isenabled() and gc.get_freeze_count() == 0
        gc.collect()
        gc.freeze()  # as site/wsgi.py does at a worker's start
        job = CollectPerBatch()
        assert not gc.isenabled()
        job.batch_done()
        job.batch_done()
        job.end()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
        if not was_frozen:
            gc.unfreeze()


def test_collector_frees_a_batchs_cycles_and_old_ones_within_a_few_batches() -> None:
    import gc
    import weakref

    from nashra.news.batching import CollectPerBatch

    class Node:
        other: object = None

    def cycle() -> Node:
        a, b = Node(), Node()
        a.other, b.other = b, a
        return a

    was_frozen = gc.get_freeze_count() > 0
    job = CollectPerBatch()
    try:
        job.batch_done()  # the first batch: a full pass, then the survivors frozen
        young = weakref.ref(cycle())  # garbage made during a batch
        job.batch_done()
        assert young() is None
        kept = cycle()
        old = weakref.ref(kept)
        job.batch_done()  # it outlives a batch, then becomes garbage
        del kept
        for _ in range(CollectPerBatch.FULL_EVERY):
            job.batch_done()
        assert old() is None
    finally:
        job.end()
        if not was_frozen:
            gc.unfreeze()
