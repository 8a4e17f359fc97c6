/** Per-user limits, counted in the database so they hold across instances. */
import { LimitExceededException } from "../generated/cognito-idp.js";
import type { Repos } from "../store/types.js";

export const HOUR_MS = 60 * 60 * 1000;
export const LIMIT_MESSAGE = "Attempt limit exceeded, please try after some time.";

/** Counts one attempt of `kind` for the user; throws LimitExceededException past `perHour` (0 = unlimited). */
export async function countAttempt(store: Repos, poolId: string, usernameKey: string, kind: string, perHour: number, now: number): Promise<void> {
  if (perHour === 0) return;
  const n = await store.hit(poolId, usernameKey, kind, now, HOUR_MS);
  if (n > perHour) throw new LimitExceededException(LIMIT_MESSAGE);
}
