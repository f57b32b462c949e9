"""The default profile: a developer machine with DynamoDB Local on loopback (`make dynamodb`)."""
from salestalk.env import env_str

from .base import *  # noqa: F403

DEBUG = True
SALESTALK_DYNAMODB_ENDPOINT = env_str("DYNAMODB_ENDPOINT", "http://127.0.0.1:8001")
