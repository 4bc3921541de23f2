"""Django settings: 12-factor, with embedded defaults (SQLite in WAL under $NASHRA_HOME).

Environment:
  NASHRA_HOME      where data lives (default ./var)
  DATABASE_URL     postgres://user@host:port/db switches to PostgreSQL
  SECRET_KEY       required when DEBUG is off; generated into $NASHRA_HOME otherwise
  NASHRA_DEBUG     1 for development error pages
  ALLOWED_HOSTS    comma-separated (default 127.0.0.1,localhost)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
NASHRA_HOME = Path(os.environ.get("NASHRA_HOME", "var")).resolve()
NASHRA_HOME.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("NASHRA_DEBUG", "") == "1"


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = NASHRA_HOME / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "nashra.news",
    "nashra.api",
    "nashra.feeds",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "nashra.site.middleware.ReaderPreferencesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "nashra.api.middleware.JsonApiErrorsMiddleware",
]

ROOT_URLCONF = "nashra.site.urls"
WSGI_APPLICATION = "nashra.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nashra.site.middleware.reader_context",
            ]
        },
    }
]


def _database() -> dict[str, object]:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        config.setdefault("TEST", {})
        return dict(config)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(NASHRA_HOME / "nashra.sqlite3"),
        "OPTIONS": {
            # WAL lets readers (the web app) run while the ingester writes; IMMEDIATE
            # transactions avoid "database is locked" upgrades under concurrent writers.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
        "TEST": {"NAME": str(NASHRA_HOME / "test.sqlite3")},
    }


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("NASHRA_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = NASHRA_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns about a missing root before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("NASHRA_LOG_LEVEL", "WARNING")},
}

# Ingest
NASHRA_NEAR_DUPLICATE_THRESHOLD = float(os.environ.get("NASHRA_NEAR_DUPLICATE_THRESHOLD", "0.5"))
# A line seen in this many articles of one source is learned as that source's boilerplate.
NASHRA_BOILERPLATE_MIN_COUNT = int(os.environ.get("NASHRA_BOILERPLATE_MIN_COUNT", "5"))

# --- Web -------------------------------------------------------------------------
# No inline scripts or styles anywhere: every script is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_NAME = "nashra_lang"

# One process-local cache by default (rate-limit buckets, short-lived page fragments);
# NASHRA_CACHE_URL=redis://… or a shared cache can replace it when workers multiply.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "nashra",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
if os.environ.get("NASHRA_CACHE_URL", "").startswith("redis://"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["NASHRA_CACHE_URL"],
    }
# Seconds a computed panel (co-occurring entities, timelines, related articles) is reused.
NASHRA_PANEL_CACHE_SECONDS = int(os.environ.get("NASHRA_PANEL_CACHE_SECONDS", "120"))
# Reader defaults: time zone for dates (a reader's cookie overrides) and digits.
NASHRA_READER_TIME_ZONE = os.environ.get("NASHRA_READER_TIME_ZONE", "UTC")

# API: anonymous read, rate-limited per client address (token bucket in the cache).
NASHRA_API_RATE = os.environ.get("NASHRA_API_RATE", "120/min")  # sustained
NASHRA_API_BURST = int(os.environ.get("NASHRA_API_BURST", "60"))
NINJA_NUM_PROXIES = int(os.environ["NASHRA_NUM_PROXIES"]) if os.environ.get("NASHRA_NUM_PROXIES") else None

# --- Background work: Django's task API (django-tasks backport) on the database queue.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("NASHRA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "feeds"],
    }
}
# Feed polling: the default interval, and the ceiling of the exponential backoff.
NASHRA_POLL_INTERVAL_MINUTES = int(os.environ.get("NASHRA_POLL_INTERVAL_MINUTES", "30"))
NASHRA_POLL_MAX_BACKOFF_MINUTES = int(os.environ.get("NASHRA_POLL_MAX_BACKOFF_MINUTES", "1440"))
# After this many consecutive errors a source is marked failing (shown to editors); it is
# still retried, but only at the backoff ceiling.
NASHRA_POLL_FAILING_AFTER = int(os.environ.get("NASHRA_POLL_FAILING_AFTER", "5"))
# Most summary-only items whose full article is fetched per poll.
NASHRA_POLL_MAX_FULL_FETCH = int(os.environ.get("NASHRA_POLL_MAX_FULL_FETCH", "30"))
# Run nashra.analyze (entities, quotes, dates, keywords, summary, stories) at ingest.
NASHRA_ANALYZE_ON_INGEST = os.environ.get("NASHRA_ANALYZE_ON_INGEST", "1") != "0"
