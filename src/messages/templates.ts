/**
 * Message texts as Cognito composes them: the pool's VerificationMessageTemplate (or the legacy fields, or the
 * defaults), optionally replaced by what a CustomMessage trigger returned, then `{####}`, `{username}` and, for
 * CONFIRM_WITH_LINK, `{##link text##}` substituted. Email gets a plain-text and an HTML rendering of the same text.
 */

/** Cognito's default verification texts, when the pool has no template. */
export const DEFAULT_VERIFICATION_MESSAGE = "Your verification code is {####}. ";
export const DEFAULT_VERIFICATION_SUBJECT = "Your verification code";

/**
 * Why a message is sent: the outbox's `purpose` column. Sign-up and resend may confirm with a link; the others
 * always carry a code (Cognito: "Emails from attribute-update and password-reset operations use the code template").
 */
export type MessagePurpose = "SIGN_UP" | "RESEND_CODE" | "FORGOT_PASSWORD" | "ADMIN_RESET" | "UPDATE_ATTRIBUTE" | "VERIFY_ATTRIBUTE";

/** The password-reset default text, used while the pool keeps Cognito's default verification template. */
export const DEFAULT_RESET_MESSAGE = "Your password reset code is {####}. ";
export const DEFAULT_RESET_SUBJECT = "Your password reset code";

/** Each purpose's default text (email message, subject; SMS uses the message), when the pool has no template of its own. */
export const DEFAULT_TEXTS: Record<MessagePurpose, { message: string; subject: string }> = {
  SIGN_UP: { message: DEFAULT_VERIFICATION_MESSAGE, subject: DEFAULT_VERIFICATION_SUBJECT },
  RESEND_CODE: { message: DEFAULT_VERIFICATION_MESSAGE, subject: DEFAULT_VERIFICATION_SUBJECT },
  FORGOT_PASSWORD: { message: DEFAULT_RESET_MESSAGE, subject: DEFAULT_RESET_SUBJECT },
  ADMIN_RESET: { message: DEFAULT_RESET_MESSAGE, subject: DEFAULT_RESET_SUBJECT },
  UPDATE_ATTRIBUTE: { message: DEFAULT_VERIFICATION_MESSAGE, subject: DEFAULT_VERIFICATION_SUBJECT },
  VERIFY_ATTRIBUTE: { message: DEFAULT_VERIFICATION_MESSAGE, subject: DEFAULT_VERIFICATION_SUBJECT },
};

/** Whether a purpose's email may confirm with a link (CONFIRM_WITH_LINK pools): only sign-up and its resend. */
export const linkPurpose = (p: MessagePurpose) => p === "SIGN_UP" || p === "RESEND_CODE";

export const DEFAULT_LINK_MESSAGE = "Please click the link below to verify your email address. {##Verify Email##} ";
export const DEFAULT_LINK_SUBJECT = "Your verification link";

export interface Composed { subject: string | null; body: string; html: string | null }

/** Texts a CustomMessage trigger returned; each still holds the `{####}` placeholder. */
export interface CustomTexts { smsMessage?: string; emailMessage?: string; emailSubject?: string }

export interface ComposeInput {
  pool: Record<string, any>;
  medium: "EMAIL" | "SMS";
  code: string;
  username: string;
  /** Needed for CONFIRM_WITH_LINK: this server's public base URL and the app client the request named. */
  link?: { publicUrl: string; clientId: string };
  custom?: CustomTexts;
  /** Default SIGN_UP. */
  purpose?: MessagePurpose;
}

/** One pass over the template, so a username that looks like a placeholder is never expanded again. */
/** A CONFIRM_WITH_LINK link placeholder, `{##link text##}`. */
export const LINK_PLACEHOLDER = /\{##([\s\S]*?)##\}/;
const PLACEHOLDER = new RegExp(`\\{####\\}|\\{username\\}|${LINK_PLACEHOLDER.source}`, "g");

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Cognito sends its email text as HTML; a template is taken as HTML when it uses a common HTML element. */
const HTML_TAG = /<\/?(a|abbr|b|big|blockquote|body|br|center|code|div|em|font|h[1-6]|head|hr|html|i|img|li|meta|ol|p|pre|small|span|strong|style|table|tbody|td|th|thead|title|tr|u|ul)(\s[^<>]*)?\/?>/i;
export const looksLikeHtml = (s: string) => HTML_TAG.test(s);

export function confirmLink(publicUrl: string, clientId: string, username: string, code: string): string {
  const q = new URLSearchParams({ client_id: clientId, user_name: username, confirmation_code: code });
  return `${publicUrl.replace(/\/+$/, "")}/confirmUser?${q}`;
}

interface Values { code: string; username: string; url?: string }

function fill(template: string, v: Values, literal: (s: string) => string, value: (s: string) => string, link: (label: string, url: string) => string) {
  let out = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += literal(template.slice(last, m.index));
    if (m[0] === "{####}") out += value(v.code);
    else if (m[0] === "{username}") out += value(v.username);
    else out += v.url ? link(m[1], v.url) : literal(m[0]);
    last = m.index! + m[0].length;
  }
  return out + literal(template.slice(last));
}

/** The plain-text rendering: links become `label <url>` (the RFC 3986 appendix C convention). */
export function renderText(template: string, v: Values): string {
  if (looksLikeHtml(template)) return htmlToText(renderHtmlFragment(template, v));
  return fill(template, v, (s) => s, (s) => s, (label, url) => `${label} <${url}>`);
}

function renderHtmlFragment(template: string, v: Values): string {
  const attr = (url: string) => escapeHtml(url);
  if (looksLikeHtml(template)) return fill(template, v, (s) => s, escapeHtml, (label, url) => `<a href="${attr(url)}">${label}</a>`);
  return fill(template, v, (s) => escapeHtml(s).replace(/\r?\n/g, "<br>\n"), escapeHtml,
    (label, url) => `<a href="${attr(url)}">${escapeHtml(label)}</a>`);
}

export function renderHtml(template: string, v: Values): string {
  const fragment = renderHtmlFragment(template, v);
  if (/<html[\s>]/i.test(fragment)) return fragment;
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<p>${fragment}</p>\n</body></html>\n`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    // The link's <url> is bracketed with control characters until the tags are gone.
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, url: string, label: string) => `${label} \u0001${url}\u0002`)
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/\u0001/g, "<").replace(/\u0002/g, ">")
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whether the pool sends a confirmation link instead of a code by email. */
export const confirmsWithLink = (pool: Record<string, any>) => pool.VerificationMessageTemplate?.DefaultEmailOption === "CONFIRM_WITH_LINK";

/**
 * The pool's template text, or the purpose's default where the pool keeps Cognito's default (DescribeUserPool shows
 * the default verification text for a pool created without a template, so an unchanged default means "none set").
 */
function own(value: string | undefined, generic: string, purposeDefault: string): string {
  return value === undefined || value === generic ? purposeDefault : value;
}

export function composeVerification(input: ComposeInput): Composed {
  const { pool, medium, code, username, custom } = input;
  const purpose = input.purpose ?? "SIGN_UP";
  const defaults = DEFAULT_TEXTS[purpose];
  const t = pool.VerificationMessageTemplate ?? {};
  if (medium === "SMS") {
    const template = custom?.smsMessage ?? own(t.SmsMessage ?? pool.SmsVerificationMessage, DEFAULT_VERIFICATION_MESSAGE, defaults.message);
    return { subject: null, body: renderText(template, { code, username }), html: null };
  }
  const link = linkPurpose(purpose) && confirmsWithLink(pool) && input.link;
  const url = link ? confirmLink(link.publicUrl, link.clientId, username, code) : undefined;
  const template = custom?.emailMessage ?? (link
    ? t.EmailMessageByLink ?? DEFAULT_LINK_MESSAGE
    : own(t.EmailMessage ?? pool.EmailVerificationMessage, DEFAULT_VERIFICATION_MESSAGE, defaults.message));
  const subject = custom?.emailSubject ?? (link
    ? t.EmailSubjectByLink ?? DEFAULT_LINK_SUBJECT
    : own(t.EmailSubject ?? pool.EmailVerificationSubject, DEFAULT_VERIFICATION_SUBJECT, defaults.subject));
  const v = { code, username, url };
  return { subject, body: renderText(template, v), html: renderHtml(template, v) };
}
