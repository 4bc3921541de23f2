"""Scripts that rebuild the files under ``nashra/analyze/models/`` from ``../shared/data``.

Each reads the data when present and exits cleanly (status 0, a message) when it is not:
``gazetteer`` (babel), ``clusters`` (numpy), ``df`` and ``ner`` (python-crfsuite).
"""
