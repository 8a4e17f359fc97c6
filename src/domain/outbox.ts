/**
 * How an operation sends messages: inside one store transaction, through an `OutboxWriter`. The server supplies
 * `withOutbox` (src/delivery/index.ts): it opens the transaction, gives `fn` the repositories and a writer, commits,
 * and only then hands what was written to the outbox worker. A handler cannot forget the wake-up, and nothing is
 * sent for a transaction that rolled back.
 */
import type { CodeIssue, CodeResend, CodeResendOutcome, OutboxMessage, Repos } from "../store/types.js";

export interface OutboxWriter {
  /** Queues a message, in the transaction, for the outbox worker to deliver after the commit. */
  enqueue(m: OutboxMessage): Promise<void>;
  /**
   * PreventUserExistenceErrors: writes a message that is never delivered into slot `slot` (0-255) of the decoy
   * table, at the cost of a real `enqueue` (docs/security.md).
   */
  enqueueDecoy(slot: number, m: OutboxMessage): Promise<void>;
}

/**
 * Runs `fn` in one transaction with an outbox writer; the messages it wrote go to the worker after the commit.
 * `issue`: a code and its message in one store call (`IssueRepo.issueCodeMessage`, one round trip on PostgreSQL),
 * with the same supersede key, hand-over and wake-up as `enqueue` (and `enqueueDecoy` for a decoy).
 * `resend`: the same for ResendConfirmationCode's store call that reads the user itself (`IssueRepo.resendCode`).
 */
export type WithOutbox = (<T>(fn: (tx: Repos, out: OutboxWriter) => Promise<T>) => Promise<T>) & {
  issue(i: Omit<CodeIssue, "eraseSuperseded">): Promise<"issued" | "limited" | "changed">;
  resend(q: Omit<CodeResend, "eraseSuperseded" | "supersedeGroup">): Promise<CodeResendOutcome>;
  /**
   * Whether a read outside a transaction and then `issue` is the cheaper way: on PostgreSQL two round trips against a
   * transaction's five or more. On SQLite a transaction is one job of the group commit, and a read inside it costs
   * less than a read transaction of its own (which `issue` then has to guard with a second read):
   * ResendConfirmationCode takes the transaction there, except under PreventUserExistenceErrors (docs/performance.md).
   */
  readonly atOnce: boolean;
};
