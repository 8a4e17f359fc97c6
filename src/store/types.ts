/**
 * The storage contract: small repositories composed into one `Store`.
 * Every adapter (SQLite, PostgreSQL) implements it and passes the same conformance suite.
 */
export type UserStatus = "UNCONFIRMED" | "CONFIRMED" | "RESET_REQUIRED" | "FORCE_CHANGE_PASSWORD";

export interface PoolRecord {
  id: string;
  name: string;
  /** The pool as DescribeUserPool returns it (dates excluded; they come from the columns). */
  doc: Record<string, unknown>;
  /** The pool's RS256 private key as a JWK (includes `kid`). */
  signingKey: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface ClientRecord {
  id: string;
  poolId: string;
  name: string;
  secret: string | null;
  /** The client as DescribeUserPoolClient returns it (dates and secret excluded). */
  doc: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord {
  poolId: string;
  /** The username as the pool compares it: lower-cased when the pool is case-insensitive. */
  usernameKey: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  passwordHash: string | null;
  attributes: Record<string, string>;
  /** The email as the pool compares it (lower-cased when case-insensitive), for lookups. */
  emailKey: string | null;
  phone: string | null;
  createdAt: number;
  updatedAt: number;
}

/** A user pool group (CreateGroup). `precedence` null: none set (after every number in a user's tokens). */
export interface GroupRecord {
  poolId: string;
  name: string;
  description: string | null;
  roleArn: string | null;
  precedence: number | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * What a stored code is for: sign-up confirmation, a password reset (ForgotPassword, AdminResetUserPassword), or
 * the verification of one attribute (its own code per attribute).
 */
export type CodePurpose = "SIGN_UP" | "FORGOT_PASSWORD" | "VERIFY_EMAIL" | "VERIFY_PHONE_NUMBER";

export interface CodeRecord {
  poolId: string;
  usernameKey: string;
  purpose: CodePurpose;
  codeHmac: string;
  /** The attribute the code was delivered to: `email` or `phone_number`. */
  attribute: string;
  expiresAt: number;
  createdAt: number;
}

/**
 * Where a message is (docs/delivery.md): waiting (`queued`), being sent (`processing`), or done: `sent`,
 * `superseded` (a newer message for the same user and purpose was written before it went out), `expired` (what it
 * carries stopped being valid before it could be delivered), `failed` (refused for good, or out of tries).
 * `abandoned` is what older versions wrote for a message out of tries: read as `failed`.
 */
export type MessageStatus = "queued" | "processing" | "sent" | "superseded" | "expired" | "failed" | "abandoned";

export interface OutboxMessage {
  id: string;
  poolId: string;
  username: string;
  channel: "EMAIL" | "SMS";
  destination: string;
  subject: string | null;
  body: string;
  html: string | null;
  code: string | null;
  purpose: string;
  meta: Record<string, unknown> | null;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: number;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  /**
   * When the message stops being worth sending: the expiry of the code it carries (or of an invitation's temporary
   * password). It is retried until then, and then `expired`. Null or absent: nothing expires, a plain attempt limit.
   */
  expiresAt?: number | null;
  /**
   * Messages with the same key replace one another: writing one marks the older undelivered ones `superseded`. When
   * absent, `withOutbox` derives it for a message that carries a code (pool, user, purpose group).
   */
  supersedeKey?: string | null;
}

export interface DeliveryAttempt {
  id: string;
  messageId: string;
  at: number;
  channel: string;
  outcome: "success" | "failure";
  error: string | null;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The users' columns a listing can filter on (`emailKey` holds the email as the pool compares it). */
export type UserColumn = "username" | "emailKey" | "phone" | "sub" | "status";

/**
 * A filter on a pool's users: a column, exactly (`=`) or by prefix (`^=`, counted in characters); the enabled flag;
 * or one attribute of the attributes document.
 */
export type UserFilter =
  | { field: UserColumn; op: "=" | "^="; value: string }
  | { field: "enabled"; value: boolean }
  | { field: "attribute"; name: string; op: "=" | "^="; value: string };

export interface UserQuery {
  filter?: UserFilter;
  limit: number;
  after?: string;
}

export interface PoolRepo {
  insertPool(p: PoolRecord): Promise<void>;
  getPool(id: string): Promise<PoolRecord | undefined>;
  listPools(limit: number, after?: string): Promise<Page<PoolRecord>>;
  updatePool(p: PoolRecord): Promise<void>;
  /** Deletes the pool with its clients, users, codes, counters, tokens, sign-in failures, domains and resource servers. Returns false when it did not exist. */
  deletePool(id: string): Promise<boolean>;
}

export interface ClientRepo {
  insertClient(c: ClientRecord): Promise<void>;
  getClient(id: string): Promise<ClientRecord | undefined>;
  listClients(poolId: string, limit: number, after?: string): Promise<Page<ClientRecord>>;
  /** Writes name, settings and `updatedAt` (never the secret). */
  updateClient(c: ClientRecord): Promise<void>;
  /** Replaces the client's secret (null: none), for the seed file; false when there is no such client. */
  setClientSecret(id: string, secret: string | null, now: number): Promise<boolean>;
  deleteClient(id: string): Promise<boolean>;
}

export interface UserRepo {
  /** Inserts a user; returns false (and changes nothing) when the username key is taken. */
  insertUser(u: UserRecord): Promise<boolean>;
  getUser(poolId: string, usernameKey: string): Promise<UserRecord | undefined>;
  getUserBySub(poolId: string, sub: string): Promise<UserRecord | undefined>;
  findUsersByEmail(poolId: string, emailKey: string): Promise<UserRecord[]>;
  findUsersByPhone(poolId: string, phone: string): Promise<UserRecord[]>;
  updateUser(u: UserRecord): Promise<void>;
  /** AdminDisableUser / AdminEnableUser: sets only the enabled flag; false when the user does not exist. */
  setUserEnabled(poolId: string, usernameKey: string, enabled: boolean, now: number): Promise<boolean>;
  /** Sets a user's password hash only while it is still `from` (a stronger hash of the same password); false otherwise. */
  replacePasswordHash(poolId: string, usernameKey: string, from: string, to: string): Promise<boolean>;
  /** Moves a user from one status to another; false when the user was not in `from`. */
  transitionStatus(poolId: string, usernameKey: string, from: UserStatus, to: UserStatus, attributes: Record<string, string>, now: number): Promise<boolean>;
  /** Deletes the user with their codes and failed sign-ins (their tokens are revoked by the caller). */
  deleteUser(poolId: string, usernameKey: string): Promise<boolean>;
  listUsers(poolId: string, q: UserQuery): Promise<Page<UserRecord>>;
  countUsers(poolId: string): Promise<number>;
}

/**
 * Groups and their members (src/store/repos/groups.ts). Listings page by group name or username key. Deleting a
 * group, a user (`deleteUser`) or a pool (`deletePool`) removes its memberships.
 */
export interface GroupRepo {
  /** Inserts a group; returns false (and changes nothing) when the pool has a group of that name. */
  insertGroup(g: GroupRecord): Promise<boolean>;
  getGroup(poolId: string, name: string): Promise<GroupRecord | undefined>;
  /** Writes description, role, precedence and `updatedAt`; false when there is no such group. */
  updateGroup(g: GroupRecord): Promise<boolean>;
  /** Deletes the group with its memberships; false when there was no such group. */
  deleteGroup(poolId: string, name: string): Promise<boolean>;
  listGroups(poolId: string, limit: number, after?: string): Promise<Page<GroupRecord>>;
  /**
   * Makes the user a member of the group (already a member: no change). `no-group` / `no-user` (nothing written) when
   * the group or user does not exist, also when a concurrent transaction deletes it (PostgreSQL: call it in a `tx`).
   */
  addUserToGroup(poolId: string, groupName: string, usernameKey: string, now: number): Promise<"member" | "no-group" | "no-user">;
  /** False when the user was not a member. */
  removeUserFromGroup(poolId: string, groupName: string, usernameKey: string): Promise<boolean>;
  /** A page of the user's groups, by name. */
  listGroupsForUser(poolId: string, usernameKey: string, limit: number, after?: string): Promise<Page<GroupRecord>>;
  /** All the user's groups, by name (what the tokens' claims are made of). */
  groupsOfUser(poolId: string, usernameKey: string): Promise<GroupRecord[]>;
  /** A page of the group's members, by username key. */
  listUsersInGroup(poolId: string, groupName: string, limit: number, after?: string): Promise<Page<UserRecord>>;
}

/** A user pool domain (CreateUserPoolDomain): a prefix, or a custom domain's full name; unique on the server. */
export interface DomainRecord {
  /** Lower-case: `auth` (a prefix) or `auth.example.com` (custom). */
  domain: string;
  poolId: string;
  custom: boolean;
  /** A custom domain's CustomDomainConfig (`CertificateArn`, `SecurityPolicy`); null for a prefix. */
  config: Record<string, unknown> | null;
  managedLoginVersion: number;
  createdAt: number;
  updatedAt: number;
}

/** Domains (src/store/repos/domains.ts). A pool has at most one prefix and one custom domain. */
export interface DomainRepo {
  /**
   * Inserts a domain; `taken` (nothing written) when any pool has that domain, `pool-has-one` when the pool already
   * has a domain of that kind.
   */
  insertDomain(d: DomainRecord): Promise<"inserted" | "taken" | "pool-has-one">;
  getDomain(domain: string): Promise<DomainRecord | undefined>;
  /** The pool's domains (prefix first). */
  domainsOfPool(poolId: string): Promise<DomainRecord[]>;
  /** Writes config, managed login version and `updatedAt`; false when there is no such domain of that pool. */
  updateDomain(d: DomainRecord): Promise<boolean>;
  /** False when the pool has no such domain. */
  deleteDomain(poolId: string, domain: string): Promise<boolean>;
}

export interface ResourceServerScope { ScopeName: string; ScopeDescription: string }

/** A resource server (CreateResourceServer): custom scopes `<identifier>/<ScopeName>`. */
export interface ResourceServerRecord {
  poolId: string;
  identifier: string;
  name: string;
  scopes: ResourceServerScope[];
  createdAt: number;
  updatedAt: number;
}

/** Resource servers (src/store/repos/resource-servers.ts), by identifier within a pool. */
export interface ResourceServerRepo {
  /** False (nothing written) when the pool has a resource server with that identifier. */
  insertResourceServer(r: ResourceServerRecord): Promise<boolean>;
  getResourceServer(poolId: string, identifier: string): Promise<ResourceServerRecord | undefined>;
  /** A page of the pool's resource servers, by identifier. */
  listResourceServers(poolId: string, limit: number, after?: string): Promise<Page<ResourceServerRecord>>;
  countResourceServers(poolId: string): Promise<number>;
  /** Writes name, scopes and `updatedAt`; false when there is no such resource server. */
  updateResourceServer(r: ResourceServerRecord): Promise<boolean>;
  deleteResourceServer(poolId: string, identifier: string): Promise<boolean>;
}

export interface CodeRepo {
  /** Stores a code, superseding any earlier one for the same user and purpose. */
  putCode(c: CodeRecord): Promise<void>;
  getCode(poolId: string, usernameKey: string, purpose: CodePurpose): Promise<CodeRecord | undefined>;
  /** Consumes the code atomically; false when it was already consumed or superseded. */
  consumeCode(poolId: string, usernameKey: string, purpose: CodePurpose, codeHmac: string): Promise<boolean>;
}

export interface CounterRepo {
  /**
   * Atomically counts one more event in the subject's fixed window of `windowMs`, opening a new window when the
   * current one is over. Returns the count including this event.
   */
  hit(poolId: string, subject: string, kind: string, now: number, windowMs: number): Promise<number>;
  /** Deletes the pool's counters whose window started at or before `olderThan` (the per-IP limiter's clean-up). */
  pruneCounters(poolId: string, olderThan: number): Promise<number>;
}

/**
 * AttributesRequireVerificationBeforeUpdate: a changed email or phone number waits here, and the old value stays in
 * force, until the user verifies the new one.
 */
export interface PendingAttributeRepo {
  /** Records (or replaces) the pending value of one attribute. */
  putPendingAttribute(poolId: string, usernameKey: string, name: string, value: string, now: number): Promise<void>;
  /** The user's pending values, by attribute name. */
  getPendingAttributes(poolId: string, usernameKey: string): Promise<Record<string, string>>;
  /** Drops one pending value; false when there was none. */
  deletePendingAttribute(poolId: string, usernameKey: string, name: string): Promise<boolean>;
}

/** PreventUserExistenceErrors' decoys: outbox-shaped writes for unknown users, never delivered. */
export interface DecoyRepo {
  /**
   * PreventUserExistenceErrors: writes a message that is never delivered into slot `slot` (0-255) of the decoy
   * table, replacing what was there, so a simulated delivery costs what a real outbox write costs.
   */
  writeDecoy(slot: number, m: OutboxMessage, o?: { eraseSuperseded?: boolean }): Promise<void>;
  /**
   * PreventUserExistenceErrors: what recording a delivery attempt costs, for decoys: each attempt replaces the row in
   * its slot of the decoy attempts table, and the decoy message in that slot (if still `messageId`) moves to `sent`.
   */
  recordDecoyAttempts(list: { slot: number; attempt: DeliveryAttempt }[]): Promise<void>;
}

export interface RefreshTokenRecord {
  poolId: string;
  clientId: string;
  usernameKey: string;
  expiresAt: number;
  /** The sign-in it belongs to (`token_origins`); null for a token stored before origins were recorded. */
  originJti: string | null;
  /** Refresh-token rotation: when it was rotated out (it then works only for the client's grace period). */
  replacedAt: number | null;
}

export interface TokenRepo {
  insertRefreshToken(t: { tokenHash: string; poolId: string; clientId: string; usernameKey: string; expiresAt: number; createdAt: number; originJti: string }): Promise<void>;
  getRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
}

/**
 * One sign-in: the `origin_jti` its tokens (and the tokens refreshed from its refresh token) carry. Revoking it
 * refuses all of them.
 */
export interface TokenOrigin {
  originJti: string;
  poolId: string;
  clientId: string;
  usernameKey: string;
  /** The sign-in's `event_id` claim. */
  eventId: string;
  /** When the user authenticated (epoch ms; the tokens' `auth_time`). */
  authTime: number;
  /** The scopes granted through the OAuth endpoints (space-separated), kept by refreshed tokens; absent for an API sign-in. */
  scope?: string;
  revokedAt: number | null;
  createdAt: number;
}

export interface TokenOriginRepo {
  insertTokenOrigin(o: TokenOrigin): Promise<void>;
  getTokenOrigin(originJti: string): Promise<TokenOrigin | undefined>;
  /** Revokes one origin (RevokeToken); false when it did not exist or was already revoked. */
  revokeTokenOrigin(originJti: string, now: number): Promise<boolean>;
  /** Revokes every live origin of a user, on every client (GlobalSignOut and the like); returns how many. */
  revokeUserTokenOrigins(poolId: string, usernameKey: string, now: number): Promise<number>;
  /** Rotation: marks a refresh token rotated out at `now`; false when it already was. */
  replaceRefreshToken(tokenHash: string, now: number): Promise<boolean>;
}

/** A user's failed password attempts, for the temporary lockout (src/domain/lockout.ts). */
export interface SignInFailures {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

export interface LockoutRepo {
  getSignInFailures(poolId: string, usernameKey: string): Promise<SignInFailures | undefined>;
  /**
   * Atomically counts one more failed password at `now` and returns the count including it. The count starts again
   * at 1 when the user has been quiet since `quietSince`: the later of the last failure and the end of the last lock
   * is at or before it.
   */
  recordSignInFailure(poolId: string, usernameKey: string, now: number, quietSince: number): Promise<number>;
  /** Locks sign-in until `until`, unless a lock already runs longer. */
  lockSignIn(poolId: string, usernameKey: string, until: number): Promise<void>;
  clearSignInFailures(poolId: string, usernameKey: string): Promise<void>;
}

/** A challenge session (InitiateAuth → RespondToAuthChallenge), by the hash of its opaque `Session` string. */
export interface AuthSession {
  idHash: string;
  poolId: string;
  clientId: string;
  usernameKey: string;
  challenge: string;
  state: Record<string, unknown>;
  expiresAt: number;
  createdAt: number;
}

/** What is written whenever a password is set: its scrypt hash and its SRP verifier together. */
export interface PasswordWrite {
  passwordHash: string;
  srpSalt: string;
  srpVerifier: string;
  /** When a temporary password stops working; null for a permanent one. */
  passwordExpiresAt: number | null;
  /** The status the user moves to with it (AdminSetUserPassword, NEW_PASSWORD_REQUIRED); omitted: unchanged. */
  status?: UserStatus;
}

export interface AuthRepo {
  /** Sets the user's password hash, SRP verifier and expiry (and status, if given); false when there is no such user. */
  setPassword(poolId: string, usernameKey: string, p: PasswordWrite, now: number): Promise<boolean>;
  /** Gives an older password its SRP verifier, only while `passwordHash` is still the user's hash. */
  setPasswordVerifier(poolId: string, usernameKey: string, passwordHash: string, srpSalt: string, srpVerifier: string): Promise<boolean>;
  getPasswordVerifier(poolId: string, usernameKey: string): Promise<{ srpSalt: string | null; srpVerifier: string | null; passwordExpiresAt: number | null } | undefined>;
  /** Stores a challenge session (and drops sessions that expired before its creation). */
  insertAuthSession(s: AuthSession): Promise<void>;
  getAuthSession(idHash: string): Promise<AuthSession | undefined>;
  /** Takes (deletes and returns) a session: single-use, even under concurrency. */
  takeAuthSession(idHash: string): Promise<AuthSession | undefined>;
}

export interface OutboxFilter {
  poolId?: string;
  username?: string;
  to?: string;
  /** Only messages in these statuses (`failed` includes the older `abandoned`). */
  status?: MessageStatus[];
  limit?: number;
}

/** The outbox's backlog (queued and processing messages) per medium (`channel` column) and status, for /metrics. */
export interface OutboxBacklog {
  channel: string;
  status: "queued" | "processing";
  count: number;
  /** `created_at` of the oldest message in the group. */
  oldest: number;
}

/** Where a message goes after an attempt. */
export interface AttemptNext {
  /** `expired`: the next try would come after the message's expiry; `failed`: refused for good or out of tries. */
  status: "sent" | "queued" | "expired" | "failed";
  /** With `queued`: when the next try is due. */
  retryAt?: number;
  /** Erase the message's code and text (production mode, once it is sent or finished otherwise). */
  erase?: boolean;
}

export interface OutboxRepo {
  /**
   * Writes a message. With a `supersedeKey`, first marks the undelivered (queued or processing) messages with that
   * key `superseded` (erasing their code and text with `eraseSuperseded`), in the same statement sequence: call it
   * inside the transaction that creates the newer code.
   */
  enqueue(m: OutboxMessage, o?: { eraseSuperseded?: boolean; now?: number }): Promise<void>;
  /** Claims up to `limit` due messages for `leaseMs`; a message whose lease ran out is claimable again. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /**
   * Records one delivery attempt and moves the message on (sent, back to queued at `retryAt`, expired or failed). A
   * message superseded while it was being tried stays `superseded` unless the attempt delivered it.
   */
  recordAttempt(a: DeliveryAttempt, next: AttemptNext): Promise<void>;
  /** `recordAttempt` for each entry, in one go. */
  recordAttempts(list: { attempt: DeliveryAttempt; next: AttemptNext }[]): Promise<void>;
  listMessages(f: OutboxFilter): Promise<OutboxMessage[]>;
  getMessage(id: string): Promise<OutboxMessage | undefined>;
  listAttempts(messageId: string): Promise<DeliveryAttempt[]>;
  /** Claimed messages that expired before they were tried: `expired`, with no attempt (erased with `erase`). */
  expireUnsent(ids: string[], at: number, erase?: boolean): Promise<void>;
  /** Removes finished messages (sent, superseded, expired, failed, abandoned) with their attempts (the dev inbox's "clear"). */
  clearFinished(): Promise<number>;
  /**
   * Puts every claimed (`processing`) message back in the queue, due now. Only for a single-instance store at
   * start-up, when no live worker can hold a claim (a crashed run's claims would otherwise wait out their lease).
   */
  releaseClaims(): Promise<number>;
  /** Keeps the claims on messages still being delivered: their lease runs until `until`. */
  extendLeases(ids: string[], until: number): Promise<void>;
  /** How many messages there are per medium (`channel` column) and status (reads every row: the dev inbox's change poll). */
  outboxCounts(): Promise<{ channel: string; status: string; count: number }[]>;
  /** The backlog only (queued and processing), from its partial index: what /metrics reads at every scrape. */
  outboxBacklog(): Promise<OutboxBacklog[]>;
  /**
   * Puts `failed` (and older `abandoned`) messages back in the queue, due at `now`, with a fresh attempt count: the
   * one with `id`, or all of them. Returns the ids requeued. (`userpool outbox retry`.)
   */
  requeueMessages(which: { id: string } | { allFailed: true }, now: number): Promise<string[]>;
  /**
   * Retention: deletes up to `limit` sent, superseded and expired messages created before `before`, with their
   * attempts, oldest first. Returns how many messages it deleted (fewer than `limit`: nothing more to delete now).
   */
  pruneOutbox(before: number, limit: number): Promise<number>;
}

/** A hosted-UI sign-in session (the session cookie's value, by its SHA-256), per pool. */
export interface HostedSession {
  idHash: string;
  poolId: string;
  usernameKey: string;
  /** When the user signed in (epoch ms). */
  authTime: number;
  expiresAt: number;
  createdAt: number;
}

/** An authorization code of /oauth2/authorize, by its SHA-256: bound to the client and redirect URI, single-use. */
export interface AuthorizationCode {
  codeHash: string;
  poolId: string;
  clientId: string;
  redirectUri: string;
  usernameKey: string;
  /** The granted scopes, space-separated. */
  scope: string;
  nonce: string | null;
  /** The PKCE S256 challenge; null when none was given. */
  codeChallenge: string | null;
  authTime: number;
  expiresAt: number;
  createdAt: number;
}

/** The hosted UI's sessions and authorization codes (src/store/repos/hosted.ts). */
export interface HostedRepo {
  /** Stores a session (and drops the expired ones). */
  insertHostedSession(s: HostedSession): Promise<void>;
  getHostedSession(idHash: string): Promise<HostedSession | undefined>;
  /** Ends a session (/logout); false when there was none. */
  deleteHostedSession(idHash: string): Promise<boolean>;
  /** Stores a code (and drops the expired ones). */
  insertAuthorizationCode(c: AuthorizationCode): Promise<void>;
  /** Uses a code up: returns it once, then never again (expired or not: the caller checks `expiresAt`). */
  takeAuthorizationCode(codeHash: string): Promise<AuthorizationCode | undefined>;
}

/** A per-user hourly limit counted with a write (`CounterRepo.hit` semantics): `perHour` 0 counts nothing. */
export interface CountedLimit { kind: string; perHour: number; windowMs: number }

/**
 * A code and its message, written in one go (`IssueRepo.issueCodeMessage`): the count against the limit, the code's
 * HMAC (replacing the user's code of that purpose), the message (superseding the undelivered ones of its
 * `supersedeKey`), all or nothing.
 */
export interface CodeIssue {
  /**
   * The user as the caller read it: nothing is written (`changed`) unless the user still has this status, is enabled
   * and has exactly these attributes. Absent: a simulated user (PreventUserExistenceErrors), whose key has no row.
   */
  expect?: { status: UserStatus; attributes: Record<string, string> };
  limit?: CountedLimit;
  /** `createdAt` is the time everything is written at. */
  code: CodeRecord;
  /** The message, its `supersedeKey` already set. */
  message: OutboxMessage;
  /** Set: a decoy, written into this slot (0-255) of the decoy table instead of the outbox (`DecoyRepo.writeDecoy`). */
  decoySlot?: number;
  /** Erase the code and text of the messages it supersedes (production). */
  eraseSuperseded?: boolean;
}

/**
 * ResendConfirmationCode's request path in one store call (`IssueRepo.resendCode`): unlike `CodeIssue`, the store
 * reads the user itself (one round trip on PostgreSQL in all), so the caller composed the message for each attribute
 * the code may go to. The user (`code.poolId`, `code.usernameKey`) must be enabled, have `status` and a value for one
 * of `candidates`' attributes; the first such candidate is written, to that value, with the user's stored username.
 */
export interface CodeResend {
  /** The status the user must have. */
  status: UserStatus;
  /**
   * By preference; each message with an empty `destination` and whatever `supersedeKey`: the store writes the user's
   * address and `<pool> <stored username> <supersedeGroup>`.
   */
  candidates: { attribute: "email" | "phone_number"; message: OutboxMessage }[];
  /** The messages' supersede key without its `<pool> <username> ` prefix (the store adds the stored username's). */
  supersedeGroup: string;
  limit?: CountedLimit;
  /** The code's record; its `attribute` is the chosen candidate's (the HMAC does not depend on it). */
  code: CodeRecord;
  /** PreventUserExistenceErrors: what to write instead when there is no enabled user of that key. */
  decoy?: { code: CodeRecord; message: OutboxMessage; slot: number };
  eraseSuperseded?: boolean;
}

/**
 * What `resendCode` did: `issued` (to `attribute`'s value `destination`, stored username `username`), `simulated`
 * (the decoy written), `limited` (only the count written), or why nothing was written.
 */
export type CodeResendOutcome =
  | { r: "issued" | "simulated"; attribute: "email" | "phone_number"; destination: string; username: string }
  | { r: "limited" | "absent" | "disabled" | "status" | "no-target" };

/** An attempt to use a code (`IssueRepo.confirmWithCode`). */
export interface CodeCheck {
  poolId: string;
  usernameKey: string;
  purpose: CodePurpose;
  limit?: CountedLimit;
  now: number;
  /**
   * Set when the caller found the code right (compared in constant time): consume the code with this HMAC and move the
   * user from `from` (with exactly `attributes`, as read) to `to` with `newAttributes`. Absent: count only.
   */
  consume?: { codeHmac: string; from: UserStatus; attributes: Record<string, string>; to: UserStatus; newAttributes: Record<string, string> };
}

/**
 * The request path of the code operations in as few statements as the database allows (issue 16): on PostgreSQL one
 * round trip each (a server-side function, migrations/0085), on SQLite the same steps in one transaction. Outside a
 * transaction each call is atomic by itself.
 */
export interface IssueRepo {
  /** A user and their code of `purpose` in one read (the code absent when there is none). */
  getUserWithCode(poolId: string, usernameKey: string, purpose: CodePurpose): Promise<{ user: UserRecord; code?: CodeRecord } | undefined>;
  /** `issued`; `limited` (only the count written); `changed` (nothing written: the user is no longer as expected). */
  issueCodeMessage(i: CodeIssue): Promise<"issued" | "limited" | "changed">;
  /** ResendConfirmationCode's reads, checks and writes in one call (`CodeResend`); nothing written unless it answers `issued` or `simulated` (or `limited`: the count). */
  resendCode(q: CodeResend): Promise<CodeResendOutcome>;
  /**
   * Counts the attempt first, always; then `limited` (over the limit: nothing else done), `counted` (no `consume`),
   * `confirmed` (code consumed, user moved), or `changed` (the user or code is no longer as read: only counted).
   */
  confirmWithCode(c: CodeCheck): Promise<"limited" | "counted" | "confirmed" | "changed">;
}

/** Every repository; each is implemented in its own file under `repos/`. */
export interface Repos extends PoolRepo, ClientRepo, UserRepo, GroupRepo, CodeRepo, CounterRepo, DecoyRepo, TokenRepo, TokenOriginRepo,
  LockoutRepo, OutboxRepo, AuthRepo, PendingAttributeRepo, HostedRepo, DomainRepo, ResourceServerRepo, IssueRepo {}

export interface Store extends Repos {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  tx<T>(fn: (s: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
