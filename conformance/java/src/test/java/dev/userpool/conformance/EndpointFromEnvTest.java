package dev.userpool.conformance;

import static dev.userpool.conformance.Support.PASSWORD;
import static dev.userpool.conformance.Support.unique;
import static dev.userpool.conformance.Support.waitForMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The SDK pointed at userpool only through the environment: AWS_ENDPOINT_URL (set by the
 * endpoint-from-env surefire execution), AWS_REGION and the dummy credentials. No configuration in code.
 */
class EndpointFromEnvTest {
  @Test
  void endpointFromEnvironment() throws Exception {
    assertEquals(Support.endpoint(), System.getenv("AWS_ENDPOINT_URL"));
    try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.create()) {
      UserPoolType pool =
          cognito
              .createUserPool(r -> r.poolName(unique("conformance-java-env-")).autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
              .userPool();
      String clientId =
          cognito.createUserPoolClient(r -> r.userPoolId(pool.id()).clientName("env")).userPoolClient().clientId();
      String username = unique("erin");
      assertFalse(
          cognito
              .signUp(
                  r -> r.clientId(clientId)
                      .username(username)
                      .password(PASSWORD)
                      .userAttributes(AttributeType.builder().name("email").value(username + "@example.net").build()))
              .userConfirmed());
      CodeDeliveryDetailsType details =
          cognito.resendConfirmationCode(r -> r.clientId(clientId).username(username)).codeDeliveryDetails();
      assertEquals("e***@e***", details.destination());
      assertEquals("EMAIL", details.deliveryMediumAsString());
      assertEquals("email", details.attributeName());
      waitForMessages(pool.id(), username, 2);
    }
  }
}
