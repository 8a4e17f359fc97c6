package conformance

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
)

const (
	password     = "Passw0rd!"
	inboxTimeout = 3 * time.Second
	// validationMessage is the exact message userpool returns for test 14 (raw string: literal backslashes).
	validationMessage = "1 validation error detected: Value at 'username' failed to satisfy constraint: " +
		`Member must satisfy regular expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+`
)

// endpoint is the userpool address the runner started, e.g. http://127.0.0.1:40123.
func endpoint(t *testing.T) string {
	t.Helper()
	value := strings.TrimRight(os.Getenv("USERPOOL_ENDPOINT"), "/")
	if value == "" {
		t.Fatal("USERPOOL_ENDPOINT is not set: run this suite through conformance/run.mjs")
	}
	return value
}

// secretHash is Base64(HMAC-SHA256(key = client secret, message = username + client id)).
func secretHash(username, clientID, clientSecret string) string {
	mac := hmac.New(sha256.New, []byte(clientSecret))
	mac.Write([]byte(username + clientID))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

func unique(prefix string) string {
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return prefix + hex.EncodeToString(b)
}

type message struct {
	ID       string `json:"id"`
	PoolID   string `json:"poolId"`
	Username string `json:"username"`
	Channel  string `json:"channel"`
	To       string `json:"to"`
	Code     string `json:"code"`
	Purpose  string `json:"purpose"`
	Status   string `json:"status"`
}

func inbox(t *testing.T, poolID, username string) []message {
	t.Helper()
	q := url.Values{"poolId": {poolID}, "username": {username}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint(t)+"/_dev/inbox/messages?"+q.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("inbox: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("inbox answered %d", resp.StatusCode)
	}
	var body struct {
		Messages []message `json:"messages"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("inbox body: %v", err)
	}
	return body.Messages
}

// waitForMessages polls the dev inbox until at least count messages exist (newest first).
func waitForMessages(t *testing.T, poolID, username string, count int) []message {
	t.Helper()
	deadline := time.Now().Add(inboxTimeout)
	for {
		messages := inbox(t, poolID, username)
		if len(messages) >= count {
			return messages
		}
		if time.Now().After(deadline) {
			t.Fatalf("expected %d message(s) for %s within %s, got %+v", count, username, inboxTimeout, messages)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// apiError is implemented by every typed exception of the SDK (types.UserNotFoundException, ...).
type apiError interface {
	error
	ErrorCode() string
	ErrorMessage() string
}

// expectError checks that err is the SDK's typed exception T, with the given code and message,
// carried by an HTTP 400 response.
func expectError[T apiError](t *testing.T, err error, code, msg string) T {
	t.Helper()
	var typed T
	if err == nil {
		t.Fatalf("expected %s, got success", code)
	}
	if !errors.As(err, &typed) {
		var generic smithy.APIError
		if errors.As(err, &generic) {
			t.Fatalf("expected typed %T, got %T (%s: %s)", typed, generic, generic.ErrorCode(), generic.ErrorMessage())
		}
		t.Fatalf("expected typed %T, got %v", typed, err)
	}
	if typed.ErrorCode() != code {
		t.Errorf("error code: want %q, got %q", code, typed.ErrorCode())
	}
	if msg != "" && typed.ErrorMessage() != msg {
		t.Errorf("error message: want %q, got %q", msg, typed.ErrorMessage())
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re.HTTPStatusCode() != 400 {
		t.Errorf("HTTP status: want 400, got %d", re.HTTPStatusCode())
	}
	return typed
}

func equal[V comparable](t *testing.T, what string, want, got V) {
	t.Helper()
	if want != got {
		t.Errorf("%s: want %v, got %v", what, want, got)
	}
}

func must(t *testing.T, err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}
