"""Test profile: the test session starts its own in-memory DynamoDB and sets the endpoint."""
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, STORAGES

DEBUG = False
# The only profile with fixed secrets: they are public, and salestalk.env.secret() refuses them elsewhere.
SECRET_KEY = "test-secret-key-not-for-production-000000"
SALESTALK_JWT_SECRET = "test-jwt-secret-not-for-production-000000"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SALESTALK_DYNAMODB_TIMEOUT_SECONDS = 3.0
SALESTALK_DYNAMODB_MAX_RETRIES = 1
SALESTALK_LLM = "builtin"
# Generous, so suites that ask or sign in many times are not throttled; throttle tests set their own.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {**REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **dict.fromkeys(
        REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "100000/min")},
}
SALESTALK_THROTTLE_STORE = "memory"
# Dataset files of the session's tenants go to a folder of the session's own, never the project's media/.
# A server the session starts (the e2e tests' daphne) is handed the session's folder.
SALESTALK_DATASET_DIR = Path(os.environ.get("SALESTALK_TEST_DATASET_DIR")
                             or tempfile.mkdtemp(prefix="salestalk-test-datasets-"))
STORAGES = {**STORAGES, "datasets": {**STORAGES["datasets"], "OPTIONS": {"location": SALESTALK_DATASET_DIR}}}
STORAGES = {**STORAGES, "uploads": {**STORAGES["uploads"], "OPTIONS": {"location": Path(tempfile.mkdtemp(
    prefix="salestalk-test-uploads-"))}}}
