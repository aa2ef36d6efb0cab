"""Settings for the IT master plan portal.

Everything that differs between a developer's machine and production comes
from the environment (see README.md, "Production"). With nothing set, the
portal runs in development mode on an SQLite file inside the project.
"""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from thaimuang_plan.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)

# Development gets a throwaway key; anything else must be given a real one.
_DEV_KEY = "dev-only-insecure-key-never-used-in-production"
SECRET_KEY = env_str("SECRET_KEY", default=_DEV_KEY if DEBUG else "")
if not DEBUG and (SECRET_KEY == _DEV_KEY or len(SECRET_KEY) < 50):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters "
        "when DEBUG is off (see README.md, Production)."
    )

# Background work (PDF renders) goes through Django's Tasks API (the django-tasks
# backport). "database" keeps the queue in the app's own database, so one machine
# needs no other server (worker: manage.py worker); "redis" puts it in Redis through
# RQ for several machines (REDIS_URL). See README.md, "Background tasks".
_TASKS_BACKEND = env_str("TASKS_BACKEND", default="database")
if _TASKS_BACKEND not in {"database", "redis"}:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'database' or 'redis'.")
REDIS_URL = env_str("REDIS_URL", default="redis://127.0.0.1:6379/0")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "reversion",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    *(["django_rq", "django_tasks_rq"] if _TASKS_BACKEND == "redis" else []),
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "operations",
    "plans",
    "strategies",
    "projects",
    "monitoring",
    "printing",
    "portal",
    "importer",
    "insights",
    "editions",
    "audit",
]

MIDDLEWARE = [
    # First: /healthz answers before the HTTPS redirect, the host check and sessions.
    "operations.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "operations.middleware.StaffSessionMiddleware",
    "operations.middleware.StaffNoStoreMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "plans.middleware.WithdrawnEditionMiddleware",
    # After authentication: residents' pages from cache, per edition content version.
    "portal.page_cache.PublicPageCacheMiddleware",
    # Last, so that it sees the outcome of the authentication backends.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "thaimuang_plan.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plans.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "thaimuang_plan.wsgi.application"

# SQLite is the embedded default so that a newcomer needs no server;
# production sets DATABASE_URL=postgres://...
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# Bounded waits, so that a database that is down or hung gives a 503 in seconds
# instead of holding a worker until gunicorn kills it (its default timeout is 30 s).
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", 5)
DB_STATEMENT_TIMEOUT = env_int("DB_STATEMENT_TIMEOUT", 20)
_db_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the file: wait for a lock instead of failing.
    _db_options["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options.setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    _db_options.setdefault("options", f"-c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
# Thai wording for the admin strings Django's own Thai catalogue lacks (the .mo files are committed).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# Numbers the portal generates (budgets, counts, years) are written in Thai
# digits like the official document; set PORTAL_DIGITS=arabic to change that
# site-wide. Text from the plan itself is always shown as written.
PORTAL_DIGITS = env_str("PORTAL_DIGITS", default="thai")
if PORTAL_DIGITS not in {"thai", "arabic"}:
    raise ImproperlyConfigured("PORTAL_DIGITS must be 'thai' or 'arabic'.")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Rendered PDFs (printing/store.py): a directory by default; PDF_STORAGE=s3 keeps them
# in S3-compatible object storage shared by every machine (django-storages).
PDF_STORAGE = env_str("PDF_STORAGE", default="filesystem")
if PDF_STORAGE == "filesystem":
    _PDF_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("PDF_ROOT", default=str(BASE_DIR / "var" / "pdfs")), "base_url": None},
    }
elif PDF_STORAGE == "s3":
    _PDF_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("PDF_S3_BUCKET"),
            "endpoint_url": env_str("PDF_S3_ENDPOINT_URL", default="") or None,
            "region_name": env_str("PDF_S3_REGION", default="") or None,
            "access_key": env_str("PDF_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env_str("PDF_S3_SECRET_ACCESS_KEY", default="") or None,
            "location": env_str("PDF_S3_PREFIX", default="pdfs"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    }
else:
    raise ImproperlyConfigured("PDF_STORAGE must be 'filesystem' or 's3'.")
# A PDF is rendered this many seconds after the last save of a burst; a render
# that runs longer than PDF_RENDER_SECONDS or grows past PDF_RENDER_MEMORY_MB
# fails with a message in the admin ("PDF ที่สร้างไว้").
PDF_RENDER_DELAY = env_int("PDF_RENDER_DELAY", 5)
PDF_RENDER_SECONDS = env_int("PDF_RENDER_SECONDS", 300)
PDF_RENDER_MEMORY_MB = env_int("PDF_RENDER_MEMORY_MB", 1536)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "pdfs": _PDF_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

# Rendered PDFs are shared by every app process, so the cache lives in the
# database (or a file directory), never only in one process's memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "TIMEOUT": 60 * 60 * 24 * 30,
    }
}

TASK_QUEUES = ["default"]
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_rq.RQBackend" if _TASKS_BACKEND == "redis" else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": TASK_QUEUES,
    }
}
# Read by django-rq (TASKS_BACKEND=redis). A job's own limit is enforced inside the task
# (printing.limits); RQ's timeout only catches a worker that hangs outside it.
RQ_QUEUES = {name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 30 * 60} for name in TASK_QUEUES}

# Residents' pages (portal/page_cache.py): kept per content version of their edition,
# in this process's memory in front of a cache every process shares: the database
# by default, Redis (REDIS_URL) with PAGE_CACHE_BACKEND=redis. PAGE_CACHE=0 turns it off.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
_PAGE_CACHE_BACKEND = env_str("PAGE_CACHE_BACKEND", default="database")
if _PAGE_CACHE_BACKEND == "database":
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        "KEY_PREFIX": "pages",
        "TIMEOUT": 60 * 60 * 24 * 7,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
elif _PAGE_CACHE_BACKEND == "redis":
    CACHES["pages"] = {
        # One Redis client per connection pool, not one per call (portal/redis_cache.py).
        "BACKEND": "portal.redis_cache.ReusedClientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "pages",
        "TIMEOUT": 60 * 60 * 24 * 7,
    }
else:
    raise ImproperlyConfigured("PAGE_CACHE_BACKEND must be 'database' or 'redis'.")
# How many pages each process keeps in its own memory, in front of CACHES["pages"].
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 300)
# And how many search results, which are kept in each process only (portal/page_cache.py).
PAGE_CACHE_LOCAL_SEARCHES = env_int("PAGE_CACHE_LOCAL_SEARCHES", 100)

LOGIN_URL = "admin:login"

# Signed-in sessions (staff only; residents get none): signed out after
# SESSION_IDLE_MINUTES without a request (the session's expiry moves with every
# request), and SESSION_MAX_AGE_HOURS after signing in whatever happens
# (operations.middleware.StaffSessionMiddleware).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_MAX_AGE = env_int("SESSION_MAX_AGE_HOURS", 8) * 60 * 60

# Second factor (django-otp): required for the admin in production; tests and
# development turn it on only where they test it.
OTP_REQUIRED = env_bool("OTP_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", default="แผนแม่บทไอที")

# Security. Cookies are only set for signed-in editors; residents get none.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
BEHIND_PROXY = env_bool("BEHIND_PROXY", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# How many proxies we run in front of the app (each appends to X-Forwarded-For);
# the visitor's address is read from that position (operations/clientip.py).
PROXY_COUNT = env_int("PROXY_COUNT", env_int("AXES_PROXY_COUNT", 1 if BEHIND_PROXY else 0))
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT must be 0 or more.")

# Admin login throttling (operations/lockout.py): AXES_FAILURE_LIMIT failures lock
# one username from one address; ADDRESS_FAILURE_LIMIT failures from one address
# across usernames lock that address. For AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
ADDRESS_FAILURE_LIMIT = env_int("ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "operations.lockout.LoginAttemptHandler"
AXES_CLIENT_IP_CALLABLE = "operations.clientip.client_ip"
AXES_LOCKOUT_CALLABLE = "operations.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# More guesses during a lockout must not keep it going for ever.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False

# Backups (manage.py backup) keep times to the microsecond.
SERIALIZATION_MODULES = {"fulljson": "operations.serializers"}

# Retention (manage.py purge_old_records, run daily): login records and expired sessions.
LOGIN_RECORD_RETENTION_DAYS = env_int("LOGIN_RECORD_RETENTION_DAYS", 90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
