// test-stores: sqlite, postgres
/**
 * ResendConfirmationCode to a phone: a pool that auto-verifies phone_number sends the code by SMS, masked as
 * Cognito masks it (`+*******1234`), and the SMS code confirms the user; phone beats email when both are auto-verified.
 */
import {
  AdminGetUserCommand, ConfirmSignUpCommand, ResendConfirmationCodeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { maskPhone } from "../../src/domain/mask.js";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const PHONE = "+15555551234";
const SMS_DETAILS = { Destination: "+*******1234", DeliveryMedium: "SMS", AttributeName: "phone_number" };

describe("ResendConfirmationCode by SMS", () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  async function poolWith(auto: string[]) {
    const poolId = await createPool(s, { AutoVerifiedAttributes: auto as never });
    const { clientId } = await createClient(s, poolId);
    const resend = (Username: string) => s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username }));
    const confirm = (Username: string, ConfirmationCode: string) =>
      s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode }));
    const user = async (Username: string) => {
      const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }));
      return { status: u.UserStatus, attrs: Object.fromEntries(u.UserAttributes!.map((a) => [a.Name, a.Value])) };
    };
    return { poolId, clientId, resend, confirm, user };
  }

  test("the mask keeps the plus and the last four digits", () => {
    assert.equal(maskPhone(PHONE), "+*******1234");
    assert.equal(maskPhone("+447700900123"), "+********0123");
  });

  test("phone-only user in a phone-verifying pool: SMS details, SMS message, and its code confirms", async () => {
    const p = await poolWith(["phone_number"]);
    const up = await signUp(s, p.clientId, "paul", { phone_number: PHONE });
    assert.deepEqual(up.CodeDeliveryDetails, SMS_DETAILS);
    assert.equal(up.UserConfirmed, false);
    const [first] = await s.inbox({ poolId: p.poolId, username: "paul" }, 1);

    const out = await p.resend("paul");
    assert.deepEqual(out.CodeDeliveryDetails, SMS_DETAILS);

    const messages = await s.inbox({ poolId: p.poolId, username: "paul" }, 2);
    assert.equal(messages.length, 2);
    const [newest] = messages;
    assert.equal(newest.channel, "SMS");
    assert.equal(newest.to, PHONE);
    assert.equal(newest.subject, null);
    assert.equal(newest.purpose, "RESEND_CODE");
    assert.equal(newest.status, "sent");
    assert.match(newest.code!, /^\d{6}$/);
    assert.ok(newest.body.includes(newest.code!), `the SMS body carries the code: ${newest.body}`);
    assert.equal(first.channel, "SMS");
    assert.ok(s.printed.includes(`code ${newest.code} for paul (${PHONE})`), "dev mode prints the code with the phone number");
    // Reachable by the phone number filter too.
    assert.deepEqual((await s.inbox({ to: PHONE })).map((m) => m.id).slice(0, 1), [newest.id]);

    // The resent code supersedes the sign-up one.
    if (first.code !== newest.code) {
      await rejectsWith(p.confirm("paul", first.code!), "CodeMismatchException", "Invalid verification code provided, please try again.");
    }
    await p.confirm("paul", newest.code!);
    const u = await p.user("paul");
    assert.equal(u.status, "CONFIRMED");
    assert.equal(u.attrs.phone_number_verified, "true");
    assert.equal(u.attrs.email, undefined);
    await rejectsWith(p.resend("paul"), "InvalidParameterException", "User is already confirmed.");
  });

  test("email and phone both auto-verified, user with both: the code goes by SMS and verifies the phone only", async () => {
    const p = await poolWith(["email", "phone_number"]);
    const up = await signUp(s, p.clientId, "bea", { email: "bea@example.com", phone_number: PHONE });
    assert.deepEqual(up.CodeDeliveryDetails, SMS_DETAILS);
    const out = await p.resend("bea");
    assert.deepEqual(out.CodeDeliveryDetails, SMS_DETAILS);
    const messages = await s.inbox({ poolId: p.poolId, username: "bea" }, 2);
    assert.equal(messages.length, 2);
    assert.deepEqual(messages.map((m) => [m.channel, m.to]), [["SMS", PHONE], ["SMS", PHONE]], "nothing went to the email address");
    assert.deepEqual(await s.inbox({ poolId: p.poolId, to: "bea@example.com" }), []);
    await p.confirm("bea", messages[0].code!);
    const u = await p.user("bea");
    assert.equal(u.status, "CONFIRMED");
    assert.equal(u.attrs.phone_number_verified, "true");
    assert.notEqual(u.attrs.email_verified, "true");
  });

  test("the same order whichever way AutoVerifiedAttributes lists them; an email-only user still gets email", async () => {
    const p = await poolWith(["phone_number", "email"]);
    await signUp(s, p.clientId, "ria", { email: "ria@example.com", phone_number: "+447700900123" });
    assert.deepEqual((await p.resend("ria")).CodeDeliveryDetails,
      { Destination: "+********0123", DeliveryMedium: "SMS", AttributeName: "phone_number" });
    await signUp(s, p.clientId, "eve", { email: "eve@example.com" });
    assert.deepEqual((await p.resend("eve")).CodeDeliveryDetails, { Destination: "e***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const [m] = await s.inbox({ poolId: p.poolId, username: "eve" }, 2);
    assert.equal(m.channel, "EMAIL");
    await p.confirm("eve", m.code!);
    assert.equal((await p.user("eve")).attrs.email_verified, "true");
  });

  test("a phone-verifying pool and a user without a phone number: nothing to resend to", async () => {
    const p = await poolWith(["phone_number"]);
    const up = await signUp(s, p.clientId, "nell", { email: "nell@example.com" });
    assert.equal(up.CodeDeliveryDetails, undefined);
    await rejectsWith(p.resend("nell"), "InvalidParameterException", "User has no attribute matching desired auto verified attributes.");
    assert.deepEqual(await s.inbox({ poolId: p.poolId, username: "nell" }), []);
  });
});
