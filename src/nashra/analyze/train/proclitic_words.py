"""Learn the words whose first letter و ف ب ك ل is their own, not a proclitic
(``nashra/text/proclitic_letter_words.txt``, read by the stemmer).

The stemmer's hand-written list protects the common ones (وزارة, لبنان, كلينتون); the long
tail is mostly foreign names (بانوراما, فودافون, بطرسبرغ) that no list keeps up with. The
corpus tells them apart: when a word is read as a proclitic + a rest, that rest is written
elsewhere too — alone, after the article or after another proclitic (وقال: قال; بشكل:
الشكل). A word is learnt when

* it occurs at least ``--min-count`` times, begins with و ف ب ك ل (not with an article
  stack such as وال or لل), is no stopword, and the hand rules strip its first letter;
* its rest never occurs, with or without any of those prefixes, nor does the rest without
  a final pronoun (ونصرتهم: نصرة is written elsewhere, so the و is a conjunction);
* no other word of the corpus gets the stem its rest would give (so the proclitic
  reading would make no word meet another).

A sample of 60 learnt words read by hand held one conjunction (ونصرتهم, before the pronoun
rule): 98 %. Usage: ``python -m nashra.analyze.train.proclitic_words [--data DIR]
[--min-count N]``; skips cleanly (exit 0, message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import regex

from nashra.analyze.train.data import DEFAULT_DATA, iter_saudinewsnet
from nashra.text import is_stopword, match_form
from nashra.text.stem import ARTICLE_PREFIXES, LEARNT_PATH, hand_stem

MIN_COUNT = 10
_PREFIXES = ("", "ال", "و", "ف", "ب", "ك", "ل")
_PRONOUNS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه")
_WORD = regex.compile(r"\p{Arabic}+")


def written(words: Counter[str], rest: str, word: str) -> bool:
    """Whether ``rest`` occurs in ``words`` alone or after a prefix (``word`` aside)."""
    return any(words.get(p + rest) for p in _PREFIXES if p + rest != word)


def learn(words: Counter[str], min_count: int = MIN_COUNT) -> list[str]:
    """The words of ``words`` (match forms and their counts) whose first letter is their
    own, sorted."""
    # the hand rules alone: what is learnt here must not decide what is learnt
    stems = {w: hand_stem(w) for w in words}
    by_stem: dict[str, list[str]] = defaultdict(list)
    for w, s in stems.items():
        by_stem[s].append(w)
    out = []
    for word, count in words.items():
        if count < min_count or len(word) < 4 or word[0] not in "وفبكل":
            continue
        if word.startswith(ARTICLE_PREFIXES) or is_stopword(word):
            continue
        stemmed = stems[word]
        if stemmed.startswith(word[0]):
            continue  # the hand rules keep the letter
        rest = word[1:]
        if written(words, rest, word):
            continue
        bare = next((rest[: -len(p)] for p in _PRONOUNS if rest.endswith(p)), "")
        if len(bare) >= 3 and (
            written(words, bare, word)
            or (bare.endswith("ت") and written(words, bare[:-1] + "ه", word))  # (ة)
        ):
            continue
        own = word[0] + rest[:3]  # words built on this one share its start
        if any(own not in other for other in by_stem[stemmed]):
            continue
        out.append(word)
    return sorted(out)


def corpus_words(data: Path, articles: int = 0) -> tuple[Counter[str], int]:
    """The match forms of SaudiNewsNet's Arabic words with their counts, over all its
    articles or the first ``articles``; and how many articles were read."""
    words: Counter[str] = Counter()
    read = 0
    for text in iter_saudinewsnet(data):
        words.update(filter(None, map(match_form, _WORD.findall(text))))
        read += 1
        if read == articles:
            break
    return words, read


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--out", type=Path, default=LEARNT_PATH)
    args = ap.parse_args(argv)
    words, articles = corpus_words(args.data)
    if not articles:
        print(f"SaudiNewsNet not found under {args.data}; nothing to learn")
        return 0
    learnt = learn(words, args.min_count)
    args.out.write_text("".join(w + "\n" for w in learnt), "utf-8")
    print(f"{args.out}: {len(learnt)} words from {articles} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
