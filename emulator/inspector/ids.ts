/**
 * Identifiers in AWS's forms: resource ids `0-` + 8 characters of [A-Za-z0-9] (doc examples:
 * `0-oclRMp8B`, `0-ABcQzlXc`), preview tokens as lowercase UUIDs (the model's UUID pattern).
 * Random ids come from node:crypto; derived ids (findings, exclusions, agents) hash their seed so
 * the same run always yields the same ones.
 */
import { createHash, randomInt, randomUUID } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A fresh random resource id, `0-xxxxxxxx`. */
export function newResourceId(): string {
  let id = "0-";
  for (let i = 0; i < 8; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** A resource id derived from `seed`: the same seed gives the same id. */
export function derivedResourceId(seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let id = "0-";
  for (let i = 0; i < 8; i++) id += ALPHABET[digest[i]! % ALPHABET.length];
  return id;
}

/** A deterministic unsigned 32-bit number from `seed`, for picking simulated data. */
export function seededNumber(seed: string): number {
  return createHash("sha256").update(seed).digest().readUInt32BE(0);
}

/** Lowercase hex of the sha256 of `seed`, `length` characters. */
export function seededHex(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** A fresh preview token (RFC 4122 UUID, lowercase, matches the model's UUID pattern). */
export const newPreviewToken = (): string => randomUUID();
