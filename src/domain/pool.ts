/**
 * A user pool's settings as DescribeUserPool shows them: built from CreateUserPool/UpdateUserPool input with
 * Cognito's defaults, plus the accessors the lifecycle needs.
 */
import { InvalidParameterException } from "../generated/cognito-idp.js";
import { isEmail, isPhone, STANDARD_NAMES, STANDARD_SCHEMA } from "./attributes.js";
import type { PasswordPolicy } from "./passwords.js";
import { DEFAULT_VERIFICATION_MESSAGE, DEFAULT_VERIFICATION_SUBJECT } from "../messages/templates.js";

type Doc = Record<string, any>;

const DEFAULT_POLICY = {
  MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/** What UpdateUserPool cannot change; every other setting it omits goes back to its default, as in Cognito. */
const IMMUTABLE = ["Id", "Name", "SchemaAttributes", "AliasAttributes", "UsernameAttributes", "UsernameConfiguration", "Arn"];

function settings(input: Doc): Doc {
  const vmt = input.VerificationMessageTemplate ?? {};
  if (vmt.EmailMessage && vmt.EmailMessageByLink) {
    throw new InvalidParameterException("EmailMessage and EmailMessageByLink cannot both be specified.");
  }
  const emailMessage = vmt.EmailMessage ?? input.EmailVerificationMessage ?? DEFAULT_VERIFICATION_MESSAGE;
  const emailSubject = vmt.EmailSubject ?? input.EmailVerificationSubject ?? DEFAULT_VERIFICATION_SUBJECT;
  const smsMessage = vmt.SmsMessage ?? input.SmsVerificationMessage ?? DEFAULT_VERIFICATION_MESSAGE;
  return {
    Policies: { PasswordPolicy: { ...DEFAULT_POLICY, ...(input.Policies?.PasswordPolicy ?? {}) }, SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD"] } },
    DeletionProtection: input.DeletionProtection ?? "INACTIVE",
    LambdaConfig: input.LambdaConfig ?? {},
    AutoVerifiedAttributes: input.AutoVerifiedAttributes,
    SmsVerificationMessage: smsMessage,
    EmailVerificationMessage: emailMessage,
    EmailVerificationSubject: emailSubject,
    VerificationMessageTemplate: {
      SmsMessage: smsMessage, EmailMessage: emailMessage, EmailSubject: emailSubject,
      ...(vmt.EmailMessageByLink ? { EmailMessageByLink: vmt.EmailMessageByLink } : {}),
      ...(vmt.EmailSubjectByLink ? { EmailSubjectByLink: vmt.EmailSubjectByLink } : {}),
      DefaultEmailOption: vmt.DefaultEmailOption ?? "CONFIRM_WITH_CODE",
    },
    SmsAuthenticationMessage: input.SmsAuthenticationMessage ?? "Your authentication code is {####}. ",
    UserAttributeUpdateSettings: input.UserAttributeUpdateSettings ?? { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: input.MfaConfiguration ?? "OFF",
    DeviceConfiguration: input.DeviceConfiguration,
    EmailConfiguration: input.EmailConfiguration ?? { EmailSendingAccount: "COGNITO_DEFAULT" },
    SmsConfiguration: input.SmsConfiguration,
    UserPoolTags: input.UserPoolTags ?? {},
    AdminCreateUserConfig: input.AdminCreateUserConfig ?? { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 },
    UserPoolAddOns: input.UserPoolAddOns,
    AccountRecoverySetting: input.AccountRecoverySetting,
    UserPoolTier: input.UserPoolTier ?? "ESSENTIALS",
  };
}

const clean = (d: Doc): Doc => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));

export function buildPoolDoc(input: Doc, id: string, arn: string): Doc {
  if (input.AliasAttributes && input.UsernameAttributes) {
    throw new InvalidParameterException("Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
  }
  const custom = (input.Schema ?? []).map((a: Doc) => {
    if (STANDARD_NAMES.has(a.Name)) return null;
    return clean({
      Name: `custom:${a.Name}`, AttributeDataType: a.AttributeDataType ?? "String", DeveloperOnlyAttribute: a.DeveloperOnlyAttribute ?? false,
      Mutable: a.Mutable ?? true, Required: false, StringAttributeConstraints: a.StringAttributeConstraints, NumberAttributeConstraints: a.NumberAttributeConstraints,
    });
  }).filter(Boolean);
  const required = new Set((input.Schema ?? []).filter((a: Doc) => STANDARD_NAMES.has(a.Name) && a.Required).map((a: Doc) => a.Name));
  const standard = STANDARD_SCHEMA.map((a) => (required.has(a.Name) ? { ...a, Required: true } : a));
  return clean({
    Id: id,
    Name: input.PoolName,
    ...settings(input),
    SchemaAttributes: [...standard, ...custom],
    AliasAttributes: input.AliasAttributes,
    UsernameAttributes: input.UsernameAttributes,
    UsernameConfiguration: input.UsernameConfiguration ?? { CaseSensitive: true },
    Arn: arn,
  });
}

/** UpdateUserPool: immutable settings stay; updatable ones are replaced, omitted ones reset to defaults. */
export function updatePoolDoc(current: Doc, input: Doc): Doc {
  const keep = Object.fromEntries(IMMUTABLE.filter((k) => current[k] !== undefined).map((k) => [k, current[k]]));
  return clean({ ...keep, ...settings(input), Name: input.PoolName ?? current.Name });
}

export const autoVerified = (pool: Doc): string[] => pool.AutoVerifiedAttributes ?? [];
export const usernameAttributes = (pool: Doc): string[] => pool.UsernameAttributes ?? [];
export const aliasAttributes = (pool: Doc): string[] => pool.AliasAttributes ?? [];
export const caseSensitive = (pool: Doc): boolean => pool.UsernameConfiguration?.CaseSensitive !== false;
export const passwordPolicy = (pool: Doc): PasswordPolicy => pool.Policies?.PasswordPolicy ?? DEFAULT_POLICY;
export const schemaNames = (pool: Doc): Set<string> => new Set((pool.SchemaAttributes ?? []).map((a: Doc) => a.Name));

/** How the pool compares usernames (and emails): lower-cased when case-insensitive. */
export const keyOf = (pool: Doc, value: string) => (caseSensitive(pool) ? value : value.toLowerCase());

/**
 * The username a new user gets (SignUp, AdminCreateUser). In an email/phone-as-username pool the name given must be
 * an address: it becomes the `email` or `phone_number` attribute (set in `attributes`) and the username is the sub.
 */
export function newUsername(doc: Doc, name: string, attributes: Record<string, string>, sub: string): string {
  const byAttribute = usernameAttributes(doc);
  if (!byAttribute.length) return name;
  const asEmail = byAttribute.includes("email") && isEmail(name);
  const asPhone = !asEmail && byAttribute.includes("phone_number") && isPhone(name);
  if (!asEmail && !asPhone) {
    throw new InvalidParameterException(byAttribute.length === 2 ? "Username should be either an email or a phone number."
      : byAttribute[0] === "email" ? "Username should be an email." : "Username should be a phone number.");
  }
  if (asEmail) attributes.email = name;
  if (asPhone) attributes.phone_number = name;
  return sub;
}
