/**
 * Generators of temporary credential material that looks like AWS's: access key ids `ASIA` + 16
 * characters of the base32 alphabet A-Z2-7 (the alphabet of real key ids), 40-character secrets of
 * the base64 alphabet, and long opaque session tokens. The random source is injectable so tests and
 * seeded runs can be deterministic.
 */
import { createHash, randomBytes } from "node:crypto";

/** A source of random bytes. */
export type RandomSource = (size: number) => Uint8Array;

/** The default random source: node:crypto. */
export const cryptoRandom: RandomSource = (size) => randomBytes(size);

/**
 * A deterministic random source for reproducible runs (e.g. from CONFORMANCE_SEED): SHA-256 of the
 * seed and a block counter, in counter mode. Not for secrets that must stay secret.
 */
export function seededRandom(seed: string | number): RandomSource {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (size) => {
    while (pool.length < size) {
      pool = Buffer.concat([pool, createHash("sha256").update(`${seed}:${counter++}`).digest()]);
    }
    const out = pool.subarray(0, size);
    pool = pool.subarray(size);
    return new Uint8Array(out);
  };
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function pick(alphabet: string, length: number, random: RandomSource): string {
  const bytes = random(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}

/** A temporary access key id: `ASIA` + 16 base32 characters. */
export const temporaryAccessKeyId = (random: RandomSource): string => `ASIA${pick(BASE32, 16, random)}`;

/** A 40-character secret access key. */
export const secretAccessKey = (random: RandomSource): string => pick(BASE64, 40, random);

/**
 * An opaque session token. Real tokens are several hundred base64 characters and (since 2019) start
 * with `IQoJb3JpZ2luX2Vj` (base64 of a versioned header); the emulator keeps that prefix.
 */
export const sessionToken = (random: RandomSource): string => `IQoJb3JpZ2luX2Vj${Buffer.from(random(240)).toString("base64")}`;
