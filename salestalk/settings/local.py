"""The default profile: a developer machine with DynamoDB Local on loopback (`make dynamodb`)."""
import os

from salestalk.env import env_str

from .base import *  # noqa: F403

DEBUG = True
SALESTALK_DYNAMODB_ENDPOINT = env_str("DYNAMODB_ENDPOINT", f"http://127.0.0.1:{os.environ.get('DYNAMODB_PORT', '8001')}")
