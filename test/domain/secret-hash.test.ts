/** SecretHash (src/domain/secret-hash.ts): the published computation, and Cognito's errors for a missing or wrong one. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSecretHash, secretHash } from "../../src/domain/secret-hash.js";

test("SecretHash matches the published vectors (UTF-8, not latin-1)", () => {
  assert.equal(secretHash("s3cr3t", "user@example.com", "abc123"), "Edob2lRWUSBknC1VkFgNFOQDqQOnDkBwpgNXsXUFChQ=");
  assert.equal(secretHash("s3cr3t", "José", "abc123"), "FolgofqgojtASUz0Zxp/4ViAh8bvdIqgORSYEq5w7ZU=");
});

test("a client with a secret needs the right hash; a client without one ignores it", () => {
  const client = { id: "abc123", secret: "s3cr3t" };
  const refused = (given: string | undefined, message: string) =>
    assert.throws(() => checkSecretHash(client, "José", given), (e: any) => e.name === "NotAuthorizedException" && e.message === message);
  assert.doesNotThrow(() => checkSecretHash(client, "José", "FolgofqgojtASUz0Zxp/4ViAh8bvdIqgORSYEq5w7ZU="));
  refused(undefined, "Client abc123 is configured with secret but SECRET_HASH was not received");
  refused(secretHash("s3cr3t", "Jose", "abc123"), "Unable to verify secret hash for client abc123");
  refused("short", "Unable to verify secret hash for client abc123");
  refused("", "Unable to verify secret hash for client abc123");
  assert.doesNotThrow(() => checkSecretHash({ id: "abc123", secret: null }, "José", undefined));
  assert.doesNotThrow(() => checkSecretHash({ id: "abc123", secret: null }, "José", "anything"));
});
