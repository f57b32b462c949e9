"""Post-deploy smoke test: sign in, upload a small dataset, wait for its import, ask a question.

Run by the deploy workflow after ``terraform apply`` and the migrations (and runnable by hand)::

    python -m salestalk.smoke_test --url https://<api>.execute-api.<region>.amazonaws.com \\
        --user-pool-id <pool> --client-id <client> --username smoke@… --password-env SMOKE_PASSWORD

It signs in at Cognito as a dedicated smoke user (AdminInitiateAuth: the deploy role's IAM credentials,
not a password flow the public client offers) and then uses the API exactly as the page does, so it
proves what no offline test can: the real token validation, DynamoDB, the presigned S3 upload and its
CORS-free server side, the import function, the database behind the session tables, the answer path.
``--token`` skips Cognito (any valid token, e.g. locally). Exit status 0 only if every step passed.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any
from urllib.parse import urljoin

import httpx

CSV = b"""date,region,revenue,cost
2025-07-01,EMEA,100,40
2025-07-15,APAC,200,120
2025-08-03,EMEA,50,20
"""
QUESTION = "What was revenue in July 2025?"
EXPECTED_FIGURE = 300.0
IMPORT_WAIT_SECONDS = 300


class SmokeFailed(Exception):
    pass


def cognito_id_token(*, user_pool_id: str, client_id: str, username: str, password: str, region: str) -> str:
    import boto3

    result = boto3.client("cognito-idp", region_name=region).admin_initiate_auth(
        UserPoolId=user_pool_id,
        ClientId=client_id,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    if "AuthenticationResult" not in result:
        challenge = result.get("ChallengeName")
        raise SmokeFailed(f"Cognito asked for a challenge ({challenge}): set the smoke user's permanent password.")
    return result["AuthenticationResult"]["IdToken"]


def _checked(response: httpx.Response, *, step: str, expect: tuple[int, ...] = (200,)) -> Any:
    if response.status_code not in expect:
        raise SmokeFailed(f"{step}: HTTP {response.status_code}: {response.text[:500]}")
    return response.json() if response.content else None


def run(*, base_url: str, token: str, client: httpx.Client | None = None, say=print) -> dict[str, Any]:
    api = client or httpx.Client(base_url=base_url, timeout=30.0)
    auth = {"Authorization": f"Bearer {token}"}

    me = _checked(api.get("/api/me", headers=auth), step="sign-in")
    say(f"signed in: {me['email']} of {me['tenant_id']}")

    target = _checked(
        api.post("/api/metrics/uploads/", json={"filename": "smoke.csv", "size": len(CSV)}, headers=auth),
        step="upload",
        expect=(201,),
    )
    files = {"file": ("smoke.csv", CSV, target["content_type"])}
    if target["direct_to_storage"]:
        # Straight to S3 with the presigned form: no Authorization header, the form is the credential.
        sent = httpx.post(target["url"], data=target["fields"], files=files, timeout=60.0)
        if sent.status_code not in (200, 201, 204):
            raise SmokeFailed(f"upload to storage: HTTP {sent.status_code}: {sent.text[:500]}")
    else:
        _checked(api.post(target["url"], data=target["fields"], files=files, headers=auth), step="upload file",
                 expect=(204,))
    job = _checked(api.post(target["complete_url"], json={}, headers=auth), step="import", expect=(202,))
    say(f"import queued: {job['id']}")

    deadline = time.monotonic() + IMPORT_WAIT_SECONDS
    while job["status"] not in ("done", "failed"):
        if time.monotonic() > deadline:
            raise SmokeFailed(f"import: still {job['status']} after {IMPORT_WAIT_SECONDS} s")
        time.sleep(2)
        job = _checked(api.get(f"/api/metrics/imports/{job['id']}", headers=auth), step="import status")
    if job["status"] != "done":
        raise SmokeFailed(f"import failed: {job.get('error')}")
    say(f"imported: {job.get('rows')} rows")

    conversation = _checked(api.post("/api/chat/conversations/", json={"title": "smoke test"}, headers=auth),
                            step="conversation", expect=(201,))
    asked = _checked(
        api.post(f"/api/chat/conversations/{conversation['id']}/messages/",
                 json={"text": QUESTION, "as_of": "2025-11-10"}, headers=auth),
        step="ask",
        expect=(201,),
    )
    value = (asked["answer"].get("result") or {}).get("value")
    if value != EXPECTED_FIGURE:
        raise SmokeFailed(f"ask: expected {EXPECTED_FIGURE}, got {value!r}: {asked['answer'].get('narrative')}")
    say(f"answered: {asked['answer']['narrative']}")
    _checked(api.delete(f"/api/chat/conversations/{conversation['id']}/", headers=auth), step="clean up",
             expect=(204,))
    return {"tenant": me["tenant_id"], "job": job["id"], "value": value}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", help="an access or ID token (skips Cognito)")
    parser.add_argument("--user-pool-id")
    parser.add_argument("--client-id")
    parser.add_argument("--username")
    parser.add_argument("--password-env", default="SMOKE_PASSWORD", help="variable holding the smoke user's password")
    parser.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    args = parser.parse_args(argv)
    try:
        token = args.token or cognito_id_token(
            user_pool_id=args.user_pool_id,
            client_id=args.client_id,
            username=args.username,
            password=os.environ[args.password_env],
            region=args.region,
        )
        run(base_url=urljoin(args.url, "/"), token=token)
    except (SmokeFailed, httpx.HTTPError, KeyError) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
