#!/usr/bin/env bash
# userpool conformance suite for the AWS CLI (`aws cognito-idp ...`).
#
# Run through conformance/run.mjs, which starts a fresh userpool, sets USERPOOL_ENDPOINT, the dummy
# credentials and region, and points AWS_CLI at the CLI of the conformance venv (awscli v1 from PyPI).
# Prints TAP ("ok N - name" / "not ok N - name") and a closing "# cli: N passed, M failed" comment.
set -uo pipefail

: "${USERPOOL_ENDPOINT:?USERPOOL_ENDPOINT is not set: run this suite through conformance/run.mjs}"
AWS_CLI="${AWS_CLI:-aws}"
PYTHON="${PYTHON:-python3}"
ENDPOINT="${USERPOOL_ENDPOINT%/}"
PASSWORD='Passw0rd!'
INBOX_TIMEOUT_MS=3000
VALIDATION_PREFIX="1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern"

if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
  echo "Bail out! the suite must start without AWS_ENDPOINT_URL in the environment" >&2
  exit 2
fi
command -v "$AWS_CLI" >/dev/null || { echo "Bail out! AWS CLI not found: $AWS_CLI" >&2; exit 2; }
command -v openssl >/dev/null || { echo "Bail out! openssl not found (needed for SecretHash)" >&2; exit 2; }

passed=0
failed=0
number=0
OUT=""   # stdout of the last cip call
ERR=""   # stderr of the last cip call
RC=0     # exit code of the last cip call

# cip OP ARGS... : aws cognito-idp with the endpoint given on the command line (--endpoint-url).
cip() {
  local out_file err_file
  out_file=$(mktemp) err_file=$(mktemp)
  "$AWS_CLI" cognito-idp "$@" --endpoint-url "$ENDPOINT" --output json >"$out_file" 2>"$err_file"
  RC=$?
  OUT=$(<"$out_file") ERR=$(<"$err_file")
  rm -f "$out_file" "$err_file"
  return $RC
}

# cip_env OP ARGS... : the same, but the endpoint comes only from the AWS_ENDPOINT_URL environment variable.
cip_env() {
  local out_file err_file
  out_file=$(mktemp) err_file=$(mktemp)
  AWS_ENDPOINT_URL="$ENDPOINT" "$AWS_CLI" cognito-idp "$@" --output json >"$out_file" 2>"$err_file"
  RC=$?
  OUT=$(<"$out_file") ERR=$(<"$err_file")
  rm -f "$out_file" "$err_file"
  return $RC
}

# json EXPR : evaluates a Python expression over the last output, bound to `d`.
json() {
  "$PYTHON" -c 'import json,sys; d=json.loads(sys.argv[1]); v=eval(sys.argv[2]); print("" if v is None else v)' "$OUT" "$1"
}

# Base64(HMAC-SHA256(key = client secret, message = username + client id)).
secret_hash() { # username client_id client_secret
  printf '%s' "$1$2" | openssl dgst -sha256 -hmac "$3" -binary | openssl base64 -A
}

unique() { printf '%s%s' "$1" "$(openssl rand -hex 4)"; }

fail() { echo "#   $*" >&2; return 1; }

expect_eq() { # what want got
  [[ "$2" == "$3" ]] || fail "$1: want '$2', got '$3'"
}

# expect_error OP CODE MESSAGE : the last cip call failed with the CLI's rendering of that service error.
expect_error() {
  [[ $RC -ne 0 ]] || fail "expected $2, the command succeeded: $OUT" || return 1
  local want="An error occurred ($2) when calling the $1 operation: $3"
  [[ "$ERR" == *"$want"* ]] || fail "expected '$want', got: $ERR"
}

# wait_for_messages POOL USER COUNT : polls the dev inbox until COUNT messages exist; leaves them in INBOX (JSON).
INBOX=""
wait_for_messages() {
  local deadline=$(( $(date +%s%3N) + INBOX_TIMEOUT_MS )) n
  while true; do
    INBOX=$(curl -sS --max-time 5 -G "$ENDPOINT/_dev/inbox/messages" --data-urlencode "poolId=$1" --data-urlencode "username=$2") \
      || { fail "inbox request failed"; return 1; }
    n=$("$PYTHON" -c 'import json,sys; print(len(json.loads(sys.argv[1])["messages"]))' "$INBOX") \
      || { fail "inbox answered: $INBOX"; return 1; }
    (( n >= $3 )) && return 0
    if (( $(date +%s%3N) > deadline )); then
      fail "expected $3 message(s) for $2 within ${INBOX_TIMEOUT_MS}ms, got $n: $INBOX"
      return 1
    fi
    sleep 0.05
  done
}

inbox_field() { # INDEX FIELD
  "$PYTHON" -c 'import json,sys; print(json.loads(sys.argv[1])["messages"][int(sys.argv[2])].get(sys.argv[3]))' "$INBOX" "$1" "$2"
}

run_test() { # name function
  number=$((number + 1))
  if "$2"; then
    passed=$((passed + 1)); echo "ok $number - $1"
  else
    failed=$((failed + 1)); echo "not ok $number - $1"
  fi
}

# ---------------------------------------------------------------- state shared by the ordered tests
POOL_ID="" PUBLIC_ID="" SECRET_ID="" CLIENT_SECRET=""
USER="" NEWEST_CODE="" SUPERSEDED_CODE="" CONFIRMED="" SECRET_USER="" SECRET_CODE=""

test_create_pool_and_clients() {
  cip create-user-pool --pool-name "$(unique conformance-cli-)" --auto-verified-attributes email \
    || fail "create-user-pool: $ERR" || return 1
  POOL_ID=$(json 'd["UserPool"]["Id"]')
  [[ "$POOL_ID" =~ ^us-east-1_[0-9A-Za-z]+$ ]] || fail "pool id '$POOL_ID'" || return 1
  expect_eq AutoVerifiedAttributes "['email']" "$(json 'd["UserPool"]["AutoVerifiedAttributes"]')" || return 1
  cip create-user-pool-client --user-pool-id "$POOL_ID" --client-name public \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH --prevent-user-existence-errors LEGACY \
    || fail "create-user-pool-client (public): $ERR" || return 1
  PUBLIC_ID=$(json 'd["UserPoolClient"]["ClientId"]')
  expect_eq "public ClientSecret" "" "$(json 'd["UserPoolClient"].get("ClientSecret")')" || return 1
  expect_eq "public flows" True "$(json '{"ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"} <= set(d["UserPoolClient"]["ExplicitAuthFlows"])')" || return 1
  cip create-user-pool-client --user-pool-id "$POOL_ID" --client-name confidential --generate-secret \
    --explicit-auth-flows ALLOW_USER_PASSWORD_AUTH ALLOW_REFRESH_TOKEN_AUTH \
    || fail "create-user-pool-client (secret): $ERR" || return 1
  SECRET_ID=$(json 'd["UserPoolClient"]["ClientId"]')
  CLIENT_SECRET=$(json 'd["UserPoolClient"].get("ClientSecret")')
  [[ -n "$CLIENT_SECRET" ]] || fail "secret client has no ClientSecret"
}

# expect_delivery MASK : CodeDeliveryDetails of the last output.
expect_delivery() {
  expect_eq DeliveryMedium EMAIL "$(json 'd["CodeDeliveryDetails"]["DeliveryMedium"]')" &&
    expect_eq AttributeName email "$(json 'd["CodeDeliveryDetails"]["AttributeName"]')" &&
    expect_eq Destination "$1" "$(json 'd["CodeDeliveryDetails"]["Destination"]')"
}

expect_tokens() {
  local key
  for key in AccessToken IdToken RefreshToken; do
    [[ -n "$(json "d['AuthenticationResult'].get('$key')")" ]] || fail "$key missing" || return 1
  done
  expect_eq "AccessToken JWT parts" 3 "$(json 'len(d["AuthenticationResult"]["AccessToken"].split("."))')" &&
    expect_eq "IdToken JWT parts" 3 "$(json 'len(d["AuthenticationResult"]["IdToken"].split("."))')"
}

test_sign_up_delivers_code() {
  [[ -n "$PUBLIC_ID" ]] || fail "no pool" || return 1
  local username email
  username=$(unique jane) email="$username@example.com"
  cip sign-up --client-id "$PUBLIC_ID" --username "$username" --password "$PASSWORD" \
    --user-attributes "Name=email,Value=$email" || fail "sign-up: $ERR" || return 1
  expect_eq UserConfirmed False "$(json 'd["UserConfirmed"]')" || return 1
  [[ "$(json 'd["UserSub"]')" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || fail "UserSub is not a UUID" || return 1
  expect_delivery 'j***@e***' || return 1
  wait_for_messages "$POOL_ID" "$username" 1 || return 1
  expect_eq channel EMAIL "$(inbox_field 0 channel)" || return 1
  expect_eq to "$email" "$(inbox_field 0 to)" || return 1
  expect_eq poolId "$POOL_ID" "$(inbox_field 0 poolId)" || return 1
  [[ "$(inbox_field 0 code)" =~ ^[0-9]{6}$ ]] || fail "code '$(inbox_field 0 code)'" || return 1
  USER=$username
}

test_resend_confirmation_code() {
  [[ -n "$USER" ]] || fail "no signed-up user" || return 1
  # As the CLI docs' example: --client-id and --username (no secret on this client).
  cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "$USER" || fail "resend-confirmation-code: $ERR" || return 1
  expect_delivery 'j***@e***' || return 1
  wait_for_messages "$POOL_ID" "$USER" 2 || return 1
  NEWEST_CODE=$(inbox_field 0 code) SUPERSEDED_CODE=$(inbox_field 1 code)
  [[ "$NEWEST_CODE" =~ ^[0-9]{6}$ ]] || fail "code '$NEWEST_CODE'"
}

test_superseded_code_is_rejected() {
  [[ -n "$SUPERSEDED_CODE" && "$SUPERSEDED_CODE" != "$NEWEST_CODE" ]] || fail "no distinct superseded code" || return 1
  cip confirm-sign-up --client-id "$PUBLIC_ID" --username "$USER" --confirmation-code "$SUPERSEDED_CODE"
  expect_error ConfirmSignUp CodeMismatchException "Invalid verification code provided, please try again."
}

test_confirm_sign_up_with_newest_code() {
  [[ -n "$NEWEST_CODE" ]] || fail "no code" || return 1
  cip confirm-sign-up --client-id "$PUBLIC_ID" --username "$USER" --confirmation-code "$NEWEST_CODE" \
    || fail "confirm-sign-up: $ERR" || return 1
  CONFIRMED=1
}

test_resend_after_confirmation_fails() {
  [[ -n "$CONFIRMED" ]] || fail "user not confirmed" || return 1
  cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "$USER"
  expect_error ResendConfirmationCode InvalidParameterException "User is already confirmed."
}

test_initiate_auth_user_password() {
  [[ -n "$CONFIRMED" ]] || fail "user not confirmed" || return 1
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$USER,PASSWORD=$PASSWORD" || fail "initiate-auth: $ERR" || return 1
  expect_tokens
}

test_secret_client_sign_up_and_resend() {
  [[ -n "$SECRET_ID" ]] || fail "no secret client" || return 1
  local username
  username=$(unique sam)
  cip sign-up --client-id "$SECRET_ID" --secret-hash "$(secret_hash "$username" "$SECRET_ID" "$CLIENT_SECRET")" \
    --username "$username" --password "$PASSWORD" --user-attributes "Name=email,Value=$username@example.org" \
    || fail "sign-up (secret client): $ERR" || return 1
  wait_for_messages "$POOL_ID" "$username" 1 || return 1
  cip resend-confirmation-code --client-id "$SECRET_ID" --username "$username" \
    --secret-hash "$(secret_hash "$username" "$SECRET_ID" "$CLIENT_SECRET")" \
    || fail "resend-confirmation-code (secret client): $ERR" || return 1
  expect_delivery 's***@e***' || return 1
  wait_for_messages "$POOL_ID" "$username" 2 || return 1
  SECRET_CODE=$(inbox_field 0 code) SECRET_USER=$username
}

test_secret_client_confirm_and_sign_in() {
  [[ -n "$SECRET_USER" ]] || fail "no secret-client user" || return 1
  local hash
  hash=$(secret_hash "$SECRET_USER" "$SECRET_ID" "$CLIENT_SECRET")
  cip confirm-sign-up --client-id "$SECRET_ID" --secret-hash "$hash" --username "$SECRET_USER" \
    --confirmation-code "$SECRET_CODE" || fail "confirm-sign-up (secret client): $ERR" || return 1
  # JSON form: the hash may contain '=', '+' and '/', which the shorthand syntax would need escaped.
  cip initiate-auth --client-id "$SECRET_ID" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "{\"USERNAME\":\"$SECRET_USER\",\"PASSWORD\":\"$PASSWORD\",\"SECRET_HASH\":\"$hash\"}" \
    || fail "initiate-auth (secret client): $ERR" || return 1
  expect_tokens
}

test_wrong_secret_hash_is_rejected() {
  [[ -n "$SECRET_ID" ]] || fail "no secret client" || return 1
  local username
  username=$(unique wrong)
  cip resend-confirmation-code --client-id "$SECRET_ID" --username "$username" \
    --secret-hash "$(secret_hash "$username" "$SECRET_ID" not-the-client-secret)"
  expect_error ResendConfirmationCode NotAuthorizedException "Unable to verify secret hash for client $SECRET_ID"
}

test_unknown_user_legacy_client() {
  [[ -n "$PUBLIC_ID" ]] || fail "no pool" || return 1
  cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "$(unique nobody)"
  expect_error ResendConfirmationCode UserNotFoundException "Username/client id combination not found."
}

test_unknown_client_id() {
  local unknown=0123456789abcdefghijklmnop # 26 lowercase alphanumerics, never issued
  cip resend-confirmation-code --client-id "$unknown" --username someone
  expect_error ResendConfirmationCode ResourceNotFoundException "User pool client $unknown does not exist."
}

test_sixth_resend_within_an_hour_is_limited() {
  [[ -n "$PUBLIC_ID" ]] || fail "no pool" || return 1
  local username attempt
  username=$(unique lim)
  cip sign-up --client-id "$PUBLIC_ID" --username "$username" --password "$PASSWORD" \
    --user-attributes "Name=email,Value=$username@example.com" || fail "sign-up: $ERR" || return 1
  for attempt in 1 2 3 4 5; do
    cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "$username" \
      || fail "resend #$attempt: $ERR" || return 1
  done
  cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "$username"
  expect_error ResendConfirmationCode LimitExceededException "Attempt limit exceeded, please try after some time."
}

test_username_with_space_fails_validation() {
  [[ -n "$PUBLIC_ID" ]] || fail "no pool" || return 1
  cip resend-confirmation-code --client-id "$PUBLIC_ID" --username "has space"
  expect_error ResendConfirmationCode InvalidParameterException "$VALIDATION_PREFIX"
}

test_endpoint_from_environment() {
  local pool_id client_id username
  cip_env create-user-pool --pool-name "$(unique conformance-cli-env-)" --auto-verified-attributes email \
    || fail "create-user-pool via AWS_ENDPOINT_URL: $ERR" || return 1
  pool_id=$(json 'd["UserPool"]["Id"]')
  cip_env create-user-pool-client --user-pool-id "$pool_id" --client-name env || fail "create-user-pool-client: $ERR" || return 1
  client_id=$(json 'd["UserPoolClient"]["ClientId"]')
  username=$(unique erin)
  cip_env sign-up --client-id "$client_id" --username "$username" --password "$PASSWORD" \
    --user-attributes "Name=email,Value=$username@example.net" || fail "sign-up: $ERR" || return 1
  cip_env resend-confirmation-code --client-id "$client_id" --username "$username" || fail "resend: $ERR" || return 1
  expect_delivery 'e***@e***' || return 1
  wait_for_messages "$pool_id" "$username" 2
}

# ---------------------------------------------------------------- forgotten password, attribute verification

# purpose_code PURPOSE : the newest code of that purpose in INBOX (after wait_for_messages).
purpose_code() {
  "$PYTHON" -c 'import json,sys; print(next(m["code"] for m in json.loads(sys.argv[1])["messages"] if m["purpose"] == sys.argv[2]))' "$INBOX" "$1"
}

# confirmed_user : signs a user up on the public client and confirms them with the emailed code; sets REC_USER.
REC_USER=""
confirmed_user() {
  REC_USER=$(unique rec)
  cip sign-up --client-id "$PUBLIC_ID" --username "$REC_USER" --password "$PASSWORD" \
    --user-attributes "Name=email,Value=$REC_USER@example.com" || fail "sign-up: $ERR" || return 1
  wait_for_messages "$POOL_ID" "$REC_USER" 1 || return 1
  cip confirm-sign-up --client-id "$PUBLIC_ID" --username "$REC_USER" --confirmation-code "$(purpose_code SIGN_UP)" \
    || fail "confirm-sign-up: $ERR"
}

test_forgot_password_then_sign_in() {
  confirmed_user || return 1
  cip forgot-password --client-id "$PUBLIC_ID" --username "$REC_USER" || fail "forgot-password: $ERR" || return 1
  expect_eq DeliveryMedium EMAIL "$(json 'd["CodeDeliveryDetails"]["DeliveryMedium"]')" || return 1
  wait_for_messages "$POOL_ID" "$REC_USER" 2 || return 1
  cip confirm-forgot-password --client-id "$PUBLIC_ID" --username "$REC_USER" --confirmation-code "$(purpose_code FORGOT_PASSWORD)" \
    --password 'N3w-Passw0rd!' || fail "confirm-forgot-password: $ERR" || return 1
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$REC_USER,PASSWORD=N3w-Passw0rd!" || fail "initiate-auth with the new password: $ERR" || return 1
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow USER_PASSWORD_AUTH --auth-parameters "USERNAME=$REC_USER,PASSWORD=$PASSWORD"
  expect_error InitiateAuth NotAuthorizedException "Incorrect username or password."
}

test_update_user_attributes_then_verify() {
  confirmed_user || return 1
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$REC_USER,PASSWORD=$PASSWORD" || fail "initiate-auth: $ERR" || return 1
  local token
  token=$(json 'd["AuthenticationResult"]["AccessToken"]')
  cip update-user-attributes --access-token "$token" --user-attributes "Name=email,Value=$REC_USER@new.example" \
    || fail "update-user-attributes: $ERR" || return 1
  expect_eq AttributeName email "$(json 'd["CodeDeliveryDetailsList"][0]["AttributeName"]')" || return 1
  wait_for_messages "$POOL_ID" "$REC_USER" 2 || return 1
  cip verify-user-attribute --access-token "$token" --attribute-name email --code "$(purpose_code UPDATE_ATTRIBUTE)" \
    || fail "verify-user-attribute: $ERR" || return 1
  cip get-user --access-token "$token" || fail "get-user: $ERR" || return 1
  expect_eq email_verified true "$(json '{a["Name"]: a["Value"] for a in d["UserAttributes"]}["email_verified"]')"
}

# ---------------------------------------------------------------- admin-created user, NEW_PASSWORD_REQUIRED, global sign-out

TEMPORARY_PASSWORD='Temp0rary!'

# admin_created_user_signs_in : admin-create-user (temporary password, SUPPRESS) → initiate-auth USER_PASSWORD_AUTH →
# NEW_PASSWORD_REQUIRED → respond-to-auth-challenge with NEW_PASSWORD; sets ADM_USER, ADM_ACCESS, ADM_REFRESH.
ADM_USER="" ADM_ACCESS="" ADM_REFRESH=""
admin_created_user_signs_in() {
  [[ -n "$PUBLIC_ID" ]] || fail "no pool" || return 1
  ADM_USER=$(unique adm) ADM_ACCESS="" ADM_REFRESH=""
  cip admin-create-user --user-pool-id "$POOL_ID" --username "$ADM_USER" --temporary-password "$TEMPORARY_PASSWORD" \
    --message-action SUPPRESS || fail "admin-create-user: $ERR" || return 1
  expect_eq Username "$ADM_USER" "$(json 'd["User"]["Username"]')" || return 1
  expect_eq UserStatus FORCE_CHANGE_PASSWORD "$(json 'd["User"]["UserStatus"]')" || return 1
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow USER_PASSWORD_AUTH \
    --auth-parameters "USERNAME=$ADM_USER,PASSWORD=$TEMPORARY_PASSWORD" || fail "initiate-auth (temporary password): $ERR" || return 1
  expect_eq ChallengeName NEW_PASSWORD_REQUIRED "$(json 'd.get("ChallengeName")')" || return 1
  expect_eq "AuthenticationResult before the answer" "" "$(json 'd.get("AuthenticationResult")')" || return 1
  expect_eq requiredAttributes "[]" "$(json 'd["ChallengeParameters"]["requiredAttributes"]')" || return 1
  local session
  session=$(json 'd.get("Session")')
  [[ -n "$session" ]] || fail "Session missing" || return 1
  cip respond-to-auth-challenge --client-id "$PUBLIC_ID" --challenge-name NEW_PASSWORD_REQUIRED --session "$session" \
    --challenge-responses "USERNAME=$ADM_USER,NEW_PASSWORD=$PASSWORD" || fail "respond-to-auth-challenge: $ERR" || return 1
  expect_tokens || return 1
  ADM_ACCESS=$(json 'd["AuthenticationResult"]["AccessToken"]') ADM_REFRESH=$(json 'd["AuthenticationResult"]["RefreshToken"]')
}

test_admin_create_user_then_new_password_required() {
  admin_created_user_signs_in || return 1
  cip get-user --access-token "$ADM_ACCESS" || fail "get-user: $ERR" || return 1
  expect_eq Username "$ADM_USER" "$(json 'd["Username"]')" || return 1
  cip admin-get-user --user-pool-id "$POOL_ID" --username "$ADM_USER" || fail "admin-get-user: $ERR" || return 1
  expect_eq UserStatus CONFIRMED "$(json 'd["UserStatus"]')"
}

test_global_sign_out_revokes_the_tokens() {
  admin_created_user_signs_in || return 1
  cip get-user --access-token "$ADM_ACCESS" || fail "get-user before global-sign-out: $ERR" || return 1
  expect_eq Username "$ADM_USER" "$(json 'd["Username"]')" || return 1
  cip global-sign-out --access-token "$ADM_ACCESS" || fail "global-sign-out: $ERR" || return 1
  cip get-user --access-token "$ADM_ACCESS"
  expect_error GetUser NotAuthorizedException "Access Token has been revoked" || return 1
  # JSON form: a refresh token is opaque, so it is not left to the shorthand syntax.
  cip initiate-auth --client-id "$PUBLIC_ID" --auth-flow REFRESH_TOKEN_AUTH --auth-parameters "{\"REFRESH_TOKEN\":\"$ADM_REFRESH\"}"
  expect_error InitiateAuth NotAuthorizedException "Refresh Token has been revoked"
}

echo "# $("$AWS_CLI" --version 2>&1)"
run_test "create pool and clients" test_create_pool_and_clients
run_test "sign-up delivers a code" test_sign_up_delivers_code
run_test "resend-confirmation-code" test_resend_confirmation_code
run_test "superseded code is rejected" test_superseded_code_is_rejected
run_test "confirm-sign-up with the newest code" test_confirm_sign_up_with_newest_code
run_test "resend after confirmation fails" test_resend_after_confirmation_fails
run_test "initiate-auth USER_PASSWORD_AUTH" test_initiate_auth_user_password
run_test "secret client: sign-up and resend" test_secret_client_sign_up_and_resend
run_test "secret client: confirm and sign in" test_secret_client_confirm_and_sign_in
run_test "wrong secret hash is rejected" test_wrong_secret_hash_is_rejected
run_test "unknown user, LEGACY client" test_unknown_user_legacy_client
run_test "unknown client id" test_unknown_client_id
run_test "sixth resend within an hour is limited" test_sixth_resend_within_an_hour_is_limited
run_test "username with a space fails validation" test_username_with_space_fails_validation
run_test "endpoint from AWS_ENDPOINT_URL" test_endpoint_from_environment
run_test "forgot-password, confirm-forgot-password, sign in with the new password" test_forgot_password_then_sign_in
run_test "update-user-attributes, verify-user-attribute" test_update_user_attributes_then_verify
run_test "admin-create-user, NEW_PASSWORD_REQUIRED, respond-to-auth-challenge, get-user" test_admin_create_user_then_new_password_required
run_test "global-sign-out revokes the access and refresh tokens" test_global_sign_out_revokes_the_tokens
echo "1..$number"
echo "# cli: $passed passed, $failed failed"
(( failed == 0 ))
