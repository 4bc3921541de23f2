"""Our annotated passages as BIO training sentences (train/own_news.py)."""

from __future__ import annotations

from nashra.analyze.train.own_news import (
    TRAINING_SETS,
    parse_sets,
    passage_sentences,
    read_own_sets,
    set_path,
)

TEXT = (
    "استقبل وزير الخارجية المغربي ناصر بوريطة في الرباط نظيره الروسي سيرغي لافروف. "
    "وقال الوزير إن الحكومة المغربية تدعم الحوار، بحسب وكالة المغرب العربي للأنباء (ومع).\n\n"
    "وأكد لافروف أن روسيا مستعدة للتعاون مع المغرب."
)
ENTITIES = [
    {"name": "ناصر بوريطة", "type": "PERS", "mentions": ["ناصر بوريطة", "الوزير"]},
    {"name": "الرباط", "type": "LOC", "mentions": ["الرباط"]},
    {"name": "روسيا", "type": "LOC", "mentions": ["الروسي", "روسيا"]},
    {"name": "سيرغي لافروف", "type": "PERS", "mentions": ["سيرغي لافروف", "لافروف"]},
    {"name": "المغرب", "type": "LOC", "mentions": ["المغربي", "المغربية", "المغرب"]},
    {
        "name": "وكالة المغرب العربي للأنباء",
        "type": "ORG",
        "mentions": ["وكالة المغرب العربي للأنباء", "ومع"],
    },
]


def tags(sents: list[list[tuple[str, str]]]) -> dict[str, str]:
    return {tok: tag for sent in sents for tok, tag in sent}


def test_names_are_tagged_in_bio_over_the_taggers_tokens() -> None:
    sents = passage_sentences(TEXT, ENTITIES)
    assert len(sents) == 3
    first = sents[0]
    assert ("ناصر", "B-PERS") in first and ("بوريطة", "I-PERS") in first
    assert ("سيرغي", "B-PERS") in first and ("لافروف", "I-PERS") in first
    assert ("الرباط", "B-LOC") in first
    assert first[-1] == (".", "O")  # punctuation is its own token, never inside a name
    second = sents[1]
    agency = [tag for tok, tag in second if tag.endswith("ORG")]
    assert agency == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG"]  # the name, then ومع
    # the longest form wins: المغرب inside the agency's name is not a place
    assert ("المغرب", "I-ORG") in second
    assert ("لافروف", "B-PERS") in sents[2] and ("روسيا", "B-LOC") in sents[2]
    assert ("المغرب", "B-LOC") in sents[2]


def test_nisbas_roles_and_adjectival_uses_stay_outside() -> None:
    t = tags(passage_sentences(TEXT, ENTITIES))
    assert t["الروسي"] == "O"  # a nisba standing for the country
    assert t["المغربي"] == "O" and t["المغربية"] == "O"
    assert t["الوزير"] == "O"  # a role standing for the person
    assert t["الخارجية"] == "O"


def test_a_country_after_a_definite_noun_is_an_adjective() -> None:
    text = "قالت الحكومة السعودية إن السعودية ماضية في خططها."
    ents = [{"name": "السعودية", "type": "LOC", "mentions": ["السعودية"]}]
    (sent,) = passage_sentences(text, ents)
    assert [tag for tok, tag in sent if tok == "السعودية"] == ["O", "B-LOC"]


def test_set_numbers_and_files() -> None:
    assert parse_sets("1-3,7") == [1, 2, 3, 7]
    assert parse_sets("") == []
    assert set_path(1).name == "entities_blind.json"
    assert set_path(12).name == "entities_blind12.json"
    # the training sets ship in the repository: every one reads, and tags something
    sents = read_own_sets(TRAINING_SETS)
    assert len(sents) > 1000
    assert sum(tag.startswith("B-") for s in sents for _, tag in s) > 5000
    assert read_own_sets([999]) == []  # an absent set is skipped
