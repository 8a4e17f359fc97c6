/** User attributes: Cognito's standard schema, format checks, and the wire form `[{Name, Value}]`. */
import { InvalidParameterException } from "../generated/cognito-idp.js";

const STRING = (name: string, extra: Record<string, unknown> = {}) => ({
  Name: name, AttributeDataType: "String", DeveloperOnlyAttribute: false, Mutable: true, Required: false,
  StringAttributeConstraints: { MinLength: "0", MaxLength: "2048" }, ...extra,
});

/** The standard attributes every pool has, as DescribeUserPool lists them. */
export const STANDARD_SCHEMA: Record<string, unknown>[] = [
  STRING("sub", { Mutable: false, Required: true, StringAttributeConstraints: { MinLength: "1", MaxLength: "2048" } }),
  ...["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "email"].map((n) => STRING(n)),
  { Name: "email_verified", AttributeDataType: "Boolean", DeveloperOnlyAttribute: false, Mutable: true, Required: false },
  ...["gender", "birthdate", "zoneinfo", "locale", "phone_number"].map((n) =>
    STRING(n, n === "birthdate" ? { StringAttributeConstraints: { MinLength: "10", MaxLength: "10" } } : {})),
  { Name: "phone_number_verified", AttributeDataType: "Boolean", DeveloperOnlyAttribute: false, Mutable: true, Required: false },
  STRING("address"),
  { Name: "updated_at", AttributeDataType: "Number", DeveloperOnlyAttribute: false, Mutable: true, Required: false, NumberAttributeConstraints: { MinValue: "0" } },
  STRING("identities", { Mutable: true }),
];

export const STANDARD_NAMES = new Set(STANDARD_SCHEMA.map((a) => a.Name as string));

const EMAIL_RE = /^[^\s@]+@[^\s@]+$/u;
const PHONE_RE = /^\+[0-9]{4,15}$/;

export const isEmail = (v: string) => EMAIL_RE.test(v);
export const isPhone = (v: string) => PHONE_RE.test(v);

export type AttributeList = { Name: string; Value?: string }[];

/**
 * Turns SignUp's UserAttributes into a map, refusing names outside the pool's schema and malformed email or
 * phone values, with Cognito's messages.
 */
export function readAttributes(list: AttributeList | undefined, schemaNames: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) {
    if (!schemaNames.has(a.Name) || a.Name === "sub" || a.Name === "identities") {
      const why = a.Name === "sub" ? "A client attempted to write unauthorized attribute" : "Attribute does not exist in the schema.";
      throw new InvalidParameterException(`Attributes did not conform to the schema: ${a.Name}: ${why}`);
    }
    out[a.Name] = a.Value ?? "";
  }
  if (out.email !== undefined && !isEmail(out.email)) throw new InvalidParameterException("Invalid email address format.");
  if (out.phone_number !== undefined && !isPhone(out.phone_number)) throw new InvalidParameterException("Invalid phone number format.");
  return out;
}

export const toAttributeList = (attrs: Record<string, string>, only?: string[]) =>
  Object.entries(attrs)
    .filter(([k]) => !only || only.includes(k))
    .map(([Name, Value]) => ({ Name, Value }));
