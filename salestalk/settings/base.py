"""Settings shared by every profile; profiles (local, test, aws) override what differs."""
from __future__ import annotations

import warnings
from pathlib import Path

from salestalk.database import database_config
from salestalk.env import env, env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# SECRET_KEY and SALESTALK_JWT_SECRET come from each profile: checked secrets, never defaulted outside test.
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# A CSRF failure answers like the request's other errors: the JSON envelope for the API, a page otherwise.
CSRF_FAILURE_VIEW = "core.http_errors.csrf_failure"

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "tenants",
    "metrics",
    "insights",
    "chat",
    "collab",
]

MIDDLEWARE = [
    "core.request_logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.api_responses.ApiResponseMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.unavailable.StorageUnavailableMiddleware",
]

ROOT_URLCONF = "salestalk.urls"
WSGI_APPLICATION = "salestalk.wsgi.application"
ASGI_APPLICATION = "salestalk.asgi.application"

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
            ],
        },
    },
]

# Django's own database holds only auth, admin and sessions; tenant data lives in DynamoDB.
DATABASES = {
    "default": database_config(
        url=env.str("DATABASE_URL", default=""), sqlite_path=env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The app serves its own static files straight from the source folders (no collectstatic step for
# daphne or Lambda); CloudFront in front caches them.
WHITENOISE_USE_FINDERS = True
# STATIC_ROOT exists only where collectstatic ran (the image build); its absence elsewhere is expected.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Dataset version files (Parquet), one folder per tenant: metrics.files.
SALESTALK_DATASET_DIR = Path(env_str("DATASET_DIR", str(MEDIA_ROOT / "datasets")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Uploaded dataset files until their import job is done (metrics.uploads): S3 in the aws profile.
    "uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(env_str("UPLOAD_DIR", str(MEDIA_ROOT / "uploads")))},
    },
    "datasets": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": SALESTALK_DATASET_DIR},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

# Request bodies: generous enough for dataset uploads, which have their own limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["tenants.auth.TenantJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "core.openapi.SalesTalkAutoSchema",
    "EXCEPTION_HANDLER": "core.exception_handler.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.JSONParser",
        "core.parsers.FormParser",
        "core.parsers.MultiPartParser",
    ],
    "UNAUTHENTICATED_USER": None,
    # Which address is the client's: 0 trusts only the socket's peer (X-Forwarded-For is the caller's to forge).
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    # Fixed windows counted in tenants.throttles' shared store; see SALESTALK_THROTTLE_STORE.
    "DEFAULT_THROTTLE_RATES": {
        "sign_in_ip": env_str("SIGN_IN_RATE_PER_IP", "30/min"),
        "ask_user": env_str("ASK_RATE_PER_USER", "30/min"),
        "ask_tenant": env_str("ASK_RATE_PER_TENANT", "300/min"),
        "write_user": env_str("WRITE_RATE_PER_USER", "120/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SalesTalk API",
    "DESCRIPTION": "Ask about your company's performance; every number is computed from your data.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the drf-spectacular-sidecar package, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Content-Security-Policy on every response: scripts and styles only from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
SALESTALK_REDIS_URL = env_str("REDIS_URL")
if SALESTALK_REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [SALESTALK_REDIS_URL]},
        }
    }
# Live events (chat.events): "channels" (the layer above) or "apigateway" (post_to_connection, AWS).
SALESTALK_EVENTS_BACKEND = env_str("EVENTS_BACKEND", "channels")
# Frames one WebSocket may send per second; more get an error frame.
SALESTALK_WS_MAX_FRAMES_PER_SECOND = env_int("WS_MAX_FRAMES_PER_SECOND", 5)
# WebSockets one person may hold open at once, over every conversation; one more is refused (close 4429).
SALESTALK_WS_MAX_SOCKETS_PER_PERSON = env_int("WS_MAX_SOCKETS_PER_PERSON", 10)
# Questions (each with its answer) one conversation holds: its messages are searched and deleted whole.
SALESTALK_MAX_TURNS_PER_CONVERSATION = env_int("MAX_TURNS_PER_CONVERSATION", 500)

# --- DynamoDB ---------------------------------------------------------------
SALESTALK_DYNAMODB_ENDPOINT = env_str("DYNAMODB_ENDPOINT") or None
SALESTALK_AWS_REGION = env_str("AWS_REGION", "us-east-1")
SALESTALK_TABLE_PREFIX = env_str("TABLE_PREFIX", "salestalk-")
SALESTALK_DYNAMODB_TIMEOUT_SECONDS = env_float("DYNAMODB_TIMEOUT_SECONDS", 5.0)
SALESTALK_DYNAMODB_MAX_RETRIES = env_int("DYNAMODB_MAX_RETRIES", 3)
# "aws": scope each request's DynamoDB credentials to its tenant's table (STS AssumeRole).
SALESTALK_TENANT_ROLE_ARN = env_str("TENANT_ROLE_ARN") or None

# --- Identity ---------------------------------------------------------------
SALESTALK_AUTH_ISSUER = env_str("AUTH_ISSUER", "local")  # local | cognito
SALESTALK_JWT_ISSUER = env_str("JWT_ISSUER", "salestalk-local")
SALESTALK_JWT_AUDIENCE = env_str("JWT_AUDIENCE", "salestalk")
# Access tokens live at most 15 minutes; validation refuses any token that claims to live longer.
SALESTALK_ACCESS_TOKEN_TTL = min(env_int("ACCESS_TOKEN_TTL", 900), 900)
SALESTALK_REFRESH_TOKEN_TTL = env_int("REFRESH_TOKEN_TTL", 14 * 24 * 3600)
SALESTALK_COGNITO_JWKS_URL = env_str("COGNITO_JWKS_URL") or None
SALESTALK_COGNITO_ISSUER = env_str("COGNITO_ISSUER") or None
SALESTALK_COGNITO_CLIENT_ID = env_str("COGNITO_CLIENT_ID") or None
# The Hosted UI (https://<prefix>.auth.<region>.amazoncognito.com): the pages' sign-in in the aws profile.
SALESTALK_COGNITO_DOMAIN = env_str("COGNITO_DOMAIN") or None
SALESTALK_COGNITO_MAX_TOKEN_LIFETIME = env_int("COGNITO_MAX_TOKEN_LIFETIME", 3600)
# Sign-in lockout (tenants.throttles): this many wrong passwords for one account from one address within
# the window lock that address out of that account for the window. Past ACCOUNT_FREE_FAILURES from all
# addresses, those that have failed share one attempt per BACKOFF_SECONDS; a new address is never held back.
SALESTALK_SIGN_IN_MAX_FAILURES = env_int("SIGN_IN_MAX_FAILURES", 5)
SALESTALK_SIGN_IN_LOCKOUT_SECONDS = env_int("SIGN_IN_LOCKOUT_SECONDS", 15 * 60)
SALESTALK_SIGN_IN_ACCOUNT_FREE_FAILURES = env_int("SIGN_IN_ACCOUNT_FREE_FAILURES", 10)
SALESTALK_SIGN_IN_BACKOFF_SECONDS = env_int("SIGN_IN_BACKOFF_SECONDS", 30)
# Where throttle counters live: "auto" is Redis with SALESTALK_REDIS_URL, else a DynamoDB table
# shared by every instance; "memory" (one process only) is for the test profile.
SALESTALK_THROTTLE_STORE = env_str("THROTTLE_STORE", "auto")

# --- Language engine --------------------------------------------------------
SALESTALK_LLM = env_str("LLM", "builtin")  # builtin | ollama | bedrock
SALESTALK_LLM_REPHRASE = env_bool("LLM_REPHRASE", False)
SALESTALK_LLM_TIMEOUT_SECONDS = env_float("LLM_TIMEOUT_SECONDS", 8.0)
SALESTALK_OLLAMA_HOST = env_str("OLLAMA_HOST", "http://127.0.0.1:11434")
SALESTALK_OLLAMA_MODEL = env_str("OLLAMA_MODEL", "llama3.1:8b")
SALESTALK_BEDROCK_MODEL_ID = env_str("BEDROCK_MODEL_ID", "anthropic.claude-3-haiku-20240307-v1:0")
SALESTALK_BEDROCK_REGION = env_str("BEDROCK_REGION", SALESTALK_AWS_REGION)

# --- Metrics ----------------------------------------------------------------
SALESTALK_MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
SALESTALK_MAX_DATASET_ROWS = env_int("MAX_DATASET_ROWS", 5_000_000)
SALESTALK_MAX_DATASET_COLUMNS = env_int("MAX_DATASET_COLUMNS", 200)
SALESTALK_MAX_DATASET_MEMBERS = env_int("MAX_DATASET_MEMBERS", 100_000)  # distinct members, all dimensions
SALESTALK_DATASET_MIN_DATE = env_str("DATASET_MIN_DATE", "1900-01-01")
SALESTALK_DATASET_MAX_DATE = env_str("DATASET_MAX_DATE", "2200-12-31")
# Per query: dimensions filtered, members per filter, buckets, rows answered.
SALESTALK_MAX_QUERY_FILTERS = env_int("MAX_QUERY_FILTERS", 10)
SALESTALK_MAX_FILTER_MEMBERS = env_int("MAX_FILTER_MEMBERS", 100)
SALESTALK_MAX_QUERY_BUCKETS = env_int("MAX_QUERY_BUCKETS", 60)
SALESTALK_MAX_QUERY_ROWS = env_int("MAX_QUERY_ROWS", 50_000)
# DuckDB in process, and the local copies of remote version files (/tmp in Lambda).
SALESTALK_DUCKDB_THREADS = env_int("DUCKDB_THREADS", 2)
SALESTALK_DUCKDB_MEMORY_LIMIT = env_str("DUCKDB_MEMORY_LIMIT", "1GB")
# Versions kept loaded as in-memory tables (estimated by their Parquet files' uncompressed size).
SALESTALK_DUCKDB_TABLE_CACHE_BYTES = env_int("DUCKDB_TABLE_CACHE_BYTES", 256 * 1024**2)
SALESTALK_DATASET_CACHE_DIR = env_str("DATASET_CACHE_DIR") or None
SALESTALK_DATASET_CACHE_BYTES = env_int("DATASET_CACHE_BYTES", 2 * 1024**3)
# Dataset versions kept per tenant, the current one included: each is one switch away; older ones are deleted.
SALESTALK_DATASET_VERSIONS_KEPT = max(1, env_int("DATASET_VERSIONS_KEPT", 5))
# Athena past one function (metrics.athena): versions of at least this many rows or bytes are queried in
# the workgroup (off without one); their Glue tables live in the database; files in the dataset bucket.
SALESTALK_ATHENA_WORKGROUP = env_str("ATHENA_WORKGROUP", "")
SALESTALK_GLUE_DATABASE = env_str("GLUE_DATABASE", "")
SALESTALK_ATHENA_RESULTS_BUCKET = env_str("ATHENA_RESULTS_BUCKET", "")
SALESTALK_ATHENA_DATA_BUCKET = env_str("DATASET_BUCKET", env_str("UPLOAD_BUCKET", ""))
SALESTALK_ATHENA_MIN_ROWS = env_int("ATHENA_MIN_ROWS", 20_000_000)
SALESTALK_ATHENA_MIN_BYTES = env_int("ATHENA_MIN_BYTES", 1024**3)
SALESTALK_ATHENA_POLL_SECONDS = env_float("ATHENA_POLL_SECONDS", 0.25)
SALESTALK_ATHENA_TIMEOUT_SECONDS = env_float("ATHENA_TIMEOUT_SECONDS", 25.0)
# Uploads and import jobs (metrics.uploads, metrics.jobs): a presigned upload's lifetime; where jobs run
# (a worker thread here, or "lambda": SALESTALK_IMPORT_FUNCTION invoked asynchronously), how long one may
# take, how often it beats, and how long a job may wait to start before it counts as lost.
SALESTALK_UPLOAD_URL_SECONDS = env_int("UPLOAD_URL_SECONDS", 600)
# How long an upload's item outlives its URL before DynamoDB's TTL deletes it (abandoned files: metrics.uploads).
SALESTALK_UPLOAD_RETENTION_SECONDS = env_int("UPLOAD_RETENTION_SECONDS", 7 * 24 * 3600)
SALESTALK_IMPORT_RUNNER = env_str("IMPORT_RUNNER", "thread")
SALESTALK_IMPORT_FUNCTION = env_str("IMPORT_FUNCTION", "")
SALESTALK_IMPORT_WORKERS = env_int("IMPORT_WORKERS", 1)
SALESTALK_IMPORT_TIME_LIMIT_SECONDS = env_int("IMPORT_TIME_LIMIT_SECONDS", 3600)
SALESTALK_IMPORT_HEARTBEAT_SECONDS = env_float("IMPORT_HEARTBEAT_SECONDS", 10.0)
SALESTALK_IMPORT_QUEUE_SECONDS = env_int("IMPORT_QUEUE_SECONDS", 900)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.request_logging.JsonFormatter"}},
    "filters": {"routes_not_paths": {"()": "core.request_logging.RoutesNotPaths"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["routes_not_paths"]}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"level": "WARNING"},
        "botocore": {"level": "WARNING"},
        "pynamodb": {"level": "WARNING"},
        "daphne": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},  # the ollama client's transport logs every request at INFO
    },
}
