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
    # Reader accounts (issue 6): nashra.readers first so its account/ and allauth/
    # templates override allauth's defaults.
    "nashra.readers",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "nashra.newsletters",
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
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "nashra.api.middleware.JsonApiErrorsMiddleware",
    "nashra.site.middleware.RejectNulMiddleware",
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
                "nashra.readers.context.reader",
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
# The reading pages' cache (nashra.news.pagecache): whole pages for readers not signed
# in, page data for all, keyed by the content generation so it never serves stale content.
# Files under $NASHRA_HOME/cache, so every gunicorn worker shares it; NASHRA_CACHE_URL's
# Redis when set.
CACHES["pages"] = {
    "BACKEND": "nashra.news.pagecache.FileCache",
    "LOCATION": str(NASHRA_HOME / "cache" / "pages"),
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("NASHRA_PAGE_CACHE_ENTRIES", "50000"))},
}
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
NASHRA_PAGE_CACHE_SECONDS = int(os.environ.get("NASHRA_PAGE_CACHE_SECONDS", "600"))
# Reader defaults: time zone for dates (a reader's cookie overrides) and digits.
NASHRA_READER_TIME_ZONE = os.environ.get("NASHRA_READER_TIME_ZONE", "UTC")

# API: anonymous read, rate-limited per client address (token bucket in the cache).
NASHRA_API_RATE = os.environ.get("NASHRA_API_RATE", "120/min")  # sustained
NASHRA_API_BURST = int(os.environ.get("NASHRA_API_BURST", "60"))
NINJA_NUM_PROXIES = (
    int(os.environ["NASHRA_NUM_PROXIES"]) if os.environ.get("NASHRA_NUM_PROXIES") else None
)

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


# --- Reader accounts (nashra.readers, django-allauth) --------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id first (Django's Argon2PasswordHasher uses the id variant); older hashes still
# verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "news:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "news:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a GET never changes state: the link shows a confirm button
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None  # ask
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[nashra] "
# Rate limits (allauth's cache-based limiter): failed logins per address and per account,
# reset and verification mails, sign-ups.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("NASHRA_LOGIN_FAILED_RATE", "10/m/ip,5/5m/key"),
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "nashra"
# WebAuthn over plain http is allowed only for local development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
ACCOUNT_ADAPTER = "nashra.readers.adapter.ReaderAccountAdapter"

# Mail: in development a file per message under $NASHRA_HOME/mail; EMAIL_BACKEND or
# EMAIL_URL (smtp://user:password@host:587?tls=1, smtps://…:465) for a real server.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "nashra <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_FILE_PATH = str(NASHRA_HOME / "mail")


def _email() -> dict[str, object]:
    from urllib.parse import parse_qs, unquote, urlsplit

    url = os.environ.get("EMAIL_URL", "")
    if not url:
        return {
            "EMAIL_BACKEND": os.environ.get(
                "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
            )
        }
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if parts.scheme in {"console", "file", "locmem", "dummy"}:
        backend = {"file": "filebased"}.get(parts.scheme, parts.scheme)
        return {"EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": query.get("tls", "") in {"1", "true"},
        "EMAIL_TIMEOUT": int(query.get("timeout", "10")),
    }


globals().update(_email())

# The personalised feed: how far back it looks, and the half-life of its recency decay.
NASHRA_FEED_WINDOW_DAYS = int(os.environ.get("NASHRA_FEED_WINDOW_DAYS", "14"))
NASHRA_FEED_HALF_LIFE_HOURS = float(os.environ.get("NASHRA_FEED_HALF_LIFE_HOURS", "36"))

# --- Newsletters (nashra.newsletters) ------------------------------------------------------
# Absolute links in mail (unsubscribe, view in browser, articles).
NASHRA_SITE_URL = os.environ.get("NASHRA_SITE_URL", "http://127.0.0.1:8000")
# Optional DKIM signing (dkimpy): a PEM private key, its selector, the signing domain
# (default: DEFAULT_FROM_EMAIL's domain).
NASHRA_DKIM_KEY_FILE = os.environ.get("NASHRA_DKIM_KEY_FILE", "")
NASHRA_DKIM_SELECTOR = os.environ.get("NASHRA_DKIM_SELECTOR", "nashra")
NASHRA_DKIM_DOMAIN = os.environ.get("NASHRA_DKIM_DOMAIN", "")
# Sending: deliveries claimed per batch, messages/second per worker (0: unlimited), how
# long a claim holds, retries of temporary failures (backoff base · 2^attempt), hard
# bounces before an address is suppressed.
NASHRA_NEWSLETTER_BATCH_SIZE = int(os.environ.get("NASHRA_NEWSLETTER_BATCH_SIZE", "200"))
NASHRA_NEWSLETTER_RATE = float(os.environ.get("NASHRA_NEWSLETTER_RATE", "0"))
NASHRA_NEWSLETTER_LEASE_SECONDS = int(os.environ.get("NASHRA_NEWSLETTER_LEASE_SECONDS", "600"))
NASHRA_NEWSLETTER_MAX_ATTEMPTS = int(os.environ.get("NASHRA_NEWSLETTER_MAX_ATTEMPTS", "5"))
NASHRA_NEWSLETTER_RETRY_SECONDS = int(os.environ.get("NASHRA_NEWSLETTER_RETRY_SECONDS", "60"))
NASHRA_NEWSLETTER_SUPPRESS_AFTER = int(os.environ.get("NASHRA_NEWSLETTER_SUPPRESS_AFTER", "2"))
