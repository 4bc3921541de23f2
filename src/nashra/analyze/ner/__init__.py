"""Named-entity recognition: a CRF over hand-made features, trained by us (see
:mod:`nashra.analyze.train.ner`)."""

from nashra.analyze.ner.conll import bio_spans, score, tag_conll
from nashra.analyze.ner.tagger import (
    ENTITY_TYPES,
    EntitySpan,
    find_entities,
    split_tokens,
    tag_tokens,
)

__all__ = [
    "ENTITY_TYPES",
    "EntitySpan",
    "bio_spans",
    "find_entities",
    "score",
    "split_tokens",
    "tag_conll",
    "tag_tokens",
]
