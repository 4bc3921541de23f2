"""A change to the terms of any word must raise ``TERMS_VERSION`` (the search index of
older terms is then rebuilt by ``nashra migrate``). The terms of a fixed set of words are
fingerprinted; when this test fails after a deliberate change to normalisation, stopwords
or the stemmer, raise TERMS_VERSION and record the new fingerprint under it."""

from __future__ import annotations

import hashlib

from nashra.text import STOPWORDS, TERMS_VERSION, terms
from nashra.text.stem import _PROTECTED_WORDS, LEARNT_PATH
from tests.text.test_variants import GROUPS

# Words of our own beside the variant groups: proclitics, suffixes, names, digits.
_SAMPLE = """
وقال المتحدث باسم الوزارة إن اللجنة ستجتمع يوم الخميس المقبل في الرياض لبحث الأوضاع،
مضيفاً أن الاجتماعات السابقة لم تسفر عن نتائج واضحة. وأكد مسؤولون لوكالة الأنباء أن
كلينتون ولافروف بحثا في كابول والبصرة ملفات عديدة بشكل موسع، وأن ٣ آلاف لاجئ وصلوا أمس.
فبالنسبة للمعلمين والمعلمات، فإن مدارسهم وبيوتهم وكتبهم بحاجة إلى إصلاحات كثيرة جداً.
"""
_FINGERPRINTS = {
    2: "9546b17f692a719f",
}


def _fingerprint() -> str:
    words = [w for group in GROUPS for w in group] + _PROTECTED_WORDS + _SAMPLE.split()
    words += sorted(STOPWORDS) + ["و" + w for w in sorted(STOPWORDS)]
    words += LEARNT_PATH.read_text("utf-8").split()
    joined = "\n".join(" ".join(terms(w)) for w in words)
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def test_terms_are_those_of_their_version() -> None:
    assert _fingerprint() == _FINGERPRINTS.get(TERMS_VERSION), (
        "terms changed: raise nashra.text.TERMS_VERSION and record this fingerprint"
    )
