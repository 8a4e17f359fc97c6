"""boto3 against userpool, without SRP: an admin-created user answers NEW_PASSWORD_REQUIRED and gets tokens;
GlobalSignOut then revokes the access token and the refresh token."""

import pytest

from conftest import PASSWORD, unique

TEMPORARY_PASSWORD = "Temp0rary!"


def assert_error(excinfo, code, message):
    err = excinfo.value.response["Error"]
    assert err["Code"] == code
    assert err["Message"] == message
    assert excinfo.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def admin_created_user_signs_in(cognito, pool):
    """AdminCreateUser (TemporaryPassword, SUPPRESS) → InitiateAuth USER_PASSWORD_AUTH → NEW_PASSWORD_REQUIRED →
    RespondToAuthChallenge with NEW_PASSWORD. Returns (username, AuthenticationResult)."""
    pool_id, client_id = pool["pool"]["Id"], pool["public"]["ClientId"]
    username = unique("adm")
    user = cognito.admin_create_user(
        UserPoolId=pool_id, Username=username, TemporaryPassword=TEMPORARY_PASSWORD, MessageAction="SUPPRESS",
    )["User"]
    assert user["Username"] == username
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    challenge = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": TEMPORARY_PASSWORD},
    )
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    assert challenge["Session"]
    assert "AuthenticationResult" not in challenge
    assert challenge["ChallengeParameters"]["requiredAttributes"] == "[]"
    answered = cognito.respond_to_auth_challenge(
        ClientId=client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": username, "NEW_PASSWORD": PASSWORD},
    )
    auth = answered["AuthenticationResult"]
    for key in ("AccessToken", "IdToken", "RefreshToken"):
        assert isinstance(auth.get(key), str) and auth[key], f"{key} missing"
    assert auth["AccessToken"].count(".") == 2 and auth["IdToken"].count(".") == 2
    return username, auth


def test_admin_create_user_then_new_password_required(cognito, pool):
    username, auth = admin_created_user_signs_in(cognito, pool)
    assert cognito.get_user(AccessToken=auth["AccessToken"])["Username"] == username
    assert cognito.admin_get_user(UserPoolId=pool["pool"]["Id"], Username=username)["UserStatus"] == "CONFIRMED"


def test_global_sign_out_revokes_the_tokens(cognito, pool):
    client_id = pool["public"]["ClientId"]
    username, auth = admin_created_user_signs_in(cognito, pool)
    assert cognito.get_user(AccessToken=auth["AccessToken"])["Username"] == username
    cognito.global_sign_out(AccessToken=auth["AccessToken"])
    with pytest.raises(cognito.exceptions.NotAuthorizedException) as excinfo:
        cognito.get_user(AccessToken=auth["AccessToken"])
    assert_error(excinfo, "NotAuthorizedException", "Access Token has been revoked")
    with pytest.raises(cognito.exceptions.NotAuthorizedException) as excinfo:
        cognito.initiate_auth(
            ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={"REFRESH_TOKEN": auth["RefreshToken"]},
        )
    assert_error(excinfo, "NotAuthorizedException", "Refresh Token has been revoked")
