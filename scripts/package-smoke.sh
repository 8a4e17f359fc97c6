#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, installed into an empty project, gives a working `npx userpool`,
# `userpool resend-confirmation-code`, and `import { resendConfirmationCode } from "userpool/client"` with its types.
# Run by .ci/run. `npm install` runs without install scripts and better-sqlite3's native module is copied from this
# checkout (same Node, same platform): compiling it a second time in CI takes two minutes and proves nothing about the
# package. USERPOOL_SMOKE_LINK_DEPS=1 skips `npm install` too: the tarball is unpacked into the project and its
# dependencies linked from this checkout's node_modules, for a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
server=""
cleanup() { if [ -n "$server" ] && kill -TERM "$server" 2>/dev/null; then wait "$server" 2>/dev/null || true; fi; rm -rf "$tmp"; }
trap cleanup EXIT

tarball="$tmp/$(npm pack --silent --pack-destination "$tmp" | tail -1)"
echo "packed: $(basename "$tarball") ($(tar -tzf "$tarball" | wc -l) files)"
mkdir "$tmp/app" && cd "$tmp/app"
echo '{ "name": "smoke", "version": "1.0.0", "private": true, "type": "module" }' > package.json
if [ "${USERPOOL_SMOKE_LINK_DEPS:-}" = 1 ]; then
  mkdir -p node_modules/userpool node_modules/.bin
  tar -xzf "$tarball" -C node_modules/userpool --strip-components=1
  for d in "$root"/node_modules/* "$root"/node_modules/@*; do [ -e "node_modules/$(basename "$d")" ] || ln -s "$d" node_modules/; done
  ln -s ../userpool/bin/userpool.js node_modules/.bin/userpool
else
  npm install --no-audit --no-fund --ignore-scripts "$tarball"
  cp -r "$root/node_modules/better-sqlite3/build" node_modules/better-sqlite3/
fi
if [ -e node_modules/userpool/src ] || [ -e node_modules/userpool/test ]; then echo "FAIL: the package ships src/ or test/"; exit 1; fi

npx userpool --version
npx userpool -p 0 -d "$tmp/data" > "$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do grep -q "use it:" "$tmp/server.log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$tmp/server.log")
[ -n "$url" ] || { echo "FAIL: npx userpool did not start:"; cat "$tmp/server.log"; exit 1; }
echo "npx userpool: listening on $url"

# A pool, a client and an unconfirmed user through the SDK the package depends on; then the command and the import.
cat > setup.mjs <<'JS'
import { CognitoIdentityProviderClient, CreateUserPoolCommand, CreateUserPoolClientCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: process.argv[2], credentials: { accessKeyId: "test", secretAccessKey: "test" } });
const pool = (await client.send(new CreateUserPoolCommand({ PoolName: "smoke", AutoVerifiedAttributes: ["email"] }))).UserPool;
const app = (await client.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id, ClientName: "smoke" }))).UserPoolClient;
await client.send(new SignUpCommand({ ClientId: app.ClientId, Username: "jane", Password: "Correct-Horse-9", UserAttributes: [{ Name: "email", Value: "jane@example.com" }] }));
console.log(app.ClientId);
JS
cat > client.mjs <<'JS'
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { resendConfirmationCode } from "userpool/client";
const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: process.argv[2] });
const d = await resendConfirmationCode({ client, clientId: process.argv[3], username: "jane" });
console.log(`import from "userpool/client": ${d.DeliveryMedium} (${d.Destination})`);
JS
cat > types.ts <<'TS'
import { resendConfirmationCode, type ResendOptions } from "userpool/client";
const check: (o: ResendOptions) => Promise<unknown> = resendConfirmationCode;
export default check;
TS
echo '{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "strict": true, "noEmit": true, "skipLibCheck": true, "types": [] }, "files": ["types.ts"] }' > tsconfig.json

export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
client_id=$(node setup.mjs "$url")
out=$(npx userpool resend-confirmation-code --client-id "$client_id" --username jane --endpoint "$url")
[ "$out" = "Method of delivery is EMAIL (j***@e***)" ] || { echo "FAIL: userpool resend-confirmation-code printed: $out"; exit 1; }
echo "userpool resend-confirmation-code: $out"
node client.mjs "$url" "$client_id"
"$root/node_modules/.bin/tsc" -p . && echo "types: userpool/client type-checks (moduleResolution nodenext)"
echo "package smoke test: ok"
