from __future__ import annotations

from pathlib import Path

import pytest

from nashra.analyze.ner import bio_spans, find_entities, score, split_tokens, tag_conll, tag_tokens

pytestmark = pytest.mark.usefixtures("ner_model")


def _types(text: str) -> dict[str, str]:
    return {e.text: e.type for e in find_entities(text)}


def test_person_with_title_country_and_org() -> None:
    text = (
        "التقى الرئيس الفرنسي إيمانويل ماكرون في باريس وزير الخارجية السعودي فيصل بن فرحان، "
        "وبحثا التعاون مع منظمة الصحة العالمية."
    )
    found = _types(text)
    assert found.get("إيمانويل ماكرون") == "PERS"
    assert found.get("باريس") == "LOC"
    assert any(t == "ORG" and "منظمة الصحة العالمية" in s for s, t in found.items())


def test_offsets_index_the_text() -> None:
    text = (
        "وصل الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى القاهرة.\n\nوقال غوتيريش إن الوضع خطير."
    )
    for e in find_entities(text):
        assert text[e.start : e.end] == e.text
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}


def test_tag_tokens_is_bio() -> None:
    toks = ["قال", "وزير", "الدفاع", "الأمريكي", "لويد", "أوستن", "في", "واشنطن", "."]
    tags = tag_tokens(toks)
    assert len(tags) == len(toks)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert tag_tokens([]) == []


def test_split_tokens_keeps_punctuation_as_tokens() -> None:
    text = "قال: «نعم»، ثم غادر."
    toks = split_tokens(text)
    assert [t[0] for t in toks] == ["قال", ":", "«", "نعم", "»", "،", "ثم", "غادر", "."]
    assert all(text[s:e] == w for w, s, e in toks)


def test_tag_conll_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(
        "زار B-X extra\nالرئيس O\nالمصري O\nعبد O\nالفتاح O\nالسيسي O\nالرياض O\n. O\n\n"
        "وقالت O\nوزارة O\nالخارجية O\nإن O\nالزيارة O\nناجحة O\n",
        "utf-8",
    )
    out = tmp_path / "out.txt"
    n = tag_conll(src, out)
    lines = out.read_text("utf-8").split("\n")
    assert n == 14
    toks = [ln.split()[0] for ln in lines if ln.strip()]
    assert toks[:3] == ["زار", "الرئيس", "المصري"]
    assert "" in lines[:10]  # sentence break kept
    tags = [ln.split()[1] for ln in lines if ln.strip()]
    assert all(t == "O" or t[2:] in {"PERS", "LOC", "ORG", "MISC"} for t in tags)


def test_bio_spans_and_score() -> None:
    assert bio_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG"]) == [
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
    ]
    s = score([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "I-PERS", "O", "B-ORG"]])
    assert s["PERS"]["f1"] == 100.0
    assert s["micro"]["precision"] == 50.0
    assert s["micro"]["recall"] == 50.0


def test_split_tokens_of_a_range_matches_the_whole() -> None:
    text = "قال الوزير: «نعم». ثم غادر القاعة، وعاد بعد ساعة."
    whole = split_tokens(text)
    part = split_tokens(text, 19, len(text))
    assert part == [t for t in whole if t[1] >= 19]
    assert split_tokens(text, 0, 3) == [("قال", 0, 3)]


@pytest.fixture
def crf_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tagger without the neural model: the CRF path alone."""
    from nashra.analyze.ner import tagger

    monkeypatch.setattr(tagger, "_neural_path", lambda: None)


@pytest.mark.usefixtures("crf_alone")
def test_fast_tagger_agrees_with_crfsuite() -> None:
    # The numpy Viterbi over cached word scores must tag exactly as crfsuite does, long
    # sentences (tagged in pieces) included.
    from nashra.analyze.ner.tagger import tag_tokens_crfsuite

    texts = [
        "وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحفيين في موسكو إن الرئيس الروسي "
        "فلاديمير بوتين سيلتقي نظيره التركي رجب طيب أردوغان في سوتشي الأسبوع المقبل.",
        "أعلنت شركة أرامكو السعودية ومنظمة أوبك عن اتفاق جديد في فيينا، بحضور وزير الطاقة.",
        " ".join(["وصل الوفد الأردني إلى عمّان قادما من بغداد"] * 40),  # > 200 tokens
    ]
    for text in texts:
        toks = [t[0] for t in split_tokens(text)]
        assert tag_tokens(toks) == tag_tokens_crfsuite(toks)
    assert any(t != "O" for t in tag_tokens([t[0] for t in split_tokens(texts[0])]))


@pytest.mark.usefixtures("crf_alone")
def test_fast_tagger_is_exact_when_its_cache_starts_over(monkeypatch: pytest.MonkeyPatch) -> None:
    # A word cache far smaller than an article: it must start over between batches,
    # never in the middle of one, and tag exactly as before.
    from nashra.analyze.ner import linear
    from nashra.analyze.ner.tagger import tag_sentences, tag_tokens_crfsuite

    monkeypatch.setattr(linear, "CACHE_WORDS", 8)
    linear.clear_word_scores()
    sentences = [
        [t[0] for t in split_tokens(text)]
        for text in (
            "استقبل أمير منطقة الرياض وفدا من رجال الأعمال اليابانيين في قصر الحكم.",
            "وأعلنت وزارة الصحة المصرية في القاهرة عن حملة جديدة للتطعيم.",
        )
    ]
    for _ in range(2):
        assert tag_sentences(sentences) == [tag_tokens_crfsuite(s) for s in sentences]
    linear.clear_word_scores()


def test_document_pass_gives_a_name_one_type() -> None:
    from nashra.analyze.ner.document import consistent

    sentences = [
        ["فاز", "الهلال", "على", "النصر", "."],
        ["وقال", "مدرب", "الهلال", "إن", "المباراة", "صعبة", "."],
        ["واحتفل", "جمهور", "والهلال", "بالفوز", "في", "الرياض", "."],
        ["وهنأ", "الأمير", "الهلال", "بالفوز", "."],
    ]
    tags = [
        ["O", "B-ORG", "O", "B-ORG", "O"],
        ["O", "O", "O", "O", "O", "O", "O"],  # missed here
        ["O", "O", "O", "O", "O", "B-LOC", "O"],  # missed after a proclitic
        ["O", "O", "B-PERS", "O", "O"],  # mistyped
    ]
    out = consistent(sentences, tags)
    assert out[0] == tags[0]
    assert out[1][2] == "B-ORG"
    assert out[2][2] == "B-ORG" and out[2][5] == "B-LOC"
    assert out[3][2] == "B-ORG"
    assert sum(t != "O" for t in out[1]) == 1  # nothing else touched


def test_tag_conll_reads_documents(tmp_path: Path) -> None:
    from nashra.analyze.ner.conll import _documents

    marked = [["-DOCSTART-"], ["أ"], ["ب"], ["-DOCSTART-"], ["ج"]]
    assert _documents(marked) == [[["-DOCSTART-"]], [["أ"], ["ب"]], [["-DOCSTART-"]], [["ج"]]]
    plain = [[str(i)] for i in range(23)]
    assert [len(d) for d in _documents(plain)] == [10, 10, 3]
    src = tmp_path / "in.txt"
    src.write_text("-DOCSTART- O\n\nزار O\nالسيسي O\nالرياض O\n", "utf-8")
    out = tmp_path / "out.txt"
    assert tag_conll(src, out) == 4
    assert out.read_text("utf-8").startswith("-DOCSTART- O\n\n")


def test_resegment_cuts_after_full_stops_not_at_shifted_boundaries() -> None:
    from nashra.analyze.ner.conll import resegment

    # a well-formed file is read as it is, a sentence with a full stop inside included
    plain = [["زار", "السيسي", "الرياض", ".", "."], ["وقال", ".", "إنه", "سعيد"], ["نعم", "."]]
    assert resegment(plain) == plain
    # the first token of each sentence at the end of the one before (the CAMeL test file)
    shifted = [["زار", "السيسي", "الرياض", ".", "وقال"], ["إنه", "سعيد", "."]]
    assert resegment(shifted) == [["زار", "السيسي", "الرياض", "."], ["وقال", "إنه", "سعيد", "."]]
    # the full stop at the start of the next sentence
    moved = [["زار", "الرياض"], [".", "وقال", "إنه"], [".", "ثم"]]
    assert resegment(moved) == [["زار", "الرياض"], ["."], ["وقال", "إنه", "."], ["ثم"]]
    # sentences without a full stop (headlines) keep the file's boundaries
    heads = [["-DOCSTART-"], ["قمة", "في", "الرياض"], ["السيسي", "يزور", "عمان"]]
    assert resegment(heads) == heads
    # a shifted file: its headline keeps its break
    mixed = [*heads[:2], ["زار", "الرياض", ".", "وقال"], ["إنه", "سعيد", ".", "ثم"], ["غادر", "."]]
    assert resegment(mixed) == [
        *heads[:2],
        ["زار", "الرياض", "."],
        ["وقال", "إنه", "سعيد", "."],
        ["ثم", "غادر", "."],
    ]


def test_tag_conll_tags_a_shifted_file_as_the_plain_one(tmp_path: Path) -> None:
    sents = [
        ["زار", "الرئيس", "المصري", "عبد", "الفتاح", "السيسي", "الرياض", "."],
        ["والتقى", "ولي", "العهد", "السعودي", "الأمير", "محمد", "بن", "سلمان", "."],
        ["وقالت", "وزارة", "الخارجية", "المصرية", "إن", "الزيارة", "ناجحة", "."],
    ]
    shifted = [sents[0] + sents[1][:1], sents[1][1:] + sents[2][:1], sents[2][1:]]

    def tagged(layout: list[list[str]], name: str) -> list[str]:
        src, out = tmp_path / f"{name}.in", tmp_path / f"{name}.out"
        src.write_text("".join("".join(f"{t} O\n" for t in s) + "\n" for s in layout), "utf-8")
        assert tag_conll(src, out) == sum(map(len, sents))
        lines = out.read_text("utf-8").split("\n")
        # the file's own layout: a blank line after each of its sentences
        assert [i for i, ln in enumerate(lines) if not ln][:3] == [
            len(layout[0]),
            len(layout[0]) + len(layout[1]) + 1,
            sum(map(len, layout)) + 2,
        ]
        return [ln.split()[1] for ln in lines if ln]

    plain = tagged(sents, "plain")
    assert any(t != "O" for t in plain)
    assert tagged(shifted, "shifted") == plain


def test_the_nashra_command_takes_hyphenated_names(tmp_path: Path) -> None:
    """`nashra tag-conll IN OUT` and `nashra train-ner` as documented (Django's own names
    are tag_conll, train_ner)."""
    import subprocess
    import sys

    src, out = tmp_path / "in.txt", tmp_path / "out.txt"
    src.write_text("زار O\nالسيسي O\nالرياض O\n. O\n", "utf-8")
    run = [sys.executable, "-m", "nashra.cli"]
    done = subprocess.run([*run, "tag-conll", str(src), str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [ln.split()[0] for ln in out.read_text("utf-8").split("\n") if ln] == [
        "زار",
        "السيسي",
        "الرياض",
        ".",
    ]
    helped = subprocess.run([*run, "train-ner", "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "nashra train_ner" in helped.stdout, helped.stderr
    # the training module's own options, first on the line, reach it
    empty = tmp_path / "no-data"
    trained = subprocess.run(
        [*run, "train-ner", "--data", str(empty), "--final"], capture_output=True, text=True
    )
    assert trained.returncode == 0, trained.stderr
    assert "nothing to train" in trained.stdout


def test_spelling_variants_of_a_word_have_one_variant_key_and_the_same_features() -> None:
    from nashra.analyze.ner.features import variant_key, word_parts

    plain, marked, stretched = "المفاوضات", "المُفاوَضات", "المفاوضـات"
    assert variant_key(plain) == variant_key(marked) == variant_key(stretched)
    assert word_parts(plain) == word_parts(marked) == word_parts(stretched)
    # the shape is part of the key: a Latin word's case changes its features
    assert variant_key("Reuters") != variant_key("reuters")
    assert word_parts("Reuters").own != word_parts("reuters").own
