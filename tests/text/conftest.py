"""Tests of the Arabic text layer are pure Python: no database, no Django settings needed."""
