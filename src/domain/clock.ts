/** Time and randomness are injected so tests can move time and read codes deterministically. */
import { randomInt, randomUUID, randomBytes } from "node:crypto";

export interface Clock { now(): number }
export const systemClock: Clock = { now: () => Date.now() };

export interface Random {
  /** A 6-digit confirmation code. */
  code(): string;
  uuid(): string;
  /** `n` characters from `alphabet`, uniformly. */
  chars(n: number, alphabet: string): string;
  bytes(n: number): Buffer;
}

export const cryptoRandom: Random = {
  code: () => String(randomInt(0, 1_000_000)).padStart(6, "0"),
  uuid: () => randomUUID(),
  chars(n, alphabet) {
    let s = "";
    for (let i = 0; i < n; i++) s += alphabet[randomInt(0, alphabet.length)];
    return s;
  },
  bytes: (n) => randomBytes(n),
};
