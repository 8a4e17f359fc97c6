/** How stored records appear on the wire: epoch-second dates, attribute lists, pagination tokens. */
import { InvalidParameterException, type UserPoolClientType, type UserType } from "../generated/cognito-idp.js";
import { toAttributeList } from "../domain/attributes.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types.js";

export const seconds = (ms: number) => ms / 1000;

export const poolView = (p: PoolRecord, estimatedUsers?: number) => ({
  ...p.doc,
  LastModifiedDate: seconds(p.updatedAt),
  CreationDate: seconds(p.createdAt),
  ...(estimatedUsers === undefined ? {} : { EstimatedNumberOfUsers: estimatedUsers }),
});

export const clientView = (c: ClientRecord): UserPoolClientType => ({
  ...(c.doc as UserPoolClientType),
  ...(c.secret ? { ClientSecret: c.secret } : {}),
  LastModifiedDate: seconds(c.updatedAt),
  CreationDate: seconds(c.createdAt),
});

export const userView = (u: UserRecord, only?: string[]): UserType => ({
  Username: u.username,
  Attributes: toAttributeList({ sub: u.sub, ...u.attributes }, only),
  UserCreateDate: seconds(u.createdAt),
  UserLastModifiedDate: seconds(u.updatedAt),
  Enabled: u.enabled,
  UserStatus: u.status,
});

/** Pagination tokens are opaque to callers: the last key seen, base64url-encoded. */
export const encodeToken = (key: string | null) => (key === null ? undefined : Buffer.from(key, "utf8").toString("base64url"));
export function decodeToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const key = Buffer.from(token, "base64url").toString("utf8");
  if (encodeToken(key) !== token) throw new InvalidParameterException("Invalid pagination token.");
  return key;
}
