"""The developer profile: DynamoDB Local on loopback (`make dynamodb`), DEBUG on, secrets from .run/secrets.env."""
import os
import sys
from pathlib import Path

from salestalk.env import env_bool, env_str, read_env_file, signing_secrets

from .base import *  # noqa: F403
from .base import BASE_DIR

# `make secrets` (run by `make run`, `serve` and `demo`) writes a random pair here once.
read_env_file(Path(env_str("SECRETS_FILE", str(BASE_DIR / ".run" / "secrets.env"))))
SECRET_KEY, SALESTALK_JWT_SECRET = signing_secrets()

DEBUG = env_bool("DEBUG", True)
if DEBUG:
    # stderr, so commands whose stdout is read (issue_token) stay clean.
    print("salestalk: local profile, DEBUG is on: never expose this server.", file=sys.stderr)
SALESTALK_DYNAMODB_ENDPOINT = env_str(
    "DYNAMODB_ENDPOINT", f"http://127.0.0.1:{os.environ.get('DYNAMODB_PORT', '8001')}"
)
