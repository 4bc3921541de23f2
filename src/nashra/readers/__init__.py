"""Reader accounts: profile, follows and hides, saved articles, read marks, API tokens,
and the personalised feed (:mod:`nashra.readers.feed`)."""
