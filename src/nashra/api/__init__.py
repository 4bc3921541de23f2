"""The REST API (django-ninja, under /api/) and the feeds out (RSS 2.0, Atom, JSON Feed
1.1, OPML 2.0, under /feeds/)."""
