package conformance

import (
	"context"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

func lookupEnv(name string) (string, bool) { return os.LookupEnv(name) }

// TestEndpointFromEnv points aws-sdk-go-v2 at userpool only through the environment:
// AWS_ENDPOINT_URL, AWS_REGION and the dummy credentials; nothing is configured in code.
func TestEndpointFromEnv(t *testing.T) {
	ctx := context.Background()
	t.Setenv("AWS_ENDPOINT_URL", endpoint(t))
	t.Setenv("AWS_REGION", "us-east-1")
	cfg, err := config.LoadDefaultConfig(ctx)
	must(t, err, "LoadDefaultConfig")
	equal(t, "cfg.BaseEndpoint", endpoint(t), aws.ToString(cfg.BaseEndpoint))
	client := cip.NewFromConfig(cfg)

	pool, err := client.CreateUserPool(ctx, &cip.CreateUserPoolInput{
		PoolName:               aws.String(unique("conformance-go-env-")),
		AutoVerifiedAttributes: []types.VerifiedAttributeType{types.VerifiedAttributeTypeEmail},
	})
	must(t, err, "CreateUserPool")
	poolID := aws.ToString(pool.UserPool.Id)
	appClient, err := client.CreateUserPoolClient(ctx, &cip.CreateUserPoolClientInput{UserPoolId: pool.UserPool.Id, ClientName: aws.String("env")})
	must(t, err, "CreateUserPoolClient")
	clientID := aws.ToString(appClient.UserPoolClient.ClientId)

	username := unique("erin")
	out, err := signUp(ctx, client, clientID, "", username, username+"@example.net")
	must(t, err, "SignUp")
	equal(t, "UserConfirmed", false, out.UserConfirmed)
	d, err := resendConfirmationCode(ctx, client, clientID, username, "")
	must(t, err, "ResendConfirmationCode")
	assertDelivery(t, d, "e***@e***")
	waitForMessages(t, poolID, username, 2)
}
