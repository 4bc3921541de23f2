from __future__ import annotations

import pytest

from nashra.analyze.gender import cue_gender, name_gender, title_gender
from nashra.text import match_form


@pytest.mark.parametrize(
    ("cue", "gender"),
    [
        ("قال", "m"),
        ("وأضافت", "f"),
        ("فرأت", "f"),
        ("رأى", "m"),
        ("تقول", "f"),
        ("يقول", "m"),
        ("تابع", "m"),  # its ت is the root's
        ("لفت", "m"),
        ("لفتت", "f"),
        ("مؤكدةً", "f"),
        ("مشدداً", "m"),
        ("قالوا", ""),
        ("كتاب", ""),
    ],
)
def test_cue_gender(cue: str, gender: str) -> None:
    assert cue_gender(cue) == gender


@pytest.mark.parametrize(
    ("name", "kind", "gender"),
    [
        ("السفارة الفرنسية", "", "f"),
        ("المصادر", "", "f"),
        ("السلطات المحلية", "", "f"),
        ("البيان", "", "m"),
        ("الجيش اللبناني", "ORG", "m"),
        ("غوغل", "ORG", ""),
        ("ليلى العبدالله", "PERS", "f"),  # not ل + يلى
        ("فاطمة الزهراء", "PERS", "f"),
        ("أسامة حمدي", "PERS", ""),
        ("المغرب", "LOC", ""),
    ],
)
def test_name_gender(name: str, kind: str, gender: str) -> None:
    assert name_gender(match_form(name), kind) == gender


def test_title_gender() -> None:
    assert title_gender(match_form("والوزيرة")) == "f"
    assert title_gender(match_form("وزير")) == "m"
    assert title_gender(match_form("مدرب")) == "m"  # the list has المدرب
    assert title_gender(match_form("المدربة")) == "f"
    assert title_gender(match_form("الحكومة")) == ""


def test_a_title_whose_feminine_is_another_word_gives_no_gender() -> None:
    # الفلاحة is agriculture (وزير الفلاحة), الحاجة a need, المواطنة citizenship
    for word in ("الفلاحة", "الحاجة", "المواطنة"):
        assert title_gender(match_form(word)) == ""
    assert title_gender(match_form("الفلاح")) == "m"
    assert title_gender(match_form("التلميذة")) == "f"
