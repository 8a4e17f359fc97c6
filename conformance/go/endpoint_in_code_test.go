package conformance

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

var (
	uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	codeRE = regexp.MustCompile(`^\d{6}$`)
	flows  = []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserPasswordAuth, types.ExplicitAuthFlowsTypeAllowRefreshTokenAuth}
)

// resendConfirmationCode sends the request fields of the AWS docs' examples (ClientId, Username),
// plus SecretHash when the app client has a secret.
func resendConfirmationCode(ctx context.Context, client *cip.Client, clientID, username, clientSecret string) (*types.CodeDeliveryDetailsType, error) {
	input := &cip.ResendConfirmationCodeInput{ClientId: aws.String(clientID), Username: aws.String(username)}
	if clientSecret != "" {
		input.SecretHash = aws.String(secretHash(username, clientID, clientSecret))
	}
	out, err := client.ResendConfirmationCode(ctx, input)
	if err != nil {
		return nil, err
	}
	return out.CodeDeliveryDetails, nil
}

func assertDelivery(t *testing.T, d *types.CodeDeliveryDetailsType, masked string) {
	t.Helper()
	if d == nil {
		t.Fatal("CodeDeliveryDetails missing")
	}
	equal(t, "DeliveryMedium", types.DeliveryMediumTypeEmail, d.DeliveryMedium)
	equal(t, "AttributeName", "email", aws.ToString(d.AttributeName))
	equal(t, "Destination", masked, aws.ToString(d.Destination))
}

func assertTokens(t *testing.T, auth *types.AuthenticationResultType) {
	t.Helper()
	if auth == nil {
		t.Fatal("AuthenticationResult missing")
	}
	for name, tok := range map[string]*string{"AccessToken": auth.AccessToken, "IdToken": auth.IdToken, "RefreshToken": auth.RefreshToken} {
		if aws.ToString(tok) == "" {
			t.Errorf("%s missing", name)
		}
	}
	equal(t, "AccessToken JWT parts", 3, len(strings.Split(aws.ToString(auth.AccessToken), ".")))
	equal(t, "IdToken JWT parts", 3, len(strings.Split(aws.ToString(auth.IdToken), ".")))
}

func signUp(ctx context.Context, client *cip.Client, clientID, clientSecret, username, email string) (*cip.SignUpOutput, error) {
	input := &cip.SignUpInput{
		ClientId:       aws.String(clientID),
		Username:       aws.String(username),
		Password:       aws.String(password),
		UserAttributes: []types.AttributeType{{Name: aws.String("email"), Value: aws.String(email)}},
	}
	if clientSecret != "" {
		input.SecretHash = aws.String(secretHash(username, clientID, clientSecret))
	}
	return client.SignUp(ctx, input)
}

// TestEndpointInCode points aws-sdk-go-v2 at userpool with BaseEndpoint set in code.
// The subtests run in order and share state.
func TestEndpointInCode(t *testing.T) {
	ctx := context.Background()
	ep := endpoint(t)
	if v, ok := lookupEnv("AWS_ENDPOINT_URL"); ok {
		t.Fatalf("the in-code suite must not see AWS_ENDPOINT_URL (=%s)", v)
	}
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("us-east-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("test", "test", "")),
	)
	must(t, err, "LoadDefaultConfig")
	client := cip.NewFromConfig(cfg, func(o *cip.Options) { o.BaseEndpoint = aws.String(ep) })

	poolOut, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String(unique("conformance-go-")),
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
	})
	must(t, err, "CreateUserPool")
	pool := poolOut.UserPool
	poolID := aws.ToString(pool.Id)
	pubOut, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId:                 pool.Id,
		ClientName:                 aws.String("public"),
		ExplicitAuthFlows:          flows,
		PreventUserExistenceErrors: types.PreventUserExistenceErrorTypesLegacy,
	})
	must(t, err, "CreateUserPoolClient (public)")
	secOut, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{
		UserPoolId:        pool.Id,
		ClientName:        aws.String("confidential"),
		GenerateSecret:    true,
		ExplicitAuthFlows: flows,
	})
	must(t, err, "CreateUserPoolClient (secret)")
	public, secret := pubOut.UserPoolClient, secOut.UserPoolClient
	publicID := aws.ToString(public.ClientId)
	secretID, clientSecret := aws.ToString(secret.ClientId), aws.ToString(secret.ClientSecret)

	var user, newestCode, supersededCode, secretUser, secretCode string
	var confirmed bool

	t.Run("createPoolAndClientsResponses", func(t *testing.T) {
		if !regexp.MustCompile(`^us-east-1_[0-9A-Za-z]+$`).MatchString(poolID) {
			t.Errorf("pool id %q", poolID)
		}
		equal(t, "AutoVerifiedAttributes", true, slices.Equal([]types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail}, pool.AutoVerifiedAttributes))
		equal(t, "public UserPoolId", poolID, aws.ToString(public.UserPoolId))
		equal(t, "secret UserPoolId", poolID, aws.ToString(secret.UserPoolId))
		if public.ClientSecret != nil {
			t.Error("public client has a secret")
		}
		if clientSecret == "" {
			t.Error("secret client has no ClientSecret")
		}
		for _, f := range flows {
			if !slices.Contains(public.ExplicitAuthFlows, f) || !slices.Contains(secret.ExplicitAuthFlows, f) {
				t.Errorf("ExplicitAuthFlows lacks %s", f)
			}
		}
	})

	t.Run("signUpDeliversCode", func(t *testing.T) {
		username := unique("jane")
		email := username + "@example.com"
		out, err := signUp(ctx, client, publicID, "", username, email)
		must(t, err, "SignUp")
		equal(t, "UserConfirmed", false, out.UserConfirmed)
		if !uuidRE.MatchString(aws.ToString(out.UserSub)) {
			t.Errorf("UserSub %q is not a UUID", aws.ToString(out.UserSub))
		}
		assertDelivery(t, out.CodeDeliveryDetails, "j***@e***")
		newest := waitForMessages(t, poolID, username, 1)[0]
		equal(t, "channel", "EMAIL", newest.Channel)
		equal(t, "to", email, newest.To)
		equal(t, "poolId", poolID, newest.PoolID)
		equal(t, "username", username, newest.Username)
		if !codeRE.MatchString(newest.Code) {
			t.Errorf("code %q", newest.Code)
		}
		user = username
	})

	t.Run("resendConfirmationCode", func(t *testing.T) {
		if user == "" {
			t.Fatal("no signed-up user")
		}
		d, err := resendConfirmationCode(ctx, client, publicID, user, "")
		must(t, err, "ResendConfirmationCode")
		assertDelivery(t, d, "j***@e***")
		messages := waitForMessages(t, poolID, user, 2)
		if !codeRE.MatchString(messages[0].Code) {
			t.Errorf("code %q", messages[0].Code)
		}
		newestCode, supersededCode = messages[0].Code, messages[1].Code
	})

	t.Run("supersededCodeIsRejected", func(t *testing.T) {
		if supersededCode == "" || supersededCode == newestCode {
			t.Fatalf("no distinct superseded code (%q, %q)", supersededCode, newestCode)
		}
		_, err := client.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{
			ClientId: aws.String(publicID), Username: aws.String(user), ConfirmationCode: aws.String(supersededCode),
		})
		expectError[*types.CodeMismatchException](t, err, "CodeMismatchException", "Invalid verification code provided, please try again.")
	})

	t.Run("confirmSignUpWithNewestCode", func(t *testing.T) {
		if newestCode == "" {
			t.Fatal("no code")
		}
		_, err := client.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{
			ClientId: aws.String(publicID), Username: aws.String(user), ConfirmationCode: aws.String(newestCode),
		})
		must(t, err, "ConfirmSignUp")
		confirmed = true
	})

	t.Run("resendAfterConfirmationFails", func(t *testing.T) {
		if !confirmed {
			t.Fatal("user not confirmed")
		}
		_, err := resendConfirmationCode(ctx, client, publicID, user, "")
		expectError[*types.InvalidParameterException](t, err, "InvalidParameterException", "User is already confirmed.")
	})

	t.Run("initiateAuthUserPassword", func(t *testing.T) {
		if !confirmed {
			t.Fatal("user not confirmed")
		}
		out, err := client.InitiateAuth(ctx, &cip.InitiateAuthInput{
			ClientId:       aws.String(publicID),
			AuthFlow:       types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": user, "PASSWORD": password},
		})
		must(t, err, "InitiateAuth")
		assertTokens(t, out.AuthenticationResult)
	})

	t.Run("secretClientSignUpAndResend", func(t *testing.T) {
		username := unique("sam")
		out, err := signUp(ctx, client, secretID, clientSecret, username, username+"@example.org")
		must(t, err, "SignUp (secret client)")
		equal(t, "UserConfirmed", false, out.UserConfirmed)
		waitForMessages(t, poolID, username, 1)
		d, err := resendConfirmationCode(ctx, client, secretID, username, clientSecret)
		must(t, err, "ResendConfirmationCode (secret client)")
		assertDelivery(t, d, "s***@e***")
		secretCode = waitForMessages(t, poolID, username, 2)[0].Code
		secretUser = username
	})

	t.Run("secretClientConfirmAndSignIn", func(t *testing.T) {
		if secretUser == "" {
			t.Fatal("no secret-client user")
		}
		hash := secretHash(secretUser, secretID, clientSecret)
		_, err := client.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{
			ClientId: aws.String(secretID), SecretHash: aws.String(hash), Username: aws.String(secretUser), ConfirmationCode: aws.String(secretCode),
		})
		must(t, err, "ConfirmSignUp (secret client)")
		out, err := client.InitiateAuth(ctx, &cip.InitiateAuthInput{
			ClientId:       aws.String(secretID),
			AuthFlow:       types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": secretUser, "PASSWORD": password, "SECRET_HASH": hash},
		})
		must(t, err, "InitiateAuth (secret client)")
		assertTokens(t, out.AuthenticationResult)
	})

	t.Run("wrongSecretHashIsRejected", func(t *testing.T) {
		username := unique("wrong")
		_, err := client.ResendConfirmationCode(ctx, &cip.ResendConfirmationCodeInput{
			ClientId:   aws.String(secretID),
			Username:   aws.String(username),
			SecretHash: aws.String(secretHash(username, secretID, "not-the-client-secret")),
		})
		expectError[*types.NotAuthorizedException](t, err, "NotAuthorizedException", "Unable to verify secret hash for client "+secretID)
	})

	t.Run("unknownUserLegacyClient", func(t *testing.T) {
		_, err := resendConfirmationCode(ctx, client, publicID, unique("nobody"), "")
		expectError[*types.UserNotFoundException](t, err, "UserNotFoundException", "Username/client id combination not found.")
	})

	t.Run("unknownClientId", func(t *testing.T) {
		unknown := "0123456789abcdefghijklmnop" // 26 lowercase alphanumerics, never issued
		_, err := resendConfirmationCode(ctx, client, unknown, "someone", "")
		expectError[*types.ResourceNotFoundException](t, err, "ResourceNotFoundException", "User pool client "+unknown+" does not exist.")
	})

	t.Run("sixthResendWithinAnHourIsLimited", func(t *testing.T) {
		username := unique("lim")
		_, err := signUp(ctx, client, publicID, "", username, username+"@example.com")
		must(t, err, "SignUp")
		for attempt := 1; attempt <= 5; attempt++ {
			d, err := resendConfirmationCode(ctx, client, publicID, username, "")
			if err != nil {
				t.Fatalf("resend #%d: %v", attempt, err)
			}
			equal(t, "DeliveryMedium", types.DeliveryMediumTypeEmail, d.DeliveryMedium)
		}
		_, err = resendConfirmationCode(ctx, client, publicID, username, "")
		expectError[*types.LimitExceededException](t, err, "LimitExceededException", "Attempt limit exceeded, please try after some time.")
	})

	t.Run("usernameWithSpaceFailsValidation", func(t *testing.T) {
		_, err := resendConfirmationCode(ctx, client, publicID, "has space", "")
		expectError[*types.InvalidParameterException](t, err, "InvalidParameterException", validationMessage)
	})
}
