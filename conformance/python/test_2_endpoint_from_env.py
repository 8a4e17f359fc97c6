"""boto3 pointed at userpool only through the AWS_ENDPOINT_URL environment variable
(supported since botocore 1.31.57 / boto3 1.28.57): no endpoint_url and no region in code."""

import boto3

from conftest import PASSWORD, endpoint, unique, wait_for_messages


def test_endpoint_from_environment(monkeypatch, pool):
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint())
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    cognito = boto3.client("cognito-idp")
    assert cognito.meta.endpoint_url.rstrip("/") == endpoint()

    client_id = pool["public"]["ClientId"]
    username = unique("erin")
    resp = cognito.sign_up(
        ClientId=client_id,
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.net"}],
    )
    assert resp["UserConfirmed"] is False
    details = cognito.resend_confirmation_code(ClientId=client_id, Username=username)["CodeDeliveryDetails"]
    assert details == {"Destination": "e***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    wait_for_messages(pool["pool"]["Id"], username, 2)
