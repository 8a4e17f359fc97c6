/**
 * Cognito's ListUsers filter, `attribute = "value"` (exact) or `attribute ^= "value"` (prefix), translated from
 * Cognito's words into the store's columns.
 */
import { InvalidParameterException } from "../generated/cognito-idp.js";
import type { UserColumn, UserFilter } from "../store/types.js";
import { keyOf } from "./pool.js";

const SYNTAX = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/u;

/** The searchable attributes that have a column of their own. */
const COLUMNS = new Map<string, UserColumn>([
  ["username", "username"], ["email", "emailKey"], ["phone_number", "phone"], ["sub", "sub"], ["cognito:user_status", "status"],
]);
/** The searchable attributes that live only in the attributes document. */
const DOCUMENT = new Set(["name", "given_name", "family_name", "preferred_username"]);

/** The store's filter for `filter` (none when it is absent or blank); `pool` is the pool's document. */
export function userFilter(filter: string | undefined, pool: Record<string, unknown>): UserFilter | undefined {
  if (filter === undefined || filter.trim() === "") return undefined;
  const m = SYNTAX.exec(filter);
  if (!m) throw new InvalidParameterException("Error while parsing filter.");
  const [, name, rawOp, raw] = m;
  const op = rawOp as "=" | "^=";
  const value = raw.replace(/\\(.)/g, "$1");
  // `status` is Enabled or Disabled; the user's status proper is `cognito:user_status`.
  if (name === "status") return { field: "enabled", value: value === "Enabled" };
  const column = COLUMNS.get(name);
  // Emails are stored as the pool compares them.
  if (column) return { field: column, op, value: column === "emailKey" ? keyOf(pool, value) : value };
  if (DOCUMENT.has(name)) return { field: "attribute", name, op, value };
  throw new InvalidParameterException(`Invalid search attribute: ${name}`);
}
