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

// newestCode is the newest delivered code of a purpose for the user, once count messages exist.
func newestCode(t *testing.T, poolID, username, purpose string, count int) string {
	t.Helper()
	for _, m := range waitForMessages(t, poolID, username, count) {
		if m.Purpose == purpose {
			return m.Code
		}
	}
	t.Fatalf("no %s message for %s", purpose, username)
	return ""
}

// TestRecovery: a forgotten password and an attribute change, each finished with a code from the dev inbox.
func TestRecovery(t *testing.T) {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("us-east-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("test", "test", "")),
	)
	must(t, err, "LoadDefaultConfig")
	client := cip.NewFromConfig(cfg, func(o *cip.Options) { o.BaseEndpoint = aws.String(endpoint(t)) })
	poolOut, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String(unique("conformance-go-recovery-")),
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
	})
	must(t, err, "CreateUserPool")
	poolID := aws.ToString(poolOut.UserPool.Id)
	appOut, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId: poolOut.UserPool.Id, ClientName: aws.String("public"), ExplicitAuthFlows: flows,
	})
	must(t, err, "CreateUserPoolClient")
	clientID := aws.ToString(appOut.UserPoolClient.ClientId)

	confirmedUser := func(t *testing.T) string {
		username := unique("rec")
		_, err := signUp(ctx, client, clientID, "", username, username+"@example.com")
		must(t, err, "SignUp")
		code := newestCode(t, poolID, username, "SIGN_UP", 1)
		_, err = client.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{ClientId: aws.String(clientID), Username: aws.String(username), ConfirmationCode: aws.String(code)})
		must(t, err, "ConfirmSignUp")
		return username
	}
	signIn := func(username, pw string) (*cip.InitiateAuthOutput, error) {
		return client.InitiateAuth(ctx, &cip.InitiateAuthInput{
			ClientId: aws.String(clientID), AuthFlow: types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": username, "PASSWORD": pw},
		})
	}

	t.Run("forgotPasswordThenSignInWithTheNewPassword", func(t *testing.T) {
		username := confirmedUser(t)
		out, err := client.ForgotPassword(ctx, &cip.ForgotPasswordInput{ClientId: aws.String(clientID), Username: aws.String(username)})
		must(t, err, "ForgotPassword")
		assertDelivery(t, out.CodeDeliveryDetails, username[:1]+"***@e***")
		code := newestCode(t, poolID, username, "FORGOT_PASSWORD", 2)
		_, err = client.ConfirmForgotPassword(ctx, &cip.ConfirmForgotPasswordInput{
			ClientId: aws.String(clientID), Username: aws.String(username), ConfirmationCode: aws.String(code), Password: aws.String("N3w-Passw0rd!"),
		})
		must(t, err, "ConfirmForgotPassword")
		auth, err := signIn(username, "N3w-Passw0rd!")
		must(t, err, "InitiateAuth with the new password")
		assertTokens(t, auth.AuthenticationResult)
		_, err = signIn(username, password)
		expectError[*types.NotAuthorizedException](t, err, "NotAuthorizedException", "Incorrect username or password.")
	})

	t.Run("updateUserAttributesThenVerify", func(t *testing.T) {
		username := confirmedUser(t)
		auth, err := signIn(username, password)
		must(t, err, "InitiateAuth")
		token := auth.AuthenticationResult.AccessToken
		out, err := client.UpdateUserAttributes(ctx, &cip.UpdateUserAttributesInput{
			AccessToken: token, UserAttributes: []types.AttributeType{{Name: aws.String("email"), Value: aws.String(username + "@new.example")}},
		})
		must(t, err, "UpdateUserAttributes")
		equal(t, "CodeDeliveryDetailsList length", 1, len(out.CodeDeliveryDetailsList))
		code := newestCode(t, poolID, username, "UPDATE_ATTRIBUTE", 2)
		_, err = client.VerifyUserAttribute(ctx, &cip.VerifyUserAttributeInput{AccessToken: token, AttributeName: aws.String("email"), Code: aws.String(code)})
		must(t, err, "VerifyUserAttribute")
		user, err := client.GetUser(ctx, &cip.GetUserInput{AccessToken: token})
		must(t, err, "GetUser")
		attrs := map[string]string{}
		for _, a := range user.UserAttributes {
			attrs[aws.ToString(a.Name)] = aws.ToString(a.Value)
		}
		equal(t, "email", username+"@new.example", attrs["email"])
		equal(t, "email_verified", "true", attrs["email_verified"])
	})
}
