package dev.userpool.conformance;

import static dev.userpool.conformance.Support.PASSWORD;
import static dev.userpool.conformance.Support.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Without SRP: an admin-created user answers NEW_PASSWORD_REQUIRED and gets tokens; GlobalSignOut then revokes the
 * access token and the refresh token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {
  private static final String TEMPORARY_PASSWORD = "Temp0rary!";

  private CognitoIdentityProviderClient cognito;
  private String poolId;
  private String clientId;

  /** A user's name and the tokens of their first sign-in. */
  private record SignedIn(String username, AuthenticationResultType tokens) {}

  @BeforeAll
  void createPoolAndClient() {
    cognito =
        CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(Support.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    poolId = cognito.createUserPool(r -> r.poolName(unique("conformance-java-sign-in-"))).userPool().id();
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

  private static void assertError(NotAuthorizedException e, String message) {
    assertEquals("NotAuthorizedException", e.awsErrorDetails().errorCode());
    assertEquals(message, e.awsErrorDetails().errorMessage());
    assertEquals(400, e.statusCode());
  }

  /**
   * AdminCreateUser (TemporaryPassword, SUPPRESS) → InitiateAuth USER_PASSWORD_AUTH → NEW_PASSWORD_REQUIRED →
   * RespondToAuthChallenge with NEW_PASSWORD.
   */
  private SignedIn adminCreatedUserSignsIn() {
    String username = unique("adm");
    AdminCreateUserResponse created =
        cognito.adminCreateUser(
            r -> r.userPoolId(poolId).username(username).temporaryPassword(TEMPORARY_PASSWORD).messageAction(MessageActionType.SUPPRESS));
    assertEquals(username, created.user().username());
    assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.user().userStatus());
    InitiateAuthResponse challenge =
        cognito.initiateAuth(
            r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", TEMPORARY_PASSWORD)));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
    assertNotNull(challenge.session());
    assertFalse(challenge.session().isEmpty());
    assertNull(challenge.authenticationResult());
    assertEquals("[]", challenge.challengeParameters().get("requiredAttributes"));
    AuthenticationResultType tokens =
        cognito
            .respondToAuthChallenge(
                r -> r.clientId(clientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                    .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", PASSWORD)))
            .authenticationResult();
    assertNotNull(tokens);
    for (String token : new String[] {tokens.accessToken(), tokens.idToken(), tokens.refreshToken()}) {
      assertNotNull(token);
      assertFalse(token.isEmpty());
    }
    assertEquals(3, tokens.accessToken().split("\\.").length, "AccessToken is not a JWT");
    assertEquals(3, tokens.idToken().split("\\.").length, "IdToken is not a JWT");
    return new SignedIn(username, tokens);
  }

  @Test
  void adminCreateUserThenNewPasswordRequired() {
    SignedIn user = adminCreatedUserSignsIn();
    assertEquals(user.username(), cognito.getUser(r -> r.accessToken(user.tokens().accessToken())).username());
    assertEquals(
        UserStatusType.CONFIRMED, cognito.adminGetUser(r -> r.userPoolId(poolId).username(user.username())).userStatus());
  }

  @Test
  void globalSignOutRevokesTheTokens() {
    SignedIn user = adminCreatedUserSignsIn();
    String accessToken = user.tokens().accessToken();
    assertEquals(user.username(), cognito.getUser(r -> r.accessToken(accessToken)).username());
    cognito.globalSignOut(r -> r.accessToken(accessToken));
    NotAuthorizedException e = assertThrows(NotAuthorizedException.class, () -> cognito.getUser(r -> r.accessToken(accessToken)));
    assertError(e, "Access Token has been revoked");
    e =
        assertThrows(
            NotAuthorizedException.class,
            () -> cognito.initiateAuth(
                r -> r.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", user.tokens().refreshToken()))));
    assertError(e, "Refresh Token has been revoked");
  }
}
