/**
 * Which pool a request's Host names. Locally the OAuth endpoints live at the root of the public URL and find the pool
 * from `client_id`; a request whose Host is a registered custom domain (`auth.example.com`, pointed at this server by
 * DNS or /etc/hosts), or Cognito's name for a prefix domain (`<prefix>.auth.<region>.amazoncognito.com`), is served
 * for that domain's pool.
 */
import type { Repos } from "../../store/types.js";

/** The host of a Host header, lower-case, without port or trailing dot; undefined when it cannot be a domain name. */
export function hostName(host: string | undefined): string | undefined {
  if (!host || host.length > 260) return undefined;
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return /^[a-z0-9.-]{1,253}$/.test(name) ? name : undefined;
}

/** The pool whose custom domain (or prefix domain, by Cognito's host name for it) `host` is; undefined otherwise. */
export async function poolForHost(store: Pick<Repos, "getDomain">, host: string | undefined, region = "us-east-1"): Promise<string | undefined> {
  const name = hostName(host);
  if (!name || !name.includes(".")) return undefined;
  const suffix = `.auth.${region}.amazoncognito.com`;
  if (name.endsWith(suffix)) {
    const prefix = await store.getDomain(name.slice(0, -suffix.length));
    return prefix && !prefix.custom ? prefix.poolId : undefined;
  }
  const custom = await store.getDomain(name);
  return custom?.custom ? custom.poolId : undefined;
}
