import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { deflateRawSync, gzipSync } from "node:zlib";

import {
  CognitoError,
  InvalidParameterException,
  operations,
  patternTranslations,
  shapes,
  type OperationName,
  type ShapeDef,
} from "../../src/generated/cognito-idp.js";
import { MAX_DEPTH, MAX_REPORTED_VIOLATIONS, ShapeValidator, validateInput } from "../../src/protocol/validate.js";
import {
  generate,
  readZipEntry,
  stripDocumentation,
  translateJavaPattern,
  UnsupportedPatternError,
  type Model,
} from "../../scripts/gen-model.js";

const MODEL_URL = new URL("../../model/cognito-idp-2016-04-18.json", import.meta.url);
const GENERATED_URL = new URL("../../src/generated/cognito-idp.ts", import.meta.url);

/** Runs validateInput and returns the CognitoError it throws (fails the test if none or another kind). */
function rejects(op: OperationName, body: unknown): CognitoError {
  try {
    validateInput(op, body);
  } catch (e) {
    assert.ok(e instanceof CognitoError, `expected a CognitoError, got ${String(e)}`);
    return e;
  }
  assert.fail(`${op} accepted ${JSON.stringify(body)?.slice(0, 200)}`);
}

function invalid(op: OperationName, body: unknown): string {
  const e = rejects(op, body);
  assert.equal(e.type, "InvalidParameterException", e.message);
  assert.ok(e instanceof InvalidParameterException);
  assert.equal(e.statusCode, 400);
  return e.message;
}

function serialization(op: OperationName, body: unknown): string {
  const e = rejects(op, body);
  assert.equal(e.type, "SerializationException", e.message);
  assert.equal(e.statusCode, 400);
  return e.message;
}

const POOL = "us-east-1_AbC123xyz";
const CLIENT = "1example23456789abcdefghij";
/** One item with a rendered value (null: the "Value null" form). */
const item = (value: string | null, path: string, phrase: string): string =>
  `${value === null ? "Value null" : `Value '${value}'`} at '${path}' failed to satisfy constraint: ${phrase}`;
const hiddenItem = (path: string, phrase: string): string => `Value at '${path}' failed to satisfy constraint: ${phrase}`;
const one = (text: string): string => `1 validation error detected: ${text}`;

describe("validateInput: phrases", () => {
  it("reports a missing required member as 'Value null ... Member must not be null'", () => {
    assert.equal(
      invalid("AdminGetUser", { Username: "bob" }),
      one("Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"),
    );
    // null counts as missing, also for a sensitive member (there is no value to hide)
    assert.equal(
      invalid("AdminGetUser", { UserPoolId: POOL, Username: null }),
      one("Value null at 'username' failed to satisfy constraint: Member must not be null"),
    );
  });

  it("checks minimum and maximum length", () => {
    // DescriptionType: max 2048; UserPoolIdType: 1..55 with a pattern
    assert.equal(
      invalid("CreateGroup", { UserPoolId: POOL, GroupName: "g", Description: "d".repeat(2049) }),
      one(item("d".repeat(2049), "description", "Member must have length less than or equal to 2048")),
    );
    assert.equal(
      invalid("DescribeUserPool", { UserPoolId: "" }),
      "2 validation errors detected: " +
        item("", "userPoolId", "Member must have length greater than or equal to 1") +
        "; " +
        item("", "userPoolId", "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+"),
    );
  });

  it("checks value ranges of integers", () => {
    assert.equal(
      invalid("ListUsers", { UserPoolId: POOL, Limit: 61 }),
      one(item("61", "limit", "Member must have value less than or equal to 60")),
    );
    assert.equal(
      invalid("ListUsers", { UserPoolId: POOL, Limit: -1 }),
      one(item("-1", "limit", "Member must have value greater than or equal to 0")),
    );
    validateInput("ListUsers", { UserPoolId: POOL, Limit: 0 });
    validateInput("ListUsers", { UserPoolId: POOL, Limit: 60 });
  });

  it("checks patterns as a full match and quotes the model's pattern", () => {
    assert.equal(
      invalid("DescribeUserPool", { UserPoolId: "YOUR USER POOL ID" }),
      one(item("YOUR USER POOL ID", "userPoolId", "Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+")),
    );
    // a partial match is not enough
    invalid("DescribeUserPool", { UserPoolId: `${POOL} ` });
    validateInput("DescribeUserPool", { UserPoolId: "YOUR_USER_POOL_ID" });
  });

  it("checks enums and lists the values in model order", () => {
    assert.equal(
      invalid("InitiateAuth", { ClientId: CLIENT, AuthFlow: "PASSWORD" }),
      one(
        item(
          "PASSWORD",
          "authFlow",
          "Member must satisfy enum value set: [USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, " +
            "ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]",
        ),
      ),
    );
    assert.deepEqual(shapes.AuthFlowType!.enum![0], "USER_SRP_AUTH");
  });

  it("checks every constraint independently (an empty username fails min length and pattern)", () => {
    assert.equal(
      invalid("ResendConfirmationCode", { ClientId: CLIENT, Username: "" }),
      "2 validation errors detected: " +
        hiddenItem("username", "Member must have length greater than or equal to 1") +
        "; " +
        hiddenItem("username", "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+"),
    );
  });

  it("counts string length in Unicode code points, not UTF-16 units", () => {
    const emoji = "\u{1F600}"; // one code point, two UTF-16 units, matches \p{S}
    validateInput("ResendConfirmationCode", { ClientId: CLIENT, Username: emoji.repeat(128) });
    assert.equal(
      invalid("ResendConfirmationCode", { ClientId: CLIENT, Username: emoji.repeat(129) }),
      one(hiddenItem("username", "Member must have length less than or equal to 128")),
    );
    // DescriptionType max 2048: 2048 astral characters (4096 UTF-16 units) fit
    validateInput("CreateGroup", { UserPoolId: POOL, GroupName: "g", Description: emoji.repeat(2048) });
    invalid("CreateGroup", { UserPoolId: POOL, GroupName: "g", Description: emoji.repeat(2049) });
  });

  it("uses Java's whitespace classes: \\S rejects ASCII whitespace only, as on AWS", () => {
    // PasswordType is [\S]+. Java's \S (no UNICODE_CHARACTER_CLASS) accepts U+00A0 and U+3000.
    validateInput("SignUp", { ClientId: CLIENT, Username: "bob", Password: "pass\u00a0word\u3000!" });
    assert.equal(
      invalid("SignUp", { ClientId: CLIENT, Username: "bob", Password: "pass word" }),
      one(hiddenItem("password", "Member must satisfy regular expression pattern: [\\S]+")),
    );
    invalid("SignUp", { ClientId: CLIENT, Username: "bob", Password: "tab\there" });
    invalid("SignUp", { ClientId: CLIENT, Username: "bob", Password: "vt\u000bhere" });
  });
});

describe("validateInput: sensitive values are left out", () => {
  it("omits the value of a sensitive member", () => {
    const msg = invalid("ResendConfirmationCode", { ClientId: "bad id!", Username: "bob" });
    assert.equal(msg, one(hiddenItem("clientId", "Member must satisfy regular expression pattern: [\\w+]+")));
    assert.ok(!msg.includes("bad id!"));
  });

  it("omits values inside a sensitive structure and a sensitive map", () => {
    // UserContextDataType is sensitive as a whole; its members are plain StringType
    const long = "x".repeat(131073);
    const msg = invalid("ResendConfirmationCode", {
      ClientId: CLIENT,
      Username: "bob",
      UserContextData: { EncodedData: long },
    });
    assert.equal(msg, one(hiddenItem("userContextData.encodedData", "Member must have length less than or equal to 131072")));
    // AuthParametersType is a sensitive map
    const msg2 = invalid("InitiateAuth", {
      ClientId: CLIENT,
      AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: "bob", PASSWORD: long },
    });
    assert.equal(msg2, one(hiddenItem("authParameters.PASSWORD", "Member must have length less than or equal to 131072")));
  });

  it("shows non-sensitive values next to hidden ones", () => {
    const msg = invalid("SignUp", {
      ClientId: CLIENT,
      Username: "bob",
      UserAttributes: [{ Name: "", Value: "secret-value" }],
    });
    assert.equal(
      msg,
      "2 validation errors detected: " +
        item("", "userAttributes.1.member.name", "Member must have length greater than or equal to 1") +
        "; " +
        item("", "userAttributes.1.member.name", "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+"),
    );
    assert.ok(!msg.includes("secret-value"));
  });

  it("renders lists and structures like Java's toString", () => {
    const attrs = Array.from({ length: 26 }, (_, i) => ({ Name: `a${i}`, AttributeDataType: "String", Mutable: true }));
    const msg = invalid("AddCustomAttributes", { UserPoolId: POOL, CustomAttributes: attrs });
    assert.match(msg, /^1 validation error detected: Value '\[\{Name=a0, AttributeDataType=String, Mutable=true\}, \{Name=a1, /);
    assert.ok(msg.endsWith("}]' at 'customAttributes' failed to satisfy constraint: Member must have length less than or equal to 25"));
  });

  it("omits the value of a list that holds sensitive data", () => {
    // No list in the model has both a size limit and sensitive content, so give AttributeListType
    // (of AttributeType, whose Value is sensitive) a maximum of 1.
    const table: Record<string, ShapeDef> = { ...shapes, AttributeListType: { ...shapes.AttributeListType!, max: 1 } };
    const v = new ShapeValidator(table, patternTranslations);
    const attrs = [{ Name: "email", Value: "a@example.com" }, { Name: "name", Value: "secret" }];
    assert.throws(
      () => v.validate("SignUpRequest", { ClientId: CLIENT, Username: "bob", UserAttributes: attrs }),
      (e: unknown) =>
        e instanceof InvalidParameterException &&
        e.message === one(hiddenItem("userAttributes", "Member must have length less than or equal to 1")),
    );
  });
});

describe("validateInput: paths", () => {
  it("names list elements 1-based with .member and map values by key", () => {
    const msg = invalid("SignUp", {
      ClientId: CLIENT,
      Username: "bob",
      UserAttributes: [{ Name: "email", Value: "a@b.c" }, { Value: "no name" }, null],
      ClientMetadata: { ok: "x", big: "y".repeat(131073) },
    });
    assert.equal(
      msg,
      "3 validation errors detected: " +
        item("y".repeat(131073), "clientMetadata.big", "Member must have length less than or equal to 131072") +
        "; " +
        item(null, "userAttributes.2.member.name", "Member must not be null") +
        "; " +
        item(null, "userAttributes.3.member", "Member must not be null"),
    );
  });

  it("lowercases only the first letter of each member name", () => {
    const msg = invalid("CreateUserPool", {
      PoolName: "pool",
      LambdaConfig: { CustomMessage: "arn:nope" },
      AutoVerifiedAttributes: ["email", "fax"],
    });
    assert.equal(
      msg,
      "3 validation errors detected: " +
        item("fax", "autoVerifiedAttributes.2.member", "Member must satisfy enum value set: [phone_number, email]") +
        "; " +
        item("arn:nope", "lambdaConfig.customMessage", "Member must have length greater than or equal to 20") +
        "; " +
        item(
          "arn:nope",
          "lambdaConfig.customMessage",
          "Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
        ),
    );
    // SMSMfaSettings → sMSMfaSettings
    const msg2 = serialization("SetUserMFAPreference", { AccessToken: "t", SMSMfaSettings: { Enabled: "yes" } });
    assert.equal(
      msg2,
      "Unexpected value type at 'sMSMfaSettings.enabled': expected a boolean, got a string.",
    );
  });

  it("reports failing map keys once, at the map's path", () => {
    const msg = invalid("TagResource", {
      ResourceArn: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC",
      Tags: { "": "v", team: "w" },
    });
    assert.equal(
      msg,
      one(item("{=v, team=w}", "tags", "Map keys must satisfy constraint: [Member must have length greater than or equal to 1]")),
    );
  });

  it("checks map sizes, map keys and structures inside map values", () => {
    // AcrConfigurationType: map AcrLevelKeyType (Level[1-4]) -> {AcrValue 1..64}, 0..4 entries
    const acr = { Level1: { AcrValue: "a" }, Level2: { AcrValue: "b" }, Level3: { AcrValue: "c" }, Level4: { AcrValue: "d" } };
    validateInput("CreateUserPool", { PoolName: "p", AcrConfiguration: acr });
    const msg = invalid("CreateUserPool", { PoolName: "p", AcrConfiguration: { ...acr, Level5: { AcrValue: "" } } });
    const rendered = "{Level1={AcrValue=a}, Level2={AcrValue=b}, Level3={AcrValue=c}, Level4={AcrValue=d}, Level5={AcrValue=}}";
    assert.equal(
      msg,
      "4 validation errors detected: " +
        item(rendered, "acrConfiguration", "Member must have length less than or equal to 4") +
        "; " +
        item(rendered, "acrConfiguration", "Map keys must satisfy constraint: [Member must satisfy regular expression pattern: Level[1-4]]") +
        "; " +
        item("", "acrConfiguration.Level5.acrValue", "Member must have length greater than or equal to 1") +
        "; " +
        item("", "acrConfiguration.Level5.acrValue", "Member must satisfy regular expression pattern: [\\x21\\x23-\\x5B\\x5D-\\x7E]+"),
    );
  });
});

describe("validateInput: ordering", () => {
  it("sorts by path with a plain string compare, then by constraint", () => {
    const attrs = Array.from({ length: 11 }, (_, i) => ({ Name: i === 1 || i === 9 ? "" : `a${i}` }));
    const msg = invalid("SignUp", { ClientId: CLIENT, Username: "", UserAttributes: attrs });
    const paths = [...msg.matchAll(/at '([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual(paths, [
      "userAttributes.10.member.name",
      "userAttributes.10.member.name",
      "userAttributes.2.member.name",
      "userAttributes.2.member.name",
      "username",
      "username",
    ]);
    assert.match(msg, /^6 validation errors detected: /);
    // within one path: min length before pattern
    assert.ok(msg.indexOf("length greater than or equal to 1") < msg.indexOf("regular expression"));
  });

  it("reproduces AWS's verbatim SignUp example (with the 2018 model's PasswordType min of 6)", () => {
    // The real message below was captured when PasswordType had min 6. The current model makes the
    // password optional (passwordless sign-in) and PasswordType has no minimum, so here we validate
    // against the generated table with that one constraint put back.
    assert.equal(shapes.PasswordType!.min, undefined, "the model's PasswordType min changed: update this test");
    const table: Record<string, ShapeDef> = { ...shapes, PasswordType: { ...shapes.PasswordType!, min: 6 } };
    const v = new ShapeValidator(table, patternTranslations);
    let message = "";
    try {
      v.validate("SignUpRequest", { ClientId: CLIENT, Password: "", Username: "" });
    } catch (e) {
      assert.ok(e instanceof InvalidParameterException);
      message = e.message;
    }
    assert.equal(
      message,
      "4 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6; Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    );
  });

  it("gives the current model's answer to the same request (three errors, no password minimum)", () => {
    assert.equal(
      invalid("SignUp", { ClientId: CLIENT, Password: "", Username: "" }),
      "3 validation errors detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+; Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    );
  });
});

describe("validateInput: JSON types", () => {
  it("rejects wrong scalar types with SerializationException naming the path", () => {
    assert.equal(
      serialization("ResendConfirmationCode", { ClientId: CLIENT, Username: 5 }),
      "Unexpected value type at 'username': expected a string, got a number.",
    );
    assert.equal(
      serialization("ListUsers", { UserPoolId: POOL, Limit: "5" }),
      "Unexpected value type at 'limit': expected an integer, got a string.",
    );
    assert.equal(
      serialization("ListUsers", { UserPoolId: POOL, Limit: 1.5 }),
      "Unexpected value type at 'limit': expected an integer, got a non-integer number.",
    );
    assert.match(serialization("ListUsers", { UserPoolId: POOL, Limit: 2 ** 31 }), /^Number out of range at 'limit'/);
    assert.equal(
      serialization("ConfirmSignUp", { ClientId: CLIENT, Username: "bob", ConfirmationCode: "1", ForceAliasCreation: "true" }),
      "Unexpected value type at 'forceAliasCreation': expected a boolean, got a string.",
    );
  });

  it("rejects wrong container types", () => {
    assert.equal(
      serialization("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob", AnalyticsMetadata: [] }),
      "Unexpected value type at 'analyticsMetadata': expected a structure (JSON object), got a list.",
    );
    assert.equal(
      serialization("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob", ClientMetadata: ["a"] }),
      "Unexpected value type at 'clientMetadata': expected a map (JSON object), got a list.",
    );
    assert.equal(
      serialization("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob", ClientMetadata: { a: 1 } }),
      "Unexpected value type at 'clientMetadata.a': expected a string, got a number.",
    );
    assert.equal(
      serialization("SignUp", { ClientId: CLIENT, Username: "bob", UserAttributes: { Name: "email" } }),
      "Unexpected value type at 'userAttributes': expected a list (JSON array), got an object.",
    );
    assert.equal(
      serialization("SignUp", { ClientId: CLIENT, Username: "bob", UserAttributes: ["email"] }),
      "Unexpected value type at 'userAttributes.1.member': expected a structure (JSON object), got a string.",
    );
  });

  it("rejects a body that is not a JSON object", () => {
    for (const body of [[], "x", 5, true]) {
      assert.match(serialization("ResendConfirmationCode", body), /^Unexpected value type for the request body: expected a structure/);
    }
    // an absent or null body counts as {}
    assert.match(invalid("ResendConfirmationCode", undefined), /^2 validation errors detected: Value null at 'clientId'/);
    assert.match(invalid("ResendConfirmationCode", null), /^2 validation errors detected: Value null at 'clientId'/);
  });

  it("a type error wins over constraint violations", () => {
    serialization("ResendConfirmationCode", { ClientId: "", Username: 7 });
  });

  it("accepts JSON numbers as timestamps and rejects strings", () => {
    validateInput("InitiatePointInTimeRecovery", { UserPoolId: POOL, RestoreTimestamp: 1_700_000_000.25 });
    assert.equal(
      serialization("InitiatePointInTimeRecovery", { UserPoolId: POOL, RestoreTimestamp: "2024-01-01T00:00:00Z" }),
      "Unexpected value type at 'restoreTimestamp': expected a timestamp (epoch seconds as a JSON number), got a string.",
    );
  });

  it("checks blobs as base64 and counts their decoded bytes", () => {
    validateInput("SetUICustomization", { UserPoolId: POOL, ImageFile: Buffer.from("png").toString("base64") });
    assert.match(serialization("SetUICustomization", { UserPoolId: POOL, ImageFile: "not base64!" }), /^Invalid base64 value at 'imageFile'/);
    const big = Buffer.alloc(131073).toString("base64");
    assert.equal(
      invalid("SetUICustomization", { UserPoolId: POOL, ImageFile: big }),
      one(hiddenItem("imageFile", "Member must have length less than or equal to 131072")),
    );
    validateInput("SetUICustomization", { UserPoolId: POOL, ImageFile: Buffer.alloc(131072).toString("base64") });
  });

  it("ignores unknown members and treats null members as missing", () => {
    validateInput("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob", Unknown: [1, { a: 2 }], SecretHash: null });
  });
});

describe("validateInput: a JSON null member is an absent member", () => {
  it("deletes null members in place, so ListUserPools with NextToken: null reaches the handler as if it were absent", () => {
    const input: Record<string, unknown> = { NextToken: null, MaxResults: 5 };
    validateInput("ListUserPools", input);
    assert.deepEqual(input, { MaxResults: 5 });
    assert.equal(Object.hasOwn(input, "NextToken"), false);
  });

  it("deletes them in nested structures, in structures inside lists and map values, and unknown ones too", () => {
    const input = {
      PoolName: "p",
      LambdaConfig: null,
      Policies: { PasswordPolicy: { MinimumLength: null, RequireUppercase: true }, SignInPolicy: null },
      AcrConfiguration: { Level1: { AcrValue: "a", Unknown: null } },
      Schema: [{ Name: "nick", AttributeDataType: null, StringAttributeConstraints: { MinLength: null, MaxLength: "9" } }],
      Unknown: null,
    };
    validateInput("CreateUserPool", input);
    assert.deepEqual(input, {
      PoolName: "p",
      Policies: { PasswordPolicy: { RequireUppercase: true } },
      AcrConfiguration: { Level1: { AcrValue: "a" } },
      Schema: [{ Name: "nick", StringAttributeConstraints: { MaxLength: "9" } }],
    });
  });

  it("leaves a null inside a document alone (a document is free-form JSON) but deletes a null document member", () => {
    const input = { AccessToken: "t", Credential: { id: null, response: [null] } };
    validateInput("CompleteWebAuthnRegistration", input);
    assert.deepEqual(input, { AccessToken: "t", Credential: { id: null, response: [null] } });
    assert.equal(
      invalid("CompleteWebAuthnRegistration", { AccessToken: "t", Credential: null }),
      one(item(null, "credential", "Member must not be null")),
    );
  });

  it("reports a null required member as missing, at any depth", () => {
    assert.equal(
      invalid("ListUserPools", { NextToken: "abc", MaxResults: null }),
      one(item(null, "maxResults", "Member must not be null")),
    );
    assert.equal(
      invalid("SignUp", { ClientId: CLIENT, Username: "bob", UserAttributes: [{ Name: null, Value: "v" }] }),
      one(item(null, "userAttributes.1.member.name", "Member must not be null")),
    );
    assert.equal(
      invalid("CreateUserPool", {
        PoolName: "p",
        UserPoolAddOns: { AdvancedSecurityMode: null, AdvancedSecurityAdditionalFlows: { CustomAuthMode: null } },
      }),
      one(item(null, "userPoolAddOns.advancedSecurityMode", "Member must not be null")),
    );
  });

  it("refuses a null element of a list the model does not mark sparse; a null value of such a map is an absent entry", () => {
    assert.equal(shapes.AttributeListType!.sparse, undefined);
    assert.equal(shapes.ClientMetadataType!.sparse, undefined);
    assert.equal(
      invalid("SignUp", { ClientId: CLIENT, Username: "bob", UserAttributes: [null, { Name: "email" }], ClientMetadata: { a: null, b: "x" } }),
      "1 validation error detected: " + item(null, "userAttributes.1.member", "Member must not be null"),
    );
    // amazon-cognito-identity-js's refreshSession sends this, and Cognito answers it.
    const input = { AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: CLIENT, AuthParameters: { REFRESH_TOKEN: "t", DEVICE_KEY: null } };
    validateInput("InitiateAuth", input);
    assert.deepEqual(input.AuthParameters, { REFRESH_TOKEN: "t" });
  });

  it("keeps null elements of sparse lists and maps, and still cleans the structures beside them", () => {
    const table: Record<string, ShapeDef> = {
      Req: { type: "structure", members: { Items: "Items", Dense: "Dense", ByKey: "ByKey", DenseByKey: "DenseByKey" } },
      Items: { type: "list", member: "Item", sparse: true, max: 3 },
      Dense: { type: "list", member: "Item" },
      ByKey: { type: "map", key: "Key", value: "Item", sparse: true },
      DenseByKey: { type: "map", key: "Key", value: "Item" },
      Item: { type: "structure", members: { Name: "Name", Note: "Name" }, required: ["Name"] },
      Key: { type: "string", min: 1 },
      Name: { type: "string", min: 1 },
    };
    const v = new ShapeValidator(table);
    const input = { Items: [null, { Name: "a", Note: null }, null], ByKey: { k: null, j: { Name: "b", Note: null } } };
    v.validate("Req", input);
    assert.deepEqual(input, { Items: [null, { Name: "a" }, null], ByKey: { k: null, j: { Name: "b" } } });
    // a sparse list's nulls still count towards its length; its structures are still validated
    assert.throws(() => v.validate("Req", { Items: [null, null, null, null] }), {
      message: "1 validation error detected: Value '[null, null, null, null]' at 'items' failed to satisfy constraint: Member must have length less than or equal to 3",
    });
    assert.throws(() => v.validate("Req", { Items: [null, { Name: null }], Dense: [null], ByKey: { k: null }, DenseByKey: { k: null } }), {
      message:
        "2 validation errors detected: Value null at 'dense.1.member' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'items.2.member.name' failed to satisfy constraint: Member must not be null",
    });
  });

  it("for every operation: every member null validates exactly like {} and leaves the input empty", () => {
    for (const op of Object.keys(operations) as OperationName[]) {
      const members = Object.keys(shapes[operations[op].input!]!.members ?? {});
      const input = Object.fromEntries(members.map((m) => [m, null]));
      let expected: string | undefined;
      let got: string | undefined;
      try { validateInput(op, {}); } catch (e) { expected = (e as Error).message; }
      try { validateInput(op, input); } catch (e) { got = (e as Error).message; }
      assert.equal(got, expected, op);
      assert.deepEqual(input, {}, op);
    }
  });
});

describe("validateInput: hostile input", () => {
  const nest = (levels: number): unknown => {
    let v: unknown = "leaf";
    for (let i = 0; i < levels; i++) v = { x: v };
    return v;
  };

  it("limits nesting depth in documents and in unknown members", () => {
    // the body is depth 1, so a document member value may nest MAX_DEPTH - 1 levels
    validateInput("CompleteWebAuthnRegistration", { AccessToken: "t", Credential: nest(MAX_DEPTH - 2) });
    assert.equal(
      serialization("CompleteWebAuthnRegistration", { AccessToken: "t", Credential: nest(MAX_DEPTH) }),
      `Request nesting exceeds the maximum depth of ${MAX_DEPTH} at 'credential'.`,
    );
    assert.equal(
      serialization("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob", Junk: nest(100_000) }),
      `Request nesting exceeds the maximum depth of ${MAX_DEPTH} at 'junk'.`,
    );
  });

  it("handles huge arrays in linear time and caps the listed items", () => {
    const many = Array.from({ length: 200_000 }, () => "");
    const started = process.hrtime.bigint();
    const msg = invalid("CreateUserPoolClient", { UserPoolId: POOL, ClientName: "c", CallbackURLs: many });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 2000, `took ${ms} ms`);
    // 1 list-length item + 200 000 element items (min length 1 each; pattern too)
    const count = Number(/^(\d+) validation errors/.exec(msg)![1]);
    assert.ok(count > 200_000, msg.slice(0, 80));
    assert.equal(msg.split("; ").length, MAX_REPORTED_VIOLATIONS);
  });

  it("throws nothing but CognitoError for arbitrary junk against every operation", () => {
    let seed = 42;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const junk = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.15) return "s".repeat(Math.floor(rnd() * 3));
      if (r < 0.25) return Math.floor(rnd() * 100) - 50;
      if (r < 0.3) return rnd();
      if (r < 0.35) return rnd() < 0.5;
      if (r < 0.4) return null;
      if (r < 0.55) return Array.from({ length: Math.floor(rnd() * 3) }, () => junk(depth + 1));
      if (r < 0.6) return "\ud800";
      return { x: junk(depth + 1) };
    };
    for (const op of Object.keys(operations) as OperationName[]) {
      const input = shapes[operations[op].input!]!;
      for (let n = 0; n < 20; n++) {
        const body: Record<string, unknown> = {};
        for (const m of Object.keys(input.members ?? {})) if (rnd() < 0.7) body[m] = junk(0);
        try {
          validateInput(op, body);
        } catch (e) {
          assert.ok(e instanceof CognitoError, `${op}: ${String(e)}`);
          assert.ok(e.type === "InvalidParameterException" || e.type === "SerializationException", `${op}: ${e.type} ${e.message}`);
        }
      }
    }
  });
});

describe("ResendConfirmationCode", () => {
  const full = {
    ClientId: CLIENT,
    SecretHash: "Edob2lRWUSBknC1VkFgNFOQDqQOnDkBwpgNXsXUFChQ=",
    UserContextData: { IpAddress: "192.0.2.1", EncodedData: "opaque-encoded-data" },
    Username: "José.Müller+test@example.com",
    AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
    ClientMetadata: { source: "signup-page", "": "empty key is fine for StringType keys (min 0)" },
  };

  it("accepts every member when valid", () => {
    validateInput("ResendConfirmationCode", full);
    validateInput("ResendConfirmationCode", { ClientId: CLIENT, Username: "bob" });
  });

  it("validates in a few microseconds", (t) => {
    for (let i = 0; i < 2000; i++) validateInput("ResendConfirmationCode", full); // warm-up
    const n = 20_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) validateInput("ResendConfirmationCode", full);
    const us = Number(process.hrtime.bigint() - started) / 1e3 / n;
    // a generous bound for a loaded CI machine; typically a few µs
    assert.ok(us < 50, `${us.toFixed(2)} µs per call`);
    t.diagnostic(`ResendConfirmationCode validation: ${us.toFixed(2)} µs per call`);
  });
});

describe("the generated model", () => {
  it("reaches every operation's input shape and compiles it", () => {
    assert.equal(Object.keys(operations).length, 153);
    for (const op of Object.keys(operations) as OperationName[]) {
      const input = operations[op].input;
      assert.ok(input, `${op} has no input`);
      assert.equal(shapes[input]?.type, "structure", `${op}: ${input}`);
      // an empty body either passes or fails with not-null items only
      try {
        validateInput(op, {});
      } catch (e) {
        assert.ok(e instanceof InvalidParameterException, `${op}: ${String(e)}`);
        for (const part of e.message.replace(/^\d+ validation errors? detected: /, "").split("; ")) {
          assert.match(part, /^Value null at '[a-z][A-Za-z0-9]*' failed to satisfy constraint: Member must not be null$/, op);
        }
      }
    }
    // every shape reference resolves
    for (const [name, s] of Object.entries(shapes)) {
      for (const ref of [...Object.values(s.members ?? {}), s.member, s.key, s.value]) {
        if (ref !== undefined) assert.ok(shapes[ref], `${name} -> ${ref}`);
      }
    }
  });

  it("compiles every pattern of the model (translated where Java differs)", () => {
    const patterns = new Set(Object.values(shapes).flatMap((s) => (s.pattern === undefined ? [] : [s.pattern])));
    assert.ok(patterns.size > 40);
    for (const p of patterns) {
      const source = patternTranslations[p] ?? p;
      assert.doesNotThrow(() => new RegExp(`^(?:${source})$`, "u"), p);
    }
    // the two that do not compile as-is under the u flag
    assert.equal(patternTranslations["(?s).*"], "[\\s\\S]*");
    assert.ok(new RegExp(`^(?:${patternTranslations["(?s).*"]})$`, "u").test("a\nb"));
    const arn = Object.keys(patternTranslations).find((p) => p.includes("secretsmanager"))!;
    assert.ok(!patternTranslations[arn]!.includes("\\:"));
    assert.ok(
      new RegExp(`^(?:${patternTranslations[arn]})$`, "u").test("arn:aws:secretsmanager:us-east-1:123456789012:secret/my-secret"),
    );
  });

  it("translates Java regex constructs with Java's meaning", () => {
    assert.deepEqual(translateJavaPattern("[\\w+]+"), { source: "[\\w+]+", notes: [] });
    assert.equal(translateJavaPattern("[\\S]+").source, "[^\\t\\n\\x0B\\f\\r ]+");
    assert.equal(translateJavaPattern("^https://[^\\s]+$").source, "^https://[^\\t\\n\\x0B\\f\\r ]+$");
    assert.equal(translateJavaPattern("a\\sb").source, "a[\\t\\n\\x0B\\f\\r ]b");
    assert.equal(translateJavaPattern(".x").source, "[^\\n\\r\\u0085\\u2028\\u2029]x");
    assert.equal(translateJavaPattern("\\pL+").source, "\\p{L}+");
    assert.equal(translateJavaPattern("[a\\S]").source, "(?:[^\\t\\n\\x0B\\f\\r ]|[a])");
    for (const bad of ["a++", "(?i)a", "[a[b]]", "[a&&b]", "\\Qx\\E", "[^\\S]"]) {
      assert.throws(() => translateJavaPattern(bad), UnsupportedPatternError, bad);
    }
  });

  it("is up to date with the vendored model", () => {
    const model = JSON.parse(readFileSync(MODEL_URL, "utf8")) as Model;
    const { source } = generate(model);
    assert.ok(source === readFileSync(GENERATED_URL, "utf8"), "run `npx tsx scripts/gen-model.ts`");
  });

  it("maps auth, errors and fault status from the model", () => {
    assert.equal(operations.ResendConfirmationCode.auth, "none");
    assert.equal(operations.SignUp.auth, "none");
    assert.equal(operations.AdminConfirmSignUp.auth, "iam");
    assert.ok(operations.ResendConfirmationCode.errors.includes("UserNotFoundException"));
    const e = new InvalidParameterException("bad", "INVALID_PARAMETER");
    assert.equal(e.reasonCode, "INVALID_PARAMETER");
    assert.equal(e.name, "InvalidParameterException");
    assert.ok(e instanceof Error && e instanceof CognitoError);
  });

  it("re-vendors from a wheel: reads the zip entry, gunzips, strips documentation", () => {
    const doc = { version: "2.0", documentation: "x", shapes: { A: { type: "string", documentation: "d" } }, operations: {} };
    const payload = gzipSync(Buffer.from(JSON.stringify(doc)));
    const zip = buildZip([
      { name: "botocore/__init__.py", data: Buffer.from("# x") },
      { name: "botocore/data/cognito-idp/2016-04-18/service-2.json.gz", data: payload },
    ]);
    const entry = readZipEntry(zip, (n) => n.endsWith("service-2.json.gz"));
    assert.ok(entry);
    assert.deepEqual(entry.data, payload);
    assert.deepEqual(stripDocumentation(JSON.parse(JSON.stringify(doc))), {
      version: "2.0",
      shapes: { A: { type: "string" } },
      operations: {},
    });
    assert.equal(readZipEntry(zip, (n) => n === "missing"), undefined);
  });
});

/** A minimal deflate zip writer, enough to exercise readZipEntry. */
function buildZip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const body = deflateRawSync(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
