"""Build ``models/gazetteer.json``: countries, cities and nisba adjectives from CLDR
(babel's Arabic locale), plus a word → entity-type table from WikiFANE when present.

Usage: ``python -m nashra.analyze.train.gazetteer [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from nashra.analyze.lexicon import NISBA_OVERRIDES
from nashra.analyze.train.data import DEFAULT_DATA, read_wikifane
from nashra.text import match_form

MODELS = Path(__file__).resolve().parent.parent / "models"
GAZETTEER_PATH = MODELS / "gazetteer.json"

# Extra place names news uses that CLDR spells differently or lacks.
_EXTRA_COUNTRIES: dict[str, list[str]] = {
    "الولايات المتحدة": [
        "أمريكا",
        "أميركا",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
    ],
    "المملكة المتحدة": ["بريطانيا"],
    "المملكة العربية السعودية": ["السعودية"],
    "الإمارات العربية المتحدة": ["الإمارات"],
    "فلسطين": ["فلسطين", "الأراضي الفلسطينية"],
    "سوريا": ["سورية"],
    "كوريا الجنوبية": ["كوريا"],
    "ليبيا": ["ليبيا"],
}
# CLDR's names that news writes otherwise: the name shown, CLDR's kept as an alias
_RENAMED = {"هنغاريا": "المجر"}
_EXTRA_CITIES = [
    "موسكو",
    "دمشق",
    "إدلب",
    "حلب",
    "أنقرة",
    "إسطنبول",
    "اسطنبول",
    "واشنطن",
    "نيويورك",
    "لندن",
    "باريس",
    "برلين",
    "بيروت",
    "عمان",
    "القاهرة",
    "الرياض",
    "جدة",
    "مكة",
    "المدينة",
    "دبي",
    "أبوظبي",
    "الدوحة",
    "الكويت",
    "المنامة",
    "مسقط",
    "بغداد",
    "البصرة",
    "الموصل",
    "طهران",
    "كابول",
    "صنعاء",
    "عدن",
    "الخرطوم",
    "طرابلس",
    "تونس",
    "الجزائر",
    "الرباط",
    "الدار",
    "غزة",
    "القدس",
    "رام",
    "الله",
    "الخليل",
    "نابلس",
    "حمص",
    "حماة",
    "اللاذقية",
    "درعا",
    "الرقة",
    "دير",
    "الزور",
    "كييف",
    "بكين",
    "طوكيو",
    "روما",
    "مدريد",
    "جنيف",
    "فيينا",
    "بروكسل",
    "سوتشي",
    "أستانا",
]
_NISBA_SKIP = {"ال", "جزر", "جزيرة", "جمهورية", "مملكة"}

# Organisation names news writes often and WikiFANE barely has: football clubs, car
# makers, companies, news media. Words, not phrases (each word gets the ORG flag), and
# only distinctive ones: no common noun (الاتحاد، الشباب، النصر، الجزيرة) and no
# month name (نيسان) or letter name (بي، سي), which would flag ordinary words; no city
# (نيويورك of نيويورك تايمز). A club named after its city
# (ليون، بورتو، هامبورغ) keeps its LOC flag too: both types then show as possible.
_EXTRA_ORGANISATIONS = """
يوفنتوس يوفنتس ميلان الميلان الإنتر إنتر نابولي فيورنتينا لاتسيو سامبدوريا
بايرن دورتموند بوروسيا شالكه ليفركوزن بريمن هامبورغ شتوتغارت فولفسبورغ
برشلونة أتلتيكو أتليتيكو فالنسيا إشبيلية اشبيلية فياريال ديبورتيفو بيتيس
مانشستر يونايتد ليفربول تشيلسي تشلسي أرسنال آرسنال ارسنال توتنهام نيوكاسل إيفرتون
جيرمان مرسيليا ليون موناكو بوردو
أياكس أيندهوفن آيندهوفن فينورد بورتو بنفيكا سبورتنغ سلتيك رينجرز
غلطة سراي فنربخشة فنربهشة بشكتاش أولمبياكوس باناثينايكوس
شاختار دينامو زينيت سسكا لوكوموتيف ستيوا أندرلخت بازل كوبنهاغن سالزبورغ
الزمالك الإسماعيلي الاسماعيلي الترجي الوداد الفيصلي الوحدات الغرافة الريان
تويوتا هوندا ميتسوبيشي مازدا سوبارو سوزوكي لكزس إنفينيتي هيونداي هيونداى كيا دايو
فورد شيفروليه شيفروليت كرايسلر كاديلاك تسلا مرسيدس أودي فولكسفاغن
فولكس فاجن بورشه أوبل رينو بيجو سيتروين فيات فيراري لامبورغيني لامبورجيني
مازيراتي بوجاتي رولز رويس بنتلي جاغوار جاكوار فولفو سكودا سيات لادا جيلي بريلاينس
مايكروسوفت أبل غوغل جوجل أمازون فيسبوك تويتر سامسونغ سامسونج نوكيا سوني إنتل
أرامكو سابك بوينغ بوينج إيرباص إكسون موبيل شيفرون
رويترز أسوشيتد برس بلومبرغ بلومبيرغ تايمز بوست الغارديان غارديان لوموند لوفيغارو
شبيغل بيلد
""".split()  # noqa: SIM905 - a word list reads best as text

# WikiFANE fine class → coarse type (None: not an entity in ANERcorp's scheme).
WIKIFANE_MAP: dict[str, str | None] = {
    **dict.fromkeys(
        [
            "Politician",
            "Religious_PER",
            "Artist",
            "Other_PER",
            "Scientist",
            "Athlete",
            "Businessperson",
            "Engineer",
            "Lawyer",
            "Police",
        ],
        "PERS",
    ),
    **dict.fromkeys(
        [
            "Commercial",
            "Non-Governmental",
            "Government",
            "Educational",
            "Media",
            "Sports",
            "Religious_ORG",
            "Medical-Science",
            "Entertainment",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        [
            "Population-Center",
            "Nation",
            "State-or-Province",
            "Continent",
            "GPE-Cluster",
            "County-or-District",
            "Water-Body",
            "Land-Region-Natural",
            "Building-Grounds",
            "Path",
            "Airport",
            "Subarea-Facility",
        ],
        "LOC",
    ),
    **dict.fromkeys(
        [
            "Book",
            "Software",
            "Hardware",
            "Movie",
            "Sound",
            "Food",
            "Drug",
            "Plant",
            "Air",
            "Water",
            "Land",
            "Projectile",
            "Nuclear",
            "Shooting",
            "Blunt",
            "Exploding",
            "Chemical",
            "Sharp",
        ],
        "MISC",
    ),
    "Group": None,
    "Celestial": None,
}


def nisba_of(name: str) -> str | None:
    """Masculine nisba adjective of a one-word country name, by rule (روسيا → روسي)."""
    words = name.split()
    if len(words) != 1:
        return None
    w = words[0]
    if w.startswith("ال"):
        w = w[2:]
    if len(w) < 3 or w in _NISBA_SKIP:
        return None
    if w.endswith("يا"):
        return w[:-2] + "ي"
    if w.endswith("ية"):
        return w[:-1]
    if w.endswith("ا"):
        return w[:-1] + "ي"
    return w + "ي"


def build(data: Path = DEFAULT_DATA) -> dict[str, object]:
    from babel import Locale  # only needed to rebuild the gazetteer

    loc = Locale("ar")
    countries: dict[str, list[str]] = {}
    for code, name in loc.territories.items():
        if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO", "XA", "XB"}:
            countries.setdefault(name, [name])
    for cldr, display in _RENAMED.items():
        countries[display] = [display, *countries.pop(cldr)]
    for display, aliases in _EXTRA_COUNTRIES.items():
        countries.setdefault(display, [display])
        for a in aliases:
            if a not in countries[display]:
                countries[display].append(a)
    cities = sorted(
        {v["city"] for v in loc.time_zones.values() if "city" in v} | set(_EXTRA_CITIES)
    )
    nisba: dict[str, str] = {}
    for display in countries:
        n = nisba_of(display)
        if n:
            nisba.setdefault(match_form(n), display)
    for adj, country in NISBA_OVERRIDES.items():
        nisba[match_form(adj)] = country

    words: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in read_wikifane(data):
        for tok, tag in sent:
            if tag != "O":
                words[match_form(tok)][tag[2:]] += 1
    for aliases in countries.values():
        for a in aliases:
            for w in match_form(a).split():
                words[w]["LOC"] += 3
    for c in cities:
        for w in match_form(c).split():
            words[w]["LOC"] += 3
    for name in _EXTRA_ORGANISATIONS:
        words[match_form(name)]["ORG"] += 3
    token_types = {
        w: sorted(t for t, n in cnt.items() if n >= 2)
        for w, cnt in words.items()
        if len(w) >= 2 and sum(cnt.values()) >= 2
    }
    token_types = {w: t for w, t in token_types.items() if t}
    return {
        "countries": countries,
        "cities": cities,
        "nisba": nisba,
        "token_types": dict(sorted(token_types.items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=GAZETTEER_PATH)
    args = ap.parse_args(argv)
    gaz = build(args.data)
    args.out.write_text(json.dumps(gaz, ensure_ascii=False, separators=(",", ":")), "utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
