"""Test profile: the test session starts its own in-memory DynamoDB and sets the endpoint."""
from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-000000"
SALESTALK_JWT_SECRET = "test-jwt-secret-not-for-production-000000"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SALESTALK_DYNAMODB_TIMEOUT_SECONDS = 3.0
SALESTALK_DYNAMODB_MAX_RETRIES = 1
SALESTALK_LLM = "builtin"
