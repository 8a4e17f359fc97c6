"""boto3 against userpool, endpoint set in code. Tests run in file order and share `state`."""

import re

import pytest

from conftest import PASSWORD, secret_hash, unique, wait_for_messages

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
CODE_RE = re.compile(r"^\d{6}$")
# The exact message userpool returns for test 14 (raw strings: the pattern's backslashes are literal).
VALIDATION_MESSAGE = (
    "1 validation error detected: Value at 'username' failed to satisfy constraint: "
    r"Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+"
)


def resend_confirmation(cognito, client_id, user_name, client_secret=None):
    """ResendConfirmationCode with the request fields of the AWS docs' Python example:
    ClientId and Username, plus SecretHash when the app client has a secret."""
    kwargs = {"ClientId": client_id, "Username": user_name}
    if client_secret is not None:
        kwargs["SecretHash"] = secret_hash(user_name, client_id, client_secret)
    return cognito.resend_confirmation_code(**kwargs)["CodeDeliveryDetails"]


def assert_delivery(details, masked):
    assert details["DeliveryMedium"] == "EMAIL"
    assert details["AttributeName"] == "email"
    assert details["Destination"] == masked


def assert_error(excinfo, code, message):
    err = excinfo.value.response["Error"]
    assert err["Code"] == code
    assert err["Message"] == message
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def assert_tokens(result):
    auth = result["AuthenticationResult"]
    for key in ("AccessToken", "IdToken", "RefreshToken"):
        assert isinstance(auth.get(key), str) and auth[key], f"{key} missing"
    assert auth["AccessToken"].count(".") == 2, "AccessToken is not a JWT"
    assert auth["IdToken"].count(".") == 2, "IdToken is not a JWT"


def test_create_pool_and_clients(pool):
    p = pool["pool"]
    assert re.fullmatch(r"us-east-1_[0-9A-Za-z]+", p["Id"]), p["Id"]
    assert p["AutoVerifiedAttributes"] == ["email"]
    public, confidential = pool["public"], pool["confidential"]
    assert public["UserPoolId"] == p["Id"] and confidential["UserPoolId"] == p["Id"]
    assert not public.get("ClientSecret")
    assert confidential.get("ClientSecret")
    for c in (public, confidential):
        assert set(pool["flows"]) <= set(c["ExplicitAuthFlows"])


def test_sign_up_delivers_code(cognito, pool, state):
    username = unique("jane")
    email = f"{username}@example.com"
    resp = cognito.sign_up(
        ClientId=pool["public"]["ClientId"],
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": email}],
    )
    assert resp["UserConfirmed"] is False
    assert UUID_RE.match(resp["UserSub"])
    assert_delivery(resp["CodeDeliveryDetails"], "j***@e***")
    messages = wait_for_messages(pool["pool"]["Id"], username, 1)
    newest = messages[0]
    assert newest["channel"] == "EMAIL"
    assert newest["to"] == email
    assert newest["poolId"] == pool["pool"]["Id"] and newest["username"] == username
    assert CODE_RE.match(newest["code"])
    state["user"] = username


def test_resend_confirmation_code(cognito, pool, state):
    username = state["user"]
    details = resend_confirmation(cognito, pool["public"]["ClientId"], username)
    assert_delivery(details, "j***@e***")
    messages = wait_for_messages(pool["pool"]["Id"], username, 2)
    assert CODE_RE.match(messages[0]["code"])
    state["newest_code"] = messages[0]["code"]
    state["superseded_code"] = messages[1]["code"]


def test_superseded_code_is_rejected(cognito, pool, state):
    assert state["superseded_code"] != state["newest_code"]
    with pytest.raises(cognito.exceptions.CodeMismatchException) as excinfo:
        cognito.confirm_sign_up(
            ClientId=pool["public"]["ClientId"],
            Username=state["user"],
            ConfirmationCode=state["superseded_code"],
        )
    assert_error(excinfo, "CodeMismatchException", "Invalid verification code provided, please try again.")


def test_confirm_sign_up_with_newest_code(cognito, pool, state):
    cognito.confirm_sign_up(
        ClientId=pool["public"]["ClientId"],
        Username=state["user"],
        ConfirmationCode=state["newest_code"],
    )
    state["confirmed"] = True


def test_resend_after_confirmation_fails(cognito, pool, state):
    assert state.get("confirmed")
    with pytest.raises(cognito.exceptions.InvalidParameterException) as excinfo:
        resend_confirmation(cognito, pool["public"]["ClientId"], state["user"])
    assert_error(excinfo, "InvalidParameterException", "User is already confirmed.")


def test_initiate_auth_user_password(cognito, pool, state):
    assert state.get("confirmed")
    result = cognito.initiate_auth(
        ClientId=pool["public"]["ClientId"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": state["user"], "PASSWORD": PASSWORD},
    )
    assert_tokens(result)


def test_secret_client_sign_up_and_resend(cognito, pool, state):
    client_id = pool["confidential"]["ClientId"]
    client_secret = pool["confidential"]["ClientSecret"]
    username = unique("sam")
    resp = cognito.sign_up(
        ClientId=client_id,
        SecretHash=secret_hash(username, client_id, client_secret),
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.org"}],
    )
    assert resp["UserConfirmed"] is False
    wait_for_messages(pool["pool"]["Id"], username, 1)
    details = resend_confirmation(cognito, client_id, username, client_secret)
    assert_delivery(details, "s***@e***")
    messages = wait_for_messages(pool["pool"]["Id"], username, 2)
    state["secret_user"] = username
    state["secret_code"] = messages[0]["code"]


def test_secret_client_confirm_and_sign_in(cognito, pool, state):
    client_id = pool["confidential"]["ClientId"]
    client_secret = pool["confidential"]["ClientSecret"]
    username = state["secret_user"]
    cognito.confirm_sign_up(
        ClientId=client_id,
        SecretHash=secret_hash(username, client_id, client_secret),
        Username=username,
        ConfirmationCode=state["secret_code"],
    )
    result = cognito.initiate_auth(
        ClientId=client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={
            "USERNAME": username,
            "PASSWORD": PASSWORD,
            "SECRET_HASH": secret_hash(username, client_id, client_secret),
        },
    )
    assert_tokens(result)


def test_wrong_secret_hash_is_rejected(cognito, pool):
    client_id = pool["confidential"]["ClientId"]
    username = unique("wrong")
    with pytest.raises(cognito.exceptions.NotAuthorizedException) as excinfo:
        cognito.resend_confirmation_code(
            ClientId=client_id,
            Username=username,
            SecretHash=secret_hash(username, client_id, "not-the-client-secret"),
        )
    assert_error(excinfo, "NotAuthorizedException", f"Unable to verify secret hash for client {client_id}")


def test_unknown_user_legacy_client(cognito, pool):
    with pytest.raises(cognito.exceptions.UserNotFoundException) as excinfo:
        resend_confirmation(cognito, pool["public"]["ClientId"], unique("nobody"))
    assert_error(excinfo, "UserNotFoundException", "Username/client id combination not found.")


def test_unknown_client_id(cognito):
    client_id = "0123456789abcdefghijklmnop"  # 26 lowercase alphanumerics, never issued
    with pytest.raises(cognito.exceptions.ResourceNotFoundException) as excinfo:
        resend_confirmation(cognito, client_id, "someone")
    assert_error(excinfo, "ResourceNotFoundException", f"User pool client {client_id} does not exist.")


def test_sixth_resend_within_an_hour_is_limited(cognito, pool):
    client_id = pool["public"]["ClientId"]
    username = unique("lim")
    cognito.sign_up(
        ClientId=client_id,
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    for attempt in range(1, 6):
        details = resend_confirmation(cognito, client_id, username)
        assert details["DeliveryMedium"] == "EMAIL", f"resend #{attempt}"
    with pytest.raises(cognito.exceptions.LimitExceededException) as excinfo:
        resend_confirmation(cognito, client_id, username)
    assert_error(excinfo, "LimitExceededException", "Attempt limit exceeded, please try after some time.")


def test_username_with_space_fails_validation(cognito, pool):
    with pytest.raises(cognito.exceptions.InvalidParameterException) as excinfo:
        resend_confirmation(cognito, pool["public"]["ClientId"], "has space")
    assert_error(excinfo, "InvalidParameterException", VALIDATION_MESSAGE)
