"""AWS profile: real DynamoDB, Cognito tokens, static files on S3 behind CloudFront, HTTPS only."""
from salestalk.env import env_bool, env_int, env_str, signing_secrets

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, INSTALLED_APPS, MIDDLEWARE, SALESTALK_COGNITO_DOMAIN

SECRET_KEY, SALESTALK_JWT_SECRET = signing_secrets()
DEBUG = False
# daphne's app only replaces `runserver`, and CloudFront serves static files: in Lambda, importing
# Twisted and WhiteNoise's scan of every static file would only slow each cold start.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "daphne"]
MIDDLEWARE = [name for name in MIDDLEWARE if name != "whitenoise.middleware.WhiteNoiseMiddleware"]
SALESTALK_DYNAMODB_ENDPOINT = None
SALESTALK_AUTH_ISSUER = env_str("AUTH_ISSUER", "cognito")
SALESTALK_EVENTS_BACKEND = env_str("EVENTS_BACKEND", "apigateway")
STATIC_BUCKET = env_str("STATIC_BUCKET")
STATIC_HOST = env_str("STATIC_HOST")
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env_str("UPLOAD_BUCKET", STATIC_BUCKET), "location": "uploads"},
    },
    "staticfiles": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": STATIC_BUCKET, "location": "static", "custom_domain": STATIC_HOST or None},
    },
    # Uploads under tenants/{tenant_id}/uploads/, sent by the browser with a presigned POST (metrics.uploads).
    "uploads": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env_str("DATASET_BUCKET", env_str("UPLOAD_BUCKET", STATIC_BUCKET)),
                    "signature_version": "s3v4"},  # presigned POSTs signed with SigV4, which every region takes
    },
    # Dataset version files under tenants/{tenant_id}/datasets/ (metrics.files).
    "datasets": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": env_str("DATASET_BUCKET", env_str("UPLOAD_BUCKET", STATIC_BUCKET))},
    },
}
# Imports run in the same image's import function, invoked asynchronously (salestalk.lambda_import).
SALESTALK_IMPORT_RUNNER = "lambda"
SALESTALK_IMPORT_FUNCTION = env_str("IMPORT_FUNCTION")
# API Gateway and CloudFront terminate TLS and say so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The pages sign in through Cognito's Hosted UI (tenants.hosted_ui); signing out ends Cognito's session too.
LOGIN_URL = "/auth/cognito/login"
LOGOUT_REDIRECT_URL = "/auth/cognito/signed-out"
# Browsers apply form-action to a form's redirects too: the sign-out form ends at Cognito's /logout.
if SALESTALK_COGNITO_DOMAIN:
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "form-action": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"], SALESTALK_COGNITO_DOMAIN],
        },
    }
# Operational figures as CloudWatch embedded metric format on stdout (core.metrics); the tenant as a
# dimension multiplies the custom metrics billed, so only where the number of tenants allows.
SALESTALK_METRICS = "emf"
SALESTALK_METRICS_TENANT_DIMENSION = env_bool("METRICS_TENANT_DIMENSION", False)
