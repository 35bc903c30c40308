"""Settings for the BHP portal: one module, read from the environment.

Production behaviour is the default: debug is off unless DJANGO_DEBUG says
otherwise, and then a secret key and real host names must be given.
Every variable is listed in .env.example and the README.
"""

import re
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Variables set in the environment win over the file. DJANGO_ENV_FILE="" reads
# none (tests of the production defaults use that).
ENV_FILE = env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env"))
if ENV_FILE and Path(ENV_FILE).exists():
    environ.Env.read_env(ENV_FILE)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. It is required when DJANGO_DEBUG is off; "
            "set it to a long random string (see .env.example)."
        )
    # Only ever used with DJANGO_DEBUG on, never in production.
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105  # nosec B105

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Project apps come first so their templates and static files take precedence;
# load_demo_content runs their demo modules in this order.
PROJECT_APPS = ["bhp_portal.core", "partners", "research", "news"]
INSTALLED_APPS = [
    *PROJECT_APPS,
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks_db",
]

MIDDLEWARE = [
    "bhp_portal.core.middleware.CanonicalHostMiddleware",
    "bhp_portal.core.middleware.PreviewSchemeMiddleware",
    # A hit is answered here, before any other middleware; the copies keep the
    # security headers the middleware below added. Rate-limited routes pass.
    "bhp_portal.core.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "bhp_portal.core.middleware.SecurityHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything on a rate-limited route that can wait on the cache or
    # the database.
    "bhp_portal.core.middleware.FloodGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache for the rate-limited routes, once the flood guard counted
    # them. Before sessions, CSRF and messages: it must see their cookies.
    "bhp_portal.core.middleware.RateLimitedPageCacheMiddleware",
    # Inside the page cache, so cached pages still answer in an outage.
    "bhp_portal.core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "bhp_portal.core.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wrong privacy-password guesses are answered 429 before Wagtail checks.
    "bhp_portal.core.privacy_throttle.PrivacyPasswordThrottleMiddleware",
    # After these, so a locked-out login is answered before any view runs.
    "axes.middleware.AxesMiddleware",
    # Last: it runs admin page writes itself, one per page at a time.
    "bhp_portal.core.page_writes.SerialisePageWritesMiddleware",
]

ROOT_URLCONF = "bhp_portal.urls"
# `make bench` only (scripts/bench.py sets it; production never does): the
# bench-content command and the bare yardstick view beside the site's URLs.
if env.bool("BHP_BENCH", default=False):
    INSTALLED_APPS.append("bhp_portal.benchtools")
    ROOT_URLCONF = "bhp_portal.benchtools.urls"
# The admin's address; moving it off the well-known /admin/ cuts noise from
# scanners (the login is protected either way).
WAGTAIL_ADMIN_PATH = env.str("WAGTAIL_ADMIN_PATH", default="admin/").strip("/") + "/"
WSGI_APPLICATION = "bhp_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "bhp_portal.core.context_processors.fragment_cache",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------

VAR_DIR = BASE_DIR / "var"
# PostgreSQL only, from laptop to production: DATABASE_URL names a server;
# without it, the embedded one under var/postgres (bhp_portal/embedded_postgres)
# starts on the first connection.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must name a PostgreSQL database (postgres://...); "
            "other engines, SQLite included, are not supported."
        )
else:
    DATABASES = {"default": {"ENGINE": "bhp_portal.embedded_postgres", "NAME": "bhp"}}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = env.str("CACHE_URL", default="") or env.str("REDIS_URL", default="")
CACHES = {
    "default": (
        env.cache_url_config(_cache_url)
        if _cache_url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis down must not take the site down: the cache fails open to the
    # database, and short timeouts keep a hung Redis from stalling requests.
    CACHES["default"]["BACKEND"] = "bhp_portal.core.cache_backends.FailOpenRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        socket_connect_timeout=0.5, socket_timeout=0.5
    )
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="bhp")

# Whole pages for anonymous visitors (core/middleware.py). Publishing retires
# them at once, so the lifetime only bounds content that ages by the clock.
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# The probes and static files too: they pass the page cache (first in
# MIDDLEWARE) without a cache read, so a probe never waits on Redis.
PAGE_CACHE_EXCLUDED_PATHS = (
    f"/{WAGTAIL_ADMIN_PATH}",
    "/documents/",
    "/static/",
    "/healthz",
    "/readyz",
)
# A change the public could see is also recorded in PostgreSQL, so it retires
# cached pages even when Redis lost it. Between renders, each process checks
# the database at most this often: the longest an unpublished or newly
# private page can still be served from the cache after a Redis outage.
PAGE_CACHE_GENERATION_CHECK_SECONDS = env.float(
    "PAGE_CACHE_GENERATION_CHECK_SECONDS", default=5.0
)
# Searches, the API and form posts (which the page cache cannot answer) are
# limited per client address to this many requests per window (a 429 after);
# 0 turns the limit off. core/middleware.py, FloodGuardMiddleware.
RATE_LIMIT_REQUESTS = env.int("RATE_LIMIT_REQUESTS", default=30)
RATE_LIMIT_WINDOW_SECONDS = env.int("RATE_LIMIT_WINDOW_SECONDS", default=10)
RATE_LIMITED_PATHS = ("/search/", "/api/")

_email = env.email_url(
    "EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25"
)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Birmingham Health Partners <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Static and media -----------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# With no web server or object store in front (development, the browser
# tests), the app serves uploads itself.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# WhiteNoise lets browsers keep hashed names (css/main.1a2b3c.css) for ten
# years, as they never change content. Unhashed names (the logo in JSON-LD)
# can change in place, so browsers check them again after a day.
WHITENOISE_MAX_AGE = 24 * 60 * 60

# With several app servers, uploads must live where all of them can read them:
# S3-compatible object storage when a bucket is named, local files otherwise.
# Credentials come from boto3's usual AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    # Image URLs end up in cached pages, so they must not expire like signed
    # URLs do; documents keep their privacy by streaming through Wagtail
    # (WAGTAILDOCS_SERVE_METHOD below).
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False

# --- Locale ---------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Security -------------------------------------------------------------
# With debug off the site sits behind a TLS-terminating proxy that sets
# X-Forwarded-Proto, so secure-only cookies and HSTS are safe to turn on.
# docs/security.md explains each choice.

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe these over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Only editors have sessions: they end when the browser closes, and in any
# case after SESSION_COOKIE_AGE seconds.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=8 * 60 * 60)
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing may frame the site. Wagtail's preview views override this with
# SAMEORIGIN so the editor's preview panel works, and the admin policy below
# allows frame-ancestors 'self'.
X_FRAME_OPTIONS = "DENY"
# Browser features no page uses, denied to the site and anything it frames
# (django-permissions-policy sends the header on every response).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}
# Hosts of the video players that editors may embed.
_EMBED_FRAME_HOSTS = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
_CSP_REPORT_URI = env.str("CSP_REPORT_URI", default="")
# Public pages load only the site's own files: no inline script, no eval.
# Inline style attributes are allowed (embedded video wrappers use them);
# style elements are not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_EMBED_FRAME_HOSTS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if not DEBUG else {}),
        **({"report-uri": [_CSP_REPORT_URI]} if _CSP_REPORT_URI else {}),
    },
}
# The Wagtail admin still has inline scripts (inline panels, date pickers)
# and inline styles, so /admin/ gets its own, looser policy. Only signed-in
# editors reach it; the public policy above stays strict.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-ancestors": ["'self'"],
    },
}
# Uploaded documents are served from the site's origin; this policy stops an
# uploaded file (HTML smuggled in as text, an SVG, a PDF with script) from
# running anything there.
DOCUMENT_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"

LOGIN_URL = "wagtailadmin_login"

AUTHENTICATION_BACKENDS = [
    # Axes must come first: it refuses locked-out accounts before any check.
    "bhp_portal.core.auth_backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Wrong passwords lock sign-in, even with the right password, until the
# cool-off ends or `axes_reset_username`: 5 for one account from one address,
# and 20 for one account from all addresses together, which caps guesses
# spread over many addresses while a stranger still needs four addresses'
# worth to lock an editor out (core.auth_backends.LockoutHandler).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ACCOUNT_FAILURE_LIMIT = env.int("AXES_ACCOUNT_FAILURE_LIMIT", default=20)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "bhp_portal.core.auth_backends.LockoutHandler"
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
# Attempts during a lock are refused unrecorded, so they cannot prolong it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
AXES_VERBOSE = False
# Proxies in front of the site that append to X-Forwarded-For; one nginx or
# load balancer: 1. Counting more than there are lets a visitor pick the
# address the lock-out sees, so the default trusts only the socket address.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# The client address (axes.helpers.get_client_ip_address, through
# django-ipware), for the lock-out, the rate limit and the throttles: the
# socket's, or behind N proxies the X-Forwarded-For entry N places from the
# right. ipware counts only the proxies listed inside the header, one fewer.
# Not strict: entries a client adds on the left are skipped instead of
# voiding the header, which would count every such client as the proxy.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXY_COUNT else ("REMOTE_ADDR",)
)
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1 if TRUSTED_PROXY_COUNT else None
IPWARE_STRICT = False

# Staff must confirm a one-time code from an authenticator app (TOTP) before
# the admin opens. Off by default only in development.
BHP_REQUIRE_2FA = env.bool("BHP_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = "Birmingham Health Partners"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Background work (image renditions, mail, Wagtail's search and reference
# index updates) goes to a queue in PostgreSQL that `manage.py run_worker`
# drains; a request only records the task. TASKS_BACKEND=immediate runs tasks
# inside the request instead: the test suite's default, never production's.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="database")
if TASKS_BACKEND not in ("database", "immediate"):
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: use database or immediate."
    )
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}
# /readyz fails when the oldest waiting task has waited longer than this.
TASKS_MAX_WAIT_SECONDS = env.int("TASKS_MAX_WAIT_SECONDS", default=600)
# A task still running after this long lost its worker (a host that vanished);
# longer than any task takes (a 12-megapixel photo's renditions: about 80 s).
TASKS_ABANDONED_SECONDS = env.int("TASKS_ABANDONED_SECONDS", default=1800)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "not_too_many_requests": {
            "()": "django.utils.log.CallbackFilter",
            "callback": lambda record: getattr(record, "status_code", None) != 429,
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            # Django logs every 4xx; a flood's thousands of 429s would drown
            # the log (the rate limit logs the first of each window itself).
            "filters": ["not_too_many_requests"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    # Wagtail runs its background tasks inline; one line per task is noise.
    # Page actions are in Wagtail's audit log already.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        # The embedded PostgreSQL narrates every start and stop at INFO.
        "pgserver": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Wagtail --------------------------------------------------------------

WAGTAIL_SITE_NAME = "Birmingham Health Partners"

# A CDN in front of the app servers (off by default): Wagtail purges a page
# and the listings above it when it is published or unpublished
# (core/signals.py), and cacheable pages tell the CDN to keep them for
# FRONTEND_CACHE_SECONDS. docs/deployment.md has the set-up.
FRONTEND_CACHE = env.str("FRONTEND_CACHE", default="")
if FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    }
elif FRONTEND_CACHE:
    raise ImproperlyConfigured(
        f"FRONTEND_CACHE={FRONTEND_CACHE!r}: use cloudflare, cloudfront or nothing."
    )
else:
    WAGTAILFRONTENDCACHE = {}
FRONTEND_CACHE_SECONDS = (
    env.int("FRONTEND_CACHE_SECONDS", default=300) if WAGTAILFRONTENDCACHE else 0
)
# The site's public address: password-reset and notification e-mails, feed
# and API links are built on it, so production must say what it is.
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000" if DEBUG else ""
).rstrip("/")
if not DEBUG and not re.fullmatch(r"https?://[^/\s]+", WAGTAILADMIN_BASE_URL):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's public address, such as "
        "https://www.example.org, when DJANGO_DEBUG is off (see .env.example)."
    )
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "bhp_portal.core.image_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_MODEL = "core.CustomDocument"
# Uploads: no SVG images and no HTML documents (both can carry script), size
# caps, and a pixel cap so a small file cannot unpack into a huge bitmap.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
_MB = 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("WAGTAILIMAGES_MAX_UPLOAD_MB", default=10) * _MB
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("WAGTAILDOCS_MAX_UPLOAD_MB", default=20) * _MB
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int(
    "WAGTAILIMAGES_MAX_IMAGE_PIXELS", default=40_000_000
)
# Documents go through Django, so collection privacy is checked on every
# download; only PDFs open in the browser, everything else downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Make every size of core/images.py when an image is saved, so page views
# never create renditions; the test suite turns it off to stay fast.
IMAGE_RENDITIONS_ON_SAVE = env.bool("IMAGE_RENDITIONS_ON_SAVE", default=True)
# The text search configuration named, not left to the server's default: a
# query with a named configuration is parsed once per search, not once per row
# it is compared with (docs/performance.md, "Search at 5,000 articles"). It is
# PostgreSQL's default on an English-locale server, so the index is unchanged
# there; on a server whose default differs, run `manage.py update_index` once.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    },
}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The public read-only API (docs/api.md): pages of up to 100 items.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Avatars come from uploads only: no staff e-mail hashes sent to Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No autosave: Wagtail 8.0's autosave posts beside the editor's own actions,
# and a second request carrying the same workflow action failed or lost text
# (docs/security.md, round two, item 9). Editors save drafts themselves.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Large StreamField pages post many fields from the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Named rich text feature sets: fields choose one of these, never ad-hoc lists.
RICHTEXT_FEATURES = {
    "inline": ["bold", "italic", "link"],
    "body": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
}
