"""Throttles and lockout over the shared counter store: DynamoDB Local (and Redis, where Debian's server
is installed) under concurrent threads, then sign-in and asking through the API."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest
import redis
from django.test import Client
from rest_framework.test import APIClient

from tenants import services, throttle_store
from tenants.throttle_store import DynamoDBCounterStore, RedisCounterStore, throttle_table_name
from tenants.tokens import issue_token

PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("!!! redis-server is not installed (make redis): the Redis store is NOT tested !!!")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


# One window for the whole test, however slow the machine: a window boundary would restart the count.
LONG = 10**9


def hammer(store, *, key: str, threads: int = 8, each: int = 25) -> list[int]:
    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda _: store.hit(key, window=LONG).count, range(threads * each)))


def test_dynamodb_counters_count_every_concurrent_hit_exactly_once(settings):
    # A timed-out ADD that botocore retries may count twice (throttles then err on the safe side);
    # a generous timeout keeps a busy machine from blurring what this test checks: atomicity.
    settings.SALESTALK_DYNAMODB_TIMEOUT_SECONDS = 60
    store = DynamoDBCounterStore(table_name=throttle_table_name())
    counts = hammer(store, key="ask_user:acme:1")
    assert sorted(counts) == list(range(1, 201))  # atomic: no two hits saw the same count
    assert store.peek("ask_user:acme:1", window=LONG).count == 200
    assert store.peek("ask_user:acme:2", window=LONG).count == 0
    store.clear("ask_user:acme:1", window=LONG)
    assert store.peek("ask_user:acme:1", window=LONG).count == 0


def test_dynamodb_counter_items_expire_with_their_window():
    store = DynamoDBCounterStore(table_name=throttle_table_name())
    store.hit("sign_in_ip:10.0.0.1", window=60)
    item = store_items(store)[0]
    assert int(item["expiresAt"]["N"]) <= time.time() + 60 + throttle_store.TTL_SLACK_SECONDS
    ttl = throttle_store.dynamodb_client().describe_time_to_live(TableName=throttle_table_name())
    assert ttl["TimeToLiveDescription"]["AttributeName"] == "expiresAt"


def store_items(store: DynamoDBCounterStore) -> list[dict]:
    return throttle_store.dynamodb_client().scan(TableName=store.table_name)["Items"]


def test_redis_counters_count_every_concurrent_hit_exactly_once(redis_url):
    store = RedisCounterStore(url=redis_url)
    counts = hammer(store, key="ask_tenant:acme")
    assert sorted(counts) == list(range(1, 201))
    assert store.peek("ask_tenant:acme", window=LONG).count == 200
    assert 0 < store.client.ttl(f"salestalk:throttle:ask_tenant:acme#{int(time.time() // LONG)}") <= LONG + 60
    store.clear("ask_tenant:acme", window=LONG)
    assert store.peek("ask_tenant:acme", window=LONG).count == 0


def test_the_store_follows_the_settings(settings, redis_url):
    settings.SALESTALK_THROTTLE_STORE = "auto"
    settings.SALESTALK_REDIS_URL = ""
    assert isinstance(throttle_store.counter_store(), DynamoDBCounterStore)
    settings.SALESTALK_REDIS_URL = redis_url
    assert isinstance(throttle_store.counter_store(), RedisCounterStore)


@pytest.fixture
def shared(settings):
    """The throttles as deployed: counted in DynamoDB, with small limits (per day: no window ends mid-test)."""
    settings.SALESTALK_THROTTLE_STORE = "dynamodb"
    settings.SALESTALK_SIGN_IN_MAX_FAILURES = 3
    settings.SALESTALK_SIGN_IN_LOCKOUT_SECONDS = 24 * 3600
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"sign_in_ip": "5/day", "ask_user": "2/day", "ask_tenant": "3/day"},
    }
    return settings


def sign_in(email: str, password: str, *, ip: str = "10.0.0.1", forwarded: str | None = None):
    headers = {"REMOTE_ADDR": ip, **({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})}
    return APIClient().post("/api/auth/token", {"email": email, "password": password}, format="json", **headers)


@pytest.fixture
def people(db, tenant):
    for email in ("ann@acme.example", "bob@acme.example"):
        services.create_user(tenant_id="acme", email=email, password=PASSWORD)


def test_an_address_is_locked_out_of_an_account_after_too_many_wrong_passwords_even_for_the_right_one(
        shared, people):
    for attempt in range(3):
        assert sign_in("ann@acme.example", f"wrong-{attempt}", ip="10.0.1.1").status_code == 401
    locked = sign_in("ann@acme.example", PASSWORD, ip="10.0.1.1")
    assert locked.status_code == 429
    assert 0 < int(locked["Retry-After"]) <= 24 * 3600
    assert locked.json()["error"]["code"] == "throttled"
    message = locked.json()["error"]["message"]
    assert "wrong passwords for this account from your address" in message
    assert message.count(" seconds") == 1 and f"in {locked['Retry-After']} seconds" in message  # said once
    assert sign_in("bob@acme.example", PASSWORD, ip="10.0.1.1").status_code == 200  # other accounts are not


def test_an_attacker_failing_with_a_persons_email_does_not_lock_the_person_out(shared, people):
    for attempt in range(6):
        sign_in("ann@acme.example", f"wrong-{attempt}", ip="203.0.113.7")
    assert sign_in("ann@acme.example", PASSWORD, ip="203.0.113.7").status_code == 429  # the attacker's address
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.2.1").status_code == 200     # the person, elsewhere


@pytest.fixture
def clock(monkeypatch):
    """The counters' clock, moved only by the test: windows and back-off slots end when the test says."""
    now = [float(int(time.time()) // (24 * 3600) * (24 * 3600) + 7)]  # early in a day: no day window ends
    monkeypatch.setattr(throttle_store, "time", SimpleNamespace(time=lambda: now[0]))
    return now


@pytest.fixture
def backoff(shared):
    shared.SALESTALK_SIGN_IN_ACCOUNT_FREE_FAILURES = 4
    shared.SALESTALK_SIGN_IN_BACKOFF_SECONDS = 30
    return shared


def test_an_account_attacked_from_many_addresses_backs_off_but_a_new_address_still_signs_in(
        backoff, people, clock):
    for address in ("203.0.113.1", "203.0.113.2"):
        for attempt in range(2):
            assert sign_in("ann@acme.example", f"wrong-{attempt}", ip=address).status_code == 401
    # Four failures in all: the addresses that failed now share one attempt per 30 s slot.
    assert sign_in("ann@acme.example", "wrong-again", ip="203.0.113.1").status_code == 401
    held = sign_in("ann@acme.example", PASSWORD, ip="203.0.113.2")
    assert held.status_code == 429 and 0 < int(held["Retry-After"]) <= 30
    assert "many wrong passwords" in held.json()["error"]["message"]
    assert held.json()["error"]["message"].count(" seconds") == 1
    assert sign_in("ann@acme.example", "wrong", ip="203.0.113.3").status_code == 401  # one guess per new address
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.6.1").status_code == 200   # the person, anywhere new
    clock[0] += int(held["Retry-After"])
    assert sign_in("ann@acme.example", "wrong-later", ip="203.0.113.2").status_code == 401  # the next slot
    assert sign_in("ann@acme.example", "wrong-later", ip="203.0.113.1").status_code == 429


def test_a_person_who_mistyped_during_an_attack_waits_one_slot_at_most(backoff, people, clock):
    for address in ("203.0.113.1", "203.0.113.2"):
        for attempt in range(2):
            sign_in("ann@acme.example", f"wrong-{attempt}", ip=address)
    assert sign_in("ann@acme.example", "typo", ip="10.0.7.1").status_code == 401
    assert sign_in("ann@acme.example", "wrong", ip="203.0.113.1").status_code == 401  # the attacker takes the slot
    waiting = sign_in("ann@acme.example", PASSWORD, ip="10.0.7.1")
    assert waiting.status_code == 429 and int(waiting["Retry-After"]) <= 30
    clock[0] += int(waiting["Retry-After"])
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.7.1").status_code == 200


def test_the_pages_password_form_keeps_the_same_lockout(shared, people):
    def page_sign_in(password: str, ip: str):
        client = Client()
        response = client.post("/login/", {"username": "ann@acme.example", "password": password}, REMOTE_ADDR=ip)
        return response, client

    for attempt in range(3):
        response, _ = page_sign_in(f"wrong-{attempt}", "203.0.113.9")
        assert response.status_code == 200 and "Wrong email or password." in response.content.decode()
    response, client = page_sign_in(PASSWORD, "203.0.113.9")
    assert "wrong passwords for this account from your address" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert sign_in("ann@acme.example", PASSWORD, ip="203.0.113.9").status_code == 429  # the API agrees
    response, client = page_sign_in(PASSWORD, "10.0.8.1")
    assert response.status_code == 302 and client.session["_auth_user_id"]


def test_a_successful_sign_in_forgets_earlier_failures(shared, people):
    for attempt in range(2):
        sign_in("ann@acme.example", "wrong", ip=f"10.0.3.{attempt}")
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.3.9").status_code == 200
    for attempt in range(2):
        sign_in("ann@acme.example", "wrong", ip=f"10.0.4.{attempt}")
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.4.9").status_code == 200


def test_sign_in_is_throttled_per_address_and_a_forged_forwarded_for_does_not_help(shared, people):
    statuses = [sign_in(f"nobody{n}@acme.example", "x", ip="10.0.5.1", forwarded=f"192.0.2.{n}").status_code
                for n in range(7)]
    assert statuses[:5] == [401] * 5 and statuses[5:] == [429, 429]
    assert sign_in("ann@acme.example", PASSWORD, ip="10.0.5.2").status_code == 200


def asker(email: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_token(tenant_id='acme', email=email)}")
    return client


def ask(client: APIClient, conversation: str):
    return client.post(f"/api/chat/conversations/{conversation}/messages/", {"text": "revenue last month"},
                       format="json")


def test_asking_is_throttled_per_person_and_per_tenant_and_reading_is_not(shared, tenant):
    ann, bob, cy = asker("ann@acme.example"), asker("bob@acme.example"), asker("cy@acme.example")
    conversation = ann.post("/api/chat/conversations/", {}, format="json").json()["id"]
    assert [ask(ann, conversation).status_code != 429 for _ in range(2)] == [True, True]
    refused = ask(ann, conversation)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert ask(bob, conversation).status_code != 429   # the tenant's third question
    assert ask(cy, conversation).status_code == 429    # the tenant's fourth: over the tenant's rate
    assert ann.get(f"/api/chat/conversations/{conversation}/messages/").status_code == 200


def test_in_aws_the_store_only_touches_items_of_the_terraform_table(settings, monkeypatch):
    """No DescribeTable/CreateTable/TTL calls in AWS: the functions are granted item actions only."""
    from botocore.stub import Stubber

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    settings.SALESTALK_DYNAMODB_ENDPOINT = None
    store = DynamoDBCounterStore(table_name="salestalk-throttles")
    index = int(time.time() // LONG)
    expires = str((index + 1) * LONG + 60)
    with Stubber(throttle_store.dynamodb_client()) as stub:
        stub.add_response("update_item", {"Attributes": {"hits": {"N": "7"}}},
                          {"TableName": "salestalk-throttles", "Key": {"key": {"S": f"k#{index}"}},
                           "UpdateExpression": "ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires)",
                           "ExpressionAttributeValues": {":one": {"N": "1"}, ":expires": {"N": expires}},
                           "ReturnValues": "UPDATED_NEW"})
        assert store.hit("k", window=LONG).count == 7
        stub.assert_no_pending_responses()


def test_the_admins_sign_in_keeps_the_same_lockout(shared, db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user(username="staff@acme.example", password=PASSWORD, is_staff=True)

    def admin_sign_in(password: str, ip: str):
        client = Client()
        response = client.post("/admin/login/?next=/admin/", {"username": "staff@acme.example", "password": password},
                               REMOTE_ADDR=ip)
        return response, client

    for attempt in range(3):
        response, guesser = admin_sign_in(f"wrong-{attempt}", "203.0.113.20")
        assert response.status_code == 200 and "_auth_user_id" not in guesser.session
    response, client = admin_sign_in(PASSWORD, "203.0.113.20")
    assert "wrong passwords for this account from your address" in response.content.decode()
    assert "_auth_user_id" not in client.session
    response, client = admin_sign_in(PASSWORD, "10.0.9.1")
    assert response.status_code == 302 and client.session["_auth_user_id"]
