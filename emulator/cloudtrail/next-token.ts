/**
 * LookupEvents NextToken: an opaque base64url JSON that pins the query's snapshot, so that records
 * arriving (or becoming visible) while a caller pages through results are neither skipped nor repeated.
 * The snapshot is "records with seq <= maxSeq, visible at snapshotMs"; that set never changes, so an
 * offset into its sorted order is stable. The token is bound to the account, region and the query's
 * filter parameters: "This token must be passed in with the same parameters that were specified in the
 * original call" (model doc). MaxResults is not bound, so page sizes may vary between pages.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { LookupEventsQuery } from "./lookup-events-input.js";

/** What a NextToken carries. */
export interface PageToken {
  account: string;
  region: string;
  /** Hash of the filter parameters the token was issued for. */
  params: string;
  maxSeq: number;
  snapshotMs: number;
  offset: number;
}

const tokenSchema = z.object({
  v: z.literal(1),
  a: z.string(),
  r: z.string(),
  p: z.string(),
  s: z.number().int().nonnegative(),
  t: z.number(),
  o: z.number().int().positive(),
});

/** A hash of the parameters that must be resent unchanged with a NextToken. */
export function paramsHash(query: LookupEventsQuery): string {
  const canonical = JSON.stringify([query.attribute?.key ?? null, query.attribute?.value ?? null, query.startMs ?? null, query.endMs ?? null, query.eventCategory ?? null]);
  return createHash("sha256").update(canonical).digest("base64url");
}

/** Encodes a token. */
export function encodePageToken(token: PageToken): string {
  const body = { v: 1, a: token.account, r: token.region, p: token.params, s: token.maxSeq, t: token.snapshotMs, o: token.offset };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

/** Decodes a token; undefined when it is not one this service issued in this form. */
export function decodePageToken(text: string): PageToken | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const t = parsed.data;
  return { account: t.a, region: t.r, params: t.p, maxSeq: t.s, snapshotMs: t.t, offset: t.o };
}
