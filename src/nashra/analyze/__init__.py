"""Document → Analysis: entities with canonical forms, quotes and speakers, dates,
keywords, summary, language and reading time. Plain Python (no Django)."""

from nashra.analyze.pipeline import ANALYSIS_VERSION, Analysis, analyze_document, analyze_text

__all__ = ["ANALYSIS_VERSION", "Analysis", "analyze_document", "analyze_text"]
