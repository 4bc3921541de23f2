"""Spelling variants must find the same articles: a check over the ingested corpus.

For each group of variants of one word (diacritics, tatweel, alef/hamza forms, ى/ي, ة/ه,
digit scripts, attached و/ف/ب/ك/ل/ال, and a few phrases), every variant's complete set of
matching article ids (``backend.ids``) must equal the first variant's, and be non-empty.
Runs on the database ``nashra`` would use (NASHRA_HOME or DATABASE_URL); the corpus must
already be ingested and indexed (``bench/search.py`` does both). Writes
``bench/results/variants.json`` (``variants-<backend>.json`` on PostgreSQL).

Usage: NASHRA_HOME=/tmp/benchsearch .venv/bin/python bench/variants.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.site.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from nashra.news.search import get_backend  # noqa: E402
from nashra.text import query_terms  # noqa: E402

# (what varies, variants); the first variant is the reference spelling.
GROUPS: list[tuple[str, list[str]]] = [
    (
        "hamza seat ؤ/ئ, proclitics",
        ["المسؤولين", "المسئولين", "مسؤولين", "والمسؤولين", "للمسؤولين", "فللمسؤولين"],
    ),
    ("alef hamza, tatweel, proclitics", ["إيران", "ايران", "إيـــران", "وإيران", "بإيران"]),
    ("ة/ه, proclitics", ["الرئاسة", "الرئاسه", "والرئاسة", "للرئاسة"]),
    ("digit scripts", ["2015", "٢٠١٥", "۲۰۱۵"]),
    ("digit scripts", ["100", "١٠٠", "۱۰۰"]),
    ("proclitic stacks, ة/ه", ["وزارة", "الوزارة", "والوزارة", "بالوزارة", "للوزارة", "وزاره"]),
    (
        "ة/ه, proclitics, diacritics",
        ["المملكة", "المملكه", "والمملكة", "بالمملكة", "للمملكة", "المَمْلَكَة"],
    ),
    ("ة/ه, shadda, proclitics", ["السعودية", "السعوديه", "السعوديّة", "والسعودية", "بالسعودية"]),
    ("alef hamza, diacritics", ["الأمير", "الامير", "والأمير", "للأمير", "الأَمِير"]),
    ("ى/ي, proclitics", ["المستشفى", "المستشفي", "مستشفى", "بالمستشفى", "والمستشفى"]),
    ("ة/ه, proclitics", ["الشرطة", "الشرطه", "والشرطة", "للشرطة"]),
    ("alef forms of a proper noun", ["أردوغان", "اردوغان", "إردوغان", "وأردوغان"]),
    ("alef hamza, proclitics", ["إسرائيل", "اسرائيل", "وإسرائيل", "لإسرائيل"]),
    ("alef hamza, tatweel", ["الإرهاب", "الارهاب", "والإرهاب", "للإرهاب", "الإرهـــاب"]),
    ("madda آ/ا", ["القرآن", "القران", "والقرآن", "بالقرآن"]),
    ("hamza seat, proclitics", ["المؤتمر", "والمؤتمر", "بالمؤتمر", "مؤتمر"]),
    ("proclitics, diacritics", ["الرياض", "والرياض", "بالرياض", "الرِّيَاض"]),
    # Not وجدة: that is Oujda, a Moroccan city, not و + جدة, and must stay apart.
    ("ة/ه, short word with proclitics", ["جدة", "جده", "بجدة", "لجدة", "وبجدة"]),
    ("proclitics", ["اليمن", "واليمن", "باليمن", "لليمن", "اليَمَن"]),
    ("proclitics", ["الحوثي", "والحوثي", "للحوثي"]),
    ("proclitics", ["الهلال", "والهلال", "بالهلال", "للهلال"]),
    ("proclitics, tatweel", ["رمضان", "ورمضان", "برمضان", "رمضـان"]),
    ("proclitics", ["الحج", "والحج", "بالحج", "للحج"]),
    ("proclitics, diacritics", ["العيد", "والعيد", "بالعيد", "للعيد", "العِيد"]),
    ("proclitics", ["داعش", "وداعش", "لداعش", "بداعش"]),
    ("proclitics", ["مليون", "بمليون", "ومليون"]),
    # names and stems that begin with a proclitic letter (kept whole since session 14)
    ("name beginning with ك, proclitics", ["كلينتون", "وكلينتون", "لكلينتون"]),
    ("name beginning with ل, proclitics", ["لافروف", "ولافروف", "للافروف"]),
    ("name beginning with ك, proclitics", ["كابول", "بكابول", "وكابول"]),
    ("name beginning with ب, proclitics", ["بنغازي", "وبنغازي", "لبنغازي"]),
    ("month beginning with ف, proclitic", ["فبراير", "وفبراير"]),
    ("accusative alif, لل before ل", ["لاعب", "لاعبا", "اللاعب", "للاعب", "للاعبين"]),
    ("لل before ل, proclitics", ["لجنة", "اللجنة", "للجنة", "واللجنة", "وللجنة"]),
    ("phrase: ى/ي, shadda", ['"ولي العهد"', '"وليّ العهد"', '"ولى العهد"']),
    (
        "phrase: alef hamza, ة/ه, proclitic",
        ['"الأمم المتحدة"', '"الامم المتحده"', '"للأمم المتحدة"'],
    ),
    ("phrase: diacritics, proclitic", ['"الملك سلمان"', '"الملِك سلمان"', '"للملك سلمان"']),
    (
        "phrase: ة/ه, proclitics",
        ['"وزارة الصحة"', '"وزارة الصحه"', '"بوزارة الصحة"', '"ووزارة الصحة"'],
    ),
]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    backend = get_backend()
    rows = []
    for what, variants in GROUPS:
        reference = set(backend.ids(variants[0], cap=10**9))
        per_variant = []
        for v in variants:
            found = set(backend.ids(v, cap=10**9))
            per_variant.append(
                {
                    "variant": v,
                    "terms": query_terms(v.strip('"')),
                    "count": len(found),
                    "same": found == reference,
                    "missing": len(reference - found),
                    "extra": len(found - reference),
                }
            )
        ok = bool(reference) and all(p["same"] for p in per_variant)
        rows.append(
            {
                "group": variants[0],
                "varies": what,
                "pass": ok,
                "articles": len(reference),
                "variants": per_variant,
            }
        )
        mark = "ok  " if ok else "FAIL"
        print(
            f"{mark} {variants[0]:14} {len(reference):6} "
            + " ".join(f"{p['variant']}={p['count']}" for p in per_variant if not p["same"])
        )
    passed = sum(r["pass"] for r in rows)
    report = {
        "backend": backend.name,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "groups": len(rows),
        "passed": passed,
        "pass_rate": round(passed / len(rows), 3),
        "variants": sum(len(r["variants"]) for r in rows),
        "variants_same": sum(p["same"] for r in rows for p in r["variants"]),
        "results": rows,
    }
    print(
        f"{passed}/{len(rows)} groups pass ({report['variants_same']}/{report['variants']} variants agree)"
    )
    out = args.out or ROOT / "bench" / "results" / (
        "variants.json" if connection.vendor == "sqlite" else f"variants-{backend.name}.json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
