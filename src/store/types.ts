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

export type CodePurpose = "SIGN_UP";

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

export type MessageStatus = "queued" | "processing" | "sent" | "abandoned";

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
  /** Deletes the pool with its clients, users, codes and counters. Returns false when it did not exist. */
  deletePool(id: string): Promise<boolean>;
}

export interface ClientRepo {
  insertClient(c: ClientRecord): Promise<void>;
  getClient(id: string): Promise<ClientRecord | undefined>;
  listClients(poolId: string, limit: number, after?: string): Promise<Page<ClientRecord>>;
  updateClient(c: ClientRecord): Promise<void>;
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
  /** Sets a user's password hash only while it is still `from` (a stronger hash of the same password); false otherwise. */
  replacePasswordHash(poolId: string, usernameKey: string, from: string, to: string): Promise<boolean>;
  /** Moves a user from one status to another; false when the user was not in `from`. */
  transitionStatus(poolId: string, usernameKey: string, from: UserStatus, to: UserStatus, attributes: Record<string, string>, now: number): Promise<boolean>;
  deleteUser(poolId: string, usernameKey: string): Promise<boolean>;
  listUsers(poolId: string, q: UserQuery): Promise<Page<UserRecord>>;
  countUsers(poolId: string): Promise<number>;
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

/** PreventUserExistenceErrors' decoys: outbox-shaped writes for unknown users, never delivered. */
export interface DecoyRepo {
  /**
   * PreventUserExistenceErrors: writes a message that is never delivered into slot `slot` (0-255) of the decoy
   * table, replacing what was there, so a simulated delivery costs what a real outbox write costs.
   */
  writeDecoy(slot: number, m: OutboxMessage): Promise<void>;
  /**
   * PreventUserExistenceErrors: what recording a delivery attempt costs, for decoys: each attempt replaces the row in
   * its slot of the decoy attempts table, and the decoy message in that slot (if still `messageId`) moves to `sent`.
   */
  recordDecoyAttempts(list: { slot: number; attempt: DeliveryAttempt }[]): Promise<void>;
}

export interface TokenRepo {
  insertRefreshToken(t: { tokenHash: string; poolId: string; clientId: string; usernameKey: string; expiresAt: number; createdAt: number }): Promise<void>;
  getRefreshToken(tokenHash: string): Promise<{ poolId: string; clientId: string; usernameKey: string; expiresAt: number } | undefined>;
}

export interface OutboxFilter {
  poolId?: string;
  username?: string;
  to?: string;
  limit?: number;
}

/** Where a message goes after an attempt. */
export interface AttemptNext {
  status: "sent" | "queued" | "abandoned";
  /** With `queued`: when the next try is due. */
  retryAt?: number;
  /** Erase the message's code and text (production mode, once it is sent or abandoned). */
  erase?: boolean;
}

export interface OutboxRepo {
  enqueue(m: OutboxMessage): Promise<void>;
  /** Claims up to `limit` due messages for `leaseMs`; a message whose lease ran out is claimable again. */
  claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /** Records one delivery attempt and moves the message on (sent, back to queued at `retryAt`, or abandoned). */
  recordAttempt(a: DeliveryAttempt, next: AttemptNext): Promise<void>;
  /** `recordAttempt` for each entry, in one go. */
  recordAttempts(list: { attempt: DeliveryAttempt; next: AttemptNext }[]): Promise<void>;
  listMessages(f: OutboxFilter): Promise<OutboxMessage[]>;
  getMessage(id: string): Promise<OutboxMessage | undefined>;
  listAttempts(messageId: string): Promise<DeliveryAttempt[]>;
  /** Removes delivered and abandoned messages (the dev inbox's "clear"). */
  clearFinished(): Promise<number>;
  /**
   * Puts every claimed (`processing`) message back in the queue, due now. Only for a single-instance store at
   * start-up, when no live worker can hold a claim (a crashed run's claims would otherwise wait out their lease).
   */
  releaseClaims(): Promise<number>;
  /** Keeps the claims on messages still being delivered: their lease runs until `until`. */
  extendLeases(ids: string[], until: number): Promise<void>;
  /** How many messages there are per medium (`channel` column) and status, for /metrics. */
  outboxCounts(): Promise<{ channel: string; status: string; count: number }[]>;
}

/** Every repository; each is implemented in its own file under `repos/`. */
export interface Repos extends PoolRepo, ClientRepo, UserRepo, CodeRepo, CounterRepo, DecoyRepo, TokenRepo, OutboxRepo {}

export interface Store extends Repos {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  tx<T>(fn: (s: Repos) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
