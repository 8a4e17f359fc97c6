package conformance

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

const temporaryPassword = "Temp0rary!"

// TestSignIn, without SRP: an admin-created user answers NEW_PASSWORD_REQUIRED and gets tokens; GlobalSignOut then
// revokes the access token and the refresh token.
func TestSignIn(t *testing.T) {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("us-east-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("test", "test", "")),
	)
	must(t, err, "LoadDefaultConfig")
	client := cip.NewFromConfig(cfg, func(o *cip.Options) { o.BaseEndpoint = aws.String(endpoint(t)) })
	poolOut, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String(unique("conformance-go-sign-in-"))})
	must(t, err, "CreateUserPool")
	poolID := poolOut.UserPool.Id
	appOut, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId: poolID, ClientName: aws.String("public"), ExplicitAuthFlows: flows,
	})
	must(t, err, "CreateUserPoolClient")
	clientID := appOut.UserPoolClient.ClientId

	// AdminCreateUser (TemporaryPassword, SUPPRESS) → InitiateAuth USER_PASSWORD_AUTH → NEW_PASSWORD_REQUIRED →
	// RespondToAuthChallenge with NEW_PASSWORD.
	adminCreatedUserSignsIn := func(t *testing.T) (string, *types.AuthenticationResultType) {
		t.Helper()
		username := unique("adm")
		created, err := client.AdminCreateUser(ctx, &cip.AdminCreateUserInput{
			UserPoolId: poolID, Username: aws.String(username), TemporaryPassword: aws.String(temporaryPassword),
			MessageAction: types.MessageActionTypeSuppress,
		})
		must(t, err, "AdminCreateUser")
		equal(t, "Username", username, aws.ToString(created.User.Username))
		equal(t, "UserStatus", types.UserStatusTypeForceChangePassword, created.User.UserStatus)
		challenge, err := client.InitiateAuth(ctx, &cip.InitiateAuthInput{
			ClientId: clientID, AuthFlow: types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": username, "PASSWORD": temporaryPassword},
		})
		must(t, err, "InitiateAuth with the temporary password")
		equal(t, "ChallengeName", types.ChallengeNameTypeNewPasswordRequired, challenge.ChallengeName)
		if aws.ToString(challenge.Session) == "" {
			t.Fatal("Session missing")
		}
		if challenge.AuthenticationResult != nil {
			t.Fatal("tokens before the challenge was answered")
		}
		equal(t, "requiredAttributes", "[]", challenge.ChallengeParameters["requiredAttributes"])
		answered, err := client.RespondToAuthChallenge(ctx, &cip.RespondToAuthChallengeInput{
			ClientId: clientID, ChallengeName: types.ChallengeNameTypeNewPasswordRequired, Session: challenge.Session,
			ChallengeResponses: map[string]string{"USERNAME": username, "NEW_PASSWORD": password},
		})
		must(t, err, "RespondToAuthChallenge")
		assertTokens(t, answered.AuthenticationResult)
		return username, answered.AuthenticationResult
	}

	t.Run("adminCreateUserThenNewPasswordRequired", func(t *testing.T) {
		username, auth := adminCreatedUserSignsIn(t)
		user, err := client.GetUser(ctx, &cip.GetUserInput{AccessToken: auth.AccessToken})
		must(t, err, "GetUser")
		equal(t, "GetUser Username", username, aws.ToString(user.Username))
		got, err := client.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: poolID, Username: aws.String(username)})
		must(t, err, "AdminGetUser")
		equal(t, "UserStatus", types.UserStatusTypeConfirmed, got.UserStatus)
	})

	t.Run("globalSignOutRevokesTheTokens", func(t *testing.T) {
		username, auth := adminCreatedUserSignsIn(t)
		user, err := client.GetUser(ctx, &cip.GetUserInput{AccessToken: auth.AccessToken})
		must(t, err, "GetUser before GlobalSignOut")
		equal(t, "GetUser Username", username, aws.ToString(user.Username))
		_, err = client.GlobalSignOut(ctx, &cip.GlobalSignOutInput{AccessToken: auth.AccessToken})
		must(t, err, "GlobalSignOut")
		_, err = client.GetUser(ctx, &cip.GetUserInput{AccessToken: auth.AccessToken})
		expectError[*types.NotAuthorizedException](t, err, "NotAuthorizedException", "Access Token has been revoked")
		_, err = client.InitiateAuth(ctx, &cip.InitiateAuthInput{
			ClientId: clientID, AuthFlow: types.AuthFlowTypeRefreshTokenAuth,
			AuthParameters: map[string]string{"REFRESH_TOKEN": aws.ToString(auth.RefreshToken)},
		})
		expectError[*types.NotAuthorizedException](t, err, "NotAuthorizedException", "Refresh Token has been revoked")
	})
}
