"""AWS profile: real DynamoDB, Cognito tokens, static files on S3 behind CloudFront."""
from salestalk.env import env_str

from .base import *

DEBUG = False
# daphne's app only replaces `runserver`, and CloudFront serves static files: in Lambda, importing
# Twisted and WhiteNoise's scan of every static file would only slow each cold start.
INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "daphne"]
MIDDLEWARE = [name for name in MIDDLEWARE if name != "whitenoise.middleware.WhiteNoiseMiddleware"]
SALESTALK_DYNAMODB_ENDPOINT = None
SALESTALK_AUTH_ISSUER = env_str("AUTH_ISSUER", "cognito")
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
}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
