"""Cities and regions outside the Arab world that the news names, that CLDR's city list
(the gazetteer's source) leaves out and that the tagger, having seen few of them, often
misses (نيودلهي، إزمير، خاركيف) or cuts (فيصل آباد → آباد, سانت بطرسبرغ as two places).
:func:`nashra.analyze.arab_cities.known_cities` finds them with the Arab world's.

Left out: names that are common words (ليل "night", كان "was", نيس, لفيف "a crowd", رين),
cities named in their clubs' names (مانشستر، بريمن، آيندهوفن، لايبزيغ), and given names
(كرمان).
"""

from __future__ import annotations

__all__ = ["WORLD_CITIES"]

WORLD_CITIES: tuple[str, ...] = (
    # South Asia and Afghanistan
    *["نيودلهي", "مومباي", "لاهور", "ملتان", "هرات", "قندوز"],
    "فيصل آباد",
    "مزار شريف",
    # Turkey
    *["إزمير", "عينتاب", "قونية", "مرسين", "ملاطية", "دنيزلي", "أرضروم"],
    "غازي عنتاب",
    "إسكي شهر",
    "كهرمان مرعش",
    "شانلي أورفا",
    # Iran
    *["أصفهان", "تبريز", "الأهواز", "نطنز"],
    "بندر عباس",
    # Russia, Ukraine and the Caucasus
    *[
        "كورسك",
        "خاركيف",
        "دنيبرو",
        "ماريوبول",
        "باخموت",
        "خيرسون",
        "لوغانسك",
        "نوفوسيبيرسك",
        "قازان",
        "غروزني",
    ],
    *["تشيليابينسك", "ستيباناكيرت"],
    "سانت بطرسبرغ",
    "ناغورني كاراباخ",
    # Europe
    *[
        "دافوس",
        "دوسلدورف",
        "إدنبرة",
        "مالمو",
        "أرهوس",
        "يوتيبوري",
        "غدانسك",
        "صقلية",
        "مالقة",
        "سرقسطة",
    ],
    *["مونبلييه", "نانت", "أوتريخت", "سكوبيي"],
    # China, Africa, the Americas
    *["غوانغتشو", "ووهان", "ديربان", "مومباسا", "ياوندي"],
    "ريو دي جانيرو",
    "لاس فيغاس",
)
