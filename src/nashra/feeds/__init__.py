"""Feeds in: polling sources' feeds on a background worker (Django's task API on the
django-tasks-db database queue), with conditional GET, backoff and full-article fetch."""
