"""Tests of the analysis layer are pure Python: no database, no Django settings needed."""

from __future__ import annotations

import pytest

from nashra.analyze.ner.tagger import MODEL_PATH


@pytest.fixture
def ner_model() -> None:
    if not MODEL_PATH.exists():
        pytest.skip("NER model not built (python -m nashra.analyze.train.ner)")
