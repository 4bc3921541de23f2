from __future__ import annotations

import gzip
import json
from pathlib import Path

from nashra.analyze.ner.features import (
    FEATURE_VERSION,
    LEXICON_PATH,
    SVD_CLUSTERS_PATH,
    sentence_features,
    use_lexicon,
    word_features,
)


def test_feature_lists_line_up_with_tokens() -> None:
    toks = ["وقال", "الرئيس", "بوتين", "في", "موسكو", "."]
    feats = sentence_features(toks)
    assert len(feats) == len(toks)
    assert feats[0][0] == "b" and "BOS" in feats[0] and "EOS" in feats[-1]
    assert all(isinstance(f, str) for fs in feats for f in fs)
    assert FEATURE_VERSION == "3"


def test_cluster_features_for_the_word_and_its_proclitic_free_form() -> None:
    if not SVD_CLUSTERS_PATH.exists():
        return
    own, neigh = word_features("بالسعودية")
    assert any(f.startswith(("K0=", "Knone")) for f in own)
    assert any(f.startswith("C1=") for f in own)  # السعوديه has clusters
    assert any(f.startswith("-1K0=") for f in neigh[1])


def test_lexicon_features_follow_use_lexicon(tmp_path: Path) -> None:
    lex = tmp_path / "lex.json.gz"
    with gzip.open(lex, "wt", encoding="utf-8") as f:
        json.dump({"زيدان": ["PERS", 0.9, 40], "الزمالك": ["ORG", 0.4, 5]}, f)
    try:
        use_lexicon(lex)
        own, neigh = word_features("وزيدان")
        assert "lx=PERS" in own and "lx=PERSh" in own and "lxn=PERSh" in own
        assert "+1lx=PERSh" in neigh[2]
        own, _ = word_features("للزمالك")
        assert "lx=ORGm" in own and not any(f.startswith("lxn") for f in own)
        use_lexicon(None)
        own, _ = word_features("وزيدان")
        assert "lx0" in own
    finally:
        use_lexicon(LEXICON_PATH)
