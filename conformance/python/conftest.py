"""Shared fixtures for the boto3 conformance suite.

The runner (conformance/run.mjs) starts a fresh userpool server and passes its address in
USERPOOL_ENDPOINT. Credentials are dummies (AWS_ACCESS_KEY_ID=test ...): userpool accepts any
signature for the IAM-authorised operations.
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import urllib.parse
import urllib.request

import boto3
import pytest

REGION = "us-east-1"
INBOX_TIMEOUT_S = 3.0
PASSWORD = "Passw0rd!"


def endpoint() -> str:
    value = os.environ.get("USERPOOL_ENDPOINT")
    if not value:
        raise RuntimeError("USERPOOL_ENDPOINT is not set: run this suite through conformance/run.mjs")
    return value.rstrip("/")


def secret_hash(username: str, client_id: str, client_secret: str) -> str:
    """Base64(HMAC-SHA256(key=client secret, msg=username + client id)), as the AWS docs compute it."""
    digest = hmac.new(
        client_secret.encode("utf-8"),
        (username + client_id).encode("utf-8"),
        hashlib.sha256,
    ).digest()
    return base64.b64encode(digest).decode("ascii")


def inbox(pool_id: str, username: str) -> list:
    query = urllib.parse.urlencode({"poolId": pool_id, "username": username})
    with urllib.request.urlopen(f"{endpoint()}/_dev/inbox/messages?{query}", timeout=5) as resp:
        assert resp.status == 200
        return json.load(resp)["messages"]


def wait_for_messages(pool_id: str, username: str, count: int) -> list:
    """Polls the dev inbox until at least `count` messages exist for the user (newest first)."""
    deadline = time.monotonic() + INBOX_TIMEOUT_S
    while True:
        messages = inbox(pool_id, username)
        if len(messages) >= count:
            return messages
        if time.monotonic() > deadline:
            raise AssertionError(
                f"expected {count} message(s) for {username} within {INBOX_TIMEOUT_S}s, got {len(messages)}: {messages}"
            )
        time.sleep(0.05)


def unique(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


@pytest.fixture(scope="session")
def cognito():
    """A client pointed at userpool with the endpoint set in code."""
    assert "AWS_ENDPOINT_URL" not in os.environ, "the in-code suite must not see AWS_ENDPOINT_URL"
    return boto3.client("cognito-idp", region_name=REGION, endpoint_url=endpoint())


@pytest.fixture(scope="session")
def pool(cognito):
    """One pool with AutoVerifiedAttributes=[email], a public (LEGACY) client and a client with a secret."""
    created = cognito.create_user_pool(
        PoolName=unique("conformance-python-"),
        AutoVerifiedAttributes=["email"],
    )["UserPool"]
    flows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    public = cognito.create_user_pool_client(
        UserPoolId=created["Id"],
        ClientName="public",
        ExplicitAuthFlows=flows,
        PreventUserExistenceErrors="LEGACY",
    )["UserPoolClient"]
    confidential = cognito.create_user_pool_client(
        UserPoolId=created["Id"],
        ClientName="confidential",
        GenerateSecret=True,
        ExplicitAuthFlows=flows,
    )["UserPoolClient"]
    return {"pool": created, "public": public, "confidential": confidential, "flows": flows}


@pytest.fixture(scope="session")
def state():
    """Values handed from one ordered test to the next."""
    return {}
