/**
 * Identifiers in the forms the inspector2 model's patterns require: lowercase UUIDs, hex ids, and
 * ids derived from a seed (so the simulated estate is the same in every run), from node:crypto.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";

/** `n` lowercase hex characters derived from `seed`. */
export function seededHex(seed: string, n: number): string {
  let out = "";
  for (let i = 0; out.length < n; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
  return out.slice(0, n);
}

/** A lowercase UUID (version 4 form) derived from `seed`. */
export function seededUuid(seed: string): string {
  const h = seededHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A fresh lowercase UUID. */
export const newUuid = (): string => randomUUID();

/** `n` fresh random lowercase hex characters. */
export const newHex = (n: number): string => randomBytes(Math.ceil(n / 2)).toString("hex").slice(0, n);

/** Epoch seconds (possibly fractional) of a date: the rest-json body form of a timestamp. */
export const epochSeconds = (date: Date): number => date.getTime() / 1000;
