"""Identifiers that sort by creation time (so "newest first" is a key order) and cannot be guessed."""
import secrets
import time


def new_id(prefix: str) -> str:
    return f"{prefix}_{int(time.time() * 1000):012x}{secrets.token_hex(6)}"
