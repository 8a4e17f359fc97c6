/** CreateUserPool (IAM): a new pool with Cognito's defaults and its own RS256 signing key. */
import type { CreateUserPoolRequest, CreateUserPoolResponse } from "../generated/cognito-idp.js";
import { newPoolId, poolArn } from "../domain/ids.js";
import { buildPoolDoc } from "../domain/pool.js";
import { requireChannels } from "../domain/production.js";
import { newSigningKey } from "../domain/tokens.js";
import type { Deps, Handler } from "./deps.js";
import { poolView } from "./views.js";

export default function CreateUserPool({ store, random, clock, config }: Pick<Deps, "store" | "random" | "clock" | "config">): Handler<CreateUserPoolRequest, CreateUserPoolResponse> {
  return async function createUserPool(input) {
    requireChannels(config, input.AutoVerifiedAttributes, input.LambdaConfig);
    const id = newPoolId(random, config.region);
    const doc = buildPoolDoc(input, id, poolArn(config.region, config.accountId, id));
    const signingKey = await newSigningKey(random);
    const now = clock.now();
    const pool = { id, name: input.PoolName, doc, signingKey: signingKey as Record<string, unknown>, createdAt: now, updatedAt: now };
    await store.insertPool(pool);
    return { UserPool: poolView(pool, 0) };
  };
}
