"""boto3 against userpool: a forgotten password and an attribute change, each finished with a code from the dev inbox."""

import pytest

from conftest import PASSWORD, unique, wait_for_messages

NEW_PASSWORD = "N3w-Passw0rd!"


def newest_code(pool_id, username, purpose, count):
    """The newest delivered code of `purpose` for the user, once `count` messages exist."""
    messages = wait_for_messages(pool_id, username, count)
    matching = [m for m in messages if m["purpose"] == purpose]
    assert matching, f"no {purpose} message in {messages}"
    return matching[0]["code"]


def confirmed_user(cognito, pool):
    """A user signed up and confirmed with the emailed code, so the email is verified."""
    client_id = pool["public"]["ClientId"]
    username = unique("rec")
    cognito.sign_up(
        ClientId=client_id, Username=username, Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
    )
    code = newest_code(pool["pool"]["Id"], username, "SIGN_UP", 1)
    cognito.confirm_sign_up(ClientId=client_id, Username=username, ConfirmationCode=code)
    return username


def test_forgot_password_then_sign_in_with_the_new_password(cognito, pool):
    client_id = pool["public"]["ClientId"]
    username = confirmed_user(cognito, pool)
    details = cognito.forgot_password(ClientId=client_id, Username=username)["CodeDeliveryDetails"]
    assert details == {"Destination": f"{username[0]}***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    code = newest_code(pool["pool"]["Id"], username, "FORGOT_PASSWORD", 2)
    cognito.confirm_forgot_password(ClientId=client_id, Username=username, ConfirmationCode=code, Password=NEW_PASSWORD)
    result = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": username, "PASSWORD": NEW_PASSWORD},
    )
    assert result["AuthenticationResult"]["AccessToken"].count(".") == 2
    with pytest.raises(cognito.exceptions.NotAuthorizedException):
        cognito.initiate_auth(
            ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
        )


def test_update_user_attributes_then_verify(cognito, pool):
    client_id = pool["public"]["ClientId"]
    username = confirmed_user(cognito, pool)
    token = cognito.initiate_auth(
        ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
    )["AuthenticationResult"]["AccessToken"]
    out = cognito.update_user_attributes(AccessToken=token, UserAttributes=[{"Name": "email", "Value": f"{username}@new.example"}])
    assert out["CodeDeliveryDetailsList"] == [{"Destination": f"{username[0]}***@n***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}]
    code = newest_code(pool["pool"]["Id"], username, "UPDATE_ATTRIBUTE", 2)
    cognito.verify_user_attribute(AccessToken=token, AttributeName="email", Code=code)
    attributes = {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=token)["UserAttributes"]}
    assert attributes["email"] == f"{username}@new.example"
    assert attributes["email_verified"] == "true"
