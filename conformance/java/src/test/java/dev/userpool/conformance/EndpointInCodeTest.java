package dev.userpool.conformance;

import static dev.userpool.conformance.Support.PASSWORD;
import static dev.userpool.conformance.Support.VALIDATION_MESSAGE;
import static dev.userpool.conformance.Support.secretHash;
import static dev.userpool.conformance.Support.unique;
import static dev.userpool.conformance.Support.waitForMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/** AWS SDK for Java 2.x against userpool, endpoint set in code (endpointOverride). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointInCodeTest {
  private static final List<ExplicitAuthFlowsType> FLOWS =
      List.of(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);

  private CognitoIdentityProviderClient cognito;
  private UserPoolType pool;
  private UserPoolClientType publicClient;
  private UserPoolClientType secretClient;

  private String user;
  private String newestCode;
  private String supersededCode;
  private boolean confirmed;
  private String secretUser;
  private String secretCode;

  @BeforeAll
  void createPoolAndClients() {
    assertNull(System.getenv("AWS_ENDPOINT_URL"), "the in-code suite must not see AWS_ENDPOINT_URL");
    cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(Support.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    pool =
        cognito
            .createUserPool(r -> r.poolName(unique("conformance-java-")).autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
            .userPool();
    publicClient =
        cognito
            .createUserPoolClient(
                r -> r.userPoolId(pool.id())
                    .clientName("public")
                    .explicitAuthFlows(FLOWS)
                    .preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY))
            .userPoolClient();
    secretClient =
        cognito
            .createUserPoolClient(
                r -> r.userPoolId(pool.id()).clientName("confidential").generateSecret(true).explicitAuthFlows(FLOWS))
            .userPoolClient();
  }

  @AfterAll
  void close() {
    if (cognito != null) {
      cognito.close();
    }
  }

  /** ResendConfirmationCode as the AWS docs' Java example builds it (clientId, username), plus SecretHash for a secret client. */
  private CodeDeliveryDetailsType resendConfirmationCode(String clientId, String userName, String clientSecret) {
    ResendConfirmationCodeRequest.Builder builder =
        ResendConfirmationCodeRequest.builder().clientId(clientId).username(userName);
    if (clientSecret != null) {
      builder.secretHash(secretHash(userName, clientId, clientSecret));
    }
    ResendConfirmationCodeResponse response = cognito.resendConfirmationCode(builder.build());
    return response.codeDeliveryDetails();
  }

  private static void assertDelivery(CodeDeliveryDetailsType details, String masked) {
    assertNotNull(details, "CodeDeliveryDetails");
    assertEquals("EMAIL", details.deliveryMediumAsString());
    assertEquals("email", details.attributeName());
    assertEquals(masked, details.destination());
  }

  private static void assertError(AwsServiceException e, String code, String message) {
    assertEquals(code, e.awsErrorDetails().errorCode());
    assertEquals(message, e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
  }

  private static void assertTokens(AuthenticationResultType auth) {
    assertNotNull(auth, "AuthenticationResult");
    for (String token : new String[] {auth.accessToken(), auth.idToken(), auth.refreshToken()}) {
      assertNotNull(token);
      assertFalse(token.isEmpty());
    }
    assertEquals(3, auth.accessToken().split("\\.").length, "AccessToken is not a JWT");
    assertEquals(3, auth.idToken().split("\\.").length, "IdToken is not a JWT");
  }

  private SignUpResponse signUp(String clientId, String clientSecret, String username, String email) {
    return cognito.signUp(
        r -> {
          r.clientId(clientId)
              .username(username)
              .password(PASSWORD)
              .userAttributes(AttributeType.builder().name("email").value(email).build());
          if (clientSecret != null) {
            r.secretHash(secretHash(username, clientId, clientSecret));
          }
        });
  }

  @Test
  @Order(1)
  void createPoolAndClientsResponses() {
    assertTrue(pool.id().matches("us-east-1_[0-9A-Za-z]+"), pool.id());
    assertEquals(List.of(VerifiedAttributeType.EMAIL), pool.autoVerifiedAttributes());
    assertEquals(pool.id(), publicClient.userPoolId());
    assertEquals(pool.id(), secretClient.userPoolId());
    assertNull(publicClient.clientSecret());
    assertNotNull(secretClient.clientSecret());
    assertTrue(publicClient.explicitAuthFlows().containsAll(FLOWS));
    assertTrue(secretClient.explicitAuthFlows().containsAll(FLOWS));
  }

  @Test
  @Order(2)
  void signUpDeliversCode() throws Exception {
    String username = unique("jane");
    String email = username + "@example.com";
    SignUpResponse response = signUp(publicClient.clientId(), null, username, email);
    assertFalse(response.userConfirmed());
    assertTrue(response.userSub().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    assertDelivery(response.codeDeliveryDetails(), "j***@e***");
    Support.Message newest = waitForMessages(pool.id(), username, 1).get(0);
    assertEquals("EMAIL", newest.channel());
    assertEquals(email, newest.to());
    assertEquals(pool.id(), newest.poolId());
    assertEquals(username, newest.username());
    assertTrue(newest.code() != null && newest.code().matches("\\d{6}"), "code " + newest.code());
    user = username;
  }

  @Test
  @Order(3)
  void resendConfirmationCode() throws Exception {
    assertNotNull(user, "no signed-up user");
    assertDelivery(resendConfirmationCode(publicClient.clientId(), user, null), "j***@e***");
    List<Support.Message> messages = waitForMessages(pool.id(), user, 2);
    assertTrue(messages.get(0).code().matches("\\d{6}"));
    newestCode = messages.get(0).code();
    supersededCode = messages.get(1).code();
  }

  @Test
  @Order(4)
  void supersededCodeIsRejected() {
    assertNotNull(supersededCode, "no superseded code");
    assertNotEquals(supersededCode, newestCode);
    CodeMismatchException e =
        assertThrows(
            CodeMismatchException.class,
            () -> cognito.confirmSignUp(r -> r.clientId(publicClient.clientId()).username(user).confirmationCode(supersededCode)));
    assertError(e, "CodeMismatchException", "Invalid verification code provided, please try again.");
  }

  @Test
  @Order(5)
  void confirmSignUpWithNewestCode() {
    assertNotNull(newestCode, "no code");
    cognito.confirmSignUp(r -> r.clientId(publicClient.clientId()).username(user).confirmationCode(newestCode));
    confirmed = true;
  }

  @Test
  @Order(6)
  void resendAfterConfirmationFails() {
    assertTrue(confirmed, "user not confirmed");
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> resendConfirmationCode(publicClient.clientId(), user, null));
    assertError(e, "InvalidParameterException", "User is already confirmed.");
  }

  @Test
  @Order(7)
  void initiateAuthUserPassword() {
    assertTrue(confirmed, "user not confirmed");
    assertTokens(
        cognito
            .initiateAuth(
                r -> r.clientId(publicClient.clientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", user, "PASSWORD", PASSWORD)))
            .authenticationResult());
  }

  @Test
  @Order(8)
  void secretClientSignUpAndResend() throws Exception {
    String clientId = secretClient.clientId();
    String username = unique("sam");
    assertFalse(signUp(clientId, secretClient.clientSecret(), username, username + "@example.org").userConfirmed());
    waitForMessages(pool.id(), username, 1);
    assertDelivery(resendConfirmationCode(clientId, username, secretClient.clientSecret()), "s***@e***");
    secretCode = waitForMessages(pool.id(), username, 2).get(0).code();
    secretUser = username;
  }

  @Test
  @Order(9)
  void secretClientConfirmAndSignIn() {
    assertNotNull(secretUser, "no secret-client user");
    String clientId = secretClient.clientId();
    String hash = secretHash(secretUser, clientId, secretClient.clientSecret());
    cognito.confirmSignUp(r -> r.clientId(clientId).secretHash(hash).username(secretUser).confirmationCode(secretCode));
    assertTokens(
        cognito
            .initiateAuth(
                r -> r.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", secretUser, "PASSWORD", PASSWORD, "SECRET_HASH", hash)))
            .authenticationResult());
  }

  @Test
  @Order(10)
  void wrongSecretHashIsRejected() {
    String clientId = secretClient.clientId();
    String username = unique("wrong");
    NotAuthorizedException e =
        assertThrows(
            NotAuthorizedException.class,
            () -> cognito.resendConfirmationCode(
                r -> r.clientId(clientId).username(username).secretHash(secretHash(username, clientId, "not-the-client-secret"))));
    assertError(e, "NotAuthorizedException", "Unable to verify secret hash for client " + clientId);
  }

  @Test
  @Order(11)
  void unknownUserLegacyClient() {
    UserNotFoundException e =
        assertThrows(
            UserNotFoundException.class, () -> resendConfirmationCode(publicClient.clientId(), unique("nobody"), null));
    assertError(e, "UserNotFoundException", "Username/client id combination not found.");
  }

  @Test
  @Order(12)
  void unknownClientId() {
    String clientId = "0123456789abcdefghijklmnop"; // 26 lowercase alphanumerics, never issued
    ResourceNotFoundException e =
        assertThrows(ResourceNotFoundException.class, () -> resendConfirmationCode(clientId, "someone", null));
    assertError(e, "ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
  }

  @Test
  @Order(13)
  void sixthResendWithinAnHourIsLimited() {
    String clientId = publicClient.clientId();
    String username = unique("lim");
    signUp(clientId, null, username, username + "@example.com");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertEquals("EMAIL", resendConfirmationCode(clientId, username, null).deliveryMediumAsString(), "resend #" + attempt);
    }
    LimitExceededException e =
        assertThrows(LimitExceededException.class, () -> resendConfirmationCode(clientId, username, null));
    assertError(e, "LimitExceededException", "Attempt limit exceeded, please try after some time.");
  }

  @Test
  @Order(14)
  void usernameWithSpaceFailsValidation() {
    InvalidParameterException e =
        assertThrows(
            InvalidParameterException.class, () -> resendConfirmationCode(publicClient.clientId(), "has space", null));
    assertError(e, "InvalidParameterException", VALIDATION_MESSAGE);
  }
}
