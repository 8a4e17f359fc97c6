/**
 * The hosted pages, as Cognito's classic hosted UI has them: `/login`, `/signup`, `/confirm` (with `/resendcode`),
 * `/forgotPassword`, `/confirmForgotPassword`, and the new password a user with a temporary one must choose
 * (`/forceChangePassword`). Each page takes the authorization request's parameters in its query (as /oauth2/authorize
 * hands them over) and carries them on, so that signing in ends with the redirect to the app.
 *
 * Every action calls the API's operations through the one `invoke` (InitiateAuth, RespondToAuthChallenge, SignUp,
 * ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword), so the per-IP limit, validation,
 * SecretHash (computed here for a client with a secret, as the confirmation link does), PreventUserExistenceErrors,
 * lockout and triggers hold as they do for the API; the pages show Cognito's messages.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { secretHash } from "../../domain/secret-hash.js";
import { CognitoError, type OperationName } from "../../generated/cognito-idp.js";
import { readBody } from "../../protocol/http.js";
import type { Invoke } from "../../protocol/invoke.js";
import { checkAuthorizeRequest, completeAuthorization, redirect, type AuthorizeRequest } from "../oauth/authorize.js";
import type { OAuthDeps } from "../oauth/token.js";
import { buttonForm, errorPage, form, renderPage, type Field } from "./layout.js";
import { csrfFor, csrfValid, signedIn, startSession } from "./session.js";

export interface HostedDeps extends OAuthDeps {
  invoke: Invoke;
  /** The client's address, as the per-IP limit counts it. */
  sourceIp: (req: IncomingMessage) => string;
}

interface Ctx {
  deps: HostedDeps;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  r: AuthorizeRequest;
  /** `?<the authorization request>`, for every form action and link. */
  q: string;
  csrf: string;
  cookies: string[];
  form: Map<string, string>;
}

const FORM_LIMIT = 16 * 1024;

async function readPageForm(req: IncomingMessage): Promise<Map<string, string> | undefined> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return undefined;
  const body = await readBody(req, FORM_LIMIT);
  if (!body) return undefined;
  const out = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) if (!out.has(k)) out.set(k, v);
  return out;
}

function call(c: Ctx, operation: OperationName, input: Record<string, unknown>) {
  return c.deps.invoke(operation, input, { requestId: randomUUID(), sourceIp: c.deps.sourceIp(c.req), frontDoor: "hosted-ui" });
}

/** The SecretHash the app would send: the pages stand in for it (a client with a secret cannot run in a browser). */
const withSecret = (c: Ctx, username: string, input: Record<string, unknown>, member = "SecretHash") =>
  c.r.client.secret ? { ...input, [member]: secretHash(c.r.client.secret, username, c.r.client.id) } : input;

/** Cognito's error for the page, or rethrows a server fault. */
function cognitoMessage(err: unknown): { type: string; message: string } {
  if (err instanceof CognitoError && err.statusCode < 500) return { type: err.type, message: err.message };
  throw err;
}

const appName = (c: Ctx) => c.r.client.name;
const page = (c: Ctx, title: string, heading: string, body: string, o: { error?: string; notice?: string; status?: number } = {}) =>
  renderPage(c.res, { title, appName: appName(c), heading, body, cookies: c.cookies, lang: langOf(c), ...o });
const langOf = (c: Ctx) => {
  const l = c.r.query.get("lang");
  return l && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l) ? l : "en";
};

// ---- the pages' bodies

function loginBody(c: Ctx, username = ""): string {
  return `${form({
    action: `/login${c.q}`, csrf: c.csrf, submit: "Sign in",
    fields: [
      { name: "username", label: "Username", value: username, autocomplete: "username" },
      { name: "password", label: "Password", type: "password", autocomplete: "current-password" },
    ],
  }).replace('<button type="submit"', `<p class="aside"><a href="/forgotPassword${c.q}" id="forgot-password">Forgot your password?</a></p><button type="submit"`)}
<div class="links"><p>Need an account? <a href="/signup${c.q}" id="sign-up">Sign up</a></p></div>`;
}

const showLogin = (c: Ctx, o: { error?: string; notice?: string; status?: number; username?: string } = {}) =>
  page(c, "Signin", "Sign in with your username and password", loginBody(c, o.username), o);

/** The attributes the sign-up form asks for: the pool's required ones and the ones it verifies. */
function signUpFields(c: Ctx, values: Map<string, string>): Field[] {
  const doc = c.r.pool.doc as Record<string, any>;
  const usernameAttrs: string[] = doc.UsernameAttributes ?? [];
  const wanted = new Set<string>();
  for (const a of (doc.SchemaAttributes as { Name: string; Required?: boolean }[] | undefined) ?? []) if (a.Required && a.Name !== "sub") wanted.add(a.Name);
  for (const a of (doc.AutoVerifiedAttributes as string[] | undefined) ?? []) wanted.add(a);
  const usernameLabel = usernameAttrs.includes("email") ? "Email" : usernameAttrs.includes("phone_number") ? "Phone number" : "Username";
  const fields: Field[] = [{ name: "username", label: usernameLabel, value: values.get("username") ?? "", autocomplete: "username", type: usernameAttrs.includes("email") ? "email" : "text" }];
  for (const a of wanted) {
    if (usernameAttrs.includes(a)) continue;
    const label = a === "email" ? "Email" : a === "phone_number" ? "Phone number" : a.replace(/^custom:/, "").replace(/_/g, " ").replace(/^./, (x) => x.toUpperCase());
    fields.push({
      name: `requiredAttributes[${a}]`, label, value: values.get(`requiredAttributes[${a}]`) ?? "",
      type: a === "email" ? "email" : a === "phone_number" ? "tel" : "text",
      autocomplete: a === "email" ? "email" : a === "phone_number" ? "tel" : undefined,
      hint: a === "phone_number" ? "With the country code, e.g. +12065551234" : undefined,
    });
  }
  fields.push({ name: "password", label: "Password", type: "password", autocomplete: "new-password" });
  return fields;
}

const showSignUp = (c: Ctx, o: { error?: string; status?: number } = {}) => page(c, "Signup", "Sign up with a new account",
  `${form({ action: `/signup${c.q}`, csrf: c.csrf, submit: "Sign up", fields: signUpFields(c, c.form) })}
<div class="links"><p>Already have an account? <a href="/login${c.q}" id="sign-in">Sign in</a></p></div>`, o);

function showConfirm(c: Ctx, username: string, o: { error?: string; notice?: string; status?: number } = {}) {
  const fields: Field[] = [];
  if (!username) fields.push({ name: "username", label: "Username", autocomplete: "username" });
  fields.push({ name: "code", label: "Verification Code", autocomplete: "one-time-code" });
  page(c, "Confirm", "Confirm your account", `${form({
    action: `/confirm${c.q}`, csrf: c.csrf, submit: "Confirm Account", fields, hidden: username ? { username } : {},
  })}
<div class="links">${username ? `<p>Didn't receive a code? ${buttonForm(`/resendcode${c.q}`, c.csrf, "Send a new code", { username })}</p>` : ""}
<p><a href="/login${c.q}">Back to sign in</a></p></div>`, o);
}

const showForgot = (c: Ctx, o: { error?: string; notice?: string; status?: number } = {}) => page(c, "Forgot password", "Forgot your password?",
  `<p class="muted">Enter your Username below and we will send a message to reset your password</p>
${form({ action: `/forgotPassword${c.q}`, csrf: c.csrf, submit: "Reset my password", fields: [{ name: "username", label: "Username", value: c.form.get("username") ?? "", autocomplete: "username" }] })}
<div class="links"><p><a href="/login${c.q}">Back to sign in</a></p></div>`, o);

const showConfirmForgot = (c: Ctx, username: string, o: { error?: string; notice?: string; status?: number } = {}) => page(c, "Reset password", "Reset your password",
  form({
    action: `/confirmForgotPassword${c.q}`, csrf: c.csrf, submit: "Change Password", hidden: { username },
    fields: [
      { name: "code", label: "Code", autocomplete: "one-time-code" },
      { name: "password", label: "New Password", type: "password", autocomplete: "new-password" },
      { name: "confirmPassword", label: "Enter New Password Again", type: "password", autocomplete: "new-password" },
    ],
  }), o);

function showNewPassword(c: Ctx, session: string, username: string, required: string[], o: { error?: string; status?: number } = {}) {
  const fields: Field[] = [
    { name: "password", label: "New Password", type: "password", autocomplete: "new-password" },
    { name: "confirmPassword", label: "Enter New Password Again", type: "password", autocomplete: "new-password" },
    ...required.map((a) => ({ name: `requiredAttributes[${a}]`, label: a.replace(/_/g, " ").replace(/^./, (x) => x.toUpperCase()), value: c.form.get(`requiredAttributes[${a}]`) ?? "" })),
  ];
  page(c, "Change password", "Change Password", `<p class="muted">Please enter a new password.</p>
${form({ action: `/forceChangePassword${c.q}`, csrf: c.csrf, submit: "Send", fields, hidden: { session, username, requiredAttributes: required.join(",") } })}`, o);
}

const sentNotice = (d: { DeliveryMedium?: string; Destination?: string } | undefined, what: string) =>
  d?.Destination ? `We have sent ${what} by ${d.DeliveryMedium === "SMS" ? "SMS" : "email"} to ${d.Destination}.` : undefined;

// ---- signing in

/** After a sign-in through the pages: start the session, and go back to the app with a code (or tokens). */
async function finishSignIn(c: Ctx, accessToken: string) {
  const { decodeJwt } = await import("jose");
  const claims = decodeJwt(accessToken);
  // These tokens were issued to the pages, never handed out: their sign-in is revoked, the app gets its own tokens.
  if (typeof claims.origin_jti === "string") await c.deps.store.revokeTokenOrigin(claims.origin_jti, c.deps.clock.now());
  const user = await c.deps.store.getUserBySub(c.r.pool.id, String(claims.sub));
  if (!user) return showLogin(c, { error: "User does not exist." });
  const { setCookie, authTime } = await startSession(c.deps, c.r.pool, user);
  redirect(c.res, await completeAuthorization(c.deps, c.r, user, authTime), [...c.cookies, setCookie]);
}

type ChallengeResult = { ChallengeName?: string; Session?: string; ChallengeParameters?: Record<string, string>; AuthenticationResult?: { AccessToken?: string } };

async function afterAuth(c: Ctx, out: ChallengeResult, username: string) {
  if (out.AuthenticationResult?.AccessToken) return finishSignIn(c, out.AuthenticationResult.AccessToken);
  if (out.ChallengeName === "NEW_PASSWORD_REQUIRED" && out.Session) {
    const required = (JSON.parse(out.ChallengeParameters?.requiredAttributes ?? "[]") as string[]).map((a) => a.replace(/^userAttributes\./, ""));
    return showNewPassword(c, out.Session, out.ChallengeParameters?.USER_ID_FOR_SRP ?? username, required);
  }
  showLogin(c, { error: `This sign-in needs a step the hosted pages do not offer (${out.ChallengeName}).`, username });
}

async function postLogin(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  const password = c.form.get("password") ?? "";
  if (!username) return showLogin(c, { error: "Missing required parameter USERNAME" });
  if (!password) return showLogin(c, { error: "Missing required parameter PASSWORD", username });
  let out: ChallengeResult;
  try {
    out = (await call(c, "InitiateAuth", {
      AuthFlow: "USER_PASSWORD_AUTH", ClientId: c.r.client.id,
      AuthParameters: withSecret(c, username, { USERNAME: username, PASSWORD: password }, "SECRET_HASH"),
    })) as ChallengeResult;
  } catch (err) {
    const m = cognitoMessage(err);
    if (m.type === "UserNotConfirmedException") return showConfirm(c, username, { error: m.message });
    if (m.type === "PasswordResetRequiredException") {
      c.form.set("username", username);
      return showForgot(c, { error: m.message });
    }
    return showLogin(c, { error: m.message, username });
  }
  return afterAuth(c, out, username);
}

async function postNewPassword(c: Ctx) {
  const session = c.form.get("session") ?? "";
  const username = c.form.get("username") ?? "";
  const required = (c.form.get("requiredAttributes") ?? "").split(",").filter(Boolean);
  const password = c.form.get("password") ?? "";
  if (password !== (c.form.get("confirmPassword") ?? "")) return showNewPassword(c, session, username, required, { error: "Passwords do not match." });
  const responses: Record<string, string> = { USERNAME: username, NEW_PASSWORD: password };
  for (const a of required) {
    const v = c.form.get(`requiredAttributes[${a}]`);
    if (v) responses[`userAttributes.${a}`] = v;
  }
  let out: ChallengeResult;
  try {
    out = (await call(c, "RespondToAuthChallenge", {
      ChallengeName: "NEW_PASSWORD_REQUIRED", ClientId: c.r.client.id, Session: session,
      ChallengeResponses: withSecret(c, username, responses, "SECRET_HASH"),
    })) as ChallengeResult;
  } catch (err) {
    const m = cognitoMessage(err);
    if (m.type === "NotAuthorizedException") return showLogin(c, { error: m.message, username });
    return showNewPassword(c, session, username, required, { error: m.message });
  }
  return afterAuth(c, out, username);
}

// ---- signing up and confirming

async function postSignUp(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  const password = c.form.get("password") ?? "";
  const attributes: { Name: string; Value: string }[] = [];
  for (const [k, v] of c.form) {
    const m = /^requiredAttributes\[([\w:]+)\]$/.exec(k);
    if (m && v.trim()) attributes.push({ Name: m[1], Value: v.trim() });
  }
  if (!username) return showSignUp(c, { error: "Username cannot be empty" });
  let out: { UserConfirmed?: boolean; CodeDeliveryDetails?: { DeliveryMedium?: string; Destination?: string } };
  try {
    out = (await call(c, "SignUp", withSecret(c, username, { ClientId: c.r.client.id, Username: username, Password: password, UserAttributes: attributes }))) as typeof out;
  } catch (err) {
    return showSignUp(c, { error: cognitoMessage(err).message });
  }
  if (out.UserConfirmed) return showLogin(c, { notice: "Your account is confirmed. Sign in.", username });
  showConfirm(c, username, { notice: sentNotice(out.CodeDeliveryDetails, "a code") ?? "Your account must be confirmed before you can sign in." });
}

async function postConfirm(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  const code = (c.form.get("code") ?? "").trim();
  try {
    await call(c, "ConfirmSignUp", withSecret(c, username, { ClientId: c.r.client.id, Username: username, ConfirmationCode: code }));
  } catch (err) {
    return showConfirm(c, username, { error: cognitoMessage(err).message });
  }
  showLogin(c, { notice: "Your account is confirmed. Sign in.", username });
}

async function postResend(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  let out: { CodeDeliveryDetails?: { DeliveryMedium?: string; Destination?: string } };
  try {
    out = (await call(c, "ResendConfirmationCode", withSecret(c, username, { ClientId: c.r.client.id, Username: username }))) as typeof out;
  } catch (err) {
    return showConfirm(c, username, { error: cognitoMessage(err).message });
  }
  showConfirm(c, username, { notice: sentNotice(out.CodeDeliveryDetails, "a new code") ?? "A new code is on its way." });
}

// ---- forgotten passwords

async function postForgot(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  if (!username) return showForgot(c, { error: "Username cannot be empty" });
  let out: { CodeDeliveryDetails?: { DeliveryMedium?: string; Destination?: string } };
  try {
    out = (await call(c, "ForgotPassword", withSecret(c, username, { ClientId: c.r.client.id, Username: username }))) as typeof out;
  } catch (err) {
    return showForgot(c, { error: cognitoMessage(err).message });
  }
  showConfirmForgot(c, username, { notice: sentNotice(out.CodeDeliveryDetails, "a password reset code") ?? "If the account exists, a password reset code is on its way." });
}

async function postConfirmForgot(c: Ctx) {
  const username = (c.form.get("username") ?? "").trim();
  const password = c.form.get("password") ?? "";
  if (password !== (c.form.get("confirmPassword") ?? "")) return showConfirmForgot(c, username, { error: "Passwords do not match." });
  try {
    await call(c, "ConfirmForgotPassword", withSecret(c, username, {
      ClientId: c.r.client.id, Username: username, ConfirmationCode: (c.form.get("code") ?? "").trim(), Password: password,
    }));
  } catch (err) {
    return showConfirmForgot(c, username, { error: cognitoMessage(err).message });
  }
  showLogin(c, { notice: "Your password has been changed. Sign in with your new password.", username });
}

// ---- the route table of the pages

const GETS: Record<string, (c: Ctx) => unknown> = {
  "/login": async (c) => {
    const s = await signedIn(c.deps, c.req, c.r.pool);
    if (s) return redirect(c.res, await completeAuthorization(c.deps, c.r, s.user, s.authTime), c.cookies);
    showLogin(c);
  },
  "/signup": (c) => showSignUp(c),
  "/confirm": (c) => showConfirm(c, (c.url.searchParams.get("username") ?? "").trim()),
  "/forgotPassword": (c) => showForgot(c),
};

const POSTS: Record<string, (c: Ctx) => Promise<unknown>> = {
  "/login": postLogin,
  "/forceChangePassword": postNewPassword,
  "/signup": postSignUp,
  "/confirm": postConfirm,
  "/resendcode": postResend,
  "/forgotPassword": postForgot,
  "/confirmForgotPassword": postConfirmForgot,
};

/** Serves a hosted page; false when the method and path are not one. */
export async function hostedPage(deps: HostedDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const handler = req.method === "GET" ? GETS[url.pathname] : req.method === "POST" ? POSTS[url.pathname] : undefined;
  if (!handler) return false;
  const checked = await checkAuthorizeRequest(deps, url.searchParams, req.headers.host);
  if (!checked.ok) {
    if ("page" in checked) errorPage(res, checked.page);
    else redirect(res, checked.redirect);
    return true;
  }
  const { token, setCookie } = csrfFor(deps, req);
  const c: Ctx = {
    deps, req, res, url, r: checked.request, q: `?${checked.request.query}`, csrf: token, cookies: setCookie ? [setCookie] : [], form: new Map(),
  };
  if (req.method === "POST") {
    const body = await readPageForm(req);
    if (!body) {
      errorPage(res, { error: "invalid_request", description: "The form must be sent as application/x-www-form-urlencoded, within 16 KB." });
      return true;
    }
    if (!csrfValid(deps, req, body.get("_csrf"))) {
      errorPage(res, { error: "invalid_csrf", description: "This form has expired or did not come from this page. Go back, reload the page and try again." }, 403);
      return true;
    }
    c.form = body;
  }
  await handler(c);
  return true;
}
