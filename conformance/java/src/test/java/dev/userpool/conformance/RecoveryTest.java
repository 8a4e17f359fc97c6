package dev.userpool.conformance;

import static dev.userpool.conformance.Support.PASSWORD;
import static dev.userpool.conformance.Support.newestCode;
import static dev.userpool.conformance.Support.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** A forgotten password and an attribute change, each finished with a code from the dev inbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryTest {
  private CognitoIdentityProviderClient cognito;
  private String poolId;
  private String clientId;

  @BeforeAll
  void createPoolAndClient() {
    cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(Support.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    poolId =
        cognito
            .createUserPool(r -> r.poolName(unique("conformance-java-recovery-")).autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
            .userPool()
            .id();
    clientId =
        cognito
            .createUserPoolClient(
                r -> r.userPoolId(poolId).clientName("public")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
            .userPoolClient()
            .clientId();
  }

  @AfterAll
  void close() {
    cognito.close();
  }

  private String confirmedUser() throws Exception {
    String username = unique("rec");
    cognito.signUp(
        r -> r.clientId(clientId).username(username).password(PASSWORD)
            .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build()));
    String code = newestCode(poolId, username, "SIGN_UP", 1);
    cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
    return username;
  }

  private InitiateAuthResponse signIn(String username, String password) {
    return cognito.initiateAuth(
        r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
  }

  @Test
  void forgotPasswordThenSignInWithTheNewPassword() throws Exception {
    String username = confirmedUser();
    CodeDeliveryDetailsType details = cognito.forgotPassword(r -> r.clientId(clientId).username(username)).codeDeliveryDetails();
    assertEquals(DeliveryMediumType.EMAIL, details.deliveryMedium());
    assertEquals(username.charAt(0) + "***@e***", details.destination());
    String code = newestCode(poolId, username, "FORGOT_PASSWORD", 2);
    cognito.confirmForgotPassword(r -> r.clientId(clientId).username(username).confirmationCode(code).password("N3w-Passw0rd!"));
    assertNotNull(signIn(username, "N3w-Passw0rd!").authenticationResult().accessToken());
    NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> signIn(username, PASSWORD));
    assertEquals("Incorrect username or password.", e.awsErrorDetails().errorMessage());
  }

  @Test
  void updateUserAttributesThenVerify() throws Exception {
    String username = confirmedUser();
    String token = signIn(username, PASSWORD).authenticationResult().accessToken();
    var out =
        cognito.updateUserAttributes(
            r -> r.accessToken(token).userAttributes(AttributeType.builder().name("email").value(username + "@new.example").build()));
    assertEquals(1, out.codeDeliveryDetailsList().size());
    assertEquals("email", out.codeDeliveryDetailsList().get(0).attributeName());
    String code = newestCode(poolId, username, "UPDATE_ATTRIBUTE", 2);
    cognito.verifyUserAttribute(r -> r.accessToken(token).attributeName("email").code(code));
    Map<String, String> attributes =
        cognito.getUser(r -> r.accessToken(token)).userAttributes().stream()
            .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
    assertEquals(username + "@new.example", attributes.get("email"));
    assertEquals("true", attributes.get("email_verified"));
  }
}
