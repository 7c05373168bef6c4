"""Settings shared by every environment.

Everything that differs between machines is read from the environment; see README.md.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches admin and model forms: it must come before django.contrib.admin.
    "modeltranslation",
    "accelerator.core",
    "accelerator.notifications",
    "accelerator.programs",
    "accelerator.cooperatives",
    "accelerator.calls",
    "accelerator.eligibility",
    "accelerator.selection",
    "accelerator.support",
    "accelerator.results",
    "accelerator.workspace",
    "accelerator.reviews",
    "accelerator.privacy",
    "accelerator.security",
    "cms",
    "diagnostics",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: load balancers probe /healthz without host names, HTTPS, sessions or sign-in.
    "accelerator.core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before CSP and everything that reads the session: a cached page is served whole, headers
    # included (accelerator/core/page_cache.py).
    "accelerator.core.page_cache.AnonymousPageCacheMiddleware",
    # Just inside the page cache, which keeps the compressed copy for browsers that accept it.
    "accelerator.core.compression.TextGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "accelerator.core.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accelerator.security.middleware.SecurityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "accelerator.urls"
WSGI_APPLICATION = "accelerator.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL let the web process and an in-process task write without
    # "database is locked" errors; a connection kept open is no saving on SQLite.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # Refuses a sign-in while its username and address are locked out, before checking anything.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes), on the back-office and the workspace alike: five wrong
# passwords for one username from one address within half an hour lock that pair out for half
# an hour. `manage.py axes_reset_username NAME` lifts a lockout early.
AXES_FAILURE_LIMIT = 5
AXES_VERBOSE = False
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accelerator.security.lockout.attempted_username"
# Two-step verification (django-otp, TOTP): the name authenticator apps show.
OTP_TOTP_ISSUER = "Cooperative Accelerator"

# The field workspace signs people in on the public site, in their language; the back-office
# has its own sign-in page.
LOGIN_URL = "workspace:login"
LOGIN_REDIRECT_URL = "workspace:home"

# Languages ---------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("vi", "Tiếng Việt"),
    ("ar", "العربية"),
]
# Languages are named in their own script everywhere (switcher, admin preferences) so a reader
# finds theirs whatever the current language.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Addresses that live outside the /en/, /vi/, /ar/ prefixes.
UNPREFIXED_PATHS = ("/admin/", "/documents/", "/static/", "/media/")
# Django's own vi and ar formats have no thousands grouping; ours add it (Latin digits for
# Arabic, as written in Morocco).
FORMAT_MODULE_PATH = ["accelerator.formats"]
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "vi", "ar")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en",), "ar": ("en",), "vi": ("en",)}

# Static files and media -----------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Applicants' documents and field photos: outside MEDIA_ROOT, no public URL at all.
    "private": {
        "BACKEND": "accelerator.core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("MEDIA_S3_BUCKET"):
    # S3-compatible object storage (AWS, MinIO, Scaleway…); needs the `s3` extra installed.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "private"},
    }

# Content-Security-Policy (django-csp) of the public site and the workspace: our own scripts,
# styles, fonts and images only; no inline script, style or event handler anywhere (tests check
# every public page type). The Wagtail admin is left out: its pages rely on inline scripts and
# styles that we do not control, and it is reached only by signed-in staff.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # data: for the QR code of two-step verification; S3 media adds its own origin below.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}
if os.environ.get("MEDIA_S3_BUCKET"):
    # Page images are then served by the object store, under a host that depends on the
    # provider and the bucket's addressing style; images cannot run code.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append("https:")
# Browser features the site never uses, switched off (accelerator.security.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: Redis when CACHE_URL is given (needed with several web processes), memory otherwise.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages served to anonymous visitors from the cache for at most this many seconds
# (0 turns the page cache off); see accelerator/core/page_cache.py.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# E-mail ----------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "programme@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Celery ----------------------------------------------------------------------------------------
# No broker configured: tasks run in the web process, right after the transaction commits.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-notifications": {
        "task": "accelerator.notifications.tasks.deliver_pending",
        "schedule": 60.0,
    },
    "weekly-digests": {
        "task": "accelerator.support.tasks.send_weekly_digests",
        # Monday 06:00 in TIME_ZONE (CELERY_TIMEZONE follows it).
        "schedule": crontab(minute=0, hour=6, day_of_week="mon"),
    },
}

# Wagtail ---------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cooperative Accelerator"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No avatars fetched from gravatar.com: staff e-mail hashes never leave the platform.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's database search; on PostgreSQL with a text-search configuration per language.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "jpg", "jpeg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True

# Demo accounts may only be created where this is true (never in production settings).
DEMO_ACCOUNTS_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page save and background index update at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # In-process mode still builds a (memory) connection and warns it has no host name.
        "kombu.connection": {"level": "WARNING" if not CELERY_TASK_ALWAYS_EAGER else "ERROR"},
    },
}
