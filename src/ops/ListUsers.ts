/**
 * ListUsers (IAM) with Cognito's filter syntax: `attribute = "value"` (exact) or `attribute ^= "value"` (prefix).
 */
import { InvalidParameterException, type ListUsersRequest, type ListUsersResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { keyOf } from "../domain/pool.js";
import type { UserQuery } from "../store/types.js";
import type { Deps, Handler } from "./deps.js";
import { decodeToken, encodeToken, userView } from "./views.js";

const SEARCHABLE = new Set(["username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username", "cognito:user_status", "status", "sub"]);
const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/u;

export function parseFilter(filter: string | undefined): UserQuery["filter"] {
  if (filter === undefined || filter.trim() === "") return undefined;
  const m = FILTER.exec(filter);
  if (!m) throw new InvalidParameterException("Error while parsing filter.");
  const [, field, op, raw] = m;
  if (!SEARCHABLE.has(field)) throw new InvalidParameterException(`Invalid search attribute: ${field}`);
  return { field, op: op as "=" | "^=", value: raw.replace(/\\(.)/g, "$1") };
}

export default ({ store }: Pick<Deps, "store">): Handler<ListUsersRequest, ListUsersResponse> => async (input) => {
  const pool = await loadPool(store, input.UserPoolId);
  const filter = parseFilter(input.Filter);
  // Usernames and emails are stored as the pool compares them.
  if (filter?.field === "email") filter.value = keyOf(pool.doc, filter.value);
  // Limit 0 (the model allows it) pages as if absent: a page of no users has no last one to go on from.
  const page = await store.listUsers(pool.id, { filter, limit: input.Limit || 60, after: decodeToken(input.PaginationToken) });
  return {
    Users: page.items.map((u) => userView(u, input.AttributesToGet)),
    PaginationToken: encodeToken(page.next),
  };
};
